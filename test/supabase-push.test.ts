// Both documented ways to migrate — `supabase db push` (supabase/migrations, versions in
// supabase_migrations.schema_migrations) and `ai-worker migrate` (sql/, ai_worker_migrations) — in
// either order and mixed, each run as a non-superuser owner like Supabase's `postgres` role; then the
// real `ai-worker start` completes a job on the result.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { migrate, readMigrations, supabaseVersion } from '../src/db/migrate.ts';
import { spawnDaemon } from './support/daemon.ts';
import { waitUntil } from './support/database.ts';
import { cliMigrationFiles, ownerDatabase, supabaseDbPush } from './support/supabase-cli.ts';

const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const c of cleanups) await c();
});

async function database(slug: string) {
  const db = await ownerDatabase(slug);
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  // As the testkit's pools do: an idle connection the server ends (seen once in a loaded full run,
  // "terminating connection due to administrator command") is not this test's failure.
  pool.on('error', () => {});
  cleanups.push(async () => {
    await pool.end();
    await db.drop();
  });
  return { ...db, pool };
}

async function ledger(pool: pg.Pool): Promise<string[]> {
  return (await pool.query<{ name: string }>('select name from public.ai_worker_migrations order by name')).rows.map((r) => r.name);
}

async function cliVersions(pool: pg.Pool): Promise<string[]> {
  return (await pool.query<{ version: string }>('select version from supabase_migrations.schema_migrations order by version')).rows.map((r) => r.version);
}

async function completesAJob(url: string, pool: pg.Pool, env: Record<string, string> = {}, args: string[] = []) {
  const daemon = spawnDaemon(url, env, args);
  try {
    await daemon.port();
    const { rows } = await pool.query<{ id: string }>(
      `insert into analysis_jobs (user_id, type, input) values (gen_random_uuid(), 'healthcheck', '{}') returning id`,
    );
    const done = await waitUntil(
      async () =>
        (await pool.query<{ status: string }>('select status from analysis_jobs where id = $1', [rows[0]!.id])).rows.find((r) => r.status === 'completed'),
      { what: 'the healthcheck job to complete', timeoutMs: 20_000 },
    );
    assert.equal(done.status, 'completed');
    return daemon;
  } finally {
    daemon.proc.kill('SIGTERM');
    await daemon.exited;
  }
}

const allNames = async () => (await readMigrations()).migrations.map((m) => m.name);

test('supabase db push, then ai-worker start: the daemon adopts what the CLI applied and completes a job', async () => {
  const db = await database('push_then_start');
  const pushed = await supabaseDbPush(db.url);
  assert.equal(pushed.length, cliMigrationFiles().length);
  const daemon = await completesAJob(db.url, db.pool);
  assert.ok(
    daemon.lines.some((l) => l.event === 'migrations_adopted'),
    'the daemon says it recorded the CLI migrations',
  );
  assert.ok(!daemon.lines.some((l) => l.event === 'migrations_applied'), 'nothing re-run');
  assert.deepEqual(await ledger(db.pool), await allNames());
});

test('ai-worker start --no-migrate (or WORKER_MIGRATE=false) leaves migrations to the CLI', async () => {
  const db = await database('no_migrate');
  await supabaseDbPush(db.url);
  const flag = await completesAJob(db.url, db.pool, {}, ['--no-migrate']);
  assert.ok(flag.lines.some((l) => l.event === 'migrations_skipped'));
  const envVar = await completesAJob(db.url, db.pool, { WORKER_MIGRATE: 'false' });
  assert.ok(envVar.lines.some((l) => l.event === 'migrations_skipped'));
  assert.deepEqual(await ledger(db.pool), [], 'the migrator did not run');
});

test('ai-worker migrate first, then supabase db push applies nothing again', async () => {
  const db = await database('migrate_then_push');
  // The CLI's table exists (on Supabase the migrator creates it; here an earlier `supabase` run did).
  await db.pool.query(
    'create schema supabase_migrations; create table supabase_migrations.schema_migrations (version text not null primary key, statements text[], name text)',
  );
  const result = await migrate(db.url);
  assert.deepEqual(result.applied, await allNames());
  assert.deepEqual(
    await cliVersions(db.pool),
    cliMigrationFiles().map((f) => f.slice(0, 14)),
    'every version recorded for the CLI, the ledger file too',
  );
  assert.deepEqual(await supabaseDbPush(db.url), []);
  await completesAJob(db.url, db.pool);
});

test('mixed: part pushed by the CLI, the rest by the migrator, then both agree and nothing re-runs', async () => {
  const db = await database('mixed');
  const files = cliMigrationFiles();
  const firstHalf = files.slice(0, 4);
  await supabaseDbPush(db.url, firstHalf);
  const result = await migrate(db.url);
  const names = await allNames();
  const adoptedExpected = names.filter((n) => firstHalf.some((f) => f.startsWith(supabaseVersion(n))));
  assert.deepEqual(result.adopted, adoptedExpected);
  assert.deepEqual(
    result.applied,
    names.filter((n) => !adoptedExpected.includes(n)),
  );
  assert.deepEqual(await supabaseDbPush(db.url), [], 'the CLI sees every version');
  const again = await migrate(db.url);
  assert.deepEqual([again.applied, again.adopted, again.alreadyApplied], [[], [], names.length]);
  assert.deepEqual(await ledger(db.pool), names);
  await completesAJob(db.url, db.pool);
});

test('plain PostgreSQL without the CLI table gets no supabase_migrations schema', async () => {
  const db = await database('plain');
  await migrate(db.url);
  const { rows } = await db.pool.query(`select to_regnamespace('supabase_migrations') as s`);
  assert.equal(rows[0].s, null);
});
