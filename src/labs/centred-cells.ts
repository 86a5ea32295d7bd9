// A PDF table whose wrapped cells are centred vertically in their row: a row whose name or reference runs
// over two or three lines prints its one-line cells on the middle line, the value under the name's first
// line.
//
//   Exame                Resultado          Valores de referência
//   Hemácias                                4,00 a 5,20 milhões/mm³
//                        4,62 milhões/mm³
//   Índice HOMA-IR                          Até 2,7
//   (resistência         3,12
//   insulínica)
//
// Read line by line, the name's line has no value and the value's line no name (or only the name's next
// words). Before anything is read, such a value cell is moved up into the result column of its name's
// line, which then reads as a whole row; the rest of the lower line (the name's next words, a reference's
// or a method's wrapped piece) stays where it is, as any wrapped cell of a row does. Only under a header
// with a result and a reference column, for a name's line that holds a reference cell but no value.
import { lookupName } from './analytes.ts';
import { tableHeader } from './layouts.ts';
import { matchesOf } from '../text/matches.ts';

/**
 * A row's name that wrapped onto the line under it, alone in the name column ("Colesterol   137 mg/dL" /
 * "não-HDL"): joined to the row's name cell when the whole name is one the catalogue knows apart from the
 * first line's (which alone would name another analyte), and fits its column.
 */
function joinNameBelow(out: string[], i: number, result: number): void {
  const line = out[i]!;
  const below = out[i + 1];
  if (below === undefined) return;
  const piece = /^(\s*)(\p{Ll}[\p{L}-]*(?: [\p{L}-]+){0,2})\s*$/u.exec(below);
  const cell = /^(\s*)(\p{Lu}[^\d]*?)(?=\s{2,}[<>≤≥]?\d)/u.exec(line);
  if (!piece || !cell || Math.abs(piece[1]!.length - cell[1]!.length) > 2) return;
  const whole = `${cell[2]} ${piece[2]}`;
  const known = lookupName(whole);
  if (!known || known === lookupName(cell[2]!) || cell[1]!.length + whole.length > result - 2) return;
  if (line.slice(cell[1]!.length + cell[2]!.length, cell[1]!.length + whole.length + 2).trim() !== '') return;
  out[i] = `${cell[1]}${whole}${line.slice(cell[1]!.length + whole.length)}`;
  out[i + 1] = '';
}

/** Where a cell starts at a column (within a few characters: PDF text drifts), after a gap or the margin. */
function cellAt(line: string, at: number): { start: number; end: number } | undefined {
  for (const m of matchesOf(/\S+(?: \S+)*/g, line)) {
    const start = m.index!;
    if (Math.abs(start - at) <= 3) return { start, end: start + m[0].length };
    if (start > at + 3) break;
  }
  return undefined;
}

/** Whether the line has anything printed from `from` to `to`. */
const printedIn = (line: string, from: number, to: number) => line.slice(Math.max(0, from), to).trim() !== '';

// A value cell: a number, perhaps after a comparator, with its unit or none.
const VALUE = /^[<>≤≥]?\s*\d[\d.,]*(?:\s+\S+)?$/u;

/** The lines with each centred row's value moved up to its name's line; any other line as it is. */
export function centredRowValues(reads: string[]): string[] {
  return centred(reads).out;
}

/** Each centred row's name line with the line its value is printed on (parse.ts atPrintedLines). */
export function centredRowLines(reads: string[]): Map<number, number[]> {
  return centred(reads).moves;
}

function centred(reads: string[]): { out: string[]; moves: Map<number, number[]> } {
  const out = [...reads];
  const moves = new Map<number, number[]>();
  let columns: { name: number; result: number; reference: number } | undefined;
  for (let i = 0; i < reads.length; i++) {
    const line = out[i]!;
    if (reads[i]!.trim() === '') {
      columns = undefined;
      continue;
    }
    const header = tableHeader(line);
    if (header?.resultAt !== undefined && header.referenceAt !== undefined && header.starts && header.starts[0]! < header.resultAt) {
      const lead = line.length - line.trimStart().length;
      columns = { name: lead, result: header.resultAt + lead, reference: header.referenceAt + lead };
      continue;
    }
    if (!columns) continue;
    const { name, result, reference } = columns;
    joinNameBelow(out, i, result);
    // The name's line: a name at the margin, nothing in the result column, a reference cell.
    if (!/^\p{Lu}/u.test(line.slice(name).trimStart()) || Math.abs(line.length - line.trimStart().length - name) > 2) continue;
    if (printedIn(line, result - 3, reference - 3) || !cellAt(line, reference)) continue;
    // The value one line or two lower, with nothing but the name's next words before it and no value on
    // the lines between.
    for (let j = i + 1; j <= i + 2 && j < reads.length; j++) {
      const below = out[j]!;
      if (below.trim() === '' || tableHeader(below)) break;
      const before = below.slice(0, Math.max(0, result - 3)).trim();
      if (before !== '' && !/^[\p{Ll}(]/u.test(before)) break;
      const cell = cellAt(below, result);
      if (!cell || cell.start >= reference - 3) {
        if (printedIn(below, result - 3, reference - 3)) break;
        continue;
      }
      const value = below.slice(cell.start, cell.end);
      if (!VALUE.test(value)) break;
      const padded = out[i]!.padEnd(cell.end + 2);
      out[i] = `${padded.slice(0, cell.start)}${value}${padded.slice(cell.end)}`.trimEnd();
      out[j] = `${below.slice(0, cell.start)}${' '.repeat(value.length)}${below.slice(cell.end)}`.trimEnd();
      moves.set(i, [j]);
      break;
    }
  }
  return { out, moves };
}
