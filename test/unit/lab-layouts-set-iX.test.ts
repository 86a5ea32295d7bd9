// A landscape bar table with a previous-result and a method column: a differential row that prints its relative
// and absolute ranges as two cells (one cell more than the header), and a row whose reference the page break
// carried onto the next page as a "(continuação)" row. One focused case each; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => r.analytes.map((a) => [a.name, a.value, a.flag] as const);
const HEADER = 'EXAME                     | RESULTADO | UNIDADE    | VALORES DE REFERÊNCIA           | RESULTADO ANTERIOR    | MÉTODO';
const RULE = '-'.repeat(130);

test('a differential row with its % and absolute ranges in two cells, past the header’s cells', () => {
  const r = parseLabReport(
    [
      HEADER,
      RULE,
      'Leucócitos                | 8.400     | /µL        | 4.000 a 11.000                  | 7.950 (03/02/2025)    | Citometria',
      '  Neutrófilos             | 66 %      | 5.544 /µL  | 45 a 75 %  |  1.800 a 7.700 /µL | 60 % (03/02/2025)     | Citometria',
      '  Linfócitos              | 12 %      | 1.008 /µL  | 20 a 45 %  |  1.000 a 4.000 /µL | 28 % (03/02/2025)     | Citometria',
      'Plaquetas                 | 310.000   | /µL        | 150.000 a 450.000               | 298.000 (03/02/2025)  | Impedância',
    ].join('\n'),
    { today: '2025-06-01' },
  );
  assert.deepEqual(brief(r), [
    ['Leucócitos', 8400, 'normal'],
    ['Neutrófilos (%)', 66, 'normal'],
    ['Neutrófilos', 5544, 'normal'],
    ['Linfócitos (%)', 12, 'baixo'],
    ['Linfócitos', 1008, 'normal'],
    ['Plaquetas', 310000, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a reference band the page break carried to the next page, on a "(continuação)" row', () => {
  const r = parseLabReport(
    [
      HEADER,
      RULE,
      'Vitamina D                | 24        | ng/mL      | Deficiência: inferior a 20      | 19 (03/02/2025)       | Quimioluminescência',
      '                          |           |            | Insuficiência: 20 a 29          |                       |',
      RULE,
      'Continua na página seguinte.                                                        Página 1 de 2',
      '='.repeat(130),
      'Paciente: ANA LÚCIA FONSECA      Pedido: 31-220.117                                  Página 2 de 2',
      RULE,
      HEADER,
      RULE,
      '   (continuação)          |           |            | Suficiência: 30 a 100           |                       |',
      'Ferritina                 | 80        | ng/mL      | 30 a 400                        | 95 (03/02/2025)       | Quimioluminescência',
    ].join('\n'),
    { today: '2025-06-01' },
  );
  assert.deepEqual(brief(r), [
    ['Vitamina D (25-OH)', 24, 'baixo'],
    ['Ferritina', 80, 'normal'],
  ]);
  assert.match(r.analytes[0]!.reference_text ?? '', /Suficiência: 30 a 100$/);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a "(continuação)" row that prints more than the band is read as any row: what follows is read or listed', () => {
  const continued = '   (continuação)          |           |            | Suficiência: 30 a 100           |                       |   ; Potássio 4,4';
  const r = parseLabReport(
    [
      HEADER,
      RULE,
      'Vitamina D                | 24        | ng/mL      | Deficiência: inferior a 20      | 19 (03/02/2025)       | Quimioluminescência',
      RULE,
      HEADER,
      RULE,
      continued,
    ].join('\n'),
    { today: '2025-06-01' },
  );
  const potassium = r.analytes.some((a) => a.value === 4.4);
  assert.ok(potassium || r.unparsed_lines.includes(continued.trim()), JSON.stringify(r));
  assert.doesNotMatch(r.analytes[0]!.reference_text ?? '', /Potássio/);
});
