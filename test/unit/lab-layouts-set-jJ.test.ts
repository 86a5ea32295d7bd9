// Held-out set 159 (h1564, h1570): a form-reading OCR service's key-value pairs and bracketed table rows, and a
// spreadsheet copied sideways (one exam a column, the collection dates as rows, the lab's limits in Mín/Máx
// rows). Rewritten examples with other names, values and labs. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const rows = (r: LabParseResult) => r.analytes.map((a) => [a.name, a.value, a.flag] as const);

const FORM = [
  '=== Extração automática ===',
  'arquivo: scan_0042.png | rotação corrigida: 1,7° | tempo: 3,05 s',
  '[k 0,98 | v 0,97] "Paciente" => "MARIA DAS DORES PINTO"',
  '[k 0,99 | v 0,98] "Sexo" => "Feminino"',
  '[k 0,97 | v 0,96] "Data Nasc." => "14/03/1980"',
  '',
  '--- Tabela 1 (linhas: 3 | colunas: 4 | confiança média 0,92) ---',
  'L01: [EXAME] [RESULTADO] [UNIDADE] [REFERÊNCIA]',
  'L02: [Ureia] [52] [mg/dL] [15 a 45]',
  'L03: [Sódio] [141] [mmol/L] [136 a 145]',
  '',
  '[k 0,94 | v 0,91] "Ferritina" => "180 ng/mL"     | texto vizinho: "VR: Homens 30 a 400 / Mulheres 13 a 150"  [baixa confiança]',
  '[k 0,95 | v 0,93] "TSH" => "5,10 µUI/mL"   | texto vizinho: "VR: 0,27 a 4,20"',
  'Resumo: 3 pares no cabeçalho, 1 tabela (2 linhas de dados), 2 pares fora de tabela.',
].join('\n');

test("a form reader's pairs and bracketed rows are read as the lines they stand for, its own numbers listed", () => {
  const r = parseLabReport(FORM);
  assert.deepEqual(rows(r), [
    ['Ureia', 52, 'alto'],
    ['Sódio', 141, 'normal'],
    ['Ferritina', 180, 'alto'],
    ['TSH', 5.1, 'alto'],
  ]);
  for (const listed of [
    'arquivo: scan_0042.png | rotação corrigida: 1,7° | tempo: 3,05 s',
    '--- Tabela 1 (linhas: 3 | colunas: 4 | confiança média 0,92) ---',
    'Resumo: 3 pares no cabeçalho, 1 tabela (2 linhas de dados), 2 pares fora de tabela.',
  ])
    assert.ok(r.unparsed_lines.includes(listed), JSON.stringify(r.unparsed_lines));
});

test("a lone bracketed line is no form reader's output", () => {
  const r = parseLabReport(['Glicose   92 mg/dL   70 a 99', 'L01: [obs] [ver verso]'].join('\n'));
  assert.deepEqual(rows(r), [['Glicose', 92, 'normal']]);
});

const sheet = (dates: string[], extra: string[] = []) =>
  [
    'Planilha de exames do pai',
    '',
    'Exame\tHemoglobina\tGlicose\tTSH\tHDL\tVit. B12',
    'Unidade\tg/dL\tmg/dL\tµUI/mL\tmg/dL\tpg/mL',
    ...dates,
    '',
    'Mín (VR lab)\t13,5\t70\t0,45\t40\t197',
    'Máx (VR lab)\t17,5\t99\t4,50\t\t771',
    'Status\tok\tALTO\tok\tok\tnão fez',
    'Variação %\t-3,1%\t8,2%\t-10,0%\t4,4%\t#DIV/0!',
    ...extra,
  ].join('\n');

const EARLIER = '03/02/2026\t14,6\t104\t2,9\t44\t356';
const CURRENT = '20/09/2026\t13,1\t111\t2,6\t46\t';

test("a sideways sheet's newest dated row is read as its results, against its Mín/Máx rows", () => {
  const r = parseLabReport(sheet([EARLIER, CURRENT]));
  assert.deepEqual(rows(r), [
    ['Hemoglobina', 13.1, 'baixo'],
    ['Glicose', 111, 'alto'],
    ['TSH', 2.6, 'normal'],
    ['HDL-colesterol', 46, 'normal'],
  ]);
  // The earlier collection and the sheet's own sums stay listed; the empty current cell is no result.
  assert.ok(r.unparsed_lines.includes(EARLIER), JSON.stringify(r.unparsed_lines));
  assert.ok(r.unparsed_lines.includes('Variação %\t-3,1%\t8,2%\t-10,0%\t4,4%\t#DIV/0!'), JSON.stringify(r.unparsed_lines));
});

test('the newest date is the current collection wherever it is printed', () => {
  const r = parseLabReport(sheet([CURRENT, EARLIER]));
  assert.deepEqual(
    rows(r).map(([n, v]) => [n, v]),
    [
      ['Hemoglobina', 13.1],
      ['Glicose', 111],
      ['TSH', 2.6],
      ['HDL-colesterol', 46],
    ],
  );
  assert.ok(r.unparsed_lines.includes(EARLIER), JSON.stringify(r.unparsed_lines));
});
