// A PDF copied on a phone's viewer breaks a differential's lines wherever its narrow screen ends: the
// header's unit cells each on a line of their own ("%" / "/mm³"), and each row anywhere between its
// cells ("Neutrófilos" / "64,5" / "5.637" / "1.700 a 7.000", "Monócitos 7,0" / "612 300 a 900"):
//
//   %                          ← the relative count's column
//   /mm³                       ← the absolute count's column
//   Neutrófilos                ← name
//   64,5                       ← relative value
//   5.637                      ← absolute value
//   1.700 a 7.000              ← the reference (of the count alone here)
//
// Read line by line, the header is no header, the name takes its first value and the rest is lost. So
// each row's pieces are put back on the name's line, its first values given the units the header's
// cells say, in order ("Neutrófilos 64,5 % 5.637 /mm³ 1.700 a 7.000"), and read as the relative and the
// absolute count. The units go into the rows, not into a header line: nothing ends such a table's
// header on a page with no blank line, and it would give its units to the next block's bare values.
// Only lines of numbers join a row: the first line that is neither a row's name nor such a line ends
// the table. The header's and the joined lines are left empty for the reader; each result read from a row
// is then given back on the line its value is printed on (wrappedDifferentialLines).
import { columnUnit } from './columns.ts';
import { NUMBER } from './numbers.ts';

// A line of numbers only, a range's "a" between them ("5.637", "612 300 a 900", "500"), or opening it where the
// line above broke before it ("a 900" under "Monócitos 7,1 557 2,0 a 10,0 300").
const NUMBERS_ONLY = new RegExp(String.raw`^\s*(?:(?:a|at[eé])\s+)?(?:${NUMBER})(?:\s+(?:a\s+|at[eé]\s+)?(?:${NUMBER}))*\s*$`, 'iu');
// A row's first line: its name, then maybe its first cells ("Linfócitos", "Eosinófilos 7,8 682 50 a").
const ROW_START = new RegExp(
  String.raw`^\s*\p{L}[\p{L}\s().-]{1,40}?(?:\s+(?:${NUMBER})(?:\s+(?:a|at[eé])?\s*(?:${NUMBER})?)*(?:\s+(?:a|at[eé]))?)?\s*$`,
  'iu',
);

/** The unit a line gives its column when it holds that cell alone ("%", "/mm³"). */
const unitAlone = (l: string): string | undefined => (l.trim() !== '' && !/\s/.test(l.trim()) ? columnUnit(l.trim()) : undefined);

/**
 * The value columns' units of a header kept on one line with single spaces, as the same copy keeps a short line
 * ("% /µL % /µL", h1954): units alone, the reference columns' repeating the value columns' after them. The gaps
 * that would place each unit over its column are gone, so the line says only their order; undefined for any
 * other line (a header with column gaps is placed by columns.ts).
 */
function unitsOfLine(l: string): string[] | undefined {
  const cells = l.trim().split(' ');
  if (cells.length < 2 || /\s{2,}|\t/.test(l.trim())) return undefined;
  const units = cells.map((c) => columnUnit(c));
  if (!units.every((u): u is string => u !== undefined)) return undefined;
  const half = units.length / 2;
  return Number.isInteger(half) && units.slice(0, half).every((u, k) => u === units[half + k]) ? units.slice(0, half) : units;
}

// The cells of a line set apart by column gaps.
const gapCells = (l: string) => l.trim().split(/\s{2,}/);
// A header cell over a reference column ("V.R. (%)", "Ref. (/mm³)", "Valores de referência").
const REFERENCE_HEAD = /^(?:v\.?\s?r\.?|ref(?:er[eê]ncias?)?\.?|valor(?:es)?\s+de\s+refer[eê]ncia)\s*(?:\([^()]*\))?$/iu;
// A range alone in its cell ("0 a 550", "1.600 a 7.700", "até 5").
const RANGE_CELL = new RegExp(String.raw`^(?:(?:${NUMBER})\s*(?:a|-|–)\s*(?:${NUMBER})|(?:at[eé]|<|>|<=|>=|≤|≥)\s*(?:${NUMBER}))$`, 'iu');
// A row's line of its name and its bare values, no range yet ("Bastonetes     2     123").
const ROW_OF_VALUES = new RegExp(String.raw`^\s*\p{L}[^\d]*?(?:\s{2,}(?:${NUMBER}))+\s*$`, 'u');

/**
 * The same viewer may keep a differential's header on one line ("%        /mm³") and wrap only its last cells:
 * the reference columns' heads under it ("V.R. (%)       V.R. (/mm³)") and each row's ranges under its values
 * ("Bastonetes     2     123" / "0 a 5     0 a 550"). Read line by line the ranges are a line of their own
 * and the row is listed. So, under such a header, the heads' line and each row's line of ranges (one range a
 * value, no more) are put back at the end of the line above, as printed on a wide page.
 */
