// Which TACO foods a dietary restriction rules out. Built from the table's own categories plus
// keywords in the description, because the categories alone miss mixed dishes: "Pastel, de carne"
// sits in "Cereais e derivados", "Coxinha de frango" in "Carnes", "Pão, de queijo" in "Verduras".
// Matching is on whole words of the accent-folded description. The lists are conservative: when a
// TACO dish usually contains the ingredient (bolo → ovos e leite; quibe → trigo), it is excluded.
// The planner only uses curated foods, but this classifier decides for any TACO line (exclusions,
// the food-photo path), and docs/nutrition.md lists the rules.
import { numericOrNull, type TacoCategory, type TacoFood } from './taco.ts';
import { foldText } from '../text/fold.ts';

export const RESTRICTIONS = ['vegetarian', 'vegan', 'lactose_free', 'gluten_free', 'low_sodium', 'diabetic'] as const;
export type Restriction = (typeof RESTRICTIONS)[number];

export const RESTRICTION_LABELS_PT: Record<Restriction, string> = {
  vegetarian: 'vegetariano',
  vegan: 'vegano',
  lactose_free: 'sem lactose',
  gluten_free: 'sem glúten',
  low_sodium: 'pouco sódio',
  diabetic: 'para diabetes',
};

const MEAT_FISH_CATEGORIES: ReadonlySet<TacoCategory> = new Set(['Carnes e derivados', 'Pescados e frutos do mar']);
const MEAT_FISH_WORDS = [
  'carne',
  'bovina',
  'bovino',
  'frango',
  'galinha',
  'peru',
  'porco',
  'bife',
  'peixe',
  'camarao',
  'bacalhau',
  'atum',
  'sardinha',
  'presunto',
  'apresuntado',
  'mortadela',
  'salame',
  'linguica',
  'toucinho',
  'bacon',
  'hamburguer',
  'charque',
  'feijoada',
  'vatapa',
  'acaraje',
  'tacaca',
  'cuxa',
  'carreteiro',
  'barreado',
  'dobradinha',
  'sarapatel',
  'manicoba',
  'virado a paulista',
  'vaca atolada',
  'quibe',
  'estrogonofe',
  'salpicao',
  'yakisoba',
  'mocoto',
  'gelatina',
  'quibebe',
  'charuto',
  'bolognesa',
  'feijao tropeiro',
  'croquete',
  'coxinha',
  'empada',
  'maria mole',
  'caldo de carne',
  'caldo de galinha',
];
// Hen's and quail's eggs name the bird ("Ovo, de galinha"): they are vegetarian food, not meat.
const NOT_MEAT = [/^ovo, de (galinha|codorna)/];
const EGG_DAIRY_HONEY_CATEGORIES: ReadonlySet<TacoCategory> = new Set(['Ovos e derivados', 'Leite e derivados']);
const DAIRY_WORDS = [
  'leite',
  'queijo',
  'iogurte',
  'manteiga',
  'requeijao',
  'creme de leite',
  'chantilly',
  'doce de leite',
  'capuccino',
  'lactea',
  'curau',
  'omelete',
  'canjica com leite',
  'bebida lactea',
  'petit suisse',
  'ricota',
  'mozarela',
  'parmesao',
  'bolo',
  'mingau',
  'chocolate ao leite',
];
const EGG_HONEY_WORDS = ['ovo', 'ovos', 'gema', 'clara', 'mel', 'maionese', 'quindim', 'bolo', 'omelete', 'maria mole', 'empada', 'nhoque'];
// Foods whose description contains a dairy word without any dairy in them.
const NOT_DAIRY = [/^couve, manteiga/, /^leite, de coco/, /^soja, queijo \(tofu\)/, /sem lactose/, /zero lactose/];
const GLUTEN_WORDS = [
  'trigo',
  'centeio',
  'cevada',
  'aveia',
  'malte',
  'cerveja',
  'pao',
  'macarrao',
  'biscoito',
  'bolo',
  'lasanha',
  'pastel',
  'torrada',
  'farinha de rosca',
  'quibe',
  'tabule',
  'empada',
  'coxinha',
  'croquete',
  'milanesa',
  'nhoque',
  'yakisoba',
  'pizza',
  'bolinho',
  'shoyu',
  'lactea',
  'mistura para vitamina',
];
const NOT_GLUTEN = [/^pao, de queijo/, /^biscoito, polvilho/, /sem gluten/];
const SODIUM_WORDS = [
  'sal',
  'salgado',
  'salgada',
  'salgadas',
  'com sal',
  'presunto',
  'apresuntado',
  'mortadela',
  'salame',
  'linguica',
  'bacon',
  'charque',
  'seca',
  'bacalhau',
  'shoyu',
  'tempero',
  'caldo de carne',
  'caldo de galinha',
  'conserva',
  'enlatado',
  'enlatada',
  'azeitona',
  'industrializado',
  'instantaneo',
];
const LOW_SODIUM_MAX_MG_PER_100G = 400;
const SUGAR_CATEGORIES: ReadonlySet<TacoCategory> = new Set(['Produtos açucarados']);
const SUGAR_WORDS = [
  'acucar',
  'mel',
  'melado',
  'rapadura',
  'refrigerante',
  'suco',
  'doce',
  'calda',
  'geleia',
  'achocolatado',
  'xarope',
  'glicose',
  'condensado',
  'recheado',
  'wafer',
  'caldo de cana',
  'cana',
  'bolo',
  'isotonica',
  'gelatina',
  'chocolate',
  'cocada',
  'marmelada',
  'goiabada',
  'quindim',
  'maria mole',
  'mingau',
  'farinha lactea',
  'cereal matinal',
  'curau',
  'petit suisse',
  'sabor',
];

