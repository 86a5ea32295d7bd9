// The general causes behind the misses of held-out set 152 (occupational exposure, chemotherapy release,
// stimulation test, CSF): the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

const named = (r: LabParseResult, name: string) => brief(r).find((b) => b[0] === name);

test('an exposure table with a second limit column (the legal limit after the normal range) reads the first range', () => {
  const text = [
    'Trabalhador: JOAO RIBEIRO   Sexo: M   Nascimento: 10/02/1979',
    'PARÂMETRO                       RESULTADO    UNIDADE          VR (não expostos)  IBMP (NR-7)',
    'Mercúrio urinário               41,5         µg/g creat.      até 10             35',
    'Fenol urinário                  12           mg/g creat.      até 20             250',
    'Creatinina urinária             0,95         g/L              0,3 a 3,0',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(named(r, 'Mercúrio urinário')?.slice(1), [41.5, 'µg/g creatinina', 'alto']);
  assert.deepEqual(named(r, 'Fenol urinário')?.slice(1), [12, 'mg/g creatinina', 'normal']);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a marker history with the reference column before the dated columns reads the current date and its range', () => {
  const text = [
    'Paciente: MARIA LOPES   Sexo: F   Idade: 61 anos',
    'Coleta: 12/04/2025',
    'MARCADORES TUMORAIS - evolução',
    '  Marcador     Ref.                     12/04/2025   10/01/2025   Var. última',
    '  CA 125       até 35 U/mL               48 ↑         30           +60 %',
    '  CA 15-3      até 25 U/mL               14           15           -7 %',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(named(r, 'CA 125')?.slice(1), [48, 'U/mL', 'alto']);
  assert.deepEqual(named(r, 'CA 15-3')?.slice(1), [14, 'U/mL', 'normal']);
  assert.equal(brief(r).length, 2);
});

test("a range led by the patient's group ('Feminino 12 anos:', 'Pré-púbere:') is the row's range, not a result", () => {
  const text = [
    'PACIENTE: LARA SOUZA   SEXO: FEMININO   NASCIMENTO: 02/03/2013',
    ' EXAME                 RESULTADO        VALOR DE REFERÊNCIA',
    ' IGF-1                   210 ng/mL      Feminino 12 anos: 110 a 520 ng/mL',
    ' FSH                     < 0,20 UI/L    Pré-púbere: inferior a 0,50 UI/L',
    ' TSH                     1,80 µUI/mL    0,51 a 4,30 µUI/mL',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map((b) => [b[0], b[1], b[3]]),
    [
      ['IGF-1', 210, 'normal'],
      ['FSH', 0.2, 'normal'],
      ['TSH', 1.8, 'normal'],
    ],
  );
});

test('observation rows under a stimulation test with the times as columns are not results', () => {
  const text = [
    'Paciente: PEDRO ALVES   Sexo: M   Idade: 11 anos',
    '---------------------------------------------------------------',
    ' Tempo                      0 min     30 min     60 min     90 min',
    ' GH (ng/mL)                  0,40       2,10       6,30       3,00',
    '---------------------------------------------------------------',
    ' Pressão arterial (mmHg)    102/64     96/60      90/56      98/62',
    ' Náusea                     ausente    moderada   leve       ausente',
    '---------------------------------------------------------------',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map((b) => [b[0], b[1]]),
    [
      ['0 min', 0.4],
      ['30 min', 2.1],
      ['60 min', 6.3],
      ['90 min', 3],
    ],
  );
});

test('a descriptive smear finding after a dot leader is read without a range', () => {
  const text = [
    'Paciente: JOSE SILVA   Sexo: M   Idade: 40 anos',
    'MICROBIOLOGIA',
    '  Bacterioscopia (Gram) .... Não foram observados microrganismos.',
    '  Pesquisa de fungos ....... Negativa.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(named(r, 'Bacterioscopia (Gram)')?.slice(1), ['Não foram observados microrganismos', null, 'indeterminado']);
  assert.deepEqual(named(r, 'Pesquisa de fungos')?.[1], 'Negativa');
  assert.deepEqual(r.unparsed_lines, []);
});

test('under an alert column, a number after a line that is no range (an address) is no threshold: it is read or listed', () => {
  const address = 'Rua das Acácias, 120 - Centro - CEP 74000-100 - (62) 3201-4455   52,7';
  const text = [
    'EXAME                    RESULTADO   ALERTA  UNIDADE         INTERVALO DE REFERÊNCIA',
    'Sódio                    139                 mmol/L          136 a 145',
    address,
  ].join('\n');
  const r = parseLabReport(text);
  assert.ok(r.analytes.some((a) => a.value === 52.7) || r.unparsed_lines.includes(address), JSON.stringify(r.unparsed_lines));
});
