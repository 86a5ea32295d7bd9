// The general causes behind the misses of held-out sets 163 and 165 (h1607, h1625), one focused case each:
// the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test('a result column extracted with a space between each character is read as the numbers it prints', () => {
  const text = [
    'Paciente: JOAO PEDRO   Sexo: Masculino   Idade: 50 anos',
    'Exame                    Resultado        Unidade          Valores de referência',
    'Hemoglobina              1 3 , 1          g/dL             13,5 a 17,5',
    'Leucócitos               1 1 . 8 0 0      /mm³             3.800 a 10.600',
    'Ureia                    3 3              mg/dL            15 a 45',
    'Vitamina B12',
    '                         >  2 . 0 0 0     pg/mL            200 a 900',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 13.1, 'baixo'],
    ['Leucócitos', 11800, 'alto'],
    ['Ureia', 33, 'normal'],
    ['Vitamina B12', 2000, 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("an XML export shown by a browser: each exam element's result and reference attributes are a row", () => {
  const text = [
    'This XML file does not appear to have any style information associated with it. The document tree is shown below.',
    '',
    '<relatorio versao="1.0">',
    '  <!-- Exportado pelo sistema -->',
    '  <paciente><nome>Maria Souza</nome><sexo>F</sexo><dataNascimento>1970-08-15</dataNascimento></paciente>',
    '  <exames>',
    '    <exame codigo="GLI" nome="Glicose" material="Plasma">',
    '      <resultado valor="112" unidade="mg/dL" sinalizador="H"/>',
    '      <referencia texto="70 a 99 mg/dL"/>',
    '      <resultadoAnterior data="2024-01-02" valor="98" unidade="mg/dL"/>',
    '    </exame>',
    '    <exame codigo="K" nome="Potássio">',
    '      <resultado valor="4,1" unidade="mEq/L"/>',
    '      <referencia texto="3,5 a 5,1 mEq/L"/>',
    '    </exame>',
    '    <exame codigo="PCR" nome="Proteína C reativa">',
    '      <resultado valor="&lt; 0,3" unidade="mg/dL"/>',
    '      <referencia texto="Inferior a 0,5 mg/dL"/>',
    '    </exame>',
    '  </exames>',
    '</relatorio>',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Glicose', 112, 'alto'],
    ['Potássio', 4.1, 'normal'],
    ['Proteína C reativa (PCR)', 0.3, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("an XML source's exam elements with their fields as child elements' text and the range as bounds", () => {
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<resultados>',
    '  <analito>',
    '    <nome>Ureia</nome>',
    '    <valor>52</valor>',
    '    <unidade>mg/dL</unidade>',
    '    <referencia min="15" max="45"/>',
    '  </analito>',
    '  <analito>',
    '    <nome>Sódio</nome>',
    '    <valor>139</valor>',
    '    <unidade>mEq/L</unidade>',
    '    <referencia min="135" max="145"/>',
    '  </analito>',
    '</resultados>',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ureia', 52, 'alto'],
    ['Sódio', 139, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a date and a result column per period, the reference before them: each row is its last filled result', () => {
  const text = [
    'Paciente: CARLA MENDES   Sexo: Feminino   Idade: 28 anos',
    '',
    '| Exame | Valor de referência | 1ª consulta - Data | 1ª consulta - Resultado | 2ª consulta - Data | 2ª consulta - Resultado |',
    '|---|---|---|---|---|---|',
    '| Plaquetas | 150.000 a 450.000 /mm³ | 02/01/25 | 210.000 /mm³ | 04/04/25 | 132.000 /mm³ |',
    '| Glicemia de jejum | 70 a 99 mg/dL | 02/01/25 | 85 mg/dL | — | — |',
    '| Anti-HCV | Não reagente | 02/01/25 | Não reagente | — | — |',
    '| Tipo sanguíneo | — | 02/01/25 | A | — | — |',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Plaquetas', 132000, 'baixo'],
    ['Glicose', 85, 'normal'],
    ['Anti-HCV', 'Não reagente', 'normal'],
    ['Tipo sanguíneo', 'A', 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
