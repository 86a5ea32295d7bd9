// The worker registry: one row per daemon in ai_workers, upserted at start and on every heartbeat.
// last_seen_at comes from the database clock, so "offline for 5 minutes" means the same to everyone.
import type pg from 'pg';

type Queryable = Pick<pg.Pool, 'query'>;

export interface WorkerInfo {
  id: string;
  host: string;
  pid: number;
  version: string;
  concurrency: number;
}

export type WorkerStatus = 'running' | 'stopping' | 'stopped';

const UPSERT = `
insert into public.ai_workers (id, host, pid, version, concurrency, running, status, started_at, last_seen_at, stopped_at)
values ($1, $2, $3, $4, $5, $6, $7, now(), now(), null)
on conflict (id) do update
   set host = excluded.host, pid = excluded.pid, version = excluded.version, concurrency = excluded.concurrency,
       running = excluded.running, status = excluded.status, last_seen_at = now(),
       stopped_at = case when excluded.status = 'stopped' then now() else null end`;

export async function upsertWorker(db: Queryable, info: WorkerInfo, running: number, status: WorkerStatus): Promise<void> {
  await db.query(UPSERT, [info.id, info.host, info.pid, info.version, info.concurrency, running, status]);
}

export interface WorkerRow {
  id: string;
  host: string;
  pid: number;
  version: string;
  concurrency: number;
  running: number;
  status: WorkerStatus;
  started_at: Date;
  last_seen_at: Date;
  seconds_since_seen: number;
}

const RECENT = `
select id, host, pid, version, concurrency, running, status, started_at, last_seen_at,
       extract(epoch from now() - last_seen_at)::float8 as seconds_since_seen
  from public.ai_workers
 where last_seen_at > now() - make_interval(secs => $1)
 order by last_seen_at desc`;

export async function recentWorkers(db: Queryable, withinSeconds: number): Promise<WorkerRow[]> {
  return (await db.query<WorkerRow>(RECENT, [withinSeconds])).rows;
}

/** A registry row as /health/detailed and the ops overview show it (no pid, whole seconds). */
export function workerSummary(w: WorkerRow): {
  id: string;
  host: string;
  version: string;
  status: WorkerStatus;
  running: number;
  concurrency: number;
  last_seen_at: string;
  seconds_since_seen: number;
} {
  return {
    id: w.id,
    host: w.host,
    version: w.version,
    status: w.status,
    running: w.running,
    concurrency: w.concurrency,
    last_seen_at: w.last_seen_at.toISOString(),
    seconds_since_seen: Math.round(w.seconds_since_seen),
  };
}

const HOLDER = `
select host, pid, status, extract(epoch from now() - last_seen_at)::float8 as seconds_since_seen
  from public.ai_workers
 where id = $1 and status <> 'stopped' and last_seen_at > now() - make_interval(secs => $2)`;

/** The registry row of `id` if a daemon that has not stopped renewed it within `freshSeconds`. */
export async function freshHolder(
  db: Queryable,
  id: string,
  freshSeconds: number,
): Promise<{ host: string; pid: number; seconds_since_seen: number } | undefined> {
  return (await db.query<{ host: string; pid: number; seconds_since_seen: number }>(HOLDER, [id, freshSeconds])).rows[0];
}

/** Two live processes must not share a WORKER_ID: each would re-queue the other's running jobs at start. */
export class WorkerIdInUseError extends Error {}
