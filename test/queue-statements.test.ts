// The queue's statements do their own bookkeeping (issue 15): no row trigger runs for a claim, a
// lease renewal or a settle, and each move out of processing writes exactly one ledger row with the
// holder's id. EXPLAIN ANALYZE lists every trigger a statement fired, so the test reads it there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  claimJobs,
  CLAIM_SQL,
  COMPLETE_MANY_SQL,
  COMPLETE_ONE_SQL,
  completeJobs,
  CANCEL_MANY_SQL,
  FAIL_OR_RETRY_MANY_SQL,
  failOrRetryJobs,
  RECORD_DELIVERY_SQL,
  recoverLapsedLeases,
  RELEASE_SQL,
  RENEW_SQL,
  SNOOZE_MANY_SQL,
} from '../src/queue/jobs.ts';
import type { DatabaseConfig } from '../src/config.ts';
import { createPool } from '../src/db/pool.ts';
import { useFreshDatabase } from './support/database.ts';

const db = useFreshDatabase('queue_statements');

async function explainTriggers(
  c: { query: (t: string, v: unknown[]) => Promise<{ rows: Array<Record<string, string>> }> },
  text: string,
  values: unknown[],
): Promise<string[]> {
  // Its own transaction, rolled back: as in production, each statement runs in a transaction of its own.
  await c.query('begin', []);
  const { rows } = await c.query(`explain (analyze, costs off, timing off) ${text}`, values);
  await c.query('rollback', []);
  return rows.map((r) => r['QUERY PLAN']!).filter((l) => l.startsWith('Trigger '));
}

test('claim, renewal, completion and failure fire no row trigger; the ledger gets one row per final move, with the holder', async () => {
  await db.pool.query(`insert into analysis_jobs (user_id, type, max_attempts) select gen_random_uuid(), 'healthcheck', 1 from generate_series(1, 3)`);
  const c = await db.pool.connect();
  try {
    assert.deepEqual(await explainTriggers(c, CLAIM_SQL, ['w1', 3, 30, [], 100, [], []]), []);
    const { jobs } = await claimJobs(c, 'w1', 3, 30);
    assert.equal(jobs.length, 3);
    assert.ok(jobs.every((j) => j.locked_by === 'w1'));
    assert.deepEqual(await explainTriggers(c, RENEW_SQL, [jobs.map((j) => j.id), jobs.map((j) => j.lease_token), 30]), []);
    const [a, b, f] = jobs as [(typeof jobs)[0], (typeof jobs)[0], (typeof jobs)[0]];
    const payload = JSON.stringify([a, b].map((j) => ({ id: j.id, lease_token: j.lease_token, result: { ok: true }, locked_by: j.locked_by })));
    assert.deepEqual(await explainTriggers(c, COMPLETE_MANY_SQL, [payload]), []);
    const failure = JSON.stringify([
      { id: f.id, lease_token: f.lease_token, permanent: true, error: { code: 'x', message: 'y' }, delay_ms: 0, locked_by: 'w1' },
    ]);
    assert.deepEqual(await explainTriggers(c, FAIL_OR_RETRY_MANY_SQL, [failure]), []);
    const applied = await completeJobs(
      c,
      [a, b].map((j) => ({ id: j.id, lease_token: j.lease_token, result: { ok: true }, locked_by: j.locked_by })),
    );
    assert.equal(applied.size, 2);
    const failed = await failOrRetryJobs(c, [{ ...f, error: { code: 'handler_error', message: 'y' }, permanent: true, delayMs: 0 }]);
    assert.equal(failed.get(f.id)?.status, 'failed');
    // Settling again is stale and writes nothing.
    assert.equal((await completeJobs(c, [{ id: a.id, lease_token: a.lease_token, result: {}, locked_by: 'w1' }])).size, 0);
  } finally {
    c.release();
  }
  const { rows } = await db.pool.query(`select o.status, o.worker_id, o.attempt, j.updated_at > j.created_at as touched
                                          from analysis_job_outcomes o join analysis_jobs j on j.id = o.job_id order by o.status`);
  assert.deepEqual(
    rows.map((r) => [r.status, r.worker_id, r.attempt, r.touched]),
    [
      ['completed', 'w1', 1, true],
      ['completed', 'w1', 1, true],
      ['failed', 'w1', 1, true],
    ],
  );
});

