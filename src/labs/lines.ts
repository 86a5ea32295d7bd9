// Line tokenising: what a line of a report is before anything is read from it.
//
// Text arrives typed, extracted from a PDF (columns become runs of spaces) or transcribed from a
// photo by a vision model (markdown tables, bullets, bold). Cleaning makes these one shape: table
// cells and runs of 2+ spaces are column breaks, dot leaders ("Glicose . . . . 95", "Hb......: 14")
// become a name/value separator, and markdown emphasis and bullets go.
//
// Administrative lines (patient, doctor, CRM/CNES/protocol numbers, dates, addresses, signatures,
// page numbers) are recognised by their label, so their numbers are never read as results and never
// reported as unread results either.
import { ANALYTES, foldSameLength, KNOWN_NAMES, lookupName } from './analytes.ts';
import { foldText } from '../text/fold.ts';
import { NUMBER, parseBrNumber } from './numbers.ts';
import {
  isRangeThenLabel,
  isReferenceLabel,
  isReferenceText,
  labelledRanges,
  QUALITATIVE_WORDS,
  qualitativeAtStart,
  REFERENCE_LEAD_WORDS,
  stripReferenceLead,
  withoutColonTitres,
} from './reference.ts';
import { UNIT_PATTERN, unitAtStart } from './units.ts';
import { matchesOf } from '../text/matches.ts';
import { withSpacedWordCells } from './spaced-word-cells.ts';

export interface CleanLine {
  /** 0-based index of the line in the report. */
  index: number;
  raw: string;
  /** Cleaned text; column breaks are runs of at least 3 spaces. */
  text: string;
  /** A dot leader separated the name from the value: the value cell may be free text. */
  leader: boolean;
  /** Column of the report line (tabs as 3 spaces) where `text` starts: aligns cells with a header. */
  offset: number;
  /** A previous result cut off the line ("Resultado anterior: 119 mg/dL (10/01/2025)"), for the accounting pass. */
  previous?: string;
  /**
   * The cells of a bar table row ("| Ureia | 52 | mg/dL |"), in order: joined into `text` their
   * positions say nothing, so a column of such a table is found by its cell's number.
   */
  bars?: string[];
}

const COLUMN = '   ';
// A code in a column before the name: its digits, a column break, and a word that is no unit.
const codeColumn = (digits: string, after = '') => new RegExp(String.raw`^(\s*)\d${digits}(?=\s{2,}(?!(?:${UNIT_PATTERN})(?![a-zà-ÿ]))[a-zà-ÿ]${after})`, 'i');
// Eight digits, then a column break and a word that is no unit ("10000000   UFC/mL" stays a count).
const TUSS_CODE = codeColumn('{8}');
// A hospital LIS's own exam code in a column before the name ("1001   Leucócitos   7,12   …", "557
// Ferritina   412   H   ng/mL"): three to six digits in one group, a column break, a name that is no
// unit, and a value further on. The code is an identifier; left there it would be read as the value
// and the name after it lost, with the whole table.
const LIS_CODE = codeColumn('{3,6}', String.raw`.*\s\d`);
// A SUS procedure code (SIGTAP) printed without its dots and dash before the exam ("0202010317
// Creatinina   1,10 mg/dL", a municipal lab's billing column): ten digits in one group, then a column
// break and a name that is no unit. An identifier, never a value, as the dotted form below.
const SIGTAP_CODE = codeColumn('{10}');

// A portal's "Último resultado: 19,4 ng/mL em 14/03/2025" under the current value is the previous one.
const LAST_RESULT = String.raw`[uú]ltimo\s+resultado`;
// A link's label ("Ver histórico", a portal's last cell) names no earlier sample: what follows it is no previous result.
const HISTORY = String.raw`(?<!\b(?:ver|visualizar|abrir|exibir)\s{1,3}(?:o\s+)?)hist[oó]rico`;
// Unless the link was opened and prints an earlier sample's date after it, then a colon and its value ("Ver histórico ▸
// 11/04/2024: 4,92 ng/mL", under a portal's row, h1905): the label of that earlier sample, as "Histórico 12/03/2025:".
const OPENED_HISTORY_LINK = String.raw`(?:ver|visualizar|abrir|exibir)\s{1,3}(?:o\s+)?hist[oó]rico(?:\s*[▸▾►▶›>»])?(?=\s+\d{1,2}\/\d{1,2}\/\d{2,4}\s*:)`;
const PREVIOUS_CUT = new RegExp(
  String.raw`(?:^|\s)(?:[(\[]\s*)?(?:(?:resultados?\s+)?anterior(?:es)?|${HISTORY}|${OPENED_HISTORY_LINK}|${LAST_RESULT})(?![\p{L}]).*$`,
  'iu',
);

// An earlier sample's value in brackets after its day and a colon, last on a result's row ("Ureia   118   H
// mg/dL   17 a 49    (27/05: 96)", under a "Res. anterior" header; glued to the range when the cell is full,
// "0,70 a 1,20(27/05: 2,31)"): the earlier result, cut off as the worded ones are. So is a value in a cell of its
// own with its day in brackets after it ("Resultado: 3,2 ng/mL      2,9 ng/mL (14/06/2024)", h1819): the current
// sample's value is printed undated before it. A copy that kept no column gaps sets it apart from the row by one
// space, right after the reference's last number ("SÓDIO 132 mmol/L 136 a 145 135 (14/01/2025)", "Masc: 0,67 a
// 1,17 1,18 (14/01/2025)", under a "Resultado Anterior" header cell, h1961): a range's end or a bound's number then
// a dated value is a cell after the reference; a value dated with no reference before it is the row's own.
export const DATED_EARLIER_CELL = new RegExp(
  String.raw`(?:\s*\(\s*\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*:\s*[<>]?\s*-?(?:${NUMBER})(?:\s*(?:${UNIT_PATTERN}))?\s*\)|(?:\s{2,}|(?<=(?:\s(?:a|à|at[eé])\s+|[-–<>=≤≥]\s*)(?:${NUMBER}))\s)[<>]?\s*-?(?:${NUMBER})(?:\s*(?:${UNIT_PATTERN}))?\s*\(\s*(?:em\s+)?\d{1,2}\/\d{1,2}\/\d{2,4}\s*\))\s*$`,
  'iu',
);

// A typist's aside after a result and its reference, set apart by a dash, telling the value an earlier sample
// gave ("Hemoglobina: 9,8 (ref. 13,0 a 17,0) – caiu de novo, em março tava 10,4", "– em 05/2026 era 1,42 😟", a
// relative's summary of a parent's exams): a month or a date, a verb of what it was, then the earlier value.
// Cut off as the worded previous results are; the words before it in the aside are the typist's.
const MONTH = String.raw`(?:janeiro|fevereiro|mar[cç]o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|dez)\.?(?:\s+(?:de\s+)?\d{4}|\/\d{2,4})?`;
export const EARLIER_ASIDE = new RegExp(
  String.raw`\s[–—-]\s+(?:[^–—\d]*?\s)?(?:em|no\s+(?:exame|resultado)\s+de)\s+(?:${MONTH}|\d{1,2}\/\d{2,4}(?:\/\d{2,4})?)\s*,?\s+(?:tava|estava|era|foi|deu|veio|tinha\s+dado|dava)\s+(?:de\s+)?(?:${NUMBER})(?:\s*(?:${UNIT_PATTERN}))?[\s.!…]*(?:\p{Extended_Pictographic}\uFE0F?\s*)*$`,
  'iu',
);

// A unit's own field before a reference lead after a column break (cleanLine).
const UNIT_FIELD_BEFORE_REFERENCE = new RegExp(String.raw`^\s*unidades?\s*:\s*(?:${UNIT_PATTERN})(?=\s{2,}${REFERENCE_LEAD_WORDS}\s*:)`, 'iu');

// The fast at a line's end after a separator between spaces (cleanLine).
const FASTING_TAIL =
  /(?<=\S)(\s+[-–—·•|]\s+)(?:tempo\s+de\s+)?jejum(?:\s+(?:informado|referido|declarado|relatado|m[ií]nimo))?\s*(?:de\s+)?:?\s*\d{1,2}(?:\s*(?:a|-|–)\s*\d{1,2})?\s*(?:h|hs|horas?)\.?\s*$/iu;

/** A result column's header cell dated by its sample's month or day ("RESULTADO MAI/25", h1922): the date is the column's, no value. */
export const RESULT_CELL_DATE = /(?<![\p{L}])resultados?\s+(?:\d{1,2}\/)?(?:\d{1,2}|jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|dez)\/\d{2,4}(?![\d/])/giu;

/**
 * The label of a previous result, naming its analyte or not ("Resultado anterior", "Resultado anterior do
 * potássio"), or a portal's "Histórico", as a pattern source.
 */
export const PREVIOUS_LABEL = String.raw`(?:(?:resultados?\s+)?anterior(?:es)?(?:\s+d[aeo]s?\s+\p{L}[\p{L} -]{0,40}?)?|${HISTORY}|${OPENED_HISTORY_LINK}|${LAST_RESULT})`;

// A portal's history row may print the one earlier sample's date bare after its label, a gap between ("Histórico
// 12/03/2025: 138 U/L"): the date's colon is the label's. An arrow may point at the date ("Histórico ▸ 12/03/2025:").
// The label may name in brackets which of the block's results it is the history of ("Histórico (relação):
// 35,1 mg/g (10/05/2024)" under a urine block's albumin, creatinine and ratio): still an earlier sample.
const PREVIOUS_ONLY = new RegExp(
  String.raw`^\s*(?:[-–•*·]\s+)?(?:[(\[]\s*)?(?:(?:o\s+)?(?:seu|sua)\s+)?(?:valor(?:es)?\s+)?${PREVIOUS_LABEL}(?:\s*\(\s*\p{L}[\p{L} /.-]{0,40}\))?(?:\s*\(\s*(?:em\s+|de\s+)?\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*\)|(?:\s*[▸▾►▶›»])?\s+\d{1,2}\/\d{1,2}\/\d{2,4})?(?:\s*\.{2,})?\s*:\s*\S`,
  'iu',
);

// A line led by the day before, its date in brackets maybe, then a colon: "* ontem (02/06): K 5,9; Na 133",
// "Labs de ontem: …", "Anteontem 01/06: …" (cleanLine).
const EARLIER_DAY_LINE =
  /^\s*(?:[-–•*·>]\s*)?(?:(?:labs?|exames?|laborat[oó]rio)\s+(?:d[eo]\s+)?)?(?:ontem|anteontem|dia\s+anterior)\s*(?:\(\s*\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*\)|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)?\s*:\s*\S/iu;

// The same led by what was measured, with the earlier sample's date in brackets ("Carga viral anterior
// (08/05/2025): 88 cópias/mL", "Contagem anterior (02/2025): CD4+ 356"): the date says it is an earlier sample.
// Or led by the result's label, abbreviated, what was measured after it ("* RES. ANTERIOR CD4+ (04/11/2024): 355
// cel/mm3", a LIS's note under an HIV panel, h1626).
const PREVIOUS_NAMED =
  /^\s*(?:\p{L}[\p{L}\d+ -]{0,30}?\s+anterior(?:es)?|(?:[-–•*·]\s+)?(?:resultados?|res(?:ult)?\.)\s*anterior\s+\p{L}[\p{L}\d+/ -]{0,30}?)\s*\(\s*(?:em\s+|de\s+)?\d{1,2}\/\d{1,4}(?:\/\d{2,4})?\s*\)\s*:\s*\S/iu;
// … or with that date after its value ("Hematócrito anterior: 47,8 % (05/06/2024)", "Glicose anterior: 98 mg/dL em
// 10/01/2025", under the block's current "Hematócrito: 49,3 %"): one value, its unit and the earlier date, nothing else.
const PREVIOUS_NAMED_DATED = new RegExp(
  String.raw`^\s*\p{L}[\p{L}\d+ -]{0,30}?\s+anterior(?:es)?\s*(?:\.{2,}\s*)?:\s*(?:[<>]\s*)?(?:${NUMBER})\s*(?:${UNIT_PATTERN})?\s*(?:\(\s*(?:em\s+|de\s+)?\d{1,2}\/\d{1,2}\/\d{2,4}\s*\)|(?:em|de)\s+\d{1,2}\/\d{1,2}\/\d{2,4})\s*$`,
  'iu',
);
// … or by the admission the earlier sample was drawn at, with its date in brackets ("Hematócrito da admissão (15/04):
// 36,0 % - hemoconcentração de 16%.", a paediatric ward's note under the day's hemogram): the admission's value and
// what the note works out from it, no result of this sample. Without a date, an admission's sample may be this one.
// Led by the lab's list itself ("Laboratório da admissão (03/11/2025): hemoglobina 11,2 g/dL, …", a discharge summary's
// complementary exams, h1881) it names no analyte: the admission's results are the summary's own, as the discharge's are.
const ADMISSION_NAMED =
  /^\s*(?!(?:laborat[oó]rio|exames?|labs?)\s)\p{L}[\p{L}\d+ -]{0,30}?\s+(?:d[ae]|n[ao])\s+(?:admiss[aã]o|entrada|interna[cç][aã]o)\s*\(\s*(?:em\s+)?\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*\)\s*:\s*\S/iu;
const PREVIOUS_PROSE = new RegExp(
  String.raw`^\s*(?:n[oa]|em)\s+(?:(?:seu|sua|o|a)\s+)?(?:[uú]ltim[oa]\s+)?(?:exame|resultado|coleta|dosagem|avalia[cç][aã]o)\s+anterior\b[^.;]*?\s(?:foi|era|estava|deu|veio)\s+(?:de\s+)?(?:[<>]\s*)?(?:${NUMBER})(?:\s*(?:${UNIT_PATTERN}))?\s*[.!]?\s*$`,
  'iu',
);

/**
 * PDF text keeps a typeface's ligatures as one character ("Neutróﬁlos", "ﬂuxo"): they are their
 * letters, or no name is found. A PDF placed the cells after it by the ligature's width, one character
 * for two or three letters, so the run of spaces after the word gives back what the letters took.
 */
export function withoutLigatures(line: string): string {
  if (!/[\ufb00-\ufb06]/.test(line)) return line;
  return line.replace(/(\S*[\ufb00-\ufb06]\S*)( {2,})?/g, (_m, word: string, gap: string | undefined) => {
    const letters = word.replace(/[\ufb00-\ufb06]/g, (l) => l.normalize('NFKC'));
    const grown = letters.length - word.length;
    return gap === undefined ? letters : letters + ' '.repeat(Math.max(2, gap.length - grown));
  });
}

const GLUED_VALUE = new RegExp(`^(?:${NUMBER})`);
const UNIT_FIRST = new RegExp(`^(?:${UNIT_PATTERN})`, 'i');
const UNIT_WHOLE = new RegExp(`^(?:${UNIT_PATTERN})$`, 'i');

/**
 * A unit glued at the start of `s` whose next character starts another cell (a digit) or none; a
 * capital after it (a reference's label, "mg/dLDesejável") only after a unit no word could end in
 * (one with a slash or a %): "SEDIMENT0SCOPIA" is an OCR slip, no value in seconds.
 */
function gluedUnit(s: string): string | undefined {
  const m = UNIT_FIRST.exec(s);
  if (!m) return undefined;
  for (let n = m[0].length; n > 0; n--) {
    const next = s[n];
    const unit = s.slice(0, n);
    if (next !== undefined && !/[\d\s]/.test(next) && !(isUpper(next) && /[/%]/.test(unit))) continue;
    if (UNIT_WHOLE.test(unit)) return unit;
  }
  return undefined;
}

/** A value and the unit glued after it at the start of `s` ("15,8g/dL…", "61,0%…"): the two and what they took. */
function gluedValue(s: string): { text: string; consumed: number } | undefined {
  const v = GLUED_VALUE.exec(s);
  if (!v) return undefined;
  const unit = gluedUnit(s.slice(v[0].length));
  return unit === undefined ? undefined : { text: `${v[0]} ${unit}`, consumed: v[0].length + unit.length };
}

/**
 * A value glued to the name before it whose unit stands one space after it ("PLAQUETAS89.000 /mm3 …",
 * "TGO(AST)68 U/L …", a crumpled photo's OCR): the value and its unit, whole, then a space or the line's end.
 */
function spacedUnitValue(s: string): { text: string; consumed: number } | undefined {
  const v = GLUED_VALUE.exec(s);
  if (!v || s[v[0].length] !== ' ') return undefined;
  const m = UNIT_FIRST.exec(s.slice(v[0].length + 1));
  if (!m) return undefined;
  for (let n = m[0].length; n > 0; n--) {
    const unit = m[0].slice(0, n);
    const next = s[v[0].length + 1 + n];
    if ((next === undefined || next === ' ') && UNIT_WHOLE.test(unit)) return { text: `${v[0]} ${unit}`, consumed: v[0].length + 1 + n };
  }
  return undefined;
}

// A header field's label glued to the field before it ("PRADOSexo:Masculino", "ParticularOS:552.918",
// "CLÍNICASCNES 3097161", "24.093Página 1 de 1"): the label as printed, its colon or number after it.
const GLUED_LABEL =
  /(?<=[\p{L}\d.)])(?=(?:Paciente|Sexo|Idade|Nasc\.|Nascimento|Coleta|Emissão|Liberação|Convênio|Solicitante|Página|Pág\.)\s*[:\d])|(?<=[\p{L}\d])(?=(?:CNES|CRM|CRF|CRBM|CNPJ)[-\s:]*(?:[A-Z]{2}\s*)?\d)|(?<=\p{Ll})(?=OS\s*:)/gu;

/** The header's glued labels set apart from the field before them, on a line with no column gap. */
export function withoutGluedLabels(t: string): string {
  if (/\S\s{2,}\S/.test(t)) return t;
  return t.replace(GLUED_LABEL, ' ').replace(GLUED_BOUND_WORD, ' ');
}

// An OCR'd reference's "até" glued to its bound ("Mulheres:ate33"): the word and its number apart, as printed.
const GLUED_BOUND_WORD = /(?<=(?:^|[\s:(])at[eé])(?=\d)/giu;

/**
 * A PDF copied on a phone may lose every gap between a row's cells ("Hemoglobina15,8g/dL13,5 a 17,5",
 * "Neutrófilos61,0%4.782/mm³1.700 a 7.000", "Colesterol total168mg/dLDesejável: inferior a 190"): a
 * name whose last letter touches a value, the value touching a unit. The row is its cells again, set
 * apart by column gaps: the name, each value with its unit, the reference. A name with digits of its
 * own ("Vitamina B12450pg/mL") is cut where the catalogue knows the name; a header's labels
 * ("Sexo:Masculino") hold a colon and are no name.
 */
export function withoutGluedCells(t: string): string {
  if (/\S\s{2,}\S|\|/.test(t)) return t;
  const lead = /^\s*/.exec(t)![0];
  const line = t.slice(lead.length);
  if (!/^\p{L}/u.test(line)) return t;
  let found: { name: string; cells: string[] } | undefined;
  // Every digit after a letter may start the value; one after another digit only when the name before it is the catalogue's.
  // A value one space after its name with its unit glued after it ("TGP (ALT) 54U/L Mulheres:ate33 …", an
  // OCR'd photo) is set apart the same way: the space is no column gap.
  for (const m of matchesOf(/(?<=[\p{L})]\d*|[\p{L})] )\d/gu, line)) {
    const spaced = line[m.index - 1] === ' ';
    const name = line.slice(0, m.index).trimEnd();
    if (/[:;=]/.test(name) || (name.match(/\p{L}/gu) ?? []).length < 2) break;
    const known = lookupName(name) !== undefined;
    if (/\d$/.test(name) && !known) continue;
    // One letter glued to digits right after a bracket or a slash is a code, never a name and its value
    // ("Moderadamente diminuída (G3a/G3b): 30 a 59", a kidney disease stage).
    if (/[(/]\p{L}$/u.test(name)) continue;
    const first = gluedValue(line.slice(m.index)) ?? (spaced ? undefined : spacedUnitValue(line.slice(m.index)));
    if (!first) continue;
    const cells = [first.text];
    let rest = line.slice(m.index + first.consumed);
    // One space from the name only when a reference follows (a digit after the unit) and the name is a few
    // words: "… citrato de sódio 3,8% (coagulômetro)" is a title's words, no result.
    if (spaced && (!/\d/.test(rest) || name.split(/\s+/).length > 4)) continue;
    // Nor when another result follows the bracket closing the reference ("Plaquetas 138.000/mm3 (150.000-450.000)
    // Glicose 132 mg/dL (70-99) …", an SMS's results run together, h1670): a typed run, cut by its names.
    if (spaced && /\)\s+\p{L}[\p{L}\d .-]*\s[<>]?\d/u.test(rest)) continue;
    // A relative and an absolute count, each with its unit ("61,0%4.782/mm³").
    const second = gluedValue(rest);
    if (second) {
      cells.push(second.text);
      rest = rest.slice(second.consumed);
    }
    if (rest.trim() !== '') cells.push(rest.trim());
    if (!/\d$/.test(name)) found ??= { name, cells };
    if (known) {
      found = { name, cells };
      break;
    }
  }
  return found ? lead + [found.name, ...found.cells].join(COLUMN) : t;
}

const REFERENCE_FIELD_DOT = new RegExp(String.raw`(?<=\S)\s+[·•]\s+(?=${REFERENCE_LEAD_WORDS}\s*:)`, 'giu');

// WhatsApp prints the time first in some locales ("[08:48, 24/03/2025] Lab: ").
export const CHAT_STAMP =
  /^\s*(?:\[\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\]|\[\d{1,2}:\d{2}(?::\d{2})?,?\s+\d{1,2}\/\d{1,2}\/\d{2,4}\]|\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}\s+-)\s*[^:\d\[\]]{1,40}:\s/u;

// The note a chat export prints after an edited message, with its invisible direction mark.
const CHAT_EDIT_MARK = /\s*\u200e?<(?:esta\s+mensagem\s+foi\s+editada|this\s+message\s+was\s+edited|mensagem\s+editada)>\s*$/iu;

// A chat message that opens with a name and its finding, the typist's words after it ("beta hcg neg graças a
// Deus kkk", h1385): no digit and no other finding after it, the finding is the name's result and the words
// after it are no reference. The name is a few words, none of them a negation or "tudo" ("tudo negativo").
// A result in words as a typist or a summary writes it, "neg" for negativo too.
export const FINDING_WORD = String.raw`(?:fracamente\s+|n[aã]o\s+)?(?:reagente|reativo|detect[aá](?:vel|do))|indetect[aá]vel|negativ[oa]|neg(?![\p{L}])|positiv[oa]`;
const MESSAGE_OPENING_FINDING = new RegExp(
  String.raw`^\s*\p{L}[\p{L}-]*(?: [\p{L}\d-]+){0,3}(?<!(?:^|[^\p{L}])(?:n[aã]o|fracamente|tiras?|fitas?|tudo|tod[oa]s?)) (${FINDING_WORD})(?![\p{L}])(?=\s+(?:(?!(?<![\p{L}])(?:${FINDING_WORD})(?![\p{L}]))[^\d])*$)`,
  'iu',
);
/** Where a chat message's opening finding ends, the typist's words after it (MESSAGE_OPENING_FINDING), or undefined. */
export function messageFindingEnd(message: string): { at: number; word: string } | undefined {
  const m = MESSAGE_OPENING_FINDING.exec(message);
  return m ? { at: m[0].length - m[1]!.length, word: m[1]! } : undefined;
}

// The remark is words alone and ends at a column gap, a ';' or the line's end: a cell after it ("… esse veio com
// asterisco   Reagente") is no part of it, and is read or listed.
const TYPED_REMARK_AFTER_BRACKET =
  /(?<=\d[^()]*\([^()]*\d[^()]*\))\s+(?:ess[ea]|est[ea]|isso|que|mas|a[ií]|s[oó]|veio|deu|t[aá])\s(?:(?!\s{2,}|\s*;)[^\d()])*(?=\s{2,}|\s*;|\s*$)/iu;
// The same remark on a message's later line, under its stamp's line, opening with an article ("vitamina b12 197
// (197 a 771) o lab marcou essa mas ta dentro ne?", h1685): the typist's words about the paper, a question too.
const TYPED_REMARK_ON_LATER_LINE =
  /(?<=^\s*\p{L}[\p{L}\d\s-]*?\s\d[\d.,]*\s*(?:%|[\p{L}µ]{1,5}(?:\/[\p{L}\d³]{1,5})?)?\s*\([^()]*\d[^()]*\))\s+(?:o\s+(?:lab|laborat[oó]rio|papel|laudo|m[eé]dico|resto)|ess[ea]|est[ea]|isso|mas|a[ií]|veio|t[aá])\s(?:(?!\s{2,}|\s*;)[^\d()])*$/iu;
// A typist's note that the paper marks the value, after a value with no reference ("rdw 16,2 tem um asterisco do
// lado", h1666): no cell of the result; read as one, the line is left unread. The mark gives no reference.
const TYPED_MARK_REMARK =
  /(?<=^\s*\p{L}[\p{L}\d\s-]*?\s\d[\d.,]*\s*(?:%|[\p{L}µ]{1,5}(?:\/[\p{L}\d³]{1,5})?)?)\s+(?:tem|veio|t[aá]|est[aá]|com)\s+(?:com\s+)?(?:um\s+)?(?:asterisco|estrelinha|marca[cç][aã]o)(?:(?!\s{2,}|\s*;)[^\d()])*$/iu;
// A face or a hand the typist closes a result's line with ("ferritina 9 (15 a 150) 😬", h1666): her feeling, no
// mark of the lab's (a coloured circle, a warning sign or an arrow may be one, and are left).
const TYPED_FACE =
  /(?<=[\d\p{L})%³])\s+(?:[\u{1F600}-\u{1F64F}\u{1F910}-\u{1F92F}\u{1F970}-\u{1F97F}\u{1FAE0}-\u{1FAFF}\u{1F44C}-\u{1F44F}\u{1F64F}][\u{1F3FB}-\u{1F3FF}\uFE0F]*\s*)+$/u;
/** A chat message in conversation, not a result typed: a question, an exclamation, sentences. */
export const isChatConversation = (message: string): boolean => /[?!]|\p{Ll}\.\s+\p{Lu}/u.test(message);

const RESULTS_LEAD =
  /^\s*(?:exames(?:\s+laboratoriais)?|labs|resultados\s+de\s+exames)(?:\s+(?:de|do|em))?(?:\s+\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)?(?:\s*\([^()]*\))?\s*:\s*(?=\p{L})/iu;
// A lab app's push notification, one a result as it is released, copied from the phone's notification history
// ("Resultado liberado ✅ TGO (AST): 62 U/L. Referência para mulheres: até 32 U/L. Toque para ver o laudo."): the
// lead says the result is out and the closing words ask for a tap, neither a cell of the result (who released it
// and when, "Exame liberado por: Dr. …", is no lead of a result). What is left is
// a result's fields written as sentences, each stop before a capital the gap between two fields, so a word
// result ends before its reference ("Dengue IgM: NÃO REAGENTE. Referência: Não reagente. Observação: …").
const NOTIFICATION_LEAD =
  /^\s*(?:novos?\s+)?(?:resultados?|exames?)\s+(?:liberad[oa]s?|dispon[ií]ve(?:l|is)|prontos?)\s*[:!.–—-]?\s*(?:\p{Extended_Pictographic}\uFE0F?\s*)?[:!.–—-]?\s*(?!(?:por|em|[àa]s?|pel[oa]|n[oa]|dia|data|hora)(?![\p{L}]))(?=\p{L}[^:]{0,80}:\s*\S)/iu;
const TAP_TO_OPEN =
  /(?<=[.!)\p{L}\d])\s+(?:toque|clique|acesse|abra)\s+(?:aqui\s+)?(?:para|pra)\s+(?:ver|visualizar|abrir|acessar|baixar)(?:\s+\p{L}+){0,4}\s*[.!]?\s*$/iu;
function withoutNotificationFrame(t: string): string {
  const lead = NOTIFICATION_LEAD.exec(t);
  if (!lead) return t;
  const body = t.slice(lead[0].length).replace(TAP_TO_OPEN, (m) => ' '.repeat(m.length));
  const fields = body.replace(/(?<=[\p{L}\d)%³])\.\s(?=\p{Lu})/gu, COLUMN);
  // A note the lab adds after the reference ("Observação: na fase inicial … pode ainda não ser detectável.") is
  // about the result, no field of it; its words would be read into the reference.
  return ' '.repeat(lead[0].length) + fields.replace(NOTE_FIELD, (m) => ' '.repeat(m.length));
}
const NOTE_FIELD = /(?<=\S\s{2,})(?:observa[cç](?:[aã]o|[oõ]es)|obs\.?|nota|aten[cç][aã]o)\s*:(?:(?!\s{2,}).)*(?=\s*$)/iu;
// Digits glued to a word's letters are the name's ("HEMOGLOBINA GLICADA (HbA1c)", "VITAMINA B12", h1639), no value.
// So is a heading naming the ranges under it as risk tiers ("PROTEÍNA C REATIVA ULTRASSENSÍVEL   Risco cardiovascular:",
// over "3,6 mg/L   Baixo: inferior a 1,0 mg/L" / "Médio: …" / "Alto: …", h1639): the block's title reads alone, and
// the heading leads the block's ranges (riskHeadingBesideTitle).
const TITLE_BESIDE_REFERENCE_HEADER =
  /^(\s*\p{L}(?:[^\d:\s]|(?<=\p{L}\d*)\d)*(?:\s{1,2}(?:[^\d:\s]|(?<=\p{L}\d*)\d)+)*)\s{3,}((?:valor(?:es)?\s+de\s+refer[eê]ncia|refer[eê]ncias?)(?:\s*\([^()\d]*\))?\s*:?|risco(?:\s+\p{L}+){1,2}\s*:)\s*$/iu;
/** The risk heading printed at the right of a block's title ("Risco cardiovascular:"), which leads the block's ranges. */
export function riskHeadingBesideTitle(raw: string): string | undefined {
  const m = TITLE_BESIDE_REFERENCE_HEADER.exec(raw.replace(/\t/g, COLUMN));
  return m && /^risco/i.test(m[2]!) && !HEADER_WORD_CELL.test(m[1]!.trim()) ? m[2]! : undefined;
}
const HEADER_WORD_CELL = /^(?:exames?|analitos?|par[aâ]metros?|testes?|resultados?|determina[cç](?:[aã]o|[oõ]es)|descri[cç][aã]o|nome)(?:\s*\([^()]*\))?$/iu;
// Telegram Desktop marks an edited message in its header ("Camila, [30.05.25 19:25, editado]", h1538) and prints a
// reply's "[Em resposta a Bruno]" on a line of its own before the message: the chat's furniture, no text of a result
// (joined to the message under it, the marker would be read as a name).
const TELEGRAM_HEADER =
  /^\s*(?:[^\d\[\]:]{1,60},\s*\[\d{1,2}\.\d{1,2}\.\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:,\s*(?:editado|editada|edited))?\]|\[(?:em\s+resposta\s+a|in\s+reply\s+to)\s+[^\d\[\]:]{1,60}\])\s*$/iu;

// A link's label in the last cell of a tabbed row (web page copied from the browser).
const PAGE_LINK_CELL = /\t\s*(?:ver|visualizar|abrir|exibir)\s+(?:o\s+)?(?:gr[áa]fico|hist[óo]rico|evolu[çc][ãa]o|detalhes|laudo)\s*$/iu;

// The full stop closing a result written as a sentence, after its unit or a bracketed note.
const SENTENCE_STOP = new RegExp(`(?=\\.\\s*$)(?<=\\d\\s*${UNIT_PATTERN}|\\))\\.\\s*$`, 'iu');
// A word result closing its line's only sentence ("Hemoculturas (duas amostras): negativas.", "Urocultura: negativa.",
// a discharge summary's prose, h1881): the stop is the sentence's, as after a unit.
const WORD_RESULT_STOP =
  /(?<=[\s:](?:n[aã]o\s+)?(?:reagentes?|reativ[oa]s?|negativ[oa]s?|positiv[oa]s?|ausentes?|presentes?|detectad[oa]s?|indetect[aá]ve(?:l|is)))\.\s*$/iu;

