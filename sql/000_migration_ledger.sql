-- The ledger of applied migrations. The runner executes this file before every run, under its
-- advisory lock, so it must stay idempotent; it is not itself recorded in the ledger.
create table if not exists public.ai_worker_migrations (
  name        text primary key,
  checksum    text not null,
  applied_at  timestamptz not null default now()
);
