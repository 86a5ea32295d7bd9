import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { useFreshDatabase, waitUntil } from '../support/database.ts';
import { startTestDaemon } from '../support/daemon.ts';
import { assertInvariants, waitAllFinal } from '../support/chaos.ts';

const db = useFreshDatabase('chaos_locks');
const HOLD_MS = 30_000;

async function holder(): Promise<pg.Client> {
  const c = new pg.Client(db.url);
  await c.connect();
  return c;
}

test('a row held FOR UPDATE for 30 s: other jobs keep flowing, the daemon lives, the held jobs finish once released', async (t) => {
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
  const lockedAt = Date.now();
  let flowed = 0;
  const off = d.events.on('job:completed', (e) => {
    if (e.jobId !== runningId && e.jobId !== pendingId) flowed++;
  });
  try {
    // While the rows are held, other jobs are inserted and must complete.
    while (Date.now() - lockedAt < HOLD_MS) {
      await db.pool.query(`insert into analysis_jobs (user_id, type) select gen_random_uuid(), 'healthcheck' from generate_series(1, 10)`);
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.ok(flowed >= 500, `other jobs kept flowing while the rows were held (${flowed} completed)`);
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

test('a table locked for 30 s: statements give up at their timeouts, the daemon lives, work resumes after', async (t) => {
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
  const started = Date.now();
  try {
    await waitUntil(async () => errors.some((e) => /lock timeout|statement timeout/.test(e)), {
      timeoutMs: HOLD_MS,
      what: 'a statement giving up on the lock',
    });
    const health = await fetch(`http://127.0.0.1:${d.port}/health`);
    assert.equal(health.status, 200, 'the daemon lives');
    await new Promise((r) => setTimeout(r, Math.max(0, HOLD_MS - (Date.now() - started))));
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
