// Word results printed as codes a legend explains ("LEGENDA DOS CÓDIGOS: NR = Não reagente | R = Reagente |
// NEG = Negativo", over rows "VDRL   NR   NR   floculação", "Toxoplasmose IgG   R   NR   ELFA"). A bare "R" or
// "NR" in a cell is no word the reader knows for a result, so the row went unread, and with no number on it
// nothing listed it either. So, before anything is read, each cell printed as exactly a code the legend gives a
// result word for is written as that word ("Reagente", "Não reagente"), the legend's own lines left empty (they
// hold meanings, no result); after reading, a row's value is printed again as the code the report shows,
// its flag the words' (R against NR is "alterado"). A code whose meaning is no result word ("NE = Não
// executado") is left as printed: its row stays unread and listed. Only a text with such a legend and at least
// one cell printed as one of its codes is touched.
import { qualitativeAtStart } from './reference.ts';
import type { LabParseResult } from './result.ts';
import { matchesOf } from '../text/matches.ts';

// One legend entry: a code in capitals (with a sign: "POS+"), "=", its meaning up to the next entry's separator.
const ENTRY = /([A-Z]{1,4}[+-]?)\s*=\s*([^|;=]*?\p{L}[^|;=]*?)(?=\s*(?:[|;]|$)|\s{2,}[A-Z]{1,4}[+-]?\s*=)/gu;
// What may open a legend's first line ("LEGENDA DOS CÓDIGOS:", "Legenda:", "Códigos:").
const LEGEND_LEAD = /^\s*(?:legendas?|c[oó]digos?)(?:\s+d[oa]s?\s+\p{L}+)?\s*:\s*/iu;

interface Legend {
  codes: Map<string, string>;
  lines: number[];
}

/** The entries of a line that is all legend entries (after a lead), or undefined. */
function entriesOf(raw: string, led: boolean): Array<[string, string]> | undefined {
  const lead = LEGEND_LEAD.exec(raw);
  if (!led && !lead) return undefined;
  const body = lead ? raw.slice(lead[0].length) : raw;
  const entries: Array<[string, string]> = [];
  let rest = body;
  for (const m of matchesOf(ENTRY, body)) {
    entries.push([m[1]!, m[2]!.trim()]);
    rest = rest.replace(m[0], '');
  }
  // Nothing but entries and their separators on the line.
  if (entries.length === 0 || /[\p{L}\d]/u.test(rest)) return undefined;
  return entries;
}

function legendOf(raws: readonly string[]): Legend | undefined {
  for (let i = 0; i < raws.length; i++) {
    const first = entriesOf(raws[i]!, false);
    if (!first) continue;
    const codes = new Map<string, string>();
    const lines = [i];
    const add = (es: Array<[string, string]>) => {
      for (const [code, meaning] of es) if (!codes.has(code)) codes.set(code, meaning);
    };
    add(first);
    // Its entries may go on on the lines right under it, indented or not.
    for (let k = i + 1; k < raws.length; k++) {
      const more = entriesOf(raws[k]!, true);
      if (!more) break;
      add(more);
      lines.push(k);
    }
    return codes.size >= 2 ? { codes, lines } : undefined;
  }
  return undefined;
}

/** Whether a meaning is a word result as the reader reads one, whole ("Não reagente", "Negativo"). */
function isResultWord(meaning: string): boolean {
  const q = qualitativeAtStart(meaning);
  return q !== undefined && q.text.length === meaning.trim().length;
}

const CODE_CELL = /^[A-Z]{1,4}[+-]?$/;

export interface WrittenCodes {
  lines: string[];
  /** Per line, the meanings written for the codes it prints (meaning → code). */
  written: Map<number, Map<string, string>>;
}

/** The report's lines with each cell printed as a result code written as its meaning, or undefined. */
export function resultCodesWritten(raws: readonly string[]): WrittenCodes | undefined {
  const legend = legendOf(raws);
  if (!legend) return undefined;
  const words = new Map([...legend.codes].filter(([, m]) => isResultWord(m)));
  if (words.size === 0) return undefined;
  const legendLines = new Set(legend.lines);
  const written = new Map<number, Map<string, string>>();
  const lines = raws.map((raw, i) => {
    if (legendLines.has(i)) return '';
    const cells = matchesOf(/\S+(?:\s\S+)*/g, raw);
    if (cells.length < 2) return raw;
    let out = raw;
    const write = (at: number, code: string) => {
      const meaning = words.get(code);
      if (meaning === undefined) return;
      let m = written.get(i);
      if (!m) written.set(i, (m = new Map()));
      m.set(meaning.toLowerCase(), code);
      out = `${out.slice(0, at)}${meaning}${out.slice(at + code.length)}`;
    };
    // Right to left, so a cell written longer moves none still to write.
    for (let c = cells.length - 1; c >= 1; c--) if (CODE_CELL.test(cells[c]![0])) write(cells[c]!.index!, cells[c]![0]);
    // A name longer than its column runs into the result's, one space before the code ("Pesquisa de
    // anticorpos irregulares (Coombs ind.) NEG   NEG"): the code ends the name's cell.
    const runOn = / ([A-Z]{1,4}[+-]?)$/.exec(cells[0]![0]);
    if (runOn && /\p{L}{3}/u.test(cells[0]![0].slice(0, runOn.index))) write(cells[0]!.index! + runOn.index + 1, runOn[1]!);
    return out;
  });
  return written.size > 0 ? { lines, written } : undefined;
}

/** A result read from the written lines, its values printed again as the codes the report shows. */
export function withPrintedCodes(result: LabParseResult, codes: WrittenCodes, printed: readonly string[]): LabParseResult {
  const qualitative = result.qualitative.map((q) => {
    const code = codes.written.get(q.line)?.get(q.value.trim().toLowerCase());
    return code === undefined ? q : { ...q, value: code };
  });
  const listed = new Map(codes.lines.map((l, i) => [l, printed[i]!] as const));
  const unparsed_lines = result.unparsed_lines.map((l) => listed.get(l) ?? l);
  return { ...result, qualitative, unparsed_lines };
}

/**
 * The cells each line prints as a code the legend gives a result word for (line → code and where it stands).
 * The accounting pass reads the lines as printed, the codes unwritten: a lone "NR" is no word it knows, so a
 * coded row whose result was lost went unlisted. Its code cells are result words to it, as their meanings are.
 */
export function resultCodeCells(raws: readonly string[]): Map<number, Array<{ code: string; meaning: string; at: number }>> {
  const out = new Map<number, Array<{ code: string; meaning: string; at: number }>>();
  const coded = resultCodesWritten(raws);
  if (!coded) return out;
  for (const [i, written] of coded.written) {
    const codes = new Map([...written].map(([meaning, code]) => [code, meaning]));
    const raw = raws[i]!;
    const cells: Array<{ code: string; meaning: string; at: number }> = [];
    // A code is a cell of its own (a column gap or the line's end around it), or ends a name that ran into it.
    for (const m of matchesOf(/(?<=^|\s)([A-Z]{1,4}[+-]?)(?=\s{2,}|\s*$)/g, raw)) {
      const meaning = codes.get(m[1]!);
      if (meaning !== undefined) cells.push({ code: m[1]!, meaning, at: m.index! });
    }
    if (cells.length > 0) out.set(i, cells);
  }
  return out;
}
