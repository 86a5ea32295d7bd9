// PDF text extracted without layout puts each cell of a table row on a line of its own. A differential
// prints two values per name, the relative and the absolute count, then a reference for each:
//
//   Segmentados                ← name
//   57 %                       ← relative value
//   3.637 /mm³                 ← absolute value
//   40 a 70 %                  ← relative reference
//   1.600 a 7.700 /mm³         ← absolute reference
//
// Read line by line, the name takes its first value and the range under it is taken for the second
// value's; the rest is lost. So before anything is read, a name followed by two values or more and as
// many ranges is put back together as the row it was, on the name's line ("Segmentados   57 %   3.637
// /mm³   40 a 70 %   1.600 a 7.700 /mm³"), the cells' lines left empty for the reader; the accounting
// pass still sees every line as printed. A name with one value and one range is read as it is. Each result
// read from the row is then given back on its value cell's line (pairedCellLines).
import { isUnitCell } from './column-copies.ts';
import { NUMBER } from './numbers.ts';
import { UNIT_PATTERN } from './units.ts';

// A name alone on its line, letters only ("Segmentados", "Linfócitos típicos").
const NAME_CELL = /^\s*\p{L}[\p{L}\s().-]{1,40}$/u;
// A value alone with its unit or none ("57 %", "3.637 /mm³").
const VALUE_CELL = new RegExp(String.raw`^\s*[<>]?\s*(?:${NUMBER})\s*(?:${UNIT_PATTERN})?\s*$`, 'iu');
// A range or a bound alone with its unit or none ("40 a 70 %", "até 100 /mm³").
const RANGE_CELL = new RegExp(
  String.raw`^\s*(?:(?:${NUMBER})\s*(?:a|-|–|at[eé])\s*(?:${NUMBER})|(?:at[eé]|inferior\s+a|superior\s+a|[<>≤≥])\s*(?:${NUMBER}))\s*(?:${UNIT_PATTERN})?\s*$`,
  'iu',
);

interface PairedRun {
  /** The name's line, where the row is put back. */
  name: number;
  /** The lines of its value cells, in order. */
  values: number[];
  /** The line after its last range. */
  end: number;
}

// A column's header cell that is a unit alone on its line ("%", "/mm³"), or a reference column's unit
// ("Ref. %", "V.R. /mm³", "Referência (/mm³)"), perhaps after the word for which count it is ("Relativo (%)",
// "Absoluto (/mm³)", "Ref. relativa (%)": a portal's table copied one cell a line, h1999).
const UNIT_HEADER = new RegExp(
  String.raw`^\s*(?:(ref\.?|refer[eê]ncias?|v\.\s?r\.?)\s*)?(?:(?:relativ[oa]|absolut[oa])\s*)?\(?\s*(${UNIT_PATTERN})\s*\)?\s*$`,
  'iu',
);
// A cell that ends on its number: no unit printed in it.
const NO_UNIT = /\d\s*$/u;

/**
 * The units a differential's header prints over its rows when the cells carry none, one header cell a line
 * above the first row, each value column's unit then each reference column's:
 *
 *   %  /  /mm³  /  Ref. %  /  Ref. /mm³       ← header, one cell a line
 *   Neutrófilos  /  62,0  /  3.906  /  40,0 a 75,0  /  1.800 a 7.500
 *
 * The header counts as many value units as the rows have values, or it is not this header (a row's own unit
 * cell above, "Leucócitos / 6.300 / /mm³", is one unit for one value). Rows following one another without a
 * line between take the same header. The reference columns take their own units, else the values' in order.
 */
function headerUnits(reads: readonly string[], runs: readonly PairedRun[]): Map<PairedRun, { values: string[]; refs: string[] }> {
  const out = new Map<PairedRun, { values: string[]; refs: string[] }>();
  let header: { values: string[]; refs: string[] } | undefined;
  let lastEnd = -1;
  for (const run of runs) {
    if (run.name !== lastEnd) {
      header = undefined;
      const cells: RegExpExecArray[] = [];
      for (let k = run.name - 1; k >= 0; k--) {
        const m = UNIT_HEADER.exec(reads[k]!);
        if (!m) break;
        cells.unshift(m);
      }
      const values = cells.filter((m) => m[1] === undefined).map((m) => m[2]!.trim());
      const refs = cells.filter((m) => m[1] !== undefined).map((m) => m[2]!.trim());
      // Value units first, then the references': a reference unit before a value unit is some other text.
      const ordered =
        cells.findIndex((m) => m[1] !== undefined) < 0 || cells.slice(cells.findIndex((m) => m[1] !== undefined)).every((m) => m[1] !== undefined);
      if (values.length >= 2 && ordered && (refs.length === 0 || refs.length === values.length)) header = { values, refs: refs.length ? refs : values };
    }
    if (header && header.values.length === run.values.length) out.set(run, header);
    lastEnd = run.end;
  }
  return out;
}

