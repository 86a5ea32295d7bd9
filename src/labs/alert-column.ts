// Therapeutic drug monitoring prints, after the therapeutic range, a column of the level at which the
// lab raises an alert or the drug is toxic ("FAIXA TERAPÊUTICA   ALERTA/TÓXICO" over "0,60 - 1,20   >
// 1,50"). The range to compare with is the therapeutic one; the alert threshold read with it would make
// "350 - 600   > 1000" one reference that no value fits. The column is cut from each row under such a
// header; a patient's dose (“900 mg/dia”), printed above such tables, is no result either.
// Occupational exposure reports (PCMSO, NR-7) print the same way the legal biological limit after the
// range of the unexposed ("VR (não expostos)   IBMP (NR-7)" over "até 40   60"), often a bare number:
// the range is the unexposed one, the legal limit a column of its own.
import { cellStarts } from './columns.ts';
import { foldSameLength } from './analytes.ts';

const ALERT_HEAD =
  /^(?:alerta|t[oó]xico|toxicidade|n[ií]vel\s+t[oó]xico|faixa\s+t[oó]xica|limite\s+de\s+alerta)(?:\s*\/\s*(?:alerta|t[oó]xico|toxicidade))?$/iu;
// The legal limit's head: IBMP / IBE (NR-7's biological indices), LBT, a "limite biológico" or "de
// tolerância", the NR named in brackets at times ("IBMP (NR-7)").
const LEGAL_LIMIT_HEAD = /^(?:ibmp|ibe|lbt|limite\s+(?:biol[oó]gico|de\s+toler[aâ]ncia|legal)(?:\s+m[aá]ximo\s+permitido)?)(?:\s*\((?:nr-?\s?\d+|legal)\))?$/iu;

/** Where a header's alert / toxic column starts, if it has one after other cells. */
export function alertColumnAt(text: string, offset: number): number | undefined {
  const starts = cellStarts(text, offset);
  const i = starts.findIndex((c) => [ALERT_HEAD, LEGAL_LIMIT_HEAD].some((head) => head.test(c.cell) || head.test(foldSameLength(c.cell))));
  return i >= 2 ? starts[i]!.at : undefined;
}

// A threshold may be printed a little left of its header.
const SLACK = 3;

// What such a column holds: a threshold ("> 1,50", ">= 20 µg/mL", a legal limit's bare "60") or an empty
// cell's dashes.
const THRESHOLD = /^(?:(?:(?:[<>≤≥]=?|acima\s+de|superior\s+a)\s*)?\d[\d.,]*(?:\s*[^\s\d]+)?|[-–—]+)$/iu;

// A range cell: two bounds ("8 a 40", "0,5 - 1,2") or one led by its comparator ("até 40", "< 2,0").
const PRINTED_RANGE =
  /^(?:(?:at[eé]|inferior\s+a|superior\s+a|menor\s+que|maior\s+que|[<>≤≥]=?)\s*\d[\d.,]*|\d[\d.,]*\s*(?:a|à|-|–)\s*\d[\d.,]*)(?:\s*[^\s\d]+)?$/iu;

/** A row under such a header without the alert column's threshold; any other cell there stays, to be read or listed. */
export function withoutAlertColumn(text: string, offset: number, at: number): string {
  const starts = cellStarts(text, offset);
  // A bare limit ("60") is cut only after a printed range: with none ("—"), it is the only limit there is,
  // read as the reference.
  // A range, not any cell with a digit: a page's address line under such a header ("… CEP 73801-000 - (61)
  // 3631-2050   49,1") holds digits, and the number after it is to be read or listed (a corpus property).
  const cut = (c: { cell: string }, i: number) =>
    THRESHOLD.test(c.cell) && (!/^\d/.test(c.cell) || (i >= 1 && PRINTED_RANGE.test(starts[i - 1]!.cell.trim()) && starts[i - 1]!.at < at - SLACK));
  const kept = starts.filter((c, i) => i === 0 || c.at < at - SLACK || !cut(c, i));
  return kept.length === starts.length ? text : kept.map((c) => c.cell).join('   ');
}

const DOSE = /\d[\d.,]*\s*(?:mg|g|mcg|µg|ui)\s*\/\s*(?:kg\s*\/\s*)?dia\b/giu;

/** A line of the patient's doses ("Carbonato de lítio 900 mg/dia | Divalproato 1000 mg/dia"): every number a dose a day. */
export function isDoseLine(t: string): boolean {
  const doses = t.match(DOSE) ?? [];
  return doses.length > 0 && (t.replace(DOSE, ' ').match(/\d/g) ?? []).length === 0;
}
