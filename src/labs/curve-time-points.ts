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
