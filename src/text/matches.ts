// Every match of a global pattern in a text, found with exec on the pattern itself.
//
// Why not String#matchAll: it clones the pattern on every call (through RegExp's species constructor), and a
// clone of one of the lab reader's large patterns (a unit list thousands of characters long inside it) is
// compiled again once the engine's compilation cache has let the first compilation go. Measured on the lab
// corpus (71,267 lines through the accounting pass's tokens): about half the time went into those clones.

/** The matches of `re` (which must carry the `g` flag) in `text`, in order; `re.lastIndex` is left at 0. */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf needs a global pattern: /${re.source.slice(0, 40)}…/${re.flags}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match would be found again at the same place: step past it, by a whole code point under `u`.
    if (m[0] === '') re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  re.lastIndex = 0;
  return out;
}
