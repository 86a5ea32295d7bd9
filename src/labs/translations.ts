// A report for a patient who reads another language may add a page that prints every result again in it, under a
// heading that says so ("VERSION EN FRANÇAIS - TRADUCTION DE COURTOISIE" over "Globules rouges ........  3,92
// millions/mm³", "VIH 1/2 (Ag p24 + Ac) ..  Non réactif", h1753). Read as printed, each result the catalogue
// knows in that language stands twice and each it does not ("Globules rouges", "VCM" as "VGM") is a second
// analyte. The heading says the page is a copy: each result read under it is set aside as one of the results read
// before it, a number of the same value, a word result one of the words read before it, each at most once. Set
// aside as a copy, its line is accounted by what was read on it; a result the copy holds and the report does not
// is still read.
import { foldSameLength } from './analytes.ts';
import type { ParsedAnalyte, QualitativeAnalyte } from './result.ts';

// A heading that opens a translation of the report: its first words, no digit on its line. A field naming the
// report's language ("Idioma do laudo: Português + versão em francês") opens on its label, no heading.
const TRANSLATION_HEADING =
  /^[\s\-–—=*#]*(?:version|vers[aã]o|versi[oó]n)\s+(?:en|em|in)\s+\p{L}+|^[\s\-–—=*#]*(?:(?:traduction|tradu[cç][aã]o|traducci[oó]n|translation)(?![\p{L}]))/iu;

const isTranslationHeading = (t: string) => !/\d/.test(t) && TRANSLATION_HEADING.test(t);

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
  // A word result is translated too ("Não reagente" as "Non réactif"): the same word first, else any word read before.
  const words = qualitative.filter((q) => q.line < heading).map((q) => foldSameLength(q.value));
  for (const q of qualitative.filter((x) => x.line > heading)) {
    if (words.length === 0) break;
    const k = words.indexOf(foldSameLength(q.value));
    words.splice(Math.max(k, 0), 1);
    copies.add(q);
  }
  return { analytes: analytes.filter((a) => !copies.has(a)), qualitative: qualitative.filter((q) => !copies.has(q)) };
}
