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
import { matchesOf } from '../text/matches.ts';

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
  const slanted = slantedRuns(lines);
  if (marked.length === 0 && slanted.length === 0) return undefined;
  const out = [...lines];
  for (const r of marked) for (const l of r) out[l.line] = out[l.line]!.trimEnd().slice(0, l.at).trimEnd();
  for (const r of slanted)
    for (const l of r) out[l.line] = `${out[l.line]!.slice(0, l.at)}${' '.repeat(l.length)}${out[l.line]!.slice(l.at + l.length)}`.trimEnd();
  return out;
}

// A steeper watermark ("2ª VIA - CÓPIA DO PACIENTE" on a Caxias do Sul lab's second copy, h1761) crosses the
// table: its letters land between a row's cells, a few columns further left on each line down, as the page's
// text runs under it:
//
//   Leucócitos                 6.900        /mm³         4.000 a 11.000 C
//   Plaquetas                  262.000      /mm³      A  150.000 a 450.000
//   TSH                        1,84     I   µUI/mL       0,40 a 4,30
//   T4 livre                   1,31  P      ng/dL        0,80 a 1,70
//   25-OH Vitamina D       -   17,2         ng/mL        Acima de 20: …
//
// Read as printed, a letter between the value and the unit, or a dash before the value, leaves the row unread. A
// run of lone marks (a capital, a digit with its ordinal, a dash, spaces on both sides) on lines one or two apart,
// each a few columns (six a line at most) from the one above and the run drifting one way a column a line or more,
// is the watermark's. A row's own lone capital ("Vitamina D", "Hepatite B") stands in its column, rows apart, and
// never drifts so; a range's "a" is no capital.
// A mark closing the line, or with a column gap on one side at least: a range's connector ("0 A 2", "98 - 107")
// and a list's bullet ("  - Basófilos") stand one space from their neighbours, and a flag one space after its
// value ("9,1 L       8,6 L") is a flag unless it closes the line.
const MARK = String.raw`(?:\p{Lu}|\d[ªº]|[-–])`;
const LONE_MARK = new RegExp(String.raw`(?<=^|\s)${MARK}(?=\s*$)|(?<=^|\s)(?<!\d\s)${MARK}(?=\s{2,})|(?<=\S\s{2,})${MARK}(?=\s)`, 'gu');
// How far a mark may stand from the straight line its run is drawn along.
const MAX_OFF_LINE = 3;
const MAX_SLANT = 6;

type Mark = { line: number; at: number; length: number };

/** The runs of lone marks a slanted watermark left across the lines' cells. */
function slantedRuns(lines: string[]): Mark[][] {
  const marks: Mark[][] = lines.map((l, line) => matchesOf(LONE_MARK, l).map((m) => ({ line, at: m.index!, length: m[0].length })));
  if (marks.reduce((n, m) => n + m.length, 0) < MIN_RUN) return [];
  const used = new Set<Mark>();
  const runs: Mark[][] = [];
  for (const start of marks.flat()) {
    if (used.has(start)) continue;
    const run = [start];
    for (;;) {
      const last = run[run.length - 1]!;
      const slope = run.length > 1 ? (last.at - run[0]!.at) / (last.line - run[0]!.line) : 0;
      const next = [1, 2]
        .flatMap((dl) => marks[last.line + dl] ?? [])
        .filter((m) => !used.has(m) && Math.abs(m.at - last.at) <= MAX_SLANT * (m.line - last.line))
        .sort((a, b) => a.line - b.line || Math.abs(a.at - (last.at + slope)) - Math.abs(b.at - (last.at + slope)))[0];
      if (!next) break;
      run.push(next);
    }
    if (run.length < MIN_RUN) continue;
    const first = run[0]!;
    const end = run[run.length - 1]!;
    const drift = end.at - first.at;
    // The run drifts one way, a column a line or more; a step back of a column or two is the page's text jostling it.
    const steps = run.slice(1).map((m, i) => m.at - run[i]!.at);
    const back = steps.filter((d) => Math.sign(d) !== Math.sign(drift));
    if (Math.abs(drift) < end.line - first.line || back.length * 4 > steps.length || back.some((d) => Math.abs(d) > 2)) continue;
    // Its marks are letters mostly, along one straight line (a least-squares fit of column on line).
    if (run.filter((m) => /\p{Lu}/u.test(lines[m.line]![m.at]!)).length < MIN_RUN) continue;
    const n = run.length;
    const ml = run.reduce((t, m) => t + m.line, 0) / n;
    const ma = run.reduce((t, m) => t + m.at, 0) / n;
    const slope = run.reduce((t, m) => t + (m.line - ml) * (m.at - ma), 0) / run.reduce((t, m) => t + (m.line - ml) ** 2, 0);
    if (run.some((m) => Math.abs(ma + slope * (m.line - ml) - m.at) > MAX_OFF_LINE)) continue;
    for (const m of run) used.add(m);
    runs.push(run);
  }
  return runs;
}
