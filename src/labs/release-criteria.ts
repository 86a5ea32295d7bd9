// A nurses' checklist for releasing a chemotherapy cycle (h1708) copies each result with the lab's reference, then
// prints the protocol's limit for giving the drugs and whether the value meets it ("Resultado | VR (laboratório) |
// Critério QT | Atende?" over "3.100 /mm³ | 4.000 a 11.000 | ≥ 3.000 | [X] SIM"). The value is judged by the lab's
// reference: a leukocyte count under its range is low even when the protocol lets the cycle go. Read with the
// reference, the protocol's limit makes "4.000 a 11.000 ≥ 3.000" a reference no value fits, and its "≤ 96 (3x LSN)"
// and the ticked verdict lose the row. So under a header whose protocol limit or verdict column follows its
// reference column, every cell from that column on is cut from each row, as a critical value's call is
// (notice-columns.ts): a table between bars by the cells' order, one aligned with spaces by where they start. A
// bar row's number ("01 | Leucócitos | …") is gone from its cells by then while the header keeps its "Nº": the
// columns are counted from the row's end then, the row one cell shorter than the header.
import { cellStarts } from './columns.ts';

/** Where a header's protocol columns start: by cell order (`byCell`, of `cells` header cells), else by offset. */
export interface ReleaseColumns {
  at: number;
  cells: number;
  byCell: boolean;
}

// A cell may start a little left of its head.
const SLACK = 3;

// The protocol's limit: a criterion, limit or parameter for the release, the cycle, the protocol or the drugs
// ("Critério QT", "Critério do protocolo", "Limite p/ liberação", "Parâmetro para infusão").
const CRITERION_HEAD =
  /^(?:crit[eé]rios?|limites?|par[aâ]metros?|requisitos?)\s*\(?\s*(?:(?:d[aoe]s?|p\/|para|de|da)\s+)?(?:a\s+)?(?:qt|quimio(?:terapia)?|protocolo(?:\s+institucional)?|libera[cç][aã]o(?:\s+(?:da\s+)?(?:qt|quimio(?:terapia)?))?|liberar(?:\s+(?:a\s+)?(?:qt|quimio(?:terapia)?))?|infus[aã]o|ciclo|tratamento)\s*\)?$/iu;
// Whether the value meets it ("Atende?", "Atende ao critério?", "Liberado?", "Apto?", "Conforme?").
// "Liberado" alone heads a LIS's release-time column (h377): only asked ("Liberado?") is it a verdict.
const VERDICT_HEAD = /^(?:(?:atende(?:\s+(?:ao\s+)?crit[eé]rio)?|apt[oa]|conforme|dentro\s+do\s+crit[eé]rio)\s*\??|liberad[oa]\s*\?)$/iu;
// What such a column's cell holds: a limit ("≥ 3.000", "≤ 96 (3x LSN)"), a word result the protocol asks for, nothing
// ("—", "n/a"), or the verdict, maybe ticked ("[X] SIM"). A cell holding more (a result typed after the verdict, the
// corpus property's "[X] SIM   Ureia 49,5 mg/dL") is no protocol's: the row is left as printed, read or listed.
const PROTOCOL_CELL =
  /^(?:[≥≤<>]=?\s*\d[\d.,]*(?:\s*[^\s\d()]+)?(?:\s*\([^()]*\))?|[-—–]|n\/?a|(?:\[\s*[xX✓]?\s*\]\s*)?(?:sim|n[aã]o|ok)|\p{L}+(?:\s\p{L}+)?)$/iu;
const RESULT_HEAD = /^(?:resultados?|valor(?:es)?(?:\s+obtidos?)?)$/iu;
// The lab's reference, maybe naming whose it is ("VR (laboratório)", "Referência do laboratório").
const REFERENCE_HEAD =
  /^(?:refer[eê]ncias?|ref\.?|v\.?\s?r\.?|valor(?:es)?\s+de\s+refer[eê]ncia|intervalo\s+de\s+refer[eê]ncia)(?:\s+do\s+laborat[oó]rio|\s*\(.*\))?$/iu;

/** The column a header's protocol limit (or verdict) starts at, after its result and its reference. */
export function releaseCriteriaColumns(text: string, offset: number, bars?: string[]): ReleaseColumns | undefined {
  const cells = bars ? bars.map((cell, i) => ({ cell: cell.trim(), at: i })) : cellStarts(text, offset);
  const result = cells.findIndex((c) => RESULT_HEAD.test(c.cell));
  if (result < 1) return undefined;
  const reference = cells.findIndex((c, i) => i > result && REFERENCE_HEAD.test(c.cell));
  if (reference < 0) return undefined;
  const first = cells.findIndex((c, i) => i > reference && (CRITERION_HEAD.test(c.cell) || VERDICT_HEAD.test(c.cell)));
  return first < 0 ? undefined : { at: cells[first]!.at, cells: cells.length, byCell: bars !== undefined };
}

/** A row under such a header without its protocol columns; the text as printed when it has none there or does not fit. */
export function withoutReleaseCriteria(text: string, offset: number, cols: ReleaseColumns, bars?: string[]): string {
  if (cols.byCell !== (bars !== undefined)) return text;
  if (bars) {
    const shift = cols.cells - bars.length;
    // The row as wide as its header, or one cell narrower with its number gone; a wrapped cell's line is neither.
    if (shift < 0 || shift > 1 || cols.at - shift < 2) return text;
    if (!bars.slice(cols.at - shift).every((c) => c.trim() === '' || PROTOCOL_CELL.test(c.trim()))) return text;
    return bars.slice(0, cols.at - shift).join('   ');
  }
  const cells = cellStarts(text, offset);
  const kept = cells.filter((c, i) => i < 2 || c.at < cols.at - SLACK);
  if (kept.length === cells.length || !cells.slice(kept.length).every((c) => PROTOCOL_CELL.test(c.cell.trim()))) return text;
  // Aligned with spaces: the text up to the first cut cell.
  return text.slice(0, cells[kept.length]!.at - offset).trimEnd();
}
