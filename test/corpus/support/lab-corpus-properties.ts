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
// Cost, and why lines are checked in spread batches. Each check re-parses its report, so the cost grows
// with the corpus: with 851 reports one parse per checked line came to 35,500 parses and 1,322 s of test
// time (the sum over these files, `--test-reporter=tap`, 2026-12-02), most of the CI's 30 minutes. A
// report's checked lines are therefore dealt to at most SPREAD batches (line k of n to batch k mod
// min(n, SPREAD)), and one parse checks a whole batch. Each line of a batch gets its own number, one the
// report does not print, so what is read or listed is that line's; a word counts in a batch only when it
// is read on its line or its very line is listed. A line that fails in its batch is checked again alone,
// exactly as before batching, and only that check can fail the test: another line's addition can fail a
// batch, never a line. What batching gives up is a line that passes only because another line of its
// batch was changed; the batch's judge of a word is stricter than the judge alone. Measured on the first
// of the PARTS files (106 reports): SPREAD 8 took 1,979 parses, SPREAD 4 1,085, with 8 lines checked
// again alone, against about 4,400 one line at a time.
// SPREAD 2 since 2026-12-04, when a clean-clone CI run took 28 of its 30 minutes: over the corpus's 1,492
// reports the value and word properties went from 1,160 s to 748 s summed and `npm run test:corpus` from
// 893 s to 766 s on the same idle machine, every property passing.
// Both properties in one parse a batch since 2026-12-06: they check disjoint lines, so a batch adds its values and its
// words together and one test a set judges both. On the first PARTS file (25 sets, 250 reports) that took 713 parses
// instead of 1,203 and 82 s of CPU instead of 121 s (`/usr/bin/time`, user time, one machine), every property passing;
// a line that fails beside the other property's additions is checked again alone, as any line of a batch.
// The sets are dealt round-robin to PARTS files (lab-accounting-corpus-N.test.ts), which the runner
// runs side by side. The turns run over the whole corpus in CORPUS_SETS order, whichever file a set is
// in: a set's first turn is counted from the lines of the sets before it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { CORPUS_SETS } from '../../../src/dev/testkit/lab-score.ts';
import { numbersIn } from '../../../src/labs/numbers.ts';
import { parseLabReport, type LabParseResult } from '../../../src/labs/parse.ts';
import { lostAnalytes } from '../../support/lab-lost-analytes.ts';

export const PARTS = 8;
/**
 * Files for the "any one analyte lost" property (lab-accounting-lost-N.test.ts): 163 s over 851 reports; 144 s over
 * 1,362 since each report's line tokens are computed once for all its results (`printedTokens`; a clean-clone CI run,
 * 2026-12-03, the tests' `duration_ms` summed).
 */
export const LOST_PARTS = 2;
const SPREAD = 2;
const TODAY = '2025-06-01';

const ROOT = new URL('../../fixtures/labs/corpus/', import.meta.url);
/** The value shapes: `#` is the number, from its base up in steps of 0,2 (`numberFor`). */
const VALUE_SHAPES: Array<[string, number]> = [
  ['   Ureia # mg/dL', 48.7],
  [' ; Sódio #', 131.3],
  ['   (repetido: #)', 48.7],
  ['   #', 48.7],
];
const BARE = 3;
const WORD_SHAPES = [' ; HBsAg: Reagente', '   Reagente', '   Anti-HCV   REAGENTE'];

/**
 * The number line `slot` of a batch adds: the slot-th from `base` up that the report does not print, so a
 * number read or listed is the added one.
 */
function numberFor(base: number, slot: number, text: string): [printed: string, value: number] {
  for (let k = 0, free = 0; ; k++) {
    const value = Math.round((base + 0.2 * k) * 10) / 10;
    const printed = value.toFixed(1).replace('.', ',');
    if (!text.includes(printed) && free++ === slot) return [printed, value];
  }
}

