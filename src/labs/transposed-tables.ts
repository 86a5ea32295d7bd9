// A panel printed across, transposed: one exam a column, one field a row, each row led by its field's label:
//
//   Exame         TSH              T4 livre         T3 total
//   Resultado     < 0,008          3,12             262
//   Unidade       µUI/mL           ng/dL            ng/dL
//   Referência    0,45 a 4,50      0,93 a 1,70      80 a 200
//   Método        CMIA             CMIA             CMIA
//   Situação      ↓                ↑                ↑
//
// or with no label over the names ("               GLICOSE        HEMOGLOBINA GLICADA" over "Resultado   97
// 5,6"), and a reference cell stacked over several lines under its column (a hormone's ranges by cycle phase:
// "Referência     Fase folicular: 3,5 a 12,5   Fase folicular: 12,5 a 166" then "               Pico
// ovulatório: 4,7 a 21,5  Pico ovulatório: 85,8 a 498" …).
//
// Read as printed, the result row is a label and bare numbers and the reference row a label and ranges: nothing
// names the values. So before anything is read, the result row is put back as the results it holds, separated by
// ";" ("TSH   < 0,008 ↓ µUI/mL   0,45 a 4,50; T4 livre   3,12 ↑ ng/dL   0,93 a 1,70; …"), each named by its
// column's head, with the unit, the reference (its stacked lines joined by " | ") and the lab's arrow printed
// under it in the same column. The header and the other rows taken are left empty; a row whose label is none
// of a field's ends the table, and is read as printed.
//
// A line left empty holds nothing but what the table takes: what a line runs on with after a ";" ("UI/mL ;
// HBsAg: Reagente"), a cell past the last column, a header cell nothing is printed under ("(repetido: 49,1)")
// and a flag-row cell that is no mark stay on their line, read as printed.
import { foldSameLength } from './analytes.ts';
import { cellStarts } from './columns.ts';

// The label over the names, when there is one.
const EXAM_HEAD = /^(?:exames?|analitos?|par[aâ]metros?|testes?|determina[cç](?:[aã]o|[oõ]es)|dosage(?:m|ns))$/u;
// The fields' row labels.
const RESULT_ROW = /^(?:resultados?|valor(?:es)?(?:\s+(?:obtidos?|encontrados?))?|result\.?)$/u;
const UNIT_ROW = /^(?:unidades?|unid\.?|un\.?)$/u;
const REFERENCE_ROW = /^(?:refer[eê]ncias?|ref\.?|v\.?\s?r\.?|valor(?:es)?\s+de\s+refer[eê]ncia|intervalos?\s+de\s+refer[eê]ncia)$/u;
const FLAG_ROW = /^(?:situa[cç][aã]o|status|sinaliza[cç][aã]o|alerta|interpreta[cç][aã]o)$/u;
// Rows of the table no result needs: taken with it, read for nothing.
const DETAIL_ROW = /^(?:m[eé]todos?|metodologia|materia(?:l|is)|amostras?|equipamentos?)$/u;
// The lab's mark in the flag row: an arrow, or its letter.
const FLAG_CELL = /^(?:[↑↓▲▼]|[HLAB]|\*{1,2})$/u;
// A reference cell that only points to a note printed elsewhere ("ver (1)", "vide nota"): no range.
const NOTE_POINTER = /^(?:ver|vide|consultar|conforme)\s*(?:\(\s*\d\s*\)|\*+|notas?(?:\s*\(?\d\)?)?|abaixo|rodap[eé])$/iu;
// A footnote's mark after a column's name ("LDL (1)", "NÃO-HDL*"): no part of the name.
const NAME_NOTE = /\s*(?:\(\s*\d\s*\)|\*+|[¹²³])$/u;
// A line drawn across the table.
const BORDER = /^\s*[-=_─━]{3,}\s*$/u;

interface Column {
  name: string;
  at: number;
  end: number;
}

const fold = (cell: string) => foldSameLength(cell).toLowerCase().trim();

/** A line's cells set apart by two spaces or more, with where each starts. */
const cellsOf = (line: string) => cellStarts(line.replace(/\t/g, '   '), 0);

/** A line cut at its first ";": the table's part, and what it runs on with after it (empty when nothing). */
function runOn(line: string): [own: string, rest: string] {
  const at = line.indexOf(';');
  return at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 1).trim()];
}

/** The names of a transposed table's header line: its cells after the exam label, or all of them when they stand right of the row labels under them. */
function headerOf(line: string, labelEnd: number): Column[] | undefined {
  const cs = cellsOf(line);
  const named = cs.length > 0 && EXAM_HEAD.test(fold(cs[0]!.cell)) ? cs.slice(1) : cs;
  if (named.length === 0 || named[0]!.at <= labelEnd) return undefined;
  // A title printed letter by letter ("T 4   L I V R E", its words apart by three spaces) over a block's
  // "Resultado:" is one title, no names.
  if (named.some((c) => /^(?:\S ){2,}\S$/u.test(c.cell))) return undefined;
  // A name is words, not a value or a range: a row of results under another header is no header.
  if (!named.every((c) => /\p{L}/u.test(c.cell) && !/^[<>≤≥]?\s*\d/u.test(c.cell))) return undefined;
  // One column alone is the block a title heads ("GLICOSE" over "Resultado   95 mg/dL"), unless the label says
  // it is the table's.
  if (named.length < 2 && named === cs) return undefined;
  return named.map((c) => ({ name: c.cell.replace(NAME_NOTE, ''), at: c.at, end: c.at + c.cell.length }));
}