function pairedRuns(reads: readonly string[]): PairedRun[] {
  const runs: PairedRun[] = [];
  for (let i = 0; i < reads.length; i++) {
    if (!NAME_CELL.test(reads[i]!)) continue;
    let v = i + 1;
    while (v < reads.length && VALUE_CELL.test(reads[v]!) && !RANGE_CELL.test(reads[v]!)) v++;
    const values = v - i - 1;
    if (values < 2) continue;
    let r = v;
    while (r < reads.length && r - v < values && RANGE_CELL.test(reads[r]!)) r++;
    if (r - v !== values || (r < reads.length && (VALUE_CELL.test(reads[r]!) || RANGE_CELL.test(reads[r]!)))) continue;
    runs.push({ name: i, values: Array.from({ length: values }, (_, k) => i + 1 + k), end: r });
    i = r - 1;
  }
  return runs;
}

/** The lines of a text with each name-values-ranges run of one-cell lines as one row on the name's line; any other text as it is. */
export function joinPairedCells(reads: string[]): string[] {
  const runs = pairedRuns(reads);
  if (runs.length === 0) return reads;
  const out = [...reads];
  const units = headerUnits(reads, runs);
  for (const run of runs) {
    const { name, values, end } = run;
    const unit = units.get(run);
    const n = values.length;
    out[name] = reads
      .slice(name, end)
      .map((c, k) => {
        const cell = c.trim();
        if (!unit || k === 0 || !NO_UNIT.test(cell)) return cell;
        return `${cell} ${k <= n ? unit.values[k - 1] : unit.refs[k - n - 1]}`;
      })
      .join('   ');
    for (let k = name + 1; k < end; k++) out[k] = '';
  }
  return out;
}

/** Each joined row's line with the lines of all its cells, values and ranges (parse.ts pairedRowsListed). */
export function pairedRowCells(reads: readonly string[]): Map<number, number[]> {
  return new Map(pairedRuns(reads).map((run) => [run.name, Array.from({ length: run.end - run.name - 1 }, (_, k) => run.name + 1 + k)]));
}

/** Each joined row's line with the lines of its value cells, where its results are printed (parse.ts atPrintedLines). */
export function pairedCellLines(reads: readonly string[]): Map<number, number[]> {
  return new Map(pairedRuns(reads).map((run) => [run.name, run.values]));
}

// A column's header cell alone on its line, between the columns a photo's OCR read one after the other.
const COLUMN_HEADER = /^\s*(?:resultados?|valor(?:es)?(?:\s+de\s+refer[eê]ncias?)?|refer[eê]ncias?|v\.\s?r\.?|unidades?)\s*:?\s*$/iu;

/**
 * A table read column by column (a photo's OCR reads each column top to bottom): the names, one a line,
 * then the values, then the references, each column perhaps under its header cell:
 *
 *   Hemácias / Hemoglobina / Hematócrito / Resultados / 5,31 milhões/mm3 / 15,9 g/dl / 47,4 % /
 *   Valores de Referência / 4,50 a 5,90 / 13,5 a 17,5 / 41,0 a 53,0
 *
 * Read line by line, the last name takes the first value and every other value is lost or misnamed. A run
 * of three values or more with as many names right above it and as many ranges right under it (headers
 * between them aside) is put back as rows, each on its value's line (where the value is printed); the cells' lines are left empty for the
 * reader. Names above the run's own (the section's title) stay as they are.
 */
export function joinListedColumns(reads: string[]): string[] {
  let out: string[] | undefined;
  const isValue = (l: string | undefined) => l !== undefined && VALUE_CELL.test(l) && !RANGE_CELL.test(l);
  for (let v = 0; v < reads.length; v++) {
    if (!isValue(reads[v]) || isValue(reads[v - 1])) continue;
    let r = v;
    while (isValue(reads[r])) r++;
    const n = r - v;
    if (n < 3) continue;
    const nameHeader = COLUMN_HEADER.test(reads[v - 1] ?? '') ? 1 : 0;
    const firstName = v - nameHeader - n;
    if (firstName < 0) continue;
    const names = reads.slice(firstName, v - nameHeader);
    if (!names.every((l) => LISTED_NAME_CELL.test(l) && !COLUMN_HEADER.test(l))) continue;
    const rangeHeader = COLUMN_HEADER.test(reads[r] ?? '') ? 1 : 0;
    let end = r + rangeHeader;
    while (end < reads.length && (RANGE_CELL.test(reads[end]!) || labelledRange(reads[end]!))) end++;
    const ranges = rangeCells(reads.slice(r + rangeHeader, end), n);
    if (!ranges) {
      // The ranges do not line up with the names (h1737): the names and the results, one a line each under
      // the exam column's header, still pair by order; the range lines are left as printed, to be listed.
      // Not when a column of units follows the results under its header ("Unidade" / "mg/dL" / …, a photo's text
      // copied column by column, h1932): the whole copy, units and ranges, is put back by column-copies.ts.
      if (!nameHeader || !EXAM_HEADER.test(reads[firstName - 1] ?? '') || (rangeHeader === 1 && isUnitCell(reads[r + 1] ?? ''))) continue;
      end = v + n;
    }
    out ??= [...reads];
    for (let k = firstName; k < end; k++) out[k] = '';
    for (let k = 0; k < n; k++) out[v + k] = [names[k]!, reads[v + k]!, ...(ranges ? [ranges[k]!] : [])].map((c) => c.trim()).join('   ');
    v = end - 1;
  }
  return out ?? reads;
}

