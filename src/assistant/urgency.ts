// Urgent symptoms in pt-BR user text: the deterministic layer (fast, offline, always on). When it
// fires the assistant answers with the fixed answer for the category (answers.ts), whatever a model
// would have said: these are situations where the right answer is "get help now".
//
// Pipeline: normalise (normalise.ts: accents, stretched letters, WhatsApp abbreviations, misspelt
// lexicon words) → mask idioms and food names (context.ts) → every rule of the lexicon
// (lexicon.ts), each occurrence checked against its context: negated in its clause, an information
// question, or a past/treated event drops that occurrence. When in doubt the alarm stays.
//
// The result names rules and categories only, never the user's words, so it can be logged.
import { clauseAt, habitual, informational, mask, negated, pastOrTreated, sentenceAt } from './context.ts';
import { RULES, PROTECTED_WORDS, URGENCY_CATEGORIES, type Rule, type RulePart, type UrgencyCategory } from './lexicon.ts';
import { normalise, Speller } from './normalise.ts';
import { primaryCategory } from './answers.ts';

export { URGENCY_CATEGORIES, type UrgencyCategory } from './lexicon.ts';
export { URGENT_ANSWER, urgentAnswer } from './answers.ts';

export interface UrgencyResult {
  urgent: boolean;
  /** Every category found, most pressing first (the order the answer uses). */
  categories: UrgencyCategory[];
  /** The category the answer leads with; null when calm. */
  category: UrgencyCategory | null;
  /** Ids of the rules that fired ("cardiac.chest_pain"): safe to log, carries none of the user's text. */
  matched: string[];
}

/** Lexicon words the speller may repair toward, and stems ("desmai…") whose words it leaves alone. */
function vocabulary(rules: readonly Rule[]): { words: Set<string>; stems: string[] } {
  const words = new Set<string>();
  const stems = new Set<string>();
  for (const rule of rules) {
    for (const part of rule.parts) {
      // Lookarounds ("queim(?!acao)") are conditions, not words.
      const src = part.re.source.replace(/\(\?<?[!=][^)]*\)/g, '');
      for (const m of src.matchAll(/([a-z]{3,})(\\w\*|\[([a-z]+)\](s\?)?|s\?|\?)?/g)) {
        const [, w, suffix, cls, plural] = m as unknown as [string, string, string | undefined, string | undefined, string | undefined];
        if (!suffix) words.add(w);
        else if (suffix === '\\w*') stems.add(w);
        else if (cls)
          for (const c of cls) {
            words.add(w + c);
            if (plural) words.add(`${w}${c}s`);
          }
        else if (suffix === 's?') {
          words.add(w);
          words.add(`${w}s`);
        } else if (suffix === '?') {
          words.add(w);
          words.add(w.slice(0, -1));
        }
      }
    }
  }
  return { words, stems: [...stems] };
}

const VOCAB = vocabulary(RULES);
const SPELLER = new Speller(VOCAB.words, PROTECTED_WORDS, VOCAB.stems);

/**
 * Bounds on the work per message. Every occurrence of a rule looks at its sentence, so a run-on
 * "sentence" of 60 000 characters made detection quadratic (90 s measured on a repeated-symptom
 * message): sentences are cut at a clause break or a space every MAX_SENTENCE characters, and only
 * the head and tail of a very long message are read (an emergency is rarely in the middle of an
 * 8 000-character message, and the gateway already caps bodies).
 */
export const MAX_SENTENCE = 320;
export const MAX_CHARS = 8_000;

function boundSentences(text: string): string {
  return text.replace(/[^.!?\n]{321,}/g, (run) => {
    const out: string[] = [];
    let rest = run;
    while (rest.length > MAX_SENTENCE) {
      const window = rest.slice(0, MAX_SENTENCE);
      let cut = Math.max(window.lastIndexOf(','), window.lastIndexOf(';'));
      if (cut < MAX_SENTENCE / 2) cut = window.lastIndexOf(' ');
      if (cut <= 0) cut = MAX_SENTENCE;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    out.push(rest);
    return out.join('\n');
  });
}

/** The text as the rules read it (exported for the bench and tests: no user text leaves the process). */
export function prepare(text: string): string {
  const bounded = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS / 2)}\n${text.slice(-MAX_CHARS / 2)}` : text;
  return boundSentences(mask(normalise(bounded, SPELLER)));
}

interface Occurrence {
  index: number;
  end: number;
  sentence: number;
}

/** `all`: every surviving occurrence (sentence-scoped rules); otherwise the first one is enough. */
function survivingOccurrences(part: RulePart, text: string, rule: Rule, first: boolean, all: boolean): Occurrence[] {
  const out: Occurrence[] = [];
  const re = new RegExp(part.re.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (part.when && !part.when(m, text)) continue;
    const s = sentenceAt(text, m.index);
    const sentence = text.slice(s.start, s.end);
    const c = clauseAt(text, m.index, m.index + m[0].length);
    const clause = text.slice(c.start, c.end);
    if (negated(text.slice(c.start, m.index))) continue;
    if (informational(sentence)) continue;
    if (pastOrTreated(clause, sentence)) continue;
    if (rule.category !== 'suicide' && rule.category !== 'violence' && habitual(sentence)) continue;
    if (first && rule.unless && rule.unless.test(sentence)) continue;
    out.push({ index: m.index, end: m.index + m[0].length, sentence: s.start });
    if (!all) break;
  }
  return out;
}

function fires(rule: Rule, text: string): boolean {
  const found = rule.parts.map((p, i) => survivingOccurrences(p, text, rule, i === 0, rule.scope === 'sentence'));
  if (found.some((f) => f.length === 0)) return false;
  if (rule.scope !== 'sentence') return true;
  // Every part in one sentence.
  return found[0]!.some((o) => found.every((f) => f.some((x) => x.sentence === o.sentence)));
}

export function detectUrgency(text: string): UrgencyResult {
  const prepared = prepare(text);
  const categories = new Set<UrgencyCategory>();
  const matched: string[] = [];
  for (const rule of RULES) {
    if (fires(rule, prepared)) {
      categories.add(rule.category);
      matched.push(rule.id);
    }
  }
  const ordered = URGENCY_CATEGORIES.filter((c) => categories.has(c));
  const primary = primaryCategory(ordered);
  const sorted = primary ? [primary, ...ordered.filter((c) => c !== primary)] : [];
  return { urgent: sorted.length > 0, categories: sorted, category: primary, matched };
}
