// The "any one analyte lost" check, shared by the corpus property (test/corpus/support/lab-corpus-properties.ts) and
// the unit probes that rewrite its failures: each result the reader made is hidden from the accounting pass in turn,
// and its line must then be listed.
import { accountLines, printedTokens } from '../../src/labs/accounting.ts';
import { cleanLine } from '../../src/labs/lines.ts';
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
    return listed.includes(lines[a.line]!.raw.trim()) ? [] : [`${a.name}=${a.value}`];
  });
  return { read: read.length, unlisted };
}
