// The maintained table from what a detector (YOLO's COCO classes, Gemini's free-text names) calls a
// food to TACO ids. Each entry has a typical edible portion in grams (household measures in the usual
// Brazilian sense: a "concha" of beans, a "colher de servir" of rice, one pão francês).
//
// Dishes TACO does not list (pizza, hot dog, sanduíche, brigadeiro…) are composed from TACO items
// with mass shares, and say so in `approximation` so a person reading the result knows it is an
// estimate by composition, not a TACO line. Every id is checked against the CSV in test/food-map.test.ts.
import { foldText } from '../text/fold.ts';

export interface FoodComponent {
  taco_id: number;
  /** Fraction of the portion's mass; the shares of an entry sum to 1. */
  share: number;
}

export interface FoodMapEntry {
  /** Stable key, pt-BR. */
  key: string;
  /** Name shown to the user, pt-BR. */
  name: string;
  /** Detector labels and synonyms, pt-BR and English; matched accent- and case-insensitively. */
  labels: readonly string[];
  components: readonly FoodComponent[];
  typical_portion_g: number;
  /** Present when the entry is not a single TACO line: why and how it was approximated. */
  approximation?: string;
}

const one = (taco_id: number): FoodComponent[] => [{ taco_id, share: 1 }];

export const FOOD_MAP: readonly FoodMapEntry[] = [
  // COCO food classes (YOLO's 80-class models) first.
  { key: 'banana', name: 'Banana prata', labels: ['banana', 'bananas', 'banana prata'], components: one(182), typical_portion_g: 80 },
  { key: 'maca', name: 'Maçã', labels: ['maçã', 'maca', 'apple', 'apples', 'maçã fuji'], components: one(222), typical_portion_g: 130 },
  {
    key: 'sanduiche',
    name: 'Sanduíche de presunto e queijo',
    labels: ['sanduíche', 'sanduiche', 'sandwich', 'misto', 'misto quente', 'lanche'],
    components: [
      { taco_id: 53, share: 0.5 },
      { taco_id: 467, share: 0.25 },
      { taco_id: 439, share: 0.25 },
    ],
    typical_portion_g: 100,
    approximation: 'composição estimada: pão francês 50%, queijo prato 25%, presunto 25%',
  },
  { key: 'laranja', name: 'Laranja pera', labels: ['laranja', 'orange', 'oranges', 'laranja pera'], components: one(214), typical_portion_g: 130 },
  { key: 'brocolis', name: 'Brócolis cozido', labels: ['brócolis', 'brocolis', 'broccoli', 'brocoli'], components: one(100), typical_portion_g: 60 },
  { key: 'cenoura', name: 'Cenoura crua', labels: ['cenoura', 'carrot', 'carrots', 'cenoura ralada'], components: one(110), typical_portion_g: 40 },
  {
    key: 'cachorro_quente',
    name: 'Cachorro-quente',
    labels: ['cachorro-quente', 'cachorro quente', 'hot dog', 'hotdog', 'hot-dog'],
    components: [
      { taco_id: 53, share: 0.5 },
      { taco_id: 420, share: 0.35 },
      { taco_id: 159, share: 0.15 },
    ],
    typical_portion_g: 120,
    approximation: 'salsicha não consta da TACO: pão francês 50%, linguiça de frango grelhada 35%, molho de tomate 15%',
  },
  {
    key: 'pizza',
    name: 'Pizza de muçarela',
    labels: ['pizza', 'pizza de mussarela', 'pizza de muçarela', 'fatia de pizza'],
    components: [
      { taco_id: 53, share: 0.5 },
      { taco_id: 463, share: 0.3 },
      { taco_id: 159, share: 0.2 },
    ],
    typical_portion_g: 110,
    approximation: 'pizza não consta da TACO: massa como pão francês 50%, muçarela 30%, molho de tomate 20%',
  },
  {
    key: 'rosquinha',
    name: 'Rosquinha doce (donut)',
    labels: ['donut', 'donuts', 'doughnut', 'rosquinha', 'sonho'],
    components: one(16),
    typical_portion_g: 60,
    approximation: 'donut não consta da TACO: usa bolo pronto de chocolate',
  },
  { key: 'bolo', name: 'Bolo de chocolate', labels: ['bolo', 'cake', 'bolo de chocolate', 'fatia de bolo'], components: one(16), typical_portion_g: 60 },
  // Brazilian dishes and staples.
  {
    key: 'arroz_branco',
    name: 'Arroz branco cozido',
    labels: ['arroz branco', 'arroz', 'white rice', 'rice', 'arroz tipo 1'],
    components: one(3),
    typical_portion_g: 120,
  },
  { key: 'arroz_integral', name: 'Arroz integral cozido', labels: ['arroz integral', 'brown rice'], components: one(1), typical_portion_g: 120 },
  {
    key: 'feijao_carioca',
    name: 'Feijão carioca cozido',
    labels: ['feijão carioca', 'feijao carioca', 'feijão', 'feijao', 'beans', 'pinto beans'],
    components: one(561),
    typical_portion_g: 100,
  },
  { key: 'feijao_preto', name: 'Feijão preto cozido', labels: ['feijão preto', 'feijao preto', 'black beans'], components: one(567), typical_portion_g: 100 },
  { key: 'farofa', name: 'Farofa de mandioca', labels: ['farofa', 'cassava flour', 'farofa temperada'], components: one(131), typical_portion_g: 30 },
  {
    key: 'bife',
    name: 'Bife de contrafilé grelhado',
    labels: ['bife', 'steak', 'beef steak', 'carne grelhada', 'contrafilé', 'contra-filé'],
    components: one(346),
    typical_portion_g: 100,
  },
  {
    key: 'carne_moida',
    name: 'Carne moída cozida',
    labels: ['carne moída', 'carne moida', 'ground beef', 'minced meat'],
    components: one(326),
    typical_portion_g: 90,
  },
  {
    key: 'frango_grelhado',
    name: 'Peito de frango grelhado',
    labels: ['frango grelhado', 'frango', 'grilled chicken', 'chicken', 'chicken breast', 'peito de frango', 'filé de frango'],
    components: one(410),
    typical_portion_g: 100,
  },
  { key: 'ovo_frito', name: 'Ovo frito', labels: ['ovo frito', 'fried egg'], components: one(490), typical_portion_g: 50 },
  {
    key: 'ovo_cozido',
    name: 'Ovo cozido',
    labels: ['ovo cozido', 'boiled egg', 'ovo', 'egg', 'eggs', 'hard-boiled egg'],
    components: one(488),
    typical_portion_g: 50,
  },
  { key: 'omelete', name: 'Omelete de queijo', labels: ['omelete', 'omelette', 'omelet'], components: one(484), typical_portion_g: 100 },
  {
    key: 'salada_alface',
    name: 'Salada de alface',
    labels: ['salada de alface', 'alface', 'lettuce', 'salad', 'salada', 'green salad'],
    components: one(78),
    typical_portion_g: 30,
  },
  { key: 'salada_tomate', name: 'Salada de tomate', labels: ['salada de tomate', 'tomate', 'tomato', 'tomatoes'], components: one(161), typical_portion_g: 60 },
  { key: 'batata_frita', name: 'Batata frita', labels: ['batata frita', 'french fries', 'fries', 'chips'], components: one(93), typical_portion_g: 100 },
  {
    key: 'batata_cozida',
    name: 'Batata inglesa cozida',
    labels: ['batata cozida', 'batata', 'potato', 'boiled potato', 'batata inglesa'],
    components: one(91),
    typical_portion_g: 100,
  },
  { key: 'pure_batata', name: 'Batata sauté', labels: ['batata sauté', 'batata saute'], components: one(94), typical_portion_g: 100 },
  { key: 'batata_doce', name: 'Batata-doce cozida', labels: ['batata doce', 'batata-doce', 'sweet potato'], components: one(88), typical_portion_g: 100 },
  {
    key: 'pao_frances',
    name: 'Pão francês',
    labels: ['pão francês', 'pao frances', 'pão', 'pao', 'bread', 'pãozinho', 'french bread', 'cacetinho'],
    components: one(53),
    typical_portion_g: 50,
  },
  {
    key: 'pao_integral',
    name: 'Pão de forma integral',
    labels: ['pão integral', 'pao integral', 'whole wheat bread', 'pão de forma'],
    components: one(52),
    typical_portion_g: 50,
  },
  {
    key: 'macarrao',
    name: 'Macarrão à bolonhesa',
    labels: ['macarrão', 'macarrao', 'pasta', 'spaghetti', 'espaguete', 'macarronada', 'noodles'],
    components: one(542),
    typical_portion_g: 180,
    approximation: 'a TACO não traz macarrão cozido simples: usa macarrão com molho à bolonhesa',
  },
  {
    key: 'lasanha',
    name: 'Lasanha (massa cozida)',
    labels: ['lasanha', 'lasagna'],
    components: one(37),
    typical_portion_g: 150,
    approximation: 'só a massa de lasanha cozida; o recheio não consta da TACO',
  },
  {
    key: 'mandioca',
    name: 'Mandioca cozida',
    labels: ['mandioca', 'aipim', 'macaxeira', 'cassava', 'mandioca cozida', 'yuca'],
    components: one(129),
    typical_portion_g: 100,
  },
  { key: 'mandioca_frita', name: 'Mandioca frita', labels: ['mandioca frita', 'aipim frito', 'fried cassava'], components: one(132), typical_portion_g: 100 },
  { key: 'mamao', name: 'Mamão papaia', labels: ['mamão', 'mamao', 'papaya', 'mamão papaia'], components: one(226), typical_portion_g: 150 },
  {
    key: 'queijo_minas',
    name: 'Queijo minas frescal',
    labels: ['queijo minas', 'queijo branco', 'queijo', 'cheese', 'minas cheese', 'queijo minas frescal'],
    components: one(461),
    typical_portion_g: 30,
  },
  {
    key: 'queijo_mussarela',
    name: 'Queijo muçarela',
    labels: ['muçarela', 'mussarela', 'mozarela', 'mozzarella'],
    components: one(463),
    typical_portion_g: 30,
  },
  {
    key: 'cafe_com_leite',
    name: 'Café com leite',
    labels: ['café com leite', 'cafe com leite', 'coffee with milk', 'latte', 'pingado'],
    components: [
      { taco_id: 471, share: 0.5 },
      { taco_id: 458, share: 0.5 },
    ],
    typical_portion_g: 200,
    approximation:
      'metade café coado, metade leite integral (a TACO 4ª ed. marca a energia do leite integral como "em análise", por isso o total fica incompleto)',
  },
  { key: 'cafe', name: 'Café coado', labels: ['café', 'cafe', 'coffee', 'cafezinho', 'café preto'], components: one(471), typical_portion_g: 100 },
  { key: 'leite', name: 'Leite integral', labels: ['leite', 'milk', 'leite integral', 'copo de leite'], components: one(458), typical_portion_g: 200 },
  { key: 'tapioca', name: 'Tapioca com manteiga', labels: ['tapioca', 'beiju'], components: one(551), typical_portion_g: 80 },
  { key: 'pastel', name: 'Pastel de carne frito', labels: ['pastel', 'pastel de carne', 'pastry'], components: one(56), typical_portion_g: 80 },
  { key: 'pastel_queijo', name: 'Pastel de queijo frito', labels: ['pastel de queijo'], components: one(58), typical_portion_g: 80 },
  { key: 'coxinha', name: 'Coxinha de frango', labels: ['coxinha', 'coxinha de frango'], components: one(386), typical_portion_g: 80 },
  { key: 'pao_de_queijo', name: 'Pão de queijo', labels: ['pão de queijo', 'pao de queijo', 'cheese bread'], components: one(140), typical_portion_g: 40 },
  {
    key: 'brigadeiro',
    name: 'Brigadeiro',
    labels: ['brigadeiro', 'brigadeiros', 'chocolate truffle'],
    components: [
      { taco_id: 453, share: 0.75 },
      { taco_id: 491, share: 0.15 },
      { taco_id: 262, share: 0.1 },
    ],
    typical_portion_g: 20,
    approximation: 'brigadeiro não consta da TACO: leite condensado 75%, achocolatado 15%, manteiga 10%',
  },
  { key: 'acai', name: 'Açaí com xarope de guaraná', labels: ['açaí', 'acai', 'açaí na tigela', 'acai bowl'], components: one(167), typical_portion_g: 200 },
  { key: 'feijoada', name: 'Feijoada', labels: ['feijoada'], components: one(540), typical_portion_g: 225 },
  {
    key: 'estrogonofe',
    name: 'Estrogonofe de frango',
    labels: ['estrogonofe', 'strogonoff', 'estrogonofe de frango', 'stroganoff'],
    components: one(538),
    typical_portion_g: 150,
  },
  { key: 'cuscuz', name: 'Cuscuz de milho', labels: ['cuscuz', 'cuscuz nordestino', 'couscous'], components: one(533), typical_portion_g: 100 },
  { key: 'iogurte', name: 'Iogurte natural', labels: ['iogurte', 'yogurt', 'yoghurt', 'iogurte natural'], components: one(448), typical_portion_g: 170 },
  { key: 'melancia', name: 'Melancia', labels: ['melancia', 'watermelon'], components: one(235), typical_portion_g: 200 },
  { key: 'abacaxi', name: 'Abacaxi', labels: ['abacaxi', 'pineapple'], components: one(164), typical_portion_g: 100 },
  { key: 'uva', name: 'Uva itália', labels: ['uva', 'uvas', 'grapes', 'grape'], components: one(256), typical_portion_g: 100 },
  { key: 'manga', name: 'Manga', labels: ['manga', 'mango'], components: one(231), typical_portion_g: 140 },
  { key: 'abacate', name: 'Abacate', labels: ['abacate', 'avocado'], components: one(163), typical_portion_g: 100 },
  { key: 'morango', name: 'Morango', labels: ['morango', 'morangos', 'strawberry', 'strawberries'], components: one(239), typical_portion_g: 100 },
  {
    key: 'peixe',
    name: 'Filé de merluza assado',
    labels: ['peixe', 'fish', 'filé de peixe', 'peixe assado', 'merluza'],
    components: one(301),
    typical_portion_g: 120,
  },
  { key: 'beterraba', name: 'Beterraba cozida', labels: ['beterraba', 'beetroot', 'beet'], components: one(97), typical_portion_g: 40 },
  { key: 'pepino', name: 'Pepino', labels: ['pepino', 'cucumber'], components: one(142), typical_portion_g: 40 },
  { key: 'couve', name: 'Couve refogada', labels: ['couve', 'couve refogada', 'kale', 'collard greens'], components: one(116), typical_portion_g: 40 },
  { key: 'chocolate', name: 'Chocolate ao leite', labels: ['chocolate', 'chocolate ao leite', 'milk chocolate'], components: one(495), typical_portion_g: 25 },
  {
    key: 'linguica',
    name: 'Linguiça de porco grelhada',
    labels: ['linguiça', 'linguica', 'sausage', 'calabresa'],
    components: one(423),
    typical_portion_g: 60,
  },
  { key: 'polenta', name: 'Polenta', labels: ['polenta'], components: one(62), typical_portion_g: 100 },
  { key: 'tofu', name: 'Tofu', labels: ['tofu', 'queijo de soja'], components: one(584), typical_portion_g: 80 },
];

