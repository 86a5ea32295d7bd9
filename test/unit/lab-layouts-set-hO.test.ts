// Probes for held-out set 142 (helper hO), rewritten with other names, values and labs: each failed on main
// before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => r.analytes.map((a) => [a.name, a.value, a.flag] as const);
const named = (r: LabParseResult, name: string) => r.analytes.find((a) => a.name === name);

test('two tables in page columns, each text line a row of the left one beside a row of the right one: read column by column', () => {
  const text = [
    'LABORATÓRIO SERRA AZUL                                       Unidade Centro',
    'Paciente: JOANA PRADO   Sexo: Feminino   Idade: 45 anos',
    '',
    'HEMATOLOGIA                                          QUÍMICA CLÍNICA',
    'Sangue total - impedância                            Soro - colorimetria',
    '',
    'Hemoglobina    12,9 g/dL         (12,0 a 15,5)      Ureia            31 mg/dL    (15 a 45)',
    'Hematócrito    38,6 %            (35,0 a 45,0)      Creatinina       0,81 mg/dL  (0,50 a 0,90)',
    'RDW            13,4 %            (11,5 a 14,5)      Colesterol total 214 mg/dL   (desejável < 190)',
    'Leucócitos     6.120 /mm³        (3.500 a 10.500)   LDL (Martin) 118 mg/dL       metas: baixo risco',
    'Linfócitos     31,5 %  1.928 /mm³ (20-45%|900-2.900)  < 130; intermediário < 100; alto < 70;',
    'Monócitos       5,0 %    306 /mm³ (2-10%|300-900)     muito alto < 50',
    'Plaquetas      254.000 /mm³      (150.000 a 450.000) FERRITINA - quimioluminescência',
    '                                                     Ferritina        41 ng/mL    (13 a 150)',
    '',
    'Liberado por: Dra. Ana Lemos - CRF 1.234',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 12.9, 'normal'],
    ['Hematócrito', 38.6, 'normal'],
    ['RDW', 13.4, 'normal'],
    ['Leucócitos', 6120, 'normal'],
    ['Linfócitos (%)', 31.5, 'normal'],
    ['Linfócitos', 1928, 'normal'],
    ['Monócitos (%)', 5, 'normal'],
    ['Monócitos', 306, 'normal'],
    ['Plaquetas', 254000, 'normal'],
    ['Ureia', 31, 'normal'],
    ['Creatinina', 0.81, 'normal'],
    ['Colesterol total', 214, 'alto'],
    ['LDL-colesterol', 118, 'indeterminado'],
    ['Ferritina', 41, 'normal'],
  ]);
  // Each result's line is the printed line it stands on.
  assert.equal(named(r, 'Colesterol total')?.line, 8);
  assert.equal(named(r, 'Ferritina')?.line, 13);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a reference cell run up to the first earlier-sample column ends in its bound: the bound is the range’s, not a sample', () => {
  const text = [
    '                                  RESULTADO        REFERÊNCIA            HISTÓRICO',
    '                                                                       12/01/2025  03/09/2024',
    'Glicose ......................... 131 mg/dL        Não diabéticos: < 100      118      109',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [['Glicose', 131, 'alto']]);
  assert.equal(r.analytes[0]!.reference_text, 'Não diabéticos: < 100');
  assert.deepEqual(r.unparsed_lines, []);
});

test('a dot-leader row whose unit runs one space into the reference, earlier samples after it: the current value and its range', () => {
  const text = [
    '                                  RESULTADO        REFERÊNCIA            HISTÓRICO',
    '                                                                       12/01/2025  03/09/2024',
    'Clearance estimado (MDRD) ....... 52 mL/min/1,73m² >= 60 mL/min/1,73m²         57       61',
    'Ácido úrico ..................... 7,9 mg/dL        2,4 a 5,7 mg/dL            7,1      6,6',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', today: '2025-06-01' });
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.reference_low, a.reference_high, a.flag]),
    [
      [52, 60, null, 'baixo'],
      [7.9, 2.4, 5.7, 'alto'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a name's bracketed wrap indented a space under its row, the reference's goals by risk beside it: the name's, not the goals' label", () => {
  const text = [
    'EXAME                        RESULTADO        VALORES DE REFERÊNCIA          ANTERIOR (02/02/2025)',
    'COLESTEROL NÃO-HDL           146 mg/dL        Meta conforme risco cardiovascular:    166',
    ' (calculado)                                  Baixo risco: inferior a 160',
    '                                              Risco intermediário: inferior a 130',
    '                                              Alto risco: inferior a 100',
    '                                              Muito alto risco: inferior a 80',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.equal(r.analytes.length, 1);
  assert.equal(r.analytes[0]!.value, 146);
  assert.equal(r.analytes[0]!.flag, 'indeterminado');
  assert.doesNotMatch(r.analytes[0]!.reference_text ?? '', /calculado/);
});
