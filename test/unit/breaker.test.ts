import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as ollamaEmu from '../../src/dev/emulators/ollama.ts';
import { PermanentError, RetryAfterError, TransientError } from '../../src/errors.ts';
import { EventBus, type EventMap } from '../../src/events.ts';
import { CircuitBreaker } from '../../src/providers/breaker.ts';
import { resilientCall } from '../../src/providers/call.ts';
import { OllamaClient } from '../../src/providers/ollama.ts';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const fail = () => Promise.reject(new TransientError('provider_error', 'boom'));

test('opens after N consecutive failures, rejects fast, probes after the cool-down, closes on success', async () => {
  const c = clock();
  const events = new EventBus();
  const states: string[] = [];
  events.on('provider:breaker', (e) => states.push(`${e.provider}:${e.state}`));
  const b = new CircuitBreaker('ollama', { failures: 3, cooldownMs: 1_000, now: c.now }, events);
  for (let i = 0; i < 3; i++) await assert.rejects(b.run(fail));
  assert.equal(b.state, 'open');
  let ran = false;
  // A retry-after error: "not before the next probe", so a job whose providers are all open waits for it.
  await assert.rejects(
    b.run(async () => (ran = true)),
    (e: unknown) => e instanceof RetryAfterError && e.code === 'circuit_open' && e.retryAfterMs > 0 && e.retryAfterMs <= 1_000,
  );
  assert.equal(ran, false, 'an open circuit does not call the provider');
  c.advance(1_000);
  assert.equal(b.state, 'half_open');
  assert.equal(await b.run(async () => 'pong'), 'pong');
  assert.equal(b.state, 'closed');
  assert.deepEqual(states, ['ollama:open', 'ollama:half_open', 'ollama:closed']);
});

test('a failed probe re-opens for another cool-down; only one probe at a time', async () => {
  const c = clock();
  const b = new CircuitBreaker('gemini', { failures: 1, cooldownMs: 500, now: c.now });
  await assert.rejects(b.run(fail));
  c.advance(500);
  let release!: () => void;
  const probe = b.run(() => new Promise<void>((_, reject) => (release = () => reject(new TransientError('timeout', 't')))));
  await assert.rejects(
    b.run(async () => 1),
    (e: unknown) => (e as TransientError).code === 'circuit_open',
  );
  release();
  await assert.rejects(probe);
  assert.equal(b.state, 'open');
  c.advance(499);
  assert.equal(b.state, 'open');
  c.advance(1);
  assert.equal(b.state, 'half_open');
});

test('bad requests and rate limits are not provider failures', async () => {
  const b = new CircuitBreaker('yolo', { failures: 2, cooldownMs: 1_000 });
  await assert.rejects(b.run(fail));
  await assert.rejects(b.run(() => Promise.reject(new PermanentError('bad_request', '400'))));
  await assert.rejects(b.run(fail));
  assert.equal(b.state, 'closed', 'the 400 reset the consecutive count');
  await assert.rejects(b.run(() => Promise.reject(new RetryAfterError('rate_limited', '429', 10))));
  for (let i = 0; i < 5; i++) await assert.rejects(b.run(() => Promise.reject(new PermanentError('bad_request', '400'))));
  assert.equal(b.state, 'closed');
});

let emu: ollamaEmu.OllamaEmulator;
before(async () => {
  emu = await ollamaEmu.start({ failure: '503' });
});
after(async () => {
  await emu.close();
});

test('against the Ollama emulator: opens on 503s, rejects without a request, probes and closes', async () => {
  const c = clock();
  const events = new EventBus();
  const calls: EventMap['provider:call'][] = [];
  events.on('provider:call', (e) => calls.push(e));
  const breaker = new CircuitBreaker('ollama', { failures: 3, cooldownMs: 30_000, now: c.now }, events);
  const client = new OllamaClient({ host: emu.url, model: 'llama3.1:8b', visionModel: 'llava:7b' });
  const deps = { events, breaker, retry: { retries: 0, baseMs: 1, maxMs: 1, maxWaitMs: 1 } };
  const call = () =>
    resilientCall(deps, { provider: 'ollama', model: 'llama3.1:8b', timeoutMs: 5_000 }, (s) =>
      client.chat('llama3.1:8b', { messages: [{ role: 'user', content: 'oi' }] }, s),
    );

  for (let i = 0; i < 3; i++) await assert.rejects(call(), (e: unknown) => (e as TransientError).code === 'overloaded');
  assert.equal(breaker.state, 'open');
  assert.equal(emu.stats.byEndpoint['POST /api/chat'], 3);

  // Fast because nothing is attempted: the provider sees no request (below), not a timing.
  await assert.rejects(call(), (e: unknown) => (e as TransientError).code === 'circuit_open');
  assert.equal(emu.stats.byEndpoint['POST /api/chat'], 3, 'no request reached the provider');
  assert.equal(calls.at(-1)?.outcome, 'circuit_open');

  await emu.setKnobs({ failure: 'none' });
  c.advance(30_000);
  const answer = await call();
  assert.match(answer.text, /\w/);
  assert.equal(breaker.state, 'closed');
  assert.equal(emu.stats.byEndpoint['POST /api/chat'], 4, 'exactly one probe');
});
