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
  const grants: number[] = [];
  const limiter = new RollingWindowLimiter({ limit: 100, windowMs: 60_000, onGrant: (at) => grants.push(at) });
  const pauses: number[] = [];
  const pauseUntil = limiter.pauseUntil.bind(limiter);
  limiter.pauseUntil = (until: number) => {
    pauses.push(until);
    pauseUntil(until);
  };
  const a = await call(h, ask, { limiter });
  assert.ok(a.text.length > 0);
  // The 429's RetryInfo paused the limiter once, for its 1 s, and the retry was granted only after.
  assert.equal(pauses.length, 1);
  assert.equal(grants.length, 2);
  assert.ok(pauses[0]! - grants[0]! >= 1_000, `paused ${pauses[0]! - grants[0]!} ms past the first call, RetryInfo says 1 s`);
  assert.ok(grants[1]! >= pauses[0]!, 'the retry waited for the pause');
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

test('a hanging server is aborted through config.abortSignal at the call deadline', async () => {
  await emu.setKnobs({ failure: 'hang' });
  const h = harness('gemini', { retries: 0 });
  // The server never answers: a rejection at all is the call's own deadline (the hang has no end).
  await assert.rejects(call(h, ask, { timeoutMs: 400 }), isJobError('timeout', 'transient'));
  assert.equal(h.seen[0]?.outcome, 'timeout');
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
