// The general causes behind the misses of a chemotherapy release checklist (h1708) and a public request form filled
// in by hand (h1711), one focused case each: the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test("a checklist's protocol limit and verdict columns after the lab's reference are cut: the flag follows the lab's range", () => {
  const text = [
    'CHECKLIST PRÉ-INFUSÃO',
    ' Nº| Exame              | Resultado     | VR (laboratório)   | Critério protocolo | Atende?',
    '---+--------------------+---------------+--------------------+--------------------+--------',
    ' 1 | Leucócitos         | 3.400 /mm³    | 4.000 a 10.000     | ≥ 2.500            | [X] SIM',
    ' 2 | Creatinina         | 1,4 mg/dL     | 0,60 a 1,10        | ≤ 1,8              | [X] SIM',
    ' 3 | TGP (ALT)          | 61 U/L        | até 41             | ≤ 123 (3x LSN)     | [X] SIM',
    ' 4 | Sódio              | 140 mEq/L     | 135 a 145          | —                  | n/a',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Leucócitos', 3400, 'baixo'],
    ['Creatinina', 1.4, 'alto'],
    ['TGP (ALT)', 61, 'alto'],
    ['Sódio', 140, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('the same checklist aligned with spaces has its protocol columns cut too', () => {
  const text = [
    'Exame            Resultado      Referência         Critério p/ QT   Atende?',
    'Plaquetas        121.000 /mm³   150.000 a 400.000  ≥ 75.000         SIM',
    'Bilirrubina total   1,5 mg/dL   0,2 a 1,0          ≤ 1,5            SIM',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([, v, f]) => [v, f]),
    [
      [121000, 'baixo'],
      [1.5, 'alto'],
    ],
  );
});

test("a transcription's handwriting marks are no part of the value: the values written in the form's field are read", () => {
  const text = [
    'Transcrição (as partes manuscritas estão entre ⟨ ⟩):',
    'EXAME                         RESULTADO             VALOR DE REFERÊNCIA',
    'Ureia                         ⟨51⟩ mg/dL             15 a 45 mg/dL',
    'Colesterol total              ⟨~~221~~ 186⟩ mg/dL     < 190 mg/dL',
    'HBsAg                         ⟨Reagente⟩             Não reagente',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Ureia', 51, 'alto'],
    ['Colesterol total', 186, 'normal'],
    ['HBsAg', 'Reagente', 'alterado'],
  ]);
});

test("a request form's ticked box is no part of the name; an unticked exam with its field left blank is no row", () => {
  const text = [
    'MARQUE OS EXAMES SOLICITADOS (X)',
    '    EXAME                          RESULTADO           VALOR DE REFERÊNCIA',
    '(X) Ureia                          ⟨29⟩ mg/dL           15 a 45 mg/dL',
    '( ) Cálcio total                   ________            8,6 a 10,3 mg/dL',
    '(X) TSH                            ⟨5,8⟩ µUI/mL         0,4 a 4,0 µUI/mL',
    '( ) TGO (AST)                      ________            até 40 U/L',
    '( ) Anti-HCV                       ________            Não reagente',
    '(X) HBsAg                          ⟨Não reagente⟩      Não reagente',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Ureia', 29, 'normal'],
    ['TSH', 5.8, 'alto'],
    ['HBsAg', 'Não reagente', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a name's bracket saying whom the exam is for, with a comparison and a number, is part of the name", () => {
  const text = [
    'EXAME                          RESULTADO           VALOR DE REFERÊNCIA',
    'PSA total (homens > 50 anos)   2,7 ng/mL           até 4,0 ng/mL',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([, v, f]) => [v, f]),
    [[2.7, 'normal']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
