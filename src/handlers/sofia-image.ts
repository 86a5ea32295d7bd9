// sofia_image: a meal photo → foods → TACO nutrients → a short pt-BR comment.
//
// The numbers never come from a model: a detector (YOLO, else a vision LLM answering in YOLO's
// shape) only names foods and draws boxes; FOOD_MAP turns names into TACO lines, the box into grams
// (estimatePortion) and TACO into nutrients. A label that FOOD_MAP does not know is dropped and
// listed in `unmapped`, never guessed. The text model sees only food names, grams and totals — not
// the image — and its comment is optional: null when every model is down.
import { cacheKeyFor, cacheKeyForBytes } from '../cache/key.ts';
import { findFoodEntry, type FoodMapEntry } from '../nutrition/food-map.ts';
import { totalNutrients, type NutrientName } from '../nutrition/nutrients.ts';
import { estimatePortion } from '../nutrition/portion.ts';
import type { TacoFood } from '../nutrition/taco.ts';
import type { Detection } from '../providers/index.ts';
import { type MealType, type SofiaImageInput } from '../job-inputs/index.ts';
import { optionalText, requiredStepError, type AnalysisContext, type AnalysisDeps, type AnalysisOutcome } from './shared/analysis.ts';
import { assertImageDimensions, downloadImage, imageDimensions, mediaUrlPolicy } from './shared/image.ts';
import { base64ToBytes } from '../bytes/base64.ts';
import type { JobHandler } from './types.ts';
import { analysisHandler } from './shared/handler.ts';

export interface SofiaFood {
  name: string;
  /** The TACO line; null for a dish composed of several lines (see `components`). */
  taco_id: number | null;
  grams: number;
  kcal: number | null;
  protein_g: number | null;
  carbs_g: number | null;
  fat_g: number | null;
  fiber_g: number | null;
  sodium_mg: number | null;
  confidence: number;
  components?: Array<{ taco_id: number; grams: number }>;
  approximation?: string;
}

export interface SofiaResult {
  foods: SofiaFood[];
  totals: Record<NutrientName, number> & { incomplete?: NutrientName[] };
  comment: string | null;
  /** Detector labels with no TACO mapping: left out of the numbers, listed so nothing hides. */
  unmapped?: string[];
}

const MEAL_NAMES: Record<MealType, string> = {
  cafe_da_manha: 'café da manhã',
  breakfast: 'café da manhã',
  almoco: 'almoço',
  lunch: 'almoço',
  lanche: 'lanche',
  snack: 'lanche',
  jantar: 'jantar',
  dinner: 'jantar',
  ceia: 'ceia',
};

export const NOTHING_RECOGNISED = 'Não reconheci nenhum alimento nesta foto. Tente uma foto de cima, com boa luz e o prato inteiro à vista.';

const COMMENT_SYSTEM =
  'Você é Sofia, nutricionista virtual de um app brasileiro de saúde. Escreva um comentário curto ' +
  '(no máximo 2 frases, em português do Brasil, tom acolhedor) sobre a refeição descrita. Não invente ' +
  'alimentos nem números além dos informados, não faça diagnósticos e não use markdown.';

export const SOFIA_TIMEOUT_MS = 120_000;

/** A plate holds a few foods; a detector answering hundreds of labels is broken or steered. */
export const MAX_DETECTIONS = 40;
/** Longest label kept; TACO names are under 60 characters, a vision model may answer paragraphs. */
export const MAX_LABEL_CHARS = 60;

/**
 * The detections a result may carry: the most confident MAX_DETECTIONS, each label cut to
 * MAX_LABEL_CHARS. A vision model's answer is untrusted text that lands in the result (`unmapped`)
 * and in the comment prompt, so its size is bounded here, whatever the model said.
 */
export function capDetections(detections: readonly Detection[]): Detection[] {
  return [...detections]
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, MAX_DETECTIONS)
    .map((d) => ({ ...d, name: String(d.name).replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL_CHARS) }));
}

/** TACO arithmetic over the detections; pure, so tests and the bench can check it directly. */
export function nutritionFromDetections(
  detections: readonly Detection[],
  taco: ReadonlyMap<number, TacoFood>,
  image?: { width: number; height: number },
): Omit<SofiaResult, 'comment'> {
  const foods: SofiaFood[] = [];
  const unmapped: string[] = [];
  const all: Array<{ food: TacoFood; grams: number }> = [];
  for (const d of detections) {
    const entry: FoodMapEntry | undefined = findFoodEntry(d.name);
    const parts = entry?.components.map((c) => ({ food: taco.get(c.taco_id), share: c.share }));
    if (!entry || !parts || parts.some((p) => !p.food)) {
      if (!unmapped.includes(d.name)) unmapped.push(d.name);
      continue;
    }
    const { grams } = estimatePortion(d, entry.typical_portion_g, image);
    const items = parts.map((p) => ({ food: p.food!, grams: grams * p.share }));
    all.push(...items);
    const t = totalNutrients(items);
    const value = (n: NutrientName) => (t.incomplete.includes(n) ? null : t.values[n]);
    const food: SofiaFood = {
      name: entry.name,
      taco_id: entry.components.length === 1 ? entry.components[0]!.taco_id : null,
      grams,
      kcal: value('kcal'),
      protein_g: value('protein_g'),
      carbs_g: value('carbs_g'),
      fat_g: value('fat_g'),
      fiber_g: value('fiber_g'),
      sodium_mg: value('sodium_mg'),
      confidence: Math.round(d.confidence * 100) / 100,
    };
    if (entry.components.length > 1) food.components = items.map((i) => ({ taco_id: i.food.id, grams: Math.round(i.grams * 10) / 10 }));
    if (entry.approximation) food.approximation = entry.approximation;
    foods.push(food);
  }
  const t = totalNutrients(all);
  const totals: SofiaResult['totals'] = { ...t.values };
  if (t.incomplete.length > 0) totals.incomplete = t.incomplete;
  return unmapped.length > 0 ? { foods, totals, unmapped } : { foods, totals };
}

