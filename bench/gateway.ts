// Gateway enqueue latency: autocannon against a daemon hosting the functions (SERVE_FUNCTIONS=true)
// on a fresh database, with real HS256 user JWTs and unique inputs (no cache hits).
//   1. p50/p95/p99 of enqueue-analysis at a fixed 100 req/s;
//   2. the highest rate, stepping up, that still holds p95 < 200 ms with no errors.
// The daemon's worker runs with a stub meal_plan handler that completes at once, so the queue is
// drained as in production without the planner's CPU competing with the gateway on this machine.
// The load generator runs in a child process (this file with --load): in one process, autocannon's
// timestamps would wait on the server's event loop and report that wait as latency.
// Writes bench/results/gateway.json and prints it. About two to three minutes.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import os from 'node:os';
import { createRequire } from 'node:module';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { healthcheckHandler } from '../src/handlers/healthcheck.ts';
import type { JobHandler } from '../src/handlers/types.ts';
import { startDaemon } from '../src/start.ts';
import { createDatabase, databaseUrl, dropDatabase } from '../src/dev/testkit/database.ts';
import { FAST_ENV } from '../src/dev/testkit/daemon.ts';
import { gatewayTestEnv, userToken } from '../src/dev/testkit/jwt.ts';

// autocannon ships no type declarations; this is the part of its API used here.
interface AutocannonResult {
  requests: { total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonRequest {
  method: string;
  setupRequest: (req: Record<string, unknown>) => Record<string, unknown>;
}
type Autocannon = (
  opts: { url: string; connections: number; overallRate: number; duration: number; requests: AutocannonRequest[] },
  done: (err: Error | null, res: AutocannonResult) => void,
) => { on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const FIXED_RATE = 100;
const FIXED_SECONDS = 15;
const STEP_SECONDS = 8;
const STEPS = [100, 200, 300, 400, 600, 800, 1000, 1300, 1600, 2000];
const P95_TARGET_MS = 200;
const USERS = 200;

interface Run {
  rate: number;
  seconds: number;
  requests: number;
  achieved_rps: number;
  non_2xx: number;
  errors: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number) => Math.round(n * 100) / 100;

async function load(url: string, tokens: string[], rate: number, seconds: number): Promise<Run> {
  let n = 0;
  const latencies: number[] = [];
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/functions/v1/enqueue-analysis`,
        connections: Math.min(200, Math.max(10, Math.ceil(rate / 10))),
        overallRate: rate,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              const i = n++;
              // kcal × meals × days gives 224,056 distinct inputs: every request misses the cache.
              const kcal = 1000 + (i % 4001);
              const meals = 3 + (Math.floor(i / 4001) % 4);
              const days = 1 + (Math.floor(i / 16004) % 14);
              return {
                ...req,
                headers: { authorization: `Bearer ${tokens[i % tokens.length]}`, 'content-type': 'application/json' },
                body: JSON.stringify({ type: 'meal_plan', input: { kcal_target: kcal, meals_per_day: meals, days } }),
              };
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  return {
    rate,
    seconds,
    requests: result.requests.total,
    achieved_rps: round(result.requests.total / seconds),
    non_2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    p99_ms: round(percentile(latencies, 99)),
    max_ms: round(latencies.at(-1) ?? NaN),
  };
}

/** One load step in a fresh child process; its result comes back as JSON on stdout. */
async function run(url: string, tokensFile: string, rate: number, seconds: number): Promise<Run> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--load', url, tokensFile, String(rate), String(seconds)],
    { timeout: (seconds + 60) * 1000, maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Run;
}

if (process.argv[2] === '--load') {
  const [url, tokensFile, rate, seconds] = process.argv.slice(3) as [string, string, string, string];
  const tokens = JSON.parse(await readFile(tokensFile, 'utf8')) as string[];
  console.log(JSON.stringify(await load(url, tokens, Number(rate), Number(seconds))));
} else {
  await main();
}

async function main(): Promise<void> {
  const stubMealPlan: JobHandler = { type: 'meal_plan', version: '1', run: async () => ({ result: { bench: true } }) };

  const name = await createDatabase('bench_gateway');
  const url = databaseUrl(name);
  const env = gatewayTestEnv(url, {
    SERVE_FUNCTIONS: 'true',
    // The per-user limit is not what is measured here.
    GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000',
    // Nor is the cap on active jobs (a product limit; its insert path is the one measured).
    MAX_ACTIVE_JOBS_PER_USER: '100000',
    GATEWAY_DB_POOL_MAX: '10',
    WORKER_CONCURRENCY: '10',
  });
  const daemon = await startDaemon(loadConfig({ ...FAST_ENV, DATABASE_URL: url, ...env }), {
    migrate: false,
    logger: pino({ level: 'silent' }),
    handlers: [healthcheckHandler, stubMealPlan],
    gatewayEnv: env,
  });
  const cleanup: Array<() => Promise<void>> = [];
  try {
    const base = `http://127.0.0.1:${daemon.port}`;
    const tokens = await Promise.all(Array.from({ length: USERS }, () => userToken({ sub: randomUUID() })));
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'aiw-bench-'));
    cleanup.push(() => rm(tmp, { recursive: true, force: true }));
    const tokensFile = path.join(tmp, 'tokens.json');
    await writeFile(tokensFile, JSON.stringify(tokens));
    await run(base, tokensFile, 50, 2); // warm-up: JIT, pool connections
    const fixed = await run(base, tokensFile, FIXED_RATE, FIXED_SECONDS);
    console.error(`fixed ${FIXED_RATE}/s: p50 ${fixed.p50_ms} p95 ${fixed.p95_ms} p99 ${fixed.p99_ms} ms`);
    const steps: Run[] = [];
    let sustained = 0;
    for (const rate of STEPS) {
      const r = await run(base, tokensFile, rate, STEP_SECONDS);
      steps.push(r);
      console.error(`step ${rate}/s: achieved ${r.achieved_rps}/s p95 ${r.p95_ms} ms non-2xx ${r.non_2xx} errors ${r.errors}`);
      // Sustained = the offered rate was delivered (within 5%), p95 under target, nothing failed.
      const ok = r.p95_ms < P95_TARGET_MS && r.non_2xx === 0 && r.errors === 0 && r.achieved_rps >= rate * 0.95;
      if (!ok) break;
      sustained = rate;
    }
    const { rows } = await daemon.pool.query<{ n: number }>('select count(*)::int as n from analysis_jobs');
    const out = {
      bench: 'gateway enqueue-analysis via the daemon functions host (fastify, SERVE_FUNCTIONS=true)',
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        node: process.version,
        loadavg_at_end: os.loadavg().map(round),
        note: 'shared machine: other work ran concurrently (see loadavg); the figures are lower bounds',
      },
      setup: {
        load_generator: 'autocannon in a separate process',
        users: USERS,
        token: 'HS256 user JWT verified per request',
        inputs: 'unique meal_plan inputs (cache misses)',
        worker: 'in-process, stub meal_plan handler, concurrency 10',
        db_pool_max: 10,
      },
      fixed_rate: fixed,
      max_sustained: { rps: sustained, criterion: `p95 < ${P95_TARGET_MS} ms, no errors, ≥ 95% of the offered rate delivered`, steps },
      jobs_written: rows[0]!.n,
    };
    await writeFile(new URL('./results/gateway.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
    console.log(JSON.stringify(out, null, 2));
  } finally {
    for (const c of cleanup) await c();
    await daemon.stop(0);
    await dropDatabase(name);
  }
}
