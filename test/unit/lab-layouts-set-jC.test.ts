// The general causes behind the misses of held-out set 156 (h1535, h1539), one focused case each, rewritten with
// other names, values and wording: the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test("a ward note's shorthand between bars: Plq, Gli, the blood gas, the differential shortened in brackets", () => {
  const text = [
    '[03/02/25, 07:40] Dr. Caio: *Lab 03/02 - Sr. Osvaldo*',
    'Hb 13,1 | Ht 39,5 | Leuco 12.300 (bast 6% / seg 72% / linf 15% / mono 7%) | Plq 212 mil',
    'Ur 48 | Cr 1,3 (basal 0,9 em nov/24) | Na 137 | K 4,4',
    'PCR 62 mg/L | Lactato 1,8 mmol/L | Gli 131',
    'pH 7,36 | pCO2 39 | HCO3 21,4 | BE -3,1',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 13.1, null, 'indeterminado'],
    ['Hematócrito', 39.5, null, 'indeterminado'],
    ['Leucócitos', 12300, null, 'indeterminado'],
    ['bast', 6, '%', 'indeterminado'],
    ['seg', 72, '%', 'indeterminado'],
    ['linf', 15, '%', 'indeterminado'],
    ['mono', 7, '%', 'indeterminado'],
    ['Plaquetas', 212, 'mil/mm³', 'normal'],
    ['Ureia', 48, null, 'indeterminado'],
    ['Creatinina', 1.3, null, 'indeterminado'],
    ['Sódio', 137, null, 'indeterminado'],
    ['Potássio', 4.4, null, 'indeterminado'],
    ['Proteína C reativa (PCR)', 62, 'mg/L', 'alto'],
    ['Lactato', 1.8, 'mmol/L', 'indeterminado'],
    ['Glicose', 131, null, 'indeterminado'],
    ['pH', 7.36, null, 'indeterminado'],
    ['pCO2', 39, null, 'indeterminado'],
    ['HCO3', 21.4, null, 'indeterminado'],
    ['BE', -3.1, null, 'indeterminado'],
  ]);
  // The baseline's value in brackets is read by nobody: its line stays listed, never dropped in silence.
  assert.ok(r.unparsed_lines.some((l) => l.includes('basal 0,9')));
});

test('a voice transcript: an earlier value by its month, a bare value, talk after a value, a section before a name', () => {
  const text = [
    'Transcrição (pode conter erros)',
    '"Oi doutora. A ureia deu 52, referência até 45. Em outubro tava 40, lembra? Aí a tireoide: TSH 3,1 e a referência é 0,4 a 4,5. T4 livre deu 1,2. Anti-TPO 14. E o cálcio deu 9,4, é... (inaudível) ... é isso, doutora."',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ureia', 52, null, 'alto'],
    ['TSH', 3.1, null, 'normal'],
    ['T4 livre', 1.2, null, 'indeterminado'],
    ['Anti-TPO', 14, null, 'indeterminado'],
    ['Cálcio', 9.4, null, 'indeterminado'],
  ]);
});
