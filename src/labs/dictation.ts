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

import { CHAT_STAMP, isAdminLine, isChatConversation } from './lines.ts';
import { spokenAsPrinted, spokenNumbers } from './spoken-numbers.ts';
import { matchesOf } from '../text/matches.ts';

// The verb that puts a dictated value after its name ("Hemoglobina deu 11,6", "o LDL tá escrito 120"), maybe
// after a relative "que" ("só os leucócitos que veio 12.000").
const READING_VERB = /\s*,?\s+(?:que\s+)?(?:deu|t[aá]|est[aá]|ficou|veio|é)(?:\s+(?:escrito|marcando|em|de))?\s+(?=[<>]?\s*\d)/iu;
// Words a speaker opens a sentence with before the name ("E o", "Aí a", "Então o", "E teve", "Só os").
const OPENING_WORDS = String.raw`(?:e|a[ií]|ent[aã]o|agora|depois|teve|s[oó]|tamb[eé]m|mas)`;
const OPENING = new RegExp(String.raw`^(?:${OPENING_WORDS}\s+)*(?:(?:o|a|os|as)\s+)?`, 'iu');
// A clause before the name, after its comma, the name opening with its article ("Ah esqueci, a ferritina deu
// 212", "A urina deu tudo normal, só os leucócitos que veio 12.000"): the words before are no part of the name.
const CLAUSE_BEFORE_NAME = new RegExp(String.raw`^.*,\s+(?=(?:${OPENING_WORDS}\s+)*(?:o|a|os|as)\s+\p{L})`, 'iu');
// "e", maybe with an article, after a value and before another name: a second result said in the same
// sentence ("a ferritina deu 212 e o ferro 96").
const AND_NEXT = /\s+e\s+(?=(?:(?:o|a|os|as)\s+)?\p{L})/giu;
// A bound said before a number ("menor que 50", "acima de 20", "até 5,6"): no value of a result.
const SAID_BOUND = /^[^\d]*\b(?:(?:menor|maior|inferior|superior)\s+(?:que|a)|acima\s+de|abaixo\s+de|at[eé])\s+\d/iu;
// Where a said reference opens: its bound's words before its first number.
const BOUND_SAID = /(?<![\p{L}])(?:acima\s+de|abaixo\s+de|(?:menor|maior)\s+que|at[eé]|de)\s+[<>]?\d/iu;
// Where in the report the speaker is, said before the name ("No hemograma, a hemoglobina 15,4"): no part of it.
const PLACE_BEFORE = /^(?:(?:e|a[ií]|agora|ent[aã]o)\s+)?(?:n[oa]s?|d[oa]s?)\s+[^,\d]{3,40},\s+(?=(?:o|a|os|as)\s+\p{L})/iu;
// A remark said between the name and its verb, after a pause ("E os triglicérides, esse aqui que eu fiquei
// preocupado, deu 223"): opening on a pronoun, it is the speaker's, no part of the name.
const REMARK_AFTER_NAME = /,\s+(?:ess[ea]s?|est[ea]s?|aquel[ea]s?|isso|isto|que|eu|ele|ela)\s.*$/iu;
// A sentence that says a reference, not a result: its first number comes after a reference word.
const REFERENCE_FIRST = /^[^\d]*\b(?:refer[eê]ncia|normal|desej[aá]vel|ideal|valor(?:es)?\s+de\s+refer[eê]ncia)\b[^\d]*\d/iu;
// The words a reference is said with ("o normal tá de 80 a 100", "a referência é 12 a 16").
const REFERENCE_WORD = /^(?:refer[eê]ncia|normal|desej[aá]vel|ideal|valor(?:es)?\s+de\s+refer[eê]ncia)\b/iu;
// A reference said of every result before it, by a plural pronoun ("…, a referência dessas ficou na outra página").
const SHARED_REFERENCE_NOTE = /,\s+((?:a|as)\s+refer[eê]ncias?\s+(?:dess[ae]s|del[ae]s|de\s+(?:todos|todas|ambos|ambas))\b[^\d]*)$/iu;
const SPOKEN_DECIMAL = /(\d)\s+v[ií]rgula\s+(\d)/giu;
// A sentence ends after a word, a number or a percent ("Saturação 7%, referência 20 a 50%. Vitamina B12
// 389"), not after an abbreviation ("Dr.", "Av.").
// So does a unit said after the value ("A creatinina 0,9 mg/dL. O ácido úrico 7,8").
const SENTENCE_END = /(?<=(?:\p{Ll}{2,}|\d|%|\d\s*\p{L}+\/\p{L}+)[.?!]+)\s+(?=\p{Lu})/u;
// A sentence of one spoken word that says no result ("Continuando.", "Pronto."): a pause of speech, not a
// list's number ("3.") nor an abbreviation ("Obs.").
const SPOKEN_PAUSE = /^\p{L}{5,}[.?!]*$/u;
// Words of speech, not of a printed report: a verb of reading, a reference said as a sentence.
const SPEECH = /\b(?:deu|t[aá]|ent[aã]o|a[ií]|refer[eê]ncia\s+(?:é\s+)?de|o\s+normal|desej[aá]vel)\s/iu;

