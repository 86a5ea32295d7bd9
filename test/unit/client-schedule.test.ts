// The tracker's pacing and its error table, as pure functions (no timers, no network).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysisError, ERROR_MESSAGES, invokeError, jobError, pollDelayMs, slowAfterMs, DEFAULT_SCHEDULE } from '../../src/client/index.ts';

const mid = () => 0.5; // jitter factor exactly 1
test('Realtime live: the first safety-net poll comes around the estimate, then backs off to the ceiling', () => {
  assert.equal(pollDelayMs(0, 8, true, mid), 8_000);
  assert.equal(pollDelayMs(1, 8, true, mid), Math.round(8_000 * DEFAULT_SCHEDULE.factor));
  assert.equal(pollDelayMs(20, 8, true, mid), DEFAULT_SCHEDULE.liveMaxMs);
});

test('Realtime down: polling is faster, paced by the estimate, within [downMin, downMax]', () => {
  assert.equal(pollDelayMs(0, 2, false, mid), DEFAULT_SCHEDULE.downMinMs);
  assert.equal(pollDelayMs(0, 16, false, mid), 4_000);
  assert.equal(pollDelayMs(0, 600, false, mid), DEFAULT_SCHEDULE.downMaxMs);
  for (let a = 0; a < 10; a++)
    assert.ok(pollDelayMs(a, 8, false, mid) < pollDelayMs(a, 8, true, mid) || pollDelayMs(a, 8, true, mid) === DEFAULT_SCHEDULE.downMaxMs, `attempt ${a}`);
});

test('jitter stays within ±20 %', () => {
  assert.equal(
    pollDelayMs(0, 10, true, () => 0),
    8_000,
  );
  assert.equal(
    pollDelayMs(0, 10, true, () => 0.999999),
    12_000,
  );
});

test('slow after max(estimate × 2.5, 15 s), capped at 2 min', () => {
  assert.equal(slowAfterMs(2), 15_000);
  assert.equal(slowAfterMs(20), 50_000);
  assert.equal(slowAfterMs(600), 120_000);
});

test('every known code has a Portuguese message; unknown codes get the generic one', () => {
  for (const [code, [message]] of Object.entries(ERROR_MESSAGES)) {
    assert.equal(analysisError(code).message.startsWith(message), true, code);
    assert.doesNotMatch(message, /\b(the|error|failed|retry)\b/i, `${code} reads English`);
  }
  assert.equal(jobError({ code: 'something_new', message: 'x' }).message, 'Não foi possível concluir a análise. Tente novamente.');
  assert.equal(analysisError('rate_limited', { retryAfterSeconds: 1 }).message, 'Muitas análises em pouco tempo. Aguarde 1 segundo e tente novamente.');
});

test('functions-js errors: fetch → sem conexão, relay → servidor, HTTP → the body code and Retry-After', async () => {
  assert.equal((await invokeError({ name: 'FunctionsFetchError' })).code, 'network');
  assert.equal((await invokeError({ name: 'FunctionsRelayError' })).code, 'relay');
  const res = new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'too many requests; retry in 7 s' } }), {
    status: 429,
    headers: { 'retry-after': '7' },
  });
  const e = await invokeError({ name: 'FunctionsHttpError', context: res });
  assert.deepEqual([e.code, e.retryAfterSeconds, e.httpStatus], ['rate_limited', 7, 429]);
  const html = await invokeError({ name: 'FunctionsHttpError', context: new Response('<html>bad gateway</html>', { status: 502 }) });
  assert.equal(html.code, 'internal');
});
