// The general causes behind the misses of held-out set 111, one focused case each: the parser on the few
// lines that show each layout, with other names, values and text than the set. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) =>
  [...r.analytes.map((a) => [a.line, a.name, a.value, a.unit, a.flag] as const), ...r.qualitative.map((a) => [a.line, a.name, a.value, null, a.flag] as const)]
    .sort((a, b) => a[0] - b[0])
    .map(([, ...rest]) => rest);

test("an app card's reference line ends in the lab's verdict badge: the badge is a mark, never the range's label", () => {
  const text = [
    'Paciente: Mariana Alves Rocha',
    'Feminino · 41 anos',
    '',
    'BIOQUÍMICA                              Liberado ✓',
    'Glicose                           112 mg/dL',
    'VR 70 - 99                                  ● Alto',
    'Ferritina                           8 ng/mL',
    'VR 15 - 150                                 ● Baixo',
    'Ureia                              31 mg/dL',
    'VR 15 - 45                                  Normal',
    'CK                                 240 U/L',
    'VR até 170                                  ● Alto',
    '',
    'SOROLOGIAS                              Liberado ✓',
    'HIV 1/2                          Não reagente',
    'VR Não reagente                             Normal',
    'Sífilis (treponêmico)                Reagente',
    'VR Não reagente                          ● Alterado',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Glicose', 112, 'mg/dL', 'alto'],
    ['Ferritina', 8, 'ng/mL', 'baixo'],
    ['Ureia', 31, 'mg/dL', 'normal'],
    ['CK', 240, 'U/L', 'alto'],
    ['HIV 1/2', 'Não reagente', null, 'normal'],
    ['Sífilis (treponêmico)', 'Reagente', null, 'alterado'],
  ]);
  // The order's status beside each section's title ("Liberado ✓") is no result either.
  assert.deepEqual(r.unparsed_lines, []);
});

test('ranges each followed by whom they are for, without brackets, take the words after them as their labels', () => {
  const text = [
    'Paciente: JOSÉ RIBAMAR COSTA   Sexo: Masculino   Idade: 47 anos',
    '25-OH vitamina D 23,8 ng/mL (maior que 20 população geral / 30 a 100 grupos de risco)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Vitamina D (25-OH)', 23.8, 'ng/mL', 'normal']]);
});

test('a chat message saying results in speech, the stamp before it, reads each result it says', () => {
  const text = [
    'Paciente: JOSÉ RIBAMAR COSTA   Sexo: Masculino   Idade: 47 anos',
    '[02/03/2025 10:15] José Costa: Ah, quase esqueci, o ácido úrico deu 6,1 e a ureia 32',
    '[02/03/2025 10:16] José Costa: A urina veio toda normal, só a proteína que deu 30 mg/dL (ref até 10) e cetonas negativo',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ácido úrico', 6.1, null, 'indeterminado'],
    ['Ureia', 32, null, 'indeterminado'],
    ['proteína', 30, 'mg/dL', 'alto'],
    ['cetonas', 'negativo', null, 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a block's result line whose value has the first word of the block's name as its label is the block's", () => {
  const text = [
    'Paciente: ANA LÚCIA PRADO   Sexo: Feminino   Idade: 52 anos',
    'Exame: Tempo de tromboplastina parcial ativada (TTPA)',
    'Resultado: Tempo: 38,2 segundos (VR: 25,0 a 35,0 s)',
    '           Relação: 1,31 (VR: até 1,25)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [
      ['Tempo de tromboplastina parcial ativada (TTPA)', 38.2, 'alto'],
      ['Relação', 1.31, 'alto'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a block title naming its sample by the clock time it was drawn is a title, and the time picks the range', () => {
  const text = [
    'Paciente: ANA LÚCIA PRADO   Sexo: Feminino   Idade: 52 anos',
    '',
    'CORTISOL (coleta às 17:10)',
    'Material: Soro    Método: Quimioluminescência',
    'Resultado:    13,5 µg/dL           Manhã (7 às 10 h): 6,2 a 19,4',
    '                                   Tarde (16 às 20 h): 2,3 a 11,9',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['CORTISOL (coleta às 17:10)', 13.5, 'µg/dL', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("an earlier result's cell the transcription could not read is still the earlier result's", () => {
  const text = [
    'Paciente: ANA LÚCIA PRADO   Sexo: Feminino   Idade: 52 anos',
    '| Exame | Resultado | Unidade | Resultado anterior | Valores de referência |',
    '|---|---|---|---|---|',
    '| Ureia | 48 | mg/dL | [ilegível] | 15 a 45 |',
    '| Creatinina | 0,92 | mg/dL | 0,88 (02/01/25) | 0,50 a 1,10 |',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ureia', 48, 'mg/dL', 'alto'],
    ['Creatinina', 0.92, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a portal's filter tabs with their counts, a middle dot between them, are page furniture", () => {
  const text = [
    'Paciente: ANA LÚCIA PRADO   Sexo: Feminino   Idade: 52 anos',
    'Filtrar: Todos (14) · Fora da referência (3)',
    'Ureia: 48 mg/dL (VR: 15 a 45 mg/dL)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Ureia', 48, 'mg/dL', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a chat message's note that the references of what it says did not come is each result's, and no built-in range stands in", () => {
  const text = [
    'Paciente: ANA LÚCIA PRADO   Sexo: Feminino   Idade: 52 anos',
    '[11/04/2025 20:05] Ana Prado: o ácido fólico deu 2,1 ng/mL e a ferritina deu 9 ng/mL, as referências dessas não saíram na foto',
    '[11/04/2025 20:06] Ana Prado: tá melhorzinha a hemoglobina 🙂 comparando com a de janeiro que deu 10,9',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ácido fólico', 2.1, 'ng/mL', 'indeterminado'],
    ['Ferritina', 9, 'ng/mL', 'indeterminado'],
  ]);
  // The typist's conversation about an earlier value is listed for a person, never read as a result.
  assert.deepEqual(r.unparsed_lines, [text.split('\n')[2]]);
});
