// The general causes behind the misses of held-out sets 160 and 162 (h1575, h1578, h1582, h1596, h1597,
// h1600), one focused case each: the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('references printed as a mean ± two standard deviations, declared so, are read as the range they span', () => {
  const text = [
    'LABORATÓRIO SÃO JOÃO   Paciente: MARTA SILVEIRA   Sexo: Feminino   Idade: 52 anos',
    'HEMOGRAMA                 Resultado             Valores de referência (média ± 2 DP)',
    '  Hemoglobina .......:  11,8 g/dL             13,8 ±  1,8',
    '  Hematócrito .......:  44,0 %                42   ±  6',
    '  Leucócitos ........:  12.300 /mm³           7.000 ± 3.000',
    '                      Relativo   Absoluto',
    '  Linfócitos ........:  31 %     2.813 /mm³   2.400 ± 1.400',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 11.8, 'g/dL', 'baixo'],
    ['Hematócrito', 44, '%', 'normal'],
    ['Leucócitos', 12300, '/mm³', 'alto'],
    ['Linfócitos (%)', 31, '%', 'indeterminado'],
    ['Linfócitos', 2813, '/mm³', 'normal'],
  ]);
});

test('without a declaration a "± n" beside a result is no reference', () => {
  const text = ['Paciente: JOSE   Sexo: Masculino   Idade: 40 anos', 'Glicose ......: 92 mg/dL   90 ± 10'].join('\n');
  const r = parseLabReport(text);
  assert.equal(
    r.analytes.some((a) => a.flag === 'normal'),
    false,
  );
});

test("a report a vision model translated into English: its references' words and the patient's sex are read", () => {
  const text = [
    "Here's the transcription of your report, translated into English.",
    '**Patient:** Lucia Prado',
    '**Sex:** Female · **Age:** 38 years',
    '',
    '| Test | Result | Units | Reference range |',
    '|---|---|---|---|',
    '| Total cholesterol | 201 ↑ | mg/dL | Desirable: < 190 |',
    '| ALT (SGPT) | 35 ↑ | U/L | up to 33 |',
    '| Creatinine | 1.05 | mg/dL | Men: 0.70 – 1.20 · Women: 0.50 – 0.90 |',
    '| LDL cholesterol | 141 | mg/dL | Goal by cardiovascular risk: low < 130 · intermediate < 100 · high < 70 · very high < 50 |',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Total cholesterol', 201, 'mg/dL', 'alto'],
    ['TGP (ALT)', 35, 'U/L', 'alto'],
    ['Creatinina', 1.05, 'mg/dL', 'alto'],
    ['LDL cholesterol', 141, 'mg/dL', 'alto'],
  ]);
});

test("a portal card's labelled bands with only their cut points under them: the good band's range", () => {
  const text = [
    'Portal do Paciente · Meus resultados',
    'Masculino · 44 anos',
    '',
    'Ferro sérico',
    '62 µg/dL',
    '      ▼',
    'BAIXO   NORMAL   ALTO',
    '      59      158',
    '',
    'Vitamina D (25-OH)',
    '41,0 ng/mL',
    '                 ▼',
    'DEFICIENTE   INSUFICIENTE   ADEQUADO   RISCO DE TOXICIDADE',
    '      20      30      100',
    '',
    'Glicose',
    '95 mg/dL',
    '               ▼',
    'NORMAL   DIABETES GESTACIONAL   DIABETES PRÉVIO',
    '      92      126',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ferro sérico', 62, 'µg/dL', 'normal'],
    ['Vitamina D (25-OH)', 41, 'ng/mL', 'normal'],
    ['Glicose', 95, 'mg/dL', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a transcription's pen notes in brackets after a row's print are no part of the row", () => {
  const text = [
    '- **Sexo:** Feminino · **Idade:** 63 anos',
    '- **Categoria de risco cardiovascular informada pelo médico:** ALTO RISCO',
    '',
    '- Hemoglobina glicada (HbA1c): **8,3 %** — VR: normal < 5,7 %; pré-diabetes 5,7 a 6,4 %; diabetes ≥ 6,5 %   [✎ escrito à mão: "era 9,1 em março"]',
    '- LDL colesterol: 96 mg/dL — Meta: baixo risco < 130; intermediário < 100; alto < 70; muito alto < 50 mg/dL   [✎ na margem: "alvo < 120 ?"]',
    '- Ferritina: **9 ng/mL** — VR: 15 a 150 ng/mL   [✎ "repor ferro 2x/dia", com uma seta]',
    '[✎ no rodapé, a lápis: "voltar em 30 dias"]',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemoglobina glicada (HbA1c)', 8.3, '%', 'alto'],
    ['LDL-colesterol', 96, 'mg/dL', 'alto'],
    ['Ferritina', 9, 'ng/mL', 'baixo'],
  ]);
});