test('the sweep records lapsed jobs that end (failed, cancelled) with the daemon that lost them; a pending cancel still reaches the ledger', async () => {
  const failing = randomUUID();
  const cancelling = randomUUID();
  await db.pool.query(
    `insert into analysis_jobs (id, user_id, type, status, attempts, max_attempts, locked_by, lease_token, locked_until, cancel_requested_at)
     values ($1, gen_random_uuid(), 'healthcheck', 'processing', 1, 1, 'dead-1', gen_random_uuid(), now() - interval '1 s', null),
            ($2, gen_random_uuid(), 'healthcheck', 'processing', 1, 3, 'dead-2', gen_random_uuid(), now() - interval '1 s', now())`,
    [failing, cancelling],
  );
  const pendingCancel = randomUUID();
  await db.pool.query(`insert into analysis_jobs (id, user_id, type) values ($1, gen_random_uuid(), 'healthcheck')`, [pendingCancel]);
  await db.pool.query('select request_analysis_cancel($1)', [pendingCancel]);
  await recoverLapsedLeases(db.pool);
  const { rows } = await db.pool.query(`select job_id, status, worker_id from analysis_job_outcomes where job_id = any($1) order by status, job_id`, [
    [failing, cancelling, pendingCancel],
  ]);
  const got = new Map(rows.map((r) => [r.job_id, [r.status, r.worker_id]]));
  assert.equal(rows.length, 3);
  assert.deepEqual(got.get(failing), ['failed', 'dead-1']);
  assert.deepEqual(got.get(cancelling), ['cancelled', 'dead-2']);
  assert.deepEqual(got.get(pendingCancel), ['cancelled', null]);
});

test("deleting jobs deletes their ledger rows (what the foreign key's cascade did)", async () => {
  const id = randomUUID();
  await db.pool.query(`insert into analysis_jobs (id, user_id, type) values ($1, gen_random_uuid(), 'healthcheck')`, [id]);
  await db.pool.query('select request_analysis_cancel($1)', [id]);
  assert.equal((await db.pool.query('select count(*)::int as n from analysis_job_outcomes where job_id = $1', [id])).rows[0].n, 1);
  await db.pool.query('delete from analysis_jobs where id = $1', [id]);
  assert.equal((await db.pool.query('select count(*)::int as n from analysis_job_outcomes where job_id = $1', [id])).rows[0].n, 0);
});

test('truncating the jobs empties the ledger (what the foreign key made `truncate … cascade` do)', async () => {
  const id = randomUUID();
  await db.pool.query(`insert into analysis_jobs (id, user_id, type) values ($1, gen_random_uuid(), 'healthcheck')`, [id]);
  await db.pool.query('select request_analysis_cancel($1)', [id]);
  await db.pool.query('truncate analysis_jobs cascade');
  assert.equal((await db.pool.query('select count(*)::int as n from analysis_job_outcomes')).rows[0].n, 0);
});

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

