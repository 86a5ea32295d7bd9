// A row whose reference cell the page break cut: its range opens on the last row of the page ("Albumina   2,9 g/dL
// 3,5 a") and its upper bound is printed on the next page, past the footer, the page's header printed again and
// the table's header, alone at the reference column:
//
//   Albumina                                 2,9 g/dL            3,5 a
//   Resultados liberados pelo setor de Bioquímica - HEL          Pág. 1 / 2
//   ...
//   FUNÇÃO HEPÁTICA (continuação)
//   Exame                               Resultado          Valores de Referência
//                                                           5,2 g/dL
//
// Read as printed, the row's range is no range and the row is lost, and the bound alone is read as a result of the
// title above it (h1738). So the carried bound is put back at the end of the cut row's line, and its own line left
// empty: only when a page's break (a page number, a rule) lies between them, the line right above the bound is the
// table's header, and the bound is a number alone (its unit, if printed, the row's value's) right of the row's value
// cell, where the reference column is.
// A row's value and its range opened and not closed, at the end of the line ("2,9 g/dL   3,5 a").
const OPEN_RANGE = /(\d[\d.,]*)\s*(\S*)\s{2,}(\d[\d.,]*\s*(?:a|at[eé]|-|–))\s*$/iu;
// A bound alone on its line, its unit or none ("5,2 g/dL").
const BOUND_ALONE = /^(\s*)(\d[\d.,]*)(?:\s*(\S+))?\s*$/u;
// Where a page ends: its number ("Pág. 1 / 2", "Página 1 de 2"), a form feed, a rule across the page.
const PAGE_BREAK = /p[áa]g(?:ina)?\.?\s*\d+\s*(?:\/|de)\s*\d+|\f|^\s*[-=_]{20,}\s*$/iu;
// The table's header printed again on the new page.
const TABLE_HEADER = /\bresultados?\b.*\brefer[eê]ncias?\b/iu;
/** How far past the cut row its bound may be printed: a footer and a page's header. */
const REACH = 20;

/** The lines with each range a page break cut whole again on its row's line, the carried bound's line empty. */
export function pageBreakReferencesJoined(lines: string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN_RANGE.exec(lines[i]!);
    if (!open) continue;
    // The bound stands in the reference column: right of the row's value cell, not under it.
    const valueEnd = open.index + open[1]!.length + open[0].slice(open[1]!.length).indexOf(open[2]!) + open[2]!.length;
    let broken = false;
    for (let j = i + 1; j < Math.min(lines.length, i + REACH); j++) {
      const line = lines[j]!;
      if (PAGE_BREAK.test(line)) broken = true;
      const bound = BOUND_ALONE.exec(line);
      if (!bound) continue;
      const above = lines.slice(i + 1, j).findLast((l) => l.trim() !== '');
      const unitAgrees = bound[3] === undefined || bound[3] === open[2];
      if (broken && above !== undefined && TABLE_HEADER.test(above) && unitAgrees && bound[1]!.length > valueEnd + 1) {
        out ??= [...lines];
        out[i] = `${lines[i]!.trimEnd()} ${line.trim()}`;
        out[j] = '';
      }
      break;
    }
  }
  return out ?? lines;
}
