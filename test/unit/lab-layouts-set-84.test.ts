// The general causes behind the misses of held-out set 84, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => [
  ...r.analytes.map((a) => [a.name, a.value, a.unit, a.flag] as const),
  ...r.qualitative.map((a) => [a.name, a.value, null, a.flag] as const),
];

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
