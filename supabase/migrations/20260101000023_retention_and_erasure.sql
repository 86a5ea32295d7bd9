-- GENERATED from sql/ by scripts/supabase-migrations.ts: edit sql/, then run npm run supabase:migrations
-- LGPD: how long health data is kept, and how a person's data goes away.
--
-- Retention (run by every daemon's sweep, src/retention/retention.ts, in small batches): finished
-- jobs are deleted after JOB_RETENTION_DAYS; photos, PDFs and media URLs leave the input of finished
-- jobs after JOB_INPUT_RETENTION_HOURS. Two partial indexes make both cheap whatever the table's size:
-- each holds only the rows that statement is looking for, ordered by age.
create index analysis_jobs_finished_idx on public.analysis_jobs ((coalesce(completed_at, created_at)))
  where status in ('completed', 'failed', 'cancelled');

-- Rows still carrying media; a stripped row leaves this index, so the sweep never revisits it.
create index analysis_jobs_finished_media_idx on public.analysis_jobs ((coalesce(completed_at, created_at)))
  where status in ('completed', 'failed', 'cancelled')
    and (input ?| array['image_base64', 'document_base64', 'image_url'] or (input -> 'media') ?| array['base64', 'url']);

-- Personal cache entries older than the job retention (whatever TTL they were given).
create index analysis_cache_personal_created_idx on public.analysis_cache (created_at)
  where type in ('sofia_image', 'medical_exam', 'unified_assistant', 'whatsapp_message');

-- Erasure: deleting a user from auth.users (Supabase Auth's "delete user") erases their jobs, the
-- outcome ledger rows (on delete cascade) and the personal cache entries their jobs produced. Shared
-- meal-plan entries are not personal (see src/cache/key.ts) and stay.
-- SECURITY DEFINER: Supabase Auth deletes users as supabase_auth_admin, which has no rights here.
create function public.ai_worker_erase_user() returns trigger
  language plpgsql
  security definer
  set search_path = pg_catalog, public
  as $$
begin
  delete from public.analysis_cache c
   using public.analysis_jobs j
   where j.user_id = old.id and j.cache_key is not null and c.cache_key = j.cache_key
     and c.type in ('sofia_image', 'medical_exam', 'unified_assistant', 'whatsapp_message');
  delete from public.analysis_jobs where user_id = old.id;
  return old;
end
$$;

-- Only where auth.users exists (Supabase); plain PostgreSQL has no users to delete.
do $$
begin
  if to_regclass('auth.users') is not null then
    execute 'create trigger ai_worker_erase_user after delete on auth.users for each row execute function public.ai_worker_erase_user()';
  end if;
end
$$;

-- WhatsApp senders are phone numbers, not auth users: every WhatsApp job is owned by the service
-- identity (WHATSAPP_SERVICE_USER_ID) and names its sender in input.from. A sender's erasure request
-- is answered by phone number: `select public.erase_whatsapp_sender('5511999990000')` returns the
-- number of jobs erased. (Their personal cache entries are keyed by a hash of the sender and expire
-- with their TTL.) Deleting the service identity itself from auth.users erases every WhatsApp job.
create function public.erase_whatsapp_sender(phone text) returns integer
  language sql
  set search_path = pg_catalog, public
  as $$
    with gone as (
      delete from public.analysis_jobs where type = 'whatsapp_message' and input ->> 'from' = phone returning 1
    )
    select count(*)::integer from gone
  $$;

revoke all on function public.ai_worker_erase_user() from public, anon, authenticated;
revoke all on function public.erase_whatsapp_sender(text) from public, anon, authenticated;
grant execute on function public.erase_whatsapp_sender(text) to service_role;
