-- GENERATED from sql/ by scripts/supabase-migrations.ts: edit sql/, then run npm run supabase:migrations
-- The operators' time windows (src/ops/windows.ts) read finished jobs through the retention index
-- (sql/023) on coalesce(completed_at, created_at) since sql/052 dropped the created_at and
-- completed_at indexes. The planner keeps no statistics for the expression of a partial index, so
-- it guessed a third of the table for any window on it and scanned the whole table instead
-- (bench:ops-dashboard at 300,000 jobs: p50 116 ms, against 25 ms with sql/051's indexes).
-- Statistics on the expression are gathered by ANALYZE (autovacuum's included) and cost the hot path
-- nothing: no insert, claim or settle writes them. Analyzed here so the first windows after the
-- migration already have them.
create statistics public.analysis_jobs_finished_at_stats on (coalesce(completed_at, created_at)) from public.analysis_jobs;
analyze public.analysis_jobs;
