// The daemon's heart: a pool of running jobs fed by LISTEN/NOTIFY, bounded by WORKER_CONCURRENCY,
// kept alive by a heartbeat that renews every lease in one UPDATE, and backed by a slow sweep that
// catches whatever notifications missed. It knows no HTTP; it reports through the event bus.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { DatabaseConfig, WorkerConfig } from '../config.ts';
import { isDataError } from '../db/storable.ts';
import type { JobErrorCode } from '../error-codes.ts';
import { applyRetention, type RetentionSettings } from '../retention/retention.ts';
import { CancelledError, PermanentError, TransientError, toJobError, toUserError, type JobError } from '../errors.ts';
import type { EventBus, JobRef } from '../events.ts';
import type { HandlerRegistry } from '../handlers/registry.ts';
import type { HandlerResult, JobContext, JobHandler } from '../handlers/types.ts';
import type { CallRecord } from '../providers/call.ts';
import { retryDelayMs } from '../retry/backoff.ts';
import { claimJobs, recordDelivery, recoverLapsedLeases, renewLeases, type ClaimedJob } from '../queue/jobs.ts';
import { JobListener } from '../queue/listener.ts';
import { cleanupExpiredCache } from '../cache/store.ts';
import { Claimer } from './claimer.ts';
import { Deadlines } from './deadlines.ts';
import { retryWithinLease, Settler } from './settler.ts';
import { TrackedJobs, type TrackedJob } from './tracked.ts';
import { freshHolder, upsertWorker, WorkerIdInUseError, type WorkerInfo, type WorkerStatus } from './registry.ts';

/**
 * Claim-ahead bounded in time: a job claimed ahead that has not started within this long is handed
 * back (attempt refunded) for another daemon, and the claim-ahead stops until a handler's duration is
 * measured again — the average that sized it was wrong (a slow job among fast ones).
 */
const LOOKAHEAD_MAX_WAIT_MS = 1_000;

/** Error codes that mean "the whole provider chain is open": snooze, and pause the type. */
const OUTAGE_CODES: ReadonlySet<JobErrorCode> = new Set<JobErrorCode>(['providers_circuit_open', 'circuit_open']);

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

/** What the worker keeps beside a held job (src/worker/tracked.ts holds the job and its state). */
interface Attempt {
  /**
   * Made when the handler first reads its signal, or when the job is aborted: a handler that never
   * looks at it (a no-op, a cache hit) costs no controller.
   */
  controller: AbortController | undefined;
  started: number;
  /** The handler's time limit (WORKER_STUCK_SECONDS, or the handler's own if shorter). */
  timeoutMs: number;
  /** Provider calls the handler made, kept for the row when the attempt fails. */
  calls: CallRecord[];
}

type Held = TrackedJob<Attempt>;

