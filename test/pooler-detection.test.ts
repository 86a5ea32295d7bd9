import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { connectionErrorMessage, describeTarget, transactionPoolerReason } from '../src/db/connection.ts';

test('transaction-mode pooler URLs are recognised; direct and session URLs are not', () => {
  assert.match(transactionPoolerReason('postgres://postgres.ref:pw@aws-0-sa-east-1.pooler.supabase.com:6543/postgres')!, /port 6543/);
  assert.match(transactionPoolerReason('postgres://u:p@host:5432/db?pgbouncer=true')!, /pgbouncer=true/);
  assert.equal(transactionPoolerReason('postgres://postgres:pw@db.abcd.supabase.co:5432/postgres'), undefined);
  assert.equal(transactionPoolerReason('postgres://postgres.ref:pw@aws-0-sa-east-1.pooler.supabase.com:5432/postgres'), undefined);
});

test('connection descriptions never carry the password', () => {
  const url = 'postgres://app:p%40ss-w0rd@10.1.2.3:6432/appdb';
  assert.deepEqual(describeTarget(url), { host: '10.1.2.3', port: 6432, database: 'appdb' });
  const msg = connectionErrorMessage(url, Object.assign(new Error('password authentication failed for p@ss-w0rd'), { code: '28P01' }));
  assert.doesNotMatch(msg, /p@ss-w0rd/);
  assert.match(msg, /cannot reach PostgreSQL at 10\.1\.2\.3:6432 \(database appdb\)/);
});

test('ai-worker start refuses a transaction-mode pooler with a clear message and exit 1', async () => {
  const err = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start'], {
    env: { ...process.env, DATABASE_URL: 'postgres://postgres.ref:secret@127.0.0.1:6543/postgres', PORT: '0' },
    timeout: 20_000,
  }).then(
    () => assert.fail('start should refuse'),
    (e: { code: number; stderr: string }) => e,
  );
  assert.equal(err.code, 1);
  assert.match(err.stderr, /transaction-mode connection pooler \(port 6543/);
  assert.match(err.stderr, /Use the direct connection/);
  assert.doesNotMatch(err.stderr, /secret/);
});
