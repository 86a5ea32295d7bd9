// LGPD life cycle: finished jobs deleted after JOB_RETENTION_DAYS, media stripped from finished
// jobs' input after JOB_INPUT_RETENTION_HOURS (small batches, partial indexes), both run by the
// daemon's sweep; deleting a user from auth.users erases their jobs and personal cache entries;
// a WhatsApp sender is erased by phone number.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../src/db/migrate.ts';
import { applyRetention } from '../src/retention/retention.ts';
import { createDatabase, databaseUrl, dropDatabase, useFreshDatabase, waitUntil } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';
import { ADMIN_URL } from './support/database.ts';

const db = useFreshDatabase('retention');

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]).toString('base64');

async function job(opts: {
  status?: string;
  type?: string;
  input?: unknown;
  finishedAgo?: string;
  createdAgo?: string;
  userId?: string;
  cacheKey?: string;
}): Promise<string> {
  const status = opts.status ?? 'completed';
  const final = ['completed', 'failed', 'cancelled'].includes(status);
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into analysis_jobs (user_id, type, status, input, result, created_at, completed_at, cache_key)
     values ($1, $2, $3, $4, $5, now() - $6::interval, case when $7 then now() - $8::interval end, $9) returning id`,
    [
      opts.userId ?? randomUUID(),
      opts.type ?? 'sofia_image',
      status,
      JSON.stringify(opts.input ?? {}),
      final ? '{"ok":true}' : null,
      opts.createdAgo ?? opts.finishedAgo ?? '1 minute',
      final,
      opts.finishedAgo ?? '1 minute',
      opts.cacheKey ?? null,
    ],
  );
  return rows[0]!.id;
}

async function row(id: string): Promise<{ input: Record<string, any>; result: unknown } | undefined> {
  return (await db.pool.query('select input, result from analysis_jobs where id = $1', [id])).rows[0];
}

const SETTINGS = { retentionDays: 30, inputRetentionHours: 24 };

test('finished jobs past JOB_RETENTION_DAYS are deleted (with their outcome rows); younger and unfinished ones stay', async () => {
  await db.ready;
  const old = await job({ finishedAgo: '31 days' });
  await db.pool.query(`insert into analysis_job_outcomes (job_id, status, attempt) values ($1, 'completed', 1)`, [old]);
  const oldFailed = await job({ status: 'failed', finishedAgo: '45 days' });
  const young = await job({ finishedAgo: '29 days' });
  const stillPending = await job({ status: 'pending', createdAgo: '40 days' });
  const r = await applyRetention(db.pool, SETTINGS);
  assert.ok(r.deleted >= 2);
  assert.equal(await row(old), undefined);
  assert.equal(await row(oldFailed), undefined);
  assert.ok(await row(young));
  assert.ok(await row(stillPending));
  assert.equal((await db.pool.query('select count(*)::int as n from analysis_job_outcomes where job_id = $1', [old])).rows[0].n, 0);
});

test('media leaves finished jobs after JOB_INPUT_RETENTION_HOURS; the rest of the input and the result stay', async () => {
  const photo = await job({ input: { image_base64: JPEG, meal_type: 'almoco' }, finishedAgo: '25 hours' });
  const byUrl = await job({ input: { image_url: 'https://storage.test/meal.jpg?token=secret' }, finishedAgo: '3 days' });
  const exam = await job({ type: 'medical_exam', input: { document_base64: 'JVBERi0=', mime: 'application/pdf' }, finishedAgo: '2 days' });
  const wa = await job({
    type: 'whatsapp_message',
    input: { from: '5511999990000', text: 'meu exame', media: { mime: 'image/jpeg', base64: JPEG } },
    finishedAgo: '2 days',
  });
  const waUrl = await job({
    type: 'whatsapp_message',
    input: { from: '5511999990000', media: { mime: 'image/jpeg', url: 'https://x.test/m' } },
    finishedAgo: '2 days',
  });
  const fresh = await job({ input: { image_base64: JPEG }, finishedAgo: '2 hours' });
  const running = await job({ status: 'pending', input: { image_base64: JPEG }, createdAgo: '3 days' });
  const r = await applyRetention(db.pool, SETTINGS);
  assert.equal(r.stripped, 5);

  const p = (await row(photo))!;
  assert.equal(p.input.image_base64, undefined);
  assert.equal(p.input.meal_type, 'almoco');
  assert.ok(p.input.media_removed_at);
  assert.deepEqual(p.result, { ok: true });
  assert.equal((await row(byUrl))!.input.image_url, undefined);
  assert.deepEqual(Object.keys((await row(exam))!.input).sort(), ['media_removed_at', 'mime']);
  const w = (await row(wa))!.input;
  assert.deepEqual([w.from, w.text, w.media], ['5511999990000', 'meu exame', { mime: 'image/jpeg' }]);
  assert.deepEqual((await row(waUrl))!.input.media, { mime: 'image/jpeg' });
  assert.equal((await row(fresh))!.input.image_base64, JPEG, 'younger than the limit');
  assert.equal((await row(running))!.input.image_base64, JPEG, 'a job not finished keeps its input');

  // Idempotent: nothing left to strip.
  assert.equal((await applyRetention(db.pool, SETTINGS)).stripped, 0);
});

test('small batches: a backlog drains over several passes, each bounded', async () => {
  const ids = [];
  for (let i = 0; i < 25; i++) ids.push(await job({ finishedAgo: '60 days' }));
  const first = await applyRetention(db.pool, { ...SETTINGS, batchSize: 10, maxBatches: 2 });
  assert.equal(first.deleted, 20);
  const second = await applyRetention(db.pool, { ...SETTINGS, batchSize: 10, maxBatches: 2 });
  assert.equal(second.deleted, 5);
  for (const id of ids) assert.equal(await row(id), undefined);
});

test('both statements can read their partial index (the cost follows the work, not the table)', async () => {
  const c = await db.pool.connect();
  try {
    await c.query('begin');
    await c.query('set local enable_seqscan = off');
    const plan = async (sql: string) => (await c.query(`explain ${sql}`)).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    const del = await plan(
      `select id from analysis_jobs where status in ('completed', 'failed', 'cancelled') and coalesce(completed_at, created_at) < now() - interval '30 days' order by coalesce(completed_at, created_at) limit 500`,
    );
    assert.match(del, /analysis_jobs_finished_idx/);
    const strip = await plan(`select id from analysis_jobs where status in ('completed', 'failed', 'cancelled')
      and (input ?| array['image_base64', 'document_base64', 'image_url'] or (input -> 'media') ?| array['base64', 'url'])
      and coalesce(completed_at, created_at) < now() - interval '24 hours' order by coalesce(completed_at, created_at) limit 500`);
    assert.match(strip, /analysis_jobs_finished_media_idx/);
  } finally {
    await c.query('rollback');
    c.release();
  }
});

test("the daemon's sweep applies retention (JOB_RETENTION_DAYS, JOB_INPUT_RETENTION_HOURS)", async () => {
  const old = await job({ finishedAgo: '3 days' });
  const media = await job({ input: { image_base64: JPEG }, finishedAgo: '2 hours' });
  const d = await startTestDaemon(db.url, { WORKER_SWEEP_SECONDS: '1', JOB_RETENTION_DAYS: '2', JOB_INPUT_RETENTION_HOURS: '1' });
  try {
    await waitUntil(async () => (await row(old)) === undefined && (await row(media))?.input.image_base64 === undefined, {
      what: 'the sweep to apply retention',
    });
  } finally {
    await d.stop();
  }
});

// ---- erasure (a database where auth.users exists, as on Supabase) --------------------------------

const authDb = `erasure_${randomBytes(2).toString('hex')}`;
let authName: string | undefined;
let authPool: pg.Pool | undefined;
const authAdmin = `aiw_auth_admin_${randomBytes(4).toString('hex')}`;

after(async () => {
  await authPool?.end();
  if (authName) await dropDatabase(authName);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`drop role if exists ${authAdmin}`).catch(() => {});
  await admin.end();
});

test('deleting a user from auth.users erases their jobs, outcomes and personal cache entries; shared entries and other users stay', async () => {
  authName = await createDatabase(authDb, { migrated: false });
  const url = databaseUrl(authName);
  authPool = new pg.Pool({ connectionString: url, max: 2 });
  authPool.on('error', () => {});
  // Supabase Auth's table, before the migrations run (as on a Supabase project).
  await authPool.query('create schema auth; create table auth.users (id uuid primary key, email text)');
  await migrate(url);
  const gone = randomUUID();
  const stays = randomUUID();
  await authPool.query('insert into auth.users (id) values ($1), ($2)', [gone, stays]);
  const ins = (user: string, type: string, key: string) =>
    authPool!.query<{ id: string }>(
      `insert into analysis_jobs (user_id, type, status, completed_at, cache_key, result) values ($1, $2, 'completed', now(), $3, '{}') returning id`,
      [user, type, key],
    );
  const j1 = (await ins(gone, 'medical_exam', 'medical_exam:v1:personal-gone')).rows[0]!.id;
  await ins(gone, 'meal_plan', 'meal_plan:v1:shared');
  await ins(stays, 'medical_exam', 'medical_exam:v1:personal-stays');
  await authPool.query(`insert into analysis_job_outcomes (job_id, status, attempt) values ($1, 'completed', 1)`, [j1]);
  for (const [key, type] of [
    ['medical_exam:v1:personal-gone', 'medical_exam'],
    ['meal_plan:v1:shared', 'meal_plan'],
    ['medical_exam:v1:personal-stays', 'medical_exam'],
  ]) {
    await authPool.query(`insert into analysis_cache (cache_key, type, result) values ($1, $2, '{}')`, [key, type]);
  }
  // Supabase Auth deletes as its own role, which has no rights on the project's tables.
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create role ${authAdmin} nologin`);
  await admin.end();
  await authPool.query(`grant usage on schema auth to ${authAdmin}; grant select, delete on auth.users to ${authAdmin}`);
  const c = await authPool.connect();
  try {
    await c.query(`begin; set local role ${authAdmin}`);
    await c.query('delete from auth.users where id = $1', [gone]);
    await c.query('commit');
  } finally {
    c.release();
  }
  const count = async (sql: string, args: unknown[]) => (await authPool!.query<{ n: number }>(sql, args)).rows[0]!.n;
  assert.equal(await count('select count(*)::int as n from analysis_jobs where user_id = $1', [gone]), 0);
  assert.equal(await count('select count(*)::int as n from analysis_job_outcomes where job_id = $1', [j1]), 0);
  assert.equal(await count('select count(*)::int as n from analysis_jobs where user_id = $1', [stays]), 1);
  const keys = (await authPool.query<{ cache_key: string }>('select cache_key from analysis_cache order by cache_key')).rows.map((r) => r.cache_key);
  assert.deepEqual(keys, ['meal_plan:v1:shared', 'medical_exam:v1:personal-stays']);
});

test('a WhatsApp sender is erased by phone number (WhatsApp jobs all belong to the service identity)', async () => {
  const service = '00000000-0000-0000-0000-000000000000';
  const a = await job({ type: 'whatsapp_message', userId: service, input: { from: '5511988887777', text: 'oi' } });
  const b = await job({ type: 'whatsapp_message', userId: service, input: { from: '5511911112222', text: 'oi' } });
  const n = (await db.pool.query<{ n: number }>('select public.erase_whatsapp_sender($1) as n', ['5511988887777'])).rows[0]!.n;
  assert.equal(n, 1);
  assert.equal(await row(a), undefined);
  assert.ok(await row(b));
});
