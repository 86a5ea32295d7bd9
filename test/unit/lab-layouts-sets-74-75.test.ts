// The general causes behind the misses of held-out sets 74 and 75, one focused case each: the parser on
// the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountLines } from '../../src/labs/accounting.ts';
import { cleanLine } from '../../src/labs/lines.ts';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test("a range labelled after it as the sample's validity range ('(validade)', '(amostra válida)') is the reference", () => {
  const text = [
    'EXAME\tRESULTADO\tUNIDADE\tVR',
    'Creatinina em amostra isolada\t0,21\tg/L\t0,30 a 3,00 (validade)',
    'Fenol urinário\t12\tmg/L\taté 20 (amostra válida)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Creatinina em amostra isolada', 0.21, 'g/L', 'baixo'],
    ['Fenol urinário', 12, 'mg/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a word reference with its detection limit in brackets ("NÃO DETECTADO (limite de detecção 5 mg/L)")', () => {
  const text = [
    'METANOL ........................................ NÃO DETECTADO',
    '   Referência .................................. NÃO DETECTADO (limite de detecção 5 mg/L)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.qualitative.map((q) => [q.value, q.flag]),
    [['NÃO DETECTADO', 'normal']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a drug screen's list of what it looked for between its word result and its reference", () => {
  const text = [
    'PAINEL DE DROGAS DE ABUSO (URINA) .............. NEGATIVO',
    '   Drogas testadas: THC, cocaína, anfetaminas, benzodiazepínicos',
    '   Referência .................................. NEGATIVO',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.qualitative.map((q) => [q.value, q.flag]),
    [['NEGATIVO', 'normal']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a red-cell enzyme's unit per gram of haemoglobin ('U/g Hb')", () => {
  const text = [
    'Sexo: Masculino   Idade: 41 anos',
    'GLICOSE-6-FOSFATO DESIDROGENASE (G6PD)',
    'Resultado:  6,1 U/g Hb',
    'Valores de referência:',
    '   7,0 a 20,5 U/g Hb',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.unit, a.flag]),
    [[6.1, 'U/g Hb', 'baixo']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a markdown table's exposure-limit column ('IBMP') beside the reference: the limit when no reference is printed", () => {
  const text = [
    '| Exame | Resultado | Unidade | Referência | IBMP |',
    '|---|---|---|---|---|',
    '| Ácido mandélico | 0,9 | g/g creatinina | até 0,8 | 1,6 |',
    '| Ácido fenilglioxílico | 0,31 | g/g creatinina | — | 0,24 |',
    '| Ácido tricloroacético | 2,1 | mg/L | — | 5,0 |',
    '| Chumbo no sangue | 11 | µg/dL | — | — |',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [
      [0.9, 'alto'],
      [0.31, 'alto'],
      [2.1, 'normal'],
      [11, 'indeterminado'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a word result's cell led by its label ('TIPAGEM SANGUINEA   RESULTADO: AB')", () => {
  const text = ['IMUNOHEMATOLOGIA', 'TIPAGEM SANGUINEA                   RESULTADO: AB', 'FATOR RH                            RESULTADO: NEGATIVO'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.qualitative.map((q) => q.value),
    ['AB', 'NEGATIVO'],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("the accounting pass lists a word result led by its cell's label ('RESULTADO: AB') when the reader loses it", () => {
  const text = 'TIPAGEM SANGUINEA                   RESULTADO: AB';
  const lines = text.split('\n').map((raw, index) => ({ index, raw, text: cleanLine(raw, index).text }));
  assert.equal(parseLabReport(text).qualitative.length, 1);
  assert.deepEqual(accountLines(lines, [], []), [text]);
});

test("the collection's clock time beside the ranges by collection time ('Horário da coleta: 07:30') picks the range", () => {
  const text = [
    'ACTH (PLASMA)',
    '  Resultado ...... 35 pg/mL                  Valores de referência:',
    '  Horário da coleta: 07:30                   Coleta entre 7 e 10 h: até 46 pg/mL',
    '                                             Coleta entre 16 e 20 h: até 23 pg/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.unit, a.flag]),
    [[35, 'pg/mL', 'normal']],
  );
});

test('a filtration rate\'s ranges by kidney disease stage ("G3a (redução leve a moderada): 45 a 59") are its reference', () => {
  const text = [
    'FILTRAÇÃO GLOMERULAR ESTIMADA (MDRD)',
    'Resultado: 72 mL/min/1,73m²',
    'Valores de referência:',
    '  G1 (normal ou elevada): maior ou igual a 90',
    '  G2 (redução leve): 60 a 89',
    '  G3a (redução leve a moderada): 45 a 59',
    '  G3b (redução moderada a grave): 30 a 44',
    '  G4 (redução grave): 15 a 29',
    '  G5 (falência renal): menor que 15',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.unit, a.flag]),
    [[72, 'mL/min/1,73m²', 'baixo']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a reference cell led by what its ranges depend on alone ("Por faixa etária:")', () => {
  const text = [
    'Paciente: T. R. S.     Sexo: Feminino     Idade: 7 anos',
    'Fosfatase alcalina           360 U/L                     Por faixa etária:',
    '                                                           1 a 9 anos: 142 a 335 U/L',
    '                                                           10 a 15 anos: 129 a 417 U/L',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Fosfatase alcalina', 360, 'U/L', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("an occupational report's exposure group by its number ('GHE: 05 - Xileno') is no unread line", () => {
  const text = ['GHE: 05 - Xileno    Coleta: 10/10/2026 15:20 (final da jornada)', 'Glicose   88 mg/dL   70 a 99'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Glicose', 88, 'mg/dL', 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a bulleted note of the medicines the patient takes ('- Paciente em uso de … 500 mg') is no result and is not listed", () => {
  const text = [
    'TSH ........ 2,10 µUI/mL ........ 0,45 a 4,50',
    'Observações:',
    '- Paciente em uso de sinvastatina 20 mg 1x/dia (informado na coleta).',
    '• Em uso de metformina 500 mg 2x/dia',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['TSH', 2.1, 'µUI/mL', 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});
