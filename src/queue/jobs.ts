// Every statement that moves a job between states lives here, and only here. Each settle is fenced by
// the lease token: `WHERE id = … AND lease_token = … AND status = 'processing'`, so a daemon that
// wakes after its lease lapsed cannot overwrite what another daemon did since. A settle that matches
// no row is "stale": counted and logged by the caller, never retried.
import type pg from 'pg';
import type { JobErrorJson } from '../errors.ts';

export type JobStatus = 'pending' | 'processing' | 'completed' | 'failed' | 'cancelled';

export interface ClaimedJob {
  id: string;
  user_id: string;
  type: string;
  priority: number;
  input: unknown;
  attempts: number;
  max_attempts: number;
  lease_token: string;
  created_at: Date;
  run_at: Date;
  /** Database clock at claim time: pickup latency is claimed_at - max(created_at, run_at). */
  claimed_at: Date;
  cancel_requested: boolean;
}

type Queryable = Pick<pg.Pool, 'query'>;

// The MATERIALIZED fence makes the LIMIT bind before the UPDATE: `WHERE id IN (SELECT … LIMIT n)`
// may be planned as a join that locks more rows than n. Only as many as the pool has free are asked
// for: that is the backpressure.
const CLAIM = `
with picked as materialized (
  select id
    from public.analysis_jobs
   where status = 'pending' and run_at <= now()
   order by priority, run_at
   for update skip locked
   limit $2
)
update public.analysis_jobs j
   set status = 'processing',
       attempts = j.attempts + 1,
       locked_by = $1,
       lease_token = gen_random_uuid(),
       locked_until = now() + make_interval(secs => $3),
       started_at = now(),
       error = null
  from picked
 where j.id = picked.id
returning j.id, j.user_id, j.type, j.priority, j.input, j.attempts, j.max_attempts, j.lease_token,
          j.created_at, j.run_at, now() as claimed_at, (j.cancel_requested_at is not null) as cancel_requested`;

export async function claimJobs(db: Queryable, workerId: string, limit: number, leaseSeconds: number): Promise<ClaimedJob[]> {
  if (limit <= 0) return [];
  // Named: prepared once per connection, then neither parsed nor planned again (bench:queue: the
  // claim's round trip falls from ~1.4 to ~1.0 ms, a fifth of the pickup latency). Transaction-mode
  // poolers, where that would break, are refused at start (src/start.ts).
  const { rows } = await db.query<ClaimedJob>({ name: 'ai-worker.claim', text: CLAIM, values: [workerId, limit, leaseSeconds] });
  // UPDATE … RETURNING does not keep the CTE's order; start the most urgent first.
  return rows.sort((a, b) => a.priority - b.priority || a.run_at.getTime() - b.run_at.getTime());
}

export interface LeaseRef {
  id: string;
  lease_token: string;
}

// One statement renews every lease this daemon holds. A row locked by someone else (an operator's
// open transaction) is skipped this round rather than stalling the renewal of all the others; a
// row that is no longer ours (lapsed and recovered while we were paused) comes back `ours: false`,
// so its handler can stop. A cancel request comes back flagged, which catches a cancel NOTIFY that
// the listener missed.
const RENEW = `
with held as (
  select * from unnest($1::uuid[], $2::uuid[]) as h(id, lease_token)
), lockable as (
  select j.id
    from public.analysis_jobs j
    join held on j.id = held.id and j.lease_token = held.lease_token
   where j.status = 'processing'
     for update of j skip locked
), renewed as (
  update public.analysis_jobs j
     set locked_until = now() + make_interval(secs => $3)
    from lockable
   where j.id = lockable.id
  returning j.id
)
select held.id,
       exists (select 1 from renewed where renewed.id = held.id) as renewed,
       cur.id is not null as ours,
       coalesce(cur.cancel_requested_at is not null, false) as cancel_requested
  from held
  left join public.analysis_jobs cur
    on cur.id = held.id and cur.lease_token = held.lease_token and cur.status = 'processing'`;

export interface LeaseState {
  renewed: boolean;
  /** False when the row has another lease now (or none): the job is someone else's. */
  ours: boolean;
  cancelRequested: boolean;
}

