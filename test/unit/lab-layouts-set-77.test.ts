// The general causes behind the misses of held-out set 77, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('a genotype word after "Resultado:" with its reference in a cell after it ("Referência: Não detectada")', () => {
  const text = [
    'Paciente: ROBERTO SALES     Sexo: Masculino     Idade: 40 anos',
    '',
    '  MUTAÇÃO MTHFR (C677T)',
    '  Material: Sangue total EDTA    Método: PCR em tempo real',
    '     Resultado: HOMOZIGOTO                              Referência: Não detectada',
    '  PESQUISA DE JAK2 (V617F)',
    '  Método: PCR',
    '     Resultado: NÃO DETECTADA                           Referência: Não detectada',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['MUTAÇÃO MTHFR (C677T)', 'HOMOZIGOTO', null, 'alterado'],
    ['PESQUISA DE JAK2 (V617F)', 'NÃO DETECTADA', null, 'normal'],
  ]);
});

test('a ratio named only as one under a block title ("Relação ....", "Triagem - relação normalizada") takes the title', () => {
  const text = [
    'Paciente: ROBERTO SALES     Sexo: Masculino     Idade: 40 anos',
    '',
    '  COFATOR DE RISTOCETINA',
    '  Método: Agregação plaquetária',
    '     Relação ....................    0,84                 superior a 0,50',
    '',
    '  TEMPO DE VENENO DE VÍBORA (dRVVT)',
    '  Método: Coagulométrico',
    '     Triagem - relação normalizada ..   1,32               até 1,20',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [
      ['COFATOR DE RISTOCETINA', 0.84, 'normal'],
      ['TEMPO DE VENENO DE VÍBORA (dRVVT)', 1.32, 'alto'],
    ],
  );
});

test("tab-separated allergen rows with a code ('f4 - Trigo') and a class column pushed right by a long name", () => {
  const text = [
    'Paciente: Ana Souza\tSexo: Feminino\tIdade: 30 anos',
    'IgE ESPECÍFICA - PAINEL ALIMENTOS',
    'Unidade: kUA/L\tReferência: inferior a 0,10 kUA/L',
    'Alérgeno\tResultado (kUA/L)\tClasse',
    'f4 - Trigo\t0,72\t2',
    'f13 - Amendoim (Arachis hypogaea, semente torrada)\t5,10\t3',
    'm6 - Alternaria alternata\t0,04\t0',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['f4 - Trigo', 0.72, 'kUA/L', 'alto'],
    ['f13 - Amendoim (Arachis hypogaea, semente torrada)', 5.1, 'kUA/L', 'alto'],
    ['m6 - Alternaria alternata', 0.04, 'kUA/L', 'normal'],
  ]);
});

test("a phone PDF's row broken in its range at the line's end, one space between cells, and a method cell last", () => {
  const text = [
    'Paciente: JOSÉ LIMA Sexo: Masculino Idade: 52 anos',
    'BIOQUÍMICA Resultado Referência',
    'Albumina 2,9 g/dL 3,5 a',
    '5,2',
    'Transferrina 180 mg/dL Homens: 215 a',
    '365 Mulheres: 250 a 380',
    'Ceruloplasmina 14 mg/dL 20 a 60 Método: Nefelometria',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Albumina', 2.9, 'g/dL', 'baixo'],
    ['Transferrina', 180, 'mg/dL', 'baixo'],
    ['Ceruloplasmina', 14, 'mg/dL', 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a mass spectrometry method alone on its line under "Método:" (one field a line) names no result', () => {
  const text = [
    'Paciente:',
    'CARLA DIAS',
    'Sexo:',
    'Feminino',
    'ESTRADIOL ULTRASSENSÍVEL',
    'Material:',
    'Soro',
    'Método:',
    'LC-MS/MS',
    'Resultado:',
    '41 pg/mL',
    'Valor de referência:',
    '12 a 166 pg/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['ESTRADIOL ULTRASSENSÍVEL', 41, 'pg/mL', 'normal']]);
});
