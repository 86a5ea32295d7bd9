// A result in words closing its clause, then a remark after a comma, as a letter or a discharge summary writes it
// (docs/labs.md, Limits: the silent-drop risk left from sets 190-192). No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows } from '../support/lab-rows.ts';

test('a finding with a remark in words after its comma: the finding is read, the remark is no reference', () => {
  const text = [
    'Resumo da consulta',
    'Sorologia para HIV negativa, sem outras alterações.',
    'HBsAg não reagente, sem outras alterações.',
    'Teste rápido para sífilis não reagente, orientado retorno.',
    'Anti-HIV 1/2 não reagente, sem outras alterações.',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1990-03-03' });
  assert.deepEqual(rows(r), [
    ['Sorologia para HIV', 'negativa', 'indeterminado'],
    ['HBsAg', 'não reagente', 'indeterminado'],
    ['Teste rápido para sífilis', 'não reagente', 'indeterminado'],
    ['Anti-HIV 1 e 2', 'não reagente', 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a clause after the comma that holds a result of its own is no remark: it is read or listed, never cut', () => {
  // A grade in words after a catalogued name (h1674) and a number: each result stays where the reader finds it.
  const r = parseLabReport(['urina: glicose negativo, proteina deu "traços"', 'VDRL não reagente, repetir em 3 meses.'].join('\n'), {
    sex: 'F',
    birthDate: '1960-01-01',
  });
  const values = rows(r).map(([, value]) => value);
  const listed = r.unparsed_lines.join('\n');
  assert.ok(values.includes('traços') || listed.includes('traços'), `traços neither read nor listed: ${JSON.stringify(rows(r))} ${listed}`);
  assert.ok(listed.includes('repetir em 3 meses'), listed);
});
