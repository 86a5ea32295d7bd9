// In-call retries for one provider. Only short waits happen here: a delay longer than `maxWaitMs`
// is handed back to the queue (as the error itself) so a job never sleeps on a worker slot.
import { CancelledError, JobError, RetryAfterError } from '../errors.ts';
import { fullJitterMs, type BackoffPolicy } from '../retry/backoff.ts';
import { sleep } from '../time/sleep.ts';
import { classifyError } from './classify.ts';
import type { ProviderName } from '../events.ts';
import { hasCode } from '../error-codes.ts';

export interface RetryOptions extends BackoffPolicy {
  /** Retries after the first attempt (PROVIDER_RETRIES). */
  retries: number;
  /** A required wait (RetryAfter) longer than this ends the loop: the queue reschedules the job. */
  maxWaitMs: number;
  signal?: AbortSignal | undefined;
  random?: () => number;
  /** Called before each wait, for tests and metrics; `attempt` is 0 for the first call. */
  onRetry?: (info: { attempt: number; delayMs: number; error: JobError }) => void;
  /** Used to classify non-JobErrors thrown by `fn`. */
  provider?: ProviderName;
}

/** Whether another attempt could help; circuit_open is excluded because the breaker just said no. */
export function isRetryable(error: JobError): boolean {
  if (error.kind === 'permanent' || error.kind === 'cancelled') return false;
  return !hasCode(error, 'circuit_open');
}

/** Run `fn` until it succeeds, fails permanently, is cancelled or runs out of retries. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    if (opts.signal?.aborted) throw new CancelledError('cancelled', 'cancelled before the call');
    try {
      return await fn(attempt);
    } catch (thrown) {
      const error = classifyError(thrown, { provider: opts.provider ?? 'ollama' });
      if (!isRetryable(error) || attempt >= opts.retries) throw error;
      // A provider's own retry-after is honoured in full (never shortened to maxMs, unlike the
      // queue's): a wait longer than maxWaitMs is handed back to the queue instead.
      const delayMs = error instanceof RetryAfterError ? error.retryAfterMs : fullJitterMs(attempt + 1, opts, opts.random);
      if (delayMs > opts.maxWaitMs) throw error;
      opts.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, opts.signal, 'cancelled while waiting to retry');
    }
  }
}