export async function renewLeases(db: Queryable, held: LeaseRef[], leaseSeconds: number): Promise<Map<string, LeaseState>> {
  if (held.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; renewed: boolean; ours: boolean; cancel_requested: boolean }>(RENEW, [
    held.map((h) => h.id),
    held.map((h) => h.lease_token),
    leaseSeconds,
  ]);
  return new Map(rows.map((r) => [r.id, { renewed: r.renewed, ours: r.ours, cancelRequested: r.cancel_requested }]));
}

export interface Completion extends LeaseRef {
  result: unknown;
  provider?: string | null;
  model?: string | null;
  input_tokens?: number | null;
  output_tokens?: number | null;
  provider_calls?: unknown;
  cache_key?: string | null;
  handler_version?: string | null;
}

// Many completions, one statement: the batch arrives as one JSON array so every row keeps its own
// result. Returns the ids that were applied; the others were stale.
const COMPLETE_MANY = `
with done as (
  select * from jsonb_to_recordset($1::jsonb) as d(
    id uuid, lease_token uuid, result jsonb, provider text, model text,
    input_tokens integer, output_tokens integer, provider_calls jsonb, cache_key text, handler_version text)
)
update public.analysis_jobs j
   set status = 'completed',
       result = done.result,
       error = null,
       completed_at = now(),
       locked_by = null, lease_token = null, locked_until = null,
       provider = done.provider, model = done.model,
       input_tokens = done.input_tokens, output_tokens = done.output_tokens,
       provider_calls = done.provider_calls,
       cache_key = coalesce(done.cache_key, j.cache_key),
       handler_version = coalesce(done.handler_version, j.handler_version)
  from done
 where j.id = done.id and j.lease_token = done.lease_token and j.status = 'processing'
returning j.id`;

export async function completeJobs(db: Queryable, completions: Completion[]): Promise<Set<string>> {
  if (completions.length === 0) return new Set();
  const payload = completions.map((c) => ({
    id: c.id,
    lease_token: c.lease_token,
    result: c.result ?? null,
    provider: c.provider ?? null,
    model: c.model ?? null,
    input_tokens: c.input_tokens ?? null,
    output_tokens: c.output_tokens ?? null,
    provider_calls: c.provider_calls ?? null,
    cache_key: c.cache_key ?? null,
    handler_version: c.handler_version ?? null,
  }));
  const { rows } = await db.query<{ id: string }>({ name: 'ai-worker.complete-many', text: COMPLETE_MANY, values: [JSON.stringify(payload)] });
  return new Set(rows.map((r) => r.id));
}

// Retry later, or fail for good when attempts are used up. The decision about "permanent" is made
// by the caller (it knows the error); the attempts check is made here, against the row itself.
const FAIL_OR_RETRY = `
update public.analysis_jobs
   set status = case when $3::boolean or attempts >= max_attempts then 'failed' else 'pending' end,
       run_at = case when $3::boolean or attempts >= max_attempts then run_at else now() + make_interval(secs => $5::double precision / 1000) end,
       completed_at = case when $3::boolean or attempts >= max_attempts then now() else null end,
       error = $4::jsonb,
       provider_calls = coalesce($6::jsonb, provider_calls),
       locked_by = null, lease_token = null, locked_until = null
 where id = $1 and lease_token = $2 and status = 'processing'
returning status, run_at`;

export async function failOrRetryJob(
  db: Queryable,
  lease: LeaseRef,
  error: JobErrorJson,
  opts: { permanent: boolean; delayMs: number; providerCalls?: unknown },
): Promise<{ status: 'failed' | 'pending'; run_at: Date } | undefined> {
  const { rows } = await db.query<{ status: 'failed' | 'pending'; run_at: Date }>(FAIL_OR_RETRY, [
    lease.id,
    lease.lease_token,
    opts.permanent,
    JSON.stringify(error),
    Math.max(0, Math.round(opts.delayMs)),
    opts.providerCalls === undefined ? null : JSON.stringify(opts.providerCalls),
  ]);
  return rows[0];
}

