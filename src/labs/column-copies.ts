// A PDF whose table was copied column by column puts each column's cells one a line, the columns one after
// the other: the header's cells, then every name, then every result, then every unit, then every range
// (a differential: every relative count, every absolute count, then each column of references):
//
//   Exame / Resultado / Unidade / Valores de referência / Hemácias / Hemoglobina / … / 4,21 / 11,4 / … /
//   milhões/mm³ / g/dL / … / 3,90 a 5,00 / 12,0 a 15,5 / …
//
// Read line by line, the last name takes the first value and the rest is lost. A run of three names or
// more followed by as many cells of each column (results, units, ranges; a dash for an empty reference
// cell) is put back as rows, each on its first result's line (where the value is printed), the other
// cells' lines left empty for the reader; the header's cells right above the names, one per column, are
// put back as the header line they were (a differential's relative and absolute columns are told by it).
// paired-cells.ts joinListedColumns reads the simpler copy of names, results and ranges alone first.
import { conversionFactor, isCatalogued, lookupName } from './analytes.ts';
import { NUMBER } from './numbers.ts';
import { normalizeUnit, UNIT_PATTERN } from './units.ts';

// A name alone on its line, letters only ("Hemácias", "Cálcio total").
const NAME_CELL = /^\s*\p{L}[\p{L}\s().-]{1,40}$/u;
// A result alone, with its unit or none.
const VALUE_CELL = new RegExp(String.raw`^\s*[<>]?\s*(?:${NUMBER})\s*(?:${UNIT_PATTERN})?\s*$`, 'iu');
const UNIT_CELL = new RegExp(String.raw`^\s*(?:${UNIT_PATTERN})\s*$`, 'iu');

/** Whether a line is a unit alone, a unit column's cell ("mg/dL", "mmol/L"). */
export const isUnitCell = (line: string): boolean => UNIT_CELL.test(line) && !VALUE_CELL.test(line);
// A range may follow the label of whom it is for, an age band's or a sex's ("30 a 34 anos: 0,9 a 8,0", "Mulheres: 12
// a 16", a summary table's cell for the patient's band, h1811).
const RANGE_LABEL = String.raw`(?:(?:(?:\d{1,3}\s*(?:a|-|–|at[eé])\s*)?\d{1,3}\s*(?:anos|meses|dias)|(?:acima|abaixo)\s+de\s+\d{1,3}\s*(?:anos|meses)|\p{L}[\p{L} ]{1,30})\s*:\s*)?`;
const RANGE_CELL = new RegExp(
  String.raw`^\s*${RANGE_LABEL}(?:(?:${NUMBER})\s*(?:a|-|–|at[eé])\s*(?:${NUMBER})|(?:at[eé]|inferior\s+a|superior\s+a|[<>≤≥])\s*(?:${NUMBER}))\s*(?:${UNIT_PATTERN})?\s*$`,
  'iu',
);
const EMPTY_CELL = /^\s*[-–—]\s*$/u;
// A reference cell that points to a footnote ("ver nota", "vide nota 2", "ver obs."): the goals are printed there.
const NOTE_CELL = /^\s*(?:ver|vide|veja)\s+(?:nota|obs(?:erva[cç][aã]o|\.)?|rodap[eé])(?:\s*\(?\d{1,2}\)?)?\s*$/iu;
// A header's cell alone on its line ("Resultado", "Absoluto (/mm³)", "Ref. relativo (%)").
const HEADER_CELL = /^\s*\p{L}[\p{L}\s().%/³µ²-]{0,40}$/u;

type Kind = 'value' | 'unit' | 'range';

function columnKind(cells: readonly string[]): Kind | undefined {
  if (cells.every((c) => VALUE_CELL.test(c) && !RANGE_CELL.test(c))) return 'value';
  if (cells.every((c) => UNIT_CELL.test(c) && !VALUE_CELL.test(c))) return 'unit';
  if (cells.every((c) => RANGE_CELL.test(c) || EMPTY_CELL.test(c) || NOTE_CELL.test(c)) && cells.some((c) => RANGE_CELL.test(c))) return 'range';
  return undefined;
}

/** The columns of n cells each from line `from`, while each holds one kind of cell. */
function columnsFrom(reads: readonly string[], from: number, n: number): Kind[] {
  const kinds: Kind[] = [];
  for (let at = from; at + n <= reads.length; at += n) {
    const kind = columnKind(reads.slice(at, at + n));
    // Units stand after the results they are of; units after ranges are the next table's header cells ("%" / "/mm³").
    if (!kind || (kind === 'unit' && kinds[kinds.length - 1] !== 'value')) break;
    kinds.push(kind);
  }
  return kinds;
}

export function joinColumnCopies(reads: string[]): string[] {
  const headed = headedCopies(reads).out ?? reads;
  return columnCopies(headed).out ?? headed;
}

/**
 * Each row put back with the lines of its other cells (results, units, ranges), for parse.ts atPrintedLines: a
 * differential's absolute count is printed on its own line, far from its relative one the row was read on, and
 * that is the line the accounting pass must list when the count is lost.
 */
