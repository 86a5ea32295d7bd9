// meal_plan: the TACO optimizer builds the plan (never a model). `tips` open with the rules the plan
// follows (portions, variety, the restrictions' — stated by the planner, so a nutritionist reviewing
// the plan knows what was enforced), then up to three short tips from the text model. The plan is
// complete without the model's tips, so meal plans work with every model down.
import { cacheKeyFor } from '../cache/key.ts';
import { PermanentError } from '../errors.ts';
import { planMeals, type MealPlan } from '../nutrition/planner.ts';
import { RESTRICTION_LABELS_PT } from '../nutrition/restrictions.ts';
import type { MealPlanInput } from '../job-inputs/index.ts';
import { optionalText, type AnalysisContext, type AnalysisDeps, type AnalysisOutcome } from './shared/analysis.ts';
import type { JobHandler } from './types.ts';
import { analysisHandler } from './shared/handler.ts';

export interface MealPlanResult {
  days: MealPlan['days'];
  targets: MealPlan['targets'];
  /** The plan's rules (always), then up to MAX_TIPS tips from the text model. */
  tips: string[];
}

export const MEAL_PLAN_TIMEOUT_MS = 60_000;
export const MAX_TIPS = 3;

const TIPS_SYSTEM =
  'Você é nutricionista de um app brasileiro de saúde. Dê até 3 dicas práticas e curtas (uma frase cada, ' +
  'em português do Brasil) para quem vai seguir o cardápio descrito. Uma dica por linha, sem numeração, ' +
  'sem markdown, sem números de calorias e sem recomendações médicas.';

function tipsPrompt(input: MealPlanInput, plan: MealPlan): string {
  const foods = new Set<string>();
  for (const d of plan.days) for (const m of d.meals) for (const i of m.items) foods.add(i.name);
  const restrictions = input.restrictions?.length ? input.restrictions.map((r) => RESTRICTION_LABELS_PT[r]).join(', ') : 'nenhuma';
  return [
    `Cardápio de ${plan.days.length} dia(s), ${input.meals_per_day} refeições por dia, cerca de ${input.kcal_target} kcal por dia.`,
    `Restrições: ${restrictions}.`,
    `Alimentos do cardápio: ${[...foods].slice(0, 30).join(', ')}.`,
  ].join('\n');
}

/**
 * Up to three tips from a model's answer: one per line, or one per sentence when the model wrote a
 * paragraph; bullets and numbering stripped, each capped in length.
 */
export function parseTips(text: string): string[] {
  const clean = (s: string) =>
    s
      .replace(/^\s*(?:[-*•·]|\d+[.)])\s*/, '')
      .replace(/[*_#`]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  let parts = text
    .split(/\r?\n/)
    .map(clean)
    .filter((s) => s.length > 0);
  if (parts.length === 1) parts = (parts[0]!.match(/[^.!?]+[.!?]+/g) ?? parts).map(clean).filter((s) => s.length > 0);
  const out: string[] = [];
  for (const p of parts) {
    const tip = p.length > 200 ? `${p.slice(0, p.lastIndexOf(' ', 199))}…` : p;
    if (!out.includes(tip)) out.push(tip);
    if (out.length === MAX_TIPS) break;
  }
  return out;
}

/** The outcome, plus how many tips came from the model (0: no model answered; cached with a short TTL). */
export type MealPlanOutcome = AnalysisOutcome<MealPlanResult> & { modelTips?: number };

export async function analyseMealPlan(deps: AnalysisDeps, input: MealPlanInput, actx: AnalysisContext): Promise<MealPlanOutcome> {
  const cacheKey = await cacheKeyFor('meal_plan', input, null);
  const hit = await deps.cache.get('meal_plan', cacheKey);
  if (hit !== undefined) return { result: hit as MealPlanResult, cacheKey, cached: true };

  const planned = planMeals(input, deps.taco());
  if (!planned.ok) throw new PermanentError('infeasible', 'no meal plan meets the requested targets and restrictions', { userMessage: planned.reason });
  const answer = await optionalText(deps, { system: TIPS_SYSTEM, prompt: tipsPrompt(input, planned.plan) }, actx);
  const modelTips = answer ? parseTips(answer.text) : [];
  const result: MealPlanResult = { days: planned.plan.days, targets: planned.plan.targets, tips: [...planned.plan.rules, ...modelTips] };
  await deps.cache.put('meal_plan', cacheKey, result, { degraded: modelTips.length === 0 });
  return { result, provider: answer?.provider, model: answer?.model, cacheKey, cached: false, modelTips: modelTips.length };
}

export function mealPlanHandler(deps: AnalysisDeps): JobHandler {
  return analysisHandler(deps, { type: 'meal_plan', timeoutMs: MEAL_PLAN_TIMEOUT_MS, analyse: analyseMealPlan });
}
