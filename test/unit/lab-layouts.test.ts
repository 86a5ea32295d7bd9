// The layouts issue 16 lists, one focused case each (the corpus in test/fixtures/labs/corpus holds
// them inside whole reports). Pure parser tests: no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, parseRangeExpression, reportPatient } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';
import { isAdminLine } from '../../src/labs/lines.ts';
import { parseBrNumber } from '../../src/labs/numbers.ts';

test("one-line labelled layout: the issue's own example is read, not dropped", () => {
  const r = parseLabReport('Exame: CREATININA - Resultado: 1,3 mg/dL - VR: 0,7 a 1,2 mg/dL');
  assert.deepEqual(brief(r), [['Creatinina', 1.3, 'mg/dL', 'alto']]);
  assert.equal(r.analytes[0]!.reference_text, '0,7 a 1,2 mg/dL');
  assert.deepEqual(r.unparsed_lines, []);
});

test('several results on one line: none vanishes', () => {
  const r = parseLabReport(
    'Sódio 138 mEq/L (136-145); Potássio 5,6 mEq/L (3,5-5,1)\nBilirrubina total 1,4 mg/dL (até 1,2) - Bilirrubina direta 0,2 mg/dL (até 0,3)',
  );
  assert.deepEqual(brief(r), [
    ['Sódio', 138, 'mEq/L', 'normal'],
    ['Potássio', 5.6, 'mEq/L', 'alto'],
    ['Bilirrubina total', 1.4, 'mg/dL', 'alto'],
    ['Bilirrubina direta', 0.2, 'mg/dL', 'normal'],
  ]);
  // A piece after ";" that is not a result stays with its result.
  const semi = parseLabReport('Creatinina: 1,02 mg/dL VR: Homens: 0,70 a 1,20 mg/dL; Mulheres: 0,50 a 0,90 mg/dL\nSódio = 133 mEq/L; ref 135-145 mEq/L', {
    sex: 'F',
  });
  assert.deepEqual(brief(semi), [
    ['Creatinina', 1.02, 'mg/dL', 'alto'],
    ['Sódio', 133, 'mEq/L', 'baixo'],
  ]);
  assert.equal(semi.analytes[1]!.reference_text, '135-145 mEq/L');
  // A dash inside a name or a range does not split: "TGO (AST) - 31", "70 - 99".
  assert.deepEqual(brief(parseLabReport('Glicose 95 mg/dL 70 - 99 mg/dL')), [['Glicose', 95, 'mg/dL', 'normal']]);
});

test('markdown tables, bullets and bold from a photo transcription', () => {
  const r = parseLabReport(
    [
      '| Exame | Resultado | Referência |',
      '|---|---|---|',
      '| **Hemoglobina** | **10,9 g/dL** ↓ | 12,0 a 15,5 g/dL |',
      '- **TSH:** 2,31 µUI/mL (VR: 0,35 a 4,94)',
      '* **Anti-HCV:** Não reagente — ref. Não reagente',
    ].join('\n'),
  );
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 10.9, 'g/dL', 'baixo'],
    ['TSH', 2.31, 'µUI/mL', 'normal'],
    ['Anti-HCV', 'Não reagente', null, 'normal'],
  ]);
});

test('markers between value and unit, and units glued to values', () => {
  for (const [line, value, unit] of [
    ['Glicose: 132 * mg/dL (70 a 99)', 132, 'mg/dL'],
    ['Glicose: 132 H mg/dL (70 a 99)', 132, 'mg/dL'],
    ['Glicose: 132 (H) mg/dL (70 a 99)', 132, 'mg/dL'],
    ['Glicose: 132 ↑ mg/dL (70 a 99)', 132, 'mg/dL'],
    ['Glicose: 132 alto mg/dL (70 a 99)', 132, 'mg/dL'],
    ['Plaquetas: 510.000/mm3 (150.000 a 450.000)', 510000, '/mm³'],
  ] as const) {
    assert.deepEqual(brief(parseLabReport(line)), [[line.split(':')[0], value, unit, 'alto']], line);
  }
  // The lab's own mark stands when nothing can be compared.
  assert.equal(parseLabReport('Fator X: 30 ↓').analytes[0]!.flag, 'baixo');
});

test('dot leaders with spaces; units in the column header', () => {
  assert.deepEqual(brief(parseLabReport('Glicose . . . . . . 95 mg/dL     70 a 99 mg/dL')), [['Glicose', 95, 'mg/dL', 'normal']]);
  const r = parseLabReport(
    'ELETRÓLITOS (mEq/L)     Resultado     Referência\nSódio                   128           135 a 145\nCloro                   101           98 a 107',
  );
  assert.deepEqual(brief(r), [
    ['Sódio', 128, 'mEq/L', 'baixo'],
    ['Cloro', 101, 'mEq/L', 'normal'],
  ]);
});