// A finding closing its name's clause, then a remark in words after a comma ("HBsAg negativo, sem outras alterações.",
// "Sorologia para HIV negativa, sem outras alterações.", a letter's or a summary's sentence): the remark is about the
// result, no reference of it. Not a list's other clause, which holds a finding or a number of its own ("mãe O Rh
// positivo, RN A Rh positivo.", "VDRL não reagente, repetir em 3 meses.").
const FINDING_THEN_REMARK = new RegExp(String.raw`^(\s*\S[^,;]*?[\s:](?:${FINDING_WORD}))(?![\p{L}]),\s+(\p{L}[^,;\d()]*?)\.?\s*$`, 'iu');
const FINDING_INSIDE = new RegExp(String.raw`(?<![\p{L}])(?:${FINDING_WORD})(?![\p{L}])`, 'iu');
// A remark holds no result of its own: no finding, no grade in words ("proteina deu "traços"", h1674), no name the
// catalogue knows opening it.
const GRADE_INSIDE = /(?<![\p{L}])(?:tra[cç]os|ausentes?|presentes?|rar[oa]s|numeros[oa]s|abundantes)(?![\p{L}])|["“”+]/iu;

/** The line without the remark after its closing finding (FINDING_THEN_REMARK): a name of six words at most before it. */
function withoutRemarkAfterFinding(t: string): string {
  const m = FINDING_THEN_REMARK.exec(t);
  if (!m || FINDING_INSIDE.test(m[2]!) || GRADE_INSIDE.test(m[2]!)) return t;
  const words = m[2]!.trim().split(/\s+/);
  if (words.length > 6 || [1, 2].some((n) => lookupName(words.slice(0, n).join(' ')) !== undefined)) return t;
  const name = m[1]!.replace(FINDING_INSIDE, '').trim();
  return name.split(/\s+/).length <= 6 ? m[1]! : t;
}

// A list of two results or more parted by ';', each an analyte's name then a number ("Creatinina 0,8 mg/dL; TGO 26
// U/L"); a note's vital signs and doses in the same form ("diurese 24 h 420 mL; noradrenalina 0,22 µg/kg/min.") are none.
function isResultList(text: string): boolean {
  const items = text.split(/;\s+/);
  return (
    items.length >= 2 &&
    items.every((item) => {
      const name = /^[\s\-–•*]*(\p{L}[^\d;]*?)\s*\d/u.exec(item)?.[1];
      return name !== undefined && lookupName(name) !== undefined;
    })
  );
}

// A pictograph then two or more words to the end of a line that printed a number before it, one space apart as
// typed (a column gap sets a cell apart): a typist's aside.
const TYPED_ASIDE =
  /(?=\s+\p{Extended_Pictographic})(?<=\d[^\p{Extended_Pictographic}]*[\d\p{L})%³])\s+(?![©®™⬆⬇])\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*\s*(\p{L}[\p{L}'’-]*(?:,? \p{L}[\p{L}'’-]*)+)[\s.!?…]*(?:\p{Extended_Pictographic}\uFE0F?\s*)*$/u;

const VERDICT_START = /^(?:normal|acima|abaixo|dentro|fora|alterad[oa]|alt[oa]|baix[oa]|elevad[oa]|aumentad[oa]|diminu[ií]d[oa]|reduzid[oa])(?![\p{L}])/iu;

// One cell of two values, each a number and its unit, a bar between ("38 % | 3.724 /mm³").
const VALUE_PAIR_CELL = new RegExp(String.raw`(?<![^\s])((?:${NUMBER})\s*(?:${UNIT_PATTERN}))\s*\|\s*((?:${NUMBER})\s*(?:${UNIT_PATTERN}))(?=\s|$)`, 'gu');
// Or a percentage and a bare count, the count's unit heading the next column ("Segmentados → 44 % | 4.039 → /µL →
// 1.500 a 8.000", a municipal portal's tabbed table copied from the browser, h1772): the two values too.
const PERCENT_COUNT_CELL = new RegExp(String.raw`(?<![^\s])((?:${NUMBER})\s*%)\s*\|\s*((?:${NUMBER}))(?=\s|$)`, 'gu');
const twoUnits = (a: string, b: string) => {
  const ua = unitAtStart(a.replace(/^[\d.,]+\s*/, ''));
  const ub = unitAtStart(b.replace(/^[\d.,]+\s*/, ''));
  return ua !== undefined && ub !== undefined && ua.unit !== ub.unit;
};

