// Set 147's corpus-property failures (an added result dropped in silence), one focused case each: the parser on
// a few lines of each layout with something printed after what the layout reads, rewritten with other names and
// values. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';

const listedOrRead = (text: string, value: number, line: string) => {
  const r = parseLabReport(text, { today: '2025-06-01' });
  return r.analytes.some((a) => a.value === value) || r.unparsed_lines.some((u) => u.includes(line));
};

test("TalkBack's card with a result printed after its hint: the result is read or its line listed", () => {
  const lines = [
    'Laboratório Modelo. Resultados. Título',
    'Voltar. Botão',
    'Compartilhar. Botão',
    'Glicemia. 92 miligramas por decilitro. Valor de referência, 70 a 99. Dentro da referência. Botão. Toque duas vezes para ver detalhes',
    'Albumina. 4,1 gramas por decilitro. Valor de referência, 3,5 a 5,2. Dentro da referência. Botão. Toque duas vezes para ver detalhes ; Cloro 102,7',
    'Fósforo. 3,6 miligramas por decilitro. Valor de referência, 2,5 a 4,5. Dentro da referência. Botão. Toque duas vezes para ver detalhes   5,9',
  ];
  const r = parseLabReport(lines.join('\n'), { today: '2025-06-01' });
  assert.ok(r.analytes.some((a) => a.name === 'Albumina' && a.value === 4.1 && a.unit === 'g/dL'));
  assert.ok(r.analytes.some((a) => a.value === 102.7));
  assert.ok(r.analytes.some((a) => a.value === 5.9) || r.unparsed_lines.some((u) => u.includes('   5,9')));
});

test("a YAML record's field with a result printed after its comment: the result is read or its line listed", () => {
  const text = [
    '```yaml',
    'exames:',
    '  - nome: "Ferritina"',
    '    resultado: 18,2',
    '    unidade: "ng/mL"',
    '    referencia: "15,0 a 150,0"',
    '    destacado: true   # sublinhado na folha   VDRL   NÃO REAGENTE',
    '  - nome: "Ferro sérico"',
    '    resultado: 61',
    '    unidade: "µg/dL"',
    '    status: normal ; Magnésio 2,3',
    '```',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.ok(r.analytes.some((a) => a.name === 'Ferritina' && a.value === 18.2));
  assert.ok(r.analytes.some((a) => a.name === 'Ferro sérico' && a.value === 61));
  const word = r.qualitative.some((a) => /reagente/i.test(String(a.value))) || r.unparsed_lines.some((u) => u.includes('VDRL'));
  assert.ok(word, JSON.stringify(r));
  assert.ok(listedOrRead(text, 2.3, 'Magnésio 2,3'));
});

test("a subtitle cue's times with something printed after them: the line is read or listed, never blanked", () => {
  const text = [
    '1',
    '00:00:00,000 --> 00:00:03,100',
    'Oi, sou eu, vou ler os exames da minha mãe.',
    '',
    '2',
    '00:00:03,100 --> 00:00:07,900   Anti-HBs   REAGENTE',
    'A glicose deu 97, referência de 70 a 99.',
    '',
    '3',
    '00:00:07,900 --> 00:00:11,400   62,3',
    'O colesterol total deu 182.',
    '',
    '4',
    '00:00:11,400 --> 00:00:15,000',
    'O TSH deu 2,4, referência de 0,4 a 4,0.',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  const word = r.qualitative.some((a) => /reagente/i.test(String(a.value))) || r.unparsed_lines.some((u) => u.includes('Anti-HBs'));
  assert.ok(word, JSON.stringify(r));
  assert.ok(listedOrRead(text, 62.3, '62,3'));
});
