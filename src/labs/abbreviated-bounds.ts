// A dot-matrix spool short of width abbreviates a bound's word ("BAIXO: INF. A 160  INTERM.: INF. A 130", "SUP. A
// 40", h1681). Read as printed, "INF." is no bound and the reference is no range, its row listed unread. The
// abbreviation says what the whole word says, so before a number it is read as that word ("inferior a",
// "superior a"), the case kept. Nothing else on the line changes.

const ABBREVIATED_BOUND = /(?<![\p{L}\d])(inf|sup)\.\s*(?=(?:a|à)\s+[<>]?\s*\d)/giu;

const whole = (abbr: string): string => {
  const word = /^inf/i.test(abbr) ? 'inferior' : 'superior';
  return abbr === abbr.toUpperCase() ? `${word.toUpperCase()} ` : `${word} `;
};

/** The lines with each abbreviated bound's word written whole ("INF. A 160" → "INFERIOR A 160"). */
export function abbreviatedBoundsRead(lines: string[]): string[] {
  let out: string[] | undefined;
  lines.forEach((l, i) => {
    if (!/(?:inf|sup)\./i.test(l)) return;
    const read = l.replace(ABBREVIATED_BOUND, (_m, abbr: string) => whole(abbr));
    if (read === l) return;
    out ??= [...lines];
    out[i] = read;
  });
  return out ?? lines;
}
