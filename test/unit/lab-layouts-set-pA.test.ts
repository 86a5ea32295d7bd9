// The corpus properties on held-out set 166, one focused case each: what is typed after a structure the parser
// rewrites stays on its line to be read or listed, and a labelled row's own value is no neighbour's goal. No
// database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numbersIn } from '../../src/labs/numbers.ts';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

const TODAY = { today: '2025-06-01' };
const seen = (r: LabParseResult, value: number) =>
  r.analytes.some((a) => a.value === value) || r.unparsed_lines.some((u) => numbersIn(u).some((n) => n.values.includes(value)));
const wordOn = (r: LabParseResult, line: number) =>
  [...r.qualitative, ...r.analytes].some((a) => a.line === line && /reagente/i.test(String(a.value))) || r.unparsed_lines.some((u) => /reagente/i.test(u));

// A portal's history report copied as tab-separated text: three dated columns, the current one last, '—' where the
// exam was not done this time (h1641).
const history = (row: string) =>
  [
    'Exame\tUnidade\t14/03/2024\t02/10/2024\t22/10/2025\tReferência',
    'Glicose\tmg/dL\t94\t101 (!)\t108 ▲ (!)\t70 a 99',
    row,
    'Creatinina\tmg/dL\t0,98\t1,01\t1,05 ▲\t0,70 a 1,30',
  ].join('\n');
const NOT_DONE = '25-OH Vitamina D\tng/mL\t18,2 (!)\t33,5\t—\t> 20';

test('a history row not done this time holds no result, and is no line left unread (h1641)', () => {
  const r = parseLabReport(history(NOT_DONE), TODAY);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value]),
    [
      ['Glicose', 108],
      ['Creatinina', 1.05],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

for (const typed of ['   Ureia 49,3 mg/dL', ' ; Sódio 49,3', '   (repetido: 49,3)', '   49,3']) {
  test(`a value typed after the last cell of a history row not done this time is read or listed: "${typed.trim()}" (h1641)`, () => {
    assert.ok(seen(parseLabReport(history(`${NOT_DONE}${typed}`), TODAY), 49.3));
  });
}

for (const typed of [' ; HBsAg: Reagente', '   Reagente', '   Anti-HCV   REAGENTE']) {
  test(`a word typed after the last cell of a history row not done this time is read or listed: "${typed.trim()}" (h1641)`, () => {
    assert.ok(wordOn(parseLabReport(history(`TSH\tµUI/mL\t2,34\t1,98\t—\t0,45 a 4,50${typed}`), TODAY), 2));
  });
}

// A culture's method wrapped onto a second line in small letters (h1636).
const culture = (rest: string) =>
  [
    'UROCULTURA COM ANTIBIOGRAMA',
    'Material: Urina - jato médio         Método: Semeadura quantitativa em CLED / identificação',
    rest,
    '',
    '  Resultado ............: POSITIVA                 Referência: Negativa',
  ].join('\n');

test("a wrapped method's rest is the method's: its guideline's year is no value (h1636)", () => {
  const r = parseLabReport(culture('automatizada (VITEK 2) / TSA conforme BrCAST 2025'), TODAY);
  assert.deepEqual(r.analytes, []);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a result typed after a ';' on a wrapped method's rest is no part of the method: read (h1636)", () => {
  const r = parseLabReport(culture('automatizada (VITEK 2) / TSA conforme BrCAST 2025 ; Sódio 131,9'), TODAY);
  assert.ok(seen(r, 131.9));
});

test("a chat bot's list item labelled by its result's name: lost, its line is listed, whatever goal under it prints its value (h1642)", () => {
  const text = [
    '27/10/2025 08:05 - Laboratório Parnaíba Diagnósticos: 🫀 *PERFIL LIPÍDICO*',
    '▫️ Colesterol total: *176 mg/dL* (desejável: menor que 190)',
    '▫️ HDL: *58 mg/dL* (desejável: maior que 40)',
    '▫️ Triglicerídeos: *92 mg/dL* (desejável: menor que 150)',
    '▫️ LDL (Friedewald): *100 mg/dL*',
    '   Metas por risco: baixo < 130 | intermediário < 100 | alto < 70 | muito alto < 50',
    '▫️ Não-HDL: *118 mg/dL*',
    '   Metas por risco: baixo < 160 | intermediário < 130 | alto < 100 | muito alto < 80',
  ].join('\n');
  const { read, unlisted } = lostAnalytes(text);
  assert.equal(read, 5);
  assert.deepEqual(unlisted, []);
});
