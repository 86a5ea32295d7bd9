// Retry delays: exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff
// and Jitter": full jitter spreads a thundering herd best for the least total work), capped. A
// retry-after hint from the provider wins over the computed delay, but is capped too.
import type { JobError } from '../errors.ts';

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** The ceiling of the jittered delay after `attempt` failed attempts (1-based). */
export function backoffCeilingMs(attempt: number, policy: BackoffPolicy): number {
  const exp = policy.baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.min(policy.maxMs, exp);
}

export function retryDelayMs(attempt: number, policy: BackoffPolicy, error?: JobError, random: () => number = Math.random): number {
  if (error?.kind === 'retry_after') {
    return Math.min(policy.maxMs, (error as JobError & { retryAfterMs: number }).retryAfterMs);
  }
  return Math.floor(random() * backoffCeilingMs(attempt, policy));
}
