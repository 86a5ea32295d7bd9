// Column positions: what a table header says about the cells below it by where its own cells sit.
//   value columns with their own unit  "LEUCOGRAMA   %   /mm³   Ref. %   Ref. /mm³",
//                                      "Relativo (%)   Absoluto (/mm³)": a bare value takes the unit
//                                      of the column it sits under;
//   a previous-result column           "Valor de Referência   Anterior (12/2024)": the cell under it
//                                      is an earlier sample's value, not part of this result.
// Positions are columns of the report line as printed (tabs as 3 spaces, see CleanLine.offset); PDF
// text drifts a little, so a cell belongs to the header cell that starts nearest to it.
import { foldSameLength } from './analytes.ts';
import { cleanLine, type CleanLine } from './lines.ts';
import { numbersIn } from './numbers.ts';
import { MONTHS } from './patient.ts';
import { isAgeBandCell, isReferenceLabel, parseRangeExpression, qualitativeAtStart, stripReferenceLead } from './reference.ts';
import { UNIT_PATTERN, normalizeUnit, unitAtStart } from './units.ts';
import { isMarkerCell } from './value.ts';
import { matchesOf } from '../text/matches.ts';

export interface ValueColumn {
  unit: string;
  /** Start of the header cell, in columns of the report line. */
  at: number;
}

/** Where each cell of a cleaned line starts, in columns of the report line. */
export function cellStarts(text: string, offset: number): Array<{ cell: string; at: number }> {
  const out: Array<{ cell: string; at: number }> = [];
  for (const m of matchesOf(/\S+(?:\s\S+)*/g, text)) out.push({ cell: m[0], at: offset + (m.index ?? 0) });
  return out;
}

/** The cells of a line aligned by spaces (two or more part them), each with where it starts and ends. */
export function spacedCells(raw: string): Array<{ from: number; to: number; text: string }> {
  return cellStarts(raw, 0).map(({ cell, at }) => ({ from: at, to: at + cell.length, text: cell }));
}

// Narrow columns abbreviate the word ("RELAT.(%)", "Abs. (/mm³)"); a cytometry panel says "PERCENTUAL". A portal
// names both value columns "Resultado" and tells them apart by the unit alone ("Resultado (%)   Resultado (/mm³)").
const UNIT_CELL = new RegExp(
  `^(?:(?:valor(?:es)?\\s+|resultados?\\s+(?=\\())?(relativ[oa]s?|rel(?:at)?\\.|percentua(?:l|is)|absolut[oa]s?|abs(?:ol)?\\.|%|/mm3|/mm³)?\\s*\\(?(${UNIT_PATTERN})?\\)?)$`,
  'i',
);

/** The unit a header cell gives its column ("%", "/mm³", "Relativo (%)", "Valores absolutos"), if any. */
export function columnUnit(cell: string): string | undefined {
  const f = foldSameLength(cell).trim();
  if (/^(?:ref|v\.?\s?r|refer|interv|faixa)/.test(f)) return undefined;
  const m = UNIT_CELL.exec(f);
  if (!m || (!m[1] && !m[2])) return undefined;
  if (m[2]) return normalizeUnit(m[2]) ?? m[2];
  return /^(?:rel|percent)/.test(m[1]!) ? '%' : /^abs/.test(m[1]!) ? '/mm³' : (normalizeUnit(m[1]!) ?? m[1]!);
}

/** Value columns of a header line that carry a unit (two or more, else none). */
export function valueColumnsOf(text: string, offset: number): ValueColumn[] {
  const cols = cellStarts(text, offset).flatMap(({ cell, at }) => {
    const unit = columnUnit(cell);
    return unit ? [{ unit, at }] : [];
  });
  return cols.length >= 2 ? cols : [];
}

// The column may say which earlier sample it holds ("Mês anterior", "Coleta anterior", "Valor anterior").
// A hospital system's narrow header abbreviates it, often with the earlier sample's date ("ANT.(12/03 06:10)").
// An ICU bulletin names the day before today's column by its distance ("HOJE   D-1   REFERÊNCIA").
// A LIS prints the patient's last result before this one ("Último resultado", "ULT. RESULT."), or its
// abbreviation in brackets as its legend names it ("(ant.) = resultado anterior"). A PDF's narrow column
// cuts "Resultado" after its sixth letter ("RESULT. ANTERIOR", a Brasília lab's header).
// Without the dot, the abbreviation carries its sample's date in brackets ("ANT (12/05/2025)", h1637).
// The date may carry the sample's hour, a newborn's bilirubin drawn twice a day ("ANT.15/08 22h").
// A care programme's dashboard says "before", with the earlier sample's month ("ANTES (11/2024)", h1631).
const PREVIOUS_HEADER_CELL =
  /^(?:\((?:ant\.?|anterior)\)$|(?:(?:resultados?|res(?:ult)?\.|m[eê]s|coletas?|exames?|valor(?:es)?|dosage(?:m|ns)|[uú]ltim[oa]s?)\s+)?(?:(?:anterior(?:es)?|hist[oó]rico)\b|ant\.(?:\s*\(|\s*$|\s*\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?:\s+\d{1,2}(?::\d{2}|h\d{0,2}))?$)|ant\s*\(\s*\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?:\s+\d{1,2}:\d{2})?\s*\)$)|d\s?-\s?[1-9]$|ontem$|antes(?:\s*\(\s*\d{1,2}\/\d{2,4}\s*\))?$|[uú]lt(?:imo|\.)\s*res(?:ult(?:ado)?)?\.?(?:\s|$))/i;

// A large network's cumulative report numbers its earlier samples' columns ("Resultado   Anterior 1   Anterior 2
// Valores de referência", each sample's date on the line under the header): the digit is the column's ordinal,
// no value; "1º anterior" and "Ant. 2" say the same.
const NUMBERED_PREVIOUS_CELL = /^(?:(?:(?:resultados?|res(?:ult)?\.)\s+)?(?:anterior|ant\.?)\s*[-(]?\s*[1-9]\)?|[1-9]\s*[ºª°o]?\s*(?:resultado\s+)?anterior)$/i;

/** Whether a header cell heads an earlier sample's column ("Anterior", "Resultado anterior", "Ant. 12/03"). */
export const isPreviousHeaderCell = (cell: string): boolean => PREVIOUS_HEADER_CELL.test(cell.trim());

/** Whether a header cell heads one of several numbered earlier samples' columns ("Anterior 1", "Ant. 2"). */
export function isNumberedPreviousCell(cell: string): boolean {
  return NUMBERED_PREVIOUS_CELL.test(cell.trim());
}

/** A header line without its numbered earlier columns' cells ("Anterior 1"), blanked where they stand. */
export function withoutNumberedPreviousCells(text: string): string {
  const cycleAt = cycleColumnOf(text, 0);
  return cellStarts(text, 0).reduce(
    (t, c) => (isNumberedPreviousCell(c.cell) || c.at === cycleAt ? t.slice(0, c.at) + ' '.repeat(c.cell.length) + t.slice(c.at + c.cell.length) : t),
    text,
  );
}

/**
 * The dates of a header's numbered earlier columns on the line under it ("12/03/2025   09/09/2024" under
 * "Anterior 1   Anterior 2"): the header's second line, each date inside one earlier column, no row.
 */
export function datesOverEarlierColumns(text: string, offset: number, history: History): boolean {
  const cs = cellStarts(text, offset);
  const earlier = history.earlier ?? [];
  return cs.length >= 1 && cs.length <= earlier.length && cs.every((c) => DATE_ONLY.test(c.cell) && earlier.some((e) => c.at >= e.from - 3 && c.at < e.to - 3));
}

/** Column where a header's previous-result cell starts ("Anterior", "Resultado anterior", "Histórico"). */
export function previousColumnOf(text: string, offset: number): number | undefined {
  const cs = cellStarts(text, offset);
  const named = cs.find(({ cell }) => PREVIOUS_HEADER_CELL.test(cell))?.at;
  if (named !== undefined) return named;
  return cycleColumnOf(text, offset);
}

/**
 * A chemotherapy day unit prints the last cycle's results beside today's ("Exame   Atual   Ciclo 5   Unidade",
 * h1648): a treatment cycle's numbered column after the current one is an earlier sample's, its number no value.
 */
function cycleColumnOf(text: string, offset: number): number | undefined {
  const cs = cellStarts(text, offset);
  const current = cs.findIndex(({ cell }) => CURRENT_HEADER_CELL.test(cell));
  return current < 0 ? undefined : cs.slice(current + 1).find(({ cell }) => CYCLE_HEADER_CELL.test(cell))?.at;
}

const CURRENT_HEADER_CELL = /^(?:hoje|(?:resultados?\s+)?atua(?:l|is)|ciclo\s+atual)$/i;
const CYCLE_HEADER_CELL = /^ciclo\s*(?:n[º°o.]\s*)?\d{1,2}$/i;

/**
 * The second line of a two-line header ("%   /mm³   08/03/2023" under "LEUCOGRAMA   %   /mm³   Valores
 * de referência   Resultado anterior"): only units (of the value or of the reference columns) and the
 * previous result's date. Returns where the date cell starts (the previous column as its values are printed), or null
 * when there is none; undefined when the line is anything else.
 */
export function headerUnitsAndDate(text: string, offset: number): { dateAt: number | null } | undefined {
  const cs = cellStarts(text, offset);
  const date = cs.find(({ cell }) => /^(?:\d{1,2}\/)?\d{1,2}\/\d{2,4}$/.test(cell));
  const units = cs.filter(({ cell }) => columnUnit(cell) !== undefined);
  if (units.length === 0 || units.length + (date ? 1 : 0) !== cs.length) return undefined;
  return { dateAt: date?.at ?? null };
}

/**
 * The second line of a header with a previous-result column, holding only the samples' dates (`11/06/2025
 * 14/05/2025` under `ATUAL   MÊS ANTERIOR`, `02/06/2025   03/03/2025   09/12/2024` under `RESULTADO
 * ANTERIORES`): the newest date is the current result's column, each other date an earlier sample's,
 * up to the next date or the next cell of the first header line (the reference column). Undefined
 * unless the line is two or more dates and nothing else.
 */
export function datesUnderHeader(
  text: string,
  offset: number,
  headerStarts: number[],
  under?: { previousAt: number; resultAt: number | undefined },
): History | undefined {
  // The header's last cell may wrap onto this line after the dates ("Valores de" over "referência"):
  // words alone, no digit, starting under a cell of the first line; they name no sample.
  const all = cellStarts(text, offset);
  const lastDate = all.findLastIndex(({ cell }) => DATE_ONLY.test(cell));
  const wrapped = all.slice(lastDate + 1);
  if (!wrapped.every((c) => /^\p{L}[\p{L} .]*$/u.test(c.cell) && headerStarts.some((at) => Math.abs(at - c.at) <= 3))) return undefined;
  const cs = all.slice(0, lastDate + 1);
  if (cs.length < 2 || !cs.every(({ cell }) => DATE_ONLY.test(cell))) return undefined;
  // Every date under the previous results' header cell ("RESULTADO   UNIDADE   REFERENCIA   ANTERIORES"
  // over "12/02/24  14/08/23" at its end): each is an earlier sample's, the current value the one under
  // "Resultado", dated or not.
  const allEarlier = under?.resultAt !== undefined && under.resultAt < under.previousAt - 3 && cs.every((c) => c.at >= under.previousAt - 3);
  const current = allEarlier ? undefined : cs.reduce((best, c) => (dateKey(c.cell) > dateKey(best.cell) ? c : best));
  const earlier = cs
    .filter((c) => c !== current)
    .map((c) => {
      const nextDate = cs.find((d) => d.at > c.at)?.at ?? Number.POSITIVE_INFINITY;
      const nextHeader = headerStarts.find((at) => at > c.at + 3) ?? Number.POSITIVE_INFINITY;
      return { from: c.at, to: Math.min(nextDate, nextHeader) };
    });
  return { dates: earlier.length, currentAt: current?.at ?? under!.resultAt!, earlier };
}

