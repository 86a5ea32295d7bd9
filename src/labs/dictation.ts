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
import { foldText } from '../text/fold.ts';
import { matchesOf } from '../text/matches.ts';

// A result said in words, as a finding ("o VDRL não reagente", "a urocultura deu negativa", h1390): said where a
// value is, it is one, and a sentence saying it says a result as one with a number does.
const SAID_FINDING_SOURCE = String.raw`(?:(?:n[aã]o\s+|fracamente\s+)?(?:reagente|reativo|detectad[oa]|detect[aá]vel)|indetect[aá]vel|negativ[oa]|positiv[oa]|numeros[oa]s|rar[oa]s|tra[cç]os)(?![\p{L}])`;
const SAID_FINDING = new RegExp(SAID_FINDING_SOURCE, 'iu');
const SAID_FINDINGS = new RegExp(SAID_FINDING_SOURCE, 'giu');
// Two results or more said in words after their names, maybe after a verb or "também" ("o VDRL não reagente … o
// HIV também não reagente").
const NAMED_FINDING = new RegExp(
  String.raw`(?:^|\s)(?:(?:o|a|os|as)\s+)?\p{L}[\p{L}\d-]*(?:\s+\p{L}[\p{L}\d-]*){0,2}?\s+(?:(?:tamb[eé]m|deu)\s+)?${SAID_FINDING_SOURCE}`,
  'giu',
);
const saysValue = (s: string) => /\d/.test(s) || SAID_FINDING.test(s);
// The verb that puts a dictated value after its name ("Hemoglobina deu 11,6", "o LDL tá escrito 120"), maybe
// after a relative "que" ("só os leucócitos que veio 12.000").
const READING_VERB = new RegExp(
  String.raw`\s*,?\s+(?:que\s+)?(?:deu|deram|t[aá]|est[aá]|ficou|veio|é|(?:subiu|caiu|baixou|desceu|passou|foi)\s+(?:para|pra))(?:\s+(?:escrito|marcando|em|de))?\s+(?=[<>]?\s*\d|${SAID_FINDING_SOURCE})`,
  'iu',
);
// Words a speaker opens a sentence with before the name ("E o", "Aí a", "Então o", "E teve", "Aí tem a", "Só os").
const OPENING_WORDS = String.raw`(?:e|a[ií]|ah|ent[aã]o|agora|depois|teve|tem|s[oó]|tamb[eé]m|mas)`;
// A pause may follow one ("Ah, e a albumina").
const OPENING = new RegExp(String.raw`^(?:${OPENING_WORDS},?\s+)*(?:(?:o|a|os|as)\s+)?`, 'iu');
// A clause before the name, after its comma, the name opening with its article ("Ah esqueci, a ferritina deu
// 212", "A urina deu tudo normal, só os leucócitos que veio 12.000"): the words before are no part of the name.
// So are the words before a pause the transcript writes as an ellipsis ("o exame de urina, deixa eu ver... o nitrito
// deu positivo").
const CLAUSE_BEFORE_NAME = new RegExp(String.raw`^.*(?:,|\.{2,}|…)\s+(?=(?:${OPENING_WORDS}\s+)*(?:o|a|os|as)\s+\p{L})`, 'iu');
// "e", maybe with an article, after a value and before another name: a second result said in the same
// sentence ("a ferritina deu 212 e o ferro 96").
const AND_NEXT = /\s+e\s+(?=(?:(?:o|a|os|as)\s+)?\p{L})/giu;
// A comma after a result's bracketed reference, before the next name ("HDL 41 mg/dL (desejável acima de 40),
// triglicérides 145 mg/dL", a written summary's list, h1569): the next result.
const COMMA_AFTER_BRACKET = /(?<=\))\s*,\s+(?=\p{L})/gu;
// A bound said before a number ("menor que 50", "acima de 20", "até 5,6"): no value of a result.
const SAID_BOUND = /^[^\d]*\b(?:(?:menor|maior|inferior|superior)\s+(?:que|a)|acima\s+de|abaixo\s+de|at[eé])\s+\d/iu;
// Where a said reference opens: its bound's words before its first number.
const BOUND_SAID = /(?<![\p{L}])(?:acima\s+de|abaixo\s+de|(?:menor|maior)\s+que|(?:inferior|superior)\s+a|at[eé]|de)\s+[<>]?\d/iu;
// Where in the report the speaker is, said before the name ("No hemograma, a hemoglobina 15,4"): no part of it.
// The name may follow with no article ("No exame de urina, proteína deu traços", h1658); a sample said in the place
// is the name's, as a printed section's title is (SAMPLE_IN_PLACE).
const PLACE_BEFORE = /^(?:(?:e|a[ií]|agora|ent[aã]o)\s+)?(?:n[oa]s?|d[oa]s?)\s+[^,\d]{3,40},\s+(?=(?:(?:o|a|os|as)\s+)?\p{L})/iu;
const SAMPLE_IN_PLACE = /(?<![\p{L}])(urina|fezes)(?![\p{L}])/iu;
const NAME_SAID_TWICE = /^(\p{L}.*?),\s+\1$/iu;
// A remark said between the name and its verb, after a pause ("E os triglicérides, esse aqui que eu fiquei
// preocupado, deu 223"): opening on a pronoun, it is the speaker's, no part of the name.
const REMARK_AFTER_NAME = /,\s+(?:ess[ea]s?|est[ea]s?|aquel[ea]s?|isso|isto|que|eu|ele|ela)\s.*$/iu;
// The speaker reading what the paper says beside the value, the reference ("e ali diz de 150 mil a 450 mil", "e vai
// de 150 mil a 450 mil", "e tá
// escrito de 135 a 145", "e lá diz que o normal é negativo", "e tem lá: normal abaixo de 5,7"): a verb of saying
// or writing, maybe after a place, or "tem" and the place; the place may be where on the paper ("e embaixo diz que o
// valor de referência é não reagente").
// … or a table of bounds said to be there ("E embaixo tem uma tabelinha: menos de 50 anos até 450, …").
const SAYS_BESIDE = String.raw`(?:(?:(?:l[aá]|ali|aqui|a[ií]|embaixo|em\s+baixo|do\s+lado|ao\s+lado)\s+)?(?:diz|fala|mostra|vai|(?:t[aá]|est[aá]|tem)\s+escrito)(?:\s+que)?|tem\s+(?:l[aá]|ali|aqui):?|(?:(?:l[aá]|ali|aqui|a[ií]|embaixo|em\s+baixo|do\s+lado|ao\s+lado)\s+)?tem\s+(?:uma\s+)?tabel(?:a|inha)(?:\s+\p{L}+){0,3}:)`;
const SAID_BESIDE_LEAD = new RegExp(
  String.raw`^(?:e\s+)?${SAYS_BESIDE}\s+(?=(?:de|entre|at[eé]|acima\s+de|abaixo\s+de|(?:menor|maior)\s+que|(?:menos|mais)\s+de)\s+[<>]?\d|(?:(?:o|a)\s+)?(?:refer[eê]ncia|normal)\b)`,
  'iu',
);
// A sentence that says a reference, not a result: its first number comes after a reference word, or right after
// such a verb and a range's or a bound's first word.
const REFERENCE_FIRST = new RegExp(
  String.raw`^[^\d]*\b(?:refer[eê]ncia|normal|desej[aá]vel|ideal|alvo|metas?|valor(?:es)?\s+de\s+refer[eê]ncia)\b[^\d]*\d|^\s*(?:e\s+)?${SAYS_BESIDE}\s+(?:de|entre|at[eé]|acima\s+de|abaixo\s+de|(?:menor|maior)\s+que|(?:menos|mais)\s+de)\s+[<>]?\d`,
  'iu',
);
// … or a word reference said of a word result ("e a referência é não reagente").
const WORD_REFERENCE_SAID = new RegExp(
  String.raw`^\s*(?:e\s+)?(?:${SAYS_BESIDE}\s+)?(?:(?:o|a)\s+)?(?:refer[eê]ncia|normal|valor(?:es)?\s+de\s+refer[eê]ncia)\b[^\d]*?${SAID_FINDING_SOURCE}`,
  'iu',
);
const saysReference = (piece: string) => REFERENCE_FIRST.test(piece) || WORD_REFERENCE_SAID.test(piece);
// A value the speaker takes back and says again ("onze ponto... não, onze vírgula quatro", h1390): the first,
// with its unfinished decimal, is no value.
const RETRACTED = /[<>]?\d[\d.,]*(?:\s+(?:ponto|v[ií]rgula))?\s*(?:\.{2,}|…)?\s*,?\s+n[aã]o\s*,\s+(?=[<>]?\d)/giu;
// … or takes back after a pause of talk, and says again after "é" in a sentence of its own ("a glicose deu 113… não,
// espera, deixa eu botar o óculos. É 131", h1568): the words between, with no number, are no part of the result.
const RETRACTED_AFTER_TALK = /[<>]?\d[\d.,]*\s*(?:\.{2,}|…)\s*,?\s*n[aã]o\s*[,.]\s+[^\d]*?[.!?]\s+(?:é|e|foi|era)\s+(?=[<>]?\d)/giu;
// The value said in words and printed again in digits by the transcript as a sentence of its own ("É 131. 131."):
// said once.
const VALUE_SAID_AGAIN = /(?<![\d.,])(\d[\d.,]*\d|\d)([.!?])\s+\1[.!?](?=\s|$)/gu;
// A transcribed voice message's label before what was said ("Transcrição: \"…\"", a chat export's audio).
const TRANSCRIPT_LABEL = /^\s*(?:transcri[cç][aã]o(?:\s+do\s+[aá]udio)?|transcript(?:ion)?)\s*:\s*/iu;
// How many results more the speaker has to say ("Tem mais dois."): a count, no result.
const COUNT_TO_SAY = /^\s*(?:(?:e|a[ií]|agora)\s+)?(?:tem|faltam?|s[aã]o|s[oó])\s+mais\s+\d+(?:\s+\p{L}+)?\s*[.!?]*\s*$/iu;
// A result said right after the value before it, with no "e" and no pause in a transcript with no punctuation
// ("… acima de 11 tá o hematócrito deu 34", "… 11.000 as plaquetas 231 mil", "em jejum deu 96 com 60 minutos
// deu 182", h1390): a value, maybe a filler ("tá", "né"), then an article and a name and a value, or a time of
// a curve and a verb of reading and a value, is the next result.
const BARE_NEXT = new RegExp(String.raw`(?<=\d(?:\s*(?:mil|%))?|${SAID_FINDING_SOURCE})\s+(?:(?:t[aá]|n[eé]|a[ií])\s+)?(?=\p{L})`, 'giu');
const BARE_NEXT_RESULT = new RegExp(
  String.raw`^(?:(?:o|a|os|as)\s+\p{L}[\p{L}\d-]*(?:\s+\p{L}[\p{L}\d-]*){0,3}?(?:\s+(?:que\s+)?(?:deu|deram|ficou|veio|tamb[eé]m))?|(?:com|aos|ap[oó]s)\s+\d{2,3}\s+(?:minutos|min)\s+(?:deu|ficou|veio))\s+(?:[<>]?\d|${SAID_FINDING_SOURCE})`,
  'iu',
);
// The time of a curve said as its name ("com 60 minutos deu 182"): a name, its digits no value.
const TIME_POINT = /(?:(?<=^|\s)(?:com|aos|ap[oó]s)\s+)?\b\d{2,3}\s+(?:minutos|min)\b/giu;
// A remark said inside a name, from a demonstrative to the speaker's "né" ("a curva glicêmica aquela do xarope
// que eu passei mal né em jejum deu 96", h1390): the speaker's words, no part of the name.
const REMARK_TO_TAG = /\s(?:aquel[ea]s?|ess[ea]s?|est[ea]s?)\s.*?\sn[eé](?=\s)/iu;
// A finding said after its name with no verb, maybe after "também" ("o VDRL não reagente", "o HIV também não
// reagente"): where the value starts.
const FINDING_AFTER_NAME = new RegExp(String.raw`\s+(?:tamb[eé]m\s+)?(?=${SAID_FINDING_SOURCE})`, 'iu');
// The speaker's words after a finding, a relative clause ("deu reagente que a senhora já tinha falado …"), or
// "também" closing a reference said like the one before ("referência não reagente também"): no reference of it.
const FINDING_THEN_REMARK = new RegExp(String.raw`(${SAID_FINDING_SOURCE})\s+(?:que\s.*|tamb[eé]m)$`, 'iu');
// The subject said before the name with its own article, in lower case ("o hemograma a hemoglobina deu …", "a
// tireoide o TSH deu 2,9", "as sorologias o VDRL …", h1390): the name is what the last article opens.
// Only words before it, no value, pause or pictograph ("VCM 78, o normal tá de 80 a 100" says a reference; "tá
// baixinha né a hemoglobina 😕 mas melhor que a do ano passado" is conversation), and an article that opens a
// name, not a pronoun's "a do", "o que".
// Not an article after a preposition, inside the name ("a relação do PSA livre com o total", h1658).
const SUBJECT_BEFORE_NAME =
  /^[^\d,\p{Extended_Pictographic}]*(?<!(?:^|[^\p{L}])(?:com|sem|entre|sobre|contra))\s(?=(?:o|a|os|as)\s+(?!(?:d[oa]s?|de|que|qual|mesm[oa]s?|normal|refer[eê]ncia)(?![\p{L}]))\p{L})/u;
