// Every statement that moves a job between states lives here, and only here. Each settle is fenced by
// the lease: `WHERE id = … AND lease_token = … AND locked_until IS NOT NULL`, so a daemon that wakes
// after its lease lapsed cannot overwrite what another daemon did since. A settle that matches no row
// is "stale": counted and logged by the caller, never retried.
//
// How the fenced statements name their rows, and why (issue 15, fourth round):
// - `locked_until IS NOT NULL` with the lease token, not `status = 'processing'`: the table's
//   analysis_jobs_lease_check makes the two the same rows. Named by status, the rows could be read
//   through the active index (sql/052), and a generic plan made from statistics that expected few
//   processing rows did exactly that: a bitmap scan of every processing entry, dead ones included
//   (bitmap scans never mark them dead), then a hash join. Each completion read every job completed
//   since the last VACUUM: 4.3 ms instead of 0.78 ms after 25,000 jobs on a table never analyzed
//   (autovacuum off), and growing.
// - `id = any(<the ids>)`: a restriction the primary key serves, so the rows are read by key whatever
//   the statistics say. Joined only by id, a plan cached while the table held three rows hashed a
//   full scan of the key instead (test/queue-statements.test.ts checks both cases).
import type pg from 'pg';
import { storableJson, storableString } from '../db/storable.ts';
import type { JobErrorJson } from '../errors.ts';

export interface ClaimedJob {
  id: string;
  user_id: string;
  type: string;
  priority: number;
  input: unknown;
  attempts: number;
  max_attempts: number;
  lease_token: string;
  /** Claim time - max(created_at, run_at), on the database clock, in ms: the pickup latency. */
  pickup_ms: number;
  /** Claim time - created_at, on the database clock, in ms: the start of the turnaround. */
  queued_ms: number;
  cancel_requested: boolean;
  /** An external effect an earlier attempt recorded as done (sql/031): do not repeat it. */
  delivery: unknown;
  /** This daemon's id, as the row records it: the settle statements write it to the outcome ledger. */
  locked_by: string;
}

type Queryable = Pick<pg.Pool, 'query'>;

