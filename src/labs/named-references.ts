// A block of several results whose reference column, printed at the right beside the block's Material/
// Método lines and its results, names the result each range is for (a PDF's block extracted line by line):
//
//   HEMOGLOBINA E HEMATÓCRITO
//   Material: Sangue total (EDTA)                      Valores de referência:
//   Método: Automatizado (impedância)                    Hemoglobina - Homens 13,0 a 17,0 g/dL
//                                                                    Mulheres 12,0 a 15,5 g/dL
//      Hemoglobina:   16,4 g/dL                          Hematócrito - Homens 39,0 a 50,0 %
//      Hematócrito:   49,3 %                                         Mulheres 35,0 a 45,0 %
//
// Read line by line, the ranges of one result sit beside another's line, and the first ones above any
// result. Each cell of the column led by a result's name ("Hemoglobina - …"), with the cells under it that
// go on without a name (a range of another sex), is that result's reference: it is moved to the line of
// the block's result of that name, read there as the row's reference cell, its name lead dropped.
// Only when that result is printed once in the block, with its value and no reference cell of its own left.
import { type AnalyteDef, foldSameLength, isCatalogued, lookupName } from './analytes.ts';
import { cleanName } from './piece.ts';
import { fieldAfterSemicolon } from './lines.ts';
import { isReferenceText } from './reference.ts';

/** The right-hand cell of a line: after a gap of three spaces or more, at column 30 or further. */
function rightCell(line: string): { text: string; at: number } | undefined {
  const m = /(?:^|\s{3,})(\S(?:\S| {1,2}(?=\S))*)\s*$/u.exec(line);
  if (!m) return undefined;
  const at = m.index + m[0].length - m[0].trimStart().length;
  return at >= 30 ? { text: m[1]!, at } : undefined;
}

// A reference cell led by a result's name and a dash ("Hemoglobina - Homens 13,0 a 17,0 g/dL").
const NAME_LED = /^(\p{L}[\p{L}\d ]*?)\s+[-–—]\s+(\S.*)$/u;

const fold = (s: string) => foldSameLength(s).replace(/\s+/g, ' ').trim();

/** The name of a result's row ("   Hemoglobina:   16,4 g/dL"): the words before its colon and value. */
function rowName(line: string): string | undefined {
  const left = line.slice(0, rightCell(line)?.at ?? line.length).trim();
  const m = /^(\p{L}[^:\d]*?)\s*(?::|\.{2,})?\s+[<>≤≥]?\s*\d/u.exec(left);
  return m ? cleanName(m[1]!) : undefined;
}

/** Returns, per line, the text to read: each named reference moved to its result's line. */
export function moveNamedReferences(reads: readonly string[]): string[] {
  const out = [...reads];
  type NamedGroup = { name: string; cells: Array<{ line: number; text: string }>; row?: number };
  const groups: NamedGroup[] = [];
  let open: NamedGroup | undefined;
  let column = -1;
  for (let i = 0; i < out.length; i++) {
    const line = out[i]!;
    if (line.includes('\t') || line.includes('|') || line.trim() === '') {
      open = undefined;
      continue;
    }
    const cell = rightCell(line);
    const led = cell ? NAME_LED.exec(cell.text) : null;
    const def = led ? lookupName(led[1]!) : undefined;
    // A result typed after the range ("… ; HBsAg: Reagente") is no part of the cell: the line is left as printed.
    const reference = (text: string) => isReferenceText(text, { strictLabels: true }) && !fieldAfterSemicolon(text);
    if (cell && led && def && isCatalogued(def) && reference(led[2]!)) {
      open = { name: led[1]!, cells: [{ line: i, text: led[2]! }] };
      column = cell.at;
      groups.push(open);
      continue;
    }
    // A cell under it with no name, at its column or further right (a hanging indent), that reads as a range.
    if (open && cell && cell.at >= column - 2 && !NAME_LED.test(cell.text) && reference(cell.text)) {
      open.cells.push({ line: i, text: cell.text });
      continue;
    }
    open = undefined;
  }
  for (const g of groups) {
    // The result of that name, printed once within the lines around the cells, no blank line between.
    const first = g.cells[0]!.line;
    const last = g.cells[g.cells.length - 1]!.line;
    let from = first;
    while (from > 0 && out[from - 1]!.trim() !== '' && first - from < 8) from--;
    let to = last;
    while (to + 1 < out.length && out[to + 1]!.trim() !== '' && to - last < 8) to++;
    const key = (lookupName(g.name) as AnalyteDef).key;
    const rows: number[] = [];
    for (let k = from; k <= to; k++) {
      const n = rowName(out[k]!);
      const d = n === undefined ? undefined : lookupName(n);
      if (n !== undefined && (fold(n) === fold(g.name) || (d !== undefined && isCatalogued(d) && d.key === key))) rows.push(k);
    }
    if (rows.length === 1) g.row = rows[0];
  }
  // A result's row that keeps a reference cell of its own (not one moved away) is not this layout.
  let moving = groups.filter((g) => g.row !== undefined);
  for (let changed = true; changed; ) {
    const cellLines = new Set(moving.flatMap((g) => g.cells.map((c) => c.line)));
    const kept = moving.filter((g) => !rightCell(out[g.row!]!) || cellLines.has(g.row!));
    changed = kept.length !== moving.length;
    moving = kept;
  }
  // Each cell leaves its line, which keeps what is left of it; the reference joins its result's row.
  for (const g of moving) for (const c of g.cells) out[c.line] = out[c.line]!.slice(0, rightCell(out[c.line]!)!.at).trimEnd();
  for (const g of moving) out[g.row!] = `${out[g.row!]!.trimEnd()}   ${g.cells.map((c) => c.text).join('; ')}`;
  return out;
}
