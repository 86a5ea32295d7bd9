// A block whose references are printed under its title, before its results, each range named by the
// quantity it is for (a coagulation report's time, activity, INR and ratio), the patient's and the
// control's times as rows under them:
//
//   TEMPO DE PROTROMBINA (TP)
//   Material: plasma citratado 3,2%     Método: coagulométrico
//   Valores de referência:
//      Tempo .........: 10,0 a 13,5 segundos
//      Atividade .....: 70 a 120 %
//      RNI ...........: 0,90 a 1,20 (sem anticoagulante oral)
//                       2,00 a 3,00 (em uso de varfarina)
//
//      Tempo do paciente ...............: 15,1 segundos
//      Tempo do controle ...............: 12,2 segundos
//      Atividade de protrombina ........: 64 %
//      RNI (INR) .......................: 1,24
//
// Or on one line, its ranges split by bars ("VR: Tempo: 25,0 a 35,0 segundos | Relação paciente/controle:
// até 1,25"), or one range unnamed ("VR: 14,0 a 21,0 segundos"). Read line by line, each result would be
// read with no range; each range is moved to the row its name opens ("Tempo" to "Tempo do paciente",
// "Atividade" to "Atividade de protrombina"), read there as the row's reference cell. An unnamed range
// goes to the block's one patient row. The control's row takes none: it is the lab's check, no result.
// The further lines of a named range are the same quantity's ranges in other settings (a therapy's): the
// first is the one for a patient the report says nothing more of.
import { foldSameLength, lookupName } from './analytes.ts';
import { isBlockDetail, REAGENT_LINE } from './lines.ts';
import { CONTROL_ROW, cleanName } from './piece.ts';
import { isReferenceText, stripReferenceLead } from './reference.ts';

// A block title in capitals, a bracket after it in any case ("TEMPO DE TROMBINA", "TTPa (TEMPO DE …)").
const TITLE = /^\s*\p{Lu}[\p{Lu}\s/-]*\p{Lu}(?:\s*\([^()\d]*\))?\s*$/u;
// A result's row: its name, a dot leader or a colon, the value and its unit's words (no range after it).
const ROW = /^\s*(\p{L}[^:\d|]*?)\s*(?:\.{2,}\s*)?:\s*[<>]?\s*\d[\d.,]*(?:\s*[^\s\d:|]+){0,2}\s*$/u;
// A named range: the quantity's name, a leader or a colon, the range.
const NAMED = /^\s*(\p{L}[\p{L}\s/.()-]*?)\s*(?:\.{2,}\s*)?:\s*(\S.*)$/u;
const LEAD_ALONE = /^\s*(?:valor(?:es)?\s+de\s+refer[eê]ncia|v\.?\s?r\.?|refer[eê]ncias?)\s*:?\s*$/iu;

const fold = (s: string) => foldSameLength(s).replace(/\s+/g, ' ').trim();

interface Range {
  label: string | undefined;
  text: string;
  lines: number[];
}

/** Returns, per line, the text to read: each range printed under a block's title moved to its result's row. */
export function moveTitledReferences(reads: readonly string[]): string[] {
  if (!reads.some((r) => /\.{2,}\s*:|:\s*\d/.test(r))) return [...reads];
  const out = [...reads];
  for (let i = 0; i < out.length; i++) {
    if (!TITLE.test(out[i]!) || !/\p{L}{3}/u.test(out[i]!)) continue;
    const block = blockAfter(out, i);
    if (block) {
      for (const r of block.ranges) for (const k of r.lines) out[k] = '';
      for (const [row, r] of block.moves) out[row] = `${out[row]!.trimEnd()}   ${r.text}`;
      i = block.end;
    }
  }
  rangeListsApart(out);
  return out;
}

// A lead alone, perhaps with whom its ranges are for in brackets ("Referências (adultos, sem jejum):").
const LIST_LEAD = /^\s*(?:valor(?:es)?\s+de\s+refer[eê]ncias?|v\.?\s?r\.?|refer[eê]ncias?)(?:\s*\([^()]*\))?\s*:?\s*$/iu;

/**
 * Ranges listed under a lead alone, each named by the analyte it is for, with no result under them, the block ending
 * with the list: a pharmacy's declaration prints the lipid ranges so, the results being on the device's receipt
 * pasted further down (h1740). Each is a range, never a result, though a bound alone ("Colesterol total: inferior a
 * 190 mg/dL") reads as one: the list's lines are blanked; the accounting still sees them as printed.
 */
