// The general causes behind the misses of held-out set 136, one focused case each: the parser on the few
// lines that show each layout, with other names, values and text than the set. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';
import { accountLines } from '../../src/labs/accounting.ts';
import { cleanLine } from '../../src/labs/lines.ts';

const brief = (r: LabParseResult) =>
  [...r.analytes.map((a) => [a.line, a.name, a.value, a.unit, a.flag] as const), ...r.qualitative.map((a) => [a.line, a.name, a.value, null, a.flag] as const)]
    .sort((a, b) => a[0] - b[0])
    .map(([, ...rest]) => rest);

test('a differential row whose right-aligned counts start nearer the header cell before theirs is read as its neighbours are', () => {
  const text = [
    'Paciente:  MARIA SOUZA LIMA',
    'Sexo: Feminino      Idade: 40 anos',
    '',
    '  LEUCOGRAMA                      %          /mm³       anterior /mm³      Ref. %          Ref. /mm³',
    '  Leucócitos                                 6.200           6.800                         3.600 a 11.000',
    '  Neutrófilos                  55,0       3.410         3.700            40,0 a 70,0     1.700 a 7.000',
    '  Linfócitos                 33,2      2.058       1.984              20,0 a 45,0       1.000 a 3.500',
    '  Monócitos                   8,0         496          430            2,0 a 10,0        100 a 1.000',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Leucócitos', 6200, '/mm³', 'normal'],
    ['Neutrófilos (%)', 55, '%', 'normal'],
    ['Neutrófilos', 3410, '/mm³', 'normal'],
    ['Linfócitos (%)', 33.2, '%', 'normal'],
    ['Linfócitos', 2058, '/mm³', 'normal'],
    ['Monócitos (%)', 8, '%', 'normal'],
    ['Monócitos', 496, '/mm³', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('goals one category a line, a dot leader after the category and a bar between the goals: the stated category picks the goal, the lines are accounted', () => {
  const text = [
    'Paciente: JOÃO MENDES ROCHA',
    'Sexo: Masculino    Idade: 58 anos',
    'Exame                     Resultado   Unidade   Valores de referência',
    'Colesterol total              181     mg/dL     inferior a 190',
    'LDL-colesterol                 85     mg/dL     ver metas abaixo',
    'Colesterol não-HDL            118     mg/dL     ver metas abaixo',
    '',
    'Metas de LDL-colesterol e de colesterol não-HDL:',
    '   Risco baixo ............ LDL inferior a 130 mg/dL   |   não-HDL inferior a 160 mg/dL',
    '   Risco intermediário .... LDL inferior a 100 mg/dL   |   não-HDL inferior a 130 mg/dL',
    '   Risco alto ............. LDL inferior a 70 mg/dL    |   não-HDL inferior a 100 mg/dL',
    '   Risco muito alto ....... LDL inferior a 50 mg/dL    |   não-HDL inferior a 80 mg/dL',
    'Categoria de risco cardiovascular informada pelo médico solicitante: RISCO ALTO.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Colesterol total', 181, 'mg/dL', 'normal'],
    ['LDL-colesterol', 85, 'mg/dL', 'alto'],
    ['Colesterol não-HDL', 118, 'mg/dL', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a result's row whose value a neighbour's goal prints as its bound is still listed when its result is lost", () => {
  const text = [
    'Paciente: JOÃO MENDES ROCHA',
    'Sexo: Masculino    Idade: 58 anos',
    '',
    'TRIGLICERÍDEOS                                   180 mg/dL',
    '   Valores de Referência',
    '      Desejável: inferior a 150 mg/dL',
    '',
    'LDL-COLESTEROL (calculado)                       130 mg/dL',
    '   Valores de Referência - metas conforme a categoria de risco cardiovascular',
    '      Baixo risco .............. inferior a 130 mg/dL',
    '      Alto risco ............... inferior a 70 mg/dL',
    '',
    'COLESTEROL NÃO-HDL (calculado)                   171 mg/dL',
    '   Valores de Referência - metas conforme a categoria de risco cardiovascular',
    '      Baixo risco .............. inferior a 160 mg/dL',
    '      Risco intermediário ...... inferior a 130 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value]),
    [
      ['Triglicerídeos', 180],
      ['LDL-colesterol', 130],
      ['Colesterol não-HDL', 171],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
  const lines = text.split('\n').map((raw, index) => ({ index, raw, text: cleanLine(raw, index).text }));
  const lost = r.analytes.findIndex((a) => a.name === 'LDL-colesterol');
  const listed = accountLines(
    lines,
    r.analytes.filter((_, k) => k !== lost),
    [],
  );
  // Its own goals go unaccounted with it; what matters is that its row is listed.
  assert.ok(listed.includes('LDL-COLESTEROL (calculado)                       130 mg/dL'));
});
