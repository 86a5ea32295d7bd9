// bench:queue — ai-worker against graphile-worker and pg-boss on the local PostgreSQL, in one run.
// Each system gets its own fresh database and runs in its own child process (bench/workers/*.ts);
// the child times everything on its own clock (bench/lib/child.ts) and reports over IPC.
//   1. pickup latency: PICKUPS sequential single inserts (after WARMUP unrecorded ones), insert →
//      handler start, the next insert only after the previous handler started; bounded by a time budget.
//   1b. turnaround (black-box, what a client sees): the same sequential inserts, insert → a read of the
//      row shows it completed (polled back to back on the producer's connection).
//      Both latency phases run every system in ROUNDS interleaved rounds (latencyRounds), all systems
//      started at once and idle while another is measured.
//   2. throughput: JOBS no-op jobs inserted in one statement, from its commit until the database
//      shows every job settled; a system that cannot drain within 5 minutes (projected from its rate
//      after 10 s) is reported as such, not awaited. Each system drains DRAINS times, one system at a
//      time with the order rotating each round; its figure is the median drain.
// Usage: npm run bench:queue [-- --only=ai-worker,graphile-batched] [--jobs=20000] [--pickups=1000]
//        [--concurrency=10] [--rounds=10] [--drains=3] [--no-write] [--cpu-prof=DIR] [--fill-finished=5000000]
// --fill-finished=N: before measuring, ai-worker's table gets N finished rows (the other systems delete
// or archive finished jobs): the same figures at a table size months of traffic leave behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ADMIN_URL, createDatabase, databaseUrl, dropDatabase } from '../src/dev/testkit/database.ts';
import { machineFacts } from './lib/machine.ts';
import type { ChildReply, ChildRequest, DrainResult, PickupResult } from './lib/protocol.ts';
import { percentile, round } from './lib/stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Map<string, string | undefined>(
  process.argv.slice(2).map((a) => {
    const [k, ...v] = a.replace(/^--/, '').split('=');
    return [k!, v.length ? v.join('=') : undefined];
  }),
);
const JOBS = Number(args.get('jobs') ?? 20_000);
const PICKUPS = Number(args.get('pickups') ?? 1_000);
const WARMUP = 20;
/** Latency samples are taken in this many interleaved rounds (latencyRounds). */
const ROUNDS = Number(args.get('rounds') ?? 10);
const ROUND_WARMUP = 5;
/**
 * Drains per system, order rotating each round; the median is its figure. One drain each, a minute
 * or more apart, let the machine's load in that minute decide the comparison: in the fifth round's six
 * runs ai-worker's rate ranged 10,617–13,191 jobs/s and graphile-worker batched's 9,778–13,197.
 */
const DRAINS = Number(args.get('drains') ?? 3);
const CONCURRENCY = Number(args.get('concurrency') ?? 10);
const FILL_FINISHED = Number(args.get('fill-finished') ?? 0);
const PICKUP_BUDGET_MS = 30_000;
const DRAIN_LIMIT_MS = 300_000;
const PROJECT_AFTER_MS = 10_000;

interface System {
  key: string;
  label: string;
  entry: string;
  env: Record<string, string>;
  /** Start from the ai-worker migrated template (else an empty database; the system installs its schema). */
  migrated: boolean;
}

const SYSTEMS: System[] = [
  { key: 'ai-worker', label: 'ai-worker (default)', entry: 'bench/workers/ai-worker.ts', env: {}, migrated: true },
  { key: 'graphile-default', label: 'graphile-worker (default)', entry: 'bench/workers/graphile-worker.ts', env: { BENCH_MODE: 'default' }, migrated: false },
  {
    key: 'graphile-batched',
    label: 'graphile-worker (batched)',
    entry: 'bench/workers/graphile-worker.ts',
    env: { BENCH_MODE: 'batched', BENCH_GRAPHILE_LOCAL_QUEUE: '100', BENCH_GRAPHILE_BATCH_DELAY: '0' },
    migrated: false,
  },
  { key: 'pgboss-default', label: 'pg-boss (default)', entry: 'bench/workers/pg-boss.ts', env: { BENCH_MODE: 'default' }, migrated: false },
  { key: 'pgboss-fast', label: 'pg-boss (fast)', entry: 'bench/workers/pg-boss.ts', env: { BENCH_MODE: 'fast', BENCH_PGBOSS_BATCH: '100' }, migrated: false },
];

