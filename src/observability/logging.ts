// One pino JSON line per lifecycle event and per external call. Only ids, types, counts, codes and
// timings reach the log — never an input, a result, an image, a prompt or a token.
import pino, { type Level, type Logger } from 'pino';
import type { LogLevel } from '../config.ts';
import type { EventBus, EventMap, JobRef } from '../events.ts';

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
  // A line below the configured level is not listened for at all: building its fields for pino to
  // drop was a per-job cost (bench:queue profile, LOG_LEVEL=warn or silent).
  const when = <K extends keyof EventMap>(level: Level, name: K, write: (e: EventMap[K]) => void) =>
    log.isLevelEnabled(level) ? events.on(name, write) : () => {};
  const offs = [
    when('info', 'gateway:request', (e) =>
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
    when('info', 'worker:started', (e) => log.info({ event: 'worker_started', worker_id: e.workerId, concurrency: e.concurrency }, 'worker started')),
    when('info', 'worker:stopping', (e) =>
      log.info({ event: 'worker_stopping', worker_id: e.workerId, running: e.running, reason: e.reason }, 'worker stopping'),
    ),
    when('info', 'worker:stopped', (e) => log.info({ event: 'worker_stopped', worker_id: e.workerId, released: e.released }, 'worker stopped')),
    when('info', 'job:claimed', (e) => log.info({ ...job('job_claimed', e), pickup_ms: ms(e.pickupMs) }, 'job claimed')),
    when('info', 'job:completed', (e) => log.info({ ...job('job_completed', e), duration_ms: ms(e.durationMs) }, 'job completed')),
    when('warn', 'job:retried', (e) =>
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
    when('error', 'job:failed', (e) =>
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
    when('info', 'job:cancelled', (e) => log.info({ ...job('job_cancelled', e), duration_ms: ms(e.durationMs) }, 'job cancelled')),
    when('warn', 'job:released', (e) => log.warn({ ...job('job_released', e), duration_ms: ms(e.durationMs) }, 'job released at shutdown')),
    when('warn', 'job:snoozed', (e) =>
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
    when('warn', 'job:abandoned', (e) =>
      log.warn({ ...job('job_abandoned', e), duration_ms: ms(e.durationMs) }, 'handler ignored its abort signal; it keeps its slot until it returns'),
    ),
    when('info', 'job:abandoned_ended', (e) => log.info({ ...job('job_abandoned_ended', e), duration_ms: ms(e.durationMs) }, 'abandoned handler returned')),
    when('warn', 'job:stale', (e) => log.warn({ ...job('job_stale', e), action: e.action }, 'stale settle rejected: the lease was lost')),
    when('warn', 'jobs:recovered', (e) =>
      log.warn({ event: 'jobs_recovered', worker_id: e.workerId, count: e.count, failed: e.failed, job_ids: e.jobIds.slice(0, 50) }, 'lapsed leases recovered'),
    ),
    when('info', 'listener:connected', (e) => log.info({ event: 'listener_connected', reconnect: e.reconnect }, 'listening for jobs')),
    when('warn', 'listener:disconnected', (e) => log.warn({ event: 'listener_disconnected', error: e.error }, 'listener lost its connection')),
    when('info', 'provider:call', (e) =>
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
    when('warn', 'provider:breaker', (e) => log.warn({ event: 'breaker', provider: e.provider, state: e.state }, 'circuit breaker changed state')),
    when('info', 'assistant:urgency', (e) => {
      if (e.urgent)
        log.info({ event: 'assistant_urgent', job_id: e.jobId, category: e.category, source: e.source, second_opinion: e.secondOpinion }, 'urgent answer sent');
    }),
    when('warn', 'alert:sent', (e) => log.warn({ event: 'alert_sent', alert: e.name, status: e.status, subject: e.subject }, `alert ${e.status}: ${e.name}`)),
    when('info', 'retention:done', (e) =>
      log.info({ event: 'retention', deleted: e.deleted, media_stripped: e.stripped, cache_deleted: e.cacheDeleted }, 'retention applied'),
    ),
    when('error', 'error', (e) => log.error({ event: 'error', where: e.where, error: e.error }, 'error')),
  ];
  return () => offs.forEach((off) => off());
}
