// The queue's second pass (issue 15, and issue 11's claim-side fairness): each test here failed
// before the change it covers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { waitUntil } from '../src/dev/testkit/wait.ts';
import { RetryAfterError, TransientError } from '../src/errors.ts';
import { healthcheckHandler } from '../src/handlers/healthcheck.ts';
import type { JobHandler } from '../src/handlers/types.ts';
import { CircuitBreaker } from '../src/providers/breaker.ts';
import { runChain } from '../src/providers/chain.ts';
import { useFreshDatabase } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';

const db = useFreshDatabase('queue2');

async function insert(
  type: string,
  input: object = {},
  extra: { id?: string; maxAttempts?: number; userId?: string; priority?: number } = {},
): Promise<string> {
  const id = extra.id ?? randomUUID();
  await db.pool.query(`insert into analysis_jobs (id, user_id, type, input, max_attempts, priority) values ($1, $2, $3, $4, $5, $6)`, [
    id,
    extra.userId ?? randomUUID(),
    type,
    input,
    extra.maxAttempts ?? 3,
    extra.priority ?? 0,
  ]);
  return id;
}

const row = async (id: string) => (await db.pool.query('select * from analysis_jobs where id = $1', [id])).rows[0];

/**
 * Until every one of `ids` reads completed. Read from the table, not from events: reading a row and
 * then subscribing missed a completion that landed between the two (a 15 s timeout in 3 of 18 runs).
 */
const allCompleted = (ids: string[]) =>
  waitUntil(
    async () =>
      (await db.pool.query(`select count(*)::int as n from analysis_jobs where id = any($1) and status = 'completed'`, [ids])).rows[0].n === ids.length,
    {
      timeoutMs: 20_000,
      what: `${ids.length} jobs to complete`,
    },
  );

/** A gauge's value as /metrics exposes it (loopback needs no OPS_TOKEN). */
async function gauge(port: number, name: string): Promise<number | undefined> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

/** A handler of `type` that runs `fn` (the job types are a CHECK constraint; tests borrow them). */
function handler(type: string, fn: JobHandler['run'], timeoutMs?: number): JobHandler {
  return { type, version: 'test', timeoutMs, run: fn };
}

test('a result with NUL and lone surrogates is stored cleaned, and the job completes', async () => {
  const d = await startTestDaemon(
    db.url,
    {},
    {
      handlers: [handler('meal_plan', async () => ({ result: { text: 'pdf\u0000text', odd: 'x\ud800y', ['k\u0000']: ['\udc00'] } }))],
    },
  );
  try {
    const id = randomUUID();
    const completed = d.events.waitFor('job:completed', (e) => e.jobId === id, 10_000);
    await insert('meal_plan', {}, { id });
    await completed;
    const r = await row(id);
    assert.equal(r.status, 'completed');
    assert.deepEqual(r.result, { text: 'pdftext', odd: 'x\ufffdy', k: ['\ufffd'] });
  } finally {
    await d.stop();
  }
});

test('a settle PostgreSQL refuses (class 22) fails that job alone with result_unstorable, at once; its batch completes', async () => {
  const d = await startTestDaemon(
    db.url,
    { WORKER_COMPLETION_BATCH_MS: '100' },
    {
      handlers: [
        healthcheckHandler,
        // A token count beyond integer: 22003 numeric_value_out_of_range from the settle statement.
        handler('meal_plan', async () => ({ result: { ok: true }, calls: [{ provider: 'ollama', model: 'm', ok: true, ms: 1, input_tokens: 3_000_000_000 }] })),
      ],
    },
  );
  try {
    const failed = d.events.waitFor('job:failed', (e) => e.error.code === 'result_unstorable', 10_000);
    const completed: string[] = [];
    d.events.on('job:completed', (e) => void completed.push(e.jobId));
    const healthy = [await insert('healthcheck'), await insert('healthcheck')];
    const bad = await insert('meal_plan');
    const f = await failed;
    assert.equal(f.jobId, bad);
    const r = await row(bad);
    assert.equal(r.status, 'failed');
    assert.equal(r.error.code, 'result_unstorable');
    assert.equal(r.attempts, 1, 'failed on its first attempt, not retried');
    for (const id of healthy) {
      if (!completed.includes(id)) await d.events.waitFor('job:completed', (e) => e.jobId === id, 10_000);
      assert.equal((await row(id)).status, 'completed');
    }
  } finally {
    await d.stop();
  }
});

