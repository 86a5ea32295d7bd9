// The general causes behind the misses of held-out sets 150 and 148 (helper iI), one focused case each: the
// parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test("an OCR'd photo's name glued to its value, the unit one space after it, is read as the row's cells", () => {
  const text = ['Paciente: MARIA DA SILVA Sexo:F ldade:40a', 'PLAQUETAS212.000 /mm3 150.000 a 450.000', 'Ureia40 mg/dL 15 a 45'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Plaquetas', 212000, '/mm³', 'normal'],
    ['Ureia', 40, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a name ending in a bracket glued to its value, and 'até' glued to its bound, are read apart", () => {
  const text = ['Paciente: MARIA DA SILVA Sexo:F ldade:40a', 'TGO(AST)71 U/L Mulheres:ate 32', 'TGP (ALT) 19U/L Mulheres:ate33 Homens:ate 41'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['TGO (AST)', 71, 'U/L', 'alto'],
    ['TGP (ALT)', 19, 'U/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a glued row broken in its range after the "a", the percentage glued to its value, is read whole', () => {
  const text = ['HEMOGRAMA', 'Hemoglobina13,9g/dL 12,0 a 15,5', 'Hematocrito43,2% 35,0 a', '47,0', 'VCM 88,0 fL 80,0 a 100,0'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 13.9, 'g/dL', 'normal'],
    ['Hematócrito', 43.2, '%', 'normal'],
    ['VCM', 88, 'fL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
