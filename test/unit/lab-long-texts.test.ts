// A text with more lines than a call may take arguments: the passes that measure every line fold over them,
// where spreading the lines into Math.max/Math.min overflowed the call stack (found by bench/labs.ts's warm-up
// parse of the whole corpus as one text, about 75 000 lines).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockColumns } from '../../src/labs/block-columns.ts';
import { joinWrappedTabbedReference } from '../../src/labs/lines.ts';

const LINES = 300_000;

test('the tabbed-table pass takes a text of 300 000 lines without overflowing the stack', () => {
  const lines = Array.from({ length: LINES }, (_, i) => (i % 2 === 0 ? 'Glicose\t95 mg/dL\t70 a 99' : 'Obs.'));
  assert.equal(joinWrappedTabbedReference(lines).length, LINES);
});

test('the two-column block pass takes a text of 300 000 lines without overflowing the stack', () => {
  const lines = Array.from({ length: LINES }, (_, i) => (i % 3 === 0 ? '' : '  Ureia ..... 32 mg/dL'));
  assert.equal(blockColumns(lines), undefined);
});
