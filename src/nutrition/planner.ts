// Meal-plan optimizer over TACO foods. Pure and deterministic: the same request gives the same plan.
//
// How it works (docs/nutrition.md has the long version):
//  1. Meal structure by meals_per_day (café da manhã, almoço, jantar, lanches, ceia), each meal a list
//     of roles (arroz, feijão, proteína, salada, legume, azeite…) with curated TACO candidates and
//     realistic per-food gram bounds. Candidates that break a restriction or match exclude_foods go.
//  2. For each day, pick one candidate per role by rotating through the lists from an offset derived
//     from a hash of the request (so days differ, and two requests differ, without Math.random).
//  3. Solve the grams of the whole day at once: bounded least squares on the relative errors of
//     kcal, protein, carbs and fat (plus a soft share of the day's energy per meal, and a faint pull
//     towards typical portions), by projected coordinate descent.
//  4. Round grams to household precision, recompute from TACO, and check the tolerances on the
//     numbers that will be shown. A day that misses is retried with other candidates; if no
//     combination fits, the whole request is infeasible with a reason a person can act on. A day is
//     never returned outside tolerance.
import { perGram, roundNutrient } from './nutrients.ts';
import { allowedUnder, RESTRICTION_LABELS_PT, type Restriction } from './restrictions.ts';
import { foldText, type TacoFood, type TacoTable } from './taco.ts';

export interface MealPlanRequest {
  kcal_target: number;
  meals_per_day: number;
  days: number;
  restrictions?: readonly Restriction[];
  macros?: { protein_pct: number; carbs_pct: number; fat_pct: number };
  exclude_foods?: readonly string[];
}

export interface PlanItem {
  taco_id: number;
  name: string;
  grams: number;
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
}

export type PlanResult = { ok: true; plan: MealPlan } | { ok: false; code: 'infeasible'; reason: string };

export const KCAL_TOLERANCE_PCT = 5;
export const MACRO_TOLERANCE_PCT = 10;
export const DEFAULT_MACROS = { protein_pct: 20, carbs_pct: 50, fat_pct: 30 } as const;

// ---------------------------------------------------------------------------------------------
// Curated candidates. Bounds are per meal, in grams of the food as eaten, and stay within what a
// person recognises as a portion (e.g. rice 50–300 g ≈ 2–12 colheres de sopa; olive oil 3–15 g ≈ up
// to one colher de sopa cheia). `fixed` items are not optimised (a cup of coffee).

interface Candidate {
  id: number;
  name: string;
  min: number;
  typical: number;
  max: number;
  fixed?: boolean;
  /** Plant proteins unusual in an omnivore Brazilian menu: offered for vegetarian/vegan requests, or when nothing else is left. */
  plant?: boolean;
}

const c = (id: number, name: string, min: number, typical: number, max: number, fixed = false): Candidate => ({ id, name, min, typical, max, fixed });
const plant = (cand: Candidate): Candidate => ({ ...cand, plant: true });