// A clause with its own verb said before the name with no comma ("na urina deu tudo negativo só os leucócitos
// que deram 8", h1390): the name is what the last article opens after it.
const CLAUSE_WITH_VERB_BEFORE = /^.*\s(?:deu|deram|t[aá]|ficou|veio)\s.*?\s(?=(?:(?:s[oó]|mas|e)\s+)?(?:o|a|os|as)\s+\p{L})/iu;
const IN_REFERENCE = /(?<![\p{L}])(?:refer[eê]ncia|normal|desej[aá]vel|ideal|alvo|meta)(?![\p{L}]).*\d/iu;
const BOUND_AFTER_NAME = /^\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*){0,2}?\s+(?:de|abaixo\s+de|acima\s+de|(?:menor|maior)\s+que|a\s+partir\s+de|at[eé])\s+\d/iu;
const REFERENCE_WORD_BEFORE = /\d.*(?<![\p{L}])(?:refer[eê]ncia|normal|desej[aá]vel|ideal|alvo|meta)\s*$/iu;
// The words a reference is said with ("o normal tá de 80 a 100", "a referência é 12 a 16").
const REFERENCE_WORD = /^(?:refer[eê]ncia|normal|desej[aá]vel|ideal|valor(?:es)?\s+de\s+refer[eê]ncia)\b/iu;
// A reference said of every result before it, by a plural pronoun ("…, a referência dessas ficou na outra página").
const SHARED_REFERENCE_NOTE = /,\s+((?:a|as)\s+refer[eê]ncias?\s+(?:dess[ae]s|del[ae]s|de\s+(?:todos|todas|ambos|ambas))\b[^\d]*)$/iu;
// A name, a pause, and its value followed by another pause (the rest, its reference maybe, after it).
const NAME_PAUSE_VALUE = /^(\p{L}[^\d]*?),\s+([<>]?\d[\d.,]*?(?:\s*(?:mil|%))?,\s+\D.*)$/u;
// A number of days, years or kilos said in a sentence: the patient's age or weight, or when a result is due.
const SAID_MEASURE_OF_LIFE = /\d+\s+(?:dias?|semanas?|meses|m[eê]s|anos?|quilos?|kg)(?![\p{L}])/giu;
// A number of pills or drops said in a sentence ("Eu tô tomando os 6 comprimidos do metotrexato no domingo"): the
// dose the patient takes, no result.
const SAID_DOSE_COUNT = /\d+\s+(?:comprimidos?|c[aá]psulas?|gotas|ampolas?|sach[eê]s?)(?![\p{L}])/giu;
const EARLIER_RESULT = /(?<![\p{L}])(?:tinha|havia)\s+(?:dado|vindo|ficado)(?![\p{L}])/iu;
// … or in the imperfect after when it was ("Em dezembro tava 1,5, lembra?", h1539's grandson recalling the last
// creatinine): a sentence opening on a month or an earlier exam says what the value was then. A past year or month
// needs no preposition ("ano passado o colesterol deu 210, piorou né", h1654's patient under her new results).
const EARLIER_WHEN =
  /^(?:e\s+|mas\s+)?(?:(?:ano|m[eê]s|semestre)\s+passado(?=[\s,])|(?:em|no|na)\s+(?:janeiro|fevereiro|mar[cç]o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|ano\s+passado|m[eê]s\s+passado|[uú]ltim[oa]\s+exame|exame\s+anterior))\b[^\d]*?\b(?:tava|estava|era|deu|veio|ficou|foi)\s/iu;
