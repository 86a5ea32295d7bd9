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
// bound that names nothing, so the results after it are lost. So the continuation is put back at the end of the line
// it goes on, and its own line left empty: only for a line that parts two results or more by ';' and ends with no ';'
// nor stop (mid-result), under which an indented line opens with a bracket or a number. A box's frame around such a
// list (a bar at each end, none inside) is no table's: read as a one-cell bar row, the list's closing stop and its
// items were lost ("| - Creatinina 0,8 mg/dL; TGO 26 U/L; TGP 21 U/L.   |"), so its bars are blanked in place.

// A line of results parted by ';': a name and a number before a ';', its unit and a bracket maybe, another name after
// it. A note's sentence wrapped after a ';' ("… SUGERE MAIOR PROBABILIDADE DE NEOPLASIA; ENTRE 10 E" / "25% ZONA
// CINZENTA.") parts no results.
const RESULT_LIST = /\p{L}[^;]*\d[\d.,]*\s*(?:%|\/?[\p{L}µ³]{1,8}(?:\/[\p{L}\d³]{1,8})?)?\s*(?:\([^()]*\))?\s*;\s+\p{L}/u;
// The rest of a result wrapped to the next line, indented: a bracket or a number first.
const CONTINUATION = /^\s{2,}(?=[(\d])/u;
// A box's frame: a bar at the start and one at the end, none between.
const FRAMED = /^(\s*)\|([^|]*)\|\s*$/u;

const inner = (line: string) => FRAMED.exec(line)?.[2] ?? line;

/** The lines with each result list's wrapped continuation put back on the line it goes on, its own line empty. */
export function wrappedResultListsJoined(lines: string[]): string[] {
  let out: string[] | undefined;
  const unframed = (line: string) => {
    const frame = FRAMED.exec(line);
    return frame ? `${frame[1]} ${frame[2]!.trimEnd()}` : line;
  };
  for (let i = 0; i < lines.length; i++) {
    if (FRAMED.test(lines[i]!) && RESULT_LIST.test(inner(lines[i]!))) {
      out ??= [...lines];
      out[i] = unframed(lines[i]!);
    }
    const at = i;
    for (let j = i + 1; j < lines.length; j++) {
      const text = inner((out ?? lines)[at]!).trimEnd();
      const next = inner(lines[j]!);
      if (!RESULT_LIST.test(text) || /[;.]$/.test(text) || !CONTINUATION.test(next)) break;
      // Both framed, or neither: a box's row is not joined to a line outside it.
      if (FRAMED.test(lines[at]!) !== FRAMED.test(lines[j]!)) break;
      out ??= [...lines];
      const frame = FRAMED.exec(lines[at]!);
      // Only the wrapped result goes back: a sentence after its stop is a note of its own ("450.000). Esfregaço:
      // macrocitose, …"), left where it is printed.
      const rest = next.trim();
      const stop = /\.\s+(?=\p{Lu})/u.exec(rest);
      const carried = stop ? rest.slice(0, stop.index + 1) : rest;
      out[at] = `${frame ? `${frame[1]} ` : ''}${text} ${carried}`;
      out[j] = stop ? ' '.repeat(lines[j]!.indexOf(rest) + stop.index + 1) + unframed(lines[j]!).slice(lines[j]!.indexOf(rest) + stop.index + 1) : '';
      if (stop) break;
      i = j;
    }
  }
  return out ?? lines;
}