const CANCEL = `
update public.analysis_jobs
   set status = 'cancelled', completed_at = now(),
       error = jsonb_build_object('code', 'cancelled', 'message', $3::text),
       locked_by = null, lease_token = null, locked_until = null
 where id = $1 and lease_token = $2 and status = 'processing'
returning id`;

export async function cancelJob(db: Queryable, lease: LeaseRef, message: string): Promise<boolean> {
  return ((await db.query(CANCEL, [lease.id, lease.lease_token, message])).rowCount ?? 0) > 0;
}

// Shutdown hands a job back without burning the attempt it was on, and wakes the other daemons.
const RELEASE = `
with released as (
  update public.analysis_jobs j
     set status = 'pending', attempts = greatest(j.attempts - 1, 0), run_at = now(),
         locked_by = null, lease_token = null, locked_until = null
    from unnest($1::uuid[], $2::uuid[]) as held(id, lease_token)
   where j.id = held.id and j.lease_token = held.lease_token and j.status = 'processing'
  returning j.id
)
select array(select id from released) as ids,
       (select pg_notify('analysis_jobs', json_build_object('op', 'released', 'n', count(*))::text) from released having count(*) > 0) as _`;

export async function releaseJobs(db: Queryable, held: LeaseRef[]): Promise<string[]> {
  if (held.length === 0) return [];
  const { rows } = await db.query<{ ids: string[] }>(RELEASE, [held.map((h) => h.id), held.map((h) => h.lease_token)]);
  return rows[0]?.ids ?? [];
}

// The sweep's safety net: jobs whose lease lapsed (their daemon died or froze) go back to pending,
// or to failed when that attempt was the last; a cancel requested meanwhile is honoured. SKIP LOCKED
// so two sweeping daemons never wait on each other. Wakes the daemons when something came back.
// $2, when given, is this daemon's own id at start-up: a job still locked by it can only belong to
// a previous incarnation that died (a restart under systemd keeps WORKER_ID), so it comes back at
// once instead of after its lease.
const RECOVER_LAPSED = `
with lapsed as (
  select id from public.analysis_jobs
   where status = 'processing' and (locked_until < now() or locked_by = $2)
   order by locked_until
   for update skip locked
   limit $1
), recovered as (
  update public.analysis_jobs j
     set status = case when j.cancel_requested_at is not null then 'cancelled'
                       when j.attempts >= j.max_attempts then 'failed'
                       else 'pending' end,
         completed_at = case when j.cancel_requested_at is not null or j.attempts >= j.max_attempts then now() else null end,
         error = case when j.cancel_requested_at is not null
                        then jsonb_build_object('code', 'cancelled', 'message', 'cancelled while its worker was unreachable')
                      -- Read by the job's owner: no worker id here (the jobs:recovered event logs it).
                      else jsonb_build_object('code', 'lease_expired',
                        'message', format('o processamento foi interrompido antes de terminar (tentativa %s de %s)', j.attempts, j.max_attempts))
                 end,
         run_at = now(),
         locked_by = null, lease_token = null, locked_until = null
    from lapsed
   where j.id = lapsed.id
  returning j.id, j.status
)
select coalesce(array_agg(id), '{}') as ids,
       count(*) filter (where status = 'failed')::int as failed,
       (select pg_notify('analysis_jobs', json_build_object('op', 'recovered', 'n', count(*))::text)
          from recovered where status = 'pending' having count(*) > 0) as _
  from recovered`;

export async function recoverLapsedLeases(db: Queryable, options: { previousSelf?: string; limit?: number } = {}): Promise<{ ids: string[]; failed: number }> {
  const { rows } = await db.query<{ ids: string[]; failed: number }>(RECOVER_LAPSED, [options.limit ?? 1000, options.previousSelf ?? null]);
  return { ids: rows[0]?.ids ?? [], failed: rows[0]?.failed ?? 0 };
}

const CLEANUP_CACHE = 'select public.cleanup_expired_analysis_cache() as n';

export async function cleanupExpiredCache(db: Queryable): Promise<number> {
  return (await db.query<{ n: number }>(CLEANUP_CACHE)).rows[0]?.n ?? 0;
}
