// One typed event stream for the whole daemon. The worker, the queue, the listener and the
// providers emit here; logging and metrics subscribe in one place (src/observability).
// Events carry ids, types, counts and timings — never an input, a result, an image or a token.
import { EventEmitter } from 'node:events';
import type { JobErrorJson } from './errors.ts';

export interface JobRef {
  jobId: string;
  type: string;
  attempt: number;
  workerId: string;
}

export type ProviderName = 'yolo' | 'ollama' | 'gemini' | 'whatsapp';
export type ProviderOutcome = 'ok' | 'timeout' | 'error' | 'rate_limited' | 'rejected' | 'circuit_open' | 'cancelled';
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface EventMap {
  'worker:started': { workerId: string; concurrency: number };
  'worker:stopping': { workerId: string; running: number; reason: string };
  'worker:stopped': { workerId: string; released: number };
  'job:claimed': JobRef & { pickupMs: number };
  /**
   * turnaroundMs (on the three final events): from enqueue (created_at, database clock, read at
   * claim) to the final state written, previous attempts included.
   */
  'job:completed': JobRef & { durationMs: number; turnaroundMs: number };
  'job:retried': JobRef & { durationMs: number; delayMs: number; error: JobErrorJson };
  'job:failed': JobRef & { durationMs: number; turnaroundMs: number; error: JobErrorJson };
  'job:cancelled': JobRef & { durationMs: number; turnaroundMs: number };
  'job:released': JobRef & { durationMs: number };
  /** The whole provider chain was open: back to pending until the next probe; `refunded` = attempt not spent. */
  'job:snoozed': JobRef & { durationMs: number; delayMs: number; refunded: boolean; error: JobErrorJson };
  /** The job settled after an abort but its handler ignored the signal and still runs (it keeps its slot). */
  'job:abandoned': JobRef & { durationMs: number };
  /** An abandoned handler finally returned; its slot is free again. */
  'job:abandoned_ended': JobRef & { durationMs: number };
  /** A settle statement found the lease gone: another daemon owns the job now; nothing was written. */
  'job:stale': JobRef & { action: string };
  /** The sweep took back jobs whose lease lapsed (their daemon died or froze). */
  'jobs:recovered': { workerId: string; count: number; failed: number; jobIds: string[] };
  'listener:connected': { reconnect: boolean };
  'listener:disconnected': { error: string };
  'listener:notification': { channel: string };
  'sweep:done': { workerId: string; recovered: number; cacheDeleted: number; ms: number };
  'retention:done': { deleted: number; stripped: number; cacheDeleted: number };
  'heartbeat:done': { workerId: string; renewed: number; lost: number; ms: number };
  'cache:lookup': { type: string; hit: boolean };
  'provider:call': {
    provider: ProviderName;
    model: string;
    outcome: ProviderOutcome;
    status?: number;
    ms: number;
    inputTokens?: number;
    outputTokens?: number;
  };
  'provider:breaker': { provider: ProviderName; state: BreakerState };
  /** Every assistant turn's urgency decision (docs/urgency.md): categories and sources, never the message. */
  'assistant:urgency': {
    jobId: string;
    urgent: boolean;
    category: string | null;
    source: 'detector' | 'model' | null;
    secondOpinion: 'off' | 'not_asked' | 'calm' | 'raised' | 'unavailable';
  };
  /** One per request to the daemon's functions host (names, codes, timings; nothing personal). */
  'gateway:request': {
    function: string;
    method: string;
    status: number;
    mode?: string;
    fallback?: string;
    code?: string;
    durationMs: number;
    requestId: string;
  };
  /** The daemon's own alerting (ALERT_WEBHOOK_URL) posted a firing or resolved message. */
  'alert:sent': { name: string; status: 'firing' | 'resolved'; subject?: string };
  error: { where: string; error: string };
}

export type EventName = keyof EventMap;

/** A typed facade over EventEmitter; a listener that throws is reported, never crashes the emitter. */
export class EventBus {
  private readonly ee = new EventEmitter();

  constructor() {
    this.ee.setMaxListeners(100);
  }

  emit<K extends EventName>(name: K, payload: EventMap[K]): void {
    for (const listener of this.ee.listeners(name)) {
      try {
        (listener as (p: EventMap[K]) => void)(payload);
      } catch (err) {
        if (name !== 'error') this.emit('error', { where: `listener:${name}`, error: String(err) });
      }
    }
  }

  on<K extends EventName>(name: K, listener: (payload: EventMap[K]) => void): () => void {
    this.ee.on(name, listener);
    return () => this.ee.off(name, listener);
  }

  once<K extends EventName>(name: K, listener: (payload: EventMap[K]) => void): () => void {
    const wrapped = (payload: EventMap[K]) => {
      this.ee.off(name, wrapped);
      listener(payload);
    };
    return this.on(name, wrapped);
  }

  /**
   * Resolve on the first event that satisfies `predicate`, or reject after `timeoutMs`. Only events
   * from now on count: arm it before the action that causes them. A job inserted by another client
   * can be claimed, run and settled before that client has read its own insert's reply (the commit's
   * notification goes out first): a wait armed after the insert then times out (seen in CI).
   */
  waitFor<K extends EventName>(name: K, predicate: (p: EventMap[K]) => boolean = () => true, timeoutMs = 10_000): Promise<EventMap[K]> {
    return new Promise((resolve, reject) => {
      const off = this.on(name, (p) => {
        if (!predicate(p)) return;
        clearTimeout(timer);
        off();
        resolve(p);
      });
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${name}`));
      }, timeoutMs);
    });
  }

  removeAll(): void {
    this.ee.removeAllListeners();
  }
}
