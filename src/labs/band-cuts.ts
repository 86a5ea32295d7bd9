// A patient portal may draw each result's card as labelled bands with only the cut points under them, and a
// marker over the band the result fell in:
//   Hemoglobina
//   11,4 g/dL
//              ▼
//   BAIXO   NORMAL   ALTO
//         11,0      15,0
// The cut points are the bounds between the bands, and the lab's range is the good band's ("NORMAL",
// "ADEQUADO", "DESEJÁVEL"): here 11,0 a 15,0; a good band first ends at the first cut ("NORMAL   DIABETES
// GESTACIONAL   DIABETES PRÉVIO" over "92   126": < 92), one last starts at the last (> cut). Read as printed
// the bands are words and the cuts a pair of stray numbers, and the result is flagged by a built-in range,
// not the one the lab used (a pregnant patient's, say). So the bands and their cuts are read as the reference
// line of the card they close, and the marker, a picture of where the value falls, as no line at all.

// A band's label: capitals, a word or a few ("NORMAL", "DIABETES GESTACIONAL", "RISCO DE TOXICIDADE").
const BAND = /^\p{Lu}[\p{Lu}\s-]*\p{Lu}$/u;
// The band the lab's range is.
const GOOD_BAND = /^(?:normal|adequad[oa]|desej[aá]vel|[oó]tim[oa]|ideal|suficiente|esperad[oa])$/iu;
const CUT = /^(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)$/u;
const MARKER = /^\s*[▼▲●▽△↓]\s*$/u;

function bandsOf(l: string): string[] | undefined {
  const cells = l.trim().split(/\s{2,}/);
  if (cells.length < 2 || cells.length > 5 || !cells.every((c) => BAND.test(c))) return undefined;
  return cells.filter((c) => GOOD_BAND.test(c)).length === 1 ? cells : undefined;
}

function cutsOf(l: string | undefined, count: number): string[] | undefined {
  const cells = l?.trim().split(/\s+/) ?? [];
  return cells.length === count && cells.every((c) => CUT.test(c)) ? cells : undefined;
}

/** The lines with each card's labelled bands and cut points read as the good band's range; any other text as it is. */
export function bandCutsAsReferences(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < lines.length; i++) {
    const bands = bandsOf(lines[i]!);
    const cuts = bands && cutsOf(lines[i + 1], bands.length - 1);
    if (!bands || !cuts) continue;
    const good = bands.findIndex((b) => GOOD_BAND.test(b));
    const range = good === 0 ? `< ${cuts[0]}` : good === bands.length - 1 ? `> ${cuts[good - 1]}` : `${cuts[good - 1]} a ${cuts[good]}`;
    out[i] = `Referência: ${range}`;
    out[i + 1] = '';
    if (i > 0 && MARKER.test(lines[i - 1]!)) out[i - 1] = '';
  }
  return out;
}
