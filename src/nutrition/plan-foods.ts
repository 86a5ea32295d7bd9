// The curated foods the meal-plan optimizer may use: which TACO line, which food group, the household
// portion range of that group, and the household measure a person serves it with.
//
// Why curated and not all of TACO: a plan a nutritionist would sign uses foods people cook and eat
// at that meal, served in portions they recognise. The ranges below are per item per meal, in grams
// as eaten, and follow usual Brazilian household servings (Pinheiro et al., "Tabela para avaliação de
// consumo alimentar em medidas caseiras", and the Guia Alimentar para a População Brasileira's
// food groups). Household measure weights are approximate and only used to *describe* the grams; the
// grams themselves are what the nutrients are computed from.

export type FoodGroup =
  | 'cooked_grain' // arroz, cuscuz
  | 'tuber' // batata, batata-doce, mandioca
  | 'bread'
  | 'tapioca'
  | 'flakes' // aveia
  | 'popcorn'
  | 'legume' // feijão, lentilha, ervilha (cozidos)
  | 'soy_drink' // extrato de soja em pó, dissolvido em água
  | 'meat'
  | 'fish'
  | 'egg'
  | 'tofu'
  | 'cheese'
  | 'yogurt'
  | 'nuts'
  | 'oil'
  | 'butter'
  | 'avocado'
  | 'fruit'
  | 'leafy'
  | 'raw_veg'
  | 'cooked_veg'
  | 'coffee';

export interface PortionRange {
  min: number;
  max: number;
  /** pt-BR name of the group, for tips and reasons. */
  label: string;
}

/**
 * Household portion range per item, per meal. The upper ends are what one person eats of one food at
 * one meal (meat or fish ≤ 200 g ≈ 2 filés médios; cooked rice ≤ 300 g ≈ 6–7 colheres de servir;
 * bread ≤ 120 g; cheese ≤ 60 g ≈ 2 fatias; nuts ≤ 40 g; oil ≤ 20 g ≈ 2½ colheres de sopa…); a
 * target that needs more gets more items or meals, never a bigger pile of one food.
 */
export const GROUP_PORTIONS: Record<FoodGroup, PortionRange> = {
  cooked_grain: { min: 50, max: 300, label: 'arroz e cereais cozidos' },
  tuber: { min: 60, max: 250, label: 'tubérculos (batata, mandioca)' },
  bread: { min: 25, max: 120, label: 'pães' },
  tapioca: { min: 40, max: 140, label: 'tapioca' },
  flakes: { min: 15, max: 60, label: 'aveia' },
  popcorn: { min: 10, max: 40, label: 'pipoca' },
  legume: { min: 50, max: 200, label: 'feijões e leguminosas' },
  soy_drink: { min: 15, max: 45, label: 'bebida de soja em pó' },
  meat: { min: 50, max: 200, label: 'carnes' },
  fish: { min: 50, max: 200, label: 'peixes' },
  egg: { min: 50, max: 150, label: 'ovos' },
  tofu: { min: 50, max: 200, label: 'tofu' },
  cheese: { min: 20, max: 60, label: 'queijos' },
  yogurt: { min: 100, max: 250, label: 'iogurte' },
  nuts: { min: 5, max: 40, label: 'castanhas e nozes' },
  oil: { min: 3, max: 20, label: 'azeite' },
  butter: { min: 3, max: 15, label: 'manteiga' },
  avocado: { min: 30, max: 150, label: 'abacate' },
  fruit: { min: 50, max: 250, label: 'frutas' },
  leafy: { min: 15, max: 80, label: 'folhas' },
  raw_veg: { min: 20, max: 120, label: 'legumes crus' },
  cooked_veg: { min: 30, max: 160, label: 'legumes cozidos' },
  coffee: { min: 100, max: 100, label: 'café' },
};

export interface Measure {
  singular: string;
  plural: string;
  grams: number;
  /** Counted in whole units (castanhas, morangos): no halves. */
  whole?: boolean;
}

