// The cache must not tell one person that another already sent the same exam, photo or message:
// personal types are keyed per user (per sender on WhatsApp); meal plans, whose input identifies no
// one, stay shared.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { cacheKeyFor, PERSONAL_TYPES } from '../src/cache/key.ts';
import { storeCache } from '../src/cache/store.ts';
import { createGateway, envFromRecord, type Gateway } from '../src/gateway/index.ts';
import { useFreshDatabase } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';
import { runJob, startEmulators, testPng, type TestEmulators } from './support/emulators.ts';
import { gatewayTestEnv, userToken } from './support/jwt.ts';

const db = useFreshDatabase('cache_privacy');
let gw: Gateway;
let emu: TestEmulators;

before(async () => {
  await db.ready;
  gw = createGateway({ env: envFromRecord(gatewayTestEnv(db.url, { GATEWAY_RATE_LIMIT_PER_MINUTE: '1000' })) });
  emu = await startEmulators();
});
after(async () => {
  await gw?.close();
  await emu?.close();
});

const EXAM = { text: 'GLICOSE  112 mg/dL  70 a 99 mg/dL' };

test('keys: personal types differ per user, meal plans do not; a personal key without a user is a bug', async () => {
  const a = randomUUID();
  const b = randomUUID();
  assert.deepEqual([...PERSONAL_TYPES].sort(), ['medical_exam', 'sofia_image', 'unified_assistant', 'whatsapp_message']);
  assert.notEqual(await cacheKeyFor('medical_exam', EXAM, a), await cacheKeyFor('medical_exam', EXAM, b));
  assert.equal(await cacheKeyFor('medical_exam', EXAM, a), await cacheKeyFor('medical_exam', { ...EXAM }, a));
  const plan = { kcal_target: 2000, meals_per_day: 3, days: 1 };
  assert.equal(await cacheKeyFor('meal_plan', plan, null), await cacheKeyFor('meal_plan', plan, a), 'shared: the scope is ignored');
  await assert.rejects(cacheKeyFor('medical_exam', EXAM, null), /needs a scope/);
});

test("gateway: another user's identical exam is not a hit (no cached answer), the owner's is", async () => {
  const owner = randomUUID();
  const key = await cacheKeyFor('medical_exam', EXAM, owner);
  await storeCache(db.pool, key!, 'medical_exam', { analytes: ['stored for the owner'] }, 3600);
  const post = async (sub: string) =>
    gw.handle(
      'enqueue-analysis',
      new Request('http://f.test/functions/v1/enqueue-analysis', {
        method: 'POST',
        headers: { authorization: `Bearer ${await userToken({ sub })}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'medical_exam', input: EXAM }),
      }),
    );
  const stranger = await post(randomUUID());
  assert.equal(stranger.status, 202, 'a fresh job, exactly as if nobody had sent it');
  assert.equal(((await stranger.json()) as { cached?: boolean }).cached, undefined);
  const mine = await post(owner);
  assert.equal(mine.status, 200);
  assert.equal(((await mine.json()) as { cached?: boolean }).cached, true);
});

test('worker: the same photo from two users runs the detector twice; from one user once', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const photo = { image_base64: testPng(640, 480, 77).toString('base64') };
    const a = randomUUID();
    emu.resetStats();
    assert.equal((await runJob(d, db.pool, 'sofia_image', photo, { userId: a })).how, 'completed');
    assert.equal(emu.inferenceCounts().yolo, 1);
    assert.equal((await runJob(d, db.pool, 'sofia_image', photo, { userId: randomUUID() })).how, 'completed');
    assert.equal(emu.inferenceCounts().yolo, 2, "another user's photo is not served from the first user's entry");
    assert.equal((await runJob(d, db.pool, 'sofia_image', photo, { userId: a })).how, 'completed');
    assert.equal(emu.inferenceCounts().yolo, 2, 'the same user hits');
  } finally {
    await d.stop();
  }
});

test('WhatsApp: entries are per sender, though every WhatsApp job has the same owner', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const media = { mime: 'image/png', base64: testPng(640, 480, 78).toString('base64') };
    emu.resetStats();
    assert.equal((await runJob(d, db.pool, 'whatsapp_message', { from: '5511999990001', media })).how, 'completed');
    assert.equal((await runJob(d, db.pool, 'whatsapp_message', { from: '5511999990002', media })).how, 'completed');
    assert.equal(emu.inferenceCounts().yolo, 2);
    assert.equal((await runJob(d, db.pool, 'whatsapp_message', { from: '5511999990001', media })).how, 'completed');
    assert.equal(emu.inferenceCounts().yolo, 2);
  } finally {
    await d.stop();
  }
});
