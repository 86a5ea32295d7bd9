// Comma-separated (CSV) exports of lab results, as a spreadsheet or a portal's "exportar CSV" writes them: the
// header naming the columns in any order or none in the usual order, decimal-comma numbers quoted (RFC 4180),
// a ';'-separated file as Excel in pt-BR writes it, quoted fields holding commas and doubled quotes, empty cells
// (h1892). One focused case each, with names and values of their own; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { numbersIn } from '../../src/labs/numbers.ts';
import { rowsWithUnits } from '../support/lab-rows.ts';

const read = (lines: string[]) => parseLabReport(lines.join('\n'), { sex: 'F', birthDate: '1971-04-02', today: '2025-06-01' });
const show = (r: ReturnType<typeof read>) => JSON.stringify({ rows: rowsWithUnits(r), unparsed: r.unparsed_lines });

test('a comma-separated export with a header reads each row, its quoted decimal-comma numbers whole (h1892)', () => {
  const r = read([
    'Exame,Resultado,Unidade,Referência,Data da coleta,Laboratório,Observação',
    'Ferritina,9,ng/mL,13 a 150,11/03/2025,Lab Santa Luzia,tomando sulfato ferroso',
    'Hemoglobina,"11,2",g/dL,"12,0 a 15,5",11/03/2025,Lab Santa Luzia,',
    'TSH,"2,31",µUI/mL,"0,45 a 4,50",11/03/2025,Lab Santa Luzia,',
    'Magnésio,"2,9",mg/dL,"1,6 a 2,6",11/03/2025,Lab Santa Luzia,repetir em 3 meses',
  ]);
  assert.deepEqual(
    rowsWithUnits(r),
    [
      ['Ferritina', 9, 'ng/mL', 'baixo'],
      ['Hemoglobina', 11.2, 'g/dL', 'baixo'],
      ['TSH', 2.31, 'µUI/mL', 'normal'],
      ['Magnésio', 2.9, 'mg/dL', 'alto'],
    ],
    show(r),
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("an empty reference cell shifts no column: the lab's name and a remark are no reference (h1892)", () => {
  const r = read([
    'Exame,Resultado,Unidade,Referência do laudo,Laboratório,Obs (minhas)',
    'Ureia,48,mg/dL,15 a 40,Lab Centro,',
    'Vitamina B12,510,pg/mL,,Lab Centro,esqueci a referência',
  ]);
  assert.deepEqual(
    rowsWithUnits(r).map(([n, v, u]) => [n, v, u]),
    [
      ['Ureia', 48, 'mg/dL'],
      ['Vitamina B12', 510, 'pg/mL'],
    ],
    show(r),
  );
  assert.equal(rowsWithUnits(r)[0]![3], 'alto');
  assert.deepEqual(r.unparsed_lines, []);
});

test('the columns in another order, the date first and the unit before the result, read as named (h1892)', () => {
  const r = read(['Data,Exame,Unidade,Resultado,Referência', '02/04/2025,Glicose,mg/dL,112,70 a 99', '02/04/2025,Potássio,mEq/L,"4,1","3,5 a 5,1"']);
  assert.deepEqual(
    rowsWithUnits(r),
    [
      ['Glicose', 112, 'mg/dL', 'alto'],
      ['Potássio', 4.1, 'mEq/L', 'normal'],
    ],
    show(r),
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a ';'-separated export as Excel in pt-BR writes it, with no header, reads in the usual order (h1892)", () => {
  const r = read(['Glicose;94;mg/dL;70 a 99', 'Creatinina;1,32;mg/dL;0,50 a 1,10', 'TGP;19;U/L;até 33']);
  assert.deepEqual(
    rowsWithUnits(r),
    [
      ['Glicose', 94, 'mg/dL', 'normal'],
      ['Creatinina', 1.32, 'mg/dL', 'alto'],
      ['TGP (ALT)', 19, 'U/L', 'normal'],
    ],
    show(r),
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('comma-separated rows with no header read in the usual order too (h1892)', () => {
  const r = read(['Sódio,138,mEq/L,135 a 145', 'Cálcio,"10,9",mg/dL,"8,6 a 10,3"']);
  assert.deepEqual(
    rowsWithUnits(r),
    [
      ['Sódio', 138, 'mEq/L', 'normal'],
      ['Cálcio', 10.9, 'mg/dL', 'alto'],
    ],
    show(r),
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a quoted field holds commas and doubled quotes of its own (h1892)', () => {
  const r = read([
    'Exame,Resultado,Unidade,Referência,Notas',
    '"Colesterol HDL, direto","38",mg/dL,"maior que 50",',
    'Triglicerídeos,210,mg/dL,"menor que 150","médica disse ""dieta"", repetir"',
  ]);
  assert.deepEqual(
    rowsWithUnits(r).map(([, v, u, f]) => [v, u, f]),
    [
      [38, 'mg/dL', 'baixo'],
      [210, 'mg/dL', 'alto'],
    ],
    show(r),
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a reference cell sending the reader to a risk table in the lab report states no range (h1892)', () => {
  const r = read(['Exame,Resultado,Unidade,Referência', 'LDL,151,mg/dL,ver tabela de risco no laudo', 'Glicose,88,mg/dL,70 a 99']);
  assert.deepEqual(
    rowsWithUnits(r).map(([, v, , f]) => [v, f]),
    [
      [151, 'indeterminado'],
      [88, 'normal'],
    ],
    show(r),
  );
});

test('a number between commas with no digit beside them is a whole number (numbersIn)', () => {
  assert.deepEqual(
    numbersIn('Testosterona total,812,ng/dL,249 a 836').map((n) => n.values),
    [[812], [249], [836]],
  );
  assert.deepEqual(
    numbersIn('Ferritina 1,5 ng/mL').map((n) => n.values),
    [[1.5]],
  );
});

test('a sentence under a comma-separated table is no row of it: its value is read or listed, never lost (h1892)', () => {
  const said = 'Repeti a glicose no posto, deu 131 mg/dL';
  const r = read(['Exame,Resultado,Unidade,Referência', 'Glicose,"101",mg/dL,70 a 99', said]);
  assert.deepEqual(rowsWithUnits(r)[0], ['Glicose', 101, 'mg/dL', 'alto'], show(r));
  assert.ok(rowsWithUnits(r).some(([, v]) => v === 131) || r.unparsed_lines.includes(said), show(r));
});
