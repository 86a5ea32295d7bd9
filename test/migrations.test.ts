import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, appendFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { migrate, readMigrations, SQL_DIR } from '../src/db/migrate.ts';
import { createDatabase, databaseUrl, dropDatabase } from './support/database.ts';
import { dumpSchema } from '../scripts/schema-snapshot.ts';

async function withEmptyDatabase(slug: string, fn: (url: string) => Promise<void>): Promise<void> {
  const name = await createDatabase(slug, { migrated: false });
  let ok = false;
  try {
    await fn(databaseUrl(name));
    ok = true;
  } finally {
    if (ok) await dropDatabase(name);
    else console.error(`# kept database ${name} of a failing test for inspection`);
  }
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, values)).rows;
  } finally {
    await c.end();
  }
}

test('applies every migration on an empty database, in order, and records each', async () => {
  await withEmptyDatabase('mig_empty', async (url) => {
    const { migrations } = await readMigrations();
    const result = await migrate(url);
    assert.deepEqual(
      result.applied,
      migrations.map((m) => m.name),
    );
    const rows = await query<{ name: string }>(url, 'select name from ai_worker_migrations order by name');
    assert.deepEqual(
      rows.map((r) => r.name),
      migrations.map((m) => m.name),
    );
    const tables = await query<{ t: string }>(url, "select string_agg(tablename, ',' order by tablename) as t from pg_tables where schemaname = 'public'");
    assert.ok(
      ['ai_worker_migrations', 'ai_workers', 'analysis_cache', 'analysis_job_outcomes', 'analysis_jobs'].every((t) => tables[0]!.t.split(',').includes(t)),
      tables[0]?.t,
    );
  });
});

test('a second run changes nothing', async () => {
  await withEmptyDatabase('mig_twice', async (url) => {
    await migrate(url);
    const before = await dumpSchema(url);
    const again = await migrate(url);
    assert.deepEqual(again.applied, []);
    assert.equal(again.alreadyApplied, (await readMigrations()).migrations.length);
    assert.equal(await dumpSchema(url), before);
  });
});

test('concurrent runs all succeed with one set of records', async () => {
  await withEmptyDatabase('mig_concurrent', async (url) => {
    const results = await Promise.all([migrate(url), migrate(url), migrate(url), migrate(url)]);
    const appliedTotal = results.reduce((n, r) => n + r.applied.length, 0);
    const { migrations } = await readMigrations();
    assert.equal(appliedTotal, migrations.length, 'each migration applied exactly once across the runs');
    const rows = await query<{ n: string }>(url, 'select count(*) as n from ai_worker_migrations');
    assert.equal(Number(rows[0]?.n), migrations.length);
  });
});

test('on a database that already has Supabase roles and auth schema, keeps what is there', async () => {
  await withEmptyDatabase('mig_supabase', async (url) => {
    // What a Supabase project has before our migrations: the auth schema with its own uid().
    await query(
      url,
      `create schema auth;
       create function auth.uid() returns uuid language sql stable as
         $$ select nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;
       comment on function auth.uid() is 'supabase original';`,
    );
    const result = await migrate(url);
    assert.ok(result.applied.length > 0);
    const rows = await query<{ c: string }>(url, "select obj_description('auth.uid()'::regprocedure) as c");
    assert.equal(rows[0]?.c, 'supabase original', 'an existing auth.uid() is not replaced');
    const roles = await query<{ rolname: string; rolbypassrls: boolean }>(
      url,
      "select rolname, rolbypassrls from pg_roles where rolname in ('anon','authenticated','service_role') order by rolname",
    );
    assert.deepEqual(roles, [
      { rolname: 'anon', rolbypassrls: false },
      { rolname: 'authenticated', rolbypassrls: false },
      { rolname: 'service_role', rolbypassrls: true },
    ]);
  });
});

test('auth.uid(), auth.role() and auth.jwt() read request.jwt.claims as Supabase does', async () => {
  await withEmptyDatabase('mig_auth', async (url) => {
    await migrate(url);
    const sub = '7b0b2a4e-3c1d-4d6e-9f00-1234567890ab';
    const rows = await query<{ uid: string; role: string; email: string; none: string | null }>(
      url,
      `select set_config('request.jwt.claims', $1, false) is not null as _,
              auth.uid() as uid, auth.role() as role, auth.jwt() ->> 'email' as email,
              (select auth.uid() from (select set_config('request.jwt.claims', '', false)) s) as none`,
      [JSON.stringify({ sub, role: 'authenticated', email: 'a@example.com' })],
    );
    assert.equal(rows[0]?.uid, sub);
    assert.equal(rows[0]?.role, 'authenticated');
    assert.equal(rows[0]?.email, 'a@example.com');
  });
});

test('a migration edited after it was applied is refused', async () => {
  await withEmptyDatabase('mig_checksum', async (url) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'aiw-sql-'));
    try {
      await cp(SQL_DIR, dir, { recursive: true });
      await migrate(url, { dir });
      await appendFile(path.join(dir, '003_analysis_cache.sql'), '\n-- edited\n');
      await assert.rejects(migrate(url, { dir }), /003_analysis_cache\.sql was changed after it was applied/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

test('a failing migration leaves nothing behind and says which file failed', async () => {
  await withEmptyDatabase('mig_broken', async (url) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'aiw-sql-'));
    try {
      await cp(SQL_DIR, dir, { recursive: true });
      await appendFile(path.join(dir, '999_broken.sql'), 'create table half_done (id int);\nselect no_such_function();\n');
      await assert.rejects(migrate(url, { dir }), /migration 999_broken\.sql failed/);
      const rows = await query<{ t: string | null }>(url, "select to_regclass('public.half_done')::text as t");
      assert.equal(rows[0]?.t, null, 'the failed migration rolled back whole');
      const done = await query<{ n: string }>(url, "select count(*) as n from ai_worker_migrations where name = '999_broken.sql'");
      assert.equal(Number(done[0]?.n), 0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

test('npm run migrate against an unreachable database: one clear line, no password, exit 1', async () => {
  const run = promisify(execFile);
  const err = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'migrate'], {
    env: { ...process.env, DATABASE_URL: 'postgres://app:s3cr3t-pw@127.0.0.1:1/appdb' },
  }).then(
    () => assert.fail('migrate should fail'),
    (e: { code: number; stderr: string }) => e,
  );
  assert.equal(err.code, 1);
  const lines = err.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line, got: ${err.stderr}`);
  assert.match(lines[0]!, /cannot reach PostgreSQL at 127\.0\.0\.1:1 \(database appdb\)/);
  assert.doesNotMatch(err.stderr, /s3cr3t-pw/);
});
