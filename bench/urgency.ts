// Urgency detector against its corpus (test/fixtures/urgency/): recall (urgent messages flagged)
// and false alarms (calm messages flagged), overall and per triage category, for the development
// set the detector was tuned on, the held-out set written before tuning, and a small probe set
// written after the detector, measured once, then tuned on (see the fixtures README).
// Also the cost of one detection (µs per message), since it runs before every assistant turn.
//
//   npm run bench:urgency             (writes bench/results/urgency.json)
//   npm run bench:urgency -- --misses (also prints the dev set's misses, by text, for tuning)
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectUrgency } from '../src/assistant/urgency.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = path.join(ROOT, 'test/fixtures/urgency');

export interface CorpusCase {
  expected: 'urgent' | 'calm';
  /** The triage category (urgent) or the category the calm message is close to ("general" for none). */
  category: string;
  style: string;
  text: string;
  line: number;
}

export function loadCorpus(name: 'dev' | 'heldout' | 'probe'): CorpusCase[] {
  const out: CorpusCase[] = [];
  readFileSync(path.join(CORPUS_DIR, `${name}.tsv`), 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '' || raw.startsWith('#')) return;
      const [expected, category, style, text] = raw.split('\t');
      if ((expected !== 'urgent' && expected !== 'calm') || !category || !style || !text)
        throw new Error(`${name}.tsv:${i + 1}: expected "urgent|calm<TAB>category<TAB>style<TAB>text"`);
      out.push({ expected, category, style, text, line: i + 1 });
    });
  return out;
}

export interface Rates {
  urgent: number;
  flagged: number;
  recall: number | null;
  calm: number;
  false_alarms: number;
  false_alarm_rate: number | null;
  /** Urgent messages flagged with their own category first (the answer names the right number). */
  category_right: number;
}

export interface Evaluation {
  overall: Rates;
  byCategory: Record<string, Rates>;
  byStyle: Record<string, Rates>;
  misses: CorpusCase[];
  falseAlarms: Array<CorpusCase & { categories: string[] }>;
}

function empty(): Rates {
  return { urgent: 0, flagged: 0, recall: null, calm: 0, false_alarms: 0, false_alarm_rate: null, category_right: 0 };
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);

export function evaluate(
  cases: readonly CorpusCase[],
  detect: (text: string) => { urgent: boolean; categories: readonly string[] } = detectUrgency,
): Evaluation {
  const overall = empty();
  const byCategory: Record<string, Rates> = {};
  const byStyle: Record<string, Rates> = {};
  const misses: CorpusCase[] = [];
  const falseAlarms: Evaluation['falseAlarms'] = [];
  for (const c of cases) {
    const r = detect(c.text);
    for (const bucket of [overall, (byCategory[c.category] ??= empty()), (byStyle[c.style] ??= empty())]) {
      if (c.expected === 'urgent') {
        bucket.urgent++;
        if (r.urgent) bucket.flagged++;
        if (r.categories[0] === c.category) bucket.category_right++;
      } else {
        bucket.calm++;
        if (r.urgent) bucket.false_alarms++;
      }
    }
    if (c.expected === 'urgent' && !r.urgent) misses.push(c);
    if (c.expected === 'calm' && r.urgent) falseAlarms.push({ ...c, categories: [...r.categories] });
  }
  for (const b of [overall, ...Object.values(byCategory), ...Object.values(byStyle)]) {
    b.recall = ratio(b.flagged, b.urgent);
    b.false_alarm_rate = ratio(b.false_alarms, b.calm);
  }
  return { overall, byCategory, byStyle, misses, falseAlarms };
}

const pct = (v: number | null) => (v === null ? '   —  ' : `${(v * 100).toFixed(1).padStart(5)}%`);

export function printEvaluation(name: string, e: Evaluation): void {
  console.log(
    `\n${name}: recall ${pct(e.overall.recall)} (${e.overall.flagged}/${e.overall.urgent}), false alarms ${pct(e.overall.false_alarm_rate)} (${e.overall.false_alarms}/${e.overall.calm}), right category first ${e.overall.category_right}/${e.overall.urgent}`,
  );
  console.log('  category          recall          false alarms');
  for (const [cat, r] of Object.entries(e.byCategory).sort()) {
    console.log(
      `  ${cat.padEnd(16)} ${pct(r.recall)} ${`${r.flagged}/${r.urgent}`.padStart(6)}   ${pct(r.false_alarm_rate)} ${`${r.false_alarms}/${r.calm}`.padStart(6)}`,
    );
  }
}

function timeDetection(cases: readonly CorpusCase[]): { messages: number; us_per_message: number } {
  for (const c of cases) detectUrgency(c.text);
  const rounds = 5;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) for (const c of cases) detectUrgency(c.text);
  const ns = Number(process.hrtime.bigint() - t0);
  return { messages: cases.length * rounds, us_per_message: Math.round(ns / (cases.length * rounds) / 100) / 10 };
}

async function main(): Promise<void> {
  const dev = loadCorpus('dev');
  const heldout = loadCorpus('heldout');
  const probe = loadCorpus('probe');
  const eDev = evaluate(dev);
  const eHeld = evaluate(heldout);
  const eProbe = evaluate(probe);
  printEvaluation('dev (tuned on)', eDev);
  printEvaluation('held-out (not tuned on)', eHeld);
  printEvaluation('probe (first run 75.0 % / 2.4 %, then tuned on; not a target)', eProbe);
  if (process.argv.includes('--misses')) {
    console.log('\ndev misses:');
    for (const m of eDev.misses) console.log(`  ${m.category}\t${m.text}`);
    console.log('dev false alarms:');
    for (const f of eDev.falseAlarms) console.log(`  ${f.category}\t${f.categories.join(',')}\t${f.text}`);
  }
  const timing = timeDetection([...dev, ...heldout]);
  console.log(`\ndetection: ${timing.us_per_message} µs per message (${timing.messages} detections)`);
  const strip = (e: Evaluation) => ({
    overall: e.overall,
    by_category: e.byCategory,
    by_style: e.byStyle,
    misses: e.misses.length,
    false_alarms: e.falseAlarms.length,
  });
  const out = { at: new Date().toISOString(), node: process.version, dev: strip(eDev), heldout: strip(eHeld), probe: strip(eProbe), timing };
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench/results/urgency.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('wrote bench/results/urgency.json');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
