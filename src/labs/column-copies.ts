// A PDF whose table was copied column by column puts each column's cells one a line, the columns one after
// the other: the header's cells, then every name, then every result, then every unit, then every range
// (a differential: every relative count, every absolute count, then each column of references):
//
//   Exame / Resultado / Unidade / Valores de referência / Hemácias / Hemoglobina / … / 4,21 / 11,4 / … /
//   milhões/mm³ / g/dL / … / 3,90 a 5,00 / 12,0 a 15,5 / …
//
// Read line by line, the last name takes the first value and the rest is lost. A run of three names or
// more followed by as many cells of each column (results, units, ranges; a dash for an empty reference
// cell) is put back as rows, each on its first result's line (where the value is printed), the other
// cells' lines left empty for the reader; the header's cells right above the names, one per column, are
// put back as the header line they were (a differential's relative and absolute columns are told by it).
// paired-cells.ts joinListedColumns reads the simpler copy of names, results and ranges alone first.
import { NUMBER } from './numbers.ts';
import { UNIT_PATTERN } from './units.ts';

// A name alone on its line, letters only ("Hemácias", "Cálcio total").
const NAME_CELL = /^\s*\p{L}[\p{L}\s().-]{1,40}$/u;
// A result alone, with its unit or none.
const VALUE_CELL = new RegExp(String.raw`^\s*[<>]?\s*(?:${NUMBER})\s*(?:${UNIT_PATTERN})?\s*$`, 'iu');
const UNIT_CELL = new RegExp(String.raw`^\s*(?:${UNIT_PATTERN})\s*$`, 'iu');
const RANGE_CELL = new RegExp(
  String.raw`^\s*(?:(?:${NUMBER})\s*(?:a|-|–|at[eé])\s*(?:${NUMBER})|(?:at[eé]|inferior\s+a|superior\s+a|[<>≤≥])\s*(?:${NUMBER}))\s*(?:${UNIT_PATTERN})?\s*$`,
  'iu',
);
const EMPTY_CELL = /^\s*[-–—]\s*$/u;
// A header's cell alone on its line ("Resultado", "Absoluto (/mm³)", "Ref. relativo (%)").
const HEADER_CELL = /^\s*\p{L}[\p{L}\s().%/³µ²-]{0,40}$/u;

type Kind = 'value' | 'unit' | 'range';

function columnKind(cells: readonly string[]): Kind | undefined {
  if (cells.every((c) => VALUE_CELL.test(c) && !RANGE_CELL.test(c))) return 'value';
  if (cells.every((c) => UNIT_CELL.test(c) && !VALUE_CELL.test(c))) return 'unit';
  if (cells.every((c) => RANGE_CELL.test(c) || EMPTY_CELL.test(c)) && cells.some((c) => RANGE_CELL.test(c))) return 'range';
  return undefined;
}

/** The columns of n cells each from line `from`, while each holds one kind of cell. */
function columnsFrom(reads: readonly string[], from: number, n: number): Kind[] {
  const kinds: Kind[] = [];
  for (let at = from; at + n <= reads.length; at += n) {
    const kind = columnKind(reads.slice(at, at + n));
    // Units stand after the results they are of; units after ranges are the next table's header cells ("%" / "/mm³").
    if (!kind || (kind === 'unit' && kinds[kinds.length - 1] !== 'value')) break;
    kinds.push(kind);
  }
  return kinds;
}

export function joinColumnCopies(reads: string[]): string[] {
  return columnCopies(reads).out ?? reads;
}

/**
 * Each row put back with the lines of its other cells (results, units, ranges), for parse.ts atPrintedLines: a
 * differential's absolute count is printed on its own line, far from its relative one the row was read on, and
 * that is the line the accounting pass must list when the count is lost.
 */
export function columnCopyLines(reads: string[]): Map<number, number[]> {
  return columnCopies(reads).joins;
}

function columnCopies(reads: string[]): { out: string[] | undefined; joins: Map<number, number[]> } {
  let out: string[] | undefined;
  const joins = new Map<number, number[]>();
  for (let a = 0; a < reads.length; a++) {
    if (!NAME_CELL.test(reads[a]!)) continue;
    let b = a;
    while (b < reads.length && NAME_CELL.test(reads[b]!)) b++;
    // The names end where the results begin; the lines above them may be a title and the header's cells.
    for (let n = b - a; n >= 1; n--) {
      const kinds = columnsFrom(reads, b, n);
      // A first column of results, and a column of ranges at least: else no table. Fewer than three rows are
      // taken for such a copy only with a column of units: a name over its result and range alone is read as it is.
      if (kinds[0] !== 'value' || !kinds.includes('range') || (n < 3 && !kinds.includes('unit'))) continue;
      // One name over a relative and an absolute count, each with its unit and range, is a differential printed one
      // cell a line (h1183), read by paired-cells.ts with each count on its own line: joined here, the absolute
      // count would be read on the relative one's line.
      if (n === 1 && kinds.filter((k) => k === 'value').length > 1) continue;
      const end = b + kinds.length * n;
      // A cell more than the names past the last column: the columns do not line up, nothing is put together.
      const last = kinds[kinds.length - 1]!;
      if (end < reads.length && columnKind([reads[end]!]) === last && !NAME_CELL.test(reads[end]!)) continue;
      const first = b - n;
      out ??= [...reads];
      const heads = first - kinds.length - 1;
      if (n >= 3 && heads >= 0 && reads.slice(heads, first).every((l) => HEADER_CELL.test(l) && !UNIT_CELL.test(l))) {
        out[heads] = reads
          .slice(heads, first)
          .map((c) => c.trim())
          .join('   ');
        for (let k = heads + 1; k < first; k++) out[k] = '';
      }
      for (let k = first; k < end; k++) out[k] = '';
      // A unit's column right after a result's is the result's unit: it is read glued to it, as on a printed
      // row, so no table header above reads the result in a column's unit of its own.
      for (let k = 0; k < n; k++) {
        const cells = [reads[first + k]!.trim()];
        kinds.forEach((kind, c) => {
          const cell = reads[b + c * n + k]!.trim();
          if (kind === 'unit' && kinds[c - 1] === 'value') cells[cells.length - 1] += ` ${cell}`;
          else cells.push(cell);
        });
        out[b + k] = cells.join('   ');
        joins.set(
          b + k,
          kinds.slice(1).map((_, c) => b + (c + 1) * n + k),
        );
      }
      a = end - 1;
      break;
    }
    if (a < b - 1) a = b - 1;
  }
  return { out, joins };
}
