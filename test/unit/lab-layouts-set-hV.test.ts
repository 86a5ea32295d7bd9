// Probes for held-out sets 142-144 (helper hV), rewritten with other names, values and labs: each failed
// on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

test('a result word at the reference column of a method line under a wrapped reference is no piece of that reference', () => {
  const text = [
    'LABORATORIO VALE DO PIANCO',
    'EXAME                    RESULTADO     VALORES DE REFERENCIA',
    'Ureia ...............:   31   mg/dL    15 a 40',
    'Colesterol nao-HDL ..:  168   mg/dL    Meta conforme risco:',
    '                                       Baixo ......: < 160',
    '                                       Alto .......: < 100',
    '   Metodo nao-HDL: calculo direto      Positivo',
    'Acido urico .........:  5,2   mg/dL    2,4 a 5,7',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  // The tiers under the row are still its reference.
  const nonHdl = r.analytes.find((a) => a.value === 168);
  assert.match(nonHdl?.reference_text ?? '', /Baixo.*160.*Alto.*100/);
  // The word is read on its line or listed, never lost in the reference above.
  const read = [...r.analytes, ...r.qualitative].some((a) => a.line === 6 && /positivo/i.test(String(a.value)));
  assert.ok(read || r.unparsed_lines.some((u) => /positivo/i.test(u)), JSON.stringify(r.unparsed_lines));
});
