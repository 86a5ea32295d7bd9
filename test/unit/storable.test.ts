// Unit tests for the one place that makes strings storable (src/db/storable.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDataError, storableJson, storableString } from '../../src/db/storable.ts';

test('NUL is removed and lone surrogates become U+FFFD; valid pairs and plain text are untouched', () => {
  assert.equal(storableString('a\u0000b'), 'ab');
  assert.equal(storableString('x\ud800y'), 'x\ufffdy');
  assert.equal(storableString('x\udc00'), 'x\ufffd');
  assert.equal(storableString('\ud83d\ude00 ok'), '\ud83d\ude00 ok');
  const plain = 'Hemoglobina 13,5 g/dL';
  assert.equal(storableString(plain), plain);
});

test('storableJson cleans nested values and keys, and its text is what jsonb accepts', () => {
  const text = storableJson({ 'k\u0000ey': ['\ud800', { deep: 'a\u0000' }], n: 1, ok: true, nothing: null });
  assert.ok(!text.includes('\\u0000'), text);
  assert.ok(!/\\ud[89a-f][0-9a-f]{2}/i.test(text), text);
  assert.deepEqual(JSON.parse(text), { key: ['\ufffd', { deep: 'a' }], n: 1, ok: true, nothing: null });
  assert.equal(storableJson(undefined), 'null');
});

test('storableJson leaves clean values as JSON.stringify writes them, a written-out backslash-u0000 included', () => {
  const clean = { text: 'sem nada a limpar', escaped: 'a literal \\u0000 and \\ud800 in text', emoji: '\ud83d\ude00', list: [1, 'x'] };
  assert.equal(storableJson(clean), JSON.stringify(clean));
  assert.deepEqual(JSON.parse(storableJson(clean)), clean);
  // Beside a literal "\\u0000" a real NUL is still removed.
  assert.deepEqual(JSON.parse(storableJson({ t: 'a\\u0000b\u0000c' })), { t: 'a\\u0000bc' });
});

test('isDataError: SQLSTATE class 22 only', () => {
  assert.equal(isDataError({ code: '22P05' }), true);
  assert.equal(isDataError({ code: '22003' }), true);
  assert.equal(isDataError({ code: '40001' }), false);
  assert.equal(isDataError(new Error('x')), false);
  assert.equal(isDataError(undefined), false);
});
