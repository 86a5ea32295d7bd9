// PDF text extracted without layout puts each cell of a table row on a line of its own. A differential
// prints two values per name, the relative and the absolute count, then a reference for each:
//
//   Segmentados                ← name
//   57 %                       ← relative value
//   3.637 /mm³                 ← absolute value
//   40 a 70 %                  ← relative reference
//   1.600 a 7.700 /mm³         ← absolute reference
//
// Read line by line, the name takes its first value and the range under it is taken for the second
// value's; the rest is lost. So before anything is read, a name followed by two values or more and as
// many ranges is put back together as the row it was, on the name's line ("Segmentados   57 %   3.637
// /mm³   40 a 70 %   1.600 a 7.700 /mm³"), the cells' lines left empty for the reader; the accounting
// pass still sees every line as printed. A name with one value and one range is read as it is. Each result
// read from the row is then given back on its value cell's line (pairedCellLines).
import { NUMBER } from './numbers.ts';
import { UNIT_PATTERN } from './units.ts';

// A name alone on its line, letters only ("Segmentados", "Linfócitos típicos").
const NAME_CELL = /^\s*\p{L}[\p{L}\s().-]{1,40}$/u;
// A value alone with its unit or none ("57 %", "3.637 /mm³").
const VALUE_CELL = new RegExp(String.raw`^\s*[<>]?\s*(?:${NUMBER})\s*(?:${UNIT_PATTERN})?\s*$`, 'iu');
// A range or a bound alone with its unit or none ("40 a 70 %", "até 100 /mm³").
const RANGE_CELL = new RegExp(
  String.raw`^\s*(?:(?:${NUMBER})\s*(?:a|-|–|at[eé])\s*(?:${NUMBER})|(?:at[eé]|inferior\s+a|superior\s+a|[<>≤≥])\s*(?:${NUMBER}))\s*(?:${UNIT_PATTERN})?\s*$`,
  'iu',
);

interface PairedRun {
  /** The name's line, where the row is put back. */
  name: number;
  /** The lines of its value cells, in order. */
  values: number[];
  /** The line after its last range. */
  end: number;
}

function pairedRuns(reads: readonly string[]): PairedRun[] {
  const runs: PairedRun[] = [];
  for (let i = 0; i < reads.length; i++) {
    if (!NAME_CELL.test(reads[i]!)) continue;
    let v = i + 1;
    while (v < reads.length && VALUE_CELL.test(reads[v]!) && !RANGE_CELL.test(reads[v]!)) v++;
    const values = v - i - 1;
    if (values < 2) continue;
    let r = v;
    while (r < reads.length && r - v < values && RANGE_CELL.test(reads[r]!)) r++;
    if (r - v !== values || (r < reads.length && (VALUE_CELL.test(reads[r]!) || RANGE_CELL.test(reads[r]!)))) continue;
    runs.push({ name: i, values: Array.from({ length: values }, (_, k) => i + 1 + k), end: r });
    i = r - 1;
  }
  return runs;
}

/** The lines of a text with each name-values-ranges run of one-cell lines as one row on the name's line; any other text as it is. */
export function joinPairedCells(reads: string[]): string[] {
  const runs = pairedRuns(reads);
  if (runs.length === 0) return reads;
  const out = [...reads];
  for (const { name, end } of runs) {
    out[name] = reads
      .slice(name, end)
      .map((c) => c.trim())
      .join('   ');
    for (let k = name + 1; k < end; k++) out[k] = '';
  }
  return out;
}

/** Each joined row's line with the lines of its value cells, where its results are printed (parse.ts atPrintedLines). */
export function pairedCellLines(reads: readonly string[]): Map<number, number[]> {
  return new Map(pairedRuns(reads).map((run) => [run.name, run.values]));
}
