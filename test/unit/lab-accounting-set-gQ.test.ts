// The accounting pass on the layouts of held-out sets 121 to 126 that left a result silent: a result added to a
// line, or a result the reader loses, must come out read or listed. Rewritten text: other names, values and labs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountLines } from '../../src/labs/accounting.ts';
import { cleanLine } from '../../src/labs/lines.ts';
import { parseLabReport } from '../../src/labs/parse.ts';

const opts = { sex: 'F' as const, birthDate: '1961-04-12', today: '2025-06-01' };

/** The lines the pass lists when the reader has lost the result named `name` (the rest kept). */
function listedWithout(text: string, name: RegExp): { line: string; listed: string[] } {
  const r = parseLabReport(text, opts);
  const read = [...r.analytes, ...r.qualitative];
  const k = read.findIndex((a) => name.test(a.name));
  assert.ok(k >= 0, `${name} read`);
  const lines = text.split('\n').map((raw, index) => ({ index, raw, text: cleanLine(raw, index).text }));
  return {
    line: lines[read[k]!.line]!.raw.trim(),
    listed: accountLines(
      lines,
      read.filter((_, j) => j !== k),
      [],
    ),
  };
}

test('a stated risk category accounts for itself only: a result printed after it on the line is listed', () => {
  const text = [
    'LABORATÓRIO PINHAL',
    'Categoria de risco cardiovascular: ALTO ; Anti-HBs: Reagente',
    'Colesterol total: 212 mg/dL   Desejável: inferior a 190 mg/dL',
  ].join('\n');
  const r = parseLabReport(text, opts);
  assert.ok(r.unparsed_lines.includes('Categoria de risco cardiovascular: ALTO ; Anti-HBs: Reagente') || r.qualitative.some((q) => /anti-hbs/i.test(q.name)));
  assert.ok(!parseLabReport(text.replace(' ; Anti-HBs: Reagente', ''), opts).unparsed_lines.some((l) => /risco/i.test(l)));
});

test('a history row set aside as an earlier sample with a word the reader took for its reference is listed', () => {
  const text = [
    'O - Objetivo',
    '  Ferritina ........................ Resultado: 31 ng/mL',
    '  TSH .............................. Resultado: 2,4 mUI/L',
    '',
    'Histórico de resultados (avaliações anteriores)',
    '  Ferritina 10/08/2024: 18 ng/mL',
    '  TSH 10/08/2024: 3,1 mUI/L   Positivo',
  ].join('\n');
  const r = parseLabReport(text, opts);
  assert.equal(r.analytes.find((a) => /ferritina/i.test(a.name))?.value, 31);
  assert.ok(r.unparsed_lines.includes('TSH 10/08/2024: 3,1 mUI/L   Positivo'), JSON.stringify(r.unparsed_lines));
  assert.ok(!r.unparsed_lines.includes('Ferritina 10/08/2024: 18 ng/mL'));
});

test('a finding cut short at the end of a typed list ("…, proteínas neg") is a result the pass accounts for', () => {
  const text = ['Evolução 12/03/2025', '- Urina: leucócitos 6/campo, hemácias 3/campo, proteínas neg', '- Glicemia 94 mg/dL'].join('\n');
  const { line, listed } = listedWithout(text, /prote/i);
  assert.ok(listed.includes(line), JSON.stringify(listed));
});

test("a stool exam's finding alone under the exam's name is listed when the reader loses it", () => {
  const text = ['FEZES', 'Protoparasitológico', 'Ovos de Ascaris lumbricoides', 'Referência: Negativo', '', 'SANGUE', 'Hemoglobina', '12,1 g/dL'].join('\n');
  const r = parseLabReport(text, opts);
  assert.match(String(r.qualitative.find((q) => /parasitol/i.test(q.name))?.value), /ascaris/i);
  const { line, listed } = listedWithout(text, /parasitol/i);
  assert.equal(line, 'Ovos de Ascaris lumbricoides');
  assert.ok(listed.includes(line), JSON.stringify(listed));
});

