import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useFreshDatabase } from '../support/database.ts';
import { spawnDaemon, type ChildDaemon } from '../support/daemon.ts';
import { assertInvariants, prng, waitAllFinal } from '../support/chaos.ts';

const db = useFreshDatabase('chaos_kill');

test('SIGKILL a daemon at 20 seeded moments while it holds jobs, restarting it each time: no job lost, none completed twice', async (t) => {
  const seed = Number(process.env.CHAOS_SEED ?? 20261128);
  const random = prng(seed);
  t.diagnostic(`seed ${seed}`);
  const env = { WORKER_LEASE_SECONDS: '2', WORKER_HEARTBEAT_SECONDS: '1', WORKER_SWEEP_SECONDS: '1', WORKER_CONCURRENCY: '8' };
  // A steady companion daemon, plus the one that gets killed: both share the queue.
  const steady = spawnDaemon(db.url, { ...env, WORKER_ID: 'steady' });
  let victim: ChildDaemon = spawnDaemon(db.url, { ...env, WORKER_ID: 'victim-0' });
  t.after(() => {
    steady.proc.kill('SIGKILL');
    victim.proc.kill('SIGKILL');
  });
  await Promise.all([steady.port(), victim.port()]);

  let accepted = 0;
  // Before each kill, a batch of short jobs (a few hundred ms each, lengths from the seed) for both
  // daemons, so the kill lands while the victim has work in hand.
  const batch = async () => {
    const delays = Array.from({ length: 25 }, () => 50 + Math.floor(random() * 400));
    await db.pool.query(
      `insert into analysis_jobs (user_id, type, input, max_attempts)
       select gen_random_uuid(), 'healthcheck', jsonb_build_object('delay_ms', d), 10 from unnest($1::int[]) d`,
      [delays],
    );
    accepted += delays.length;
  };

  for (let kill = 1; kill <= 20; kill++) {
    // Let the victim get to work: wait until it has claimed something, then a random extra moment
    // (the kill's moment is what the test varies, from the seed; nothing waits on it).
    const claimedBefore = victim.lines.filter((l) => l.event === 'job_claimed').length;
    await batch();
    await victim.waitForLine((l) => l.event === 'job_claimed' && victim.lines.filter((x) => x.event === 'job_claimed').length > claimedBefore, 20_000);
    await new Promise((r) => setTimeout(r, Math.floor(random() * 400)));
    victim.proc.kill('SIGKILL');
    await victim.exited;
    victim = spawnDaemon(db.url, { ...env, WORKER_ID: `victim-${kill}` });
    await victim.port();
  }
  await waitAllFinal(db.pool, 60_000);
  const inv = await assertInvariants(db.pool, accepted);
  t.diagnostic(`accepted ${inv.accepted}, completed ${inv.completed}, failed ${inv.failed}`);
  assert.equal(inv.completed, inv.accepted, 'with 10 attempts each, every job completed');
  const recovered = (await db.pool.query(`select count(*)::int as n from analysis_jobs where attempts > 1`)).rows[0].n;
  assert.ok(recovered > 0, 'some jobs were caught mid-run by a kill and recovered');
});
