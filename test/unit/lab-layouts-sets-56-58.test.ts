// The general causes behind the misses of held-out sets 56 and 58, one focused case each: the parser
// on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('result blocks in two page columns are read column by column when the whole page is indented', () => {
  const text = [
    '    LABORATÓRIO EXEMPLO                                        CNES 1234567',
    '    Paciente: JOSÉ DA SILVA                 Protocolo: 0912-553311',
    '    Sexo: Masculino     Idade: 52 anos      Coleta: 02/03/2025 07:40',
    '',
    '    BIOQUÍMICA                                      HORMÔNIOS',
    '    Albumina                                        Cortisol',
    '       Resultado:   3,1 g/dL                          Resultado:   14,2 µg/dL',
    '       V.R.: 3,5 a 5,2 g/dL                           V.R.: 6,2 a 19,4 µg/dL',
    '                                                   Prolactina',
    '    Cálcio total                                      Resultado:   31,0 ng/mL',
    '       Resultado:   9,4 mg/dL                         V.R.: Homens: 4,0 a 15,2 ng/mL',
    '       V.R.: 8,6 a 10,3 mg/dL                               Mulheres: 4,8 a 23,3 ng/mL',
    '',
    '    Laudo liberado eletronicamente por Dr. Paulo Reis - CRBM 1234',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Albumina', 3.1, 'g/dL', 'baixo'],
    ['Cálcio', 9.4, 'mg/dL', 'normal'],
    ['Cortisol', 14.2, 'µg/dL', 'normal'],
    ['Prolactina', 31, 'ng/mL', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('an app card prints the relative and the absolute count on one line split by a middle dot', () => {
  const text = [
    'Maria Souza · 45 anos · Feminino',
    'Pedido 0402-77120   ·   Coletado em 04/02/2025 07:10',
    '',
    'Leucograma',
    'Eosinófilos',
    '6,5 %   ·   455 /µL',
    'Referência: 1,0 a 5,0 %   ·   50 a 500 /µL',
    'Basófilos',
    '1,0 %   ·   70 /µL',
    'Referência: 0,0 a 2,0 %   ·   0 a 100 /µL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Eosinófilos (%)', 6.5, '%', 'alto'],
    ['Eosinófilos', 455, '/mm³', 'normal'],
    ['Basófilos (%)', 1, '%', 'normal'],
    ['Basófilos', 70, '/mm³', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a justified reference column prints a range with column gaps around its "a"', () => {
  const text = [
    'Sexo:   Masculino   Idade:   40 anos          Pedido:   4410-3321',
    'Coleta:   05/11/2024   a   06/11/2024',
    'Exame                  Resultado                 Valores de Referência',
    'Leucócitos                 3.100   /mm³            4.000   a   11.000',
    'Ácido úrico            5,1    mg/dL                     3,4   a   7,0',
    'Magnésio                      2,9   mg/dL          1,6   a   2,6',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Leucócitos', 3100, '/mm³', 'baixo'],
    ['Ácido úrico', 5.1, 'mg/dL', 'normal'],
    ['Magnésio', 2.9, 'mg/dL', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a table row's name wrapped onto the line above its value", () => {
  const text = [
    'Sexo: Feminino      Idade: 50 anos',
    'EXAME                                  RESULTADO     UNIDADE       VALORES DE REFERÊNCIA',
    'Velocidade de',
    'Hemossedimentação                      32            mm/h          Até 20',
    'Taxa de Filtração Glomerular',
    'Estimada (MDRD)                        55            mL/min/1,73m² Maior ou igual a 60',
    'GLICEMIA',
    'Glicose                                88            mg/dL         70 a 99',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([name, value, , flag]) => [name, value, flag]),
    [
      ['Velocidade de Hemossedimentação', 32, 'alto'],
      ['Taxa de filtração glomerular', 55, 'baixo'],
      ['Glicose', 88, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a reference printed as "a partir de" a bound includes the bound', () => {
  const text = [
    'Sexo: Masculino',
    'Resultados disponíveis a partir de 15/06/2025 no portal',
    '▪️ Vitamina D (25-OH): *30,0 ng/mL* _(ref.: a partir de 30)_',
    '▪️ HDL-colesterol: *38 mg/dL* _(ref.: a partir de 40)_',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([, value, unit, flag]) => [value, unit, flag]),
    [
      [30, 'ng/mL', 'normal'],
      [38, 'mg/dL', 'baixo'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a markdown table with a section column merged over its rows: a short name is no section cell', () => {
  const text = [
    'Sexo: Feminino',
    '| Setor | Exame | Resultado | Unidade | Valores de referência |',
    '|---|---|---|---|---|',
    '| **ELETRÓLITOS** | Sódio | 133 | mmol/L | 136 a 145 |',
    '| | Cloro | 101 | mmol/L | 98 a 107 |',
    '| | Magnésio | 1,5 | mg/dL | 1,6 a 2,6 |',
    '| | CRM 12.345 | | | |',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([name, value, , flag]) => [name, value, flag]),
    [
      ['Sódio', 133, 'baixo'],
      ['Cloro', 101, 'normal'],
      ['Magnésio', 1.5, 'baixo'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a portal card sets its labelled ranges apart with a middle dot, each label after its range', () => {
  const text = [
    'Paciente: Ana Lima · Feminino · 39 anos',
    'Ferritina',
    'Liberado em 04/10/2024',
    '210 ng/mL',
    'Referência: 15 a 150 ng/mL (mulheres) · 30 a 400 ng/mL (homens)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Ferritina', 210, 'ng/mL', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('OCR reads the O ending a short name or a header label as a zero ("Anti-TP0", "Pedid0:")', () => {
  const text = [
    'Sexo: Feminino     Idade: 38 anos',
    'Pedid0: 55.120',
    'Lote AB0 12',
    'Anti-TP0 ................. 61 UI/mL        VR: inferior a 34 UI/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([, value, unit, flag]) => [value, unit, flag]),
    [[61, 'UI/mL', 'alto']],
  );
  assert.match(r.analytes[0]!.name, /TPO/);
  assert.deepEqual(r.unparsed_lines, []);
});

test("the request's medicines line is no result, its doses with units and all", () => {
  const text = [
    'Sexo: Masculino   Idade: 66 anos',
    'Medicação em uso: metformina 850 mg/dia (há 2 anos); losartana 50 mg/dia',
    'Hemoglobina glicada (HbA1c)      6,8   %      inferior a 5,7',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([, value, unit, flag]) => [value, unit, flag]),
    [[6.8, '%', 'alto']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a result after the medicines line's doses, as a labelled field after a ';', is listed unread, never dropped", () => {
  const text = [
    'Medicamentos informados: sinvastatina 40 mg/dia; AAS 100 mg ; Anti-HCV: Reagente',
    'Hemoglobina glicada (HbA1c)      6,8   %      inferior a 5,7',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([, value, unit, flag]) => [value, unit, flag]),
    [[6.8, '%', 'alto']],
  );
  assert.equal(r.unparsed_lines.length, 1);
  assert.match(r.unparsed_lines[0]!, /Anti-HCV: Reagente/);
});
