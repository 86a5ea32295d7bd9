// Causes found by the blind sets heldout203 (h2010) and heldout204 (h2016): the parser on the few lines that show
// each. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test("a blood-gas analyser's caret after the bracketed range is the high mark, no reference text (h2010)", () => {
  const text = [
    'Valores de eletrolitos',
    'cK+                   5.6   mmol/L  [   3.5 -    4.5 ]  ^',
    'cNa+                  134   mmol/L  [   136 -    146 ]  v',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['cK+', 5.6, 'alto'],
    ['cNa+', 134, 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
