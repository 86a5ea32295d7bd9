// The general causes behind the misses of held-out sets 59 to 61, one focused case each: the parser
// on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('a portal table copied with tabs keeps a bar inside its reference cell as a split between ranges', () => {
  const text = [
    'Exame\tResultado\tValores de referência\tResultado anterior',
    'Ácido Úrico\t6,1 mg/dL\tMulheres: 2,4 a 5,7 mg/dL | Homens: 3,4 a 7,0 mg/dL\t5,2 (03/02/2024)\tVer histórico',
    'TGO - AST\t25 U/L\tMulheres: até 32 U/L | Homens: até 40 U/L\t—\tVer histórico',
    'Ureia\t30 mg/dL\t15 a 45 mg/dL\t28 (03/02/2024)\tVer histórico',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F' });
  assert.deepEqual(brief(r), [
    ['Ácido úrico', 6.1, 'mg/dL', 'alto'],
    ['TGO (AST)', 25, 'U/L', 'normal'],
    ['Ureia', 30, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('rows under an exam title lead their name to a "RESULTADO:" label with dots', () => {
  const text = [
    'EXAME: ERITROGRAMA',
    '  HEMACIAS ........... RESULTADO: 4,12 milhoes/mm3   VR: 4,50 A 5,90 milhoes/mm3',
    '  VCM ................ RESULTADO: 88,0 fL            VR: 80,0 A 98,0 fL',
    '------------------------------------------------------------',
    'EXAME: CALCIO                 RESULTADO: 9,1 mg/dL       VR: 8,6 A 10,3 mg/dL',
    'REQUISICAO ......... RESULTADO: 2024/031877',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [
      ['Hemácias', 4.12, 'baixo'],
      ['VCM', 88, 'normal'],
      ['Cálcio', 9.1, 'normal'],
    ],
  );
});

test("a note's wrapped guideline year and a page header's zero-padded or lettered request number are no results", () => {
  const text = [
    'LABORATORIO EXEMPLO  |  JOANA DA SILVA  |  Pedido 5120-0043381',
    'Pedido:   RB-24-0091823       Data de Coleta: 02/03/2025 08:10',
    'Origem.......: PRONTO ATENDIMENTO ADULTO          Requisição..: 2025.03.00412',
    '**Laboratório Serra Azul** — Rua Barão do Rio Branco, 455, Itajubá/MG — (35) 3622-1188',
    'Colesterol total ......: 182 mg/dL   Desejável: inferior a 190 mg/dL',
    'Nota: Valores conforme a Diretriz Brasileira de Hipertensão e Prevenção',
    'Cardiovascular - 2020. O alvo terapêutico deve ser definido pelo médico.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Colesterol total', 182, 'mg/dL', 'normal']]);
  // The year is a number left over: the line is listed for a person to read, never a result.
  assert.deepEqual(r.unparsed_lines, ['Cardiovascular - 2020. O alvo terapêutico deve ser definido pelo médico.']);
});

test('two result blocks side by side whose labels lead to their colon with dots are read column by column', () => {
  const text = [
    'Exame: CLORETO                                 Exame: MAGNÉSIO',
    '  Resultado .............: 101 mEq/L            Resultado .............: 1,5 mg/dL',
    '  Valor de referência: 98 a 107 mEq/L           Valor de referência: 1,6 a 2,6 mg/dL',
    '',
    'Exame: UREIA',
    '  Resultado .............: 32 mg/dL',
    '  Valor de referência: 10 a 50 mg/dL',
    '',
    'Liberado por: Dra. Ana Souza - CRF/SC 1.234                             Página 1/1',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Cloro', 101, 'mEq/L', 'normal'],
    ['Magnésio', 1.5, 'mg/dL', 'baixo'],
    ['Ureia', 32, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a tolerance curve's timed rows keep their time after a dash, their reference labelled by the patient group", () => {
  const text = [
    'EXAME                                  RESULTADO    UNIDADE       VALOR DE REFERÊNCIA',
    'CURVA INSULÍNICA                                             Material: soro',
    '  Insulina - jejum                     *   31,0     µUI/mL        Adultos: < 25,0',
    '  Insulina - 120 min                       64,2     µUI/mL        Adultos: < 75,0',
    '  Critério de Kraft 1975: o padrão da curva orienta a investigação de resistência insulínica.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [
      ['Insulina', 31, 'alto'],
      ['Insulina - 120 min', 64.2, 'normal'],
    ],
  );
  // The criterion's year is listed for a person to read, never a result.
  assert.deepEqual(r.unparsed_lines, ['Critério de Kraft 1975: o padrão da curva orienta a investigação de resistência insulínica.']);
});

test('a reactive result whose reference word carries the titre it holds below is flagged against the word', () => {
  const text = [
    'ANTICORPOS ANTIMITOCÔNDRIA (AMA) - Imunofluorescência indireta',
    '  Resultado: REAGENTE',
    '  Título: 1/160',
    '  Referência: Não reagente (título inferior a 1/40)',
    '',
    'ANTI-DNA NATIVO - Crithidia luciliae',
    '  Resultado: Não reagente         Referência: Não reagente (título inferior a 1/10)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [
      // The method after the title's dash is no part of the name (set 93's LIS titles, titleWithoutMethod).
      ['ANTICORPOS ANTIMITOCÔNDRIA (AMA)', '1/160', 'alterado'],
      ['ANTI-DNA NATIVO - Crithidia luciliae', 'Não reagente', 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a comparison wrapped between its words in a narrow reference column is read as one range', () => {
  const text = [
    '  Exame                                Resultado           Unidade      Valores de Referência',
    '  GLICOSE PÓS-PRANDIAL                       162       mg/dL         Normal: inferior a 140 mg/dL',
    '                                                                    Diabetes: maior ou',
    '                                                                    igual a 200 mg/dL',
    '  UREIA                                       31       mg/dL         15 a 45 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [
      ['GLICOSE PÓS-PRANDIAL', 162, 'alto'],
      ['Ureia', 31, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a reference heading for an age band keeps the ranges under it for the result above', () => {
  const text = [
    'Hematócrito..............: 33,0 %',
    '   Valores de referência para 6 a 11 anos:',
    '      Sexo feminino: 35,0 a 45,0 %  |  Sexo masculino: 35,0 a 45,0 %',
    'Plaquetas................: 250.000 /mm3   (150.000 a 450.000)',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M' });
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [
      ['Hematócrito', 33, 'baixo'],
      ['Plaquetas', 250000, 'normal'],
    ],
  );
  assert.equal(r.analytes[0]!.reference_low, 35);
  assert.deepEqual(r.unparsed_lines, []);
});
