// The general causes behind misses of held-out set 153, one focused case each: the parser on the few lines
// that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test('a count typed with no thousands separator after its name is a result, not an identifier', () => {
  const text = ['Exames de 02/03/2025', 'Hemoglobina 13.6 (12 a 16)', 'Plaquetas 318000 (140000 a 400000)', 'Pedido 4471203'].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1985-02-02', today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 13.6, 'normal'],
    ['Plaquetas', 318000, 'normal'],
  ]);
});

test("a markdown strikethrough is the typist's slip: the value after it is the result", () => {
  const text = [
    '| Exame | Resultado | Ref |',
    '|---|---|---|',
    '| Ferritina | ~~19~~ 91 ng/mL | 15 – 150 |',
    '| Glicose | 88 mg/dL | 70 - 99 |',
    '',
    '## Urina',
    '- Cor: ~~amarelo escuro~~ amarelo citrino (ref: amarelo citrino)',
    '- Aspecto: ~~turvo~~ límpido (ref: límpido)',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1985-02-02', today: '2025-06-01' });
  const rows = brief(r);
  assert.deepEqual(rows.slice(0, 2), [
    ['Ferritina', 91, 'normal'],
    ['Glicose', 88, 'normal'],
  ]);
  assert.ok(
    rows.some(([n, v]) => n === 'Aspecto' && v === 'límpido'),
    JSON.stringify(rows),
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a chat correction "o X é N e não M, digitei errado" replaces the slip typed earlier', () => {
  const text = [
    '[03/04/2025 10:01] Joana Prado: meus exames',
    '✅ glicose 84 (70 a 99)',
    '✅ tgo 21 (ate 32)',
    '[03/04/2025 10:04] Joana Prado: ops a tgo é 51 e nao 21, digitei errado. Fica ⚠️ tgo 51 (ate 32)',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1985-02-02', today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Glicose', 84, 'normal'],
    ['TGO (AST)', 51, 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a urine count typed in "mil/mL" is read as thousands per mL', () => {
  const text = ['[03/04/2025 10:01] Joana Prado: urina', '⚠️ leucocitos 25 mil/mL (ate 10 mil/mL)', '✅ nitrito negativo (negativo)'].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1985-02-02', today: '2025-06-01' });
  const rows = brief(r);
  assert.equal(rows.find(([n]) => n === 'Leucócitos')?.[2], 'alto', JSON.stringify(rows));
});

test("a photo reader's block of references after the results pairs with them in order", () => {
  const text = [
    'BIOQUÍMICA',
    'Glicose 93 mg/dL',
    'Ureia 51 mg/dL',
    'Colesterol total 214 mg/dL',
    'TGP (ALT) 22 U/L',
    'Ferritina 480 ng/mL',
    'VALORES DE',
    'REFERÊNCIA',
    '70 a 99 mg/dL',
    '15 a 45 mg/dL',
    'Desejável: < 190 mg/dL',
    'até 41 U/L',
    '30 a 400 ng/m',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1960-02-02', today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Glicose', 93, 'normal'],
    ['Ureia', 51, 'alto'],
    ['Colesterol total', 214, 'alto'],
    ['TGP (ALT)', 22, 'normal'],
    ['Ferritina', 480, 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
