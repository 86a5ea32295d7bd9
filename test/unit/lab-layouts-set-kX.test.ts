// What held-out set 179 still failed in the corpus checks after kU's fixes: a typed ';' list's results read on the
// line that prints them, and a ward's, a prenatal panel's and a referral form's administrative lines. One focused
// case each, rewritten with other names and values; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';
import { rows } from '../support/lab-rows.ts';

const read = (lines: string[]) => parseLabReport(lines.join('\n'), { today: '2025-06-01' });

test("a ';' list's results after a wrapped reference are read on the line that prints them, listed there if lost (h1770)", () => {
  const lines = [
    '| - Hemograma: Hb 10,1 g/dL (VR 12,0-16,0); VCM 71,2 fL                     |',
    '|   (VR 80-100); TSH 6,2 mUI/L (VR 0,4-4,0); Leucócitos 3.100/mm³;          |',
    '|   Linfócitos 1.020/mm³; Plaquetas 98.000/mm³ (VR 150.000-                 |',
    '|   450.000). Esfregaço: microcitose e hipocromia.                          |',
  ];
  const r = read(lines);
  assert.deepEqual(
    [...r.analytes, ...r.qualitative].map((a) => [a.name, a.line]),
    [
      ['Hemoglobina', 0],
      ['VCM', 0],
      ['TSH', 1],
      ['Leucócitos', 1],
      ['Linfócitos', 2],
      ['Plaquetas', 2],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
  // Each result hidden in turn (as if the reader had lost it): the accounting pass lists the line that prints it.
  assert.deepEqual(lostAnalytes(lines.join('\n')).unlisted, []);
});

test("a ward's patient line with the admission number after its label is no result's (h1768)", () => {
  const r = read([
    'Paciente: JOANA MARIA DOS SANTOS    Registro: 0412.377    Internação: 25011876    Leito 214-1',
    'Paciente: JOANA MARIA DOS SANTOS               Registro: 0412.377   Internação: 25011876',
    'Creatinina              1,02 mg/dL        0,50 a 1,10',
  ]);
  assert.deepEqual(rows(r), [['Creatinina', 1.02, 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a prenatal panel's patient line with the gestational age as weeks and days abbreviated 's' and 'd' is no result's (h1769)", () => {
  const r = read([
    'Nascimento: 12/03/1995   Idade: 30 anos   Sexo: Feminino    Gestante: SIM   IG na coleta: 28s 5d',
    'Glicose de jejum        81 mg/dL          até 92',
  ]);
  assert.deepEqual(rows(r), [['Glicose de jejum', 81, 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a referral form's numbered section title and a note dated to earlier samples quoting their values are no results (h1770)", () => {
  const r = read([
    '| 2. UNIDADE SOLICITANTE: Hospital Municipal de Coari   CNES: 2017344         |',
    '| - Creatinina 0,9 mg/dL; TGO 22 U/L; TGP 18 U/L.                            |',
    '| Obs.: em 02/12/2024 (antes do tratamento) hemoglobina 8,1 e plaquetas 71.000. |',
  ]);
  assert.deepEqual(rows(r), [
    ['Creatinina', 0.9, 'normal'],
    ['TGO (AST)', 22, 'normal'],
    ['TGP (ALT)', 18, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
