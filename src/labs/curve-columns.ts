// A tolerance curve printed as a table with one column per analyte measured at each time, the ranges
// listed under it by analyte and time:
//
//   Tempo              Glicose (mg/dL)     Insulina (µUI/mL)
//   Basal (jejum)           88                  9,6
//   60 minutos             152                 98,0
//   Valores de referência:
//     Glicose  - Jejum: 70 a 99 mg/dL
//     Insulina - Jejum: 2,6 a 24,9 µUI/mL
//                60 minutos: 18,0 a 276,0 µUI/mL
//
// Read as printed, a row is a time with bare numbers and each range line a time with a range: nothing
// names the values. So before anything is read, each row is put back as the results it holds, on its own
// line and separated by ";" ("Glicose Basal (jejum)   88 mg/dL   70 a 99 mg/dL; Insulina Basal (jejum)   9,6
// µUI/mL   2,6 a 24,9 µUI/mL"), each named by its column's analyte and its row's time (a time point is no
// fasting sample: no built-in range applies to it), with its column's unit and the range printed for that
// analyte at that time. The header and the range lines taken are left empty; a range line naming a time no
// row has, and a note, are left as printed.
import { foldSameLength } from './analytes.ts';
import { cellStarts } from './columns.ts';
import { NUMBER } from './numbers.ts';
import { isReferenceText, stripReferenceLead } from './reference.ts';
import { unitAtStart } from './units.ts';

// The time column's header cell.
const TIME_HEAD = /^(?:tempos?|hor[aá]rios?|momentos?|amostras?|coletas?)$/iu;
// An analyte's column: its name, its unit in brackets at times ("Glicose (mg/dL)", "Insulina (µUI/mL)").
const ANALYTE_HEAD = /^(\p{L}[\p{L}\d -]*?\p{L})\s*(?:\(([^()]+)\))?$/u;
// A value cell: a number with the lab's mark after it at most ("158", "182,0 *", "< 2,0").
// An observation at a time point: a blood pressure ("98/62") or a word or two ("ausente", "leve", "sem queixas").
const OBSERVATION_CELL = /^(?:\d{2,3}\s?[/x]\s?\d{2,3}|\p{L}+(?:[\s-]\p{L}+){0,2})$/u;
const VALUE_CELL = new RegExp(String.raw`^[<>]?\s*(?:${NUMBER})(?:\s*(?:\*{1,2}|[HL]|[↑↓]))?$`, 'u');
const MISSING_CELL = /^(?:-{1,3}|—|–)$/u;