const SPOKEN_DECIMAL = /(\d)\s+v[ií]rgula\s+(\d)/giu;
// A sentence ends after a word, a number or a percent ("Saturação 7%, referência 20 a 50%. Vitamina B12
// 389"), not after an abbreviation ("Dr.", "Av.").
// So does a unit said after the value ("A creatinina 0,9 mg/dL. O ácido úrico 7,8").
// So does a bracket or a quote closing the sentence, as a written summary ends one on its reference ("(referência
// 0,70 a 1,30). Em agosto …", h1569).
// So does an acronym said at its end ("… ele não consegue abrir o PDF. Então, a glicose deu 138", h1658): left
// joined, the speaker's talk before it was read as the next result's name.
const SENTENCE_END = /(?<=(?:\p{Ll}{2,}|(?<![\p{L}])\p{Lu}{2,}|\d|%|\d\s*\p{L}+\/\p{L}+|[)"”])[.?!]+)\s+(?=\p{Lu})/u;
// A sentence of one spoken word that says no result ("Continuando.", "Pronto."): a pause of speech, not a
// list's number ("3.") nor an abbreviation ("Obs.").
const SPOKEN_PAUSE = /^\p{L}{5,}[.?!]*$/u;
// Words of speech, not of a printed report: a verb of reading, a reference said as a sentence.
const SPEECH = /\b(?:deu|t[aá]|ent[aã]o|a[ií]|refer[eê]ncia\s+(?:é\s+)?de|o\s+normal|desej[aá]vel)\s/iu;

const WRITTEN_LIST = /\d[^()]*?\([^()]*\d[^()]*\)\s*,\s+.*\)\s+e\s+(?:(?:o|a|os|as)\s+)?\p{L}[^\d()]*?\s\d[^()]*\([^()]*\d[^()]*\)\.?$/u;
const SPOKEN_DECIMAL_ANYWHERE = new RegExp(SPOKEN_DECIMAL.source, 'iu');

/**
 * Whether a line is speech saying results: prose (no colon, no table gaps or bars) in the words of
 * speech, one sentence at least saying a value (or all saying the patient's data).
 */
function isDictated(line: string, said: boolean): boolean {
  const t = line.trim();
  // A written summary's sentence listing results with their references in brackets, the last after "e" ("Sangue:
  // hemoglobina 11,9 g/dL (…), leucócitos 7.900/mm³ (…) e plaquetas 188 mil/mm³ (150 a 450 mil).", h1569): a
  // sentence of prose, read as speech's is; a typed list joins no result with "e".
  const inWords = said || WRITTEN_LIST.test(t);
  // A number said in words is speech's: no report prints one so ("A ureia vinte e oito. O sódio cento e trinta").
  // A colon said before words ("tem umas metas: baixo risco menor que 130") is speech's list, no label's.
  // A number said in words is speech's even in a short line ("Sódio cento e trinta e um.", a speaker's turn).
  // A colon before digits is a typed label's, save on a line that says a number in words: the transcript's colon after
  // a name said before its value ("Creatinina: um vírgula dois miligramas por decilitro. Referência para mulheres: 0,5
  // a 0,9.", h1868), its other numbers the digits a reader's reference is transcribed in.
  if (/\s{2,}|[\t|;]/u.test(t) || (!said && /:(?!\s+\p{L})/u.test(t)) || (t.length < 15 && !said) || !(SPEECH.test(t) || inWords)) return false;
  // A sentence of word results only says them after their names ("o VDRL não reagente e a referência é não
  // reagente o HIV também não reagente"): speech when two or more results follow a verb or an article.
  if (!/\d/.test(t)) return matchesOf(NAMED_FINDING, t).length >= 2 && SPEECH.test(t);
  const sentences = t.replace(SPOKEN_DECIMAL, '$1,$2').split(SENTENCE_END);
  // One sentence alone is speech when it says its value after a verb of reading or with its decimal comma as a word.
  if (sentences.length === 1) return READING_VERB.test(sentences[0]!) || SPOKEN_DECIMAL_ANYWHERE.test(t) || inWords;
  // A list's number ("3. Colesterol total") or a lone word opens no sentence: speech has two words or more a
  // sentence, an article one of them ("O HDL 45.").
  // With its numbers said in words the line is speech whatever its sentences ("Potássio cinco vírgula seis.", "Tem."):
  // no typed list says them so.
  if (sentences.length < 2 || (!said && sentences.some((s) => (s.match(/\p{L}+/gu) ?? []).length < 2 && !SPOKEN_PAUSE.test(s.trim())))) return false;
  const saying = sentences.filter((s) => /\d/.test(s) && !isAdminLine(s));
  // Sentences saying only the patient's or the lab's data are the spoken header of such a message.
  if (saying.length === 0) return sentences.some((s) => /\d/.test(s));
  return inWords || saying.some((s) => READING_VERB.test(s) || SPEECH.test(s));
}

// The sample said after the name ("a albumina no sangue 3,2", "leucócitos na urina 65 mil"): the name's qualifier,
// as a printed one stands in brackets.
const SAMPLE_SAID = /(?<=^\p{L}[^\d,:]*?)\s+(?:n[oa]|d[oa])\s+(sangue|soro|urina|plasma)(?=\s*:?\s+[<>]?\d)/iu;
// The unit remembered after a hesitation, once the reference is read ("inferior a 0,5… ah, a unidade é miligrama por
// decilitro"): said in words, it is left out, and the reference ends at its number.
const UNIT_SAID_AFTER = /(?<=\d)\s*(?:…|\.{2,})?\s*,?\s*(?:ah,?\s+)?(?:e\s+)?a\s+unidade\s+(?:é|e|t[aá])\s+[^\d]+$/iu;
// The speaker's words after a reference's last number, with no number of their own ("de 0,50 a 1,10 e tem uma
// estrelinha do lado"): a remark about the paper, no part of the reference.
const REMARK_AFTER_REFERENCE = /(?<=\d[\d.,]*\s*(?:mil|%)?)\s+e\s+(?:tem|t[aá]|est[aá]|diz|veio)\s[^\d]*$/iu;

// A name of words and a number after a space, no colon yet.
// Not before a number of years, days or kilos ("Vô tem 79 anos"): the patient's, no result.
// A name of three words at most, not ending on a preposition ("depois das 5" is a clock time, said in a sentence).
const NAME_BEFORE_BARE_VALUE =
  /^(\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*){0,2}(?<![\s](?:das?|dos?|de|às?|as|em|com|por|pra|para|que|e)))\s+(?=[<>]?\d(?![\d.,]*\s+(?:dias?|semanas?|meses|anos?|quilos?|kg)(?![\p{L}])))/u;
