import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import * as ollamaEmu from '../../src/dev/emulators/ollama.ts';
import { resilientCall } from '../../src/providers/call.ts';
import { OllamaClient } from '../../src/providers/ollama.ts';
import type { LlmRequest } from '../../src/providers/types.ts';
import { harness, isJobError, pngOfSize, waitFor } from '../support/providers.ts';

let emu: ollamaEmu.OllamaEmulator;
let client: OllamaClient;
before(async () => {
  emu = await ollamaEmu.start();
  client = new OllamaClient({ host: emu.url, model: 'llama3.1:8b', visionModel: 'llava:7b' });
});
after(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.setKnobs({ failure: 'none', failFirst: undefined, down: false, models: ['llama3.1:8b', 'llava:7b'] });
  emu.resetStats();
});

const SECRET_PROMPT = 'glicemia de jejum 126 mg/dL do paciente';
const schema = {
  type: 'object',
  properties: { resumo: { type: 'string' }, nivel: { type: 'string', enum: ['baixo', 'normal', 'alto'] }, itens: { type: 'array', items: { type: 'string' } } },
  required: ['resumo', 'nivel', 'itens'],
};

function call(h: ReturnType<typeof harness>, req: LlmRequest, opts: { model?: string; timeoutMs?: number; signal?: AbortSignal } = {}) {
  const model = opts.model ?? 'llama3.1:8b';
  return resilientCall(h.deps, { provider: 'ollama', model, timeoutMs: opts.timeoutMs ?? 5_000, signal: opts.signal }, (s) => client.chat(model, req, s));
}

test('chat with an image and a JSON schema returns schema-shaped JSON and token counts; events carry no prompt', async () => {
  const h = harness('ollama');
  const req: LlmRequest = {
    system: 'Você é Sofia.',
    messages: [{ role: 'user', content: SECRET_PROMPT, images: [{ data: pngOfSize(320, 240) }] }],
    jsonSchema: schema,
  };
  const a = await call(h, req, { model: 'llava:7b' });
  const json = a.json as { resumo: string; nivel: string; itens: string[] };
  assert.equal(typeof json.resumo, 'string');
  assert.ok(['baixo', 'normal', 'alto'].includes(json.nivel));
  assert.ok(Array.isArray(json.itens));
  assert.ok((a.inputTokens ?? 0) > 576, 'image tokens counted');
  assert.ok((a.outputTokens ?? 0) > 0);
  const again = await call(h, req, { model: 'llava:7b' });
  assert.deepEqual(again.json, a.json, 'deterministic');
  assert.equal(h.seen.length, 2);
  assert.deepEqual(
    { ...h.seen[0], ms: 0 },
    { provider: 'ollama', model: 'llava:7b', outcome: 'ok', status: 200, ms: 0, inputTokens: a.inputTokens, outputTokens: a.outputTokens },
  );
  assert.ok(!JSON.stringify(h.seen).includes('glicemia'));
});

test('a hanging server is aborted at the call deadline (the package passes no signal; our fetch does)', async () => {
  await emu.setKnobs({ failure: 'hang' });
  const h = harness('ollama', { retries: 0 });
  // The server never answers: a rejection at all is the call's own deadline (the hang has no end).
  await assert.rejects(call(h, { messages: [{ role: 'user', content: 'oi' }] }, { timeoutMs: 400 }), isJobError('timeout', 'transient'));
  assert.equal(h.seen[0]?.outcome, 'timeout');
});

test("the job's AbortSignal cancels a call in flight, and it is not retried", async () => {
  await emu.setKnobs({ failure: 'hang' });
  const h = harness('ollama', { retries: 3 });
  const ctl = new AbortController();
  const p = call(h, { messages: [{ role: 'user', content: 'oi' }] }, { signal: ctl.signal, timeoutMs: 30_000 });
  await waitFor(() => emu.stats.byEndpoint['POST /api/chat'] === 1);
  ctl.abort();
  await assert.rejects(p, isJobError('cancelled', 'cancelled'));
  assert.equal(emu.stats.byEndpoint['POST /api/chat'], 1);
});

test('5xx is retried with backoff until it succeeds (the emulator counts the attempts)', async () => {
  await emu.setKnobs({ failure: '500', failFirst: 2 });
  const h = harness('ollama', { retries: 2 });
  const a = await call(h, { messages: [{ role: 'user', content: 'oi' }] });
  assert.match(a.text, /\p{L}/u);
  assert.equal(emu.stats.byEndpoint['POST /api/chat'], 3);
  assert.deepEqual(
    h.seen.map((e) => e.outcome),
    ['error', 'error', 'ok'],
  );
});

test('503 busy on every attempt ends as a transient overload after retries', async () => {
  await emu.setKnobs({ failure: '503' });
  const h = harness('ollama', { retries: 2 });
  await assert.rejects(call(h, { messages: [{ role: 'user', content: 'oi' }] }), isJobError('overloaded', 'transient'));
  assert.equal(emu.stats.byEndpoint['POST /api/chat'], 3);
});

test('an unknown model is permanent, not retried, and says to `ollama pull` it', async () => {
  const h = harness('ollama', { retries: 2 });
  await assert.rejects(call(h, { messages: [{ role: 'user', content: 'oi' }] }, { model: 'qwen2:7b' }), (e: unknown) => {
    isJobError('model_not_found', 'permanent')(e);
    assert.match((e as Error).message, /ollama pull qwen2:7b/);
    return true;
  });
  assert.equal(emu.stats.byEndpoint['POST /api/chat'], 1);
});

test('400 and 401/403 are not retried', async () => {
  for (const [failure, code] of [
    ['400', 'bad_request'],
    ['401', 'unauthorized'],
    ['403', 'forbidden'],
  ] as const) {
    emu.resetStats();
    await emu.setKnobs({ failure });
    const h = harness('ollama', { retries: 2 });
    await assert.rejects(call(h, { messages: [{ role: 'user', content: 'oi' }] }), isJobError(code, 'permanent'));
    assert.equal(emu.stats.byEndpoint['POST /api/chat'], 1, failure);
  }
});

test('garbage in a 200 is a transient bad_response', async () => {
  await emu.setKnobs({ failure: 'garbage' });
  const h = harness('ollama', { retries: 0 });
  await assert.rejects(call(h, { messages: [{ role: 'user', content: 'oi' }] }), isJobError('bad_response', 'transient'));
});

test('connection refused is a transient network error, retried', async () => {
  await emu.setKnobs({ down: true });
  const h = harness('ollama', { retries: 1 });
  await assert.rejects(call(h, { messages: [{ role: 'user', content: 'oi' }] }), isJobError('network_error', 'transient'));
  assert.equal(h.seen.length, 2);
});

test('status() reports which configured models /api/tags lists', async () => {
  const c = new OllamaClient({ host: emu.url, model: 'llama3.1:8b', visionModel: 'llava:13b' });
  assert.equal(c.status().reachable, null);
  const s = await c.refresh();
  assert.equal(s.reachable, true);
  assert.equal(s.version, '0.12.6');
  assert.deepEqual(
    s.models.map((m) => [m.name, m.present]),
    [
      ['llama3.1:8b', true],
      ['llava:13b', false],
    ],
  );
  await emu.setKnobs({ down: true });
  const down = await c.refresh(1_000);
  assert.equal(down.reachable, false);
  assert.ok(down.error);
});
