// Probes for held-out sets 142-144 (helper hS), rewritten with other names, values and labs: each failed
// on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => r.analytes.map((a) => [a.name, a.value, a.flag] as const);

test("an app's result cards with a gauge under each value: the gauge's bounds are the range", () => {
  const text = [
    '▾ BIOQUÍMICA',
    '──────────────────────────────',
    'Magnésio                 1,5 mg/dL',
    '  1,6 ●┣━━━━━━━━━━━━━━━━━━━━┫ 2,6',
    '  ▼ Abaixo da faixa',
    '──────────────────────────────',
    'Zinco                     92 µg/dL',
    '  70 ┣━━━━━━━━━━━●━━━━━━━━━━┫ 120',
    '  ✓ Dentro da faixa',
    '──────────────────────────────',
    'Anti-tireoglobulina      212 UI/mL',
    '  < 115 ━━━━━━━━━━━━━━━━━━━┫ ●',
    '  ▲ Acima da faixa',
    '──────────────────────────────',
    'Vitamina A              0,42 mg/L',
    '  > 0,30  ┣━━━━━━━━━━━━━━━━●━━━',
    '  ✓ Dentro da faixa',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Magnésio', 1.5, 'baixo'],
    ['Zinco', 92, 'normal'],
    ['Anti-tireoglobulina', 212, 'alto'],
    ['Vitamina A', 0.42, 'normal'],
  ]);
  assert.deepEqual(
    r.analytes.map((a) => [a.reference_low, a.reference_high, a.reference_source]),
    [
      [1.6, 2.6, 'report'],
      [70, 120, 'report'],
      [null, 115, 'report'],
      [0.3, null, 'report'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a gauge the screenshot cut before its bounds is a range unseen: no built-in range stands in', () => {
  const text = ['Glicose                    104 mg/dL', '     ┣━━━━━━━━━━━━━━', '   🏠 Início    📋 Exames    👤 Perfil'].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [['Glicose', 104, 'indeterminado']]);
  assert.equal(r.analytes[0]!.reference_source, null);
});

test("an app's info icon before the note under a result is a bullet: the goal left to the risk category is read", () => {
  const text = ['Colesterol LDL              118 mg/dL', '  ⓘ Meta conforme o risco cardiovascular', '    Toque para saber mais'].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [['LDL-colesterol', 118, 'indeterminado']]);
  assert.equal(r.analytes[0]!.reference_source, null);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a clotting block's rows after its time name the titled test: the INR and the ratio carry the title", () => {
  const text = [
    'TEMPO DE PROTROMBINA (TAP)',
    'Material: plasma com citrato   Método: óptico',
    '                              Resultado          Referência',
    '  Tempo                       14,1 segundos      10,5 a 13,5 segundos',
    '  Atividade                   71 %               70 a 100 %',
    '  RNI                         1,24               0,85 a 1,15',
    '',
    'TEMPO DE TROMBOPLASTINA PARCIAL ATIVADA (PTTa)',
    '  Tempo                       29,8 segundos      24,0 a 35,0 segundos',
    '  Relação                     0,97               até 1,20',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['TEMPO DE PROTROMBINA (TAP)', 14.1, 'alto'],
    ['TEMPO DE PROTROMBINA (TAP) - Atividade', 71, 'normal'],
    ['TEMPO DE PROTROMBINA (TAP) - RNI', 1.24, 'alto'],
    ['TEMPO DE TROMBOPLASTINA PARCIAL ATIVADA (PTTa)', 29.8, 'normal'],
    ['TEMPO DE TROMBOPLASTINA PARCIAL ATIVADA (PTTa) - Relação', 0.97, 'normal'],
  ]);
});

test("a clotting block's rows in a table with the reference before the result: the INR and the patient/control ratio carry the title", () => {
  const text = [
    'EXAME                                  VALORES DE REFERÊNCIA          RESULTADO',
    '-------------------------------------------------------------------------------------',
    'TEMPO DE PROTROMBINA (TAP)',
    '   Tempo                               11,0 a 13,5 segundos           12,2 segundos',
    '   Atividade                           75 a 110 %                     92 %',
    '   INR                                 0,90 a 1,15                    1,21',
    'TEMPO DE TROMBOPLASTINA PARCIAL ATIVADA (KPTT)',
    '   Tempo                               26,0 a 36,0 segundos           33,5 segundos',
    '   Relação paciente/controle           até 1,20                       1,11',
    'FIBRINOGÊNIO                           180 a 350 mg/dL                402 mg/dL',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['TEMPO DE PROTROMBINA (TAP)', 12.2, 'normal'],
    ['TEMPO DE PROTROMBINA (TAP) - Atividade', 92, 'normal'],
    ['TEMPO DE PROTROMBINA (TAP) - INR', 1.21, 'alto'],
    ['TEMPO DE TROMBOPLASTINA PARCIAL ATIVADA (KPTT)', 33.5, 'normal'],
    ['TEMPO DE TROMBOPLASTINA PARCIAL ATIVADA (KPTT) - Relação paciente/controle', 1.11, 'normal'],
    ['FIBRINOGÊNIO', 402, 'alto'],
  ]);
});