const SPOKEN_DECIMAL_ANYWHERE = new RegExp(SPOKEN_DECIMAL.source, 'iu');

/**
 * Whether a line is speech saying results: prose (no colon, no table gaps or bars) in the words of
 * speech, one sentence at least saying a value (or all saying the patient's data).
 */
function isDictated(line: string, inWords: boolean): boolean {
  const t = line.trim();
  // A number said in words is speech's: no report prints one so ("A ureia vinte e oito. O sódio cento e trinta").
  // A colon said before words ("tem umas metas: baixo risco menor que 130") is speech's list, no label's.
  if (/\s{2,}|[\t|;]|:(?!\s+\p{L})/u.test(t) || t.length < 15 || !(SPEECH.test(t) || inWords)) return false;
  const sentences = t.replace(SPOKEN_DECIMAL, '$1,$2').split(SENTENCE_END);
  // One sentence alone is speech when it says its value after a verb of reading or with its decimal comma as a word.
  if (sentences.length === 1) return READING_VERB.test(sentences[0]!) || SPOKEN_DECIMAL_ANYWHERE.test(t) || inWords;
  // A list's number ("3. Colesterol total") or a lone word opens no sentence: speech has two words or more a
  // sentence, an article one of them ("O HDL 45.").
  if (sentences.length < 2 || sentences.some((s) => (s.match(/\p{L}+/gu) ?? []).length < 2 && !SPOKEN_PAUSE.test(s.trim()))) return false;
  const saying = sentences.filter((s) => /\d/.test(s) && !isAdminLine(s));
  // Sentences saying only the patient's or the lab's data are the spoken header of such a message.
  if (saying.length === 0) return sentences.some((s) => /\d/.test(s));
  return inWords || saying.some((s) => READING_VERB.test(s) || SPEECH.test(s));
}

function asResult(sentence: string): string {
  let s = sentence
    .trim()
    .replace(/[.?!]$/, '')
    .replace(PLACE_BEFORE, '')
    .replace(OPENING, '');
  const verb = READING_VERB.exec(s);
  if (verb) {
    // A qualifier said after a pause is the name's ("Vitamina D, 25 hidroxi" → "Vitamina D (25-hidroxi)").
    const said = s
      .slice(0, verb.index)
      .replace(REMARK_AFTER_NAME, '')
      .replace(/,\s*(\d+)\s+(\p{L}+)\s*$/u, ' ($1-$2)');
    // Not when the words after the comma say a reference ("VCM 78, o normal tá de 80 a 100"): the value
    // before the comma is the result, and the sentence is read whole.
    const cut = said.replace(CLAUSE_BEFORE_NAME, '').replace(OPENING, '');
    const name = REFERENCE_WORD.test(cut) ? said : cut;
    s = `${name}: ${s.slice(verb.index + verb[0].length)}`;
  }
  return withoutRemarkBeforeBound(s);
}

/**
 * A remark said between the value and its reference ("15,4, tá dentro, de 13,5 a 17,5", "19, e ali diz que é
 * acima de 20"): words with no reference word in them are the speaker's, and kept they hide the bound.
 */
function withoutRemarkBeforeBound(result: string): string {
  const after = /\d(?:%|\s+mil\b)?,\s+/u.exec(result);
  if (!after) return result;
  const from = after.index + after[0].length;
  const tail = result.slice(from);
  const bound = BOUND_SAID.exec(tail);
  if (!bound || bound.index === 0) return result;
  const words = tail.slice(0, bound.index);
  if (/\d/.test(words) || /\b(?:refer[eê]ncia|normal|desej[aá]vel|ideal|valor|meta)/iu.test(words)) return result;
  return result.slice(0, from) + tail.slice(bound.index);
}

