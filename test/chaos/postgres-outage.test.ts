import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../src/db/migrate.ts';
import { createCluster, type Cluster } from '../support/cluster.ts';
import { spawnDaemon, type ChildDaemon } from '../support/daemon.ts';
import { waitUntil } from '../support/database.ts';
import { assertInvariants, waitAllFinal } from '../support/chaos.ts';
import { gatewayTestEnv, userToken } from '../support/jwt.ts';

// The database itself fails here: a throwaway cluster, never the shared one.
let cluster: Cluster;
let daemon: ChildDaemon;
let base: string;

before(async () => {
  cluster = await createCluster();
  await migrate(cluster.url());
  daemon = spawnDaemon(cluster.url(), {
    ...(gatewayTestEnv(cluster.url()) as Record<string, string>),
    SERVE_FUNCTIONS: 'true',
    WORKER_LEASE_SECONDS: '5',
    WORKER_HEARTBEAT_SECONDS: '1',
    WORKER_SWEEP_SECONDS: '2',
    WORKER_CONCURRENCY: '10',
    DATABASE_STATEMENT_TIMEOUT_MS: '2000',
  });
  base = `http://127.0.0.1:${await daemon.port()}`;
});
after(async () => {
  daemon?.proc.kill('SIGKILL');
  await cluster?.destroy();
});

/**
 * Inserts batches of 5 jobs back to back through its own client (the rate is whatever the database
 * takes; a bench measures rates, not this test), reconnecting as needed; counts only committed
 * inserts. Its pause between batches paces the load; nothing waits on it.
 */
function loadGenerator() {
  let running = true;
  let accepted = 0;
  let failures = 0;
  const done = (async () => {
    let client: pg.Client | undefined;
    while (running) {
      try {
        if (!client) {
          client = new pg.Client({ connectionString: cluster.url(), connectionTimeoutMillis: 1_000, query_timeout: 2_000 });
          client.on('error', () => {});
          await client.connect();
        }
        await client.query(
          `insert into analysis_jobs (user_id, type, input, max_attempts) select gen_random_uuid(), 'healthcheck', '{"delay_ms": 20}', 10 from generate_series(1, 5)`,
        );
        accepted += 5;
      } catch {
        failures++;
        await client?.end().catch(() => {});
        client = undefined;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await client?.end().catch(() => {});
  })();
  return {
    /** Committed inserts so far. */
    accepted: () => accepted,
    stop: async () => {
      running = false;
      await done;
      return { accepted, failures };
    },
  };
}

/** A job inserted after the database came back completes (the bound turns a daemon that never resumes into a failure). */
async function pickupAfterRecovery(): Promise<void> {
  const c = new pg.Client(cluster.url());
  await c.connect();
  try {
    const id = randomUUID();
    await c.query(`insert into analysis_jobs (id, user_id, type) values ($1, $2, 'healthcheck')`, [id, randomUUID()]);
    await waitUntil(async () => (await c.query(`select status from analysis_jobs where id = $1`, [id])).rows[0].status === 'completed', {
      timeoutMs: 30_000,
      intervalMs: 50,
      what: 'a job inserted after recovery to complete',
    });
  } finally {
    await c.end();
  }
}

test('restart PostgreSQL three times under load: same daemon process, no job lost, none completed twice', async (t) => {
  const pid = daemon.proc.pid;
  const load = loadGenerator();
  const reconnects = () => daemon.lines.filter((l) => l.event === 'listener_connected' && l.reconnect === true).length;
  for (let i = 0; i < 3; i++) {
    // Each restart hits a database that has just taken new work (and a daemon busy with it).
    const before = load.accepted();
    await waitUntil(async () => load.accepted() >= before + 50, { timeoutMs: 30_000, what: `50 more jobs accepted before restart ${i + 1}` });
    const reconnectsBefore = reconnects();
    await cluster.restart();
    await pickupAfterRecovery();
    // The job above may be claimed by the claim loop's own retry before the listener is back (its
    // reconnect backs off up to 5 s), and the log line comes through a pipe: wait for it, bounded.
    await waitUntil(async () => reconnects() > reconnectsBefore, { timeoutMs: 30_000, what: `the listener to reconnect after restart ${i + 1}` });
  }
  const { accepted, failures } = await load.stop();
  t.diagnostic(`accepted ${accepted} inserts (${failures} insert batches refused while the database was down)`);
  assert.equal(daemon.proc.exitCode, null, 'the daemon never exited');
  assert.equal(daemon.proc.pid, pid);
  const c = new pg.Client(cluster.url());
  await c.connect();
  try {
    await waitAllFinal(c, 60_000);
    const inv = await assertInvariants(c);
    assert.equal(inv.accepted, accepted + 3);
    assert.equal(inv.completed, inv.accepted);
  } finally {
    await c.end();
  }
});

test('a 30 s outage: /health/detailed and the gateway say 503 during it without waiting for the database, the daemon keeps its PID and resumes after', async () => {
  const pid = daemon.proc.pid;
  const token = await userToken();
  const enqueue = () =>
    fetch(`${base}/functions/v1/enqueue-analysis`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'unified_assistant', input: { messages: [{ role: 'user', content: 'oi' }] } }),
      signal: AbortSignal.timeout(15_000),
    });
  await cluster.stop();
  // The outage's length is the scenario (it outlasts the 5 s lease and the statement timeout many
  // times over); the probes below are paced through it. Every probe is answered while the database
  // is still down: an answer that waited for the database would come only after cluster.start(), so
  // the fetch's bound (a timeout, not a measurement) would fail the test first.
  let over = false;
  const outage = new Promise<void>((resolve) => setTimeout(resolve, 30_000)).then(() => {
    over = true;
  });
  try {
    const seen: number[] = [];
    while (!over) {
      const res = await fetch(`${base}/health/detailed`, { signal: AbortSignal.timeout(15_000) });
      seen.push(res.status);
      await res.body?.cancel();
      const g = await enqueue();
      assert.equal(g.status, 503, 'the gateway answers 503 during the outage');
      assert.ok(Number(g.headers.get('retry-after')) >= 1, 'with Retry-After');
      assert.equal((await g.json()).error.code, 'database_unavailable');
      await Promise.race([outage, new Promise((r) => setTimeout(r, 2_000))]);
    }
    assert.ok(seen.length >= 3, `probed ${seen.length} times during the outage`);
    assert.ok(
      seen.every((s) => s === 503),
      `503 throughout the outage: ${seen.join(',')}`,
    );
    assert.equal((await fetch(`${base}/health`)).status, 200, 'liveness stays 200');
  } finally {
    await cluster.start();
  }
  await pickupAfterRecovery();
  await waitUntil(async () => (await fetch(`${base}/health/detailed`)).status === 200, { timeoutMs: 10_000, intervalMs: 200, what: '/health/detailed 200' });
  const after = await enqueue();
  assert.equal(after.status, 202, 'the gateway accepts work again');
  assert.equal(daemon.proc.exitCode, null);
  assert.equal(daemon.proc.pid, pid);
  const c = new pg.Client(cluster.url());
  await c.connect();
  try {
    await waitAllFinal(c, 30_000);
    await assertInvariants(c);
  } finally {
    await c.end();
  }
});
