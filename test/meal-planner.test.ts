import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planMeals, type MealPlan, type MealPlanRequest } from '../src/nutrition/planner.ts';
import { loadTacoFromFile } from '../src/nutrition/taco-file.ts';
import { RESTRICTIONS, type Restriction } from '../src/nutrition/restrictions.ts';
import { MEAL_RESTRICTIONS } from '../src/schemas.ts';
import type { TacoFood } from '../src/nutrition/taco.ts';

const taco = loadTacoFromFile();

// An independent, deliberately blunt reading of the restrictions: TACO categories plus obvious words.
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const words = (f: TacoFood) => ` ${fold(f.description).replace(/[^a-z0-9]+/g, ' ')} `;
const hasAny = (f: TacoFood, list: string[]) => list.some((w) => words(f).includes(` ${w} `));
const value = (f: TacoFood, k: 'sodium_mg') => (f.per100g[k].kind === 'value' ? (f.per100g[k] as { value: number }).value : f.per100g[k].kind === 'trace' ? 0 : null);
function breaks(f: TacoFood, r: Restriction): boolean {
  const d = fold(f.description);
  const meat = ['Carnes e derivados', 'Pescados e frutos do mar'].includes(f.category) || hasAny(f, ['carne', 'frango', 'peixe', 'porco', 'bovina', 'presunto', 'atum', 'sardinha']);
  const dairy =
    f.category === 'Leite e derivados' ||
    (hasAny(f, ['leite', 'queijo', 'iogurte', 'manteiga', 'requeijao']) && !/^couve|tofu|leite, de coco/.test(d));
  switch (r) {
    case 'vegetarian':
      return meat;
    case 'vegan':
      return meat || dairy || f.category === 'Ovos e derivados' || hasAny(f, ['ovo', 'mel']);
    case 'lactose_free':
      return dairy;
    case 'gluten_free':
      return hasAny(f, ['trigo', 'aveia', 'cevada', 'centeio', 'macarrao', 'biscoito']) || (hasAny(f, ['pao']) && !/^pao, de queijo/.test(d));
    case 'low_sodium': {
      const na = value(f, 'sodium_mg');
      return na === null ? f.category !== 'Gorduras e óleos' : na > 400;
    }
    case 'diabetic':
      return f.category === 'Produtos açucarados' || hasAny(f, ['acucar', 'mel', 'refrigerante', 'suco']) || (hasAny(f, ['doce']) && !/^batata, doce/.test(d));
  }
}

function checkPlan(req: MealPlanRequest, plan: MealPlan): void {
  assert.equal(plan.days.length, req.days);
  const t = plan.targets;
  assert.equal(t.kcal, req.kcal_target);
  const m = req.macros ?? { protein_pct: 20, carbs_pct: 50, fat_pct: 30 };
  assert.ok(Math.abs(t.protein_g - (req.kcal_target * m.protein_pct) / 400) <= 0.051);
  assert.ok(Math.abs(t.carbs_g - (req.kcal_target * m.carbs_pct) / 400) <= 0.051);
  assert.ok(Math.abs(t.fat_g - (req.kcal_target * m.fat_pct) / 900) <= 0.051);
  for (const day of plan.days) {
    const d = day.totals;
    assert.ok(Math.abs(d.kcal - t.kcal) <= t.kcal * 0.05, `day ${day.day} kcal ${d.kcal} vs ${t.kcal}`);
    assert.ok(Math.abs(d.protein_g - t.protein_g) <= t.protein_g * 0.1, `day ${day.day} protein ${d.protein_g} vs ${t.protein_g}`);
    assert.ok(Math.abs(d.carbs_g - t.carbs_g) <= t.carbs_g * 0.1, `day ${day.day} carbs ${d.carbs_g} vs ${t.carbs_g}`);
    assert.ok(Math.abs(d.fat_g - t.fat_g) <= t.fat_g * 0.1, `day ${day.day} fat ${d.fat_g} vs ${t.fat_g}`);
    assert.equal(day.meals.length, req.meals_per_day);
    let kcalSum = 0;
    for (const meal of day.meals) {
      assert.ok(meal.items.length >= 1);
      for (const it of meal.items) {
        const f = taco.byId.get(it.taco_id);
        assert.ok(f, `id ${it.taco_id}`);
        assert.ok(it.grams > 0 && it.grams <= 600, `${it.name} ${it.grams} g`);
        const kcal100 = (f.per100g.energy_kcal as { value: number }).value;
        assert.equal(it.kcal, Math.round((kcal100 * it.grams) / 100));
        for (const r of req.restrictions ?? []) assert.ok(!breaks(f, r), `${f.description} breaks ${r}`);
        for (const ex of req.exclude_foods ?? []) {
          assert.ok(/^\d+$/.test(ex) ? Number(ex) !== f.id : !fold(f.description).includes(fold(ex)), `${f.description} was excluded by "${ex}"`);
        }
        kcalSum += it.kcal;
      }
    }
    // Totals are computed before rounding; they match the items to within rounding.
    assert.ok(Math.abs(kcalSum - d.kcal) <= day.meals.reduce((a, x) => a + x.items.length, 0) * 0.5 + 1);
  }
}

test('restriction lists agree between the planner and the schema', () => {
  assert.deepEqual([...RESTRICTIONS], [...MEAL_RESTRICTIONS]);
});

