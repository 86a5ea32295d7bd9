// Meal-plan optimizer over TACO foods: the orchestration. Pure and deterministic: the same request
// gives the same plan. The pieces, each in its own file:
//   plan-foods.ts   curated foods: TACO id, food group, household portion range and measure, roles
//   plan-solver.ts  grams of a day by bounded least squares
//   plan-rules.ts   portions, variety and restriction rules (checked on every day) and their pt-BR text
//   restrictions.ts which TACO lines a restriction rules out
//
// How a plan is made (docs/nutrition.md has the long version):
//  1. Meal structure by meals_per_day; each meal a list of roles (arroz, feijão, proteína, fruta…)
//     in tiers: a lean core, the usual meal, and extra items (a second dairy, a fruit for dessert, a
//     second starch, nuts) used when the energy target needs more food than usual portions hold.
//  2. For each day, pick one food per role, rotating from offsets hashed from the request, under the
//     variety rules: no food (base) twice in a meal, a protein food at most once a day, and not the
//     same lunch protein as the day before.
//  3. Solve the grams of the whole day within each item's household range (plan-solver.ts), with
//     carbohydrate caps per meal for diabetic plans.
//  4. Round to household precision, recompute from TACO, and accept the day only if it meets the
//     ±5 % kcal / ±10 % macro tolerance and every rule in plan-rules.ts. Otherwise other foods, then
//     the neighbouring tier, are tried; if nothing fits, the request is infeasible with a reason a
//     person can act on. A day is never returned outside tolerance or breaking a rule.
import { householdMeasure } from './household.ts';
import { perGram, roundNutrient } from './nutrients.ts';
import { PLAN_FOOD_BY_ID, PROTEIN_GROUPS, ROLE_FOODS, ROLE_LABEL, type PlanFood, type RoleKey } from './plan-foods.ts';
import {
  DIABETIC,
  dayViolations,
  isDiabetic,
  itemRange,
  KCAL_TOLERANCE_PCT,
  lunchProteinBases,
  MACRO_TOLERANCE_PCT,
  mealCarbCap,
  mealKcalCap,
  planAllows,
  planRules,
  type PlanContext,
} from './plan-rules.ts';
import { solveGrams, WEIGHT, type MealCap, type SolverItem } from './plan-solver.ts';
import { allowedUnder, RESTRICTION_LABELS_PT } from './restrictions.ts';
import type { TacoFood, TacoTable } from './taco.ts';
import { foldText } from '../text/fold.ts';
// The request is the meal_plan job input itself: one shape, validated in src/job-inputs/meal-plan.ts.
import type { MealPlanInput } from '../job-inputs/index.ts';

export type { MealPlanInput };

export interface PlanItem {
  taco_id: number;
  name: string;
  grams: number;
  /** The grams as a household measure: "2 colheres de servir", "1 filé médio". */
  household: string;
  kcal: number;
  protein_g: number;
  carbs_g: number;
  fat_g: number;
}

export interface MacroTotals {
  kcal: number;
  protein_g: number;
  carbs_g: number;
  fat_g: number;
}

export interface PlanMeal {
  name: string;
  items: PlanItem[];
  totals: MacroTotals;
}

export interface PlanDay {
  day: number;
  meals: PlanMeal[];
  totals: MacroTotals;
}

export interface MealPlan {
  days: PlanDay[];
  targets: MacroTotals & { tolerance: { kcal_pct: number; macro_pct: number } };
  /** The rules the plan follows, in pt-BR (portions, variety, the restrictions'). */
  rules: string[];
}

export type PlanResult = { ok: true; plan: MealPlan } | { ok: false; code: 'infeasible'; reason: string };

export const DEFAULT_MACROS = { protein_pct: 20, carbs_pct: 50, fat_pct: 30 } as const;

// ---------------------------------------------------------------------------------------------
// Meal structure. A role's tier says from which level of the day it is present: 0 = the lean core
// (small targets), 1 = the usual meal, 2 and 3 = extra items for large targets. Optional roles are
// skipped when restrictions or variety leave no food for them; required ones make the attempt fail.

type Level = 0 | 1 | 2 | 3;
const LEVELS: readonly Level[] = [0, 1, 2, 3];

interface RoleSpec {
  key: RoleKey;
  tier: Level;
  optional?: boolean;
}

interface MealTemplate {
  name: string;
  /** Soft share of the day's energy. */
  share: number;
  roles: RoleSpec[];
}

const r = (key: RoleKey, tier: Level, optional = false): RoleSpec => ({ key, tier, optional });

