-- The job queue. Edge functions insert rows; the ai-worker daemon claims, runs and settles them.

create table public.analysis_jobs (
  id                  uuid primary key default gen_random_uuid(),
  user_id             uuid not null,
  type                text not null,
  status              text not null default 'pending',
  -- Lower runs first (ORDER BY priority, run_at), as in graphile-worker.
  priority            smallint not null default 0,
  input               jsonb not null default '{}'::jsonb,
  result              jsonb,
  -- {code, message[, fields]}: what went wrong, in words a person can act on.
  error               jsonb,
  attempts            integer not null default 0,
  max_attempts        integer not null default 3,
  -- Not before this moment: now() for new jobs, now() + backoff for retries.
  run_at              timestamptz not null default now(),
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  started_at          timestamptz,
  completed_at        timestamptz,
  -- The lease: which daemon holds the job, until when, and the token every settle must present.
  locked_by           text,
  lease_token         uuid,
  locked_until        timestamptz,
  -- Set by request_analysis_cancel() on a running job; the holding daemon aborts its handler.
  cancel_requested_at timestamptz,
  -- Caching and idempotency.
  cache_key           text,
  idempotency_key     text,
  handler_version     text,
  -- Cost tracking: who produced the result, and every provider call made for it.
  provider            text,
  model               text,
  input_tokens        integer,
  output_tokens       integer,
  provider_calls      jsonb,

  constraint analysis_jobs_status_check
    check (status in ('pending', 'processing', 'completed', 'failed', 'cancelled')),
  constraint analysis_jobs_type_check
    check (type in ('sofia_image', 'medical_exam', 'unified_assistant', 'meal_plan', 'whatsapp_message', 'healthcheck')),
  constraint analysis_jobs_priority_check check (priority between -100 and 100),
  constraint analysis_jobs_attempts_check check (attempts >= 0),
  constraint analysis_jobs_max_attempts_check check (max_attempts between 1 and 25),
  constraint analysis_jobs_error_check
    check (error is null or (jsonb_typeof(error) = 'object' and error ? 'code' and error ? 'message')),
  -- A lease exists exactly while the job is processing: no orphan tokens, no lease-less runs.
  constraint analysis_jobs_lease_check
    check ((status = 'processing') = (lease_token is not null and locked_until is not null)),
  constraint analysis_jobs_idempotency_key_check
    check (idempotency_key is null or length(idempotency_key) between 1 and 200)
);

-- The plan's indexes.
create index analysis_jobs_status_priority_created_idx on public.analysis_jobs (status, priority, created_at);
create index analysis_jobs_user_created_idx on public.analysis_jobs (user_id, created_at desc);
create index analysis_jobs_type_status_idx on public.analysis_jobs (type, status);
-- What the claim reads: only pending rows, in claim order. Stays small however large the table grows.
create index analysis_jobs_claim_idx on public.analysis_jobs (priority, run_at) where status = 'pending';
-- What the sweep reads: leases that may have lapsed.
create index analysis_jobs_lease_idx on public.analysis_jobs (locked_until) where status = 'processing';
create unique index analysis_jobs_idempotency_idx
  on public.analysis_jobs (user_id, idempotency_key) where idempotency_key is not null;

-- Shared by every table with an updated_at column.
create function public.touch_updated_at() returns trigger
  language plpgsql
  as $$
begin
  new.updated_at := now();
  return new;
end
$$;

create trigger analysis_jobs_touch_updated_at
  before update on public.analysis_jobs
  for each row execute function public.touch_updated_at();

-- One NOTIFY per INSERT statement however many rows: a bulk insert wakes the daemons once, and
-- the payload carries a count and a nonce, never row data (8000-byte limit; commits serialise on
-- NOTIFY, so the payload stays tiny: under 100 bytes).
create function public.analysis_jobs_notify_insert() returns trigger
  language plpgsql
  as $$
declare
  n bigint;
begin
  select count(*) into n from new_rows where status = 'pending';
  if n > 0 then
    perform pg_notify('analysis_jobs',
      json_build_object('op', 'insert', 'n', n, 'nonce', (extract(epoch from clock_timestamp()) * 1000000)::bigint)::text);
  end if;
  return null;
end
$$;

create trigger analysis_jobs_notify_insert
  after insert on public.analysis_jobs
  referencing new table as new_rows
  for each statement execute function public.analysis_jobs_notify_insert();

-- Row-level security: a signed-in user reads only their own jobs and writes none directly;
-- anon sees nothing; service_role (BYPASSRLS) does everything.
alter table public.analysis_jobs enable row level security;
-- Supabase grants everything on new public tables by default; the grants here are the whole truth.
revoke all on public.analysis_jobs from public, anon, authenticated;
grant select on public.analysis_jobs to authenticated;
grant all on public.analysis_jobs to service_role;

create policy analysis_jobs_select_own on public.analysis_jobs
  for select to authenticated
  using (user_id = (select auth.uid()));

-- Cancelling: a pending job is cancelled at once; a running one is marked and its daemon told
-- (channel analysis_jobs_cancel, payload the job id), so the handler's AbortSignal fires.
-- Ownership is checked here rather than granting UPDATE to users. Callers with the service role,
-- or a direct connection that set no role (operators, the daemon), may cancel any job.
-- Returns: cancelled | cancel_requested | already_completed | already_failed | already_cancelled | not_found.
create function public.request_analysis_cancel(job_id uuid) returns text
  language plpgsql
  security definer
  set search_path = pg_catalog, public
  as $$
declare
  privileged boolean := coalesce(auth.role(), '') = 'service_role' or current_setting('role') = 'none';
  j public.analysis_jobs%rowtype;
begin
  select * into j from public.analysis_jobs where id = job_id for update;
  if not found or (not privileged and j.user_id is distinct from auth.uid()) then
    return 'not_found';
  end if;
  if j.status = 'pending' then
    update public.analysis_jobs
       set status = 'cancelled', completed_at = now(), cancel_requested_at = now(),
           error = jsonb_build_object('code', 'cancelled', 'message', 'cancelled before it started')
     where id = job_id;
    return 'cancelled';
  elsif j.status = 'processing' then
    if j.cancel_requested_at is null then
      update public.analysis_jobs set cancel_requested_at = now() where id = job_id;
    end if;
    perform pg_notify('analysis_jobs_cancel', job_id::text);
    return 'cancel_requested';
  end if;
  return 'already_' || j.status;
end
$$;

revoke all on function public.request_analysis_cancel(uuid) from public;
grant execute on function public.request_analysis_cancel(uuid) to authenticated, service_role;
