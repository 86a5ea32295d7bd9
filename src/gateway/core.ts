// What every gateway entry builds first: settings, the token verifier, the job service, the flag
// cache, the rate limiters, the pool (taken on first use) and the request log. Shared by the full
// gateway (index.ts: the daemon and the AI functions) and the queue functions' entry (queue.ts),
// which must stay free of the AI routing and the handler tree.
import type pg from 'pg';
import { TokenVerifier } from './auth.ts';
import { readGatewayConfig, type GatewayConfig } from './config.ts';
import type { EnvGetter } from '../env/reader.ts';
import type { GatewayContext, GatewayEvent, GatewayRequestLog } from './context.ts';
import { acquirePool, releasePool } from './db.ts';
import { FlagStore } from './flags.ts';
import type { RunInline } from './inline.ts';
import { JobService } from './jobs.ts';
import { TokenBucketLimiter } from './rate-limit.ts';

export interface GatewayOptions {
  /** Deno.env.get, or a getter over process.env / a test's record. */
  env: EnvGetter;
  /** The synchronous path (the daemon passes one built from its HandlerRegistry). */
  runInline?: RunInline;
  /**
   * Or a loader for it, called once on the first sync request (Deno entries: the bundled handler
   * set). Resolving to undefined, or neither option given, means sync is unavailable here and sync
   * requests are enqueued.
   */
  loadRunInline?: () => Promise<RunInline | undefined>;
  /** Use this pool instead of the module-level one (the caller ends it). */
  pool?: pg.Pool;
  /** Overrides GATEWAY_FLAG_CACHE_TTL_MS (tests use a short TTL). */
  flagCacheTtlMs?: number;
  /** Overrides SYNC_BUDGET_MS. */
  syncBudgetMs?: number;
  now?: () => number;
  /** Observability hook: names, codes, statuses and timings only. */
  onEvent?: (e: GatewayEvent) => void;
  /**
   * Receives the one summary line per request. Default: printed to stdout as one JSON line (the
   * Supabase function log); the daemon passes its own to reach pino and /metrics.
   */
  onRequest?: (line: GatewayRequestLog) => void;
}

/** The default request log: one JSON line on stdout, which Supabase keeps as the function's log. */
export function printRequestLine(line: GatewayRequestLog): void {
  console.log(JSON.stringify(line));
}

export interface GatewayCore {
  config: GatewayConfig;
  ctx: GatewayContext;
  /** Releases the module-level pool share (if used). Idempotent. */
  close(): Promise<void>;
}

export function createCore(options: GatewayOptions): GatewayCore {
  const base = readGatewayConfig(options.env);
  const config: GatewayConfig = {
    ...base,
    flagCacheTtlMs: options.flagCacheTtlMs ?? base.flagCacheTtlMs,
    syncBudgetMs: options.syncBudgetMs ?? base.syncBudgetMs,
  };
  const now = options.now ?? (() => Date.now());
  // On Supabase (the default sinks) a deprecated name is reported in the function's log; the daemon,
  // which passes its own sink, logs them through pino itself.
  if (!options.onRequest) for (const message of config.deprecated) console.warn(JSON.stringify({ event: 'deprecated_setting', message }));
  // The pool is taken on first use: building a gateway (a cold start) opens no connection.
  let owned: pg.Pool | undefined;
  let closed = false;
  const pool = (): pg.Pool => {
    if (options.pool) return options.pool;
    if (closed) throw new Error('gateway closed');
    owned ??= acquirePool(config.databaseUrl, config.db);
    return owned;
  };
  let inline: Promise<RunInline | undefined> | undefined;
  const runInline = (): Promise<RunInline | undefined> => {
    if (options.runInline) return Promise.resolve(options.runInline);
    const load = options.loadRunInline;
    if (!load) return Promise.resolve(undefined);
    inline ??= load().catch(() => undefined);
    return inline;
  };
  const ctx: GatewayContext = {
    config,
    verifier: new TokenVerifier(config),
    jobs: new JobService(pool, config, now),
    flags: new FlagStore({ envFlags: config.flags, db: async () => pool(), ttlMs: config.flagCacheTtlMs, now }),
    workLimiter: new TokenBucketLimiter(config.rateLimitPerMinute, now),
    statusLimiter: new TokenBucketLimiter(config.statusRateLimitPerMinute, now),
    pool,
    runInline,
    emit: options.onEvent ?? (() => {}),
    logRequest: options.onRequest ?? printRequestLine,
  };
  return {
    config,
    ctx,
    close: async () => {
      if (closed) return;
      closed = true;
      if (owned) await releasePool(owned);
    },
  };
}