type Outcome = { ok: true; out: HandlerResult; version: string | undefined } | { ok: false; err: unknown };

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
  /** Every job this daemon holds a lease on (or whose abandoned handler still runs), with its state. */
  private readonly jobs = new TrackedJobs<Attempt>();
  /** Each running handler's time limit (WORKER_STUCK_SECONDS or the handler's own). */
  private readonly deadlines = new Deadlines<Held>((held) =>
    this.abortJob(
      held.job.id,
      'timeout',
      new TransientError('timeout', `the handler ran longer than ${Math.round(held.extra.timeoutMs / 1000)} s and was aborted; this attempt counts as failed`),
    ),
  );
  private readonly claimer: Claimer;
  private readonly settler: Settler;
  private readonly listener: JobListener;
  private status: WorkerStatus = 'running';
  private stopping = false;
  private staleTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private readonly startedAt = Date.now();

  constructor(private readonly deps: WorkerDeps) {
    const { config } = deps;
    this.id = config.id ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.info = { id: this.id, host: os.hostname(), pid: process.pid, version: deps.version, concurrency: config.concurrency };
    this.claimer = new Claimer({
      concurrency: config.concurrency,
      typeCaps: config.typeConcurrency,
      occupancy: this.jobs,
      claim: (limit, rules) => claimJobs(deps.pool, this.id, limit, config.leaseSeconds, rules),
      accept: (jobs) => this.accept(jobs),
      handBack: async (jobs) => {
        await this.settler.settleNow('release', jobs).catch(() => {});
      },
      startQueued: () => this.startQueued(),
      onError: (err) => deps.events.emit('error', { where: 'claim', error: toJobError(err).message }),
    });
    // A settle batch can hold a whole claim's worth. A lone outcome (nothing else running or waiting
    // to start) is written at once: no batch partner can come, and waiting only adds to the
    // turnaround a client sees.
    this.settler = new Settler(deps.pool, {
      batchMs: config.completionBatchMs,
      maxBatch: config.concurrency + this.claimer.maxAhead,
      mayJoin: () => this.jobs.executing > 0 || this.jobs.queued > 0,
      retryForMs: config.leaseSeconds * 1000,
    });
    this.listener = new JobListener(
      deps.database,
      {
        onJobs: () => this.claimer.poke(),
        onCancel: (jobId) => this.abortJob(jobId, 'cancel'),
        onConnected: () => this.claimer.poke(),
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
    return this.jobs.executing;
  }

  /** Handlers that ignored their AbortSignal and still run after their job was given up. */
  get abandonedCount(): number {
    return this.jobs.abandoned;
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
    this.claimer.poke();
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

  /** Something may be claimable (the daemon's sweep and tests call it too). */
  poke(): void {
    this.claimer.poke();
  }

  /** Claimed jobs join the map as queued; they start as slots free, in claim order. */
  private accept(jobs: ClaimedJob[]): void {
    const at = performance.now();
    for (const job of jobs) this.jobs.add(job, at, { controller: undefined, started: at, timeoutMs: 0, calls: [] });
    this.startQueued();
    if (this.jobs.queued > 0) this.watchQueued();
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
    const stale = this.jobs.inState('queued').filter((t) => t.claimedAt <= limit);
    if (stale.length > 0) {
      for (const t of stale) this.jobs.move(t, 'gone');
      this.claimer.forgetMeasure();
      try {
        await this.settler.settleNow(
          'release',
          stale.map((t) => t.job),
        );
        for (const t of stale) this.deps.events.emit('job:released', { ...this.ref(t.job), durationMs: 0 });
      } catch (err) {
        // Not released: their leases lapse and the sweep brings them back.
        this.deps.events.emit('error', { where: 'release', error: toJobError(err).message });
      }
    }
    if (this.jobs.queued > 0) this.watchQueued();
  }

  /**
   * Jobs claimed ahead start as slots free; never more than WORKER_CONCURRENCY handlers at once. A
   * job whose previous attempt's handler still runs here (abandoned) waits for it: two attempts of
   * one job never run side by side in this process.
   */
  private startQueued(): void {
    const c = this.deps.config.concurrency;
    while (!this.stopping && this.jobs.executing < c) {
      const next = this.jobs.nextToStart();
      if (!next) break;
      this.run(next);
    }
  }

  private ref(job: ClaimedJob): JobRef {
    return { jobId: job.id, type: job.type, attempt: job.attempts, workerId: this.id };
  }

  private run(held: Held): void {
    const { config, events, handlers } = this.deps;
    const { job } = held;
    const attempt = held.extra;
    attempt.started = performance.now();
    events.emit('job:claimed', {
      ...this.ref(job),
      pickupMs: Math.max(0, job.pickup_ms),
    });
    if (job.cancel_requested) {
      // Never start a handler whose signal has already fired (claimed ahead, cancelled while waiting).
      const controller = (attempt.controller = new AbortController());
      controller.abort(new AbortReason('cancel', new CancelledError('cancelled', 'cancelled by request while running')));
      this.jobs.move(held, 'settling');
      void this.settle(held, { ok: false, err: controller.signal.reason });
      return;
    }
    this.jobs.move(held, 'running');

    let handler: JobHandler | undefined;
    try {
      handler = handlers.get(job.type);
    } catch {
      handler = undefined;
    }
    attempt.timeoutMs = Math.min(config.stuckSeconds * 1000, handler?.timeoutMs || Number.POSITIVE_INFINITY);
    this.deadlines.add(held, attempt.timeoutMs);
    let ran: Promise<HandlerResult>;
    try {
      // handlers.get again for an unknown type: its error is the job's.
      ran = Promise.resolve((handler ?? handlers.get(job.type)).run(job.input, new AttemptContext(job, attempt, this.deps.pool, config.leaseSeconds * 1000)));
    } catch (err) {
      // A handler that threw before its first await is settled like any failure.
      ran = Promise.reject(err);
    }
    ran.then(
      (out) => this.handlerReturned(held, { ok: true, out, version: handler?.version }),
      (err) => this.handlerReturned(held, { ok: false, err }),
    );
  }

  /** The handler's own promise settled: its slot frees now, not when its job's settle is written. */
  private handlerReturned(held: Held, outcome: Outcome): void {
    if (held.state === 'running') {
      this.jobs.move(held, 'settling');
      void this.settle(held, outcome);
    } else {
      // Abandoned: its job was given up already; this result is dropped.
      this.jobs.handlerReturned(held);
      this.deps.events.emit('job:abandoned_ended', { ...this.ref(held.job), durationMs: performance.now() - held.extra.started });
    }
    this.claimer.slotFreed(held.job.type);
  }

  private abortJob(jobId: string, cause: AbortCause, error?: JobError): void {
    const held = this.jobs.live(jobId);
    if (!held) return;
    if (held.state === 'queued') {
      // Claimed ahead, not started: it will start already cancelled and settle as such.
      if (cause === 'cancel') held.job.cancel_requested = true;
      return;
    }
    if (held.state !== 'running') return;
    const controller = (held.extra.controller ??= new AbortController());
    if (controller.signal.aborted) return;
    const err =
      error ??
      (cause === 'cancel'
        ? new CancelledError('cancelled', 'cancelled by request while running')
        : cause === 'shutdown'
          ? new CancelledError('shutdown', 'the worker shut down before the job finished; it was released to run again')
          : new CancelledError('lease_lost', 'the lease was lost: another worker owns this job now'));
    controller.abort(new AbortReason(cause, err));
    // The job settles on abort even when the handler ignores its signal. One macrotask later, though,
    // so a handler that honours the signal ends first and is not reported as abandoned. (Here, not in
    // an abort listener: this is the only place a running job's signal fires, and a listener per job
    // was a measurable share of the daemon's CPU per job in bench:queue.)
    setImmediate(() => {
      if (held.state !== 'running') return;
      this.jobs.move(held, 'abandoned');
      this.deps.events.emit('job:abandoned', { ...this.ref(held.job), durationMs: performance.now() - held.extra.started });
      void this.settle(held, { ok: false, err: controller.signal.reason });
    });
  }

  /** The one settle path: the outcome decides the kind; the settler writes it, batched and fenced. */
  private async settle(held: Held, outcome: Outcome): Promise<void> {
    this.deadlines.remove(held);
    const durationMs = performance.now() - held.extra.started;
    try {
      if (outcome.ok) {
        this.claimer.measured(durationMs);
        await this.complete(held, outcome.out, outcome.version, durationMs);
      } else await this.settleFailure(held, outcome.err, durationMs);
    } catch (err) {
      // The database stayed away longer than the lease: the job is recovered by whoever sweeps next.
      this.deps.events.emit('error', { where: 'settle', error: toJobError(err).message });
    } finally {
      this.jobs.settled(held);
      this.claimer.settled();
    }
  }

  /** Read once the final state has been written: the turnaround a client sees. */
  private turnaroundMs(held: Held): number {
    return Math.max(0, held.job.queued_ms) + performance.now() - held.claimedAt;
  }

  // The success path on its own, with no closure: it runs once per job, and the combined settle's
  // closures and captured frame were the largest share of what the daemon allocated per job
  // (bench:queue heap sampling, ~2 KB a job).
  private async complete(held: Held, out: HandlerResult, version: string | undefined, durationMs: number): Promise<void> {
    const { job } = held;
    let applied: boolean;
    try {
      applied = await this.settler.settle('complete', {
        id: job.id,
        lease_token: job.lease_token,
        result: out.result,
        provider: out.provider,
        model: out.model,
        provider_calls: out.calls,
        input_tokens: sum(out.calls, 'input_tokens'),
        output_tokens: sum(out.calls, 'output_tokens'),
        cache_key: out.cacheKey,
        handler_version: version,
        locked_by: job.locked_by,
      });
    } catch (err) {
      if (!isDataError(err)) throw err;
      return this.unstorable(held, err, durationMs);
    }
    if (applied) this.deps.events.emit('job:completed', { ...this.ref(job), durationMs, turnaroundMs: this.turnaroundMs(held) });
    else this.deps.events.emit('job:stale', { ...this.ref(job), action: 'complete' });
  }

  /**
   * PostgreSQL refused a value even after cleaning (a token count beyond integer, an invalid
   * escape…): no retry can store it, so the job fails now with a code that says so, alone.
   */
  private async unstorable(held: Held, err: unknown, durationMs: number): Promise<void> {
    const { job, extra: attempt } = held;
    const error = new PermanentError(
      'result_unstorable',
      `the result could not be stored (PostgreSQL ${(err as { code: string }).code}: ${(err as Error).message}); the job is not retried`,
    );
    const providerCalls = attempt.calls.length > 0 ? attempt.calls : undefined;
    const row = await this.settler.settle('fail', { ...lease(job), error: toUserError(error), permanent: true, delayMs: 0, providerCalls });
    if (row) this.deps.events.emit('job:failed', { ...this.ref(job), durationMs, turnaroundMs: this.turnaroundMs(held), error: error.toJSON() });
    else this.deps.events.emit('job:stale', { ...this.ref(job), action: 'complete' });
  }

  private async settleFailure(held: Held, err: unknown, durationMs: number): Promise<void> {
    const { job, extra: attempt } = held;
    const { events, config } = this.deps;
    const ref = this.ref(job);
    const providerCalls = attempt.calls.length > 0 ? attempt.calls : undefined;
    const signal = attempt.controller?.signal;
    const reason = signal?.aborted ? (signal.reason as AbortReason) : undefined;
    if (reason?.why === 'lease_lost') {
      events.emit('job:stale', { ...ref, action: 'abandon' });
      return;
    }
    if (reason?.why === 'shutdown') {
      // Released in one statement by stop(); nothing to write here.
      return;
    }
    if (reason?.why === 'cancel') {
      const applied = await this.settler.settle('cancel', { ...lease(job), message: 'cancelled by request while running' });
      if (applied) events.emit('job:cancelled', { ...ref, durationMs, turnaroundMs: this.turnaroundMs(held) });
      else events.emit('job:stale', { ...ref, action: 'cancel' });
      return;
    }

    const error = reason ? reason.error : toJobError(err);
    if (error.kind === 'retry_after' && OUTAGE_CODES.has(error.code)) {
      // Every provider of the chain is open: wait for the next probe without spending the attempt,
      // and claim no more of this type until then.
      const delayMs = retryDelayMs(job.attempts, { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs }, error);
      this.claimer.pause(job.type, Date.now() + delayMs);
      const row = await this.settler.settle('snooze', { ...lease(job), error: toUserError(error), delayMs, maxSnoozes: config.maxSnoozes });
      if (!row) events.emit('job:stale', { ...ref, action: 'snooze' });
      else if (row.status === 'pending') {
        events.emit('job:snoozed', { ...ref, durationMs, delayMs, refunded: row.refunded, error: error.toJSON() });
        this.claimer.wakeIn(delayMs);
      } else events.emit('job:failed', { ...ref, durationMs, turnaroundMs: this.turnaroundMs(held), error: error.toJSON() });
      return;
    }
    const permanent = error.kind === 'permanent' || error.kind === 'cancelled';
    const delayMs = permanent ? 0 : retryDelayMs(job.attempts, { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs }, error);
    const row = await this.settler.settle('fail', { ...lease(job), error: toUserError(error), permanent, delayMs, providerCalls });
    if (!row) events.emit('job:stale', { ...ref, action: 'fail' });
    else if (row.status === 'pending') {
      events.emit('job:retried', { ...ref, durationMs, delayMs, error: error.toJSON() });
      this.claimer.wakeIn(delayMs);
    } else events.emit('job:failed', { ...ref, durationMs, turnaroundMs: this.turnaroundMs(held), error: error.toJSON() });
  }

  private async heartbeat(): Promise<void> {
    const { pool, config, events } = this.deps;
    const started = performance.now();
    const held = [...this.jobs.inState('running'), ...this.jobs.inState('queued')];
    try {
      const leases = await renewLeases(
        pool,
        held.map((h) => h.job),
        config.leaseSeconds,
      );
      let lost = 0;
      let renewed = 0;
      for (const h of held) {
        const state = leases.get(h.job.id);
        if (state?.renewed) renewed++;
        if (!this.jobs.has(h)) continue;
        if (h.state === 'queued') {
          // Claimed ahead and not started yet: drop it if it is someone else's now, or start it cancelled.
          if (state && !state.ours) {
            this.jobs.move(h, 'gone');
            lost++;
            events.emit('job:stale', { ...this.ref(h.job), action: 'abandon' });
          } else if (state?.cancelRequested) h.job.cancel_requested = true;
          continue;
        }
        if (state && !state.ours && h.state === 'running') {
          // Gone from under us (lapsed and recovered while we were paused): stop wasting work on it.
          lost++;
          this.abortJob(h.job.id, 'lease_lost');
        } else if (state?.cancelRequested) this.abortJob(h.job.id, 'cancel');
      }
      await upsertWorker(pool, this.info, this.jobs.executing, this.status);
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
    this.claimer.poke();
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
    this.claimer.stop();
    clearInterval(this.sweepTimer);
    if (this.staleTimer) clearTimeout(this.staleTimer);
    events.emit('worker:stopping', { workerId: this.id, running: this.jobs.executing, reason });
    // Claimed ahead but never started: hand them back at once, attempt unburned.
    const notStarted = this.jobs.inState('queued');
    for (const t of notStarted) this.jobs.move(t, 'gone');
    if (notStarted.length > 0) {
      await this.settler
        .settleNow(
          'release',
          notStarted.map((t) => t.job),
        )
        .catch((err) => {
          events.emit('error', { where: 'release', error: toJobError(err).message });
        });
      for (const t of notStarted) events.emit('job:released', { ...this.ref(t.job), durationMs: 0 });
    }
    await upsertWorker(pool, this.info, this.jobs.executing, 'stopping').catch(() => {});

    if (this.jobs.unsettled > 0 && graceMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.jobs.whenUnsettledNone(), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    }

    const leftovers = this.jobs.inState('running');
    for (const r of leftovers) this.abortJob(r.job.id, 'shutdown');
    let released = 0;
    if (leftovers.length > 0) {
      released = await this.settler
        .settleNow(
          'release',
          leftovers.map((r) => r.job),
        )
        .then(
          (applied) => applied.filter(Boolean).length,
          (err) => {
            events.emit('error', { where: 'release', error: toJobError(err).message });
            return 0;
          },
        );
      for (const r of leftovers) {
        events.emit('job:released', { ...this.ref(r.job), durationMs: performance.now() - r.extra.started });
      }
    }
    // Wait for settles already on their way (completions, failures) before closing anything.
    await this.jobs.whenUnsettledNone();
    await this.settler.drain();
    this.deadlines.clear();
    clearInterval(this.heartbeatTimer);
    await this.listener.close();
    this.status = 'stopped';
    await upsertWorker(pool, this.info, 0, 'stopped').catch(() => {});
    events.emit('worker:stopped', { workerId: this.id, released });
    return { released };
  }
}

/**
 * What a handler gets for one attempt. A class, not an object literal with closures: its signal and
 * delivery recorder are made only when a handler asks (most never record a delivery; a no-op or a
 * cache hit never reads its signal), and the rest is plain fields.
 */
class AttemptContext implements JobContext {
  readonly jobId: string;
  readonly userId: string;
  readonly type: string;
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly calls: CallRecord[];
  readonly delivery: unknown;

  constructor(
    private readonly job: ClaimedJob,
    private readonly held: Attempt,
    private readonly pool: pg.Pool,
    private readonly leaseMs: number,
  ) {
    this.jobId = job.id;
    this.userId = job.user_id;
    this.type = job.type;
    this.attempt = job.attempts;
    this.maxAttempts = job.max_attempts;
    this.calls = held.calls;
    this.delivery = job.delivery ?? undefined;
  }

  get signal(): AbortSignal {
    this.held.controller ??= new AbortController();
    return this.held.controller.signal;
  }

  /** A function of its own: handlers pass it along detached from the context. */
  get recordDelivery(): (delivery: unknown) => Promise<boolean> {
    return (delivery) => retryWithinLease(() => recordDelivery(this.pool, this.job, delivery), this.leaseMs);
  }
}

/** The fence of every settle: the job's id, the lease it was claimed with, and its holder (for the ledger). */
function lease(job: ClaimedJob): { id: string; lease_token: string; locked_by: string } {
  return { id: job.id, lease_token: job.lease_token, locked_by: job.locked_by };
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
