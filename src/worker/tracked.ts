// Every job this daemon holds, in one map, each with an explicit state (issue 15: the claim loop was
// spread over seven interacting fields — a running map, an abandoned map, a queued array, a
// WeakMap of claim times and three counters — and each had to be kept in step by hand).
//
//   queued    claimed ahead, leased, waiting for a slot
//   running   its handler runs
//   settling  its outcome is on its way to the database; no handler runs
//   abandoned its job was given up (aborted, settled or settling) while its handler, which ignored
//             the AbortSignal, still runs: it keeps its slot until it returns
//
// Slots, settles in flight, per-type counts, the abandoned gauge and what the heartbeat renews are
// all read from here; `move` is the only place a state changes, and it refuses a move the diagram
// does not have (docs/queue.md, "The worker's shape").
//
// Keyed by lease token, not job id: one job can be held twice — an abandoned attempt still running
// and its retry, claimed again, waiting for it — and those are two leases.
import type { ClaimedJob } from '../queue/jobs.ts';

export type JobState = 'queued' | 'running' | 'settling' | 'abandoned';

/** Where a tracked job can go from each state; `gone` = no longer held. */
const MOVES: Record<JobState, ReadonlyArray<JobState | 'gone'>> = {
  // start; started already cancelled (no handler runs, the cancel is acknowledged); released or lost.
  queued: ['running', 'settling', 'gone'],
  // its handler returned; its signal fired and the handler did not return.
  running: ['settling', 'abandoned'],
  // written (or given up after the lease).
  settling: ['gone'],
  // the handler returned: `settling` while its settle is still on its way, else gone.
  abandoned: ['settling', 'gone'],
};

export class InvalidTransitionError extends Error {
  constructor(
    readonly jobId: string,
    readonly from: JobState | 'gone',
    readonly to: JobState | 'gone',
  ) {
    super(`job ${jobId}: no transition from ${from} to ${to}`);
    this.name = 'InvalidTransitionError';
  }
}

export interface TrackedJob<Extra = unknown> {
  readonly job: ClaimedJob;
  readonly state: JobState;
  /** performance.now() at claim: a queued job waits at most the claim-ahead bound. */
  readonly claimedAt: number;
  /** An abandoned job's settle has been written (or given up): it leaves when its handler returns. */
  readonly settled: boolean;
  /** What the worker keeps beside the job (its controller, timer, provider calls). */
  extra: Extra;
}

interface Entry<Extra> {
  job: ClaimedJob;
  state: JobState;
  claimedAt: number;
  settled: boolean;
  extra: Extra;
}

/** The counts the claimer sizes its claims from. */
export interface Occupancy {
  /** Handlers executing now (running + abandoned): what WORKER_CONCURRENCY bounds. */
  readonly executing: number;
  /** Claimed ahead, not started. */
  readonly queued: number;
  /** Held jobs whose settle is not written yet (queued excluded): running, settling, abandoned unsettled. */
  readonly unsettled: number;
  /** Queued, running and abandoned jobs of a type: what WORKER_CONCURRENCY_<TYPE> bounds. */
  ofType(type: string): number;
}

export class TrackedJobs<Extra = unknown> implements Occupancy {
  private readonly entries = new Map<string, Entry<Extra>>();
  /** Per state, in insertion order: the queued set is the start order (claim order). */
  private readonly byState: Record<JobState, Set<Entry<Extra>>> = {
    queued: new Set(),
    running: new Set(),
    settling: new Set(),
    abandoned: new Set(),
  };
  private readonly perType = new Map<string, number>();
  private abandonedUnsettled = 0;
  private idleWaiters: Array<() => void> = [];

  get executing(): number {
    return this.byState.running.size + this.byState.abandoned.size;
  }

  get queued(): number {
    return this.byState.queued.size;
  }

  get unsettled(): number {
    return this.byState.running.size + this.byState.settling.size + this.abandonedUnsettled;
  }