test("the claim's cached plan, made while the table was nearly empty, reads each candidate once when a backlog arrives", async () => {
  // The trap (issue 15, second pass): the claim is prepared once per connection and its generic plan
  // kept until the next ANALYZE; planned for "one pending row", it rescanned the claim index for every
  // candidate. Forcing the generic plan makes the test independent of the planner's cost comparison.
  const c = await db.pool.connect();
  try {
    await c.query('set plan_cache_mode = force_generic_plan');
    await c.query(`update analysis_jobs set status = 'cancelled', completed_at = now() where status = 'pending'`);
    for (let i = 0; i < 3; i++) {
      await c.query(`insert into analysis_jobs (user_id, type) values (gen_random_uuid(), 'healthcheck')`);
      const [job] = (await claimJobs(c, 'w-plan', 1, 30)).jobs;
      assert.ok(job);
      assert.equal((await completeJobs(c, [{ id: job.id, lease_token: job.lease_token, result: {}, locked_by: job.locked_by }])).size, 1);
    }
    await c.query(`insert into analysis_jobs (user_id, type) select gen_random_uuid(), 'healthcheck' from generate_series(1, 2000)`);
    await c.query('begin');
    const { rows } = await c.query(`explain (analyze, costs off, timing off, format json) execute "ai-worker.claim"('w-plan', 50, 30, '{}', 100, '{}', '{}')`);
    await c.query('rollback');
    const nodes = planNodes((rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan);
    const claimIndexScans = nodes.filter((n) => n['Index Name'] === 'analysis_jobs_claim_idx');
    assert.equal(claimIndexScans.length, 1, 'the claim index is read by the candidate scan only');
    assert.equal(claimIndexScans[0]!['Actual Loops'], 1);
    // The lock step re-reads each candidate by its tuple id, whatever the estimates.
    assert.ok(
      nodes.some((n) => n['Node Type'] === 'Tid Scan'),
      nodes.map((n) => n['Node Type']).join(', '),
    );
  } finally {
    await c.query('reset plan_cache_mode');
    await c.query(`update analysis_jobs set status = 'cancelled', completed_at = now() where status = 'pending'`);
    c.release();
  }
});

test('the claim reads the claim index even when the statistics say every row is of one type', async () => {
  // The second trap (bench:queue, through auto_explain): `type <> all($4)` in the generic plan was
  // estimated from the type column's statistics; with one type analysed, no row was expected to pass,
  // and the candidates came from a scan of the whole table, dead row versions included, on every claim.
  const c = await db.pool.connect();
  try {
    await c.query(`update analysis_jobs set status = 'cancelled', completed_at = now() where status = 'pending'`);
    await c.query(`insert into analysis_jobs (user_id, type) select gen_random_uuid(), 'healthcheck' from generate_series(1, 5000)`);
    await c.query('analyze analysis_jobs');
    await c.query('set plan_cache_mode = force_generic_plan');
    await c.query(`prepare claim_probe (text, int, int, text[], int, text[], int[]) as ${CLAIM_SQL}`);
    await c.query('begin');
    const { rows } = await c.query(`explain (analyze, costs off, timing off, format json) execute claim_probe('w-stats', 100, 30, '{}', 200, '{}', '{}')`);
    await c.query('rollback');
    await c.query('deallocate claim_probe');
    const nodes = planNodes((rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan);
    const scans = nodes.filter((n) => n['Relation Name'] === 'analysis_jobs' && n['Node Type'] === 'Seq Scan');
    assert.deepEqual(scans, [], 'no sequential scan of the jobs table');
    assert.ok(nodes.some((n) => n['Index Name'] === 'analysis_jobs_claim_idx'));
  } finally {
    await c.query('reset plan_cache_mode');
    await c.query(`update analysis_jobs set status = 'cancelled', completed_at = now() where status = 'pending'`);
    c.release();
  }
});

test("a claim's own commit does not wait for the WAL flush; the connection's setting is left as it was", async () => {
  await db.pool.query(`insert into analysis_jobs (user_id, type) values (gen_random_uuid(), 'healthcheck')`);
  const c = await db.pool.connect();
  try {
    // Inside an explicit transaction the statement's local setting is visible before the commit.
    await c.query('begin');
    assert.equal((await claimJobs(c, 'w-async', 1, 30)).jobs.length, 1);
    assert.equal((await c.query('show synchronous_commit')).rows[0].synchronous_commit, 'off');
    await c.query('rollback');
    // As the worker runs it (its own transaction), the next statement on the connection commits durably.
    assert.equal((await claimJobs(c, 'w-async', 1, 30)).jobs.length, 1);
    assert.equal((await c.query('show synchronous_commit')).rows[0].synchronous_commit, 'on');
  } finally {
    c.release();
  }
});

/**
 * Three pending rows and statistics that say so (the state a generic plan is made in before a burst),
 * and a pool with the daemon's own connection settings (src/db/pool.ts: sequential scans off).
 */
async function threeRowsAnalyzed(poolMax: number) {
  await db.pool.query(`insert into analysis_jobs (user_id, type) select gen_random_uuid(), 'healthcheck' from generate_series(1, 3)`);
  await db.pool.query('analyze analysis_jobs');
  const config: DatabaseConfig = { url: db.url, poolMax, statementTimeoutMs: 30_000, listenerQueryTimeoutMs: 5_000, listenerPingMs: 10_000 };
  return createPool(config, 'queue-statements');
}

test("the daemon's connections plan the claim without a sequential scan even when the table was analyzed nearly empty", async () => {
  // The hazard behind sql/053's removed ANALYZE: statistics that say "a few rows", a generic plan made
  // from them, then a burst. The daemon's pool turns sequential scans off (src/db/pool.ts).
  await db.pool.query('delete from analysis_jobs');
  await db.pool.query('vacuum analyze analysis_jobs');
  const pool = await threeRowsAnalyzed(1);
  const c = await pool.connect();
  try {
    await c.query('set plan_cache_mode = force_generic_plan');
    await c.query(`prepare claim_tiny (text, int, int, text[], int, text[], int[]) as ${CLAIM_SQL}`);
    // The first execution makes and caches the generic plan, while the table still holds three rows.
    await c.query('begin');
    await c.query(`execute claim_tiny('w-tiny', 100, 30, '{}', 200, '{}', '{}')`);
    await c.query('rollback');
    await c.query(`insert into analysis_jobs (user_id, type) select gen_random_uuid(), 'healthcheck' from generate_series(1, 2000)`);
    await c.query('begin');
    const { rows } = await c.query(`explain (analyze, costs off, timing off, format json) execute claim_tiny('w-tiny', 100, 30, '{}', 200, '{}', '{}')`);
    await c.query('rollback');
    const nodes = planNodes((rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan);
    const scans = nodes.filter((n) => n['Relation Name'] === 'analysis_jobs' && n['Node Type'] === 'Seq Scan');
    assert.deepEqual(scans, [], 'no sequential scan of the jobs table');
  } finally {
    c.release();
    await pool.end();
  }
});

test('a claim whose eligible rows another claim holds says so (contended); one that found nothing due does not', async () => {
  await db.pool.query('truncate analysis_jobs cascade');
  await db.pool.query(`insert into analysis_jobs (user_id, type) select gen_random_uuid(), 'healthcheck' from generate_series(1, 4)`);
  const holder = await db.pool.connect();
  const other = await db.pool.connect();
  try {
    // A neighbour's claim, not yet committed, holds every due row.
    await holder.query('begin');
    assert.equal((await claimJobs(holder, 'w-holder', 4, 30)).jobs.length, 4);
    assert.deepEqual(await claimJobs(other, 'w-other', 2, 30), { jobs: [], contended: true });
    await holder.query('commit');
    // Committed: those rows are no longer due for anyone, so nothing is contended.
    assert.deepEqual(await claimJobs(other, 'w-other', 2, 30), { jobs: [], contended: false });
    // Part held, part free: the free ones are claimed; the held ones make it contended.
    await db.pool.query(`insert into analysis_jobs (user_id, type) select gen_random_uuid(), 'healthcheck' from generate_series(1, 3)`);
    await holder.query('begin');
    assert.equal((await claimJobs(holder, 'w-holder', 2, 30)).jobs.length, 2);
    const partial = await claimJobs(other, 'w-other', 3, 30);
    assert.equal(partial.jobs.length, 1);
    assert.equal(partial.contended, true);
    await holder.query('rollback');
  } finally {
    holder.release();
    other.release();
  }
});

test("a job committed after the claim's transaction began but before its snapshot is due to that claim", async () => {
  await db.pool.query('truncate analysis_jobs cascade');
  const claimer = await db.pool.connect();
  try {
    // now() is fixed when a transaction begins; a statement's snapshot comes later. Here the gap is
    // made wide on purpose: a transaction is open, then a job is inserted (run_at = the inserter's
    // now(), later than the claimer's), then the claim runs in that transaction, seeing the row.
    await claimer.query('begin');
    await claimer.query('select now()');
    const { rows } = await db.pool.query(`insert into analysis_jobs (user_id, type) values (gen_random_uuid(), 'healthcheck') returning id`);
    const { jobs } = await claimJobs(claimer, 'w-late', 1, 30);
    assert.deepEqual(
      jobs.map((j) => j.id),
      [rows[0].id],
      'due by the clock when the claim runs, not by its transaction start',
    );
    await claimer.query('rollback');
  } finally {
    claimer.release();
  }
});

test('every fenced statement reads its rows by primary key, whether its plan was made on three rows or after thousands of jobs', async () => {
  // The trap (src/queue/jobs.ts, "How the fenced statements name their rows"): a settle whose generic
  // plan read the rows through the active index scanned every processing entry left dead since the
  // last VACUUM, once per completion. Each statement is planned once on a table analyzed with three
  // rows and once with fresh statistics after 2,000 jobs have gone through it, and run both times
  // over those 2,000 dead entries.
  await db.pool.query('truncate analysis_jobs cascade');
  const pool = await threeRowsAnalyzed(2);
  const c = await pool.connect();
  const lit = (v: unknown) => c.escapeLiteral(typeof v === 'string' ? v : JSON.stringify(v));
  try {
    const [held] = (await claimJobs(c, 'w-fence', 1, 300)).jobs;
    assert.ok(held);
    const one = { id: held.id, lease_token: held.lease_token, locked_by: 'w-fence' };
    const error = { code: 'x', message: 'x' };
    const statements: Array<{ name: string; text: string; types: string; args: string }> = [
      { name: 'renew', text: RENEW_SQL, types: 'uuid[], uuid[], int', args: `array[${lit(held.id)}]::uuid[], array[${lit(held.lease_token)}]::uuid[], 30` },
      { name: 'complete', text: COMPLETE_MANY_SQL, types: 'jsonb', args: lit([{ ...one, result: { ok: true } }]) },
      {
        name: 'complete_one',
        text: COMPLETE_ONE_SQL,
        types: 'uuid, uuid, jsonb, text, text, int, int, jsonb, text, text, text',
        args: `${lit(held.id)}, ${lit(held.lease_token)}, '{"ok": true}', null, null, null, null, null, null, null, 'w-fence'`,
      },
      { name: 'fail', text: FAIL_OR_RETRY_MANY_SQL, types: 'jsonb', args: lit([{ ...one, permanent: false, error, delay_ms: 0 }]) },
      { name: 'snooze', text: SNOOZE_MANY_SQL, types: 'jsonb', args: lit([{ ...one, error, delay_ms: 0, max_snoozes: 3 }]) },
      { name: 'cancel', text: CANCEL_MANY_SQL, types: 'jsonb', args: lit([{ ...one, message: 'x' }]) },
      { name: 'release', text: RELEASE_SQL, types: 'uuid[], uuid[]', args: `array[${lit(held.id)}]::uuid[], array[${lit(held.lease_token)}]::uuid[]` },
      { name: 'delivery', text: RECORD_DELIVERY_SQL, types: 'uuid, uuid, jsonb', args: `${lit(held.id)}, ${lit(held.lease_token)}, '{}'` },
    ];
    const plan = async () => {
      await c.query('set plan_cache_mode = force_generic_plan');
      await c.query('deallocate all');
      for (const s of statements) {
        await c.query(`prepare fenced_${s.name} (${s.types}) as ${s.text}`);
        // The first execution makes and caches the generic plan.
        await c.query('begin');
        await c.query(`execute fenced_${s.name}(${s.args})`);
        await c.query('rollback');
      }
    };
    const readsByKeyOnly = async (when: string) => {
      for (const s of statements) {
        await c.query('begin');
        const { rows } = await c.query(`explain (analyze, costs off, timing off, format json) execute fenced_${s.name}(${s.args})`);
        await c.query('rollback');
        const nodes = planNodes((rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan);
        const indexes = nodes.map((n) => n['Index Name']).filter((name) => name?.startsWith('analysis_jobs_'));
        assert.ok(indexes.length > 0, `${s.name} (${when}): reads the jobs table through an index`);
        assert.deepEqual([...new Set(indexes)], ['analysis_jobs_pkey'], `${s.name} (${when}): only through the primary key`);
        assert.deepEqual(
          nodes.filter((n) => n['Relation Name'] === 'analysis_jobs' && n['Node Type'] === 'Seq Scan'),
          [],
          `${s.name} (${when}): no sequential scan`,
        );
      }
    };
    await plan();
    // 2,000 jobs through claim and completion: each leaves a dead processing entry behind.
    await db.pool.query(`insert into analysis_jobs (user_id, type) select gen_random_uuid(), 'healthcheck' from generate_series(1, 2000)`);
    const other = await pool.connect();
    try {
      for (let left = 2000; left > 0; ) {
        const { jobs } = await claimJobs(other, 'w-busy', 500, 30);
        assert.ok(jobs.length > 0);
        assert.equal(
          (
            await completeJobs(
              other,
              jobs.map((j) => ({ ...j, result: { ok: true } })),
            )
          ).size,
          jobs.length,
        );
        left -= jobs.length;
      }
    } finally {
      other.release();
    }
    await readsByKeyOnly('planned on three rows');
    await db.pool.query('analyze analysis_jobs');
    await plan();
    await readsByKeyOnly('planned after 2,000 jobs');
  } finally {
    c.release();
    await pool.end();
  }
});
