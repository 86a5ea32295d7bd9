// A ratio named only by the two forms of an analyte it divides ("relação livre/total 16%" typed under "PSA total:
// 5,8 ng/mL" and "psa livre 0,9 ng/mL", a daughter typing her father's PSA from the paper, h1718): the analyte is
// the one the two results just above it name in those forms, and the lab prints the ratio under them for that
// reason. Read as printed, the ratio names nothing ("livre/total" of what?); it is named with the analyte
// ("relação PSA livre/total"), its key the catalogue's for that name if it holds one.
//
// Only when the two results read right before the ratio are that analyte in the two forms, each named by the
// analyte and the form's word ("PSA total" / "psa livre", "Testosterona total" / "Testosterona livre"): a ratio
// after anything else, or whose forms the results above do not both print, keeps its printed name.

import { foldSameLength, lookupName } from './analytes.ts';
import type { NamedResult as Named } from './result.ts';

// "relação livre/total", "razão livre / total", "índice livre/total": the lead word, then the two forms.
const RATIO_OF_FORMS = /^((?:rela[cç][aã]o|raz[aã]o|[ií]ndice|quociente)(?:\s+d[ao])?)\s+(\p{L}+)\s*\/\s*(\p{L}+)\s*$/iu;

/** The analyte a result's name gives in the form `form` ("PSA total" for "total" → "PSA"), or undefined. */
function analyteInForm(name: string, form: string): string | undefined {
  const m = new RegExp(String.raw`^(.*\p{L}.*?)\s+${form}$`, 'iu').exec(foldSameLength(name.trim()));
  return m ? name.trim().slice(0, m[1]!.length) : undefined;
}

/**
 * Each ratio named only by two forms gets the analyte the two results read right before it name in those forms
 * ("relação livre/total" after "PSA total" and "psa livre" → "relação PSA livre/total"). Renamed in place.
 */
export function nameRatiosOfForms<T extends Named>(rows: T[]): void {
  const byLine = [...rows].sort((a, b) => a.line - b.line);
  byLine.forEach((row, i) => {
    const m = RATIO_OF_FORMS.exec(row.name.trim());
    if (!m || i < 2) return;
    const [a, b] = [byLine[i - 2]!, byLine[i - 1]!];
    if (a.line === row.line || b.line === row.line) return;
    const forms = [foldSameLength(m[2]!).toLowerCase(), foldSameLength(m[3]!).toLowerCase()];
    // Either order above: the first form's result, then the second's, or the other way.
    const pairs: Array<[Named, Named]> = [
      [a, b],
      [b, a],
    ];
    for (const [first, second] of pairs) {
      const x = analyteInForm(first.name, forms[0]!);
      const y = analyteInForm(second.name, forms[1]!);
      if (x === undefined || y === undefined || foldSameLength(x).toLowerCase() !== foldSameLength(y).toLowerCase()) continue;
      // The analyte as the result that prints it with capitals spells it ("PSA total" over "psa livre").
      const shown = /\p{Lu}/u.test(y) && !/\p{Lu}/u.test(x) ? y : x;
      row.name = `${m[1]!} ${shown} ${m[2]!}/${m[3]!}`;
      row.key ??= lookupName(row.name)?.key ?? null;
      return;
    }
  });
}
