// The general causes behind the misses of held-out sets 51 and 52, one focused case each, with other
// analytes and values than the reports: the parser on the few lines that show each layout, and a
// negative case where the change could over-read. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';
import { isReferenceText, labelledRanges } from '../../src/labs/reference.ts';

test('set 52: a discharge summary with the reference before one column per sample date reads the newest column', () => {
  const text = [
    'Sexo: F',
    'Internação: 10/05/2025   Alta: 14/05/2025',
    'Exame                    Unidade   Referência          10/05/25     14/05/25',
    '                                                       ENTRADA      SAÍDA',
    'Bilirrubina total        mg/dL     até 1,2             2,8          1,5',
    'Cálcio                   mg/dL     8,6 - 10,3          7,9          8,1',
    'Lactato                  mmol/L    0,5 - 2,2           4,1          1,3',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Bilirrubina total', 1.5, 'mg/dL', 'alto'],
    ['Cálcio', 8.1, 'mg/dL', 'baixo'],
    ['Lactato', 1.3, 'mmol/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('set 52: a unit column between the name and a reference printed before the result goes after the value', () => {
  const r = parseLabReport(['Sexo: M', 'Exame        Unidade   Referência    Resultado', 'Sódio        mmol/L    135 - 145     131'].join('\n'));
  assert.deepEqual(brief(r), [['Sódio', 131, 'mmol/L', 'baixo']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('set 52: references under the block name timed samples by their number ("1ª hora: inferior a …")', () => {
  const text = [
    'Sexo: F',
    'CURVA GLICÊMICA',
    '                    Resultado',
    '   Basal            86 mg/dL',
    '   1ª hora          192 mg/dL',
    '   2ª hora          141 mg/dL',
    '',
    'Valores de referência:',
    '   Basal: inferior a 92 mg/dL',
    '   1ª hora: inferior a 180 mg/dL',
    '   2ª hora: inferior a 153 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Basal', 86, 'mg/dL', 'normal'],
    ['1ª hora', 192, 'mg/dL', 'alto'],
    ['2ª hora', 141, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('set 52: a reference line may name the result without the qualifier after its dash ("VDRL" for "VDRL - Floculação")', () => {
  const text = [
    'Sexo: F',
    'SOROLOGIAS',
    '                                        Resultado',
    '   VDRL - Floculação                     Reagente',
    '   HTLV 1/2 - Anticorpos totais          Não reagente',
    '',
    'Valores de referência:',
    '   VDRL: Não reagente',
    '   HTLV 1/2: Não reagente',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['VDRL - Floculação', 'Reagente', null, 'alterado'],
    ['HTLV 1/2 - Anticorpos totais', 'Não reagente', null, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('set 52: the digits of a name before a dash-separated value are no value ("CA 15-3 — 41 U/mL", "HIV 1/2 (…) — Reagente")', () => {
  const text = ['Sexo: F', 'CA 15-3 — 41 U/mL — VR: até 30 U/mL', 'HIV 1/2 (4ª geração) — Reagente — VR: Não reagente'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['CA 15-3', 41, 'U/mL', 'alto'],
    ['HIV 1/2 (4ª geração)', 'Reagente', null, 'alterado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('set 52: an occupational table with a date column and exposure limits "IBE/EE (NR-7)"; a compound named by its locants', () => {
  const text = [
    'Sexo: M',
    '| EXAME                         | DATA       | RESULTADO            | VALOR DE REFERÊNCIA          |',
    '|-------------------------------|------------|----------------------|------------------------------|',
    '| Ácido hipúrico urinário       | 05/06/2025 | 2,1 g/g creat        | IBE/EE (NR-7): 1,6 g/g creat |',
    '| 1,2-Ciclohexanodiol urinário  | 05/06/2025 | 0,8 mg/L             | IBE/EE (NR-7): 2,0 mg/L      |',
    '| Ureia                         | 05/06/2025 | 31 mg/dL             | 15 a 45 mg/dL                |',
    '| Data da liberação             | 06/06/2025 |                      |                              |',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [
      ['Ácido hipúrico urinário', 2.1, 'alto'],
      ['1,2-Ciclohexanodiol urinário', 0.8, 'normal'],
      ['Ureia', 31, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('set 52: a message typed by a relative: "pra idade dela" after the bound; a result as the last clause after a comma', () => {
  const text = [
    '[03/06/2025 09:10] Carla: CA 125 22 (até 35 pra idade dela)',
    '[03/06/2025 09:11] Carla: o resto deu normal, só a ferritina 9 (15 a 150)',
    '[03/06/2025 09:12] Carla: coagulograma em plasma citratado 3,2%, processado até 2 h da coleta',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['CA 125', 22, null, 'normal'],
    ['Ferritina', 9, null, 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  assert.equal(isReferenceText('até 4,0 para a idade'), true);
});

test('set 52: each range followed by whom it is for in brackets takes that bracket as its label', () => {
  const ranges = labelledRanges(['Referência: Acima de 200 pg/mL (população geral) | 300 a 900 pg/mL (gestantes)']);
  assert.deepEqual(
    ranges.map((x) => [x.range.low, x.range.high, x.label]),
    [
      [200, null, '(população geral)'],
      [300, 900, '(gestantes)'],
    ],
  );
});

test('set 51: a markdown heading with a number in its name after a table titles the next block, no row of the table', () => {
  const text = [
    'Sexo: F',
    '| Exame | Resultado | Referência |',
    '|---|---|---|',
    '| Leucócitos | 6.100 /mm³ | 4.000 a 10.000 /mm³ |',
    '',
    '## Urina Tipo 2 (EAS)',
    '',
    '| Análise | Resultado | Referência |',
    '|---|---|---|',
    '| Densidade | 1,022 | 1,005 a 1,030 |',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [
      ['Leucócitos', 6100, 'normal'],
      ['Densidade', 1.022, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
