// whatsapp_message end to end: routing to each analysis run in-process, WhatsApp formatting, the
// send through the Cloud API emulator, a failed send retried by the queue with the analysis then
// served from the cache, and impossible analyses answered instead of dropped.
import { after, before, test } from 'node:test';
import { pdfFromLines } from './support/pdf.ts';
import assert from 'node:assert/strict';
import { urgentAnswer } from '../src/assistant/urgency.ts';
import { mealPlanFromText } from '../src/handlers/whatsapp-message.ts';
import { useFreshDatabase } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';
import { runJob, startEmulators, testPng, type TestEmulators } from './support/emulators.ts';

const db = useFreshDatabase('analysis_whatsapp');
let emu: TestEmulators;

before(async () => {
  emu = await startEmulators();
});
after(async () => {
  await emu.close();
});

const FROM = '5511999990000';

test('a cardápio request: routed to meal_plan, formatted, sent; delivery has the wamid', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const before = emu.whatsapp.sent.length;
    const { how, row } = await runJob(d, db.pool, 'whatsapp_message', { from: FROM, text: 'Monte um cardápio vegetariano de 1800 kcal para 2 dias' });
    assert.equal(how, 'completed', JSON.stringify(row.error));
    const r = row.result;
    assert.deepEqual(Object.keys(r).sort(), ['delivery', 'reply', 'route']);
    assert.equal(r.route, 'meal_plan');
    assert.match(r.reply, /^🥗 \*Seu cardápio\*/);
    assert.match(r.reply, /\*Dia 2\*/);
    assert.ok(r.reply.length <= 4096);
    assert.equal(r.delivery.status, 'sent');
    assert.match(r.delivery.message_id, /^wamid\./);
    const sent = emu.whatsapp.sent.slice(before);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.to, FROM);
    assert.equal(sent[0]!.body, r.reply);
    assert.equal(sent[0]!.id, r.delivery.message_id);
    assert.deepEqual([...new Set(row.provider_calls.map((c: { provider: string }) => c.provider))], ['ollama', 'whatsapp']);
  } finally {
    await d.stop();
  }
});

test('a meal photo goes to sofia_image, a PDF to medical_exam, urgent text gets the urgent answer', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const photo = await runJob(d, db.pool, 'whatsapp_message', { from: FROM, media: { mime: 'image/png', base64: testPng(640, 480, 13).toString('base64') } });
    assert.equal(photo.how, 'completed', JSON.stringify(photo.row.error));
    assert.equal(photo.row.result.route, 'sofia_image');
    assert.match(photo.row.result.reply, /^🍽️ \*Análise da refeição\*/);
    assert.match(photo.row.result.reply, /Arroz branco cozido/);
    assert.equal(photo.row.provider, 'yolo');

    const report = 'GLICOSE   112 mg/dL   70 a 99 mg/dL\nPOTÁSSIO   3,2 mEq/L   3,5 a 5,1 mEq/L';
    const pdf = pdfFromLines(report.split('\n'));
    const exam = await runJob(d, db.pool, 'whatsapp_message', {
      from: FROM,
      text: 'meu exame',
      media: { mime: 'application/pdf', base64: pdf.toString('base64') },
    });
    assert.equal(exam.how, 'completed', JSON.stringify(exam.row.error));
    assert.equal(exam.row.result.route, 'medical_exam');
    assert.match(exam.row.result.reply, /🔺 Glicose: \*112 mg\/dL\* \(alto\)/);
    assert.match(exam.row.result.reply, /não é um diagnóstico/);

    emu.resetStats();
    const urgent = await runJob(d, db.pool, 'whatsapp_message', { from: FROM, text: 'meu pai desmaiou e não acorda' });
    assert.equal(urgent.row.result.route, 'unified_assistant');
    assert.equal(urgent.row.result.reply, urgentAnswer(['unconscious']));
    assert.deepEqual(emu.inferenceCounts(), { yolo: 0, ollama: 0, gemini: 0, whatsapp: 1 });
  } finally {
    await d.stop();
  }
});

test('a send that fails is retried by the queue; the analysis then comes from the cache', async () => {
  const d = await startTestDaemon(db.url, { ...emu.env, WORKER_RETRY_BASE_MS: '50', WORKER_RETRY_MAX_MS: '100' });
  try {
    await emu.whatsapp.setKnobs({ failure: '503', failFirst: 1 });
    emu.resetStats();
    const lookups: boolean[] = [];
    d.events.on('cache:lookup', (e) => lookups.push(e.hit));
    const retried: string[] = [];
    d.events.on('job:retried', (e) => retried.push(e.error.code));
    const { how, row } = await runJob(d, db.pool, 'whatsapp_message', { from: FROM, text: 'quero uma dieta de 2200 kcal com 4 refeições' }, { maxAttempts: 3 });
    assert.equal(how, 'completed', JSON.stringify(row.error));
    assert.deepEqual(retried, ['whatsapp_send_failed']);
    assert.equal(row.attempts, 2);
    assert.deepEqual(lookups, [false, true], 'miss on the first attempt, hit on the retry');
    const counts = emu.inferenceCounts();
    assert.equal(counts.ollama, 1, 'the tips were written once');
    assert.equal(counts.whatsapp, 2);
    assert.match(row.result.delivery.message_id, /^wamid\./);
  } finally {
    await d.stop();
    await emu.heal();
  }
});

