// A table with a date and a result column for each period of follow-up, the printed reference before them
// (h1616: a pregnancy booklet's exams page, transcribed by a vision model: "| Exame | Referência (impressa) |
// 1º trimestre — Data | 1º trimestre — Resultado | 3º trimestre — Data | 3º trimestre — Resultado |"), the
// periods not yet reached empty or dashed ("—"), the reference printed on some rows only. Read as printed, the
// reference stands where a result would and the dates between them, and no row is read. So each row is written
// again as the name, the result of the last period filled and the reference ("| Hemoglobina | 10,4 g/dL | ≥ 11
// g/dL |"), under the header "| Exame | Resultado | Referência |", on its own line; an earlier period's result
// is an earlier result, left out as a previous-result column is. A dash alone is an empty cell. Only a table
// delimited by bars or tabs (where an empty cell shows) whose header prints a date column right before each
// result column is touched, with two periods or more, or one after the reference column. Text a line prints
// past the table's last bar is no cell: it goes on after the row written again, to be read or listed.
import { DATE_CELL, dateKey } from './columns.ts';

const RESULT_HEAD = /\bresultados?\b/i;
const DATE_HEAD = /\bdatas?\b|\bdt\b/i;
const REFERENCE_HEAD = /refer[eê]ncia|^\s*v\.?\s*r\.?\s*$/i;
// A cell that holds nothing: empty, a dash or a blank's mark.
const EMPTY = /^(?:[—–-]+|\(?em branco\)?|n[aã]o realizado)?$/i;

/**
 * The cells of a row delimited by bars or tabs, or undefined when it is none. `after` is what a bar-delimited row
 * that closes its cells with a bar prints past its last one ("| Fator Rh | — | 07/03/25 | Negativo | — | — |   48,9",
 * a note typed after the row, h1616): no cell of the table, kept to be read or listed on its line.
 */
function rowCells(raw: string, closed = true): { cells: string[]; bars: boolean; after: string } | undefined {
  const t = raw.trim();
  if (t.startsWith('|')) {
    const last = t.lastIndexOf('|');
    const after = closed && last > 0 ? t.slice(last + 1).trim() : '';
    const body = after === '' ? t : t.slice(0, last + 1);
    return {
      cells: body
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim()),
      bars: true,
      after,
    };
  }
  if (raw.includes('\t')) return { cells: raw.split('\t').map((c) => c.trim()), bars: false, after: '' };
  return undefined;
}

/** Whether a bar table closes its rows with a bar: its header, its rule or its first row does ("|---|---|"). */
function closesRows(raws: string[], header: number): boolean {
  return raws.slice(header, header + 3).some((r) => /^\s*\|.*\|\s*$/.test(r));
}

interface Columns {
  name: number;
  reference: number | undefined;
  /** The unit's own column, when the header names one before the samples' (sampleDateColumns). */
  unit?: number | undefined;
  /** The result columns, in the order printed (earliest period first). */
  results: number[];
}

/** The columns of a header that prints a date column right before each result column, or undefined. */
function headerColumns(cells: string[]): Columns | undefined {
  const results = cells.flatMap((c, i) => (RESULT_HEAD.test(c) && !REFERENCE_HEAD.test(c) ? [i] : []));
  if (results.length === 0 || !results.every((i) => i > 0 && DATE_HEAD.test(cells[i - 1]!) && !RESULT_HEAD.test(cells[i - 1]!))) return undefined;
  const refAt = cells.findIndex((c) => REFERENCE_HEAD.test(c));
  const reference = refAt >= 0 ? refAt : undefined;
  const name = cells.findIndex((c, i) => i !== reference && !results.includes(i) && !DATE_HEAD.test(c));
  if (name < 0 || name > results[0]!) return undefined;
  if (results.length < 2 && (reference === undefined || reference > results[0]!)) return undefined;
  return { name, reference, results };
}

const UNIT_HEAD = /^unid(?:ades?|\.)?$/i;

