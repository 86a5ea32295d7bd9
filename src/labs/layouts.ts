// Layout detectors: the few line shapes that change how the lines after them, or the line itself,
// are read.
//   table header    "EXAME  RESULTADO  UNIDADE  VALOR DE REFERÊNCIA", "| Exame | Resultado | … |",
//                   "PERFIL LIPÍDICO (mg/dL)  Resultado  Referência" (a unit for the rows below),
//                   "ERITROGRAMA  RESULTADO  REFERÊNCIA HOMEM / MULHER" (the sex of each range column);
//   labelled line   "Exame: CREATININA - Resultado: 1,3 mg/dL - VR: 0,7 a 1,2 mg/dL";
//   several results "Sódio 138 mEq/L (136-145); Potássio 4,1 mEq/L (3,5-5,1)",
//                   "Bilirrubina total 1,4 mg/dL (até 1,2) - Bilirrubina direta 0,3 mg/dL (até 0,3)".
import { foldSameLength, isWhiteCellName, isWhiteCellShorthand, lookupName } from './analytes.ts';
import {
  CURRENT_DATE_WORD,
  DATE_CELL,
  FULL_DATE_CELL,
  cellStarts,
  dateKey,
  isNumberedPreviousCell,
  isPreviousHeaderCell,
  labelColumns,
  withoutNumberedPreviousCells,
  withDatesOver,
  previousColumnOf,
  valueColumnsOf,
  type History,
  type LimitCell,
  type RemarkCell,
  type PreviousCell,
  type ValueColumn,
} from './columns.ts';
import { RESULT_CELL_DATE, cells, isAdminLine, isBlockDetail } from './lines.ts';
import { NUMBER, numbersIn } from './numbers.ts';
import {
  TITRE_WORD,
  isAgeBandCell,
  isReferenceLabel,
  isReferenceText,
  qualitativeAtStart,
  qualitativeReference,
  stripReferenceLead,
  type Sex,
} from './reference.ts';
import { UNIT_PATTERN, normalizeUnit, unitAtStart } from './units.ts';
import { isMarkerCell, readValue } from './value.ts';
import { FINDING_SENTENCE, findingThenReferenceCell } from './word-results.ts';
import { matchesOf } from '../text/matches.ts';

export interface TableHeader {
  /** A unit printed in the header, for rows that print none. */
  unit: string | null;
  /** Sex of each reference column, in order ("HOMEM / MULHER"). */
  sexes: Sex[];
  /**
   * Value columns that carry their own unit ("LEUCOGRAMA   %   /mm³   Ref. %   Ref. /mm³",
   * "Relativo (%)   Absoluto (/mm³)"), in order, with the column where each header cell starts.
   */
  valueColumns: ValueColumn[];
  /** Column where a previous-result column starts ("Anterior (12/2024)"), if the header has one. */
  previousAt: number | undefined;
  /**
   * How many earlier-value cells a row prints after its current values, when a line of units places as
   * many under the previous-result cell as under the result ("%   /mm³   %   /mm³   %   /mm³").
   */
  previousCells?: number;
  /** The same column by its cell's number, for a bar table ("| … | Anterior (06/2023) |"). */
  previousCell?: PreviousCell;
  /** How many cells a bar table's header prints between its bars ("| Parâmetro | Resultado | Unidade | Referência |"). */
  barCells?: number;
  /** A bar table's exposure-limit column ("| Valor de referência | IBMP |"), moved into the reference. */
  limitCell?: LimitCell;
  /** A bar table's column of the care team's remarks ("| Conduta da equipe |"), cut off its rows. */
  remarkCell?: RemarkCell;
  /** Several previous-result columns, one per earlier date (a history report). */
  history?: History;
  /** A block title printed as the header's first cell ("URINA TIPO 1   RESULTADO   REFERÊNCIA"). */
  title?: string;
  /** Columns of ranges named by a label ("Desejável   Limítrofe   Alto", "MASCULINO   FEMININO"). */
  rangeColumns: Array<{ label: string; at: number }>;
  /** Where each header cell starts: a second header line of dates ends each earlier column at the next one. */
  starts?: number[];
  /** Where the current result's column ("Resultado") starts, if the header names it. */
  resultAt?: number;
  /**
   * Where the exam column starts when a column of words comes before it ("DOENÇA TRIADA   EXAME /
   * RESULTADO   VALOR DE REFERÊNCIA"): that column's cells are no part of a row's name.
   */
  leadAt?: number;
  /** The column before the exam column holds one code per row ("Código": an allergen's "d1", "f24"), an identifier. */
  leadIsCode?: boolean;
  /**
   * A column after the result that grades it ("Classe" of a specific IgE, "Escore"): a number of the
   * lab's scale, neither the value nor its range. From where its header cell starts to the next one.
   */
  gradeColumn?: { from: number; to: number; beforeReading?: boolean };
  /** Where the reference column starts ("VALOR DE REFERÊNCIA"), if the header names one. */
  referenceAt?: number;
  /**
   * Where a hospital system's release column starts ("LIBERADO", "HORA"), the header's last cell after
   * the result: each row ends with the clock time (or date and time) its result was released, no value.
   */
  releaseAt?: number;
  /**
   * A method column between the exam and the result ("EXAME   METODOLOGIA   RESULTADO"): each row's
   * cell under it names the assay ("ELISA", "Quimioluminescência"), no part of the name nor a result.
   * From where its header cell starts to the next one.
   */
  methodColumn?: { from: number; to: number };
  /**
   * Where the header's last cell names the lab section each row belongs to ("Exame   Resultado   Referência
   * (mulher adulta)   Setor"): each row ends with a word cell under it ("Bioquímica", "Hematologia"), no part
   * of the reference.
   */
  sectorAt?: number;
  /**
   * Where the header's last cell names the lab's critical values ("Referência (mulheres)   Valor crítico", a
   * Juiz de Fora network's table): the bounds past which the lab phones the result in ("< 7,0", "< 1.500 ou >
   * 30.000"), printed on some rows after the reference, no part of it.
   */
  criticalAt?: number;
  /**
   * Where the header's last cell names the state of each exam in the order ("Item Exame   Resultado   …
   * Valor de referência   Situação", a SUS municipal system's, h1525): each row ends with "LIBERADO",
   * "PENDENTE" or "RECOLETA", no part of the reference.
   */
  statusAt?: number;
  /**
   * A drug panel's cut-off column ("RESULTADO   REFERÊNCIA   CUT-OFF", "Resultado   Cut-off   Referência", h1978):
   * each row prints there the concentration from which the screen calls the sample positive ("0,2 pg/mg", "1.000
   * ng/mL"), neither the row's result (the word before it) nor its reference (the word it is read against). From
   * where its header cell starts to the next one.
   */
  cutoffColumn?: { from: number; to: number };
}

// A daily bulletin heads today's result and the day before's by day ("HOJE   D-1"). An oncology sheet heads
// its exam column by what the rows are, tumour markers ("Marcador   Ref.   30/05/2025   14/03/2025").
// A dialysis panel's reference column holds the treatment goals too ("REFERÊNCIA / META (DRC 5D)"). A neonatal
// screening heads its references "Ponto de corte" ("Valor de corte", its markers "Marcador / Método", h1694) and the
// lab's reading of each row "Interpretação".
// A care programme's dashboard names its rows' column "INDICADOR", its result "SEU RESULTADO", its goal column
// "META DO PROGRAMA" and the earlier sample's "ANTES (11/2024)" (h1631).
// A dialysis unit's serology table dates its result column and names the earlier one "ÚLTIMO ANTERIOR" ("RESULTADO
// MAI/25   REFERÊNCIA   ÚLTIMO ANTERIOR (NOV/24)", h1922).
const HEADER_CELL =
  /^(exames?(?:\s*\/\s*resultados?)?|analitos?|parametros?|indicador(?:es)?|marcador(?:es)?(?:\s+tumora(?:l|is))?(?:\s*\/\s*(?:m[eé]todos?|metodologia))?|(?:seus?\s+)?resultados?(?:\s+(?:\d{1,2}\/)?(?:\d{1,2}|jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|dez)\/\d{2,4})?|metas?\s+do\s+programa|antes|(?:resultados?|res(?:ult)?\.) anterior(?:es)?|(?:ultim[oa]s?\s+)?anterior(?:es)?|ant\.(?:\s*\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?:\s+\d{1,2}(?::\d{2}|h\d{0,2}))?)?|hist[oó]rico|hoje|ontem|d\s?-\s?[1-9]|valor(?:es)? encontrados?|unid\.?|unidades?|valor(?:es)? (?:de )?(?:refer[eê]ncia|ref\.)(?:\s*\/\s*metas?)?|valor(?:es)? referenciais|refer[eê]ncias?(?:\s*\/\s*metas?)?|ref\.|intervalo de refer[eê]ncia|v\.?\s?r\.?|m[eé]todo|metodologia|(?:pontos?|valor(?:es)?) de corte|cut[\s-]?off|interpreta[cç][aã]o)(?:\s*\(.*\))?(?:\s+(?:homem|homens|mulher|mulheres|masculino|feminino)(?:\s*\/\s*(?:homem|homens|mulher|mulheres|masculino|feminino))?)?:?$/i;

/**
 * Where a table header printed one cell a line ends (PDF text: "Exame" / "Metodologia" / "Resultado" /
 * "Valor de Referência", three header cells or more alone on lines in a row) when its method column comes
 * right after the exam's: each row then prints its method on the line under the exam's name. Undefined
 * when the report has no such header.
 */
export function methodUnderNameFrom(texts: string[]): number | undefined {
  const cellAlone = (t: string) => t.trim() !== '' && !/\s{2,}/.test(t.trim()) && HEADER_CELL.test(foldSameLength(t).trim());
  const isExam = (t: string) => /^(?:exames?|analitos?|parametros?)$/i.test(foldSameLength(t).trim());
  const isMethod = (t: string) => /^(?:metodo|metodologia)$/i.test(foldSameLength(t).trim());
  const rows = texts.map((t, i) => ({ t, i })).filter(({ t }) => t.trim() !== '');
  for (let k = 0; k < rows.length; k++) {
    if (!cellAlone(rows[k]!.t)) continue;
    let end = k;
    while (end + 1 < rows.length && cellAlone(rows[end + 1]!.t)) end++;
    const run = rows.slice(k, end + 1);
    if (run.length >= 3 && run.some((r, j) => isExam(r.t) && run[j + 1] !== undefined && isMethod(run[j + 1]!.t))) return run[run.length - 1]!.i;
    k = end;
  }
  return undefined;
}

// A history report's column header: the current result, then one column per earlier sample's date
// ("Atual   14/11/2024   20/05/2024", "Resultado atual   03/2025   11/2024").
const CURRENT_CELL = /^(?:resultados?\s+)?atua(?:l|is)$/i;
const PREVIOUS_CELL = /^(?:resultados?\s+)?(?:anteriores?|historico)$/i;

// The cell over the exams' names of a table with one column per sample may name the columns' stamps ("Coleta
// (data/hora)   24/04 19:20   26/04 06:00 …   Unid.   Referência", a ward's cumulative printout, h1768) or be
// the section's title in capitals ("HEMATOLOGIA (M)   MAR/25   ABR/25   MAI/25   META", a dialysis clinic's
// monthly sheet, h1732). A title stands there only with a column after the samples' (unit, reference, target),
// so that a row of titres ("VDRL   1/16   1/32") is never taken for a header.
const COLLECTION_LABEL_CELL =
  /^(?:data\s+(?:e\s+hora\s+)?(?:da\s+)?)?coletas?(?:\s*\((?:data|data\s*\/\s*hora|data\s+e\s+hora)\))?:?$|^data\s*\/\s*hora(?:\s+da\s+coleta)?:?$/i;
