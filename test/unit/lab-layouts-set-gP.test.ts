// The general causes behind wrong readings of held-out sets 127 to 129, one focused case each: the parser on a
// few lines that show each layout, with other names, values and text than the sets. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';

const patient = { sex: 'F' as const, birthDate: '1958-03-10', today: '2025-09-01' };

test("a LIS printout's mark column, its earlier result headed 'Ant. dd/mm/yy' and values under the name lines", () => {
  const text = [
    'BIOQUIMICA                                    Material: Soro',
    '                          Resultado       Unidade        Valor Referência          Ant. 14/08/25',
    'GLICOSE                *      132       mg/dL              70 - 99                     118',
    'ACIDO URICO                   4,8       mg/dL             2,4 - 5,7                    5,1',
    'TGO (Cinético UV)   Soro',
    '                       *       61       U/L               Inferior a 32                 44',
    'FOSFORO (Molibdato UV)   Soro',
    '                              3,9       mg/dL             2,5 - 4,5                    4,4',
    'CALCIO (Arsenazo)   Soro',
    '                       *      7,9       mg/dL             8,6 - 10,2                   8,1',
  ].join('\n');
  const r = parseLabReport(text, patient);
  const got = (re: RegExp) => r.analytes.find((a) => re.test(a.name.normalize('NFD').replace(/\p{M}/gu, '')));
  assert.deepEqual([got(/glicose/i)?.value, got(/glicose/i)?.flag], [132, 'alto']);
  assert.deepEqual([got(/urico/i)?.value, got(/urico/i)?.flag], [4.8, 'normal']);
  assert.deepEqual([got(/tgo/i)?.value, got(/tgo/i)?.flag], [61, 'alto']);
  assert.deepEqual([got(/fosforo/i)?.value, got(/fosforo/i)?.flag], [3.9, 'normal']);
  assert.deepEqual([got(/calcio/i)?.value, got(/calcio/i)?.flag], [7.9, 'baixo']);
  // The earlier results are no results of this report.
  assert.equal(r.analytes.length, 5);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a critical value's notice beside the result, told at a clock time, is no result of its own", () => {
  const text = [
    '--- ELETRÓLITOS ---',
    'Potássio .................   6,4 mmol/L  [3,5 - 5,1]            H   ** VALOR CRÍTICO - avisado à enf. Joana às 14:05 **',
    'Sódio ....................   139 mmol/L  [136 - 145]',
  ].join('\n');
  const r = parseLabReport(text, patient);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag]),
    [
      ['Potássio', 6.4, 'alto'],
      ['Sódio', 139, 'normal'],
    ],
  );
  assert.deepEqual(r.qualitative ?? [], []);
});

test("a table of ranges by age under the result, its header giving the age's unit and the ranges' unit", () => {
  const text = [
    'SULFATO DE DEHIDROEPIANDROSTERONA (SDHEA)',
    'Material: Soro        Método: Quimioluminescência',
    '',
    '   Resultado:        12,5 µg/dL',
    '',
    '   Valores de referência por faixa etária (mulheres):',
    '        Idade (anos)          µg/dL',
    '        45 a 54               19 a 205',
    '        55 a 64               15 a 157',
    '        65 a 74               14 a 124',
  ].join('\n');
  const r = parseLabReport(text, patient);
  const dhea = r.analytes.find((a) => /sdhea|dehidro/i.test(a.name));
  assert.deepEqual([dhea?.value, dhea?.reference_low, dhea?.reference_high, dhea?.flag], [12.5, 14, 124, 'baixo']);
  assert.deepEqual(r.unparsed_lines, []);
});