export function cleanLine(raw: string, index: number): CleanLine {
  // A results portal copied from the browser closes each tabbed row with a link's label ("Ver gráfico",
  // "Ver histórico"): page furniture, not a cell of the result, and it would stand where a note or
  // reference is looked for.
  const row = raw.replace(PAGE_LINK_CELL, '');
  let t = withSpacedWordCells(withoutGluedCells(withoutGluedLabels(withoutLigatures(row.replace(/\t/g, COLUMN).replace(/[\u00a0\u2007\u202f]/g, ' ')))));
  // A spacing accent standing alone is OCR noise ("**Hematócrito:**´ 45,1 %"): a letter's own accent is
  // combined with it, never printed apart.
  t = t.replace(/[´`¨˜¸]/g, '');
  // So is a broken bar, a tilde or an opening quote alone, set apart by a column gap or ending the line ("13,2
  // g/dL ¦      12,0 a 15,5", "33,2 g/dL  ~    31,0 a 36,0", a printout's specks read as marks): no flag nor
  // cell, it would stand between the value and its reference. Blanked, so the columns keep their places.
  t = t.replace(/(?<=\s)[¦~‘](?=\s{2,}|\s*$)/gu, ' ');
  // A tilde one space from each side, after a percentage or a count's unit and before a number ("74 % ~ 8.614
  // /mm3", "40 a 75 % ~ 1.600 a 7.700", an OCR'd differential whose two cells stand in one): a speck where the
  // gap between the two was, no "about". Blanked, the two cells stand apart as the other rows print them.
  t = t.replace(/(?<=\d\s?(?:%|\/\s?(?:mm3|mm³|µl|μl|ul))\s)~(?=\s[\dOlI])/giu, ' ');
  // A typist's remark after a row's cells, behind an arrow ("Potássio ...... 5,6 mEq/L   (3,5 a 5,1)   ← marcado
  // em negrito"): her note on the paper, no cell of the result; read as one it leaves the row unread. Words only;
  // an arrow pointing at the patient's tier of a reference ("← paciente") is read where references are (late-references.ts).
  // The remark ends at a column gap or a ';': what the line prints after it is read or listed.
  t = t.replace(/(?<=\S)\s{2,}(?:←|⬅\uFE0F?)\s*(?!(?:(?:est[ea]|o|a)\s+)?paciente(?![\p{L}]))\p{L}(?:(?!\s{2,}|\s*;)[^\d])*(?=\s{2,}|\s*;|\s*$)/u, (m) =>
    ' '.repeat(m.length),
  );
  // A typist saying where the reference she copies is printed, in the bracket that holds it ("ldl 163 (no papel
  // diz que a meta depende do risco: menor que 130, …)", a patient typing her results into a chat, h1618): her
  // words, not the lab's; the bracket opens on the goal or reference she quotes. "aqui fala que a meta …" (h1685) too.
  t = t.replace(
    /(?<=\()\s*(?:(?:n[oa]|[oa])\s+(?:papel|laudo|folha|exame|resultado)\s+|a(?:qui|[ií])\s+)?(?:diz|fala|mostra|traz|(?:t[aá]|est[aá])\s+escrito)(?:\s+que)?\s+(?:[oa]\s+)?(?=(?:metas?|alvos?|refer[eê]ncias?|valor(?:es)?\s+de\s+refer[eê]ncia)\b)/iu,
    '',
  );
  // The same words before a quoted reference after a dash ("vitamina D 18,7 - ali fala "acima de 20 para população
  // saudável"", h1666): the quote is the lab's reference, in brackets as the typist types others.
  t = t.replace(
    /(?<=\d\s*(?:%|[\p{L}µ]{1,5}(?:\/[\p{L}\d³]{1,5})?)?)\s+[-–—]\s+(?:a(?:li|qui|[ií])\s+)?(?:diz|fala|mostra|traz|(?:t[aá]|est[aá])\s+escrito)(?:\s+que)?\s*["“]([^"”()]*\d[^"”()]*)["”]\s*$/iu,
    ' ($1)',
  );
  // A pointer the lab prints after the reference band it applied to the patient, closing the line ("51 a 80
  // anos ........ 0,60 a 3,80   ◄", "1,6 a 2,6   ◄", a Londrina lab's legend "a faixa … aplicada a este paciente
  // … está indicada com ◄"): a mark on the band, no cell. Left, a range alone on its line with it is no range.
  t = t.replace(/(?<=[\p{L}\d%)])(\s+)[◄◀]\uFE0E?\uFE0F?\s*$/u, (m) => ' '.repeat(m.length));
  // A lab app's shared text prints the differential's two cells, and its two ranges, as one field split by a
  // middle dot one space from each side ("Neutrófilos: 41 % · 3.649 /mm³ (ref.: 30 a 60 % · 1.500 a 8.000 /mm³)"):
  // after a percentage and before a number the dot stands where the gap between the cells was. Blanked too, the
  // values in bold or not ("**8 %** · **628 /mm³**", a vision model's markdown of a value out of range, h1968).
  t = t.replace(/(?<=\d\s?%(?:\*\*|__)?\s)[·•](?=\s(?:\*\*|__)?\d)/gu, ' ');
  // A chat export's message stamp and sender ("[09/10/2024 08:56] Ana: ", "09/10/2024 08:56 - Ana: ")
  // date the message, not its content: the result after them is read as if the line began there. A
  // message in conversation (a question, an exclamation, sentences: "Deu esse 192 vermelho, é
  // diabetes??") is left as printed, its numbers no results.
  // So is a message that is a small number alone, the user's reply to a bot's menu or question ("Carlos: 1",
  // "Carlos: 5" for a rating): no value of the line above, which is another sender's message.
  // An iPhone export marks a message edited at its end ("glicada 7,4% \u200e<Esta mensagem foi editada>"): the
  // app's note, no cell of the result, and read as one it leaves the value unread. Blanked, so the line keeps its length.
  t = t.replace(CHAT_EDIT_MARK, (m) => ' '.repeat(m.length));
  const stamp = CHAT_STAMP.exec(t);
  const message = stamp ? t.slice(stamp[0].length) : '';
  if (stamp && !isChatConversation(message) && !/^\s*\d{1,2}\s*$/.test(message)) {
    const finding = messageFindingEnd(message);
    const end = finding ? finding.at + finding.word.length : message.length;
    t = ' '.repeat(stamp[0].length) + message.slice(0, end) + ' '.repeat(message.length - end);
    // The typist's remark after a result's bracketed reference ("Ácido úrico 5,9 (2,4 a 5,7) esse veio com
    // asterisco", h1566): her words about the paper, no cell of the result; read as one, the line is left unread.
    t = t.replace(TYPED_REMARK_AFTER_BRACKET, (m) => ' '.repeat(m.length));
  }
  t = t
    .replace(TYPED_FACE, (m) => ' '.repeat(m.length))
    .replace(TYPED_REMARK_ON_LATER_LINE, (m) => ' '.repeat(m.length))
    .replace(TYPED_MARK_REMARK, (m) => ' '.repeat(m.length));
  // A clinical note's lead before the results it lists on the line ("Exames 20/11/2026 (lab. municipal,
  // transcritos): PTH intacto 286 pg/mL (VR 15-65) | Cálcio …"): the date and source of the list, no name of its first result.
  const lead = RESULTS_LEAD.exec(t);
  if (lead && /\d/.test(t.slice(lead[0].length))) t = ' '.repeat(lead[0].length) + t.slice(lead[0].length);
  t = withoutNotificationFrame(t);
  // A block's title with its reference column's header at the right ("PSA TOTAL        Valores de referência",
  // the ranges printed under that header beside the block's Método and Resultado lines): the header names the
  // column, nothing of the title; the title alone is read.
  const titled = TITLE_BESIDE_REFERENCE_HEADER.exec(t);
  if (titled && !HEADER_WORD_CELL.test(titled[1]!.trim())) t = titled[1]! + ' '.repeat(t.length - titled[1]!.length);
  // Telegram copies a message under a line of its own with the sender and a dotted stamp ("Laboratório
  // Fronteira, [02.12.24 15:47]"): it dates the message and holds nothing of it.
  if (TELEGRAM_HEADER.test(t)) t = ' '.repeat(t.length);
  // An SMS cut into parts numbers each one ("(1/2) LAB: Sr(a) …", "(2/2) COL TOTAL 201 …"): the counter
  // places the part, it is no piece of the first name; nor is the sender's name in capitals before it
  // ("LABCLIN (3/5): GLI 118 mg/dL …").
  const part = SMS_PART.exec(t);
  if (part && Number(part[1]) <= Number(part[2]) && /^\p{L}/u.test(t.slice(part[0].length))) t = ' '.repeat(part[0].length) + t.slice(part[0].length);
  // A transcription's italics around words, a species' name, leave no mark inside a bracket or before one either
  // ("cistos de *Giardia lamblia* (*duodenalis*)").
  // A star right after a colon closes a bold label ("*RNI (INR):* 2,31"), even with the value after it.
  t = t
    .replace(/\*\*|__/g, '')
    .replace(/(?<![\p{L}\d*])\*(\p{L}[^*\n]*?\p{L})\*(?![\p{L}\d*])/gu, '$1')
    .replace(/(^|\s)\*(?=\S)|(?<=\S)\*(?=\s|$)(?!\s*[\d(])|(?<=:)\*(?=\s)/g, '$1');
  // A transcriber's note that the value is printed in red or in bold ("**6,84** (em vermelho)", a photo of a
  // screen): the lab's way to mark a value out of range, read as its mark; left as a bracket between the value and
  // its unit cell it would be taken for the reference.
  t = t.replace(/(?<=\d)\s*\((?:em\s+|destacad[oa]\s+(?:em\s+)?)?(?:vermelho|negrito)\)/giu, ' *');
  // Italics with underscores from a transcription ("_Assinatura no rodapé: …_"), kept inside words ("HB_A1C").
  t = t.replace(/(^|\s)_(?=[^\s_])|(?<=[^\s_])_(?=\s|$)/g, '$1');
  // A message's square or diamond bullet is one too ("▫️ Ureia: 74 mg/dL", "▪️ *RNI (INR):* 2,31", with
  // its emoji selector; "🔹 TSH: 2,1").
  // So is any pictograph an app puts before each exam ("🧪 Glicose: 88 mg/dL", "🩸 Hemoglobina: …"), with
  // its joined parts; not the signs that say something (©, ™, an arrow that marks a value high or low).
  // A portal's open section shows a down arrow before its title ("▼ Hemograma completo"): before a name
  // it toggles the section, before a number it marks the value low. A star in a LIS's mark column, before
  // a value printed under its name ("*    148,6   mg/L"), is no bullet either: the line keeps its columns.
  // A chat bot's hooked arrow before a line that belongs to the result above ("Hemácias: 4,36 milhões/mm³" then
  // "↳ Ref.: 4,00 a 5,20") marks it as that result's continuation, as an indent would: no high or low mark.
  // So does an app's circled "i" before the note under a result ("ⓘ Meta definida pelo seu médico").
  t = t.replace(
    /^\s*(?:[-•·]|\*(?!\s{2,}[<>≤≥]?\d)|[▪►▫◦▸‣◾◽▶🔹🔸🔷🔶↳⤷ⓘ]\uFE0F?|[▼▾▽](?=\s+\p{L})|(?![©®™⬆⬇])\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*|\d{1,2}[.)])\s+(?=\S)/u,
    '',
  );
  // The app's status chip closing the reference line ("Referência: < 190 mg/dL ⚠️ Acima", "… ✅ Normal"):
  // a pictograph and a verdict word restate the comparison with the range, and left on the line the
  // word would be read as the range's label. A card may set the chip apart with a middle dot ("— 412 U/L ·
  // 🔴 Acima", a vision model's transcript of an app's result card).
  t = t.replace(
    /(?<=[\d\p{L})%³])\s+(?:[·•]\s+)?(?![©®™])\p{Extended_Pictographic}\uFE0F?\s*(?:normal|acima|abaixo|alterad[oa]|alt[oa]|baix[oa]|elevad[oa]|aumentad[oa]|diminu[ií]d[oa]|reduzid[oa])\.?\s*$/iu,
    '',
  );
  // A comment typed after a pictograph at the end of a result line ("TGP 35 U/L (até 33) 👈 essa deu alta", a
  // patient's paste in a chat): the pictograph sets the typist's words apart from the result and its
  // reference, which they would otherwise run into. Only words, no number, after a line that printed one;
  // not a result in words ("HIV 1 e 2 🧪 Não reagente"), nor the lab's verdict ("🔴 Acima da referência").
  const aside = TYPED_ASIDE.exec(t);
  if (aside && qualitativeAtStart(aside[1]!) === undefined && !VERDICT_START.test(aside[1]!)) t = t.slice(0, aside.index);
  // A quote mark before a name (markdown's "> ", a summary's list "> TSH ..... 6,84") is a bullet too; before a
  // number it is the comparator of the value ("> 60").
  t = t.replace(/^\s*>\s+(?=\p{L}|\d+-\p{L})/u, '');
  // A markdown heading ("### URINA TIPO 1 (EAS)") is a title as typed.
  t = t.replace(/^\s*#{1,6}\s+(?=\S)/, '');
  // A table drawn with box characters (a PDF's or a system's printout: "┌──┬──┐", "│ EXAME │ … │"): a
  // rule line is a separator row, and the vertical rule sets the cells apart as a markdown table's bar.
  if (/[─━═]/.test(t) && /^[\s─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╞╡╪│┃║]+$/.test(t)) return { index, raw, text: '', leader: false, offset: 0 };
  t = t.replace(/[│┃║]/g, '|');
  // A group's title drawn between rules ("── Ácaros ──────────", over the rows of an allergen panel): the
  // words are the title, the rules a separator; blanked in place, the columns stay where they were.
  if (/^\s*[─━═]{2,}\s+\p{L}[^─━═]*?\s+[─━═]{2,}\s*$/u.test(t)) t = t.replace(/[─━═]/g, ' ');
  // A bar drawn after a result or its class ("4  ████", "2  ██"): a picture of the number beside it,
  // no cell of its own.
  t = t.replace(/(?<=\S)(\s+)[█▉▊▋▌▍▎▏▓▒░■▇▆▅▄▃▂▁]+(?=\s*$)/u, (m) => ' '.repeat(m.length));
  // A number a thermal printout faded (or a fax smudged) with its lost digits printed as shade glyphs ("[12,0 -
  // 1░,░]", a point-of-care analyser's Hb range, h1690): what is left of it is no number, so the rest is marked
  // unreadable as a transcriber marks it ("1[ilegível]"), and no bound nor value is read from it. A photo's
  // transcription draws a full block where the picture lost the rest of a number ("197 a 7█ *(cortado na foto)*",
  // h1896): the same.
  t = t.replace(/(?<=\d[.,]?)[.,]?[░▒▓█][\d.,░▒▓█]*|(?<![\d.,])[░▒▓█]+[.,]?\d[\d.,░▒▓█]*/gu, '[ilegível]');
  // Or a band's intensity drawn between bars in a column of its own, before the reading in words (an
  // immunoblot's "Sm   ++   |███████████        |   Positivo   Negativo", h1531; an empty gauge for a band
  // not seen): a picture of the class beside it, no table's bars. Blanked in place, the columns stay.
  if (t.includes('|') && !/^\s*\|/.test(t)) t = t.replace(/(?<=\S\s{2,})\|[█▉▊▋▌▍▎▏▓▒░■▇▆▅▄▃▂▁ ]{8,}\|(?=\s{2,}\S|\s*$)/u, (m) => ' '.repeat(m.length));
  // A results app's share-as-text writes each result as a sentence ("Ureia: 41 mg/dL.") and closes its
  // reference line with a verdict in words ("Referência: 15 a 40 mg/dL. Acima da faixa."): the verdict
  // restates the comparison with the range, and the sentence's final stop after a unit or a bracket
  // is punctuation, not part of the unit.
  t = t.replace(/(?<=\S)\.\s+(?:dentro|abaixo|acima|fora)\s+d[ao]s?\s+(?:faixa|intervalo|refer[êe]ncia)(?:\s+de\s+refer[êe]ncia)?\.?\s*$/iu, '.');
  // One sentence on the line, its only stop the last character: what closes it may be the sentence's stop.
  const oneSentence = !/\.\s+\S/.test(t);
  // Only a line that is one sentence: a note of several ("… de coágulo. Controle normal: 30,0 seg.") stays prose.
  // A list of results parted by ';' and closed by a stop is one sentence too ("- Creatinina 0,8 mg/dL; TGO 26 U/L;
  // TGP 21 U/L.", a referral form's typed exams, h1770), its last result's unit no sentence's end.
  if (/\d/.test(t) && oneSentence && (!/;\s+\S/.test(t) || isResultList(t))) t = t.replace(SENTENCE_STOP, '');
  // Not after a list's other clauses ("mãe O Rh positivo, RN A Rh positivo.", "pico adequado; vale indetectável."):
  // a clinical note's, read as before.
  if (oneSentence && !/[;,]/.test(t.replace(/\([^()]*\)/g, ''))) t = t.replace(WORD_RESULT_STOP, '');
  if (oneSentence) t = withoutRemarkAfterFinding(t);
  // A list of results between slashes closed by a stop after its last bare value ("… / Glicemia 131 / Lactato 1,1.", a
  // discharge summary's labs, h1891): the stop is the sentence's, no part of the value, whose piece reads as the others do.
  if (oneSentence && (t.match(/\s\/\s/g) ?? []).length >= 2) t = t.replace(/(?<=\s\/\s+\p{L}[^/]*\d)\.\s*$/u, '');
  if (/^\s*\|?\s*:?-{3,}/.test(t) && /^[\s|:-]+$/.test(t)) return { index, raw, text: '', leader: false, offset: 0 };
  // A table framed in ASCII ("+------+------+", a PDF's or an old system's print, h1736): its rule line is a
  // separator row as the markdown one is, never a line of text (the title over a lone "Resultado" row).
  if (/^\s*[+|]?[-=]{3,}\+/.test(t) && /^[\s|+=-]+$/.test(t)) return { index, raw, text: '', leader: false, offset: 0 };
  let bars: string[] | undefined;
  // A table copied from a web page keeps one tab between cells however wide each is: as in a bar
  // table, a column is found by its cell's number, not by where the cell starts.
  const tabbed = row.trim().split('\t');
  // A bar inside such a cell parts the ranges of one reference ("Mulheres: 10 a 291 | Homens: 22 a 322"),
  // as a ";" would: the row's columns are its tabs; a markdown row opens and closes with its bars.
  const tabTable = tabbed.length >= 3 && !/^\s*\|/.test(t);
  // … save a result cell of two values, each with its own unit ("38 % | 3.724 /mm³", a differential's
  // relative and absolute counts): the two values of one row, set apart as two cells.
  const parts = (cell: string) =>
    cell.replace(VALUE_PAIR_CELL, (m, a: string, b: string) => (twoUnits(a, b) ? `${a}${COLUMN}${b}` : m)).replace(PERCENT_COUNT_CELL, `$1${COLUMN}$2`);
  // A bar between words in brackets says "or" between two things a cell holds ("Ref. 4 a 7 dias (% | /mm³)", the
  // units of a differential's two ranges): no cell ends there. Read as a slash, in the same place. Between
  // numbers ("(2-10%|300-900)") it parts two ranges still.
  t = t.replace(/\([^()|\d]*\|[^()|\d]*\)/g, (m) => m.replace('|', '/'));
  if (tabTable && t.includes('|')) t = parts(t).replace(/\s*\|\s*/g, '; ');
  if (tabTable) bars = tabbed.map((c) => parts(c.trim()).replace(/\s*\|\s*/g, '; '));
  else if (t.includes('|')) {
    // A reactive antinuclear test's pattern on the cell's second line, after a line break in the cell
    // ("**Reagente** — título 1/640<br>Padrão: nuclear homogêneo (AC-1)"): it describes the titre above
    // it, as the "PADRÃO:" line under a titre does, and is no value of the cell.
    bars = t
      .split('|')
      .map((c) => c.replace(/\s*<br\s*\/?>\s*padr[aã]o(?:\s+de\s+fluoresc[eê]ncia)?\s*:.*$/iu, '').trim())
      .filter((c, i, all) => c !== '' || (i > 0 && i < all.length - 1));
    t = bars.join(COLUMN);
  }
  // Analysers that print counts with an English thousands comma ("250,000 /µL (150,000 - 450,000)"):
  // a count per µL/mm³ is never fractional, so on such a line "d,ddd" is a thousands group.
  if (/(?<![\d,])\d{1,3}(?:,\d{3})+\s*\/(?:µl|μl|ul|mm3|mm³)/i.test(t)) t = t.replace(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])/g, (m) => m.replace(/,/g, '.'));
  // A viral load restated in logs beside it ("1.284.000 UI/mL (log 6,11)", "(log10: 3,2)", "(1,94 log)") is the same
  // result, not another value nor a note that stops the line being read.
  // So is the index a word result was read from, in brackets after it ("REAGENTE   (índice 18,42 S/CO)",
  // "Positivo (S/CO: 3,2)", "Reagente (índice S/CO: 14,20)"): the word is the result.
  t = t.replace(WORD_RESULT_INDEX, (m, word: string) => word + ' '.repeat(m.length - word.length));
  // So is the concentration a drug screen measured behind its positive word ("Positivo 1.250 pg/mg", "Detectado (620
  // ng/mL)"), and the screen's threshold beside a result, in brackets or in a cell led by its label ("Não detectado
  // (cut-off: 300 ng/mL)", "Negativo   Cut-off: 50 ng/mL   Ref.: Negativo"): the word is the result, the threshold
  // neither a result nor the reference (h1978). Blanked, the cells keep their columns.
  t = t.replace(DRUG_CONCENTRATION, (m, word: string) => word + ' '.repeat(m.length - word.length)).replace(CUTOFF_ASIDE, (m) => ' '.repeat(m.length));
  t = t.replace(/\(\s*(?:log\s*(?:10|₁₀)?\s*[:=]?\s*\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s*log\s*(?:10|₁₀)?)\s*\)/giu, (m) => ' '.repeat(m.length));
  // A previous result printed beside this one ("Resultado anterior: 119 mg/dL (10/01/2025)") is an
  // earlier sample's: it is cut off so its date does not make the line administrative, and the
  // current value before it is read.
  const previous = PREVIOUS_CUT.exec(t) ?? DATED_EARLIER_CELL.exec(t) ?? EARLIER_ASIDE.exec(t);
  let cut: string | undefined;
  // Digits only in brackets before it are a header cell's qualifier ("Exame   Resultado   Valor de referência (7 a 12
  // anos)   Último resultado"), no current value: the header keeps its previous-result column.
  // So is the result column's sample date ("EXAME   RESULTADO MAI/25   REFERÊNCIA   ÚLTIMO ANTERIOR (NOV/24)", h1922).
  if (
    previous &&
    previous.index > 0 &&
    /\d/.test(
      t
        .slice(0, previous.index)
        .replace(/\([^()]*\)/g, ' ')
        .replace(RESULT_CELL_DATE, ' '),
    )
  ) {
    cut = previous[0];
    t = t.slice(0, previous.index);
  }
  // A line that is only a previous result ("Resultado anterior: 98 mg/dL em 10/01/2025", "Resultado
  // anterior do potássio: 4,9 mmol/L") is not this report's result.
  // So is one led by "Valor anterior", or addressed to the patient ("Seu resultado anterior"), or a bullet, with the earlier sample's date in brackets before the
  // colon ("Valor anterior (19/08/2025): 3.105 pg/mL", "- Anterior (05/08/2025): 11,40 µUI/mL"), or a dot
  // leader as the block's other labels have ("Resultado anterior.....:   8,1 % em 02/02/2024").
  // So is a sentence that tells the earlier result ("Em seu exame anterior (14/05/2025), o resultado de TSH foi 3,1
  // µUI/mL.", an e-mail's closing words).
  else if (previous && (PREVIOUS_ONLY.test(t) || PREVIOUS_NAMED.test(t) || PREVIOUS_NAMED_DATED.test(t) || PREVIOUS_PROSE.test(t)))
    return { index, raw, text: '', leader: false, offset: 0, previous: t };
  // So is a progress note's line of the day before's labs ("* ontem (02/06): K 5,9 -> recebeu Sorcal; Na 133; Cr
  // 1,88", h1686), under the day's: what they were, no result of this report.
  else if (EARLIER_DAY_LINE.test(t) || ADMISSION_NAMED.test(t)) return { index, raw, text: '', leader: false, offset: 0, previous: t };
  // A section's title that ends with the fast the samples were drawn after, a dash or a dot before it
  // ("METABOLISMO GLICÍDICO E LIPÍDICO - Jejum: 12 h"): a cell of its own, as when a column break sets it
  // apart ("PERFIL LIPÍDICO      Jejum: 12 horas"), so the title stays a title and the fast, a condition of
  // the sample that patient.ts reads, is never a result named by the title.
  t = t.replace(FASTING_TAIL, (m, sep: string) => ' '.repeat(sep.length) + m.slice(sep.length));
  // The unit a block's table is in, in a field of its own before the reference it shares with its rows
  // ("Unidade: kUA/L      Referência: inferior a 0,10 kUA/L", a portal's allergen panel): the table's header
  // and the reference print it too, and it is no part of the reference.
  t = t.replace(UNIT_FIELD_BEFORE_REFERENCE, (m) => ' '.repeat(m.length));
  t = withoutLetterSpacing(t);
  t = withoutPairSlips(withoutNameSlips(withoutOcrLetters(withReadAccents(t))));
  // A procedure code column before the name (SUS SIGTAP "02.02.01.047-3", a LIS's "0301.12-4"): digits
  // in three or more groups, then a column break and a word. It is an identifier, never a value, and
  // would leave the name behind a number. An ISO date is not a code, nor a count in thousands
  // ("150.000.000   UFC/mL" in one cell per line), whose digits would then be lost in silence.
  t = t.replace(
    /^(\s*)(?!\d{4}-\d{2}-\d{2}\b|\d{1,3}(?:\.\d{3})+(?!\S))\d+(?:[.-]\d+){2,}(?=\s{2,}\p{L})/u,
    (m, pad: string) => pad + ' '.repeat(m.length - pad.length),
  );
  // The same SUS procedure code in brackets after the exam's name ("GLICOSE (02.02.01.047-3)", a primary care
  // record's exam list): the procedure billed, an identifier in its exact dotted shape, never a value nor
  // part of the name.
  t = t.replace(/\(\s*\d{2}\.\d{2}\.\d{2}\.\d{3}-\d\s*\)/gu, (m) => ' '.repeat(m.length));
  // A rapid test's kit lot in brackets after its result ("Não reagente (lote 24H0317)", a primary care record's
  // table, h1680): an identifier of the kit, never a value nor part of the result's word. The bracket may name the
  // device or kit first, and whose lot it is ("Glicemia capilar (glicosímetro <marca>, lote tiras 4731192)", a
  // pharmacy's declaration, h1740): still the kit's identity, no value of the title.
  t = t.replace(/\((?:[^()\d,;]{1,60}[,;]\s*)?\s*lote(?:\s+(?:d[ao]s?\s+)?(?:tiras?|kit|reagentes?))?\s*(?:n[ºo°]\.?\s*)?:?\s*[A-Z0-9][\w/-]*\s*\)/giu, (m) =>
    ' '.repeat(m.length),
  );
  // The same code in its exact dotted shape before the name with a single space ("02.02.01.047-3 GLICOSE
  // 142 mg/dL", a municipal lab's procedure column as wide as the code): its shape alone says it is the
  // procedure billed, never a value. A panel billed as several procedures lists their codes between slashes
  // ("02.02.01.060-0 / 02.02.01.063-5  DOSAGEM DE POTÁSSIO / SÓDIO").
  t = t.replace(
    /^(\s*)(?:\d{2}\.\d{2}\.\d{2}\.\d{3}-\d\s*\/\s*)*\d{2}\.\d{2}\.\d{2}\.\d{3}-\d(?=\s+\p{L})/u,
    (m, pad: string) => pad + ' '.repeat(m.length - pad.length),
  );
  // A health plan's TUSS code before the exam ("40302040    GLICOSE (soro)    112 mg/dL", the code of the
  // procedure the guia authorised): eight digits in one group, then a column break and a name that is
  // no unit. An identifier, never a value, as the dotted codes above.
  const blankCode = (m: string, pad: string) => pad + ' '.repeat(m.length - pad.length);
  t = t.replace(TUSS_CODE, blankCode).replace(SIGTAP_CODE, blankCode);
  // A value alone in its column before its reference ("195      Meta: 30 mg/dL acima da meta do", the name
  // wrapped on the line above) is no code: what follows it is a reference, never an exam's name.
  const lisCode = LIS_CODE.exec(t);
  if (lisCode && !isReferenceText(t.slice(lisCode[0].length), { strictLabels: true })) t = t.replace(LIS_CODE, blankCode);
  // A dash opening a cell before words ("Cor      - Amarela      - Amarela", "Resultado   - Foram
  // encontrados …") sets the columns apart, as the spaces do: it is no part of the word result. A
  // dash before digits is left to the value and range readers (a sign, a range's "10   -   20").
  t = t.replace(/(?<=\S\s{2,})[-–—]\s+(?=\p{L})/gu, (m) => ' '.repeat(m.length));
  // A PDF that justifies its reference column prints a range with column gaps around its "a"
  // ("12,0   a   15,5"): one range, not three cells. Padded after it, so later cells keep their column.
  // A column of ranges whose ends are each right-aligned puts the gap on one side only ("300 a   900
  // /mm³" under "1.700 a 7.000 /mm³"); only with the range's unit after it, since a range cut at the
  // margin ("13,5 a", its end on the next line) with a value in a column beside it looks the same.
  t = t.replace(
    /(?<![\d/.,:])(\d[\d.,]*)(?:\s{2,}(a|à)\s+|\s+(a|à)\s{2,}(?=\d[\d.,]*(?![\d.,])\s*[^\s\d.,]))(\d[\d.,]*)(?![\d/:])/gu,
    (m, low: string, word1: string | undefined, word2: string | undefined, high: string) => `${low} ${word1 ?? word2} ${high}`.padEnd(m.length),
  );
  // So does a blood-gas analyser, its bounds right-aligned inside square brackets ("[  136  -   146 ]",
  // "[ -2.0  -   3.0 ]"), a base excess's high bound with its plus sign ("[  -2,0 -   +2,0 ]"): the
  // brackets hold one range, never three cells.
  t = t.replace(/\[\s*([-–]?\s?\d[\d.,]*)\s*([-–]|a|à)\s*([-–+]?\s?\d[\d.,]*)\s*\]/gu, (m, low: string, dash: string, high: string) =>
    `[${low.replace(/\s/g, '')} ${dash} ${high.replace(/\s/g, '')}]`.padEnd(m.length),
  );
  // A message typed by hand shortens "que" to "q" ("(menor q 190)", "maior q 40"): the comparator
  // the reference reader knows.
  t = t.replace(/(?<![\p{L}])(menor|maior)\s+q\.?(?=\s*\d)/giu, '$1 que');
  // A name printed as an abbreviation with a dot after each capital ("V.C.M.", "C.H.C.M.") is the
  // abbreviation the catalogue knows ("VCM"); the dots would also run into a dot leader after it.
  // Padded to its printed length: cells are placed by column. When the name goes on after one space
  // ("V.L.D.L. COLESTEROL"), the padding goes to the next column break, else it would set the rest of the
  // name apart as a cell of its own.
  const abbr = /^(\s*)((?:\p{Lu}\.){2,}\p{Lu}?\.?)(?=[\s.:])/u.exec(t);
  if (abbr) {
    const bare = abbr[2]!.replace(/\./g, '');
    t = /^ \p{L}/u.test(t.slice(abbr[0].length))
      ? replaceWord(t, abbr[1]!.length, abbr[2]!, bare)
      : (abbr[1]! + bare).padEnd(abbr[0].length) + t.slice(abbr[0].length);
  }
  // An app prints a row's two values, and its two ranges, as one field each split by a middle dot
  // between column gaps ("41,0 %   ·   1.312 /µL"): the dot is a column break, as the spaces around it.
  // Only before a value: between words ("LabVita+  ·  Meus resultados") it is a title's ornament.
  t = t.replace(/(?<=\S\s{2,})[·•](?=\s{2,}[<>≤≥]?\d)/gu, ' ');
  // A portal's field printed after the result on its line, a middle dot before its label ("Glicose:
  // Negativo · Referência: Negativo", "Cor: Amarelo citrino · VR: Amarelo citrino"): the dot sets the
  // reference apart as a column gap does, so a word result ends there and the reference is its own.
  t = t.replace(REFERENCE_FIELD_DOT, (m) => ' '.repeat(m.length));
  t = withoutCountFormLabels(t);
  t = withSampleClockInName(t);
  let leader = false;
  // Two dots between spaces ("TFG (CKD-EPI 2021) .. 46") lead too, and so does a run of middle dots
  // ("Glicose ······ 82 mg/dL"; one "·" between spaces only separates fields). So do two dots glued to
  // a block's own label before its colon, where a typed report's leaders run out against the longest
  // label ("RESULTADO............: POSITIVO" / "VALOR DE REFERÊNCIA..: NEGATIVO"); after another word
  // they may close its abbreviation ("HIP. DIAG..: …"). The longest name of a block leaves its leader one dot before the
  // colon, a space before it ("Cistos de Giardia lamblia (G. duodenalis) .: ENCONTRADOS", h1798), or one dot alone before
  // the value ("CALCIO URINA 24 HORAS . 312 mg/24h" among "CALCIO TOTAL .......... 10,9", a typed copy, h1912): without
  // it the name's own number ("24 HORAS") stood before the value. So does one before a bound's word in a list of
  // references ("Relação proteína/creat. urinária . inferior a 0,20 mg/mg", h1970).
  // A name too long for the leaders' column runs into its value, one space apart ("Beta-hidroxibutirato 3,9
  // mmol/L ...... inferior a 0,6"): the leader after the value leads to the reference, a column gap.
  const first = LEADER.exec(t);
  LEADER.lastIndex = 0;
  const runOn = first && first.index > 0 ? VALUE_BEFORE_LEADER.exec(t.slice(0, first.index)) : null;
  const after = first ? t.slice(first.index + first[0].length) : '';
  const gapAt = runOn && !LEADER.test(after) && isReferenceText(after.trim()) && !LONE_VALUE.test(after.trim()) ? first!.index : -1;
  LEADER.lastIndex = 0;
  t = t.replace(LEADER, (m: string, at: number) => {
    if (at === gapAt) return ' '.repeat(Math.max(3, m.length));
    leader = true;
    return ' : ';
  });
  const line: CleanLine = { index, raw, text: t.trim(), leader, offset: raw.includes('|') ? 0 : t.length - t.trimStart().length };
  if (cut !== undefined) line.previous = cut;
  if (bars !== undefined) line.bars = bars;
  return line;
}

// Words a report prints with an accent besides the catalogue's names: the reference's and the header's
// words ("até", "Referência"), a urine's aspect ("Límpido"), a section's name ("BIOQUÍMICA").
const REPORT_WORDS = [
  'até',
  'referência',
  'referências',
  'límpido',
  'límpida',
  'bioquímica',
  'hematológico',
  'método',
  'relação',
  'razão',
  'índice',
  'proteínas',
  'bactérias',
  'células',
  'hemácias',
  'leucócitos',
  'ausência',
  'presença',
  'traços',
  'número',
  'médico',
  'não',
];
// Every accented word the parser knows, by its folded form: what a word with an unreadable accent is
// read against. Only words whose accents keep their length when folded.
let accentedWords: Map<string, string> | undefined;
const knownAccentedWords = () => {
  if (accentedWords) return accentedWords;
  accentedWords = new Map();
  const words = [...ANALYTES, ...KNOWN_NAMES].flatMap((d) => [d.name, ...d.synonyms]).flatMap((n) => n.split(/[^\p{L}]+/u));
  for (const w of [...REPORT_WORDS, ...words]) {
    const f = foldSameLength(w);
    if (f.length === w.length && f !== w.toLowerCase() && !accentedWords.has(f)) accentedWords.set(f, w.toLowerCase());
  }
  return accentedWords;
};
const UNREADABLE_WORD = /[\p{L}\uFFFD]*\uFFFD[\p{L}\uFFFD]*/gu;

/**
 * A photo transcription writes "�" (U+FFFD) for an accented letter it could not read ("Pot�ssio",
 * "Refer�ncia", "at�", "Rela��o"): each one stands for one letter. A word that, with each "�" read as
 * one letter, is an accented word the parser knows is that word, in the case of the letters around
 * it, so the name, the reference and the header read as printed; any other stays as it is.
 */
export function withReadAccents(t: string): string {
  if (!t.includes('\uFFFD')) return t;
  return t.replace(UNREADABLE_WORD, (w) => {
    const f = foldSameLength(w.replace(/\uFFFD/g, '?'));
    if (f.length !== w.length) return w;
    const known = knownAccentedWords();
    const pattern = new RegExp(`^${f.replace(/[^\p{L}?]/gu, '').length === f.length ? f.replace(/\?/g, '.') : '$^'}$`, 'u');
    let found: string | undefined;
    for (const [folded, word] of known)
      if (pattern.test(folded)) {
        if (found !== undefined && found !== word) return w;
        found = word;
      }
    if (found === undefined) return w;
    return w
      .split('')
      .map((c, i) => {
        if (c !== '\uFFFD') return c;
        const near = [w[i - 1], w[i + 1]].filter((n): n is string => n !== undefined && n !== '\uFFFD');
        return near.length > 0 && near.every(isUpper) ? found![i]!.toUpperCase() : found![i]!;
      })
      .join('');
  });
}

// A title printed with its letters spaced out ("T S H   -   H O R M Ô N I O   T I R E O E S T I M U L A N T E",
// centred over a small lab's block): one space inside a word, a wider gap between words. Read as printed, each
// letter is a word of its own and the name is no catalogue name, nor a title when a dash parts it. Only a line
// that is all such words (a bracket may hug the first and last letter: "(A N T I - P E R O X I D A S E)") is
// one; it keeps its start and its length, so no column moves.
export function withoutLetterSpacing(t: string): string {
  const m = /^(\s*)(\S.*?)\s*$/u.exec(t);
  if (!m) return t;
  const words = m[2]!.split(/\s{2,}/);
  if (!words.every((w) => /^[([]?\S(?: \S)*[)\]]?$/u.test(w)) || !words.some((w) => /\p{L} \p{L} \p{L}/u.test(w))) return t;
  return (
    m[1]! +
    words
      .map((w) => w.replace(/ /g, ''))
      .join(' ')
      .padEnd(t.length - m[1]!.length)
  );
}

// A decimal comma followed by a space and one or two digits before a lab unit ("10, 8 mg/dL").
const OCR_SPACED_DECIMAL = new RegExp(String.raw`(?<![\d.,])(\d{1,4}), (\d{1,2})(?=\s*(?:${UNIT_PATTERN})(?![\p{L}\d]))`, 'giu');

// A photo read by OCR or a vision model prints "O" for 0 and "l"/"I" for 1 inside numbers ("1O2 mg/dL",
// "l,O4", "7O a 99"). A token of digits and those letters, with at least one real digit, standing
// apart from words, is a number. "O2" (oxygen), "CO2", "T3", "B12" stay: a letter before the token, or
// a lone "O"/"I" before one digit, is a name.
const OCR_NUMBER = /(?<![\p{L}\d.,])(?=[\dOlI.,]*\d)(?=[\dOlI.,]*[OlI])[\dOlI]+(?:[.,][\dOlI]+)*(?![\p{L}\d])/gu;
// The same slip the other way round puts a 0 inside a word ("Pr0teína", "t0tal", "F0SFATASE"): a digit
// between two letters is never part of a number, so it is the O of the name, in the case of the letters
// around it, and the name is reported as it reads.
export function withoutOcrLetters(t: string): string {
  // A token that opens on digits is no word: its zero between letters is a count ("IG 10s0d", 10 weeks and 0 days, h1753).
  t = t.replace(/(?<=(?<![\d])(\p{L}))0(?=(\p{L}))/gu, (_m, before: string, after: string) => (isUpper(before) && isUpper(after) ? 'O' : 'o'));
  t = withoutAccentedOSlips(t);
  // So does a blood gas's symbol, the O of oxygen read as a zero before its count ("pC02", "p02", "HC03-",
  // "Sat 02"): no number is written glued after those letters, nor after a saturation's name.
  t = t.replace(OCR_GAS_SYMBOL, 'O');
  // OCR also sets the decimals apart from the comma ("10, 8 mg/dL"): a number before a lab unit is one
  // number, never a list; the space moves after it, so the line keeps its length.
  t = t.replace(OCR_SPACED_DECIMAL, '$1,$2 ');
  // In a date every part is a number ("3O/O9/2O25"): "O9" there is 09, not a name like O2.
  t = t.replace(OCR_DATE, (m) => m.replace(/O/g, '0').replace(/[lI]/g, '1'));
  t = t.replace(OCR_S_FOR_5, (m) => m.replace(/S/g, '5'));
  t = t.replace(OCR_NUMBER, (m) => (/^[OI]\d$/.test(m) || !/^[\dOlI]+(?:[.,][\dOlI]+)*$/.test(m) ? m : m.replace(/O/g, '0').replace(/[lI]/g, '1')));
  t = t.replace(OCR_LONE_ZERO_BOUND, '0');
  return t.replace(OCR_GROUPED, (m) => m.replace(/O/g, '0').replace(/[lI]/g, '1')).replace(OCR_TENS, (m) => m.replace(/O/g, '0').replace(/[lI]/g, '1'));
}

const LEADER =
  /\s*(?:\.\s*){3,}:?\s*|\s*_{3,}\s*|\s*·{3,}\s*|\s+\.\.:?\s+|\s+\.:\s+|(?<=\p{L})\s+\.\s+(?=[<>≤≥]?\s*\d|(?:inferior|superior|at[eé]|menor|maior|abaixo|acima)\s)|(?<=(?:refer[eê]ncia|resultados?|m[eé]todo|material|amostra))\.\.:\s*/giu;
const VALUE_BEFORE_LEADER = new RegExp(String.raw`^\s*\p{L}[^:\d]*\p{L}[^\s:]*\s[<>≤≥]?\s*-?\d[\d.,]*\s*(?:${UNIT_PATTERN})$`, 'iu');
const LONE_VALUE = new RegExp(String.raw`^[<>≤≥]?\s*-?\d[\d.,]*\s*(?:${UNIT_PATTERN})?$`, 'iu');
const OCR_GAS_SYMBOL = /(?:(?<=(?:^|[\s(|])(?:p|pc|hc|fi|s[pa]?|ct?))|(?<=(?:^|[\s(|])(?:sat|satura[cç][aã]o)\.?(?:\s+de)?\s))0(?=[23][-+]?(?![\p{L}\d.,]))/giu;
// OCR reads a 5 as "S" among digits too ("pH ........ 5,S     5,0 a 7,0", "1S2 mg/dL"): an S glued after a
// decimal comma's digits, or between two digits, standing apart from words, is the 5. "5 S", "S/CO", "mS" stay.
const OCR_S_FOR_5 = /(?<![\p{L}\d.,])\d+(?:,S\d*|(?:S\d+)+)(?![\p{L}\d.,])/gu;
const OCR_DATE = /(?<![\p{L}\d/])(?=[\dOlI/]*\d)[\dOlI]{1,2}\/[\dOlI]{1,2}\/(?:[\dOlI]{4}|[\dOlI]{2})(?![\p{L}\d/])/gu;
// A count in thousands with every digit misread ("lO.OOO /mL" for 10.000): no word is written in groups
// of three after a dot, so the token is a number even with no real digit in it.
const OCR_GROUPED = /(?<![\p{L}\d.,])[lIO]{1,3}(?:\.O{3})+(?![\p{L}\d.,])/gu;
// So is a round number with every digit misread, a 1 then zeros ("< lOO", "Desejável lOO a l29"):
// a small l or a capital I then capital O's spells no word. Two letters ("lO") only after a comparator
// or "até", where a number stands.
// A range's low bound of zero read as a lone capital O ("O a 2", "O a 2OO", a differential's basophils): no
// word is a lone O before "a" and a number, so it is the zero and the range is read. A name's "O" glued to its
// digit ("O2") is no lone letter, and its number stands before no "a".
const OCR_LONE_ZERO_BOUND = /(?<![\p{L}\d.,])O(?=\s+a\s+[\dOlI.,]*\d)/gu;
const OCR_TENS = /(?<![\p{L}\d.,])(?:[lI]O{2,3}|(?<=(?:[<>≤≥]|\bat[eé])\s*)[lI]O)(?![\p{L}\d])/gu;

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();

// The words of the catalogue's names and synonyms, folded, of four characters or more: what a word
// with an OCR slip is read against. A block's labels take the same slips ("Resu1tado", "Refer6ncia"),
// and the value and its reference are found by them: their words are read against too. So do the
// results written in words ("Arnarelo citrino", "Norrnal" in a urine exam's cells): read with the slip,
// the word result is no longer the reference it matches, and a normal result reads as altered.
const LABEL_WORDS = ['resultado', 'resultados', 'referencia', 'referencias', 'valor', 'valores', 'material', 'metodo', 'unidade', 'amostra'];
// A reference cell's words take them too ("lnferior a 5,7", "Fase folicu1ar: 2,4 a 12,6"): the bound's
// word and the label of a range (a cycle phase, a tier, a sex) are how the range is read, so a slip in
// them leaves the row unread.
const REFERENCE_WORDS = [
  'inferior',
  'superior',
  'acima',
  'abaixo',
  'folicular',
  'ovulatorio',
  'lutea',
  'luteinica',
  'menopausa',
  'desejavel',
  'limitrofe',
  'elevado',
  'ideal',
  'otimo',
  'adultos',
  'criancas',
  'homens',
  'mulheres',
  'masculino',
  'feminino',
  'gestantes',
  'trimestre',
  // The risk categories of a lipid goals note and its lead ("Meta conforme risco cardiovascu1ar:" / "Baixo < 13O ;
  // Interrnediario < 1OO ;" / "A1to < 7O ; Muito a1to < 5O", an OCR'd table's reference cell over three lines):
  // read with the slip, a category is taken for a result's name and its goal for the value.
  'risco',
  'cardiovascular',
  'conforme',
  'baixo',
  'intermediario',
  'alto',
  'muito',
];
// Names of results a report prints that the catalogue has no entry for: a urine exam's chemistry and
// sediment, an index of insulin resistance. They take the same OCR slips ("Bi1irrubina", "Cé1ulas",
// "HOMA-lR") and are read back the same way, as printed otherwise.
const REPORT_NAMES = [
  'Bilirrubina',
  // A liver panel's fractions ("Bilirrubina lndireta" read back as indireta).
  'Bilirrubina direta',
  'Bilirrubina indireta',
  'Urobilinogênio',
  'Corpos cetônicos',
  'Cetonas',
  'Nitrito',
  'Células epiteliais',
  'Cilindros hialinos',
  'Cilindros granulosos',
  'Leveduras',
  'Cristais',
  'Filamentos de muco',
  'Bactérias',
  'HOMA-IR',
  // A haemolysis work-up's counts, whose names take the same slips ("Reticul6citos").
  'Reticulócitos',
  'Eritroblastos',
  // The white cells of a differential the catalogue names by their kind only ("Segrnentados" read back).
  'Segmentados',
  'Bastonetes',
  'Metamielócitos',
  'Mielócitos',
  'Promielócitos',
  // A hormone panel's prolactin, which the catalogue has no range for ("Proiactina" read back, h1748).
  'Prolactina',
  'Macroprolactina',
];
let catalogueWords: Set<string> | undefined;
const nameWords = () =>
  (catalogueWords ??= new Set([
    ...[...[...ANALYTES, ...KNOWN_NAMES].flatMap((d) => [d.name, ...d.synonyms]), ...REPORT_NAMES]
      .flatMap((n) => foldText(n).split(/[^\p{L}\d]+/u))
      .filter((w) => w.length >= 4),
    ...LABEL_WORDS,
    ...QUALITATIVE_WORDS.flatMap((w) => foldText(w).split(' ')).filter((w) => w.length >= 4),
    ...REFERENCE_WORDS,
  ]));
// The two- and three-letter tokens of the catalogue's names with a capital I ("HIV", "IgG", HOMA's "IR"), as printed.
let catalogueShort: Set<string> | undefined;
const shortNames = () =>
  (catalogueShort ??= new Set(
    [...[...ANALYTES, ...KNOWN_NAMES].map((d) => d.name), ...REPORT_NAMES]
      .flatMap((n) => n.split(/[^\p{L}\d]+/u))
      .filter((w) => w.length >= 2 && w.length <= 3 && w.includes('I')),
  ));
const SHORT_SLIP = /(?<![\p{L}\d])(?=\p{L}*l)\p{L}{2,3}(?![\p{L}\d])/gu;
// A word of four characters or more with an l or a 1 in it and a letter.
const SLIP_WORD = /(?<![\p{L}\d])(?=[\p{L}\d]*[l1])(?=[\p{L}\d]*\p{L})[\p{L}\d]{4,}(?![\p{L}\d])/gu;

/**
 * A photo's OCR also reads the i of a name as an l or a 1 ("Hematócrlto", "C reatlva", "Magnés1o",
 * "CREATlNlNA"). A word that is no word of a catalogue name, but is one with some of its l/1 read as
 * i (the fewest that do), is that word, the i in the case of the letters around it, so the name is
 * recognised and reported as it reads. A real word with an l is a catalogue word itself ("total",
 * "alcalina", "livre") or has no such reading ("Lactato", "plasma"), and stays as printed.
 */
export function withoutNameSlips(t: string): string {
  t = withoutCapitalISlips(t);
  t = withoutIForLSlips(t);
  t = withoutZeroForOSlips(t);
  t = withoutLForOneSlips(t);
  if (!/[l1]/.test(t)) return t;
  const words = nameWords();
  // A three-letter token is too short to read against folded words: only an l read for the capital I
  // of a catalogue name's token, case and all ("HlV" for HIV, "lgG" for IgG), is corrected.
  t = t.replace(SHORT_SLIP, (w) => (shortNames().has(w.replace(/l/g, 'I')) ? w.replace(/l/g, 'I') : w));
  return t.replace(SLIP_WORD, (w) => {
    const f = foldSameLength(w);
    if (f.length !== w.length || words.has(f)) return w;
    const at: number[] = [];
    for (let i = 0; i < f.length; i++) if (f[i] === 'l' || f[i] === '1') at.push(i);
    if (at.length > 4) return w;
    const others = w.split('').filter((c, i) => /\p{L}/u.test(c) && !at.includes(i));
    const upper = others.length > 0 && others.every(isUpper);
    // A 1 is as often the l it looks like: tried only when no i reading
    // makes a catalogue word, so the older correction keeps its choices.
    const ones = at.filter((i) => f[i] === '1');
    return (
      withLetterSlips(w, f, at, 'i', (i) => (upper || i === 0 ? 'I' : 'i')) ??
      (ones.length > 0 ? withLetterSlips(w, f, ones, 'l', () => (upper ? 'L' : 'l')) : undefined) ??
      w
    );
  });
}

// A word of four characters or more with a zero after a letter ("Potássi0", "Cálci0").
const ZERO_WORD = /(?<![\p{L}\d])(?=[\p{L}\d]*\p{L}0)[\p{L}\d]{4,}(?![\p{L}\d])/gu;

/**
 * OCR reads the o that ends a name as a zero ("Potássi0"); between two letters withoutOcrLetters
 * already reads it back. A word that is no catalogue word, but is one with its zeros read as o, is
 * that word, the o in the case of the letter before it. A code with a zero ("AB0", "Lote X10") spells
 * no catalogue word and stays.
 */
function withoutZeroForOSlips(t: string): string {
  if (!/\p{L}0/u.test(t)) return t;
  const words = nameWords();
  const oRead = (w: string) => w.replace(/(?<=(\p{L}))0/gu, (_m, before: string) => (isUpper(before) ? 'O' : 'o'));
  // A header's label takes the slip too ("Pr0t0c0l0: 36.118"): read back, it is the administrative
  // label it spells, so its number is no result.
  t = t.replace(ZERO_WORD, (w) => {
    const read = oRead(w);
    const f = foldSameLength(read).toLowerCase();
    return !words.has(foldSameLength(w)) && (words.has(f) || adminLabelWords().has(f)) ? read : w;
  });
  // A three-letter name ("TG0" for TGO) is read against the catalogue's three-letter tokens, case and all.
  return t.replace(SHORT_ZERO, (w) => (shortOTokens().has(oRead(w)) ? oRead(w) : w));
}

const SHORT_ZERO = /(?<![\p{L}\d])\p{Lu}{2}0(?![\p{L}\d])/gu;
let adminWords: Set<string> | undefined;
const adminLabelWords = () => (adminWords ??= new Set(ADMIN_LABELS.filter((l) => /^\p{L}{4,}$/u.test(l))));
// The catalogue's three-capital tokens with an O ("TGO", "PCR"'s kin), as printed.
let catalogueShortO: Set<string> | undefined;
const shortOTokens = () =>
  (catalogueShortO ??= new Set(
    [...ANALYTES, ...KNOWN_NAMES].flatMap((d) => [d.name, ...d.synonyms].flatMap((n) => n.split(/[^\p{L}\d]+/u))).filter((w) => /^\p{Lu}{2}O$/u.test(w)),
  ));

// The tokens of the catalogue's names that mix letters and digits ("B12", "A1c", "T4"), as printed.
let catalogueCodes: Set<string> | undefined;
const codeNames = () =>
  (catalogueCodes ??= new Set(
    [...ANALYTES, ...KNOWN_NAMES]
      .flatMap((d) => [d.name, ...d.synonyms].flatMap((n) => n.split(/[^\p{L}\d]+/u)))
      .filter((w) => /\p{L}/u.test(w) && /\d/.test(w)),
  ));
// A token of two to five letters and digits, a digit among them and a letter OCR takes a digit for (l, Z).
const SLIP_CODE = /(?<![\p{L}\d])(?=[\p{L}\d]*[lZz])(?=[\p{L}\d]*\d)[\p{L}\d]{2,5}(?![\p{L}\d])/gu;

/**
 * The same slip in a name's token of letters and digits: OCR reads its 1 as an l ("Vitamina Bl2" for
 * B12), and its 2 as a Z ("Vitamína B1Z", a photo's transcription, h1782). A token that is a catalogue token
 * with its l read as 1 and its Z as 2 is that token; any other stays.
 */
function withoutLForOneSlips(t: string): string {
  if (!/[lZz]\d|\d[lZz]/.test(t)) return t;
  return t.replace(SLIP_CODE, (w) => {
    const read = w.replace(/l/g, '1').replace(/[Zz]/g, '2');
    return codeNames().has(read) ? read : w;
  });
}

// A word in lower case with a capital I after its first letter ("totaI", "CoIesterol").
const CAPITAL_I_WORD = /(?<![\p{L}\d])(?=\p{L}*\p{Ll})(?=\p{L}+I)\p{L}{4,}(?![\p{L}\d])/gu;

/**
 * The same slip the other way round: OCR reads the l of a word in lower case as a capital I ("Colesterol
 * totaI", "Fosfatase aIcalina"). A word that is no word of a catalogue name, but is one with some of its
 * I after the first letter read as l (the fewest that do), is that word. A capital that starts a word
 * ("Índice", "IgG") is never one of them.
 */
function withoutCapitalISlips(t: string): string {
  if (!/\p{L}I/u.test(t)) return t;
  const words = nameWords();
  return t.replace(CAPITAL_I_WORD, (w) => {
    const f = foldSameLength(w);
    if (f.length !== w.length || words.has(f)) return w;
    const at: number[] = [];
    for (let i = 1; i < w.length; i++) if (w[i] === 'I') at.push(i);
    if (at.length === 0 || at.length > 4) return w;
    return withLetterSlips(w, f, at, 'l', () => 'l') ?? w;
  });
}

// A word of four characters or more with a 6 between two letters.
const SIX_WORD = /(?<![\p{L}\d])(?=[\p{L}\d]*\p{L}6\p{L})[\p{L}\d]{4,}(?![\p{L}\d])/gu;

/**
 * OCR reads an accented ó as a 6 ("Eritr6citos", "Linf6citos"), and an ê too ("Refer6ncia"). A 6
 * between letters can also belong to a name ("HbA1c"-like codes), so only the word that is no word of
 * a catalogue name, but is one with some of those 6 read as o (the fewest that do), else as e, is
 * corrected, to that letter in the case of the letters around it; the line keeps its length.
 */
function withoutAccentedOSlips(t: string): string {
  if (!/\p{L}6\p{L}/u.test(t)) return t;
  return t.replace(SIX_WORD, (w) => {
    const f = foldSameLength(w);
    if (f.length !== w.length) return w;
    const at: number[] = [];
    for (let i = 1; i < f.length - 1; i++) if (f[i] === '6' && /\p{L}/u.test(f[i - 1]!) && /\p{L}/u.test(f[i + 1]!)) at.push(i);
    if (at.length === 0 || at.length > 3) return w;
    const cased = (letter: string) => (i: number) => (isUpper(w[i - 1]!) && isUpper(w[i + 1]!) ? letter.toUpperCase() : letter);
    return withLetterSlips(w, f, at, 'o', cased('o')) ?? withLetterSlips(w, f, at, 'e', cased('e')) ?? w;
  });
}

const bits = (n: number) => n.toString(2).replace(/0/g, '').length;

/**
 * The one mechanism of the OCR slip corrections: of a word's n possible slips, the fewest whose
 * correction (`corrected`, given the mask of the slips corrected) makes a word of a catalogue name,
 * as a mask; among as many, the lowest mask. Undefined when no correction does.
 */
function fewestSlips(n: number, corrected: (mask: number) => string): number | undefined {
  const words = nameWords();
  return Array.from({ length: (1 << n) - 1 }, (_, k) => k + 1)
    .sort((a, b) => bits(a) - bits(b) || a - b)
    .find((mask) => words.has(corrected(mask)));
}

/**
 * The single-letter slips: the word `w` (folded `f`) with the fewest of its characters at `at` read as
 * `letter` that make a catalogue word, each written as `written(position)` gives it (the case of the
 * word); undefined when no such reading makes one.
 */
function withLetterSlips(w: string, f: string, at: readonly number[], letter: string, written: (i: number) => string): string | undefined {
  const mask = fewestSlips(at.length, (mk) => {
    const chars = f.split('');
    for (let k = 0; k < at.length; k++) if (mk & (1 << k)) chars[at[k]!] = letter;
    return chars.join('');
  });
  if (mask === undefined) return undefined;
  const out = w.split('');
  for (let k = 0; k < at.length; k++) if (mask & (1 << k)) out[at[k]!] = written(at[k]!);
  return out.join('');
}

// OCR reads an m as "rn" and a d as "cl" (the two letters side by side look like the one).
const PAIR_SLIPS: ReadonlyArray<[read: string, meant: string]> = [
  ['rn', 'm'],
  ['cl', 'd'],
];
const PAIR_SLIP_PATTERNS = PAIR_SLIPS.map(([read, meant]) => [new RegExp(read, 'g'), meant] as const);
// A word of four characters or more with one of those pairs in it.
const PAIR_WORD = /(?<![\p{L}\d])(?=\p{L}*(?:rn|cl))\p{L}{4,}(?![\p{L}\d])/giu;
// The catalogue's words with some of their "ri" read as an n, to the word meant, and one pattern that
// finds them whole in a folded line: nearly every word has an n, and trying each n of each word would
// cost the reader more than all its other OCR corrections together.
let riSlipWords: { variants: Map<string, string>; re: RegExp } | undefined;
const riSlips = () => {
  if (riSlipWords) return riSlipWords;
  const words = nameWords();
  const variants = new Map<string, string>();
  for (const w of words) {
    const at = matchesOf(/ri/g, w).map((m) => m.index ?? 0);
    if (at.length === 0 || at.length > 3 || /[^a-z]/.test(w)) continue;
    for (let mask = 1; mask < 1 << at.length; mask++) {
      const read = at.reduceRight((acc, i, k) => (mask & (1 << k) ? `${acc.slice(0, i)}n${acc.slice(i + 2)}` : acc), w);
      if (!words.has(read) && !variants.has(read)) variants.set(read, w);
    }
  }
  // Printed with its accents and in any case: each letter matches its accented forms.
  const accented: Record<string, string> = { a: '[aáàâã]', e: '[eéê]', i: '[ií]', o: '[oóôõ]', u: '[uúü]', c: '[cç]' };
  const alternatives = [...variants.keys()]
    .sort((a, b) => b.length - a.length)
    .map((v) => v.replace(/[aeiouc]/g, (c) => accented[c]!))
    .join('|');
  riSlipWords = { variants, re: new RegExp(`(?<![\\p{L}\\d])(?:${alternatives})(?![\\p{L}\\d])`, 'gu') };
  return riSlipWords;
};

/** The word `w` (folded `f`) written as `meant`, each "ri" read as an n given back in the case printed. */
function withRi(w: string, f: string, meant: string): string {
  let out = '';
  for (let i = 0, j = 0; i < w.length; i++) {
    if (f[i] === meant[j]) {
      out += w[i];
      j++;
    } else {
      out += /\p{Lu}/u.test(w[i]!) ? 'RI' : 'ri';
      j += 2;
    }
  }
  return out;
}

/** Gives `fixed` in place of the word at `start`, keeping the line's columns: the characters saved or
 * taken are given back to, or taken from, the next column break after the word while it stays one. */
function replaceWord(out: string, start: number, w: string, fixed: string): string {
  let rest = out.slice(start + w.length);
  const gap = /\s{2,}/.exec(rest);
  const saved = w.length - fixed.length;
  if (gap && gap[0].length + saved >= 2)
    rest = saved >= 0 ? `${rest.slice(0, gap.index)}${' '.repeat(saved)}${rest.slice(gap.index)}` : rest.slice(0, gap.index) + rest.slice(gap.index - saved);
  return out.slice(0, start) + fixed + rest;
}

/**
 * OCR also reads an m as "rn" ("Complernento"), a d as "cl" ("Hemoglobina glicacla") and "ri" as an n
 * ("Hematócnto"). Like the l/1 slip: a word that is no word of a catalogue name, but is one with some of
 * its pairs read as the one letter (the fewest that do), is that word, the letter in the case of the
 * letters around it.
 */
export function withoutPairSlips(t: string): string {
  if (!/n|cl/i.test(t)) return t;
  const words = nameWords();
  let out = t;
  for (const m of /rn|cl/i.test(t) ? matchesOf(PAIR_WORD, t).reverse() : []) {
    const w = m[0];
    const f = foldSameLength(w);
    if (f.length !== w.length || words.has(f)) continue;
    const at = PAIR_SLIP_PATTERNS.flatMap(([read, meant]) => matchesOf(read, f).map((x) => ({ i: x.index ?? 0, meant }))).sort((a, b) => a.i - b.i);
    if (at.length > 3) continue;
    const apply = (s: string, mk: number, cased: boolean) =>
      at.reduceRight(
        (acc, a, k) => (mk & (1 << k) ? `${acc.slice(0, a.i)}${cased && /\p{Lu}/u.test(w[a.i]!) ? a.meant.toUpperCase() : a.meant}${acc.slice(a.i + 2)}` : acc),
        s,
      );
    const mask = fewestSlips(at.length, (mk) => apply(f, mk, false));
    if (mask === undefined) continue;
    out = replaceWord(out, m.index ?? 0, w, apply(w, mask, true));
  }
  if (!/n/i.test(out)) return out;
  const { variants, re } = riSlips();
  // Matched in small letters: a case-blind pattern costs several times more on every line.
  const lower = out.toLowerCase();
  if (lower.length !== out.length) return out;
  for (const m of matchesOf(re, lower).reverse()) {
    const w = out.slice(m.index ?? 0, (m.index ?? 0) + m[0].length);
    const f = foldSameLength(w);
    const meant = f.length === w.length ? variants.get(f) : undefined;
    if (meant !== undefined) out = replaceWord(out, m.index ?? 0, w, withRi(w, f, meant));
  }
  return out;
}

export function cells(text: string): string[] {
  return text
    .split(/\s{2,}/)
    .map((c) => c.trim())
    .filter(Boolean);
}

// Labels that start an administrative line (folded: lower case, no accents).
const ADMIN_LABELS = [
  'laboratorio',
  'lab',
  'hospital',
  'paciente',
  'cliente',
  // A health plan's member ("Beneficiária: NOME"), as a check-up or an operadora's clinic prints the patient.
  'beneficiario',
  'beneficiaria',
  // A lab in Portugal names the patient the health service's user ("Utente: NOME", h1779).
  'utente',
  'nome',
  'nome do paciente',
  'sexo',
  'idade',
  'data',
  'dt',
  'nascimento',
  'dn',
  'd.n',
  'medico',
  'medica',
  'dr',
  'dra',
  'dr(a)',
  'crm',
  'crf',
  'crbm',
  'crbio',
  'coren',
  'cns',
  'cartao sus',
  'municipio',
  'municipio de residencia',
  'notificacao',
  'sinan',
  'boletim',
  'cartao',
  'solicitante',
  'solicitado',
  'solicitado por',
  'requisitante',
  'medico solicitante',
  'unidade',
  'unidade solicitante',
  // The collection site ("Posto ......: Unidade Moinhos", "Posto de coleta: Centro").
  'posto',
  'posto de coleta',
  // Where the patient was sent from ("Origem.......: AMBULATÓRIO ENDOCRINOLOGIA", "Procedência: UTI").
  'origem',
  'procedencia',
  'setor',
  'leito',
  'quarto',
  'convenio',
  'plano',
  'pedido',
  'ordem',
  'os',
  'o.s',
  'atendimento',
  'requisicao',
  'req',
  'protocolo',
  // A device's receipt numbers each test and the meter ("TEST ID: 0471", "S/N: 0A2217731", a lipid meter's, h1740).
  'test id',
  's/n',
  // … and the protocol's as a results message does ("Prot.: 77.412.095").
  'prot',
  'ficha',
  'registro',
  // A typed form abbreviates its labels and pads them with dots ("REG....: 4.812", "PRONT..: 7305").
  'reg',
  'pront',
  'prontuario',
  'codigo',
  'cod',
  'material',
  'amostra',
  'metodo',
  // An old system's capitals abbreviate them, the colon right after ("MAT.: SORO", "MET.: ENZIMATICO", h1739).
  'mat.:',
  'met.:',
  'equip.:',
  // A stool exam read by several methods names them together ("Métodos: Hoffman, Pons & Janer e Faust").
  'metodos',
  'metodologia',
  // How a calculated index is got ("Cálculo: glicose (mg/dL) x insulina (µUI/mL) / 405"): a detail of its block.
  'calculo',
  'formula',
  'coleta',
  'colhido',
  'recebido',
  'recebimento',
  'liberado',
  'liberacao',
  'emissao',
  'emitido',
  'impresso',
  'assinado',
  'assinatura',
  'assinatura eletronica',
  'responsavel',
  'responsavel tecnico',
  // A minor's legal guardian ("Resp. legal: Josefa Melo (mãe)", "Responsável legal: …").
  'responsavel legal',
  'resp. legal',
  'bioquimico',
  'bioquimica responsavel',
  'bioquimico responsavel',
  'bioq',
  'farmaceutico',
  'biomedico',
  'pagina',
  'pag',
  'folha',
  'endereco',
  'rua',
  'av',
  'avenida',
  'travessa',
  'trav',
  'tv',
  'tel',
  'telefone',
  'fone',
  'whatsapp',
  'cnpj',
  'cpf',
  'rg',
  'cnes',
  'observacao',
  'observacoes',
  'obs',
  'nota',
  'notas',
  'interpretacao',
  'comentario',
  'comentarios',
  'jejum',
  'horario',
  'hora',
  'versao',
  'equipamento',
  'aparelho',
  'kit',
  'www',
  'http',
  'https',
  'e-mail',
  'email',
  'site',
  'secretaria',
  // The public-health programme the sample was taken under ("PROGRAMA: PRÉ-NATAL (REDE CEGONHA) - IG: 10 SEMANAS").
  'programa',
  // What the doctor wrote on the request ("Inf. clínica: pós-COVID-19 (internação há 6 semanas)",
  // "DADOS CLIN: HAS"): the patient's history, never a result (a lab value on it still lists the line).
  'inf. clinica',
  'inf. clinicas',
  'inf.clin',
  'inf. clin',
  'informacao clinica',
  'informacoes clinicas',
  'dados clinicos',
  'dados clin',
  'indicacao clinica',
  'prefeitura',
  'laudo',
  'resultado de exames',
  'exames solicitados',
  'exame(s)',
  'n',
  'no',
  'nº',
  'n°',
  'numero',
  'senha',
  'usuario',
  // The analyser's user who ran the sample ("Operador ID: 1187", a point-of-care printout, h1690).
  'operador',
  'idade/sexo',
  'sexo/idade',
  // A LIS export's count of the records it printed ("Total de exames no relatório: 18", after the last
  // record of a vertical export): the report's, no result.
  'total de exames',
  'quantidade de exames',
  // A pre-natal record's obstetric history and visit count ("Gestas prévias: 2   Partos: 1 (vaginal)   Abortos: 0",
  // "Consulta de pré-natal nº: 4", an e-SUS APS PEC visit, h1680): counts of pregnancies and visits, no result.
  'gestas previas',
  'gestas',
  'gestacoes previas',
  'gestacoes',
  'consulta de pre-natal',
  'consulta pre-natal',
  // An occupational health report's header (PCMSO, NR-7) names the employer and the worker it examines ("EMPRESA.....:
  // INDÚSTRIA X LTDA", "TRABALHADOR.....: NOME", h1699) and the worker's post: who, never a result. Not "Função"
  // ("FUNÇÃO RENAL" heads a section) nor "Admissão" (a ward's sample on admission).
  'empresa',
  'empregador',
  'trabalhador',
  'funcionario',
  'colaborador',
  'cargo',
  'matricula',
  // A pharmacy's receipt for its tests ("PAGTO: PIX", "Forma de pagamento: cartão", h1751): how it was paid.
  'pagto',
  'pagamento',
  'forma de pagamento',
];
// A photo cut at its left edge loses a label's first letters, an ellipsis in their place ("...ntuário: 0771",
// "…ente: JU[cortado]"; the dots are a leader's colon once the line is cleaned).
const CUT_LABEL = /^\s*(?:\.{2,}|…|:)\s*(\p{L}{4,})\s*:/u;

/** Where a label cut at the left edge ends (its colon) when what is left of it is the end of an administrative label. */
export function cutAdminLabel(text: string): number | undefined {
  const m = CUT_LABEL.exec(text);
  if (!m) return undefined;
  const tail = foldSameLength(m[1]!);
  return ADMIN_LABELS.some((l) => l.length > tail.length && l.endsWith(tail)) ? m[0].length : undefined;
}

const ADMIN_RE = new RegExp(
  `^(?:${ADMIN_LABELS.map((l) => l.replace(/[.()/]/g, '\\$&'))
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![a-z0-9])`,
);

// A number followed by a lab unit: any unit with a slash the unit table knows or has the shape of
// ("N-telopeptídeo: 45 nmol/L", "Jejum: 84 mg/dL"), not "12 horas" nor "5 mL" of a sample volume.
// A typed result with the clock time its sample was drawn after the value ("cortisol 24,8 µg/dl às 8h (ref 6,2 a
// 19,4)", a patient's chat, h1629): the time names the sample, as in a block's title ("CORTISOL (coleta às
// 08:00)"), and goes into the name, in brackets, so the value and its range are read as on any typed row.
const VALUE_THEN_SAMPLE_CLOCK =
  /^(\s*\p{L}[\p{L}\d-]*(?: [\p{L}\d-]+)*?) ([<>≤≥]?\d[\d.,]*(?: [\p{L}µ%/][^\s\d()]*)?) ((?:[àa]s) \d{1,2}(?:[:h]\d{2}|h)h?)(?= ?\(|$)/iu;

function withSampleClockInName(t: string): string {
  const m = VALUE_THEN_SAMPLE_CLOCK.exec(t);
  return m ? `${m[1]} (${m[3]}) ${m[2]}${t.slice(m[0].length)}` : t;
}

const LAB_VALUE_RE = new RegExp(`\\d\\s*(?:${UNIT_PATTERN})(?![a-zà-ÿ0-9])`, 'i');
const LAB_VALUES = new RegExp(LAB_VALUE_RE.source, 'gi');

/** Where the first number with a lab unit starts (a unit with a slash, %, mmHg: "120 ng/mL", not "12 horas"), if any. */
export function labValueAt(text: string): number | undefined {
  const m = matchesOf(LAB_VALUES, text).find((v) => v[0].includes('/') || /%|mmhg/i.test(v[0]));
  if (!m) return undefined;
  // The match starts at the number's last digit: back to its first.
  let at = m.index ?? 0;
  while (at > 0 && /[\d.,]/.test(text[at - 1]!)) at--;
  return at;
}
const labValue = (text: string) => labValueAt(text) !== undefined;
const DATE_RE = /(?<!\d)\d{1,2}\/\d{1,2}\/\d{2,4}(?!\d)/;
// The clock time may stand alone in the bracket after a name that says the sample's time of day already
// ("CORTISOL - COLETA MATINAL (08:00)").
const SAMPLE_CLOCK_TITLE = /^\s*(\p{L}[\p{L}\s-]*?)\s*\(\s*(?:(?:coleta|colhid[oa])\s+)?(?:(?:às|as)\s+)?\d{1,2}[:h]\d{2}\s*h?\s*\)\s*:?\s*$/iu;
const TIME_RE = /(?<!\d)\d{1,2}[:h]\d{2}(?!\d)/;

// In the international format too, the country code first and the area code unbracketed ("Sebastião (+55 31 9
// 8804-2617)", a voice message's sender).
const PHONE = /\(\d{2}\)\s?9?\d{4}[-\s]?\d{4}(?!\d)|(?<!\d)0800[-\s]?\d{3}[-\s]?\d{4}(?!\d)|\+55\s?\(?\d{2}\)?\s?(?:9\s?)?\d{4}[-\s]?\d{4}(?!\d)/;

/**
 * A street and its number anywhere on a line ("Posto Centro - R. Padre Anchieta, 2210 - Curitiba/PR", the
 * city after another comma: "Av. Caetano Marinho, 210, Ponte Nova/MG"), the
 * street named by a planned city's code too (Palmas's "Av. LO-2, 38", Goiânia's "Rua T-37, 215"), or by a
 * date, as streets all over Brazil are ("Rua 1º de Janeiro, 755", "Av. 7 de Setembro, 1200"). A road out of
 * town is an "Estrada" ("Estrada do Aeroporto, 310"), or a highway and its kilometre ("BR-407, Km 4, s/n",
 * "Rodovia SP-340 km 12,5"). A site may hide the number's last digits ("Av. Mário Ypiranga, 1.6xx", h1836).
 */
export const STREET_ADDRESS =
  /(?<![\p{L}])(?:rua|r\.|av\.|avenida|alameda|travessa|trav\.|tv\.|rodovia|estrada|pra[cç]a)\s+(?:\d{1,2}\s?[º°ª]?\s+de\s+)?\p{L}[\p{L}. ]*(?:-\d{1,3})?,\s*(?:n[º°]\s*)?(?:\d{1,3}(?:\.\d{3})+|\d+|\d[\d.]*[xX]{1,3}(?![\p{L}]))(?![\d.]|,\d)|(?<![\p{L}\d])(?:BR|[A-Z]{2})-\d{2,3},?\s+km\s*\d+(?:[.,]\d+)?(?![\d])/iu;

// A results portal's buttons and links copied with the page ("Baixar PDF   Compartilhar", "Ver gráfico
// Comparar com anteriores"): an action's verb and what it acts on; so are the site's footer links
// ("Política de privacidade   Fale conosco").
const PAGE_CONTROL =
  /^(?:(?:baixar|imprimir|compartilhar|enviar|voltar|sair|ver|visualizar|abrir|exibir|comparar|salvar|exportar|download|fechar)(?:\s+[\p{L}-]+){0,3}|pol[ií]tica\s+de\s+privacidade|termos\s+de\s+uso|fale\s+conosco|acessibilidade|ajuda)$/iu;

// A service's phone line among a site's footer links ("Ouvidoria SUS 136", "SAC 0800 722 1234", "Disque Saúde 136").
const FOOTER_HOTLINE = /^(?:ouvidoria|sac|disque|central\s+de\s+atendimento)(?:\s+\p{L}+){0,2}\s*:?\s*\(?\d[\d\s().-]{1,16}$/iu;

// The medicines the patient reported on the request ("Medicamentos informados: rosuvastatina 20 mg/dia (há 6
// meses)", "Medicação em uso: …"): doses, with their units, never results.
// A note's sentence says the same, bulleted or not ("- Paciente em uso de metformina 850 mg 2x/dia").
// So does a relative's chat message between the results it types ("ela toma o puran 75 todo dia em jejum", the
// dose of levothyroxine in mcg with no unit): a verb of taking a medicine opens it, its number is the dose.
// So does the patient's own sentence in an e-mail above the results it pastes ("Estou tomando a atorvastatina de 20
// todo dia", "Continuo tomando o puran 88", h1955): the first person's verb before the taking.
export const MEDICATION_LEAD =
  /^(?:[-•]\s*)?(?:(?:medicamentos?|medicac(?:ao|oes))(?:\s+(?:informad[oa]s?|em\s+uso|de\s+uso\s+continuo))?\s*:|(?:paciente\s+)?(?:em|faz)\s+uso\s+d[eo]\s|(?:(?:el[ae]|eu|[oa]\s+paciente|(?:minha\s+)?mae|(?:meu\s+)?pai)\s+)?(?:(?:ta|esta|estou|estava|tava|to|continuo|continua|sigo|segue)\s+)?(?:toma|tomo|tomava|tomando|usa|usando)\s+(?:(?:[oa]s?|um|uma)\s+)?[a-z]{3,})/i;

// What a blood-gas analyser is told about the sample, typed in before the run ("FiO2: 28.0 %", "Temp. pac.:
// 37.0 °C"; "FO2(I)   40,0 %" in the analyser's own notation, under its "Valores de entrada"): the oxygen the
// patient breathed and the body temperature the gases are corrected to, never a measured result. The whole
// line is the setting; anything else on it is read or listed.
const ANALYSER_INPUT =
  /^(?:fi\s?o2|f\s?o2\s*\(\s*i\s*\)|fra[cç][aã]o\s+inspirada\s+de\s+o2|temp(?:eratura)?\.?\s*(?:d[oa]\s+)?pac(?:iente)?\.?)\s*(?:\((?:%|°\s*c)\)\s*)?[:=]?\s*\d+(?:[.,]\d+)?\s*(?:%|°\s*c)?\s*$/iu;
// The barometric pressure the analyser is set to ("Pressao barom.    707       mmHg", a point-of-care receipt's
// patient conditions, h1861) is one too: the room's air, no measure of the patient.
export const BAROMETRIC_SETTING = String.raw`press[aã]o\s+(?:barom(?:[eé]trica|\.)?|atmosf[eé]rica|atm\.?)\s*(?:\(\s*mm\s*hg\s*\)\s*)?[:=]?\s*\d+(?:[.,]\d+)?(?:\s*(?:mm\s*hg|k\s*pa|h\s*pa|mbar)(?![\p{L}]))?`;
const BAROMETRIC_INPUT = new RegExp(String.raw`^${BAROMETRIC_SETTING}$`, 'iu');

/** A transcription's picture by its number ("Foto 2", "Imagem 1 de 3"), as a pattern source: which picture, no result. */
export const PICTURE_CAPTION = String.raw`(?:foto(?:grafia)?|imagem|print|captura(?:\s+de\s+tela)?|screenshot)\s*(?:n[ºo°]\.?\s*)?\d{1,2}(?:\s*(?:de|\/)\s*\d{1,2})?`;
// The caption may name the page the picture shows after a dash or in brackets ("## Foto 2 — Página 2",
// "Imagem 1 (pág. 1 de 2)"): a page's number, no result either.
const PICTURE_PAGE = String.raw`(?:\s*[-–—:,|]\s*|\s*\(\s*|\s+)p[aá]g(?:ina)?\.?\s*\d{1,3}(?:\s*(?:de|\/)\s*\d{1,3})?\)?`;
const PICTURE_CAPTION_LINE = new RegExp(String.raw`^[\s*#>_[(]*${PICTURE_CAPTION}(?:${PICTURE_PAGE})?[\s*_\])]*:?\s*$`, 'iu');

/**
 * How many records, exams or procedures a report or an export holds, in its footer ("Este arquivo não substitui o
 * laudo. Total de registros: 33", a portal's CSV export; "Total de exames: 12", "Procedimentos faturados (BPA-I):
 * 16", a SUS municipal lab's production count), as a pattern source: a tally, no result.
 */
export const RECORD_TALLY = String.raw`(?<![\p{L}])(?:(?:total|qtde?\.?|quantidade|n[uú]mero)\s+de\s+(?:procedimentos|exames|registros)(?:\s+(?:faturad|realizad|solicitad|cobrad|autorizad|exportad)[oa]s)?|(?:procedimentos|exames|registros)\s+(?:faturad|realizad|solicitad|cobrad|autorizad|exportad)[oa]s)\s*(?:\([^()\d]*\)\s*)?:\s*(?:\d{1,3}(?:\.\d{3})*|\d{4,6})(?![\d.,])`;
const RECORD_TALLIES = new RegExp(RECORD_TALLY, 'giu');

/**
 * A CPF (the patient's taxpayer number) in its printed shape, three groups of three digits and the check pair
 * after a dash ("123.456.789-00", "123456789-00"), digits masked by a portal or a transcription ("***.418.226-**",
 * "412.388.xxx-xx"; a masked group may come cleaned to one "*", cleanLine), as a pattern source: with its label
 * or without it (a one-cell-a-line record's "CPF" / "123.456.789-00"), an identifier; no result prints so.
 * Right after its label, the dash may be spaced ("CPF: 123.456.789 - 00", a transcription's).
 */
const CPF_GROUP = String.raw`(?:\d{3}|[*xX]{1,3})`;
export const CPF_NUMBER = String.raw`(?<![\p{L}\d.,*])(?:(?:${CPF_GROUP}\.${CPF_GROUP}\.${CPF_GROUP}|\d{9})-(?:\d{2}|[*xX]{1,2})|(?<=(?<![\p{L}])cpf[\s.:]{0,4})\d{3}\.\d{3}\.\d{3} ?- ?\d{2})(?![\p{L}\d*]|[.,]\d)`;
const CPF_NUMBERS = new RegExp(CPF_NUMBER, 'giu');

// A portal's sort control with the order chosen and its drop-down arrow ("Ordenar por: Nome do exame ▾").
const SORT_CONTROL = /^(?:ordenar|classificar)(?:\s+por)?\s*:\s*\p{L}[\p{L}\s-]*?\s*[▾▴▼▲⌄]?$/iu;

/**
 * A results portal's filter tabs with how many exams each holds ("Todos (17)    Fora da referência (10)
 * Comparar resultados"): page furniture, their counts no results.
 */
export function isPortalTabs(text: string): boolean {
  // The tabs may follow the filter's label ("Filtrar: Todos (18)  |  Alterados (3)"), a middle dot between
  // them ("Filtrar: Todos (28) · Alterados (7)").
  const tabs = cells(text.replace(/^\s*(?:filtrar|exibir)(?:\s+por)?\s*:\s*/iu, '').replace(/(?<=\))\s+[·•]\s+(?=\p{L})/gu, '   '));
  // The list's sort control may close the line ("Ordenar por: Nome do exame ▾").
  return (
    /^tod[oa]s\s*\(\d{1,3}\)$/iu.test(tabs[0] ?? '') &&
    tabs.every((c) => /^\p{L}[\p{L}\s-]*\(\d{1,3}\)$/u.test(c) || PAGE_CONTROL.test(c) || SORT_CONTROL.test(c))
  );
}

/** A keycap emoji's digit ("1️⃣"), as a pattern source: a chat bot numbers its menu's options so, no value. */
export const KEYCAP = String.raw`\d\uFE0F?\u20E3`;
const MENU_OPTION = new RegExp(String.raw`^\s*${KEYCAP}\s*\p{L}[^\d]*$`, 'u');

// A header's identifier label printed alone on its line, its number on the next (a PDF's header table
// copied one cell a line: "Ficha" / "3390811245", "Prontuário:" / "1.284.557").
const IDENTIFIER_LABEL_ALONE =
  /^\s*(?:ficha|pedido|protocolo|prot|prontuario|pront|atendimento|requisicao|req|registro|reg|codigo|cod|o\.?s|ordem(?:\s+de\s+servico)?|cadastro|matricula|cns|cartao(?:\s+sus)?|cpf|rg|leito|quarto|guia|senha|amostra)\s*(?:n[º°o]\.?)?\s*[.:]?\s*$/iu;

// An order's label and its number in hyphen-joined groups, anywhere on a line ("Pedido 25-0528-04417").
const ORDER_NUMBER =
  /(?<![\p{L}])(?:pedido|protocolo|atendimento|requisi[cç][aã]o|prontu[aá]rio|registro|amostra|o\.?s\.?)\s*(?:n[º°o]\.?\s*)?:?\s*\d+(?:-\d+){2,}(?![\d,])/iu;

/** A number alone under an identifier's label alone on the line above ("Ficha" / "3390811245"): the order's number, no result. */
export function isIdentifierUnderLabel(text: string, above: string | undefined): boolean {
  return above !== undefined && /^\s*\d[\d./-]*\s*$/.test(text) && IDENTIFIER_LABEL_ALONE.test(foldSameLength(above));
}

// A prescription's item: a dose and the route it is given by ("Metformina 850 mg VO 2x/dia", "Amoxicilina +
// clavulanato 875/125 mg VO 12/12h", "Enoxaparina 40 mg SC"), as a discharge summary lists the medicines.
// A list of the medicines a relative types under the results gives when each is taken instead of the route
// ("Furosemida 40 mg de manhã", "Losartana 50 mg 2x ao dia", "Sulfato ferroso 1 cp no almoço"): a dose with
// its time of day, its meal or how many times a day is as sure a prescription's item; a result's unit is a
// concentration ("mg/dL"), never a bare mass followed by a time to take it. So is one dose given once ("Albendazol 400 mg dose única",
// a pre-natal visit's plan, h1680). A primary care record's plan counts the tablets after the dose, abbreviated, and
// ties them to a meal or an interval ("Sinvastatina 40 mg - 1 comp. à noite", "1 comp. após café", "1 comp. 12/12h",
// h1741).
const PRESCRIBED_DOSE =
  /(?<![\p{L}\d.,])\d[\d.,]*(?:\/\d[\d.,]*)?\s*(?:mg|mcg|µg|g|UI|U|mL|ml|gotas?|comprimidos?|comp\.|cps?|c[aá]psulas?)\s+(?:(?:VO|EV|IV|SC|IM|SL|via\s+oral)(?![\p{L}])|\d{1,2}\s*x\s*(?:ao|por|\/)\s*(?:dia|semana)|(?:de|pela|[àa])\s+(?:manh[ãa]|tarde|noite)(?![\p{L}])|ao\s+(?:deitar|acordar|dia)|por\s+dia|em\s+jejum|n[oa]\s+(?:almo[cç]o|jantar|caf[eé])|(?:ap[oó]s|antes\s+d[oa])\s+(?:o\s+|a\s+)?(?:caf[eé]|almo[cç]o|jantar|refei[cç][aãoõ]e?s?)|\d{1,2}\s*\/\s*\d{1,2}\s*h(?![\p{L}])|dose\s+[uú]nica(?![\p{L}]))/u;

// A plan's prose wraps the dose away from its schedule ("Mantido sulfato ferroso 40 mg de ferro" / "elementar 1x/dia e
// ácido fólico 5 mg. …", a primary care record's SOAP note, h1952): how many times a day with a bare mass on the same
// line is as sure a prescription's, though neither follows the other. A result's mass is a concentration ("mg/dL").
const TAKEN_PER_DAY = /(?<![\p{L}\d])\d{1,2}\s*x\s*(?:\/|ao|por)\s*dia(?![\p{L}])/iu;
const BARE_DOSE = /(?<![\p{L}\d.,])\d[\d.,]*\s*(?:mg|mcg|µg|UI)(?![\p{L}/])/u;

// A mass a day glued into one unit ("Carbonato de lítio 900 mg/dia. Última dose: 12/10/2025 às 20h00", a portal's note
// on the sample, h1934) is a dose when the line speaks of a dose: a 24-hour urine prints its mass per 24 h, and its
// line never says "dose".
const DAILY_DOSE_SOURCE = String.raw`(?<![\p{L}\d.,])\d[\d.,]*\s*(?:mg|mcg|µg|g|UI)\s*\/\s*(?:kg\s*\/\s*)?dia(?![\p{L}])`;
const DAILY_DOSE = new RegExp(DAILY_DOSE_SOURCE, 'iu');
const DAILY_DOSES = new RegExp(DAILY_DOSE_SOURCE, 'giu');
const DOSE_WORD = /(?<![\p{L}])(?:doses?|posologia)(?![\p{L}])/iu;

/** A prescription's line (a dose and its route): its numbers are doses, never results, unless a lab value is printed on it too. */
export function isPrescriptionLine(text: string): boolean {
  const daily = DOSE_WORD.test(text) && DAILY_DOSE.test(text);
  // How often it is taken ("2x/dia", "12/12h") is no lab unit; nor is a daily dose's.
  const unscheduled = text.replace(/(?<![\p{L}\d])\d{1,2}\s*x\s*\/\s*dia|(?<![\d/])\d{1,2}\s*\/\s*\d{1,2}\s*h(?![\p{L}])/giu, ' ');
  return (
    (PRESCRIBED_DOSE.test(text) || (TAKEN_PER_DAY.test(text) && BARE_DOSE.test(text)) || daily) &&
    !labValue(daily ? unscheduled.replace(DAILY_DOSES, ' ') : unscheduled)
  );
}

const INTERPRETATION_NOTE = /^\p{L}[^:\d]{0,60}?(?:\s[-–—]\s*|\s)interpretac(?:ao|oes)(?:\s*\([^()\d]*\))?\s*:/u;

// How long the lab took, printed beside the release stamp ("Liberação…: 22/04/2025 03:01    Tempo total: 47 min",
// an emergency panel's turnaround): the order's time, no result's.
const TURNAROUND = /^tempo\s+(?:total|de\s+(?:atendimento|libera[cç][aã]o|resposta|processamento))\s*[.:]+\s*\d+\s*(?:min(?:utos)?|h(?:oras?)?)\.?$/iu;

/**
 * The sample's stamp with other fields beside it, each in its own column ("Coleta:   13/05/2025 07:35
 * Material: plasma citratado 3,2% (1:9)", "Liberação: … 03:01    Tempo total: 47 min"): the material's
 * strength and the turnaround are the order's details, no results. Every field must be one: a result in a
 * column beside the stamp ("Glicose: 95 mg/dL") keeps the line a result's.
 */
export function isSampleStampLine(text: string): boolean {
  const all = cells(text);
  // The label padded to its column ("Coleta:       13/05/2025 07:35") is one field with its date.
  const [stamp, ...rest] = /:\s*$/.test(all[0] ?? '') && all.length > 1 ? [`${all[0]} ${all[1]}`, ...all.slice(2)] : all;
  if (!stamp || rest.length === 0 || !SAMPLE_DATES.test(stamp) || !DATE_RE.test(stamp) || labValue(stamp)) return false;
  // A field run on past a ';' or '|' ("…   Tempo total: 47 min ; HBsAg: Reagente") may hold a result: not judged here.
  return (
    rest.every((c) => !/[;|]/.test(c)) && rest.every((c) => TURNAROUND.test(c) || (BLOCK_DETAIL.test(c) && /^\p{L}[\p{L}\s]*:/u.test(c)) || isAdminLine(c))
  );
}

// The patient's weight and height after their label ("Peso: 24,5 kg", "Altura: 1,62 m"), a newborn's weight at
// birth in grams ("Peso ao nascer: 3.120 g"), a dialysis patient's dry weight ("Peso seco: 58,5 kg"), and the
// body surface a clearance is corrected by ("Superfície corporal: 2,01 m²", "SC: 1,86 m2"): measures of the
// patient, no lab result.
export const BODY_MEASURE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:peso|altura|estatura)(?:\s+(?:ao\s+nascer|de\s+nascimento|ao\s+nascimento|seco))?\s*:?\s*\d+(?:[.,]\d+)?\s*(?:kg|cm|m|g)|(?:superf[ií]cie\s+(?:corporal|corp[oó]rea)|s\.?c\.?|asc)\s*:?\s*\d+(?:[.,]\d+)?\s*m(?:²|2))(?![\p{L}\d/])`,
  'giu',
);

/**
 * A line that holds nothing but measures of the patient, with the formula they were got by in brackets
 * ("Superfície corporal: 2,01 m² (DuBois)", "Peso: 86 kg   Altura: 1,74 m"), under a result computed from
 * them: no result, and no end of that result's lines, its reference may still follow.
 */
export function isBodyMeasureLine(text: string): boolean {
  // One replace, no test(): BODY_MEASURE is global (accounting.ts's spans), so test() would carry its lastIndex.
  const rest = text.replace(BODY_MEASURE, ' ');
  return rest !== text && rest.replace(/\(\s*\p{L}[\p{L}\s.-]*\)/gu, ' ').replace(/[\s,;|·•-]+/gu, '') === '';
}

/**
 * A reference's range for patients on a treatment, its label worded as a medication note ("Em uso de
 * anticoagulante oral (alvo habitual): 2,0 a 3,0", an INR's ranges, h1610): a label of a condition and a bound
 * or range after its colon, no dose taken.
 */
export function isTreatmentRange(text: string): boolean {
  const m = /^\s*([^:]+?)\s*:\s*(.+)$/u.exec(text);
  return m !== null && isReferenceLabel(m[1]!.replace(/\s*\([^()]*\)$/u, '')) && BOUND_OR_RANGE.test(m[2]!.trim());
}

// The volume sent, a field of the sample's line beside its material ("Volume: 40 ml      Material: urina 1o jato
// desprezado", a urine exam's header, h1620).
const VOLUME_BESIDE_MATERIAL = new RegExp(String.raw`^\s*volume\s*:\s*(?:${NUMBER})\s*ml\s{2,}material\s*:`, 'iu');

// A page's number and the count of pages ("Página 1 de 2", "Pág. 2/3", "Page 2 de 2", "Page 1 of 3").
const PAGE_MARK = /\bp(?:[aá]g(?:ina)?|age)\.?\s*\d+\s*(?:de|of|\/)\s*\d+/i;

/**
 * An analyser's serial number after its label ("SN: 21873", "S/N 4471-B", "Nº de série: 0934"), as a pattern source:
 * which machine ran the sample, never a result.
 */
export const SERIAL_NUMBER = String.raw`(?<![\p{L}\d/])(?:sn\s*[:#=]|s\/n\s*[:#=]?|n[º°o]?\.?\s*(?:de\s+)?s[eé]rie\s*[:#=]?|serial(?:\s+n[º°o]\.?)?\s*[:#=]?)\s*[A-Z]{0,3}\d[\dA-Z-]*`;
const SERIAL_NUMBERS = new RegExp(SERIAL_NUMBER, 'iu');

// How often something is done ("de 3 em 3 meses", "de 12 em 12 horas"): a schedule, its numbers no result.
export const EVERY_INTERVAL = /(?<![\p{L}\d])de\s+(\d{1,2})\s+em\s+\1\s+(?:horas|dias|semanas|meses|anos)(?![\p{L}])/giu;

/** A patient-data, doctor, address, page or signature line: neither a result nor an unread result. */
export function isAdminLine(text: string): boolean {
  if (text.trim() !== '' && cells(text).every((c) => PAGE_CONTROL.test(c))) return true;
  // Those links beside the service's hotline ("Política de privacidade | Termos de uso | Ouvidoria SUS 136", a
  // hospital portal's footer, h1830): a phone number, no result.
  const footer = text.trim() === '' ? [] : cells(text.replace(/\s\|\s/g, '   '));
  if (footer.some((c) => PAGE_CONTROL.test(c)) && footer.every((c) => PAGE_CONTROL.test(c) || FOOTER_HOTLINE.test(c))) return true;
  // A portal's filter or sort tabs over its list of exams ("Filtrar por: Todos | Liberados | Em andamento").
  if (/^\s*(?:filtrar|ordenar|classificar|exibir)(?:\s+por)?\s*:\s*\p{L}[\p{L}\s|/·•-]*$/iu.test(text)) return true;
  if (isPortalTabs(text)) return true;
  if (ANALYSER_INPUT.test(text.trim()) || BAROMETRIC_INPUT.test(text.trim())) return true;
  // A chat bot's numbered option ("3️⃣ Falar com um atendente"): what the user may type back, no result nor a
  // title. Words only after it: a result bulleted so keeps its value.
  if (MENU_OPTION.test(text)) return true;
  // The site's copyright footer, with its links after it ("© Laboratório X - Termos de uso | Privacidade"), or
  // after the lab's name with its year ("Laboratório X © 2025 - Todos os direitos reservados", h1999).
  if ((/^\s*(?:©|copyright\b)/iu.test(text) || /(?:©|copyright)\s*(?:19|20)\d\d(?!\d)/iu.test(text)) && !labValue(text)) return true;
  const f = foldSameLength(text).replace(/^[\s*#>]+/, '');
  if (MEDICATION_LEAD.test(f) && !isTreatmentRange(text)) return true;
  // The volume sent, a field of the sample's line beside its material: what was received, no result.
  if (VOLUME_BESIDE_MATERIAL.test(text)) return true;
  if (isPrescriptionLine(text)) return true;
  // A block's title naming its sample by the clock time it was drawn ("CORTISOL BASAL (coleta às 08:00)"): the
  // analyte's name, whose time picks its range by the time of day, no header's time.
  const timed = SAMPLE_CLOCK_TITLE.exec(text);
  // Not when the words before the bracket are a header's own label ("Data (coleta às 08:00)").
  if (timed && timed[1]!.replace(/[^\p{L}]/gu, '').length >= 3 && !isAdminLine(timed[1]!)) return false;
  // A label that can also name a result ("Jejum: 84 mg/dL") is administrative only when no value
  // with a lab unit follows it: otherwise its value would be dropped in silence.
  // Nor is a range labelled by the time of day it is for ("Coleta entre 16 e 20 h: 2,3 a 11,9", a
  // cortisol's second range under the first): a reference, whose label opens as a collection's line does.
  const timedRange = /^colet(?:a|ad[oa])\s+(?:entre|d[aeo]s?|as|ate|apos)\s+\d/.test(f) && isReferenceText(text.trim(), { strictLabels: true });
  // Nor is one whose value has a bound in brackets after it ("jejum: 88 (menor que 92)", a curve typed by hand).
  const boundedValue = /:\s*\d[\d.,]*\s*\(\s*(?:menor|maior|inferior|superior|abaixo|acima|at[eé]|[<>≤≥])/iu.test(text);
  if ((ADMIN_RE.test(f) || STREET_ADDRESS.test(text)) && !labValue(text) && !timedRange && !boundedValue) return true;
  if (isSampleStampLine(text)) return true;
  if (cutAdminLabel(f) !== undefined && !labValue(text)) return true;
  // A note on how to read an analyte's value, named after it ("Procalcitonina - interpretação (sepse): < 0,5
  // baixo risco | 0,5 a 2,0 risco moderado"): the bands it lists are the lab's reading, no result.
  if (INTERPRETATION_NOTE.test(f) && !labValue(text)) return true;
  // A date makes a line administrative unless a lab value sits outside brackets beside it ("Glicose
  // 102 mg/dL (coletado em 12/05/2025)").
  if (DATE_RE.test(text) && !labValue(text.replace(/\([^)]*\)/g, ' '))) return true;
  // A professional or facility registration anywhere on the line ("Dr. Álvaro Queiroz - CRM/CE 7781"),
  // or its number elided where a photo transcription could not read it ("CRF-SE ...", "CRM-PI …"; the
  // dots are a leader's colon once the line is cleaned).
  if (/\b(?:crm|crf|crbm|crbio|coren|cnes|cnpj)\b\s*[-/:]?\s*(?:[a-z]{2}\s*[-/:]?\s*)?\d/i.test(text) && !labValue(text)) return true;
  // A page's running footer naming the order by its number after the label ("HU Regional de Campinas - Patologia
  // Clínica - Pedido 25-0528-04417   Folha 1/2", h1944): digits in groups joined by hyphens are an identifier's.
  if (ORDER_NUMBER.test(text) && !labValue(text)) return true;
  // So is an analyser's serial number beside its model ("RAPIDPoint 500e      SN: 21873", a blood-gas receipt's
  // header, h1861; "S/N", "Nº de série"): which machine ran the sample, no result.
  if (SERIAL_NUMBERS.test(text) && !labValue(text)) return true;
  // So is a Spanish-speaking lab's professional registration, its "Registro Profesional" abbreviated ("Bioquímica -
  // R.P. 2.847", "Reg. Prof. Nº 2.847", a Paraguayan lab's signature, h1730).
  if (/(?<![\p{L}])(?:r\.\s?p\.|reg\.\s*prof\.)\s*(?:n[º°o]\.?\s*)?\d/iu.test(text) && !labValue(text)) return true;
  // The state may be elided with the number ("… CRBM ...", a footer a photo cut).
  // … or a transcription's cut mark in square brackets ("CRBM-CE [...]", h1844; the cleaned line's "[ : ]").
  if (/\b(?:crm|crf|crbm|crbio|coren)(?:\s*[-/]\s*[a-z]{2})?\s*(?:\.{2,}|…|\[\s*(?:\.{2,}|…|:)\s*\]|:(?!\s*\d))/i.test(text) && !labValue(text)) return true;
  // A telephone number with its area code in brackets, or a toll-free one, anywhere on a line (a
  // letterhead repeated at a page break under a table's value columns): its digits are no values.
  if (PHONE.test(text) && !labValue(text)) return true;
  // A titre ("título 1:16", "Reagente 1:32") is not a time of day.
  const noTitre = withoutColonTitres(text);
  // A value with any lab unit beside it (µg/dL too) makes it a result line ("Cortisol (matinal, 07h40) ... 24,8 µg/dL").
  // So does one with the lab's flag in a column between the value and its unit ("130   L   mmol/L   136 - 145
  // 03:41", a LIS row with its release time after the reference).
  const unflagged = text.replace(/(?<=\d)\s+(?:HH|LL|[HL]|\*{1,3}|[↑↓])(?=\s+\S)/g, ' ');
  // The time alone in a last cell right after a range is when the row's result was released ("pH   7,16
  // LL   7,35 - 7,45   03:24", a unitless value): no time of the report's header.
  const released = /(?:\d\s*(?:-|–|a|at[eé])\s*[+-]?\d[\d.,]*|[<>≤≥]\s*\d[\d.,]*)\s{3,}\d{1,2}:\d{2}\s*$/u.test(noTitre) && /^\s*\p{L}/u.test(noTitre);
  if (TIME_RE.test(noTitre) && !released && !/\d\s*(?:mg|g|u|ui|ng|pg|meq|mmol|%|\/)/i.test(unflagged) && !labValue(unflagged)) return true;
  // Identifiers only ("Notificação SINAN: 7712034", "Atendimento 31225990"): long plain integers, no lab
  // unit; or groups of digits joined by hyphens, as a portal numbers a visit ("2025-0616-88203": no range
  // has three bounds).
  const ns = text.match(/(?<![\d.,-])\d+(?:[.,]\d+)*(?:-\d+){0,}(?![\d])/g) ?? [];
  // Two groups are one when the second is zero-padded ("Pedido 7741-0029318", a request number in a page's
  // running header): no bound of a range is printed with leading zeros.
  // So are they when the first is ("OS 0417-88265", a service order's number in a page's running footer, h1617).
  const identifier = (n: string) =>
    /^\d{6,}$/.test(n) || (/^\d+(?:-\d+){2,}$/.test(n) && n.replace(/-/g, '').length >= 6) || /^\d{2,}-0\d{4,}$/.test(n) || /^0\d{3,}-\d{4,}$/.test(n);
  // A count typed with no thousands separator right after a name the catalogue knows ("Plaquetas 254000
  // (150000 a 450000)", a patient's keyboard) is a result: no identifier is labelled by an analyte.
  const namedCount = /^\s*(\p{L}[\p{L} .-]*?)\s*[:=]?\s*\d/u.exec(text);
  const countNamed = namedCount !== null && lookupName(namedCount[1]!) !== undefined;
  if (ns.length > 0 && ns.every(identifier) && !countNamed && !labValue(text) && !/\/(?:mm|µl|ul|ml)/i.test(text)) return true;
  // The patient's name wrapped onto the line of the next header field, in capitals before its label
  // ("Paciente: LEANDRO DE PAULA" / "REZENDE Pedido: 55.204.118", a narrow PDF copy's page header): the
  // field's number is the order's, no result named by the words before it.
  const wrappedName = /^\s*(?:\p{Lu}{2,}\s+){1,4}(\p{L}+(?:\s\p{L}+){0,2}\s?[.:]?)\s*\d[\d./-]*\s*$/u.exec(text);
  if (wrappedName && IDENTIFIER_LABEL_ALONE.test(foldSameLength(wrappedName[1]!)) && !labValue(text)) return true;
  // A page's running header naming the patient, her file's number last after a dash ("RELATÓRIO DE EXAMES DO
  // PACIENTE - JOSEANE … - Prontuário 04.117", an HIV service's report, h1984): the record's number, no result.
  const runningId = /\s[-–—|]\s+(\p{L}+\.?)\s*(?:n[º°o]\.?\s*)?[:.]?\s*\d[\d./-]*\s*$/u.exec(text);
  if (runningId && IDENTIFIER_LABEL_ALONE.test(foldSameLength(runningId[1]!)) && !labValue(text)) return true;
  // A web portal's breadcrumb ("Início > Resultados > Pedido 5512-33"): where the page sits, not a result.
  if (/^[^>\d]*\p{L}\s+>\s+\p{L}[^>\d]*\s>\s+\p{L}/u.test(text) && !labValue(text)) return true;
  // A transcription's caption for each picture it joins ("**Foto 2**", "Imagem 1 de 3", "[Print 2]"): its
  // number counts the pictures, no result.
  if (PICTURE_CAPTION_LINE.test(text)) return true;
  // A tally of what the report holds, or a CPF, alone or beside what is administrative itself (a page mark, a
  // date): no result.
  const untallied = text.replace(RECORD_TALLIES, ' ').replace(CPF_NUMBERS, ' ');
  if (untallied !== text && (!/\d/.test(untallied) || isAdminLine(untallied))) return true;
  // A day of the month said in a sentence ("A consulta está marcada para o dia 28."): a date, when no other
  // number is on the line. (A count of days is not: "beta hcg negativo (atrasou 5 dias)" says a result.)
  if (/\bdia\s+\d/iu.test(text) && !/\d/.test(text.replace(/\bdia\s+\d{1,2}(?![\d:/]|[.,]\d)/giu, '')) && !labValue(text)) return true;
  // How often something is done, said in a sentence ("e os de hepatite que eles fazem de 3 em 3 meses:", a family
  // chat, h1989): the interval's numbers are no result, when no other number is on the line.
  const everyLeft = text.replace(EVERY_INTERVAL, ' ');
  if (everyLeft !== text && !/\d/.test(everyLeft)) return true;
  // "Página 1 de 2" anywhere on a line that holds nothing else result-like; as a translated page prints it
  // too ("Page 2 de 2", a French courtesy copy, h1753; "Page 1 of 3").
  if (PAGE_MARK.test(text) && !/:\s*\d/.test(text.replace(PAGE_MARK, ''))) return true;
  return false;
}

/** The label of an assay's limits ("Limite de detecção", "Faixa de quantificação"), pattern source (case-insensitive). */
export const ASSAY_LIMIT = String.raw`(?:limites?\s+(?:inferior\s+)?de\s+(?:detec[cç][aã]o|quantifica[cç][aã]o)|faixa\s+(?:de\s+)?(?:quantifica[cç][aã]o|detec[cç][aã]o|linear(?:idade)?|de\s+medi[cç][aã]o))`;
// The dates of the sample a block prints for itself ("Data da Coleta: 10/06/2025   Data da Liberação: …",
// "Coletado em: …   Liberado em: …").
const SAMPLE_DATES =
  /^(?:(?:data|dt\.?)\s+d[aeo]\s+(?:coleta|recebimento|libera[cç][aã]o|entrada|emiss[aã]o)|coleta|recebimento|libera[cç][aã]o|(?:coletad|colhid|recebid|liberad)[oa]\s+em)(?![\p{L}])/iu;
// A drug screen's list of what it looked for ("Substâncias pesquisadas: maconha, cocaína, …", "Drogas
// testadas:"): the panel's, between its result and its reference.
const SCREENED = String.raw`(?:subst[aâ]ncias|drogas|analitos|classes)\s+(?:pesquisad|analisad|testad|investigad)[oa]s\s*:`;
// An old system's capitals abbreviate the labels ("MAT.: SORO", "EQUIP.: ANALISADOR …", h1739), their colon after.
// The patient's state at the sample a point-of-care test labels ("ESTADO: POS-PRANDIAL (1H40)", "Condição: jejum",
// a pharmacy's receipt, h1751): the sample's, between the test's name and its result.
const SAMPLE_STATE = String.raw`(?:estado|condi[cç][aã]o)\s*:\s*(?:em\s+)?(?:jejum|p[oó]s[- ]?prandial|casual|aleat[oó]ri[oa])(?![\p{L}])`;
const BLOCK_DETAIL = new RegExp(
  String.raw`^(?:(?:mat|equip|m[eé]t)\.(?=\s*:)|material|amostras?|m[eé]todos?|metodologia|equipamento|analisador|kit|c[aá]lculo|f[oó]rmula|jejum|${ASSAY_LIMIT}|${SCREENED}|${SAMPLE_STATE})(?![\p{L}])`,
  'iu',
);

// A results portal's card prints the exam's status alone on the line between its name and its value
// ("Estradiol" / "Liberado" / "48 pg/mL"): the state of the order, no result, and the card's name still
// names the value under it (as an administrative line it would end the card).
// An app may draw a tick after it ("Liberado ✓").
const CARD_STATUS = /^(?:(?:resultado|exame|status)\s*:?\s+)?(?:liberad[oa]|finalizad[oa]|conclu[ií]d[oa]|dispon[ií]vel|pronto)(?:\s*[✓✔☑✅]\uFE0F?)?$/iu;

/** A drug screen's list of the substances it looked for, a detail of its result ("Drogas testadas: …"). */
const SCREENED_LIST = new RegExp(`^${SCREENED}`, 'iu');

export function isScreenedList(text: string): boolean {
  return SCREENED_LIST.test(text.trim());
}

// The reagent a coagulation block ran with ("Tromboplastina: <marca> - ISI 1,02 - lote 251093"): a detail of the
// block under its title, as its material and method are.
export const REAGENT_LINE = /^\s*(?:tromboplastina|reagente|cefalina)\s*:\s*\p{L}/iu;

/**
 * Material/method lines (and the assay kit: "Kit: <brand> (lote …)") sit between a block's title and its result without ending the block; so do
 * the assay's limits ("Limite de detecção: 40 cópias/mL", "Faixa de quantificação: 12 a 10⁸ UI/mL")
 * and the sample's dates when a block prints its own (a LACEN/GAL report: "Exame:", "Metodologia:",
 * "Data da Coleta: … Data da Liberação: …", then "Resultado:").
 */
export function isBlockDetail(text: string): boolean {
  return BLOCK_DETAIL.test(text.trim()) || BRACKETED_SAMPLE.test(text.trim()) || SAMPLE_DATES.test(text.trim()) || isCardStatus(text) || KIT_LOT.test(text);
}

// The sample and method in brackets on the line under the block's title, unlabelled ("(soro · urease/GLDH
// cinético)", "(sangue total EDTA · automação, citometria de fluxo)", a report of one block per analyte).
// Brackets inside it name a condition or a method's standard ("(soro (jejum de 10 h) · enzimático - hexoquinase)").
const BRACKETED_SAMPLE = /^\((?:soro|plasma|sangue|urina|fezes|l[ií]quor|saliva|amostra)(?![\p{L}])(?:[^()]|\([^()]*\))*\)$/iu;

// A rapid test's kit line ("Teste: <brand>   Lote: 224VD031Z   Validade: 30/11/2025", a testing service's
// form): a cell giving the kit's lot says the line names the kit used, whatever its own label, never the exam.
const KIT_LOT = /\S\s{2,}lote\s*(?:n[º°o]\.?\s*)?:\s*\S/iu;

/** A portal card's status alone on its line ("Liberado", "Finalizado", "Resultado disponível"). */
export function isCardStatus(text: string): boolean {
  return CARD_STATUS.test(text.trim());
}

// The volume of a timed urine collection printed as a detail of the result above it ("VOLUME: 2.140 mL"):
// the sample's, not a result of the report's (its line is still listed by the accounting pass).
const SAMPLE_VOLUME = new RegExp(String.raw`^volume(?:\s+(?:urin[aá]rio|total|colhido|coletado|de\s+urina))?\s*:\s*(?:${NUMBER})\s*(?:ml|l)$`, 'iu');

const VOLUME_UNIT = /^m?l$/iu;

// How long a timed urine was collected ("Tempo de coleta ........ 24 h"): the sample's, not a result (its
// line is still listed by the accounting pass).
const COLLECTION_TIME = new RegExp(String.raw`^(?:tempo|per[ií]odo)\s+(?:total\s+)?de\s+coleta\s*:?\s*(?:${NUMBER})\s*(?:h|horas?)\.?$`, 'iu');

// The clock time the sample was drawn, printed under a result ("Horário da coleta: 08:10"): the sample's,
// read into the patient's collection hour (a cortisol's range is picked by it), no result.
const COLLECTION_CLOCK = /^(?:hor[aá]rio|hora)\s+d[ae]\s+coleta\s*:?\s*\d{1,2}[:h]\d{2}(?:\s*h)?$/iu;

/** A timed collection's length, or the clock time the sample was drawn on a line of its own (between a block's title and its result too). */
export function isCollectionTime(text: string): boolean {
  return COLLECTION_TIME.test(text.trim()) || COLLECTION_CLOCK.test(text.trim());
}

// The lab's note in brackets under a word result, a sentence of three words or more and no number ("(não foram
// observadas formas parasitárias de Plasmodium sp.)", h1733): a comment on the result above, never a name.
const BRACKETED_NOTE = /^\((?=[^()]*\p{Ll}{3})[^()\d]*\S\s+\S[^()\d]*\s\S[^()\d]*\)$/u;

/**
 * The method (or material), the collection's volume or clock time, or the lab's note in brackets, and the reference side
 * by side on the line under a result ("METODO: ISE      V.R.: 3,5 A 5,1 mEq/L"): the reference cell alone, so it is read as the
 * result's range; the detail cell is no result. Undefined when the line is not a detail cell then a led
 * reference.
 */
export function referenceAfterDetail(text: string): string | undefined {
  const gap = /\s{2,}(?=\S)/g;
  for (let m = gap.exec(text); m; m = gap.exec(text)) {
    const head = text.slice(0, m.index).trim();
    const rest = text.slice(m.index + m[0].length);
    // The specimen and method may be printed without their label ("Soro - Eletroquimioluminescência   32,4 a
    // 128,0 nmol/L", under a row whose reference cell ends on its label's colon): a detail all the same when it
    // names an assay method, with no number ("URINA - PROTEINAS   NEGATIVO" is a row, "Quimioluminescência   12
    // pg/mL" a value).
    const detail = (BLOCK_DETAIL.test(head) && !/\d/.test(head.replace(NAME_DIGITS, ''))) || (isMethodLine(head) && !/\d/.test(head) && METHOD_WORD.test(head));
    if (!SAMPLE_VOLUME.test(head) && !COLLECTION_CLOCK.test(head) && !detail && !BRACKETED_NOTE.test(head)) return undefined;
    // A volume beside a range in millilitres or litres is a result with its own range, no sample's detail (a semen
    // analysis's "Volume ....... 1,2 mL   Igual ou superior a 1,4 mL", h1940): a result above is in another unit.
    if (SAMPLE_VOLUME.test(head) && labelledRanges([stripReferenceLead(rest).rest]).some((r) => r.range.unit !== null && VOLUME_UNIT.test(r.range.unit)))
      return undefined;
    // Beside the detail, a range with no lead of its own ("Material: soro      0,60 a 1,20 mEq/L", "Método:
    // …   Tóxico: acima de 1,50") goes on with the reference of the row above, its lead left there.
    if (stripReferenceLead(rest).lead ? isReferenceText(rest) : isReferenceText(rest, { strictLabels: true })) return rest;
  }
  return undefined;
}

/**
 * The method (or material) and the result side by side on the line under a block title ("Método:
 * Quimioluminescência (CMIA)      Resultado ...: 0,41 Índice (S/CO)"): the result cell alone, so it is read
 * as the block's result, as it would be on a line of its own; the detail cell is no result.
 */
export function resultAfterDetail(text: string): string | undefined {
  const m = /^(.*?\S)\s{2,}(resultados?\s*(?:\.{2,}\s*)?:.*)$/iu.exec(text);
  if (!m || !BLOCK_DETAIL.test(m[1]!.trim()) || /\d/.test(m[1]!.replace(NAME_DIGITS, ''))) return undefined;
  return m[2]!;
}

// A release (or collection) stamp in a cell of its own, last on the line: its label, a date and perhaps the time.
const RELEASE_STAMP_CELL =
  /\s{2,}(?:liberad[oa]|libera[cç][aã]o|coletad[oa]|colhid[oa]|coleta|recebid[oa]|recebimento)(?:\s+em)?\s*:?\s*\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?:\s+(?:[àa]s\s+)?\d{1,2}[:h]\d{2})?(?:\s{2,}(?:normal|alterad[oa]|anormal))?\s*$/iu;
// Digits glued to letters ("HBA1C", "B12") and in brackets ("(3 amostras)") qualify a title: they are no value.
// So does the number of the sample a culture was drawn in ("HEMOCULTURA - AMOSTRA 1 (aeróbia)", "Frasco 2"), and
// how many samples were taken ("PARASITOLÓGICO DE FEZES - 1 amostra - Métodos: …"), and the time point of a timed
// series after a dash ("TROPONINA I ULTRASSENSÍVEL - 2 h", a portal's card per sample of a chest-pain protocol, h1946).
const NAME_DIGITS =
  /(?<=\p{L})\d+|(?<=\s[-–—]\s)\d{1,3}(?=\s?(?:h|horas?|min(?:utos)?)(?![\p{L}\d]))|\([^()\d]*\d[^()]*\)|(?<=(?<![\p{L}])(?:amostra|frasco)\s{1,2})\d{1,2}(?![\d.,/])|(?<![\p{L}\d.,])\d{1,2}(?=\s+amostras?(?![\p{L}]))/giu;

/**
 * A block title with its Material/Método cell printed beside it ("FERRITINA      Material: soro -
 * quimioluminescência"): the title alone, so it names the "Resultado:" under it. Lines with a number
 * before the detail cell are left whole; digits glued to letters in a name ("HBA1C", "B12") or in
 * brackets ("(3 amostras)") are no number.
 */
export function withoutDetailCell(text: string): string {
  // A hospital LIS prints when each exam was released (or drawn) at the title's right ("UREIA - Soro -
  // Cinético UV      Liberado: 18/03/2025 07:40"): the sample's dates, so the title alone names the
  // "Resultado:" under it. Only after a title (no label, no number before it): "Posto: …   Data da
  // coleta: …" is a header's line. A portal's card may print its verdict on the exam after the date ("▾ GLICOSE
  // DE JEJUM   Liberado em 29/04/2025 10:41   Normal", h1776): the card's state too, no result of the title.
  const stamp = RELEASE_STAMP_CELL.exec(text);
  if (stamp && /\p{L}/u.test(text.slice(0, stamp.index)) && !/[:\d]/.test(text.slice(0, stamp.index).replace(NAME_DIGITS, '')))
    return text.slice(0, stamp.index);
  // A specimen before the dash is no title: the whole line is the block's detail.
  if (SAMPLE_DETAIL.test(text.trim())) return text;
  // A portal's title row prints the specimen in the cell after the name and the method after it ("PESQUISA
  // DE ROTAVÍRUS   Fezes   Imunocromatografia", "PARASITOLÓGICO DE FEZES   Fezes (amostra única)   Métodos:
  // Hoffman, …"): the sample's cells, never a result; the title alone names the "Resultado" row under it.
  // Read before a labelled method's cell is cut, which would leave the specimen's as the title's word.
  const specimen = SPECIMEN_CELL_AFTER_TITLE.exec(text);
  if (specimen && !/\d/.test(specimen[1]!.replace(NAME_DIGITS, ''))) {
    const rest = text
      .slice(specimen[0].length)
      .split(/\s{2,}/)
      .filter(Boolean);
    if (rest.every((c) => isMethodLine(c) || /^(?:m[eé]todos?|metodologia)\s*:\s*\p{L}[^\d]*$/iu.test(c))) return specimen[1]!;
  }
  // The method may follow the title after a dash instead ("VHS - MÉTODO DE WESTERGREN"), not after
  // another detail ("IMUNOLOGIA - MATERIAL: SORO - MÉTODO: …", a section line).
  // A title that fills its column leaves one space before a labelled detail ("… (NOME POR EXTENSO) Material: Soro").
  // So does one in brackets ("PARASITOLÓGICO DE FEZES (MÉTODO: HOFFMAN)"): its colon is the detail's,
  // in a column of its own too ("HEMOGRAMA      (Método: automação + microscopia)").
  const analyser = analyserAfterSpecimen(text);
  if (analyser !== undefined) return text.slice(0, analyser);
  for (const m of matchesOf(/\s{2,}\(?(?=\S)|\s[-–—]\s+(?=m[eé]todo)|\s\(?(?=(?:material|amostra|m[eé]todo|metodologia)\s*:)/giu, text)) {
    const at = m.index + m[0].length;
    const dash = /[-–—]/.test(m[0]);
    if (dash && text.slice(0, m.index).includes(':')) continue;
    // "FIBRINOGÊNIO - método de Clauss ...... 287 mg/dL" (its leader read as ":"): the value after the
    // leader makes the line a result, the method part of its name.
    if (dash && /^[^:]*\s:\s*[<>≤≥]?\s*\d/.test(text.slice(at))) continue;
    if (BLOCK_DETAIL.test(text.slice(at)) && /\p{L}/u.test(text.slice(0, at)) && !/\d/.test(text.slice(0, at).replace(NAME_DIGITS, ''))) {
      // A dash inside the title's bracket ("PARASITOLÓGICO DE FEZES (3 amostras - método de Hoffman)", h1981) parts
      // the bracket's details: the title ends before the bracket, which the cut would leave open.
      const head = text.slice(0, m.index).trimEnd();
      const open = head.lastIndexOf('(');
      return open > head.lastIndexOf(')') && /\p{L}/u.test(head.slice(0, open)) ? head.slice(0, open).trimEnd() : head;
    }
  }
  const method = methodCellAt(text);
  return method === undefined ? text : text.slice(0, method);
}

/**
 * Where the method starts when a title has it alone, unlabelled, in a column of its own ("GLICOSE
 * Hexoquinase", "COOMBS INDIRETO   Gel - 3 células", two spaces apart in a PDF's text too: "GLICOSE
 * Enzimático - hexoquinase"): the title is the one cell before it, with no value.
 */
export function methodCellAt(text: string): number | undefined {
  const gaps = matchesOf(/\s{2,}/g, text);
  const gap = gaps.length === 1 ? gaps[0]! : undefined;
  if (!gap || gap.index === 0 || !isMethodLine(text.slice(gap.index)) || /\d/.test(text.slice(0, gap.index).replace(NAME_DIGITS, ''))) return undefined;
  return gap.index;
}

// The specimens and the assay methods a report names without a label.
const SPECIMEN = String.raw`(?:soro|plasma|sangue|urina|fezes|l[ií]quor|liquido|saliva|s[eê]men|esperma|swab|secre[cç][aã]o)`;
const METHOD = String.raw`(?:gel|(?:imuno)?cromatografia|c[aá]lculo|calculad[oa]|enzim[aá]tic[oa]|colorim[eé]tric[oa]|cin[eé]tic[oa]|hplc|hexoquinase|(?:eletro)?quimioluminesc[eê]ncia|imunoturbidimetria|turbidimetria|nefelometria|jaff[eé]|eletrodo|potenciometria|citometria|automatizad[oa]|imunoensaio|imunoenzim[aá]tic[oa]|elisa|cmia|eclia|imunofluoresc[eê]ncia|(?:hem)?aglutina[cç][aã]o|flocula[cç][aã]o|microscopia|espectrofotometria|urease|uricase|lc-ms/ms|hplc-ms/ms|espectrometria\s+de\s+massas?(?:\s+em\s+tandem)?)`;
const METHOD_WORD = new RegExp(String.raw`(?<![\p{L}])${METHOD}(?![\p{L}])`, 'iu');
// The specimen alone, or with the word that says how it was drawn ("Soro", "Sangue total"): no analyte
// is named so ("Sangue oculto" is, so only these words qualify it).
const SPECIMEN_ALONE = String.raw`${SPECIMEN}(?:\s+(?:total|isolad[oa]|venos[oa]|arterial|capilar))?`;
// A title, then the specimen alone in its own cell, maybe with its qualifier in brackets or the tube's
// code ("Fezes (amostra única)", "Sangue total EDTA").
const SPECIMEN_CELL_AFTER_TITLE = new RegExp(
  String.raw`^(\p{L}[^:\s]*(?:\s(?!\s)[^:\s]+)*)\s{2,}${SPECIMEN_ALONE}(?:\s+[A-Z]{2,6})?(?:\s*\([^()\d]*\))?(?=\s{2,}|$)`,
  'iu',
);
// The time of collection printed after the method ("Soro · Quimioluminescência · coleta às 06:50"):
// still a detail line (a cortisol or a prolactin is read by the hour it was drawn).
const COLLECTION_NOTE = String.raw`(?:\s*[·•,;|-]\s*(?:coleta|colhid[oa]|coletad[oa])\b[^\p{L}\d]*(?:[àa]s?\s+)?\d{1,2}[:h]\d{2}(?:\s*h)?)?`;
// A portal's card prints the release date after the method ("Soro · Enzimático · Liberado em 28/10/2025"), or
// the collection date right after the specimen, with no method ("Plasma · Coletado em 21/02/2025").
const RELEASE_STAMP = String.raw`\s*[·•,;|-]\s*(?:liberad[oa]|libera[cç][aã]o|coletad[oa]|colhid[oa]|coleta)\s*(?:em\s+)?:?\s*\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?:\s+(?:[àa]s\s+)?\d{1,2}[:h]\d{2})?`;
const RELEASE_NOTE = `(?:${RELEASE_STAMP})?`;
// The fast the sample was drawn after, printed as the method's last detail ("Soro - Enzimático colorimétrico - Jejum
// de 12 h", "Plasma · Hexoquinase · jejum 8 horas"): hours of fasting, no result.
const FASTING_NOTE = String.raw`(?:\s*[·•,;|-]\s*(?:ap[oó]s\s+)?jejum\s+(?:m[ií]nimo\s+)?(?:de\s+)?\d{1,2}(?:\s*(?:a|-|–)\s*\d{1,2})?\s*(?:h|horas?|hs)(?![\p{L}\d]))?`;
// A method's words hold no ';', '|' or ':': what follows one is another field ("Soro - quimioluminescência ;
// HBsAg: Reagente"), read or listed.
// The analyser may close it in brackets, its model's number among the words ("Soro — Fluorimetria
// (ImmunoCAP, Phadia 250)"): a machine's name, no value.
// The specimen's qualifiers may number the sample ("Urina 1ª amostra · Imunoturbidimetria", the first morning
// urine): an ordinal, no value. They may be in brackets ("Urina (amostra isolada) · Imunoturbidimetria", h1806).
const METHOD_LINE = new RegExp(
  String.raw`^(?:${SPECIMEN}(?:\s+(?:[\p{L}]+|\d[ªºo°])){0,3}(?:\s*\([^()\d]*\))?\s+[-–—·•]\s+\p{L}[^\d;|:]*(?:\(\s*\p{L}[^();|:]*\))?${FASTING_NOTE}${COLLECTION_NOTE}${RELEASE_NOTE}|${SPECIMEN_ALONE}(?:${RELEASE_STAMP})?|${METHOD}(?:[\s/-]+(?:\d+\s+)?[\p{L}]+){0,3})$`,
  'iu',
);

// The specimen unlabelled, then the labelled method after a dash ("soro - método: quimioluminescência (4ª
// geração)", "urina jato médio - método: semeadura"): the block's detail line, never a title with its method.
// The specimen's qualifier may be in brackets ("Urina (amostra isolada) · Método: Imunoturbidimetria", a portal's card,
// h1806).
const SAMPLE_DETAIL = new RegExp(String.raw`^${SPECIMEN}(?:\s+\p{L}+){0,3}(?:\s*\([^()\d]*\))?\s+[-–—·•|]\s*(?:m[eé]todos?|metodologia)\s*:`, 'iu');

// The method with the analyser that ran it ("Quimioluminescência - Equipamento: Atellica IM (Siemens)",
// "Arsenazo III - Analisador: Cobas c 503"): the analyser's model may hold digits, the method before it none.
const ANALYSER = String.raw`(?:equipamento|analisador|aparelho|instrumento|plataforma)\s*:`;
const ANALYSER_LINE = new RegExp(String.raw`^\p{L}[^\d:;|]{1,60}?\s[-–—·,]\s*${ANALYSER}\s*\S.*$`, 'iu');
/** The analyser's label and model up to a column break ("Equipamento: Cobas e 801 (Roche)"): its digits name a machine. */
export const ANALYSER_SPAN = new RegExp(String.raw`(?<![\p{L}])${ANALYSER}[^;|]*?(?=\s{3,}|\s*[;|]|$)`, 'giu');

// A section's title with its specimen after a dash and the analyser that ran it last ("GASOMETRIA / METABÓLITOS -
// Sangue venoso - heparina lítica - ABL 800", "COAGULAÇÃO - Plasma citratado - Coagulômetro ACL TOP 350", a
// hospital LIS): the model's number names a machine, never a value of the title.
const ANALYSER_AFTER_SPECIMEN = /^(\s*\p{L}[^\d:;|]*?)\s+[-–—]\s+(\p{L}[^\d:;|]*?)\s[-–—]\s+(?:[^\d:;|]*\s)?\p{Lu}[\p{L}-]*\s+\d{2,5}\s*$/u;
const SPECIMEN_FIRST = new RegExp(String.raw`^${SPECIMEN}(?![\p{L}])`, 'iu');

/** Where such a title's specimen and analyser start (after the title), or undefined. */
export function analyserAfterSpecimen(text: string): number | undefined {
  const m = ANALYSER_AFTER_SPECIMEN.exec(text);
  return m && SPECIMEN_FIRST.test(m[2]!) ? m[1]!.length : undefined;
}

/**
 * A material/method line printed without its label, as a lab's web portal shows it under the exam
 * name ("Soro - Enzimático", "Urina isolada - Imunoturbidimetria", "Soro · Quimioluminescência", "Cálculo", "Soro"): a detail of the block,
 * never the analyte's name.
 */
export function isMethodLine(text: string): boolean {
  return METHOD_LINE.test(text.trim()) || ANALYSER_LINE.test(text.trim()) || SAMPLE_DETAIL.test(text.trim());
}

// Where a title's dashed tail may start ("LACTATO - Plasma fluoretado - Enzimático").
const TITLE_DASH = /\s[-–—]\s+/gu;

/**
 * A block title with its specimen and method after a dash on the same line, as a hospital LIS prints
 * each exam ("LACTATO - Plasma fluoretado - Enzimático", "UREIA - Soro - Cinético UV"): the name is the
 * part before the tail, which says how the sample was drawn and run, never what was measured. A dashed
 * tail that is no specimen or method ("HIV 1 e 2 - Anticorpos") stays part of the name.
 */
export function titleWithoutMethod(text: string): string {
  for (const m of matchesOf(TITLE_DASH, text)) {
    const head = text.slice(0, m.index).trimEnd();
    if (/\p{L}/u.test(head) && isMethodLine(text.slice(m.index + m[0].length))) return head;
  }
  return text;
}

// A previous result on its own line under its label ("Resultado anterior" / "7,3 % em 18/12/2023"):
// one value, its unit, its date.
const PREVIOUS_LABEL_ALONE = /^\s*(?:resultados?\s+)?anterior(?:es)?\s*:?\s*$/i;
const PREVIOUS_VALUE_ALONE = new RegExp(
  String.raw`^\s*(?:[<>]\s*)?(?:${NUMBER})\s*(?:${UNIT_PATTERN})?\s*(?:\(?\s*(?:em|de)?\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s*\)?)\s*$`,
  'iu',
);

// The same card's slot when the patient has no earlier sample ("Sem resultado anterior", "Não há
// resultado anterior", "Nenhum resultado anterior"): it says nothing about this sample.
const NO_PREVIOUS_RESULT = /^\s*(?:sem|n[aã]o\s+h[aá]|nenhum)\s+(?:resultados?\s+)?anteriore?s?\.?\s*$/iu;

// A history's heading alone on its line, a portal's expanded link too ("Ver evolução ▾", "Histórico:",
// "Resultados anteriores"), and the earlier samples under it, one a line, each after its date ("22/01/2025 ·
// 5.870 UI/mL (log 3,77)", "- 19/08/2024: 41.200 UI/mL"): no name, so no result of this report.
const HISTORY_HEADING =
  /^\s*(?:(?:ver|visualizar|exibir|mostrar|ocultar)\s+(?:o\s+|a\s+)?)?(?:evolu[cç][aã]o|hist[oó]rico|(?:resultados?\s+)?anteriores)(?:\s+d[oa]s?\s+resultados?|\s+d[aeo]s?\s+\p{L}[\p{L}() -]{0,40}?)?\s*[:▾▼▿›>»]?\s*$/iu;
// A portal's history panel, opened under a card ("Histórico de Plaquetas"), may print each sample's date and
// its value on two lines of their own ("ago/2025" / "298.000"): the date alone, with its year.
const DATE_ALONE = new RegExp(String.raw`^\s*(\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}\/\d{4}|${MONTH})\s*$`, 'iu');
const VALUE_ALONE = new RegExp(String.raw`^\s*((?:[<>]\s*)?(?:${NUMBER})\s*(?:${UNIT_PATTERN})?)\s*$`, 'iu');
const DATED_EARLIER_SAMPLE = new RegExp(
  String.raw`^\s*(?:[-–•*·]\s+)?(\d{1,2}\/\d{1,2}\/\d{2,4})\s*[·•:|»→–—-]?\s*((?:[<>]\s*)?(?:${NUMBER})\s*(?:${UNIT_PATTERN})?\s*(?:\([^()]*\))?)\s*$`,
  'iu',
);

/**
 * A lab portal prints the previous result under its own label line ("Resultado anterior" / "142 mg/dL
 * em 18/12/2023"): the value line is read, and accounted, as "Resultado anterior: 142 mg/dL em …", an
 * earlier sample's result (the label line becomes empty). Only a value with its date follows the label.
 * With no earlier sample ("Resultado anterior" / "Sem resultado anterior") both lines become empty, so
 * the card's reference under them still reaches its result. A history's heading may list several earlier
 * samples under it, each after its date (HISTORY_HEADING): each line is read as one previous result.
 */
export function joinPreviousLabel(reads: readonly string[]): string[] {
  const out = [...reads];
  for (let i = 0; i + 1 < out.length; i++) {
    if (PREVIOUS_LABEL_ALONE.test(out[i]!) && NO_PREVIOUS_RESULT.test(out[i + 1]!)) {
      out[i] = '';
      out[i + 1] = '';
      continue;
    }
    // Under a history's heading, each dated sample is read, and accounted, as "Resultado anterior (22/01/2025):
    // 5.870 UI/mL"; the heading stays as printed.
    if (HISTORY_HEADING.test(out[i]!)) {
      for (let k = i + 1; k < out.length; k++) {
        const date = DATE_ALONE.exec(out[k]!);
        const value = date && /\d/.test(date[1]!) ? VALUE_ALONE.exec(out[k + 1] ?? '') : null;
        if (date && value) {
          out[k] = '';
          out[++k] = `Resultado anterior (${date[1]!.trim()}): ${value[1]!.trim()}`;
          continue;
        }
        const m = DATED_EARLIER_SAMPLE.exec(out[k]!);
        if (!m) break;
        out[k] = `Resultado anterior (${m[1]}): ${m[2]!.trim()}`;
      }
      continue;
    }
    if (!PREVIOUS_LABEL_ALONE.test(out[i]!) || !PREVIOUS_VALUE_ALONE.test(out[i + 1]!)) continue;
    out[i + 1] = `${out[i]!.trim().replace(/:$/, '')}: ${out[i + 1]!.trim()}`;
    out[i] = '';
  }
  return out;
}

/**
 * A row of a tabbed table copied from a web page whose name cell wrapped onto a line of its own, its
 * other cells on the next line after a tab ("TFG estimada (CKD-EPI 2021)" / "\t54\tmL/min/1,73m²\t…"):
 * the row is read whole on the value's line, the name's left empty. Only between tabbed rows, so a
 * title over an indented value elsewhere is left alone.
 */
export function joinWrappedTabbedName(reads: readonly string[]): string[] {
  const out = [...reads];
  const tabbedRow = (l: string | undefined) => l !== undefined && l.trim().split('\t').length >= 3;
  for (let i = 1; i + 1 < out.length; i++) {
    const name = out[i]!;
    const cellsNext = out[i + 1]!;
    if (name.includes('\t') || !/^\s*\p{L}/u.test(name) || !/^\t+\s*[<>≤≥]?\s*\d/.test(cellsNext) || !tabbedRow(cellsNext)) continue;
    if (!tabbedRow(out[i - 1]) && !tabbedRow(out[i + 2])) continue;
    out[i + 1] = `${name.trim()}\t${cellsNext.replace(/^\t+/, '')}`;
    out[i] = '';
    i++;
  }
  return out;
}

// A name line of a column table: one cell of words, no digit.
const NAME_ALONE = /^(\s*)(\p{L}[^\d\t]*?)\s*$/u;
// A table row: its name cell (a method's year in it: "Estimada (CKD-EPI 2021)"), then a value after a column gap.
// A colon or a dot leader ends the name ("Plaquetas.......: 168.000 /mm³   150.000 a …"): what follows is
// the row's value, never more of its name.
const ROW_NAME = /^( *)(\p{L}(?:[^\s:.]|\.(?!\.)| (?! ))*?)(?=\s{2,}[<>≤≥]?\s*\d)/u;
// A name cut after a word that cannot end it ("Índice de Saturação da").
const CUT_AFTER = /\s(?:de|da|do|das|dos|e|em|por|para|com)$/iu;

/**
 * A row of a column table whose name cell wrapped onto the line above it, the rest of the name on the
 * value's line ("Índice de Saturação da" / "Transferrina   24,4   %   15 a 50", "Taxa de Filtração
 * Glomerular" / "Estimada (CKD-EPI 2021)   62 …"): the row is read whole on the value's line. Only when
 * the line above is cut after a word that cannot end a name, or the row's own name piece names nothing
 * and the whole name does: a block title over a row that names its analyte ("Hemograma" / "Hemácias …")
 * stays a title.
 */
export function joinWrappedNameAbove(reads: readonly string[]): string[] {
  const out = [...reads];
  for (let i = 0; i + 1 < out.length; i++) {
    const above = NAME_ALONE.exec(out[i]!);
    const row = ROW_NAME.exec(out[i + 1]!);
    if (!above || !row || above[1]!.length !== row[1]!.length || /\s{2,}/.test(above[2]!) || isAdminLine(above[2]!)) continue;
    const name = `${above[2]!.trim()} ${row[2]!.trim()}`;
    if (!CUT_AFTER.test(above[2]!.trim()) && (lookupName(row[2]!.trim()) !== undefined || lookupName(name) === undefined)) continue;
    // The value keeps its column when the whole name fits before it: cells are placed by the header's.
    // A name that does not fit, going on in lower case ("Volume corpuscular" / "médio (VCM)   90,7   fL
    // 80,0 a"), is left to the table reader, which joins it by the header's columns with the cells
    // wrapped under the row.
    const rest = out[i + 1]!.slice(row[0].length).trimStart();
    const lead = `${row[1]}${name}`;
    const valueAt = out[i + 1]!.length - rest.length;
    const fits = lead.length + 2 <= valueAt;
    if (!fits && /^\p{Ll}/u.test(row[2]!)) continue;
    out[i + 1] = `${lead.padEnd(valueAt)}${fits ? '' : '  '}${rest}`;
    out[i] = '';
    i++;
  }
  return out;
}

// The counter an SMS part starts with ("(5/7) …"), after the sender's name in capitals at times, a colon
// after it ("LABCLIN (3/5): GLI 118 …"). Not an agent's types in brackets ("ANTI-HIV (1/2): Não reagente",
// "HSV (1/2): …"): a catalogued name, or a virus typed by number, is no sender.
const SMS_PART_RE = /^\s*(?:(\p{Lu}[\p{Lu}\d&.-]*(?:\s\p{Lu}[\p{Lu}\d&.-]*){0,3})\s(?=\(\d{1,2}\/\d{1,2}\)\s*:))?\((\d{1,2})\/(\d{1,2})\)\s*:?\s+/u;
const SMS_PART = {
  exec(text: string): [string, string, string] | null {
    const m = SMS_PART_RE.exec(text);
    if (!m || (m[1] !== undefined && (lookupName(m[1]) !== undefined || /\b(?:hiv|hsv|htlv|hpv|herpes)\b/i.test(m[1])))) return null;
    return [m[0], m[2]!, m[3]!];
  },
};
// The phone's stamp between two parts: the time alone, or after the day ("09:13", "Qua, 11 jun · 10:02", "11/06/25 10:02").
const SMS_STAMP = /^\s*(?:\p{L}{3,}\.?,?\s+)?(?:\d{1,2}(?:\s+\p{L}{3,}\.?|\/\d{1,2}(?:\/\d{2,4})?)\s*[·•,-]?\s*)?\d{1,2}:\d{2}(?::\d{2})?\s*$/u;
// A part that ends on a result's name, after the result before it ("… HDL 36 mg/dL (>40)* TG"), the next
// part starting with that name's value ("(4/5): 238 mg/dL (<150)* LDL …"): the phone cut between the two.
const NAME_AT_END = /(?:\d|\))\*?\s+\p{L}[\p{L}\d-]{0,15}$/u;

/**
 * An SMS cut into parts mid-bracket ("(5/7) … TSH 2,06 uUI/mL (ref 0,45 a" / "09:13" / "(6/7) 4,50); T4 livre
 * …"): the phone cut the message by length, not by result, and printed each part's time between them. A
 * part whose bracket is left open, or that ends on a name whose value starts the next part, is joined with the next part (its counter dropped), read on the first
 * line (the next part's left ''), so the range is read whole and the results after it with it.
 */
export function joinSmsParts(reads: readonly string[]): string[] {
  const out = [...reads];
  for (const [i, [j]] of smsPartLines(reads)) {
    out[i] = `${out[i]!.trimEnd()} ${out[j!]!.slice(SMS_PART.exec(out[j!]!)![0].length).trim()}`;
    out[j!] = '';
  }
  return out;
}

/** Each SMS part joinSmsParts joins the next part to, with that part's line, where the results after the cut are printed. */
export function smsPartLines(reads: readonly string[]): Map<number, number[]> {
  const joins = new Map<number, number[]>();
  const open = (s: string) => (s.match(/\(/g) ?? []).length > (s.match(/\)/g) ?? []).length;
  for (let i = 0; i < reads.length; i++) {
    const cur = SMS_PART.exec(reads[i]!);
    if (!cur) continue;
    const text = reads[i]!.slice(cur[0].length).trimEnd();
    const cutName = NAME_AT_END.test(text);
    if (!open(text) && !cutName) continue;
    let j = i + 1;
    while (j < reads.length && (reads[j]!.trim() === '' || SMS_STAMP.test(reads[j]!))) j++;
    const next = j < reads.length ? SMS_PART.exec(reads[j]!) : null;
    if (!next || Number(next[1]) !== Number(cur[1]) + 1 || next[2] !== cur[2]) continue;
    if (!open(text) && !/^[<>≤≥]?\s*\d/.test(reads[j]!.slice(next[0].length))) continue;
    joins.set(i, [j]);
  }
  return joins;
}

/**
 * Whether a bracket left open ends in an age band broken before its unit ("(ref. crianças de 1 a 15" / "anos: 12 a 140
 * ng/mL)", an e-mail's width, h1906) that the next line closes: its age word, a colon and the range. Alone, the line's
 * "1 a 15" read as the range. Read, and accounted, as one line (parse.ts), the band's bounds counted as the band's.
 */
export function ageBandBrokenBeforeUnit(cur: string, next: string): boolean {
  const open = cur.lastIndexOf('(');
  if (open < 0 || cur.indexOf(')', open) >= 0 || !/\d\s*$/u.test(cur)) return false;
  return /^\s*(?:anos|meses|dias|semanas)\s*(?:de\s+idade\s*)?[:=]\s*[<>≤≥]?\s*\d[^()]*\)/iu.test(next);
}

/**
 * A reference bracket a transcription broke over two lines ("… 24,6 mg/L (VR: inferior a" / "5,0 mg/L)"):
 * a line whose last "(" is left open and ends on a word that wants a number (a range's "a", "até",
 * "de", "entre", a comparator, a colon) is joined with the next line when that one closes the bracket
 * and opens none before it. So is a list of words in a range's label that a PDF column wrapped after a
 * comma ("grupos de risco (idosos, gestantes," / "lactantes, osteoporose)"): the next line goes on in
 * lower case and closes the bracket with no number before it. Returns, per line, the text to read ('' for
 * a line joined to the one above).
 */
export function joinOpenBrackets(reads: readonly string[]): string[] {
  const out = [...reads];
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!;
    const open = cur.lastIndexOf('(');
    if (open < 0 || cur.indexOf(')', open) >= 0) continue;
    const inside = cur.slice(open + 1).trimEnd();
    const wantsNumber = /(?:^|\s)(?:a|à|at[eé]|de|entre|e|[<>≤≥]=?|inferior\s+a|superior\s+a|acima\s+de|abaixo\s+de)$|[:\-–]$/iu.test(inside);
    // A label's words cut before the bracket closes ("(população" / "geral); 30 a 60 ng/mL") are such a list too.
    // Only when the join closes every bracket: a line that opens another one ("saudável); 30 a 60 (grupos
    // de") is itself wrapped, as a column's cell is read.
    const balanced = (s: string) => (s.match(/\(/g) ?? []).length === (s.match(/\)/g) ?? []).length;
    const wordList = /\p{L},$/u.test(inside) || (/^\p{L}[\p{L} ]*$/u.test(inside) && balanced(`${cur} ${out[i + 1]!}`));
    // A word reference broken the same way ("(VR: ausência de" / "parasitas) ↑ ALTERADO."): the bracket
    // opens with a reference lead and the next line goes on in words.
    const wordReference = /^\s*(?:v\.?\s?r\.?|ref(?:er[eê]ncia)?\.?)\s*:\s*\p{L}/iu.test(inside) && /\p{L}$/u.test(inside);
    // A list of labelled ranges broken after its separator ("(ref. fase folicular 2,4 a 12,6 / lútea 1,0 a
    // 11,4 /" / "pós-menopausa 7,7 a 58,5); FSH: …"): the next line's text up to the bracket is the list's
    // last range.
    const listGoesOn = /\d\s*[/;|]$/u.test(inside) && isReferenceText(stripReferenceLead(inside).rest.replace(/\s*[/;|]$/u, ''));
    // A block title's method or material in brackets that an e-mail's width wrapped ("FATOR ANTINUCLEAR (Método:
    // imunofluorescência" / "indireta)"): the next line, words only, closes it and prints nothing after; it
    // is the detail's rest, no part of the title's name nor a line of its own.
    const detailRest = /^(?:m[ée]todo|metodologia|material|amostra)\s*:/iu.test(inside) && /^\s*[^\s\d()][^\d()]*\)\s*$/u.test(out[i + 1]!);
    if (detailRest) {
      out[i] = `${cur.trimEnd()} ${out[i + 1]!.trim()}`;
      out[i + 1] = '';
      i++;
      continue;
    }
    if (ageBandBrokenBeforeUnit(cur, out[i + 1]!)) {
      out[i] = `${cur.trimEnd()} ${out[i + 1]!.trim()}`;
      out[i + 1] = '';
      i++;
      continue;
    }
    if (!wantsNumber && !wordList && !wordReference && !listGoesOn) continue;
    const next = out[i + 1]!;
    // The row's name cell may wrap onto the same line ("TFG estimada   11   mL/min/1,73m²   superior a 60
    // (função renal" / "(CKD-EPI 2021)   normal ou levemente reduzida)"): the piece under the reference cell
    // closes the bracket and joins the row; the piece under the name stays on its line, read as a name's wrap.
    const pieces = matchesOf(/\S+(?: \S+)*/g, next);
    const cellAt = cur.slice(0, open).match(/^.*\S {2,}/)?.[0].length ?? -1;
    const tail = pieces[1];
    if (
      wordList &&
      pieces.length === 2 &&
      cellAt > 0 &&
      pieces[0]!.index === cur.length - cur.trimStart().length &&
      Math.abs(tail!.index! - cellAt) <= 3 &&
      /^\p{Ll}[^()\d]*\)[\s.;]*$/u.test(tail![0])
    ) {
      out[i] = `${cur.trimEnd()} ${tail![0]}`;
      out[i + 1] = next.slice(0, tail!.index).trimEnd();
      i++;
      continue;
    }
    const close = next.indexOf(')');
    if (close < 0 || next.slice(0, close).includes('(')) continue;
    const numberNext = /^\s*(?:[<>≤≥]\s*)?[-−]?\d/.test(next);
    // After a comma the list may go on with an abbreviation in capitals ("osteoporose," / "DRC, doenças
    // disabsortivas): 30 a 60"): a group's name, as a word in lower case is.
    const nextWords = /\p{L},$/u.test(inside) ? /^\s*(?:\p{Ll}|\p{Lu}{2,}(?=[\s,;)]))/u : /^\s*\p{Ll}/u;
    const wordsNext = nextWords.test(next) && !/\d/.test(next.slice(0, close));
    const rangeNext = listGoesOn && isReferenceText(next.slice(0, close).trim());
    if (!(wantsNumber && numberNext) && !((wordList || wordReference) && wordsNext) && !rangeNext) continue;
    // Such a list's line may go on with the next result after the bracket ("…); FSH: 5,1 mUI/mL (ref. …"):
    // only the list's end joins the row, the rest is read (and accounted) on its own line.
    const after = next.slice(close + 1).replace(/^\s*[;,.]?\s*/, '');
    if (rangeNext && !(wantsNumber && numberNext) && /\p{L}/u.test(after)) {
      out[i] = `${cur.trimEnd()} ${next.slice(0, close + 1).trim()}`;
      out[i + 1] = after;
      i++;
      continue;
    }
    out[i] = `${cur.trimEnd()} ${next.trim()}`;
    out[i + 1] = '';
    i++;
  }
  return out;
}

/**
 * A reference cell in square brackets that its column wrapped over the lines under it, each piece at the
 * bracket's column, the last one closing it:
 *
 *   25-OH VITAMINA D (soro) ........ 28,9 ng/mL       [população geral: acima de 20 |
 *                                                      maiores de 60 anos e grupos de
 *                                                      risco: 30 a 60]
 *
 * A middle piece may be a label's words only, no reference alone, so each line read on its own leaves the
 * ranges after it unread. The pieces are read on the row's line (the lines under it left ''), only when they
 * close the bracket within three lines and the cell joined reads as a reference.
 */
export function joinOpenSquareBrackets(reads: readonly string[]): string[] {
  const out = [...reads];
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!.trimEnd();
    const open = cur.lastIndexOf('[');
    if (open < 1 || cur.indexOf(']', open) >= 0 || !/\d/.test(cur.slice(0, open)) || !/\S\s{2,}$/.test(cur.slice(0, open))) continue;
    const pieces: string[] = [];
    let closedAt = -1;
    for (let j = i + 1; j < out.length && j <= i + 3; j++) {
      const next = out[j]!;
      const at = next.length - next.trimStart().length;
      if (next.trim() === '' || Math.abs(at - (open + 1)) > 2 || next.includes('[') || /\S\s{2,}\S/.test(next.trim())) break;
      pieces.push(next.trim());
      if (next.includes(']')) {
        closedAt = j;
        break;
      }
    }
    if (closedAt < 0 || !/\]\s*$/.test(pieces.at(-1)!)) continue;
    const cell = `${cur.slice(open + 1)} ${pieces.join(' ')}`.replace(/\]\s*$/, '');
    if (!isReferenceText(cell)) continue;
    out[i] = `${cur} ${pieces.join(' ')}`;
    for (let j = i + 1; j <= closedAt; j++) out[j] = '';
    i = closedAt;
  }
  return out;
}

