// The general causes behind misses of held-out sets 139 and 140 (helper hE), one focused case each: the
// parser on the few lines that show each layout, written apart from the held-out reports. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test("age-band columns with the patient's column marked between chevrons: each range takes its band", () => {
  const text = [
    'Paciente: RN DE JOANA PEREIRA   Sexo: Feminino   Nasc.: 02/04/2025   Coleta: 10/04/2025 07:10',
    '',
    'EXAME            RESULTADO   UNIDADE    1 a 7 dias      >> 8 a 30 dias <<   1 a 6 meses',
    'Hemoglobina      11,2        g/dL       15,0 a 23,0     12,5 a 20,5         9,0 a 14,0',
    'Leucócitos       25.400      /mm³       9.000 a 30.000  5.000 a 20.000      6.000 a 17.500',
    'Potássio         6,1         mmol/L     3,5 a 6,2       3,9 a 5,9           4,0 a 5,6',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 11.2, 'baixo'],
    ['Leucócitos', 25400, 'alto'],
    ['Potássio', 6.1, 'alto'],
  ]);
});

test('reference columns by sex for adults and by age below: a teenager takes the age column', () => {
  const text = [
    'PACIENTE: CAIO RIBEIRO   SEXO: MASCULINO   DATA NASC.: 03/02/2011   COLETA: 20/05/2025',
    '',
    'SÉRIE VERMELHA     RESULTADO     Homens ≥ 18a     Mulheres ≥ 18a     10 a 17 anos',
    'Hemoglobina (g/dL) 12,8          13,5 a 17,5      12,0 a 15,5        12,5 a 16,1',
    'VCM (fL)           77,5          80,0 a 100,0     80,0 a 100,0       76,0 a 94,0',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 12.8, 'normal'],
    ['VCM', 77.5, 'normal'],
  ]);
});

test("a lipid panel's paediatric and adult goal columns: the child's, a cell with its own band and a words cell kept", () => {
  const text = [
    'Paciente: BEATRIZ LOPES   Sexo: Feminino   Nascimento: 11/08/2013   Coleta: 14/05/2025',
    '',
    'LIPIDOGRAMA',
    '                          RESULTADO     REFERÊNCIA              REFERÊNCIA',
    '                                        2 a 19 anos (ótimo)     Adultos (desejável)',
    '  HDL-colesterol          47 mg/dL      > 45 mg/dL              > 40 mg/dL',
    '  Triglicerídeos          82 mg/dL      10 a 19 anos: < 90 mg/dL  < 150 mg/dL',
    '  LDL-colesterol          118 mg/dL     < 110 mg/dL             conforme risco cardiovascular',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['HDL-colesterol', 47, 'normal'],
    ['Triglicerídeos', 82, 'normal'],
    ['LDL-colesterol', 118, 'alto'],
  ]);
});

test('cycle phases set apart by bars over a reference row set apart by bars: a stated menopause picks its column', () => {
  const text = [
    'Nome: LÚCIA PRADO   Sexo: Feminino   Idade: 57 anos',
    'Status hormonal: pós-menopausa',
    '',
    'LH',
    'Resultado: 3,9 mUI/mL',
    '            Folicular | Meio do ciclo | Lútea | Pós-menopausa',
    'Referência: 1,9 a 12,5 | 8,7 a 76,3   | 0,5 a 16,9 | 15,9 a 54,0',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [['LH', 3.9, 'baixo']]);
  assert.ok(!r.unparsed_lines.some((l) => l.startsWith('Referência')));
});

test("a vertical export's unit field in brackets or saying there is none leaves the reference to the value", () => {
  const text = [
    'Paciente.....: ODAIR MENDES',
    'Sexo.........: Masculino',
    'Idade........: 61 anos',
    '',
    'Exame........: ÍNDICE HOMA-BETA',
    'Resultado....: 310',
    'Unidade......: (adimensional)',
    'Referência...: 167 a 175',
    '----------------------------',
    'Exame........: FERRITINA',
    'Resultado....: 512',
    'Unidade......: (ng/mL)',
    'Referência...: 30 a 400',
    '----------------------------',
    'Quantidade de exames no relatório: 2',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['ÍNDICE HOMA-BETA', 310, 'alto'],
    ['Ferritina', 512, 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, ['Quantidade de exames no relatório: 2']);
});

test("the sample's fasting said in a record's note picks the fasting range", () => {
  const text = [
    'Paciente.....: ODAIR MENDES',
    'Sexo.........: Masculino',
    'Idade........: 61 anos',
    '',
    'Exame........: TRIGLICERÍDEOS',
    'Resultado....: 162',
    'Unidade......: mg/dL',
    'Referência...: Com jejum: inferior a 150 / Sem jejum: inferior a 175',
    'Observação...: Amostra coletada com 10 horas de jejum.',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [['Triglicerídeos', 162, 'alto']]);
});

test('a goals table headed by its goals, one column per analyte, under results in blocks: between goals', () => {
  const text = [
    'Paciente: HELENA BRAGA   Sexo: Feminino   Idade: 47 anos',
    '',
    'LDL COLESTEROL',
    'Resultado: 96 mg/dL',
    'COLESTEROL NÃO-HDL',
    'Resultado: 121 mg/dL',
    'Metas terapêuticas      LDL      Não-HDL',
    'Baixo risco             < 130    < 160',
    'Médio risco             < 100    < 130',
    'Alto risco              < 70     < 100',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['LDL-colesterol', 96, 'indeterminado'],
    ['Colesterol não-HDL', 121, 'indeterminado'],
  ]);
});

test('the strength of a positive agglutination under its word result is no result, and its line is listed', () => {
  const text = [
    'Paciente: RN DE ANA SOUZA   Sexo: Masculino   Idade: 3 dias',
    '',
    'EXAME                 RESULTADO    REFERÊNCIA',
    'Coombs direto         Positivo     Negativo',
    '   Intensidade: 3+ (gel-teste)',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [['Coombs direto', 'Positivo', 'alterado']]);
  assert.deepEqual(r.unparsed_lines, ['Intensidade: 3+ (gel-teste)']);
});
