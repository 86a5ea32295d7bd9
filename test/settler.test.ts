// One settle path (issue 15): outcomes of every kind that meet in one flush are written with one
// statement per kind, each row fenced by its lease token. The statements are counted at the client:
// the settler's database handle is wrapped, so what is counted is what reached PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { CANCEL_MANY_SQL, claimJobs, FAIL_OR_RETRY_MANY_SQL, SNOOZE_MANY_SQL, type ClaimedJob } from '../src/queue/jobs.ts';
import { Settler } from '../src/worker/settler.ts';
import { useFreshDatabase } from './support/database.ts';

const db = useFreshDatabase('settler');

/** The pool, with every statement sent through it recorded (its prepared name, or its first words). */
function counted(pool: pg.Pool): { db: Pick<pg.Pool, 'query'>; sent: string[] } {
  const sent: string[] = [];
  const query = ((config: string | pg.QueryConfig, values?: unknown[]) => {
    sent.push(typeof config === 'string' ? config.trim().split(/\s+/).slice(0, 3).join(' ') : (config.name ?? config.text.trim().slice(0, 20)));
    return pool.query(config as pg.QueryConfig, values);
  }) as unknown as pg.Pool['query'];
  return { db: { query }, sent };
}

async function claim(n: number, type = 'healthcheck'): Promise<ClaimedJob[]> {
  await db.pool.query(`insert into analysis_jobs (user_id, type, max_attempts) select gen_random_uuid(), $1, 3 from generate_series(1, $2::int)`, [type, n]);
  const { jobs } = await claimJobs(db.pool, 'w1', n, 30);
  assert.equal(jobs.length, n);
  return jobs;
}

const lease = (j: ClaimedJob) => ({ id: j.id, lease_token: j.lease_token, locked_by: j.locked_by });
const error = { code: 'provider_error' as const, message: 'the emulated provider answered 500' };

test('a flush holding completions, failures and snoozes writes one statement per kind; a stale lease is reported, not applied', async () => {
  const [a, b, c, d, e, f] = (await claim(6)) as [ClaimedJob, ClaimedJob, ClaimedJob, ClaimedJob, ClaimedJob, ClaimedJob];
  const { db: counting, sent } = counted(db.pool);
  // A batch window no test waits out: the flush below is drain()'s.
  const settler = new Settler(counting, { batchMs: 60_000, maxBatch: 100, retryForMs: 5_000 });
  const results = Promise.all([
    settler.settle('complete', { ...lease(a), result: { n: 1 } }),
    settler.settle('complete', { ...lease(b), result: { n: 2 } }),
    // A lease that is not ours (another attempt's token): fenced out.
    settler.settle('complete', { ...lease(f), lease_token: '00000000-0000-4000-8000-000000000000', result: { n: 3 } }),
    settler.settle('fail', { ...lease(c), error, permanent: false, delayMs: 60_000 }),
    settler.settle('fail', { ...lease(d), error, permanent: true, delayMs: 0 }),
    settler.settle('snooze', { ...lease(e), error, delayMs: 60_000, maxSnoozes: 30 }),
    // Stale leases in the other kinds' statements too.
    settler.settle('fail', { ...lease(f), lease_token: '00000000-0000-4000-8000-000000000000', error, permanent: true, delayMs: 0 }),
    settler.settle('snooze', { ...lease(f), lease_token: '00000000-0000-4000-8000-000000000000', error, delayMs: 0, maxSnoozes: 30 }),
  ]);
  assert.deepEqual(sent, [], 'nothing is written before the flush');
  await settler.drain();
  const [doneA, doneB, stale, retried, failed, snoozed, staleFail, staleSnooze] = await results;
  assert.deepEqual([...sent].sort(), ['ai-worker.complete-many', 'ai-worker.fail-many', 'ai-worker.snooze-many']);
  assert.equal(doneA, true);
  assert.equal(doneB, true);
  assert.equal(stale, false);
  assert.equal(retried?.status, 'pending');
  assert.equal(failed?.status, 'failed');
  assert.equal(snoozed?.status, 'pending');
  assert.equal(snoozed?.refunded, true);
  assert.equal(staleFail, undefined);
  assert.equal(staleSnooze, undefined);

  const { rows } = await db.pool.query<{ id: string; status: string; attempts: number; snoozes: number; lease_token: string | null }>(
    'select id, status, attempts, snoozes, lease_token from analysis_jobs where id = any($1)',
    [[a, b, c, d, e, f].map((j) => j.id)],
  );
  const by = new Map(rows.map((r) => [r.id, r]));
  assert.equal(by.get(a.id)?.status, 'completed');
  assert.equal(by.get(b.id)?.status, 'completed');
  assert.equal(by.get(c.id)?.status, 'pending');
  assert.equal(by.get(d.id)?.status, 'failed');
  assert.equal(by.get(e.id)?.status, 'pending');
  assert.equal(by.get(e.id)?.attempts, 0, 'the snooze refunded the attempt counted at claim');
  assert.equal(by.get(e.id)?.snoozes, 1);
  assert.equal(by.get(f.id)?.status, 'processing', 'the stale completion wrote nothing');
  assert.equal(by.get(f.id)?.lease_token, f.lease_token);
  const ledger = await db.pool.query('select job_id, status, worker_id from analysis_job_outcomes where job_id = any($1) order by status', [
    [a, b, c, d, e, f].map((j) => j.id),
  ]);
  assert.deepEqual(
    ledger.rows.map((r) => [r.status, r.worker_id]),
    [
      ['completed', 'w1'],
      ['completed', 'w1'],
      ['failed', 'w1'],
    ],
  );
});

