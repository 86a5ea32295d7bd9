// A relative typing results into a chat corrects one in a later message ("glicada 8,7% (ref ate 5,7)", then
// "*8,1 a glicada, digitei errado"): the typist's own word that the first value was a slip of the keys. The
// value the correction gives is the result; read as printed, the slip would be taken for it and the correction
// listed unread. So the correction is written into the line it corrects, where the result's name, unit and
// reference are, and the correction's own line is left empty: what it says is then read on that line.
//
// Only on the typist's own word: the message says it corrects ("digitei errado", "errei", "correção:"), gives
// one value and the name as typed before, by the same sender in an earlier message of the chat, the nearest
// such line. A value alone ("*8,1"), a name the earlier lines do not print, or another sender's message is
// left as printed (listed unread if it holds a number).

import { foldSameLength } from './analytes.ts';
import { CHAT_STAMP } from './lines.ts';
import { NUMBER, numbersIn } from './numbers.ts';
import type { LabParseResult } from './result.ts';
import { matchesOf } from '../text/matches.ts';

// The words that say the value before them corrects a slip ("…, digitei errado", "… errei", "… foi erro meu").
// Digits typed in the wrong order say so too ("troquei os números", h1666, h1674).
const SLIP_WORDS = String.raw`(?:troquei|inverti)\s+(?:os\s+)?(?:n[uú]meros|d[ií]gitos)|(?:eu\s+)?(?:digitei|escrevi|coloquei|botei|passei|mandei)\s+errado|errei(?:\s+(?:aqui|ali))?|foi\s+erro\s+(?:meu|de\s+digita[cç][aã]o)|erro\s+de\s+digita[cç][aã]o`;
// The lead that says the same before the value ("correção: glicada 8,1", "corrigindo: …").
const CORRECTION_LEAD = String.raw`(?:corre[cç][aã]o|corrigindo)\s*:?\s*`;
// The value, then the name with its article ("8,1 a glicada"), or the name, then the value ("glicada 8,1",
// "glicada é 8,1"); a "*" opens it, WhatsApp's mark of a correction, a "%" may close the value.
const VALUE_THEN_NAME = new RegExp(
  String.raw`^\*?\s*(?:${CORRECTION_LEAD})?(${NUMBER})\s*%?\s+(?:(?:[oa]s?|d[oa]s?|n[oa]s?|(?:[eé]|era|foi)(?:\s+[oa])?)\s+)?(\p{L}[\p{L}\d-]*(?:\s\p{L}[\p{L}\d-]*){0,2}?)\s*[,;.-]?\s*(?:${SLIP_WORDS})?\s*[.!]*$`,
  'iu',
);
const NAME_THEN_VALUE = new RegExp(
  String.raw`^\*?\s*(?:${CORRECTION_LEAD})?(?:[oa]s?\s+)?(\p{L}[\p{L}\d-]*(?:\s\p{L}[\p{L}\d-]*){0,2}?)\s*(?::|=|\s(?:[eé]|era|foi|deu))?\s*(${NUMBER})\s*%?\s*[,;.-]?\s*(?:${SLIP_WORDS})?\s*[.!]*$`,
  'iu',
);
// The value said against the slip inside a longer message ("opa o tgp é 39 e nao 29, digitei errado. Entao é
// ⚠️ tgp 39 (ate 33)"), the "e" left out too ("o potassio é 5,2 nao 5,7", h1685): the name, the value it is, and
// the slip it is not. The name may take words before it
// ("opa o tgp"): the line it corrects is found by the longest ending of them typed earlier.
const IS_NOT_SLIP = new RegExp(
  String.raw`(?:^|[\s,;.!])(\p{L}[\p{L}\d-]*(?:\s\p{L}[\p{L}\d-]*){0,3}?)\s+(?:[eé]|eh|era|deu|foi)\s+(${NUMBER})\s*%?\s*,?\s+(?:e\s+)?n[aã]o\s+(${NUMBER})(?![\d])`,
  'iu',
);
const SLIP_SAID = new RegExp(String.raw`(?:^|[\s,;.-])(?:${SLIP_WORDS})(?![\p{L}])`, 'iu');
const SAYS_CORRECTION = new RegExp(String.raw`(?:^\*?\s*${CORRECTION_LEAD}\S|(?:^|[\s,;.-])(?:${SLIP_WORDS})\s*[.!]*$)`, 'iu');