interface LatencyFigures {
  samples: number;
  requested: number;
  warmup: number;
  timeouts: number;
  budgetExhausted: boolean;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  meanMs: number | null;
  maxMs: number | null;
}

function latencyFigures(pk: PickupResult): LatencyFigures {
  const s = pk.samples;
  return {
    samples: s.length,
    requested: pk.requested,
    warmup: pk.warmup,
    timeouts: pk.timeouts,
    budgetExhausted: pk.budgetExhausted,
    p50Ms: round(percentile(s, 50)),
    p95Ms: round(percentile(s, 95)),
    p99Ms: round(percentile(s, 99)),
    meanMs: round(s.length ? s.reduce((a, b) => a + b, 0) / s.length : null),
    maxMs: round(s.length ? Math.max(...s) : null),
  };
}

interface SystemResult {
  key: string;
  label: string;
  concurrency: number;
  config?: Record<string, unknown>;
  throughput?: {
    /** jobs/s of every drain, in the order run; the figures beside it are the median drain's. */
    drainRates?: Array<number | null>;
    jobs: number;
    drained: boolean;
    drainSeconds: number | null;
    jobsPerSecond: number | null;
    insertMs: number | null;
    projectedDrainSeconds?: number | null;
    handled: number;
    outstanding?: number;
    gaveUpAfterSeconds?: number | null;
  };
  pickup?: LatencyFigures;
  turnaround?: LatencyFigures;
  /** With --fill-finished: turnaround measured before the fill, same daemon. */
  turnaroundEmptyTable?: LatencyFigures;
  filledFinishedRows?: number;
  fillSeconds?: number;
  error?: string;
  wallSeconds?: number;
  loadAverage1m?: number | null;
}

const children = new Set<ChildProcess>();
const databases = new Set<string>();

class Child {
  private waiters: Array<{ type: string; resolve: (m: ChildReply) => void; reject: (e: Error) => void }> = [];
  readonly exited: Promise<void>;
  constructor(
    readonly proc: ChildProcess,
    private readonly label: string,
  ) {
    proc.on('message', (raw) => {
      const m = raw as ChildReply;
      if (m.type === 'progress') {
        process.stdout.write(`    … ${m.done} handled after ${(m.elapsedMs / 1000).toFixed(0)} s\r`);
        return;
      }
      if (m.type === 'error') {
        for (const w of this.waiters.splice(0)) w.reject(new Error(`${label}: ${m.error}`));
        return;
      }
      const i = this.waiters.findIndex((w) => w.type === m.type);
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(m);
    });
    this.exited = new Promise((resolve) =>
      proc.on('exit', (code, signal) => {
        children.delete(proc);
        for (const w of this.waiters.splice(0)) w.reject(new Error(`${label}: worker process exited (code ${code}, signal ${signal})`));
        resolve();
      }),
    );
  }