const BREAKFAST = (share: number): MealTemplate => ({
  name: 'Café da manhã',
  share,
  roles: [r('bf_carb', 0), r('bf_protein', 1), r('fruit', 0), r('coffee', 0, true), r('bf_fat', 1, true), r('bf_dairy', 2, true), r('nuts', 3, true)],
});
const MAIN = (name: string, share: number, lunch: boolean): MealTemplate => ({
  name,
  share,
  roles: [
    lunch ? r('rice', 0) : r('starch', 0),
    lunch ? r('beans', 0) : r('legume', 1, true),
    r('main_protein', 0),
    r('salad', 0, true),
    r('cooked_veg', 0, true),
    r('oil', 1, true),
    r('fruit', 2, true),
    r('side_starch', 3, true),
  ],
});
const SNACK = (name: string, share: number, withCarb: boolean): MealTemplate => ({
  name,
  share,
  roles: withCarb
    ? [r('fruit', 0), r('snack_protein', 1, true), r('snack_carb', 1, true), r('nuts', 2, true)]
    : [r('fruit', 0), r('snack_protein', 1, true), r('snack_carb', 2, true), r('nuts', 3, true)],
});

/** Brazilian meal structure by number of meals; shares are the usual distribution of energy. */
function mealTemplates(mealsPerDay: number): MealTemplate[] {
  switch (mealsPerDay) {
    case 3:
      return [BREAKFAST(0.25), MAIN('Almoço', 0.4, true), MAIN('Jantar', 0.35, false)];
    case 4:
      return [BREAKFAST(0.22), MAIN('Almoço', 0.35, true), SNACK('Lanche da tarde', 0.13, true), MAIN('Jantar', 0.3, false)];
    case 5:
      return [
        BREAKFAST(0.2),
        SNACK('Lanche da manhã', 0.1, false),
        MAIN('Almoço', 0.32, true),
        SNACK('Lanche da tarde', 0.12, true),
        MAIN('Jantar', 0.26, false),
      ];
    default:
      return [
        BREAKFAST(0.2),
        SNACK('Lanche da manhã', 0.08, false),
        MAIN('Almoço', 0.3, true),
        SNACK('Lanche da tarde', 0.12, true),
        MAIN('Jantar', 0.24, false),
        SNACK('Ceia', 0.06, false),
      ];
  }
}

// ---------------------------------------------------------------------------------------------

interface Food4 {
  kcal: number;
  protein_g: number;
  carbs_g: number;
  fat_g: number;
}

/** A curated food usable in this request, with its TACO numbers and its range in this plan. */
interface Usable {
  food: PlanFood;
  /** For the solver. */
  perGram: Food4;
  /** For reported numbers: value × grams / 100, exactly as nutrients.ts computes a portion. */
  per100: Food4;
  lo: number;
  hi: number;
  typical: number;
}

interface MealSpec {
  name: string;
  share: number;
  roles: Array<{ key: RoleKey; tier: Level; optional: boolean; options: Usable[] }>;
}

function per4(food: TacoFood): Food4 | null {
  const kcal = perGram(food, 'kcal');
  const p = perGram(food, 'protein_g');
  const cb = perGram(food, 'carbs_g');
  const f = perGram(food, 'fat_g');
  if (kcal === null || p === null || cb === null || f === null) return null;
  return { kcal, protein_g: p, carbs_g: cb, fat_g: f };
}

function excludedByUser(food: TacoFood, name: string, excludes: readonly string[]): boolean {
  const desc = foldText(food.description);
  const folded = foldText(name);
  return excludes.some((raw) => {
    const e = foldText(raw);
    if (e === '') return false;
    if (/^\d+$/.test(e)) return Number(e) === food.id;
    return desc.includes(e) || folded.includes(e);
  });
}

