// Supabase grants ALL on every new table, sequence and function in `public` to anon, authenticated
// and service_role (ALTER DEFAULT PRIVILEGES, for the role that runs migrations). This test recreates
// that: a non-superuser database owner with Supabase's default privileges runs every migration, and
// the grants left to the API roles are asserted exactly. What PostgREST exposes with the public anon
// key is what anon may do here.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../src/db/migrate.ts';
import { ADMIN_URL, databaseUrl } from './support/database.ts';

const suffix = randomBytes(4).toString('hex');
const OWNER = `aiw_owner_${suffix}`;
const DB = `aiw_t_grants_${suffix}`;
let admin: pg.Client;
let pool: pg.Pool;
let failed = false;

function ownerUrl(): string {
  const u = new URL(databaseUrl(DB));
  u.username = OWNER;
  u.password = '';
  return u.toString();
}

before(async () => {
  admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  // The API roles exist on every Supabase project (cluster-wide here; other tests created them too).
  for (const r of ['anon', 'authenticated', 'service_role']) {
    await admin.query(`do $$ begin create role ${r} nologin noinherit; exception when duplicate_object or unique_violation then null; end $$`);
  }
  await admin.query('alter role service_role bypassrls');
  // Supabase's `postgres` is not a superuser: the migrations must not need one.
  await admin.query(`create role ${OWNER} login nosuperuser nocreaterole bypassrls`);
  await admin.query(`create database ${DB} owner ${OWNER} template template0`);
  const c = new pg.Client({ connectionString: databaseUrl(DB) });
  await c.connect();
  try {
    // As in Supabase's own setup (supabase/postgres migrations: "alter default privileges for role
    // postgres in schema public grant all on tables/sequences/functions to anon, authenticated, service_role").
    for (const kind of ['tables', 'sequences', 'functions']) {
      await c.query(`alter default privileges for role ${OWNER} in schema public grant all on ${kind} to anon, authenticated, service_role`);
    }
  } finally {
    await c.end();
  }
  await migrate(ownerUrl());
  pool = new pg.Pool({ connectionString: databaseUrl(DB), max: 2 });
  pool.on('error', () => {});
});

after(async () => {
  await pool?.end();
  if (failed) console.error(`# kept database ${DB} (owner ${OWNER}) of a failing test for inspection`);
  else {
    await admin.query(`drop database if exists ${DB} with (force)`);
    await admin.query(`drop role if exists ${OWNER}`);
  }
  await admin.end();
});

const TABLE_PRIVS = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'];
const SEQ_PRIVS = ['USAGE', 'SELECT', 'UPDATE'];

/** Every effective privilege (PUBLIC grants included) an API role has on the project's objects. */
async function privilegesOf(role: string): Promise<string[]> {
  const out: string[] = [];
  const rels = await pool.query<{ oid: number; name: string; kind: string }>(
    `select c.oid, n.nspname || '.' || c.relname as name, c.relkind::text as kind
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'`,
  );
  for (const r of rels.rows) {
    const privs = r.kind === 'S' ? SEQ_PRIVS : TABLE_PRIVS;
    for (const p of privs) {
      const fn = r.kind === 'S' ? 'has_sequence_privilege' : 'has_table_privilege';
      const { rows } = await pool.query<{ ok: boolean }>(`select ${fn}($1, $2::oid, $3) as ok`, [role, r.oid, p]);
      if (rows[0]!.ok) out.push(`${p} ${r.name}`);
    }
    if (r.kind !== 'S') {
      const { rows } = await pool.query<{ ok: boolean }>(`select has_any_column_privilege($1, $2::oid, 'SELECT, INSERT, UPDATE, REFERENCES') as ok`, [
        role,
        r.oid,
      ]);
      if (rows[0]!.ok && !out.some((o) => o.endsWith(` ${r.name}`))) out.push(`COLUMN ${r.name}`);
    }
  }
  const fns = await pool.query<{ name: string; ok: boolean }>(
    `select p.oid::regprocedure::text as name, has_function_privilege($1, p.oid, 'EXECUTE') as ok
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname not in ('pg_catalog', 'information_schema')`,
    [role],
  );
  for (const f of fns.rows) if (f.ok) out.push(`EXECUTE ${f.name}`);
  const schemas = await pool.query<{ name: string }>(
    `select nspname as name from pg_namespace where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg_%'
        and has_schema_privilege($1, oid, 'CREATE')`,
    [role],
  );
  for (const s of schemas.rows) out.push(`CREATE ON SCHEMA ${s.name}`);
  return out.sort();
}

