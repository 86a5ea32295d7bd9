// Probes for held-out set 142's shuffled columns (helper hL), rewritten with other names, values and labs:
// a header that names the exam column after others ("RESULTADO   EXAME   UNIDADE   REFERÊNCIA"), each
// row's cells in that order, names wrapped onto the line under their row. Each failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => r.analytes.map((a) => [a.name, a.value, a.flag] as const);

test('the result first, the exam name in the middle: each row is read by the columns its header names', () => {
  const text = [
    'LABORATÓRIO SERRA AZUL',
    'Paciente: JOANA PRADO MELO        Sexo: Feminino      Idade: 52 anos',
    '',
    'RESULTADO       EXAME                       UNIDADE       VALOR DE REFERÊNCIA',
    '',
    '142             Colesterol total            mg/dL         Desejável: inferior a 190',
    '4,9             Potássio                    mEq/L         3,5 a 5,1',
    '0,71            Creatinina                  mg/dL         0,50 a 0,90',
    '',
    '                Liberado por: Dra. Sônia Figueira CRF 4.512',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Colesterol total', 142, 'normal'],
    ['Potássio', 4.9, 'normal'],
    ['Creatinina', 0.71, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('the reference first, the name third: a name wrapped under its row is joined, a reference wrapped under its cell goes on', () => {
  const text = [
    'VALORES DE REFERÊNCIA        RESULTADO     EXAME                          UNIDADE',
    '',
    '                                           BIOQUÍMICA',
    'Até 34                       51            Aspartato aminotransferase     U/L',
    '                                           (TGO) - Soro - Cinético',
    'Homens: 0,70 a 1,20          1,34          Creatinina sérica -            mg/dL',
    'Mulheres: 0,50 a 0,90                      método enzimático',
    '0,3 a 1,2                    0,8           Bilirrubina total              mg/dL',
    '20 a 50                      17            Índice de saturação da         %',
    '                                           transferrina',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['TGO (AST)', 51, 'alto'],
    ['Creatinina', 1.34, 'alto'],
    ['Bilirrubina total', 0.8, 'normal'],
    ['Índice de saturação da transferrina', 17, 'baixo'],
  ]);
  // The second line of the ranges by sex goes on under its cell.
  assert.match(r.analytes[1]!.reference_text ?? '', /Mulheres: 0,50 a 0,90/);
  assert.deepEqual(r.unparsed_lines, []);
});

test('the exam first, its unit before the result: the unit is no part of the name, the value takes it', () => {
  const text = [
    'EXAME                       UNIDADE       RESULTADO     VALOR DE REFERÊNCIA',
    'Ferritina                   ng/mL         18            30 a 400',
    'Vitamina B12                pg/mL         412           197 a 771',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.unit, a.flag]),
    [
      ['Ferritina', 18, 'ng/mL', 'baixo'],
      ['Vitamina B12', 412, 'pg/mL', 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
