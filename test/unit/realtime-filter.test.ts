// The Realtime emulator's reading of postgres_changes filters (src/dev/emulators/realtime.ts): what
// realtime-js sends as `filter`, including its PostgREST-style quoting, and what is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFilter } from '../../src/dev/emulators/realtime.ts';

test('one condition per operator', () => {
  assert.deepEqual(parseFilter('user_id=eq.4a7c'), [{ column: 'user_id', op: 'eq', value: '4a7c' }]);
  for (const op of ['neq', 'lt', 'lte', 'gt', 'gte'] as const) assert.deepEqual(parseFilter(`n=${op}.3`), [{ column: 'n', op, value: '3' }]);
});

test('in.(…) is a list; quoted values keep their commas and parentheses', () => {
  assert.deepEqual(parseFilter('status=in.(completed,failed)'), [{ column: 'status', op: 'in', value: ['completed', 'failed'] }]);
  assert.deepEqual(parseFilter('name=in.("a,b",c)'), [{ column: 'name', op: 'in', value: ['a,b', 'c'] }]);
  assert.deepEqual(parseFilter('name=eq."x,(y)"'), [{ column: 'name', op: 'eq', value: 'x,(y)' }]);
});

test('several conditions, split outside quotes and parentheses, all must hold', () => {
  assert.deepEqual(parseFilter('user_id=eq.u1,status=in.(pending,processing)'), [
    { column: 'user_id', op: 'eq', value: 'u1' },
    { column: 'status', op: 'in', value: ['pending', 'processing'] },
  ]);
});

test('unreadable filters are refused, not guessed', () => {
  for (const bad of ['user_id', 'user_id=like.x%', 'user_id=eq', 'status=in.completed', '=eq.1', 'a=not.eq.1']) {
    assert.equal(parseFilter(bad), undefined, bad);
  }
});
