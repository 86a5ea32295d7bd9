// A spreadsheet of one's own results copied sideways, its cells apart by tabs: one exam a column, one field a
// row, each row led by its label, the collections as dated rows and the lab's limits in rows of their own:
//
//   Exame         Hemoglobina   Glicose   TSH      Vit. B12
//   Unidade       g/dL          mg/dL     µUI/mL   pg/mL
//   10/02/2026    12,8          101       3,1      402
//   05/09/2026    12,2          109       2,7
//   Mín (VR lab)  12,0          70        0,45     197
//   Máx (VR lab)  16,0          99        4,50     771
//   Status        ok            ALTO      ok       não fez
//   Variação %    -4,7%         7,9%      -12,9%   #DIV/0!
//
// Read as printed, the dated rows are a date and bare numbers: nothing names them. The newest collection is
// the current result, the earlier ones history; so before anything is read, the newest dated row is put back
// as the results it holds, separated by ";" ("Hemoglobina   12,2 g/dL   12,0 a 16,0; Glicose   109 mg/dL   70 a
// 99; …"), each named by its column's head, with its unit and the range its Mín and Máx rows print (one of
// them alone: "maior ou igual a" the floor, "até" the ceiling). An exam whose current cell is empty was not
// done this time: no result. The header, unit and limit rows are left empty; the earlier collections, a
// status row in words and a row of the sheet's own sums stay on their lines, read as printed or listed.
//
// Cells stand by tab, not by position: an empty cell ("\t\t") shifts no column, so this reads only lines cut
// by tabs; a panel transposed with spaces is transposed-tables.ts's.
import { foldSameLength } from './analytes.ts';

const EXAM_HEAD = /^(?:exames?|analitos?|par[aâ]metros?|testes?)$/u;
const UNIT_ROW = /^(?:unidades?|unid\.?|un\.?)$/u;
// The lab's floor and ceiling, with a word on whose they are ("Mín (VR lab)", "Máximo ref.").
const MIN_ROW = /^(?:m[ií]n(?:imo)?\.?|limite\s+inferior|lim\.?\s+inf\.?)(?:\s*\(.*\)|\s+(?:vr|ref)\.?(?:\s+lab)?)?$/u;
const MAX_ROW = /^(?:m[aá]x(?:imo)?\.?|limite\s+superior|lim\.?\s+sup\.?)(?:\s*\(.*\)|\s+(?:vr|ref)\.?(?:\s+lab)?)?$/u;
const REFERENCE_ROW = /^(?:refer[eê]ncias?|ref\.?|v\.?\s?r\.?(?:\s*\(.*\))?|valor(?:es)?\s+de\s+refer[eê]ncia)$/u;
// A collection's date, with its year or not.
const DATED_ROW = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/u;
const NUMBER = /^[<>≤≥]?\s*\d+(?:[.,]\d+)*$/u;

const fold = (cell: string) => foldSameLength(cell).toLowerCase().trim();
const cellsOf = (line: string) =>
  line
    .replace(/\s+$/u, '')
    .split('\t')
    .map((c) => c.trim());

type Field = 'unit' | 'min' | 'max' | 'reference';

function fieldOf(label: string): Field | undefined {
  const f = fold(label).replace(/:$/u, '');
  if (UNIT_ROW.test(f)) return 'unit';
  if (MIN_ROW.test(f)) return 'min';
  if (MAX_ROW.test(f)) return 'max';
  if (REFERENCE_ROW.test(f)) return 'reference';
  return undefined;
}

/** When a dated row was collected, to order them; undefined when its label is no date. */
function whenOf(label: string): number | undefined {
  const m = DATED_ROW.exec(label);
  if (!m) return undefined;
  const year = m[3] === undefined ? 0 : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return (year * 13 + Number(m[2])) * 32 + Number(m[1]);
}

// What a header, unit or limit cell prints after its own text, past a ';' or a column gap ("Microalb. (urina) ;
// Sódio 131,3", "Ferritina   52,3", "mg/dL ; HBsAg: Reagente", a Mín cell "2,4   48,9"): no cell goes on past them.
const AFTER_CELL = /\s*;|\s{2,}/u;

