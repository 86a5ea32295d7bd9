// Grams → household measure, the way a nutritionist writes it on a plan: "2 colheres de servir",
// "1 ½ filé médio", "½ unidade", "8 unidades". Halves for measures one can halve, whole units for
// things counted one by one (castanhas, morangos). It describes the grams; it does not replace them.
import type { Measure } from './plan-foods.ts';

export function householdMeasure(grams: number, measure: Measure): string {
  const raw = grams / measure.grams;
  const q = measure.whole ? Math.max(1, Math.round(raw)) : Math.max(0.5, Math.round(raw * 2) / 2);
  const whole = Math.floor(q);
  const half = q - whole >= 0.5;
  const amount = whole === 0 ? '½' : half ? `${whole} ½` : String(whole);
  // Portuguese agrees in the plural from 2 on: "1 ½ colher", "2 colheres".
  return `${amount} ${q >= 2 ? measure.plural : measure.singular}`;
}
