// Prometheus metrics, fed from the event bus in this one place. Names follow Prometheus
// conventions: snake_case, counters end in _total, durations in _seconds.
import client from 'prom-client';
import type { EventBus } from '../events.ts';

export interface Metrics {
  registry: client.Registry;
  /** Queue depth by type and status; refreshed by the HTTP layer before each scrape. */
  queueDepth: client.Gauge<'type' | 'status'>;
  oldestPendingSeconds: client.Gauge;
  unsubscribe(): void;
}

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300];
const PICKUP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export function createMetrics(events: EventBus, options: { collectProcess?: boolean } = {}): Metrics {
  const registry = new client.Registry();
  if (options.collectProcess !== false) client.collectDefaultMetrics({ register: registry, prefix: 'ai_worker_' });

  const finished = new client.Counter({ name: 'ai_worker_jobs_finished_total', help: 'Jobs finished, by type and outcome', labelNames: ['type', 'outcome'], registers: [registry] });
  const duration = new client.Histogram({ name: 'ai_worker_job_duration_seconds', help: 'Handler run time per attempt, by type', labelNames: ['type'], buckets: DURATION_BUCKETS, registers: [registry] });
  const pickup = new client.Histogram({ name: 'ai_worker_job_pickup_latency_seconds', help: 'From a job being due (created, or its retry time) to its claim, by type', labelNames: ['type'], buckets: PICKUP_BUCKETS, registers: [registry] });
  const retries = new client.Counter({ name: 'ai_worker_job_retries_total', help: 'Attempts that failed and were scheduled again, by type and error code', labelNames: ['type', 'code'], registers: [registry] });
  const stale = new client.Counter({ name: 'ai_worker_stale_completions_total', help: 'Settles rejected because the lease was no longer ours', labelNames: ['type', 'action'], registers: [registry] });
  const recovered = new client.Counter({ name: 'ai_worker_jobs_recovered_total', help: 'Jobs taken back from a worker whose lease lapsed', registers: [registry] });
  const reconnects = new client.Counter({ name: 'ai_worker_listener_reconnects_total', help: 'Times the LISTEN connection was re-established', registers: [registry] });
  const listenerUp = new client.Gauge({ name: 'ai_worker_listener_connected', help: '1 while the LISTEN connection is up', registers: [registry] });
  const running = new client.Gauge({ name: 'ai_worker_jobs_running', help: 'Jobs running in this worker', registers: [registry] });
  const errors = new client.Counter({ name: 'ai_worker_errors_total', help: 'Internal errors by where they happened', labelNames: ['where'], registers: [registry] });
  const queueDepth = new client.Gauge({ name: 'ai_worker_queue_depth', help: 'Jobs in the queue by type and status (non-final statuses)', labelNames: ['type', 'status'], registers: [registry] });
  const oldestPendingSeconds = new client.Gauge({ name: 'ai_worker_oldest_pending_job_age_seconds', help: 'Age of the oldest due pending job', registers: [registry] });
  const providerRequests = new client.Counter({ name: 'ai_worker_provider_requests_total', help: 'Provider calls by provider, model and outcome', labelNames: ['provider', 'model', 'outcome'], registers: [registry] });
  const providerLatency = new client.Histogram({ name: 'ai_worker_provider_request_duration_seconds', help: 'Provider call latency', labelNames: ['provider', 'model'], buckets: DURATION_BUCKETS, registers: [registry] });
  const providerTokens = new client.Counter({ name: 'ai_worker_provider_tokens_total', help: 'Tokens used by provider, model and direction', labelNames: ['provider', 'model', 'direction'], registers: [registry] });
  const breakerState = new client.Gauge({ name: 'ai_worker_provider_circuit_state', help: 'Circuit breaker state per provider: 0 closed, 1 half-open, 2 open', labelNames: ['provider'], registers: [registry] });
  const cacheLookups = new client.Counter({ name: 'ai_worker_cache_lookups_total', help: 'Cache lookups by type and result', labelNames: ['type', 'result'], registers: [registry] });
  const assistantUrgency = new client.Counter({
    name: 'ai_worker_assistant_urgency_total',
    help: 'Assistant turns by urgency decision: category (none when calm), which layer raised it, and what the model second opinion did',
    labelNames: ['category', 'source', 'second_opinion'],
    registers: [registry],
  });

  const snoozes = new client.Counter({ name: 'ai_worker_job_snoozes_total', help: 'Jobs sent back to wait for a provider probe (whole chain open), by type and whether the attempt was refunded', labelNames: ['type', 'refunded'], registers: [registry] });
  const abandoned = new client.Gauge({ name: 'ai_worker_handlers_abandoned', help: 'Handlers that ignored their abort signal and still hold a slot after their job settled', registers: [registry] });
  const gatewayRequests = new client.Counter({ name: 'ai_worker_gateway_requests_total', help: 'Edge-function requests served by this daemon, by function, HTTP status and mode (sync, async, cache, none)', labelNames: ['function', 'status', 'mode'], registers: [registry] });
  const gatewayDuration = new client.Histogram({ name: 'ai_worker_gateway_request_duration_seconds', help: 'Edge-function request time on this daemon, by function', labelNames: ['function'], buckets: DURATION_BUCKETS, registers: [registry] });

  const offs = [
    events.on('gateway:request', (e) => {
      gatewayRequests.inc({ function: e.function, status: String(e.status), mode: e.mode ?? 'none' });
      gatewayDuration.observe({ function: e.function }, e.durationMs / 1000);
    }),
    events.on('job:claimed', (e) => {
      pickup.observe({ type: e.type }, e.pickupMs / 1000);
      running.inc();
    }),
    events.on('job:completed', (e) => {
      finished.inc({ type: e.type, outcome: 'completed' });
      duration.observe({ type: e.type }, e.durationMs / 1000);
      running.dec();
    }),
    events.on('job:failed', (e) => {
      finished.inc({ type: e.type, outcome: 'failed' });
      duration.observe({ type: e.type }, e.durationMs / 1000);
      running.dec();
    }),
    events.on('job:cancelled', (e) => {
      finished.inc({ type: e.type, outcome: 'cancelled' });
      running.dec();
    }),
    events.on('job:retried', (e) => {
      retries.inc({ type: e.type, code: e.error.code });
      duration.observe({ type: e.type }, e.durationMs / 1000);
      running.dec();
    }),
    events.on('job:released', () => running.dec()),
    events.on('job:snoozed', (e) => {
      snoozes.inc({ type: e.type, refunded: String(e.refunded) });
      running.dec();
    }),
    events.on('job:abandoned', () => abandoned.inc()),
    events.on('job:abandoned_ended', () => abandoned.dec()),
    events.on('job:stale', (e) => {
      stale.inc({ type: e.type, action: e.action });
      running.dec();
    }),
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
    events.on('provider:breaker', (e) => breakerState.set({ provider: e.provider }, e.state === 'closed' ? 0 : e.state === 'half_open' ? 1 : 2)),
    events.on('cache:lookup', (e) => cacheLookups.inc({ type: e.type, result: e.hit ? 'hit' : 'miss' })),
    events.on('assistant:urgency', (e) => assistantUrgency.inc({ category: e.category ?? 'none', source: e.source ?? 'none', second_opinion: e.secondOpinion })),
  ];
  return { registry, queueDepth, oldestPendingSeconds, unsubscribe: () => offs.forEach((off) => off()) };
}
