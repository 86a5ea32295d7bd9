// The general causes behind the misses of a LACEN/GAL molecular block (h1706), a relatives' chat with a corrected
// value and a repeat sample (h1710), a haemoglobin phenotype (h1704), a reference with the next tier in brackets
// (h1705) and a culture's isolate set apart by a column gap (h1712), one focused case each, rewritten with other
// names and values: the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test("a GAL molecular block's name takes the technique its method line opens with; a serology block keeps its name", () => {
  const text = [
    'Exame: Hantavírus, IgM                                 Material: Soro',
    'Metodologia: ELISA',
    'Resultado: Não Reagente',
    'Valor de referência: Não Reagente',
    '---------------------------------------------------------------------------------',
    'Exame: Biologia Molecular - Febre Amarela (FA)         Material: Soro',
    'Metodologia: RT-qPCR (protocolo CDC)',
    'Resultado: Detectável',
    'Valor de referência: Não Detectável',
    '---------------------------------------------------------------------------------',
    'Exame: Biologia Molecular - Hantavírus                 Material: Sangue total',
    'Metodologia: PCR em tempo real',
    'Resultado: Não Detectável',
    'Valor de referência: Não Detectável',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Hantavírus, IgM', 'Não Reagente', 'normal'],
    ['Febre Amarela (FA), Biologia Molecular (RT-qPCR)', 'Detectável', 'alterado'],
    ['Hantavírus, Biologia Molecular (PCR)', 'Não Detectável', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a chat's correction names the result by its first word; a repeat sample named by its order is the earlier result's", () => {
  const text = [
    '[02/03/2025 10:01] Marcos Lima: Creatinina: 2,31 mg/dL (ref 0,7 a 1,3)',
    'Potássio sérico: 5,9 mEq/L (ref 3,5 a 5,1)',
    '[02/03/2025 10:06] Marcos Lima: opa errei, o potássio é 5,3 e não 5,9',
    '[02/03/2025 10:08] Marcos Lima: vão repetir o potássio de tarde',
    '<Mídia oculta>',
    '[02/03/2025 16:40] Marcos Lima: saiu o segundo potássio (coleta 15:10): 4,8 mEq/L, mesma referência 3,5 a 5,1',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Creatinina', 2.31, 'alto'],
    ['Potássio', 5.3, 'alto'],
    ['Potássio (2ª amostra)', 4.8, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a haemoglobin phenotype printed with its symbol is the phenotype its reference names', () => {
  const text = [
    'PESQUISA DE HEMOGLOBINA S (HPLC) ......... Hb AS            VR: AA',
    'ELETROFORESE DE HEMOGLOBINA .............. Hb AA            VR: AA',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['PESQUISA DE HEMOGLOBINA S (HPLC)', 'Hb AS', 'alterado'],
    ['ELETROFORESE DE HEMOGLOBINA', 'Hb AA', 'normal'],
  ]);
});

test('the next tier in brackets after a reference, its range then its label, is no second reference', () => {
  const text = [
    'PROTEINÚRIA / CREATININÚRIA - URINA (amostra isolada)',
    'Material: Urina     Método: Colorimétrico',
    '',
    '      Resultado: 0,45 g/g',
    '      VR: inferior a 0,15 g/g (0,15 a 0,5 g/g: proteinúria aumentada)',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [['PROTEINÚRIA / CREATININÚRIA - URINA (amostra isolada)', 0.45, 'alto']]);
});

test("a culture's isolate set apart from its label by a column gap is the block's result, no table header", () => {
  const text = [
    'CULTURA DE URINA',
    'Material: urina de sonda      Método: semeadura em ágar cromogênico / identificação',
    'por espectrometria de massas (MALDI-TOF)',
    '',
    '  Resultado:                Proteus mirabilis',
    '  Valor de referência:      Ausência de crescimento bacteriano',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [['CULTURA DE URINA', 'Proteus mirabilis', 'alterado']]);
  assert.deepEqual(r.unparsed_lines, []);
});