/**
 * The column of each cell of a row after its label, by where it stands; undefined when two share a column. A cell
 * that starts past the last column's name, by more than a column's gap, is none of the table's: it goes to `past`.
 */
function placed(cells: Array<{ cell: string; at: number }>, columns: Column[], past: string[]): Map<number, string> | undefined {
  const out = new Map<number, string>();
  const lastEnd = columns[columns.length - 1]!.end;
  for (const c of cells) {
    if (c.at > lastEnd + 2) {
      past.push(c.cell);
      continue;
    }
    // A cell belongs to the last column whose gap with the one before it it starts after: right-aligned numbers
    // start before their name, a wide reference cell runs past it.
    let i = 0;
    while (i + 1 < columns.length && c.at >= (columns[i]!.end + columns[i + 1]!.at) / 2) i++;
    if (out.has(i)) return undefined;
    out.set(i, c.cell);
  }
  return out;
}

type Field = 'result' | 'unit' | 'reference' | 'flag' | 'detail';

function fieldOf(label: string): Field | undefined {
  const f = fold(label).replace(/:$/u, '');
  if (RESULT_ROW.test(f)) return 'result';
  if (UNIT_ROW.test(f)) return 'unit';
  if (REFERENCE_ROW.test(f)) return 'reference';
  if (FLAG_ROW.test(f)) return 'flag';
  if (DETAIL_ROW.test(f)) return 'detail';
  return undefined;
}

/** The lines of a text with each transposed table's result row read as its results; any other text as it is. */
export function transposedTablesAsRows(reads: string[]): string[] {
  let out: string[] | undefined;
  for (let h = 0; h + 1 < reads.length; h++) {
    // The result row right under the header: its label says the table is transposed.
    const first = cellsOf(runOn(reads[h + 1]!)[0]);
    if (first.length < 2 || fieldOf(first[0]!.cell) !== 'result') continue;
    const [head, headRest] = runOn(reads[h]!);
    const columns = headerOf(head, first[0]!.at + first[0]!.cell.length);
    // A label with its colon ("Resultado:   0,86 ng/dL") is a block's field under its title, unless an exam
    // label over the names says the table is transposed.
    if (!columns || (first[0]!.cell.endsWith(':') && !EXAM_HEAD.test(fold(cellsOf(head)[0]!.cell)))) continue;
    const rows = new Map<Field, Map<number, string>>();
    const taken: number[] = [];
    // What each line taken holds that the table does not take: it stays on its line.
    const kept = new Map<number, string[]>();
    const keep = (at: number, text: string) => {
      if (text !== '') kept.set(at, [...(kept.get(at) ?? []), text]);
    };
    let r = h + 1;
    let last: Field | undefined;
    let ok = true;
    for (; r < reads.length; r++) {
      const line = reads[r]!;
      if (line.trim() === '' || BORDER.test(line)) break;
      const [own, rest] = runOn(line);
      const cs = cellsOf(own);
      if (cs.length === 0) break;
      const past: string[] = [];
      // A line with no label under the reference row: its stacked cells go on under their columns.
      if (cs[0]!.at > first[0]!.at + 2 && last === 'reference') {
        const more = placed(cs, columns, past);
        if (!more) break;
        const ref = rows.get('reference')!;
        for (const [i, cell] of more) ref.set(i, ref.has(i) ? `${ref.get(i)} | ${cell}` : cell);
        taken.push(r);
        for (const cell of [...past, rest]) keep(r, cell);
        continue;
      }
      const field = fieldOf(cs[0]!.cell);
      if (!field || rows.has(field)) break;
      const cells = placed(cs.slice(1), columns, past);
      if (!cells) {
        ok = false;
        break;
      }
      // A flag row's cell that is no mark is read for nothing: it stays on its line.
      if (field === 'flag')
        for (const [i, cell] of cells)
          if (!FLAG_CELL.test(cell)) {
            cells.delete(i);
            past.push(cell);
          }
      rows.set(field, cells);
      taken.push(r);
      for (const cell of [...past, rest]) keep(r, cell);
      last = field;
    }
    const results = rows.get('result')!;
    if (!ok || results.size === 0) continue;
    const units = rows.get('unit');
    const refs = rows.get('reference');
    const flags = rows.get('flag');
    // A header cell nothing is printed under, in any row, names no column: it stays on the header line.
    const named = columns.filter((_, i) => [...rows.values()].some((row) => row.has(i)));
    for (const c of columns) if (!named.includes(c)) keep(h, head.replace(/\t/g, '   ').slice(c.at, c.end));
    keep(h, headRest);
    out ??= [...reads];
    out[h] = '';
    for (const at of taken) out[at] = '';
    for (const [at, texts] of kept) if (at !== h + 1) out[at] = texts.join('   ');
    out[h + 1] = [
      ...columns.flatMap((c, i) => {
        const value = results.get(i);
        if (value === undefined) return [];
        const flag = flags?.get(i);
        const unit = units?.get(i);
        const ref = refs?.get(i);
        const mark = flag !== undefined ? ` ${flag}` : '';
        return [`${c.name}   ${value}${mark}${unit ? ` ${unit}` : ''}${ref && !NOTE_POINTER.test(ref) ? `   ${ref}` : ''}`];
      }),
      ...(kept.get(h + 1) ?? []),
    ].join('; ');
    h = r - 1;
  }
  return out ?? reads;
}