// A correction of a decimal separator left out ("*12,6 g/dL kkkk esqueci a vírgula"): the value alone, maybe its
// unit and the typist's laughter, then the words that say the separator was forgotten. No name needed: the slip
// it corrects is the sender's last number, the same digits with no separator.
// A number typed with no separator ("126"), as the slip prints it.
const WHOLE_NUMBER = /(?<![\d.,])\d+(?![\d.,]*\d)/gu;
const LAUGH = String.raw`(?:k{3,}|(?:ha){2,}h?|(?:rs)+|(?:he){2,})`;
const SEPARATOR_SLIP = String.raw`(?:esqueci|faltou|sem|n[aã]o\s+(?:pus|coloquei|botei))\s+(?:[oa]\s+|d[oa]\s+)?(?:v[ií]rgula|ponto)`;
const SEPARATOR_RESTORED = new RegExp(
  String.raw`^\*?\s*(\d+[.,]\d+)\s*(%|[\p{L}µ]{1,4}\/[\p{L}\d³]{1,4})?\s*(?:${LAUGH}\s*)?[,;.-]?\s*(?:${LAUGH}\s*)?${SEPARATOR_SLIP}\s*(?:${LAUGH})?\s*[.!]*$`,
  'iu',
);

// A value said against digits typed in the wrong order, with no name ("não pera, é 312 mil, troquei os números").
const SWAPPED_DIGITS = new RegExp(
  String.raw`^\s*(?:\p{L}+[\s,.!]+){0,3}(?:[eé]|eh)\s+(\d+(?:[.,]\d+)?)(?:\s*mil)?\s*[,.;-]?\s*(?:troquei|inverti)\s+(?:os\s+)?(?:n[uú]meros|d[ií]gitos)(?![\p{L}])`,
  'iu',
);

// A slip corrected on its own line, right after the value typed ("creatinina 1,8 mg/dL — digitei errado, é 1,38 (ref
// 0,70 a 1,20)", a daughter typing her father's results into an app's free-text field, h1718): the value, its unit,
// the words that say it was a slip, then "é" and the value it is. The line is read with the corrected value in the
// slip's place and the correction's words left out, so the slip is no result and the line's name, unit and
// reference are the corrected value's. Only with the value said after the slip words ("é 1,38", "o certo é …", "na
// verdade …"): a number after the words alone may be the reference's.
const SLIP_THEN_VALUE = new RegExp(
  String.raw`(?<![\d.,])(${NUMBER})(\s*(?:%|[\p{L}µ]{1,5}(?:\/[\p{L}\d³²]{1,6})?)?)\s*[—–,;-]?\s*(?:${SLIP_WORDS})\s*[,;:.]?\s*(?:(?:o\s+certo\s+)?(?:[eé]|eh)|na\s+verdade(?:\s+[eé])?)\s+(${NUMBER})(?![\d.,]*\d)`,
  'iu',
);

// Markdown's strikethrough, with the space after it: "~~3,4~~ " (never across a cell's bar).
const STRUCK = /~~[^~|\n]+~~[ \t]*/gu;

/** The sender of a chat message's line ("[25/11/2026, 20:16:40] Thiago Menezes: …" → "Thiago Menezes"). */
function senderOf(stamp: string): string {
  return stamp
    .replace(/^\s*(?:\[[^\]]*\]|[\d/,\s]+\d{1,2}:\d{2}\s+-)\s*/u, '')
    .replace(/:\s$/, '')
    .trim();
}

/** The correction a chat message states: the name as typed and the value that replaces the slip. */
function correctionOf(message: string): { name: string; value: string; slip?: string; end?: number } | undefined {
  const m = message.trim();
  const isNot = SLIP_SAID.test(m) ? IS_NOT_SLIP.exec(m) : null;
  if (isNot) return { name: isNot[1]!, value: isNot[2]!, slip: isNot[3]!, end: message.length - message.trimStart().length + isNot.index + isNot[0].length };
  if (!SAYS_CORRECTION.test(m)) return undefined;
  const v = VALUE_THEN_NAME.exec(m);
  if (v) return { name: v[2]!, value: v[1]! };
  const n = NAME_THEN_VALUE.exec(m);
  return n ? { name: n[1]!, value: n[2]! } : undefined;
}

/**
 * A correction's line once the correction is written into the line it corrects: empty, save the cells after a
 * column gap, or a spaced ';' or '|', past what the message says (`from`), a result typed beside it ("… Entao é ⚠️
 * tgp 39 (ate 33)   Anti-HCV   REAGENTE", "… digitei errado ; HBsAg: Reagente", h1654's corpus property), which is
 * read or listed at its place on the line.
 */
