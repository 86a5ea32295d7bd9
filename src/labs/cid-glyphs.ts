// A PDF whose body font carries no Unicode map: the text extractor prints each glyph it cannot name as its
// code, "(cid:NNN)", so every accented letter of the page is one ("Triglicer(cid:141)deos", "(cid:99)cido
// (cid:150)rico", "at(cid:136) 40", "intermedi(cid:130)rio", the unit "(cid:181)UI/mL", h1754). Read as
// printed, the names are no names the catalogue knows, a reference's words ("até") no words, and each code,
// eight characters for one letter, pushes the columns after it to the right. The codes are the font's own (two
// fonts give "é" two codes), so no fixed table reads them: each code is one unknown letter, and the letter it
// stands for is found from the words it sits in. A word with one code, the code put as an accented letter, that
// is a word the report's vocabulary holds (a catalogue name's word, a reference's or a report's usual word)
// votes for that letter; a code's case is the case of the letters beside it inside a word ("HEP(cid:99)TICA":
// "Á", so "(cid:99)cido" is "Ácido"). Each code with a letter is put back as that one letter, which puts the
// columns back where the page has them; a code no word vouches for stays as printed. The line keeps its place
// and its printed text for unparsed_lines.
import { foldText } from '../text/fold.ts';
import { matchesOf } from '../text/matches.ts';
import { ANALYTES, KNOWN_NAMES } from './analytes.ts';
import { unitAtStart } from './units.ts';

const CID = /\(cid:(\d+)\)/g;
// A word as printed: letters and glyph codes.
const WORD = /(?:\p{L}|\(cid:\d+\))+/gu;
// The letters a code may stand for: a Portuguese page's accented letters (a plain letter the font maps).
const LETTERS = [...'áàâãéêíóôõúüç'];
// A unit's sign that is no letter of a word ("(cid:181)UI/mL" is "µUI/mL").
const UNIT_SIGNS = ['µ'];

// A report's usual words with their accents, beside the catalogue's names: a reference's words ("até 40",
// "intermediário", "desejável", "pré-diabetes"), a section's and a footer's ("método", "média", "não", "página").
const USUAL_WORDS = [
  'até',
  'não',
  'média',
  'médio',
  'método',
  'referência',
  'referências',
  'desejável',
  'intermediário',
  'limítrofe',
  'ótimo',
  'pré',
  'indeterminado',
  'inferior',
  'superior',
  'página',
  'função',
  'hepática',
  'lipídico',
  'lipídios',
  'bioquímica',
  'hormônio',
  'enzimático',
  'médico',
  'técnico',
  'responsável',
  'emissão',
  'convênio',
  'validação',
  'análises',
  'clínicas',
  'laboratório',
  'início',
  'término',
  'coleta',
];

// Every word of the vocabulary, lower case: the catalogue's display names keep their accents ("Ácido úrico"),
// its synonyms are folded ("acido urico"), so a folded word only says the letter's base.
const ACCENTED = new Set<string>();
const FOLDED = new Set<string>();
for (const text of [...USUAL_WORDS, ...[...ANALYTES, ...KNOWN_NAMES].flatMap((d) => [d.name, ...d.synonyms])]) {
  for (const [w] of matchesOf(/\p{L}{2,}/gu, text)) {
    ACCENTED.add(w.toLowerCase());
    FOLDED.add(foldText(w));
  }
}

type Votes = Map<string, number>;

function vote(votes: Map<string, Votes>, code: string, letter: string, weight: number): void {
  const v = votes.get(code) ?? new Map<string, number>();
  v.set(letter, (v.get(letter) ?? 0) + weight);
  votes.set(code, v);
}

/** The letter each glyph code of the lines stands for, as the words it is in vouch for it. */
function lettersOfCodes(raws: string[]): Map<string, string> {
  const votes = new Map<string, Votes>();
  const upper = new Map<string, number>();
  for (const line of raws) {
    if (!line.includes('(cid:')) continue;
    for (const [token] of matchesOf(/\S+/g, line)) {
      // A unit's sign: the token read whole as a unit with it.
      const codes = matchesOf(CID, token);
      if (codes.length === 1) {
        const c = codes[0]!;
        for (const sign of UNIT_SIGNS) {
          const unit = token.replace(c[0], sign);
          if (unitAtStart(unit)?.consumed === unit.length) vote(votes, c[1]!, sign, 2);
        }
      }
    }
    for (const [word] of matchesOf(WORD, line)) {
      const parts = word.split(/(\(cid:\d+\))/).filter((p) => p !== '');
      parts.forEach((p, i) => {
        const code = /^\(cid:(\d+)\)$/.exec(p)?.[1];
        if (!code) return;
        // The case of the letters beside it, inside the word; a word's first letter is a capital before small ones
        // ("(cid:99)cido"), so there only a capital after it says.
        const after = parts[i + 1]?.slice(0, 1);
        const near = [parts[i - 1]?.slice(-1), i === 0 && after && after !== after.toUpperCase() ? undefined : after].filter(
          (l): l is string => !!l && /\p{L}/u.test(l),
        );
        for (const l of near) upper.set(code, (upper.get(code) ?? 0) + (l === l.toUpperCase() ? 1 : -1));
      });
      // A word with two codes ("FUN(cid:104)(cid:100)O") is tried with each pair of letters.
      const codes = [...new Set(matchesOf(CID, word).map((m) => m[1]!))];
      if (codes.length === 0 || codes.length > 2) continue;
      const pairs = codes.length === 1 ? LETTERS.map((l) => [l]) : LETTERS.flatMap((a) => LETTERS.map((b) => [a, b]));
      for (const pair of pairs) {
        const w = word.replace(CID, (_, code: string) => pair[codes.indexOf(code)]!).toLowerCase();
        const weight = ACCENTED.has(w) ? 2 : FOLDED.has(foldText(w)) ? 1 / 8 : 0;
        if (weight > 0) codes.forEach((code, i) => vote(votes, code, pair[i]!, weight));
      }
    }
  }
  const letters = new Map<string, string>();
  for (const [code, v] of votes) {
    const best = [...v].sort((a, b) => b[1] - a[1]);
    // A code only a folded word vouches for, its accents all alike, is the first accent of its base (á, é, í).
    const letter = best[0]![0];
    letters.set(code, (upper.get(code) ?? 0) > 0 && LETTERS.includes(letter) ? letter.toUpperCase() : letter);
  }
  return letters;
}

/** The lines with each glyph code a word vouches for put back as its letter; the same lines when none is. */
export function cidGlyphsRead(raws: string[]): string[] {
  if (!raws.some((r) => r.includes('(cid:'))) return raws;
  const letters = lettersOfCodes(raws);
  if (letters.size === 0) return raws;
  return raws.map((r) => (r.includes('(cid:') ? r.replace(CID, (m, code: string) => letters.get(code) ?? m) : r));
}
