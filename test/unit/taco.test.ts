import { createHash } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseNutrientCell, parseTacoCsv, TacoParseError } from '../../src/nutrition/taco.ts';
import { loadTacoFromFile, TACO_CSV_PATH } from '../../src/nutrition/taco-file.ts';
import { nutrientsFor, totalNutrients } from '../../src/nutrition/nutrients.ts';
import { estimatePortion } from '../../src/nutrition/portion.ts';

const taco = loadTacoFromFile();
const food = (id: number) => {
  const f = taco.byId.get(id);
  assert.ok(f, `TACO id ${id}`);
  return f;
};

test('the shipped CSV has the 597 foods of TACO 4th edition in 15 categories', () => {
  assert.equal(taco.foods.length, 597);
  assert.equal(new Set(taco.foods.map((f) => f.category)).size, 15);
  assert.equal(food(3).description, 'Arroz, tipo 1, cozido');
  assert.equal(food(224).description, 'Mamão, doce em calda, drenado'); // leading space in the source trimmed
});

test('the shipped copy is byte-identical to the source it was taken from (sha256 in data/taco/README.md)', () => {
  const sha = createHash('sha256').update(readFileSync(TACO_CSV_PATH)).digest('hex');
  assert.equal(sha, '2e85e45e82288390e65c7dec5955da72c37201fd345c3fa6a7d577d21b7c2c69');
  assert.ok(readFileSync(new URL('../../data/taco/README.md', import.meta.url), 'utf8').includes(sha));
});

test('cells keep trace, not applicable, under analysis and blank apart', () => {
  assert.deepEqual(parseNutrientCell('70,1', 1), { kind: 'value', value: 70.1 });
  assert.deepEqual(parseNutrientCell('Tr', 1), { kind: 'trace' });
  assert.deepEqual(parseNutrientCell(' Tr', 1), { kind: 'trace' });
  assert.deepEqual(parseNutrientCell('NA', 1), { kind: 'not_applicable' });
  assert.deepEqual(parseNutrientCell('', 1), { kind: 'missing' });
  assert.deepEqual(parseNutrientCell('*', 1), { kind: 'missing' });
  assert.deepEqual(parseNutrientCell(',0,02', 1), { kind: 'value', value: 0.02 });
  assert.throws(() => parseNutrientCell('abc', 7), TacoParseError);
  // Arroz integral cozido: cholesterol NA, retinol NA, RE blank, riboflavin Tr.
  const rice = food(1).per100g;
  assert.equal(rice.cholesterol_mg.kind, 'not_applicable');
  assert.equal(rice.re_mcg.kind, 'missing');
  assert.equal(rice.riboflavin_mg.kind, 'trace');
  assert.deepEqual(rice.energy_kcal, { kind: 'value', value: 124 });
});

test('a malformed CSV fails with its line number', () => {
  const header = readFileSync(TACO_CSV_PATH, 'utf8').split('\n')[0]!;
  assert.throws(() => parseTacoCsv(`${header}\n1;Cereais e derivados;X;1`), /line 2/);
  assert.throws(() => parseTacoCsv(`${header}\n1;Categoria inventada;X${';1'.repeat(26)}`), /unknown category/);
  assert.throws(() => parseTacoCsv('a;b\n'), /header/);
});

test('150 g of arroz tipo 1 cozido is the TACO value × 1.5', () => {
  // TACO id 3: 128 kcal, 2,5 g protein, 28,1 g carbs, 0,2 g lipids, 1,6 g fibre, 1 mg sodium per 100 g.
  assert.deepEqual(nutrientsFor(food(3), 150), { kcal: 192, protein_g: 3.8, carbs_g: 42.2, fat_g: 0.3, fiber_g: 2.4, sodium_mg: 2 });
});

test('totals list the nutrients that depend on a missing value, and count trace as 0', () => {
  // Leite integral (458) has energy "*" (em análise); banana prata (182) has sodium "Tr".
  const t = totalNutrients([
    { food: food(458), grams: 200 },
    { food: food(182), grams: 100 },
  ]);
  assert.deepEqual(t.incomplete.sort(), ['carbs_g', 'fat_g', 'fiber_g', 'kcal', 'protein_g']); // milk fibre is NA
  assert.equal(t.values.kcal, 98); // only the banana's energy is known: a lower bound
  assert.equal(t.values.sodium_mg, 128); // 64 mg/100 g × 2 + trace
  assert.ok(t.trace.includes('sodium_mg'));
  assert.ok(!t.incomplete.includes('sodium_mg'));
});

test('olive oil: NA protein/carbs are 0 by mass balance, but its blank sodium stays unknown', () => {
  const t = totalNutrients([{ food: food(260), grams: 10 }]);
  assert.equal(t.values.kcal, 88);
  assert.equal(t.values.fat_g, 10);
  assert.equal(t.values.protein_g, 0);
  assert.deepEqual(t.incomplete, ['sodium_mg']);
});

test('portion from a box: typical × box share / 10 %, clamped to 0.5×–2×', () => {
  const det = (x2: number, y2: number) => ({ name: 'arroz', confidence: 0.9, box: { x1: 0, y1: 0, x2, y2 } });
  const img = { width: 1000, height: 1000 };
  assert.deepEqual(estimatePortion(det(316.23, 316.23), 120, img), { grams: 120, method: 'box', scale: 1 });
  assert.equal(estimatePortion(det(400, 500), 120, img).grams, 240); // 20 % → 2×
  assert.equal(estimatePortion(det(900, 900), 120, img).grams, 240); // 81 % clamps at 2×
  assert.equal(estimatePortion(det(100, 100), 120, img).grams, 60); // 1 % clamps at 0.5×
  assert.equal(estimatePortion(det(0.4, 0.375), 100).grams, 150); // normalised box, no image size
  assert.deepEqual(estimatePortion(det(400, 500), 120), { grams: 120, method: 'typical', scale: 1 });
  assert.equal(estimatePortion({ name: 'x', confidence: 1, box: { x1: 50, y1: 50, x2: 10, y2: 10 } }, 100, img).method, 'typical');
});
