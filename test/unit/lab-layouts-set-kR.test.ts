// What held-out sets 175 and 176 missed in pharmacy declarations, PDFs read column by column or cut by a page, and a
// primary care visit's plan. One focused case each, the lines rewritten with other names and values; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

const TODAY = { today: '2025-06-01' };

test('a PDF copied column by column pairs names and results by order, a range over two labelled lines being one cell (h1737)', () => {
  const text = [
    'HORMÔNIOS',
    'Exame',
    '17-OH progesterona',
    'Vitamina B12',
    'Ferritina',
    'Resultado',
    '3,1 ng/mL',
    '140 pg/mL',
    '9,4 ng/mL',
    'Valores de referência',
    'Fase folicular: 0,1 a 0,8 ng/mL',
    'Fase lútea: 0,6 a 2,3 ng/mL',
    '197 a 771 pg/mL',
    'Mulheres: 15 a 150 ng/mL',
  ].join('\n');
  assert.deepEqual(brief(parseLabReport(text, { ...TODAY, sex: 'F' })), [
    ['17-OH progesterona', 3.1, 'alto'],
    ['Vitamina B12', 140, 'baixo'],
    ['Ferritina', 9.4, 'baixo'],
  ]);
});

test('names and results copied as columns pair by order even when their ranges do not line up, which are listed (h1737)', () => {
  const text = [
    'Exame',
    'Ferro sérico',
    'Transferrina',
    'Ferritina',
    'Resultado',
    '61 µg/dL',
    '230 mg/dL',
    '30 ng/mL',
    'Valores de referência',
    'Homens: 65 a 175 µg/dL',
    'Homens: 200 a 360 mg/dL',
    'Homens: 30 a 400 ng/mL',
    'Mulheres: 13 a 150 ng/mL',
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value]),
    [
      ['Ferro sérico', 61],
      ['Transferrina', 230],
      ['Ferritina', 30],
    ],
  );
  assert.deepEqual(lostAnalytes(text).unlisted, []);
});

test("a range the page break cut is read whole on its row, its bound past the repeated header no title's result (h1738)", () => {
  const text = [
    '  PROTEÍNAS                                               Material: Soro',
    '  Exame                               Resultado          Valores de Referência',
    '  Proteínas totais                      5,9 g/dL               6,4 a 8,3 g/dL',
    '  Albumina                                 3,1 g/dL            3,5 a',
    '',
    '  Liberado pelo setor de Bioquímica                                     Pág. 1 / 2',
    '  HOSPITAL REGIONAL - LABORATÓRIO',
    '  Paciente: FULANO DE TAL           Prontuário: 0011223',
    '',
    '  PROTEÍNAS (continuação)',
    '  Exame                               Resultado          Valores de Referência',
    '                                                           5,2 g/dL',
    '  Globulinas                               2,8 g/dL            2,0 a 3,5 g/dL',
  ].join('\n');
  assert.deepEqual(brief(parseLabReport(text, TODAY)), [
    ['Proteínas totais', 5.9, 'baixo'],
    ['Albumina', 3.1, 'baixo'],
    ['Globulinas', 2.8, 'normal'],
  ]);
});

test("a pharmacy's declaration: its ranges listed for a receipt are no results, the meter's English labels are the lipids, its test ID no result (h1740)", () => {
  const text = [
    '1) Glicemia capilar (glicosímetro <marca>, lote tiras 5550123)',
    '   Resultado: 118 mg/dL',
    '   Referência (jejum): 70 a 99 mg/dL',
    '',
    '2) Perfil lipídico capilar - resultado no comprovante anexado.',
    '   Referências (adultos, sem jejum):',
    '      Colesterol total: inferior a 190 mg/dL',
    '      HDL: superior a 40 mg/dL',
    '',
    '   PANEL: LIPID PANEL',
    '   CHOL        176 mg/dL',
    '   HDL          52 mg/dL',
    '   TC/HDL      3.38',
    '   TEST ID: 0112',
  ].join('\n');
  assert.deepEqual(brief(parseLabReport(text, TODAY)), [
    ['Glicemia capilar', 118, 'alto'],
    ['Colesterol total', 176, 'normal'],
    ['HDL-colesterol', 52, 'normal'],
    ['Relação colesterol total/HDL', 3.38, 'indeterminado'],
  ]);
});

test("a thermal receipt's device line with its lot, between the test's title and its result, keeps the title naming it (h1731)", () => {
  const text = ['HEMOGLOBINA GLICADA (A1C)', ' EQUIP.: GLYCOSCAN A1C  LOTE 31X07', 'RESULTADO:              6,1 %', 'REF.: INFERIOR A 5,7 %'].join('\n');
  assert.deepEqual(brief(parseLabReport(text, TODAY)), [['Hemoglobina glicada (HbA1c)', 6.1, 'alto']]);
});

test("a visit's prescription counting its tablets after the dose is no result (h1741)", () => {
  const text = [
    'Resultados de exames',
    '  Exame                                   Realizado em   Resultado',
    '  Glicemia de jejum                       02/05/2025     96 mg/dL',
    'Prescrição:',
    '  1. Atorvastatina 20 mg - 1 comp. à noite',
    '  2. Metformina 500 mg - 1 comp. após almoço e jantar',
    '  3. Anlodipino 5 mg - 1 comp. 12/12h',
  ].join('\n');
  assert.deepEqual(
    parseLabReport(text, TODAY).analytes.map((a) => [a.name, a.value]),
    [['Glicose', 96]],
  );
  assert.deepEqual(parseLabReport(text, TODAY).unparsed_lines, []);
});
