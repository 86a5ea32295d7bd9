// Probes for the corpus-test findings that kept sets 142 and 143 out of CORPUS_SETS (docs/labs.md, Limits),
// rewritten with other names, values and labs: each failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

test("a footer's count of the report's pages or blocks is no result: the line is not listed", () => {
  const text = [
    'LABORATÓRIO VALE DO IGUAÇU',
    'Paciente: Marta Ribas Kühn        Sexo: Feminino   Idade: 61 anos',
    '',
    'GLICOSE',
    'Resultado ........ 97 mg/dL',
    'Referência ....... 70 a 99 mg/dL',
    '',
    'Documento emitido em 02/05/2025 09:14 - 3 páginas - 18 blocos',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-10' });
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [[97, 'normal']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a result run on past ';' after a row's second-system cells is read or listed, never blanked with them", () => {
  const head = [
    'Exame        | Resultado | Unidade | Referência   || SI    | Unidade SI | Referência SI',
    '-------------+-----------+---------+--------------++-------+------------+--------------',
    'Prolactina   | 9,8       | ng/mL   | 4,0 a 15,2   || 208   | mUI/L      | 85 a 322',
  ];
  for (const [tail, kept] of [
    ['; Potássio 5,9', '5,9'],
    ['; Anti-HCV: Reagente', 'Reagente'],
  ] as const) {
    const row = `LH           | 2,9       | mUI/mL  | 1,7 a 8,6    || 2,9   | UI/L       | 1,7 a 8,6 ${tail}`;
    const r = parseLabReport([...head, row].join('\n'), { sex: 'M', today: '2025-06-10' });
    const values = [...r.analytes.map((a) => String(a.value).replace('.', ',')), ...r.qualitative.map((a) => String(a.value))];
    assert.ok(values.includes('2,9'), `LH read: ${JSON.stringify(values)}`);
    assert.ok(!values.includes('208'), 'the SI column is not read');
    assert.ok(values.includes(kept) || r.unparsed_lines.includes(row), `${kept} read or its row listed: ${JSON.stringify([values, r.unparsed_lines])}`);
  }
});

test('a release line naming several samples by their numbers after the plural is administrative: not listed', () => {
  const text = [
    'Sódio            138      136 a 145 mmol/L',
    'Potássio         4,1      3,5 a 5,1 mmol/L',
    '>>> Liberação: coleta [B] 21/03/2025 05:40 - Amostras 2103-0112 / 2103-0113',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-10' });
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [
      [138, 'normal'],
      [4.1, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a web address's path and query, and a quality control's level, are no results: their lines are not listed", () => {
  const text = [
    'GASOMETRIA ARTERIAL',
    'pH            7,38     7,35 a 7,45',
    'pCO2          41       35 a 45 mmHg',
    'CQ nível 3: 11/02/2025 04:50 - aprovado',
    'Laudo completo no portal <https://resultados.labsul.com.br/?id=552-10873>.',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-10' });
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [
      [7.38, 'normal'],
      [41, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
