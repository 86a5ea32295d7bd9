-- GENERATED from sql/ by scripts/supabase-migrations.ts: edit sql/, then run npm run supabase:migrations
-- What the daemon's own alerting (ALERT_WEBHOOK_URL, for teams without Prometheus) remembers between
-- evaluations: one row per condition that is true now, pending until it has held for its rule's
-- duration, then firing. A condition that stops holding loses its row (and, if it was firing, a
-- "resolved" message goes out). Kept in the database, not in a daemon, so whichever daemon holds the
-- advisory lock at the next evaluation knows what was already sent: no repeats across daemons.
create table public.ai_worker_alerts (
  key         text primary key,            -- rule name, plus ':' and the subject for per-subject rules
  name        text not null,               -- the rule (QueueBacklog, WorkerOffline, ...)
  state       text not null,
  since       timestamptz not null,        -- when the condition was first seen true
  fired_at    timestamptz,
  value       double precision,
  updated_at  timestamptz not null default now(),
  constraint ai_worker_alerts_state_check check (state in ('pending', 'firing'))
);

create trigger ai_worker_alerts_touch_updated_at
  before update on public.ai_worker_alerts
  for each row execute function public.touch_updated_at();

alter table public.ai_worker_alerts enable row level security;
revoke all on public.ai_worker_alerts from public, anon, authenticated;
grant all on public.ai_worker_alerts to service_role;
