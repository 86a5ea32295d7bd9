// /metrics holds up: promtool accepts it, the turnaround histogram counts each job once at its final
// state, ai_worker_jobs_running is the worker's own count, build info and one series per breaker state.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Daemon } from '../src/start.ts';
import { VERSION } from '../src/version.ts';
import { startTestDaemon } from './support/daemon.ts';
import { useFreshDatabase } from './support/database.ts';

const db = useFreshDatabase('ops_metrics');
let daemon: Daemon;

before(async () => {
  await db.ready;
  daemon = await startTestDaemon(db.url);
});
after(() => daemon?.stop(0));

async function scrape(): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${daemon.port}/metrics`);
  assert.equal(res.status, 200);
  return res.text();
}

/** The value of the sample `name{labels}` exactly as exposed (labels in exposition order), if any. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

export function promtoolCheckMetrics(text: string): { status: number | null; output: string } {
  const r = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (r.error) throw new Error(`promtool not runnable (apt-get install prometheus): ${r.error.message}`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test('jobs_running follows the worker; turnaround is observed once per job at its final state; promtool accepts /metrics', async () => {
  const slow = randomUUID();
  const claimed = daemon.events.waitFor('job:claimed', (e) => e.jobId === slow);
  await db.pool.query(`insert into analysis_jobs (id, user_id, type, input) values ($1, $2, 'healthcheck', '{"delay_ms": 60000}')`, [slow, randomUUID()]);
  await claimed;
  const during = await scrape();
  assert.equal(daemon.worker.runningCount, 1);
  assert.equal(sample(during, 'ai_worker_jobs_running'), 1);
  assert.equal(sample(during, 'ai_worker_job_turnaround_seconds_count', '{type="healthcheck"}'), undefined, 'nothing final yet');

  const cancelled = daemon.events.waitFor('job:cancelled', (e) => e.jobId === slow);
  await db.pool.query('select request_analysis_cancel($1)', [slow]);
  await cancelled;
  const quick = randomUUID();
  const completed = daemon.events.waitFor('job:completed', (e) => e.jobId === quick);
  await db.pool.query(`insert into analysis_jobs (id, user_id, type) values ($1, $2, 'healthcheck')`, [quick, randomUUID()]);
  await completed;

  const text = await scrape();
  assert.equal(sample(text, 'ai_worker_jobs_running'), 0);
  assert.equal(sample(text, 'ai_worker_job_turnaround_seconds_count', '{type="healthcheck"}'), 2, 'the cancelled and the completed job');
  assert.ok(sample(text, 'ai_worker_job_turnaround_seconds_sum', '{type="healthcheck"}')! > 0);
  assert.equal(sample(text, 'ai_worker_build_info', `{version="${VERSION}",node_version="${process.versions.node}"}`), 1);
  assert.doesNotMatch(text, /^ai_worker_nodejs_active_\w+_total/m);

  const check = promtoolCheckMetrics(text);
  assert.equal(check.status, 0, check.output);
});

test('promtool rejects what it should: the check is not a rubber stamp', () => {
  const bad = '# HELP x_active_total a gauge named like a counter\n# TYPE x_active_total gauge\nx_active_total 1\n';
  assert.notEqual(promtoolCheckMetrics(bad).status, 0);
});

test('one series per breaker state, 1 for the current state', async () => {
  daemon.events.emit('provider:breaker', { provider: 'gemini', state: 'open' });
  let text = await scrape();
  assert.equal(sample(text, 'ai_worker_provider_circuit_state', '{provider="gemini",state="open"}'), 1);
  assert.equal(sample(text, 'ai_worker_provider_circuit_state', '{provider="gemini",state="closed"}'), 0);
  assert.equal(sample(text, 'ai_worker_provider_circuit_state', '{provider="gemini",state="half_open"}'), 0);
  daemon.events.emit('provider:breaker', { provider: 'gemini', state: 'closed' });
  text = await scrape();
  assert.equal(sample(text, 'ai_worker_provider_circuit_state', '{provider="gemini",state="open"}'), 0);
  assert.equal(sample(text, 'ai_worker_provider_circuit_state', '{provider="gemini",state="closed"}'), 1);
  assert.equal(promtoolCheckMetrics(text).status, 0);
});
