// The daemon's heart: a pool of running jobs fed by LISTEN/NOTIFY, bounded by WORKER_CONCURRENCY,
// kept alive by a heartbeat that renews every lease in one UPDATE, and backed by a slow sweep that
// catches whatever notifications missed. It knows no HTTP; it reports through the event bus.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { DatabaseConfig, WorkerConfig } from '../config.ts';
import { applyRetention, type RetentionSettings } from '../retention/retention.ts';
import { CancelledError, TransientError, toJobError, toUserError, type JobError } from '../errors.ts';
import type { EventBus, JobRef } from '../events.ts';
import type { HandlerRegistry } from '../handlers/registry.ts';
import type { HandlerResult } from '../handlers/types.ts';
import type { CallRecord } from '../providers/call.ts';
import { retryDelayMs } from '../queue/backoff.ts';
import {
  cancelJob,
  claimJobs,
  cleanupExpiredCache,
  failOrRetryJob,
  recoverLapsedLeases,
  releaseJobs,
  renewLeases,
  type ClaimedJob,
} from '../queue/jobs.ts';
import { JobListener } from '../queue/listener.ts';
import { CompletionBatcher } from './completions.ts';
import { upsertWorker, type WorkerInfo, type WorkerStatus } from './registry.ts';

/** After a failed claim (outage, dead connection), the next try; the listener's reconnect may come sooner. */
const CLAIM_RETRY_MS = 1_000;

/**
 * Claim-ahead: while a backlog lasts and handlers are quick, one claim also fetches the jobs the pool
 * will start within this horizon (at the measured handler duration), so a round trip claims — and a
 * completion batch settles — many jobs, not just one pool's worth. Slow handlers (AI calls) get no
 * lookahead at all: nothing is held that another daemon could be running. At most
 * LOOKAHEAD_MAX_PER_SLOT × concurrency (and LOOKAHEAD_MAX in all) wait, leased, in memory.
 */
const LOOKAHEAD_HORIZON_MS = 10;
const LOOKAHEAD_MAX_PER_SLOT = 25;
const LOOKAHEAD_MAX = 250;

/** Why a running job's AbortSignal fired; decides how the job is settled. */
type AbortCause = 'cancel' | 'shutdown' | 'timeout' | 'lease_lost';

class AbortReason extends Error {
  constructor(
    readonly why: AbortCause,
    readonly error: JobError,
  ) {
    super(error.message);
    this.name = 'AbortReason';
  }
}

interface RunningJob {
  job: ClaimedJob;
  controller: AbortController;
  started: number;
  /** Set once a settle statement for this job is on its way; the heartbeat then leaves it alone. */
  settling: boolean;
  /** Provider calls the handler made, kept for the row when the attempt fails. */
  calls: CallRecord[];
  timeout: NodeJS.Timeout;
}

export interface WorkerDeps {
  pool: pg.Pool;
  database: DatabaseConfig;
  config: WorkerConfig;
  handlers: HandlerRegistry;
  events: EventBus;
  version: string;
  /** LGPD retention run by each sweep (src/retention/retention.ts); absent = nothing is deleted. */
  retention?: RetentionSettings;
}

export class Worker {
  readonly id: string;
  private readonly info: WorkerInfo;
  /** Every job we hold a lease on: handlers running, and settles on their way to the database. */
  private readonly running = new Map<string, RunningJob>();
  /** Handlers executing now; WORKER_CONCURRENCY bounds this. */
  private active = 0;
  /** Claimed ahead (leased, handler not started yet); they start as slots free, in claim order. */
  private queued: ClaimedJob[] = [];
  /** Moving average of handler durations (ms); sizes the claim-ahead. Unknown until a handler ends. */
  private handlerMs: number | undefined;
  private readonly lookaheadMax: number;
  private readonly completions: CompletionBatcher;
  private readonly listener: JobListener;
  private status: WorkerStatus = 'running';
  private stopping = false;
  private filling = false;
  private refill = false;
  /** The last claim filled every free slot: more may be waiting, so finishing jobs claim again. */
  private backlog = true;
  /** Bumped by every poke, so a claim that started before a notification cannot clear its flag. */
  private pokes = 0;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private wakeTimer: NodeJS.Timeout | undefined;
  private wakeAt = Infinity;
  private idleWaiters: Array<() => void> = [];
  private readonly startedAt = Date.now();

