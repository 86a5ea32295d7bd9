// A flowsheet printed by the hour: the hours of the day are the columns, the analytes the rows, each row
// led by its name and unit and ended by the reference after a bar, a dash in an hour with no sample:
//
//   PARÂMETRO          UNID.     02h      06h      10h      14h   | VR
//   ----------------------------------------------------------------------
//   pH venoso                    7,02     7,11     7,19     7,26  | 7,32 – 7,43
//   Fósforo            mg/dL     —        1,9      —        —     | 2,5 – 4,5
//
// Sheets like this are filled from left to right: the result is the last hour filled in, the hours before
// it are the patient's course, not results. Read as printed, a row is a name over a run of bare numbers
// with nothing saying which one is the result. So before anything is read each row is put back as its name,
// the value of its last filled hour with its unit, and its reference ("Fósforo   1,9 mg/dL   2,5 – 4,5"); the
// header line is left empty but for what follows its reference column's head ("| VR   (repetido: 48,7)"), a
// note no column holds, read as printed. The table ends at a blank line or at the second ruled border (the rows under
// it, doses and initials by the hour, have no reference column and are read as printed).

import { DASH_CELL, RULED_BORDER, cellStarts } from './columns.ts';

/** An hour cell of the header: "02h", "14 h", "06:00", "22h00". */
const HOUR_CELL = /^(?:[01]?\d|2[0-3])\s?(?:h(?:\d{2})?|:\d{2})$/iu;
/** A cell under an hour: a value, a value with a comparator, or a dash for no sample. */
const HOUR_VALUE = /^(?:[<>≤≥]\s?)?[-−+]?\d[\d.,]*$/u;
/** The head of the reference column after the bar: "VR", "V.R.", "Ref.", "Referência", "Valores de referência". */
const REFERENCE_HEAD = /^(?:v\.?\s?r\.?|ref\.?|refer[eê]ncia|valor(?:es)?\s+de\s+refer[eê]ncia|faixa(?:\s+de\s+refer[eê]ncia)?)(?![\p{L}])\s*/iu;

/** The lines of a text with each hourly flowsheet's rows read as their last filled hour; any other text as it is. */
export function hourlyColumnsAsRows(reads: string[]): string[] {
  let out: string[] | undefined;
  for (let h = 0; h < reads.length; h++) {
    const [headCells, headBar] = split(reads[h]!);
    const cells = cellStarts(headCells, 0);
    const hours = cells.filter((c) => HOUR_CELL.test(c.cell));
    // At least three hours, all after the label column, nothing else between them.
    if (hours.length < 3 || cells[0] === hours[0]) continue;
    const firstHour = cells.indexOf(hours[0]!);
    if (cells.length - firstHour !== hours.length) continue;
    const rows: Array<{ at: number; text: string }> = [];
    let borders = 0;
    let r = h + 1;
    for (; r < reads.length; r++) {
      const line = reads[r]!;
      if (line.trim() === '') break;
      if (RULED_BORDER.test(line)) {
        if (++borders === 2 || rows.length > 0) break;
        continue;
      }
      const row = rowOf(line, hours.length, headBar !== undefined);
      if (!row) break;
      rows.push({ at: r, text: row });
    }
    if (rows.length < 2) continue;
    out ??= [...reads];
    out[h] = (headBar ?? '').replace(REFERENCE_HEAD, '');
    for (const row of rows) out[row.at] = row.text;
    h = r;
  }
  return out ?? reads;
}

/** A line's cells before its bar, and what follows the bar (undefined with no bar). */
function split(line: string): [string, string | undefined] {
  const bar = line.indexOf('|');
  return bar < 0 ? [line, undefined] : [line.slice(0, bar), line.slice(bar + 1).trim()];
}

/** A row put back as its name, last filled value with its unit and reference; undefined for no such row. */
function rowOf(line: string, hours: number, barred: boolean): string | undefined {
  const [cellsText, reference] = split(line);
  if (barred && reference === undefined) return undefined;
  const cells = cellStarts(cellsText, 0).map((c) => c.cell);
  if (cells.length < hours + 1) return undefined;
  const values = cells.slice(-hours);
  const lead = cells.slice(0, -hours);
  if (!values.every((v) => HOUR_VALUE.test(v) || DASH_CELL.test(v))) return undefined;
  // The name, and the unit column when one is printed.
  if (lead.length > 2) return undefined;
  const last = values.filter((v) => !DASH_CELL.test(v)).at(-1);
  if (last === undefined) return undefined;
  const unit = lead[1] ?? '';
  return [lead[0], `${last}${unit ? ` ${unit}` : ''}`, reference ?? ''].filter((c) => c !== '').join('   ');
}