function withoutMessage(raw: string, from: number): string {
  const gap = /\s{3,}(?=\S)|\s[;|]\s+(?=\S)/u.exec(raw.slice(from));
  if (!gap) return '';
  const at = from + gap.index + gap[0].length;
  return `${' '.repeat(at)}${raw.slice(at)}`;
}

/**
 * The lines to read, which line's value each correction replaced by the line that prints it (`moved`), and the value
 * written there (`values`): the line's other results keep their own line.
 */
export interface TypedCorrections {
  lines: string[];
  moved: Map<number, number>;
  values: Map<number, string>;
}

/**
 * The lines of a chat with each correction written into the line it corrects, that line's value after the name
 * replaced by the corrected one, and the correction's line left empty; any other line as it is.
 */
export function withTypedCorrections(raws: string[]): TypedCorrections {
  const moved = new Map<number, number>();
  const values = new Map<number, string>();
  let out: string[] | undefined;
  // A slip struck through in markdown ("| TSH | ~~3,4~~ 4,8 µUI/mL |", "Aspecto: ~~turvo~~ límpido", a note
  // app's copy) is what the typist deleted: the line is read without it, and cites itself.
  raws.forEach((raw, i) => {
    if (!raw.includes('~~')) return;
    const kept = raw.replace(STRUCK, '');
    if (kept === raw) return;
    out ??= [...raws];
    out[i] = kept;
    moved.set(i, i);
  });
  // Cheap guard: a chat export, or a message typed with no stamps that says it corrects something.
  const stamped = raws.some((r) => CHAT_STAMP.test(r));
  if (!stamped && !raws.some((r) => SLIP_SAID.test(r))) return { lines: out ?? raws, moved, values };
  // The sender of each line's message: the stamp's, or the nearest above (a message's later lines).
  let sender: string | undefined;
  const senders = raws.map((r) => {
    const stamp = CHAT_STAMP.exec(r);
    if (stamp) sender = senderOf(stamp[0]);
    return sender;
  });
  // The sender's last message holding a number, the one a separator's correction is about: its last number is
  // replaced by the corrected value (and its unit, unless the line types one after it), when the digits are the same.
  const restoreSeparator = (value: string, unit: string | undefined, i: number) => {
    for (let k = i - 1; k >= 0; k--) {
      const line = (out ?? raws)[k]!;
      const stamp = CHAT_STAMP.exec(line);
      const message = stamp ? line.slice(stamp[0].length) : line;
      if (senders[k] !== senders[i] || !/\d/.test(message)) continue;
      const last = matchesOf(WHOLE_NUMBER, message).pop();
      if (!last || last[0] !== value.replace(/\D/g, '')) return;
      const at = line.length - message.length + last.index!;
      const rest = line.slice(at + last[0].length);
      const typedUnit = /^\s*[\p{L}µ%]/u.test(rest);
      out ??= [...raws];
      out[k] = `${line.slice(0, at)}${value}${unit && !typedUnit ? ` ${unit}` : ''}${rest}`;
      out[i] = '';
      moved.set(k, i);
      values.set(k, value);
      return;
    }
  };
  // A value said with no name, its slip the digits of the sender's last number in another order ("plaquetas 321
  // mil" / "não pera, é 312 mil, troquei os números kkk", h1666): that number is replaced by it, the rest of the
  // correction's line left empty save the cells typed after a gap (withoutMessage): a reference typed after it,
  // "ref 150 a 450 mil", is no result.
  const swapDigits = (value: string, i: number, end: number) => {
    const digits = (v: string) => [...v.replace(/\D/g, '')].sort().join('');
    for (let k = i - 1; k >= 0; k--) {
      const line = (out ?? raws)[k]!;
      const stamp = CHAT_STAMP.exec(line);
      const message = stamp ? line.slice(stamp[0].length) : line;
      if (senders[k] !== senders[i] || !/\d/.test(message)) continue;
      const last = matchesOf(new RegExp(NUMBER, 'gu'), message).pop();
      if (!last || last[0] === value || digits(last[0]) !== digits(value)) return;
      const at = line.length - message.length + last.index!;
      out ??= [...raws];
      out[k] = `${line.slice(0, at)}${value}${line.slice(at + last[0].length)}`;
      out[i] = withoutMessage(raws[i]!, end);
      moved.set(k, i);
      values.set(k, value);
      return;
    }
  };
  raws.forEach((raw, i) => {
    // A message typed with no chat stamps (one sender's text pasted whole, "-----" between its messages, h1674)
    // corrects only by naming both the value and the slip ("a glicada é 7,8 nao 8,7, troquei os numeros"): a
    // line of its own, its name typed on a line above with the slip as its value.
    const stamp = stamped ? CHAT_STAMP.exec(raw) : /^/.exec(raw);
    if (!stamp) return;
    const inline = SLIP_THEN_VALUE.exec(raw.slice(stamp[0].length));
    if (inline) {
      const at = stamp[0].length + inline.index;
      out ??= [...raws];
      out[i] = `${raw.slice(0, at)}${inline[3]!}${inline[2]!}${raw.slice(at + inline[0].length)}`;
      moved.set(i, i);
      values.set(i, inline[3]!);
      return;
    }
    const swapped = stamped ? SWAPPED_DIGITS.exec(raw.slice(stamp[0].length)) : null;
    if (swapped) {
      swapDigits(swapped[1]!, i, stamp[0].length + swapped.index + swapped[0].length);
      return;
    }
    const restored = SEPARATOR_RESTORED.exec(raw.slice(stamp[0].length).trim());
    if (restored) {
      restoreSeparator(restored[1]!, restored[2], i);
      return;
    }
    const said = correctionOf(raw.slice(stamp[0].length));
    if (!said || (!stamped && said.slip === undefined)) return;
    // The name as said, or (with the slip said too) the longest ending of its words an earlier line types.
    const words = said.name.split(/\s+/);
    const names = said.slip === undefined ? [said.name] : words.map((_, w) => words.slice(w).join(' '));
    // With the slip said, the name may be the first words of the one typed ("a troponina é 48,2 e não 42,8" for
    // "Troponina I ultrassensível: 42,8", h1710): the typist shortens it, and the slip pins the line. Looked for only
    // when no line types the name as said: words between a name and its value may be another message's ("O potássio
    // veio 5,7 mesmo?", the doctor's question above the line it is about, h1685).
    const typedAs = (after: string) =>
      names.map((n) => {
        const name = foldSameLength(n).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        return new RegExp(String.raw`(?<![\p{L}\d])${name}${after}\s*[:=]?\s*(${NUMBER})(?![\d])`, 'iu');
      });
    const patterns = said.slip === undefined ? [typedAs('')] : [typedAs(''), typedAs(String.raw`(?:\s+\p{L}[\p{L}-]*){1,3}?`)];
    for (const pattern of patterns) {
      for (let k = i - 1; k >= 0; k--) {
        const line = (out ?? raws)[k]!;
        const folded = foldSameLength(line);
        // The slip said ("e não 29") must be the value the line typed.
        const m = pattern.map((t) => t.exec(folded)).find((x) => x !== null && (said.slip === undefined || x[1] === said.slip));
        if (!m) continue;
        if (senders[k] !== senders[i]) return;
        const at = m.index + m[0].length - m[1]!.length;
        out ??= [...raws];
        out[k] = `${line.slice(0, at)}${said.value}${line.slice(at + m[1]!.length)}`;
        out[i] = withoutMessage(raw, stamp[0].length + (said.end ?? raw.length - stamp[0].length));
        moved.set(k, i);
        values.set(k, said.value);
        return;
      }
    }
  });
  return { lines: out ?? raws, moved, values };
}

