// A transaction-mode pooler on any port (PgBouncer here, on a free port: the URL check only knows
// Supabase's 6543) is refused at start: the listener requires a notification sent through another
// connection to arrive, and through such a pooler LISTEN succeeds but nothing is delivered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { useFreshDatabase, waitUntil } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';

const db = useFreshDatabase('listener_pooler');
let bouncer: ChildProcess | undefined;
let port = 0;
let dir = '';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const p = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return p;
}

before(async () => {
  port = await freePort();
  dir = mkdtempSync(path.join(os.tmpdir(), 'aiw-pgbouncer-'));
  chmodSync(dir, 0o755);
  const ini = path.join(dir, 'pgbouncer.ini');
  writeFileSync(
    ini,
    [
      '[databases]',
      '* = host=127.0.0.1 port=5432 user=postgres',
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'auth_type = any',
      'pool_mode = transaction',
      'unix_socket_dir =',
      'ignore_startup_parameters = extra_float_digits,options,statement_timeout,lock_timeout,idle_in_transaction_session_timeout,query_timeout',
      '',
    ].join('\n'),
  );
  chmodSync(ini, 0o644);
  // PgBouncer refuses to run as root; -u drops to the postgres user.
  const args = process.getuid?.() === 0 ? ['-u', 'postgres', ini] : [ini];
  bouncer = spawn('pgbouncer', args, { stdio: 'ignore' });
  await waitUntil(
    () =>
      new Promise<boolean>((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
        s.on('error', () => resolve(false));
      }),
    { what: 'pgbouncer to listen', timeoutMs: 10_000 },
  );
});

after(async () => {
  if (bouncer && bouncer.exitCode === null) {
    const exited = new Promise((resolve) => bouncer!.once('exit', resolve));
    bouncer.kill('SIGTERM');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a daemon whose DATABASE_URL goes through a transaction-mode pooler on another port refuses to start', async () => {
  await db.ready;
  const url = new URL(db.url);
  url.port = String(port);
  await assert.rejects(startTestDaemon(url.toString()), /transaction-mode pooler/);
});
