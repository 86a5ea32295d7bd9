// Composition root of the daemon: builds config-driven pieces, wires events to logs and metrics,
// starts the worker and the HTTP server, and owns the process's signals. Nothing imports this
// file but the CLI and the tests that run a daemon in-process.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type pg from 'pg';
import type { AppConfig } from './config.ts';
import type { Env } from './env/reader.ts';
import { transactionPoolerReason } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import { createPool } from './db/pool.ts';
import { EventBus } from './events.ts';
import { createGateway, envFromRecord, readGatewayConfig, runInlineFromRegistry, type Gateway } from './gateway/index.ts';
import { defaultHandlers } from './handlers/index.ts';
import { HandlerRegistry } from './handlers/registry.ts';
import type { JobHandler } from './handlers/types.ts';
import { buildHttpServer } from './http/server.ts';
import { createLogger, subscribeLogging } from './observability/logging.ts';
import { createMetrics } from './observability/metrics.ts';
import { startAlerting } from './ops/alerts.ts';
import { createProviders, type Providers } from './providers/index.ts';
import { VERSION } from './version.ts';
import { Worker } from './worker/worker.ts';

export interface Daemon {
  config: AppConfig;
  events: EventBus;
  pool: pg.Pool;
  worker: Worker;
  providers: Providers;
  http: FastifyInstance;
  log: Logger;
  /** The HTTP port actually bound (PORT=0 picks a free one). */
  port: number;
  stop(graceMs?: number): Promise<void>;
}

export interface DaemonOptions {
  /** Replaces the default handler set (tests run a daemon with chosen handlers). */
  handlers?: JobHandler[];
  logger?: Logger;
  /** Skip migrations (tests that migrate once themselves). */
  migrate?: boolean;
  /** The environment the edge functions read (GATEWAY_JWT_SECRET…); default process.env. */
  gatewayEnv?: Env;
}

export class PoolerError extends Error {}

