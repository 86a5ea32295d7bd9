// Corpus-property failures of held-out set 146 (a pre-chemotherapy blood count whose table headers end in an earlier
// sample's dated column; an occupational attachment's blood group naming both systems), one focused case each,
// rewritten with other names and values. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

test("a value after a column gap on a header ending in an earlier sample's date is read or listed", () => {
  const header = 'SÉRIE BRANCA                  Resultado     Unidade        Referência          Anterior 12/03/25   Creatinina 1,37 mg/dL';
  const text = [
    'HEMOGRAMA - Sangue total EDTA',
    '',
    header,
    'Leucócitos                    6.140         /mm³           4.000 a 10.000      5.870',
    'Linfócitos                    2.050         /mm³           1.000 a 3.500       1.990',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.ok(r.analytes.some((a) => a.value === 1.37) || r.unparsed_lines.includes(header), JSON.stringify(r.unparsed_lines));
});

test('a history line after a colon still holds earlier samples only', () => {
  const text = ['Creatinina ............ 0,91 mg/dL    0,60 a 1,10', 'Resultados anteriores:  14/01/2025: 0,88 mg/dL    02/09/2024: 0,93 mg/dL'].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value]),
    [['Creatinina', 0.91]],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a blood group labelled with both systems is listed when its result is lost', () => {
  const text = ['== IMUNO-HEMATOLOGIA ==', 'Tipagem ABO/Rh: AB negativo', '', 'Glicose  88 mg/dL  [70-99]'].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.ok(
    r.qualitative.some((a) => a.value === 'AB negativo'),
    JSON.stringify(r.qualitative),
  );
  assert.deepEqual(lostAnalytes(text).unlisted, []);
});

test('an interpretation note whose sentence wraps onto the next line is no result', () => {
  const text = [
    'Exame: Toxoplasmose, IgM - Amostra: Soro',
    'Resultado: Reagente',
    'Valor de referência: Não reagente',
    '',
    'Observações: resultados a critério médico.',
    'Toxoplasmose IgM reagente com avidez alta de IgG: sugere infecção adquirida',
    'há mais de quatro meses.',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    r.qualitative.map((a) => [a.name, a.value, a.line]),
    [['Toxoplasmose, IgM', 'Reagente', 1]],
  );
  assert.deepEqual(lostAnalytes(text).unlisted, []);
});

test('word results in side-by-side labelled cells: one lost leaves its line listed though its neighbour prints the same word', () => {
  const text = [
    'SOROLOGIAS (teste rápido)',
    'Anti-HBs ................ Não reagente (Não reagente)   VDRL ...................... Não reagente (Não reagente)',
    'Grupo sanguíneo ......... B negativo                    Coombs direto ............. Negativo (Negativo)',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.equal(r.qualitative.length, 4, JSON.stringify(r.qualitative));
  assert.deepEqual(r.unparsed_lines, []);
  assert.deepEqual(lostAnalytes(text).unlisted, []);
});
