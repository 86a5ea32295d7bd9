// A block's results printed one a line under "Resultado:", then one reference line that lists a reference for
// each, led by the result's name (a molecular test with two targets, a GAL report):
//
//   Resultado:
//      Mycobacterium tuberculosis complexo: DETECTADO
//      Resistência à Rifampicina: NÃO DETECTADA
//   Valor de Referência: M. tuberculosis: Não detectado | Resistência à rifampicina: Não detectada
//
// Read as printed, the reference line is one reference for no row, and each result has none. Each item of the
// list ("M. tuberculosis: Não detectado") is the reference of the result above whose name its label gives,
// whole or shortened (an initial with a full stop for a word): it is moved to that result's line as its
// reference cell ("   VR: Não detectado"), and the list's line left empty. Only when every item names one
// result of the block, each a different one, with no reference of its own.

import { foldSameLength } from './analytes.ts';

const LIST_LINE = /^\s*(?:valor(?:es)?\s+de\s+refer[eê]ncia|refer[eê]ncias?|v\.?\s?r\.?)\s*:\s*(.+)$/iu;
const ITEM = /^(\p{L}[^:]*?)\s*:\s*(\S.*)$/u;
/** A result row of the block: its name, a colon, a value in words or numbers, nothing in a column after it. */
const ROW = /^\s*(\p{L}[^:]*?)\s*:\s*(\S(?:\S| (?=\S))*)\s*$/u;

const words = (s: string) =>
  foldSameLength(s)
    .replace(/[^a-z0-9. ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && w !== '.');

/** Whether a list item's label names a result: its words those of the name in order, a word ending in "." its start. */
function labelNames(label: string, name: string): boolean {
  const l = words(label);
  const n = words(name).map((w) => w.replace(/\.$/, ''));
  if (l.length === 0) return false;
  let i = 0;
  for (const w of l) {
    const short = w.endsWith('.') ? w.slice(0, -1) : undefined;
    while (i < n.length && !(short !== undefined ? n[i]!.startsWith(short) : n[i] === w)) i++;
    if (i >= n.length) return false;
    i++;
  }
  // The label's first word is the name's first: a word further on names no result.
  return short0(l[0]!, n[0]!);
}

const short0 = (l: string, n: string) => (l.endsWith('.') ? n.startsWith(l.slice(0, -1)) : n === l);

/** The lines with each listed reference moved to the line of the result it names; any other text as it is. */
export function moveListedReferences(reads: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < reads.length; i++) {
    const list = LIST_LINE.exec(reads[i]!);
    if (!list) continue;
    const items = list[1]!.split(/\s+\|\s+/u).map((p) => ITEM.exec(p.trim()));
    if (items.length < 2 || items.some((m) => m === null)) continue;
    // The block's rows right above, up to a blank line or its "Resultado:" label.
    const rows: Array<{ at: number; name: string }> = [];
    for (let r = i - 1; r >= 0 && i - r <= 8; r--) {
      const line = reads[r]!;
      if (line.trim() === '' || /^\s*resultados?\s*:\s*$/iu.test(line)) break;
      const m = ROW.exec(line);
      if (!m || /\s{3,}/.test(line.trim())) break;
      rows.push({ at: r, name: m[1]! });
    }
    const targets = items.map((m) => rows.filter((row) => labelNames(m![1]!, row.name)));
    if (targets.some((t) => t.length !== 1) || new Set(targets.map((t) => t[0]!.at)).size !== targets.length) continue;
    out ??= [...reads];
    items.forEach((m, k) => {
      const at = targets[k]![0]!.at;
      out![at] = `${out![at]!.trimEnd()}   VR: ${m![2]!.trim()}`;
    });
    out[i] = '';
  }
  return out ?? [...reads];
}
