// Run SQL as Supabase's API roles do: one transaction, SET LOCAL ROLE and the request's JWT claims.
import type pg from 'pg';

export type ApiRole = 'anon' | 'authenticated' | 'service_role';

export async function asRole<T>(pool: pg.Pool, role: ApiRole, sub: string | null, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    // set_config(..., true) is SET LOCAL with a bound value; the role name is one of three literals.
    await c.query(`set local role ${role}`);
    await c.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(sub ? { sub, role } : { role })]);
    const out = await fn(c);
    await c.query('commit');
    return out;
  } catch (err) {
    await c.query('rollback').catch(() => {});
    throw err;
  } finally {
    c.release();
  }
}