const FRUITS: Candidate[] = [
  c(182, 'Banana prata', 40, 80, 200),
  c(226, 'Mamão papaia', 80, 150, 300),
  c(222, 'Maçã fuji', 80, 130, 220),
  c(214, 'Laranja pera', 80, 130, 260),
  c(164, 'Abacaxi', 50, 100, 200),
  c(239, 'Morango', 50, 100, 200),
  c(231, 'Manga tommy', 60, 140, 250),
  c(236, 'Melão', 80, 150, 300),
  c(256, 'Uva itália', 50, 100, 200),
  c(200, 'Goiaba vermelha', 60, 120, 220),
  c(251, 'Tangerina poncã', 60, 120, 220),
];
const BREAKFAST_CARBS: Candidate[] = [
  c(53, 'Pão francês', 25, 50, 100),
  c(533, 'Cuscuz de milho', 50, 120, 250),
  c(52, 'Pão de forma integral', 25, 50, 100),
  c(7, 'Aveia em flocos', 15, 30, 70),
  c(88, 'Batata-doce cozida', 60, 120, 250),
  c(551, 'Tapioca com manteiga', 40, 70, 130),
];
const BREAKFAST_PROTEINS: Candidate[] = [
  c(488, 'Ovo cozido', 50, 100, 150),
  c(461, 'Queijo minas frescal', 20, 30, 60),
  c(448, 'Iogurte natural', 80, 170, 250),
  c(490, 'Ovo frito', 50, 50, 100),
  c(469, 'Ricota', 20, 40, 80),
  plant(c(584, 'Tofu', 50, 100, 200)),
  plant(c(583, 'Bebida de soja (extrato em pó)', 15, 25, 45)),
];
const BREAKFAST_FATS: Candidate[] = [
  c(262, 'Manteiga sem sal', 3, 8, 15),
  c(163, 'Abacate', 30, 60, 120),
  c(589, 'Castanha-do-brasil', 5, 10, 30),
];
const COFFEE: Candidate[] = [c(471, 'Café coado', 100, 100, 100, true)];
const RICE: Candidate[] = [c(3, 'Arroz branco cozido', 50, 120, 300), c(1, 'Arroz integral cozido', 50, 120, 300)];
const STARCHES: Candidate[] = [
  c(88, 'Batata-doce cozida', 60, 150, 350),
  c(3, 'Arroz branco cozido', 50, 120, 300),
  c(91, 'Batata inglesa cozida', 80, 150, 350),
  c(129, 'Mandioca cozida', 60, 120, 300),
  c(1, 'Arroz integral cozido', 50, 120, 300),
  c(533, 'Cuscuz de milho', 60, 120, 250),
];
// Lunch is arroz com feijão; lentils and feijão-fradinho appear at dinner.
const BEANS: Candidate[] = [c(561, 'Feijão carioca cozido', 50, 100, 250), c(567, 'Feijão preto cozido', 50, 100, 250)];
const LEGUMES: Candidate[] = [
  c(577, 'Lentilha cozida', 50, 100, 250),
  c(561, 'Feijão carioca cozido', 50, 100, 250),
  c(563, 'Feijão fradinho cozido', 50, 100, 250),
  c(567, 'Feijão preto cozido', 50, 100, 250),
];
const MAIN_PROTEINS: Candidate[] = [
  c(410, 'Peito de frango grelhado', 60, 120, 220),
  c(377, 'Patinho grelhado', 60, 120, 200),
  c(301, 'Filé de merluza assado', 60, 130, 250),
  c(368, 'Maminha grelhada', 60, 120, 200),
  c(432, 'Lombo de porco assado', 60, 120, 200),
  c(398, 'Coxa de frango sem pele cozida', 60, 120, 200),
  c(313, 'Pintado grelhado', 60, 130, 250),
  c(488, 'Ovo cozido', 50, 100, 150),
  c(346, 'Contrafilé grelhado sem gordura', 60, 120, 200),
  c(318, 'Sardinha assada', 60, 120, 200),
  plant(c(584, 'Tofu', 80, 150, 300)),
];
const SALADS: Candidate[] = [
  c(78, 'Alface crespa', 20, 40, 80),
  c(157, 'Tomate', 30, 60, 120),
  c(142, 'Pepino', 30, 50, 100),
  c(152, 'Rúcula', 15, 30, 60),
  c(149, 'Repolho cru', 30, 50, 100),
  c(110, 'Cenoura crua ralada', 20, 40, 80),
  c(75, 'Agrião', 15, 30, 60),
];
const COOKED_VEG: Candidate[] = [
  c(100, 'Brócolis cozido', 40, 80, 160),
  c(109, 'Cenoura cozida', 30, 60, 120),
  c(70, 'Abobrinha cozida', 40, 80, 160),
  c(112, 'Chuchu cozido', 40, 80, 160),
  c(97, 'Beterraba cozida', 30, 60, 120),
  c(118, 'Couve-flor cozida', 40, 80, 160),
  c(64, 'Abóbora cabotiá cozida', 40, 80, 160),
  c(95, 'Berinjela cozida', 40, 80, 160),
];
const OILS: Candidate[] = [c(260, 'Azeite de oliva extravirgem', 3, 8, 15)];
const SNACK_PROTEINS: Candidate[] = [
  c(448, 'Iogurte natural', 80, 170, 250),
  c(589, 'Castanha-do-brasil', 5, 15, 30),
  c(461, 'Queijo minas frescal', 20, 30, 60),
  c(449, 'Iogurte natural desnatado', 80, 170, 250),
  c(597, 'Nozes', 5, 15, 30),
  c(588, 'Castanha-de-caju torrada', 5, 15, 30),
];
const SNACK_CARBS: Candidate[] = [
  c(7, 'Aveia em flocos', 15, 30, 60),
  c(52, 'Pão de forma integral', 25, 50, 100),
  c(61, 'Pipoca', 10, 25, 50),
  c(53, 'Pão francês', 25, 50, 100),
];

