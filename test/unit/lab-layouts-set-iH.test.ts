// Probes for held-out layouts (set iH): a patient's spreadsheet pasted as CSV with one collection a row and one
// exam a column, and a cumulative report whose current date column is headed "ATUAL dd/mm/yy".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

const read = (text: string) => {
  const r = parseLabReport(text, { sex: 'F', birthDate: '1958-02-11', today: '2025-06-01' });
  return { r, by: new Map(r.analytes.map((a) => [a.name, a])) };
};

test('a CSV spreadsheet with one visit a row: the newest dated row is read, with the reference row', () => {
  const text = [
    'Minha planilha de exames - Maria Lúcia,,,,,,',
    'data,Glicose (mg/dL),Ferritina (ng/mL),TSH (mUI/L),Sódio (mEq/L),Hemoglobina (g/dL),obs',
    'referência,70-99,15-150,"0,45-4,5",135-145,"12,0-16,0",',
    '02/02/2024,92,41,"3,8",139,"12,9",sem jejum',
    '10/03/2025,112,"9,5",,141,"11,4",levotiroxina 50',
    '15/09/2024,88,55,"2,2",140,"13,1",',
    ',,,,,,',
    'média (3 exames),97,"35,2","3,0",140,"12,5",',
  ].join('\n');
  const { r, by } = read(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag]),
    [
      ['Glicose', 112, 'alto'],
      ['Ferritina', 9.5, 'baixo'],
      ['Sódio', 141, 'normal'],
      ['Hemoglobina', 11.4, 'baixo'],
    ],
  );
  assert.equal(by.get('TSH'), undefined);
  // The averages are no results, but the line is listed, never dropped in silence.
  assert.ok(r.unparsed_lines.some((l) => l.startsWith('média (3 exames)')));
});

test('a semicolon spreadsheet with one visit a row reads its newest row too', () => {
  const text = [
    'Data;Creatinina (mg/dL);Ureia (mg/dL);Potássio (mEq/L)',
    'VR;0,60-1,10;15-45;3,5-5,1',
    '12/12/2024;0,91;33;4,2',
    '03/04/2025;1,32;52;5,4',
  ].join('\n');
  const { r } = read(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag]),
    [
      ['Creatinina', 1.32, 'alto'],
      ['Ureia', 52, 'alto'],
      ['Potássio', 5.4, 'alto'],
    ],
  );
});

test('a cumulative table whose current column is headed "ATUAL dd/mm/yy" reads that column', () => {
  const text = [
    'RELATÓRIO EVOLUTIVO',
    'EXAME                 UNID.     03/03/23  11/09/23  02/04/24  ATUAL 17/02/25   REFERÊNCIA',
    '-------------------------------------------------------------------------------------------',
    'Ferritina             ng/mL     22        31        18*       12*              15 a 150',
    'Sódio                 mEq/L     138       --        141       139              135 a 145',
    'Fosfatase alcalina    U/L       88        97        121*      133*             35 a 104',
  ].join('\n');
  const { r } = read(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag]),
    [
      ['Ferritina', 12, 'baixo'],
      ['Sódio', 139, 'normal'],
      ['Fosfatase alcalina', 133, 'alto'],
    ],
  );
});

test('a reference cell pointing to a lettered note ("ver nota A") is no range: the row is read', () => {
  const text = [
    'EXAME                 RESULTADO   UNID.   REFERÊNCIA',
    'Hemoglobina glicada   6,9         %       ver nota A',
    'Colesterol não-HDL    151         mg/dL   ver nota B',
  ].join('\n');
  const { r } = read(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name.replace(/ \(HbA1c\)$/, ''), a.value]),
    [
      ['Hemoglobina glicada', 6.9],
      ['Colesterol não-HDL', 151],
    ],
  );
});
