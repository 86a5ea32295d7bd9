// The general causes behind the misses of held-out set 200, one focused case each: the parser on the few
// lines that show each layout, with other names, values and text than the set. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) =>
  [...r.analytes.map((a) => [a.line, a.name, a.value, a.unit, a.flag] as const), ...r.qualitative.map((a) => [a.line, a.name, a.value, null, a.flag] as const)]
    .sort((a, b) => a[0] - b[0])
    .map(([, ...rest]) => rest);

test("a hair drug panel's cut-off column after the reference: the word is the result, the cut-off neither result nor reference", () => {
  const text = [
    'EXAME TOXICOLÓGICO - CABELO',
    'Substância                       Resultado       Referência       Cut-off',
    'OPIÁCEOS',
    '  Morfina                        Negativo        Negativo         200 pg/mg',
    '  Codeína                        Positivo        Negativo         200 pg/mg',
    'MACONHA',
    '  THC-COOH                       Negativo        Negativo         0,2 pg/mg',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Morfina', 'Negativo', null, 'normal'],
    ['Codeína', 'Positivo', null, 'alterado'],
    ['THC-COOH', 'Negativo', null, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a urine drug panel's cut-off column before the reference, in ng/mL, with 'Não detectado' and a positive's concentration", () => {
  const text = [
    'Analito                 Resultado                Ponto de corte     Valor de referência',
    'Anfetaminas             Não detectado            1.000 ng/mL        Não detectado',
    'Cocaína                 Detectado (620 ng/mL)    300 ng/mL          Não detectado',
    'Benzodiazepínicos       Positivo 450 ng/mL       300 ng/mL          Não detectado',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.qualitative.map((q) => [q.name, q.value, q.flag]),
    [
      ['Anfetaminas', 'Não detectado', 'normal'],
      ['Cocaína', 'Detectado', 'alterado'],
      ['Benzodiazepínicos', 'Positivo', 'alterado'],
    ],
  );
  assert.deepEqual(r.analytes, []);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a screen's threshold labelled beside its result is no result of its own", () => {
  const text = ['Canabinoides ........ Negativo   Cut-off: 50 ng/mL   Ref.: Negativo', 'Opiáceos ........ Não detectado (cut-off: 2.000 ng/mL)'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.qualitative.map((q) => [q.name, q.value, q.flag]),
    [
      ['Canabinoides', 'Negativo', 'normal'],
      ['Opiáceos', 'Não detectado', 'indeterminado'],
    ],
  );
  assert.deepEqual(r.analytes, []);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a blood bank's minimum for donation, each sex's bound after its label: the patient's sex picks the bound", () => {
  const text = ['TRIAGEM PRÉ-DOAÇÃO', 'Hematócrito ..................... 38 %      (Mínimo para doação - mulheres: 38 % · homens: 39 %)'].join('\n');
  const f = parseLabReport(text, { sex: 'F' });
  assert.deepEqual(brief(f), [['Hematócrito', 38, '%', 'normal']]);
  assert.equal(f.analytes[0]!.reference_low, 38);
  const m = parseLabReport(text, { sex: 'M' });
  assert.deepEqual(brief(m), [['Hematócrito', 38, '%', 'baixo']]);
  assert.equal(m.analytes[0]!.reference_low, 39);
  assert.deepEqual(f.unparsed_lines, []);
});

test("a stool exam's Resultado row with its finding in words and the word reference in a cell of its own", () => {
  const text = [
    'PROTOPARASITOLÓGICO (2 amostras - método de Faust)',
    ' Resultado                 Positivo para cistos de Entamoeba histolytica  *    Negativo',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.qualitative.map((q) => [q.name, q.value, q.flag]),
    [['PROTOPARASITOLÓGICO', 'Positivo para cistos de Entamoeba histolytica', 'alterado']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
