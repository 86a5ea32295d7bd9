// Who may ask for what through the gateway, and how much: the job types app users may create, the
// per-user cap on active jobs (atomic under concurrency), the webhook's own body limit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createGateway, envFromRecord, type Gateway } from '../src/gateway/index.ts';
import { useFreshDatabase } from './support/database.ts';
import { gatewayTestEnv, userToken } from './support/jwt.ts';

const db = useFreshDatabase('gateway_security');
let gw: Gateway;
const BASE = 'http://functions.test/functions/v1';

before(async () => {
  await db.ready;
  gw = createGateway({ env: envFromRecord(gatewayTestEnv(db.url, { GATEWAY_RATE_LIMIT_PER_MINUTE: '1000', MAX_ACTIVE_JOBS_PER_USER: '3' })) });
});

after(async () => {
  await gw?.close();
});

function post(g: Gateway, name: string, token: string, body: unknown): Promise<Response> {
  return g.handle(
    name,
    new Request(`${BASE}/${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

async function jobsOf(userId: string): Promise<number> {
  return (await db.pool.query<{ n: number }>('select count(*)::int as n from analysis_jobs where user_id = $1', [userId])).rows[0]!.n;
}

const plan = (days: number) => ({ type: 'meal_plan', input: { kcal_target: 2000, meals_per_day: 3, days } });

test('enqueue-analysis: whatsapp_message and healthcheck are refused with 403 job_type_not_allowed, nothing written', async () => {
  const sub = randomUUID();
  const token = await userToken({ sub });
  const forbidden = [
    { type: 'whatsapp_message', input: { from: '5511999990000', text: 'mensagem que o usuário escolheu' } },
    { type: 'healthcheck', input: { delay_ms: 60_000, fail_times: 100 } },
    { type: 'healthcheck' },
  ];
  for (const body of forbidden) {
    const res = await post(gw, 'enqueue-analysis', token, body);
    assert.equal(res.status, 403, body.type);
    const { error } = (await res.json()) as { error: { code: string; message: string; fields: string[] } };
    assert.equal(error.code, 'job_type_not_allowed');
    assert.deepEqual(error.fields, ['type']);
  }
  assert.equal(await jobsOf(sub), 0, 'no row written');
  assert.equal((await db.pool.query('select count(*)::int as n from analysis_jobs where type in ($1, $2)', ['whatsapp_message', 'healthcheck'])).rows[0].n, 0);
});

test('enqueue-analysis: the four analysis types are accepted', async () => {
  const sub = randomUUID();
  const token = await userToken({ sub });
  const ok = [
    plan(1),
    { type: 'unified_assistant', input: { messages: [{ role: 'user', content: 'oi' }] } },
    { type: 'medical_exam', input: { text: 'GLICOSE 90 mg/dL 70 a 99' } },
  ];
  for (const body of ok) assert.equal((await post(gw, 'enqueue-analysis', token, body)).status, 202, body.type);
  assert.equal(await jobsOf(sub), 3);
});

test('MAX_ACTIVE_JOBS_PER_USER: past the cap 429 too_many_active_jobs with Retry-After, nothing written; other users unaffected; finishing one frees a slot', async () => {
  const sub = randomUUID();
  const token = await userToken({ sub });
  for (let d = 1; d <= 3; d++) assert.equal((await post(gw, 'enqueue-analysis', token, plan(d))).status, 202);
  const res = await post(gw, 'enqueue-analysis', token, plan(4));
  assert.equal(res.status, 429);
  const { error } = (await res.json()) as { error: { code: string; message: string } };
  assert.equal(error.code, 'too_many_active_jobs');
  assert.ok(Number(res.headers.get('retry-after')) >= 1);
  assert.equal(await jobsOf(sub), 3, 'nothing written');
  // The same through an AI function: the cap is not bypassed by running the work inline.
  await db.pool.query(
    `insert into ai_workers (id, host, pid, version, concurrency) values ('w-cap', 'h', 1, 'test', 1) on conflict (id) do update set last_seen_at = now()`,
  );
  await db.pool.query(`insert into feature_flags (name, value) values ('MEAL_PLAN_USE_ASYNC', 'true') on conflict (name) do update set value = 'true'`);
  const viaAi = await post(gw, 'generate-meal-plan-taco', token, { input: plan(5).input });
  assert.equal(viaAi.status, 429);
  assert.equal(await jobsOf(sub), 3);
  // An idempotent replay of an existing job is not refused.
  await db.pool.query(`update analysis_jobs set idempotency_key = 'k-cap' where id = (select id from analysis_jobs where user_id = $1 limit 1)`, [sub]);
  assert.equal((await post(gw, 'enqueue-analysis', token, { ...plan(1), idempotency_key: 'k-cap' })).status, 202);
  // Another user is not affected.
  assert.equal((await post(gw, 'enqueue-analysis', await userToken(), plan(1))).status, 202);
  // A finished job frees its slot.
  await db.pool.query(
    `update analysis_jobs set status = 'completed', completed_at = now() where id = (select id from analysis_jobs where user_id = $1 limit 1)`,
    [sub],
  );
  assert.equal((await post(gw, 'enqueue-analysis', token, plan(6))).status, 202);
  assert.equal(await jobsOf(sub), 4);
});

test('the cap is atomic: concurrent requests at the edge of the cap never slip past it', async () => {
  // 20 users, each with 2 of 3 slots taken, each sending 4 requests at once: exactly one may pass.
  for (let round = 0; round < 20; round++) {
    const sub = randomUUID();
    const token = await userToken({ sub });
    for (let d = 1; d <= 2; d++) assert.equal((await post(gw, 'enqueue-analysis', token, plan(d))).status, 202);
    const statuses = (await Promise.all([3, 4, 5, 6].map((d) => post(gw, 'enqueue-analysis', token, plan(d))))).map((r) => r.status).sort();
    assert.deepEqual(statuses, [202, 429, 429, 429], `round ${round}`);
    assert.equal(await jobsOf(sub), 3);
  }
});

test('webhook: a body past WHATSAPP_MAX_BODY_BYTES (256 KB) is refused on its declared length before a byte is read', async () => {
  const hook = createGateway({ env: envFromRecord(gatewayTestEnv(db.url, { WHATSAPP_APP_SECRET: 'app-secret-for-tests' })) });
  try {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        if (pulled > 20) c.close();
        else c.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const declared = await hook.handle(
      'whatsapp-ai-assistant',
      new Request(`${BASE}/whatsapp-ai-assistant`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(300 * 1024) },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    assert.equal(declared.status, 413);
    assert.equal(((await declared.json()) as { error: { code: string } }).error.code, 'payload_too_large');
    assert.ok(pulled <= 1, `at most the stream's own first prefetch was produced (${pulled} chunks), none read`);

    // No declared length (chunked): reading stops as soon as the bytes pass the limit.
    let chunks = 0;
    const chunked = new ReadableStream<Uint8Array>({
      pull(c) {
        chunks++;
        if (chunks > 64) c.close();
        else c.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const streamed = await hook.handle(
      'whatsapp-ai-assistant',
      new Request(`${BASE}/whatsapp-ai-assistant`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunked,
        duplex: 'half',
      } as RequestInit),
    );
    assert.equal(streamed.status, 413);
    assert.ok(chunks <= 6, `stopped after ~256 KB (${chunks} chunks of 64 KB produced of 64)`);
  } finally {
    await hook.close();
  }
});

test('sync path: past SYNC_MAX_CONCURRENCY inline analyses, further work goes to the queue (fallback sync_busy)', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let started!: () => void;
  const running = new Promise<void>((r) => (started = r));
  let calls = 0;
  const busy = createGateway({
    env: envFromRecord(gatewayTestEnv(db.url, { GATEWAY_RATE_LIMIT_PER_MINUTE: '1000', SYNC_MAX_CONCURRENCY: '1', MAX_ACTIVE_JOBS_PER_USER: '100' })),
    runInline: async (_type, input) => {
      calls++;
      started();
      await gate;
      return { result: { inline: true, kcal: (input as { kcal_target: number }).kcal_target } };
    },
  });
  try {
    await db.pool.query(`delete from feature_flags`);
    const token = await userToken();
    const send = (kcal: number) => post(busy, 'generate-meal-plan-taco', token, { input: { kcal_target: kcal, meals_per_day: 3, days: 1 } });
    const first = send(2301);
    await running;
    const second = await send(2302);
    assert.equal(second.status, 202);
    const body = (await second.json()) as { mode: string; fallback: string; job_id: string };
    assert.equal(body.mode, 'async');
    assert.equal(body.fallback, 'sync_busy');
    assert.equal(calls, 1, 'the second request never ran inline');
    release();
    assert.equal((await first).status, 200);
    const third = await send(2303);
    assert.equal(third.status, 200, 'the slot is free again');
  } finally {
    release();
    await busy.close();
  }
});
