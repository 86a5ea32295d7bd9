// sql/040_realtime.sql against a database that has Supabase's `realtime` schema and publication
// (bootstrapped like a project's), and the Realtime emulator driven by the REAL supabase-js client:
// a status change reaches its owner's private topic, a lease renewal does not, another user cannot join;
// postgres_changes brings a user their own rows only (RLS), as they may see them, and honours the filter.
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
  // The bootstrap creates the (empty) supabase_realtime publication, as a Supabase project has it.
  await bootstrapRealtimeSchema(db.url);
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

// --- postgres_changes ---------------------------------------------------------------------------

interface Change {
  eventType: string;
  schema: string;
  table: string;
  commit_timestamp: string;
  new: Record<string, unknown>;
  old: Record<string, unknown>;
  errors: string[] | null;
}

/** Joins `postgres_changes` on analysis_jobs; resolves once the server says the subscription is active. */
async function changesOf(
  c: SupabaseClient,
  topic: string,
  params: { event: '*' | 'INSERT' | 'UPDATE' | 'DELETE'; filter?: string; table?: string },
): Promise<{ got: Change[]; system: Record<string, unknown>; channel: RealtimeChannel }> {
  const got: Change[] = [];
  let system: (s: Record<string, unknown>) => void = () => {};
  const active = new Promise<Record<string, unknown>>((resolve) => (system = resolve));
  const channel = c
    .channel(topic)
    .on('postgres_changes', { event: params.event as '*', schema: 'public', table: params.table ?? 'analysis_jobs', filter: params.filter }, (p) =>
      got.push(p as unknown as Change),
    )
    .on('system', {}, (s) => system(s));
  const joined = await subscribe(channel);
  assert.equal(joined.status, 'SUBSCRIBED', String(joined.err));
  return { got, system: await active, channel };
}

