// The framework-free tracker: start an analysis through its edge function, follow the job through
// Supabase Realtime (the private broadcast topic of sql/040, or postgres_changes on the user's rows)
// with polling as the fallback, cancel it. One follower per job however many
// components watch it, one Realtime channel per user however many jobs; everything is released when
// the last watcher leaves. It imports nothing from the daemon: only supabase-js's public surface.
import { analysisError, invokeError, jobError, type AnalysisError } from './errors.ts';
import { DEFAULT_SCHEDULE, pollDelayMs, slowAfterMs, type ScheduleOptions } from './schedule.ts';

export type AnalysisType = 'sofia_image' | 'medical_exam' | 'unified_assistant' | 'meal_plan';
export type JobStatus = 'pending' | 'processing' | 'completed' | 'failed' | 'cancelled';

/** The edge function each analysis is asked through (each keeps its synchronous path behind a flag). */
export const FUNCTION_FOR: Record<AnalysisType, string> = {
  sofia_image: 'sofia-image-analysis',
  medical_exam: 'analyze-medical-exam',
  unified_assistant: 'unified-ai-assistant',
  meal_plan: 'generate-meal-plan-taco',
};

/** The private Realtime topic of a user's job status changes (sql/040_realtime.sql). */
export const statusTopic = (userId: string): string => `analysis_jobs:${userId}`;

const TERMINAL = new Set<string>(['completed', 'failed', 'cancelled']);

// The part of supabase-js the tracker uses; a SupabaseClient satisfies it.
export interface InvokeResult {
  data: unknown;
  error: unknown;
  response?: Response;
}
export interface ChannelLike {
  on(type: 'broadcast', filter: { event: string }, callback: (message: { payload?: unknown }) => void): ChannelLike;
  on(
    type: 'postgres_changes',
    filter: { event: 'UPDATE'; schema: string; table: string; filter: string },
    callback: (change: { new?: unknown }) => void,
  ): ChannelLike;
  on(type: 'system', filter: Record<string, never>, callback: (message: { extension?: unknown; status?: unknown }) => void): ChannelLike;
  subscribe(callback?: (status: string, err?: Error) => void): ChannelLike;
}
export interface SupabaseLike {
  functions: { invoke(name: string, options?: { body?: unknown; method?: 'GET' | 'POST'; headers?: Record<string, string> }): Promise<InvokeResult> };
  channel(name: string, options?: { config?: { private?: boolean } }): ChannelLike;
  removeChannel(channel: ChannelLike): Promise<unknown>;
  realtime?: { setAuth(token?: string | null): Promise<void> | void };
  auth?: { getSession(): Promise<{ data: { session: { user: { id: string } } | null } }> };
}

export type RealtimeState = 'off' | 'connecting' | 'live' | 'down';

/**
 * How Realtime brings status changes: `broadcast`, the small status events of sql/040 on the private
 * topic `analysis_jobs:<user_id>`; `postgres_changes`, UPDATEs of the user's analysis_jobs rows
 * (filter `user_id=eq.<user_id>`, RLS decides what arrives), on the same private topic.
 */
export type RealtimeMode = 'broadcast' | 'postgres_changes';

export interface JobSnapshot<R = unknown> {
  jobId: string;
  type: AnalysisType | string;
  status: JobStatus;
  result?: R;
  /** A failed job's error, or a problem following it (session expired, job gone). */
  error?: AnalysisError;
  estimatedSeconds: number;
  /** Client clock (ms) when the job was accepted: elapsed time is measured from here. */
  acceptedAt: number;
  /** Past the expected time (still followed). */
  slow: boolean;
  /** Cancel asked while running; the job ends `cancelled` when its handler stops. */
  cancelRequested: boolean;
  realtime: RealtimeState;
  /** Status requests made for this job (the test of "one poller per job"). */
  polls: number;
}

export type StartOutcome<R = unknown> =
  | { kind: 'result'; result: R; cached: boolean }
  | { kind: 'job'; jobId: string; estimatedSeconds: number; status: JobStatus }
  | { kind: 'error'; error: AnalysisError };

export type CancelOutcome = 'cancelled' | 'cancel_requested' | 'already_finished';

export interface TrackerOptions {
  supabase: SupabaseLike;
  /** The signed-in user's id, for the Realtime topic. Default: supabase.auth.getSession(). */
  userId?: () => string | undefined | Promise<string | undefined>;
  /** false: polling only; true (default) is 'broadcast'. */
  realtime?: boolean | RealtimeMode;
  schedule?: Partial<ScheduleOptions>;
  random?: () => number;
  now?: () => number;
}

