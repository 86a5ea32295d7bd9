// The general causes behind the misses of held-out sets 97 and 99 (h947, h965, h966, h970, h971, h972), one
// focused case each: the parser on a few rewritten lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountLines } from '../../src/labs/accounting.ts';
import { cleanLine } from '../../src/labs/lines.ts';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

/** The lines the accounting pass lists when the reader's analyte of line `lost` is hidden from it. */
function listedWhenLost(text: string, lost: number): string[] {
  const r = parseLabReport(text);
  const lines = text.split('\n').map((raw, index) => ({ index, raw, text: cleanLine(raw, index).text }));
  return accountLines(
    lines,
    [...r.analytes, ...r.qualitative].filter((a) => a.line !== lost),
    [],
  );
}

test("a block's reference column whose cells name each result is read on each result's line; a previous result named by its analyte is no result", () => {
  const text = [
    'Sexo: Feminino   Idade: 44 anos',
    'SÓDIO E POTÁSSIO',
    'Material: Soro                                     Valores de referência:',
    'Método: Eletrodo íon-seletivo                        Sódio - Adultos 136 a 145 mEq/L',
    '                                                                 Crianças 138 a 145 mEq/L',
    '   Sódio:      133 mEq/L                             Potássio - Adultos 3,5 a 5,1 mEq/L',
    '   Potássio:   5,4 mEq/L                                         Crianças 3,4 a 4,7 mEq/L',
    '   Potássio anterior: 4,9 mEq/L (02/01/2025)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Sódio', 133, 'mEq/L', 'baixo'],
    ['Potássio', 5.4, 'mEq/L', 'alto'],
  ]);
  assert.equal(r.analytes[0]!.reference_text, 'Adultos 136 a 145 mEq/L; Crianças 138 a 145 mEq/L');
  assert.deepEqual(r.unparsed_lines, []);
});

