// Transposed tables (held-out sets 145–146: h1426, h1436): one exam a column, one field a row ("Resultado",
// "Unidade", "Referência", "Situação"), each row led by its label. Rewritten examples with other names, values and
// labs. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => [
  ...r.analytes.map((a) => [a.name, a.comparator, a.value, a.unit, a.flag] as const),
  ...r.qualitative.map((a) => [a.name, null, a.value, null, a.flag] as const),
];

test('a transposed table under an exam label: each column is a result, with the unit, range and arrow under it', () => {
  const text = [
    'Paciente: JOÃO PEDRO SOUSA   Sexo: Masculino   Idade: 58 anos',
    '',
    'FUNÇÃO RENAL E ELETRÓLITOS - soro',
    '==========================================================================',
    'Analito       Creatinina       Ureia            Potássio          Sódio',
    'Resultado     1,62             71               < 2,5             141',
    'Unidade       mg/dL            mg/dL            mmol/L            mmol/L',
    'Referência    0,70 a 1,30      até 50           3,5 a 5,1         136 a 145',
    'Método        Jaffé            Urease           ISE               ISE',
    'Situação      ↑                ↑                ↓',
    '==========================================================================',
    'Analito       PCR              Ferritina',
    'Resultado     0,4              612',
    'Unidade       mg/dL            ng/mL',
    'Referência    inferior a 0,5',
    'Situação                       ↑',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Creatinina', null, 1.62, 'mg/dL', 'alto'],
    ['Ureia', null, 71, 'mg/dL', 'alto'],
    ['Potássio', '<', 2.5, 'mmol/L', 'baixo'],
    ['Sódio', null, 141, 'mmol/L', 'normal'],
    ['Proteína C reativa (PCR)', null, 0.4, 'mg/dL', 'normal'],
    ['Ferritina', null, 612, 'ng/mL', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a transposed panel with no label over its names, a range pointing to a note, ranges stacked by phase', () => {
  const text = [
    'PACIENTE  CLÁUDIA REGINA MOTA   SEXO Feminino   IDADE 61 anos',
    'Informações clínicas: pós-menopausa (DUM há 8 anos).',
    '',
    'PERFIL LIPÍDICO                          soro',
    '             COLESTEROL TOTAL   HDL      TRIGLICÉRIDES   LDL (2)',
    'Resultado        171            63          92            89',
    'Unidade         mg/dL          mg/dL       mg/dL         mg/dL',
    'Referência       < 190          > 40        < 150        ver (2)',
    '',
    'HORMÔNIOS                                soro',
    '             LH                          PROGESTERONA',
    'Resultado     31,2                        0,3',
    'Unidade       mUI/mL                      ng/mL',
    'Referência   Fase folicular: 2,4 a 12,6   Fase folicular: 0,2 a 1,5',
    '             Fase lútea: 1,0 a 11,4       Fase lútea: 1,7 a 27,0',
    '             Pós-menopausa: 7,7 a 58,5    Pós-menopausa: 0,1 a 0,8',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Colesterol total', null, 171, 'mg/dL', 'normal'],
    ['HDL-colesterol', null, 63, 'mg/dL', 'normal'],
    ['Triglicerídeos', null, 92, 'mg/dL', 'normal'],
    ['LDL-colesterol', null, 89, 'mg/dL', 'normal'],
    ['LH', null, 31.2, 'mUI/mL', 'normal'],
    ['PROGESTERONA', null, 0.3, 'ng/mL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a glycated haemoglobin's tiers named in brackets after their ranges account for the row", () => {
  const text = ['Sexo: Masculino   Idade: 45 anos', '', 'HEMOGLOBINA GLICADA   6,1 %   < 5,7 (normal) | 5,7 a 6,4 (pré-diabetes) | ≥ 6,5 (diabetes)'].join(
    '\n',
  );
  const r = parseLabReport(text);
  assert.equal(r.analytes.length, 1);
  assert.equal(r.analytes[0]!.value, 6.1);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a block under its title with a "Resultado" row is no transposed table', () => {
  const text = ['Sexo: Feminino', '', 'GLICOSE', 'Resultado     88 mg/dL     70 a 99 mg/dL'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Glicose', null, 88, 'mg/dL', 'normal']]);
});

test("a title printed letter by letter over a block's labelled result is no transposed table's names", () => {
  const text = [
    'Sexo: Masculino   Idade: 39 anos',
    '',
    '                     V I T A M I N A   B 1 2',
    'Resultado:      412 pg/mL',
    '                       Valores de referência: 197 a 771 pg/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Vitamina B12', null, 412, 'pg/mL', 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});