/** The minutes after the load a time cell names ("Basal (jejum)" 0, "30 minutos" 30, "2 horas" 120, "T60" 60); undefined for any other text. */
function minutesOf(cell: string): number | undefined {
  const t = foldSameLength(cell).toLowerCase().trim();
  if (/^(?:basal|jejum|pr[eé]|tempo\s+zero)(?:\s*\((?:basal|jejum|0\s*min(?:utos)?)\))?$/u.test(t)) return 0;
  const min = /^(?:t\s?|tempo\s+)?(\d{1,3})\s*(?:min(?:utos)?\.?|'|m)?(?:\s*\([^()]*\))?$/u.exec(t);
  if (min) return Number(min[1]);
  const hours = /^(\d)\s*h(?:oras?)?(?:\s*\([^()]*\))?$/u.exec(t);
  return hours ? Number(hours[1]) * 60 : undefined;
}

interface Column {
  name: string;
  unit: string | undefined;
  at: number;
}

/** The analyte columns of a curve's header line; undefined unless it is the time cell and two such columns or more. */
function headerOf(line: string): Column[] | undefined {
  const cs = cellStarts(line.replace(/\t/g, '   '), 0);
  if (cs.length < 3 || !TIME_HEAD.test(foldSameLength(cs[0]!.cell).trim())) return undefined;
  const columns: Column[] = [];
  for (const c of cs.slice(1)) {
    const m = ANALYTE_HEAD.exec(c.cell);
    if (!m || /^(?:resultados?|refer[eê]ncias?|valor(?:es)?|unid(?:ade)?s?)$/iu.test(m[1]!)) return undefined;
    const unit = m[2] === undefined ? undefined : unitAtStart(m[2]);
    if (m[2] !== undefined && unit?.consumed !== m[2].length) return undefined;
    columns.push({ name: m[1]!, unit: unit?.unit, at: c.at });
  }
  return columns;
}

/** The lines of a text with each analyte-per-column curve table read as its results; any other text as it is. */
export function curveColumnsAsRows(reads: string[]): string[] {
  let out: string[] | undefined;
  for (let h = 0; h < reads.length; h++) {
    const columns = headerOf(reads[h]!);
    if (!columns) continue;
    // The rows: a time, then a value (or a dash) per column.
    const rows: Array<{ at: number; time: string; minutes: number; values: Array<string | undefined> }> = [];
    let r = h + 1;
    for (; r < reads.length; r++) {
      const cs = cellStarts(reads[r]!.replace(/\t/g, '   '), 0).map((c) => c.cell);
      const minutes = cs.length > 0 ? minutesOf(cs[0]!) : undefined;
      if (minutes === undefined || cs.length !== columns.length + 1 || !cs.slice(1).every((c) => VALUE_CELL.test(c) || MISSING_CELL.test(c))) break;
      rows.push({ at: r, time: cs[0]!, minutes, values: cs.slice(1).map((c) => (MISSING_CELL.test(c) ? undefined : c)) });
    }
    if (rows.length < 2) continue;
    // The ranges under the table: an analyte's name leading its first time ("Glicose - Jejum: 70 a 99"),
    // the next times under it alone ("120 minutos: inferior a 140"); notes in brackets between them.
    const ranges = new Map<string, { range: string; at: number }>();
    const taken: number[] = [];
    let lead: number | undefined;
    let current: number | undefined;
    let k = r;
    for (; k < reads.length && k < r + 20; k++) {
      const t = reads[k]!.trim();
      if (t === '') {
        if (ranges.size > 0) break;
        continue;
      }
      if (/^\(.*\)$/u.test(t)) continue;
      const led = stripReferenceLead(t);
      if (led.lead && led.rest === '' && lead === undefined && ranges.size === 0) {
        lead = k;
        continue;
      }
      let rest = t;
      const named = columns.findIndex((c) => foldSameLength(t).toLowerCase().startsWith(foldSameLength(c.name).toLowerCase()));
      if (named >= 0) {
        const after = t.slice(columns[named]!.name.length);
        const sep = /^\s*[-–—:]\s*/u.exec(after);
        if (!sep) break;
        current = named;
        rest = after.slice(sep[0].length);
      }
      const entry = /^([^:]+?)\s*:\s*(\S.*)$/u.exec(rest);
      const minutes = entry ? minutesOf(entry[1]!) : undefined;
      if (current === undefined || !entry || minutes === undefined || !isReferenceText(entry[2]!)) break;
      if (!rows.some((row) => row.minutes === minutes) || ranges.has(`${current}@${minutes}`)) continue;
      ranges.set(`${current}@${minutes}`, { range: entry[2]!.trim(), at: k });
      taken.push(k);
    }
    out ??= [...reads];
    out[h] = '';
    for (const row of rows)
      out[row.at] = columns
        .flatMap((c, i) => {
          const value = row.values[i];
          if (value === undefined) return [];
          const range = ranges.get(`${i}@${row.minutes}`)?.range;
          return [`${c.name} ${row.time}   ${value}${c.unit ? ` ${c.unit}` : ''}${range ? `   ${range}` : ''}`];
        })
        .join('; ');
    for (const at of taken) out[at] = '';
    // The ranges' lead alone over them, when every range line under it was taken: it leads nothing left.
    if (lead !== undefined && taken.length > 0) {
      const left = reads.slice(lead + 1, k).some((l, i) => l.trim() !== '' && !taken.includes(lead! + 1 + i) && !/^\(.*\)$/u.test(l.trim()));
      if (!left) out[lead] = '';
    }
    h = Math.max(r, k) - 1;
  }
  return out ?? reads;
}

// A line of a drawn table's border ("+------+------+", "|------|"): no cell of the curve.
const BORDER = /^[\s+|=_-]+$/u;

/** A line's cells: a bar table's between its bars, else the cells set apart by spaces. */
function cellsOf(line: string): string[] {
  if (/^\s*\|.*\|\s*$/u.test(line))
    return line
      .trim()
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim());
  return cellStarts(line.replace(/\t/g, '   '), 0).map((c) => c.cell);
}

