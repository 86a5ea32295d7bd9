// Prometheus metrics, fed from the event bus in this one place. Names follow Prometheus
// conventions: snake_case, counters end in _total, durations in _seconds.
import client from 'prom-client';
import type { EventBus, ProviderName } from '../events.ts';

export interface Metrics {
  registry: client.Registry;
  /** Queue depth by type and status; refreshed by the HTTP layer before each scrape. */
  queueDepth: client.Gauge<'type' | 'status'>;
  oldestPendingSeconds: client.Gauge;
  /** Seconds since each live worker's last heartbeat (ai_workers, database clock); refreshed per scrape like the depth. */
  workerHeartbeatAge: client.Gauge<'worker_id'>;
  /**
   * ai_worker_jobs_running and ai_worker_handlers_abandoned read the worker at each scrape: its own
   * counts (derived from its map of held jobs), so they cannot drift.
   */
  trackWorker(worker: { readonly runningCount: number; readonly abandonedCount: number }): void;
  unsubscribe(): void;
}

/** Buckets for enqueue → final state: what the patient waits (plan target p95 < 20 s; alert at 30 s). */
const TURNAROUND_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 15, 20, 30, 45, 60, 120, 300, 600];
const BREAKER_STATES = ['closed', 'half_open', 'open'] as const;
const PROVIDERS: readonly ProviderName[] = ['yolo', 'ollama', 'gemini', 'whatsapp'];
/**
 * prom-client's default gauges whose names end in _total, which `promtool check metrics` rejects. Nothing
 * is lost: the same counts are in nodejs_active_handles / _requests / _resources, by type.
 */
