// Lab-report reading over the corpus in test/fixtures/labs/corpus: recall (expected analytes read
// with the right name, value and flag), precision (analytes read that are right), results dropped
// in silence and lines left unread, per layout and per set. The development set is what the parser
// is tuned against; the held-out sets were written before the parser was run on them and are never
// tuned against (test/fixtures/labs/README.md). Pure computation: no database, no model.
//
//   npm run bench:labs        → prints the table, writes bench/results/labs.json
//   npm run bench:labs -- heldout40 heldout41
//                             → prints those sets only (any set under the corpus, listed in CORPUS_SETS
//                               or not: a new set's first, blind run before it joins), writes nothing
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLabReport } from '../src/labs/parse.ts';
import { MAX_EXAM_TEXT_BYTES } from '../src/job-inputs/index.ts';
import { CORPUS_SETS, HELDOUT_SETS, scoreSet, totals, type ReportScore } from '../src/dev/testkit/lab-score.ts';
import os from 'node:os';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function row(r: ReportScore): string {
  const recall = r.expected ? r.correct / r.expected : 1;
  const precision = r.read ? r.correct / r.read : 1;
  return `  ${r.file.replace(/^\.\.\/\.\.\//, '').padEnd(46)} ${r.layout.slice(0, 64).padEnd(64)} ${String(r.correct).padStart(3)}/${String(r.expected).padEnd(3)} recall ${pct(recall).padStart(7)}  precision ${pct(precision).padStart(7)}  silent ${r.silent.length}  unread lines ${r.unparsed.length}`;
}

function printSet(set: string): { totals: ReturnType<typeof totals>; reports: ReportScore[] } {
  const scores = scoreSet(set);
  const t = totals(scores);
  console.log(`\n${set}: ${t.reports} reports, ${t.expected} expected results`);
  for (const r of scores) {
    console.log(row(r));
    for (const m of r.misses) console.log(`      miss: ${m}`);
    for (const x of r.extras) console.log(`      extra: ${x}`);
  }
  console.log(`  TOTAL ${set}: recall ${pct(t.recall)}  precision ${pct(t.precision)}  silent drops ${t.silent}  unread lines ${t.unparsed_lines}`);
  return { totals: t, reports: scores };
}

const only = process.argv.slice(2);
if (only.length > 0) {
  for (const set of only) printSet(set);
  process.exit(0);
}
const started = performance.now();
const results: Record<string, { totals: ReturnType<typeof totals>; reports: ReportScore[] }> = {};
for (const set of CORPUS_SETS) results[set] = printSet(set);
const all = totals(CORPUS_SETS.flatMap((s) => results[s]!.reports));
const heldout = totals(HELDOUT_SETS.flatMap((s) => results[s]!.reports));
console.log(`\nheld-out (all sets): recall ${pct(heldout.recall)}  precision ${pct(heldout.precision)}  silent drops ${heldout.silent}`);
console.log(`whole corpus (${all.reports} reports): recall ${pct(all.recall)}  precision ${pct(all.precision)}  silent drops ${all.silent}`);
const ms = performance.now() - started;

// Cost of the largest text the job accepts (100 kB, MAX_EXAM_TEXT_BYTES): the corpus repeated.
const corpusText = CORPUS_SETS.flatMap((s) =>
  readdirSync(path.join(ROOT, 'test/fixtures/labs/corpus', s))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(path.join(ROOT, 'test/fixtures/labs/corpus', s, f), 'utf8')),
).join('\n');
// Cut at the limit's byte, then back to the last whole line: trimming 200 characters at a time with a
// byte count each step took about 15 s of this bench.
const repeated = `${corpusText}\n`.repeat(Math.ceil(MAX_EXAM_TEXT_BYTES / Buffer.byteLength(corpusText)) + 1);
const cut = Buffer.from(repeated).subarray(0, MAX_EXAM_TEXT_BYTES).toString('utf8');
const big = cut.slice(0, cut.lastIndexOf('\n'));
// One untimed run of the measured text warms it up; the corpus's scoring above has run every reader
// already. (The warm-up used to parse the whole corpus as one text, about 3 MB: minutes of this bench.)
parseLabReport(big);
const runs: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  parseLabReport(big);
  runs.push(performance.now() - t0);
}
runs.sort((a, b) => a - b);
const maxText = {
  bytes: Buffer.byteLength(big),
  lines: big.split('\n').length,
  median_ms: Math.round(runs[2]!),
  min_ms: Math.round(runs[0]!),
  max_ms: Math.round(runs[4]!),
};
console.log(
  `\nparse of a ${maxText.bytes}-byte report (${maxText.lines} lines): median ${maxText.median_ms} ms (min ${maxText.min_ms}, max ${maxText.max_ms}) over 5 runs`,
);

mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(
  path.join(ROOT, 'bench/results/labs.json'),
  `${JSON.stringify(
    {
      bench: 'labs',
      at: new Date().toISOString(),
      machine: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model },
      ms: Math.round(ms),
      max_text_parse: maxText,
      heldout: heldout,
      corpus: all,
      sets: Object.fromEntries(
        CORPUS_SETS.map((s) => [
          s,
          {
            totals: results[s]!.totals,
            reports: results[s]!.reports.map((r) => ({
              file: r.file,
              layout: r.layout,
              expected: r.expected,
              read: r.read,
              correct: r.correct,
              misses: r.misses,
              extras: r.extras,
              silent: r.silent,
              unparsed_lines: r.unparsed.length,
            })),
          },
        ]),
      ),
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwritten bench/results/labs.json (${Math.round(ms)} ms)`);