export function columnCopyLines(reads: string[]): Map<number, number[]> {
  const headed = headedCopies(reads);
  return new Map([...headed.joins, ...columnCopies(headed.out ?? reads).joins]);
}

function columnCopies(reads: string[]): { out: string[] | undefined; joins: Map<number, number[]> } {
  let out: string[] | undefined;
  const joins = new Map<number, number[]>();
  for (let a = 0; a < reads.length; a++) {
    if (!NAME_CELL.test(reads[a]!)) continue;
    let b = a;
    while (b < reads.length && NAME_CELL.test(reads[b]!)) b++;
    // The names end where the results begin; the lines above them may be a title and the header's cells.
    for (let n = b - a; n >= 1; n--) {
      const kinds = columnsFrom(reads, b, n);
      // A first column of results, and a column of ranges at least: else no table. Fewer than three rows are
      // taken for such a copy only with a column of units: a name over its result and range alone is read as it is.
      if (kinds[0] !== 'value' || !kinds.includes('range') || (n < 3 && !kinds.includes('unit'))) continue;
      // One name over a relative and an absolute count, each with its unit and range, is a differential printed one
      // cell a line (h1183), read by paired-cells.ts with each count on its own line: joined here, the absolute
      // count would be read on the relative one's line.
      if (n === 1 && kinds.filter((k) => k === 'value').length > 1) continue;
      const end = b + kinds.length * n;
      // A cell more than the names past the last column: the columns do not line up, nothing is put together.
      const last = kinds[kinds.length - 1]!;
      if (end < reads.length && columnKind([reads[end]!]) === last && !NAME_CELL.test(reads[end]!)) continue;
      const first = b - n;
      out ??= [...reads];
      const heads = first - kinds.length - 1;
      if (n >= 3 && heads >= 0 && reads.slice(heads, first).every((l) => HEADER_CELL.test(l) && !UNIT_CELL.test(l))) {
        out[heads] = reads
          .slice(heads, first)
          .map((c) => c.trim())
          .join('   ');
        for (let k = heads + 1; k < first; k++) out[k] = '';
      }
      for (let k = first; k < end; k++) out[k] = '';
      // A unit's column right after a result's is the result's unit: it is read glued to it, as on a printed
      // row, so no table header above reads the result in a column's unit of its own.
      for (let k = 0; k < n; k++) {
        const cells = [reads[first + k]!.trim()];
        kinds.forEach((kind, c) => {
          const cell = reads[b + c * n + k]!.trim();
          if (kind === 'unit' && kinds[c - 1] === 'value') cells[cells.length - 1] += ` ${cell}`;
          else cells.push(cell);
        });
        out[b + k] = cells.join('   ');
        joins.set(
          b + k,
          kinds.slice(1).map((_, c) => b + (c + 1) * n + k),
        );
      }
      a = end - 1;
      break;
    }
    if (a < b - 1) a = b - 1;
  }
  return { out, joins };
}

// A column's header cell alone on its line, as a photo's text copy (Google Lens) prints it over its column's
// cells: the names' ("EXAME"), then the results', units' and references' ("RESULTADO", "UNIDADE", "VALOR DE
// REFERÊNCIA").
const NAMES_HEAD = /^\s*(?:exames?|analitos?|par[aâ]metros?|testes?|determina[cç](?:[aã]o|[oõ]es))\s*:?\s*$/iu;
const CELLS_HEAD =
  /^\s*(?:resultados?|unidades?|unid\.?|valor(?:es)?\s+(?:de\s+)?refer[eê]ncias?|valor(?:es)?\s+referenciais|refer[eê]ncias?|intervalo\s+de\s+refer[eê]ncia|v\.\s?r\.?)\s*:?\s*$/iu;
// A name under its column's header: letters first, a footnote's mark or a method in brackets after ("LDL
// Colesterol (1)", "TGO (AST)", "Relação A/G"); no cell of another column.
const HEADED_NAME = /^\s*\p{L}[\p{L}\d\s().,/+-]{1,50}$/u;

// A ratio, an index, a density or a pH is printed with no unit: its row is where a unit column's empty cell likely is.
const UNITLESS_NAME = /^\s*(?:rela[cç][aã]o|raz[aã]o|[ií]ndice|ratio|inr|densidade|ph)(?![\p{L}])/iu;

/** How well a row takes a unit: 1 when the catalogue gives the name that unit or one it converts from, -1 when another or when a ratio or index is given one, 0 unknown. */
function unitFit(name: string, unit: string | undefined): number {
  if (UNITLESS_NAME.test(name)) return unit === undefined ? 1 : -1;
  if (unit === undefined) return 0;
  const def = lookupName(name.trim());
  if (!def || !isCatalogued(def)) return 0;
  const u = normalizeUnit(unit.trim()) ?? unit.trim();
  return conversionFactor(def, u) !== undefined ? 1 : -1;
}

