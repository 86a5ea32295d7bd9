// A ward's sheet writes, on a result's row between its value and the reference printed at the right, what
// the nurse or doctor noted about it:
//
//   Creatinina ...... 1,92 mg/dL  ↑  (ontem 2,30)                     0,70 – 1,30
//   Lactato art. .... 2,6 mmol/L  ↑  (22h: 3,9)                       0,5 – 2,0
//   K ............... 3,3 mEq/L  ↓  → KCl 19,1 % 20 mL EV em 2h (06h15)   3,5 – 5,1
//   Leucócitos ...... 17.900 /mm³  ↑   (bastões 9 %)                 4.000 – 11.000
//
// An earlier value in parentheses (yesterday's, or an earlier hour's) and an order after an arrow are no
// results: read as printed, their numbers stand between the value and its reference, and the reference is
// lost or read as a row of its own. So before anything is read such a cell is blanked (its columns kept,
// for the line's accounting), and a white cell of the differential noted the same way ("(bastões 9 %)") is
// put after the row's reference as a result of its own, with no reference ("; Bastões 9 %").

import { isWhiteCellName } from './analytes.ts';
import { cellStarts } from './columns.ts';

const NUMBER = String.raw`[<>]?\s?[-−]?\d[\d.,]*`;
/** An earlier value: "(ontem 2,30)", "(22h: 3,9)", "(anterior: 5,1)", "(06h00 4,2)", "(12/05: 1,1)". */
const EARLIER_ASIDE = new RegExp(
  String.raw`^\(\s*(?:ontem|anteontem|anterior|pr[eé]vio|ant\.|\d{1,2}\s?h(?:\d{2})?|\d{1,2}:\d{2}|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)\s*:?\s*${NUMBER}(?:\s*[^\s\d()]+)?\s*\)$`,
  'iu',
);
/** An order written after an arrow: "→ KCl 19,1 % 20 mL EV em 2h". */
const ORDER_ASIDE = /^(?:→|->|=>)\s*\p{L}/u;
/** A white cell's share noted in parentheses: "(bastões 9 %)". */
const WHITE_CELL_ASIDE = new RegExp(String.raw`^\(\s*(\p{L}[\p{L}\s]*?)\s*:?\s*(${NUMBER})\s*%\s*\)$`, 'iu');
/** A cell holding a reference: two numbers, or a number after a bound. */
const REFERENCE = /\d[\d.,]*\s*(?:[-–—]|a|at[eé])\s*\d|^(?:[<>≤≥]=?|at[eé]|inferior|superior|maior|menor)\s*.*\d/iu;
/** The start of a result: a value after the name (a dot leader, a colon or a column). */
const VALUE = /^[<>]?\s?[-−]?\d/u;

/** The lines of a text with asides between a result and its reference set apart; any other text as it is. */
export function resultAsidesSetApart(reads: string[]): string[] {
  let out: string[] | undefined;
  reads.forEach((line, i) => {
    const cells = cellStarts(line, 0);
    if (cells.length < 3) return;
    const last = cells.at(-1)!;
    if (!REFERENCE.test(last.cell)) return;
    // The aside sits after the result's value and before the reference.
    const valueAt = cells.findIndex((c) => /\d/.test(c.cell) && VALUE.test(c.cell.replace(/^.*?(?:\.{2,}|:)\s*/u, '')));
    if (valueAt < 0) return;
    let text = line;
    let tail = '';
    for (let k = Math.max(valueAt, 1); k < cells.length - 1; k++) {
      const c = cells[k]!;
      // A cell may hold the flag before the aside ("↑  (ontem 2,30)" is two cells, "↑ (ontem 2,30)" one).
      const m = /^((?:[↑↓▲▼]|[HLAB*])\s+)?(.*)$/u.exec(c.cell)!;
      const aside = m[2]!;
      const from = c.at + (m[1]?.length ?? 0);
      const white = WHITE_CELL_ASIDE.exec(aside);
      if (white && isWhiteCellName(white[1]!)) tail += `; ${white[1]!.charAt(0).toUpperCase()}${white[1]!.slice(1)} ${white[2]} %`;
      else if (!EARLIER_ASIDE.test(aside) && !ORDER_ASIDE.test(aside)) continue;
      text = text.slice(0, from) + ' '.repeat(aside.length) + text.slice(from + aside.length);
    }
    if (text === line) return;
    out ??= [...reads];
    out[i] = text.trimEnd() + tail;
  });
  return out ?? reads;
}

// A typed remark after a result, behind a dash, recalling the value of the exam before ("hemoglobina 11,1 (normal 12
// a 15,5) – na última era 10,4 então melhorou!!", a relative's note): an earlier exam's value, no result of this one
// nor part of its reference. Cut off: the line is read as typed before it, up to a column gap, a '|' or a ';'.
const EARLIER_REMARK =
  /(?<=\S)\s+[-–—]\s+(?:(?:n[oa]|d[oa])\s+)?(?:[uú]ltim[oa]|anterior|passad[oa]|antes)(?![\p{L}])[^\d]*?(?<![\p{L}])(?:era|foi|deu|tava|estava|veio|tinha\s+dado)\s+[<>]?\d[\d.,]*(?![\d])(?:(?!\s{3})[^|;])*/iu;

/** The lines of a text with a remark recalling an earlier value blanked; any other line as it is. */
export function earlierRemarksSetApart(reads: string[]): string[] {
  let out: string[] | undefined;
  reads.forEach((line, i) => {
    const m = EARLIER_REMARK.exec(line);
    if (!m) return;
    out ??= [...reads];
    // What the line prints after the remark, past a column gap or a ';' ("…então melhorou!!   Ureia 48,9 mg/dL"), is
    // kept in its place, to be read or listed (h1601).
    const rest = line.slice(m.index + m[0].length);
    out[i] = rest.trim() === '' ? line.slice(0, m.index).trimEnd() : line.slice(0, m.index) + ' '.repeat(m[0].length) + rest;
  });
  return out ?? reads;
}
