// A form's typed exams, results parted by ';' in running text, wrap where the line ends, mid-result: the reference's
// bracket goes on at the start of the next line, indented, or the range's upper bound does (a SUS out-of-town
// treatment request, boxed, h1770):
//
//   | - Hemograma: Hb 7,8 g/dL (VR 12,0-16,0); Ht 23,9 % (VR 36-46); VCM 104,6 fL          |
//   |   (VR 80-100); RDW 18,9 % (VR 11,5-14,5); Leucócitos 2.640/mm³ (VR 4.000-10.000);   |
//   |   Neutrófilos 890/mm³; Linfócitos 1.530/mm³; Plaquetas 54.000/mm³ (VR 150.000-      |
//   |   450.000). Esfregaço: macrocitose, neutrófilos hipossegmentados (pseudo-Pelger).    |
//
// Read line by line, the last result of the line lacks its reference and the line under it opens on a bracket or a
// bound that names nothing, so the results after it are lost. So the wrapped rest of the result, up to its ';' or
// stop, is put back at the end of the line it goes on and blanked in place, the results after it left on the line
// that prints them (h1770: a result must be read on its own line, for the accounting pass to list that line if it
// were lost): only for a line that parts two results or more by ';' and ends with no ';' nor stop (mid-result), under
// which an indented line opens with a bracket or a number. A box's frame around such a
// list (a bar at each end, none inside) is no table's: read as a one-cell bar row, the list's closing stop and its
// items were lost ("| - Creatinina 0,8 mg/dL; TGO 26 U/L; TGP 21 U/L.   |"), so its bars are blanked in place.

import { lookupName } from './analytes.ts';
import { NUMBER } from './numbers.ts';
import { UNIT_PATTERN, unitAtStart } from './units.ts';

// A letter's or a discharge summary's prose wraps its list of results, parted by ',', ' e ' or ';', where the line
// ends, and the line under it opens at the margin (h1881, h1901):
//
//   Laboratório da admissão (03/11/2025): hemoglobina 11,2 g/dL, hematócrito 33,9%, leucócitos
//   18.400/mm³ com 9% de bastonetes, plaquetas 112.000/mm³, PCR 214 mg/L, ureia 86 mg/dL,
//   … e a insulina de jejum de 18,4 µUI/mL (VR: 2,6 a
//   24,9 µUI/mL), com índice HOMA-IR calculado de 5,09 (VR: até 2,7), …
//
// There the line ends on a name the catalogue knows, its value opening the line under, or inside a result's
// reference bracket, its bound and the bracket's close opening the line under: the wrapped rest goes back as above,
// up to the separator after it (a ',' or ';' goes with it) or the sentence's stop, or to the bracket's close. A
// sentence that ends on a word before a number on the next line ("… há" / "4 dias") is no list: only a line that
// already parts two results joins, and only onto a catalogued name or an open bracket after a value.

// A result of such prose, the separator after it and another name: "ureia 86 mg/dL, creatinina", "6,1 % (VR: até
// 5,6 %) e a insulina".
const PROSE_RESULT = new RegExp(String.raw`\p{L}[^;,()]*?\s[<>]?(?:${NUMBER})\s*(?:%|${UNIT_PATTERN})?\s*(?:\([^()]*\))?\s*(?:[;,]|\se)\s+\p{L}`, 'iu');
// The name the line ends on, after the list's separator: ", leucócitos", " e lactato".
const NAME_AT_END = /(?:[,;]|\se)\s+(\p{L}[\p{L}\d -]*?)\s*$/u;
// A reference bracket left open after a value at the line's end: "18,4 µUI/mL (VR: 2,6 a".
const OPEN_BRACKET_AT_END = /\d[^()]*\((?=[^()]*\d)[^()]*$/u;
// The line under, at the margin or indented, a value first: "18.400/mm³ com …", "24,9 µUI/mL), …".
const VALUE_FIRST = /^\s*[<>]?\d/u;

/** How much of the line under a prose list's line is the rest of its wrapped result; undefined when none is. */
function proseWrapLength(text: string, next: string): number | undefined {
  if (!PROSE_RESULT.test(text) || !VALUE_FIRST.test(next)) return undefined;
  const rest = next.trim();
  if (OPEN_BRACKET_AT_END.test(text)) {
    const close = /^[^()]*\)/u.exec(rest);
    return close ? close[0].length : undefined;
  }
  // A name the catalogue knows, or a short one whose value the line under gives with a lab's unit ("e lactato" /
  // "3,8 mmol/L."): a sentence's last words before a count of days ("há" / "4 dias") are neither.
  const name = NAME_AT_END.exec(text)?.[1];
  const unit = unitAtStart(rest.replace(/^[<>]?\s*(?:\d[\d.,]*)\s*/u, ''));
  if (name === undefined || (lookupName(name) === undefined && (unit === undefined || name.split(' ').length > 3))) return undefined;
  const end = /[,;](?=\s)|\.(?=\s+\p{Lu})/u.exec(rest);
  // The separator or the stop goes back with the rest: what follows it opens the line under's own text.
  return end ? end.index + 1 : rest.length;
}

