// The general causes behind the misses of held-out set 93 that fixer gC took (h909, h910), one focused
// case each: the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('dot-leader rows under a dated "Resultado   Anterior" header: the earlier column is cut where it is printed', () => {
  const text = [
    '                                   Atual          Anterior       Referência',
    '                                   02/09/2025     20/05/2025',
    'Ureia ........................      41 mg/dL       52            15 a 40 mg/dL',
    'Potássio .....................     3,9 mmol/L     4,4            3,5 a 5,1 mmol/L',
    'Ferritina ....................      12 ng/mL       --            Mulheres: 15 a 150 / Homens: 30 a 400',
    'Saturação de transferrina          24 %           19            20 a 50 %',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F' });
  assert.deepEqual(brief(r), [
    ['Ureia', 41, 'mg/dL', 'alto'],
    ['Potássio', 3.9, 'mmol/L', 'normal'],
    ['Ferritina', 12, 'ng/mL', 'baixo'],
    ['Saturação da transferrina', 24, '%', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a cytometry row labelling each count by its form ("Valor absoluto:", "Percentual:") and ranges led by the short name below', () => {
  const text = [
    'RESULTADOS',
    '  Células NK CD56+         Valor absoluto:     210 células/mm³     Percentual: 11 %',
    '  Linfócitos B CD19+       Valor absoluto:     388 células/mm³     Percentual: 19 %',
    '  Razão CD19+/CD56+:       1,85',
    '',
    'VALORES DE REFERÊNCIA (adultos)',
    '  CD56+: 90 a 600 células/mm³   |   5 a 27 %',
    '  CD19+: 80 a 500 células/mm³   |   6 a 19 %',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F' });
  assert.deepEqual(
    brief(r).filter((a) => !/raz/i.test(a[0])),
    [
      ['Células NK CD56+', 210, '/mm³', 'normal'],
      ['Células NK CD56+ (%)', 11, '%', 'normal'],
      ['Linfócitos B CD19+', 388, '/mm³', 'normal'],
      ['Linfócitos B CD19+ (%)', 19, '%', 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
