// A viscoelastic test's grid (ROTEM, TEG): each row a channel or assay, each column a parameter with its unit,
// and each row's references in brackets on a line of its own under it, labelled "ref.":
//
//   CANAL      CT (s)      CFT (s)     A10 (mm)    MCF (mm)    ML (%)     ESTADO
//   EXTEM      71 ↑        120         33 ↓        47 ↓        4          concluído
//     ref.     (40–65)     (30–150)    (41–60)     (48–70)     (< 12)
//
// Read as printed, a row is a name over five numbers, and the line under it five ranges with no name: no cell
// says which value a range is for, nor that a value is the channel's parameter. So each row is put back as the
// results it holds, one per filled parameter cell, named by its channel and its column ("EXTEM CT", its unit
// from the header) with the range under it: "EXTEM CT   71 s ↑   40–65; EXTEM CFT   120 s   30–150; …". A dash
// is no value; a cell in words (a run's status) is no result and is left out. The header and the reference
// lines are left empty. Only a row with its reference line under it is read so: a table of another kind has
// no "ref." lines between its rows.

import { DASH_CELL, cellStarts } from './columns.ts';
import { qualitativeAtStart } from './reference.ts';

/** A parameter's header cell: a short abbreviation, its unit in brackets ("CT (s)", "A10 (mm)", "ML (%)"). */
const PARAMETER_CELL = /^([A-Za-z][A-Za-z0-9]{0,5})\s*\(([^()\d]{1,6})\)$/u;
/** The label of a reference line under a row ("ref.", "VR", "Referência"). */
const REFERENCE_LABEL = /^(?:ref\.?|refer[eê]ncias?|v\.?\s?r\.?)\s*:?$/iu;
/** A row's name cell: a word (a channel's or an assay's), no number in it but as part of a word. */
const ROW_NAME = /^[A-Za-z][A-Za-z0-9-]{1,15}$/u;
/** A value cell: a number, with an arrow or a letter for out of range after it. */
const VALUE_CELL = /^([<>≤≥]?\s?\d+(?:[.,]\d+)?)(\s?(?:[↑↓]|[HL]|\*))?$/u;
/** A reference cell: a range or a bound, in brackets. */
const REFERENCE_CELL = /^\(([^()]*\d[^()]*)\)$/u;

interface Column {
  at: number;
  name: string;
  unit: string;
}

/** The lines of a text with each channel grid's rows read as their results; any other text as it is. */
export function channelGridsAsRows(reads: string[]): string[] {
  let out: string[] | undefined;
  for (let h = 0; h < reads.length; h++) {
    const columns = headerOf(reads[h]!);
    if (!columns) continue;
    const rows: Array<{ at: number; text: string; reference: number }> = [];
    let r = h + 1;
    while (r + 1 < reads.length) {
      const row = rowOf(reads[r]!, reads[r + 1]!, columns);
      if (row === undefined) break;
      rows.push({ at: r, text: row, reference: r + 1 });
      r += 2;
    }
    if (rows.length < 2) continue;
    out ??= [...reads];
    out[h] = '';
    for (const row of rows) {
      out[row.at] = row.text;
      out[row.reference] = '';
    }
    h = r - 1;
  }
  return out ?? reads;
}

/** The header's parameter columns, if it heads a grid: a first cell in words, then three parameters or more. */
function headerOf(line: string): Column[] | undefined {
  const cells = cellStarts(line, 0);
  if (cells.length < 4 || /\d/.test(cells[0]!.cell)) return undefined;
  const columns: Column[] = [];
  for (const c of cells.slice(1)) {
    const m = PARAMETER_CELL.exec(c.cell);
    if (m) {
      columns.push({ at: c.at, name: m[1]!, unit: m[2]!.trim() });
      continue;
    }
    // A status or comment column after the parameters ("ESTADO") holds no result: it ends the grid's columns.
    if (columns.length < 3 || /\d/.test(c.cell)) return undefined;
    columns.push({ at: c.at, name: '', unit: '' });
    break;
  }
  return columns.filter((c) => c.name !== '').length >= 3 ? columns : undefined;
}

/** The column a cell starting at `at` is under: the last one starting at most two places after it. */
function under(columns: Column[], at: number): Column | undefined {
  return columns.filter((c) => c.at <= at + 2).at(-1);
}

/** A row and the reference line under it put back as its results; undefined for lines that are no such pair. */
function rowOf(line: string, referenceLine: string, columns: Column[]): string | undefined {
  const cells = cellStarts(line, 0);
  const refs = cellStarts(referenceLine, 0);
  if (cells.length < 2 || !ROW_NAME.test(cells[0]!.cell) || cells[0]!.at >= columns[0]!.at) return undefined;
  if (refs.length < 2 || !REFERENCE_LABEL.test(refs[0]!.cell) || refs[0]!.at >= columns[0]!.at) return undefined;
  const ranges = new Map<Column, string>();
  for (const c of refs.slice(1)) {
    const m = REFERENCE_CELL.exec(c.cell);
    const col = under(columns, c.at);
    if (!m || !col || col.name === '' || ranges.has(col)) return undefined;
    ranges.set(col, m[1]!.trim());
  }
  const results: string[] = [];
  const taken = new Set<Column>();
  for (const c of cells.slice(1)) {
    const col = under(columns, c.at);
    if (!col) continue;
    // The status column holds one cell of words ("concluído 30 min"), no result: anything more there is text
    // the grid does not explain, and the row is left as printed.
    if (col.name === '') {
      if (taken.has(col) || qualitativeAtStart(c.cell) !== undefined) return undefined;
      taken.add(col);
      continue;
    }
    if (taken.has(col)) return undefined;
    taken.add(col);
    if (DASH_CELL.test(c.cell)) continue;
    const m = VALUE_CELL.exec(c.cell);
    if (!m) return undefined;
    const value = `${m[1]} ${col.unit}${m[2] ? ` ${m[2].trim()}` : ''}`;
    results.push([`${cells[0]!.cell} ${col.name}`, value, ranges.get(col) ?? ''].filter((p) => p !== '').join('   '));
  }
  return results.length > 0 ? results.join('; ') : undefined;
}