// A line of results parted by ';': a name and a number before a ';', its unit and a bracket maybe, another name after
// it. A note's sentence wrapped after a ';' ("… SUGERE MAIOR PROBABILIDADE DE NEOPLASIA; ENTRE 10 E" / "25% ZONA
// CINZENTA.") parts no results.
const RESULT_LIST = /\p{L}[^;]*\d[\d.,]*\s*(?:%|\/?[\p{L}µ³]{1,8}(?:\/[\p{L}\d³]{1,8})?)?\s*(?:\([^()]*\))?\s*;\s+\p{L}/u;
// The rest of a result wrapped to the next line, indented: a bracket or a number first.
const CONTINUATION = /^\s{2,}(?=[(\d])/u;
// A box's frame: a bar at the start and one at the end, none between.
const FRAMED = /^(\s*)\|([^|]*)\|\s*$/u;

const inner = (line: string) => FRAMED.exec(line)?.[2] ?? line;

/** The lines with each result list's wrapped result put back on the line it goes on, blanked where it was printed. */
export function wrappedResultListsJoined(lines: string[]): string[] {
  let out: string[] | undefined;
  const unframed = (line: string) => {
    const frame = FRAMED.exec(line);
    return frame ? `${frame[1]} ${frame[2]!.trimEnd()}` : line;
  };
  for (let i = 0; i < lines.length; i++) {
    // The line as the joins above left it: a continuation's own results stay on it, its wrapped part blanked.
    const line = (out ?? lines)[i]!;
    if (FRAMED.test(line) && RESULT_LIST.test(inner(line))) {
      out ??= [...lines];
      out[i] = unframed(line);
    }
    const at = i;
    // A prose list's wrapped result, the line under it at the margin maybe (PROSE_RESULT).
    const below = lines[i + 1];
    const prose = below !== undefined && !FRAMED.test(line) && !FRAMED.test(below) ? proseWrapLength(line.trimEnd(), below) : undefined;
    if (prose !== undefined) {
      const from = below!.length - below!.trimStart().length;
      out ??= [...lines];
      out[at] = `${line.trimEnd()} ${below!.slice(from, from + prose)}`;
      out[i + 1] = below!.slice(0, from) + ' '.repeat(prose) + below!.slice(from + prose);
      continue;
    }
    for (let j = i + 1; j < lines.length; j++) {
      const text = inner((out ?? lines)[at]!).trimEnd();
      const next = inner(lines[j]!);
      if (!RESULT_LIST.test(text) || /[;.]$/.test(text) || !CONTINUATION.test(next)) break;
      // Both framed, or neither: a box's row is not joined to a line outside it.
      if (FRAMED.test(lines[at]!) !== FRAMED.test(lines[j]!)) break;
      out ??= [...lines];
      // Only the wrapped result goes back, up to its ';' or its stop: the results after its ';' stay on the line
      // that prints them ("(VR 80-100); RDW 18,9 % (VR 11,5-14,5); …" keeps RDW on its own line, read there and
      // listed there if lost), and a sentence after its stop is a note of its own ("450.000). Esfregaço:
      // macrocitose, …"), left where it is printed.
      const rest = next.trim();
      const end = /;|\.\s+(?=\p{Lu})/u.exec(rest);
      const carried = end ? rest.slice(0, end.index + 1) : rest;
      // A framed list's line was unframed above, in place: its text keeps its indent.
      out[at] = `${text} ${carried}`;
      if (!end) {
        out[j] = '';
        i = j;
        continue;
      }
      // The carried part blanked in place, the line's frame kept for the pass over it.
      const from = lines[j]!.indexOf(rest);
      out[j] = lines[j]!.slice(0, from) + ' '.repeat(end.index + 1) + lines[j]!.slice(from + end.index + 1);
      break;
    }
  }
  return out ?? lines;
}
