// Held-out sets 157 and 158 (h1546, h1553, h1556), the accounting pass's corpus properties: text after an HL7
// segment that no field explains, a differential copied column by column whose absolute count is lost, and a
// result printed as a legend's code that is lost. Rewritten examples with other names, values and labs. No
// database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

const HL7 = [
  'LABORATÓRIO VALE DO SOL — INTERFACE LIS',
  'MSH|^~\\&|LIS|LAB|PEP|HOSP|20250301083000||ORU^R01|M77|P|2.5',
  'PID|1||PR9921^^^HOSP^MR||SOUZA^CARLA||19700211|F|||RUA DAS FLORES 12^^CAMPINAS^SP^13010000   63,7',
  'PV1|1|O|AMB^03^A^HOSP||||1234^REIS^ANA|||CLI ; Anti-HIV: Reagente',
  'OBR|1|P55|L88|BIO^BIOQUIMICA^L|||20250301070000',
  'OBX|1|NM|GLU^Glicose^L||101|mg/dL|70-99|H|||F',
  'OBX|2|NM|CREA^Creatinina^L||0.82|mg/dL|0.50-0.90|N|||F',
].join('\n');

test('text after an HL7 segment that no field explains is read or listed, never blanked with the segment', () => {
  const r = parseLabReport(HL7, { today: '2025-06-01' });
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag]),
    [
      ['Glicose', 101, 'alto'],
      ['Creatinina', 0.82, 'normal'],
    ],
  );
  const value = r.analytes.some((a) => a.value === 63.7) || r.unparsed_lines.some((u) => u.includes('63,7'));
  assert.ok(value, JSON.stringify(r.unparsed_lines));
  const word = r.qualitative.some((q) => q.line === 3 && /reagente/i.test(q.value)) || r.unparsed_lines.some((u) => /reagente/i.test(u));
  assert.ok(word, JSON.stringify([r.qualitative, r.unparsed_lines]));
  // The segments themselves are still no rows and no listed lines.
  assert.ok(!r.unparsed_lines.some((u) => u.startsWith('MSH|') || u.startsWith('OBX|')), JSON.stringify(r.unparsed_lines));
});

const COLUMNS = [
  'LEUCOGRAMA',
  'Exame',
  'Relativo (%)',
  'Absoluto (/mm³)',
  'Ref. relativo (%)',
  'Ref. absoluto (/mm³)',
  'Leucócitos',
  'Segmentados',
  'Linfócitos',
  'Monócitos',
  '100',
  '61',
  '29',
  '10',
  '7.100',
  '4.331',
  '2.059',
  '710',
  '-',
  '40 a 70',
  '20 a 45',
  '2 a 10',
  '4.000 a 10.000',
  '1.600 a 7.000',
  '1.000 a 3.500',
  '200 a 900',
].join('\n');

test('a differential copied column by column gives each count back on its own line, listed when it is lost', () => {
  const r = parseLabReport(COLUMNS, { today: '2025-06-01' });
  const wbc = r.analytes.find((a) => a.value === 7100);
  assert.ok(wbc, JSON.stringify(r.analytes.map((a) => [a.name, a.value, a.line])));
  assert.equal(wbc.line, 14);
  assert.deepEqual(lostAnalytes(COLUMNS).unlisted, []);
});

const CODES = [
  'LABORATÓRIO DO PRÉ-NATAL — TRIAGEM',
  'LEGENDA: NR = Não reagente | R = Reagente | NE = Não executado',
  '',
  'SOROLOGIAS                          RESULTADO    REFERÊNCIA   MÉTODO',
  'Sífilis (teste rápido)              NR           NR           imunocromatografia',
  'Hepatite B (HBsAg)                  NR           NR           CMIA',
  'Rubéola IgG                         R            NR           CMIA',
  'Citomegalovírus IgM                 NR           NR           ELFA',
].join('\n');

test('a result printed as a code a legend explains, lost, has its line listed by the accounting pass', () => {
  const r = parseLabReport(CODES, { sex: 'F', today: '2025-06-01' });
  assert.deepEqual(
    r.qualitative.map((q) => [q.name, q.value]),
    [
      ['Sífilis (teste rápido)', 'NR'],
      ['Hepatite B (HBsAg)', 'NR'],
      ['Rubéola IgG', 'R'],
      ['Citomegalovírus IgM', 'NR'],
    ],
  );
  assert.deepEqual(lostAnalytes(CODES, { sex: 'F', today: '2025-06-01' }).unlisted, []);
});