test('hand-computed TACO arithmetic in a plan item', () => {
  const res = planMeals({ kcal_target: 2000, meals_per_day: 4, days: 3 }, taco);
  assert.ok(res.ok);
  const items = res.plan.days.flatMap((d) => d.meals.flatMap((m) => m.items));
  const rice = items.find((i) => i.taco_id === 3);
  assert.ok(rice, 'arroz branco appears in 3 days of lunches and dinners');
  // TACO 3 (arroz tipo 1 cozido) per 100 g: 128 kcal, 2,5 g protein, 28,1 g carbs, 0,2 g fat.
  assert.equal(rice.kcal, Math.round(1.28 * rice.grams));
  assert.equal(rice.protein_g, Math.round(0.025 * rice.grams * 10) / 10);
  assert.equal(rice.carbs_g, Math.round(0.281 * rice.grams * 10) / 10);
  assert.equal(rice.fat_g, Math.round(0.002 * rice.grams * 10) / 10);
});

test('a default week: within tolerance, Brazilian structure, days differ, deterministic and fast', () => {
  const req: MealPlanRequest = { kcal_target: 2000, meals_per_day: 4, days: 7 };
  const res = planMeals(req, taco);
  assert.ok(res.ok, res.ok ? '' : res.reason);
  checkPlan(req, res.plan);
  assert.deepEqual(res.plan.days[0]!.meals.map((m) => m.name), ['Café da manhã', 'Almoço', 'Lanche da tarde', 'Jantar']);
  for (const day of res.plan.days) {
    const lunch = day.meals[1]!.items.map((i) => i.taco_id);
    assert.ok(lunch.includes(3) || lunch.includes(1), 'lunch has arroz');
    assert.ok(lunch.includes(561) || lunch.includes(567), 'lunch has feijão');
  }
  const sigs = res.plan.days.map((d) => JSON.stringify(d.meals.map((m) => m.items.map((i) => i.taco_id))));
  assert.equal(new Set(sigs).size, sigs.length, 'no two days are the same menu');
  assert.deepEqual(planMeals(req, taco), res);
  const t0 = performance.now();
  const big = planMeals({ kcal_target: 2500, meals_per_day: 6, days: 7 }, taco);
  assert.ok(big.ok);
  assert.ok(performance.now() - t0 < 100, '7 days × 6 meals under 100 ms');
});

test('restrictions and exclusions are honoured', () => {
  for (const restrictions of [['vegan'], ['vegetarian', 'lactose_free'], ['gluten_free', 'low_sodium'], ['diabetic']] as Restriction[][]) {
    const req: MealPlanRequest = { kcal_target: 1800, meals_per_day: 5, days: 5, restrictions, exclude_foods: ['banana', '561'] };
    const res = planMeals(req, taco);
    assert.ok(res.ok, res.ok ? '' : res.reason);
    checkPlan(req, res.plan);
  }
});

test('impossible requests are infeasible with a reason a person understands', () => {
  const a = planMeals({ kcal_target: 1000, meals_per_day: 3, days: 1, macros: { protein_pct: 70, carbs_pct: 15, fat_pct: 15 } }, taco);
  assert.equal(a.ok, false);
  assert.ok(!a.ok && a.code === 'infeasible' && /1\.000 kcal com 70% de proteína/.test(a.reason) && /porções realistas/.test(a.reason), !a.ok ? a.reason : '');
  const b = planMeals({ kcal_target: 5000, meals_per_day: 3, days: 1, restrictions: ['vegan'] }, taco);
  assert.ok(!b.ok && /não cabem em 3 refeições/.test(b.reason));
  const c = planMeals({ kcal_target: 2000, meals_per_day: 3, days: 1, exclude_foods: ['arroz'] }, taco);
  assert.ok(!c.ok && /nenhuma opção de arroz/.test(c.reason), !c.ok ? c.reason : 'should be infeasible');
  const d = planMeals({ kcal_target: 2000, meals_per_day: 3, days: 1, macros: { protein_pct: 50, carbs_pct: 50, fat_pct: 0 } }, taco);
  assert.ok(!d.ok && d.reason.length > 20);
});

test('property: every returned day meets tolerances and restrictions, otherwise infeasible with a reason', () => {
  const restriction = fc.constantFrom(...RESTRICTIONS);
  const macros = fc
    .record({ p: fc.integer({ min: 10, max: 45 }), f: fc.integer({ min: 10, max: 45 }), jitter: fc.integer({ min: -1, max: 1 }) })
    .filter(({ p, f }) => 100 - p - f >= 10)
    .map(({ p, f, jitter }) => ({ protein_pct: p, fat_pct: f, carbs_pct: 100 - p - f + jitter }));
  const req = fc.record(
    {
      kcal_target: fc.integer({ min: 1000, max: 5000 }),
      meals_per_day: fc.integer({ min: 3, max: 6 }),
      days: fc.integer({ min: 1, max: 14 }),
      restrictions: fc.uniqueArray(restriction, { maxLength: 3 }),
      macros,
      exclude_foods: fc.uniqueArray(fc.constantFrom('frango', 'banana', 'arroz integral', '567', 'iogurte', 'tomate'), { maxLength: 3 }),
    },
    { requiredKeys: ['kcal_target', 'meals_per_day', 'days'] },
  );
  let feasible = 0;
  let infeasible = 0;
  fc.assert(
    fc.property(req, (r) => {
      const res = planMeals(r, taco);
      if (res.ok) {
        feasible++;
        checkPlan(r, res.plan);
      } else {
        infeasible++;
        assert.equal(res.code, 'infeasible');
        assert.ok(res.reason.trim().length > 20);
      }
    }),
    { seed: 20240611, numRuns: 250 },
  );
  // The generator spans impossible corners; most realistic requests must still be served.
  assert.ok(feasible > infeasible, `feasible ${feasible}, infeasible ${infeasible}`);
});
