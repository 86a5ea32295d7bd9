// Two tables side by side on a page (a check-up summary exported from PDF):
//
//   HEMATOLOGIA                              BIOQUÍMICA
//   Exame        Resultado  Referência       Exame          Resultado  Referência
//   Leucócitos   5.230      3.800 a          Colesterol     243 mg/dL  inferior a
//                /mm³       11.000 /mm³      total                     190 mg/dL
//
// The text runs across both tables, and each narrow cell wraps onto the next line, so a line holds
// halves of four results and no line holds one whole. Before anything is read, such a region (from a
// header that repeats its cells, to the next blank line) is unfolded: each table's lines are taken
// apart at the second table's column, and the wrapped lines of each table joined cell by cell to the
// row above them, which is then read on the line where it starts. Nothing is dropped: every cell goes
// to a row of its own table, and the accounting pass still sees each wrapped line as printed.
import { foldSameLength } from './analytes.ts';
import { cellStarts } from './columns.ts';
import { tableHeader } from './layouts.ts';
import { isAdminLine } from './lines.ts';

const COLUMN = '   ';

const ANTIBIOGRAM_HEADER =
  /^\s*(?:antimicrobianos?|antibioticos?|antibiograma|droga|farmaco)\s{2,}(?:interpretacao|resultado|sensibilidade|perfil)(?:\s{2,}(?:antimicrobianos?|antibioticos?|antibiograma|droga|farmaco)\s{2,}(?:interpretacao|resultado|sensibilidade|perfil))?\s*$/iu;

/** Where the second table starts, when a header line repeats its first cell further right. */
export function secondTableAt(line: string): number | undefined {
  const cs = cellStarts(line, 0);
  if (cs.length < 4) return undefined;
  // A name column's header ("Exame", "Analito"), not a unit repeated over value columns ("%   /mm³   %").
  const first = foldSameLength(cs[0]!.cell).toLowerCase();
  if (!/^\p{L}{3,}/u.test(first)) return undefined;
  // Nor a count form repeated over the reference's columns ("RELATIVO   ABSOLUTO   RELATIVO   ABSOLUTO" over a
  // differential): the values' and the ranges' columns of one table.
  if (/^(?:valor(?:es)?\s+)?(?:relativ|absolut|percentua)/u.test(first)) return undefined;
  const again = cs.findIndex((c, i) => i >= 2 && foldSameLength(c.cell).toLowerCase() === first);
  // An antibiogram's header names no result column a table header knows ("ANTIMICROBIANO   INTERPRETAÇÃO",
  // twice across the page when its list is printed in two columns).
  const header = (h: string) => tableHeader(h) !== undefined || ANTIBIOGRAM_HEADER.test(foldSameLength(h));
  if (again < 0 || !header(line)) return undefined;
  const at = cs[again]!.at;
  return header(line.slice(0, at)) && header(line.slice(at)) ? at : undefined;
}

const RULE = /^\s*[-=_─━]{10,}\s*$/u;

/**
 * The second table's start at the bar drawn between the two (" | " on the header line, left of where its first
 * header cell starts): a table whose name column has no header cell ("Resultado   Referência" over "Cor   Amarela
 * Amarela") prints its names left of that cell, from the bar on.
 */
function barBefore(line: string, at: number | undefined): number | undefined {
  if (at === undefined) return undefined;
  const bar = line.lastIndexOf('|', at);
  return bar > 0 && /\S\s+$/.test(line.slice(0, bar)) && line.slice(bar + 1, at).trim() === '' ? bar + 1 : at;
}

/**
 * A table's column starts with its name column put first, when its header prints no cell over the names
 * (the rows' first words start left of the header's first cell).
 */
function withNameColumn(starts: number[], lines: Array<{ text: string }>, from: number): number[] {
  const first = starts[0];
  if (first === undefined || first <= from + 1) return starts;
  const namesLeft = lines.some(({ text }) => text.slice(from, first - 1).trim() !== '');
  return namesLeft ? [from, ...starts] : starts;
}

/** A cut at a column start moved back to the start of the word it falls in. */
function snap(line: string, at: number): number {
  let i = Math.min(at, line.length);
  while (i > 0 && i < line.length && line[i - 1] !== ' ' && line[i] !== ' ') i--;
  return i;
}

/** A line's halves at the second table's column. */
function halves(line: string, at: number): [string, string] {
  const cut = snap(line, at);
  return [line.slice(0, cut), ' '.repeat(cut) + line.slice(cut)];
}

/** The cells of a row by the header's column starts (a wrapped cell's piece goes to its column). */
function byColumns(line: string, starts: number[]): string[] {
  const cuts = starts.map((s, i) => (i === 0 ? 0 : snap(line, s)));
  return cuts.map((c, i) => line.slice(c, cuts[i + 1] ?? line.length).trim());
}