// The part of the report said before the name with a colon ("Aí a próstata: PSA total 5,8", h1539): a section,
// no part of the name, when a name and its value follow it.
const SECTION_THEN_QUALIFIER = /^(\p{L}+):\s+(total|livre|ionizado|ionico|iônico)(?=\s+[<>]?\d)/iu;
const SECTION_SAID_BEFORE = /^\p{L}+:\s+(?=\p{L}[^\d:]*?\s[<>]?\d)/u;
// After a value (maybe with its percent or "mil"), a pause and words with no digit and no word of a reference.
const TALK_AFTER_VALUE =
  /(?<=\d(?:\s*(?:%|mil))?),\s+(?![^\d]*(?:refer[eê]ncia|normal|desej[aá]vel|ideal|valor|meta|acima|abaixo|menor|maior|inferior|superior|at[eé]\s))[^\d]*$/iu;

// A name said, a pause of talk between ellipses, and the name said again with its value ("ferro... espera que a folha
// virou... ferro 45"): the words before the last pause are no part of the name.
const TALK_BEFORE_NAME_AGAIN = /^[^\d]*(?:…|\.{2,})\s*(?=\p{L}[^\d.…]*\s[<>]?\d)/u;

function asResult(sentence: string): string {
  const place = PLACE_BEFORE.exec(sentence.trim());
  const sample = place ? SAMPLE_IN_PLACE.exec(place[0])?.[1]?.toLowerCase() : undefined;
  const result = resultSaid(sentence);
  // The sample said in the place before the name, as a name said with it in brackets ("proteína (urina)").
  if (!sample || new RegExp(String.raw`^[^:]*${sample}`, 'iu').test(result)) return result;
  return result.replace(/^([^:]+?)\s*:/u, `$1 (${sample}):`);
}

