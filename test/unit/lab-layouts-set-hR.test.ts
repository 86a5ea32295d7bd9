// Probes for held-out set 144 (helper hR): a voice transcript reading a relative's results, a patient typing
// abbreviated names into a chat, an OCR'd dot-matrix differential. Rewritten with other names, values and labs:
// each failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lookupName } from '../../src/labs/analytes.ts';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';
import { spokenAsPrinted } from '../../src/labs/spoken-numbers.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

test("an OCR'd differential whose zero low bound is a lone letter O ('O a 3', 'O a 3OO'): both cells read", () => {
  const text = [
    'LEUCOGRAMA                   %      /mm3       REF. %     REF. /mm3',
    'Leucocitos ..........:           6.120                4.OOO a 1O.OOO',
    'Linfocitos ..........:   31     1.897      2O a 45    1.OOO a 4.5OO',
    'Bastonetes ..........:    1        61       O a 3         O a 3OO',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  const bands = brief(r).filter(([n]) => /bastonet/i.test(n));
  assert.deepEqual(
    bands.map(([, v, f]) => [v, f]),
    [
      [1, 'normal'],
      [61, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a chat export's edit marker after a typed result ('<Esta mensagem foi editada>') is no part of it", () => {
  const text = [
    '[03/02/26, 08:10:05] Dra. Lúcia Prado: Bom dia! Pode mandar.',
    '[03/02/26, 08:12:44] Renan Souto: ferritina 14 ng/ml \u200e<Esta mensagem foi editada>',
    '[03/02/26, 08:13:02] Renan Souto: ureia 38 mg/dl',
  ].join('\n');
  const r = parseLabReport(text, { today: '2026-06-01' });
  assert.deepEqual(
    brief(r).map(([n, v]) => [n, v]),
    [
      ['Ferritina', 14],
      ['Ureia', 38],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a name typed shortened or one letter off a catalogue name ('magnes', 'bilirrubna') is that analyte when no other is near", () => {
  assert.equal(lookupName('colest total')?.key, 'colesterol_total');
  assert.equal(lookupName('magnes')?.key, 'magnesio');
  assert.equal(lookupName('albumna')?.key, 'albumina');
  assert.equal(lookupName('Hemat.')?.key, 'hematocrito');
  // Too short to say which, or one letter off two names: none.
  assert.equal(lookupName('hema'), undefined);
  assert.equal(lookupName('prot'), undefined);
  // A word that is no catalogue word stays unknown; an acronym one letter off another is another analyte.
  assert.equal(lookupName('meta'), undefined);
  assert.equal(lookupName('anti-hbx'), undefined);
  const text = ['[03/02/26, 08:12:44] Renan Souto: magnes 2,9 mg/dl', 'colest total 251', 'sodio 128 meq/l', 'albumna 4,1 g/dl'].join('\n');
  const r = parseLabReport(text, { today: '2026-06-01' });
  assert.deepEqual(
    brief(r).map(([n, v]) => [n, v]),
    [
      ['Magnésio', 2.9],
      ['Colesterol total', 251],
      ['Sódio', 128],
      ['Albumina', 4.1],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("'glicada' alone, as a patient types it, is glycated haemoglobin, judged by the built-in range with its unit typed", () => {
  const r = parseLabReport('[03/02/26, 08:12:44] Renan Souto: glicada 6,2%', { today: '2026-06-01' });
  assert.deepEqual(brief(r), [['Hemoglobina glicada (HbA1c)', 6.2, 'alto']]);
});

test("numbers said with a half ('onze e meio', 'quatro e meio') and letters spelled by name ('vê cê eme') as a transcript prints them", () => {
  assert.equal(spokenAsPrinted('de onze e meio a dezesseis'), 'de 11,5 a 16');
  assert.equal(spokenAsPrinted('o vê cê eme deu 79'), 'o VCM deu 79');
  assert.equal(spokenAsPrinted('e esse exame deu'), 'e esse exame deu');
});

test('a voice transcript reading results: spelled acronyms, misheard names, references said with "diz" or "tá escrito", a name said twice, a pause before the name', () => {
  const text = [
    'Transcrição automática (pode conter erros)',
    '',
    'Oi doutora, aqui é o Marcelo, filho do seu Arlindo. Vou ler os exames dele.',
    '',
    'O cê agá cê eme deu 31,2, e a referência é de 32 a 36. E as plaquetas deram trezentos e quarenta mil, e ali diz de cento e cinquenta mil a quatrocentos e cinquenta mil.',
    '',
    'Aí o magnésio, magnésio deu um vírgula cinco, e tá escrito de um vírgula sete a dois e meio. A albumna deu 3,1, e a referência é de 3,5 a 5,2.',
    '',
    'E o exame de fezes, deixa eu ver... o sangue oculto deu positivo, e lá diz que o normal é negativo.',
  ].join('\n');
  const r = parseLabReport(text, { today: '2026-06-01' });
  assert.deepEqual(brief(r), [
    ['CHCM', 31.2, 'baixo'],
    ['Plaquetas', 340, 'normal'],
    ['Magnésio', 1.5, 'baixo'],
    ['Albumina', 3.1, 'baixo'],
    ['sangue oculto', 'positivo', 'alterado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  assert.deepEqual(lostAnalytes(text).unlisted, []);
});

test('a reference read after "tem lá:" in a voice transcript is the result\'s reference, and its line is no unread line', () => {
  const text = 'E a vitamina D deu vinte e dois, e tem lá: normal acima de 30, insuficiente de 20 a 29.';
  const r = parseLabReport(text, { today: '2026-06-01' });
  assert.deepEqual(brief(r), [['Vitamina D (25-OH)', 22, 'baixo']]);
  assert.deepEqual(r.unparsed_lines, []);
});
