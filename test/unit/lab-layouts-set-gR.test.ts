// The general causes behind wrong readings of held-out sets 130 to 132, one focused case each: the parser
// on a few lines that show each layout, with other names, values and text than the sets. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountLines } from '../../src/labs/accounting.ts';
import { parseLabReport } from '../../src/labs/parse.ts';

const patient = { sex: 'F' as const, birthDate: '2015-03-01', today: '2024-06-01' };

test("a bare count before a bound's lead (\"162    até 700 /mm³\") is the row's second value, never a range's start", () => {
  const text = [
    'HEMOGRAMA',
    '  Leucócitos                      8.100          4.000 a 11.000 /mm³',
    '    Bastonetes                   2 %    162    até 700 /mm³',
    '    Basófilos                    1 %     81    até 200 /mm³',
    '    Linfócitos                  30 %  2.430    inferior a 2.000 /mm³',
  ].join('\n');
  const r = parseLabReport(text, patient);
  const count = (name: string) => r.analytes.find((a) => a.name === name && a.unit === '/mm³');
  assert.equal(count('Bastonetes')?.value, 162);
  assert.equal(count('Bastonetes')?.reference_high, 700);
  assert.equal(count('Bastonetes')?.reference_low, null);
  assert.equal(count('Bastonetes')?.flag, 'normal');
  assert.equal(count('Basófilos')?.value, 81);
  assert.equal(count('Basófilos')?.flag, 'normal');
  assert.equal(count('Linfócitos')?.value, 2430);
  assert.equal(count('Linfócitos')?.flag, 'alto');
  assert.equal(r.analytes.find((a) => a.name === 'Bastonetes (%)')?.value, 2);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a number hidden at the head of a reference, before a bound's lead, is listed: no reading accounts for it", () => {
  const raw = '    Bastonetes                   2 %    162    até 700 /mm³';
  const read = {
    key: null,
    name: 'Bastonetes',
    value: 2,
    comparator: null,
    source: 'parser',
    line: 0,
    unit: '%',
    reference_low: 162,
    reference_high: 700,
    reference_text: '162 até 700 /mm³',
    reference_source: 'report',
    flag: 'indeterminado',
  } as unknown as Parameters<typeof accountLines>[1][number];
  assert.deepEqual(accountLines([{ index: 0, raw, text: raw }], [read], []), [raw.trim()]);
  // A range printed so on one line ("10 até 20") is the reference's, its start no value.
  const range = '    Ferritina                    35 ng/mL    10 até 120 ng/mL';
  const ranged = {
    ...read,
    name: 'Ferritina',
    value: 35,
    unit: 'ng/mL',
    reference_low: 10,
    reference_high: 120,
    reference_text: '10 até 120 ng/mL',
  } as unknown as Parameters<typeof accountLines>[1][number];
  assert.deepEqual(accountLines([{ index: 0, raw: range, text: range }], [ranged], []), []);
});

test('a tabbed portal row with the relative and absolute counts in one cell, a bar between, reads both values', () => {
  const text = [
    'Exame\tResultado\tValor de referência\tSituação',
    'Leucócitos\t6.400 /mm³\t4.500 a 11.000 /mm³\tNormal',
    'Bastonetes\t3 % | 192 /mm³\t0 a 5 % | 0 a 500 /mm³\tNormal',
    'Basófilos\t2 % | 128 /mm³\t0 a 1 % | 0 a 100 /mm³\tAlterado',
  ].join('\n');
  const r = parseLabReport(text, patient);
  const find = (name: string, unit: string) => r.analytes.find((a) => a.name.startsWith(name) && a.unit === unit);
  assert.equal(find('Bastonetes', '%')?.value, 3);
  assert.equal(find('Bastonetes', '%')?.flag, 'normal');
  assert.equal(find('Bastonetes', '/mm³')?.value, 192);
  assert.equal(find('Bastonetes', '/mm³')?.flag, 'normal');
  assert.equal(find('Basófilos', '%')?.value, 2);
  assert.equal(find('Basófilos', '%')?.flag, 'alto');
  assert.equal(find('Basófilos', '/mm³')?.value, 128);
  assert.equal(find('Basófilos', '/mm³')?.flag, 'alto');
  assert.deepEqual(r.unparsed_lines, []);
});
