// enqueue-analysis, get-analysis-status and cancel-analysis as web-standard handlers on real
// PostgreSQL: every status code, the error shape, idempotency, the cache, RLS isolation, and a
// corpus of bad tokens that must write nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { cacheKeyFor } from '../src/cache/key.ts';
import { storeCache } from '../src/cache/store.ts';
import { createGateway, envFromRecord, type Gateway } from '../src/gateway/index.ts';
import { useFreshDatabase } from './support/database.ts';
import { asymmetricKeys, asymmetricToken, badTokens, gatewayTestEnv, userToken, type AsymmetricKeys } from './support/jwt.ts';

const db = useFreshDatabase('gateway_api');
let gw: Gateway;
let keys: AsymmetricKeys;
const BASE = 'http://functions.test/functions/v1';
/** A cheap job an app user may create (healthcheck is for operators only). */
const CHAT = { type: 'unified_assistant', input: { messages: [{ role: 'user', content: 'oi' }] } };

before(async () => {
  await db.ready;
  keys = await asymmetricKeys();
  gw = createGateway({
    env: envFromRecord(gatewayTestEnv(db.url, { GATEWAY_JWKS_URL: keys.jwksUrl, GATEWAY_RATE_LIMIT_PER_MINUTE: '1000', GATEWAY_MAX_BODY_BYTES: '65536' })),
  });
});

after(async () => {
  await gw?.close();
  await keys?.close();
});

function post(name: string, token: string | undefined, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const h: Record<string, string> = { 'content-type': 'application/json', ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  return gw.handle(name, new Request(`${BASE}/${name}`, { method: 'POST', headers: h, body: typeof body === 'string' ? body : JSON.stringify(body) }));
}

function get(name: string, token: string | undefined, query: string): Promise<Response> {
  const h: Record<string, string> = {};
  if (token) h.authorization = `Bearer ${token}`;
  return gw.handle(name, new Request(`${BASE}/${name}?${query}`, { headers: h }));
}

async function errorOf(res: Response): Promise<{ code: string; message: string; fields?: string[] }> {
  const body = (await res.json()) as { error: { code: string; message: string; fields?: string[] } };
  assert.equal(typeof body.error.code, 'string');
  assert.equal(typeof body.error.message, 'string');
  assert.equal(res.headers.get('access-control-allow-origin'), '*', 'errors carry CORS headers too');
  return body.error;
}

async function jobCount(): Promise<number> {
  return (await db.pool.query<{ n: number }>('select count(*)::int as n from analysis_jobs')).rows[0]!.n;
}

test('OPTIONS preflight answers ok with the CORS headers Supabase documents', async () => {
  for (const name of ['enqueue-analysis', 'get-analysis-status', 'cancel-analysis', 'sofia-image-analysis']) {
    const res = await gw.handle(name, new Request(`${BASE}/${name}`, { method: 'OPTIONS' }));
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'ok');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-allow-headers'), 'authorization, x-client-info, apikey, content-type');
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /POST/);
  }
});

test('enqueue: 202 with job id, pending status, status_url and an estimate; the row belongs to the token subject', async () => {
  const sub = randomUUID();
  const res = await post('enqueue-analysis', await userToken({ sub }), { ...CHAT, user_id: randomUUID() });
  // user_id in the body is not a known field: the body schema ignores it, the owner comes from the token.
  assert.equal(res.status, 202);
  const body = (await res.json()) as Record<string, unknown>;
  assert.equal(body.status, 'pending');
  assert.match(String(body.job_id), /^[0-9a-f-]{36}$/);
  assert.equal(body.status_url, `http://supabase.test/functions/v1/get-analysis-status?job_id=${body.job_id}`);
  assert.equal(body.estimated_seconds, 6, 'unified_assistant default with no history');
  const row = (await db.pool.query('select user_id, type, status, cache_key, handler_version from analysis_jobs where id = $1', [body.job_id])).rows[0];
  assert.equal(row.user_id, sub);
  assert.equal(row.type, 'unified_assistant');
  assert.equal(row.handler_version, '1');
});

