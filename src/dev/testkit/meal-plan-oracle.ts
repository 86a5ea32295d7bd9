// An oracle for meal plans written apart from the planner: it reads TACO lines by their own category
// and words, with the numbers of issue 17 and the Sociedade Brasileira de Diabetes guidance, and
// never imports the planner's food list, groups or rules. The property test and bench/meal-plans.ts
// both judge plans with it.
import type { MealPlan, MealPlanInput } from '../../nutrition/planner.ts';
import type { Restriction } from '../../nutrition/restrictions.ts';
import type { TacoFood, TacoTable } from '../../nutrition/taco.ts';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const words = (f: TacoFood) => ` ${fold(f.description).replace(/[^a-z0-9]+/g, ' ')} `;
const hasAny = (f: TacoFood, list: string[]) => list.some((w) => words(f).includes(` ${w} `));
const num = (f: TacoFood, k: 'sodium_mg' | 'energy_kcal' | 'carbohydrate_g') => {
  const v = f.per100g[k];
  return v.kind === 'value' ? v.value : v.kind === 'trace' ? 0 : null;
};

/** A deliberately blunt reading of the restrictions: TACO categories plus obvious words. */
export function breaksRestriction(f: TacoFood, r: Restriction): boolean {
  const d = fold(f.description);
  const meat =
    ['Carnes e derivados', 'Pescados e frutos do mar'].includes(f.category) ||
    hasAny(f, ['carne', 'frango', 'peixe', 'porco', 'bovina', 'presunto', 'atum', 'sardinha']);
  const dairy =
    f.category === 'Leite e derivados' || (hasAny(f, ['leite', 'queijo', 'iogurte', 'manteiga', 'requeijao']) && !/^couve|tofu|leite, de coco/.test(d));
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
      const na = num(f, 'sodium_mg');
      return na === null ? f.category !== 'Gorduras e óleos' : na > 400;
    }
    case 'diabetic':
      return f.category === 'Produtos açucarados' || hasAny(f, ['acucar', 'mel', 'refrigerante', 'suco']) || (hasAny(f, ['doce']) && !/^batata, doce/.test(d));
  }
}

/** The food itself: the first part of the TACO description ("Cenoura, crua" and "Cenoura, cozida" are both cenoura). */
export function foodBase(f: TacoFood): string {
  const parts = fold(f.description)
    .split(',')
    .map((p) => p.trim());
  // TACO files distinct soy products under "Soja" (tofu, drink, flour): those are different foods.
  return parts[0] === 'soja' ? `${parts[0]}, ${parts[1]}` : parts[0]!;
}

const PROTEIN_CATEGORIES = new Set(['Carnes e derivados', 'Pescados e frutos do mar', 'Ovos e derivados', 'Leite e derivados', 'Leguminosas e derivados']);
export const isProteinFood = (f: TacoFood) => PROTEIN_CATEGORIES.has(f.category);

/** Household upper bound for one item at one meal, by what the food is (issue 17's figures). */
export function portionCap(f: TacoFood): number {
  const d = fold(f.description);
  if (f.category === 'Carnes e derivados' || f.category === 'Pescados e frutos do mar') return 200;
  if (/tofu/.test(d)) return 200;
  if (/^queijo/.test(d)) return 60;
  if (f.category === 'Nozes e sementes' || /^amendoim/.test(d)) return 40;
  if (f.category === 'Gorduras e óleos') return 20;
  if (f.category === 'Frutas e derivados') return 250;
  if (/^pao/.test(d)) return 120;
  if (f.category === 'Ovos e derivados') return 150;
  // Dry grains and flours (≥ 200 kcal/100 g) are eaten by the spoonful; cooked or fresh legumes by the concha.
  if (f.category === 'Leguminosas e derivados') return (num(f, 'energy_kcal') ?? 0) >= 200 ? 60 : 250;
  if (/cozid/.test(d) && (f.category === 'Cereais e derivados' || /^cuscuz/.test(d))) return 300;
  if (/^aveia/.test(d)) return 60;
  return 300;
}

const MAIN_MEALS = new Set(['Café da manhã', 'Almoço', 'Jantar']);
const REFINED = /^arroz, tipo|^pao, trigo, frances|^tapioca|^cuscuz|^biscoito|^macarrao/;

