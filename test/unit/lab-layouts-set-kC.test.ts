// The general causes behind the misses of held-out sets 166-167 (h1640, h1652), one focused case each: the parser
// on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

const TODAY = { today: '2025-06-01' };

const CSV_HEAD =
  '"CNS";"Paciente";"Sexo";"DtNasc";"Unidade";"DtColeta";"Pedido";"Exame";"Analito";"Resultado";"Unidade";"ValorReferencia";"Alterado";"ResultadoAnterior";"DtAnterior";"Liberado"';
const who = '"898001234567890";"MARIA JOSE DA SILVA";"F";"03/05/1970";"UBS JARDIM AMERICA";"02/02/2026";"2026020200311"';

test("a portal's CSV export reads its analyte rows, not its card number, care unit, previous result or yes/no columns (h1652)", () => {
  const text = [
    CSV_HEAD,
    `${who};"UREIA";"Ureia";"52";"mg/dL";"15 a 40";"S";"38";"10/08/2025";"S"`,
    `${who};"POTASSIO";"Potássio";"4,1";"mEq/L";"3,5 a 5,1";"N";"";"";"S"`,
    '"Total de registros: 2"',
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(brief(r), [
    ['Ureia', 52, 'alto'],
    ['Potássio', 4.1, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a CSV export's reference spanning lines inside its quotes is the row's reference (h1652)", () => {
  const text = [
    CSV_HEAD,
    `${who};"CREATININA";"Creatinina";"1,21";"mg/dL";"Feminino: 0,50 a 0,90`,
    'Masculino: 0,70 a 1,20";"S";"1,02";"10/08/2025";"S"',
    `${who};"GLICEMIA";"Glicose";"131";"mg/dL";"Normal: inferior a 100`,
    'Glicemia de jejum alterada: 100 a 125',
    'Diabetes: igual ou superior a 126";"S";"";"";"S"',
    `${who};"SODIO";"Sódio";"139";"mEq/L";"136 a 145";"N";"";"";"S"`,
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(brief(r), [
    ['Creatinina', 1.21, 'alto'],
    ['Glicose', 131, 'alto'],
    ['Sódio', 139, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("under age-band reference columns, a differential's absolute count one space before the first band's range takes the patient's band (h1640)", () => {
  const text = [
    'Nome: JOAO PEDRO SOUZA          Sexo: M       Nascimento: 10/01/2021',
    'Coleta: 15/03/2025',
    '',
    'LEUCOGRAMA',
    '                                      VALORES DE REFERÊNCIA POR IDADE',
    '                    RESULTADO     1 a 2 anos      2 a 6 anos      6 a 12 anos',
    'Leucócitos (/mm³)      9.800     6.000 - 17.500  5.000 - 15.500  4.500 - 13.500',
    '',
    '                       %    /mm³',
    'Neutrófilos           45    4.410 1.500 - 8.500   1.500 - 8.500   1.800 - 8.000',
    'Linfócitos            44    4.312 3.000 - 9.500   2.000 - 8.000   1.500 - 7.000',
    'Basófilos              1       98 0 - 200         0 - 200         0 - 200',
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(
    brief(r).filter((a) => !String(a[0]).includes('%')),
    [
      ['Leucócitos', 9800, 'normal'],
      ['Neutrófilos', 4410, 'normal'],
      ['Linfócitos', 4312, 'normal'],
      ['Basófilos', 98, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a word field's label with a column gap after its colon, a finding in words and a reference cell, is that finding (h1640)", () => {
  const text = [
    'PARASITOLÓGICO DE FEZES',
    '  Helmintos:      Ovos de Ascaris lumbricoides          Ref.: Ausentes',
    '  Protozoários:   Ausentes                              Ref.: Ausentes',
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(brief(r), [
    ['Helmintos', 'Ovos de Ascaris lumbricoides', 'alterado'],
    ['Protozoários', 'Ausentes', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a stool exam's title with its sample count and method in a bracket ending the line is no value (h1640)", () => {
  const text = ['PARASITOLÓGICO DE FEZES (2 amostras - métodos de Lutz e Rugai)', '  Helmintos:      Ausentes      Ref.: Ausentes'].join('\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(brief(r), [['Helmintos', 'Ausentes', 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});
