// The AI functions' routing and each fallback in its own test: flag off → sync; flag on with a live
// worker → async; no worker seen in 60 s → sync; the enqueue fails → sync; the sync path runs past
// its budget → queued (202); no handler set here → queued; handler errors.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PermanentError, TransientError } from '../src/errors.ts';
import { createGateway, envFromRecord, type Gateway, type RunInline } from '../src/gateway/index.ts';
import { settleWithin, useFreshDatabase } from './support/database.ts';
import { gatewayTestEnv, userToken } from './support/jwt.ts';

const db = useFreshDatabase('gateway_fallbacks');
const open: Gateway[] = [];
let seq = 1000;

before(async () => {
  await db.ready;
});

afterEach(async () => {
  await db.pool.query('delete from ai_workers; delete from feature_flags; drop trigger if exists refuse_inserts on analysis_jobs');
});

after(async () => {
  for (const g of open) await g.close();
});

function gateway(runInline: RunInline | undefined, env: Record<string, string> = {}, syncBudgetMs?: number): Gateway {
  const g = createGateway({
    env: envFromRecord(gatewayTestEnv(db.url, { GATEWAY_RATE_LIMIT_PER_MINUTE: '10000', ...env })),
    runInline,
    flagCacheTtlMs: 0,
    ...(syncBudgetMs ? { syncBudgetMs } : {}),
  });
  open.push(g);
  return g;
}