// The MATERIALIZED fence makes the LIMIT bind before the UPDATE: `WHERE id IN (SELECT … LIMIT n)`
// may be planned as a join that locks more rows than n. Only as many as the pool has free are asked
// for: that is the backpressure.
//
// Three rules shape what is picked, all inside one statement (issue 15, issue 11):
// - `candidates`: the first $5 due rows in claim order (priority, run_at), from the partial claim
//   index, leaving out the types this daemon may not take now ($4: types at their
//   WORKER_CONCURRENCY_<TYPE> cap, or whose whole provider chain is open until its next probe).
// - `fair`: within a priority, users take turns: a row's turn is its rank among its user's due rows
//   plus the jobs that user has running now (on any daemon), so a user with nothing running goes
//   first, and one user's backlog does not delay other users' work of the same priority.
// - `capped`: at most $7 rows of each type named in $6 (the room left under its per-type cap).
// Only then are rows locked (SKIP LOCKED, re-checked as still pending and due) up to the free slots, $2.
//
// No step may depend on the planner's row estimates. The statement is prepared once per connection
// and its generic plan is kept until the table is next analyzed; a daemon that starts on a quiet
// table plans it for "1 pending row", and a burst then arrives long before autovacuum re-analyzes
// (naptime 1 min). With a join to a `busy` CTE and an id join back to the table, that plan rescanned
// the claim index once per candidate and paired candidates with users in a nested loop: one claim of
// 260 took 583 ms once 20,000 were pending, and bench:queue fell from 10,513 to 1,192 jobs/s
// (docs/queue.md, "Claim plan"). So each user's running count is a correlated subquery (one probe of
// a small partial index per candidate, whatever the estimate), and a candidate is re-read by its
// ctid (a TID scan, the cheapest path under any estimate; the id check keeps a reused slot out).
//
// The claim commits without waiting for its WAL flush (`synchronous_commit` off for this statement's
// own transaction only; the connection keeps its setting). A claim lost in a server crash leaves the
// job pending, as if never claimed: the same outcome as a lease that lapses, which every handler
// already survives (its settles are fenced and come back stale). Any later durable commit on the
// server — the delivery record a WhatsApp handler writes after sending, a completion — flushes the
// claim first, since WAL is flushed in order. What it saves is one disk flush on the path from
// insert to handler (bench:queue turnaround and pickup; docs/queue.md, "Claim commit").
//
// "Due" is judged by the clock once the statement runs, `(select clock_timestamp())` (an initplan,
// evaluated once, after the statement's snapshot is taken), not by now(). now() is the transaction's
// start, stamped when the server begins on the statement's protocol messages, before the snapshot. On
// a loaded machine a job inserted with run_at = its own now() could commit in between: the claim then
// saw it but judged it not yet due, and took an older batch job before it (the default-priorities
// test in test/queue-second-pass.test.ts, 2 runs of 24 with six files at once; the job's started_at
// came out 7 ms before its created_at).
//
// The excluded types are a NOT IN over a subquery, not `type <> all($4)`: in the generic plan the
// planner guesses `<> all(unknown array)` from the type column's statistics, and with one type in the
// table (or one dominating) it expected no row to pass and read the whole table instead of the claim
// index: a scan of every row, dead versions included, per claim (seen in bench:queue through
// auto_explain; test/queue-statements.test.ts builds that statistic and checks the plan).
//
// The statement also says how many candidates were eligible (within their type's room). Fewer jobs
// than asked while more were eligible means another daemon's claim held them (SKIP LOCKED) or took
// them after this snapshot: the daemon claims again shortly instead of going idle on a backlog.
// Without it, a daemon whose first claim met a neighbour's big claim-ahead on the same window got
// nothing, concluded "empty", and slept until the next notification or sweep while the neighbour
// drained everything (test/worker-throughput.test.ts, three daemons, once the daemons got faster).
const CLAIM = `
with candidates as materialized (
  select id, ctid, user_id, type, priority, run_at
    from public.analysis_jobs
   where status = 'pending' and run_at <= (select clock_timestamp()) and type not in (select unnest($4::text[]))
   order by priority, run_at
   limit $5
), fair as (
  select c.id, c.ctid, c.type, c.priority, c.run_at,
         row_number() over (partition by c.user_id, c.priority order by c.run_at)
           + (select count(*) from public.analysis_jobs p where p.user_id = c.user_id and p.status = 'processing') as turn
    from candidates c
), capped as (
  select f.id, f.ctid, f.priority, f.turn, f.run_at, cap.room,
         row_number() over (partition by f.type order by f.priority, f.turn, f.run_at) as nth
    from fair f
    left join unnest($6::text[], $7::int[]) as cap(type, room) on cap.type = f.type
), picked as materialized (
  select j.id, c.priority, c.turn, c.run_at
    from capped c
    join public.analysis_jobs j on j.ctid = c.ctid and j.id = c.id
   where (c.room is null or c.nth <= c.room) and j.status = 'pending' and j.run_at <= (select clock_timestamp())
   order by c.priority, c.turn, c.run_at
   limit $2
     for update of j skip locked
), claimed as (
update public.analysis_jobs j
   set status = 'processing',
       attempts = j.attempts + 1,
       locked_by = $1,
       lease_token = gen_random_uuid(),
       locked_until = now() + make_interval(secs => $3),
       started_at = now(),
       updated_at = now(),
       error = null
  from picked
 where j.id = picked.id and (select set_config('synchronous_commit', 'off', true)) = 'off'
returning j.id, j.user_id, j.type, j.priority, j.input, j.attempts, j.max_attempts, j.lease_token,
          (extract(epoch from now() - greatest(j.created_at, j.run_at)) * 1000)::float8 as pickup_ms,
          (extract(epoch from now() - j.created_at) * 1000)::float8 as queued_ms,
          (j.cancel_requested_at is not null) as cancel_requested,
          j.delivery, j.locked_by, picked.turn::int as turn, (extract(epoch from j.run_at) * 1000)::float8 as run_at_ms
)
select claimed.*, eligible.n as eligible
  from (select count(*)::int as n from capped where room is null or nth <= room) eligible
  left join claimed on true`;

export interface ClaimOptions {
  /** Types not to claim now (at their cap, or their provider chain open). */
  exclude?: string[];
  /** Room left per capped type: at most this many of that type in this claim. */
  rooms?: ReadonlyMap<string, number>;
  /**
   * How many due rows (in claim order) the fairness and cap rules choose from. Rows beyond it wait
   * for a later claim even if their user has had no turn yet.
   */
  window?: number;
}