  constructor(private readonly deps: WorkerDeps) {
    const { config } = deps;
    this.id = config.id ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.info = { id: this.id, host: os.hostname(), pid: process.pid, version: deps.version, concurrency: config.concurrency };
    this.lookaheadMax = Math.min(LOOKAHEAD_MAX, LOOKAHEAD_MAX_PER_SLOT * config.concurrency);
    // A completion batch can hold a whole claim's worth.
    this.completions = new CompletionBatcher(deps.pool, config.completionBatchMs, config.concurrency + this.lookaheadMax);
    this.listener = new JobListener(
      deps.database,
      {
        onJobs: () => this.poke(),
        onCancel: (jobId) => this.abortJob(jobId, 'cancel'),
        onConnected: () => this.poke(),
      },
      deps.events,
    );
  }

  /** Handlers executing now (never above WORKER_CONCURRENCY); settles in flight are not counted. */
  get runningCount(): number {
    return this.active;
  }

  get listenerState(): { connected: boolean; lastEventAgeMs: number | undefined; reconnects: number } {
    return { connected: this.listener.connected, lastEventAgeMs: this.listener.lastEventAgeMs(), reconnects: this.listener.reconnects };
  }

  get uptimeSeconds(): number {
    return (Date.now() - this.startedAt) / 1000;
  }

