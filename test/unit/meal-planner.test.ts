import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { householdMeasure } from '../../src/nutrition/household.ts';
import { GROUP_PORTIONS, PLAN_FOODS, portionRange } from '../../src/nutrition/plan-foods.ts';
import { planMeals, type MealPlan, type MealPlanInput } from '../../src/nutrition/planner.ts';
import { loadTacoFromFile } from '../../src/nutrition/taco-file.ts';
import { RESTRICTIONS, restrictionViolation, type Restriction } from '../../src/nutrition/restrictions.ts';
import { MEAL_RESTRICTIONS } from '../../src/job-inputs/index.ts';
import { foodBase, planProblems, portionCap } from '../support/meal-plan-oracle.ts';

const taco = loadTacoFromFile();

/** The oracle's verdict on a returned plan: no broken rule at all. */
function checkPlan(req: MealPlanInput, plan: MealPlan): void {
  const problems = planProblems(req, plan, taco);
  assert.deepEqual(problems, [], `${JSON.stringify(req)}\n${problems.slice(0, 8).join('\n')}`);
}

const items = (plan: MealPlan) => plan.days.flatMap((d) => d.meals.flatMap((m) => m.items));

test('restriction lists agree between the planner and the schema', () => {
  assert.deepEqual([...RESTRICTIONS], [...MEAL_RESTRICTIONS]);
});

test('hand-computed TACO arithmetic and household measure of a plan item', () => {
  const res = planMeals({ kcal_target: 2000, meals_per_day: 4, days: 3 }, taco);
  assert.ok(res.ok);
  const rice = items(res.plan).find((i) => i.taco_id === 3);
  assert.ok(rice, 'arroz branco appears in 3 days of lunches and dinners');
  // TACO 3 (arroz tipo 1 cozido) per 100 g: 128 kcal, 2,5 g protein, 28,1 g carbs, 0,2 g fat.
  assert.equal(rice.kcal, Math.round(1.28 * rice.grams));
  assert.equal(rice.protein_g, Math.round(0.025 * rice.grams * 10) / 10);
  assert.equal(rice.carbs_g, Math.round(0.281 * rice.grams * 10) / 10);
  assert.equal(rice.fat_g, Math.round(0.002 * rice.grams * 10) / 10);
  // A colher de servir of cooked rice is 45 g; the measure is the grams to the nearest half.
  const q = Math.max(0.5, Math.round((rice.grams / 45) * 2) / 2);
  assert.match(rice.household, new RegExp(`colher(es)? de servir$`));
  assert.equal(rice.household.startsWith(String(Math.floor(q))) || rice.household.startsWith('½'), true, `${rice.grams} g → ${rice.household}`);
});

test('household measures read the way a nutritionist writes them', () => {
  const colher = { singular: 'colher de servir', plural: 'colheres de servir', grams: 45 };
  const file = { singular: 'filé médio', plural: 'filés médios', grams: 100 };
  const castanha = { singular: 'unidade', plural: 'unidades', grams: 4, whole: true };
  assert.equal(householdMeasure(90, colher), '2 colheres de servir');
  assert.equal(householdMeasure(70, colher), '1 ½ colher de servir');
  assert.equal(householdMeasure(20, colher), '½ colher de servir');
  assert.equal(householdMeasure(100, file), '1 filé médio');
  assert.equal(householdMeasure(150, file), '1 ½ filé médio');
  assert.equal(householdMeasure(200, file), '2 filés médios');
  assert.equal(householdMeasure(12, castanha), '3 unidades');
  assert.equal(householdMeasure(5, castanha), '1 unidade');
});

test('curated foods: every TACO id exists with numbers, ranges within the household caps, bases at least as coarse as TACO names', () => {
  const baseOf = new Map<string, string>();
  for (const f of PLAN_FOODS) {
    const t = taco.byId.get(f.id);
    assert.ok(t, `TACO ${f.id} (${f.name})`);
    assert.equal(t.per100g.energy_kcal.kind, 'value', `${t.description} has energy`);
    const r = portionRange(f);
    assert.ok(r.min > 0 && r.min <= r.max, `${f.name} ${r.min}–${r.max}`);
    assert.ok(r.max <= portionCap(t), `${f.name}: up to ${r.max} g, household cap ${portionCap(t)} g`);
    assert.ok(r.max <= GROUP_PORTIONS[f.group].max);
    // Two foods TACO names alike ("Cenoura, crua" / "Cenoura, cozida") must share the planner's base.
    const tacoBase = foodBase(t);
    const seen = baseOf.get(tacoBase);
    if (seen !== undefined) assert.equal(f.base, seen, `${f.name}: TACO base ${tacoBase}`);
    baseOf.set(tacoBase, f.base);
  }
});

