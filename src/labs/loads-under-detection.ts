// A molecular test's detection word with the quantity on a line under it: "Hepatite C, Carga Viral   RT-PCR   Detectável
// Não Detectável" / "  Carga viral: 1.240.000 UI/mL   (log10: 6,09)" (h1765). The quantity's own line prints no
// reference; the word's line does, and it is the quantity's too: any amount is above "Não detectável". The word stays
// a row of its own, as printed (its line is accounted by it).
import { NOT_DETECTED } from './flagging.ts';
import type { ParsedAnalyte, QualitativeAnalyte } from './result.ts';

const DETECTED = /^detect[aá](?:vel|d[oa])$/iu;
// Copies or international units per millilitre: what a viral load is counted in.
const LOAD_UNIT = /^(?:ui|c[oó]pias|cp)\/ml$/iu;

/** Gives the load printed under a detection word, with no reference of its own, that word's reference. */
export function flagLoadsUnderDetection(analytes: ParsedAnalyte[], qualitative: QualitativeAnalyte[]): void {
  for (const q of qualitative) {
    if (!DETECTED.test(q.value.trim()) || !NOT_DETECTED.test(q.reference_text?.trim() ?? '')) continue;
    // The first result read under the word, within three lines: another row between them is another test's.
    const next = [...analytes, ...qualitative].filter((a) => a.line > q.line).sort((a, b) => a.line - b.line)[0];
    const load = next && 'unit' in next ? next : undefined;
    if (load && load.line <= q.line + 3 && load.unit !== null && LOAD_UNIT.test(load.unit) && load.reference_source === null && load.value > 0)
      Object.assign(load, { reference_text: q.reference_text, reference_source: 'report', flag: 'alto' });
  }
}
