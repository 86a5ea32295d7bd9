// Some traditional labs print a hemogram's references as the population's mean and spread, "15,5 ± 2,0",
// with a footnote or a column head saying so ("média ± 2 desvios-padrão", "x ± 2DP"). The reader of such a
// report takes the interval the two numbers span: "15,5 ± 2,0" is 13,5 a 17,5. Read as printed the "±"
// pair is no range the reader knows and the row is lost. Only a report that declares its ranges so is read
// this way: elsewhere a "± n" beside a result is a measurement's uncertainty (uncertainty-columns.ts), not
// a bound. Each pair is rewritten as the range it spans, padded to its printed length so the columns
// after it stay where they were; a pair whose spread goes below zero is no interval anyone prints and is
// left as it is, and so is a worked example in the footnote ("15,5 ± 2,0 = 13,5 a 17,5").
import { NUMBER, parseBrNumber } from './numbers.ts';

// The declaration: a mean and two standard deviations, however the lab words it.
const DECLARED = /(?:m[ée]dia|\bx\b|x̄|\bmean)\s*±\s*2\s*(?:desvios?[-\s]*padr(?:[ãa]o|[õo]es)|d\.?p\.?|s\.?d\.?|standard\s+deviations?)(?![\p{L}])/iu;
// A mean and its spread, both numbers: "15,5 ± 2,0", "7.500 ± 3.500", "47   ±   5".
const PAIR = new RegExp(String.raw`(?<![\d.,])(${NUMBER})\s*±\s*(${NUMBER})(?![\d.,])(?!\s*=)`, 'gu');

const decimals = (s: string) => /,(\d+)$/.exec(s)?.[1]?.length ?? (/^\d+\.\d{1,2}$/.test(s) ? s.split('.')[1]!.length : 0);

function printed(v: number, places: number): string {
  return v.toFixed(places).replace('.', ',');
}

function asRange(pair: string, mean: string, spread: string): string {
  const m = parseBrNumber(mean);
  const d = parseBrNumber(spread);
  if (m === undefined || d === undefined || d > m) return pair;
  const places = Math.max(decimals(mean), decimals(spread));
  const range = `${printed(m - d, places)} a ${printed(m + d, places)}`;
  return range.padEnd(pair.length);
}

/** The lines with each "mean ± spread" reference read as the range it spans, in a report that declares its references so. */
export function spreadReferencesAsRanges(lines: string[]): string[] {
  if (!lines.some((l) => l.includes('±') && DECLARED.test(l))) return lines;
  return lines.map((l) => (!l.includes('±') || DECLARED.test(l) ? l : l.replace(PAIR, asRange)));
}
