// The general causes behind three wrong readings of held-out set 122 (a daily ICU sheet, an endocrine report
// in drawn boxes, a prenatal report's glucose curve printed across): the parser on a few lines that show each
// layout, with other names, values and text than the set. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';

const man = { sex: 'M' as const, birthDate: '1958-03-01', today: '2025-05-20' };
const woman = { sex: 'F' as const, birthDate: '1970-02-01', today: '2025-05-20' };

test("a daily sheet's earlier column before today's (ONTEM   HOJE   REF.): the value under HOJE, negative ones too", () => {
  const text = [
    'ENFERMARIA CLÍNICA - BOLETIM DE EXAMES                 Data: 20/05/2025',
    '                            ONTEM        HOJE           REF.',
    '                            19/05 06h    20/05 06h',
    ' Ureia (mg/dL)              64           71     H       15 - 45',
    ' Sódio (mEq/L)              131          138            136 - 145',
    ' Excesso de bases (mEq/L)   -6,1         -3,4   L       -2 a +2',
  ].join('\n');
  const r = parseLabReport(text, man);
  const urea = r.analytes.find((a) => a.name === 'Ureia');
  assert.equal(urea?.value, 71);
  assert.equal(urea?.flag, 'alto');
  const sodium = r.analytes.find((a) => a.name === 'Sódio');
  assert.equal(sodium?.value, 138);
  assert.equal(sodium?.flag, 'normal');
  const base = r.analytes.find((a) => /bases/i.test(a.name));
  assert.equal(base?.value, -3.4);
  assert.equal(base?.flag, 'baixo');
  assert.equal(r.analytes.length, 3);
  assert.deepEqual(
    r.unparsed_lines.filter((l) => /\d\s{3,}\S/.test(l) && /mEq|mg/.test(l)),
    [],
  );
});

test('the last period given as a time ago (DUM há 15 meses) picks the post-menopause range', () => {
  const text = [
    'Informações da coleta: DUM há 15 meses.',
    'FSH ....................... 52,0 mUI/mL',
    'Valores de referência:',
    '   Fase folicular ......... 3,5 a 12,5 mUI/mL',
    '   Fase lútea ............. 1,7 a 7,7 mUI/mL',
    '   Pós-menopausa .......... 25,8 a 134,8 mUI/mL',
  ].join('\n');
  const fsh = parseLabReport(text, woman).analytes.find((a) => /fsh/i.test(a.name));
  assert.equal(fsh?.value, 52);
  assert.equal(fsh?.flag, 'normal');
  assert.equal(fsh?.reference_low, 25.8);
});

test('clinical data "informed at collection" stating post-menopause picks the post-menopause range', () => {
  const text = [
    'Dados clínicos informados no atendimento: paciente em PÓS-MENOPAUSA.',
    'LH ........................ 33,5 mUI/mL',
    'Valores de referência:',
    '   Fase folicular ......... 2,4 a 12,6 mUI/mL',
    '   Fase lútea ............. 1,0 a 11,4 mUI/mL',
    '   Pós-menopausa .......... 7,7 a 58,5 mUI/mL',
  ].join('\n');
  const lh = parseLabReport(text, woman).analytes.find((a) => /\blh\b/i.test(a.name));
  assert.equal(lh?.value, 33.5);
  assert.equal(lh?.flag, 'normal');
});

test("a block's note on an exam not requested keeps the block's title for the result under it", () => {
  const text = [
    'FERRITINA',
    'Material: soro  |  Método: quimioluminescência',
    'Pesquisa de hemocromatose: não solicitada',
    'Resultado: 412 ng/mL',
    'Valores de referência:',
    '   Homens ........ 30 a 400 ng/mL',
  ].join('\n');
  const r = parseLabReport(text, man);
  const ferritin = r.analytes.find((a) => /ferritina/i.test(a.name));
  assert.equal(ferritin?.value, 412);
  assert.equal(ferritin?.flag, 'alto');
  assert.equal(r.qualitative.length, 0);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a block's title with the clock time alone in brackets (ACTH - COLETA MATINAL (07:30)) names the result under it", () => {
  const text = [
    'ACTH - COLETA MATINAL (07:30)',
    'Material: plasma EDTA  |  Método: quimioluminescência',
    'Resultado: 38 pg/mL',
    'Valores de referência:',
    '   Manhã (7 às 10 h) ....... até 46 pg/mL',
  ].join('\n');
  const r = parseLabReport(text, man);
  const acth = r.analytes.find((a) => /acth/i.test(a.name));
  assert.equal(acth?.value, 38);
  assert.equal(acth?.flag, 'normal');
  assert.deepEqual(r.unparsed_lines, []);
});

test('a tolerance curve printed across, in a drawn table: each time a result with the range under it', () => {
  const text = [
    'TESTE DE TOLERÂNCIA À GLICOSE - 75 g',
    '+------------------+-----------+-----------+-----------+',
    '| Tempo            |  Basal    |  60 min   |  120 min  |',
    '+------------------+-----------+-----------+-----------+',
    '| Glicose (mg/dL)  |   88      |   192     |   131     |',
    '| Referência (gestante)|  < 92  |   < 180   |   < 153   |',
    '+------------------+-----------+-----------+-----------+',
  ].join('\n');
  const r = parseLabReport(text, woman);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag]),
    [
      ['Basal', 88, 'normal'],
      ['60 min', 192, 'alto'],
      ['120 min', 131, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a tolerance curve printed across in columns, two analytes: each named by the analyte and the time', () => {
  const text = [
    'CURVA GLICÊMICA E INSULÍNICA',
    '   Tempo                Jejum       30 minutos     120 minutos',
    '   Glicose (mg/dL)      91          160            118',
    '   Insulina (µUI/mL)    8,2         71,5           44,0',
  ].join('\n');
  const r = parseLabReport(text, man);
  const names = r.analytes.map((a) => [a.name, a.value]);
  assert.ok(names.some(([n, v]) => /glicose/i.test(String(n)) && /30 minutos/.test(String(n)) && v === 160));
  assert.ok(names.some(([n, v]) => /insulina 120 minutos/i.test(String(n)) && v === 44));
  assert.equal(r.analytes.length, 6);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a calculated index's formula line under its title: the formula's constant is no result, and no line is listed", () => {
  const text = [
    'ÍNDICE QUICKI (calculado)',
    'Cálculo: 1 / (log insulina (µUI/mL) + log glicose (mg/dL)) x 100',
    'Resultado: 0,31',
    'Valores de referência:',
    '   acima de 0,34',
  ].join('\n');
  const r = parseLabReport(text, man);
  const quicki = r.analytes.find((a) => /quicki/i.test(a.name));
  assert.equal(quicki?.value, 0.31);
  assert.equal(quicki?.flag, 'baixo');
  assert.deepEqual(r.unparsed_lines, []);
});