const DATE_ONLY = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/;

/**
 * Words naming each sample's column, printed under its date ("ADMISSÃO   ALTA" under "03/02/25
 * 08/02/25"): one word or two per cell, no digit, each starting near a dated column.
 */
export function datedColumnLabels(text: string, offset: number, history: History): boolean {
  const cs = cellStarts(text, offset);
  const columns = [history.currentAt, ...(history.earlier ?? []).map((e) => e.from)];
  return (
    cs.length >= 2 && cs.length <= columns.length && cs.every((c) => /^\p{L}+(?: \p{L}+)?$/u.test(c.cell) && columns.some((at) => Math.abs(at - c.at) <= 4))
  );
}

// A month printed by its name before the year ("JUN/2025", "Mai/25", "março/2025"), as a monthly panel heads
// each month's column: the month's first three letters, folded, name it.
const MONTH_NAME = String.raw`(?:${MONTHS.join('|')})\p{L}*\.?`;
/** A column header's date: day/month/year, month/year, or a month's name and the year ("JUN/2025"). */
export const DATE_CELL = new RegExp(String.raw`^(?:(?:\d{1,2}\/)?\d{1,2}|${MONTH_NAME})\/\d{2,4}$`, 'iu');
/** A date cell with its day, month and year ("14/06/2024"): no titre ("1/160") nor month ("03/2025") reads as one. */
export const FULL_DATE_CELL = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/;
// The word naming a date's column the current result's, in the date's own cell ("ATUAL 20/05/25", "20/05/25
// (atual)"): taken off, the cell is a date (DATE_CELL) and its column the current sample's.
export const CURRENT_DATE_WORD = /^(?:resultado\s+)?atual\s*:?\s+(?=\d)|\s+\(?atual\)?$/i;

/**
 * A header's cells with the samples' dates a cumulative report prints alone on the line over it put in where
 * they stand ("14/04/2025   13/01/2025   08/10/2024" over "Exame   Unidade   (atual)   Valores de referência",
 * h1964), the current sample's mark printed under its date read with it ("14/04/2025 (atual)", CURRENT_DATE_WORD):
 * the header as if printed on one line. Undefined unless the line above is two full dates or more and nothing
 * else, the header prints no date of its own, and no header cell but such a mark stands under a date.
 */
export function withDatesOver(
  starts: Array<{ cell: string; at: number }>,
  above: { text: string; offset: number },
): Array<{ cell: string; at: number }> | undefined {
  if (starts.some((c) => DATE_CELL.test(c.cell))) return undefined;
  const dates = cellStarts(above.text, above.offset);
  if (dates.length < 2 || !dates.every((d) => FULL_DATE_CELL.test(d.cell))) return undefined;
  const under = (c: { cell: string; at: number }) => dates.filter((d) => c.at < d.at + d.cell.length && d.at < c.at + c.cell.length);
  const marks = starts.filter((c) => under(c).length > 0);
  if (marks.some((c) => under(c).length !== 1 || !CURRENT_DATE_WORD.test(` ${c.cell}`))) return undefined;
  const merged = dates.map((d) => {
    const mark = marks.find((c) => under(c)[0] === d);
    return { cell: mark ? `${d.cell} ${mark.cell}` : d.cell, at: d.at };
  });
  return [...starts.filter((c) => !marks.includes(c)), ...merged].sort((a, b) => a.at - b.at);
}

/** A date cell as a sortable number (year, month, day); two-digit years are this century's, a month/year cell its month's first day. */
export function dateKey(cell: string): number {
  const parts = cell.split('/').map((p) => (/^\d+$/.test(p) ? Number(p) : MONTHS.indexOf(foldSameLength(p).slice(0, 3)) + 1));
  const [d, m, y] = parts.length === 3 ? parts : [1, parts[0]!, parts[1]!];
  return (y! < 100 ? 2000 + y! : y!) * 10000 + m! * 100 + d!;
}

/** A bar table header's previous-result cells: their numbers among the header's cells. */
export interface PreviousCell {
  indexes: number[];
  cells: number;
}

// The earlier sample's date in a column of its own, right after its value's ("| Resultado anterior | Data anterior |",
// a portal's history exported to a spreadsheet, h1966).
const PREVIOUS_DATE_HEADER_CELL = /^data(?:\s+(?:d[oa]\s+)?(?:(?:resultado|coleta|exame)\s+)?anterior)?$/i;

export function previousCellOf(bars: string[]): PreviousCell | undefined {
  const index = bars.findIndex((c) => PREVIOUS_HEADER_CELL.test(c));
  if (index < 0) return undefined;
  // Its date's cell is the earlier sample's too, cut with it: left on a row in words, the date would be read as its result's comment.
  const dated = PREVIOUS_DATE_HEADER_CELL.test(bars[index + 1]?.trim() ?? '');
  return { indexes: dated ? [index, index + 1] : [index], cells: bars.length };
}

const CURRENT_BAR_CELL = /(?:^|\s{2,})(?:resultados?\s+)?atua(?:l|is)$/i;

/**
 * A bar table history header ("| Exame | 12/09/2024 | 10/12/2024 | 17/03/2025 | Unidade | Referência |"):
 * the cells under every date but the newest are earlier samples'. Joined, the cells keep no positions,
 * so the columns are known by their numbers.
 */
export function earlierDateCellsOf(bars: string[]): PreviousCell | undefined {
  // One date named the current result's in its own cell ("| 28/04/2025 (atual) | 20/01/2025 | 21/10/2024 |", h1969):
  // its column is the current result's wherever it stands, the other dates earlier samples'.
  const unmarked = bars.map((c) => c.trim().replace(CURRENT_DATE_WORD, ''));
  const dates = unmarked.flatMap((c, i) => (DATE_CELL.test(c) ? [{ i, key: dateKey(c), marked: c !== bars[i]!.trim() }] : []));
  const marked = dates.filter((d) => d.marked);
  if (marked.length === 1 && dates.length >= 2) return { indexes: dates.filter((d) => !d.marked).map((d) => d.i), cells: bars.length };
  // A cell naming the current result's column ("| Atual |", or after the exam's in the first cell, "Exame
  // ATUAL | 16/06/25 | 14/06/25 | …"): the current value is under it, undated, and every date is an earlier sample's.
  if (dates.length >= 1 && bars.some((c) => CURRENT_BAR_CELL.test(c.trim()))) return { indexes: dates.map((d) => d.i), cells: bars.length };
  if (dates.length < 2) return undefined;
  const newest = Math.max(...dates.map((d) => d.key));
  if (dates.filter((d) => d.key === newest).length !== 1) return undefined;
  return { indexes: dates.filter((d) => d.key !== newest).map((d) => d.i), cells: bars.length };
}

// A bar table's column of the occupational exposure limit beside the reference ("| Valor de referência |
// IBMP |", NR-7's "IBE/EE", "IBE/SC"): the limit an index is held under. The cell may say in brackets that it is one
// ("| IBE/EE (limite) |", h1699).
const LIMIT_HEADER_CELL = /^(?:ibmp|ibe(?:\s*\/\s*(?:ee|sc))?)(?:\s*\(?nr[-\s]?7\)?)?(?:\s*\((?:limites?|lim\.)\))?$/i;
const REFERENCE_HEADER_CELL = /^(?:valor(?:es)?\s+(?:de\s+)?refer[eê]ncias?|refer[eê]ncias?|intervalo\s+de\s+refer[eê]ncia|v\.?\s?r\.?)$/i;
const EMPTY_CELL = /^[\s\-–—]*$/;
/** A ruled border under or over a table's header ("-----", "=====", "─────"). */
export const RULED_BORDER = /^\s*[-=_─━]{3,}\s*$/u;
/** A cell's dash for no value (no sample that hour, no result after the session). */
export const DASH_CELL = /^[-–—]{1,3}$/u;

/** A bar table header's exposure-limit cell and its reference cell, by their numbers among the header's cells. */
export interface LimitCell {
  index: number;
  reference: number | undefined;
  cells: number;
}

export function limitCellOf(bars: string[]): LimitCell | undefined {
  const index = bars.findIndex((c) => LIMIT_HEADER_CELL.test(c.trim()));
  if (index < 0) return undefined;
  const reference = bars.findIndex((c) => REFERENCE_HEADER_CELL.test(c.trim()));
  return { index, reference: reference < 0 ? undefined : reference, cells: bars.length };
}

// A care team's column of what it did about each result ("| Conduta da equipe |", "| Observações |", a care home's
// quarterly report to the family, h1472): doses and volumes, no result nor reference of the row. So is a
// landscape report's method column last ("| VALORES DE REFERÊNCIA | RESULTADO ANTERIOR | MÉTODO"): the method's
// words would end the reference's, and a reference cell that is only a dash ("--") would be no longer alone.
const REMARK_HEADER_CELL =
  /^(?:m[eé]todos?|metodologias?|condutas?|observa[cç](?:[aã]o|[oõ]es)|obs\.?|coment[aá]rios?|plano|a[cç](?:[aã]o|[oõ]es))(?:\s+(?:d[ao]s?\s+)?(?:equipe|m[eé]dic[oa]|enfermagem|cl[ií]nic[oa]))?$/i;

/** A bar table header's remark cell, last of its cells: its number among them. */
export interface RemarkCell {
  index: number;
  cells: number;
}

export function remarkCellOf(bars: string[]): RemarkCell | undefined {
  const index = bars.length - 1;
  return index >= 2 && REMARK_HEADER_CELL.test(bars[index]!.trim()) ? { index, cells: bars.length } : undefined;
}

/**
 * A bar table row without its remark cell, or its text as it was when the row does not fit the header. The cells
 * at `blank` (an earlier sample's, under the previous-result header) are blanked too; a row `shift` cells wider
 * than the header (previousCellShift) has them, and its remark cell, that many places right.
 */
export function withoutRemarkCell(line: CleanLine, remark: RemarkCell, blank: readonly number[] = [], shift = 0): string {
  const bars = line.bars;
  if (bars === undefined || bars.length !== remark.cells + shift) return line.text;
  const row = cleanLine(
    `| ${bars
      .slice(0, remark.index + shift)
      .map((c, i) => (blank.includes(i - shift) ? '' : c))
      .join(' | ')} |`,
    line.index,
  ).text;
  // What the last cell prints after its remark, a cell gap or a spaced ';' apart ("Calculado   Anti-HCV   REAGENTE",
  // the row's end with no closing bar): no remark, but more of the line, read as it is printed after any row.
  const last = bars[remark.index + shift]!.trim();
  const after = /\s{2,}|\s;\s/.exec(last);
  return after ? `${row}${last.slice(after.index)}` : row;
}

/**
 * A bar table row with its exposure limit moved into its reference cell, as a lab that prints both in one
 * cell does ("até 1,5 (IBMP: 2,5)"; a dash under the reference leaves "IBMP: 1,5", the limit the value is
 * compared with): the row's text cleaned again, or as it was when the row does not fit the header.
 */
