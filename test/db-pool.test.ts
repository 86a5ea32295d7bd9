// The daemon's and the gateway's connection pool (src/db/pool.ts), on a real server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { useFreshDatabase } from './support/database.ts';

const db = useFreshDatabase('db_pool');

test('a new connection has sequential scans off before its first statement, and the pool never runs two statements at once on it', async () => {
  // In a child process with --throw-deprecation: pg 8 warns (once per process) when a second query is
  // issued on a client that is still running one, which is what a SET from a 'connect' listener beside
  // the caller's first statement does; the flag turns that warning into a failure of the child.
  const script = `
    import { createPool } from './src/db/pool.ts';
    const pool = createPool({ url: process.env.POOL_TEST_URL, poolMax: 1, statementTimeoutMs: 30000, listenerQueryTimeoutMs: 5000, listenerPingMs: 10000 }, 'db-pool-test');
    const shown = await Promise.all([pool.query('show enable_seqscan'), pool.query('show enable_seqscan')]);
    process.stdout.write(JSON.stringify({ settings: shown.map((r) => r.rows[0].enable_seqscan), connections: pool.totalCount }));
    await pool.end();`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--throw-deprecation', '--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, POOL_TEST_URL: db.url },
    timeout: 60_000,
  });
  assert.deepEqual(JSON.parse(stdout), { settings: ['off', 'off'], connections: 1 });
});
