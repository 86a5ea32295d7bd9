// GET /dashboard: the operators' one page. The page and its data are behind the same guard as
// /metrics (src/http/ops-auth.ts); a person in a browser presents OPS_TOKEN once through a login
// form and gets an HttpOnly, SameSite=Strict session cookie (a browser cannot send a bearer header
// on navigation). The style and script files hold no data and are served to anyone.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { Metrics } from '../observability/metrics.ts';
import { readOverview } from '../ops/overview.ts';
import { DASHBOARD_CSP, DASHBOARD_CSS, DASHBOARD_JS, dashboardPage, loginPage } from './dashboard-assets.ts';
import { checkOps, clearedCookie, opsGuard, secretsEqual, sessionCookie } from './ops-auth.ts';

export interface DashboardDeps {
  pool: pg.Pool;
  metrics: Metrics;
  version: string;
  opsToken: string | undefined;
  extraHealth?: () => Record<string, unknown>;
}

/** Failed logins allowed per minute, per daemon: enough for typos, too few to guess a 16+ character token. */
const LOGIN_FAILURES_PER_MINUTE = 10;

type Breaker = { provider: string; enabled: boolean; state: string };

function breakersFrom(extra: Record<string, unknown> | undefined): Breaker[] {
  const providers = extra?.providers;
  if (!providers || typeof providers !== 'object') return [];
  return Object.entries(providers as Record<string, { enabled?: boolean; breaker?: string }>)
    .filter(([, p]) => p && typeof p.breaker === 'string')
    .map(([provider, p]) => ({ provider, enabled: p.enabled !== false, state: p.breaker! }));
}

async function cacheStats(metrics: Metrics): Promise<{ lookups: number; hits: number; hit_rate: number | null }> {
  const metric = metrics.registry.getSingleMetric('ai_worker_cache_lookups_total');
  let hits = 0;
  let lookups = 0;
  if (metric) {
    for (const v of (await metric.get()).values) {
      lookups += v.value;
      if (v.labels.result === 'hit') hits += v.value;
    }
  }
  return { lookups, hits, hit_rate: lookups === 0 ? null : hits / lookups };
}

export function registerDashboard(app: FastifyInstance, deps: DashboardDeps): void {
  // Its own plugin scope: the form parser below must not reach other routes.
  void app.register(async (scope) => dashboardRoutes(scope, deps));
}

function dashboardRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  const failures: number[] = [];
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('content-security-policy', DASHBOARD_CSP)
      .header('cache-control', 'no-store')
      .header('x-frame-options', 'DENY')
      .send(body);

  // Only the login form posts urlencoded bodies; a few KB is plenty for a token.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.get('/dashboard/style.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(DASHBOARD_CSS));
  app.get('/dashboard/app.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(DASHBOARD_JS));

  app.get('/dashboard', async (req, reply) => {
    const denied = checkOps(req, deps.opsToken);
    if (!denied) return html(reply, 200, dashboardPage(deps.version, deps.opsToken !== undefined));
    if (denied.status === 401) return html(reply, 401, loginPage(undefined));
    return reply.code(403).send({ error: { code: denied.code, message: denied.message } });
  });

  app.post('/dashboard/login', async (req: FastifyRequest, reply) => {
    if (deps.opsToken === undefined) return reply.redirect('/dashboard', 303);
    const now = Date.now();
    while (failures.length && failures[0]! < now - 60_000) failures.shift();
    if (failures.length >= LOGIN_FAILURES_PER_MINUTE) {
      return html(reply.header('retry-after', '60'), 429, loginPage('Too many failed attempts; try again in a minute.'));
    }
    const token = (req.body as Record<string, unknown> | undefined)?.token;
    if (typeof token !== 'string' || !secretsEqual(token, deps.opsToken)) {
      failures.push(now);
      return html(reply, 401, loginPage('That token does not match OPS_TOKEN.'));
    }
    return reply.header('set-cookie', sessionCookie(req, deps.opsToken)).redirect('/dashboard', 303);
  });

  app.post('/dashboard/logout', async (_req, reply) => reply.header('set-cookie', clearedCookie()).redirect('/dashboard', 303));

  app.get('/dashboard/data', { preHandler: opsGuard(deps.opsToken) }, async (_req, reply) => {
    try {
      const [overview, cache] = await Promise.all([readOverview(deps.pool), cacheStats(deps.metrics)]);
      return reply.header('cache-control', 'no-store').send({ ...overview, cache, breakers: breakersFrom(deps.extraHealth?.()) });
    } catch (err) {
      return reply.code(503).send({ error: { code: 'database_unavailable', message: (err as Error).message } });
    }
  });
}
