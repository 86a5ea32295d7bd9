import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { claimJobs, completeJobs } from '../src/queue/jobs.ts';
import { useFreshDatabase } from './support/database.ts';
import { insertFinishedJobs } from '../bench/lib/finished-jobs.ts';

const db = useFreshDatabase('constraints');

async function count(): Promise<number> {
  return (await db.pool.query<{ n: number }>('select count(*)::int as n from analysis_jobs')).rows[0]!.n;
}

test('an unknown status or type is rejected with SQLSTATE 23514 and no row enters', async () => {
  const before = await count();
  await assert.rejects(db.pool.query(`insert into analysis_jobs (user_id, type) values ($1, 'horoscope')`, [randomUUID()]), { code: '23514' });
  await assert.rejects(db.pool.query(`insert into analysis_jobs (user_id, type, status) values ($1, 'healthcheck', 'done')`, [randomUUID()]), {
    code: '23514',
  });
  // A multi-row insert with one bad row inserts none of them.
  await assert.rejects(db.pool.query(`insert into analysis_jobs (user_id, type) values ($1, 'healthcheck'), ($1, 'bogus')`, [randomUUID()]), { code: '23514' });
  assert.equal(await count(), before);
});

test('an error without code and message, or a processing row without a lease, is rejected', async () => {
  await assert.rejects(db.pool.query(`insert into analysis_jobs (user_id, type, error) values ($1, 'healthcheck', '{"why":"x"}')`, [randomUUID()]), {
    code: '23514',
  });
  await assert.rejects(db.pool.query(`insert into analysis_jobs (user_id, type, status) values ($1, 'healthcheck', 'processing')`, [randomUUID()]), {
    code: '23514',
  });
});

test('updated_at is kept by a trigger', async () => {
  const { rows } = await db.pool.query(
    `insert into analysis_jobs (user_id, type, created_at, updated_at) values ($1, 'healthcheck', now() - interval '1 hour', now() - interval '1 hour') returning id, updated_at`,
    [randomUUID()],
  );
  const { rows: after } = await db.pool.query(`update analysis_jobs set priority = 5 where id = $1 returning updated_at`, [rows[0].id]);
  assert.ok(after[0].updated_at.getTime() > rows[0].updated_at.getTime() + 3_000_000);
});

test('the same idempotency key for the same user cannot enter twice', async () => {
  const user = randomUUID();
  await db.pool.query(`insert into analysis_jobs (user_id, type, idempotency_key) values ($1, 'healthcheck', 'k-1')`, [user]);
  await assert.rejects(db.pool.query(`insert into analysis_jobs (user_id, type, idempotency_key) values ($1, 'healthcheck', 'k-1')`, [user]), {
    code: '23505',
  });
  // Another user may use the same key.
  await db.pool.query(`insert into analysis_jobs (user_id, type, idempotency_key) values ($1, 'healthcheck', 'k-1')`, [randomUUID()]);
});

test('cleanup_expired_analysis_cache() removes only expired entries and returns the count', async () => {
  await db.pool.query(`
    insert into analysis_cache (cache_key, type, result, created_at, expires_at) values
      ('old-1', 'meal_plan', '{}', now() - interval '2 days', now() - interval '1 day'),
      ('old-2', 'sofia_image', '{}', now() - interval '2 hours', now() - interval '1 second'),
      ('fresh', 'meal_plan', '{}', now(), now() + interval '1 day'),
      ('forever', 'medical_exam', '{}', now(), null)`);
  const { rows } = await db.pool.query<{ n: number }>('select cleanup_expired_analysis_cache() as n');
  assert.equal(rows[0]!.n, 2);
  const left = (await db.pool.query<{ cache_key: string }>('select cache_key from analysis_cache order by cache_key')).rows.map((r) => r.cache_key);
  assert.deepEqual(left, ['forever', 'fresh']);
  assert.equal((await db.pool.query<{ n: number }>('select cleanup_expired_analysis_cache() as n')).rows[0]!.n, 0);
});

test('a 1000-row INSERT … SELECT produces exactly one small notification', async () => {
  const listener = new pg.Client({ connectionString: db.url });
  await listener.connect();
  try {
    const payloads: string[] = [];
    listener.on('notification', (n) => {
      if (n.channel === 'analysis_jobs') payloads.push(n.payload ?? '');
    });
    await listener.query('listen analysis_jobs');
    await db.pool.query(`insert into analysis_jobs (user_id, type) select gen_random_uuid(), 'healthcheck' from generate_series(1, 1000)`);
    // A marker sent after the insert commits: when it arrives, every notification of the insert has.
    const marker = new Promise<void>((resolve) => listener.on('notification', (n) => n.channel === 'marker' && resolve()));
    await listener.query('listen marker');
    await db.pool.query(`select pg_notify('marker', '')`);
    await marker;
    assert.equal(payloads.length, 1);
    const payload = payloads[0]!;
    // A fixed payload (sql/054): the daemons claim on any notification of the channel.
    assert.deepEqual(JSON.parse(payload), { op: 'insert' });
    assert.doesNotMatch(payload, /[0-9a-f]{8}-[0-9a-f]{4}-/, 'no row data (ids) in the payload');
  } finally {
    await listener.end();
  }
});

