// The general causes behind the misses of held-out sets 97 and 99 (h946, h964, h966, h969), one focused case
// each: the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('a portal\'s verdict cell after the reference, led by its arrow ("▼ Abaixo", "▲ Acima"), flags the row', () => {
  const text = [
    'Exame\tResultado\tUnidade\tReferência',
    'Leucócitos\t3,1\tmil/µL\t3,6 - 11,0\t▼ Abaixo',
    'Ureia\t61\tmg/dL\t17 - 49\t▲ Acima',
    'Sódio\t139\tmmol/L\t136 - 145',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Leucócitos', 3.1, 'mil/mm³', 'baixo'],
    ['Ureia', 61, 'mg/dL', 'alto'],
    ['Sódio', 139, 'mmol/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a reference the photo cut in its unit is whole; one cut after a decimal digit leaves that bound open', () => {
  const lines = (uric: string) =>
    [
      'Exame                      Resultado          Referência',
      'Colesterol total           241 mg/dL          Até 190 mg/[cortado]',
      'Sódio                      131 mEq/L          136 a 145 [cortado]',
      'Albumina                   3,1 g/dL           3,5 a 5,2 g/d[cortado]',
      `Ácido úrico                ${uric} mg/dL          3,5 a 7,2[cortado]`,
    ].join('\n');
  const r = parseLabReport(lines('8,3'));
  assert.deepEqual(brief(r), [
    ['Colesterol total', 241, 'mg/dL', 'alto'],
    ['Sódio', 131, 'mEq/L', 'baixo'],
    ['Albumina', 3.1, 'g/dL', 'baixo'],
    ['Ácido úrico', 8.3, 'mg/dL', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  // 7,25 may be under or over a bound between 7,2 and 7,29: no flag the report gives.
  assert.equal(parseLabReport(lines('7,25')).analytes[3]!.flag, 'indeterminado');
  assert.equal(parseLabReport(lines('6,1')).analytes[3]!.flag, 'normal');
});

test('a typed block: two leader dots before the reference colon, the slide number under the title, the positive finding listed by dashes', () => {
  const text = [
    'PESQUISA DE HEMATOZOARIOS (ESFREGACO)',
    'LAMINA Nº 112/2025',
    '',
    'RESULTADO............: POSITIVO PARA PLASMODIUM FALCIPARUM',
    'VALOR DE REFERENCIA..: NEGATIVO',
    '',
    'PARASITOLOGICO DE FEZES',
    'RESULTADO............: POSITIVO',
    '                       - CISTOS DE GIARDIA LAMBLIA',
    '                       - OVOS DE ENTEROBIUS VERMICULARIS',
    'VALOR DE REFERENCIA..: NEGATIVO',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['PESQUISA DE HEMATOZOARIOS (ESFREGACO)', 'POSITIVO PARA PLASMODIUM FALCIPARUM', null, 'alterado'],
    ['PARASITOLOGICO DE FEZES', 'POSITIVO', null, 'alterado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('how a calculated result was obtained, in the reference column, is no reference: the value is read', () => {
  const text = [
    'EXAME                    RESULTADO          VALORES DE REFERÊNCIA',
    'GLICEMIA MÉDIA ESTIMADA  140 mg/dL          Calculada a partir da HbA1c',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['GLICEMIA MÉDIA ESTIMADA', 140, 'mg/dL', 'indeterminado']]);
});

test("a reference column wrapped over the lines of the name, material and method beside it is the row's whole reference", () => {
  const text = [
    'Sexo: Feminino   Idade: 52 anos',
    'EXAME                    RESULTADO          VALORES DE REFERÊNCIA',
    'HEMOGLOBINA GLICADA      6,2 %              Normal: inferior a 5,7 %',
    '(HbA1c)                                     Pré-diabetes: 5,7 a 6,4 %',
    'Método: HPLC                                Diabetes: igual ou',
    'certificado NGSP                            superior a 6,5 %',
    '',
    'TRIGLICERÍDEOS           198 mg/dL          Com jejum: inferior a 150',
    'Método: Enzimático                          mg/dL',
    'colorimétrico                               Sem jejum: inferior a 175',
    '                                            mg/dL',
    '',
    'TRANSAMINASE             36 U/L             Homens: até 40 U/L',
    'OXALACÉTICA - TGO (AST)                     Mulheres: até 32 U/L',
    'Método: IFCC',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemoglobina glicada (HbA1c)', 6.2, '%', 'alto'],
    ['Triglicerídeos', 198, 'mg/dL', 'alto'],
    ['TGO (AST)', 36, 'U/L', 'alto'],
  ]);
  assert.equal(r.analytes[1]!.reference_text, 'Com jejum: inferior a 150 mg/dL Sem jejum: inferior a 175 mg/dL');
  assert.deepEqual(r.unparsed_lines, []);
});

test('a labelled row whose reference leaves the goal to the risk category is read, with no range', () => {
  const text = [
    'EXAME: COLESTEROL NAO-HDL        RESULTADO: 171 mg/dL          VR: CONFORME CATEGORIA DE RISCO',
    'EXAME: GLICOSE                   RESULTADO: 88 mg/dL           VR: 70 A 99 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Colesterol não-HDL', 171, 'mg/dL', 'indeterminado'],
    ['Glicose', 88, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('after a reference lead inside a typed line, a second labelled range after ";" is the same reference', () => {
  const r = parseLabReport('- **Glicose:** 131 mg/dL ↑ — ref.: jejum 70 a 99 mg/dL; pós-prandial < 140 mg/dL');
  assert.deepEqual(brief(r), [['Glicose', 131, 'mg/dL', 'alto']]);
  assert.equal(r.analytes[0]!.reference_text, 'jejum 70 a 99 mg/dL; pós-prandial < 140 mg/dL');
});