test('a default week: Brazilian structure, rules kept, days differ, deterministic, rules stated', () => {
  const req: MealPlanInput = { kcal_target: 2000, meals_per_day: 4, days: 7 };
  const res = planMeals(req, taco);
  assert.ok(res.ok, res.ok ? '' : res.reason);
  checkPlan(req, res.plan);
  assert.deepEqual(
    res.plan.days[0]!.meals.map((m) => m.name),
    ['Café da manhã', 'Almoço', 'Lanche da tarde', 'Jantar'],
  );
  for (const day of res.plan.days) {
    const lunch = day.meals[1]!.items.map((i) => i.taco_id);
    assert.ok(lunch.includes(3) || lunch.includes(1), 'lunch has arroz');
    assert.ok(lunch.includes(561) || lunch.includes(567), 'lunch has feijão');
  }
  const sigs = res.plan.days.map((d) => JSON.stringify(d.meals.map((m) => m.items.map((i) => i.taco_id))));
  assert.equal(new Set(sigs).size, sigs.length, 'no two days are the same menu');
  assert.deepEqual(planMeals(req, taco), res);
  assert.match(res.plan.rules.join('\n'), /Porções caseiras.*carnes e peixes até 200 g/);
  assert.match(res.plan.rules.join('\n'), /proteína do almoço não se repete em dias seguidos/);
  // Planning time is measured by bench/meal-plans.ts (npm run bench:analyses), not asserted here.
});

test('the portions of issue 17 are gone: high targets add food instead of piling one item', () => {
  // Before: tofu 435 g, rice 430 g, sweet potato 430 g, beans 362 g, yogurt 362 g in such plans.
  for (const req of [
    { kcal_target: 2900, meals_per_day: 4, days: 3, restrictions: ['vegetarian'] },
    { kcal_target: 2900, meals_per_day: 5, days: 3 },
    { kcal_target: 2600, meals_per_day: 3, days: 2 },
  ] as MealPlanInput[]) {
    const res = planMeals(req, taco);
    assert.ok(res.ok, res.ok ? '' : res.reason);
    checkPlan(req, res.plan);
    for (const it of items(res.plan)) assert.ok(it.grams <= 300, `${it.name} ${it.grams} g`);
  }
});

test('vegetarian week: no tofu (or any protein food) twice a day, proteins vary, lunch protein changes daily', () => {
  const req: MealPlanInput = { kcal_target: 2000, meals_per_day: 4, days: 7, restrictions: ['vegetarian'] };
  const res = planMeals(req, taco);
  assert.ok(res.ok, res.ok ? '' : res.reason);
  checkPlan(req, res.plan);
  const tofuTwice = res.plan.days.filter((d) => d.meals.filter((m) => m.items.some((i) => i.taco_id === 584)).length > 1);
  assert.deepEqual(tofuTwice, []);
  const families = new Set(items(res.plan).map((i) => taco.byId.get(i.taco_id)!.category));
  for (const c of ['Ovos e derivados', 'Leite e derivados', 'Leguminosas e derivados']) assert.ok(families.has(c as never), `vegetarian week uses ${c}`);
  assert.ok(
    items(res.plan).some((i) => i.taco_id === 584),
    'tofu appears in the week',
  );
  assert.match(res.plan.rules.join('\n'), /Vegetariano/);
});

test('diabetic week: carbohydrate spread per meal, whole grains, no sugar, fruit in portions; the rule is stated', () => {
  const req: MealPlanInput = { kcal_target: 1800, meals_per_day: 5, days: 7, restrictions: ['diabetic'] };
  const res = planMeals(req, taco);
  assert.ok(res.ok, res.ok ? '' : res.reason);
  checkPlan(req, res.plan);
  for (const day of res.plan.days) {
    for (const meal of day.meals) {
      const cap = ['Café da manhã', 'Almoço', 'Jantar'].includes(meal.name) ? 75 : 30;
      assert.ok(meal.totals.carbs_g <= cap, `${meal.name} ${meal.totals.carbs_g} g`);
    }
  }
  const ids = new Set(items(res.plan).map((i) => i.taco_id));
  for (const refined of [3, 53, 551, 533]) assert.ok(!ids.has(refined), `refined ${refined} in a diabetic plan`);
  assert.ok(ids.has(1), 'arroz integral');
  assert.match(res.plan.rules.join('\n'), /Sociedade Brasileira de Diabetes.*75 g.*30 g/);
});

