// A page of result blocks printed in two columns and extracted line by line (a regional lab's PDF):
//
//   GLICOSE - Plasma fluoretado              TSH - Soro
//   Método: Enzimático                       Método: Eletroquimioluminescência
//   Resultado: 97 mg/dL                      Resultado: 6,84 µUI/mL
//   VR: 70 a 99 mg/dL                        VR: 0,27 a 4,20 µUI/mL
//   Pré-diabetes: 5,7 a 6,4 %
//   Diabetes: 6,5 % ou mais                  25-HIDROXIVITAMINA D - Soro
//
// or dot-leader results, each with its reference indented under it ("COLESTEROL TOTAL .... 214 mg/dL" /
// "  Ref.: desejável < 190 mg/dL"), the same way.
//
// Each line joins a piece of a block on the left to a piece of another block on the right, and once a
// block of one column runs longer (a reference over several lines), the two columns fall out of step:
// a title or a "Resultado:" of one side sits on the reference line of the other. Read line by line,
// no block holds together. The page is recognised by lines where the same block label ("Resultado:",
// "Método:", "VR:") starts both halves, the second at the right column; the region of such lines is
// then read column by column (every left half, then every right half) as a report of its own, and
// what is read is mapped back to the report's lines: a result's line is the printed line it is on, an
// unread half is listed as its whole printed line.
//
// Rows of two tables on a page in two columns the same way (a PDF extracted with its layout kept): each
// line joins a row of the left table to a row of the right one ("RDW   12,8 %   (11,5 a 14,5)   Colesterol
// total 176 mg/dL   (desejável < 190)"), and a reference or a formula that goes on under a row of one side
// sits beside a row of the other. Recognised by lines whose right half, at the same column on at least
// three of them, opens with a name the catalogue knows followed by its value, the left half being a row
// of its own; read column by column the same way.
import { matchAnalyteName } from './analytes.ts';
import { RULED_BORDER } from './columns.ts';
import { secondTableAt } from './page-columns.ts';
import { isReferenceLabel } from './reference.ts';
import type { LabParseResult } from './result.ts';
import { matchesOf } from '../text/matches.ts';

// A label may lead to its colon with dots ("Resultado .............: 139 mEq/L").
const LABEL = /^(resultado|m[ée]todo|material|vr|v\.r\.|valor(?:es)?\s+de\s+refer[eê]ncia|ref(?:er[eê]ncia)?\.?)\s*(?:\.{2,}\s*)?:/iu;
/** How far a half may start from the right column's usual start: PDF text drifts by a few characters. */
const DRIFT = 8;

/**
 * Where the right half starts when a block label starts both halves of the line: the same label, or
 * (`any`) any two, which a single block also prints side by side ("Material: Soro   Método: Enzimático")
 * and so counts only where lines of the right column alone confirm the column (see blockColumns).
 */
function twinAt(line: string, margin: number, any = false): number | undefined {
  const left = LABEL.exec(line.trimStart());
  // The left label at the page's margin, or indented a little under its result ("  Ref.: 70 a 99 mg/dL");
  // the margin is the page's own, a PDF's text often starts a few spaces in.
  if (!left || line.length - line.trimStart().length - margin >= 5) return undefined;
  for (const gap of matchesOf(/\s{2,}(?=\S)/g, line)) {
    const at = gap.index! + gap[0].length;
    if (at < 20) continue;
    const right = LABEL.exec(line.slice(at));
    if (right && (any || right[1]!.toLowerCase().replace(/\W/g, '') === left[1]!.toLowerCase().replace(/\W/g, ''))) return at;
  }
  return undefined;
}

/** At least this many lines must hold a row on each side, the right ones at one column. */
const ROW_TWINS = 3;

/** A row's name the catalogue knows, with its value after it (and a method in brackets between: "LDL (Friedewald) 110"). */
function knownRowAt(text: string): boolean {
  const name = matchAnalyteName(text);
  if (!name || isReferenceLabel(text.slice(0, name.consumed))) return false;
  return /^(?:\s*\([^()]*\))?\s*(?:\.{2,}|:)?\s*[<>]?\d/u.test(text.slice(name.consumed));
}

/**
 * A block's title alone, no value: a name the catalogue knows, maybe with its detail after a dash or in brackets,
 * or any words with the block's "Resultado:" label opening the line under it ("Anti-HCV" / "  Resultado: Não reagente").
 */
function blockTitle(text: string, below: string | undefined): boolean {
  const t = text.trim();
  if (/^resultado\b/iu.test(LABEL.exec(below?.trimStart() ?? '')?.[1] ?? '') && /^\p{L}[^:]*$/u.test(t)) return true;
  const name = matchAnalyteName(t);
  return name !== undefined && !isReferenceLabel(t.slice(0, name.consumed)) && !/[\d:]/.test(t.slice(name.consumed));
}

