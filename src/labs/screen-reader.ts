// A lab app's screen as a screen reader speaks it, copied as text (an accessibility export): every line opens
// with the role of what it reads ("Título, nível 2: Urina tipo 1 (EAS)", "Botão: Baixar laudo", "Texto: …"), a
// field is its label and its value on two lines ("Rótulo: Sexo" / "Valor: Feminino"), a table is announced
// with its size and each row's number ("Tabela: 4 colunas, 16 linhas", "Linha 2") before the row's cells one a
// line ("Exame: Cor", "Resultado: Amarelo citrino", "Unidade: vazio"), a list with each item's place ("Item 3
// de 8: Cefalexina. Interpretação: Sensível."). Read as printed, the roles are the names and the fields'
// values are lost. So such a text is read as the report it speaks: a title, a text or an item as its words,
// a label and its value as one "Label: value" line, a control (button, image, window, tab bar), a table's or a
// list's announcement and an empty cell ("vazio") as nothing. Only a text with several such roles is touched;
// the lines keep their printed text for unparsed_lines.

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
  if (!spokenScreen(raws)) return raws;
  const out = [...raws];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    const field = spokenField(raw, raws[i + 1] ?? '');
    if (field !== undefined) {
      out[i] = '';
      out[i + 1] = field;
      i++;
    } else if (CONTROL.test(raw) || EMPTY_CELL.test(raw)) out[i] = '';
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
