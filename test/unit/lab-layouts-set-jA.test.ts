// The general causes behind the misses of a referral letter quoting results in prose (h1465), one focused
// case: the parser on a few lines of a letter of our own. No database, no model.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type LabParseResult, parseLabReport } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => r.analytes.map((a) => [a.name, a.value, a.flag] as const);

test('a letter quoting results in prose: joining words, a lead and a joining word at the line end', () => {
  const text = [
    'Paciente: MARIA CLARA SOUSA   Sexo: feminino   DN: 03/04/2015',
    '',
    'leucócitos 3.400/mm³ (VR 4.500 a 13.500), com neutrófilos 1.320/mm³ (VR 1.500 a 8.000) e',
    'Na bioquímica, TGO 52 U/L (VR até 40) e TGP 88 U/L (VR até 35), com GGT 37 U/L (VR até 23) e',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([, v, f]) => [v, f]),
    [
      [3400, 'baixo'],
      [1320, 'baixo'],
      [52, 'alto'],
      [88, 'alto'],
      [37, 'alto'],
    ],
  );
  for (const a of r.analytes) assert.ok(!/\)\s*e$/.test(a.reference_text ?? ''), `no joining word in the reference: ${a.reference_text}`);
});
