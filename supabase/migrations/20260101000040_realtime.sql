-- GENERATED from sql/ by scripts/supabase-migrations.ts: edit sql/, then run npm run supabase:migrations
-- Supabase Realtime for the app: status changes of a user's jobs reach that user's browser.
--
-- 1. Where the `supabase_realtime` publication exists (a Supabase project), analysis_jobs joins it,
--    so `postgres_changes` subscriptions work under RLS. No REPLICA IDENTITY FULL: updates carry the
--    new row, which is all the app needs, and the WAL stays as small as it is.
-- 2. Where the `realtime` schema exists, every status change (not a lease renewal, not a result
--    write without a status change) is broadcast on the private topic
--        analysis_jobs:<user_id>
--    (supabase-js: `supabase.channel('analysis_jobs:' + userId, { config: { private: true } })`,
--    event `status`) with a small payload: {id, type, status, error: {code} | null}. Never the input,
--    the result or the error message: the app fetches those through get-analysis-status, under RLS.
--    A policy on realtime.messages lets only that user read the topic.
--
-- On plain PostgreSQL neither exists and this migration changes nothing.

do $$
begin
  if exists (select 1 from pg_catalog.pg_publication where pubname = 'supabase_realtime' and not puballtables)
     and not exists (select 1 from pg_catalog.pg_publication_tables
                      where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'analysis_jobs') then
    alter publication supabase_realtime add table public.analysis_jobs;
  end if;
end
$$;

do $$
begin
  if to_regprocedure('realtime.send(jsonb, text, text, boolean)') is null
     or to_regclass('realtime.messages') is null then
    return;
  end if;

  -- security definer: the daemon's role need not be allowed to write realtime.messages.
  -- realtime.send itself swallows its own failures (a warning), so a broadcast can never fail a settle.
  execute $fn$
    create function public.analysis_jobs_broadcast_status() returns trigger
      language plpgsql
      security definer
      set search_path = pg_catalog, public
      as $body$
    begin
      perform realtime.send(
        jsonb_build_object(
          'id', new.id,
          'type', new.type,
          'status', new.status,
          'error', case when new.error is null then null else jsonb_build_object('code', new.error ->> 'code') end),
        'status',
        'analysis_jobs:' || new.user_id::text,
        true);
      return null;
    end
    $body$
  $fn$;
  revoke all on function public.analysis_jobs_broadcast_status() from public, anon, authenticated;

  -- `update of status` + the WHEN clause: the heartbeat's lease renewals (locked_until only) never fire it.
  execute $tg$
    create trigger analysis_jobs_broadcast_status
      after update of status on public.analysis_jobs
      for each row
      when (old.status is distinct from new.status)
      execute function public.analysis_jobs_broadcast_status()
  $tg$;

  -- Realtime authorises a private channel by reading realtime.messages as the joining user with
  -- realtime.topic() set to the channel's topic: this policy is what lets only the owner join.
  if not exists (select 1 from pg_catalog.pg_policies
                  where schemaname = 'realtime' and tablename = 'messages' and policyname = 'analysis_jobs_status_own_topic') then
    execute $pol$
      create policy analysis_jobs_status_own_topic on realtime.messages
        for select to authenticated
        using (
          realtime.messages.extension = 'broadcast'
          and (select realtime.topic()) = 'analysis_jobs:' || (select auth.uid())::text
        )
    $pol$;
  end if;
end
$$;
