// What held-out sets 175 and 177 missed: a portal's finding under its details and a lone "Resultado", hormone
// ranges by puberty stage, a single age with its sex, an arrow from a percentage to its count, a point-of-care
// test's state line, a meal's hours in a reference, a panel's title before its list, a total's fraction named by
// its word alone. One focused case each; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

const TODAY = { today: '2025-06-01' };

test("a portal's finding under the block's details and its 'Resultado' label alone is the title's (h1746)", () => {
  const text = [
    '▼ PROTOPARASITOLÓGICO (2 amostras)                   Liberado 12/03/2025 09:40',
    'Material: Fezes   Método: Lutz / Ritchie',
    'Resultado',
    'Cistos de Entamoeba coli (comensal)',
    'Valor de referência: Negativo',
    '',
    '▼ COPROCULTURA                                       Liberado 14/03/2025 11:02',
    'Material: Fezes   Método: semeadura em ágar SS',
    'Resultado',
    'Negativo – não houve crescimento de Salmonella e Shigella após 72 horas',
    'Valor de referência: Negativo',
  ].join('\n');
  assert.deepEqual(brief(parseLabReport(text, TODAY)), [
    ['PROTOPARASITOLÓGICO (2 amostras)', 'Cistos de Entamoeba coli (comensal)', 'alterado'],
    ['COPROCULTURA', 'Negativo', 'normal'],
  ]);
  const { read, unlisted } = lostAnalytes(text);
  assert.equal(read, 2);
  assert.deepEqual(unlisted, []);
});

test('ranges by Tanner stage, the stage not printed, leave the value unflagged (h1748)', () => {
  const text = [
    '| Exame | Resultado | Valores de Referência |',
    '|---|---|---|',
    '| **FSH** | 3,1 mUI/mL | Tanner 1: 0,3 a 2,0 · Tanner 2: 0,8 a 4,5 · Tanner 3-5: 1,4 a 8,8 |',
  ].join('\n');
  assert.deepEqual(brief(parseLabReport(text, { ...TODAY, sex: 'M', birthDate: '2013-02-10' })), [['FSH', 3.1, 'indeterminado']]);
});

test('a single age with its sex in brackets labels the range (h1748)', () => {
  const text = ['| Exame | Resultado | Valores de Referência |', '|---|---|---|', '| **IGFBP-3** | 6,9 µg/mL | 12 anos (M): 3,1 a 9,5 µg/mL |'].join('\n');
  assert.deepEqual(brief(parseLabReport(text, { ...TODAY, sex: 'M', birthDate: '2012-09-01' })), [['IGFBP-3', 6.9, 'normal']]);
  assert.deepEqual(brief(parseLabReport(text, { ...TODAY, sex: 'M', birthDate: '2009-09-01' })), [['IGFBP-3', 6.9, 'indeterminado']]);
});

test("OCR's i for the l of a hormone's name is read back (h1748)", () => {
  const text = ['| Exame | Resultado | Valores de Referência |', '|---|---|---|', '| **Proiactina** | 9,8 ng/mL | 4,0 a 15,2 ng/mL |'].join('\n');
  assert.deepEqual(brief(parseLabReport(text, TODAY)), [['Prolactina', 9.8, 'normal']]);
});

test("an arrow from a white cell's percentage to its count sets the count apart (h1750)", () => {
  const text = ['- Segmentados: 55 % → 4.950 /mm³ (ref. 1.500 a 7.000 /mm³)', '- Monócitos: 12 % → **1.080 /mm³** (ref. 100 a 1.000 /mm³)'].join('\n');
  assert.deepEqual(brief(parseLabReport(text, TODAY)), [
    ['Segmentados (%)', 55, 'indeterminado'],
    ['Segmentados', 4950, 'normal'],
    ['Monócitos (%)', 12, 'indeterminado'],
    ['Monócitos', 1080, 'alto'],
  ]);
});

test("a point-of-care test's state line stands between its name and its result, and a meal's hours are no age (h1751)", () => {
  const text = [
    'IDADE: 64 ANOS          SEXO: F',
    '--------------------------------------',
    'GLICOSE CAPILAR',
    ' ESTADO: JEJUM',
    ' RESULTADO:           131 mg/dL',
    ' REF: < 100 mg/dL',
    '- - - - - - - - - - - - - - - - - - -',
    'GLICEMIA CAPILAR',
    ' RESULTADO:           150 mg/dL',
    ' REF: < 160 mg/dL (ate 1h apos',
    '      refeicao)',
  ].join('\n');
  assert.deepEqual(brief(parseLabReport(text, TODAY)), [
    ['GLICOSE CAPILAR', 131, 'alto'],
    ['GLICEMIA CAPILAR', 150, 'normal'],
  ]);
});

test("a panel's title before its list of results is no part of the first (h1752)", () => {
  const text =
    'Eletroforese de hemoglobina por HPLC (HEMOCE, 02/02/2025): Hb A 41,2 % (VR: 95,0 a 98,0 %); Hb S 55,0 % (VR: ausente); Hb A2 3,8 % (VR: 2,0 a 3,5 %)';
  assert.deepEqual(brief(parseLabReport(text, TODAY)), [
    ['Hb A', 41.2, 'baixo'],
    ['Hb S', 55, 'indeterminado'],
    ['Hb A2', 3.8, 'alto'],
  ]);
});

test("a total's fraction named by its word alone after 'à custa de' is the same analyte's fraction (h1752)", () => {
  const text = '- Bilirrubina total: 2,4 mg/dL (VR: até 1,2 mg/dL), à custa de direta: 1,9 mg/dL (VR: até 0,3 mg/dL);';
  assert.deepEqual(brief(parseLabReport(text, TODAY)), [
    ['Bilirrubina total', 2.4, 'alto'],
    ['Bilirrubina direta', 1.9, 'alto'],
  ]);
});
