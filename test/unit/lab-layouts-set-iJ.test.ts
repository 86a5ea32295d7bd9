import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

const pick = (text: string) =>
  Object.fromEntries(parseLabReport(text).analytes.map((a) => [a.name, [a.value, a.flag]] as const)) as Record<string, [unknown, unknown]>;

test('raw HTML table: cells as columns, entities decoded, <br> parting ranges by sex, spanned heads', () => {
  const text = [
    'Segue a transcrição:',
    '```html',
    '<p>Paciente: <strong>MARIANA T. BOSCO</strong> &nbsp;|&nbsp; Sexo: Feminino &nbsp;|&nbsp; Idade: 41 anos<br>',
    'Protocolo: 3301-552.210 &nbsp;|&nbsp; CNES 4471209</p>',
    '<table>',
    '  <tr><th colspan="4">BIOQUÍMICA</th></tr>',
    '  <tr><th>Exame</th><th>Resultado</th><th>Unidade</th><th>Referência</th></tr>',
    '  <tr><td>Creatinina</td><td class="alto"><b>1,21</b></td><td>mg/dL</td><td>Homens: 0,70 a 1,30<br/>Mulheres: 0,50 a 1,10</td></tr>',
    '  <tr>',
    '    <td>Ureia</td><td>31</td>',
    '    <td>mg/dL</td><td>15 a 45</td>',
    '  </tr>',
    '  <tr><td>Proteína C reativa</td><td>&lt; 0,20</td><td>mg/dL</td><td>inferior a 0,50</td></tr>',
    '  <tr><td>Vitamina D</td><td>[ilegível]</td><td>ng/mL</td><td>20 a 60</td></tr>',
    '</table>',
    '<table>',
    '  <tr><th rowspan="2">Diferencial</th><th colspan="2">Relativo</th><th colspan="2">Absoluto</th></tr>',
    '  <tr><th>%</th><th>Ref. %</th><th>/mm³</th><th>Ref. /mm³</th></tr>',
    '  <tr><td>Linfócitos</td><td>25,5</td><td>20 a 45</td><td>1.734</td><td>900 a 4.500</td></tr>',
    '</table>',
    '```',
  ].join('\n');
  const r = parseLabReport(text);
  const got = pick(text);
  assert.deepEqual(got['Creatinina'], [1.21, 'alto']);
  assert.deepEqual(got['Ureia'], [31, 'normal']);
  assert.deepEqual(got['Proteína C reativa (PCR)'], [0.2, 'normal']);
  assert.deepEqual(got['Linfócitos (%)'], [25.5, 'normal']);
  assert.deepEqual(got['Linfócitos'], [1734, 'normal']);
  assert.equal(r.analytes.length, 5);
  assert.ok(r.unparsed_lines.some((l) => l.includes('Vitamina D')));
});
