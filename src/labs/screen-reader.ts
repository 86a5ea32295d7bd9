import { spokenUnitsAsPrinted } from './spoken-numbers.ts';

// A lab app's screen as a screen reader speaks it, copied as text (an accessibility export): every line opens
// with the role of what it reads ("Título, nível 2: Urina tipo 1 (EAS)", "Botão: Baixar laudo", "Texto: …"), a
// field is its label and its value on two lines ("Rótulo: Sexo" / "Valor: Feminino"), a table is announced
// with its size and each row's number ("Tabela: 4 colunas, 16 linhas", "Linha 2") before the row's cells one a
// line ("Exame: Cor", "Resultado: Amarelo citrino", "Unidade: vazio"), a list with each item's place ("Item 3
// de 8: Cefalexina. Interpretação: Sensível."). Read as printed, the roles are the names and the fields'
// values are lost. So such a text is read as the report it speaks: a title, a text or an item as its words,
// a label and its value as one "Label: value" line, a control (button, image, window, tab bar), a table's or a
// list's announcement and an empty cell ("vazio") as nothing. Only a text with several such roles is touched;
// the lines keep their printed text for unparsed_lines. What a line prints after what its role speaks ("Lista: 8
// itens   Ureia 48,7 mg/dL", "Rótulo: Idade 48,7") is no part of the screen: it stays on its line, to be read or
// listed, and only the spoken part is set aside.
// Android's TalkBack speaks the role after what it reads instead, each a sentence of its own ("Hemograma.
// Título", "Voltar. Botão", "Exames. Guia. Selecionada. 2 de 4"), a result's card as one button with the
// hint after it ("Hemoglobina. 14,6 gramas por decilitro. Valor de referência, 13,5 a 17,5. Dentro da
// referência. Botão. Toque duas vezes para ver detalhes"), units in words, and the list's announcements
// ("Em lista, 19 itens", "Rolando. Mostrando itens 12 a 19 de 19", "Fora da lista"). Such a text is read
// with the role and the hint set aside, the units printed as symbols, a control's and an announcement's
// line as nothing.
// TalkBack's speech history (what it spoke, one utterance a line) joins a node's parts by commas instead, a
// control's role before its name and a heading's after it ("Botão, Voltar, toque duas vezes para ativar",
// "Guia, Exames, selecionada, 2 de 4", "Glicose, cabeçalho nível 2", "Imagem sem rótulo"), the list announced
// by commas too ("Lista, 20 itens", "Rolando, página 2 de 3", "Mostrando 9 de 20 itens. Role para ver mais.",
// "Fim da lista"), the results spoken as text of their own ("Resultado: 146 miligramas por decilitro.",
// "Referência: 70 a 99 miligramas por decilitro.", h1721). It is read the same way: a heading as its name, a
// control and an announcement as nothing, and the units of every line printed as symbols, since every line of
// such a text is speech.

// The roles a screen reader names before what it reads.
const ROLE =
  /^\s*(?:t[ií]tulo(?:,\s*n[ií]vel\s*\d)?|texto|bot[aã]o|imagem|janela|r[oó]tulo|valor|link|barra\s+de\s+abas|aba|tabela|lista|item\s+\d+\s+de\s+\d+)\s*:/iu;
// What is only the screen's: controls, and the announcements of a table's or a list's size, rows and end.
const CONTROL =
  /^\s*(?:(?:bot[aã]o|imagem|janela|link|barra\s+de\s+abas|aba|tabela|lista)\s*:.*|linha\s+\d+(?:,\s*cabe[cç]alho\s*:.*)?|fim\s+d[ao]\s+(?:tabela|lista))\s*$/iu;
// A role whose words are the report's own.
const SPOKEN = /^\s*(?:t[ií]tulo(?:,\s*n[ií]vel\s*\d)?|texto)\s*:\s*/iu;
// A list item's place before its words ("Item 3 de 8: Cefalexina. Interpretação: Sensível.").
const ITEM = /^\s*item\s+\d+\s+de\s+\d+\s*:\s*/iu;
// A cell the reader says is empty ("Unidade: vazio").
const EMPTY_CELL = /^\s*[\p{L} ]+:\s*vazio\.?\s*$/iu;
// A value the reader spells out before its unit's symbol ("0,74 miligramas por decilitro, mg/dL"): the number and the symbol.
const SPELLED_UNIT = /^(\s*[<>]?\s*\d[\d.,]*)\s+\p{L}[\p{L} ]*,\s*(\S+)\s*$/u;

