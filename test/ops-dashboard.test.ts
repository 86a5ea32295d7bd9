// The operators' dashboard in Debian's Chromium (playwright-core): sign in with OPS_TOKEN, then every
// number on the page equals what the database holds; the page refreshes by itself. With
// UPDATE_SCREENSHOTS=1 it rewrites the screenshot shown in docs/operations.md (docs/img/dashboard.png);
// otherwise the screenshot goes to a temporary file, so a test run leaves the work tree clean.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/browser.ts';
import type { Daemon } from '../src/start.ts';
import { startTestDaemon } from './support/daemon.ts';
import { useFreshDatabase, waitUntil } from './support/database.ts';

const db = useFreshDatabase('ops_dashboard');
const TOKEN = 'dashboard-test-token-0123456789';
const SCREENSHOT = 'docs/img/dashboard.png';
let daemon: Daemon;
let context: BrowserContext;
let profile: string;

/** Turnaround seconds of the seeded finished jobs per type, to compute the expected percentiles independently. */
const SEEDED: Record<string, { completed: number[]; failed: Array<{ code: string; seconds: number }> }> = {
  sofia_image: {
    completed: Array.from({ length: 40 }, (_, i) => 2 + (i % 10) * 1.5),
    failed: [
      { code: 'provider_unavailable', seconds: 31 },
      { code: 'provider_unavailable', seconds: 33 },
      { code: 'image_unreadable', seconds: 4 },
    ],
  },
  medical_exam: { completed: Array.from({ length: 12 }, (_, i) => 8 + i * 3), failed: [{ code: 'invalid_input', seconds: 0.5 }] },
  meal_plan: { completed: [0.4, 0.6, 0.5, 0.9, 1.2], failed: [] },
};

/** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
function percentileCont(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

async function seed(): Promise<void> {
  const user = '00000000-0000-4000-8000-000000000001';
  for (const [type, { completed, failed }] of Object.entries(SEEDED)) {
    for (const [i, seconds] of completed.entries()) {
      await db.pool.query(
        `insert into analysis_jobs (user_id, type, status, attempts, created_at, run_at, started_at, completed_at, result)
         values ($1, $2, 'completed', 1, now() - make_interval(mins => $3) , now() - make_interval(mins => $3), now() - make_interval(mins => $3),
                 now() - make_interval(mins => $3) + make_interval(secs => $4), '{}')`,
        [user, type, 30 + i, seconds],
      );
    }
    for (const [i, f] of failed.entries()) {
      const calls =
        f.code === 'provider_unavailable'
          ? JSON.stringify([
              { provider: 'gemini', model: 'gemini-2.5-flash', ok: false, ms: 30000, input_tokens: null, output_tokens: null, error_code: 'timeout' },
            ])
          : null;
      await db.pool.query(
        `insert into analysis_jobs (user_id, type, status, attempts, created_at, run_at, completed_at, error, provider_calls)
         values ($1, $2, 'failed', 3, now() - make_interval(mins => $3), now() - make_interval(mins => $3), now() - make_interval(mins => $3) + make_interval(secs => $4),
                 jsonb_build_object('code', $5::text, 'message', 'falhou'), $6::jsonb)`,
        [user, type, 5 + i, f.seconds, f.code, calls],
      );
    }
  }
  // Waiting work: two due pending jobs (the oldest 95 s old), one cancelled, one running elsewhere.
  await db.pool.query(
    `insert into analysis_jobs (user_id, type, created_at, run_at) values ($1, 'sofia_image', now() - interval '95 seconds', now() - interval '95 seconds'), ($1, 'unified_assistant', now() - interval '10 seconds', now() - interval '10 seconds')`,
    [user],
  );
  await db.pool.query(
    `insert into analysis_jobs (user_id, type, status, completed_at, error) values ($1, 'meal_plan', 'cancelled', now(), '{"code":"cancelled","message":"cancelado"}')`,
    [user],
  );
  await db.pool.query(
    `insert into analysis_jobs (user_id, type, status, attempts, started_at, locked_by, lease_token, locked_until) values ($1, 'medical_exam', 'processing', 1, now(), 'vps-2', gen_random_uuid(), now() + interval '30 seconds')`,
    [user],
  );
  // A job from three days ago lies outside the 24 h window.
  await db.pool.query(
    `insert into analysis_jobs (user_id, type, status, created_at, completed_at) values ($1, 'sofia_image', 'failed', now() - interval '3 days', now() - interval '3 days')`,
    [user],
  );
  await db.pool.query(
    `insert into ai_workers (id, host, pid, version, concurrency, running, status, last_seen_at) values ('vps-2', 'vps-2', 4242, '0.1.0', 50, 1, 'running', now() - interval '4 seconds')`,
  );
}

before(async () => {
  await db.ready;
  daemon = await startTestDaemon(db.url, { OPS_TOKEN: TOKEN });
  // The page reads the database; this daemon's worker must not run the seeded pending jobs.
  await daemon.worker.stop(0);
  await seed();
  // This daemon's cache lookups since start: 3 hits, 1 miss.
  for (const hit of [true, true, false, true]) daemon.events.emit('cache:lookup', { type: 'sofia_image', hit });
  profile = mkdtempSync(join(tmpdir(), 'aiw-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 1100 },
  });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await daemon?.stop(0);
});

const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent())?.trim();

test('sign in with the token, then the page shows exactly what the database holds, and refreshes by itself', async () => {
  const oldestAge = async () =>
    (
      await db.pool.query<{ age: number }>(
        `select extract(epoch from now() - min(run_at))::float8 as age from analysis_jobs where status = 'pending' and run_at <= now()`,
      )
    ).rows[0]!.age;
  const ageBefore = await oldestAge();
  const page = await context.newPage();
  const base = `http://127.0.0.1:${daemon.port}`;
  const first = await page.goto(`${base}/dashboard`);
  assert.equal(first?.status(), 401);
  await page.fill('#token', 'wrong-token-wrong-token');
  await page.click('button[type=submit]');
  assert.match((await text(page, '#login-error')) ?? '', /does not match/);
  await page.fill('#token', TOKEN);
  await Promise.all([page.waitForURL(`${base}/dashboard`), page.click('button[type=submit]')]);
  await page.waitForSelector('body[data-loaded]', { timeout: 10_000 });

  // Live queue figures, from the database.
  const live = (
    await db.pool.query<{ pending: number; processing: number }>(
      `select count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'processing')::int as processing from analysis_jobs`,
    )
  ).rows[0]!;
  assert.equal(await text(page, '#q-pending'), String(live.pending));
  assert.equal(live.pending, 2);
  assert.equal(await text(page, '#q-processing'), String(live.processing));
  // The page's figure was computed between these two readings of the database clock.
  const shownAge = Number(await page.locator('#q-oldest').getAttribute('data-seconds'));
  const ageAfter = await oldestAge();
  assert.ok(ageBefore <= shownAge && shownAge <= ageAfter, `oldest pending: ${ageBefore} <= ${shownAge} <= ${ageAfter}`);
  assert.match((await text(page, '#q-oldest')) ?? '', /^\d+\.\d (s|min)$/);

  // Jobs by type and status in the window: every cell equals the table's count.
  const counts = (
    await db.pool.query<{ type: string; status: string; count: number }>(
      `select type, status, count(*)::int as count from analysis_jobs where created_at > now() - interval '24 hours' group by 1, 2`,
    )
  ).rows;
  let cells = 0;
  for (const type of ['sofia_image', 'medical_exam', 'unified_assistant', 'meal_plan']) {
    for (const status of ['pending', 'processing', 'completed', 'failed', 'cancelled']) {
      const expected = counts.find((c) => c.type === type && c.status === status)?.count ?? 0;
      assert.equal(await text(page, `#jobs td[data-type="${type}"][data-status="${status}"]`), String(expected), `${type}/${status}`);
      cells++;
    }
  }
  assert.equal(cells, 20);
  assert.equal(await text(page, '#t-failed'), String(counts.filter((c) => c.status === 'failed').reduce((n, c) => n + c.count, 0)));
  assert.equal(await text(page, '#t-failed'), '4', 'the 3-day-old failure is outside the window');

  // Turnaround p50/p95 by type: the seeded durations, percentile_cont computed here.
  for (const [type, { completed, failed }] of Object.entries(SEEDED)) {
    // The cancelled meal plan (created and cancelled in one statement) counts with 0 s: turnaround ends at any final state.
    const all = [...completed, ...failed.map((f) => f.seconds), ...(type === 'meal_plan' ? [0] : [])];
    for (const p of [50, 95]) {
      const shown = Number(await page.locator(`#turnaround td[data-type="${type}"][data-p="${p}"]`).getAttribute('data-seconds'));
      assert.ok(Math.abs(shown - percentileCont(all, p / 100)) < 1e-6, `${type} p${p}: page ${shown}, expected ${percentileCont(all, p / 100)}`);
    }
  }

  // Error rate and top codes.
  const finished = Object.values(SEEDED).reduce((n, s) => n + s.completed.length + s.failed.length, 0);
  assert.equal(await text(page, '#error-rate'), `${((100 * 4) / finished).toFixed(1)} %`);
  assert.equal(await text(page, '#top-errors td[data-code="provider_unavailable"]'), '2');
  assert.equal(await text(page, '#top-errors td[data-code="image_unreadable"]'), '1');
  assert.equal(await text(page, '#top-errors td[data-code="invalid_input"]'), '1');
  assert.equal(await text(page, '#cache-hit-rate'), '75.0 %');

  // Workers with their heartbeat; breakers; provider failures.
  const workers = await page.locator('#workers').textContent();
  assert.match(workers ?? '', /vps-2/);
  assert.match(workers ?? '', new RegExp(daemon.worker.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await text(page, '#breakers td[data-provider="gemini"]'), 'closed');
  assert.match((await page.locator('#provider-failures').textContent()) ?? '', /gemini.*gemini-2\.5-flash.*timeout.*2/);

  const shot = await page.screenshot({ path: process.env.UPDATE_SCREENSHOTS === '1' ? SCREENSHOT : join(profile, 'dashboard.png'), fullPage: true });
  assert.ok(shot.length > 10_000, 'a real picture');

  // Live refresh: a new failure appears without a reload. (Waiting for "the next refresh" would race
  // with one already in flight when the row was inserted; wait for the figure itself, bounded.)
  // A mark on the window survives only if the page is not reloaded.
  await page.evaluate(() => Object.assign(globalThis, { aiwMark: 'same page' }));
  await db.pool.query(
    `insert into analysis_jobs (user_id, type, status, attempts, completed_at, error) values (gen_random_uuid(), 'meal_plan', 'failed', 1, now(), '{"code":"no_feasible_plan","message":"sem plano"}')`,
  );
  await waitUntil(async () => (await text(page, '#t-failed')) === '5', { timeoutMs: 15_000, intervalMs: 200, what: 'the page to show the new failure' });
  assert.equal(await text(page, '#top-errors td[data-code="no_feasible_plan"]'), '1');
  assert.equal(await page.evaluate(() => (globalThis as unknown as { aiwMark?: string }).aiwMark), 'same page', 'no reload: the script refreshed the figures');
  await page.close();
});
