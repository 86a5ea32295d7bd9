// The general causes behind the misses of a progress note's shorthand lab lists (h1686, h1671), one focused case
// each: the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test('a slash list of abbreviations the catalogue does not know, each with its bracketed range, is one result each', () => {
  const text = ['EVOLUÇÃO - Enfermaria 2', 'Mg 1,9 (1,6-2,6) / Cai 1,20 (1,12-1,32) / NT-proBNP 2.300 (<125)', 'PCR 1,1 mg/dL (<0,5) / TnT us 22 (<14)'].join(
    '\n',
  );
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Magnésio', 1.9, 'normal'],
    ['Cai', 1.2, 'normal'],
    ['NT-proBNP', 2300, 'alto'],
    ['Proteína C reativa (PCR)', 1.1, 'alto'],
    ['TnT us', 22, 'alto'],
  ]);
});

test("a bracket holding the day before's value or a comparison is no reference nor result; a bracketed differential is read", () => {
  const text = [
    'Labs de hoje (entre parênteses os de ontem):',
    'Hb 8,7 (9,1) | Ht 26,0 | Leuco 12.300 (bast 4% / seg 80%) | Plq 110 mil (142 mil)',
    'Ur 80 (15-45) / Cr 1,7 (↑ vs 1,3 em 10/05; VR 0,7-1,2) / K 4,9 (3,5-5,0)',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([n, v, f]) => [n, v, f]),
    [
      ['Hemoglobina', 8.7, 'indeterminado'],
      ['Hematócrito', 26, 'indeterminado'],
      ['Leucócitos', 12300, 'indeterminado'],
      ['bast', 4, 'indeterminado'],
      ['seg', 80, 'indeterminado'],
      ['Plaquetas', 110, 'baixo'],
      ['Ureia', 80, 'alto'],
      ['Creatinina', 1.7, 'alto'],
      ['Potássio', 4.9, 'normal'],
    ],
  );
});

test("a blood gas list after its lead's conditions, abbreviations with bare values and a ratio after an arrow", () => {
  const text = ['Gasometria (FiO2 40%): pH 7,28 / pCO2 50 / pO2 70 / HCO3 22,1 / BE -4,1 / SatO2 93% → P/F 175'].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([n, v]) => [n, v]),
    [
      ['pH', 7.28],
      ['pCO2', 50],
      ['pO2', 70],
      ['HCO3', 22.1],
      ['BE', -4.1],
      ['Saturação de O2', 93],
      ['P/F', 175],
    ],
  );
});

test("the day before's labs and the plan's orders and targets are listed, no result", () => {
  const text = [
    'S: sem queixas.',
    'O: BEG, corado.',
    'Na 134 (135-145) / K 5,1 (3,5-5,0)',
    '* ontem (01/06): K 5,8; Na 132; Cr 1,5',
    'A: hipercalemia em melhora.',
    'P:',
    '- Restrição hídrica 800 mL/dia',
    '- Hb alvo > 7,0',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Sódio', 134, 'baixo'],
    ['Potássio', 5.1, 'alto'],
  ]);
  assert.ok(r.unparsed_lines.includes('* ontem (01/06): K 5,8; Na 132; Cr 1,5'));
  assert.ok(r.unparsed_lines.includes('- Restrição hídrica 800 mL/dia'));
  assert.ok(r.unparsed_lines.includes('- Hb alvo > 7,0'));
});
