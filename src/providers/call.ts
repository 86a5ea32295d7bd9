// The one path every provider request takes: breaker → rate limiter → deadline → attempt, inside
// the retry loop, with exactly one `provider:call` event and one `calls` record per attempt.
import { CancelledError, JobError, RetryAfterError, TransientError } from '../errors.ts';
import type { EventBus, ProviderName } from '../events.ts';
import type { CircuitBreaker } from './breaker.ts';
import { classifyError, outcomeOf, statusOf } from './classify.ts';
import type { RollingWindowLimiter } from './limiter.ts';
import { withRetry, type RetryOptions } from './retry.ts';
import { raceTimeout } from '../time/deadline.ts';
import { hasCode } from '../error-codes.ts';

/** What a job stores about each provider request that produced (or failed to produce) its result. */
export interface CallRecord {
  provider: ProviderName;
  model: string;
  ok: boolean;
  ms: number;
  input_tokens: number | null;
  output_tokens: number | null;
  error_code?: string;
}

export interface AttemptResult<T> {
  value: T;
  status?: number;
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
}

export interface CallDeps {
  events: EventBus;
  breaker: CircuitBreaker;
  retry: Omit<RetryOptions, 'signal' | 'provider' | 'onRetry'>;
  limiter?: RollingWindowLimiter | undefined;
}

export interface CallSpec {
  provider: ProviderName;
  model: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Appended to, one record per attempt, so a chain can return them all. */
  calls?: CallRecord[] | undefined;
}

export async function resilientCall<T>(deps: CallDeps, spec: CallSpec, attempt: (signal: AbortSignal) => Promise<AttemptResult<T>>): Promise<T> {
  const ctx = { provider: spec.provider, model: spec.model };
  return withRetry(
    async () => {
      const started = performance.now();
      try {
        const result = await deps.breaker.run(async () => {
          if (deps.limiter) await deps.limiter.acquire(spec.signal);
          return attemptWithTimeout(spec.timeoutMs, spec.signal, ctx, attempt);
        });
        record(deps.events, spec, started, { ok: true, status: result.status, inputTokens: result.inputTokens, outputTokens: result.outputTokens });
        return result.value;
      } catch (thrown) {
        const error = classifyError(thrown, ctx);
        // A 429 means the shared quota is spent: hold every other job too, not only this one.
        if (error instanceof RetryAfterError && !hasCode(error, 'circuit_open') && deps.limiter) deps.limiter.pauseUntil(Date.now() + error.retryAfterMs);
        record(deps.events, spec, started, { ok: false, error, status: statusOf(error.cause) });
        throw error;
      }
    },
    { ...deps.retry, signal: spec.signal, provider: spec.provider },
  );
}

function record(
  events: EventBus,
  spec: CallSpec,
  started: number,
  r: { ok: boolean; status?: number | undefined; error?: JobError; inputTokens?: number | undefined; outputTokens?: number | undefined },
): void {
  const ms = Math.round(performance.now() - started);
  events.emit('provider:call', {
    provider: spec.provider,
    model: spec.model,
    outcome: r.error ? outcomeOf(r.error) : 'ok',
    ...(r.status === undefined ? {} : { status: r.status }),
    ms,
    ...(r.inputTokens === undefined ? {} : { inputTokens: r.inputTokens }),
    ...(r.outputTokens === undefined ? {} : { outputTokens: r.outputTokens }),
  });
  spec.calls?.push({
    provider: spec.provider,
    model: spec.model,
    ok: r.ok,
    ms,
    input_tokens: r.inputTokens ?? null,
    output_tokens: r.outputTokens ?? null,
    ...(r.error ? { error_code: r.error.code } : {}),
  });
}

/**
 * Run one attempt under its own timeout and the job's signal. The race matters: a client that
 * ignores the signal (or a body that never ends) still gives the worker its slot back on time.
 */
export async function attemptWithTimeout<T>(
  timeoutMs: number,
  jobSignal: AbortSignal | undefined,
  ctx: { provider: ProviderName; model: string },
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (jobSignal?.aborted) throw new CancelledError('cancelled', `${ctx.provider}: call cancelled`);
  const ctl = new AbortController();
  let timedOut = false;
  const onJobAbort = () => ctl.abort();
  jobSignal?.addEventListener('abort', onJobAbort, { once: true });
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new DOMException('aborted', 'AbortError'));
    ctl.signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await raceTimeout(Promise.race([fn(ctl.signal), aborted]), timeoutMs, () => {
      timedOut = true;
      ctl.abort();
      throw new DOMException('timed out', 'AbortError');
    });
  } catch (thrown) {
    if (jobSignal?.aborted) throw new CancelledError('cancelled', `${ctx.provider}: call cancelled`, { cause: thrown });
    if (timedOut) throw new TransientError('timeout', `${ctx.provider} (${ctx.model}): no answer within ${timeoutMs} ms`, { cause: thrown });
    throw classifyError(thrown, ctx);
  } finally {
    jobSignal?.removeEventListener('abort', onJobAbort);
    if (onAbort) ctl.signal.removeEventListener('abort', onAbort);
  }
}
