// Tables that print the reference column BEFORE the result ("EXAME   VALOR DE REFERÊNCIA   RESULTADO
// UNIDADE", some regional labs' and LIS printouts): every other reader takes the first number after the
// name for the value, so such a row would be read with a bound of its range as the result. The header
// places the two columns; each row under it is rewritten in the usual order (name, result and unit,
// then the reference) before it is read, so nothing else needs to know the order was different.
import { cellStarts, type ValueColumn } from './columns.ts';
import { foldSameLength } from './analytes.ts';
import { numbersIn } from './numbers.ts';
import { normalizeUnit, UNIT_PATTERN } from './units.ts';

/** Where the reference column and the result column start in a header that puts the reference first. */
export interface ReferenceFirstColumns {
  referenceAt: number;
  resultAt: number;
  /** Where each header cell after the first starts, up to the result's: the name, unit and reference columns' bounds. */
  bounds: number[];
}

// A care programme's goal column ("META DO PROGRAMA", a health plan's chronic-care dashboard, h1631) is the
// range the result is held to, as a reference is; its result column speaks to the patient ("SEU RESULTADO").
export const REFERENCE_HEAD =
  /^(?:valor(?:es)?\s+de\s+refer[eê]ncia|valor(?:es)?\s+referenciais|refer[eê]ncias?|ref\.|intervalo\s+de\s+refer[eê]ncia|v\.?\s?r\.?|metas?\s+do\s+programa)$/i;
export const RESULT_HEAD = /^(?:(?:seus?\s+)?resultados?|valor(?:es)?\s+encontrados?)$/i;

// A header may leave the name column unheaded ("          Intervalo de referência      Resultado", over
// dot-leader rows): its first cell then starts far enough in for a name to stand before it.
const NAME_ROOM = 12;

/**
 * The columns of a header whose reference cell comes before its result cell, after a first (name)
 * cell or past an unheaded name column; undefined for any other header. A header with one column per
 * sample's date ("Exame   Unidade   Referência   03/02/25   08/02/25", a discharge summary's admission and
 * discharge results) heads no result column: the current date's column (`currentAt`) is the result's.
 */
export function referenceFirstColumns(text: string, offset: number, currentAt?: number): ReferenceFirstColumns | undefined {
  const starts = cellStarts(text, offset);
  const ref = starts.findIndex((c) => REFERENCE_HEAD.test(foldSameLength(c.cell).trim()));
  const res = starts.findIndex((c) => RESULT_HEAD.test(foldSameLength(c.cell).trim()));
  if (ref < 0 || (ref === 0 && starts[0]!.at < NAME_ROOM)) return undefined;
  const resultAt = res >= 0 ? starts[res]!.at : currentAt;
  if (resultAt === undefined || resultAt < starts[ref]!.at) return undefined;
  return { referenceAt: starts[ref]!.at, resultAt, bounds: starts.slice(1).flatMap((c) => (c.at < resultAt - RESULT_SLACK ? [c.at] : [])) };
}

// A value is often right-aligned under its header, so its cell may start a few columns left of it.
const RESULT_SLACK = 4;

// A column that says whether each result met its goal ("META ATINGIDA?" over "✔ Sim" / "✘ Não", h1631): the
// programme's verdict on the row, no result nor reference of it.
const GOAL_MET_HEAD = /^(?:metas?\s+atingidas?|atingiu\s+(?:a\s+)?meta|dentro\s+da\s+meta|na\s+meta)\s*\??$/i;

/** The cells of a bar header that puts the reference before the result, by their numbers among its cells. */
export interface ReferenceFirstBarCells {
  reference: number;
  result: number;
  cells: number;
  /** The goal-met verdict cells, dropped from each row. */
  verdicts: number[];
}

/**
 * Such a header drawn between bars ("INDICADOR | META DO PROGRAMA | SEU RESULTADO | META ATINGIDA? | ANTES
 * (11/2024)", h1631): its rows' cells joined keep no positions (a name longer than its column pushes the bar
 * on), so each row's cells are placed by their numbers. Undefined for any other header.
 */
