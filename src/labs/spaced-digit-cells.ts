// A result column a PDF composed with letter spacing, extracted with a space between each character (h1607):
// "1 5 , 8" for 15,8, "1 9 8 . 0 0 0" for 198.000, "<  0 , 5 0" for < 0,50, while names, units and references
// come out as printed. Read as it is, each digit is a number of its own and the row is no row. So a cell of
// single digits, decimal commas and thousands dots one space apart is written as the number it spells, a
// comparator alone before it joined to it, padded to the printed width; the line keeps its place and the accounting pass its printed text.
// Only a report that prints at least two such cells of two or more digits is touched, so a lone "1 2" of an
// ordinary line (a list of tube numbers) is never read as twelve.
import { matchesOf } from '../text/matches.ts';

// A cell: at a line's start or after a column gap, a digit then single characters, each a digit, comma or dot,
// one space apart, ending at a column gap, a single space before a "%" or the line's end.
const SPACED = /(^|\s{2,}|^\s*[<>≤≥]\s+)(\d(?: [\d.,])+)(?=\s{2,}|\s%|\s*$)/g;
// The same cell with at least two digits and no two separators in a row: a number spelled out, no list.
const NUMBER = /^\d(?:[.,]?\d)+$/;

/** The line with each spaced cell written as the number it spells. */
function joined(line: string): string {
  return line.replace(SPACED, (all, before: string, cell: string) => {
    const n = cell.replace(/ /g, '');
    if (!NUMBER.test(n)) return all;
    // A comparator alone before the cell ("<  0 , 5 0") is the number's own.
    const lead = /^(\s*)([<>≤≥])\s+$/.exec(before);
    // Padded to the cell's printed width, so the columns after it stay where they were.
    const pad = ' '.repeat(all.length - before.length - n.length);
    return lead ? `${lead[1]}${lead[2]} ${n}${' '.repeat(all.length - lead[1]!.length - 2 - n.length)}` : `${before}${n}${pad}`;
  });
}

/** The lines with a letter-spaced result column's cells read as the numbers they spell, or as they were. */
export function spacedDigitCellsJoined(raws: string[]): string[] {
  const spelled = raws.filter((r) => matchesOf(SPACED, r).some((m) => /\d.*\s\d/.test(m[2]!) && NUMBER.test(m[2]!.replace(/ /g, ''))));
  if (spelled.length < 2) return raws;
  return raws.map(joined);
}
