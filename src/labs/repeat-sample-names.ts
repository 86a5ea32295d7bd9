// A relative typing results into a chat names a sample drawn again by its order and a word of the result's name
// typed earlier ("Troponina I ultrassensível: 48,2 ng/L …", then hours later "saiu a segunda troponina (coleta
// 22:58): 96,5 ng/L", h1710). Read as typed, the message's words name the result ("saiu a segunda troponina"),
// which names no analyte and tells nothing of the first sample. The result is the earlier one's analyte in its
// second sample: named as the earlier result, the sample's order after it ("Troponina I ultrassensível (2ª
// amostra)"). Only for a name the catalogue does not know whose ordinal stands before a word that opens the name
// of a result read on an earlier line (or names its analyte): any other name is left as read.
import { foldSameLength, lookupName } from './analytes.ts';
import type { LabParseResult, NamedResult as Named } from './result.ts';

// The sample's order, in words or as a digit with its ordinal mark, then the word the typist names the result by
// ("segunda troponina", "2ª troponina", "o segundo potássio"); not the sample itself ("(2ª amostra)", a name given here).
const ORDINAL_THEN_WORD = /(?<![\p{L}\d])(?:(segund|terceir|quart|quint)[oa]|([2-9])\s*[ªº°])\s+(?!amostra(?![\p{L}]))(\p{L}[\p{L}-]{2,})/iu;
const ORDER: Record<string, number> = { segund: 2, terceir: 3, quart: 4, quint: 5 };

const firstWord = (name: string) =>
  foldSameLength(name)
    .trim()
    .split(/[^a-z0-9-]+/)[0] ?? '';

/** The name (and key) a repeat sample's result takes from the earlier result its typist names, or undefined. */
function repeatName(a: Named, earlier: Named[]): { name: string; key: string | null } | undefined {
  if (a.key !== null) return undefined;
  const m = ORDINAL_THEN_WORD.exec(a.name);
  if (!m) return undefined;
  const order = m[1] ? ORDER[m[1].toLowerCase()]! : Number(m[2]);
  const word = foldSameLength(m[3]!);
  const known = lookupName(m[3]!);
  const first = earlier
    .filter((e) => e.line < a.line && !ORDINAL_THEN_WORD.test(e.name))
    .filter((e) => firstWord(e.name) === word || (known !== undefined && e.key === known.key))
    .sort((x, y) => y.line - x.line)[0];
  return first ? { name: `${first.name} (${order}ª amostra)`, key: first.key } : undefined;
}

/** The results of `r` with each repeat sample named by the earlier result its typist names (repeatName). */
export function withRepeatSampleNames(r: LabParseResult): LabParseResult {
  const all: Named[] = [...r.analytes, ...r.qualitative];
  let changed = false;
  const rename = <T extends Named>(a: T): T => {
    const named = repeatName(a, all);
    if (!named) return a;
    changed = true;
    return { ...a, ...named };
  };
  const analytes = r.analytes.map(rename);
  const qualitative = r.qualitative.map(rename);
  return changed ? { ...r, analytes, qualitative } : r;
}
