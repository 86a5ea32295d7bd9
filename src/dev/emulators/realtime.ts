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
//   trigger (delivered at commit, like replication). Private messages reach private channels only.
//
// bootstrapRealtimeSchema() creates the minimal `realtime` schema of a Supabase database (messages,
// send(), topic()) in a dev/test database BEFORE migrations, so that sql/040_realtime.sql takes its
// Supabase branch exactly as it would on a project. Not postgres_changes: the app uses the broadcast.
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
  const stats: RealtimeStats = { connections: 0, joins: 0, refusedJoins: 0, heartbeats: 0, delivered: 0 };
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
  listener.on('notification', (n) => {
    if (n.channel === NOTIFY_CHANNEL && n.payload) void deliver(n.payload).catch(() => {});
  });

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

  /** Supabase's check: can this user read a broadcast message of this topic under realtime.messages RLS? */
  async function canRead(claims: JWTPayload, subTopic: string): Promise<boolean> {
    const role = claims.role === 'anon' ? 'anon' : claims.role === 'service_role' ? 'service_role' : 'authenticated';
    const c = await pool.connect();
    try {
      await c.query('begin');
      const { rows } = await c.query<{ id: string }>(
        `insert into realtime.messages (topic, extension, event, private) values ($1, 'broadcast', 'authorization_check', true) returning id`,
        [subTopic],
      );
      await c.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true), set_config('realtime.topic', $3, true)`, [
        role,
        JSON.stringify(claims),
        subTopic,
      ]);
      const seen = await c.query('select 1 from realtime.messages where id = $1', [rows[0]!.id]);
      return seen.rowCount === 1;
    } finally {
      await c.query('rollback').catch(() => {});
      c.release();
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
        if (Array.isArray(config.postgres_changes) && config.postgres_changes.length > 0) {
          return refuse('postgres_changes is not emulated here; use the broadcast topic');
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
        c.channels.set(m.topic, { topic: m.topic, joinRef: m.join_ref, private: isPrivate });
        return reply(c, m, 'ok', { postgres_changes: [] });
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
