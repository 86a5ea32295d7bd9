// Alerts without Prometheus (ALERT_WEBHOOK_URL): the plan's four rules, the same thresholds as
// deploy/prometheus/alerts.yml, evaluated by the daemon from the database and posted to a Slack- or
// Discord-compatible webhook once when they fire and once when they resolve.
//
// One daemon at a time: each evaluation is a transaction that first takes a transaction-level
// advisory lock (try, never wait); the daemons that miss it skip the round. What is pending or
// firing lives in ai_worker_alerts, so the next round — on whichever daemon — knows what was sent.
// The webhook is posted before the state commits: a failed post rolls the state back and the next
// round sends it again, so a message is late rather than lost.
import type pg from 'pg';
import type { EventBus } from '../events.ts';
import { finishedAfter, TEN_MINUTES_AGO } from './windows.ts';

export const RUNBOOK_BASE = 'https://github.com/<org>/ai-worker/blob/main/docs/RUNBOOK.md';
/** pg_try_advisory_xact_lock key: "alerts" in ASCII, out of the way of the migrator's and the tests' keys. */
export const ALERT_LOCK_KEY = 0x616c65727473;

export interface AlertRule {
  name: 'QueueBacklog' | 'WorkerOffline' | 'JobErrorRate' | 'TurnaroundP95';
  /** How long the condition must hold before the alert fires (Prometheus `for:`). */
  forSeconds: number;
  threshold: number;
}

/** The plan's four rules, as in alerts.yml. */
export const PLAN_RULES: readonly AlertRule[] = [
  { name: 'QueueBacklog', forSeconds: 300, threshold: 50 },
  { name: 'WorkerOffline', forSeconds: 0, threshold: 300 },
  { name: 'JobErrorRate', forSeconds: 300, threshold: 0.05 },
  { name: 'TurnaroundP95', forSeconds: 600, threshold: 30 },
];

type Client = Pick<pg.PoolClient, 'query'>;

interface Observation {
  key: string;
  rule: AlertRule;
  subject?: string;
  value: number;
}

const fmtSeconds = (s: number) => (s < 120 ? `${s.toFixed(1)} s` : `${(s / 60).toFixed(1)} min`);

function summary(o: Observation): string {
  switch (o.rule.name) {
    case 'QueueBacklog':
      return `${o.value} jobs pending (threshold ${o.rule.threshold})`;
    case 'WorkerOffline':
      return `worker ${o.subject} not seen for ${fmtSeconds(o.value)} (threshold ${fmtSeconds(o.rule.threshold)})`;
    case 'JobErrorRate':
      return `${(o.value * 100).toFixed(1)} % of jobs finished in the last 10 minutes failed (threshold ${o.rule.threshold * 100} %)`;
    case 'TurnaroundP95':
      return `p95 turnaround of ${o.subject} is ${fmtSeconds(o.value)} over the last 10 minutes (threshold ${o.rule.threshold} s)`;
  }
}

/** The conditions true now. Global figures from the database, the same whichever daemon looks. */
async function observe(db: Client, rules: readonly AlertRule[]): Promise<Observation[]> {
  const out: Observation[] = [];
  for (const rule of rules) {
    switch (rule.name) {
      case 'QueueBacklog': {
        const n = (await db.query<{ n: number }>(`select count(*)::int as n from public.analysis_jobs where status = 'pending'`)).rows[0]!.n;
        if (n > rule.threshold) out.push({ key: rule.name, rule, value: n });
        break;
      }
      case 'WorkerOffline': {
        const { rows } = await db.query<{ id: string; age: number }>(
          `select id, extract(epoch from now() - last_seen_at)::float8 as age from public.ai_workers
            where status <> 'stopped' and last_seen_at > now() - interval '1 day' and last_seen_at < now() - make_interval(secs => $1)`,
          [rule.threshold],
        );
        for (const w of rows) out.push({ key: `${rule.name}:${w.id}`, rule, subject: w.id, value: Math.round(w.age) });
        break;
      }
      case 'JobErrorRate': {
        const r = (
          await db.query<{ failed: number; finished: number }>(
            `select count(*) filter (where status = 'failed')::int as failed, count(*)::int as finished
             from public.analysis_jobs where status in ('completed', 'failed') and ${finishedAfter(TEN_MINUTES_AGO)}`,
          )
        ).rows[0]!;
        if (r.finished > 0 && r.failed / r.finished > rule.threshold) out.push({ key: rule.name, rule, value: r.failed / r.finished });
        break;
      }
      case 'TurnaroundP95': {
        const { rows } = await db.query<{ type: string; p95: number }>(
          `select type, percentile_cont(0.95) within group (order by extract(epoch from completed_at - created_at))::float8 as p95
             from public.analysis_jobs
            where status in ('completed', 'failed', 'cancelled') and ${finishedAfter(TEN_MINUTES_AGO)}
            group by type`,
        );
        for (const r of rows) if (r.p95 > rule.threshold) out.push({ key: `${rule.name}:${r.type}`, rule, subject: r.type, value: r.p95 });
        break;
      }
    }
  }
  return out;
}

