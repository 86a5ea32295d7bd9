// The general causes behind the misses of held-out set 112, one focused case each: the parser on the few
// lines that show each layout, with other names, values and text than the set. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) =>
  [...r.analytes.map((a) => [a.line, a.name, a.value, a.unit, a.flag] as const), ...r.qualitative.map((a) => [a.line, a.name, a.value, null, a.flag] as const)]
    .sort((a, b) => a[0] - b[0])
    .map(([, ...rest]) => rest);

test("a previous-result column after dot leaders: the earlier cell, with its unit or a dash, is cut after the current value's unit", () => {
  const text = [
    'Sexo: Feminino   Idade: 52 anos',
    'EXAME                              RESULTADO       ANTERIOR        REFERÊNCIA',
    '                                                   (03/03/2025)',
    'Ureia ............................ 31 mg/dL        28 mg/dL        15 a 45 mg/dL',
    'Ferritina ........................ 12 ng/mL        ---             13 a 150 ng/mL',
    'Cálcio total ..................... 10,9 mg/dL      9,8 mg/dL       8,6 a 10,3 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ureia', 31, 'mg/dL', 'normal'],
    ['Ferritina', 12, 'ng/mL', 'baixo'],
    ['Cálcio', 10.9, 'mg/dL', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a long unit fills its column: the earlier cell one space after it is cut where the previous column starts', () => {
  const text = [
    'Sexo: Masculino   Idade: 58 anos',
    'EXAME                          RESULTADO        ANTERIOR         REFERÊNCIA',
    'Creatinina ................... 1,40 mg/dL       1,32 mg/dL       0,70 a 1,30 mg/dL',
    '  eTFG (CKD-EPI 2021) ........ 52 mL/min/1,73m² 58 mL/min/1,73m² superior a 60',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Creatinina', 1.4, 'mg/dL', 'alto'],
    ['Taxa de filtração glomerular', 52, 'mL/min/1,73m²', 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("earlier samples stacked under a block's previous-results column, each with 'em' and its date, beside a reference's lines", () => {
  const text = [
    'Sexo: Masculino   Idade: 44 anos',
    'HEMOGLOBINA GLICADA',
    'Material: Sangue total                 Método: HPLC',
    '',
    ' Resultado               Valores de Referência                      Resultados Anteriores',
    ' 6,8 %                   Normal: inferior a 5,7 %                   6,2 %   em 10/01/2025',
    '                         Pré-diabetes: 5,7 a 6,4 %                  5,9 %   em 02/07/2024',
    '                         Diabetes: igual ou superior a 6,5 %',
    '',
    'TSH',
    'Material: Soro                         Método: Quimioluminescência',
    '',
    ' Resultado               Valores de Referência                      Resultados Anteriores',
    ' 2,10 µUI/mL             0,45 a 4,50 µUI/mL                         2,44 µUI/mL  em 10/01/2025',
    '                                                                    1,98 µUI/mL  em 02/07/2024',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemoglobina glicada (HbA1c)', 6.8, '%', 'alto'],
    ['TSH', 2.1, 'µUI/mL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a portal's tab table: a triangle in its own cell after the reference marks the value, and a bound under a Resultado column is the title's value", () => {
  const text = [
    'Masculino · 29 anos',
    'Filtrar: Todos (4) | Alterados (2)          Ordenar por: Data ▾',
    '▼ Hemograma                                             Sangue total EDTA · Citometria de fluxo',
    'Exame\tResultado\tUnidade\tReferência',
    'Leucócitos\t3.100\t/mm³\t4.000 a 11.000\t▼',
    'Neutrófilos\t78,2\t%\t40,0 a 70,0\t▲',
    '▼ Troponina I ultrassensível                            Soro · Quimioluminescência',
    'Resultado\tUnidade\tReferência',
    '< 2,5\tng/L\tinferior a 19,8',
    '   Anterior (10/02/2025): leucócitos 5.200 · neutrófilos 61,0',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Leucócitos', 3100, '/mm³', 'baixo'],
    ['Neutrófilos', 78.2, '%', 'alto'],
    ['Troponina I ultrassensível', 2.5, 'ng/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('goals by risk category led by a reference lead that ends its line, or by a note whose words go on after the names, join LDL and non-HDL', () => {
  const text = [
    'Sexo: Feminino   Idade: 61 anos',
    'LDL-colesterol',
    '   Resultado: 118 mg/dL',
    'Colesterol não-HDL',
    '   Resultado: 151 mg/dL',
    '   Valor de referência (LDL / não-HDL), de acordo com a categoria de risco cardiovascular:',
    '   Baixo..........: inferior a 130 / inferior a 160 mg/dL',
    '   Intermediário..: inferior a 100 / inferior a 130 mg/dL',
    '',
    'LDL-c.........: 96 mg/dL     (ver metas*)',
    '* Metas de LDL / não-HDL (mg/dL) segundo risco cardiovascular: baixo < 130 / < 160; intermediário < 100 / < 130;',
    '  alto < 70 / < 100.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['LDL-colesterol', 118, 'mg/dL', 'indeterminado'],
    ['Colesterol não-HDL', 151, 'mg/dL', 'indeterminado'],
    ['LDL-colesterol', 96, 'mg/dL', 'indeterminado'],
  ]);
});

test("a goal set from the LDL's, led by the name of the result it is for, is no result of that name", () => {
  const text = [
    'Sexo: Masculino   Idade: 50 anos',
    ' EXAME                       RESULTADO       VALORES DE REFERÊNCIA',
    ' LDL COLESTEROL              122 mg/dL       Meta conforme risco cardiovascular:',
    ' COLESTEROL NÃO-HDL          150 mg/dL       LDL: baixo < 130 | intermediário < 100',
    '                                             Não-HDL: 30 mg/dL acima da meta de LDL',
    ' CREATININA                  0,98 mg/dL      0,70 a 1,20 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value]),
    [
      ['LDL-colesterol', 122],
      ['Colesterol não-HDL', 150],
      ['Creatinina', 0.98],
    ],
  );
});
