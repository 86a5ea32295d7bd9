// The general causes behind the misses of held-out set 84, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('an app\'s data copied as JSON, each result an object of "key": value lines, is read object by object', () => {
  const text = [
    '{',
    '  "unidade_atendimento": "Laboratório Serra Azul - Itabira/MG",',
    '  "paciente": { "nome": "Joana Reis" },',
    '  "data_coleta": "02/05/2025 08:10",',
    '  "resultados": [ {',
    '    "exame": "Ferritina",',
    '    "valor": 9.4,',
    '    "unidade": "ng/mL",',
    '    "referencia": "13 a 150"',
    '  }, {',
    '    "exame": "Glicose",',
    '    "valor": 88,',
    '    "unidade": "mg/dL",',
    '    "referencia": "70 a 99"',
    '  }, {',
    '    "exame": "HBsAg",',
    '    "valor": "Reagente",',
    '    "referencia": "Não reagente"',
    '  } ]',
    '}',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ferritina', 9.4, 'ng/mL', 'baixo'],
    ['Glicose', 88, 'mg/dL', 'normal'],
    ['HBsAg', 'Reagente', null, 'alterado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a transcribed voice message reading results aloud, several sentences a line, is read sentence by sentence', () => {
  const text = [
    '[04/06/2025 20:11] Marlene: Áudio transcrito:',
    'Então o laudo tá escrito assim. Paciente Marlene Souza, idade 52 anos, coleta dia 3 do 6 de 2025.',
    'Primeiro o sangue. A hemoglobina deu 10,9. O valor de referência é de 12 a 16. E o VCM tá 76, o normal é de 80 a 100.',
    'Potássio 5,8, referência de 3,5 a 5,1. E a vitamina D, 25 hidroxi, deu 22 vírgula 4, desejável acima de 30.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 10.9, null, 'baixo'],
    ['VCM', 76, null, 'baixo'],
    ['Potássio', 5.8, null, 'alto'],
    ['Vitamina D (25-OH)', 22.4, null, 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('results in conventional units with the SI value in brackets and references in both systems are read in the first', () => {
  const text = [
    'EXAME              RESULTADO      [SI]               REFERÊNCIA (convencional / SI)',
    'Colesterol total   214 mg/dL      [5,53 mmol/L]      Desejável: inferior a 190 mg/dL / inferior a 4,91 mmol/L',
    'Creatinina         1,42 mg/dL     [126 µmol/L]       0,70 a 1,30 mg/dL / 62 a 115 µmol/L',
    'LDL-colesterol     171 mg/dL      [4,42 mmol/L]      Metas: baixo risco < 130 mg/dL (< 3,36 mmol/L); alto risco < 70 mg/dL (< 1,81 mmol/L)',
    'Sódio              139 mmol/L                        136 a 145 mmol/L',
    'Conversão: colesterol x 0,02586; creatinina x 88,4.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Colesterol total', 214, 'mg/dL', 'alto'],
    ['Creatinina', 1.42, 'mg/dL', 'alto'],
    ['LDL-colesterol', 171, 'mg/dL', 'alto'],
    ['Sódio', 139, 'mmol/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a differential copied from a PDF one cell a line, two values and two references per name, is read as its rows', () => {
  const text = [
    'LEUCOGRAMA',
    'Relativo',
    'Absoluto',
    'Ref. relativa',
    'Ref. absoluta',
    'Leucócitos',
    '8.200 /mm³',
    '4.000 a 11.000 /mm³',
    'Neutrófilos',
    '72 %',
    '5.904 /mm³',
    '40 a 70 %',
    '1.600 a 7.700 /mm³',
    'Monócitos',
    '4 %',
    '328 /mm³',
    '2 a 10 %',
    '80 a 1.000 /mm³',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Leucócitos', 8200, '/mm³', 'normal'],
    ['Neutrófilos (%)', 72, '%', 'alto'],
    ['Neutrófilos', 5904, '/mm³', 'normal'],
    ['Monócitos (%)', 4, '%', 'normal'],
    ['Monócitos', 328, '/mm³', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a dictated result alone in its sentence, its decimal comma said as a word, is read with its value whole', () => {
  const r = parseLabReport(['Potássio tá 5 vírgula 8, referência de 3,5 a 5,1.', 'A creatinina deu 1 vírgula 02.'].join('\n'));
  assert.deepEqual(brief(r), [
    ['Potássio', 5.8, null, 'alto'],
    ['Creatinina', 1.02, null, 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
