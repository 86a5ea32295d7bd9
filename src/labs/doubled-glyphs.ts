// A PDF that fakes bold by drawing each glyph of a bold text twice, one over the other: pdftotext prints
// each letter twice ("GGlliiccoossee", "66,,99"), the spaces between bold words too ("TTFFGG  eessttiimmaaddaa"),
// so a flagged result's name is no name and its value ten times and more what the page shows ("113322" for
// 132). So a run of doubled words on a line is printed once: a word is doubled when it is two or more pairs
// of the same character and holds a letter or is a number's digits, and a run is such words one or two
// spaces apart. The run keeps its width (a name padded on the right, a number on the left, as its column
// aligns it), so the columns after it stay where the header puts them. Only a line with a doubled word of
// three letters or more is touched ("11" or "1100" alone is a number, "AA" a word); on it, a doubled
// number ("5599") is taken only when it stands as a run of its own or next to a doubled word. The line
// keeps its printed text for unparsed_lines.
import { matchesOf } from '../text/matches.ts';

// A label's colon (or a stop) the system printed plain after the bold word ("RREESSUULLTTAADDOO: 138 mg/dL", h1734):
// drawn once, it is no part of the doubling. A stop drawn bold too ("PPHH::") is doubled as the rest.
const PLAIN_CLOSE = /[:.;,]$/u;

/** Whether each character is there twice over. */
function twice(word: string): boolean {
  const cs = [...word];
  if (cs.length < 2 || cs.length % 2 !== 0) return false;
  for (let k = 0; k < cs.length; k += 2) if (cs[k] !== cs[k + 1]) return false;
  return true;
}
// The plain stop closing a doubled word, or ''.
const plainClose = (word: string) => (!twice(word) && PLAIN_CLOSE.test(word) && twice(word.slice(0, -1)) ? word.slice(-1) : '');

/** Whether a word is each of its characters twice over ("GGlliiccoossee", "113322", "((HHbbAA11cc))", "RREESSUULLTTAADDOO:"). */
const doubled = (word: string) => twice(word) || plainClose(word) !== '';
const once = (word: string) => {
  const close = plainClose(word);
  return [...word.slice(0, word.length - close.length)].filter((_, k) => k % 2 === 0).join('') + close;
};

// A doubled word of three letters or more: what shows the line was drawn bold by doubling.
const isBoldWord = (w: string) => doubled(w) && /\p{L}.*\p{L}.*\p{L}/u.test(once(w));

/** A line with each run of doubled words printed once, each run keeping its width. */
export function singledLine(line: string): string {
  const words = matchesOf(/\S+/g, line);
  if (!words.some((m) => isBoldWord(m[0]))) return line;
  const out: string[] = [];
  let at = 0;
  let k = 0;
  while (k < words.length) {
    const w = words[k]!;
    if (!doubled(w[0]) || (w[0].length < 4 && !/\p{L}/u.test(w[0]))) {
      k++;
      continue;
    }
    // The run: doubled words one or two spaces apart.
    let end = k;
    while (end + 1 < words.length) {
      const next = words[end + 1]!;
      const gap = next.index! - (words[end]!.index! + words[end]![0].length);
      if (gap > 2 || !doubled(next[0])) break;
      end++;
    }
    const from = w.index!;
    const to = words[end]!.index! + words[end]![0].length;
    const text = words
      .slice(k, end + 1)
      .map((m) => once(m[0]))
      .join(' ');
    const padded = /^[\d.,]+$/.test(text) ? text.padStart(to - from) : text.padEnd(to - from);
    out.push(line.slice(at, from), padded);
    at = to;
    k = end + 1;
  }
  out.push(line.slice(at));
  return out.join('');
}

/** The lines with text drawn bold by doubling printed once; the same lines when none is. */
export function doubledGlyphsSingled(raws: string[]): string[] {
  let changed = false;
  const out = raws.map((r) => {
    const s = singledLine(r);
    if (s !== r) changed = true;
    return s;
  });
  return changed ? out : raws;
}
