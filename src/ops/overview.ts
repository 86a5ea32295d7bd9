// What an operator needs to see at a glance, read from the database: the dashboard's JSON and the
// numbers its browser test compares with the tables. Read-only, and bounded: the per-status counts
// cover a recent window (the table's whole history would be a full scan), live counts (pending,
// processing) come from the partial indexes and are global.
import type pg from 'pg';
import { queueStats } from '../queue/stats.ts';
import { recentWorkers, workerSummary } from '../worker/registry.ts';
import { anyJobAfter, finishedAfter, hoursAgo } from './windows.ts';

type Queryable = Pick<pg.Pool, 'query'>;

// Every window below reads the live and finished partial indexes (windows.ts).
const WINDOW = hoursAgo('$1');

export interface Overview {
  generated_at: string;
  window_hours: number;
  queue: { pending: number; processing: number; oldest_pending_seconds: number | null; by_type: Array<{ type: string; status: string; count: number }> };
  /** Jobs created in the window, by type and status. */
  jobs: Array<{ type: string; status: string; count: number }>;
  totals: Record<'pending' | 'processing' | 'completed' | 'failed' | 'cancelled', number>;
  /** enqueue (created_at) → final state (completed_at), jobs finished in the window. */
  turnaround: Array<{ type: string; finished: number; p50_seconds: number; p95_seconds: number }>;
  /** failed / (completed + failed) of jobs finished in the window; null when none finished. */
  error_rate: number | null;
  top_errors: Array<{ code: string; count: number }>;
  recent_failures: Array<{ id: string; type: string; code: string; attempts: number; at: string }>;
  provider_failures: Array<{ provider: string; model: string; error_code: string; count: number; last_at: string }>;
  workers: Array<{
    id: string;
    host: string;
    version: string;
    status: string;
    running: number;
    concurrency: number;
    last_seen_at: string;
    seconds_since_seen: number;
  }>;
}

const JOBS = `
select type, status, count(*)::int as count
  from public.analysis_jobs
 where ${anyJobAfter('created_at', WINDOW)}
 group by type, status
 order by type, status`;

const TURNAROUND = `
select type, count(*)::int as finished,
       percentile_cont(0.5) within group (order by extract(epoch from completed_at - created_at))::float8 as p50_seconds,
       percentile_cont(0.95) within group (order by extract(epoch from completed_at - created_at))::float8 as p95_seconds
  from public.analysis_jobs
 where status in ('completed', 'failed', 'cancelled') and ${finishedAfter(WINDOW)}
 group by type
 order by type`;

const ERRORS = `
select count(*) filter (where status = 'failed')::int as failed,
       count(*) filter (where status in ('completed', 'failed'))::int as finished
  from public.analysis_jobs
 where status in ('completed', 'failed') and ${finishedAfter(WINDOW)}`;

const TOP_ERRORS = `
select coalesce(error->>'code', 'unknown') as code, count(*)::int as count
  from public.analysis_jobs
 where status = 'failed' and ${finishedAfter(WINDOW)}
 group by 1
 order by count desc, code
 limit 10`;

const RECENT_FAILURES = `
select id, type, coalesce(error->>'code', 'unknown') as code, attempts, completed_at as at
  from public.analysis_jobs
 where status = 'failed' and ${finishedAfter(WINDOW)}
 order by completed_at desc
 limit 10`;

// Failed provider calls recorded on jobs that finished in the window (the calls of their last attempt).
const PROVIDER_FAILURES = `
select c->>'provider' as provider, coalesce(c->>'model', '') as model, coalesce(c->>'error_code', 'error') as error_code,
       count(*)::int as count, max(j.completed_at) as last_at
  from public.analysis_jobs j, jsonb_array_elements(case when jsonb_typeof(j.provider_calls) = 'array' then j.provider_calls else '[]'::jsonb end) c
 where ${anyJobAfter('completed_at', WINDOW, 'j')} and (c->>'ok')::boolean is false
 group by 1, 2, 3
 order by count desc
 limit 10`;

export async function readOverview(db: Queryable, windowHours = 24): Promise<Overview> {
  const [stats, jobs, turnaround, errors, top, recent, providerFailures, workers, clock] = await Promise.all([
    queueStats(db),
    db.query<{ type: string; status: string; count: number }>(JOBS, [windowHours]),
    db.query<{ type: string; finished: number; p50_seconds: number; p95_seconds: number }>(TURNAROUND, [windowHours]),
    db.query<{ failed: number; finished: number }>(ERRORS, [windowHours]),
    db.query<{ code: string; count: number }>(TOP_ERRORS, [windowHours]),
    db.query<{ id: string; type: string; code: string; attempts: number; at: Date }>(RECENT_FAILURES, [windowHours]),
    db.query<{ provider: string; model: string; error_code: string; count: number; last_at: Date }>(PROVIDER_FAILURES, [windowHours]),
    recentWorkers(db, 24 * 3600),
    db.query<{ now: Date }>('select now() as now'),
  ]);
  const totals = { pending: 0, processing: 0, completed: 0, failed: 0, cancelled: 0 };
  for (const r of jobs.rows) if (r.status in totals) totals[r.status as keyof typeof totals] += r.count;
  const live = (status: string) => stats.depth.filter((d) => d.status === status).reduce((n, d) => n + d.count, 0);
  const e = errors.rows[0] ?? { failed: 0, finished: 0 };
  return {
    generated_at: clock.rows[0]!.now.toISOString(),
    window_hours: windowHours,
    queue: { pending: live('pending'), processing: live('processing'), oldest_pending_seconds: stats.oldestPendingSeconds, by_type: stats.depth },
    jobs: jobs.rows,
    totals,
    turnaround: turnaround.rows,
    error_rate: e.finished === 0 ? null : e.failed / e.finished,
    top_errors: top.rows,
    recent_failures: recent.rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    provider_failures: providerFailures.rows.map((r) => ({ ...r, last_at: r.last_at.toISOString() })),
    workers: workers.map(workerSummary),
  };
}