type Listener<R> = (s: JobSnapshot<R>) => void;

/** One shared Realtime channel per user topic, counted by the jobs that use it. */
class UserChannel {
  state: RealtimeState = 'connecting';
  private channel: ChannelLike | undefined;
  readonly jobs = new Map<string, JobFollower>();
  private closed = false;

  constructor(
    private readonly supabase: SupabaseLike,
    readonly topic: string,
    private readonly mode: RealtimeMode,
    private readonly userId: string,
  ) {}

  private setState(next: RealtimeState): void {
    if (next === this.state || this.closed) return;
    this.state = next;
    for (const j of this.jobs.values()) j.onRealtime(next);
  }

  async open(): Promise<void> {
    try {
      // Supabase's private channels need the user's token on the socket before the join.
      await this.supabase.realtime?.setAuth();
    } catch {
      // No token yet: the join will say so (CHANNEL_ERROR) and polling carries on.
    }
    if (this.closed) return;
    const channel = this.supabase.channel(this.topic, { config: { private: true } });
    if (this.mode === 'broadcast') {
      this.channel = channel
        .on('broadcast', { event: 'status' }, (m) => {
          const p = m.payload as { id?: unknown; status?: unknown; error?: unknown } | undefined;
          if (p && typeof p.id === 'string') this.jobs.get(p.id)?.onBroadcast(p);
        })
        .subscribe((status) => this.setState(status === 'SUBSCRIBED' ? 'live' : 'down'));
      return;
    }
    this.channel = channel
      .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'analysis_jobs', filter: `user_id=eq.${this.userId}` }, (change) => {
        // The row as the user sees it; only its id and status are used (the result comes from the status call).
        const row = change.new as { id?: unknown; status?: unknown } | undefined;
        if (row && typeof row.id === 'string') this.jobs.get(row.id)?.onBroadcast({ status: row.status });
      })
      // SUBSCRIBED is the join; changes flow once the server says "Subscribed to PostgreSQL": live only then,
      // so the re-fetch on live cannot fall in the gap between the two.
      .on('system', {}, (m) => {
        if (m.extension === 'postgres_changes') this.setState(m.status === 'ok' ? 'live' : 'down');
      })
      .subscribe((status) => {
        if (status !== 'SUBSCRIBED') this.setState('down');
      });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.channel) await this.supabase.removeChannel(this.channel).catch(() => {});
  }
}

class JobFollower<R = unknown> {
  snapshot: JobSnapshot<R>;
  readonly listeners = new Set<Listener<R>>();
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private notBefore = 0;

  constructor(
    private readonly tracker: AnalysisTracker,
    init: { jobId: string; type: string; status: JobStatus; estimatedSeconds: number },
  ) {
    this.snapshot = {
      jobId: init.jobId,
      type: init.type,
      status: init.status,
      estimatedSeconds: init.estimatedSeconds,
      acceptedAt: tracker.now(),
      slow: false,
      cancelRequested: false,
      realtime: tracker.realtimeEnabled ? 'connecting' : 'off',
      polls: 0,
    };
  }

  get terminal(): boolean {
    return TERMINAL.has(this.snapshot.status) || this.snapshot.error !== undefined;
  }

  begin(): void {
    if (this.terminal) return;
    this.slowTimer = setTimeout(() => this.update({ slow: true }), slowAfterMs(this.snapshot.estimatedSeconds, this.tracker.schedule));
    this.schedule();
  }

  update(patch: Partial<JobSnapshot<R>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    if (this.terminal) this.halt();
    for (const l of [...this.listeners]) l(this.snapshot);
  }

  onRealtime(state: RealtimeState): void {
    if (this.terminal || this.stopped) return;
    this.update({ realtime: state });
    this.attempt = 0;
    // Subscribed: one re-fetch now, so a job that finished before the join is not missed.
    if (state === 'live') void this.poll();
    else this.schedule();
  }

  onBroadcast(p: { status?: unknown; error?: unknown }): void {
    if (this.terminal || this.stopped) return;
    const status = p.status;
    if (status === 'completed' || status === 'failed' || status === 'cancelled') {
      // The broadcast is small by design (no result, no message): the status call brings them.
      void this.poll();
    } else if ((status === 'processing' || status === 'pending') && status !== this.snapshot.status) {
      // postgres_changes also reports the lease renewals of a running job: same status, nothing to tell.
      this.update({ status });
    }
  }

  private schedule(): void {
    if (this.terminal || this.stopped) return;
    clearTimeout(this.pollTimer);
    const live = this.snapshot.realtime === 'live';
    const wait = Math.max(
      pollDelayMs(this.attempt, this.snapshot.estimatedSeconds, live, this.tracker.random, this.tracker.schedule),
      this.notBefore - this.tracker.now(),
    );
    this.pollTimer = setTimeout(() => void this.poll(), wait);
  }

