-- GENERATED from sql/ by scripts/supabase-migrations.ts: edit sql/, then run npm run supabase:migrations
-- Fewer index entries per job (issue 15, second round). Every claim and every settle moves a job's
-- status, which partial-index predicates read, so none of them is a HOT update: each writes one entry
-- in every index whose predicate the new row version meets. `npx tsx bench/queue-explain.ts` (WAL
-- records per job, 1,000 jobs on a table of 300,000 finished ones): the claim wrote 7.1 and the
-- completion with its ledger row 8.1; after this migration 5.0 and 6.1.

-- The per-user cap (sql/022) counts a user's pending and processing jobs; the claim's fairness and the
-- sweep count and find processing ones (sql/030). One index serves all three: (status, user_id) over
-- live jobs answers `status in (pending, processing) and user_id = $1` with two descents, `status =
-- 'processing' and user_id = $1` with one, and `status = 'processing'` with a range. A claim (pending
-- → processing) now writes one entry here instead of two.
create index analysis_jobs_active_idx on public.analysis_jobs (status, user_id) where status in ('pending', 'processing');
drop index public.analysis_jobs_active_user_idx;
drop index public.analysis_jobs_user_processing_idx;

-- The operators' time windows (sql/051) read the live index above for jobs in flight and the retention
-- index (sql/023, coalesce(completed_at, created_at) over finished jobs) for finished ones
-- (src/ops/windows.ts): a job is created before it finishes, so a job created in the window finished
-- in it too. created_at had an index of its own written by every insert, claim and settle;
-- completed_at one written by every settle.
drop index public.analysis_jobs_created_idx;
drop index public.analysis_jobs_completed_idx;

-- The outcome ledger is read by job (`ai-worker jobs show`, the chaos checks, retention's delete) and
-- never by its own id: the key leads with job_id and the separate job_id index goes, one entry fewer
-- per completion.
alter table public.analysis_job_outcomes drop constraint analysis_job_outcomes_pkey;
drop index public.analysis_job_outcomes_job_idx;
alter table public.analysis_job_outcomes add constraint analysis_job_outcomes_pkey primary key (job_id, id);
