// A report may call its footnotes with superscript numbers, glued to a row's name ("Glicose⁴") or set
// after its result with a space ("Vitamina B12   189 ⁹   pg/mL   197 a 771"). A name keeps its mark and is
// still known; a mark between the result and its unit stands where the unit should and the row is lost.
// It is no part of the result: so a run of superscript digits standing alone right after a number is
// blanked before anything is read (lengths kept, the columns stay where they were). A power glued to its
// base ("x 10³", "mm³") stands alone nowhere and is left as printed.
const MARK_AFTER_NUMBER = /(?<=\d\s+)[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:,[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*(?=\s|$)/gu;

/** The lines with each note mark standing alone after a number blanked; a text with none as it is. */
export function withoutNoteMarks(printed: string[]): string[] {
  const marked = printed.some((l) => /[⁰¹²³⁴⁵⁶⁷⁸⁹]/u.test(l)) ? printed.map((l) => l.replace(MARK_AFTER_NUMBER, (m) => ' '.repeat(m.length))) : printed;
  return withoutStarCalls(marked);
}

// A table's row may call a footnote with stars in brackets at its end, after its reference cell ("Potássio
// 5,9   mmol/L   3,5 a 6,0  (*)"), the note printed under the table led by the same call ("(*) Amostra
// hemolisada …"). The call is no part of the reference, whose cell it makes unreadable: it is blanked on a
// row (a line with a number before it) when a line of the text opens with it, so a lone "(*)" the report
// never explains is left as printed.
const STAR_CALL_AT_END = /(?<=\S\s+)\((\*{1,3})\)\s*$/u;
const STAR_NOTE = /^\s*\((\*{1,3})\)\s+\p{L}/u;

function withoutStarCalls(printed: string[]): string[] {
  const notes = new Set(printed.map((l) => STAR_NOTE.exec(l)?.[1]).filter((m) => m !== undefined));
  if (notes.size === 0) return printed;
  let out: string[] | undefined;
  printed.forEach((l, i) => {
    const m = STAR_CALL_AT_END.exec(l);
    if (!m || !notes.has(m[1]!) || STAR_NOTE.test(l) || !/\d/.test(l.slice(0, m.index))) return;
    out ??= [...printed];
    out[i] = l.slice(0, m.index) + ' '.repeat(l.length - m.index);
  });
  return out ?? printed;
}