export interface PlanFood {
  id: number;
  name: string;
  group: FoodGroup;
  /**
   * The food itself, whatever its preparation: raw and cooked carrot are both "cenoura", two cuts of
   * beef are both "carne bovina". Variety rules compare bases, not TACO ids.
   */
  base: string;
  measure: Measure;
  /** Typical serving in grams at the 2 000 kcal reference; the solver's faint pull. */
  typical: number;
  /** Per-food narrowing of the group range (e.g. a fruit whose usual portion is smaller). */
  max?: number;
  min?: number;
  /** Refined starch (white rice, pão francês, tapioca, cuscuz de flocão): not in diabetic plans. */
  refined?: boolean;
  /** Plant proteins unusual in an omnivore Brazilian menu: offered to vegetarian/vegan requests. */
  plant?: boolean;
  /** Not optimised: a cup of coffee is a cup of coffee. */
  fixed?: boolean;
}

const m = (singular: string, plural: string, grams: number, whole = false): Measure => ({ singular, plural, grams, whole });
const COLHER_SERVIR = m('colher de servir', 'colheres de servir', 45);
const COLHER_SOPA = (g: number) => m('colher de sopa', 'colheres de sopa', g);
const CONCHA = m('concha média', 'conchas médias', 80);
const UNIDADE = (g: number, whole = false) => m('unidade', 'unidades', g, whole);
const FATIA = (g: number) => m('fatia média', 'fatias médias', g);

const F = (id: number, name: string, group: FoodGroup, base: string, measure: Measure, typical: number, extra: Partial<PlanFood> = {}): PlanFood => ({
  id,
  name,
  group,
  base,
  measure,
  typical,
  ...extra,
});

