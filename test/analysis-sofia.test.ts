// sofia_image end to end through the daemon and the emulators: detection → TACO arithmetic checked
// against numbers read straight from the CSV, the comment, degradation and failure when models are down.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useFreshDatabase } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';
import { runJob, serveFiles, startEmulators, testPng, type TestEmulators } from './support/emulators.ts';

const db = useFreshDatabase('analysis_sofia');
let emu: TestEmulators;

before(async () => {
  emu = await startEmulators();
});
after(async () => {
  await emu.close();
});

// TACO values per 100 g, read from the shipped CSV by hand (columns: id;category;description;
// moisture;kcal;kJ;protein;lipids;cholesterol;carbohydrate;fibre;…;sodium at index 17).
function tacoRow(id: number): { kcal: number; protein: number; fat: number; carbs: number; fiber: string; sodium: number } {
  const line = readFileSync(new URL('../data/taco/taco-4ed-alimentos.csv', import.meta.url), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${id};`))!;
  const f = line.split(';');
  const n = (s: string) => Number(s.replace(',', '.'));
  return { kcal: n(f[4]!), protein: n(f[6]!), fat: n(f[7]!), carbs: n(f[9]!), fiber: f[10]!, sodium: n(f[17]!) };
}

/** The YOLO emulator's answer for these bytes (deterministic: a function of the bytes). */
async function yoloSees(png: Buffer): Promise<Array<{ name: string; confidence: number; box: { x1: number; y1: number; x2: number; y2: number } }>> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'meal.png');
  form.set('conf', '0.25');
  const res = await fetch(`${emu.yolo.url}/detect`, { method: 'POST', body: form });
  return (await res.json()) as never;
}

/** docs/nutrition.md's portion rule, written out again: share of the frame / 10 %, clamped to 0.5–2, 5 g steps. */
function grams(box: { x1: number; y1: number; x2: number; y2: number }, typical: number, w: number, h: number): number {
  const share = ((box.x2 - box.x1) * (box.y2 - box.y1)) / (w * h);
  const scale = Math.min(2, Math.max(0.5, share / 0.1));
  return Math.max(5, Math.round((typical * scale) / 5) * 5);
}

test('a photo: YOLO foods mapped to TACO, grams from the boxes, nutrients and totals from the CSV, a comment', async () => {
  // Salt 1: the emulator sees feijão, frango and "carne bovina" (a label FOOD_MAP does not know).
  const png = testPng(640, 480, 1);
  const seen = await yoloSees(png);
  emu.resetStats();
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const { how, row } = await runJob(d, db.pool, 'sofia_image', { image_base64: png.toString('base64'), meal_type: 'almoco' });
    assert.equal(how, 'completed', JSON.stringify(row.error));
    const r = row.result;
    assert.deepEqual(Object.keys(r).sort(), ['comment', 'foods', 'totals', 'unmapped']);
    assert.deepEqual(r.unmapped, ['carne bovina'], 'an unknown label is listed, never invented');

    const feijaoDet = seen.find((s) => s.name === 'feijão')!;
    const frangoDet = seen.find((s) => s.name === 'frango')!;
    const feijao = tacoRow(561); // Feijão, carioca, cozido — typical portion 100 g (one concha)
    const frango = tacoRow(410); // Frango, peito, sem pele, grelhado — typical portion 100 g
    const gFeijao = grams(feijaoDet.box, 100, 640, 480);
    const gFrango = grams(frangoDet.box, 100, 640, 480);

    const byName = Object.fromEntries(r.foods.map((f: { name: string }) => [f.name, f]));
    const fj = byName['Feijão carioca cozido'];
    const fr = byName['Peito de frango grelhado'];
    assert.equal(fj.taco_id, 561);
    assert.equal(fj.grams, gFeijao);
    assert.equal(fj.kcal, Math.round((feijao.kcal * gFeijao) / 100));
    assert.equal(fj.protein_g, Math.round((feijao.protein * gFeijao) / 10) / 10);
    assert.equal(fj.confidence, Math.round(feijaoDet.confidence * 100) / 100);
    assert.equal(fr.taco_id, 410);
    assert.equal(fr.grams, gFrango);
    assert.equal(fr.kcal, Math.round((frango.kcal * gFrango) / 100));
    assert.equal(frango.fiber, 'NA', 'TACO has no fibre value for grilled chicken');
    assert.equal(fr.fiber_g, null, 'an unknown TACO value stays unknown');

    assert.equal(r.totals.kcal, Math.round((feijao.kcal * gFeijao + frango.kcal * gFrango) / 100));
    assert.equal(r.totals.sodium_mg, Math.round((feijao.sodium * gFeijao + frango.sodium * gFrango) / 100));
    assert.deepEqual(r.totals.incomplete, ['fiber_g'], 'the fibre total says it is a lower bound');

    assert.equal(typeof r.comment, 'string');
    assert.ok(r.comment.length > 10);
    assert.equal(row.provider, 'yolo');
    assert.deepEqual(
      row.provider_calls.map((c: { provider: string }) => c.provider),
      ['yolo', 'ollama'],
    );
    assert.ok(row.input_tokens > 0, 'token counts of the comment are recorded');
    assert.match(row.cache_key, /^sofia_image:v1:[0-9a-f]{64}$/);
    assert.equal(emu.inferenceCounts().gemini, 0);
  } finally {
    await d.stop();
  }
});

test('a photo by URL: downloaded with the size cap, same pipeline', async () => {
  const png = testPng(640, 480, 20); // arroz, batata, feijão
  const files = await serveFiles({
    '/meal.png': { body: png, type: 'application/octet-stream' },
    '/note.txt': { body: Buffer.from('not an image at all'), type: 'image/png' },
  });
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const { how, row } = await runJob(d, db.pool, 'sofia_image', { image_url: `${files.url}/meal.png` });
    assert.equal(how, 'completed', JSON.stringify(row.error));
    assert.deepEqual(
      row.result.foods.map((f: { taco_id: number }) => f.taco_id).sort((a: number, b: number) => a - b),
      [3, 91, 561],
    );
    assert.equal(row.result.unmapped, undefined);

    // The bytes are judged by their magic numbers, not by the server's Content-Type.
    const bad = await runJob(d, db.pool, 'sofia_image', { image_url: `${files.url}/note.txt` }, { maxAttempts: 3 });
    assert.equal(bad.how, 'failed');
    assert.equal(bad.row.error.code, 'unsupported_image');
    assert.equal(bad.row.attempts, 1, 'not an image: retrying cannot help');

    const missing = await runJob(d, db.pool, 'sofia_image', { image_url: `${files.url}/gone.png` }, { maxAttempts: 3 });
    assert.equal(missing.row.error.code, 'image_download_failed');
    assert.match(missing.row.error.message, /HTTP 404/);
    assert.equal(missing.row.attempts, 1);
  } finally {
    await d.stop();
    await files.close();
  }
});

test('a photo larger than SOFIA_MAX_IMAGE_BYTES behind a URL is refused while downloading', async () => {
  const big = Buffer.concat([testPng(640, 480, 3), Buffer.alloc(4096)]);
  const files = await serveFiles({ '/big.png': { body: big, type: 'image/png' } });
  const d = await startTestDaemon(db.url, { ...emu.env, SOFIA_MAX_IMAGE_BYTES: '1024' });
  try {
    const { how, row } = await runJob(d, db.pool, 'sofia_image', { image_url: `${files.url}/big.png` });
    assert.equal(how, 'failed');
    assert.equal(row.error.code, 'image_too_large');
  } finally {
    await d.stop();
    await files.close();
  }
});

test('nothing recognised: empty foods and a fixed comment, no text model called', async () => {
  const png = testPng(640, 480, 25); // only "carne bovina", which has no TACO mapping
  const d = await startTestDaemon(db.url, emu.env);
  try {
    emu.resetStats();
    const { how, row } = await runJob(d, db.pool, 'sofia_image', { image_base64: png.toString('base64') });
    assert.equal(how, 'completed');
    assert.deepEqual(row.result.foods, []);
    assert.equal(row.result.totals.kcal, 0);
    assert.match(row.result.comment, /Não reconheci nenhum alimento/);
    assert.deepEqual(row.result.unmapped, ['carne bovina']);
    assert.deepEqual(emu.inferenceCounts(), { yolo: 1, ollama: 0, gemini: 0, whatsapp: 0 });
  } finally {
    await d.stop();
  }
});

test('text models down, detector up: the job completes with the numbers and comment null', async () => {
  const png = testPng(640, 480, 13);
  await emu.ollama.setKnobs({ down: true });
  await emu.gemini.setKnobs({ down: true });
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const { how, row } = await runJob(d, db.pool, 'sofia_image', { image_base64: png.toString('base64') });
    assert.equal(how, 'completed');
    assert.equal(row.result.comment, null);
    assert.equal(row.result.foods.length, 4);
    assert.ok(row.result.totals.kcal > 0);
    assert.deepEqual(
      row.provider_calls.map((c: { provider: string; ok: boolean }) => `${c.provider}:${c.ok}`),
      ['yolo:true', 'ollama:false', 'gemini:false'],
    );
    // A degraded result is cached briefly only, so the comment comes back soon after the models do.
    const { rows } = await db.pool.query(`select extract(epoch from expires_at - created_at)::int as ttl from analysis_cache where cache_key = $1`, [
      row.cache_key,
    ]);
    assert.ok(rows[0].ttl <= 600, `degraded TTL ${rows[0].ttl}`);
  } finally {
    await d.stop();
    await emu.heal();
  }
});

test('YOLO and Gemini down: retried with backoff, then failed with a clear no_detector error', async () => {
  const png = testPng(640, 480, 14);
  await emu.yolo.setKnobs({ down: true });
  await emu.gemini.setKnobs({ down: true });
  const d = await startTestDaemon(db.url, { ...emu.env, WORKER_RETRY_BASE_MS: '50', WORKER_RETRY_MAX_MS: '200' });
  try {
    const retried: number[] = [];
    d.events.on('job:retried', (e) => retried.push(e.attempt));
    const { how, row } = await runJob(d, db.pool, 'sofia_image', { image_base64: png.toString('base64') }, { maxAttempts: 2 });
    assert.equal(how, 'failed');
    assert.deepEqual(retried, [1], 'the first attempt was retried, not failed');
    assert.equal(row.attempts, 2);
    assert.equal(row.error.code, 'no_detector');
    assert.equal(row.error.message, 'os serviços de análise estão indisponíveis no momento; tente novamente em alguns minutos');
    assert.deepEqual(
      row.provider_calls.map((c: { provider: string; ok: boolean }) => `${c.provider}:${c.ok}`),
      ['yolo:false', 'gemini:false'],
    );
  } finally {
    await d.stop();
    await emu.heal();
  }
});

test('invalid input fails at once with the field paths', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const { how, row } = await runJob(
      d,
      db.pool,
      'sofia_image',
      { image_base64: Buffer.from('GIF89a....').toString('base64'), meal_type: 'brunch', extra: 1 },
      { maxAttempts: 5 },
    );
    assert.equal(how, 'failed');
    assert.equal(row.attempts, 1);
    assert.equal(row.error.code, 'invalid_input');
    assert.deepEqual(row.error.fields.sort(), ['input.extra', 'input.image_base64', 'input.meal_type']);
  } finally {
    await d.stop();
  }
});
