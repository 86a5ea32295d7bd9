// A dialysis unit's monthly map: each row's value before and after the session in two columns of their own,
// the target or reference in a third, and last month's results in a column headed by the month:
//
//   A. DIÁLISE (mensal)          PRÉ      PÓS      META / REFERÊNCIA        ABR/25
//   Ureia (mg/dL)                148      41       pós: —                   161 / 46
//   Potássio (mEq/L)             6,1      3,4      pré: 3,5 a 5,5           5,8
//   Sódio (mEq/L)                138      —        136 a 145                137
//   Hemoglobina (g/dL)           9,4               10,0 a 12,0              10,1
//
// Read as printed, a row is a name over two or three numbers with nothing saying which one is the result.
// So before anything is read each row is put back as the results it holds: a row with both values as two,
// "Ureia pré (mg/dL)   148   …; Ureia pós (mg/dL)   41", each with the part of the reference that says its
// time ("pré: 3,5 a 5,5" is the value before's, and a reference naming no time is both's); a row with the
// value before alone as that value under its plain name. The earlier month's column is no result and is
// left out. The header line is left empty. The table runs on over section titles, borders and blank lines
// for as long as rows follow; a line of text after its last row ends it.
//
// A discharge summary's table heads its two result columns by the stay's two samples, each maybe dated, the
// reference common to both after them (h2006):
//
//   Exame                          Admissão (02/09)   Alta (06/09)   Referência
//   Glicose (mg/dL)                548                124            70 - 99
//   Hemoglobina glicada (%)        12,4               -              4,0 - 5,6
//
// Both are results of the same exam, so a row is put back as two under its plain name ("Glicose (mg/dL)   548
// 70 - 99; Glicose (mg/dL)   124   70 - 99"), the dash of an exam not repeated at discharge no value.

import { DASH_CELL, RULED_BORDER, cellStarts } from './columns.ts';

const PRE_CELL = /^pr[eé](?:[-\s]?(?:di[aá]lise|hd|sess[aã]o))?$/iu;
const POST_CELL = /^p[oó]s(?:[-\s]?(?:di[aá]lise|hd|sess[aã]o))?$/iu;
/** A discharge summary's sample columns: at admission and at discharge, maybe dated ("Admissão (02/09)", h2006). */
const ADMISSION_CELL = /^(?:admiss[aã]o|entrada)(?:\s*\(?\s*\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*\)?)?$/iu;
const DISCHARGE_CELL = /^(?:alta|sa[ií]da)(?:\s*\(?\s*\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*\)?)?$/iu;
const REFERENCE_CELL = /^(?:meta|alvo|refer[eê]ncia|v\.?\s?r\.?|valor(?:es)?\s+de\s+refer[eê]ncia)(?:\s*\/\s*(?:meta|alvo|refer[eê]ncia))?$/iu;
/** The earlier results' column: a month ("ABR/25", "abr/2025"), a date, or a word for the earlier result. */
const EARLIER_CELL = /^(?:\p{L}{3}\.?\s?\/\s?\d{2,4}|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{1,2}\/\d{4}|(?:m[eê]s\s+)?anterior(?:es)?|ant\.?)$/iu;
/** A reference for one time only: "pré: 3,5 a 5,5", "pós: —". */
const TIMED_REFERENCE = /^(pr[eé]|p[oó]s)\s*:\s*(.*)$/iu;
/** A name's trailing unit in parentheses, and marks after it ("Ureia (mg/dL)", "PTH (pg/mL) *"). */
const NAME_TAIL = /(\s*\([^()]*\)\s*\**|\s*\*+)$/u;

type Column = 'pre' | 'post' | 'reference' | 'earlier';
/** A header's columns by where they start; `named` when each time's result is named by its time (pré, pós). */
interface Header {
  columns: Array<{ at: number; column: Column }>;
  named: boolean;
}