export interface AlertMessage {
  status: 'firing' | 'resolved';
  name: string;
  subject?: string;
  summary: string;
  runbook_url: string;
}

/** Slack reads `text`, Discord reads `content`; both ignore the rest, which scripts may read. */
export function webhookBody(m: AlertMessage): Record<string, unknown> {
  const icon = m.status === 'firing' ? '🔴' : '✅';
  const text = `${icon} [${m.status.toUpperCase()}] ${m.name}: ${m.summary}\nRunbook: ${m.runbook_url}`;
  return { text, content: text, username: 'ai-worker', alert: m };
}

export interface EvaluateOptions {
  webhookUrl: string;
  rules?: readonly AlertRule[];
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export type EvaluateResult = { skipped: true } | { skipped: false; sent: AlertMessage[]; pending: string[]; firing: string[] };

export async function evaluateAlerts(pool: pg.Pool, o: EvaluateOptions): Promise<EvaluateResult> {
  const rules = o.rules ?? PLAN_RULES;
  const client = await pool.connect();
  try {
    await client.query('begin');
    const locked = (await client.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [ALERT_LOCK_KEY])).rows[0]!.ok;
    if (!locked) {
      await client.query('rollback');
      return { skipped: true };
    }
    const observed = await observe(client, rules);
    const { rows: existing } = await client.query<{ key: string; name: string; state: 'pending' | 'firing'; held: number; value: number | null }>(
      `select key, name, state, extract(epoch from now() - since)::float8 as held, value from public.ai_worker_alerts for update`,
    );
    const byKey = new Map(existing.map((r) => [r.key, r]));
    const messages: AlertMessage[] = [];
    const message = (status: AlertMessage['status'], obs: Observation | undefined, name: string, text: string): AlertMessage => ({
      status,
      name,
      ...(obs?.subject ? { subject: obs.subject } : {}),
      summary: text,
      runbook_url: `${RUNBOOK_BASE}#${name.toLowerCase()}`,
    });
    const pending: string[] = [];
    const firing: string[] = [];
    for (const obs of observed) {
      const row = byKey.get(obs.key);
      const fire = row?.state !== 'firing' && (row?.held ?? 0) >= obs.rule.forSeconds;
      const state = fire || row?.state === 'firing' ? 'firing' : 'pending';
      (state === 'firing' ? firing : pending).push(obs.key);
      if (!row) {
        await client.query(
          `insert into public.ai_worker_alerts (key, name, state, since, fired_at, value) values ($1, $2, $3, now(), case when $3 = 'firing' then now() end, $4)`,
          [obs.key, obs.rule.name, state, obs.value],
        );
      } else {
        await client.query(
          `update public.ai_worker_alerts set state = $2, value = $3, fired_at = case when $2 = 'firing' and fired_at is null then now() else fired_at end where key = $1`,
          [obs.key, state, obs.value],
        );
      }
      if (fire) messages.push(message('firing', obs, obs.rule.name, summary(obs)));
    }
    const active = new Set(observed.map((x) => x.key));
    for (const row of existing) {
      if (active.has(row.key)) continue;
      await client.query('delete from public.ai_worker_alerts where key = $1', [row.key]);
      if (row.state === 'firing') {
        const subject = row.key.includes(':') ? row.key.slice(row.key.indexOf(':') + 1) : undefined;
        messages.push(message('resolved', subject ? ({ subject } as Observation) : undefined, row.name, `resolved${subject ? ` (${subject})` : ''}`));
      }
    }
    for (const m of messages) await post(o, m);
    await client.query('commit');
    return { skipped: false, sent: messages, pending, firing };
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

async function post(o: EvaluateOptions, m: AlertMessage): Promise<void> {
  const res = await (o.fetchImpl ?? fetch)(o.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(webhookBody(m)),
    signal: AbortSignal.timeout(o.timeoutMs ?? 5_000),
  });
  await res.arrayBuffer().catch(() => undefined);
  // The URL carries the webhook's secret: never put it in an error.
  if (!res.ok) throw new Error(`alert webhook answered HTTP ${res.status}`);
}

/** The daemon's loop: every `intervalSeconds`, one evaluation (or a skipped round on the other daemons). */
export function startAlerting(pool: pg.Pool, events: EventBus, o: EvaluateOptions & { intervalSeconds: number }): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = evaluateAlerts(pool, o)
      .then((r) => {
        if (!r.skipped) for (const m of r.sent) events.emit('alert:sent', { name: m.name, status: m.status, subject: m.subject });
      })
      .catch((err: Error) => events.emit('error', { where: 'alerts', error: err.message }))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, o.intervalSeconds * 1000);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