async function newJob(user: string): Promise<string> {
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into analysis_jobs (user_id, type, input) values ($1, 'healthcheck', '{"note":"mine"}') returning id`,
    [user],
  );
  return rows[0]!.id;
}

test('postgres_changes: the owner receives INSERT and UPDATE of their rows, the row as they may SELECT it', async () => {
  const user = randomUUID();
  const c = client(await userToken({ sub: user }));
  await c.realtime.setAuth();
  const { got, system } = await changesOf(c, 'jobs-of-owner', { event: '*', filter: `user_id=eq.${user}` });
  assert.deepEqual(system, { extension: 'postgres_changes', status: 'ok', message: 'Subscribed to PostgreSQL', channel: 'jobs-of-owner' });

  const id = await newJob(user);
  await waitUntil(async () => got.length === 1, { what: 'the INSERT' });
  await db.pool.query(`update analysis_jobs set status = 'completed', result = '{"kcal":512}', completed_at = now() where id = $1`, [id]);
  await waitUntil(async () => got.length === 2, { what: 'the UPDATE' });

  const [insert, update] = got as [Change, Change];
  assert.deepEqual([insert.eventType, insert.schema, insert.table], ['INSERT', 'public', 'analysis_jobs']);
  assert.match(insert.commit_timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.deepEqual([insert.new.id, insert.new.user_id, insert.new.status, insert.new.input], [id, user, 'pending', { note: 'mine' }]);
  assert.equal(insert.new.attempts, 0, 'int4 arrives as a number (columns carry the types realtime-js converts by)');
  assert.deepEqual(insert.old, {});
  assert.equal(update.eventType, 'UPDATE');
  assert.deepEqual([update.new.status, update.new.result], ['completed', { kcal: 512 }]);
  assert.deepEqual(update.old, { id }, 'replica identity default: the old record is the primary key');
  assert.equal(update.errors, null);
});

test("postgres_changes: never another user's rows, not even without a filter; a delete under RLS reaches nobody", async () => {
  const me = randomUUID();
  const other = randomUUID();
  const c = client(await userToken({ sub: me }));
  await c.realtime.setAuth();
  const { got } = await changesOf(c, 'all-jobs', { event: '*' });

  const theirs = await newJob(other);
  await db.pool.query(`update analysis_jobs set status = 'cancelled' where id = $1`, [theirs]);
  const mine = await newJob(me);
  // The emulator reads a row when its change arrives: let it see this one before it is deleted.
  await waitUntil(async () => got.some((g) => g.new.id === mine), { what: 'my INSERT' });
  await db.pool.query(`delete from analysis_jobs where id = $1`, [mine]);
  // Changes are delivered in commit order: once this last one has arrived, all the earlier ones were decided.
  const fence = await newJob(me);
  await waitUntil(async () => got.some((g) => g.new.id === fence), { what: 'my last change' });
  assert.deepEqual(
    got.map((g) => [g.eventType, g.new.id]),
    [
      ['INSERT', mine],
      ['INSERT', fence],
    ],
  );
  assert.ok(!JSON.stringify(got).includes(other), "nothing of the other user's rows");
});

test('postgres_changes: the filter is honoured (eq on a column, in on a list)', async () => {
  const user = randomUUID();
  const c = client(await userToken({ sub: user }));
  await c.realtime.setAuth();
  const a = await newJob(user);
  const b = await newJob(user);
  const all = await changesOf(c, 'all-mine', { event: 'UPDATE' });
  const onlyB = await changesOf(c, 'only-b', { event: 'UPDATE', filter: `id=eq.${b}` });
  const terminal = await changesOf(c, 'terminal', { event: 'UPDATE', filter: 'status=in.(completed,failed)' });

  // One change at a time, each seen by the unfiltered subscription before the next: the emulator reads
  // the row when the change arrives, and changes are handled in commit order.
  const steps: Array<[string, string]> = [
    [
      `update analysis_jobs set status = 'processing', lease_token = gen_random_uuid(), locked_until = now() + interval '30 s', locked_by = 't' where id = $1`,
      a,
    ],
    [
      `update analysis_jobs set status = 'processing', lease_token = gen_random_uuid(), locked_until = now() + interval '30 s', locked_by = 't' where id = $1`,
      b,
    ],
    [`update analysis_jobs set status = 'completed', lease_token = null, locked_until = null, completed_at = now() where id = $1`, a],
    [`update analysis_jobs set status = 'failed', lease_token = null, locked_until = null, error = '{"code":"x","message":"y"}' where id = $1`, b],
  ];
  for (const [i, [sql, id]] of steps.entries()) {
    await db.pool.query(sql, [id]);
    await waitUntil(async () => all.got.length === i + 1, { what: `change ${i + 1}` });
  }
  await waitUntil(async () => onlyB.got.length === 2 && terminal.got.length === 2, { what: 'the filtered subscriptions' });
  assert.deepEqual(
    onlyB.got.map((g) => [g.new.id, g.new.status]),
    [
      [b, 'processing'],
      [b, 'failed'],
    ],
  );
  assert.deepEqual(
    terminal.got.map((g) => [g.new.id, g.new.status]),
    [
      [a, 'completed'],
      [b, 'failed'],
    ],
  );
});

test('postgres_changes: a table outside the publication, or a role without SELECT, is refused with a system error', async () => {
  const c = client(await userToken());
  await c.realtime.setAuth();
  const unpublished = await changesOf(c, 'cache', { event: '*', table: 'analysis_cache' });
  assert.equal(unpublished.system.status, 'error');
  assert.match(String(unpublished.system.message), /Unable to subscribe to changes with given parameters/);

  const anon = createClient(rt.url, 'anon-key', { realtime: { transport: WebSocket as never } });
  clients.push(anon);
  const noGrant = await changesOf(anon, 'anon-jobs', { event: '*' });
  assert.equal(noGrant.system.status, 'error', 'anon has no SELECT on analysis_jobs');
  const before = rt.stats.changes;
  const fenceUser = randomUUID();
  const mineClient = client(await userToken({ sub: fenceUser }));
  await mineClient.realtime.setAuth();
  const fence = await changesOf(mineClient, 'fence', { event: 'INSERT' });
  await newJob(fenceUser);
  await waitUntil(async () => fence.got.length === 1, { what: 'the fence' });
  assert.equal(rt.stats.changes - before, 1, 'only the fence subscriber received anything');
});

test('postgres_changes: a filter on a column that does not exist, or with a value of the wrong type, is refused', async () => {
  const user = randomUUID();
  const c = client(await userToken({ sub: user }));
  await c.realtime.setAuth();
  const noColumn = await changesOf(c, 'bad-column', { event: '*', filter: 'owner=eq.1' });
  assert.equal(noColumn.system.status, 'error');
  const badValue = await changesOf(c, 'bad-value', { event: '*', filter: 'user_id=eq.not-a-uuid' });
  assert.equal(badValue.system.status, 'error');
  assert.match(String(badValue.system.message), /invalid value for user_id/);
});

test('postgres_changes: a record over 1 MiB keeps only its small values and says 413, as Realtime does', async () => {
  const user = randomUUID();
  const c = client(await userToken({ sub: user }));
  await c.realtime.setAuth();
  const { got } = await changesOf(c, 'big', { event: 'INSERT', filter: `user_id=eq.${user}` });
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into analysis_jobs (user_id, type, input) values ($1, 'healthcheck', jsonb_build_object('image_base64', repeat('A', 1100000))) returning id`,
    [user],
  );
  await waitUntil(async () => got.length === 1, { what: 'the INSERT' });
  assert.deepEqual(got[0]!.errors, ['Error 413: Payload Too Large']);
  assert.equal(got[0]!.new.id, rows[0]!.id);
  assert.equal(got[0]!.new.status, 'pending');
  assert.equal('input' in got[0]!.new, false, 'the large value is left out');
});

