import { planRules } from '../../src/nutrition/plan-rules.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Daemon } from '../../src/start.ts';
import { useFreshDatabase, waitUntil } from '../support/database.ts';
import { startTestDaemon } from '../support/daemon.ts';
import { insertJob, startEmulators, type TestEmulators } from '../support/emulators.ts';
import { assertInvariants, waitAllFinal } from '../support/chaos.ts';

const db = useFreshDatabase('chaos_providers');
let emu: TestEmulators;
let daemon: Daemon;

before(async () => {
  await db.ready;
  emu = await startEmulators();
  daemon = await startTestDaemon(db.url, {
    ...emu.env,
    OLLAMA_TIMEOUT_MS: '1000',
    GEMINI_TIMEOUT_MS: '1000',
    WORKER_CONCURRENCY: '10',
    WORKER_RETRY_BASE_MS: '500',
    WORKER_RETRY_MAX_MS: '4000',
    WORKER_SWEEP_SECONDS: '1',
    // Short against production's 30 s, but long enough that a 30 s outage costs a job a handful of
    // attempts: an open circuit reschedules jobs for its next probe.
    BREAKER_COOLDOWN_MS: '5000',
  });
});
after(async () => {
  await daemon?.stop(0);
  await emu?.close();
});

const ask = (i: number) => ({ messages: [{ role: 'user', content: `Quantas calorias tem uma banana? (${i})` }] });

async function finish(): Promise<void> {
  await waitAllFinal(db.pool, 60_000);
  await assertInvariants(db.pool);
  assert.equal((await fetch(`http://127.0.0.1:${daemon.port}/health`)).status, 200, 'the daemon lives');
}

test('a provider that never answers: calls time out, the chain falls back, jobs complete', async () => {
  await emu.heal();
  await emu.ollama.setKnobs({ failure: 'hang' });
  const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => insertJob(db.pool, 'unified_assistant', ask(i))));
  await finish();
  const { rows } = await db.pool.query(`select status, provider from analysis_jobs where id = any($1)`, [ids]);
  assert.ok(
    rows.every((r) => r.status === 'completed' && r.provider === 'gemini'),
    JSON.stringify(rows),
  );
});

test('a 429 storm from Gemini with Ollama down: jobs wait at least the retry delay, then complete when it clears', async () => {
  await emu.heal();
  await emu.ollama.setKnobs({ down: true });
  await emu.gemini.setKnobs({ failure: '429', retryAfterSec: 2 });
  const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => insertJob(db.pool, 'unified_assistant', ask(100 + i), { maxAttempts: 10 })));
  // The storm lasts until every job has been refused at least once.
  const { waitUntil } = await import('../support/database.ts');
  await waitUntil(
    async () =>
      (await db.pool.query(`select count(*)::int as n from analysis_jobs where id = any($1) and attempts >= 1 and status = 'pending'`, [ids])).rows[0].n === 10,
    {
      timeoutMs: 20_000,
      what: 'every job refused by the storm and rescheduled',
    },
  );
  const { rows: waiting } = await db.pool.query(`select extract(epoch from run_at - updated_at) as wait from analysis_jobs where id = any($1)`, [ids]);
  // No hammering: each retry waits for the earliest moment a provider may answer — Gemini's 2 s
  // hint, or the next probe of Ollama's open circuit, whichever is sooner.
  assert.ok(
    waiting.every((r) => Number(r.wait) >= 1),
    `each retry waits for a provider to be due: ${waiting.map((r) => Number(r.wait).toFixed(2))}`,
  );
  await emu.gemini.setKnobs({ failure: 'none' });
  await finish();
  const { rows } = await db.pool.query(`select count(*)::int as n from analysis_jobs where id = any($1) and status = 'completed'`, [ids]);
  assert.equal(rows[0].n, 10);
});

test('every text model answers 503 through repeated retries: jobs retry through it and complete after', async () => {
  await emu.heal();
  await emu.ollama.setKnobs({ failure: '503' });
  await emu.gemini.setKnobs({ failure: '503' });
  const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => insertJob(db.pool, 'unified_assistant', ask(200 + i), { maxAttempts: 25 })));
  const plan = await insertJob(db.pool, 'meal_plan', { kcal_target: 2100, meals_per_day: 4, days: 1 });
  // The outage lasts until every text job has been retried through it (3 attempts each, out of 25),
  // not for a fixed 30 s: the property is "retried through it, none lost", whatever the clock.
  await waitUntil(
    async () => (await db.pool.query(`select count(*)::int as n from analysis_jobs where id = any($1) and attempts >= 3`, [ids])).rows[0].n === ids.length,
    { timeoutMs: 120_000, intervalMs: 100, what: 'every text job retried through the outage' },
  );
  const { rows: during } = await db.pool.query(`select count(*)::int as n from analysis_jobs where id = any($1) and status = 'failed'`, [ids]);
  assert.equal(during[0].n, 0, 'no job failed for good during the outage');
  await emu.heal();
  await finish();
  const { rows } = await db.pool.query(`select count(*)::int as n from analysis_jobs where id = any($1) and status = 'completed'`, [ids]);
  assert.equal(rows[0].n, 10);
  const p = (await db.pool.query(`select status, result from analysis_jobs where id = $1`, [plan])).rows[0];
  assert.equal(p.status, 'completed', 'the meal plan never needed a model');
  // The plan's own rules only: no model tip was invented while the models were down.
  assert.deepEqual(p.result.tips, planRules({ restrictions: [], days: 1 }), 'no tips were invented while the models were down');
});

test('a provider returning garbage JSON is treated as a failure and the chain falls back', async () => {
  await emu.heal();
  await emu.ollama.setKnobs({ failure: 'garbage' });
  const ids = await Promise.all(Array.from({ length: 5 }, (_, i) => insertJob(db.pool, 'unified_assistant', ask(300 + i))));
  await finish();
  const { rows } = await db.pool.query(`select status, provider from analysis_jobs where id = any($1)`, [ids]);
  assert.ok(
    rows.every((r) => r.status === 'completed' && r.provider === 'gemini'),
    JSON.stringify(rows),
  );
});
