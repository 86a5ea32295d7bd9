import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { databaseUrl, useFreshDatabase } from '../support/database.ts';
import { startTestDaemon } from '../support/daemon.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { assertInvariants, waitAllFinal } from '../support/chaos.ts';

const db = useFreshDatabase('chaos_listener');

test('pg_terminate_backend on the listening connection 50 times: it always listens again and picks up what came in the gap', async (t) => {
  const d = await startTestDaemon(db.url, { WORKER_SWEEP_SECONDS: '3600' });
  t.after(() => d.stop(0));
  for (let i = 0; i < 50; i++) {
    const reconnected = d.events.waitFor('listener:connected', (e) => e.reconnect, 10_000);
    const { rows } = await db.pool.query(
      `select pg_terminate_backend(pid) as killed from pg_stat_activity where application_name = 'ai-worker listener' and datname = current_database()`,
    );
    assert.equal(rows.length, 1, `round ${i}: exactly one listening connection`);
    // The sweep is an hour away: only the listener (its catch-up on reconnect, or a notification on
    // the new connection) can start this job; the 10 s bound only turns a miss into a failure.
    const id = randomUUID();
    const claimed = d.events.waitFor('job:claimed', (e) => e.jobId === id, 10_000);
    await db.pool.query(`insert into analysis_jobs (id, user_id, type) values ($1, $2, 'healthcheck')`, [id, randomUUID()]);
    await reconnected;
    await claimed;
  }
  assert.equal(d.worker.listenerState.reconnects, 50);
  await waitAllFinal(db.pool, 10_000);
  await assertInvariants(db.pool, 50);
});

test('a half-open listening connection (traffic silently dropped) is detected by the echo check and replaced', async (t) => {
  const proxy = await startTcpProxy(5432);
  t.after(() => proxy.close());
  const u = new URL(databaseUrl(db.name));
  u.port = String(proxy.port);
  // The echo check runs every LISTENER_PING_MS and gives up after LISTENER_QUERY_TIMEOUT_MS.
  // The pool's connections go half-open too; a short statement timeout bounds how long they hold a claim.
  const d = await startTestDaemon(u.toString(), {
    WORKER_SWEEP_SECONDS: '3600',
    LISTENER_PING_MS: '2000',
    LISTENER_QUERY_TIMEOUT_MS: '3000',
    DATABASE_STATEMENT_TIMEOUT_MS: '2000',
  });
  t.after(() => d.stop(0));
  const disconnected = d.events.waitFor('listener:disconnected', () => true, 12_000);
  const reconnected = d.events.waitFor('listener:connected', (e) => e.reconnect, 20_000);
  assert.ok(proxy.blackholeExisting() >= 1);
  const e = await disconnected;
  // The echo timer, not the OS's TCP timeouts (minutes), noticed: it is what bounds detection by
  // LISTENER_PING_MS + LISTENER_QUERY_TIMEOUT_MS.
  assert.match(e.error, /^no echo within 3000 ms/);
  await reconnected;
  // Listening for real again, through a fresh connection; the pool has shed its dead connections.
  const id = randomUUID();
  const claimed = d.events.waitFor('job:claimed', (x) => x.jobId === id, 15_000);
  await db.pool.query(`insert into analysis_jobs (id, user_id, type) values ($1, $2, 'healthcheck')`, [id, randomUUID()]);
  await claimed;
});
