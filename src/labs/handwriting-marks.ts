// A vision model transcribing a printed form the lab filled in by pen (a SUS request that comes back with the
// results written on it, h1711) sets the handwritten parts apart from the print with angle brackets, and says so
// ("as partes manuscritas estão entre ⟨ ⟩"): "Glicemia de jejum   ⟨118⟩ mg/dL   70 a 99 mg/dL", "VDRL   ⟨Não
// reagente⟩   Não reagente". The marks are the transcriber's, not the lab's: the value is what they hold, yet read
// with them "⟨118⟩" is no number and "⟨Não" no word result, and the row is lost. So each pair of marks on a line is
// taken out and what they hold is read as printed; a mark without its pair is left. A mark is dropped, not
// blanked, where a space or the line's end already parts it from the print ("CRM: ⟨CE 19.452⟩" is "CRM: CE
// 19.452", a label's one space kept for the lines the accounting knows), a space only where the print touches it;
// a column moves two places at most, within the slack any column is read with. Each line keeps its printed text
// for unparsed_lines. (A pen note in square brackets after a
// row's print, "[✎ …]", is a reader's, not the lab's: pen-notes.ts.)

// A pair of angle brackets around a handwritten part: mathematical (⟨ ⟩) or CJK (〈 〉) ones, no pair inside.
const MARKED = /([⟨〈])([^⟨⟩〈〉\n]*)([⟩〉])/gu;
const PAIRS: Record<string, string> = { '⟨': '⟩', '〈': '〉' };

/** The lines with each pair of handwriting marks blanked, what they hold kept in place; any other line as it is. */
export function handwritingMarksBlanked(lines: string[]): string[] {
  let out: string[] | undefined;
  lines.forEach((l, i) => {
    if (!/[⟨〈]/u.test(l)) return;
    const read = l.replace(MARKED, (m, open: string, inside: string, close: string, at: number) => {
      if (PAIRS[open] !== close) return m;
      const before = at === 0 || /\s/u.test(l[at - 1]!) ? '' : ' ';
      const next = l[at + m.length];
      const after = next === undefined || /[\s.,;:)]/u.test(next) ? '' : ' ';
      return `${before}${inside}${after}`;
    });
    if (read === l) return;
    out ??= [...lines];
    out[i] = read;
  });
  return out ?? lines;
}