/**
 * A sentence cut before each "e" that goes on to another name and a value of its own ("a ferritina deu 212 e o
 * ferro 96"), after a value, outside brackets: each piece says one result. A piece with no number ("e nitrito
 * negativo") stays with the one before it, left to the line's reading.
 */
function saidResults(sentence: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of matchesOf(AND_NEXT, sentence)) {
    const at = m.index ?? 0;
    const before = sentence.slice(from, at);
    const after = sentence.slice(at + m[0].length).split(AND_NEXT)[0]!;
    const open = (before.match(/\(/g) ?? []).length !== (before.match(/\)/g) ?? []).length;
    // A name's digits glued to its letters ("o T4 livre 1,3", "a B12 389") are no value.
    const named = after.replace(OPENING, '').replace(/(?<=\p{L})\d+(?![.,]\d)/gu, '');
    // Nor is a bound said after "e" ("alto risco menor que 70 e muito alto risco menor que 50", "19, e ali diz que
    // é acima de 20"): a reference or a goal, the result's before it.
    if (open || !/\d/.test(before) || !/^\p{L}[^\d()]*?\s[<>]?\d/u.test(named) || (SAID_BOUND.test(named) && !REFERENCE_FIRST.test(after))) continue;
    out.push(before);
    from = at + m[0].length;
  }
  out.push(sentence.slice(from));
  return out;
}

/** The lines of a transcribed dictation as the results they say; any other line as it is. */
export function dictatedAsResults(raws: string[]): string[] {
  let out: string[] | undefined;
  raws.forEach((raw, i) => {
    // A chat message's stamp and sender ("[14/05/2025 08:09] Ana: a ferritina deu 212"): the message after
    // them is what is said; one in conversation (a question, sentences) is left as printed (lines.ts).
    const stamp = CHAT_STAMP.exec(raw);
    // Numbers said in words ("deu noventa e oito", "cinco vírgula quatro por cento") are read as their digits,
    // and the quotes a transcript opens and closes the message with are no part of its first and last result.
    const printed = stamp ? raw.slice(stamp[0].length) : raw;
    const said = spokenAsPrinted(printed)
      .trim()
      .replace(/^["“«]\s*|\s*["”»]$/gu, '');
    const inWords = spokenNumbers(printed).some((n) => !n.weak);
    if ((stamp && isChatConversation(said)) || !isDictated(said, inWords)) return;
    const parts: string[] = [];
    for (const sentence of said.trim().replace(SPOKEN_DECIMAL, '$1,$2').split(SENTENCE_END)) {
      // A sentence with no number, or one saying the lab's, the patient's or the sample's data, says no result.
      // Its opening words are speech's, not a label's: "Os" is no service order (OS), "No hemograma," no number (Nº).
      if (!/\d/.test(sentence) || isAdminLine(sentence.trim().replace(PLACE_BEFORE, '').replace(OPENING, ''))) continue;
      // A note closing the sentence about the references of all its results ("…, a referência dessas ficou
      // na outra página"): each result's, not the last one's alone.
      const shared = SHARED_REFERENCE_NOTE.exec(sentence);
      const from = parts.length;
      for (const piece of saidResults(shared ? sentence.slice(0, shared.index) : sentence)) {
        if (REFERENCE_FIRST.test(piece) && parts.length > 0) parts[parts.length - 1] += `, ${piece.trim().replace(/[.?!]$/, '')}`;
        else parts.push(asResult(piece));
      }
      if (shared) for (let p = from; p < parts.length; p++) parts[p] += `, ${shared[1]!.trim()}`;
    }
    // A chat message names each result in a few words: a longer name, or one with a pictograph, is the
    // typist's conversation about a value ("tá baixinha né a hemoglobina 😕 mas melhor que a do ano passado
    // que deu 10,4"), left as printed.
    const nameOf = (part: string) => part.split(':')[0]!.trim();
    if (stamp && parts.some((p) => nameOf(p).split(/\s+/).length > 4 || /\p{Extended_Pictographic}/u.test(nameOf(p)))) return;
    out ??= [...raws];
    out[i] = `${stamp?.[0] ?? ''}${parts.join('; ')}`;
  });
  return out ?? raws;
}
