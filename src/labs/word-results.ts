// Results written in words that no list of words can hold: a colour ("Palha"), a blood group ("O",
// "AB Rh+"), a crystal ("Oxalato de cálcio raros"), a culture or a parasitology finding in a sentence
// ("Foram encontrados cistos de Giardia lamblia"). They are recognised by where they stand: after a
// label whose results are words (WORD_FIELDS), or on a "Resultado:" line under a block title. Such a
// value is a qualitative result; with no printed word reference its flag is 'indeterminado'.
import { matchesOf } from '../text/matches.ts';
import { DANGLING_WORD } from './lines.ts';
import { qualitativeAtStart, qualitativeReference, REFERENCE_LEAD_WORDS, titreOf } from './reference.ts';

// Labels (folded) whose result is a word or a few words. A malaria slide names the species of Plasmodium it found
// after "Espécie identificada" (a LACEN's GAL report, h1856), as a culture names its isolate. A haemoglobin
// electrophoresis's result is the haemoglobins found ("Hb AA", "AS", "FA"). A blood group's label may name both systems typed ("Tipagem ABO/Rh: A
// positivo", an occupational exam's attachment).
const WORD_FIELDS =
  /^(?:cor|colora[cç][aã]o|aspecto|odor|consist[eê]ncia|(?:(?:grupo\s+(?:abo|sangu[ií]neo)(?:\s+abo)?|tipo\s+sangu[ií]neo(?:\s+abo)?|tipagem(?:\s+sangu[ií]nea)?(?:\s+abo)?)|abo)(?:\s*(?:\/|\be\b)\s*(?:fator\s+)?rh)?|fator\s+rh|rh|cristais|muco|filamentos\s+de\s+muco|bact[eé]rias|flora(?:\s+bacteriana)?|leveduras|c[eé]lulas\s+epiteliais|cilindros|parasitas|protozo[aá]rios|helmintos|(?:uro|copro|hemo)?cultura|pesquisa\s+de\s+[\p{L} ]+|sangue\s+oculto|muco\s+fecal|restos\s+alimentares|micro-?o?rganismos?(?:\s+(?:isolados?|identificados?))?|organismos?(?:\s+(?:isolados?|identificados?))?|agentes?\s+(?:isolados?|identificados?)|esp[eé]cies?\s+(?:isoladas?|identificadas?|encontradas?)|germes?\s+(?:isolados?|identificados?)|(?:eletroforese|perfil)\s+d[ea]s?\s+hemoglobinas?)$/iu;

// A table's column heading printed one cell a line under a title ("Fração" / "Resultado" / "Valores de
// Referência" under "ELETROFORESE DE HEMOGLOBINA"): no word result of the title's.
export const COLUMN_HEADING =
  /^(?:fra[cç](?:[aã]o|[oõ]es)|resultados?|exames?|unidades?|par[aâ]metros?|analitos?|m[eé]todos?|valor(?:es)?\s+de\s+refer[eê]ncia|refer[eê]ncias?)$/iu;

// An isolate's label, the organism (words only), and its colony count after a dash or a comma.
export const ISOLATE_WITH_COUNT =
  /^((?:micro-?o?rganismos?|organismos?|agentes?|germes?)\s+(?:isolados?|identificados?))\s*:\s*(\p{L}[\p{L}\s.]*?\p{L}\.?)\s*[-–—,;]\s*contagem(?:\s+de\s+col[oô]nias)?\s*:?\s*(?:de\s+(?=\d))?(\S.*\d.*\bUFC\s*\/\s*m[lL]\.?)$/iu;

// Whose sample a name says it is, after it ("Grupo sanguíneo RN", "Fator Rh da mãe"): the name is the same.
const WHOSE_SAMPLE = String.raw`(?:d[oa]\s+)?(?:rn|rec[eé]m[- ]nascido|m[aã]e)`;
export const WHOSE_SAMPLE_AFTER_NAME = new RegExp(String.raw`\s+${WHOSE_SAMPLE}$`, 'iu');

/**
 * A word field's label as a pattern source, in the shapes isWordField takes: the name, a bracketed qualifier
 * naming the system or the method ("Grupo sanguíneo (ABO)"), then whose sample it is ("Grupo sanguíneo (ABO) do
 * RN"), two systems' names joined by a slash too ("Tipagem ABO/Rh", as WORD_FIELDS takes it). For a pattern with
 * the 'i' flag (whose sample it is may be in capitals or not); isWordField still decides.
 */
