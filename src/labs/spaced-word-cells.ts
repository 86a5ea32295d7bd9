// A row of word cells whose column gaps a PDF's text extraction collapsed to single spaces ("Cor Amarelo citrino
// Amarelo citrino", "Sangue Traços Negativo", a lab site's downloaded urinalysis): the name, the result in words
// and the reference in words, one space apart. Set apart again by column gaps, as the lab printed them, so the
// word after the name is read as the result and the last as its reference, never as part of the name.
import { qualitativeAtStart, qualitativeReference } from './reference.ts';

const COLUMN = '   ';

/**
 * The row with its cells set apart, or the text as it was. Only a line with no column gap, no digits and no
 * label's colon, whose tail after a name of up to four words is a result word and then a reference word: the
 * same words again (the result within its range), or a reference the parser knows ("Negativo", "Ausentes").
 * The shortest name that allows it is the name.
 */
export function withSpacedWordCells(t: string): string {
  if (/\S\s{2,}\S|[|:;\d()]/.test(t)) return t;
  const lead = /^\s*/.exec(t)![0];
  const words = t.trim().split(' ');
  if (words.length < 3 || !/^\p{L}/u.test(words[0]!)) return t;
  for (let k = 1; k <= Math.min(4, words.length - 2); k++) {
    const name = words.slice(0, k).join(' ');
    if (qualitativeAtStart(name) !== undefined) return t;
    const rest = words.slice(k).join(' ');
    const result = qualitativeAtStart(rest);
    if (!result || result.consumed >= rest.length || rest[result.consumed] !== ' ') continue;
    const reference = rest.slice(result.consumed).trim();
    const same = reference.toLowerCase() === result.text.toLowerCase();
    const known = qualitativeAtStart(reference)?.consumed === reference.length && qualitativeReference(reference) !== undefined;
    if (same || known) return lead + [name, result.text, reference].join(COLUMN);
  }
  return t;
}
