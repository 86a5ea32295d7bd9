// Held-out set 159's corpus properties (h1566, h1570): a sideways spreadsheet's header row carrying more than its
// columns' names, and a chat typist's remark after a bracketed reference with a cell after it. Rewritten examples
// with other names, values and people. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const rows = (r: LabParseResult) => r.analytes.map((a) => [a.name, a.value, a.flag] as const);

const sheet = (lastHead: string) =>
  [
    'Exames do meu pai — planilha',
    '',
    `Exame\tHemoglobina\tGlicose\tTSH\t${lastHead}`,
    'Unidade\tg/dL\tmg/dL\tµUI/mL\tng/mL',
    '03/03/2026\t13,1\t95\t2,2\t80',
    '07/09/2026\t13,4\t92\t2,0\t175',
    '',
    'Mín (VR lab)\t12,0\t70\t0,45\t15',
    'Máx (VR lab)\t16,0\t99\t4,50\t150',
  ].join('\n');

test("a sideways sheet's header cell that carries another result after its name: the column keeps its name, the rest is read or listed", () => {
  for (const [head, value] of [
    ['Ferritina ; Cálcio 9,4', 9.4],
    ['Ferritina   52,3', 52.3],
    ['Ferritina   (repetido: 61,7)', 61.7],
    ['Ferritina   Ureia 33,1 mg/dL', 33.1],
  ] as const) {
    const r = parseLabReport(sheet(head));
    const read = rows(r).filter(([, v]) => v !== value);
    assert.deepEqual(
      read,
      [
        ['Hemoglobina', 13.4, 'normal'],
        ['Glicose', 92, 'normal'],
        ['TSH', 2, 'normal'],
        ['Ferritina', 175, 'alto'],
      ],
      head,
    );
    const seen = r.analytes.some((a) => a.value === value) || r.unparsed_lines.some((u) => u.includes(head));
    assert.ok(seen, `${head}: ${JSON.stringify(r.unparsed_lines)}`);
  }
});

test("a sideways sheet's plain header is no line of its own", () => {
  const r = parseLabReport(sheet('Ferritina'));
  assert.equal(rows(r).length, 4);
  assert.ok(!r.unparsed_lines.some((u) => u.startsWith('Exame')), JSON.stringify(r.unparsed_lines));
});

const CHAT = (tail: string) =>
  [
    '[02/10/2026, 08:15:22] Marta Souza: bom dia! mandando os exames',
    `[02/10/2026, 08:16:40] Marta Souza: Ferritina 210 (15 a 150) essa deu alta${tail}`,
    '[02/10/2026, 08:17:03] Marta Souza: Glicose 88 (70 a 99)',
  ].join('\n');

test("a chat typist's remark after a bracketed reference ends at a column gap: what stands after it is read or listed", () => {
  const plain = parseLabReport(CHAT(''));
  assert.deepEqual(rows(plain), [
    ['Ferritina', 210, 'alto'],
    ['Glicose', 88, 'normal'],
  ]);
  assert.ok(!plain.unparsed_lines.some((u) => u.includes('Ferritina')), JSON.stringify(plain.unparsed_lines));
  for (const tail of ['   Positivo', ' ; Anti-HBs: Reagente']) {
    const r = parseLabReport(CHAT(tail));
    // The word after the gap may be taken into the bracket's reference cell (the line is then listed): values only.
    assert.deepEqual(
      r.analytes.map((a) => [a.name, a.value]),
      [
        ['Ferritina', 210],
        ['Glicose', 88],
      ],
      tail,
    );
    const word = tail.includes('Positivo') ? /positivo/i : /reagente/i;
    const seen =
      [...r.qualitative, ...r.analytes].some((a) => word.test(String(a.value))) || r.unparsed_lines.some((u) => u.includes('Ferritina') && word.test(u));
    assert.ok(seen, `${tail}: ${JSON.stringify(r.unparsed_lines)}`);
  }
});

test("a sideways sheet's unit or limit row with a cell that prints more than its own text stays, read or listed", () => {
  const text = (unit: string, min: string) =>
    [
      'Exame\tHemoglobina\tGlicose\tTSH\tFerritina',
      `Unidade\tg/dL\tmg/dL\tµUI/mL\t${unit}`,
      '03/03/2026\t13,1\t95\t2,2\t80',
      '07/09/2026\t13,4\t92\t2,0\t175',
      `Mín (VR lab)\t12,0\t70\t0,45\t${min}`,
      'Máx (VR lab)\t16,0\t99\t4,50\t150',
    ].join('\n');
  const listed = parseLabReport(text('ng/mL', '15   48,9'));
  assert.equal(rows(listed).find(([n]) => n === 'Ferritina')?.[1], 175);
  assert.ok(listed.analytes.some((a) => a.value === 48.9) || listed.unparsed_lines.some((u) => u.includes('48,9')), JSON.stringify(listed.unparsed_lines));
  const word = parseLabReport(text('ng/mL ; HBsAg: Reagente', '15'));
  assert.equal(rows(word).find(([n]) => n === 'Ferritina')?.[1], 175);
  assert.ok(
    word.qualitative.some((a) => /reagente/i.test(String(a.value))) || word.unparsed_lines.some((u) => /reagente/i.test(u)),
    JSON.stringify(word.unparsed_lines),
  );
});
