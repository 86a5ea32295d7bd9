// A relative reading a parent's results aloud in voice messages, transcribed: the ways of saying a result
// and its reference that speech has and print has not. One focused case each; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => [
  ...r.analytes.map((a) => [a.name, a.value, a.unit, a.flag, a.reference_text] as const),
  ...r.qualitative.map((a) => [a.name, a.value, null, a.flag, a.reference_text] as const),
];
const voice = (...said: string[]) =>
  ['Transcrição:', `Bom dia doutora, é a Cláudia, filha do seu Anselmo, vou ler os exames dele, tá? ${said.join(' ')} Obrigada, doutora.`].join('\n');

test('"e vai de … a …" after a value is its reference', () => {
  const r = parseLabReport(voice('Então, hemoglobina deu 13,1, referência 13,5 a 17,5.', 'Plaquetas 128 mil, e vai de 140 mil a 400 mil.'));
  assert.deepEqual(
    brief(r).map((x) => x.slice(0, 2).concat([x[3]!, x[4]!])),
    [
      ['Hemoglobina', 13.1, 'baixo', '13,5 a 17,5'],
      ['Plaquetas', 128, 'baixo', 'de 140 mil a 400 mil'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a name, a pause, then its value; "Aí tem a" before the name and a remark after the reference dropped', () => {
  const r = parseLabReport(voice('A glicose deu 91, de 70 a 99.', 'Aí tem a ureia, 63, o papel diz que é de 15 a 45 e tem um asterisco do lado.'));
  assert.deepEqual(
    brief(r).map((x) => x.slice(0, 2).concat([x[3]!, x[4]!])),
    [
      ['Glicose', 91, 'normal', 'de 70 a 99'],
      ['Ureia', 63, 'alto', 'de 15 a 45'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('"inferior a" said as a bound, a unit remembered after it, and "Ah, e o" before a name', () => {
  const r = parseLabReport(voice('O PCR, 2,7, e diz inferior a 1,0… ah, a unidade é miligrama por decilitro.', 'Ah, e o TSH deu 1,9, referência 0,4 a 4,0.'));
  assert.deepEqual(
    brief(r).map((x) => x.slice(0, 2).concat([x[3]!, x[4]!])),
    [
      ['Proteína C reativa (PCR)', 2.7, 'alto', 'inferior a 1,0'],
      ['TSH', 1.9, 'normal', '0,4 a 4,0'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a count said in thousands per mL, and the bare thousands of its reference after it', () => {
  const r = parseLabReport(voice('Então agora a urina.', 'Aí hemácias 22 mil por mL, referência até 10 mil.', 'Leucócitos 4 mil por mililitro, até 10 mil.'));
  assert.deepEqual(brief(r), [
    ['Hemácias', 22, 'mil/mL', 'alto', 'até 10 mil/mL'],
    ['Leucócitos', 4, 'mil/mL', 'normal', 'até 10 mil/mL'],
  ]);
});

test('"no sangue" said after a name is its qualifier', () => {
  const r = parseLabReport(voice('A ferritina deu 40, de 15 a 150.', 'E a albumina no sangue 2,9, referência 3,5 a 5,2.'));
  assert.deepEqual(
    brief(r).map((x) => x.slice(0, 2).concat([x[3]!])),
    [
      ['Ferritina', 40, 'normal'],
      ['Albumina', 2.9, 'baixo'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a sediment finding said in words with its reference; ages, weights, due dates and an earlier result are no results', () => {
  const r = parseLabReport(
    voice(
      'Aí o sódio deu 139, de 136 a 145.',
      'Cilindros raros, e diz que o normal é ausentes.',
      'Bactérias numerosas, e o normal ali é raras.',
      'O antibiograma fica pronto em 5 dias.',
      'O potássio dele, em março, tinha dado 5,8.',
      'Ele tá com 77 anos e pesando 64 quilos.',
    ),
  );
  assert.deepEqual(
    brief(r).map((x) => x.slice(0, 2).concat([x[3]!])),
    [
      ['Sódio', 139, 'normal'],
      ['Cilindros', 'raros', 'indeterminado'],
      ['Bactérias', 'numerosas', 'alterado'],
    ],
  );
});