/**
 * The same curve printed across (a pregnancy's 75 g test: "Tempo   Jejum   1 hora   2 horas" over "Glicose
 * (mg/dL)   97   184   149" and a reference row "Ref. gestante   < 92   < 180   < 153", in columns or in a
 * drawn table): each analyte row is put back as its results, one per time, on its own line and separated by
 * ";", each with the row's unit and the range printed under it in the reference row right below. A curve of
 * one analyte names its points by their times, as one printed down the page is under its title ("Jejum", "1
 * hora"); with several, by the analyte and the time. The header and the reference rows taken are left empty.
 */
export function horizontalCurveAsRows(reads: string[]): string[] {
  let out: string[] | undefined;
  for (let h = 0; h < reads.length; h++) {
    const printed = cellsOf(reads[h]!);
    // The time column's head may be left blank, the times alone over the rows ("                    Jejum
    // 1 hora   2 horas" over "Glicose (mg/dL)   88   186   142", a maternity hospital's 75 g test, h1611).
    const unheaded = printed.length >= 2 && printed.every((c) => minutesOf(c) !== undefined) && /^\s{4,}\S/u.test(reads[h]!);
    const head = unheaded ? ['', ...printed] : printed;
    const times = head.slice(1).map(minutesOf);
    if (head.length < 3 || (!unheaded && !TIME_HEAD.test(foldSameLength(head[0]!).trim())) || times.some((m) => m === undefined)) continue;
    const rows: Array<{ at: number; name: string; unit: string | undefined; values: Array<string | undefined>; ranges?: string[] }> = [];
    const taken: number[] = [];
    let r = h + 1;
    for (; r < reads.length; r++) {
      if (BORDER.test(reads[r]!) && reads[r]!.trim() !== '') continue;
      const cs = cellsOf(reads[r]!);
      if (cs.length !== head.length) break;
      const led = stripReferenceLead(cs[0]!);
      const last = rows[rows.length - 1];
      if (led.lead) {
        if (!last || last.ranges || !cs.slice(1).every((c) => isReferenceText(c))) break;
        last.ranges = cs.slice(1);
        taken.push(r);
        continue;
      }
      const m = ANALYTE_HEAD.exec(cs[0]!);
      const unit = m?.[2] === undefined ? undefined : unitAtStart(m[2]);
      // A stimulation test's bedside observations by time under its analyte rows ("Pressão arterial (mmHg)
      // 98/62   90/58 …", "Sonolência   ausente   leve …"): the patient's course, no exam. Taken with the table,
      // so no cell of them is read as a result and another as its reference; the final accounting still
      // lists what they print.
      if (rows.length > 0 && /^\p{L}/u.test(cs[0]!) && cs.slice(1).every((c) => OBSERVATION_CELL.test(c) || MISSING_CELL.test(c))) {
        taken.push(r);
        continue;
      }
      if (!m || (m[2] !== undefined && unit?.consumed !== m[2].length) || !cs.slice(1).every((c) => VALUE_CELL.test(c) || MISSING_CELL.test(c))) break;
      rows.push({ at: r, name: m[1]!, unit: unit?.unit, values: cs.slice(1).map((c) => (MISSING_CELL.test(c) ? undefined : c)) });
    }
    if (rows.length === 0) continue;
    out ??= [...reads];
    out[h] = '';
    for (const row of rows)
      out[row.at] = row.values
        .flatMap((value, i) => {
          if (value === undefined) return [];
          const name = rows.length === 1 ? head[i + 1]! : `${row.name} ${head[i + 1]!}`;
          const range = row.ranges?.[i];
          return [`${name}   ${value}${row.unit ? ` ${row.unit}` : ''}${range ? `   ${range}` : ''}`];
        })
        .join('; ');
    for (const at of taken) out[at] = '';
    h = r - 1;
  }
  return out ?? reads;
}
