-- Results keyed by hash(type, handler version, canonical input). Read by the gateway (a hit
-- answers at once, no job) and by the worker before any model call; written after success.
create table public.analysis_cache (
  id          bigint generated always as identity primary key,
  cache_key   text not null,
  type        text not null,
  result      jsonb not null,
  created_at  timestamptz not null default now(),
  -- null: never expires.
  expires_at  timestamptz,
  hits        integer not null default 0,
  last_hit_at timestamptz,
  constraint analysis_cache_key_check check (length(cache_key) between 1 and 200),
  constraint analysis_cache_expiry_check check (expires_at is null or expires_at > created_at)
);

create unique index analysis_cache_key_idx on public.analysis_cache (cache_key);
create index analysis_cache_expires_idx on public.analysis_cache (expires_at) where expires_at is not null;

-- No direct access for app users: results are served by the gateway, not read from the table.
alter table public.analysis_cache enable row level security;
revoke all on public.analysis_cache from public, anon, authenticated;
grant all on public.analysis_cache to service_role;

create function public.cleanup_expired_analysis_cache() returns integer
  language sql
  set search_path = pg_catalog, public
  as $$
    with gone as (
      delete from public.analysis_cache where expires_at <= now() returning 1
    )
    select count(*)::integer from gone
  $$;

revoke all on function public.cleanup_expired_analysis_cache() from public;
grant execute on function public.cleanup_expired_analysis_cache() to service_role;
