// The general causes behind the misses of held-out set 98 (h953, h957, h960), one focused case each: the
// parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('a public lab table with method and release-date columns whose name and method cells wrap onto the next line', () => {
  const text = [
    'Exame                 Metodologia            Resultado         Valor de            Liberado em',
    '                                                                Referência',
    '-----------------------------------------------------------------------------------------------',
    'Toxoplasmose,         Eletroquimiolumin.     Reagente          Não reagente        12/03/2025',
    'Anticorpos IgG        (ECLIA)',
    'Sífilis, Teste        Floculação em          Reagente          Não reagente        12/03/2025',
    'não treponêmico       lâmina                 Título: 1/8',
    'Hepatite B,           Eletroquimiolumin.     Não reagente      Não reagente        12/03/2025',
    'HBsAg                 (ECLIA)',
    'HTLV-1/2, Ac          Eletroquimiolumin.     Não reagente      Não reagente        12/03/2025',
    'p19 e gp46            (ECLIA) - 3ª geração',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Toxoplasmose, Anticorpos IgG', 'Reagente', null, 'alterado'],
    ['Sífilis, Teste não treponêmico', '1/8', null, 'alterado'],
    ['Hepatite B, HBsAg', 'Não reagente', null, 'normal'],
    ['HTLV-1/2, Ac p19 e gp46', 'Não reagente', null, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a header's last cell is the earlier sample's date, headed as previous on the line above", () => {
  const text = [
    'QUÍMICA CLÍNICA                                             Anterior',
    'Exame                      Result.  Unidade    Valores de Referência   02/02/2025',
    'UREIA                         48   mg/dL      15 a 40                        51',
    'POTÁSSIO                     4,1   mmol/L     3,5 a 5,1                     3,9',
    'LDL-COLESTEROL               118   mg/dL      Meta conforme categoria       131',
    '                                              de risco cardiovascular',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ureia', 48, 'mg/dL', 'alto'],
    ['Potássio', 4.1, 'mmol/L', 'normal'],
    ['LDL-colesterol', 118, 'mg/dL', 'indeterminado'],
  ]);
});

test('complement fractions named alone under their title, and a sedimentation rate read at the first hour', () => {
  const text = [
    'COMPLEMENTO SÉRICO',
    '   C4 ..................: 41 mg/dL        (referência: 10 a 40 mg/dL)',
    '   C3 ..................: 95 mg/dL        (referência: 90 a 180 mg/dL)',
    '',
    'HEMOSSEDIMENTAÇÃO (VHS)',
    '   Resultado 1ª hora ...: 12 mm',
    '   Valor de referência: até 15 mm',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Complemento C4', 41, 'mg/dL', 'alto'],
    ['Complemento C3', 95, 'mg/dL', 'normal'],
    ['HEMOSSEDIMENTAÇÃO (VHS)', 12, 'mm/h', 'normal'],
  ]);
});

test("a reference column that stacks one scale's tiers down the rows is every row's", () => {
  const text = [
    'ANTICORPOS ANTI-ENA',
    '   Anticorpo        Resultado   Unidade   Referência',
    '   Anti-Scl-70        1,1       U/mL      Negativo: < 7,0',
    '   Anti-Jo-1          3,2       U/mL      Indeterminado: 7,0 a 10,0',
    '   Anti-Centrômero   14,0       U/mL      Positivo: > 10,0',
    '   Anti-Sm            0,9       U/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag]),
    [
      ['Anti-Scl-70', 1.1, 'normal'],
      ['Anti-Jo-1', 3.2, 'normal'],
      ['Anti-Centrômero', 14, 'alto'],
      ['Anti-Sm', 0.9, 'normal'],
    ],
  );
});

test("a 24-hour urine table's reference by sex, wrapped over two lines, is the excretion's; volume and per-weight rows", () => {
  const text = [
    'Sexo: F          Idade: 52 anos',
    'VOLUME',
    '  Volume urinário (24 h) ........ 2.310 mL        VR: 600 a 1.800 mL/24 h',
    '',
    'Analito              Concentração          Excreção em 24 h       Valores de Referência',
    'Ureia                1.120 mg/dL           25,9   g/24 h          Homens: 26 a 43',
    '                                                                  Mulheres: 20 a 35',
    'Cálcio               9,8   mg/dL           226    mg/24 h         Homens: até 300',
    '                                                                  Mulheres: até 250',
    'Cálcio por peso corporal ......... 3,6 mg/kg/24 h   VR: inferior a 4,0 mg/kg/24 h',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Volume urinário (24 h)', 2310, 'mL', 'alto'],
    ['Ureia', 1120, 'mg/dL', 'indeterminado'],
    ['Ureia', 25.9, 'g/24h', 'normal'],
    ['Cálcio', 9.8, 'mg/dL', 'indeterminado'],
    ['Cálcio', 226, 'mg/24h', 'normal'],
    ['Cálcio por peso corporal', 3.6, 'mg/kg/24h', 'normal'],
  ]);
});

test("a block's method cell with the value at its right, and an estimate's equation line under its title", () => {
  const text = [
    'NT-PROBNP',
    'Método: Eletroquimioluminescência          1.240 pg/mL',
    '                                             Inferior a 125 pg/mL',
    '',
    'TAXA DE FILTRAÇÃO GLOMERULAR ESTIMADA',
    'Equação CKD-EPI 2021 (creatinina)',
    'Resultado ........: 72 mL/min/1,73 m²',
    'Valor de referência: superior a 60 mL/min/1,73 m²',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [
      ['NT-PROBNP', 1240, 'alto'],
      ['Taxa de filtração glomerular', 72, 'normal'],
    ],
  );
});

test('types joined by a plus in a name, an illegible reference note, and the fields of a reactive ANA reading', () => {
  const text = [
    'Anti-HTLV 1+2 (CMIA)               NÃO REAGENTE      Não reagente',
    'Cloreto                      101 mEq/L      [referência ilegível - mancha de umidade]',
    '',
    'FAN - HEp-2',
    '   Resultado ...............: REAGENTE',
    '   Título ..................: 1/320',
    '   Padrão ..................: Nuclear pontilhado fino (AC-4)',
    '   Placa metafásica ........: cromatina corada',
    '   Valor de referência: Não reagente',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    [...r.analytes, ...r.qualitative].map((a) => [a.name, a.value, a.flag]),
    [
      ['Cloro', 101, 'indeterminado'],
      ['Anti-HTLV 1+2 (CMIA)', 'NÃO REAGENTE', 'normal'],
      ['FAN - HEp-2', '1/320', 'alterado'],
    ],
  );
});

test("a note's wrapped line with a result word in its sentence is no result", () => {
  const text = [
    'ANTI-DNA NATIVO',
    '   Resultado ...............: NÃO REAGENTE',
    '   Valor de referência: Não reagente',
    '   Nota: a pesquisa segue o consenso vigente e os',
    '   critérios do ACR. Anticorpo reagente em baixos títulos pode ocorrer em idosos.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.qualitative.map((a) => [a.name, a.value, a.flag]),
    [['ANTI-DNA NATIVO', 'NÃO REAGENTE', 'normal']],
  );
});
