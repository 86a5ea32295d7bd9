// The accounting gaps behind sets 77, 84, 92, 113, 114 and 117 staying out of CORPUS_SETS, one focused case each:
// a result the reader loses must leave its line listed, whatever layout read it, and a value added where a rule
// joins or sets lines aside must come out read or listed. Short texts of our own. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountLines } from '../../src/labs/accounting.ts';
import { cleanLine } from '../../src/labs/lines.ts';
import { parseLabReport } from '../../src/labs/parse.ts';

const TODAY = '2025-06-01';

/** The lines of results the reader read whose line the pass does not list once that result alone is lost. */
function unlistedWhenLost(text: string): string[] {
  const r = parseLabReport(text, { today: TODAY });
  const lines = text.split('\n').map((raw, index) => ({ index, raw, text: cleanLine(raw, index).text }));
  const read = [...r.analytes, ...r.qualitative];
  assert.ok(read.length > 0, 'nothing read');
  return read.flatMap((lost, k) => {
    const listed = accountLines(
      lines,
      read.filter((_, j) => j !== k),
      [],
    );
    return listed.includes(lines[lost.line]!.raw.trim()) ? [] : [`${lost.name}=${lost.value}`];
  });
}

/** Whether `value` is read as a result or printed on a listed line. */
const shown = (text: string, value: string) => {
  const r = parseLabReport(text, { today: TODAY });
  const v = Number(value.replace('.', '').replace(',', '.'));
  return r.analytes.some((a) => a.value === v) || r.unparsed_lines.some((u) => u.includes(value));
};

test("a finding closing a clause of a typed sentence is the clause's result: lost, its line is listed", () => {
  assert.deepEqual(unlistedWhenLost(['exames do pré-natal', 'o exame deu hbsag positivo e glicose 92 em jejum'].join('\n')), []);
  assert.deepEqual(unlistedWhenLost(['exames', 'parcial de urina: nitrito positivo, hemácias 4.000/ml (ref até 10.000)'].join('\n')), []);
  assert.deepEqual(unlistedWhenLost(['exames', '- teste de gravidez negativo (fiz porque atrasou)'].join('\n')), []);
});

test("a finding with its word reference one space after it, a phone copy of a PDF row, is the name's result", () => {
  assert.deepEqual(unlistedWhenLost(['IMUNO-HEMATOLOGIA', 'Pesquisa de anticorpos anti-eritrocitários irregulares (PAI) POSITIVO Negativo'].join('\n')), []);
});

test("labelled word results between ';' are each one result's: one lost leaves its line listed", () => {
  const text = ['(3/4) HBsAg: NAO REAGENTE (ref nao reagente); Anti-HBc total: NAO REAGENTE (ref nao reagente); Sifilis: NAO REAGENTE (ref nao reagente)'].join(
    '\n',
  );
  assert.deepEqual(unlistedWhenLost(text), []);
});

test("a JSON object's word value is the result on its line: lost, the line is listed", () => {
  const text = [
    '{',
    '  "resultados": [ {',
    '    "exame": "Anti-HBs",',
    '    "valor": "Reagente",',
    '    "referencia": "Não reagente"',
    '  }, {',
    '    "exame": "HBsAg",',
    '    "valor": "Não reagente",',
    '    "referencia": "Não reagente"',
    '  } ]',
    '}',
  ].join('\n');
  assert.deepEqual(unlistedWhenLost(text), []);
  assert.deepEqual(parseLabReport(text, { today: TODAY }).unparsed_lines, []);
});

test("the option a form's ticked box picks is the result: lost, its line is listed", () => {
  const text = [
    'TESTE RÁPIDO PARA HEPATITE B (HBsAg)',
    '   Resultado:  ( X ) Reagente     (   ) Não reagente     (   ) Inválido',
    'TESTE RÁPIDO PARA SÍFILIS',
    '   Resultado:  (   ) Reagente     ( X ) Não reagente     (   ) Inválido',
  ].join('\n');
  assert.deepEqual(unlistedWhenLost(text), []);
});

test("a screen reader's field spoken over two lines: its value lost, the value line is listed", () => {
  const text = [
    'Janela: Laudo - aplicativo',
    'Botão: Voltar',
    'Título, nível 2: Cultura de urina',
    'Rótulo: Microrganismo isolado',
    'Valor: Proteus mirabilis',
    'Rótulo: Contagem',
    'Valor: 80.000 UFC/mL',
    'Botão: Compartilhar',
  ].join('\n');
  assert.deepEqual(unlistedWhenLost(text), []);
});

test('what an SMS part prints after its last result, the part read with the part before it, is listed', () => {
  const text = [
    '10:02',
    '(2/3) Ureia 31 mg/dL (ref 15 a 45); Ferritina 88 ng/mL (ref 15 a',
    '',
    '10:02',
    '(3/3) 150); Acido urico 5,1 mg/dL (ref 2,4 a 6,0)   (refeito: 62,7)',
  ].join('\n');
  assert.ok(shown(text, '62,7'));
});

test("a value after the bound a phone viewer's broken row left alone on its line is listed", () => {
  const text = [
    'LEUCOGRAMA',
    'Leucócitos',
    '7.100 /mm³ 3.500 a 10.500',
    '/mm³',
    '%',
    '/mm³',
    'Neutrófilos',
    '58,2',
    '4.132',
    '1.700 a 7.000',
    'Eosinófilos 3,1 220 50 a',
    '500   36,9',
    'Basófilos 0,5 36 0 a 100',
    'Linfócitos',
    '30,2 2.144 900 a 2.900',
    'Monócitos 8,0',
    '568 300 a 900',
  ].join('\n');
  assert.ok(shown(text, '36,9'));
});

test("a second result on a row under an earlier results heading is no earlier sample's: the row is listed", () => {
  const text = [
    'Exame                                Realizado em   Resultado',
    'GLICOSE (02.02.01.047-3)              10/04/2025     131 mg/dL',
    'UREIA (02.02.01.069-4)                10/04/2025     38 mg/dL',
    '',
    'Histórico - resultados anteriores',
    'Exame                                Realizado em   Resultado',
    'GLICOSE (02.02.01.047-3)              02/10/2024     144 mg/dL ; Ureia 57,3',
  ].join('\n');
  assert.ok(shown(text, '57,3'));
});
