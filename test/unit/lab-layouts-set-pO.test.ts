// Lab results a discharge summary or a clinic letter writes as running prose lists (held-out sets 190–192: h1881,
// h1891, h1901): items "name [de] value [unit] [(reference)]" parted by ",", " / ", ";" or " e ", wrapped where the
// line ends, under a lead "Laboratório … (date):" or inside a sentence. Own texts in the layout's style, other
// names and values than the fixtures. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowNamed as row, rows } from '../support/lab-rows.ts';

test("a discharge summary's admission labs in prose, wrapped mid-result: each result is read, a share after the count too", () => {
  const text = [
    'EXAMES COMPLEMENTARES:',
    'Laboratório da admissão (12/05/2025): hemoglobina 9,4 g/dL, hematócrito 28,1%, leucócitos',
    '21.300/mm³ com 12% de bastonetes, plaquetas 98.000/mm³, ureia 102 mg/dL, creatinina 3,1 mg/dL e lactato',
    '4,4 mmol/L. Gasometria venosa da admissão: pH 7,28, pCO2 33 mmHg, HCO3 14,9 mmol/L.',
    'Laboratório da alta (19/05/2025): hemoglobina 10,1 g/dL, leucócitos 7.600/mm³, plaquetas',
    '251.000/mm³, ureia 41 mg/dL e potássio',
    '3,9 mEq/L.',
    '',
    'PRESCRIÇÃO DE ALTA:',
    '1. Amoxicilina + clavulanato 875/125 mg, 1 comprimido de 12/12 h por 5 dias.',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1958-03-03' });
  const named = (n: string) => rows(r).filter((x) => x[0] === n);
  // The admission's and the discharge's samples are both the summary's results: two rows each.
  assert.deepEqual(named('Hemoglobina'), [
    ['Hemoglobina', 9.4, 'baixo'],
    ['Hemoglobina', 10.1, 'baixo'],
  ]);
  assert.deepEqual(
    named('Leucócitos').map((x) => x[1]),
    [21300, 7600],
  );
  assert.equal(row(r, 'bastonetes')?.value, 12);
  assert.equal(row(r, 'Hematócrito')?.value, 28.1);
  assert.deepEqual(
    named('Plaquetas').map((x) => x[1]),
    [98000, 251000],
  );
  assert.equal(row(r, 'Creatinina')?.flag, 'alto');
  assert.equal(row(r, 'lactato')?.value, 4.4);
  assert.equal(row(r, 'pH')?.value, 7.28);
  assert.equal(row(r, 'pCO2')?.value, 33);
  assert.equal(row(r, 'HCO3')?.value, 14.9);
  assert.deepEqual(
    named('Ureia').map((x) => x[1]),
    [102, 41],
  );
  assert.equal(row(r, 'Potássio')?.value, 3.9);
  assert.equal(row(r, 'Potássio')?.flag, 'normal');
  // The prescription's doses stay no result, listed as before.
  assert.ok(!rows(r).some((x) => x[1] === 875 || x[1] === 125));
  assert.deepEqual(r.unparsed_lines, ['1. Amoxicilina + clavulanato 875/125 mg, 1 comprimido de 12/12 h por 5 dias.']);
});

test("a discharge summary's labs between slashes, a remark after a count and bare values closing the sentence: each is read", () => {
  const text = [
    'Laboratório da alta (02/07/2025, coleta 07h): Hb 11,6 g/dL / Ht 34,8% / Leucócitos 6.100/mm³, sem desvio / Plaquetas 312.000/mm³ / Cr 1,4 mg/dL / Na 133 mEq/L / K 5,8 mEq/L / Mg 2,1 / Glicemia 104 / Lactato 0,9.',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1950-01-01' });
  assert.deepEqual(rows(r), [
    ['Hemoglobina', 11.6, 'baixo'],
    ['Hematócrito', 34.8, 'baixo'],
    ['Leucócitos', 6100, 'normal'],
    ['Plaquetas', 312000, 'normal'],
    ['Creatinina', 1.4, 'alto'],
    ['Sódio', 133, 'baixo'],
    ['Potássio', 5.8, 'alto'],
    // With no unit printed, no built-in range applies.
    ['Magnésio', 2.1, 'indeterminado'],
    ['Glicose', 104, 'indeterminado'],
    ['Lactato', 0.9, 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a clinic letter's results in a sentence, a reference bracket wrapped to the next line: each result is read", () => {
  const text = [
    'Prezada colega,',
    '',
    'Do ponto de vista metabólico, a ferritina foi de 412 ng/mL (VR: 30 a 400 ng/mL), a',
    'vitamina B12 de 198 pg/mL (VR: 197 a 771 pg/mL) e a insulina de jejum de 31,2 µUI/mL (VR: 2,6 a',
    '24,9 µUI/mL), com índice HOMA-IR calculado de 7,40 (VR: até 2,7), compatível com resistência à',
    'insulina.',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1975-01-01' });
  const flagOf = (word: string) =>
    rows(r)
      .find((x) => String(x[0]).toLowerCase().includes(word))
      ?.slice(1);
  assert.deepEqual(flagOf('insulina de jejum'), [31.2, 'alto']);
  assert.deepEqual(flagOf('homa-ir'), [7.4, 'alto']);
  assert.deepEqual(flagOf('b12'), [198, 'normal']);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a clinic letter's results in a sentence are shown under their names, without the words that join them to it", () => {
  const text = [
    'Na avaliação metabólica, a glicemia de jejum foi de 104 mg/dL (VR: 70 a 99 mg/dL), a',
    'hemoglobina glicada de 5,9 % (VR: até 5,6 %) e a insulina de jejum de 31,2 µUI/mL (VR: 2,6 a',
    '24,9 µUI/mL), com índice HOMA-IR calculado de 8,01 (VR: até 2,7), sugestivo de resistência à',
    'insulina.',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1980-03-03' });
  assert.deepEqual(rows(r), [
    ['glicemia de jejum', 104, 'alto'],
    ['hemoglobina glicada', 5.9, 'alto'],
    ['insulina de jejum', 31.2, 'alto'],
    ['índice HOMA-IR', 8.01, 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
