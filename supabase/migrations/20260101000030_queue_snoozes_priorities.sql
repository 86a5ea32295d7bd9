-- GENERATED from sql/ by scripts/supabase-migrations.ts: edit sql/, then run npm run supabase:migrations
-- Queue, second pass (issue 15).

-- A job whose whole provider chain is open is snoozed: back to pending until the next probe, with
-- the attempt counted at claim refunded. This counts the snoozes, so an outage that never ends
-- still ends the job (the worker refunds only the first WORKER_MAX_SNOOZES).
-- A constant default: no table rewrite on PostgreSQL 11+.
alter table public.analysis_jobs add column snoozes integer not null default 0;
alter table public.analysis_jobs add constraint analysis_jobs_snoozes_check check (snoozes >= 0);

-- Default priorities per type: interactive work (a person is waiting on the screen or on WhatsApp)
-- goes before batch work. Lower runs first. Applied only when the inserter left priority at 0, the
-- column's default (the gateway lets users lower their own priority to 1..100, never raise it).
-- The WHEN clause keeps the function out of inserts that need nothing (healthchecks, bulk loads).
create function public.analysis_jobs_default_priority() returns trigger
  language plpgsql
  as $$
begin
  new.priority := case new.type
    when 'whatsapp_message' then -20
    when 'unified_assistant' then -20
    when 'sofia_image' then -10
    when 'medical_exam' then -5
    when 'meal_plan' then 10
    else 0
  end;
  return new;
end
$$;

create trigger analysis_jobs_default_priority
  before insert on public.analysis_jobs
  for each row
  when (new.priority = 0 and new.type in ('whatsapp_message', 'unified_assistant', 'sofia_image', 'medical_exam', 'meal_plan'))
  execute function public.analysis_jobs_default_priority();

revoke all on function public.analysis_jobs_default_priority() from public, anon, authenticated;

-- The claim's fairness rule counts each waiting user's running jobs (users with fewer running go
-- first). Only processing rows are in it: as small as the work in flight, whatever the table size.
create index analysis_jobs_user_processing_idx on public.analysis_jobs (user_id) where status = 'processing';
