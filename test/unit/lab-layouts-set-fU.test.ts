// The general causes behind the misses of held-out set 109, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('value columns both headed "Resultado" and told apart by their unit in brackets read both counts', () => {
  const text = [
    'Paciente: Carlos Eduardo Menezes',
    'Sexo: Masculino    Idade: 47 anos',
    '',
    'DIFERENCIAL',
    'Célula\tResultado (%)\tResultado (/µL)\tReferência (%)\tReferência (/µL)',
    'Segmentados\t61,8\t4.450\t40,0 a 75,0\t1.800 a 7.500',
    'Linfócitos\t48,9\t3.521\t20,0 a 45,0\t1.000 a 3.200',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([name, value, , flag]) => [name.replace(/\s*\(%\)$/, ''), value, flag]),
    [
      ['Segmentados', 61.8, 'normal'],
      ['Segmentados', 4450, 'normal'],
      ['Linfócitos', 48.9, 'alto'],
      ['Linfócitos', 3521, 'alto'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a goals note naming its analytes only in brackets gives them its goals by risk category', () => {
  const text = [
    'Paciente: Renata Cordeiro   Sexo: Feminino   Idade: 52 anos',
    '',
    '| Exame | Resultado | Referência |',
    '|---|---|---|',
    '| LDL-colesterol | 84 mg/dL | ver nota |',
    '| Colesterol não-HDL | 171 mg/dL | ver nota |',
    '',
    '¹Alvos conforme risco (LDL-c / não-HDL-c): baixo < 130 / < 160; intermediário < 100 / < 130; alto < 70 / < 100; muito alto < 50 / < 80 mg/dL.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    // Between the high and the intermediate risk's goals: the category decides, and none is stated.
    ['LDL-colesterol', 84, 'mg/dL', 'indeterminado'],
    // Above the low risk's goal, the loosest: above whichever applies.
    ['Colesterol não-HDL', 171, 'mg/dL', 'alto'],
  ]);
});

test('a risk category stated with the word "risco" beside it picks its goal; bar-parted goals are accounted', () => {
  const report = (stated: string) =>
    [
      'Paciente: Helio Tavares   Sexo: Masculino   Idade: 66 anos',
      stated,
      '                              Resultado      Meta',
      '   LDL-colesterol              88 mg/dL      Meta: baixo risco < 130 | intermediário < 100 | alto < 70 | muito alto < 50',
      '   Colesterol total           168 mg/dL      Desejável: < 190 mg/dL',
    ].join('\n');
  for (const stated of ['Categoria de risco cardiovascular definida pelo médico: MUITO ALTO RISCO', 'Risco cardiovascular: risco muito alto']) {
    const r = parseLabReport(report(stated));
    assert.deepEqual(brief(r), [
      ['LDL-colesterol', 88, 'mg/dL', 'alto'],
      ['Colesterol total', 168, 'mg/dL', 'normal'],
    ]);
    assert.deepEqual(r.unparsed_lines, []);
  }
  // Stated nowhere, the value between goals is placed nowhere.
  assert.equal(parseLabReport(report('')).analytes[0]!.flag, 'indeterminado');
});

test("a reference cut after its decimal comma stays no range with the transcriber's aside after the mark", () => {
  const text = [
    'Paciente: Sandra Melo   Sexo: Feminino   Idade: 39 anos',
    '- T4 livre: 1,21 ng/dL — VR: 0,70 a 1,[cortado] (borda da foto)',
    '- Prolactina: 14,2 ng/mL — VR: 4,8 a 23,3 ng/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['T4 livre', 1.21, 'ng/dL', 'indeterminado'],
    ['Prolactina', 14.2, 'ng/mL', 'normal'],
  ]);
});
