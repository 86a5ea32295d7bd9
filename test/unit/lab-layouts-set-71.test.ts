// The general causes behind the misses of held-out set 71, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountLines, type AccountLine } from '../../src/labs/accounting.ts';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('a table row whose result and reference are words is a qualitative result, whatever its name', () => {
  const text = [
    '| Exame | Resultado | Valor de referência |',
    '|---|---|---|',
    '| Exame direto (KOH) | Hifas septadas raras | Ausência de fungos |',
    '| Células nucleadas | 12 céls/mm³ | até 5 céls/mm³ |',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Células nucleadas', 12, '/mm³', 'alto'],
    ['Exame direto (KOH)', 'Hifas septadas raras', null, 'alterado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a labelled word result with its word reference in brackets is read; a culture still running is no result', () => {
  const text = ['Hemácias dismórficas: Frequentes  (ref. Ausentes)', 'Coprocultura: em processamento'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Hemácias dismórficas', 'Frequentes', null, 'alterado']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a daily bulletin's day-before column (HOJE / D-1) is cut from each dot-leader row, a negative value too", () => {
  const text = [
    'BIOQUÍMICA (jejum)                 HOJE        D-1       REFERÊNCIA',
    '  Albumina (g/dL) ............. 2,6 *       2,9       3,5 - 5,2',
    '  Excesso de base (mmol/L) .... -6,1 *      -3,3      -2,0 a +2,0',
    '  Magnésio (mg/dL) ............ 2,0         1,8       1,6 - 2,6',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Albumina', 2.6, 'g/dL', 'baixo'],
    ['Excesso de base', -6.1, 'mmol/L', 'baixo'],
    ['Magnésio', 2, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a "Res. anterior" column under a dated second header line is cut; the mark before the value flags it', () => {
  const text = [
    'Exame                          Resultado       Res. anterior    Valores de Referência',
    '                                                (11/03/25)',
    'FERRITINA                     * 412 ng/mL        350              30 a 400 ng/mL',
    'UREIA                           31 mg/dL         28               15 a 45 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ferritina', 412, 'ng/mL', 'alto'],
    ['Ureia', 31, 'mg/dL', 'normal'],
  ]);
});

test('"alta sensibilidade" in a name is the assay, not a tier label', () => {
  const text = ['Exame                          Resultado        Valores de Referência', 'TROPONINA I ALTA SENSIBILIDADE   41 ng/L        < 34 ng/L'].join(
    '\n',
  );
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['TROPONINA I ALTA SENSIBILIDADE', 41, 'ng/L', 'alto']]);
});

test("a blood-gas analyser's typed FiO2 is an input, its pH range dotted; typed results after where they were run, split at a slash", () => {
  const text = [
    'FiO2:       35.0 %',
    'pH            7.48      ↑        [ 7.350 - 7.450 ]',
    'Lab. central 03/12 05:30 - Ureia 61 mg/dL (ref. 15 a 45) / Ferritina 90 ng/mL (ref. 30 a 400)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['pH', 7.48, null, 'alto'],
    ['Ureia', 61, 'mg/dL', 'alto'],
    ['Ferritina', 90, 'ng/mL', 'normal'],
  ]);
});

test("a reference's words in brackets wrapped beside the name's own wrap: each piece goes to its cell", () => {
  const text = [
    'Exame                Resultado     Unidade           Valores de referência',
    'Clearance estimado   38            mL/min/1,73m²     superior a 90 (filtração',
    '(Cockcroft-Gault)                                    adequada para a idade)',
    'Sódio                139           mmol/L            136 a 145',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [
      ['Clearance estimado (Cockcroft-Gault)', 38, 'baixo'],
      ['Sódio', 139, 'normal'],
    ],
  );
});

test('the accounting pass lists a row of words against a word reference that no analyte read', () => {
  const row = '| Pesquisa direta | Leveduras em brotamento escassas | Ausência de fungos |';
  const lines: AccountLine[] = [{ index: 0, raw: row, text: row.replace(/\|/g, '   ').trim() }];
  assert.deepEqual(accountLines(lines, [], []), [row]);
});

test('the accounting pass lists a labelled word result against a bracketed word reference that no analyte read', () => {
  const row = 'Hemácias dismórficas: Frequentes  (ref. Ausentes)';
  assert.deepEqual(accountLines([{ index: 0, raw: row, text: row }], [], []), [row]);
});

test("a serial collection's banner with its number and date is no result nor an unread line", () => {
  const text = ['--- COLETA 3 - 02/02/2025 14:20 ---', 'Lactato: 3,1 mmol/L (ref. 0,5 a 2,2)'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Lactato', 3.1, 'mmol/L', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a method line's words after a dash are the method's, even with a number and unit (no run place and time before them)", () => {
  const r = parseLabReport(
    ['TESTE RÁPIDO DENGUE NS1                   Não reagente               Não reagente', ' Método: Imunocromatografia - limite de detecção 0,5 ng/mL'].join(
      '\n',
    ),
    { today: '2025-06-01' },
  );
  assert.deepEqual(r.analytes, []);
});
