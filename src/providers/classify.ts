// Every provider outcome becomes one of the typed errors in src/errors.ts, so retry, breaker, chain
// and queue all decide on `kind` alone and never on a vendor's error shape.
import { JobError, PermanentError, RetryAfterError, TransientError, toError } from '../errors.ts';
import type { ProviderName, ProviderOutcome } from '../events.ts';
import { connectionErrorCode } from '../net/connection-error.ts';
import { hasCode } from '../error-codes.ts';

/** A non-2xx answer from a provider we call with plain fetch (YOLO, WhatsApp). */
export class HttpStatusError extends Error {
  readonly status: number;
  readonly retryAfterMs: number | undefined;
  constructor(status: number, message: string, retryAfterMs?: number) {
    super(message);
    this.name = 'HttpStatusError';
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** The provider answered 2xx but with a body we cannot use (garbage JSON, missing fields). */
export class BadResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadResponseError';
  }
}

export interface ClassifyContext {
  provider: ProviderName;
  model?: string;
  /** Known when the vendor error carries it (429 Retry-After, Google RetryInfo). */
  retryAfterMs?: number;
}

/** Default wait for a 429 that names no delay: long enough not to hammer, short enough to stay in-job. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 5_000;

/** The HTTP status carried by any of the vendor errors we meet, if any. */
export function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { status?: unknown; status_code?: unknown; name?: unknown };
  // ollama's ResponseError is not exported: recognise it by shape.
  if (e.name === 'ResponseError' && typeof e.status_code === 'number') return e.status_code;
  if (typeof e.status === 'number' && e.status >= 100 && e.status < 600) return e.status;
  return undefined;
}

/** Map a status (and its message) to a typed error. */
export function classifyStatus(status: number, message: string, ctx: ClassifyContext, cause?: unknown): JobError {
  const o = cause === undefined ? undefined : { cause };
  const who = ctx.model ? `${ctx.provider} (${ctx.model})` : ctx.provider;
  const text = `${who}: HTTP ${status}: ${truncate(message)}`;
  if (status === 429) {
    return new RetryAfterError('rate_limited', text, ctx.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS, o);
  }
  if (status === 404 && ctx.provider === 'ollama' && /model.*not found/i.test(message)) {
    // The daemon cannot heal this by retrying: an operator has to fetch the model.
    const model = ctx.model ?? 'the model';
    return new PermanentError('model_not_found', `${who}: model not found on the Ollama server; run \`ollama pull ${model}\` on that host`);
  }
  if (status === 404) return new PermanentError('not_found', text, o);
  if (status === 401) return new PermanentError('unauthorized', text, o);
  if (status === 403) return new PermanentError('forbidden', text, o);
  if (status === 408) return new TransientError('timeout', text, o);
  if (status === 503) return new TransientError('overloaded', text, o);
  if (status >= 500) return new TransientError('provider_error', text, o);
  if (status >= 400) return new PermanentError('bad_request', text, o);
  return new TransientError('provider_error', text, o);
}

function networkCode(err: Error): string | undefined {
  const code = connectionErrorCode(err);
  // A fetch that failed without a socket code keeps its own name in metrics.
  return code === 'connection_lost' ? 'fetch_failed' : code;
}

/**
 * Classify anything a provider call threw. Abort reasons (timeout vs. the job's own signal) are
 * decided by the caller, which knows which signal fired; here an AbortError is a timeout.
 */
export function classifyError(thrown: unknown, ctx: ClassifyContext): JobError {
  if (thrown instanceof JobError) return thrown;
  const err = toError(thrown);
  const who = ctx.model ? `${ctx.provider} (${ctx.model})` : ctx.provider;
  const status = statusOf(err);
  if (status !== undefined) {
    const retryAfterMs = ctx.retryAfterMs ?? (err instanceof HttpStatusError ? err.retryAfterMs : undefined);
    return classifyStatus(status, vendorMessage(err), { ...ctx, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) }, err);
  }
  if (err.name === 'AbortError' || err.name === 'TimeoutError') {
    return new TransientError('timeout', `${who}: request timed out`, { cause: err });
  }
  if (err instanceof BadResponseError) return new TransientError('bad_response', `${who}: ${truncate(err.message)}`, { cause: err });
  if (err instanceof SyntaxError) return new TransientError('bad_response', `${who}: unparseable response`, { cause: err });
  const code = networkCode(err);
  if (code) return new TransientError('network_error', `${who}: network error (${code})`, { cause: err });
  return new TransientError('provider_error', `${who}: ${truncate(err.message || err.name)}`, { cause: err });
}

/** Google errors arrive as the JSON envelope stringified into the message; keep only its message. */
function vendorMessage(err: Error): string {
  const parsed = parseGoogleEnvelope(err.message);
  return parsed?.message ?? err.message;
}

export interface GoogleErrorEnvelope {
  code?: number;
  message?: string;
  status?: string;
  details?: Array<Record<string, unknown>>;
}

export function parseGoogleEnvelope(message: string): GoogleErrorEnvelope | undefined {
  if (!message.startsWith('{')) return undefined;
  try {
    const body = JSON.parse(message) as { error?: GoogleErrorEnvelope };
    return body && typeof body.error === 'object' ? body.error : undefined;
  } catch {
    return undefined;
  }
}

/** `google.rpc.RetryInfo.retryDelay` is a protobuf Duration in JSON form: "7s", "1.5s", "0.250s". */
export function parseGoogleRetryDelay(details: unknown): number | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const d of details) {
    if (typeof d !== 'object' || d === null) continue;
    const type = (d as Record<string, unknown>)['@type'];
    const delay = (d as Record<string, unknown>)['retryDelay'];
    if (typeof type === 'string' && type.endsWith('google.rpc.RetryInfo') && typeof delay === 'string') {
      const m = /^(\d+(?:\.\d+)?)s$/.exec(delay.trim());
      if (m) return Math.round(Number(m[1]) * 1000);
    }
  }
  return undefined;
}

/** HTTP Retry-After: delta-seconds or an HTTP date. */
export function parseRetryAfterHeader(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The `provider:call` outcome label for an error. */
export function outcomeOf(err: JobError): ProviderOutcome {
  if (err.kind === 'cancelled') return 'cancelled';
  if (hasCode(err, 'circuit_open')) return 'circuit_open';
  if (err.kind === 'retry_after') return 'rate_limited';
  if (hasCode(err, 'timeout')) return 'timeout';
  if (err.kind === 'permanent') return 'rejected';
  return 'error';
}

function truncate(s: string, max = 300): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
