import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { healthcheckHandler } from '../src/handlers/healthcheck.ts';
import { useFreshDatabase, waitUntil } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';
import { asRole } from './support/roles.ts';
import { backoffCeilingMs } from '../src/retry/backoff.ts';

const db = useFreshDatabase('lifecycle');

// A job's events can come before the insert's own reply does (the commit's notification reaches the
// daemon, which claims and runs it, while the reply waits): every wait below is armed before the insert.
async function insert(type: string, input: object, extra: { id?: string; maxAttempts?: number; userId?: string } = {}): Promise<string> {
  const id = extra.id ?? randomUUID();
  await db.pool.query(`insert into analysis_jobs (id, user_id, type, input, max_attempts) values ($1, $2, $3, $4, $5)`, [
    id,
    extra.userId ?? randomUUID(),
    type,
    input,
    extra.maxAttempts ?? 3,
  ]);
  return id;
}

const row = async (id: string) => (await db.pool.query('select * from analysis_jobs where id = $1', [id])).rows[0];

test('a pending job cancelled by its owner never runs', async () => {
  const user = randomUUID();
  const id = await insert('healthcheck', {}, { userId: user });
  const r = await asRole(db.pool, 'authenticated', user, async (c) => (await c.query('select request_analysis_cancel($1) as r', [id])).rows[0].r);
  assert.equal(r, 'cancelled');
  const d = await startTestDaemon(db.url);
  try {
    const other = randomUUID();
    const completed = d.events.waitFor('job:completed', (e) => e.jobId === other);
    await insert('healthcheck', {}, { id: other });
    await completed;
    assert.equal((await row(id)).status, 'cancelled');
    assert.equal((await row(id)).attempts, 0);
  } finally {
    await d.stop();
  }
});

test('a running job cancelled by its owner: the AbortSignal fires and the job ends cancelled', async () => {
  const user = randomUUID();
  // Heartbeats and sweeps are minutes away: within the 10 s bound only the cancel notification can stop it.
  const d = await startTestDaemon(db.url, {
    WORKER_HEARTBEAT_SECONDS: '300',
    WORKER_LEASE_SECONDS: '600',
    WORKER_STUCK_SECONDS: '900',
    WORKER_SWEEP_SECONDS: '3600',
  });
  try {
    const id = randomUUID();
    const claimed = d.events.waitFor('job:claimed', (e) => e.jobId === id);
    await insert('healthcheck', { delay_ms: 60_000 }, { id, userId: user });
    await claimed;
    const cancelled = d.events.waitFor('job:cancelled', (e) => e.jobId === id, 10_000);
    const r = await asRole(db.pool, 'authenticated', user, async (c) => (await c.query('select request_analysis_cancel($1) as r', [id])).rows[0].r);
    assert.equal(r, 'cancel_requested');
    await cancelled;
    const j = await row(id);
    assert.equal(j.status, 'cancelled');
    assert.equal(j.error.code, 'cancelled');
    assert.equal(j.lease_token, null);
    assert.equal(d.worker.runningCount, 0);
  } finally {
    await d.stop();
  }
});

test('a cancel whose notification was missed is caught by the next heartbeat', async () => {
  const d = await startTestDaemon(db.url, { WORKER_HEARTBEAT_SECONDS: '1' });
  try {
    const id = randomUUID();
    const claimed = d.events.waitFor('job:claimed', (e) => e.jobId === id);
    await insert('healthcheck', { delay_ms: 60_000 }, { id });
    await claimed;
    const cancelled = d.events.waitFor('job:cancelled', (e) => e.jobId === id, 3_000);
    // What request_analysis_cancel writes, without its NOTIFY.
    await db.pool.query('update analysis_jobs set cancel_requested_at = now() where id = $1', [id]);
    await cancelled;
    assert.equal((await row(id)).status, 'cancelled');
  } finally {
    await d.stop();
  }
});