/** Every broken rule of a returned plan, as readable strings; empty when the plan is sound. */
export function planProblems(req: MealPlanInput, plan: MealPlan, taco: TacoTable): string[] {
  const out: string[] = [];
  const bad = (s: string) => out.push(s);
  if (plan.days.length !== req.days) bad(`${plan.days.length} days for ${req.days}`);
  const t = plan.targets;
  const m = req.macros ?? { protein_pct: 20, carbs_pct: 50, fat_pct: 30 };
  if (t.kcal !== req.kcal_target) bad('kcal target changed');
  if (Math.abs(t.protein_g - (req.kcal_target * m.protein_pct) / 400) > 0.051) bad('protein target');
  if (Math.abs(t.carbs_g - (req.kcal_target * m.carbs_pct) / 400) > 0.051) bad('carbs target');
  if (Math.abs(t.fat_g - (req.kcal_target * m.fat_pct) / 900) > 0.051) bad('fat target');
  const restrictions = req.restrictions ?? [];
  const diabetic = restrictions.includes('diabetic');
  const vegetarianOnly = restrictions.includes('vegetarian') && !restrictions.includes('vegan');
  if (!Array.isArray(plan.rules) || plan.rules.length < 3) bad('the plan does not state its rules');
  let previousLunch = new Set<string>();
  for (const day of plan.days) {
    const d = day.totals;
    if (Math.abs(d.kcal - t.kcal) > t.kcal * 0.05) bad(`day ${day.day} kcal ${d.kcal} vs ${t.kcal}`);
    if (Math.abs(d.protein_g - t.protein_g) > t.protein_g * 0.1) bad(`day ${day.day} protein ${d.protein_g} vs ${t.protein_g}`);
    if (Math.abs(d.carbs_g - t.carbs_g) > t.carbs_g * 0.1) bad(`day ${day.day} carbs ${d.carbs_g} vs ${t.carbs_g}`);
    if (Math.abs(d.fat_g - t.fat_g) > t.fat_g * 0.1) bad(`day ${day.day} fat ${d.fat_g} vs ${t.fat_g}`);
    if (day.meals.length !== req.meals_per_day) bad(`day ${day.day}: ${day.meals.length} meals`);
    const proteinToday = new Map<string, string>();
    const families = new Set<string>();
    let lunchToday = new Set<string>();
    let kcalSum = 0;
    let itemCount = 0;
    for (const meal of day.meals) {
      if (meal.items.length === 0) bad(`day ${day.day} ${meal.name}: empty`);
      const bases = new Set<string>();
      let carbs = 0;
      for (const it of meal.items) {
        itemCount++;
        const f = taco.byId.get(it.taco_id);
        if (!f) {
          bad(`unknown TACO id ${it.taco_id}`);
          continue;
        }
        const where = `day ${day.day} ${meal.name} ${f.description}`;
        if (!(it.grams > 0)) bad(`${where}: ${it.grams} g`);
        if (it.grams > portionCap(f)) bad(`${where}: ${it.grams} g over the household cap ${portionCap(f)} g`);
        if (typeof it.household !== 'string' || !/^(½|\d+( ½)?) [a-zà-ú]/.test(it.household)) bad(`${where}: household measure "${it.household}"`);
        const kcal100 = num(f, 'energy_kcal');
        if (kcal100 === null || it.kcal !== Math.round((kcal100 * it.grams) / 100)) bad(`${where}: kcal ${it.kcal} is not TACO × grams`);
        for (const r of restrictions) if (breaksRestriction(f, r)) bad(`${where} breaks ${r}`);
        for (const ex of req.exclude_foods ?? []) {
          if (/^\d+$/.test(ex) ? Number(ex) === f.id : fold(f.description).includes(fold(ex))) bad(`${where} was excluded by "${ex}"`);
        }
        const base = foodBase(f);
        if (bases.has(base)) bad(`${where}: ${base} twice in one meal`);
        bases.add(base);
        if (isProteinFood(f)) {
          const seen = proteinToday.get(base);
          if (seen !== undefined && seen !== meal.name) bad(`day ${day.day}: protein food ${base} at ${seen} and ${meal.name}`);
          proteinToday.set(base, meal.name);
          families.add(f.category === 'Leguminosas e derivados' ? (/tofu/.test(base) ? 'tofu' : 'legume') : f.category);
          if (meal.name === 'Almoço' && base !== 'feijao') lunchToday.add(base);
        }
        const c = ((num(f, 'carbohydrate_g') ?? 0) * it.grams) / 100;
        carbs += c;
        if (diabetic) {
          if (REFINED.test(fold(f.description))) bad(`${where}: refined starch in a diabetic plan`);
          if (f.category === 'Frutas e derivados' && c > 25) bad(`${where}: fruit with ${c.toFixed(1)} g carbohydrate, more than a portion`);
        }
        kcalSum += it.kcal;
      }
      // docs/nutrition.md: no meal above 1 000 kcal (breakfast 800, snacks 500).
      const kcalCap = meal.name === 'Café da manhã' ? 800 : MAIN_MEALS.has(meal.name) ? 1000 : 500;
      if (meal.totals.kcal > kcalCap) bad(`day ${day.day} ${meal.name}: ${meal.totals.kcal} kcal over ${kcalCap} kcal`);
      if (diabetic) {
        const cap = MAIN_MEALS.has(meal.name) ? 75 : 30;
        if (carbs > cap + 0.05) bad(`day ${day.day} ${meal.name}: ${carbs.toFixed(1)} g carbohydrate over ${cap} g`);
      }
    }
    if (day.day > 1) for (const b of lunchToday) if (previousLunch.has(b)) bad(`day ${day.day}: lunch protein ${b} also the day before`);
    previousLunch = lunchToday;
    lunchToday = new Set();
    if (vegetarianOnly && families.size < 2) bad(`day ${day.day}: vegetarian proteins from ${[...families].join(', ')} only`);
    if (Math.abs(kcalSum - d.kcal) > itemCount * 0.5 + 1) bad(`day ${day.day}: items sum to ${kcalSum} kcal, total says ${d.kcal}`);
  }
  return out;
}

/** Relative deviation of each day from the targets (for the bench). */
export function deviations(plan: MealPlan): Array<{ kcal: number; protein: number; carbs: number; fat: number }> {
  const t = plan.targets;
  return plan.days.map((d) => ({
    kcal: Math.abs(d.totals.kcal - t.kcal) / t.kcal,
    protein: Math.abs(d.totals.protein_g - t.protein_g) / t.protein_g,
    carbs: Math.abs(d.totals.carbs_g - t.carbs_g) / t.carbs_g,
    fat: Math.abs(d.totals.fat_g - t.fat_g) / t.fat_g,
  }));
}
