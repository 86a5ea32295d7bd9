// The general causes behind the misses of held-out set 110, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('a bar table whose current column is named and undated reads every dated column as an earlier sample', () => {
  const text = [
    'Paciente: CLAUDIO MARTINS REIS   Sexo: M   Idade: 52 anos',
    'Analito              ATUAL          | 03/02/25  | 01/02/25  | Unid.    | Valores de referência',
    '                     04/02 07:30    | 05:55     | 23:10     |          |',
    'Lipase               412     H      | 980       | 1.530     | U/L      | 13-60',
    'Cálcio               7,9     L      | 8,1       | ---       | mg/dL    | 8,6-10,3',
    'Lactato              1,4            | 2,8       | 3,9       | mmol/L   | 0,5-2,2',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Lipase', 412, 'U/L', 'alto'],
    ['Cálcio', 7.9, 'mg/dL', 'baixo'],
    ['Lactato', 1.4, 'mmol/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a column named as the current result beside one dated column: the dated one holds the earlier sample', () => {
  const text = [
    'Paciente: LUCIA FERRAZ   Sexo: Feminino   Idade: 47 anos',
    'Exame                Atual        12/03/2025    Unidade     Referência',
    'Glicose              131          118           mg/dL       70 a 99',
    'TSH                  2,10         4,85          µUI/mL      0,45 a 4,50',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Glicose', 131, 'mg/dL', 'alto'],
    ['TSH', 2.1, 'µUI/mL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("months named in a monthly panel's header head its columns, the reference column holding the goals too", () => {
  const text = [
    'Paciente: ODAIR FONSECA   Sexo: Masculino   Idade: 66 anos',
    'EXAME                   MAR/25      FEV/25      UNIDADE     VALOR DE REFERÊNCIA / META',
    'Hemoglobina             11,4        10,8 *      g/dL        Meta: 10,0 a 11,5',
    'Fósforo                 6,1 *       4,9         mg/dL       3,5 a 5,5',
    'Ferritina               320         ---         ng/mL       Meta: 200 a 500',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 11.4, 'g/dL', 'normal'],
    ['Fósforo', 6.1, 'mg/dL', 'alto'],
    ['Ferritina', 320, 'ng/mL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a goal restated as multiples of the assay's upper limit is that goal, no second range", () => {
  const text = [
    'Paciente: ODAIR FONSECA   Sexo: Masculino   Idade: 66 anos',
    'EXAME                        RESULTADO     UNIDADE     REFERÊNCIA',
    'Paratormônio intacto         480           pg/mL       Meta: 150 a 600 (2 a 9 vezes o LSN)',
    'PTH molécula intacta         702           pg/mL       150 a 600 (2-9x LSR)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Paratormônio intacto', 480, 'pg/mL', 'normal'],
    ['PTH molécula intacta', 702, 'pg/mL', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a chronic kidney disease label names whom a range is for', () => {
  const text = [
    'Paciente: ODAIR FONSECA   Sexo: Masculino   Idade: 66 anos',
    'EXAME                        RESULTADO     UNIDADE     REFERÊNCIA',
    '25-hidroxivitamina D         21            ng/mL       DRC: igual ou superior a 30',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Vitamina D (25-OH)', 21, 'ng/mL', 'baixo']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a pregnant woman's glucose against tiers named for diseases of pregnancy is read on the tiers' normal step", () => {
  const text = [
    'Paciente: RENATA SOUZA LIMA   Sexo: Feminino   Idade: 31 anos',
    'Gestante - IG: 20 semanas',
    '',
    'GLICOSE EM JEJUM',
    'Resultado: 94 mg/dL',
    'Valores de referência:',
    '   Normal: menor que 92 mg/dL',
    '   Diabetes gestacional: 92 a 125 mg/dL',
    '   Diabetes diagnosticado na gestação: a partir de 126 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([, v, , f]) => [v, f]),
    [[94, 'alto']],
  );
});