function joinWrappedRanges(reads: readonly string[], out: string[]): void {
  for (let h = 0; h + 1 < reads.length; h++) {
    const heads = gapCells(reads[h]!);
    if (heads.length < 2 || !heads.every((c) => columnUnit(c) !== undefined)) continue;
    let r = h + 1;
    if (gapCells(reads[r]!).every((c) => REFERENCE_HEAD.test(c))) {
      out[h] = `${reads[h]!.trimEnd()}     ${reads[r]!.trim()}`;
      out[r] = '';
      r++;
    }
    for (; r + 1 < reads.length && ROW_OF_VALUES.test(reads[r]!); r += 2) {
      const values = gapCells(reads[r]!).length - 1;
      const ranges = gapCells(reads[r + 1]!);
      if (values > heads.length || ranges.length !== values || !ranges.every((c) => RANGE_CELL.test(c))) break;
      out[r] = `${reads[r]!.trimEnd()}     ${reads[r + 1]!.trim()}`;
      out[r + 1] = '';
    }
    h = r - 1;
  }
}

interface WrappedTable {
  /** The header's unit lines, [from, to). */
  header: [number, number];
  units: string[];
  /** Each row's lines, [at, to): its name's line first. */
  rows: Array<{ at: number; to: number }>;
}

function wrappedTables(reads: readonly string[]): WrappedTable[] {
  const tables: WrappedTable[] = [];
  for (let i = 0; i + 1 < reads.length; i++) {
    const units: string[] = [];
    let h = i;
    while (h < reads.length) {
      const unit = unitAlone(reads[h]!);
      if (unit === undefined) break;
      units.push(unit);
      h++;
    }
    const oneLine = h === i ? unitsOfLine(reads[i]!) : undefined;
    if (oneLine) {
      units.push(...oneLine);
      h++;
    }
    if (units.length < 2 || new Set(units).size !== units.length) continue;
    const rows: Array<{ at: number; to: number }> = [];
    let r = h;
    while (r < reads.length && ROW_START.test(reads[r]!) && !NUMBERS_ONLY.test(reads[r]!)) {
      let to = r + 1;
      while (to < reads.length && NUMBERS_ONLY.test(reads[to]!)) to++;
      const row = reads.slice(r, to).join(' ');
      // A name with no value under it (a sentence, the next section's title) ends the table.
      if (!/\d/.test(row)) break;
      rows.push({ at: r, to });
      r = to;
    }
    if (rows.length === 0) continue;
    tables.push({ header: [i, h], units, rows });
    i = r - 1;
  }
  return tables;
}

/** The lines with joinWrappedRanges applied: the same array when it joined nothing. */
function withRangesJoined(reads: readonly string[]): string[] {
  const out = [...reads];
  joinWrappedRanges(reads, out);
  return out.some((l, i) => l !== reads[i]) ? out : (reads as string[]);
}

/** The lines of a text with a wrapped differential's header and rows each on one line; any other text as it is. */
export function joinWrappedDifferential(lines: string[]): string[] {
  const reads = withRangesJoined(lines);
  const tables = wrappedTables(reads);
  if (tables.length === 0) return reads;
  const out = [...reads];
  for (const { header, units, rows } of tables) {
    for (let k = header[0]; k < header[1]; k++) out[k] = '';
    for (const { at, to } of rows) {
      out[at] = withUnits(
        reads
          .slice(at, to)
          .map((c) => c.trim())
          .join(' '),
        units,
      );
      for (let k = at + 1; k < to; k++) out[k] = '';
    }
  }
  return out;
}

/** Each joined row's line with the lines joined to it, where its later cells are printed (parse.ts atPrintedLines). */
export function wrappedDifferentialLines(reads: readonly string[]): Map<number, number[]> {
  return new Map(
    wrappedTables(withRangesJoined(reads)).flatMap((t) => t.rows.map(({ at, to }) => [at, Array.from({ length: to - at - 1 }, (_, k) => at + 1 + k)] as const)),
  );
}

// A row's values: numbers one after another, none opening a range ("64,5 5.637 1.700 a 7.000").
const LEADING_VALUE = new RegExp(String.raw`^\s+((?:${NUMBER}))(?!\s+(?:a|at[eé])\s)(?=\s|$)`, 'iu');

/** A row with its first values followed by the header's units, in order; as it is when it holds fewer bare values than units. */
function withUnits(row: string, units: string[]): string {
  const name = /^\s*\p{L}[^\d]*?(?=\s+\d|$)/u.exec(row)?.[0] ?? '';
  let rest = row.slice(name.length);
  const cells: string[] = [];
  for (const unit of units) {
    const m = LEADING_VALUE.exec(rest);
    if (!m) return row;
    cells.push(`${m[1]} ${unit}`);
    rest = rest.slice(m[0].length);
  }
  return `${name} ${cells.join(' ')}${rest}`;
}
