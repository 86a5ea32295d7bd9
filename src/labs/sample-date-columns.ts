// A table delimited by bars (markdown's "|" or a system print's box rules "│") whose header names a column for
// the day each exam was done between the name and the one result column (h1680: an e-SUS APS PEC visit's
// results typed into a boxed table, "│ Exame (SIGTAP) │ Realizado em │ Resultado │", each row "│ … TSH │
// 26/05/2025 │ 1,9 │"). The day is no value: read as a cell, it stands where the result would and the row is
// lost. So each body row's date cell is blanked in place (the bars stay where they were, the row keeps its
// printed columns), the header's too. Only a table with one result column and no other date-like header is
// touched, and only while its rows hold a date or nothing in that cell; a table with a date and a result column
// per period is dated-result-columns.ts's.

import { spacedCells } from './columns.ts';

// "Solicitado em": the day the exam was asked for, printed by the same screens before the day it was done (h1952).
const DATE_HEAD =
  /^(?:datas?(?:\s+d[aeo]\s+(?:coleta|exame|realiza[cç][aã]o|resultado))?|dt\.?|realizad[oa]\s+em|coletad[oa]\s+em|solicitad[oa]\s+em|coleta)$/iu;
const RESULT_HEAD = /^resultados?$/iu;
const DATE_CELL = /^(?:\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{4}-\d{2}-\d{2})?$/u;
const BAR = /[|│┃║]/u;

/** The start and end (exclusive) of each cell between bars of a line, or undefined when it is no bar row. */
function cellSpans(raw: string): { from: number; to: number }[] | undefined {
  const t = raw.trimEnd();
  const first = t.search(/\S/u);
  if (first < 0 || !BAR.test(t[first]!)) return undefined;
  const bars: number[] = [];
  for (let i = first; i < t.length; i++) if (BAR.test(t[i]!)) bars.push(i);
  if (bars.length < 3) return undefined;
  const spans: { from: number; to: number }[] = [];
  for (let k = 0; k + 1 < bars.length; k++) spans.push({ from: bars[k]! + 1, to: bars[k + 1]! });
  // What a row prints past its last bar is no cell of the table.
  return spans;
}

const cellText = (raw: string, s: { from: number; to: number }) => raw.slice(s.from, s.to).trim();
const blank = (raw: string, s: { from: number; to: number }) => raw.slice(0, s.from) + ' '.repeat(s.to - s.from) + raw.slice(s.to);
// A box's rule line or a markdown rule under the header.
const RULE = /^[\s─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╞╡╪│┃║|:-]+$/u;

const DATE_TOKEN = /^(?:\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{4}-\d{2}-\d{2})$/u;

/**
 * The same table printed in columns aligned by spaces, no bars (h1862: an e-SUS APS PEC visit's printout, "Exame
 * Realizado em   Resultado" over "Glicemia   28/08/2024   176 mg/dL"). There the day standing before the result
 * makes the row read as a dated line, no result, and a result with no unit or in words is lost in silence. Each
 * row's date, alone in its cell where the header's date column starts, is blanked; the rows run to the first empty
 * line, a row with no date there (a note under a result, a cell's continuation) left as it is. The same screen
 * may print the day the exam was asked for too, a second date column right before the first (h1952: "Exame
 * Solicitado em  Realizado em  Resultado"): both are blanked, for the result's column follows them alike.
 *
 * A service's system prints the day after the reference instead, an earlier result after it (h1984: an HIV
 * service's patient report, "EXAME   RESULTADO   UNID.   VALOR DE REFERÊNCIA   COLETA   ANTERIOR" over "GLICOSE
 * 108 *   mg/dL   70 a 99   27/05/2025   96 (14/11/2024)"). Its columns drift with a long reference, so the day is
 * found as the one cell past the result's that is a date alone; the sections under that header are set apart by
 * empty lines and titles, so its rows run on to two empty lines running (a page's break) or the next header.
 */