/**
 * The units of a column one cell short, each given to its row: the copy leaves an empty cell out (a ratio's, with no
 * unit) and nothing says which. Each place the gap could be is tried, the units lined up around it, and scored by the
 * units the catalogue knows for the rows' names; a row takes a unit only when every best place gives it the same one.
 */
function alignShortUnits(names: readonly string[], units: readonly string[]): (number | undefined)[] {
  const n = names.length;
  // The unit cell row k takes with the gap at row `gap`: its index in the column.
  const cellAt = (gap: number, k: number) => (k < gap ? k : k > gap ? k - 1 : undefined);
  const unitAt = (gap: number, k: number) => {
    const c = cellAt(gap, k);
    return c === undefined ? undefined : units[c];
  };
  const scores = Array.from({ length: n }, (_, gap) => names.reduce((sum, name, k) => sum + unitFit(name, unitAt(gap, k)), 0));
  const best = Math.max(...scores);
  const gaps = scores.flatMap((s, gap) => (s === best ? [gap] : []));
  return names.map((_, k) => {
    const all = new Set(gaps.map((gap) => cellAt(gap, k)));
    return all.size === 1 ? [...all][0] : undefined;
  });
}

/**
 * A table copied column by column from a photo (Google Lens, h1661), each column under its own header cell: the
 * names' header and every name, the results' header and every result, the units' header and every unit, the
 * references' header and every reference:
 *
 *   EXAME / Colesterol Total / … / Relação A/G / RESULTADO / 248 / … / 1,54 / UNIDADE / mg/dL / … / g/dL /
 *   VALOR DE REFERÊNCIA / < 190 / … / 1,0 a 2,2
 *
 * The headers mark where each column ends, so a unit column one cell short (an empty cell, a ratio's, is not
 * copied) is still known for one: its units are lined up with the rows the catalogue says they fit, and a row whose
 * unit is in doubt takes none (a ratio's or an index's row, printed with none, is where the gap likely is). A reference cell may point to a footnote ("ver nota"). Each row is put back on its
 * result's line, the header's cells as one line on the names' header's, the other lines left empty for the reader.
 */
function headedCopies(reads: string[]): { out: string[] | undefined; joins: Map<number, number[]> } {
  let out: string[] | undefined;
  const joins = new Map<number, number[]>();
  for (let h = 0; h < reads.length; h++) {
    if (!NAMES_HEAD.test(reads[h]!)) continue;
    let b = h + 1;
    while (b < reads.length && HEADED_NAME.test(reads[b]!) && !CELLS_HEAD.test(reads[b]!) && !UNIT_CELL.test(reads[b]!)) b++;
    const n = b - h - 1;
    if (n < 3 || !CELLS_HEAD.test(reads[b] ?? '')) continue;
    // The columns after the names, each under its header: as many cells as names, the units' one short at most;
    // the last column, with no header after it, is taken n cells long.
    const heads = [h];
    const columns: { kind: Kind; from: number; cells: string[] }[] = [];
    let at = b;
    while (at < reads.length && CELLS_HEAD.test(reads[at]!)) {
      let end = at + 1;
      while (end < reads.length && end - at - 1 < n && !CELLS_HEAD.test(reads[end]!)) end++;
      const cells = reads.slice(at + 1, end);
      const kind = cells.length > 0 ? columnKind(cells) : undefined;
      const short = cells.length === n - 1 && kind === 'unit' && CELLS_HEAD.test(reads[end] ?? '');
      if (!kind || (cells.length !== n && !short)) break;
      heads.push(at);
      columns.push({ kind, from: at + 1, cells });
      at = end;
    }
    if (columns[0]?.kind !== 'value' || !columns.some((c) => c.kind === 'range')) continue;
    // A cell more past the last column, of its kind: the columns do not line up, nothing is put together.
    const last = columns[columns.length - 1]!;
    if (at < reads.length && columnKind([reads[at]!]) === last.kind && !HEADED_NAME.test(reads[at]!)) continue;
    const names = reads.slice(h + 1, b).map((c) => c.trim());
    // Each row's cell index in each column: its own row's, or the one a short column's alignment gives it.
    const indexesOf = columns.map((c) => (c.cells.length === n ? names.map((_, k) => k as number | undefined) : alignShortUnits(names, c.cells)));
    out ??= [...reads];
    for (let k = h; k < at; k++) out[k] = '';
    out[h] = heads.map((k) => reads[k]!.trim()).join('   ');
    const values = columns[0]!;
    for (let k = 0; k < n; k++) {
      const cells = [names[k]!];
      columns.forEach((column, c) => {
        const i = indexesOf[c]![k];
        if (i === undefined) return;
        const cell = column.cells[i]!.trim();
        if (column.kind === 'unit' && columns[c - 1]?.kind === 'value') cells[cells.length - 1] += ` ${cell}`;
        else cells.push(cell);
      });
      out[values.from + k] = cells.join('   ');
      joins.set(
        values.from + k,
        columns.slice(1).flatMap((column, c) => {
          const i = indexesOf[c + 1]![k];
          return i === undefined ? [] : [column.from + i];
        }),
      );
    }
    h = at - 1;
  }
  return { out, joins };
}
