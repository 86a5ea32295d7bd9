// Numbers said in Portuguese words, as a voice message's automatic transcript prints them ("a glicose deu
// noventa e oito", "cinco vírgula quatro por cento", "plaquetas duzentos e dez mil"): each is found with the
// number it says, and can be printed in digits as a typed report would print it ("98", "5,4 %", "210 mil"),
// with the unit said after it ("miligrama por decilitro" → "mg/dL"), and an acronym spelled out by its letters'
// names printed as its letters ("tê esse agá" → "TSH").
import { foldText } from '../text/fold.ts';
import { matchesOf } from '../text/matches.ts';

const UNITS: Record<string, number> = {
  zero: 0,
  um: 1,
  uma: 1,
  dois: 2,
  duas: 2,
  tres: 3,
  quatro: 4,
  cinco: 5,
  seis: 6,
  sete: 7,
  oito: 8,
  nove: 9,
};
const TEENS: Record<string, number> = {
  dez: 10,
  onze: 11,
  doze: 12,
  treze: 13,
  quatorze: 14,
  catorze: 14,
  quinze: 15,
  dezesseis: 16,
  dezasseis: 16,
  dezessete: 17,
  dezassete: 17,
  dezoito: 18,
  dezenove: 19,
  dezanove: 19,
};
const TENS: Record<string, number> = {
  vinte: 20,
  trinta: 30,
  quarenta: 40,
  cinquenta: 50,
  sessenta: 60,
  setenta: 70,
  oitenta: 80,
  noventa: 90,
};
const HUNDREDS: Record<string, number> = {
  cem: 100,
  cento: 100,
  duzentos: 200,
  duzentas: 200,
  trezentos: 300,
  trezentas: 300,
  quatrocentos: 400,
  quatrocentas: 400,
  quinhentos: 500,
  quinhentas: 500,
  seiscentos: 600,
  seiscentas: 600,
  setecentos: 700,
  setecentas: 700,
  oitocentos: 800,
  oitocentas: 800,
  novecentos: 900,
  novecentas: 900,
};
// A plural determiner before a lone small number counts things ("os dois exames", "as duas amostras"): no value.
const COUNTING = new Set(['os', 'as', 'dos', 'das', 'nos', 'nas', 'aos', 'esses', 'essas', 'estes', 'estas', 'ambos', 'ambas']);

export interface SpokenNumber {
  /** Where its first word starts in the text, and where its last ends. */
  index: number;
  end: number;
  value: number;
  /** As a typed report prints it: a decimal comma, a round count of thousands kept in "mil" ("210 mil"). */
  printed: string;
  /** One word under twenty ("sete", "dez"): a value after a reading verb, but as often a word of speech. */
  weak: boolean;
}

interface Word {
  w: string;
  index: number;
  end: number;
}

/** A number under a thousand from word `i`: its value and the word after it. */
function belowThousand(words: Word[], i: number, joined: (k: number) => boolean): { v: number; next: number } | undefined {
  const w = words[i]?.w;
  if (w === undefined) return undefined;
  // "e" joins the parts of one number only between words next to each other ("cento e noventa e dois").
  const andThen = (k: number, table: (x: string) => number | undefined) =>
    words[k]?.w === 'e' && joined(k) && joined(k + 1) && words[k + 1] !== undefined ? table(words[k + 1]!.w) : undefined;
  if (w in HUNDREDS) {
    const h = HUNDREDS[w]!;
    if (w === 'cem') return { v: h, next: i + 1 };
    const rest = andThen(i + 1, (x) => (x in TENS || x in TEENS || x in UNITS ? 0 : undefined));
    // "cento" says a hundred only with the rest of its number ("cento e dois"): alone it is "por cento".
    if (rest === undefined) return w === 'cento' ? undefined : { v: h, next: i + 1 };
    const tail = belowHundred(words, i + 2, joined);
    return tail ? { v: h + tail.v, next: tail.next } : { v: h, next: i + 1 };
  }
  return belowHundred(words, i, joined);
}

