// Tables that print the reference column BEFORE the result ("EXAME   VALOR DE REFERÊNCIA   RESULTADO
// UNIDADE", some regional labs' and LIS printouts): every other reader takes the first number after the
// name for the value, so such a row would be read with a bound of its range as the result. The header
// places the two columns; each row under it is rewritten in the usual order (name, result and unit,
// then the reference) before it is read, so nothing else needs to know the order was different.
import { cellStarts } from './columns.ts';
import { foldSameLength } from './analytes.ts';

/** Where the reference column and the result column start in a header that puts the reference first. */
export interface ReferenceFirstColumns {
  referenceAt: number;
  resultAt: number;
}

const REFERENCE_HEAD = /^(?:valor(?:es)?\s+de\s+refer[eê]ncia|valor(?:es)?\s+referenciais|refer[eê]ncias?|intervalo\s+de\s+refer[eê]ncia|v\.?\s?r\.?)$/i;
const RESULT_HEAD = /^(?:resultados?|valor(?:es)?\s+encontrados?)$/i;

/**
 * The columns of a header whose reference cell comes before its result cell, after a first (name)
 * cell; undefined for any other header.
 */
export function referenceFirstColumns(text: string, offset: number): ReferenceFirstColumns | undefined {
  const starts = cellStarts(text, offset);
  const ref = starts.findIndex((c) => REFERENCE_HEAD.test(foldSameLength(c.cell).trim()));
  const res = starts.findIndex((c) => RESULT_HEAD.test(foldSameLength(c.cell).trim()));
  if (ref < 1 || res < 0 || res < ref) return undefined;
  return { referenceAt: starts[ref]!.at, resultAt: starts[res]!.at };
}

// A value is often right-aligned under its header, so its cell may start a few columns left of it.
const RESULT_SLACK = 4;

/**
 * A row under such a header in the usual order: "Ureia   19 a 49   78 (+)   mg/dL" becomes "Ureia   78
 * (+)   mg/dL   19 a 49". A row with no cell in the reference column, or none in the result column,
 * is returned as printed.
 */
export function referenceToEnd(text: string, offset: number, cols: ReferenceFirstColumns): string {
  const starts = cellStarts(text, offset);
  if (starts.length < 3 || starts[0]!.at >= cols.referenceAt - 1) return text;
  const name = starts.filter((c) => c.at < cols.referenceAt - 1);
  const reference = starts.filter((c) => c.at >= cols.referenceAt - 1 && c.at < cols.resultAt - RESULT_SLACK);
  const result = starts.filter((c) => c.at >= cols.resultAt - RESULT_SLACK);
  if (reference.length === 0 || result.length === 0 || !/^[<>≤≥]?\s*\d|^\p{L}/u.test(result[0]!.cell)) return text;
  return [...name, ...result, ...reference].map((c) => c.cell).join('   ');
}