test('reference ranges by sex, from the report header or the job input; indeterminado only when unknown', () => {
  const body = 'Ferritina: 20 ng/mL\nHomens: 30 a 400 ng/mL\nMulheres: 13 a 150 ng/mL';
  assert.equal(parseLabReport(body).analytes[0]!.flag, 'indeterminado');
  assert.equal(parseLabReport(`Sexo: F\n${body}`).analytes[0]!.flag, 'normal');
  assert.equal(parseLabReport(body, { sex: 'M' }).analytes[0]!.flag, 'baixo');
  assert.equal(parseLabReport(`Sexo: Masculino\n${body}`, { sex: 'F' }).analytes[0]!.flag, 'baixo', 'the report wins over the input');
  for (const ref of ['M: 30 a 400 / F: 13 a 150', 'HOMEM 30 a 400 / MULHER 13 a 150', 'Masculino: 30 a 400; Feminino: 13 a 150']) {
    assert.equal(parseLabReport(`Ferritina: 20 ng/mL (${ref})`, { sex: 'M' }).analytes[0]!.flag, 'baixo', ref);
    assert.equal(parseLabReport(`Ferritina: 20 ng/mL (${ref})`, { sex: 'F' }).analytes[0]!.flag, 'normal', ref);
  }
  // Every range gives the same flag: no need to know the sex.
  assert.equal(parseLabReport(`Ferritina: 500 ng/mL\nHomens: 30 a 400\nMulheres: 13 a 150`).analytes[0]!.flag, 'alto');
});

test('age bands and paediatric ranges: age from the birth date on the collection date, or from the input', () => {
  const body =
    'HEMOGLOBINA\nResultado: 11,2 g/dL\nValores de referência:\n6 meses a 6 anos: 11,5 a 13,5 g/dL\n7 a 12 anos: 11,0 a 15,5 g/dL\nAdultos: 12,0 a 17,5 g/dL';
  assert.equal(parseLabReport(`Data de nascimento: 12/04/2019\nData da coleta: 20/02/2025\n${body}`).analytes[0]!.flag, 'baixo'); // 5 years
  assert.equal(parseLabReport(`Data de nascimento: 12/04/2016\nData da coleta: 20/02/2025\n${body}`).analytes[0]!.flag, 'normal'); // 8 years
  assert.equal(parseLabReport(body, { birthDate: '2016-04-12', today: '2025-02-20' }).analytes[0]!.flag, 'normal');
  assert.equal(parseLabReport(body, { birthDate: '1980-01-01', today: '2025-02-20' }).analytes[0]!.flag, 'baixo'); // adult
  assert.equal(parseLabReport(body).analytes[0]!.flag, 'indeterminado', 'age unknown and the bands disagree');
  assert.deepEqual(reportPatient('Paciente: X   Sexo: F   Idade: 58A 3M'), { sex: 'F', ageYears: 58.25 });
});

test('references above, below or beside the value; separators a, à, -, até, inferior/superior a, <, >', () => {
  const above = parseLabReport('TSH\n      Valores de Referência:\nResultado:  0,21 µUI/mL    0,45 a 4,50 µUI/mL');
  assert.deepEqual(brief(above), [['TSH', 0.21, 'µUI/mL', 'baixo']]);
  const beside = parseLabReport('INSULINA\n   Resultado:  30 µUI/mL     Valores de Referência:\n                             2,6 a 24,9 µUI/mL');
  assert.deepEqual(brief(beside), [['Insulina', 30, 'µUI/mL', 'alto']]);
  for (const [ref, low, high] of [
    ['70 à 99', 70, 99],
    ['70 - 99', 70, 99],
    ['até 99', null, 99],
    ['inferior a 99', null, 99],
    ['< 99', null, 99],
    ['superior a 70', 70, null],
    ['> 70', 70, null],
    ['Acima de 70', 70, null],
  ] as const) {
    const r = parseRangeExpression(ref);
    assert.deepEqual([r?.low, r?.high], [low, high], ref);
  }
});

