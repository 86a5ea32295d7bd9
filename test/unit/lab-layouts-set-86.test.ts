// The general causes behind the misses of held-out set 86, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('a tumour marker named by a number, one cell a line, is a title: its digits are no value', () => {
  const text = [
    'Exame',
    'Resultado',
    'Valores de referência',
    'CA 72-4',
    '9,3 U/mL',
    'até 6,9 U/mL',
    'CA 125',
    '12,0 U/mL',
    'até 35,0 U/mL',
    'Ferritina',
    '88 ng/mL',
    '30 a 400 ng/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['CA 72-4', 9.3, 'U/mL', 'alto'],
    ['CA 125', 12, 'U/mL', 'normal'],
    ['Ferritina', 88, 'ng/mL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('header labels padded with dots to the colon and the age printed after the birth date pick the age band', () => {
  const text = [
    'Paciente...: MARIA DAS DORES LIMA                 Registro: 77-120934',
    'Nasc.......: 03/02/1975 (49 anos)                 Sexo..: Feminino',
    '',
    'SULFATO DE DEHIDROEPIANDROSTERONA (DHEA-S)            41 µg/dL',
    '   Valores de referência:',
    '     Mulheres 35 a 49 anos ................... 48 a 247 µg/dL',
    '     Mulheres 50 anos ou mais ................ 19 a 205 µg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['SULFATO DE DEHIDROEPIANDROSTERONA (DHEA-S)', 41, 'µg/dL', 'baixo']]);
});

test('a bound whose number a transcription marks unreadable is no range: the result is read, indeterminado', () => {
  const text = [
    '- **Ferritina:** 210 ng/mL — VR: 30 a 400 ng/mL',
    '- **Fosfatase alcalina:** 131 U/L — VR: até [ilegível – mancha de café]',
    '- **Sódio:** 139 mEq/L — VR: < [cortado na foto] mEq/L',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ferritina', 210, 'ng/mL', 'normal'],
    ['Fosfatase alcalina', 131, 'U/L', 'indeterminado'],
    ['Sódio', 139, 'mEq/L', 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
