// Set 181's layouts the held-out run found misread: a numbered test's name with its detail after a dash and an "e"
// (h1791), a positive stool exam's findings bulleted under their label (h1786), a colony count's bands labelled by
// what they mean (h1788) and a note's citation whose year closes the bracket on the next line (h1789). One focused
// case each; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

const read = (lines: string[]) => parseLabReport(lines.join('\n'), { today: '2025-06-01' });

test("a numbered test's detail after a dash, joined by 'e', is its name, not a result of its own (h1791)", () => {
  const r = read([
    'HTLV 1 e 2 – anticorpos e proteína gp46 ............ Não reagente   (Ref.: Não reagente)',
    'Hemoglobina ........................................ 12,9 g/dL   (Ref.: 12,0 a 16,0)',
  ]);
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 12.9, 'normal'],
    ['HTLV 1 e 2 - anticorpos e proteína gp46', 'Não reagente', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('findings bulleted under their label are details of the positive result, its reference under them (h1786)', () => {
  const r = read([
    'PARASITOLÓGICO DE FEZES',
    'Resultado.....................   Positivo',
    'Parasitas encontrados:',
    '  - Cistos de Entamoeba coli',
    '  - Larvas de Strongyloides stercoralis',
    'Valor de referência: Negativo',
  ]);
  assert.deepEqual(brief(r), [['PARASITOLÓGICO DE FEZES', 'Positivo', 'alterado']]);
  assert.deepEqual(r.unparsed_lines, ['- Cistos de Entamoeba coli', '- Larvas de Strongyloides stercoralis']);
});

test("a colony count's bands named by what they mean: no clinical meaning is the good band, doubtful another (h1788)", () => {
  const bands =
    'Valores de referência: inferior a 10.000 UFC/mL: sem significado clínico · 10.000 a 100.000 UFC/mL: duvidoso, repetir · superior a 100.000 UFC/mL: sugestivo de infecção';
  assert.deepEqual(brief(read(['Contagem de colônias: > 100.000 UFC/mL', bands])), [['Contagem de colônias', 100000, 'alto']]);
  assert.deepEqual(brief(read(['Contagem de colônias: 3.000 UFC/mL', bands])), [['Contagem de colônias', 3000, 'normal']]);
});

test("a note's citation wrapped onto the next line, its year closing the bracket, is no result (h1789)", () => {
  const r = read([
    'Colesterol não-HDL:    152 mg/dL',
    '',
    'Observação: as metas de colesterol não-HDL dependem do risco cardiovascular',
    'definido pelo médico assistente (Consenso Brasileiro de Prevenção',
    'Cardiovascular, 2019). Baixo risco: < 160 mg/dL; intermediário: < 130; alto: < 100.',
  ]);
  assert.ok(!brief(r).some(([, value]) => value === 2019));
});
