// Nutrients for a weighed portion of a TACO food, and totals that stay honest about unknown values.
import { numericOrNull, type NutrientValue, type TacoFood, type TacoNutrientKey } from './taco.ts';

export const NUTRIENT_NAMES = ['kcal', 'protein_g', 'carbs_g', 'fat_g', 'fiber_g', 'sodium_mg'] as const;
export type NutrientName = (typeof NUTRIENT_NAMES)[number];

const TACO_COLUMN: Record<NutrientName, TacoNutrientKey> = {
  kcal: 'energy_kcal',
  protein_g: 'protein_g',
  carbs_g: 'carbohydrate_g',
  fat_g: 'lipids_g',
  fiber_g: 'fiber_g',
  sodium_mg: 'sodium_mg',
};

/** Values for a portion; null where TACO has no number (NA, blank or "*"). */
export type NutrientAmounts = Record<NutrientName, number | null>;

export interface NutrientTotals {
  /** Sum of the known parts, rounded. When a nutrient is listed in `incomplete` this is a lower bound. */
  values: Record<NutrientName, number>;
  /** Nutrients for which at least one item had no value in TACO: their total is not the real total. */
  incomplete: NutrientName[];
  /** Nutrients for which at least one item was only "traço" (counted as 0). Informational. */
  trace: NutrientName[];
}

/**
 * The TACO value used for a nutrient. One documented exception to "NA is unknown": pure fats
 * (category "Gorduras e óleos" with ≥ 99.5 g lipids per 100 g) have NA protein/carbohydrate/fibre
 * because there is no room for them — the lipids are the whole mass — so they are 0 by mass balance.
 * Without this rule every dish with a spoon of olive oil would report an "incomplete" protein total.
 */
export function tacoValue(food: TacoFood, nutrient: NutrientName): NutrientValue {
  const raw = food.per100g[TACO_COLUMN[nutrient]];
  if (raw.kind === 'not_applicable' && (nutrient === 'protein_g' || nutrient === 'carbs_g' || nutrient === 'fiber_g') && food.category === 'Gorduras e óleos') {
    const lipids = food.per100g.lipids_g;
    if (lipids.kind === 'value' && lipids.value >= 99.5) return { kind: 'value', value: 0 };
  }
  return raw;
}

/** Per-gram value as a number, or null when unknown. */
export function perGram(food: TacoFood, nutrient: NutrientName): number | null {
  const v = numericOrNull(tacoValue(food, nutrient));
  return v === null ? null : v / 100;
}

/**
 * Rounding a person can read without implying false precision: energy and sodium to the unit,
 * grams to one decimal. Applied to reported numbers only, never before summing.
 */
export function roundNutrient(nutrient: NutrientName, value: number): number {
  if (nutrient === 'kcal' || nutrient === 'sodium_mg') return Math.round(value);
  return Math.round(value * 10) / 10;
}

/** Unrounded amounts for `grams` of a food. */
export function rawNutrientsFor(food: TacoFood, grams: number): NutrientAmounts {
  const out = {} as NutrientAmounts;
  for (const n of NUTRIENT_NAMES) {
    const pg = perGram(food, n);
    out[n] = pg === null ? null : pg * grams;
  }
  return out;
}

/** Rounded amounts for `grams` of a food (e.g. 150 g of a food is its TACO value × 1.5). */
export function nutrientsFor(food: TacoFood, grams: number): NutrientAmounts {
  if (!Number.isFinite(grams) || grams < 0) throw new RangeError('grams must be a finite number ≥ 0');
  const raw = rawNutrientsFor(food, grams);
  const out = {} as NutrientAmounts;
  for (const n of NUTRIENT_NAMES) {
    const v = raw[n];
    out[n] = v === null ? null : roundNutrient(n, v);
  }
  return out;
}

/** Totals over portions, summing unrounded values and rounding once at the end. */
export function totalNutrients(items: ReadonlyArray<{ food: TacoFood; grams: number }>): NutrientTotals {
  const sums = {} as Record<NutrientName, number>;
  const incomplete: NutrientName[] = [];
  const trace: NutrientName[] = [];
  for (const n of NUTRIENT_NAMES) {
    let sum = 0;
    let unknown = false;
    let hadTrace = false;
    for (const { food, grams } of items) {
      const v = tacoValue(food, n);
      if (v.kind === 'value') sum += (v.value * grams) / 100;
      else if (v.kind === 'trace') hadTrace = true;
      else unknown = true;
    }
    sums[n] = roundNutrient(n, sum);
    if (unknown) incomplete.push(n);
    if (hadTrace) trace.push(n);
  }
  return { values: sums, incomplete, trace };
}
