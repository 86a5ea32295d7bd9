// Shared set-up for the provider tests: the emulators (test/support/emulators.ts) and a
// ProviderConfig pointing at them with fast retries (milliseconds, not seconds) so tests stay quick.
import { readProviderConfig, type ProviderConfig } from '../../src/providers/config.ts';
import { startEmulators, testPng, GEMINI_KEY, WA_PHONE, WA_TOKEN, type TestEmulators } from './emulators.ts';

export { startEmulators, GEMINI_KEY, WA_PHONE, WA_TOKEN };
export type Emulators = TestEmulators;

/** A config for the emulators; `env` overrides variables, `retry` the (fast) backoff. */
export function testConfig(emu: Emulators, env: Record<string, string> = {}, retry: Partial<ProviderConfig['retry']> = {}): ProviderConfig {
  // The daemon-level knobs of emu.env (no in-call retries, a huge Gemini budget) are not wanted here:
  // these tests exercise the providers' own defaults.
  const { PROVIDER_RETRIES: _r, GEMINI_RPM: _g, IMAGE_URL_ALLOW_HTTP: _i, MEDIA_URL_ALLOW_PRIVATE: _p, ...providerEnv } = emu.env;
  const { config, problems } = readProviderConfig({ ...providerEnv, ...env });
  if (problems.length > 0) throw new Error(problems.join('; '));
  config.retry = { ...config.retry, baseMs: 20, maxMs: 100, ...retry };
  return config;
}

/** A tiny valid PNG header of the given size (enough for the emulators to read dimensions). */
export function pngOfSize(width: number, height: number, salt = 0): Uint8Array {
  return new Uint8Array(testPng(width, height, salt));
}

import { EventBus, type EventMap, type ProviderName } from '../../src/events.ts';
import { CircuitBreaker } from '../../src/providers/breaker.ts';
import type { CallDeps } from '../../src/providers/call.ts';

/** Deps for resilientCall with a recorder of `provider:call` events. */
export function harness(provider: ProviderName, opts: { retries?: number; failures?: number } = {}) {
  const events = new EventBus();
  const seen: EventMap['provider:call'][] = [];
  events.on('provider:call', (e) => seen.push(e));
  const breaker = new CircuitBreaker(provider, { failures: opts.failures ?? 100, cooldownMs: 60_000 }, events);
  const deps: CallDeps = { events, breaker, retry: { retries: opts.retries ?? 2, baseMs: 20, maxMs: 100, maxWaitMs: 10_000 } };
  return { events, seen, breaker, deps };
}

/** Assert a rejection's JobError code and kind. */
export function isJobError(code: string, kind?: string) {
  return (e: unknown) => {
    const err = e as { code?: string; kind?: string; message?: string };
    if (err?.code !== code || (kind !== undefined && err.kind !== kind)) {
      throw new Error(`expected ${kind ?? ''} ${code}, got ${err?.kind} ${err?.code}: ${err?.message}`);
    }
    return true;
  };
}

/** Wait for a condition, checking once per event-loop turn, failing after `timeoutMs`. */
export async function waitFor(cond: () => boolean, timeoutMs = 5_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setImmediate(r));
  }
}
