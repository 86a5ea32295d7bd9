// The general causes behind the misses of a primary-care visit's boxed results table (h1680) and a pharmacy's
// point-of-care declaration (h1691), one focused case each: the parser on the few lines that show each layout.
// No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test("a form's \"Valor obtido:\" field under a numbered test's title is that test's result (h1691)", () => {
  const text = [
    'Nome: ARLINDO PEREIRA     Idade: 64 anos     Sexo: ( X ) M   (   ) F',
    '',
    '2) Glicose capilar',
    '   Valor obtido: ___143___ mg/dL',
    '   Referência: inferior a 200 mg/dL',
  ].join('\n');
  assert.deepEqual(brief(parseLabReport(text)), [['Glicose capilar', 143, 'normal']]);
});

test('a boxed table with a "Realizado em" date column between the exam and its one result column (h1680)', () => {
  const text = [
    'Cidadão: MARIA JOSÉ FERREIRA     Sexo: Feminino     Data de nascimento: 11/04/1990',
    '┌─────────────────────────────┬──────────────┬────────────────────────────┐',
    '│ Exame (SIGTAP)              │ Realizado em │ Resultado                  │',
    '├─────────────────────────────┼──────────────┼────────────────────────────┤',
    '│ 02.02.06.025-0 TSH          │ 14/02/2025   │ 3,2                        │',
    '│ 02.14.01.007-4 TR HIV       │ 20/02/2025   │ Não reagente (lote 25A1102)│',
    '└─────────────────────────────┴──────────────┴────────────────────────────┘',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['TSH', 3.2, 'indeterminado'],
    ['TR HIV', 'Não reagente', 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a boxed row whose result cell names the panel's results, and a curve typed between slashes (h1680)", () => {
  const text = [
    'Cidadão: MARIA JOSÉ FERREIRA     Sexo: Feminino     Data de nascimento: 11/04/1990',
    '│ Exame                        │ Resultado                            │',
    '│ HEMOGRAMA COMPLETO           │ Hb 12,1 g/dL (VR ≥ 11) Ht 36,2%      │',
    '│ GLICOSE - TOTG 75g           │ jejum 95 / 1 hora 170 / 2 horas 160  │',
    '│                              │ mg/dL  VR: <92 / <180 / <153         │',
  ].join('\n');
  const r = parseLabReport(text);
  const rows = brief(r).map(([n, v, f]) => `${n}=${v} ${f}`);
  assert.ok(rows.includes('Hemoglobina=12.1 normal'), rows.join('; '));
  assert.ok(
    rows.some((x) => x.startsWith('Hematócrito=36.2')),
    rows.join('; '),
  );
  assert.ok(rows.includes('jejum=95 alto'), rows.join('; '));
  assert.ok(rows.includes('1 hora=170 normal'), rows.join('; '));
  assert.ok(rows.includes('2 horas=160 alto'), rows.join('; '));
  assert.equal(rows.length, 5, rows.join('; '));
});

test("a pre-natal visit's obstetric history and a single-dose prescription are no results (h1680)", () => {
  const text = [
    'Cidadão: MARIA JOSÉ FERREIRA     Sexo: Feminino     Data de nascimento: 11/04/1990',
    '  Gestas prévias: 3   Partos: 2 (cesárea)   Abortos: 1   Tipo de gravidez: Única',
    '  Consulta de pré-natal nº: 6',
    '  Ferritina: 42 ng/mL (VR 15-150)',
    '  - Ivermectina 6 mg dose única',
  ].join('\n');
  assert.deepEqual(brief(parseLabReport(text)), [['Ferritina', 42, 'normal']]);
});