// auth.uid(), auth.role() and auth.jwt() are Supabase's own (RLS policies call them as the user);
// on plain PostgreSQL migration 001 stands them in with the same grants.
const SUPABASE_OWN = ['EXECUTE auth.jwt()', 'EXECUTE auth.role()', 'EXECUTE auth.uid()'];

test("anon may do nothing with the project objects (only Supabase's own auth helpers)", async (t) => {
  try {
    assert.deepEqual(await privilegesOf('anon'), SUPABASE_OWN);
  } catch (err) {
    failed = true;
    t.diagnostic(String(err));
    throw err;
  }
});

test('authenticated may SELECT analysis_jobs (under RLS) and execute request_analysis_cancel: nothing else', async () => {
  try {
    assert.deepEqual(await privilegesOf('authenticated'), [...SUPABASE_OWN, 'EXECUTE request_analysis_cancel(uuid)', 'SELECT public.analysis_jobs'].sort());
  } catch (err) {
    failed = true;
    throw err;
  }
});

test('the migration ledger cannot be read or rewritten through the API roles', async () => {
  for (const role of ['anon', 'authenticated']) {
    const c = await pool.connect();
    try {
      await c.query('begin');
      await c.query(`set local role ${role}`);
      await assert.rejects(c.query(`update public.ai_worker_migrations set checksum = 'x'`), { code: '42501' }, role);
    } finally {
      await c.query('rollback');
      c.release();
    }
  }
});

test('the migrations ran as a non-superuser owner, and a second run does nothing', async () => {
  const { rows } = await pool.query<{ super: boolean }>('select rolsuper as super from pg_roles where rolname = $1', [OWNER]);
  assert.equal(rows[0]!.super, false);
  const again = await migrate(ownerUrl());
  assert.deepEqual(again.applied, []);
  // The owner can still use its own objects (the daemon connects as it).
  await pool.query(`insert into analysis_jobs (user_id, type) values ($1, 'meal_plan')`, [randomUUID()]);
});

test('request_analysis_cancel: privilege comes from the real role, not from claims a session can set', async () => {
  const owner = randomUUID();
  const intruder = randomUUID();
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    ids.push((await pool.query<{ id: string }>(`insert into analysis_jobs (user_id, type) values ($1, 'meal_plan') returning id`, [owner])).rows[0]!.id);
  }
  const as = async (role: string, claims: Record<string, unknown>, legacy: boolean, id: string) => {
    const c = await pool.connect();
    try {
      await c.query('begin');
      await c.query(`set local role ${role}`);
      await c.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
      // The legacy per-claim setting auth.role() reads first: just as writable.
      if (legacy) await c.query("select set_config('request.jwt.claim.role', 'service_role', true)");
      return (await c.query<{ r: string }>('select request_analysis_cancel($1) as r', [id])).rows[0]!.r;
    } finally {
      await c.query('rollback');
      c.release();
    }
  };
  assert.equal(await as('authenticated', { sub: intruder, role: 'service_role' }, false, ids[0]!), 'not_found', 'claims say service_role');
  assert.equal(await as('authenticated', { sub: intruder, role: 'authenticated' }, true, ids[1]!), 'not_found', 'legacy claim says service_role');
  assert.equal(await as('authenticated', { sub: owner, role: 'authenticated' }, false, ids[0]!), 'cancelled', 'the owner may');
  assert.equal(await as('service_role', { role: 'service_role' }, false, ids[1]!), 'cancelled', 'the real service_role may');
  // The migration owner's own connection (daemon, operators, the CLI) may too.
  const c = new pg.Client({ connectionString: ownerUrl() });
  await c.connect();
  try {
    assert.equal((await c.query<{ r: string }>('select request_analysis_cancel($1) as r', [ids[2]])).rows[0]!.r, 'cancelled');
  } finally {
    await c.end();
  }
});
