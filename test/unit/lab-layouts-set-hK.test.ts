// Probes for the lost-analyte corpus property on held-out sets 140 and 141 (helper hK), rewritten with other
// names, findings and labs: each failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

test('a voice transcript with no punctuation saying several word findings on one line: each one lost leaves its line listed', () => {
  const text = [
    'Áudio transcrito automaticamente',
    '',
    'bom dia doutor aqui é o Renato saiu o resultado dos exames que o senhor pediu',
    '',
    'nos exames de sangue o HBsAg não reagente e a referência é não reagente o anti HCV também não reagente e a referência não reagente a sífilis deu reagente que eu já tinha tratado e o anti HBs reagente',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([, v]) => v),
    ['não reagente', 'não reagente', 'reagente', 'reagente'],
  );
  assert.deepEqual(r.unparsed_lines, []);
  assert.deepEqual(lostAnalytes(text).unlisted, []);
});

test("an organism's binomial name after 'Identificação:' is a result in words: lost, its line is listed", () => {
  const text = [
    'HOSPITAL REGIONAL DO LITORAL - MICROBIOLOGIA',
    '',
    'UROCULTURA COM CONTAGEM DE COLÔNIAS',
    '    Coleta: 02/03/2025 07:40',
    '    Identificação: Klebsiella pneumoniae',
    '    Contagem: > 100.000 UFC/mL',
    '    Referência: inferior a 100.000 UFC/mL',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.ok(r.qualitative.some((a) => a.name === 'Identificação' && a.value === 'Klebsiella pneumoniae'));
  assert.deepEqual(lostAnalytes(text).unlisted, []);
});