test("the clock time the sample was drawn, on its own line between a block's title and its result", () => {
  const text = [
    'ACTH - CORTICOTROFINA',
    'Material: Plasma EDTA       Método: Quimioluminescência',
    'Horário da coleta: 17:30',
    '',
    '   Resultado:        31,0 pg/mL                          Coleta entre 7 e 10 h: 7,2 a 63,3 pg/mL',
    '                                                          Coleta entre 16 e 20 h: 3,0 a 25,0 pg/mL',
  ].join('\n');
  const r = parseLabReport(text, patient);
  const acth = r.analytes.find((a) => /acth/i.test(a.name));
  assert.deepEqual([acth?.value, acth?.reference_high, acth?.flag], [31, 25, 'alto']);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a reference lead naming whom the ranges are for before what they depend on: 'Valores de referência (mulheres) por idade:'", () => {
  const text = [
    'PSA LIVRE',
    'Resultado: 0,62 ng/mL',
    'Valores de referência (mulheres) por idade:',
    '   50 a 59 anos ............... 0,10 a 0,55 ng/mL',
    '   60 a 69 anos ............... 0,10 a 0,70 ng/mL',
    '   70 a 79 anos ............... 0,10 a 0,90 ng/mL',
  ].join('\n');
  const r = parseLabReport(text, patient);
  const a = r.analytes[0];
  assert.deepEqual([a?.value, a?.reference_high, a?.flag], [0.62, 0.7, 'normal']);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a reactive result's titre on the line under it with the pattern after a dash: the titre is the result", () => {
  const text = [
    'ANTICORPOS ANTIMITOCÔNDRIA - Imunofluorescência indireta',
    'Material: Soro',
    '  Resultado: REAGENTE',
    '  Título: 1/320 - Padrão citoplasmático reticular (AC-21)',
    '  Valor de referência: Não reagente (título inferior a 1/40)',
  ].join('\n');
  const r = parseLabReport(text, patient);
  assert.equal(r.qualitative?.length, 1);
  const a = r.qualitative![0]!;
  assert.match(a.value, /1\/320/);
  assert.equal(a.flag, 'alterado');
  // The pattern is listed for a person to read, not dropped.
  assert.deepEqual(r.unparsed_lines, ['Título: 1/320 - Padrão citoplasmático reticular (AC-21)']);
});

test("a transcriber's sentence that the photo cut the reference off leaves the result without a range", () => {
  const text = ['- Ureia: 31 mg/dL (ref.: 15 a 40)', '- Colesterol total: 214 mg/dL (ref.: o canto da imagem ficou cortado, não consigo ler)'].join('\n');
  const r = parseLabReport(text, patient);
  const chol = r.analytes.find((a) => /colesterol/i.test(a.name));
  assert.deepEqual([chol?.value, chol?.reference_high, chol?.flag], [214, null, 'indeterminado']);
  assert.equal(r.analytes.find((a) => /ureia/i.test(a.name))?.flag, 'normal');
});

test("a minimum with what it is for and whom before its colon is a lower bound: 'Mínimo para doação (mulheres): 12,5 g/dL'", () => {
  const text = [
    'TRIAGEM PRÉ-DOAÇÃO',
    '  Hematócrito (capilar)        41 %            Mínimo para doação (mulheres): 38 %',
    '  Hemoglobina (capilar)        11,9 g/dL       Mínimo para doação (mulheres): 12,5 g/dL',
  ].join('\n');
  const r = parseLabReport(text, patient);
  const ht = r.analytes.find((a) => /hemat/i.test(a.name));
  const hb = r.analytes.find((a) => /hemoglobina/i.test(a.name));
  assert.deepEqual([ht?.value, ht?.reference_low, ht?.flag], [41, 38, 'normal']);
  assert.deepEqual([hb?.value, hb?.reference_low, hb?.flag], [11.9, 12.5, 'baixo']);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a range whose last bound trails off in an ellipsis before the transcriber's 'cortado' is no range", () => {
  const text = ['- Leucócitos: 6.300 /mm³ (ref.: 4.000 a 11.000)', '- Ferritina: 410 ng/mL (ref.: 30 a 3… – cortado na foto)'].join('\n');
  const r = parseLabReport(text, patient);
  const f = r.analytes.find((a) => /ferritina/i.test(a.name));
  assert.deepEqual([f?.value, f?.reference_low, f?.reference_high, f?.flag], [410, null, null, 'indeterminado']);
});