export async function startDaemon(config: AppConfig, options: DaemonOptions = {}): Promise<Daemon> {
  const pooler = transactionPoolerReason(config.database.url);
  if (pooler) {
    // Decision: refuse rather than run poll-only. A poll-only daemon silently loses the
    // millisecond pickup and cancel-while-running that the product promises.
    throw new PoolerError(
      `DATABASE_URL points at a transaction-mode connection pooler (${pooler}), where LISTEN/NOTIFY cannot work. ` +
        'Use the direct connection (Supabase: db.<project>.supabase.co:5432, or the session pooler on port 5432).',
    );
  }
  // Read (and so validate) the functions' settings before anything is opened.
  const gatewayEnv = config.serveFunctions
    ? envFromRecord({ ...(options.gatewayEnv ?? process.env), DATABASE_URL: config.database.url, SUPABASE_DB_URL: undefined, GATEWAY_DATABASE_URL: undefined })
    : undefined;
  const gatewayConfig = gatewayEnv ? readGatewayConfig(gatewayEnv) : undefined;

  const log = options.logger ?? createLogger(config.logLevel);
  const events = new EventBus();
  subscribeLogging(events, log);
  const metrics = createMetrics(events, { version: VERSION });
  for (const line of gatewayConfig?.deprecated ?? []) log.warn({ event: 'deprecated_setting' }, line);

  if (options.migrate !== false && config.migrate) {
    const result = await migrate(config.database.url);
    if (result.adopted.length)
      log.info({ event: 'migrations_adopted', count: result.adopted.length }, `recorded ${result.adopted.length} migration(s) applied by the Supabase CLI`);
    if (result.applied.length) log.info({ event: 'migrations_applied', count: result.applied.length }, `applied ${result.applied.length} migration(s)`);
  } else {
    log.info(
      { event: 'migrations_skipped' },
      'migrations skipped (WORKER_MIGRATE=false or --no-migrate): their owner applies them (supabase db push or ai-worker migrate)',
    );
  }
  const pool = createPool(config.database, 'ai-worker', events);
  const providers = createProviders(config.providers, events);
  const handlers = new HandlerRegistry(options.handlers ?? defaultHandlers({ pool, providers, events, config }));
  const retention = { retentionDays: config.safety.jobRetentionDays, inputRetentionHours: config.safety.jobInputRetentionHours };
  const worker = new Worker({ pool, database: config.database, config: config.worker, handlers, events, version: VERSION, retention });
  metrics.trackWorker(worker);
  // SERVE_FUNCTIONS: the edge functions, with this daemon's handlers as their sync path.
  const gateway: Gateway | undefined = gatewayEnv
    ? createGateway({
        env: gatewayEnv,
        runInline: runInlineFromRegistry(handlers),
        // The summary lines go to pino and /metrics here, not to bare stdout.
        onRequest: (l) =>
          events.emit('gateway:request', {
            function: l.function,
            method: l.method,
            status: l.status,
            mode: l.mode,
            fallback: l.fallback,
            code: l.code,
            durationMs: l.duration_ms,
            requestId: l.request_id,
          }),
      })
    : undefined;
  const http = buildHttpServer({
    pool,
    worker,
    metrics,
    version: VERSION,
    extraHealth: () => ({ providers: providers.status() }),
    gateway,
    opsToken: config.http.opsToken,
  });
  // Which Ollama models are present, at start and every minute, for /health/detailed.
  const refreshProviders = () => void providers.refreshStatus().catch((err: Error) => events.emit('error', { where: 'providers_status', error: err.message }));
  // ALERT_WEBHOOK_URL: the plan's alert rules evaluated here, for teams without Prometheus.
  const alerting = config.alerts.webhookUrl
    ? startAlerting(pool, events, { webhookUrl: config.alerts.webhookUrl, intervalSeconds: config.alerts.evaluationSeconds })
    : undefined;
  const providerTimer = setInterval(refreshProviders, 60_000);
  providerTimer.unref();
  refreshProviders();
  // Every step runs even if an earlier one failed, so a failed start or stop leaks nothing; the
  // first error is reported after.
  const teardown = async (graceMs?: number) => {
    clearInterval(providerTimer);
    let first: unknown;
    const steps: Array<() => Promise<unknown> | undefined> = [
      () => alerting?.stop(),
      () => worker.stop(graceMs),
      () => providers.close(),
      () => http.close(),
      () => gateway?.close(),
      () => pool.end(),
    ];
    for (const step of steps) {
      await Promise.resolve()
        .then(step)
        .catch((err: unknown) => (first ??= err));
    }
    metrics.unsubscribe();
    events.removeAll();
    if (first !== undefined) throw first;
  };
  try {
    await worker.start();
    await http.listen({ port: config.http.port, host: config.http.host });
  } catch (err) {
    await teardown(0).catch(() => {});
    throw err;
  }
  const address = http.server.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;

  let stopped: Promise<void> | undefined;
  const stop = (graceMs?: number) => (stopped ??= teardown(graceMs));
  return { config, events, pool, worker, providers, http, log, port, stop };
}

/** `ai-worker start`: run until SIGTERM/SIGINT; a second signal exits at once. */
export async function runDaemon(config: AppConfig): Promise<number> {
  const daemon = await startDaemon(config);
  daemon.log.info({ event: 'http_listening', port: daemon.port }, `ai-worker ${VERSION} listening on :${daemon.port}`);
  return new Promise<number>((resolve) => {
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      signals++;
      if (signals > 1) {
        daemon.log.warn({ event: 'forced_exit', signal }, 'second signal: exiting now; unreleased jobs return when their leases lapse');
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }
      daemon.log.info({ event: 'signal', signal }, 'stopping: no new claims; running jobs get the grace period');
      daemon.stop().then(
        () => {
          // A handler that ignored its abort signal may still hold the event loop (a timer, a socket):
          // the stop is complete and its job settled, so do not wait for it to exit.
          if (daemon.worker.abandonedCount > 0) setTimeout(() => process.exit(process.exitCode ?? 0), 100).unref();
          resolve(0);
        },
        (err) => {
          daemon.log.error({ event: 'error', where: 'shutdown', error: (err as Error).message }, 'shutdown failed');
          resolve(1);
        },
      );
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
