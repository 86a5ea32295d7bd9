-- GENERATED from sql/ by scripts/supabase-migrations.ts: edit sql/, then run npm run supabase:migrations
-- An external side effect that must happen at most once per job (the WhatsApp reply) is recorded
-- here by a fenced statement right after it happened. A later attempt of the same job (a lost lease,
-- a crash after the send, a timed-out handler's retry) finds it and does not repeat the effect.
alter table public.analysis_jobs add column delivery jsonb;
