import { matchesOf } from '../text/matches.ts';
// Numbers as Brazilian reports print them. Comma is the decimal separator; a dot followed by groups
// of exactly three digits is a thousands separator ("250.000" = 250000, "6.420" = 6420); any other
// dot is read as a decimal point, as some laboratory systems print ("1.5"). The one exception is
// handled by the caller, which knows the analyte: urine density ("1.018") is a decimal.

/** Regex source of one number token (no sign). */
export const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;

/**
 * A signed number: "-2,8", "+2,0" (base excess, some z-scores). The sign is printed glued to the
 * digits; a dash followed by a space is a separator.
 */
export const SIGNED_NUMBER = String.raw`[-−+]?(?:${NUMBER})`;

export function parseBrNumber(s: string, opts: { dotIsDecimal?: boolean } = {}): number | undefined {
  const signed = /^\s*([-−+])(?=\d)/.exec(s);
  if (signed) {
    const v = parseBrNumber(s.slice(signed[0].length), opts);
    return v === undefined ? undefined : signed[1] === '+' ? v : -v;
  }
  const t = s.trim();
  if (opts.dotIsDecimal && /^\d+\.\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^\d+,\d+$/.test(t)) return Number(t.replace(',', '.'));
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  return undefined;
}

// A number token: not glued to letters (below), nor a fraction in a name or unit ("HIV 1/2", "mL/min/1,73m²", "mg/24 h").
// A run of leader dots ("Hemácias......4,02") sets a number apart; a single dot may be inside one.
// The digit ahead is tested first: the look back, tried at every position, was most of this pattern's cost.
// A comma sets a number apart when no digit stands before it: a CSV row's field ("Testosterona total,812,ng/dL",
// h1892) is a whole number; after a digit, the comma is a decimal one ("1,5") and its digits part of that number.
const NUMBER_TOKEN = new RegExp(`(?=\\d)(?<![\\p{L}\\d/]|\\d,|\\p{L}-|(?<!\\.)\\.)(?:${NUMBER})(?![\\p{L}\\d]|-\\p{L}|\\/\\d)`, 'gu');

/**
 * Every number token in a line with its value read both ways a dot can be read, so a check that a
 * value "appears in the line" holds for "1.018" (density) and "6.420" (a count) alike. Digits glued
 * to letters (B12, T4, HbA1c, 25-OH) are part of a name, not numbers.
 */
export function numbersIn(line: string): Array<{ text: string; index: number; values: number[] }> {
  const out: Array<{ text: string; index: number; values: number[] }> = [];
  for (const m of matchesOf(NUMBER_TOKEN, line)) {
    const text = m[0];
    const values = new Set<number>();
    for (const v of [parseBrNumber(text), parseBrNumber(text, { dotIsDecimal: true })]) if (v !== undefined) values.add(v);
    // A minus glued to the digits after a space or a bracket: the value may be negative ("-2,8").
    const at = m.index ?? 0;
    if (at > 0 && /[-−]/.test(line[at - 1]!) && (at === 1 || /[\s(:]/.test(line[at - 2]!))) for (const v of [...values]) values.add(-v);
    out.push({ text, index: m.index ?? 0, values: [...values] });
  }
  return out;
}
