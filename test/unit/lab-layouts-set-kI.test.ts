// The general causes behind misses of held-out sets 169 and 171, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('an antibiogram with a dot leader before its MIC column reads the S / R after the MIC (h1667)', () => {
  const text = [
    'UROCULTURA',
    '   Microrganismo isolado ..... Klebsiella pneumoniae',
    '',
    '   ANTIBIOGRAMA                 CIM (µg/mL)    Interpretação',
    '   Cefepima ................... 2              S',
    '   Meropenem .................. <=0,25         S',
    '   Gentamicina ................ >=16           R',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Microrganismo isolado', 'Klebsiella pneumoniae', null, 'indeterminado'],
    ['Cefepima', 'S', null, 'indeterminado'],
    ['Meropenem', 'S', null, 'indeterminado'],
    ['Gentamicina', 'R', null, 'indeterminado'],
  ]);
});

test('a drifting PDF row keeps its earlier sample after the reference, wherever it starts (h1683)', () => {
  const text = [
    'Paciente: JOANA SILVA    Sexo: Feminino    Idade: 60 anos',
    'HEMOGRAMA',
    '                                                                          Resultado anterior',
    'ERITROGRAMA            Resultado     Unidade           Valores de Referência     10/01/2025',
    'Hemácias                  4,10       milhões/mm³       3,90 a 5,03               4,00',
    'Hemoglobina      11,4 g/dL                       12,0 a 15,5          11,9',
    'VCM            85,0   fL         80,0 a 100,0                  84,6',
    '',
    'LEUCOGRAMA                    %         /mm³        Valores de Referência (/mm³)',
    'Leucócitos                          6.300               3.500 a 10.500          6.120',
    'Neutrófilos            60,2       3.793                1.700 a 7.000',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemácias', 4.1, 'milhões/mm³', 'normal'],
    ['Hemoglobina', 11.4, 'g/dL', 'baixo'],
    ['VCM', 85, 'fL', 'normal'],
    ['Leucócitos', 6300, '/mm³', 'normal'],
    ['Neutrófilos (%)', 60.2, '%', 'indeterminado'],
    ['Neutrófilos', 3793, '/mm³', 'normal'],
  ]);
  // The earlier samples' numbers drifted left of their column, or past the reference column under a header that
  // does not name theirs, are not read, and their lines are listed: no column stands over them, and cut from the
  // accounting too a number there was dropped in silence (the corpus property's bare number after a range).
  assert.deepEqual(r.unparsed_lines, [
    'Hemoglobina      11,4 g/dL                       12,0 a 15,5          11,9',
    'VCM            85,0   fL         80,0 a 100,0                  84,6',
    'Leucócitos                          6.300               3.500 a 10.500          6.120',
  ]);
});

test('a bare number after a closed range in a report that names no earlier column anywhere is listed', () => {
  const text = [
    'Exame          Resultado     Unidade     Valores de Referência',
    'Glicose        99            mg/dL       70 a 99      48,9',
    'Ureia          30            mg/dL       15 a 45',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Ureia', 30, 'mg/dL', 'normal']]);
  assert.deepEqual(r.unparsed_lines, ['Glicose        99            mg/dL       70 a 99      48,9']);
});

test('a LIS row numbered one space before a short name under "SEQ EXAME" (h1692)', () => {
  const text = [
    'Paciente : JOSE DA SILVA        Sexo: M    Idade: 70a',
    'SEQ EXAME                               RESULTADO   UNID.        F  REFERÊNCIA',
    '-------------------------------------------------------------------------------',
    '001 RNI                                    1,60                H  0,80 a 1,20',
    '002 TSH                                    6,82   µUI/mL       H  0,45 a 4,50',
    '003 T4 LIVRE                               1,52   ng/dL        H  0,70 a 1,48',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['RNI', 1.6, null, 'alto'],
    ['TSH', 6.82, 'µUI/mL', 'alto'],
    ['T4 livre', 1.52, 'ng/dL', 'alto'],
  ]);
});

test('a blood-gas thermal printout: operator id, "%PCV" and a range faded to shade glyphs (h1690)', () => {
  const text = [
    '  GASOMETRO PORTATIL XZ-3',
    '--------------------------------',
    'Operador ID: 2245',
    'Idade: 50   Sexo: F',
    '--------------------------------',
    'pH          7,401',
    '             [7,350 - 7,450]',
    'Hct         39   %PCV',
    '             [38 - 51]',
    'Hb          13,1 g/dL',
    '             [12,0 - 1░,░]',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['pH', 7.401, null, 'normal'],
    ['Hematócrito', 39, '%', 'normal'],
    ['Hemoglobina', 13.1, 'g/dL', 'indeterminado'],
  ]);
});
