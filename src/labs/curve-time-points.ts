// A tolerance curve typed by hand under its title, each time point on a line with its value and no colon
// ("Curva glicêmica (aquele do líquido doce)" / "jejum 88 (menor que 92)" / "1 hora 182 (menor que 180)", a
// patient typing into a chat). A time point is no analyte the catalogue knows, and "1 hora 182" opens on a number:
// read as printed, neither line is a result. Under the title, the time point is the result's name, as after a colon
// ("Jejum: 88"), which is how a lab prints it. The line keeps its printed text for unparsed_lines.

import { CHAT_STAMP } from './lines.ts';
import { GLUCOSE_LOAD } from './line-kinds.ts';

// A tolerance curve's title, with or without its load ("Curva glicêmica", "TOTG 75 g", "Teste de tolerância à glicose").
const CURVE_TITLE = /(?:^|[\s:])(?:curva\s+glic[eê]mica|totg|teste\s+(?:oral\s+)?de\s+toler[aâ]ncia)(?![\p{L}])/iu;
// A time point, then its value with no colon ("jejum 88", "1 hora 182", "2h 140", "120 min 141").
const TIME_POINT_VALUE = /^(\s*(?:jejum|basal|\d{1,3}\s*(?:h|horas?|min(?:utos)?|'))\s*)(?=\s[<>]?\s*\d)/iu;

/** The lines of a curve typed under its title with a colon after each time point; any other line as it is. */
export function curveTimePointsNamed(raws: string[]): string[] {
  let out: string[] | undefined;
  let under = false;
  raws.forEach((raw, i) => {
    const stamp = CHAT_STAMP.exec(raw);
    const text = stamp ? raw.slice(stamp[0].length) : raw;
    const point = TIME_POINT_VALUE.exec(text);
    // Typed by hand: single spaces, no table's column gaps.
    if (under && point && !stamp && !/\S(?:\s{2,}|\t)\S/.test(text.trim())) {
      out ??= [...raws];
      out[i] = `${point[1]!.trimEnd()}:${text.slice(point[0].length)}`;
      return;
    }
    // The title alone, no value of its own after it (a load's grams are no value).
    under = CURVE_TITLE.test(text) && !/\d/.test(text.replace(GLUCOSE_LOAD, ''));
  });
  return out ?? raws;
}

// A curve's time points typed on one line between slashes, their references the same way on the line under it or
// after them ("jejum 80 / 1 hora 142 / 2 horas 118" / "mg/dL  VR: <92 / <180 / <153", a result cell of an e-SUS
// APS PEC visit's table, h1680). Read as printed, the first value takes the line and the rest are lost, and the
// references' first bound reads as a result named by the unit. Each time point is written again with its colon,
// the unit and its own reference in brackets ("jejum: 80 mg/dL (VR <92)   1 hora: 142 mg/dL (VR <180)   …"), a
// column gap apart, as a lab prints a curve on one line; the reference line's list is blanked, its text kept
// for unparsed_lines. Only with as many references as time points.
const POINT = String.raw`(?:jejum|basal|\d{1,3}\s*(?:h|horas?|min(?:utos)?))\s+[<>]?\d[\d.,]*`;
const SLASHED_POINTS = new RegExp(String.raw`(?<![\p{L}\d])${POINT}(?:\s*\/\s*${POINT})+`, 'iu');
const BOUND = String.raw`(?:[<>≤≥]\s*\d[\d.,]*|\d[\d.,]*\s*(?:a|-|–)\s*\d[\d.,]*|(?:at[eé]|inferior\s+a|menor\s+que)\s+\d[\d.,]*)`;
const SLASHED_REFERENCES = new RegExp(
  String.raw`(?:(mg\/dl|mmol\/l)\s+)?(?:vr|ref(?:er[eê]ncias?)?|valores?\s+de\s+refer[eê]ncia)\.?\s*:?\s*(${BOUND}(?:\s*\/\s*${BOUND})+)`,
  'iu',
);

/** The lines with each curve typed between slashes written again one time point after another; any other line as it is. */
export function slashedTimePointsSpread(raws: string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    const points = SLASHED_POINTS.exec(raw);
    if (!points) continue;
    const after = raw.slice(points.index + points[0].length);
    const unitAfter = /^\s*(mg\/dl|mmol\/l)(?![\p{L}])/iu.exec(after);
    // The references after the points on their line, else on the next line.
    const sameLine = SLASHED_REFERENCES.exec(after);
    const below = sameLine ? undefined : raws[i + 1];
    const refs = sameLine ?? (below !== undefined ? SLASHED_REFERENCES.exec(below) : null);
    const values = points[0].split(/\s*\/\s*/);
    const bounds = refs ? refs[2]!.split(/\s*\/\s*/) : [];
    if (!refs || bounds.length !== values.length) continue;
    const unit = unitAfter?.[1] ?? refs[1] ?? '';
    const written = values
      .map((p, k) => {
        const m = /^(.*?)\s+([<>]?\d[\d.,]*)$/u.exec(p.trim())!;
        return `${m[1]}: ${m[2]}${unit ? ` ${unit}` : ''} (VR ${bounds[k]!.replace(/\s+/g, ' ')})`;
      })
      .join('   ');
    out ??= [...raws];
    // What is left after the points: the unit and the references (in their brackets) written into them.
    const unitEnd = unitAfter?.[0].length ?? 0;
    const rest = sameLine
      ? after.slice(unitEnd, sameLine.index).replace(/\(\s*$/u, '') + after.slice(sameLine.index + sameLine[0].length).replace(/^\s*\)/u, '')
      : after.slice(unitEnd);
    // The curve's title before them on their line ("TOTG 75g: jejum 80 / …") names the panel, no time point.
    const before = raw.slice(0, points.index);
    const lead = CURVE_TITLE.test(before) && /^[^|│┃║]*:\s*$/u.test(before) ? ' '.repeat(before.length) : before;
    out[i] = lead + written + rest;
    if (!sameLine) out[i + 1] = below!.slice(0, refs.index) + ' '.repeat(refs[0].length) + below!.slice(refs.index + refs[0].length);
  }
  return out ?? raws;
}