/** FNV-1a over the canonical request: the seed for rotation offsets. */
function hashRequest(req: MealPlanInput): number {
  const canonical = JSON.stringify([
    req.kcal_target,
    req.meals_per_day,
    req.days,
    [...(req.restrictions ?? [])].sort(),
    req.macros ? [req.macros.protein_pct, req.macros.carbs_pct, req.macros.fat_pct] : null,
    [...(req.exclude_foods ?? [])].map(foldText).sort(),
  ]);
  let h = 0x811c9dc5;
  for (let i = 0; i < canonical.length; i++) {
    h ^= canonical.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function roleOffset(seed: number, key: string): number {
  let h = seed ^ 0x9e3779b9;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x85ebca6b) >>> 0;
  return h;
}

interface Slot {
  meal: number;
  u: Usable;
}

/** Household precision: 1 g for small items (oil, butter, nuts, cheese…), 5 g for the rest. */
function roundGrams(u: Usable, g: number): number {
  const step = u.hi <= 60 ? 1 : 5;
  const r = Math.round(g / step) * step;
  return Math.min(u.hi, Math.max(u.lo, r));
}

function macroTotals(items: ReadonlyArray<{ u: Usable; grams: number }>): Food4 {
  const t = { kcal: 0, protein_g: 0, carbs_g: 0, fat_g: 0 };
  for (const { u, grams } of items) {
    t.kcal += (u.per100.kcal * grams) / 100;
    t.protein_g += (u.per100.protein_g * grams) / 100;
    t.carbs_g += (u.per100.carbs_g * grams) / 100;
    t.fat_g += (u.per100.fat_g * grams) / 100;
  }
  return t;
}

function roundTotals(t: Food4): MacroTotals {
  return {
    kcal: roundNutrient('kcal', t.kcal),
    protein_g: roundNutrient('protein_g', t.protein_g),
    carbs_g: roundNutrient('carbs_g', t.carbs_g),
    fat_g: roundNutrient('fat_g', t.fat_g),
  };
}

/** Relative miss of each target, as a multiple of its tolerance (≤ 1 means within tolerance). */
function missRatios(got: MacroTotals, targets: MacroTotals): Record<keyof MacroTotals, number> {
  return {
    kcal: Math.abs(got.kcal - targets.kcal) / (targets.kcal * (KCAL_TOLERANCE_PCT / 100)),
    protein_g: Math.abs(got.protein_g - targets.protein_g) / (targets.protein_g * (MACRO_TOLERANCE_PCT / 100)),
    carbs_g: Math.abs(got.carbs_g - targets.carbs_g) / (targets.carbs_g * (MACRO_TOLERANCE_PCT / 100)),
    fat_g: Math.abs(got.fat_g - targets.fat_g) / (targets.fat_g * (MACRO_TOLERANCE_PCT / 100)),
  };
}

const ATTEMPTS_PER_LEVEL = 8;
/**
 * Solves tried for one day before the request is called infeasible. A feasible day is usually found
 * in the first few; the budget bounds the time an infeasible request costs (each solve ≈ 0.2–1 ms).
 */
const MAX_SOLVES_PER_DAY = 40;
const PROBE_SOLVES_PER_DAY = 16;

const TARGET_LABEL: Record<keyof MacroTotals, string> = {
  kcal: 'energia',
  protein_g: 'proteína',
  carbs_g: 'carboidratos',
  fat_g: 'gorduras',
};

/** "5", "5 ou 6", "4, 5 ou 6". */
function orList(ns: readonly number[]): string {
  return ns.length <= 1 ? ns.join('') : `${ns.slice(0, -1).join(', ')} ou ${ns[ns.length - 1]}`;
}

function fmt(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function infeasible(reason: string): PlanResult {
  return { ok: false, code: 'infeasible', reason };
}

/** Share of the diabetic carbohydrate caps the solver aims at, leaving room for rounding. */
const CARB_CAP_AIM = 0.93;
/** Same for the energy of a meal. */
const MEAL_KCAL_AIM = 0.97;

/** Energy the structure of `meals` holds at a level, with every role at its leanest or largest food. */
function capacity(meals: readonly MealSpec[], level: Level): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const m of meals) {
    let mealMax = 0;
    for (const role of m.roles) {
      if (role.tier > level || role.options.length === 0) continue;
      min += Math.min(...role.options.map((o) => o.perGram.kcal * o.lo));
      mealMax += Math.max(...role.options.map((o) => o.perGram.kcal * o.hi));
    }
    max += Math.min(mealMax, mealKcalCap(m.name));
  }
  return { min, max };
}

interface Prepared {
  meals: MealSpec[];
}

type PrepareResult = { ok: true; value: Prepared } | { ok: false; role: RoleKey; meal: string };

