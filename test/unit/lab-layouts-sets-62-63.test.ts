// The general causes behind the misses of held-out sets 62 and 63, one focused case each: the parser
// on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('a dot-leader row under a block title with its material is read, not joined to the title as a wrapped name', () => {
  const text = [
    'Paciente: ANA LUIZA PRADO          Sexo: Feminino      Idade: 47 anos',
    'Protocolo: 2025-004417             CRM-MG 33.210',
    '',
    'LEUCOGRAMA - Material: Sangue total EDTA',
    'Leucócitos......................: 3.100 /mm³  4.000 a 11.000 /mm³',
    '',
    'DOSAGEM DE SÓDIO - Material: Soro',
    'Sódio...........................: 139 mEq/L  136 a 145 mEq/L',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Leucócitos', 3100, '/mm³', 'baixo'],
    ['Sódio', 139, 'mEq/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("an app's share-as-text puts a pictograph before each exam and a status chip after the reference", () => {
  const text = [
    '📋 Meus Exames – Laboratório Vale Verde',
    'Coleta: 12/03/2025 • Unidade Centro',
    '',
    '🩸 Hemoglobina: 11,2 g/dL',
    'Referência: 12,0 a 16,0 g/dL 🔻 Abaixo',
    '',
    '🧪 Triglicérides: 188 mg/dL',
    'Referência: < 150 mg/dL ⚠️ Acima',
    '',
    '🧪 Potássio: 4,3 mEq/L',
    'Referência: 3,5 a 5,1 mEq/L ✅ Normal',
    '',
    '© 2025 Laboratório Vale Verde • (31) 3333-1200',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1980-02-02', today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 11.2, 'g/dL', 'baixo'],
    ['Triglicerídeos', 188, 'mg/dL', 'alto'],
    ['Potássio', 4.3, 'mEq/L', 'normal'],
  ]);
  assert.equal(r.analytes[1]!.key, 'triglicerideos');
  assert.deepEqual(r.unparsed_lines, []);
});

test("the iron binding capacity abbreviated word by word in a narrow name column is the catalogue's", () => {
  const text = ['FERRO SERICO               41 ug/dL           50 a 170', 'CAP. TOTAL LIG. FERRO      301 ug/dL          250 a 450'].join('\n');
  const r = parseLabReport(text, { sex: 'M' });
  assert.deepEqual(brief(r), [
    ['Ferro sérico', 41, 'µg/dL', 'baixo'],
    ['Capacidade total de ligação do ferro', 301, 'µg/dL', 'normal'],
  ]);
  assert.equal(r.analytes[1]!.key, 'ctlf');
  assert.deepEqual(r.unparsed_lines, []);
});