test('enqueue: 401 without a token, 415 for a non-JSON body, 400 for invalid JSON, 405 for GET', async () => {
  const token = await userToken();
  const before = await jobCount();
  assert.equal((await errorOf(await post('enqueue-analysis', undefined, CHAT))).code, 'missing_token');
  const r415 = await post('enqueue-analysis', token, 'type=unified_assistant', { 'content-type': 'application/x-www-form-urlencoded' });
  assert.equal(r415.status, 415);
  assert.equal((await errorOf(r415)).code, 'unsupported_media_type');
  const r400 = await post('enqueue-analysis', token, '{"type": "unified_assistant",');
  assert.equal(r400.status, 400);
  assert.equal((await errorOf(r400)).code, 'invalid_json');
  const r405 = await get('enqueue-analysis', token, '');
  assert.equal(r405.status, 405);
  await errorOf(r405);
  assert.equal(await jobCount(), before);
});

test('enqueue: 400 invalid_input lists the fields at fault (schema shared with the worker)', async () => {
  const token = await userToken();
  const r1 = await post('enqueue-analysis', token, { type: 'meal_plan', input: { kcal_target: 50, meals_per_day: 3, days: 1, extra: true } });
  assert.equal(r1.status, 400);
  const e1 = await errorOf(r1);
  assert.equal(e1.code, 'invalid_input');
  assert.deepEqual(new Set(e1.fields), new Set(['input.kcal_target', 'input.extra']));
  const r2 = await post('enqueue-analysis', token, { type: 'astrology', input: {} });
  assert.equal(r2.status, 400);
  assert.deepEqual((await errorOf(r2)).fields, ['type']);
  const r3 = await post('enqueue-analysis', token, { ...CHAT, priority: -5 });
  assert.deepEqual((await errorOf(r3)).fields, ['priority']);
});

test('enqueue: 413 on a declared Content-Length and on the bytes actually sent', async () => {
  const token = await userToken();
  const big = JSON.stringify({ type: 'unified_assistant', input: { messages: [{ role: 'user', content: 'x'.repeat(70_000) }] } });
  const declared = await post('enqueue-analysis', token, big);
  assert.equal(declared.status, 413);
  assert.equal((await errorOf(declared)).code, 'payload_too_large');
  // A lying Content-Length (small) with a large streamed body: the limit holds on the bytes read.
  const chunks = [new TextEncoder().encode(big.slice(0, 40_000)), new TextEncoder().encode(big.slice(40_000))];
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      const next = chunks.shift();
      if (next) c.enqueue(next);
      else c.close();
    },
  });
  const req = new Request(`${BASE}/enqueue-analysis`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': '100' },
    body: stream,
    duplex: 'half',
  } as RequestInit);
  const streamed = await gw.handle('enqueue-analysis', req);
  assert.equal(streamed.status, 413);
});

test('idempotency: the same key returns the same job, sequentially and under a concurrent race', async () => {
  const sub = randomUUID();
  const token = await userToken({ sub });
  const first = await post('enqueue-analysis', token, { ...CHAT, idempotency_key: 'k-1' });
  assert.equal(first.status, 202);
  const a = (await first.json()) as { job_id: string };
  const again = await post('enqueue-analysis', token, { ...CHAT, idempotency_key: 'k-1' });
  assert.equal(again.status, 202);
  const b = (await again.json()) as { job_id: string; idempotent_replay: boolean };
  assert.equal(b.job_id, a.job_id);
  assert.equal(b.idempotent_replay, true);

  const racers = await Promise.all(Array.from({ length: 8 }, () => post('enqueue-analysis', token, { ...CHAT, idempotency_key: 'k-race' })));
  const ids = new Set(
    await Promise.all(
      racers.map(async (r) => {
        assert.equal(r.status, 202);
        return ((await r.json()) as { job_id: string }).job_id;
      }),
    ),
  );
  assert.equal(ids.size, 1, 'one job for eight concurrent requests');
  const { rows } = await db.pool.query('select count(*)::int as n from analysis_jobs where user_id = $1', [sub]);
  assert.equal(rows[0].n, 2);

  // Another user's identical key is another job.
  const other = await post('enqueue-analysis', await userToken(), { ...CHAT, idempotency_key: 'k-1' });
  assert.notEqual(((await other.json()) as { job_id: string }).job_id, a.job_id);

  // A finished job answers 200 with its result.
  await db.pool.query(`update analysis_jobs set status = 'completed', result = '{"ok":true}', completed_at = now() where id = $1`, [a.job_id]);
  const done = await post('enqueue-analysis', token, { ...CHAT, idempotency_key: 'k-1' });
  assert.equal(done.status, 200);
  const d = (await done.json()) as { job_id: string; status: string; result: unknown };
  assert.equal(d.job_id, a.job_id);
  assert.equal(d.status, 'completed');
  assert.deepEqual(d.result, { ok: true });
});

