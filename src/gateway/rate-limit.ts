// Per-user token buckets, in memory, per instance. Good enough to stop one user's runaway client from
// filling the queue; not a global limit: N edge isolates (or daemons) allow up to N times the rate.
// docs/gateway.md says so, and where a hard global quota matters it belongs in the database.

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until one token is back (for Retry-After), when refused. */
  retryAfterSeconds: number;
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => Date.now(),
    /** Above this many tracked keys, full (idle) buckets are dropped: memory stays bounded. */
    private readonly maxKeys = 50_000,
  ) {
    this.perMs = perMinute / 60_000;
  }

  take(key: string): RateDecision {
    const now = this.now();
    let b = this.buckets.get(key);
    if (b) {
      b.tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * this.perMs);
      b.at = now;
    } else {
      if (this.buckets.size >= this.maxKeys) this.prune(now);
      b = { tokens: this.perMinute, at: now };
      this.buckets.set(key, b);
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000)) };
  }

  private prune(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.perMs >= this.perMinute) this.buckets.delete(key);
    }
    // Everyone active: forget the oldest half rather than grow without bound.
    if (this.buckets.size >= this.maxKeys) {
      let n = Math.floor(this.buckets.size / 2);
      for (const key of this.buckets.keys()) {
        if (n-- <= 0) break;
        this.buckets.delete(key);
      }
    }
  }
}