  wait<T extends ChildReply['type']>(type: T, timeoutMs: number): Promise<Extract<ChildReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.label}: no '${type}' reply within ${timeoutMs / 1000} s`)), timeoutMs);
      this.waiters.push({
        type,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<ChildReply, { type: T }>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  request<T extends ChildReply['type']>(req: ChildRequest, reply: T, timeoutMs: number) {
    const p = this.wait(reply, timeoutMs);
    this.proc.send(req);
    return p;
  }

  /** Ask politely, then by pid: SIGTERM, then SIGKILL. */
  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    try {
      if (this.proc.connected) await this.request({ type: 'stop' }, 'stopped', 20_000);
    } catch {
      /* fall through to signals */
    }
    const bounded = (ms: number) => Promise.race([this.exited, new Promise((r) => setTimeout(r, ms))]);
    await bounded(3_000);
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      this.proc.kill('SIGTERM');
      await bounded(3_000);
    }
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      this.proc.kill('SIGKILL');
      await bounded(3_000);
    }
  }
}

async function checkpoint(): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query('checkpoint');
  } finally {
    await c.end();
  }
}

interface Running {
  sys: System;
  child: Child;
  db: string;
  result: SystemResult;
  startedAt: number;
}

async function startSystem(sys: System): Promise<Running | SystemResult> {
  // Other work on the machine skews everything here (2 cores shared by Postgres, the workers and
  // anything else running): the 1-minute load average at each system's start is kept with it.
  const result: SystemResult = { key: sys.key, label: sys.label, concurrency: CONCURRENCY, loadAverage1m: round(os.loadavg()[0]!) };
  const startedAt = performance.now();
  const db = await createDatabase(`bench_${sys.key}`, { migrated: sys.migrated });
  databases.add(db);
  // --cpu-prof=DIR: V8 CPU profiles of the worker children, for finding where a system spends its time.
  const prof = args.get('cpu-prof');
  const nodeArgs = prof ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(prof)}`] : [];
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', sys.entry], {
    cwd: ROOT,
    env: { ...process.env, ...sys.env, DATABASE_URL: databaseUrl(db), BENCH_CONCURRENCY: String(CONCURRENCY) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.add(proc);
  const child = new Child(proc, sys.label);
  const running: Running = { sys, child, db, result, startedAt };
  try {
    result.config = (await child.wait('ready', 60_000)).config;
    return running;
  } catch (err) {
    result.error = (err as Error).message;
    console.error(`  ${sys.label} FAILED to start: ${result.error}`);
    await stopSystem(running);
    return result;
  }
}

async function stopSystem(r: Running): Promise<void> {
  await r.child.stop();
  await dropDatabase(r.db).catch((e) => console.error(`  could not drop ${r.db}: ${(e as Error).message}`));
  databases.delete(r.db);
  r.result.wallSeconds = round((performance.now() - r.startedAt) / 1000, 1) ?? undefined;
}

/**
 * One latency phase for every running system, interleaved: ROUNDS rounds, each taking PICKUPS/ROUNDS
 * samples from every system in turn (the order rotating each round), so a change in the machine's
 * load during the run falls on every system alike instead of on whichever ran in that minute. Every
 * system stays started (idle) through all rounds. Before, each system ran its phases alone, a minute
 * or more apart: over seven runs the turnaround p50 of one system moved by 0.8 ms (1.38–2.16 ms),
 * ten times more than ai-worker and graphile-worker differed within a run (bench/README.md, fourth
 * round), so which one "won" followed the machine's load in that minute.
 */
async function latencyRounds(running: Running[], phase: 'pickup' | 'turnaround'): Promise<Map<Running, LatencyFigures>> {
  await checkpoint();
  const samples = new Map<Running, PickupResult>(
    running.map((r) => [r, { samples: [], requested: PICKUPS, warmup: WARMUP, timeouts: 0, budgetExhausted: false }]),
  );
  const perRound = Math.ceil(PICKUPS / ROUNDS);
  for (let pass = 0; pass < ROUNDS; pass++) {
    for (let i = 0; i < running.length; i++) {
      const r = running[(pass + i) % running.length]!;
      const acc = samples.get(r)!;
      if (r.result.error) continue;
      // A short warm-up on every turn: the other systems ran in between.
      const warmup = pass === 0 ? WARMUP : ROUND_WARMUP;
      try {
        const { result } = (await r.child.request(
          { type: phase, n: perRound, warmup, budgetMs: PICKUP_BUDGET_MS / ROUNDS, sampleTimeoutMs: 10_000 },
          phase,
          PICKUP_BUDGET_MS / ROUNDS + 60_000,
        )) as { result: PickupResult };
        acc.samples.push(...result.samples);
        acc.timeouts += result.timeouts;
        acc.budgetExhausted = acc.samples.length < PICKUPS;
      } catch (err) {
        r.result.error = (err as Error).message;
        console.error(`  ${r.sys.label} FAILED: ${r.result.error}`);
      }
    }
  }
  const figures = new Map<Running, LatencyFigures>();
  for (const [r, acc] of samples) {
    if (acc.samples.length === 0) continue;
    const f = latencyFigures(acc);
    figures.set(r, f);
    console.log(`  ${pad(r.sys.label, 28)} p50 ${f.p50Ms} ms, p95 ${f.p95Ms} ms, p99 ${f.p99Ms} ms (${f.samples} samples)`);
  }
  return figures;
}

