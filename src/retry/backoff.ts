// Retry delays, the one home for both the queue (between job attempts) and the providers (between
// in-call attempts): exponential backoff with full jitter (AWS architecture blog, "Exponential
// Backoff and Jitter": full jitter spreads a thundering herd best for the least total work), capped.
// A retry-after hint from the provider wins over the computed delay, but is capped too.
//
// One attempt-counting convention everywhere: `failedAttempts` is how many attempts have failed so
// far (1 before the first retry), so the first retry waits up to `baseMs`.
import { RetryAfterError, type JobError } from '../errors.ts';

export interface BackoffPolicy {
  /** The first retry waits up to this. */
  baseMs: number;
  /** Ceiling of any one delay, computed or asked for by the provider. */
  maxMs: number;
}

/** The ceiling of the jittered delay after `failedAttempts` failures (1-based). */
export function backoffCeilingMs(failedAttempts: number, policy: BackoffPolicy): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failedAttempts - 1));
}

/** Full jitter: uniform in [0, ceiling). */
export function fullJitterMs(failedAttempts: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  return Math.floor(random() * backoffCeilingMs(failedAttempts, policy));
}

/** The wait before the next attempt; a RetryAfterError's own delay wins, capped at `maxMs`. */
export function retryDelayMs(failedAttempts: number, policy: BackoffPolicy, error?: JobError, random: () => number = Math.random): number {
  if (error instanceof RetryAfterError) return Math.min(policy.maxMs, error.retryAfterMs);
  return fullJitterMs(failedAttempts, policy, random);
}
