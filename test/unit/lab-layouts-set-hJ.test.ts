// Probes for held-out set 140 layouts (helper hJ), rewritten with other names, values and labs: each
// failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

const rows = (text: string) => {
  const r = parseLabReport(text, { sex: 'F', birthDate: '1972-03-09', today: '2025-06-01' });
  return { rows: r.analytes.map((a) => [a.name, a.value, a.flag]), unparsed: r.unparsed_lines };
};

const EXPORT = [
  'LABORATÓRIO REGIONAL DO VALE - EXPORTAÇÃO;;;;;;;;',
  'Pedido;Dt_Coleta;Material;Analito;Resultado;Unidade;Valor_Referencia;Flag;Res_Anterior (dt);Liberado_por',
  '770412;03/04/2025;Soro;Glicose;112;mg/dL;70 a 99;H;104 (10/10/2024);Renata Alves - CRF-SP 11223',
  '770412;03/04/2025;Soro;Potássio;4,4;mEq/L;3,5 a 5,1;N;;Renata Alves - CRF-SP 11223',
];

test('semicolon export: the left-out signer and previous-result cells read as nothing of the row', () => {
  const got = rows(EXPORT.join('\n'));
  assert.deepEqual(got.rows, [
    ['Glicose', 112, 'alto'],
    ['Potássio', 4.4, 'normal'],
  ]);
  assert.deepEqual(got.unparsed, []);
});

test('semicolon export: a value a column gap sets after the signer in its cell is listed, never dropped', () => {
  const line = `${EXPORT[3]}   Ureia 61,3 mg/dL`;
  const got = rows([...EXPORT.slice(0, 3), line].join('\n'));
  assert.deepEqual(got.rows[0], ['Glicose', 112, 'alto']);
  assert.deepEqual(got.unparsed, [line]);
});

test('semicolon export: a word result after the signer in its cell is listed, never dropped', () => {
  const line = `${EXPORT[2]}   Anti-HBs   REAGENTE`;
  const got = rows([...EXPORT.slice(0, 2), line, EXPORT[3]].join('\n'));
  assert.deepEqual(got.rows.at(-1), ['Potássio', 4.4, 'normal']);
  assert.deepEqual(got.unparsed, [line]);
});

test('semicolon export: a value after the previous result in its left-out cell is listed, never dropped', () => {
  const line = EXPORT[2]!.replace('(10/10/2024)', '(10/10/2024)   (repetido: 63,5)');
  const got = rows([...EXPORT.slice(0, 2), line, EXPORT[3]].join('\n'));
  assert.deepEqual(got.rows.at(-1), ['Potássio', 4.4, 'normal']);
  assert.deepEqual(got.unparsed, [line]);
});

test("a note's line run on into the export's empty fields, a result word after a column gap, is read or listed as printed", () => {
  const text = [
    'Pedido;Dt_Coleta;Material;Exame;Analito;Resultado;Unidade;Valor_Referencia;Flag;Liberado_por',
    '88120;02/03/2025;Soro;GLICOSE;Glicose;92;mg/dL;70 a 99;N;Rui Prado - CRBM-4 1201',
    'Relatório gerado pelo sistema do hospital, sem valor de laudo.;;;;;;;;;   Reagente',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.equal(r.analytes.find((a) => a.name === 'Glicose')?.value, 92);
  const word = r.qualitative.some((q) => /reagente/i.test(String(q.value))) || r.unparsed_lines.some((u) => /Reagente/.test(u));
  assert.ok(word, JSON.stringify(r.unparsed_lines));
});