test('cancels and releases share their flush too; settling again is stale', async () => {
  const [a, b, c, d] = (await claim(4)) as [ClaimedJob, ClaimedJob, ClaimedJob, ClaimedJob];
  const { db: counting, sent } = counted(db.pool);
  const settler = new Settler(counting, { batchMs: 60_000, maxBatch: 100, retryForMs: 5_000 });
  const results = Promise.all([
    settler.settle('cancel', { ...lease(a), message: 'cancelled by request while running' }),
    settler.settle('cancel', { ...lease(b), message: 'cancelled by request while running' }),
    settler.settle('release', lease(c)),
    settler.settle('release', lease(d)),
  ]);
  await settler.drain();
  assert.deepEqual(await results, [true, true, true, true]);
  assert.equal(sent.length, 2, `one statement per kind, got ${sent.join(', ')}`);
  const again = Promise.all([settler.settle('cancel', { ...lease(a), message: 'again' }), settler.settle('release', lease(c))]);
  await settler.drain();
  assert.deepEqual(await again, [false, false]);
  const { rows } = await db.pool.query('select status, attempts from analysis_jobs where id = any($1) order by status', [[a, b, c, d].map((j) => j.id)]);
  assert.deepEqual(
    rows.map((r) => [r.status, r.attempts]),
    [
      ['cancelled', 1],
      ['cancelled', 1],
      ['pending', 0],
      ['pending', 0],
    ],
  );
});

test('when no other outcome can join, the waiting batch is written at once: the last running job does not wait out the window', async () => {
  const [a, b, c] = (await claim(3)) as [ClaimedJob, ClaimedJob, ClaimedJob];
  const { db: counting, sent } = counted(db.pool);
  let running = 2;
  // A window no test waits out: only "nothing else can join" can flush before drain().
  const settler = new Settler(counting, { batchMs: 60_000, maxBatch: 100, retryForMs: 5_000, mayJoin: () => running > 0 });
  running = 1;
  const first = settler.settle('complete', { ...lease(a), result: { n: 1 } });
  assert.deepEqual(sent, [], 'another job still runs: the first outcome waits for it');
  running = 0;
  const second = settler.settle('complete', { ...lease(b), result: { n: 2 } });
  assert.deepEqual(sent, ['ai-worker.complete-many'], 'the last one flushes both, in one statement, without a drain');
  assert.deepEqual(await Promise.all([first, second]), [true, true]);
  // A lone outcome (the daemon idle otherwise) goes alone, as the one-row statement: fenced like the
  // batch (another attempt's token is stale, writes nothing), and writing the same ledger row.
  assert.equal(await settler.settle('complete', { ...lease(c), lease_token: '00000000-0000-4000-8000-000000000000', result: { n: 0 } }), false);
  assert.equal(await settler.settle('complete', { ...lease(c), result: { n: 3 } }), true);
  assert.deepEqual(sent, ['ai-worker.complete-many', 'ai-worker.complete-one', 'ai-worker.complete-one']);
  await settler.drain();
  const { rows } = await db.pool.query(
    `select j.id, j.status, j.result, j.locked_by, o.status as outcome, o.attempt, o.worker_id
       from analysis_jobs j join analysis_job_outcomes o on o.job_id = j.id where j.id = any($1) order by j.result->>'n'`,
    [[a, b, c].map((j) => j.id)],
  );
  assert.deepEqual(
    rows.map((r) => [r.id, r.status, r.result, r.locked_by, r.outcome, r.attempt, r.worker_id]),
    [a, b, c].map((j, i) => [j.id, 'completed', { n: i + 1 }, null, 'completed', 1, 'w1']),
  );
});

test('a batch PostgreSQL refuses falls back to one statement per job: only the job with the bad value fails, with its data error', async () => {
  const [good, bad] = (await claim(2)) as [ClaimedJob, ClaimedJob];
  const { db: counting, sent } = counted(db.pool);
  const settler = new Settler(counting, { batchMs: 60_000, maxBatch: 100, retryForMs: 5_000 });
  const ok = settler.settle('complete', { ...lease(good), result: { ok: true } });
  // A token count beyond integer: SQLSTATE 22003 for the whole statement.
  const refused = assert.rejects(
    settler.settle('complete', { ...lease(bad), result: { ok: true }, input_tokens: 3_000_000_000 }),
    (err: { code?: string }) => err.code === '22003',
  );
  await settler.drain();
  assert.equal(await ok, true);
  await refused;
  assert.equal(sent.length, 3, 'the batch, then one statement for each of its two jobs');
});

test('the batched fail, snooze and cancel statements fire no row trigger', async () => {
  const [a, b, c] = (await claim(3)) as [ClaimedJob, ClaimedJob, ClaimedJob];
  const c1 = await db.pool.connect();
  try {
    const triggers = async (text: string, payload: object[]) => {
      await c1.query('begin');
      const { rows } = await c1.query(`explain (analyze, costs off, timing off) ${text}`, [JSON.stringify(payload)]);
      await c1.query('rollback');
      return rows.map((r) => r['QUERY PLAN'] as string).filter((l) => l.startsWith('Trigger '));
    };
    const f = { ...lease(a), permanent: true, error, delay_ms: 0, provider_calls: null };
    assert.deepEqual(await triggers(FAIL_OR_RETRY_MANY_SQL, [f]), []);
    assert.deepEqual(await triggers(SNOOZE_MANY_SQL, [{ ...lease(b), error, delay_ms: 1000, max_snoozes: 30 }]), []);
    assert.deepEqual(await triggers(CANCEL_MANY_SQL, [{ ...lease(c), message: 'm' }]), []);
  } finally {
    c1.release();
  }
});