function resultSaid(sentence: string): string {
  let s = sentence
    .trim()
    .replace(/[.?!]$/, '')
    .replace(TALK_BEFORE_NAME_AGAIN, '')
    .replace(PLACE_BEFORE, '')
    .replace(OPENING, '');
  // The name, a pause, the value and another pause ("a creatinina, 1,48, o papel diz que é de 0,50 a 1,10", "o PCR,
  // proteína C reativa, 4,6, …"): the value is the name's, as after a colon, and a verb after it ("é") the
  // reference's, no verb of reading the result. An ellipsis before the name closes the speaker's hesitation.
  // A section's word the name goes on from ("Colesterol: total 156 mg/dL", h1569) is the name's head.
  s = s.replace(SECTION_THEN_QUALIFIER, '$1 $2').replace(SECTION_SAID_BEFORE, '');
  const named = NAME_PAUSE_VALUE.exec(s);
  // A verb after a reference's word reads the reference, not the result ("as plaquetas 210 mil, o normal é de 150 mil
  // a 450 mil", h1568).
  const reading = READING_VERB.exec(s);
  const read = reading && REFERENCE_WORD_BEFORE.test(s.slice(0, reading.index)) ? null : reading;
  const verb = named && (!read || read.index >= named[1]!.length) ? null : (read ?? FINDING_AFTER_NAME.exec(s));
  if (named && !verb) s = `${named[1]!.replace(CLAUSE_BEFORE_NAME, '').replace(OPENING, '')}: ${named[2]}`;
  if (verb) {
    // A qualifier said after a pause is the name's ("Vitamina D, 25 hidroxi" → "Vitamina D (25-hidroxi)").
    const said = s
      .slice(0, verb.index)
      .replace(REMARK_TO_TAG, '')
      .replace(CLAUSE_WITH_VERB_BEFORE, '')
      .replace(SUBJECT_BEFORE_NAME, '')
      .replace(REMARK_AFTER_NAME, '')
      .replace(/,\s*(\d+)\s+(\p{L}+)\s*$/u, ' ($1-$2)');
    // Not when the words after the comma say a reference ("VCM 78, o normal tá de 80 a 100"): the value
    // before the comma is the result, and the sentence is read whole.
    // A name said twice across a pause ("Aí o sódio, sódio deu 131") is said once.
    const cut = said.replace(CLAUSE_BEFORE_NAME, '').replace(OPENING, '').replace(NAME_SAID_TWICE, '$1');
    const name = (REFERENCE_WORD.test(cut) ? said : cut).replace(/^(?:com|aos|ap[oó]s)\s+(?=\d{2,3}\s+(?:minutos|min)\b)/iu, '');
    s = `${name}: ${s.slice(verb.index + verb[0].length)}`.replace(FINDING_THEN_REMARK, '$1');
  }
  // A name and its bare value with no verb ("PSA livre 0,93", said after the results before it): the value is the
  // name's as after a colon, so an unknown name's bare number still reads as the result the speaker says it is.
  if (!named && !verb) s = s.replace(NAME_BEFORE_BARE_VALUE, '$1: ');
  // The speaker's words after the value with no number nor reference word in them ("o TSH deu 2,3, é...
  // (inaudível) ... é isso tia", h1539): talk, no reference of the result.
  s = s.replace(TALK_AFTER_VALUE, '');
  return withoutRemarkBeforeBound(s.replace(SAMPLE_SAID, ' ($1)')).replace(UNIT_SAID_AFTER, '').replace(REMARK_AFTER_REFERENCE, '');
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
  // The speaker's words leading in a list of bounds with a colon ("mas aí tem uma tabelinha de risco: baixo risco
  // abaixo de 130, …", h1568) are hers; the list from the colon on is what the paper prints.
  const colon = /^[^\d:]*:\s+(?=\p{L})/u.exec(words);
  if (colon) return result.slice(0, from) + tail.slice(colon[0].length);
  // Nor words naming a table of goals by risk ("mas aí tem uma tabelinha de risco: baixo risco abaixo de 130"):
  // the bound is one of several, no reference of the result alone.
  if (/\d/.test(words) || /\b(?:refer[eê]ncia|normal|desej[aá]vel|ideal|valor|meta|alvo|risco)/iu.test(words)) return result;
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
  const cuts = [
    ...matchesOf(AND_NEXT, sentence),
    ...matchesOf(COMMA_AFTER_BRACKET, sentence),
    ...matchesOf(BARE_NEXT, sentence).filter((m) => BARE_NEXT_RESULT.test(sentence.slice((m.index ?? 0) + m[0].length))),
  ].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  for (const m of cuts) {
    const at = m.index ?? 0;
    if (at < from) continue;
    const before = sentence.slice(from, at);
    const after = sentence.slice(at + m[0].length).split(AND_NEXT)[0]!;
    const open = (before.match(/\(/g) ?? []).length !== (before.match(/\)/g) ?? []).length;
    // A name's digits glued to its letters ("o T4 livre 1,3", "a B12 389") are no value, nor a curve's time.
    // A finding said where the value is ("e a IgM não reagente") is one.
    const named = after
      .replace(OPENING, '')
      .replace(/(?<=\p{L})\d+(?![.,]\d)/gu, '')
      .replace(TIME_POINT, (t) => t.replace(/\d/g, 'n'))
      .replace(SAID_FINDINGS, '0');
    // Nor is a bound said after "e" ("alto risco menor que 70 e muito alto risco menor que 50", "19, e ali diz que
    // é acima de 20"): a reference or a goal, the result's before it.
    // Inside a reference said after the value, "e" and a word with no article goes on with its bounds ("normal abaixo
    // de 5,7, pré-diabetes de 5,7 a 6,4, e diabetes de 6,5 pra cima", h1568).
    if (IN_REFERENCE.test(before) && BOUND_AFTER_NAME.test(after)) continue;
    if (open || !saysValue(before) || !/^\p{L}[^\d()]*?\s[<>]?\d/u.test(named) || (SAID_BOUND.test(named) && !REFERENCE_FIRST.test(after))) continue;
    out.push(before);
    from = at + m[0].length;
  }
  out.push(sentence.slice(from));
  return out;
}

/**
 * A said reference as it joins its result: after a comma; a word reference said in a sentence ("e a referência da
 * IgM é não reagente") as its word in brackets, which no typed list of word results (a comma's) takes for a result.
 */