function spacedDateColumnsBlanked(raws: string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    if (BAR.test(raw) || raw.trim() === '') continue;
    const head = spacedCells(raw);
    if (head.length < 3 || head.length > 6) continue;
    const dates = head.flatMap((c, k) => (DATE_HEAD.test(c.text) ? [k] : []));
    const results = head.flatMap((c, k) => (RESULT_HEAD.test(c.text) ? [k] : []));
    if (dates.length < 1 || dates[0]! <= 0 || results.length !== 1) continue;
    // One or two date columns side by side, the one result column right after them.
    const before = dates.length <= 2 && head.length <= 5 && dates.every((d, n) => d === results[0]! - dates.length + n);
    // The day after the result (and its unit and reference), at most an earlier result's column past it.
    const after = dates.length === 1 && results[0]! < dates[0]! && dates[0]! >= head.length - 2;
    if (!before && !after) continue;
    const resultFrom = head[results[0]!]!.from;
    const blanked: Array<[number, string]> = [];
    let k = i + 1;
    for (; k < raws.length; k++) {
      let row = raws[k]!;
      if (row.trim() === '') {
        if (before || raws[k + 1]?.trim() === '') break;
        continue;
      }
      if (RULE.test(row)) continue;
      const rowCells = spacedCells(row);
      // The next page's header starts its own run.
      if (after && rowCells.some((c) => DATE_HEAD.test(c.text)) && rowCells.some((c) => RESULT_HEAD.test(c.text))) break;
      // The date's cell starts where the header's does, give or take the two spaces a print may shift it; after the
      // result, the one date alone in a cell past a name and a result.
      const dated = after ? rowCells.filter((c, n) => n >= 2 && c.from > resultFrom && DATE_TOKEN.test(c.text)) : [];
      const cells = before
        ? dates.map((d) => {
            const from = head[d]!.from;
            const until = d + 1 < head.length ? head[d + 1]!.from : resultFrom;
            return rowCells.find((c) => c.from >= from - 2 && c.from < until && row.slice(Math.max(0, c.from - 2), c.from).trim() === '');
          })
        : dated.length === 1
          ? dated
          : [];
      let any = false;
      for (const cell of cells) {
        if (!cell || !DATE_TOKEN.test(cell.text)) continue;
        row = blank(row, cell);
        any = true;
      }
      if (any) blanked.push([k, row]);
    }
    if (blanked.length === 0) continue;
    out ??= [...raws];
    out[i] = dates.reduce((header, d) => blank(header, head[d]!), raw);
    for (const [r, text] of blanked) out[r] = text;
    i = k - 1;
  }
  return out ?? raws;
}

/** The lines with each such table's sample-date column blanked; any other line as it is. */
export function sampleDateColumnsBlanked(input: string[]): string[] {
  const raws = spacedDateColumnsBlanked(input);
  let out: string[] | undefined;
  for (let i = 0; i < raws.length; i++) {
    const head = cellSpans(raws[i]!);
    if (!head) continue;
    const cells = head.map((s) => cellText(raws[i]!, s));
    const dateAt = cells.findIndex((c) => DATE_HEAD.test(c));
    const results = cells.flatMap((c, k) => (RESULT_HEAD.test(c) ? [k] : []));
    if (dateAt <= 0 || results.length !== 1 || results[0]! < dateAt || cells.filter((c) => DATE_HEAD.test(c)).length !== 1) continue;
    const rows: number[] = [];
    let k = i + 1;
    for (; k < raws.length; k++) {
      if (RULE.test(raws[k]!) && raws[k]!.trim() !== '') continue;
      const spans = cellSpans(raws[k]!);
      if (!spans || spans.length !== head.length) break;
      if (!DATE_CELL.test(cellText(raws[k]!, spans[dateAt]!))) break;
      rows.push(k);
    }
    if (!rows.some((r) => cellText(raws[r]!, cellSpans(raws[r]!)![dateAt]!) !== '')) continue;
    out ??= [...raws];
    out[i] = blank(raws[i]!, head[dateAt]!);
    for (const r of rows) out[r] = blank(raws[r]!, cellSpans(raws[r]!)![dateAt]!);
    i = k - 1;
  }
  return out ?? raws;
}
