// An ICU panel may print, in a last column headed "SOFA" (or "Pontos", "Escore"), the organ score a result
// earns, in brackets ("Plaquetas …. 96.000 /mm³   (150.000 – 450.000)   [ 2 ]", "[ 4 ]*" marked by a note,
// "[ — ]" for a system scored without a lab). The points are the system's calculation, not a result: read,
// the bracket would be taken for a second value and the row lost. Under such a head the bracketed cell is
// blanked before anything is read (lengths kept, the columns stay where they were).

// The column's head, the line's last cell.
const SCORE_HEAD = /(\s{3,})(sofa|pontos|pontua[cç][aã]o|escore|score)\s*$/iu;
// A bracketed score: a small whole number or a dash, a note's mark after it at times.
const SCORE_CELL = /(\s{3,})(\[\s*(?:\d{1,2}|[-–—])\s*\]\**)\s*$/u;
// A score is printed under its head, give or take its brackets' width.
const SLACK = 8;

/** The lines with a score column's bracketed points blanked; the same array when no line heads such a column. */
export function withoutScoreColumn(lines: string[]): string[] {
  let at: number | undefined;
  let headAt = -1;
  let changed = false;
  // The heads whose column held points: blanked too, the title before them left alone.
  const heads = new Set<number>();
  const out = lines.map((line, index) => {
    const head = SCORE_HEAD.exec(line);
    if (head) {
      at = head.index + head[1]!.length;
      headAt = index;
      return line;
    }
    if (at === undefined) return line;
    const cell = SCORE_CELL.exec(line);
    if (!cell) return line;
    const from = cell.index + cell[1]!.length;
    if (Math.abs(from - at) > SLACK || line.slice(0, cell.index).trim() === '') return line;
    changed = true;
    heads.add(headAt);
    return line.slice(0, from) + ' '.repeat(line.length - from);
  });
  for (const i of heads) out[i] = out[i]!.replace(SCORE_HEAD, (_m, gap: string, word: string) => gap + ' '.repeat(word.length));
  return changed ? out : lines;
}
