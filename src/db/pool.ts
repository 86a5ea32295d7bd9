// The daemon's connection pool. Every statement is bounded by statement_timeout (a locked row or
// table makes a statement give up, not hang the daemon) and every connection is named, so
// pg_stat_activity shows which daemon holds what.
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import type { EventBus } from '../events.ts';

export function createPool(db: DatabaseConfig, applicationName: string, events?: EventBus): pg.Pool {
  const pool = new pg.Pool({
    connectionString: db.url,
    max: db.poolMax,
    application_name: applicationName,
    statement_timeout: db.statementTimeoutMs,
    // A row or table locked by someone else makes our statement give up early instead of waiting
    // out the whole statement timeout (the settle then retries, the claim skips locked rows anyway).
    lock_timeout: Math.min(5_000, db.statementTimeoutMs),
    // A query that the server never answers (half-open TCP) must end too.
    query_timeout: db.statementTimeoutMs + 2_000,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    // No sequential scans where an index can serve: every statement of the daemon and the gateway
    // reads rows by key or through a small partial index, and a plan cached while the table looked
    // tiny (an ANALYZE of a nearly empty table, then a burst) otherwise reads the whole table once per
    // claim candidate — bench:queue drained 316 jobs/s instead of 13,537 (docs/queue.md, "Claim plan").
    // A SET, not a startup option, so session-mode poolers that refuse unknown startup parameters pass
    // it. In onConnect, which the pool awaits before it hands the client out, not in a 'connect'
    // listener: there the SET was queued on the client beside the caller's first statement (pg 8
    // warns that pg 9 refuses two queries at once on one client), and a failed SET left a client
    // without the setting in the pool; here the pool ends that client and the caller gets the error.
    onConnect: async (client) => {
      await client.query('set enable_seqscan = off');
    },
  });
  // An idle client whose server went away emits 'error' on the pool; unhandled, it would kill the process.
  pool.on('error', (err) => events?.emit('error', { where: 'pool', error: err.message }));
  return pool;
}
