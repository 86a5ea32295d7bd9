// The general causes behind the misses of held-out set 115, one focused case each: the parser on the few
// lines that show each layout, with other names, values and text than the set. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) =>
  [...r.analytes.map((a) => [a.line, a.name, a.value, a.unit, a.flag] as const), ...r.qualitative.map((a) => [a.line, a.name, a.value, null, a.flag] as const)]
    .sort((a, b) => a[0] - b[0])
    .map(([, ...rest]) => rest);

test('blocks in two page columns out of step from their first line: a table on the left, "Resultado:" blocks on the right', () => {
  const text = [
    'Paciente: Rogério Nunes Prado          Sexo: Masculino     Idade: 47 anos',
    '',
    'HEMOGRAMA                                               UREIA  (soro)',
    'Material: sangue total EDTA                             Resultado: 38 mg/dL',
    'Método: citometria de fluxo                             Ref.: 15 a 45 mg/dL',
    'Hemoglobina        14,1 g/dL       13,5 a 17,5          POTÁSSIO  (soro)',
    'Hematócrito        43,0 %          41,0 a 53,0          Resultado: 5,8 mEq/L',
    'Leucócitos         6.100 /mm³      3.500 a 10.500       Ref.: 3,5 a 5,1 mEq/L',
    'Plaquetas          190.000 /mm³    150.000 a 450.000    FERRITINA  (soro)',
    '                                                        Resultado:',
    'Obs.: série vermelha normocrômica.                                   410 ng/mL',
    '                                                        Ref.: 30 a 400 ng/mL',
    '',
    '                                                        SÓDIO  (soro)',
    '                                                        Resultado: 139 mEq/L   Ref.: 136 a 145',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ureia', 38, 'mg/dL', 'normal'],
    ['Hemoglobina', 14.1, 'g/dL', 'normal'],
    ['Hematócrito', 43, '%', 'normal'],
    ['Potássio', 5.8, 'mEq/L', 'alto'],
    ['Leucócitos', 6100, '/mm³', 'normal'],
    ['Plaquetas', 190000, '/mm³', 'normal'],
    ['Ferritina', 410, 'ng/mL', 'alto'],
    ['Sódio', 139, 'mEq/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a LIS printout's 'ULT. RESULT.' column after dot leaders and a bracketed reference: the earlier sample's value and date are cut, a footnote's '*' in the bracket too", () => {
  const text = [
    'PACIENTE..: JOAO PEDRO SIQUEIRA                SEXO: M   IDADE: 39A',
    'EXAME                            RESULTADO  UNID.        REFERENCIA          ULT. RESULT.',
    '-------------------------------------------------------------------------------------------',
    '  UREIA ..........................:      41  mg/dL        [15 a 45]              38  02/01/25',
    '  POTASSIO .......................:     5,4  mEq/L        [3,5 a 5,1 *]         5,0  02/01/25',
    '  PLAQUETAS ......................: 390.000  /mm3         [150.000 a 400.000] 412.000  02/01/25',
    '  SODIO ..........................:     140  mEq/L        [136 a 145]            --',
    '     * hemolise discreta na amostra',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ureia', 41, 'mg/dL', 'normal'],
    ['Potássio', 5.4, 'mEq/L', 'alto'],
    ['Plaquetas', 390000, '/mm³', 'normal'],
    ['Sódio', 140, 'mEq/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a portal page one cell a line: an 'Alterado' badge under a word result leaves the reference to it; an antibiogram's interpretation alone under the antimicrobial", () => {
  const text = [
    'Urina',
    'Densidade',
    '1.018',
    'Referência',
    '1.005 a 1.030',
    'Nitrito',
    'Negativo',
    'Referência',
    'Negativo',
    'Leucócitos esterase',
    'Positivo',
    'Alterado',
    'Referência',
    'Negativo',
    'Antibiograma',
    'Antimicrobiano',
    'Interpretação',
    'Ceftriaxona',
    'Sensível',
    'Gentamicina',
    'Resistente',
    'Norfloxacino',
    'Intermediário',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Densidade', 1.018, null, 'normal'],
    ['Nitrito', 'Negativo', null, 'normal'],
    ['Leucócitos esterase', 'Positivo', null, 'alterado'],
    ['Ceftriaxona', 'Sensível', null, 'indeterminado'],
    ['Gentamicina', 'Resistente', null, 'indeterminado'],
    ['Norfloxacino', 'Intermediário', null, 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a table a photo's OCR read column by column (names, then values, then references) is put back in rows", () => {
  const text = [
    'HEMOGRAMA',
    'SÉRIE VERMELHA',
    'Hemácias',
    'Hemoglobina',
    'Hematócrito',
    'VCM',
    'Resultado',
    '4,12 milhões/mm3',
    '12,2 g/dl',
    '37,1 %',
    '90,0 fl',
    'Referência',
    '4,00 a 5,20',
    '12,0 a 16,0',
    '36,0 a 46,0',
    '80,0 a 100,0',
    '',
    'Glicose: 92 mg/dL (70 a 99)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemácias', 4.12, 'milhões/mm³', 'normal'],
    ['Hemoglobina', 12.2, 'g/dL', 'normal'],
    ['Hematócrito', 37.1, '%', 'normal'],
    ['VCM', 90, 'fL', 'normal'],
    ['Glicose', 92, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a table whose wrapped cells are centred vertically: the value on the line under its name's first line is the row's", () => {
  const text = [
    ' Exame                 Resultado        Valores de referência        Método',
    ' ──────────────────────────────────────────────────────────────────────────────',
    ' Ureia                 33 mg/dL         15 a 45 mg/dL                Cinético',
    ' Peptídeo C                             1,1 a 4,4 ng/mL              Quimio-',
    ' (jejum)               5,6 ng/mL                                     luminescência',
    ' Cortisol                               6,2 a 19,4 µg/dL',
    '                       22,0 µg/dL',
    ' Creatinina            0,9 mg/dL        0,6 a 1,1 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ureia', 33, 'mg/dL', 'normal'],
    ['Peptídeo C', 5.6, 'ng/mL', 'alto'],
    ['Cortisol', 22, 'µg/dL', 'alto'],
    ['Creatinina', 0.9, 'mg/dL', 'normal'],
  ]);
  // Each result is given on the line its value is printed on, not its name's: a person checking the line
  // sees the number there, and the never-silent accounting finds it.
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.line]),
    [
      ['Ureia', 2],
      ['Peptídeo C', 4],
      ['Cortisol', 6],
      ['Creatinina', 7],
    ],
  );
});

test("a bar table's previous-result column holds a serology's earlier word with its date: the cell is cut, the current word read", () => {
  const text = [
    '| Exame | Resultado | Anterior | Valor de referência |',
    '|---|---|---|---|',
    '| Rubéola IgG | **Reagente** | Reagente (03/02/2023) | Não reagente |',
    '| Rubéola IgM | Não reagente | Não reagente em 03/02/2023 | Não reagente |',
    '| HBsAg | Não reagente | — | Não reagente |',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Rubéola IgG', 'Reagente', null, 'alterado'],
    ['Rubéola IgM', 'Não reagente', null, 'normal'],
    ['HBsAg', 'Não reagente', null, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a reference's list of age bands set apart by bars, broken anywhere over three lines, is read whole", () => {
  const text = [
    'Paciente: Osvaldo Reis     Sexo: Masculino     Idade: 63 anos',
    'PSA LIVRE',
    'Resultado: 0,31 ng/mL',
    'PSA TOTAL',
    'Resultado: 3,9 ng/mL',
    'Ref. por faixa etária: 40 a 49 anos: até',
    '2,5 | 50 a 59 anos: até 3,5 | 60 a 69',
    'anos: até 4,5 | 70 anos ou mais: até 6,5',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['PSA LIVRE', 0.31, 'ng/mL', 'indeterminado'],
    ['PSA TOTAL', 3.9, 'ng/mL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a row's name wrapped onto the line under it, alone in the name column, names the row when the whole name is a known one", () => {
  const text = [
    ' Exame                     Resultado          Valores de referência',
    ' Colesterol                137 mg/dL            Desejável: < 160 mg/dL',
    ' não-HDL',
    ' Ureia                     30 mg/dL             15 a 45 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Colesterol não-HDL', 137, 'mg/dL', 'normal'],
    ['Ureia', 30, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a reference cell broken where its range wants a number, with the method column's word wrapped beside it", () => {
  const text = [
    ' Paciente: Lúcia Prado        Sexo: Feminino',
    ' Exame                     Resultado          Valores de referência             Método',
    ' Androstenediona           3,9 ng/mL            Mulheres: 0,3 a                  Quimio-',
    '                                                3,3 ng/mL                        luminescência',
    ' Ureia                     30 mg/dL             15 a 45 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Androstenediona', 3.9, 'ng/mL', 'alto'],
    ['Ureia', 30, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
