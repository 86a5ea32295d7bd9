// The general causes behind the misses of held-out set 140 (fixer hF's reports), one focused case each:
// the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test("a hospital's ';' export with specimen, exam and analyte columns names each row by its analyte, the previous result and signer left out", () => {
  const text = [
    'Pedido;Dt_Coleta;Material;Exame;Analito;Resultado;Unidade;Valor_Referencia;Flag;Res_Anterior (dt);Liberado_por',
    '770031;03/02/2025;Urina de 24 horas;UREIA URINA 24H;Ureia urinária 24 h;31;g/24 h;26 a 43;N;29 (10/10/2024);Ana Souza - CRF-SP 12345',
    '770031;03/02/2025;Urina de 24 horas;CLORO URINA 24H;Cloreto urinário 24 h;262;mEq/24 h;110 a 250;H;;Ana Souza - CRF-SP 12345',
    '770031;03/02/2025;Soro;UREIA;Ureia sérica;48;mg/dL;15 a 40;H;44 (10/10/2024);Ana Souza - CRF-SP 12345',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1970-01-01', today: '2025-06-01' });
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [
      [31, 'normal'],
      [262, 'alto'],
      [48, 'alto'],
    ],
  );
  assert.deepEqual(
    r.analytes.slice(0, 2).map((a) => a.name),
    ['Ureia urinária 24 h', 'Cloreto urinário 24 h'],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a protein assay's block whose one row is named by the form measured takes the block title's name; a clotting time's activity keeps its own", () => {
  const text = [
    'TEMPO DE PROTROMBINA',
    '   Tempo do paciente ..........  12,4 s     Referência: 10,0 a 13,5 s',
    '   Atividade ..................  88 %       Referência: 70 a 120 %',
    '',
    'FATOR VIII (coagulométrico)',
    '   Atividade ..................  38 %       Referência: 50 a 150 %',
    '',
    'PROTEÍNA S TOTAL (ELISA)',
    '   Antígeno ...................  104 %      Referência: 60 a 130 %',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F' });
  const names = r.analytes.map((a) => [a.name.replace(/\s*\([^()]*\)$/, ''), a.value, a.flag]);
  assert.deepEqual(names.slice(1), [
    ['TEMPO DE PROTROMBINA - Atividade', 88, 'normal'],
    ['FATOR VIII', 38, 'baixo'],
    ['PROTEÍNA S TOTAL', 104, 'normal'],
  ]);
});

test("a public lab's serology: the word reference under the index is the result's, the index read against its negative band", () => {
  const text = [
    'Exame: Zika, IgM                     Amostra: 1ª amostra',
    'Resultado: Não Reagente',
    'Índice: 0,35',
    'Valor de Referência: Não Reagente',
    'Interpretação do índice: < 0,8 Não Reagente | 0,8 a 1,2 Indeterminado | > 1,2 Reagente',
    '',
    'Exame: Febre amarela, IgM            Amostra: 1ª amostra',
    'Resultado: Reagente',
    'Índice: 3,40',
    'Valor de Referência: Não Reagente',
    'Interpretação do índice: < 0,8 Não Reagente | 0,8 a 1,2 Indeterminado | > 1,2 Reagente',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F' });
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [
      [0.35, 'normal'],
      [3.4, 'alto'],
    ],
  );
  assert.deepEqual(
    r.qualitative.map((a) => [a.name, a.value, a.flag]),
    [
      ['Zika, IgM', 'Não Reagente', 'normal'],
      ['Febre amarela, IgM', 'Reagente', 'alterado'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a titre result, a labelled remark on it, then its reference in words: the reference is the titre's", () => {
  const text = [
    'Exame: Brucelose, Soroaglutinação',
    'Resultado: Reagente 1/160',
    'Antígeno de maior título: Brucella abortus',
    'Valor de Referência: Não Reagente (título inferior a 1/40)',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M' });
  assert.deepEqual(
    r.qualitative.map((a) => [a.name, a.value, a.flag]),
    [['Brucelose, Soroaglutinação', '1/160', 'alterado']],
  );
});

test("an inpatient LIS's letter with the critical mark inside its brackets flags the value its way", () => {
  const text = [
    '    Exame                            Resultado        Unidade         Referência',
    '      Potássio                       2,6      (L!)    mmol/L          3,5 a 5,1',
    '      Lactato                        5.210    (H!!)   µmol/L          até 2.000',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M' });
  assert.deepEqual(brief(r), [
    ['Potássio', 2.6, 'baixo'],
    ['Lactato', 5210, 'alto'],
  ]);
});

test("a culture's identification naming an organism is a result, a screen's POS/NEG cell is no MIC, and a tip's count in UFC is read against its cut-off", () => {
  const text = [
    'HEMOCULTURA',
    '    Identificação: VITEK 2 (cartão GN)',
    '    Antimicrobiano                     CIM (µg/mL)    Interpretação',
    '    Oxacilina (triagem)                NEG            Sensível',
    '    Vancomicina                        2              Sensível',
    '',
    'CULTURA DE PONTA DE CATETER',
    '    Identificação: Klebsiella pneumoniae',
    '    Contagem: 6 UFC',
    '    Referência: inferior a 15 UFC (sugestiva de colonização: 15 UFC ou mais)',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M' });
  assert.deepEqual(brief(r), [
    ['Contagem', 6, 'normal'],
    ['Oxacilina (triagem)', 'Sensível', 'indeterminado'],
    ['Vancomicina', 'Sensível', 'indeterminado'],
    ['Identificação', 'Klebsiella pneumoniae', 'indeterminado'],
  ]);
  assert.ok(r.unparsed_lines.includes('Identificação: VITEK 2 (cartão GN)'));
});

test("an inpatient LIS's collection banner, its count and date between bars, is administrative", () => {
  const text = ['>>> COLETA 2 de 4 | 09/08/2025 06:10 | Amostra 2508090031 | Coletor: enf. T. Lima | Sangue arterial', 'Lactato   2,9 mmol/L   0,5 a 2,2'].join(
    '\n',
  );
  const r = parseLabReport(text, { today: '2025-09-01' });
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag]),
    [['Lactato', 2.9, 'alto']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
