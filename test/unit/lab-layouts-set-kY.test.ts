// Set 180's administrative lines the corpus test found listed unread once its fixes read the results beside them: a
// portal card's verdict after its release stamp, a Portuguese patient's SNS number and a doctor's licence. One
// focused case each, a result beside it still read; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

const read = (lines: string[]) => parseLabReport(lines.join('\n'), { today: '2025-06-01' });

test("a portal card's verdict after its release stamp is the portal's summary, not an unread word (h1776)", () => {
  const r = read([
    '▾ HEMOGRAMA\tLiberado em 12/03/2025 08:02\tAlterado',
    'Parâmetro\tResultado\tUnidade\tReferência',
    'Hemoglobina\t11,2\tg/dL\t12,0 a 16,0',
    'Ver evolução',
    '',
    '▾ UREIA\tLiberado em 12/03/2025 09:15\tNormal',
    'Resultado\t32\tmg/dL',
    'Referência: 15 a 45 mg/dL',
    'Ver evolução',
  ]);
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 11.2, 'baixo'],
    ['Ureia', 32, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a Portuguese patient's SNS number and the doctor's licence are identifiers (h1779)", () => {
  const r = read([
    'Utente: Maria do Carmo Teixeira',
    'Data de Nascimento: 17-09-1958      Sexo: F      N.º Utente SNS: 287 115 604',
    'Médico Requisitante: Dr. Rui Abrantes (Cédula Prof. 39207)',
    'Glicose ............ 91 mg/dL        70 - 110',
  ]);
  assert.deepEqual(brief(r), [['Glicose', 91, 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});
