import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseBrNumber, parseLabReport, parseRangeExpression, type ParsedAnalyte } from '../../src/labs/parse.ts';
import { explainLabResults, LAB_DISCLAIMER } from '../../src/labs/explain.ts';
import { ANALYTES } from '../../src/labs/analytes.ts';

const fixture = (name: string) => parseLabReport(readFileSync(new URL(`../fixtures/labs/${name}`, import.meta.url), 'utf8'));
type Row = [
  key: string | null,
  value: number,
  unit: string | null,
  low: number | null,
  high: number | null,
  source: ParsedAnalyte['reference_source'],
  flag: ParsedAnalyte['flag'],
];
const rows = (as: ParsedAnalyte[]): Row[] => as.map((a) => [a.key, a.value, a.unit, a.reference_low, a.reference_high, a.reference_source, a.flag]);

test('Brazilian numbers: decimal comma, thousands dot', () => {
  assert.equal(parseBrNumber('250.000'), 250000);
  assert.equal(parseBrNumber('7.200'), 7200);
  assert.equal(parseBrNumber('1.234,5'), 1234.5);
  assert.equal(parseBrNumber('4,85'), 4.85);
  assert.equal(parseBrNumber('5.8'), 5.8);
  assert.equal(parseBrNumber('abc'), undefined);
});

test('range expressions', () => {
  assert.deepEqual(parseRangeExpression('70 a 99 mg/dL'), { low: 70, high: 99, lowExclusive: false, highExclusive: false, unit: 'mg/dL' });
  assert.deepEqual(parseRangeExpression('3,5 - 5,1'), { low: 3.5, high: 5.1, lowExclusive: false, highExclusive: false, unit: null });
  assert.deepEqual(parseRangeExpression('< 200 mg/dL'), { low: null, high: 200, lowExclusive: false, highExclusive: true, unit: 'mg/dL' });
  assert.deepEqual(parseRangeExpression('inferior a 150'), { low: null, high: 150, lowExclusive: false, highExclusive: true, unit: null });
  assert.deepEqual(parseRangeExpression('Superior a 40 mg/dL'), { low: 40, high: null, lowExclusive: true, highExclusive: false, unit: 'mg/dL' });
  assert.deepEqual(parseRangeExpression('>= 240'), { low: 240, high: null, lowExclusive: false, highExclusive: false, unit: null });
  assert.deepEqual(parseRangeExpression('até 40 U/L'), { low: null, high: 40, lowExclusive: false, highExclusive: false, unit: 'U/L' });
  assert.equal(parseRangeExpression('ver laudo'), undefined);
});

test('01 column layout (bioquímica)', () => {
  const r = fixture('01-colunas-bioquimica.txt');
  assert.deepEqual(rows(r.analytes), [
    ['glicose', 112, 'mg/dL', 70, 99, 'report', 'alto'],
    ['ureia', 32, 'mg/dL', 15, 45, 'report', 'normal'],
    ['creatinina', 0.82, 'mg/dL', 0.5, 1.1, 'report', 'normal'],
    ['acido_urico', 6.8, 'mg/dL', 2.4, 5.7, 'report', 'alto'],
    ['sodio', 139, 'mEq/L', 135, 145, 'report', 'normal'],
    ['potassio', 3.2, 'mEq/L', 3.5, 5.1, 'report', 'baixo'],
  ]);
  assert.equal(r.analytes[0]!.reference_text, '70 a 99 mg/dL');
  assert.deepEqual(r.unparsed_lines, []); // lab name, patient, doctor, dates, signature, page: neither
});

test('02 "Resultado / Valor de referência" blocks with Material and Método lines', () => {
  const r = fixture('02-blocos-resultado.txt');
  assert.deepEqual(rows(r.analytes), [
    ['glicose', 87, 'mg/dL', 70, 99, 'report', 'normal'],
    ['hba1c', 6.1, '%', null, 5.7, 'report', 'alto'],
  ]);
  assert.match(r.analytes[1]!.reference_text!, /^Normal: inferior a 5,7% Pré-diabetes: 5,7 a 6,4%/);
  assert.deepEqual(r.unparsed_lines, []);
});

test('03 lipid panel with Desejável / Limítrofe / Alto categories', () => {
  const r = fixture('03-perfil-lipidico.txt');
  assert.deepEqual(rows(r.analytes), [
    ['colesterol_total', 232, 'mg/dL', null, 200, 'report', 'alto'],
    ['hdl', 38, 'mg/dL', 40, null, 'report', 'baixo'],
    ['ldl', 158, 'mg/dL', null, 129, 'report', 'alto'], // union of Ótimo (< 100) and Desejável (100 a 129)
    ['nao_hdl', 194, 'mg/dL', null, 160, 'report', 'alto'],
    ['triglicerideos', 180, 'mg/dL', null, 150, 'report', 'alto'],
  ]);
  assert.equal(r.analytes[0]!.reference_text, 'Desejável: < 200 mg/dL Limítrofe: 200 a 239 mg/dL Alto: >= 240 mg/dL');
  assert.deepEqual(r.unparsed_lines, []);
});

