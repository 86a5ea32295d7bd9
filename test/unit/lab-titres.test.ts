// A titre printed alone where a result stands ("VDRL   1/16", "FAN: 1/160", "VDRL 1:16"), found outside the corpus
// after sets 178-180: it was neither read nor listed, a result dropped in silence, because every titre in the corpus
// followed a reactive word ("Reagente 1/16"). One focused case each; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

const read = (lines: string[]) => parseLabReport(lines.join('\n'), { today: '2025-06-01' });

test('a titre alone after its name is the reactive result it quantifies, in columns, after a colon or one space', () => {
  const r = read(['IMUNOLOGIA', 'FAN   1/160', 'Anticorpos anti-Toxoplasma IgG (IFI): 1/64', 'VDRL 1:16', 'Reação de Widal 1/80']);
  assert.deepEqual(brief(r), [
    ['FAN', '1/160', 'indeterminado'],
    ['Anticorpos anti-Toxoplasma IgG (IFI)', '1/64', 'indeterminado'],
    ['VDRL', '1:16', 'indeterminado'],
    ['Reação de Widal', '1/80', 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a titre is flagged against the titre bound or the non-reactive word its reference prints', () => {
  const r = read([
    'FAN (HEp-2)   1/160   Inferior a 1/80',
    'FAN: Reagente 1/640 (VR: inferior a 1/80)',
    'VDRL   1/2   < 1/4',
    'VDRL ........ 1/8   VR: Não reagente',
    'FAN   Não reagente   Inferior a 1/80',
  ]);
  assert.deepEqual(brief(r), [
    ['FAN (HEp-2)', '1/160', 'alterado'],
    ['FAN', '1/640', 'alterado'],
    ['VDRL', '1/2', 'normal'],
    ['VDRL', '1/8', 'alterado'],
    ['FAN', 'Não reagente', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a titre left unread is listed, never dropped: two titres on one line with no header to say which is today’s', () => {
  const r = read(['VDRL   1/16   1/32']);
  assert.deepEqual(brief(r), []);
  assert.deepEqual(r.unparsed_lines, ['VDRL   1/16   1/32']);
});

test('fractions that are no titres stay what they are: the types a name lists, a bound, a dilution to make, a date, a time', () => {
  const r = read([
    'Anti-HIV 1/2 Não reagente',
    'HTLV 1/2   Não reagente',
    'Comentário: diluir 1/2 e repetir',
    'Data da coleta: 1/12/2024 às 1:20',
    'Glicose   92 mg/dL   70 a 99',
  ]);
  assert.deepEqual(
    brief(r).map(([name, value]) => [name, value]),
    [
      ['Glicose', 92],
      ['Anti-HIV 1 e 2', 'Não reagente'],
      ['HTLV 1/2', 'Não reagente'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a fraction over zero is no titre and ends at once ("1:00", "Tanner 1: 0,3"): its halving had no end', () => {
  const r = read(['VDRL 1/0', 'Coleta 1:00', 'Tanner 1: 0,3']);
  assert.deepEqual(r.qualitative, []);
  assert.deepEqual(r.analytes, []);
});
