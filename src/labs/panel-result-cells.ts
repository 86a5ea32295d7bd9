// A bar-delimited row whose one filled cell after the exam's name holds the panel's results typed by hand, each
// named ("│ 02.02.02.038-0 HEMOGRAMA COMPLETO │ │ Hb 10,6 g/dL (VR ≥ 11) Ht 31,8% │", "│ GLICOSE - TOTG 75g │ │
// jejum 80 / 1 hora 142 / 2 horas 118 │", an e-SUS APS PEC visit's table of the results brought in, h1680). The
// exam cell is the panel's title (the procedure billed); read with it, the row's first value is taken as the
// panel's and the rest lost. The cell's own names head its results, as its continuation rows' do ("│ │ │ leuco
// 8.900 plaq 189.000 │"): so the title cell is blanked in place, and the cell is read as a typed line is. Only a
// row with two named values or more in that cell, no other filled cell beside the title, and a cell that is no
// reference ("Desejável 190 Limítrofe 200" lists bands, not results).

import { spacedCells } from './columns.ts';
import { isReferenceText } from './reference.ts';

const BAR = /[|│┃║]/u;
// A name (a word, maybe abbreviated with a dot) right before a number: one named value.
const NAMED_VALUE = /(?<![\p{L}\d])\p{L}[\p{L}.]{0,15}\s+[<>≤≥]?\d/gu;

/** The cells between the bars of a bar row, with where each starts and ends; undefined for any other line. */
function cellSpans(raw: string): { from: number; to: number; text: string }[] | undefined {
  const t = raw.trimEnd();
  const first = t.search(/\S/u);
  if (first < 0 || !BAR.test(t[first]!)) return undefined;
  const bars: number[] = [];
  for (let i = first; i < t.length; i++) if (BAR.test(t[i]!)) bars.push(i);
  const spans: { from: number; to: number; text: string }[] = [];
  for (let k = 0; k + 1 < bars.length; k++) spans.push({ from: bars[k]! + 1, to: bars[k + 1]!, text: t.slice(bars[k]! + 1, bars[k + 1]!).trim() });
  return spans;
}

/** Whether a cell holds the panel's results typed by hand: two named values or more, and no reference. */
function typedResultsCell(cell: string): boolean {
  return /^\p{L}[\p{L}.]{0,15}\s+[<>≤≥]?\d/u.test(cell) && (cell.match(NAMED_VALUE) ?? []).length >= 2 && !isReferenceText(cell, { strictLabels: true });
}

const EXAM_HEAD = /^(?:exames?|procedimentos?|analitos?|par[aâ]metros?)$/iu;
const RESULT_HEAD = /^resultados?$/iu;

/**
 * The same row in a table aligned by spaces, no bars (h1862: an e-SUS APS PEC visit's printout, "Exame   Realizado
 * em   Resultado" over "Hemograma completo   28/08/2024   Hb 14,2 g/dL; Ht 42,5 %;", its date blanked before). Only
 * under a header naming the exam's and the result's columns, up to the first empty line, and only a row of two
 * cells whose second starts where the result column does.
 */
function spacedPanelTitlesBlanked(raws: string[]): string[] {
  let out: string[] | undefined;
  let resultFrom: number | undefined;
  raws.forEach((raw, i) => {
    if (raw.trim() === '' || BAR.test(raw)) {
      resultFrom = undefined;
      return;
    }
    const cells = spacedCells(raw);
    const result = cells.findIndex((c) => RESULT_HEAD.test(c.text));
    if (cells.length >= 2 && EXAM_HEAD.test(cells[0]!.text) && result > 0) {
      resultFrom = cells[result]!.from;
      return;
    }
    if (resultFrom === undefined || cells.length !== 2 || !/\p{L}{3}/u.test(cells[0]!.text)) return;
    if (Math.abs(cells[1]!.from - resultFrom) > 2 || !typedResultsCell(cells[1]!.text)) return;
    out ??= [...raws];
    out[i] = ' '.repeat(cells[0]!.to) + raw.slice(cells[0]!.to);
  });
  return out ?? raws;
}

/** The lines with each such row's title cell blanked; any other line as it is. */
export function panelTitleCellsBlanked(input: string[]): string[] {
  const raws = spacedPanelTitlesBlanked(input);
  let out: string[] | undefined;
  raws.forEach((raw, i) => {
    const spans = cellSpans(raw);
    if (!spans || spans.length < 2) return;
    const filled = spans.filter((s) => s.text !== '');
    if (filled.length !== 2 || filled[0] !== spans[0] || !/\p{L}{3}/u.test(filled[0]!.text)) return;
    if (!typedResultsCell(filled[1]!.text)) return;
    out ??= [...raws];
    const title = spans[0]!;
    out[i] = raw.slice(0, title.from) + ' '.repeat(title.to - title.from) + raw.slice(title.to);
  });
  return out ?? raws;
}