test('04 hemograma: dot leaders, thousands dots, relative and absolute counts on one line', () => {
  // Changed with issue 16: the old expectation left "Neutrófilos 68 % 8.364 /mm³ 1.800 a 7.700" unparsed
  // (the second value was lost to the reader); both values are now read, the range going to the
  // absolute count it is printed beside. Hemácias is now a known name (key 'hemacias'), and so is the
  // differential (key 'neutrofilos': known so a name with an OCR slip is read against it).
  const r = fixture('04-hemograma-pontos.txt');
  assert.deepEqual(rows(r.analytes), [
    ['hemacias', 4.62, 'milhões/mm³', 4, 5.2, 'report', 'normal'],
    ['hemoglobina', 11.4, 'g/dL', 12, 16, 'report', 'baixo'],
    ['hematocrito', 35.8, '%', 36, 46, 'report', 'baixo'],
    ['leucocitos', 12300, '/mm³', 4000, 11000, 'report', 'alto'],
    ['neutrofilos', 68, '%', null, null, null, 'indeterminado'],
    ['neutrofilos', 8364, '/mm³', 1800, 7700, 'report', 'alto'],
    ['plaquetas', 250000, '/mm³', 150000, 450000, 'report', 'normal'],
  ]);
  assert.equal(r.analytes[0]!.name, 'Hemácias');
  assert.deepEqual(
    r.analytes.slice(4, 6).map((a) => a.name),
    ['Neutrófilos (%)', 'Neutrófilos'],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('05 thyroid with "VR:" on the line and µUI/mL', () => {
  const r = fixture('05-tireoide.txt');
  assert.deepEqual(rows(r.analytes), [
    ['tsh', 5.82, 'µUI/mL', 0.27, 4.2, 'report', 'alto'],
    ['t4_livre', 1.05, 'ng/dL', 0.93, 1.7, 'report', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('06 vitamin D categories over several lines; parenthesised references', () => {
  const r = fixture('06-vitaminas-ferro.txt');
  assert.deepEqual(rows(r.analytes), [
    ['vitamina_d', 18.5, 'ng/mL', 20, null, 'report', 'baixo'],
    ['vitamina_b12', 185, 'pg/mL', 211, 911, 'report', 'baixo'],
    ['ferritina', 8.2, 'ng/mL', 13, 150, 'report', 'baixo'],
    ['ferro', 45, 'µg/dL', 50, 170, 'report', 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('07 no reference in the report: built-in adult ranges, marked as such', () => {
  const r = fixture('07-hepatico-sem-referencia.txt');
  assert.deepEqual(rows(r.analytes), [
    ['tgo', 52, 'U/L', null, 40, 'built_in', 'alto'],
    ['tgp', 38, 'U/L', null, 41, 'built_in', 'normal'],
    ['ggt', 75, 'U/L', null, 61, 'built_in', 'alto'],
    ['pcr', 2.1, 'mg/L', null, 5, 'built_in', 'normal'],
  ]);
});

test('08 mmol/L, mil/mm³, "-" ranges and a decimal point', () => {
  const r = fixture('08-pontos-decimais-mil.txt');
  assert.deepEqual(rows(r.analytes), [
    ['glicose', 5.8, 'mmol/L', 3.9, 5.5, 'report', 'alto'],
    ['leucocitos', 6.5, 'mil/mm³', 4, 11, 'report', 'normal'],
    ['plaquetas', 98, 'mil/mm³', 150, 450, 'report', 'baixo'],
    ['creatinina', 1.45, 'mg/dL', 0.7, 1.3, 'report', 'alto'],
    ['potassio', 4.8, 'mmol/L', 3.5, 5.1, 'report', 'normal'],
  ]);
});

test('09 sex-specific ranges with unknown sex; "< 0,5" results; unreadable results kept verbatim', () => {
  // Changed with issue 16: "PCR: < 0,5 mg/dL (Referência: inferior a 0,5 mg/dL)" was left unparsed; a
  // result printed with "<" is now read (value = the bound, comparator '<') and is inside that range.
  const r = fixture('09-sexo-e-nao-lidos.txt');
  assert.deepEqual(rows(r.analytes), [
    ['hemoglobina', 13, 'g/dL', 12, 17.5, 'report', 'indeterminado'], // normal for women, low for men
    ['hematocrito', 55, '%', 36, 50, 'report', 'alto'], // high for both
    ['pcr', 0.5, 'mg/dL', null, 0.5, 'report', 'normal'],
  ]);
  assert.equal(r.analytes[2]!.comparator, '<');
  assert.deepEqual(r.unparsed_lines, ['Ferritina: ver laudo anexo 12']);
});

test('09 with the sex given: the range of that sex', () => {
  const text = readFileSync(new URL('../fixtures/labs/09-sexo-e-nao-lidos.txt', import.meta.url), 'utf8');
  assert.equal(parseLabReport(text, { sex: 'M' }).analytes[0]!.flag, 'baixo');
  assert.equal(parseLabReport(text, { sex: 'F' }).analytes[0]!.flag, 'normal');
  assert.deepEqual([parseLabReport(text, { sex: 'F' }).analytes[0]!.reference_low, parseLabReport(text, { sex: 'F' }).analytes[0]!.reference_high], [12, 15.5]);
});

test('10 one line per analyte with inline categories, uUI/ml spelling', () => {
  const r = fixture('10-uma-linha-inline.txt');
  assert.deepEqual(rows(r.analytes), [
    ['colesterol_total', 185, 'mg/dL', null, 190, 'report', 'normal'],
    ['hdl', 62, 'mg/dL', 40, null, 'report', 'normal'],
    ['triglicerideos', 95, 'mg/dL', null, 150, 'report', 'normal'],
    ['glicose', 99, 'mg/dL', 70, 99, 'report', 'normal'],
    ['ureia', 14, 'mg/dL', 15, 45, 'report', 'baixo'],
    ['tsh', 0.12, 'µUI/mL', 0.4, 4, 'report', 'baixo'],
  ]);
});

test('11 upper-case blocks with dot leaders and a one-line sex-specific reference', () => {
  const r = fixture('11-bloco-uppercase-laudo.txt');
  assert.deepEqual(rows(r.analytes), [
    ['creatinina', 1.02, 'mg/dL', 0.5, 1.2, 'report', 'indeterminado'],
    ['potassio', 5.9, 'mEq/L', 3.5, 5.1, 'report', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('the report range wins over the built-in one', () => {
  const r = parseLabReport('Glicose: 105 mg/dL (VR: 70 a 110 mg/dL)');
  assert.deepEqual(rows(r.analytes), [['glicose', 105, 'mg/dL', 70, 110, 'report', 'normal']]);
});

test('built-in range converts units; unknown units are not compared', () => {
  // Changed with issue 16: "Ferritina: 80 pmol/L" was left unparsed; a unit of unit shape is now read
  // as printed, and since it converts to nothing the built-in range is not applied (indeterminado).
  const r = parseLabReport('Leucócitos: 12,5 mil/mm³\nGlicose: 7,2 mmol/L\nFerritina: 80 pmol/L');
  assert.deepEqual(rows(r.analytes), [
    ['leucocitos', 12.5, 'mil/mm³', 4, 11, 'built_in', 'alto'],
    ['glicose', 7.2, 'mmol/L', 3.885, 5.495, 'built_in', 'alto'], // 70–99 mg/dL ÷ 18,016
    ['ferritina', 80, 'pmol/L', null, null, null, 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('nothing is invented from text without results', () => {
  const r = parseLabReport('Laboratório X\nPaciente: Fulano\nHEMOGRAMA\nMaterial: soro\n\n');
  assert.deepEqual(r, { analytes: [], qualitative: [], unparsed_lines: [] });
});

test('catalogue covers the required analytes with built-in ranges', () => {
  const keys = ANALYTES.map((a) => a.key);
  for (const k of [
    'glicose',
    'hba1c',
    'colesterol_total',
    'hdl',
    'ldl',
    'nao_hdl',
    'triglicerideos',
    'tsh',
    't4_livre',
    'creatinina',
    'ureia',
    'acido_urico',
    'tgo',
    'tgp',
    'ggt',
    'hemoglobina',
    'hematocrito',
    'leucocitos',
    'plaquetas',
    'ferritina',
    'ferro',
    'vitamina_d',
    'vitamina_b12',
    'sodio',
    'potassio',
    'pcr',
  ]) {
    assert.ok(keys.includes(k), k);
  }
  for (const a of ANALYTES) assert.ok(a.builtIn.low !== null || a.builtIn.high !== null, a.key);
});

test('explanation names flagged values and always carries the disclaimer', () => {
  const text = explainLabResults(fixture('03-perfil-lipidico.txt'));
  assert.match(text, /Acima da referência:\n- Colesterol total: 232 mg\/dL/);
  assert.match(text, /Abaixo da referência:\n- HDL-colesterol: 38 mg\/dL \(referência: a partir de 40 mg\/dL\)/);
  assert.ok(text.endsWith(LAB_DISCLAIMER));
  assert.match(LAB_DISCLAIMER, /não é um diagnóstico/);
  assert.match(explainLabResults({ analytes: [], qualitative: [], unparsed_lines: [] }), /Não consegui ler nenhum resultado/);
  assert.match(explainLabResults(fixture('07-hepatico-sem-referencia.txt')), /referência geral para adultos/);
});
