// The general causes behind the misses of held-out set 76, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountLines } from '../../src/labs/accounting.ts';
import { cleanLine } from '../../src/labs/lines.ts';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('a fraction named by a capital letter after its word ("Hemoglobina M") is a name, not a sex label', () => {
  const text = [
    'ESTUDO DE HEMOGLOBINAS',
    '  Fração            Resultado (%)      Referência',
    '  Hemoglobina A2    2,9                2,0 a 3,3',
    '  Hemoglobina F     1,8                até 1,2',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemoglobina A2', 2.9, '%', 'normal'],
    ['Hemoglobina F', 1.8, '%', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a row of a name, a word result and a word reference with its level in brackets is a result, not the reference of the row above', () => {
  const text = [
    'EXAME                 RESULTADO   UNIDADE     REFERENCIA',
    'FERRITINA             210         NG/ML       30 A 400',
    'FATOR REUMATOIDE      NEGATIVO                NEGATIVO (ATE 8 UI/ML)',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M' });
  assert.deepEqual(brief(r), [
    ['Ferritina', 210, 'ng/mL', 'normal'],
    ['FATOR REUMATOIDE', 'NEGATIVO', null, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a word reference whose last word names what it grades ("Ausentes ou raras células")', () => {
  const text = ['SEDIMENTO', 'LEVEDURAS: RARAS CÉLULAS', '     Referência: Ausentes ou raras células'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['LEVEDURAS', 'RARAS CÉLULAS', null, 'normal']]);
});

test('a labelled word result with a reference cell led as one, whatever the words ("Fenótipo: Hb SC   Referência: Hb AA")', () => {
  const text = ['HEMOGLOBINOPATIAS (TRIAGEM)', '  Padrão eletroforético: Hb SC            Referência: Hb AA'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Padrão eletroforético', 'Hb SC', null, 'alterado']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("the assay kit under a block's title ('Kit: <brand> (lote …)') keeps the title for the result below it", () => {
  const text = [
    '[03] TESTE RÁPIDO PARA HIV',
    '     Kit: Imuno-Rápido HIV 1/2 (lote 88123)',
    '     Resultado: NÃO REAGENTE               Valor de referência: Não reagente',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['[03] TESTE RÁPIDO PARA HIV', 'NÃO REAGENTE', null, 'normal']]);
});

test('word results side by side, each after its label in its own cell', () => {
  const text = ['TIPAGEM SANGUÍNEA', '     Grupo ABO: AB                 Fator Rh: POSITIVO'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Grupo ABO', 'AB', null, 'indeterminado'],
    ['Fator Rh', 'POSITIVO', null, 'indeterminado'],
  ]);
});

const accountOf = (text: string) => text.split('\n').map((raw, index) => ({ index, raw, text: cleanLine(raw, index).text }));

test('word results side by side, or one with a led word reference: the accounting pass lists the line when the reader loses either', () => {
  for (const line of ['     Grupo ABO: O                  Fator Rh: POSITIVO', '  Padrão eletroforético: Hb AC            Referência: Hb AA']) {
    const text = ['TIPAGEM E HEMOGLOBINAS', line].join('\n');
    const r = parseLabReport(text);
    assert.deepEqual(r.unparsed_lines, [], line);
    const read = [...r.analytes, ...r.qualitative];
    assert.ok(read.length >= 1, line);
    // A blood group's one letter is a whole word: the "o" inside "positivo" beside it does not account for it.
    read.forEach((lost, k) => {
      const listed = accountLines(
        accountOf(text),
        read.filter((_, j) => j !== k),
        [],
      );
      assert.deepEqual(listed, [line.trim()], `${lost.name} lost from "${line}"`);
    });
  }
});

test("a word result's reference cell in words no list holds accounts for itself ('FAC   FA', a haemoglobin profile)", () => {
  const text = [
    'DOENÇA TRIADA                     EXAME / RESULTADO                  VALOR DE REFERÊNCIA',
    'Anemia falciforme e outras        Padrão de hemoglobinas',
    'hemoglobinopatias                 FAC                                FA',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Padrão de hemoglobinas', 'FAC', null, 'alterado']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('days of one month listed before the date, a registration with an illegible digit and a council region without "Região" are no results', () => {
  const text = [
    '**Prontuário:** 0042[ilegível]9  **Data:** 02/12/2026',
    'AMOSTRA: FEZES (MIF), COLETAS DE 3, 4 E 5/02/2026',
    'PARASITOLÓGICO DE FEZES',
    'Resultado: NEGATIVO                        Referência: Negativo',
    'Liberado por: ANA PAULA REIS - Biomédica - CRBM 3ª 14.208',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['PARASITOLÓGICO DE FEZES', 'NEGATIVO', null, 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
  // A value printed after the listed days is still counted.
  const withValue = text.replace('5/02/2026', '5/02/2026   48,7');
  assert.ok(parseLabReport(withValue).unparsed_lines.some((u) => u.includes('48,7')));
});

test('how many microscope fields were examined, the count before "campos examinados", is no result', () => {
  const text = ['PESQUISA DE PLASMODIUM (GOTA ESPESSA)', 'Resultado: NEGATIVO', '- Método: esfregaço corado pelo Giemsa — 200 campos analisados'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['PESQUISA DE PLASMODIUM (GOTA ESPESSA)', 'NEGATIVO', null, 'indeterminado']]);
  assert.deepEqual(r.unparsed_lines, []);
});
