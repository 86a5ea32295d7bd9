// What every function handler shares within one gateway instance: settings, the token verifier, the
// rate limiters, the flag cache, the job service and the (optional) inline runner.
import type pg from 'pg';
import type { TokenVerifier } from './auth.ts';
import type { GatewayConfig } from './config.ts';
import { unavailable, isUnavailable } from './db.ts';
import type { FlagStore } from './flags.ts';
import { HttpError, json, preflight, type Handler } from './http.ts';
import type { RunInline } from './inline.ts';
import type { JobService } from './jobs.ts';
import type { RateLimiter } from './rate-limit.ts';

/** A gateway event for logs and metrics: names, codes and timings only, never payloads or tokens. */
export interface GatewayEvent {
  fn: string;
  event: string;
  status?: number;
  code?: string;
  mode?: string;
  fallback?: string;
  ms?: number;
}

export interface GatewayContext {
  config: GatewayConfig;
  verifier: TokenVerifier;
  jobs: JobService;
  flags: FlagStore;
  workLimiter: RateLimiter;
  statusLimiter: RateLimiter;
  pool: () => pg.Pool;
  /** Resolves to undefined when no handler set is available here (sync unavailable → enqueue). */
  runInline: () => Promise<RunInline | undefined>;
  emit: (e: GatewayEvent) => void;
}

/**
 * The common frame of a function: CORS preflight, then the handler, with every failure turned into
 * the documented JSON error (503 with Retry-After for a database outage, 500 without details for a
 * bug — the detail goes to the event, never to the client).
 */
export function frame(ctx: GatewayContext, fn: string, handler: Handler): Handler {
  return async (req) => {
    if (req.method === 'OPTIONS') return preflight();
    const started = performance.now();
    let res: Response;
    try {
      res = await handler(req);
    } catch (err) {
      if (err instanceof HttpError) res = err.toResponse();
      else if (isUnavailable(err)) res = unavailable().toResponse();
      else {
        ctx.emit({ fn, event: 'error', code: (err as Error)?.name ?? 'unknown' });
        res = json(500, { error: { code: 'internal', message: 'internal error' } });
      }
    }
    ctx.emit({ fn, event: 'response', status: res.status, ms: performance.now() - started });
    return res;
  };
}

export function rateLimit(limiter: RateLimiter, key: string): void {
  const d = limiter.take(key);
  if (!d.allowed) {
    throw new HttpError(429, 'rate_limited', `too many requests; retry in ${d.retryAfterSeconds} s`, { headers: { 'Retry-After': String(d.retryAfterSeconds) } });
  }
}
