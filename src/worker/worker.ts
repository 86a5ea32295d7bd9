// The daemon's heart: a pool of running jobs fed by LISTEN/NOTIFY, bounded by WORKER_CONCURRENCY,
// kept alive by a heartbeat that renews every lease in one UPDATE, and backed by a slow sweep that
// catches whatever notifications missed. It knows no HTTP; it reports through the event bus.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { DatabaseConfig, WorkerConfig } from '../config.ts';
import { isDataError } from '../db/storable.ts';
import { applyRetention, type RetentionSettings } from '../retention/retention.ts';
import { CancelledError, PermanentError, TransientError, toJobError, toUserError, type JobError } from '../errors.ts';
import type { EventBus, JobRef } from '../events.ts';
import type { HandlerRegistry } from '../handlers/registry.ts';
import type { HandlerResult } from '../handlers/types.ts';
import type { CallRecord } from '../providers/call.ts';
import { retryDelayMs } from '../retry/backoff.ts';
import {
  cancelJob,
  claimJobs,
  failOrRetryJob,
  recoverLapsedLeases,
  recordDelivery,
  releaseJobs,
  renewLeases,
  snoozeJob,
  type ClaimedJob,
} from '../queue/jobs.ts';
import { JobListener } from '../queue/listener.ts';
import { cleanupExpiredCache } from '../cache/store.ts';
import { CompletionBatcher } from './completions.ts';
import { freshHolder, upsertWorker, WorkerIdInUseError, type WorkerInfo, type WorkerStatus } from './registry.ts';

/** After a failed claim (outage, dead connection), the next try; the listener's reconnect may come sooner. */
const CLAIM_RETRY_MS = 1_000;

/**
 * Claim-ahead: while a backlog lasts and handlers are quick, one claim also fetches the jobs the pool
 * will start within this horizon (at the measured handler duration), so a round trip claims — and a
 * completion batch settles — many jobs, not just one pool's worth. Slow handlers (AI calls) get no
 * lookahead at all: nothing is held that another daemon could be running. At most
 * LOOKAHEAD_MAX_PER_SLOT × concurrency (and LOOKAHEAD_MAX in all) wait, leased, in memory.
 * 1,000 rather than 250: every claim and completion statement has a fixed cost (its commit, its
 * round trip, the claim's candidate window), and with 250 the daemon claimed ~130 rows at a time and
 * waited on each claim (bench:queue, docs/queue.md "Claim plan"). The time bound below still hands
 * back whatever waits too long.
 */
const LOOKAHEAD_HORIZON_MS = 10;
const LOOKAHEAD_MAX_PER_SLOT = 100;
const LOOKAHEAD_MAX = 1000;
/**
 * Claim-ahead bounded in time: a job claimed ahead that has not started within this long is handed
 * back (attempt refunded) for another daemon, and the claim-ahead stops until a handler's duration is
 * measured again — the average that sized it was wrong (a slow job among fast ones).
 */
const LOOKAHEAD_MAX_WAIT_MS = 1_000;

/**
 * Retry wake-ups are kept per 20 ms bucket: every due retry gets its own wake-up (issue 15: keeping
 * only the earliest made a later retry wait for the sweep), and a burst of retries costs one timer
 * per bucket, not one per job.
 */
const WAKE_BUCKET_MS = 20;

