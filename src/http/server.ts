// The daemon's HTTP face (fastify): liveness, detailed health for operators, Prometheus metrics,
// the operators' dashboard. It reads the worker's state; it never drives the worker. Everything but
// /health is behind the operator guard (OPS_TOKEN, or loopback only when unset: ops-auth.ts).
import Fastify, { type FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { Gateway } from '../gateway/index.ts';
import type { Metrics } from '../observability/metrics.ts';
import { pingDatabase, queueStats } from '../queue/stats.ts';
import { recentWorkers, workerSummary } from '../worker/registry.ts';
import type { Worker } from '../worker/worker.ts';
import { registerDashboard } from './dashboard.ts';
import { registerFunctions } from './functions.ts';
import { opsGuard } from './ops-auth.ts';

export interface HttpDeps {
  pool: pg.Pool;
  worker: Worker;
  metrics: Metrics;
  version: string;
  /** Extra sections for /health/detailed (providers, breakers); never secrets. */
  extraHealth?: () => Record<string, unknown>;
  /** Edge functions served at /functions/v1/<name> (SERVE_FUNCTIONS=true). */
  gateway?: Gateway;
  /** OPS_TOKEN; undefined = operator endpoints answer loopback clients only. */
  opsToken?: string;
}

const DB_PING_TIMEOUT_MS = 2_000;
/** A worker silent for a day drops out of the heartbeat gauge (and so its alert resolves): it is gone, not offline. */
const WORKER_AGE_WINDOW_SECONDS = 86_400;

export function buildHttpServer(deps: HttpDeps): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });

  app.get('/health', async () => ({ status: 'ok', version: deps.version, uptime_seconds: Math.round(deps.worker.uptimeSeconds) }));

  const ops = { preHandler: opsGuard(deps.opsToken) };

  app.get('/health/detailed', ops, async (_req, reply) => {
    const reasons: string[] = [];
    let database: Record<string, unknown>;
    let queue: Record<string, unknown> | null = null;
    let workers: unknown[] | null = null;
    try {
      const roundTripMs = await pingDatabase(deps.pool, DB_PING_TIMEOUT_MS);
      database = { reachable: true, round_trip_ms: Math.round(roundTripMs * 10) / 10 };
      const [stats, seen] = await Promise.all([queueStats(deps.pool), recentWorkers(deps.pool, 300)]);
      queue = { depth: stats.depth, oldest_pending_seconds: stats.oldestPendingSeconds };
      workers = seen.map(workerSummary);
    } catch (err) {
      database = { reachable: false, error: (err as Error).message };
      reasons.push('database unreachable');
    }
    const l = deps.worker.listenerState;
    if (!l.connected) reasons.push('listener disconnected');
    const body = {
      status: reasons.length ? 'unhealthy' : 'ok',
      reasons,
      version: deps.version,
      uptime_seconds: Math.round(deps.worker.uptimeSeconds),
      worker: { id: deps.worker.id, running: deps.worker.runningCount },
      database,
      listener: {
        connected: l.connected,
        last_event_age_seconds: l.lastEventAgeMs === undefined ? null : Math.round(l.lastEventAgeMs / 100) / 10,
        reconnects: l.reconnects,
      },
      queue,
      workers,
      ...(deps.extraHealth?.() ?? {}),
    };
    return reply.code(reasons.length ? 503 : 200).send(body);
  });

  app.get('/metrics', ops, async (_req, reply) => {
    try {
      // Global figures, the same from every daemon: alert rules take max across instances, not sum.
      const [stats, workers] = await Promise.all([queueStats(deps.pool), recentWorkers(deps.pool, WORKER_AGE_WINDOW_SECONDS)]);
      deps.metrics.queueDepth.reset();
      for (const d of stats.depth) deps.metrics.queueDepth.set({ type: d.type, status: d.status }, d.count);
      deps.metrics.oldestPendingSeconds.set(stats.oldestPendingSeconds ?? 0);
      deps.metrics.workerHeartbeatAge.reset();
      for (const w of workers) if (w.status !== 'stopped') deps.metrics.workerHeartbeatAge.set({ worker_id: w.id }, Math.round(w.seconds_since_seen));
    } catch {
      // The database being away must not hide the process metrics; the depth gauges keep their last values.
    }
    return reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  registerDashboard(app, { pool: deps.pool, metrics: deps.metrics, version: deps.version, opsToken: deps.opsToken, extraHealth: deps.extraHealth });

  // Local hosting of the edge functions: the same handlers as on Supabase.
  if (deps.gateway) registerFunctions(app, deps.gateway);

  return app;
}