function prepare(req: MealPlanInput, taco: TacoTable, mealsPerDay: number): PrepareResult {
  const restrictions = req.restrictions ?? [];
  const excludes = req.exclude_foods ?? [];
  const ctx: PlanContext = { restrictions };
  const plantFirst = restrictions.includes('vegetarian') || restrictions.includes('vegan');
  const scale = Math.min(1.5, Math.max(0.7, req.kcal_target / 2000));
  const cache = new Map<number, Usable | null>();
  const usable = (id: number): Usable | null => {
    if (cache.has(id)) return cache.get(id) ?? null;
    const food = PLAN_FOOD_BY_ID.get(id);
    const t = taco.byId.get(id);
    let u: Usable | null = null;
    if (food && t && allowedUnder(t, restrictions) && planAllows(food, ctx) && !excludedByUser(t, food.name, excludes)) {
      const pg = per4(t);
      if (pg) {
        const range = itemRange(food, pg.carbs_g, ctx);
        const per100 = { kcal: pg.kcal * 100, protein_g: pg.protein_g * 100, carbs_g: pg.carbs_g * 100, fat_g: pg.fat_g * 100 };
        for (const k of Object.keys(per100) as Array<keyof Food4>) per100[k] = Math.round(per100[k] * 1000) / 1000;
        const lo = food.fixed ? food.typical : range.min;
        const hi = food.fixed ? food.typical : range.max;
        if (lo <= hi) u = { food, perGram: pg, per100, lo, hi, typical: food.fixed ? food.typical : Math.min(hi, Math.max(lo, food.typical * scale)) };
      }
    }
    cache.set(id, u);
    return u;
  };
  const meals: MealSpec[] = [];
  for (const tpl of mealTemplates(mealsPerDay)) {
    const roles: MealSpec['roles'] = [];
    for (const role of tpl.roles) {
      const ids: number[] = [...ROLE_FOODS[role.key]];
      if (role.key === 'main_protein' && plantFirst) ids.push(...ROLE_FOODS[restrictions.includes('vegan') ? 'main_protein_vegan' : 'main_protein_vegetarian']);
      let all = [...new Set(ids)].map(usable).filter((u): u is Usable => u !== null);
      // No rice left (excluded, or only white rice and a diabetic plan): lunch takes another starch.
      if (all.length === 0 && role.key === 'rice') all = ROLE_FOODS.starch.map(usable).filter((u): u is Usable => u !== null);
      const usual = all.filter((u) => !u.food.plant);
      const options = plantFirst || usual.length === 0 ? all : usual;
      if (options.length === 0) {
        if (role.optional) continue;
        return { ok: false, role: role.key, meal: tpl.name };
      }
      roles.push({ key: role.key, tier: role.tier, optional: role.optional ?? false, options });
    }
    meals.push({ name: tpl.name, share: tpl.share, roles });
  }
  return { ok: true, value: { meals } };
}

export function planMeals(req: MealPlanInput, taco: TacoTable): PlanResult {
  return plan(req, taco, true, MAX_SOLVES_PER_DAY);
}

/**
 * Meal counts above the request's for which one day of the same targets can be planned: what to
 * suggest when a target does not fit the meals asked for ("peça 5 ou 6 refeições").
 */
function feasibleWithMoreMeals(req: MealPlanInput, taco: TacoTable): number[] {
  const out: number[] = [];
  // The first count that works is enough: more meals only add room.
  for (let n = req.meals_per_day + 1; n <= 6; n++) {
    // A smaller search budget: this only decides what to suggest, and an infeasible answer should stay cheap.
    if (plan({ ...req, meals_per_day: n, days: 1 }, taco, false, PROBE_SOLVES_PER_DAY).ok) {
      for (let k = n; k <= 6; k++) out.push(k);
      break;
    }
  }
  return out;
}

