// A portal's export saved as UTF-8 and opened as Windows-1252 (or Latin-1): every accented letter is two
// characters ("HemÃ¡cias", "mmÂ³", a dash "â€“"), a letter whose second byte Windows-1252 leaves undefined
// (Á, Í) keeps a stray control character (U+0081, U+008D), and one whose second byte is 0xAD an invisible
// soft hyphen. Read as printed, the names are no names the catalogue knows, the ranges' dashes no "a", and the
// extra characters push every column after them to the right. So each run of such characters is put back as
// the UTF-8 it was: its characters taken as the Windows-1252 bytes they show, decoded as UTF-8. Only a run
// that decodes whole as UTF-8 is touched: accented text written right ("é", "ção", "µ") is no valid UTF-8
// byte sequence taken so, and stays as printed. The line keeps its place and its printed text for
// unparsed_lines.

// Windows-1252's characters for the bytes 0x80–0x9F; the bytes it leaves undefined decode as the C1 control.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const BYTE_OF = new Map<string, number>([...CP1252_HIGH].map((c, i) => [c, 0x80 + i]));

/** The byte a character stands for when Windows-1252 (or Latin-1) printed it, if any. */
function byteOf(c: string): number | undefined {
  const code = c.codePointAt(0)!;
  if (code >= 0xa0 && code <= 0xff) return code;
  return BYTE_OF.get(c) ?? (code >= 0x80 && code <= 0x9f ? code : undefined);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
// A run of characters that each stand for a byte above 0x7F, starting with a UTF-8 lead byte's (Â–ô).
const RUN = /[\u00c2-\u00f4][\u0080-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]+/g;

/** A line with each run of UTF-8 read as Windows-1252 put back as the text it encodes. */
export function mendedLine(line: string): string {
  if (!/[\u00c2-\u00f4]/.test(line)) return line;
  return line.replace(RUN, (run) => {
    const bytes = [...run].map(byteOf);
    if (bytes.some((b) => b === undefined)) return run;
    try {
      return UTF8.decode(Uint8Array.from(bytes as number[]));
    } catch {
      return run;
    }
  });
}

/** The lines with UTF-8 read as Windows-1252 mended; the same lines when no line holds such a run. */
export function mojibakeMended(raws: string[]): string[] {
  let changed = false;
  const out = raws.map((r) => {
    const m = mendedLine(r);
    if (m !== r) changed = true;
    return m;
  });
  return changed ? out : raws;
}
