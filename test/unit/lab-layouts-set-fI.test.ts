// The general causes behind the misses of held-out set 100 (fixer fI's report) and the settled convention
// for LDL / non-HDL under goals by cardiovascular risk category, one focused case each: the parser on a few
// rewritten lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

// Columns placed by position: each row's cells start where the header's do.
const row = (cells: string[], at: number[]) => cells.reduce((s, c, i) => s.padEnd(at[i]!) + c, '');

test('goals by risk category led by "Metas por categoria de risco:" place a value between goals nowhere, one over all of them high', () => {
  const goals = ['Metas por categoria de risco: baixo < 130; intermediário < 100;', 'alto < 70; muito alto < 50 mg/dL'];
  const at = [0, 24, 40];
  const text = (value: string) =>
    [row(['Colesterol LDL', `${value} mg/dL`, goals[0]!], at), row(['', '', goals[1]!], at), 'Exame liberado por: Dr. Paulo Rezende'].join('\n');
  for (const [value, flag] of [
    ['117', 'indeterminado'],
    ['84', 'indeterminado'],
    ['142', 'alto'],
    ['44', 'normal'],
  ] as const) {
    const r = parseLabReport(text(value));
    assert.deepEqual(brief(r), [['LDL-colesterol', Number(value), 'mg/dL', flag]], value);
    // The wrapped line of goals is the reference's, its tier words no result.
    assert.deepEqual(r.unparsed_lines, [], value);
  }
});

test('goals by risk category in a narrow column wrapped before a bound: a stated category picks its own goal', () => {
  const at = [0, 30, 48];
  const lines = (value: string) => [
    'Paciente: Rita de Cássia Lobo    Sexo: F    Idade: 66 anos',
    'Risco CV: ALTO',
    row(['Não-HDL colesterol', `${value} mg/dL`, 'Meta conforme risco'], at),
    row(['', '', 'cardiovascular: Baixo: < 160;'], at),
    row(['', '', 'Intermediário: < 130; Alto: <'], at),
    row(['', '', '100; Muito alto: < 80 mg/dL'], at),
  ];
  const r = parseLabReport(lines('112').join('\n'));
  assert.deepEqual(brief(r), [['Colesterol não-HDL', 112, 'mg/dL', 'alto']]);
  // The category not stated, the same value lies between goals.
  const unstated = parseLabReport(
    lines('112')
      .filter((l) => !/^Risco CV/.test(l))
      .join('\n'),
  );
  assert.deepEqual(brief(unstated), [['Colesterol não-HDL', 112, 'mg/dL', 'indeterminado']]);
});

test("a portal's history line naming which result of the block it follows is an earlier sample, and so is each dated value after the first", () => {
  const text = [
    'RELAÇÃO PROTEÍNA/CREATININA - URINA ISOLADA',
    'Urina (amostra isolada) · Colorimétrico',
    'Proteína urinária: 31,0 mg/dL          Referência: não estabelecida',
    'Relação proteína/creatinina: 0,41 g/g   Referência: inferior a 0,20 g/g',
    'Histórico (relação): 0,36 g/g (14/02/2024)',
    '',
    'FERRITINA',
    'Soro · Quimioluminescência',
    'Resultado: 61 ng/mL',
    'Valor de referência: 15 a 150 ng/mL',
    'Histórico: 48 ng/mL (02/03/2024) · 39 ng/mL (11/11/2023)',
  ].join('\n');
  const r = parseLabReport(text);
  const names = brief(r).map((a) => a[0]);
  assert.ok(!names.some((n) => /hist/i.test(n)), names.join(', '));
  assert.deepEqual(
    brief(r).filter((a) => /rela|ferritina/i.test(a[0])),
    [
      ['Relação proteína/creatinina', 0.41, 'g/g', 'alto'],
      ['Ferritina', 61, 'ng/mL', 'normal'],
    ],
  );
  assert.deepEqual(
    r.unparsed_lines.filter((l) => /hist/i.test(l)),
    [],
  );
});

test("a transcription's caption for each picture is no result", () => {
  const text = ['**Imagem 2**', '', '| Exame | Resultado | Referência |', '|---|---|---|', '| Sódio | 139 mEq/L | 135 a 145 mEq/L |'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Sódio', 139, 'mEq/L', 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('under dated result and previous-result columns, a long unit and the mark push the earlier value one space after the current cell', () => {
  const at = [0, 20, 38, 53];
  const text = [
    row(['Exame', 'Resultado', 'Anterior', 'Valores de Referência'], at),
    row(['', '02/10/2024', '14/05/2024'], at),
    row(['Leucócitos', '3.200 células/µL ↓ 3.900', '', '3.500 a 10.500 /µL'], [0, 20, 38, 53]),
    row(['Hemoglobina', '13,4 g/dL', '13,9', '12,0 a 16,0 g/dL'], at),
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map((a) => [a[0], a[1], a[3]]),
    [
      ['Leucócitos', 3200, 'baixo'],
      ['Hemoglobina', 13.4, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a section title ending with the fast's hours after a dash: the hours are no result, and they still pick the fasting range", () => {
  const text = ['BIOQUÍMICA - Jejum: 10 h', 'Triglicerídeos        163 mg/dL        Com jejum: inferior a 150 mg/dL   Sem jejum: inferior a 175 mg/dL'].join(
    '\n',
  );
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Triglicerídeos', 163, 'mg/dL', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});
