// A public health post's request form comes back from the lab with the results written on it (a SUS primary care
// request, h1711): the form prints its catalogue of exams, each after a box the doctor ticks, and a field the lab
// fills in ("(X) Glicemia de jejum   ⟨118⟩ mg/dL   70 a 99 mg/dL", "( ) Sódio   ________   135 a 145 mEq/L").
// The box is the request's mark, no part of the exam's name ("(X) Glicemia de jejum" is no name the catalogue
// knows). An exam left unticked whose result field is still the form's blank line was not asked for nor done: what
// its line prints is the catalogue's, its reference no result ("( ) TGO (AST)   ________   até 40 U/L" read as 40
// U/L, "( ) HBsAg   ________   Não reagente" as a word result). So on such a form — three lines or more opening on
// a box, one ticked at least — the box opening a line is blanked (lengths kept, the columns stay), and a line whose
// box is empty and whose field is a blank line is emptied: no row, nothing to list. A line with two boxes or more
// is a field's options (checkboxes.ts); an unticked line with something written in its field is read as printed.
import { matchesOf } from '../text/matches.ts';
import { isReferenceText } from './reference.ts';

// A box, empty or ticked, as a transcription prints it. A filled square alone ("■ Verde ..... 70 a 99 mg/dL", a
// colour legend's swatch, h1483) is a bullet, no box: a form's boxes are drawn empty or crossed.
const BOX = /[☐☒☑]|\[\s*[xX✓✔]?\s*\]|\(\s*[xX✓✔]?\s*\)/gu;
// A box opening the line, before a name.
const LEADING_BOX = /^(\s*)([☐☒☑]|\[\s*[xX✓✔]?\s*\]|\(\s*[xX✓✔]?\s*\))(?=\s+\p{L})/u;
const TICKED = /[xX✓✔☒☑]/u;
// The form's blank for a field left unfilled: a run of underscores; or a run of dots set apart from the name with
// nothing after it but the catalogue's range — a dot leader before a value or a word is a field filled in
// (" [ ] Ciclosporina (C0) ........   49,9", h1435's corpus property).
const BLANK_UNDERSCORES = /_{4,}/u;
const DOT_RUN = /(?:^|\s)\.{6,}\s*(.*)$/u;
const isBlankField = (line: string): boolean => {
  if (BLANK_UNDERSCORES.test(line)) return true;
  const rest = DOT_RUN.exec(line)?.[1]?.trim();
  return rest !== undefined && (rest === '' || (/\d/.test(rest) && isReferenceText(rest)));
};

/** The lines of a request form with the box opening each line blanked and each unticked exam's blank line emptied; any other text as it is. */
export function requestBoxesRead(lines: string[]): string[] {
  const led = lines.map((l) => (matchesOf(BOX, l).length === 1 ? LEADING_BOX.exec(l) : null));
  const boxes = led.filter((m) => m !== null);
  if (boxes.length < 3 || !boxes.some((m) => TICKED.test(m[2]!))) return lines;
  return lines.map((l, i) => {
    const m = led[i];
    if (!m) return l;
    // What a line runs on with past a ' ; ', or prints in a cell past the catalogue's reference cell, is no part of
    // the catalogue's row ("( ) TGP   ________   até 41 U/L ; Sódio 132,1", "… 0,8 a 1,9 ng/dL   49,7", the corpus
    // properties on h1711): it is kept, in its columns, for the reader to read or list.
    if (!TICKED.test(m[2]!) && isBlankField(l)) {
      const runOn = l.search(/\s;\s/);
      const blank = /_{4,}\s*/u.exec(l);
      const pastReference = blank === null ? -1 : (/\s{2,}(?=\S)/.exec(l.slice(blank.index + blank[0].length))?.index ?? -1);
      const keep = runOn >= 0 ? runOn : pastReference >= 0 ? blank!.index + blank![0].length + pastReference : -1;
      return keep < 0 ? '' : `${' '.repeat(keep)}${l.slice(keep)}`;
    }
    return `${m[1]}${' '.repeat(m[2]!.length)}${l.slice(m[0].length)}`;
  });
}
