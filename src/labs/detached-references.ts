// A photo of a report copied by a phone's text reader (Google Lens) when the picture was taken at an angle:
// the reader takes the columns one after the other, so a block's results come out as "Name value unit" lines
// with no reference, and the references follow them as a block of their own under the column's title,
// in the same order:
//
//   Glicose 108 mg/dL
//   Ureia 36 mg/dL
//   Creatinina 1,31 mg/dL
//   VALORES DE
//   REFERÊNCIA
//   70 a 99 mg/dL
//   17 a 49 mg/dL
//   0,70 a 1,20 mg/dL
//
// Read as printed, the results take no reference and the titled block is read as a result of its own. So the
// i-th reference is put after the i-th result, on the result's line, and the title and reference lines are
// left empty — only when the two runs are equally long and every unit printed on both sides agrees, which
// is what says they are the two halves of the same rows.

import { lookupName } from './analytes.ts';
import { isReferenceText } from './reference.ts';
import { normalizeUnit, unitAtStart } from './units.ts';

// The references column's title, over one line or broken over two ("VALORES DE" / "REFERÊNCIA").
const TITLE = /^\s*(?:valores?\s+de\s+)?refer[eê]ncias?\s*:?\s*$/iu;
const TITLE_HEAD = /^\s*valores?\s+de\s*$/iu;
// A result alone: a name, a value, maybe its unit, nothing after.
const RESULT = /^\s*(\p{L}[^\d:]*?(?:\([^()]*\))?)\s*:?\s+[<>]?\s?(\d[\d.,]*)\s*(.*?)\s*$/u;

/** The unit of a result line with nothing after its value but the unit; undefined when it is no such line. */
function resultUnit(line: string): { unit: string | null; known: boolean } | undefined {
  const m = RESULT.exec(line);
  if (!m) return undefined;
  const known = lookupName(m[1]!.trim()) !== undefined;
  const rest = m[3]!;
  if (rest === '') return { unit: null, known };
  const u = unitAtStart(rest);
  return u && u.consumed >= rest.trimEnd().length ? { unit: rest.trim(), known } : undefined;
}

/** The unit a reference prints at its end ("70 a 99 mg/dL"), cut at the picture's edge maybe ("até 4,0 ng/m"). */
function referenceUnit(line: string): string | null {
  const m = /\d\s*([\p{L}µ%][\p{L}µ%/³\d]*)\s*$/u.exec(line);
  return m ? m[1]! : null;
}

/** Whether a reference's unit, maybe cut short, is the result's. */
function unitsAgree(result: string | null, reference: string | null): boolean {
  if (result === null || reference === null) return true;
  const a = (normalizeUnit(result) ?? result).toLowerCase();
  const b = (normalizeUnit(reference) ?? reference).toLowerCase();
  return a === b || (b.length >= 2 && a.startsWith(b));
}

/** The lines with each detached reference put after its result; the lines as they are when there is no such block. */
export function detachedReferencesJoined(lines: string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const two = TITLE_HEAD.test(lines[i]!) && i + 1 < lines.length && TITLE.test(lines[i + 1]!) && !/valores?/iu.test(lines[i + 1]!);
    if (!two && !TITLE.test(lines[i]!)) continue;
    const titleEnd = two ? i + 1 : i;
    // The results right above the title, and the references right under it.
    const results: Array<{ at: number; unit: string | null; known: boolean }> = [];
    for (let k = i - 1; k >= 0; k--) {
      const r = resultUnit(lines[k]!);
      if (!r) break;
      results.unshift({ at: k, ...r });
    }
    const refs: number[] = [];
    for (let k = titleEnd + 1; k < lines.length && refs.length < results.length + 1; k++) {
      const t = lines[k]!.trim();
      if (t === '' || !/\d/.test(t) || !isReferenceText(t) || TITLE.test(t) || resultUnit(t)?.known) break;
      refs.push(k);
    }
    // Most names are ones the catalogue knows: a run of results, not of other numbered lines.
    if (results.length < 3 || refs.length !== results.length || results.filter((r) => r.known).length * 2 < results.length) continue;
    if (!results.every((r, n) => unitsAgree(r.unit, referenceUnit(lines[refs[n]!]!)))) continue;
    out ??= [...lines];
    results.forEach((r, n) => {
      // A unit cut at the picture's edge ("até 4,0 ng/m") is the result's, printed whole.
      const ref = lines[refs[n]!]!.trim();
      const cut = referenceUnit(ref);
      const whole = r.unit !== null && cut !== null && cut !== r.unit && r.unit.startsWith(cut) ? `${ref.slice(0, -cut.length)}${r.unit}` : ref;
      out![r.at] = `${lines[r.at]!.trimEnd()}   ${whole}`;
      out![refs[n]!] = '';
    });
    for (let k = i; k <= titleEnd; k++) out[k] = '';
    i = refs.at(-1)!;
  }
  return out ?? lines;
}
