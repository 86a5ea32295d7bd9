// A printed form filled in by ticking boxes (a public lab's urine form: "Aspecto: ☐ Límpido ☐ Ligeiramente
// turvo ☒ Turvo (VR: Límpido)", "Nitrito: ☐ Negativo ☒ Positivo"): the result is the option whose box is
// ticked, the others are what the form offers. Read as printed, the name takes the first option's words
// and the line is lost. So a line whose options each follow a box, one box ticked, is read with the
// ticked option alone in their place ("Aspecto: Turvo (VR: Límpido)"); the line keeps its printed text
// for unparsed_lines. No box ticked, or two, says no one result: the line stays as printed. So does a
// form's other ticked field ("Tipo de exame: ( ) Admissional (X) Periódico"): only an option that is a
// result word, or one under a label whose results are words ("Aspecto"), is a result.

import { qualitativeAtStart } from './reference.ts';
import { isWordField } from './word-results.ts';
import { matchesOf } from '../text/matches.ts';

// A box, empty or ticked, as a photo's transcription prints it ("☐", "☒", "[x]", "( )").
const BOX = /[☐☒☑□▢◻■▣✅]|\[\s*[xX✓✔]?\s*\]|\(\s*[xX✓✔]?\s*\)/gu;
/** A ticked box, as a pattern source. */
export const TICKED_BOX = String.raw`(?:[☒☑■▣✅]|\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\))`;
const TICKED = new RegExp(`^${TICKED_BOX}$`, 'u');
// What ends the last option: a bracketed reference, a table's bar, a column gap (a cell printed after the form's
// options, "( X ) Não reagente  (   ) Reagente   50,1", h1691's corpus property), the line's end.
const OPTIONS_END = /\(\s*\p{L}{2}|\||\s{3,}(?=\S)/u;

/** A line with its ticked option in place of its boxes and options; as it is unless it has two boxes or more, one ticked. */
function checkedOption(line: string): string {
  const boxes = matchesOf(BOX, line);
  if (boxes.length < 2) return line;
  const ticked = boxes.filter((b) => TICKED.test(b[0]));
  if (ticked.length !== 1) return line;
  const first = boxes[0]!.index ?? 0;
  const last = boxes[boxes.length - 1]!;
  const afterLast = (last.index ?? 0) + last[0].length;
  const lead = /^\s*/.exec(line.slice(afterLast))![0].length;
  const tail = line.slice(afterLast + lead);
  let end = afterLast + lead + (OPTIONS_END.exec(tail)?.index ?? tail.length);
  while (end > afterLast && /\s/.test(line[end - 1]!)) end--;
  const t = ticked[0]!;
  const from = (t.index ?? 0) + t[0].length;
  const next = boxes.find((b) => (b.index ?? 0) > (t.index ?? 0))?.index ?? end;
  const option = line.slice(from, Math.min(next, end)).trim();
  const label = line
    .slice(0, first)
    .replace(/^[\s\-*•|]+|[\s*:|]+$/g, '')
    .replace(/\*+/g, '');
  if (option === '' || (qualitativeAtStart(option)?.consumed !== option.length && !isWordField(label))) return line;
  return `${line.slice(0, first)}${option}${line.slice(end)}`;
}

/** The lines of a text with each form's ticked option read in place of its boxes; any other line as it is. */
export function checkedOptions(raws: string[]): string[] {
  let out: string[] | undefined;
  raws.forEach((raw, i) => {
    const read = checkedOption(raw);
    if (read === raw) return;
    out ??= [...raws];
    out[i] = read;
  });
  return out ?? raws;
}
