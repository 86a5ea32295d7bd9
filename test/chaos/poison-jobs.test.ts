import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { useFreshDatabase, waitUntil } from '../support/database.ts';
import { FAST_ENV } from '../support/daemon.ts';
import { assertInvariants, waitAllFinal } from '../support/chaos.ts';

const db = useFreshDatabase('chaos_poison');
// Enough healthy work that the crashes land while most of it is still pending (the poison runs first,
// priority -1). Throughput with and without poison is a benchmark figure, not an assertion here.
const JOBS = 3_000;
const DAEMONS = 3;
const ENV = { WORKER_LEASE_SECONDS: '2', WORKER_HEARTBEAT_SECONDS: '1', WORKER_SWEEP_SECONDS: '1', WORKER_CONCURRENCY: '5', WORKER_RETRY_BASE_MS: '50' };

/** Supervised poison daemons (restarted when they die, as systemd would). */
async function supervise(onCrash: () => void): Promise<{ restarts: () => number; stop: () => Promise<void> }> {
  const ready: Array<Promise<void>> = [];
  let restarts = 0;
  let stopping = false;
  const procs = new Set<ReturnType<typeof spawn>>();
  const launch = (n: number) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'test/support/poison-daemon.ts'], {
      env: { ...process.env, ...FAST_ENV, ...ENV, LOG_LEVEL: 'info', DATABASE_URL: db.url, WORKER_ID: `poison-${n}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    ready.push(
      new Promise<void>((resolve) =>
        createInterface({ input: proc.stdout! }).on('line', (line) => {
          if (line.includes('"http_listening"')) resolve();
        }),
      ),
    );
    proc.stderr!.resume();
    procs.add(proc);
    proc.on('exit', () => {
      procs.delete(proc);
      if (!stopping) {
        restarts++;
        onCrash();
        launch(n);
      }
    });
  };
  for (let n = 1; n <= DAEMONS; n++) launch(n);
  await Promise.all(ready);
  return {
    restarts: () => restarts,
    stop: async () => {
      stopping = true;
      await Promise.all([...procs].map((p) => new Promise((r) => (p.once('exit', r), p.kill('SIGKILL')))));
    },
  };
}

const healthyCompleted = async () =>
  (await db.pool.query(`select count(*)::int as n from analysis_jobs where type = 'healthcheck' and status = 'completed'`)).rows[0].n as number;

test('poison jobs (one always throws, one crashes the process) fail on their own; healthy work keeps completing after each crash, exactly once', async () => {
  await db.pool.query('truncate analysis_jobs cascade');
  // Healthy completions counted at each crash: the ones after it prove the fleet kept working.
  const atCrash: Array<Promise<number>> = [];
  // The daemons start (and log ready) before any poison exists: a crash during start-up would leave
  // the supervisor waiting for a readiness line that never comes.
  const s = await supervise(() => atCrash.push(healthyCompleted()));
  await db.pool.query(
    `insert into analysis_jobs (user_id, type, input) select gen_random_uuid(), 'healthcheck', '{"delay_ms": 30}' from generate_series(1, $1)`,
    [JOBS],
  );
  await db.pool.query(
    `insert into analysis_jobs (user_id, type, input, max_attempts, priority)
     select gen_random_uuid(), 'unified_assistant', '{"mode": "throw"}'::jsonb, 3, -1 from generate_series(1, 20)
     union all select gen_random_uuid(), 'unified_assistant', '{"mode": "crash"}'::jsonb, 2, -1`,
  );
  try {
    await waitUntil(async () => (await healthyCompleted()) === JOBS, { timeoutMs: 120_000, intervalMs: 100, what: 'healthy jobs drained' });
    await waitAllFinal(db.pool, 30_000);
  } finally {
    await s.stop();
  }
  const restarts = s.restarts();
  assert.ok(restarts >= 1 && restarts <= 2, `the crashing job took a daemon down at most max_attempts times (${restarts})`);
  const countsAtCrash = await Promise.all(atCrash);
  assert.ok(countsAtCrash[0]! < JOBS, `the first crash came with healthy work pending (${countsAtCrash[0]} of ${JOBS} done), and all of it completed after`);
  const inv = await assertInvariants(db.pool);
  assert.equal(inv.completed, JOBS);
  const poison = (
    await db.pool.query(
      `select input->>'mode' as mode, status, attempts, error->>'code' as code from analysis_jobs where type = 'unified_assistant' order by mode`,
    )
  ).rows;
  const crash = poison.find((p) => p.mode === 'crash');
  assert.deepEqual(crash, { mode: 'crash', status: 'failed', attempts: 2, code: 'lease_expired' });
  const throwers = poison.filter((p) => p.mode === 'throw');
  assert.equal(throwers.length, 20);
  // Each thrower used exactly its 3 attempts; one whose last attempt shared a daemon with the crash
  // ends lease_expired rather than handler_error (the poison runs first, so that is common).
  assert.deepEqual(
    throwers.filter((p) => p.status !== 'failed' || p.attempts !== 3 || !['handler_error', 'lease_expired'].includes(p.code)),
    [],
  );
  assert.ok(
    throwers.some((p) => p.code === 'handler_error'),
    'the throwing handler itself failed its jobs',
  );
});