test('transient failures retry with growing backoff ceilings, then fail when attempts run out', async () => {
  const base = 100;
  const d = await startTestDaemon(db.url, { WORKER_RETRY_BASE_MS: String(base), WORKER_RETRY_MAX_MS: '2000' });
  try {
    const retries: Array<{ attempt: number; delayMs: number }> = [];
    const id = randomUUID();
    d.events.on('job:retried', (e) => e.jobId === id && retries.push({ attempt: e.attempt, delayMs: e.delayMs }));
    const ended = d.events.waitFor('job:failed', (e) => e.jobId === id, 10_000);
    await insert('healthcheck', { fail_times: 10 }, { id, maxAttempts: 4 });
    const failed = await ended;
    assert.deepEqual(
      retries.map((r) => r.attempt),
      [1, 2, 3],
    );
    for (const r of retries) {
      const ceiling = backoffCeilingMs(r.attempt, { baseMs: base, maxMs: 2000 });
      assert.ok(r.delayMs >= 0 && r.delayMs < ceiling, `attempt ${r.attempt}: delay ${r.delayMs} within full-jitter ceiling ${ceiling}`);
    }
    assert.deepEqual(
      [1, 2, 3].map((a) => backoffCeilingMs(a, { baseMs: base, maxMs: 2000 })),
      [100, 200, 400],
      'ceilings double',
    );
    assert.equal(failed.attempt, 4);
    const j = await row(id);
    assert.equal(j.status, 'failed');
    assert.equal(j.attempts, 4);
    assert.equal(j.error.code, 'healthcheck_planned_failure');
    assert.match(j.error.message, /falha planejada 4 de 10/);
  } finally {
    await d.stop();
  }
});

test('a job that fails its first attempts then succeeds ends completed', async () => {
  const d = await startTestDaemon(db.url);
  try {
    const id = randomUUID();
    const completed = d.events.waitFor('job:completed', (e) => e.jobId === id, 10_000);
    await insert('healthcheck', { fail_times: 2 }, { id, maxAttempts: 3 });
    await completed;
    const j = await row(id);
    assert.equal(j.status, 'completed');
    assert.equal(j.attempts, 3);
    assert.equal(j.error, null);
  } finally {
    await d.stop();
  }
});

test('a permanent error (invalid input) fails at once, without retries', async () => {
  const d = await startTestDaemon(db.url);
  try {
    const id = randomUUID();
    const failed = d.events.waitFor('job:failed', (e) => e.jobId === id);
    await insert('healthcheck', { delay_ms: -5, color: 'red' }, { id, maxAttempts: 5 });
    await failed;
    const j = await row(id);
    assert.equal(j.attempts, 1);
    assert.equal(j.error.code, 'invalid_input');
    assert.deepEqual(j.error.fields.sort(), ['input.color', 'input.delay_ms']);
  } finally {
    await d.stop();
  }
});

test('a type with no handler fails with unsupported_type', async () => {
  const d = await startTestDaemon(db.url, {}, { handlers: [healthcheckHandler] });
  try {
    const id = randomUUID();
    const failed = d.events.waitFor('job:failed', (e) => e.jobId === id);
    await insert('meal_plan', { kcal_target: 2000 }, { id });
    await failed;
    const j = await row(id);
    assert.equal(j.status, 'failed');
    assert.equal(j.attempts, 1);
    assert.equal(j.error.code, 'unsupported_type');
  } finally {
    await d.stop();
  }
});

test('a handler that hangs past its timeout is aborted and that attempt fails', async () => {
  const d = await startTestDaemon(
    db.url,
    { WORKER_STUCK_SECONDS: '2', WORKER_HEARTBEAT_SECONDS: '1' },
    {
      handlers: [{ type: 'healthcheck', version: '1', run: () => new Promise(() => {}) }],
    },
  );
  try {
    const id = randomUUID();
    // The handler never settles: only the stuck timer (WORKER_STUCK_SECONDS) can end the attempt.
    const ended = d.events.waitFor('job:failed', (e) => e.jobId === id, 10_000);
    await insert('healthcheck', {}, { id, maxAttempts: 1 });
    const failed = await ended;
    assert.match(failed.error.message, /ran longer than 2 s and was aborted/);
    assert.equal((await row(id)).error.code, 'timeout');
  } finally {
    await d.stop();
  }
});

test('a retry becomes due and runs without waiting for the sweep', async () => {
  const d = await startTestDaemon(db.url, { WORKER_SWEEP_SECONDS: '3600', WORKER_RETRY_BASE_MS: '300' });
  try {
    const id = randomUUID();
    const retrying = d.events.waitFor('job:retried', (e) => e.jobId === id);
    const done = d.events.waitFor('job:completed', (e) => e.jobId === id, 10_000);
    await insert('healthcheck', { fail_times: 1 }, { id });
    const retried = await retrying;
    await done;
    await waitUntil(async () => (await row(id)).status === 'completed', { what: 'completed row' });
    assert.ok(retried.delayMs < 300);
  } finally {
    await d.stop();
  }
});
