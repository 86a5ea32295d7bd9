// The framework-free tracker (ai-worker/client) against the real product: the daemon serving the
// edge functions, the Realtime emulator fed by sql/040's trigger, the model emulators, and the real
// supabase-js client. Pacing knobs are set so that each test can only pass through the mechanism it
// names (e.g. polling set to minutes when the answer must come from Realtime).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { AnalysisTracker, type JobSnapshot, type TrackerOptions } from '../src/client/index.ts';
import { ERROR_MESSAGES } from '../src/client/errors.ts';
import { startStack, type Stack } from '../scripts/demo-web/stack.ts';
import { useFreshDatabase, waitUntil } from './support/database.ts';
import { testPng } from './support/emulators.ts';

const db = useFreshDatabase('client_tracker', { migrated: false });
let stack: Stack;
const trackers: AnalysisTracker[] = [];
const clients: SupabaseClient[] = [];
const MINUTES = { downMinMs: 600_000, downMaxMs: 600_000, liveMaxMs: 600_000 };
const MEAL_PLAN = { kcal_target: 1800, meals_per_day: 4, days: 1, restrictions: [] };

before(async () => {
  await db.ready;
  stack = await startStack({
    databaseUrl: db.url,
    flags: { MEAL_PLAN_USE_ASYNC: 'true', SOFIA_USE_ASYNC: 'false' },
    env: { GATEWAY_RATE_LIMIT_PER_MINUTE: '5', WORKER_HEARTBEAT_SECONDS: '1', WORKER_LEASE_SECONDS: '5' },
  });
});

after(async () => {
  for (const t of trackers) await t.close();
  for (const c of clients) await c.removeAllChannels();
  await stack?.close();
});

function supabase(token: string, url = stack.url): SupabaseClient {
  const c = createClient(url, 'anon-key', { accessToken: async () => token, realtime: { transport: WebSocket as never } });
  clients.push(c);
  return c;
}

async function trackerFor(user: string, options: Partial<TrackerOptions> = {}, client?: unknown): Promise<AnalysisTracker> {
  const t = new AnalysisTracker({ supabase: (client ?? supabase(await stack.tokenFor(user))) as never, userId: () => user, ...options });
  trackers.push(t);
  return t;
}

