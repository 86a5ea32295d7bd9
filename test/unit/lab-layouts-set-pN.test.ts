// The general causes behind misses left from sets 184, 185 and 188 (h1817, h1819, h1831, h1862), one focused case
// each: the parser on the few lines that show each layout, with other names and values than the fixtures. No
// database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowNamed as row, rows } from '../support/lab-rows.ts';

test("a block's title with its earlier samples' dates at its right: the current result is read, the earlier ones are not rows", () => {
  const text = [
    'Cliente: ANTÔNIO PEREIRA          Data da coleta: 12/03/2025',
    '',
    'FERRITINA - Soro                                             02/10/2024   11/04/2024',
    'Método: Quimioluminescência',
    '  Resultado: 12 ng/mL                                        25 ng/mL     31 ng/mL',
    '  Valores de referência: 30 a 400 ng/mL',
    '',
    'UREIA - Soro                                                 02/10/2024',
    'Método: Enzimático',
    '  Resultado: 61 mg/dL                                        48 mg/dL',
    '  Valores de referência: 16,6 a 48,5 mg/dL',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1960-02-02' });
  assert.deepEqual(rows(r), [
    ['Ferritina', 12, 'baixo'],
    ['Ureia', 61, 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("an earlier sample's value in a cell of its own after the result, its date in brackets after it: no row of its own", () => {
  const text = [
    'FERRITINA - Soro',
    '  Resultado: 182 ng/mL                                     140 ng/mL (05/02/2025)',
    '  Valores de referência: 30 a 400 ng/mL',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1960-02-02' });
  assert.deepEqual(rows(r), [['Ferritina', 182, 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a culture\'s labelled result ("Resultado da cultura: NEGATIVA"), and "Resultado do exame:" under a block title, are read', () => {
  const culture = parseLabReport(
    ['HEMOCULTURA AERÓBIA', 'Material: Sangue periférico', '', '  Resultado da cultura ..........: NEGATIVA', '  Tempo de incubação ............: 5 dias'].join(
      '\n',
    ),
    { sex: 'F', birthDate: '1990-01-01' },
  );
  assert.equal(row(culture, 'Resultado da cultura')?.value, 'NEGATIVA');
  assert.equal(row(culture, 'Resultado da cultura')?.flag, 'indeterminado');
  const exam = parseLabReport(['MAGNÉSIO - Soro', 'Resultado do exame: 1,5 mg/dL', 'Valores de referência: 1,6 a 2,6 mg/dL'].join('\n'), {
    sex: 'F',
    birthDate: '1990-01-01',
  });
  assert.deepEqual(rows(exam), [['Magnésio', 1.5, 'baixo']]);
  assert.deepEqual(exam.unparsed_lines, []);
});

test('a sentence wrapped after a result, its next line opening with a bracketed value and "e": no row named by it', () => {
  const text = [
    'Na chegada ao pronto-socorro: sódio 128 mEq/L, fosfatase alcalina 410 U/L, bilirrubina total 6,2 mg/dL',
    '(indireta 1,1) e amilase 980 U/L.',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1970-01-01' });
  assert.equal(
    [...r.analytes, ...r.qualitative].some((a) => a.name.startsWith('(')),
    false,
  );
  assert.ok(r.unparsed_lines.includes('(indireta 1,1) e amilase 980 U/L.'));
});

test('an exam row whose result cell says "sem alterações": a word result; the same words in prose are none', () => {
  const text = [
    'Exame                          Data           Resultado',
    'Creatinina                     02/06/2025     0,9 mg/dL',
    'Parcial de urina               02/06/2025     sem alterações',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1970-01-01' });
  assert.equal(row(r, 'Parcial de urina')?.value, 'sem alterações');
  assert.equal(row(r, 'Parcial de urina')?.flag, 'indeterminado');
  assert.deepEqual(r.unparsed_lines, []);
  const prose = parseLabReport('Evolução: estável. Parcial de urina sem alterações. Creatinina 0,9 mg/dL.', { sex: 'F', birthDate: '1970-01-01' });
  assert.equal(
    [...prose.analytes, ...prose.qualitative].some((a) => /sem altera/i.test(String(a.value))),
    false,
  );
});
