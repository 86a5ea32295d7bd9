// Probes for held-out set 143 (helper hP): a bar table with the second system of units in columns of its own,
// a footnote of age bands for a row that points to it, and the lines between a computed result and its
// reference. Rewritten with other names, values and labs: each failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => r.analytes.map((a) => [a.name, a.value, a.unit, a.flag] as const);

test("a bar table's second-system columns past '||' are the same results in other units, no second row", () => {
  const text = [
    'LABORATÓRIO VALE DO ARAGUAIA',
    'Paciente: JOANA M. DIAS   Sexo: Feminino   Idade: 38 anos',
    '',
    'Analito        | Resultado | Unidade | Referência     || SI    | Unidade SI | Referência SI',
    '---------------+-----------+---------+----------------++-------+------------+--------------',
    'Ácido úrico    | 7,9       | mg/dL   | 2,4 a 5,7      || 470   | µmol/L     | 143 a 339',
    'Colesterol total | 168     | mg/dL   | inferior a 190 || 4,35  | mmol/L     | inferior a 4,91',
    'Sódio          | 139       | mmol/L  | 136 a 145      || 139   | mmol/L     | 136 a 145',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([, v, u, f]) => [v, u, f]),
    [
      [7.9, 'mg/dL', 'alto'],
      [168, 'mg/dL', 'normal'],
      [139, 'mmol/L', 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a single bar before the columns its header heads with SI: the rows cut at the same bar', () => {
  const text = [
    'Exame | Resultado | Unidade | Ref. | Resultado SI | Unidade SI',
    'Creatinina | 1,42 | mg/dL | 0,60 a 1,10 | 125 | µmol/L',
    'Ureia | 31 | mg/dL | 15 a 40 | 5,2 | mmol/L',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([, v, u, f]) => [v, u, f]),
    [
      [1.42, 'mg/dL', 'alto'],
      [31, 'mg/dL', 'normal'],
    ],
  );
});

test("'ver faixas abaixo', then the bands by age led by the name, each paired with its SI twin and wrapped at a ';'", () => {
  const text = [
    'Paciente: OTÁVIO R. LEMOS   Sexo: Masculino   Idade: 50 anos',
    '',
    'Exame     | Resultado | Unidade | Referência        || SI   | Unidade SI | Referência SI',
    'DHEA-S    | 301       | µg/dL   | ver faixas abaixo || 8,17 | µmol/L     | ver faixas abaixo',
    '   DHEA-S por idade (µg/dL | µmol/L): 35-44 a: 61 a 337 | 1,65 a 9,15 ; 45-54 a: 35 a 256 | 0,95 a 6,95 ;',
    '   55-64 a: 19 a 205 | 0,52 a 5,56',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [['DHEA-S', 301, 'µg/dL', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("the estimate's equation named unbracketed between it and its reference ('Equação MDRD') keeps the reference its", () => {
  const text = [
    'LAB CENTRAL',
    '',
    'FILTRAÇÃO GLOMERULAR ESTIMADA ........ 71 mL/min/1,73m²',
    '   Equação MDRD',
    '   Referência: superior a 90 mL/min/1,73m²',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([, v, , f]) => [v, f]),
    [[71, 'baixo']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("the body surface a clearance was corrected by, between it and its reference: no result, the reference still the clearance's", () => {
  const text = [
    'LAB CENTRAL',
    '',
    'DEPURAÇÃO DE CREATININA CORRIGIDA ...... 82 mL/min/1,73m²',
    '   SC: 1,86 m² (Mosteller)',
    '   Valores de referência: Mulheres: 88 a 128 mL/min/1,73m²',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([, v, , f]) => [v, f]),
    [[82, 'baixo']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("an albuminuria's categories with their code in brackets and leader dots ('Aumento moderado (A2) .... 30 a 300') are its tiers", () => {
  const text = [
    'LAB CENTRAL',
    '',
    'MICROALBUMINÚRIA DE 24 HORAS .......... 45 mg/24 h',
    '   Valores de referência:',
    '      Normoalbuminúria (A1) ........... inferior a 30 mg/24 h',
    '      Aumento moderado (A2) ........... 30 a 300 mg/24 h',
    '      Aumento grave (A3) .............. superior a 300 mg/24 h',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([, v, , f]) => [v, f]),
    [[45, 'alto']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
