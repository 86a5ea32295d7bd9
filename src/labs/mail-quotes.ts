// A plain-text e-mail quotes the message it answers line by line: a reply puts "> " before every line of it,
// and a message forwarded inside that one is quoted again (">> " or "> > "), blank lines included (">", ">>").
// The lab's report pasted into such a thread keeps its columns, titles and wrapped references behind those
// marks; read as printed, ">> Hemácias   4,48 …" is no name and no row. So the marks are taken off before the
// report is read, each line keeping its place, and a line left unread is listed as printed, marks and all.
//
// Only in a quoted thread: some line is quote marks alone (a quoted blank line, which no list of results
// prints) and at least three lines are quoted. A summary's "> TSH ..... 6,84" bullet or a value's "> 60"
// comparator, with no such line, is left to the reader. Inside a thread, a line's last mark followed by a
// number, on a line quoted deeper than the lines on both sides of it, is the value's comparator
// (">> > 90 mL/min" between ">> " lines), not one more level of quoting.

import type { LabParseResult } from './result.ts';

// The quote marks at a line's start: ">", ">>", "> >", then the space after them (or the line's end).
const QUOTE_MARKS = /^>(?: ?>)*(?: |$)/;
// A quoted blank line; what it matches the marks' pattern takes off whole, so the text read holds none.
const MARKS_ALONE = /^>(?: ?>)* ?$/;

/** The lines with their quote marks taken off, or undefined when the text is no quoted e-mail thread. */
export function withoutMailQuotes(raws: readonly string[]): string[] | undefined {
  if (!raws.some((r) => MARKS_ALONE.test(r))) return undefined;
  const marks = raws.map((r) => QUOTE_MARKS.exec(r)?.[0] ?? '');
  if (marks.filter((m) => m !== '').length < 3) return undefined;
  const depth = (m: string) => (m.match(/>/g) ?? []).length;
  return raws.map((raw, i) => {
    let m = marks[i]!;
    if (m === '') return raw;
    const rest = raw.slice(m.length);
    if (/^\d/.test(rest) && depth(m) > 1) {
      const around = [marks[i - 1], marks[i + 1]].filter((x): x is string => x !== undefined && x !== '').map(depth);
      if (around.length > 0 && around.every((d) => d < depth(m))) m = m.slice(0, m.trimEnd().lastIndexOf('>'));
    }
    return raw.slice(m.length);
  });
}

/** The result with each unread line listed as printed, its quote marks back. */
export function listedAsQuoted(r: LabParseResult, read: readonly string[], printed: readonly string[]): LabParseResult {
  const asPrinted = new Map<string, string>();
  read.forEach((l, i) => {
    if (l !== printed[i] && !asPrinted.has(l.trim())) asPrinted.set(l.trim(), printed[i]!.trim());
  });
  return { ...r, unparsed_lines: r.unparsed_lines.map((u) => asPrinted.get(u) ?? u) };
}