test('with provider retries on, a 5xx from the Cloud API is retried inside the same attempt', async () => {
  const d = await startTestDaemon(db.url, { ...emu.env, PROVIDER_RETRIES: '2' });
  try {
    await emu.whatsapp.setKnobs({ failure: '500', failFirst: 1 });
    const { how, row } = await runJob(d, db.pool, 'whatsapp_message', { from: FROM, text: 'meu pai desmaiou' });
    assert.equal(how, 'completed');
    assert.equal(row.attempts, 1);
    assert.deepEqual(
      row.provider_calls.map((c: { provider: string; ok: boolean }) => `${c.provider}:${c.ok}`),
      ['whatsapp:false', 'whatsapp:true'],
    );
  } finally {
    await d.stop();
    await emu.heal();
  }
});

test('an impossible analysis is answered with the reason, not dropped', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const { how, row } = await runJob(d, db.pool, 'whatsapp_message', { from: FROM, text: 'cardápio vegano de 5000 kcal com 3 refeições' });
    assert.equal(how, 'completed');
    assert.equal(row.result.route, 'meal_plan');
    assert.match(row.result.reply, /^Não consegui montar um cardápio com esse pedido: .*não cabem em 3 refeições/);
    assert.equal(row.result.analysis_error.code, 'infeasible');
    assert.equal(row.result.delivery.status, 'sent');
  } finally {
    await d.stop();
  }
});

test('invalid input: field paths, no retries', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const { how, row } = await runJob(
      d,
      db.pool,
      'whatsapp_message',
      { from: '12ab', media: { mime: 'image/png', base64: 'not base64!' } },
      { maxAttempts: 3 },
    );
    assert.equal(how, 'failed');
    assert.equal(row.attempts, 1);
    assert.deepEqual(row.error.fields.sort(), ['input.from', 'input.media.base64']);
  } finally {
    await d.stop();
  }
});

test('meal-plan requests in free text', () => {
  assert.deepEqual(mealPlanFromText('Monte um cardápio vegetariano de 1.800 kcal para 2 dias'), {
    kcal_target: 1800,
    meals_per_day: 5,
    days: 2,
    restrictions: ['vegetarian'],
  });
  assert.deepEqual(mealPlanFromText('dieta sem lactose e sem glúten pra semana, 4 refeições'), {
    kcal_target: 2000,
    meals_per_day: 4,
    days: 3,
    restrictions: ['lactose_free', 'gluten_free'],
  });
  assert.deepEqual(mealPlanFromText('cardápio'), { kcal_target: 2000, meals_per_day: 5, days: 1 });
});

test('a whatsapp_message job not owned by WHATSAPP_SERVICE_USER_ID fails permanently and sends nothing', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const before = emu.whatsapp.sent.length;
    const { how, row } = await runJob(
      d,
      db.pool,
      'whatsapp_message',
      { from: FROM, text: 'oi' },
      { userId: '11111111-2222-4333-8444-555555555555', maxAttempts: 3 },
    );
    assert.equal(how, 'failed');
    assert.equal(row.attempts, 1, 'permanent: not retried');
    assert.equal(row.error.code, 'forbidden_owner');
    assert.equal(emu.whatsapp.sent.length, before, 'no message left the business number');
  } finally {
    await d.stop();
  }
});

test('the daemon reads WHATSAPP_SERVICE_USER_ID: jobs owned by the configured identity run', async () => {
  const service = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
  const d = await startTestDaemon(db.url, { ...emu.env, WHATSAPP_SERVICE_USER_ID: service });
  try {
    const { how, row } = await runJob(d, db.pool, 'whatsapp_message', { from: FROM, text: 'oi, tudo bem?' }, { userId: service });
    assert.equal(how, 'completed', JSON.stringify(row.error));
    const other = await runJob(d, db.pool, 'whatsapp_message', { from: FROM, text: 'oi' });
    assert.equal(other.how, 'failed', 'the nil UUID is no longer the service identity');
    assert.equal(other.row.error.code, 'forbidden_owner');
  } finally {
    await d.stop();
  }
});