const ONLY_BRACKET_NUMBERS = /^[^\d()]*\(([^()]*\d[^()]*)\)[^\d()]*$/u;

function referenceSaid(piece: string): string {
  // The verb the speaker reads the reference with is hers ("e ali diz de 150 mil a 450 mil"): the range is what the
  // paper says, read as a typed reference after its value is (", de 150 mil a 450 mil").
  const said = piece
    .trim()
    .replace(/[.?!]$/, '')
    .replace(SAID_BESIDE_LEAD, '');
  // A sentence about the reference whose every number is in one bracket ("Para o LDL o laudo só traz as metas por
  // risco (baixo risco menor que 130, …), não diz em qual ele se encaixa", h1569): the bracket is what the paper
  // prints, the words around it the writer's.
  const bracket = ONLY_BRACKET_NUMBERS.exec(said);
  if (bracket && REFERENCE_FIRST.test(said)) return `, ${bracket[1]!.trim()}`;
  if (REFERENCE_FIRST.test(said) || !WORD_REFERENCE_SAID.test(said)) return `, ${said}`;
  const words = matchesOf(SAID_FINDINGS, said);
  return ` (referência ${words[words.length - 1]![0]})`;
}

// A reference said of several results at once after the last of them, each bound led by its result's name
// ("… e com 120 minutos deu 141 e a referência tá assim jejum menor que 92 com 60 minutos menor que 180 e com
// 120 minutos menor que 153", a glucose curve dictated, h1390).
const SAID_REFERENCE_AFTER = /,\s+(?:(?:o|a)\s+)?(?:refer[eê]ncia|normal|valor(?:es)?\s+de\s+refer[eê]ncia)\b/iu;
const NAMED_BOUND =
  /(?<![\p{L}\d])((?:\d{2,3}\s+(?:minutos|min)|\p{L}+(?:\s+\p{L}+){0,2}))\s+((?:menor|maior|inferior|superior)\s+(?:que|a)|acima\s+de|abaixo\s+de|at[eé])\s+(\d[\d.,]*)/giu;

/**
 * Each bound of such a reference goes to the result of this line whose name ends with its words (the fewest
 * last words that name one), when two results at least are named so: the last result's part keeps no other
 * reference, and the speaker's words after the bounds ("então acho que deu alterado") are no reference.
 */
function withNamedReferences(parts: string[]): string[] {
  const last = parts[parts.length - 1]!;
  const lead = SAID_REFERENCE_AFTER.exec(last);
  if (!lead || parts.length < 2) return parts;
  const names = parts.map((p) => foldText(p.split(':')[0]!.trim()).toLowerCase());
  const given = new Map<number, string>();
  for (const m of matchesOf(NAMED_BOUND, last.slice(lead.index))) {
    const words = foldText(m[1]!).toLowerCase().split(/\s+/);
    for (let k = 1; k <= words.length; k++) {
      const said = words.slice(words.length - k).join(' ');
      const i = names.findIndex((n) => n === said || n.endsWith(` ${said}`));
      if (i < 0 || given.has(i)) continue;
      given.set(i, `${m[2]} ${m[3]}`);
      break;
    }
  }
  if (given.size < 2) return parts;
  return parts.map((p, i) => {
    const own = i === parts.length - 1 ? p.slice(0, lead.index) : p;
    const bound = given.get(i);
    return bound === undefined ? own : `${own}, ${bound}`;
  });
}

// Bounds said as speech says them, printed as a report prints them (h1568): an open upper band "de 6,5 pra cima" is
// "a partir de 6,5"; a bound for an age said after it ("até 125 pra menos de 75 anos, até 450 pra 75 anos ou mais")
// is the age band's, its label before it as a range table prints it ("menores de 75 anos: até 125").
const UPWARD_SAID = /(?<![\p{L}])de\s+(\d[\d.,]*)\s+(?:pra|para)\s+cima(?![\p{L}])/giu;
const BOUND_FOR_YOUNGER = /(?<![\p{L}])at[eé]\s+(\d[\d.,]*)\s+(?:pra|para)\s+(?:menos\s+de|menores\s+de|abaixo\s+de)\s+(\d{1,3})\s+anos(?![\p{L}])/giu;
const BOUND_FOR_OLDER = /(?<![\p{L}])at[eé]\s+(\d[\d.,]*)\s+(?:pra|para)\s+(?:(?:maiores\s+de|acima\s+de)\s+)?(\d{1,3})\s+anos(\s+ou\s+mais)?(?![\p{L}])/giu;
// The speaker saying the paper prints no reference beside the value ("esse não tem valor de referência no papel, só
// o número", "aí não tem o normal escrito do lado, tá apagado"): no reference, and its words none either.
const NO_REFERENCE_SAID =
  /(?<=\d(?:\s*(?:%|mil))?),\s+(?:(?:ess[ea]|a[ií]|mas|e)\s+)*n[aã]o\s+tem\s+(?:o\s+|a\s+)?(?:valor(?:es)?\s+de\s+refer[eê]ncia|refer[eê]ncia|normal)(?![\p{L}])[^\d]*$/iu;

// The "e" before the last bound of a list said after the value ("alto risco abaixo de 70 e muito alto abaixo de 50"):
// the list's comma.
const AND_LAST_BOUND = /(?<=\d.*\d),?\s+e\s+(?=(?:\p{L}[\p{L}-]*\s+){1,3}(?:abaixo\s+de|acima\s+de|(?:menor|maior)\s+que|at[eé]|a\s+partir\s+de|de)\s+\d)/gu;

// An upper bound the paper prints for the older band alone, said as where it is ("para acima de 75 anos diz \"até
// 1.800 pg/mL\"", h1569): the band's label before it, as a range table prints it.
const OLDER_BAND_SAYS =
  /(?<![\p{L}])(?:para|pra)\s+(?:acima\s+de|maiores\s+de|mais\s+de)\s+(\d{1,3})\s+anos\s+(?:diz|traz|mostra|é)\s+["“]?((?:at[eé]|abaixo\s+de|menor\s+que|inferior\s+a)\s+\d[\d.,]*)(?:\s*[\p{L}µ/]+)?["”]?/iu;

