// Stress: the arrival rate steps up (5, 10, 20, 40, 80 jobs/s by default, 30 s each, the realistic
// mix, unique inputs, providers emulated at 2–8 s) until a step's p95 enqueue→done passes 20 s or
// its errors pass 1%. Jobs are enqueued over HTTP through enqueue-analysis (open loop: arrivals do
// not wait for answers); their completion is read from the database clock (completed_at −
// created_at), so thousands of outstanding jobs are not also polled over HTTP. Every 2 s the
// daemon (own process) reports CPU, event-loop use, the pg pool, running jobs, the Gemini limiter
// and a DB round trip; the queue depth comes from the database. What saturated first is named from
// those samples. Writes bench/results/stress.json. Options: --steps=5,10,… --concurrency=N --no-write.
// Bounded: ≤ steps × 30 s + 20 s, ≤ Σ rate × 30 jobs.
import os from 'node:os';
import { writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { GatewayClient } from '../scripts/demo/gateway-client.ts';
import { machineFacts } from './lib/machine.ts';
import { percentile, round } from './lib/stats.ts';
import type { DaemonSample } from './load/daemon-child.ts';
import { arg, chooseConcurrency } from './load/options.ts';
import { inputFor, MIX, typeFor } from './load/inputs.ts';
import { dist, sleep, table } from './load/report.ts';
import { ADMIN_URL, freshDatabase, gatewayEnv, startDaemonProcess, startEmulators, userToken } from './load/stack.ts';

const STEPS = (arg('steps') ?? '5,10,20,40,80').split(',').map(Number);
const STEP_S = 30;
const SETTLE_S = 20; // a step is judged once its youngest job is 20 s old: unfinished ones count as > 20 s
const LATENCY: [number, number] = [2000, 8000];
const P95_LIMIT_S = 20;
const ERROR_LIMIT_PCT = 1;
const USERS = 200; // spreads the per-user gateway rate limit (60/min) the way real users would
const TICK_MS = 100;

interface Job {
  id?: string;
  step: number;
  sentAt: number;
  enqueueMs?: number;
  error?: string;
  status?: string;
  e2eS?: number;
}

interface Sample extends DaemonSample {
  step: number;
  t_s: number;
  queue_pending: number;
  queue_processing: number;
}

/** Thresholds at which a resource counts as saturated; the first crossed, in time, "broke first". */
function saturation(s: Sample, concurrency: number): string[] {
  const out: string[] = [];
  if (s.running >= concurrency && s.queue_pending > concurrency) out.push('worker slots (WORKER_CONCURRENCY) full with a growing backlog');
  if (s.cpuCores >= 0.85 || s.eventLoopUtilization >= 0.85) out.push('daemon CPU / event loop');
  if (s.pool.waiting > 0) out.push('database pool (DATABASE_POOL_MAX): clients waiting');
  if (s.gemini && s.gemini.waiting > 0) out.push('Gemini rate limiter: callers waiting');
  if (s.dbRoundTripMs !== null && s.dbRoundTripMs > 50) out.push('database round trip > 50 ms');
  return out;
}

async function main(): Promise<void> {
  const machine = await machineFacts(ADMIN_URL);
  const concurrency = chooseConcurrency();
  const db = await freshDatabase('stress');
  const emu = await startEmulators(LATENCY);
  const daemon = await startDaemonProcess(
    gatewayEnv(db.url, { ...emu.env, GATEWAY_DB_POOL_MAX: '10', ...(concurrency.value ? { WORKER_CONCURRENCY: concurrency.value } : {}) }),
  );
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const jobs: Job[] = [];
  const samples: Sample[] = [];
  const inflight = new Set<Promise<void>>();
  let currentStep = 0;
  let stopMonitor = false;
  try {
    const api = new GatewayClient(daemon.base, 10_000);
    const tokens = await Promise.all(Array.from({ length: USERS }, () => userToken(randomUUID())));
    const salt = Date.now() % 1_000_000;
    const t0 = performance.now();
    await daemon.sample();

    // Completion and resource monitor: one query for the settled jobs, one sample of the daemon.
    const monitor = (async () => {
      while (!stopMonitor) {
        await sleep(2_000);
        const open = jobs.filter((j) => j.id && !j.status);
        if (open.length) {
          const { rows } = await pool.query<{ id: string; status: string; e2e: number }>(
            `select id::text, status, extract(epoch from coalesce(completed_at, updated_at) - created_at)::float8 as e2e
               from analysis_jobs where id = any($1::uuid[]) and status in ('completed','failed','cancelled')`,
            [open.map((j) => j.id!)],
          );
          const byId = new Map(rows.map((r) => [r.id, r]));
          for (const j of open) {
            const r = byId.get(j.id!);
            if (r) {
              j.status = r.status;
              j.e2eS = r.e2e;
            }
          }
        }
        try {
          const [s, q] = await Promise.all([
            daemon.sample(),
            pool.query<{ p: number; r: number }>(
              `select count(*) filter (where status='pending')::int as p, count(*) filter (where status='processing')::int as r from analysis_jobs`,
            ),
          ]);
          samples.push({ ...s, step: currentStep, t_s: round((performance.now() - t0) / 1000)!, queue_pending: q.rows[0]!.p, queue_processing: q.rows[0]!.r });
        } catch {
          // A missed sample is a gap in the evidence, not a reason to stop the run.
        }
      }
    })();

    const stepResults: Array<Record<string, any>> = [];
    const judge = (k: number) => {
      const mine = jobs.filter((j) => j.step === k);
      const now = performance.now();
      const errors = mine.filter((j) => j.error || (j.status && j.status !== 'completed')).length;
      // Unfinished jobs are counted at their age (≥ SETTLE_S): a lower bound that is enough to judge.
      const e2e = mine.filter((j) => !j.error).map((j) => j.e2eS ?? (now - j.sentAt) / 1000);
      const enq = mine.filter((j) => j.enqueueMs !== undefined).map((j) => j.enqueueMs!);
      const s = samples.filter((x) => x.step === k);
      const d = dist(e2e);
      const errorPct = mine.length ? (errors / mine.length) * 100 : 0;
      const r = {
        rate: STEPS[k],
        jobs: mine.length,
        completed: mine.filter((j) => j.status === 'completed').length,
        unfinished_at_judgement: mine.filter((j) => !j.error && !j.status).length,
        errors,
        error_pct: round(errorPct, 2),
        error_kinds: [...new Set(mine.filter((j) => j.error || (j.status && j.status !== 'completed')).map((j) => j.error ?? j.status))].slice(0, 5),
        e2e: d,
        enqueue_http_ms: { p50: round(percentile(enq, 50)), p95: round(percentile(enq, 95)) },
        daemon: {
          cpu_cores_mean: round(s.length ? s.reduce((a, x) => a + x.cpuCores, 0) / s.length : null),
          cpu_cores_max: round(s.length ? Math.max(...s.map((x) => x.cpuCores)) : null),
          event_loop_utilization_max: round(s.length ? Math.max(...s.map((x) => x.eventLoopUtilization)) : null),
          event_loop_delay_p99_ms_max: round(s.length ? Math.max(...s.map((x) => x.eventLoopDelayP99Ms)) : null),
          running_max: Math.max(0, ...s.map((x) => x.running)),
          pool_total_max: Math.max(0, ...s.map((x) => x.pool.total)),
          pool_waiting_max: Math.max(0, ...s.map((x) => x.pool.waiting)),
          gemini_waiting_max: Math.max(0, ...s.map((x) => x.gemini?.waiting ?? 0)),
          db_round_trip_ms_p95: round(
            percentile(
              s.map((x) => x.dbRoundTripMs ?? 0),
              95,
            ),
          ),
          queue_pending_at_step_end: s.at(-1)?.queue_pending ?? null,
        },
        broke: (d.p95_s ?? 0) > P95_LIMIT_S || errorPct > ERROR_LIMIT_PCT,
      };
      stepResults.push(r);
      console.error(
        `step ${r.rate}/s: ${r.jobs} jobs, p95 ${r.broke && r.unfinished_at_judgement ? '≥ ' : ''}${d.p95_s} s, errors ${r.error_pct}%, daemon CPU ${r.daemon.cpu_cores_mean} (max ${r.daemon.cpu_cores_max}), running max ${r.daemon.running_max}, pool waiting max ${r.daemon.pool_waiting_max}, pending at end ${r.daemon.queue_pending_at_step_end}${r.broke ? '  ← broke' : ''}`,
      );
      return r;
    };

    let broken: Record<string, any> | undefined;
    let k = 0;
    for (; k < STEPS.length && !broken; k++) {
      currentStep = k;
      const rate = STEPS[k]!;
      const stepStart = performance.now();
      let owed = 0;
      let tick = 0;
      while (performance.now() - stepStart < STEP_S * 1000) {
        owed += (rate * TICK_MS) / 1000;
        for (; owed >= 1; owed--) {
          const n = jobs.length;
          const job: Job = { step: k, sentAt: performance.now() };
          jobs.push(job);
          const type = typeFor(n);
          const p = api
            .post('enqueue-analysis', { type, input: inputFor(type, n, salt) }, tokens[n % USERS]!)
            .then(
              (r) => {
                job.enqueueMs = performance.now() - job.sentAt;
                if (r.status === 202 && typeof r.body.job_id === 'string') job.id = r.body.job_id;
                else job.error = `HTTP ${r.status} ${(r.body.error as { code?: string } | undefined)?.code ?? ''}`.trim();
              },
              (err: Error) => {
                job.error = err.name === 'TimeoutError' ? 'enqueue timeout' : err.message;
              },
            )
            .finally(() => inflight.delete(p));
          inflight.add(p);
        }
        tick++;
        await sleep(Math.max(0, stepStart + tick * TICK_MS - performance.now()));
      }
      // The previous step's youngest job is now ≥ 30 s old: judge it.
      if (k > 0) {
        const r = judge(k - 1);
        if (r.broke) broken = r;
      }
    }
    const lastStep = k - 1;
    await Promise.all(inflight);
    if (!broken) {
      await sleep(SETTLE_S * 1000);
      const r = judge(lastStep);
      if (r.broke) broken = r;
    } else {
      judge(lastStep); // the step that ran while the breaking one was being judged
    }
    stopMonitor = true;
    await monitor;

    // What saturated first: the earliest sample, from the start, crossing any threshold.
    const conc = daemon.concurrency;
    const firstCross: Array<{ resource: string; t_s: number; step_rate: number }> = [];
    for (const s of samples) {
      for (const what of saturation(s, conc)) {
        if (!firstCross.some((f) => f.resource === what)) firstCross.push({ resource: what, t_s: s.t_s, step_rate: STEPS[s.step]! });
      }
    }
    const out = {
      bench: 'stress: stepped arrival rate through enqueue-analysis until p95 enqueue→done > 20 s or errors > 1%',
      date: new Date().toISOString(),
      machine: { ...machine, loadAverageAtEnd: os.loadavg().map((x) => round(x)) },
      setup: {
        steps_jobs_per_s: STEPS,
        step_s: STEP_S,
        judged_after_s: SETTLE_S,
        mix: Object.fromEntries(MIX),
        inputs: 'unique per job (no cache hits)',
        provider_latency_ms: LATENCY,
        worker_concurrency: conc,
        worker_concurrency_source: concurrency.source,
        database_pool_max: daemon.poolMax,
        gateway_db_pool_max: 10,
        gemini_rpm: '10000 (Gemini is never called: Ollama and YOLO are up)',
        users: USERS,
        e2e_definition: 'analysis_jobs.completed_at − created_at (database clock); enqueue HTTP latency reported separately',
        thresholds: {
          running: 'running ≥ concurrency and pending > concurrency',
          cpu: '≥ 0.85 cores or event-loop utilisation ≥ 0.85',
          pool: 'waiting > 0',
          gemini: 'waiting > 0',
          db_round_trip_ms: 50,
        },
      },
      steps: stepResults,
      breaking_point: broken
        ? {
            rate_jobs_per_s: broken.rate,
            last_sustained_jobs_per_s: stepResults.filter((r) => !r.broke && r.rate < broken!.rate).at(-1)?.rate ?? null,
            reason:
              (broken.e2e.p95_s ?? 0) > P95_LIMIT_S ? `p95 ${broken.e2e.p95_s} s > ${P95_LIMIT_S} s` : `errors ${broken.error_pct}% > ${ERROR_LIMIT_PCT}%`,
          }
        : null,
      saturated_first: firstCross,
      samples,
      provider_requests: emu.requests(),
    };
    // --no-write: exploratory runs (another concurrency) that must not replace the recorded figures.
    if (!process.argv.includes('--no-write')) await writeFile(new URL('./results/stress.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
    console.log(
      table(
        ['jobs/s', 'jobs', 'p50 s', 'p95 s', 'errors %', 'daemon CPU mean', 'running max', 'pool waiting max', 'DB RTT p95 ms', 'pending at end', 'broke'],
        stepResults.map((r) => [
          r.rate,
          r.jobs,
          r.e2e.p50_s,
          r.e2e.p95_s,
          r.error_pct,
          r.daemon.cpu_cores_mean,
          r.daemon.running_max,
          r.daemon.pool_waiting_max,
          r.daemon.db_round_trip_ms_p95,
          r.daemon.queue_pending_at_step_end,
          r.broke ? 'yes' : 'no',
        ]),
      ),
    );
    console.log(
      `\nWORKER_CONCURRENCY ${conc} (${concurrency.source}). Breaking point: ${out.breaking_point ? `${out.breaking_point.rate_jobs_per_s} jobs/s (${out.breaking_point.reason}); last sustained ${out.breaking_point.last_sustained_jobs_per_s ?? 'none'} jobs/s` : 'not reached'}`,
    );
    console.log(
      `saturated first: ${firstCross.length ? firstCross.map((f) => `${f.resource} (at ${f.t_s} s, step ${f.step_rate}/s)`).join('; ') : 'nothing crossed its threshold'}`,
    );
  } finally {
    stopMonitor = true;
    await Promise.allSettled(inflight);
    await daemon.stop();
    await pool.end();
    await emu.close();
    await db.drop();
  }
}

await main();
