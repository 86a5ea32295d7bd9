// Rollout flags: value forms, deterministic bucketing (uniform, stable, monotonic as the percentage
// rises), the feature_flags table overriding the environment within the cache TTL, and the table's
// own guard rails (CHECK, RLS).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { seededUuids } from './support/random.ts';
import {
  FlagStore,
  flagBucket,
  isAsyncFor,
  MAX_FLAG_CACHE_TTL_MS,
  parseFlagValue,
  readGatewayConfig,
  envFromRecord,
  createGateway,
  type FlagValue,
  type RunInline,
} from '../src/gateway/index.ts';
import { useFreshDatabase, waitUntil } from './support/database.ts';
import { gatewayTestEnv, userToken } from './support/jwt.ts';
import { asRole } from './support/roles.ts';

const db = useFreshDatabase('feature_flags');
// Seeded: the same 10,000 users every run, so the shares below are fixed numbers, not a draw that
// misses ±1.5 points about once in 300 runs.
const USERS = seededUuids(10_000, 18);
const pct = (percent: number): FlagValue => ({ kind: 'percent', percent });

before(async () => {
  await db.ready;
});

test('flag values: false, true and percentages; anything else is refused', () => {
  assert.deepEqual(parseFlagValue('false'), { kind: 'off' });
  assert.deepEqual(parseFlagValue(' TRUE '), { kind: 'on' });
  assert.deepEqual(parseFlagValue('10%'), pct(10));
  assert.deepEqual(parseFlagValue('12.5%'), pct(12.5));
  assert.deepEqual(parseFlagValue('100%'), pct(100));
  assert.deepEqual(parseFlagValue('0%'), pct(0));
  for (const bad of ['yes', '1', '101%', '100.5%', '-1%', '10', '%', '1.234%', 'true%', '']) assert.equal(parseFlagValue(bad), undefined, bad);
  assert.throws(() => readGatewayConfig(envFromRecord(gatewayTestEnv('postgres://x@h/db', { SOFIA_USE_ASYNC: 'maybe' }))), /SOFIA_USE_ASYNC/);
  const cfg = readGatewayConfig(envFromRecord(gatewayTestEnv('postgres://x@h/db')));
  for (const v of Object.values(cfg.flags)) assert.deepEqual(v, { kind: 'off' }, 'every flag is OFF by default');
});

test('for 10,000 seeded users, 0/10/50/100% land within ±1.5 points', async () => {
  for (const percent of [0, 10, 50, 100]) {
    let n = 0;
    for (const u of USERS) if (await isAsyncFor('SOFIA_USE_ASYNC', pct(percent), u)) n++;
    const share = (n / USERS.length) * 100;
    assert.ok(Math.abs(share - percent) <= 1.5, `${percent}% → ${share.toFixed(2)}%`);
  }
});

test("a user's side never flips while the percentage holds, and rising only moves sync → async", async () => {
  const steps = [0, 1, 5, 10, 25, 50, 75, 99, 100];
  const sample = USERS.slice(0, 2_000);
  let previous = new Map<string, boolean>();
  for (const percent of steps) {
    const now = new Map<string, boolean>();
    for (const u of sample) {
      const a = await isAsyncFor('EXAMS_USE_ASYNC', pct(percent), u);
      assert.equal(await isAsyncFor('EXAMS_USE_ASYNC', pct(percent), u), a, 'stable');
      if (previous.get(u) === true) assert.equal(a, true, `user moved back to sync at ${percent}%`);
      now.set(u, a);
    }
    previous = now;
  }
  // The same property over arbitrary users and percentage pairs.
  await fc.assert(
    fc.asyncProperty(fc.uuid(), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), async (u, a, b) => {
      const [lo, hi] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
      if (await isAsyncFor('MEAL_PLAN_USE_ASYNC', pct(lo), u)) assert.equal(await isAsyncFor('MEAL_PLAN_USE_ASYNC', pct(hi), u), true);
    }),
    { numRuns: 300, seed: 18 },
  );
  // Flags bucket independently: being in SOFIA's 10% says nothing about EXAMS' 10%.
  const both = (
    await Promise.all(USERS.slice(0, 4000).map(async (u) => (await flagBucket('SOFIA_USE_ASYNC', u)) < 1000 && (await flagBucket('EXAMS_USE_ASYNC', u)) < 1000))
  ).filter(Boolean).length;
  assert.ok(both > 10 && both < 80, `overlap ${both} of 4000 (expected about 40)`);
});

test('the default flag cache TTL is at most 30 s', () => {
  assert.ok(MAX_FLAG_CACHE_TTL_MS <= 30_000);
  assert.ok(readGatewayConfig(envFromRecord(gatewayTestEnv(db.url))).flagCacheTtlMs <= 30_000);
  assert.throws(() => readGatewayConfig(envFromRecord(gatewayTestEnv(db.url, { GATEWAY_FLAG_CACHE_TTL_MS: '60000' }))), /GATEWAY_FLAG_CACHE_TTL_MS/);
});

