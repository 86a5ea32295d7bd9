// The accounting pass's corpus properties from the other side of test/unit/lab-accounting.test.ts: a
// result the reader never expected is added to a line of the corpus and must come out read or listed,
// whatever layout rule the line went through (a reference cell that runs on, a title, a
// previous-result column, an administrative label).
// - a value: lines with a digit, one of four shapes in turn (another result in a column, after ';', a
//   note in brackets, a bare number);
// - a word result: lines with no digit, and lines with a digit the value skipped, one of three shapes
//   in turn; it is read, listed, or shown as the reference of that line's result ("Muco .... Ausente
//   Reagente" is printed as value and reference: the layout cannot tell them apart, and the word is
//   shown, not dropped).
// Lines with a digit take the two properties in turn (the value on even turns, the word on odd ones),
// as the shapes already take turns: each line is checked once, by a shape the rotation gives it.
//
// Each check re-parses its report, so the cost grows with the corpus: 347 s for both properties over
// 382 reports in one file, alone on this 2-core machine, past the 300 s that --test-timeout gives a
// whole file. With 722 reports, checking every digit line with both properties came to 46,900 parses
// at 18.6 ms (.scratch timing, quiet machine) and 26 minutes of the CI's 30; one property per line is
// 28,700 parses. The sets are dealt round-robin to PARTS files (lab-accounting-corpus-N.test.ts), which
// the runner also runs side by side: five files held 402 reports until three were cancelled at 300 s
// each while the rest of npm test and two other jobs loaded the machine; at 412 reports one of five took
// past 600 s at load 10–17, so there are eight. The turns run over the whole corpus in CORPUS_SETS
// order, whichever file a set is in: a set's first turn is counted from the lines of the sets before it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { CORPUS_SETS } from '../../../src/dev/testkit/lab-score.ts';
import { numbersIn } from '../../../src/labs/numbers.ts';
import { parseLabReport, type LabParseResult } from '../../../src/labs/parse.ts';

export const PARTS = 8;

const ROOT = new URL('../../fixtures/labs/corpus/', import.meta.url);
const VALUE_SHAPES: Array<[string, number]> = [
  ['   Ureia 48,7 mg/dL', 48.7],
  [' ; Sódio 131,3', 131.3],
  ['   (repetido: 48,7)', 48.7],
  ['   48,7', 48.7],
];
const WORD_SHAPES = [' ; HBsAg: Reagente', '   Reagente', '   Anti-HCV   REAGENTE'];

const hasDigit = (l: string) => /\d/.test(l);
const EARLIER_SAMPLE_END = /(?:anterior(?:es)?|\d{1,2}\/\d{1,2}\/\d{2,4})\s*$/i;
/** Whether a property checks a line: `digitTurn` counts the lines with a digit, corpus-wide. */
const takesValue = (l: string, digitTurn: number) => hasDigit(l) && digitTurn % 2 === 0;
const takesWord = (l: string, digitTurn: number) => l.trim() !== '' && !/reagente/i.test(l) && (!hasDigit(l) || digitTurn % 2 === 1);
type Eligible = (line: string, digitTurn: number) => boolean;

/**
 * Column `col` of line `i` lies under a date of the nearest dated header line above (`ANTERIORES` over
 * `12/02/24   14/08/23`): a bare number there is that earlier sample's cell, as on the lines that end
 * in the date themselves.
 */
function underDatedColumn(lines: string[], i: number, col: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    if (!EARLIER_SAMPLE_END.test(lines[j]!)) continue;
    return [...lines[j]!.matchAll(/\d{1,2}\/\d{1,2}\/\d{2,4}/g)].some((m) => Math.abs(m.index! - col) <= 4);
  }
  return false;
}

function reports(set: string): Array<{ file: string; lines: string[] }> {
  return readdirSync(new URL(`${set}/`, ROOT))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, lines: readFileSync(new URL(`${set}/${file}`, ROOT), 'utf8').split(/\r?\n/) }));
}

interface Turns {
  /** Lines with a digit before this set. */
  digit: number;
  /** Lines the property checked before this set. */
  checked: number;
}

/** For each set, where its turns start: the lines of every set before it. */
function firstTurns(eligible: Eligible): Map<string, Turns> {
  const turns = new Map<string, Turns>();
  const at: Turns = { digit: 0, checked: 0 };
  for (const set of CORPUS_SETS) {
    turns.set(set, { ...at });
    for (const r of reports(set))
      for (const l of r.lines) {
        if (eligible(l, at.digit)) at.checked++;
        if (hasDigit(l)) at.digit++;
      }
  }
  return turns;
}

