// Applies the numbered plain-SQL migrations in sql/ in order, each in its own transaction, and records
// them in ai_worker_migrations with a checksum. A session advisory lock serialises concurrent runs
// (three daemons starting at once on an empty database): the second waits, then finds nothing to do.
//
// The same files also reach a database through `supabase db push` (supabase/migrations/, generated
// from sql/ with the version 20260101000NNN), which records versions in
// supabase_migrations.schema_migrations instead. The two paths must work in either order and mixed:
// - a migration whose version the CLI recorded is not run again; it is entered in our ledger as
//   adopted (the file's checksum, since the CLI applied the same text);
// - a migration this runner applies is also recorded in the CLI's table where that table exists, and
//   on a Supabase database (role supabase_admin present) the table is created as the CLI creates it,
//   so a later `supabase db push` does not re-run it. Plain PostgreSQL gets no supabase_migrations.
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
  /** Migrations the Supabase CLI had applied, entered in our ledger by this run. */
  adopted: string[];
}

/** The version `supabase db push` records for sql/NNN_name.sql (its file is 20260101000NNN_name.sql). */
export function supabaseVersion(file: string): string {
  const m = /^(\d{3})_/.exec(file);
  if (!m) throw new Error(`unexpected migration name ${file}`);
  return `20260101000${m[1]}`;
}

const CLI_TABLE = 'supabase_migrations.schema_migrations';

/**
 * The CLI's table, as the Supabase CLI creates it on its first push (version primary key, then the
 * statements and name columns added by later CLI releases). Only on a Supabase database.
 */
async function ensureCliTable(client: pg.Client, log?: (line: string) => void): Promise<boolean> {
  const { rows } = await client.query<{ table: string | null; supabase: boolean }>(
    `select to_regclass($1)::text as table, exists (select 1 from pg_roles where rolname = 'supabase_admin') as supabase`,
    [CLI_TABLE],
  );
  if (rows[0]!.table) return true;
  if (!rows[0]!.supabase) return false;
  try {
    await client.query(`create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
      alter table supabase_migrations.schema_migrations add column if not exists statements text[];
      alter table supabase_migrations.schema_migrations add column if not exists name text;`);
    return true;
  } catch (err) {
    // Without the table a later `supabase db push` would re-run our migrations; say how to fix it.
    log?.(
      `could not create ${CLI_TABLE} (${(err as Error).message}); before using supabase db push, run: supabase migration repair --status applied <versions>`,
    );
    return false;
  }
}

async function cliVersions(client: pg.Client): Promise<Set<string>> {
  const { rows } = await client.query<{ table: string | null }>('select to_regclass($1)::text as table', [CLI_TABLE]);
  if (!rows[0]!.table) return new Set();
  return new Set((await client.query<{ version: string }>(`select version from ${CLI_TABLE}`)).rows.map((r) => r.version));
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
      (await client.query<{ name: string; checksum: string }>('select name, checksum from public.ai_worker_migrations')).rows.map((r) => [r.name, r.checksum]),
    );
    const byCli = await cliVersions(client);
    const applied: string[] = [];
    const adopted: string[] = [];
    let cliTable: boolean | undefined;
    for (const m of migrations) {
      const previous = done.get(m.name);
      if (previous !== undefined) {
        if (previous !== m.checksum) {
          throw new Error(`migration ${m.name} was changed after it was applied (checksum differs); add a new migration instead of editing an applied one`);
        }
        continue;
      }
      if (byCli.has(supabaseVersion(m.name))) {
        await client.query('insert into public.ai_worker_migrations (name, checksum) values ($1, $2) on conflict (name) do nothing', [m.name, m.checksum]);
        adopted.push(m.name);
        options.log?.(`${m.name} was applied by the Supabase CLI; recorded`);
        continue;
      }
      cliTable ??= await ensureCliTable(client, options.log);
      await client.query('begin');
      try {
        await client.query(m.sql);
        await client.query('insert into public.ai_worker_migrations (name, checksum) values ($1, $2)', [m.name, m.checksum]);
        if (cliTable) {
          // The ledger file is a CLI migration too (20260101000000): recorded with the first one.
          for (const file of [LEDGER_FILE, m.name]) {
            await client.query(`insert into ${CLI_TABLE} (version, name) values ($1, $2) on conflict (version) do nothing`, [
              supabaseVersion(file),
              file.replace(/^\d{3}_/, '').replace(/\.sql$/, ''),
            ]);
          }
        }
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => {});
        const e = err as Error & { position?: string };
        throw new Error(`migration ${m.name} failed: ${e.message}`, { cause: err });
      }
      applied.push(m.name);
      options.log?.(`applied ${m.name}`);
    }
    return { applied, adopted, alreadyApplied: migrations.length - applied.length - adopted.length };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]).catch(() => {});
    await client.end().catch(() => {});
  }
}