const TITLE_CELL = /^\p{Lu}[\p{Lu}\s/.,&()-]*$/u;
// A column of the clinic's targets beside the samples' ("META", "METAS"): the current result's reference.
const TARGET_CELL = /^metas?$/i;

/**
 * Whether `starts`, a header whose sample columns are those `isSample` tells, has only header cells: the first
 * may be the collection label or a title (see COLLECTION_LABEL_CELL), the others header words, flag, change and
 * target columns, or `extra`.
 */
function sampleHeaderCells(
  starts: Array<{ cell: string; at: number }>,
  isSample: (cell: string) => boolean,
  extra: ReadonlyArray<{ cell: string; at: number }> = [],
): boolean {
  const known = (c: { cell: string; at: number }) =>
    isSample(c.cell) ||
    HEADER_CELL.test(foldSameLength(c.cell).trim()) ||
    FLAG_CELL.test(c.cell) ||
    CHANGE_CELL.test(c.cell) ||
    TARGET_CELL.test(c.cell) ||
    extra.includes(c);
  if (!starts.slice(1).every(known)) return false;
  const first = starts[0]!;
  if (known(first) || COLLECTION_LABEL_CELL.test(first.cell)) return true;
  const lastSample = starts.findLastIndex((c) => isSample(c.cell));
  return TITLE_CELL.test(first.cell) && lastSample > 0 && lastSample < starts.length - 1;
}

/**
 * A header with two or more date columns among header cells: the newest date's column is the current
 * result's, each other date column an earlier sample's, up to the next header cell.
 */
function datedHeader(printed: Array<{ cell: string; at: number }>, context: HeaderContext): TableHeader | undefined {
  // A sample's column named by a key the legend above dates ("[D]" under "COLETAS:  [A] 14/05/2024 06:00
  // …  [D] 16/05/2024 06:10") is read as that date.
  const keyed = context.legend ? printed.map((c) => ({ cell: context.legend!.get(c.cell) ?? c.cell, at: c.at })) : printed;
  // One date marked as the current collection's ("10/03/2025(*)", the report saying what the mark means):
  // that column is the current result's wherever it stands, even before newer-looking ones.
  // So is one date named the current result's in its own cell ("ATUAL 20/05/25", "20/05/25 (atual)"), the
  // earlier dates beside it.
  const unmarked = keyed.map((c) => ({ cell: c.cell.replace(CURRENT_MARK, '').replace(CURRENT_DATE_WORD, ''), at: c.at }));
  const marked = unmarked.filter((c, i) => c.cell !== keyed[i]!.cell && (DATE_CELL.test(c.cell) || STAMP_CELL.test(c.cell)));
  const starts = marked.length === 1 ? unmarked : keyed;
  const stamped = stampedHeader(starts, marked.length === 1 ? marked[0] : undefined);
  if (stamped) return stamped;
  const dates = starts.filter((c) => DATE_CELL.test(c.cell));
  // A column named as the current result's ("Exame   ATUAL   16/06/25   14/06/25   Unidade   Referência", a
  // hospital's cumulative report, its own date and time on the line under it): the current value is the
  // one under it, and every dated column, even one, holds an earlier sample.
  const named = starts.filter((c, i) => i > 0 && CURRENT_CELL.test(c.cell));
  if (dates.length < (named.length === 1 ? 1 : 2) || named.length > 1 || DATE_CELL.test(starts[0]!.cell)) return undefined;
  if (!sampleHeaderCells(starts, (cell) => DATE_CELL.test(cell), named)) return undefined;
  // An undated result column beside dates that are all earlier samples' (headed as previous results
  // on the line above, or all before the collection date): the newest date is no current sample, the
  // value is the one under "Resultado".
  const result = starts.find((c) => /^resultados?$/i.test(c.cell));
  const current =
    named[0] ??
    (marked.length === 1 ? marked[0]! : undefined) ??
    (result && datesAreEarlier(dates, context) ? result : dates.reduce((best, c) => (dateKey(c.cell) > dateKey(best.cell) ? c : best)));
  return historyHeader(starts, dates, current);
}

/** A history table's header: `current` heads the current result's column, each other of `samples` an earlier sample's up to the next cell. */
function historyHeader(
  starts: Array<{ cell: string; at: number }>,
  samples: Array<{ cell: string; at: number }>,
  current: { cell: string; at: number },
): TableHeader {
  const column = (c: { cell: string; at: number }) => ({ from: c.at, to: starts[starts.indexOf(c) + 1]?.at ?? Number.POSITIVE_INFINITY });
  const earlier = samples.filter((c) => c !== current).map(column);
  const changes = starts.filter((c) => CHANGE_CELL.test(c.cell)).map(column);
  return {
    unit: null,
    sexes: [],
    valueColumns: [],
    previousAt: Math.min(...earlier.map((e) => e.from)),
    history: { dates: earlier.length, currentAt: current.at, earlier, ...(changes.length > 0 ? { changes } : {}) },
    rangeColumns: [],
    starts: starts.map((c) => c.at),
  };
}

// A sample's collection stamp: its day and month, the year only at times, and the clock time ("14/03
// 05:50", "02/11/2024 22:10"), as a hospital's cumulative printout heads each sample's column.
const STAMP_CELL = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\s+(\d{1,2})[:h](\d{2})$/;

function stampKey(cell: string): number {
  const [, d, m, y, h, min] = STAMP_CELL.exec(cell)!;
  const year = y === undefined ? 0 : Number(y) < 100 ? 2000 + Number(y) : Number(y);
  return ((year * 100 + Number(m)) * 100 + Number(d)) * 10000 + Number(h) * 100 + Number(min);
}

/**
 * A header whose sample columns are headed by collection stamps ("EXAME   14/03 05:50   15/03 05:40
 * UNIDADE   VALOR REFERENCIA", often under "COLETA ANT.   COLETA ATUAL"): the latest stamp, by day
 * then time (two samples of one day are told apart by the clock), is the current result's column,
 * each other an earlier sample's up to the next cell; the unit and reference columns are the current one's.
 */
function stampedHeader(starts: Array<{ cell: string; at: number }>, marked?: { cell: string; at: number }): TableHeader | undefined {
  const stamps = starts.filter((c) => STAMP_CELL.test(c.cell));
  if (stamps.length < 2 || STAMP_CELL.test(starts[0]!.cell)) return undefined;
  if (!sampleHeaderCells(starts, (cell) => STAMP_CELL.test(cell))) return undefined;
  // Stamps without a year compare only among themselves.
  const yearless = stamps.filter((c) => STAMP_CELL.exec(c.cell)![3] === undefined).length;
  if (yearless !== 0 && yearless !== stamps.length) return undefined;
  const current = marked && stamps.includes(marked) ? marked : stamps.reduce((best, c) => (stampKey(c.cell) > stampKey(best.cell) ? c : best));
  return historyHeader(starts, stamps, current);
}

// A cumulative report's change column beside the samples' ("EXAME   UNIDADE   14/06/2024   02/12/2024
// 28/05/2025   VAR. %   REFERÊNCIA", "Δ%", "Variação"): the current result's change since the sample
// before it, no sample and no reference; its cells are blanked with the earlier samples'. It may say
// since which sample ("Var. última", "Variação anterior").
export const CHANGE_CELL = /^(?:var(?:ia[cç][aã]o)?\.?\s*(?:\(?%\)?)?(?:\s*(?:[uú]ltim[ao]|anterior)\s*(?:\(?%\)?)?)?|[Δ∆]\s*%?|delta\s*%?)$/iu;

// The lab's flag column beside the samples' ("FL", "FLAG", "H/L"): each row's mark for the newest sample,
// neither a sample nor a reference column.
const FLAG_CELL = /^(?:fl|flags?|h\s?\/\s?l)$/i;

// A sample's date alone, and a clock time alone.
const DAY_CELL = /^\d{1,2}\/\d{1,2}(?:\/\d{2,4})?$/;
const TIME_CELL = /^\d{1,2}[:h]\d{2}$/;

/**
 * A cumulative printout that prints each sample's date on the line over the header and its collection time
 * under the date, in the header ("15/05/2025   16/05/2025" over "EXAME   05:50   05:40   UNID.   …"): the
 * header's cells with each time read as its sample's stamp (the date over it and the time), where the
 * time is printed, as the values are. Undefined unless every cell of the line above is a date over one time.
 */
function stampsUnderDates(starts: Array<{ cell: string; at: number }>, context: HeaderContext): Array<{ cell: string; at: number }> | undefined {
  const times = starts.filter((c) => TIME_CELL.test(c.cell));
  if (times.length < 2 || !context.above) return undefined;
  const dates = cellStarts(context.above.text, context.above.offset);
  if (dates.length !== times.length || !dates.every((d) => DAY_CELL.test(d.cell))) return undefined;
  const over = times.map((t) => dates.filter((d) => t.at < d.at + d.cell.length && d.at < t.at + t.cell.length));
  if (over.some((ds) => ds.length !== 1) || new Set(over.map((ds) => ds[0])).size !== times.length) return undefined;
  return starts.map((c) => {
    const i = times.indexOf(c);
    return i < 0 ? c : { cell: `${over[i]![0]!.cell} ${c.cell}`, at: c.at };
  });
}

/** What a header line is read with: the line printed over it, the day the sample was taken (ISO), and the samples' legend above. */
export interface HeaderContext {
  above?: { text: string; offset: number } | undefined;
  collectedOn?: string | undefined;
  /** Each sample's key and its collection date, as a legend above the table prints them (`sampleLegend`). */
  legend?: Map<string, string> | undefined;
}

// The mark a cumulative report puts on the current collection's date ("10/03/2025(*)", "10/03/2025 *").
const CURRENT_MARK = /\s*(?:\(\*\)|\*)$/;

// A sample's key in a legend and in the header ("[A]", "(2)"): one or two letters or digits in brackets.
const SAMPLE_KEY = String.raw`[[(][A-Za-z0-9]{1,2}[\])]`;
const LEGEND_ITEM = new RegExp(String.raw`(${SAMPLE_KEY})\s*[:=-]?\s*(\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)(?:\s+(?:às\s+)?(\d{1,2}[:h]\d{2}))?`, 'gi');

/** A header line without the sample keys its legend dates ("(1)   (2)   (3)"), blanked where they stand: keys, no values. */
export function withoutSampleKeys(text: string, legend: Map<string, string> | undefined): string {
  if (!legend) return text;
  return cellStarts(text, 0).reduce((t, c) => (legend.has(c.cell) ? t.slice(0, c.at) + ' '.repeat(c.cell.length) + t.slice(c.at + c.cell.length) : t), text);
}

/**
 * A legend naming each sample's column by a key and dating it ("COLETAS:  [A] 14/05/2024 06:00   [B]
 * 14/05/2024 22:40   …"), printed over a cumulative table whose header heads the columns by the keys
 * alone ("EXAME   UNIDADE   REFERÊNCIA   [A]   [B]   [C]   [D]"): each key's date, with its time when
 * printed (the stamp tells two samples of one day apart). Two keys or more, nothing else dated on the line.
 */
export function sampleLegend(text: string): Map<string, string> | undefined {
  const items = [...matchesOf(LEGEND_ITEM, text)];
  if (items.length < 2) return undefined;
  const rest = items.reduce((t, m) => t.replace(m[0], ' '), text);
  if (/\d/.test(rest) || new Set(items.map((m) => m[1]!.toUpperCase())).size !== items.length) return undefined;
  const timed = items.every((m) => m[3] !== undefined);
  return new Map(items.map((m) => [m[1]!, timed ? `${m[2]} ${m[3]!.replace('h', ':')}` : m[2]!]));
}

/**
 * What a samples' legend line prints besides its label and its keys' dates ("COLETAS:  [A] 14/05/2024 06:00
 * …   [D] 16/05/2024 06:10   Anti-HCV   REAGENTE" leaves "Anti-HCV   REAGENTE"), blanked where the items
 * stand: the label before the first key is the legend's own, but a cell after a key's date is none of the
 * legend's — a result printed on the line, for the accounting pass to weigh as any text left unread.
 */
