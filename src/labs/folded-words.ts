// A photo of a report folded or crumpled across a finding: the OCR breaks the finding's last word at the fold and
// prints its tail at the start of the next line, before that line's own cells ("Resultado: Presenca de ovos de
// Ascaris lumbric" / "oides      V.R.: Negativo", h1597). The tail is put back on the word it ends, and blanked to
// its width on its own line, so that the finding reads whole and its line's reference stays where it was. Only a
// finding in words (a presence or an absence, a positive or negative word, what was or was not seen) ending in a
// lower-case letter with no stop, and a tail of lower-case letters alone at the start of the next line, before a
// column gap or the line's end: a name wrapped by a column keeps its space ("Colesterol" / "total   190 mg/dL" is
// no such line, a value follows it). Each line keeps its printed text for unparsed_lines.

// A finding said in words, ending mid-word: no digit after its lead, nothing closing it.
const FINDING_BROKEN =
  /(?:^|:\s*|\s{2,})(?:presen[cç]a|aus[eê]ncia|positiv[oa]|negativ[oa]|encontrad[oa]s?|observad[oa]s?|n[aã]o\s+foram)\b[^\d:;.()]*\p{Ll}{2}$/iu;
// The tail of the word, alone at the start of the line, before a column gap or the line's end.
const TAIL = /^(\p{Ll}{2,})(?=\s{3,}\S|\s*$)/u;

/** The lines with each finding's word broken at a fold put back whole; the lines as they are otherwise. */
export function foldedWordsJoined(raws: string[]): string[] {
  let out: string[] | undefined;
  for (let i = 1; i < raws.length; i++) {
    const above = (out ?? raws)[i - 1]!.trimEnd();
    const tail = TAIL.exec(raws[i]!);
    if (!tail || !FINDING_BROKEN.test(above)) continue;
    out ??= [...raws];
    out[i - 1] = above + tail[1]!;
    out[i] = ' '.repeat(tail[1]!.length) + raws[i]!.slice(tail[1]!.length);
  }
  return out ?? raws;
}
