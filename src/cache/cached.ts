// The worker's side of analysis_cache: read before any model is called, write after success.
// The cache is an optimisation, never a dependency: a failed lookup is a miss and a failed store is
// reported and ignored, so a cache problem cannot fail a job that could otherwise complete.
import type { EventBus } from '../events.ts';
import type { JobType } from '../job-inputs/job-types.ts';
import { lookupCache, storeCache } from './store.ts';
import type { SqlClient } from '../db/sql-client.ts';

/**
 * A result built while a model was down (no comment, no tips, the fallback summary) is kept only
 * this long: long enough to absorb a burst of identical requests, short enough that the full
 * result replaces it soon after the model is back.
 */
export const DEGRADED_TTL_SECONDS = 600;

export interface ResultCacheOptions {
  db: SqlClient;
  events: EventBus;
  /** Seconds per type; 0 = the type is never cached (chat turns). */
  ttlSeconds: Record<JobType, number>;
  degradedTtlSeconds?: number;
}

export class ResultCache {
  private readonly opts: ResultCacheOptions;

  constructor(opts: ResultCacheOptions) {
    this.opts = opts;
  }

  enabled(type: JobType): boolean {
    return (this.opts.ttlSeconds[type] ?? 0) > 0;
  }

  /** The cached result, or undefined on a miss (or when the lookup itself failed). */
  async get(type: JobType, key: string | undefined): Promise<unknown | undefined> {
    if (!key || !this.enabled(type)) return undefined;
    let result: unknown | undefined;
    try {
      result = await lookupCache(this.opts.db, key);
    } catch (err) {
      this.opts.events.emit('error', { where: 'cache_lookup', error: (err as Error).message });
      result = undefined;
    }
    this.opts.events.emit('cache:lookup', { type, hit: result !== undefined });
    return result;
  }

  async put(type: JobType, key: string | undefined, result: unknown, opts: { degraded?: boolean } = {}): Promise<void> {
    if (!key || !this.enabled(type)) return;
    const ttl = this.opts.ttlSeconds[type];
    const seconds = opts.degraded ? Math.min(ttl, this.opts.degradedTtlSeconds ?? DEGRADED_TTL_SECONDS) : ttl;
    try {
      await storeCache(this.opts.db, key, type, result, seconds);
    } catch (err) {
      this.opts.events.emit('error', { where: 'cache_store', error: (err as Error).message });
    }
  }
}
