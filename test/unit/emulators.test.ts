// Wire-level checks of the emulators with plain fetch: what a real client would see.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GEMINI_KEY, WA_PHONE, WA_TOKEN, pngOfSize, startEmulators, type Emulators } from '../support/providers.ts';

let emu: Emulators;
before(async () => {
  emu = await startEmulators();
});
after(async () => {
  await emu.close();
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

test('ollama: streams NDJSON by default, one JSON object when stream:false, 404 for unknown models', async () => {
  const streamed = await post(`${emu.ollama.url}/api/chat`, { model: 'llama3.1:8b', messages: [{ role: 'user', content: 'oi' }] });
  assert.equal(streamed.headers.get('content-type'), 'application/x-ndjson');
  const lines = (await streamed.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.ok(lines.length > 2);
  assert.equal(lines.at(-1).done, true);
  assert.equal(typeof lines.at(-1).eval_count, 'number');
  const text = lines
    .slice(0, -1)
    .map((l) => l.message.content)
    .join('');

  const single = await (await post(`${emu.ollama.url}/api/chat`, { model: 'llama3.1:8b', messages: [{ role: 'user', content: 'oi' }], stream: false })).json();
  assert.equal(single.done, true);
  assert.equal(single.message.content, text, 'same answer streamed or not');

  const gen = await (await post(`${emu.ollama.url}/api/generate`, { model: 'llama3.1:8b', prompt: 'oi', stream: false, format: 'json' })).json();
  assert.equal(typeof JSON.parse(gen.response).resposta, 'string');

  const missing = await post(`${emu.ollama.url}/api/chat`, { model: 'mistral', messages: [] });
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), { error: "model 'mistral' not found" });

  const tags = await (await fetch(`${emu.ollama.url}/api/tags`)).json();
  assert.deepEqual(
    tags.models.map((m: { name: string }) => m.name),
    ['llama3.1:8b', 'llava:7b'],
  );
  assert.equal((await (await fetch(`${emu.ollama.url}/api/version`)).json()).version, '0.12.6');
  assert.equal(emu.ollama.stats.byEndpoint['POST /api/chat'], 3);
});

test('ollama: 503 busy and deterministic error rate', async () => {
  await emu.ollama.setKnobs({ failure: '503' });
  const r = await post(`${emu.ollama.url}/api/chat`, { model: 'llama3.1:8b', messages: [], stream: false });
  assert.equal(r.status, 503);
  assert.match((await r.json()).error, /server busy/);
  await emu.ollama.setKnobs({ failure: 'none', errorRate: 0.5 });
  const statuses: number[] = [];
  for (let i = 0; i < 40; i++) {
    const res = await post(`${emu.ollama.url}/api/generate`, { model: 'llama3.1:8b', prompt: `p${i}`, stream: false });
    await res.arrayBuffer();
    statuses.push(res.status);
  }
  const failed = statuses.filter((s) => s === 503).length;
  assert.ok(failed > 5 && failed < 35, `${failed}/40 failed`);
  await emu.ollama.setKnobs({ errorRate: 0 });
});

test('gemini: generateContent with usageMetadata; the Google error envelope; API key checks', async () => {
  const url = `${emu.gemini.url}/v1beta/models/gemini-2.5-flash:generateContent`;
  const body = { contents: [{ role: 'user', parts: [{ text: 'Olá' }] }] };
  const ok = await (await post(url, body, { 'x-goog-api-key': GEMINI_KEY })).json();
  assert.equal(ok.candidates[0].content.role, 'model');
  assert.equal(ok.candidates[0].finishReason, 'STOP');
  assert.ok(ok.usageMetadata.promptTokenCount > 0 && ok.usageMetadata.candidatesTokenCount > 0);
  const viaQuery = await (await post(`${url}?key=${GEMINI_KEY}`, body)).json();
  assert.equal(viaQuery.candidates[0].content.parts[0].text, ok.candidates[0].content.parts[0].text, 'deterministic');

  const noKey = await post(url, body);
  assert.equal(noKey.status, 403);
  assert.equal((await noKey.json()).error.status, 'PERMISSION_DENIED');
  const badKey = await (await post(url, body, { 'x-goog-api-key': 'x' })).json();
  assert.equal(badKey.error.details[0].reason, 'API_KEY_INVALID');
  const empty = await post(url, { contents: [] }, { 'x-goog-api-key': GEMINI_KEY });
  assert.equal(empty.status, 400);
  assert.equal((await empty.json()).error.status, 'INVALID_ARGUMENT');

  await emu.gemini.setKnobs({ failure: '429', retryAfterSec: 7 });
  const limited = await post(url, body, { 'x-goog-api-key': GEMINI_KEY });
  assert.equal(limited.status, 429);
  const env = (await limited.json()).error;
  assert.equal(env.status, 'RESOURCE_EXHAUSTED');
  assert.deepEqual(
    env.details.find((d: Record<string, string>) => d['@type']?.endsWith('RetryInfo')),
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' },
  );
  for (const [failure, status] of [
    ['500', 'INTERNAL'],
    ['503', 'UNAVAILABLE'],
  ] as const) {
    await emu.gemini.setKnobs({ failure });
    assert.equal((await (await post(url, body, { 'x-goog-api-key': GEMINI_KEY })).json()).error.status, status);
  }
  await emu.gemini.setKnobs({ failure: 'none' });
});

test('gemini: a JSON answer follows Gemini-style (uppercase) schemas including enums', async () => {
  const url = `${emu.gemini.url}/v1beta/models/gemini-2.5-flash:generateContent`;
  const res = await (
    await post(
      url,
      {
        contents: [{ role: 'user', parts: [{ text: 'classifique' }] }],
        generationConfig: {
          responseMimeType: 'application/json',
          responseSchema: {
            type: 'OBJECT',
            properties: { flag: { type: 'STRING', enum: ['baixo', 'normal', 'alto'] }, valor: { type: 'NUMBER' } },
            required: ['flag', 'valor'],
          },
        },
      },
      { 'x-goog-api-key': GEMINI_KEY },
    )
  ).json();
  const v = JSON.parse(res.candidates[0].content.parts[0].text);
  assert.ok(['baixo', 'normal', 'alto'].includes(v.flag));
  assert.equal(typeof v.valor, 'number');
});

test('yolo: multipart detect, bare or wrapped, deterministic per image', async () => {
  const form = () => {
    const f = new FormData();
    f.set('file', new Blob([new Uint8Array(pngOfSize(400, 300, 1))], { type: 'image/png' }), 'meal.png');
    f.set('conf', '0.25');
    return f;
  };
  const bare = await (await fetch(`${emu.yolo.url}/detect`, { method: 'POST', body: form() })).json();
  assert.ok(Array.isArray(bare));
  await emu.yolo.setKnobs({ shape: 'wrapped' });
  const wrapped = await (await fetch(`${emu.yolo.url}/detect`, { method: 'POST', body: form() })).json();
  assert.deepEqual(wrapped.images[0].results, bare);
  await emu.yolo.setKnobs({ shape: 'bare' });
  const missing = await fetch(`${emu.yolo.url}/detect`, { method: 'POST', body: new FormData() });
  assert.equal(missing.status, 422);
});

test('whatsapp: Graph send with a bearer token, recorded', async () => {
  const url = `${emu.whatsapp.url}/v21.0/${WA_PHONE}/messages`;
  const msg = { messaging_product: 'whatsapp', to: '5511900001111', type: 'text', text: { body: 'oi' } };
  const ok = await (await post(url, msg, { authorization: `Bearer ${WA_TOKEN}` })).json();
  assert.deepEqual(ok.contacts, [{ input: '5511900001111', wa_id: '5511900001111' }]);
  assert.match(ok.messages[0].id, /^wamid\./);
  assert.equal(emu.whatsapp.sent.at(-1)?.id, ok.messages[0].id);
  const denied = await post(url, msg, { authorization: 'Bearer wrong' });
  assert.equal(denied.status, 401);
  assert.equal((await denied.json()).error.code, 190);
});

test('down: connection refused, then back on the same port; latency knob; request counts', async () => {
  await emu.yolo.setKnobs({ down: true });
  await assert.rejects(fetch(`${emu.yolo.url}/health`), (e: Error & { cause?: { code?: string } }) => e.cause?.code === 'ECONNREFUSED');
  await emu.yolo.setKnobs({ down: false });
  assert.equal((await fetch(`${emu.yolo.url}/health`)).status, 200);
  await emu.yolo.setKnobs({ latencyMs: [100, 150] });
  // The emulator runs in this process: its 100–150 ms timer, set when the request arrives, expires
  // after a 50 ms timer set before the request, so the order below is the knob's doing.
  const order: string[] = [];
  const marker = new Promise<void>((resolve) => setTimeout(() => resolve(void order.push('50 ms timer')), 50));
  await (await fetch(`${emu.yolo.url}/health`)).arrayBuffer();
  order.push('response');
  await marker;
  assert.deepEqual(order, ['50 ms timer', 'response']);
  await emu.yolo.setKnobs({ latencyMs: 0 });
  assert.equal(emu.yolo.stats.byEndpoint['GET /health'], 2, 'the refused connection never reached a handler');
});
