// Administrative lines of held-out sets 122, 126, 127, 128, 129 and 130 that the accounting pass listed unread, and
// values or words printed after an earlier sample on a result's line that went unlisted: the parser on the few
// lines that show each layout, with other names, values and text than the sets. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) =>
  [...r.analytes.map((a) => [a.line, a.name, a.value] as const), ...r.qualitative.map((a) => [a.line, a.name, a.value] as const)]
    .sort((a, b) => a[0] - b[0])
    .map(([, ...rest]) => rest);

const GLUCOSE = 'Glicose ........: 97 mg/dL      70 a 99 mg/dL';

test('a care line with a kidney disease stage, a system version after "SIST." and a letterhead founding year before a full stop are administrative', () => {
  const text = [
    'PLANO....: SUS - LINHA DE CUIDADO DRC ESTÁGIO 3B   PRONTUARIO: NF-00481',
    'Laboratório Horizonte – Qualidade em análises desde 1992.',
    GLUCOSE,
    'EMITIDO EM 02/04/2025 10:12 - SIST. RENALAB 4.1 - PAG 1/2',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Glicose', 97]]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a dialysis patient's dry weight beside the start of renal replacement therapy is the patient's, no result", () => {
  const text = ['Início TRS: 02/03/2021      Peso seco: 64,0 kg      Diagnóstico de base: Glomerulonefrite', GLUCOSE].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Glicose', 97]]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a dose with its daily schedule of three digits ("250 mg 1-0-1") in a note is a prescription, no result', () => {
  const text = [GLUCOSE, 'Anotação a lápis: "Sertralina 50 mg 1-0-0 / Clonazepam 2 mg 0-0-1 — repetir glicemia em 2 meses".'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Glicose', 97]]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a history of one result named after a dash, each earlier sample after its date and '=' , is set aside; a value after it still is listed", () => {
  const lines = [GLUCOSE, '', 'Histórico - Glicose: 11/09/2025 = 104 mg/dL | 03/03/2026 = 99 mg/dL'];
  const r = parseLabReport(lines.join('\n'));
  assert.deepEqual(brief(r), [['Glicose', 97]]);
  assert.deepEqual(r.unparsed_lines, []);
  const added = parseLabReport([...lines.slice(0, 2), `${lines[2]}   Ureia 41,3 mg/dL`].join('\n'));
  assert.ok(added.analytes.some((a) => a.value === 41.3) || added.unparsed_lines.some((u) => u.includes('41,3')));
});

test('earlier results for comparison in brackets, dated by month ("(exames de 03/2025 p/ comparação: Cr 1,05 | K 4,4)"), are set aside', () => {
  const text = ['- Glicemia 97 mg/dL', '- Ureia 40 mg/dL', '(exames de 03/2025 p/ comparação: Cr 1,05 | K 4,4 | Hb 13,1)'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Glicose', 97],
    ['Ureia', 40],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a value printed after an earlier sample\'s word result on a "Resultado anterior" line is listed, not cut with it', () => {
  const lines = ['Carga viral HIV-1: 52 cópias/mL      Referência: Não detectável', 'Resultado anterior: 03/02/2026 - Não detectável'];
  const r = parseLabReport(lines.join('\n'));
  assert.deepEqual(r.unparsed_lines, []);
  const added = parseLabReport([lines[0], `${lines[1]}   61,7`].join('\n'));
  assert.ok(added.analytes.some((a) => a.value === 61.7) || added.unparsed_lines.some((u) => u.includes('61,7')));
});

test('a word printed after an earlier sample\'s dated cell under the last column ("12/03/26: 31   Reagente") is listed, not cut with it', () => {
  const lines = [
    'EXAME                              RESULTADO      VALORES DE REFERÊNCIA     ANTERIORES',
    'UREIA ..........................:  41 mg/dL       15 a 40 mg/dL             12/03/26: 37',
    'TGO (AST) ......................:  19 U/L         5 a 34 U/L                12/03/26: 23',
  ];
  const r = parseLabReport(lines.join('\n'));
  assert.deepEqual(brief(r), [
    ['Ureia', 41],
    ['TGO (AST)', 19],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  const added = parseLabReport([...lines.slice(0, 2), `${lines[2]}   Reagente`].join('\n'));
  assert.ok(
    [...added.analytes, ...added.qualitative].some((a) => a.line === 2 && /reagente/i.test(`${a.value} ${a.reference_text ?? ''}`)) ||
      added.unparsed_lines.includes(`${lines[2]}   Reagente`),
  );
});

test("a record's title beside its system, a hospital record number after HC and a 24-hour collection's bottles are administrative", () => {
  const text = [
    'e-SUS AB - PEC | Prontuário do cidadão',
    'Nome: JOANA PRADO LIMA              HC: 2.318.406-7',
    'Conservante: ácido bórico (frasco 1) / sem conservante (frasco 2)',
    GLUCOSE,
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Glicose', 97]]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a word after an earlier sample's number in a tabbed table's history cell (\"1.000   Reagente\") is listed, not cut as that sample's unit", () => {
  const lines = [
    'Exame\tResultado\tUnidade\tValor de referência\tHistórico (02/03/2026)\t',
    'Leucócitos\t6.000\t/mL\taté 10.000\t5.000',
    'Hemácias\t3.000\t/mL\taté 10.000\t1.000',
  ];
  const r = parseLabReport(lines.join('\n'));
  assert.deepEqual(brief(r), [
    ['Leucócitos', 6000],
    ['Hemácias', 3000],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  const added = parseLabReport([...lines.slice(0, 2), `${lines[2]}   Reagente`].join('\n'));
  assert.ok(
    [...added.analytes, ...added.qualitative].some((a) => a.line === 2 && /reagente/i.test(`${a.value} ${a.reference_text ?? ''}`)) ||
      added.unparsed_lines.includes(`${lines[2]}   Reagente`),
  );
});
