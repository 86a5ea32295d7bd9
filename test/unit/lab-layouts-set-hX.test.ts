// The general causes behind the misses of h1424 and h1425 (held-out set 145), one focused case each: the
// parser on the few lines that show each layout, rewritten with other names, values and labs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('a cumulative table with the unit before the dates and a change column: only the newest date is read', () => {
  const text = [
    'Paciente : MARIA DAS DORES LIMA            Sexo: Feminino     Nascimento: 02/03/1970',
    '',
    'ANALITO                  UNID.        10/01/2024  15/07/2024  20/01/2025    Δ%        VALORES DE REFERÊNCIA',
    '--------------------------------------------------------------------------------------------------------',
    'Ureia                    mg/dL              38          44        52 ↑      +18,2 §   15 a 45',
    'Albumina                 g/dL              4,1         3,9       3,6 ↓       -7,7     3,8 a 5,2',
    'Ferritina                ng/mL              88          —         61        -30,7 *   15 a 150',
    'Colesterol LDL           mg/dL             121         118       112        -5,1     metas: ver nota 2',
    '',
    'Nota 2 - Metas de LDL e não-HDL segundo o risco cardiovascular:',
    '   Risco        LDL (mg/dL)    Não-HDL (mg/dL)',
    '   Baixo          < 130           < 160',
    '   Alto           <  70           < 100',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ureia', 52, 'mg/dL', 'alto'],
    ['Albumina', 3.6, 'g/dL', 'baixo'],
    ['Ferritina', 61, 'ng/mL', 'normal'],
    ['LDL-colesterol', 112, 'mg/dL', 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a goals table whose comparators stand apart from the digits keeps every category row', () => {
  const text = [
    'Colesterol não-HDL   150 mg/dL   ver nota 1',
    'Metas por categoria de risco',
    '   Risco        LDL (mg/dL)    Não-HDL (mg/dL)',
    '   Baixo          < 130           < 160',
    '   Alto           <  70           < 100',
    '   Muito alto     <  50           <  80',
  ].join('\n');
  const r = parseLabReport(text);
  assert.equal(r.analytes[0]!.flag, 'indeterminado');
  assert.match(r.analytes[0]!.reference_text ?? '', /Alto: < 100; Muito alto: < 80/);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a reference column of letters takes each letter's note at the page's foot; a note not printed leaves no range", () => {
  const text = [
    'Paciente: ROBERTO ANTUNES                 Sexo: M      Idade: 52 anos',
    '',
    'BIOQUÍMICA                     Resultado        Unidade           Ref.',
    ' Ácido úrico                     8,1            mg/dL             (a)',
    ' Magnésio                        1,6            mg/dL             (b)',
    ' Cálcio total                    9,4            mg/dL             (c)',
    ' Fosfatase alcalina              128            U/L               (e)',
    'DIFERENCIAL                     Relativo (%)   Absoluto (/mm³)    Ref.',
    ' Linfócitos                      18,0           810               (f)',
    '',
    '______________________________________________________________________',
    'Notas de referência',
    '(a) Mulheres: 2,4 a 5,7 mg/dL | Homens: 3,4 a 7,0 mg/dL',
    '(b) 1,8 a 2,6 mg/dL        (c) 8,6 a 10,3 mg/dL',
    '(f) 20 a 45 %  |  1.000 a 3.500 /mm³',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ácido úrico', 8.1, 'mg/dL', 'alto'],
    ['Magnésio', 1.6, 'mg/dL', 'baixo'],
    ['Cálcio', 9.4, 'mg/dL', 'normal'],
    ['Fosfatase alcalina', 128, 'U/L', 'indeterminado'],
    ['Linfócitos (%)', 18, '%', 'baixo'],
    ['Linfócitos', 810, '/mm³', 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("hours fasted in a range's brackets are no age band", () => {
  const text = [
    'Idade: 44 anos   Sexo: F',
    'Exame      Resultado   Unidade   Referência',
    'Glicose        104       mg/dL     70 a 99 mg/dL (jejum de 8 a 12 horas)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.equal(r.analytes[0]!.reference_source, 'report');
  assert.equal(r.analytes[0]!.flag, 'alto');
  assert.deepEqual(r.unparsed_lines, []);
});
