import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import * as geminiEmu from '../../src/dev/emulators/gemini.ts';
import { resilientCall } from '../../src/providers/call.ts';
import { GeminiClient } from '../../src/providers/gemini.ts';
import { RollingWindowLimiter } from '../../src/providers/limiter.ts';
import type { LlmRequest } from '../../src/providers/types.ts';
import { GEMINI_KEY, harness, isJobError, pngOfSize, waitFor } from '../support/providers.ts';

let emu: geminiEmu.GeminiEmulator;
let client: GeminiClient;
const ENDPOINT = 'POST /models/{model}:generateContent';
before(async () => {
  emu = await geminiEmu.start({ apiKey: GEMINI_KEY });
  client = new GeminiClient({ apiKey: GEMINI_KEY, baseUrl: emu.url });
});
after(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.setKnobs({ failure: 'none', failFirst: undefined, retryAfterSec: undefined });
  emu.resetStats();
});

const ask: LlmRequest = { messages: [{ role: 'user', content: 'Quais alimentos há na foto?' }] };

function call(
  h: ReturnType<typeof harness>,
  req: LlmRequest = ask,
  opts: { c?: GeminiClient; model?: string; timeoutMs?: number; limiter?: RollingWindowLimiter } = {},
) {
  const model = opts.model ?? 'gemini-2.5-flash';
  const c = opts.c ?? client;
  return resilientCall({ ...h.deps, limiter: opts.limiter }, { provider: 'gemini', model, timeoutMs: opts.timeoutMs ?? 5_000 }, (s) =>
    c.generate(model, req, s),
  );
}

test('JSON output follows the schema, with inline image data and usageMetadata tokens', async () => {
  const h = harness('gemini');
  const req: LlmRequest = {
    system: 'Você é Sofia, nutricionista virtual.',
    messages: [{ role: 'user', content: 'Liste os alimentos.', images: [{ data: pngOfSize(800, 600), mimeType: 'image/png' }] }],
    jsonSchema: {
      type: 'object',
      properties: {
        alimentos: {
          type: 'array',
          items: {
            type: 'object',
            properties: { nome: { type: 'string' }, gramas: { type: 'integer', minimum: 10, maximum: 500 } },
            required: ['nome', 'gramas'],
          },
        },
      },
      required: ['alimentos'],
    },
  };
  const a = await call(h, req);
  const foods = (a.json as { alimentos: Array<{ nome: string; gramas: number }> }).alimentos;
  assert.ok(foods.length >= 1);
  for (const f of foods) {
    assert.equal(typeof f.nome, 'string');
    assert.ok(Number.isInteger(f.gramas) && f.gramas >= 10 && f.gramas <= 500);
  }
  assert.ok((a.inputTokens ?? 0) >= 258, 'the image is counted');
  assert.ok((a.outputTokens ?? 0) > 0);
  assert.equal(a.model, 'gemini-2.5-flash');
  assert.equal(h.seen[0]?.inputTokens, a.inputTokens);
  assert.equal(emu.stats.byEndpoint[ENDPOINT], 1);
});

test('429 RESOURCE_EXHAUSTED: waits at least RetryInfo.retryDelay before the retry', async () => {
  await emu.setKnobs({ failure: '429', failFirst: 1, retryAfterSec: 1 });
  const h = harness('gemini', { retries: 2 });
  const limiter = new RollingWindowLimiter({ limit: 100, windowMs: 60_000 });
  const t0 = performance.now();
  const a = await call(h, ask, { limiter });
  const ms = performance.now() - t0;
  assert.ok(a.text.length > 0);
  assert.ok(ms >= 1_000, `retried after ${ms} ms`);
  assert.equal(emu.stats.byEndpoint[ENDPOINT], 2);
  assert.deepEqual(
    h.seen.map((e) => e.outcome),
    ['rate_limited', 'ok'],
  );
  limiter.close();
});

test('a 429 whose retryDelay exceeds the in-call budget goes back to the queue as RetryAfterError', async () => {
  await emu.setKnobs({ failure: '429', retryAfterSec: 45 });
  const h = harness('gemini', { retries: 2 });
  await assert.rejects(call(h), (e: unknown) => {
    isJobError('rate_limited', 'retry_after')(e);
    assert.equal((e as { retryAfterMs: number }).retryAfterMs, 45_000);
    return true;
  });
  assert.equal(emu.stats.byEndpoint[ENDPOINT], 1);
});

test('400 (bad key), 403 and 404 (unknown model) are permanent and not retried', async () => {
  const h = harness('gemini', { retries: 2 });
  const badKey = new GeminiClient({ apiKey: 'wrong', baseUrl: emu.url });
  await assert.rejects(call(h, ask, { c: badKey }), isJobError('bad_request', 'permanent'));
  await emu.setKnobs({ failure: '403' });
  await assert.rejects(call(h), isJobError('forbidden', 'permanent'));
  await emu.setKnobs({ failure: 'none' });
  await assert.rejects(call(h, ask, { model: 'gemini-9-ultra' }), isJobError('not_found', 'permanent'));
  assert.equal(emu.stats.byEndpoint[ENDPOINT], 3);
  assert.equal(h.breaker.failures, 0, 'rejections are not provider failures');
});

test('500 INTERNAL is retried; 503 UNAVAILABLE on every attempt ends transient', async () => {
  await emu.setKnobs({ failure: '500', failFirst: 2 });
  const h = harness('gemini', { retries: 2 });
  await call(h);
  assert.equal(emu.stats.byEndpoint[ENDPOINT], 3);
  emu.resetStats();
  await emu.setKnobs({ failure: '503', failFirst: undefined });
  await assert.rejects(call(h), isJobError('overloaded', 'transient'));
  assert.equal(emu.stats.byEndpoint[ENDPOINT], 3);
});

test('a hanging server is aborted through config.abortSignal within timeout + 1 s', async () => {
  await emu.setKnobs({ failure: 'hang' });
  const h = harness('gemini', { retries: 0 });
  const t0 = performance.now();
  await assert.rejects(call(h, ask, { timeoutMs: 400 }), isJobError('timeout', 'transient'));
  const ms = performance.now() - t0;
  // The call gave up on its own deadline (the server never answers): not before the deadline; the
  // upper bound is the rejection itself, since the hang has none.
  assert.ok(ms >= 390, `gave up after ${ms} ms, before its 400 ms deadline`);
});

test('a cancelled job stops waiting for the rate limiter', async () => {
  const h = harness('gemini');
  const limiter = new RollingWindowLimiter({ limit: 1, windowMs: 60_000 });
  await limiter.acquire();
  const ctl = new AbortController();
  const model = 'gemini-2.5-flash';
  const p = resilientCall({ ...h.deps, limiter }, { provider: 'gemini', model, timeoutMs: 5_000, signal: ctl.signal }, (s) => client.generate(model, ask, s));
  await waitFor(() => limiter.pending === 1);
  ctl.abort();
  await assert.rejects(p, isJobError('cancelled', 'cancelled'));
  assert.equal(emu.stats.requests, 0, 'no request was sent');
  limiter.close();
});
