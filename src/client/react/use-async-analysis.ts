// useAsyncAnalysis(type): the React face of the tracker. Works with or without react-query (pass
// onCompleted to invalidate queries); React 18 and 19; StrictMode-safe: starting happens only on
// start(), never in an effect, so double effects cannot double-enqueue, and the tracker keeps a
// job's follower across StrictMode's unmount-remount.
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AnalysisError } from '../errors.ts';
import type { AnalysisTracker, AnalysisType, JobSnapshot, RealtimeState } from '../tracker.ts';

export type AnalysisStatus = 'idle' | 'starting' | 'pending' | 'processing' | 'completed' | 'failed' | 'cancelled' | 'error';

export interface AsyncAnalysis<R = unknown, I = unknown> {
  /** Asks for the analysis; ignored while one is starting or running. */
  start(input: I): Promise<void>;
  /** Cancels the running job (no-op when none). */
  cancel(): Promise<void>;
  /** Back to idle (forgets result and error). */
  reset(): void;
  status: AnalysisStatus;
  /** 0..1 while running (elapsed against the estimate, held below 1 until done), 1 when completed, null otherwise. */
  progress: number | null;
  result: R | undefined;
  error: AnalysisError | undefined;
  estimatedSeconds: number | undefined;
  elapsedSeconds: number;
  /** Past the expected time, still followed. */
  slow: boolean;
  /** Cancel sent while the job runs; it ends as soon as its handler stops. */
  cancelling: boolean;
  jobId: string | undefined;
  realtime: RealtimeState;
  /** Whether the job came from the queue (202) or the answer was immediate (200). */
  mode: 'sync' | 'async' | undefined;
}

export interface UseAsyncAnalysisOptions<R> {
  /** Defaults to the tracker of the nearest <AnalysisProvider>. */
  tracker?: AnalysisTracker;
  onCompleted?: (result: R) => void;
  onFailed?: (error: AnalysisError) => void;
}

const TrackerContext = createContext<AnalysisTracker | null>(null);

/** Makes one tracker (one poller per job, one channel per user) available to every hook below it. */
export function AnalysisProvider(props: { tracker: AnalysisTracker; children?: ReactNode }) {
  return createElement(TrackerContext.Provider, { value: props.tracker }, props.children);
}

export function useAnalysisTracker(explicit?: AnalysisTracker): AnalysisTracker {
  const fromContext = useContext(TrackerContext);
  const tracker = explicit ?? fromContext;
  if (!tracker) throw new Error('useAsyncAnalysis needs an <AnalysisProvider tracker={…}> above it, or options.tracker');
  return tracker;
}

interface Local<R> {
  phase: 'idle' | 'starting' | 'job' | 'done' | 'error';
  result?: R;
  error?: AnalysisError;
  job?: { jobId: string; estimatedSeconds: number };
  startedAt?: number;
  mode?: 'sync' | 'async';
}

const ACTIVE = new Set<AnalysisStatus>(['starting', 'pending', 'processing']);

function newKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function useAsyncAnalysis<R = unknown, I = unknown>(type: AnalysisType, options: UseAsyncAnalysisOptions<R> = {}): AsyncAnalysis<R, I> {
  const tracker = useAnalysisTracker(options.tracker);
  const [local, setLocal] = useState<Local<R>>({ phase: 'idle' });
  const [snap, setSnap] = useState<JobSnapshot<R> | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());
  const [cancelling, setCancelling] = useState(false);
  const mounted = useRef(false);
  const busy = useRef(false);
  // Each start() gets a generation; answers for an older one (after reset or a new start) are dropped.
  const generation = useRef(0);
  const callbacks = useRef(options);
  callbacks.current = options;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const jobId = local.job?.jobId;
  const estimate = local.job?.estimatedSeconds;
  useEffect(() => {
    if (!jobId || estimate === undefined) return;
    return tracker.watch<R>({ jobId, type, estimatedSeconds: estimate }, (s) => setSnap(s));
  }, [tracker, jobId, estimate, type]);

  let status: AnalysisStatus;
  let result = local.result;
  let error = local.error;
  if (local.phase === 'job' && snap && snap.jobId === jobId) {
    status = snap.status;
    result = snap.result;
    error = snap.error;
    if (error && snap.status !== 'failed') status = snap.status === 'cancelled' ? 'cancelled' : 'error';
  } else if (local.phase === 'job') status = 'pending';
  else if (local.phase === 'done') status = 'completed';
  else status = local.phase;

  const active = ACTIVE.has(status);
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);

  // Completion callbacks, once per outcome.
  const reported = useRef<string | undefined>(undefined);
  useEffect(() => {
    const key = `${generation.current}:${status}`;
    if (reported.current === key) return;
    if (status === 'completed') {
      reported.current = key;
      callbacks.current.onCompleted?.(result as R);
    } else if ((status === 'failed' || status === 'error') && error) {
      reported.current = key;
      callbacks.current.onFailed?.(error);
    }
  }, [status, result, error]);

  const start = useCallback(
    async (input: I) => {
      if (busy.current) return;
      busy.current = true;
      const gen = ++generation.current;
      setSnap(undefined);
      setCancelling(false);
      setLocal({ phase: 'starting', startedAt: Date.now() });
      try {
        // One key per start: a retried request (flaky network) returns the same job, never a second one.
        const out = await tracker.start<R>(type, input, { idempotencyKey: newKey() });
        if (!mounted.current || gen !== generation.current) return;
        if (out.kind === 'result') setLocal((l) => ({ ...l, phase: 'done', result: out.result, mode: 'sync' }));
        else if (out.kind === 'job')
          setLocal((l) => ({ ...l, phase: 'job', job: { jobId: out.jobId, estimatedSeconds: out.estimatedSeconds }, mode: 'async' }));
        else setLocal((l) => ({ ...l, phase: 'error', error: out.error }));
      } finally {
        busy.current = false;
      }
    },
    [tracker, type],
  );

  const cancel = useCallback(async () => {
    if (!jobId) return;
    setCancelling(true);
    try {
      await tracker.cancel(jobId);
    } catch (err) {
      if (mounted.current) setLocal((l) => ({ ...l, phase: 'error', error: err as AnalysisError }));
    } finally {
      if (mounted.current) setCancelling(false);
    }
  }, [tracker, jobId]);

  const reset = useCallback(() => {
    generation.current++;
    busy.current = false;
    setSnap(undefined);
    setCancelling(false);
    setLocal({ phase: 'idle' });
  }, []);

  const startedAt = snap?.acceptedAt ?? local.startedAt;
  const elapsedSeconds =
    startedAt !== undefined && status !== 'idle' ? Math.max(0, Math.floor(((active ? now : Math.max(now, startedAt)) - startedAt) / 1000)) : 0;
  const estimatedSeconds = local.job?.estimatedSeconds;
  const progress = status === 'completed' ? 1 : active ? (estimatedSeconds ? Math.min(0.95, elapsedSeconds / estimatedSeconds) : 0) : null;

  return useMemo(
    () => ({
      start,
      cancel,
      reset,
      status,
      progress,
      result,
      error,
      estimatedSeconds,
      elapsedSeconds,
      slow: snap?.slow ?? false,
      cancelling: cancelling || (snap?.cancelRequested ?? false),
      jobId,
      realtime: snap?.realtime ?? 'off',
      mode: local.mode,
    }),
    [start, cancel, reset, status, progress, result, error, estimatedSeconds, elapsedSeconds, snap, cancelling, jobId, local.mode],
  );
}
