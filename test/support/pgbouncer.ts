// A throwaway PgBouncer in transaction mode on a free port, in front of the shared PostgreSQL: the
// shape of Supabase's pooler on port 6543 (each transaction may land on another server session).
// PgBouncer refuses to run as root, so under root it runs as the postgres OS user.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answers, freePort } from '../../src/net/ports.ts';
import { waitUntil } from '../../src/dev/testkit/wait.ts';

export interface Bouncer {
  port: number;
  url(db: string): string;
  stop(): Promise<void>;
}

export interface BouncerOptions {
  /** Server connections per database (PgBouncer's default is 20). */
  poolSize?: number;
  upstreamPort?: number;
  /** Startup parameters PgBouncer drops instead of refusing the client (it refuses unknown ones). */
  ignoreStartupParameters?: string[];
}

export async function startPgBouncer(options: BouncerOptions = {}): Promise<Bouncer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'aiw-pgbouncer-'));
  await chmod(dir, 0o777);
  const port = await freePort();
  const ini = path.join(dir, 'pgbouncer.ini');
  await writeFile(
    ini,
    [
      '[databases]',
      `* = host=127.0.0.1 port=${options.upstreamPort ?? 5432} user=postgres`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = any',
      'pool_mode = transaction',
      // One server connection per database: two clients' transactions must share it.
      `default_pool_size = ${options.poolSize ?? 1}`,
      'max_client_conn = 200',
      ...(options.ignoreStartupParameters ? [`ignore_startup_parameters = ${options.ignoreStartupParameters.join(',')}`] : []),
      `logfile = ${path.join(dir, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
  );
  await chmod(ini, 0o644);
  const asRoot = process.getuid?.() === 0;
  const [cmd, args] = asRoot ? ['runuser', ['-u', 'postgres', '--', 'pgbouncer', ini]] : ['pgbouncer', [ini]];
  const proc: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  // Ready when the port accepts a connection (bounded); a PgBouncer that exits says why.
  await waitUntil(
    async () => {
      if (proc.exitCode !== null) throw new Error(`pgbouncer did not start: ${stderr}`);
      return answers('127.0.0.1', port);
    },
    { what: 'pgbouncer to listen', timeoutMs: 10_000 },
  ).catch((err: unknown) => {
    proc.kill('SIGKILL');
    throw err;
  });
  return {
    port,
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
