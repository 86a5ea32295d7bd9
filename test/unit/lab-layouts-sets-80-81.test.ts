// The general causes behind the misses of held-out sets 80 and 81, one focused case each: the parser on
// the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test("a word result with an OCR slip ('Arnarelo palha', 'Norrnal') is read as the word its reference prints", () => {
  const text = [
    '| Exame | Resultado | Valor de Referência |',
    '|---|---|---|',
    '| Cor | Arnarelo | Amarelo |',
    '| Urobilinogênio | Norrnal | Normal |',
    '| Cetonas | Negativo | Negativo |',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.qualitative.map((q) => [q.name, q.value, q.flag]),
    [
      ['Cor', 'Amarelo', 'normal'],
      ['Urobilinogênio', 'Normal', 'normal'],
      ['Cetonas', 'Negativo', 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("two analytes sharing a row, names, values and references each joined by a slash ('Ureia / Creatinina … 38 / 1,1')", () => {
  const text = [
    'BIOQUÍMICA',
    ' Ureia / Creatinina ........... 38 / 1,42 mg/dL ..... VR 15 a 45 / 0,60 a 1,20',
    ' AST / ALT                      22 / 57 U/L           até 35 / até 45',
    ' Fosf. alcalina  90 U/L          35 a 105',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ureia', 38, 'mg/dL', 'normal'],
    ['Creatinina', 1.42, 'mg/dL', 'alto'],
    ['TGO (AST)', 22, 'U/L', 'normal'],
    ['TGP (ALT)', 57, 'U/L', 'alto'],
    ['Fosfatase alcalina', 90, 'U/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a ratio's name with a slash and one value stays one result", () => {
  const r = parseLabReport('Albumina / Globulina ........ 1,6          1,1 a 2,2');
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [[1.6, 'normal']],
  );
});

test("the exam's name before a slash in each row ('EAS / Densidade') leaves the analyte after it", () => {
  const text = [
    'Exame: Sumário de urina / Densidade - Resultado: 1.018 - VR: 1.005 a 1.030',
    'Exame: EAS / pH - Resultado: 5,5 - VR: 5,0 a 7,0',
    'Exame: Hemograma / Hemoglobina - Resultado: 11,2 g/dL - VR: 12,0 a 16,0 g/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.key, a.value, a.flag]),
    [
      ['densidade', 1.018, 'normal'],
      ['ph', 5.5, 'normal'],
      ['hemoglobina', 11.2, 'baixo'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("the fasting hours in brackets after a range ('(JEJUM DE 12 H)') are its condition, and no flag 'H'", () => {
  const text = [
    'EXAME                          RESULTADO  UNID.    VALORES DE REFERENCIA',
    'INSULINA                         31,0  H  uUI/mL   2,6 A 24,9 (JEJUM DE 12 H)',
    'GLICEMIA                         84       mg/dL    70 a 99 (após jejum de 8 a 12 horas)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.key, a.value, a.flag, a.reference_low, a.reference_high]),
    [
      ['insulina', 31, 'alto', 2.6, 24.9],
      ['glicose', 84, 'normal', 70, 99],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a heading over the ranges with an age band in brackets ('Adultos (até 65 anos):') beside the value", () => {
  const text = [
    'Sexo: Masculino   Idade: 40 anos',
    '  Vitamina B12 ...........: 240 pg/mL      Ref.: Adultos (18 a 65 anos):',
    '                                                 superior a 300 pg/mL',
    '                                                 Limítrofe: 200 a 300 pg/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.key, a.value, a.unit]),
    [['vitamina_b12', 240, 'pg/mL']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('the clock time a sample was drawn in brackets in its name picks the time-of-day range', () => {
  const text = [
    'Sexo: Feminino   Idade: 35 anos',
    '| Parâmetro | Resultado | Referência |',
    '| Cortisol (coleta 16:40) | 9,8 µg/dL | 16 a 20 h: 2,3 a 11,9 |',
    '| ACTH (coleta às 08:05) | 71 pg/mL | 7 a 10 h: 7,2 a 63,3 |',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Cortisol (coleta 16:40)', 9.8, 'µg/dL', 'normal'],
    ['ACTH (coleta às 08:05)', 71, 'pg/mL', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("ranges by collection time written out in hours ('Coleta entre 16 e 20 horas'), one per sample", () => {
  const text = [
    'CORTISOL - 2ª COLETA (coleta às 17:15)                          13,0 µg/dL',
    'Intervalo de referência:',
    '   Coleta entre 7 e 10 horas ........ 6,2 a 19,4 µg/dL',
    '   Coleta entre 16 e 20 horas ....... 2,3 a 11,9 µg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag, a.reference_low, a.reference_high]),
    [[13, 'alto', 2.3, 11.9]],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a second range under the first, labelled by its collection time ('Coleta entre 16 e 20 h:'), is no collection line", () => {
  const text = [
    'Cortisol matinal               11,3         µg/dL        Coleta entre 7 e 10 h: 6,2 a 19,4',
    '                                                         Coleta entre 16 e 20 h: 2,3 a 11,9',
  ].join('\n');
  const r = parseLabReport(text);
  assert.equal(r.analytes.length, 1);
  assert.equal(r.analytes[0]!.reference_text, 'Coleta entre 7 e 10 h: 6,2 a 19,4 Coleta entre 16 e 20 h: 2,3 a 11,9');
  assert.deepEqual(r.unparsed_lines, []);
});

test("a dialysis target labelled by the kidney disease stage ('Meta DRC 5D: 150 a 600')", () => {
  const r = parseLabReport(' PTH intacto                         702         pg/mL         Meta DRC 5D: 150 a 600');
  assert.deepEqual(brief(r), [['PTH intacto', 702, 'pg/mL', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a risk group's list wrapped after a comma onto an abbreviation in capitals ('DRC, …'): the group's range for an older patient", () => {
  const text = [
    'Sexo: Masculino   Idade: 71 anos',
    'VITAMINA D (25-OH)',
    '   Resultado ............: 26,0 ng/mL',
    '   Valores de referência:  População geral até 60 anos: superior a 20',
    '                           Grupos de risco (acima de 60 anos, gestantes, osteoporose,',
    '                           IRC, má absorção): 30 a 60',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag, a.reference_low, a.reference_high]),
    [[26, 'baixo', 30, 60]],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("an app's link line between a card's value and its reference ('ⓘ Ver faixas por fase')", () => {
  const text = ['PROGESTERONA', '0,6 ng/mL', 'ⓘ Ver faixas por fase', 'Referência: Folicular 0,1 a 0,9 · Lútea 1,8 a 24 ng/mL'].join('\n');
  const r = parseLabReport(text);
  assert.equal(r.analytes.length, 1);
  assert.equal(r.analytes[0]!.reference_text, 'Folicular 0,1 a 0,9 · Lútea 1,8 a 24 ng/mL');
  assert.deepEqual(r.unparsed_lines, []);
});

test("a lab's control time under a wrapped ratio row ('Controle normal do dia: 29,8 segundos') is no result", () => {
  const text = [
    'Exame                       Resultado              Valores de referência',
    'Tempo de tromboplastina     41,2 segundos          25,0 a 37,0 segundos',
    'parcial ativada (TTPa)',
    'Relação TTPa                1,38                   até 1,25',
    '(paciente/controle)',
    'Controle normal do dia: 29,8 segundos',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [
      [41.2, 'alto'],
      [1.38, 'alto'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("page furniture of a lab app and a PDF: a phone's status bar, the order's progress, the report's title, a reagent's ISI, an assay's temperature", () => {
  const text = [
    '10:05 ▶ Chrome                                   5G 81%',
    'Status: 4 de 6 exames prontos',
    'Centro Diagnóstico Vale Verde                                   Resultado de Exames',
    'Método: coagulométrico - ISI do reagente: 0,98',
    'Atividade de protrombina    88 %                   70 a 120 %',
    'ENZIMAS - soro   (U/L, 37 °C)',
    'Amilase                     61                     28 a 100',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [
      [88, 'normal'],
      [61, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a dialysis clinic's header: the dialyser's membrane area beside the record and shift is no value", () => {
  const text = [
    'Registro: HD-0932    Turno: 3º (ter/qui/sáb)    Acesso: cateter    Dialisador: 2,1 m²',
    ' Fósforo                             5,9         mg/dL         Meta: 3,5 a 5,5',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Fósforo', 5.9, 'mg/dL', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("an attachment's file name, a hospital floor and a transcriber's quoted character hold no values", () => {
  const text = [
    '[Anexo: Resultado_55120-0417.pdf]',
    'SETOR    : CLINICA CIRURGICA - 3 ANDAR   LEITO: 305-A',
    'Ureia                            52       mg/dL    15 A 43',
    '> Nota da transcrição: "1" e "l" podem ter sido confundidos.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Ureia', 52, 'mg/dL', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});
