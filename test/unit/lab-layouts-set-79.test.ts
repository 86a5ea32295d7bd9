// The general causes behind the misses of held-out set 79, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test("a differential's reference columns, one per value column, each labelled with the patient's age band, are each its column's range", () => {
  const text = [
    'Paciente: PEDRO A. LIMA   Sexo: Masculino   Idade: 8 anos',
    'LEUCOGRAMA     %      /µL       Ref. % (7 a 12 anos)   Ref. /µL (7 a 12 anos)',
    'Segmentados    55     4.400     35 a 65                1.800 a 8.000',
    'Eosinófilos    9      720       1 a 5                  50 a 500',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Segmentados (%)', 55, '%', 'normal'],
    ['Segmentados', 4400, '/mm³', 'normal'],
    ['Eosinófilos (%)', 9, '%', 'alto'],
    ['Eosinófilos', 720, '/mm³', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("OCR's l or 1 for an I or l in a reference cell's words (the bound's, a cycle phase's) is read back", () => {
  const text = [
    '| Exame | Resultado | Unidade | Referência |',
    '|---|---|---|---|',
    '| Ferritina | 45 | ng/mL | lnferior a 150 |',
    '| Progesterona | 0,4 | ng/mL | Fase fo1icular: 0,2 a 1,5<br>Fase 1útea: 1,7 a 27,0 |',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ferritina', 45, 'ng/mL', 'normal'],
    ['Progesterona', 0.4, 'ng/mL', 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('goals by risk category with the categories after the first printed bare, no category given: no flag a value between them', () => {
  const text = [
    'EXAME            RESULTADO   UNIDADE   REFERÊNCIA',
    'Colesterol não-HDL   141     mg/dL     Baixo risco < 160 | Interm. < 130',
    '                                       Alto < 100 | Muito alto < 80',
    'Colesterol LDL   120         mg/dL     Baixo: < 130 / Intermediário: < 100',
    '                                       Alto: < 70 / Muito alto: < 50',
    'Apolipoproteína B   150      mg/dL     Baixo: < 100 / Intermediário: < 90 / Alto: < 80',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Colesterol não-HDL', 141, 'mg/dL', 'indeterminado'],
    ['LDL-colesterol', 120, 'mg/dL', 'indeterminado'],
    ['Apolipoproteína B', 150, 'mg/dL', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('age bands whose years a narrow column abbreviates to "a" ("40-49 a:", "70 a ou +:") pick the range by the age', () => {
  const text = [
    'Paciente: LUIZ C. PRADO   Sexo: Masculino   Idade: 63 anos',
    'EXAME            RESULTADO   UNIDADE   REFERÊNCIA',
    'PSA livre/total    5,2       ng/mL     40-49 a: até 2,5 | 50-59 a: até 3,5',
    '                                       60-69 a: até 4,5 | 70 a ou +: até 6,5',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.reference_high, a.flag]),
    [[5.2, 4.5, 'alto']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a name printed with dotted initials and a word after one space ("V.L.D.L. COLESTEROL") is one name', () => {
  const text = ['A.P.O. B COLESTEROL.....: 88 mg/dL     V.R.: até 100 mg/dL', 'V.L.D.L. COLESTEROL.....: 41 mg/dL     V.R.: até 30 mg/dL'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag]),
    [
      ['APO B COLESTEROL', 88, 'normal'],
      ['VLDL COLESTEROL', 41, 'alto'],
    ],
  );
});

test('a tier word right after a reference lead in its own cell ("V.R.: Normal até 5,6 %") labels the range, no result', () => {
  const text = ['GLICEMIA MÉDIA ESTIMADA......: 6,3 %      V.R.: Normal até 5,6 %', '                                          Diabetes: acima de 6,5 %'].join(
    '\n',
  );
  const r = parseLabReport(text);
  assert.equal(r.analytes.length, 1);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a footnote led by a result's name and a lead after a space ('DHEA por idade: 20-29 a: …') is that result's reference", () => {
  const text = [
    'Paciente: CLARA M. SOUSA   Sexo: Feminino   Idade: 27 anos',
    'EXAME            RESULTADO   UNIDADE   REFERÊNCIA',
    'Cortisol-B         14        µg/dL     ver faixas etárias abaixo',
    'Ferritina          60        ng/mL     15 a 150',
    '',
    '  Cortisol-B por idade: 20-29 a: 5 - 12 | 30-39 a: 4 - 15',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.reference_high, a.flag]),
    [
      ['Cortisol-B', 14, 12, 'alto'],
      ['Ferritina', 60, 150, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a block title's method in brackets in a column of its own ('HEMOGRAMA   (Método: …)') is a detail, no unread line", () => {
  const text = ['COAGULOGRAMA        (Método: coagulométrico + óptico)', 'Tempo de protrombina      12,8 s      10,0 a 14,0 s'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Tempo de protrombina', 12.8, 's', 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a day of the month in a chat's sentence ('no retorno do dia 14') is a date, no result", () => {
  const text = ['02/12/2026 10:15 - Lia: Glicose 88 mg/dL (ref. 70 a 99)', '02/12/2026 10:16 - Lia: Vou mostrar pro médico no retorno do dia 14'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Glicose', 88, 'mg/dL', 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a bracketed list of labelled ranges broken after a separator goes on up to the bracket on the next line, before the next result', () => {
  const text = [
    'Progesterona: 0,9 ng/mL (ref. fase folicular 0,2 a 1,5 / lútea 1,7 a 27,0 /',
    'pós-menopausa 0,1 a 0,8); Prolactina: 12,0 ng/mL (ref. 4,8 a 23,3)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.reference_text]),
    [
      ['Progesterona', 0.9, 'fase folicular 0,2 a 1,5 / lútea 1,7 a 27,0 / pós-menopausa 0,1 a 0,8'],
      ['Prolactina', 12, '4,8 a 23,3'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
