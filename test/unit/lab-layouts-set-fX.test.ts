// The general causes behind the misses of held-out set 113, one focused case each: the parser on the few
// lines that show each layout, with other names, values and text than the set. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) =>
  [...r.analytes.map((a) => [a.line, a.name, a.value, a.unit, a.flag] as const), ...r.qualitative.map((a) => [a.line, a.name, a.value, null, a.flag] as const)]
    .sort((a, b) => a[0] - b[0])
    .map(([, ...rest]) => rest);

test("a primary care record's exam list: SUS procedure code in brackets, dates of request, collection and release before the value", () => {
  const text = [
    'Cidadão: MARIA DAS DORES LIMA          Sexo: Feminino     Data de nascimento: 10/02/1970 (55 anos)',
    'Exame (SIGTAP)                                  Solicitado em   Realizado em   Resultado em   Resultado',
    'UREIA (02.02.01.069-4)                           03/03/2025      10/03/2025     12/03/2025     61 mg/dL',
    'POTÁSSIO (02.02.01.060-0)                        03/03/2025      10/03/2025     12/03/2025     4,2 mEq/L',
  ].join('\n');
  const r = parseLabReport(text);
  // No reference printed, a unit with each value: the built-in adult ranges judge them.
  assert.deepEqual(brief(r), [
    ['Ureia', 61, 'mg/dL', 'alto'],
    ['Potássio', 4.2, 'mEq/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a blood count typed as free text in quotes, a sentence in words closing it, reads each result', () => {
  const text = [
    'Paciente: JOSÉ CARLOS ALVES   Sexo: Masculino   Idade: 58 anos',
    'HEMOGRAMA   Descrição:',
    '   "Hemoglobina 14,1 g/dL; leucócitos 5.400/mm³; plaquetas 198.000/mm³. Morfologia sem particularidades',
    '   (copiado do laudo do laboratório)"',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([n, v, u]) => [n, v, u]),
    [
      ['Hemoglobina', 14.1, 'g/dL'],
      ['Leucócitos', 5400, '/mm³'],
      ['Plaquetas', 198000, '/mm³'],
    ],
  );
});

test("results under a heading of the patient's earlier results are previous samples of the analytes read above", () => {
  const text = [
    'Paciente: ANA PAULA REIS   Sexo: Feminino   Idade: 49 anos',
    'Exame                      Resultado',
    'GLICOSE                    131 mg/dL',
    'TSH                        2,4 µUI/mL',
    '',
    'Histórico - resultados anteriores',
    'Exame                      Realizado em   Resultado',
    'GLICOSE                    02/10/2024     144 mg/dL',
    'FERRITINA                  02/10/2024     88 ng/mL',
  ].join('\n');
  const r = parseLabReport(text);
  // The earlier glucose is set aside; an analyte only the history holds is still read.
  assert.deepEqual(
    brief(r).map(([n, v]) => [n, v]),
    [
      ['Glicose', 131],
      ['TSH', 2.4],
      ['Ferritina', 88],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a rapid test's kit line with its lot and expiry names the kit, never the exam: the title names the result", () => {
  const text = [
    'Usuária: CLARA MENDES   Sexo: Feminino   Idade: 31 anos',
    '2) TESTE RÁPIDO PARA HEPATITE C',
    '   Teste: Marca X anti-HCV             Lote: 7781AB2        Validade: 10/10/2026',
    '   Resultado:  (   ) Reagente     ( X ) Não reagente     (   ) Inválido',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['TESTE RÁPIDO PARA HEPATITE C', 'Não reagente', null, 'indeterminado']]);
});

test("a blood-gas analyser's input FO2(I), in its own notation, is a setting of the run, no result; its ratio is one", () => {
  const text = [
    'Valores de entrada',
    '  FO2(I)                 35,0  %',
    'Valores do gás sanguíneo',
    '  pH                     7,41           [ 7,350 - 7,450 ]',
    '  pO2(a)/FO2(I)c          262  mmHg',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([n, v]) => [n, v]),
    [
      ['pH', 7.41],
      ['pO2(a)/FO2(I)c', 262],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a criterion stated in the results\' names and units ("neutrófilos ≥ 1.500/mm³") is a note, no result', () => {
  const text = [
    'Paciente: RITA SOUZA   Sexo: Feminino   Idade: 61 anos',
    'Neutrófilos   1.320 /mm³   1.800 a 7.700 /mm³',
    'Critério para início do ciclo: neutrófilos ≥ 1.500/mm³ e plaquetas ≥ 100.000/mm³.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Neutrófilos', 1320, '/mm³', 'baixo']]);
  // Its numbers are listed for a person to read, never results.
  assert.deepEqual(r.unparsed_lines, ['Critério para início do ciclo: neutrófilos ≥ 1.500/mm³ e plaquetas ≥ 100.000/mm³.']);
});

test('a unit in a column of its own before the values, its digits the unit\'s ("mL/min/1,73m²"), is the value\'s unit', () => {
  const text = [
    'Paciente: LUIZ FERREIRA   Sexo: Masculino   Idade: 70 anos',
    '                                          10/05/25    08/05/25',
    'Exame                     Unidade            06:00       06:10      Referência',
    '  eTFG (CKD-EPI 2021)     mL/min/1,73m²        48 L        41 L     > 60',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([n, v, u, f]) => [n, v, u, f]),
    [['Taxa de filtração glomerular', 48, 'mL/min/1,73m²', 'baixo']],
  );
});

test("a record's letterhead and form fields print numbers that identify, never results: unit's name before its CNES, team's INE, sample number, room", () => {
  const text = [
    'USF 712 SUL - JARDIM AURENY                                  CNES: 2468013',
    'Equipe: ESF 712 SUL - AZUL  (INE 0002233445)',
    'Amostra: 2       Material Biológico: Soro       Data da Coleta: 02/04/2025 08:10',
    'Data do teste: 02/04/2025  08:30          Local: Sala de coleta 3',
    'Glicose   97 mg/dL   70 a 99 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Glicose', 97, 'mg/dL', 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});
