// Administrative lines of held-out sets 161-165 that the corpus test's administrative-lines check found listed as
// unread: a health unit's name before its CNES, a serology tube's volume beside the collection's date, a marker's
// history named without a dash. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';

const TODAY = { today: '2025-06-01', sex: 'F' as const, birthDate: '1960-01-01' };
const read = (lines: string[]) => {
  const r = parseLabReport(lines.join('\n'), TODAY);
  return { rows: r.analytes.map((a) => [a.name, a.value, a.flag]), unparsed: r.unparsed_lines };
};
const GLUCOSE = 'Glicose .......: 95 mg/dL    (70 a 99)';

test("a health unit's name before its CNES, in any case, after a dash, a planning area's number in it, is administrative (h1609, h1621)", () => {
  const r = read(['LABORATORIO CENTRAL MUNICIPAL - AP 3.3 - MADUREIRA           CNES 2270591', 'UBS 5 Ceilândia - CNES 0010871', GLUCOSE]);
  assert.deepEqual(r.rows, [['Glicose', 95, 'normal']]);
  assert.deepEqual(r.unparsed, []);
});

test('a value with its unit before a CNES stays a result to read or list', () => {
  const line = 'Hemoglobina 13,5 g/dL - CNES 2270591';
  const r = read([line]);
  assert.ok(r.rows.some(([, v]) => v === 13.5) || r.unparsed.includes(line), JSON.stringify(r));
});

test("a serology tube's volume in a cell of the line that dates the collection is administrative (h1614)", () => {
  const r = read(['Amostra: Soro     Data da coleta: 09/05/2025     Recebimento LACEN: 12/05/2025     Volume: 3,0 mL', GLUCOSE]);
  assert.deepEqual(r.unparsed, []);
});

test("a 24-hour urine's volume beside its collection date is a result, never hidden", () => {
  const line = 'URINA DE 24 HORAS     Data da coleta: 01/05/2025     Volume: 1.850 mL';
  const r = read([line, GLUCOSE]);
  assert.ok(r.rows.some(([, v]) => v === 1850) || r.unparsed.includes(line), JSON.stringify(r));
});

test("a marker's history named after 'Histórico' without a dash, each sample after its date, is not listed (h1628)", () => {
  const r = read(['CA 15-3: 48,2 U/mL   (até 31,3)', 'Histórico CA 15-3: 12/02/2025 = 61,7 | 08/04/2025 = 53,0 U/mL']);
  assert.deepEqual(r.rows, [['CA 15-3', 48.2, 'alto']]);
  assert.deepEqual(r.unparsed, []);
});

test("a hospital record number after 'RH:', a day clinic's chair, an app's count of results and a council number glued to its region are administrative (h1646, h1648, h1657, h1637)", () => {
  const r = read([
    'Paciente...: ANA PAULA MOREIRA     RH: 0573318',
    'Sexo: Feminino   Nasc.: 12/04/1971 (54 anos)          Agenda QT: 14/05/2026 - Poltrona 7',
    'Exibindo 18 resultados · Coleta em 02/05/2025 · Todos liberados',
    'CONFERIDO POR: BIOM. JOANA PIRES - CRBM2 5512',
    GLUCOSE,
  ]);
  assert.deepEqual(r.rows, [['Glicose', 95, 'normal']]);
  assert.deepEqual(r.unparsed, []);
});

test("the Rh factor stays a result beside a record number's label", () => {
  const r = parseLabReport(['Tipo sanguíneo: A   Fator RH: Negativo', GLUCOSE].join('\n'), TODAY);
  assert.ok(
    r.qualitative.some((q) => q.value === 'Negativo'),
    JSON.stringify(r.qualitative),
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a word result typed after a chat correction's message, past a spaced ';', is read or listed (h1654's corpus property)", () => {
  const text = [
    '[12/03/2024 08:50] Ana: colesterol 212 ref menor que 190',
    '[12/03/2024 08:52] Ana: corrigindo: colesterol é 202 e não 212, digitei errado ; Anti-HCV: Reagente',
  ].join('\n');
  const r = parseLabReport(text, TODAY);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value]),
    [['Colesterol total', 202]],
  );
  assert.ok(r.qualitative.some((q) => q.value === 'Reagente') || r.unparsed_lines.some((u) => u.includes('Reagente')), JSON.stringify(r));
});
