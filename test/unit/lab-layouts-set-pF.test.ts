// Set 183's layouts: a PDF whose drifting columns drop a result under its row's reference, an isolate's
// "identificado" label and an antibiogram's own header under an earlier table's, a portal card's specimen with its
// qualifier in brackets, a differential's two zero references in one bracket, and a summary table copied column by
// column whose ranges carry an age band's label. One focused case each; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

const read = (lines: string[], options: { sex?: 'M' | 'F'; birthDate?: string } = {}) => parseLabReport(lines.join('\n'), { today: '2025-06-01', ...options });

test("a result the PDF's columns dropped under its row's name and reference is the row's (h1807)", () => {
  const r = read([
    '                          RESULTADO                      VALORES DE REFERÊNCIA',
    'Hemácias                                                            Até 8.000 /mL',
    '               23.000 /mL',
    'Leucócitos            5.000 /mL                     Até 8.000 /mL',
  ]);
  assert.deepEqual(brief(r), [
    ['Hemácias', 23000, 'alto'],
    ['Leucócitos', 5000, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('an organism after "Microrganismo identificado:" is the culture\'s finding (h1807)', () => {
  const r = read(['UROCULTURA', 'Microrganismo identificado:                  Klebsiella pneumoniae']);
  assert.deepEqual(brief(r), [['Microrganismo identificado', 'Klebsiella pneumoniae', 'indeterminado']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("an antibiogram's own header ends the table above: its words are results, not references (h1807)", () => {
  const r = read([
    '                          RESULTADO                      VALORES DE REFERÊNCIA',
    'Cor                       Amarelo claro                  Amarelo citrino',
    'ANTIBIOGRAMA',
    'Antimicrobiano                                    Interpretação',
    'Levofloxacino                                             Sensível',
    'Cefuroxima                    Resistente',
  ]);
  assert.deepEqual(brief(r), [
    ['Cor', 'Amarelo claro', 'alterado'],
    ['Levofloxacino', 'Sensível', 'indeterminado'],
    ['Cefuroxima', 'Resistente', 'indeterminado'],
  ]);
});

test("a portal card's specimen with its qualifier in brackets before the method is the block's detail, not its name (h1806)", () => {
  const r = read([
    'PROTEÍNA/CREATININA',
    'Urina (primeira da manhã) · Método: Colorimetria',
    'Resultado: 0,45 mg/mg',
    'Valor de referência: inferior a 0,20 mg/mg',
  ]);
  assert.equal(r.analytes.length, 1);
  assert.match(r.analytes[0]!.name, /^Prote[ií]na\/creatinina$/iu);
  assert.equal(r.analytes[0]!.value, 0.45);
  assert.equal(r.analytes[0]!.flag, 'alto');
});

test("a differential's two zero references in one bracket, a bar between, take both counts (h1812)", () => {
  const r = read(['• Leucócitos: 6.100 /mm³ (ref. 4.500 a 11.000)', '• Blastos: 1 % | 61 /mm³ ⚠️ (ref. 0 % | 0 /mm³)']);
  assert.deepEqual(brief(r), [
    ['Leucócitos', 6100, 'normal'],
    ['Blastos (%)', 1, 'alto'],
    ['Blastos', 61, 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a summary table copied column by column whose ranges carry an age band's label is read by rows (h1811)", () => {
  const r = read(
    [
      'Exame',
      'Ferritina',
      'Vitamina B12',
      'Magnésio',
      'Resultado',
      '45 ng/mL',
      '180 pg/mL',
      '2,1 mg/dL',
      'Valores de referência',
      '15 a 150',
      '20 a 59 anos: 197 a 771',
      '1,6 a 2,6',
    ],
    { sex: 'F', birthDate: '1990-01-01' },
  );
  assert.deepEqual(brief(r), [
    ['Ferritina', 45, 'normal'],
    ['Vitamina B12', 180, 'baixo'],
    ['Magnésio', 2.1, 'normal'],
  ]);
  assert.equal(r.analytes[1]!.reference_low, 197);
  assert.deepEqual(r.unparsed_lines, []);
});

test("so is one whose long names are read under each column's header, a range labelled by age and one pointing to a note (h1811)", () => {
  const r = read(
    [
      'Exame',
      'Hormônio tireoestimulante (TSH, terceira geração)',
      'Magnésio',
      'Ácido fólico',
      'Índice de saturação',
      'Resultado',
      '3,2 µUI/mL',
      '1,5 mg/dL',
      '11,0 ng/mL',
      '0,8',
      'Valores de referência',
      '20 a 59 anos: 0,40 a 4,30',
      '1,6 a 2,6',
      '3,9 a 26,8',
      'ver nota',
    ],
    { sex: 'F', birthDate: '1990-01-01' },
  );
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.reference_low, a.reference_high, a.flag]),
    [
      [3.2, 0.4, 4.3, 'normal'],
      [1.5, 1.6, 2.6, 'baixo'],
      [11, 3.9, 26.8, 'normal'],
      [0.8, null, null, 'indeterminado'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
