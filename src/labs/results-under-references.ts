// A row whose result a PDF's drifting columns dropped onto the next line, under the row: the name and the
// reference are printed on the row's line, nothing between them, and the result alone (a number, its unit) on the
// line after it, in the result column (h1807's sediment):
//
//   Leucócitos                                                        Até 10.000 /mL
//                 86.000 /mL
//   Hemácias               14.000 /mL                    Até 10.000 /mL
//
// Read as printed, the reference's bound is taken for the row's result and the result is left alone. So the
// result is put back on its row's line, between the name and the reference, each at its printed column, and its
// own line left empty: only when the row's line holds a name and a reference alone (a bound or a range), the
// next line a number alone with its unit, the reference's if the reference prints one, set left of where the
// reference starts and indented, and the line above the row is no lone value too (a report that prints each value
// above its row, value first, puts its rows' values back itself: value-first-cells.ts).
const NUMBER = String.raw`\d[\d.,]*`;
// A reference alone: a bound after its word or sign, or a range, its unit or none.
const REFERENCE_ALONE = new RegExp(
  String.raw`^(?:(?:at[eé]|inferior\s+a|menor\s+(?:que|ou\s+igual\s+a)|superior\s+a|maior\s+(?:que|ou\s+igual\s+a)|[<>≤≥]=?)\s*(${NUMBER})|${NUMBER}\s*(?:a|at[eé]|-|–)\s*(${NUMBER}))(?:\s*(\S+))?$`,
  'iu',
);
// The row: its name (words, no column gap inside), a gap, its reference cell.
const NAME_AND_CELL = /^(\s*\p{L}[^\s\d]*(?: [^\s\d]+)*)(\s{2,})(\S.*?)\s*$/u;
// The result alone on its line: a number, maybe after a comparator, its unit or none.
const RESULT_ALONE = new RegExp(String.raw`^(\s+)((?:[<>≤≥]\s*)?${NUMBER})(?:\s*(\S+))?\s*$`, 'u');
const LONE_VALUE = new RegExp(String.raw`^\s*(?:[<>≤≥]\s*)?${NUMBER}(?:\s*\S+)?\s*$`, 'u');

/** The lines with each result printed under its row put back on the row's line, the result's own line empty. */
export function resultsUnderReferencesJoined(lines: string[]): string[] {
  return joined(lines).out ?? lines;
}

/** For each row a result was put back on, the line the result is printed on: the row is given back there (parse.ts atPrintedLines). */
export function resultsUnderReferenceLines(lines: string[]): Map<number, number[]> {
  return joined(lines).moves;
}

function joined(lines: string[]): { out: string[] | undefined; moves: Map<number, number[]> } {
  let out: string[] | undefined;
  const moves = new Map<number, number[]>();
  for (let i = 0; i + 1 < lines.length; i++) {
    const row = NAME_AND_CELL.exec(lines[i]!);
    if (!row) continue;
    const ref = REFERENCE_ALONE.exec(row[3]!);
    const result = RESULT_ALONE.exec(lines[i + 1]!);
    if (!ref || !result) continue;
    const refAt = row[1]!.length + row[2]!.length;
    const valueAt = result[1]!.length;
    const refUnit = ref[3];
    if (valueAt >= refAt || (refUnit !== undefined && result[3] !== refUnit)) continue;
    // The result's unit is the reference's: a row whose reference prints none takes a value with none.
    if (refUnit === undefined && result[3] !== undefined) continue;
    const above = lines.slice(0, i).findLast((l) => l.trim() !== '');
    if (above !== undefined && LONE_VALUE.test(above)) continue;
    const name = row[1]!;
    const value = lines[i + 1]!.trim();
    const at = Math.max(valueAt, name.length + 3);
    const cell = `${name.padEnd(at)}${value}`;
    out ??= [...lines];
    out[i] = `${cell.padEnd(Math.max(refAt, cell.length + 3))}${row[3]}`;
    out[i + 1] = '';
    moves.set(i, [i + 1]);
    i++;
  }
  return { out, moves };
}
