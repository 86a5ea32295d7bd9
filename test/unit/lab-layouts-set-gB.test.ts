// The general causes behind the misses of held-out set 117, one focused case each: the parser on the few
// lines that show each layout, with other names, values and text than the set. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) =>
  [...r.analytes.map((a) => [a.line, a.name, a.value, a.unit, a.flag] as const), ...r.qualitative.map((a) => [a.line, a.name, a.value, null, a.flag] as const)]
    .sort((a, b) => a[0] - b[0])
    .map(([, ...rest]) => rest);

test("a patient's remark in brackets after a result, words and a number, is no reference: the result is read", () => {
  const text = [
    'exames de março',
    '- ferritina 22 ng/ml (ref 15 a 150)',
    '- anti hbs positivo (tomei a vacina faz 3 anos)',
    '- triglicérides 188 mg/dl (em janeiro era 240!!)',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1980-01-01', today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Ferritina', 22, 'ng/mL', 'normal'],
    ['anti hbs', 'positivo', null, 'indeterminado'],
    ['Triglicerídeos', 188, 'mg/dL', 'alto'],
  ]);
  // The earlier value in the remark is no result of this report: the line stays listed for a person to read.
  assert.deepEqual(r.unparsed_lines, ['- triglicérides 188 mg/dl (em janeiro era 240!!)']);
});

