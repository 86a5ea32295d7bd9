// A diagonal watermark across a PDF page ("2ª VIA NÃO VÁLIDA P/ FINS LEGAIS", "CÓPIA" on a second copy a
// Teresina lab issues) is copied with the text one letter a line: each letter lands at the end of a line,
// after the reference or the patient's data, or alone on a line, a column further left (or right) on each
// line down, as the slant goes:
//
//   Hemácias                   4,38           10^6/µL      3,90 a 5,00           V
//   Hemoglobina                12,9           g/dL         12,0 a 15,5          Á
//   Hematócrito                38,6           %            35,0 a 45,0         L
//
// Such a letter is no part of the reference it follows ("0 a 200 F"), nor a section title's result
// ("BIOQUÍMICA   S"). A run of lone characters closing lines (set apart by a column gap, or alone), each
// near the column of the one a line or two above and most one column off it, is the watermark's: it is
// blanked before the report is read. A lab's flag column ("H", "L", "*") stands in one column, rows apart,
// and never steps so.

// A single letter, digit or ordinal mark closing a line, after a column gap or alone on it.
const LONE_LAST = /(?:^|\s{2})\s*([\p{L}\d\u00aa\u00ba])$/u;

// The fewest letters a watermark's run holds, and how far a letter may stand from the one before it when a
// line (a word's gap) or a wide cell sits between them.
const MIN_RUN = 5;
const MAX_SHIFT = 10;

type Lone = { line: number; at: number };

/** The lines with a diagonal watermark's letters blanked, or undefined when the text has none. */
export function withoutDiagonalWatermark(lines: string[]): string[] | undefined {
  const lone: Lone[] = [];
  lines.forEach((text, line) => {
    const t = text.trimEnd();
    const m = LONE_LAST.exec(t);
    if (m) lone.push({ line, at: t.length - 1 });
  });
  if (lone.length < MIN_RUN) return undefined;
  const runs: Lone[][] = [];
  let run: Lone[] = [];
  for (const l of lone) {
    const last = run[run.length - 1];
    if (last && l.line - last.line <= 2 && Math.abs(l.at - last.at) <= MAX_SHIFT) run.push(l);
    else {
      runs.push(run);
      run = [l];
    }
  }
  runs.push(run);
  const marked = runs.filter((r) => {
    if (r.length < MIN_RUN) return false;
    // Most letters on the next line down stand one column off the one above, all the same way.
    const steps = r.slice(1).map((l, i) => (l.line - r[i]!.line === 1 ? l.at - r[i]!.at : undefined));
    const left = steps.filter((s) => s === -1).length;
    const right = steps.filter((s) => s === 1).length;
    return Math.max(left, right) * 2 >= r.length - 1 && Math.min(left, right) * 4 <= Math.max(left, right);
  });
  if (marked.length === 0) return undefined;
  const out = [...lines];
  for (const r of marked) for (const l of r) out[l.line] = out[l.line]!.trimEnd().slice(0, l.at).trimEnd();
  return out;
}