function commentPrompt(r: Omit<SofiaResult, 'comment'>, mealType: MealType | undefined): string {
  const foods = r.foods.map((f) => `- ${f.name}: ~${f.grams} g${f.kcal === null ? '' : `, ${f.kcal} kcal`}`).join('\n');
  const t = r.totals;
  const partial = t.incomplete?.length ? ' (parcial: a TACO não tem todos os valores)' : '';
  return [
    mealType ? `Refeição: ${MEAL_NAMES[mealType]}.` : 'Refeição.',
    `Alimentos estimados pela foto:\n${foods}`,
    `Total${partial}: ${t.kcal} kcal; proteínas ${t.protein_g} g; carboidratos ${t.carbs_g} g; gorduras ${t.fat_g} g; fibras ${t.fiber_g} g; sódio ${t.sodium_mg} mg.`,
  ].join('\n');
}

/** A model's comment as one short paragraph; a runaway answer is cut at a sentence. */
export function tidyComment(text: string, max = 400): string | null {
  const t = text
    .replace(/[*_#`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (t === '') return null;
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return end > max / 3 ? cut.slice(0, end + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** The analysis, cache included; the WhatsApp handler runs it for a photo as well. */
export async function analyseSofiaImage(deps: AnalysisDeps, input: SofiaImageInput, actx: AnalysisContext): Promise<AnalysisOutcome<SofiaResult>> {
  let bytes: Uint8Array;
  let mime: string;
  let cacheKey: string | undefined;
  const rest = input.meal_type ? { meal_type: input.meal_type } : {};
  if (input.image_base64 !== undefined) {
    bytes = base64ToBytes(input.image_base64);
    mime = input.image_mime ?? 'image/jpeg';
    // Keyed as the gateway keys the job's input (image_mime is derived, not sent).
    cacheKey = await cacheKeyFor('sofia_image', { image_base64: input.image_base64, ...rest }, actx.cacheScope);
  } else {
    const got = await downloadImage(input.image_url!, {
      maxBytes: deps.config.maxImageBytes,
      allowHttp: deps.config.allowHttpImageUrls,
      signal: actx.signal,
      policy: mediaUrlPolicy(deps.config),
    });
    bytes = got.bytes;
    mime = got.mime;
    cacheKey = await cacheKeyForBytes('sofia_image', bytes, rest, actx.cacheScope);
  }
  assertImageDimensions(bytes, deps.config.safety.maxImagePixels);
  const hit = await deps.cache.get('sofia_image', cacheKey);
  if (hit !== undefined) return { result: hit as SofiaResult, cacheKey, cached: true };

  let detected;
  try {
    detected = await deps.providers.detect({ image: { data: bytes, mimeType: mime }, signal: actx.signal, calls: actx.calls });
  } catch (err) {
    throw requiredStepError(err, 'no_detector', `nenhum detector de alimentos respondeu (${deps.config.providers.chains.detect.join(', ')})`);
  }
  const taco = deps.taco().byId;
  const numbers = nutritionFromDetections(capDetections(detected.detections), taco, imageDimensions(bytes));

  let comment: string | null;
  let degraded = false;
  if (numbers.foods.length === 0) {
    comment = NOTHING_RECOGNISED;
  } else {
    const answer = await optionalText(deps, { system: COMMENT_SYSTEM, prompt: commentPrompt(numbers, input.meal_type) }, actx);
    comment = answer ? tidyComment(answer.text) : null;
    degraded = comment === null;
  }
  const result: SofiaResult = { foods: numbers.foods, totals: numbers.totals, comment };
  if (numbers.unmapped) result.unmapped = numbers.unmapped;
  await deps.cache.put('sofia_image', cacheKey, result, { degraded });
  return { result, provider: detected.provider, model: detected.model, cacheKey, cached: false };
}

export function sofiaImageHandler(deps: AnalysisDeps): JobHandler {
  return analysisHandler(deps, { type: 'sofia_image', timeoutMs: SOFIA_TIMEOUT_MS, analyse: analyseSofiaImage });
}