// TalkBack's role, its state and place, and its hint after what it reads, to the line's end or to what the
// line prints after them ("… Botão. Toque duas vezes para ver detalhes", "Exames. Guia. Selecionada. 2 de 4";
// "… Toque duas vezes para ver detalhes ; Sódio 131,5" or after a column gap): a title's or a text's words are
// the report's. A hint's words stop at a ";" or a column gap, which TalkBack never speaks.
const TALKBACK_ROLE =
  /\.\s+(t[ií]tulo|cabe[cç]alho(?:\s+n[ií]vel\s+\d)?|texto|bot[aã]o|guia|link|imagem|caixa\s+de\s+sele[cç][aã]o|chave)(?:\.\s+(?:selecionad[oa]|desativad[oa]|ativad[oa]|marcad[oa]|n[aã]o\s+marcad[oa]|\d+\s+de\s+\d+|toque\s+duas\s+vezes\b(?:(?!\s{2,}|\s*;)[^.])*))*\.?(?=\s*$|\s{2,}|\s*;)/iu;
// TalkBack's announcements of a list: its size, its end, the items shown after a scroll.
// By commas too: "Lista, 20 itens", "Fim da lista", "Rolando, página 2 de 3", "Mostrando 9 de 20 itens. Role
// para ver mais." (h1721).
const TALKBACK_LIST =
  /^\s*(?:(?:em\s+)?lista,\s*\d+\s+ite(?:m|ns)|(?:fora|fim)\s+da\s+lista|rolando[,.]\s*p[aá]gina\s+\d+\s+de\s+\d+|(?:rolando\.\s*)?mostrando\s+(?:ite(?:m|ns)\s+)?\d+\s+(?:a|de)\s+\d+(?:\s+(?:de\s+\d+|ite(?:m|ns)))?(?:\.\s*role\s+para\s+ver\s+mais)?)\.?\s*$/iu;

// What TalkBack says of a node after its name, by commas: its state, its place, its hint.
const TALKBACK_STATE = String.raw`(?:selecionad[oa]|desativad[oa]|ativad[oa]|marcad[oa]|n[aã]o\s+marcad[oa]|\d+\s+de\s+\d+|toque\s+duas\s+vezes\b[^,.;]*)`;
// The comma form's roles: a control's before its name ("Botão, Voltar, toque duas vezes para ativar", "Guia,
// Início, 1 de 4"), a heading's or a control's after it ("Glicose, cabeçalho nível 2", "Voltar, botão"), the
// whole line spoken (nothing printed after a column gap or a ";").
const TALKBACK_COMMA_ROLE_FIRST = new RegExp(
  String.raw`^\s*(bot[aã]o|guia|link|imagem|caixa\s+de\s+sele[cç][aã]o|chave),\s*([^\s;].*?)(?:,\s*${TALKBACK_STATE})*\.?\s*$`,
  'iu',
);
const TALKBACK_COMMA_ROLE_AFTER = new RegExp(
  String.raw`^\s*([^\s;].*?),\s*(t[ií]tulo|cabe[cç]alho(?:\s+n[ií]vel\s+\d)?|bot[aã]o|guia|link|imagem|caixa\s+de\s+sele[cç][aã]o|chave)(?:,\s*${TALKBACK_STATE})*\.?\s*$`,
  'iu',
);
// An image TalkBack has no words for ("Imagem sem rótulo", "Imagem sem marcador").
const TALKBACK_BARE_IMAGE = /^\s*imagem(?:\s+sem\s+(?:r[oó]tulo|marcador|descri[cç][aã]o))?\.?\s*$/iu;
const HEADING_ROLE = /^(?:t[ií]tulo|cabe[cç]alho|texto)/iu;

/** A comma-form line of TalkBack's: its role and the name it speaks, or undefined when the line is none. */
function talkBackCommaRole(raw: string): { role: string; name: string } | undefined {
  if (/\s{2,}\S|;/.test(raw.trim())) return undefined;
  const first = TALKBACK_COMMA_ROLE_FIRST.exec(raw);
  if (first) return { role: first[1]!, name: first[2]!.trim() };
  const after = TALKBACK_COMMA_ROLE_AFTER.exec(raw);
  return after ? { role: after[2]!, name: after[1]!.trim() } : undefined;
}

// Where what a role speaks ends and something printed after it begins: a column break, a ";", or a number
// with a decimal comma, which no control's name, field's label or table's announcement speaks ("Botão:
// Voltar   Reagente", "Rótulo: Idade 48,7"; "Tabela: 4 colunas, 16 linhas" is all spoken).
const SPOKEN_END = /\s{2,}|\s*;\s*|\s+(?=[<>]?\d+,\d+(?!\d))/u;