/** Every food the planner may use, by TACO id. A test checks each id, group and base against TACO. */
export const PLAN_FOODS: readonly PlanFood[] = [
  // Fruits. Bases are the fruit.
  F(182, 'Banana prata', 'fruit', 'banana', UNIDADE(70), 80, { max: 210 }),
  F(226, 'Mamão papaia', 'fruit', 'mamao', FATIA(100), 150),
  F(222, 'Maçã fuji', 'fruit', 'maca', UNIDADE(130), 130, { max: 200 }),
  F(214, 'Laranja pera', 'fruit', 'laranja', UNIDADE(140), 140),
  F(164, 'Abacaxi', 'fruit', 'abacaxi', FATIA(75), 100, { max: 225 }),
  F(239, 'Morango', 'fruit', 'morango', UNIDADE(12, true), 100, { max: 240 }),
  F(231, 'Manga tommy', 'fruit', 'manga', FATIA(80), 140, { max: 240 }),
  F(236, 'Melão', 'fruit', 'melao', FATIA(90), 150),
  F(256, 'Uva itália', 'fruit', 'uva', UNIDADE(8, true), 100, { max: 200 }),
  F(200, 'Goiaba vermelha', 'fruit', 'goiaba', UNIDADE(170), 120, { max: 220 }),
  F(251, 'Tangerina poncã', 'fruit', 'tangerina', UNIDADE(135), 135, { max: 220 }),
  // Breads, grains, tubers.
  F(53, 'Pão francês', 'bread', 'pao', UNIDADE(50), 50, { refined: true, max: 100 }),
  F(52, 'Pão de forma integral', 'bread', 'pao', FATIA(25), 50),
  F(48, 'Pão de aveia (forma)', 'bread', 'pao', FATIA(25), 50),
  F(533, 'Cuscuz de milho', 'cooked_grain', 'cuscuz', FATIA(70), 120, { refined: true, max: 250 }),
  F(551, 'Tapioca com manteiga', 'tapioca', 'tapioca', UNIDADE(70), 70, { refined: true }),
  F(7, 'Aveia em flocos', 'flakes', 'aveia', COLHER_SOPA(15), 30),
  F(61, 'Pipoca (sem sal)', 'popcorn', 'pipoca', m('xícara', 'xícaras', 8), 25),
  F(3, 'Arroz branco cozido', 'cooked_grain', 'arroz', COLHER_SERVIR, 120, { refined: true }),
  F(1, 'Arroz integral cozido', 'cooked_grain', 'arroz', COLHER_SERVIR, 120),
  F(88, 'Batata-doce cozida', 'tuber', 'batata', m('pedaço médio', 'pedaços médios', 80), 120),
  F(91, 'Batata inglesa cozida', 'tuber', 'batata', UNIDADE(90), 150),
  F(129, 'Mandioca cozida', 'tuber', 'mandioca', m('pedaço médio', 'pedaços médios', 60), 120),
  // Legumes (cooked) and soy.
  F(561, 'Feijão carioca cozido', 'legume', 'feijao', CONCHA, 100),
  F(567, 'Feijão preto cozido', 'legume', 'feijao', CONCHA, 100),
  F(563, 'Feijão fradinho cozido', 'legume', 'feijao', CONCHA, 100),
  F(577, 'Lentilha cozida', 'legume', 'lentilha', CONCHA, 100),
  F(559, 'Ervilha fresca', 'legume', 'ervilha', COLHER_SOPA(25), 100, { plant: true }),
  F(584, 'Tofu', 'tofu', 'tofu', FATIA(50), 120, { plant: true }),
  F(583, 'Bebida de soja (extrato em pó)', 'soy_drink', 'bebida de soja', COLHER_SOPA(12), 25, { plant: true }),
  // Meat, fish, eggs.
  F(410, 'Peito de frango grelhado', 'meat', 'frango', m('filé médio', 'filés médios', 100), 120),
  F(398, 'Coxa de frango sem pele cozida', 'meat', 'frango', UNIDADE(70), 120),
  F(377, 'Patinho grelhado', 'meat', 'carne bovina', m('bife médio', 'bifes médios', 100), 120),
  F(368, 'Maminha grelhada', 'meat', 'carne bovina', FATIA(100), 120),
  F(346, 'Contrafilé grelhado sem gordura', 'meat', 'carne bovina', m('bife médio', 'bifes médios', 100), 120),
  F(432, 'Lombo de porco assado', 'meat', 'porco', FATIA(80), 120),
  F(301, 'Filé de merluza assado', 'fish', 'merluza', m('filé médio', 'filés médios', 100), 130),
  F(313, 'Pintado grelhado', 'fish', 'pintado', m('posta média', 'postas médias', 120), 130),
  F(318, 'Sardinha assada', 'fish', 'sardinha', UNIDADE(40), 120),
  F(488, 'Ovo cozido', 'egg', 'ovo', UNIDADE(50), 100),
  F(490, 'Ovo frito', 'egg', 'ovo', UNIDADE(50), 50, { max: 100 }),
  // Omelete is eggs: same base, so it never joins a boiled egg on the same day.
  F(484, 'Omelete de queijo', 'egg', 'ovo', UNIDADE(100), 100),
  // Dairy.
  F(461, 'Queijo minas frescal', 'cheese', 'queijo', FATIA(30), 30),
  F(469, 'Ricota', 'cheese', 'queijo', FATIA(30), 40),
  F(448, 'Iogurte natural', 'yogurt', 'iogurte', m('pote', 'potes', 170), 170),
  F(449, 'Iogurte natural desnatado', 'yogurt', 'iogurte', m('pote', 'potes', 170), 170),
  // Fats and nuts.
  F(262, 'Manteiga sem sal', 'butter', 'manteiga', m('colher de chá', 'colheres de chá', 5), 8),
  F(163, 'Abacate', 'avocado', 'abacate', COLHER_SOPA(30), 60),
  F(260, 'Azeite de oliva extravirgem', 'oil', 'azeite', COLHER_SOPA(8), 8),
  // Two or three a day at most: Brazil nuts are rich in selenium.
  F(589, 'Castanha-do-brasil', 'nuts', 'castanha-do-brasil', UNIDADE(4, true), 8, { max: 12 }),
  F(588, 'Castanha-de-caju torrada', 'nuts', 'castanha-de-caju', UNIDADE(2.5, true), 15),
  F(597, 'Nozes', 'nuts', 'nozes', UNIDADE(5, true), 15),
  // Salad and cooked vegetables.
  F(78, 'Alface crespa', 'leafy', 'alface', m('folha média', 'folhas médias', 10, true), 40),
  F(152, 'Rúcula', 'leafy', 'rucula', m('xícara', 'xícaras', 20), 30),
  F(75, 'Agrião', 'leafy', 'agriao', m('xícara', 'xícaras', 20), 30),
  F(157, 'Tomate', 'raw_veg', 'tomate', FATIA(15), 60),
  F(142, 'Pepino', 'raw_veg', 'pepino', COLHER_SOPA(20), 50),
  F(149, 'Repolho cru', 'raw_veg', 'repolho', COLHER_SOPA(10), 50),
  F(110, 'Cenoura crua ralada', 'raw_veg', 'cenoura', COLHER_SOPA(12), 40),
  F(100, 'Brócolis cozido', 'cooked_veg', 'brocolis', COLHER_SOPA(25), 80),
  F(109, 'Cenoura cozida', 'cooked_veg', 'cenoura', COLHER_SOPA(25), 60),
  F(70, 'Abobrinha cozida', 'cooked_veg', 'abobrinha', COLHER_SOPA(25), 80),
  F(112, 'Chuchu cozido', 'cooked_veg', 'chuchu', COLHER_SOPA(25), 80),
  F(97, 'Beterraba cozida', 'cooked_veg', 'beterraba', COLHER_SOPA(25), 60),
  F(118, 'Couve-flor cozida', 'cooked_veg', 'couve-flor', COLHER_SOPA(25), 80),
  F(64, 'Abóbora cabotiá cozida', 'cooked_veg', 'abobora', COLHER_SOPA(25), 80),
  F(95, 'Berinjela cozida', 'cooked_veg', 'berinjela', COLHER_SOPA(25), 80),
  F(471, 'Café coado', 'coffee', 'cafe', m('xícara pequena', 'xícaras pequenas', 100), 100, { fixed: true }),
];

