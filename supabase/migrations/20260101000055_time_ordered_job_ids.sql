-- GENERATED from sql/ by scripts/supabase-migrations.ts: edit sql/, then run npm run supabase:migrations
-- Time-ordered job ids and full pages for new rows (issue 15, "the same p50 within 1.2× with 5 million finished rows"). A random
-- UUID puts every new job's primary-key entry on a random leaf of an index that, at 5 M rows, no
-- longer fits the buffers the hot pages share: each insert reads a cold leaf and, after every
-- checkpoint, writes it whole to the WAL (a full-page write). On the empty table the same inserts
-- land on a handful of hot leaves. The tenth round measured the client's INSERT as what grows with
-- the table (bench/README.md). A UUID whose first 48 bits are the Unix time in milliseconds (the
-- RFC 9562 version 7 layout) appends at the right edge of the key like graphile-worker's bigserial,
-- whatever the table's size, and keeps 74 random bits, so an id is still not guessable. PostgreSQL
-- 15–17 have no uuidv7(); this is it in SQL. What it reveals: the job's creation millisecond, which
-- created_at already shows the same readers.
create function public.uuid_v7() returns uuid
  language sql
  volatile
  parallel safe
  as $$
  -- Bytes 0–5 the milliseconds since the epoch; bits 52 and 53 turn gen_random_uuid()'s version
  -- nibble 0100 into 0111; the variant bits stay as gen_random_uuid() set them.
  select encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
        placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
        from 1 for 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;
revoke all on function public.uuid_v7() from public, anon, authenticated;
-- Whoever inserts jobs evaluates the default: the server's role, as for the table (sql/002).
grant execute on function public.uuid_v7() to service_role;

alter table public.analysis_jobs alter column id set default public.uuid_v7();

-- The fillfactor of 85 that sql/032 set (room on a page for the next version of a row) is taken back.
-- No claim or settle can be a HOT update (each moves `status`, which partial-index predicates read), so
-- the room served lease renewals only, and it cost every insert: a finished row is never updated again,
-- so the 15 % it leaves free on every old page is filled by new rows, one small job at a time, each in a
-- page nothing has touched since the last checkpoint — a page read from outside shared_buffers when the
-- table outgrows them, and a full-page write. With the default of 100, a new row goes to the page the
-- last insert filled, and the updates that follow find room as page pruning frees the dead versions the
-- queue's churn leaves. Counted with pg_walinspect over 20 single-row inserts after a CHECKPOINT on
-- 300,000 finished rows (a .scratch probe; `npx tsx bench/queue-insert-wal.ts` measures the same at
-- 5 M): full-page writes in the heap 20 of 20 at fillfactor 85, 1 of 20 at 100; in the primary key 19
-- of 20 with random ids, 1 of 20 with uuid_v7(); in `(user_id, created_at)` 20 of 20 either way (each
-- job of the probe has a new user). Pages already filled at 85 % take new rows until their room is
-- used; rows written from now on fill their pages.
alter table public.analysis_jobs reset (fillfactor);
