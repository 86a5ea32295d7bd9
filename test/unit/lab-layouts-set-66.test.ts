// The general causes behind the misses of held-out set 66, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('an earlier-results column whose samples print their date first is cut from each row', () => {
  const text = [
    'ÁCIDO ÚRICO E FUNÇÃO HEPÁTICA',
    'Material: Soro',
    'Método: Enzimático colorimétrico',
    '',
    '                                 Resultado     Resultados anteriores',
    'Ácido úrico                      7,9 mg/dL     05/05/2024: 6,8 mg/dL',
    '   Valor de referência: 3,4 a 7,0 mg/dL',
    'TGO                              29 U/L        05/05/2024: 33 U/L',
    '   Valor de referência: até 40 U/L',
    '',
    'Liberado por: Dra. Joana Prates - CRF-SP 12.345',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ácido úrico', 7.9, 'mg/dL', 'alto'],
    ['TGO (AST)', 29, 'U/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a history column with the date and the earlier value in cells of their own is cut too', () => {
  const text = [
    'FERRITINA',
    'Material: Soro    Método: Quimioluminescência',
    '                                     RESULTADO          HISTÓRICO',
    'Ferritina                              12 ng/mL         22/07/2024   35 ng/mL',
    'Valores de referência: 15 a 150 ng/mL',
    'Assinado eletronicamente por Dra. Lia Rocha - CRM-GO 10.100',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Ferritina', 12, 'ng/mL', 'baixo']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a bare "<" / ">" in an alert column after the value flags it; a comparator with a number stays a range', () => {
  const text = [
    'PACIENTE: MARIA SOUZA                 SEXO: F   IDADE: 60 anos',
    'EXAME                    RESULTADO   ALERTA  UNIDADE         INTERVALO DE REFERÊNCIA',
    'MAGNÉSIO                      1,4    <       mg/dL           1,6 - 2,6',
    'CÁLCIO                       10,9    >       mg/dL           8,6 - 10,3',
    'ALBUMINA                      4,1            g/dL            3,5 - 5,2',
    'PCR                           3,2            mg/L            < 5,0',
    'SOLICITANTE: DR. PAULO LIMA CRM-GO 16.230        COLETA: 19/03/2025 07:55',
    'Legenda: > acima do intervalo   < abaixo do intervalo   !! valor crítico',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Magnésio', 1.4, 'mg/dL', 'baixo'],
    ['Cálcio', 10.9, 'mg/dL', 'alto'],
    ['Albumina', 4.1, 'g/dL', 'normal'],
    ['Proteína C reativa (PCR)', 3.2, 'mg/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a column of ranges with each end right-aligned ("0 a   700") reads each range as one', () => {
  const text = [
    'LEUCOGRAMA                       Resultado              Valores de referência',
    'Segmentados                      61,0 %    4.270 /mm³   1.800 a 7.700 /mm³',
    'Bastonetes                        2,0 %      140 /mm³       0 a   700 /mm³',
    'Linfócitos                       27,0 %      890 /mm³   1.000 a 4.500 /mm³',
    'Liberado por: Dra. Ana Souza - CRF-RS 9.114          Coleta: 10/02/2025 08:10',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Segmentados (%)', 61, '%', 'indeterminado'],
    ['Segmentados', 4270, '/mm³', 'normal'],
    ['Bastonetes (%)', 2, '%', 'indeterminado'],
    ['Bastonetes', 140, '/mm³', 'normal'],
    ['Linfócitos (%)', 27, '%', 'indeterminado'],
    ['Linfócitos', 890, '/mm³', 'baixo'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a LIS's shortened name of the transferrin saturation is the catalogue's analyte", () => {
  const text = [
    'EXAME                    RESULTADO   ALERTA  UNIDADE         INTERVALO DE REFERÊNCIA',
    'SAT. TRANSFERRINA              48    >       %               20 - 45',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Saturação da transferrina', 48, '%', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a chat export's stamp with the time before the date dates the message, the result after it is read", () => {
  const text = [
    '[14:05, 02/06/2025] Laboratório Central: Seguem seus resultados, protocolo 55120-3 😊',
    '[14:05, 02/06/2025] Laboratório Central: Potássio: 5,8 mEq/L (VR 3,5 a 5,1)',
    'Sódio: 138 mEq/L (VR 136 a 145)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Potássio', 5.8, 'mEq/L', 'alto'],
    ['Sódio', 138, 'mEq/L', 'normal'],
  ]);
});

test('a range cut at the margin ("12,0 a", its end below) with a number beside it is no right-aligned range', () => {
  const text = ['Hemoglobina       14,1           g/dL             12,0 a   33,3', '                                                  16,0'].join('\n');
  const r = parseLabReport(text);
  assert.ok(r.analytes.some((a) => a.value === 33.3) || r.unparsed_lines.some((u) => u.includes('33,3')), 'the number beside the cut range is read or listed');
  assert.ok(!r.analytes.some((a) => a.reference_text === '12,0 a 33,3'), 'not joined into a range');
});
