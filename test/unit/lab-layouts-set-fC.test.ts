// The general causes behind the misses of held-out set 96 (h934, h935, h936, h941) and of h928 in set 95, one
// focused case each: the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test("a portal card's verdict after a coloured dot on its own line keeps the reference under it the value's", () => {
  const text = [
    'Paciente: CARLOS MENDES   Masculino • 49 anos',
    'PSA livre',
    'Liberado em 14/08/2025',
    '0,42 ng/mL',
    '● Dentro da referência',
    'Valor de referência: Inferior a 0,93 ng/mL',
    'Ver evolução ›',
    'CEA',
    'Liberado em 14/08/2025',
    '6,1 ng/mL',
    '▲ Acima da referência',
    'Valor de referência: Até 5,0 ng/mL',
    'Ver evolução ›',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['PSA livre', 0.42, 'ng/mL', 'normal'],
    ['CEA', 6.1, 'ng/mL', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a comment typed after a pictograph at the end of a pasted result line is no part of its reference', () => {
  const text = [
    'Paciente: ROSA LIMA   Sexo: Feminino   Idade: 52 anos',
    'AMILASE 131 U/L (28 a 100) 😬 essa subiu bastante',
    'LIPASE 40 U/L (13 a 60) ✅ ok graças a deus',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['AMILASE', 131, 'U/L', 'alto'],
    ['LIPASE', 40, 'U/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a non-HDL goal set 30 mg/dL above the LDL's is read as no range, the value alone under its wrapped name", () => {
  const text = [
    'PERFIL LIPÍDICO (mg/dL)',
    '  Colesterol total .......      214          Desejável: < 190',
    '  Colesterol não-HDL',
    '                        172                  Meta: 30 mg/dL acima da meta do',
    '                                             LDL-colesterol',
    '  Triglicérides .........      131          Desejável: < 150',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Colesterol total', 214, null, 'alto'],
    ['Colesterol não-HDL', 172, null, 'indeterminado'],
    ['Triglicerídeos', 131, null, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  // On one line, and written as the LDL goal plus 30.
  assert.deepEqual(brief(parseLabReport('NÃO-HDL COLESTEROL   166 mg/dL   Meta: LDL-c + 30 mg/dL')), [['Colesterol não-HDL', 166, 'mg/dL', 'indeterminado']]);
});

test('in a table printed one cell per line, a range heading under the value and its unit opens its reference', () => {
  const text = [
    'Paciente: JOÃO PEREIRA   Sexo: Masculino   Idade: 67 anos',
    'Exame',
    'Resultado',
    'Unidade',
    'Valores de referência',
    '25-OH Vitamina D',
    '24,9',
    'ng/mL',
    'Adultos saudáveis até 60 anos:',
    'acima de 20',
    'Acima de 60 anos:',
    '30 a 100',
    'Ureia',
    '41',
    'mg/dL',
    '17 a 49',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Vitamina D (25-OH)', 24.9, 'ng/mL', 'baixo'],
    ['Ureia', 41, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("the patient's sex and age printed one cell per line without colons pick the ranges", () => {
  const text = [
    'Paciente',
    'ANA SOUZA',
    'Sexo',
    'Feminino',
    'Idade',
    '34 anos',
    'Creatinina',
    '1,02',
    'mg/dL',
    'Homens: 0,70 a 1,20 / Mulheres: 0,50 a 0,90',
  ].join('\n');
  assert.deepEqual(brief(parseLabReport(text)), [['Creatinina', 1.02, 'mg/dL', 'alto']]);
});

test('a one-cell-per-line table with a method column: the method under each name is no title, a finding is the result', () => {
  const text = [
    'LAUDO DE EXAMES',
    'Exame',
    'Metodologia',
    'Resultado',
    'Valor de Referência',
    'Estrongiloidíase - Pesquisa de larvas',
    'Baermann-Moraes',
    'Positivo - larvas de Strongyloides stercoralis',
    'Negativo',
    'Sífilis - Anticorpos treponêmicos',
    'Quimioluminescência (CLIA)',
    'Não reagente',
    'Não reagente',
    'Sífilis - Anticorpos treponêmicos',
    'Imunocromatografia (teste rápido)',
    'Não reagente',
    'Não reagente',
    'Hepatite B - Anti-HBs',
    'Eletroquimioluminescência',
    'Reagente',
    'Não reagente',
    'Observações:',
    'Anti-HBs reagente com anti-HBc não reagente: perfil vacinal.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Estrongiloidíase - Pesquisa de larvas', 'Positivo - larvas de Strongyloides stercoralis', null, 'alterado'],
    // The same exam by two methods: each tells which it is.
    ['Sífilis - Anticorpos treponêmicos (CLIA)', 'Não reagente', null, 'normal'],
    ['Sífilis - Anticorpos treponêmicos (teste rápido)', 'Não reagente', null, 'normal'],
    ['Hepatite B - Anti-HBs', 'Reagente', null, 'alterado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