  async start(): Promise<void> {
    const { config, pool, events } = this.deps;
    // A restarted daemon with a stable WORKER_ID takes back what its dead predecessor held, now.
    if (config.id) await this.recover(config.id);
    await upsertWorker(pool, this.info, 0, 'running');
    await this.listener.start();
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), config.heartbeatSeconds * 1000);
    this.sweepTimer = setInterval(() => void this.sweep(), config.sweepSeconds * 1000);
    events.emit('worker:started', { workerId: this.id, concurrency: config.concurrency, pollOnly: false });
    // Jobs that arrived while no daemon was listening.
    this.poke();
  }

  /** Something may be claimable: a notification, a reconnect, a sweep or a due retry. */
  poke(): void {
    this.pokes++;
    this.backlog = true;
    void this.fill();
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
        this.startQueued();
        const free = this.freeSlots();
        if (this.stopping || free <= 0 || !this.backlog) break;
        let jobs: ClaimedJob[];
        const pokesBefore = this.pokes;
        try {
          jobs = await claimJobs(this.deps.pool, this.id, free, this.deps.config.leaseSeconds);
        } catch (err) {
          // The database is away or the connection died: try again shortly, whatever pokes us first.
          this.deps.events.emit('error', { where: 'claim', error: toJobError(err).message });
          this.wakeIn(CLAIM_RETRY_MS);
          break;
        }
        // A notification that arrived while the claim was in flight may name a row the claim's
        // snapshot could not see: keep the backlog flag it set.
        this.backlog = jobs.length === free || this.pokes !== pokesBefore;
        // Claimed while stopping: hand them straight back, attempt unburned.
        if (this.stopping) {
          await releaseJobs(this.deps.pool, jobs).catch(() => {});
          break;
        }
        this.queued.push(...jobs);
        this.startQueued();
      } while (this.refill || (this.backlog && this.freeSlots() > 0));
    } finally {
      this.filling = false;
    }
  }

  /**
   * A slot frees when its handler finishes, not when its settle is written: the next claim then
   * overlaps the completion write (10,000 instant jobs drained in 10.7 s instead of 18.2 s, measured with
   * test/worker-throughput.test.ts before the claim-ahead existed). Settles in flight
   * are bounded too (at most one batch's worth), so a slow database slows the claims.
   */
  private freeSlots(): number {
    const c = this.deps.config.concurrency;
    const ahead = this.lookahead();
    // With a lookahead, claim again only once half of what was claimed ahead has started.
    if (ahead > 0 && this.queued.length > ahead / 2) return 0;
    const target = c + ahead;
    return Math.min(target - this.active - this.queued.length, 2 * target - this.running.size - this.queued.length);
  }

  /** How many jobs to claim beyond the free slots: what the pool starts within the horizon. */
  private lookahead(): number {
    if (this.handlerMs === undefined) return 0;
    const c = this.deps.config.concurrency;
    return Math.min(this.lookaheadMax, Math.floor((c * LOOKAHEAD_HORIZON_MS) / Math.max(this.handlerMs, 0.01)));
  }

  /** Jobs claimed ahead start as slots free; never more than WORKER_CONCURRENCY handlers at once. */
  private startQueued(): void {
    const c = this.deps.config.concurrency;
    while (!this.stopping && this.active < c && this.queued.length > 0) this.run(this.queued.shift()!);
  }

  private ref(job: ClaimedJob): JobRef {
    return { jobId: job.id, type: job.type, attempt: job.attempts, workerId: this.id };
  }

  private run(job: ClaimedJob): void {
    const { config, events, handlers } = this.deps;
    const controller = new AbortController();
    let timeoutMs = config.stuckSeconds * 1000;
    let handler;
    try {
      handler = handlers.get(job.type);
      if (handler.timeoutMs) timeoutMs = Math.min(timeoutMs, handler.timeoutMs);
    } catch {
      handler = undefined;
    }
    const entry: RunningJob = {
      job,
      controller,
      started: performance.now(),
      settling: false,
      calls: [],
      timeout: setTimeout(
        () =>
          this.abortJob(
            job.id,
            'timeout',
            new TransientError('timeout', `the handler ran longer than ${Math.round(timeoutMs / 1000)} s and was aborted; this attempt counts as failed`),
          ),
        timeoutMs,
      ),
    };
    this.running.set(job.id, entry);
    this.active++;
    events.emit('job:claimed', {
      ...this.ref(job),
      pickupMs: Math.max(0, job.claimed_at.getTime() - Math.max(job.created_at.getTime(), job.run_at.getTime())),
    });
    if (job.cancel_requested) this.abortJob(job.id, 'cancel');

    // The handler races its own AbortSignal: a handler that ignores the signal cannot hold the job.
    const aborted = new Promise<never>((_, reject) => {
      const onAbort = () => reject(controller.signal.reason);
      if (controller.signal.aborted) onAbort();
      else controller.signal.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => {});
    const work = (async (): Promise<HandlerResult> => {
      const h = handlers.get(job.type);
      return h.run(job.input, {
        jobId: job.id,
        userId: job.user_id,
        type: job.type,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        signal: controller.signal,
        calls: entry.calls,
      });
    })();
    Promise.race([work, aborted]).then(
      (out) => this.settle(entry, { ok: true, out, version: handler?.version }),
      (err) => this.settle(entry, { ok: false, err }),
    );
  }

  private abortJob(jobId: string, cause: AbortCause, error?: JobError): void {
    if (cause === 'cancel') {
      // Claimed ahead, not started: it will start already cancelled and settle as such.
      const waiting = this.queued.find((j) => j.id === jobId);
      if (waiting) waiting.cancel_requested = true;
    }
    const entry = this.running.get(jobId);
    if (!entry || entry.settling || entry.controller.signal.aborted) return;
    const err =
      error ??
      (cause === 'cancel'
        ? new CancelledError('cancelled', 'cancelled by request while running')
        : cause === 'shutdown'
          ? new CancelledError('shutdown', 'the worker shut down before the job finished; it was released to run again')
          : new CancelledError('lease_lost', 'the lease was lost: another worker owns this job now'));
    entry.controller.abort(new AbortReason(cause, err));
  }

  private async settle(entry: RunningJob, outcome: { ok: true; out: HandlerResult; version: string | undefined } | { ok: false; err: unknown }): Promise<void> {
    if (entry.settling) return;
    entry.settling = true;
    this.active--;
    clearTimeout(entry.timeout);
    const { job } = entry;
    const { events, pool, config } = this.deps;
    const ref = this.ref(job);
    const durationMs = performance.now() - entry.started;
    this.handlerMs = this.handlerMs === undefined ? durationMs : 0.8 * this.handlerMs + 0.2 * durationMs;
    this.startQueued();
    if (this.backlog) void this.fill();
    try {
      if (outcome.ok) {
        const applied = await this.withRetries(() =>
          this.completions.complete({
            id: job.id,
            lease_token: job.lease_token,
            result: outcome.out.result,
            provider: outcome.out.provider,
            model: outcome.out.model,
            provider_calls: outcome.out.calls,
            input_tokens: sum(outcome.out.calls, 'input_tokens'),
            output_tokens: sum(outcome.out.calls, 'output_tokens'),
            cache_key: outcome.out.cacheKey,
            handler_version: outcome.version,
          }),
        );
        if (applied) events.emit('job:completed', { ...ref, durationMs });
        else events.emit('job:stale', { ...ref, action: 'complete' });
        return;
      }

      const reason = entry.controller.signal.aborted ? (entry.controller.signal.reason as AbortReason) : undefined;
      if (reason?.why === 'lease_lost') {
        events.emit('job:stale', { ...ref, action: 'abandon' });
        return;
      }
      if (reason?.why === 'shutdown') {
        // Released in one statement by stop(); nothing to write here.
        return;
      }
      if (reason?.why === 'cancel') {
        const applied = await this.withRetries(() => cancelJob(pool, job, 'cancelled by request while running'));
        if (applied) events.emit('job:cancelled', { ...ref, durationMs });
        else events.emit('job:stale', { ...ref, action: 'cancel' });
        return;
      }

      const error = reason ? reason.error : toJobError(outcome.err);
      const permanent = error.kind === 'permanent' || error.kind === 'cancelled';
      const delayMs = permanent ? 0 : retryDelayMs(job.attempts, { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs }, error);
      const row = await this.withRetries(() => failOrRetryJob(pool, job, toUserError(error), { permanent, delayMs, providerCalls: entry.calls.length > 0 ? entry.calls : undefined }));
      if (!row) events.emit('job:stale', { ...ref, action: 'fail' });
      else if (row.status === 'pending') {
        events.emit('job:retried', { ...ref, durationMs, delayMs, error: error.toJSON() });
        this.wakeIn(delayMs);
      } else events.emit('job:failed', { ...ref, durationMs, error: error.toJSON() });
    } catch (err) {
      // The database stayed away longer than the lease: the job is recovered by whoever sweeps next.
      events.emit('error', { where: 'settle', error: toJobError(err).message });
    } finally {
      this.running.delete(job.id);
      if (this.running.size === 0) for (const w of this.idleWaiters.splice(0)) w();
      if (this.backlog) void this.fill();
    }
  }

  /** A settle that meets a brief outage tries again while our lease can still be valid. */
  private async withRetries<T>(fn: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.deps.config.leaseSeconds * 1000;
    for (let i = 0; ; i++) {
      try {
        return await fn();
      } catch (err) {
        if (Date.now() + 200 > deadline) throw err;
        await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** i)));
      }
    }
  }

  /** A retry becomes due: wake then, unless an earlier wake is already set. */
  private wakeIn(ms: number): void {
    const at = Date.now() + ms;
    if (this.stopping || at >= this.wakeAt) return;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeAt = at;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.wakeAt = Infinity;
      this.poke();
    }, ms + 5);
  }

  private async heartbeat(): Promise<void> {
    const { pool, config, events } = this.deps;
    const started = performance.now();
    const held = [...this.running.values()].filter((r) => !r.settling).map((r) => r.job);
    held.push(...this.queued);
    try {
      const leases = await renewLeases(pool, held, config.leaseSeconds);
      let lost = 0;
      let renewed = 0;
      for (const job of held) {
        const state = leases.get(job.id);
        if (state?.renewed) renewed++;
        const waiting = this.queued.indexOf(job);
        if (waiting >= 0) {
          // Claimed ahead and not started yet: drop it if it is someone else's now, or start it cancelled.
          if (state && !state.ours) {
            this.queued.splice(waiting, 1);
            lost++;
            events.emit('job:stale', { ...this.ref(job), action: 'abandon' });
          } else if (state?.cancelRequested) job.cancel_requested = true;
          continue;
        }
        if (state && !state.ours && this.running.get(job.id)?.settling === false) {
          // Gone from under us (lapsed and recovered while we were paused): stop wasting work on it.
          lost++;
          this.abortJob(job.id, 'lease_lost');
        } else if (state?.cancelRequested) this.abortJob(job.id, 'cancel');
      }
      await upsertWorker(pool, this.info, this.active, this.status);
      events.emit('heartbeat:done', { workerId: this.id, renewed, lost, ms: performance.now() - started });
    } catch (err) {
      events.emit('error', { where: 'heartbeat', error: toJobError(err).message });
    }
  }

  private async recover(previousSelf?: string): Promise<number> {
    const recovered = await recoverLapsedLeases(this.deps.pool, { previousSelf });
    if (recovered.ids.length > 0) {
      this.deps.events.emit('jobs:recovered', { workerId: this.id, count: recovered.ids.length, failed: recovered.failed, jobIds: recovered.ids });
    }
    return recovered.ids.length;
  }

  /** The safety net: lapsed leases, missed notifications, due retries, expired cache rows. */
  async sweep(): Promise<void> {
    const { pool, events } = this.deps;
    if (this.stopping) return;
    const started = performance.now();
    try {
      const recovered = await this.recover();
      const cacheDeleted = await cleanupExpiredCache(pool);
      if (this.deps.retention) await applyRetention(pool, this.deps.retention, events);
      events.emit('sweep:done', { workerId: this.id, recovered: recovered, cacheDeleted, ms: performance.now() - started });
    } catch (err) {
      events.emit('error', { where: 'sweep', error: toJobError(err).message });
    }
    this.poke();
  }

  /**
   * Graceful stop: claim nothing more; give running jobs `graceMs`; then abort the rest and release
   * them to pending without burning an attempt; mark the registry row stopped.
   */
  async stop(graceMs = this.deps.config.shutdownGraceSeconds * 1000, reason = 'shutdown'): Promise<{ released: number }> {
    const { pool, events } = this.deps;
    if (this.stopping) return { released: 0 };
    this.stopping = true;
    this.status = 'stopping';
    clearInterval(this.sweepTimer);
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    events.emit('worker:stopping', { workerId: this.id, running: this.active, reason });
    // Claimed ahead but never started: hand them back at once, attempt unburned.
    const notStarted = this.queued.splice(0);
    if (notStarted.length > 0) {
      await this.withRetries(() => releaseJobs(pool, notStarted)).catch((err) => {
        events.emit('error', { where: 'release', error: toJobError(err).message });
      });
      for (const job of notStarted) events.emit('job:released', { ...this.ref(job), durationMs: 0 });
    }
    await upsertWorker(pool, this.info, this.active, 'stopping').catch(() => {});

    if (this.running.size > 0 && graceMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.idleWaiters.push(resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
      ]);
      clearTimeout(timer);
    }

    const leftovers = [...this.running.values()].filter((r) => !r.settling);
    for (const r of leftovers) this.abortJob(r.job.id, 'shutdown');
    let released: string[] = [];
    if (leftovers.length > 0) {
      released = await this.withRetries(() => releaseJobs(pool, leftovers.map((r) => r.job))).catch((err) => {
        events.emit('error', { where: 'release', error: toJobError(err).message });
        return [];
      });
      for (const r of leftovers) {
        events.emit('job:released', { ...this.ref(r.job), durationMs: performance.now() - r.started });
      }
    }
    // Wait for settles already on their way (completions, failures) before closing anything.
    if (this.running.size > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await this.completions.drain();
    clearInterval(this.heartbeatTimer);
    await this.listener.close();
    this.status = 'stopped';
    await upsertWorker(pool, this.info, 0, 'stopped').catch(() => {});
    events.emit('worker:stopped', { workerId: this.id, released: released.length });
    return { released: released.length };
  }
}

function sum(calls: HandlerResult['calls'], key: 'input_tokens' | 'output_tokens'): number | null {
  if (!calls || calls.length === 0) return null;
  let total = 0;
  let any = false;
  for (const c of calls) {
    if (typeof c[key] === 'number') {
      total += c[key]!;
      any = true;
    }
  }
  return any ? total : null;
}
