// One circuit breaker per provider. It counts only failures that say "the provider is unwell"
// (timeouts, network errors, 5xx); a rejected request or a rate limit proves it is up and answering.
import { JobError, RetryAfterError } from '../errors.ts';
import type { BreakerState, EventBus, ProviderName } from '../events.ts';
import { classifyError } from './classify.ts';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit (BREAKER_FAILURES). */
  failures: number;
  /** Time the circuit stays open before one probe is let through (BREAKER_COOLDOWN_MS). */
  cooldownMs: number;
  now?: () => number;
}

export class CircuitBreaker {
  readonly provider: ProviderName;
  private readonly opts: BreakerOptions;
  private readonly events: EventBus | undefined;
  private readonly now: () => number;
  private current: BreakerState = 'closed';
  private consecutive = 0;
  private openedAt = 0;
  private probeInFlight = false;

  constructor(provider: ProviderName, opts: BreakerOptions, events?: EventBus) {
    this.provider = provider;
    this.opts = opts;
    this.events = events;
    this.now = opts.now ?? Date.now;
  }

  /** The state as of now: an open circuit whose cool-down has passed reads as half-open. */
  get state(): BreakerState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.opts.cooldownMs) this.transition('half_open');
    return this.current;
  }

  get failures(): number {
    return this.consecutive;
  }

  /** Run `fn` under the breaker; rejects at once with a transient `circuit_open` when it may not pass. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const s = this.state;
    if (s === 'open' || (s === 'half_open' && this.probeInFlight)) {
      // Open: until the cool-down ends. Half-open with the probe still out: its verdict is unknown, so
      // not sooner than a second (or the cool-down, if shorter) — never 0, which would spin retries.
      const remaining = this.opts.cooldownMs - (this.now() - this.openedAt);
      const retryInMs = Math.max(remaining, Math.min(this.opts.cooldownMs, 1_000));
      // "Not before the next probe": a job whose every provider is open waits for that moment instead
      // of burning its attempts on refusals (the provider-chaos test lost a job that way).
      throw new RetryAfterError(
        'circuit_open',
        `${this.provider}: circuit open after ${this.consecutive} consecutive failures; next probe in ${retryInMs} ms`,
        retryInMs,
      );
    }
    const probe = s === 'half_open';
    if (probe) this.probeInFlight = true;
    try {
      const value = await fn();
      this.onSuccess();
      return value;
    } catch (thrown) {
      const error = classifyError(thrown, { provider: this.provider });
      if (countsAsFailure(error)) this.onFailure();
      else if (error.kind === 'permanent' || error.kind === 'retry_after') this.onSuccess();
      throw error;
    } finally {
      if (probe) this.probeInFlight = false;
    }
  }

  private onSuccess(): void {
    this.consecutive = 0;
    if (this.current !== 'closed') this.transition('closed');
  }

  private onFailure(): void {
    this.consecutive++;
    if (this.current === 'half_open' || (this.current === 'closed' && this.consecutive >= this.opts.failures)) {
      this.openedAt = this.now();
      this.transition('open');
    }
  }

  private transition(next: BreakerState): void {
    if (next === this.current) return;
    this.current = next;
    this.events?.emit('provider:breaker', { provider: this.provider, state: next });
  }
}

/** Cancellations say nothing about the provider; permanent errors and rate limits mean it answered. */
export function countsAsFailure(error: JobError): boolean {
  return error.kind === 'transient';
}
