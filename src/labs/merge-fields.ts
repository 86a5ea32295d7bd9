// A report a word processor's mail merge fills from a sheet prints each field the sheet left empty as the field's
// name in guillemets ("Glicose ....:  94 mg/dL   «VR_GLICOSE»", "Data de nascimento: «DT_NASC»", "«OBS_GERAL»"),
// and a field the sheet does not have as the word processor's error message ("18,4 ng/mL   Erro! O campo de
// mesclagem VR_25OHD não foi encontrado no registro de cabeçalho da fonte" / "de dados.", h1755). Read as printed,
// the field's name stands where a reference is looked for and the row is no row, its value lost; so does the
// message, whose wrapped lines under it would be taken for the reference's. Neither is the lab's: the field and the
// message (to its full stop, over the lines it wrapped onto in its column, and no further) are blanked, so the row
// reads with no reference, as one printed without. A result's own field left empty ("«RES_FOLATO» ng/mL") blanks to
// no value, and the row stays unread. Each line keeps its printed text for unparsed_lines.

// A merge field's name in guillemets: capitals, digits and underscores.
const FIELD = /«[A-Z][A-Z0-9_]*»/g;
// The word processor's message for a field the data source lacks, in Portuguese or English.
const MERGE_ERROR = /\b(?:Erro!\s+O\s+campo\s+de\s+mesclagem|Error!\s+MergeField)\b/u;

const blank = (s: string) => ' '.repeat(s.length);

// The message's words from where it starts on a line: single spaces apart, up to its full stop (a '.' that ends a
// word) or the gap of a column beside it.
const MESSAGE_PART = /^\S+(?: (?!\s)\S*?)*?(?:\.(?=\s|$)|(?=\s{2,}|\s*$))/u;

/**
 * The line with the message's part from `at` blanked and whether it ended there. Only the message: what the line
 * prints after it, its full stop or in a column beside it, is the report's ("de dados.   Reagente", h1755).
 */
function messageBlanked(l: string, at: number): { text: string; ended: boolean } {
  const part = MESSAGE_PART.exec(l.slice(at))![0];
  return { text: l.slice(0, at) + blank(part) + l.slice(at + part.length), ended: part.endsWith('.') };
}

/** The lines with merge fields and the merge error's message blanked; the same lines when there are none. */
export function mergeFieldsBlanked(lines: string[]): string[] {
  if (!lines.some((l) => l.includes('«') || MERGE_ERROR.test(l))) return lines;
  let out: string[] | undefined;
  const set = (i: number, text: string) => {
    if (text === lines[i]) return;
    out ??= [...lines];
    out[i] = text;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = (out ?? lines)[i]!.replace(FIELD, blank);
    const m = MERGE_ERROR.exec(l);
    if (!m) {
      set(i, l);
      continue;
    }
    let { text, ended } = messageBlanked(l, m.index);
    set(i, text);
    // The message wrapped in its column: each line under it that starts there, up to its full stop.
    while (!ended && i + 1 < lines.length) {
      const next = lines[i + 1]!;
      const at = next.length - next.trimStart().length;
      if (next.trim() === '' || Math.abs(at - m.index) > 2) break;
      ({ text, ended } = messageBlanked(next, at));
      set(++i, text);
    }
  }
  return out ?? lines;
}