/** The lines of a text with each pre/post table's rows read as their results; any other text as it is. */
export function prePostColumnsAsRows(reads: string[]): string[] {
  let out: string[] | undefined;
  for (let h = 0; h < reads.length; h++) {
    const columns = headerOf(reads[h]!);
    if (!columns) continue;
    const rows: Array<{ at: number; text: string }> = [];
    let r = h + 1;
    for (; r < reads.length; r++) {
      const line = reads[r]!;
      if (line.trim() === '' || RULED_BORDER.test(line)) continue;
      const row = rowOf(line, columns);
      if (row !== undefined) {
        rows.push({ at: r, text: row });
        continue;
      }
      // A section title goes on only if a row follows it.
      let next = r + 1;
      while (next < reads.length && (reads[next]!.trim() === '' || RULED_BORDER.test(reads[next]!))) next++;
      if (next >= reads.length || rowOf(reads[next]!, columns) === undefined) break;
    }
    if (rows.length < 2) continue;
    out ??= [...reads];
    out[h] = '';
    for (const row of rows) out[row.at] = row.text;
    h = r - 1;
  }
  return out ?? reads;
}

/** The header's columns by where they start, if it heads a value before and after a session, or at admission and discharge. */
function headerOf(line: string): Header | undefined {
  const cells = cellStarts(line, 0);
  const session = cells.findIndex((c) => PRE_CELL.test(c.cell));
  const stay = cells.findIndex((c) => ADMISSION_CELL.test(c.cell));
  const named = session >= 1;
  const pre = named ? session : stay;
  if (pre < 1 || !(named ? POST_CELL : DISCHARGE_CELL).test(cells[pre + 1]?.cell ?? '')) return undefined;
  const columns: Array<{ at: number; column: Column }> = [
    { at: cells[pre]!.at, column: 'pre' },
    { at: cells[pre + 1]!.at, column: 'post' },
  ];
  for (const c of cells.slice(pre + 2)) {
    if (REFERENCE_CELL.test(c.cell)) columns.push({ at: c.at, column: 'reference' });
    else if (EARLIER_CELL.test(c.cell)) columns.push({ at: c.at, column: 'earlier' });
    else return undefined;
  }
  return columns.some((c) => c.column === 'reference') ? { columns, named } : undefined;
}

/** A row put back as its results; undefined for a line that is no row of the table. */
function rowOf(line: string, header: Header): string | undefined {
  const { columns } = header;
  // What the row runs on with after a ';' in the earlier month's column ("71,4 ; HBsAg: Reagente") is
  // another result of the line, no earlier value: it stays after the row's results, read as printed.
  const earlier = columns.find((c) => c.column === 'earlier');
  const semi = earlier === undefined ? -1 : line.indexOf(';', earlier.at);
  const runOn = semi < 0 ? '' : line.slice(semi + 1).trim();
  const row = rowCells(semi < 0 ? line : line.slice(0, semi), header);
  return row === undefined || runOn === '' ? row : `${row}; ${runOn}`;
}

/** A row's cells put back as its results; undefined for a line that is no row of the table. */
function rowCells(line: string, { columns, named }: Header): string | undefined {
  const cells = cellStarts(line, 0);
  if (cells.length < 2 || cells[0]!.at >= columns[0]!.at) return undefined;
  const by = new Map<Column, string>();
  for (const c of cells.slice(1)) {
    // The column a cell is under: the last one starting at most two places after it.
    const under = columns.filter((col) => col.at <= c.at + 2).at(-1);
    if (!under || by.has(under.column)) return undefined;
    by.set(under.column, c.cell);
  }
  const pre = by.get('pre');
  if (pre === undefined || DASH_CELL.test(pre)) return undefined;
  const post = by.get('post');
  const reference = by.get('reference') ?? '';
  const name = cells[0]!.cell;
  if (post === undefined || DASH_CELL.test(post)) return [name, pre, timed(reference, 'pre')].filter((c) => c !== '').join('   ');
  const tail = NAME_TAIL.exec(name)?.[0] ?? '';
  const bare = name.slice(0, name.length - tail.length);
  const timedName = (time: 'pre' | 'post') => (named ? `${bare} ${time === 'pre' ? 'pré' : 'pós'}${tail}` : name);
  const at = (time: 'pre' | 'post', value: string) => [timedName(time), value, timed(reference, time)].filter((c) => c !== '').join('   ');
  return `${at('pre', pre)}; ${at('post', post)}`;
}

/** The part of a reference that holds for a time: all of one naming no time, nothing of another time's. */
function timed(reference: string, time: 'pre' | 'post'): string {
  const m = TIMED_REFERENCE.exec(reference);
  if (!m) return reference;
  const forPre = /^pr/iu.test(m[1]!);
  if (forPre !== (time === 'pre')) return '';
  return DASH_CELL.test(m[2]!.trim()) ? '' : m[2]!.trim();
}
