// The general causes behind misses of held-out set 197, one focused case each: the parser on a few lines in each
// layout's style, with other names and values than the fixtures. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowNamed as row, rows } from '../support/lab-rows.ts';

test("a tolerance test's time points named with the load one space from its grams: the load is the name's, no value", () => {
  const text = [
    'EXAME                              RESULTADO   UNIDADE   REFERÊNCIA',
    'GLICEMIA - JEJUM                   81          mg/dL     < 92',
    'GLICEMIA - 1 HORA PÓS 75 g         171         mg/dL     < 180',
    'GLICEMIA - 2 HORAS PÓS 75 g        160 (*)     mg/dL     < 153',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1995-01-01' });
  assert.deepEqual(rows(r), [
    ['Glicose', 81, 'normal'],
    ['GLICEMIA - 1 HORA PÓS 75 g', 171, 'normal'],
    ['GLICEMIA - 2 HORAS PÓS 75 g', 160, 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a serology's earlier result in words cut short, with its date, under the last column: an earlier sample, no part of the row", () => {
  const text = [
    'EXAME                     RESULTADO        UNIDADE   REFERÊNCIA          ANTERIOR',
    'HBsAg                     NÃO REAGENTE               Não reagente        Não reag. (03/01/25)',
    'ANTI-HCV                  NÃO REAGENTE               Não reagente        Não reagente (03/01/25)',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1995-01-01' });
  assert.deepEqual(rows(r), [
    ['HBsAg', 'NÃO REAGENTE', 'normal'],
    ['ANTI-HCV', 'NÃO REAGENTE', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a page's footer naming the order by its hyphen-grouped number: no result", () => {
  const text = [
    'CREATININA                1,02      mg/dL     0,50 a 0,90',
    'HU Regional de Sorocaba - Análises Clínicas - Pedido 24-1102-00871            Folha 1/2',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1970-01-01' });
  assert.deepEqual(rows(r), [['Creatinina', 1.02, 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a portal's tab-separated card titled with a time point after a dash: the card's result, named with its time", () => {
  const text = ['TROPONINA T ALTA SENSIBILIDADE - 3 h\tLiberado\t02/05/2025 04:12', 'Resultado\t19\tng/L', 'Valores de referência\tAté 14 ng/L'].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1960-01-01' });
  assert.deepEqual(rows(r), [['TROPONINA T ALTA SENSIBILIDADE - 3 h', 19, 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("age bands typed with the years on the first band only, under a typist's sentence announcing them: the patient's band", () => {
  const text = ['psa total 3,9 ng/mL', 'a referencia é pela idade, ta assim:', '40 a 49 anos ate 2,5 / 50 a 59 ate 3,5 / 60 a 69 ate 4,5'].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1962-01-01', today: '2025-06-01' });
  assert.deepEqual(rows(r), [['psa total', 3.9, 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a urine strip named in the exam's bracket, a dash for no unit: the strip is the method, the row a result", () => {
  const text = [
    'EXAME                        RESULTADO   UNIDADE   REFERÊNCIA',
    'Cetonas (tira reagente)      ++          --        Negativo',
    'Sangue oculto (fita reagente)   Negativo',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1990-01-01' });
  assert.equal(row(r, 'Cetonas (tira reagente)')?.value, '++');
  assert.equal(row(r, 'Cetonas (tira reagente)')?.flag, 'alterado');
  assert.equal(row(r, 'Sangue oculto (fita reagente)')?.value, 'Negativo');
  assert.deepEqual(r.unparsed_lines, []);
});

test("a primary care record's exam screen with the days asked for and done before the result: each row's result", () => {
  const text = [
    'Exame                          Solicitado em  Realizado em  Resultado',
    'Tipagem sanguínea              02/02/2025     05/02/2025    O',
    'Anti-HCV                       02/02/2025     05/02/2025    Não reagente',
    'Urina tipo 1                   02/02/2025     06/02/2025    Sem alterações',
    'Glicemia de jejum              02/02/2025     05/02/2025    79 mg/dL',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '2000-01-01' });
  assert.equal(row(r, 'Glicose')?.value, 79);
  assert.equal(row(r, 'Tipagem sanguínea')?.value, 'O');
  assert.equal(row(r, 'Anti-HCV')?.value, 'Não reagente');
  assert.equal(row(r, 'Urina tipo 1')?.value, 'Sem alterações');
  assert.deepEqual(r.unparsed_lines, []);
});

test("a visit's plan wrapped away from its doses, how many times a day with a bare mass: no result", () => {
  const text = [
    'HEMOGLOBINA    11,8 g/dL    11,0 a 15,0',
    'Observações da consulta:',
    'Idosa com anemia. Mantido sulfato ferroso 60 mg de ferro',
    'elementar 1x/dia e vitamina B12 1.000 mcg. Risco de quedas: orientada.',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1950-01-01' });
  assert.deepEqual(rows(r), [['Hemoglobina', 11.8, 'normal']]);
  // Listed, not read: the doses are no results, but a line with numbers left unread is shown.
  assert.ok(r.unparsed_lines.some((l) => l.startsWith('elementar 1x/dia')));
});

test('an undated result in words past a row under an ANTERIOR column is no earlier sample: it is listed, not cut', () => {
  // Found by the corpus property on h217 once the sets joined: `Anti-HCV   REAGENTE` typed after a row under the
  // column was cut as the earlier sample's word and lost in silence. Only a dated word there is the earlier sample's.
  const text = [
    'EXAME                         RESULTADO   FLAG  UNIDADE       REFERENCIA         ANTERIOR (10/06 05:55)',
    'SODIO                         131         L     mmol/L        136 - 145          133',
    'LACTATO                       2,6         H     mmol/L        0,5 - 2,2   Anti-HCV   REAGENTE',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1960-01-01' });
  assert.ok(
    r.unparsed_lines.some((l) => l.includes('REAGENTE')) || r.qualitative.some((q) => /reagente/i.test(String(q.value))),
    JSON.stringify(r.unparsed_lines),
  );
});
