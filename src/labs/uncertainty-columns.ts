// An accredited laboratory may print the expanded measurement uncertainty of each result in a column of
// its own between the result and the unit ("EXAME   RESULTADO   ± U (k=2)   UNIDADE   REFERÊNCIA", rows
// "Glicose   97   ± 3   mg/dL   70 a 99"). Read as printed, the "± 3" stands between the value and its
// unit and the row is lost. It is no value of the row, nor a bound: it says how far the measurement may
// be off, not what the patient's result or range is. So under a header that heads such a column, each
// row's "± n" right after its result is blanked (lengths kept, the columns stay where they were), leaving
// the row as any other; a calculated result's dash in that column ("—") is read as any empty cell is.
import { NUMBER } from './numbers.ts';

// A header's cell over the uncertainty column: "± U", "± U (k=2)", "Incerteza", "Incerteza (k = 2)", "U (k=2)".
const UNCERTAINTY_HEAD = /(?:^|\s)(?:±\s*U|incerteza(?:\s+(?:expandida|de\s+medi[çc][ãa]o))*|U)(?:\s*\(\s*k\s*=\s*\d\s*\))?(?=\s{2,}|\s*\||\s*$)/iu;
// A header beside it: a result column's head.
const RESULT_HEAD = /\b(?:resultados?|results?|valor(?:es)?)\b/iu;
// A result, then its uncertainty: "97      ± 3", "5,5 ± 0,2", "1,16  ±0,05".
const RESULT_UNCERTAINTY = new RegExp(String.raw`((?:${NUMBER})\s+)(±\s*(?:${NUMBER}))(?![\d.,])`, 'gu');

const blank = (s: string) => ' '.repeat(s.length);

function isUncertaintyHeader(l: string): boolean {
  if (!RESULT_HEAD.test(l)) return false;
  const m = UNCERTAINTY_HEAD.exec(l);
  // A lone "U" heads the column only with the coverage factor after it ("U (k=2)"): a bare "U" may be a unit's.
  return m !== null && (m[0].includes('±') || /incerteza|k\s*=/iu.test(m[0]));
}

/** The lines with each result's uncertainty blanked under a header that heads such a column; a text with none as it is. */
export function withoutUncertaintyColumn(printed: string[]): string[] {
  const at = printed.findIndex(isUncertaintyHeader);
  if (at < 0) return printed;
  return printed.map((l, i) => (i <= at || !l.includes('±') ? l : l.replace(RESULT_UNCERTAINTY, (_, result: string, u: string) => result + blank(u))));
}