export function referenceFirstBarCells(bars: readonly string[] | undefined): ReferenceFirstBarCells | undefined {
  if (bars === undefined) return undefined;
  const heads = bars.map((c) => foldSameLength(c).trim());
  const reference = heads.findIndex((h) => REFERENCE_HEAD.test(h));
  const result = heads.findIndex((h) => RESULT_HEAD.test(h));
  if (reference < 1 || result < reference) return undefined;
  return { reference, result, cells: bars.length, verdicts: heads.flatMap((h, i) => (GOAL_MET_HEAD.test(h) ? [i] : [])) };
}

/**
 * A bar row under such a header in the usual order: its name cells, its result, the other cells after the
 * result but the verdicts and the earlier samples' (\`earlier\`, their numbers), then its reference. Undefined
 * for a row of another number of cells or with no result cell.
 */
export function barReferenceToEnd(bars: readonly string[], cols: ReferenceFirstBarCells, earlier: readonly number[] = []): string | undefined {
  if (bars.length !== cols.cells) return undefined;
  const cs = bars.map((c) => c.trim());
  if (!/^[<>≤≥]?\s*\d|^\p{L}/u.test(cs[cols.result]!)) return undefined;
  const name = cs.slice(0, cols.reference);
  const after = cs.filter((_c, i) => i > cols.result && !cols.verdicts.includes(i) && !earlier.includes(i));
  return [...name, cs[cols.result]!, ...after, ...cs.slice(cols.reference, cols.result)].filter((c) => c !== '').join('   ');
}

/**
 * A row under such a header in the usual order: "Ureia   19 a 49   78 (+)   mg/dL" becomes "Ureia   78
 * (+)   mg/dL   19 a 49". A row with no cell in the reference column, or none in the result column,
 * is returned as printed.
 */
export function referenceToEnd(text: string, offset: number, cols: ReferenceFirstColumns): string {
  const starts = cellStarts(text, offset).flatMap((c) => splitAtBounds(c, cols.bounds));
  if (starts.length < 3 || starts[0]!.at >= cols.referenceAt - 1) return text;
  const before = starts.filter((c) => c.at < cols.referenceAt - 1);
  const reference = starts.filter((c) => c.at >= cols.referenceAt - 1 && c.at < cols.resultAt - RESULT_SLACK);
  const result = starts.filter((c) => c.at >= cols.resultAt - RESULT_SLACK);
  if (reference.length === 0 || result.length === 0 || !/^[<>≤≥]?\s*\d|^\p{L}/u.test(result[0]!.cell)) return text;
  // A unit column between the name and the reference ("Exame   Unidade   Referência   Resultado"): its
  // cell goes after the value it qualifies, where a unit is read.
  const unit = before.length > 1 && UNIT_CELL.test(before[before.length - 1]!.cell) ? before.slice(-1) : [];
  const name = before.slice(0, before.length - unit.length);
  return [...name, ...result, ...unit, ...reference].map((c) => c.cell).join('   ');
}

const UNIT_CELL = new RegExp(`^(?:${UNIT_PATTERN})$`, 'i');

/**
 * A cell that fills its column and runs on, one space apart, into the next ("LDL colesterol (Friedew.)
 * mg/dL" under "Exame   Unidade", "mL/min/1,73m² ≥ 60" under "Unidade   Referência"): split where a word
 * starts at a header cell's column (within one: PDF text drifts), so each column's cell is its own.
 */
function splitAtBounds(c: { cell: string; at: number }, bounds: readonly number[]): Array<{ cell: string; at: number }> {
  const cut = bounds.find(
    (b) => b > c.at + 1 && b < c.at + c.cell.length && [b, b - 1, b + 1].some((at) => c.cell[at - c.at - 1] === ' ' && c.cell[at - c.at] !== ' '),
  );
  if (cut === undefined) return [c];
  const at = [cut, cut - 1, cut + 1].find((a) => c.cell[a - c.at - 1] === ' ' && c.cell[a - c.at] !== ' ')!;
  const head = { cell: c.cell.slice(0, at - c.at - 1), at: c.at };
  return [head, ...splitAtBounds({ cell: c.cell.slice(at - c.at), at }, bounds)];
}

