// The general causes behind the misses of held-out set 135 (reports h1325 and h1329), one focused case each: the
// parser on the few lines that show each layout, rewritten (other names, values, lab). No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test("a chat bot's '↳ Ref.:' line under a result is that result's reference, not a result named '↳ Ref'", () => {
  const text = [
    '02/03/2026 10:14 - Lab Vale Azul: 🔬 *HEMOGRAMA*',
    'Eritrócitos: 4,81 milhões/mm³',
    '↳ Ref.: 4,30 a 5,70',
    'Linfócitos: 41 % | 2.870 /mm³',
    '↳ Ref.: 20 a 45 % | 1.000 a 4.000 /mm³',
    '02/03/2026 10:14 - Lab Vale Azul: 🧪 *BIOQUÍMICA*',
    'Ácido úrico: 8,2 mg/dL 🔺',
    '↳ Ref.: 3,4 a 7,0',
    'Anti-HIV 1 e 2: Não reagente',
    '↳ Ref.: Não reagente',
    'Cilindros: Presentes 🔺',
    '↳ Ref.: Ausentes',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemácias', 4.81, 'milhões/mm³', 'normal'],
    ['Linfócitos (%)', 41, '%', 'normal'],
    ['Linfócitos', 2870, '/mm³', 'normal'],
    ['Ácido úrico', 8.2, 'mg/dL', 'alto'],
    ['Anti-HIV 1 e 2', 'Não reagente', null, 'normal'],
    ['Cilindros', 'Presentes', null, 'alterado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('results a relative types after a reporting verb, one after another between commas, are each read', () => {
  const text = [
    '[03/02/2026, 18:40:11] Paula Reis: e o exame de urina deu leucocitos 22 por campo (ate 5), hemacias 6 por campo (ate 3), nitrito positivo',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Leucócitos', 22, '/campo', 'alto'],
    ['Hemácias', 6, '/campo', 'alto'],
    ['nitrito', 'positivo', null, 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a relative's message that the patient takes a medicine gives its dose, no result", () => {
  const text = [
    '[03/02/2026, 18:40:11] Paula Reis: tsh 6,8 (0,4 a 4,0)',
    '[03/02/2026, 18:41:02] Paula Reis: ele toma o glifage 850 depois do almoco',
    '[03/02/2026, 18:41:30] Paula Reis: creatinina 0,9 (0,7 a 1,2)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['TSH', 6.8, null, 'alto'],
    ['Creatinina', 0.9, null, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a typist's correction of a value typed earlier in the chat is the result, flagged on that line's reference", () => {
  const text = [
    '[03/02/2026, 18:40:11] Paula Reis: ferritina 12 (ref 15 a 150)',
    'hb 12,8 (12 a 16)',
    '[03/02/2026, 18:42:40] Paula Reis: *21 a ferritina, digitei errado',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ferritina', 21, null, 'normal'],
    ['Hemoglobina', 12.8, null, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  // The corrected result cites the correction's line, the one that prints its value.
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.line]),
    [
      ['Ferritina', 2],
      ['Hemoglobina', 1],
    ],
  );
});

test("another sender's message, or a value without the typist's word that it corrects, corrects nothing", () => {
  const text = [
    '[03/02/2026, 18:40:11] Paula Reis: ferritina 12 (ref 15 a 150)',
    '[03/02/2026, 18:42:40] Dr. Caio: *21 a ferritina, digitei errado',
    '[03/02/2026, 18:43:05] Paula Reis: *25 a ferritina',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.filter((a) => a.line === 0).map((a) => [a.name, a.value, a.flag]),
    [['Ferritina', 12, 'baixo']],
  );
});
