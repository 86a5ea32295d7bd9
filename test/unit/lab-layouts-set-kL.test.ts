// The general causes behind the misses of a PDF copied on a phone one cell a line (h1717) and a daughter's typed
// free text (h1718), one focused case each: the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test("the cycle phase under its label alone ('Fase do ciclo informada' / 'Lútea (22º dia)') picks the phase's range", () => {
  const text = [
    'Sexo',
    'Feminino',
    'Idade',
    '29 anos',
    'Fase do ciclo informada',
    'Lútea (22º dia)',
    'PROGESTERONA',
    'Material',
    'Soro',
    'Resultado',
    '11,6',
    'ng/mL',
    'Valores de Referência',
    'Fase folicular: 0,2 a 1,5',
    'Fase lútea: 1,7 a 27,0',
    'Pós-menopausa: 0,1 a 0,8',
    'ng/mL',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [['PROGESTERONA', 11.6, 'normal']]);
});

test('a title broken over lines one cell a line is read whole; a specimen under a bare "Material" is no title', () => {
  const text = [
    'ACTH - HORMÔNIO ADRENOCORTICO',
    'TRÓFICO',
    'Material',
    'Plasma (EDTA)',
    'Resultado',
    '31',
    'pg/mL',
    'Valores de Referência',
    'Até 46 pg/mL',
    'TBG - GLOBULINA LIGADORA',
    'DE TIROXINA',
    'Material',
    'Soro',
    'Resultado',
    '22',
    'µg/mL',
    'Valores de Referência',
    '14 a 31 µg/mL',
    'ANTICORPOS ANTI-RECEP-',
    'TOR DE TSH (TRAB)',
    'Material',
    'Soro',
    'Resultado',
    '0,9',
    'UI/L',
    'Valores de Referência',
    'Inferior a 1,75 UI/L',
    'HOMOCISTEÍNA',
    'Material',
    'Plasma (heparina)',
    'Método',
    'Quimioluminescência',
    'Resultado',
    '9,4',
    'µmol/L',
    'Valores de Referência',
    '5,0 a 15,0 µmol/L',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([n, v]) => [n, v]),
    [
      ['ACTH - HORMÔNIO ADRENOCORTICO TRÓFICO', 31],
      ['TBG - GLOBULINA LIGADORA DE TIROXINA', 22],
      ['ANTICORPOS ANTI-RECEPTOR DE TSH (TRAB)', 0.9],
      ['HOMOCISTEÍNA', 9.4],
    ],
  );
});

test('a slip corrected on its own line ("— digitei errado, é 6,9") is read as the corrected value, the slip no row', () => {
  const text = ['Resultados do meu avô:', 'acido urico 5,9 mg/dL — digitei errado, é 6,9 (ref 3,4 a 7,0)', 'ureia 52 (ref 17 a 49)'].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([n, v, f]) => [n.toLowerCase(), v, f]),
    [
      ['ácido úrico', 6.9, 'normal'],
      ['ureia', 52, 'alto'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a ratio named only by two forms ('razão livre/total') after the analyte's two results is named with the analyte", () => {
  const text = ['psa livre 0,5 ng/mL', 'PSA total: 3,3 ng/mL (ref até 4,0)', 'razão livre/total 15% (ref maior que 25%)'].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  const ratio = r.analytes.find((a) => a.value === 15);
  assert.equal(ratio?.name, 'razão PSA livre/total');
  assert.equal(ratio?.flag, 'baixo');
});
