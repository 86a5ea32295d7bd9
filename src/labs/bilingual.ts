// A bilingual report (Portuguese and English, "Laudo bilíngue / Bilingual report") prints each label twice,
// the second language after a slash: "Desejável / Desirable: < 190 mg/dL", "Homens / Men: até 41 U/L",
// "Até / Up to 40 U/L", "Resultado / Result", "(grupos de risco / risk groups)", and may print the header's
// cells again in English on the line under it ("Result   Reference range"). Read as printed, the English
// label is taken for a second range's label or a result's name ("Desirable: < 190" becomes a result) and a
// bound led by "Até / Up to" is no bound. The English copy says nothing the Portuguese does not: so in such
// a report, an English label after a slash is taken out (its length put back at the cell's end, so the
// columns after it stay where they were) and an English header line under the header is blanked. The
// English name printed under each row's name is left to the reader, which lists it as no result.
import { matchesOf } from '../text/matches.ts';

// The words of an English label, as bilingual reports print them.
const ENGLISH_WORD =
  /^(?:a|and|age|blood|cholesterol|count|date|desirable|female|for|goals?|groups?|healthy|high|intermediate|low|male|men|normal|of|optimal|population|prediabetes|range|ranges?|reference|references|result|results|risk|sex|to|toxicity|unit|units|up|value|values|very|women|years|borderline|above|below|less|than|greater|children|adults?|diabetes|fasting|by)$/iu;
// A label's second language after its first: " / Desirable", " / Up to", " / risk groups".
const SECOND_LABEL = /(?<=\p{L}\)?)\s+\/\s+([A-Za-z]+(?:[ -][A-Za-z]+){0,3})(?=\s*[:)]|\s+[<>≤≥]?\s*\d|\s{2,}|\s*$)/gu;
const MARKER = /\bbil[ií]ngu[ea]\b|\bbilingual\b/iu;
// Pairs a bilingual report prints in its head and its tables.
const PAIRS =
  /\b(?:resultados?\s+\/\s+results?|paciente\s+\/\s+patient|sexo\s+\/\s+sex|refer[eê]ncias?\s+\/\s+references?|desej[aá]vel\s+\/\s+desirable|homens\s+\/\s+men|mulheres\s+\/\s+women)\b/iu;

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

/** The lines of a bilingual report with the English labels after a slash taken out; any other text as it is. */
export function withoutSecondLanguage(printed: string[]): string[] {
  const bilingual = printed.some((l) => MARKER.test(l)) || printed.filter((l) => PAIRS.test(l)).length >= 3;
  if (!bilingual) return printed;
  return printed.map((l, i) => {
    const above = printed[i - 1] ?? '';
    if (isEnglishHeader(l) && /\bresultados?\b/iu.test(above)) return '';
    return withoutSecondLabels(l);
  });
}