/** A title line's two titles, as two pieces of one line ("HEMATOLOGIA ; BIOQUÍMICA"). */
function titles(line: string, at: number): string {
  return halves(line, at)
    .map((h) => h.trim())
    .filter(Boolean)
    .join(' ; ');
}

/** A row of one table: its cells, and the report line where it starts. */
interface Row {
  cells: string[];
  line: number;
}

/**
 * A table's lines after its header, wrapped lines joined to their row: a line is a wrap when its name
 * cell is empty or goes on in lower case ("jejum", "total", "(HbA1c)") and its value cell holds no
 * number (a unit, a reference's second half).
 */
function joinWraps(lines: Array<{ text: string; line: number }>, starts: number[]): Row[] {
  const rows: Row[] = [];
  // A half-line left blank ends this table's rows: what follows it in the same column (a footnote, a
  // signature under the other table's last rows) is no wrapped piece of the row above the gap.
  let gap = false;
  for (const { text, line } of lines) {
    if (text.trim() === '') {
      gap = rows.length > 0;
      continue;
    }
    const cells = byColumns(text, starts);
    const row = gap ? undefined : rows[rows.length - 1];
    gap = false;
    const wrap = row !== undefined && /^(?:$|[\p{Ll}(])/u.test(cells[0]!) && !/^[<>≤≥]?\s*\d/.test(cells[1] ?? '');
    if (!wrap) {
      rows.push({ cells, line });
      continue;
    }
    cells.forEach((c, i) => {
      if (c !== '') row.cells[i] = row.cells[i] ? `${row.cells[i]} ${c}` : c;
    });
  }
  return rows;
}

/** What a report line is for the reader and for the accounting pass. */
export interface UnfoldedLine {
  /** The text to read. */
  read: string;
  /** The text whose tokens must be accounted for: as printed, except a title line's (both titles). */
  account: string;
}

/**
 * One entry a report line (line numbers stay the report's). In a region of side-by-side tables, a
 * line where rows start is read as those rows whole, the left table's then the right one's, separated
 * by ";" (several results on a line); a header line as one table's header; a title line as both
 * titles, separated the same way; a wrapped line as nothing, its cells being in the row above. Every
 * other line is read as printed.
 */
export function unfoldPageColumns(raw: string[]): UnfoldedLine[] {
  // A bar drawn between the two tables ("Ampicilina   Resistente   | Cefepima   Sensível") is a column gap, and so
  // is one left at the line's end when the right table's rows ran out.
  const lines = raw.map((l) => l.replace(/\t/g, COLUMN).replace(/(?<=\S\s{2,})\|(?=\s+\S|\s*$)/g, ' '));
  const out = [...raw];
  const titleLines = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    const at = barBefore(raw[i]!, secondTableAt(lines[i]!));
    if (at === undefined) {
      i++;
      continue;
    }
    // A title line just above the header ("HEMATOLOGIA   BIOQUÍMICA") names both tables.
    if (i > 0 && lines[i - 1]!.trim() !== '' && !/\d/.test(lines[i - 1]!)) {
      out[i - 1] = titles(lines[i - 1]!, at);
      titleLines.add(i - 1);
    }
    while (i < lines.length && secondTableAt(lines[i]!) !== undefined) {
      const headerAt = i;
      const header = halves(lines[i]!, at);
      out[i] = cellStarts(header[0], 0)
        .map((c) => c.cell)
        .join(COLUMN);
      const body: number[] = [];
      i++;
      // A rule drawn under the tables closes them as a blank line does: the notes under it are the report's.
      while (i < lines.length && lines[i]!.trim() !== '' && !RULE.test(lines[i]!) && secondTableAt(lines[i]!) === undefined) body.push(i++);
      // The next pair of tables may have its own title line, the last line before its header.
      const last = body[body.length - 1];
      if (i < lines.length && secondTableAt(lines[i]!) !== undefined && last !== undefined && !/\d/.test(lines[last]!)) {
        body.pop();
        out[last] = titles(lines[last]!, at);
        titleLines.add(last);
      }
      const rows = [0, 1].flatMap((side) => {
        const texts = body.map((line) => ({ text: halves(lines[line]!, at)[side]!, line }));
        return joinWraps(
          texts,
          withNameColumn(
            cellStarts(header[side]!, 0).map((c) => c.at),
            texts,
            side === 0 ? 0 : snap(lines[headerAt]!, at),
          ),
        );
      });
      for (const line of body) out[line] = '';
      for (const row of rows) {
        const text = row.cells.filter(Boolean).join(COLUMN);
        // A signature or release stamp beside the other table's last row ("Liberado em 29/08/2024 16:10
        // por") is no piece of that row's result; the line is still accounted as printed.
        if (isAdminLine(text)) continue;
        out[row.line] = out[row.line] ? `${out[row.line]} ; ${text}` : text;
      }
    }
  }
  return out.map((read, k) => ({ read, account: titleLines.has(k) ? read : raw[k]! }));
}