test('a typed line naming its exam, then a result in words and a comma before a numeric one, reads both', () => {
  const text = ['- parcial de urina: cetonas negativo, hemácias 8.000/ml (ref até 10.000)'].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1980-01-01', today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Hemácias', 8000, '/mL', 'normal'],
    ['cetonas', 'negativo', null, 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a portal's CSV export with the patient's columns on every record reads each record", () => {
  const text = [
    '# Exportação do portal - gerada em 02/06/2025 10:20',
    '"Paciente";"Sexo";"Data de nascimento";"Pedido";"Exame";"Resultado";"Unidade";"Referência";"Status"',
    '"CLARA MOTA";"F";"03/04/1979";"778120";"Ferritina";"9";"ng/mL";"15 - 150";"Liberado"',
    '"CLARA MOTA";"F";"03/04/1979";"778120";"Hemoglobina";"11,2";"g/dL";"12,0 - 15,5";"Liberado"',
    '"CLARA MOTA";"F";"03/04/1979";"778120";"Ureia";"30";"mg/dL";"15 - 45";"Liberado"',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Ferritina', 9, 'ng/mL', 'baixo'],
    ['Hemoglobina', 11.2, 'g/dL', 'baixo'],
    ['Ureia', 30, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("the patient's sex and birth date of a CSV export come from its columns", () => {
  const text = [
    '"Paciente";"Sexo";"Nascimento";"Exame";"Resultado";"Unidade";"Referência"',
    '"PEDRO LIMA";"M";"10/10/1960";"Creatinina";"1,25";"mg/dL";""',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  // The built-in range is the man's (0,7 a 1,3), not the woman's (0,5 a 1,1).
  assert.deepEqual(brief(r), [['Creatinina', 1.25, 'mg/dL', 'normal']]);
});

test("a screen reader's text of a lab app (roles, label and value lines, a spoken table and list) reads the results", () => {
  const text = [
    'Janela: Meus exames - aplicativo',
    'Botão: Voltar',
    'Título, nível 1: Meus exames',
    'Rótulo: Sexo',
    'Valor: Masculino',
    'Título, nível 2: Bioquímica',
    'Tabela: 4 colunas, 3 linhas',
    'Linha 1, cabeçalho: Exame. Resultado. Unidade. Valor de referência.',
    'Linha 2',
    'Exame: Glicose',
    'Resultado: 131',
    'Unidade: mg/dL',
    'Valor de referência: 70 a 99',
    'Linha 3',
    'Exame: Cetonas',
    'Resultado: Negativo',
    'Unidade: vazio',
    'Valor de referência: Negativo',
    'Fim da tabela',
    'Título, nível 2: Ácido úrico',
    'Rótulo: Resultado',
    'Valor: 8,1 miligramas por decilitro, mg/dL',
    'Rótulo: Valor de referência',
    'Valor: 3,4 a 7,0 mg/dL',
    'Título, nível 3: Antibiograma',
    'Lista: 2 itens',
    'Item 1 de 2: Gentamicina. Interpretação: Resistente.',
    'Item 2 de 2: Levofloxacino. Interpretação: Sensível.',
    'Fim da lista',
    'Botão: Compartilhar',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Glicose', 131, 'mg/dL', 'alto'],
    ['Cetonas', 'Negativo', null, 'normal'],
    ['Ácido úrico', 8.1, 'mg/dL', 'alto'],
    ['Gentamicina', 'Resistente', null, 'indeterminado'],
    ['Levofloxacino', 'Sensível', null, 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a screen reader speaks a unit's slash as 'por': the cell under the value is still its unit", () => {
  const text = [
    'Botão: Voltar',
    'Título, nível 2: Sedimento',
    'Tabela: 4 colunas, 2 linhas',
    'Linha 2',
    'Exame: Leucócitos',
    'Resultado: 32.000',
    'Unidade: por mL',
    'Valor de referência: até 10.000',
    'Fim da tabela',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1990-01-01', today: '2025-06-01' });
  assert.deepEqual(brief(r), [['Leucócitos', 32000, '/mL', 'alto']]);
});

test("a phone's viewer wraps a differential's reference heads and each row's ranges under its values: read as one row", () => {
  const text = [
    'LEUCOGRAMA',
    '              %        /mm³',
    'V.R. (%)       V.R. (/mm³)',
    'Neutrófilos     81     9.720',
    '40 a 70     1.800 a 7.000',
    'Linfócitos     12     1.440',
    '20 a 45     1.000 a 4.000',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1970-01-01', today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Neutrófilos (%)', 81, '%', 'alto'],
    ['Neutrófilos', 9720, '/mm³', 'alto'],
    ['Linfócitos (%)', 12, '%', 'baixo'],
    ['Linfócitos', 1440, '/mm³', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a transcriber's note that a value is printed in red marks it, and is no reference", () => {
  const text = [
    '| Exame | Resultado | Unidade | Referência |',
    '|---|---|---|---|',
    '| Prolactina | **41,2** (em vermelho) | ng/mL | 4,8 a 23,3 |',
    '| FSH | 6,1 | mUI/mL | 3,5 a 12,5 |',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1990-01-01', today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Prolactina', 41.2, 'ng/mL', 'alto'],
    ['FSH', 6.1, 'mUI/mL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a name shortened with its dot before the next word is the catalogue's; a doubled arrow is the mark", () => {
  const text = ['Glic. jejum: 104 mg/dL', 'Sat. transf. 14% (20–50%)', 'Ferritina 7 (13–150) ↓↓'].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1990-01-01', today: '2025-06-01' });
  assert.deepEqual(
    [...r.analytes].map((a) => [a.key, a.value, a.flag]),
    [
      ['glicose', 104, 'alto'],
      ['saturacao_transferrina', 14, 'baixo'],
      ['ferritina', 7, 'baixo'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a phone's viewer breaks a row's unit after its slash and a method's bracket with an ordinal: one row, one method", () => {
  const text = [
    'ERITROGRAMA',
    'Eritrócitos     5,02 milhões/',
    'mm³               4,30 a 5,70',
    '',
    'T4 LIVRE',
    'Método: Eletroquimioluminescência',
    '(4ª geração)',
    'Resultado     1,31 ng/dL',
    'Valor de referência: 0,70 a 1,80 ng/dL',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1970-01-01', today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Hemácias', 5.02, 'milhões/mm³', 'normal'],
    ['T4 livre', 1.31, 'ng/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a note's formula broken after its operator is no name and value; a message's 'Prot.:' is the protocol", () => {
  const text = ['🧾 Prot.: 55.120.448', 'ÍNDICE HOMA-IR', 'Resultado     3,1', 'Nota: cálculo = glicose x insulina /', 'fator 405'].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1970-01-01', today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map((row) => row[1]),
    [3.1],
  );
  // The note keeps its factor: listed for a person to read, never a result "fator" = 405.
  assert.deepEqual(r.unparsed_lines, ['Nota: cálculo = glicose x insulina /']);
});
