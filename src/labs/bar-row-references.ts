// A row of results typed on one line between bars, their references on the line under it in brackets, each
// range led by the name of the result it is for (a nursing handover's blood gas, typed from the printout):
//
//   pH 7,31 ↓ | pCO2 38 mmHg | HCO3 18,9 mmol/L ↓ | BE -6,8 ↓
//   (VR: pH 7,35–7,45 / pCO2 35–45 / HCO3 22–26 / BE -2 a +2)
//
// Read line by line, the results take no range and the reference line is a line of its own that names no
// result. So each named range is moved into the cell of the result its name opens, in brackets after it
// ("pH 7,31 ↓ (7,35–7,45)"), where a cell's reference is read, and the reference line is left empty. Only
// when every range names a cell of the row, each a different one: else the line is left as printed.
import { foldSameLength } from './analytes.ts';
import { isReferenceText } from './reference.ts';

// The bracketed line of references, its lead first ("(VR: …)", "(Ref.: …)", "(Valores de referência: …)").
const BRACKETED_REFERENCES = /^\s*\(\s*(?:v\.?\s?r\.?|ref(?:er[eê]ncias?)?\.?|valor(?:es)?\s+de\s+refer[eê]ncia)\s*:\s*([^()]+)\)\s*$/iu;
// One named range: the result's name (a word or two, digits allowed: "pCO2", "SatO2"), then its range.
const NAMED_RANGE = /^(\p{L}[\p{L}\d+-]*(?:\s\p{L}[\p{L}\d+-]*)?)\s+([-−+<>≤≥]?\s*\d.*)$/u;

const fold = (s: string) => foldSameLength(s).toLowerCase().replace(/\s+/g, ' ').trim();

/** Returns, per line, the text to read: each range under a row between bars moved into the cell it names. */
export function moveBarRowReferences(reads: readonly string[]): string[] {
  const out = [...reads];
  for (let i = 0; i + 1 < out.length; i++) {
    const row = out[i]!;
    // A markdown table's row opens or closes with a bar: its cells are columns, not results side by side.
    if (!row.includes('|') || /^\s*\||\|\s*$/.test(row)) continue;
    const under = BRACKETED_REFERENCES.exec(out[i + 1]!);
    if (!under) continue;
    const cellTexts = row.split('|').map((c) => c.trim());
    if (cellTexts.length < 2 || cellTexts.some((c) => c === '')) continue;
    const items = under[1]!.split(/\s+\/\s+|\s*;\s*/).map((s) => s.trim());
    const ranges = items.map((s) => NAMED_RANGE.exec(s));
    if (ranges.length < 2 || ranges.some((r) => !r || !isReferenceText(r[2]!))) continue;
    const at = ranges.map((r) => cellTexts.findIndex((c) => fold(c).startsWith(`${fold(r![1]!)} `)));
    if (at.some((k) => k < 0) || new Set(at).size !== at.length) continue;
    const cells = [...cellTexts];
    ranges.forEach((r, n) => (cells[at[n]!] = `${cells[at[n]!]} (${r![2]!.trim()})`));
    out[i] = `${row.match(/^\s*/)![0]}${cells.join(' | ')}`;
    out[i + 1] = '';
    i++;
  }
  return out;
}
