// Provider fallbacks through the daemon, as the job rows record them: Ollama down → Gemini writes;
// YOLO down → Gemini vision detects; everything down → the job goes back to the queue with a future
// run_at (not failed at once) and fails with a clear error once its attempts are used up.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { useFreshDatabase, waitUntil } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';
import { insertJob, runJob, startEmulators, testPng, type TestEmulators } from './support/emulators.ts';

const db = useFreshDatabase('provider_fallback');
let emu: TestEmulators;

before(async () => {
  emu = await startEmulators();
});
after(async () => {
  await emu.close();
});

const calls = (row: Record<string, any>) =>
  (row.provider_calls as Array<{ provider: string; model: string; ok: boolean }>).map((c) => `${c.provider}/${c.model}:${c.ok}`);

test('Ollama down: Gemini answers the assistant, and the job row says so', async () => {
  await emu.ollama.setKnobs({ down: true });
  // The urgency second opinion off: its requests would interleave with the answer's in provider_calls.
  const d = await startTestDaemon(db.url, { ...emu.env, ASSISTANT_TRIAGE_TIMEOUT_MS: '0' });
  try {
    const { how, row } = await runJob(d, db.pool, 'unified_assistant', { messages: [{ role: 'user', content: 'Como melhorar meu sono?' }] });
    assert.equal(how, 'completed', JSON.stringify(row.error));
    assert.equal(row.provider, 'gemini');
    assert.equal(row.model, 'gemini-2.5-flash');
    assert.deepEqual(calls(row), ['ollama/llama3.1:8b:false', 'gemini/gemini-2.5-flash:true']);
    assert.ok(row.input_tokens > 0 && row.output_tokens > 0, 'Gemini usage metadata is summed on the row');
  } finally {
    await d.stop();
    await emu.heal();
  }
});

test('YOLO down: Gemini vision detects the foods; the TACO arithmetic follows the same way', async () => {
  await emu.yolo.setKnobs({ down: true });
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const { how, row } = await runJob(d, db.pool, 'sofia_image', { image_base64: testPng(640, 480, 99).toString('base64') });
    assert.equal(how, 'completed', JSON.stringify(row.error));
    assert.equal(row.provider, 'gemini');
    assert.deepEqual(calls(row).slice(0, 2), ['yolo/yolo:false', 'gemini/gemini-2.5-flash:true']);
    const r = row.result;
    assert.ok(r.foods.length + (r.unmapped?.length ?? 0) >= 1, 'the vision model named at least one food');
    for (const f of r.foods) assert.ok(f.grams >= 5 && (f.kcal === null || f.kcal >= 0));
    const sum = r.foods.reduce((s: number, f: { kcal: number | null }) => s + (f.kcal ?? 0), 0);
    assert.ok(Math.abs(r.totals.kcal - sum) <= r.foods.length, 'totals are the sum of the foods (rounded once)');
  } finally {
    await d.stop();
    await emu.heal();
  }
});

test('everything down: retried later (pending, run_at in the future), then failed with a clear error', async () => {
  await Promise.all([emu.yolo.setKnobs({ down: true }), emu.ollama.setKnobs({ down: true }), emu.gemini.setKnobs({ down: true })]);
  // A long backoff so the retry is visibly scheduled in the future (full jitter: P(< 1 s) = 1/600).
  const slow = { ...emu.env, WORKER_RETRY_BASE_MS: '600000', WORKER_RETRY_MAX_MS: '600000' };
  let d = await startTestDaemon(db.url, slow);
  let id: string;
  try {
    const retried = new Promise<{ delayMs: number }>((resolve) => {
      const off = d.events.on('job:retried', (e) => {
        if (e.jobId !== id) return;
        off();
        resolve(e);
      });
    });
    id = await insertJob(db.pool, 'sofia_image', { image_base64: testPng(640, 480, 5).toString('base64') }, { maxAttempts: 2 });
    const ev = await retried;
    const { rows } = await db.pool.query(`select status, attempts, run_at > now() as future, error from analysis_jobs where id = $1`, [id]);
    assert.equal(rows[0].status, 'pending');
    assert.equal(rows[0].attempts, 1);
    assert.equal(rows[0].future, true, `retry scheduled ${ev.delayMs} ms ahead`);
    assert.equal(rows[0].error.code, 'no_detector');
  } finally {
    await d.stop();
  }
  // Time passes (the row is made due), a daemon picks it up again; the last attempt fails for good.
  await db.pool.query('update analysis_jobs set run_at = now() where id = $1', [id!]);
  d = await startTestDaemon(db.url, slow);
  try {
    // The catch-up claim at start may already have run it (before an event listener could be added),
    // so the row is watched instead; a no-op insert's NOTIFY wakes the daemon in case it had not.
    await insertJob(db.pool, 'healthcheck', {});
    const rows = [
      await waitUntil(
        async () => {
          const r = (await db.pool.query('select status, attempts, error, provider_calls from analysis_jobs where id = $1', [id!])).rows[0];
          return r.status === 'failed' ? r : undefined;
        },
        { what: 'the last attempt to fail' },
      ),
    ];
    assert.equal(rows[0].status, 'failed');
    assert.equal(rows[0].attempts, 2);
    assert.equal(rows[0].error.code, 'no_detector');
    // The owner's row says only what happened; which providers failed, and how, is for operators.
    assert.equal(rows[0].error.message, 'os serviços de análise estão indisponíveis no momento; tente novamente em alguns minutos');
    // The failed row still shows which providers were tried on its last attempt.
    assert.deepEqual(calls(rows[0]), ['yolo/yolo:false', 'gemini/gemini-2.5-flash:false']);
  } finally {
    await d.stop();
    await emu.heal();
  }
});
