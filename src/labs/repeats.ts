// A report that lists its out-of-range results on a summary page before the full report ("Resultados
// fora do valor de referência:" / "> TSH ........ 6,84 µUI/mL", then the TSH block with its range)
// prints each of them twice: once bare, once with the range the lab judged it by. Read as printed, the
// summary's copy is a second result with no range of the report's (a built-in one at best) beside the
// real one. The bare copy is dropped when the same analyte, value and unit is read elsewhere in the report with a range of
// the report's; its line holds that result's value and nothing else, so nothing on it is left to read. A result
// that has no unit (pH) is such a copy only under a catalogued name, the same analyte's: a gas analyser's
// section of values corrected for the temperature ("pH(T)   7,27") prints again the pH read above with its range.
// A bare number of no unit under a name merely like the other is no copy.
import { resultTokens, type AccountLine } from './accounting.ts';
import { foldSameLength } from './analytes.ts';
import type { ParsedAnalyte } from './result.ts';

const foldName = (s: string) => foldSameLength(s).replace(/[^a-z0-9]+/g, '');

// A reply in a chat quotes a result it talks about ("> Potássio 5,6" under the lab's "Potássio: 5,6 mEq/L"),
// often without its unit: a copy with no unit nor range of a result read with both is that result again.
const bareQuote = (a: ParsedAnalyte, b: ParsedAnalyte) => a.unit === null && a.reference_text === null && b.unit !== null && a.key !== null;

function sameResult(a: ParsedAnalyte, b: ParsedAnalyte): boolean {
  if (a === b || a.value !== b.value || (a.unit !== b.unit && !bareQuote(a, b)) || a.comparator !== b.comparator) return false;
  if (a.key !== null && b.key !== null) return a.key === b.key;
  // A summary names a result shortly ("Anti-TPO") where the block spells it out ("ANTICORPOS
  // ANTI-TIREOPEROXIDASE (ANTI-TPO)"): one name holds the other.
  const [x, y] = [foldName(a.name), foldName(b.name)];
  return x.length >= 3 && y.length >= 3 && (x.includes(y) || y.includes(x));
}

// Screenshots of an app pasted one after another overlap where the user scrolled: the last card of one
// capture is the first of the next, printed again whole (name, value, unit, reference) with only the
// phone's bars between them. A result read again right after itself, nothing else read between the two,
// is that overlap's copy, not a second sample.
function overlapCopy(a: ParsedAnalyte, i: number, inOrder: ParsedAnalyte[]): boolean {
  const before = inOrder[i - 1];
  return (
    before !== undefined &&
    before.line < a.line &&
    sameResult(a, before) &&
    a.name === before.name &&
    a.reference_text === before.reference_text &&
    a.reference_low === before.reference_low &&
    a.reference_high === before.reference_high
  );
}

// A summary page that lists the out-of-range results with their ranges as well, under a heading that says so
// ("RESUMO DO PEDIDO - RESULTADOS FORA DOS VALORES DE REFERÊNCIA" over "Hemoglobina   11,4 g/dL   12,0 a 15,5",
// a Juiz de Fora network's first page), before the full report prints each again in its table. No digit on
// the heading's line: a result's row is no heading.
const SUMMARY_HEADING =
  /(?<![\p{L}])(?:resultados?\s+(?:alterados|anormais|fora\s+d[oa]s?\s+(?:valor(?:es)?|faixas?|intervalos?)\s+(?:de\s+)?refer[eê]ncia)|resumo\s+d[oa]s?\s+(?:pedido|resultados|altera[cç][oõ]es|exames))(?![\p{L}])/iu;

/**
 * The results of such a summary: from its heading on, each result read again further on (same analyte, value
 * and unit), up to the first one that is not; the full report's copy, with its method and column, is kept.
 */
function summaryCopies(inOrder: ParsedAnalyte[], seen: AccountLine[]): ParsedAnalyte[] {
  const headings = seen.filter((l) => !/\d/.test(l.raw) && SUMMARY_HEADING.test(l.raw)).map((l) => l.index);
  const copies: ParsedAnalyte[] = [];
  for (const h of headings) {
    const after = inOrder.filter((a) => a.line > h);
    const block: ParsedAnalyte[] = [];
    for (const a of after) {
      if (!after.some((b) => b.line > a.line && sameResult(a, b))) break;
      block.push(a);
    }
    // The full report starts where the summary's results are read again: the copies lie after the block.
    const end = block.length > 0 ? block[block.length - 1]!.line : h;
    if (block.length >= 2 && block.every((a) => after.some((b) => b.line > end && sameResult(a, b)))) copies.push(...block);
  }
  return copies;
}

/**
 * The analytes without the bare repeats of results read with the report's range, nor the copies where
 * two screenshots overlap; the repeats' lines are blanked in `seen`. `qualitative`, the results read in
 * words: one between two equal values means they are no overlap's copy.
 */
export function withoutRepeats(analytes: ParsedAnalyte[], seen: AccountLine[], qualitative: { line: number }[] = []): ParsedAnalyte[] {
  const inOrder = [...analytes].sort((a, b) => a.line - b.line);
  const between = (a: ParsedAnalyte, b: ParsedAnalyte) => qualitative.some((q) => q.line > a.line && q.line < b.line);
  const repeats = new Set([
    ...analytes.filter(
      (a) =>
        a.reference_source !== 'report' &&
        analytes.some(
          (b) => b.reference_source === 'report' && sameResult(a, b) && (a.unit !== null || (a.key !== null && a.key === b.key) || bareQuote(a, b)),
        ),
    ),
    ...inOrder.filter((a, i) => a.reference_source === 'report' && overlapCopy(a, i, inOrder) && !between(inOrder[i - 1]!, a)),
  ]);
  const summary = summaryCopies(inOrder, seen);
  for (const a of summary) repeats.add(a);
  if (repeats.size === 0) return analytes;
  for (const r of repeats) {
    if (analytes.some((a) => a.line === r.line && !repeats.has(a))) continue;
    const l = seen.find((s) => s.index === r.line);
    // A summary's row is the result's row again, its range too: nothing on it is left to read, unless it
    // prints more than the result and its range (a word or number after them is listed, never blanked).
    const printed = summary.includes(r) ? [r.value, r.reference_low, r.reference_high] : [r.value];
    if (l && resultTokens(l.text).every((t) => t.kind === 'number' && t.values.some((v) => printed.includes(v)))) l.text = '';
  }
  return analytes.filter((a) => !repeats.has(a));
}
