// A block whose title line names a method column at its right, each row's method printed after its unit:
//
//   BIOQUÍMICA DO LÍQUIDO                       Método
//     Colesterol ........: 45 mg/dL             Enzimático
//     ADA ...............: 12,5 U/L             Giusti modificado      VR: até 40 U/L
//
// Read as printed, the words after the unit stand where a reference goes, and the row is lost: they name the
// assay, no bound, no result. So under such a title, up to the block's first blank line, the one cell of a
// row that starts under the method header and is in words is blanked (lengths kept, so a reference after it
// stays in its column), leaving the row as any other. A title is a line of words alone, the method header its
// last cell: a table's header with a result column is read by the table's own method rule (layouts.ts).

import { cellStarts } from './columns.ts';

const METHOD_HEAD = /^(?:m[eé]todos?|metodologias?)(?:\s+anal[ií]tico)?$/iu;
/** A reference label, which is never a method: "VR:", "Ref.:", "Valor de referência". */
const REFERENCE_LEAD = /^(?:v\.?\s?r\.?|ref\.?|refer[eê]ncia|valor(?:es)?\s+de\s+refer[eê]ncia)\b/iu;
const RESULT_HEAD = /\bresultados?\b/iu;

/** Where a block title's method header starts, if the line is such a title. */
function methodHeadAt(line: string): number | undefined {
  const cells = cellStarts(line, 0);
  const last = cells.at(-1);
  if (!last || cells.length < 2 || !METHOD_HEAD.test(last.cell)) return undefined;
  const before = cells.slice(0, -1);
  if (before.some((c) => /\d/.test(c.cell) || RESULT_HEAD.test(c.cell))) return undefined;
  return last.at;
}

/** The lines with each row's method cell blanked under a block title that heads a method column. */
export function withoutMethodCells(printed: string[]): string[] {
  let out: string[] | undefined;
  for (let h = 0; h < printed.length; h++) {
    const at = methodHeadAt(printed[h]!);
    if (at === undefined) continue;
    let r = h + 1;
    for (; r < printed.length && printed[r]!.trim() !== ''; r++) {
      const line = printed[r]!;
      const cells = cellStarts(line, 0);
      const under = cells.findIndex((c, i) => i > 0 && Math.abs(c.at - at) <= 3);
      if (under < 1) continue;
      const cell = cells[under]!;
      // A method is named in words, after a result: a number there, or a row with none before it, is no such row.
      // A number of its own in the cell, or a separator, says more than a method's name is there ("CNPG3" is one).
      if (!/^\p{L}/u.test(cell.cell) || REFERENCE_LEAD.test(cell.cell) || !/\d/.test(line.slice(0, cell.at))) continue;
      if (/(?<![\p{L}\d])\d|[;:|]/u.test(cell.cell)) continue;
      out ??= [...printed];
      out[r] = `${line.slice(0, cell.at)}${' '.repeat(cell.cell.length)}${line.slice(cell.at + cell.cell.length)}`;
    }
    h = r - 1;
  }
  return out ?? printed;
}