interface Role {
  key: string;
  candidates: Candidate[];
  /** Dropped, instead of making the plan infeasible, when restrictions leave no candidate. */
  optional?: boolean;
}

interface MealTemplate {
  name: string;
  /** Soft share of the day's energy. */
  share: number;
  roles: Role[];
}

const BREAKFAST = (share: number): MealTemplate => ({
  name: 'Café da manhã',
  share,
  roles: [
    { key: 'bf_carb', candidates: BREAKFAST_CARBS },
    { key: 'bf_protein', candidates: BREAKFAST_PROTEINS },
    { key: 'fruit', candidates: FRUITS },
    { key: 'bf_fat', candidates: BREAKFAST_FATS, optional: true },
    { key: 'coffee', candidates: COFFEE, optional: true },
  ],
});
const MAIN = (name: string, share: number, lunch: boolean): MealTemplate => ({
  name,
  share,
  roles: [
    { key: lunch ? 'rice' : 'starch', candidates: lunch ? RICE : STARCHES },
    { key: lunch ? 'beans' : 'legume', candidates: lunch ? BEANS : LEGUMES },
    { key: 'main_protein', candidates: MAIN_PROTEINS },
    { key: 'salad', candidates: SALADS, optional: true },
    { key: 'cooked_veg', candidates: COOKED_VEG, optional: true },
    { key: 'oil', candidates: OILS, optional: true },
  ],
});
const SNACK = (name: string, share: number, withCarb: boolean): MealTemplate => ({
  name,
  share,
  roles: [
    { key: 'fruit', candidates: FRUITS },
    { key: 'snack_protein', candidates: SNACK_PROTEINS, optional: !withCarb },
    ...(withCarb ? [{ key: 'snack_carb', candidates: SNACK_CARBS, optional: true }] : []),
  ],
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

interface Usable extends Candidate {
  food: TacoFood;
  /** For the solver. */
  perGram: Food4;
  /** For reported numbers: value × grams / 100, exactly as nutrients.ts computes a portion. */
  per100: Food4;
}

function per4(food: TacoFood): Food4 | null {
  const kcal = perGram(food, 'kcal');
  const p = perGram(food, 'protein_g');
  const cb = perGram(food, 'carbs_g');
  const f = perGram(food, 'fat_g');
  if (kcal === null || p === null || cb === null || f === null) return null;
  return { kcal, protein_g: p, carbs_g: cb, fat_g: f };
}

function excludedByUser(food: TacoFood, cand: Candidate, excludes: readonly string[]): boolean {
  const desc = foldText(food.description);
  const name = foldText(cand.name);
  return excludes.some((raw) => {
    const e = foldText(raw);
    if (e === '') return false;
    if (/^\d+$/.test(e)) return Number(e) === food.id;
    return desc.includes(e) || name.includes(e);
  });
}

/** FNV-1a over the canonical request: the seed for rotation offsets. */
function hashRequest(req: MealPlanRequest): number {
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
  cand: Usable;
}

interface SolveTargets {
  kcal: number;
  protein_g: number;
  carbs_g: number;
  fat_g: number;
  mealKcal: number[];
}

const WEIGHT = { kcal: 6, macro: 2, meal: 0.4, typical: 0.002 } as const;

/**
 * Projected coordinate descent on
 *   Σ_k w_k ((a_k·x − T_k)/T_k)² + Σ_m w_m ((kcal_m·x − S_m)/T_kcal)² + λ Σ_i ((x_i − typ_i)/typ_i)²
 * with lo_i ≤ x_i ≤ hi_i. Each coordinate step is the exact minimiser clamped to its bounds, so the
 * objective never increases; a few hundred sweeps over ~20 variables take well under a millisecond.
 */
function solveGrams(slots: Slot[], t: SolveTargets, lambda: number): number[] {
  const rows: Array<{ coef: number[]; target: number; w: number }> = [];
  const coefOf = (k: keyof Food4) => slots.map((s) => s.cand.perGram[k]);
  rows.push({ coef: coefOf('kcal'), target: t.kcal, w: WEIGHT.kcal / (t.kcal * t.kcal) });
  for (const k of ['protein_g', 'carbs_g', 'fat_g'] as const) {
    rows.push({ coef: coefOf(k), target: t[k], w: WEIGHT.macro / (t[k] * t[k]) });
  }
  t.mealKcal.forEach((target, m) => {
    rows.push({ coef: slots.map((s) => (s.meal === m ? s.cand.perGram.kcal : 0)), target, w: WEIGHT.meal / (t.kcal * t.kcal) });
  });
  const x = slots.map((s) => s.cand.typical);
  const sums = rows.map((r) => r.coef.reduce((acc, a, i) => acc + a * (x[i] ?? 0), 0));
  for (let sweep = 0; sweep < 400; sweep++) {
    let moved = 0;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i]!;
      if (s.cand.fixed) continue;
      const xi = x[i]!;
      const reg = lambda / (s.cand.typical * s.cand.typical);
      let num = reg * s.cand.typical;
      let den = reg;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        const a = row.coef[i]!;
        if (a === 0) continue;
        const rest = sums[r]! - a * xi;
        num += row.w * a * (row.target - rest);
        den += row.w * a * a;
      }
      const next = den > 0 ? Math.min(s.cand.max, Math.max(s.cand.min, num / den)) : xi;
      const delta = next - xi;
      if (delta !== 0) {
        for (let r = 0; r < rows.length; r++) sums[r]! += rows[r]!.coef[i]! * delta;
        x[i] = next;
        moved = Math.max(moved, Math.abs(delta));
      }
    }
    if (moved < 0.01) break;
  }
  return x;
}