/**
 * A row's reference cell wrapped over the lines under it, in its own column, the row's later cells (earlier
 * results) beside its first line only:
 *
 *   25-OH vitamina D    26,8   ng/mL   Acima de 20: população geral     24,1   ---
 *                                      saudável até 60 anos
 *                                      30 a 60: grupos de risco (idosos
 *                                      60 anos ou mais, gestantes,
 *                                      osteoporose, DRC)
 *
 * Read one by one, the label's pieces cut from their range are no reference, and a range takes the words
 * before it as its label. The lines under the row are one text, read on the first of them (the row keeps its
 * cells where they are printed, its later columns cut by position): a piece that goes on in lower case, opens
 * a bracket or is inside one still open goes on the piece before it; any other starts an item of its own ("; "). Only
 * when some piece is such a wrap and the text reads as a reference. Returns, per line, the text to read (''
 * for a line joined to the one above).
 */
export function joinWrappedCellLines(reads: readonly string[]): string[] {
  const out = [...reads];
  const lone = (l: string) => {
    const ps = matchesOf(/\S+(?: \S+)*/g, l.trimEnd());
    return ps.length === 1 ? ps[0]! : undefined;
  };
  const opens = (s: string) => (s.match(/\(/g) ?? []).length > (s.match(/\)/g) ?? []).length;
  for (let i = 0; i + 2 < out.length; i++) {
    const cur = out[i]!.trimEnd();
    if (cur.includes('\t') || cur.includes('|')) continue;
    const pieces = matchesOf(/\S+(?: \S+)*/g, cur);
    if (pieces.length < 3 || pieces[0]!.index! > 3 || !/\p{L}{2}/u.test(pieces[0]![0]) || !/^[<>≤≥]?\s*\d/.test(pieces[1]![0])) continue;
    const first = lone(out[i + 1]!);
    const cell = first && pieces.slice(2).find((p) => Math.abs(p.index! - first.index!) <= 2);
    // A cell that ends the row is read with its wrapped lines by the joins for a last column (joinWrappedReferenceColumn,
    // joinOpenBrackets): this one is for a cell with the row's later columns printed beside it.
    if (!first || !cell || cell === pieces[pieces.length - 1]) continue;
    const texts: string[] = [];
    let j = i + 1;
    for (; j < out.length; j++) {
      const p = lone(out[j]!);
      if (!p || Math.abs(p.index! - cell.index!) > 2) break;
      texts.push(p[0]);
    }
    if (texts.length < 2) continue;
    let joined = texts[0]!;
    let wraps = /^\p{Ll}/u.test(joined) || opens(cell[0]);
    for (const t of texts.slice(1)) {
      const goesOn = /^[\p{Ll}(]/u.test(t) || opens(joined);
      wraps ||= goesOn;
      joined = `${joined}${goesOn ? ' ' : '; '}${t}`;
    }
    if (!wraps || opens(joined) || !isReferenceText(joined)) continue;
    out[i + 1] = `${out[i + 1]!.slice(0, first.index)}${joined}`;
    for (let k = i + 2; k < j; k++) out[k] = '';
    i = j - 1;
  }
  return out;
}

/**
 * A tabbed row whose last cell, the reference, a mail's or a viewer's width wrapped onto the next line from
 * the margin ("TSH\t3,42\tµUI/mL\t1º trimestre 0,10 a 2,50 | 2º trimestre 0,20 a" / "3,00 | 3º trimestre …",
 * "…\tinferior a 0,30 (valores iguais ou superiores a 0,30" / "sugerem proteinúria na gestação)"): the cell
 * ends on a word that wants a number and the line under it opens with one, or leaves a bracket open that
 * the line under it closes. The two are read as one row. Returns, per line, the text to read ('' for a line
 * joined to the row above).
 */
export function joinWrappedTabbedReference(reads: readonly string[]): string[] {
  const out = [...reads];
  // The table's width, in cells: its header's and its whole rows'.
  // A fold, not Math.max(...lines): spread as arguments, a long text's lines overflow the call stack.
  const width = out.reduce((w, l) => (l.includes('\t') ? Math.max(w, l.trim().split('\t').length) : w), 0);
  for (let i = 0; i + 1 < out.length; i++) {
    const cells = out[i]!.trim().split('\t');
    const next = out[i + 1]!.trim();
    // A name may open with its digits ("25-hidroxivitamina D").
    if (cells.length < 3 || !/^(?:\p{L}|\d{1,3}-\p{L})/u.test(cells[0]!) || next === '') continue;
    // A cell that held line breaks of its own (an e-mail's HTML table: "NT-proBNP\t1.240 pg/mL\tInsuficiência
    // cardíaca improvável:" / "menores de 75 anos: inferior a 125 pg/mL" / "75 anos ou mais: inferior a 450
    // pg/mL\t860 pg/mL"): the row's line stops short of the table's width, the lines under it hold no tab,
    // and the first line with tabs again ends the cell and prints the row's last cells, the width made up.
    if (cells.length < width) {
      let k = i + 1;
      while (k < out.length && k <= i + 4 && out[k]!.trim() !== '' && !out[k]!.includes('\t')) k++;
      const closing = out[k]?.trim() ?? '';
      // The cell may hold one line break, the closing line right under the row ("25-OH vitamina D\t31,2 ng/mL\tAdultos
      // saudáveis: superior a 20 ng/mL" / "Grupos de risco: 30 a 60 ng/mL\t28,4 ng/mL", h1924): then its piece of the
      // cell is a reference of its own, led by a label, no row's name.
      const leadPiece = closing.split('\t')[0]!;
      const ownCell =
        k > i + 1 || (/^\p{L}[^:\d]{1,40}:\s*\S/u.test(leadPiece) && isReferenceText(leadPiece) && lookupName(leadPiece.split(':')[0]!) === undefined);
      if (ownCell && k <= i + 4 && closing.includes('\t') && cells.length + closing.split('\t').length - 1 === width) {
        const cell = [cells[cells.length - 1]!, ...out.slice(i + 1, k).map((l) => l.trim()), closing.split('\t')[0]!].join(' ');
        if (isReferenceText(cell)) {
          out[i] = `${out[i]!.trimEnd()} ${out
            .slice(i + 1, k + 1)
            .map((l) => l.trim())
            .join(' ')}`;
          for (let j = i + 1; j <= k; j++) out[j] = '';
          i = k;
          continue;
        }
      }
    }
    if (next.includes('\t')) continue;
    const last = cells[cells.length - 1]!.trimEnd();
    const open = last.lastIndexOf('(');
    const close = next.indexOf(')');
    const rangeGoesOn = WANTS_NUMBER.test(last) && /^[<>≤≥]?\s*\d/.test(next);
    const bracketGoesOn = open >= 0 && !last.includes(')', open) && close >= 0 && !next.slice(0, close).includes('(');
    if (!rangeGoesOn && !bracketGoesOn) continue;
    out[i] = `${out[i]!.trimEnd()} ${next}`;
    out[i + 1] = '';
    i++;
  }
  return out;
}

/**
 * Whether a cell goes on after a ";" with a labelled field whose label is no reference's ("… ; HBsAg:
 * Reagente", a result typed after the range): that piece is a result, no part of a reference cell.
 */
export function fieldAfterSemicolon(cell: string): boolean {
  return cell
    .split(';')
    .slice(1)
    .some((seg) => /^\s*\p{L}[^:]*:\s*\S/u.test(seg) && !isReferenceLabel(seg.split(':')[0]!.trim()));
}

// A finding word alone in its cell ("Reagente", "Não detectado", "Negativo").
const LONE_FINDING = new RegExp(String.raw`^(?:${FINDING_WORD})$`, 'iu');

/**
 * A reference column whose cells wrap over several lines beside a left column that holds the row's name,
 * material and method, each on lines of their own (a PDF's table with wrapping cells):
 *
 *   TRIGLICERÍDEOS           198 mg/dL          Com jejum: inferior a 150
 *   Método: Enzimático                          mg/dL
 *   colorimétrico                               Sem jejum: inferior a 175
 *                                               mg/dL
 *
 * Every piece at the reference cell's column on the lines under the row, up to a blank line or the next
 * row, is the rest of that cell: joined to the row, as the lines of a reference under a row are, the left
 * pieces left on their lines, read as the block's detail as before. Only when the
 * joined cell reads as a reference; else the lines are left as they are. Returns, per line, the text to read.
 */
export function joinWrappedReferenceColumn(reads: readonly string[]): string[] {
  const out = [...reads];
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!.trimEnd();
    if (cur.includes('\t') || cur.includes('|')) continue;
    const pieces = matchesOf(/\S+(?: \S+)*/g, cur);
    if (pieces.length < 3 || pieces[0]!.index! > 3 || !/\p{L}{2}/u.test(pieces[0]![0])) continue;
    const last = pieces[pieces.length - 1]!;
    const at = last.index!;
    // A row: its value (and unit) cell before the reference cell. Earlier samples' values between them (a
    // history table's "Atual   Anterior" columns: "25-OH vitamina D   26,4   21,9   ng/mL   > 20: …") are
    // cells of their own, which the table readers cut off; the reference cell still wraps under its column.
    const between = pieces.slice(2, -1).map((p) => p[0]);
    const unitLast = between.length > 0 && unitAtStart(between.at(-1)!)?.consumed === between.at(-1)!.length && !/^\d/.test(between.at(-1)!);
    const earlier = unitLast ? between.slice(0, -1) : between;
    if (at < 30 || !/^[<>≤≥]?\s*\d/.test(pieces[1]![0]) || earlier.length > 3 || !earlier.every((c) => /^(?:[<>]?\d[\d.,]*|-{1,3}|—)$/.test(c))) continue;
    let joined = last[0];
    let pieceAbove = last[0];
    const lefts = new Map<number, string>();
    let j = i + 1;
    for (; j < out.length; j++) {
      const next = out[j]!.trimEnd();
      if (next.trim() === '' || next.includes('\t') || next.includes('|')) break;
      const ps = matchesOf(/\S+(?: \S+)*/g, next);
      const right = ps[ps.length - 1]!;
      const inColumn = Math.abs(right.index! - at) <= 2;
      const leftPieces = inColumn ? ps.slice(0, -1) : ps;
      // The next row (a name and its value, in one piece after a dot leader too), or a line with anything
      // between the columns: the cell ends.
      // A left piece is the name column's, where the row's name starts.
      if (
        leftPieces.length > 1 ||
        leftPieces.some((p) => p.index! > pieces[0]!.index! + 3 || p.index! + p[0].length > at - 2 || /\p{L}.*\s[<>≤≥]?\d/u.test(p[0]))
      )
        break;
      if (!inColumn) continue;
      // A result typed after a ";" in that column ("… ; HBsAg: Reagente", a label no reference's before its
      // colon) is no piece of the reference: the cell ends before that line.
      if (fieldAfterSemicolon(right[0])) break;
      // So is a result word alone in that column beside the block's detail ("Método LDL: cálculo de
      // Friedewald   Reagente", a word typed after the method): the reference of a number's row ends on
      // its tiers, and no tier's label is waiting for the word unless the cell so far ends on a colon or a
      // negation ("Igual ou superior a 10:" / "Reagente", "Inferior a 10: Não" / "reagente").
      if (LONE_FINDING.test(right[0]) && !/(?::|(?<![\p{L}])(?:n[aã]o|fracamente))\s*$/iu.test(joined)) break;
      // A graded scale one tier a line, each range with its label after it ("< 5,7 normal" / "5,7 a 6,4
      // pré-DM"): the tiers are set apart by "; ", so no label is read as the next range's.
      joined = `${joined}${isRangeThenLabel(pieceAbove) && isRangeThenLabel(right[0]) ? ';' : ''} ${right[0]}`;
      pieceAbove = right[0];
      lefts.set(j, next.slice(0, right.index).trimEnd());
    }
    if (lefts.size === 0 || !isReferenceText(joined)) continue;
    out[i] = `${cur}${joined.slice(last[0].length)}`;
    for (const [k, left] of lefts) out[k] = left;
    i = j - 1;
  }
  return out;
}