test('every retry wake-up is kept: a retry due after another does not wait for the sweep', async () => {
  const d = await startTestDaemon(
    db.url,
    { WORKER_SWEEP_SECONDS: '3600' },
    {
      handlers: [
        handler('meal_plan', async (input, ctx) => {
          const ms = (input as { retry_ms: number }).retry_ms;
          if (ctx.attempt === 1) throw new RetryAfterError('providers_rate_limited', `again in ${ms} ms`, ms);
          return { result: { ok: true } };
        }),
      ],
    },
  );
  try {
    const [early, late] = [randomUUID(), randomUUID()] as [string, string];
    const completed = Promise.all([early, late].map((id) => d.events.waitFor('job:completed', (e) => e.jobId === id, 15_000)));
    await insert('meal_plan', { retry_ms: 200 }, { id: early });
    await insert('meal_plan', { retry_ms: 1200 }, { id: late });
    await completed;
    for (const id of [early, late]) assert.equal((await row(id)).attempts, 2);
  } finally {
    await d.stop();
  }
});

test('an open provider chain snoozes the job (attempt refunded) and pauses its type until the next probe', async () => {
  // The breaker's own clock, moved by the test: the circuit stays open until the test says so.
  let clock = 0;
  const breaker = new CircuitBreaker('ollama', { failures: 1, cooldownMs: 300, now: () => clock });
  let healthy = false;
  const call = () =>
    breaker.run(async () => {
      if (!healthy) throw new TransientError('providers_unavailable', 'down');
      return 'olá';
    });
  // The outage: the circuit opens; then the provider recovers, but the circuit stays open until its probe.
  await assert.rejects(call());
  healthy = true;
  assert.equal(breaker.state, 'open');
  const d = await startTestDaemon(
    db.url,
    {},
    {
      handlers: [
        handler('unified_assistant', async (_input, ctx) => {
          const out = await runChain('chat', [{ provider: 'ollama', model: 'm', run: () => call() }], ctx.signal, ctx.calls);
          return { result: { text: out.value } };
        }),
      ],
    },
  );
  const pausedUntil: number[] = [];
  const early: string[] = [];
  d.events.on('job:snoozed', (e) => void pausedUntil.push(Date.now() + e.delayMs));
  d.events.on('job:claimed', (e) => {
    // Timers fire a few ms late, never early; 5 ms of slack for the two clocks' reads.
    if (e.type === 'unified_assistant' && pausedUntil.some((t) => Date.now() < t - 5)) early.push(e.jobId);
  });
  try {
    // max_attempts 1: before, the refusal spent the only attempt and the job failed.
    const ids = [randomUUID(), randomUUID()];
    const snoozed = Promise.all(ids.map((id) => d.events.waitFor('job:snoozed', (e) => e.jobId === id, 10_000)));
    const done = Promise.all(ids.map((id) => d.events.waitFor('job:completed', (e) => e.jobId === id, 20_000)));
    await db.pool.query(
      `insert into analysis_jobs (id, user_id, type, max_attempts) select id, gen_random_uuid(), 'unified_assistant', 1 from unnest($1::uuid[]) id`,
      [ids],
    );
    const first = await snoozed;
    assert.ok(first.every((e) => e.refunded));
    clock += 300; // the next probe is due
    await done;
    for (const id of ids) {
      const r = await row(id);
      assert.equal(r.status, 'completed');
      assert.equal(r.attempts, 1, 'the snoozed attempts were refunded');
      assert.ok(r.snoozes >= 1);
    }
    assert.deepEqual(early, [], 'no job of the type was claimed before the pause after a snooze ended');
  } finally {
    await d.stop();
  }
});

