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

test('a count read in thousands scores as the whole count an expectation writes', () => {
  const s = scoreReport('probe', 'p.txt', 'plaquetas 212 mil referência 150 mil a 450 mil', {
    layout: 'probe',
    analytes: [['Plaquetas', 212000, 'normal']],
  });
  assert.equal(s.correct, 1);
  assert.deepEqual(s.silent, []);
  const typed = scoreReport('probe', 'p.txt', 'plaquetas 212 mil referência 150 mil a 450 mil', { layout: 'probe', analytes: [['Plaquetas', 212, 'normal']] });
  assert.equal(typed.correct, 1);
  // Only a unit in thousands scales: 212 /mm³ is not 212 000.
  const plain = scoreReport('probe', 'p.txt', 'Plaquetas: 212 /mm³ (150 a 450)', { layout: 'probe', analytes: [['Plaquetas', 212000, 'normal']] });
  assert.equal(plain.correct, 0);
});
