// CPU time of each synchronous path on the demo's inputs, against the Edge Runtime's 2 s CPU limit
// per request (a request over it is killed with 546). The handler set runs in this process exactly
// as a function's sync path runs it (runInlineFromRegistry); the model emulators run in a child
// process so their work is not counted. CPU is process.cpuUsage() (user + system, all threads of
// this process: an upper bound of the isolate's own CPU time). "first" is the first call of the
// type in the process (module loading, TACO parsing: what a cold isolate pays), "warm" the median
// of the next runs. Writes bench/results/edge-cpu.json.
// Run: npx tsx bench/edge-cpu.ts
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { EDGE_INLINE_EXAM_TEXT_BYTES } from '../src/gateway/edge-limits.ts';
import { MAX_EXAM_TEXT_BYTES } from '../src/job-inputs/index.ts';
import { createPool } from '../src/db/pool.ts';
import { EventBus } from '../src/events.ts';
import { runInlineFromRegistry } from '../src/gateway/inline.ts';
import { defaultHandlers } from '../src/handlers/index.ts';
import { HandlerRegistry } from '../src/handlers/registry.ts';
import { createProviders } from '../src/providers/index.ts';
import type { JobType } from '../src/job-inputs/job-types.ts';
import { assistantInput, examInput, LAB_REPORT, sofiaInput } from '../scripts/demo/requests.ts';
import { ADMIN_URL, createDatabase, databaseUrl, dropDatabase } from '../src/dev/testkit/database.ts';
import { pdfFromLines } from '../src/dev/testkit/pdf.ts';
import { machineFacts } from './lib/machine.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WARM_RUNS = 5;
const LIMIT_MS = 2_000;

const emu = spawn(process.execPath, ['--import', 'tsx', 'src/dev/emulators/cli.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
const emuEnv: Record<string, string> = {};
await new Promise<void>((resolve, reject) => {
  emu.once('exit', () => reject(new Error('emulators exited')));
  createInterface({ input: emu.stdout! }).on('line', (l) => {
    const m = /^([A-Z_]+)=(.*)$/.exec(l);
    if (m) emuEnv[m[1]!] = m[2]!;
    if (Object.keys(emuEnv).length === 7) resolve();
  });
});

// Long exam texts: the lab corpus's reports one after another (varied layouts, as a patient pasting
// several reports would send), cut at a line end below the size. The edge parses up to
// EDGE_INLINE_EXAM_TEXT_BYTES inline; 100 kB is the input's own limit, which only the worker parses.
const CORPUS = path.join(ROOT, 'test/fixtures/labs/corpus');
const corpusText = readdirSync(CORPUS)
  .sort()
  .flatMap((set) =>
    readdirSync(path.join(CORPUS, set))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(path.join(CORPUS, set, f), 'utf8')),
  )
  .join('\n\n');
function examTextOf(bytes: number): string {
  const text = Buffer.from(corpusText).subarray(0, bytes).toString('utf8');
  return text.slice(0, text.lastIndexOf('\n'));
}

const dbName = await createDatabase('edge_cpu');
const cases: Array<{ name: string; type: JobType; input: unknown }> = [
  { name: 'meal plan, 7 days × 5 meals', type: 'meal_plan', input: { kcal_target: 2000, meals_per_day: 5, days: 7, restrictions: ['lactose_free'] } },
  { name: 'meal plan, 1 day × 4 meals', type: 'meal_plan', input: { kcal_target: 1800, meals_per_day: 4, days: 1 } },
  {
    name: 'exam, PDF (demo report)',
    type: 'medical_exam',
    input: { document_base64: pdfFromLines(LAB_REPORT.split('\n')).toString('base64'), mime: 'application/pdf' },
  },
  { name: 'exam, text (demo report)', type: 'medical_exam', input: examInput() },
  {
    name: `exam, text ${EDGE_INLINE_EXAM_TEXT_BYTES / 1024} kB (edge ceiling)`,
    type: 'medical_exam',
    input: { text: examTextOf(EDGE_INLINE_EXAM_TEXT_BYTES) },
  },
  { name: 'exam, text 16 kB (worker only)', type: 'medical_exam', input: { text: examTextOf(16 * 1024) } },
  { name: `exam, text ${MAX_EXAM_TEXT_BYTES / 1024} kB (worker only)`, type: 'medical_exam', input: { text: examTextOf(MAX_EXAM_TEXT_BYTES) } },
  { name: 'food photo (demo plate)', type: 'sofia_image', input: sofiaInput() },
  { name: 'assistant (demo question)', type: 'unified_assistant', input: assistantInput() },
];
// Every run must do the work: a cache hit costs ~2 ms whatever the input (the warm column of earlier
// runs of this bench measured exactly that for the exams and the photo). Personal types are cached
// per user, so each run is another user; a meal plan, cached for everyone, asks for one more kcal.
function uncached(type: JobType, input: unknown, run: number): unknown {
  if (type !== 'meal_plan') return input;
  const plan = input as { kcal_target: number };
  return { ...plan, kcal_target: plan.kcal_target + run };
}
const rows: Array<Record<string, unknown>> = [];
try {
  const config = loadConfig({ ...emuEnv, DATABASE_URL: databaseUrl(dbName), IMAGE_URL_ALLOW_HTTP: 'true' });
  const events = new EventBus();
  const pool = createPool(config.database, 'edge-cpu', events);
  const providers = createProviders(config.providers, events);
  const run = runInlineFromRegistry(new HandlerRegistry(defaultHandlers({ pool, providers, events, config })));
  try {
    for (const c of cases) {
      const cpu: number[] = [];
      const wall: number[] = [];
      for (let i = 0; i <= WARM_RUNS; i++) {
        const c0 = process.cpuUsage();
        const w0 = performance.now();
        await run(c.type, uncached(c.type, c.input, i), AbortSignal.timeout(60_000), { userId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}` });
        const d = process.cpuUsage(c0);
        cpu.push((d.user + d.system) / 1000);
        wall.push(performance.now() - w0);
      }
      const warm = cpu.slice(1).sort((a, b) => a - b);
      const median = warm[Math.floor(warm.length / 2)]!;
      rows.push({
        case: c.name,
        type: c.type,
        first_cpu_ms: Math.round(cpu[0]!),
        warm_cpu_ms_median: Math.round(median),
        warm_cpu_ms_max: Math.round(warm.at(-1)!),
        wall_ms_first: Math.round(wall[0]!),
        share_of_limit_warm: Number((median / LIMIT_MS).toFixed(3)),
      });
    }
  } finally {
    await providers.close();
    await pool.end();
  }
} finally {
  emu.kill('SIGTERM');
  await dropDatabase(dbName);
}
console.log('case                           first CPU ms  warm CPU ms (median/max)  of 2 s');
for (const r of rows) {
  console.log(
    `${String(r.case).padEnd(30)} ${String(r.first_cpu_ms).padStart(12)}  ${`${r.warm_cpu_ms_median} / ${r.warm_cpu_ms_max}`.padStart(24)}  ${(Number(r.share_of_limit_warm) * 100).toFixed(1).padStart(5)} %`,
  );
}
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(
  path.join(ROOT, 'bench/results/edge-cpu.json'),
  JSON.stringify(
    { measured_at: new Date().toISOString(), machine: await machineFacts(ADMIN_URL), node: process.version, limit_cpu_ms: LIMIT_MS, runs: rows },
    null,
    2,
  ) + '\n',
);