// A listed name may open with the locant of its compound ("25-Hidroxivitamina D", "17-OH progesterona") (h1737).
const LISTED_NAME_CELL = /^\s*(?:\d{1,2}(?:,\d{1,2})?-)?\p{L}[\p{L}\d\s().-]{1,40}$/u;
// The exam column's header cell ("Exame", "Exames", "Analito").
const EXAM_HEADER = /^\s*(?:exames?|analitos?|par[aâ]metros?)\s*:?\s*$/iu;

/**
 * A range led by the group it is for ("Mulheres: 50 a 170 µg/dL", "Grupos de risco: 30 a 60 ng/mL"), or by the
 * patient's age band ("30 a 34 anos: 0,9 a 8,0", a summary table's cell, h1811): the group's label, lower-cased.
 */
function labelledRange(line: string): string | undefined {
  const m = /^\s*(\p{L}[^:]{0,50}|(?:\d{1,3}\s*(?:a|-|–|at[eé])\s*)?\d{1,3}\s*(?:anos|meses|dias)):\s*(.+)$/iu.exec(line);
  return m && RANGE_CELL.test(m[2]!) ? m[1]!.trim().toLowerCase() : undefined;
}

/**
 * The reference column's lines as one cell per name. As many lines as names: one each. More: a reference
 * printed for several groups goes on over lines each led by a label of its own ("População saudável até 60
 * anos: superior a 20 ng/mL" / "Grupos de risco: 30 a 60 ng/mL") and is one cell, while a label printed again
 * ("Mulheres:" on each line) starts the next name's cell (h1737). Undefined when the cells are not as many as the names.
 */
function rangeCells(lines: readonly string[], n: number): string[] | undefined {
  if (lines.length === n) return [...lines];
  if (lines.length < n) return undefined;
  const cells: { text: string; labels: Set<string> }[] = [];
  for (const line of lines) {
    const label = labelledRange(line);
    const last = cells.at(-1);
    if (label && last && last.labels.size > 0 && !last.labels.has(label)) {
      last.text += `   ${line.trim()}`;
      last.labels.add(label);
    } else cells.push({ text: line, labels: new Set(label ? [label] : []) });
  }
  return cells.length === n ? cells.map((c) => c.text) : undefined;
}

// A row led by its unit alone in a cell, then the value and its range ("   %   41,0   30,0 a 60,0").
const UNIT_LED_ROW = new RegExp(String.raw`^\s*(${UNIT_PATTERN})\s{2,}([<>]?\s*(?:${NUMBER}))(?=\s{2,}\S|\s*$)(.*)$`, 'iu');

/**
 * A differential whose name stands alone on its line and each count on a line of its own under it, led by
 * its unit (a Manaus regional lab's hemogram):
 *
 *   Eosinófilos
 *                  %           14,0          0,0 a 5,0
 *                  /mm³        1.246         0 a 500
 *
 * Read line by line, the unit is taken for the name and the relative count is lost. Each such line is put
 * back as the name's row on its own line ("Eosinófilos   14,0 %   0,0 a 5,0"); the name's line, letters
 * only, is left as it is. Only under a name alone, right above the unit-led lines.
 */
export function joinUnitLedRows(reads: string[]): string[] {
  let out: string[] | undefined;
  for (let n = 0; n + 1 < reads.length; n++) {
    const name = reads[n]!;
    if (!NAME_CELL.test(name) || COLUMN_HEADER.test(name) || !UNIT_LED_ROW.test(reads[n + 1]!)) continue;
    let k = n + 1;
    for (; k < reads.length; k++) {
      const m = UNIT_LED_ROW.exec(reads[k]!);
      if (!m) break;
      out ??= [...reads];
      out[k] = `${name.trim()}   ${m[2]!.trim()} ${m[1]!.trim()}${m[3]!.trimEnd() ? `   ${m[3]!.trim()}` : ''}`;
    }
    n = k - 1;
  }
  return out ?? reads;
}