function plan(req: MealPlanInput, taco: TacoTable, suggest: boolean, solvesPerDay: number): PlanResult {
  const macros = req.macros ?? DEFAULT_MACROS;
  const restrictions = req.restrictions ?? [];
  const ctx: PlanContext = { restrictions };
  const diabetic = isDiabetic(ctx);
  const targets: MacroTotals = {
    kcal: req.kcal_target,
    protein_g: roundNutrient('protein_g', (req.kcal_target * macros.protein_pct) / 100 / 4),
    carbs_g: roundNutrient('carbs_g', (req.kcal_target * macros.carbs_pct) / 100 / 4),
    fat_g: roundNutrient('fat_g', (req.kcal_target * macros.fat_pct) / 100 / 9),
  };
  const describeRequest = () => {
    const rs = restrictions.length ? `, ${restrictions.map((x) => RESTRICTION_LABELS_PT[x]).join(', ')}` : '';
    return `${fmt(req.kcal_target)} kcal com ${macros.protein_pct}% de proteína, ${macros.carbs_pct}% de carboidratos e ${macros.fat_pct}% de gordura em ${req.meals_per_day} refeições${rs}`;
  };
  if (targets.protein_g <= 0 || targets.carbs_g <= 0 || targets.fat_g <= 0) {
    return infeasible(
      `${describeRequest()}: cada macronutriente precisa de uma meta maior que zero; um cardápio com comida de verdade sempre tem um pouco de cada.`,
    );
  }

  const prepared = prepare(req, taco, req.meals_per_day);
  if (!prepared.ok) {
    return infeasible(
      `${describeRequest()}: as restrições e exclusões pedidas não deixam nenhuma opção de ${ROLE_LABEL[prepared.role]} para ${prepared.meal.toLowerCase()}. Remova uma exclusão ou restrição.`,
    );
  }
  const { meals } = prepared.value;

  // Energy the structure can hold within household portions. Above it, the answer is more meals.
  const full = capacity(meals, 3);
  if (req.kcal_target > full.max * 0.97) {
    const more = suggest ? feasibleWithMoreMeals(req, taco) : [];
    const ask = more.length ? `peça ${orList(more)} refeições` : 'reduza a meta de calorias';
    return infeasible(
      `${describeRequest()}: ${fmt(req.kcal_target)} kcal não cabem em ${req.meals_per_day} refeições com porções habituais (no máximo cerca de ${fmt(full.max * 0.97)} kcal); exigiriam porções acima do habitual: ${ask}.`,
    );
  }
  const lean = capacity(meals, 0);
  if (req.kcal_target < lean.min * 1.03) {
    return infeasible(
      `${describeRequest()}: mesmo com as menores porções habituais, ${req.meals_per_day} refeições somam cerca de ${fmt(lean.min * 1.03)} kcal. Peça menos refeições ou aumente a meta.`,
    );
  }
  // Diabetic carbohydrate spread: the day's carbohydrate must fit under the per-meal caps.
  const carbCaps = diabetic ? meals.map((m) => mealCarbCap(m.name)) : null;
  if (carbCaps) {
    const room = carbCaps.reduce((a, b) => a + b, 0) * CARB_CAP_AIM;
    if (targets.carbs_g * (1 - MACRO_TOLERANCE_PCT / 100) > room) {
      const maxPct = Math.floor(((room * 4) / req.kcal_target) * 100);
      const more: number[] = [];
      for (let n = req.meals_per_day + 1; n <= 6; n++) {
        const caps = mealTemplates(n).reduce((a, m) => a + mealCarbCap(m.name), 0) * CARB_CAP_AIM;
        if (targets.carbs_g * (1 - MACRO_TOLERANCE_PCT / 100) <= caps) more.push(n);
      }
      const ask = more.length ? `peça ${orList(more)} refeições (com lanches) ou reduza` : 'reduza';
      return infeasible(
        `${describeRequest()}: cada refeição principal leva no máximo ${DIABETIC.mainMealCarbMaxG} g de carboidrato e cada lanche ${DIABETIC.snackCarbMaxG} g; ` +
          `em ${req.meals_per_day} refeições cabem cerca de ${fmt(room)} g e a meta pede ${fmt(targets.carbs_g)} g. Para um cardápio possível, ${ask} os carboidratos para até ${maxPct}% das calorias.`,
      );
    }
  }

  // Levels to try, from the one whose usual portions fit the target outwards.
  let start: Level = 3;
  for (const L of [1, 2, 3] as const) {
    if (req.kcal_target <= capacity(meals, L).max * 0.72) {
      start = L;
      break;
    }
  }
  if (req.kcal_target < capacity(meals, 1).min * 1.25) start = 0;
  // Nearest levels first; on a tie the leaner one (the target sits between two structures).
  const order: Level[] = [...LEVELS].sort((a, b) => Math.abs(a - start) - Math.abs(b - start) || a - b);

  const shareSum = meals.reduce((a, m) => a + m.share, 0);
  const mealKcal = meals.map((m) => (req.kcal_target * m.share) / shareSum);
  const mealCaps: MealCap[] = meals.map((m, i) => ({ meal: i, key: 'kcal', cap: mealKcalCap(m.name) * MEAL_KCAL_AIM }));
  if (carbCaps) carbCaps.forEach((cap, i) => mealCaps.push({ meal: i, key: 'carbs_g', cap: cap * CARB_CAP_AIM }));
  const solveTargets = { ...targets, mealKcal, mealCaps };
  const carbsPerGram = (id: number) => perGram(taco.byId.get(id)!, 'carbs_g') ?? 0;

  const seed = hashRequest(req);
  const daySignatures = new Set<string>();
  const days: PlanDay[] = [];
  let previousLunch: ReadonlySet<string> | null = null;
  // Days of one plan are alike: the level that served one day is tried first for the next.
  let lastLevel: Level | null = null;
  let best: { day: PlanDay; worst: number; ratios: Record<keyof MacroTotals, number> } | undefined;
  for (let d = 0; d < req.days; d++) {
    let accepted: PlanDay | undefined;
    let repeatFallback: PlanDay | undefined;
    const dayOrder: Level[] = lastLevel === null ? order : [lastLevel, ...order.filter((l) => l !== lastLevel)];
    let budget = solvesPerDay;
    search: for (const level of dayOrder) {
      let closeAtLevel = false;
      let solvedAtLevel = 0;
      for (let attempt = 0; attempt < ATTEMPTS_PER_LEVEL && budget > 0; attempt++) {
        // A level whose first tries are all far off cannot hold the target: move on.
        if (solvedAtLevel === 3 && !closeAtLevel) break;
        const slots = chooseDay(meals, level, seed, d, attempt, previousLunch);
        if (!slots) continue;
        solvedAtLevel++;
        const items: SolverItem[] = slots.map((s) => ({
          meal: s.meal,
          ...s.u.perGram,
          lo: s.u.lo,
          hi: s.u.hi,
          typical: s.u.typical,
          fixed: s.u.food.fixed ?? false,
        }));
        for (const lambda of [WEIGHT.typical, 0]) {
          budget--;
          const grams = polish(slots, solveGrams(items, solveTargets, lambda), targets, mealCaps);
          const day = buildDay(d + 1, meals, slots, grams);
          const ratios = missRatios(day.totals, targets);
          const worst = Math.max(ratios.kcal, ratios.protein_g, ratios.carbs_g, ratios.fat_g);
          const broken = dayViolations(day.meals, { restrictions, carbsPerGram, previousLunchProteins: previousLunch });
          if (worst <= 1.5) closeAtLevel = true;
          if (worst <= 1 && broken.length === 0) {
            const sig = slots.map((s) => `${s.meal}:${s.u.food.id}`).join(',');
            if (!daySignatures.has(sig)) {
              daySignatures.add(sig);
              accepted = day;
              lastLevel = level;
              break search;
            }
            repeatFallback ??= day;
            break;
          }
          if (broken.length === 0 && (!best || worst < best.worst)) best = { day, worst, ratios };
        }
      }
    }
    // Repeating a menu is allowed only when the restrictions leave no other combination that fits.
    accepted ??= repeatFallback;
    if (!accepted) {
      const more = suggest && d === 0 ? feasibleWithMoreMeals(req, taco) : [];
      if (more.length) {
        return infeasible(
          `${describeRequest()}: em ${req.meals_per_day} refeições esta meta exige porções acima do habitual; peça ${orList(more)} refeições (ou ajuste a distribuição de macronutrientes).`,
        );
      }
      return infeasible(missReason(describeRequest(), targets, best, d));
    }
    days.push(accepted);
    const lunch = accepted.meals.find((m) => m.name === 'Almoço');
    previousLunch = lunch ? lunchProteinBases(lunch) : null;
  }
  return {
    ok: true,
    plan: {
      days,
      targets: { ...targets, tolerance: { kcal_pct: KCAL_TOLERANCE_PCT, macro_pct: MACRO_TOLERANCE_PCT } },
      rules: planRules({ restrictions, days: req.days }),
    },
  };
}

