// The general causes behind the misses of TalkBack's speech history read by commas (h1721) and of a FHIR
// Observation whose unit is UCUM's English-order international unit (h1720), one focused case each: the parser on
// the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test("TalkBack's speech history by commas: a control's role before its name, a heading's after, units in words", () => {
  const text = [
    'Registro de falas do leitor de tela',
    'SaúdeLab Exames',
    'Botão, Voltar, toque duas vezes para ativar',
    'Imagem sem rótulo',
    'Lista, 6 itens',
    'Ácido úrico, cabeçalho nível 2',
    'Resultado: 7,6 miligramas por decilitro. Valor acima da referência.',
    'Referência: 2,4 a 5,7 miligramas por decilitro.',
    'Botão, Ver histórico',
    'Ferritina, cabeçalho nível 2',
    'Resultado: 88 nanogramas por mililitro.',
    'Sem valor de referência para este exame.',
    'Rolando, página 2 de 2',
    'Microalbuminúria, amostra isolada, cabeçalho nível 2',
    'Resultado: 12 miligramas por litro. Valor dentro da referência.',
    'Referência: menor que 20 miligramas por litro.',
    'Mostrando 3 de 6 itens. Role para ver mais.',
    'Fim da lista',
    'Botão, Compartilhar',
    'Guia, Início, 1 de 3',
    'Guia, Resultados, selecionada, 2 de 3',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Ácido úrico', 7.6, 'mg/dL', 'alto'],
    ['Ferritina', 88, 'ng/mL', 'indeterminado'],
    ['Microalbuminúria, amostra isolada', 12, 'mg/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('risk goals spoken with a comma after each category are goals, no category stated for the patient', () => {
  const text = [
    'Exames',
    'Colesterol não HDL: 124 mg/dL',
    'Metas conforme o risco cardiovascular: risco baixo, menor que 160. Risco intermediário, menor que 130. Risco alto, menor que 100.',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [['Colesterol não-HDL', 124, 'indeterminado']],
  );
});

test("a unit in English order (µIU/mL, UCUM's uIU/mL) is the Portuguese µUI/mL a range's text prints", () => {
  const text = [
    '{',
    '  "resourceType": "Observation",',
    '  "status": "final",',
    '  "code": {"text": "T4 livre"},',
    '  "valueQuantity": {"value": 1.12, "unit": "ng/dL"},',
    '  "referenceRange": [{"text": "0,70 a 1,48 ng/dL"}]',
    '}',
    '{',
    '  "resourceType": "Observation",',
    '  "status": "final",',
    '  "code": {"text": "Insulina"},',
    '  "valueQuantity": {"value": 8.4, "unit": "uIU/mL", "code": "uIU/mL"},',
    '  "referenceRange": [{"low": {"value": 2.6, "unit": "uIU/mL"}, "high": {"value": 24.9, "unit": "uIU/mL"}, "text": "2,6 a 24,9 µUI/mL"}]',
    '}',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [
      ['T4 livre', 1.12, 'normal'],
      ['Insulina', 8.4, 'normal'],
    ],
  );
  const printed = parseLabReport(['Exames', 'FSH   6,1 mIU/mL   3,5 a 12,5 mUI/mL'].join('\n'), { today: '2025-06-01' });
  assert.deepEqual(
    brief(printed).map(([n, v, , f]) => [n, v, f]),
    [['FSH', 6.1, 'normal']],
  );
});
