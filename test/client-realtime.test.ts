// sql/040_realtime.sql against a database that has Supabase's `realtime` schema and publication
// (bootstrapped like a project's), and the Realtime emulator driven by the REAL supabase-js client:
// a status change reaches its owner's private topic, a lease renewal does not, another user cannot join.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { migrate } from '../src/db/migrate.ts';
import { bootstrapRealtimeSchema, start, type RealtimeEmulator } from '../src/dev/emulators/realtime.ts';
import { useFreshDatabase, waitUntil } from './support/database.ts';
import { JWT_SECRET, userToken } from './support/jwt.ts';

const db = useFreshDatabase('client_rt', { migrated: false });
const plain = useFreshDatabase('client_rt_plain');
let rt: RealtimeEmulator;
const clients: SupabaseClient[] = [];

before(async () => {
  await db.ready;
  await bootstrapRealtimeSchema(db.url);
  await db.pool.query('create publication supabase_realtime');
  await migrate(db.url);
  rt = await start({ databaseUrl: db.url, jwtSecret: JWT_SECRET });
});

after(async () => {
  for (const c of clients) await c.removeAllChannels();
  await rt?.close();
});

function client(token: string): SupabaseClient {
  // Node 20 has no global WebSocket: realtime-js takes `ws` as its transport (what its docs say).
  const c = createClient(rt.url, 'anon-key', { accessToken: async () => token, realtime: { transport: WebSocket as never } });
  clients.push(c);
  return c;
}

function subscribe(ch: RealtimeChannel): Promise<{ status: string; err?: Error }> {
  return new Promise((resolve) => {
    ch.subscribe((status, err) => {
      if (status !== 'CLOSED') resolve({ status, err });
    });
  });
}

test('on plain PostgreSQL the migration is a no-op: no trigger, no realtime schema', async () => {
  await plain.ready;
  const { rows } = await plain.pool.query(`select to_regnamespace('realtime') as schema, to_regprocedure('public.analysis_jobs_broadcast_status()') as fn`);
  assert.deepEqual(rows[0], { schema: null, fn: null });
});

test('where the supabase_realtime publication exists, analysis_jobs is in it without REPLICA IDENTITY FULL', async () => {
  const { rows } = await db.pool.query(
    `select (select count(*)::int from pg_publication_tables where pubname = 'supabase_realtime' and tablename = 'analysis_jobs') as n,
            (select relreplident from pg_class where oid = 'public.analysis_jobs'::regclass) as ident`,
  );
  assert.deepEqual(rows[0], { n: 1, ident: 'd' });
});

test('a status change reaches the owner on the private topic; a lease renewal does not', async () => {
  const user = randomUUID();
  const c = client(await userToken({ sub: user }));
  // Supabase's docs for private channels: hand the user's token to Realtime before subscribing.
  await c.realtime.setAuth();
  const got: Array<Record<string, unknown>> = [];
  const ch = c.channel(`analysis_jobs:${user}`, { config: { private: true } }).on('broadcast', { event: 'status' }, (m) => got.push(m.payload));
  const joined = await subscribe(ch);
  assert.equal(joined.status, 'SUBSCRIBED', String(joined.err));

  const { rows } = await db.pool.query<{ id: string }>(`insert into analysis_jobs (user_id, type) values ($1, 'healthcheck') returning id`, [user]);
  const id = rows[0]!.id;
  await db.pool.query(
    `update analysis_jobs set status = 'processing', lease_token = gen_random_uuid(), locked_until = now() + interval '30 s', locked_by = 't' where id = $1`,
    [id],
  );
  // The heartbeat's renewal: status unchanged. Then a failure, whose code (and only its code) is sent.
  await db.pool.query(`update analysis_jobs set locked_until = now() + interval '60 s' where id = $1`, [id]);
  await db.pool.query(
    `update analysis_jobs set status = 'failed', lease_token = null, locked_until = null,
            error = '{"code":"provider_unavailable","message":"all providers down for this patient"}' where id = $1`,
    [id],
  );
  await waitUntil(async () => got.length >= 2, { what: 'two broadcasts' });
  assert.deepEqual(got, [
    { id, type: 'healthcheck', status: 'processing', error: null },
    { id, type: 'healthcheck', status: 'failed', error: { code: 'provider_unavailable' } },
  ]);
  assert.ok(!JSON.stringify(got).includes('patient'), 'the error message stays out of the broadcast');
});

test("another user's token cannot join the topic, and no token cannot join a private channel", async () => {
  const owner = randomUUID();
  const intruder = client(await userToken()); // a valid token for someone else
  await intruder.realtime.setAuth();
  const refused = await subscribe(intruder.channel(`analysis_jobs:${owner}`, { config: { private: true } }));
  assert.equal(refused.status, 'CHANNEL_ERROR');
  assert.match(String(refused.err?.message), /Unauthorized/);
  const anon = createClient(rt.url, 'anon-key', { realtime: { transport: WebSocket as never } });
  clients.push(anon);
  const noToken = await subscribe(anon.channel(`analysis_jobs:${owner}`, { config: { private: true } }));
  assert.equal(noToken.status, 'CHANNEL_ERROR');
  assert.ok(rt.stats.refusedJoins >= 2);
});

test('a broadcast that cannot be written never fails the job update (realtime.send swallows it)', async () => {
  const user = randomUUID();
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    await c.query('begin');
    // Simulate Realtime's table being unwritable: the settle must still commit.
    await c.query('alter table realtime.messages add constraint no_rows check (false) not valid');
    const { rows } = await c.query<{ id: string }>(`insert into analysis_jobs (user_id, type) values ($1, 'healthcheck') returning id`, [user]);
    const r = await c.query(`update analysis_jobs set status = 'cancelled' where id = $1`, [rows[0]!.id]);
    assert.equal(r.rowCount, 1);
    await c.query('rollback');
  } finally {
    await c.end();
  }
});

test('heartbeats are answered (the client reports ok), and a vsn 1.0.0 client receives broadcasts too', async () => {
  const user = randomUUID();
  const token = await userToken({ sub: user });
  const statuses: string[] = [];
  const c = createClient(rt.url, 'anon-key', {
    accessToken: async () => token,
    realtime: { transport: WebSocket as never, vsn: '1.0.0', heartbeatIntervalMs: 100, heartbeatCallback: (s: string) => void statuses.push(s) },
  });
  clients.push(c);
  await c.realtime.setAuth();
  const got: unknown[] = [];
  const joined = await subscribe(
    c.channel(`analysis_jobs:${user}`, { config: { private: true } }).on('broadcast', { event: 'status' }, (m) => got.push(m.payload)),
  );
  assert.equal(joined.status, 'SUBSCRIBED');
  await waitUntil(async () => statuses.filter((s) => s === 'ok').length >= 2, { what: 'two heartbeat replies' });
  const { rows } = await db.pool.query<{ id: string }>(`insert into analysis_jobs (user_id, type) values ($1, 'healthcheck') returning id`, [user]);
  await db.pool.query(`update analysis_jobs set status = 'cancelled' where id = $1`, [rows[0]!.id]);
  await waitUntil(async () => got.length === 1, { what: 'a broadcast over vsn 1.0.0' });
  assert.deepEqual(got[0], { id: rows[0]!.id, type: 'healthcheck', status: 'cancelled', error: null });
});
