// The general causes behind misses left from sets 184–188 (pM): the parser on a few lines in each layout's style,
// with other names and values than the fixtures. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowNamed as row, rows } from '../support/lab-rows.ts';

test('the INR typed by its Portuguese initials alone, a bare number: read under the name printed (h1858, h1827)', () => {
  const r = parseLabReport(['tap 13,4 seg (10 a 14)', 'rni 1,12', 'fibrinogenio 380 (ref 200 a 400)'].join('\n'), { sex: 'F', birthDate: '1995-02-02' });
  assert.equal(row(r, 'rni')?.value, 1.12);
  assert.equal(row(r, 'rni')?.flag, 'indeterminado');
  assert.deepEqual(r.unparsed_lines, []);
  // The printed name stays whatever it is: a block's row, the initials with the INR in brackets, the INR itself.
  const block = parseLabReport(['TP - RNI                     1,31    H           0,90 - 1,20', 'RNI (INR)   2,45   0,80 a 1,20', 'INR   1,05'].join('\n'), {
    sex: 'M',
  });
  assert.deepEqual(
    rows(block).map(([name, value]) => [name, value]),
    [
      ['TP - RNI', 1.31],
      ['RNI (INR)', 2.45],
      ['INR', 1.05],
    ],
  );
});

test("a reference that sends to another row's ratio ('Vide relação livre/total') is none of the result's own: read, indeterminado (h1850)", () => {
  const text = [
    'EXAME                     15/03/2025   12/09/2024   UNIDADE   VALOR DE REFERÊNCIA',
    'PSA TOTAL                 3,40         2,90         ng/mL     Até 4,00 ng/mL',
    'PSA LIVRE                 0,52         0,47         ng/mL     Ver relação livre/total',
    'RELAÇÃO PSA LIVRE/TOTAL   15           16           %         Superior a 25 %',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1960-01-01' });
  assert.equal(row(r, 'PSA LIVRE')?.value, 0.52);
  assert.equal(row(r, 'PSA LIVRE')?.flag, 'indeterminado');
  assert.equal(row(r, 'RELAÇÃO PSA LIVRE/TOTAL')?.flag, 'baixo');
  assert.deepEqual(r.unparsed_lines, []);
});

test("serology tiers spelled out but for the middle one cut short ('Indet.:'): the index is read against them (h1814)", () => {
  const text = [
    '| Exame | Resultado | Referência |',
    '|---|---|---|',
    '| Citomegalovírus IgM | 0,34 (índice) | Não reagente: < 0,85 · Indet.: 0,85 a 0,99 · Reagente: ≥ 1,00 |',
    '| Rubéola IgM | 1,40 (índice) | Não reagente: < 0,80 / Indet.: 0,80 a 1,19 / Reagente: ≥ 1,20 |',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1997-07-07' });
  assert.equal(row(r, 'Citomegalovírus IgM')?.value, 0.34);
  assert.equal(row(r, 'Citomegalovírus IgM')?.flag, 'normal');
  assert.equal(row(r, 'Rubéola IgM')?.value, 1.4);
  assert.equal(row(r, 'Rubéola IgM')?.flag, 'alto');
  assert.deepEqual(r.unparsed_lines, []);
});

test("a goals block's first category printed as a row's reference cell: no result, the goals the results' (h1844)", () => {
  const goals = (ldl: number, nonHdl: number) =>
    parseLabReport(
      [
        `LDL-C                 ${ldl} mg/dL     Metas por risco cardiovascular:`,
        `COLESTEROL NÃO-HDL    ${nonHdl} mg/dL     Baixo: LDL < 130 / Não-HDL < 160`,
        '                                     Intermediário: LDL < 100 / Não-HDL < 130',
        '                                     Alto: LDL < 70 / Não-HDL < 100',
        '',
        'CREATININA            0,95 mg/dL     0,70 a 1,20 mg/dL',
      ].join('\n'),
      { sex: 'M', birthDate: '1970-03-03' },
    );
  const above = goals(171, 199);
  assert.deepEqual(
    rows(above).filter(([name]) => /hdl|ldl/i.test(name)),
    [
      ['LDL-colesterol', 171, 'alto'],
      ['Colesterol não-HDL', 199, 'alto'],
    ],
  );
  assert.deepEqual(above.unparsed_lines, []);
  // Between the goals (under the low-risk one printed on the row's line) the category decides.
  const between = goals(112, 150);
  assert.equal(row(between, 'Colesterol não-HDL')?.flag, 'indeterminado');
  assert.equal(row(between, 'LDL-colesterol')?.flag, 'indeterminado');
  assert.equal(row(between, 'Creatinina')?.flag, 'normal');
});
