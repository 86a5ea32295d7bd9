// An antibiogram printed as a table of measurements around the interpretation: a disk diffusion's disk load,
// halo in mm and breakpoints ("ANTIMICROBIANO   CARGA   HALO (mm)   PONTO DE CORTE S≥ / R<   INTERPRETAÇÃO"
// over "Cefepima   30 µg   25   27 / 24   I"), or an MIC with its breakpoints ("CIM (µg/mL)   PONTO DE CORTE
// S≤ / R>   INTERPRETAÇÃO"). The row's result is the interpretation, the word under its column; the halo, the
// MIC and the breakpoints are the bench's measurements, which no field holds: the row is read as the name
// and the word, and its line is still listed as printed for a person to read. A row with no word under the
// column (no breakpoint for that drug) is no result.
import { cellStarts } from './columns.ts';

const DRUG_HEAD = /^(?:antimicrobianos?|antibi[oó]ticos?|antimicrobiano\s*\/\s*\p{L}+|drogas?|f[aá]rmacos?)$/iu;
const INTERPRETATION_HEAD = /^(?:interpreta[cç][aã]o|categoria|classifica[cç][aã]o|sensibilidade|s\s*\/\s*i\s*\/\s*r|sir)$/iu;
// A measurement's column: the disk's load, the halo's or zone's diameter, an MIC, the breakpoints.
const MEASURE_HEAD =
  /^(?:carga(?:\s+do\s+disco)?|disco|conte[uú]do|pot[eê]ncia|halo|di[aâ]metro|zona|cim|mic|concentra[cç][aã]o\s+inibit[oó]ria(?:\s+m[ií]nima)?|pontos?\s+de\s+corte|breakpoints?|crit[eé]rios?)\b/iu;

export interface AntibiogramColumns {
  /** Where the interpretation's column starts. */
  interpretationAt: number;
}

// A word may start a little left of its head.
const SLACK = 4;

/** The interpretation column of such a header: the drugs' column, measurements' columns only, the interpretation's. */
export function antibiogramColumns(text: string, offset: number): AntibiogramColumns | undefined {
  const starts = cellStarts(text, offset);
  if (starts.length < 3 || !DRUG_HEAD.test(starts[0]!.cell)) return undefined;
  const i = starts.findIndex((c) => INTERPRETATION_HEAD.test(c.cell));
  if (i < 2 || !starts.slice(1, i).every((c) => MEASURE_HEAD.test(c.cell))) return undefined;
  return { interpretationAt: starts[i]!.at };
}

// The two-column header of a plain antibiogram ("Antimicrobiano   Interpretação"), no measurement between.
const RESULT_HEAD = /^(?:resultados?|perfil)$/iu;

/**
 * Whether the line is an antibiogram's header of the drugs' column and the interpretation's alone: it heads a
 * table of its own, whose words stand under its interpretation column, not under a column of a table above.
 */
export function isAntibiogramHeader(text: string, offset: number): boolean {
  const starts = cellStarts(text, offset);
  return starts.length === 2 && DRUG_HEAD.test(starts[0]!.cell) && (INTERPRETATION_HEAD.test(starts[1]!.cell) || RESULT_HEAD.test(starts[1]!.cell));
}

/**
 * A row under such a header as its name and the word under the interpretation's column, when `isWord` takes it
 * for one; undefined when the row has none there.
 */
export function antibiogramRow(text: string, offset: number, cols: AntibiogramColumns, isWord: (w: string) => boolean): string | undefined {
  const starts = cellStarts(text, offset);
  if (starts.length < 2 || /\d/.test(starts[0]!.cell) || !/\p{L}{3}/u.test(starts[0]!.cell)) return undefined;
  const under = starts.slice(1).filter((c) => c.at >= cols.interpretationAt - SLACK);
  if (under.length !== 1 || !isWord(under[0]!.cell)) return undefined;
  return `${starts[0]!.cell}   ${under[0]!.cell}`;
}
