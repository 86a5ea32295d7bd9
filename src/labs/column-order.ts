// Tables whose header names the exam column after others ("VALORES DE REFERÊNCIA   RESULTADO   EXAME
// UNIDADE", a PDF whose text came out in the order its columns were drawn, not read), or the unit column
// before the result ("EXAME   UNIDADE   RESULTADO   REFERÊNCIA"): every other reader takes a row's first
// cell for its name and the first number after it for its value, so such a row would be read with a bound
// of its range as the result under a name that is a number, or with its unit in its name. The header
// places the columns; before anything is read, the header and each row under it are printed again in the
// usual order (exam, result, unit, reference), each column at a position of its own, so the table's own
// readers (a name wrapped onto the line under its row, a reference going on under its cell) work as on
// any table. A line that continues the row above (no result cell, right under it) is moved with it; any
// other line (a section's title, a note, the signature) is left as printed.
import { foldSameLength } from './analytes.ts';
import { CURRENT_DATE_WORD, cellStarts, DATE_CELL, withDatesOver } from './columns.ts';
import { CHANGE_CELL, EXAM_CELL } from './layouts.ts';
import { REFERENCE_HEAD, RESULT_HEAD } from './reference-first.ts';
import { unitAtStart } from './units.ts';

// A dated sample's or a change column's kind is keyed by where it starts ("date@43", "change@81").
type Kind = 'exam' | 'result' | 'unit' | 'reference' | `date@${number}` | `change@${number}`;
const ORDER = ['exam', 'result', 'unit', 'reference'] as const;

// A unit column's header cell.
const UNIT_HEAD = /^(?:unid\.?|unidades?)$/i;

function headKind(cell: string): 'exam' | 'result' | 'unit' | 'reference' | undefined {
  const f = foldSameLength(cell).trim();
  if (EXAM_CELL.test(f)) return 'exam';
  if (RESULT_HEAD.test(f)) return 'result';
  if (UNIT_HEAD.test(f)) return 'unit';
  if (REFERENCE_HEAD.test(f)) return 'reference';
  return undefined;
}

interface Column {
  kind: Kind;
  at: number;
  /** The header's cell, as printed or with the date printed over it (withDatesOver). */
  cell: string;
}

/**
 * The columns of a header that names an exam and a result column out of the usual order: the exam's not
 * first, or the unit's before the result's ("EXAME   UNIDADE   RESULTADO   REFERÊNCIA"). A header with the
 * exam first and the reference before the result is reference-first.ts's, which also reads its dot
 * leaders. Undefined for any other line.
 */
function shuffledHeader(text: string): Column[] | undefined {
  const starts = cellStarts(text, 0);
  const cols = starts.map((c) => ({ kind: headKind(c.cell), at: c.at, cell: c.cell }));
  if (cols.length < 3 || cols.some((c) => c.kind === undefined)) return undefined;
  const kinds = cols.map((c) => c.kind!);
  if (new Set(kinds).size !== kinds.length || !kinds.includes('result') || !kinds.includes('exam')) return undefined;
  const [exam, result, unit, reference] = ORDER.map((k) => kinds.indexOf(k));
  const unitFirst = unit! >= 0 && unit! < result! && (reference! < 0 || reference! > result!);
  return exam! > 0 || unitFirst ? (cols as Column[]) : undefined;
}

// A value is often right-aligned under its header, so its cell may start a few columns left of it.
const SLACK = 4;

/** The cells of a line by the column each starts in; undefined for a line with tabs (no positions). */
function byColumn(text: string, cols: Column[]): Map<Kind, string> | undefined {
  if (text.includes('\t')) return undefined;
  const out = new Map<Kind, string>();
  for (const c of cellStarts(text, 0)) {
    const col = [...cols].reverse().find((h) => h.at <= c.at + SLACK) ?? cols[0]!;
    out.set(col.kind, out.has(col.kind) ? `${out.get(col.kind)} ${c.cell}` : c.cell);
  }
  return out;
}

// A cumulative report's sample columns, each headed by its date, with the unit column before them
// ("EXAME   UNIDADE   14/06/2024   02/12/2024   28/05/2025   VAR. %   REFERÊNCIA"): the unit is moved
// after the last date, where a history table's readers take it for the current result's ("Exame
// 13/06/25   10/06/25   Unid.   Valores de referência"); the dates, a change column and the reference
// keep their order. Each column's kind is keyed by where it starts, the dates being several.
// The dates may be printed alone on the line over the header (`above`, withDatesOver).
function datedUnitFirst(text: string, above?: string): Column[] | undefined {
  const printed = cellStarts(text, 0);
  const starts = (above !== undefined && withDatesOver(printed, { text: above, offset: 0 })) || printed;
  const cols = starts.map((c) => {
    const kind = headKind(c.cell);
    if (kind !== undefined && kind !== 'result') return { kind, at: c.at, cell: c.cell };
    return DATE_CELL.test(c.cell.replace(CURRENT_DATE_WORD, ''))
      ? { kind: `date@${c.at}`, at: c.at, cell: c.cell }
      : CHANGE_CELL.test(c.cell)
        ? { kind: `change@${c.at}`, at: c.at, cell: c.cell }
        : undefined;
  });
  if (cols.some((c) => c === undefined)) return undefined;
  const kinds = (cols as Column[]).map((c) => c.kind);
  const dates = kinds.flatMap((k, i) => (k.startsWith('date@') ? [i] : []));
  const unit = kinds.indexOf('unit');
  // The unit right before the dates: a reference column between them ("Exame   Unidade   Referência   SET/26
  // OUT/26") is a table the history readers take as printed.
  if (kinds[0] !== 'exam' || dates.length < 2 || unit < 0 || unit + 1 !== dates[0] || kinds.filter((k) => k === 'unit').length > 1) return undefined;
  return cols as Column[];
}