function missReason(
  request: string,
  targets: MacroTotals,
  best: { day: PlanDay; ratios: Record<keyof MacroTotals, number> } | undefined,
  dayIndex: number,
): string {
  if (!best) {
    return `${request}: as regras de variedade (cada proteína uma vez por dia, proteína do almoço diferente da do dia anterior) não encontram combinação no dia ${dayIndex + 1} com os alimentos permitidos. Remova uma exclusão ou restrição.`;
  }
  const ratios = best.ratios;
  const keys = (Object.keys(ratios) as Array<keyof MacroTotals>).filter((k) => ratios[k] > 1);
  const unit = (k: keyof MacroTotals) => (k === 'kcal' ? ' kcal' : ' g');
  const missed = keys.map((k) => `${TARGET_LABEL[k]} ${fmt(best.day.totals[k])}${unit(k)} para a meta de ${fmt(targets[k])}${unit(k)}`);
  const advice: string[] = [];
  if (keys.includes('protein_g')) advice.push(best.day.totals.protein_g < targets.protein_g ? 'reduza a proteína' : 'aumente a proteína');
  if (keys.includes('fat_g')) advice.push(best.day.totals.fat_g < targets.fat_g ? 'reduza a gordura' : 'aumente a gordura');
  if (keys.includes('carbs_g')) advice.push(best.day.totals.carbs_g < targets.carbs_g ? 'reduza os carboidratos' : 'aumente os carboidratos');
  const how = advice.length
    ? `${advice.join(', ')} na distribuição de macronutrientes, ou ajuste a meta de calorias ou as restrições`
    : 'ajuste a distribuição de macronutrientes, a meta de calorias ou as restrições';
  return `${request} não cabe nas porções realistas dos alimentos permitidos${missed.length ? ` (o mais perto foi ${missed.join('; ')})` : ''}. Para um cardápio possível, ${how}.`;
}