const INDEX: ReadonlyMap<string, FoodMapEntry> = (() => {
  const m = new Map<string, FoodMapEntry>();
  for (const e of FOOD_MAP) {
    for (const label of [e.key, e.name, ...e.labels]) {
      const k = foldLabel(label);
      if (!m.has(k)) m.set(k, e);
    }
  }
  return m;
})();

function foldLabel(s: string): string {
  return foldText(s)
    .replace(/[_\-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The entry for a detector label, or undefined. Exact (folded) match first, then the label without
 * a plural "s", then the longest known label contained in it as whole words ("prato de arroz
 * integral" → arroz integral) — never a fuzzy guess that could invent a food.
 */
export function findFoodEntry(label: string): FoodMapEntry | undefined {
  const k = foldLabel(label);
  if (k === '') return undefined;
  const exact = INDEX.get(k) ?? INDEX.get(k.replace(/s$/, ''));
  if (exact) return exact;
  let best: { len: number; entry: FoodMapEntry } | undefined;
  const padded = ` ${k} `;
  for (const [known, entry] of INDEX) {
    if (known.length > (best?.len ?? 2) && padded.includes(` ${known} `)) best = { len: known.length, entry };
  }
  return best?.entry;
}

/** Grams of each TACO food in `grams` of the entry. */
export function entryComponents(entry: FoodMapEntry, grams: number): Array<{ taco_id: number; grams: number }> {
  return entry.components.map((c) => ({ taco_id: c.taco_id, grams: grams * c.share }));
}
