// The general causes behind the misses of held-out set 78, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test("a phone's PDF copy with a row's cells glued together (name, value, unit, reference) is read cell by cell", () => {
  const text = [
    'LABORATÓRIO VALE DO SOL',
    'ExameResultadoUnidadeReferência',
    'Ureia52mg/dL15 a 45',
    'Segmentados58,0%3.190/mm³1.800 a 7.000',
    'Vitamina B12450pg/mL200 a 900',
    'Triglicerídeos180mg/dLDesejável: inferior a 150',
    'SEDIMENT0SCOPIA',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ureia', 52, 'mg/dL', 'alto'],
    ['Segmentados (%)', 58, '%', 'indeterminado'],
    ['Segmentados', 3190, '/mm³', 'normal'],
    ['Vitamina B12', 450, 'pg/mL', 'normal'],
    ['Triglicerídeos', 180, 'mg/dL', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a portal\'s reference field after a middle dot ("Negativo · Referência: Negativo") is the word result\'s reference', () => {
  const text = ['Urina tipo 1', 'Cetonas: Negativo · Referência: Negativo', 'Cor: Âmbar · VR: Amarelo citrino', 'Leveduras: Raras · Referência: Ausentes'].join(
    '\n',
  );
  assert.deepEqual(brief(parseLabReport(text)), [
    ['Cetonas', 'Negativo', null, 'normal'],
    ['Cor', 'Âmbar', null, 'alterado'],
    ['Leveduras', 'Raras', null, 'alterado'],
  ]);
});

test("OCR's 1 or l for an l or I in a urine exam's or an index's name outside the catalogue is read back", () => {
  const text = [
    'EAS',
    'Urobi1inogênio: Normal - VR: Normal',
    'Ci1indros hialinos: Ausentes - VR: Ausentes',
    '',
    '| Exame | Resultado | Unidade | Referência |',
    '|---|---|---|---|',
    '| HOMA-lR | 1,8 | — | até 2,7 |',
  ].join('\n');
  assert.deepEqual(brief(parseLabReport(text)), [
    ['HOMA-IR', 1.8, null, 'normal'],
    ['Urobilinogênio', 'Normal', null, 'normal'],
    ['Cilindros hialinos', 'Ausentes', null, 'normal'],
  ]);
});

test('one cell a line: the sex under its label picks the range, and a tier label over its bound is no result', () => {
  const text = [
    'Paciente:',
    'MARIA DA SILVA',
    'Sexo:',
    'Feminino',
    'Exame',
    'Resultado',
    'Unidade',
    'Valores de Referência',
    'Creatinina',
    '1,20',
    'mg/dL',
    'Homens: 0,70 a 1,30 mg/dL',
    'Mulheres: 0,50 a 1,00 mg/dL',
    'Colesterol total',
    '201',
    'mg/dL',
    'Desejável:',
    'inferior a 190 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Creatinina', 1.2, 'mg/dL', 'alto'],
    ['Colesterol total', 201, 'mg/dL', 'alto'],
  ]);
});

test("two reports of one patient pasted one after the other: the earlier one's results of the same analytes are previous results", () => {
  const text = [
    'LAB CENTRAL   Paciente: JOAO P.   Coleta: 03/09/2026',
    'Ferritina        35     ng/mL     30 a 400',
    'Ureia            40     mg/dL     15 a 45',
    '',
    'LAB CENTRAL   Paciente: JOAO P.   Coleta: 02/03/2026',
    'Ferritina        18     ng/mL     30 a 400',
    'TSH              2,1    µUI/mL    0,4 a 4,0',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ferritina', 35, 'ng/mL', 'normal'],
    ['Ureia', 40, 'mg/dL', 'normal'],
    ['TSH', 2.1, 'µUI/mL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("the header's labels glued to the field before them are administrative, and the sex among them is read", () => {
  const text = [
    'LAB BOA VISTA ANÁLISESCNES 1234567',
    'Paciente:ANA PAULA REISSexo:FemininoNasc.:02/02/1990Idade:36 anos',
    'Solicitante:Dr. Caio M. Leal CRM-SC 12.345Convênio:UnimedOS:77.410',
    'Ferritina20ng/mLHomens: 30 a 400; Mulheres: 13 a 150',
    'Assinatura: Dra. Rita P. Goes CRM-SC 23.456Página 1 de 1',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Ferritina', 20, 'ng/mL', 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});
