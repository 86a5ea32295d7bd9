-- GENERATED from sql/ by scripts/supabase-migrations.ts: edit sql/, then run npm run supabase:migrations
-- The insert notification without a transition table (issue 15, seventh round). The trigger of
-- sql/002 captured every inserted row in a transition table to count the pending ones and built a
-- JSON payload with that count and a clock nonce. No reader ever used either: the daemon claims on
-- any notification of this channel, whatever it says. Capturing the rows was the trigger's cost, and
-- it sits on the path from a client's INSERT to its job's result.
--
-- Measured on one connection, 600 single-row inserts per variant in alternating rounds
-- (.scratch script, not kept): 0.756 ms p50 with the old trigger, 0.674 ms without the transition
-- table, 0.648 ms with no trigger at all. A row-level trigger `when (new.status = 'pending')` was as
-- cheap for one row (0.666 ms) but called plpgsql for every row of a bulk insert: 20,000 rows took
-- ~150 ms more than with this statement-level trigger, so it was not taken.
--
-- What changes: an INSERT statement of rows that are not pending (an operator's import of finished
-- jobs) or of no row at all (an idempotent enqueue that found its key) now wakes the daemons too. A
-- wake-up with nothing to do costs one claim that finds nothing; the payload still carries no row
-- data and is one notification per statement however many rows (test/job-constraints.test.ts).
create or replace function public.analysis_jobs_notify_insert() returns trigger
  language plpgsql
  as $$
begin
  perform pg_notify('analysis_jobs', '{"op":"insert"}');
  return null;
end
$$;

drop trigger analysis_jobs_notify_insert on public.analysis_jobs;
create trigger analysis_jobs_notify_insert
  after insert on public.analysis_jobs
  for each statement execute function public.analysis_jobs_notify_insert();
