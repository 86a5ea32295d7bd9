// Probes for held-out sets 142 and 143 (helper hN), rewritten with other names, values and labs: each
// failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test("a differential's header naming the one age band its references are for ('Ref. 2 a 6 meses (% | /mm³)'): both counts read, each with its range", () => {
  const text = [
    'HOSPITAL INFANTIL DO PLANALTO - LABORATÓRIO',
    'Paciente: LUCAS MOREIRA TAVARES        Sexo: Masculino        Idade: 4 meses',
    'Coleta: 12/05/2025',
    '',
    'LEUCOGRAMA',
    'Leucócitos        9.800 /mm³     6.000 a 17.500',
    '',
    'Contagem          %     /mm³     Ref. 2 a 6 meses (% | /mm³)',
    'Neutrófilos       52     5.096   20 a 45 | 1.000 a 8.500',
    'Linfócitos        38     3.724   40 a 70 | 4.000 a 13.500',
    'Monócitos          8       784    2 a 10 | 200 a 1.200',
    'Eosinófilos        2       196    0 a 5  | 0 a 700',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Leucócitos', 9800, 'normal'],
    ['Neutrófilos (%)', 52, 'alto'],
    ['Neutrófilos', 5096, 'normal'],
    ['Linfócitos (%)', 38, 'baixo'],
    ['Linfócitos', 3724, 'baixo'],
    ['Monócitos (%)', 8, 'normal'],
    ['Monócitos', 784, 'normal'],
    ['Eosinófilos (%)', 2, 'normal'],
    ['Eosinófilos', 196, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a newborn's blood group after a dot leader, the system in brackets and whose sample after them ('(ABO) do RN'): a word result", () => {
  const text = [
    'MATERNIDADE SÃO LUCAS - IMUNO-HEMATOLOGIA',
    'Paciente: RN DE CARLA DUARTE        Sexo: Feminino        Nascimento: 10/04/2025',
    'Coleta: 11/04/2025',
    '',
    'Tipagem sanguínea (ABO) do RN ....... AB',
    'Fator Rh (D) do RN .................. Negativo',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    r.qualitative.map((a) => [a.name, a.value]),
    [
      ['Tipagem sanguínea (ABO) do RN', 'AB'],
      ['Fator Rh (D) do RN', 'Negativo'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a newborn's bands by hours of life ('RN < 24 h', 'RN > 24 h') beside a child's: a baby of days takes the newborn's range past 24 h", () => {
  const text = [
    'MATERNIDADE SÃO LUCAS - BIOQUÍMICA',
    'Paciente: RN DE CARLA DUARTE        Sexo: Feminino        Nascimento: 10/04/2025 06:00',
    'Coleta: 13/04/2025 08:00',
    '',
    'Magnésio ........ 1,6 mg/dL      Ref.: RN < 24 h: 1,2 a 2,0 | RN > 24 h: 1,7 a 2,4 | Criança: 1,6 a 2,6',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [['Magnésio', 1.6, 'baixo']]);
});

test("men's and women's reference columns named on the header's second line ('VALORES DE REFERÊNCIA' over 'HOMENS   MULHERES'): the patient's sex picks the column", () => {
  const text = [
    'LABORATÓRIO VALE DO PARAÍBA',
    'PACIENTE : MARIA HELENA COSTA          IDADE : 39 A          SEXO : FEMININO',
    '',
    '                         RESULTADO         VALORES DE REFERÊNCIA',
    '                                           HOMENS               MULHERES',
    'HEMOGLOBINA........:     12,6 g/dL         13,5 a 17,5          12,0 a 15,5',
    'HEMATÓCRITO........:     47,2 %            41,0 a 53,0          36,0 a 46,0',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 12.6, 'normal'],
    ['Hematócrito', 47.2, 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("men's and women's reference columns over rows with a dot leader: each range goes to the column it is printed under", () => {
  const text = [
    'LABORATÓRIO VALE DO PARAÍBA',
    'PACIENTE : JOSÉ CARLOS PINTO          IDADE : 51 A          SEXO : MASCULINO',
    '',
    '                         RESULTADO         HOMENS               MULHERES',
    'UREIA..............:     41 mg/dL          17 a 49              15 a 40',
    'CREATININA.........:     1,24 mg/dL        0,70 a 1,30          0,50 a 1,00',
    'FERRITINA..........:     26 ng/mL          30 a 400             13 a 150',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Ureia', 41, 'normal'],
    ['Creatinina', 1.24, 'normal'],
    ['Ferritina', 26, 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