export function withLimitInReference(line: CleanLine, limit: LimitCell): string {
  const bars = line.bars;
  if (bars === undefined || bars.length !== limit.cells) return line.text;
  const value = bars[limit.index]!.trim();
  const out = bars.map((c, i) => (i === limit.index ? '' : c));
  if (!EMPTY_CELL.test(value) && /\d/.test(value)) {
    // A range there, with no reference column beside it, is a row's own reference, as the table's only range
    // column holds for the sample's validity index ("| Creatinina urinária | 1,12 | g/L | 0,3 a 3,0 |" under "IBE/EE
    // (limite)", h1699): no limit to label.
    const range = limit.reference === undefined && numbersIn(value).length >= 2 && parseRangeExpression(value) !== undefined;
    const label = range || /^ibmp|^ibe/i.test(value) ? value : `IBMP: ${value}`;
    if (limit.reference === undefined) out[limit.index] = label;
    else {
      const ref = out[limit.reference]!.trim();
      out[limit.reference] = EMPTY_CELL.test(ref) ? label : `${ref} (${label})`;
    }
  }
  return cleanLine(`| ${out.filter((c, i) => i !== limit.index || c !== '').join(' | ')} |`, line.index).text;
}

/**
 * Units of the first `n` bare values of `valueText` under a header with value columns: in order when
 * every column holds a value, else each the unit of the column whose header starts nearest it
 * ("Leucócitos   7.350" under "/mm³"; "Bastonetes   4   276   0 a 5   0 a 500" under a header printed
 * over the value and the reference columns, "%   /mm3   %   /mm3").
 */
export function unitsByColumn(columns: ValueColumn[], n: number, line: CleanLine, valueText: string): string[] {
  if (n >= columns.length) return columns.map((c) => c.unit);
  // Positions as printed: a dot leader ("LEUCÓCITOS ........   4.100") is shortened in the cleaned
  // text, which would move the value towards the first column.
  const values = numbersIn(valueText).slice(0, n);
  if (values.length < n) return [];
  // Reference cells labelled by their age-band column ("1 a 2 anos: 6.000 - 17.000") are no longer
  // printed text: the values, which come before them, are found by the text up to the last of them.
  const head = valueText.slice(0, values[n - 1]!.index + values[n - 1]!.text.length);
  const raw = line.raw.replace(/\t/g, '   ');
  const printed = raw.includes(valueText) ? raw.lastIndexOf(valueText) : raw.indexOf(head);
  const base = printed >= 0 ? printed : line.text.lastIndexOf(valueText);
  if (base < 0) return [];
  return values.map((v) => {
    const at = (printed >= 0 ? 0 : line.offset) + base + v.index;
    return columns.reduce((best, c) => (Math.abs(c.at - at) < Math.abs(best.at - at) ? c : best)).unit;
  });
}

/** A history report's dated columns: how many, and where the current result's column starts. */
export interface History {
  dates: number;
  /** -Infinity when no column heads the current result: it is printed before the first earlier column. */
  currentAt: number;
  /**
   * The earlier samples' columns, when the header places them (a dated header with unit and reference
   * columns after the dates): only cells inside them are cut, the rest of the row is read.
   */
  earlier?: Array<{ from: number; to: number }>;
  /** The change columns beside the samples' ("VAR. %", "Δ%"): each row's change since the earlier sample, no result. */
  changes?: Array<{ from: number; to: number }>;
}

// A previous-result cell: an earlier value, one the transcription could not read ("[ilegível]"), or a word result.
const isPreviousCell = (c: string | undefined): boolean => c !== undefined && (PREVIOUS_VALUE.test(c) || ILLEGIBLE_PREVIOUS.test(c) || isPreviousWord(c));

/**
 * How many places a bar row's previous-result cells stand right of the header's: 0 for a row with one cell per
 * header cell; 1 for a row with one cell more before them — a differential printing its relative and absolute
 * ranges as two cells under one reference header ("| 54 % | 3.040 /µL | 40 a 70 % | 1.700 a 7.000 /µL | 58 % |"),
 * known by the earlier value one cell right of its header and no earlier value under the header itself; undefined
 * when the row's cells under the column hold no earlier sample's.
 */
export function previousCellShift(bars: readonly string[], previousCell: PreviousCell): 0 | 1 | undefined {
  const under = (shift: number) => previousCell.indexes.every((i) => isPreviousCell(bars[i + shift]));
  if (bars.length === previousCell.cells) return under(0) ? 0 : undefined;
  if (bars.length === previousCell.cells + 1 && previousCell.indexes.length === 1 && under(1) && !under(0)) return 1;
  return undefined;
}

/**
 * A row's text without the cell under the previous-result column (a bare number, a date or "--").
 * Under a history header ("Atual   14/11/2024   20/05/2024") every cell from that column on is an
 * earlier sample's value, with its unit ("109 mg/dL") or a dash.
 */
