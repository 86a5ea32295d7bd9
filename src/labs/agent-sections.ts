// A serology section titled by the agent it tests for ("SOROLOGIA / IMUNOLOGIA - DENGUE", "TOXOPLASMOSE") prints
// its rows under names that say only what each one detects ("Antígeno NS1 (imunocromatografia)", "Anticorpos IgM",
// "IgG"): read alone, such a name is no analyte, the same words under another section another one. Each such row
// is the agent's, named with it ("Dengue - Antígeno NS1 (imunocromatografia)").
import { foldSameLength, lookupName, type AnalyteDef, type KnownName } from './analytes.ts';

// Agents whose tests a lab prints by class or antigen under the agent's title. Folded (no accents, lower case).
const AGENT =
  /^(?:dengue|chikungunya|zika|oropouche|mayaro|febre\s+amarela|toxoplasm(?:ose|a(?:\s+gondii)?)|rubeola|sarampo|caxumba|varicela(?:[\s-]+zoster)?|citomegalovirus|cmv|herpes(?:\s+simples)?|epstein[\s-]+barr|mononucleose|parvovirus(?:\s+b19)?|leptospirose|chagas|doenca\s+de\s+chagas|trypanosoma\s+cruzi|leishmaniose(?:\s+visceral)?|hantavirus|brucelose|mycoplasma(?:\s+pneumoniae)?|clamidia|chlamydia(?:\s+trachomatis)?|covid[\s-]*19|sars[\s-]*cov[\s-]*2|influenza|esquistossomose|cisticercose|toxocariase|helicobacter\s+pylori|h\.?\s*pylori)$/;
const fold = (s: string) => foldSameLength(s).replace(/\s+/g, ' ').trim();

/** The agent a section's title names in its last part ("SOROLOGIA / IMUNOLOGIA - DENGUE" → "Dengue"). */
export function agentOfTitle(title: string): string | undefined {
  const parts = title.split(/\s+[-–—/|]\s+|\s*:\s*/).filter((p) => p.trim() !== '');
  const last = parts[parts.length - 1]?.replace(/\s*\([^()]*\)\s*$/, '').trim() ?? '';
  if (!AGENT.test(fold(last))) return undefined;
  return last === last.toUpperCase() ? `${last[0]}${last.slice(1).toLowerCase()}` : last;
}

// What a row names when it names only what it detects: an antibody class or classes, an antigen by its code
// ("NS1", "p24"), with "Anticorpos"/"Antígeno" and a method in brackets around them.
const CLASS_ONLY =
  /^(?:(?:anticorpos?|ac\.?|anti)\s*[-\s]?\s*)?(?:(?:ig[agme])(?:\s*(?:e|\/|,)\s*ig[agme])*(?:\s+(?:total|totais))?|(?:anticorpos?|ac\.?)\s+totais|(?:antigeno|ag\.?)\s+(?:ns1|p24))(?:\s*\([^()]*\))?$/;

/** Whether a row's name names only what it detects ("Anticorpos IgM (imunocromatografia)", "Antígeno NS1"). */
export function namesOnlyWhatDetected(name: string): boolean {
  return CLASS_ONLY.test(fold(name));
}

/** A row named only by what it detects, named with its section's agent; the catalogue's analyte by the agent and class. */
export function agentRowName(agent: string, name: string): { name: string; def: AnalyteDef | KnownName | undefined } {
  const detected = fold(name)
    .replace(/\s*\([^()]*\)$/, '')
    .match(/ig[agme]|ns1|p24/g);
  const key = detected?.length === 1 ? `${agent} ${detected[0]!.replace(/^ig/, 'Ig').replace(/^ns1$/, 'NS1')}` : undefined;
  const named = `${agent} - ${name}`;
  return { name: named, def: (key ? lookupName(key) : undefined) ?? lookupName(named) };
}
