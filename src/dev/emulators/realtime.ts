// A protocol-faithful Supabase Realtime emulator (dev and test only; the product never imports it).
//
// What it reproduces, so that the real supabase-js client runs against it unchanged:
// - the socket: `ws://<host>/realtime/v1/websocket?apikey=…&vsn=2.0.0` (or 1.0.0), Phoenix channels:
//   phx_join with {config: {broadcast, presence, postgres_changes, private}, access_token}, phx_reply,
//   heartbeat on the `phoenix` topic, access_token refresh, phx_leave, phx_close;
//   broadcasts pushed as vsn 2.0.0 binary "user broadcast" frames (vsn 1.0.0: JSON objects);
// - private-channel authorisation as Supabase does it: the user's JWT is verified (HS256, the project
//   secret), then, in a transaction that is rolled back, a message is inserted into realtime.messages
//   for the topic and read back AS the user (role authenticated, request.jwt.claims, realtime.topic set):
//   the realtime.messages RLS policies decide, nothing here hard-codes who may join;
// - the database feed: `realtime.send(payload, event, topic, private)` inserts into realtime.messages;
//   Supabase streams that table through logical replication, the emulator through a NOTIFY from its own
//   trigger (delivered at commit, like replication). Private messages reach private channels only;
// - postgres_changes: the join's `config.postgres_changes` ({event, schema, table, filter[, select]})
//   is answered with server-assigned numeric ids, then a `system` message ("Subscribed to PostgreSQL",
//   or the reason it failed); each INSERT/UPDATE of a table in the `supabase_realtime` publication
//   reaches a subscription as `postgres_changes` {ids, data: {type, schema, table, commit_timestamp,
//   columns, record, old_record, errors}} only if the subscriber may SELECT the row: the row is read
//   AS the subscriber (role and request.jwt.claims from the socket's token, so RLS and column grants
//   decide), the filter is applied in that same query, and what is sent is the row as that user sees
//   it. Feed: a trigger on each published table NOTIFYs the primary key only (no row data leaves the
//   transaction); the row is read when the change arrives, so a row changed twice in quick succession
//   can show its later state twice (Supabase sends each version from the WAL). old_record carries the
//   primary key (replica identity default). DELETE on a table with RLS is not sent at all (Supabase
//   sends its primary key to every subscriber of the table, without any policy check; no row of
//   another user leaves here). Records over 1 MiB keep only their values of at most 64 bytes and say
//   "Error 413: Payload Too Large", as Realtime does.
//
// bootstrapRealtimeSchema() creates the minimal `realtime` schema of a Supabase database (messages,
// send(), topic()) and the empty `supabase_realtime` publication in a dev/test database BEFORE
// migrations, so that sql/040_realtime.sql takes its Supabase branch exactly as it would on a project.
//
// Other HTTP requests can be proxied to `proxy` (the daemon hosting /functions/v1): one origin then
// serves functions and Realtime, as Supabase's API gateway does, so `createClient(url)` needs one URL.
import { request as httpRequest, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { jwtVerify, type JWTPayload } from 'jose';
import pg from 'pg';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

export const REALTIME_PATH = '/realtime/v1/websocket';
const NOTIFY_CHANNEL = 'realtime_emulator_messages';
const CHANGES_CHANNEL = 'realtime_emulator_changes';
/** Realtime's default `max_record_bytes`; larger records keep only their small values. */
const MAX_RECORD_BYTES = 1024 * 1024;

/** The part of a Supabase database's `realtime` schema that broadcast-from-database uses. */
export const REALTIME_BOOTSTRAP_SQL = `
create schema if not exists realtime;
grant usage on schema realtime to anon, authenticated, service_role;

create table if not exists realtime.messages (
  id          uuid not null default gen_random_uuid() primary key,
  topic       text not null,
  extension   text not null,
  payload     jsonb,
  event       text,
  private     boolean default false,
  updated_at  timestamp not null default now(),
  inserted_at timestamp not null default now()
);
alter table realtime.messages enable row level security;
grant select, insert, update on realtime.messages to anon, authenticated;
grant all on realtime.messages to service_role;

create or replace function realtime.topic() returns text
  language sql stable
  as $$ select nullif(current_setting('realtime.topic', true), '')::text $$;
grant execute on function realtime.topic() to anon, authenticated, service_role;

create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true) returns void
  language plpgsql
  as $$
begin
  begin
    insert into realtime.messages (payload, event, topic, private, extension)
    values (payload, event, topic, private, 'broadcast');
  exception when others then
    -- As on Supabase: a broadcast that cannot be written is a warning, never the caller's failure.
    raise warning 'ErrorSendingBroadcastMessage: %', sqlerrm;
  end;
end
$$;

-- The emulator's stand-in for logical replication: committed inserts wake it with the message id.
create or replace function realtime.emulator_notify() returns trigger
  language plpgsql
  as $$
begin
  perform pg_notify('${NOTIFY_CHANNEL}', new.id::text);
  return null;
end
$$;
drop trigger if exists emulator_notify on realtime.messages;
create trigger emulator_notify after insert on realtime.messages
  for each row execute function realtime.emulator_notify();

-- A Supabase project has this publication from the start (empty); tables join it to stream postgres_changes.
do $pub$ begin
  if not exists (select 1 from pg_catalog.pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end $pub$;

-- The emulator's stand-in for the WAL of published tables: the operation and the primary key (its
-- column names are the trigger's arguments), never the row: the emulator reads the row as each subscriber.
create or replace function realtime.emulator_notify_change() returns trigger
  language plpgsql
  as $$
declare
  pk jsonb := '{}';
  col text;
  v text;
begin
  foreach col in array tg_argv loop
    if tg_op = 'DELETE' then
      execute format('select ($1).%I::text', col) using old into v;
    else
      execute format('select ($1).%I::text', col) using new into v;
    end if;
    pk := pk || jsonb_build_object(col, v);
  end loop;
  perform pg_notify('${CHANGES_CHANNEL}', jsonb_build_object(
    'schema', tg_table_schema, 'table', tg_table_name, 'type', tg_op, 'pk', pk,
    'commit_timestamp', to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text);
  return null;
exception when others then
  -- The emulator's feed must never fail the write it reports (replication cannot fail a commit either).
  raise warning 'realtime emulator: change not reported: %', sqlerrm;
  return null;
end
$$;

-- Puts that trigger on every table of the publication that lacks it (run when the emulator starts and
-- on each postgres_changes join, as tables join the publication through migrations).
create or replace function realtime.emulator_watch_publication() returns void
  language plpgsql
  as $$
declare
  t record;
  args text;
begin
  for t in
    select c.oid, n.nspname, c.relname
      from pg_catalog.pg_publication_tables p
      join pg_catalog.pg_namespace n on n.nspname = p.schemaname
      join pg_catalog.pg_class c on c.relnamespace = n.oid and c.relname = p.tablename
     where p.pubname = 'supabase_realtime'
       and not exists (select 1 from pg_catalog.pg_trigger g where g.tgrelid = c.oid and g.tgname = 'realtime_emulator_changes')
  loop
    select string_agg(quote_literal(a.attname), ', ' order by array_position(i.indkey::int2[], a.attnum)) into args
      from pg_catalog.pg_index i
      join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
     where i.indrelid = t.oid and i.indisprimary;
    -- Realtime cannot identify rows without a primary key (replica identity) either.
    continue when args is null;
    execute format('create trigger realtime_emulator_changes after insert or update or delete on %I.%I for each row execute function realtime.emulator_notify_change(%s)',
                   t.nspname, t.relname, args);
  end loop;
end
$$;
revoke all on function realtime.emulator_notify_change() from public, anon, authenticated;
revoke all on function realtime.emulator_watch_publication() from public, anon, authenticated;
`;

export async function bootstrapRealtimeSchema(databaseUrl: string): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    // The roles come from sql/001 on plain PostgreSQL; a bootstrap before migrations needs them too.
    await c.query(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'anon') then begin create role anon nologin noinherit; exception when duplicate_object or unique_violation then null; end; end if;
      if not exists (select 1 from pg_roles where rolname = 'authenticated') then begin create role authenticated nologin noinherit; exception when duplicate_object or unique_violation then null; end; end if;
      if not exists (select 1 from pg_roles where rolname = 'service_role') then begin create role service_role nologin noinherit bypassrls; exception when duplicate_object or unique_violation then null; end; end if;
    end $$`);
    await c.query(REALTIME_BOOTSTRAP_SQL);
  } finally {
    await c.end();
  }
}

export interface RealtimeKnobs {
  /** true: new sockets are refused and open ones closed (Realtime unreachable). */
  down?: boolean;
  /** Joins answer with an error (e.g. Realtime's tenant limits). */
  refuseJoins?: boolean;
}

export interface RealtimeStats {
  connections: number;
  joins: number;
  refusedJoins: number;
  heartbeats: number;
  /** Broadcast frames written to sockets. */
  delivered: number;
  /** postgres_changes messages written to sockets. */
  changes: number;
}

export interface RealtimeOptions {
  databaseUrl: string;
  /** The project's JWT secret (HS256), the one the gateway verifies with. */
  jwtSecret: string;
  port?: number;
  host?: string;
  /** Forward every other HTTP request (and nothing else) to this origin. */
  proxy?: string;
  knobs?: RealtimeKnobs;
}

export interface RealtimeEmulator {
  url: string;
  port: number;
  stats: RealtimeStats;
  setKnobs(patch: Partial<RealtimeKnobs>): void;
  /** Attach to another server's 'upgrade' event; true when the request was Realtime's. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}

interface Message {
  join_ref: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: Record<string, unknown>;
}

interface Joined {
  /** Phoenix topic, `realtime:<sub-topic>`. */
  topic: string;
  joinRef: string | null;
  private: boolean;
  /** Broadcast events this channel listens to are filtered client-side; all are sent. */
  /** postgres_changes subscriptions, once the `system` message said they are active. */
  changes: PgSubscription[];
}

/** One `config.postgres_changes` entry, as the client sent it, with the id the server gave it. */
interface PgSubscription {
  id: number;
  event: string;
  schema: string;
  table?: string;
  filter?: string;
  select?: string[];
  conditions: Condition[];
}

interface Condition {
  column: string;
  op: 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';
  /** One value, or the list of `in.(…)`. */
  value: string | string[];
}

interface Change {
  schema: string;
  table: string;
  type: 'INSERT' | 'UPDATE' | 'DELETE';
  pk: Record<string, string | null>;
  commit_timestamp: string;
}

interface Column {
  name: string;
  /** pg_type.typname (int4, uuid, jsonb, _text…): what realtime-js converts values by. */
  type: string;
  /** format_type(): what a parameter is cast to. */
  sqlType: string;
}

interface TableMeta {
  columns: Column[];
  pk: string[];
  rls: boolean;
}

interface Client {
  ws: WebSocket;
  vsn: '1.0.0' | '2.0.0';
  channels: Map<string, Joined>;
  claims?: JWTPayload;
  apikey: string;
}

export async function start(options: RealtimeOptions): Promise<RealtimeEmulator> {
  let knobs: RealtimeKnobs = { ...options.knobs };
  const stats: RealtimeStats = { connections: 0, joins: 0, refusedJoins: 0, heartbeats: 0, delivered: 0, changes: 0 };
  const secret = new TextEncoder().encode(options.jwtSecret);
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4, application_name: 'realtime emulator' });
  pool.on('error', () => {});
  const clients = new Set<Client>();
  const wss = new WebSocketServer({ noServer: true });

  // The feed: LISTEN on a dedicated connection; each id is read back and fanned out by topic.
  const listener = new pg.Client({ connectionString: options.databaseUrl, application_name: 'realtime emulator listen' });
  listener.on('error', () => {});
  await listener.connect();
  await listener.query(`listen ${NOTIFY_CHANNEL}`);
  await listener.query(`listen ${CHANGES_CHANNEL}`);
  // Changes are handled in commit order, one after the other, as Realtime's poller reads the WAL.
  let changeChain = Promise.resolve();
  listener.on('notification', (n) => {
    if (n.channel === NOTIFY_CHANNEL && n.payload) void deliver(n.payload).catch(() => {});
    if (n.channel === CHANGES_CHANNEL && n.payload) {
      const payload = n.payload;
      changeChain = changeChain.then(() => deliverChange(JSON.parse(payload) as Change)).catch(() => {});
    }
  });
  await pool.query('select realtime.emulator_watch_publication()').catch(() => {});

  async function deliver(id: string): Promise<void> {
    const { rows } = await pool.query<{ topic: string; event: string; payload: unknown; private: boolean }>(
      `select topic, event, payload, coalesce(private, false) as private from realtime.messages where id = $1`,
      [id],
    );
    const m = rows[0];
    if (!m) return;
    const phxTopic = `realtime:${m.topic}`;
    for (const c of clients) {
      const ch = c.channels.get(phxTopic);
      if (!ch || ch.private !== m.private) continue;
      sendBroadcast(c, phxTopic, m.event, m.payload);
      stats.delivered++;
    }
  }

  function send(c: Client, m: Message): void {
    if (c.ws.readyState !== c.ws.OPEN) return;
    if (c.vsn === '2.0.0') c.ws.send(JSON.stringify([m.join_ref, m.ref, m.topic, m.event, m.payload]));
    else c.ws.send(JSON.stringify(m));
  }

  function sendBroadcast(c: Client, topic: string, event: string, payload: unknown): void {
    if (c.ws.readyState !== c.ws.OPEN) return;
    if (c.vsn === '1.0.0') {
      send(c, { join_ref: null, ref: null, topic, event: 'broadcast', payload: { type: 'broadcast', event, payload } });
      return;
    }
    // vsn 2.0.0 "user broadcast" (kind 4): kind, topic size, event size, metadata size, encoding (1 = JSON),
    // then topic, event, metadata and the JSON payload — what Realtime sends and realtime-js decodes.
    const t = Buffer.from(topic);
    const e = Buffer.from(event);
    const body = Buffer.from(JSON.stringify(payload));
    const header = Buffer.from([4, t.length, e.length, 0, 1]);
    c.ws.send(Buffer.concat([header, t, e, body]));
  }

  function reply(c: Client, m: Message, status: 'ok' | 'error', response: Record<string, unknown>): void {
    send(c, { join_ref: m.join_ref, ref: m.ref, topic: m.topic, event: 'phx_reply', payload: { status, response } });
  }

  async function verify(token: unknown): Promise<JWTPayload | undefined> {
    if (typeof token !== 'string' || token === '') return undefined;
    try {
      const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
      return payload;
    } catch {
      return undefined;
    }
  }

  // A verified token is `authenticated` unless it says anon or service_role; no token is anon.
  const roleOf = (claims: JWTPayload | undefined): string => {
    if (!claims || claims.role === 'anon') return 'anon';
    return claims.role === 'service_role' ? 'service_role' : 'authenticated';
  };

  /**
   * Runs `fn` in a transaction that is always rolled back. A checked-out pg client has no error
   * listener of the pool's: one is held here, so a connection cut (the database dropped or restarted
   * under the emulator) is a failed check, not an uncaught exception.
   */
  async function rolledBack<T>(fn: (q: pg.PoolClient) => Promise<T>): Promise<T> {
    const q = await pool.connect();
    let broken: Error | undefined;
    const onError = (err: Error) => {
      broken = err;
    };
    q.on('error', onError);
    try {
      await q.query('begin');
      return await fn(q);
    } finally {
      await q.query('rollback').catch(() => {});
      q.off('error', onError);
      q.release(broken);
    }
  }

  /** Supabase's check: can this user read a broadcast message of this topic under realtime.messages RLS? */
  function canRead(claims: JWTPayload, subTopic: string): Promise<boolean> {
    return rolledBack(async (q) => {
      const { rows } = await q.query<{ id: string }>(
        `insert into realtime.messages (topic, extension, event, private) values ($1, 'broadcast', 'authorization_check', true) returning id`,
        [subTopic],
      );
      await q.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true), set_config('realtime.topic', $3, true)`, [
        roleOf(claims),
        JSON.stringify(claims),
        subTopic,
      ]);
      const seen = await q.query('select 1 from realtime.messages where id = $1', [rows[0]!.id]);
      return seen.rowCount === 1;
    });
  }

  /** Runs `fn` as the token's role and claims (rolled back): RLS and grants apply. */
  function asUser<T>(claims: JWTPayload | undefined, fn: (q: pg.PoolClient) => Promise<T>): Promise<T> {
    return rolledBack(async (q) => {
      await q.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [
        roleOf(claims),
        JSON.stringify(claims ?? { role: 'anon' }),
      ]);
      return fn(q);
    });
  }

  const metas = new Map<string, Promise<TableMeta | undefined>>();
  function tableMeta(schema: string, table: string): Promise<TableMeta | undefined> {
    const key = `${schema}.${table}`;
    let m = metas.get(key);
    if (!m) {
      m = pool
        .query<{ name: string; type: string; sql_type: string; pk: boolean; rls: boolean }>(
          `select a.attname as name, t.typname as type, format_type(a.atttypid, a.atttypmod) as sql_type,
                  coalesce(a.attnum = any(i.indkey), false) as pk, c.relrowsecurity as rls
             from pg_catalog.pg_class c
             join pg_catalog.pg_namespace n on n.oid = c.relnamespace
             join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
             join pg_catalog.pg_type t on t.oid = a.atttypid
             left join pg_catalog.pg_index i on i.indrelid = c.oid and i.indisprimary
            where n.nspname = $1 and c.relname = $2
            order by a.attnum`,
          [schema, table],
        )
        .then(({ rows }) =>
          rows.length === 0
            ? undefined
            : {
                columns: rows.map((r) => ({ name: r.name, type: r.type, sqlType: r.sql_type })),
                pk: rows.filter((r) => r.pk).map((r) => r.name),
                rls: rows[0]!.rls,
              },
        );
      m.catch(() => metas.delete(key));
      metas.set(key, m);
    }
    return m;
  }

  /** The columns of a table this role may SELECT (column grants, as Realtime filters `columns`). */
  async function selectable(schema: string, table: string, role: string): Promise<Set<string>> {
    const { rows } = await pool.query<{ name: string }>(
      `select a.attname as name
         from pg_catalog.pg_attribute a
        where a.attrelid = (quote_ident($1) || '.' || quote_ident($2))::regclass and a.attnum > 0 and not a.attisdropped
          and has_column_privilege($3, a.attrelid, a.attnum, 'SELECT')`,
      [schema, table, role],
    );
    return new Set(rows.map((r) => r.name));
  }

  /** Why this subscription cannot be served, or undefined when it can (checked at join, as Realtime does). */
  async function checkSubscription(sub: PgSubscription, claims: JWTPayload | undefined): Promise<string | undefined> {
    const params = `[event: ${sub.event}, schema: ${sub.schema}, table: ${sub.table ?? '*'}, filters: [${sub.filter ?? ''}]]`;
    const unable = `Unable to subscribe to changes with given parameters. Please check Realtime is enabled for the given connect parameters: ${params}`;
    if (!['*', 'INSERT', 'UPDATE', 'DELETE'].includes(sub.event)) return unable;
    // Published tables it names that this role may read at all (column grants count, as in Realtime).
    const { rows } = await pool.query<{ schemaname: string; tablename: string }>(
      `select schemaname, tablename from pg_catalog.pg_publication_tables
        where pubname = 'supabase_realtime' and ($1 = '*' or schemaname = $1) and ($2::text is null or $2 = '*' or tablename = $2)
          and has_any_column_privilege($3, (quote_ident(schemaname) || '.' || quote_ident(tablename))::regclass, 'SELECT')`,
      [sub.schema, sub.table ?? null, roleOf(claims)],
    );
    if (rows.length === 0) return unable;
    if (sub.conditions.length === 0 && !sub.select) return undefined;
    if (!sub.table || sub.table === '*') return `${unable} (a filter or select needs one table)`;
    const cols = await selectable(sub.schema, sub.table, roleOf(claims));
    for (const name of [...sub.conditions.map((k) => k.column), ...(sub.select ?? [])]) {
      if (!cols.has(name)) return `${unable} (invalid column for filter ${name})`;
    }
    // Each value must be one of its column's type, as realtime.subscription_check_filters requires.
    const meta = await tableMeta(sub.schema, sub.table);
    for (const k of sub.conditions) {
      const sqlType = meta?.columns.find((col) => col.name === k.column)?.sqlType;
      const cast = k.op === 'in' ? `${sqlType}[]` : sqlType;
      const ok = await pool.query(`select $1::${cast}`, [k.value]).then(
        () => true,
        () => false,
      );
      if (!ok) return `${unable} (invalid value for ${k.column})`;
    }
    return undefined;
  }

  /** Realtime's hash of a subscription's parameters: the id the client routes changes by. */
  function subscriptionId(params: unknown): number {
    let h = 2166136261;
    for (const ch of JSON.stringify(params)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    return h & 0x7ffffff;
  }

  async function deliverChange(change: Change): Promise<void> {
    // Which open channels subscribe to this table and operation, per socket (each socket has one token).
    const targets: Array<{ c: Client; ch: Joined; subs: PgSubscription[] }> = [];
    for (const c of clients) {
      for (const ch of c.channels.values()) {
        const subs = ch.changes.filter(
          (s) =>
            (s.schema === '*' || s.schema === change.schema) &&
            (!s.table || s.table === '*' || s.table === change.table) &&
            (s.event === '*' || s.event === change.type),
        );
        if (subs.length > 0) targets.push({ c, ch, subs });
      }
    }
    if (targets.length === 0) return;
    const meta = await tableMeta(change.schema, change.table);
    if (!meta) return;
    // No policy can be checked on a row that is gone: under RLS a delete is sent to nobody.
    if (change.type === 'DELETE' && meta.rls) return;
    const rel = `${ident(change.schema)}.${ident(change.table)}`;
    for (const { c, ch, subs } of targets) {
      const cols = await selectable(change.schema, change.table, roleOf(c.claims));
      const visible = meta.columns.filter((col) => cols.has(col.name));
      if (visible.length === 0 || !meta.pk.every((k) => cols.has(k))) continue;
      const values: unknown[] = [];
      const param = (v: unknown, cast: string) => {
        values.push(v);
        return `$${values.length}::${cast}`;
      };
      const passes = subs.map((sub) =>
        sub.conditions.length === 0
          ? 'true'
          : sub.conditions
              .map((k) => {
                const col = meta.columns.find((x) => x.name === k.column);
                if (!col) return 'false';
                if (k.op === 'in') return `t.${ident(col.name)} = any(${param(k.value, `${col.sqlType}[]`)})`;
                const op = { eq: '=', neq: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' }[k.op];
                return `t.${ident(col.name)} ${op} ${param(k.value, col.sqlType)}`;
              })
              .join(' and '),
      );
      const record = `jsonb_build_object(${visible.map((col) => `${literal(col.name)}, t.${ident(col.name)}`).join(', ')})`;
      // INSERT/UPDATE: the row now, read as the subscriber (RLS decides if there is one). DELETE (no RLS):
      // only the primary key is known, as with replica identity default.
      const source =
        change.type === 'DELETE'
          ? `jsonb_populate_record(null::${rel}, ${param(JSON.stringify(change.pk), 'jsonb')}) t`
          : `${rel} t where ${meta.pk.map((k) => `t.${ident(k)} = ${param(change.pk[k], meta.columns.find((col) => col.name === k)!.sqlType)}`).join(' and ')}`;
      const sql = `select ${change.type === 'DELETE' ? `'{}'::jsonb` : record} as record, ${passes.map((p, i) => `coalesce(${p}, false) as f${i}`).join(', ')} from ${source}`;
      let row: Record<string, unknown> | undefined;
      try {
        row = await asUser(c.claims, async (q) => (await q.query(sql, values)).rows[0]);
      } catch {
        continue;
      }
      if (!row) continue;
      const ids = subs.filter((_, i) => row[`f${i}`] === true).map((s) => s.id);
      if (ids.length === 0) continue;
      const pkOnly = Object.fromEntries(meta.pk.map((k) => [k, change.pk[k] ?? null]));
      const narrowed = subs.find((s) => ids.includes(s.id) && s.select)?.select;
      let full = row.record as Record<string, unknown>;
      if (narrowed) full = Object.fromEntries(Object.entries(full).filter(([k]) => narrowed.includes(k)));
      const shown = narrowed ? visible.filter((col) => narrowed.includes(col.name)) : visible;
      const errors: string[] = [];
      if (Buffer.byteLength(JSON.stringify(full)) > MAX_RECORD_BYTES) {
        full = Object.fromEntries(Object.entries(full).filter(([, v]) => Buffer.byteLength(JSON.stringify(v)) <= 64));
        errors.push('Error 413: Payload Too Large');
      }
      const data: Record<string, unknown> = {
        schema: change.schema,
        table: change.table,
        commit_timestamp: change.commit_timestamp,
        type: change.type,
        columns: shown.map((col) => ({ name: col.name, type: col.type })),
        errors: errors.length > 0 ? errors : null,
      };
      if (change.type !== 'DELETE') data.record = full;
      if (change.type !== 'INSERT') data.old_record = pkOnly;
      send(c, { join_ref: null, ref: null, topic: ch.topic, event: 'postgres_changes', payload: { ids, data } });
      stats.changes++;
    }
  }

  async function onMessage(c: Client, m: Message): Promise<void> {
    if (m.topic === 'phoenix' && m.event === 'heartbeat') {
      stats.heartbeats++;
      return reply(c, m, 'ok', {});
    }
    switch (m.event) {
      case 'phx_join': {
        stats.joins++;
        const config = (m.payload.config ?? {}) as { private?: boolean; postgres_changes?: unknown[] };
        const isPrivate = config.private === true;
        const subTopic = m.topic.startsWith('realtime:') ? m.topic.slice('realtime:'.length) : m.topic;
        const refuse = (reason: string) => {
          stats.refusedJoins++;
          reply(c, m, 'error', { reason });
        };
        if (knobs.refuseJoins) return refuse('Realtime was unable to connect to the project database');
        const requested = Array.isArray(config.postgres_changes) ? config.postgres_changes : [];
        const subs: PgSubscription[] = [];
        for (const raw of requested) {
          const r = (raw ?? {}) as { event?: unknown; schema?: unknown; table?: unknown; filter?: unknown; select?: unknown };
          const event = typeof r.event === 'string' ? r.event.toUpperCase() : '';
          const schema = typeof r.schema === 'string' ? r.schema : '';
          const table = typeof r.table === 'string' ? r.table : undefined;
          const filter = typeof r.filter === 'string' && r.filter !== '' ? r.filter : undefined;
          const select = Array.isArray(r.select) ? r.select.filter((x): x is string => typeof x === 'string') : undefined;
          const conditions = filter === undefined ? [] : parseFilter(filter);
          if (!schema || conditions === undefined) return refuse(`Error parsing \`postgres_changes\` config: ${JSON.stringify(raw)}`);
          const params = { event: r.event, schema, table, filter, select };
          subs.push({ id: subscriptionId(params), event, schema, table, filter, select, conditions });
        }
        // Without access_token Realtime uses the socket's apikey (the anon key: role anon).
        const claims = (await verify(m.payload.access_token)) ?? c.claims ?? (await verify(c.apikey));
        if (isPrivate) {
          if (!claims) return refuse('Unauthorized: You do not have permissions to read from this Channel topic: ' + subTopic);
          let allowed = false;
          try {
            allowed = await canRead(claims, subTopic);
          } catch {
            allowed = false;
          }
          if (!allowed) return refuse('Unauthorized: You do not have permissions to read from this Channel topic: ' + subTopic);
        }
        if (claims) c.claims = claims;
        const joined: Joined = { topic: m.topic, joinRef: m.join_ref, private: isPrivate, changes: [] };
        c.channels.set(m.topic, joined);
        // The reply echoes each subscription as sent, with its id; realtime-js matches them in order.
        reply(c, m, 'ok', {
          postgres_changes: subs.map((s, i) => ({
            id: s.id,
            event: (requested[i] as { event: string }).event,
            schema: s.schema,
            table: s.table,
            filter: s.filter,
            ...(s.select ? { select: s.select } : {}),
          })),
        });
        if (subs.length === 0) return;
        // Then, as Realtime does once it has (or has not) registered them: a `system` message.
        await pool.query('select realtime.emulator_watch_publication()').catch(() => {});
        let problem: string | undefined;
        for (const s of subs) {
          problem ??= await checkSubscription(s, c.claims).catch((err: Error) => `Subscribing to PostgreSQL failed: ${err.message}`);
        }
        if (c.channels.get(m.topic) !== joined) return;
        if (!problem) joined.changes = subs;
        return send(c, {
          join_ref: m.join_ref,
          ref: null,
          topic: m.topic,
          event: 'system',
          payload: {
            extension: 'postgres_changes',
            status: problem ? 'error' : 'ok',
            message: problem ?? 'Subscribed to PostgreSQL',
            channel: subTopic,
          },
        });
      }
      case 'access_token': {
        const claims = await verify(m.payload.access_token);
        if (!claims) {
          // Realtime closes the channel when a refreshed token is invalid.
          c.channels.delete(m.topic);
          send(c, {
            join_ref: m.join_ref,
            ref: null,
            topic: m.topic,
            event: 'system',
            payload: { extension: 'system', status: 'error', message: 'Invalid token', channel: m.topic },
          });
          return send(c, { join_ref: m.join_ref, ref: m.ref, topic: m.topic, event: 'phx_close', payload: {} });
        }
        c.claims = claims;
        return reply(c, m, 'ok', {});
      }
      case 'phx_leave': {
        c.channels.delete(m.topic);
        reply(c, m, 'ok', {});
        return send(c, { join_ref: m.join_ref, ref: m.ref, topic: m.topic, event: 'phx_close', payload: {} });
      }
      case 'broadcast': {
        // Client-to-client broadcasts are not part of this emulator's job (the app only receives).
        return reply(c, m, 'ok', {});
      }
      default:
        return reply(c, m, 'error', { reason: `unknown event ${m.event}` });
    }
  }

  function decode(c: Client, data: RawData, isBinary: boolean): Message | undefined {
    try {
      if (isBinary) {
        // vsn 2.0.0 "user broadcast push" from a client (kind 3): acknowledged, not relayed.
        const buf = Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
        if (buf[0] !== 3) return undefined;
        const [joinLen, refLen, topicLen] = [buf[1]!, buf[2]!, buf[3]!];
        const at = 7;
        const joinRef = buf.subarray(at, at + joinLen).toString();
        const ref = buf.subarray(at + joinLen, at + joinLen + refLen).toString();
        const topic = buf.subarray(at + joinLen + refLen, at + joinLen + refLen + topicLen).toString();
        return { join_ref: joinRef || null, ref: ref || null, topic, event: 'broadcast', payload: {} };
      }
      const parsed = JSON.parse(data.toString());
      if (c.vsn === '2.0.0' && Array.isArray(parsed)) {
        const [join_ref, ref, topic, event, payload] = parsed as [string | null, string | null, string, string, Record<string, unknown>];
        return { join_ref, ref, topic, event, payload: payload ?? {} };
      }
      if (c.vsn === '1.0.0' && parsed && typeof parsed === 'object') return parsed as Message;
    } catch {
      return undefined;
    }
    return undefined;
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://realtime');
    if (url.pathname !== REALTIME_PATH) return false;
    if (knobs.down) {
      socket.destroy();
      return true;
    }
    const vsn = url.searchParams.get('vsn') === '2.0.0' ? '2.0.0' : '1.0.0';
    if (!url.searchParams.get('apikey')) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
      return true;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      stats.connections++;
      const c: Client = { ws, vsn, channels: new Map(), apikey: url.searchParams.get('apikey') ?? '' };
      clients.add(c);
      // Messages of one socket are handled in order, as a Phoenix channel process would.
      let chain = Promise.resolve();
      ws.on('message', (data, isBinary) => {
        const m = decode(c, data, isBinary);
        if (m) chain = chain.then(() => onMessage(c, m)).catch(() => {});
      });
      ws.on('close', () => clients.delete(c));
      ws.on('error', () => ws.terminate());
    });
    return true;
  }

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    if (options.proxy) return proxyHttp(options.proxy, req, res);
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: 'not found' }));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req, socket, head) => {
    if (!handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    stats,
    setKnobs(patch) {
      knobs = { ...knobs, ...patch };
      if (knobs.down) for (const c of clients) c.ws.terminate();
    },
    handleUpgrade,
    async close() {
      for (const c of clients) c.ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      await listener.end().catch(() => {});
      await pool.end().catch(() => {});
    },
  };
}

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Splits on commas outside double quotes and parentheses, as Realtime splits filter conditions. */
function splitConditions(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      parts.push(text.slice(at, i));
      at = i + 1;
    }
  }
  parts.push(text.slice(at));
  return parts;
}