test('snoozes are bounded: past WORKER_MAX_SNOOZES an outage spends attempts and ends the job', async () => {
  const breaker = new CircuitBreaker('gemini', { failures: 1, cooldownMs: 200 });
  const call = () =>
    breaker.run(async () => {
      throw new TransientError('providers_unavailable', 'down');
    });
  await assert.rejects(call());
  const d = await startTestDaemon(
    db.url,
    { WORKER_MAX_SNOOZES: '1' },
    {
      handlers: [
        handler('sofia_image', async (_input, ctx) => {
          const out = await runChain('vision', [{ provider: 'gemini', model: 'm', run: () => call() }], ctx.signal, ctx.calls);
          return { result: out.value };
        }),
      ],
    },
  );
  try {
    const id = randomUUID();
    const failed = d.events.waitFor('job:failed', (e) => e.jobId === id, 20_000);
    await insert('sofia_image', {}, { id, maxAttempts: 2 });
    await failed;
    const r = await row(id);
    assert.equal(r.status, 'failed');
    assert.ok(r.snoozes >= 1 && r.attempts === 2, `snoozes ${r.snoozes}, attempts ${r.attempts}`);
  } finally {
    await d.stop();
  }
});

test('a handler that ignores its AbortSignal keeps its slot until it returns; its retry never runs beside it', async () => {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let starts = 0;
  const d = await startTestDaemon(
    db.url,
    { WORKER_CONCURRENCY: '1', WORKER_RETRY_BASE_MS: '1', WORKER_RETRY_MAX_MS: '1' },
    {
      handlers: [
        handler(
          'meal_plan',
          async (_input, ctx) => {
            starts++;
            // Ignores ctx.signal on its first attempt.
            if (ctx.attempt === 1) await released;
            return { result: { ok: true } };
          },
          300,
        ),
      ],
    },
  );
  try {
    const order: string[] = [];
    d.events.on('job:abandoned', () => void order.push('abandoned'));
    d.events.on('job:abandoned_ended', () => void order.push('abandoned_ended'));
    d.events.on('job:claimed', (e) => void order.push(`claimed:${e.attempt}`));
    const id = await insert('meal_plan');
    await d.events.waitFor('job:abandoned', (e) => e.jobId === id, 10_000);
    assert.equal(d.worker.abandonedCount, 1);
    assert.equal(d.worker.runningCount, 1, 'the abandoned handler still counts');
    assert.equal(await gauge(d.port, 'ai_worker_handlers_abandoned'), 1, 'the gauge reads the worker');
    assert.equal(starts, 1);
    const ended = d.events.waitFor('job:abandoned_ended', (e) => e.jobId === id, 10_000);
    const done = d.events.waitFor('job:completed', (e) => e.jobId === id, 10_000);
    release();
    await ended;
    await done;
    assert.deepEqual(order, ['claimed:1', 'abandoned', 'abandoned_ended', 'claimed:2']);
    assert.equal(d.worker.abandonedCount, 0);
    assert.equal(await gauge(d.port, 'ai_worker_handlers_abandoned'), 0);
    assert.equal((await row(id)).attempts, 2);
  } finally {
    release();
    await d.stop();
  }
});

test('a graceful stop returns while an abandoned handler still runs', async () => {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const d = await startTestDaemon(db.url, {}, { handlers: [handler('meal_plan', async () => (await released, { result: { ok: true } }), 200)] });
  try {
    const id = await insert('meal_plan');
    await d.events.waitFor('job:abandoned', (e) => e.jobId === id, 10_000);
    await d.stop(1_000);
    assert.equal(d.worker.abandonedCount, 1);
  } finally {
    release();
    await d.stop();
  }
});