/**
 * Rows read to choose from: 100 more than the claim takes, so users without a turn yet can pass a
 * heavy user's rows; bounded so a claim stays cheap. It was 2 × the claim (100 to 2,000): the extra
 * rows each cost a read and a running-count probe, and a big claim is a claim-ahead of fast jobs that
 * all start within milliseconds, where the order among users hardly matters (bench:queue, claims of
 * ~300: 2 × → 1 × the claim saved 5 of the claim's 40 µs of database CPU per job). Small claims (slow
 * AI jobs, where turns matter) choose among more rows than before: 110 for 10 slots.
 */
export function claimWindow(limit: number): number {
  return Math.min(2_000, limit + 100);
}

export interface Claim {
  /** In claim order: most urgent, then fairest, first. */
  jobs: ClaimedJob[];
  /**
   * Fewer jobs than asked although more due rows were eligible: another daemon's claim held them
   * locked (SKIP LOCKED) or took them since this statement's snapshot. More may be claimable in a
   * moment, when that claim has committed.
   */
  contended: boolean;
}

export async function claimJobs(db: Queryable, workerId: string, limit: number, leaseSeconds: number, options: ClaimOptions = {}): Promise<Claim> {
  if (limit <= 0) return { jobs: [], contended: false };
  const rooms = [...(options.rooms ?? new Map<string, number>())].filter(([, room]) => room > 0);
  const exclude = [...(options.exclude ?? []), ...[...(options.rooms ?? new Map<string, number>())].filter(([, room]) => room <= 0).map(([t]) => t)];
  // Named: prepared once per connection, then neither parsed nor planned again (bench:queue: the
  // claim's round trip falls from ~1.4 to ~1.0 ms, a fifth of the pickup latency). Transaction-mode
  // poolers, where that would break, are refused at start (src/start.ts).
  // Times come back as numbers computed in the statement: the claim's rows were a daemon's only
  // timestamps to parse, three per job (bench:queue CPU profile: 2.5 µs of the daemon's CPU per job).
  const { rows } = await db.query<(ClaimedJob & { turn: number; run_at_ms: number; eligible: number }) | { id: null; eligible: number }>({
    name: 'ai-worker.claim',
    text: CLAIM,
    values: [workerId, limit, leaseSeconds, exclude, options.window ?? claimWindow(limit), rooms.map(([t]) => t), rooms.map(([, r]) => r)],
  });
  // UPDATE … RETURNING does not keep the CTE's order; start the most urgent (and fairest) first.
  // The eligible count comes on every row, or on one row of nulls when nothing was claimed.
  const eligible = rows[0]?.eligible ?? 0;
  // The sort keys stay on the rows: copying every row without them cost more than they weigh.
  const jobs = rows.filter((r): r is ClaimedJob & { turn: number; run_at_ms: number; eligible: number } => r.id !== null);
  jobs.sort((a, b) => a.priority - b.priority || a.turn - b.turn || a.run_at_ms - b.run_at_ms);
  return { jobs, contended: jobs.length < limit && eligible > jobs.length };
}

