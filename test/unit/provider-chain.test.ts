import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { EventBus, type EventMap } from '../../src/events.ts';
import { createProviders, type Providers } from '../../src/providers/index.ts';
import { isJobError, pngOfSize, startEmulators, testConfig, waitFor, type Emulators } from '../support/providers.ts';

let emu: Emulators;
let open: Providers[] = [];
before(async () => {
  emu = await startEmulators();
});
after(async () => {
  await emu.close();
});
beforeEach(async () => {
  await Promise.all(open.map((p) => p.close()));
  open = [];
  for (const e of [emu.yolo, emu.ollama, emu.gemini, emu.whatsapp]) {
    await e.setKnobs({ failure: 'none', failFirst: undefined, down: false });
    e.resetStats();
  }
});

function make(env: Record<string, string> = {}, retries = 1) {
  const events = new EventBus();
  const seen: Array<{ name: string; payload: unknown }> = [];
  events.on('provider:call', (p) => seen.push({ name: 'provider:call', payload: p }));
  events.on('provider:breaker', (p) => seen.push({ name: 'provider:breaker', payload: p }));
  const providers = createProviders(testConfig(emu, env, { retries }), events);
  open.push(providers);
  return { providers, events, seen };
}

const meal = { data: pngOfSize(640, 480, 42), mimeType: 'image/png' };

test('text: Ollama answers first when it is up', async () => {
  const { providers } = make();
  const r = await providers.text({ system: 'Você é Sofia.', prompt: 'Dê uma dica de alimentação.' });
  assert.equal(r.provider, 'ollama');
  assert.equal(r.model, 'llama3.1:8b');
  assert.deepEqual(
    r.calls.map((c) => [c.provider, c.ok]),
    [['ollama', true]],
  );
  assert.equal(emu.gemini.stats.requests, 0);
});

test('Ollama down → Gemini answers, and `calls` records both', async () => {
  await emu.ollama.setKnobs({ down: true });
  const { providers } = make({}, 1);
  const r = await providers.text({
    prompt: 'Como melhorar meu café da manhã?',
    jsonSchema: { type: 'object', properties: { dica: { type: 'string' } }, required: ['dica'] },
  });
  assert.equal(r.provider, 'gemini');
  assert.equal(typeof (r.json as { dica: string }).dica, 'string');
  assert.deepEqual(
    r.calls.map((c) => [c.provider, c.model, c.ok, c.error_code ?? null]),
    [
      ['ollama', 'llama3.1:8b', false, 'network_error'],
      ['ollama', 'llama3.1:8b', false, 'network_error'],
      ['gemini', 'gemini-2.5-flash', true, null],
    ],
  );
  const g = r.calls[2]!;
  assert.ok((g.input_tokens ?? 0) > 0 && (g.output_tokens ?? 0) > 0);
});

test('YOLO down → Gemini vision returns foods in the same detection shape', async () => {
  await emu.yolo.setKnobs({ down: true });
  const { providers } = make({}, 0);
  const r = await providers.detect({ image: meal });
  assert.equal(r.provider, 'gemini');
  assert.ok(r.detections.length >= 1);
  for (const d of r.detections) {
    assert.equal(typeof d.name, 'string');
    assert.equal(typeof d.class, 'number');
    assert.ok(d.confidence >= 0 && d.confidence <= 1);
    assert.ok(d.box.x1 <= d.box.x2 && d.box.y1 <= d.box.y2 && d.box.x2 <= 640 && d.box.y2 <= 480);
  }
  assert.deepEqual(
    r.calls.map((c) => c.provider),
    ['yolo', 'gemini'],
  );
});

test('everything down → a transient error naming each provider', async () => {
  for (const e of [emu.ollama, emu.gemini]) await e.setKnobs({ down: true });
  const { providers } = make({}, 0);
  const calls: never[] = [];
  await assert.rejects(providers.text({ prompt: 'oi', calls }), (e: unknown) => {
    isJobError('providers_unavailable', 'transient')(e);
    assert.match((e as Error).message, /ollama \(llama3\.1:8b\): network_error/);
    assert.match((e as Error).message, /gemini \(gemini-2\.5-flash\): network_error/);
    return true;
  });
  assert.equal(calls.length, 2, 'the caller keeps the call records of a failed chain');
});

test('every provider rejecting the request permanently → permanent error', async () => {
  await emu.ollama.setKnobs({ failure: '400' });
  await emu.gemini.setKnobs({ failure: '403' });
  const { providers } = make();
  await assert.rejects(providers.text({ prompt: 'oi' }), isJobError('providers_rejected', 'permanent'));
});