/**
 * Where the right half starts when both halves of the line are rows: a row at the page's margin (a name,
 * then a number) and, after a gap, a name the catalogue knows with its value. Not a row's own reference or
 * previous-result cell, which opens with a number or a range's label.
 */
function rowTwinAt(line: string, margin: number, below?: string): number | undefined {
  if (line.length - line.trimStart().length - margin >= 2 || !/^\s*\p{L}/u.test(line)) return undefined;
  for (const gap of matchesOf(/\s{2,}(?=\S)/g, line)) {
    const at = gap.index! + gap[0].length;
    // The left half a row too, or the title of a block whose result is on the lines under it ("HBsAg" / "  Resultado:
    // Não reagente", serologies beside a blood count's dot-leader rows, h1971): a name the catalogue knows, whole.
    if (at < 20 || !(/\d/.test(line.slice(0, gap.index)) || blockTitle(line.slice(0, gap.index), below))) continue;
    if (knownRowAt(line.slice(at))) return at;
  }
  return undefined;
}

/** A line's halves at the right column (`at`): cut at the gap whose end lies nearest it. */
function halves(line: string, at: number): [string, string] {
  const start = line.length - line.trimStart().length;
  if (line.trim() === '') return ['', ''];
  if (start >= at - DRIFT) return ['', line.trim()];
  let best: number | undefined;
  for (const gap of matchesOf(/\s{2,}(?=\S)/g, line)) {
    const end = gap.index! + gap[0].length;
    if (gap.index === 0) continue;
    // A gap across the whole column start: the right column's cell is indented ("143 mg/dL" under its
    // wrapped name), the left half ends before it.
    if (gap.index! < at - DRIFT && end > at + DRIFT) return [line.slice(0, end).trimEnd(), line.slice(end).trim()];
    if (Math.abs(end - at) > DRIFT) continue;
    if (best === undefined || Math.abs(end - at) < Math.abs(best - at)) best = end;
  }
  if (best !== undefined) return [line.slice(0, best).trimEnd(), line.slice(best).trim()];
  // A bracketed reference that runs up to the column leaves one space before the right half's title
  // ("(150.000 a 450.000) FERRITINA - quimioluminescência"): the bracket ends the left half there.
  for (const word of matchesOf(/\) (?=\S)/g, line)) {
    const end = word.index! + 2;
    if (Math.abs(end - at) <= 2) return [line.slice(0, end).trimEnd(), line.slice(end).trim()];
  }
  return [line.trimEnd(), ''];
}

export interface BlockColumns {
  /** The report with the region read column by column. */
  text: string;
  /** The printed line of each line of `text`. */
  from: number[];
}

/** Lines where the same block label starts both halves, else where any two do and the right column runs alone too. */
function blockTwins(raw: string[], margin: number): Array<{ line: number; at: number }> | undefined {
  const twins: Array<{ line: number; at: number }> = [];
  raw.forEach((l, i) => {
    const at = twinAt(l, margin);
    if (at !== undefined) twins.push({ line: i, at });
  });
  if (twins.length >= 2) return twins;
  // Blocks of the two columns out of step from their first line ("Material: …" beside "Resultado: …"):
  // any two labels side by side, where the right column also runs alone, a block's "Resultado:" at the
  // same column with the left blank (the left column's block ended first). A reference label alone there
  // is one block's reference cell under its result's ("Resultado: 2,84 mg/dL   Valores de referência: …").
  twins.length = 0;
  raw.forEach((l, i) => {
    const at = twinAt(l, margin, true);
    if (at !== undefined) twins.push({ line: i, at });
  });
  const alone = (at: number) =>
    raw.some((l) => {
      const start = l.length - l.trimStart().length;
      return Math.abs(start - at) <= 2 && /^resultado$/i.test(LABEL.exec(l.trimStart())?.[1] ?? '');
    });
  return twins.length >= 2 && twins.every((t) => alone(t.at)) ? twins : undefined;
}

/** Lines whose halves are both rows, the right ones at one column (rowTwinAt), at least ROW_TWINS of them. */
function rowTwins(raw: string[], margin: number): Array<{ line: number; at: number }> | undefined {
  // Tables side by side under a header that repeats its cells are unfolded row by row, their wrapped cells
  // joined (page-columns.ts): not read column by column here.
  if (raw.some((l) => secondTableAt(l) !== undefined)) return undefined;
  const found: Array<{ line: number; at: number }> = [];
  raw.forEach((l, i) => {
    const at = rowTwinAt(l, margin, raw[i + 1]);
    if (at !== undefined) found.push({ line: i, at });
  });
  const mid = found.map((t) => t.at).sort((a, b) => a - b)[Math.floor(found.length / 2)] ?? 0;
  const twins = found.filter((t) => Math.abs(t.at - mid) <= 2);
  return twins.length >= ROW_TWINS ? twins : undefined;
}

