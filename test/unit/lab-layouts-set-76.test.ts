// The general causes behind the misses of held-out set 76, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => [
  ...r.analytes.map((a) => [a.name, a.value, a.unit, a.flag] as const),
  ...r.qualitative.map((a) => [a.name, a.value, null, a.flag] as const),
];

test('a fraction named by a capital letter after its word ("Hemoglobina M") is a name, not a sex label', () => {
  const text = [
    'ESTUDO DE HEMOGLOBINAS',
    '  Fração            Resultado (%)      Referência',
    '  Hemoglobina A2    2,9                2,0 a 3,3',
    '  Hemoglobina F     1,8                até 1,2',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemoglobina A2', 2.9, '%', 'normal'],
    ['Hemoglobina F', 1.8, '%', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a row of a name, a word result and a word reference with its level in brackets is a result, not the reference of the row above', () => {
  const text = [
    'EXAME                 RESULTADO   UNIDADE     REFERENCIA',
    'FERRITINA             210         NG/ML       30 A 400',
    'FATOR REUMATOIDE      NEGATIVO                NEGATIVO (ATE 8 UI/ML)',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M' });
  assert.deepEqual(brief(r), [
    ['Ferritina', 210, 'ng/mL', 'normal'],
    ['FATOR REUMATOIDE', 'NEGATIVO', null, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a word reference whose last word names what it grades ("Ausentes ou raras células")', () => {
  const text = ['SEDIMENTO', 'LEVEDURAS: RARAS CÉLULAS', '     Referência: Ausentes ou raras células'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['LEVEDURAS', 'RARAS CÉLULAS', null, 'normal']]);
});

test('a labelled word result with a reference cell led as one, whatever the words ("Fenótipo: Hb SC   Referência: Hb AA")', () => {
  const text = ['HEMOGLOBINOPATIAS (TRIAGEM)', '  Padrão eletroforético: Hb SC            Referência: Hb AA'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Padrão eletroforético', 'Hb SC', null, 'alterado']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("the assay kit under a block's title ('Kit: <brand> (lote …)') keeps the title for the result below it", () => {
  const text = [
    '[03] TESTE RÁPIDO PARA HIV',
    '     Kit: Imuno-Rápido HIV 1/2 (lote 88123)',
    '     Resultado: NÃO REAGENTE               Valor de referência: Não reagente',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['[03] TESTE RÁPIDO PARA HIV', 'NÃO REAGENTE', null, 'normal']]);
});

test('word results side by side, each after its label in its own cell', () => {
  const text = ['TIPAGEM SANGUÍNEA', '     Grupo ABO: AB                 Fator Rh: POSITIVO'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Grupo ABO', 'AB', null, 'indeterminado'],
    ['Fator Rh', 'POSITIVO', null, 'indeterminado'],
  ]);
});