  get abandoned(): number {
    return this.byState.abandoned.size;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Still held (a job read before an await may have left meanwhile). */
  has(t: TrackedJob<Extra>): boolean {
    return this.entries.get(t.job.lease_token) === t;
  }

  ofType(type: string): number {
    return this.perType.get(type) ?? 0;
  }

  /** A claimed job, queued until a slot frees. */
  add(job: ClaimedJob, claimedAt: number, extra: Extra): TrackedJob<Extra> {
    if (this.entries.has(job.lease_token)) throw new InvalidTransitionError(job.id, 'queued', 'queued');
    const e: Entry<Extra> = { job, state: 'queued', claimedAt, settled: false, extra };
    this.entries.set(job.lease_token, e);
    this.byState.queued.add(e);
    this.countType(job.type, 1);
    return e;
  }

  /** The one place a state changes; a move the diagram does not have throws. */
  move(t: TrackedJob<Extra>, to: JobState | 'gone'): void {
    const e = this.entries.get(t.job.lease_token);
    if (!e || e !== t) throw new InvalidTransitionError(t.job.id, 'gone', to);
    if (!MOVES[e.state].includes(to)) throw new InvalidTransitionError(e.job.id, e.state, to);
    const wasCounted = countsForType(e.state);
    this.byState[e.state].delete(e);
    if (e.state === 'abandoned' && !e.settled) this.abandonedUnsettled--;
    if (to === 'gone') {
      this.entries.delete(e.job.lease_token);
    } else {
      e.state = to;
      this.byState[to].add(e);
      if (to === 'abandoned') this.abandonedUnsettled++;
    }
    const counted = to !== 'gone' && countsForType(to);
    if (wasCounted !== counted) this.countType(e.job.type, counted ? 1 : -1);
    if (this.unsettled === 0) for (const w of this.idleWaiters.splice(0)) w();
  }

  /**
   * A settle was written (or given up). A settling job leaves; an abandoned one stays, holding its
   * slot, until its handler returns.
   */
  settled(t: TrackedJob<Extra>): void {
    const e = this.entries.get(t.job.lease_token);
    if (!e || e !== t) throw new InvalidTransitionError(t.job.id, 'gone', 'gone');
    if (e.state === 'settling') {
      this.move(e, 'gone');
      return;
    }
    if (e.state !== 'abandoned' || e.settled) throw new InvalidTransitionError(e.job.id, e.state, 'gone');
    e.settled = true;
    this.abandonedUnsettled--;
    if (this.unsettled === 0) for (const w of this.idleWaiters.splice(0)) w();
  }

  /** An abandoned job's handler returned: it leaves, or waits for its settle as `settling`. */
  handlerReturned(t: TrackedJob<Extra>): void {
    this.move(t, t.settled ? 'gone' : 'settling');
  }

  /** The first queued job that may start now: not one whose earlier attempt still runs here, abandoned. */
  nextToStart(): TrackedJob<Extra> | undefined {
    for (const e of this.byState.queued) {
      if (this.byState.abandoned.size === 0 || !this.isAbandonedHere(e.job.id)) return e;
    }
    return undefined;
  }

  /** The attempt of this job that is queued or running here (not an abandoned predecessor). */
  live(jobId: string): TrackedJob<Extra> | undefined {
    for (const state of ['running', 'queued'] as const) for (const e of this.byState[state]) if (e.job.id === jobId) return e;
    return undefined;
  }

  inState(state: JobState): TrackedJob<Extra>[] {
    return [...this.byState[state]];
  }

  /** Resolves once no held job has a settle still to write (queued jobs are not waited for). */
  whenUnsettledNone(): Promise<void> {
    if (this.unsettled === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isAbandonedHere(jobId: string): boolean {
    for (const a of this.byState.abandoned) if (a.job.id === jobId) return true;
    return false;
  }

  private countType(type: string, delta: number): void {
    const n = (this.perType.get(type) ?? 0) + delta;
    if (n > 0) this.perType.set(type, n);
    else this.perType.delete(type);
  }
}

/** A queued job, a running handler and an abandoned one hold room under their type's cap. */
function countsForType(state: JobState): boolean {
  return state !== 'settling';
}
