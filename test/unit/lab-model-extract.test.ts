// Model-assisted reading of unparsed lines, with grounding: scripted model answers, including
// answers that invent values, units or references, which must be rejected. No network, no database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractUnparsedWithModel, groundModelAnswer, EXTRACT_SCHEMA } from '../../src/labs/model-extract.ts';
import { parseLabReport } from '../../src/labs/parse.ts';

const REPORT = [
  'Paciente: JOSÉ   Sexo: M',
  'Creatinina sérica, em 2 dosagens: 1,4 e 1,5 mg/dL (VR 0,7 a 1,2)',
  'Urocultura: mais de 100.000 UFC por mL, E. coli',
  'Glicose: 95 mg/dL (70 a 99)',
].join('\n');

test('the parser leaves the two lines it cannot read in full, and only those', () => {
  const r = parseLabReport(REPORT);
  assert.deepEqual(r.unparsed_lines, ['Creatinina sérica, em 2 dosagens: 1,4 e 1,5 mg/dL (VR 0,7 a 1,2)', 'Urocultura: mais de 100.000 UFC por mL, E. coli']);
  assert.deepEqual(
    r.analytes.map((a) => a.name),
    ['Glicose'],
  );
});

const LINES = parseLabReport(REPORT).unparsed_lines;
const row = (o: Record<string, unknown>) => ({ line: 0, name: 'Creatinina', value: '1,4', unit: 'mg/dL', reference: '0,7 a 1,2', ...o });

test("a grounded row is accepted, flagged by the parser's own rules, and says source: model", () => {
  const g = groundModelAnswer(LINES, { analytes: [row({})] }, { sex: 'M' });
  assert.deepEqual(g.rejected, []);
  assert.equal(g.analytes.length, 1);
  const a = g.analytes[0]!;
  assert.deepEqual(
    [a.key, a.name, a.value, a.unit, a.reference_low, a.reference_high, a.reference_source, a.flag, a.source],
    ['creatinina', 'Creatinina', 1.4, 'mg/dL', 0.7, 1.2, 'report', 'alto', 'model'],
  );
  // 1,5 is on the line and was not read: the line stays unparsed, so the person is still told.
  assert.deepEqual(g.unparsed_lines, LINES);
});

test('a line leaves unparsed_lines only when every number on it is accounted for', () => {
  const g = groundModelAnswer(LINES, { analytes: [row({}), row({ value: '1,5' })] });
  assert.equal(g.analytes.length, 2);
  // "2" (dosagens) is still unaccounted: the line stays.
  assert.deepEqual(g.unparsed_lines, LINES);
  const simple = ['Ureia (2ª amostra) 52 mg/dL ref 15 a 45'];
  const s = groundModelAnswer(simple, { analytes: [{ line: 0, name: 'Ureia', value: '52', unit: 'mg/dL', reference: '15 a 45' }] });
  assert.deepEqual(s.rejected, []);
  assert.deepEqual(s.unparsed_lines, [], 'ordinals are part of the name, every other number is accounted');
  assert.equal(s.analytes[0]!.flag, 'alto');
});

test('invented values, units and references are rejected, with the reason', () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [row({ value: '1,9' }), 'value not on the line'],
    [row({ value: '14' }), 'value not on the line'], // "1,4" read without its comma is another number
    [row({ value: '1,2' }), 'value is the reference'],
    [row({ value: '0,7', reference: null }), 'value is the reference'], // a bound, even with the reference left out
    [row({ unit: 'mmol/L' }), 'unit not on the line'],
    [row({ unit: 'miligramas' }), 'unit does not parse'],
    [row({ reference: '0,5 a 1,0' }), 'reference not on the line'],
    [row({ reference: 'ver laudo' }), 'reference does not parse'],
    [row({ name: 'Glicose' }), 'name not on the line'],
    [row({ line: 7 }), 'line out of range'],
    [row({ line: -1 }), 'line out of range'],
    [row({ value: 'Positivo' }), 'value not on the line'],
    [{ line: 1, name: 'Urocultura', value: '100.000', unit: 'UFC/mL' }, 'unit not on the line'],
    [{ line: 1, name: 'Urocultura', value: '1000000' }, 'value not on the line'],
  ];
  for (const [r, reason] of cases) {
    const g = groundModelAnswer(LINES, { analytes: [r] });
    assert.deepEqual(g.analytes, [], JSON.stringify(r));
    assert.deepEqual(g.rejected, [{ line: typeof r.line === 'number' && r.line >= 0 && r.line < LINES.length ? r.line : null, reason }], JSON.stringify(r));
    assert.deepEqual(g.unparsed_lines, LINES);
  }
});

