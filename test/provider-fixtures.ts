// Shared set-up for the provider tests: all four emulators on free ports and a ProviderConfig
// pointing at them with fast retries (milliseconds, not seconds) so tests stay quick.
import * as gemini from '../src/dev/emulators/gemini.ts';
import * as ollama from '../src/dev/emulators/ollama.ts';
import * as whatsapp from '../src/dev/emulators/whatsapp.ts';
import * as yolo from '../src/dev/emulators/yolo.ts';
import { readProviderConfig, type ProviderConfig } from '../src/providers/config.ts';

export const GEMINI_KEY = 'test-gemini-key';
export const WA_TOKEN = 'test-whatsapp-token';
export const WA_PHONE = '100000000000001';

export interface Emulators {
  yolo: yolo.YoloEmulator;
  ollama: ollama.OllamaEmulator;
  gemini: gemini.GeminiEmulator;
  whatsapp: whatsapp.WhatsAppEmulator;
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startEmulators(): Promise<Emulators> {
  const [y, o, g, w] = await Promise.all([
    yolo.start(),
    ollama.start(),
    gemini.start({ apiKey: GEMINI_KEY }),
    whatsapp.start({ token: WA_TOKEN, phoneNumberId: WA_PHONE }),
  ]);
  return {
    yolo: y,
    ollama: o,
    gemini: g,
    whatsapp: w,
    env: {
      YOLO_URL: `${y.url}/detect`,
      OLLAMA_HOST: o.url,
      GEMINI_BASE_URL: g.url,
      GEMINI_API_KEY: GEMINI_KEY,
      WHATSAPP_API_URL: `${w.url}/v21.0`,
      WHATSAPP_TOKEN: WA_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: WA_PHONE,
    },
    close: async () => {
      await Promise.all([y.close(), o.close(), g.close(), w.close()]);
    },
  };
}

/** A config for the emulators; `env` overrides variables, `retry` the (fast) backoff. */
export function testConfig(emu: Emulators, env: Record<string, string> = {}, retry: Partial<ProviderConfig['retry']> = {}): ProviderConfig {
  const { config, problems } = readProviderConfig({ ...emu.env, ...env });
  if (problems.length > 0) throw new Error(problems.join('; '));
  config.retry = { ...config.retry, baseMs: 20, capMs: 100, ...retry };
  return config;
}

/** A tiny valid PNG header of the given size (enough for the emulators to read dimensions). */
export function pngOfSize(width: number, height: number, salt = 0): Uint8Array {
  const buf = Buffer.alloc(64);
  buf.writeUInt32BE(0x89504e47, 0);
  buf.writeUInt32BE(0x0d0a1a0a, 4);
  buf.writeUInt32BE(13, 8);
  buf.write('IHDR', 12, 'latin1');
  buf.writeUInt32BE(width, 16);
  buf.writeUInt32BE(height, 20);
  buf.writeUInt32BE(salt, 40);
  return new Uint8Array(buf);
}

import { EventBus, type EventMap, type ProviderName } from '../src/events.ts';
import { CircuitBreaker } from '../src/providers/breaker.ts';
import type { CallDeps } from '../src/providers/call.ts';

/** Deps for resilientCall with a recorder of `provider:call` events. */
export function harness(provider: ProviderName, opts: { retries?: number; failures?: number } = {}) {
  const events = new EventBus();
  const seen: EventMap['provider:call'][] = [];
  events.on('provider:call', (e) => seen.push(e));
  const breaker = new CircuitBreaker(provider, { failures: opts.failures ?? 100, cooldownMs: 60_000 }, events);
  const deps: CallDeps = { events, breaker, retry: { retries: opts.retries ?? 2, baseMs: 20, capMs: 100, maxWaitMs: 10_000 } };
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
