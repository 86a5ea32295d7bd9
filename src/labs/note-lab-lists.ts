// A doctor's progress note (a SOAP "evolução") types the day's labs in shorthand, one list a line, the results
// parted by " / " or " | " (h1686, h1671):
//
//   Hb 9,8 (10,4) | Ht 29,4 | Leuco 14.200 (bast 6% / seg 81%) | Plq 98 mil (131 mil)
//   Ur 96 (15-45) / Cr 2,04 (↑ vs 1,62 em 01/06; VR 0,7-1,2) / TFG CKD-EPI 32 / Na 131 (135-145)
//   PCR 18,4 mg/dL (pico 21,7 em 10/06) | Lactato 3,1 mmol/L (2,4)
//   GSA (06h, CN 2 L/min): pH 7,31 (7,35-7,45) / pCO2 48 (35-45) / … / SatO2 95% → P/F 256
//
// A bracket after a value holds the reference, or the value of an earlier day (a bare number, or one after "vs",
// "pico", "ontem" with its date), or the differential of the white cell count. Before anything is read, on such a
// line: an earlier value is blanked (no result of this report, nor a reference: read, it would lose the list its
// results); a differential in the bracket after a count is put after it as pieces of the list, in the list's
// separator; the sample's conditions in brackets after the list's lead ("GSA (06h, CN 2 L/min):", "Gaso art (FiO2
// 32%):") are blanked, as they are no result; and an arrow before a last result derived from the others ("→ P/F
// 256") parts it as the separator does. Lengths are kept, so the line is accounted as printed.

import { isWhiteCellName, isWhiteCellShorthand } from './analytes.ts';
import { NUMBER } from './numbers.ts';
import { UNIT_PATTERN } from './units.ts';
import { matchesOf } from '../text/matches.ts';

// A piece of the list: a short name (letters, digits glued to them: "pCO2", "TnI us", "TFG CKD-EPI"), then a value.
const PIECE = new RegExp(String.raw`^\s*\p{L}[\p{L}\d+.-]*(?:\s\p{L}[\p{L}\d+.-]*){0,2}\s*:?\s*[<>]?\s*[-−]?(?:${NUMBER})`, 'u');
// The piece before a bracket: a name, its value, a unit maybe, a first bracket maybe.
const VALUE_PIECE = new RegExp(
  String.raw`^\s*(?:[|/]\s+)?(?:\p{L}[\p{L}. ]{0,20}:\s*)?\p{L}[\p{L}\d+.-]*(?:\s\p{L}[\p{L}\d+.-]*){0,2}\s*:?\s*[<>]?\s*[-−]?(?:${NUMBER})\s*(?:mil|%|(?:${UNIT_PATTERN}))?\s*(?:\([^()]*\)\s*)?$`,
  'iu',
);
// A value of an earlier day alone in the bracket: a number, its unit maybe ("(10,4)", "(131 mil)"); no comparator,
// range or share, which are a reference's or a differential's.
const BARE_EARLIER = new RegExp(String.raw`^\(\s*(?:${NUMBER})\s*(?:mil|(?!%)(?:${UNIT_PATTERN}))?\s*\)$`, 'iu');
// … or after a word that says so, with when it was measured: "↑ vs 1,62 em 01/06", "pico 21,7 em 10/06", "ontem 2,3".
const DATE = String.raw`\d{1,2}\/\d{1,2}(?:\/\d{2,4})?`;
const WORDED_EARLIER = new RegExp(
  String.raw`^[↑↓]?\s*(?:vs\.?|versus|pico|ontem|anteontem|anterior|pr[eé]vio|antes|era|${DATE}\s*:)\s*:?\s*[<>]?\s*(?:${NUMBER})(?:\s*(?:mil|${UNIT_PATTERN}))?(?:\s+(?:em|de|no\s+dia)\s+${DATE})?\s*(?:[;,]\s*|$)`,
  'iu',
);
// A white cell's share in the bracket after the count: "seg 78%", "bast 2%".
const SHARE = new RegExp(String.raw`^(\p{L}[\p{L}.]*)\s*:?\s*(?:${NUMBER})\s*%$`, 'u');
// The list's lead, its sample's conditions in brackets before the colon: "GSA (06h, CN 2 L/min):".
const LEAD_CONDITIONS = /^(\s*\p{L}[\p{L}.]*(?:\s\p{L}[\p{L}.]*){0,2}\s*)(\([^()]*\))(\s*:\s*)(?=\S)/u;
// An arrow before the last piece of the list: "SatO2 95% → P/F 256".
const ARROW_BEFORE_PIECE = /(?<=\d\s*%?)\s(→|->)\s(?=\p{L}[\p{L}\d/.]*\s+[<>]?\d[\d.,]*\s*$)/u;

interface Bracket {
  at: number;
  end: number;
  inner: string;
}

/** The brackets of a line at depth one, where they open and close. */
function bracketsOf(line: string): Bracket[] {
  return matchesOf(/\(([^()]*)\)/g, line).map((m) => ({ at: m.index ?? 0, end: (m.index ?? 0) + m[0].length, inner: m[1]! }));
}

/** The separator of a shorthand list, when the line is one: two pieces or more, each a short name and its value. */
function listSeparator(line: string): string | undefined {
  const outside = line.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  for (const sep of ['|', '/']) {
    const pieces = outside.split(sep === '|' ? /\s\|\s/ : /\s\/\s/);
    if (pieces.length < 2) continue;
    const lead = LEAD_CONDITIONS.exec(pieces[0]!);
    const first = lead ? pieces[0]!.slice(lead[0].length) : pieces[0]!.replace(/^[^:]*:\s*(?=\p{L})/u, '');
    const named = [first, ...pieces.slice(1)].filter((p) => PIECE.test(p)).length;
    if (named >= 2 && named >= pieces.length - 1) return sep;
  }
  return undefined;
}

