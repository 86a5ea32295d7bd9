// End to end as the app sees it: 50 virtual users, each with its own signed JWT, each running
// ITERATIONS rounds of: POST /functions/v1/enqueue-analysis (a realistic mix of the five types,
// unique inputs) → GET get-analysis-status every 500 ms until the job is done. Providers (emulated)
// answer in 2–8 s. The daemon runs in its own process and hosts the edge functions; the users and
// the emulators run here. A job not done 60 s after its enqueue is a timeout.
// Writes bench/results/e2e.json. Options: --users=N --iterations=N --concurrency=N.
// Bounded: at most ramp + iterations × 60 s (≈ 3 minutes).
import os from 'node:os';
import { writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { GatewayClient } from '../scripts/demo/gateway-client.ts';
import { machineFacts } from './lib/machine.ts';
import { round } from './lib/stats.ts';
import type { DaemonSample } from './load/daemon-child.ts';
import { arg, chooseConcurrency } from './load/options.ts';
import { inputFor, MIX, typeFor } from './load/inputs.ts';
import { dist, sleep, table } from './load/report.ts';
import { ADMIN_URL, freshDatabase, gatewayEnv, startDaemonProcess, startEmulators, userToken } from './load/stack.ts';

const USERS = Number(arg('users') ?? 50);
const ITERATIONS = Number(arg('iterations') ?? 3);
const LATENCY: [number, number] = [2000, 8000];
const POLL_MS = 500;
const TIMEOUT_MS = 60_000;
const RAMP_MS = 5_000; // users arrive over the first 5 s, not in one instant
const TARGET_P95_S = 20;
const TARGET_TIMEOUT_PCT = 0.1;

interface Outcome {
  type: string;
  outcome: 'completed' | 'cached' | 'failed' | 'timeout' | 'enqueue_error' | 'status_error';
  e2eS?: number;
  detail?: string;
}

async function main(): Promise<void> {
  const machine = await machineFacts(ADMIN_URL);
  const concurrency = chooseConcurrency();
  const db = await freshDatabase('e2e');
  const emu = await startEmulators(LATENCY);
  const daemon = await startDaemonProcess(
    gatewayEnv(db.url, {
      ...emu.env,
      ...(concurrency.value ? { WORKER_CONCURRENCY: concurrency.value } : {}),
    }),
  );
  const samples: DaemonSample[] = [];
  const outcomes: Outcome[] = [];
  let statusPolls = 0;
  const pollMs: number[] = [];
  try {
    const api = new GatewayClient(daemon.base, 10_000);
    const tokens = await Promise.all(Array.from({ length: USERS }, () => userToken(randomUUID())));
    await daemon.sample();
    const sampler = setInterval(
      () =>
        void daemon.sample().then(
          (s) => samples.push(s),
          () => {},
        ),
      2_000,
    );
    const t0 = performance.now();
    let seq = 0;
    const salt = Date.now() % 1_000_000;

    const oneJob = async (token: string): Promise<Outcome> => {
      const n = seq++;
      const type = typeFor(n);
      const start = performance.now();
      let jobId: string;
      try {
        const r = await api.post('enqueue-analysis', { type, input: inputFor(type, n, salt) }, token);
        // A cache hit is a right answer, but it means the inputs were not unique: counted apart.
        if (r.status === 200 && r.body.cached === true) return { type, outcome: 'cached', e2eS: (performance.now() - start) / 1000 };
        if (r.status !== 202 || typeof r.body.job_id !== 'string')
          return { type, outcome: 'enqueue_error', detail: `HTTP ${r.status} ${JSON.stringify(r.body.error ?? r.body.status)}` };
        jobId = r.body.job_id;
      } catch (err) {
        return { type, outcome: 'enqueue_error', detail: (err as Error).message };
      }
      // Polling at a fixed interval is the scenario (that is what the app does), not a wait.
      while (performance.now() - start < TIMEOUT_MS) {
        await sleep(POLL_MS);
        const p0 = performance.now();
        let r;
        try {
          r = await api.status(jobId, token);
        } catch {
          continue; // one lost poll is retried at the next tick; the timeout bounds it
        } finally {
          statusPolls++;
          pollMs.push(performance.now() - p0);
        }
        if (r.status !== 200) return { type, outcome: 'status_error', detail: `HTTP ${r.status}` };
        const s = r.body.status;
        if (s === 'completed') return { type, outcome: 'completed', e2eS: (performance.now() - start) / 1000 };
        if (s === 'failed' || s === 'cancelled')
          return {
            type,
            outcome: 'failed',
            e2eS: (performance.now() - start) / 1000,
            detail: JSON.stringify((r.body.error as { code?: string } | null)?.code ?? s),
          };
      }
      return { type, outcome: 'timeout' };
    };

    await Promise.all(
      tokens.map(async (token, u) => {
        await sleep((u / USERS) * RAMP_MS);
        for (let i = 0; i < ITERATIONS; i++) outcomes.push(await oneJob(token));
      }),
    );
    const wallS = (performance.now() - t0) / 1000;
    clearInterval(sampler);

    const completed = outcomes.filter((o) => o.outcome === 'completed');
    const e2e = completed.map((o) => o.e2eS!);
    const count = (k: Outcome['outcome']) => outcomes.filter((o) => o.outcome === k).length;
    const byType = Object.fromEntries(
      MIX.map(([type]) => {
        const mine = outcomes.filter((o) => o.type === type);
        return [
          type,
          {
            jobs: mine.length,
            ...dist(mine.filter((o) => o.outcome === 'completed').map((o) => o.e2eS!)),
            timeouts: mine.filter((o) => o.outcome === 'timeout').length,
          },
        ];
      }),
    );
    const cpu = samples.map((s) => s.cpuCores);
    const overall = dist(e2e);
    const timeoutPct = round((count('timeout') / outcomes.length) * 100, 3)!;
    const errors = count('enqueue_error') + count('status_error') + count('failed');
    const out = {
      bench: 'end to end: 50 users × enqueue-analysis → poll get-analysis-status, providers emulated at 2–8 s per call',
      date: new Date().toISOString(),
      machine: { ...machine, loadAverageAtEnd: os.loadavg().map((x) => round(x)) },
      setup: {
        users: USERS,
        iterations_per_user: ITERATIONS,
        ramp_s: RAMP_MS / 1000,
        poll_interval_ms: POLL_MS,
        timeout_s: TIMEOUT_MS / 1000,
        mix: Object.fromEntries(MIX),
        inputs: 'unique per job (no cache hits)',
        provider_latency_ms: LATENCY,
        worker_concurrency: concurrency.value ? Number(concurrency.value) : daemon.concurrency,
        worker_concurrency_source: concurrency.source,
        database_pool_max: daemon.poolMax,
        gemini_rpm: '10000 — not the limit; Gemini is never called (Ollama and YOLO are up)',
        daemon: 'own process (bench/load/daemon-child.ts), SERVE_FUNCTIONS=true, all *_USE_ASYNC=true; users and emulators in the bench process',
      },
      results: {
        jobs: outcomes.length,
        completed: completed.length,
        failed: count('failed'),
        timeouts: count('timeout'),
        timeout_pct: timeoutPct,
        cache_hits: count('cached'),
        enqueue_errors: count('enqueue_error'),
        status_errors: count('status_error'),
        error_details: [...new Set(outcomes.filter((o) => o.detail).map((o) => `${o.outcome}: ${o.detail}`))].slice(0, 10),
        wall_s: round(wallS),
        throughput_jobs_per_s: round(completed.length / wallS),
        end_to_end: overall,
        by_type: byType,
        status_polls: statusPolls,
        status_poll_ms: dist(pollMs.map((x) => x / 1000)), // seconds, like the rest
        daemon: {
          cpu_cores_mean: round(cpu.length ? cpu.reduce((a, b) => a + b, 0) / cpu.length : null),
          cpu_cores_max: round(cpu.length ? Math.max(...cpu) : null),
          running_max: Math.max(0, ...samples.map((s) => s.running)),
          pool_waiting_max: Math.max(0, ...samples.map((s) => s.pool.waiting)),
          db_round_trip_ms_max: round(Math.max(0, ...samples.map((s) => s.dbRoundTripMs ?? 0))),
        },
        provider_requests: emu.requests(),
      },
      targets: {
        p95_s: TARGET_P95_S,
        timeout_pct: TARGET_TIMEOUT_PCT,
        met: (overall.p95_s ?? Infinity) < TARGET_P95_S && timeoutPct < TARGET_TIMEOUT_PCT && errors === 0,
      },
    };
    await writeFile(new URL('./results/e2e.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
    console.log(
      table(
        ['type', 'jobs', 'p50 s', 'p95 s', 'p99 s', 'max s', 'timeouts'],
        [
          ...Object.entries(byType).map(([t, d]) => [t, d.jobs, d.p50_s, d.p95_s, d.p99_s, d.max_s, d.timeouts]),
          ['all', outcomes.length, overall.p50_s, overall.p95_s, overall.p99_s, overall.max_s, count('timeout')],
        ],
      ),
    );
    console.log(
      `\n${USERS} users × ${ITERATIONS}, WORKER_CONCURRENCY ${out.setup.worker_concurrency} (${concurrency.source}): ${completed.length}/${outcomes.length} completed in ${round(wallS)} s = ${out.results.throughput_jobs_per_s} jobs/s; ` +
        `timeouts ${count('timeout')} (${timeoutPct}%), failed ${count('failed')}, enqueue errors ${count('enqueue_error')}, status errors ${count('status_error')}; ` +
        `daemon CPU mean ${out.results.daemon.cpu_cores_mean} cores. Target p95 < ${TARGET_P95_S} s and timeouts < ${TARGET_TIMEOUT_PCT}%: ${out.targets.met ? 'met' : 'missed'}`,
    );
  } finally {
    await daemon.stop();
    await emu.close();
    await db.drop();
  }
}

await main();
