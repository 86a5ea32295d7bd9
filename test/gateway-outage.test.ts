// A database outage answers 503 with Retry-After — a stopped server and a server that accepts
// connections but never answers alike — never a hang and never a 500 with a stack. How long it takes
// is GATEWAY_DB_DEADLINE_MS's to bound, not an assertion's: a generous bound only turns a hang into a failure.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { migrate } from '../src/db/migrate.ts';
import { createGateway, envFromRecord, type Gateway, type RunInline } from '../src/gateway/index.ts';
import { createCluster, type Cluster } from './support/cluster.ts';
import { settleWithin } from './support/database.ts';
import { gatewayTestEnv, userToken } from './support/jwt.ts';

const BASE = 'http://functions.test/functions/v1';
let cluster: Cluster;
let gw: Gateway;
let blackhole: Server;
const sockets = new Set<Socket>();
let accepted = 0;

before(async () => {
  cluster = await createCluster();
  await migrate(cluster.url());
  const runInline: RunInline = async () => ({ result: { inline: true } });
  gw = createGateway({ env: envFromRecord(gatewayTestEnv(cluster.url())), runInline });
  blackhole = createServer((s) => {
    accepted++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
});

after(async () => {
  await gw?.close();
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => (blackhole ? blackhole.close(() => resolve()) : resolve()));
  await cluster?.destroy();
});

function call(g: Gateway, name: string, token: string, init: { method?: string; body?: unknown; query?: string } = {}): Promise<Response> {
  return g.handle(
    name,
    new Request(`${BASE}/${name}${init.query ? `?${init.query}` : ''}`, {
      method: init.method ?? 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
  );
}

async function expect503(res: Promise<Response>, what: string): Promise<void> {
  const r = await settleWithin(res, 15_000, what);
  assert.equal(r.status, 503, what);
  assert.ok(Number(r.headers.get('retry-after')) >= 1, 'Retry-After');
  const body = (await r.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'database_unavailable');
  assert.ok(!/at .*\.ts:\d+/.test(body.error.message), 'no stack');
}

test('with the database stopped, enqueue, status and cancel answer 503 with Retry-After', async () => {
  const token = await userToken();
  // Warm the pool first, so the outage also hits connections that were idle and healthy.
  const ok = await call(gw, 'enqueue-analysis', token, { body: { type: 'unified_assistant', input: { messages: [{ role: 'user', content: 'oi' }] } } });
  assert.equal(ok.status, 202);
  await cluster.stop();
  try {
    await expect503(
      call(gw, 'enqueue-analysis', token, { body: { type: 'unified_assistant', input: { messages: [{ role: 'user', content: 'oi' }] } } }),
      'enqueue',
    );
    await expect503(call(gw, 'get-analysis-status', token, { method: 'GET', query: `job_id=${randomUUID()}` }), 'status');
    await expect503(call(gw, 'cancel-analysis', token, { body: { job_id: randomUUID() } }), 'cancel');
    // The AI functions keep their synchronous path: the outage does not take them down.
    const sync = await call(gw, 'generate-meal-plan-taco', token, { body: { input: { kcal_target: 2000, meals_per_day: 3, days: 1 } } });
    assert.equal(sync.status, 200);
    assert.deepEqual(await sync.json(), { status: 'completed', result: { inline: true }, mode: 'sync' });
  } finally {
    await cluster.start();
  }
  // And it recovers without a restart.
  const again = await call(gw, 'enqueue-analysis', token, { body: { type: 'unified_assistant', input: { messages: [{ role: 'user', content: 'oi' }] } } });
  assert.equal(again.status, 202);
});

test('a server that accepts but never answers also gives 503 (bounded connect): the gateway gives up, not the peer', async () => {
  const port = (blackhole.address() as { port: number }).port;
  accepted = 0;
  const silent = createGateway({ env: envFromRecord(gatewayTestEnv(`postgres://postgres@127.0.0.1:${port}/postgres`)) });
  try {
    const token = await userToken();
    await expect503(
      call(silent, 'enqueue-analysis', token, { body: { type: 'unified_assistant', input: { messages: [{ role: 'user', content: 'oi' }] } } }),
      'enqueue (silent server)',
    );
    // The connection reached the server, which never writes nor hangs up: the 503 can only be the
    // gateway's own connect deadline, not a refused or closed connection.
    assert.ok(accepted >= 1, 'the gateway connected to the silent server');
    await expect503(call(silent, 'get-analysis-status', token, { method: 'GET', query: `job_id=${randomUUID()}` }), 'status (silent server)');
    // No inline runner and no database: nowhere to keep the work.
    await expect503(
      call(silent, 'unified-ai-assistant', token, { body: { input: { messages: [{ role: 'user', content: 'oi' }] } } }),
      'AI function with neither path',
    );
  } finally {
    await silent.close();
  }
});
