import type { CallRecord } from '../providers/call.ts';

// What a handler sees and returns. Handlers know no SQL and no HTTP: they get the job's input, an
// AbortSignal (cancel, shutdown, timeout, lost lease) and the services they need.

export interface JobContext {
  jobId: string;
  userId: string;
  type: string;
  attempt: number;
  maxAttempts: number;
  /** Fires on cancel, shutdown, the per-type timeout or a lost lease; `signal.reason` says which. */
  signal: AbortSignal;
  /**
   * Every provider call of this attempt, successful or not. Handlers append to it; the worker writes
   * it to the job row on failure too, so a failed job shows which providers were tried.
   */
  calls: CallRecord[];
  /**
   * An external effect (the WhatsApp reply) that an earlier attempt of this job recorded as done;
   * a handler that finds it must not repeat the effect. Absent outside the queue (sync path).
   */
  delivery?: unknown;
  /**
   * Record, right after it happened, an external effect this attempt must not repeat on a re-run.
   * Fenced by the lease: resolves false when the job is no longer ours.
   */
  recordDelivery?: (delivery: unknown) => Promise<boolean>;
}

export interface ProviderCallRecord {
  provider: string;
  model: string;
  ok: boolean;
  ms: number;
  input_tokens?: number;
  output_tokens?: number;
  error_code?: string;
}

export interface HandlerResult {
  result: unknown;
  /** The provider and model that produced the result, when one did. */
  provider?: string;
  model?: string;
  calls?: ProviderCallRecord[];
  cacheKey?: string;
}

export interface JobHandler {
  type: string;
  /** Bumped when the result's meaning changes; part of the cache key. */
  version: string;
  /** Per-type ceiling on one attempt; the worker aborts the handler past it. */
  timeoutMs?: number;
  /** Default max_attempts for jobs of this type when the inserter did not choose. */
  run(input: unknown, ctx: JobContext): Promise<HandlerResult>;
}
