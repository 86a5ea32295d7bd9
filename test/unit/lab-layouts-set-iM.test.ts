// Probes for set 148-150 causes fixed by the lead (rewritten with other names, numbers and labs): each failed on main
// before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

test('a portal table of tab-separated cells with lower and upper limit columns: each row is read against its own two limits', () => {
  const text = [
    'Hemograma',
    'Exame\tResultado\tMín\tMáx',
    'Eritrócitos\t5,81 milhões/mm³\t4,30\t5,70',
    'Hemoglobina\t13,2 g/dL\t13,5\t17,5',
    'Leucócitos\t7.240 /mm³\t4.000\t11.000',
    'Vitamina B12\t412 pg/mL\t200\t—',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', today: '2025-06-10' });
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [
      [5.81, 'alto'],
      [13.2, 'baixo'],
      [7240, 'normal'],
      [412, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
