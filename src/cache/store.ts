// The analysis_cache table's statements. Lookups count hits in the same statement that reads, and
// skip expired rows (the sweep deletes them later); a store replaces an older entry for the key.
import { storableJson } from '../db/storable.ts';
import type { JobType } from '../job-inputs/job-types.ts';
import type { SqlClient } from '../db/sql-client.ts';

const LOOKUP = `
update public.analysis_cache
   set hits = hits + 1, last_hit_at = now()
 where cache_key = $1 and (expires_at is null or expires_at > now())
returning result`;

export async function lookupCache(db: SqlClient, key: string): Promise<unknown | undefined> {
  const { rows } = await db.query<{ result: unknown }>(LOOKUP, [key]);
  return rows[0]?.result;
}

const STORE = `
insert into public.analysis_cache (cache_key, type, result, expires_at)
values ($1, $2, $3, case when $4::integer is null then null else now() + make_interval(secs => $4::integer) end)
on conflict (cache_key) do update
   set result = excluded.result, type = excluded.type, created_at = now(), expires_at = excluded.expires_at, hits = 0, last_hit_at = null`;

/** ttlSeconds: null keeps the entry until purged. */
export async function storeCache(db: SqlClient, key: string, type: JobType, result: unknown, ttlSeconds: number | null): Promise<void> {
  await db.query(STORE, [key, type, storableJson(result), ttlSeconds]);
}

const PURGE_ALL = 'with gone as (delete from public.analysis_cache returning 1) select count(*)::int as n from gone';
const PURGE_TYPE = 'with gone as (delete from public.analysis_cache where type = $1 returning 1) select count(*)::int as n from gone';

export async function purgeCache(db: SqlClient, type?: JobType): Promise<number> {
  const { rows } = type ? await db.query<{ n: number }>(PURGE_TYPE, [type]) : await db.query<{ n: number }>(PURGE_ALL);
  return rows[0]?.n ?? 0;
}

const CLEANUP_CACHE = 'select public.cleanup_expired_analysis_cache() as n';

/** Deletes expired entries (the worker's periodic sweep); returns how many went. */
export async function cleanupExpiredCache(db: SqlClient): Promise<number> {
  return (await db.query<{ n: number }>(CLEANUP_CACHE)).rows[0]?.n ?? 0;
}
