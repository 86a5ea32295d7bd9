// What held-out set 180 missed: a form for a foreign authority printing its labels English first, a result in mass
// with its molar twin in brackets, a portal card's verdict after its release date and the next card's rows under the
// card above's columns, a pregnancy's weeks said by whom and when, an earlier sample's date wrapped beside a band of
// the reference, a count's reference cell marked illegible, an OCR's Z for a 2 in a name's code. One focused case
// each; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows } from '../support/lab-rows.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

const TODAY = { today: '2025-06-01' };

test('a form printing its labels English first is read by the Portuguese ones, its ticked option the result (h1780)', () => {
  const text = [
    'TRAVEL MEDICINE CLINIC - VISA MEDICAL / EXAME MÉDICO PARA VISTO',
    'Patient / Paciente: JOANA PEREIRA LIMA',
    'Date of birth / Nascimento: 1990-05-14        Sex / Sexo: [ ] M  [X] F',
    '',
    '1. HEPATITIS B SURFACE ANTIGEN / ANTÍGENO DE SUPERFÍCIE DA HEPATITE B (HBsAg)',
    '   Method / Método: quimioluminescência',
    '   Result / Resultado:   [X] Não reagente / Non-reactive     [ ] Reagente / Reactive',
    '   Reference / Referência: Não reagente / Non-reactive',
    '',
    '2. SERUM UREA / UREIA SÉRICA',
    '   Result / Resultado:  31 mg/dL',
    '   Reference range / Intervalo de referência: 15 - 45 mg/dL',
    '',
    '3. URINE DIPSTICK / URINA - TIRA REAGENTE',
    '   Test / Parâmetro          Result / Resultado              Reference / Referência',
    '   Specific gravity / Densidade      1.015                   1.005 - 1.030',
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(rows(r), [
    ['Ureia', 31, 'normal'],
    ['Densidade', 1.015, 'normal'],
    ['ANTÍGENO DE SUPERFÍCIE DA HEPATITE B (HBsAg)', 'Não reagente', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  assert.deepEqual(lostAnalytes(text).unlisted, []);
});

test("a result's molar twin in round brackets is the same result, not a second one (h1780)", () => {
  const text = 'Ácido úrico:   5,2 mg/dL      (309 µmol/L)      3,4 a 7,0 mg/dL';
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(rows(r), [['Ácido úrico', 5.2, 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a portal card's verdict after its release date leaves the title to name its result (h1776)", () => {
  const text = ['▾ UREIA\tLiberado em 02/05/2025 10:00\tAlterado', 'Resultado\t52\tmg/dL', 'Referência: 15 a 45 mg/dL', 'Ver evolução'].join('\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(rows(r), [['Ureia', 52, 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("an expanded card's rows are no cells of the card above's columns (h1776)", () => {
  const text = [
    '▾ SOROLOGIAS\tLiberado em 02/05/2025 10:00',
    'Exame\tResultado\tReferência',
    'HBsAg\tNão reagente\tNão reagente',
    '',
    '▾ TIPAGEM SANGUÍNEA\tLiberado em 02/05/2025 11:00',
    'Grupo sanguíneo ABO\tAB',
    'Fator Rh (D)\tNegativo',
  ].join('\n');
  assert.deepEqual(rows(parseLabReport(text, TODAY)), [
    ['HBsAg', 'Não reagente', 'normal'],
    ['Grupo sanguíneo ABO', 'AB', 'indeterminado'],
    ['Fator Rh (D)', 'Negativo', 'indeterminado'],
  ]);
});

test('the gestational age said by whom and when makes the patient pregnant (h1776)', () => {
  const text = [
    'Paciente: MARIA DE LOURDES  Sexo: Feminino  Idade: 31 anos',
    'Gestante · IG informada na coleta: 26 semanas e 1 dia · DUM 10/11/2024',
    'GLICOSE DE JEJUM',
    'Resultado   85   mg/dL',
    'Referência para gestantes: inferior a 92 mg/dL (diabetes gestacional: 92 a 125 mg/dL)',
  ].join('\n');
  assert.deepEqual(rows(parseLabReport(text, TODAY)), [['GLICOSE DE JEJUM', 85, 'normal']]);
});

test("an earlier sample's date wrapped under its value beside a band leaves the bands whole (h1777)", () => {
  const text = [
    'Data Nasc.: 03/02/1959      Idade: 66 anos      Sexo: Masculino',
    '  EXAME                         RESULTADO         VALORES DE REFERÊNCIA               RESULTADO ANTERIOR',
    '',
    '  PSA TOTAL                          3,80 ng/mL    40 a 49 anos: até 2,5 ng/mL            3,10 ng/mL',
    '  Material: Soro                                   50 a 59 anos: até 3,5 ng/mL            (02/03/2024)',
    '                                                   60 a 69 anos: até 4,5 ng/mL',
    '                                                   70 a 79 anos: até 6,5 ng/mL',
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(rows(r), [['PSA TOTAL', 3.8, 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a count's reference cell marked illegible leaves the percentage its range and the count none (h1781)", () => {
  const text = [
    '| Leucograma | Relativo (%) | Absoluto (/mm³) | V. R. (%) | V. R. (/mm³) |',
    '|---|---|---|---|---|',
    '| Linfócitos | 30 | 2.100 | 20 a 50 | [ilegível] |',
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(rows(r), [
    ['Linfócitos (%)', 30, 'normal'],
    ['Linfócitos', 2100, 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("an OCR's Z for the 2 of a name's code is read back (h1782)", () => {
  const text = '- **Vitamina B1Z**: 410 pg/mL (VR: 200 a 900 pg/mL)';
  assert.deepEqual(rows(parseLabReport(text, TODAY)), [['Vitamina B12', 410, 'normal']]);
});