/** The cells cut at what they print after their own text, and whether any printed more. */
function cutCells(cells: string[]): { cells: string[]; more: boolean } {
  let more = false;
  const cut = cells.map((cell) => {
    const at = AFTER_CELL.exec(cell);
    if (!at) return cell;
    more = true;
    return cell.slice(0, at.index);
  });
  return { cells: cut, more };
}

interface Header {
  names: string[];
  /** Whether a cell printed something after its name, which the sheet does not explain. */
  more: boolean;
}

/** The names a header line heads its columns with, after its exam label; undefined when it is no such header. */
function headerOf(line: string): Header | undefined {
  if (!line.includes('\t')) return undefined;
  const cs = cellsOf(line);
  if (cs.length < 3 || !EXAM_HEAD.test(fold(cs[0]!))) return undefined;
  const { cells: names, more } = cutCells(cs.slice(1));
  return names.every((n) => /\p{L}/u.test(n) && !/^[<>≤≥]?\s*\d/u.test(n)) ? { names, more } : undefined;
}

function rangeOf(min: string | undefined, max: string | undefined): string {
  const lo = min !== undefined && NUMBER.test(min) ? min : undefined;
  const hi = max !== undefined && NUMBER.test(max) ? max : undefined;
  if (lo && hi) return `${lo} a ${hi}`;
  if (lo) return `maior ou igual a ${lo}`;
  if (hi) return `até ${hi}`;
  return '';
}

/** The lines of a text with each sideways sheet's newest dated row read as its results; any other text as it is. */
export function transposedSheetsAsRows(reads: string[]): string[] {
  let out: string[] | undefined;
  for (let h = 0; h < reads.length; h++) {
    const header = headerOf(reads[h]!);
    if (!header) continue;
    const { names } = header;
    const head = h;
    const fields = new Map<Field, { at: number; cells: string[]; more: boolean }>();
    const dated: Array<{ at: number; when: number; cells: string[] }> = [];
    let blanks = 0;
    let r = h + 1;
    let ok = true;
    for (; r < reads.length; r++) {
      const line = reads[r]!;
      if (line.trim() === '') {
        // A blank row between the dates and the limits is the sheet's; two end it.
        if (++blanks > 1) break;
        continue;
      }
      blanks = 0;
      // A line with no tab, or another sheet's header, ends the sheet.
      if (!line.includes('\t') || headerOf(line)) break;
      const [label = '', ...cells] = cellsOf(line);
      const when = whenOf(label);
      const field = fieldOf(label);
      // A row holding more cells than the header names is some other table's.
      if ((when !== undefined || field) && cells.length > names.length) {
        ok = false;
        break;
      }
      if (when !== undefined) dated.push({ at: r, when, cells });
      else if (field && !fields.has(field)) fields.set(field, { at: r, ...cutCells(cells) });
    }
    h = r - 1;
    // Two collections at least, or one with its unit or limits: a sheet, not a line of dates.
    if (!ok || dated.length === 0 || (dated.length < 2 && fields.size === 0)) continue;
    // The newest collection; the last printed among equal dates (dates with no year are in printed order).
    const current = dated.reduce((a, b) => (b.when >= a.when ? b : a));
    const unit = fields.get('unit')?.cells;
    const min = fields.get('min')?.cells;
    const max = fields.get('max')?.cells;
    const refs = fields.get('reference')?.cells;
    const results = names.flatMap((name, i) => {
      const value = current.cells[i];
      if (value === undefined || value === '') return [];
      const u = unit?.[i] ? ` ${unit[i]}` : '';
      const range = refs?.[i] || rangeOf(min?.[i], max?.[i]);
      return [`${name}   ${value}${u}${range ? `   ${range}` : ''}`];
    });
    if (results.length === 0) continue;
    out ??= [...reads];
    // A header that printed more than its names stays as printed, to be read or listed with what it printed.
    if (!header.more) out[head] = '';
    // So does a unit or limit row.
    for (const f of fields.values()) if (!f.more) out[f.at] = '';
    out[current.at] = results.join('; ');
  }
  return out ?? reads;
}
