// The invariants every chaos scenario ends with, checked in SQL against the outcome ledger:
// lost jobs = 0 (every accepted job reached a final state) and duplicate completions = 0.
import assert from 'node:assert/strict';
import type pg from 'pg';
import { waitUntil } from './database.ts';

type Queryable = Pick<pg.Pool, 'query'>;

export async function waitAllFinal(db: Queryable, timeoutMs: number): Promise<void> {
  await waitUntil(
    async () => {
      const { rows } = await db.query(`select count(*)::int as n from analysis_jobs where status in ('pending', 'processing')`);
      return rows[0].n === 0;
    },
    { timeoutMs, intervalMs: 200, what: 'every job in a final state' },
  );
}

export interface Invariants {
  accepted: number;
  completed: number;
  failed: number;
  cancelled: number;
}

export async function assertInvariants(db: Queryable, expectedAccepted?: number): Promise<Invariants> {
  const { rows } = await db.query(`
    select count(*)::int as accepted,
           count(*) filter (where status = 'completed')::int as completed,
           count(*) filter (where status = 'failed')::int as failed,
           count(*) filter (where status = 'cancelled')::int as cancelled,
           count(*) filter (where status in ('pending', 'processing'))::int as lost
      from analysis_jobs`);
  const s = rows[0];
  assert.equal(s.lost, 0, 'lost jobs: every accepted job reaches a final state');
  if (expectedAccepted !== undefined) assert.equal(s.accepted, expectedAccepted, 'every accepted insert is in the table');
  const dup = await db.query(`
    select job_id, count(*)::int as n from analysis_job_outcomes where status = 'completed'
     group by job_id having count(*) > 1 limit 5`);
  assert.deepEqual(dup.rows, [], 'duplicate completions');
  const mismatch = await db.query(`
    select count(*)::int as n from analysis_jobs j
     where j.status = 'completed' and not exists (select 1 from analysis_job_outcomes o where o.job_id = j.id and o.status = 'completed')`);
  assert.equal(mismatch.rows[0].n, 0, 'every completed job is in the ledger');
  return { accepted: s.accepted, completed: s.completed, failed: s.failed, cancelled: s.cancelled };
}

/** A small seeded PRNG (mulberry32), so a failing chaos run can be replayed. */
export { prng } from './random.ts';
