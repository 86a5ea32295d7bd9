// What kept held-out sets 170, 172 and 173 out of the corpus tests: results read right whose line the accounting
// pass left unlisted once the result was hidden. One focused case each; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

const TODAY = { today: '2025-06-01' };

test("a urine's aspect with its degree, one cell a line, lost by the reader, has its line listed (h1678)", () => {
  const text = [
    'URINA TIPO I (EAS)',
    '   Cor',
    '   Amarelo',
    '   Referência: Amarelo',
    '   Aspecto',
    '   Ligeiramente turvo  ⚠',
    '   Referência: Límpido',
  ].join('\n');
  const { read, unlisted } = lostAnalytes(text);
  assert.equal(read, 2);
  assert.deepEqual(unlisted, []);
});

test("a culture's 'Ausência de crescimento bacteriano' in a column, lost by the reader, has its line listed (h1700)", () => {
  const text = [
    'UROCULTURA                                    Ausência de crescimento bacteriano',
    '                                              VR: Ausência de crescimento bacteriano',
    'Material: urina jato médio      Método: semeadura em ágar CLED, leitura em 48 h',
  ].join('\n');
  assert.deepEqual(brief(parseLabReport(text, TODAY)), [['UROCULTURA', 'Ausência de crescimento bacteriano', 'normal']]);
  const { read, unlisted } = lostAnalytes(text);
  assert.equal(read, 1);
  assert.deepEqual(unlisted, []);
});

test("a FHIR Observation's valueQuantity is read on the line that prints its number, which is listed if lost (h1709)", () => {
  const observation = (id: string, name: string, value: number, unit: string, low: number, high: number) => [
    '    {',
    '      "resource": {',
    '        "resourceType": "Observation",',
    `        "id": "${id}",`,
    '        "status": "final",',
    `        "code": { "text": "${name}" },`,
    '        "valueQuantity": {',
    `          "value": ${value},`,
    `          "unit": "${unit}"`,
    '        },',
    '        "referenceRange": [',
    '          {',
    `            "low": { "value": ${low} },`,
    `            "high": { "value": ${high} }`,
    '          }',
    '        ]',
    '      }',
    '    }',
  ];
  const lines = [
    '{',
    '  "resourceType": "Bundle",',
    '  "entry": [',
    ...observation('obs-01', 'TSH', 6.84, 'µUI/mL', 0.27, 4.2),
    '    ,',
    ...observation('obs-02', 'Ferritina', 412, 'ng/mL', 30, 400),
    '  ]',
    '}',
  ];
  // The second observation's comma opens its own line above: join it to the closing brace, as JSON prints it.
  const text = lines.join('\n').replace('}\n    ,\n', '},\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(brief(r), [
    ['TSH', 6.84, 'alto'],
    ['Ferritina', 412, 'alto'],
  ]);
  const printed = text.split('\n');
  assert.deepEqual(
    r.analytes.map((a) => printed[a.line]!.trim()),
    ['"value": 6.84,', '"value": 412,'],
  );
  const { read, unlisted } = lostAnalytes(text);
  assert.equal(read, 2);
  assert.deepEqual(unlisted, []);
});