const hasDigit = (l: string) => /\d/.test(l);
// A LIS's narrow header abbreviates the earlier column with its sample's day and hour, no year ("ANT.15/08 22h", h1869).
const EARLIER_SAMPLE_END = /(?:anterior(?:es)?|\d{1,2}\/\d{1,2}\/\d{2,4}|ant\.\s*\d{1,2}\/\d{1,2}(?:\s+\d{1,2}(?::\d{2}|h\d{0,2}))?)\s*$/i;
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
    // Under the date or right of it: the reader cuts a row's cells from the earlier column's start on (h1819, a block
    // title's date heading the previous result printed on the block's `Resultado:` line).
    // A header whose earlier column is named, not dated ("RESULTADO ANTERIOR", its cells "41 (10/06/2024)", h1890):
    // under that name or right of it.
    return [...lines[j]!.matchAll(/\d{1,2}\/\d{1,2}\/\d{2,4}|ant\.\s*\d{1,2}\/\d{1,2}(?!\/)|(?:resultados?\s+)?anterior(?:es)?\s*$/gi)].some(
      (m) => col >= m.index! - 4,
    );
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

/** A checked line: which property checks it, its index, its turn among that property's shapes, its place among that property's lines of its batch. */
interface Check {
  kind: 'value' | 'word';
  i: number;
  turn: number;
  slot: number;
}

/** Each report's lines that `eligible` takes, in order, with their turns: `first` counts the lines of the sets before. */
function checksOf(texts: Array<{ lines: string[] }>, eligible: Eligible, first: Turns): Array<Array<{ i: number; turn: number }>> {
  let { digit, checked: turn } = first;
  return texts.map(({ lines }) => {
    const checks: Array<{ i: number; turn: number }> = [];
    lines.forEach((l, i) => {
      const takes = eligible(l, digit);
      if (hasDigit(l)) digit++;
      if (takes) checks.push({ i, turn: turn++ });
    });
    return checks;
  });
}

/**
 * The lines of `set` both properties check, report by report, dealt to batches: line k of a report's n checked lines
 * (both properties' together, in the report's order) goes to batch k mod min(n, SPREAD). The two take disjoint lines
 * (a line with a digit is the value's on even turns, the word's on odd ones), so one parse checks both.
 */
function batchesOf(set: string, turns: { value: Map<string, Turns>; word: Map<string, Turns> }) {
  const texts = reports(set);
  const values = checksOf(texts, takesValue, turns.value.get(set)!);
  const words = checksOf(texts, takesWord, turns.word.get(set)!);
  return texts.map(({ file, lines }, r) => {
    const checks = [...values[r]!.map((c) => ({ ...c, kind: 'value' as const })), ...words[r]!.map((c) => ({ ...c, kind: 'word' as const }))].sort(
      (a, b) => a.i - b.i,
    );
    const n = Math.min(checks.length, SPREAD);
    const batches: Check[][] = Array.from({ length: n }, () => []);
    checks.forEach((c, k) => {
      const batch = batches[k % n]!;
      batch.push({ ...c, slot: batch.filter((o) => o.kind === c.kind).length });
    });
    return { file, lines, batches };
  });
}

/** An added number is an analyte's value or in an unread line. */
const seen = (r: LabParseResult, value: number) =>
  r.analytes.some((a) => a.value === value) || r.unparsed_lines.some((u) => numbersIn(u).some((n) => n.values.includes(value)));
/** An added word is line `i`'s result or its result's reference. */
const readOn = (r: LabParseResult, i: number) =>
  [...r.qualitative, ...r.analytes].some((a) => a.line === i && (/reagente/i.test(String(a.value)) || /reagente/i.test(a.reference_text ?? '')));

/** The report with `suffixes` appended to their lines. */
const withSuffixes = (lines: string[], suffixes: Map<number, string>) =>
  lines.map((x, j) => (suffixes.has(j) ? `${x.trimEnd()}${suffixes.get(j)}` : x)).join('\n');

/** The suffix a value check adds to its line, and the number in it. */
function valueSuffix(lines: string[], text: string, { i, turn, slot }: Check): { suffix: string; value: number } {
  const l = lines[i]!;
  let shape = turn % VALUE_SHAPES.length;
  // A bare number after an earlier sample's column ("Anterior 12/11/2024", a header's dated
  // column) or under one is that sample's result, which the reader cuts off by design
  // (docs/labs.md): the line gets the column shape instead.
  const earlier = EARLIER_SAMPLE_END.test(l) || underDatedColumn(lines, i, l.trimEnd().length + VALUE_SHAPES[BARE]![0].indexOf('#'));
  if (shape === BARE && earlier) shape = 0;
  const [template, base] = VALUE_SHAPES[shape]!;
  const [printed, value] = numberFor(base, slot, text);
  return { suffix: template.replace('#', printed), value };
}

