-- GENERATED from sql/ by scripts/supabase-migrations.ts: edit sql/, then run npm run supabase:migrations
-- Least privilege for the API roles on Supabase. Supabase grants ALL on every new table, sequence and
-- function in `public` to anon, authenticated and service_role by default (ALTER DEFAULT PRIVILEGES
-- for the role that runs migrations), and `revoke ... from public` does not undo those explicit grants.
-- Left alone, the public anon key could rewrite ai_worker_migrations through PostgREST (a changed
-- checksum stops every daemon at start; a forged row skips a future migration), use the identity
-- sequences and call every function. What app users keep: SELECT on analysis_jobs (under RLS) and
-- EXECUTE on request_analysis_cancel. test/supabase-grants.test.ts asserts exactly that.
--
-- The default privileges themselves are left as they are: they belong to the app's project, whose
-- own tables may rely on them. Every later migration that creates an object therefore revokes from
-- anon and authenticated itself (see docs/security.md).

-- The ledger is created by 000 (re-run before every migration, so it stays untouched); its grants
-- are fixed here once. Row-level security with no policy: even a grant added by mistake reads nothing.
revoke all on table public.ai_worker_migrations from public, anon, authenticated;
alter table public.ai_worker_migrations enable row level security;

do $$
declare
  seq text;
begin
  foreach seq in array array[
    pg_get_serial_sequence('public.analysis_cache', 'id'),
    pg_get_serial_sequence('public.analysis_job_outcomes', 'id')
  ] loop
    if seq is not null then
      execute format('revoke all on sequence %s from public, anon, authenticated', seq);
    end if;
  end loop;
end
$$;

-- Trigger functions are run by their triggers whoever writes; nobody needs to call them.
revoke all on function public.touch_updated_at() from public, anon, authenticated;
revoke all on function public.analysis_jobs_notify_insert() from public, anon, authenticated;
revoke all on function public.analysis_jobs_record_outcome() from public, anon, authenticated;
revoke all on function public.cleanup_expired_analysis_cache() from public, anon, authenticated;
revoke all on function public.request_analysis_cancel(uuid) from public, anon;
