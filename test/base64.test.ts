import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bareBase64, base64ToBytes, bytesToBase64, decodedBase64Length } from '../src/bytes/base64.ts';

test('base64: round trip, data: URL prefix and whitespace, decoded length from the text', () => {
  const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
  const b64 = bytesToBase64(bytes);
  assert.deepEqual(base64ToBytes(b64), bytes);
  assert.deepEqual(base64ToBytes(`data:image/png;base64,${b64.slice(0, 8)}\n${b64.slice(8)}`), bytes);
  assert.equal(decodedBase64Length(bareBase64(b64)), bytes.length);
  assert.equal(bytesToBase64(bytes.subarray(1, 4)), bytesToBase64(Uint8Array.from([31, 62, 93])), 'a view encodes only its own bytes');
  assert.equal(bytesToBase64(new Uint8Array(0)), '');
});
