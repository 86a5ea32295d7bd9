// A log of critical values phoned to the ward prints, after each result and its reference, who was told,
// when and whether the value was read back ("Resultado | Limite crítico | Ref. | Comunicado a | Hora |
// Read-back"). Those cells record the call, not the sample: a clock time there ("02:51") would be taken
// for a value, and a row without a unit ("pH   7,12   7,35 a 7,45   Enf. … 02:51   SIM") would be lost.
// Under such a header every cell from the first of the call's columns on is cut from the row.
import { cellStarts } from './columns.ts';

// The call's first column: who was told ("Comunicado a", "Informado para", "Recebido por", "Notificado a").
const NOTICE_HEAD =
  /^(?:(?:comunicad[oa]|informad[oa]|notificad[oa]|avisad[oa]|repassad[oa])\s+(?:a|ao|à|para|com)|recebido\s+por|recebedor|receptor|contato|pessoa\s+comunicada)$/iu;

// A cell may start a little left of its head.
const SLACK = 3;

/** Where a header's call columns start, if they come after a result's cells; undefined for any other line. */
export function noticeColumnAt(text: string, offset: number): number | undefined {
  const starts = cellStarts(text, offset);
  const i = starts.findIndex((c) => NOTICE_HEAD.test(c.cell));
  return i >= 3 && /resultado|valor/iu.test(starts.slice(0, i).map((c) => c.cell).join(' ')) ? starts[i]!.at : undefined;
}

/** A row under such a header without the call's cells; the text as printed when it has none there. */
export function withoutNoticeColumns(text: string, offset: number, at: number): string {
  const starts = cellStarts(text, offset);
  const first = starts.findIndex((c, i) => i >= 2 && c.at >= at - SLACK);
  return first < 0 ? text : text.slice(0, starts[first]!.at - offset).trimEnd();
}
