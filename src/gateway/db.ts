// The gateway's Postgres access. A small pool per database URL lives at module level (one per edge
// isolate, one per daemon), with every wait bounded: connecting, each statement, and the whole
// request's database work. An outage therefore answers 503 with Retry-After in under two seconds
// instead of hanging the caller or leaking a stack trace.
import pg from 'pg';
import { transactionPoolerReason } from '../db/connection.ts';
import type { GatewayConfig } from './config.ts';
import { HttpError } from './http.ts';
import { raceTimeout } from '../time/deadline.ts';
import { isConnectionError } from '../net/connection-error.ts';

const pools = new Map<string, { pool: pg.Pool; users: number; statementTimeoutMs: number }>();

function statementTimeoutOf(pool: pg.Pool): number | undefined {
  for (const entry of pools.values()) if (entry.pool === pool) return entry.statementTimeoutMs;
  return undefined;
}

/** The shared pool for this URL; release it with releasePool when its owner closes. */
export function acquirePool(url: string, db: GatewayConfig['db']): pg.Pool {
  const key = `${url}#${db.poolMax}#${db.connectTimeoutMs}#${db.statementTimeoutMs}`;
  let entry = pools.get(key);
  if (!entry) {
    // A transaction-mode pooler (GATEWAY_DATABASE_URL on port 6543 or with pgbouncer=true) refuses a
    // statement_timeout startup parameter (PgBouncer: "unsupported startup parameter"), and a
    // session setting would not follow the next transaction anyway. There the server-side bound is
    // set per user transaction (asUser) and the client-side query_timeout bounds every statement.
    const pooled = transactionPoolerReason(url) !== undefined;
    const pool = new pg.Pool({
      connectionString: url,
      max: db.poolMax,
      application_name: 'ai-worker-gateway',
      connectionTimeoutMillis: db.connectTimeoutMs,
      ...(pooled ? {} : { statement_timeout: db.statementTimeoutMs }),
      // A server that stops answering (half-open TCP) must still end the query.
      query_timeout: db.statementTimeoutMs + 500,
      idleTimeoutMillis: 10_000,
      // Edge isolates and daemons alike must be able to exit with an idle pool.
      allowExitOnIdle: true,
    });
    // A server restart errors idle clients; unhandled, that event would end the process.
    pool.on('error', () => {});
    entry = { pool, users: 0, statementTimeoutMs: db.statementTimeoutMs };
    pools.set(key, entry);
  }
  entry.users++;
  return entry.pool;
}

export async function releasePool(pool: pg.Pool): Promise<void> {
  for (const [key, entry] of pools) {
    if (entry.pool !== pool) continue;
    if (--entry.users <= 0) {
      pools.delete(key);
      await pool.end().catch(() => {});
    }
    return;
  }
}

/** SQLSTATE classes that mean "the database is not there right now", not "your query is wrong". */
const UNAVAILABLE_CLASSES = ['08', '53', '57', '58'];

export function isUnavailable(err: unknown): boolean {
  if (err instanceof DeadlineError) return true;
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (/^[0-9A-Z]{5}$/.test(code)) return UNAVAILABLE_CLASSES.includes(code.slice(0, 2));
  // Node socket errors (ECONNREFUSED, ECONNRESET, ETIMEDOUT…) and pg's own timeouts carry no SQLSTATE.
  if (isConnectionError(err)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /timeout/i.test(message);
}

export class DeadlineError extends Error {
  constructor(ms: number) {
    super(`database work exceeded ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

export function unavailable(): HttpError {
  return new HttpError(503, 'database_unavailable', 'the job database is unavailable; retry shortly', { headers: { 'Retry-After': '2' } });
}

/**
 * Runs fn with an overall deadline; a database outage becomes a 503 HttpError. The work itself is
 * not cancelled at the deadline, but the pool's own timeouts end it shortly after.
 */
export async function withDeadline<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await raceTimeout(fn(), ms, () => {
      throw new DeadlineError(ms);
    });
  } catch (err) {
    if (isUnavailable(err)) throw unavailable();
    throw err;
  }
}

/**
 * One transaction as the signed-in user, exactly as PostgREST runs a request: role authenticated
 * and the verified claims, both transaction-local, so RLS and auth.uid() apply and nothing leaks to
 * the next user of the pooled connection.
 */
export async function asUser<T>(pool: pg.Pool, claims: Record<string, unknown>, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  let broken: Error | undefined;
  try {
    // Transaction-local, so it holds behind a transaction-mode pooler too (a no-op change elsewhere).
    const timeout = statementTimeoutOf(pool);
    await c.query(`begin; set local role authenticated${timeout ? `; set local statement_timeout = ${Math.floor(timeout)}` : ''}`);
    await c.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ ...claims, role: 'authenticated' })]);
    const out = await fn(c);
    await c.query('commit');
    return out;
  } catch (err) {
    await c.query('rollback').catch((e: Error) => (broken = e));
    if (isUnavailable(err)) broken ??= err as Error;
    throw err;
  } finally {
    // A connection that failed mid-transaction is destroyed, never handed to the next request.
    c.release(broken);
  }
}
