// The general causes behind misses of held-out sets 193-194, one focused case each: the parser on a few lines in each
// layout's style, with other names and values than the fixtures. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowNamed as row, rows } from '../support/lab-rows.ts';

test("a portal's tab-separated table with a state column, a dash for no reference: the row is read, the state is no reference", () => {
  const text = [
    'Exame\tResultado\tValor de referência\tSituação',
    'ZINCO SÉRICO (absorção atômica, chama)\t74 µg/dL\t—\tLiberado',
    'FERRO SÉRICO\t92 µg/dL\t50 a 170 µg/dL\tLiberado',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1970-01-01' });
  assert.deepEqual(rows(r), [
    ['ZINCO SÉRICO (absorção atômica, chama)', 74, 'indeterminado'],
    ['Ferro sérico', 92, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a portal's opened history link under a row, an arrow to the earlier sample's date: an earlier sample, no result", () => {
  const text = ['TSH\t2,9 µUI/mL\t0,4 a 4,0 µUI/mL', 'Ver histórico ▸ 02/09/2024: 3,4 µUI/mL', 'T4 LIVRE\t1,1 ng/dL\t0,9 a 1,8 ng/dL'].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1980-01-01' });
  assert.deepEqual(rows(r), [
    ['TSH', 2.9, 'normal'],
    ['T4 livre', 1.1, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('an age band an e-mail wrapped before its unit inside a bracketed reference: the band and its range are read together', () => {
  const text = ['VITAMINA B12: 180 pg/mL (ref. crianças de 2 a 12', 'anos: 200 a 900 pg/mL)'].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '2017-03-01', today: '2025-06-01' });
  assert.equal(row(r, 'Vitamina B12')?.flag, 'baixo');
  assert.deepEqual(r.unparsed_lines, []);
});

test("BrCAST's categories spelled out with their words after the comma, after a dot leader: the antimicrobial's result", () => {
  const text = [
    'Levofloxacino ......................... Sensível, aumentando exposição',
    'Nitrofurantoína ....................... Sensível, dose padrão',
    'Cefalexina ............................ Resistente',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1990-01-01' });
  assert.equal(row(r, 'Levofloxacino')?.value, 'Sensível, aumentando exposição');
  assert.equal(row(r, 'Nitrofurantoína')?.value, 'Sensível, dose padrão');
  assert.deepEqual(r.unparsed_lines, []);
});

test("a vision model's note that the reference is hidden by the paper's fold: the value is read with no range", () => {
  const text = ['- **Fósforo:** 3,1 mg/dL — ref.: *(escondida na dobra da folha)*', '- **Cloreto:** 101 mmol/L — ref.: 98 a 107 mmol/L'].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1980-01-01' });
  assert.deepEqual(rows(r), [
    ['Fósforo', 3.1, 'indeterminado'],
    ['Cloro', 101, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a graded scale typed one tier a line, each range then whom it is for with an age in the words: the patient's age picks the tier", () => {
  const text = [
    'VITAMINA D (25-OH) .... 34 ng/mL',
    '  ref: acima de 20 p/ pop. saudavel ate 60 anos',
    '       30 a 60 p/ acima de 60 anos e grupos de risco',
    '       acima de 100 risco de toxicidade',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1948-05-05', today: '2025-06-01' });
  assert.equal(row(r, 'Vitamina D (25-OH)')?.flag, 'normal');
  assert.equal(r.analytes.find((a) => a.name === 'Vitamina D (25-OH)')?.reference_low, 30);
});

test('a typed dot leader shortened to one dot by a long name with its own number: the value after the dot is read', () => {
  const text = ['ALBUMINA .............. 4,3 g/dL     (ref 3,5 a 5,2)', 'PROTEINURIA 24 HORAS . 410 mg/24h   (ref ate 150)'].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1960-01-01' });
  assert.equal(row(r, 'PROTEINURIA 24 HORAS')?.value, 410);
  assert.equal(row(r, 'PROTEINURIA 24 HORAS')?.flag, 'alto');
  assert.deepEqual(r.unparsed_lines, []);
});

test("a monthly sheet's tab-separated table, unit and goal before one column per month oldest first: the newest month is the result", () => {
  const text = [
    'EXAME\tUNIDADE\tMETA / REFERÊNCIA\tJAN/25\tFEV/25\tMAR/25',
    'Sódio pré-diálise\tmEq/L\t135 a 145\t131\t134\t139',
    'Bicarbonato\tmEq/L\t22 a 26\t19\t-\t20',
    'Kt/V\t-\tigual ou superior a 1,2\t1,10\t1,30\t1,25',
    '',
    'SOROLOGIAS\tRESULTADO MAR/25\tREFERÊNCIA\tÚLTIMO ANTERIOR (SET/24)',
    'Anti-HCV\tNão reagente\tNão reagente\tNão reagente',
    'Anti-HBs\t54 mUI/mL\tigual ou superior a 10 mUI/mL\t61 mUI/mL',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1960-01-01' });
  assert.deepEqual(rows(r), [
    ['Sódio pré-diálise', 139, 'normal'],
    ['Bicarbonato', 20, 'baixo'],
    ['Kt/V', 1.25, 'normal'],
    ['Anti-HBs', 54, 'normal'],
    ['Anti-HCV', 'Não reagente', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a value printed after an age band joined across lines, that nothing reads: the line it is printed on is listed', () => {
  // Found by the corpus property on h1906: the join was listed by its first line only, which does not print the value.
  const text = ['FERRITINA (quimio): 9,8 ng/mL (ref. crianças de 1 a 15', 'anos: 12 a 140 ng/mL)   (repetido: 47,3)'].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '2015-01-01' });
  assert.deepEqual(rows(r), [['Ferritina', 9.8, 'baixo']]);
  assert.ok(
    r.unparsed_lines.some((l) => l.includes('47,3')),
    JSON.stringify(r.unparsed_lines),
  );
});