/**
 * Per line, the text to read: under a header whose exam column is not first, the header, each row (an exam
 * cell and a result cell) and each line continuing a row right under it, in the usual order of columns.
 */
export function rowsInUsualOrder(reads: readonly string[]): string[] {
  const out = [...reads];
  for (let i = 0; i < reads.length; i++) {
    const dated = datedUnitFirst(reads[i]!, reads[i - 1]);
    const cols = shuffledHeader(reads[i]!) ?? dated;
    if (!cols) continue;
    // A dated table's row has a value under some date (the newest may be a dash, not done today).
    const hasResult = (cells: Map<Kind, string>) => (dated ? [...cells.keys()].some((k) => k.startsWith('date@')) : cells.has('result'));
    // The table's lines to print again, with their cells by column; it ends at the next header.
    const moved: Array<{ at: number; cells: Map<Kind, string> }> = [{ at: i, cells: new Map(cols.map((c) => [c.kind, c.cell])) }];
    let inRow = false;
    let j = i + 1;
    // A dated table ends at its first blank line: a goals table printed under it ("Alto   <  70   < 100") has
    // cells under the dates too, and no row of the results. Unless the blank sets a section of the table's apart,
    // its title and a row with its unit under the unit column after it (datedRowsGoOn).
    for (
      ;
      j < reads.length &&
      !shuffledHeader(reads[j]!) &&
      !datedUnitFirst(reads[j]!) &&
      !isOtherHeader(reads[j]!) &&
      !(dated && reads[j]!.trim() === '' && !datedRowsGoOn(reads, j, dated));
      j++
    ) {
      const cells = reads[j]!.trim() === '' ? undefined : byColumn(reads[j]!, cols);
      const row = cells !== undefined && cells.has('exam') && hasResult(cells);
      // A unit cut at its slash goes on under its column on the line under its row ("mL/min/" over "1,73m²"): joined to
      // the row's. The name's words that wrapped with it ("TFG estimada CKD-EPI" over "2021", h1964) go with it, the
      // line under left empty: a year alone there would read as a value.
      const over = !row && inRow ? moved.at(-1)?.cells : undefined;
      const rest = cells?.get('unit');
      if (over && rest !== undefined && /\/$/.test(over.get('unit') ?? '')) {
        over.set('unit', `${over.get('unit')}${rest}`);
        cells!.delete('unit');
        const name = cells!.get('exam');
        if (name !== undefined && cells!.size === 1 && over.has('exam')) {
          over.set('exam', `${over.get('exam')} ${name}`);
          cells!.delete('exam');
        }
      }
      if (cells && (row || (inRow && !hasResult(cells)))) moved.push({ at: j, cells });
      inRow = row || (inRow && cells !== undefined && !hasResult(cells));
    }
    // Each column as wide as its widest cell, the usual order (a dated table's unit after its last date).
    const printed = cols.map((c) => c.kind);
    const lastDate = printed.findLastIndex((k) => k.startsWith('date@'));
    const kinds = dated
      ? [...printed.slice(0, lastDate + 1).filter((k) => k !== 'unit'), 'unit' as const, ...printed.slice(lastDate + 1)]
      : ORDER.filter((k) => cols.some((c) => c.kind === k));
    let at = 0;
    const starts = new Map<Kind, number>();
    for (const k of kinds) {
      starts.set(k, at);
      at += Math.max(...moved.map((m) => m.cells.get(k)?.length ?? 0)) + 3;
    }
    for (const m of moved) {
      let line = '';
      for (const k of kinds) {
        const cell = m.cells.get(k);
        if (cell !== undefined) line = `${line.padEnd(starts.get(k)!)}${cell}`;
      }
      out[m.at] = line;
    }
    i = j - 1;
  }
  return out;
}

/**
 * Whether a dated table goes on after the blank line at `j`: the next lines print a section's title (one cell,
 * under the exam's column) and a row with its unit under the unit column and a value under a date ("LIPÍDIOS" /
 * "Colesterol total   mg/dL   168   189   ---   Desejável: < 190", h1964), or such a row right away.
 */
function datedRowsGoOn(reads: readonly string[], j: number, cols: Column[]): boolean {
  let k = j;
  while (k < reads.length && reads[k]!.trim() === '') k++;
  const first = k < reads.length ? byColumn(reads[k]!, cols) : undefined;
  const title = first !== undefined && first.size === 1 && first.has('exam');
  const row = title ? (k + 1 < reads.length ? byColumn(reads[k + 1]!, cols) : undefined) : first;
  const unit = row?.get('unit');
  return (
    row !== undefined &&
    row.has('exam') &&
    unit !== undefined &&
    unitAtStart(unit)?.consumed === unit.length &&
    [...row.keys()].some((key) => key.startsWith('date@'))
  );
}

/** Another table's header ends the table: two of its cells or more are column heads. */
function isOtherHeader(text: string): boolean {
  return cellStarts(text, 0).filter((c) => headKind(c.cell) !== undefined).length >= 2;
}
