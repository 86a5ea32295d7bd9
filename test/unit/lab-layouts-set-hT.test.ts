// Probes for the accounting corpus property on held-out set 143 (helper hT), rewritten with other names,
// values and labs: each failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

test("a value printed past a bar table's last second-system cell, after a column gap, is read or listed, not blanked with the column", () => {
  const text = [
    'LABORATÓRIO SERRA AZUL - HORMÔNIOS',
    '',
    'Exame            | Resultado | Unidade | Referência     || SI    | Unidade SI | Referência SI',
    '-----------------+-----------+---------+----------------++-------+------------+--------------',
    'Ferritina        | 88        | ng/mL   | 30 a 400       || 88    | µg/L       | 30 a 400',
    'Anti-Tg          | 212       | UI/mL   | inferior a 115 || 212   | kUI/L      | inferior a 115   63,7',
    'Vitamina B12     | 402       | pg/mL   | 197 a 771      || 297   | pmol/L     | 145 a 569',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  const values = r.analytes.map((a) => a.value);
  // The other rows read once each, in the result's units; the row with a value past its last cell is
  // ambiguous as in a table of one system ("| 212 | UI/mL | inferior a 115   63,7"): read, or listed whole.
  assert.deepEqual(
    r.analytes.filter((a) => a.name !== 'Anti-Tg' && a.value !== 63.7).map((a) => [a.name, a.value, a.unit]),
    [
      ['Ferritina', 88, 'ng/mL'],
      ['Vitamina B12', 402, 'pg/mL'],
    ],
  );
  // The value after the last cell: read, or its line listed.
  assert.ok(values.includes(63.7) || r.unparsed_lines.some((l) => l.includes('63,7')), JSON.stringify(r.unparsed_lines));
});

test("a bar table's second-system reference cell with nothing past it stays blanked: the row is one result", () => {
  const text = [
    'Exame            | Resultado | Unidade | Referência     || SI    | Unidade SI | Referência SI',
    'Anti-Tg          | 212       | UI/mL   | inferior a 115 || 212   | kUI/L      | inferior a 115',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.unit]),
    [['Anti-Tg', 212, 'UI/mL']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