export function withoutPreviousColumn(line: CleanLine, previousAt: number, history?: History, previousCell?: PreviousCell, starts?: number[]): string {
  // A bar table row with as many cells as its header: the cell under the previous-result header, if it
  // holds an earlier value, is blanked and the row cleaned again.
  if (previousCell !== undefined && line.bars !== undefined) {
    const shift = previousCellShift(line.bars, previousCell);
    if (shift === undefined) return line.text;
    const bars = line.bars.map((c, i) => (previousCell.indexes.includes(i - shift) ? '' : c));
    return cleanLine(`| ${bars.join(' | ')} |`, line.index).text;
  }
  const cs = history === undefined ? withDatesJoined(line.text, line.offset) : cellStarts(line.text, line.offset);
  const last = cs[cs.length - 1];
  if (history?.earlier !== undefined) {
    // The header's columns are where they are printed; a dot leader shortened in the cleaned text moves
    // every cell after it to the left ("Creatinina ......   2,48 mg/dL   2,31"), the columns with them.
    const by = leaderShift(line);
    const earlier = history.earlier.map((e) => ({ from: e.from - by, to: e.to - by }));
    const changes = (history.changes ?? []).map((e) => ({ from: e.from - by, to: e.to - by }));
    return withoutEarlierColumns(changes.length > 0 ? { ...line, text: withoutChangeCells(line, changes) } : line, history.currentAt - by, earlier);
  }
  // More earlier samples under the first, each alone on its line in the column ("10/12/2024   7,4 %" /
  // "09/09/2024   8,1 %"): nothing of the current sample's is on such a line. Two dates are the column's
  // header ("12/02/24  14/08/23"), no sample.
  if (history === undefined && cs.length > 0 && cs.every((c) => c.at >= previousAt - 3 && isDatedPrevious(c.cell))) return '';
  if (history !== undefined) {
    const first = cs.findIndex((c) => c.at >= previousAt - 3);
    const earlierValue = (c: { cell: string }) => /^(?:[<>]?\s*\d[\d.,]*(?:\s*[^\s\d]\S*)?|-+|—|n\/?d)$/i.test(c.cell);
    // The current value sits under "Atual", alone or sharing its cell with the name ("Glicemia média
    // estimada 146 mg/dL"); a number elsewhere (a signature's "CRM-SP 88.120") is not one.
    const before = cs[first - 1];
    const current = before ? /(?:^|\s)([<>]?\s*\d[\d.,]*)(?:\s*[^\s\d]\S*)?$/.exec(before.cell) : null;
    const currentAt = current && before ? before.at + (current.index ?? 0) + current[0].length - current[0].trimStart().length : -1;
    // More cells than the header has dates: the line holds more than earlier results, nothing is cut.
    if (first < 1 || cs.length - first > history.dates || Math.abs(currentAt - history.currentAt) > 3 || !cs.slice(first).every(earlierValue)) return line.text;
    return line.text.slice(0, cs[first]!.at - line.offset).trimEnd();
  }
  // A previous-result column between the unit and the reference columns ("RESULTADO   UNIDADE   ANTERIOR
  // VALOR DE REFERÊNCIA"): the one cell under it, up to the next header cell, is cut and the reference
  // after it is read with the result, as if printed right after the unit.
  // Positions are taken as printed: a dot leader ("Ureia ........ 38") is shortened in the cleaned text;
  // the cell is found in the cleaned text by its place from the end, which the leader does not change.
  const nextAt = starts?.find((at) => at > previousAt + 3);
  if (nextAt !== undefined) {
    const printed = withDatesJoined(line.raw.replace(/\t/g, '   '), 0);
    // A PDF's cells may drift left of their header cells, the reference's into the span under the previous
    // column ("188 em 12/05/2025   70 a 99 mg/dL" under "RESULTADO ANTERIOR   VALORES DE REFERÊNCIA"): a row
    // with one cell per header cell is placed by order, its cell under the previous header the earlier sample's.
    // Only when the header's first cell is over the name and each cell starts nearer its own header cell than
    // any other (a header over the value columns only, "%   /mm³   Anterior /mm³", would place the name
    // first); the cell placed so must still reach into the previous column. A number right-aligned under a
    // left-aligned header cell may start nearer the cell before ("33,2   2.058   1.984" under "%   /mm³
    // anterior /mm³"): it ends right where its own starts, and is placed by its end then.
    const previousIndex = starts!.findIndex((at) => Math.abs(at - previousAt) <= 3);
    const nearest = (at: number) => starts!.reduce((best, s, i) => (Math.abs(s - at) < Math.abs(starts![best]! - at) ? i : best), 0);
    const placed =
      printed.length === starts!.length &&
      Math.abs(starts![0]! - printed[0]!.at) <= 3 &&
      printed.every((c, i) => nearest(c.at) === i || (/^[\d.,]+$/.test(c.cell) && nearest(c.at + c.cell.length) === i));
    const inOrder = previousIndex > 0 && placed ? printed[previousIndex] : undefined;
    const byOrder = inOrder && inOrder.at + inOrder.cell.length > previousAt - 3 && inOrder.at < nextAt - 3 ? inOrder : undefined;
    const spanned = printed.filter((c) => c.at >= previousAt - 3 && c.at < nextAt - 3);
    // The reference's cell drifted left into that span after the earlier sample's ("118   Com jejum: < 150 mg/dL",
    // the reference 5 characters left of its header, h1619): a later cell nearer the next header cell than the
    // previous one's is the reference's.
    const drifted = spanned.length > 1 ? spanned.slice(1).filter((c) => nextAt - c.at < c.at - previousAt) : [];
    const under = byOrder ? [byOrder] : spanned.filter((c) => !drifted.includes(c));
    // A dash in the unit column after it ("1,18   1,12   -   até 1,25" under "Resultado   Anterior   Unidade
    // Referência", a ratio without a unit, h1645) is dropped from the cleaned text: it is no cell counted there.
    const dash = (c: { cell: string }) => /^[-–—]$/.test(c.cell);
    const tail = printed.slice(printed.indexOf(under[0]!) + 1);
    const fromEnd = under.length === 0 || cs.some(dash) ? printed.length - printed.indexOf(under[0]!) : 1 + tail.filter((c) => !dash(c)).length;
    const cell = cs[cs.length - fromEnd];
    const after = byOrder !== undefined || drifted.length > 0 || printed.some((c) => c.at >= nextAt - 3);
    // The name and the current value may share the first cell, a dot leader or one space apart ("pH ····
    // 7,31 *   7,26   7,35 - 7,45"): a value ending that cell is the current one before the previous cell.
    // With its unit too, after a leader ("Glicose ······ 109 mg/dL   101 mg/dL   70 a 99 mg/dL").
    // A row whose long name took a line of its own above it prints its cells alone under their columns ("TAXA DE
    // FILTRAÇÃO GLOMERULAR ESTIMADA (CKD-EPI 2021)" / "   50   56   > 60", h1655): a value alone right of the name
    // column is the current one before the previous cell.
    const valueFirst = cs[cs.length - fromEnd - 1];
    const namelessValue =
      fromEnd === cs.length - 1 &&
      valueFirst !== undefined &&
      valueFirst.at > starts![0]! + 3 &&
      /^[<>]?\s*\d/.test(valueFirst.cell) &&
      endsCell(valueFirst.cell);
    const valueBefore = fromEnd < cs.length - 1 || endsInValue(valueFirst?.cell ?? '') || namelessValue;
    // A serology's earlier result is a word, as its current one is ("HBsAg   Não reagente   Não reagente
    // Não reagente", under "RESULTADO   ANTERIOR   REFERÊNCIA"): the word under the column is cut the same.
    const wordBefore = (c: { cell: string } | undefined) => c !== undefined && qualitativeAtStart(c.cell)?.consumed === c.cell.length;
    const previousWord = wordBefore(cell) && wordBefore(cs[cs.length - fromEnd - 1]);
    // A second earlier sample under the first, on the line where the reference cell goes on ("4,10 (08/10/2024)
    // 50 a 59 anos: até 3,5"): nothing of the current sample's before it, the reference's next line after it.
    if (under.length === 1 && after && fromEnd === cs.length && printed[0] === under[0] && cell?.cell === under[0]!.cell && isDatedPrevious(cell.cell))
      return line.text.slice(cell.at - line.offset + cell.cell.length).trimStart();
    if (under.length === 1 && after && valueBefore && cell?.cell === under[0]!.cell && (PREVIOUS_VALUE.test(cell.cell) || previousWord)) {
      const i = cell.at - line.offset;
      return `${line.text.slice(0, i).trimEnd()}   ${line.text.slice(i + cell.cell.length).trimStart()}`;
    }
    // Long cells may fill their columns and leave one space before the next ("… 66 mL/min/1,73m² 70
    // mL/min/1,73m² superior a 60"): the line is one cell, but words that start right where the previous
    // column and the column after it start bound the earlier sample's cell.
    if (under.length === 0) {
      const cut = cellAtColumns(line, previousAt, nextAt);
      if (cut) return cut;
    }
    // A last cell at or past the next header cell sits in the reference column, not under the previous
    // one: nothing is cut (a number after a section line is no earlier sample's).
    const lastPrinted = printed[printed.length - 1];
    if (lastPrinted && lastPrinted.at >= nextAt - 3) return line.text;
  }
  // The cells below are the cleaned text's: a dot leader shortened in it ("HEMOGLOBINA ......:   11,3
  // g/dL   [12,0 a 15,5]   10,8  14/10/24") moves them left of where they are printed, the column with them.
  previousAt -= history === undefined ? leaderShift(line) : 0;
  // A long bracketed reference leaves one space before the earlier sample's cell ("[150.000 a 400.000]
  // 334.000 14/10/24"): the bracket ends the reference, what follows it under the column is cut.
  // Its date may stand in a cell of its own ("412.000  02/01/25").
  const withBracket = cs.slice(1).findLast((c, k) => k >= cs.length - 3 && /^(?:\[[^\]]*\]|\([^)]*\))\s\S/.test(c.cell));
  if (withBracket) {
    const end = withBracket.at - line.offset + withBracket.cell.search(/[\])]\s/) + 1;
    const rest = line.text.slice(end);
    const restAt = end + rest.length - rest.trimStart().length + line.offset;
    if (restAt >= previousAt - 3 && PREVIOUS_VALUE.test(rest.trim())) return line.text.slice(0, end).trimEnd();
  }
  // A long unit pushes the current cell up to the column, leaving one space before the earlier sample's
  // date ("71 mL/min/1,73m² 10/12/2024   75 mL/min/1,73m²"): that date and its value are the cell cut.
  const glued = /\s(\d{1,2}\/\d{1,2}\/\d{2,4}:?)\s+(\S.*)$/.exec(line.text);
  if (glued && Math.abs(glued.index + 1 + line.offset - previousAt) <= 3 && VALUE_AFTER_DATE.test(glued[2]!) && /\d/.test(line.text.slice(0, glued.index)))
    return line.text.slice(0, glued.index).trimEnd();
  // A reference running up to the column leaves one space before the earlier sample's value ("Desejável
  // (jejum): < 150 188" under "VALOR DE REFERÊNCIA   ANTERIOR", h1603): a bare value starting at the column is cut.
  // Only when the cell it is glued to starts before the column ("74 24/04", a value and its date, is the column's own cell).
  const touching = /(\S)\s(\S+)$/.exec(line.text);
  if (
    history === undefined &&
    touching &&
    cs.length >= 3 &&
    last !== undefined &&
    last.at < previousAt - 3 &&
    Math.abs(touching.index + 2 + line.offset - previousAt) <= 3 &&
    PREVIOUS_VALUE.test(touching[2]!) &&
    /\d$/.test(touching[1]!)
  )
    return line.text.slice(0, touching.index + 1).trimEnd();
  // Numbers are printed right-aligned: a last cell that starts a little before the header cell but runs
  // into it ("244.000" under "Resultado anterior") is under it too.
  // A value with its sample's date at the end of a line (a reference's second line, "Pré-diabetes: 5,7 a
  // 6,4 %   5,5 % em 20/03/2024", stacked earlier samples running beside the reference's lines) is an
  // earlier sample's however few cells come before it: the date says so.
  if (history === undefined && last && cs.length >= 2 && last.at >= previousAt - 3 && cs[cs.length - 2]!.at < previousAt - 3 && isDatedPrevious(last.cell))
    return line.text.slice(0, last.at - line.offset).trimEnd();
  // The earlier sample's date wrapped under its value ("4,88 ng/mL" / "(18/11/2024)", h1777), on the line where the
  // reference's bands go on ("Material: Soro   50 a 59 anos: até 3,5 ng/mL   (18/11/2024)"): the earlier sample's
  // too, cut so that the band is read with the row's others.
  if (history === undefined && last && cs.length >= 2 && last.at >= previousAt - 3 && cs[cs.length - 2]!.at < previousAt - 3 && WRAPPED_DATE.test(last.cell))
    return line.text.slice(0, last.at - line.offset).trimEnd();
  if (cs.length < 3 || !last || (last.at < previousAt - 3 && last.at + last.cell.length <= previousAt)) return line.text;
  // Only the one cell under the header is the previous result: a second cell at or past that column
  // ("--   48,7") means the line holds more than the header says, and nothing is cut.
  const past = cs.filter((c) => c.at >= previousAt - 3);
  // A differential row's earlier sample is a pair, as its current one is ("82,0 %   11,64 10³/µL   40,0-75,0 % |
  // 1,50-7,70   78,5 %   9,30" under "ANTERIOR 15/09", a hospital's daily panel, h1825): a relative count and a
  // bare number under the column, beside a current relative count, are the earlier sample's two cells.
  const relative = (cell: string) => /^\d[\d.,]*\s?%$/.test(cell);
  if (past.length === 2 && relative(past[0]!.cell) && /^\d[\d.,]*$/.test(past[1]!.cell) && cs.slice(1, cs.indexOf(past[0]!)).some((c) => relative(c.cell)))
    return line.text.slice(0, past[0]!.at - line.offset).trimEnd();
  if (past.length > 1) return line.text;
  // A serology's earlier result in words under the column itself ("NÃO REAGENTE   Não reagente   Não reag.
  // (12/02/25)" under "RESULTADO   UNIDADE   REFERÊNCIA   ANTERIOR", h1944), or drifted left of it with the row and
  // dated ("VDRL   NÃO REAGENTE   NÃO REAGENTE   NÃO REAGENTE (14/11/2024)", h1984): its sample's date says it is
  // the earlier one. An undated word there may be the reference's, or a result of its own (a corpus property on
  // h217: "Anti-HCV   REAGENTE" typed after a row under "ANTERIOR" was cut as the earlier sample's).
  const previousWord = isPreviousWord(last.cell) && /\d\/\d/.test(last.cell);
  if (!PREVIOUS_VALUE.test(last.cell) && !previousWord) return line.text;
  return line.text.slice(0, last.at - line.offset).trimEnd();
}

/**
 * A row under a header whose last column is the reference's, less a bare number printed after its closed range
 * ("Leucócitos   5.870   3.500 a 10.500   6.120" under "%   /mm³   Valores de Referência (/mm³)", h1683): no
 * header cell names that column; it is the earlier sample's column a table above named ("Resultado anterior"),
 * and the current value is already before the reference.
 */
export function withoutCellPastReference(line: CleanLine, referenceAt: number, starts: number[] | undefined): string {
  if (starts === undefined || starts.some((at) => at > referenceAt + 3)) return line.text;
  const cs = cellStarts(line.text, line.offset);
  if (cs.length < 3 || cs[cs.length - 2]!.at < referenceAt - 6 || !afterClosedRange(cs)) return line.text;
  return line.text.slice(0, cs[cs.length - 1]!.at - line.offset).trimEnd();
}

/**
 * A PDF copied as text drifts its cells left of their headers ("Hemoglobina      10,4 g/dL      12,0 a 15,5
 * 10,9" under "Resultado   Unidade   Valores de Referência   12/02/2025", h1683): a bare number right after a
 * closed range, with the current value before that range, is the earlier sample's wherever it starts. The row
 * without it; undefined when no such number stands left of the previous-result column (`withoutPreviousColumn`
 * cuts one under it).
 */
export function withoutDriftedEarlierCell(line: CleanLine, previousAt: number): string | undefined {
  const cs = withDatesJoined(line.text, line.offset);
  const last = cs[cs.length - 1];
  if (cs.length < 3 || !last || last.at >= previousAt - leaderShift(line) - 3 || !afterClosedRange(cs)) return undefined;
  return line.text.slice(0, last.at - line.offset).trimEnd();
}

/** Whether the last cell is a bare number after a cell ending in a closed range ("12,0 a 15,5") and a value before it. */
function afterClosedRange(cs: Array<{ cell: string; at: number }>): boolean {
  const last = cs[cs.length - 1]!.cell;
  const range = cs[cs.length - 2]!.cell;
  if (!/^\d[\d.,]*$/.test(last) || !/(?:^|\s)\d[\d.,]*\s*(?:a|-|–)\s*\d[\d.,]*(?:\s*[^\s\d]\S*)?$/.test(range)) return false;
  return cs.slice(0, -2).some((c, i) => (i === 0 ? /\s\d[\d.,]*(?:\s+\S+)?$/ : /^[<>]?\d[\d.,]*(?:\s+\S+)?$/).test(c.cell));
}

/**
 * A previous result's cell: a number with an optional unit and date ("4,91 em 14/08/2024", "36 U/L em
 * 02/09/2024"), or the dash of a missing sample.
 */
