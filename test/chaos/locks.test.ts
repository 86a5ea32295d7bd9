import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { useFreshDatabase, waitUntil } from '../support/database.ts';
import { startTestDaemon } from '../support/daemon.ts';
import { assertInvariants, waitAllFinal } from '../support/chaos.ts';

const db = useFreshDatabase('chaos_locks');
/** A bound on each wait below (a timeout, not a measurement). */
const BOUND_MS = 60_000;

async function holder(): Promise<pg.Client> {
  const c = new pg.Client(db.url);
  await c.connect();
  return c;
}

test('a row held FOR UPDATE past its lease: other jobs keep flowing, the daemon lives, the held jobs finish once released', async (t) => {
  // A due pending row, locked by an operator's open transaction before any daemon runs...
  const pendingId = randomUUID();
  await db.pool.query(`insert into analysis_jobs (id, user_id, type) values ($1, $2, 'healthcheck')`, [pendingId, randomUUID()]);
  const lock = await holder();
  await lock.query('begin');
  await lock.query('select id from analysis_jobs where id = $1 for update', [pendingId]);
  const d = await startTestDaemon(db.url, {
    WORKER_CONCURRENCY: '4',
    WORKER_LEASE_SECONDS: '5',
    WORKER_HEARTBEAT_SECONDS: '1',
    WORKER_SWEEP_SECONDS: '2',
    DATABASE_STATEMENT_TIMEOUT_MS: '3000',
  });
  t.after(() => d.stop(0));
  // ...and a running row, locked by the same transaction once the daemon holds it.
  const runningId = randomUUID();
  const runningClaimed = d.events.waitFor('job:claimed', (e) => e.jobId === runningId);
  await db.pool.query(`insert into analysis_jobs (id, user_id, type, input) values ($1, $2, 'healthcheck', '{"delay_ms": 2000}')`, [runningId, randomUUID()]);
  await runningClaimed;
  await lock.query('select id from analysis_jobs where id = $1 for update', [runningId]);
  const completed = new Set<string>();
  const off = d.events.on('job:completed', (e) => void completed.add(e.jobId));
  try {
    // While the rows are held, rounds of other jobs are inserted and each must complete, until the
    // held job's lease has lapsed under the lock (heartbeats and sweeps then meet the held row) and
    // at least ten rounds have gone through.
    let rounds = 0;
    for (;;) {
      const { rows } = await db.pool.query<{ id: string }>(
        `insert into analysis_jobs (user_id, type) select gen_random_uuid(), 'healthcheck' from generate_series(1, 10) returning id`,
      );
      await waitUntil(async () => rows.every((r) => completed.has(r.id)), {
        timeoutMs: BOUND_MS,
        what: `round ${rounds + 1} to complete beside the held rows`,
      });
      rounds++;
      const held = await db.pool.query<{ lapsed: boolean }>(`select locked_until < now() as lapsed from analysis_jobs where id = $1`, [runningId]);
      if (held.rows[0]!.lapsed && rounds >= 10) break;
    }
    t.diagnostic(`${rounds} rounds of 10 jobs completed while the rows were held`);
    assert.ok(!completed.has(runningId) && !completed.has(pendingId), 'the held jobs did not complete under the lock');
    assert.equal(
      (await db.pool.query(`select status from analysis_jobs where id = $1`, [runningId])).rows[0].status,
      'processing',
      'the held job could not be settled yet',
    );
  } finally {
    off();
    await lock.query('rollback');
    await lock.end();
  }
  await waitAllFinal(db.pool, 30_000);
  const inv = await assertInvariants(db.pool);
  assert.equal(inv.completed, inv.accepted, 'the held jobs completed too once released');
});

test('a table locked: statements give up at their timeouts again and again, the daemon lives, work resumes after', async (t) => {
  const d = await startTestDaemon(db.url, {
    WORKER_LEASE_SECONDS: '5',
    WORKER_HEARTBEAT_SECONDS: '1',
    WORKER_SWEEP_SECONDS: '2',
    DATABASE_STATEMENT_TIMEOUT_MS: '3000',
  });
  t.after(() => d.stop(0));
  await db.pool.query('truncate analysis_jobs cascade');
  const errors: string[] = [];
  d.events.on('error', (e) => errors.push(`${e.where}: ${e.error}`));
  const lock = await holder();
  await lock.query('begin');
  await lock.query('lock table analysis_jobs in access exclusive mode');
  // Inserts queue behind the lock too; they land the moment it is released.
  const inserting = db.pool.query(`insert into analysis_jobs (user_id, type) select gen_random_uuid(), 'healthcheck' from generate_series(1, 20)`);
  try {
    // Three statements giving up (heartbeats, sweeps, claims retried after each) show the daemon
    // keeps trying through the lock instead of stopping at the first timeout.
    await waitUntil(async () => errors.filter((e) => /lock timeout|statement timeout/.test(e)).length >= 3, {
      timeoutMs: BOUND_MS,
      what: 'three statements giving up on the lock',
    });
    const health = await fetch(`http://127.0.0.1:${d.port}/health`);
    assert.equal(health.status, 200, 'the daemon lives');
  } finally {
    await lock.query('commit');
    await lock.end();
  }
  await inserting;
  await waitAllFinal(db.pool, 15_000);
  const inv = await assertInvariants(db.pool, 20);
  assert.equal(inv.completed, 20);
  t.diagnostic(`errors while locked: ${errors.length} (first: ${errors[0]})`);
});
