// The general causes behind the misses of held-out set 64, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test("a section's label in a cell of its own before results between bars names none of them", () => {
  const text = [
    'BOLETIM DA UTI   Data: 12/04/2025   Coleta: 06:00',
    'Leito 03 - JOSE CARLOS LIMA - M - 71 anos - Pront. 331.207',
    '',
    'GASOM.:   pH 7,31 (7,35-7,45) | pCO2 52 mmHg (35-45) | Bicarbonato 27 mmol/L (22-26)',
    'HEPAT.:  TGO 88 U/L (5-40) | TGP 31 U/L (7-56)',
    'COAG.:   TP 14,1 s | INR 1,10 (0,90-1,20)',
    'IDENT.:  Leito 03 | Pront. 331.207 | CRM-RO 4411',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['pH', 7.31, null, 'baixo'],
    ['pCO2', 52, 'mmHg', 'alto'],
    ['Bicarbonato', 27, 'mmol/L', 'alto'],
    ['TGO (AST)', 88, 'U/L', 'alto'],
    ['TGP (ALT)', 31, 'U/L', 'normal'],
    ['TP', 14.1, 's', 'indeterminado'],
    ['INR', 1.1, null, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a urine exam's two sections side by side: each labelled result starts a piece of the line", () => {
  const text = [
    'Paciente: ANA LUIZA   Sexo: Feminino   Idade: 40 anos',
    'URINA TIPO I - EAS',
    '  EXAME FÍSICO                              EXAME QUÍMICO',
    '  Cor ..........: Amarela        (Amarelo citrino)     Bilirrubina ..: Negativo    (Negativo)',
    '  Densidade ....: 1.034          (1.005 a 1.030)       Leucócitos ...: Positivo (+) (Negativo)',
    '  pH ...........: 6,0            (5,0 a 7,0)           Urobilinogênio: Normal      (Normal)',
    '  Coleta .......: 02/05/2025     Protocolo: 778812',
    'Médico: Dr. Paulo Souza   CRM: 12345   Protocolo: 778812',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Densidade', 1.034, null, 'alto'],
    ['pH', 6, null, 'normal'],
    ['Cor', 'Amarela', null, 'alterado'],
    ['Bilirrubina', 'Negativo', null, 'normal'],
    ['Leucócitos', 'Positivo (+)', null, 'alterado'],
    ['Urobilinogênio', 'Normal', null, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("the method alone in the name cell under a title is no name: the value beside it is the title's", () => {
  const text = [
    'Paciente: Rosa Maria Klein              Ficha: 55.120.733',
    'Data de Nascimento: 02/05/1970    Idade: 55a 3m    Sexo: F',
    'Exame                     Resultado           Valores de Referência',
    'PROGESTERONA',
    '  Eletroquimioluminescência      0,3 ng/mL        0,1 a 0,8',
    'TESTOSTERONA TOTAL',
    '  Quimioluminescência           62 ng/dL          8 a 48',
    'TSH',
    '  Eletroquimioluminescência (ECLIA)     5,1 µUI/mL     0,27 a 4,20',
    'FERRITINA  Quimioluminescência',
    '                                  18 ng/mL        15 a 150',
    '                         Página 1/1 - Ficha 55.120.733',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['PROGESTERONA', 0.3, 'ng/mL', 'normal'],
    ['TESTOSTERONA TOTAL', 62, 'ng/dL', 'alto'],
    ['TSH', 5.1, 'µUI/mL', 'alto'],
    ['Ferritina', 18, 'ng/mL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('age-band reference columns between bars go on under a section title and a line of count units', () => {
  const text = [
    'Nome.......: LUCAS GABRIEL ROCHA',
    'Idade......: 5 anos          Sexo: Masculino',
    'Pedido.....: 220.315         Coleta: 03/03/2025',
    '',
    '                                     VALORES DE REFERÊNCIA POR IDADE',
    'SÉRIE VERMELHA     RESULTADO        1 a 2 anos    | 2 a 6 anos    | 6 a 12 anos',
    'Hemoglobina        10,9 g/dL         10,5 a 13,5   | 11,5 a 13,5   | 11,5 a 15,5',
    '',
    'SÉRIE BRANCA',
    'Leucócitos         7.300 /mm³        6.000 a 17.500| 5.500 a 15.500 | 4.500 a 13.500',
    '                       %     /mm³',
    'Neutrófilos           61    4.453       1.000 a 8.500 | 1.500 a 8.500  | 1.800 a 8.000',
    'Basófilos              3      219          0 a 100    |     0 a 100    |     0 a 100',
    '',
    'FERRITINA',
    'Ferritina ...........: 30 ng/mL',
    '   Valor de referência: 7 a 140 ng/mL',
    'Liberado em 04/03/2025 por Dr. Caio Nunes - CRBM-2 4411',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 10.9, 'g/dL', 'baixo'],
    ['Leucócitos', 7300, '/mm³', 'normal'],
    ['Neutrófilos (%)', 61, '%', 'indeterminado'],
    ['Neutrófilos', 4453, '/mm³', 'normal'],
    ['Basófilos (%)', 3, '%', 'indeterminado'],
    ['Basófilos', 219, '/mm³', 'alto'],
    ['Ferritina', 30, 'ng/mL', 'normal'],
  ]);
  assert.equal(r.analytes[1]!.reference_low, 5500);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a newborn's references by hours of life, abbreviated 'h', are age bands", () => {
  const text = [
    'Paciente: RN DE ANA PAULA SOUZA        Prontuário: 0081234',
    'Sexo: Feminino     Idade: 36 h de vida',
    'Coleta: 12/04/2025 07:15     Liberação: 12/04/2025 10:02',
    'Glicose                       38         mg/dL          RN 0 a 24 h: 30 a 60',
    '                                                        RN 24 a 72 h: 45 a 90',
    '                                                        RN 3 a 7 dias: 50 a 100',
    'Obs.: resultado comunicado ao setor às 09:48 (Enf. Maria S.)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Glicose', 38, 'mg/dL', 'baixo']]);
  assert.equal(r.analytes[0]!.reference_low, 45);
  assert.deepEqual(r.unparsed_lines, []);
});
