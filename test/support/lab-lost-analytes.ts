// The "any one analyte lost" check, shared by the corpus property (test/corpus/support/lab-corpus-properties.ts) and
// the unit probes that rewrite its failures: each result the reader made is hidden from the accounting pass in turn,
// and its line must then be listed.
import { accountLines, printedTokens } from '../../src/labs/accounting.ts';
import { cleanLine } from '../../src/labs/lines.ts';
import { numbersIn } from '../../src/labs/numbers.ts';
import { parseLabReport, type LabParseOptions } from '../../src/labs/parse.ts';

/** The results read from `text` and, of them, those whose line the accounting pass leaves unlisted once the result is lost. */
export function lostAnalytes(text: string, options: LabParseOptions = { today: '2025-06-01' }): { read: number; unlisted: string[] } {
  const r = parseLabReport(text, options);
  const lines = text.split(/\r?\n/).map((raw, index) => ({ index, raw, text: cleanLine(raw, index).text }));
  const read = [...r.analytes, ...r.qualitative];
  // The lines' tokens once for every result hidden: they do not depend on what was read.
  const tokens = printedTokens(lines);
  const unlisted = read.flatMap((a, k) => {
    const listed = accountLines(
      lines,
      read.filter((_, j) => j !== k),
      [],
      tokens,
    );
    // A prose list wrapped after a result's name ("… hemoglobina glicada" / "6,1 % (VR < 5,7).", h1180) is read on the
    // name's line, its value printed on the next: that line, holding the lost number, is the one to list.
    const printedOn = (i: number) => typeof a.value === 'number' && numbersIn(lines[i]?.text ?? '').some((n) => n.values.includes(a.value as number));
    const line = !printedOn(a.line) && printedOn(a.line + 1) ? a.line + 1 : a.line;
    return listed.includes(lines[line]!.raw.trim()) ? [] : [`${a.name}=${a.value}`];
  });
  return { read: read.length, unlisted };
}
