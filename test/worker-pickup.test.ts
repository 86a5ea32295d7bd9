import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useFreshDatabase } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';

const db = useFreshDatabase('pickup');

// The mechanism, not a latency: with the sweep an hour away, a claim can only come from the
// notification. The pickup latency itself (p50/p95/max) is a figure of `npm run bench:queue`.
test('jobs inserted by plain SQL are claimed through LISTEN/NOTIFY, in insert order, without a sweep (sweep 1 h)', async () => {
  const d = await startTestDaemon(db.url, { WORKER_SWEEP_SECONDS: '3600' });
  try {
    const warm = d.events.waitFor('job:completed');
    await db.pool.query(`insert into analysis_jobs (user_id, type) values ($1, 'healthcheck')`, [randomUUID()]);
    await warm;
    const sweeps: unknown[] = [];
    const offSweep = d.events.on('sweep:done', (e) => sweeps.push(e));
    const claimedOrder: string[] = [];
    const offClaim = d.events.on('job:claimed', (e) => claimedOrder.push(e.jobId));
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const id = randomUUID();
      ids.push(id);
      const completed = d.events.waitFor('job:completed', (e) => e.jobId === id, 10_000);
      await db.pool.query(`insert into analysis_jobs (id, user_id, type) values ($1, $2, 'healthcheck')`, [id, randomUUID()]);
      await completed;
    }
    offSweep();
    offClaim();
    assert.deepEqual(claimedOrder, ids, 'each job claimed once, in insert order');
    assert.equal(sweeps.length, 0, 'no sweep ran: every claim came from a notification');
    const { rows } = await db.pool.query(`select count(*)::int as n, max(attempts)::int as attempts from analysis_jobs where status = 'completed'`);
    assert.deepEqual(rows[0], { n: 21, attempts: 1 });
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
