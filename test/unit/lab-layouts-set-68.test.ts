// The general causes behind the misses of held-out set 68 (and the last ones of set 66), one focused case
// each: the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('a note on when to draw a drug level, with its hours, after the range leaves the range read', () => {
  const text = ['CARBAMAZEPINA', '  Resultado: 13,2 µg/mL', '  Referência: 4,0 a 12,0 µg/mL   (colher 12 h após a última dose)', '  Método: Imunoensaio'].join(
    '\n',
  );
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['CARBAMAZEPINA', 13.2, 'µg/mL', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a therapeutic range wrapped beside the Material/Método lines, with a toxic limit under it', () => {
  const text = [
    ' EXAME                         RESULTADO      UNIDADE       VALORES DE REFERÊNCIA',
    ' FENOBARBITAL                     43,5       µg/mL      Faixa terapêutica: 15,0 a',
    '   Material: soro     Método: imunoensaio                   40,0 µg/mL',
    '                                                            Tóxico: > 45 µg/mL',
    '',
    ' DIGOXINA                          0,62       ng/mL        Faixa terapêutica:',
    '   Material: soro                                              0,80 a 2,00 ng/mL',
    '   Método: quimioluminescência                      Tóxico: acima de 2,50',
    '',
    ' MAGNÉSIO                          2,1       mg/dL        1,6 a 2,6',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['FENOBARBITAL', 43.5, 'µg/mL', 'alto'],
    ['DIGOXINA', 0.62, 'ng/mL', 'baixo'],
    ['Magnésio', 2.1, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a word result with its index in brackets, against a word reference with the index cut-off', () => {
  const text = [
    'HEPATITE B - ANTICORPOS ANTI-HBc TOTAL',
    'Método: Eletroquimioluminescência            Material: Soro',
    'Resultado: REAGENTE   (índice 7,35 S/CO)',
    'Referência: Não reagente (índice inferior a 1,00)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.equal(r.qualitative.length, 1);
  assert.equal(r.qualitative[0]!.value, 'REAGENTE');
  assert.equal(r.qualitative[0]!.flag, 'alterado');
  assert.deepEqual(r.analytes, []);
  assert.deepEqual(r.unparsed_lines, []);
});

test('"Ver meta conforme risco" in the reference cell: no built-in range, the flag is indeterminado', () => {
  const text = [
    'Exame\tResultado\tReferência',
    'Colesterol não-HDL\t187 mg/dL\tConsultar meta conforme o risco cardiovascular',
    'Ureia\t31 mg/dL\t15 a 40 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Colesterol não-HDL', 187, 'mg/dL', 'indeterminado'],
    ['Ureia', 31, 'mg/dL', 'normal'],
  ]);
});

test('a long unit pushing the current cell up to a history column leaves the earlier date one space after it', () => {
  const text = [
    'FILTRAÇÃO GLOMERULAR (CKD-EPI)',
    'Material: Soro    Método: Cálculo',
    '                                     RESULTADO          HISTÓRICO',
    'TFG estimada                           54 mL/min/1,73m² 02/09/2024   61 mL/min/1,73m²',
    'Valores de referência: igual ou superior a 60 mL/min/1,73m²',
  ].join('\n');
  const r = parseLabReport(text);
  assert.equal(r.analytes.length, 1);
  assert.deepEqual([r.analytes[0]!.value, r.analytes[0]!.flag], [54, 'baixo']);
});

test('a method cell in the reference column, the range on the line under the row', () => {
  const text = [
    'BIOQUÍMICA                 Resultado                      Valores de Referência',
    'UREIA                      52  mg/dL                    Método: Urease UV',
    '                                                           15 a 40',
    'SÓDIO                      141  mEq/L                   136 a 145',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ureia', 52, 'mg/dL', 'alto'],
    ['Sódio', 141, 'mEq/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a long reference running up to the first dated column, one space before its earlier value', () => {
  const text = [
    'Paciente: JOANA PRADO                     Coleta: 12/02/2025',
    '',
    'EXAME                      RESULTADO      REFERÊNCIA              14/10/2024   02/05/2024',
    '-------------------------------------------------------------------------------------------',
    'POTÁSSIO                   5,6 mEq/L      Adultos: 3,5 a 5,1 mEq/L 4,9         5,0',
    'SÓDIO                      139 mEq/L      136 a 145 mEq/L         140          138',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Potássio', 5.6, 'mEq/L', 'alto'],
    ['Sódio', 139, 'mEq/L', 'normal'],
  ]);
});

test('more earlier samples, each alone on its line under the history column, are no unread lines', () => {
  const text = [
    'COLESTEROL TOTAL',
    'Material: Soro    Método: Enzimático',
    '                                     RESULTADO          HISTÓRICO',
    'Colesterol total                       214 mg/dL        03/11/2024   198 mg/dL',
    '                                                        15/06/2024   205 mg/dL',
    'Valores de referência: desejável inferior a 190 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Colesterol total', 214, 'mg/dL', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});