// A block's labelled reference printed before its labelled result on one line ("Referência: 70 a 99 mg/dL
// Resultado: 108 mg/dL", a regional lab in Manaus, each exam a block under its title): the result is the
// line's last cell, after a column gap.
const LABELLED_REFERENCE_THEN_RESULT =
  /^(\s*(?:valor(?:es)?\s+(?:de\s+)?refer[eê]ncia|refer[eê]ncias?|intervalo\s+de\s+refer[eê]ncia|v\.?\s?r\.?)\s*:\s*\S.*?)\s{3,}((?:resultados?|valor\s+encontrado)\s*:\s*\S(?:(?!\s{3}).)*)$/iu;

/**
 * Such a line in the usual order: "Resultado: 108 mg/dL   Referência: 70 a 99 mg/dL", so the result is read
 * with its reference, and the reference's wrapped lines under it go on with it. Any other line as printed.
 */
export function labelledResultFirst(text: string): string {
  const m = LABELLED_REFERENCE_THEN_RESULT.exec(text);
  return m ? `${m[2]!.trim()}   ${m[1]!.trim()}` : text;
}

const BARE_NUMBER = /^[<>≤≥]?\s*[-−]?\d[\d.,]*$/;

const UNIT_AT_END = new RegExp(`(?:^|\\s)(${UNIT_PATTERN})\\s*$`, 'i');

/**
 * A dot-leader row under such a header ("Hemoglobina ........ 12,0 a 15,5 g/dL        11,3   L", the
 * leader read as " : "): cleaning shortened the leader, so the cells past it are no longer where they
 * were printed; the result cells are found in the printed line (`raw`) and the row is rewritten as
 * "Hemoglobina : 11,3   L   12,0 a 15,5 g/dL". Under value columns with their own unit (`%   /mm³`) the
 * rewritten row keeps no positions, so each bare count takes its unit here: in order when there are as
 * many counts as columns, else the one count takes the unit of its reference (a leucocyte count's
 * `3.800 a 10.500 /mm³`; a row past the differential, `30 a 400 ng/mL`). Any other row is returned as printed.
 */
export function leaderReferenceToEnd(text: string, raw: string, cols: ReferenceFirstColumns, valueColumns: readonly ValueColumn[] = []): string {
  const lead = text.indexOf(' : ');
  if (lead < 1) return text;
  const printed = cellStarts(raw.replace(/\t/g, '   '), 0);
  // Values are right-aligned under their columns: a cell that runs into the result column is a result cell.
  const k = printed.filter((c, i) => i > 0 && c.at + c.cell.length > cols.resultAt - RESULT_SLACK).length;
  const name = text.slice(0, lead);
  const rest = cellStarts(text.slice(lead + 3), 0);
  if (k === 0 || rest.length <= k) return text;
  const reference = rest.slice(0, rest.length - k).map((c) => c.cell);
  const result = rest.slice(rest.length - k).map((c) => c.cell);
  if (!/^[<>≤≥]?\s*\d|^\p{L}/u.test(result[0]!) || numbersIn(reference.join(' ')).length === 0) return text;
  const bare = result.flatMap((c, i) => (BARE_NUMBER.test(c) ? [i] : []));
  if (valueColumns.length >= 2 && bare.length > 0) {
    if (bare.length === valueColumns.length) bare.forEach((i, n) => (result[i] = `${result[i]} ${valueColumns[n]!.unit}`));
    else if (bare.length === 1) {
      const m = UNIT_AT_END.exec(reference.join(' '));
      const unit = m?.[1] ? (normalizeUnit(m[1]) ?? m[1]) : undefined;
      if (unit) result[bare[0]!] = `${result[bare[0]!]} ${unit}`;
    }
  }
  return `${name} : ${[...result, ...reference].join('   ')}`;
}
