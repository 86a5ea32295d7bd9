// A report read aloud and transcribed (a patient's voice message to the doctor): results are sentences
// of speech, several a line ("VCM 78, o normal tá de 80 a 100. E o RDW tá 15,9 e a referência é 11,5 a
// 14,5."), the value after a verb of reading ("deu", "tá", "é", "ficou"), a decimal comma said as a
// word ("18 vírgula 5"), a name's qualifier said after a pause ("Vitamina D, 25 hidroxi, deu 18,5").
// Read as printed, the first sentence's name takes in the words before it and the other results on the
// line are lost. So such a line is read as the results it says, one after another as on a line of
// several results (";" between them): each sentence that says a value starts a result, its opening
// words ("E o", "Aí") dropped and its verb of reading made the colon after the name; a sentence that
// only says a reference ("O valor de referência é de 12 a 15,5") stays with the result before it, and
// one with no number ("Aí vem o hemograma") or saying the patient's data is no text of a result. The line keeps its printed text
// for unparsed_lines.

import { isAdminLine } from './lines.ts';

// The verb that puts a dictated value after its name ("Hemoglobina deu 11,6", "o LDL tá escrito 120").
const READING_VERB = /\s*,?\s+(?:deu|t[aá]|est[aá]|ficou|veio|é)(?:\s+(?:escrito|marcando|em|de))?\s+(?=[<>]?\s*\d)/iu;
// Words a speaker opens a sentence with before the name ("E o", "Aí a", "Então o", "E teve").
const OPENING = /^(?:(?:e|a[ií]|ent[aã]o|agora|depois|teve)\s+)*(?:(?:o|a|os|as)\s+)?/iu;
// A sentence that says a reference, not a result: its first number comes after a reference word.
const REFERENCE_FIRST = /^[^\d]*\b(?:refer[eê]ncia|normal|desej[aá]vel|ideal|valor(?:es)?\s+de\s+refer[eê]ncia)\b[^\d]*\d/iu;
const SPOKEN_DECIMAL = /(\d)\s+v[ií]rgula\s+(\d)/giu;
// A sentence ends after a word, a number or a percent ("Saturação 7%, referência 20 a 50%. Vitamina B12
// 389"), not after an abbreviation ("Dr.", "Av.").
const SENTENCE_END = /(?<=(?:\p{Ll}{2,}|\d|%)[.?!]+)\s+(?=\p{Lu})/u;
// A sentence of one spoken word that says no result ("Continuando.", "Pronto."): a pause of speech, not a
// list's number ("3.") nor an abbreviation ("Obs.").
const SPOKEN_PAUSE = /^\p{L}{5,}[.?!]*$/u;
// Words of speech, not of a printed report: a verb of reading, a reference said as a sentence.
const SPEECH = /\b(?:deu|t[aá]|ent[aã]o|a[ií]|refer[eê]ncia\s+(?:é\s+)?de|o\s+normal|desej[aá]vel)\s/iu;

/**
 * Whether a line is speech saying results: prose (no colon, no table gaps or bars) in the words of
 * speech, one sentence at least saying a value (or all saying the patient's data).
 */
function isDictated(line: string): boolean {
  const t = line.trim();
  if (/\s{2,}|[\t|;:]/.test(t) || t.length < 15 || !SPEECH.test(t)) return false;
  const sentences = t.replace(SPOKEN_DECIMAL, '$1,$2').split(SENTENCE_END);
  // One sentence alone is speech when it says its value after a verb of reading or with its decimal comma as a word.
  if (sentences.length === 1) return READING_VERB.test(sentences[0]!) || new RegExp(SPOKEN_DECIMAL.source, 'iu').test(t);
  // A list's number ("3. Colesterol total") or a lone word opens no sentence: speech has two words or more a sentence.
  if (sentences.length < 2 || sentences.some((s) => (s.match(/\p{L}{2,}/gu) ?? []).length < 2 && !SPOKEN_PAUSE.test(s.trim()))) return false;
  const saying = sentences.filter((s) => /\d/.test(s) && !isAdminLine(s));
  // Sentences saying only the patient's or the lab's data are the spoken header of such a message.
  if (saying.length === 0) return sentences.some((s) => /\d/.test(s));
  return saying.some((s) => READING_VERB.test(s) || SPEECH.test(s));
}

function asResult(sentence: string): string {
  let s = sentence
    .trim()
    .replace(/[.?!]$/, '')
    .replace(OPENING, '');
  const verb = READING_VERB.exec(s);
  if (verb) {
    // A qualifier said after a pause is the name's ("Vitamina D, 25 hidroxi" → "Vitamina D (25-hidroxi)").
    const name = s.slice(0, verb.index).replace(/,\s*(\d+)\s+(\p{L}+)\s*$/u, ' ($1-$2)');
    s = `${name}: ${s.slice(verb.index + verb[0].length)}`;
  }
  return s;
}

/** The lines of a transcribed dictation as the results they say; any other line as it is. */
export function dictatedAsResults(raws: string[]): string[] {
  let out: string[] | undefined;
  raws.forEach((raw, i) => {
    if (!isDictated(raw)) return;
    const parts: string[] = [];
    for (const sentence of raw.trim().replace(SPOKEN_DECIMAL, '$1,$2').split(SENTENCE_END)) {
      // A sentence with no number, or one saying the lab's, the patient's or the sample's data, says no result.
      if (!/\d/.test(sentence) || isAdminLine(sentence)) continue;
      if (REFERENCE_FIRST.test(sentence) && parts.length > 0) parts[parts.length - 1] += `, ${sentence.trim().replace(/[.?!]$/, '')}`;
      else parts.push(asResult(sentence));
    }
    out ??= [...raws];
    out[i] = parts.join('; ');
  });
  return out ?? raws;
}