test('restrictions and exclusions are honoured', () => {
  for (const restrictions of [['vegan'], ['vegetarian', 'lactose_free'], ['gluten_free', 'low_sodium'], ['diabetic']] as Restriction[][]) {
    const req: MealPlanInput = {
      kcal_target: 1800,
      meals_per_day: 5,
      days: 5,
      restrictions,
      exclude_foods: ['banana', '561'],
    };
    const res = planMeals(req, taco);
    assert.ok(res.ok, res.ok ? '' : res.reason);
    checkPlan(req, res.plan);
  }
});

test('impossible requests are infeasible with a reason a person can act on', () => {
  const a = planMeals({ kcal_target: 1000, meals_per_day: 3, days: 1, macros: { protein_pct: 70, carbs_pct: 15, fat_pct: 15 } }, taco);
  assert.ok(!a.ok && a.code === 'infeasible' && /1\.000 kcal com 70% de proteína/.test(a.reason) && /porções realistas/.test(a.reason), !a.ok ? a.reason : '');
  assert.match(!a.ok ? a.reason : '', /reduza a proteína/);
  const b = planMeals({ kcal_target: 5000, meals_per_day: 3, days: 1, restrictions: ['vegan'] }, taco);
  assert.ok(!b.ok && /não cabem em 3 refeições/.test(b.reason), !b.ok ? b.reason : '');
  // Excluding rice used to make every plan infeasible; lunch now takes another starch. Beans have no stand-in.
  const c = planMeals({ kcal_target: 2000, meals_per_day: 3, days: 1, exclude_foods: ['feijão'] }, taco);
  assert.ok(!c.ok && /nenhuma opção de feijão para almoço/.test(c.reason), !c.ok ? c.reason : 'should be infeasible');
  const noRice = planMeals({ kcal_target: 2000, meals_per_day: 3, days: 2, exclude_foods: ['arroz'] }, taco);
  assert.ok(noRice.ok, noRice.ok ? '' : noRice.reason);
  checkPlan({ kcal_target: 2000, meals_per_day: 3, days: 2, exclude_foods: ['arroz'] }, noRice.plan);
  const d = planMeals({ kcal_target: 2000, meals_per_day: 3, days: 1, macros: { protein_pct: 50, carbs_pct: 50, fat_pct: 0 } }, taco);
  assert.ok(!d.ok && d.reason.length > 20);
  // The example: too much for 3 meals within household portions → ask for more meals.
  const e = planMeals({ kcal_target: 2900, meals_per_day: 3, days: 2, restrictions: ['vegetarian'] }, taco);
  assert.ok(
    !e.ok && /2\.900 kcal/.test(e.reason) && /porções acima do habitual/.test(e.reason) && /peça [\d, ou]+ refeições/.test(e.reason),
    !e.ok ? e.reason : 'should be infeasible',
  );
  const more = Number(/peça (\d)/.exec(!e.ok ? e.reason : '')![1]);
  assert.ok(planMeals({ kcal_target: 2900, meals_per_day: more, days: 2, restrictions: ['vegetarian'] }, taco).ok, 'the suggested meal count works');
  // Diabetic: 275 g of carbohydrate cannot be spread over 3 meals of at most 75 g.
  const f = planMeals({ kcal_target: 2200, meals_per_day: 3, days: 1, restrictions: ['diabetic'] }, taco);
  assert.ok(!f.ok && /75 g de carboidrato/.test(f.reason) && /peça [\d, ou]+ refeições/.test(f.reason), !f.ok ? f.reason : 'should be infeasible');
});

