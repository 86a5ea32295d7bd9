// Causes found by the clean-clone CI rehearsal of 2026-12-06 (the corpus's administrative-line check on h1934): the
// parser on the few lines that show each. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test('a daily dose glued into one unit on a line that speaks of the dose is no result, nor a line unread (h1934)', () => {
  const text = [
    'Paciente: ANTÔNIO CARLOS SILVA     Sexo: Masculino     Idade: 41 anos',
    'Informação da coleta: Carbonato de lítio 900 mg/dia. Última dose: 12/10/2025 às 20h00 (12 horas antes da coleta).',
    'Lítio   1,34 mEq/L   Faixa terapêutica: 0,60 a 1,20 mEq/L',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Lítio', 1.34, 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a mass a day with no dose on its line is still read or listed, never dropped', () => {
  const text = ['Proteínas totais (urina de 24 horas)   180 mg/dia   VR: inferior a 150 mg/24 horas', 'Volume urinário   1.450 mL'].join('\n');
  const r = parseLabReport(text);
  const seen = [...r.analytes.map((a) => a.value), ...r.unparsed_lines.flatMap((u) => (u.includes('180') ? [180] : []))];
  assert.ok(seen.includes(180), JSON.stringify({ rows: brief(r), unparsed: r.unparsed_lines }));
});

test("a bed named by its ward's words with a dash, its number last, is no line unread; a value a column away still counts (h1950)", () => {
  const header = 'Nasc.: 27/05/2016  Idade: 9a 3m  Sexo: Masculino    Leito: EMERG PED - OBS 06';
  const result = 'Glicose   95 mg/dL   VR: 70 a 99';
  assert.deepEqual(parseLabReport([header, result].join('\n')).unparsed_lines, []);
  const r = parseLabReport(['Leito: UTI PED   Lactato 4,8 mmol/L', result].join('\n'));
  const seen = [...r.analytes.map((a) => a.value), ...r.unparsed_lines.flatMap((u) => (u.includes('4,8') ? [4.8] : []))];
  assert.ok(seen.includes(4.8), JSON.stringify({ rows: brief(r), unparsed: r.unparsed_lines }));
});

test("a portal card's dated history, an accreditation's standard, a report's number and a dose change are no lines unread (h1956, h1976, h1978, h1981, h1992)", () => {
  const result = 'Creatinina   1,71 mg/dL   VR: 0,70 a 1,30 mg/dL';
  for (const line of [
    'Histórico: 12/03/2025 — 1,62 mg/dL | 08/10/2024 — 1,48 mg/dL',
    'Histórico ⓘ   14/04/2025: 1,6 %   09/10/2024: 1,2 %',
    'CNES 9127480  |  Acreditação ISO/IEC 17025',
    'Página 1 de 1        Sistema SOC - relatório 71',
    'Seu Valdir, o doutor pediu para reduzir a ciclosporina da noite para 50 a partir de hoje',
  ]) {
    const r = parseLabReport([result, line].join('\n'));
    assert.deepEqual(brief(r), [['Creatinina', 1.71, 'alto']], line);
    assert.deepEqual(r.unparsed_lines, [], line);
  }
});
