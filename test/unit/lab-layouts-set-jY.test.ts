// Text added to the lines of the two decoding passes of held-out sets 164-165 (a dated-periods table rewritten as
// name | result | reference, an XML export read as a tree), and the accounting pass when one of their results is
// lost: what is no part of the structure is read or listed, and a lost result's line is listed. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

const TODAY = { today: '2025-06-01' };

const HEADER = '| Exame | Referência | 1ª consulta — Data | 1ª consulta — Resultado | 2ª consulta — Data | 2ª consulta — Resultado |';
const RULE = '|---|---|---|---|---|---|';
const dated = (rows: string[], header = HEADER) => ['**Exames do pré-natal**', '', header, RULE, ...rows].join('\n');

test('a dated-periods table row with a number typed after its last bar: the number is read or listed (h1616)', () => {
  const row = '| Fator Rh | — | 04/02/25 | Positivo | — | — |   37,3';
  const text = dated(['| Ureia | 15 a 45 mg/dL | 04/02/25 | 22 mg/dL | — | — |', row]);
  const r = parseLabReport(text, TODAY);
  // A row with text past its cells is listed whole, as in any bar table: the reader does not take its cells apart.
  assert.deepEqual(brief(r), [['Ureia', 22, 'normal']]);
  assert.deepEqual(r.unparsed_lines, [row]);
});

test("a dated-periods table's header with a word result typed after its last bar: the line is listed (h1616)", () => {
  const header = `${HEADER}   HBsAg   POSITIVO`;
  const r = parseLabReport(dated(['| Ureia | 15 a 45 mg/dL | 04/02/25 | 22 mg/dL | — | — |'], header), TODAY);
  assert.deepEqual(brief(r), [['Ureia', 22, 'normal']]);
  assert.deepEqual(r.unparsed_lines, [header]);
});

test("a dated-periods table's one-letter and repeated-word results, lost by the reader, have their lines listed (h1616)", () => {
  const text = dated(['| Grupo sanguíneo (ABO) | — | 04/02/25 | B | — | — |', '| Eletroforese de hemoglobina | AS | 04/02/25 | AS | — | — |']);
  const { read, unlisted } = lostAnalytes(text);
  assert.equal(read, 2);
  assert.deepEqual(unlisted, []);
});

const xml = (lines: string[]) =>
  [
    '<relatorio versao="1.0">',
    '  <!-- Gerado pelo sistema do laboratório -->',
    '  <unidade cnes="1234567" nome="Laboratório Municipal">',
    '    <responsavel nome="Dra. Ana Lima" registro="CRF-SP 1.234"/>',
    '  </unidade>',
    '  <exames>',
    '    <exame codigo="FT" nome="Ferritina" material="Soro">',
    '      <resultado valor="7" unidade="ng/mL" sinalizador="L"/>',
    '      <referencia texto="15 a 150 ng/mL"/>',
    '    </exame>',
    '    <exame codigo="FE" nome="Ferro sérico" material="Soro">',
    '      <resultado valor="41" unidade="µg/dL" sinalizador="L"/>',
    '      <referencia texto="50 a 170 µg/dL"/>',
    '    </exame>',
    ...lines,
    '  </exames>',
    '</relatorio>',
  ].join('\n');

test("an XML export's comment line with a number typed after it: the number is listed (h1625)", () => {
  const text = xml([]).replace('laboratório -->', 'laboratório -->   52,3');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(brief(r), [
    ['Ferritina', 7, 'baixo'],
    ['Ferro sérico', 41, 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, ['<!-- Gerado pelo sistema do laboratório -->   52,3']);
});

test("an XML export's element line with a word result typed after it: the line is listed (h1625)", () => {
  const line = '<unidade cnes="1234567" nome="Laboratório Municipal">   Positivo';
  const text = xml([]).replace('<unidade cnes="1234567" nome="Laboratório Municipal">', line);
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(brief(r), [
    ['Ferritina', 7, 'baixo'],
    ['Ferro sérico', 41, 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, [line]);
});

test("an XML export's text after the root's close is kept to be read or listed (h1625)", () => {
  const text = xml([]).replace('</relatorio>', '</relatorio>   61,9');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(r.unparsed_lines, ['</relatorio>   61,9']);
});

test("an XML export's one-digit result, lost by the reader, has its line listed (h1625)", () => {
  const { read, unlisted } = lostAnalytes(xml([]));
  assert.equal(read, 2);
  assert.deepEqual(unlisted, []);
});
