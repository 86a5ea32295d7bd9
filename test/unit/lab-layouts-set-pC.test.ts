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

// What sets 172-174's fixes first did to the corpus properties (kK's protocol columns and request boxes, h377, h1435,
// h1708) and two lines sets 169's corpus checks found listed or unread (h1669, h1670).
test('a LIS\'s "Liberado" column is the release time, no protocol verdict: a result typed after it is read or listed', () => {
  const text = [
    'Cód    Exame                          Resultado   Flag  Unidade            Valor de Referência         Liberado',
    '2001   Leucócitos                     6,40              x10^3/uL           3,60 - 11,00                14/03 10:05',
    '2002   Hemoglobina                    11,8        L     g/dL               13,0 - 17,5                 14/03 10:05   Sódio 141,7 mmol/L',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M' });
  const sodium = r.analytes.some((a) => a.value === 141.7);
  const listed = r.unparsed_lines.some((l) => l.includes('141,7'));
  assert.ok(sodium || listed, `the sodium typed after the release time is read or listed: ${JSON.stringify(r)}`);
  assert.deepEqual(
    brief(r).filter(([, value]) => value === 6.4),
    [['Leucócitos', 6.4, 'normal', 1]],
  );
});

test("a checklist row with more than a protocol's limit and verdict after its reference is left as printed, never cut", () => {
  const text = [
    'Nº | Exame            | Resultado     | VR (laboratório) | Critério QT | Atende?',
    '01 | Neutrófilos      | 2.100 /mm³    | 1.800 a 7.700    | ≥ 1.500     | [X] SIM',
    '02 | Plaquetas        | 182.000 /mm³  | 150.000 a 450.000 | ≥ 100.000  | [X] SIM   Ureia 47,3 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.equal(r.analytes.find((a) => a.value === 2100)?.flag, 'normal', 'a row of limit and verdict alone is cut as before');
  const urea = r.analytes.some((a) => a.value === 47.3);
  const listed = r.unparsed_lines.some((l) => l.includes('47,3'));
  assert.ok(urea || listed, `the urea typed after the verdict is read or listed: ${JSON.stringify(r)}`);
});

test("a request form's unticked exam with a dot leader and a value after it was filled in: read, not emptied", () => {
  const text = [
    ' [X] Glicose (jejum) ................... 92 mg/dL           Ref. 70 a 99',
    ' [X] Creatinina ........................ 0,88 mg/dL         Ref. 0,70 a 1,30',
    ' [ ] Tacrolimo ......................... 7,4',
    ' [ ] Gama-GT ...........................',
  ].join('\n');
  const r = parseLabReport(text);
  assert.ok(
    r.analytes.some((a) => a.value === 7.4) || r.unparsed_lines.some((l) => l.includes('7,4')),
    `the value after the leader is read or listed: ${JSON.stringify(r)}`,
  );
  assert.ok(!r.unparsed_lines.some((l) => l.includes('Gama-GT')), 'the blank exam is no unread line');
});

test("a print stamp's terminal after the moment of printing is administrative", () => {
  const text = ['Glicose .............. 88 mg/dL   (70 a 99)', 'IMPRESSO EM 02/04/2025 17:40 - TERMINAL UBS CENTRO 07                    PAG. 1/1'].join('\n');
  assert.deepEqual(parseLabReport(text).unparsed_lines, []);
});

test("a hospital admission's authorisation number cut by the page's margin, and a pharmacy's Anvisa permit, are administrative", () => {
  const text = [
    'Atendimento: 2.118.402   Leito: UTI 1 - 04   Convênio: SUS (AIH 3125107 41…)',
    'CNPJ 11.222.333/0001-81 - AFE 7.04.118-2 - CNES 4410092',
    'Glicose .............. 88 mg/dL   (70 a 99)',
  ].join('\n');
  assert.deepEqual(parseLabReport(text).unparsed_lines, []);
});
