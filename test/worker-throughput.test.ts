import { test } from 'node:test';
import assert from 'node:assert/strict';
import { healthcheckHandler } from '../src/handlers/healthcheck.ts';
import type { JobHandler } from '../src/handlers/types.ts';
import { useFreshDatabase, waitUntil } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';

const db = useFreshDatabase('throughput');

/** The real healthcheck handler, observed: how many of its runs overlap inside one daemon. */
function observed(): { handler: JobHandler; maxConcurrent: () => number; runs: Map<string, number> } {
  let now = 0;
  let max = 0;
  const runs = new Map<string, number>();
  return {
    runs,
    maxConcurrent: () => max,
    handler: {
      ...healthcheckHandler,
      async run(input, ctx) {
        now++;
        max = Math.max(max, now);
        runs.set(ctx.jobId, (runs.get(ctx.jobId) ?? 0) + 1);
        try {
          // Yield to the event loop so overlapping runs can actually overlap.
          await new Promise((r) => setImmediate(r));
          return await healthcheckHandler.run(input, ctx);
        } finally {
          now--;
        }
      },
    },
  };
}

async function drain(n: number, daemons: number, concurrency: number) {
  await db.pool.query('truncate analysis_jobs cascade');
  const probes = Array.from({ length: daemons }, observed);
  const started = await Promise.all(probes.map((p) => startTestDaemon(db.url, { WORKER_CONCURRENCY: String(concurrency) }, { handlers: [p.handler] })));
  const completed = new Map<string, number>();
  let stale = 0;
  for (const d of started) {
    d.events.on('job:completed', (e) => completed.set(e.jobId, (completed.get(e.jobId) ?? 0) + 1));
    d.events.on('job:stale', () => stale++);
  }
  try {
    await db.pool.query(`insert into analysis_jobs (user_id, type) select gen_random_uuid(), 'healthcheck' from generate_series(1, $1)`, [n]);
    await waitUntil(
      async () => {
        const { rows } = await db.pool.query(`select count(*)::int as n from analysis_jobs where status = 'completed'`);
        return rows[0].n === n;
      },
      { timeoutMs: 120_000, intervalMs: 100, what: `${n} completions` },
    );
  } finally {
    await Promise.all(started.map((d) => d.stop()));
  }
  return { probes, completed, stale };
}

test('10,000 jobs inserted in one statement all complete exactly once, never more than WORKER_CONCURRENCY at a time', async () => {
  const { probes, completed, stale } = await drain(10_000, 1, 5);
  assert.equal(completed.size, 10_000);
  assert.ok(
    [...completed.values()].every((c) => c === 1),
    'one completion event per job',
  );
  assert.ok(
    [...probes[0]!.runs.values()].every((c) => c === 1),
    'each handler ran once per job',
  );
  assert.equal(stale, 0);
  assert.ok(probes[0]!.maxConcurrent() <= 5, `max concurrent ${probes[0]!.maxConcurrent()} <= 5`);
  assert.ok(probes[0]!.maxConcurrent() >= 2, 'the pool was actually used concurrently');
  const { rows } = await db.pool.query(
    `select count(*)::int as n, max(attempts) as max_attempts, min(attempts) as min_attempts,
            count(*) filter (where result = '{"ok": true}')::int as ok from analysis_jobs`,
  );
  assert.deepEqual(rows[0], { n: 10_000, max_attempts: 1, min_attempts: 1, ok: 10_000 });
});

test('three daemons at once still complete each job exactly once', async () => {
  const { probes, completed, stale } = await drain(10_000, 3, 5);
  assert.equal(completed.size, 10_000);
  assert.ok(
    [...completed.values()].every((c) => c === 1),
    'one completion per job across all daemons',
  );
  const handlerRuns = new Map<string, number>();
  for (const p of probes) for (const [id, c] of p.runs) handlerRuns.set(id, (handlerRuns.get(id) ?? 0) + c);
  assert.equal(handlerRuns.size, 10_000);
  assert.ok(
    [...handlerRuns.values()].every((c) => c === 1),
    'no job ran twice anywhere',
  );
  assert.equal(stale, 0);
  for (const p of probes) {
    assert.ok(p.maxConcurrent() <= 5);
    assert.ok(p.runs.size > 0, 'every daemon took a share');
  }
  const { rows } = await db.pool.query(`select max(attempts) as m from analysis_jobs`);
  assert.equal(rows[0].m, 1);
  const ledger = await db.pool.query(
    `select count(*)::int as outcomes, count(distinct job_id)::int as jobs, count(distinct worker_id)::int as workers from analysis_job_outcomes where status = 'completed'`,
  );
  assert.deepEqual(ledger.rows[0], { outcomes: 10_000, jobs: 10_000, workers: 3 }, 'the outcome ledger shows one completion per job, from all three daemons');
});
