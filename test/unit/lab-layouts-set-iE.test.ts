// A note by letter at the page's foot (lettered-notes.ts) with a result printed after it on its line: the
// note line must hold references only to be read as the rows' reference cells, or the result is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';

const report = (notes: string[]) =>
  [
    'Paciente: MARTA SOUZA LIMA        Sexo: F        Idade: 52a',
    'BIOQUÍMICA                     Resultado        Unidade           V.R.',
    ' Ureia                            31             mg/dL             (a)',
    ' Potássio                         4,4            mmol/L            (b)',
    ' Magnésio                         1,9            mg/dL             (c)',
    '',
    'Notas de referência',
    ...notes,
  ].join('\n');

const NOTES = ['(a) 15 a 45 mg/dL', '(b) 3,5 a 5,1 mmol/L', '(c) 1,6 a 2,6 mg/dL'];

test('lettered notes holding references only are the rows’ reference cells', () => {
  const r = parseLabReport(report(NOTES));
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.reference_text]),
    [
      ['Ureia', 31, '15 a 45 mg/dL'],
      ['Potássio', 4.4, '3,5 a 5,1 mmol/L'],
      ['Magnésio', 1.9, '1,6 a 2,6 mg/dL'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

for (const extra of ['   Anti-HBs   POSITIVO', '   Positivo', ' ; Anti-HBs: Positivo']) {
  test(`a word result after a lettered note ("${extra.trim()}") is read or its line listed, never a reference`, () => {
    const notes = [NOTES[0]!, `${NOTES[1]!}${extra}`, NOTES[2]!];
    const r = parseLabReport(report(notes));
    const read = [...r.qualitative, ...r.analytes].some((a) => a.line === 8 && /positivo/i.test(String(a.value)));
    const listed = r.unparsed_lines.some((u) => /positivo/i.test(u));
    assert.ok(read || listed, JSON.stringify(r.unparsed_lines));
    assert.ok(!r.analytes.some((a) => /positivo/i.test(a.reference_text ?? '')));
  });
}

test('two notes on a line, a word result after the last: the line is listed', () => {
  const notes = [`${NOTES[0]!}        ${NOTES[1]!}   Positivo`, NOTES[2]!];
  const r = parseLabReport(report(notes));
  const read = [...r.qualitative, ...r.analytes].some((a) => /positivo/i.test(String(a.value)));
  assert.ok(read || r.unparsed_lines.some((u) => /positivo/i.test(u)), JSON.stringify(r.unparsed_lines));
});