/**
 * One food per role of the level. The index moves by one per day (so consecutive days differ) from an
 * offset hashed from the request and the role; each retry shifts by a different stride. Hard rules:
 * no base twice in a meal, a protein food's base once a day, the lunch proteins not those of the day
 * before. Soft: a food not already used today (the fruits of the day differ) when the role allows it.
 * Null when a required role has no food left under those rules.
 */
const MAIN_DISH_MEALS: ReadonlySet<string> = new Set(['Almoço', 'Jantar']);

function chooseDay(
  meals: readonly MealSpec[],
  level: Level,
  seed: number,
  day: number,
  attempt: number,
  previousLunch: ReadonlySet<string> | null,
): Slot[] | null {
  const slots: Slot[] = [];
  const usedToday = new Set<number>();
  const proteinToday = new Set<string>();
  // Lunch and dinner choose first: their main dish is the protein a day is built around, and the
  // breakfast and snacks take what the once-a-day rule leaves (soy drink when eggs and tofu are taken).
  const mealOrder = meals.map((_, m) => m).sort((a, b) => Number(!MAIN_DISH_MEALS.has(meals[a]!.name)) - Number(!MAIN_DISH_MEALS.has(meals[b]!.name)) || a - b);
  const byMeal: Slot[][] = meals.map(() => []);
  for (const m of mealOrder) {
    const meal = meals[m]!;
    const mealBases = new Set<string>();
    const lunch = meal.name === 'Almoço';
    // Required roles choose first (an optional side must not take the last protein the main dish
    // needed); the meal's items keep the template's order.
    const order = meal.roles.map((role, idx) => ({ role, idx })).sort((a, b) => Number(a.role.optional) - Number(b.role.optional) || a.idx - b.idx);
    const picked: Array<{ idx: number; slot: Slot }> = [];
    for (const { role, idx } of order) {
      if (role.tier > level) continue;
      const n = role.options.length;
      const base = roleOffset(seed, role.key) + day + m * 3 + attempt * (1 + (roleOffset(seed, `${role.key}#`) % 3));
      const allowed = (u: Usable) => {
        const b = u.food.base;
        if (mealBases.has(b)) return false;
        const protein = PROTEIN_GROUPS.has(u.food.group);
        if (protein && proteinToday.has(b)) return false;
        if (lunch && protein && b !== 'feijao' && previousLunch?.has(b)) return false;
        return true;
      };
      let pick: Usable | undefined;
      for (const soft of [true, false]) {
        for (let k = 0; k < n && !pick; k++) {
          const u = role.options[(base + k) % n]!;
          if (allowed(u) && (!soft || !usedToday.has(u.food.id))) pick = u;
        }
        if (pick) break;
      }
      if (!pick) {
        if (role.optional) continue;
        return null;
      }
      usedToday.add(pick.food.id);
      mealBases.add(pick.food.base);
      if (PROTEIN_GROUPS.has(pick.food.group)) proteinToday.add(pick.food.base);
      picked.push({ idx, slot: { meal: m, u: pick } });
    }
    picked.sort((a, b) => a.idx - b.idx);
    byMeal[m] = picked.map((p) => p.slot);
  }
  for (const list of byMeal) slots.push(...list);
  return slots;
}

/**
 * Rounds the solver's grams to household precision, then nudges single items by one step at a time
 * (within their ranges, never pushing a diabetic meal over its carbohydrate cap) while that lowers the
 * worst miss against the targets: rounding 20 items can otherwise add up to a few percent.
 */