/**
 * A table's reference cell that its narrow column wrapped ("Creatinina   1,62   mg/dL   Masculino: 0,70 a"
 * / "   1,20" / "   Feminino: 0,50 a" / "   0,90", "Inferior a" / "5,0"): a row whose last cell ends on a
 * word that wants a number (a range's "a", "até", "inferior a", a dash, a colon) is joined with the
 * lines under it that hold nothing but a piece in that cell's column, so the row is read with its whole
 * reference. A piece that starts a new range after a whole one is set apart by "; ". Returns, per line,
 * the text to read ('' for a line joined to the row above).
 */
export function joinWrappedReferenceCells(reads: readonly string[]): string[] {
  const out = [...reads];
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!.trimEnd();
    if (cur.includes('\t')) continue;
    // A method column after the reference, its word wrapped too ("Mulheres: 8,4 a   Eletroquimio-" / "48,1
    // ng/dL   luminescência"): the range's end under the reference cell joins it, before the method cell;
    // the method's piece stays on its line.
    const method = /^(.*\S)( {2,})(\p{L}[\p{L}-]*(?: [\p{L}-]+)*)$/u.exec(cur);
    if (method && WANTS_NUMBER.test(method[1]!)) {
      const refAt = method[1]!.search(/\S+(?: \S+)*$/);
      const methodAt = method[1]!.length + method[2]!.length;
      const ps = matchesOf(/\S+(?: \S+)*/g, out[i + 1]!);
      if (
        refAt >= 20 &&
        /\d/.test(cur.slice(0, refAt)) &&
        ps.length === 2 &&
        Math.abs(ps[0]!.index! - refAt) <= 3 &&
        RANGE_END.test(ps[0]![0]) &&
        Math.abs(ps[1]!.index! - methodAt) <= 3 &&
        /^\p{L}[\p{L}-]*(?: [\p{L}-]+)*$/u.test(ps[1]![0])
      ) {
        out[i] = `${method[1]} ${ps[0]![0]}${method[2]}${method[3]}`;
        out[i + 1] = `${' '.repeat(ps[1]!.index!)}${ps[1]![0]}`;
        i++;
        continue;
      }
    }
    if (!WANTS_NUMBER.test(cur)) continue;
    const gaps = matchesOf(/ {2,}(?=\S)/g, cur).filter((g) => g.index! > 0);
    const last = gaps[gaps.length - 1];
    if (gaps.length < 2 || !last) continue;
    const at = last.index! + last[0].length;
    if (at < 20 || !/\d/.test(cur.slice(0, at))) continue;
    let joined = cur;
    let j = i + 1;
    // The row's name cell may wrap onto the same line as its reference cell ("Neutrófilos   1.330   /µL
    // 1.800 a" / "(39 %)   7.700"): the piece under the reference joins the row, the piece under the name
    // stays on its line, read as what goes on under a row.
    let nameLeft: string | undefined;
    for (; j < out.length; j++) {
      const next = out[j]!;
      const start = next.length - next.trimStart().length;
      if (next.trim() === '' || next.includes('\t')) break;
      const pieces = matchesOf(/\S+(?: \S+)*/g, next);
      const last = pieces[pieces.length - 1]!;
      // Only the range's end (a number, its unit) is taken from such a line: the line is then accounted as
      // its name piece alone, so anything else there must stay on it to be read or listed.
      const underName =
        pieces.length === 2 && j === i + 1 && start === cur.length - cur.trimStart().length && Math.abs(last.index! - at) <= 3 && RANGE_END.test(last[0]);
      // The block's material and method printed at the left of the same line ("Material: soro   Método:
      // imunoensaio   100,0 µg/mL"): they stay on their line, the range's end joins the row.
      const besideDetail =
        !underName &&
        pieces.length > 1 &&
        last.index! >= at - 3 &&
        last.index! < cur.length &&
        RANGE_END.test(last[0]) &&
        WANTS_NUMBER.test(joined) &&
        pieces.slice(0, -1).every((p) => BLOCK_DETAIL.test(p[0]) && !/\d/.test(p[0]));
      if (besideDetail) {
        joined = `${joined} ${last[0]}`;
        nameLeft = next.slice(0, last.index).trimEnd();
        j++;
        break;
      }
      // A ragged column (a PDF's text, each row's cells a few places off) may put the range's end right of
      // its start, past the row's last character ("80,0 a" / "      100,0"): still the cell's, when it is the
      // number the range wants and nothing else.
      const pastEnd = j === i + 1 && pieces.length === 1 && start > at && start <= cur.length + 3 && RANGE_END.test(last[0]);
      if (!underName && !pastEnd && (Math.abs(start - at) > 3 || pieces.length > 1)) break;
      joined = `${joined}${WANTS_NUMBER.test(joined) || !/^\p{L}/u.test(last[0]) ? ' ' : '; '}${last[0]}`;
      if (underName) {
        nameLeft = next.slice(0, last.index).trimEnd();
        j++;
        break;
      }
    }
    if (j === i + 1) continue;
    out[i] = joined;
    for (let k = i + 1; k < j; k++) out[k] = '';
    if (nameLeft !== undefined) out[j - 1] = nameLeft;
    i = j - 1;
  }
  return out;
}
/**
 * A range a transcription broke at the end of its line ("Leucocitos ..... 12.400 /mm3   VR: 4.000 a" /
 * "11.000"): the line's reference, after its lead, ends on a word that wants a number, and the next line
 * holds nothing but that number (with its unit), from the left margin, as a photo's text wraps, not
 * under the reference's column. The two are read as one line. Returns, per line, the text to read (''
 * for a line joined to the one above).
 */
