// meal_plan: a daily energy target, meals per day, days, and optional restrictions, macro split and
// foods to leave out (names or TACO ids).
import { Array as Arr, Enum, Integer, Number as Num, Object as Obj, Optional, String as Str, type Static } from 'typebox/type';
import { NOT_BLANK } from './problems.ts';
import type { JobInputSpec } from './spec.ts';

export const MEAL_RESTRICTIONS = ['vegetarian', 'vegan', 'lactose_free', 'gluten_free', 'low_sodium', 'diabetic'] as const;
export type MealRestriction = (typeof MEAL_RESTRICTIONS)[number];

const percent = () => Num({ minimum: 0, maximum: 100 });

export const MealPlanInputSchema = Obj(
  {
    kcal_target: Integer({ minimum: 1000, maximum: 5000, description: 'kcal per day' }),
    meals_per_day: Integer({ minimum: 3, maximum: 6 }),
    days: Integer({ minimum: 1, maximum: 14 }),
    restrictions: Optional(Arr(Enum(MEAL_RESTRICTIONS), { description: 'each at most once' })),
    macros: Optional(
      Obj(
        { protein_pct: percent(), carbs_pct: percent(), fat_pct: percent() },
        { additionalProperties: false, description: 'percentages of the energy, summing to 100 (±1)' },
      ),
    ),
    exclude_foods: Optional(Arr(Str({ maxLength: 100, pattern: NOT_BLANK }), { maxItems: 50, description: 'food names or TACO ids' })),
  },
  { additionalProperties: false },
);

export type MealPlanInput = Static<typeof MealPlanInputSchema>;

export const mealPlan: JobInputSpec<MealPlanInput> = {
  schema: MealPlanInputSchema,
  refine(o, check) {
    const restrictions = o.restrictions;
    if (Array.isArray(restrictions)) {
      restrictions.forEach((v, i) => {
        if (restrictions.indexOf(v) < i) check.report(`input.restrictions[${i}]`, 'is repeated');
      });
    }
    const m = o.macros as Record<string, unknown> | undefined;
    if (m && !check.failed('input.macros')) {
      const sum = Number(m.protein_pct) + Number(m.carbs_pct) + Number(m.fat_pct);
      if (Math.abs(sum - 100) > 1) check.report('input.macros', `percentages must sum to 100 (±1), got ${sum}`);
    }
    return { ...o } as MealPlanInput;
  },
};