function belowHundred(words: Word[], i: number, joined: (k: number) => boolean): { v: number; next: number } | undefined {
  const w = words[i]?.w;
  if (w === undefined) return undefined;
  if (w in TENS) {
    const u = words[i + 1]?.w === 'e' && joined(i + 1) && joined(i + 2) ? UNITS[words[i + 2]?.w ?? ''] : undefined;
    return u !== undefined && u > 0 ? { v: TENS[w]! + u, next: i + 3 } : { v: TENS[w]!, next: i + 1 };
  }
  if (w in TEENS) return { v: TEENS[w]!, next: i + 1 };
  if (w in UNITS) return { v: UNITS[w]!, next: i + 1 };
  return undefined;
}

/** The numbers a text says in words, in order. */
export function spokenNumbers(text: string): SpokenNumber[] {
  const words: Word[] = matchesOf(/[\p{L}\d]+/gu, text).map((m) => ({ w: foldText(m[0]), index: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  // Word k follows word k-1 with only spaces between them: a comma or a full stop ends a number.
  const joined = (k: number) => k > 0 && k < words.length && /^\s+$/.test(text.slice(words[k - 1]!.end, words[k]!.index));
  // The text between word k-1 and word k, and the text after word k.
  const gap = (k: number) => text.slice(words[k - 1]!.end, words[k]!.index);
  const after = (k: number) => text.slice(words[k]!.end);
  const out: SpokenNumber[] = [];
  let i = 0;
  while (i < words.length) {
    const found = numberAt(words, i, joined, gap, after);
    if (!found) {
      i++;
      continue;
    }
    const { v, next, printed, count } = found;
    const lone = count === 0 || (count === 1 && v < 20);
    const w = words[i]!.w;
    // A lone "um"/"uma" is the article ("um pouquinho"), and a lone small number after a plural determiner
    // counts things ("os dois exames").
    const notValue = lone && (w === 'um' || w === 'uma' || (i > 0 && joined(i) && COUNTING.has(words[i - 1]!.w)));
    if (!notValue) out.push({ index: words[i]!.index, end: words[next - 1]!.end, value: v, printed, weak: lone });
    i = next;
  }
  return out;
}

/** The number said from word `i`: its value, the word after it, how it prints and how many words say it. */
function numberAt(
  words: Word[],
  i: number,
  joined: (k: number) => boolean,
  gap: (k: number) => string,
  after: (k: number) => string,
): { v: number; next: number; printed: string; count: number } | undefined {
  // Digits before "vírgula" and the decimals in words ("18 vírgula cinco", "2 vírgula zero cinco"): the decimals.
  if (i > 1 && words[i - 1]!.w === 'virgula' && /^\d+$/.test(words[i - 2]!.w) && joined(i - 1) && joined(i)) {
    const f = decimals(words, i, joined);
    // The number is the digits' and these words' together: these alone say no value (count 0, weak).
    return f ? { v: Number(`0.${f.digits}`), next: f.next, printed: f.digits, count: 0 } : undefined;
  }
  let at = i;
  let v: number | undefined;
  const head = belowThousand(words, at, joined);
  if (head) {
    v = head.v;
    at = head.next;
  }
  let thousands = false;
  // "mil" after a number word, or alone when a number goes on after it ("mil e duzentos", "mil trezentos"):
  // a lone "mil" is the unit of a count in thousands ("185 mil", "mil/mm³"), no number of its own.
  if (words[at]?.w === 'mil' && (head ? joined(at) : true)) {
    const after = words[at + 1]?.w === 'e' && joined(at + 1) ? at + 2 : at + 1;
    const rest = joined(after) ? belowThousand(words, after, joined) : undefined;
    if (head || rest) {
      v = (head?.v ?? 1) * 1000 + (rest?.v ?? 0);
      thousands = rest === undefined;
      at = rest ? rest.next : at + 1;
    }
  }
  // A count in digits said with its thousands apart ("os leucócitos 7 mil e 300", a transcript that writes
  // numbers in digits): N*1000+M, one number; "231 mil" alone stays a count in thousands, and the digits
  // after "e" are whole ("231 mil e 14.9" is two values). Weak (count 0): digits are no words, so they make
  // no line a dictation in words of its own.
  if (v === undefined && /^\d{1,3}$/.test(words[i]!.w) && (i === 0 || !/^[.,]$/.test(gap(i))) && words[i + 1]?.w === 'mil' && joined(i + 1)) {
    const k = i + 3;
    const said = words[i + 2]?.w === 'e' && joined(i + 2) && joined(k) ? words[k]!.w : undefined;
    const rest =
      said === undefined ? undefined : /^\d{1,3}$/.test(said) && !/^[.,]\d/.test(after(k)) ? { v: Number(said), next: k + 1 } : belowThousand(words, k, joined);
    if (rest) return { v: Number(words[i]!.w) * 1000 + rest.v, next: rest.next, printed: String(Number(words[i]!.w) * 1000 + rest.v), count: 0 };
  }
  // Digits said with a half ("15 e meio", a transcript that writes numbers in digits): one number. Weak (count 0),
  // as digits are.
  if (v === undefined && /^\d+$/.test(words[i]!.w) && (i === 0 || !/^[.,]$/.test(gap(i))) && halfAfter(words, i + 1, joined))
    return { v: Number(words[i]!.w) + 0.5, next: i + 3, printed: `${Number(words[i]!.w)},5`, count: 0 };
  if (v === undefined) return undefined;
  // A half said after a whole number ("quinze e meio", "três e meio"): its decimal ",5".
  if (!thousands && halfAfter(words, at, joined)) return { v: v + 0.5, next: at + 2, printed: `${v},5`, count: at + 2 - i };
  let printed = thousands ? `${v / 1000} mil` : String(v);
  if (!thousands && words[at]?.w === 'virgula' && joined(at) && joined(at + 1)) {
    const f = decimals(words, at + 1, joined);
    if (f) {
      printed = `${v},${f.digits}`;
      v = Number(`${v}.${f.digits}`);
      at = f.next;
    }
  }
  return { v, next: at, printed, count: at - i };
}

/** Whether words `at` and after say "e meio" right after a number. */
const halfAfter = (words: Word[], at: number, joined: (k: number) => boolean) =>
  words[at]?.w === 'e' && words[at + 1]?.w === 'meio' && joined(at) && joined(at + 1);

/** The decimals said after "vírgula": zeros first ("zero cinco" → "05"), then one number ("quarenta e cinco"). */
function decimals(words: Word[], i: number, joined: (k: number) => boolean): { digits: string; next: number } | undefined {
  let digits = '';
  let at = i;
  while (words[at]?.w === 'zero' && (at === i || joined(at))) {
    digits += '0';
    at++;
  }
  const n = at === i || joined(at) ? belowThousand(words, at, joined) : undefined;
  if (n && (at === i || n.v > 0)) return { digits: digits + String(n.v), next: n.next };
  return digits ? { digits, next: at } : undefined;
}

// The units a speaker says after a value, as printed ("miligrama por decilitro" → "mg/dL", "por cento" → "%").
// The litre may be said by its symbol's letters ("nanogramas por ml").
const SPOKEN_UNIT =
  /(?<=\d\s*)(?:(mili|micro|nano|pico)?(grama|unidade|equivalente|mol)s?(\s+internaciona(?:l|is))?\s+por\s+(?:(deci|mili)?litros?|(dl|ml))|por\s+cento)(?![\p{L}])/giu;
// A unit's slash said as "barra" ("pg barra ml"): the unit as printed.
const SLASH_SAID = /(?<=\d\s*)((?:m|µ|mc|n|p)?g|m?ui?|m?eq|mmol)\s+barra\s+(d?l|ml)(?![\p{L}])/giu;
const PREFIX: Record<string, string> = { mili: 'm', micro: 'µ', nano: 'n', pico: 'p' };
const QUANTITY: Record<string, string> = { grama: 'g', unidade: 'U', equivalente: 'Eq', mol: 'mol' };

// The letters of the alphabet by their spoken names, as a transcript writes an acronym spelled out ("tê esse agá"
// for TSH, "cê agá cê eme" for CHCM). The names that are also words of speech unaccented ("de", "te", "que", "a",
// "é") only with their accent, and no vowel: an acronym is spelled by its consonants' names here.
const LETTER_NAMES: Record<string, string> = {
  bê: 'B',
  cê: 'C',
  dê: 'D',
  gê: 'G',
  pê: 'P',
  quê: 'Q',
  tê: 'T',
  vê: 'V',
  zê: 'Z',
  cá: 'K',
  agá: 'H',
  aga: 'H',
  efe: 'F',
  éfe: 'F',
  ele: 'L',
  éle: 'L',
  eme: 'M',
  ene: 'N',
  erre: 'R',
  esse: 'S',
  xis: 'X',
  jota: 'J',
  dáblio: 'W',
};
const LETTER_NAME = Object.keys(LETTER_NAMES)
  .sort((a, b) => b.length - a.length)
  .join('|');
// Two letters at least, a space or a dash between them ("tê esse agá", "gama gê tê").
const SPELLED = new RegExp(String.raw`(?<![\p{L}])(?:${LETTER_NAME})(?:[\s-]+(?:${LETTER_NAME}))+(?![\p{L}])`, 'giu');
// "ele" and "esse" are pronouns too ("esse ele falou"): two such words alone spell nothing.
const PRONOUN_LETTERS = /^(?:ele|esse)$/iu;

/** The acronyms a transcript spells out by their letters' names, printed as the letters ("tê esse agá" → "TSH"). */
function spelledAsLetters(text: string): string {
  return text.replace(SPELLED, (m) => {
    const names = m.toLowerCase().split(/[\s-]+/);
    if (names.every((n) => PRONOUN_LETTERS.test(n))) return m;
    return names.map((n) => LETTER_NAMES[n]!).join('');
  });
}

// A letter alone before a number said in words, and the numbers such names take (T3, T4, B12).
const HORMONE_LETTER = /(?<![\p{L}\d])([TtBb])\s+$/u;
const HORMONE_NUMBERS: Record<string, number[]> = { T: [3, 4], B: [12] };

/**
 * The text with the numbers it says in words printed in digits, the acronyms it spells printed as letters, and the
 * units said after them printed as units: what a typed report prints for "A glicose deu noventa e oito miligrama por decilitro" ("A glicose
 * deu 98 mg/dL"). A weak number (one word under twenty) only with `weak`.
 */
export function spokenAsPrinted(text: string, { weak = true }: { weak?: boolean } = {}): string {
  let out = '';
  let from = 0;
  for (const n of spokenNumbers(text)) {
    if (n.weak && !weak) continue;
    // A hormone or vitamin named by a letter and a number said in words ("T quatro livre", "vitamina B doze"): one
    // name, the number no value.
    const glued = HORMONE_LETTER.exec(text.slice(from, n.index));
    const name = glued && (HORMONE_NUMBERS[glued[1]!.toUpperCase()] ?? []).includes(n.value);
    out += (name ? text.slice(from, n.index).trimEnd() : text.slice(from, n.index)) + n.printed;
    from = n.end;
  }
  out += text.slice(from);
  return spokenUnitsAsPrinted(spelledAsLetters(out));
}

// Units a screen reader speaks for a count's or a ratio's symbol ("7.300 por milímetro cúbico" for /mm³, "42
// miligramas por grama" for mg/g, "61 mililitros por minuto por 1,73 metro quadrado" for mL/min/1,73 m²). A count
// may be said per microlitre, in thousands or millions too ("162 mil por microlitro" for mil/µL, "4,1 milhões por
// milímetro cúbico"), and a ratio of the same quantity by its prefix on both sides ("0,62 miligrama por miligrama").
const SPOKEN_COUNT_UNIT = /(?<=\d\s*)(?:(mil|milh[oõ]es)\s+)?por\s+(mil[ií]metro\s+c[uú]bico|microlitro)(?![\p{L}])/giu;
// A urine sediment's count in thousands said per millilitre ("65 mil por mL", "3 mil por mililitro"): "mil/mL";
// and the bounds said after it in the same sentence in bare thousands ("referência até 10 mil") are per mL too.
const SPOKEN_THOUSANDS_PER_ML = /(?<=\d\s*mil)\s+por\s+(?:ml|mililitros?)(?![\p{L}])([^.;!?]*)/giu;
const BARE_THOUSANDS = /(?<=\d\s*mil)(?![\p{L}/])/gu;
const SPOKEN_RATIO_UNIT = /(?<=\d\s*)(mili|micro)?gramas?\s+por\s+(mili)?grama(?![\p{L}])/giu;
// The sedimentation rate's unit said as what it measures ("48 milímetros na primeira hora", "mm por hora"): mm/h.
const SPOKEN_RATE_UNIT = /(?<=\d\s*)(?:mil[ií]metros?|mm)\s+(?:na\s+primeira\s+hora|por\s+hora)(?![\p{L}])/giu;
const SPOKEN_FILTRATION_UNIT = /(?<=\d\s*)mililitros?\s+por\s+minuto\s+por\s+1,73\s+metros?\s+quadrados?(?![\p{L}])/giu;

/** The units said after values printed as units ("miligramas por decilitro" → "mg/dL", "por cento" → "%"). */
export function spokenUnitsAsPrinted(text: string): string {
  return text
    .replace(SPOKEN_FILTRATION_UNIT, 'mL/min/1,73 m²')
    .replace(SPOKEN_COUNT_UNIT, (_m, many?: string, per?: string) => `${many ? foldText(many) : ''}${/^mil[ií]metro/iu.test(per!) ? '/mm³' : '/µL'}`)
    .replace(SPOKEN_THOUSANDS_PER_ML, (_m, rest: string) => `/mL${rest.replace(BARE_THOUSANDS, '/mL')}`)
    .replace(SPOKEN_RATIO_UNIT, (_m, prefix?: string, per?: string) => `${PREFIX[foldText(prefix ?? '')] ?? ''}g/${PREFIX[foldText(per ?? '')] ?? ''}g`)
    .replace(SPOKEN_RATE_UNIT, 'mm/h')
    .replace(SLASH_SAID, (_m, unit: string, per: string) => `${unit}/${per.slice(0, -1).toLowerCase()}L`)
    .replace(SPOKEN_UNIT, (_m, prefix?: string, quantity?: string, intl?: string, per?: string, symbol?: string) => {
      if (!quantity) return '%';
      const q = foldText(quantity);
      const unit = `${PREFIX[foldText(prefix ?? '')] ?? ''}${intl && q === 'unidade' ? 'UI' : QUANTITY[q]}`;
      const litre = per ? foldText(per) : symbol ? { dl: 'deci', ml: 'mili' }[symbol.toLowerCase()] : undefined;
      return `${unit}/${litre ? (litre === 'deci' ? 'dL' : 'mL') : 'L'}`;
    });
}

/**
 * The lines of any text with the units said in words after a value printed as units, each line in its place (an
 * accessible version of a report written for screen readers, "Resultado: 11,6 gramas por decilitro.", h1958; a
 * patient's message that spells them): a unit in words right after a number says nothing else. A line with none
 * is as it was.
 */
export function spokenUnitsOnLines(lines: string[]): string[] {
  const out = lines.map((l) => (/\d\s+(?:mil\s+|milh\S+\s+)?\p{L}/u.test(l) ? spokenUnitsAsPrinted(l) : l));
  return out.some((l, i) => l !== lines[i]) ? out : lines;
}
