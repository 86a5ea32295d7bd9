// The general causes behind the misses of held-out set 87, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('a reference lead that names the results it covers, with goals by risk category and no number, leaves them indeterminate', () => {
  const text = [
    'LIPIDOGRAMA',
    'Colesterol total: 186 mg/dL',
    '   Referência: Desejável: inferior a 190 mg/dL',
    'LDL-colesterol (Martin): 142 mg/dL',
    'Não-HDL colesterol: 178 mg/dL',
    '   Referência LDL-c e não-HDL-c: alvo conforme a categoria de risco definida pelo cardiologista',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Colesterol total', 186, 'mg/dL', 'normal'],
    ['LDL-colesterol', 142, 'mg/dL', 'indeterminado'],
    ['Colesterol não-HDL', 178, 'mg/dL', 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a count printed per mm³ against a reference typed in thousands ("4 mil a 10 mil") is compared in thousands multiplied out', () => {
  const text = ['Leucócitos: 10.850 /mm3    ref 4 mil a 10 mil', 'Plaquetas: 98.000 /mm3    ref 140 mil a 400 mil'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Leucócitos', 10850, '/mm³', 'alto'],
    ['Plaquetas', 98000, '/mm³', 'baixo'],
  ]);
});

test('a bracketed reference for "não grávidas" is the ordinary range of a woman not known to be pregnant', () => {
  const r = parseLabReport('Beta-HCG: 7,5 mUI/mL (Não grávidas: até 5,0)', { sex: 'F', birthDate: '1992-06-10' });
  assert.deepEqual(brief(r), [['Beta-HCG', 7.5, 'mUI/mL', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a portal card saying there is no earlier sample does not keep its reference from the result', () => {
  const text = [
    'FOSFATASE ALCALINA',
    'Resultado',
    '138 U/L',
    'Resultado anterior',
    'Nenhum resultado anterior',
    'Referência',
    'Mulheres: 35 a 104 U/L',
    'Liberado em 11/02/2025 10:40',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F' });
  assert.deepEqual(brief(r), [['Fosfatase alcalina', 138, 'U/L', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});