test("a catalogue's range the report does not print accounts for no number a neighbouring line prints", () => {
  // Typed without ranges: LDL's built-in goal (inferior a 130) is no account of the 130 below it.
  const text = ['[02/03/25, 09:12] Ana: ldl 101 mg/dl', 'trigli 130 mg/dl', 'hdl 52 mg/dl'].join('\n');
  const r = parseLabReport(text, opts);
  assert.equal(r.analytes.find((a) => /ldl/i.test(a.name))?.reference_source, 'built_in');
  const { line, listed } = listedWithout(text, /triglic/i);
  assert.equal(line, 'trigli 130 mg/dl');
  assert.ok(listed.includes(line), JSON.stringify(listed));
});

test("a narrow copy's name broken before its value's line is read there, so a lost result lists the line of its value", () => {
  const text = [
    'LABORATÓRIO SERRA AZUL',
    'Av. Beira Mar, 1200',
    'Paciente: CARLOS',
    'MENDES ROCHA',
    'Data da coleta:',
    '04/03/2025 08:15',
    'TEMPO DE PROTROMBINA',
    'Material: Plasma',
    'citratado',
    'Tempo.............: 13,8',
    'segundos',
    'Valor de referência:',
    '11,2 a 14,6 segundos',
    'Índice',
    'normalizado: 1,07',
    'Valor de referência: até',
    '1,20',
    'FIBRINOGÊNIO',
    'Método: Clauss',
    'Resultado: 287 mg/dL',
    'Valor de referência: 200',
    'a 400 mg/dL',
    'Liberado por: Dra. Ana',
    'Souza - CRBM 1234',
  ].join('\n');
  const { line, listed } = listedWithout(text, /normalizado/i);
  assert.equal(line, 'normalizado: 1,07');
  assert.ok(listed.includes(line), JSON.stringify(listed));
});

test('a finding after what a message says of it ("o lab disse que nitrito positivo e …") is listed when the reader loses it', () => {
  const text = ['[02/03/25, 09:12] Ana: hb 11,9', '[02/03/25, 09:13] Ana: eas o lab disse que nitrito positivo e leucocitos 18 p/ campo'].join('\n');
  const { line, listed } = listedWithout(text, /nitrito/i);
  assert.ok(listed.includes(line), JSON.stringify(listed));
});

test("a result word after an arrow (a chat bot's list) is listed when the reader loses it", () => {
  const text = ['Resultados do pedido 3321:', '• Rubéola IgG → Reagente ✅  (ref. Reagente)', '• HIV 1/2 → Não reagente ✅  (ref. Não reagente)'].join('\n');
  const { line, listed } = listedWithout(text, /hiv/i);
  assert.equal(line, '• HIV 1/2 → Não reagente ✅  (ref. Não reagente)');
  assert.ok(listed.includes(line), JSON.stringify(listed));
});

test("a ward's size in beds in a letterhead is administrative: the line is neither read nor listed", () => {
  const text = [
    'HOSPITAL REGIONAL DO LITORAL                              CTI CORONARIANO (8 leitos)',
    'Paciente: J. M. S.   Sexo: M   Idade: 66 anos',
    'Potássio         4,1 mEq/L      3,5 a 5,1',
  ].join('\n');
  const r = parseLabReport(text, { today: '2026-12-01' });
  assert.deepEqual(r.unparsed_lines, []);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag]),
    [['Potássio', 4.1, 'normal']],
  );
});

test("an acute kidney injury's KDIGO stage in a diagnosis line is administrative", () => {
  const text = ['Diag.: sepse urinária / LRA KDIGO 3 | Plantonista: Dra. L. Moura CRM-PR 45123', 'Creatinina       3,42 mg/dL     0,60 a 1,30'].join('\n');
  const r = parseLabReport(text, { today: '2026-12-01' });
  assert.deepEqual(r.unparsed_lines, []);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag]),
    [['Creatinina', 3.42, 'alto']],
  );
});

test('a moment told in minutes in a sentence of the collection notes is no value', () => {
  const text = ['Glicose - 2 horas     128 mg/dL     inferior a 140', 'Paciente referiu tontura aos 25 min, sem vômito (anotado pela coleta).'].join('\n');
  const r = parseLabReport(text, { today: '2026-12-01' });
  assert.deepEqual(r.unparsed_lines, []);
  assert.equal(r.analytes.length, 1);
});
