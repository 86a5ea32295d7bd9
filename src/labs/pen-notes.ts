// A vision model transcribing a photo of a printed report someone wrote on sets each handwritten note apart
// from the print, in square brackets after a pen mark ("[✎ circulado]", "[✎ ao lado, escrito à mão: "↓ era
// 8,4 em jun"]", "[✎ na margem: "alvo < 55 ?"]"). The note is the reader's, not the lab's: its numbers are no
// result's (an earlier value the patient recalled, a goal the doctor pencilled) and no bound of the printed
// range, yet read with the row they take its place ("< 55" read as the goal, "8,4" as a second value and the
// row given up). So a pen note after a row's print is set aside (blanked, lengths kept, so the columns stay
// where they were); a note on a line of its own is left as printed, listed with the lines read as nothing.

// A handwritten note as the transcription marks it: a bracket opened by a pen or pencil mark.
const PEN_NOTE = /\[\s*[✎✏✐✍]\uFE0F?[^\]]*\]/gu;

/** The lines with each pen note after a row's print blanked; a line that is only a note, and any other text, as it is. */
export function withoutPenNotes(lines: string[]): string[] {
  return lines.map((l) => {
    if (!l.includes('[')) return l;
    const out = l.replace(PEN_NOTE, (n) => ' '.repeat(n.length));
    return out === l || out.trim() === '' ? l : out.trimEnd();
  });
}
