// A throwaway PostgreSQL cluster on a free port, for tests where the database itself must fail
// (stop, restart, outage). The machine's shared cluster is never stopped. PostgreSQL refuses to run
// as root, so the cluster belongs to the postgres OS user when the tests run as root.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../src/net/ports.ts';

const run = promisify(execFile);
const asRoot = process.getuid?.() === 0;

async function sh(cmd: string, args: string[]): Promise<string> {
  const full = asRoot ? (['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const) : ([cmd, args] as const);
  const { stdout } = await run(full[0], full[1] as string[], { timeout: 60_000 });
  return stdout;
}

export interface Cluster {
  port: number;
  url(db?: string): string;
  start(): Promise<void>;
  /** Fast shutdown: connections are cut, like a crash or a failover, but the data stays. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  destroy(): Promise<void>;
}

export async function createCluster(): Promise<Cluster> {
  const dir = await mkdtemp(path.join(tmpdir(), 'aiw-pg-'));
  await chmod(dir, 0o777);
  const data = path.join(dir, 'data');
  const port = await freePort();
  await sh('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const ctl = (action: string, extra: string[] = []) => sh('pg_ctl', [action, '-D', data, '-w', '-t', '30', ...extra]);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
  const cluster: Cluster = {
    port,
    url: (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`,
    start: async () => void (await ctl('start', ['-o', opts, '-l', path.join(dir, 'log')])),
    stop: async () => void (await ctl('stop', ['-m', 'fast'])),
    restart: async () => {
      await cluster.stop();
      await cluster.start();
    },
    destroy: async () => {
      await ctl('stop', ['-m', 'immediate']).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
