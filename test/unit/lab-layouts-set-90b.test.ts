// The general causes behind the misses of held-out set 90 (h878–h880), one focused case each: the parser
// on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => [
  ...r.analytes.map((a) => [a.name, a.value, a.unit, a.flag] as const),
  ...r.qualitative.map((a) => [a.name, a.value, null, a.flag] as const),
];

test('a history table drawn with +---+ rules and bars reads the newest date column, the earlier ones cut by cell number', () => {
  const text = [
    'Paciente: Joana Prado   Sexo: Feminino   Idade: 61 anos',
    '+------------------+------------+------------+------------+---------+---------------+',
    '| Exame            | 03/01/2025 | 08/04/2025 | 15/07/2025 | Unidade | Referência    |',
    '+------------------+------------+------------+------------+---------+---------------+',
    '| HEMATOLOGIA                                                                         |',
    '| Ferritina        |   40       |   —        |   9,5      | ng/mL   | 13 a 150      |',
    '| Ureia            |   31       |   36       |   52       | mg/dL   | 15 a 40       |',
    '| Sódio            |   139      |   141      |   140      | mmol/L  | 136 a 145     |',
    '+------------------+------------+------------+------------+---------+---------------+',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ferritina', 9.5, 'ng/mL', 'baixo'],
    ['Ureia', 52, 'mg/dL', 'alto'],
    ['Sódio', 140, 'mmol/L', 'normal'],
  ]);
});
