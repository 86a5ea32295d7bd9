// The general causes behind the corpus-property failures of held-out sets 133-134 (h1309, h1316, h1322), one
// focused case each, with rewritten lines: the parser and the accounting pass on the few lines that show each
// layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

const lostAndUnlisted = (text: string) => lostAnalytes(text).unlisted;

test('a cumulative report flags each dated cell with a capital H before an empty cell or the unit: a value and its flag, no hours', () => {
  const text = [
    'RELATÓRIO CUMULATIVO - ÚLTIMOS 3 DIAS',
    'Exame                   10/03/25    11/03/25    12/03/25    Unidade    Referência',
    '                        06:10       05:50       06:00',
    'BIOQUÍMICA',
    'Troponina I             0,92 H      ---         1,37 H      ng/mL      < 0,40',
    'Lactato                 3,1 H       1,9         1,3         mmol/L     0,4 - 2,2',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Troponina I', 1.37, 'ng/mL', 'alto'],
    ['Lactato', 1.3, 'mmol/L', 'normal'],
  ]);
  assert.deepEqual(lostAndUnlisted(text), []);
});

test('a result whose reference cell is a footnote mark: its value lost is listed, though a neighbour’s goals from the note print the same bound', () => {
  const text = [
    'PERFIL LIPÍDICO',
    '                          Resultado      Valores de Referência',
    '   Triglicérides          187 mg/dL      Desejável: < 150 mg/dL',
    '   LDL colesterol         100 mg/dL      (1)',
    '   Colesterol não-HDL     151 mg/dL      (1)',
    '',
    '   (1) Metas conforme a categoria de risco cardiovascular:',
    '       Risco baixo: LDL < 130 mg/dL e não-HDL < 160 mg/dL',
    '       Risco intermediário: LDL < 100 mg/dL e não-HDL < 130 mg/dL',
    '       Risco alto: LDL < 70 mg/dL e não-HDL < 100 mg/dL',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([n, v]) => [n, v]),
    [
      ['Triglicerídeos', 187],
      ['LDL-colesterol', 100],
      ['Colesterol não-HDL', 151],
    ],
  );
  assert.deepEqual(lostAndUnlisted(text), []);
});

test('a word result naming what was sought before the finding ("MTB detectado"), a method cell after its reference: lost, it is listed', () => {
  const text = [
    'Exame                                 Resultado            Valor de referência     Metodologia',
    'Hepatite B - HBsAg                    Não reagente         Não reagente            Quimioluminescência',
    'Tuberculose - TRM-TB (lavado)         MTB detectado        MTB não detectado       Xpert MTB/RIF Ultra',
    'Hepatite C - Anti-HCV                 Não reagente         Não reagente            Quimioluminescência',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    r.qualitative.map((a) => [a.name, a.value]),
    [
      ['Hepatite B - HBsAg', 'Não reagente'],
      ['Tuberculose - TRM-TB (lavado)', 'MTB detectado'],
      ['Hepatite C - Anti-HCV', 'Não reagente'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
  assert.deepEqual(lostAndUnlisted(text), []);
});

test('a letterhead naming the lab information system and its version ("LIS SoftLab 4"): no result', () => {
  const text = [
    'HOSPITAL REGIONAL DO NORTE - MARINGÁ/PR                 LABORATÓRIO DE ANÁLISES - LIS SoftLab 4',
    'Exame                   Resultado   Unidade    Referência',
    'Ureia                   38          mg/dL      15 - 40',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [['Ureia', 38, 'mg/dL', 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a goals note's wrapped line never swallows another column's cell or a labelled result after it", () => {
  const note = [
    'LDL COLESTEROL    92    mg/dL    VIDE META *',
    '* META CONFORME RISCO CARDIOVASCULAR: BAIXO LDL < 130 / NAO-HDL < 160 ; INTERMEDIARIO LDL < 100 /',
  ];
  for (const tail of ['   Anti-HBc   REAGENTE', ' ; Anti-HCV: Reagente']) {
    const wrapped = `  NAO-HDL < 130 ; ALTO LDL < 70 / NAO-HDL < 100 ; MUITO ALTO LDL < 50 / NAO-HDL < 80.${tail}`;
    const r = parseLabReport([...note, wrapped].join('\n'));
    const read = r.qualitative.some((a) => /reagente/i.test(String(a.value)));
    assert.ok(read || r.unparsed_lines.includes(wrapped.trim()), `${tail}: ${JSON.stringify(r.unparsed_lines)}`);
  }
  // Prose the note goes on with is still part of it: the goals are read, nothing listed.
  const prose = parseLabReport([...note, '  NAO-HDL < 130 ; ALTO LDL < 70 / NAO-HDL < 100. A CLASSIFICACAO DO RISCO CABE AO MEDICO.'].join('\n'));
  assert.deepEqual(prose.unparsed_lines, []);
  assert.equal(prose.analytes.find((a) => /LDL/.test(a.name))?.flag, 'indeterminado');
});
