// The rules a meal plan follows beyond "allowed under the restriction" (restrictions.ts decides that
// per TACO line): household portions, variety, and what a restriction changes in the *plan* — the
// diabetic carbohydrate spread above all. The planner checks every day it returns against
// `dayViolations`, and `planRules` states the same rules in pt-BR for the plan's tips.
import { GROUP_PORTIONS, PLAN_FOOD_BY_ID, portionRange, PROTEIN_GROUPS, type PlanFood } from './plan-foods.ts';
import type { Restriction } from './restrictions.ts';

export const KCAL_TOLERANCE_PCT = 5;
export const MACRO_TOLERANCE_PCT = 10;

/**
 * Sociedade Brasileira de Diabetes (Diretriz 2023, terapia nutricional): spread carbohydrate over the
 * day, about 45–60 g (up to ~75 g) per main meal and 15–30 g per snack, whole grains and fibre,
 * no added sugar, fruit in portions. These are the caps a diabetic plan's every meal respects.
 */
export const DIABETIC = {
  mainMealCarbMaxG: 75,
  snackCarbMaxG: 30,
  /** One portion of fruit ≈ one carbohydrate exchange plus a margin (1 banana prata ≈ 18 g). */
  fruitCarbMaxG: 20,
} as const;

/**
 * Energy one meal may hold, whatever the plan: household portions of a usual meal stop about here. A
 * target above what the meals can hold this way asks for more meals, not for a 1 200 kcal breakfast
 * (issue 17: "2.900 kcal em 3 refeições exige porções acima do habitual: peça 5 ou 6 refeições").
 */
export const MEAL_KCAL_MAX = { breakfast: 800, main: 1000, snack: 500 } as const;

export function mealKcalCap(mealName: string): number {
  return mealName === 'Café da manhã' ? MEAL_KCAL_MAX.breakfast : MAIN_MEALS.has(mealName) ? MEAL_KCAL_MAX.main : MEAL_KCAL_MAX.snack;
}

/** Main meals for the carbohydrate caps; the rest are snacks (lanches, ceia). */
export const MAIN_MEALS: ReadonlySet<string> = new Set(['Café da manhã', 'Almoço', 'Jantar']);

export interface PlanContext {
  restrictions: readonly Restriction[];
}

export function isDiabetic(ctx: PlanContext): boolean {
  return ctx.restrictions.includes('diabetic');
}

/** Foods a restriction keeps out of the plan although TACO-wise they are allowed (refined starch for diabetes). */
export function planAllows(food: PlanFood, ctx: PlanContext): boolean {
  if (isDiabetic(ctx) && food.refined) return false;
  return true;
}

/** The grams an item may take in this plan: its group's household range, narrowed by the restriction. */
export function itemRange(food: PlanFood, carbsPerGram: number, ctx: PlanContext): { min: number; max: number } {
  const r = portionRange(food);
  if (isDiabetic(ctx) && food.group === 'fruit' && carbsPerGram > 0) {
    // Whole grams, rounded down, so that a rounded portion never crosses the cap.
    r.max = Math.min(r.max, Math.floor(DIABETIC.fruitCarbMaxG / carbsPerGram / 5) * 5);
  }
  return r;
}

export function mealCarbCap(mealName: string): number {
  return MAIN_MEALS.has(mealName) ? DIABETIC.mainMealCarbMaxG : DIABETIC.snackCarbMaxG;
}

export interface CheckedItem {
  taco_id: number;
  grams: number;
  carbs_g: number;
}

export interface CheckedMeal {
  name: string;
  items: readonly CheckedItem[];
  totals: { carbs_g: number; kcal: number };
}

/** Protein-food bases of a lunch that count for "not the same lunch protein two days running". */
export function lunchProteinBases(meal: CheckedMeal): Set<string> {
  const out = new Set<string>();
  for (const it of meal.items) {
    const f = PLAN_FOOD_BY_ID.get(it.taco_id);
    // Arroz com feijão is the daily staple: the beans are exempt, the main protein is not.
    if (f && PROTEIN_GROUPS.has(f.group) && f.base !== 'feijao') out.add(f.base);
  }
  return out;
}

/**
 * Every rule a returned day must meet (apart from the energy/macro tolerance, checked with the
 * targets). Empty when the day is fine; otherwise what is wrong, in English, for logs and tests.
 */
