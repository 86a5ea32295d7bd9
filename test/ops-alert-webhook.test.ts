// Alerts without Prometheus: the daemon evaluates the plan's four rules from the database and posts
// Slack/Discord-compatible JSON to a webhook (here a local receiver) once on firing and once on
// recovery; one daemon at a time through an advisory lock; a failed post is sent again, not lost.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ALERT_LOCK_KEY, evaluateAlerts, PLAN_RULES, type AlertRule } from '../src/ops/alerts.ts';
import type { Daemon } from '../src/start.ts';
import { startTestDaemon } from './support/daemon.ts';
import { useFreshDatabase, waitUntil } from './support/database.ts';

const db = useFreshDatabase('ops_alerts');
let server: Server;
let url: string;
let received: Array<Record<string, any>> = [];
let answer = 200;
const NOW: readonly AlertRule[] = PLAN_RULES.map((r) => ({ ...r, forSeconds: 0 }));

before(async () => {
  await db.ready;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (answer === 200) received.push({ contentType: req.headers['content-type'], ...JSON.parse(body) });
      res.writeHead(answer).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
after(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});
beforeEach(async () => {
  received = [];
  answer = 200;
  await db.pool.query('delete from ai_worker_alerts');
  await db.pool.query('delete from analysis_jobs');
  await db.pool.query('delete from ai_workers');
});

const pending = (n: number) =>
  db.pool.query(`insert into analysis_jobs (user_id, type) select gen_random_uuid(), 'healthcheck' from generate_series(1, $1)`, [n]);

test('QueueBacklog: one message when it fires, none while it stays, one when it resolves', async () => {
  await pending(50);
  assert.deepEqual(await evaluateAlerts(db.pool, { webhookUrl: url, rules: NOW }), { skipped: false, sent: [], pending: [], firing: [] }, '50 is not over 50');
  await pending(1);
  const fired = await evaluateAlerts(db.pool, { webhookUrl: url, rules: NOW });
  assert.equal(fired.skipped, false);
  assert.equal(received.length, 1);
  const m = received[0]!;
  assert.equal(m.contentType, 'application/json');
  assert.equal(m.text, m.content, 'Slack reads text, Discord reads content');
  assert.match(
    m.text,
    /^🔴 \[FIRING\] QueueBacklog: 51 jobs pending \(threshold 50\)\nRunbook: https:\/\/github\.com\/<org>\/ai-worker\/blob\/main\/docs\/RUNBOOK\.md#queuebacklog$/,
  );
  assert.deepEqual(m.alert, {
    status: 'firing',
    name: 'QueueBacklog',
    summary: '51 jobs pending (threshold 50)',
    runbook_url: 'https://github.com/<org>/ai-worker/blob/main/docs/RUNBOOK.md#queuebacklog',
  });

  for (let i = 0; i < 3; i++) await evaluateAlerts(db.pool, { webhookUrl: url, rules: NOW });
  assert.equal(received.length, 1, 'no repeats');

  await db.pool.query(`delete from analysis_jobs where id in (select id from analysis_jobs limit 5)`);
  await evaluateAlerts(db.pool, { webhookUrl: url, rules: NOW });
  assert.equal(received.length, 2);
  assert.match(received[1]!.text, /^✅ \[RESOLVED\] QueueBacklog: resolved/);
  await evaluateAlerts(db.pool, { webhookUrl: url, rules: NOW });
  assert.equal(received.length, 2);
});

test('a rule fires only after its condition held for its duration (Prometheus `for:`)', async () => {
  await pending(60);
  const first = await evaluateAlerts(db.pool, { webhookUrl: url });
  assert.deepEqual(first, { skipped: false, sent: [], pending: ['QueueBacklog'], firing: [] });
  await evaluateAlerts(db.pool, { webhookUrl: url });
  assert.equal(received.length, 0, 'held for less than 5 minutes');
  // Five minutes pass (the database clock decides; here the row is moved back instead of waiting).
  await db.pool.query(`update ai_worker_alerts set since = since - interval '301 seconds' where key = 'QueueBacklog'`);
  const fired = await evaluateAlerts(db.pool, { webhookUrl: url });
  assert.deepEqual(fired.skipped === false && fired.firing, ['QueueBacklog']);
  assert.equal(received.length, 1);
});

test('WorkerOffline per worker, JobErrorRate and TurnaroundP95 per type, from the tables', async () => {
  await db.pool.query(`insert into ai_workers (id, host, pid, version, concurrency, status, last_seen_at) values
    ('vps-9', 'h', 1, 'v', 5, 'running', now() - interval '400 seconds'),
    ('vps-8', 'h', 1, 'v', 5, 'stopped', now() - interval '400 seconds'),
    ('vps-7', 'h', 1, 'v', 5, 'running', now() - interval '20 seconds')`);
  // 2 failed of 20 finished = 10 %; sofia_image jobs took 40 s from enqueue, meal plans 1 s.
  await db.pool.query(`insert into analysis_jobs (user_id, type, status, created_at, completed_at, error)
    select gen_random_uuid(), 'sofia_image', case when g <= 2 then 'failed' else 'completed' end, now() - interval '45 seconds', now() - interval '5 seconds',
           case when g <= 2 then '{"code":"x","message":"y"}'::jsonb end
      from generate_series(1, 10) g`);
  await db.pool.query(
    `insert into analysis_jobs (user_id, type, status, created_at, completed_at) select gen_random_uuid(), 'meal_plan', 'completed', now() - interval '2 seconds', now() - interval '1 second' from generate_series(1, 10)`,
  );
  const r = await evaluateAlerts(db.pool, { webhookUrl: url, rules: NOW });
  assert.equal(r.skipped, false);
  assert.deepEqual(new Set(r.skipped === false ? r.firing : []), new Set(['WorkerOffline:vps-9', 'JobErrorRate', 'TurnaroundP95:sofia_image']));
  const texts = received.map((m) => m.alert.summary as string).sort();
  assert.equal(texts.length, 3);
  assert.match(texts[0]!, /^10\.0 % of jobs finished in the last 10 minutes failed \(threshold 5 %\)$/);
  assert.match(texts[1]!, /^p95 turnaround of sofia_image is 40\.0 s over the last 10 minutes \(threshold 30 s\)$/);
  assert.match(texts[2]!, /^worker vps-9 not seen for 6\.\d min \(threshold 5\.0 min\)$/);
  assert.deepEqual(received.find((m) => m.alert.name === 'WorkerOffline')!.alert.subject, 'vps-9');
});

test('one daemon at a time: a round that cannot take the advisory lock is skipped; two at once send once', async () => {
  await pending(51);
  const holder = new pg.Client(db.url);
  await holder.connect();
  try {
    await holder.query('begin');
    await holder.query('select pg_advisory_xact_lock($1)', [ALERT_LOCK_KEY]);
    assert.deepEqual(await evaluateAlerts(db.pool, { webhookUrl: url, rules: NOW }), { skipped: true });
    await holder.query('commit');
  } finally {
    await holder.end();
  }
  assert.equal(received.length, 0);
  // Two daemons (two pools) evaluating together.
  const other = new pg.Pool({ connectionString: db.url, max: 2 });
  try {
    const results = await Promise.all([evaluateAlerts(db.pool, { webhookUrl: url, rules: NOW }), evaluateAlerts(other, { webhookUrl: url, rules: NOW })]);
    assert.equal(received.length, 1, JSON.stringify(results));
    // Whichever daemon looks next knows it was sent.
    await evaluateAlerts(other, { webhookUrl: url, rules: NOW });
    await evaluateAlerts(db.pool, { webhookUrl: url, rules: NOW });
    assert.equal(received.length, 1);
  } finally {
    await other.end();
  }
});

test('a webhook that fails: nothing is marked sent, the next round sends it', async () => {
  await pending(51);
  answer = 500;
  await assert.rejects(evaluateAlerts(db.pool, { webhookUrl: url, rules: NOW }), /alert webhook answered HTTP 500/);
  assert.equal((await db.pool.query('select count(*)::int as n from ai_worker_alerts')).rows[0].n, 0, 'state rolled back');
  answer = 200;
  await evaluateAlerts(db.pool, { webhookUrl: url, rules: NOW });
  assert.equal(received.length, 1);
  assert.equal(received[0]!.alert.status, 'firing');
});

test('the daemon with ALERT_WEBHOOK_URL posts by itself', async () => {
  let daemon: Daemon | undefined;
  try {
    daemon = await startTestDaemon(db.url, { ALERT_WEBHOOK_URL: url, ALERT_EVALUATION_SECONDS: '1' });
    const sent = daemon.events.waitFor('alert:sent', (e) => e.name === 'WorkerOffline', 15_000);
    await db.pool.query(
      `insert into ai_workers (id, host, pid, version, concurrency, status, last_seen_at) values ($1, 'h', 1, 'v', 5, 'running', now() - interval '10 minutes')`,
      [`gone-${randomUUID().slice(0, 8)}`],
    );
    await sent;
    await waitUntil(async () => received.some((m) => m.alert?.name === 'WorkerOffline'), { what: 'the webhook received the alert' });
  } finally {
    await daemon?.stop(0);
  }
});