async function fillFinished(r: Running): Promise<void> {
  // The same daemon, the same minute: turnaround on the empty table first, for the ratio.
  await checkpoint();
  console.log(`  turnaround on the empty table: ${PICKUPS} sequential inserts`);
  const { result: empty } = (await r.child.request(
    { type: 'turnaround', n: PICKUPS, warmup: WARMUP, budgetMs: PICKUP_BUDGET_MS, sampleTimeoutMs: 10_000 },
    'turnaround',
    PICKUP_BUDGET_MS + 60_000,
  )) as { result: PickupResult };
  r.result.turnaroundEmptyTable = latencyFigures(empty);
  console.log(`    p50 ${r.result.turnaroundEmptyTable.p50Ms} ms, p99 ${r.result.turnaroundEmptyTable.p99Ms} ms`);
  console.log(`  filling ${FILL_FINISHED} finished rows`);
  const filled = (await r.child.request({ type: 'fill', n: FILL_FINISHED }, 'fill', 3_600_000)) as { rows: number; ms: number };
  r.result.filledFinishedRows = filled.rows;
  r.result.fillSeconds = round(filled.ms / 1000, 1) ?? undefined;
  console.log(`    ${filled.rows} rows in ${(filled.ms / 1000).toFixed(0)} s`);
}

async function throughput(r: Running, turn: number): Promise<NonNullable<SystemResult['throughput']>> {
  await checkpoint();
  console.log(`  round ${turn + 1}/${DRAINS}, ${r.sys.label}: ${JOBS} jobs in one insert`);
  const { result: dr } = (await r.child.request(
    { type: 'drain', n: JOBS, limitMs: DRAIN_LIMIT_MS, projectAfterMs: PROJECT_AFTER_MS },
    'drain',
    DRAIN_LIMIT_MS + 60_000,
  )) as {
    result: DrainResult;
  };
  const figures: NonNullable<SystemResult['throughput']> = {
    jobs: dr.jobs,
    drained: dr.drained,
    drainSeconds: dr.drained ? round(dr.drainMs / 1000, 3) : null,
    jobsPerSecond: dr.drained ? round(dr.jobs / (dr.drainMs / 1000), 0) : round(dr.handled / (dr.drainMs / 1000), 0),
    insertMs: round(dr.insertMs, 1),
    handled: dr.handled,
    ...(dr.drained
      ? {}
      : { projectedDrainSeconds: round(dr.projectedSeconds, 0), outstanding: dr.outstanding, gaveUpAfterSeconds: round(dr.drainMs / 1000, 1) }),
  };
  process.stdout.write(' '.repeat(60) + '\r');
  console.log(
    dr.drained
      ? `    drained in ${figures.drainSeconds} s = ${figures.jobsPerSecond} jobs/s`
      : `    did NOT drain: ${dr.handled} handled in ${(dr.drainMs / 1000).toFixed(1)} s (${figures.jobsPerSecond} jobs/s; projected ${figures.projectedDrainSeconds} s > ${DRAIN_LIMIT_MS / 1000} s)`,
  );
  return figures;
}

/**
 * DRAINS rounds, each draining every system once, one at a time, the order rotating: each system's
 * figure is its median drain. A system that did not drain is not drained again (5 minutes each).
 */