export interface LeaseRef {
  id: string;
  lease_token: string;
  /** The holder's id, for the outcome ledger (sql/006) the settle statements write. */
  locked_by?: string | null;
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
   where j.id = any($1::uuid[]) and j.locked_until is not null
     for update of j skip locked
), renewed as (
  update public.analysis_jobs j
     set locked_until = now() + make_interval(secs => $3), updated_at = now()
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
    on cur.id = held.id and cur.lease_token = held.lease_token and cur.id = any($1::uuid[]) and cur.locked_until is not null`;

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

// What a completion writes, in its two forms; `values` says where each value comes from.
//
// Many completions, one statement: the batch arrives as one JSON array (`done`) so every row keeps its
// own result, joined by id and lease. Returns the ids that were applied; the others were stale.
//
// A batch of one — every job when the daemon is not busy, so on the path of turnaround — is a plain
// update of one row by its key, with parameters: no JSON to take apart, no CTE to join. Measured on one
// connection with the daemon's session settings, single-job completions interleaved per variant, WAL
// flush included (bench/README.md "Ninth round"): 0.013–0.030 ms cheaper than the same values given
// through a one-row `done` CTE (0.365–0.592 against 0.378–0.618 ms p50 over five runs), and with no plan
// to go wrong — with sequential scans allowed the CTE form's generic plan cost 0.70 ms against 0.39.
// `id = $1` reads the primary key whatever the statistics say, as `id = any(…)` makes the batch do
// (docs/queue.md, fencing).
type CompletionValues = Record<
  'result' | 'provider' | 'model' | 'input_tokens' | 'output_tokens' | 'provider_calls' | 'cache_key' | 'handler_version' | 'locked_by',
  string
>;
const completeStatement = (form: { done?: string; values: CompletionValues; fence: string }) => {
  const v = form.values;
  return `
with ${form.done ? `done as (${form.done}), ` : ''}settled as (
update public.analysis_jobs j
   set status = 'completed',
       result = ${v.result},
       error = null,
       completed_at = now(), updated_at = now(),
       locked_by = null, lease_token = null, locked_until = null,
       provider = ${v.provider}, model = ${v.model},
       input_tokens = ${v.input_tokens}, output_tokens = ${v.output_tokens},
       provider_calls = ${v.provider_calls},
       cache_key = coalesce(${v.cache_key}, j.cache_key),
       handler_version = coalesce(${v.handler_version}, j.handler_version)
${form.done ? '  from done\n' : ''} where ${form.fence} and j.locked_until is not null
returning j.id, j.attempts, ${v.locked_by} as locked_by
), ledger as (
  insert into public.analysis_job_outcomes (job_id, status, attempt, worker_id)
  select id, 'completed', attempts, locked_by from settled
)
select id from settled`;
};
const COMPLETE_MANY = completeStatement({
  done: `
  select * from jsonb_to_recordset($1::jsonb) as d(
    id uuid, lease_token uuid, result jsonb, provider text, model text,
    input_tokens integer, output_tokens integer, provider_calls jsonb, cache_key text, handler_version text, locked_by text)
`,
  values: {
    result: 'done.result',
    provider: 'done.provider',
    model: 'done.model',
    input_tokens: 'done.input_tokens',
    output_tokens: 'done.output_tokens',
    provider_calls: 'done.provider_calls',
    cache_key: 'done.cache_key',
    handler_version: 'done.handler_version',
    locked_by: 'done.locked_by',
  },
  fence: 'j.id = any(array(select id from done)) and j.id = done.id and j.lease_token = done.lease_token',
});
const COMPLETE_ONE = completeStatement({
  values: {
    result: '$3::jsonb',
    provider: '$4::text',
    model: '$5::text',
    input_tokens: '$6::integer',
    output_tokens: '$7::integer',
    provider_calls: '$8::jsonb',
    cache_key: '$9::text',
    handler_version: '$10::text',
    locked_by: '$11::text',
  },
  fence: 'j.id = $1::uuid and j.lease_token = $2::uuid',
});

const storableText = (v: string | null | undefined): string | null => (v === undefined || v === null ? null : storableString(v));

export async function completeJobs(db: Queryable, completions: Completion[]): Promise<Set<string>> {
  if (completions.length === 0) return new Set();
  if (completions.length === 1) {
    const c = completions[0]!;
    const { rows } = await db.query<{ id: string }>({
      name: 'ai-worker.complete-one',
      text: COMPLETE_ONE,
      values: [
        c.id,
        c.lease_token,
        // Cleaned as the batch's JSON is (storableJson): a NUL or a lone surrogate is stored cleaned,
        // never refused. A JSON null and a missing value both store SQL NULL, as jsonb_to_recordset does.
        c.result === undefined || c.result === null ? null : storableJson(c.result),
        storableText(c.provider),
        storableText(c.model),
        c.input_tokens ?? null,
        c.output_tokens ?? null,
        c.provider_calls === undefined || c.provider_calls === null ? null : storableJson(c.provider_calls),
        storableText(c.cache_key),
        storableText(c.handler_version),
        storableText(c.locked_by),
      ],
    });
    return new Set(rows.map((r) => r.id));
  }
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
    locked_by: c.locked_by ?? null,
  }));
  const { rows } = await db.query<{ id: string }>({ name: 'ai-worker.complete-many', text: COMPLETE_MANY, values: [storableJson(payload)] });
  return new Set(rows.map((r) => r.id));
}

// Fenced like every settle: only the attempt holding the lease records that its effect happened.
const RECORD_DELIVERY = `
update public.analysis_jobs set delivery = $3::jsonb, updated_at = now()
 where id = $1 and lease_token = $2 and locked_until is not null`;

/** False when the lease is no longer ours (the record was not written). */
export async function recordDelivery(db: Queryable, lease: LeaseRef, delivery: unknown): Promise<boolean> {
  return ((await db.query(RECORD_DELIVERY, [lease.id, lease.lease_token, storableJson(delivery)])).rowCount ?? 0) > 0;
}

// Shutdown hands a job back without burning the attempt it was on, and wakes the other daemons.
const RELEASE = `
with released as (
  update public.analysis_jobs j
     set status = 'pending', attempts = greatest(j.attempts - 1, 0), run_at = now(), updated_at = now(),
         locked_by = null, lease_token = null, locked_until = null
    from unnest($1::uuid[], $2::uuid[]) as held(id, lease_token)
   where j.id = any($1::uuid[]) and j.id = held.id and j.lease_token = held.lease_token and j.locked_until is not null
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
  select id, locked_by from public.analysis_jobs
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
         run_at = now(), updated_at = now(),
         locked_by = null, lease_token = null, locked_until = null
    from lapsed
   where j.id = lapsed.id
  returning j.id, j.status, j.attempts, lapsed.locked_by
), ledger as (
  insert into public.analysis_job_outcomes (job_id, status, attempt, worker_id)
  select id, status, attempts, locked_by from recovered where status in ('failed', 'cancelled')
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

/** The statements' text, for bench/queue-explain.ts (EXPLAIN of each on a large table). */
export const CLAIM_SQL = CLAIM;
export const RENEW_SQL = RENEW;
export const RECOVER_LAPSED_SQL = RECOVER_LAPSED;
export const COMPLETE_MANY_SQL = COMPLETE_MANY;
export const COMPLETE_ONE_SQL = COMPLETE_ONE;
export const RELEASE_SQL = RELEASE;
export const RECORD_DELIVERY_SQL = RECORD_DELIVERY;

// The batched settles (issue 15, "one settle path"): the worker's settler writes every outcome of
// one kind in one flush with one statement, as completions always were. Each row keeps its own
// values (one JSON array, like COMPLETE_MANY) and its own fence; when a batch fails, the settler
// sends the same statement again with one job at a time.

export interface Failure extends LeaseRef {
  error: JobErrorJson;
  permanent: boolean;
  delayMs: number;
  providerCalls?: unknown;
}

/** A fenced settle's row: what the job became. Absent from the result when the lease was not ours. */
export interface SettledRow {
  status: 'failed' | 'pending';
  run_at: Date;
}

// Retry later, or fail for good when attempts are used up. The decision about "permanent" is made
// by the caller (it knows the error); the attempts check is made here, against the row itself.
const FAIL_OR_RETRY_MANY = `
with failed as (
  select * from jsonb_to_recordset($1::jsonb) as f(
    id uuid, lease_token uuid, permanent boolean, error jsonb, delay_ms double precision, provider_calls jsonb, locked_by text)
), settled as (
update public.analysis_jobs j
   set updated_at = now(),
       status = case when f.permanent or j.attempts >= j.max_attempts then 'failed' else 'pending' end,
       run_at = case when f.permanent or j.attempts >= j.max_attempts then j.run_at else now() + make_interval(secs => f.delay_ms / 1000) end,
       completed_at = case when f.permanent or j.attempts >= j.max_attempts then now() else null end,
       error = f.error,
       provider_calls = coalesce(f.provider_calls, j.provider_calls),
       locked_by = null, lease_token = null, locked_until = null
  from failed f
 where j.id = any(array(select id from failed)) and j.id = f.id and j.lease_token = f.lease_token and j.locked_until is not null
returning j.id, j.status, j.run_at, j.attempts, f.locked_by
), ledger as (
  insert into public.analysis_job_outcomes (job_id, status, attempt, worker_id)
  select id, status, attempts, locked_by from settled where status = 'failed'
)
select id, status, run_at from settled`;

export async function failOrRetryJobs(db: Queryable, failures: Failure[]): Promise<Map<string, SettledRow>> {
  if (failures.length === 0) return new Map();
  const payload = failures.map((f) => ({
    id: f.id,
    lease_token: f.lease_token,
    permanent: f.permanent,
    error: f.error,
    delay_ms: Math.max(0, Math.round(f.delayMs)),
    provider_calls: f.providerCalls ?? null,
    locked_by: f.locked_by ?? null,
  }));
  const { rows } = await db.query<SettledRow & { id: string }>({ name: 'ai-worker.fail-many', text: FAIL_OR_RETRY_MANY, values: [storableJson(payload)] });
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

export interface Snooze extends LeaseRef {
  error: JobErrorJson;
  delayMs: number;
  maxSnoozes: number;
}

// A provider outage is nobody's fault: a job whose whole provider chain is open waits for the next
// probe without spending the attempt counted at claim (issue 15: with max_attempts 3, every queued
// job of a type failed within a minute of an outage). Bounded: after max_snoozes snoozes an outage counts
// like any other failure, so a provider that never comes back still ends the job.
const SNOOZE_MANY = `
with snoozed as (
  select * from jsonb_to_recordset($1::jsonb) as s(id uuid, lease_token uuid, error jsonb, delay_ms double precision, max_snoozes integer, locked_by text)
), settled as (
update public.analysis_jobs j
   set updated_at = now(),
       status = case when j.snoozes >= s.max_snoozes and j.attempts >= j.max_attempts then 'failed' else 'pending' end,
       attempts = case when j.snoozes < s.max_snoozes then greatest(j.attempts - 1, 0) else j.attempts end,
       snoozes = j.snoozes + 1,
       run_at = case when j.snoozes >= s.max_snoozes and j.attempts >= j.max_attempts then j.run_at
                     else now() + make_interval(secs => s.delay_ms / 1000) end,
       completed_at = case when j.snoozes >= s.max_snoozes and j.attempts >= j.max_attempts then now() else null end,
       error = s.error,
       locked_by = null, lease_token = null, locked_until = null
  from snoozed s
 where j.id = any(array(select id from snoozed)) and j.id = s.id and j.lease_token = s.lease_token and j.locked_until is not null
returning j.id, j.status, j.run_at, j.attempts, (j.snoozes <= s.max_snoozes) as refunded, s.locked_by
), ledger as (
  insert into public.analysis_job_outcomes (job_id, status, attempt, worker_id)
  select id, status, attempts, locked_by from settled where status = 'failed'
)
select id, status, run_at, refunded from settled`;

export async function snoozeJobs(db: Queryable, snoozes: Snooze[]): Promise<Map<string, SettledRow & { refunded: boolean }>> {
  if (snoozes.length === 0) return new Map();
  const payload = snoozes.map((s) => ({
    id: s.id,
    lease_token: s.lease_token,
    error: s.error,
    delay_ms: Math.max(0, Math.round(s.delayMs)),
    max_snoozes: s.maxSnoozes,
    locked_by: s.locked_by ?? null,
  }));
  const { rows } = await db.query<SettledRow & { id: string; refunded: boolean }>({
    name: 'ai-worker.snooze-many',
    text: SNOOZE_MANY,
    values: [storableJson(payload)],
  });
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

export interface Cancellation extends LeaseRef {
  message: string;
}

const CANCEL_MANY = `
with acknowledged as (
  select * from jsonb_to_recordset($1::jsonb) as c(id uuid, lease_token uuid, message text, locked_by text)
), settled as (
update public.analysis_jobs j
   set status = 'cancelled', completed_at = now(), updated_at = now(),
       error = jsonb_build_object('code', 'cancelled', 'message', c.message),
       locked_by = null, lease_token = null, locked_until = null
  from acknowledged c
 where j.id = any(array(select id from acknowledged)) and j.id = c.id and j.lease_token = c.lease_token and j.locked_until is not null
returning j.id, j.attempts, c.locked_by
), ledger as (
  insert into public.analysis_job_outcomes (job_id, status, attempt, worker_id)
  select id, 'cancelled', attempts, locked_by from settled
)
select id from settled`;

export async function cancelJobs(db: Queryable, cancellations: Cancellation[]): Promise<Set<string>> {
  if (cancellations.length === 0) return new Set();
  const payload = cancellations.map((c) => ({ id: c.id, lease_token: c.lease_token, message: c.message, locked_by: c.locked_by ?? null }));
  const { rows } = await db.query<{ id: string }>({ name: 'ai-worker.cancel-many', text: CANCEL_MANY, values: [storableJson(payload)] });
  return new Set(rows.map((r) => r.id));
}

export const FAIL_OR_RETRY_MANY_SQL = FAIL_OR_RETRY_MANY;
export const SNOOZE_MANY_SQL = SNOOZE_MANY;
export const CANCEL_MANY_SQL = CANCEL_MANY;
