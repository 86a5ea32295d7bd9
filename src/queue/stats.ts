// Read-only queue statistics for /health/detailed and the queue-depth gauges.
import type pg from 'pg';

type Queryable = Pick<pg.Pool, 'query'>;

export interface QueueStats {
  depth: Array<{ type: string; status: string; count: number }>;
  oldestPendingSeconds: number | null;
}

// Only the live statuses: counting completed rows would scan the table's whole history. One arm
// per status, so each reads its own partial index (the claim index, the in-flight index), however
// many finished rows the table holds.
const DEPTH = `
select type, status, count(*)::int as count
  from (select type, status from public.analysis_jobs where status = 'pending'
        union all
        select type, status from public.analysis_jobs where status = 'processing') live
 group by type, status
 order by type, status`;

const OLDEST = `
select extract(epoch from now() - min(run_at))::float8 as age
  from public.analysis_jobs
 where status = 'pending' and run_at <= now()`;

/** The statements' text, for bench/queue-explain.ts. */
export const DEPTH_SQL = DEPTH;
export const OLDEST_SQL = OLDEST;

export async function queueStats(db: Queryable): Promise<QueueStats> {
  const [depth, oldest] = await Promise.all([db.query(DEPTH), db.query<{ age: number | null }>(OLDEST)]);
  return { depth: depth.rows, oldestPendingSeconds: oldest.rows[0]?.age ?? null };
}

export async function pingDatabase(db: Queryable, timeoutMs: number): Promise<number> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.query('select 1'),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
    ]);
  } finally {
    clearTimeout(timer);
  }
  return performance.now() - started;
}
