// A viral load printed under its detection word (h1765, left from sets 178-180): the load's line prints no reference,
// the word's does, and it is the load's too. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

const read = (lines: string[]) => parseLabReport(lines.join('\n'), { today: '2025-06-01' });

test('a load under its detection word takes the word reference: any amount is above "Não detectável"', () => {
  const r = read([
    'EXAME                         METODOLOGIA              RESULTADO          VALOR DE REFERÊNCIA',
    'HIV-1, Carga Viral            PCR em tempo real        Detectável         Não detectável',
    '  Carga viral: 8.400 cópias/mL   (log10: 3,92)',
  ]);
  const load = r.analytes.find((a) => a.value === 8400);
  assert.equal(load?.flag, 'alto');
  assert.equal(load?.reference_text, 'Não detectável');
  assert.deepEqual(
    brief(r).filter(([, v]) => typeof v === 'string'),
    [['HIV-1, Carga Viral', 'Detectável', 'alterado']],
  );
});

test('a load with a range of its own, or under a word that is no detection, keeps its own reading', () => {
  const r = read([
    'HIV-1, Carga Viral   Detectável   Não detectável',
    '  Carga viral: 8.400 cópias/mL   (até 40 cópias/mL)',
    'Hepatite B, HBV-DNA   Positivo   Negativo',
    '  Quantificação: 2.100 UI/mL',
  ]);
  assert.equal(r.analytes.find((a) => a.value === 8400)?.reference_text, 'até 40 cópias/mL');
  assert.equal(r.analytes.find((a) => a.value === 2100)?.flag, 'indeterminado');
});