test('WORKER_CONCURRENCY_<TYPE> caps a type in the claim; other types are not held back', async () => {
  let current = 0;
  let max = 0;
  // The meal plans hold their slots until two run at once and the healthcheck has completed beside
  // them: the cap is then used (max reaches 2), never passed, and holds back no other type.
  let otherDone = false;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const maybeOpen = () => {
    if (current >= 2 && otherDone) open();
  };
  const d = await startTestDaemon(
    db.url,
    { WORKER_CONCURRENCY: '10', WORKER_CONCURRENCY_MEAL_PLAN: '2' },
    {
      handlers: [
        healthcheckHandler,
        handler('meal_plan', async () => {
          current++;
          max = Math.max(max, current);
          maybeOpen();
          await opened;
          current--;
          return { result: { ok: true } };
        }),
      ],
    },
  );
  try {
    const capped: string[] = [];
    for (let i = 0; i < 8; i++) capped.push(await insert('meal_plan'));
    const other = randomUUID();
    const otherCompleted = d.events.waitFor('job:completed', (e) => e.jobId === other, 10_000);
    await insert('healthcheck', {}, { id: other });
    await otherCompleted;
    otherDone = true;
    maybeOpen();
    await allCompleted(capped);
    assert.equal(max, 2, 'never more than the cap at once, and the cap is used');
  } finally {
    await d.stop();
  }
});

test('default priorities: interactive types run before batch work when the inserter chose none', async () => {
  const d = await startTestDaemon(
    db.url,
    { WORKER_CONCURRENCY: '1' },
    { handlers: [handler('meal_plan', async () => ({ result: {} })), handler('unified_assistant', async () => ({ result: {} }))] },
  );
  try {
    const order: string[] = [];
    d.events.on('job:claimed', (e) => void order.push(e.jobId));
    const [plan, chat, chosen] = [randomUUID(), randomUUID(), randomUUID()] as string[] as [string, string, string];
    // Rows earlier tests of this file left pending would share the claim with these three: clear them.
    await db.pool.query(`update analysis_jobs set status = 'cancelled', completed_at = now() where status = 'pending'`);
    const done = d.events.waitFor('job:completed', (e) => e.jobId === plan, 10_000);
    // One statement, so one notification and one claim that sees all three; the plan is the oldest.
    await db.pool.query(
      `insert into analysis_jobs (id, user_id, type, priority, run_at)
       values ($1, gen_random_uuid(), 'meal_plan', 0, now() - interval '1 minute'),
              ($2, gen_random_uuid(), 'unified_assistant', 0, now()),
              ($3, gen_random_uuid(), 'meal_plan', 5, now())`,
      [plan, chat, chosen],
    );
    assert.equal((await row(plan)).priority, 10);
    assert.equal((await row(chat)).priority, -20);
    assert.equal((await row(chosen)).priority, 5, 'a priority the inserter chose is kept');
    await done;
    // (Jobs other tests of this file left pending may be claimed too: only these three's order matters.)
    assert.deepEqual(
      order.filter((id) => [plan, chat, chosen].includes(id)),
      [chat, chosen, plan],
    );
  } finally {
    await d.stop();
  }
});

