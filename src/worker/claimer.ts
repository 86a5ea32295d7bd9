// The claimer: when to claim, and how many (issue 15: this was a loop spread over the worker's fields).
// A small state machine:
//
//   idle              nothing known to be claimable; a notification, a reconnect, the sweep or a due
//                     retry (a wake-up) pokes it
//   claiming          one claim statement in flight (never two; a poke meanwhile claims again after)
//   waiting_for_slot  more may be waiting, but every slot is taken: a handler that ends claims again
//   backing_off       the last claim failed (outage, dead connection): tried again after
//                     CLAIM_RETRY_MS, or sooner when something pokes it (the listener's reconnect)
//   stopped           graceful stop: nothing more is claimed; what a claim in flight brings is handed back
//
// It owns the wake-ups (every retry's, kept per 20 ms bucket), the claim-ahead sizing (from the
// measured duration of successful handlers), the room under each WORKER_CONCURRENCY_<TYPE> and the
// types paused while their provider chain is open. It reads the held jobs' counts from the jobs map
// (src/worker/tracked.ts) and knows no SQL: the worker hands it the claim.
import type { Claim, ClaimedJob, ClaimOptions } from '../queue/jobs.ts';
import type { Occupancy } from './tracked.ts';

export type ClaimerState = 'idle' | 'claiming' | 'waiting_for_slot' | 'backing_off' | 'stopped';

/** After a failed claim (outage, dead connection), the next try; the listener's reconnect may come sooner. */
export const CLAIM_RETRY_MS = 1_000;

/**
 * A claim that met another daemon's claim on its rows (fewer jobs than asked, more eligible) claims
 * again after this long: that claim commits within milliseconds, and what it did not take is then
 * free. Not at once: an immediate retry would only meet the same locks.
 */
export const CONTENDED_RECLAIM_MS = 20;

/**
 * Claim-ahead: while a backlog lasts and handlers are quick, one claim also fetches the jobs the pool
 * will start within this horizon (at the measured handler duration), so a round trip claims — and a
 * settle batch writes — many jobs, not just one pool's worth. Slow handlers (AI calls) get no
 * lookahead at all: nothing is held that another daemon could be running. At most
 * LOOKAHEAD_MAX_PER_SLOT × concurrency (and LOOKAHEAD_MAX in all) wait, leased, in memory.
 * 1,000 rather than 250: every claim and settle statement has a fixed cost (its commit, its round
 * trip, the claim's candidate window), and with 250 the daemon claimed ~130 rows at a time and
 * waited on each claim (bench:queue, docs/queue.md "Claim plan"). The time bound in worker.ts still
 * hands back whatever waits too long.
 */
const LOOKAHEAD_HORIZON_MS = 10;
const LOOKAHEAD_MAX_PER_SLOT = 100;
const LOOKAHEAD_MAX = 1000;

/**
 * Retry wake-ups are kept per 20 ms bucket: every due retry gets its own wake-up (issue 15: keeping
 * only the earliest made a later retry wait for the sweep), and a burst of retries costs one timer
 * per bucket, not one per job.
 */
const WAKE_BUCKET_MS = 20;

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const REAL_TIMERS: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface ClaimerDeps {
  concurrency: number;
  /** WORKER_CONCURRENCY_<TYPE>: the most handlers (and claimed-ahead jobs) of a type at once. */
  typeCaps: Readonly<Partial<Record<string, number>>>;
  /** The held jobs' counts (the worker's jobs map). */
  occupancy: Occupancy;
  /** The claim statement: at most `limit` jobs, under these rules. */
  claim(limit: number, rules: Required<Pick<ClaimOptions, 'exclude' | 'rooms'>>): Promise<Claim>;
  /** Claimed jobs, in claim order: the worker queues them. */
  accept(jobs: ClaimedJob[]): void;
  /** Jobs a claim brought back after stop(): handed back unstarted. */
  handBack(jobs: ClaimedJob[]): Promise<void>;
  /** Start queued jobs in the free slots (the worker's). */
  startQueued(): void;
  /** A claim failed (it is tried again). */
  onError(err: unknown): void;
  /** Wall clock, ms (pauses are until a provider's next probe, a Date.now() time). */
  now?: () => number;
  timers?: Timers;
}

