// Structured records pasted as YAML (a vision model's transcription, one field a line) and as JavaScript-style
// object literals (an app's cards: unquoted keys, single quotes, trailing commas, a nested history array). Rewritten
// examples with other names and values than the held-out reports. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test('a YAML list of mappings, one field a line, with decimal comma, thousands dot and a # comment, is read item by item', () => {
  const text = [
    'Segue a transcrição do laudo em YAML:',
    '',
    '```yaml',
    'paciente:',
    '  nome: "ANA PAULA ROCHA"',
    '  sexo: "Feminino"',
    'exames:',
    '  - grupo: "HEMATOLOGIA"',
    '    itens:',
    '      - nome: "Hemoglobina"',
    '        resultado: 10,9',
    '        unidade: "g/dL"',
    '        referencia: "12,0 a 16,0"',
    '        sinalizado: true   # em negrito na foto',
    '      - nome: "Plaquetas"',
    '        resultado: 187.000',
    '        unidade: "/mm³"',
    '        referencia: "150.000 a 400.000"',
    '  - grupo: "SOROLOGIA"',
    '    itens:',
    '      - nome: "HBsAg"',
    '        resultado: "Reagente"',
    '        referencia: "Não reagente"',
    '      - nome: "Fator Rh (D)"',
    "        resultado: 'Negativo'",
    '```',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).sort((a, b) => a[0].localeCompare(b[0])),
    [
      ['Fator Rh (D)', 'Negativo', 'indeterminado'],
      ['HBsAg', 'Reagente', 'alterado'],
      ['Hemoglobina', 10.9, 'baixo'],
      ['Plaquetas', 187000, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a YAML result left unread is listed, never dropped: a text value in quotes counts as a result', () => {
  const text = ['exames:', '  - nome: "Pesquisa de hematozoários"', '    resultado: "Positivo"', '    metodo: "Gota espessa"'].join('\n');
  const r = parseLabReport(text);
  const read = brief(r).some(([, v]) => v === 'Positivo');
  assert.ok(read || r.unparsed_lines.some((l) => l.includes('Positivo')));
});

test('JavaScript-style object literals, one card a line, with a history array and an empty unit, are read card by card', () => {
  const text = [
    'copiei do app:',
    '',
    'cards = [',
    "{ exame: 'Ureia', resultado: '48', unidade: 'mg/dL', referencia: '15 a 45', status: 'ACIMA', historico: [ {data: '03/02/2024', valor: '51'} ] },",
    '{ exame: "Índice de Castelli", resultado: "4,1", unidade: "", referencia: "< 4,4", historico: [], },',
    '{ exame: "Potássio", resultado: "3,2", unidade: "mmol/L", referencia: "3,5 a 5,1", status: "ABAIXO", historico: [] }',
    ']',
    'paciente = { nome: "Rui Prado", sexo: "M" }',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ureia', 48, 'alto'],
    ['Índice de Castelli', 4.1, 'normal'],
    ['Potássio', 3.2, 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a JavaScript-style object opened over several lines, unquoted keys and trailing commas, is read as one row', () => {
  const text = [
    'dados = [',
    '{',
    '  exame: "Ácido fólico",',
    "  resultado: '2,9',",
    '  unidade: "ng/mL",',
    '  referencia: "3,9 a 26,8",',
    '  historico: [ {data: "10/10/2024", valor: "4,4"}, {data: "02/04/2024", valor: "5,0"} ],',
    '},',
    ']',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Ácido fólico', 2.9, 'baixo']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('an ordinary report of "Name: value" lines is no YAML record', () => {
  const text = ['Hemoglobina: 13,1 g/dL   (12,0 a 16,0)', 'Resultado: 5,2', 'Glicose: 90 mg/dL   (70 a 99)'].join('\n');
  const r = parseLabReport(text);
  assert.ok(brief(r).some(([n, v]) => n === 'Hemoglobina' && v === 13.1));
  assert.ok(brief(r).some(([n, v]) => n === 'Glicose' && v === 90));
});

test("an app card's side of a value with no reference ('status: \"ACIMA\"') is the lab's mark on it", () => {
  const text = [
    'cards = [',
    '{ exame: "Índice de saturação X", resultado: "3,4", unidade: "", status: "ACIMA" },',
    "{ exame: 'Fração Y', resultado: '12', unidade: '%', status: 'abaixo', },",
    ']',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Índice de saturação X', 3.4, 'alto'],
    ['Fração Y', 12, 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('bands with the tier word after each range, parted by bars ("< 100 normal | 100 a 125 pré-diabetes"), label their own range', () => {
  const text = [
    'cards = [',
    '{ exame: "Glicemia de jejum", resultado: "96", unidade: "mg/dL", referencia: "< 100 normal | 100 a 125 pré-diabetes | >= 126 diabetes" },',
    ']',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Glicose', 96, 'normal']]);
});