/** A client whose answered function calls are counted: a status call counts once its answer is in. */
function countingAnswers(c: SupabaseClient): { client: SupabaseClient; answered: () => number } {
  let answered = 0;
  const client = new Proxy(c, {
    get(target, prop) {
      if (prop === 'functions') {
        const functions = target.functions;
        const invoke: typeof functions.invoke = (...args) => functions.invoke(...args).finally(() => answered++);
        return { invoke };
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { client, answered: () => answered };
}

function until<R>(
  tracker: AnalysisTracker,
  job: { jobId: string; estimatedSeconds: number; type?: string },
  pred: (s: JobSnapshot<R>) => boolean,
  what: string,
) {
  const seen: Array<JobSnapshot<R>> = [];
  let unwatch = () => {};
  const done = new Promise<JobSnapshot<R>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; last ${JSON.stringify(seen.at(-1))}`)), 20_000);
    unwatch = tracker.watch<R>({ type: job.type ?? 'meal_plan', ...job }, (s) => {
      seen.push(s);
      if (pred(s)) {
        clearTimeout(timer);
        resolve(s);
      }
    });
  });
  return { done, seen, unwatch: () => unwatch() };
}

async function pendingJob(user: string, status = 'pending', error?: object): Promise<string> {
  // run_at an hour away: no daemon claims it; the test decides what happens to it.
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into analysis_jobs (user_id, type, status, run_at, error, completed_at)
     values ($1, 'meal_plan', $2, now() + interval '1 hour', $3, case when $2 = 'pending' then null else now() end) returning id`,
    [user, status, error ? JSON.stringify(error) : null],
  );
  return rows[0]!.id;
}

test('sync path: a 200 carries the result at once, no job to follow', async () => {
  const t = await trackerFor(randomUUID());
  const out = await t.start('sofia_image', { image_base64: testPng(160, 120, 62).toString('base64'), meal_type: 'almoco' });
  assert.equal(out.kind, 'result', JSON.stringify(out));
  assert.ok(out.kind === 'result' && Array.isArray((out.result as { foods?: unknown[] }).foods));
  assert.equal(t.following, 0);
});

test('202, then the Realtime broadcast brings the completion (polling set to minutes)', async () => {
  const user = randomUUID();
  const t = await trackerFor(user, { schedule: MINUTES });
  const out = await t.start('meal_plan', MEAL_PLAN);
  assert.equal(out.kind, 'job', JSON.stringify(out));
  if (out.kind !== 'job') return;
  assert.ok(out.estimatedSeconds > 0);
  const w = until<{ days?: unknown[] }>(t, out, (s) => s.status === 'completed', 'completed');
  const final = await w.done;
  assert.equal(final.realtime, 'live');
  assert.ok(Array.isArray(final.result?.days));
  // One fetch when the channel went live (the race guard) and one for the completed broadcast at most.
  assert.ok(final.polls <= 2, `polls ${final.polls}`);
  w.unwatch();
});

test("postgres_changes on the user's rows brings the completion (polling set to minutes)", async () => {
  const user = randomUUID();
  const calls = countingAnswers(supabase(await stack.tokenFor(user)));
  const t = await trackerFor(user, { realtime: 'postgres_changes', schedule: MINUTES }, calls.client);
  const jobId = await pendingJob(user);
  const w = until<{ days?: unknown[] }>(t, { jobId, estimatedSeconds: 300 }, (s) => s.status === 'completed', 'completed');
  // Live means the server said "Subscribed to PostgreSQL"; the re-fetch then found the job pending. Its answer
  // awaited too: one still in flight would read the row after the UPDATEs below (a CI run, 2026-12-06).
  await waitUntil(async () => t.snapshot(jobId)?.realtime === 'live' && t.snapshot(jobId)?.polls === 1 && calls.answered() === 1, {
    what: 'live, one re-fetch answered',
  });
  const changesBefore = stack.realtime.stats.changes;
  await db.pool.query(
    `update analysis_jobs set status = 'processing', lease_token = gen_random_uuid(), locked_until = now() + interval '30 s', locked_by = 't' where id = $1`,
    [jobId],
  );
  await waitUntil(async () => w.seen.at(-1)?.status === 'processing', { what: 'processing, from the change' });
  await db.pool.query(
    `update analysis_jobs set status = 'completed', lease_token = null, locked_until = null, result = '{"days":[]}', completed_at = now() where id = $1`,
    [jobId],
  );
  const final = await w.done;
  assert.deepEqual(final.result, { days: [] });
  assert.equal(final.polls, 2, 'the re-fetch on live, then one status call for the completed change');
  assert.equal(stack.realtime.stats.changes - changesBefore, 2, 'two UPDATEs reached the tracker as postgres_changes');
  w.unwatch();
});

test('postgres_changes mode: a job that finished before the subscription is found by the re-fetch once it is active', async () => {
  const user = randomUUID();
  const jobId = await pendingJob(user);
  await db.pool.query(`update analysis_jobs set status = 'completed', result = '{"days":[]}', completed_at = now() where id = $1`, [jobId]);
  const t = await trackerFor(user, { realtime: 'postgres_changes', schedule: MINUTES });
  const w = until(t, { jobId, estimatedSeconds: 300 }, (s) => s.status === 'completed', 'completed');
  const final = await w.done;
  assert.equal(final.polls, 1);
  assert.equal(final.realtime, 'live');
  w.unwatch();
});

test('postgres_changes refused by the server (a system error after the join): Realtime counts as down, polling finds the result', async () => {
  const user = randomUUID();
  // Outside the publication, the subscription cannot be registered: Realtime says so in a `system` message.
  await db.pool.query('alter publication supabase_realtime drop table public.analysis_jobs');
  try {
    const t = await trackerFor(user, { realtime: 'postgres_changes', schedule: { downMinMs: 50, downMaxMs: 200, liveMaxMs: 600_000 } });
    const jobId = await pendingJob(user);
    const w = until(t, { jobId, estimatedSeconds: 300 }, (s) => s.status === 'completed', 'completed by polling');
    await waitUntil(async () => t.snapshot(jobId)?.realtime === 'down', { what: 'down after the system error' });
    await db.pool.query(`update analysis_jobs set status = 'completed', result = '{"days":[]}', completed_at = now() where id = $1`, [jobId]);
    const final = await w.done;
    assert.equal(final.realtime, 'down');
    w.unwatch();
  } finally {
    await db.pool.query('alter publication supabase_realtime add table public.analysis_jobs');
  }
});

test('Realtime down: polling takes over and finds the result', async () => {
  const user = randomUUID();
  stack.realtime.setKnobs({ down: true });
  try {
    const t = await trackerFor(user, { schedule: { downMinMs: 50, downMaxMs: 200, liveMaxMs: 600_000 } });
    const out = await t.start('meal_plan', { ...MEAL_PLAN, kcal_target: 1750 });
    assert.equal(out.kind, 'job');
    if (out.kind !== 'job') return;
    const w = until(t, out, (s) => s.status === 'completed', 'completed by polling');
    const final = await w.done;
    assert.equal(final.realtime, 'down');
    assert.ok(final.polls >= 1);
    w.unwatch();
  } finally {
    stack.realtime.setKnobs({ down: false });
  }
});

test('the race before the subscription: a job that finished before the join is found by the re-fetch on SUBSCRIBED', async () => {
  const user = randomUUID();
  const jobId = await pendingJob(user);
  await db.pool.query(`update analysis_jobs set status = 'completed', result = '{"days":[]}', completed_at = now() where id = $1`, [jobId]);
  const t = await trackerFor(user, { schedule: MINUTES });
  const w = until(t, { jobId, estimatedSeconds: 300 }, (s) => s.status === 'completed', 'completed');
  const final = await w.done;
  assert.equal(final.polls, 1);
  assert.deepEqual(final.result, { days: [] });
  w.unwatch();
});

test('slow: past the expected time the job is flagged, and still followed', async () => {
  const user = randomUUID();
  const jobId = await pendingJob(user);
  const t = await trackerFor(user, { realtime: false, schedule: { downMinMs: 30, downMaxMs: 60, slowMinMs: 100, slowFactor: 0, slowCapMs: 100 } });
  const w = until(t, { jobId, estimatedSeconds: 1 }, (s) => s.slow, 'slow');
  const slow = await w.done;
  assert.equal(slow.status, 'pending');

  await db.pool.query(`update analysis_jobs set status = 'completed', result = '{"ok":true}', completed_at = now() where id = $1`, [jobId]);
  await waitUntil(async () => w.seen.at(-1)?.status === 'completed', { what: 'completion after slow' });
  w.unwatch();
});

test('cancel: 200 cancels a pending job; 409 says it had already finished and brings its outcome', async () => {
  const user = randomUUID();
  const t = await trackerFor(user, { schedule: MINUTES });
  const pending = await pendingJob(user);
  const w = until(t, { jobId: pending, estimatedSeconds: 5 }, (s) => s.status === 'cancelled', 'cancelled');
  assert.equal(await t.cancel(pending), 'cancelled');
  assert.equal((await w.done).status, 'cancelled');
  w.unwatch();

  const finished = await pendingJob(user);
  await db.pool.query(`update analysis_jobs set status = 'completed', result = '{"x":1}', completed_at = now() where id = $1`, [finished]);
  const t2 = await trackerFor(user, { realtime: false, schedule: MINUTES });
  const w2 = until(t2, { jobId: finished, estimatedSeconds: 5 }, (s) => s.status === 'completed', 'completed via 409');
  assert.equal(await t2.cancel(finished), 'already_finished');
  assert.deepEqual((await w2.done).result, { x: 1 });
  w2.unwatch();
});

test('one follower and one channel however many watchers; all released when nobody watches', async () => {
  const user = randomUUID();
  const t = await trackerFor(user, { schedule: MINUTES });
  const a = await pendingJob(user);
  const b = await pendingJob(user);
  const joinsBefore = stack.realtime.stats.joins;
  const unwatch = [
    t.watch({ jobId: a, type: 'meal_plan', estimatedSeconds: 5 }, () => {}),
    t.watch({ jobId: a, type: 'meal_plan', estimatedSeconds: 5 }, () => {}),
    t.watch({ jobId: a, type: 'meal_plan', estimatedSeconds: 5 }, () => {}),
    t.watch({ jobId: b, type: 'meal_plan', estimatedSeconds: 5 }, () => {}),
  ];
  assert.equal(t.following, 2);
  await waitUntil(async () => t.snapshot(a)?.realtime === 'live' && t.snapshot(b)?.realtime === 'live', { what: 'live' });
  assert.equal(t.openChannels, 1);
  assert.equal(stack.realtime.stats.joins - joinsBefore, 1, 'one join for the user, not one per job or watcher');
  for (const u of unwatch) u();
  await waitUntil(async () => t.following === 0 && t.openChannels === 0, { what: 'release' });
});

test('errors become the pt-BR message a patient reads', async (t) => {
  await t.test('FunctionsFetchError → sem conexão', async () => {
    const tr = new AnalysisTracker({ supabase: supabase(await stack.tokenFor(randomUUID()), 'http://127.0.0.1:9') as never, userId: () => undefined });
    const out = await tr.start('meal_plan', MEAL_PLAN);
    assert.equal(out.kind === 'error' && out.error.code, 'network');
    assert.match(out.kind === 'error' ? out.error.message : '', /Sem conexão/);
  });
  await t.test('a token the project did not sign → session message', async () => {
    const bad = createClient(stack.url, 'anon', { accessToken: async () => 'not-a-jwt', realtime: { transport: WebSocket as never } });
    clients.push(bad);
    const out = await new AnalysisTracker({ supabase: bad as never }).start('meal_plan', MEAL_PLAN);
    assert.equal(out.kind === 'error' && out.error.code, 'invalid_token');
    assert.equal(out.kind === 'error' && out.error.message, ERROR_MESSAGES.invalid_token![0]);
  });
  await t.test('invalid input → 400 invalid_input, not retryable', async () => {
    const out = await (await trackerFor(randomUUID())).start('meal_plan', { kcal_target: 'lots' });
    assert.equal(out.kind === 'error' && out.error.code, 'invalid_input');
    assert.equal(out.kind === 'error' && out.error.retryable, false);
  });
  await t.test('429 → the wait in seconds, from Retry-After', async () => {
    const tr = await trackerFor(randomUUID());
    let last;
    for (let i = 0; i < 8; i++) {
      last = await tr.start('meal_plan', { ...MEAL_PLAN, kcal_target: 1500 + i });
      if (last.kind === 'error') break;
    }
    assert.equal(last?.kind === 'error' && last.error.code, 'rate_limited');
    const e = last && last.kind === 'error' ? last.error : undefined;
    assert.ok(e?.retryAfterSeconds && e.retryAfterSeconds > 0);
    assert.match(e!.message, new RegExp(`Aguarde ${e!.retryAfterSeconds} segundo`));
  });
  await t.test("a failed job's code → its message", async () => {
    const user = randomUUID();
    const jobId = await pendingJob(user, 'failed', { code: 'providers_unavailable', message: 'all providers down' });
    const tr = await trackerFor(user, { realtime: false, schedule: { downMinMs: 10, downMaxMs: 10 } });
    const w = until(tr, { jobId, estimatedSeconds: 1 }, (s) => s.status === 'failed', 'failed');
    const s = await w.done;
    assert.equal(s.error?.message, ERROR_MESSAGES.providers_unavailable![0]);
    w.unwatch();
  });
  await t.test('a job that does not exist (or is not yours) → not found, following stops', async () => {
    const tr = await trackerFor(randomUUID(), { realtime: false, schedule: { downMinMs: 10, downMaxMs: 10 } });
    const w = until(tr, { jobId: randomUUID(), estimatedSeconds: 1 }, (s) => s.error !== undefined, 'error');
    assert.equal((await w.done).error?.code, 'not_found');
    w.unwatch();
  });
});