test('a cache hit answers 200 with the result and writes no job', async () => {
  const input = { kcal_target: 2100, meals_per_day: 4, days: 2, restrictions: ['vegetarian'] };
  const key = await cacheKeyFor('meal_plan', input, null);
  assert.ok(key);
  await storeCache(db.pool, key, 'meal_plan', { plan: 'cached' }, 3600);
  const before = await jobCount();
  // Key order differs from the stored one: the canonical key is the same.
  const res = await post('enqueue-analysis', await userToken(), {
    type: 'meal_plan',
    input: { restrictions: ['vegetarian'], days: 2, meals_per_day: 4, kcal_target: 2100 },
  });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'completed', result: { plan: 'cached' }, cached: true });
  assert.equal(await jobCount(), before);
  const hits = (await db.pool.query('select hits from analysis_cache where cache_key = $1', [key])).rows[0].hits;
  assert.equal(hits, 1);
});

test('estimated_seconds is the mean of the last 50 completed jobs of the type', async () => {
  const u = randomUUID();
  await db.pool.query(
    `insert into analysis_jobs (user_id, type, status, started_at, completed_at)
     select $1, 'medical_exam', 'completed', now() - interval '10 seconds', now() - interval '10 seconds' + make_interval(secs => 4 + (g % 3))
       from generate_series(1, 60) g`,
    [u],
  );
  const res = await post('enqueue-analysis', await userToken(), { type: 'medical_exam', input: { text: 'Glicose 90 mg/dL (70 a 99)' } });
  assert.equal(res.status, 202);
  const body = (await res.json()) as { estimated_seconds: number };
  assert.equal(body.estimated_seconds, 5, 'mean of 4, 5 and 6 seconds');
});

test('status: 200 for the owner with the documented fields, 404 for another user exactly like a missing job, 400 for a bad id', async () => {
  const owner = randomUUID();
  const ownerToken = await userToken({ sub: owner });
  const { job_id } = (await (await post('enqueue-analysis', ownerToken, CHAT)).json()) as { job_id: string };

  const mine = await get('get-analysis-status', ownerToken, `job_id=${job_id}`);
  assert.equal(mine.status, 200);
  const body = (await mine.json()) as Record<string, unknown>;
  assert.deepEqual(Object.keys(body).sort(), ['attempts', 'completed_at', 'created_at', 'error', 'job_id', 'result', 'started_at', 'status', 'type']);
  assert.equal(body.job_id, job_id);
  assert.equal(body.status, 'pending');

  const stranger = await get('get-analysis-status', await userToken(), `job_id=${job_id}`);
  const missing = await get('get-analysis-status', ownerToken, `job_id=${randomUUID()}`);
  assert.equal(stranger.status, 404);
  assert.equal(missing.status, 404);
  assert.deepEqual(await stranger.json(), await missing.json(), 'indistinguishable');

  const bad = await get('get-analysis-status', ownerToken, 'job_id=1%20or%201=1');
  assert.equal(bad.status, 400);
  assert.deepEqual((await errorOf(bad)).fields, ['job_id']);
  assert.equal((await get('get-analysis-status', undefined, `job_id=${job_id}`)).status, 401);
});

