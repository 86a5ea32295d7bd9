// Per-type processing time of the analyses through a real daemon, against the emulators at zero
// latency: what the product itself costs per job (validation, image decode, TACO arithmetic, the
// parser, PDF extraction, prompt building, provider clients, cache statements skipped) — not model
// time. Caching is off (every TTL 0) and inputs are unique, so every job does the full work.
// Also the meal-plan optimizer alone, 7 days × 6 meals, called directly many times.
//
//   npm run bench:analyses            (JOBS=40 per type by default; JOBS=… PLAN_ITERATIONS=… to change)
import { randomUUID } from 'node:crypto';
import { pdfFromLines } from '../src/dev/testkit/pdf.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEFAULT_WHATSAPP_SERVICE_USER_ID } from '../src/config.ts';
import { planMeals } from '../src/nutrition/planner.ts';
import { loadTacoFromFile } from '../src/nutrition/taco-file.ts';
import { ADMIN_URL, createDatabase, databaseUrl, dropDatabase } from '../src/dev/testkit/database.ts';
import { startTestDaemon } from '../src/dev/testkit/daemon.ts';
import { startEmulators, testPng, waitForEnd } from '../src/dev/testkit/emulators.ts';
import { machineFacts } from './lib/machine.ts';
import { runMealPlanBench } from './meal-plans.ts';
import { percentile, round } from './lib/stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const JOBS = Number(process.env.JOBS ?? 40);
const WARMUP = 3;
const PLAN_ITERATIONS = Number(process.env.PLAN_ITERATIONS ?? 50);

const REPORT = readFileSync(path.join(ROOT, 'test/fixtures/labs/01-colunas-bioquimica.txt'), 'utf8');

/** A unique input per job number, so nothing could be served from a cache even if one were on. */
const CASES: Record<string, (n: number) => unknown> = {
  sofia_image: (n) => ({ image_base64: testPng(640, 480, 1000 + n).toString('base64'), meal_type: 'almoco' }),
  'medical_exam (text)': (n) => ({ text: `Protocolo: ${n}\n${REPORT}` }),
  'medical_exam (pdf)': (n) => ({
    document_base64: pdfFromLines([`Protocolo: ${n}`, ...REPORT.split('\n').filter(Boolean)]).toString('base64'),
    mime: 'application/pdf',
  }),
  unified_assistant: (n) => ({ messages: [{ role: 'user', content: `Pergunta ${n}: como posso comer mais fibras no café da manhã?` }] }),
  meal_plan: (n) => ({ kcal_target: 1600 + (n % 40) * 20, meals_per_day: 5, days: 1 }),
  'whatsapp_message (chat)': (n) => ({ from: '5511999990000', text: `Pergunta ${n}: quantos copos de água por dia?` }),
  'whatsapp_message (photo)': (n) => ({ from: '5511999990000', media: { mime: 'image/png', base64: testPng(640, 480, 5000 + n).toString('base64') } }),
};

const typeOf = (name: string) => name.split(' ')[0]!;

async function main(): Promise<void> {
  const machine = await machineFacts(ADMIN_URL);
  const dbName = await createDatabase('bench_analyses');
  const url = databaseUrl(dbName);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const emu = await startEmulators();
  const noCache = Object.fromEntries(['SOFIA_IMAGE', 'MEDICAL_EXAM', 'MEAL_PLAN'].map((t) => [`CACHE_TTL_${t}_SECONDS`, '0']));
  const daemon = await startTestDaemon(url, { ...emu.env, ...noCache, WORKER_CONCURRENCY: '1' });
  const perType: Record<string, { jobs: number; p50_ms: number | null; p95_ms: number | null; mean_ms: number | null; max_ms: number | null }> = {};
  try {
    for (const [name, make] of Object.entries(CASES)) {
      const samples: number[] = [];
      // One job at a time: the figure is the cost of one job, not of contention between them.
      for (let n = 0; n < WARMUP + JOBS; n++) {
        // The completion event carries the handler's own duration (claim to result, before the
        // settle write). Waiters are registered before the insert, so a fast job cannot be missed.
        const id = randomUUID();
        let durationMs = 0;
        const off = daemon.events.on('job:completed', (e) => {
          if (e.jobId === id) durationMs = e.durationMs;
        });
        const ended = waitForEnd(daemon.events, id, 30_000).finally(off);
        await pool.query('insert into analysis_jobs (id, user_id, type, input, max_attempts) values ($1, $2, $3, $4, 1)', [
          id,
          typeOf(name) === 'whatsapp_message' ? DEFAULT_WHATSAPP_SERVICE_USER_ID : randomUUID(),
          typeOf(name),
          JSON.stringify(make(n)),
        ]);
        if ((await ended) === 'failed') throw new Error(`${name}: job ${n} failed`);
        if (n >= WARMUP) samples.push(durationMs);
      }
      perType[name] = {
        jobs: samples.length,
        p50_ms: round(percentile(samples, 50)),
        p95_ms: round(percentile(samples, 95)),
        mean_ms: round(samples.reduce((a, b) => a + b, 0) / samples.length),
        max_ms: round(Math.max(...samples)),
      };
    }
  } finally {
    await daemon.stop();
    await emu.close();
    await pool.end();
    await dropDatabase(dbName);
  }

  const taco = loadTacoFromFile();
  const planTimes: number[] = [];
  let infeasible = 0;
  for (let i = 0; i < PLAN_ITERATIONS + WARMUP; i++) {
    const req = { kcal_target: 1500 + (i % 30) * 50, meals_per_day: 6, days: 7, restrictions: i % 3 === 0 ? (['vegetarian'] as const) : [] };
    const t0 = performance.now();
    const r = planMeals({ ...req, restrictions: [...req.restrictions] }, taco);
    const ms = performance.now() - t0;
    if (!r.ok) infeasible++;
    if (i >= WARMUP) planTimes.push(ms);
  }
  const optimizer = {
    request: '7 days × 6 meals, 1500–2950 kcal, every third vegetarian',
    iterations: planTimes.length,
    infeasible,
    p50_ms: round(percentile(planTimes, 50)),
    p95_ms: round(percentile(planTimes, 95)),
    mean_ms: round(planTimes.reduce((a, b) => a + b, 0) / planTimes.length),
  };

  const result = {
    at: new Date().toISOString(),
    what: 'handler processing time per job (job:completed durationMs) through a daemon, emulators at 0 ms latency, cache off, one job at a time',
    machine,
    jobsPerType: JOBS,
    perType,
    mealPlanOptimizer: optimizer,
  };
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench/results/analyses.json'), `${JSON.stringify(result, null, 2)}\n`);

  const rows = Object.entries(perType).map(([k, v]) => [k, String(v.jobs), String(v.p50_ms), String(v.p95_ms), String(v.mean_ms)]);
  rows.push([`planMeals 7d×6 (direct)`, String(optimizer.iterations), String(optimizer.p50_ms), String(optimizer.p95_ms), String(optimizer.mean_ms)]);
  const header = ['type', 'n', 'p50 ms', 'p95 ms', 'mean ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log(`\nwritten to bench/results/analyses.json`);
  runMealPlanBench();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
