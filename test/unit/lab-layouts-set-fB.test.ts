// The general causes behind the misses of held-out set 95 h926, h930 and h931, one focused case each: the
// parser on a few rewritten lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('an INR range "sem anticoagulação" is the ordinary one beside the treatment ranges', () => {
  const text = [
    'Paciente: ANTÔNIO REIS   Sexo: M   Idade: 61 anos',
    'INR ......: 1,41     VR: Sem anticoagulação: 0,85 - 1,15 | Anticoagulação oral: 2,0 a 3,0',
  ].join('\n');
  assert.deepEqual(brief(parseLabReport(text)), [['INR', 1.41, null, 'alto']]);
  // A patient on warfarin is still compared with his treatment's range, never the untreated one.
  const treated = [
    'Paciente: ANTÔNIO REIS   Sexo: M   Idade: 61 anos',
    'Medicamentos: Marevan 5 mg',
    'INR ......: 2,60     VR: Indivíduos não anticoagulados: 0,85 a 1,15',
    '                     Faixa terapêutica: 2,0 a 3,0',
  ].join('\n');
  assert.deepEqual(brief(parseLabReport(treated)), [['INR', 2.6, null, 'normal']]);
});

test('a footnote written "Nota (2) - INR:" under "ver nota (2)" gives its ranges, one a line, far below the result', () => {
  const text = [
    'Paciente: CLÁUDIA MOTA   Sexo: F   Idade: 47 anos',
    'TEMPO DE PROTROMBINA',
    '   Tempo ..........: 15,2 segundos     V.R.: 10,5 a 13,8 segundos',
    '   INR ............: 1,35              V.R.: ver nota (2)',
    '',
    '   TTPA ...........: 31,0 segundos     V.R.: 24,0 a 35,0 segundos',
    '   Fibrinogênio ...: 305 mg/dL         V.R.: 200 a 400 mg/dL',
    '',
    '   Hemoglobina ....: 13,0 g/dL         V.R.: 12,0 a 15,5 g/dL',
    '   Hematócrito ....: 39,1 %            V.R.: 36,0 a 46,0 %',
    '   Leucócitos .....: 7.100 /mm³        V.R.: 4.000 a 10.000 /mm³',
    '   Plaquetas ......: 240.000 /mm³      V.R.: 150.000 a 400.000 /mm³',
    '',
    '   Ureia ..........: 30 mg/dL          V.R.: 15 a 45 mg/dL',
    '   Creatinina .....: 0,80 mg/dL        V.R.: 0,50 a 1,00 mg/dL',
    '   Sódio ..........: 139 mEq/L         V.R.: 135 a 145 mEq/L',
    '   Potássio .......: 4,2 mEq/L         V.R.: 3,5 a 5,0 mEq/L',
    '',
    'Nota (2) - INR: indivíduos sem anticoagulação: 0,85 a 1,15',
    '             anticoagulação oral (alvo habitual): 2,0 a 3,0',
    '             válvulas mecânicas: 2,5 a 3,5',
  ].join('\n');
  const r = parseLabReport(text);
  const inr = r.analytes.find((a) => a.name === 'INR');
  assert.equal(inr?.value, 1.35);
  assert.equal(inr?.flag, 'alto');
  assert.equal(inr?.reference_high, 1.15);
  // Every line of the note is the INR's reference, the last one sixteen lines under the result.
  assert.deepEqual(r.unparsed_lines, []);
});

test('bleeding and clotting times in minutes are read with their ranges; minutes in a name or a sentence are none', () => {
  const text = ['Tempo de Sangria (Ivy): 8 min              V.R.: 2 a 7 min', 'Tempo de Coagulação (Lee-White): 6 minutos   V.R.: 5 a 10 minutos'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Tempo de Sangria (Ivy)', 8, 'min', 'alto'],
    ['Tempo de Coagulação (Lee-White)', 6, 'min', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  // A glucose curve's time point stays in the name; a note's collection time is no result (and is listed).
  const curve = [
    '  Glicemia - 90 min                 141       mg/dL         < 160',
    'Depuração calculada com volume de 24 h e tempo de coleta de 1.380 min (sem correção de superfície).',
  ].join('\n');
  const c = parseLabReport(curve);
  assert.deepEqual(brief(c), [['Glicemia - 90 min', 141, 'mg/dL', 'normal']]);
  assert.equal(c.unparsed_lines.length, 1);
});

test('a word result with its reference lead in a cell of its own ("Ref.: Negativa") is read under its name', () => {
  const text = [
    'HEMOCULTURA          Sem crescimento bacteriano       Ref.: Negativa',
    'COPROCULTURA         Não houve crescimento de enteropatógenos      V.R.: Negativa',
    'Bacterioscopia       Cocos Gram positivos             Referência: Ausência de bactérias',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['HEMOCULTURA', 'Sem crescimento bacteriano', null, 'normal'],
    ['COPROCULTURA', 'Não houve crescimento de enteropatógenos', null, 'normal'],
    ['Bacterioscopia', 'Cocos Gram positivos', null, 'alterado'],
  ]);
});

test('a dated history table: a row that lost an earlier cell, and word results under the dates, one space apart where they fill the columns', () => {
  const text = [
    'Paciente: JOANA PRADO   Sexo: F   Idade: 56 anos',
    'Exame                      10/04/2025   11/03/2025   10/02/2025   Unidade     Referência',
    'Bicarbonato                     20           21       mEq/L        22 a 29',
    'Fósforo                        5,2          5,9          6,3      mg/dL       2,5 a 4,5',
    'Ferritina                      310          280      ng/mL         F: 13 a 150  M: 30 a 400',
    'Anti-HBs                   Reagente     Reagente     Reagente      Reagente',
    'HCV - anticorpos           Não reagente Não reagente Não reagente  Não reagente',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Bicarbonato', 20, 'mEq/L', 'baixo'],
    ['Fósforo', 5.2, 'mg/dL', 'alto'],
    ['Ferritina', 310, 'ng/mL', 'alto'],
    ['Anti-HBs', 'Reagente', null, 'normal'],
    ['HCV - anticorpos', 'Não reagente', null, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