  /** One status request at a time: a poll asked during another runs once after it. */
  poll(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    clearTimeout(this.pollTimer);
    this.inFlight = this.fetchOnce().finally(() => {
      this.inFlight = undefined;
      if (this.again && !this.terminal && !this.stopped) {
        this.again = false;
        void this.poll();
      } else {
        this.again = false;
        this.attempt++;
        this.schedule();
      }
    });
    return this.inFlight;
  }

  private async fetchOnce(): Promise<void> {
    if (this.terminal || this.stopped) return;
    this.snapshot = { ...this.snapshot, polls: this.snapshot.polls + 1 };
    const { data, error, response } = await this.tracker.supabase.functions.invoke(`get-analysis-status?job_id=${encodeURIComponent(this.snapshot.jobId)}`, {
      method: 'GET',
    });
    if (this.stopped) return;
    if (error) {
      const e = await invokeError(error, response);
      if (e.code === 'rate_limited') {
        this.notBefore = this.tracker.now() + (e.retryAfterSeconds ?? 1) * 1000;
        return;
      }
      // Session over or the job gone: following cannot go on. Anything else: try again later.
      if (!e.retryable) this.update({ error: e });
      return;
    }
    const row = data as { status?: string; result?: R; error?: unknown } | null;
    if (!row || typeof row.status !== 'string') return;
    if (row.status === 'completed') this.update({ status: 'completed', result: row.result as R });
    else if (row.status === 'failed') this.update({ status: 'failed', error: jobError(row.error) });
    else if (row.status === 'cancelled') this.update({ status: 'cancelled' });
    else if (row.status !== this.snapshot.status) this.update({ status: row.status as JobStatus });
  }

  /** Stop timers (terminal, or nobody watches). */
  halt(): void {
    this.tracker.detach(this);
    clearTimeout(this.pollTimer);
    clearTimeout(this.slowTimer);
    this.pollTimer = undefined;
    this.slowTimer = undefined;
  }

  stop(): void {
    this.stopped = true;
    this.halt();
  }
}