/**
 * The word in the reference texts of the results above line `i`: up to three lines above, or any distance when
 * the line is that result's row of a reference table (`CD3+: 690 a 2.540 células/mm³` under `VALORES DE
 * REFERÊNCIA`, the result six lines up): what the row prints after its label is in the result's reference.
 */
function wordsInReferencesAbove(r: LabParseResult, i: number, line: string): number {
  const body = fold(line.replace(/^[^:]*:/, ''));
  return [...r.qualitative, ...r.analytes].filter(
    (a) => a.line < i && (i - a.line <= 3 || (/\d/.test(body) && fold(a.reference_text ?? '').includes(body))) && /reagente/i.test(a.reference_text ?? ''),
  ).length;
}
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // A table's bars between cells are no text of the reference ("180 a 1.170 células/mm³   |   13 a 41 %").
    .replace(/\s*\|\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Calls `check` for every line of `set` that `eligible` takes, with that line's turn among the
 * shapes; returns how many lines were checked.
 */
function eachLine(set: string, eligible: Eligible, first: Turns, check: (file: string, lines: string[], i: number, turn: number) => void): number {
  let { digit, checked: turn } = first;
  let checked = 0;
  for (const { file, lines } of reports(set)) {
    lines.forEach((l, i) => {
      const takes = eligible(l, digit);
      if (hasDigit(l)) digit++;
      if (!takes) return;
      checked++;
      check(file, lines, i, turn++);
    });
  }
  return checked;
}

const withSuffix = (lines: string[], i: number, suffix: string) => lines.map((x, j) => (j === i ? `${x.trimEnd()}${suffix}` : x)).join('\n');

/** Registers both properties for the sets dealt to file `part` (0-based) of PARTS. */
export function corpusPropertyTests(part: number): void {
  const sets = CORPUS_SETS.filter((_, i) => i % PARTS === part);
  const valueTurns = firstTurns(takesValue);
  const wordTurns = firstTurns(takesWord);
  for (const set of sets) {
    test(`corpus property: a value added to a line with a digit is read or listed (${set})`, () => {
      const checked = eachLine(set, takesValue, valueTurns.get(set)!, (file, lines, i, turn) => {
        const l = lines[i]!;
        let [suffix, value] = VALUE_SHAPES[turn % VALUE_SHAPES.length]!;
        // A bare number after an earlier sample's column ("Anterior 12/11/2024", a header's dated
        // column) or under one is that sample's result, which the reader cuts off by design
        // (docs/labs.md): the line gets the column shape instead.
        const earlier = EARLIER_SAMPLE_END.test(l) || underDatedColumn(lines, i, l.trimEnd().length + suffix.search(/\d/));
        if (suffix === '   48,7' && earlier) [suffix, value] = VALUE_SHAPES[0]!;
        const r = parseLabReport(withSuffix(lines, i, suffix), { today: '2025-06-01' });
        const read = r.analytes.some((a) => a.value === value);
        const listed = r.unparsed_lines.some((u) => numbersIn(u).some((n) => n.values.includes(value)));
        assert.ok(read || listed, `${set}/${file}:${i + 1} "${l.trimEnd()}${suffix}": ${value} dropped in silence`);
      });
      assert.ok(checked >= 10, `${checked} lines checked`);
    });
    test(`corpus property: a word result added to a line is read, listed or shown as its reference (${set})`, () => {
      // Each report as printed, parsed once when a check needs it.
      const printed = new Map<string, LabParseResult>();
      const checked = eachLine(set, takesWord, wordTurns.get(set)!, (file, lines, i, turn) => {
        const suffix = WORD_SHAPES[turn % WORD_SHAPES.length]!;
        const r = parseLabReport(withSuffix(lines, i, suffix), { today: '2025-06-01' });
        const before = () => printed.get(file) ?? printed.set(file, parseLabReport(lines.join('\n'), { today: '2025-06-01' })).get(file)!;
        // Shown as a reference: that of the line's result (a word result's, or a number's whose reference
        // cell is a word: "102,3   mg/dL   --   Reagente"), or of the result just above whose
        // reference line this is ("Referência: Ausência de parasitas   Reagente").
        const ok =
          [...r.qualitative, ...r.analytes].some((a) => a.line === i && (/reagente/i.test(String(a.value)) || /reagente/i.test(a.reference_text ?? ''))) ||
          r.unparsed_lines.some((u) => /reagente/i.test(u)) ||
          wordsInReferencesAbove(r, i, lines[i]!) > wordsInReferencesAbove(before(), i, lines[i]!);
        assert.ok(ok, `${set}/${file}:${i + 1} "${lines[i]!.trimEnd()}${suffix}": the word dropped in silence`);
      });
      assert.ok(checked >= 10, `${checked} lines checked`);
    });
  }
}
