// Text as patients type it → one spelling the lexicon can be written against.
//
// Steps, in order, each for a reason seen in real messages:
// 1. accents and case folded ("Não"/"NAO"/"nao" are one word; many phones type without accents);
// 2. letters stretched for emphasis collapsed ("socorrooo", "dorrrr" → "socorro", "dor"): a run of
//    three or more of one letter becomes one; legitimate doubles (rr, ss) are untouched;
// 3. WhatsApp abbreviations expanded word by word ("vc", "q", "n", "tô", "mto", "hj"…);
// 4. misspellings of the words the lexicon cares about repaired ("pieto", "inxado", "glicoze",
//    "derame"): a word unknown to the lexicon is replaced by the lexicon word it matches on a
//    Portuguese sound-alike key ("x"/"ch", "s"/"ss"/"ç"/"z", "rr"/"r"…), or by a swapped or dropped letter.
// Numbers and sentence punctuation survive: the detector reads glucose and saturation readings and
// scopes negations and questions by clause and sentence.

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  vc: 'voce',
  vcs: 'voces',
  q: 'que',
  oq: 'o que',
  n: 'nao',
  nn: 'nao',
  naum: 'nao',
  ta: 'esta',
  tah: 'esta',
  to: 'estou',
  tou: 'estou',
  tamo: 'estamos',
  tb: 'tambem',
  tbm: 'tambem',
  pq: 'porque',
  mt: 'muito',
  mto: 'muito',
  mta: 'muita',
  mtos: 'muitos',
  mtas: 'muitas',
  muinto: 'muito',
  hj: 'hoje',
  agr: 'agora',
  dps: 'depois',
  cmg: 'comigo',
  msm: 'mesmo',
  qnd: 'quando',
  qdo: 'quando',
  td: 'tudo',
  tds: 'todos',
  vdd: 'verdade',
  pfv: 'por favor',
  pf: 'por favor',
  pls: 'por favor',
  sq: 'so que',
  c: 'com',
  p: 'para',
  pra: 'para',
  pro: 'para o',
  pras: 'para as',
  pros: 'para os',
  tava: 'estava',
  ngm: 'ninguem',
  nd: 'nada',
  ctz: 'certeza',
  qro: 'quero',
  kero: 'quero',
  axo: 'acho',
  bb: 'bebe',
  nenem: 'bebe',
  nene: 'bebe',
  vo: 'vou',
  voh: 'avo',
  mainha: 'mae',
  sat: 'saturacao',
  spo2: 'saturacao',
  hgt: 'glicemia',
  dx: 'glicemia',
};

/** Folds case and accents; keeps letters, digits and the punctuation that scopes context. */
export function fold(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // "c/" and "s/" are "com" and "sem" in notes and WhatsApp.
      .replace(/\b([cs])\/(?=\s|[a-z])/g, (_m, l: string) => (l === 'c' ? 'com ' : 'sem '))
      // Decimal commas ("38,5", "5,4") stay one number; other commas are clause breaks.
      .replace(/(\d),(\d)/g, '$1.$2')
      .replace(/(\d)\.(?!\d)/g, '$1 .')
      .replace(/[^a-z0-9\s.,;:!?\n]/g, ' ')
      .replace(/([a-z])\1{2,}/g, '$1')
      .replace(/[ \t]+/g, ' ')
      .trim()
  );
}

/** A Portuguese sound-alike key: spellings people confuse map to the same key. */
export function phoneticKey(word: string): string {
  return word
    .replace(/ch/g, 'x')
    .replace(/sh/g, 'x')
    .replace(/lh/g, 'li')
    .replace(/nh/g, 'ni')
    .replace(/qu(?=[ei])/g, 'k')
    .replace(/gu(?=[ei])/g, 'g')
    .replace(/c(?=[ei])/g, 's')
    .replace(/sc(?=[ei])/g, 's')
    .replace(/xc/g, 's')
    .replace(/ç/g, 's')
    .replace(/z/g, 's')
    .replace(/ss/g, 's')
    .replace(/rr/g, 'r')
    .replace(/c/g, 'k')
    .replace(/q/g, 'k')
    .replace(/y/g, 'i')
    .replace(/w/g, 'u')
    .replace(/^h/, '')
    .replace(/l$/, 'u')
    .replace(/([a-z])\1+/g, '$1');
}

