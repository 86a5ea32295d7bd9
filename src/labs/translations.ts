// A report for a patient who reads another language may add a page that prints every result again in it, under a
// heading that says so ("VERSION EN FRANÇAIS - TRADUCTION DE COURTOISIE" over "Globules rouges ........  3,92
// millions/mm³", "VIH 1/2 (Ag p24 + Ac) ..  Non réactif", h1753). Read as printed, each result the catalogue
// knows in that language stands twice and each it does not ("Globules rouges", "VCM" as "VGM") is a second
// analyte. The heading says the page is a copy: each result read under it is set aside as one of the results read
// before it, each paired one to one with a result of the same meaning: a number of the same value, a word result
// one of the same sense ("Não reagente" as "Non réactif", "Positivo" as "positif", not "Reagente"). Set aside as a
// copy, its line is accounted by what was read on it; a result the copy holds and the report does not, or a word
// of the other sense ("Reagente" where the report read only "Não reagente"), is still read.
import { foldSameLength } from './analytes.ts';
import type { ParsedAnalyte, QualitativeAnalyte } from './result.ts';

// A heading that opens a translation of the report: its first words, no digit on its line. A field naming the
// report's language ("Idioma do laudo: Português + versão em francês") opens on its label, no heading.
const TRANSLATION_HEADING =
  /^[\s\-–—=*#]*(?:version|vers[aã]o|versi[oó]n)\s+(?:en|em|in)\s+\p{L}+|^[\s\-–—=*#]*(?:(?:traduction|tradu[cç][aã]o|traducci[oó]n|translation)(?![\p{L}]))/iu;

const isTranslationHeading = (t: string) => !/\d/.test(t) && TRANSLATION_HEADING.test(t);

// A word result's sense, in the languages a copy is printed in: which word family it is of and whether it denies
// it ("Não reagente", "Non réactif", "Non-reactive" against "Reagente", "Réactif"; "Negativo", "Négatif" against
// "Positivo", "Positif"; "Ausente", "Absent" against "Presente"). A translation keeps the family: a reactive word is
// no copy of a blood group's "Positivo" (h1753).
const SENSES: [string, RegExp][] = [
  ['reactive', /^(?:(?:n[aã]o|non|not|no)[\s-]*)?(?:reagente|reativo|r[eé]acti(?:f|ve|vo))s?(?![\p{L}])/iu],
  ['detected', /^(?:(?:n[aã]o|non|not|no)[\s-]*)?(?:detectad[oa]|d[eé]tect[eé]e?|detected)s?(?![\p{L}])/iu],
  ['positive', /^(?:positiv[oa]|positi(?:f|ve)|negativ[oa]|n[eé]gati(?:f|ve))s?(?![\p{L}])/iu],
  ['present', /^(?:presente|pr[eé]sente?|ausente|absente?)s?(?![\p{L}])/iu],
];
const DENIED = /^(?:n[aã]o|non|not|no)[\s-]|^(?:negativ|n[eé]gati|ausent|absent)/iu;
const sense = (word: string) => {
  const w = word.trim();
  const family = SENSES.find(([, re]) => re.test(w))?.[0];
  return family && `${family}${DENIED.test(w) ? '-' : '+'}`;
};

/** The results with those a translated copy of the report prints again set aside. */
export function withoutTranslatedCopy(
  analytes: ParsedAnalyte[],
  qualitative: QualitativeAnalyte[],
  texts: readonly string[],
): { analytes: ParsedAnalyte[]; qualitative: QualitativeAnalyte[] } {
  const heading = texts.findIndex(isTranslationHeading);
  if (heading < 0) return { analytes, qualitative };
  const copies = new Set<ParsedAnalyte | QualitativeAnalyte>();
  const numbers = analytes.filter((a) => a.line < heading).map((a) => a.value);
  for (const a of analytes.filter((x) => x.line > heading)) {
    const k = numbers.indexOf(a.value);
    if (k < 0) continue;
    numbers.splice(k, 1);
    copies.add(a);
  }
  // A word result is translated too ("Não reagente" as "Non réactif"): paired with the same analyte's word of the
  // same sense first, then the same word, then any word of the same sense; a word of neither sense ("O", a blood
  // group) only with the same word.
  const words = qualitative.filter((q) => q.line < heading);
  const later = qualitative.filter((x) => x.line > heading);
  // A reference the copy prints is of the row too: one of another sense than the earlier result's ("Non réactif
  // Reagente" under "Não reagente   Não reagente") is no copy of it.
  const alike = (a: string, b: string) => foldSameLength(a.trim()) === foldSameLength(b.trim()) || (sense(a) !== undefined && sense(a) === sense(b));
  const sameReference = (a: QualitativeAnalyte, b: QualitativeAnalyte) =>
    a.reference_text === null || (b.reference_text !== null && alike(a.reference_text, b.reference_text));
  const sameWord = (a: QualitativeAnalyte, b: QualitativeAnalyte) => foldSameLength(a.value.trim()) === foldSameLength(b.value.trim()) && sameReference(a, b);
  const sameSense = (a: QualitativeAnalyte, b: QualitativeAnalyte) => alike(a.value, b.value) && sameReference(a, b);
  const passes = [(a: QualitativeAnalyte, b: QualitativeAnalyte) => a.key !== null && a.key === b.key && sameSense(a, b), sameWord, sameSense];
  for (const pairs of passes)
    for (const q of later) {
      if (copies.has(q)) continue;
      const k = words.findIndex((w) => pairs(q, w));
      if (k < 0) continue;
      words.splice(k, 1);
      copies.add(q);
    }
  return { analytes: analytes.filter((a) => !copies.has(a)), qualitative: qualitative.filter((q) => !copies.has(q)) };
}
