// The result cache through the daemon: a repeated request is served with zero provider calls, the
// lookups show in /metrics, images are keyed by content, TTL 0 turns caching off, and the CLI warms
// and purges.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { useFreshDatabase } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';
import { runJob, serveFiles, startEmulators, testPng, type TestEmulators } from './support/emulators.ts';

const db = useFreshDatabase('cache_analyses');
let emu: TestEmulators;

before(async () => {
  emu = await startEmulators();
});
after(async () => {
  await emu.close();
});

function metric(text: string, type: string, result: 'hit' | 'miss'): number {
  const m =
    new RegExp(`^ai_worker_cache_lookups_total\\{[^}]*type="${type}"[^}]*result="${result}"[^}]*\\} (\\d+)`, 'm').exec(text) ??
    new RegExp(`^ai_worker_cache_lookups_total\\{[^}]*result="${result}"[^}]*type="${type}"[^}]*\\} (\\d+)`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

test('a repeated meal plan is served from the cache: zero provider calls, hit and miss in /metrics', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const input = { kcal_target: 2100, meals_per_day: 4, days: 1 };
    const first = await runJob(d, db.pool, 'meal_plan', input);
    assert.equal(first.how, 'completed');
    assert.ok(first.row.provider_calls.length > 0);
    const counts = emu.inferenceCounts();

    // Key order does not matter: the key is over the canonical input.
    const second = await runJob(d, db.pool, 'meal_plan', { days: 1, meals_per_day: 4, kcal_target: 2100 });
    assert.equal(second.how, 'completed');
    assert.deepEqual(second.row.result, first.row.result);
    assert.deepEqual(second.row.provider_calls, []);
    assert.equal(second.row.provider, null);
    assert.equal(second.row.cache_key, first.row.cache_key);
    assert.deepEqual(emu.inferenceCounts(), counts, 'no emulator saw a request');

    const { rows } = await db.pool.query('select hits from analysis_cache where cache_key = $1', [first.row.cache_key]);
    assert.equal(rows[0].hits, 1);
    const text = await (await fetch(`http://127.0.0.1:${d.port}/metrics`)).text();
    assert.equal(metric(text, 'meal_plan', 'miss'), 1);
    assert.equal(metric(text, 'meal_plan', 'hit'), 1);
  } finally {
    await d.stop();
  }
});

test('a photo is keyed by its bytes: the same photo at another URL is a hit, no detector call', async () => {
  const png = testPng(640, 480, 31);
  const files = await serveFiles({ '/a.png': { body: png, type: 'image/png' }, '/b.png': { body: png, type: 'image/png' } });
  const d = await startTestDaemon(db.url, emu.env);
  // Photos are personal: entries are per user (test/cache-privacy.test.ts), so one user sends both.
  const userId = randomUUID();
  try {
    const first = await runJob(d, db.pool, 'sofia_image', { image_url: `${files.url}/a.png` }, { userId });
    assert.equal(first.how, 'completed', JSON.stringify(first.row.error));
    const counts = emu.inferenceCounts();
    const second = await runJob(d, db.pool, 'sofia_image', { image_url: `${files.url}/b.png` }, { userId });
    assert.equal(second.how, 'completed');
    assert.deepEqual(second.row.result, first.row.result);
    assert.deepEqual(second.row.provider_calls, []);
    assert.deepEqual(emu.inferenceCounts(), counts);
    assert.equal(files.hits, 2, 'a URL is downloaded to learn its key; nothing else is asked');

    // Same photo as base64, twice: the second is a hit too.
    const b64 = { image_base64: png.toString('base64') };
    await runJob(d, db.pool, 'sofia_image', b64, { userId });
    const again = await runJob(d, db.pool, 'sofia_image', b64, { userId });
    assert.deepEqual(again.row.provider_calls, []);
  } finally {
    await d.stop();
    await files.close();
  }
});

test('TTL 0 turns caching off for a type: no lookup, no row, the models run every time', async () => {
  const d = await startTestDaemon(db.url, { ...emu.env, CACHE_TTL_MEAL_PLAN_SECONDS: '0' });
  try {
    const lookups: string[] = [];
    d.events.on('cache:lookup', (e) => lookups.push(e.type));
    const input = { kcal_target: 2300, meals_per_day: 5, days: 1 };
    const a = await runJob(d, db.pool, 'meal_plan', input);
    const b = await runJob(d, db.pool, 'meal_plan', input);
    assert.ok(a.row.provider_calls.length > 0 && b.row.provider_calls.length > 0);
    assert.deepEqual(lookups, []);
    const { rows } = await db.pool.query(`select count(*)::int as n from analysis_cache where cache_key = $1`, [a.row.cache_key]);
    assert.equal(rows[0].n, 0);
  } finally {
    await d.stop();
  }
});

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c) => (stdout += c));
    proc.stderr.on('data', (c) => (stderr += c));
    proc.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

test('cli: cache warm stores the shipped meal plans, a daemon then serves them as hits; cache purge counts', async () => {
  const env = { ...emu.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' };
  await db.pool.query('delete from analysis_cache');
  const warm = await cli(['cache', 'warm', 'data/cache-warm/meal-plans.json'], env);
  assert.equal(warm.code, 0, warm.stderr);
  assert.match(warm.stdout, /warm: 10 stored, 0 stored without tips, 0 already cached, 0 failed/);
  const { rows } = await db.pool.query(`select count(*)::int as n from analysis_cache where type = 'meal_plan'`);
  assert.equal(rows[0].n, 10);

  const again = await cli(['cache', 'warm', 'data/cache-warm/meal-plans.json'], env);
  assert.match(again.stdout, /0 stored, 0 stored without tips, 10 already cached/);

  const d = await startTestDaemon(db.url, emu.env);
  try {
    const hit = await runJob(d, db.pool, 'meal_plan', { kcal_target: 2000, meals_per_day: 5, days: 1, restrictions: ['vegetarian'] });
    assert.deepEqual(hit.row.provider_calls, []);
    assert.ok(hit.row.result.tips.length > 0);
  } finally {
    await d.stop();
  }

  await db.pool.query(`insert into analysis_cache (cache_key, type, result) values ('x:1', 'sofia_image', '{}')`);
  const bad = await cli(['cache', 'purge', '--type', 'pizza'], env);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /unknown job type "pizza"/);
  const purge = await cli(['cache', 'purge', '--type', 'meal_plan'], env);
  assert.equal(purge.code, 0, purge.stderr);
  assert.equal(purge.stdout.trim(), 'deleted 10 cache entries of type meal_plan');
  const all = await cli(['cache', 'purge'], env);
  assert.equal(all.stdout.trim(), 'deleted 1 cache entry');
});
