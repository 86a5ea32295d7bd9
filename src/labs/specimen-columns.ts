// A body fluid's report with a serum sample drawn alongside prints both in one table, a column per specimen:
//
//   Parâmetro            |  [L] Líquido |  [S] Soro  | Unidade | VR do soro (adulto) | Relação L/S
//   Proteínas totais     |     4,8      |    6,6     |  g/dL   |    6,4 a 8,3        |    0,73
//   Glicose              |     61       |    104     |  mg/dL  |    70 a 99          |     --
//
// (h1524, a pleural fluid with Light's criteria). Read as printed, a row is a name over two values, a range
// and a ratio, with nothing saying which is the result. So before anything is read each row is put back as
// the results it holds: the fluid's value under the name and its specimen ("Proteínas totais (líquido)
// 4,8 g/dL"), with no range (the one printed is the serum's, which the header names), the serum's value
// under the plain name with the range, and the ratio, when printed, as a result of its own. The header line
// is left empty. The table ends at the first line that is no row of it.

import { DASH_CELL, RULED_BORDER, cellStarts } from './columns.ts';

const NAME_CELL = /^(?:par[aâ]metros?|exames?|analitos?|dosage(?:m|ns)|testes?)$/iu;
// A specimen's column, with the key the lab gave it ("[L] Líquido", "Soro", "Líquido pleural").
const SPECIMEN_CELL = /^(?:\[\p{L}\]\s*)?(l[ií]quidos?(?:\s+\p{L}+)?|soro|plasma|sangue|urina|l[ií]quor|lcr)$/iu;
const BLOOD = /^(?:soro|plasma|sangue)$/iu;
const UNIT_CELL = /^unid(?:ades?|\.)?$/iu;
// "VR do soro (adulto)", "Valor de referência (soro)", "VR".
const REFERENCE_CELL = /^(?:v\.?\s?r\.?|valor(?:es)?\s+de\s+refer[eê]ncia|refer[eê]ncia)(?:\s+(?:d[oa]\s+)?\(?(\p{L}+)\)?)?(?:\s*\(.*\))?$/iu;
// "Relação L/S", "Razão líquido/soro", "L/S".
const RATIO_CELL = /^(?:(?:rela[cç][aã]o|raz[aã]o)\s+)?(?:\p{L}\s*\/\s*\p{L}|\p{L}+\s*\/\s*\p{L}+)$/iu;

type Column = { kind: 'specimen'; specimen: string } | { kind: 'unit' } | { kind: 'reference'; of?: string } | { kind: 'ratio'; label: string };

/** A line's cells: set apart by bars when it has them, else by gaps of two spaces or more. */
function cellsOf(line: string): string[] {
  if (line.includes('|')) {
    const parts = line.split('|').map((c) => c.trim());
    if (parts[0] === '') parts.shift();
    if (parts.at(-1) === '') parts.pop();
    return parts;
  }
  return cellStarts(line, 0).map((c) => c.cell);
}

/** The header's columns after the name, if it heads two specimens' values side by side. */
function headerOf(line: string): Column[] | undefined {
  const cells = cellsOf(line);
  if (cells.length < 4 || !NAME_CELL.test(cells[0]!)) return undefined;
  const columns: Column[] = [];
  for (const c of cells.slice(1)) {
    const specimen = SPECIMEN_CELL.exec(c);
    const reference = REFERENCE_CELL.exec(c);
    if (specimen) columns.push({ kind: 'specimen', specimen: specimen[1]!.toLowerCase() });
    else if (UNIT_CELL.test(c)) columns.push({ kind: 'unit' });
    else if (reference) columns.push({ kind: 'reference', of: reference[1]?.toLowerCase() });
    else if (RATIO_CELL.test(c)) columns.push({ kind: 'ratio', label: c });
    else return undefined;
  }
  const specimens = columns.filter((c) => c.kind === 'specimen');
  return specimens.length === 2 && columns[0]!.kind === 'specimen' && columns[1]!.kind === 'specimen' ? columns : undefined;
}

/** A row put back as its results; undefined for a line that is no row of the table. */
function rowOf(line: string, columns: Column[], barred: boolean): string | undefined {
  if (barred !== line.includes('|')) return undefined;
  const cells = cellsOf(line);
  if (cells.length !== columns.length + 1 || !/\p{L}/u.test(cells[0]!) || /\d/.test(cells[0]!.slice(0, 1))) return undefined;
  const name = cells[0]!;
  const unit = cells[1 + columns.findIndex((c) => c.kind === 'unit')] ?? '';
  const refIndex = columns.findIndex((c) => c.kind === 'reference');
  const refColumn = columns[refIndex] as { kind: 'reference'; of?: string } | undefined;
  const reference = refIndex < 0 ? '' : cells[1 + refIndex]!;
  // A value cell holding what no result takes (a word, a dash with a number after it: "--   49,7") would be dropped
  // with the row put back: such a line is no row of the table, read and accounted as printed.
  const blank = (cell: string) => cell === '' || DASH_CELL.test(cell);
  if (columns.some((c, i) => (c.kind === 'specimen' || c.kind === 'ratio') && !blank(cells[1 + i]!) && !/^[<>≤≥]?\s*\d/.test(cells[1 + i]!))) return undefined;
  // Nor is one whose range no specimen's result takes (the header names another's).
  if (
    refColumn !== undefined &&
    !blank(reference) &&
    !columns.some((c, i) => c.kind === 'specimen' && !blank(cells[1 + i]!) && (refColumn.of ? c.specimen.startsWith(refColumn.of) : BLOOD.test(c.specimen)))
  )
    return undefined;
  const out: string[] = [];
  let values = 0;
  columns.forEach((c, i) => {
    const cell = cells[1 + i]!;
    if (c.kind === 'specimen') {
      if (blank(cell)) return;
      values++;
      // The range is the specimen's the header names, or the blood's when it names none.
      const ranged = refColumn?.of ? c.specimen.startsWith(refColumn.of) : BLOOD.test(c.specimen);
      const named = ranged && BLOOD.test(c.specimen) ? name : `${name} (${c.specimen})`;
      out.push([named, `${cell} ${unit}`.trim(), ranged && !DASH_CELL.test(reference) ? reference : ''].filter((x) => x !== '').join('   '));
    } else if (c.kind === 'ratio' && !blank(cell)) {
      out.push(`${name} - ${c.label}   ${cell}`);
    }
  });
  return values > 0 ? out.join('; ') : undefined;
}

/** The lines of a text with each paired-specimen table's rows read as their results; any other text as it is. */
export function specimenColumnsAsRows(reads: string[]): string[] {
  let out: string[] | undefined;
  for (let h = 0; h < reads.length; h++) {
    if (!reads[h]!.includes('|') && !/\s{2,}/.test(reads[h]!.trim())) continue;
    const columns = headerOf(reads[h]!);
    if (!columns) continue;
    const barred = reads[h]!.includes('|');
    const rows: Array<{ at: number; text: string }> = [];
    let r = h + 1;
    for (; r < reads.length; r++) {
      const line = reads[r]!;
      if (RULED_BORDER.test(line) || /^[\s\-+|=]+$/.test(line)) {
        if (rows.length > 0) break;
        continue;
      }
      const row = rowOf(line, columns, barred);
      if (row === undefined) break;
      rows.push({ at: r, text: row });
    }
    if (rows.length < 2) continue;
    out ??= [...reads];
    out[h] = '';
    for (const row of rows) out[row.at] = row.text;
    h = r - 1;
  }
  return out ?? reads;
}
