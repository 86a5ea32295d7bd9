// Each integration test file gets its own fresh database, copied from a migrated template (a copy
// takes ~100 ms; migrating from scratch takes longer and would race on the cluster-wide roles).
// A file whose tests all pass drops its database; a failing one keeps it and prints its name.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { after, afterEach, before } from 'node:test';
import pg from 'pg';
import { migrate, SQL_DIR } from '../../db/migrate.ts';

export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string, base = ADMIN_URL): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

function templateName(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(SQL_DIR).sort()) h.update(f).update(readFileSync(`${SQL_DIR}/${f}`));
  return `aiw_tpl_${h.digest('hex').slice(0, 12)}`;
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function ensureTemplate(): Promise<string> {
  const name = templateName();
  await withAdmin(async (c) => {
    // Test files run in parallel processes: one builds the template, the others wait for it.
    await c.query('select pg_advisory_lock(7263541)');
    try {
      const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [name]);
      if (!rowCount) {
        await c.query(`create database ${name}`);
        try {
          await migrate(databaseUrl(name));
        } catch (err) {
          await c.query(`drop database if exists ${name}`);
          throw err;
        }
      }
    } finally {
      await c.query('select pg_advisory_unlock(7263541)');
    }
  });
  return name;
}

export async function createDatabase(slug: string, options: { migrated?: boolean } = {}): Promise<string> {
  const name = `aiw_t_${slug.replace(/[^a-z0-9]/g, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const template = options.migrated === false ? 'template0' : await ensureTemplate();
  // Names are generated above from [a-z0-9_] only; identifiers cannot be bound as parameters.
  await withAdmin((c) => c.query(`create database ${name} template ${template}`));
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
}

export interface TestDatabase {
  name: string;
  url: string;
  pool: pg.Pool;
  /** Resolves once the database exists; await it in a file's own before() hooks (they may run concurrently with ours). */
  ready: Promise<void>;
}

/**
 * Registers hooks in the calling test file: a fresh migrated database before its tests, kept for
 * inspection if any test failed, dropped otherwise. Read the returned object inside tests.
 */
export function useFreshDatabase(slug: string, options: { migrated?: boolean } = {}): TestDatabase {
  const db = {} as TestDatabase;
  let failed = false;
  let resolveReady!: () => void;
  let rejectReady!: (e: unknown) => void;
  db.ready = new Promise<void>((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  db.ready.catch(() => {});
  before(async () => {
    try {
      db.name = await createDatabase(slug, options);
      db.url = databaseUrl(db.name);
      db.pool = new pg.Pool({ connectionString: db.url, max: 5 });
      // An idle connection cut by the server (a forced drop, a chaos scenario) is not a test failure;
      // the next query simply gets a new one.
      db.pool.on('error', () => {});
      resolveReady();
    } catch (err) {
      rejectReady(err);
      throw err;
    }
  });
  afterEach((t) => {
    if (!(t as unknown as { passed: boolean }).passed) failed = true;
  });
  after(async () => {
    await db.pool?.end();
    if (!db.name) return;
    if (failed) {
      console.error(`# kept database ${db.name} of a failing test for inspection`);
    } else {
      await dropDatabase(db.name);
    }
  });
  return db;
}

// The bounded waits live in wait.ts (no database there, so the unit tier can use them too).
export { settleWithin, waitUntil } from './wait.ts';
