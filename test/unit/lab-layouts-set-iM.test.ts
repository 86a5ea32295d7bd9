// Probes for set 148-150 causes fixed by the lead (rewritten with other names, numbers and labs): each failed on main
// before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

test('a portal table of tab-separated cells with lower and upper limit columns: each row is read against its own two limits', () => {
  const text = [
    'Hemograma',
    'Exame\tResultado\tMín\tMáx',
    'Eritrócitos\t5,81 milhões/mm³\t4,30\t5,70',
    'Hemoglobina\t13,2 g/dL\t13,5\t17,5',
    'Leucócitos\t7.240 /mm³\t4.000\t11.000',
    'Vitamina B12\t412 pg/mL\t200\t—',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', today: '2025-06-10' });
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [
      [5.81, 'alto'],
      [13.2, 'baixo'],
      [7240, 'normal'],
      [412, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('an appendix of references after the results, with a unit column and a column per sex, joins the results read before', () => {
  const text = [
    'Paciente: JOSÉ MOURA            Sexo: Masculino        Idade: 50 anos',
    ' Exame                      | Resultado',
    ' Hemoglobina                | 13,1 g/dL',
    ' Ureia                      | 52 mg/dL',
    ' TFG (CKD-EPI)              | 58 mL/min/1,73 m²',
    '',
    'ANEXO - VALORES DE REFERÊNCIA',
    ' Exame           | Unidade       | Feminino        | Masculino',
    ' Hemoglobina     | g/dL          | 12,0 a 15,5     | 13,5 a 17,5',
    ' Ureia           | mg/dL         | 15 a 45         | 15 a 45',
    ' TFG             | mL/min/1,73m² | superior a 60   | superior a 60',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-10' });
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [
      [13.1, 'baixo'],
      [52, 'alto'],
      [58, 'baixo'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a care team's remarks column is no part of the row, and a table row's name led by 'Urina:' keeps the sample", () => {
  const text = [
    'Sexo: masculino    Idade: 81 anos',
    '| Exame               | Resultado    | Referência        | Conduta da equipe                  |',
    '|---------------------|--------------|-------------------|------------------------------------|',
    '| Sódio               | 133 mEq/L    | 135 a 145         | restringir água a 1.200 mL/dia     |',
    '| Ferritina           | 14 ng/mL     | 30 a 400          | sulfato ferroso 40 mg 2x/dia       |',
    '| Urina: hemácias     | 12 p/campo   | até 3 p/campo     | repetir em 30 dias                 |',
    '| Urina: proteínas    | Positivo     | Negativo          | –                                  |',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-10' });
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag]),
    [
      ['Sódio', 133, 'baixo'],
      ['Ferritina', 14, 'baixo'],
      ['Urina hemácias', 12, 'alto'],
    ],
  );
  assert.deepEqual(
    r.qualitative.map((a) => [a.name, a.value, a.flag]),
    [['Urina proteínas', 'Positivo', 'alterado']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