export function besideSampleLegend(text: string): string {
  const items = [...matchesOf(LEGEND_ITEM, text)];
  const from = items[0]?.index ?? text.length;
  return items.reduce((t, m) => t.slice(0, m.index) + ' '.repeat(m[0].length) + t.slice(m.index + m[0].length), ' '.repeat(from) + text.slice(from)).trimEnd();
}

/**
 * "Resultado   14/01/2025   16/08/2024" over a block's value: the dates are earlier samples', the
 * undated result column the current one (as under "Atual"), when the line above heads them as previous
 * results ("Material: Plasma   Resultados anteriores") or every date is before the collection date.
 */
function earlierDatesBeside(starts: Array<{ cell: string; at: number }>, context: HeaderContext): boolean {
  return /^resultados?$/i.test(starts[0]!.cell) && datesAreEarlier(starts.slice(1), context);
}

/**
 * Dates alone under the previous results' label ("Resultados anteriores" over "10/02/2025   04/11/2024"), at
 * the end of a block's Material/Método line at times: every date heads an earlier sample's column, and the
 * current value, which no column heads, is printed before them.
 */
function earlierDatesAlone(starts: Array<{ cell: string; at: number }>, context: HeaderContext): Array<{ cell: string; at: number }> | undefined {
  const first = starts.findIndex((c) => !isBlockDetail(c.cell));
  const dates = first < 0 ? [] : starts.slice(first);
  if (dates.length === 0 || !dates.every((c) => DATE_CELL.test(c.cell)) || !context.above) return undefined;
  // The label ends its line, alone or after the block's title; under a table's header ("EXAME   RESULTADO
  // ANTERIOR   REFERÊNCIA" over "12/01/2024") the date is that header's second line, no header of its own.
  const above = cellStarts(context.above.text, context.above.offset);
  const labelAt = previousColumnOf(context.above.text, context.above.offset);
  if (labelAt !== above.at(-1)?.at || above.slice(0, -1).some((c) => HEADER_CELL.test(foldSameLength(c.cell).trim()))) return undefined;
  return dates[0]!.at >= labelAt! - 3 ? dates : undefined;
}

/**
 * A block's title with its earlier samples' dates at its right ("HEMOGLOBINA GLICADA (A1c) - Sangue total EDTA
 * 10/01/2025   14/06/2024", "CREATININA - Soro   10/01/2025", h1819): the report heads its history columns on the
 * title's own line, and the block's result line under it prints the current value first, each earlier one under
 * its date. Only dates all before the collection date (or under the previous results' label), so that a title
 * beside its own sample's date stays a title; the title cell holds no value, no label's colon, and is no header
 * word nor an administrative field (a birth date is earlier too).
 */
function earlierDatesBesideTitle(starts: Array<{ cell: string; at: number }>, context: HeaderContext): TableHeader | undefined {
  const [title, ...dates] = starts;
  if (!title || dates.length === 0 || !dates.every((c) => FULL_DATE_CELL.test(c.cell)) || !datesAreEarlier(dates, context)) return undefined;
  const name = title.cell;
  if (!/\p{L}{3}/u.test(name) || name.includes(':') || numbersIn(name.replace(/\([^()]*\)/g, ' ')).length > 0) return undefined;
  if (HEADER_CELL.test(foldSameLength(name).trim()) || isAdminLine(name) || isBlockDetail(name)) return undefined;
  return { ...historyHeader(starts, dates, { cell: '', at: Number.NEGATIVE_INFINITY }), title: name };
}

function datesAreEarlier(dates: Array<{ cell: string; at: number }>, context: HeaderContext): boolean {
  const labelAt = context.above ? previousColumnOf(context.above.text, context.above.offset) : undefined;
  if (labelAt !== undefined && dates[0]!.at >= labelAt - 3) return true;
  const collected = context.collectedOn ? Number(context.collectedOn.replace(/-/g, '')) : undefined;
  return collected !== undefined && dates.every((c) => dateKey(c.cell) < collected);
}

/**
 * The header's last cell, an earlier sample's date, headed as a previous result by the last cell of the
 * line above ("Exame   Result.   Unidade   Valores de Referência   10/10/2024" under "BIOQUÍMICA
 * Anterior"), that label standing over the header's last column rather than its first ones.
 */
function previousDateCell(starts: Array<{ cell: string; at: number }>, context: HeaderContext): { cell: string; at: number } | undefined {
  const last = starts[starts.length - 1];
  if (!last || starts.length < 3 || !/^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(last.cell) || !context.above) return undefined;
  const above = cellStarts(context.above.text, context.above.offset);
  const label = above[above.length - 1];
  if (
    !label ||
    above.length > 2 ||
    !/^(?:resultados?\s+)?(?:anterior(?:es)?|historico)$/i.test(foldSameLength(label.cell).trim()) ||
    label.at <= starts[starts.length - 2]!.at
  )
    return undefined;
  return last;
}

// The SI count units printed in scientific notation ("x 10^3/µL", "x10⁹/L", "/µL x 10^6").
const POWER_OF_TEN_UNIT =
  /(?:\bx\s?|\b)10\s?(?:\^\s?\d{1,2}|[³⁶⁹])\s?\/\s?(?:µl|μl|ul|mm³|mm3|l)\b|\/(?:µl|μl|ul|mm³|mm3)\s?x\s?10\s?(?:\^\s?\d{1,2}|[³⁶⁹])/giu;

const BRACKETED_UNIT = new RegExp(`\\((${UNIT_PATTERN})\\)`, 'i');

// A titre in cells of its own, after its word and colon or not ("Título:   1/80", "1/160").
const TITRE_CELLS = new RegExp(String.raw`^(?:(?:${TITRE_WORD})\s*:?\s*)?1\s*[/:]\s*\d{1,5}$`, 'iu');

export function tableHeader(text: string, offset = 0, context: HeaderContext = {}): TableHeader | undefined {
  // A header drawn with dot leaders between its cells ("Exame ····· Resultado ····· [Referência]", each
  // leader read as " : "): the leaders set the cells apart; a cell in square brackets is its word.
  const led = text.split(/\s:\s/);
  if (led.length >= 2 && led.every((c) => HEADER_CELL.test(foldSameLength(c.replace(/^\[(.*)\]$/, '$1')).trim())))
    return tableHeader(led.map((c) => c.replace(/^\[(.*)\]$/, ' $1 ')).join('   '), offset, context);
  const cs = cells(text);
  const starts = cellStarts(text, offset);
  const previousDate = previousDateCell(starts, context);
  if (previousDate) {
    // Read without the date, whose column is the previous result's.
    const h = tableHeader(text.slice(0, previousDate.at - offset).trimEnd(), offset, {});
    if (h && h.previousAt === undefined && !h.history && h.valueColumns.length === 0) return { ...h, previousAt: previousDate.at };
  }
  if (starts.length >= 2 && (CURRENT_CELL.test(starts[0]!.cell) || earlierDatesBeside(starts, context)) && starts.slice(1).every((c) => DATE_CELL.test(c.cell)))
    return {
      unit: null,
      sexes: [],
      valueColumns: [],
      previousAt: starts[1]!.at,
      history: { dates: starts.length - 1, currentAt: starts[0]!.at },
      rangeColumns: [],
    };
  const earlierOnly = earlierDatesAlone(starts, context);
  if (earlierOnly) return historyHeader(starts, earlierOnly, { cell: '', at: Number.NEGATIVE_INFINITY });
  const datedTitle = earlierDatesBesideTitle(starts, context);
  if (datedTitle) return datedTitle;
  // The same report as a table header with one column per sample ("Exame   13/06/25   10/06/25
  // 06/06/25   Unid.   Valores de referência", often under "ATUAL   ANTERIORES"): the newest date is
  // the current result's column wherever it stands, the other dated columns hold earlier samples, and
  // the unit and reference columns after them are the current result's.
  const dated = datedHeader(stampsUnderDates(starts, context) ?? (context.above && withDatesOver(starts, context.above)) ?? starts, context);
  if (dated) return dated;
  // A line naming only the current and the earlier columns ("ATUAL   ANTERIORES") heads the dated
  // header under it: a header line, never a result.
  if (starts.length >= 2 && starts.every((c) => CURRENT_CELL.test(c.cell) || PREVIOUS_CELL.test(foldSameLength(c.cell))))
    return { unit: null, sexes: [], valueColumns: [], previousAt: undefined, rangeColumns: [] };
  // A header holds no number outside brackets ("(mg/dL)", "(6 a 12 anos)"): a line that does is a
  // result line, and reading it as a header would drop its value in silence.
  // A date stamp with its time ("ANTERIOR 13/06/25 06:02", "Coletado em 02/03/2025 às 7h40") is
  // the date of a column, not a value.
  // Numbered earlier samples' columns ("Anterior 1   Anterior 2"): their digits are ordinals, no values.
  // So are unnumbered ones, repeated after the current column ("ATUAL   ANTERIOR   ANTERIOR   UNIDADE", each month
  // on the line under, a dialysis clinic's monthly map, h1990): each an earlier sample's column, by its place.
  const repeated = starts.filter((c) => isPreviousHeaderCell(c.cell));
  const currentAt = starts.find((c) => CURRENT_CELL.test(c.cell))?.at;
  const numbered = [
    ...starts.filter((c) => isNumberedPreviousCell(c.cell)),
    ...(repeated.length >= 2 && currentAt !== undefined && repeated[0]!.at > currentAt ? repeated : []),
  ].sort((a, b) => a.at - b.at);
  // The one reference cell that names the age band its ranges are for ("%   /mm³   Ref. 4 a 7 dias (% / /mm³)",
  // the lab having chosen the patient's band): its digits are the band's, no value.
  const bandCells = cs.filter((c) => stripReferenceLead(c).lead && isAgeBandCell(c.replace(/\([^()]*\)/g, ' ')));
  const unnumbered = bandCells.length === 1 ? withoutNumberedPreviousCells(text).replace(bandCells[0]!, ' ') : withoutNumberedPreviousCells(text);
  // A count's power-of-ten unit heading a column ("%   x 10^3/µL   REF. %   REF. x 10^3/µL") is a unit, its digits no value.
  const noNumbers =
    numbersIn(
      unnumbered
        .replace(/\([^)]*\)/g, ' ')
        .replace(POWER_OF_TEN_UNIT, ' ')
        .replace(/\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*(?:(?:às|as|-)\s*)?\d{1,2}[:h]\d{2}(?::\d{2})?\b/gi, ' ')
        // The result column's sample date ("RESULTADO MAI/25", h1922): the column's, no value.
        .replace(RESULT_CELL_DATE, ' '),
    ).length === 0;
  const valueColumns = noNumbers ? valueColumnsOf(text, offset) : [];
  const headerCells = cs.filter((c) => HEADER_CELL.test(foldSameLength(c).trim()) || HEADER_CELL.test(c.trim()) || isNumberedPreviousCell(c));
  // A panel's header may name its result column by the unit alone ("Cód.   Alérgeno   kUA/L   Classe"):
  // beside a code column first or a grading column after it, the lone unit heads the values.
  const unitResult = unitResultCell(starts);
  // "EXAME / RESULTADO" names both columns in one cell: each row prints its name on a line and its value
  // under it, so the cell heads the results as "RESULTADO" alone does.
  const hasResult = cs.some((c) => /^(?:exames?\s*\/\s*|seus?\s+)?resultados?(?:\s*\(.*\))?:?$/i.test(c.trim())) || unitResult !== undefined;
  // "Resultado        NEGATIVO" under a block title is the block's result in words, not a header.
  // So is "Resultado:   Negativa   Valor de referência: Negativa", its reference in a cell after the word,
  // and a finding in a sentence ("Resultado        Foram encontrados ovos de …"): no header cell is one.
  if (
    hasResult &&
    (cs.length === 2 || (cs.length === 3 && isReferenceText(cs[2]!) && qualitativeAtStart(cs[1]!)?.consumed === cs[1]!.length)) &&
    (qualitativeReference(cs[1]!) !== undefined || (cs.length === 2 && FINDING_SENTENCE.test(cs[1]!))) &&
    !HEADER_CELL.test(foldSameLength(cs[1]!).trim())
  )
    return undefined;
  // Nor is a finding in words with its word reference in a labelled cell after it ("RESULTADO:  CISTOS DE GIARDIA
  // LAMBLIA      REF.: NEGATIVO", a municipal lab's print in capitals, h1669): the reference's lead makes no header.
  if (
    hasResult &&
    cs.length === 3 &&
    /^resultados?\s*:$/iu.test(cs[0]!.trim()) &&
    stripReferenceLead(cs[2]!).lead &&
    qualitativeReference(stripReferenceLead(cs[2]!).rest) !== undefined &&
    /^\p{L}[\p{L}\s.,()-]*$/u.test(cs[1]!.trim()) &&
    !HEADER_CELL.test(foldSameLength(cs[1]!).trim())
  )
    return undefined;
  // Nor is the label with its colon before a result word whose titre follows in a labelled cell ("Resultado:
  // REAGENTE      Título:   1/80", an anti-DNA by immunofluorescence): the titre's digits sit outside brackets, but
  // a titre is read as no number, so they would not keep the line from being taken for a header.
  if (
    cs.length >= 3 &&
    /^resultados?\s*:$/iu.test(cs[0]!.trim()) &&
    qualitativeAtStart(cs[1]!)?.consumed === cs[1]!.length &&
    !HEADER_CELL.test(foldSameLength(cs[1]!).trim()) &&
    TITRE_CELLS.test(cs.slice(2).join(' '))
  )
    return undefined;
  // Nor is a finding in words with its word reference in a cell of its own after it ("Resultado   Presença de cistos de
  // Giardia lamblia *   Negativo", h1981): no header cell ends in a result's word.
  if (hasResult && cs.length >= 3 && /^resultados?\s*:?$/iu.test(cs[0]!.trim()) && findingThenReferenceCell(cs.slice(1).join('   ')) !== undefined)
    return undefined;
  // Nor is the label with its colon before a finding in words that names what grew or was found ("Resultado:
  // Klebsiella pneumoniae", a culture's isolate set apart by a column gap, h1712): a header's cell names its
  // column, it leads no value with a colon.
  if (
    cs.length === 2 &&
    /^resultados?\s*:$/iu.test(cs[0]!.trim()) &&
    /^\p{L}[\p{L}\s.,()-]*$/u.test(cs[1]!.trim()) &&
    !HEADER_CELL.test(foldSameLength(cs[1]!).trim()) &&
    !HEADER_CELL.test(cs[1]!.trim())
  )
    return undefined;
  if (!(hasResult || headerCells.length >= 2 || valueColumns.length >= 2)) return undefined;
  // "URINA TIPO 1   RESULTADO   REFERÊNCIA": digits only in a title cell before header cells.
  const titled =
    !noNumbers && cs.length >= 3 && numbersIn(cs.slice(1).join('   ')).length === 0 && cs.slice(1).every((c) => HEADER_CELL.test(foldSameLength(c).trim()));
  if (!noNumbers && !titled) return undefined;
  const labelled = cellStarts(text, offset)
    .filter(({ cell }) => !HEADER_CELL.test(foldSameLength(cell).trim()) && isReferenceLabel(cell))
    .map(({ cell, at }) => ({ label: cell, at }));
  // One reference column per value column, each with the same label beside its unit ("%   /mm³   Ref. %
  // (2 a 6 anos)   Ref. /mm³ (2 a 6 anos)"): the lab chose the patient's band for both, and each range
  // is its value column's, never an alternative to pick by the label.
  const rangeColumns = valueColumns.length >= 2 && labelled.length >= 2 && new Set(labelled.map((c) => labelBesideUnit(c.label))).size === 1 ? [] : labelled;
  const unitM = BRACKETED_UNIT.exec(text);
  const unit = unitResult ? (normalizeUnit(unitResult.cell) ?? unitResult.cell) : unitM?.[1] ? (normalizeUnit(unitM[1]) ?? unitM[1]) : null;
  const sexes = sexesOf(text);
  const previousAt = previousColumnOf(text, offset) ?? previousLabelAbove(starts, context);
  const resultAt = cellStarts(text, offset).find((c) => /^(?:seus?\s+)?resultados?(?:\s*\(.*\))?:?$/i.test(c.cell))?.at ?? unitResult?.at;
  return {
    unit: valueColumns.length >= 2 ? null : unit,
    sexes,
    valueColumns,
    previousAt,
    ...earlierBeforeCurrent(starts, previousAt),
    ...numberedEarlierColumns(starts, numbered, resultAt ?? currentAt),
    rangeColumns: rangeColumns.length >= 2 ? rangeColumns : [],
    starts: cellStarts(text, offset).map((c) => c.at),
    resultAt,
    ...leadColumn(cellStarts(text, offset)),
    ...gradeColumn(cellStarts(text, offset), unitResult?.at),
    ...releaseColumn(cellStarts(text, offset)),
    ...sectorColumn(cellStarts(text, offset)),
    ...criticalColumn(cellStarts(text, offset)),
    ...statusColumn(cellStarts(text, offset)),
    ...methodColumn(cellStarts(text, offset)),
    ...referenceColumns(cellStarts(text, offset)),
    ...(titled ? { title: cs[0]! } : {}),
  };
}