export const PLAN_FOOD_BY_ID: ReadonlyMap<number, PlanFood> = new Map(PLAN_FOODS.map((f) => [f.id, f]));

/** Groups whose foods are "protein foods" for the variety rules: each such food at most once a day. */
export const PROTEIN_GROUPS: ReadonlySet<FoodGroup> = new Set(['legume', 'soy_drink', 'meat', 'fish', 'egg', 'tofu', 'cheese', 'yogurt']);

export function portionRange(food: PlanFood): { min: number; max: number } {
  const g = GROUP_PORTIONS[food.group];
  return { min: Math.max(g.min, food.min ?? 0), max: Math.min(g.max, food.max ?? Infinity) };
}

// ---------------------------------------------------------------------------------------------
// Roles: what a meal is made of, each with its candidate foods (TACO ids, in rotation order).

export const ROLE_FOODS = {
  fruit: [182, 226, 222, 214, 164, 239, 231, 236, 256, 200, 251],
  bf_carb: [53, 533, 52, 7, 88, 551, 48],
  bf_protein: [488, 461, 448, 490, 469, 584, 583],
  bf_dairy: [448, 461, 469, 449, 583],
  bf_fat: [262, 163, 589],
  coffee: [471],
  rice: [3, 1],
  starch: [88, 3, 91, 129, 1, 533],
  side_starch: [91, 129, 88],
  beans: [561, 567],
  legume: [577, 563, 561, 567, 559],
  main_protein: [410, 377, 301, 368, 432, 398, 313, 488, 346, 318],
  /** Added to main_protein for vegetarian requests: eggs and tofu (beans stay the side, so proteins vary). */
  main_protein_vegetarian: [584, 484, 488],
  /** Added to main_protein for vegan requests: tofu and legumes as the main dish. */
  main_protein_vegan: [584, 559, 577],
  salad: [78, 157, 142, 152, 149, 110, 75],
  cooked_veg: [100, 109, 70, 112, 97, 118, 64, 95],
  oil: [260],
  snack_protein: [448, 589, 461, 449, 597, 588, 583],
  snack_carb: [7, 52, 61, 53, 48],
  nuts: [589, 597, 588],
} as const satisfies Record<string, readonly number[]>;

export type RoleKey = keyof typeof ROLE_FOODS;

export const ROLE_LABEL: Record<RoleKey, string> = {
  fruit: 'fruta',
  bf_carb: 'pão, cuscuz ou outro carboidrato',
  bf_protein: 'ovo, queijo, iogurte ou tofu',
  bf_dairy: 'iogurte, queijo ou bebida de soja',
  bf_fat: 'manteiga, abacate ou castanha',
  coffee: 'café',
  rice: 'arroz',
  starch: 'arroz, batata ou mandioca',
  side_starch: 'batata ou mandioca',
  beans: 'feijão',
  legume: 'feijão ou lentilha',
  main_protein: 'proteína (carne, peixe, ovo ou tofu)',
  main_protein_vegetarian: 'proteína (ovo ou tofu)',
  main_protein_vegan: 'proteína (tofu ou leguminosa)',
  salad: 'salada',
  cooked_veg: 'legumes cozidos',
  oil: 'azeite',
  snack_protein: 'iogurte, queijo ou castanhas',
  snack_carb: 'aveia, pão ou pipoca',
  nuts: 'castanhas',
};
