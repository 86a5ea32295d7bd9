-- request_analysis_cancel decides who is privileged from the role the caller really runs as, never
-- from settings a caller can write: request.jwt.claims (read by auth.role()) is a plain setting that
-- any SQL session may set to {"role":"service_role"}, which made every user an operator. The `role`
-- setting, by contrast, can only name a role the session is a member of (SET ROLE checks it).
--
-- Privileged: the service_role, a superuser, a role that bypasses RLS (the daemon's and operators'
-- direct connection on Supabase, `postgres`), or the owner of analysis_jobs.
create or replace function public.request_analysis_cancel(job_id uuid) returns text
  language plpgsql
  security definer
  set search_path = pg_catalog, public
  as $$
declare
  -- Inside SECURITY DEFINER current_user is the owner; the `role` setting still names the caller's
  -- SET ROLE, and 'none' means the session user itself.
  caller name := case when current_setting('role') = 'none' then session_user else current_setting('role')::name end;
  privileged boolean := exists (
    select 1 from pg_roles r
     where r.rolname = caller
       and (r.rolname = 'service_role' or r.rolsuper or r.rolbypassrls
            or r.oid = (select relowner from pg_class where oid = 'public.analysis_jobs'::regclass)));
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

revoke all on function public.request_analysis_cancel(uuid) from public, anon;
grant execute on function public.request_analysis_cancel(uuid) to authenticated, service_role;
