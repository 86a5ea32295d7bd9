// Held-out set 182's layouts: a municipal portal's spreadsheet pasted as tab-separated text with the request's and
// the patient's columns on every row. One focused case each, with names and values of their own; no database, no
// model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { resultTokens } from '../../src/labs/accounting.ts';
import { rows as brief } from '../support/lab-rows.ts';

const read = (lines: string[]) => parseLabReport(lines.join('\n'), { today: '2025-06-01' });

const row = (code: string, exam: string, param: string, value: string, unit: string, ref: string) =>
  [
    '88.1203.4',
    'MARTA SOUZA LIMA',
    '898 0012 3345 6677',
    '02/09/1980',
    'F',
    '11/03/2025',
    code,
    exam,
    param,
    value,
    unit,
    ref,
    'Liberado',
    'João P. Silva CRF-SC 9.001',
  ].join('\t');
const RECORD_HEADER =
  'Requisição\tPaciente\tCNS\tDt. Nasc.\tSexo\tDt. Coleta\tCód.\tExame\tParâmetro\tResultado\tUnidade\tValor de referência\tSituação\tLiberado por';

test("a tab-separated record export with the request's columns on every row reads each row as a result (h1802)", () => {
  const r = read([
    RECORD_HEADER,
    row('0301', 'Ferritina', 'Ferritina', '9', 'ng/mL', '13 a 150 ng/mL'),
    row('0302', 'Hemograma', 'Hemoglobina', '12,9', 'g/dL', '12,0 a 15,5 g/dL'),
    row('0410', 'Magnésio', 'Magnésio', '2,9', 'mg/dL', '1,6 a 2,6 mg/dL'),
  ]);
  assert.deepEqual(brief(r), [
    ['Ferritina', 9, 'baixo'],
    ['Hemoglobina', 12.9, 'normal'],
    ['Magnésio', 2.9, 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("what a ';' sets after the signer's cell of such a row is kept, to be read or listed, never dropped (h1802)", () => {
  const typed = `${row('0301', 'Ferritina', 'Ferritina', '9', 'ng/mL', '13 a 150 ng/mL')} ; Potássio 5,9`;
  const r = read([RECORD_HEADER, typed, row('0410', 'Magnésio', 'Magnésio', '2,9', 'mg/dL', '1,6 a 2,6 mg/dL')]);
  assert.ok(
    brief(r).some(([n, v]) => /pot[aá]ssio/i.test(String(n)) && v === 5.9) || r.unparsed_lines.includes(typed),
    JSON.stringify({ rows: brief(r), unparsed: r.unparsed_lines }),
  );
});

test("rows named only by what they detect under a serology section's agent are the agent's (h1800)", () => {
  const r = read([
    'IMUNOLOGIA / SOROLOGIA - CHIKUNGUNYA',
    'Anticorpos IgM (ELISA) ........ Reagente          (Não reagente)',
    'Anticorpos IgG (ELISA) ........ Não reagente      (Não reagente)',
    '',
    'SOROLOGIA - RUBÉOLA',
    'IgG ............ Reagente      (Não reagente)',
  ]);
  assert.deepEqual(
    [...r.analytes, ...r.qualitative].map((a) => [a.name, a.value, a.flag]),
    [
      ['Chikungunya - Anticorpos IgM (ELISA)', 'Reagente', 'alterado'],
      ['Chikungunya - Anticorpos IgG (ELISA)', 'Não reagente', 'normal'],
      ['Rubéola IgG', 'Reagente', 'alterado'],
    ],
  );
});

test("a note's value of the admission sample, dated in brackets, is no result of this one (h1800)", () => {
  const r = read(['Hemoglobina ........ 10,2 g/dL           (11,5 a 13,5)', 'Hemoglobina na internação (02/03): 12,8 g/dL - queda de 20%.']);
  assert.deepEqual(brief(r), [['Hemoglobina', 10.2, 'baixo']]);
});

test('an antinuclear pattern set a tab apart from its label leaves the reference under it to the titre (h1797)', () => {
  const r = read([
    'FAN - FATOR ANTINÚCLEO EM HEp-2',
    'Resultado\tReagente',
    'Título\t1/640',
    'Padrão\tNuclear homogêneo',
    'Valor de referência\tNão reagente (título inferior a 1/80)',
  ]);
  assert.deepEqual(
    r.qualitative.map((a) => [a.value, a.flag]),
    [['1/640', 'alterado']],
  );
  assert.deepEqual(r.unparsed_lines, ['Padrão\tNuclear homogêneo']);
});

test("a block's longest name leaves its leader one dot before the colon (h1798)", () => {
  const r = read([
    'Resultado:',
    '   Cistos de Iodamoeba bütschlii ........: ENCONTRADOS',
    '   Larvas de Strongyloides (S. stercoralis) .: ENCONTRADOS',
    'Valor de referência: Negativo',
  ]);
  assert.deepEqual(
    r.qualitative.map((a) => [a.name, a.value, a.flag]),
    [
      ['Cistos de Iodamoeba bütschlii', 'ENCONTRADOS', 'alterado'],
      ['Larvas de Strongyloides (S. stercoralis)', 'ENCONTRADOS', 'alterado'],
    ],
  );
});

test('a word after a one-dot leader is a result the accounting pass knows, so the line is listed if the reader loses it (h1798)', () => {
  assert.deepEqual(
    resultTokens('Larvas de Strongyloides (S. stercoralis) : ENCONTRADOS', '   Larvas de Strongyloides (S. stercoralis) .: ENCONTRADOS').map((t) => t.text),
    ['ENCONTRADOS'],
  );
});
