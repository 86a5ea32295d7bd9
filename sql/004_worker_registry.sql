-- One row per daemon, upserted at start and on every heartbeat. It feeds /health/detailed, the
-- "worker offline" alert and the gateway's decision to fall back to the synchronous path.
create table public.ai_workers (
  id            text primary key,
  host          text not null,
  pid           integer not null,
  version       text not null,
  concurrency   integer not null,
  running       integer not null default 0,
  status        text not null default 'running',
  started_at    timestamptz not null default now(),
  last_seen_at  timestamptz not null default now(),
  stopped_at    timestamptz,
  constraint ai_workers_status_check check (status in ('running', 'stopping', 'stopped')),
  constraint ai_workers_concurrency_check check (concurrency > 0 and running >= 0)
);

create index ai_workers_last_seen_idx on public.ai_workers (last_seen_at desc);

alter table public.ai_workers enable row level security;
revoke all on public.ai_workers from public, anon, authenticated;
grant all on public.ai_workers to service_role;
