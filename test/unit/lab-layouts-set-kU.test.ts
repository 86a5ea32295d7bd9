// What held-out set 179 missed (and set 175's h1732, the same layout): a cumulative table whose header's first cell
// is the collection label or a section title, its samples oldest first; … One focused case each, rewritten with
// other names and values; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows } from '../support/lab-rows.ts';

const read = (lines: string[]) => parseLabReport(lines.join('\n'), { today: '2025-06-01' });

test("a ward's cumulative printout headed by the collection label reads the newest stamp's column, the last (h1768)", () => {
  const r = read([
    'Coleta (data/hora)             10/03 07:10  12/03 06:20  14/03 05:55   Unid.     Referência',
    '-------------------------------------------------------------------------------------------',
    'HEMOGRAMA',
    ' Hemoglobina                   8,1 L        8,9 L        10,3 L        g/dL      12,0-16,0',
    ' Leucócitos                    14.200 H     11.050 H     8.300         /mm³      4.000-10.000',
    ' Potássio                      3,1 L        3,9 *        4,6           mmol/L    3,5-5,1',
    ' Albumina                      2,6 L        ---          3,1 L         g/dL      3,5-5,2',
  ]);
  assert.deepEqual(rows(r), [
    ['Hemoglobina', 10.3, 'baixo'],
    ['Leucócitos', 8300, 'normal'],
    ['Potássio', 4.6, 'normal'],
    ['Albumina', 3.1, 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a dialysis sheet's monthly columns under a section title, oldest first, a target column last, read the newest month (h1732)", () => {
  const r = read([
    'HEMATOLOGIA (M)                           JAN/25    FEV/25    MAR/25    META',
    '  Hemoglobina (g/dL)                       11,4      10,6       9,9      10,0 a 12,0',
    '  Fósforo (mg/dL)                           4,9       5,8       6,2      3,5 a 5,5',
    '',
    'EXAMES TRIMESTRAIS (T) — coletados em MAR/25',
    '  Ferritina (ng/mL) ............................. 410        META 200 a 500',
    '  Ferro sérico (µg/dL) ........................... 73        —',
  ]);
  assert.deepEqual(
    rows(r).map(([name, value]) => [name, value]),
    [
      ['Hemoglobina', 9.9],
      ['Fósforo', 6.2],
      ['Ferritina', 410],
      ['Ferro sérico', 73],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a portal's tabbed differential with the relative and absolute counts in one cell, 'N % | M', reads both (h1772)", () => {
  const r = read([
    'Exame\tResultado\tUnidade\tReferência (2 a 6 anos)',
    'Leucócitos\t8.600\t/µL\t5.000 a 15.000',
    'Neutrófilos\t38 % | 3.268\t/µL\t1.500 a 8.500',
    'Eosinófilos\t12 % | 1.032\t/µL\t0 a 700',
  ]);
  assert.deepEqual(rows(r), [
    ['Leucócitos', 8600, 'normal'],
    ['Neutrófilos (%)', 38, 'indeterminado'],
    ['Neutrófilos', 3268, 'normal'],
    ['Eosinófilos (%)', 12, 'indeterminado'],
    ['Eosinófilos', 1032, 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a portal's numbered stool samples, each finding in the cell after its sample's, are read under the exam's title (h1772)", () => {
  const r = read([
    'PARASITOLÓGICO DE FEZES - 3 amostras (método de Hoffman)',
    'Amostra 1 (02/03/2025)\tNegativo',
    'Amostra 2 (03/03/2025)\tPresença de cistos de Entamoeba coli',
    'Amostra 3 (04/03/2025)\tNegativo',
    'Referência\tNegativo',
  ]);
  assert.deepEqual(rows(r), [
    ['Amostra 1', 'Negativo', 'normal'],
    ['Amostra 2', 'Presença de cistos de Entamoeba coli', 'alterado'],
    ['Amostra 3', 'Negativo', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a referral form's boxed exams typed as a ';' list, wrapped mid-result, are read with their wrapped references (h1770)", () => {
  const r = read([
    '| - Hemograma: Hb 10,1 g/dL (VR 12,0-16,0); VCM 71,2 fL                     |',
    '|   (VR 80-100); Leucócitos 3.100/mm³ (VR 4.000-10.000);                    |',
    '|   Linfócitos 1.020/mm³; Plaquetas 98.000/mm³ (VR 150.000-                 |',
    '|   450.000). Esfregaço: microcitose e hipocromia.                          |',
    '| - Ureia 31 mg/dL; TGO 44 U/L; TGP 19 U/L.                                 |',
  ]);
  assert.deepEqual(rows(r), [
    ['Hemoglobina', 10.1, 'baixo'],
    ['VCM', 71.2, 'baixo'],
    ['Leucócitos', 3100, 'baixo'],
    ['Linfócitos', 1020, 'indeterminado'],
    ['Plaquetas', 98000, 'baixo'],
    ['Ureia', 31, 'normal'],
    ['TGO (AST)', 44, 'alto'],
    ['TGP (ALT)', 19, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a terminal's second screen repeating the 'COD  EXAME' header keeps its code column: its rows are named without codes (h1771)", () => {
  const screen = (rows: string[]) => [' COD  EXAME                 RESULTADO   UNID      FL  REFERENCIA', ...rows, ' F1=AJUDA  F3=SAIR  F7=VOLTA  F8=AVANCA'];
  const r = read([
    ...screen([' 0320 UREIA                 52          MG/DL     *H  15 - 45']),
    ...screen([' 0610 TSH                   1.84        UUI/ML        0.40 - 4.50', ' 0540 BNP                   62          PG/ML         < 100']),
  ]);
  assert.deepEqual(
    rows(r).map(([name, value]) => [name, value]),
    [
      ['Ureia', 52],
      ['TSH', 1.84],
      ['BNP', 62],
    ],
  );
});

test("a method too long for its column, one space into the result's, leaves the result and its reference to read (h1765)", () => {
  const r = read([
    'EXAME                         METODOLOGIA                  RESULTADO            VALOR DE REFERÊNCIA',
    'Hepatite B, HBsAg             Quimioluminescência (CMIA)   Não Reagente         Não Reagente',
    'HTLV I/II, Anticorpos         Eletroquimiolumin. (ECLIA 2ª) Não Reagente        Não Reagente',
  ]);
  assert.deepEqual(rows(r), [
    ['Hepatite B, HBsAg', 'Não Reagente', 'normal'],
    ['HTLV I/II, Anticorpos', 'Não Reagente', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
