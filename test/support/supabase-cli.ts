// What `supabase db push` does to a database, for tests: as the project's owner role (on Supabase
// `postgres`, which is not a superuser), create the CLI's history table exactly as the CLI does, then
// apply each file of supabase/migrations whose version is not recorded there, in its own
// transaction, and record version, name and statements. (Supabase CLI: pkg/migration/history.go and
// apply.go.) The real CLI is not installable here (no network beyond npm/Debian) and needs Docker.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { SUPABASE_DIR } from '../../scripts/supabase-migrations.ts';
import { ADMIN_URL, createDatabase, databaseUrl, dropDatabase } from './database.ts';

/** The non-superuser owner role, cluster-wide, created once (concurrent test files may race). */
export const OWNER_ROLE = 'aiw_supabase_owner';

export async function ensureOwnerRole(): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${OWNER_ROLE}') then
        begin
          create role ${OWNER_ROLE} login createrole nosuperuser;
        exception when duplicate_object or unique_violation then null;
        end;
      end if;
    end $$`);
    // Supabase's postgres role is a member of the API roles (the gateway switches to authenticated).
    await c.query(`grant anon, authenticated, service_role to ${OWNER_ROLE}`).catch(() => {});
  } finally {
    await c.end();
  }
}

/** A fresh, empty database owned by the non-superuser owner; its URL connects as that owner. */
export async function ownerDatabase(slug: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  await ensureOwnerRole();
  const name = await createDatabase(slug, { migrated: false });
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(`alter database ${name} owner to ${OWNER_ROLE}`);
  } finally {
    await c.end();
  }
  const url = new URL(databaseUrl(name));
  url.username = OWNER_ROLE;
  return { name, url: url.toString(), drop: () => dropDatabase(name) };
}

export function cliMigrationFiles(): string[] {
  return readdirSync(SUPABASE_DIR)
    .filter((f) => /^\d{14}_.+\.sql$/.test(f))
    .sort();
}

/**
 * `supabase db push`: applies the files (all, or those given) not yet recorded; returns the versions
 * it applied.
 */
export async function supabaseDbPush(url: string, files = cliMigrationFiles()): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`set lock_timeout = '4s';
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
      alter table supabase_migrations.schema_migrations add column if not exists statements text[];
      alter table supabase_migrations.schema_migrations add column if not exists name text;`);
    const recorded = new Set((await c.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).rows.map((r) => r.version));
    const applied: string[] = [];
    for (const file of files) {
      const [, version, name] = /^(\d{14})_(.+)\.sql$/.exec(file)!;
      if (recorded.has(version!)) continue;
      const sql = readFileSync(path.join(SUPABASE_DIR, file), 'utf8');
      await c.query('begin');
      try {
        await c.query(sql);
        await c.query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [version, name, [sql]]);
        await c.query('commit');
      } catch (err) {
        await c.query('rollback').catch(() => {});
        throw new Error(`supabase db push: ${file} failed: ${(err as Error).message}`, { cause: err });
      }
      applied.push(version!);
    }
    return applied;
  } finally {
    await c.end();
  }
}