const MISNAMED_DEFAULTS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300];
const PICKUP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export function createMetrics(events: EventBus, options: { collectProcess?: boolean; version?: string } = {}): Metrics {
  const registry = new client.Registry();
  if (options.collectProcess !== false) {
    client.collectDefaultMetrics({ register: registry, prefix: 'ai_worker_' });
    for (const name of MISNAMED_DEFAULTS) registry.removeSingleMetric(`ai_worker_${name}`);
  }
  const buildInfo = new client.Gauge({
    name: 'ai_worker_build_info',
    help: 'Always 1; labels say which build runs',
    labelNames: ['version', 'node_version'],
    registers: [registry],
  });
  buildInfo.set({ version: options.version ?? 'unknown', node_version: process.versions.node }, 1);
  const turnaround = new client.Histogram({
    name: 'ai_worker_job_turnaround_seconds',
    help: 'From enqueue (created_at) to the final state (completed, failed, cancelled), by type',
    labelNames: ['type'],
    buckets: TURNAROUND_BUCKETS,
    registers: [registry],
  });
  let workerSource: { readonly runningCount: number; readonly abandonedCount: number } | undefined;

  const finished = new client.Counter({
    name: 'ai_worker_jobs_finished_total',
    help: 'Jobs finished, by type and outcome',
    labelNames: ['type', 'outcome'],
    registers: [registry],
  });
  const duration = new client.Histogram({
    name: 'ai_worker_job_duration_seconds',
    help: 'Handler run time per attempt, by type',
    labelNames: ['type'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const pickup = new client.Histogram({
    name: 'ai_worker_job_pickup_latency_seconds',
    help: 'From a job being due (created, or its retry time) to its claim, by type',
    labelNames: ['type'],
    buckets: PICKUP_BUCKETS,
    registers: [registry],
  });
  const retries = new client.Counter({
    name: 'ai_worker_job_retries_total',
    help: 'Attempts that failed and were scheduled again, by type and error code',
    labelNames: ['type', 'code'],
    registers: [registry],
  });
  const stale = new client.Counter({
    name: 'ai_worker_stale_completions_total',
    help: 'Settles rejected because the lease was no longer ours',
    labelNames: ['type', 'action'],
    registers: [registry],
  });
  const recovered = new client.Counter({
    name: 'ai_worker_jobs_recovered_total',
    help: 'Jobs taken back from a worker whose lease lapsed',
    registers: [registry],
  });
  const reconnects = new client.Counter({
    name: 'ai_worker_listener_reconnects_total',
    help: 'Times the LISTEN connection was re-established',
    registers: [registry],
  });
  const listenerUp = new client.Gauge({ name: 'ai_worker_listener_connected', help: '1 while the LISTEN connection is up', registers: [registry] });
  new client.Gauge({
    name: 'ai_worker_jobs_running',
    help: 'Handlers running in this worker now',
    registers: [registry],
    collect() {
      if (workerSource) this.set(workerSource.runningCount);
    },
  });
  const errors = new client.Counter({
    name: 'ai_worker_errors_total',
    help: 'Internal errors by where they happened',
    labelNames: ['where'],
    registers: [registry],
  });
  const queueDepth = new client.Gauge({
    name: 'ai_worker_queue_depth',
    help: 'Jobs in the queue by type and status (non-final statuses)',
    labelNames: ['type', 'status'],
    registers: [registry],
  });
  const oldestPendingSeconds = new client.Gauge({
    name: 'ai_worker_oldest_pending_job_age_seconds',
    help: 'Age of the oldest due pending job',
    registers: [registry],
  });
  const providerRequests = new client.Counter({
    name: 'ai_worker_provider_requests_total',
    help: 'Provider calls by provider, model and outcome',
    labelNames: ['provider', 'model', 'outcome'],
    registers: [registry],
  });
  const providerLatency = new client.Histogram({
    name: 'ai_worker_provider_request_duration_seconds',
    help: 'Provider call latency',
    labelNames: ['provider', 'model'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const providerTokens = new client.Counter({
    name: 'ai_worker_provider_tokens_total',
    help: 'Tokens used by provider, model and direction',
    labelNames: ['provider', 'model', 'direction'],
    registers: [registry],
  });
  // One series per state (1 for the current one), so `== 1` and `max_over_time` work without decoding 0/1/2.
  const breakerState = new client.Gauge({
    name: 'ai_worker_provider_circuit_state',
    help: 'Circuit breaker state per provider: 1 for the current state, 0 for the others',
    labelNames: ['provider', 'state'],
    registers: [registry],
  });
  // Every breaker starts closed, so "not closed for 5 minutes" can be told from "no series yet".
  for (const provider of PROVIDERS) for (const state of BREAKER_STATES) breakerState.set({ provider, state }, state === 'closed' ? 1 : 0);
  const workerHeartbeatAge = new client.Gauge({
    name: 'ai_worker_worker_heartbeat_age_seconds',
    help: 'Seconds since each registered, not stopped worker last renewed its heartbeat (global, from ai_workers)',
    labelNames: ['worker_id'],
    registers: [registry],
  });
  const cacheLookups = new client.Counter({
    name: 'ai_worker_cache_lookups_total',
    help: 'Cache lookups by type and result',
    labelNames: ['type', 'result'],
    registers: [registry],
  });
  const assistantUrgency = new client.Counter({
    name: 'ai_worker_assistant_urgency_total',
    help: 'Assistant turns by urgency decision: category (none when calm), which layer raised it, and what the model second opinion did',
    labelNames: ['category', 'source', 'second_opinion'],
    registers: [registry],
  });

  const snoozes = new client.Counter({
    name: 'ai_worker_job_snoozes_total',
    help: 'Jobs sent back to wait for a provider probe (whole chain open), by type and whether the attempt was refunded',
    labelNames: ['type', 'refunded'],
    registers: [registry],
  });
  new client.Gauge({
    name: 'ai_worker_handlers_abandoned',
    help: 'Handlers that ignored their abort signal and still hold a slot after their job settled',
    registers: [registry],
    collect() {
      if (workerSource) this.set(workerSource.abandonedCount);
    },
  });
  const gatewayRequests = new client.Counter({
    name: 'ai_worker_gateway_requests_total',
    help: 'Edge-function requests served by this daemon, by function, HTTP status and mode (sync, async, cache, none)',
    labelNames: ['function', 'status', 'mode'],
    registers: [registry],
  });
  const gatewayDuration = new client.Histogram({
    name: 'ai_worker_gateway_request_duration_seconds',
    help: 'Edge-function request time on this daemon, by function',
    labelNames: ['function'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });

  // Each job's series bound to its type once: prom-client hashes a label object on every call
  // otherwise (bench:queue profile: the per-job observes were ~4 µs of the daemon's CPU per job).
  const perType = new Map<string, ReturnType<typeof bindType>>();
  const bindType = (type: string) => ({
    pickup: pickup.labels({ type }),
    duration: duration.labels({ type }),
    turnaround: turnaround.labels({ type }),
    completed: finished.labels({ type, outcome: 'completed' }),
    failed: finished.labels({ type, outcome: 'failed' }),
    cancelled: finished.labels({ type, outcome: 'cancelled' }),
  });
  const series = (type: string) => {
    let bound = perType.get(type);
    if (!bound) perType.set(type, (bound = bindType(type)));
    return bound;
  };

  const offs = [
    events.on('gateway:request', (e) => {
      gatewayRequests.inc({ function: e.function, status: String(e.status), mode: e.mode ?? 'none' });
      gatewayDuration.observe({ function: e.function }, e.durationMs / 1000);
    }),
    events.on('job:claimed', (e) => series(e.type).pickup.observe(e.pickupMs / 1000)),
    events.on('job:completed', (e) => {
      const s = series(e.type);
      s.completed.inc();
      s.duration.observe(e.durationMs / 1000);
      s.turnaround.observe(e.turnaroundMs / 1000);
    }),
    events.on('job:failed', (e) => {
      const s = series(e.type);
      s.failed.inc();
      s.duration.observe(e.durationMs / 1000);
      s.turnaround.observe(e.turnaroundMs / 1000);
    }),
    events.on('job:cancelled', (e) => {
      const s = series(e.type);
      s.cancelled.inc();
      s.turnaround.observe(e.turnaroundMs / 1000);
    }),
    events.on('job:retried', (e) => {
      retries.inc({ type: e.type, code: e.error.code });
      series(e.type).duration.observe(e.durationMs / 1000);
    }),
    events.on('job:snoozed', (e) => snoozes.inc({ type: e.type, refunded: String(e.refunded) })),
    events.on('job:stale', (e) => stale.inc({ type: e.type, action: e.action })),
    events.on('jobs:recovered', (e) => recovered.inc(e.count)),
    events.on('listener:connected', (e) => {
      listenerUp.set(1);
      if (e.reconnect) reconnects.inc();
    }),
    events.on('listener:disconnected', () => listenerUp.set(0)),
    events.on('error', (e) => errors.inc({ where: e.where })),
    events.on('provider:call', (e) => {
      providerRequests.inc({ provider: e.provider, model: e.model, outcome: e.outcome });
      providerLatency.observe({ provider: e.provider, model: e.model }, e.ms / 1000);
      if (e.inputTokens) providerTokens.inc({ provider: e.provider, model: e.model, direction: 'input' }, e.inputTokens);
      if (e.outputTokens) providerTokens.inc({ provider: e.provider, model: e.model, direction: 'output' }, e.outputTokens);
    }),
    events.on('provider:breaker', (e) => {
      for (const state of BREAKER_STATES) breakerState.set({ provider: e.provider, state }, state === e.state ? 1 : 0);
    }),
    events.on('cache:lookup', (e) => cacheLookups.inc({ type: e.type, result: e.hit ? 'hit' : 'miss' })),
    events.on('assistant:urgency', (e) =>
      assistantUrgency.inc({ category: e.category ?? 'none', source: e.source ?? 'none', second_opinion: e.secondOpinion }),
    ),
  ];
  return {
    registry,
    queueDepth,
    oldestPendingSeconds,
    workerHeartbeatAge,
    trackWorker: (worker) => (workerSource = worker),
    unsubscribe: () => offs.forEach((off) => off()),
  };
}