async function mealPlan(g: Gateway, sub = randomUUID()): Promise<{ status: number; body: Record<string, unknown>; sub: string }> {
  const res = await g.handle(
    'generate-meal-plan-taco',
    new Request('http://x/functions/v1/generate-meal-plan-taco', {
      method: 'POST',
      headers: { authorization: `Bearer ${await userToken({ sub })}`, 'content-type': 'application/json' },
      // A fresh input each time: no cache hits between tests.
      body: JSON.stringify({ input: { kcal_target: seq++, meals_per_day: 3, days: 1 } }),
    }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, sub };
}

async function liveWorker(): Promise<void> {
  await db.pool.query(`insert into ai_workers (id, host, pid, version, concurrency) values ($1, 'h', 1, 't', 2)`, [`w-${randomUUID()}`]);
}

async function jobsOf(sub: string): Promise<Array<{ type: string; status: string }>> {
  return (await db.pool.query('select type, status from analysis_jobs where user_id = $1', [sub])).rows;
}

const inline: RunInline = async (type, input) => ({ result: { inline: true, type, kcal: (input as { kcal_target: number }).kcal_target } });

test('flag OFF (the default): the handler runs inline and answers 200 mode sync; nothing is queued', async () => {
  await liveWorker();
  const r = await mealPlan(gateway(inline));
  assert.equal(r.status, 200);
  assert.equal(r.body.mode, 'sync');
  assert.equal(r.body.status, 'completed');
  assert.deepEqual((r.body.result as { inline: boolean }).inline, true);
  assert.equal(r.body.fallback, undefined);
  assert.deepEqual(await jobsOf(r.sub), []);
});

test('flag ON with a worker seen recently: 202 mode async with a job', async () => {
  await liveWorker();
  const r = await mealPlan(gateway(inline, { MEAL_PLAN_USE_ASYNC: 'true' }));
  assert.equal(r.status, 202);
  assert.equal(r.body.mode, 'async');
  assert.equal(r.body.status, 'pending');
  assert.match(String(r.body.job_id), /^[0-9a-f-]{36}$/);
  assert.ok(typeof r.body.status_url === 'string' && typeof r.body.estimated_seconds === 'number');
  assert.deepEqual(await jobsOf(r.sub), [{ type: 'meal_plan', status: 'pending' }]);
});

test('the feature_flags table overrides the environment for the function', async () => {
  await liveWorker();
  await db.pool.query(`insert into feature_flags (name, value) values ('MEAL_PLAN_USE_ASYNC', '100%')`);
  const r = await mealPlan(gateway(inline));
  assert.equal(r.body.mode, 'async');
});

test('fallback: no worker seen within 60 s → sync', async () => {
  await db.pool.query(
    `insert into ai_workers (id, host, pid, version, concurrency, last_seen_at) values ('stale', 'h', 1, 't', 2, now() - interval '61 seconds')`,
  );
  const r = await mealPlan(gateway(inline, { MEAL_PLAN_USE_ASYNC: 'true' }));
  assert.equal(r.status, 200);
  assert.equal(r.body.mode, 'sync');
  assert.equal(r.body.fallback, 'no_worker');
  assert.deepEqual(await jobsOf(r.sub), []);
});

test('fallback: the enqueue fails → sync', async () => {
  await liveWorker();
  await db.pool.query(`
    create or replace function refuse_inserts() returns trigger language plpgsql as $$ begin raise exception 'queue closed'; end $$;
    create trigger refuse_inserts before insert on analysis_jobs for each row execute function refuse_inserts();`);
  const r = await mealPlan(gateway(inline, { MEAL_PLAN_USE_ASYNC: 'true' }));
  assert.equal(r.status, 200);
  assert.equal(r.body.mode, 'sync');
  assert.equal(r.body.fallback, 'enqueue_failed');
});

test('fallback: the sync path runs past its budget → the work is handed to the queue, 202', async () => {
  let aborted: unknown;
  // A handler that notices its signal (as real handlers do) …
  const slow: RunInline = (_t, _i, signal) =>
    new Promise((_, reject) => signal.addEventListener('abort', () => reject((aborted = signal.reason)), { once: true }));
  const r = await settleWithin(mealPlan(gateway(slow, {}, 200)), 10_000, 'the slow handler request');
  assert.equal(r.status, 202);
  assert.equal(r.body.mode, 'async');
  assert.equal(r.body.fallback, 'sync_timeout');
  assert.ok(aborted instanceof Error, 'the handler was told through its AbortSignal');
  assert.deepEqual(await jobsOf(r.sub), [{ type: 'meal_plan', status: 'pending' }]);

  // … and one that ignores it and never settles: only the budget's timer can answer, so an answer
  // at all (sync_timeout) is the proof that the response does not wait for the handler.
  const deaf: RunInline = () => new Promise(() => {});
  const r2 = await settleWithin(mealPlan(gateway(deaf, {}, 200)), 10_000, 'the deaf handler request');
  assert.equal(r2.status, 202);
  assert.equal(r2.body.fallback, 'sync_timeout');
});

test('fallback: no handler set here (a Deno entry without the bundle) → queued, 202', async () => {
  const r = await mealPlan(gateway(undefined));
  assert.equal(r.status, 202);
  assert.equal(r.body.mode, 'async');
  assert.equal(r.body.fallback, 'sync_unavailable');
  assert.equal((await jobsOf(r.sub)).length, 1);
});

test('sync handler errors: permanent → 422 with its code; transient → queued for the worker to retry', async () => {
  const permanent: RunInline = async () => {
    throw new PermanentError('blocked', 'the model refused the photo');
  };
  const p = await mealPlan(gateway(permanent));
  assert.equal(p.status, 422);
  // The code is the handler's; the user's text is the Portuguese catalogue's, never the handler's own detail.
  assert.deepEqual(p.body, {
    error: {
      code: 'blocked',
      message: 'the analysis cannot be done with this input (blocked); error.user_message says why, in Portuguese',
      user_message: 'não foi possível concluir a análise; tente novamente mais tarde',
    },
  });
  assert.deepEqual(await jobsOf(p.sub), []);

  const transient: RunInline = async () => {
    throw new TransientError('providers_unavailable', 'every provider failed');
  };
  const t = await mealPlan(gateway(transient));
  assert.equal(t.status, 202);
  assert.equal(t.body.fallback, 'sync_failed');
  assert.equal((await jobsOf(t.sub)).length, 1);
});

test('a sync result is cached: the same input answers from the cache next time', async () => {
  let calls = 0;
  const counting: RunInline = async () => ({ result: { n: ++calls } });
  const g = gateway(counting);
  const body = JSON.stringify({ input: { kcal_target: 4321, meals_per_day: 4, days: 2 } });
  const ask = async () =>
    (
      await g.handle(
        'generate-meal-plan-taco',
        new Request('http://x/f', { method: 'POST', headers: { authorization: `Bearer ${await userToken()}`, 'content-type': 'application/json' }, body }),
      )
    ).json() as Promise<Record<string, unknown>>;
  const first = await ask();
  const second = await ask();
  assert.equal(first.cached, undefined);
  assert.deepEqual(second, { status: 'completed', result: { n: 1 }, mode: 'sync', cached: true });
  assert.equal(calls, 1);
});

test('AI functions accept the input at the top level too, and validate it (400 with fields)', async () => {
  const g = gateway(inline);
  const send = async (body: unknown) =>
    g.handle(
      'analyze-medical-exam',
      new Request('http://x/f', {
        method: 'POST',
        headers: { authorization: `Bearer ${await userToken()}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  const ok = await send({ text: 'Hemoglobina 13,5 g/dL (12,0 a 16,0)' });
  assert.equal(ok.status, 200);
  const bad = await send({ input: { text: '' } });
  assert.equal(bad.status, 400);
  assert.deepEqual(((await bad.json()) as { error: { fields: string[] } }).error.fields, ['input.text']);
});