/** Household precision: 1 g for small fatty items (oil, butter, nuts), 5 g for the rest. */
function roundGrams(cand: Candidate, g: number): number {
  const step = cand.max <= 50 ? 1 : 5;
  const r = Math.round(g / step) * step;
  return Math.min(cand.max, Math.max(cand.min, r));
}

function macroTotals(items: ReadonlyArray<{ cand: Usable; grams: number }>): Food4 {
  const t = { kcal: 0, protein_g: 0, carbs_g: 0, fat_g: 0 };
  for (const { cand, grams } of items) {
    t.kcal += (cand.per100.kcal * grams) / 100;
    t.protein_g += (cand.per100.protein_g * grams) / 100;
    t.carbs_g += (cand.per100.carbs_g * grams) / 100;
    t.fat_g += (cand.per100.fat_g * grams) / 100;
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

const MAX_ATTEMPTS_PER_DAY = 24;

const TARGET_LABEL: Record<keyof MacroTotals, string> = {
  kcal: 'energia',
  protein_g: 'proteína',
  carbs_g: 'carboidratos',
  fat_g: 'gorduras',
};

function fmt(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function infeasible(reason: string): PlanResult {
  return { ok: false, code: 'infeasible', reason };
}

export function planMeals(req: MealPlanRequest, taco: TacoTable): PlanResult {
  const macros = req.macros ?? DEFAULT_MACROS;
  const restrictions = req.restrictions ?? [];
  const excludes = req.exclude_foods ?? [];
  const targets: MacroTotals = {
    kcal: req.kcal_target,
    protein_g: roundNutrient('protein_g', (req.kcal_target * macros.protein_pct) / 100 / 4),
    carbs_g: roundNutrient('carbs_g', (req.kcal_target * macros.carbs_pct) / 100 / 4),
    fat_g: roundNutrient('fat_g', (req.kcal_target * macros.fat_pct) / 100 / 9),
  };
  const describeRequest = () => {
    const r = restrictions.length ? `, ${restrictions.map((x) => RESTRICTION_LABELS_PT[x]).join(', ')}` : '';
    return `${fmt(req.kcal_target)} kcal com ${macros.protein_pct}% de proteína, ${macros.carbs_pct}% de carboidratos e ${macros.fat_pct}% de gordura em ${req.meals_per_day} refeições${r}`;
  };
  if (targets.protein_g <= 0 || targets.carbs_g <= 0 || targets.fat_g <= 0) {
    return infeasible(`${describeRequest()}: cada macronutriente precisa de uma meta maior que zero; um cardápio com comida de verdade sempre tem um pouco de cada.`);
  }

  // Filter the curated candidates once per request.
  const templates = mealTemplates(req.meals_per_day);
  const usableCache = new Map<Candidate, Usable | null>();
  // Portions follow the energy target: a 1 200 kcal plan has smaller servings than a 4 000 kcal one.
  // The bounds move with it, within 0.6×–1.6× of the 2 000 kcal reference servings.
  const portionScale = Math.min(1.6, Math.max(0.6, req.kcal_target / 2000));
  const usable = (cand: Candidate): Usable | null => {
    if (usableCache.has(cand)) return usableCache.get(cand) ?? null;
    const food = taco.byId.get(cand.id);
    let u: Usable | null = null;
    if (food && allowedUnder(food, restrictions) && !excludedByUser(food, cand, excludes)) {
      const pg = per4(food);
      if (pg) {
        const scaled = cand.fixed
          ? cand
          : {
              ...cand,
              min: cand.min * Math.min(1, portionScale),
              max: cand.max * Math.max(1, portionScale),
              typical: cand.typical * portionScale,
            };
        const per100 = { kcal: pg.kcal * 100, protein_g: pg.protein_g * 100, carbs_g: pg.carbs_g * 100, fat_g: pg.fat_g * 100 };
        for (const k of Object.keys(per100) as Array<keyof Food4>) per100[k] = Math.round(per100[k] * 1000) / 1000;
        u = { ...scaled, food, perGram: pg, per100 };
      }
    }
    usableCache.set(cand, u);
    return u;
  };
  const meals: Array<{ name: string; share: number; roles: Array<{ key: string; options: Usable[] }> }> = [];
  for (const tpl of templates) {
    const roles: Array<{ key: string; options: Usable[] }> = [];
    for (const role of tpl.roles) {
      const all = role.candidates.map(usable).filter((u): u is Usable => u !== null);
      const plantFirst = restrictions.includes('vegetarian') || restrictions.includes('vegan');
      const usual = all.filter((u) => !u.plant);
      const options = plantFirst || usual.length === 0 ? all : usual;
      if (options.length === 0) {
        if (role.optional) continue;
        return infeasible(
          `${describeRequest()}: as restrições e exclusões pedidas não deixam nenhuma opção de ${ROLE_LABEL[role.key] ?? role.key} para ${tpl.name.toLowerCase()}. Remova uma exclusão ou restrição.`,
        );
      }
      roles.push({ key: role.key, options });
    }
    meals.push({ name: tpl.name, share: tpl.share, roles });
  }
  const shareSum = meals.reduce((a, m) => a + m.share, 0);
  const mealKcal = meals.map((m) => (req.kcal_target * m.share) / shareSum);

  // Energy the structure can hold at all, with every role at its smallest or largest candidate.
  let minKcal = 0;
  let maxKcal = 0;
  for (const m of meals) {
    for (const r of m.roles) {
      minKcal += Math.min(...r.options.map((o) => o.perGram.kcal * o.min));
      maxKcal += Math.max(...r.options.map((o) => o.perGram.kcal * o.max));
    }
  }
  if (req.kcal_target > maxKcal * 0.97) {
    return infeasible(
      `${describeRequest()}: ${fmt(req.kcal_target)} kcal não cabem em ${req.meals_per_day} refeições com porções realistas (no máximo cerca de ${fmt(maxKcal * 0.97)} kcal). Aumente o número de refeições ou reduza a meta.`,
    );
  }
  if (req.kcal_target < minKcal * 1.03) {
    return infeasible(
      `${describeRequest()}: mesmo com as menores porções realistas, ${req.meals_per_day} refeições somam cerca de ${fmt(minKcal * 1.03)} kcal. Reduza o número de refeições ou aumente a meta.`,
    );
  }

  const seed = hashRequest(req);
  const daySignatures = new Set<string>();
  const days: PlanDay[] = [];
  for (let d = 0; d < req.days; d++) {
    let best: { day: PlanDay; worst: number; ratios: Record<keyof MacroTotals, number> } | undefined;
    let accepted: PlanDay | undefined;
    let repeatFallback: PlanDay | undefined;
    for (let attempt = 0; attempt < MAX_ATTEMPTS_PER_DAY && !accepted; attempt++) {
      const slots = chooseDay(meals, seed, d, attempt);
      for (const lambda of [WEIGHT.typical, 0]) {
        const grams = solveGrams(slots, { ...targets, mealKcal }, lambda);
        const day = buildDay(d + 1, meals, slots, grams);
        const ratios = missRatios(day.totals, targets);
        const worst = Math.max(ratios.kcal, ratios.protein_g, ratios.carbs_g, ratios.fat_g);
        if (worst <= 1) {
          const sig = slots.map((s) => `${s.meal}:${s.cand.id}`).join(',');
          if (!daySignatures.has(sig)) {
            daySignatures.add(sig);
            accepted = day;
          } else {
            repeatFallback ??= day;
          }
          break;
        }
        if (!best || worst < best.worst) best = { day, worst, ratios };
      }
    }
    // Repeating a menu is allowed only when the restrictions leave no other combination that fits.
    accepted ??= repeatFallback;
    if (!accepted) {
      const ratios = best?.ratios;
      const missed = ratios
        ? (Object.keys(ratios) as Array<keyof MacroTotals>)
            .filter((k) => ratios[k] > 1)
            .map((k) => `${TARGET_LABEL[k]} ${k === 'kcal' ? fmt(best!.day.totals[k]) + ' kcal' : fmt(best!.day.totals[k]) + ' g'} para a meta de ${k === 'kcal' ? fmt(targets[k]) + ' kcal' : fmt(targets[k]) + ' g'}`)
        : [];
      return infeasible(
        `${describeRequest()} não cabe nas porções realistas dos alimentos permitidos${missed.length ? ` (o mais perto foi ${missed.join('; ')})` : ''}. Ajuste a distribuição de macronutrientes, a meta de calorias ou as restrições.`,
      );
    }
    days.push(accepted);
  }
  return {
    ok: true,
    plan: { days, targets: { ...targets, tolerance: { kcal_pct: KCAL_TOLERANCE_PCT, macro_pct: MACRO_TOLERANCE_PCT } } },
  };
}

const ROLE_LABEL: Record<string, string> = {
  bf_carb: 'pão, cuscuz ou outro carboidrato',
  bf_protein: 'ovo, queijo, iogurte ou tofu',
  fruit: 'fruta',
  rice: 'arroz',
  beans: 'feijão',
  starch: 'arroz, batata ou mandioca',
  legume: 'feijão ou lentilha',
  main_protein: 'proteína (carne, peixe, ovo ou tofu)',
  snack_protein: 'iogurte, queijo ou castanhas',
};

/**
 * One candidate per role. The index moves by one per day (so consecutive days differ) from an offset
 * hashed from the request and the role; each retry shifts by a different stride. Within a day a food
 * is not repeated across meals when the role has another option (lunch and dinner proteins differ,
 * the fruits of the day differ).
 */
function chooseDay(meals: Array<{ roles: Array<{ key: string; options: Usable[] }> }>, seed: number, day: number, attempt: number): Slot[] {
  const slots: Slot[] = [];
  const usedToday = new Set<number>();
  meals.forEach((meal, m) => {
    for (const role of meal.roles) {
      const n = role.options.length;
      const base = roleOffset(seed, role.key) + day + m * 3 + attempt * (1 + (roleOffset(seed, role.key + '#') % 3));
      let pick = role.options[base % n]!;
      for (let k = 0; k < n; k++) {
        const cand = role.options[(base + k) % n]!;
        if (!usedToday.has(cand.id)) {
          pick = cand;
          break;
        }
      }
      usedToday.add(pick.id);
      slots.push({ meal: m, cand: pick });
    }
  });
  return slots;
}

function buildDay(dayNo: number, meals: Array<{ name: string }>, slots: Slot[], grams: number[]): PlanDay {
  const rounded = slots.map((s, i) => ({ slot: s, grams: roundGrams(s.cand, grams[i] ?? s.cand.typical) }));
  const outMeals: PlanMeal[] = meals.map((meal, m) => {
    const its = rounded.filter((r) => r.slot.meal === m);
    const items: PlanItem[] = its.map(({ slot, grams: g }) => ({
      taco_id: slot.cand.id,
      name: slot.cand.name,
      grams: g,
      kcal: roundNutrient('kcal', (slot.cand.per100.kcal * g) / 100),
      protein_g: roundNutrient('protein_g', (slot.cand.per100.protein_g * g) / 100),
      carbs_g: roundNutrient('carbs_g', (slot.cand.per100.carbs_g * g) / 100),
      fat_g: roundNutrient('fat_g', (slot.cand.per100.fat_g * g) / 100),
    }));
    return { name: meal.name, items, totals: roundTotals(macroTotals(its.map((r) => ({ cand: r.slot.cand, grams: r.grams })))) };
  });
  return { day: dayNo, meals: outMeals, totals: roundTotals(macroTotals(rounded.map((r) => ({ cand: r.slot.cand, grams: r.grams })))) };
}
