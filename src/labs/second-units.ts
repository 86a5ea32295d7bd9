// A report printed in conventional units with the Système International value beside each result, in
// brackets ("Glicose   112 mg/dL   [6,2 mmol/L]   70 a 99 mg/dL / 3,9 a 5,5 mmol/L"), its references in
// both systems too, one after the other past a " / ". Read as printed, the bracketed value is taken for
// the reference or a second result and the row is lost. The bracketed value is the same result in
// other units, and the second system's reference is the same range: so before anything is read both
// are blanked (lengths kept, the columns stay where they were), leaving the row in the result's own
// units; so is a bound's twin in round brackets ("< 130 mg/dL (< 3,36 mmol/L)") and the column head
// over the bracketed values ("[SI]"). A legend of conversion factors ("ureia x 0,1665; creatinina x
// 88,4"), nothing but factors between its ";", holds no result.
import { NUMBER } from './numbers.ts';
import { unitAtStart, UNIT_PATTERN } from './units.ts';
import { matchesOf } from '../text/matches.ts';

// A result with its unit, then the same result in other units in brackets.
const BRACKETED_SECOND = new RegExp(String.raw`((?:${NUMBER})\s*(${UNIT_PATTERN}))(\s+)\[\s*(?:${NUMBER})\s*(${UNIT_PATTERN})\s*\]`, 'giu');
// A range (or a bound) in one unit, " / ", the same in another ("70 a 99 mg/dL / 3,9 a 5,5 mmol/L").
const SECOND_RANGE = new RegExp(String.raw`((?:${NUMBER})\s*(${UNIT_PATTERN}))\s+\/\s+[^/]*?(?:${NUMBER})\s*(${UNIT_PATTERN})(?=\s{2,}|\s*$)`, 'giu');
// A bound in one unit with the same bound in another after it in brackets ("< 130 mg/dL (< 3,36 mmol/L)").
const BRACKETED_BOUND = new RegExp(
  String.raw`((?:${NUMBER})\s*(${UNIT_PATTERN}))(\s*)\(\s*[<>≤≥]?\s*(?:${NUMBER})(?:\s*a\s*(?:${NUMBER}))?\s*(${UNIT_PATTERN})\s*\)`,
  'giu',
);
// "glicose x 0,0555": a factor to another unit.
const FACTOR = new RegExp(String.raw`^\p{L}[\p{L}\s-]*\s[x×]\s(?:${NUMBER})$`, 'iu');

const blank = (s: string) => ' '.repeat(s.length);
const sameUnit = (a: string, b: string) => (unitAtStart(a)?.unit ?? a).toLowerCase() === (unitAtStart(b)?.unit ?? b).toLowerCase();

/** The lines of a report with each result's second-system value and reference blanked; a text with no bracketed second value as it is. */
export function withoutSecondUnits(raws: string[]): string[] {
  const rows = raws.map((l) => matchesOf(BRACKETED_SECOND, l).filter((m) => !sameUnit(m[2]!, m[4]!)).length);
  // Only a report that gives two results so, at least: a bracket after one result may be a remark.
  if (rows.reduce((a, b) => a + b, 0) < 2) return raws;
  return raws.map((l) => {
    let out = l
      .replace(BRACKETED_SECOND, (m, first: string, u1: string, gap: string, u2: string) =>
        sameUnit(u1, u2) ? m : first + gap + blank(m.slice(first.length + gap.length)),
      )
      .replace(BRACKETED_BOUND, (m, first: string, u1: string, gap: string, u2: string) =>
        sameUnit(u1, u2) ? m : first + gap + blank(m.slice(first.length + gap.length)),
      )
      .replace(/\[\s*SI\s*\]/giu, blank)
      .replace(SECOND_RANGE, (m, first: string, u1: string, u2: string) => (sameUnit(u1, u2) ? m : first + blank(m.slice(first.length))));
    // A legend of conversion factors, two or more on the line and nothing else, is no text of a result.
    const pieces = out
      .replace(/^\s*\p{L}[\p{L}\s]{0,40}:/u, '')
      .split(';')
      .map((p) => p.trim().replace(/\.$/, ''))
      .filter((p) => p !== '');
    if (pieces.length >= 2 && pieces.every((p) => FACTOR.test(p))) out = '';
    return out;
  });
}