/** The report read column by column where its blocks are printed in two columns, else undefined. */
export function blockColumns(raw: string[]): BlockColumns | undefined {
  // A fold, not Math.min(...lines): spread as arguments, a long text's lines overflow the call stack.
  const margin = raw.reduce((m, l) => (l.trim() === '' ? m : Math.min(m, l.length - l.trimStart().length)), Number.POSITIVE_INFINITY);
  const blocks = blockTwins(raw, margin);
  const twins = blocks ?? rowTwins(raw, margin);
  if (!twins) return undefined;
  const rows = blocks === undefined;
  const ats = twins.map((t) => t.at).sort((a, b) => a - b);
  const at = ats[Math.floor(ats.length / 2)]!;
  // The region: from the block titles over the first such line (up to a blank line) to the end of the
  // left column's block under the last line with a right half.
  let first = twins[0]!.line;
  while (first > 0 && raw[first - 1]!.trim() !== '') first--;
  // Rows' tables have their titles side by side above them, a blank line between ("HEMOGRAMA   BIOQUÍMICA" /
  // "Sangue total EDTA   Soro"): lines of words alone, each split at the column, go with their columns.
  if (rows) {
    const above = (k: number) => raw[k]!.trim() !== '' && !/[\d:]/.test(raw[k]!) && halves(raw[k]!, at)[0] !== '' && halves(raw[k]!, at)[1] !== '';
    let k = first - 1;
    while (k >= 0 && raw[k]!.trim() === '') k--;
    let top = k;
    while (top >= 0 && above(top)) top--;
    if (top < k && (top < 0 || raw[top]!.trim() === '')) first = top + 1;
  }
  let last = twins[twins.length - 1]!.line;
  for (let i = last + 1; i < raw.length; i++) {
    // A rule drawn across both columns closes them: the page goes on whole under it (h1971's immunohaematology).
    if (RULED_BORDER.test(raw[i]!) && raw[i]!.trimEnd().length > at) break;
    if (raw[i]!.trim() === '') {
      // A blank line ends the region unless the right column goes on in the lines under it (its block
      // may start a line or two below the left one's).
      const next = raw.slice(i + 1).findIndex((l) => l.trim() !== '');
      if (next < 0) break;
      const end = raw.slice(i + 1 + next).findIndex((l) => l.trim() === '');
      const below = raw.slice(i + 1 + next, end < 0 ? raw.length : i + 1 + next + end);
      if (!below.some((l) => halves(l, at)[1] !== '')) break;
      continue;
    }
    last = i;
  }
  const region = raw.slice(first, last + 1).map((l) => halves(l, at));
  // A blank line between the columns: the left column's last block ends there.
  const lines = [...raw.slice(0, first), ...region.map((h) => h[0]), '', ...region.map((h) => h[1]), ...raw.slice(last + 1)];
  const from = [
    ...raw.slice(0, first).map((_, i) => i),
    ...region.map((_, k) => first + k),
    last,
    ...region.map((_, k) => first + k),
    ...raw.slice(last + 1).map((_, k) => last + 1 + k),
  ];
  return { text: lines.join('\n'), from };
}

/** A result read on the column-by-column text, given back in the printed report's lines. */
export function mapBack(r: LabParseResult, columns: BlockColumns, raw: string[]): LabParseResult {
  const lines = columns.text.split('\n');
  const printed = (l: string) => {
    const i = lines.findIndex((x) => x.trim() === l);
    return i < 0 ? undefined : columns.from[i]!;
  };
  const listed = new Map<number, string>();
  const other: string[] = [];
  for (const u of r.unparsed_lines) {
    const i = printed(u);
    if (i === undefined) other.push(u);
    else listed.set(i, raw[i]!.trim());
  }
  return {
    analytes: r.analytes.map((a) => ({ ...a, line: columns.from[a.line] ?? a.line })),
    qualitative: r.qualitative.map((a) => ({ ...a, line: columns.from[a.line] ?? a.line })),
    unparsed_lines: [...[...listed.entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l), ...other.filter((u) => ![...listed.values()].includes(u))].filter(
      (u, k, all) => all.indexOf(u) === k,
    ),
  };
}