test('every move into a final state by the queue is recorded once in analysis_job_outcomes', async () => {
  // The settle statements write the ledger themselves (sql/033: no row trigger on the hot path).
  const { rows } = await db.pool.query(`insert into analysis_jobs (user_id, type, priority) values ($1, 'healthcheck', -100) returning id`, [randomUUID()]);
  const id = rows[0].id;
  // Earlier tests of this file leave pending rows; the most urgent priority puts ours first.
  const job = (await claimJobs(db.pool, 'w1', 1, 60)).jobs.find((j) => j.id === id);
  assert.ok(job, 'our job was claimed');
  assert.deepEqual([...(await completeJobs(db.pool, [{ id, lease_token: job!.lease_token, locked_by: 'w1', result: { ok: true } }]))], [id]);
  // A second settle with the same lease matches no row and records nothing; nor does a later update.
  assert.equal((await completeJobs(db.pool, [{ id, lease_token: job!.lease_token, locked_by: 'w1', result: { ok: true } }])).size, 0);
  await db.pool.query(`update analysis_jobs set priority = 1 where id = $1`, [id]);
  const ledger = (await db.pool.query('select status, attempt, worker_id from analysis_job_outcomes where job_id = $1', [id])).rows;
  assert.deepEqual(ledger, [{ status: 'completed', attempt: 1, worker_id: 'w1' }]);
});

test('a job id is a version-7 UUID led by its creation millisecond, so each new key sorts after the last (sql/055)', async () => {
  const user = randomUUID();
  const rows: { id: string; created_ms: string; after_ms: string }[] = [];
  // One statement per job, as clients enqueue: each id is taken from the clock as its row is written.
  for (let i = 0; i < 40; i++) {
    const { rows: r } = await db.pool.query<{ id: string; created_ms: string; after_ms: string }>(
      `insert into analysis_jobs (user_id, type) values ($1, 'healthcheck')
       returning id, floor(extract(epoch from created_at) * 1000)::text as created_ms,
                 floor(extract(epoch from clock_timestamp()) * 1000)::text as after_ms`,
      [user],
    );
    rows.push(r[0]!);
  }
  const prefixMs = (id: string) => BigInt(`0x${id.replaceAll('-', '').slice(0, 12)}`);
  for (const [i, r] of rows.entries()) {
    assert.match(r.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'version 7, RFC variant');
    // The embedded millisecond lies between the statement's start and its end.
    assert.ok(prefixMs(r.id) >= BigInt(r.created_ms) && prefixMs(r.id) <= BigInt(r.after_ms), `${r.id} embeds its creation time`);
    if (i > 0) assert.ok(prefixMs(r.id) >= prefixMs(rows[i - 1]!.id), 'the time prefix never goes back');
  }
  assert.equal(new Set(rows.map((r) => r.id.slice(14))).size, rows.length, 'the random part differs even within one millisecond');
});

test('new jobs beside thousands of finished ones fill the newest heap page, not one old page each (sql/055)', async () => {
  await insertFinishedJobs(db.pool, 20_000);
  // What autovacuum leaves a running table: the free-space map of every page.
  await db.pool.query('vacuum analysis_jobs');
  const page = `(ctid::text::point)[0]::int`;
  const lastFinished = (await db.pool.query<{ p: number }>(`select max(${page}) as p from analysis_jobs where status = 'completed'`)).rows[0]!.p;
  // One connection, as one gateway instance enqueues: a backend keeps inserting into the page it last used.
  const client = await db.pool.connect();
  const pages: number[] = [];
  try {
    for (let i = 0; i < 20; i++) {
      const { rows } = await client.query<{ p: number }>(`insert into analysis_jobs (user_id, type) values ($1, 'healthcheck') returning ${page} as p`, [
        randomUUID(),
      ]);
      pages.push(rows[0]!.p);
    }
  } finally {
    client.release();
  }
  // With room kept free on every page (sql/032's fillfactor 85), each insert took an old page's room:
  // 20 pages among the finished rows, each a page to read and write whole after a checkpoint.
  assert.ok(new Set(pages).size <= 2, `20 inserts went to pages ${[...new Set(pages)].join(', ')}`);
  assert.ok(Math.min(...pages) >= lastFinished, 'no new job lands in the middle of the finished ones');
});