test('an open breaker is skipped without a request, then Gemini answers', async () => {
  await emu.ollama.setKnobs({ failure: '503' });
  const { providers, seen } = make({ BREAKER_FAILURES: '2' }, 1);
  await providers.text({ prompt: 'primeira' });
  assert.equal(emu.ollama.stats.byEndpoint['POST /api/chat'], 2);
  assert.equal(providers.status().ollama.breaker, 'open');
  assert.ok(seen.some((e) => e.name === 'provider:breaker' && (e.payload as EventMap['provider:breaker']).state === 'open'));
  const r = await providers.text({ prompt: 'segunda' });
  assert.equal(r.provider, 'gemini');
  assert.equal(emu.ollama.stats.byEndpoint['POST /api/chat'], 2, 'no request to an open circuit');
  assert.deepEqual(
    r.calls.map((c) => [c.provider, c.error_code ?? 'ok']),
    [
      ['ollama', 'circuit_open'],
      ['gemini', 'ok'],
    ],
  );
});

test('invalid input fails permanently with zero provider calls', async () => {
  const { providers } = make();
  await assert.rejects(providers.text({ prompt: '   ' }), isJobError('invalid_input', 'permanent'));
  await assert.rejects(providers.vision({ prompt: 'o que é isto?' }), isJobError('invalid_input', 'permanent'));
  await assert.rejects(providers.detect({ image: { data: new Uint8Array() } }), isJobError('invalid_input', 'permanent'));
  for (const e of [emu.yolo, emu.ollama, emu.gemini, emu.whatsapp]) assert.equal(e.stats.requests, 0);
});

test('events carry provider, model, outcome and timings — never the prompt, the image or the answer', async () => {
  const { providers, seen } = make();
  const r = await providers.vision({ prompt: 'PROMPT-SECRETO hemoglobina 9,1', images: [meal] });
  await providers.detect({ image: meal });
  const dump = JSON.stringify(seen);
  assert.ok(!dump.includes('PROMPT-SECRETO'));
  assert.ok(!dump.includes(Buffer.from(meal.data).toString('base64').slice(0, 20)));
  assert.ok(!dump.includes(r.text.slice(0, 30)));
  assert.ok(!dump.includes('test-gemini-key'));
  for (const e of seen.filter((x) => x.name === 'provider:call')) {
    assert.deepEqual(
      Object.keys(e.payload as object)
        .sort()
        .filter((k) => !['status', 'inputTokens', 'outputTokens'].includes(k)),
      ['model', 'ms', 'outcome', 'provider'],
    );
  }
});

test('close() cancels calls in flight and refuses new ones', async () => {
  await emu.ollama.setKnobs({ failure: 'hang' });
  const { providers } = make();
  const p = providers.text({ prompt: 'oi' });
  await waitFor(() => emu.ollama.stats.byEndpoint['POST /api/chat'] === 1);
  await providers.close();
  await assert.rejects(p, isJobError('cancelled', 'cancelled'));
  await assert.rejects(providers.text({ prompt: 'oi' }), isJobError('cancelled', 'cancelled'));
  assert.equal(emu.gemini.stats.requests, 0, 'a cancelled chain does not fall through');
});

test('whatsapp.sendText goes through the same resilience and records the call', async () => {
  await emu.whatsapp.setKnobs({ failure: '503', failFirst: 1 });
  const { providers } = make({}, 2);
  const r = await providers.whatsapp.sendText({ to: '5511977776666', body: 'Seu plano alimentar está pronto.' });
  assert.match(r.messageId, /^wamid\./);
  assert.deepEqual(
    r.calls.map((c) => c.ok),
    [false, true],
  );
  assert.equal(emu.whatsapp.sent.at(-1)?.body, 'Seu plano alimentar está pronto.');
});

test('status() and refreshStatus() describe providers for /health/detailed', async () => {
  const { providers } = make({ OLLAMA_VISION_MODEL: 'llava:13b' });
  const s = await providers.refreshStatus();
  assert.equal(s.ollama.reachable, true);
  assert.deepEqual(
    s.ollama.models.map((m) => [m.name, m.present]),
    [
      ['llama3.1:8b', true],
      ['llava:13b', false],
    ],
  );
  assert.equal(s.gemini.enabled, true);
  assert.deepEqual(s.chains, { text: ['ollama', 'gemini'], vision: ['ollama', 'gemini'], detect: ['yolo', 'gemini'] });
  const { providers: noGemini } = make({ GEMINI_API_KEY: '' });
  assert.deepEqual(noGemini.status().chains.text, ['ollama']);
  assert.ok(!JSON.stringify(s).includes('test-gemini-key'));
});
