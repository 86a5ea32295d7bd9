// Transposed tables (held-out sets 145–146: h1426, h1436) with something more on a line the table takes: a cell
// past the last column, a header cell nothing is printed under, a ";" run-on, a flag-row cell that is no mark.
// What the table does not take stays on its line, read or listed, never dropped. Rewritten examples with other
// names, values and labs. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const HEAD = 'Exame         TSH              T4 livre         T3 total';
const RESULT = 'Resultado     2,8              1,05             118';
const UNIT = 'Unidade       µUI/mL           ng/dL            ng/dL';
const REFERENCE = 'Referência    0,4 a 4,0        0,7 a 1,8        80 a 200';

const table = (lines: { head?: string; result?: string; unit?: string; flag?: string }) =>
  [
    'Paciente: ANA LÚCIA PRADO   Sexo: Feminino',
    '',
    'HORMÔNIOS TIREOIDIANOS - soro',
    lines.head ?? HEAD,
    lines.result ?? RESULT,
    lines.unit ?? UNIT,
    REFERENCE,
    ...(lines.flag ? [lines.flag] : []),
    '',
  ].join('\n');

const thyroid = (r: LabParseResult) => r.analytes.filter((a) => /^T|TSH/.test(a.name)).map((a) => [a.name, a.value, a.unit] as const);
const THYROID = [
  ['TSH', 2.8, 'µUI/mL'],
  ['T4 livre', 1.05, 'ng/dL'],
  ['T3 total', 118, 'ng/dL'],
];

test('a header cell with nothing printed under it stays on the header line, listed', () => {
  const head = `${HEAD}   (dosado: 7,3)`;
  const r = parseLabReport(table({ head }));
  assert.deepEqual(thyroid(r), THYROID);
  assert.ok(r.unparsed_lines.includes(head), JSON.stringify(r.unparsed_lines));
});

test("a unit row's ';' run-on stays out of the last column's unit, and its result is read", () => {
  const r = parseLabReport(table({ unit: `${UNIT} ; Anti-HIV: Não reagente` }));
  assert.deepEqual(thyroid(r), THYROID);
  assert.deepEqual(
    r.qualitative.map((q) => [q.name, q.value, q.line]),
    [['Anti-HIV 1 e 2', 'Não reagente', 5]],
  );
});

test("a result row's ';' run-on is its own result, and the last column keeps its unit", () => {
  const r = parseLabReport(table({ result: `${RESULT} ; Sódio 139,2` }));
  assert.deepEqual(thyroid(r), THYROID);
  assert.deepEqual(
    r.analytes.filter((a) => a.name === 'Sódio').map((a) => [a.value, a.unit]),
    [[139.2, null]],
  );
});

test('a flag-row cell that is no mark stays on its line, listed', () => {
  const flag = 'Situação      ↑                Reagente';
  const r = parseLabReport(table({ flag }));
  assert.deepEqual(thyroid(r), THYROID);
  assert.ok(r.unparsed_lines.includes(flag), JSON.stringify(r.unparsed_lines));
});

test('a cell past the last column stays on its line, listed, and the table is still read', () => {
  const unit = `${UNIT}      Reagente`;
  const r = parseLabReport(table({ unit }));
  assert.deepEqual(thyroid(r), THYROID);
  assert.ok(r.unparsed_lines.includes(unit), JSON.stringify(r.unparsed_lines));
});
