// A report that prints no unit on its rows, only a letter in a unit column ("Hemoglobina   11,2  (-)  B
// 11,5 - 15,5"), and a legend of those letters at the end ("LEGENDA DE UNIDADES / A = x10^6/µL
// (milhões/µL)   B = g/dL   C = %", a children's hospital lab in Goiânia). Read as printed, the letter
// is taken for a flag or for part of the reference, and the row is lost or left unflagged. The letter
// stands for the unit its legend gives: so before anything is read each row's letter is written as that
// unit, and the legend's lines, which hold no result, are blanked.
import { unitAtStart } from './units.ts';
import { matchesOf } from '../text/matches.ts';

// One legend entry: a single capital letter, "=", then the unit's text up to a column gap or the end.
const ENTRY = /(?:^|\s{2,})\s*([A-Z])\s*=\s*(\S.*?)(?=\s{2,}|\s*$)/gu;
// A line of nothing but entries.
const LEGEND_LINE = /^\s*[A-Z]\s*=\s*\S.*$/u;

/**
 * The letter → unit entries a legend line opens with, and where they end; undefined if the line does not open
 * with them. What follows them after a column gap is the line's own ("G = µg/dL   (repetido: 49,3)"): read.
 */
function legendEntries(line: string): { entries: Array<[string, string]>; end: number } | undefined {
  if (!LEGEND_LINE.test(line)) return undefined;
  const entries: Array<[string, string]> = [];
  let covered = 0;
  for (const m of matchesOf(ENTRY, line)) {
    if (m.index !== covered) break;
    const text = m[2]!.trim();
    const unit = unitAtStart(text);
    if (!unit) return undefined;
    // What follows the unit may only be its gloss in brackets ("fL (10^-15 L)", "x10^3/µL (mil/µL)").
    const rest = text.slice(unit.consumed).trim();
    if (rest !== '' && !/^\([^()]*\)$/u.test(rest)) return entries.length > 0 ? { entries, end: covered } : undefined;
    entries.push([m[1]!, text.slice(0, unit.consumed).trim()]);
    covered += m[0].length;
  }
  return entries.length > 0 ? { entries, end: covered } : undefined;
}

/**
 * The lines with each row's unit letter written as the unit the report's legend gives it, and the legend's
 * lines blanked; a text with no such legend (three letters at least, each a unit) as it is.
 */
export function unitLettersFromLegend(raws: string[]): string[] {
  const legend = new Map<string, string>();
  const legendLines = new Map<number, number>();
  raws.forEach((l, i) => {
    const found = legendEntries(l);
    if (!found) return;
    legendLines.set(i, found.end);
    for (const [k, u] of found.entries) legend.set(k, u);
  });
  if (legend.size < 3) return raws;
  // A letter standing alone after a number (and a flag mark, if any), in a column of its own.
  const letter = /(\d(?:\s+(?:\([+-]\)|[↑↓*]))?\s+)([A-Z])(?=\s{2,}|\s*$)/gu;
  let replaced = 0;
  const out = raws.map((l, i) => {
    const end = legendLines.get(i);
    if (end !== undefined) return l.slice(end).trim() === '' ? '' : ' '.repeat(end) + l.slice(end);
    return l.replace(letter, (m, before: string, k: string) => {
      const unit = legend.get(k);
      if (!unit) return m;
      replaced++;
      return before + unit;
    });
  });
  // The legend explains the rows only when rows use it: two rows at least.
  return replaced >= 2 ? out : raws;
}