test("a viral load against 'Não detectado' is high, and the assay's limit under it is no result", () => {
  const text = [
    'CARGA VIRAL HCV (RNA QUANTITATIVO)',
    '  Material: Plasma EDTA   Método: RT-PCR em tempo real',
    '                    Resultado                     Valor de Referência',
    ' Carga viral          2.350   UI/mL                 Não detectado',
    '  Limite inferior de quantificação: 12 UI/mL.',
    '',
    'Carga viral HIV-1: < 20 cópias/mL',
    'Limite de detecção: 20 cópias/mL',
    'Valor de referência: Não detectado',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M' });
  assert.deepEqual(brief(r), [
    ['Carga viral', 2350, 'UI/mL', 'alto'],
    ['Carga viral HIV-1', 20, 'cópias/mL', 'indeterminado'],
  ]);
});

test('admin lines, dates and council numbers beside these layouts never become results', () => {
  const text = [
    '🏥 Laboratório Vale Verde • CNES 2211334',
    '📅 Coleta: 12/03/2025 ✅ Normal',
    'Dr. Paulo Reis - CRM-MG 45.120',
    'Protocolo: 88.204 - Material: Soro',
    'Limite de detecção: 10 UI/mL',
    '© Laboratório Vale Verde - Termos de uso | Privacidade',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), []);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a viral load restated on a log scale under it leaves the reference after the log to the load', () => {
  const text = [
    'HCV-RNA QUANTITATIVO (CARGA VIRAL HEPATITE C)',
    'Material: Plasma EDTA     Método: PCR em tempo real',
    'Resultado: 52.400 UI/mL',
    'Log10...: 4,72',
    'Valor de referência: Não detectado',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F' });
  assert.deepEqual(
    brief(r).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    [
      ['HCV-RNA QUANTITATIVO (CARGA VIRAL HEPATITE C)', 52400, 'UI/mL', 'alto'],
      ['Log10', 4.72, null, 'indeterminado'],
    ],
  );
});

test("a typed report leads its reference with 'Valor normal:', beside the method or under the result", () => {
  const text = [
    '                    PESQUISA DE SANGUE OCULTO NAS FEZES',
    'MÉTODO: IMUNOCROMATOGRAFIA                 VALOR NORMAL: NEGATIVO',
    'RESULTADO ......................... POSITIVO',
    '',
    'UREIA',
    'RESULTADO ......................... 61 mg/dL',
    'VALORES NORMAIS: 15 a 40 mg/dL',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M' });
  assert.deepEqual(brief(r), [
    ['Ureia', 61, 'mg/dL', 'alto'],
    ['PESQUISA DE SANGUE OCULTO NAS FEZES', 'POSITIVO', null, 'alterado'],
  ]);
});

test('a reference cell that says what its one range means after a colon is that range', () => {
  const text = [
    'Exame\tResultado\tUnidade\tResultado anterior (02/01/2025)\tValor de referência',
    'Avidez de IgG para toxoplasmose\t72\t%\t-\tSuperior a 60%: infecção adquirida há mais de quatro meses',
    'Glicose\t92\tmg/dL\t90\t70 a 99',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F' });
  assert.deepEqual(brief(r), [
    ['Avidez de IgG para toxoplasmose', 72, '%', 'normal'],
    ['Glicose', 92, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('ranges by smoking status: unknown smoking leaves a value between them undetermined; a stated one picks the range', () => {
  const row = ['CEA - ANTÍGENO CARCINOEMBRIONÁRIO  4,6 ng/mL', '   Não fumantes: até 3,8 ng/mL     Fumantes: até 5,5 ng/mL'];
  const flag = (lines: string[]) => parseLabReport(lines.join('\n'), { sex: 'F' }).analytes.map((a) => [a.value, a.flag]);
  assert.deepEqual(flag(row), [[4.6, 'indeterminado']]);
  assert.deepEqual(flag(['Informação clínica: tabagista há 20 anos.', ...row]), [[4.6, 'normal']]);
  assert.deepEqual(flag(['Dados clínicos: não fumante; controle anual.', ...row]), [[4.6, 'alto']]);
  assert.deepEqual(flag(['CEA: 6,1 ng/mL', '   Não fumantes: até 3,8 ng/mL     Fumantes: até 5,5 ng/mL']), [[6.1, 'alto']]);
});

test('LDL targets by risk category, the category not given: only a value under or over every target is placed', () => {
  const ref = 'Baixo risco: < 130 / Risco intermediário: < 100 / Alto risco: < 70 / Muito alto risco: < 50';
  const flag = (v: string) =>
    parseLabReport(
      ['| Exame | Resultado | Unidade | Referência |', '|---|---|---|---|', `| Colesterol não-HDL | ${v} | mg/dL | ${ref} |`].join('\n'),
    ).analytes.map((a) => [a.value, a.flag]);
  assert.deepEqual(flag('118'), [[118, 'indeterminado']]);
  assert.deepEqual(flag('46'), [[46, 'normal']]);
  assert.deepEqual(flag('142'), [[142, 'alto']]);
  // A risk score's tiers split the value's scale: the low-risk band is the good one.
  const pcr = parseLabReport('PCR ultrassensível: 2,1 mg/L   Baixo risco: < 1,0; Risco médio: 1,0 a 3,0; Alto risco: > 3,0').analytes;
  assert.deepEqual(
    pcr.map((a) => [a.value, a.flag]),
    [[2.1, 'alto']],
  );
});

test('a reference that names the results above it in brackets is each one of theirs', () => {
  const text = [
    'Anti-Sm .................................: 36,0 U/mL',
    'Anti-RNP ................................: 4,2 U/mL',
    '   Ref. (Anti-Sm e Anti-RNP): Negativo: inferior a 7,0 U/mL',
    '                              Indeterminado: 7,0 a 10,0 U/mL',
    '                              Positivo: superior a 10,0 U/mL',
    'Complemento C4 .........................: 8 mg/dL',
    '   Ref.: 10 a 40 mg/dL',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F' });
  assert.deepEqual(
    brief(r).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    [
      ['Anti-RNP', 4.2, 'U/mL', 'normal'],
      ['Anti-Sm', 36, 'U/mL', 'alto'],
      ['Complemento C4', 8, 'mg/dL', 'baixo'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a word reference with its titre cut-off in brackets flags the titre and the word', () => {
  const at = (result: string) =>
    parseLabReport(['ANTICORPOS ANTIMITOCÔNDRIA (IFI)', `   Resultado .......: ${result}`, '   Ref.: Não reagente (títulos inferiores a 1/40)'].join('\n'));
  assert.deepEqual(brief(at('REAGENTE 1/160')), [['ANTICORPOS ANTIMITOCÔNDRIA (IFI)', '1/160', null, 'alterado']]);
  assert.deepEqual(brief(at('NÃO REAGENTE')), [['ANTICORPOS ANTIMITOCÔNDRIA (IFI)', 'NÃO REAGENTE', null, 'normal']]);
  assert.deepEqual(at('NÃO REAGENTE').unparsed_lines, []);
});
