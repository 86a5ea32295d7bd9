// The gateway: eight web-standard `(req: Request) => Promise<Response>` handlers, written once and
// served by Deno.serve on Supabase (supabase/functions/<name>/index.ts) and by the daemon's fastify
// under /functions/v1/<name> (src/http/functions.ts).
import type pg from 'pg';
import { TokenVerifier } from './auth.ts';
import { AI_FUNCTIONS, aiFunction } from './ai-functions.ts';
import { readGatewayConfig, type EnvGetter, type GatewayConfig } from './config.ts';
import type { GatewayContext, GatewayEvent, GatewayRequestLog } from './context.ts';
import { acquirePool, releasePool } from './db.ts';
import { FlagStore } from './flags.ts';
import { json, type Handler } from './http.ts';
import type { RunInline } from './inline.ts';
import { JobService } from './jobs.ts';
import { cancelAnalysis, enqueueAnalysis, getAnalysisStatus } from './queue-functions.ts';
import { RateLimiter } from './rate-limit.ts';
import { whatsappAssistant } from './whatsapp.ts';

export const FUNCTION_NAMES = [
  'enqueue-analysis',
  'get-analysis-status',
  'cancel-analysis',
  'sofia-image-analysis',
  'analyze-medical-exam',
  'unified-ai-assistant',
  'whatsapp-ai-assistant',
  'generate-meal-plan-taco',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export function isFunctionName(name: string): name is FunctionName {
  return (FUNCTION_NAMES as readonly string[]).includes(name);
}

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

export interface Gateway {
  config: GatewayConfig;
  handlers: Record<FunctionName, Handler>;
  /** Dispatch by function name; unknown names answer 404 in the documented error shape. */
  handle(name: string, req: Request): Promise<Response>;
  flags: FlagStore;
  /** Releases the module-level pool share (if used). Idempotent. */
  close(): Promise<void>;
}

export function createGateway(options: GatewayOptions): Gateway {
  const base = readGatewayConfig(options.env);
  const config: GatewayConfig = {
    ...base,
    flagCacheTtlMs: options.flagCacheTtlMs ?? base.flagCacheTtlMs,
    syncBudgetMs: options.syncBudgetMs ?? base.syncBudgetMs,
  };
  const now = options.now ?? (() => Date.now());
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
    workLimiter: new RateLimiter(config.rateLimitPerMinute, now),
    statusLimiter: new RateLimiter(config.statusRateLimitPerMinute, now),
    pool,
    runInline,
    emit: options.onEvent ?? (() => {}),
    logRequest: options.onRequest ?? printRequestLine,
  };
  const handlers: Record<FunctionName, Handler> = {
    'enqueue-analysis': enqueueAnalysis(ctx),
    'get-analysis-status': getAnalysisStatus(ctx),
    'cancel-analysis': cancelAnalysis(ctx),
    'sofia-image-analysis': aiFunction(ctx, 'sofia-image-analysis'),
    'analyze-medical-exam': aiFunction(ctx, 'analyze-medical-exam'),
    'unified-ai-assistant': aiFunction(ctx, 'unified-ai-assistant'),
    'whatsapp-ai-assistant': whatsappAssistant(ctx),
    'generate-meal-plan-taco': aiFunction(ctx, 'generate-meal-plan-taco'),
  };
  return {
    config,
    handlers,
    flags: ctx.flags,
    handle: (name, req) =>
      isFunctionName(name) ? handlers[name](req) : Promise.resolve(json(404, { error: { code: 'function_not_found', message: `no function named ${name}` } })),
    close: async () => {
      if (closed) return;
      closed = true;
      if (owned) await releasePool(owned);
    },
  };
}

export { AI_FUNCTIONS };
export type { EnvGetter, GatewayConfig } from './config.ts';
export { envFromRecord, readGatewayConfig, MAX_FLAG_CACHE_TTL_MS, DEFAULT_WHATSAPP_SERVICE_USER_ID } from './config.ts';
export type { GatewayEvent, GatewayRequestLog } from './context.ts';
export { FLAG_NAMES, flagBucket, isAsyncFor, parseFlagValue, FlagStore, type FlagName, type FlagValue } from './flags.ts';
export type { Handler } from './http.ts';
export { CORS_HEADERS } from './http.ts';
export { runInlineFromRegistry, loadBundledRunInline, SyncUnavailableError, type RunInline, type InlineContext } from './inline.ts';
export { verifyWhatsappSignature } from './whatsapp.ts';
