// Held-out sets 184-186's layouts: a daily panel's earlier-sample column holding a differential's pair of counts, an
// app card's verdict after a check mark, a block's earlier samples beside its labelled result, the INR's Portuguese
// initials and the APTT ratio, a portal footer's hotline, a band's bound words, a PDF row's
// unit and reference on the next line, a random urine sample's range. One focused case each, with names and values
// of their own; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

const read = (lines: string[]) => parseLabReport(lines.join('\n'), { today: '2025-06-01' });

test("a differential's earlier pair of counts under the previous-result column is cut (h1825)", () => {
  const r = read([
    'EXAME                  RESULTADO               VALOR DE REFERÊNCIA              ANTERIOR 02/03',
    'Leucócitos             9,10 10³/µL             3,60 a 11,00                     8,40',
    '  Basófilos            1,5 %    0,14 10³/µL    0,0-2,0 %  | 0,00-0,20           1,0 %   0,08',
  ]);
  assert.deepEqual(brief(r), [
    ['Leucócitos', 9.1, 'normal'],
    ['Basófilos (%)', 1.5, 'normal'],
    ['Basófilos', 0.14, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("an app card's verdict after a check mark or a heavy arrow leaves the reference under it to the value (h1841)", () => {
  const r = read([
    'Haptoglobina',
    '120 mg/dL',
    '✓ Dentro da referência',
    'Referência: 30 a 200 mg/dL',
    '',
    'Zinco',
    '58 µg/dL',
    '⬇ Abaixo da referência',
    'Referência: 70 a 120 µg/dL',
  ]);
  assert.deepEqual(brief(r), [
    ['Haptoglobina', 120, 'normal'],
    ['Zinco', 58, 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a block's labelled result beside earlier samples under dates on its Método line: those cells are cut (h1819)", () => {
  const r = read([
    'COLESTEROL TOTAL - Soro                                          Resultados anteriores',
    'Método: Enzimático colorimétrico                                 02/02/2025   11/07/2024',
    '  Resultado: 212 mg/dL                                           230 mg/dL    241 mg/dL',
    '  Valores de referência: inferior a 190 mg/dL',
  ]);
  assert.deepEqual(brief(r), [['Colesterol total', 212, 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a coagulogram typed by hand: the APTT ratio, a bare number (h1827)', () => {
  const r = read(['TTPA 29,0 seg (25 a 35)', 'Relação TTPA 0,97']);
  assert.deepEqual(brief(r), [
    ['TTPA', 29, 'normal'],
    ['Relação TTPA', 0.97, 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a portal footer's links beside the service's hotline are no result (h1830)", () => {
  const r = read([
    'Ureia',
    'Resultado',
    '31 mg/dL',
    'Valor de referência',
    '15 a 45 mg/dL',
    '',
    'Ver histórico deste exame   Imprimir',
    'Acessibilidade | Termos de uso | Ouvidoria SUS 162',
  ]);
  assert.deepEqual(brief(r), [['Ureia', 31, 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a reference's band after a bullet separator opening with a bound's words is no name (h1839)", () => {
  const r = read([
    '- **Vitamina D (25-OH):** 26,4 ng/mL — Acima de 20 ng/mL: população saudável · 30 a 60 ng/mL: grupos de risco · Acima de 100 ng/mL: toxicidade',
  ]);
  assert.deepEqual(brief(r), [['Vitamina D (25-OH)', 26.4, 'normal']]);
});

test("a PDF row's unit and reference drifted onto the line under its bare value (h1837)", () => {
  const r = read([
    'Exame                 Resultado      Unidade         Valores de Referência',
    'Cloreto                   101          mEq/L          98 a 107',
    'Lactato (arterial)              2,9',
    '                                          mmol/L         0,5 a 2,2',
  ]);
  assert.deepEqual(brief(r), [
    ['Cloro', 101, 'normal'],
    ['Lactato (arterial)', 2.9, 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a urine analyte's range labelled for a random sample ('Amostra isolada:') is its reference (h1837)", () => {
  const r = read(['Ureia urinária              1.450 mg/dL                    Amostra isolada: 800 a 1.300 mg/dL']);
  assert.deepEqual(brief(r), [['Ureia urinária', 1450, 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});