export class AnalysisTracker {
  readonly supabase: SupabaseLike;
  readonly schedule: ScheduleOptions;
  readonly random: () => number;
  readonly now: () => number;
  readonly realtimeEnabled: boolean;
  readonly realtimeMode: RealtimeMode;
  private readonly userIdOf: () => Promise<string | undefined>;
  private readonly followers = new Map<string, JobFollower<any>>();
  private readonly channels = new Map<string, UserChannel>();
  private readonly releases = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(options: TrackerOptions) {
    this.supabase = options.supabase;
    this.schedule = { ...DEFAULT_SCHEDULE, ...options.schedule };
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => Date.now());
    this.realtimeEnabled = options.realtime !== false;
    this.realtimeMode = options.realtime === 'postgres_changes' ? 'postgres_changes' : 'broadcast';
    const given = options.userId;
    this.userIdOf = async () => {
      if (given) return given();
      try {
        return (await this.supabase.auth?.getSession())?.data.session?.user.id;
      } catch {
        return undefined; // supabase-js with the accessToken option has no auth client
      }
    };
  }

  /**
   * Asks for an analysis. 200 → the result now (sync path or cache hit); 202 → a job to follow.
   * An idempotency key makes a repeated start (a retried request) return the same job.
   */
  async start<R = unknown>(type: AnalysisType, input: unknown, options: { idempotencyKey?: string } = {}): Promise<StartOutcome<R>> {
    const body: Record<string, unknown> = { input };
    if (options.idempotencyKey) body.idempotency_key = options.idempotencyKey;
    const { data, error, response } = await this.supabase.functions.invoke(FUNCTION_FOR[type], { body });
    if (error) return { kind: 'error', error: await invokeError(error, response) };
    const d = (data ?? {}) as { job_id?: unknown; status?: unknown; result?: unknown; error?: unknown; estimated_seconds?: unknown; cached?: unknown };
    if (typeof d.job_id === 'string') {
      // An idempotent replay of a finished job answers 200 with its outcome.
      if (d.status === 'completed') return { kind: 'result', result: d.result as R, cached: false };
      if (d.status === 'failed') return { kind: 'error', error: jobError(d.error) };
      if (d.status === 'cancelled') return { kind: 'error', error: analysisError('cancelled') };
      const estimatedSeconds = typeof d.estimated_seconds === 'number' && d.estimated_seconds > 0 ? d.estimated_seconds : 10;
      return { kind: 'job', jobId: d.job_id, estimatedSeconds, status: d.status === 'processing' ? 'processing' : 'pending' };
    }
    if (d.status === 'completed') return { kind: 'result', result: d.result as R, cached: d.cached === true };
    return { kind: 'error', error: analysisError('bad_response') };
  }

  /**
   * Watches a job; `listener` gets every snapshot (the current one at once). Returns the unwatch
   * function. The follower (polling, Realtime) exists while at least one watcher does.
   */
  watch<R = unknown>(job: { jobId: string; type: string; estimatedSeconds: number; status?: JobStatus }, listener: Listener<R>): () => void {
    const pending = this.releases.get(job.jobId);
    if (pending) {
      clearTimeout(pending);
      this.releases.delete(job.jobId);
    }
    let f = this.followers.get(job.jobId) as JobFollower<R> | undefined;
    if (!f) {
      f = new JobFollower<R>(this, { jobId: job.jobId, type: job.type, status: job.status ?? 'pending', estimatedSeconds: job.estimatedSeconds });
      this.followers.set(job.jobId, f);
      f.begin();
      if (this.realtimeEnabled && !f.terminal) void this.joinChannel(f);
    }
    const follower = f;
    follower.listeners.add(listener);
    listener(follower.snapshot);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      follower.listeners.delete(listener);
      if (follower.listeners.size === 0) {
        // Released on the next turn, not at once: React StrictMode unmounts and remounts an effect
        // immediately, and that must not tear down and rebuild the channel and the poller.
        this.releases.set(
          job.jobId,
          setTimeout(() => {
            this.releases.delete(job.jobId);
            if (follower.listeners.size === 0) this.release(follower);
          }, 0),
        );
      }
    };
  }

  /** The current snapshot of a followed job, if any watcher follows it. */
  snapshot<R = unknown>(jobId: string): JobSnapshot<R> | undefined {
    return this.followers.get(jobId)?.snapshot as JobSnapshot<R> | undefined;
  }

  /** 200 → cancelled (or asked, while it runs); 409 → it had already finished (its outcome is fetched). */
  async cancel(jobId: string): Promise<CancelOutcome> {
    const { data, error, response } = await this.supabase.functions.invoke('cancel-analysis', { body: { job_id: jobId } });
    const f = this.followers.get(jobId);
    if (error) {
      const e = await invokeError(error, response);
      if (e.httpStatus === 409) {
        await f?.poll();
        return 'already_finished';
      }
      throw e;
    }
    const status = (data as { status?: string } | null)?.status;
    if (status === 'cancelled') {
      f?.update({ status: 'cancelled' });
      return 'cancelled';
    }
    f?.update({ cancelRequested: true });
    return 'cancel_requested';
  }

  /** Jobs followed now (for tests and diagnostics). */
  get following(): number {
    return this.followers.size;
  }

  /** Realtime channels open now. */
  get openChannels(): number {
    return this.channels.size;
  }

  /** Stops everything (an app's sign-out). */
  async close(): Promise<void> {
    for (const t of this.releases.values()) clearTimeout(t);
    this.releases.clear();
    for (const f of this.followers.values()) f.stop();
    this.followers.clear();
    const chans = [...this.channels.values()];
    this.channels.clear();
    await Promise.all(chans.map((c) => c.close()));
  }

  private async joinChannel(f: JobFollower<any>): Promise<void> {
    const userId = await this.userIdOf();
    if (this.followers.get(f.snapshot.jobId) !== f || f.terminal) return;
    if (!userId) {
      f.onRealtime('down');
      return;
    }
    const topic = statusTopic(userId);
    let ch = this.channels.get(topic);
    if (!ch) {
      ch = new UserChannel(this.supabase, topic, this.realtimeMode, userId);
      this.channels.set(topic, ch);
      void ch.open();
    }
    ch.jobs.set(f.snapshot.jobId, f);
    if (ch.state === 'live') f.onRealtime('live');
  }

  private release(f: JobFollower<any>): void {
    f.stop();
    this.followers.delete(f.snapshot.jobId);
  }

  /** A job that ended or lost its watchers leaves its user's channel; the last one closes it. */
  detach(f: JobFollower<any>): void {
    for (const [topic, ch] of this.channels) {
      ch.jobs.delete(f.snapshot.jobId);
      if (ch.jobs.size === 0) {
        this.channels.delete(topic);
        void ch.close();
      }
    }
  }
}

export function createAnalysisTracker(options: TrackerOptions): AnalysisTracker {
  return new AnalysisTracker(options);
}
