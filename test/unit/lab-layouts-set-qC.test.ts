// Causes found by blind set heldout203 (h2004, h2006, h2007, h2008): the parser on the few lines that show each.
// No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test("a discharge summary's admission and discharge columns before a shared reference are two results each (h2006)", () => {
  const text = [
    'Exame                          Admissão (02/09)   Alta (06/09)   Referência',
    'Sódio (mEq/L)                  131                140            136 - 145',
    'Corpos cetônicos (urina)       +++                Negativo       Negativo',
    'Peptídeo C (ng/mL)             0,3                -              1,1 - 4,4',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Sódio', 131, 'baixo'],
    ['Sódio', 140, 'normal'],
    ['Peptídeo C', 0.3, 'baixo'],
    ['Corpos cetônicos (urina)', '+++', 'alterado'],
    ['Corpos cetônicos (urina)', 'Negativo', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a portal's critical word after the value in its cell is the lab's mark, no part of the value (h2004)", () => {
  const text = ['Parâmetro\tResultado\tUnidade\tValor de referência', 'Lactato\t2,6 ⚠ crítico\tmmol/L\t0,5 a 1,6', 'Sódio\t147\tmmol/L\t136 a 145'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Lactato', 2.6, 'alto'],
    ['Sódio', 147, 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a saturation typed as the word alone with its bare number is read under its printed name (h2007)', () => {
  const text = ['tinha a gasometria tb, so deu pra ler', 'ph 7,33', 'saturacao 89'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['pH', 7.33, 'indeterminado'],
    ['saturacao', 89, 'indeterminado'],
  ]);
});

test('a reference cell that points to another row by its name is no range: the row is read without one (h2008)', () => {
  const text = [
    'Exame                        Resultado   Unidade        Valores de referência',
    'Bilirrubina direta           0,5         mg/dL          0,0 a 0,6',
    'Bilirrubina indireta         15,3        mg/dL          Ver bilirrubina total',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Bilirrubina direta', 0.5, 'normal'],
    ['Bilirrubina indireta', 15.3, 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
