import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useFreshDatabase } from './support/database.ts';
import { asRole } from './support/roles.ts';

const db = useFreshDatabase('rls');
const A = randomUUID();
const B = randomUUID();
let aJobs: string[] = [];
let bJobs: string[] = [];

before(async () => {
  await db.ready;
  const insert = `insert into analysis_jobs (user_id, type, input) select $1, 'healthcheck', '{}' from generate_series(1, $2) returning id`;
  aJobs = (await db.pool.query<{ id: string }>(insert, [A, 3])).rows.map((r) => r.id).sort();
  bJobs = (await db.pool.query<{ id: string }>(insert, [B, 2])).rows.map((r) => r.id).sort();
  await db.pool.query(`insert into analysis_cache (cache_key, type, result) values ('k1', 'meal_plan', '{"x":1}')`);
});

test('an authenticated user sees exactly their own jobs', async () => {
  const ids = await asRole(db.pool, 'authenticated', A, async (c) =>
    (await c.query<{ id: string }>('select id from analysis_jobs order by id')).rows.map((r) => r.id),
  );
  assert.deepEqual(ids, aJobs);
});

test("user A cannot read one of B's jobs even by id", async () => {
  const rows = await asRole(db.pool, 'authenticated', A, async (c) => (await c.query('select * from analysis_jobs where id = $1', [bJobs[0]])).rows);
  assert.equal(rows.length, 0);
});

test('an authenticated user can write nothing directly', async () => {
  await assert.rejects(
    asRole(db.pool, 'authenticated', A, (c) => c.query(`insert into analysis_jobs (user_id, type) values ($1, 'healthcheck')`, [A])),
    { code: '42501' },
  );
  await assert.rejects(
    asRole(db.pool, 'authenticated', A, (c) => c.query(`update analysis_jobs set status = 'cancelled' where id = $1`, [aJobs[0]])),
    { code: '42501' },
  );
  await assert.rejects(
    asRole(db.pool, 'authenticated', A, (c) => c.query('delete from analysis_jobs where id = $1', [aJobs[0]])),
    { code: '42501' },
  );
  const { rows } = await db.pool.query(`select count(*)::int as n from analysis_jobs where status = 'pending'`);
  assert.equal(rows[0].n, 5, 'nothing changed');
});

test('an authenticated user sees no cache rows; anon sees nothing at all', async () => {
  await assert.rejects(
    asRole(db.pool, 'authenticated', A, (c) => c.query('select * from analysis_cache')),
    { code: '42501' },
  );
  await assert.rejects(
    asRole(db.pool, 'anon', null, (c) => c.query('select * from analysis_jobs')),
    { code: '42501' },
  );
  await assert.rejects(
    asRole(db.pool, 'anon', null, (c) => c.query('select * from analysis_cache')),
    { code: '42501' },
  );
  await assert.rejects(
    asRole(db.pool, 'anon', null, (c) => c.query('select request_analysis_cancel($1)', [aJobs[0]])),
    { code: '42501' },
  );
});

test('service_role sees and writes everything', async () => {
  const n = await asRole(db.pool, 'service_role', null, async (c) => {
    await c.query(`insert into analysis_jobs (user_id, type) values ($1, 'healthcheck')`, [B]);
    return (await c.query<{ n: number }>('select count(*)::int as n from analysis_jobs')).rows[0]!.n;
  });
  assert.equal(n, 6);
  const cache = await asRole(db.pool, 'service_role', null, async (c) => (await c.query('select * from analysis_cache')).rows);
  assert.equal(cache.length, 1);
});

test("A can cancel A's job and not B's", async () => {
  const own = await asRole(db.pool, 'authenticated', A, async (c) => (await c.query('select request_analysis_cancel($1) as r', [aJobs[0]])).rows[0].r);
  assert.equal(own, 'cancelled');
  const other = await asRole(db.pool, 'authenticated', A, async (c) => (await c.query('select request_analysis_cancel($1) as r', [bJobs[0]])).rows[0].r);
  assert.equal(other, 'not_found', "another user's job looks exactly like a missing one");
  const { rows } = await db.pool.query('select id, status from analysis_jobs where id = any($1) order by id', [[aJobs[0], bJobs[0]]]);
  const status = Object.fromEntries(rows.map((r) => [r.id, r.status]));
  assert.equal(status[aJobs[0]!], 'cancelled');
  assert.equal(status[bJobs[0]!], 'pending');
  const again = await asRole(db.pool, 'authenticated', A, async (c) => (await c.query('select request_analysis_cancel($1) as r', [aJobs[0]])).rows[0].r);
  assert.equal(again, 'already_cancelled');
});

test('cancelling a running job marks it and notifies the daemon instead of flipping it', async () => {
  const id = aJobs[1]!;
  await db.pool.query(
    `update analysis_jobs set status = 'processing', lease_token = gen_random_uuid(), locked_until = now() + interval '30 seconds', locked_by = 'w' where id = $1`,
    [id],
  );
  const listener = await db.pool.connect();
  try {
    await listener.query('listen analysis_jobs_cancel');
    const got = new Promise<string>((resolve) => listener.once('notification', (n) => resolve(n.payload ?? '')));
    const r = await asRole(db.pool, 'authenticated', A, async (c) => (await c.query('select request_analysis_cancel($1) as r', [id])).rows[0].r);
    assert.equal(r, 'cancel_requested');
    assert.equal(await got, id);
    const { rows } = await db.pool.query('select status, cancel_requested_at is not null as asked from analysis_jobs where id = $1', [id]);
    assert.deepEqual(rows[0], { status: 'processing', asked: true });
  } finally {
    await listener.query('unlisten *');
    listener.release();
  }
});