test('a feature_flags row overrides the environment, and an UPDATE takes effect within the TTL', async () => {
  let clock = 0;
  const store = new FlagStore({
    envFlags: { ...readGatewayConfig(envFromRecord(gatewayTestEnv(db.url))).flags },
    db: async () => db.pool,
    ttlMs: 200,
    now: () => clock,
  });
  assert.deepEqual(await store.value('UNIFIED_USE_ASYNC'), { kind: 'off' }, 'env default');
  await db.pool.query(`insert into feature_flags (name, value) values ('UNIFIED_USE_ASYNC', 'true')`);
  assert.deepEqual(await store.value('UNIFIED_USE_ASYNC'), { kind: 'off' }, 'cached until the TTL passes');
  clock += 200;
  assert.deepEqual(await store.value('UNIFIED_USE_ASYNC'), { kind: 'on' });
  await db.pool.query(`update feature_flags set value = '25%' where name = 'UNIFIED_USE_ASYNC'`);
  clock += 200;
  assert.deepEqual(await store.value('UNIFIED_USE_ASYNC'), pct(25));
  await db.pool.query(`delete from feature_flags where name = 'UNIFIED_USE_ASYNC'`);
});

test('end to end: a rollback by SQL UPDATE reaches a running gateway within its TTL (200 ms here)', async () => {
  const runInline: RunInline = async () => ({ result: { inline: true } });
  const gw = createGateway({ env: envFromRecord(gatewayTestEnv(db.url, { GATEWAY_RATE_LIMIT_PER_MINUTE: '10000' })), runInline, flagCacheTtlMs: 200 });
  try {
    await db.pool.query(`insert into ai_workers (id, host, pid, version, concurrency) values ('w-flags', 'h', 1, 't', 1)`);
    await db.pool.query(`insert into feature_flags (name, value) values ('MEAL_PLAN_USE_ASYNC', 'true')`);
    const token = await userToken();
    let n = 2000;
    const ask = async () => {
      const res = await gw.handle(
        'generate-meal-plan-taco',
        new Request('http://x/functions/v1/generate-meal-plan-taco', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ input: { kcal_target: n++, meals_per_day: 3, days: 1 } }),
        }),
      );
      return ((await res.json()) as { mode: string }).mode;
    };
    await waitUntil(async () => (await ask()) === 'async', { timeoutMs: 5_000, what: 'flag on' });
    await db.pool.query(`update feature_flags set value = 'false' where name = 'MEAL_PLAN_USE_ASYNC'`);
    // The bound is the mechanism: the cache (TTL 200 ms here) lets the rollback through without a
    // restart; how fast is the TTL's job, asserted above, not a wall-clock figure.
    await waitUntil(async () => (await ask()) === 'sync', { timeoutMs: 5_000, what: 'rollback' });
  } finally {
    await gw.close();
    await db.pool.query(`delete from ai_workers; delete from feature_flags`);
  }
});

test('feature_flags: CHECK allows only the documented forms; app users cannot read or write it', async () => {
  for (const bad of ['yes', '101%', 'TRUE', '10', '5.555%']) {
    await assert.rejects(db.pool.query(`insert into feature_flags (name, value) values ('SOFIA_USE_ASYNC', $1)`, [bad]), { code: '23514' }, bad);
  }
  await assert.rejects(db.pool.query(`insert into feature_flags (name, value) values ('lower_case', 'true')`), { code: '23514' });
  for (const role of ['authenticated', 'anon'] as const) {
    await assert.rejects(
      asRole(db.pool, role, role === 'anon' ? null : randomUUID(), (c) => c.query('select * from feature_flags')),
      { code: '42501' },
    );
    await assert.rejects(
      asRole(db.pool, role, null, (c) => c.query(`insert into feature_flags values ('SOFIA_USE_ASYNC', 'true')`)),
      { code: '42501' },
    );
  }
  await asRole(db.pool, 'service_role', null, async (c) => {
    await c.query(`insert into feature_flags (name, value) values ('SOFIA_USE_ASYNC', '12.5%')`);
    const before = (await c.query(`select updated_at from feature_flags where name = 'SOFIA_USE_ASYNC'`)).rows[0].updated_at;
    await c.query(`update feature_flags set value = 'false' where name = 'SOFIA_USE_ASYNC'`);
    const row = (await c.query(`select value, updated_at from feature_flags where name = 'SOFIA_USE_ASYNC'`)).rows[0];
    assert.equal(row.value, 'false');
    assert.ok(row.updated_at >= before);
    await c.query('delete from feature_flags');
  });
});
