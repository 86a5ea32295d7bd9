// The one environment reader: daemon and gateway read through it, and the gateway asks its getter
// directly (no hand-kept list of names that a new variable could be missing from).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { EnvReader, envFromRecord } from '../src/env/reader.ts';
import { readGatewayConfig } from '../src/gateway/config.ts';

test('EnvReader: strict values, every problem collected, every name recorded', () => {
  const r = new EnvReader({ A_INT: '5x', A_BOOL: 'maybe', A_URL: 'ftp://x', A_LIST: 'b,b', A_OK: ' 7 ' });
  assert.equal(r.int('A_INT', 1, 0, 10), 1);
  assert.equal(r.bool('A_BOOL', false), false);
  assert.equal(r.httpUrl('A_URL', undefined), undefined);
  assert.deepEqual(r.list('A_LIST', ['a', 'b'], ['a']), ['a']);
  assert.equal(r.int('A_OK', 1, 0, 10), 7);
  assert.equal(r.problems.length, 4);
  assert.match(r.problems.join('\n'), /A_INT="5x": expected a whole number from 0 to 10/);
  assert.deepEqual([...r.names], ['A_INT', 'A_BOOL', 'A_URL', 'A_LIST', 'A_OK']);
});

test('the gateway reads through its getter: every name it asks for is documented, none is dropped', () => {
  const asked = new Set<string>();
  const env = { SUPABASE_URL: 'http://127.0.0.1:54321', GATEWAY_JWT_SECRET: 'x'.repeat(32), SYNC_MAX_CONCURRENCY: '3', CACHE_TTL_MEAL_PLAN_SECONDS: '42' };
  const get = envFromRecord(env);
  const config = readGatewayConfig((name) => {
    asked.add(name);
    return get(name);
  });
  // Values reach the config without any list of names standing between them.
  assert.equal(config.syncMaxConcurrency, 3);
  assert.equal(config.cacheTtlSeconds.meal_plan, 42);
  const docs = ['docs/gateway.md', 'docs/configuration.md'].map((f) => readFileSync(f, 'utf8')).join('\n');
  const undocumented = [...asked].filter((n) => !docs.includes(n));
  assert.deepEqual(undocumented, []);
  assert.ok(asked.size > 30, `asked for ${asked.size} names`);
});