function polish(slots: readonly Slot[], grams: readonly number[], targets: MacroTotals, caps: readonly MealCap[]): number[] {
  const n = slots.length;
  const g = slots.map((s, i) => (s.u.food.fixed ? s.u.food.typical : roundGrams(s.u, grams[i] ?? s.u.typical)));
  // Sums and per-item contributions per gram, for kcal, protein, carbs, fat; scaled so that 1 = the tolerance.
  const scale = [
    100 * targets.kcal * (KCAL_TOLERANCE_PCT / 100),
    100 * targets.protein_g * (MACRO_TOLERANCE_PCT / 100),
    100 * targets.carbs_g * (MACRO_TOLERANCE_PCT / 100),
    100 * targets.fat_g * (MACRO_TOLERANCE_PCT / 100),
  ];
  const goal = [targets.kcal, targets.protein_g, targets.carbs_g, targets.fat_g].map((v, k) => (v * 100) / scale[k]!);
  const coef = slots.map((s) => [s.u.per100.kcal / scale[0]!, s.u.per100.protein_g / scale[1]!, s.u.per100.carbs_g / scale[2]!, s.u.per100.fat_g / scale[3]!]);
  const sum = [0, 0, 0, 0];
  // Per meal, kcal and carbohydrate, to keep each nudge under the meal's caps.
  const meals = n === 0 ? 0 : slots[n - 1]!.meal + 1;
  const mealSum = { kcal: new Array<number>(meals).fill(0), carbs_g: new Array<number>(meals).fill(0) };
  const capOf = { kcal: new Array<number>(meals).fill(Infinity), carbs_g: new Array<number>(meals).fill(Infinity) };
  for (const c of caps) capOf[c.key][c.meal] = c.cap / (c.key === 'kcal' ? MEAL_KCAL_AIM : CARB_CAP_AIM);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 4; k++) sum[k]! += coef[i]![k]! * g[i]!;
    mealSum.kcal[slots[i]!.meal]! += (slots[i]!.u.per100.kcal * g[i]!) / 100;
    mealSum.carbs_g[slots[i]!.meal]! += (slots[i]!.u.per100.carbs_g * g[i]!) / 100;
  }
  const worstWith = (i: number, dg: number) => {
    let w = 0;
    for (let k = 0; k < 4; k++) w = Math.max(w, Math.abs(sum[k]! + coef[i]![k]! * dg - goal[k]!));
    return w;
  };
  let current = worstWith(0, 0);
  for (let round = 0; round < 24 && current > 0.6; round++) {
    let bestScore = current;
    let bestI = -1;
    let bestDg = 0;
    for (let i = 0; i < n; i++) {
      const u = slots[i]!.u;
      if (u.food.fixed) continue;
      const step = u.hi <= 60 ? 2 : 5;
      for (const dg of [-step, step]) {
        const next = g[i]! + dg;
        if (next < u.lo || next > u.hi) continue;
        const mi = slots[i]!.meal;
        if (
          dg > 0 &&
          (mealSum.kcal[mi]! + (u.per100.kcal * dg) / 100 > capOf.kcal[mi]! - 1 ||
            mealSum.carbs_g[mi]! + (u.per100.carbs_g * dg) / 100 > capOf.carbs_g[mi]! - 0.5)
        )
          continue;
        const sc = worstWith(i, dg);
        if (sc < bestScore - 1e-9) {
          bestScore = sc;
          bestI = i;
          bestDg = dg;
        }
      }
    }
    if (bestI < 0) break;
    for (let k = 0; k < 4; k++) sum[k]! += coef[bestI]![k]! * bestDg;
    mealSum.kcal[slots[bestI]!.meal]! += (slots[bestI]!.u.per100.kcal * bestDg) / 100;
    mealSum.carbs_g[slots[bestI]!.meal]! += (slots[bestI]!.u.per100.carbs_g * bestDg) / 100;
    g[bestI]! += bestDg;
    current = bestScore;
  }
  return g;
}

function buildDay(dayNo: number, meals: ReadonlyArray<{ name: string }>, slots: readonly Slot[], grams: readonly number[]): PlanDay {
  const rounded = slots.map((s, i) => ({ u: s.u, meal: s.meal, grams: grams[i]! }));
  const outMeals: PlanMeal[] = meals.map((meal, m) => {
    const its = rounded.filter((x) => x.meal === m);
    const items: PlanItem[] = its.map(({ u, grams: g }) => ({
      taco_id: u.food.id,
      name: u.food.name,
      grams: g,
      household: householdMeasure(g, u.food.measure),
      kcal: roundNutrient('kcal', (u.per100.kcal * g) / 100),
      protein_g: roundNutrient('protein_g', (u.per100.protein_g * g) / 100),
      carbs_g: roundNutrient('carbs_g', (u.per100.carbs_g * g) / 100),
      fat_g: roundNutrient('fat_g', (u.per100.fat_g * g) / 100),
    }));
    return { name: meal.name, items, totals: roundTotals(macroTotals(its)) };
  });
  return { day: dayNo, meals: outMeals, totals: roundTotals(macroTotals(rounded)) };
}
