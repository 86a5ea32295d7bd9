// The general causes behind the misses of held-out set 123, one focused case each: the parser on the few
// lines that show each layout, with other names, values and text than the set. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) =>
  [...r.analytes.map((a) => [a.line, a.name, a.value, a.unit, a.flag] as const), ...r.qualitative.map((a) => [a.line, a.name, a.value, null, a.flag] as const)]
    .sort((a, b) => a[0] - b[0])
    .map(([, ...rest]) => rest);

test("a patient's spreadsheet pasted with tabs, one dated column per sample oldest first: only the newest column is read", () => {
  const text = [
    'minha planilha de exames',
    'Exame\tUnidade\tReferência\t03/02/2023\t15/09/2023\t20/03/2024\tnotas',
    'Ferritina\tng/mL\t30-300\t22\t41\t64\t',
    'Sódio\tmEq/L\t135-145\t139\t141\t133\tlembrar de perguntar',
    'Ácido úrico\tmg/dL\t2,4-5,7\t5,1\t\t6,2\t',
    'Vitamina B12\tpg/mL\t211-911\t350\t298\t\tnão fiz',
    'Urina - nitrito\t\tneg\tneg\tneg\tNegativo\t',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1970-01-01', today: '2024-06-01' });
  assert.deepEqual(brief(r), [
    ['Ferritina', 64, 'ng/mL', 'normal'],
    ['Sódio', 133, 'mEq/L', 'baixo'],
    ['Ácido úrico', 6.2, 'mg/dL', 'alto'],
    ['Urina - nitrito', 'Negativo', null, 'normal'],
  ]);
  // The earlier samples are no results, and a row with no newest value ("não fiz") no line left unread.
  assert.ok(!r.analytes.some((a) => a.value === 22 || a.value === 298));
  assert.deepEqual(r.unparsed_lines, []);
});

test('an SMS in parts from a sender in capitals: short codes with whole results, a name cut from its value by the next part', () => {
  const text = [
    'Sex, 04 abr · 08:15',
    'BIOLAB (1/3): Sr(a) JOSE, M, 61a. Resultados abaixo.',
    '',
    'Sex, 04 abr · 08:15',
    'BIOLAB (2/3): GLIC 104 mg/dL (70-99)* FOSF 3,1 mg/dL (2,5-4,5) SOD 139 mEq/L (135-145) HDL',
    '',
    'Sex, 04 abr · 08:16',
    'BIOLAB (3/3): 51 mg/dL (>40) MAGN 1,6 mg/dL (1,7-2,4)*. *fora da ref.',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1964-01-01', today: '2025-04-04' });
  assert.deepEqual(
    brief(r).map(([name, value, , flag]) => [name, value, flag]),
    [
      ['Glicose', 104, 'alto'],
      ['FOSF', 3.1, 'normal'],
      ['SOD', 139, 'normal'],
      ['HDL-colesterol', 51, 'normal'],
      ['MAGN', 1.6, 'baixo'],
    ],
  );
});

test("a transcribed portal table with an age band in its reference header and the last result's column reads the current values", () => {
  const text = [
    '| Exame | Resultado | Referência (2 a 6 anos) | Último resultado |',
    '|---|---|---|---|',
    '| Hemoglobina | **10,9 g/dL** ↓ | 11,0 a 14,0 | 11,3 (05/01/2025) |',
    '| Plaquetas | 298.000 /µL | 150.000 a 450.000 | 312.000 (05/01/2025) |',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '2021-01-01', today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([name, value, , flag]) => [name, value, flag]),
    [
      ['Hemoglobina', 10.9, 'baixo'],
      ['Plaquetas', 298000, 'normal'],
    ],
  );
});

test("a reference cut by the picture's edge, the last result's cell cut too, leaves the flag undetermined", () => {
  const text = [
    '| Exame | Resultado | Valor de referência | Último resultado |',
    '|---|---|---|---|',
    '| Vitamina B12 | 402 pg/mL | 187 a 883 pg/mL | 365 (10/10/2024) |',
    '| Vitamina D | 14,2 ng/mL | 20 a 6[cortado] | [cortado] |',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1980-01-01', today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([name, value, , flag]) => [name, value, flag]),
    [
      ['Vitamina B12', 402, 'normal'],
      ['Vitamina D (25-OH)', 14.2, 'indeterminado'],
    ],
  );
});