function rangeListsApart(out: string[]): void {
  for (let i = 0; i < out.length; i++) {
    // Right under a result, the list is that result's reference (each analyte's range after a table's rows); an
    // item's number ("3) Perfil lipídico") is no result.
    const above = out.slice(0, i).findLast((l) => l.trim() !== '');
    if (!LIST_LEAD.test(out[i]!) || (above !== undefined && /\d/.test(above.replace(/^\s*\d{1,2}[).]\s/u, '')))) continue;
    let k = i + 1;
    // Each range named by an analyte the catalogue knows: a list of groups ("Fase folicular:", "Normal:") under a lead
    // alone is its result's reference, printed under it.
    const listed = (l: string) => {
      const m = NAMED.exec(l);
      // The range the whole rest of the line: a cell after a column gap is another's (the corpus property on h1740).
      const range = m?.[2]?.trim() ?? '';
      return m !== null && /^\s/.test(l) && lookupName(cleanName(m[1]!)) !== undefined && !/\S\s{2,}\S/.test(range) && isReferenceText(range);
    };
    while (k < out.length && listed(out[k]!)) k++;
    if (k - i - 1 < 2 || (out[k] ?? '').trim() !== '') continue;
    for (let j = i + 1; j < k; j++) out[j] = '';
    i = k;
  }
}

function blockAfter(out: readonly string[], titleAt: number): { ranges: Range[]; moves: Array<[number, Range]>; end: number } | undefined {
  const ranges: Range[] = [];
  const rows: Array<{ at: number; name: string; control: boolean }> = [];
  let listed = false;
  let k = titleAt + 1;
  for (; k < out.length && k - titleAt < 20; k++) {
    const t = out[k]!;
    if (t.trim() === '') {
      listed = false;
      if (rows.length > 0 && out[k + 1]?.trim() === '') break;
      continue;
    }
    if (TITLE.test(t)) break;
    const row = ROW.exec(t);
    if (row && rows.length === 0 && listed && ranges.length > 0 && isReferenceText(t.slice(t.indexOf(':') + 1).trim())) {
      // Under a lead alone, a named range looks like a row: ranges come before any row.
      const m = NAMED.exec(t)!;
      ranges.push({ label: cleanName(m[1]!), text: m[2]!.trim(), lines: [k] });
      continue;
    }
    if (row) {
      const name = cleanName(row[1]!);
      rows.push({ at: k, name, control: CONTROL_ROW.test(name) });
      continue;
    }
    if (rows.length > 0) break;
    if (LEAD_ALONE.test(t)) {
      listed = true;
      ranges.push({ label: undefined, text: '', lines: [k] });
      continue;
    }
    const led = stripReferenceLead(t.trim());
    if (listed) {
      // A named range under the lead alone, or a further line of the range above it (the same quantity's range
      // in another setting), indented under its range.
      const named = NAMED.exec(t);
      const last = ranges[ranges.length - 1]!;
      if (named && isReferenceText(named[2]!) && !/\s{3,}/.test(named[2]!.trim()))
        ranges.push({ label: cleanName(named[1]!), text: named[2]!.trim(), lines: [k] });
      else if (last.label !== undefined && /^\s{4,}[<>≤≥]?\s*\d/.test(t) && isReferenceText(t.trim())) last.lines.push(k);
      else return undefined;
      continue;
    }
    if (led.lead && led.rest !== '') {
      const pieces = led.rest.split(/\s+\|\s+/);
      const parsed = pieces.map((p) => {
        const named = NAMED.exec(p);
        return named && isReferenceText(named[2]!) && !isReferenceText(p.trim(), { strictLabels: true })
          ? { label: cleanName(named[1]!), text: named[2]!.trim() }
          : { label: undefined, text: p.trim() };
      });
      // A range is one cell: another cell after a column gap ("VR: 200 a 400 mg/dL   Reagente") or a piece after
      // ';' is no part of it, and the block is left to the line-by-line reading, which reads or lists it.
      if (!parsed.every((p) => isReferenceText(p.text) && !/\s{3,}|;/.test(p.text))) return undefined;
      parsed.forEach((p, n) => ranges.push({ ...p, lines: n === 0 ? [k] : [] }));
      continue;
    }
    // Only the block's details (its material, method, reagent) come between its title and its ranges.
    if (ranges.length > 0 || !(isBlockDetail(t) || REAGENT_LINE.test(t))) return undefined;
  }
  const patientRows = rows.filter((r) => !r.control);
  const used = ranges.filter((r) => r.text !== '' || r.label !== undefined);
  if (patientRows.length === 0 || used.length === 0 || rows[0]!.at < (ranges[ranges.length - 1]?.lines.at(-1) ?? 0)) return undefined;
  const unnamed = used.filter((r) => r.label === undefined);
  const moves: Array<[number, Range]> = [];
  const taken = new Set<number>();
  for (const r of used.filter((x) => x.label !== undefined)) {
    const label = fold(r.label!);
    const row = patientRows.find((p) => !taken.has(p.at) && (fold(p.name) === label || fold(p.name).startsWith(`${label} `)));
    if (!row) return undefined;
    taken.add(row.at);
    moves.push([row.at, r]);
  }
  if (unnamed.length > 1) return undefined;
  if (unnamed.length === 1) {
    const left = patientRows.filter((p) => !taken.has(p.at));
    if (left.length !== 1) return undefined;
    moves.push([left[0]!.at, unnamed[0]!]);
  }
  // The lead alone moves nowhere: its line is blanked with the ranges under it.
  return { ranges, moves, end: rows[rows.length - 1]!.at };
}