export class Claimer {
  private current: ClaimerState = 'idle';
  private filling = false;
  private refill = false;
  /** The last claim filled every free slot: more may be waiting, so ending handlers claim again. */
  private backlog = false;
  /** Bumped by every poke, so a claim that started before a notification cannot clear its flag. */
  private pokes = 0;
  /** Moving average of successful handler durations (ms); sizes the claim-ahead. Unknown until one ends. */
  private handlerMs: number | undefined;
  private readonly lookaheadMax: number;
  /** Types whose whole provider chain is open: not claimed before this time (now() ms). */
  private readonly pausedUntil = new Map<string, number>();
  private readonly wakeTimers = new Map<number, unknown>();
  private backoffTimer: unknown;
  private readonly timers: Timers;
  private readonly now: () => number;

  constructor(private readonly deps: ClaimerDeps) {
    this.lookaheadMax = Math.min(LOOKAHEAD_MAX, LOOKAHEAD_MAX_PER_SLOT * deps.concurrency);
    this.timers = deps.timers ?? REAL_TIMERS;
    this.now = deps.now ?? Date.now;
  }

  get state(): ClaimerState {
    return this.current;
  }

  /** The most jobs that can be held claimed ahead: sizes a settle batch. */
  get maxAhead(): number {
    return this.lookaheadMax;
  }

  /** Something may be claimable: a notification, a reconnect, a sweep or a due retry. */
  poke(): void {
    if (this.current === 'stopped') return;
    this.pokes++;
    this.backlog = true;
    void this.fill();
  }

  /** A retry (or a snooze) becomes due in `ms`: wake then. Every wake-up is kept (one timer per bucket). */
  wakeIn(ms: number): void {
    if (this.current === 'stopped') return;
    const at = Math.ceil((this.now() + ms) / WAKE_BUCKET_MS) * WAKE_BUCKET_MS;
    if (this.wakeTimers.has(at)) return;
    this.wakeTimers.set(
      at,
      this.timers.set(
        () => {
          this.wakeTimers.delete(at);
          this.poke();
        },
        Math.max(0, at - this.now()) + 5,
      ),
    );
  }

  /** A handler ended: its slot is free. A capped type's room frees too: jobs of it may wait that the last claim left behind. */
  slotFreed(type: string): void {
    if (this.current === 'stopped') return;
    if (this.deps.typeCaps[type] !== undefined) this.backlog = true;
    this.deps.startQueued();
    if (this.backlog) void this.fill();
  }

  /** A settle was written: its share of the settle bound is free. */
  settled(): void {
    if (this.current !== 'stopped' && this.backlog) void this.fill();
  }

  /**
   * A successful handler's duration. Only successful runs size the claim-ahead: fast failures would
   * pull the average towards zero and make the daemon hoard jobs it cannot start soon.
   */
  measured(ms: number): void {
    this.handlerMs = this.handlerMs === undefined ? ms : 0.8 * this.handlerMs + 0.2 * ms;
  }

  /** The average that sized the claim-ahead was wrong (a claimed-ahead job waited too long): none until measured again. */
  forgetMeasure(): void {
    this.handlerMs = undefined;
  }

  /** Claim no job of `type` before `until` (now() ms): its whole provider chain is open until its next probe. */
  pause(type: string, until: number): void {
    this.pausedUntil.set(type, Math.max(this.pausedUntil.get(type) ?? 0, until));
  }

  stop(): void {
    this.current = 'stopped';
    for (const t of this.wakeTimers.values()) this.timers.clear(t);
    this.wakeTimers.clear();
    this.timers.clear(this.backoffTimer);
    this.backoffTimer = undefined;
  }

