// The runbook's hand tools over analysis_jobs: list, show, retry, cancel, and the dead-letter view.
// Every change is one fenced statement (its WHERE re-checks the status it expects), so a job that
// moved meanwhile (claimed, finished, retried by a colleague) is left alone and reported as such.
// Nothing here prints a job's input or result: only ids, types, statuses, codes, counts and times.
import type pg from 'pg';
import { UUID_RE } from '../gateway/http.ts';
import { JOBS_CHANNEL } from '../queue/listener.ts';
import { anyJobAfter, finishedAfter, secondsAgo, secondsBefore } from './windows.ts';

export { UUID_RE };

type Queryable = Pick<pg.Pool, 'query'>;

export interface JobSummary {
  id: string;
  type: string;
  status: string;
  user_id: string;
  attempts: number;
  max_attempts: number;
  error_code: string | null;
  created_at: Date;
  completed_at: Date | null;
  run_at: Date;
}

export interface ListFilter {
  status?: string;
  type?: string;
  user?: string;
  sinceSeconds?: number;
  limit: number;
}

const SUMMARY_COLUMNS = `id, type, status, user_id, attempts, max_attempts, error->>'code' as error_code, created_at, completed_at, run_at`;

export async function listJobs(db: Queryable, f: ListFilter): Promise<JobSummary[]> {
  const { rows } = await db.query<JobSummary>(
    `select ${SUMMARY_COLUMNS}
       from public.analysis_jobs
      where ($1::text is null or status = $1)
        and ($2::text is null or type = $2)
        and ($3::uuid is null or user_id = $3)
        and ($4::float8 is null or ${anyJobAfter('created_at', secondsAgo('$4'))})
      order by created_at desc
      limit $5`,
    [f.status ?? null, f.type ?? null, f.user ?? null, f.sinceSeconds ?? null, f.limit],
  );
  return rows;
}

export interface JobDetail extends JobSummary {
  priority: number;
  error: { code: string; message: string } | null;
  started_at: Date | null;
  updated_at: Date;
  locked_by: string | null;
  locked_until: Date | null;
  cancel_requested_at: Date | null;
  provider: string | null;
  model: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  provider_calls: unknown;
  input_keys: string[];
  result_keys: string[];
  turnaround_seconds: number | null;
  outcomes: Array<{ status: string; attempt: number; worker_id: string | null; at: Date }>;
}

export async function showJob(db: Queryable, id: string): Promise<JobDetail | undefined> {
  const { rows } = await db.query<JobDetail>(
    `select ${SUMMARY_COLUMNS}, priority, error, started_at, updated_at, locked_by, locked_until, cancel_requested_at,
            provider, model, input_tokens, output_tokens, provider_calls,
            coalesce((select array_agg(k order by k) from jsonb_object_keys(case when jsonb_typeof(input) = 'object' then input else '{}' end) k), '{}') as input_keys,
            coalesce((select array_agg(k order by k) from jsonb_object_keys(case when jsonb_typeof(result) = 'object' then result else '{}' end) k), '{}') as result_keys,
            extract(epoch from completed_at - created_at)::float8 as turnaround_seconds
       from public.analysis_jobs where id = $1`,
    [id],
  );
  const job = rows[0];
  if (!job) return undefined;
  job.outcomes = (await db.query(`select status, attempt, worker_id, at from public.analysis_job_outcomes where job_id = $1 order by at`, [id])).rows;
  return job;
}

export type RetryOne = { retried: true } | { retried: false; status: string | null };

// failed → pending, attempts reset, due now; the WHERE is the fence.
const RETRY_SET = `status = 'pending', attempts = 0, run_at = now(), error = null, started_at = null, completed_at = null,
       cancel_requested_at = null, locked_by = null, lease_token = null, locked_until = null`;

async function wake(db: Queryable, n: number): Promise<void> {
  // An UPDATE fires no insert trigger: tell the daemons, as the trigger would (count and nonce, no row data).
  await db.query(
    `select pg_notify($1, json_build_object('op', 'retry', 'n', $2::int, 'nonce', (extract(epoch from clock_timestamp()) * 1000000)::bigint)::text)`,
    [JOBS_CHANNEL, n],
  );
}

export async function retryJob(db: Queryable, id: string): Promise<RetryOne> {
  const { rowCount } = await db.query(`update public.analysis_jobs set ${RETRY_SET} where id = $1 and status = 'failed'`, [id]);
  if (rowCount === 1) {
    await wake(db, 1);
    return { retried: true };
  }
  const { rows } = await db.query<{ status: string }>(`select status from public.analysis_jobs where id = $1`, [id]);
  return { retried: false, status: rows[0]?.status ?? null };
}

export interface RetryManyOptions {
  sinceSeconds: number;
  type?: string;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Every job that failed within the window goes back to pending, in batches (each one fenced
 * statement). A job retried here that fails again during the run is not retried a second time: only
 * rows last changed before the run started are taken.
 */
export async function retryFailed(db: Queryable, o: RetryManyOptions): Promise<{ retried: number; total: number }> {
  const batch = o.batchSize ?? 1000;
  // As text, not a Date: a JS Date keeps milliseconds, and a row written in the same millisecond
  // before the run (microseconds later than the cut-off) would be left out (seen as a flaky test).
  const startedAt = (await db.query<{ t: string }>('select now()::text as t')).rows[0]!.t;
  const where = `status = 'failed' and ${finishedAfter(secondsBefore('$1', '$2'))} and ($3::text is null or type = $3) and updated_at <= $1::timestamptz`;
  const params = [startedAt, o.sinceSeconds, o.type ?? null];
  const total = (await db.query<{ n: number }>(`select count(*)::int as n from public.analysis_jobs where ${where}`, params)).rows[0]!.n;
  let retried = 0;
  o.onProgress?.(0, total);
  for (;;) {
    const { rowCount } = await db.query(
      `with picked as materialized (
         select id from public.analysis_jobs where ${where} order by completed_at limit $4 for update skip locked
       )
       update public.analysis_jobs j set ${RETRY_SET}
         from picked where j.id = picked.id and j.status = 'failed'`,
      [...params, batch],
    );
    const n = rowCount ?? 0;
    if (n === 0) break;
    retried += n;
    await wake(db, n);
    o.onProgress?.(retried, total);
  }
  return { retried, total };
}

/** request_analysis_cancel: a pending job is cancelled at once, a running one is told to stop. */
export async function cancelJob(db: Queryable, id: string): Promise<string> {
  return (await db.query<{ r: string }>('select public.request_analysis_cancel($1) as r', [id])).rows[0]!.r;
}

export interface DeadLetterGroup {
  code: string;
  type: string;
  count: number;
  first_at: Date;
  last_at: Date;
  /** The most recent job of the group, to `jobs show`. */
  example_id: string;
}

export async function deadLetters(db: Queryable, sinceSeconds: number | undefined): Promise<DeadLetterGroup[]> {
  const { rows } = await db.query<DeadLetterGroup>(
    `select coalesce(error->>'code', 'unknown') as code, type, count(*)::int as count, min(completed_at) as first_at, max(completed_at) as last_at,
            (array_agg(id order by completed_at desc))[1] as example_id
       from public.analysis_jobs
      where status = 'failed' and ($1::float8 is null or ${finishedAfter(secondsAgo('$1'))})
      group by 1, 2
      order by count desc, code, type`,
    [sinceSeconds ?? null],
  );
  return rows;
}
