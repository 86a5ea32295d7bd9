// Held-out sets 149-150 (fixer iY): an OCR'd differential typed with single spaces, and a blood gas between
// bars with its named references on the line under it. The parser on a few lines written for each layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const rows = (r: LabParseResult) => r.analytes.map((a) => [a.name, a.value, a.flag] as const);
const parse = (lines: string[]) => parseLabReport(lines.join('\n'), { sex: 'M', today: '2025-06-01' });

test('a differential row typed with single spaces: percentage, its range, the bare count, its range', () => {
  const r = parse([
    'LEUCOGRAMA Relativo(%) Absoluto(/mm3)',
    'Leucocitos 7.200/mm3 4.000 a 10.000',
    'Eosinofilos 6 % 1a5 432 40 a 500',
    'Linfocitos 31% 20 a 45 2.232 900a 4.500',
    'Basofilos 1 % 0 a 1 72 0 a100',
  ]);
  assert.deepEqual(rows(r).slice(1), [
    ['Eosinófilos (%)', 6, 'alto'],
    ['Eosinófilos', 432, 'normal'],
    ['Linfócitos (%)', 31, 'normal'],
    ['Linfócitos', 2232, 'normal'],
    ['Basófilos (%)', 1, 'normal'],
    ['Basófilos', 72, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a percentage's range whose upper bound a fold cut takes none; the count keeps its own", () => {
  const r = parse(['Leucocitos 5.000/mm3 4.000 a 10.000', 'Monocitos 12 % 2 a 1~ ~~ 600 80 a 1.000']);
  assert.deepEqual(rows(r).slice(1), [
    ['Monócitos (%)', 12, 'indeterminado'],
    ['Monócitos', 600, 'normal'],
  ]);
});

test('a blood gas between bars takes the named ranges of the bracketed line under it, BE signed', () => {
  const r = parse([
    'Gasometria venosa 07h:',
    'pH 7,29 ↓ | pCO2 55 mmHg ↑ | HCO3 27,0 mmol/L | BE -3,4 ↓ | SatO2 71 %',
    '(VR: pH 7,32–7,42 / pCO2 41–51 / HCO3 23–28 / BE -2 a +2 / SatO2 60–80)',
  ]);
  assert.deepEqual(rows(r), [
    ['pH', 7.29, 'baixo'],
    ['pCO2', 55, 'alto'],
    ['HCO3', 27, 'normal'],
    ['BE', -3.4, 'baixo'],
    ['Saturação de O2', 71, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a range that names no cell of the row leaves the row and the line as printed', () => {
  const r = parse(['pH 7,40 | pCO2 40 mmHg | SatO2 97 %', '(VR: Lactato 0,5–2,0 / pH 7,35–7,45)']);
  assert.deepEqual(
    rows(r).map((a) => a[2]),
    ['indeterminado', 'indeterminado', 'indeterminado'],
  );
});
