import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useFreshDatabase } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';

const db = useFreshDatabase('listener');

test('pg_terminate_backend on the listening connection: it listens again and jobs inserted in the gap start', async () => {
  // The sweep is an hour away: only the listener's reconnect and catch-up claim can pick the job up.
  const d = await startTestDaemon(db.url, { WORKER_SWEEP_SECONDS: '3600' });
  try {
    const reconnected = d.events.waitFor('listener:connected', (e) => e.reconnect, 10_000);
    const { rows } = await db.pool.query(
      `select pg_terminate_backend(pid) as killed from pg_stat_activity where application_name = 'ai-worker listener' and datname = current_database()`,
    );
    assert.equal(rows.length, 1, 'exactly one listening connection');
    assert.equal(rows[0].killed, true);
    // In the gap: inserted right after the kill, before the listener is back.
    const id = randomUUID();
    const claimed = d.events.waitFor('job:claimed', (e) => e.jobId === id, 10_000);
    await db.pool.query(`insert into analysis_jobs (id, user_id, type) values ($1, $2, 'healthcheck')`, [id, randomUUID()]);
    await reconnected;
    await claimed;
    assert.equal(d.worker.listenerState.reconnects, 1);

    // And it is listening for real again: with the sweep an hour away, a new insert is picked up
    // (by its notification, or the claim that follows a finished job) within the bound.
    const id2 = randomUUID();
    const claimed2 = d.events.waitFor('job:claimed', (e) => e.jobId === id2, 10_000);
    await db.pool.query(`insert into analysis_jobs (id, user_id, type) values ($1, $2, 'healthcheck')`, [id2, randomUUID()]);
    await claimed2;
  } finally {
    await d.stop();
  }
});
