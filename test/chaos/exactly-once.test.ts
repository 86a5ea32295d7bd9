import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useFreshDatabase, waitUntil } from '../support/database.ts';
import { spawnDaemon } from '../support/daemon.ts';
import { assertInvariants } from '../support/chaos.ts';

const db = useFreshDatabase('chaos_once');

test('four daemons x concurrency 16 x 10,000 jobs: exactly one completion each', async (t) => {
  const daemons = [1, 2, 3, 4].map((i) => spawnDaemon(db.url, { WORKER_CONCURRENCY: '16', WORKER_ID: `once-${i}` }));
  t.after(() => daemons.forEach((d) => d.proc.kill('SIGKILL')));
  await Promise.all(daemons.map((d) => d.port()));
  const started = Date.now();
  await db.pool.query(`insert into analysis_jobs (user_id, type) select gen_random_uuid(), 'healthcheck' from generate_series(1, 10000)`);
  await waitUntil(async () => (await db.pool.query(`select count(*)::int as n from analysis_jobs where status = 'completed'`)).rows[0].n === 10_000, {
    timeoutMs: 180_000,
    intervalMs: 200,
    what: '10,000 completions',
  });
  t.diagnostic(`drained in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const d of daemons) d.proc.kill('SIGTERM');
  const exits = await Promise.all(daemons.map((d) => d.exited));
  assert.deepEqual(
    exits.map((e) => e.code),
    [0, 0, 0, 0],
  );
  const inv = await assertInvariants(db.pool, 10_000);
  assert.equal(inv.completed, 10_000);
  const { rows } = await db.pool.query(
    `select count(*)::int as outcomes, count(distinct worker_id)::int as workers, max(attempt) as max_attempt from analysis_job_outcomes`,
  );
  assert.deepEqual(rows[0], { outcomes: 10_000, workers: 4, max_attempt: 1 });
});
