// The general causes behind the misses of held-out set 67, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('an SMS in parts: the part counter, the greeting and the closing sentence are no piece of a result', () => {
  const text = [
    '(1/3) LABVIDA: Sra. MARIA, resultados do pedido 5521 disponiveis. UREIA 52 mg/dL (VR 15-45); AC URICO 4,1 mg/dL (VR 2,4-6,0)',
    '(2/3) GLIC 92 mg/dL (VR 70-99); CREAT 1,4 mg/dL (VR 0,6-1,2). Acesse o site com a senha. Nao responda.',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1970-01-01' });
  assert.deepEqual(brief(r), [
    ['Ureia', 52, 'mg/dL', 'alto'],
    ['Ácido úrico', 4.1, 'mg/dL', 'normal'],
    ['Glicose', 92, 'mg/dL', 'normal'],
    ['Creatinina', 1.4, 'mg/dL', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a PDF viewer's copy, one cell a line, breaks a range, a unit and a name's bracket over two lines", () => {
  const text = [
    'BIOQUÍMICA',
    'Ferritina',
    '212',
    'ng/mL',
    '30 a',
    '400',
    'Leucócitos',
    '6,2',
    'mil/',
    'mm³',
    '4,0 a',
    '11,0',
    'Clearance de creatinina',
    '(Cockcroft-',
    'Gault)',
    '88',
    'mL/min',
    '85 a',
    '125',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1980-01-01' });
  assert.deepEqual(brief(r), [
    ['Ferritina', 212, 'ng/mL', 'normal'],
    ['Leucócitos', 6.2, 'mil/mm³', 'normal'],
    ['Clearance de creatinina (Cockcroft-Gault)', 88, 'mL/min', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a transcriber's note that a result's reference could not be read lets no built-in range stand in", () => {
  const text = [
    '| Exame | Resultado | Unidade | Referência |',
    '|---|---|---|---|',
    '| Fosfatase alcalina | 190 | U/L | |',
    '| Sódio | 139 | mEq/L | 135 a 145 |',
    '| Potássio | 5,9 | mEq/L | |',
    '',
    'Note: the reference ranges for Fosfatase alcalina and Potássio are not legible in the photo.',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1980-01-01' });
  assert.deepEqual(brief(r), [
    ['Fosfatase alcalina', 190, 'U/L', 'indeterminado'],
    ['Sódio', 139, 'mEq/L', 'normal'],
    ['Potássio', 5.9, 'mEq/L', 'indeterminado'],
  ]);
  const pt = parseLabReport(
    ['Fosfatase alcalina: 190 U/L', 'Sódio: 139 mEq/L (135 a 145)', '', 'Obs.: a referência da fosfatase alcalina não está legível na foto.'].join('\n'),
  );
  assert.deepEqual(brief(pt), [
    ['Fosfatase alcalina', 190, 'U/L', 'indeterminado'],
    ['Sódio', 139, 'mEq/L', 'normal'],
  ]);
});

test('a result a patient types in a sentence, after the verb that reports it, with its reference joined by "e ref"', () => {
  const text = ['oi dr, segue o exame', 'o papel da urina ta meio apagado, so escreveu hemacias 8 p/ campo e ref ate 3 p/ campo'].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1990-01-01' });
  assert.deepEqual(brief(r), [['Hemácias', 8, '/campo', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});
