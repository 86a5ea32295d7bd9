// A LACEN's GAL print names a molecular exam by its discipline and the agent ("Exame: Biologia Molecular - Dengue
// (DENV 1-4)"), the technique on the block's method line under it ("Metodologia: RT-PCR em tempo real (ZDC - …)",
// h1706); other GAL prints put both in the name ("Exame: Zika, Biologia Molecular (RT-PCR)"). The discipline is the
// lab's section, the same for every molecular block; what tells the result from the same agent's serology above it
// ("Dengue, IgM") is the technique. So a molecular exam's name that says no technique takes the one its method line
// opens with, in GAL's own order: the agent, the discipline, the technique in brackets ("Dengue (DENV 1-4), Biologia
// Molecular (RT-PCR)"). A name that already says one, or a method line that opens with none, is left as printed.

// The molecular discipline as a name prints it.
const DISCIPLINE = String.raw`biologia\s+molecular`;
// The discipline before the agent ("Biologia Molecular - Dengue (DENV 1-4)"), or after it ("Dengue, Biologia Molecular").
const DISCIPLINE_FIRST = new RegExp(String.raw`^(${DISCIPLINE})\s*[-–—:]\s*(\S.*)$`, 'iu');
const DISCIPLINE_LAST = new RegExp(String.raw`^(\S.*?)\s*[,;–—-]\s*(${DISCIPLINE})$`, 'iu');
// A nucleic-acid amplification technique as a method line names it first: "RT-PCR", "RT-qPCR", "qPCR", "PCR",
// "RT-LAMP", "LAMP", "NAAT", "TMA", spelled with a space or no hyphen at times ("RT PCR", "RTqPCR").
const TECHNIQUE = /^(?:rt[\s-]?)?(?:q|n)?pcr(?![\p{L}\d])|^(?:rt[\s-]?)?lamp(?![\p{L}\d])|^(?:naat|tma)(?![\p{L}\d])/iu;
// A technique named anywhere in the exam's name already.
const NAMES_TECHNIQUE = /(?<![\p{L}\d])(?:(?:rt[\s-]?)?(?:q|n)?pcr|(?:rt[\s-]?)?lamp|naat|tma)(?![\p{L}\d])/iu;

/**
 * The molecular exam's name with the technique its method line (`method`, the text after "Metodologia:") opens
 * with, or undefined when the name is no molecular exam's, already says a technique, or the method opens with none.
 */
export function nameWithTechnique(name: string, method: string): string | undefined {
  const technique = TECHNIQUE.exec(method.trim());
  if (!technique || NAMES_TECHNIQUE.test(name)) return undefined;
  const first = DISCIPLINE_FIRST.exec(name.trim());
  const last = first ? null : DISCIPLINE_LAST.exec(name.trim());
  const agent = first?.[2] ?? last?.[1];
  const discipline = first?.[1] ?? last?.[2];
  if (!agent || !discipline) return undefined;
  return `${agent}, ${discipline} (${technique[0]
    .toUpperCase()
    .replace(/\s/g, '-')
    .replace(/Q(?=PCR)/, 'q')})`;
}
