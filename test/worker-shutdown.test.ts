import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useFreshDatabase } from './support/database.ts';
import { spawnDaemon } from './support/daemon.ts';

const db = useFreshDatabase('shutdown');

async function insert(input: object): Promise<string> {
  const id = randomUUID();
  await db.pool.query(`insert into analysis_jobs (id, user_id, type, input) values ($1, $2, 'healthcheck', $3)`, [id, randomUUID(), input]);
  return id;
}
const row = async (id: string) => (await db.pool.query('select * from analysis_jobs where id = $1', [id])).rows[0];

test('SIGTERM: short jobs finish in the grace period, long ones are released unburned, nothing new is claimed, exit 0', async (t) => {
  const d = spawnDaemon(db.url, { WORKER_SHUTDOWN_GRACE_SECONDS: '2', WORKER_CONCURRENCY: '4', WORKER_ID: 'graceful' });
  t.after(() => void d.proc.kill('SIGKILL'));
  await d.port();
  const short = await insert({ delay_ms: 500 });
  const long = await insert({ delay_ms: 60_000 });
  await d.waitForLine((l) => l.event === 'job_claimed' && l.job_id === short);
  await d.waitForLine((l) => l.event === 'job_claimed' && l.job_id === long);
  d.proc.kill('SIGTERM');
  await d.waitForLine((l) => l.event === 'worker_stopping');
  const late = await insert({});
  const { code } = await d.exited;
  assert.equal(code, 0);

  const s = await row(short);
  assert.equal(s.status, 'completed', 'the short job finished within the grace period');
  const l = await row(long);
  assert.equal(l.status, 'pending', 'the long job went back to the queue');
  assert.equal(l.attempts, 0, 'without burning an attempt');
  assert.equal(l.lease_token, null);
  assert.equal((await row(late)).status, 'pending', 'nothing was claimed after the signal');
  assert.ok(d.lines.some((x) => x.event === 'job_released' && x.job_id === long));
  const w = (await db.pool.query(`select status, stopped_at from ai_workers where id = 'graceful'`)).rows[0];
  assert.equal(w.status, 'stopped');
  assert.ok(w.stopped_at);
});

test('a second signal exits at once', async (t) => {
  const d = spawnDaemon(db.url, { WORKER_SHUTDOWN_GRACE_SECONDS: '60' });
  t.after(() => void d.proc.kill('SIGKILL'));
  await d.port();
  const long = await insert({ delay_ms: 60_000 });
  await d.waitForLine((l) => l.event === 'job_claimed' && l.job_id === long);
  d.proc.kill('SIGTERM');
  await d.waitForLine((l) => l.event === 'worker_stopping');
  d.proc.kill('SIGTERM');
  const { code } = await d.exited;
  // It did not wait for the grace period: the exit is the second signal's (forced_exit, 143) and the
  // 60 s job is still 'processing' below, where a graceful wait would have let it complete.
  assert.equal(code, 143);
  assert.ok(d.lines.some((x) => x.event === 'forced_exit'));
  // The job is still held by the dead daemon's lease: it comes back when the lease lapses.
  assert.equal((await row(long)).status, 'processing');
});
