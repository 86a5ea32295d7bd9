import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROVIDER_ENV, normaliseOllamaHost, providerEnvMarkdown, readProviderConfig } from '../../src/providers/config.ts';

test('defaults with an empty environment', () => {
  const { config, problems } = readProviderConfig({});
  assert.deepEqual(problems, []);
  assert.equal(config.yolo.url, undefined);
  assert.equal(config.yolo.timeoutMs, 15_000);
  assert.equal(config.ollama.host, 'http://127.0.0.1:11434');
  assert.equal(config.ollama.model, 'llama3.1:8b');
  assert.equal(config.ollama.visionModel, 'llava:7b');
  assert.equal(config.ollama.timeoutMs, 60_000);
  assert.equal(config.gemini.apiKey, undefined);
  assert.equal(config.gemini.model, 'gemini-2.5-flash');
  assert.equal(config.gemini.rpm, 10);
  assert.deepEqual(config.chains, { text: ['ollama', 'gemini'], vision: ['ollama', 'gemini'], detect: ['yolo', 'gemini'] });
  assert.deepEqual(config.breaker, { failures: 5, cooldownMs: 30_000 });
  assert.equal(config.retry.retries, 2);
  assert.equal(config.whatsapp.apiUrl, 'https://graph.facebook.com/v21.0');
});

test('bad values are reported by variable name and what is allowed', () => {
  const { problems } = readProviderConfig({
    YOLO_URL: 'yolo:8000',
    GEMINI_RPM: '0',
    OLLAMA_TIMEOUT_MS: 'soon',
    PROVIDER_TEXT_CHAIN: 'ollama,openai',
    PROVIDER_DETECT_CHAIN: 'yolo,yolo',
    BREAKER_FAILURES: '-1',
    WHATSAPP_TOKEN: 't',
  });
  const text = problems.join('\n');
  for (const name of [
    'YOLO_URL',
    'GEMINI_RPM',
    'OLLAMA_TIMEOUT_MS',
    'PROVIDER_TEXT_CHAIN',
    'PROVIDER_DETECT_CHAIN',
    'BREAKER_FAILURES',
    'WHATSAPP_PHONE_NUMBER_ID',
  ]) {
    assert.match(text, new RegExp(name), name);
  }
  assert.match(text, /GEMINI_RPM="0": expected a whole number from 1 to 10000/);
  assert.match(text, /any|ollama, gemini/);
});

test("OLLAMA_HOST follows Ollama's conventions", () => {
  assert.equal(normaliseOllamaHost('gpu-box'), 'http://gpu-box:11434');
  assert.equal(normaliseOllamaHost(':9999'), 'http://127.0.0.1:9999');
  assert.equal(normaliseOllamaHost('https://ollama.internal'), 'https://ollama.internal:443');
  assert.equal(normaliseOllamaHost('http://10.0.0.5:11434/'), 'http://10.0.0.5:11434');
  assert.equal(normaliseOllamaHost('ftp://x'), undefined);
});

test('the markdown table documents every variable', () => {
  const md = providerEnvMarkdown();
  for (const name of [
    'YOLO_URL',
    'YOLO_API_KEY',
    'YOLO_TIMEOUT_MS',
    'OLLAMA_HOST',
    'OLLAMA_MODEL',
    'OLLAMA_VISION_MODEL',
    'OLLAMA_TIMEOUT_MS',
    'GEMINI_API_KEY',
    'GEMINI_MODEL',
    'GEMINI_BASE_URL',
    'GEMINI_RPM',
    'GEMINI_TIMEOUT_MS',
    'PROVIDER_TEXT_CHAIN',
    'PROVIDER_VISION_CHAIN',
    'PROVIDER_DETECT_CHAIN',
    'BREAKER_FAILURES',
    'BREAKER_COOLDOWN_MS',
    'PROVIDER_RETRIES',
    'WHATSAPP_TOKEN',
    'WHATSAPP_PHONE_NUMBER_ID',
    'WHATSAPP_API_URL',
  ]) {
    assert.ok(md.includes(`\`${name}\``), name);
  }
  assert.equal(PROVIDER_ENV.length, 21);
});