const unquote = (v: string): string => (v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v);

/**
 * A postgres_changes filter as Realtime reads it: `column=op.value`, several joined by commas (AND),
 * ops eq, neq, lt, lte, gt, gte and in.(a,b); a value with a reserved character is double-quoted.
 * undefined: unreadable (the join is refused).
 */
export function parseFilter(filter: string): Condition[] | undefined {
  const out: Condition[] = [];
  for (const part of splitConditions(filter)) {
    const m = /^([^=]+)=(eq|neq|lt|lte|gt|gte|in)\.(.*)$/s.exec(part.trim());
    if (!m) return undefined;
    const column = m[1]!;
    const op = m[2] as Condition['op'];
    const raw = m[3]!;
    if (op !== 'in') {
      out.push({ column, op, value: unquote(raw) });
      continue;
    }
    const list = /^\((.*)\)$/s.exec(raw);
    if (!list) return undefined;
    out.push({ column, op, value: splitConditions(list[1]!).map((v) => unquote(v.trim())) });
  }
  return out;
}

/** Streams one HTTP request to `origin` and its answer back (bodies unread, as an API gateway does). */
export function proxyHttp(origin: string, req: IncomingMessage, res: ServerResponse): void {
  const target = new URL(req.url ?? '/', origin);
  const upstream = httpRequest(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'upstream unavailable' }));
    } else res.destroy();
  });
  req.pipe(upstream);
}
