// A colour legend's row or one-line legend with another cell after it on the same line, and word results the
// accounting pass must see as results when lost: a finding sentence after "Resultado:" closed by a bracketed
// note holding a digit, and a word after a dot leader. Rewritten examples with other names and values than the
// held-out reports. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

const TODAY = { today: '2025-06-01' };

test('a cell after a colour legend row is read, the legend row itself is not', () => {
  const text = [
    'GLICOSE',
    'Resultado: 92 mg/dL',
    'Legenda:',
    '   ■ Verde ........ 60 a 99 mg/dL (normal)   Potássio 4,6 mEq/L',
    '   ■ Amarelo ...... 100 a 125 mg/dL (alterada)',
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  const k = r.analytes.find((a) => /pot[aá]ssio/i.test(a.name));
  const listed = r.unparsed_lines.some((u) => u.includes('4,6'));
  assert.ok((k && k.value === 4.6) || listed, JSON.stringify(r));
  assert.ok(!r.analytes.some((a) => /verde|amarelo/i.test(a.name)));
});

test('a word result after a one-line legend is read or listed', () => {
  const text = [
    'Ureia .............. 38 mg/dL',
    '   Legenda: ■ Verde 15 a 45 | ■ Vermelho fora desta faixa   HBsAg   REAGENTE',
    '   Faixa do resultado: VERDE',
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  const read = r.qualitative.some((q) => /hbsag/i.test(q.name) && /reagente/i.test(q.value));
  assert.ok(read || r.unparsed_lines.some((u) => /REAGENTE/.test(u)), JSON.stringify(r));
  const u = r.analytes.find((a) => /ureia/i.test(a.name));
  assert.equal(u?.value, 38);
});

test('a finding sentence after "Resultado:" with a bracketed note holding a digit is listed when lost', () => {
  const text = ['PARASITOLÓGICO DE FEZES (MÉTODO DE LUTZ)', '', 'RESULTADO: PRESENÇA DE CISTOS DE GIARDIA LAMBLIA (3ª AMOSTRA)', 'V.R.: NEGATIVO'].join('\n');
  const { read, unlisted } = lostAnalytes(text);
  assert.ok(read >= 1);
  assert.deepEqual(unlisted, []);
});

test('a word after a dot leader is listed when lost', () => {
  const text = [
    'PROVA DE COMPATIBILIDADE',
    'Prova cruzada maior (fase salina) ................ INCOMPATÍVEL',
    'Hemoglobina ........ 9,8 g/dL   (12,0 a 16,0)',
  ].join('\n');
  const { read, unlisted } = lostAnalytes(text);
  assert.ok(read >= 2, `${read}`);
  assert.deepEqual(unlisted, []);
});

test('a finding sentence after a dot leader, closed by a full stop, is listed when lost', () => {
  const text = ['MICROBIOLOGIA', '  Bacterioscopia (Ziehl) .... Não foram observados bacilos.', '  Glicose ........ 61 mg/dL'].join('\n');
  const { read, unlisted } = lostAnalytes(text);
  assert.ok(read >= 2, `${read}`);
  assert.deepEqual(unlisted, []);
});

test('what a bar table row prints after its method cell, set apart, is read or listed', () => {
  const head = 'EXAME              | RESULTADO  | UNIDADE   | VALORES DE REFERÊNCIA | RESULTADO ANTERIOR  | MÉTODO';
  const text = [
    head,
    'Leucócitos         | 6.200      | /µL       | 4.000 a 11.000        | 5.900 (03/02/2025)  | Citometria',
    'VCM                | 88,1       | fL        | 80,0 a 98,0           | 87,5 (03/02/2025)   | Calculado ; Potássio 5,2',
    'HCM                | 29,4       | pg        | 27,0 a 33,0           | 29,0 (03/02/2025)   | Calculado   HBsAg   REAGENTE',
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  const k = r.analytes.some((a) => a.value === 5.2) || r.unparsed_lines.some((u) => u.includes('5,2'));
  assert.ok(k, JSON.stringify(r));
  const w = r.qualitative.some((q) => /reagente/i.test(q.value)) || r.unparsed_lines.some((u) => u.includes('REAGENTE'));
  assert.ok(w, JSON.stringify(r));
  assert.equal(r.analytes.find((a) => a.name === 'HCM')?.value, 29.4);
  assert.equal(r.analytes.find((a) => a.name === 'VCM')?.value, 88.1);
});
