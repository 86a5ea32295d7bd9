// The general causes behind the misses of held-out set 73, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountLines, resultTokens } from '../../src/labs/accounting.ts';
import { cleanLine } from '../../src/labs/lines.ts';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('a viral load against "Não detectado (limite inferior de quantificação: N)" on its own line is above it', () => {
  const text = [
    'Paciente: MARIA JOSE PINTO        Sexo: Feminino        Idade: 51 anos',
    'HBV-DNA QUANTITATIVO',
    'Material: plasma',
    '',
    'Resultado:',
    '2.730 UI/mL',
    '',
    'Valor de referência:',
    'Não detectado (limite inferior de quantificação: 20 UI/mL)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['HBV-DNA QUANTITATIVO', 2730, 'UI/mL', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('the load restated under "Resultado em logaritmo (log10):" is a row of its own, named after the load', () => {
  const text = [
    'Paciente: JOSE LIMA SANTOS        Sexo: Masculino        Idade: 44 anos',
    'HCV-RNA (CARGA VIRAL DA HEPATITE C)',
    'Resultado:',
    '52.400 UI/mL',
    'Valor de referência:',
    'Não detectado (inferior a 15 UI/mL)',
    '',
    'Resultado em logaritmo (log10):',
    '4,72 log',
    'Valor de referência:',
    'Não detectado (inferior a 1,18 log)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['HCV-RNA (CARGA VIRAL DA HEPATITE C)', 52400, 'UI/mL', 'alto'],
    ['HCV-RNA (CARGA VIRAL DA HEPATITE C) (log10)', 4.72, 'log', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a log value with the load\'s unit after "log" ("3,85 log UI/mL") is read on the log scale', () => {
  const text = [
    'Paciente: ANA PAULA REIS     Sexo: Feminino     Idade: 39 anos',
    'Exame: HDV-RNA em log   Resultado: 3,85 log UI/mL   VR: Não detectado (inferior a 1,30 log UI/mL)',
    'Exame: HTLV carga proviral em log   Resultado: 2,10 log cópias/mL   VR: inferior a 1,00 log cópias/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['HDV-RNA em log', 3.85, 'log', 'alto'],
    ['HTLV carga proviral em log', 2.1, 'log', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a word result with its index in brackets labelled "índice S/CO:" is the word', () => {
  const text = [
    'Paciente: PEDRO ALVES     Sexo: Masculino     Idade: 60 anos',
    'Anti-HTLV I/II',
    '   Material: Soro        Método: Quimioluminescência',
    '   Resultado: Reagente (índice S/CO: 8,75)',
    '   Valor de referência: Não reagente (índice inferior a 1,00)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Anti-HTLV I/II', 'Reagente', null, 'alterado']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a genotype named by its code under a block title ("Resultado: Genótipo 3") is a word result', () => {
  const text = [
    'Paciente: LUCAS MOURA     Sexo: Masculino     Idade: 48 anos',
    'Genotipagem do vírus',
    '   Material: Plasma EDTA     Método: sequenciamento',
    '   Resultado: Genótipo 3',
    '   Valor de referência: --',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Genotipagem do vírus', 'Genótipo 3', null, 'indeterminado']]);
});

test('a markdown cell with the titre and, after a line break, the pattern ("<br>Padrão: …") reads the titre', () => {
  const text = [
    '**Paciente:** Rita Moraes  **Sexo:** Feminino  **Idade:** 33 anos',
    '| Exame | Resultado | Unidade | Referência |',
    '|---|---|---|---|',
    '| Anticorpos anticitoplasma de neutrófilos (ANCA) | **Reagente** — título 1/160<br>Padrão: perinuclear (p-ANCA) | — | Não reagente (título inferior a 1/20) |',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Anticorpos anticitoplasma de neutrófilos (ANCA)', '1/160', null, 'alterado']]);
  assert.deepEqual(r.unparsed_lines, []);
});

const accountOf = (text: string) => text.split('\n').map((raw, index) => ({ index, raw, text: cleanLine(raw, index).text }));

test('a genotype code with a letter ("Subtipo 4d") is a result the accounting pass lists when the reader loses it', () => {
  const text = ['Genotipagem viral', '   Material: Plasma EDTA     Método: sequenciamento', '   Resultado: Subtipo 4d'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Genotipagem viral', 'Subtipo 4d', null, 'indeterminado']]);
  assert.deepEqual(r.unparsed_lines, []);
  // The digits glued to a letter are no number token: the code itself is the word to account for.
  assert.deepEqual(
    resultTokens('   Resultado: Subtipo 4d').map((t) => t.text),
    ['4d'],
  );
  assert.deepEqual(accountLines(accountOf(text), [], []), ['Resultado: Subtipo 4d']);
});

test("a Brasília block address and an address after the unit's name on its line are letterhead, not results", () => {
  const text = [
    'LABORATÓRIO CENTRAL - NÚCLEO DE SOROLOGIA',
    'SQN 214, Bloco B, Loja 7 - Asa Norte - Brasília/DF          CNES 2231456',
    'QR 312 Conjunto 4 Lote 9 - Samambaia/DF',
    '**Posto Vila Nova** · Rua das Acácias, Qd. 7, Lt. 22 — Goiânia/GO · CNES 7712003',
    'Posto Jardim América - Av. T-9, Quadra 41 - Goiânia/GO',
    '',
    'Glicose   88 mg/dL   70 a 99 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Glicose', 88, 'mg/dL', 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
  // A value printed beside the address, after a column break, is still counted.
  for (const line of ['QNM 22, Área Especial - Ceilândia/DF   48,7', 'Posto Vila Nova · Rua das Acácias, Qd. 7   48,7']) {
    assert.deepEqual(
      resultTokens(line).map((t) => t.text),
      ['48,7'],
      line,
    );
  }
});
