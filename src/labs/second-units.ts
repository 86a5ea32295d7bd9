// A report printed in conventional units with the Système International value beside each result, in
// brackets ("Glicose   112 mg/dL   [6,2 mmol/L]   70 a 99 mg/dL / 3,9 a 5,5 mmol/L"), its references in
// both systems too, one after the other past a " / ". Read as printed, the bracketed value is taken for
// the reference or a second result and the row is lost. The bracketed value is the same result in
// other units, and the second system's reference is the same range: so before anything is read both
// are blanked (lengths kept, the columns stay where they were), leaving the row in the result's own
// units; so is a bound's twin in round brackets ("< 130 mg/dL (< 3,36 mmol/L)") and the column head
// over the bracketed values ("[SI]"). A legend of conversion factors ("ureia x 0,1665; creatinina x
// 88,4"), nothing but factors between its ";", holds no result.
// A bar table may print the second system as columns of their own past a bar ("Exame | Resultado |
// Unidade | Referência || SI | Unidade SI | Referência SI"): each row would read as two results of its
// analyte. The columns its header heads with the second system are blanked on every row cut as the
// header is, the row kept in the result's own units.
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
// A result in a mass concentration with the same in a molar one in round brackets, or the other way round ("0.94
// mg/dL      (83 µmol/L)", a creatinine on h1780's immigration form): read as printed, the bracketed value is a
// second result of the analyte, as a count's percentage in brackets is ("3.852 /µL (60,0 %)"). Mass and moles of
// one analyte are one result in two systems, whatever else the report prints: blanked even when it is the only one.
const ROUND_BRACKETED_SECOND = new RegExp(String.raw`((?:${NUMBER})\s*(${UNIT_PATTERN}))(\s+)\(\s*(?:${NUMBER})\s*(${UNIT_PATTERN})\s*\)`, 'giu');
const MASS_CONCENTRATION = /^[µumnp]?g\/(?:d?l|ml)$/iu;
const MOLAR_CONCENTRATION = /^[µumnp]?mol\/l$/iu;
const massAndMoles = (a: string, b: string) =>
  (MASS_CONCENTRATION.test(a) && MOLAR_CONCENTRATION.test(b)) || (MOLAR_CONCENTRATION.test(a) && MASS_CONCENTRATION.test(b));

// "glicose x 0,0555": a factor to another unit.
const FACTOR = new RegExp(String.raw`^\p{L}[\p{L}\s-]*\s[x×]\s(?:${NUMBER})$`, 'iu');

const blank = (s: string) => ' '.repeat(s.length);
const sameUnit = (a: string, b: string) => (unitAtStart(a)?.unit ?? a).toLowerCase() === (unitAtStart(b)?.unit ?? b).toLowerCase();

// A header's cell over a second system's column: "SI", "Unidade SI", "Referência (SI)", "Resultado no
// Sistema Internacional".
const SECOND_SYSTEM_HEAD =
  /^(?:(?:resultados?|valor(?:es)?|unidades?|refer[eê]ncias?|vr|faixas?)\s+(?:(?:em|n[oa])\s+)?)?\(?\s*(?:si|s\.i\.|sistema\s+internacional)\s*\)?$/iu;

// Two units paired by a bar in brackets ("(ng/mL | nmol/L)"), and two ranges so ("101 a 267 | 13,2 a 34,9").
const PAIRED_UNITS = new RegExp(String.raw`(\(\s*(${UNIT_PATTERN}))\s*\|\s*(${UNIT_PATTERN})(?=\s*\))`, 'giu');
const RANGE = String.raw`(?:${NUMBER})\s*(?:a|-|–|até)\s*(?:${NUMBER})`;
const PAIRED_RANGES = new RegExp(String.raw`(${RANGE})\s*\|\s*${RANGE}(?![\d.,])`, 'giu');

/**
 * The lines of a bar table with the columns its header heads with the second system blanked, from the bar
 * before the first of them to the end of the row; a text with no such header as it is.
 */
function withoutSecondSystemColumns(raws: string[]): string[] {
  const at = raws.findIndex((l) => {
    const heads = l.split('|').map((c) => c.trim());
    const first = heads.findIndex((c) => SECOND_SYSTEM_HEAD.test(c));
    // Past the name's and the result's heads at least: a table with nothing but the second system's column has no other.
    return first >= 2 && heads.slice(0, first).filter((c) => /\p{L}/u.test(c)).length >= 2;
  });
  if (at < 0) return raws;
  const header = raws[at]!;
  const heads = header.split('|');
  const first = heads.findIndex((c) => SECOND_SYSTEM_HEAD.test(c.trim()));
  // "||" before the second system's heads: every row cuts at its own "||". A single bar: the rows with as
  // many cells as the header cut at the same bar (a footnote's bars are no columns).
  const doubled = heads[first - 1]!.trim() === '' && first >= 3;
  const cutAt = (l: string): number | undefined => {
    if (doubled) return l.includes('||') ? l.indexOf('||') : undefined;
    const bars = l.split('|');
    if (bars.length !== heads.length) return undefined;
    return bars.slice(0, first).join('|').length - 1;
  };
  // What a row prints past its last cell, after a column gap ("… || 186 | kUI/L | inferior a 34   48,9"), is
  // no cell the header heads with the second system: it is kept for the reader to read or list, not blanked.
  // So is what runs on past a ';' ("… || 4,6 | UI/L | 1,5 a 12,4 ; Sódio 131,5", h1411).
  const pastLastCell = (l: string, cut: number): number => {
    const last = l.lastIndexOf('|') + 1;
    if (last <= cut) return l.length;
    const gap = /^\s*[^\s;]+(?:\s[^\s;]+)*(?:\s{2,}|\s*;\s*)(?=\S)/u.exec(l.slice(last));
    return gap ? last + gap[0].length : l.length;
  };
  return raws.map((l, i) => {
    const cut = i >= at ? cutAt(l) : undefined;
    if (cut !== undefined) {
      const kept = pastLastCell(l, cut);
      return l.slice(0, cut) + blank(l.slice(cut, kept)) + l.slice(kept);
    }
    // Under such a table, a note's ranges print the two systems the same way, paired by a bar ("IGF-1 por
    // idade (ng/mL | nmol/L): 41-45 a: 101 a 267 | 13,2 a 34,9 ;"): the second of each pair, and of the
    // units that head them, is blanked as the columns are.
    if (i <= at) return l;
    return l
      .replace(PAIRED_UNITS, (m, first: string, u1: string, u2: string) => (sameUnit(u1, u2) ? m : first + blank(m.slice(first.length))))
      .replace(PAIRED_RANGES, (m, first: string) => first + blank(m.slice(first.length)));
  });
}

/** The lines of a report with each result's second-system value and reference blanked; a text with no bracketed second value as it is. */
export function withoutSecondUnits(printed: string[]): string[] {
  const raws = withoutSecondSystemColumns(printed).map((l) =>
    l.replace(ROUND_BRACKETED_SECOND, (m, first: string, u1: string, gap: string, u2: string) =>
      massAndMoles(u1, u2) ? first + gap + blank(m.slice(first.length + gap.length)) : m,
    ),
  );
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