// An age band said before its bound ("menos de 50 anos até 450, de 50 a 75 anos até 900, acima de 75 anos até 1800"):
// its label before the bound with a colon, as a range table prints it.
const BAND_BEFORE_BOUND =
  /(?<![\p{L}])(?:(menos\s+de|abaixo\s+de|menores\s+de)|(acima\s+de|mais\s+de|maiores\s+de)|de)\s+(\d{1,3})(?:\s+a\s+(\d{1,3}))?\s+anos\s+(at[eé]|abaixo\s+de|menor\s+que)\s+(?=\d)/giu;
const bandLabel = (_m: string, younger: string | undefined, older: string | undefined, from: string, to: string | undefined, bound: string) =>
  `${younger ? `menores de ${from}` : older ? `maiores de ${from}` : to ? `${from} a ${to}` : `de ${from}`} anos: ${bound} `;

function boundsAsPrinted(part: string): string {
  return part
    .replace(BAND_BEFORE_BOUND, bandLabel)
    .replace(OLDER_BAND_SAYS, 'maiores de $1 anos: $2')
    .replace(UPWARD_SAID, 'a partir de $1')
    .replace(AND_LAST_BOUND, ', ')
    .replace(NO_REFERENCE_SAID, '')
    .replace(BOUND_FOR_YOUNGER, 'menores de $2 anos: até $1')
    .replace(BOUND_FOR_OLDER, (_, v: string, age: string, more: string | undefined) =>
      more ? `${age} anos ou mais: até ${v}` : `maiores de ${age} anos: até ${v}`,
    );
}

// A value asked back alone ("Cento e vinte e um?", the doctor checking what she heard): the listener's question, no
// result; the line is left as printed.
const ASKED_BACK = /^\s*[<>]?\d[\d.,]*(?:\s*mil)?\s*\?+\s*$/u;
// The reader's answer restating the value asked back, after "não" or "isso" ("Não, não, cento e trinta e um.").
const RESTATED = /^\s*(?:(?:n[aã]o|sim|isso|[eé])[,!.]?\s+)+([<>]?\d+(?:[.,]\d+)*(?:\s*mil)?)\s*[.!]*\s*$/iu;
// A value spelled digit by digit after it is said ("Um, três, um.", to be sure it is heard): said once.
const DIGITS_SPELLED = /^\s*((?:(?:um|uma|\d)\s*,?\s+){1,5}(?:um|uma|\d))\s*[.!]*\s*$/iu;
const spelledDigits = (s: string) =>
  s
    .split(/[\s,]+/)
    .filter((w) => w !== '')
    .map((w) => (/^\d$/.test(w) ? w : '1'))
    .join('');
// The value of a result as the dictation writes it ("Sódio: 131", "Plaquetas: 231 mil").
const PART_VALUE = /:\s*([<>]?\d+(?:[.,]\d+)*(?:\s*mil)?)(?![\d.,]*\d)/u;

// The speaker's word that she read a value wrong before ("o potássio é 4,8, eu li errado antes, é quatro vírgula
// oito", a later voice message, h1658): said after the value, the words from it on are talk; said before, the words
// up to it.
const READ_WRONG = String.raw`(?:eu\s+)?(?:li|falei|disse|passei)\s+errad[oa]|me\s+enganei|errei`;
const READ_WRONG_AFTER = new RegExp(String.raw`(?<=\d(?:\s*(?:%|mil))?)\s*,?\s*(?:${READ_WRONG})(?![\p{L}]).*$`, 'iu');
const READ_WRONG_BEFORE = new RegExp(String.raw`^[^\d]*?(?:${READ_WRONG})(?![\p{L}])[^\d,]*,\s*`, 'iu');
const nameOfPart = (part: string) => foldText(part.split(':')[0]!.trim()).toLowerCase();