// "doce" names a variety here, not added sugar.
const NOT_SUGAR = [/^batata, doce/, /polvilho/];

function hasWord(folded: string, words: readonly string[]): string | undefined {
  const padded = ` ${folded.replace(/[^a-z0-9]+/g, ' ')} `;
  return words.find((w) => padded.includes(` ${w} `));
}

/** The reason a food breaks a restriction (pt-BR), or null when it is allowed. */
export function restrictionViolation(food: TacoFood, restriction: Restriction): string | null {
  const d = foldText(food.description);
  switch (restriction) {
    case 'vegetarian': {
      if (MEAT_FISH_CATEGORIES.has(food.category)) return `categoria TACO "${food.category}"`;
      if (NOT_MEAT.some((re) => re.test(d))) return null;
      const w = hasWord(d, MEAT_FISH_WORDS);
      return w ? `contém "${w}"` : null;
    }
    case 'vegan': {
      const veg = restrictionViolation(food, 'vegetarian');
      if (veg) return veg;
      if (EGG_DAIRY_HONEY_CATEGORIES.has(food.category)) return `categoria TACO "${food.category}"`;
      if (!NOT_DAIRY.some((re) => re.test(d))) {
        const w = hasWord(d, DAIRY_WORDS);
        if (w) return `contém "${w}"`;
      }
      const e = hasWord(d, EGG_HONEY_WORDS);
      return e ? `contém "${e}"` : null;
    }
    case 'lactose_free': {
      if (NOT_DAIRY.some((re) => re.test(d))) return null;
      if (food.category === 'Leite e derivados') return `categoria TACO "${food.category}"`;
      const w = hasWord(
        d,
        DAIRY_WORDS.filter((x) => x !== 'mingau'),
      );
      return w ? `contém "${w}"` : null;
    }
    case 'gluten_free': {
      if (NOT_GLUTEN.some((re) => re.test(d))) return null;
      const w = hasWord(d, GLUTEN_WORDS);
      return w ? `contém "${w}"` : null;
    }
    case 'low_sodium': {
      const w = hasWord(d, SODIUM_WORDS);
      if (w && !/sem sal/.test(d)) return `contém "${w}"`;
      const na = numericOrNull(food.per100g.sodium_mg);
      if (na === null) {
        // Pure fats are left blank for sodium in TACO; they carry none unless salted ("com sal" above).
        return food.category === 'Gorduras e óleos' ? null : 'sódio não determinado na TACO';
      }
      return na > LOW_SODIUM_MAX_MG_PER_100G ? `${na} mg de sódio por 100 g` : null;
    }
    case 'diabetic': {
      if (SUGAR_CATEGORIES.has(food.category)) return `categoria TACO "${food.category}"`;
      if (NOT_SUGAR.some((re) => re.test(d))) return null;
      const w = hasWord(d, SUGAR_WORDS);
      return w ? `contém "${w}"` : null;
    }
  }
}

export function allowedUnder(food: TacoFood, restrictions: readonly Restriction[]): boolean {
  return restrictions.every((r) => restrictionViolation(food, r) === null);
}