// Some networks print the sample's date first ("12/04/2024: 209 mg/dL", "10/12/2024   7,4 %").
// A base excess is negative ("-12,8"). A ward that samples more than once a day prints the time after the date
// ("7,31 (09/05 17:02)", an ICU's blood gases, h1894). A care programme's municipal lab dates it by month and
// year only ("142 (11/2024)" under "ANTERIOR", h1918). A unit per body surface may set its m² one space apart
// ("79 mL/min/1,73 m²", a portal's eGFR row copied with tabs, h1924): still one unit.
const SAMPLE_TIME = String.raw`(?:\s+\d{1,2}[:h]\d{2})?`;
const PREVIOUS_VALUE = new RegExp(
  String.raw`^(?:[<>]?\s*[-−]?\d[\d.,]*(?:\s{0,2}[^\s\d(]\S*(?:\sm[²2])?)?(?:\s*(?:em|de)?\s*\(?\d{1,2}\/(?:\d{1,2}(?:\/\d{2,4})?|\d{4})${SAMPLE_TIME}\)?)?|\d{1,2}\/\d{1,2}\/\d{2,4}\s*[:\-»]?\s*[<>]?\s*\d[\d.,]*(?:\s{0,2}[^\s\d(]\S*)?|-+|—|n\/?d)$`,
  'i',
);

// An earlier sample's date alone, in brackets or not ("(18/11/2024)").
const WRAPPED_DATE = /^\(?\d{1,2}\/\d{1,2}\/\d{2,4}\)?$/;

/** A previous result's cell with its sample's date, before or after the value ("12/04/2024: 209 mg/dL", "95 mg/dL em 14/10/2024"). */
function isDatedPrevious(cell: string): boolean {
  return (
    PREVIOUS_VALUE.test(cell) &&
    (/^\d{1,2}\/\d{1,2}\/\d{2,4}\s*:?\s+[<>]?\s*\d[\d.,]*(?![\d.,]*\/)/.test(cell) ||
      /^[<>]?\s*[-−]?\d[\d.,]*(?![\d/]).*\s\(?\d{1,2}\/\d{1,2}\/\d{2,4}\)?$/.test(cell))
  );
}

/** A serology's earlier result in words, perhaps with its sample's date ("Reagente (11/11/2024)", "Não reagente em 03/2024"). */
function isPreviousWord(cell: string): boolean {
  // A narrow column cuts the word short with a full stop ("Não reag. (12/02/25)", h1944): the word still.
  const whole = cell.replace(/^((?:n[aã]o\s+)?)reag\.(?=\s|$)/iu, '$1reagente');
  const word = qualitativeAtStart(whole);
  return word !== undefined && /^\s*(?:(?:em|de)\s+)?(?:\(?(?:\d{1,2}\/)?\d{1,2}\/\d{2,4}\)?)?$/.test(whole.slice(word.consumed));
}

// An earlier sample's cell a transcription marks as unreadable ("[ilegível]", "[ilegível – dobra do papel]"),
// or as cut off by the picture's edge ("[cortado]", the last column of a screenshot).
const ILLEGIBLE_PREVIOUS = /^\[?\s*(?:ileg[ií]vel|cortad[oa]|borrad[oa]|apagad[oa])(?![\p{L}])[^\]\d]{0,40}\]?$/iu;

// The date of an earlier sample in a cell of its own after its value ("4,91   em 14/08/2024", "58  (02/03/2024)").
const DATE_AFTER_VALUE = /^(?:(?:em|de)\s+)?\(?\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\)?$/i;

