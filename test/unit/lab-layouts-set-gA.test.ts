// The general causes behind the misses of held-out set 116, one focused case each: the parser on the few
// lines that show each layout, with other names, values and text than the set. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) =>
  [...r.analytes.map((a) => [a.line, a.name, a.value, a.unit, a.flag] as const), ...r.qualitative.map((a) => [a.line, a.name, a.value, null, a.flag] as const)]
    .sort((a, b) => a[0] - b[0])
    .map(([, ...rest]) => rest);

test('ranges by the posture at collection ("Ortostatismo:" / "Decúbito:") and a stimulation test\'s peak ("Pico após estímulo:") are conditions of the sample', () => {
  const text = [
    'Sexo: Masculino   Idade: 51 anos',
    'RENINA ATIVA                       31,5        µUI/mL       Ortostatismo: 5,3 a 27,8',
    '                                                            Decúbito: 2,1 a 19,6',
    'ALDOSTERONA                        9,7         ng/dL        Ortostatismo: 3,1 a 35,4',
    '                                                            Decúbito: 1,5 a 21,0',
    '   GH basal                        0,2 ng/mL       Jejum: inferior a 5,0 ng/mL',
    '   GH 60 minutos                   4,4 ng/mL       Pico após estímulo: superior a 7,0 ng/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['RENINA ATIVA', 31.5, 'µUI/mL', 'alto'],
    ['ALDOSTERONA', 9.7, 'ng/dL', 'normal'],
    ['GH basal', 0.2, 'ng/mL', 'normal'],
    ['GH 60 minutos', 4.4, 'ng/mL', 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a fibrosis score\'s tiers name what the score makes likely: the unlikely one ("improvável", "baixa probabilidade") is the good tier', () => {
  const text = [
    '| Escore | Resultado | Interpretação |',
    '|---|---|---|',
    '| Índice APRI | 0,42 | < 0,5: fibrose improvável · 0,5 a 1,5: intermediário · > 1,5: cirrose provável |',
    '| FIB-4 | **3,02** | < 1,30: baixa probabilidade de fibrose · 1,30 a 2,67: indeterminado · > 2,67: alta probabilidade |',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Índice APRI', 0.42, null, 'normal'],
    ['FIB-4', 3.02, null, 'alto'],
  ]);
});

test('a reference the photo left out of the frame ("VR: [fora do enquadramento]") is no range, and no built-in one stands in', () => {
  const r = parseLabReport(['- Ferritina: 410 ng/mL — VR: [fora do enquadramento]', '- Glicose: 88 mg/dL — VR: [fora da foto]'].join('\n'));
  assert.deepEqual(brief(r), [
    ['Ferritina', 410, 'ng/mL', 'indeterminado'],
    ['Glicose', 88, 'mg/dL', 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a sub-item named with a mixing ratio and the normal pool ("TP após mistura 1:1 com plasma normal") over its cells on the next line is one row', () => {
  const text = [
    'Tempo de protrombina (TP)',
    '   Tempo                                   15,9 s                   10,0 a 13,5 s',
    '   TP após mistura 1:1 com plasma normal',
    '                                           12,1 s                   10,0 a 13,5 s',
    'Fibrinogênio                               310 mg/dL                200 a 400',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Tempo de protrombina (TP)', 15.9, 's', 'alto'],
    ['TP após mistura 1:1 com plasma normal', 12.1, 's', 'normal'],
    ['Fibrinogênio', 310, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("one range a panel's title prints for all its rows (\"Valor de referência para todos:\") is each dotted row's; a portal's ● after the value is a mark", () => {
  const text = [
    'ANTICORPOS ANTIFOSFOLÍPIDES',
    'Método: ELISA',
    'Valor de referência para todos: Negativo: inferior a 12 U/mL | Indeterminado: 12 a 18 U/mL | Positivo: superior a 18 U/mL',
    '  Anti-beta-2-glicoproteína IgG ...... 31,0 U/mL   ▲',
    '  Anti-beta-2-glicoproteína IgM ...... 4,4 U/mL    ●',
    '----------------------------------------',
    'FERRITINA',
    'Resultado: 96 ng/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Anti-beta-2-glicoproteína IgG', 31, 'U/mL', 'alto'],
    ['Anti-beta-2-glicoproteína IgM', 4.4, 'U/mL', 'normal'],
    ['Ferritina', 96, 'ng/mL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a ratio named only as the screening ratio ("Relação triagem normalizada: 1,21") under a card\'s title is the title\'s result', () => {
  const text = ['ANTICOAGULANTE LÚPICO (SCT)', 'Liberado em 02/03/2025', 'Relação triagem normalizada: 1,31', 'Valor de referência: até 1,16'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['ANTICOAGULANTE LÚPICO (SCT)', 1.31, null, 'alto']]);
});

test('numbered samples dated in brackets under a title counting them, against a reference that is a sentence of nothing found', () => {
  const text = [
    '**PROTOPARASITOLÓGICO – 2 AMOSTRAS** (método de Lutz)',
    '- Amostra 1 (03/02): Não foram encontrados ovos ou cistos de parasitas',
    '- Amostra 2 (05/02): **Ovos de Ascaris lumbricoides**',
    '- Valor de referência: Não foram encontrados ovos ou cistos de parasitas',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Amostra 1', 'Não foram encontrados ovos ou cistos de parasitas', null, 'normal'],
    ['Amostra 2', 'Ovos de Ascaris lumbricoides', null, 'alterado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a LIS row with no reference leaves its collection time alone where the reference would be: the time is no reference', () => {
  const text = [
    'EXAME                              RESULTADO     UNIDADE      VALOR DE REFERENCIA          COLETA',
    'CK-MB MASSA - 0H                      3,1       NG/ML        ATE 5,0                       01:40',
    'DELTA CK-MB 0H-3H                     2,6       NG/ML                                      04:45',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['CK-MB MASSA - 0H', 3.1, 'ng/mL', 'normal'],
    ['DELTA CK-MB 0H-3H', 2.6, 'ng/mL', 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a cumulative report\'s narrow unit column cuts the body surface ("ML/MIN/1,73"), and its "---" marks a day the exam was not done', () => {
  const text = [
    'EXAME                      02/03/25   04/03/25   06/03/25   UNIDADE      REFERENCIA',
    'CREATININA                  1,92 H     1,61 H     1,44 H    MG/DL        0,70 - 1,20',
    '  TFG CKD-EPI 2021            39 L       48 L       55 L    ML/MIN/1,73  > 60',
    'PCR                         88,1 H       ---        ---     MG/L         < 5,0',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1960-01-01', today: '2025-03-07' });
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [
      ['Creatinina', 1.44, 'alto'],
      ['Taxa de filtração glomerular', 55, 'baixo'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, ['PCR                         88,1 H       ---        ---     MG/L         < 5,0']);
});

test('a genotyping\'s label names the type found with its word and the method in brackets after it ("Genotipagem do HBV: Genótipo A2 (…)")', () => {
  const r = parseLabReport('- **Genotipagem do HIV:** Subtipo 1b *(sequenciamento da região pol)*');
  assert.deepEqual(brief(r), [['Genotipagem do HIV', 'Subtipo 1b', null, 'indeterminado']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a drug level\'s note of when its trough was drawn ("COLETA 30 MIN ANTES DA DOSE DAS 18:00") holds no result', () => {
  const text = ['GENTAMICINA (NIVEL VALE)      0,8      UG/ML        ATE 1,0', '   COLETA REALIZADA 30 MIN ANTES DA DOSE DAS 18:00'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['GENTAMICINA (NIVEL VALE)', 0.8, 'UG/ML', 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});
