import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FOOD_MAP, entryComponents, findFoodEntry } from '../../src/nutrition/food-map.ts';
import { loadTacoFromFile } from '../../src/nutrition/taco-file.ts';
import { foldText } from '../../src/text/fold.ts';

const taco = loadTacoFromFile();

test('every TACO id in the food map exists in the CSV and shares sum to 1', () => {
  for (const e of FOOD_MAP) {
    for (const c of e.components) assert.ok(taco.byId.has(c.taco_id), `${e.key}: TACO id ${c.taco_id} not in the CSV`);
    const sum = e.components.reduce((a, c) => a + c.share, 0);
    assert.ok(Math.abs(sum - 1) < 1e-9, `${e.key}: shares sum to ${sum}`);
    assert.ok(e.typical_portion_g > 0 && e.typical_portion_g <= 500, `${e.key}: portion ${e.typical_portion_g}`);
    if (e.components.length > 1) assert.ok(e.approximation, `${e.key}: a composed entry must say it is an approximation`);
  }
});

test('single-food entries point at the TACO line their name says', () => {
  const expect: Record<string, string> = {
    arroz_branco: 'arroz, tipo 1, cozido',
    arroz_integral: 'arroz, integral, cozido',
    feijao_carioca: 'feijao, carioca, cozido',
    feijao_preto: 'feijao, preto, cozido',
    frango_grelhado: 'frango, peito, sem pele, grelhado',
    ovo_frito: 'ovo, de galinha, inteiro, frito',
    pao_frances: 'pao, trigo, frances',
    coxinha: 'coxinha de frango, frita',
    pao_de_queijo: 'pao, de queijo, assado',
    mandioca: 'mandioca, cozida',
    tapioca: 'tapioca, com manteiga',
  };
  for (const [key, desc] of Object.entries(expect)) {
    const e = FOOD_MAP.find((x) => x.key === key);
    assert.ok(e, key);
    assert.equal(foldText(taco.byId.get(e.components[0]!.taco_id)!.description), desc);
  }
});

test('at least 40 entries, with unique keys and no label claimed by two entries', () => {
  assert.ok(FOOD_MAP.length >= 40, `only ${FOOD_MAP.length}`);
  assert.equal(new Set(FOOD_MAP.map((e) => e.key)).size, FOOD_MAP.length);
  const owner = new Map<string, string>();
  for (const e of FOOD_MAP) {
    for (const l of e.labels) {
      const k = foldText(l);
      assert.ok(!owner.has(k) || owner.get(k) === e.key, `label "${l}" in ${e.key} and ${owner.get(k)}`);
      owner.set(k, e.key);
    }
  }
});

test('all COCO food classes are mapped', () => {
  for (const coco of ['banana', 'apple', 'sandwich', 'orange', 'broccoli', 'carrot', 'hot dog', 'pizza', 'donut', 'cake']) {
    assert.ok(findFoodEntry(coco), coco);
  }
});

test('labels match case- and accent-insensitively, pt-BR and English', () => {
  assert.equal(findFoodEntry('FEIJÃO PRETO')?.key, 'feijao_preto');
  assert.equal(findFoodEntry('feijao preto')?.key, 'feijao_preto');
  assert.equal(findFoodEntry('Pão de Queijo')?.key, 'pao_de_queijo');
  assert.equal(findFoodEntry('pao')?.key, 'pao_frances');
  assert.equal(findFoodEntry('Açaí')?.key, 'acai');
  assert.equal(findFoodEntry('hot-dog')?.key, 'cachorro_quente');
  assert.equal(findFoodEntry('French Fries')?.key, 'batata_frita');
  assert.equal(findFoodEntry('bananas')?.key, 'banana');
  assert.equal(findFoodEntry('prato de arroz integral')?.key, 'arroz_integral');
  assert.equal(findFoodEntry('teclado'), undefined);
  assert.equal(findFoodEntry(''), undefined);
});

test('composed entries split grams by share', () => {
  const pizza = findFoodEntry('pizza')!;
  assert.deepEqual(entryComponents(pizza, 100), [
    { taco_id: 53, grams: 50 },
    { taco_id: 463, grams: 30 },
    { taco_id: 159, grams: 20 },
  ]);
});