// The value may be glued to its name or to its "%" (an OCR'd photo: "Hematocrito41,9% 36,0 a" / "46,0").
const ROW_BROKEN_IN_RANGE = /^\p{L}[^\d:]*(?:\s|(?<=\p{L}{3}))\d[\d.,]*%?\s(?:.*\s)?\d[\d.,]*\s+(?:a|à)$/iu;
const ROW_BROKEN_BEFORE_A = new RegExp(String.raw`^\p{L}[^\d:]*\s\d[\d.,]*\s.*\s(${NUMBER})$`, 'u');
const RANGE_REST_CAPTURED = new RegExp(String.raw`^(?:a|à|at[eé])\s+(${NUMBER})(?:\s*(?:${UNIT_PATTERN}))?$`, 'iu');
export function joinRangeBrokenAtMargin(reads: readonly string[]): string[] {
  const out = [...reads];
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!.trimEnd();
    const next = out[i + 1]!;
    // A result row with no lead, one space between its cells, broken in its range (a phone's PDF viewer:
    // "Hemoglobina 10,1 g/dL 13,5 a" / "17,5", "Ferritina 412 ng/mL Homens: 30 a" / "400 Mulheres: 13 a 150"),
    // the range's unit coming with its end ("Linfócitos 30,1 % 1.100 /µL 20,0 a 45,0 % 1.000 a" / "4.800 /µL").
    const rest = next.trim();
    const end = /^\d[\d.,]*\s*/.exec(rest);
    const endWithUnit = !!end && unitAtStart(rest.slice(end[0].length))?.consumed === rest.length - end[0].length;
    const row = ROW_BROKEN_IN_RANGE.test(cur) && (endWithUnit || /^\d[\d.,]*(?:\s+\p{L}[\p{L}\s]*:\s*\S.*)?$/u.test(rest));
    // The same row broken before the range's "a" (an e-mail's hard wrap at some 72 columns: "Neutrófilos   48 %
    // 1.498 /mm3   45 a 70 %  1.800" / "a 7.700 /mm3"): the next line, from the margin, is the rest of the range
    // and nothing else, and it closes a range that goes up from the number the row ended on.
    const start = ROW_BROKEN_BEFORE_A.exec(cur)?.[1];
    const restEnd = start !== undefined && /^\S/.test(next) ? RANGE_REST_CAPTURED.exec(rest)?.[1] : undefined;
    if (restEnd !== undefined && parseBrNumber(start!)! < parseBrNumber(restEnd)!) {
      out[i] = `${cur} ${rest}`;
      out[i + 1] = '';
      i++;
      continue;
    }
    if (!row && (!REFERENCE_LEAD_THEN_RANGE.test(cur) || !WANTS_NUMBER.test(cur) || !/\d/.test(cur.slice(0, cur.search(REFERENCE_LEAD_THEN_RANGE))))) continue;
    if (!row && !/^\d[\dOoIl.,]*(?:\s*[^\s\d]\S*)?\s*$/.test(next)) continue;
    out[i] = `${cur} ${next.trim()}`;
    out[i + 1] = '';
    i++;
  }
  return out;
}
// A reference cell that opens with its lead ("Valor de referência: …").
const REFERENCE_LEAD_ALONE = new RegExp(String.raw`^${REFERENCE_LEAD_WORDS}\s*:\s*\S`, 'iu');
// The rest of an age label a line broke after its number ("anos: até 2,5 ng/mL").
const AGE_LABEL_END = /^(?:anos|meses|dias|semanas)\s*:\s*\S/iu;
// A signature's professional council at the end of its line, the registration number left for the next
// ("Dra. Ana Lima - CRBM-3" / "12.345"): a council's number is never a result.
const COUNCIL_AT_END = /(?<![\p{L}])(?:crm|crf|crbm|crbio|coren)(?:\s*[-/]?\s*(?:[a-z]{2}|\d{1,2}))?\s*[:nº°]*$/iu;
const COUNCIL_NUMBER = /^\d[\d./]*(?:-[a-z])?$/iu;
/**
 * A PDF opened in a phone's viewer and copied wraps every line at a narrow width (some 25 characters): a
 * value, its unit, its range and a long name each fall over two lines anywhere. Such a copy is known by
 * its lines: nearly all short, none of them beside another cell.
 */
