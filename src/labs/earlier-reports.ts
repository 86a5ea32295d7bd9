// Two reports of one patient pasted in one message ("segue o exame que fiz agora e embaixo o de maio pra
// comparar"), each under its own header with its collection date. The results carry no date: read as
// printed, the same analyte would stand twice, the earlier sample as if it were current. The earlier
// report's result for an analyte the newest report also holds is that analyte's previous result, set
// aside as a previous-result column's cell is (accounted, not listed); a result only the earlier report
// holds is still read.
import { foldSameLength, lookupName } from './analytes.ts';
import { qualitativeReference } from './reference.ts';
import type { ParsedAnalyte, QualitativeAnalyte } from './result.ts';

// A collection date after its label ("Coleta: 10/11/2026 07:20", "Data da coleta: 16/11/2026",
// "Colhido em 12/05/2026"). A previous result's own date ("Coleta anterior: …") is no report's.
const COLLECTED =
  /(?<![\p{L}])(?:data\s+d[ae]\s+coleta|coleta|colhid[oa]|coletad[oa])(?![\p{L}])(?!\s+anterior)[^\d\n]{0,25}?(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d)/iu;

function collectedOn(text: string): number | undefined {
  if (/anterior/i.test(text)) return undefined;
  const m = COLLECTED.exec(text);
  if (!m) return undefined;
  let y = Number(m[3]);
  if (y < 100) y += y > 50 ? 1900 : 2000;
  const d = Date.UTC(y, Number(m[2]) - 1, Number(m[1]));
  return Number.isNaN(d) ? undefined : d;
}

const DATE_AFTER_NAME = /\s+\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*$/u;
const nameKey = (name: string) => foldSameLength(name).replace(/[^a-z0-9%]+/g, '');

// A heading alone on its line that announces the patient's earlier results ("Histórico - resultados anteriores
// do cidadão", "RESULTADOS ANTERIORES", "Exames anteriores"), a health record's section after the current
// exams: one cell, no digit (a column header's "Anterior" cell sits beside others).
const EARLIER_SECTION = /^(?:hist[oó]rico\b[^\d]*|(?:[^\d]*\s)?(?:resultados|exames)\s+anteriores\b[^\d]*)$/iu;

/** The same analyte: the same catalogue key, or the same name when the catalogue has none. */
function sameAnalyteAs(current: ReadonlyArray<ParsedAnalyte | QualitativeAnalyte>) {
  const keys = new Set(current.flatMap((c) => (c.key === null ? [] : [c.key])));
  const names = new Set(current.filter((c) => c.key === null).map((c) => nameKey(c.name)));
  return (a: ParsedAnalyte | QualitativeAnalyte) => {
    if (a.key !== null) return keys.has(a.key);
    // A history row dates its sample after the name ("Hemoglobina glicada 14/05/2026: 8,1 %"): the date is no
    // part of the analyte's name.
    const undated = a.name.replace(DATE_AFTER_NAME, '');
    const key = undated !== a.name ? lookupName(undated)?.key : undefined;
    return key !== undefined ? keys.has(key) : names.has(nameKey(undated));
  };
}

/**
 * Whether each collection date is printed in one run of lines, the reports one after another. One report whose
 * exams each print their own collection date (a public lab's GAL printout: "Coleta: 26/05/2025" over the first
 * sputum smear and the serologies, "Coleta: 27/05/2025" over the second smear between them, h1526) returns to a
 * date it left: it is one report, its results each current, not an earlier report pasted under a newer one.
 */
function eachDateOneRun(dated: ReadonlyArray<{ on: number }>): boolean {
  const left = new Set<number>();
  for (let k = 1; k < dated.length; k++) {
    if (dated[k]!.on === dated[k - 1]!.on) continue;
    left.add(dated[k - 1]!.on);
    if (left.has(dated[k]!.on)) return false;
  }
  return true;
}

/**
 * The results without an earlier report's results of the analytes the newest report holds too. A
 * result's report is the one whose collection date is the nearest printed above it; with fewer than two
 * dates there is one report and nothing changes. Results under a heading of earlier results, of analytes
 * read above it, are earlier samples' too (each dated in its row, as the current ones above may be).
 * Such a row prints one result, its date's: a line under the heading that made two results or more set
 * aside holds what no row of the section prints ("… 11/11/2024   9,1 % ; Sódio 131,9"), and is returned in
 * `listed` to be shown, not dropped in silence.
 */
export function withoutEarlierReports(
  analytes: ParsedAnalyte[],
  qualitative: QualitativeAnalyte[],
  texts: readonly string[],
): { analytes: ParsedAnalyte[]; qualitative: QualitativeAnalyte[]; listed: number[] } {
  // A heading opens in a capital and ends on no full stop: a comment's sentence wrapped onto a line of its own
  // ("… Correlacionar com" / "histórico de tratamento.", h1728) heads nothing.
  const section = texts.findIndex((t) => EARLIER_SECTION.test(t.trim()) && !/\S\s{3,}\S/.test(t.trim()) && !/^\p{Ll}|\p{L}\.$/u.test(t.trim()));
  const listed: number[] = [];
  if (section >= 0) {
    const all: Array<ParsedAnalyte | QualitativeAnalyte> = [...analytes, ...qualitative];
    const held = sameAnalyteAs(all.filter((a) => a.line < section));
    const earlier = (a: ParsedAnalyte | QualitativeAnalyte) => a.line > section && held(a);
    const setAside = all.filter(earlier).map((a) => a.line);
    listed.push(...new Set(setAside.filter((l, k) => setAside.indexOf(l) !== k)));
    // Nor does such a row print a word reference: a word the reader joined to a result set aside as its
    // reference ("… 8,1 %   Reagente") would be shown nowhere, so its line is listed.
    for (const a of all)
      if (earlier(a) && typeof a.value === 'number' && qualitativeReference(a.reference_text ?? '') !== undefined && !listed.includes(a.line))
        listed.push(a.line);
    analytes = analytes.filter((a) => !earlier(a));
    qualitative = qualitative.filter((a) => !earlier(a));
  }
  const dated: Array<{ line: number; on: number }> = [];
  texts.forEach((t, i) => {
    const on = collectedOn(t);
    if (on !== undefined) dated.push({ line: i, on });
  });
  if (new Set(dated.map((d) => d.on)).size < 2 || !eachDateOneRun(dated)) return { analytes, qualitative, listed };
  const newest = Math.max(...dated.map((d) => d.on));
  // The collection date printed nearest above each line.
  const dateAt: Array<number | undefined> = [];
  let k = 0;
  let on: number | undefined;
  for (let i = 0; i < texts.length; i++) {
    while (k < dated.length && dated[k]!.line <= i) on = dated[k++]!.on;
    dateAt.push(on);
  }
  const all: Array<ParsedAnalyte | QualitativeAnalyte> = [...analytes, ...qualitative];
  const current = all.filter((a) => dateAt[a.line] === newest);
  const held = sameAnalyteAs(current);
  const earlier = (a: ParsedAnalyte | QualitativeAnalyte) => {
    const at = dateAt[a.line];
    return at !== undefined && at < newest && held(a);
  };
  return { analytes: analytes.filter((a) => !earlier(a)), qualitative: qualitative.filter((a) => !earlier(a)), listed };
}