/**
 * The result read with a correction's value cites the correction's line, which prints that value; another result
 * typed on the corrected line ("glicada 8,7% (normal ate 5,7) ; HBsAg: Reagente", h1674's corpus property) cites its
 * own. A corrected line left unread is listed as printed, never as rewritten here.
 */
export function citingCorrections(r: LabParseResult, corrections: TypedCorrections, printed: string[]): LabParseResult {
  const { moved, lines, values } = corrections;
  if (moved.size === 0) return r;
  const corrected = (a: { line: number; value: number | string }) => {
    const value = values.get(a.line);
    return value === undefined || numbersIn(value).some((n) => n.values.includes(a.value as number));
  };
  const cite = <T extends { line: number; value: number | string }>(a: T): T => (moved.has(a.line) && corrected(a) ? { ...a, line: moved.get(a.line)! } : a);
  // A correction's line keeps the cells typed after the message (withoutMessage): unread, it is listed as printed.
  const rewritten = new Map(
    [...moved].flatMap(([k, i]) => [
      [lines[k]!.trim(), printed[k]!.trim()] as const,
      ...(lines[i]!.trim() === '' ? [] : [[lines[i]!.trim(), printed[i]!.trim()] as const]),
    ]),
  );
  return {
    analytes: r.analytes.map(cite),
    qualitative: r.qualitative.map(cite),
    unparsed_lines: r.unparsed_lines.map((u) => rewritten.get(u) ?? u),
  };
}
