// A report may call its footnotes with superscript numbers, glued to a row's name ("Glicose⁴") or set
// after its result with a space ("Vitamina B12   189 ⁹   pg/mL   197 a 771"). A name keeps its mark and is
// still known; a mark between the result and its unit stands where the unit should and the row is lost.
// It is no part of the result: so a run of superscript digits standing alone right after a number is
// blanked before anything is read (lengths kept, the columns stay where they were). A power glued to its
// base ("x 10³", "mm³") stands alone nowhere and is left as printed.
const MARK_AFTER_NUMBER = /(?<=\d\s+)[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:,[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*(?=\s|$)/gu;

/** The lines with each note mark standing alone after a number blanked; a text with none as it is. */
export function withoutNoteMarks(printed: string[]): string[] {
  if (!printed.some((l) => /[⁰¹²³⁴⁵⁶⁷⁸⁹]/u.test(l))) return printed;
  return printed.map((l) => l.replace(MARK_AFTER_NUMBER, (m) => ' '.repeat(m.length)));
}
