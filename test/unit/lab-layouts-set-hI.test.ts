// Probes for held-out set 139 layouts (helper hI), rewritten with other names, values and labs: each
// failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

const rows = (text: string, options = {}) => {
  const r = parseLabReport(text, options);
  return { rows: r.analytes.map((a) => [a.name, a.value, a.flag]), unparsed: r.unparsed_lines };
};

test('drifting PDF columns: units under result, previous result and reference; earlier counts cut by order', () => {
  const text = [
    'LABORATÓRIO SERRANO DE ANÁLISES',
    'HEMOGRAMA',
    '                        Resultado          Anterior           Valores de Referência',
    '                                           03/02/2024',
    'Leucócitos               9.870 /mm³       8.120               4.000 a 11.000 /mm³',
    '                       %      /mm³          %     /mm³         %           /mm³',
    'Segmentados         72,4    7.146        65,0   5.278          45 a 70     1.800 a 7.000',
    'Linfócitos              15,1   1.490         25,3  2.054       20 a 45     1.000 a 3.500',
    'Monócitos          9,2      908          —      —              2 a 10      80 a 1.000',
    'Eosinófilos            3,3    326        8,7   706            1 a 5       40 a 500',
    'Plaquetas                 187.000 /mm³       203.000          150.000 a 400.000 /mm³',
  ].join('\n');
  const got = rows(text, { sex: 'M', birthDate: '1970-01-01', today: '2025-06-01' });
  assert.deepEqual(got.rows, [
    ['Leucócitos', 9870, 'normal'],
    ['Segmentados (%)', 72.4, 'alto'],
    ['Segmentados', 7146, 'alto'],
    ['Linfócitos (%)', 15.1, 'baixo'],
    ['Linfócitos', 1490, 'normal'],
    ['Monócitos (%)', 9.2, 'normal'],
    ['Monócitos', 908, 'normal'],
    ['Eosinófilos (%)', 3.3, 'normal'],
    ['Eosinófilos', 326, 'normal'],
    ['Plaquetas', 187000, 'normal'],
  ]);
  assert.deepEqual(got.unparsed, []);
});

test("photo transcription: a range cut after its 'a', the transcriber's note that the rest is cut, is no range", () => {
  const text = [
    'Transcrevi o que deu para ler na foto:',
    '',
    '### Bioquímica',
    '- **Potássio:** 5,9 mEq/L — *ref.: 3,5 a 5,1*',
    '- **Sódio:** 139 mEq/L — *ref.: 136 a* *(a parte de baixo ficou cortada na foto)*',
    '- **Ureia:** 38 mg/dL — *ref.: 15 a 40*',
  ].join('\n');
  const got = rows(text, { sex: 'F', birthDate: '1960-01-01', today: '2025-06-01' });
  assert.deepEqual(got.rows, [
    ['Potássio', 5.9, 'alto'],
    ['Sódio', 139, 'indeterminado'],
    ['Ureia', 38, 'normal'],
  ]);
  assert.deepEqual(got.unparsed, []);
});