  /** How many jobs to claim beyond the free slots: what the pool starts within the horizon. */
  lookahead(): number {
    if (this.handlerMs === undefined) return 0;
    const c = this.deps.concurrency;
    return Math.min(this.lookaheadMax, Math.floor((c * LOOKAHEAD_HORIZON_MS) / Math.max(this.handlerMs, 0.01)));
  }

  /**
   * How many to claim now. A slot frees when its handler finishes, not when its settle is written: the
   * next claim then overlaps the settle write (10,000 instant jobs drained in 10.7 s instead of 18.2 s,
   * measured with test/worker-throughput.test.ts before the claim-ahead existed). Settles in flight
   * are bounded too (at most one batch's worth), so a slow database slows the claims.
   */
  freeSlots(): number {
    const { occupancy: o, concurrency: c } = this.deps;
    const ahead = this.lookahead();
    // With a lookahead, claim again only once half of what was claimed ahead has started.
    if (ahead > 0 && o.queued > ahead / 2) return 0;
    const target = c + ahead;
    return Math.min(target - o.executing - o.queued, 2 * target - o.unsettled - o.queued);
  }

  /** What may be claimed now: the room under each capped type, and the types left out (no room, or paused). */
  rules(): { exclude: string[]; rooms: Map<string, number> } {
    const now = this.now();
    const exclude: string[] = [];
    for (const [type, until] of this.pausedUntil) {
      if (until > now) exclude.push(type);
      else this.pausedUntil.delete(type);
    }
    const rooms = new Map<string, number>();
    for (const [type, cap] of Object.entries(this.deps.typeCaps)) if (cap !== undefined) rooms.set(type, cap - this.deps.occupancy.ofType(type));
    return { exclude, rooms };
  }

  private async fill(): Promise<void> {
    if (this.filling) {
      this.refill = true;
      return;
    }
    this.filling = true;
    try {
      do {
        this.refill = false;
        this.deps.startQueued();
        if (this.stopped) return;
        const free = this.freeSlots();
        if (!this.backlog || free <= 0) break;
        this.enter('claiming');
        let jobs: ClaimedJob[];
        let contended: boolean;
        const pokesBefore = this.pokes;
        try {
          ({ jobs, contended } = await this.deps.claim(free, this.rules()));
        } catch (err) {
          // The database is away or the connection died: try again shortly, or whenever poked first.
          this.deps.onError(err);
          if (this.stopped) return;
          this.enter('backing_off');
          this.backoffTimer = this.timers.set(() => {
            this.backoffTimer = undefined;
            if (this.current === 'backing_off') this.poke();
          }, CLAIM_RETRY_MS);
          return;
        }
        // A notification that arrived while the claim was in flight may name a row the claim's
        // snapshot could not see: keep the backlog flag it set.
        this.backlog = jobs.length === free || this.pokes !== pokesBefore;
        if (contended && !this.backlog) this.wakeIn(CONTENDED_RECLAIM_MS);
        if (this.stopped) {
          // Claimed while stopping: hand them straight back, attempt unburned.
          if (jobs.length > 0) await this.deps.handBack(jobs);
          return;
        }
        if (jobs.length > 0) this.deps.accept(jobs);
        this.deps.startQueued();
      } while (this.refill || (this.backlog && this.freeSlots() > 0));
      this.enter(this.backlog ? 'waiting_for_slot' : 'idle');
    } finally {
      this.filling = false;
    }
  }

  /** Read through a getter: stop() can come while a claim is awaited, which narrowing cannot see. */
  private get stopped(): boolean {
    return this.current === 'stopped';
  }

  private enter(state: Exclude<ClaimerState, 'stopped'>): void {
    if (this.current === 'stopped') return;
    if (state === 'claiming' && this.backoffTimer !== undefined) {
      this.timers.clear(this.backoffTimer);
      this.backoffTimer = undefined;
    }
    this.current = state;
  }
}