test('tiered references: the good tiers make the range', () => {
  const r = parseLabReport('LDL-Colesterol: 135 mg/dL\nÓtimo: < 100 mg/dL\nDesejável: 100 a 129 mg/dL\nLimítrofe: 130 a 159 mg/dL\nAlto: 160 a 189 mg/dL');
  assert.deepEqual([r.analytes[0]!.reference_high, r.analytes[0]!.flag], [129, 'alto']);
  const g = parseLabReport(
    'GLICOSE\nResultado: 94 mg/dL\nNormal: 70 a 99 mg/dL\nGlicemia de jejum alterada: 100 a 125 mg/dL\nDiabetes: igual ou superior a 126 mg/dL',
  );
  assert.deepEqual(brief(g), [['Glicose', 94, 'mg/dL', 'normal']], 'a tier label that starts like an analyte is not a result');
  const h = parseLabReport('HbA1c: 5,9 %\nNormal: até 5,6 %\nPré-diabetes: 5,7 a 6,4 %\nDiabetes: 6,5 % ou mais');
  assert.deepEqual([brief(h), h.unparsed_lines], [[['Hemoglobina glicada (HbA1c)', 5.9, '%', 'alto']], []]);
  assert.deepEqual(parseRangeExpression('126 mg/dL ou mais'), { low: 126, high: null, lowExclusive: false, highExclusive: false, unit: 'mg/dL' });
});

test('block titles with digits or outside the catalogue name the value below them', () => {
  const r = parseLabReport(
    'VITAMINA B12 (COBALAMINA SÉRICA):\nResultado: 350 pg/mL\nValor de referência: 197 a 771 pg/mL\n\nHORMÔNIO ANTI-MÜLLERIANO (AMH):\nResultado: 0,4 ng/mL\nValor de referência: 1,0 a 3,5 ng/mL',
  );
  assert.deepEqual(brief(r), [
    ['Vitamina B12', 350, 'pg/mL', 'normal'],
    ['HORMÔNIO ANTI-MÜLLERIANO (AMH)', 0.4, 'ng/mL', 'baixo'],
  ]);
  assert.ok(
    r.analytes.every((a) => !/resultado/i.test(a.name)),
    'the analyte is the title, never "Resultado"',
  );
  assert.deepEqual(parseLabReport('Resultado: 95 mg/dL').unparsed_lines, ['Resultado: 95 mg/dL'], 'a result without a name is reported, not dropped');
});

test('numbers that are not thousands and thousands that are', () => {
  assert.deepEqual(brief(parseLabReport('DENSIDADE . . . . 1.018     1.005 a 1.030')), [['Densidade', 1.018, null, 'normal']]);
  assert.equal(parseBrNumber('6.420'), 6420);
  assert.equal(parseBrNumber('198.000'), 198000);
  assert.deepEqual(brief(parseLabReport('Leucócitos: 4,5 mil (4,0 a 11,0 mil)')), [['Leucócitos', 4.5, 'mil/mm³', 'normal']]);
});

test('qualitative results, flagged against a printed qualitative reference', () => {
  const r = parseLabReport(
    'NITRITO . . . . POSITIVO   (NEGATIVO)\nPROTEÍNAS . . . NEGATIVO   (NEGATIVO)\nCILINDROS . . . AUSENTES\nVDRL: Reagente 1/8 (VR: Não reagente)',
  );
  assert.deepEqual(brief(r), [
    ['NITRITO', 'POSITIVO', null, 'alterado'],
    ['PROTEÍNAS', 'NEGATIVO', null, 'normal'],
    ['CILINDROS', 'AUSENTES', null, 'indeterminado'],
    ['VDRL', '1/8', null, 'alterado'],
  ]);
});

test('page headers, patient data, CRM/CNES/protocol numbers and dates never become analytes or unread lines', () => {
  const r = parseLabReport(
    [
      'LABORATÓRIO X - CNPJ 12.345.678/0001-90        Página 1 de 2',
      'Paciente: MARIA   Idade: 45 anos   Sexo: F   Protocolo: 2024031500123',
      'Médico: Dr. João CRM 12345-SP   CNES: 2077485',
      'Data da coleta: 12/03/2024 07:45',
      'Rua das Flores, 100 - Tel (31) 3333-4444',
      'Nº Pedido: 0045-887766-21',
      'GLICOSE   95 mg/dL   70 a 99 mg/dL',
      'Liberado eletronicamente em 15/03/2024 às 14:32 - CRF 9876',
    ].join('\n'),
  );
  assert.deepEqual(brief(r), [['Glicose', 95, 'mg/dL', 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
  assert.equal(isAdminLine('GLICOSE   95 mg/dL'), false);
});

test('never silent: a line with a value that cannot be read in full is returned verbatim', () => {
  const r = parseLabReport('Ferritina: ver laudo anexo 12\nUrocultura: mais de 100.000 UFC por mL, E. coli\nGlicose: 95 mg/dL');
  assert.deepEqual(r.unparsed_lines, ['Ferritina: ver laudo anexo 12', 'Urocultura: mais de 100.000 UFC por mL, E. coli']);
  assert.equal(r.analytes.length, 1);
  // A word result that cannot be read in full is result-like too, not a title.
  assert.deepEqual(parseLabReport('Parasitológico de fezes: Negativo para ovos e cistos').unparsed_lines, [
    'Parasitológico de fezes: Negativo para ovos e cistos',
  ]);
});
