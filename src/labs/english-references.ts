// A patient may hand in a Brazilian report a vision model transcribed and translated into English: the
// names, the header ("Test | Result | Units | Reference range") and the references' words ("up to 40",
// "Desirable: < 190", "Men: < 60 · Women: < 40", "Men 18–66 years: 264 – 916", "Goal by cardiovascular
// risk: low < 130 · intermediate < 100 · high < 70 · very high < 50"). The names are known in English
// (analytes.ts); the references' words are not, and read as printed each such reference is no range, its
// row lost. They say what the Portuguese words the lab printed said, so in a report whose table is headed
// in English, the words of a reference (after a row's result, never its name: "High-sensitivity CRP") are
// read as those words. The translation's decimal points and thousands commas are read as any such
// number is (lines.ts).

// A table headed in English: a result column and a reference column.
const ENGLISH_HEADER = /\bresults?\b.*\breference\s+(?:ranges?|intervals?|values?)\b/iu;

// The reference words a translation writes, longest first, with the Portuguese a Brazilian lab prints.
const WORDS: Array<[RegExp, string]> = [
  [/\b(?:goals?|targets?)\s+(?:by|according\s+to)\s+(?:the\s+)?cardiovascular\s+risk\b/giu, 'Meta conforme risco cardiovascular'],
  [/\bvery\s+high\b/giu, 'muito alto'],
  [/\bup\s+to\b/giu, 'até'],
  [/\b(?:less\s+than|below)\b/giu, 'inferior a'],
  [/\b(?:greater\s+than|more\s+than|above)\b/giu, 'superior a'],
  [/\bdesirable\b/giu, 'Desejável'],
  [/\boptimal\b/giu, 'Ótimo'],
  [/\bborderline(?:\s+high)?\b/giu, 'Limítrofe'],
  [/\bpre-?diabetes\b/giu, 'Pré-diabetes'],
  [/\bintermediate\b/giu, 'intermediário'],
  [/\bhigh\b/giu, 'alto'],
  [/\blow\b/giu, 'baixo'],
  [/\bmen\b/giu, 'Homens'],
  [/\bwomen\b/giu, 'Mulheres'],
  [/\byears?\b/giu, 'anos'],
  [/\bdeficiency\b/giu, 'Deficiência'],
  [/\binsufficiency\b/giu, 'Insuficiência'],
  [/\bsufficiency\b/giu, 'Suficiência'],
];

// A row's result: its first number after a word (the name's own digits, "A1c", "25-OH", come glued to it).
const RESULT = /(?<![\p{L}\d.,-])\d/u;

function translated(l: string): string {
  const at = RESULT.exec(l)?.index;
  if (at === undefined) return l;
  const reference = WORDS.reduce((t, [word, pt]) => t.replace(word, pt), l.slice(at));
  return l.slice(0, at) + reference;
}

/** The lines of a report translated into English with its references' words read as the Portuguese ones; any other text as it is. */
export function englishReferencesRead(lines: string[]): string[] {
  const at = lines.findIndex((l) => ENGLISH_HEADER.test(l));
  if (at < 0) return lines;
  return lines.map((l, i) => (i <= at ? l : translated(l)));
}