test("a previous result named by its analyte, its date after the value, is an earlier sample's: no result, nothing unread", () => {
  const text = [
    'Sexo: Feminino   Idade: 52 anos',
    'GLICOSE',
    'Material: Plasma fluoretado',
    '   Glicose:   104 mg/dL          70 a 99 mg/dL',
    '   Glicose anterior: 98 mg/dL (10/01/2025)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Glicose', 104, 'mg/dL', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a range label alone in a right-hand reference column, its range on the next line further right, beside "Resultado:" or alone', () => {
  const text = [
    'Sexo: Masculino   Idade: 63 anos',
    'ANDROSTENEDIONA',
    'Material: Soro                                     Valores de referência:',
    'Método: Quimioluminescência                          Homens 18 a 49 anos . 0,6 a 3,1 ng/mL',
    '                                                     Homens 50 anos ou mais',
    '   Resultado:     2,6 ng/mL                                       0,4 a 2,2 ng/mL',
    '                                                     Mulheres não gestantes',
    '                                                                  0,3 a 3,3 ng/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['ANDROSTENEDIONA', 2.6, 'ng/mL', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a right-hand cell's last words wrapped alone in lower case at its column are no title: the block's title names the result", () => {
  const text = [
    'TESTOSTERONA BIODISPONÍVEL',
    'Material: Soro                                     Não possui valor de referência',
    'Método: Cálculo                                    isolado; avaliar com a testosterona',
    '                                                   total.',
    '   Resultado:     85 ng/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['TESTOSTERONA BIODISPONÍVEL', 85, 'ng/dL', 'indeterminado']]);
});

test("a page break that prints the table's header again keeps the value columns' units of a section going on '(continuação)'", () => {
  const header = [
    'Exame                                Resultado      Unidade        Valores de referência',
    '-------------------------------------------------------------------------------------------',
  ];
  const text = [
    'Sexo: F   Idade: 34 anos',
    ...header,
    'HEMOGRAMA',
    '   Leucócitos                        6.100          /mm³           4.000 a 10.000',
    '                                     %       /mm³                  %              /mm³',
    '   Eosinófilos                       3       183                   0 a 5          0 a 500',
    '',
    'Emitido em 02/04/2025 10:12                                         Página 1 de 2',
    '===========================================================================================',
    ...header,
    'HEMOGRAMA (continuação)',
    '   Monócitos                         11      671                   2 a 10         80 a 1.000',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Leucócitos', 6100, '/mm³', 'normal'],
    ['Eosinófilos (%)', 3, '%', 'normal'],
    ['Eosinófilos', 183, '/mm³', 'normal'],
    ['Monócitos (%)', 11, '%', 'alto'],
    ['Monócitos', 671, '/mm³', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a typed block's result and its grade in crosses share the negative word reference under them; the grade is a result the pass counts", () => {
  const text = [
    'PESQUISA DE HEMATOZOÁRIOS (ESFREGAÇO)',
    'MÉTODO: GIEMSA',
    '',
    'RESULTADO............: POSITIVO PARA PLASMODIUM FALCIPARUM',
    'PARASITEMIA..........: +++',
    'VALOR DE REFERÊNCIA..: NEGATIVO',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['PESQUISA DE HEMATOZOÁRIOS (ESFREGAÇO)', 'POSITIVO PARA PLASMODIUM FALCIPARUM', null, 'alterado'],
    ['PARASITEMIA', '+++', null, 'alterado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  // Lost by the reader, the grade's line is listed.
  assert.ok(listedWhenLost(text, 4).includes('PARASITEMIA..........: +++'));
});

test('a finding named by its method, wrapped over two lines by an e-mail, is read whole on its first line', () => {
  const text = [
    '*PARASITOLÓGICO DE FEZES*',
    'Método de Faust (centrífugo-flutuação): Positivo - cistos de',
    'Giardia lamblia (ref.: Negativo)',
    'Método de Rugai (pesquisa de larvas): Positivo - larvas',
    'de Strongyloides stercoralis (ref.: Negativo)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Método de Faust (centrífugo-flutuação)', 'Positivo - cistos de Giardia lamblia', null, 'alterado'],
    ['Método de Rugai (pesquisa de larvas)', 'Positivo - larvas de Strongyloides stercoralis', null, 'alterado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  // The result word the report sets apart in bold is the result, the rest its comment.
  const bold = parseLabReport('- **Pesquisa de ovos e cistos:** **Positivo** – cistos de *Giardia lamblia* (VR: Negativo)');
  assert.deepEqual(brief(bold), [['Pesquisa de ovos e cistos', 'Positivo', null, 'alterado']]);
});

test('weeks of pregnancy not printed are counted from the DUM printed for her: the beta-hCG range of her week', () => {
  const text = [
    'Sexo: Feminino',
    'Data da coleta: 24/03/2025 08:10',
    'Informações clínicas: Gestante: Sim · DUM: 10/02/2025',
    '',
    'Beta HCG Quantitativo',
    'Resultado',
    '12.400,0 mUI/mL',
    'Valor de referência',
    'Gestantes (semanas após a DUM):',
    '4 semanas: 9,5 a 750,0 mUI/mL',
    '5 semanas: 217,0 a 7.138,0 mUI/mL',
    '6 semanas: 158,0 a 31.795,0 mUI/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Beta HCG Quantitativo', 12400, 'mUI/mL', 'normal']]);
  assert.equal(r.analytes[0]!.reference_low, 158);
});

test('a blood group alone on the line under its label, one cell a line, is the result; lost, its line is listed', () => {
  const text = ['Tipagem Sanguínea ABO e Fator Rh', 'Grupo sanguíneo', 'B', 'Fator Rh', 'Negativo'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Grupo sanguíneo', 'B', null, 'indeterminado'],
    ['Fator Rh', 'Negativo', null, 'indeterminado'],
  ]);
  assert.ok(listedWhenLost(text, 2).includes('B'));
});

test("the urine albumin/creatinine ratio named as urinary is the catalogue's ratio", () => {
  const r = parseLabReport('RELAÇÃO ALBUMINA/CREATININA URINÁRIA   35 mg/g   Normal: inferior a 30 mg/g');
  assert.equal(r.analytes[0]!.key, 'relacao_albumina_creatinina');
  assert.equal(r.analytes[0]!.flag, 'alto');
});
