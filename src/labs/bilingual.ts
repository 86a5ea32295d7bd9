// A bilingual report (Portuguese and English, "Laudo bilíngue / Bilingual report") prints each label twice,
// the second language after a slash: "Desejável / Desirable: < 190 mg/dL", "Homens / Men: até 41 U/L",
// "Até / Up to 40 U/L", "Resultado / Result", "(grupos de risco / risk groups)", and may print the header's
// cells again in English on the line under it ("Result   Reference range"). Read as printed, the English
// label is taken for a second range's label or a result's name ("Desirable: < 190" becomes a result) and a
// bound led by "Até / Up to" is no bound. The English copy says nothing the Portuguese does not: so in such
// a report, an English label after a slash is taken out (its length put back at the cell's end, so the
// columns after it stay where they were) and an English header line under the header is blanked. The
// English name printed under each row's name is left to the reader, which lists it as no result.
// A form made for a foreign authority prints the English first ("Result / Resultado:", "Specific gravity /
// Densidade   1.020", "3. SERUM CREATININE / CREATININA SÉRICA", h1780's immigration exam): read as printed the
// name is the English one, which the catalogue does not know ("Result /" became a result's name, and density's
// 1.020 a thousand). Where the report's own pairs print the English first, the English label before a slash at a
// cell's start is taken out the same way (its length put back at the cell's end).
import { matchesOf } from '../text/matches.ts';

// The words of an English label, as bilingual reports print them.
const ENGLISH_WORD =
  /^(?:a|and|age|blood|cholesterol|count|date|desirable|female|for|goals?|groups?|healthy|high|intermediate|low|male|men|normal|of|optimal|population|prediabetes|range|ranges?|reference|references|result|results|risk|sex|to|toxicity|unit|units|up|value|values|very|women|years|borderline|above|below|less|than|greater|children|adults?|diabetes|fasting|by|non|reactive|negative|positive|detected|not)$/iu;
// A label's second language after its first: " / Desirable", " / Up to", " / risk groups".
const SECOND_LABEL = /(?<=\p{L}\)?)\s+\/\s+([A-Za-z]+(?:[ -][A-Za-z]+){0,3})(?=\s*[:)]|\s+[<>≤≥]?\s*\d|\s{2,}|\s*$)/gu;
const MARKER = /\bbil[ií]ngu[ea]\b|\bbilingual\b/iu;
// Pairs a bilingual report prints in its head and its tables.
const PAIRS =
  /\b(?:resultados?\s+\/\s+results?|paciente\s+\/\s+patient|sexo\s+\/\s+sex|refer[eê]ncias?\s+\/\s+references?|desej[aá]vel\s+\/\s+desirable|homens\s+\/\s+men|mulheres\s+\/\s+women)\b/iu;

// The same pairs the English first ("Result / Resultado", "Sex / Sexo"), as a form for a foreign authority prints them.
const ENGLISH_FIRST_PAIRS =
  /\b(?:results?\s+\/\s+resultados?|patient\s+\/\s+paciente|sex\s+\/\s+sexo|references?\s+\/\s+refer[eê]ncias?|method\s+\/\s+m[eé]todo|date\s+of\s+birth\s+\/\s+(?:data\s+de\s+)?nascimento)\b/iu;
// An English label before a slash at a cell's start (the line's, after an item's number, or after a column gap): plain
// ASCII words, with an item's digits, brackets and commas ("HIV 1/2 (Ag/Ab, 4th generation) / HIV 1/2 (…)").
const FIRST_LABEL = /(?<=^\s*(?:\d{1,2}[.)]\s+)?|\S\s{2,})([A-Za-z][A-Za-z0-9 ,+()'/-]*?)\s+\/\s+(?=\p{L})/gu;

const isEnglishLabel = (label: string) => label.split(/[ -]/).every((w) => ENGLISH_WORD.test(w));
// A header line in English alone: its cells English labels only, "Result" among them.
const isEnglishHeader = (l: string) =>
  /\bresults?\b/iu.test(l) &&
  l
    .trim()
    .split(/\s{2,}/)
    .every((c) => isEnglishLabel(c.replace(/[()]/g, '').trim()));

function withoutSecondLabels(l: string): string {
  let out = l;
  for (;;) {
    SECOND_LABEL.lastIndex = 0;
    const m = matchesOf(SECOND_LABEL, out).find((x) => isEnglishLabel(x[1]!));
    if (!m) return out;
    const at = m.index!;
    const rest = out.slice(at + m[0].length);
    const gap = /\s{2,}|$/u.exec(rest)!;
    out = out.slice(0, at) + rest.slice(0, gap.index) + ' '.repeat(m[0].length) + rest.slice(gap.index);
    if (gap.index === rest.length) out = out.trimEnd();
  }
}

function withoutFirstLabels(l: string): string {
  let out = l;
  for (;;) {
    FIRST_LABEL.lastIndex = 0;
    const m = FIRST_LABEL.exec(out);
    if (!m) return out;
    const at = m.index;
    const rest = out.slice(at + m[0].length);
    const gap = /\s{2,}|$/u.exec(rest)!;
    out = out.slice(0, at) + rest.slice(0, gap.index) + ' '.repeat(m[0].length) + rest.slice(gap.index);
    if (gap.index === rest.length) out = out.trimEnd();
  }
}

/** The lines of a bilingual report with the English labels after a slash taken out; any other text as it is. */
export function withoutSecondLanguage(printed: string[]): string[] {
  const englishFirst = printed.filter((l) => ENGLISH_FIRST_PAIRS.test(l)).length;
  if (englishFirst >= 3 && englishFirst > printed.filter((l) => PAIRS.test(l)).length) return printed.map((l) => withoutSecondLabels(withoutFirstLabels(l)));
  const bilingual = printed.some((l) => MARKER.test(l)) || printed.filter((l) => PAIRS.test(l)).length >= 3;
  if (!bilingual) return printed;
  return printed.map((l, i) => {
    const above = printed[i - 1] ?? '';
    if (isEnglishHeader(l) && /\bresultados?\b/iu.test(above)) return '';
    return withoutSecondLabels(l);
  });
}
