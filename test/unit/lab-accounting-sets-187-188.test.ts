// Held-out sets 187-188's corpus properties: results the reader reads, whose loss the accounting pass did not catch.
// Each with names and words of its own; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

test('a line of two results printing the same word: either lost, its line is listed (h1847)', () => {
  const text = [
    'EXAME FÍSICO-QUÍMICO                              | SEDIMENTOSCOPIA',
    '                 Resultado     Referência         |                    Resultado      Referência',
    'Nitrito          Negativo      Negativo           | Leveduras          Negativo       Negativo',
    'Hemoglobina      Ausente       Ausente            | Cilindros          Ausente        Ausente',
  ].join('\n');
  const { read, unlisted } = lostAnalytes(text);
  assert.ok(read >= 4, `${read} read`);
  assert.deepEqual(unlisted, []);
});

test("a finding's presence typed in a chat after its name, no colon: lost, its line is listed (h1858)", () => {
  const text = ['hemoglobina 10,2 (ref 11 a 16)', 'plaquetas 88 mil (ref 150 a 450 mil)', 'equinocitos presentes', 'tgo 95 (ate 32)'].join('\n');
  const { read, unlisted } = lostAnalytes(text);
  assert.ok(read >= 4, `${read} read`);
  assert.deepEqual(unlisted, []);
});
