// The general causes behind the misses of held-out set 64, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => [
  ...r.analytes.map((a) => [a.name, a.value, a.unit, a.flag] as const),
  ...r.qualitative.map((a) => [a.name, a.value, null, a.flag] as const),
];

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
    'FERRITINA  Quimioluminescência',
    '                                  18 ng/mL        15 a 150',
    '                         Página 1/1 - Ficha 55.120.733',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['PROGESTERONA', 0.3, 'ng/mL', 'normal'],
    ['TESTOSTERONA TOTAL', 62, 'ng/dL', 'alto'],
    ['Ferritina', 18, 'ng/mL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
