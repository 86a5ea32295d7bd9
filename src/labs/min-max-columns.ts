// Tables that print the reference as two columns of their own, the lower and the upper limit ("Exame
// Resultado   Unidade   Mín.   Máx.", "Lim. inferior   Lim. superior", a hospital LIS's layout), with a
// dash where a limit does not apply ("--" under Mín. for a cholesterol, under Máx. for an HDL). Cell by
// cell the two limits are only two bare numbers, which no reader takes for one range. The header places
// the two columns; each row under it has its two cells rewritten as the one range they mean ("70 a 99",
// "até 190", "≥ 40") before it is read, so nothing else needs to know the limits were apart.
import { cellStarts } from './columns.ts';
import { foldSameLength } from './analytes.ts';

/**
 * Where the lower-limit and the upper-limit columns start, and where the next header cell does; or, in a
 * table whose cells are set apart by tabs or bars (a web portal's page copied), which cells they are.
 */
export type MinMaxColumns = { minAt: number; maxAt: number; endAt: number } | { minCell: number };

const MIN_HEAD = /^(?:(?:v\.?\s?r\.?|ref\.?|refer[eê]ncia|valor|limite|lim\.?)\s+)?(?:m[ií]n(?:imo|ima)?\.?|inf(?:erior)?\.?)$/iu;
const MAX_HEAD = /^(?:(?:v\.?\s?r\.?|ref\.?|refer[eê]ncia|valor|limite|lim\.?)\s+)?(?:m[aá]x(?:imo|ima)?\.?|sup(?:erior)?\.?)$/iu;

const isHead = (head: RegExp, cell: string) => head.test(foldSameLength(cell).trim()) || head.test(cell.trim());

/**
 * The two limit columns of a header that prints them side by side after other cells; undefined for any other header.
 * A header of tab- or bar-separated cells (`bars`) places them by their cells' order: one tab between cells however
 * wide each is leaves a row's cells anywhere under the header's (h1458, a portal's `Exame⇥Resultado⇥Mín⇥Máx`).
 */
export function minMaxColumns(text: string, offset: number, bars?: string[]): MinMaxColumns | undefined {
  if (bars) {
    const i = bars.findIndex((c) => isHead(MIN_HEAD, c));
    return i >= 2 && bars[i + 1] !== undefined && isHead(MAX_HEAD, bars[i + 1]!) ? { minCell: i } : undefined;
  }
  const starts = cellStarts(text, offset);
  const i = starts.findIndex((c) => isHead(MIN_HEAD, c.cell));
  const max = starts[i + 1];
  if (i < 2 || !max || !isHead(MAX_HEAD, max.cell)) return undefined;
  return { minAt: starts[i]!.at, maxAt: max.at, endAt: starts[i + 2]?.at ?? Number.POSITIVE_INFINITY };
}

// A limit is right-aligned under its header as often as not: its cell may start a few columns left of it.
const SLACK = 4;
const LIMIT = /^\d[\d.,]*$/;
const NONE = /^[-–—]+$/;

/**
 * A row under such a header with its two limit cells made one range: "GLICOSE   142 *   mg/dL   70   99"
 * becomes "GLICOSE   142 *   mg/dL   70 a 99". A row whose cells there are not one limit (or dash) each
 * is returned as printed.
 */
export function joinMinMax(text: string, offset: number, cols: MinMaxColumns, bars?: string[]): string {
  let cells: string[];
  let at: number;
  if ('minCell' in cols) {
    if (!bars || bars.length <= cols.minCell + 1) return text;
    cells = bars;
    at = cols.minCell;
  } else {
    const starts = cellStarts(text, offset);
    const lower = starts.filter((c) => c.at >= cols.minAt - SLACK && c.at < cols.maxAt - SLACK);
    const upper = starts.filter((c) => c.at >= cols.maxAt - SLACK && c.at < cols.endAt - SLACK);
    if (lower.length !== 1 || upper.length !== 1 || starts.indexOf(lower[0]!) < 2) return text;
    cells = starts.map((c) => c.cell);
    at = starts.indexOf(lower[0]!);
  }
  const lo = cells[at]!;
  const hi = cells[at + 1]!;
  if (!(LIMIT.test(lo) || NONE.test(lo)) || !(LIMIT.test(hi) || NONE.test(hi))) return text;
  const range = LIMIT.test(lo) && LIMIT.test(hi) ? `${lo} a ${hi}` : LIMIT.test(hi) ? `até ${hi}` : LIMIT.test(lo) ? `≥ ${lo}` : '';
  return [...cells.slice(0, at), ...(range ? [range] : []), ...cells.slice(at + 2)].join('   ');
}
