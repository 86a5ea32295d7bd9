// Probes for set 151 causes (written with other names, numbers and labs): each failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

test('a differential whose value and reference columns are headed by a power-of-ten unit (x 10^3/µL) is read row by row', () => {
  const text = [
    'LEUCOGRAMA                      RESULTADO              REFERÊNCIA',
    'Leucócitos totais ......   8,2 x 10^3/µL          4,0 - 11,0 x 10^3/µL',
    '',
    '                          %        x 10^3/µL      REF. %        REF. x 10^3/µL',
    'Neutrófilos ..........   66,0       5,41          40 - 75       1,80 - 7,70',
    'Linfócitos ...........   24,0       1,97          20 - 45       1,00 - 4,80',
    'Monócitos ............   10,0       0,82           2 - 10       0,10 - 1,00',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', today: '2025-06-10' });
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag]),
    [
      ['Leucócitos', 8.2, 'normal'],
      ['Neutrófilos (%)', 66, 'normal'],
      ['Neutrófilos', 5.41, 'normal'],
      ['Linfócitos (%)', 24, 'normal'],
      ['Linfócitos', 1.97, 'normal'],
      ['Monócitos (%)', 10, 'normal'],
      ['Monócitos', 0.82, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a stool finding after "RESULTADO:" that names the sample it was seen in, in brackets, is the exam\'s result', () => {
  const text = [
    'GLICOSE.......:   88 mg/dL                          70 a 99',
    '               PARASITOLÓGICO DE FEZES (MÉTODO DE HOFFMAN - 3 AMOSTRAS)',
    'AMOSTRAS COLHIDAS EM 02/03, 04/03 E 06/03/2025',
    '',
    'RESULTADO: PRESENÇA DE CISTOS DE GIARDIA LAMBLIA (3ª AMOSTRA)',
    'V.R.: NEGATIVO',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-10' });
  const q = r.qualitative.find((x) => /parasitol/i.test(x.name));
  assert.ok(q, JSON.stringify(r));
  assert.match(q.value, /^PRESENÇA DE CISTOS DE GIARDIA LAMBLIA/);
  assert.equal(q.flag, 'alterado');
  assert.deepEqual(r.unparsed_lines, []);
});

test('a bar table row whose reference cell is only "--" is read, with no reference to flag it by', () => {
  const text = [
    'EXAME                          | RESULTADO  | UNIDADE   | VALORES DE REFERÊNCIA        | MÉTODO',
    'Testosterona livre             | 9,4        | ng/dL     | --                           | Cálculo',
    'Testosterona total             | 512        | ng/dL     | 249 a 836                    | Quimioluminescência',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', today: '2025-06-10' });
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag]),
    [
      ['Testosterona livre', 9.4, 'indeterminado'],
      ['Testosterona total', 512, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('urinalysis word rows whose column gaps a PDF extraction collapsed to one space: name, result and reference in words', () => {
  const text = [
    'URINA TIPO I',
    'Exame físico Resultado Valores de referência',
    'Cor Amarelo claro Amarelo claro',
    'Aspecto Turvo Límpido',
    'Exame químico Resultado Valores de referência',
    'Hemoglobina Traços Negativo',
    'Cetonas Negativo Negativo',
    'Sedimento Resultado Valores de referência',
    'Células epiteliais Raras Raras',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', today: '2025-06-10' });
  assert.deepEqual(
    r.qualitative.map((a) => [a.name, a.value, a.flag]),
    [
      ['Cor', 'Amarelo claro', 'normal'],
      ['Aspecto', 'Turvo', 'alterado'],
      ['Hemoglobina', 'Traços', 'alterado'],
      ['Cetonas', 'Negativo', 'normal'],
      ['Células epiteliais', 'Raras', 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a landscape bar table with an earlier-result column before its method column: a "--" reference is still no reference', () => {
  const text = [
    'EXAME                    | RESULTADO | UNIDADE | VALORES DE REFERÊNCIA | RESULTADO ANTERIOR | MÉTODO',
    'Testosterona livre       | 9,4       | ng/dL   | --                    | 8,1 (03/02/2024)   | Cálculo',
    'Testosterona total       | 512       | ng/dL   | 249 a 836             | 498 (03/02/2024)   | Quimioluminescência',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', today: '2025-06-10' });
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag, a.reference_text ?? null]),
    [
      ['Testosterona livre', 9.4, 'indeterminado', null],
      ['Testosterona total', 512, 'normal', '249 a 836'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
