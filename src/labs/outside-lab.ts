// Sections of a report that say their rows are not the laboratory's: a family's spreadsheet with a block of
// measurements taken at home ("--- em casa (não é do lab) ---": weight, blood pressure, a glucometer's
// mean), a health app's export whose ruled sections hold the watch's and the connected scale's readings
// around the one section of imported lab exams ("════ ATIVIDADE ════" … "════ EXAMES LABORATORIAIS ════").
// Their rows are no results of the report; a value read there is listed (unparsed_lines), never dropped in
// silence, as the patient's weight in a header is.
import { RULED_TITLE } from './lines.ts';

// A title that says its rows were measured outside the lab: at home, by a device the patient wears or owns.
const OUTSIDE_LAB_TITLE =
  /(?<![\p{L}])(?:n[aã]o\s+(?:[eé]|s[aã]o)\s+d[oa]s?\s+lab(?:orat[oó]rio)?|em\s+casa|domiciliar(?:es)?|caseir[oa]s|rel[oó]gio|smartwatch|balan[cç]a|glicos[ií]metro)(?![\p{L}])/iu;
// A title that says its rows are the laboratory's exams ("EXAMES LABORATORIAIS", "Exames de laboratório").
const LAB_TITLE = /(?<![\p{L}])(?:laboratori(?:al|ais)|(?:exames?|resultados?)\s+(?:de\s+|do\s+)?laborat[oó]rio)(?![\p{L}])/iu;

/**
 * The indexes of the lines under a ruled section title that are not the lab's: a title that says so, or, when
 * one ruled title announces the lab's exams, every other ruled section (an app's own readings). A section
 * runs to the next ruled title or the end of the text.
 */
export function outsideLabSections(texts: readonly string[]): Set<number> {
  const titles = texts.flatMap((t, i) => {
    const m = RULED_TITLE.exec(t.trimEnd());
    return m ? [{ at: i, title: m[2]! }] : [];
  });
  const labTitled = titles.some((t) => LAB_TITLE.test(t.title) && !OUTSIDE_LAB_TITLE.test(t.title));
  const out = new Set<number>();
  titles.forEach((t, k) => {
    const outside = OUTSIDE_LAB_TITLE.test(t.title) || (labTitled && !LAB_TITLE.test(t.title));
    if (!outside) return;
    const end = k + 1 < titles.length ? titles[k + 1]!.at : texts.length;
    for (let i = t.at + 1; i < end; i++) out.add(i);
  });
  return out;
}
