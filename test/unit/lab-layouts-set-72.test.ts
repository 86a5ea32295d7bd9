// The general causes behind the misses of held-out set 72, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountLines } from '../../src/labs/accounting.ts';
import { cleanLine } from '../../src/labs/lines.ts';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test("a portal's reference cell with clipped age bands ('6m a <2a:') picks the child's band", () => {
  const text = [
    'Paciente: L. F. A.\tIdade: 4 anos e 2 meses',
    '',
    'HEMOGRAMA',
    'Exame\tResultado\tUnidade\tReferência',
    'Plaquetas\t132.000\t/mm³\t6m a <2a: 150.000 a 500.000 | 2a a <6a: 150.000 a 450.000 | 6a a <12a: 140.000 a 440.000',
    'Linfócitos\t9.100\t/mm³\t6m a <2a: 3.000 a 9.500 | 2a a <6a: 2.000 a 8.000 | 6a a <12a: 1.500 a 6.500',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Plaquetas', 132000, '/mm³', 'baixo'],
    ['Linfócitos', 9100, '/mm³', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('under age-band columns, a line of ranges for each unit of a relative and absolute count ("%:", "/mm³:")', () => {
  const text = [
    'Paciente: DAVI ROCHA         Sexo: Masculino     Idade: 9 anos',
    'LEUCOGRAMA          Resultado            1 a 5 anos        6 a 11 anos      12 a 17 anos',
    'Segmentados            40 %       2.400 /mm³',
    '                               %:        20 a 55          35 a 65          40 a 70',
    '                               /mm³:  1.000 a 8.000    1.800 a 7.500     1.800 a 7.700',
    'PLAQUETAS           Resultado',
    'Plaquetas          96.000   /mm³          150.000 a 400.000 (todas as faixas)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Segmentados (%)', 40, '%', 'normal'],
    ['Segmentados', 2400, '/mm³', 'normal'],
    ['Plaquetas', 96000, '/mm³', 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a markdown table of age-band columns each led by "Ref." and one band for a sex', () => {
  const text = [
    '**Paciente:** Caio Lima  **Sexo:** Masculino  **Idade:** 7 anos',
    '| Exame | Resultado | Unidade | Ref. 1–5 anos | Ref. 6–11 anos | Ref. 12–17 anos (masc.) |',
    '|---|---|---|---|---|---|',
    '| Ferritina | 9 | ng/mL | 7 – 140 | 15 – 140 | 20 – 200 |',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Ferritina', 9, 'ng/mL', 'baixo']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('"Informações: pós-menopausa" picks the post-menopause range over the pre-menopause one', () => {
  const text = [
    'Cliente: ROSA MARIA KLEIN     Sexo: Feminino     Idade: 61 anos',
    'Informações: pós-menopausa há 9 anos, em reposição.',
    ' EXAME                       RESULTADO       VALORES DE REFERÊNCIA',
    ' OSTEOCALCINA (soro)',
    '                             31,0 ng/mL      Mulheres pré-menopausa: 11,0 a 28,0',
    '                                             Mulheres pós-menopausa: 14,0 a 46,0',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['OSTEOCALCINA (soro)', 31, 'ng/mL', 'normal']]);
});

test('a trimester\'s label alone at the end of the row, its range wrapped under it; "IG informada" gives the weeks', () => {
  const text = [
    'Paciente: CLARA BEATRIZ SOUZA          Sexo: Feminino     Idade: 33 anos',
    'Informação clínica: GESTANTE - IG informada: 30 semanas',
    ' Exame                              Resultado        Unidade     Valores de Referência',
    'T4 LIVRE',
    '  T4 livre                                 0,58    ng/dL       Gestantes 1º trimestre:',
    '                                                                    0,70 a 1,40',
    '                                                               2º trimestre: 0,60 a 1,20',
    '                                                               3º trimestre: 0,55 a 1,10',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['T4 livre', 0.58, 'ng/dL', 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a maternity LIS: cord blood labels a range; the newborn's blood group and Rh with 'RN' after the name", () => {
  const text = [
    'Paciente: RN DE ANA PAULA SILVA        Sexo: F',
    'Nasc.: 02/05/2025 08:00    Idade: 2d 6h (54 horas de vida)',
    'Coleta: 04/05/2025 14:00',
    'COD    EXAME                          RESULTADO   FL  UNIDADE   REFERENCIA',
    'GLI    GLICOSE                            38      L   mg/dL     Cordao: 45 a 96',
    '                                                                0 a 24 h: 40 a 90',
    '                                                                24 a 72 h: 50 a 90',
    'ABO    GRUPO SANGUINEO RN                    O',
    'RH     FATOR RH RN                    NEGATIVO',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Glicose', 38, 'mg/dL', 'baixo'],
    ['GRUPO SANGUINEO RN', 'O', null, 'indeterminado'],
    ['FATOR RH RN', 'NEGATIVO', null, 'indeterminado'],
  ]);
});

test('a sentence under a reference whose number is a bound after "acima de" is no result', () => {
  const text = [
    'FERRITINA                                               Quimioluminescência',
    'Resultado:     412  ng/mL  *        Homens: 30 a 400',
    '                                     Investigação de sobrecarga de ferro indicada',
    '                                     quando ferritina superior a 300 ng/mL.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.equal(
    brief(r).some(([name]) => /sobrecarga/i.test(name)),
    false,
  );
});

test("a urine's colour and aspect one space apart in the result column are one result", () => {
  const text = [
    'EXAME FISICO                RESULTADO            VALOR DE REFERENCIA',
    'Cor                         Amarelo citrino limpido',
    'Cor                         Amarela turva',
    'Densidade                   1.015                1.005 a 1.030',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.qualitative.map((q) => [q.name, q.value]),
    [
      ['Cor', 'Amarelo citrino limpido'],
      ['Cor', 'Amarela turva'],
    ],
  );
});

test('a LIS row of a code, a word-result name and a one-letter word is listed when the reader loses it', () => {
  const text = ['COD    EXAME                          RESULTADO   UNIDADE   REFERENCIA', 'TS     TIPO SANGUINEO DA MAE              B'].join('\n');
  const lines = text.split('\n').map((raw, index) => ({ index, raw, text: cleanLine(raw, index).text }));
  assert.deepEqual(accountLines(lines, [], []), ['TS     TIPO SANGUINEO DA MAE              B']);
});
