-- GENERATED from sql/ by scripts/supabase-migrations.ts: edit sql/, then run npm run supabase:migrations
-- What the operators' views read by time window: the dashboard (every 5 s per open page), the
-- daemon's webhook alerts (every minute), `ai-worker jobs ls --since`, `jobs dead`, `cost-report`.
-- Without them each dashboard refresh scanned the whole table: 1.5 s (p50) at 300,000 jobs, the size
-- 30 days of retention reaches at ~10,000 jobs a day (bench/ops-dashboard.ts, bench/results/ops-dashboard.json).
-- created_at only grows, so its index costs an insert little (appends to the right-most page);
-- completed_at is set once, by the settle that already rewrites the row's indexed status.
create index analysis_jobs_created_idx on public.analysis_jobs (created_at);
create index analysis_jobs_completed_idx on public.analysis_jobs (completed_at) where completed_at is not null;
