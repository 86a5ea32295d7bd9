// A lab's result sent by SMS, cut by the phone network into numbered parts ("(1/6) … Hemoglo", "(2/6) bina 13,8
// g/dL …"), and exported from the phone's messages app (h1670): the parts may arrive out of order ("(3/6)" before
// "(2/6)"), one may be sent again ("⟲ Reenviada"), and the network cuts by length, not by word, so a name, a
// number or a unit runs from one part into the next ("Leucocitos 5.9" / "00/mm3", "mg/d" / "L"). Read part by part,
// the pieces of a cut are no results, a resent part is read twice, and a value arriving before its name is
// taken for the result before it.
//
// So the message is put back whole before anything is read: its parts in their counters' order, each once, the
// cut glued where both sides are the same kind of character (letters to letters, digits to digits: a word or a
// number cut in two) and a space elsewhere; then cut again between results, each part's line holding the results
// that start in it (a result cut in two stays whole on its first part's line), a resent part's line left empty.
// Only when every part 1..n is printed, each repeat the same text, and the parts came out of order, were sent
// twice or were cut inside a word or a number: parts in order cut between results are left to joinSmsParts
// (lines.ts), which joins them where a bracket or a name runs over.
//
// The export's conversation header ("Conversa: 28192 (LABSLUCAS)") names the sender's short code: no result.

// A part's counter, after the sender's name in capitals at times ("LABCLIN (3/5): …").
const PART = /^\s*(?:\p{Lu}[\p{Lu}\d&.-]*(?:\s\p{Lu}[\p{Lu}\d&.-]*){0,3}\s(?=\(\d{1,2}\/\d{1,2}\)\s*:))?\((\d{1,2})\/(\d{1,2})\)\s*:?\s*/u;
// The messages app's header naming the conversation by the sender's number and name.
const CONVERSATION_HEADER = /^\s*(?:conversa|conversation|thread)\s*:\s*\+?\d[\d\s-]*(?:\([^()\d]*\))?\s*$/iu;

interface Part {
  line: number;
  index: number;
  body: string;
}

/** Whether the cut between two parts' texts falls inside a word or a number: the same kind of character both sides. */
function cutInside(before: string, after: string): boolean {
  const a = before.at(-1) ?? '';
  const b = after[0] ?? '';
  // A word goes on in lower case ("Hemoglo" / "bina"), or a unit's last capital closes it ("mg/d" / "L (0,50-1,10)");
  // capitals after capitals start the next name ("…/r/8K2Q" / "HB 15,8", h1205's parts cut at spaces).
  if (/\p{Ll}/u.test(a) && /^(?:\p{Ll}|\p{Lu}(?!\p{L}))/u.test(after)) return true;
  // A number cut in two ("5.9" / "00"), or after its thousands' dot; never a name ending in a digit ("HbA1c",
  // "B12") before its value.
  const lastToken = /\S*$/u.exec(before)![0];
  return /[\d.,]/u.test(a) && /\d/u.test(b) && !/\p{L}/u.test(lastToken);
}

/** An SMS's numbered parts put back whole, in order, on the first part's line (see above); other lines as they are. */
export function smsSegmentsInOrder(raws: readonly string[]): string[] {
  if (!raws.some((r) => PART.test(r))) return raws as string[];
  const parts: Part[] = [];
  let total: number | undefined;
  for (let line = 0; line < raws.length; line++) {
    const m = PART.exec(raws[line]!);
    if (!m) continue;
    const n = Number(m[2]);
    const index = Number(m[1]);
    if (n < 2 || index < 1 || index > n) return raws as string[];
    // Parts of messages of different lengths: more than one message, whose parts cannot be told apart safely.
    if (total !== undefined && total !== n) return raws as string[];
    total = n;
    parts.push({ line, index, body: raws[line]!.slice(m[0].length).trim() });
  }
  if (total === undefined) return raws as string[];
  const byIndex = new Map<number, Part>();
  const repeats: Part[] = [];
  for (const p of parts) {
    const first = byIndex.get(p.index);
    if (!first) byIndex.set(p.index, p);
    // A part sent again prints the same text; another text is another message's part.
    else if (first.body === p.body) repeats.push(p);
    else return raws as string[];
  }
  if (byIndex.size !== total) return raws as string[];
  const ordered = [...byIndex.values()].sort((x, y) => x.index - y.index);
  const outOfOrder = parts.some((p, i) => i > 0 && p.index < parts[i - 1]!.index && !repeats.includes(p));
  const cuts = ordered.slice(1).map((p, i) => cutInside(ordered[i]!.body, p.body));
  if (!outOfOrder && repeats.length === 0 && !cuts.some(Boolean)) return raws as string[];
  // The whole message, and where each part starts in it.
  let whole = ordered[0]!.body;
  const starts = [0];
  ordered.slice(1).forEach((p, i) => {
    whole += cuts[i] ? '' : ' ';
    starts.push(whole.length);
    whole += p.body;
  });
  // A cut inside a word or a number moves on to where the result it cut ends: after the bracket closing its
  // reference (a lab's "*" or a full stop after it), in the next part. Each part's line then holds whole results,
  // the one cut in two read on the line where it begins, as a part cut between results is read.
  const bounds = starts.map((at, k) => {
    if (k === 0 || !cuts[k - 1]) return at;
    const close = /\)\*?\.?\s+/u.exec(whole.slice(at, starts[k + 1] ?? whole.length));
    return close ? at + close.index + close[0].length : at;
  });
  const out = [...raws];
  ordered.forEach((p, k) => {
    const lead = PART.exec(raws[p.line]!)![0];
    out[p.line] = `${lead}${whole.slice(bounds[k], bounds[k + 1] ?? whole.length).trim()}`;
  });
  for (const p of repeats) out[p.line] = '';
  for (let i = 0; i < out.length; i++) if (CONVERSATION_HEADER.test(out[i]!)) out[i] = '';
  return out;
}
