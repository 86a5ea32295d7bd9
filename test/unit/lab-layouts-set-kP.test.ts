// What held-out set 175's first blind run missed in h1723, h1725, h1728 and h1730: a column row's finding wrapped
// under its cell, a section's title beside whom the reference column is for, an immunoassay's word read against
// its tiers of index bands, a wrapped comment taken for an earlier-results heading, a lab's report in Spanish.
// One focused case each, the lines rewritten; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief, rowsWithUnits } from '../support/lab-rows.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

const TODAY = { today: '2025-06-01' };

test("a column row's finding wrapped under its own cell is read whole, the wrap no line of its own (h1725)", () => {
  const text = [
    'EXAME PARASITOLOGICO DE FEZES',
    'EXAME                         RESULTADO                VALOR DE REFERENCIA',
    'PESQUISA DE HELMINTOS         OVOS DE ASCARIS          NEGATIVO',
    '                              LUMBRICOIDES',
    'PESQUISA DE PROTOZOARIOS      NEGATIVO                 NEGATIVO',
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(brief(r), [
    ['PESQUISA DE HELMINTOS', 'OVOS DE ASCARIS LUMBRICOIDES', 'alterado'],
    ['PESQUISA DE PROTOZOARIOS', 'NEGATIVO', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a section's title beside whom the reference column is for is no word result of the panel's title (h1723)", () => {
  const text = [
    'HEMOGRAMA',
    'Material: sangue total com EDTA',
    '                                    Resultado                Valores de referência',
    'SÉRIE VERMELHA                                               Homens adultos',
    'Hemácias                            5,02 milhões/mm³         4,50 a 5,90 milhões/mm³',
    'Hemoglobina                         15,1 g/dL                13,5 a 17,5 g/dL',
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(r.qualitative, []);
  assert.deepEqual(
    brief(r).map((x) => x[0]),
    ['Hemácias', 'Hemoglobina'],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("an immunoassay's word result is read against its tiers of index bands, the index between them (h1728)", () => {
  const text = [
    'Exame: HEPATITE B - ANTI-HBs',
    'Metodologia: Eletroquimioluminescência',
    'Resultado: NÃO REAGENTE',
    'Índice: 0,44 S/CO',
    'Valor de Referência: Não Reagente: Índice inferior a 1,00 | Reagente: Índice igual ou superior a 1,00',
    '',
    'Exame: HEPATITE B - ANTI-HBc IgM',
    'Metodologia: Eletroquimioluminescência',
    'Resultado: REAGENTE',
    'Índice: 3,17 S/CO',
    'Valor de Referência: Não Reagente: Índice inferior a 1,00 | Reagente: Índice igual ou superior a 1,00',
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(
    r.qualitative.map((q) => [q.value, q.flag]),
    [
      ['NÃO REAGENTE', 'normal'],
      ['REAGENTE', 'alterado'],
    ],
  );
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [
      [0.44, 'normal'],
      [3.17, 'alto'],
    ],
  );
});

test("a comment's sentence wrapped onto a line opening with 'histórico' heads no earlier results (h1728)", () => {
  const text = [
    'Exame: CHAGAS - ANTICORPOS IgG',
    'Resultado: NÃO REAGENTE',
    'Índice: 0,12 S/CO',
    'Valor de Referência: inferior a 1,00',
    'Observação: Resultado a ser avaliado junto ao',
    'histórico clínico e epidemiológico.',
    'Exame: TOXOPLASMOSE - IgG',
    'Resultado: REAGENTE',
    'Índice: 41,3 UI/mL',
    'Valor de Referência: inferior a 1,6',
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(
    r.analytes.map((a) => a.value),
    [0.12, 41.3],
  );
  const { unlisted } = lostAnalytes(text);
  assert.deepEqual(unlisted, []);
});

test("a lab's report in Spanish: its names, 'Hombres'/'Mujeres' and 'mayor a' references, the signer's R.P. (h1730)", () => {
  const text = [
    'ANÁLISIS                           RESULTADO            VALORES DE REFERENCIA',
    'Glóbulos Rojos                     4.600.000 /mm³       4.200.000 - 5.400.000 /mm³',
    'Glicemia en ayunas                 91 mg/dl             70 - 110 mg/dl',
    'Urea                               33 mg/dl             15 - 45 mg/dl',
    'Colesterol HDL                     39 mg/dl             Hombres: mayor a 40 mg/dl',
    'Ácido úrico                        6,1 mg/dl            Hombres: 3,4 - 7,0 mg/dl',
    '                                                        Mujeres: 2,4 - 5,7 mg/dl',
    '',
    '                               Bioq. Ana Paula Giménez - R.P. 3.118',
  ].join('\n');
  const r = parseLabReport(text, { ...TODAY, sex: 'M' });
  assert.deepEqual(brief(r), [
    ['Hemácias', 4600000, 'normal'],
    ['Glicose', 91, 'normal'],
    ['Ureia', 33, 'normal'],
    ['HDL-colesterol', 39, 'baixo'],
    ['Ácido úrico', 6.1, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a white cell's name ending on '%' is the catalogue's, its value the relative count in per cent", () => {
  const text = ['LEUCOGRAMA', 'Linfocitos %          41          20 - 45', 'Monocitos %           7           2 - 10'].join('\n');
  assert.deepEqual(rowsWithUnits(parseLabReport(text, TODAY)), [
    ['Linfócitos (%)', 41, '%', 'normal'],
    ['Monócitos (%)', 7, '%', 'normal'],
  ]);
});