/**
 * Registers the two properties for the sets dealt to file `part` (0-based) of PARTS: one test a set, one parse a
 * batch for both (a value added to a line with a digit is read or listed; a word result added to a line is read,
 * listed or shown as its reference).
 */
export function corpusPropertyTests(part: number): void {
  const sets = CORPUS_SETS.filter((_, i) => i % PARTS === part);
  const turns = { value: firstTurns(takesValue), word: firstTurns(takesWord) };
  for (const set of sets) {
    test(`corpus properties: a value or a word result added to a line is read, listed or shown as its reference (${set})`, () => {
      const checked = { value: 0, word: 0 };
      for (const { file, lines, batches } of batchesOf(set, turns)) {
        const text = lines.join('\n');
        let printed: LabParseResult | undefined;
        for (const batch of batches) {
          const added = new Map(
            batch.map(
              (c) =>
                [
                  c.i,
                  c.kind === 'value' ? { ...valueSuffix(lines, text, c), kind: c.kind } : { suffix: WORD_SHAPES[c.turn % WORD_SHAPES.length]!, kind: c.kind },
                ] as const,
            ),
          );
          const r = parseLabReport(withSuffixes(lines, new Map([...added].map(([i, a]) => [i, a.suffix]))), { today: TODAY });
          for (const [i, a] of added) {
            checked[a.kind]++;
            const line = `${lines[i]!.trimEnd()}${a.suffix}`;
            if ('value' in a) {
              if (seen(r, a.value)) continue;
              const alone = parseLabReport(withSuffixes(lines, new Map([[i, a.suffix]])), { today: TODAY });
              assert.ok(seen(alone, a.value), `${set}/${file}:${i + 1} "${line}": ${a.value} dropped in silence`);
              continue;
            }
            if (readOn(r, i) || r.unparsed_lines.includes(line.trim())) continue;
            const alone = parseLabReport(withSuffixes(lines, new Map([[i, a.suffix]])), { today: TODAY });
            printed ??= parseLabReport(text, { today: TODAY });
            // Shown as a reference: that of the line's result (a word result's, or a number's whose reference
            // cell is a word: "102,3   mg/dL   --   Reagente"), or of the result just above whose
            // reference line this is ("Referência: Ausência de parasitas   Reagente").
            const ok =
              readOn(alone, i) ||
              alone.unparsed_lines.some((u) => /reagente/i.test(u)) ||
              wordsInReferencesAbove(alone, i, lines[i]!) > wordsInReferencesAbove(printed, i, lines[i]!);
            assert.ok(ok, `${set}/${file}:${i + 1} "${line}": the word dropped in silence`);
          }
        }
      }
      assert.ok(checked.value >= 10, `${checked.value} lines checked with a value`);
      assert.ok(checked.word >= 10, `${checked.word} lines checked with a word`);
    });
  }
}

/**
 * The property behind "structurally impossible", for the sets dealt to file `part` (0-based) of LOST_PARTS:
 * whatever rule of the line reader fails, the pass still lists the line. Each analyte the reader made is
 * hidden from the pass in turn (as if the reader had lost it), and its line must then be listed. One
 * analyte at a time: hiding two at once could list a line only because its neighbour's reference, which
 * accounted for its number, went with the neighbour.
 */
export function lostAnalyteTests(part: number): void {
  for (const set of CORPUS_SETS.filter((_, i) => i % LOST_PARTS === part)) {
    test(`corpus property: any one analyte the reader loses has its line listed by the accounting pass (${set})`, () => {
      const dir = new URL(`${set}/`, ROOT);
      const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<string, { sex?: 'M' | 'F'; birth_date?: string }>;
      let checked = 0;
      for (const [file, exp] of Object.entries(expected)) {
        const text = readFileSync(new URL(file, dir), 'utf8');
        const { read, unlisted } = lostAnalytes(text, { sex: exp.sex, birthDate: exp.birth_date, today: TODAY });
        checked += read;
        for (const lost of unlisted) assert.fail(`${set}/${file}: ${lost} lost and its line not listed`);
      }
      assert.ok(checked >= 10, `${checked} analytes checked`);
    });
  }
}
