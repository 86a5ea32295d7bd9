// What every function handler shares within one gateway instance: settings, the token verifier, the
// rate limiters, the flag cache, the job service and the (optional) inline runner.
import type pg from 'pg';
import type { TokenVerifier } from './auth.ts';
import type { GatewayConfig } from './config.ts';
import { unavailable, isUnavailable } from './db.ts';
import type { FlagStore } from './flags.ts';
import { HttpError, preflight, type Handler } from './http.ts';
import type { RunInline } from './inline.ts';
import type { JobService } from './jobs.ts';
import type { TokenBucketLimiter } from './rate-limit.ts';

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

/**
 * One line per function request: what operators need to see a 500 or a fallback in production, and
 * nothing personal (no user id, body, token or result). On Supabase it is printed to stdout as
 * JSON (the function's log); on the daemon's functions host it goes to pino and /metrics.
 */
export interface GatewayRequestLog {
  event: 'gateway_request';
  function: string;
  method: string;
  status: number;
  /** sync, async or cache for the functions that route work; mixed for a WhatsApp batch of both. */
  mode?: 'sync' | 'async' | 'cache' | 'mixed';
  /** Why the routing left the flag's choice (no_worker, sync_timeout…). */
  fallback?: string;
  /** The error code answered (4xx/5xx), or the error's class for a 500. */
  code?: string;
  duration_ms: number;
  request_id: string;
}

type RouteNote = Partial<Pick<GatewayRequestLog, 'mode' | 'fallback'>>;
const notes = new WeakMap<Request, RouteNote>();

/** Records how a request was routed, for its summary line (several notes merge: a WhatsApp batch). */
export function noteRoute(req: Request, note: RouteNote): void {
  const prev = notes.get(req);
  if (!prev) {
    notes.set(req, { ...note });
    return;
  }
  if (note.mode && prev.mode && note.mode !== prev.mode) prev.mode = 'mixed';
  else prev.mode ??= note.mode;
  prev.fallback ??= note.fallback;
}

const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The platform's request id when one came with the request (Supabase: sb-request-id), else a new one. */
function requestIdOf(req: Request): string {
  for (const name of ['sb-request-id', 'x-request-id']) {
    const v = req.headers.get(name);
    if (v && REQUEST_ID_RE.test(v)) return v;
  }
  return crypto.randomUUID();
}

export interface GatewayContext {
  config: GatewayConfig;
  verifier: TokenVerifier;
  jobs: JobService;
  flags: FlagStore;
  workLimiter: TokenBucketLimiter;
  statusLimiter: TokenBucketLimiter;
  pool: () => pg.Pool;
  /** Resolves to undefined when no handler set is available here (sync unavailable → enqueue). */
  runInline: () => Promise<RunInline | undefined>;
  emit: (e: GatewayEvent) => void;
  /** The per-request summary line (stdout JSON by default). */
  logRequest: (line: GatewayRequestLog) => void;
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
    const requestId = requestIdOf(req);
    let res: Response;
    let code: string | undefined;
    try {
      res = await handler(req);
    } catch (err) {
      if (err instanceof HttpError) {
        res = err.toResponse();
        code = err.code;
      } else if (isUnavailable(err)) {
        res = unavailable().toResponse();
        code = 'database_unavailable';
      } else {
        code = (err as Error)?.name ?? 'unknown';
        ctx.emit({ fn, event: 'error', code });
        res = new HttpError(500, 'internal', 'internal error').toResponse();
      }
    }
    const ms = performance.now() - started;
    ctx.emit({ fn, event: 'response', status: res.status, ms });
    const note = notes.get(req);
    try {
      res.headers.set('x-request-id', requestId);
    } catch {
      // A response with immutable headers (none today) keeps its own.
    }
    try {
      ctx.logRequest({
        event: 'gateway_request',
        function: fn,
        method: req.method,
        status: res.status,
        ...(note?.mode ? { mode: note.mode } : {}),
        ...(note?.fallback ? { fallback: note.fallback } : {}),
        ...(code ? { code } : {}),
        duration_ms: Math.round(ms * 10) / 10,
        request_id: requestId,
      });
    } catch {
      // A failing log sink must not fail the request.
    }
    return res;
  };
}

export function rateLimit(limiter: TokenBucketLimiter, key: string): void {
  const d = limiter.take(key);
  if (!d.allowed) {
    throw new HttpError(429, 'rate_limited', `too many requests; retry in ${d.retryAfterSeconds} s`, {
      headers: { 'Retry-After': String(d.retryAfterSeconds) },
    });
  }
}
