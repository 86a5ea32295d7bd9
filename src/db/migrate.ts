// Applies the numbered plain-SQL migrations in sql/ in order, each in its own transaction, and records
// them in ai_worker_migrations with a checksum. A session advisory lock serialises concurrent runs
// (three daemons starting at once on an empty database): the second waits, then finds nothing to do.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import pg from 'pg';

export const SQL_DIR = fileURLToPath(new URL('../../sql/', import.meta.url));
const LEDGER_FILE = '000_migration_ledger.sql';
// Any 64-bit constant shared by every ai-worker; derived from the name so it is unlikely to collide.
const MIGRATION_LOCK_KEY = 0x61692d776f726bn; // "ai-work"

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function readMigrations(dir = SQL_DIR): Promise<{ ledger: string; migrations: Migration[] }> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const ledger = await readFile(path.join(dir, LEDGER_FILE), 'utf8');
  const migrations: Migration[] = [];
  for (const name of files) {
    if (name === LEDGER_FILE) continue;
    const sql = await readFile(path.join(dir, name), 'utf8');
    migrations.push({ name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return { ledger, migrations };
}

export async function migrate(databaseUrl: string, options: { dir?: string; log?: (line: string) => void } = {}): Promise<MigrateResult> {
  const { ledger, migrations } = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'ai-worker migrate', connectionTimeoutMillis: 10_000 });
  await client.connect();
  // A failed connection later (server restart) must not crash the process through an unhandled 'error'.
  client.on('error', () => {});
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    await client.query(ledger);
    const done = new Map<string, string>(
      (await client.query<{ name: string; checksum: string }>('select name, checksum from public.ai_worker_migrations')).rows.map((r) => [
        r.name,
        r.checksum,
      ]),
    );
    const applied: string[] = [];
    for (const m of migrations) {
      const previous = done.get(m.name);
      if (previous !== undefined) {
        if (previous !== m.checksum) {
          throw new Error(
            `migration ${m.name} was changed after it was applied (checksum differs); add a new migration instead of editing an applied one`,
          );
        }
        continue;
      }
      await client.query('begin');
      try {
        await client.query(m.sql);
        await client.query('insert into public.ai_worker_migrations (name, checksum) values ($1, $2)', [m.name, m.checksum]);
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => {});
        const e = err as Error & { position?: string };
        throw new Error(`migration ${m.name} failed: ${e.message}`, { cause: err });
      }
      applied.push(m.name);
      options.log?.(`applied ${m.name}`);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]).catch(() => {});
    await client.end().catch(() => {});
  }
}
