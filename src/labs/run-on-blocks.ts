// Result blocks run together on one line: a PDF whose text lost its line breaks prints each exam's
// title, its Material/Método fields, "Resultado: …" and "Valores de referência: …" one after another
// ("GLICOSE Material: plasma Método: hexoquinase Resultado: 168 mg/dL Valores de referência: 70 a 99
// mg/dL HEMOGLOBINA GLICADA (HbA1c) Material: … Resultado: 8,2 % …"). Each block is cut from the next
// with a ";", as between results on a line, and its fields are blanked, as the lines of a block's
// Material/Método are details. Lengths are kept, so the line is still accounted as printed.

import { lookupName } from './analytes.ts';
import { cleanName } from './piece.ts';
import { qualitativeAtStart } from './reference.ts';
import { unitAtStart } from './units.ts';
import { matchesOf } from '../text/matches.ts';

const RESULT_FIELD = /(?<=^|\s)resultados?\s*:/giu;
const DETAIL_FIELD = /(?<=^|\s)(?:material|amostra|m[eé]todos?|metodologia)\s*:/giu;
// A title word in capitals ("TAXA", "NÃO-HDL", "B12"); a connector ("DE", "E") only inside the title.
const CAPS_WORD = /^\p{Lu}[\p{Lu}\d\-–/.+]*$/u;
const CONNECTOR = /^(?:D[AEO]S?|E|EM|PARA|POR)$/u;

interface Word {
  w: string;
  at: number;
}

/**
 * Where the next block's title starts among the words between a result and its block's first field:
 * the run of words in capitals (with their brackets: "(HbA1c)", "(CKD-EPI 2021)") right before the
 * field, after the previous reference's last number, unit or word in lower case; else the longest run of
 * words before the field that the catalogue knows as a name ("Hemoglobina glicada"). Undefined when
 * neither reads: the blocks then stay together, and a line not read is listed.
 */
function titleStart(r: string, lo: number, hi: number): number | undefined {
  const words: Word[] = matchesOf(/\S+/g, r.slice(lo, hi)).map((m) => ({ w: m[0], at: lo + (m.index ?? 0) }));
  let k = words.length;
  while (k > 0) {
    const w = words[k - 1]!.w;
    if (w.endsWith(')')) {
      let j = k - 1;
      while (j >= 0 && !words[j]!.w.startsWith('(')) j--;
      if (j < 0) break;
      k = j;
      continue;
    }
    if (!CAPS_WORD.test(w) || unitAtStart(w)?.consumed === w.length) break;
    k--;
  }
  // Neither a bracket, a connector nor a result word in capitals ("… NÃO REAGENTE ANTI-HCV") opens a title.
  for (;;) {
    const w = words[k]?.w;
    if (w === undefined) break;
    const rest = words
      .slice(k)
      .map((x) => x.w)
      .join(' ');
    const word = qualitativeAtStart(rest);
    if (w.startsWith('(')) {
      while (k < words.length && !words[k]!.w.endsWith(')')) k++;
      k++;
    } else if (CONNECTOR.test(w)) k++;
    else if (word && word.consumed < rest.length && /\s/.test(rest[word.consumed] ?? ' ')) k += rest.slice(0, word.consumed).trim().split(/\s+/).length;
    else break;
  }
  if (k < words.length && words.slice(k).some((x) => /\p{Lu}{2}/u.test(x.w) && !x.w.startsWith('('))) return words[k]!.at;
  for (let n = Math.min(6, words.length); n >= 1; n--) {
    const first = words[words.length - n]!;
    if (/^\p{Lu}/u.test(first.w) && lookupName(cleanName(r.slice(first.at, hi))) !== undefined) return first.at;
  }
  return undefined;
}

/** The lines of a report, each block run on after another cut with ";" and its fields blanked. */
export function splitRunOnBlocks(reads: readonly string[]): string[] {
  return reads.map((r) => {
    const results = matchesOf(RESULT_FIELD, r).map((m) => ({ at: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
    if (results.length < 2) return r;
    const cuts: number[] = [];
    const blanks: Array<[number, number]> = [];
    results.forEach((res, i) => {
      const from = i === 0 ? 0 : results[i - 1]!.end;
      const details = matchesOf(DETAIL_FIELD, r.slice(from, res.at)).map((m) => from + (m.index ?? 0));
      const head = details[0] ?? res.at;
      if (i > 0) {
        // The previous result's value comes first: the title is after it.
        const value = /^\s*\S+/.exec(r.slice(from, head));
        const at = value ? titleStart(r, from + value[0].length, head) : undefined;
        if (at === undefined || r[at - 1] !== ' ') return;
        cuts.push(at);
      }
      if (details.length > 0) blanks.push([head, res.at]);
    });
    if (cuts.length === 0) return r;
    let out = r;
    for (const [a, b] of blanks) out = `${out.slice(0, a)}${' '.repeat(b - a)}${out.slice(b)}`;
    for (const at of cuts) out = `${out.slice(0, at - 1)};${out.slice(at)}`;
    return out;
  });
}