function blank(s: string, from: number, to: number): string {
  return s.slice(0, from) + ' '.repeat(to - from) + s.slice(to);
}

/** The line of a note's shorthand lab list with its earlier values and lead's conditions blanked; any other line as it is. */
function listLine(line: string): string {
  const sep = listSeparator(line);
  if (!sep) return line;
  let t = line;
  const lead = LEAD_CONDITIONS.exec(t);
  if (lead && /\d/.test(lead[2]!) && PIECE.test(t.slice(lead[0].length))) t = blank(t, lead[1]!.length, lead[1]!.length + lead[2]!.length);
  for (const b of bracketsOf(t).reverse()) {
    // Only a bracket after a value: the lead's ("GSA (…):") and a name's ("TGO (AST)") are none.
    // The bracket's piece, from the list's separator before it: a name, its value, a unit maybe, the reference's
    // bracket maybe ("Leuco 9.870 (3.600-11.000) (seg 78% …)"); not a phone's area code after an address's cell.
    const cut = Math.max(t.lastIndexOf(` ${sep} `, b.at), lead ? lead[0].length - 1 : -1);
    if (!VALUE_PIECE.test(t.slice(cut + 1, b.at))) continue;
    if (BARE_EARLIER.test(t.slice(b.at, b.end))) {
      t = blank(t, b.at, b.end);
      continue;
    }
    const worded = WORDED_EARLIER.exec(b.inner.trimStart());
    if (worded) {
      const from = b.at + 1 + (b.inner.length - b.inner.trimStart().length);
      const to = from + worded[0].length;
      // All the bracket an earlier value: the bracket goes with it; else what is left is the reference ("(VR 0,7-1,2)").
      t = b.inner.slice(to - b.at - 1).trim() === '' ? blank(t, b.at, b.end) : blank(t, from, to);
      continue;
    }
    const shares = b.inner.split(/\s*[/;,]\s*/).map((p) => p.trim());
    const differential = shares.every((p) => {
      const m = SHARE.exec(p);
      return m !== null && (isWhiteCellName(m[1]!) || isWhiteCellShorthand(m[1]!));
    });
    if (differential && b.at > 0 && t[b.at - 1] === ' ') {
      // "Leuco 9.870 (seg 78% / bast 2%)" → "Leuco 9.870 / seg 78% / bast 2% ": the space before the bracket and
      // the bracket make room for the separator.
      const inner = b.inner.trim().replace(/\s*[/;,]\s*/g, ` ${sep} `);
      const piece = `${sep} ${inner}`;
      t = t.slice(0, b.at) + piece.padEnd(b.end - b.at) + t.slice(b.end);
    }
  }
  t = t.replace(ARROW_BEFORE_PIECE, (_m, arrow: string) => ` ${sep.padEnd(arrow.length)} `);
  return t;
}

/** The lines of a text with each shorthand lab list's earlier values set apart; any other line as it is. */
export function noteLabListsRead(reads: string[]): string[] {
  let out: string[] | undefined;
  reads.forEach((line, i) => {
    if (!/\s[/|]\s/.test(line)) return;
    const t = listLine(line);
    if (t === line) return;
    out ??= [...reads];
    out[i] = t;
  });
  return out ?? reads;
}

/**
 * The pieces of a line between slashes set apart by spaces, outside brackets ("pH 7,31 / pCO2 33 / pO2 82"); one
 * piece, the line, when there is none. A ward note's list between slashes is read as one between bars: beside two
 * pieces the catalogue names, an abbreviation with its bare value ("pO2 82", "BE -8,9", h1671) is a result.
 */
export function piecesBetweenSlashes(t: string): string[] {
  if (!/\s\/\s/.test(t)) return [t.trim()];
  const outside = t.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  const cuts = matchesOf(/\s\/\s/g, outside).map((m) => m.index ?? 0);
  return [0, ...cuts.map((at) => at + 3)].map((from, i) => t.slice(from, i < cuts.length ? cuts[i] : undefined).trim());
}

// The headings of a SOAP note's sections before its plan: "S:", "O:", "A:" (or spelled out).
const SOAP_HEADING = /^\s*(?:S|O|A|HDA|subjetivo|objetivo|avalia[cç][aã]o|impress[aã]o)\s*:/iu;
// The plan's heading: "P:", "Plano:", "Conduta:", "CD:".
const PLAN_HEADING = /^\s*(?:P|plano|conduta|CD)\s*:/iu;

/**
 * The lines of a progress note's plan, from its "P:" heading (after two of the note's other headings, "S:", "O:",
 * "A:") to the next blank line (h1686, h1671): its numbers are orders and targets ("Restrição hídrica 1.000 mL/dia",
 * "Hb alvo > 7,0", "se K > 5,5 → solução polarizante"), no result. Empty when the text is no such note.
 */
export function planLines(reads: readonly string[]): Set<number> {
  const plan = new Set<number>();
  let headings = 0;
  let inPlan = false;
  reads.forEach((r, i) => {
    if (inPlan && r.trim() === '') inPlan = false;
    else if (!inPlan && headings >= 2 && PLAN_HEADING.test(r)) inPlan = true;
    else if (!inPlan && SOAP_HEADING.test(r)) headings++;
    if (inPlan) plan.add(i);
  });
  return plan;
}