/** The sex of each range column a header names ("HOMEM / MULHER", "MASCULINO   FEMININO"): two or more, else none. */
function sexesOf(text: string): Sex[] {
  const sexes: Sex[] = [];
  for (const m of matchesOf(/\b(homens?|homem|masculino|mulheres?|mulher|feminino)\b/g, foldSameLength(text))) sexes.push(/^(h|ma)/.test(m[1]!) ? 'M' : 'F');
  return sexes.length >= 2 ? sexes : [];
}

/**
 * The header's second line naming the ranges of its reference column by whom each is for ("RESULTADO
 * VALORES DE REFERÊNCIA" over "HOMENS   MULHERES"): the labels head range columns, as when printed on the
 * header's own line. Only labels, none before the reference column; undefined for any other line.
 */
export function rangeLabelsUnder(text: string, offset: number, header: TableHeader): Pick<TableHeader, 'rangeColumns' | 'sexes'> | undefined {
  if (header.referenceAt === undefined || header.rangeColumns.length > 0) return undefined;
  const labels = labelColumns(text, offset);
  if (!labels || labels[0]!.at < header.referenceAt - 3) return undefined;
  return { rangeColumns: labels.map((l) => ({ label: l.band, at: l.at })), sexes: sexesOf(text) };
}

// The current result's column named by the day it was taken ("HOJE") or as the current one.
const TODAY_CELL = /^(?:hoje|(?:resultados?\s+)?atua(?:l|is)|resultados?)$/i;

/**
 * A previous-result column printed before the current one ("ONTEM   HOJE   REF.", a daily bulletin that
 * reads left to right in time): the earlier sample's cell is the one under it, up to the current column,
 * and the current value the one under the current column, as in a dated history table.
 */
function earlierBeforeCurrent(starts: Array<{ cell: string; at: number }>, previousAt: number | undefined): { history: History } | Record<string, never> {
  const i = starts.findIndex((c) => c.at === previousAt);
  const next = starts[i + 1];
  if (i < 0 || !next || !TODAY_CELL.test(foldSameLength(next.cell).trim())) return {};
  return { history: { dates: 1, currentAt: next.at, earlier: [{ from: previousAt!, to: next.at }] } };
}

/**
 * Two numbered earlier samples' columns or more after the result's ("Resultado   Anterior 1   Anterior 2
 * Valores de referência"): a history table whose current value is under "Resultado", each earlier
 * sample's up to the next header cell, the reference after them the current result's.
 */
function numberedEarlierColumns(
  starts: Array<{ cell: string; at: number }>,
  numbered: Array<{ cell: string; at: number }>,
  resultAt: number | undefined,
): { history: History } | Record<string, never> {
  if (numbered.length < 2 || resultAt === undefined || numbered[0]!.at <= resultAt) return {};
  const earlier = numbered.map((c) => ({ from: c.at, to: starts[starts.indexOf(c) + 1]?.at ?? Number.POSITIVE_INFINITY }));
  return { history: { dates: earlier.length, currentAt: resultAt, earlier } };
}

