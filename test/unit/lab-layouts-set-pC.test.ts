// What sets 169-171's corpus properties found dropped in silence (h1666, h1674, h1677, h1691): a result typed
// after a chat's correction, another result on the line a correction rewrites, a number after a form's last option,
// and a number under the previous-result column of a block's title. One rewritten case each; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => [
  ...r.analytes.map((a) => [a.name, a.value, a.flag, a.line] as const),
  ...r.qualitative.map((a) => [a.name, a.value, a.flag, a.line] as const),
];

test("a chat's correction of swapped digits keeps what is typed after a column gap: a word there is listed", () => {
  const text = [
    '[10/03/2025 08:01] Marta Reis: leucocitos 7.300 (ref 4.000 a 11.000)',
    '[10/03/2025 08:01] Marta Reis: plaquetas 251 mil',
    '[10/03/2025 08:02] Marta Reis: não, é 215 mil, troquei os números. ref 150 a 400 mil   Reagente',
  ].join('\n');
  const r = parseLabReport(text);
  const platelets = r.analytes.find((a) => a.key === 'plaquetas');
  assert.equal(platelets?.value, 215);
  assert.equal(platelets?.line, 2, 'the corrected value cites the correction');
  assert.ok(!r.analytes.some((a) => a.value === 251), 'the slip is no result');
  assert.ok(
    r.unparsed_lines.includes('[10/03/2025 08:02] Marta Reis: não, é 215 mil, troquei os números. ref 150 a 400 mil   Reagente'),
    `the word typed after the correction is listed with its line: ${JSON.stringify(r.unparsed_lines)}`,
  );
});

test('a correction rewrites one result of a line: another result typed on that line keeps its own line', () => {
  const text = [
    'glicose 131 (ref 70 a 99)',
    'hemoglobina glicada 6,9%  (normal ate 5,7) ; Anti-HCV: Reagente',
    '',
    '-----',
    '',
    'desculpa, errei ali em cima, a glicada é 6,4 nao 6,9, troquei os numeros',
  ].join('\n');
  const r = parseLabReport(text);
  const hba1c = r.analytes.find((a) => a.key === 'hba1c');
  assert.equal(hba1c?.value, 6.4);
  assert.equal(hba1c?.line, 5, 'the corrected value cites the correction');
  const hcv = r.qualitative.find((a) => /hcv/i.test(a.name));
  assert.equal(hcv?.value, 'Reagente');
  assert.equal(hcv?.line, 1, 'the other result cites the line it is typed on');
});

test("a form's last option ends at a column gap: a number printed after it is listed, not taken into the option", () => {
  const text = [
    'Testes rápidos',
    '   Sífilis (teste treponêmico): ( X ) Não reagente  (   ) Reagente   12,5',
    '   HIV 1/2 ..................: ( X ) Não reagente  (   ) Reagente',
  ].join('\n');
  const r = parseLabReport(text);
  assert.ok(
    r.unparsed_lines.includes('Sífilis (teste treponêmico): ( X ) Não reagente  (   ) Reagente   12,5'),
    `the line with the number is listed: ${JSON.stringify(r.unparsed_lines)}`,
  );
  assert.deepEqual(
    brief(r).filter(([name]) => /hiv/i.test(name)),
    [['HIV 1/2', 'Não reagente', 'indeterminado', 2]],
  );
});

test("a block title's cell under the previous-result column is no earlier sample: nothing is read on that line, so it is listed", () => {
  const text = [
    'Nome: JOSÉ DA SILVA                 Sexo: M   Idade: 61A',
    'EXAME                         RESULTADO   UN            FL   REFERÊNCIA               ANTERIOR (02/04/25)',
    'BIOQUÍMICA',
    ' UREIA                        64          mg/dL         H    15 - 40                  71',
    ' SÓDIO                        137         mmol/L             136 - 145                135',
    'GASOMETRIA ARTERIAL  (analisador POC - UTI 2)      Temp. pac.: 36,8 °C   FiO2: 35%   52,3',
    ' pH                           7,33                      L    7,35 - 7,45              7,30',
    ' pCO2                         46          mmHg          H    35 - 45                  49',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([name, value, flag]) => [name, value, flag]),
    [
      ['Ureia', 64, 'alto'],
      ['Sódio', 137, 'normal'],
      ['pH', 7.33, 'baixo'],
      ['pCO2', 46, 'alto'],
    ],
  );
  assert.ok(
    r.unparsed_lines.includes('GASOMETRIA ARTERIAL  (analisador POC - UTI 2)      Temp. pac.: 36,8 °C   FiO2: 35%   52,3'),
    `the title's line is listed with its number: ${JSON.stringify(r.unparsed_lines)}`,
  );
  // The rows' earlier samples stay cut: none is read and none listed.
  assert.ok(!r.unparsed_lines.some((l) => /UREIA|SÓDIO|pCO2/.test(l)));
});
