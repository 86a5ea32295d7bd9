// A therapeutic drug monitoring sheet prints, between the drug and its level, how the drug is given and when
// the sample was drawn ("FÁRMACO   ESQUEMA   ÚLT. DOSE   COLETA   T PÓS-DOSE   RESULTADO   FAIXA TERAPÊUTICA"
// over "Fenobarbital   100 mg IV 12/12h   08:00   13:40   5,7 h   42,7 µg/mL   15 a 40"). The dose, the clock
// times and the hours since the dose are the prescription's and the timing's, not results: read, the first
// of them would be taken for the level. Under such a header the cells under those columns are cut from each
// row; the name before them and the result, reference and any cell after them stay.
import { cellStarts } from './columns.ts';

// A column of the dosing or of the sample's timing: the regimen, the dose, the last dose's time, the
// collection's time, the time since the dose, the dosing interval.
const DOSING_HEAD =
  /^(?:esquema(?:\s+posol[oó]gico)?|posologia|dose(?:\s+(?:atual|prescrita|di[aá]ria))?|[uú]lt(?:\.|ima)?\s*dose|hor[aá]rio\s+d[ae]\s+(?:dose|coleta)|coleta|hora\s+d[ae]\s+coleta|(?:t|tempo)\.?\s*p[oó]s[- ]?dose|intervalo(?:\s+de\s+dose)?|via)$/iu;
const RESULT_HEAD = /^(?:resultado|n[ií]vel(?:\s+s[eé]rico)?|concentra[cç][aã]o|dosagem)$/iu;

export interface DosingColumns {
  /** Where the first dosing column starts, and where the result's column starts. */
  from: number;
  to: number;
}

// The sample point a level is drawn at, named in the row's name ("Amicacina (vale)", "Gentamicina - pico").
const SAMPLE_POINT = /\b(vale|pico|trough|peak)\b\)?\s*$/iu;

// A cell may start a little left of its head.
const SLACK = 3;

/** The dosing columns of a header: two or more such heads between the names' column and the result's. */
export function dosingColumns(text: string, offset: number): DosingColumns | undefined {
  const starts = cellStarts(text, offset);
  const result = starts.findIndex((c) => RESULT_HEAD.test(c.cell));
  if (result < 3) return undefined;
  const between = starts.slice(1, result);
  if (!between.every((c) => DOSING_HEAD.test(c.cell))) return undefined;
  return { from: between[0]!.at, to: starts[result]!.at };
}

/** A row under such a header without its cells under the dosing columns; the text as printed when it has none. */
export function withoutDosingColumns(text: string, offset: number, cols: DosingColumns): string {
  const starts = cellStarts(text, offset);
  const kept = starts.filter((c, i) => i === 0 || c.at < cols.from - SLACK || c.at >= cols.to - SLACK);
  // A row whose name runs into the first dosing column keeps it: only a row that has a cell at the result's
  // column is cut.
  if (kept.length === starts.length || kept.length < 2 || !kept.slice(1).some((c) => c.at >= cols.to - SLACK)) return text;
  // Blanked to their length, so the cells after them keep their columns (the toxic level's, cut by column).
  let out = text;
  for (const c of starts) {
    if (kept.includes(c)) continue;
    const i = c.at - offset;
    out = out.slice(0, i) + ' '.repeat(c.cell.length) + out.slice(i + c.cell.length);
  }
  // A range led by the sample point its row's name already names ("Vancomicina (vale)" … "vale 15 a 20",
  // "pico 56 a 64") is that row's range: the word is the name's, not a tier's label no other row matches.
  const point = SAMPLE_POINT.exec(starts[0]!.cell)?.[1];
  if (point) {
    for (const c of starts.slice(1)) {
      if (c.at < cols.to - SLACK) continue;
      const lead = new RegExp(String.raw`^${point}\s+(?=[<>≤≥\d])`, 'iu').exec(c.cell);
      if (lead) {
        const i = c.at - offset;
        out = out.slice(0, i) + ' '.repeat(lead[0].length) + out.slice(i + lead[0].length);
      }
    }
  }
  return out;
}
