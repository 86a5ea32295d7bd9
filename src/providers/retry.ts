// In-call retries for one provider. Only short waits happen here: a delay longer than `maxWaitMs`
// is handed back to the queue (as the error itself) so a job never sleeps on a worker slot.
import { CancelledError, JobError, RetryAfterError } from '../errors.ts';
import { classifyError } from './classify.ts';
import type { ProviderName } from '../events.ts';

export interface BackoffOptions {
  /** First retry waits up to this (full jitter: uniformly 0..ceiling). */
  baseMs: number;
  /** Ceiling of any one computed backoff. */
  capMs: number;
}

export interface RetryOptions extends BackoffOptions {
  /** Retries after the first attempt (PROVIDER_RETRIES). */
  retries: number;
  /** A required wait (RetryAfter) longer than this ends the loop: the queue reschedules the job. */
  maxWaitMs: number;
  signal?: AbortSignal | undefined;
  random?: () => number;
  /** Called before each wait, for tests and metrics. */
  onRetry?: (info: { attempt: number; delayMs: number; error: JobError }) => void;
  /** Used to classify non-JobErrors thrown by `fn`. */
  provider?: ProviderName;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 10_000 };

/** Full jitter (AWS architecture blog): uniform in [0, min(cap, base·2^attempt)]. `attempt` is 0-based. */
export function backoffDelay(attempt: number, opts: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(opts.capMs, opts.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/** The wait before retry number `attempt + 1`; a RetryAfterError's own delay wins over backoff. */
export function retryDelay(error: JobError, attempt: number, opts: BackoffOptions, random?: () => number): number {
  if (error instanceof RetryAfterError) return error.retryAfterMs;
  return backoffDelay(attempt, opts, random);
}

/** Whether another attempt could help; circuit_open is excluded because the breaker just said no. */
export function isRetryable(error: JobError): boolean {
  if (error.kind === 'permanent' || error.kind === 'cancelled') return false;
  return error.code !== 'circuit_open';
}

/** Sleep that rejects with CancelledError as soon as `signal` aborts, and leaves no timer behind. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError('cancelled', 'cancelled while waiting to retry'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError('cancelled', 'cancelled while waiting to retry'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
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
      const delayMs = retryDelay(error, attempt, opts, opts.random);
      if (delayMs > opts.maxWaitMs) throw error;
      opts.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, opts.signal);
    }
  }
}
