-- An append-only ledger of every move of a job into a final state. The fenced settles guarantee at
-- most one completion per job; this ledger is how that guarantee is checked, in the chaos tests and
-- in production (a job_id with two 'completed' rows is a bug, whatever the jobs table says now).
create table public.analysis_job_outcomes (
  id         bigint generated always as identity primary key,
  job_id     uuid not null references public.analysis_jobs (id) on delete cascade,
  status     text not null,
  attempt    integer not null,
  worker_id  text,
  at         timestamptz not null default now(),
  constraint analysis_job_outcomes_status_check check (status in ('completed', 'failed', 'cancelled'))
);

create index analysis_job_outcomes_job_idx on public.analysis_job_outcomes (job_id);

create function public.analysis_jobs_record_outcome() returns trigger
  language plpgsql
  as $$
begin
  insert into public.analysis_job_outcomes (job_id, status, attempt, worker_id)
  values (new.id, new.status, new.attempts, old.locked_by);
  return null;
end
$$;

create trigger analysis_jobs_record_outcome
  after update of status on public.analysis_jobs
  for each row
  when (new.status in ('completed', 'failed', 'cancelled') and old.status is distinct from new.status)
  execute function public.analysis_jobs_record_outcome();

alter table public.analysis_job_outcomes enable row level security;
revoke all on public.analysis_job_outcomes from public, anon, authenticated;
grant all on public.analysis_job_outcomes to service_role;