export function isNarrowCopy(reads: readonly string[]): boolean {
  const lines = reads.map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length < 20 || lines.some((l) => /\s{2,}|\t|\|/.test(l))) return false;
  return lines.filter((l) => l.length <= 32).length >= lines.length * 0.95;
}
// The end of a range its line broke before the "a" ("Valor de referência: 70" / "a 100 %").
const RANGE_REST = new RegExp(String.raw`^(?:a|à|at[eé])\s+(?:${NUMBER})(?:\s*(?:${UNIT_PATTERN}))?$`, 'iu');
// A result row whose line broke after a number ("Basófilos 1,0 % 59 /mm³ 0,0", "Tempo do paciente: 30,2"):
// a name, then its value, the line ending on a number.
const ROW_VALUE_AT_END = new RegExp(String.raw`^\p{L}[\p{L}\s()/.-]*:?\s+(?:${NUMBER})(?:\s.*\s(?:${NUMBER}))?$`, 'u');
// The rest of a range opening the next line, the ranges after it too ("a 2,0 % 0 a 200 /mm³").
const RANGE_REST_START = new RegExp(String.raw`^(?:a|à|at[eé])\s+(?:${NUMBER})(?!\S)`, 'iu');
/** A value's unit opening a line, a range or a reference's lead after it ("/mm³ 40,0 a 75,0 %", "segundos VR: 25,0"). */
function unitThenRange(piece: string): boolean {
  const unit = unitAtStart(piece);
  if (!unit || unit.consumed === 0) return false;
  const rest = piece.slice(unit.consumed);
  if (!/^\s/.test(rest)) return false;
  const after = rest.trim();
  return BOUND_OR_RANGE.test(after) || REFERENCE_LEAD_ALONE.test(after);
}
// A value at the end of its line, its unit left for the next ("Tempo.....: 27,4" / "segundos").
const VALUE_AT_END = new RegExp(String.raw`(?:^|[\s:])(?:${NUMBER})$`, 'u');

// A range's label and its colon, then the range's start ("Gestantes 1º trimestre: 0,10 a").
const LABELLED_RANGE_HEAD = /^\p{L}[\p{L}\d\s()º°ª./-]{0,40}:\s*\S/u;
const RANGE_START_ONLY = new RegExp(String.raw`^(?:${NUMBER})\s+(?:a|à|at[eé])$`, 'iu');

const LIST_GOES_ON = new RegExp(String.raw`^(?:${NUMBER})(?:\s*(?:${UNIT_PATTERN}))?\s+\|\s+\S`, 'iu');

/**
 * Joins to line `i` the lines after it while each `fits` and goes on from what is joined so far (`later`: not the
 * first line after `i`); the joined lines are left ''. Returns the index after the last line joined (`i + 1` when
 * none went on, the line then unchanged).
 */
function joinGoingOn(out: string[], i: number, fits: (piece: string) => boolean, goesOn: (joined: string, piece: string, later: boolean) => boolean): number {
  let joined = out[i]!.trim();
  let k = i + 1;
  for (; k < out.length; k++) {
    const piece = out[k]!.trim();
    if (!fits(piece) || !goesOn(joined, piece, k > i + 1)) break;
    joined = `${joined} ${piece}`;
    out[k] = '';
  }
  if (k > i + 1) out[i] = joined;
  return k;
}

/**
 * A PDF viewer's copy puts each cell on a line of its own and breaks a long cell over two: a range after
 * its "a" ("4,50 a" / "5,90"), a unit after a slash ("milhões/" / "mm³", "mL/min/" / "1,73m²", at a row's end too), a
 * name's bracket ("(CKD-EPI" / "2021)"). Each such pair is one cell, read as one line (the second left
 * ''); a line with anything else beside the piece is a row, not a broken cell.
 */
export function joinBrokenSingleCells(reads: readonly string[], narrow = isNarrowCopy(reads)): string[] {
  const out = [...reads];
  const single = (l: string) => l.trim() !== '' && !/\s{2,}|\t|\|/.test(l.trim());
  // A reference's list of ranges set apart by bars ("Ref. por faixa etária: 40 a 49 anos: até" / "2,5 | 50 a
  // 59 anos: até 3,5 | 60 a 69" / "anos: até 4,5 | …"), a narrow column broken anywhere: each line goes on
  // where the one above broke, and is joined to it in turn.
  const listPiece = (l: string) => l.trim() !== '' && !/\s{2,}|\t/.test(l.trim()) && /\s\|\s/.test(l);
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!.trim();
    const next = out[i + 1]!.trim();
    // Outside a narrow copy too, a row's unit and reference cells may fall onto the line under its bare value, both
    // single-spaced ("Hemoglobina 16,2" / "g/dL 13,5 a 17,5 g/dL", a phone's copy of a wider page, h1954): a unit
    // opening a line, a range or a reference's lead after it, belongs to the value ending the line above.
    // Only a line that holds nothing past its reference: a second result typed after it ("segundos VR: 25,0 a 36,0 ;
    // HBsAg: Reagente", the corpus property on h1328) keeps it a line of its own.
    const referenceOnly = !/;/.test(next) && (next.match(/:/g)?.length ?? 0) <= 1;
    if (!narrow && single(cur) && single(next) && ROW_VALUE_AT_END.test(cur) && unitThenRange(next) && referenceOnly) {
      out[i] = `${cur} ${next}`;
      out[i + 1] = '';
      i++;
      continue;
    }
    if (narrow && single(cur) && single(next) && ROW_VALUE_AT_END.test(cur)) {
      // In a narrow copy, a result row broken inside its cells, each line going on where the one above broke:
      // its range before the "a" ("Hemoglobina 16,1 g/dL 13,5" / "a 17,5 g/dL"), a value's unit with the
      // ranges after it ("Segmentados 55,0 % 3.267" / "/mm³ 40,0 a 75,0 % 1.800 a" / "7.500 /mm³"), the
      // reference's lead after the unit ("Tempo do paciente: 30,2" / "segundos VR: 25,0 a 36,0" / "segundos").
      // Read as one row on its first line.
      const k = joinGoingOn(out, i, single, (joined, piece, later) =>
        /\d$/.test(joined)
          ? RANGE_REST_START.test(piece) ||
            (/^[^\d\s]/u.test(piece) && unitThenRange(piece)) ||
            (later && !/^\d/.test(piece) && unitAtStart(piece)?.consumed === piece.length)
          : later && /\s(?:a|à)$/iu.test(joined) && RANGE_END.test(piece),
      );
      if (k > i + 1) {
        i = k - 1;
        continue;
      }
    }
    if (narrow && single(cur) && single(next)) {
      // In a narrow copy: a range broken before its "a", a value's unit alone on the next line, an identifier
      // broken after its hyphen ("Atendimento: 1102-" / "446271"), a name's first word alone over the rest
      // of its row ("Relação" / "paciente/controle: 1,24").
      const rangeRest = REFERENCE_LEAD_ALONE.test(cur) && /\d$/.test(cur) && RANGE_REST.test(next);
      const unitAlone = VALUE_AT_END.test(cur) && unitAtStart(next)?.consumed === next.length && !/^\d/.test(next);
      const identifier = /\d-$/.test(cur) && /^\d+$/.test(next);
      const nameRest = /^\p{Lu}\p{Ll}+$/u.test(cur) && !lookupName(cur) && /^\p{Ll}[^\s:]*(?:\s[^\s:]+)?\s*:\s*\d/u.test(next);
      if (nameRest) {
        // Read on the line that prints the value: were the result lost, that is the line to list.
        out[i] = '';
        out[i + 1] = `${cur} ${next}`;
        i++;
        continue;
      }
      if (rangeRest || unitAlone || identifier) {
        out[i] = identifier ? `${cur}${next}` : `${cur} ${next}`;
        out[i + 1] = '';
        i++;
        continue;
      }
    }
    if (stripReferenceLead(cur).lead && (single(cur) || listPiece(cur))) {
      const k = joinGoingOn(
        out,
        i,
        (piece) => single(piece) || listPiece(piece),
        (joined, piece) =>
          (WANTS_NUMBER.test(joined) && LIST_GOES_ON.test(piece)) || (/\d$/.test(joined) && AGE_LABEL_END.test(piece) && listPiece(`${joined} ${piece}`)),
      );
      if (k > i + 1) {
        i = k - 1;
        continue;
      }
    }
    // A row's unit broken after its slash, the rest opening the next line before the row's reference cell
    // ("Hemácias     4,12 milhões/" / "mm³          3,90 a 5,00", a phone's viewer): one row.
    const rowUnitEnd = /(?:^|\s)([\p{L}µ][^\s\d]*\/)$/u.exec(cur)?.[1];
    const [nextFirst, ...nextRest] = next.split(/\s{2,}/);
    if (
      rowUnitEnd !== undefined &&
      /\d/.test(cur) &&
      nextRest.length > 0 &&
      unitAtStart(`${rowUnitEnd}${nextFirst}`)?.consumed === rowUnitEnd.length + nextFirst!.length &&
      isReferenceText(nextRest.join('   '))
    ) {
      out[i] = `${cur}${next}`;
      out[i + 1] = '';
      i++;
      continue;
    }
    if (!single(cur) || !single(next)) continue;
    const range = RANGE_START_ONLY.test(cur) && RANGE_END.test(next);
    // The unit may end a whole row or reference the viewer broke after its slash ("Hemoglobina 15,4 g/dL
    // 13,5 a 17,5 g/" / "dL", "Valores de referência: 70 a 99 mg/" / "dL"): its last word is the broken cell.
    const brokenUnit = /(?:^|\s)([\p{L}µ][^\s\d]*\/(?:[^\s/]+\/)*)$/u.exec(cur)?.[1];
    const unit = brokenUnit !== undefined && !/\s/.test(next) && unitAtStart(`${brokenUnit}${next}`)?.consumed === brokenUnit.length + next.length;
    const bracket = /^\([\p{L}][\p{L}\d-]*$/u.test(cur) && /^[\p{L}\d][\p{L}\d.,-]*\)$/u.test(next);
    // A block's reference cell broken where its range wants a number ("Valor de referência: maior ou igual
    // a" / "90 mL/min/1,73m²", "VR: mulheres: 6 a" / "42 U/L") or inside an age label ("VR: abaixo de 40" /
    // "anos: até 2,5 ng/mL", whose number alone would read as a bound).
    const reference = REFERENCE_LEAD_ALONE.test(cur) && ((WANTS_NUMBER.test(cur) && RANGE_END.test(next)) || (/\d$/.test(cur) && AGE_LABEL_END.test(next)));
    // So is a range's labelled cell broken where it wants its number ("Gestantes: 11,0 a" / "15,0", "Não reagente:
    // inferior a" / "0,50", a phone's viewer of a pre-natal report, h1672): the label's range, one line.
    const labelled = LABELLED_RANGE_HEAD.test(cur) && WANTS_NUMBER.test(cur) && RANGE_END.test(next);
    const council = COUNCIL_AT_END.test(cur) && COUNCIL_NUMBER.test(next);
    // A note's formula broken after an operator ("Nota: cálculo = ferro sérico /" / "CTLF x 100"): its factor
    // is no value of a name.
    const formula = /\s=\s.*\s[/x×*+]$/u.test(cur) && /^\p{L}/u.test(next);
    if (!range && !unit && !bracket && !reference && !labelled && !council && !formula) continue;
    out[i] = unit || cur.endsWith('-') ? `${cur}${next}` : `${cur} ${next}`;
    out[i + 1] = '';
    i++;
  }
  return out;
}

/**
 * A name a narrow cell broke inside a word with a hyphen ("TAXA DE FILTRAÇÃO GLOMERU-" / "LAR ESTIMADA
 * (CKD-EPI 2021)", a phone's PDF viewer, one cell a line): each line alone, the second would be read as a
 * name of its own. The two are read as one line, the word made whole, when the catalogue knows the whole
 * name that way, or with the hyphen kept ("Gama-" / "glutamiltransferase"). Returns, per line, the text
 * to read ('' for a line joined to the one above).
 */
export function joinHyphenBrokenName(reads: readonly string[]): string[] {
  const out = [...reads];
  const oneCell = (l: string) => /^\p{L}/u.test(l) && !/\s{2,}|\t|\|/.test(l);
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!.trim();
    const next = out[i + 1]!.trim();
    if (!/\p{L}{2}-$/u.test(cur) || /\d/.test(cur) || !oneCell(cur) || !oneCell(next)) continue;
    const whole = `${cur.slice(0, -1)}${next}`;
    const joined = lookupName(whole) ? whole : lookupName(`${cur}${next}`) ? `${cur}${next}` : undefined;
    if (joined === undefined) continue;
    out[i] = `${out[i]!.slice(0, out[i]!.length - out[i]!.trimStart().length)}${joined}`;
    out[i + 1] = '';
    i++;
  }
  return out;
}

const LEAD_CUT_AT_PREPOSITION = new RegExp(String.raw`^${REFERENCE_LEAD_WORDS}\s+(?:por|para|de|segundo|conforme)$`, 'iu');

/**
 * A reference lead wrapped before the words that say what its ranges are by ("Valores de referência
 * por" / "faixa etária:"): read as one lead line, so the ranges under it stay the result's. Returns, per
 * line, the text to read ('' for a line joined to the one above).
 */
export function joinWrappedReferenceLead(reads: readonly string[]): string[] {
  const out = [...reads];
  const cut = LEAD_CUT_AT_PREPOSITION;
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!.trimEnd();
    const next = out[i + 1]!.trim();
    if (!cut.test(cur.trim()) || !/^\p{L}[\p{L}\s]{0,40}:$/u.test(next)) continue;
    out[i] = `${cur} ${next}`;
    out[i + 1] = '';
    i++;
  }
  return out;
}

/**
 * A comparison a narrow reference column wrapped between its words ("Diabetes: igual ou" / "superior a
 * 6,5 %", each alone at the column): the first line ends on "igual ou", "maior ou", "menor ou", which want
 * the rest of the comparison, and the next starts it at the same column. The two are read as one line
 * (the second left '').
 */
export function joinWrappedComparison(reads: readonly string[]): string[] {
  const out = [...reads];
  const startOf = (l: string) => l.length - l.trimStart().length;
  const COMPARISON_REST = /^(?:superior|inferior|maior|menor|igual|acima|abaixo|a)\s/i;
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!.trimEnd();
    const next = out[i + 1]!;
    if (!/\s(?:igual|maior|menor)\s+ou$/i.test(cur)) continue;
    if (!/\s{2,}\S/.test(cur.trim()) && !/\s{2,}\S/.test(next.trim())) {
      if (Math.abs(startOf(cur) - startOf(next)) > 3 || !COMPARISON_REST.test(next.trim())) continue;
      out[i] = `${cur} ${next.trim()}`;
      out[i + 1] = '';
      i++;
      continue;
    }
    // The same in the reference column of a table whose left column holds the block's name, material and
    // method ("Método: Enzimático -        Diabetes mellitus: igual ou" / "Hexoquinase        superior a
    // 126 mg/dL"): the rest of the comparison, the last cell of the next line at the same column, joins
    // the cell it completes; the next line keeps its left cells.
    const curLast = /\s{2,}(\S(?:\S| (?=\S))*)$/.exec(cur);
    const nextLast = /\s{2,}(\S(?:\S| (?=\S))*)\s*$/.exec(next);
    if (!curLast || !nextLast || !COMPARISON_REST.test(nextLast[1]!)) continue;
    if (Math.abs(curLast.index + curLast[0].length - curLast[1]!.length - (nextLast.index + nextLast[0].trimEnd().length - nextLast[1]!.length)) > 3) continue;
    out[i] = `${cur} ${nextLast[1]!}`;
    out[i + 1] = next.slice(0, nextLast.index).trimEnd();
    i++;
  }
  return out;
}