test('docs list the TACO items excluded by lactose_free and gluten_free, as the classifier decides them', () => {
  const doc = readFileSync(new URL('../../docs/nutrition.md', import.meta.url), 'utf8');
  for (const [r, title] of [
    ['lactose_free', 'sem lactose'],
    ['gluten_free', 'sem glúten'],
  ] as const) {
    const start = doc.indexOf(`<!-- excluded:${r} -->`);
    const end = doc.indexOf(`<!-- /excluded:${r} -->`);
    assert.ok(start >= 0 && end > start, `docs/nutrition.md has the ${title} list`);
    const listed = [...doc.slice(start, end).matchAll(/^- (\d+) /gm)].map((m) => Number(m[1]));
    const excluded = taco.foods.filter((f) => restrictionViolation(f, r) !== null).map((f) => f.id);
    assert.deepEqual(listed, excluded, `${title}: docs and classifier differ`);
  }
});

const RESTRICTION = fc.constantFrom(...RESTRICTIONS);
const EXCLUDE = fc.uniqueArray(fc.constantFrom('frango', 'banana', 'arroz integral', '567', 'iogurte', 'tomate'), { maxLength: 3 });

test('property: every returned plan passes the oracle, otherwise infeasible with an actionable reason', () => {
  const macros = fc
    .record({ p: fc.integer({ min: 10, max: 45 }), f: fc.integer({ min: 10, max: 45 }), jitter: fc.integer({ min: -1, max: 1 }) })
    .filter(({ p, f }) => 100 - p - f >= 10)
    .map(({ p, f, jitter }) => ({ protein_pct: p, fat_pct: f, carbs_pct: 100 - p - f + jitter }));
  const req = fc.record(
    {
      kcal_target: fc.integer({ min: 1000, max: 5000 }),
      meals_per_day: fc.integer({ min: 3, max: 6 }),
      days: fc.integer({ min: 1, max: 14 }),
      restrictions: fc.uniqueArray(RESTRICTION, { maxLength: 3 }),
      macros,
      exclude_foods: EXCLUDE,
    },
    { requiredKeys: ['kcal_target', 'meals_per_day', 'days'] },
  );
  let feasible = 0;
  fc.assert(
    fc.property(req, (r) => {
      const res = planMeals(r, taco);
      if (res.ok) {
        feasible++;
        checkPlan(r, res.plan);
      } else {
        assert.equal(res.code, 'infeasible');
        assert.match(res.reason, /peça|reduza|aumente|remova|ajuste/i, res.reason);
      }
    }),
    { seed: 20240611, numRuns: 150 },
  );
  assert.ok(feasible > 30, `feasible ${feasible}`);
});

/**
 * Requests a nutritionist would call ordinary: 1 400–2 900 kcal with at most ~800 kcal per meal,
 * protein 16–20 % (13–16 % for vegans: TACO has no textured soy protein), fat 25–35 %, any restriction (diabetic only when its daily
 * carbohydrate fits the SBD caps with room). Infeasible is wrong for these: the planner must serve them.
 */
const ORDINARY = fc
  .record({
    meals: fc.integer({ min: 3, max: 6 }),
    kcalShare: fc.double({ min: 0, max: 1, noNaN: true }),
    p: fc.integer({ min: 16, max: 20 }),
    f: fc.integer({ min: 25, max: 35 }),
    days: fc.integer({ min: 1, max: 7 }),
    restrictions: fc.uniqueArray(RESTRICTION, { maxLength: 2 }),
    exclude_foods: fc.uniqueArray(fc.constantFrom('frango', 'banana', 'arroz integral', '567', 'tomate'), { maxLength: 2 }),
  })
  .map(({ meals, kcalShare, p, f, days, restrictions, exclude_foods }) => {
    const kcal = Math.round(1400 + kcalShare * (Math.min(2900, meals * 800) - 1400));
    const protein = restrictions.includes('vegan') ? p - 3 : p;
    return {
      kcal_target: kcal,
      meals_per_day: meals,
      days,
      restrictions,
      exclude_foods,
      macros: { protein_pct: protein, fat_pct: f, carbs_pct: 100 - protein - f },
    };
  })
  .filter((r) => {
    if (!r.restrictions.includes('diabetic')) return true;
    const caps = { 3: 225, 4: 255, 5: 285, 6: 315 }[r.meals_per_day]!;
    return (r.kcal_target * r.macros.carbs_pct) / 400 <= caps * 0.85;
  });

test('property: ordinary requests are always served, and pass the oracle', () => {
  fc.assert(
    fc.property(ORDINARY, (r) => {
      const res = planMeals(r, taco);
      assert.ok(res.ok, `${JSON.stringify(r)}: ${res.ok ? '' : res.reason}`);
      checkPlan(r, res.plan);
    }),
    { seed: 17, numRuns: 150 },
  );
});