/** A role's line cut where what it speaks ends: the spoken part and what the line prints after it. */
function spokenAndRest(raw: string): [spoken: string, rest: string] {
  const line = raw.trim();
  const end = SPOKEN_END.exec(line);
  return end ? [line.slice(0, end.index), line.slice(end.index + end[0].length).trim()] : [line, ''];
}

/** Whether a text is a screen reader's: at least four lines are its roles or announcements, a control among them. */
function spokenScreen(raws: string[]): boolean {
  return raws.filter((r) => ROLE.test(r) || CONTROL.test(r)).length >= 4 && raws.some((r) => CONTROL.test(r) && ROLE.test(r));
}

/** A field the reader speaks over two lines ("Rótulo: Sexo" / "Valor: Feminino") as its "Label: value" line. */
export function spokenField(labelLine: string, valueLine: string): string | undefined {
  const label = /^\s*r[oó]tulo\s*:\s*(.+?)\s*$/iu.exec(labelLine);
  const value = label ? /^\s*valor\s*:\s*(.*?)\s*$/iu.exec(valueLine) : null;
  return label && value ? `${label[1]}: ${value[1]!.replace(SPELLED_UNIT, '$1 $2')}` : undefined;
}

/** The lines of a screen reader's text as the report it speaks; any other text as it is. */
export function screenReaderAsText(raws: string[]): string[] {
  if (talkBackScreen(raws)) return talkBackAsText(raws);
  if (!spokenScreen(raws)) return raws;
  const out = [...raws];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    const [spoken, rest] = spokenAndRest(raw);
    const field = spokenField(spoken, raws[i + 1] ?? '');
    if (field !== undefined) {
      out[i] = rest;
      out[i + 1] = field;
      i++;
    } else if (CONTROL.test(spoken)) out[i] = rest;
    else if (EMPTY_CELL.test(raw)) out[i] = '';
    // The slash of a unit is spoken as a word ("Unidade: por mL" for /mL).
    else if (/^\s*unidades?\s*:\s*por\s+\S/iu.test(raw)) out[i] = raw.replace(/:\s*por\s+/iu, ': /');
    else if (SPOKEN.test(raw)) out[i] = raw.replace(SPOKEN, '');
    else if (ITEM.test(raw))
      out[i] = raw
        .replace(ITEM, '')
        .replace(/\.\s+\p{L}[\p{L} ]*:\s*/u, ': ')
        .replace(/\.\s*$/, '');
  }
  return out;
}

/** Whether a text is TalkBack's: at least four lines speak a role, a button among them. */
function talkBackScreen(raws: string[]): boolean {
  const roles = raws.map((r) => TALKBACK_ROLE.exec(r)?.[1] ?? talkBackCommaRole(r)?.role);
  return roles.filter(Boolean).length >= 4 && roles.some((r) => r !== undefined && /^bot/iu.test(r));
}

/** TalkBack's lines as the report they speak: a role's line as its words, with the units printed as symbols. */
function talkBackAsText(raws: string[]): string[] {
  return raws.map((raw) => {
    if (TALKBACK_LIST.test(raw) || TALKBACK_BARE_IMAGE.test(raw)) return '';
    // By commas: a heading as its name, a control as nothing unless a value is in its name (a result's card).
    const comma = talkBackCommaRole(raw);
    if (comma) return HEADING_ROLE.test(comma.role) || /\d/.test(comma.name) ? spokenUnitsAsPrinted(comma.name) : '';
    const role = TALKBACK_ROLE.exec(raw);
    // A line with no role is text TalkBack spoke ("Resultado: 146 miligramas por decilitro."), its units in words.
    if (!role) return spokenUnitsAsPrinted(raw);
    const spoken = raw.slice(0, role.index);
    // What the line prints after the role and the hint is no part of the screen ("… Toque duas vezes para ver
    // detalhes ; Sódio 131,5"): it stays on its line after a column gap, to be read or listed.
    const rest = raw
      .slice(role.index + role[0].length)
      .replace(/^\s*;?\s*/u, '')
      .trimEnd();
    // A control's name (a button "Voltar", a tab "Início") is no text of the report; a card read as a button
    // with a value in it is its result. A control's or a title's line with something after it stays as printed
    // ("Voltar. Botão   Reagente"): alone, what follows would be read as the result of a line above.
    const card = /\d/.test(spoken) && !HEADING_ROLE.test(role[1]!);
    if (rest && !card) return raw;
    if (!HEADING_ROLE.test(role[1]!) && !/\d/.test(spoken)) return '';
    return rest ? `${spokenUnitsAsPrinted(spoken)}   ${rest}` : spokenUnitsAsPrinted(spoken);
  });
}