export const WORD_FIELD_LABEL = String.raw`\p{L}(?:[\p{L} ]|\/(?=\p{L}))*?(?:\s*\([\p{L} ]*\))?(?:\s+${WHOSE_SAMPLE})?`;

/**
 * Whether results after this label are words (colour, aspect, blood group, crystals, cultures…). A
 * bracketed qualifier after the label names the system or the method ("Grupo sanguíneo (ABO)",
 * "Fator Rh (D)", "Cor (visual)"): the label is the same. So it is with whose sample it is after it
 * ("Grupo sanguíneo RN", "Fator Rh da mãe"), after the bracketed qualifier too ("Grupo sanguíneo (ABO)
 * do RN"): whose sample is taken off first, then the brackets before it.
 */
export function isWordField(label: string): boolean {
  return WORD_FIELDS.test(
    label
      .trim()
      .replace(/\s+/g, ' ')
      .replace(WHOSE_SAMPLE_AFTER_NAME, '')
      .replace(/(?:\s*\([^()]*\))+\s*$/, '')
      .trim()
      .replace(WHOSE_SAMPLE_AFTER_NAME, ''),
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

// A whole exam said to show nothing abnormal, in a table's result column ("Urina tipo I (EAS)   28/08/2024   sem
// alterações", a primary care record's table of the exams brought in, h1862): the exam's result in words. Only the
// cell whole: in prose the same words describe a finding ("Série branca sem alterações morfológicas").
export const UNREMARKABLE_CELL = /^sem\s+altera[cç][oõ]es\.?$/iu;

// An exam still running ("em andamento", "Pendente", "Aguardando liberação"), said of the exam too ("Exame em
// andamento. O resultado será liberado em laudo complementar.", "Cultura em incubação", "Resultado pendente"):
// no result yet. Nor is there one for an exam the request left out ("Pesquisa de macroprolactina: não solicitada"),
// nor for one whose result is sent apart ("ver laudo microbiológico em anexo").
export const PENDING =
  /^(?:(?:[oa]\s+)?(?:exame|resultado|cultura|an[aá]lise|amostra|teste|pesquisa)\s+(?:ainda\s+)?(?:est[aá]\s+|encontra-se\s+|se\s+encontra\s+)?)?(?:em\s+(?:andamento|an[aá]lise|processamento|execu[cç][aã]o|cultivo|incuba[cç][aã]o)|pendente|aguardando|n[aã]o\s+(?:solicitad|requisitad|realizad)[oa]|ver\s+(?:o\s+)?(?:laudo|resultado|relat[oó]rio)\s+(?:\p{L}+\s+){0,3}em\s+anexo)(?![\p{L}])/iu;

/** The label of a genotype or serotype, as a pattern source. */
export const TYPE_LABEL = String.raw`(?:gen[oó]tipos?|subtipos?|sorotipos?|genogrupos?)`;
// A genotype or serotype named by its code ("Genótipo 1a", "Sorotipo 2 e 3"): words, the code no quantity.
const TYPE_CODE = new RegExp(String.raw`(?<=^${TYPE_LABEL}\s+)\d{1,2}[a-z]?(?:\s*(?:e|,|\/)\s*\d{1,2}[a-z]?)*$`, 'iu');

// A genotype or serotype on a line of its own, after its label ("Sorotipo: DENV-2", "Genótipo: 1a",
// "Subtipo: 3"): the type the assay found, a result of its own in words; its code, the virus's letters
// glued to the number or not, is no quantity. So after the genotyping's label, the type named with its
// word, the method in brackets after it ("Genotipagem do HCV: Genótipo 1a (sequenciamento da região NS5B)").
// Or in a table's row, a column gap for the colon and no unit nor reference after it ("| Genotipagem do HCV |
// Genótipo 3a | — | — |", a vision model's transcription, h1986).
const TYPE_CODE_TEXT = String.raw`(?:\p{L}{2,6}[- ]?)?\d{1,2}[a-z]?`;
const TYPE_LINE = new RegExp(
  String.raw`^(${TYPE_LABEL}|genotipagem(?:\s+d[oa]\s+[\p{L}\d-]+)?)(?:\s*:\s*|\s{3,})((?:${TYPE_LABEL}\s+)?${TYPE_CODE_TEXT}(?:\s*(?:e|,|\/)\s*${TYPE_CODE_TEXT})*)\.?(?:\s*\([^()]*\))?(?:\s{3,}[-–—]{1,3})*$`,
  'iu',
);

/** The label and the type as printed of a genotype or serotype line, or undefined for any other line. */
export function typeLine(t: string): { label: string; text: string } | undefined {
  const m = TYPE_LINE.exec(t.trim());
  return m ? { label: m[1]!, text: m[2]! } : undefined;
}

// A note closing a finding on which of the stool samples it was seen in ("Presença de ovos de Ascaris
// lumbricoides (2ª amostra)", "(1ª e 3ª amostras)", "(amostra 2)", a three-sample parasitology): the
// finding is the result, the ordinals no value of it.
const SAMPLE_NOTE = /\s*\((?:(?:n[ao]s?|em)\s+)?(?:(?:\d\s*[ªaº°]\s*(?:,|e)\s*)*\d\s*[ªaº°]\s*amostras?|amostras?\s+\d(?:\s*(?:,|e)\s*\d)*)\)$/iu;

/** The words of a result as printed, without a closing full stop; undefined when it holds digits or says the exam is still running. */
export function wordResultText(text: string): string | undefined {
  const t = text
    .trim()
    .replace(/[.;\s]+$/, '')
    .replace(SAMPLE_NOTE, '');
  if (t === '' || /\d/.test(t.replace(/\b1\s*[:/]\s*\d+\b/g, '').replace(TYPE_CODE, '')) || !/^\p{L}/u.test(t) || PENDING.test(t)) return undefined;
  return t;
}

// The reference in brackets that ends a labelled finding ("(VR: ausência de parasitas)", "(Ref.: negativa)").
const BRACKETED_REFERENCE = new RegExp(String.raw`\s*\(\s*${REFERENCE_LEAD_WORDS}\s*:?\s*([^()]+)\)`, 'iu');
// What may follow that reference: the lab's marks and verdict ("↑ ALTERADO."), nothing else.
const TRAILING_MARKS = /^[\s↑↓▲▼*!]*(?:alterad[oa]|normal|alt[oa]|baix[oa])?[\s.;]*$/iu;
// A result word, then a comment after a dash or a comma ("Negativa - não houve crescimento de Salmonella spp.").
export const WORD_THEN_COMMENT =
  /^(n[aã]o\s+reagente|reagente|negativ[oa]|positiv[oa]|ausentes?|presentes?|n[aã]o\s+detectad[oa]|detectad[oa])\s*[-–—,]\s+\p{L}/iu;

/**
 * The result word alone when a comment follows it after a dash or a comma ("Negativo — Não foram visualizadas
 * formas de Plasmodium sp.", "Negativa - não houve crescimento"), as labelledFinding reads it after a label;
 * undefined for any other text, and for a positive word with the forms found after its dash ("Positivo - ovos
 * de …"), which is the finding whole. `raw`, the line as printed: a word it sets in bold of its own is the
 * result cell even then.
 */
export function wordBeforeComment(text: string, raw?: string): string | undefined {
  const t = text.trim();
  if (FOUND_AFTER_DASH.test(t) && !(raw !== undefined && WORD_IN_BOLD.test(raw))) return undefined;
  // A reactive word with its titre before the comment ("Reagente 1/640 - padrão nuclear homogêneo (AC-1)",
  // an antinuclear test's pattern): the word and its titre are the result.
  const titred = /^(.*?\d\s*\)?)\s*[-–—,]\s+\p{L}/u.exec(t);
  if (titred && titreOf(titred[1]!) !== undefined) return titred[1];
  return WORD_THEN_COMMENT.exec(t)?.[1];
}

// The forms of a parasite a positive finding names after its dash ("Positivo - ovos de Trichuris trichiura",
// "Positivo – larvas de Strongyloides stercoralis"), or says their presence ("POSITIVO - PRESENCA DE OVOS DE …", h1739).
const FOUND_AFTER_DASH =
  /^positiv[oa]\s*[-–—]\s*(?:presen[cç]a\s+de\s+)?(?:ovos|cistos|oocistos|larvas|trofozo[ií]tos|proglotes|gamet[oó]citos|esquizontes)\s+(?:de|e)\s+\p{L}[\p{L}\s.,-]*$/iu;
// A result word in bold of its own before a dash ("**Positivo** – ovos de …"): the report's result cell.
const WORD_IN_BOLD = /(?:\*\*|__)\s*positiv[oa]\s*(?:\*\*|__)\s*[-–—]/iu;

/**
 * A finding in words after the label of an exam whose results are words, its reference in brackets
 * at the end (an occupational report's bullets: "PARASITOLÓGICO DE FEZES (3 amostras): Ovos de Ascaris
 * lumbricoides (VR: ausência de parasitas) ↑ ALTERADO.", "COPROCULTURA: Negativa - não houve crescimento
 * de Salmonella spp. (VR: negativa)."): the bracket ends the result, so the words before it are the
 * result as printed, and a result word opening a comment is the result alone (`commented`). `raw`, the
 * line as printed, when known: a result word it sets in bold of its own stays the result alone. Undefined
 * for any other line.
 */
export function labelledFinding(t: string, raw?: string): { label: string; text: string; reference: string; commented: boolean } | undefined {
  const m = /^(\p{L}[^:]*?)\s*:\s*(\p{L}.*)$/u.exec(t);
  if (!m) return undefined;
  const label = m[1]!.replace(/(?:\s*\([^()]*\))+\s*$/, '').trim();
  const body = m[2]!;
  const ref = endingReference(body);
  if (!ref) return undefined;
  const before = ref.before;
  // A positive word with the forms of the parasite found after a dash ("Positivo - ovos de Trichuris
  // trichiura") names what was found, as "Presença de ovos de …" does: the finding is the result, whole,
  // after any label (a method's, "Método de Hoffman (sedimentação espontânea): …"), against a word reference.
  // Unless the report sets the word apart in bold ("**Positivo** – ovos de *Ascaris*"): then the word is the
  // result cell and the rest its comment.
  const found = FOUND_AFTER_DASH.test(before) && !(raw !== undefined && WORD_IN_BOLD.test(raw));
  // Any other label takes words too when its reference is a word ("Bacteriúria: Intensa (ref. Ausente)"),
  // if the result is one word or two: a longer phrase may be a sentence the reader cannot vouch for.
  const wordReference = qualitativeReference(ref.reference) !== undefined && (/^\p{L}+(?:\s\p{L}+)?$/u.test(before) || found);
  if (!isWordColumnName(label) && !wordReference) return undefined;
  if (found) {
    const whole = wordResultText(before);
    return whole === undefined ? undefined : { label: m[1]!.trim(), text: whole, reference: ref.reference, commented: false };
  }
  const word = WORD_THEN_COMMENT.exec(before);
  // "Negativo para ovos e cistos": a result word that a phrase qualifies is a sentence the reader cannot
  // vouch for word by word; it stays listed.
  const q = qualitativeAtStart(before);
  if (!word && q && q.consumed < before.length) return undefined;
  const text = wordResultText(word ? word[1]! : before);
  return text === undefined ? undefined : { label: m[1]!.trim(), text, reference: ref.reference, commented: word !== null };
}

/**
 * The words of a finding and the bracketed reference that ends them ("Cistos de Giardia lamblia (Ref.:
 * Negativo)", the lab's marks after it allowed): the bracket is the reference, never part of the result.
 * Undefined when no such bracket ends the text.
 */
export function endingReference(body: string): { before: string; reference: string } | undefined {
  const ref = BRACKETED_REFERENCE.exec(body);
  if (!ref || !TRAILING_MARKS.test(body.slice(ref.index + ref[0].length))) {
    // A transcription's bullet sets it after a dash instead ("Oxalato de cálcio (raros) — Ref.: Ausentes"): the
    // led reference runs to the line's end, no bracket or digit in it (a word reference, or the mark of one cut off).
    const dashed = DASHED_REFERENCE.exec(body);
    return dashed ? { before: body.slice(0, dashed.index).trim(), reference: dashed[1]!.trim() } : undefined;
  }
  return { before: body.slice(0, ref.index).trim(), reference: ref[1]!.trim() };
}
/**
 * The words of a finding and the word reference in a cell of its own after them ("Presença de cistos de Giardia
 * lamblia *     Negativo", a stool exam's "Resultado" row under its title, h1981): the last cell, a reference word
 * whole, is the reference; the one cell before it, the lab's marks after it cut, the finding. Undefined otherwise.
 */
export function findingThenReferenceCell(body: string): { before: string; reference: string } | undefined {
  const gap = /\s{2,}(?=\S+(?:\s\S+)*$)/u.exec(body.trim());
  if (!gap) return undefined;
  const reference = body.trim().slice(gap.index + gap[0].length);
  const before = body
    .trim()
    .slice(0, gap.index)
    .replace(/[\s↑↓▲▼*!]+$/u, '');
  if (/\s{2,}/.test(before) || qualitativeAtStart(reference)?.consumed !== reference.length || qualitativeReference(reference) === undefined) return undefined;
  return wordResultText(before) === undefined ? undefined : { before, reference };
}
const DASHED_REFERENCE = new RegExp(String.raw`\s+[-–—]\s+${REFERENCE_LEAD_WORDS}\s*:\s*([^()\d]+)$`, 'iu');

// What a parasitology or culture result says it found, or did not ("Foram encontrados cistos de …",
// "Não foram observados ovos", "Presença de …"): a result in words, never a column's name.
export const FINDING_SENTENCE =
  /^(?:n[aã]o\s+)?(?:foram|foi)\s+(?:encontrad|observad|identificad|visualizad|detectad|isolad)\p{L}*\s+\p{L}|^(?:presen[cç]a|aus[eê]ncia)\s+de\s+\p{L}/iu;

// An identification's label ("Identificação", "Identificação do isolado") before an organism's binomial name
// ("Staphylococcus aureus", "Candida spp.", a catheter tip's culture): the isolate, a result in words as after
// "Microrganismo isolado". Before a method ("Identificação: MALDI-TOF MS (VITEK MS)", how a blood culture's
// isolate was named) the same label is no result. A family chat types the culture's isolate under its bare kind
// ("bacteria: Klebsiella pneumoniae" under "urocultura: positiva", h1921): the one bacterium found, named so.
const IDENTIFICATION_LABEL =
  /^(?:identifica[cç][aã]o(?:\s+(?:d[oa]\s+)?(?:isolado|micro-?o?rganismo|agente|germe|bact[eé]ria))?|bact[eé]ria(?:\s+(?:isolada|identificada|encontrada))?)$/iu;
const ORGANISM_NAME = /^\p{Lu}\p{Ll}{2,}\s+(?:\p{Ll}{3,}|spp?\.?)(?:\s+(?:\p{Ll}{3,}|spp?\.?)){0,3}\.?$/u;

/** Whether a label and the words after its colon are an identification naming the organism found. */
function identifiedOrganism(label: string, words: string): boolean {
  return IDENTIFICATION_LABEL.test(label.trim()) && ORGANISM_NAME.test(words.trim());
}

/**
 * Whether a label and the words after its colon are a word exam and its finding said in a sentence
 * ("Parasitológico de fezes (Hoffman): Presença de cistos de Giardia lamblia"): the sentence is the result, as
 * it is alone under the exam's title (line-kinds.ts), however many words it takes. Found with set 138: such a
 * line was neither read nor listed.
 */
export function findingAfterLabel(label: string, words: string): boolean {
  return isWordColumnName(label.replace(/(?:\s*\([^()]*\))+\s*$/, '').trim()) && FINDING_SENTENCE.test(words.trim());
}

/**
 * Whether the words after a label's colon are that label's result in words, as the reader and the accounting pass
 * both take them: a word exam's finding sentence (`findingAfterLabel`) or an identified organism.
 */
export function resultWordsAfterLabel(label: string, words: string): boolean {
  return findingAfterLabel(label, words) || identifiedOrganism(label, words);
}

/**
 * A labelled finding hard-wrapped over two lines, as an e-mail's plain text wraps at its width ("Método de
 * Hoffman (sedimentação espontânea): Positivo - ovos de" / "Trichuris trichiura (ref.: Negativo)"): read
 * whole on its first line when the two make a labelled finding closed by its bracketed reference
 * (labelledFinding), the first line holds the label and words only, the second words only up to that
 * reference, and the first is visibly cut: it ends on a word no phrase ends on (DANGLING_WORD), or the second
 * goes on in lower case ("Positivo - larvas" / "de Strongyloides stercoralis (ref.: Negativo)"). Returns, per
 * line, the text to read ('' for a line joined to the one above); the pair is accounted whole on the first.
 */
export function joinWrappedFinding(reads: readonly string[]): string[] {
  const out = [...reads];
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!.trimEnd();
    const next = out[i + 1]!.trim();
    const head = /^\s*\p{L}[^:\d]*:\s*(\p{L}[^\d():]*)$/u.exec(cur);
    if (!head || qualitativeAtStart(head[1]!) === undefined || next === '' || /\d/.test(next) || !/^\p{L}/u.test(next)) continue;
    if (!DANGLING_WORD.test(cur) && !/^\p{Ll}/u.test(next)) continue;
    const whole = `${cur} ${next}`;
    if (labelledFinding(whole.trim()) === undefined || !BRACKETED_REFERENCE.test(next)) continue;
    out[i] = whole;
    out[i + 1] = '';
    i++;
  }
  return out;
}

