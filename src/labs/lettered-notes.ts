// A report whose reference column holds only a letter in brackets, the ranges printed as notes by that
// letter at the foot of the page, several notes a line at times:
//
//   ERITROGRAMA                    Resultado        Unidade           V.R.
//    Hemácias                        4,52          milhões/mm³        (a)
//    VCM                             81,6          fL                 (d)
//   …
//   Notas de referência - página 1
//   (a) Mulheres: 3,90 a 5,03 milhões/mm³ | Homens: 4,32 a 5,72 milhões/mm³
//   (d) 80,0 a 100,0 fL        (e) 26,0 a 34,0 pg        (f) 31,0 a 36,0 g/dL
//
// Read line by line, the letter says nothing and the notes look like ranges of no result. Each row's
// letter is replaced by the first note of that letter printed under the row, read there as the row's
// reference cell (its sexes, its relative and absolute ranges parted by '|', as if printed in the cell);
// the note leaves its line, which keeps any note no row took. A row whose letter has no note under it
// (the lab skipped it: "(s)" then "(u)") keeps a reference the report does not print: no built-in range
// stands in for it (reference.ts, noRangeText). A letter several rows print is left alone. Only when two
// rows or more find their notes, so that a lone bracketed letter elsewhere (a lab's "(a)" mark) is never
// taken for this layout.
import { isReferenceText } from './reference.ts';
import { matchesOf } from '../text/matches.ts';

// The row's last cell, the letter alone in brackets, after a column gap; a value before it.
const ROW_MARK = /^(.*\d.*?)\s{2,}\(([a-z])\)\s*$/u;

// Where a note starts: its letter in brackets at the line's start or after a column gap.
const NOTE_START = /(?:^|\s{2,})\(([a-z])\)\s+(?=\S)/gu;

/** The notes a line holds, every piece of it a note by letter whose text reads as a reference; undefined for any other line. */
function notesOf(line: string): Array<{ letter: string; text: string }> | undefined {
  if (!/^\s*\([a-z]\)\s/u.test(line)) return undefined;
  const starts = matchesOf(NOTE_START, line);
  const notes = starts.map((m, i) => ({
    letter: m[1]!,
    text: line.slice(m.index! + m[0].length, starts[i + 1]?.index ?? line.length).trim(),
  }));
  // The note's ranges parted by a bar (sexes, or relative and absolute) are one reference's items.
  const read = notes.map((n) => ({ ...n, text: n.text.replace(/\s*\|\s*/g, '; ') }));
  return read.every((n) => isReferenceText(n.text) && onlyRanges(n.text)) ? read : undefined;
}

/**
 * A note's items after its first (parted by a bar, a ';' or a column gap) are ranges, each a reference with a
 * number: a word after them is a result printed on the note's line ("(g) 11,5 a 14,5 %   Anti-HCV   Reagente",
 * "(d) 80,0 a 100,0 fL ; HBsAg: Reagente"), which the whole text passes for a reference ("Reagente" reads as one)
 * and would go into the row's cell, the line emptied. Such a line is no note line: it stays as printed, to be
 * read or listed.
 */
function onlyRanges(text: string): boolean {
  const items = text.split(/\s*;\s*|\s{2,}/u).filter((t) => t !== '');
  return items.every((t, i) => isReferenceText(t) && (i === 0 || /\d/u.test(t)));
}

/** Returns, per line, the text to read: each row's letter replaced by its note, each note taken off its line. */
export function moveLetteredNotes(reads: readonly string[]): string[] {
  const rows = reads.flatMap((line, i) => {
    const m = ROW_MARK.exec(line);
    return m && notesOf(line) === undefined ? [{ line: i, before: m[1]!, letter: m[2]! }] : [];
  });
  if (rows.length < 2) return [...reads];
  const notes = reads.map((line) => notesOf(line));
  const noteFor = (row: { line: number; letter: string }) => {
    for (let k = row.line + 1; k < reads.length; k++) {
      const n = notes[k]?.find((x) => x.letter === row.letter);
      if (n) return { line: k, note: n };
    }
    return undefined;
  };
  // A note several rows point to names each result in it ("(b) Mulheres adultas: hemácias 3,90 a 5,03
  // milhões/mm³; hematócrito 33,0 a 44,0 %; …"): no one row's reference cell, those rows are left as printed.
  const shared = (r: { letter: string }) => rows.filter((o) => o.letter === r.letter).length > 1;
  const found = rows.filter((r) => !shared(r)).map((r) => ({ row: r, at: noteFor(r) }));
  if (found.filter((f) => f.at !== undefined).length < 2) return [...reads];
  const out = [...reads];
  const taken = new Map<number, Set<string>>();
  for (const { row, at } of found) {
    out[row.line] = `${row.before}   ${at ? at.note.text : `nota (${row.letter}) não impressa`}`;
    if (at) taken.set(at.line, (taken.get(at.line) ?? new Set()).add(at.note.letter));
  }
  for (const [k, letters] of taken) {
    const left = notes[k]!.filter((n) => !letters.has(n.letter));
    out[k] = left.map((n) => `(${n.letter}) ${n.text}`).join('   ');
  }
  return out;
}
