// A rolling-window rate limiter shared by every job in the daemon (Gemini's free tier counts
// requests per minute per key, not per job). Waiters are served strictly FIFO so a burst of jobs
// cannot starve an early one, and each waiter can abort with its job.
import { CancelledError } from '../errors.ts';

export interface RollingWindowLimiterOptions {
  /** Requests allowed in any window (GEMINI_RPM). */
  limit: number;
  /** Window length; 60 s in production, short in tests. */
  windowMs?: number;
  now?: () => number;
  /** Called with each grant time (the limiter's own clock), for tests and metrics. */
  onGrant?: (at: number) => void;
}

interface Waiter {
  resolve: () => void;
  reject: (err: Error) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

export class RollingWindowLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly onGrant: ((at: number) => void) | undefined;
  /** Grant times still inside the window, oldest first. */
  private readonly granted: number[] = [];
  private readonly queue: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private pausedUntil = 0;

  constructor(opts: RollingWindowLimiterOptions) {
    if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new RangeError('limit must be a positive integer');
    this.limit = opts.limit;
    this.windowMs = opts.windowMs ?? 60_000;
    this.now = opts.now ?? Date.now;
    this.onGrant = opts.onGrant;
  }

  /** Callers waiting for a slot. */
  get pending(): number {
    return this.queue.length;
  }

  /** Slots used in the current window. */
  get inWindow(): number {
    this.expire(this.now());
    return this.granted.length;
  }

  /** Resolve when a request may be sent; rejects with CancelledError if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (this.closed) return Promise.reject(new CancelledError('cancelled', 'rate limiter closed'));
    if (signal?.aborted) return Promise.reject(new CancelledError('cancelled', 'cancelled while waiting for the rate limiter'));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          const i = this.queue.indexOf(waiter);
          if (i >= 0) this.queue.splice(i, 1);
          reject(new CancelledError('cancelled', 'cancelled while waiting for the rate limiter'));
          this.drain();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      this.drain();
    });
  }

  /** Hold every caller until `untilMs` (a 429 says the quota is spent, whatever our count says). */
  pauseUntil(untilMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, untilMs);
    this.drain();
  }

  /** Reject every waiter and drop the timer; the daemon calls this on shutdown. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const w of this.queue.splice(0)) {
      if (w.onAbort) w.signal?.removeEventListener('abort', w.onAbort);
      w.reject(new CancelledError('cancelled', 'rate limiter closed'));
    }
  }

  private expire(now: number): void {
    while (this.granted.length > 0 && now - this.granted[0]! >= this.windowMs) this.granted.shift();
  }

  private drain(): void {
    if (this.closed) return;
    const now = this.now();
    this.expire(now);
    while (this.queue.length > 0 && this.granted.length < this.limit && now >= this.pausedUntil) {
      const w = this.queue.shift()!;
      if (w.onAbort) w.signal?.removeEventListener('abort', w.onAbort);
      this.granted.push(now);
      this.onGrant?.(now);
      w.resolve();
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const nextSlot = this.granted.length < this.limit ? now : this.granted[0]! + this.windowMs;
    const wakeAt = Math.max(nextSlot, this.pausedUntil);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.drain();
      },
      Math.max(1, wakeAt - now),
    );
  }
}
