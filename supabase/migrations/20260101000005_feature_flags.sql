-- GENERATED from sql/ by scripts/supabase-migrations.ts: edit sql/, then run npm run supabase:migrations
-- Rollout flags for the gateway's AI functions (SOFIA_USE_ASYNC, …). A row here overrides the
-- function's environment variable; the gateway re-reads the table at most every 30 s, so a rollback
-- is one UPDATE and no redeploy. Values: 'false', 'true', or a percentage of users such as '10%'
-- or '12.5%' (a user's side is a pure function of the flag and the user id).
create table public.feature_flags (
  name        text primary key,
  value       text not null,
  updated_at  timestamptz not null default now(),
  constraint feature_flags_name_check check (name ~ '^[A-Z][A-Z0-9_]{0,62}$'),
  constraint feature_flags_value_check
    check (value ~ '^(true|false|(100(\.0{1,2})?|[0-9]{1,2}(\.[0-9]{1,2})?)%)$')
);

create trigger feature_flags_touch_updated_at
  before update on public.feature_flags
  for each row execute function public.touch_updated_at();

-- Operators and the gateway (as owner or service_role) only: app users must not steer rollouts.
alter table public.feature_flags enable row level security;
revoke all on public.feature_flags from public, anon, authenticated;
grant all on public.feature_flags to service_role;