/** A sample column's date ("MAI/25", "05/2025", "21/05/2025") as a number that grows with time (dateKey), or undefined when the cell is no date. */
function sampleDate(cell: string): number | undefined {
  const c = cell.trim();
  if (!DATE_CELL.test(c)) return undefined;
  const key = dateKey(c);
  const month = Math.floor(key / 100) % 100;
  return month < 1 || month > 12 || key % 100 > 31 ? undefined : key;
}

/**
 * The columns of a header that prints the reference, and maybe the unit, before one column per sample named by its
 * month or day ("EXAME   UNIDADE   META / REFERÊNCIA   MAR/25   ABR/25   MAI/25", a dialysis unit's monthly sheet pasted
 * as tab-separated cells, h1922): the newest sample's column is the result wherever it stands, the others earlier
 * samples'. Only with two sample columns or more, the header's last ones, after the reference, and no other cell.
 */
function sampleDateColumns(cells: string[]): Columns | undefined {
  const reference = cells.findIndex((c) => REFERENCE_HEAD.test(c));
  if (reference < 1) return undefined;
  const dated = cells.flatMap((c, i) => (sampleDate(c) === undefined ? [] : [i]));
  if (dated.length < 2 || dated[0]! <= reference || dated.some((at, k) => at !== dated[0]! + k) || dated.at(-1) !== cells.length - 1) return undefined;
  const stamps = dated.map((at) => sampleDate(cells[at]!)!);
  if (new Set(stamps).size !== stamps.length) return undefined;
  const newest = dated[stamps.indexOf(Math.max(...stamps))]!;
  const unitAt = cells.findIndex((c) => UNIT_HEAD.test(c));
  const unit = unitAt > 0 && unitAt < dated[0]! ? unitAt : undefined;
  if (cells.some((c, i) => i > 0 && i !== reference && i !== unit && !dated.includes(i) && c !== '')) return undefined;
  return { name: 0, reference, results: [newest], unit };
}

/** The lines with each dated-periods table's rows written as name, last result and reference; any other line as it is. */
export function datedResultColumnsAsRows(raws: string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < raws.length; i++) {
    if (!/^\s*\||\t/.test(raws[i]!)) continue;
    const closed = closesRows(raws, i);
    const head = rowCells(raws[i]!, closed);
    const columns = head && (headerColumns(head.cells) ?? sampleDateColumns(head.cells));
    if (!head || !columns) continue;
    out ??= [...raws];
    // What a line prints past the table's cells goes on after the row written again, a column gap apart.
    const write = (cells: string[], after: string) => (head.bars ? `| ${cells.join(' | ')} |` : cells.join('\t')) + (after === '' ? '' : `   ${after}`);
    const refHead = columns.reference === undefined ? [] : [head.cells[columns.reference]!];
    out[i] = write([head.cells[columns.name]!, 'Resultado', ...refHead], head.after);
    let k = i + 1;
    for (; k < raws.length; k++) {
      const row = rowCells(raws[k]!, closed);
      if (!row || row.bars !== head.bars) break;
      // The markdown rule under the header.
      if (row.cells.every((c) => /^:?-{2,}:?$/.test(c))) {
        out[k] = write(row.cells.slice(0, 2 + refHead.length), row.after);
        continue;
      }
      const cell = (at: number | undefined) => {
        const c = at === undefined ? '' : (row.cells[at] ?? '');
        return EMPTY.test(c) ? '' : c;
      };
      const last = [...columns.results].reverse().find((at) => cell(at) !== '');
      // The unit's own cell goes after the value it is printed for ("10,6" under "MAI/25", "g/dL" under "UNIDADE").
      const unit = cell(columns.unit);
      const value = unit !== '' && /\d\s*$/.test(cell(last)) ? `${cell(last)} ${unit}` : cell(last);
      out[k] = write([cell(columns.name), value, ...(columns.reference === undefined ? [] : [cell(columns.reference)])], row.after);
    }
    // No row right under the header (a group's title first, "HEMATOLOGIA" over a portal's dated view, h1930): the header
    // stays as printed, for the delimited table's reader, which reads across such titles (delimited.ts).
    if (k === i + 1) out[i] = raws[i]!;
    i = k - 1;
  }
  return out ?? raws;
}
