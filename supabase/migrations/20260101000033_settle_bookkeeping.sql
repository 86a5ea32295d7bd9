-- GENERATED from sql/ by scripts/supabase-migrations.ts: edit sql/, then run npm run supabase:migrations
-- Bookkeeping in the statements, not in row triggers (issue 15: per 1,000 jobs the ledger trigger was
-- 28 % of statement time). The worker's statements (src/queue/jobs.ts) set updated_at themselves and
-- write the outcome ledger row in the same statement that moves a job out of processing. The
-- triggers stay for every other writer, and their WHEN clauses keep plpgsql out of the hot path.

-- updated_at: a statement that sets it itself is left alone.
drop trigger analysis_jobs_touch_updated_at on public.analysis_jobs;
create trigger analysis_jobs_touch_updated_at
  before update on public.analysis_jobs
  for each row
  when (new.updated_at is not distinct from old.updated_at)
  execute function public.touch_updated_at();

-- The ledger: moves out of processing are recorded by the settle and sweep statements themselves;
-- the trigger records the others (a pending job cancelled by request_analysis_cancel, an operator's edit).
drop trigger analysis_jobs_record_outcome on public.analysis_jobs;
create trigger analysis_jobs_record_outcome
  after update of status on public.analysis_jobs
  for each row
  when (new.status in ('completed', 'failed', 'cancelled') and old.status is distinct from new.status and old.status <> 'processing')
  execute function public.analysis_jobs_record_outcome();

-- The ledger's foreign key checked every ledger insert against the job row the same statement had
-- just updated (a key-share lock and a lookup per job). The rows it protected are kept consistent by
-- the statements that write them; what the key still did — delete a job's ledger rows with the job
-- (retention, erasure) — one statement-level trigger does, on the rare delete path.
alter table public.analysis_job_outcomes drop constraint analysis_job_outcomes_job_id_fkey;

create function public.analysis_jobs_forget_outcomes() returns trigger
  language plpgsql
  as $$
begin
  delete from public.analysis_job_outcomes o using gone where o.job_id = gone.id;
  return null;
end
$$;

create trigger analysis_jobs_forget_outcomes
  after delete on public.analysis_jobs
  referencing old table as gone
  for each statement execute function public.analysis_jobs_forget_outcomes();

revoke all on function public.analysis_jobs_forget_outcomes() from public, anon, authenticated;

-- TRUNCATE fires no delete trigger; the foreign key made `truncate analysis_jobs cascade` empty the
-- ledger too, and so does this.
create function public.analysis_jobs_truncate_outcomes() returns trigger
  language plpgsql
  as $$
begin
  truncate public.analysis_job_outcomes;
  return null;
end
$$;

create trigger analysis_jobs_truncate_outcomes
  after truncate on public.analysis_jobs
  for each statement execute function public.analysis_jobs_truncate_outcomes();

revoke all on function public.analysis_jobs_truncate_outcomes() from public, anon, authenticated;
