// A portal's ';' CSV export whose quoted reference field runs over several lines (h1652): the record is read as one
// row on its first line, and what is typed on its other lines apart from the record (after the record's closing
// quote, or inside the field after a column gap or a ';') stays on its line, to be read or listed there. A report of
// our own, no database, no model.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

const HEAD = '"CNS";"Paciente";"Sexo";"Unidade";"Exame";"Analito";"Resultado";"Unidade";"ValorReferencia";"Alterado";"Liberado"';
const ROW = '"700000000000001";"MARIA TESTE";"F";"CS CENTRO";"HEMOGLOBINA GLICADA";"HbA1c";"5,9";"%";"Normal: inferior a 5,7';
const report = (tier: string, closing: string) =>
  [
    '"Exportação de resultados"',
    HEAD,
    '"700000000000001";"MARIA TESTE";"F";"CS CENTRO";"GLICOSE";"Glicose";"104";"mg/dL";"70 a 99";"S";"S"',
    ROW,
    tier,
    closing,
    '"700000000000001";"MARIA TESTE";"F";"CS CENTRO";"TSH";"TSH";"2,14";"µUI/mL";"0,38 a 5,33";"N";"S"',
  ].join('\n');
const TIER = 'Pré-diabetes: 5,7 a 6,4';
const CLOSING = 'Diabetes: igual ou superior a 6,5";"S";"S"';
const opts = { today: '2025-06-01' };
const hba1c = (text: string) => parseLabReport(text, opts).analytes.find((a) => /hba1c|glicada/i.test(a.name));

test('a multi-line quoted reference: one row, its tiers its reference, nothing listed, any lost result listed', () => {
  const text = report(TIER, CLOSING);
  const r = parseLabReport(text, opts);
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.line]),
    [
      [104, 2],
      [5.9, 3],
      [2.14, 6],
    ],
  );
  assert.equal(hba1c(text)?.reference_text, 'Normal: inferior a 5,7; Pré-diabetes: 5,7 a 6,4; Diabetes: igual ou superior a 6,5');
  assert.deepEqual(r.unparsed_lines, []);
  assert.deepEqual(lostAnalytes(text, opts).unlisted, []);
});

test("text typed after the record's closing quote stays on that line: read or listed there", () => {
  for (const typed of ['   Ureia 48,9 mg/dL', ' ; Sódio 131,3']) {
    const r = parseLabReport(report(TIER, `${CLOSING}${typed}`), opts);
    assert.ok(
      r.analytes.some((a) => a.line === 5 && (a.value === 48.9 || a.value === 131.3)),
      `${typed}: ${JSON.stringify(r.analytes.map((a) => [a.name, a.value, a.line]))}`,
    );
    assert.equal(hba1c(report(TIER, `${CLOSING}${typed}`))?.reference_text?.includes('Diabetes: igual ou superior a 6,5'), true);
  }
  const word = parseLabReport(report(TIER, `${CLOSING} ; HBsAg: Reagente`), opts);
  assert.ok(word.qualitative.some((q) => q.line === 5 && /reagente/i.test(String(q.value))));
  const bare = parseLabReport(report(TIER, `${CLOSING}   48,7`), opts);
  assert.ok(
    bare.unparsed_lines.some((u) => u.includes('48,7')),
    JSON.stringify(bare.unparsed_lines),
  );
});

test('text typed inside the multi-line field apart from it stays on its line; the reference stays whole', () => {
  const word = report(`${TIER} ; HBsAg: Reagente`, CLOSING);
  assert.ok(parseLabReport(word, opts).qualitative.some((q) => q.line === 4 && /reagente/i.test(String(q.value))));
  assert.equal(hba1c(word)?.reference_text, 'Normal: inferior a 5,7; Pré-diabetes: 5,7 a 6,4; Diabetes: igual ou superior a 6,5');
  const value = parseLabReport(report(`${TIER}   Ureia 48,9 mg/dL`, CLOSING), opts);
  assert.ok(value.analytes.some((a) => a.line === 4 && a.value === 48.9));
  const sodium = report(`${TIER} ; Sódio 131,3`, CLOSING);
  assert.ok(parseLabReport(sodium, opts).analytes.some((a) => a.line === 4 && a.value === 131.3));
  assert.equal(hba1c(sodium)?.reference_text, 'Normal: inferior a 5,7; Pré-diabetes: 5,7 a 6,4; Diabetes: igual ou superior a 6,5');
  const bare = parseLabReport(report(`${TIER}   48,7`, CLOSING), opts);
  assert.ok(
    bare.unparsed_lines.some((u) => u.includes('48,7')),
    JSON.stringify(bare.unparsed_lines),
  );
});

test("an export that leaves fields unquoted: the closing line's fields are the record's", () => {
  const text = report(TIER, 'Diabetes: igual ou superior a 6,5";S;S');
  const r = parseLabReport(text, opts);
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.line]),
    [
      [104, 2],
      [5.9, 3],
      [2.14, 6],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
