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

test('a goals table by risk category pasted without its column gaps gives LDL and non-HDL their goals (h2016)', () => {
  const text = [
    'LDL Colesterol 88 mg/dL',
    'Colesterol não-HDL 122 mg/dL',
    'Categoria de risco LDL (mg/dL) Não-HDL (mg/dL)',
    'Baixo inferior a 130 inferior a 160',
    'Intermediário inferior a 100 inferior a 130',
    'Alto inferior a 70 inferior a 100',
    'Muito alto inferior a 50 inferior a 80',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([, value, flag]) => [value, flag]),
    [
      [88, 'indeterminado'],
      [122, 'indeterminado'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
