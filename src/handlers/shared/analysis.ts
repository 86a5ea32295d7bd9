// What every analysis shares: the services it runs on, the per-job context (whose `calls` array
// collects every provider request of the job, including those of an analysis run inside a WhatsApp
// turn), and the conversion to the worker's HandlerResult.
import type pg from 'pg';
import type { ResultCache } from '../../cache/cached.ts';
import type { AppConfig } from '../../config.ts';
import { JobError, TransientError, RetryAfterError } from '../../errors.ts';
import type { JobErrorCode } from '../../error-codes.ts';
import type { EventBus } from '../../events.ts';
import type { TacoTable } from '../../nutrition/taco.ts';
import type { CallRecord, Providers, TextRequest, TextResult } from '../../providers/index.ts';
import type { HandlerResult, JobContext, ProviderCallRecord } from '../types.ts';

export interface AnalysisDeps {
  pool: pg.Pool;
  providers: Providers;
  events: EventBus;
  config: AppConfig;
  cache: ResultCache;
  /** The TACO table, parsed once per process on first use. */
  taco: () => TacoTable;
}

export interface AnalysisContext {
  jobId: string;
  userId: string;
  /** Whose personal cache entries this analysis reads and writes: the user, or a WhatsApp sender. */
  cacheScope: string;
  attempt: number;
  maxAttempts: number;
  signal: AbortSignal;
  /** Appended to by every provider call of the job. */
  calls: CallRecord[];
}

export interface AnalysisOutcome<R> {
  result: R;
  /** Who produced the result's substance (detector, transcriber or writer), when a model did. */
  provider?: string | undefined;
  model?: string | undefined;
  cacheKey?: string | undefined;
  cached: boolean;
}

export function analysisContext(ctx: JobContext): AnalysisContext {
  return {
    jobId: ctx.jobId,
    userId: ctx.userId,
    cacheScope: ctx.userId,
    attempt: ctx.attempt,
    maxAttempts: ctx.maxAttempts,
    signal: ctx.signal,
    calls: ctx.calls,
  };
}

export function validateOptions(config: AppConfig) {
  return { maxImageBytes: config.maxImageBytes, maxDocumentBytes: config.safety.maxDocumentBytes, allowHttp: config.allowHttpImageUrls };
}

export function toHandlerResult(outcome: AnalysisOutcome<unknown>, calls: CallRecord[]): HandlerResult {
  // The worker's record type leaves unknown token counts out rather than null.
  const records: ProviderCallRecord[] = calls.map((c) => {
    const r: ProviderCallRecord = { provider: c.provider, model: c.model, ok: c.ok, ms: c.ms };
    if (c.input_tokens !== null) r.input_tokens = c.input_tokens;
    if (c.output_tokens !== null) r.output_tokens = c.output_tokens;
    if (c.error_code !== undefined) r.error_code = c.error_code;
    return r;
  });
  const out: HandlerResult = { result: outcome.result, calls: records };
  if (outcome.provider) out.provider = outcome.provider;
  if (outcome.model) out.model = outcome.model;
  if (outcome.cacheKey) out.cacheKey = outcome.cacheKey;
  return out;
}

export function isCancellation(err: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (err instanceof JobError && err.kind === 'cancelled');
}

/**
 * A text-model answer where the model only adds to a result that stands without it (a comment,
 * tips, a summary with a deterministic fallback): null when every model failed, so the job still
 * completes. Cancellation is never swallowed.
 */
export async function optionalText(deps: AnalysisDeps, req: Omit<TextRequest, 'signal' | 'calls'>, actx: AnalysisContext): Promise<TextResult | null> {
  try {
    return await deps.providers.text({ ...req, signal: actx.signal, calls: actx.calls });
  } catch (err) {
    if (isCancellation(err, actx.signal)) throw err;
    return null;
  }
}

/**
 * Re-labels the "every provider failed" error of a step the result cannot do without, keeping its
 * kind (a rate limit still carries its wait; a permanent rejection stays permanent).
 */
export function requiredStepError(err: unknown, code: JobErrorCode, what: string): unknown {
  if (!(err instanceof JobError) || err.kind === 'cancelled') return err;
  const message = `${what}: ${err.message}`;
  if (err instanceof RetryAfterError) return new RetryAfterError(code, message, err.retryAfterMs, { cause: err });
  if (err.kind === 'transient') return new TransientError(code, message, { cause: err });
  return err;
}
