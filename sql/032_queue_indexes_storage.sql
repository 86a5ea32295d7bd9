-- What each query reads, and nothing more (issue 15: every update of a job writes an entry in every
-- index — status and the lease are indexed, so no update is HOT — and three indexes were read by
-- no query). Each remaining index names its reader; docs/queue.md keeps the EXPLAIN of each.

-- Read by no statement (the claim reads the partial claim index; stats read the partial indexes).
drop index if exists public.analysis_jobs_status_priority_created_idx;
drop index if exists public.analysis_jobs_type_status_idx;
-- The sweep finds lapsed leases among processing rows through analysis_jobs_user_processing_idx
-- (sql/030), which holds only the jobs in flight. With locked_until in no index, a lease renewal
-- changes no indexed column and can be a HOT update.
drop index if exists public.analysis_jobs_lease_idx;

-- The gateway's time estimate (the last 50 completed jobs of a type): a 50-entry read instead of
-- reading every completed job of the type (222 ms at 300k rows in the review).
create index analysis_jobs_estimate_idx on public.analysis_jobs (type, completed_at desc) where status = 'completed';

-- Room on each page for the new version of a row (claim, renewal, settle touch the same row within
-- seconds), so HOT updates can stay on the page; and vacuum/analyze that follow a queue's churn
-- (the defaults wait for 20 % of the table to be dead, which in a table of millions of finished
-- rows means the few thousand live queue rows rot for days).
alter table public.analysis_jobs set (
  fillfactor = 85,
  autovacuum_vacuum_scale_factor = 0.01,
  autovacuum_analyze_scale_factor = 0.02,
  autovacuum_vacuum_insert_scale_factor = 0.05
);