test('postgres_changes: on a table without RLS a DELETE arrives with the primary key as the old record', async () => {
  // A scratch table in this file's own database: the emulator serves any published table, not only analysis_jobs.
  await db.pool.query(`create table public.rt_notes (id int primary key, body text not null)`);
  await db.pool.query(`grant select on public.rt_notes to authenticated`);
  await db.pool.query(`alter publication supabase_realtime add table public.rt_notes`);
  const c = client(await userToken());
  await c.realtime.setAuth();
  const { got, system } = await changesOf(c, 'notes', { event: '*', table: 'rt_notes' });
  assert.equal(system.status, 'ok', String(system.message));
  await db.pool.query(`insert into public.rt_notes values (7, 'olá')`);
  await waitUntil(async () => got.length === 1, { what: 'the INSERT' });
  await db.pool.query(`delete from public.rt_notes where id = 7`);
  await waitUntil(async () => got.length === 2, { what: 'the DELETE' });
  assert.deepEqual(
    got.map((g) => [g.eventType, g.new, g.old]),
    [
      ['INSERT', { id: 7, body: 'olá' }, {}],
      ['DELETE', {}, { id: 7 }],
    ],
  );
});

test("postgres_changes feed: the database's notification carries the operation and the primary key, never the row's data", async () => {
  const listen = new pg.Client({ connectionString: db.url });
  await listen.connect();
  try {
    const heard: string[] = [];
    listen.on('notification', (n) => heard.push(n.payload ?? ''));
    await listen.query('listen realtime_emulator_changes');
    const user = randomUUID();
    const id = await newJob(user);
    await db.pool.query(`update analysis_jobs set status = 'completed', result = '{"diagnosis":"private"}', completed_at = now() where id = $1`, [id]);
    await waitUntil(async () => heard.length >= 2, { what: 'two notifications' });
    const parsed = heard.map((h) => JSON.parse(h) as Record<string, unknown>);
    assert.deepEqual(
      parsed.map((p) => [p.type, p.table, p.pk, Object.keys(p).sort()]),
      [
        ['INSERT', 'analysis_jobs', { id }, ['commit_timestamp', 'pk', 'schema', 'table', 'type']],
        ['UPDATE', 'analysis_jobs', { id }, ['commit_timestamp', 'pk', 'schema', 'table', 'type']],
      ],
    );
    assert.ok(!heard.join('').includes('private') && !heard.join('').includes('mine'), 'no input or result in the feed');
  } finally {
    await listen.end();
  }
});
