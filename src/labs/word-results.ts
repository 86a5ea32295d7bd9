// Results written in words that no list of words can hold: a colour ("Palha"), a blood group ("O",
// "AB Rh+"), a crystal ("Oxalato de cálcio raros"), a culture or a parasitology finding in a sentence
// ("Foram encontrados cistos de Giardia lamblia"). They are recognised by where they stand: after a
// label whose results are words (WORD_FIELDS), or on a "Resultado:" line under a block title. Such a
// value is a qualitative result; with no printed word reference its flag is 'indeterminado'.

// Labels (folded) whose result is a word or a few words.
const WORD_FIELDS =
  /^(?:cor|colora[cç][aã]o|aspecto|odor|consist[eê]ncia|grupo\s+(?:abo|sangu[ií]neo)|tipo\s+sangu[ií]neo|tipagem(?:\s+sangu[ií]nea)?|fator\s+rh|rh|cristais|muco|filamentos\s+de\s+muco|bact[eé]rias|flora(?:\s+bacteriana)?|leveduras|c[eé]lulas\s+epiteliais|cilindros|parasitas|protozo[aá]rios|helmintos|(?:uro|copro|hemo)?cultura|pesquisa\s+de\s+[\p{L} ]+|sangue\s+oculto|muco\s+fecal|restos\s+alimentares|micro-?o?rganismos?(?:\s+isolados?)?|organismos?(?:\s+isolados?)?|agentes?\s+isolados?|germes?\s+isolados?)$/iu;

/**
 * Whether results after this label are words (colour, aspect, blood group, crystals, cultures…). A
 * bracketed qualifier after the label names the system or the method ("Grupo sanguíneo (ABO)",
 * "Fator Rh (D)", "Cor (visual)"): the label is the same.
 */
export function isWordField(label: string): boolean {
  return WORD_FIELDS.test(
    label
      .replace(/(?:\s*\([^()]*\))+\s*$/, '')
      .trim()
      .replace(/\s+/g, ' '),
  );
}

// A stool exam's own name heads its finding in a column row ("Parasitológico de fezes   <finding>
// Negativo"), as "Parasitas" does. After a colon the same name may lead a sentence the reader cannot
// vouch for ("Parasitológico: Negativo para ovos e cistos"), which stays listed.
const FINDING_ROW_NAME = /^(?:exame\s+)?(?:proto)?parasitol[oó]gico(?:\s+de\s+fezes)?$/iu;

/** Whether the cell after this name cell in a column row is a result in words. */
export function isWordColumnName(label: string): boolean {
  return isWordField(label) || FINDING_ROW_NAME.test(label.trim().replace(/\s+/g, ' '));
}

/** The words of a result as printed, without a closing full stop; undefined when it holds digits. */
export function wordResultText(text: string): string | undefined {
  const t = text.trim().replace(/[.;\s]+$/, '');
  if (t === '' || /\d/.test(t.replace(/\b1\s*[:/]\s*\d+\b/g, '')) || !/^\p{L}/u.test(t)) return undefined;
  return t;
}

// What a parasitology or culture result says it found, or did not ("Foram encontrados cistos de …",
// "Não foram observados ovos", "Presença de …"): a result in words, never a column's name.
export const FINDING_SENTENCE =
  /^(?:n[aã]o\s+)?(?:foram|foi)\s+(?:encontrad|observad|identificad|visualizad|detectad|isolad)\p{L}*\s+\p{L}|^(?:presen[cç]a|aus[eê]ncia)\s+de\s+\p{L}/iu;