test('cancel: 200 cancelled / cancel_requested, 404 for a stranger, 409 once finished', async () => {
  const owner = randomUUID();
  const token = await userToken({ sub: owner });
  const { job_id } = (await (await post('enqueue-analysis', token, CHAT)).json()) as { job_id: string };

  const stranger = await post('cancel-analysis', await userToken(), { job_id });
  assert.equal(stranger.status, 404);
  assert.equal((await errorOf(stranger)).code, 'not_found');
  assert.equal((await db.pool.query('select status from analysis_jobs where id = $1', [job_id])).rows[0].status, 'pending');

  const ok = await post('cancel-analysis', token, { job_id });
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { job_id, status: 'cancelled' });

  const twice = await post('cancel-analysis', token, { job_id });
  assert.equal(twice.status, 409);
  assert.equal((await errorOf(twice)).code, 'already_cancelled');

  const { job_id: running } = (await (await post('enqueue-analysis', token, CHAT)).json()) as { job_id: string };
  await db.pool.query(`update analysis_jobs set status = 'processing', lease_token = gen_random_uuid(), locked_until = now() + interval '30 s' where id = $1`, [
    running,
  ]);
  const requested = await post('cancel-analysis', token, { job_id: running });
  assert.equal(requested.status, 200);
  assert.equal(((await requested.json()) as { status: string }).status, 'cancel_requested');

  assert.equal((await post('cancel-analysis', token, { job_id: 'nope' })).status, 400);
  assert.equal((await post('cancel-analysis', token, { job_id: randomUUID() })).status, 404);
});

test('RS256 and ES256 tokens verify through the JWKS; HS256 through the secret', async () => {
  for (const token of [
    await asymmetricToken(keys.rsa.privateKey, 'RS256', keys.rsa.kid),
    await asymmetricToken(keys.ec.privateKey, 'ES256', keys.ec.kid),
    await userToken(),
  ]) {
    const res = await post('enqueue-analysis', token, CHAT);
    assert.equal(res.status, 202);
  }
});

test('every bad token gets 401 in the documented shape, and writes nothing', async () => {
  const corpus = await badTokens(keys);
  const before = await jobCount();
  for (const { name, token } of corpus) {
    for (const fn of ['enqueue-analysis', 'cancel-analysis', 'generate-meal-plan-taco'] as const) {
      const res = await post(fn, token, fn === 'cancel-analysis' ? { job_id: randomUUID() } : CHAT);
      assert.equal(res.status, 401, `${name} on ${fn}`);
      const e = await errorOf(res);
      assert.match(e.code, /^(invalid_token|token_expired|missing_token)$/, name);
      assert.ok(!e.message.includes(token.slice(0, 20)), 'the token is never echoed');
    }
    assert.equal((await get('get-analysis-status', token, `job_id=${randomUUID()}`)).status, 401, name);
  }
  assert.equal(await jobCount(), before, 'zero rows written');
  const cache = (await db.pool.query<{ n: number }>('select coalesce(sum(hits), 0)::int as n from analysis_cache')).rows[0]!.n;
  assert.equal(cache, 1, "no cache lookups either (only the earlier test's hit)");
});

test('429 with Retry-After when one user exceeds the per-minute limit; other users are unaffected', async () => {
  const limited = createGateway({ env: envFromRecord(gatewayTestEnv(db.url, { GATEWAY_RATE_LIMIT_PER_MINUTE: '3' })) });
  try {
    const token = await userToken();
    const send = (t: string) =>
      limited.handle(
        'enqueue-analysis',
        new Request(`${BASE}/enqueue-analysis`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
          body: JSON.stringify(CHAT),
        }),
      );
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(token)).status);
    assert.deepEqual(statuses, [202, 202, 202, 429]);
    const res = await send(token);
    assert.equal(res.status, 429);
    assert.equal((await errorOf(res)).code, 'rate_limited');
    const retry = Number(res.headers.get('retry-after'));
    assert.ok(retry >= 1 && retry <= 20, `Retry-After ${retry}`);
    assert.equal((await send(await userToken())).status, 202);
  } finally {
    await limited.close();
  }
});

test('unknown function names answer 404 in the error shape', async () => {
  const res = await gw.handle('no-such-function', new Request(`${BASE}/no-such-function`));
  assert.equal(res.status, 404);
  assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'function_not_found');
});
