import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../src/db/migrate.ts';
import type { Daemon } from '../src/start.ts';
import { createCluster, type Cluster } from './support/cluster.ts';
import { startTestDaemon } from './support/daemon.ts';
import { waitUntil } from './support/database.ts';

// This file stops its database on purpose: a throwaway cluster, never the shared one.
let cluster: Cluster;
let daemon: Daemon;
let base: string;

before(async () => {
  cluster = await createCluster();
  await migrate(cluster.url());
  daemon = await startTestDaemon(cluster.url(), { DATABASE_STATEMENT_TIMEOUT_MS: '1000' });
  base = `http://127.0.0.1:${daemon.port}`;
});
after(async () => {
  await daemon?.stop(0);
  await cluster?.destroy();
});

/** A strict-enough reader of the Prometheus text exposition format (version 0.0.4). */
function parsePrometheus(text: string): Map<string, { type: string; samples: Array<{ labels: string; value: number }> }> {
  const families = new Map<string, { type: string; samples: Array<{ labels: string; value: number }> }>();
  const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (-?(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?|NaN|\+Inf|-Inf))( \d+)?$/;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (meta) {
      if (meta[1] === 'TYPE') {
        assert.match(meta[3]!, /^(counter|gauge|histogram|summary|untyped)$/);
        families.set(meta[2]!, { type: meta[3]!, samples: [] });
      }
      continue;
    }
    const m = sample.exec(line);
    assert.ok(m, `not a valid exposition line: ${line}`);
    const name = m[1]!;
    const family =
      families.get(name) ?? families.get(name.replace(/_(bucket|sum|count|total|created)$/, '')) ?? families.get(name.replace(/_(bucket|sum|count)$/, ''));
    assert.ok(family, `sample ${name} has no TYPE line`);
    family.samples.push({ labels: m[2] ?? '', value: Number(m[3]) });
  }
  return families;
}

test('GET /health answers 200 while the process serves', async () => {
  const res = await fetch(`${base}/health`);
  assert.equal(res.status, 200);
  assert.equal((await res.json()).status, 'ok');
});

test('GET /metrics is Prometheus text with the queue metrics, in Prometheus naming', async () => {
  const db = new pg.Client(cluster.url());
  await db.connect();
  try {
    const id = randomUUID();
    const done = daemon.events.waitFor('job:completed', (e) => e.jobId === id);
    await db.query(`insert into analysis_jobs (id, user_id, type) values ($1, $2, 'healthcheck')`, [id, randomUUID()]);
    await done;
    await db.query(`insert into analysis_jobs (user_id, type, run_at) values ($1, 'healthcheck', now() + interval '1 hour')`, [randomUUID()]);
  } finally {
    await db.end();
  }
  const res = await fetch(`${base}/metrics`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  const families = parsePrometheus(await res.text());
  const expect = {
    ai_worker_jobs_finished_total: 'counter',
    ai_worker_job_duration_seconds: 'histogram',
    ai_worker_job_pickup_latency_seconds: 'histogram',
    ai_worker_queue_depth: 'gauge',
    ai_worker_job_retries_total: 'counter',
    ai_worker_stale_completions_total: 'counter',
    ai_worker_listener_reconnects_total: 'counter',
    ai_worker_process_cpu_seconds_total: 'counter',
  };
  for (const [name, type] of Object.entries(expect)) assert.equal(families.get(name)?.type, type, name);
  const finished = families.get('ai_worker_jobs_finished_total')!.samples.find((s) => s.labels.includes('outcome="completed"'));
  assert.ok(finished && finished.value >= 1);
  const depth = families.get('ai_worker_queue_depth')!.samples.find((s) => s.labels === '{type="healthcheck",status="pending"}');
  assert.equal(depth?.value, 1);
  for (const name of families.keys()) assert.match(name, /^[a-z][a-z0-9_]*$/, 'snake_case');
});

test('GET /health/detailed: 200 with the picture, 503 with reasons while the database is down, 200 again after', async () => {
  const ok = await fetch(`${base}/health/detailed`);
  assert.equal(ok.status, 200);
  const body = await ok.json();
  assert.equal(body.database.reachable, true);
  assert.equal(typeof body.database.round_trip_ms, 'number');
  assert.equal(body.listener.connected, true);
  assert.equal(typeof body.listener.last_event_age_seconds, 'number');
  assert.ok(Array.isArray(body.queue.depth));
  assert.ok('oldest_pending_seconds' in body.queue);
  assert.equal(body.worker.running, 0);
  assert.ok(body.workers.some((w: { id: string }) => w.id === daemon.worker.id));
  assert.ok(body.version && body.uptime_seconds >= 0);

  await cluster.stop();
  try {
    // Answered while the database is still down (it starts again only after these checks): the
    // fetch's bound turns a probe that waits for the database into a failure.
    const down = await fetch(`${base}/health/detailed`, { signal: AbortSignal.timeout(15_000) });
    assert.equal(down.status, 503);
    const downBody = await down.json();
    assert.ok(downBody.reasons.includes('database unreachable'));
    assert.equal(downBody.database.reachable, false);
    assert.equal((await fetch(`${base}/health`)).status, 200, 'liveness stays 200: the process serves');
  } finally {
    await cluster.start();
  }
  await waitUntil(async () => (await fetch(`${base}/health/detailed`)).status === 200, {
    timeoutMs: 15_000,
    intervalMs: 200,
    what: '/health/detailed back to 200',
  });
});