/** The lines of a transcribed dictation as the results they say; any other line as it is. */
export function dictatedAsResults(raws: string[]): string[] {
  let out: string[] | undefined;
  // The results read on each line so far, and the stamp they follow: a later correction takes one of them back.
  const readOn = new Map<number, { lead: string; parts: string[] }>();
  const written = (lead: string, parts: string[]) => `${lead}${withNamedReferences(parts).map(boundsAsPrinted).join('; ')}`;
  // The line of the last result said and its value, and whether it was asked back since: the answer restating it
  // gives its reference to that result, on its line (a check-back over three turns of a consultation).
  let last: { line: number; value: string } | undefined;
  let askedBack = false;
  raws.forEach((raw, i) => {
    // A chat message's stamp and sender ("[14/05/2025 08:09] Ana: a ferritina deu 212"): the message after
    // them is what is said; one in conversation (a question, sentences) is left as printed (lines.ts).
    const stamp = CHAT_STAMP.exec(raw);
    // Numbers said in words ("deu noventa e oito", "cinco vírgula quatro por cento") are read as their digits,
    // and the quotes a transcript opens and closes the message with are no part of its first and last result.
    const label = stamp ? null : TRANSCRIPT_LABEL.exec(raw);
    const printed = raw.slice((stamp ?? label)?.[0].length ?? 0);
    const said = spokenAsPrinted(printed)
      .trim()
      .replace(/^["“«]\s*|\s*["”»]$/gu, '')
      .replace(RETRACTED_AFTER_TALK, '')
      .replace(RETRACTED, '')
      .replace(VALUE_SAID_AGAIN, '$1$2');
    const inWords = spokenNumbers(printed).some((n) => !n.weak);
    if ((stamp && isChatConversation(said)) || !isDictated(said, inWords)) return;
    if (!stamp && ASKED_BACK.test(said)) {
      askedBack = last !== undefined;
      return;
    }
    const parts: string[] = [];
    // The reference said after the restated value, for the result asked back.
    let confirming = false;
    let confirmed = '';
    let echoed = false;
    for (const sentence of said.trim().replace(SPOKEN_DECIMAL, '$1,$2').split(SENTENCE_END)) {
      const restated = RESTATED.exec(sentence);
      if (askedBack && parts.length === 0 && restated && restated[1] === last?.value) {
        confirming = true;
        continue;
      }
      const spelled = DIGITS_SPELLED.exec(sentence);
      const before = confirming ? last?.value : PART_VALUE.exec(parts[parts.length - 1] ?? '')?.[1];
      if (spelled && before !== undefined && spelledDigits(spelled[1]!) === before.replace(/\D/g, '')) continue;
      if (confirming && parts.length === 0 && saysReference(sentence)) {
        confirmed += referenceSaid(sentence);
        continue;
      }
      // A sentence with no number, or one saying the lab's, the patient's or the sample's data, says no result.
      // Its opening words are speech's, not a label's: "Os" is no service order (OS), "No hemograma," no number (Nº).
      // So does one whose every number counts days, years or kilos ("fica pronta em 3 dias", "ela tá com 81 anos").
      if (!saysValue(sentence) || isAdminLine(sentence.trim().replace(PLACE_BEFORE, '').replace(OPENING, ''))) continue;
      if (/\d/.test(sentence) && !/\d/.test(sentence.replace(SAID_MEASURE_OF_LIFE, '').replace(SAID_DOSE_COUNT, ''))) continue;
      if (COUNT_TO_SAY.test(sentence)) continue;
      // A result told in the pluperfect is an earlier exam's ("a última dela, em janeiro, tinha dado 1,1"), not this one's.
      if (EARLIER_RESULT.test(sentence) || EARLIER_WHEN.test(sentence.trim())) continue;
      // A note closing the sentence about the references of all its results ("…, a referência dessas ficou
      // na outra página"): each result's, not the last one's alone.
      const shared = SHARED_REFERENCE_NOTE.exec(sentence);
      const from = parts.length;
      // A result said again with the speaker's word that she read it wrong before: the value said now replaces the
      // one said then, which keeps the reference read with it unless one is said now; said once, where said last.
      const corrected =
        READ_WRONG_AFTER.test(sentence) || READ_WRONG_BEFORE.test(sentence) ? sentence.replace(READ_WRONG_AFTER, '').replace(READ_WRONG_BEFORE, '') : undefined;
      if (corrected !== undefined && /\d/.test(corrected)) {
        const now = asResult(corrected);
        const value = PART_VALUE.exec(now);
        const name = nameOfPart(now);
        const lines = [...readOn, [i, { lead: '', parts }] as const];
        const earlier = value && name !== '' ? lines.reverse().find(([, l]) => l.parts.some((p) => nameOfPart(p) === name)) : undefined;
        if (earlier && value) {
          const [k, l] = earlier;
          const at = l.parts.map(nameOfPart).lastIndexOf(name);
          const before = l.parts[at]!;
          const then = PART_VALUE.exec(before);
          const reference = then && !/\d/.test(now.slice(value.index + value[0].length)) ? before.slice(then.index + then[0].length) : '';
          l.parts.splice(at, 1);
          if (k !== i && out) out[k] = written(l.lead, l.parts);
          parts.push(`${now}${reference}`);
          continue;
        }
      }
      for (const piece of saidResults(shared ? sentence.slice(0, shared.index) : sentence)) {
        // The pause before "e o normal …" is the reference's comma, printed once.
        if (saysReference(piece) && parts.length > 0) parts[parts.length - 1] = parts[parts.length - 1]!.replace(/,\s*$/, '') + referenceSaid(piece);
        else {
          const result = asResult(piece);
          // A value said with no name before it repeats one said already ("Um vírgula cinco. No mês passado …", the
          // doctor echoing the reader): no result of its own.
          // A curve's time said as its name ("60 minutos: 190") is a name.
          if (!/^[<>]?\d[\d.,]*(?:\s*(?:mil|%))?\s*(?:,|$)/u.test(result.trim())) parts.push(result);
          else echoed = true;
        }
      }
      if (shared) for (let p = from; p < parts.length; p++) parts[p] += `, ${shared[1]!.trim()}`;
    }
    // A chat message names each result in a few words: a longer name, or one with a pictograph, is the
    // typist's conversation about a value ("tá baixinha né a hemoglobina 😕 mas melhor que a do ano passado
    // que deu 10,4"), left as printed.
    const nameOf = (part: string) => part.split(':')[0]!.trim();
    if (stamp && parts.some((p) => nameOf(p).split(/\s+/).length > 4 || /\p{Extended_Pictographic}/u.test(nameOf(p)))) return;
    // A line that only echoes values is left as printed.
    if (echoed && parts.length === 0 && !confirming) return;
    out ??= [...raws];
    if (confirming && last && parts.length === 0) {
      // Read on the line of the result it confirms: this line says nothing else.
      out[last.line] = `${out[last.line]!}${boundsAsPrinted(confirmed)}`;
      out[i] = '';
      askedBack = false;
      return;
    }
    // The label is no part of what was said: the line is read as the results alone.
    out[i] = written(stamp?.[0] ?? '', parts);
    readOn.set(i, { lead: stamp?.[0] ?? '', parts });
    const value = PART_VALUE.exec(parts[parts.length - 1] ?? '')?.[1];
    if (parts.length > 0) last = value === undefined ? undefined : { line: i, value };
    askedBack = false;
  });
  return out ?? raws;
}

// A number or a said finding: each ends what was said of the result before it.
const SAID_VALUE_OR_FINDING = new RegExp(String.raw`\d[\d.,]*|${SAID_FINDING_SOURCE}`, 'giu');
// What is said before a finding that makes it a reference's ("e a referência é não reagente", "o normal é
// negativo"), or no result's ("na urina deu tudo negativo").
const SAID_BEFORE_NO_RESULT = /(?<![\p{L}])(?:refer[eê]ncias?|normal|desej[aá]vel|ideal)(?![\p{L}])|(?<![\p{L}])(?:tudo|tod[oa]s)\s+$/iu;

/**
 * The findings a dictated line says as results ("o VDRL não reagente e a referência é não reagente o HIV também
 * não reagente", h1390), where the line prints them, for the accounting pass: each is one result's, as a word of a
 * typed list between commas is, so a result lost leaves its word unaccounted though the same word is said of
 * another. A finding said after a reference's words since the last value is that reference; after "tudo", none.
 * Empty for a line that is no dictation.
 */
export function saidFindings(line: string): Array<{ at: number; text: string }> {
  if (!SAID_FINDING.test(line) || dictatedAsResults([line])[0] === line) return [];
  const out: Array<{ at: number; text: string }> = [];
  let from = 0;
  for (const m of matchesOf(SAID_VALUE_OR_FINDING, line)) {
    const at = m.index ?? 0;
    const before = line.slice(from, at);
    from = at + m[0].length;
    if (!/^\d/.test(m[0]) && !SAID_BEFORE_NO_RESULT.test(before)) out.push({ at, text: m[0] });
  }
  return out;
}
