// Held-out sets 151-153: administrative lines the accounting pass listed as unread (a lab unit named by its
// city zone, a blood bag's label and its print stamp, a citation wrapped after a sentence, a hospital record
// after "RH"), and values the parser dropped in silence (a cell after a menstrual cycle's day, a result typed
// after a chat message's correction). Each report here is written for the case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';

const read = (text: string) => {
  const r = parseLabReport(text, { today: '2025-06-01' });
  return { values: r.analytes.map((a) => a.value), words: r.qualitative.map((q) => `${q.name}=${q.value}`), unparsed: r.unparsed_lines };
};

test("a lab unit named by its city's numbered zone is a place", () => {
  const r = read(['LABORATÓRIO VALE DO IVAÍ - UNIDADE ZONA 3', 'Glicose ........: 88 mg/dL   (70 a 99)'].join('\n'));
  assert.deepEqual(r.values, [88]);
  assert.deepEqual(r.unparsed, []);
});

test("a blood bag's label (number, product, group, volume, expiry) and its print stamp with the software's version", () => {
  const r = read(
    [
      'Hemoglobina: 7,1 g/dL (VR 12,0 a 16,0)',
      'Bolsa nº 31.0077.0412-5   CHD   O NEG   Vol. 305 mL   Validade 02/07/2025',
      'Impresso em 01/06/2025 14:20 - HemoSys 2.4 - conferir a etiqueta antes da instalação',
    ].join('\n'),
  );
  assert.deepEqual(r.values, [7.1]);
  assert.deepEqual(r.unparsed, []);
});

test('a source cited after a sentence on a wrapped note line holds only its years', () => {
  const r = read(
    [
      'TSH: 2,10 µUI/mL   (1º trimestre: 0,10 a 2,50)',
      'Valores de referência próprios da gestação, pela idade gestacional da',
      'amostra (ver acima). Fonte: Alexander et al., Thyroid 2017; SBEM 2018.',
    ].join('\n'),
  );
  assert.deepEqual(r.values, [2.1]);
  assert.deepEqual(r.unparsed, []);
});

test('a hospital record after "RH" in four digits and a dotted group is an identifier', () => {
  const r = read(['Paciente: ROSA MARIA DIAS    Sexo: F   Idade: 61 anos    RH: 2087.514', 'Creatinina: 0,82 mg/dL (0,50 a 0,90)'].join('\n'));
  assert.deepEqual(r.values, [0.82]);
  assert.deepEqual(r.unparsed, []);
});

test("a cell after a menstrual cycle's day in the clinical notes is read or listed", () => {
  const line = 'Informações clínicas: acne, ciclos de 30-35 dias; coleta no 3º dia do ciclo   52,3';
  const r = read(['Paciente: ANA SOUZA', line, '(fase folicular).', 'Testosterona total: 45 ng/dL (VR 10 a 50)'].join('\n'));
  assert.ok(r.values.includes(52.3) || r.unparsed.includes(line), r.unparsed.join('\n'));
});

test("a chemotherapy cycle's number in a treatment header is still no result", () => {
  const r = read(['Protocolo: FOLFOX - ciclo 5 D1', 'Neutrófilos: 2.100 /mm³ (1.500 a 7.000)'].join('\n'));
  assert.deepEqual(r.values, [2100]);
  assert.deepEqual(r.unparsed, []);
});

test("a result typed after a chat message's correction, in a cell of its own, is read or listed", () => {
  const correction = '[10/05/2025 09:12] Maria Souza: opa o tgo é 28 e nao 22, digitei errado. Entao é ✅ tgo 28 (ate 32)   HBsAg   REAGENTE';
  const r = read(['[10/05/2025 09:10] Maria Souza: resultados', '✅ tgo 22 (ate 32)', '✅ tgp 25 (ate 33)', correction, '✅ ureia 30 (15 a 40)'].join('\n'));
  assert.ok(r.values.includes(28) && !r.values.includes(22), String(r.values));
  assert.ok(r.words.some((w) => /hbs/i.test(w) && /reagente/i.test(w)) || r.unparsed.some((u) => /REAGENTE/.test(u)), `${r.words} | ${r.unparsed}`);
});

test('a chat correction with nothing after it still leaves no line unread', () => {
  const r = read(
    [
      '[10/05/2025 09:10] Maria Souza: resultados',
      '✅ tgo 22 (ate 32)',
      '[10/05/2025 09:12] Maria Souza: opa o tgo é 28 e nao 22, digitei errado. Entao é ✅ tgo 28 (ate 32)',
    ].join('\n'),
  );
  assert.deepEqual(r.values, [28]);
  assert.deepEqual(r.unparsed, []);
});