// The date of an earlier sample in a cell of its own before its value ("10/12/2024   7,4 %").
const DATE_BEFORE_VALUE = /^\d{1,2}\/\d{1,2}\/\d{2,4}:?$/;
// The unit within the cell: after a column gap a word is a cell of its own ("12/08/26: 25   Reagente").
const VALUE_AFTER_DATE = /^[<>]?\s*\d[\d.,]*(?:\s{0,2}[^\s\d(]\S*)?$/;

/** A number alone or with its unit ("4,91", "36 U/L"); a date is none. */
function isValueWithUnit(cell: string): boolean {
  const n = /^[<>]?\s*\d[\d.,]*(?![\d/])/.exec(cell);
  const rest = n ? cell.slice(n[0].length).trim() : undefined;
  return rest === '' || (rest !== undefined && unitAtStart(rest)?.consumed === rest.length);
}

/** Cells of a line as `cellStarts` gives them, a date cell joined to the number cell before it: one earlier sample. */
function withDatesJoined(text: string, offset: number): Array<{ cell: string; at: number }> {
  const out: Array<{ cell: string; at: number }> = [];
  for (const c of cellStarts(text, offset)) {
    const before = out[out.length - 1];
    const joined =
      before && ((DATE_AFTER_VALUE.test(c.cell) && isValueWithUnit(before.cell)) || (DATE_BEFORE_VALUE.test(before.cell) && VALUE_AFTER_DATE.test(c.cell)));
    if (before && joined) out[out.length - 1] = { cell: text.slice(before.at - offset, c.at - offset + c.cell.length), at: before.at };
    else out.push(c);
  }
  return out;
}

/** Earlier value cells: a number with an optional unit, or the dash of a missing sample. */
// An earlier sample below the assay's limit is printed in words ("Não detectado", "Indetectável").
const EARLIER_VALUE = /^(?:[<>]?\s*[-−]?\d[\d.,]*(?:\s*[^\s\d]\S*)?|-+|—|n\/?d|n[aã]o\s+detectad[oa]|indetect[aá]vel)$/i;

/**
 * A line of units alone under a header with a previous-result column, one group of units under each of
 * the result, the previous-result and the reference cells ("%   /mm³   %   /mm³   %   /mm³" under
 * "Resultado   Anterior   Valores de Referência", a regional lab's differential): each unit belongs to the
 * header cell it starts nearest. The units under the result are the value columns; as many under the
 * previous-result cell are the earlier sample's cells, which a row prints after its current values.
 * Undefined unless both groups hold two units or more, the same number, and no unit sits before the result.
 */
export function unitsUnderPreviousHeader(
  units: ValueColumn[],
  starts: number[],
  previousAt: number,
): { current: ValueColumn[]; previousCells: number } | undefined {
  const previousIndex = starts.findIndex((at) => Math.abs(at - previousAt) <= 3);
  if (previousIndex < 1 || units.length < 4) return undefined;
  const nearest = (at: number) => starts.reduce((best, s, i) => (Math.abs(s - at) < Math.abs(starts[best]! - at) ? i : best), 0);
  const current = units.filter((u) => nearest(u.at) === previousIndex - 1);
  const previous = units.filter((u) => nearest(u.at) === previousIndex);
  if (current.length < 2 || previous.length !== current.length || units.some((u) => nearest(u.at) < previousIndex - 1)) return undefined;
  return { current, previousCells: previous.length };
}

const VALUE_CELL = /^[<>]?\s*\d[\d.,]*(?:\s*[^\s\d]\S*)?$/;

/**
 * A row under such units without its earlier sample's cells ("Monócitos   7,3   307   7,0   377   2 a 10
 * 80 a 1.000" → "Monócitos   7,3   307   2 a 10   80 a 1.000"). PDF text drifts each row's cells left or
 * right of their header, so the cells are taken by order, not by where they sit: the name, the current
 * values, then as many earlier values (numbers, or dashes for a missing sample), then the reference. The
 * row is left as it is (and read as usual) when its cells are not that.
 */
export function withoutPreviousCells(line: CleanLine, count: number): string | undefined {
  const cs = cellStarts(line.text, line.offset);
  if (cs.length < 2 * count + 1 || !/\p{L}/u.test(cs[0]!.cell) || VALUE_CELL.test(cs[0]!.cell)) return undefined;
  const current = cs.slice(1, count + 1);
  const earlier = cs.slice(count + 1, 2 * count + 1);
  // The reference after them is a range, a bound or words: never one more bare value, which would say the row
  // holds more values than the header's columns.
  const next = cs[2 * count + 1];
  if (!current.every((c) => VALUE_CELL.test(c.cell)) || !earlier.every((c) => EARLIER_VALUE.test(c.cell))) return undefined;
  if (next && /^[<>]?\s*\d[\d.,]*$/.test(next.cell)) return undefined;
  const from = earlier[0]!.at - line.offset;
  const to = earlier[count - 1]!.at - line.offset + earlier[count - 1]!.cell.length;
  return `${line.text.slice(0, from).trimEnd()}   ${line.text.slice(to).trimStart()}`.trimEnd();
}

/**
 * How many columns to the left a dot leader moved the cells after it when the line was cleaned (its
 * dots and the spaces around them became " : "): 0 without a leader, or when the text after it is not
 * found as printed.
 */
export function leaderShift(line: CleanLine): number {
  if (!line.leader) return 0;
  const at = line.text.lastIndexOf(' : ');
  const tail = at < 0 ? '' : line.text.slice(at + 3);
  const raw = line.raw.replace(/\t/g, '   ');
  const printed = tail === '' ? -1 : raw.lastIndexOf(tail);
  if (printed >= 0) return printed - (line.offset + at + 3);
  // The cleaning changed the tail too (a footnote's "*" taken out of "[20 a 60 *]"): its last cell, as
  // printed, places it.
  const last = /\S+(?: \S+)*$/.exec(tail);
  const lastPrinted = last ? raw.lastIndexOf(last[0]) : -1;
  return lastPrinted < 0 ? 0 : lastPrinted - (line.offset + at + 3 + last!.index);
}

/**
 * The line without the words printed from `from` to `to` (columns of the report line), when a word starts
 * at each (within a column: PDF text drifts), the words between are an earlier sample's cell and a current
 * value ends the words before them. Undefined otherwise.
 */
function cellAtColumns(line: CleanLine, from: number, to: number): string | undefined {
  const raw = line.raw.replace(/\t/g, '   ').trimEnd();
  const wordAt = (at: number) => [at, at - 1, at + 1].find((i) => i > 0 && raw[i - 1] === ' ' && /\S/.test(raw[i] ?? ''));
  const start = wordAt(from);
  const end = wordAt(to);
  if (start === undefined || end === undefined || end <= start) return undefined;
  const cell = raw.slice(start, end).trim();
  if (!PREVIOUS_VALUE.test(cell) || !endsInValue(raw.slice(0, start).trimEnd())) return undefined;
  // Found in the cleaned text by its place from the end, which a dot leader before it does not change.
  const i = line.text.length - (raw.length - start);
  if (line.text.slice(i, i + cell.length) !== cell) return undefined;
  return `${line.text.slice(0, i).trimEnd()}   ${line.text.slice(i + cell.length).trimStart()}`;
}

/** Whether a cell ends in a value after a space: a number with nothing after it but a unit and the lab's marks. */
function endsInValue(cell: string): boolean {
  return /\s[-−]?\d[\d.,]*(?:\s*[*!↑↓])?$/u.test(cell) || matchesOf(/\s(?=[<>]?\s*\d)/g, cell).some((m) => endsCell(cell.slice(m.index + 1)));
}

/** Whether `rest` (from a number on) is that number and nothing after it but a unit and the lab's marks ("242 µg/dL ↑"). */
function endsCell(rest: string): boolean {
  let after = rest.replace(/^[<>]?\s*\d[\d.,]*/, '').trim();
  const unit = unitAtStart(after);
  if (unit) after = after.slice(unit.consumed).trim();
  return after === '' || isMarkerCell(after);
}

/**
 * Whether `rest` (from a number on) is that number with its unit, then the reference one space after it
 * ("1,18 mg/dL >= 60 mg/dL", a dot-leader row whose cells a long unit left one space apart): the value's cell
 * and the reference's run together, a result all the same, not a number inside a note's words.
 */
function endsInReference(rest: string): boolean {
  const after = rest.replace(/^[<>]?\s*\d[\d.,]*/, '').trim();
  const unit = unitAtStart(after);
  if (!unit) return false;
  const reference = after.slice(unit.consumed).trim();
  return /\d/.test(reference) && parseRangeExpression(reference) !== undefined;
}

// The end of a reference cell that a bound completes: a comparator, or the word or dash opening a range's
// second bound ("< 5,7", "inferior a 5,7", "até 5,7", "4,0 a 5,6").
const BOUND_OPEN = /(?:[<>≤≥]=?|\b(?:a|at[eé])|\d\s*-)\s*$/iu;

/** A cell that is one result in words and nothing else ("Não reagente", "Negativo"). */
const wholeWordResult = (cell: string) => qualitativeAtStart(cell)?.consumed === cell.length;

/**
 * Results in words printed one space apart by narrow sample columns ("Não reagente Não reagente Não
 * reagente" under three dates): one cell per sample, when each word result starts at a sample's column.
 * Any other cell as it is.
 */
function wordsByColumn(c: { cell: string; at: number }, columns: number[]): Array<{ cell: string; at: number }> {
  const parts: Array<{ cell: string; at: number }> = [];
  for (let from = 0; from < c.cell.length; ) {
    const q = qualitativeAtStart(c.cell.slice(from));
    const gap = q ? /^ ?/.exec(c.cell.slice(from + q.consumed))![0].length : 0;
    if (!q || (from + q.consumed < c.cell.length && gap === 0)) return [c];
    parts.push({ cell: q.text, at: c.at + from });
    from += q.consumed + gap;
  }
  const atColumn = (at: number) => columns.some((col) => Math.abs(col - at) <= 3);
  return parts.length >= 2 && parts.every((p) => atColumn(p.at)) ? parts : [c];
}

/**
 * A PDF's cells drift off their header cells (a large network's "131 mg/dL   124   119   70 a 99 mg/dL" under
 * "Resultado   Anterior 1   Anterior 2   Valores de referência", the reference starting inside the last
 * earlier column): the cells right after the current value's, one per earlier column, are placed by order
 * when each is a bare value or a dash and starts past the column before its own and before its own ends,
 * and what follows them starts past the last earlier column's start (the reference). Undefined otherwise.
 */
function placedInOrder(
  cs: Array<{ cell: string; at: number }>,
  current: { cell: string; at: number },
  currentAt: number,
  earlier: Array<{ from: number; to: number }>,
): Array<{ cell: string; at: number }> | undefined {
  const k = cs.indexOf(current);
  const mine = cs.slice(k + 1, k + 1 + earlier.length);
  const rest = cs.slice(k + 1 + earlier.length);
  const placed =
    mine.length === earlier.length &&
    mine.every(
      (c, j) => /^(?:[<>]?\s*[-−]?\d[\d.,]*|-+|—)$/.test(c.cell) && c.at > (j === 0 ? currentAt : earlier[j - 1]!.from) && c.at < earlier[j]!.to - 3,
    ) &&
    (rest.length === 0 || rest[0]!.at > earlier[earlier.length - 1]!.from);
  return placed ? mine : undefined;
}

/**
 * A row under a dated header: the cells under earlier samples' dates blanked (column positions kept
 * for the unit and reference after them). Only when a number (or a word result) stands under the current
 * date, and every cell inside an earlier column is a value or a dash (or a word result, under a word): a
 * signature or a note is read whole.
 */
// The dash a cumulative table prints for an exam not done in a sample ("--", "---", "—").
const NOT_DONE_DASH = /^[-–—]{1,3}$/;
// A name cell ending in a dot leader and the value it leads to.
const LED_VALUE = /\.{3,}\s*[<>≤≥]?\s*\d[\d.,]*$/u;

/**
 * Whether a row of a dated history table prints a dash under the current sample's column and nothing else
 * there ("Albumina   g/dL   3,5 a 5,2   --   --   2,9 L   --", the legend "-- = não solicitado nesta
 * coleta"): the exam was not done in this sample, so the row holds no result of this report, whatever
 * its reference or the earlier samples print (a reference's "< 0,50" is no value).
 */
export function notDoneInCurrent(line: CleanLine, history: History | undefined): boolean {
  if (history?.earlier === undefined || history.currentAt === Number.NEGATIVE_INFINITY || line.bars !== undefined) return false;
  // Cells where they are printed, as the header's are (a dot leader shortened in the cleaned text moves them).
  const cells = cellStarts(line.raw.replace(/\t/g, '   '), 0);
  // A row that leads its value to the name by dots ("Ferro sérico (µg/dL) ........ 61        —" under a
  // sheet's "MAR/25   ABR/25   MAI/25   META", its dash the target column's, h1732) is no sample row: its
  // value is the one after the leader, wherever it ends.
  if (LED_VALUE.test(cells[0]?.cell ?? '')) return false;
  const currentAt = history.currentAt;
  const currentTo = Math.min(...history.earlier.map((e) => e.from).filter((from) => from > currentAt), Number.POSITIVE_INFINITY);
  const under = cells.filter((c) => c.at >= currentAt - 3 && c.at < currentTo - 3);
  return under.length === 1 && NOT_DONE_DASH.test(under[0]!.cell) && Math.abs(under[0]!.at - currentAt) <= 3;
}

// A change cell: a signed percentage, its mark after it when the change passes the lab's reference change
// value ("+5,8", "-3,4 %", "+35,5 §"), or a dash when no earlier sample compares.
const CHANGE_VALUE = /^(?:[+\-−]\s?\d[\d.,]*|0(?:[.,]0+)?)\s*%?(?:\s*[§*†#]{1,2})?$|^[-–—]{1,3}$/u;

/**
 * A history row without the cells under its change columns ("Glicose   mg/dL   118   121   128 ↑   +5,8
 * 70 a 99" under "… 28/05/2025   VAR. %   REFERÊNCIA"): the change since the earlier sample is no value.
 * Only a change cell there is blanked; anything else is left for the row to read, or to list.
 */
function withoutChangeCells(line: CleanLine, changes: Array<{ from: number; to: number }>): string {
  let text = line.text;
  for (const c of cellStarts(line.text, line.offset)) {
    if (!changes.some((e) => c.at >= e.from - 3 && c.at < e.to - 3) || !CHANGE_VALUE.test(c.cell)) continue;
    const i = c.at - line.offset;
    text = text.slice(0, i) + ' '.repeat(c.cell.length) + text.slice(i + c.cell.length);
  }
  return text;
}

function withoutEarlierColumns(line: CleanLine, currentAt: number, earlier: Array<{ from: number; to: number }>): string {
  const inside = (at: number) => earlier.some((e) => at >= e.from - 3 && at < e.to - 3);
  // A long reference runs up to the first earlier column, one space before its value ("Mulheres: 15 a 150
  // ng/mL 19"): that value is a cell of its own. Only a cell right of the current value's column: a name
  // cell running on into the column ("… ; Sódio 131,3") holds a current result, and so does a reference
  // cell whose last words are a name after a separator ("1.005 A 1.030 ; Sódio 131,3").
  // Word results one space apart are a cell each first (wordsByColumn).
  // So does the current value's own cell when a long unit and the lab's mark push it there ("4,12 milhões/µL
  // ↓ 4,25" under "23/09/2024   11/06/2024"): a cell that opens with a number at the current column.
  const split = cellStarts(line.text, line.offset).flatMap((c) => wordsByColumn(c, [currentAt, ...earlier.map((e) => e.from)]));
  const currentCell = (c: { cell: string; at: number }) => Math.abs(c.at - currentAt) <= 3 && /^[<>]?\s*\d/.test(c.cell);
  const cs = split.flatMap((c) => {
    const tail = / ([<>]?\d[\d.,]*|-+)$/.exec(c.cell);
    const at = tail ? c.at + tail.index + 1 : -1;
    if (!tail || tail.index === 0 || !inside(at) || inside(c.at) || (c.at <= currentAt && !currentCell(c))) return [c];
    if (/[;|]\s*\p{L}[\p{L}\s]*$/u.test(c.cell.slice(0, tail.index))) return [c];
    // Nor the bound that closes the reference cell, its comparator or range word right before it
    // ("Não diabéticos: < 5,7" running up to the first earlier column): the number is the range's.
    if (BOUND_OPEN.test(c.cell.slice(0, tail.index))) return [c];
    return [
      { cell: c.cell.slice(0, tail.index), at: c.at },
      { cell: tail[1]!, at },
    ];
  });
  // The current value starts its cell, or ends the name's when the name runs up to its column
  // ("Capacidade total de lig. ferro 242 µg/dL"): only its unit and marks after it. A number inside a
  // note's words that happens to stand under the column (the year of "- TFG calculada pela equação CKD-EPI
  // 2021 (sem coeficiente racial).") is no value, and the note's cells are not earlier samples'.
  // Numbers printed right-aligned under a left-aligned date ("21/10/2024" over "   262 *") start inside
  // the current column, before the first earlier one: a number cell that starts there is the value too.
  const currentTo = Math.min(...earlier.map((e) => e.from).filter((from) => from > currentAt));
  const unplaced = currentAt === Number.NEGATIVE_INFINITY;
  const numberCurrent = unplaced
    ? cs.find((c) => c.at < currentTo - 3 && /(?:^|\s)[<>]?\s*\d/.test(c.cell))
    : (cs.find((c) =>
        matchesOf(/(?:^|\s)([<>]?\s*[-−]?\d)/g, c.cell).some((m) => {
          const at = (m.index ?? 0) + m[0].length - m[1]!.length;
          return Math.abs(c.at + at - currentAt) <= 3 && (at === 0 || endsCell(c.cell.slice(at)) || endsInReference(c.cell.slice(at)));
        }),
      ) ?? cs.find((c) => c.at > currentAt && c.at < currentTo - 3 && /^[<>]?\s*[-−]?\d/.test(c.cell)));
  // A result in words under the current date ("HBsAg   Não reagente   Não reagente   Não reagente"), the
  // earlier samples' words under theirs.
  const wordCurrent = numberCurrent ? undefined : cs.find((c) => Math.abs(c.at - currentAt) <= 3 && wholeWordResult(c.cell));
  // A dash under the current date ("Amilase   ---   ---   64   U/L", legend "--- = exame não realizado na
  // data"): no result today; the earlier samples' values are still theirs, never the row's result.
  const dashCurrent = numberCurrent || wordCurrent || unplaced ? undefined : cs.find((c) => Math.abs(c.at - currentAt) <= 3 && NOT_DONE_DASH.test(c.cell));
  const current = numberCurrent ?? wordCurrent ?? dashCurrent;
  const earlierCell = (c: { cell: string }) => EARLIER_VALUE.test(c.cell) || (wordCurrent !== undefined && wholeWordResult(c.cell));
  let cut = cs.filter((c) => c !== current && inside(c.at));
  // A row that lost an earlier sample's cell, its unit and reference moved left into the earlier columns
  // ("CO2 total   19   18   mmol/L   22 a 29" under three dates): the unit ends the earlier values; it and
  // what follows it are the current result's.
  const unitAt = cut.findIndex((c) => !earlierCell(c));
  if (unitAt > 0 && unitAtStart(cut[unitAt]!.cell)?.consumed === cut[unitAt]!.cell.length) cut = cut.slice(0, unitAt);
  if (current && numberCurrent && (cut.length > earlier.length || !cut.every(earlierCell))) cut = placedInOrder(cs, current, currentAt, earlier) ?? cut;
  if (!current || cut.length === 0 || cut.length > earlier.length || !cut.every(earlierCell)) return line.text;
  // Earlier words follow the current one cell after cell: a word after some other cell ("NEGATIVO   NEGATIVO
  // Anti-HCV   REAGENTE", a name between) is a result of its own, not an earlier sample's.
  if (wordCurrent && cs.slice(cs.indexOf(wordCurrent) + 1, cs.indexOf(cut.at(-1)!) + 1).some((c) => !cut.includes(c))) return line.text;
  let text = line.text;
  for (const c of cut) {
    const i = c.at - line.offset;
    text = text.slice(0, i) + ' '.repeat(c.cell.length) + text.slice(i + c.cell.length);
  }
  return text;
}

const BAND_UNIT = new RegExp(String.raw`(?=\s*\()(?<=\p{L})\s*\(\s*(?:${UNIT_PATTERN})\s*\)$`, 'iu');

// The line's cleaning may have taken the opening asterisk already (a footnote's mark there). A neonatal
// landscape table marks the patient's column between chevrons ("0 a 3 dias   >> 4 a 14 dias <<   15 dias a
// 2 meses"): only both, as a lone "<" or ">" is a band's bound ("< 6 anos").
const BAND_MARK = /^(\*+\s*)?([^*]*?\S)\s*\*+$|^((?:>>|»)\s*)(.*?\S)\s*(?:<<|«)$/u;

/** A reference column printed for one age band: where its header cell starts, and the band as printed. */
export interface BandColumn {
  at: number;
  band: string;
}

/**
 * A header of reference columns by age band ("2 a 5 anos   6 a 11 anos   12 a 17 anos"): two or more
 * cells, each only an age band, after header words if any (no number outside the bands).
 */
export function ageBandColumns(text: string, offset: number): BandColumn[] | undefined {
  // The ranges' unit in brackets after a band ("6 a 12 anos (/mm³)") says what the ranges are in, not whom.
  // The patient's band may be marked between asterisks ("*2 a <6 anos*", the legend saying so): a band as any other.
  const cs = cellStarts(text, offset).map((c) => {
    const marked = BAND_MARK.exec(c.cell);
    const lead = marked?.[1] ?? marked?.[3] ?? '';
    const band = marked?.[2] ?? marked?.[4];
    return band !== undefined ? { at: c.at + lead.length, cell: band.replace(BAND_UNIT, '') } : { ...c, cell: c.cell.replace(BAND_UNIT, '') };
  });
  const first = cs.findIndex((c) => isAgeBandCell(c.cell));
  if (first < 0 || cs.length - first < 2 || !cs.slice(first).every((c) => isAgeBandCell(c.cell))) return undefined;
  if (cs.slice(0, first).some((c) => /\d/.test(c.cell))) return undefined;
  // "Ref. 2–5 anos": the lead says the column is a reference, the band is whose.
  return cs.slice(first).map((c) => ({ at: c.at, band: stripReferenceLead(c.cell).rest }));
}

/**
 * Reference columns named by other labels, printed under a result's reference lead ("Fase folicular
 * Pico ovulatório   Fase lútea   Pós-menopausa" over "3,5 - 12,5   4,7 - 21,5   1,7 - 7,7   25,8 - 134,8"):
 * read as the age bands are, each range with its column's label. Every cell a label, no number.
 */
export function labelColumns(text: string, offset: number): BandColumn[] | undefined {
  const cs = cellStarts(text, offset);
  // A result word is a tier's label only before its range ("Reagente: …"): alone in a cell it may be a result.
  const label = (c: string) => /^\p{L}[^\d:]*$/u.test(c) && isReferenceLabel(c) && !stripReferenceLead(c).lead && qualitativeAtStart(c) === undefined;
  if (cs.length < 2 || !cs.every((c) => label(c.cell))) return undefined;
  return cs.map((c) => ({ at: c.at, band: c.cell }));
}

/**
 * A row under age-band columns with one range cell per column ("11,1   11,5 - 13,5   11,5 - 15,5
 * 13,0 - 16,0"): each range is labelled by the band of the column it sits under ("6 a 11 anos: 11,5 -
 * 15,5"), so the patient's age picks it. Undefined unless the row's last cells are exactly one range
 * per column, each nearest its own column (`inOrder`: the header and the row set their cells apart by
 * bars, which keep the cells' order but not where they stand).
 */
export function labelByBandColumns(
  text: string,
  offset: number,
  columns: BandColumn[],
  { alone = false, inOrder = false }: { alone?: boolean; inOrder?: boolean } = {},
): string | undefined {
  // The reference lead one space before the first range ("Referência: 1,9 a 12,5 | 8,7 a 76,3 | …" under cycle
  // phases set apart by bars): a cell of its own, the range after it the first column's.
  const all = cellStarts(text, offset).flatMap((c, i) => {
    const lead = i === 0 && alone ? /^(.*?:)\s*(?=\S)/u.exec(c.cell) : null;
    if (!lead || !stripReferenceLead(lead[1]!).lead || stripReferenceLead(lead[1]!).rest !== '') return [c];
    return [
      { cell: lead[1]!, at: c.at },
      { cell: c.cell.slice(lead[0].length), at: c.at + lead[0].length },
    ];
  });
  // The ranges' unit printed once after the last band's range ("VCM   74,5   70 a 86   75 a 87   77 a 95
  // fL"): the unit of every range on the row, no column of its own.
  // A count printed one space before the first band's range ("Neutrófilos   38    4.294 1.500 - 8.500   1.500 -
  // 8.500   1.800 - 8.000", a differential's absolute count under a paediatric grid, h1640): two cells, the value's
  // and the range's. Only a bare number before a range, and only when the row is one range short of its columns.
  const glued = all.length - columns.length;
  const split = glued > 0 ? /^(\d[\d.,]*) (?=\d)(.*)$/.exec(all[glued]!.cell) : null;
  if (split && parseRangeExpression(split[2]!) !== undefined && parseRangeExpression(all[glued]!.cell) === undefined) {
    const c = all[glued]!;
    all.splice(glued, 1, { cell: split[1]!, at: c.at }, { cell: split[2]!, at: c.at + split[1]!.length + 1 });
  }
  const last = all[all.length - 1];
  const unitLast = last !== undefined && all.length > columns.length && unitAtStart(last.cell)?.consumed === last.cell.length;
  const cs = unitLast ? all.slice(0, -1) : all;
  const ranges = cs.slice(-columns.length);
  // The ranges alone on their row (under a result's reference lead), or after the row's value.
  // A row of ranges alone with their unit ("1.000-8.500   1.500-8.500   1.800-8.000   /µL" under a
  // differential's row of percentages): the same bands' ranges in the absolute count's unit.
  // A cell that names its own band keeps it ("10 a 19 anos: < 90 mg/dL" under "2 a 19 anos"); a cell in words
  // with no number ("conforme risco cardiovascular" under "Adultos", a lipid panel's paediatric and adult
  // columns) is that band's note, no range: labelled all the same, so the band it is for stays its own.
  const ownBand = (c: string) => {
    const colon = c.indexOf(':');
    return colon > 0 && isAgeBandCell(c.slice(0, colon)) && parseRangeExpression(c.slice(colon + 1)) !== undefined;
  };
  const rangeCell = (c: string) => parseRangeExpression(c) !== undefined || ownBand(c);
  // Only after the row's value, and words that are no result ("Baixo   < 130   < 160" is a goals table's row).
  const noteCell = (c: string) => !alone && /^\p{L}[\p{L}.,-]*(?:\s+[\p{L}.,-]+)+$/u.test(c) && qualitativeAtStart(c) === undefined;
  if (
    cs.length < columns.length ||
    (cs.length === columns.length && !alone && !unitLast) ||
    !ranges.every((c) => rangeCell(c.cell) || noteCell(c.cell)) ||
    !ranges.some((c) => rangeCell(c.cell))
  )
    return undefined;
  const nearest = (at: number) => columns.reduce((best, col, i) => (Math.abs(col.at - at) < Math.abs(columns[best]!.at - at) ? i : best), 0);
  if (!inOrder && !ranges.every((c, i) => nearest(c.at) === i)) return undefined;
  // That unit is the value's too: it goes after the value's cell, before the ranges. With no value on
  // the row, each range carries it, so it goes to the value printed in that unit above.
  const value = cs[cs.length - columns.length - 1];
  let out = unitLast ? text.slice(0, last.at - offset).trimEnd() : text;
  for (let i = ranges.length - 1; i >= 0; i--) {
    const at = ranges[i]!.at - offset;
    const end = at + ranges[i]!.cell.length;
    const unit = unitLast && !value ? ` ${last.cell}` : '';
    const label = ownBand(ranges[i]!.cell) ? '' : `${columns[i]!.band}: `;
    out = `${out.slice(0, at)}${label}${out.slice(at, end)}${unit}${out.slice(end)}`;
  }
  if (unitLast && value) {
    const end = value.at - offset + value.cell.length;
    out = `${out.slice(0, end)} ${last.cell}${out.slice(end)}`;
  }
  return out;
}

/**
 * A row without the cells of a column of words printed before the exam column (`leadAt`, see
 * `TableHeader.leadAt`): the row as if it started at its name. Undefined when nothing stands before the
 * exam column, when a cell there holds a number (then it is no such column's words; "G6PD" is a word), or when nothing
 * stands from the exam column on.
 */
export function withoutLeadColumn<L extends CleanLine>(line: L, leadAt: number, codes = false, headerCells?: number): L | undefined {
  // A markdown row says which cell is which by its bars, not by where its text falls: its lead cell is
  // its first, empty under a merged cell ("| | Ureia | 38 | …"), where a short name would sit in the
  // lead column's place once the bars are gone.
  // A row of tabs prints no cell for the empty ones at its end ("Hormônios\tTSH\t1,92\tµUI/mL\t0,45 a 4,50\t\t", no
  // earlier sample, h1966): fewer cells than its header, its first still the lead's.
  const tabbed = line.raw.includes('\t') && !/^\s*\|/.test(line.raw);
  if (line.bars !== undefined)
    return (line.bars.length === headerCells || (tabbed && headerCells !== undefined && line.bars.length < headerCells)) && line.bars.length > 2
      ? { ...line, ...cleanLine(`| ${line.bars.slice(1).join(' | ')} |`, line.index), raw: line.raw }
      : undefined;
  const cs = cellStarts(line.text, line.offset);
  // A LIS prints its code one space before the name ("0110 SODIO" under "COD  EXAME"): the first cell
  // runs across the exam column's start; its first token, a code ending before it, is its own cell.
  const first = cs[0];
  let joined = false;
  if (codes && first && first.at < leadAt - 3 && first.at + first.cell.length > leadAt) {
    const code = /^([\p{L}\d-]{1,10}) (?=\p{L})/u.exec(first.cell);
    if (code && /\d/.test(code[1]!) && Math.abs(first.at + code[0].length - leadAt) <= 1) {
      joined = true;
      cs.splice(0, 1, { cell: code[1]!, at: first.at }, { cell: first.cell.slice(code[0].length), at: first.at + code[0].length });
    }
  }
  const kept = cs.find((c) => c.at >= leadAt - 3);
  const before = cs.filter((c) => c.at < leadAt - 3);
  // The code column's own word on the header printed again ("COD  EXAME   RESULTADO …" atop a terminal's second
  // screen, h1771) is no code: cut, the header would lose its code column, and the screen's rows their names.
  if (codes && before.length === 1 && /^c[oó]d(?:igo|\.)?$/iu.test(before[0]!.cell)) return undefined;
  // A code is one short token, letters and digits ("d201", "F24", "0457"): its digits are no value.
  const foreign = (cell: string) => (codes ? !/^[\p{L}\d-]{1,10}$/u.test(cell) : /(?<!\p{L})\d/u.test(cell));
  if (!kept || before.length === 0 || (codes && before.length > 1) || before.some((c) => foreign(c.cell) || c.at + c.cell.length > leadAt - (joined ? 1 : 2)))
    return undefined;
  return { ...line, text: line.text.slice(kept.at - line.offset), offset: kept.at };
}

/**
 * A row without its cell under a grading column (`TableHeader.gradeColumn`, the "Classe" beside a
 * specific IgE's value): one whole number alone in that column, cut so it is read as no range nor value.
 */
export function withoutGradeColumn(text: string, offset: number, grade: { from: number; to: number; beforeReading?: boolean }): string {
  const cs = cellStarts(text, offset);
  if (grade.beforeReading) {
    // A class before the reading ("Sm   ++   Positivo   Negativo"): a number or crosses, the second cell.
    const cell = cs[1];
    if (!cell || cs.length < 3 || cell.at < grade.from - 4 || cell.at >= grade.to || !/^(?:\d{1,2}|\(?\+{1,4}\)?)$/.test(cell.cell)) return text;
    const i = cell.at - offset;
    return `${text.slice(0, i).trimEnd()}   ${text.slice(i + cell.cell.length).trimStart()}`.trimEnd();
  }
  let under = cs.filter((c) => c.at >= grade.from - 4 && c.at < grade.to - 3);
  // The last column's cell pushed right with the others by a long name in a row of tab-separated cells
  // or left of it by a short one ("d1 - Dermatophagoides pteronyssinus   38,2   4", "f4 - Trigo   0,72   2"
  // under "Alérgeno   Resultado (kUA/L)   Classe"):
  // the row's last cell is the one under it.
  if (under.length !== 1 && grade.to === Number.POSITIVE_INFINITY && cs.length >= 3) under = [cs[cs.length - 1]!];
  if (under.length !== 1 || !/^\d{1,2}$/.test(under[0]!.cell) || cs.indexOf(under[0]!) < 2) return text;
  const i = under[0]!.at - offset;
  return `${text.slice(0, i).trimEnd()}   ${text.slice(i + under[0]!.cell.length).trimStart()}`.trimEnd();
}

/**
 * A row without its cell under a release column (`TableHeader.releaseAt`): its last cell, a clock time,
 * a date and time or a full date, when it sits under that column and at least a name and a value come before it.
 * The time is when the result was released, never a value; left on the line it makes a result row read
 * as an administrative one, and a flag or a row without a unit ("pH   7,16   LL   7,35 - 7,45   03:24")
 * is lost.
 */
export function withoutReleaseColumn(text: string, offset: number, releaseAt: number): string {
  const cs = cellStarts(text, offset);
  const last = cs[cs.length - 1];
  if (!last || cs.length < 3) return text;
  // A long reference pushes the time under the column one space after it ("< 75 anos: até 125 | ≥ 75 anos:
  // até 450 03:05" under "Referência   Lib."): the clock time ending that cell, when it starts under the column.
  const glued = / \d{1,2}:\d{2}$/.exec(last.cell);
  if (glued && last.at + glued.index + 1 >= releaseAt - 4) return text.slice(0, last.at - offset + glued.index).trimEnd();
  if (last.at < releaseAt - 4) return text;
  // A full date alone is a release day (a LACEN's GAL table prints "26/05/2025" under "Liberado em").
  if (!/^(?:\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s+)?\d{1,2}[:h]\d{2}(?::\d{2})?$|^\d{1,2}\/\d{1,2}\/\d{4}$/.test(last.cell)) return text;
  return text.slice(0, last.at - offset).trimEnd();
}

// The state of an exam in the order, as a status column prints it; a word about the value ("Normal",
// "Alterado", an occupational report's verdict) is no state and stays for the reference's reading.
const ORDER_STATE =
  /^(?:liberad[oa]|pendente|recoleta|nova\s+coleta|em\s+(?:andamento|an[aá]lise|processamento)|aguardando(?:\s+\p{L}+)?|cancelad[oa]|conferid[oa]|n[aã]o\s+realizad[oa])\*?$/iu;

/**
 * A row without its cell under an order-state column (`TableHeader.statusAt`): its last cell, a state of
 * the order ("LIBERADO", "PENDENTE", "RECOLETA*"), when it starts under that column. Left on the line it
 * runs into the reference ("Desejável: < 190 LIBERADO"), and a row with a pointer to a note for its
 * reference ("149   mg/dL   ver nota 1   LIBERADO") is not read at all.
 */
export function withoutStatusColumn(text: string, offset: number, statusAt: number, tabbed = false): string {
  // A row of tab-separated cells (a portal's table copied from the browser, h1905) does not line its cells up with
  // the header's, a tab being three spaces whatever the cell before it: the row's last cell is the one under the
  // header's last, the state column, when it is a state and a name and a value come before it ("PSA LIVRE<TAB>0,82
  // ng/mL<TAB>—<TAB>Liberado": left on the row, the state made the dash a reference and the row went unread).
  if (tabbed) {
    const cs = cellStarts(text, offset);
    const last = cs[cs.length - 1];
    if (last && cs.length >= 3 && ORDER_STATE.test(last.cell.trim())) return text.slice(0, last.at - offset).trimEnd();
  }
  return withoutLastCell(text, offset, statusAt, 2, (cell) => ORDER_STATE.test(cell.trim()));
}

/**
 * A row without its cell under a section column (`TableHeader.sectorAt`): its last cell, words without a
 * digit ("Bioquímica", "Hematologia"), when it starts under that column after a name and a value. Left on the
 * line it runs into the reference ("> 40 mg/dL (desejável) Bioquímica"), and a row whose reference is a dash or
 * a pointer to a note ("141 mg/dL   ver nota 1   Bioquímica") is not read at all.
 */
export function withoutSectorColumn(text: string, offset: number, sectorAt: number): string {
  const kept = withoutLastCell(text, offset, sectorAt, 3, (cell) => /^\p{L}[\p{L} .\/-]*$/u.test(cell));
  // A row has a value before the cell; the header repeated over the next group ("… Referência   Setor") has none.
  return /\d/.test(kept) ? kept : text;
}

// A critical value's cell: bounds, each a comparator and a number, joined by "ou" / "e" / ";" / "/".
const CRITICAL_BOUNDS = /^(?:[<>≤≥]=?\s*\d[\d.,]*(?:\s*\p{L}[\p{L}\/³²µ]*)?)(?:\s*(?:ou|e|;|\/|,)\s*[<>≤≥]=?\s*\d[\d.,]*(?:\s*\p{L}[\p{L}\/³²µ]*)?)?$/iu;

/**
 * A row without its cell under a critical values' column (`TableHeader.criticalAt`): its last cell, bounds
 * ("< 7,0", "< 1.500 ou > 30.000"), when it starts under that column after a name, a value and a reference.
 * Left on the line it runs into the reference ("12,0 a 15,5 < 7,0"), or leaves the row unread.
 */
export function withoutCriticalColumn(text: string, offset: number, criticalAt: number): string {
  return withoutLastCell(text, offset, criticalAt, 3, (cell) => CRITICAL_BOUNDS.test(cell));
}

/**
 * The row without its last cell, when it starts under a header's last column (at `at`, give or take the four
 * characters a PDF's columns drift) after at least `cells - 1` others, and `fits` what that column holds.
 */
function withoutLastCell(text: string, offset: number, at: number, cells: number, fits: (cell: string) => boolean): string {
  const cs = cellStarts(text, offset);
  const last = cs[cs.length - 1];
  if (!last || cs.length < cells || Math.abs(last.at - at) > 4 || !fits(last.cell)) return text;
  return text.slice(0, last.at - offset).trimEnd();
}

// A cut-off's cell: a concentration, with its comparator and its unit if printed ("0,2 pg/mg", "≥ 1.000 ng/mL", "300").
const CUTOFF_VALUE = /^(?:[<>≤≥]=?\s*)?\d[\d.,]*\s*/u;

/**
 * A row with its cell under a cut-off column (`TableHeader.cutoffColumn`) cut: the one cell that starts under
 * that column, a concentration, after the name and the result. Left on the row the threshold reads as a value or
 * a range and the row goes unread ("Cocaína   Negativo   Negativo   500 pg/mg"). Blanked to its length when cells
 * follow it (the reference printed after the cut-off), so they keep their columns.
 */
export function withoutCutoffColumn(text: string, offset: number, cutoff: { from: number; to: number }): string {
  const cs = cellStarts(text, offset);
  const under = cs.filter((c) => c.at >= cutoff.from - 4 && c.at < cutoff.to - 3);
  if (under.length !== 1 || cs.indexOf(under[0]!) < 2) return text;
  const cell = under[0]!.cell;
  const number = CUTOFF_VALUE.exec(cell);
  const rest = number ? cell.slice(number[0].length) : undefined;
  if (rest === undefined || (rest !== '' && unitAtStart(rest)?.consumed !== rest.length)) return text;
  const i = under[0]!.at - offset;
  if (cs.indexOf(under[0]!) === cs.length - 1) return text.slice(0, i).trimEnd();
  return `${text.slice(0, i)}${' '.repeat(cell.length)}${text.slice(i + cell.length)}`;
}

/**
 * A row with its cell under a method column (`TableHeader.methodColumn`) blanked: the one cell that starts
 * under that column, after the name and before the result ("Dengue - NS1   ELISA   Não reagente"). Blanked
 * to its length, so the cells after it keep their columns.
 */
export function withoutMethodColumn(text: string, offset: number, method: { from: number; to: number }): string {
  const cs = cellStarts(text, offset);
  const under = cs.filter((c) => c.at >= method.from - 3 && c.at < method.to - 2);
  if (under.length !== 1 || cs.indexOf(under[0]!) < 1 || cs.indexOf(under[0]!) === cs.length - 1) return text;
  // A method is named in words: a number or a result word there is a value out of its column, never blanked.
  if (!/^\p{L}/u.test(under[0]!.cell) || qualitativeAtStart(under[0]!.cell) !== undefined) return text;
  const i = under[0]!.at - offset;
  // A method too long for its column runs one space into the result's ("Quimioluminescência (4ª ger.) Não Reagente",
  // a LACEN's GAL table, h1765): only the words before the result column are the method's, the result is read.
  const cell = under[0]!.cell;
  const space = [method.to - under[0]!.at - 1, method.to - under[0]!.at].find((k) => k > 0 && cell[k] === ' ');
  const into = space === undefined ? 0 : space + 1;
  const tail = space === undefined ? '' : cell.slice(into);
  const length = tail !== '' && (qualitativeAtStart(tail) !== undefined || /^[<>≤≥]?\s*\d/u.test(tail)) ? into : cell.length;
  return `${text.slice(0, i)}${' '.repeat(length)}${text.slice(i + length)}`;
}