test("one user's backlog does not delay another user's job of the same priority (users take turns)", async () => {
  const d = await startTestDaemon(db.url, { WORKER_CONCURRENCY: '3' }, { handlers: [healthcheckHandler] });
  try {
    const order: string[] = [];
    const heavy = randomUUID();
    const backlog: string[] = Array.from({ length: 12 }, () => randomUUID());
    let other = '';
    // Only this test's jobs (others of this file may have left some pending).
    d.events.on('job:claimed', (e) => void ((backlog.includes(e.jobId) || e.jobId === other) && order.push(e.jobId)));
    // The heavy user's first three fill the three slots; the first ends soon, the others hold theirs.
    const delays = [100, 3000, 3000, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const claimed3 = d.events.waitFor('job:claimed', () => order.length === 3, 10_000);
    await db.pool.query(
      `insert into analysis_jobs (id, user_id, type, input, run_at)
       select id, $2, 'healthcheck', jsonb_build_object('delay_ms', delay), now() - interval '1 minute' + n * interval '1 ms'
         from unnest($1::uuid[], $3::int[]) with ordinality as b(id, delay, n)`,
      [backlog, heavy, delays],
    );
    await claimed3;
    assert.deepEqual(order, backlog.slice(0, 3));
    // Due after nine rows of the heavy user, but that user already has jobs running: this one goes next.
    other = randomUUID();
    const completed = d.events.waitFor('job:completed', (e) => e.jobId === other, 10_000);
    await db.pool.query(`insert into analysis_jobs (id, user_id, type) values ($1, gen_random_uuid(), 'healthcheck')`, [other]);
    await completed;
    assert.equal(order[3], other, `the other user's job was claim number ${order.indexOf(other) + 1}`);
  } finally {
    await d.stop();
  }
});

test('a WORKER_ID whose registry row is fresh and belongs to another host is refused; that daemon keeps its jobs', async () => {
  const id = randomUUID();
  await db.pool.query(
    `insert into ai_workers (id, host, pid, version, concurrency, running, status) values ('twin', 'another-host', 4242, 'x', 5, 1, 'running')
     on conflict (id) do update set host = excluded.host, pid = excluded.pid, status = 'running', last_seen_at = now()`,
  );
  await db.pool.query(
    `insert into analysis_jobs (id, user_id, type, status, attempts, locked_by, lease_token, locked_until, started_at)
     values ($1, $2, 'healthcheck', 'processing', 1, 'twin', gen_random_uuid(), now() + interval '5 minutes', now())`,
    [id, randomUUID()],
  );
  await assert.rejects(startTestDaemon(db.url, { WORKER_ID: 'twin' }, { handlers: [healthcheckHandler] }), /WORKER_ID twin is in use/);
  const r = await row(id);
  assert.equal(r.status, 'processing', 'the live twin still holds its job');
  assert.equal(r.locked_by, 'twin');
  // Once that row is stale (its daemon stopped renewing), the id may be taken again and its jobs recovered.
  await db.pool.query(`update ai_workers set last_seen_at = now() - interval '1 hour' where id = 'twin'`);
  const d = await startTestDaemon(db.url, { WORKER_ID: 'twin' }, { handlers: [healthcheckHandler] });
  try {
    if ((await row(id)).status !== 'completed') await d.events.waitFor('job:completed', (e) => e.jobId === id, 10_000);
    assert.equal((await row(id)).status, 'completed');
  } finally {
    await d.stop();
  }
});

test('claim-ahead is bounded in time: jobs held behind a slow one are handed back with the attempt refunded', async () => {
  const d = await startTestDaemon(db.url, { WORKER_CONCURRENCY: '1' }, { handlers: [healthcheckHandler] });
  try {
    // Warm-up: an instant handler makes the measured duration tiny, so the next claim takes many ahead.
    const warm = randomUUID();
    const warmed = d.events.waitFor('job:completed', (e) => e.jobId === warm, 10_000);
    await insert('healthcheck', {}, { id: warm });
    await warmed;
    const slow = randomUUID();
    const fast: string[] = Array.from({ length: 20 }, () => randomUUID());
    await db.pool.query(
      `insert into analysis_jobs (id, user_id, type, input, run_at)
       select id, gen_random_uuid(), 'healthcheck', case when id = $1 then '{"delay_ms": 2500}'::jsonb else '{}'::jsonb end,
              case when id = $1 then now() - interval '1 minute' else now() end
         from unnest($2::uuid[]) as id`,
      [slow, [slow, ...fast]],
    );
    const released = await d.events.waitFor('job:released', (e) => fast.includes(e.jobId), 10_000);
    assert.ok(fast.includes(released.jobId));
    await allCompleted(fast);
    const { rows } = await db.pool.query('select max(attempts)::int as n from analysis_jobs where id = any($1)', [fast]);
    assert.equal(rows[0].n, 1, 'the released jobs ran once, their held attempt refunded');
  } finally {
    await d.stop();
  }
});