/** Spellings Brazilians swap for one another. */
const CONFUSABLE: ReadonlyArray<[string, string]> = [
  ['x', 'ch'],
  ['ch', 'x'],
  ['s', 'ss'],
  ['ss', 's'],
  ['s', 'c'],
  ['c', 's'],
  ['s', 'z'],
  ['z', 's'],
  ['ss', 'c'],
  ['c', 'ss'],
  ['r', 'rr'],
  ['rr', 'r'],
  ['sc', 'c'],
  ['u', 'l'],
  ['l', 'u'],
  ['i', 'e'],
  ['e', 'i'],
  ['u', 'o'],
  ['o', 'u'],
];

/**
 * Repairs words against a vocabulary. Built once per vocabulary; `protect` lists ordinary words that
 * sit one edit away from a lexicon word and must never be "repaired" into it ("feito" is not "peito").
 */
export class Speller {
  private readonly known: Set<string>;
  private readonly byKey = new Map<string, string>();
  private readonly byLength = new Map<number, string[]>();
  private readonly cache = new Map<string, string>();

  /** `stems`: lexicon stems ("desmai" of "desmai\\w*"); a word that extends one is already understood. */
  constructor(
    vocabulary: Iterable<string>,
    protect: Iterable<string>,
    private readonly stems: readonly string[] = [],
  ) {
    this.known = new Set([...vocabulary, ...protect]);
    for (const w of vocabulary) {
      if (w.length < 4) continue;
      const k = phoneticKey(w);
      if (!this.byKey.has(k)) this.byKey.set(k, w);
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
  }

  /** One confusable spelling swapped ("inxado" → "inchado") giving a lexicon word or a stem's word. */
  private soundAlike(word: string): string | undefined {
    for (const [from, to] of CONFUSABLE) {
      for (let i = word.indexOf(from); i >= 0; i = word.indexOf(from, i + 1)) {
        // "c" sounds like "s" only before e/i: "saindo" is not "caindo".
        if ((to === 'c' || from === 'c') && !/[ei]/.test(word[i + from.length] ?? '')) continue;
        const v = word.slice(0, i) + to + word.slice(i + from.length);
        // Only stems of four letters or more: "mam" (of "mamar") would take "mandou" as "mamdou".
        if (this.known.has(v) || this.stems.some((s) => s.length >= 4 && v.startsWith(s))) return v;
      }
    }
    return undefined;
  }

  correct(word: string): string {
    if (word.length < 4 || this.known.has(word) || /\d/.test(word)) return word;
    if (this.stems.some((s) => word.startsWith(s))) return word;
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    // Same sound-alike key first ("glicoze", "derame"), or one confusable spelling swapped ("inxado",
    // "pescoso"); else a swapped pair of letters ("pieto") or, from six letters, one letter left out
    // ("quemadura"). Substitutions and extra letters were tried on the dev set and turned ordinary
    // words into others ("sentado" → "sentido", "branco" → "braco", "nunca" → "nuca").
    let out = this.byKey.get(phoneticKey(word)) ?? this.soundAlike(word);
    if (out === undefined && word.length >= 5) {
      for (const len of [word.length, word.length + 1]) {
        for (const cand of this.byLength.get(len) ?? []) {
          if (cand[0] !== word[0]) continue;
          if (isSwap(word, cand) || (word.length >= 6 && isDroppedLetter(word, cand))) {
            out = cand;
            break;
          }
        }
        if (out !== undefined) break;
      }
    }
    const result = out ?? word;
    if (this.cache.size < 10_000) this.cache.set(word, result);
    return result;
  }
}

/** `word` is `cand` with one letter left out ("quemadura", "vomitano"). */
function isDroppedLetter(word: string, cand: string): boolean {
  if (cand.length !== word.length + 1) return false;
  let i = 0;
  while (i < word.length && word[i] === cand[i]) i++;
  return word.slice(i) === cand.slice(i + 1);
}

function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/** Expands abbreviations and repairs spelling, word by word; punctuation stays where it was. */
export function normalise(text: string, speller: Speller): string {
  // "vó" (grandmother) and "vô" (grandfather) fold to "vo", which alone usually means "vou".
  return fold(text)
    .replace(/\b(minha|meu|a|o|da|do|na|no|pra|para|com) vo\b/g, '$1 avo')
    .split(/(\s+|[.,;:!?\n])/)
    .map((tok) => {
      if (!/^[a-z0-9]+$/.test(tok)) return tok;
      const ab = ABBREVIATIONS[tok];
      if (ab !== undefined) return ab;
      return speller.correct(tok);
    })
    .join('')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
