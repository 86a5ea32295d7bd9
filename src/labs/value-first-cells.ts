// PDF text extracted without layout can put each cell of a table row on a line of its own, and in the
// order the PDF drew them rather than the printed columns':
//
//   5,12                       ← value
//   milhões/mm³                ← unit
//   Hemácias                   ← name
//   4,50 a 5,90 milhões/mm³    ← reference
//
// Read as printed, each value goes to the name above it (the previous row's), since a name over its
// value is the common one-cell-per-line layout. Before anything is read, each such row is put back
// together on its value's line ("Hemácias   5,12 milhões/mm³   4,50 a 5,90 milhões/mm³"), the other
// cells' lines left empty for the reader; the accounting pass still sees every line as printed, and a
// result lost from the row leaves its value's line listed. A differential prints two values per name
// (relative and absolute), under unit heads of their own ("%" / "/mm³"), with a reference line each:
// each value makes a row of its own on its line.
//
// The order is only taken when the report shows it at least twice in full (value, unit, a name the
// parser knows, reference), so a report whose names stand over their values is never turned around.
import { NUMBER } from './numbers.ts';
import { isAdminLine } from './lines.ts';
import { bareNumbers, cleanName, letters } from './piece.ts';
import { isReferenceLabel, isReferenceText, stripReferenceLead } from './reference.ts';
import { RESULT_LEAD } from './line-kinds.ts';
import { lookupName } from './analytes.ts';
import { unitAtStart } from './units.ts';

const VALUE = new RegExp(String.raw`^(?:[<>≤≥]\s*)?(?:${NUMBER})$`);
const SEP = '   ';

type Kind = 'value' | 'unit' | 'name' | 'reference' | 'other';

/** A value or a unit alone on the line: cheap, tried first. */
function cellKind(t: string): Kind | undefined {
  if (t === '') return 'other';
  if (VALUE.test(t)) return 'value';
  if (unitAtStart(t)?.consumed === t.length) return 'unit';
  return undefined;
}

function kindOf(raw: string): Kind {
  const t = raw.trim();
  const cell = cellKind(t);
  if (cell) return cell;
  if (/\d/.test(t) && isReferenceText(t)) return 'reference';
  // A heading over the references or the result ("Valores de referência", "Resultado") is no name.
  const heading = stripReferenceLead(t).lead || RESULT_LEAD.test(t) || isReferenceLabel(t);
  if (letters(t) >= 2 && bareNumbers(t) === 0 && !/:\s*$/.test(t) && !heading && !isAdminLine(t)) return 'name';
  return 'other';
}

/** Per line, the text to read: a value-first row joined on its value's line, '' for its other cells. */
export function valueFirstRows(reads: readonly string[]): string[] {
  // Lines are classified as the rows ask (a reference is costly to recognise), values and units first.
  const cells = reads.map((r) => cellKind(r.trim()));
  const kinds: Kind[] = [];
  const at = (i: number): Kind => (i < 0 || i >= reads.length ? 'other' : (kinds[i] ??= cells[i] ?? kindOf(reads[i]!)));
  const is = (i: number, k: 'value' | 'unit') => cells[i] === k;
  if (cells.filter((c, i) => c === 'value' && is(i + 1, 'unit')).length < 2) return [...reads];
  let full = 0;
  for (let i = 0; i + 3 < reads.length; i++) {
    const known = () => lookupName(cleanName(reads[i + 2]!.trim())) !== undefined;
    if (is(i, 'value') && is(i + 1, 'unit') && at(i + 2) === 'name' && at(i + 3) === 'reference' && known()) full++;
  }
  if (full < 2) return [...reads];
  const out = [...reads];
  // The unit heads over a run of multi-value rows ("%" then "/mm³").
  let heads: string[] = [];
  for (let i = 0; i < reads.length; ) {
    if (is(i, 'unit')) {
      let j = i;
      while (is(j, 'unit')) j++;
      if (j - i >= 2) heads = reads.slice(i, j).map((s) => s.trim());
      i = j;
      continue;
    }
    if (!is(i, 'value')) {
      i++;
      continue;
    }
    let n = i;
    while (is(n, 'value')) n++;
    const values = n - i;
    const unit = values === 1 && is(n, 'unit') ? reads[n]!.trim() : undefined;
    const nameAt = unit === undefined ? n : n + 1;
    if (at(nameAt) !== 'name') {
      i = n;
      continue;
    }
    let refs = 0;
    while (refs < values && at(nameAt + 1 + refs) === 'reference') refs++;
    // One value needs its unit or its reference beside the name; several need a unit head and a
    // reference each, or the values cannot be told apart.
    const units = values === 1 ? [unit] : heads.length === values && refs === values ? heads : undefined;
    if (!units || (values === 1 && unit === undefined && refs === 0)) {
      i = n;
      continue;
    }
    const name = reads[nameAt]!.trim();
    for (let k = 0; k < values; k++) {
      const ref = k < refs ? reads[nameAt + 1 + k]!.trim() : '';
      out[i + k] = [name, units[k] ? `${reads[i + k]!.trim()} ${units[k]}` : reads[i + k]!.trim(), ref].filter(Boolean).join(SEP);
    }
    for (let j = i + values; j <= nameAt + refs; j++) out[j] = '';
    i = nameAt + refs + 1;
  }
  return out;
}
