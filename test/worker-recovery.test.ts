import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useFreshDatabase, waitUntil } from './support/database.ts';
import { spawnDaemon, startTestDaemon } from './support/daemon.ts';

const db = useFreshDatabase('recovery');

async function insertJob(input: object, maxAttempts = 3): Promise<string> {
  const id = randomUUID();
  await db.pool.query(`insert into analysis_jobs (id, user_id, type, input, max_attempts) values ($1, $2, 'healthcheck', $3, $4)`, [
    id,
    randomUUID(),
    input,
    maxAttempts,
  ]);
  return id;
}

async function job(id: string) {
  return (await db.pool.query('select * from analysis_jobs where id = $1', [id])).rows[0];
}

test('SIGKILL of a daemon mid-job: another daemon completes it within lease + sweep, one more attempt, one completion', async () => {
  const lease = 3;
  const sweep = 1;
  const killed = spawnDaemon(db.url, { WORKER_LEASE_SECONDS: String(lease), WORKER_HEARTBEAT_SECONDS: '1', WORKER_ID: 'doomed' });
  try {
    await killed.port();
    const id = await insertJob({ delay_ms: 1500 });
    await killed.waitForLine((l) => l.event === 'job_claimed' && l.job_id === id);
    killed.proc.kill('SIGKILL');
    await killed.exited;

    const rescuer = await startTestDaemon(db.url, { WORKER_SWEEP_SECONDS: String(sweep), WORKER_LEASE_SECONDS: String(lease) });
    const completions: string[] = [];
    rescuer.events.on('job:completed', (e) => completions.push(e.jobId));
    try {
      // The rescuer's sweep takes the job back once its lease has lapsed (the bound is a timeout).
      const recovered = await rescuer.events.waitFor('jobs:recovered', (e) => e.jobIds.includes(id), 30_000);
      assert.equal(recovered.failed, 0, 'recovered to run again, not failed');
      // The event follows the commit: waiting on the row alone could look before the event is out.
      await rescuer.events.waitFor('job:completed', (e) => e.jobId === id, 5_000);
      const row = await job(id);
      assert.equal(row.status, 'completed');
      assert.equal(row.attempts, 2, 'the lost attempt counts, the rescue is the second');
      assert.deepEqual(row.result, { ok: true });
      assert.equal(completions.filter((c) => c === id).length, 1);
    } finally {
      await rescuer.stop();
    }
  } finally {
    killed.proc.kill('SIGKILL');
  }
});

test('SIGSTOP past the lease, another daemon finishes the job, SIGCONT: the stale completion is rejected and counted', async () => {
  const frozen = spawnDaemon(db.url, { WORKER_LEASE_SECONDS: '2', WORKER_HEARTBEAT_SECONDS: '1', WORKER_ID: 'frozen' });
  try {
    const port = await frozen.port();
    const id = await insertJob({ delay_ms: 1000 });
    await frozen.waitForLine((l) => l.event === 'job_claimed' && l.job_id === id);
    frozen.proc.kill('SIGSTOP');

    const other = await startTestDaemon(db.url, { WORKER_SWEEP_SECONDS: '1', WORKER_LEASE_SECONDS: '2' });
    try {
      await other.events.waitFor('job:completed', (e) => e.jobId === id, 10_000);
    } finally {
      await other.stop();
    }
    const finished = await job(id);
    assert.equal(finished.status, 'completed');

    frozen.proc.kill('SIGCONT');
    const stale = await frozen.waitForLine((l) => l.event === 'job_stale' && l.job_id === id, 10_000);
    assert.ok(['complete', 'abandon'].includes(String(stale.action)));
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const counted = metrics
      .split('\n')
      .filter((l) => l.startsWith('ai_worker_stale_completions_total{'))
      .reduce((n, l) => n + Number(l.split(' ').pop()), 0);
    assert.equal(counted, 1, 'the rejection is counted in the metric');
    const after = await job(id);
    assert.equal(after.status, 'completed');
    assert.equal(after.completed_at.getTime(), finished.completed_at.getTime(), 'the stale daemon wrote nothing');
    assert.equal(after.attempts, 2);
  } finally {
    frozen.proc.kill('SIGCONT');
    frozen.proc.kill('SIGKILL');
    await frozen.exited;
  }
});

test('a job whose attempts are used up when its lease lapses fails with a clear error', async () => {
  const doomed = spawnDaemon(db.url, { WORKER_LEASE_SECONDS: '2', WORKER_HEARTBEAT_SECONDS: '1', WORKER_ID: 'last-try' });
  try {
    await doomed.port();
    const id = await insertJob({ delay_ms: 5000 }, 1);
    await doomed.waitForLine((l) => l.event === 'job_claimed' && l.job_id === id);
    doomed.proc.kill('SIGKILL');
    await doomed.exited;
    const sweeper = await startTestDaemon(db.url, { WORKER_SWEEP_SECONDS: '1', WORKER_LEASE_SECONDS: '2' });
    try {
      await sweeper.events.waitFor('jobs:recovered', (e) => e.jobIds.includes(id), 6_000);
    } finally {
      await sweeper.stop();
    }
    const row = await job(id);
    assert.equal(row.status, 'failed');
    assert.equal(row.error.code, 'lease_expired');
    assert.equal(row.error.message, 'o processamento foi interrompido antes de terminar (tentativa 1 de 1)');
    assert.ok(!row.error.message.includes('last-try'), 'no worker id in what the owner reads');
  } finally {
    doomed.proc.kill('SIGKILL');
  }
});

test("a daemon restarted with the same WORKER_ID takes back its dead predecessor's jobs at once, not after the lease", async () => {
  const first = spawnDaemon(db.url, { WORKER_LEASE_SECONDS: '60', WORKER_HEARTBEAT_SECONDS: '5', WORKER_ID: 'stable-id' });
  try {
    await first.port();
    const id = await insertJob({ delay_ms: 500 });
    await first.waitForLine((l) => l.event === 'job_claimed' && l.job_id === id);
    first.proc.kill('SIGKILL');
    await first.exited;
    const second = await startTestDaemon(db.url, {
      WORKER_LEASE_SECONDS: '60',
      WORKER_HEARTBEAT_SECONDS: '5',
      WORKER_SWEEP_SECONDS: '3600',
      WORKER_ID: 'stable-id',
    });
    try {
      // The lease runs 60 s and the sweep is an hour away: completing within this 30 s bound can
      // only be the restarted daemon taking back its own jobs at start-up.
      await waitUntil(async () => (await job(id)).status === 'completed', { timeoutMs: 30_000, what: 'completion by the restarted daemon' });
    } finally {
      await second.stop();
    }
    const row = await job(id);
    assert.equal(row.attempts, 2);
  } finally {
    first.proc.kill('SIGKILL');
  }
});
