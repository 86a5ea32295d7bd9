import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useFreshDatabase } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';

const db = useFreshDatabase('pickup');

test('a job inserted by plain SQL is claimed within 50 ms through LISTEN, not the sweep (sweep 60 s)', async () => {
  const d = await startTestDaemon(db.url, { WORKER_SWEEP_SECONDS: '60' });
  try {
    // Warm-up: the first claim plans the statement.
    const warm = d.events.waitFor('job:completed');
    await db.pool.query(`insert into analysis_jobs (user_id, type) values ($1, 'healthcheck')`, [randomUUID()]);
    await warm;
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const id = randomUUID();
      const claimed = d.events.waitFor('job:claimed', (e) => e.jobId === id, 2_000);
      const completed = d.events.waitFor('job:completed', (e) => e.jobId === id, 2_000);
      await db.pool.query(`insert into analysis_jobs (id, user_id, type) values ($1, $2, 'healthcheck')`, [id, randomUUID()]);
      latencies.push((await claimed).pickupMs);
      await completed;
    }
    latencies.sort((a, b) => a - b);
    const worst = latencies[latencies.length - 1]!;
    assert.ok(worst < 50, `every pickup under 50 ms (database clock, insert to claim); worst ${worst} ms, all ${latencies.join(',')}`);
    const { rows } = await db.pool.query(`select count(*)::int as n from analysis_jobs where status = 'completed'`);
    assert.equal(rows[0].n, 21);
  } finally {
    await d.stop();
  }
});

test('a job inserted the moment start-up returns is picked up by notification (LISTEN is active before start resolves)', async () => {
  for (let i = 0; i < 20; i++) {
    const d = await startTestDaemon(db.url, { WORKER_SWEEP_SECONDS: '3600' });
    try {
      const id = randomUUID();
      const claimed = d.events.waitFor('job:claimed', (e) => e.jobId === id, 2_000);
      await db.pool.query(`insert into analysis_jobs (id, user_id, type) values ($1, $2, 'healthcheck')`, [id, randomUUID()]);
      await claimed;
    } finally {
      await d.stop();
    }
  }
});
