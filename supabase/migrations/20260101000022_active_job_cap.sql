-- GENERATED from sql/ by scripts/supabase-migrations.ts: edit sql/, then run npm run supabase:migrations
-- The per-user cap on active (pending + processing) jobs, checked by the gateway's insert. A function
-- rather than a trigger: operators' and benchmarks' bulk inserts go straight to the table, uncapped.
--
-- Atomic: a transaction-scoped advisory lock per user serialises that user's inserts, and each
-- statement after it takes a fresh snapshot (READ COMMITTED, plpgsql), so the count sees every row a
-- concurrent insert committed before the lock was granted. Two requests at the edge of the cap cannot
-- both slip under it. Other users' inserts never wait on it.
--
-- outcome: 'inserted' | 'existing' (same idempotency key: that job, whatever the cap) | 'too_many_active'.

-- What the count reads: small (only live jobs), however long finished jobs are kept.
create index analysis_jobs_active_user_idx on public.analysis_jobs (user_id) where status in ('pending', 'processing');

create function public.enqueue_analysis_job(
  p_user_id uuid, p_type text, p_input jsonb, p_priority smallint, p_idempotency_key text,
  p_cache_key text, p_handler_version text, p_max_active integer
) returns table (id uuid, status text, result jsonb, error jsonb, outcome text)
  language plpgsql
  set search_path = pg_catalog, public
  as $$
declare
  active integer;
begin
  perform pg_advisory_xact_lock(hashtextextended('ai-worker:active:' || p_user_id::text, 0));
  if p_idempotency_key is not null then
    return query
      select j.id, j.status, j.result, j.error, 'existing'::text from public.analysis_jobs j
       where j.user_id = p_user_id and j.idempotency_key = p_idempotency_key;
    if found then return; end if;
  end if;
  if p_max_active is not null then
    select count(*) into active from (
      select 1 from public.analysis_jobs j
       where j.user_id = p_user_id and j.status in ('pending', 'processing')
       limit p_max_active) live;
    if active >= p_max_active then
      return query select null::uuid, null::text, null::jsonb, null::jsonb, 'too_many_active'::text;
      return;
    end if;
  end if;
  return query
    insert into public.analysis_jobs as j (user_id, type, input, priority, idempotency_key, cache_key, handler_version)
    values (p_user_id, p_type, p_input, p_priority, p_idempotency_key, p_cache_key, p_handler_version)
    on conflict (user_id, idempotency_key) where idempotency_key is not null do nothing
    returning j.id, j.status, j.result, j.error, 'inserted'::text;
end
$$;

-- The gateway calls it as the database owner (or service_role); app users never.
revoke all on function public.enqueue_analysis_job(uuid, text, jsonb, smallint, text, text, text, integer) from public, anon, authenticated;
grant execute on function public.enqueue_analysis_job(uuid, text, jsonb, smallint, text, text, text, integer) to service_role;