/** Error codes that mean "the whole provider chain is open": snooze, and pause the type. */
const OUTAGE_CODES = new Set(['providers_circuit_open', 'circuit_open']);

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
  /** The handler's own promise has settled. Until then it holds its slot, even after the job settled. */
  handlerDone: boolean;
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
  /**
   * Handlers executing now, counted until their own promise settles — including abandoned ones (the
   * job was settled after an abort, the handler ignored its signal and still runs). WORKER_CONCURRENCY
   * bounds this, so abandoned handlers can never pile up beyond the slots.
   */
  private active = 0;
  /** Handlers still running whose job was already settled (they ignored their AbortSignal). */
  private readonly abandoned = new Map<string, RunningJob>();
  /** Handlers (abandoned included) and claimed-ahead jobs per type, for WORKER_CONCURRENCY_<TYPE>. */
  private readonly perType = new Map<string, number>();
  /** Types whose whole provider chain is open: not claimed before this time (Date.now() ms). */
  private readonly pausedUntil = new Map<string, number>();
  /** Claimed ahead (leased, handler not started yet); they start as slots free, in claim order. */
  private queued: ClaimedJob[] = [];
  /** When each claimed-ahead job was claimed (performance.now()). */
  private readonly queuedAt = new WeakMap<ClaimedJob, number>();
  private staleTimer: NodeJS.Timeout | undefined;
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
  private readonly wakeTimers = new Map<number, NodeJS.Timeout>();
  private idleWaiters: Array<() => void> = [];
  private readonly startedAt = Date.now();

  constructor(private readonly deps: WorkerDeps) {
    const { config } = deps;
    this.id = config.id ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.info = { id: this.id, host: os.hostname(), pid: process.pid, version: deps.version, concurrency: config.concurrency };
    this.lookaheadMax = Math.min(LOOKAHEAD_MAX, LOOKAHEAD_MAX_PER_SLOT * config.concurrency);
    // A completion batch can hold a whole claim's worth.
    // A lone completion (nothing else running or waiting to start) is written at once: no batch
    // partner can come, and waiting only adds to the turnaround a client sees.
    this.completions = new CompletionBatcher(
      deps.pool,
      config.completionBatchMs,
      config.concurrency + this.lookaheadMax,
      () => this.active > 0 || this.queued.length > 0,
    );
    this.listener = new JobListener(
      deps.database,
      {
        onJobs: () => this.poke(),
        onCancel: (jobId) => this.abortJob(jobId, 'cancel'),
        onConnected: () => this.poke(),
        // The start-up check that notifications from others reach the listener (pooler detection
        // on any port: the URL check only knows Supabase's 6543).
        notifyFromElsewhere: async (channel, payload) => {
          await deps.pool.query('select pg_notify($1, $2)', [channel, payload]);
        },
      },
      deps.events,
    );
  }

  /**
   * Handlers executing now (never above WORKER_CONCURRENCY), abandoned ones included; settles in
   * flight are not counted. Read-only: metrics and /health read it.
   */
  get runningCount(): number {
    return this.active;
  }

  /** Handlers that ignored their AbortSignal and still run after their job was settled. */
  get abandonedCount(): number {
    return this.abandoned.size;
  }

  get listenerState(): { connected: boolean; lastEventAgeMs: number | undefined; reconnects: number } {
    return { connected: this.listener.connected, lastEventAgeMs: this.listener.lastEventAgeMs(), reconnects: this.listener.reconnects };
  }

  get uptimeSeconds(): number {
    return (Date.now() - this.startedAt) / 1000;
  }

  async start(): Promise<void> {
    const { config, pool, events } = this.deps;
    // A restarted daemon with a stable WORKER_ID takes back what its dead predecessor held, now —
    // unless that id is alive elsewhere: then recovery would re-queue a live daemon's running jobs.
    if (config.id) {
      await this.refuseLiveNamesake(config.id);
      await this.recover(config.id);
    }
    await upsertWorker(pool, this.info, 0, 'running');
    await this.listener.start();
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), config.heartbeatSeconds * 1000);
    this.sweepTimer = setInterval(() => void this.sweep(), config.sweepSeconds * 1000);
    events.emit('worker:started', { workerId: this.id, concurrency: config.concurrency });
    // Jobs that arrived while no daemon was listening.
    this.poke();
  }

  /**
   * A registry row for our id renewed within the lease, by another host, or by another live process
   * on this host, means two daemons share one WORKER_ID: refuse to start. A same-host row whose
   * process is gone is a crashed predecessor (a supervisor restart): recovered as before.
   */
  private async refuseLiveNamesake(id: string): Promise<void> {
    const holder = await freshHolder(this.deps.pool, id, this.deps.config.leaseSeconds);
    if (!holder) return;
    const sameHost = holder.host === this.info.host;
    if (sameHost && (holder.pid === process.pid || !processAlive(holder.pid))) return;
    throw new WorkerIdInUseError(
      `WORKER_ID ${id} is in use by a running daemon (${sameHost ? `pid ${holder.pid} on this host` : `host ${holder.host}, pid ${holder.pid}`}, ` +
        `seen ${Math.round(holder.seconds_since_seen)} s ago). Give each process its own WORKER_ID; if that daemon is gone ` +
        `(a re-created container), start again after WORKER_LEASE_SECONDS (${this.deps.config.leaseSeconds} s).`,
    );
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
          jobs = await claimJobs(this.deps.pool, this.id, free, this.deps.config.leaseSeconds, this.claimRules());
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
        const at = performance.now();
        for (const job of jobs) {
          this.countType(job.type, 1);
          this.queuedAt.set(job, at);
        }
        this.queued.push(...jobs);
        this.startQueued();
        if (this.queued.length > 0) this.watchQueued();
      } while (this.refill || (this.backlog && this.freeSlots() > 0));
    } finally {
      this.filling = false;
    }
  }

  /** Check, once the bound has passed, for claimed-ahead jobs still waiting. */
  private watchQueued(): void {
    if (this.staleTimer || this.stopping) return;
    this.staleTimer = setTimeout(() => {
      this.staleTimer = undefined;
      void this.releaseStaleQueued();
    }, LOOKAHEAD_MAX_WAIT_MS);
  }

  private async releaseStaleQueued(): Promise<void> {
    if (this.stopping) return;
    const limit = performance.now() - LOOKAHEAD_MAX_WAIT_MS;
    const stale = this.queued.filter((j) => (this.queuedAt.get(j) ?? Infinity) <= limit);
    if (stale.length > 0) {
      this.queued = this.queued.filter((j) => !stale.includes(j));
      for (const job of stale) this.countType(job.type, -1);
      this.handlerMs = undefined;
      try {
        await this.withRetries(() => releaseJobs(this.deps.pool, stale));
        for (const job of stale) this.deps.events.emit('job:released', { ...this.ref(job), durationMs: 0 });
      } catch (err) {
        // Not released: their leases lapse and the sweep brings them back.
        this.deps.events.emit('error', { where: 'release', error: toJobError(err).message });
      }
    }
    if (this.queued.length > 0) this.watchQueued();
  }

  /** What this daemon may claim now: per-type room under WORKER_CONCURRENCY_<TYPE>, paused types. */
  private claimRules(): { exclude: string[]; rooms: Map<string, number> } {
    const now = Date.now();
    const exclude: string[] = [];
    for (const [type, until] of this.pausedUntil) {
      if (until > now) exclude.push(type);
      else this.pausedUntil.delete(type);
    }
    const rooms = new Map<string, number>();
    for (const [type, cap] of Object.entries(this.deps.config.typeConcurrency)) rooms.set(type, cap - (this.perType.get(type) ?? 0));
    return { exclude, rooms };
  }

  private countType(type: string, delta: number): void {
    const n = (this.perType.get(type) ?? 0) + delta;
    if (n > 0) this.perType.set(type, n);
    else this.perType.delete(type);
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

  /**
   * Jobs claimed ahead start as slots free; never more than WORKER_CONCURRENCY handlers at once. A
   * job whose previous attempt's handler still runs here (abandoned) waits for it: two attempts of
   * one job never run side by side in this process.
   */
  private startQueued(): void {
    const c = this.deps.config.concurrency;
    while (!this.stopping && this.active < c && this.queued.length > 0) {
      const i = this.abandoned.size === 0 ? 0 : this.queued.findIndex((j) => !this.abandoned.has(j.id));
      if (i < 0) break;
      this.run(this.queued.splice(i, 1)[0]!);
    }
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
      handlerDone: false,
    };
    this.running.set(job.id, entry);
    this.active++;
    events.emit('job:claimed', {
      ...this.ref(job),
      pickupMs: Math.max(0, job.claimed_at.getTime() - Math.max(job.created_at.getTime(), job.run_at.getTime())),
      queuedMs: Math.max(0, job.claimed_at.getTime() - job.created_at.getTime()),
    });
    if (job.cancel_requested) this.abortJob(job.id, 'cancel');
    if (controller.signal.aborted) {
      // Never start a handler whose signal has already fired (claimed ahead, cancelled while waiting).
      this.handlerEnded(entry);
      void this.settle(entry, { ok: false, err: controller.signal.reason });
      return;
    }

    // The handler races its own AbortSignal, so a handler that ignores the signal cannot hold the
    // job: the job settles on abort. One macrotask later, though, so a handler that honours the
    // signal ends first and is not reported as abandoned.
    const aborted = new Promise<never>((_, reject) => {
      const onAbort = () => setImmediate(() => reject(controller.signal.reason));
      controller.signal.addEventListener('abort', onAbort, { once: true });
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
        delivery: job.delivery ?? undefined,
        recordDelivery: (delivery) => this.withRetries(() => recordDelivery(this.deps.pool, job, delivery)),
      });
    })().finally(() => this.handlerEnded(entry));
    Promise.race([work, aborted]).then(
      (out) => this.settle(entry, { ok: true, out, version: handler?.version }),
      (err) => this.settle(entry, { ok: false, err }),
    );
  }

  /** The handler's own promise settled: its slot frees now, not when its job settled. */
  private handlerEnded(entry: RunningJob): void {
    if (entry.handlerDone) return;
    entry.handlerDone = true;
    this.active--;
    this.countType(entry.job.type, -1);
    if (this.abandoned.get(entry.job.id) === entry) {
      this.abandoned.delete(entry.job.id);
      this.deps.events.emit('job:abandoned_ended', { ...this.ref(entry.job), durationMs: performance.now() - entry.started });
    }
    // A capped type freed room: jobs of it may wait that the last claim left behind.
    if (this.deps.config.typeConcurrency[entry.job.type as keyof WorkerConfig['typeConcurrency']] !== undefined) this.backlog = true;
    this.startQueued();
    if (this.backlog) void this.fill();
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
    clearTimeout(entry.timeout);
    const { job } = entry;
    const { events, pool, config } = this.deps;
    const ref = this.ref(job);
    const durationMs = performance.now() - entry.started;
    if (!entry.handlerDone) {
      // Aborted, and the handler ignored its signal: the job settles now; the handler keeps its slot
      // until it returns (counted in runningCount and abandonedCount).
      this.abandoned.set(job.id, entry);
      events.emit('job:abandoned', { ...ref, durationMs });
    }
    // Only successful runs size the claim-ahead: fast failures would pull the average towards zero
    // and make the daemon hoard jobs it cannot start soon.
    if (outcome.ok) this.handlerMs = this.handlerMs === undefined ? durationMs : 0.8 * this.handlerMs + 0.2 * durationMs;
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
            locked_by: job.locked_by,
          }),
        ).catch(async (err: unknown) => {
          if (!isDataError(err)) throw err;
          // PostgreSQL refused a value even after cleaning (a token count beyond integer, an invalid
          // escape…): no retry can store it, so the job fails now with a code that says so, alone.
          const error = new PermanentError(
            'result_unstorable',
            `the result could not be stored (PostgreSQL ${(err as { code: string }).code}: ${(err as Error).message}); the job is not retried`,
          );
          const row = await this.withRetries(() =>
            failOrRetryJob(pool, job, error.toJSON(), { permanent: true, delayMs: 0, providerCalls: entry.calls.length > 0 ? entry.calls : undefined }),
          );
          if (row) events.emit('job:failed', { ...ref, durationMs, error: error.toJSON() });
          return row ? 'failed' : false;
        });
        if (applied === 'failed') return;
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
      if (error.kind === 'retry_after' && OUTAGE_CODES.has(error.code)) {
        // Every provider of the chain is open: wait for the next probe without spending the attempt,
        // and claim no more of this type until then.
        const delayMs = retryDelayMs(job.attempts, { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs }, error);
        this.pausedUntil.set(job.type, Math.max(this.pausedUntil.get(job.type) ?? 0, Date.now() + delayMs));
        const row = await this.withRetries(() => snoozeJob(pool, job, error.toJSON(), { delayMs, maxSnoozes: config.maxSnoozes }));
        if (!row) events.emit('job:stale', { ...ref, action: 'snooze' });
        else if (row.status === 'pending') {
          events.emit('job:snoozed', { ...ref, durationMs, delayMs, refunded: row.refunded, error: error.toJSON() });
          this.wakeIn(delayMs);
        } else events.emit('job:failed', { ...ref, durationMs, error: error.toJSON() });
        return;
      }
      const permanent = error.kind === 'permanent' || error.kind === 'cancelled';
      const delayMs = permanent ? 0 : retryDelayMs(job.attempts, { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs }, error);
      const row = await this.withRetries(() =>
        failOrRetryJob(pool, job, toUserError(error), { permanent, delayMs, providerCalls: entry.calls.length > 0 ? entry.calls : undefined }),
      );
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

  /**
   * A settle that meets a brief outage tries again while our lease can still be valid. A data error
   * (SQLSTATE class 22) is the values' fault, not the database's: sending them again cannot help.
   */
  private async withRetries<T>(fn: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.deps.config.leaseSeconds * 1000;
    for (let i = 0; ; i++) {
      try {
        return await fn();
      } catch (err) {
        if (isDataError(err) || Date.now() + 200 > deadline) throw err;
        await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** i)));
      }
    }
  }

  /** A retry becomes due: wake then. Every wake-up is kept (one timer per 20 ms bucket). */
  private wakeIn(ms: number): void {
    if (this.stopping) return;
    const at = Math.ceil((Date.now() + ms) / WAKE_BUCKET_MS) * WAKE_BUCKET_MS;
    if (this.wakeTimers.has(at)) return;
    this.wakeTimers.set(
      at,
      setTimeout(
        () => {
          this.wakeTimers.delete(at);
          this.poke();
        },
        Math.max(0, at - Date.now()) + 5,
      ),
    );
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
            this.countType(job.type, -1);
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
    for (const t of this.wakeTimers.values()) clearTimeout(t);
    this.wakeTimers.clear();
    if (this.staleTimer) clearTimeout(this.staleTimer);
    events.emit('worker:stopping', { workerId: this.id, running: this.active, reason });
    // Claimed ahead but never started: hand them back at once, attempt unburned.
    const notStarted = this.queued.splice(0);
    for (const job of notStarted) this.countType(job.type, -1);
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
      released = await this.withRetries(() =>
        releaseJobs(
          pool,
          leftovers.map((r) => r.job),
        ),
      ).catch((err) => {
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

/** Whether a process with this pid exists on this host (EPERM: it exists, owned by someone else). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
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
