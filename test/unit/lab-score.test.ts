// The corpus scorer (src/dev/testkit/lab-score.ts) decides what bench:labs calls right: a lenient name
// match would count a wrong analyte as read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreReport } from '../../src/dev/testkit/lab-score.ts';

const report = ['Transferrina ....... 262 mg/dL   (200 a 360)', 'Ferritina .......... 48 ng/mL   (15 a 150)'].join('\n');

test('a printed name inside the expected one scores as the same analyte when the catalogue does not tell them apart', () => {
  const s = scoreReport('probe', 'p.txt', report, { layout: 'probe', analytes: [['Ferritina sérica', 48, 'normal']] });
  assert.equal(s.correct, 1);
  assert.deepEqual(s.misses, []);
});

test('a printed name inside the expected one is a wrong analyte when the catalogue knows them as two', () => {
  const s = scoreReport('probe', 'p.txt', report, { layout: 'probe', analytes: [['Saturação de transferrina', 262, 'normal']] });
  assert.equal(s.correct, 0);
  assert.deepEqual(s.misses, ['Saturação de transferrina=262 normal: not read']);
  assert.ok(
    s.extras.some((e) => e.startsWith('Transferrina=262')),
    s.extras.join('; '),
  );
});
