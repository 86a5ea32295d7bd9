// Tables that print the reference as two columns of their own, the lower and the upper limit ("Exame
// Resultado   Unidade   Mín.   Máx.", "Lim. inferior   Lim. superior", a hospital LIS's layout), with a
// dash where a limit does not apply ("--" under Mín. for a cholesterol, under Máx. for an HDL). Cell by
// cell the two limits are only two bare numbers, which no reader takes for one range. The header places
// the two columns; each row under it has its two cells rewritten as the one range they mean ("70 a 99",
// "até 190", "≥ 40") before it is read, so nothing else needs to know the limits were apart.
import { cellStarts } from './columns.ts';
import { foldSameLength } from './analytes.ts';

/** Where the lower-limit and the upper-limit columns start, and where the next header cell does. */
export interface MinMaxColumns {
  minAt: number;
  maxAt: number;
  endAt: number;
}

const MIN_HEAD = /^(?:(?:v\.?\s?r\.?|ref\.?|refer[eê]ncia|valor|limite|lim\.?)\s+)?(?:m[ií]n(?:imo|ima)?\.?|inf(?:erior)?\.?)$/iu;
const MAX_HEAD = /^(?:(?:v\.?\s?r\.?|ref\.?|refer[eê]ncia|valor|limite|lim\.?)\s+)?(?:m[aá]x(?:imo|ima)?\.?|sup(?:erior)?\.?)$/iu;

/** The two limit columns of a header that prints them side by side after other cells; undefined for any other header. */
export function minMaxColumns(text: string, offset: number): MinMaxColumns | undefined {
  const starts = cellStarts(text, offset);
  const i = starts.findIndex((c) => MIN_HEAD.test(foldSameLength(c.cell).trim()) || MIN_HEAD.test(c.cell.trim()));
  const max = starts[i + 1];
  if (i < 2 || !max || !(MAX_HEAD.test(foldSameLength(max.cell).trim()) || MAX_HEAD.test(max.cell.trim()))) return undefined;
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
export function joinMinMax(text: string, offset: number, cols: MinMaxColumns): string {
  const starts = cellStarts(text, offset);
  const lower = starts.filter((c) => c.at >= cols.minAt - SLACK && c.at < cols.maxAt - SLACK);
  const upper = starts.filter((c) => c.at >= cols.maxAt - SLACK && c.at < cols.endAt - SLACK);
  if (lower.length !== 1 || upper.length !== 1 || starts.indexOf(lower[0]!) < 2) return text;
  const lo = lower[0]!.cell;
  const hi = upper[0]!.cell;
  if (!(LIMIT.test(lo) || NONE.test(lo)) || !(LIMIT.test(hi) || NONE.test(hi))) return text;
  const range = LIMIT.test(lo) && LIMIT.test(hi) ? `${lo} a ${hi}` : LIMIT.test(hi) ? `até ${hi}` : LIMIT.test(lo) ? `≥ ${lo}` : '';
  const at = starts.indexOf(lower[0]!);
  const cells = [...starts.slice(0, at).map((c) => c.cell), ...(range ? [range] : []), ...starts.slice(at + 2).map((c) => c.cell)];
  return cells.join('   ');
}
