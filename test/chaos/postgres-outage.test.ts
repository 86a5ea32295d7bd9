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

/** Inserts ~rate jobs/s through its own client, reconnecting as needed; counts only committed inserts. */
function loadGenerator(rate: number) {
  let running = true;
  let accepted = 0;
  let failures = 0;
  const startedAt = Date.now();
  const done = (async () => {
    let client: pg.Client | undefined;
    const tick = 100;
    const begun = Date.now();
    while (running) {
      const started = Date.now();
      try {
        if (!client) {
          client = new pg.Client({ connectionString: cluster.url(), connectionTimeoutMillis: 1_000, query_timeout: 2_000 });
          client.on('error', () => {});
          await client.connect();
        }
        // Hold the average rate: after a refused batch (database restarting) the next one catches up.
        const n = Math.min(500, Math.round((rate * (Date.now() - begun)) / 1000) - accepted);
        if (n <= 0) {
          await new Promise((r) => setTimeout(r, tick));
          continue;
        }
        await client.query(
          `insert into analysis_jobs (user_id, type, input, max_attempts) select gen_random_uuid(), 'healthcheck', '{"delay_ms": 20}', 10 from generate_series(1, $1)`,
          [n],
        );
        accepted += n;
      } catch {
        failures++;
        await client?.end().catch(() => {});
        client = undefined;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, tick - (Date.now() - started))));
    }
    await client?.end().catch(() => {});
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return { accepted, failures, seconds: (Date.now() - startedAt) / 1000 };
    },
  };
}

async function pickupAfterRecovery(withinMs: number): Promise<number> {
  const c = new pg.Client(cluster.url());
  await c.connect();
  try {
    const id = randomUUID();
    const started = Date.now();
    await c.query(`insert into analysis_jobs (id, user_id, type) values ($1, $2, 'healthcheck')`, [id, randomUUID()]);
    await waitUntil(async () => (await c.query(`select status from analysis_jobs where id = $1`, [id])).rows[0].status === 'completed', {
      timeoutMs: withinMs,
      intervalMs: 50,
      what: 'a job inserted after recovery to complete',
    });
    return Date.now() - started;
  } finally {
    await c.end();
  }
}

test('restart PostgreSQL three times under 50 jobs/s: same daemon process, no job lost, none completed twice', async (t) => {
  const pid = daemon.proc.pid;
  const load = loadGenerator(50);
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 1_500));
    await cluster.restart();
    const ms = await pickupAfterRecovery(10_000);
    t.diagnostic(`restart ${i + 1}: a fresh job completed ${ms} ms after the database came back`);
  }
  const { accepted, failures, seconds } = await load.stop();
  t.diagnostic(`accepted ${accepted} inserts in ${seconds.toFixed(1)} s (${failures} insert batches refused while the database was down)`);
  assert.ok(accepted / seconds >= 40, `the load averaged ${(accepted / seconds).toFixed(1)} jobs/s (target 50)`);
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
  assert.ok(daemon.lines.filter((l) => l.event === 'listener_connected' && l.reconnect === true).length >= 3, 'the listener reconnected after each restart');
});

test('a 30 s outage: /health/detailed and the gateway say 503 during it, the daemon keeps its PID and resumes within 10 s after', async (t) => {
  const pid = daemon.proc.pid;
  const token = await userToken();
  const enqueue = () =>
    fetch(`${base}/functions/v1/enqueue-analysis`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'unified_assistant', input: { messages: [{ role: 'user', content: 'oi' }] } }),
      signal: AbortSignal.timeout(5_000),
    });
  await cluster.stop();
  const outageStarted = Date.now();
  try {
    const seen: number[] = [];
    while (Date.now() - outageStarted < 30_000) {
      const started = Date.now();
      const res = await fetch(`${base}/health/detailed`, { signal: AbortSignal.timeout(5_000) });
      assert.ok(Date.now() - started < 3_000, 'health answers promptly during the outage');
      seen.push(res.status);
      await res.body?.cancel();
      const g0 = Date.now();
      const g = await enqueue();
      const gatewayMs = Date.now() - g0;
      assert.equal(g.status, 503, 'the gateway answers 503 during the outage');
      assert.ok(g.headers.get('retry-after'), 'with Retry-After');
      assert.ok(gatewayMs < 2_000, `within 2 s (${gatewayMs} ms), never hangs`);
      assert.equal((await g.json()).error.code.length > 0, true);
      await new Promise((r) => setTimeout(r, 2_000));
    }
    assert.ok(
      seen.every((s) => s === 503),
      `503 throughout the outage: ${seen.join(',')}`,
    );
    assert.equal((await fetch(`${base}/health`)).status, 200, 'liveness stays 200');
  } finally {
    await cluster.start();
  }
  const ms = await pickupAfterRecovery(10_000);
  t.diagnostic(`a fresh job completed ${ms} ms after the database came back`);
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