// A bound or a range, as the first thing on a line ("inferior a 150 mg/dL", "< 200", "até 1,2", "70 a 99").
const BOUND_OR_RANGE = new RegExp(
  String.raw`^(?:[<>≤≥]\s*\d|(?:at[eé]|inferior(?:es)?\s+a|superior(?:es)?\s+a|menor(?:es)?\s+(?:do\s+)?que|maior(?:es)?\s+(?:do\s+)?que|acima\s+de|abaixo\s+de|igual\s+ou\s+(?:superior|inferior|maior|menor)\s+a|entre)\s+\d|(?:${NUMBER})\s*(?:a|à|-|–)\s*\d)`,
  'iu',
);

/**
 * A reference's tier label alone on its line with its bound on the next ("Desejável:" / "inferior a 150
 * mg/dL", a PDF copied on a phone, one cell a line): one reference line, read on the first (the second
 * left ''), so the label is never taken for a result's name and its bound for the value.
 */
export function joinTierLabelAlone(reads: readonly string[]): string[] {
  const out = [...reads];
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!.trim();
    const next = out[i + 1]!.trim();
    const label = /^(\p{L}[\p{L}\s]{1,30}?)\s*:$/u.exec(cur)?.[1];
    if (label === undefined || lookupName(label) || !isReferenceLabel(label) || next.includes(':') || /\s{2,}/.test(next)) continue;
    if (!BOUND_OR_RANGE.test(next) || !isReferenceText(`${label}: ${next}`, { strictLabels: true })) continue;
    out[i] = `${out[i]!.trimEnd()} ${next}`;
    out[i + 1] = '';
    i++;
  }
  return out;
}
/**
 * A range's label alone on its line in a right-hand reference column, its range printed on the next line
 * further right (a PDF's reference column beside a block's Material/Método/Resultado lines, each cell
 * wrapped with a hanging indent: "Homens 50 anos ou mais" / "Resultado:   268 ng/dL      193 a 740 ng/dL",
 * or alone: "Mulheres 50 anos ou mais" / "2,9 a 40,8 ng/dL"): the range joins its label, read on the
 * label's line; the next line keeps its left cells. Only a label of sex, age or condition (no result's
 * name) with no bound of its own, inside a list of ranges (the line above ends with one at its column), and
 * a last cell that is a bound or a range starting at or right of the label's column, alone or beside the
 * block's "Resultado:".
 */
export function joinRangeUnderLabel(reads: readonly string[]): string[] {
  const out = [...reads];
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!.trimEnd();
    const next = out[i + 1]!.trimEnd();
    const indent = cur.length - cur.trimStart().length;
    const label = cur.trim();
    // A label in brackets ("(pacientes até 75 anos)") qualifies the range above it, and a bracket's end
    // ("saudável até 60 anos)") ends a label above it.
    if (indent < 8 || !/^\p{L}/u.test(label) || /\s{2,}|\d\s*[.,]\d|[:()]/.test(label) || lookupName(label) || !isReferenceLabel(label)) continue;
    // Inside a list of ranges: the line above ends with one in that column (or hanging under a label). A label alone under a header
    // ("Valores de Referência" / "Mulheres adultas") names the ranges of the column, not one of them.
    const above = i > 0 ? /(?:^|\s{2,})(\S(?:\S| {1,2}(?=\S))*)$/.exec(reads[i - 1]!.trimEnd()) : null;
    // A list led by "VR:" on the row's line hangs its next items under the first item, past the lead (h1610).
    const aboveLead = above ? above[1]!.length - stripReferenceLead(above[1]!).rest.length : 0;
    const aboveAt = above ? above.index + above[0].length - above[1]!.length + aboveLead : -1;
    if (!above || aboveAt < indent - 3 || !/\d/.test(above[1]!) || !isReferenceText(above[1]!, { strictLabels: true })) continue;
    const last = /(?:^|\s{2,})(\S(?:\S| (?=\S))*)$/.exec(next);
    if (!last) continue;
    const at = last.index + last[0].length - last[1]!.length;
    // The label's last words in brackets before the range, closed by its colon ("Em uso de anticoagulante oral" /
    // "(alvo habitual): 2,0 a 3,0", h1610): the same label wrapped, its range after the bracket.
    const bracketed = /^\(\p{Ll}[\p{L}\s]*\)\s*:\s*/u.exec(last[1]!);
    const range = bracketed ? last[1]!.slice(bracketed[0].length) : last[1]!;
    if (at < indent || !BOUND_OR_RANGE.test(range) || fieldAfterSemicolon(range) || !isReferenceText(`${label} ${last[1]!}`, { strictLabels: true })) continue;
    // Beside nothing, or beside the block's own "Resultado:" line: a row of its own ("CREATININA   0,84 mg/dL
    // 0,51 a 0,95 mg/dL") prints its own range.
    const left = next.slice(0, at).trim();
    if (left !== '' && !/^resultados?\s*(?:\.{2,}\s*)?:/iu.test(left)) continue;
    out[i] = `${cur} ${last[1]!}`;
    out[i + 1] = next.slice(0, at).trimEnd();
    i++;
  }
  return out;
}

// The words a phrase cannot end on: a line ending on one goes on in the next ("… identificação e teste de").
export const DANGLING_WORD = /\s(?:de|do|da|dos|das|e|com|por|pelo|pela|para|em|no|na|segundo|conforme|via)$/iu;

// A detail line ending on the method's label, its value left for the next line.
const METHOD_LABEL_LAST = /(?:^|\s)(?:m[eé]todos?|metodologia)\s*:$/iu;

// A labelled Material/Método cell after a title, past a dash or a column gap.
const DETAIL_AFTER_TITLE = /\p{L}(?:\s+[-–—]\s+|\s{2,})(?:material|m[eé]todos?|metodologia)\s*:\s*\p{L}/iu;

const opensBracket = (s: string) => (s.match(/\(/g) ?? []).length > (s.match(/\)/g) ?? []).length;

// A block's detail label alone on its line, no colon ("Material", "Amostra", "Método", "Metodologia").
const BARE_SAMPLE_LABEL = /^(?:material|amostra)\s*:?$/iu;
const BARE_METHOD_LABEL = /^(?:m[eé]todo|metodologia)\s*:?$/iu;

/** The value of a detail label printed alone over it (the line under, a specimen or a method in one cell), or undefined. */
function bareDetailValue(label: string, next: string): string | undefined {
  if (/\d|:|\s{2,}|\t|\|/.test(next) || next === '') return undefined;
  if (BARE_SAMPLE_LABEL.test(label)) return SPECIMEN_FIRST.test(next) ? next : undefined;
  if (BARE_METHOD_LABEL.test(label)) return METHOD_WORD.test(next) && !isBlockDetail(next) ? next : undefined;
  return undefined;
}

/**
 * A block's Material/Método line wrapped mid-phrase ("Método: semeadura em ágar; identificação e teste de" /
 * "sensibilidade por automação (VITEK 2) — interpretação segundo BrCAST 2025"): the second line is the rest
 * of the detail, read on the first (the second left ''), so its words are never a result's name and a
 * number in it (a guideline's year, a kit's version) never its value.
 */
export function joinWrappedDetail(reads: readonly string[], narrow = isNarrowCopy(reads)): string[] {
  const out = [...reads];
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!.trim();
    const next = out[i + 1]!.trim();
    // A narrow copy wraps a detail's last words onto a line of their own ("Material: Sangue total" / "EDTA",
    // "Método: Jaffé" / "compensado"): words no name of the catalogue, no result, with the block's next detail
    // or its "Resultado:" under them, or in lower case.
    const after = out[i + 2]?.trim() ?? '';
    // A PDF copied one cell a line prints the detail's label alone, its value on the line under it ("Material" /
    // "Plasma (fluoreto)", "Método" / "Hexoquinase", h1717): the value is the detail's, never a title naming the
    // result under it. Only a specimen under a sample's label, a method's word under a method's.
    const bareValue = bareDetailValue(cur, next);
    if (bareValue) {
      out[i] = `${out[i]!.trimEnd().replace(/\s*:$/, '')}: ${bareValue}`;
      out[i + 1] = '';
      i++;
      continue;
    }
    const narrowRest =
      narrow &&
      isBlockDetail(cur) &&
      /^\p{L}[\p{L}-]*(?:\s\p{L}[\p{L}-]*)?$/u.test(next) &&
      !lookupName(next) &&
      qualitativeAtStart(next) === undefined &&
      (/^\p{Ll}/u.test(next) || isBlockDetail(after) || /^resultados?\s*:/iu.test(after));
    if (narrowRest) {
      out[i] = `${out[i]!.trimEnd()} ${next}`;
      out[i + 1] = '';
      i++;
      continue;
    }
    // A phone's viewer may break the line right after the method's label ("Material: Soro (fluoreto) Método:"
    // / "Enzimático (hexoquinase)"): the next line is the method's name, any case, never a block's title.
    const labelLast = METHOD_LABEL_LAST.test(cur) && !/\d/.test(next) && next !== next.toUpperCase();
    // Or at a bracket: the bracket alone ("Método: Hoffman … e Faust" / "(centrífugo-flutuação)"), or the end
    // of the one the line opened ("Material: fezes (…, em conservante" / "MIF)"); never a reference in it.
    const inBracket = /^\(([^()]*)\)$/.exec(next)?.[1] ?? (opensBracket(cur) ? /^([^()]*)\)$/.exec(next)?.[1] : undefined);
    // An ordinal there is the assay's generation, no value ("Método: Quimioluminescência" / "(3ª geração)").
    const bracketEnd =
      inBracket !== undefined && !/\d/.test(next.replace(/\d+[ªº°]/gu, '')) && qualitativeAtStart(inBracket) === undefined && !isReferenceText(inBracket);
    // A long line broken at the margin mid-phrase goes on in small letters ("… identificação e TSA" /
    // "automatizados (VITEK 2), interpretação conforme BrCAST 2026") after any word.
    const atMargin = out[i]!.trimEnd().length >= 72 && /^\p{Ll}/u.test(next);
    const wrapped = (DANGLING_WORD.test(cur) || atMargin) && /^\p{Ll}/u.test(next);
    // The detail may end a block's title line, after a dash or a column gap ("PARASITOLÓGICO DE FEZES - 1 amostra
    // - Métodos: Hoffman, Pons & Janer (sedimentação espontânea)" / "e Faust (centrífugo-flutuação)"): its words
    // go on in small letters; a bracket under such a title is the title's ("(UIBC)").
    if (isBlockDetail(cur) ? !wrapped && !labelLast && !bracketEnd : !(wrapped && DETAIL_AFTER_TITLE.test(cur))) continue;
    if (next.includes(':') || /\s{2,}/.test(next)) continue;
    const [rest, typed] = detailThenResult(next);
    out[i] = `${out[i]!.trimEnd()} ${rest}`;
    out[i + 1] = typed;
    i++;
  }
  return out;
}

/**
 * A wrapped detail's rest, and what is typed after it past a ';' when that opens with a result's name and a number
 * ("… TSA conforme BrCAST 2025 ; Sódio 131,9"): no part of the method, it stays on its line to be read or listed.
 */
function detailThenResult(next: string): [rest: string, typed: string] {
  for (const m of matchesOf(/\s*;\s*/g, next)) {
    const typed = next.slice(m.index + m[0].length);
    const name = /^(\p{L}[^\d;]*?)\s*[<>≤≥]?\s*\d/u.exec(typed)?.[1];
    if (name !== undefined && lookupName(name)) return [next.slice(0, m.index), typed];
  }
  return [next, ''];
}
const WORD_RESULT_INDEX =
  /(\b(?:n[aã]o\s+)?(?:reagente|positivo|negativo|indeterminado|inconclusivo|detectado|reativo))\s*\(\s*(?:(?:[ií]ndice|raz[aã]o)(?:\s+(?:s\/co|coi))?|s\/co|coi)\s*[:=]?\s*\d+(?:[.,]\d+)?\s*(?:s\/co|coi)?\s*\)/giu;
// A positive word and the concentration measured, in a drug's units (per milligram of hair, per millilitre of urine).
const DRUG_CONCENTRATION =
  /(\b(?:positiv[oa]|detectad[oa]))\s*(?:[-–:]\s*)?(?:\(\s*\d[\d.,]*\s*(?:pg|ng)\s?\/\s?m[gl]\s*\)|\d[\d.,]*\s*(?:pg|ng)\s?\/\s?m[gl](?=\s{2}|\s*$))/giu;
// A threshold led by its label after something else on the line, in brackets or a cell of its own.
const CUTOFF_LABEL = String.raw`(?:cut[\s-]?off|(?:ponto|valor)\s+de\s+corte)\s*[:=]?\s*(?:[<>≤≥]=?\s*)?\d[\d.,]*(?:\s*(?:${UNIT_PATTERN}))?`;
const CUTOFF_ASIDE = new RegExp(String.raw`(?<=\S\s*)\(\s*${CUTOFF_LABEL}\s*\)|(?<=\S\s{2,})${CUTOFF_LABEL}(?=\s{2}|\s*$)`, 'giu');
// The end of a range alone in its cell, with its unit or none ("7.700", "5,90 mg/dL").
const RANGE_END = new RegExp(String.raw`^(?:${NUMBER})(?:\s*(?:${UNIT_PATTERN}))?$`, 'iu');
// A reference lead with the start of a range after it ("VR: 150.000 a", "Ref.: de 13").
const REFERENCE_LEAD_THEN_RANGE = new RegExp(String.raw`(?:^|\s)${REFERENCE_LEAD_WORDS}\s*:\s*(?:de\s+)?[\dOoIl][\dOoIl.,]*\s+\S+$`, 'iu');
// A cell ending in a colon ("Percentil 99 (limite superior):") leads labelled lines read on their own.
const WANTS_NUMBER = /(?:\s(?:a|à|at[eé]|de|entre|inferior\s+a|superior\s+a|acima\s+de|abaixo\s+de|menor\s+que|maior\s+que)|\d\s*[-–])$/iu;

// A cell opening with a label and its colon, with something after it ("Hemácias: 3.000 /mL", "Cor: Amarelo").
const LABELLED_CELL = /^\p{L}[\p{L}\s./-]{0,40}:\s*\S/u;
// A reference in brackets closing a cell ("(V.R.: Amarelo citrino)", "(Ref.: até 5.000 /mL)").
const BRACKETED_REFERENCE = new RegExp(String.raw`\(\s*${REFERENCE_LEAD_WORDS}\s*:[^()]*\)$`, 'iu');
// A column's section heading in capitals ("EXAME QUÍMICO", "SEDIMENTOSCOPIA"): no digits, no colon.
const COLUMN_HEADING = /^\p{Lu}[\p{Lu}\s/-]{2,40}$/u;

/**
 * Two page columns of labelled results side by side on one line (a urine exam's physical and chemical
 * findings on the left, its sediment on the right: "Cor: Amarelo citrino   (V.R.: Amarelo citrino)
 * Hemácias: 3.000 /mL   (V.R.: até 5.000 /mL)"): the cell after a bracketed reference that closes a
 * labelled result starts the other column's result, so a ";" is put in the gap, as between results on a
 * line. A left column's section heading beside a right column's result ("EXAME QUÍMICO   Bactérias:
 * Moderadas   (V.R.: …)") is the left column's, not part of that result: it is blanked. Lengths are kept.
 */
export function splitBesideLabelledResults(reads: readonly string[]): string[] {
  return reads.map((r) => {
    let out = r;
    for (const m of matchesOf(/\S\s{3,}(?=\S)/gu, r)) {
      const gap = (m.index ?? 0) + 1;
      const left = r.slice(0, gap).trim();
      const right = r.slice(gap).trim();
      if (!LABELLED_CELL.test(right)) continue;
      const cellStart = Math.max(out.lastIndexOf(';', gap), 0);
      const leftCell = out.slice(cellStart, gap).replace(/^;/, '').trim();
      if (LABELLED_CELL.test(leftCell) && BRACKETED_REFERENCE.test(left)) out = `${out.slice(0, gap)};${out.slice(gap + 1)}`;
      else if (cellStart === 0 && COLUMN_HEADING.test(left) && BRACKETED_REFERENCE.test(right)) out = ' '.repeat(gap) + out.slice(gap);
    }
    return out;
  });
}

// A name the catalogue knows, then its colon and a value ("TGP (ALT): 41", "T4 livre: 1,24"), up to the
// colon: the words before it are tried from the longest.
const NAME_THEN_VALUE = /:\s*[<>≤≥]?\s*\d/gu;
const REFERENCE_LEAD_IN_LINE = new RegExp(String.raw`(?:^|\s)${REFERENCE_LEAD_WORDS}\s*:`, 'giu');

/**
 * Labelled results run together on one line, a chat having lost the breaks between them ("TGO (AST): 24
 * U/L  VR: até 32 U/L TGP (ALT): 41 U/L  VR: até 33 U/L"): after a result's reference, a name the catalogue
 * knows with its colon and a value starts the next result when that one has a reference of its own too,
 * so a ";" is put in the space before it, as between results on a line. A range's label ("Homens:
 * 0,7 a 1,2") is no name the catalogue knows. Lengths are kept.
 */
export function splitRunOnLabelledResults(reads: readonly string[]): string[] {
  return reads.map((r) => {
    const leads = matchesOf(REFERENCE_LEAD_IN_LINE, r).map((m) => (m.index ?? 0) + m[0].length);
    if (leads.length < 2 || !/^\s*\p{L}[^:]{0,40}:\s*[<>≤≥]?\s*\d/u.test(r)) return r;
    const starts: number[] = [];
    for (const m of matchesOf(NAME_THEN_VALUE, r)) {
      const colon = m.index ?? 0;
      const lead = leads.filter((l) => l <= colon).pop();
      // Only after a reference with a number in it: the previous result is whole.
      if (lead === undefined || !/\d/.test(r.slice(lead, colon)) || (starts.length > 0 && lead < starts[starts.length - 1]!)) continue;
      // The name is the words right before the colon, back to the reference's last number or unit; a
      // word that opens with a letter may hold digits ("T4 livre", "Vitamina B12").
      const words = matchesOf(/\S+/g, r.slice(lead, colon)).map((w) => ({ w: w[0], at: lead + (w.index ?? 0) }));
      const nameWord = (w: string) => (!/\d/.test(w) || /^\p{L}/u.test(w)) && unitAtStart(w)?.consumed !== w.length;
      let k = words.length;
      while (k > 0 && k > words.length - 6 && nameWord(words[k - 1]!.w)) k--;
      while (k < words.length && !/^\p{L}/u.test(words[k]!.w)) k++;
      if (k === words.length || k === 0) continue;
      const at = words[k]!.at;
      const name = r.slice(at, colon).trim();
      // A name the catalogue knows, or one written as a name, capital first; a range's label is none.
      // Nor is a block's result lead ("… (CKD-EPI 2021) Resultado: 58"): the name is the block's title before it.
      if (isReferenceLabel(name) || /^resultados?$/i.test(name) || (lookupName(name) === undefined && !/^\p{Lu}/u.test(name))) continue;
      // The next result has its own reference: else the words are the reference's ("VR: HDL: > 40").
      if (!leads.some((l) => l > colon)) continue;
      starts.push(at);
    }
    let out = r;
    for (const at of starts) if (out[at - 1] === ' ') out = `${out.slice(0, at - 1)};${out.slice(at)}`;
    return out;
  });
}

/**
 * A bar table row a transcription broke over two lines ("| DHEA-S | 210 µg/dL | … 88,9 a" / "427 µg/dL |"):
 * a line that opens with a bar and leaves its last cell open is joined with the next line when that one
 * opens no cell and closes the row. Returns, per line, the text to read ('' for a line joined to the one above).
 */
export function joinBrokenBarRows(reads: readonly string[]): string[] {
  const out = [...reads];
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i]!.trim();
    const next = out[i + 1]!.trim();
    if (!cur.startsWith('|') || cur.endsWith('|') || (cur.match(/\|/g) ?? []).length < 2) continue;
    if (next === '' || next.startsWith('|') || !next.endsWith('|')) continue;
    out[i] = `${cur} ${next}`;
    out[i + 1] = '';
    i++;
  }
  return out;
}

// A cell that stops on a word or sign that wants more ("1.005 a", "até 3 p/", "superior a", "Ausentes ou"): its
// column was too narrow and the rest went to the line under it.
const CELL_GOES_ON = /(?:\s(?:a|à|at[ée]|ou|e|de|d[oa]s?|entre|superior\s+a|inferior\s+a|maior\s+que|menor\s+que)|[/\-–,])$/iu;

const ASCII_RULE = /^\s*\+[-=+]{3,}\+\s*$/;

/**
 * Where a row of an ASCII table ruled between every row ends ("+----+----+" above it and under its last line): the
 * rule line's index, when every line before it holds the row's wrapped cells, its name's too ("| ANTICORPOS | 186
 * | … |" / "| ANTI-TIREOPEROXIDASE |  | … |"), the value's cell left empty on each. The rules say which lines are
 * one row, whatever word a cell stopped on ("FASE FOLICULAR: 3,5 A 12,5" / "PICO OVULATORIO: 4,7 A" / "21,5").
 */
function ruledRowEnd(out: readonly string[], i: number, row: string[], barCells: (l: string) => string[] | undefined): number | undefined {
  if (i === 0 || !ASCII_RULE.test(out[i - 1]!)) return undefined;
  let j = i + 1;
  for (; j < out.length && !ASCII_RULE.test(out[j]!); j++) {
    const under = barCells(out[j]!);
    // The value's cell, the one after the name's, is empty on a wrapped line: a line that fills it is a row of its own;
    // so is one with text past its closing bar (the corpus property on h1851).
    if (!under || under.length !== row.length || under[2]!.trim() !== '' || row[2]!.trim() === '' || under.at(-1)!.trim() !== '') return undefined;
  }
  return j > i + 1 && j < out.length ? j : undefined;
}

/**
 * A bar table's cells a PDF's narrow columns wrapped onto the rows under their row, the name cell empty there
 * ("| Densidade | 1.025 | 1.005 a |" / "|  |  | 1.030 |", "| Contagem de colônias | superior a |  |" / "|  |
 * 100.000 UFC/mL |  |", h1736): each cell filled on the row under goes on with its cell above, which stopped on
 * a word that wants more. The rows are read as one, on the first line. A row whose name cell is empty under a
 * complete cell (a differential's absolute count under its relative one) is a row of its own. Returns, per
 * line, the text to read ('' for a line joined to the one above).
 */
export function joinWrappedBarCells(reads: readonly string[]): string[] {
  const out = [...reads];
  const barCells = (l: string) => (/^\s*\|/.test(l) ? l.trim().split('|') : undefined);
  for (let i = 0; i + 1 < out.length; i++) {
    const row = barCells(out[i]!);
    if (!row || row.length < 4 || row[1]!.trim() === '') continue;
    const ruled = ruledRowEnd(out, i, row, barCells);
    if (ruled !== undefined) {
      for (let j = i + 1; j < ruled; j++) {
        barCells(out[j]!)!.forEach((c, k) => {
          if (k > 0 && k < row.length - 1 && c.trim() !== '') row[k] = ` ${row[k]!.trim()} ${c.trim()} `;
        });
        out[j] = '';
      }
      out[i] = row.join('|');
      i = ruled - 1;
      continue;
    }
    let j = i + 1;
    for (; j < out.length; j++) {
      const under = barCells(out[j]!);
      // Text past the row's closing bar is no wrapped cell's: the row is then read as printed (the corpus property on h1736).
      if (!under || under.length !== row.length || under[1]!.trim() !== '' || under.at(-1)!.trim() !== '') break;
      const filled = under.flatMap((c, k) => (k > 1 && k < under.length - 1 && c.trim() !== '' ? [k] : []));
      if (filled.length === 0 || !filled.every((k) => CELL_GOES_ON.test(row[k]!.trim()))) break;
      for (const k of filled) row[k] = ` ${row[k]!.trim()} ${under[k]!.trim()} `;
      out[j] = '';
    }
    if (j === i + 1) continue;
    out[i] = row.join('|');
    i = j - 1;
  }
  return out;
}

// The first cell of a table header that numbers its rows ("ITEM", "Nº", "#", "Seq."): each row then
// opens with its number in a cell of its own ("01    Anti-HCV (CMIA)    0,09 S/CO …").
const ITEM_HEAD = /^(?:ite(?:m|ns)|n[º°o]\.?|#|seq\.?|sequ[eê]ncia|ordem)$/iu;
// The other cells an emergency report prints before the exam's name, its rows in order of release
// (h1527: "LIB.  SETOR  EXAME   RESULTADO …" over "06:07 GASO   pH (venoso)   7,08 (L)(C) …"): the
// release time and the bench's code. Both say where and when the row was released, never what it is.
const TIME_HEAD = /^(?:lib\.?|libera[çc][ãa]o|hora|hor[áa]rio|h\.?\s*lib\.?)$/iu;
const SECTOR_HEAD = /^(?:setor|se[çc][ãa]o|bancada)$/iu;

/** The leading columns a row opens with before its name: row numbers, release times, bench codes. */
export type PlaceColumn = 'item' | 'time' | 'sector';

/**
 * The place columns a header line's first cells head, in order, or none. The header's words may be one
 * space apart ("LIB.  SETOR  EXAME"), so its words are taken one by one until the first that heads none.
 */
export function placeColumns(headerText: string): PlaceColumn[] {
  const out: PlaceColumn[] = [];
  for (const w of headerText.trim().split(/\s+/)) {
    const kind: PlaceColumn | undefined = ITEM_HEAD.test(w) ? 'item' : TIME_HEAD.test(w) ? 'time' : SECTOR_HEAD.test(w) ? 'sector' : undefined;
    if (!kind || out.includes(kind)) break;
    out.push(kind);
  }
  return out;
}

/** Whether a header line's first cell heads a column of row numbers. */
export function numbersRows(headerText: string): boolean {
  const first = cells(headerText)[0];
  // Or its first word, one space before the name's ("Item Exame   Resultado", h1525).
  return first !== undefined && (ITEM_HEAD.test(first.trim()) || placeColumns(headerText)[0] === 'item');
}

/**
 * Whether such a header prints its row numbers' head one space before the name's ("SEQ EXAME   RESULTADO", a
 * hospital LIS, h1692): its rows print the number one space before the name too ("003 RNI   4,60").
 */
export function numbersRowsTight(headerText: string): boolean {
  const first = cells(headerText)[0];
  return first !== undefined && !ITEM_HEAD.test(first.trim()) && placeColumns(headerText)[0] === 'item';
}

/** A row under such a header without its number: the number is the row's place, never a value. */
export function withoutItemNumber(t: string, tight = false): string {
  return t.replace(tight ? /^\d{1,3}[.)]?\s+(?=\p{L})/u : /^\d{1,3}[.)]?\s{2,}(?=\p{L})/u, '');
}

const PLACE_CELL: Record<PlaceColumn, RegExp> = {
  item: /^\s*\d{1,3}[.)]?\s+/u,
  time: /^\s*\d{1,2}[:h]\d{2}\s+/u,
  // A bench's code: one word in capitals, short ("GASO", "BIOQ", "URI", "HEMA").
  sector: /^\s*\p{Lu}[\p{Lu}\d.]{1,7}\s+/u,
};

/**
 * A row under a header with place columns, without its place cells: each cell in the header's order,
 * as long as its shape is the column's and a name follows. Blanked in place, so the columns after
 * them stay where they were printed. The row as printed when its first cell is no place cell.
 */
export function withoutPlaceCells(t: string, columns: readonly PlaceColumn[]): string {
  let rest = t;
  let cut = 0;
  for (const c of columns) {
    const m = PLACE_CELL[c].exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
    cut += m[0].length;
  }
  if (cut === 0 || !/^[\p{L}(]/u.test(rest)) return t;
  return ' '.repeat(cut) + rest;
}

// The catalogue's words with some of their l read as an i ("hemogiobina", "aibumina"), to the word
// meant: a variant that is itself a catalogue word is never one.
let iForL: Map<string, string> | undefined;
const iForLVariants = () => {
  if (iForL) return iForL;
  const words = nameWords();
  iForL = new Map();
  for (const w of words) {
    const at = matchesOf(/l/g, w).map((m) => m.index ?? 0);
    if (at.length === 0 || at.length > 3) continue;
    for (let mask = 1; mask < 1 << at.length; mask++) {
      const read = w
        .split('')
        .map((c, i) => (at.some((a, k) => a === i && mask & (1 << k)) ? 'i' : c))
        .join('');
      if (!words.has(read) && !iForL.has(read)) iForL.set(read, w);
    }
  }
  return iForL;
};
// A word of five letters or more with an i in it.
const I_WORD = /(?<![\p{L}\d])(?=\p{L}*[iI])\p{L}{5,}(?![\p{L}\d])/gu;

/**
 * The slip the other way round: OCR reads the l of a name as an i ("Hemogiobina", "Aibumina"). A word
 * that is no catalogue word but is one with some of its i read as l is that word, the l in the case
 * of the letters around it; a real word ("Bilirrubina", "Ferritina") is a catalogue word or no variant
 * of one, and stays as printed.
 */
function withoutIForLSlips(t: string): string {
  if (!/[iI]/.test(t)) return t;
  const words = nameWords();
  return t.replace(I_WORD, (w) => {
    const f = foldSameLength(w);
    if (f.length !== w.length || words.has(f)) return w;
    const meant = iForLVariants().get(f);
    if (meant === undefined) return w;
    return w
      .split('')
      .map((c, i) => (f[i] === 'i' && meant[i] === 'l' ? (isUpper(c) ? 'L' : 'l') : c))
      .join('');
  });
}

// How a count is given, as a row's whole name: "Percentual", "Relativo", "Valor absoluto", "Contagem absoluta".
export const COUNT_FORM = /^(?:(?:valor(?:es)?|contagem)\s+)?(?:percentua(?:l|is)|relativ[oa]s?|absolut[oa]s?)$/i;

// Such a form as the label of the cell after a name, before its count ("Valor absoluto:   412 células/mm³").
const COUNT_FORM_LABEL = /(?<=\S\s{2,})(?:(?:valor(?:es)?|contagem)\s+)?(?:percentua(?:l|is)|relativ[oa]s?|absolut[oa]s?)\s*:(?=\s*[<>]?\s*\d)/giu;

/**
 * A row whose counts after the name each say in which form they are given ("Linfócitos T CD4+   Valor
 * absoluto:   412 células/mm³   Percentual: 24 %", a cytometry report's): the labels say what the units
 * say already, and left there they would be read as the name. Blanked in place, so the columns stay
 * where they were printed. Only when the name cell before them holds no value or label of its own.
 */
function withoutCountFormLabels(t: string): string {
  if (!t.includes(':')) return t;
  const labels = matchesOf(COUNT_FORM_LABEL, t);
  const name = labels.length > 0 ? t.slice(0, labels[0]!.index).trim() : '';
  if (name === '' || name.includes(':') || /\s{2,}/.test(name) || !/\p{L}{2}/u.test(name)) return t;
  return t.replace(COUNT_FORM_LABEL, (m) => ' '.repeat(m.length));
}

// An assay's notation in brackets, two words joined by a colon ("FvW - antígeno (VWF:Ag)", "(VWF:RCo)").
// Matched forwards from the bracket: as a lookbehind it was tried at every position of every line.
const ASSAY_COLON = /(\(\s*\p{L}[\p{L}\d]*):(?=\p{L}[\p{L}\d]*\s*\))/gu;

/** The line with such a colon read as a space: it is part of a name, never a label's colon. */
export function withoutAssayColon(t: string): string {
  return t.includes(':') && t.includes('(') ? t.replace(ASSAY_COLON, '$1 ') : t;
}

/**
 * A section title drawn between rules ("===== CARGA VIRAL =====", "----- BIOQUÍMICA -----", an app's "════
 * SONO ════"), its title in group 2.
 */
export const RULED_TITLE = /^\s*([=*~_\-═─])\1{2,}\s+(\p{L}.*\S)\s+([=*~_\-═─])\3{2,}\s*$/u;
