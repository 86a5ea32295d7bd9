// The gateway is not blind in production: one summary line per function request (function, status,
// mode, fallback, code, duration, request id — nothing personal), printed as JSON by default (the
// Supabase function log) and, on the daemon's functions host, sent to pino and /metrics.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '../src/observability/logging.ts';
import { createGateway, envFromRecord, type Gateway, type GatewayRequestLog } from '../src/gateway/index.ts';
import type { Daemon } from '../src/start.ts';
import { useFreshDatabase } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';
import { gatewayTestEnv, JWT_SECRET, SUPABASE_URL, userToken } from './support/jwt.ts';

const db = useFreshDatabase('gateway_observability');
const BASE = 'http://functions.test/functions/v1';
let gw: Gateway;
const lines: GatewayRequestLog[] = [];

before(async () => {
  await db.ready;
  gw = createGateway({
    env: envFromRecord(gatewayTestEnv(db.url, { GATEWAY_RATE_LIMIT_PER_MINUTE: '1000' })),
    // The sync path: a meal plan "computed" inline (the routing is under test here, not the planner).
    runInline: async () => ({ result: { days: [{ meals: [] }] } }),
    onRequest: (l) => lines.push(l),
  });
});

after(async () => {
  await gw?.close();
});

function post(name: string, token: string | undefined, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const h: Record<string, string> = { 'content-type': 'application/json', ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  return gw.handle(name, new Request(`${BASE}/${name}`, { method: 'POST', headers: h, body: JSON.stringify(body) }));
}

test('one line per request: status, mode (async, sync, cache), error code, duration and request id; nothing personal', async () => {
  const sub = randomUUID();
  const token = await userToken({ sub });
  lines.length = 0;

  const enq = await post(
    'enqueue-analysis',
    token,
    { type: 'meal_plan', input: { kcal_target: 2000, meals_per_day: 4, days: 1 } },
    { 'sb-request-id': 'req-abc-1' },
  );
  assert.equal(enq.status, 202);
  assert.equal(enq.headers.get('x-request-id'), 'req-abc-1');
  const plan = { input: { kcal_target: 2100, meals_per_day: 3, days: 1 } };
  assert.equal((await post('generate-meal-plan-taco', token, plan)).status, 200);
  assert.equal((await post('generate-meal-plan-taco', token, plan)).status, 200); // now from the cache
  assert.equal((await post('enqueue-analysis', undefined, { type: 'healthcheck' })).status, 401);
  assert.equal((await post('enqueue-analysis', token, { type: 'nope' })).status, 400);

  assert.equal(lines.length, 5, 'exactly one line per request');
  const [a, b, c, d, e] = lines as [GatewayRequestLog, GatewayRequestLog, GatewayRequestLog, GatewayRequestLog, GatewayRequestLog];
  assert.deepEqual(
    { ...a, duration_ms: 0 },
    { event: 'gateway_request', function: 'enqueue-analysis', method: 'POST', status: 202, mode: 'async', duration_ms: 0, request_id: 'req-abc-1' },
  );
  assert.deepEqual([b.function, b.status, b.mode], ['generate-meal-plan-taco', 200, 'sync']);
  assert.deepEqual([c.status, c.mode], [200, 'cache']);
  assert.deepEqual([d.status, d.code, d.mode], [401, 'missing_token', undefined]);
  assert.deepEqual([e.status, e.code], [400, 'invalid_input']);
  for (const l of lines) {
    assert.equal(typeof l.duration_ms, 'number');
    assert.ok(l.duration_ms >= 0);
    assert.match(l.request_id, /^[A-Za-z0-9._:-]+$/);
  }
  const text = JSON.stringify(lines);
  for (const secret of [sub, token, '2100']) assert.ok(!text.includes(secret), 'no user id, token or input in the log');
});

test('the async flag without a worker: the fallback is named in the line', async () => {
  const flagged = createGateway({
    env: envFromRecord(gatewayTestEnv(db.url, { MEAL_PLAN_USE_ASYNC: 'true', GATEWAY_RATE_LIMIT_PER_MINUTE: '1000' })),
    runInline: async () => ({ result: { days: [] } }),
    onRequest: (l) => lines.push(l),
  });
  try {
    lines.length = 0;
    const res = await flagged.handle(
      'generate-meal-plan-taco',
      new Request(`${BASE}/generate-meal-plan-taco`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await userToken()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ input: { kcal_target: 1900, meals_per_day: 3, days: 1 } }),
      }),
    );
    assert.equal(res.status, 200);
    assert.deepEqual([lines[0]?.mode, lines[0]?.fallback], ['sync', 'no_worker']);
  } finally {
    await flagged.close();
  }
});

test('on the daemon: function requests reach pino and /metrics; deprecated names are logged', async () => {
  const logged: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) logged.push(JSON.parse(line));
      done();
    },
  });
  let daemon: Daemon | undefined;
  try {
    daemon = await startTestDaemon(
      db.url,
      { SERVE_FUNCTIONS: 'true', LOG_LEVEL: 'info' },
      {
        logger: createLogger('info', sink),
        // The old name: still works, with a deprecation line.
        gatewayEnv: { SUPABASE_URL, SUPABASE_JWT_SECRET: JWT_SECRET },
      },
    );
    const base = `http://127.0.0.1:${daemon.port}`;
    const res = await fetch(`${base}/functions/v1/enqueue-analysis`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await userToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'meal_plan', input: { kcal_target: 2000, meals_per_day: 4, days: 1 } }),
    });
    assert.equal(res.status, 202);
    const unauth = await fetch(`${base}/functions/v1/get-analysis-status?job_id=${randomUUID()}`);
    assert.equal(unauth.status, 401);

    const requests = logged.filter((l) => l.event === 'gateway_request');
    assert.deepEqual(
      requests.map((l) => [l.function, l.status, l.mode ?? null]),
      [
        ['enqueue-analysis', 202, 'async'],
        ['get-analysis-status', 401, null],
      ],
    );
    assert.ok(logged.some((l) => l.event === 'deprecated_setting' && String(l.msg).startsWith('SUPABASE_JWT_SECRET is deprecated')));

    const metrics = await (await fetch(`${base}/metrics`)).text();
    assert.match(metrics, /^ai_worker_gateway_requests_total\{function="enqueue-analysis",status="202",mode="async"\} 1$/m);
    assert.match(metrics, /^ai_worker_gateway_requests_total\{function="get-analysis-status",status="401",mode="none"\} 1$/m);
    assert.match(metrics, /^ai_worker_gateway_request_duration_seconds_count\{function="enqueue-analysis"\} 1$/m);
  } finally {
    await daemon?.stop(0);
  }
});