export function dayViolations(
  meals: readonly CheckedMeal[],
  ctx: PlanContext & { carbsPerGram: (id: number) => number; previousLunchProteins: ReadonlySet<string> | null },
): string[] {
  const out: string[] = [];
  const proteinToday = new Map<string, string>();
  for (const meal of meals) {
    const bases = new Set<string>();
    for (const it of meal.items) {
      const f = PLAN_FOOD_BY_ID.get(it.taco_id);
      if (!f) {
        out.push(`${meal.name}: ${it.taco_id} is not a plan food`);
        continue;
      }
      const r = itemRange(f, ctx.carbsPerGram(f.id), ctx);
      if (!f.fixed && (it.grams < r.min || it.grams > r.max)) out.push(`${meal.name}: ${f.name} ${it.grams} g outside ${r.min}–${r.max} g`);
      if (bases.has(f.base)) out.push(`${meal.name}: ${f.base} twice`);
      bases.add(f.base);
      if (PROTEIN_GROUPS.has(f.group)) {
        const where = proteinToday.get(f.base);
        if (where !== undefined && where !== meal.name) out.push(`protein ${f.base} at ${where} and ${meal.name}`);
        proteinToday.set(f.base, meal.name);
      }
      if (!planAllows(f, ctx)) out.push(`${f.name} not allowed in this plan`);
    }
    if (meal.totals.kcal > mealKcalCap(meal.name)) out.push(`${meal.name}: ${meal.totals.kcal} kcal over ${mealKcalCap(meal.name)} kcal`);
    if (isDiabetic(ctx) && meal.totals.carbs_g > mealCarbCap(meal.name)) {
      out.push(`${meal.name}: ${meal.totals.carbs_g} g carbohydrate over ${mealCarbCap(meal.name)} g`);
    }
    if (meal.name === 'Almoço' && ctx.previousLunchProteins) {
      for (const b of lunchProteinBases(meal)) if (ctx.previousLunchProteins.has(b)) out.push(`lunch protein ${b} two days running`);
    }
  }
  return out;
}

const g = (k: keyof typeof GROUP_PORTIONS) => GROUP_PORTIONS[k].max;

/** The rules this plan follows, in pt-BR, for the plan's tips (and the docs say the same). */
export function planRules(ctx: PlanContext & { days: number }): string[] {
  const rules = [
    `Porções caseiras: cada alimento fica dentro da porção habitual do seu grupo (carnes e peixes até ${g('meat')} g, tofu até ${g('tofu')} g, ` +
      `arroz até ${g('cooked_grain')} g, pães até ${g('bread')} g, queijos até ${g('cheese')} g, castanhas até ${g('nuts')} g, azeite até ${g('oil')} g, ` +
      `frutas até ${g('fruit')} g), com a medida caseira ao lado dos gramas; nenhuma refeição passa de ${MEAL_KCAL_MAX.main} kcal ` +
      `(café da manhã ${MEAL_KCAL_MAX.breakfast} kcal, lanches ${MEAL_KCAL_MAX.snack} kcal): metas maiores pedem mais refeições.`,
    'Variedade: cada alimento proteico (carne, peixe, ovo, laticínio, leguminosa, tofu) aparece no máximo uma vez por dia e nenhum alimento ' +
      'se repete na mesma refeição, nem em duas formas (como cenoura crua e cozida)' +
      (ctx.days > 1 ? '; a proteína do almoço não se repete em dias seguidos (o feijão do arroz com feijão é a exceção).' : '.'),
    `Metas: a energia de cada dia fica a até ${KCAL_TOLERANCE_PCT}% da meta e cada macronutriente a até ${MACRO_TOLERANCE_PCT}%, pela TACO.`,
  ];
  const r = new Set(ctx.restrictions);
  if (r.has('diabetic')) {
    rules.push(
      `Diabetes (Sociedade Brasileira de Diabetes): no máximo ${DIABETIC.mainMealCarbMaxG} g de carboidrato por refeição principal e ` +
        `${DIABETIC.snackCarbMaxG} g por lanche; arroz e pães integrais no lugar dos refinados (sem arroz branco, pão francês, tapioca ou cuscuz); ` +
        `nenhum produto açucarado; fruta em porção (até ${DIABETIC.fruitCarbMaxG} g de carboidrato cada).`,
    );
  }
  if (r.has('vegan'))
    rules.push('Vegano: nenhum alimento de origem animal (carnes, peixes, ovos, leite e derivados, mel); as proteínas vêm de leguminosas, tofu e soja.');
  else if (r.has('vegetarian')) rules.push('Vegetariano: sem carnes nem peixes; as proteínas variam entre ovos, laticínios, leguminosas e tofu.');
  if (r.has('lactose_free')) rules.push('Sem lactose: nenhum item de "Leite e derivados" da TACO nem preparação com leite, queijo, iogurte ou manteiga.');
  if (r.has('gluten_free')) rules.push('Sem glúten: nada com trigo, centeio, cevada ou aveia (pães, massas, biscoitos e preparações com eles).');
  if (r.has('low_sodium')) rules.push('Pouco sódio: só alimentos com até 400 mg de sódio por 100 g na TACO; nada salgado, embutido ou em conserva.');
  return rules;
}
