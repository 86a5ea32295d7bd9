// `npm run demo:web`: the demo app in a browser, with the whole product behind it on this machine.
// It (re)creates the database `ai_worker_demo_web` with a Supabase-like `realtime` schema, migrates
// it, builds web/ with Vite, starts the model emulators (with a realistic latency), the daemon
// serving the edge functions, the Realtime emulator, and one HTTP origin serving all of it. When
// ready it prints exactly one line on stdout:
//   WEB_URL=http://127.0.0.1:<port>
// (progress goes to stderr). SIGTERM or SIGINT stops everything and exits 0.
// WEB_PORT picks the port (default: a free one); DATABASE_URL picks the server (default the local one).
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { build } from 'vite';
import { DEFAULT_DATABASE_URL } from '../src/config.ts';
import { startStack, STACK_ANON_KEY, type Stack } from './demo-web/stack.ts';

const DATABASE = 'ai_worker_demo_web';
const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);

async function freshDatabase(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect().catch((err: Error) => {
    throw new Error(`cannot reach PostgreSQL at ${new URL(serverUrl).host} (${err.message}); start it or set DATABASE_URL`);
  });
  try {
    // The demo's own database, rebuilt each run: a clean queue, and the emulated realtime schema
    // never lands in a database someone else uses.
    await admin.query(`drop database if exists ${DATABASE} with (force)`);
    await admin.query(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${DATABASE}`;
  return u.toString();
}

async function main(): Promise<void> {
  const databaseUrl = await freshDatabase(process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL);
  log(`database  ${DATABASE} (recreated, realtime schema + migrations)`);
  log('building  web/ with Vite…');
  await build({ configFile: `${WEB_DIR}vite.config.ts`, logLevel: 'error' });
  const userId = randomUUID();
  let stack: Stack | undefined;
  let token = '';
  stack = await startStack({
    databaseUrl,
    latencyMs: [400, 1500],
    staticDir: `${WEB_DIR}dist`,
    port: process.env.WEB_PORT ? Number(process.env.WEB_PORT) : 0,
    route: (_req, res, pathname) => {
      if (pathname !== '/demo/session') return false;
      // Demo only: stands in for supabase.auth, a signed-in session for one demo user.
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ access_token: token, user_id: userId, anon_key: STACK_ANON_KEY }));
      return true;
    },
  });
  token = await stack.tokenFor(userId, 12 * 3600);
  log(`ready     daemon :${stack.daemon.port} · realtime emulator · emulators yolo/ollama/gemini (latency 0.4–1.5 s)`);
  process.stdout.write(`WEB_URL=${stack.url}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log(`${signal}: stopping`);
    await stack?.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: Error) => {
  log(`demo:web failed: ${err.message}`);
  process.exit(1);
});
