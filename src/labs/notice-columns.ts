// A log of critical values phoned to the ward prints beside each result the lab's critical limit and, after
// the reference, who was told, when and whether the value was read back ("Exame | Resultado | Limite crítico
// | Ref. | Comunicado a | Hora | Read-back"). None of those is a result: the limit read with the reference
// makes "> 6,2 3,5 a 5,1" one range no value fits, and a clock time of the call ("02:51") taken for a value
// loses a row without a unit ("pH | 7,12 | < 7,20 | 7,35 a 7,45 | Enf. … | 02:51 | SIM"). Under such a header
// the limit's cell and every cell from the call's first column on are cut from the row. (As a header's last
// cell, after the reference, the critical column is the table's own, cut in columns.ts.)
// A table of cells between bars or tabs places them by their order, one bar between cells however wide each
// is; a table aligned with spaces, by where its cells start.
import { cellStarts } from './columns.ts';

// The call's first column: who was told ("Comunicado a", "Informado para", "Recebido por", "Notificado a").
const NOTICE_HEAD =
  /^(?:(?:comunicad[oa]|informad[oa]|notificad[oa]|avisad[oa]|repassad[oa])\s+(?:a|ao|à|para|com)|recebido\s+por|recebedor|pessoa\s+comunicada)$/iu;
const CRITICAL_HEAD = /^(?:(?:valor(?:es)?|limites?)\s+(?:cr[ií]tic[oa]s?|de\s+p[aâ]nico)|cr[ií]tico|p[aâ]nico)$/iu;
const RESULT_HEAD = /^(?:resultados?|valor(?:es)?(?:\s+obtidos?)?)$/iu;
const REFERENCE_HEAD = /^(?:refer[eê]ncias?|ref\.?|v\.?\s?r\.?|valor(?:es)?\s+de\s+refer[eê]ncia|intervalo\s+de\s+refer[eê]ncia)(?:\s*\(.*\))?$/iu;
// What a critical limit's cell holds: one or two bounds each led by a comparator, or a dash.
const CRITICAL_CELL = /^(?:[<>≤≥]=?\s*\d[\d.,]*(?:\s*\S+)?(?:\s*(?:ou|e|;|\/)\s*[<>≤≥]=?\s*\d[\d.,]*(?:\s*\S+)?)?|[-–—]+)$/iu;

/** The columns to cut, by cell order (`cell`) in a table between bars, else by where they start (`at`). */
export interface NoticeColumns {
  critical?: number;
  notice?: number;
  byCell: boolean;
}

// A cell may start a little left of its head.
const SLACK = 3;

/** A header's critical limit column between the result and the reference, and its call's columns after a result's cells. */
export function noticeColumns(text: string, offset: number, bars?: string[]): NoticeColumns | undefined {
  const cells = bars ? bars.map((cell, i) => ({ cell: cell.trim(), at: i })) : cellStarts(text, offset);
  const result = cells.findIndex((c) => RESULT_HEAD.test(c.cell));
  if (result < 1) return undefined;
  const c = cells.findIndex((x) => CRITICAL_HEAD.test(x.cell));
  const critical = c > result && cells.slice(c + 1).some((x) => REFERENCE_HEAD.test(x.cell)) ? cells[c]!.at : undefined;
  const n = cells.findIndex((x) => NOTICE_HEAD.test(x.cell));
  const notice = n > result ? cells[n]!.at : undefined;
  if (critical === undefined && notice === undefined) return undefined;
  return { critical, notice, byCell: bars !== undefined };
}

/** A row under such a header without its critical limit and its call's cells; the text as printed when it has none there. */
export function withoutNoticeColumns(text: string, offset: number, cols: NoticeColumns, bars?: string[]): string {
  if (cols.byCell !== (bars !== undefined)) return text;
  const cells = bars ? bars.map((cell, i) => ({ cell: cell.trim(), at: i })) : cellStarts(text, offset);
  const slack = cols.byCell ? 0 : SLACK;
  const kept = cells.filter((c, i) => {
    if (i < 2) return true;
    if (cols.notice !== undefined && c.at >= cols.notice - slack) return false;
    if (cols.critical !== undefined && (cols.byCell ? c.at === cols.critical : Math.abs(c.at - cols.critical) <= slack) && CRITICAL_CELL.test(c.cell))
      return false;
    return true;
  });
  if (kept.length === cells.length) return text;
  // What a cut cell prints after a ';' or a column gap is no part of the call (a result typed after the read-back,
  // "SIM ; Sódio 131,7", "SIM   Ureia 48,9 mg/dL", h1554): it is kept in its place, to be read or listed.
  const typedAfter = (cell: string) => TYPED_AFTER.exec(cell)?.[1];
  if (cols.byCell) return cells.flatMap((c) => (kept.includes(c) ? [c.cell] : (typedAfter(c.cell) ?? []))).join('   ');
  // Aligned with spaces: the cells cut are blanked to their length, so the cells after them keep their columns.
  let out = text;
  for (const c of cells) {
    if (kept.includes(c)) continue;
    const i = c.at - offset;
    const cut = c.cell.length - (typedAfter(c.cell)?.length ?? 0);
    out = out.slice(0, i) + ' '.repeat(cut) + out.slice(i + cut);
  }
  return out.trimEnd();
}
const TYPED_AFTER = /(?:\s;|\s{3})\s*(\S.*)$/u;
