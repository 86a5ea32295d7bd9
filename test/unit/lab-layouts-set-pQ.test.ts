// The general causes behind misses of held-out sets 190-192 in common layouts, one focused case each: the parser
// on a few lines in each layout's style, with other names and values than the fixtures. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowNamed as row, rows } from '../support/lab-rows.ts';

test("an ICU report's previous-result column dated with the time of day, a critical mark after the way's: each row is read", () => {
  const text = [
    'Exame                      Resultado       Unidade      Referência          Anterior',
    'pH                         7,52 (H)                     7,35 - 7,45         7,48 (14/03 22:40)',
    'Excesso de base (BE)       -7,2 (L)        mmol/L       -2,0 - +2,0         -5,1 (14/03 22:40)',
    'Potássio                   2,6 (L)(C)      mmol/L       3,5 - 5,1           2,9 (14/03 22:40)',
    'Sódio                      138             mmol/L       136 - 145           137 (14/03/2025 06h10)',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1950-02-02' });
  assert.deepEqual(rows(r), [
    ['pH', 7.52, 'alto'],
    ['Excesso de base (BE)', -7.2, 'baixo'],
    ['Potássio', 2.6, 'baixo'],
    ['Sódio', 138, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a culture's colony count over the assay's top under a title that names the count, beside the result in words: the count is read", () => {
  const text = [
    'UROCULTURA COM CONTAGEM DE COLÔNIAS',
    '  Resultado ............................ Positiva          Ref.: Negativa',
    '  Microrganismo isolado ................ Klebsiella pneumoniae',
    '  Contagem de colônias ................. Acima de 100.000 UFC/mL',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1990-01-01' });
  assert.equal(row(r, 'Contagem de colônias')?.value, 100000);
  assert.equal(row(r, 'Contagem de colônias')?.flag, 'indeterminado');
  assert.equal(row(r, 'Microrganismo isolado')?.value, 'Klebsiella pneumoniae');
  assert.deepEqual(r.unparsed_lines, []);
});

test("a photo's markdown table whose reference the picture cut, drawn as a block or noted in brackets: the value is read with no range", () => {
  const text = [
    '| Exame | Resultado | Unidade | Referência |',
    '|---|---|---|---|',
    '| Ferritina | 12 | ng/mL | 15 a 1█ |',
    '| Ácido fólico | 2,1 | ng/mL | 3,9 a 2 *(cortado na foto)* |',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1990-01-01' });
  assert.deepEqual(rows(r), [
    ['Ferritina', 12, 'indeterminado'],
    ['Ácido fólico', 2.1, 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("an LDL reference the typist says is a risk table left uncopied: no built-in range stands in, the next message's result is its own", () => {
  const typed = parseLabReport(
    [
      '[10/03/2025 10:02] Ana: LDL 86 mg/dL (a referência tem uma tabela de risco, não copiei)',
      '[10/03/2025 10:03] Ana: e a ureia deu 61 (normal até 45)',
    ].join('\n'),
    { sex: 'F', birthDate: '1950-01-01' },
  );
  assert.equal(row(typed, 'LDL-colesterol')?.flag, 'indeterminado');
  assert.equal(typed.analytes.find((a) => a.name === 'LDL-colesterol')?.reference_source, null);
  assert.equal(row(typed, 'Ureia')?.value, 61);
  assert.equal(row(typed, 'Ureia')?.flag, 'alto');
});

test("creatinine with no printed reference is judged by the patient's sex: 1,2 mg/dL is high for a woman, normal for a man", () => {
  const text = 'creatinina 1,2 mg/dl';
  assert.equal(row(parseLabReport(text, { sex: 'F', birthDate: '1945-01-01' }), 'Creatinina')?.flag, 'alto');
  assert.equal(row(parseLabReport(text, { sex: 'M', birthDate: '1945-01-01' }), 'Creatinina')?.flag, 'normal');
});

test("a chat's urine typed as grades in crosses, the rest said to be negative: each grade is a result, the clause none", () => {
  const r = parseLabReport('EAS: hemoglobina 2+, leucócitos 1+ e o resto tudo negativo', { sex: 'F', birthDate: '1980-01-01' });
  assert.deepEqual(rows(r), [
    ['EAS hemoglobina', '2+', 'indeterminado'],
    ['EAS leucócitos', '1+', 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  const two = parseLabReport('urina: cetonas 1+ e glicose 3+, o resto tudo negativo', { sex: 'M', birthDate: '1980-01-01' });
  assert.deepEqual(
    rows(two).map(([, value]) => value),
    ['1+', '3+'],
  );
  assert.deepEqual(two.unparsed_lines, []);
});

test("a discharge summary's word results closing their sentences, plural for several samples: each is read, a clinical note's clause list as before", () => {
  const text = [
    'Laboratório da alta (02/04/2025): hemoglobina 11,9 g/dL, leucócitos 7.100/mm³.',
    'Hemoculturas (três amostras, colhidas antes do antibiótico): negativas.',
    'Urocultura: negativa.',
    'Sorologia para HIV não reagente.',
    'Dados clínicos: mãe O Rh positivo, RN A Rh positivo.',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1970-05-05' });
  assert.deepEqual(rows(r), [
    ['Hemoglobina', 11.9, 'baixo'],
    ['Leucócitos', 7100, 'normal'],
    ['Hemoculturas (três amostras, colhidas antes do antibiótico)', 'negativas', 'indeterminado'],
    ['Urocultura', 'negativa', 'indeterminado'],
    ['Sorologia para HIV', 'não reagente', 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
