// The general causes behind three corpus-property failures on held-out sets 94-96 (h914, h928, h942), one
// focused case each, with rewritten lines: the parser and the accounting pass on the few lines that show each
// layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

const lostAndUnlisted = (text: string) => lostAnalytes(text).unlisted;

test('a portal card printed one field a line: a word result lost is listed, though the next card prints the same word reference', () => {
  const text = [
    'RUBÉOLA - ANTICORPOS IgG E IgM',
    'Liberado em 11/03/2025 09:40',
    'Método: eletroquimioluminescência',
    'Rubéola IgM',
    'Negativo',
    'Valor de referência: Negativo',
    'Citomegalovírus IgM',
    'Negativo',
    'Valor de referência: Negativo',
    '',
    'HBsAg',
    'Liberado em 11/03/2025 09:40',
    'Negativo',
    'Valor de referência: Negativo',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Rubéola IgM', 'Negativo', null, 'normal'],
    ['Citomegalovírus IgM', 'Negativo', null, 'normal'],
    ['HBsAg', 'Negativo', null, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  assert.deepEqual(lostAndUnlisted(text), []);
});

test('a table printed one cell a line (name, method, result, reference): a word result lost is listed, its reference line is not its account', () => {
  const text = [
    'Exame',
    'Método',
    'Resultado',
    'Valor de referência',
    'Sífilis - Anticorpos totais',
    'Quimioluminescência',
    'Não reagente',
    'Não reagente',
    'Toxoplasmose - IgM',
    'Eletroquimioluminescência',
    'Não reagente',
    'Não reagente',
    'Rubéola - IgM',
    'ELFA',
    'Não reagente',
    'Não reagente',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    r.qualitative.map((a) => [a.value, a.flag]),
    [
      ['Não reagente', 'normal'],
      ['Não reagente', 'normal'],
      ['Não reagente', 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
  assert.deepEqual(lostAndUnlisted(text), []);
});

test('under a dated history header, a note whose year stands under the current column is no row: a value after it is read or listed', () => {
  const header = [
    'EXAME                            ATUAL         ANTERIOR      ANTERIOR     UNIDADE        REFERÊNCIA',
    '                                 03/09/2025    12/05/2025    20/01/2025',
    'Creatinina                       1,34          1,29          1,17         mg/dL          0,60 a 1,10',
    'Ureia                            52            47            40           mg/dL          15 a 45',
    '',
    'Notas:',
  ];
  // The equation's year ("CKD-EPI 2021") sits under "ATUAL" (03/09/2025), 61,7 under the last earlier date.
  const note = '* Ritmo de filtração pela CKD-EPI 2021 (sem fator racial).   61,7';
  const r = parseLabReport([...header, note].join('\n'), { today: '2025-06-01' });
  assert.ok(
    r.analytes.some((a) => a.value === 61.7) || r.unparsed_lines.some((u) => u.includes('61,7')),
    `61,7 dropped in silence: ${JSON.stringify(brief(r))} ${JSON.stringify(r.unparsed_lines)}`,
  );
  // The table's own rows still lose their earlier samples' cells.
  assert.deepEqual(brief(r).slice(0, 2), [
    ['Creatinina', 1.34, 'mg/dL', 'alto'],
    ['Ureia', 52, 'mg/dL', 'alto'],
  ]);
});