async function throughputRounds(running: Running[]): Promise<void> {
  const drains = new Map<Running, NonNullable<SystemResult['throughput']>[]>();
  for (let turn = 0; turn < DRAINS; turn++) {
    const order = [...running.slice(turn % running.length), ...running.slice(0, turn % running.length)];
    for (const r of order) {
      if (r.result.error || drains.get(r)?.some((d) => !d.drained)) continue;
      try {
        drains.set(r, [...(drains.get(r) ?? []), await throughput(r, turn)]);
      } catch (err) {
        r.result.error = (err as Error).message;
        console.error(`  FAILED: ${r.result.error}`);
      }
    }
  }
  for (const [r, runs] of drains) {
    const sorted = [...runs].sort((a, b) => (a.jobsPerSecond ?? 0) - (b.jobsPerSecond ?? 0));
    r.result.throughput = { ...sorted[Math.floor((sorted.length - 1) / 2)]!, drainRates: runs.map((d) => d.jobsPerSecond) };
  }
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function fmt(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined ? '—' : n.toFixed(digits);
}

function table(results: SystemResult[]): string {
  const head = ['system', 'jobs/s', 'drain s', 'done p50 ms', 'done p95 ms', 'done p99 ms', 'pickup p50 ms', 'p95 ms', 'p99 ms', 'n'];
  const rows = results.map((r) => [
    r.label,
    r.throughput ? (r.throughput.drained ? fmt(r.throughput.jobsPerSecond, 0) : `${fmt(r.throughput.jobsPerSecond, 0)}*`) : '—',
    r.throughput ? (r.throughput.drained ? fmt(r.throughput.drainSeconds, 2) : `>300 (~${fmt(r.throughput.projectedDrainSeconds, 0)})`) : '—',
    fmt(r.turnaround?.p50Ms, 2),
    fmt(r.turnaround?.p95Ms, 2),
    fmt(r.turnaround?.p99Ms, 2),
    fmt(r.pickup?.p50Ms, 2),
    fmt(r.pickup?.p95Ms, 2),
    fmt(r.pickup?.p99Ms, 2),
    r.pickup ? String(r.pickup.samples) : '—',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => pad(c, widths[i]!, i > 0)).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w, i) => (i > 0 ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|', ...rows.map(line)].join('\n');
}

function ratios(results: SystemResult[]): Record<string, Record<string, number | null>> {
  const ai = results.find((r) => r.key === 'ai-worker');
  const out: Record<string, Record<string, number | null>> = {};
  if (!ai) return out;
  for (const r of results) {
    if (r === ai) continue;
    const q = (a: number | null | undefined, b: number | null | undefined) => (a && b ? round(a / b, 2) : null);
    out[r.key] = {
      // > 1: ai-worker drains faster.
      throughput: q(ai.throughput?.jobsPerSecond, r.throughput?.jobsPerSecond),
      // > 1: ai-worker picks up faster (other's latency / ai-worker's).
      turnaroundP50: q(r.turnaround?.p50Ms, ai.turnaround?.p50Ms),
      turnaroundP99: q(r.turnaround?.p99Ms, ai.turnaround?.p99Ms),
      pickupP50: q(r.pickup?.p50Ms, ai.pickup?.p50Ms),
      pickupP95: q(r.pickup?.p95Ms, ai.pickup?.p95Ms),
      pickupP99: q(r.pickup?.p99Ms, ai.pickup?.p99Ms),
    };
  }
  return out;
}

async function cleanup(): Promise<void> {
  for (const p of children) p.kill('SIGKILL');
  for (const db of databases) await dropDatabase(db).catch(() => {});
}

process.on('SIGINT', () => {
  console.error('\ninterrupted: stopping workers and dropping bench databases');
  void cleanup().finally(() => process.exit(130));
});

async function main(): Promise<void> {
  const only = args.get('only')?.split(',');
  const systems = only ? SYSTEMS.filter((s) => only.includes(s.key)) : SYSTEMS;
  const machine = await machineFacts(ADMIN_URL);
  console.log(`bench:queue — ${machine.cpuModel} × ${machine.cores}, Node ${machine.node}, ${String(machine.postgres).split(' on ')[0]}`);
  console.log(`concurrency ${CONCURRENCY} for every system; ${JOBS} jobs; ${PICKUPS} pickups (+${WARMUP} warm-up)\n`);
  const t0 = performance.now();
  const results: SystemResult[] = [];
  const running: Running[] = [];
  console.log(`starting ${systems.map((s) => s.label).join(', ')} (load average ${os.loadavg()[0]!.toFixed(2)})`);
  for (const sys of systems) {
    const started = await startSystem(sys);
    if ('child' in started) running.push(started);
    results.push('child' in started ? started.result : started);
  }
  try {
    const ai = running.find((r) => r.sys.key === 'ai-worker');
    if (FILL_FINISHED > 0 && ai) await fillFinished(ai);
    console.log(`pickup: ${PICKUPS} sequential inserts per system, in ${ROUNDS} interleaved rounds`);
    for (const [r, f] of await latencyRounds(running, 'pickup')) r.result.pickup = f;
    console.log(`turnaround: ${PICKUPS} sequential inserts per system, insert → row reads completed, in ${ROUNDS} interleaved rounds`);
    for (const [r, f] of await latencyRounds(running, 'turnaround')) r.result.turnaround = f;
    console.log(`throughput: ${DRAINS} rounds, one system at a time (the others started and idle), order rotating:`);
    await throughputRounds(running);
  } finally {
    for (const r of running) await stopSystem(r);
  }
  const r = ratios(results);
  console.log('\n' + table(results));
  for (const x of results)
    if (x.throughput?.drainRates) console.log(`${pad(x.label, 26)} drains: ${x.throughput.drainRates.join(', ')} jobs/s (median in the table)`);
  const filled = results.find((x) => x.turnaroundEmptyTable);
  if (filled?.turnaround && filled.turnaroundEmptyTable) {
    console.log(
      `\nai-worker turnaround p50 with ${filled.filledFinishedRows} finished rows ${fmt(filled.turnaround.p50Ms, 2)} ms vs ${fmt(filled.turnaroundEmptyTable.p50Ms, 2)} ms on the empty table: ×${fmt((filled.turnaround.p50Ms ?? 0) / (filled.turnaroundEmptyTable.p50Ms ?? 1), 2)}`,
    );
  }
  if (results.some((x) => x.throughput && !x.throughput.drained))
    console.log('* did not drain within 5 min: rate over the time it ran, projected drain time in brackets');
  console.log('\nai-worker vs each (throughput: ai/other jobs/s; pickup: other/ai latency; > 1 = ai-worker better):');
  for (const [k, v] of Object.entries(r)) {
    console.log(
      `  ${pad(k, 18)} throughput ×${fmt(v.throughput, 2)}  done p50 ×${fmt(v.turnaroundP50, 2)}  done p99 ×${fmt(v.turnaroundP99, 2)}  pickup p50 ×${fmt(v.pickupP50, 2)}  p95 ×${fmt(v.pickupP95, 2)}  p99 ×${fmt(v.pickupP99, 2)}`,
    );
  }
  const out = {
    benchmark: 'bench:queue',
    measuredAt: new Date().toISOString(),
    wallSeconds: round((performance.now() - t0) / 1000, 1),
    machine,
    method: {
      concurrency: CONCURRENCY,
      throughputJobs: JOBS,
      throughput:
        'no-op jobs inserted in one statement/API call; timed in the worker process from the insert call returning (commit) to the database showing no job left pending/running',
      fillFinished: FILL_FINISHED,
      rounds: `latency samples in ${ROUNDS} interleaved rounds of ${Math.ceil(PICKUPS / ROUNDS)} per system (order rotating), ${ROUND_WARMUP} warm-up inserts per turn after the first (${WARMUP}); every system started and idle throughout; throughput: ${DRAINS} drains per system, one system at a time, order rotating each round, the median drain reported (drainRates lists all)`,
      turnaround: `${PICKUPS} sequential single inserts after ${WARMUP} warm-up ones: just before the INSERT to the first back-to-back read (producer's connection) that shows the job completed (graphile-worker: deleted); budget ${PICKUP_BUDGET_MS / 1000} s per system`,
      pickup: `${PICKUPS} sequential single inserts after ${WARMUP} unrecorded warm-up ones, on the worker process's clock: just before the INSERT to the handler's first line; each insert waits for the previous handler start; time budget ${PICKUP_BUDGET_MS / 1000} s per system`,
      drainLimitSeconds: DRAIN_LIMIT_MS / 1000,
      giveUpRule: `after ${PROJECT_AFTER_MS / 1000} s, a system whose observed rate projects a drain over ${DRAIN_LIMIT_MS / 1000} s is stopped and reported as not draining`,
    },
    systems: results,
    ratiosAiWorkerVs: r,
  };
  if (args.has('no-write') || (only && !args.has('write'))) {
    console.log('\n(results not written: partial or --no-write run)');
  } else {
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    const file = FILL_FINISHED > 0 ? 'queue-filled.json' : 'queue.json';
    writeFileSync(path.join(ROOT, 'bench/results', file), JSON.stringify(out, null, 2) + '\n');
    console.log(`\nwrote bench/results/${file}`);
  }
  console.log(`total ${out.wallSeconds} s`);
}

main().then(
  () => process.exit(0),
  async (err) => {
    console.error(err);
    await cleanup();
    process.exit(1);
  },
);