/**
 * A column row's result in words whose cell wrapped under itself, the rest of the words alone on the next line at
 * the cell's column (a municipal lab's print, "PESQUISA DE PROTOZOARIOS   CISTOS DE GIARDIA   NEGATIVO" /
 * "LAMBLIA" under "CISTOS", h1725): the finding is the two pieces, read whole on the row's line, the later cells
 * after it. Only under a name whose results are words (isWordColumnName), the row's result cell and its wrap
 * letters only, the wrap alone on its line and the line under it no further piece of the cell. Returns, per line,
 * the text to read ('' for a line joined to the row above).
 */
export function joinWrappedResultCell(reads: readonly string[]): string[] {
  const out = [...reads];
  const piecesOf = (l: string) => matchesOf(/\S+(?: \S+)*/g, l.trimEnd());
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!;
    if (cur.includes('\t') || cur.includes('|')) continue;
    const pieces = piecesOf(cur);
    if (pieces.length < 2 || pieces.length > 3 || pieces[0]!.index! > 3 || !isWordColumnName(pieces[0]![0])) continue;
    const cell = pieces[1]!;
    const wrap = piecesOf(out[i + 1]!);
    if (wrap.length !== 1 || Math.abs(wrap[0]!.index! - cell.index!) > 2 || !/^\p{L}[\p{L} .]*$/u.test(wrap[0]![0])) continue;
    if (!/^\p{L}[\p{L} ]*$/u.test(cell[0]) || qualitativeAtStart(cell[0])?.consumed === cell[0].length) continue;
    const below = out[i + 2] === undefined ? [] : piecesOf(out[i + 2]!);
    if (below.length === 1 && Math.abs(below[0]!.index! - cell.index!) <= 2) continue;
    const rest = pieces.slice(2).map((p) => p[0]);
    out[i] = `${cur.slice(0, cell.index)}${[`${cell[0]} ${wrap[0]![0]}`, ...rest].join('   ')}`;
    out[i + 1] = '';
    i++;
  }
  return out;
}

/**
 * A sediment's amount in words, as a pattern source ("raros", "numerosos", "traços"): the element's result when typed
 * one space after its name ("leucocitos numerosos", h1927; piece.ts reads it, accounting.ts counts it).
 */
export const SEDIMENT_AMOUNT = String.raw`rar[oa]s?|numeros[oa]s|escass[oa]s?|abundantes?|tra[cç]os`;

/**
 * An antibiogram's interpretation spelled out (never a lone S/R/I, which may end a name), as a pattern source. BrCAST's
 * categories since 2019 are "sensível, dose padrão" and "sensível, aumentando exposição" (h1909): one interpretation
 * each, the words after the comma its own.
 */
export const SUSCEPTIBILITY_WORD = String.raw`sens[ií]vel(?:\s*,?\s+(?:aumentando\s+(?:a\s+)?exposi[cç][aã]o|dose\s+padr[aã]o))?|resistente|intermedi[aá]ri[oa]`;
/** A cell or word that is only such an interpretation ("Resistente"). */
export const SPELLED_SUSCEPTIBILITY = new RegExp(String.raw`^(?:${SUSCEPTIBILITY_WORD})$`, 'iu');