test('answers that are not the schema accept nothing', () => {
  for (const answer of [null, 'texto livre', 42, {}, { analytes: 'x' }, { analytes: [null, 'a', 3] }]) {
    const g = groundModelAnswer(LINES, answer);
    assert.deepEqual([g.analytes, g.qualitative, g.unparsed_lines], [[], [], LINES]);
  }
  assert.deepEqual(groundModelAnswer(LINES, { analytes: [row({}), row({})] }).rejected, [{ line: 0, reason: 'duplicate' }]);
});

test('qualitative rows must be printed words of the line', () => {
  const lines = ['HBsAg (quimioluminescência) - NÃO REAGENTE; referência NÃO REAGENTE'];
  const ok = groundModelAnswer(lines, { analytes: [{ line: 0, name: 'HBsAg', value: 'Não reagente', reference: 'Não reagente' }] });
  assert.deepEqual(
    ok.qualitative.map((q) => [q.name, q.value, q.flag, q.source]),
    [['HBsAg', 'Não reagente', 'normal', 'model']],
  );
  const bad = groundModelAnswer(lines, { analytes: [{ line: 0, name: 'HBsAg', value: 'Reagente 1/8' }] });
  assert.deepEqual(bad.rejected, [{ line: 0, reason: 'value not on the line' }]);
});

test('extractUnparsedWithModel: scripted model, merged result, report line numbers; no model, no change', async () => {
  const parsed = parseLabReport(REPORT);
  const asked: Array<{ prompt: string; jsonSchema: unknown }> = [];
  const merged = await extractUnparsedWithModel(
    REPORT,
    parsed,
    async (req) => {
      asked.push(req);
      // The answer comes back as text (some models ignore the schema); one good row, one invented.
      return {
        text: JSON.stringify({
          analytes: [
            { line: 1, name: 'Urocultura', value: '100.000' },
            { line: 0, name: 'Creatinina', value: '2,1', unit: 'mg/dL' },
          ],
        }),
      };
    },
    { sex: 'M' },
  );
  assert.equal(asked.length, 1);
  assert.equal(asked[0]!.jsonSchema, EXTRACT_SCHEMA);
  assert.match(asked[0]!.prompt, /^Linhas não lidas do laudo:\n0: Creatinina sérica.*\n1: Urocultura/);
  assert.deepEqual(
    merged.analytes.map((a) => [a.name, a.value, a.source, a.line]),
    [
      ['Glicose', 95, 'parser', 3],
      ['Urocultura', 100000, 'model', 2],
    ],
  );
  assert.deepEqual(merged.rejected, [{ line: 0, reason: 'value not on the line' }]);
  assert.deepEqual(merged.unparsed_lines, ['Creatinina sérica, em 2 dosagens: 1,4 e 1,5 mg/dL (VR 0,7 a 1,2)']);
  assert.equal(merged.answered, true);

  const down = await extractUnparsedWithModel(REPORT, parsed, async () => null);
  assert.deepEqual([down.analytes, down.unparsed_lines, down.asked, down.answered], [parsed.analytes, parsed.unparsed_lines, true, false]);
  let called = false;
  const none = await extractUnparsedWithModel('Glicose: 95 mg/dL', parseLabReport('Glicose: 95 mg/dL'), async () => {
    called = true;
    return null;
  });
  assert.equal(called, false, 'no unparsed line, no model call');
  assert.equal(none.asked, false);
});

test('a line listed although it made analytes: a model row repeating what the parser read there is a duplicate', async () => {
  const text = 'Potássio 4,1 mEq/L   3,5 a 5,1   hemólise leve 2+ ; Sódio 139';
  const parsed = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(parsed.unparsed_lines, [text], 'the "2+" is accounted for by nothing: the line is listed');
  const out = await extractUnparsedWithModel(text, parsed, async () => ({
    json: { analytes: [{ line: 0, name: 'Potássio', value: '4,1', unit: 'mEq/L', reference: '3,5 a 5,1' }] },
    text: '',
  }));
  assert.deepEqual(
    out.analytes.map((a) => [a.name, a.value, a.source]),
    [
      ['Potássio', 4.1, 'parser'],
      ['Sódio', 139, 'parser'],
    ],
  );
  assert.deepEqual(out.rejected, [{ line: 0, reason: 'duplicate' }]);
});