/** A range column's label without its reference lead and the unit its column is in ("Ref. /mm³ (2 a 6 anos)" → "2 a 6 anos"). */
function labelBesideUnit(cell: string): string {
  const rest = stripReferenceLead(cell.trim()).rest.replace(/^\(([^()]*)\)$/, '$1');
  const unit = unitAtStart(rest);
  return foldSameLength(unit ? rest.slice(unit.consumed) : rest)
    .replace(/[()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * A previous-result column named on the line over the header, alone there ("Resultado anterior" over
 * "Exame   Resultado   Valores de Referência   (data)"): the column starts at the header cell under the
 * label, the last one, which says only what the earlier cells hold ("(data)").
 */
function previousLabelAbove(starts: Array<{ cell: string; at: number }>, context: HeaderContext): number | undefined {
  const above = context.above ? cellStarts(context.above.text, context.above.offset) : [];
  if (above.length !== 1) return undefined;
  const labelAt = previousColumnOf(above[0]!.cell, above[0]!.at);
  const last = starts[starts.length - 1];
  if (labelAt === undefined || !last || starts.length < 2 || Math.abs(last.at - labelAt) > 3 || HEADER_CELL.test(foldSameLength(last.cell).trim()))
    return undefined;
  return last.at;
}

const CODE_CELL = /^(?:c[oó]d(?:igo|\.)?|cod\.?)$/i;
const GRADE_CELL = /^(?:classes?|escore|grau)$/i;

/** A grading column printed after the result column (see `TableHeader.gradeColumn`). */
function gradeColumn(
  starts: Array<{ cell: string; at: number }>,
  resultAt?: number,
): { gradeColumn: { from: number; to: number; beforeReading?: boolean } } | Record<string, never> {
  const result = starts.findIndex((c) => /^resultados?(?:\s*\(.*\))?:?$/i.test(c.cell) || c.at === resultAt);
  const grade = starts.findIndex((c, i) => i > result && GRADE_CELL.test(foldSameLength(c.cell).trim()));
  if (result < 0) {
    // Or the class printed before the reading in words, the table's result (an immunoblot's "Antígeno   Classe
    // Intensidade da banda   Interpretação   VR", h1531): the class grades the band, the reading is the value.
    const before = starts.findIndex((c, i) => i === 1 && GRADE_CELL.test(foldSameLength(c.cell).trim()));
    const reading = starts.findIndex((c, i) => i > before && /^interpreta[cç][aã]o$/i.test(foldSameLength(c.cell).trim()));
    if (before < 0 || reading < 0) return {};
    return { gradeColumn: { from: starts[before]!.at, to: starts[before + 1]!.at, beforeReading: true } };
  }
  if (grade < 0) return {};
  return { gradeColumn: { from: starts[grade]!.at, to: starts[grade + 1]?.at ?? Number.POSITIVE_INFINITY } };
}

/** A header cell that is a unit alone, heading the values beside a code column first or a grading column after it. */
function unitResultCell(starts: Array<{ cell: string; at: number }>): { cell: string; at: number } | undefined {
  const units = starts.filter((c, i) => i > 0 && !/\d/.test(c.cell.replace(/[²³]/g, '')) && unitAtStart(c.cell)?.consumed === c.cell.length);
  if (units.length !== 1) return undefined;
  const at = starts.indexOf(units[0]!);
  const coded = CODE_CELL.test(foldSameLength(starts[0]!.cell).trim());
  const graded = starts.some((c, i) => i > at && GRADE_CELL.test(foldSameLength(c.cell).trim()));
  return coded || graded ? units[0] : undefined;
}

// "Liberado em" (a LACEN's GAL table) and "Data de liberação" name the same column.
const RELEASE_CELL = /^(?:liberad[oa](?:\s+em)?|lib\.|(?:data\s+d[ae]\s+)?libera[cç][aã]o|hora(?:\s+d[ae]\s+libera[cç][aã]o)?|hor[aá]rio|data\s*\/\s*hora)$/i;

/** A release column as the header's last cell, after the exam's and the result's (see `TableHeader.releaseAt`). */
function releaseColumn(starts: Array<{ cell: string; at: number }>): { releaseAt: number } | Record<string, never> {
  const last = starts[starts.length - 1];
  if (!last || starts.length < 3 || !RELEASE_CELL.test(foldSameLength(last.cell).trim())) return {};
  return { releaseAt: last.at };
}

// The lab section a check-up's row was done in, named as the header's last cell.
const SECTOR_CELL = /^(?:setor|se[cç][aã]o|[aá]rea|departamento|bancada)$/i;

/** A section column as the header's last cell, after the exam's, the result's and the reference's (see `TableHeader.sectorAt`). */
function sectorColumn(starts: Array<{ cell: string; at: number }>): { sectorAt: number } | Record<string, never> {
  const last = starts[starts.length - 1];
  if (!last || starts.length < 3 || !SECTOR_CELL.test(last.cell.trim())) return {};
  return { sectorAt: last.at };
}

// The lab's critical values' column ("Valor crítico", "Valores críticos", "Limite crítico", "Valor de pânico").
const CRITICAL_CELL = /^(?:(?:valor(?:es)?|limites?)\s+(?:cr[ií]tic[oa]s?|de\s+p[aâ]nico)|cr[ií]tico|p[aâ]nico)$/i;

/** A critical values' column as the header's last cell, after the result's and the reference's (see `TableHeader.criticalAt`). */
function criticalColumn(starts: Array<{ cell: string; at: number }>): { criticalAt: number } | Record<string, never> {
  const at = lastCellAt(starts, CRITICAL_CELL);
  return at === undefined ? {} : { criticalAt: at };
}

const STATUS_CELL = /^(?:situa[cç][aã]o|status|estado)$/i;

/** An order-state column as the header's last cell (see `TableHeader.statusAt`). */
function statusColumn(starts: Array<{ cell: string; at: number }>): { statusAt: number } | Record<string, never> {
  const at = lastCellAt(starts, STATUS_CELL);
  return at === undefined ? {} : { statusAt: at };
}

/** Where a header's last cell starts when it names `cell`'s column, after a name's and a result's at least. */
function lastCellAt(starts: Array<{ cell: string; at: number }>, cell: RegExp): number | undefined {
  const last = starts[starts.length - 1];
  return last && starts.length >= 3 && cell.test(last.cell.trim()) ? last.at : undefined;
}

// The reference column's header cell ("Valor de referência", "Referência", "V.R.").
const REFERENCE_CELL = /^(?:valor(?:es)?\s+(?:de\s+)?refer|refer[eê]ncia|intervalo de refer|v\.?\s?r\.?$)/i;
// A cut-off column's header cell ("CUT-OFF", "Cut-off (ng/mL)", "Ponto de corte", "Valor de corte").
const CUTOFF_CELL = /^(?:cut[\s-]?off|(?:pontos?|valor(?:es)?)\s+de\s+corte)(?:\s*\(.*\))?$/i;

/**
 * Where the reference column starts (`TableHeader.referenceAt`) and the cut-off column beside it
 * (`TableHeader.cutoffColumn`). A neonatal screening's "Ponto de corte" ("Valor de corte", h1694), the header's
 * only reference, holds the cut-offs its markers are read against: the reference column. Beside a reference column
 * of its own (a drug panel's "RESULTADO   REFERÊNCIA   CUT-OFF", h1978) the cut-off is another column, as is a
 * "Cut-off" alone, which names a screen's threshold and no reference.
 */
function referenceColumns(starts: Array<{ cell: string; at: number }>): Pick<TableHeader, 'referenceAt' | 'cutoffColumn'> {
  const reference = starts.find((c) => REFERENCE_CELL.test(c.cell));
  const cutoff = starts.findIndex((c) => CUTOFF_CELL.test(c.cell.trim()));
  if (cutoff < 0) return { referenceAt: reference?.at };
  if (reference === undefined && !/^cut/i.test(starts[cutoff]!.cell)) return { referenceAt: starts[cutoff]!.at };
  const column = { from: starts[cutoff]!.at, to: starts[cutoff + 1]?.at ?? Number.POSITIVE_INFINITY };
  return { referenceAt: reference?.at, ...(cutoff >= 2 ? { cutoffColumn: column } : {}) };
}

const METHOD_CELL = /^(?:m[eé]todos?|metodologias?)$/i;

/** A method column before the result's (see `TableHeader.methodColumn`). */
function methodColumn(starts: Array<{ cell: string; at: number }>): { methodColumn: { from: number; to: number } } | Record<string, never> {
  const result = starts.findIndex((c) => /^resultados?(?:\s*\(.*\))?:?$/i.test(c.cell));
  const method = starts.findIndex((c) => METHOD_CELL.test(foldSameLength(c.cell).trim()));
  if (result < 0 || method < 1 || method > result) return {};
  return { methodColumn: { from: starts[method]!.at, to: starts[method + 1]!.at } };
}

// The exam column's header cell ("EXAME", "EXAME / RESULTADO", "Analito", an oncology sheet's "Marcador").
// A neonatal screening names its marker column with the assay's method printed under each row's marker ("MARCADOR /
// MÉTODO", h1694): the exam column all the same.
export const EXAM_CELL =
  /^(?:exames?|analitos?|parametros?|indicador(?:es)?|marcador(?:es)?(?:\s+tumora(?:l|is))?)(?:\s*\/\s*(?:resultados?|m[eé]todos?|metodologia))?$/i;

/**
 * A first header cell of words that is no header cell, right before the exam column ("DOENÇA TRIADA"
 * before "EXAME / RESULTADO" in a neonatal screening report): a column that names what each row is
 * for, whose cells (in words, wrapping over two lines) sit before each row's name.
 */
function leadColumn(starts: Array<{ cell: string; at: number }>): { leadAt: number; leadIsCode?: true } | Record<string, never> {
  const [first, second] = starts;
  // A code column first ("Código   Alérgeno   Resultado (kUA/L)"): whatever the exam column is called.
  if (first && second && starts.length >= 3 && CODE_CELL.test(foldSameLength(first.cell).trim())) return { leadAt: second.at, leadIsCode: true };
  if (!first || !second || starts.length < 3 || /\d/.test(first.cell) || HEADER_CELL.test(foldSameLength(first.cell).trim())) return {};
  return EXAM_CELL.test(foldSameLength(second.cell).trim()) ? { leadAt: second.at } : {};
}

export interface Labelled {
  name: string;
  result: string;
  reference: string;
}

/**
 * "Exame: X - Resultado: Y - VR: Z" (any order after the name; separators "-", "–", "|", ";"). Under an
 * exam's title the rows drop the "Exame:" and lead their name to the label with dots ("HEMOGLOBINA ......
 * RESULTADO: 14,9 g/dL   VR: 13,5 A 17,5 g/dL", the leader cleaned to a colon): the leader makes the
 * name a row's.
 */
export function labelledLine(text: string): Labelled | undefined {
  const m = /^exame\s*:\s*(.+?)\s*(?:[-–—|;,]\s*)?resultado\s*:\s*(.+)$/i.exec(text) ?? /^(\p{L}[^:]*?)\s*(?:\.{3,}|…+|:)\s*resultado\s*:\s*(.+)$/iu.exec(text);
  if (!m) return undefined;
  const name = m[1]!.replace(/[\s\-–—|;,]+$/, '');
  const after = m[2]!;
  const ref = /\s*(?:[-–—|;,]\s*)?(?:v\.?\s?r\.?|valor(?:es)?\s+de\s+refer[eê]ncia|refer[eê]ncia|ref\.?)\s*:?\s*/i.exec(after);
  if (!ref) return { name, result: after, reference: '' };
  return { name, result: after.slice(0, ref.index), reference: after.slice(ref.index + ref[0].length) };
}

// A typist's closing clause that the other results were fine (", o resto tudo negativo", " e os demais normais"): it
// names no result, nor is it the reference of the one before it. No number in it.
const OTHERS_FINE = /(?:,\s*|\s+)(?:(?:e|mas)\s+)?(?:o\s+rest(?:o|ante)|[oa]s\s+demais|os\s+outros|as\s+outras)(?![\p{L}])\D*$/iu;

/**
 * Cuts a line that holds several results into one piece per result. `;` always separates; a dash (or
 * "e") separates only when the text on both sides reads as a name followed by a value, so "TGO (AST) -
 * 31 U/L", "Adultos - Homens: …" and "70 - 99" stay whole. `startsResult` says whether a piece
 * begins with a name and a value.
 */
export function splitResults(typed: string, startsResult: (piece: string) => boolean): string[] {
  // The others said to be fine, closing the list (h1879): left out.
  const others = OTHERS_FINE.exec(typed);
  if (others && others.index > 0) typed = typed.slice(0, others.index);
  // A letter's sentence wrapped after a result's reference, the joining word left at the line's end ("… (VR 1.500 a
  // 8.000) e" / "linfócitos 1.280/mm³ …", a referral letter, h1465): the word joins the next line's result, no
  // part of this one's reference.
  const dangling = /\)\s*(?:,\s*)?(?:e|com)$/u.exec(typed);
  const open = dangling ? typed.lastIndexOf('(', dangling.index) : -1;
  const bracket = open >= 0 ? typed.slice(open + 1, dangling!.index) : '';
  const whole = /\d/.test(bracket) && !bracket.includes(')') ? typed.slice(0, dangling!.index + 1) : typed;
  // The sentence's lead before its first result names the section, no result ("Na bioquímica, TGO 58 U/L (VR até
  // 40) e TGP 96 U/L …", h1465): words after a preposition, no digit, then a comma and a result the catalogue names.
  const lead = /^(?:n[ao]s?|em)\s+\p{L}+(?:\s+\p{L}+)?,\s+/iu.exec(whole);
  const afterLead = lead ? whole.slice(lead[0].length) : '';
  const leadName = lead ? NAME_BEFORE_VALUE.exec(afterLead)?.[0] : undefined;
  const text = sharesAsPieces(leadName !== undefined && lookupName(leadName.trim()) !== undefined && startsResult(afterLead) ? afterLead : whole);
  const bySemicolon = splitOutsideParens(text, /;/);
  if (bySemicolon.length >= 2) {
    // A message listing results between ';' (an SMS: "LAB: Sr(a) ANA, seus exames estao prontos. GLIC 131
    // mg/dL (VR 70-99); …; TGP 25 U/L (VR <33). Laudo completo: site …") opens and closes with sentences
    // of its own: the greeting before the first result's sentence stop, and what follows the stop after
    // the last result's bracketed reference, are no part of those results.
    const first = bySemicolon[0]!;
    const stops = matchesOf(/[.!]\s+(?=\p{Lu})/gu, first).map((m) => (m.index ?? 0) + m[0].length);
    const from = stops.reverse().find((at) => startsResult(first.slice(at)) && !startsResult(first));
    if (from !== undefined) bySemicolon[0] = first.slice(from);
    // A panel's title before its first result, its colon opening the list ("4.2 Eletroforese de hemoglobina por
    // HPLC (HEMOPI, 14/04/2025): Hb A 0,0 % (VR: …); Hb A2 2,5 % (VR: …)", an assessment quoting a report, h1752):
    // the title names the panel, no result; the first result is what follows its colon, as the next ones are.
    const titled = /^[^:()]*(?:\([^()]*\)[^:()]*)*:\s+/u.exec(bySemicolon[0]!);
    const afterTitle = titled ? bySemicolon[0]!.slice(titled[0].length) : '';
    if (titled && !startsResult(bySemicolon[0]!) && startsResult(afterTitle) && startsResult(bySemicolon[1]!)) bySemicolon[0] = afterTitle;
    const last = bySemicolon[bySemicolon.length - 1]!;
    const close = /\)\.\s+(?=\p{Lu}\p{Ll})/u.exec(last);
    if (close && startsResult(last.slice(0, close.index + 1))) bySemicolon[bySemicolon.length - 1] = last.slice(0, close.index + 1);
    // … or right after the last result's value and unit, a sentence in words closing the description ("…;
    // plaquetas 231.000/mm³. Sem alterações morfológicas", a record's transcription): no digit after the stop,
    // and a number just before it, so no dot of an abbreviation ("(V.R. Adultos 70 a 99)", "Dra. Ana") is one.
    const stop = close ? null : /(?<=\d[\d.,]*\s*[^\s\d.]*)\.\s+(?=\p{Lu}\p{Ll}\D*$)/u.exec(last);
    const upTo = stop ? last.slice(0, stop.index) : '';
    if (stop && !/\([^)]*$/.test(upTo) && startsResult(upTo) && !startsResult(last)) bySemicolon[bySemicolon.length - 1] = upTo;
  }
  const out: string[] = [];
  for (const piece of bySemicolon) {
    // "e" joins two results in a sentence too ("sódio 139 e potássio 4,3", typed by hand), on the same
    // terms; the separator is kept where the pieces stay whole ("HIV 1 e 2" has no name after it).
    // A slash set apart by spaces joins two typed results too ("PCR 64 mg/L (ref. < 5,0) / Procalcitonina 0,18 ng/mL").
    // So does a middle dot one space from each side (a phone notification's panel: "Hemoglobina 14,6 g/dL (ref. …) ·
    // Hematócrito 45,9 % (ref. …)"), on the same terms.
    const parts = piece.split(/(\s+[-–—/·•]\s+|\s+e\s+)(?=\p{L})/u).map((p, i) => (i % 2 === 0 ? withoutRemark(p, startsResult) : p));
    let cur = parts[0]!;
    for (let i = 2; i < parts.length; i += 2) {
      const next = parts[i]!;
      // Not a slash between a reference's ranges ("H: 0,70 a 1,20 / M: 0,50 a 0,90").
      const slashInReference = /\//.test(parts[i - 1]!) && isReferenceText(next, { strictLabels: true });
      // Nor a dot between targets, each a name and its bound ("FIBTEM A10 ≥ 10 mm · EXTEM A10 ≥ 40 mm", an
      // algorithm's triggers under a ROTEM grid): goals, no results.
      const dotBetweenTargets = /[·•]/.test(parts[i - 1]!) && (BOUND_AFTER_NAME.test(cur) || BOUND_AFTER_NAME.test(next));
      // Nor an "e" inside a cell of a row in columns ("Parasitológico   Presença de ovos de Ascaris e cistos de
      // Endolimax   Negativo", a portal's table): cells on both sides of it, it joins the words of the one it
      // stands in; a sentence typed by hand has no cells.
      const inCell = /^\s+e\s+$/.test(parts[i - 1]!) && cells(cur).length >= 2 && cells(next).length >= 2;
      // A letter's sentence goes on after the next result's reference ("TGO 58 U/L (VR até 40) e TGP 96 U/L (VR até
      // 35), com GGT 41 U/L …", h1465): the next piece starts a result when its first clause, to that reference, does.
      const nextStarts = startsResult(next) || startsFirstClause(next, startsResult);
      if (
        (startsResult(cur) || startsLastClause(cur, startsResult)) &&
        nextStarts &&
        !slashInReference &&
        !dotBetweenTargets &&
        !inCell &&
        !(/\//.test(parts[i - 1]!) && translatedAfterSlash(cur, next))
      ) {
        out.push(cur);
        cur = next;
      } else if (i === 2 && /^\s+[-–—]\s+$/.test(parts[1]!) && isAdminLine(cur) && /\d{1,2}\/\d{1,2}|\d{1,2}[:h]\d{2}/.test(cur) && startsResult(next)) {
        // Where and when the sample was run, typed before its results ("Lab. central 28/11 06:00 - PCR 64
        // mg/L"): no piece of a result. Only with its date or time: a method line's words after a dash
        // ("Método: Imunocromatografia - sensibilidade 10 mUI/mL") are the method's.
        cur = next;
      } else if (!closingComment(parts, i, cur, startsResult))
        cur = /^\s+(?:e|\/|[·•])\s+$/.test(parts[i - 1]!) ? `${cur}${parts[i - 1]}${next}` : `${cur} - ${next}`;
    }
    // A piece after ";" that is not a result belongs to the one before ("…; ref 30-100",
    // "VR: Homens: 0,7 a 1,2; Mulheres: 0,5 a 0,9"). So does a labelled range after a labelled range:
    // in "Com jejum: inferior a 150 mg/dL; sem jejum: inferior a 175 mg/dL" a condition that could
    // name a result ("Pós-prandial: 150 mg/dL") is the second range of the first's reference.
    // The first range may follow its lead inside a typed line's one cell ("**Triglicerídeos:** 286 mg/dL ↑ —
    // ref.: jejum < 150 mg/dL; sem jejum < 175 mg/dL"): what follows the lead is that range.
    const lastCell = out.length > 0 ? (cells(out[out.length - 1]!).pop() ?? '') : '';
    const afterLead = matchesOf(/(?:^|\s)(?:ref(?:er[eê]ncia)?\.?|v\.?\s?r\.?)\s*:\s*/giu, lastCell).pop();
    const lastRange = afterLead ? lastCell.slice(afterLead.index + afterLead[0].length) : lastCell;
    const nextRange = out.length > 0 && isReferenceText(cur, { strictLabels: true }) && isReferenceText(lastRange, { strictLabels: true });
    if (out.length > 0 && ((!startsResult(cur) && !startsFirstClause(cur, startsResult)) || nextRange)) out[out.length - 1] = `${out[out.length - 1]}; ${cur}`;
    else out.push(cur);
  }
  return out
    .flatMap((p) => typedRun(p, startsResult))
    .flatMap((p) => commaWordRun(p, startsResult))
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * Whether the first and the last clause of a list between commas, cut at its commas before a word, start a result ("hemoglobina
 * 11,2 g/dL, ureia 86 mg/dL e creatinina 2,3 mg/dL", a discharge summary's prose, h1881): the "e" before the list's
 * last result parts it from the clause before, the commas are cut after (commaWordRun).
 */
function startsLastClause(text: string, startsResult: (piece: string) => boolean): boolean {
  const outside = text.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  const commas = matchesOf(COMMA_BEFORE_WORD, outside);
  const [first, last] = [commas[0], commas[commas.length - 1]];
  return first !== undefined && last !== undefined && startsResult(text.slice(0, first.index)) && startsResult(text.slice((last.index ?? 0) + last[0].length));
}

// A white cell's share said in prose after the count, value first ("leucócitos 18.400/mm³ com 9% de bastonetes", a
// discharge summary, h1881; "… e 5% de eosinófilos"): after a value, its unit maybe.
const SHARE_IN_PROSE = new RegExp(String.raw`(?<=\d\s*(?:%|${UNIT_PATTERN})?)\s*(?:,\s*)?\s(?:com|e)\s+(${NUMBER})\s*%\s+de\s+(\p{L}+)`, 'giu');

/** The text with each white cell's share said in prose after a count set apart as a result of its own, name first ("…, bastonetes 9%"). */
function sharesAsPieces(text: string): string {
  return text.replace(SHARE_IN_PROSE, (m, value: string, name: string) => (isWhiteCellName(name) ? `, ${name} ${value}%` : m));
}

// A remark in words after a result's value and unit, set off by a comma ("Leucócitos 7.900/mm³, sem desvio", a
// discharge summary's list, h1891): about that result, no reference of it.
const REMARK_AFTER_UNIT = new RegExp(String.raw`(?<=\d\s*(?:%|${UNIT_PATTERN})),\s+(\p{L}+(?:\s+\p{L}+){0,4})\s*$`, 'iu');

/** Whether words after a comma are a remark on the result before them: no result word, no name the catalogue knows. */
function isRemark(words: string): boolean {
  return /^\p{L}+(?:\s+\p{L}+){0,4}$/u.test(words.trim()) && qualitativeAtStart(words.trim()) === undefined && lookupName(words.trim()) === undefined;
}

/** A piece without the remark after its value and unit, when the piece reads as a result only without it. */
function withoutRemark(piece: string, startsResult: (piece: string) => boolean): string {
  const m = REMARK_AFTER_UNIT.exec(piece);
  if (!m || !isRemark(m[1]!) || startsResult(piece)) return piece;
  // Only after a result the catalogue names: a chat's sentence closing on a value ("… O certo é 71 mg/dL, no pdf tá
  // certo") says more than a remark.
  const kept = piece.slice(0, m.index);
  return cataloguedResult(kept) && startsResult(kept) ? kept : piece;
}

/** Whether a piece is a catalogued name, its value and what follows it: "Leucócitos 7.900/mm³". */
function cataloguedResult(piece: string): boolean {
  const name = NAME_BEFORE_VALUE.exec(piece.trim())?.[0];
  return name !== undefined && lookupName(name.trim()) !== undefined;
}

// A name, then a bound's sign where its value would be.
const BOUND_AFTER_NAME = /^(?=[^\d≥≤]*\p{L})[^\d≥≤]*[≥≤]/u;

/** Whether a sentence's first clause, up to its result's bracketed reference and a comma, starts a result ("TGP 96 U/L (VR até 35), com GGT …"). */
function startsFirstClause(text: string, startsResult: (piece: string) => boolean): boolean {
  const clause = /^[^()]*\([^()]*\)(?=,\s)/u.exec(text)?.[0];
  return clause !== undefined && startsResult(clause);
}

// A name, then its value after a colon or space and a comparator maybe; what follows the value.
const NAME_THEN_VALUE = new RegExp(String.raw`^([^\d<>≤≥:]*?)\s*:?\s*[<>≤≥]?\s*(?:${NUMBER})\s*(.*)$`, 'u');

/**
 * Whether the piece after a slash is the text before it again in a second language, not a second result: a
 * bilingual report prints each reference and label twice ("até 40 / hasta 40", "Baixo / Bajo: < 130"), and
 * the translated word is no analyte's name nor is a unit printed after its number. A result typed after a
 * slash names one ("PCR 64 mg/L / Procalcitonina 0,18 ng/mL", "Hb 13,1 / Ht 39,8").
 * A translation repeats the numbers of the text before it ("até 41 / hasta 41"): a piece with a number of its
 * own is the next result of a ward note's list, whatever its abbreviation ("Mg 1,6 (1,6-2,6) / Cai 1,08 (1,12-1,32)",
 * "BNP 1.840 (<100) / TnI us 38 (<19,8)", "pH 7,31 / pCO2 48", h1686).
 */
function translatedAfterSlash(before: string, next: string): boolean {
  const m = NAME_THEN_VALUE.exec(next.trim());
  if (!m || m[1] === '') return false;
  // The word before the slash is the one translated ("Baixo / Bajo: < 130"); after a value, its unit or its
  // bracket, the piece is the list's next result unless it repeats the numbers.
  const lastWord = before.trim().split(/\s+/).pop() ?? '';
  const afterWord = /^\p{L}+:?$/u.test(lastWord) && unitAtStart(lastWord) === undefined;
  const said = new Set(numbersIn(before).map((n) => n.text));
  if (!afterWord && numbersIn(next).some((n) => !said.has(n.text))) return false;
  return lookupName(m[1]!) === undefined && unitAtStart(m[2]!) === undefined;
}

// Words alone to the end of a typed line, no number, bracket or field ("sem alterações segundo o laudo").
const TYPED_COMMENT = /^\p{L}+(?:[ ,.]+\p{L}+)+\.?$/u;

/**
 * Whether the last part of a typed line, after a dash and a value, is the typist's comment in words ("Hb 13,1 /
 * Ht 39,8 / Plaq 212.000 - sem alterações segundo o laudo"): about the results, none of them; left on the last
 * piece it would be read as that result's reference and lose it. Not a result word ("HBsAg 0,3 - Não
 * reagente"), nor a word after a word result ("Empresa: Cooperativa … - PCMSO", a field's).
 */
function closingComment(parts: readonly string[], i: number, cur: string, startsResult: (piece: string) => boolean): boolean {
  const next = parts[i]!.trim();
  return (
    i === parts.length - 1 &&
    /^\s+[-–—]\s+$/.test(parts[i - 1]!) &&
    TYPED_COMMENT.test(next) &&
    qualitativeAtStart(next) === undefined &&
    /\d/.test(cur) &&
    startsResult(cur) &&
    !startsResult(`${cur} - ${next}`)
  );
}

// A comma, outside brackets, before a word: where a typed list may go on to its next result.
const COMMA_BEFORE_WORD = /,\s+(?=\p{L})/gu;
// The little words that open a typed sentence's clause ("a urina deu …", "só os …"), no result's name.
const CLAUSE_START = /^(?:a|o|as|os|e|s[oó]|mas|j[aá]|tamb[eé]m)\s/iu;
// A typed result's name: a few words, no digit, colon or bracket ("HBsAg", "Anti HCV", "nitrito").
const TYPED_NAME = /^\p{L}[\p{L}-]*(?: [\p{L}-]+){0,3}$/u;

// The word reference a typist puts in brackets after a word result ("nitrito positivo (ref negativo)", a patient
// copying the urine's paper into a chat, h1385): part of that result, no other piece.
const WORD_REFERENCE_BRACKET = /\s*\(\s*(?:(?:ref(?:er[eê]ncia)?|v\.?\s?r)\.?\s*:?\s*)?([\p{L} ]+)\)$/iu;

/** A dipstick's grade in crosses, all the value holds ("2+", "++"): a result in words as "negativo" is, printed with signs. */
function gradeOnly(text: string): boolean {
  const v = readValue(text);
  return v !== undefined && v.value === null && /\+$/.test(v.text) && v.rest.trim() === '';
}

/**
 * Whether a piece is a name and then its result in words or its grade in crosses, nothing else ("HBsAg não reagente",
 * "nitrito negativo", "glicose 2+"), but its word reference in brackets.
 */
function namedWordResult(piece: string): boolean {
  const printed = piece.trim().replace(/[.\s]+$/, '');
  const bracket = WORD_REFERENCE_BRACKET.exec(printed);
  const t = bracket && qualitativeReference(bracket[1]!.trim()) !== undefined ? printed.slice(0, bracket.index) : printed;
  for (const space of matchesOf(/ /g, t)) {
    const at = space.index ?? 0;
    const after = t.slice(at + 1);
    if (TYPED_NAME.test(t.slice(0, at)) && (qualitativeAtStart(after)?.consumed === after.length || gradeOnly(after))) return true;
  }
  return false;
}

// A typed result closed by its value and unit ("tgo 22 u/l"), and a catalogued name opening the next piece
// before its value ("tgp 35 u/l").
const VALUE_UNIT_END = new RegExp(String.raw`\d\s*(?:${UNIT_PATTERN})\s*$`, 'iu');
// … or closed by its reference in brackets, a number in it ("leucocitos 15 por campo (ate 5), hemacias 2 por
// campo (ate 3)", a relative typing the urine's sediment in one sentence): the bracket ends that result.
const REFERENCE_BRACKET_END = /\([^()]*\d[^()]*\)\s*$/u;
// … or a piece that is only a name and its bare value ("colesterol total 214, hdl 58", a list typed with no
// units): nothing after the value that the comma could go on with.
const NAME_AND_VALUE_ONLY = /^\s*\p{L}[\p{L} .-]*\s[<>]?\d+(?:[.,]\d+)?\s*$/u;
const NAME_BEFORE_VALUE = /^\p{L}[\p{L}\d .-]*?(?=\s*:?\s*[<>]?\d)/u;

/** Whether `seg` is the next typed result after `before`, a result whose value and unit or bracketed reference end it ("tgo 22 u/l, tgp 35 u/l"). */
function afterUnit(before: string, seg: string): boolean {
  const name = NAME_BEFORE_VALUE.exec(seg)?.[0];
  return (
    // The list's lead before the first result's name is none of it ("Gasometria arterial: pH 7,31, pCO2 30 mmHg").
    (VALUE_UNIT_END.test(before) || REFERENCE_BRACKET_END.test(before) || NAME_AND_VALUE_ONLY.test(before.replace(/^[^:]*:\s+(?=\p{L})/u, ''))) &&
    name !== undefined &&
    // A differential's share the catalogue keeps no range for ("bastonetes 9%") is a result's name all the same; so is
    // a short name whose value its unit or its bracketed reference follows, the whole shape of a result ("pH 7,31,
    // pCO2 30 mmHg, HCO3 15,8 mmol/L", "…, com índice HOMA-IR calculado de 5,09 (VR: até 2,7)", a letter's prose, h1881,
    // h1901), no range's label ("Homens: 0,7 a 1,3").
    (lookupName(name.trim()) !== undefined || isWhiteCellName(name) || (SHAPED_RESULT.test(seg) && !isReferenceLabel(name.trim()) && !isReferenceText(seg)))
  );
}

// A short name (four words at most), its value, then a lab's unit or a bracket with a number: "pCO2 30 mmHg", "índice
// HOMA-IR calculado de 5,09 (VR: até 2,7)".
const SHAPED_RESULT = new RegExp(
  String.raw`^\s*\p{L}[\p{L}\d-]*(?:\s\p{L}[\p{L}\d-]*){0,3}\s*:?\s*[<>]?(?:${NUMBER})\s*(?:(?:${UNIT_PATTERN})(?![\p{L}\d])|\([^()]*\d[^()]*\))`,
  'iu',
);

// A fraction named by its word alone after the words that say the total is made of it ("…, à custa de indireta:
// 3,3 mg/dL (VR: …)", "…, às custas da direta: …").
const FRACTION_AFTER_TOTAL =
  /^(?:[àa]s?\s+custas?\s+d[aeo]s?\s+(?:fra[cç][aã]o\s+)?)(direta|indireta|livre|conjugada|n[aã]o\s+conjugada)\s*:?\s+(?=[<>]?\s*\d)/iu;
// The total's name and its value, closed by its bracketed reference ("Bilirrubina total: 3,8 mg/dL (VR: até 1,2 mg/dL)").
const TOTAL_BEFORE = /^\s*(?:[-•*]\s+)?(\p{L}[\p{L} ]*?)\s+tota(?:l|is)\s*:?\s+[<>]?\s*\d.*\)\s*$/u;

/**
 * The piece after a total's result that gives its fraction by the fraction's word alone (an assessment quoting a
 * report: "Bilirrubina total: 3,8 mg/dL (VR: até 1,2 mg/dL), à custa de indireta: 3,3 mg/dL (VR: até 0,8 mg/dL)",
 * h1752), named with the total's analyte ("Bilirrubina indireta: 3,3 mg/dL (VR: …)"); undefined for any other piece.
 */
function fractionOfResultBefore(before: string, typed: string): string | undefined {
  const f = FRACTION_AFTER_TOTAL.exec(typed);
  const total = f ? TOTAL_BEFORE.exec(before) : null;
  return f && total ? `${total[1]} ${f[1]!.toLowerCase()}: ${typed.slice(f[0].length)}` : undefined;
}

/**
 * Results typed one after another with a comma between them, a patient copying the paper into a chat
 * ("HIV não reagente, HBsAg não reagente, Anti HCV não reagente", "leucócitos 4 p/c (até 5), nitrito
 * negativo"): left whole, the results after the first are read as its reference and lost. Cut before
 * each piece that is a name and its result in words, nothing else, after a piece that reads as a result:
 * a comma before a value's words ("9,1, e a referência é de 12 a 16") or within a reference stays. After such
 * a piece, cut before any piece that reads as a result; so after a value and its unit, before a catalogued
 * name and its value ("tgo 22 u/l, tgp 35 u/l").
 */
function commaWordRun(piece: string, startsResult: (piece: string) => boolean): string[] {
  const cuts: { at: number; end: number }[] = [];
  for (const m of matchesOf(COMMA_BEFORE_WORD, piece)) {
    const at = m.index ?? 0;
    const before = piece.slice(0, at);
    if ((before.match(/\(/g) ?? []).length !== (before.match(/\)/g) ?? []).length) continue;
    cuts.push({ at, end: at + m[0].length });
  }
  if (cuts.length === 0) return [piece];
  const segments = [{ at: 0, end: 0 }, ...cuts].map((c, i) => piece.slice(c.end, cuts[i]?.at ?? piece.length));
  const out: string[] = [];
  for (const [i, typed] of segments.entries()) {
    // A letter's sentence joins the results it quotes with a word after the comma ("…, com neutrófilos 1.150/mm³
    // (VR 1.500 a 8.000)", "…, e plaquetas 168.000/mm³ (VR …)", a referral letter, h1465): the word joins, it
    // names nothing; dropped where the rest is a result the catalogue names after a result's unit or reference.
    const joined = /^(?:com|e|al[eé]m\s+de)\s+/iu.exec(typed);
    const rest = joined ? typed.slice(joined[0].length) : '';
    const fraction = out.length > 0 ? fractionOfResultBefore(out[out.length - 1]!, typed) : undefined;
    if (fraction !== undefined && startsResult(fraction)) {
      out.push(fraction);
      continue;
    }
    const seg = joined && out.length > 0 && startsResult(rest) && afterUnit(out[out.length - 1]!, rest) ? rest : typed;
    // A remark on the result before, in words, before the list goes on ("leucócitos 8.900/mm³, sem desvio, plaquetas
    // 264.000/mm³"): no part of either result.
    const before = out[out.length - 1] ?? '';
    if (i < segments.length - 1 && VALUE_UNIT_END.test(before) && cataloguedResult(before) && isRemark(seg) && startsResult(before)) continue;
    // … and after such a piece, before the next result whatever its value ("urina tipo 1: nitrito negativo,
    // leucócitos 12.000/ml"): the words end the one before, whose exam's label before them names no result of
    // its own and is left out. Not a clause of a sentence ("a urina deu tudo negativo, só os leucócitos 12").
    const wordsBefore = i === 1 && out.length === 1 ? /^(?:[^:]*:\s*)?(.*)$/su.exec(out[0]!)![1]! : '';
    const afterWords = wordsBefore !== '' && namedWordResult(wordsBefore) && !CLAUSE_START.test(wordsBefore) && startsResult(seg);
    if (afterWords) out[0] = wordsBefore;
    if (
      out.length > 0 &&
      (namedWordResult(seg) || afterWords || afterUnit(out[out.length - 1]!, seg)) &&
      startsResult(out[out.length - 1]!) &&
      startsResult(seg)
    )
      out.push(seg);
    else if (out.length > 0) out[out.length - 1] = `${out[out.length - 1]}, ${seg}`;
    else out.push(seg);
  }
  return out;
}

// A lab's short code in capitals, then its value, its unit and its bracketed reference ("GLI 118 mg/dL
// (70-99)*", "VITD 24 ng/mL (>20)", an SMS of results run together): a result whatever the code, which
// no catalogue need know, for the whole shape of a result follows it. A "*" after a value or a bracket is
// the lab's out-of-range mark.
const CODED_RESULT = /^\p{Lu}[\p{Lu}\d]{1,5}\s+[<>]?\d[\d.,]*\s*(?:[^\s\d()]{1,12}\s*)?\([^()]*\d[^()]*\)/u;

// Where a typed result ends: after its value or its bracketed reference (and the lab's "*"), or after the unit
// typed with its value ("vcm 81 fl hcm 27", a patient's chat, h1385).
const AFTER_VALUE = new RegExp(String.raw`(?<=(?:\d|\))\*?|\d\s*(?:${UNIT_PATTERN}))\s+(?=\p{L})`, 'giu');

/**
 * Results typed one after another with a space alone between them, a patient copying the paper into a chat
 * ("hb 11,1 (ref 12 a 15,5) ht 34,2 vcm 83"): cut before each catalogued name that follows a value or a
 * bracketed reference (and the lab's "*" after it) and goes on to a value of its own, and before each code in
 * capitals followed by a whole result (CODED_RESULT). Only on a typed line (no column gaps): a table
 * row's cells are cut by their columns, and a unit or a range's words after the value name no analyte.
 */
function typedRun(whole: string, startsResult: (piece: string) => boolean): string[] {
  if (/\s{2,}|\t/.test(whole.trim())) return [whole];
  // The message's own closing words after the last result's bracket and a stop ("… VITD 24 ng/mL (>20).
  // *fora da ref. Duvidas: (84) 3312-4470", an SMS): no part of that result, as after a ";"-separated list.
  const close = /\)\*?\.\s+(?=\*?\p{L})/u.exec(whole);
  const rest = close ? whole.slice(close.index + close[0].length) : '';
  const piece = close && !startsResult(rest) && !/\)\*?\.\s+\*?\p{L}/u.test(rest) ? whole.slice(0, close.index + 1) : whole;
  const cuts = matchesOf(AFTER_VALUE, piece)
    .map((m) => (m.index ?? 0) + m[0].length)
    .filter((at) => {
      // A name may hold digits after its first letter ("HbA1c 6,8% (<5,7)", an SMS's run of results, h1670).
      // So may a section's label in capitals lead it ("… (150.000-450.000) BIOQ: Glicose 132 mg/dL (70-99)", h1670).
      const name = /^(?:\p{Lu}[\p{Lu}.]+:\s+)?(\p{L}[\p{L}\d .-]*?)(?=\s+[<>]?\d)/u.exec(piece.slice(at))?.[1];
      return (name !== undefined && lookupName(name.trim()) !== undefined) || CODED_RESULT.test(piece.slice(at));
    });
  if (cuts.length === 0) return [whole];
  const segments = [0, ...cuts].map((at, i) => piece.slice(at, cuts[i] ?? piece.length));
  // A segment that reads as no result on its own (a range's words, a comment) stays with the one before it.
  const out: string[] = [];
  for (const seg of segments) {
    if (out.length > 0 && !startsResult(seg)) out[out.length - 1] = `${out[out.length - 1]}${seg}`;
    else out.push(seg);
  }
  // The message's own opening sentences before its first result ("LAB SAO LUCAS Res. prot 88213 ROSANGELA … col
  // 03/06. HEMOGRAMA: Hemacias 4,61 …", an SMS, h1670): no part of that result, as before a ";"-separated list.
  const first = out[0]!;
  const from = startsResult(first)
    ? undefined
    : matchesOf(/[.!]\s+(?=\p{Lu})/gu, first)
        .map((m) => (m.index ?? 0) + m[0].length)
        .reverse()
        .find((at) => startsResult(first.slice(at)));
  if (from !== undefined) out[0] = first.slice(from);
  return out.length > 1 && out.every(startsResult) ? out : [whole];
}

// Two names joined by a slash, then their two values joined by one, the unit printed once after both, then
// (after a leader or a column gap) the two references joined by one too.
const PAIRED_ROW = new RegExp(
  String.raw`^(\p{L}[^/:]*?)\s+\/\s+(\p{L}[^/:]*?)\s*(?::|\s{2,})\s*([<>]?\s*(?:${NUMBER}))\s*\/\s*([<>]?\s*(?:${NUMBER}))(?:\s*(${UNIT_PATTERN}))?(?![\p{L}\d])(?:\s*(?::|\s{2,})\s*(.+))?$`,
  'iu',
);

/**
 * Two analytes sharing one row, their names, values and references each joined by a slash in the same
 * order ("Sódio / Potássio ..... 140 / 4,8 mEq/L ..... VR 136 a 145 / 3,5 a 5,1", "TGO / TGP   45 / 78 U/L
 * até 40 / até 41"): a compact report's way to print two results of one panel on a line. One piece per
 * analyte, each with its own value, the shared unit and its own reference. Only when both names are the
 * catalogue's: a ratio's name has a slash too ("Albumina / Globulina"), but one value.
 */
export function pairedRow(text: string): string[] | undefined {
  const m = PAIRED_ROW.exec(text.trim());
  if (!m) return undefined;
  const [, n1, n2, v1, v2, unit, rest] = m;
  if (!lookupName(n1!.trim()) || !lookupName(n2!.trim())) return undefined;
  let refs: [string, string] | undefined;
  if (rest !== undefined) {
    const lead = /^(?:v\.?\s?r\.?|valor(?:es)?\s+de\s+refer[eê]ncia|refer[eê]ncias?|ref\.?)\s*:?\s*/iu.exec(rest);
    const parts = rest.slice(lead?.[0].length ?? 0).split(/\s+\/\s+/);
    if (parts.length !== 2 || !parts.every((r) => /\d/.test(r) && isReferenceText(r))) return undefined;
    refs = [parts[0]!, parts[1]!];
  }
  const piece = (name: string, value: string, ref: string | undefined) =>
    `${name.trim()} ${value.replace(/\s+/g, '')}${unit ? ` ${unit}` : ''}${ref ? ` (VR: ${ref})` : ''}`;
  return [piece(n1!, v1!, refs?.[0]), piece(n2!, v2!, refs?.[1])];
}

/** Cells that are only a reference, or only the lab's marks, join the cell before them. */
export function mergeReferenceCells(cs: string[]): string[] {
  const out: string[] = [];
  for (const c of cs) {
    // A marker in a cell of its own ("48 mg/dL   ↑      Até 30 mg/dL") flags the value before it: left
    // alone it would take the reference cell after it as a name and value ("↑ Até" 30).
    // A unit in a cell of its own ("41             mg/dL   superior a 40" after a dot leader) is the
    // value's before it: left alone it would take the reference after it as a name and value.
    const unitOnly = unitAtStart(c)?.consumed === c.length && !/\d/.test(c);
    if (out.length > 0 && ((/\d/.test(c) && isReferenceText(c)) || isMarkerCell(c) || unitOnly)) out[out.length - 1] = `${out[out.length - 1]}   ${c}`;
    else out.push(c);
  }
  return out;
}

/**
 * Results of other analytes in brackets after a result ("Leucócitos 8.950/mm³ (segmentados 68 % / linfócitos
 * 22 %)", a clinical note's hemogram with its differential): each bracketed piece, cut at "/" or ";", is a
 * cell of its own when every one opens with a name the catalogue knows followed by its number. A bracket
 * holding a reference, a control or a note ("(VR 4.000 a 11.000)", "(controle 12 s)") is left to the cell.
 */
// The same analyte's earlier value noted in brackets after a result: "(basal 1,0 em mar/25)", "(anterior 5,1)",
// "(prévio: 0,9)", its unit and when it was measured optional.
const EARLIER_IN_BRACKET = /^(?:basal|anterior|pr[eé]vio|ontem)\s*:?\s*[<>]?\s*\d[\d.,]*(?:\s*[^\s\d()]+)?(?:\s+(?:em|de)\s+[\p{L}\d/.]+)?$/iu;

export function bracketedResultCells(cs: string[]): string[] {
  return cs.flatMap((c) => {
    const m = /^(.*\d.*?)\s*\(([^()]+)\)\s*$/u.exec(c);
    if (!m) return [c];
    // An earlier value of the same analyte in the bracket ("Cr 1,6 (basal 1,0 em mar/25)", a ward note's
    // baseline, h1535): no result, the cell is the value before it.
    if (EARLIER_IN_BRACKET.test(m[2]!.trim())) return [m[1]!.trim()];
    const pieces = m[2]!.split(/\s+\/\s+|;\s*/).map((p) => p.trim());
    // After a white cell count the differential may be shortened ("Leuco 15.600 (bast 8% / seg 77%)"), each share in %.
    const afterCount = lookupName(m[1]!.split(/\s+[<>]?\d/, 1)[0]!.trim())?.key === 'leucocitos';
    const named = (p: string) => {
      const at = /^(\p{L}[\p{L}\s.-]*?)\s*:?\s+[<>]?\s*\d/u.exec(p);
      const short = afterCount && at !== null && isWhiteCellShorthand(at[1]!) && /^\S+\s+\d[\d,.]*\s*%$/u.test(p);
      return at !== null && (lookupName(at[1]!) !== undefined || isWhiteCellName(at[1]!) || short) && !isReferenceText(p) && numbersIn(p).length === 1;
    };
    return pieces.length >= 1 && pieces.every(named) ? [m[1]!.trim(), ...pieces] : [c];
  });
}

/**
 * Two results side by side in page columns ("Glicose   92 mg/dL   70 a 99      Ureia   48 mg/dL   15 a 45"):
 * the line is cut before every cell that starts with a name and is followed by a value cell, and, on a
 * line that opens with a labelled result, before every labelled one ("Cor: Amarelo   (Amarelo)
 * Proteínas: Traços   (Negativo)", a urine exam's two sections side by side). Undefined unless every
 * piece reads as a result.
 */
export function splitAtNameCells(text: string, startsResult: (piece: string) => boolean): string[] | undefined {
  // Two tables' rows joined by " ; " (page-columns.ts) hold a cell of each: the ";" parts them as a gap does.
  const cs = matchesOf(/(?!;(?:\s|$))\S+(?:\s(?!;(?:\s|$))\S+)*/g, text).map((m) => ({ cell: m[0], at: m.index ?? 0 }));
  const labelled = cs.length > 0 && labelledCell(cs[0]!.cell);
  const cuts = cs
    .filter(
      (c, i) =>
        i > 0 &&
        /^\p{L}/u.test(c.cell) &&
        !unitAtStart(c.cell) &&
        // A labelled word result reads as a word reference ("Cetonas: Negativo"); a reference's lead is none.
        ((labelled && labelledCell(c.cell) && !stripReferenceLead(c.cell).lead) ||
          (i < cs.length - 1 && /^[<>≤≥]?\s*\d/.test(cs[i + 1]!.cell) && !isReferenceText(c.cell) && !isReferenceLabel(c.cell))),
    )
    .map((c) => c.at);
  if (cuts.length === 0) return undefined;
  const pieces = [0, ...cuts].map((at, i, all) =>
    text
      .slice(at, all[i + 1])
      .replace(/\s;\s*$/, '')
      .trim(),
  );
  return pieces.every(startsResult) ? pieces : undefined;
}

// A result after its label and a colon, in one cell ("Proteínas : Traços", "pH: 5,5"); a range's
// label ("Homens:", "Jejum:") is none.
function labelledCell(cell: string): boolean {
  const m = /^(\p{L}[^:\d]{0,40}?)\s*:\s*\S/u.exec(cell);
  return m !== null && !isReferenceLabel(m[1]!);
}

function splitOutsideParens(text: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && sep.test(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
