// A vision model's transcription as LaTeX tables (tabular with '&' cells, '\\' row ends, rules, bold values,
// math-mode units, escaped percent, '\newline' inside a cell); an antibiogram listed as bullets with dot leaders
// and S/**R** letters; a sediment's "até N por campo" reference. Rewritten examples with other names and values
// than the held-out reports. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test('a LaTeX tabular is read row by row: cells at "&", bold values, math-mode units, "\\%", a "\\newline" between ranges', () => {
  const text = [
    'Pronto! Coloquei o laudo em LaTeX para você colar no Overleaf.',
    '',
    'Paciente: Marta Quintela    Sexo: Feminino    Idade: 51 anos',
    '',
    '\\begin{table}[h]',
    '\\centering',
    '\\begin{tabular}{@{}llll@{}}',
    '\\toprule',
    '\\multicolumn{4}{c}{\\textbf{BIOQUÍMICA}} \\\\',
    '\\midrule',
    '\\textbf{Exame} & \\textbf{Resultado} & \\textbf{Unidade} & \\textbf{Referência} \\\\',
    '\\midrule',
    'Glicose & \\textbf{131} & mg/dL & 70 a 99 \\\\',
    'Hemoglobina glicada & \\textbf{7,2} & \\% & $< 5,7$ \\\\',
    'Creatinina & 0,82 & mg/dL & Homens: 0,70 a 1,20 \\newline Mulheres: 0,50 a 0,90 \\\\',
    'Potássio & 4,1 & $mEq/L$ &',
    '  3,5 a 5,1 \\\\',
    'TGO & 22 & U/L & $\\leq 32$ \\\\ \\hline',
    '\\bottomrule',
    '\\end{tabular}',
    '\\end{table}',
    '',
    '\\vspace{3mm}',
    '',
    '\\begin{tabular}{|l|r|l|l|}',
    '\\hline',
    'Leucócitos & 5.420 & $/\\mu L$ & 4.000 a 10.000 \\\\',
    'Plaquetas & \\textbf{138.000} & $/mm^3$ & 150.000 a 400.000 \\\\',
    '\\hline',
    '\\end{tabular}',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Glicose', 131, 'alto'],
    ['Hemoglobina glicada (HbA1c)', 7.2, 'alto'],
    ['Creatinina', 0.82, 'normal'],
    ['Potássio', 4.1, 'normal'],
    ['TGO (AST)', 22, 'normal'],
    ['Leucócitos', 5420, 'normal'],
    ['Plaquetas', 138000, 'baixo'],
  ]);
  assert.equal(r.analytes.find((a) => a.name === 'Hemoglobina glicada (HbA1c)')?.unit, '%');
  assert.deepEqual(
    r.unparsed_lines.filter((l) => /&|\\\\/.test(l)),
    [],
    'no tabular row is left unread',
  );
});

test('a LaTeX leukogram with % and absolute columns and two references reads both values of each row', () => {
  const text = [
    'Sexo: Masculino   Idade: 40 anos',
    '\\begin{tabular}{lrrll}',
    '\\hline',
    'Leucograma & \\% & $/\\mu L$ & Ref. (\\%) & Ref. ($/\\mu L$) \\\\',
    '\\hline',
    'Leucócitos & -- & 8.200 & -- & 4.000 a 11.000 \\\\',
    'Neutrófilos & 66 & 5.412 & 40 a 75 & 1.800 a 7.500 \\\\',
    'Linfócitos & 24 & 1.968 & 20 a 45 & 1.000 a 4.500 \\\\',
    '\\hline',
    '\\end{tabular}',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Leucócitos', 8200, 'normal'],
    ['Neutrófilos (%)', 66, 'normal'],
    ['Neutrófilos', 5412, 'normal'],
    ['Linfócitos (%)', 24, 'normal'],
    ['Linfócitos', 1968, 'normal'],
  ]);
});

test('an antibiogram listed as bullets with dot leaders or colons and a lone S / R letter (bold or not) reads each row', () => {
  const text = [
    '**Cultura de urina**',
    '- **Contagem de colônias:** superior a 100.000 UFC/mL',
    '',
    '**Antibiograma (difusão em disco)**',
    '- Ceftriaxona ..................... S',
    '- Levofloxacino ................... **R**',
    '- Amicacina: S',
    '- Trimetoprima .................... **R**',
    '',
    'Legenda: S = Sensível · I = Intermediário · R = Resistente',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    r.qualitative.map((q) => [q.name, q.value]),
    [
      ['Ceftriaxona', 'S'],
      ['Levofloxacino', 'R'],
      ['Amicacina', 'S'],
      ['Trimetoprima', 'R'],
    ],
  );
  assert.deepEqual(
    r.unparsed_lines.filter((l) => /\.{5}|Amicacina/.test(l)),
    [],
  );
});

test('a lone letter after a colon outside an antibiogram is no interpretation', () => {
  const r = parseLabReport(['Hemograma', 'Classe: S', 'Hemoglobina: 13,1 g/dL (12,0 a 16,0)'].join('\n'), { today: '2025-06-01' });
  assert.equal(
    r.qualitative.some((q) => q.name === 'Classe'),
    false,
  );
});

test('a sediment count per field abbreviated "p/c" is flagged against "até N por campo"', () => {
  const text = ['**Sedimentoscopia**', '- **Leucócitos:** **22 p/c** *(ref.: até 5 por campo)*', '- **Hemácias:** 2 p/c *(ref.: até 3 por campo)*'].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Leucócitos', 22, 'alto'],
    ['Hemácias', 2, 'normal'],
  ]);
});

test("a results app's cards copied with Live Text: verdict '… do esperado', gauge words and a goals chip keep the reference with the value", () => {
  const text = [
    '09:41',
    '‹ Resultados',
    'BIOQUÍMICA',
    'Potássio',
    '5,6 mEq/L',
    'Acima do esperado',
    'Baixo Normal Alto',
    'Referência: 3,5 a 5,1 mEq/L',
    'Ver evolução ›',
    'Creatinina',
    '0,92 mg/dL',
    'Dentro do esperado',
    'Referência: Homens: 0,70 a 1,20 | Mulheres: 0,50 a 0,90',
    'Colesterol LDL',
    '112 mg/dL',
    'Meta conforme seu risco',
    'Referência: Baixo risco: menor que 130 | Risco intermediário: menor que 100 | Alto risco: menor que 70',
    'Sódio',
    '139 mEq/L',
    'Dentro do esperado',
    'Referência: 136 a 145 mEq/L',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01', sex: 'F', birthDate: '1969-03-02' });
  assert.deepEqual(brief(r), [
    ['Potássio', 5.6, 'alto'],
    ['Creatinina', 0.92, 'alto'],
    ['LDL-colesterol', 112, 'indeterminado'],
    ['Sódio', 139, 'normal'],
  ]);
  assert.deepEqual(
    r.unparsed_lines.filter((l) => /Referência/.test(l)),
    [],
  );
});
