// One pino JSON line per lifecycle event and per external call. Only ids, types, counts, codes and
// timings reach the log — never an input, a result, an image, a prompt or a token.
import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config.ts';
import type { EventBus, JobRef } from '../events.ts';

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'ai-worker' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Defence in depth: even if a field with one of these names slips into a log call, it is cut.
      redact: {
        paths: ['input', 'result', 'image', 'image_base64', 'prompt', 'token', 'authorization', '*.input', '*.result', '*.token'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

const ms = (n: number) => Math.round(n * 10) / 10;

/** The fields every job line starts with. */
const job = (event: string, e: JobRef) => ({ event, job_id: e.jobId, type: e.type, attempt: e.attempt, worker_id: e.workerId });

export function subscribeLogging(events: EventBus, log: Logger): () => void {
  const offs = [
    events.on('gateway:request', (e) =>
      log.info(
        {
          event: 'gateway_request',
          function: e.function,
          method: e.method,
          status: e.status,
          mode: e.mode,
          fallback: e.fallback,
          code: e.code,
          duration_ms: ms(e.durationMs),
          request_id: e.requestId,
        },
        'function request',
      ),
    ),
    events.on('worker:started', (e) => log.info({ event: 'worker_started', worker_id: e.workerId, concurrency: e.concurrency }, 'worker started')),
    events.on('worker:stopping', (e) => log.info({ event: 'worker_stopping', worker_id: e.workerId, running: e.running, reason: e.reason }, 'worker stopping')),
    events.on('worker:stopped', (e) => log.info({ event: 'worker_stopped', worker_id: e.workerId, released: e.released }, 'worker stopped')),
    events.on('job:claimed', (e) => log.info({ ...job('job_claimed', e), pickup_ms: ms(e.pickupMs) }, 'job claimed')),
    events.on('job:completed', (e) => log.info({ ...job('job_completed', e), duration_ms: ms(e.durationMs) }, 'job completed')),
    events.on('job:retried', (e) =>
      log.warn(
        {
          ...job('job_retried', e),
          duration_ms: ms(e.durationMs),
          delay_ms: e.delayMs,
          error_code: e.error.code,
          error: e.error.message,
        },
        'job failed, will retry',
      ),
    ),
    events.on('job:failed', (e) =>
      log.error(
        {
          ...job('job_failed', e),
          duration_ms: ms(e.durationMs),
          error_code: e.error.code,
          error: e.error.message,
        },
        'job failed',
      ),
    ),
    events.on('job:cancelled', (e) => log.info({ ...job('job_cancelled', e), duration_ms: ms(e.durationMs) }, 'job cancelled')),
    events.on('job:released', (e) => log.warn({ ...job('job_released', e), duration_ms: ms(e.durationMs) }, 'job released at shutdown')),
    events.on('job:snoozed', (e) =>
      log.warn(
        {
          ...job('job_snoozed', e),
          delay_ms: e.delayMs,
          refunded: e.refunded,
          error_code: e.error.code,
        },
        'every provider of the chain is open: job waits for the next probe',
      ),
    ),
    events.on('job:abandoned', (e) =>
      log.warn({ ...job('job_abandoned', e), duration_ms: ms(e.durationMs) }, 'handler ignored its abort signal; it keeps its slot until it returns'),
    ),
    events.on('job:abandoned_ended', (e) => log.info({ ...job('job_abandoned_ended', e), duration_ms: ms(e.durationMs) }, 'abandoned handler returned')),
    events.on('job:stale', (e) => log.warn({ ...job('job_stale', e), action: e.action }, 'stale settle rejected: the lease was lost')),
    events.on('jobs:recovered', (e) =>
      log.warn({ event: 'jobs_recovered', worker_id: e.workerId, count: e.count, failed: e.failed, job_ids: e.jobIds.slice(0, 50) }, 'lapsed leases recovered'),
    ),
    events.on('listener:connected', (e) => log.info({ event: 'listener_connected', reconnect: e.reconnect }, 'listening for jobs')),
    events.on('listener:disconnected', (e) => log.warn({ event: 'listener_disconnected', error: e.error }, 'listener lost its connection')),
    events.on('provider:call', (e) =>
      log.info(
        {
          event: 'provider_call',
          provider: e.provider,
          model: e.model,
          outcome: e.outcome,
          status: e.status,
          ms: ms(e.ms),
          input_tokens: e.inputTokens,
          output_tokens: e.outputTokens,
        },
        'provider call',
      ),
    ),
    events.on('provider:breaker', (e) => log.warn({ event: 'breaker', provider: e.provider, state: e.state }, 'circuit breaker changed state')),
    events.on('assistant:urgency', (e) => {
      if (e.urgent)
        log.info({ event: 'assistant_urgent', job_id: e.jobId, category: e.category, source: e.source, second_opinion: e.secondOpinion }, 'urgent answer sent');
    }),
    events.on('alert:sent', (e) => log.warn({ event: 'alert_sent', alert: e.name, status: e.status, subject: e.subject }, `alert ${e.status}: ${e.name}`)),
    events.on('retention:done', (e) =>
      log.info({ event: 'retention', deleted: e.deleted, media_stripped: e.stripped, cache_deleted: e.cacheDeleted }, 'retention applied'),
    ),
    events.on('error', (e) => log.error({ event: 'error', where: e.where, error: e.error }, 'error')),
  ];
  return () => offs.forEach((off) => off());
}
