// Two results or more typed on one line, then one bracket holding a reference for each, in the same order ("TGO
// 19 / TGP 24 (ref até 32 e até 33)", a patient typing her results into a chat, h1566). Read as printed, the
// bracket is the last result's whole reference, and the others have none. So the line is read as each result
// with its own bracket ("TGO 19 (ref até 32) / TGP 24 (ref até 33)"), when the bracket holds exactly as many
// bounds or ranges as the line has results; any other bracket is left as printed. The line keeps its printed
// text for unparsed_lines.
//
// The same share typed without a bracket, after a "ref" label, the results set apart by spaces alone and maybe a
// remark in words before the label ("tgo 22 tgp 31 os dois dentro do normal, ref ate 32 e ate 33", h1654): read the
// same way, each result with its own range; the remark, no number in it, is the patient's, no reference.
import { CHAT_STAMP } from './lines.ts';
import { UNIT_PATTERN } from './units.ts';
import { matchesOf } from '../text/matches.ts';

const NUMBER = String.raw`\d[\d.,]*`;
// A result: a name of letters (digits glued inside, "T4 livre", "B12") and a value, maybe a unit after it.
const RESULT = String.raw`\p{L}[\p{L}\d-]*(?:\s+\p{L}[\p{L}\d-]*){0,3}\s+[<>]?${NUMBER}(?:\s*(?:%|[\p{L}µμ][\p{L}µμ\d/³²]*))?`;
// One bound or range, as a reference prints it.
const BOUND = new RegExp(
  String.raw`^(?:(?:at[eé]|[<>≤≥]=?|(?:menor|maior)\s+(?:que|a)|(?:acima|abaixo)\s+de|(?:inferior|superior)\s+a)\s*${NUMBER}|${NUMBER}\s*(?:a|-|–)\s*${NUMBER})(?:\s*(?:%|[\p{L}µμ][\p{L}µμ/³²]*))?$`,
  'iu',
);
const SHARED = new RegExp(
  String.raw`^((?:${RESULT})(?:\s*(?:\/|,\s|;)\s*(?:${RESULT}))+)\s*\(\s*((?:ref(?:er[eê]ncias?)?\.?|vr|v\.r\.)\s*:?\s*)?([^()]+)\)\s*$`,
  'iu',
);
// A comma parts two only with a space after it: without, it is a decimal comma.
const RESULT_SEPARATOR = /\s*(?:\/|,\s|;)\s*(?=\p{L})/u;
const BOUND_SEPARATOR = /\s*[;/]\s*|,\s+|\s+e\s+/u;

// A typed result whose unit, if any, is one the table knows: a word after the value is no unit ("31 os dois …").
const TYPED_RESULT = String.raw`\p{L}[\p{L}\d-]*(?:\s+\p{L}[\p{L}\d-]*){0,3}\s+[<>]?${NUMBER}(?:\s*(?:${UNIT_PATTERN})(?![\p{L}\d]))?`;
const SHARED_AFTER_LABEL = new RegExp(
  String.raw`^((?:${TYPED_RESULT})(?:(?:\s*(?:\/|,\s|;)\s*|\s+)(?:${TYPED_RESULT}))+)(?:[,.]?\s+\p{L}+(?:\s+\p{L}+)*)?\s*[,;:.-]?\s+((?:ref(?:er[eê]ncias?)?\.?|vr|v\.r\.)\s*:?\s*)([^()]+?)\s*\.?$`,
  'iu',
);
const ONE_TYPED_RESULT = new RegExp(TYPED_RESULT, 'giu');

/** The lines as each of their results with its own share of a bracket they share; any other line as it is. */
export function sharedReferencesSplit(raws: string[]): string[] {
  let out: string[] | undefined;
  raws.forEach((raw, i) => {
    const stamp = CHAT_STAMP.exec(raw)?.[0] ?? '';
    const text = raw.slice(stamp.length).trim();
    const m = SHARED.exec(text) ?? SHARED_AFTER_LABEL.exec(text);
    if (!m) return;
    const results = SHARED.test(text) ? m[1]!.split(RESULT_SEPARATOR) : matchesOf(ONE_TYPED_RESULT, m[1]!).map((r) => r[0]);
    const bounds = m[3]!.trim().split(BOUND_SEPARATOR);
    if (results.length < 2 || bounds.length !== results.length || !bounds.every((b) => BOUND.test(b.trim()))) return;
    const lead = m[2]?.trim() ? `${m[2].trim()} ` : '';
    out ??= [...raws];
    out[i] = stamp + results.map((r, k) => `${r.trim()} (${lead}${bounds[k]!.trim()})`).join('; ');
  });
  return out ?? raws;
}
