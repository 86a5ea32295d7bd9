// The general causes behind the misses of fixer iZ's reports (held-out sets 148 and 150), one focused case each:
// the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('a unit column of letters is read as the units the legend at the end gives them', () => {
  const text = [
    'LABORATÓRIO VALE DO SOL',
    'EXAME                  RESULTADO         UN.   REFERÊNCIA',
    'Hemoglobina            12,9              K     12,0 - 16,0',
    'Hematócrito            33,0   (-)        M     36,0 - 46,0',
    'Leucócitos             5,10              N     4,00 - 11,00',
    'Plaquetas              480    (+)        N     150 - 400',
    'Ferritina              15                P     15 - 150',
    '',
    'LEGENDA DE UNIDADES',
    'K = g/dL        M = %        N = x10^3/µL (mil/µL)',
    'P = ng/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 12.9, 'g/dL', 'normal'],
    ['Hematócrito', 33, '%', 'baixo'],
    ['Leucócitos', 5.1, 'mil/mm³', 'normal'],
    ['Plaquetas', 480, 'mil/mm³', 'alto'],
    ['Ferritina', 15, 'ng/mL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("an app's JSON export: an object wrapped over lines, a reference of min/max bounds, a risk-goal reference", () => {
  const text = [
    '{',
    '  "exames": [',
    '    {"nome": "Glicose", "valor": 112, "unidade": "mg/dL", "referencia": {"min": 70, "max": 99}, "status": "alto",',
    '     "historico": [{"data": "2024-03-02", "valor": 104}]},',
    '    {"nome": "Insulina", "valor": 30.2, "unidade": "µUI/mL", "referencia": {"min": 2.6, "max": 24.9}, "historico": []},',
    '    {"nome": "LDL-colesterol", "valor": 162, "unidade": "mg/dL",',
    '     "referencia": "Meta conforme risco cardiovascular: baixo < 130 | alto < 70", "status": "alto", "historico": []},',
    '    {"nome": "Ureia", "valor": 33, "unidade": "mg/dL", "referencia": "15 a 45", "status": "normal", "historico": []}',
    '  ]',
    '}',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Glicose', 112, 'mg/dL', 'alto'],
    ['Insulina', 30.2, 'µUI/mL', 'alto'],
    ['LDL-colesterol', 162, 'mg/dL', 'alto'],
    ['Ureia', 33, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
