// One piece of a line read as a result: a name, one value (or two: relative and absolute counts),
// and what follows as the reference. Layouts: "Name: value unit (VR: …)", columns (the first cell is
// the name), "Name value unit reference"; a piece that does not read in full is undefined, so the
// caller can report its line instead of guessing.
import { foldSameLength, isWhiteCellName, lookupName, matchAnalyteName, type AnalyteDef, type KnownName } from './analytes.ts';
import { cellStarts, FULL_DATE_CELL, leaderShift, unitsByColumn } from './columns.ts';
import type { TableHeader } from './layouts.ts';
import { cells, isBlockDetail, type CleanLine } from './lines.ts';
import { NUMBER, numbersIn } from './numbers.ts';
import type { Entry, Group } from './result.ts';
import {
  isReferenceHeading,
  isReferenceLabel,
  isWhomLabel,
  ORDINAL_RE,
  isAgeBandCell,
  isReferenceText,
  isPhotoCutOff,
  noRangeText,
  numberBeforeBound,
  PERCENTILE_RE,
  parseRangeExpression,
  bareTitreAt,
  bareTitresIn,
  NO_TITRE_NAME,
  qualitativeAtStart,
  qualitativeReference,
  REFERENCE_LEAD_WORDS,
  stripReferenceLead,
} from './reference.ts';
import { normalizeUnit, sameUnit, unitAtStart } from './units.ts';
import { BADGE_MARK, isMarkerCell, markerOf, readValue, VERDICT_WORD } from './value.ts';
import { isWordColumnName, PENDING, SEDIMENT_AMOUNT, UNREMARKABLE_CELL, WHOSE_SAMPLE_AFTER_NAME, wordResultText } from './word-results.ts';
import { matchesOf } from '../text/matches.ts';

/**
 * The year of a filtration-rate equation printed after its name ("CKD-EPI 2021", "MDRD 2006"): part of the name.
 * A narrow name column shortens it to two digits inside the brackets ("TFG estimada (CKD-EPI 21)", h1648).
 */
export const EQUATION_YEAR = /(?<![\p{L}])(?:ckd[\s-]?epi|mdrd|cockcroft(?:[\s-]gault)?|schwartz|ekfc)[\s-]+(?:(?:19|20)\d{2}(?!\d)|\d{2}(?=\s*\)))/iu;

/** The lab's control run beside a coagulation time ("controle: 12,4 s", "controle do dia: 12,4 s", "pool normal"). */
// "Plasma controle", "plasma normal": the control named by what it is.
export const CONTROL_LEAD = String.raw`(?:(?:plasma|soro)\s+)?(?:controle(?:\s+normal)?|pool(?:\s+normal)?|padr[aã]o)(?:\s+d[oa]\s+\p{L}+)?`;
/**
 * A control's time printed as a row of its own under a coagulation block ("Tempo do controle …. 12,4 s",
 * "Controle: 30,1 s", "Pool normal: 29 s", "Controle normal do dia: 30,4 segundos"): a normal pool's time
 * beside the patient's, no result of his.
 */
// A note in brackets after it says what the control is ("Controle do dia (pool normal)").
export const CONTROL_ROW = new RegExp(String.raw`^(?:tempo\s+(?:d[oa]\s+)?)?${CONTROL_LEAD}(?:\s*\([^()\d]*\))?$`, 'iu');
/** The ratio of the patient's time to the control's ("Relação paciente/controle", "R pac./normal", "Razão P/C", "Relação pac./contr."). */
export const CONTROL_RATIO =
  /^(?:rela[cç][aã]o|raz[aã]o|r)\.?\s*(?:d[oa]s?\s+tempos?\s+)?(?:pac(?:iente)?\.?|p)\s*\/\s*(?:cont(?:r(?:ole)?)?|ctrl?|norm(?:al)?|pool|c|n)\.?$/iu;
const NOTE_AFTER_UNIT = new RegExp(String.raw`^\((?:[^()\d]*|[^()]*\d{1,2}\/\d{1,2}\/\d{2,4}[^()]*|\s*${CONTROL_LEAD}\b[^()]*)\)\s*`, 'iu');
// The kidney disease stage a clinician wrote after a filtration rate or an albuminuria ("24 mL/min/1,73m² (G4 A3)"):
// the stage this result puts the patient in, no range.
const STAGE_AFTER_UNIT = /^\(\s*(?:G[1-5][ab]?(?:\s*[/,;]?\s*A[1-3])?|A[1-3])\s*\)[.;]?\s*$/u;
// A count's grade in crosses in brackets after its unit ("2.400 parasitos/mm³ (++/4+)", "(+/4+ ... ++ ? )", a
// malaria smear's parasitaemia as a photo's transcription printed it, h1682): the same result on the crosses'
// scale, no range. Its dots may have been read as a leader (" : ").
const CROSS_GRADE_AFTER_UNIT = /^\((?=[^()]*\+)(?:\s|\+|\d\+|\/|\.|:|\?|…)+\)\s*/u;
const TYPED_REMARK = /^\((?=\p{Ll})([^()\d]*?\p{L}{2,}\s+[^()\d]*\p{L}{2,})\s+\d[^()]*\)\s*/u;
const RELEASED_AT = /(?<=\S)\s{3,}(?:\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?:\s+\d{1,2}:\d{2})?|\d{1,2}:\d{2})$/;
// A clock time alone, its hour zero-padded ("03:20"): no titre ("1:16") reads so.
// A row typed with single spaces after a percentage: its range (maybe cut), the bare count, the count's range
// closing the line ("0a5 62 0 a 500", "20 a 45 1.426 900a 4.500"); "a" may be glued to either bound.
// A share in brackets, then a unit after it ("(52,0%) /µL"): see readAfterName.
const SHARE_BEFORE_UNIT = /^\s*\((\s*\d[\d.,]*\s*%\s*)\)(?=\s*[^\s\d])/;
const SINGLE_SPACED_PAIR = new RegExp(String.raw`^\s*(\d.*?)\s+(${NUMBER})\s+((?:${NUMBER})\s*a\s*(?:${NUMBER}))\s*$`, 'u');
// A range whose upper bound a fold or smudge replaced by marks ("2 a 1~ ~~"): its lower bound alone is no range.
const CUT_RANGE = new RegExp(String.raw`^\s*(?:${NUMBER})\s*a\s*\d*[~^'"]+[\s~^'"]*$`, 'u');
const RELEASED_TIME_ALONE = /^\s*[0-2]\d:[0-5]\d\s*$/;
const CONTROL_NOTE_AT_END = new RegExp(String.raw`\s*\(\s*${CONTROL_LEAD}\b[^()]*\)\s*$`, 'iu');

/** The sodium citrate strength of a coagulation tube in a sample's name ("plasma citratado 3,2%", "citrato de sódio 3,2 %"). */
export const CITRATE_STRENGTH = /(?<![\p{L}])citrat\p{L}*(?:\s+de\s+s[oó]dio)?\s+(?:a\s+)?\d(?:[.,]\d+)?\s*%/giu;
// Brackets, an equation's year and a tube's citrate strength blanked to their length, so positions stay those of the text.
const EQUATION_YEARS = new RegExp(EQUATION_YEAR.source, 'giu');
// A rate normalised to body surface names it so ("Depuração corrigida p/ 1,73 m²", "Clearance corrigido
// (1,73 m²)"): the area is the name's.
export const PER_BODY_SURFACE = /(?<=\p{L}\s+)(?:(?:p\/|por|para)\s*1[,.]73\s*m(?:²|2)(?![\p{L}\d/])|\(\s*(?:(?:p\/|por|para)\s*)?1[,.]73\s*m(?:²|2)\s*\))/giu;

const withoutBracketsAndYears = (s: string) =>
  s
    .replace(/\([^)]*\)/g, (m) => ' '.repeat(m.length))
    .replace(PER_BODY_SURFACE, (m) => ' '.repeat(m.length))
    .replace(EQUATION_YEARS, (m) => ' '.repeat(m.length))
    .replace(CITRATE_STRENGTH, (m) => ' '.repeat(m.length));

// The lab's verdict written as a phrase beside the value, often after a symbol ("▼ abaixo do intervalo",
// "● dentro do intervalo", "acima do valor de referência"): it says where the value falls, it is no
// reference (an "acima de 20" range has a number and no article). Read as the lab's mark.
const VERDICT_PHRASE =
  /(?:^|\s{2,})(?:[●○◉•■□◆◇▲▼△▽↑↓]\s*)?(acima|abaixo|dentro|fora)\s+d[oa]s?\s+(?:intervalos?|faixas?|valor(?:es)?|limites?|refer[eê]ncias?)(?:\s+(?:de\s+)?(?:refer[eê]ncia|normalidade|esperad[oa]s?|normal|normais))?\s*(?=\s{2,}|$)/iu;

// The note may be named by its footnote mark ("Ver nota (1)", "vide nota 2", "ver nota A", "ver rodapé *"), or the cell
// be that mark alone ("(1)" where the goals depend on a category the note under the table lists). What the
// ranges below depend on may lead it, the cell in square brackets as the report's other ranges ("[por idade -
// ver abaixo]" beside a PSA whose bands by age follow the block). The cell may say first that the note holds
// goals ("metas: ver nota 1", LDL and non-HDL goals by risk category), or say so after the verb ("Ver metas na nota 6").
const REFERENCE_POINTER =
  /^\(\d{1,2}\)$|^(?:(?:por|conforme)\s+(?:idade|faixa\s+et[aá]ria|sexo)\s*[-–—,:]\s*|(?:metas?|alvos?|objetivos?)\s*:\s*)?(?:ver|vide|veja|consultar|consulte|conforme)\s+(?:(?:metas?|alvos?|objetivos?|refer[eê]ncias?|valores)\s+(?:n[ao]s?|em)\s+)?(?:(?:a|o|as|os)\s+)?(?:abaixo|nota|notas|tabela(?:\s+abaixo|\s+por\s+(?:idade|faixa\s+et[aá]ria))?|faixas?(?:\s+et[aá]rias?|\s+(?:por|de)\s+idade)?(?:\s+abaixo)?|quadro(?:\s+abaixo)?|observa[cç](?:[aã]o|[oõ]es)|rodap[eé]|coment[aá]rio)(?:\s*(?:\(\d{1,2}\)|\d{1,2}|\*{1,3}|\(?[a-z]\)?))?\.?$/iu;

// A reference cell naming the row whose ranges hold for this one too ("Ver bilirrubina total" beside the indirect
// bilirubin, whose range hangs on the newborn's age as the total's does, h2008): a pointer as "ver nota" is, when
// what it names is a catalogued analyte or the same exam as the row's own first word says (a goal's "ver metas
// abaixo" is none: the goals printed below join it).
const ROW_POINTER = /^(?:ver|vide|veja)\s+(?:(?:o|a)\s+)?(\p{L}[\p{L}\s.-]{1,48})$/iu;
const firstWord = (s: string) => foldSameLength(s.trim().split(/\s+/)[0] ?? '').toLowerCase();
const pointsToRow = (ref: string, rowName: string): boolean => {
  const named = ROW_POINTER.exec(ref.trim())?.[1]?.trim();
  if (named === undefined) return false;
  return lookupName(named) !== undefined || (firstWord(named).length >= 4 && firstWord(named) === firstWord(rowName));
};

// An immunofluorescence pattern by its name and its ICAP code ("padrão nuclear pontilhado fino (AC-4)").
const IIF_PATTERN = /^padr[aã]o(?:\s+de\s+fluoresc[eê]ncia)?\s*:?\s+\p{L}[\p{L}\s,-]*?(?:\s*\(\s*AC-?\d+[^()]*\))?(?=\s*\(|\s{2,}|$)/iu;

export const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
/** Number tokens outside brackets: "(CKD-EPI 2021)", "(URINA DE 24 HORAS)" are part of a name. */
// So are durations in a name ("URINA DE 24 HORAS", "Proteinúria de 24 horas") and a numbered kind
// ("URINA TIPO 1"), and the year of a filtration-rate equation ("TFG EST. CKD-EPI 2021", "MDRD 2006"). So is
// the count of samples an exam is run on ("PARASITOLÓGICO DE FEZES – 3 AMOSTRAS").
// A tolerance test's load in its time point's name ("GLICOSE - 1 HORA APÓS 75 g", "Glicemia pós 75 g", h1944): the
// grams of glucose drunk, part of the name, no value; one space from its number as often as glued to it ("75g").
const LOAD_IN_NAME = /(?<=(?<![\p{L}])(?:ap[oó]s|p[oó]s|sobrecarga(?:\s+de)?)\s)\d{2,3}\s?g(?![\p{L}\d/])/giu;

export const bareNumbers = (s: string) =>
  numbersIn(
    withoutBracketsAndYears(s)
      .replace(/(?<![\p{L}])tipo\s+\d(?!\d)/giu, (m) => ' '.repeat(m.length))
      .replace(LOAD_IN_NAME, (m) => ' '.repeat(m.length))
      .replace(/(?<![\p{L}\d.,])\d\s+amostras(?![\p{L}])/giu, (m) => ' '.repeat(m.length))
      // An hour's "h" is glued to its number or one space away: "212   H   mg/dL" is a value and its flag column.
      .replace(/\d+(?:\s*(?:horas?|dias?|meses|anos?|semanas?|minutos?|min)|\s?h)(?![\p{L}])/giu, (m) => ' '.repeat(m.length))
      // A compound's locants glued to its name by a hyphen ("2,5-Hexanodiona", "1-Hidroxipireno", "25-hidroxivitamina D").
      .replace(/(?<![\p{L}\d.,])\d{1,2}(?:,\d{1,2})*-(?=\p{L}{3})/gu, (m) => ' '.repeat(m.length)),
  ).length;

// A note's label ("Nota", "Obs.", "Observação"), and the same numbered at a name's start ("Nota 1 - …").
const NOTE_WORD = /^(?:notas?|obs\.?|observa[cç][aã]o)$/iu;
const NUMBERED_NOTE = /^(?:notas?|obs\.?|observa[cç][aã]o)\s*(?:n\.?\s*[º°o]\.?\s*)?\d{1,2}\s*(?:[-–—:)]|$)/iu;

export function cleanName(s: string): string {
  const name = s
    // The rule a section title is drawn between ("==== CARGA VIRAL ====", "~~~ LIPÍDIOS ~~~") is no part of it.
    .replace(/^[\s\-–—*•|:.=~_#]+/, '')
    // … and the quotation mark that opens a result typed as free text ("\"Hemoglobina 12,8 g/dL; …", a
    // record's transcription of a paper report).
    .replace(/^["“]\s*/, '')
    // … and the lab's out-of-range mark printed in a cell of its own before the value ("Glicose   * 108").
    .replace(/[\s:=.\-–—|→⇒>*]+$/, '')
    // "GLICOSE      Resultado:  99 mg/dL": the label between the name and its value is no part of it.
    .replace(/\s+resultados?(?:\s+encontrados?)?$/i, '')
    // How the exam was done, in brackets after its name ("PARASITOLÓGICO DE FEZES (método de Hoffman, Pons e
    // Janer / Faust)", "FIBRINOGÊNIO (Método: Clauss)"): the block's method, no part of what it measured.
    .replace(/(?<=\S)\s*\((?:m[eé]todo|metodologia)\b[^()]*\)/giu, '')
    // A footnote's superscript mark glued to the name's end ("Glicose⁴", "Triglicérides⁴,⁵"): it calls a note,
    // and a note or a goal naming the result names it without it.
    // A unit's power ("p/ 1,73 m²", "/mm³") is no mark.
    .replace(/(?<=[\p{L})])(?<![\s\d/(](?:m|mm|cm|dm|µm|μm))[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:,[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*$/u, '')
    // A numbered item's number before the name ("3.2  Densidade", "1.10 Linfócitos", a word processor's
    // outline of the report): it says where the row stands, not what it measured.
    .replace(/^\d{1,2}(?:\.\d{1,2}){1,2}\.?\s+(?=\p{L})/u, '')
    .trim();
  // A hospital system's code column before the name ("GLI   Glicose", "HB   Hemoglobina").
  // PDF text also spaces the words of one name apart ("HDL  colesterol"): a second word in lower case
  // goes on with the name, and so does one that makes a known name with the first.
  const code = /^([A-Z0-9]{2,5})\s{2,}(\p{L}.*)$/u.exec(name);
  const oneName = code && (/^\p{Ll}/u.test(code[2]!) || lookupName(`${code[1]} ${code[2]}`) !== undefined);
  if (code && oneName) return `${code[1]} ${code[2]}`;
  if (code && (lookupName(code[2]!) || !lookupName(code[1]!))) return code[2]!;
  return name;
}

const catalogueDotDecimal = (def: AnalyteDef | KnownName | undefined) => Boolean(def && 'dotIsDecimal' in def && def.dotIsDecimal);

// A section's name before a dash hides the analyte from the catalogue ("EAS - DENSIDADE ....: 1.012   VR: 1.005
// A 1.030", a report that prints each urine row under its exam's name): a name that ends in a dot-decimal
// analyte (density, pH) still reads its dot as a decimal point, so 1.012 is no thousand.
// So does a urine exam's label the names of the results typed after it keep ("Urina densidade", parse.ts).
export const URINE_EXAM_LABEL = String.raw`eas|urina(?:\s+(?:tipo\s+)?(?:i|1|rotina))?|sum[aá]rio\s+de\s+urina|urin[aá]lise`;
const AFTER_URINE_LABEL = new RegExp(String.raw`^(?:${URINE_EXAM_LABEL})\s+(?=\p{L})`, 'iu');
export const dotIsDecimal = (def: AnalyteDef | KnownName | undefined, name?: string) =>
  catalogueDotDecimal(def) ||
  (def === undefined &&
    name !== undefined &&
    / [-–] /.test(name) &&
    catalogueDotDecimal(lookupName(name.slice(name.search(/ [-–] (?!.* [-–] )/) + 3).trim()))) ||
  (def === undefined && name !== undefined && AFTER_URINE_LABEL.test(name) && catalogueDotDecimal(lookupName(name.replace(AFTER_URINE_LABEL, ''))));

export interface Ctx {
  table: TableHeader | undefined;
  line: CleanLine;
  /** The line is a typed list of results (typedList): an abbreviation with a bare value is a result. */
  list?: boolean;
}

// A piece of a list typed by hand ("CR 0,9", "VIT D 28", "PLAQ 250 mil"): an abbreviation of a word or
// two, one space, a bare value.
// The first word may be cut short with a full stop ("Ác. fólico 6,1").
// The value may be signed (a base excess, "BE -6,8") and the typist's arrow may follow it ("BE -6,8 ↓").
// A ratio's abbreviation holds a slash between its letters ("P/F 256", the oxygenation index after a gas, h1671).
const LIST_PIECE = /^\p{L}(?:[\p{L}\d-]|\/(?=\p{L})){0,9}\.?(?: \p{L}[\p{L}\d-]{0,9})?\s+(?:[<>]\s*|[-−](?=\d))?\d[\d.,]*(?:\s+mil)?(?:\s*[↑↓])?$/u;

// A ratio's abbreviation, letters on both sides of a slash ("P/F", "A/G"), and a sex's pair, which is none.
const LIST_RATIO = /^\p{L}{1,4}\/\p{L}{1,4}$/u;
const SEX_PAIR = /^(?:[MHF]|masc|fem)\.?\/(?:[MHF]|masc|fem)\.?$/iu;

/** Whether a piece has the shape of a typed list's: an abbreviation of a word or two and a bare value. */
export const isListPiece = (piece: string): boolean => LIST_PIECE.test(piece.trim());

/**
 * Whether a line is a list of results typed by hand, pieces between ';' (a doctor's summary: "CR 0,9;
 * U 32; NA 138; K 4,1"): at least two abbreviations with a bare value, and nothing else but words (a
 * finding, "EAS sem alterações"). There neither a unit nor a reference comes with a value, nor need a
 * name be one the parser knows: the layout says each piece is a result. A single piece of that shape
 * is one too on the line right under such a list (`afterList`).
 */
export function typedList(t: string, afterList = false): boolean {
  const pieces = t.split(';').map((p) => p.trim());
  const values = pieces.filter((p) => LIST_PIECE.test(p)).length;
  if (afterList && pieces.length === 1) return values === 1;
  return values >= 2 && pieces.every((p) => LIST_PIECE.test(p) || /^\p{L}[\p{L} ]*$/u.test(p));
}

// A cell of dashes after a name, set apart by columns ("PROCALCITONINA   ---"): a day the exam was not done.
const NOT_DONE_CELL = /\p{L}.*\s{2,}[-–—]{2,}(?:\s{2,}|\s*$)/u;

// A ratio of one to n in a name (a mixing "1:1", a dilution "1:10"), never a clock time ("08:00").
const RATIO_IN_NAME = /(?<![\d:.,])1:\d{1,3}(?![\d:.,])/g;

const PERCENTILES = new RegExp(PERCENTILE_RE.source, 'giu');

/** The value (and reference) after a known name, or undefined when it does not read in full. */
// The arrow from a percentage to the count it stands for, right before the count.
const COUNT_ARROW = /^\s*(?:→|->|⇒|➜)\s*(?=\d)/u;

// A verdict word closing a reference's cell, after the arrow or the badge a portal draws before it.
const VERDICT_AFTER_REFERENCE = new RegExp(String.raw`\s{3,}(?:(?:[▲▼↑↓⬆⬇]\uFE0F?|${BADGE_MARK})\s?)?(\p{L}+)$`, 'u');

// A bracket naming a part of the result before it, with its value, then "e" opening the next clause: the tail of a
// sentence wrapped from the line above ("… bilirrubina total 9,8 mg/dL" / "(direta 7,9) e CPK 2.840 U/L.", a
// discharge summary's admission values, h1831), no name; that line is listed as the one above it is. A range in
// the bracket is the reference of the result above, and the clause after "e" a result of its own ("(40 a 75) e
// linfócitos 19 %", h1433).
const BRACKETED_PART_THEN_AND = new RegExp(String.raw`^\(\s*\p{L}[\p{L} .-]*?\s+(?:[<>]\s*)?(?:${NUMBER})(?:\s*[^\s\d()]+)?\s*\)\s*e\s`, 'iu');

export function readAfterName(nameRaw: string, valueText: string, ctx: Ctx, opts: { separated: boolean }): Group | undefined {
  // A unit in a column of its own between the name and the value ("TFG (CKD-EPI 2021)   mL/min/1,73m²   33",
  // under "Exame   Unidade   14/05/25 …", a cumulative report's): the value's unit, no part of the name, and
  // its digits none of the name's.
  const nameCells = cells(nameRaw);
  const lastCell = nameCells.length >= 2 ? nameCells[nameCells.length - 1]! : '';
  const cellUnit = lastCell && /\d/.test(lastCell) ? unitAtStart(lastCell) : undefined;
  if (cellUnit && cellUnit.consumed >= lastCell.length) nameRaw = nameRaw.slice(0, nameRaw.lastIndexOf(lastCell));
  // A cell of dashes after the name is the result column's mark that the exam was not done on that day
  // ("PROCALCITONINA   ---   NG/ML   < 0,50", a cumulative report's legend "--- = NÃO REALIZADO"): no result,
  // the reference after it no value.
  if (NOT_DONE_CELL.test(nameRaw)) return undefined;
  const name = cleanName(nameRaw);
  const def = lookupName(name);
  // One-letter names only from the catalogue ("K 3,1 mEq/L") or a typed list ("U 32; NA 138").
  // A colon ends a name, save one in brackets: the clock time the sample was drawn ("Cortisol (coleta 08:00)").
  // Nor does a mixing ratio or a dilution end it ("TTPa após mistura 1:1"): its colon sits between its terms.
  if (
    (letters(name) < 2 && !def && !ctx.list) ||
    name
      .replace(/\([^()]*\)/g, '')
      .replace(RATIO_IN_NAME, '')
      .includes(':')
  )
    return undefined;
  // A name that opens a bracket it never closes starts a remark in brackets, a note's list of findings wrapped onto
  // its line ("(HBsAg reagente, anti-HBc IgM não reagente). Encaminhar…", h1856): the results it restates are read
  // where the report prints them.
  if (name.startsWith('(') && !name.includes(')')) return undefined;
  // Nor does one open with a bracketed named value and "e": the tail of a sentence wrapped from the line above
  // (BRACKETED_PART_THEN_AND).
  if (BRACKETED_PART_THEN_AND.test(name)) return undefined;
  // A name that holds a full stop before another sentence ("… e o ácido úrico. Voltei a treinar há 2
  // semanas") is prose, as an e-mail body prints it: no result's name spans two sentences.
  // An abbreviation's dot ("Capacidade total de fix. Fe") is followed by a word or two, not a sentence.
  // A value in a cell of its own after such a name (a note, then a column break, then "48,7") is still read.
  if (!opts.separated && /\p{Ll}{3,}\.\s+\p{Lu}\p{Ll}+(?:\s+\p{L}+){2,}/u.test(name) && !def) return undefined;
  // A catalogued name qualified in brackets by whom its ranges are for ("Triglicérides (0 a 9 anos)") is
  // still the name: only the bracket reads as an age band.
  // So is a name that says whose sample it is after it ("GRUPO SANGUINEO RN", a maternity's newborn and mother).
  const unqualified = name.replace(WHOSE_SAMPLE_AFTER_NAME, '');
  const whose = unqualified !== name && /\p{L}{2}/u.test(unqualified) ? unqualified : undefined;
  // A name the catalogue does not know qualified so too ("PSA total (homens > 45 anos)", a request form's catalogue
  // naming whom the exam is for, h1711) is one when the bracket is that alone — a sex or an age — and the words
  // before it are no label: a range's label in brackets ("Mulheres (pós-menopausa)") is one before it too.
  const bare = name.replace(/\s*\([^()]*\)\s*$/, '');
  const qualified =
    (def !== undefined && /\)\s*$/.test(name) && !isReferenceLabel(bare, { asName: true })) ||
    (def === undefined && bare !== name && /\p{L}{3}/u.test(bare) && isWhomLabel(name.slice(bare.length)) && !isReferenceLabel(bare, { asName: true })) ||
    (whose !== undefined && !isReferenceLabel(whose, { asName: true }));
  // A smear's name ends in a result word when it says which bottle ("Bacterioscopia (Gram) do frasco positivo"): a
  // name still, no tier's label.
  // A ratio's abbreviation in a typed list ("P/F 256" after a gas, h1671) names a result, though its letter after the
  // slash reads as a sex's label ("F"): a sex's pair ("M/F", "H/M") stays one.
  const listRatio = ctx.list === true && LIST_RATIO.test(name) && !SEX_PAIR.test(name);
  if (
    (isReferenceLabel(name.replace(PER_BODY_SURFACE, ''), { asName: true }) && !qualified && !SMEAR_NAME.test(name) && !listRatio) ||
    stripReferenceLead(name).lead ||
    // A bound's word, alone or whole ("Acima de 20 ng/mL: adequado · 30 a 60 ng/mL: grupos de risco", bands after a
    // vitamin's value on one line, h1839): the next band of the reference, no name.
    /^(?:resultados?|at[eé]|(?:inferior|superior)(?:\s+a)?|(?:acima|abaixo)(?:\s+de)?|(?:maior|menor)(?:\s+(?:que|ou\s+igual\s+a))?|de|entre)$/i.test(name)
  )
    return undefined;
  // A smear's finding is described in words of the microscopist's own ("Bacterioscopia (Gram): Cocos
  // Gram-positivos agrupados em cachos"), no result word: its cell is free text as after a dot leader.
  let valueRead = readValue(valueText, {
    dotIsDecimal: dotIsDecimal(def, name),
    freeText: ctx.line.leader || SMEAR_NAME.test(name),
    hours: TIME_IN_HOURS.test(name),
  });
  if (!valueRead) return undefined;
  // A titre's own label and a page's count name no analyte ("Título: 1/16" under its reactive result, "Folha 1/2").
  if (valueRead.value === null && bareTitreAt(valueRead.text) && NO_TITRE_NAME.test(nameRaw)) return undefined;
  // The relative count in brackets between the absolute count and its unit ("Segmentados   2.142  (52,0%) /µL
  // 1.800 a 7.500", a Teresina lab's PDF): the count takes the unit after the bracket, the bracket is the
  // white cell's share, a row of its own; the reference after the unit is the count's.
  const shareCut =
    valueRead.value !== null && !valueRead.unit && !cellUnit && valueText.endsWith(valueRead.rest) ? SHARE_BEFORE_UNIT.exec(valueRead.rest) : null;
  let share: ReturnType<typeof readValue>;
  if (shareCut) {
    const at = valueText.length - valueRead.rest.length;
    const reread = readValue(valueText.slice(0, at) + ' '.repeat(shareCut[0].length) + valueRead.rest.slice(shareCut[0].length), {
      dotIsDecimal: dotIsDecimal(def, name),
    });
    const inner = readValue(shareCut[1]!, { dotIsDecimal: false });
    if (reread?.unit && reread.unit !== '%' && reread.value === valueRead.value && inner?.unit === '%' && inner.value !== null && inner.rest.trim() === '') {
      valueRead = reread;
      share = inner;
    }
  }
  const read = cellUnit && valueRead.value !== null && !valueRead.unit ? { ...valueRead, unit: cellUnit.unit } : valueRead;
  // Words after a dot leader that say the exam was not done or is still running ("Pesquisa de D fraco ......
  // Não realizada (Rh negativo em gestante)", h1700; "Em andamento"): no result, however free the leader's text is.
  if (read.value === null && PENDING.test((read.text ?? '').trim())) return undefined;
  // A result word in running prose, a sentence going on after it in lower case (a note's wrapped line:
  // "ICAP. FAN reagente em baixos títulos pode ocorrer em indivíduos saudáveis."): no result.
  if (!opts.separated && read.value === null && /^\s\p{Ll}+(?:\s+\p{L}+){3,}[.;,]?\s*$/u.test(read.rest) && !/\s{2}/.test(valueText)) return undefined;
  // Prose that runs into a number ("EM ANDAMENTO - resultado parcial em 48 h", "repetir após 30
  // dias"): no analyte's name ends with a preposition.
  if (!opts.separated && /\s(?:em|ap[oó]s|por|para|com)\s*$/iu.test(nameRaw)) return undefined;
  // Nor with a comparator, nor a condition in the name ("… recomendada quando prolactina acima de 25
  // ng/mL", "… indicada quando ferritina superior a 300"): the number is a bound in a sentence, never a result.
  if (/\s(?:(?:acima|abaixo)\s+de|(?:superior|inferior)\s+a|(?:maior|menor)\s+(?:do\s+)?que)\s*$/iu.test(nameRaw)) return undefined;
  if (/(?:^|\s)(?:quando|caso)\s+\p{L}/iu.test(name)) return undefined;
  // Nor is a sentence's subject and its verb before the result word ("O teste anti-HBc total foi REAGENTE, com HBsAg
  // não reagente …", a letter to a blood donor explaining the table above, h1702): prose about a result, no name.
  if (/^(?:o|a|os|as)\s\S.*\s(?:foi|foram|era|eram|est[aá]|estava|resultou)$/iu.test(nameRaw.trim())) return undefined;
  // Nor is a personal pronoun and its verb ("ele fez 900 ml de urina desde ontem", a family chat on a patient's
  // day, h1921): what someone did or took, told in a sentence, no result's name.
  if (!def && /^(?:eu|ele|ela|eles|elas|n[oó]s|voc[eê]s?|a\s+gente)\s+\p{Ll}/u.test(nameRaw.trim().toLowerCase())) return undefined;
  // The number of the sample a culture was drawn in ("HEMOCULTURA - AMOSTRA 1 (aeróbia)", "Frasco 2"): the
  // title's, naming which sample, never a value.
  if (read.value !== null && !read.unit && Number.isInteger(read.value) && /(?:^|\s)(?:amostra|frasco)$/iu.test(nameRaw.trim())) return undefined;
  // Nor is the number of the sheet, page or picture a note points to ("Na folha 2, o TGP tem um asterisco ao
  // lado no papel, indicando valor acima da referência", a transcriber's remark): a place in the report.
  if (read.value !== null && !read.unit && Number.isInteger(read.value) && /(?:^|\s)(?:folhas?|p[aá]g(?:ina)?s?\.?|fotos?|imagens?)$/iu.test(nameRaw.trim()))
    return undefined;
  // Nor is the number of a note at the foot ("Nota 1 - Hemoglobina glicada: normal inferior a 5,7 %", what a
  // reference cell's "ver nota 1" points to): it numbers the note, no result of a "Nota"; what the note says is
  // a reference, no result either.
  if (NUMBERED_NOTE.test(nameRaw.trim()) || (read.value !== null && !read.unit && Number.isInteger(read.value) && NOTE_WORD.test(nameRaw.trim())))
    return undefined;
  // A number of days, weeks, months or years is a time ("repetir após 2 semanas", an age), never a result.
  if (read.value !== null && !read.unit && /^\s*(?:dias?|semanas?|meses|m[eê]s|anos?)(?![\p{L}])/iu.test(read.rest)) return undefined;
  const entries: Entry[] = [{ def, name, read, line: ctx.line.index }];
  if (share) entries.push({ def, name, read: share, line: ctx.line.index });
  let rest = read.rest;
  // The unit printed in brackets after the name ("Hemoglobina (g/dL)   12,9   13,5 a 17,5").
  const unitInName = read.value !== null && !read.unit ? nameUnit(name) : undefined;
  if (unitInName) {
    entries[0]!.name = unitInName.name;
    entries[0]!.def = lookupName(unitInName.name) ?? def;
    entries[0]!.read = { ...read, unit: unitInName.unit };
  }
  const columns = ctx.table?.valueColumns ?? [];
  // Relative and absolute counts on one line: "Neutrófilos 68 % 8.364 /mm³ 1.800 a 7.700", or bare
  // under a header that gives each value column its unit ("%   /mm³").
  if (read.value !== null && (read.unit || columns.length >= 2) && !share) {
    // A transcription draws an arrow from a white cell's percentage to its count ("Neutrófilos: 62 % → 11.718
    // /mm³ (ref. …)", h1750): the arrow sets the count apart, as a dash does.
    const second = readValue(read.unit === '%' ? rest.replace(COUNT_ARROW, ' ') : rest, { dotIsDecimal: dotIsDecimal(def, name) });
    // "Bastonetes   2 %   142" under "Relativo   Absoluto": the relative count carries its unit, the
    // absolute one is bare and takes the unit of the column it sits under, when that is another one.
    const columnUnit =
      second && second.value !== null && !second.unit && read.unit && columns.length >= 2
        ? unitsByColumn(columns, 1, ctx.line, rest.trimStart())[0]
        : undefined;
    // A white cell's percentage and then its count bare ("Neutrófilos   38 %  4.256   20-45 %", the
    // count's unit printed with its ranges on the line under): a count of cells per microlitre, the
    // percentage's share of the leukocytes, so never under it.
    const bareCount =
      columnUnit === undefined &&
      second !== undefined &&
      second.value !== null &&
      !second.unit &&
      read.unit === '%' &&
      read.value !== null &&
      Number.isInteger(second.value) &&
      second.value >= read.value &&
      /^(?:\s{2,}|$)/.test(second.rest) &&
      isWhiteCellName(name);
    const bareUnder = (columnUnit !== undefined && columnUnit !== read.unit) || bareCount;
    if (
      second &&
      second.value !== null &&
      (second.unit || (columns.length >= 2 && !read.unit) || bareUnder) &&
      // A zero in the value's own unit closing the line ("4 /100 leucócitos   0 /100 leucócitos") is the
      // reference cell: none expected.
      !(second.value === 0 && second.rest.trim() === '' && second.unit && read.unit && sameUnit(second.unit, read.unit)) &&
      second.comparator === null &&
      // A bare number before a bound's lead ("644    até 1.000 /mm³") is a value, whatever a range it could start.
      (!isReferenceText(rest) || (numberBeforeBound(rest) !== undefined && isReferenceText(second.rest))) &&
      // The first cell a range of its own ("286   533 a 1.674   14 %"): the count's reference, no second value.
      !isReferenceText(rest.trim().split(/\s{2,}/)[0]!)
    ) {
      entries.push({ def, name, read: bareUnder ? { ...second, unit: columnUnit ?? '/mm³' } : second, line: ctx.line.index });
      rest = second.rest;
    }
  }
  // The absolute count first, the relative one in brackets, and the references likewise:
  // "Neutrófilos   3.852 /µL (60,0 %)   1.700 a 7.000 /µL (40 a 75 %)".
  const bracketed = entries.length === 1 && read.value !== null && read.unit ? /^\s*\(([^()]*\d[^()]*)\)/.exec(rest) : null;
  const inner = bracketed ? readValue(bracketed[1]!, { dotIsDecimal: dotIsDecimal(def) }) : undefined;
  if (inner && inner.value !== null && inner.unit && inner.unit !== read.unit && inner.comparator === null && inner.rest.trim() === '') {
    entries.push({ def, name, read: inner, line: ctx.line.index });
    rest = rest.slice(bracketed![0].length);
    // "1.700 a 7.000 /µL (40 a 75 %)": a range for each count, in the same order.
    const refs = /^\s*([^()]*\d[^()]*?)\s*\(([^()]*\d[^()]*)\)\s*$/.exec(rest);
    if (refs && isReferenceText(refs[1]!) && isReferenceText(refs[2]!)) return { entries, refItems: [refs[1]!.trim(), refs[2]!.trim()] };
  }
  // Each count with its own reference: "Neutrófilos: 60% (40-70) / 3.120/µL (1.800-7.700)", or in
  // columns ("Neutrófilos   58,2   (40,0 a 70,0)   4.353   (1.700 a 7.000)"), the counts bare under a
  // header that gives each its unit ("%   (referência)   /µL   (referência)"). A cytometry panel prints
  // the ranges unbracketed, each in a column of its own ("CD4+   412   500 a 1.500   21 %   28 a 51 %").
  const byColumn = columns.length === 2 && read.unit === null ? columns.map((c) => c.unit) : undefined;
  const pairable = entries.length === 1 && read.value !== null && (read.unit || byColumn);
  const bracketed2 = pairable ? /^\s*(\([^()]*\d[^()]*\))(?:\s*[/|]\s*|\s{2,})(?=\d)/.exec(rest) : null;
  const paired = bracketed2 ?? (pairable ? /^\s*([^\s()](?:\S| (?=\S))*\d(?:\S| (?=\S))*)\s{2,}(?=\d)/.exec(rest) : null);
  const secondRef = bracketed2 ? /^\s*\([^()]*\)\s*$/ : /^\s*[^\s()](?:\S| (?=\S))*\s*$/;
  if (paired && isReferenceText(paired[1]!)) {
    const second = readValue(rest.slice(paired[0].length), { dotIsDecimal: dotIsDecimal(def) });
    const units = [read.unit ?? byColumn?.[0], second?.unit ?? byColumn?.[1]];
    if (
      second &&
      second.value !== null &&
      units[0] &&
      units[1] &&
      units[1] !== units[0] &&
      second.comparator === null &&
      secondRef.test(second.rest) &&
      isReferenceText(second.rest)
    ) {
      entries[0]!.read = { ...read, unit: units[0] };
      entries.push({ def, name, read: { ...second, unit: units[1] }, line: ctx.line.index });
      const refs = [paired[1]!, second.rest].map((r) => r.trim().replace(/^\((.*)\)$/, '$1'));
      return { entries, refItems: refs };
    }
  }
  // The same row typed with single spaces, the count bare ("Monócitos 7 % 2 a 10 455 80 a 1.000", an OCR of
  // a photo that kept no column gaps): a white cell's percentage, its range, the count and the count's range.
  // With the gaps gone, the count is the number that leaves a range closing the line. A percentage's range the
  // fold of the paper cut ("2 a 1~ ~~", its upper bound lost) is no range: that percentage takes none.
  const typedPair = entries.length === 1 && read.unit === '%' && read.value !== null && isWhiteCellName(name) ? SINGLE_SPACED_PAIR.exec(rest) : null;
  if (typedPair) {
    const second = readValue(typedPair[2]!, { dotIsDecimal: dotIsDecimal(def) });
    if (
      second &&
      second.value !== null &&
      !second.unit &&
      Number.isInteger(second.value) &&
      second.value >= read.value! &&
      isReferenceText(typedPair[3]!) &&
      (isReferenceText(typedPair[1]!) || CUT_RANGE.test(typedPair[1]!))
    ) {
      const first = CUT_RANGE.test(typedPair[1]!) ? '' : typedPair[1]!.trim();
      entries.push({ def, name, read: { ...second, rest: '', unit: '/mm³' }, line: ctx.line.index });
      return { entries, refItems: [first, typedPair[3]!.trim()] };
    }
  }
  if (columns.length >= 2 && entries.every((e) => e.read.unit === null && e.read.value !== null)) {
    const units = unitsByColumn(columns, entries.length, ctx.line, valueText);
    entries.forEach((e, i) => (e.read = { ...e.read, unit: units[i] ?? null }));
  }
  let ref = rest.replace(/^(?:[\s|,;]|[-–—](?!\d))+/, '').trim();
  // The method in the reference's place, one cell ("88  mg/dL    Método: Hexoquinase", the range on the
  // line under): the sample's detail, no reference.
  if (/^(?:m[eé]todo|metodologia|material)\s*:/iu.test(ref) && isBlockDetail(ref) && !/\s{2,}\S/.test(ref)) ref = '';
  // A dot leader between the result and the reference too ("Não reagente ····· [Não reagente]") is read
  // as a colon (lines.ts): it leads the reference, no part of it.
  if (ctx.line.leader) ref = ref.replace(/^:\s*/, '');
  const phrase = VERDICT_PHRASE.exec(ref);
  if (phrase) {
    ref = `${ref.slice(0, phrase.index)}   ${ref.slice(phrase.index + phrase[0].length)}`.trim();
    const last = entries[entries.length - 1]!;
    const side = phrase[1]!.toLowerCase();
    last.read = { ...last.read, marker: last.read.marker ?? (side === 'acima' ? 'alto' : side === 'abaixo' ? 'baixo' : null) };
  }
  // A reactive antinuclear test's pattern printed after its titre ("Reagente 1/640 — padrão nuclear
  // homogêneo (AC-1)   (VR: Não reagente)"): it describes the result, as a "Padrão:" line under it does,
  // and is no reference; the reference after it is. With none after it the line stays listed unread.
  const pattern = read.value === null ? IIF_PATTERN.exec(ref) : null;
  if (pattern && ref.length > pattern[0].length) ref = ref.slice(pattern[0].length).trim();
  // The lab's verdict in a cell of its own between a word result and its reference (an app's chip:
  // "Negativo   🟢 Normal   Esperado: Negativo"): the lab's word on the result, no part of the reference.
  const chip = read.value === null ? /^(\p{L}+)\s{2,}(?=\S)/u.exec(ref) : null;
  if (chip && VERDICT_WORD.test(chip[1]!) && isReferenceText(ref.slice(chip[0].length))) ref = ref.slice(chip[0].length);
  // A note in brackets after the unit ("0,9 mg/dL (jejum)", "(calculado)") says how the value was
  // obtained; it is not the reference unless it reads as one ("(Negativo)", "(VR: …)").
  // So does a control run beside a coagulation time ("18,9 s (controle: 12,4 s)").
  // A bracketed reference that says there is none, or that it could not be read ("(VR: ilegível — coberto
  // pelo reflexo)" in a photo's transcription): kept, so that no built-in range is taken for the lab's.
  const none = /^\(\s*(?:v\.?\s?r\.?|ref(?:er[eê]ncia)?\.?|valor(?:es)?\s+de\s+refer[eê]ncia)\s*:?\s*([^()]+)\)\s*$/iu.exec(ref);
  if (none && (noRangeText(none[1]!) || isPhotoCutOff(none[1]!))) return { entries, refItems: [none[1]!.trim()] };
  const grade = typeof read.value === 'number' ? CROSS_GRADE_AFTER_UNIT.exec(ref) : null;
  if (grade) ref = ref.slice(grade[0].length);
  // The stage first: its letters' digits ("(G4 A3).") would otherwise make it a note, the full stop after it left.
  const note = STAGE_AFTER_UNIT.exec(ref) ?? NOTE_AFTER_UNIT.exec(ref);
  if (note && (STAGE_AFTER_UNIT.test(note[0]) || (!isReferenceText(note[0]) && !isReferenceLabel(note[0].replace(/[()]/g, '')))))
    ref = ref.slice(note[0].length);
  // So does a typist's remark in brackets, in lower case, a few words before any number ("11 ng/ml (em novembro
  // era 18!!)", "negativo (pedi pq atrasou 5 dias)", a patient's notes): words about the result, no range, and
  // no label of whom a range is for before its number ("(crianças até 5 anos)").
  const remark = note ? null : TYPED_REMARK.exec(ref);
  if (remark && !isReferenceText(remark[0]) && !isReferenceLabel(remark[1]!.trim())) ref = ref.slice(remark[0].length);
  // The control run printed after the reference instead ("10,0 - 13,5  (controle do dia: 12,4 s)").
  const control = CONTROL_NOTE_AT_END.exec(ref);
  if (control && control.index > 0) ref = ref.slice(0, control.index).trim();
  // When the result was released, in a column of its own after the reference (a hospital system's
  // "Liberado" column): a date, a time or both, never part of the range before it.
  const released = RELEASED_AT.exec(ref);
  if (released && isReferenceText(ref.slice(0, released.index), { dotIsDecimal: dotIsDecimal(def) })) ref = ref.slice(0, released.index);
  // A row with no reference leaves the time alone in that column's place ("DELTA TROPONINA 0H-1H   43,3   NG/L
  // 03:20", a computed delta under a collection-time column): the time the sample was drawn, no reference.
  else if (RELEASED_TIME_ALONE.test(ref)) ref = '';
  // The lab's mark printed after the reference ("11,0 g/dL (12,0 - 16,0) L", a LIS's "<L>"). In brackets
  // only whole: the "H)" that closes a note ("70 A 99 (JEJUM DE 8 H)") is the note's hours. A portal draws
  // a triangle ("4.000 a 11.000   ▲"). A blood-gas analyser's slip prints a caret or a small v set apart by a gap
  // ("[  35.0 -   45.0 ]  ^", ABL90, h2010): above or below, as its legend says; the caret is no reference text.
  const late = /\s+(\*{1,3}|\([HL]\)|[HL]|<(?:HH|LL|[HL])>|↑{1,2}|↓{1,2}|▲|▼|⬆\uFE0F?|⬇\uFE0F?|(?<=\s\s)[v^])$/u.exec(ref);
  if (late && ref.length > late[0].length) {
    ref = ref.slice(0, late.index);
    const last = entries[entries.length - 1]!;
    last.read = { ...last.read, marker: last.read.marker ?? markerOf(late[1]!) };
  }
  // The lab's verdict in a column of its own after the reference ("70 a 99   Alterado", an occupational
  // report's "Situação" column): a word about the value, never the label of the range before it, which
  // would make "70 a 99" a bad tier and leave no good one.
  // After the arrow a portal draws before it too ("13,0 - 17,0   ▼ Abaixo", "70 - 99   ▲ Acima"): the arrow
  // and the side it names say the same.
  // A portal's dot before it ("até 1,2 mg/dL   ● Alterado") is the badge's, as the arrow is.
  const verdict = VERDICT_AFTER_REFERENCE.exec(ref);
  if (
    verdict &&
    (VERDICT_WORD.test(verdict[1]!) || (/^(?:acima|abaixo)$/iu.test(verdict[1]!) && /[▲▼↑↓⬆⬇]/u.test(verdict[0]))) &&
    isReferenceText(ref.slice(0, verdict.index), { dotIsDecimal: dotIsDecimal(def) })
  ) {
    ref = ref.slice(0, verdict.index);
    const last = entries[entries.length - 1]!;
    last.read = { ...last.read, marker: last.read.marker ?? markerOf(verdict[1]!) };
  }
  // A check-up summary's status symbol in a column of its own after the reference ("abaixo de 190 mg/dL
  // ✖", explained by a legend "✔ dentro da meta ✖ fora da meta"): a tick or a cross says in or out, never
  // which side, so the reference before it decides the flag; the symbol is no part of the range.
  const status = /\s{2,}[✔✓☑✅✖✗✘❌]\uFE0F?$/u.exec(ref);
  if (status && isReferenceText(ref.slice(0, status.index), { dotIsDecimal: dotIsDecimal(def) })) ref = ref.slice(0, status.index);
  // A reference cell that points elsewhere ("ver abaixo", "vide nota", "conforme tabela abaixo", "ver faixas abaixo") holds
  // no range: the result is read, and the ranges printed below join it by its name (parse.ts).
  // After its lead too ("Ref.: ver tabela").
  const unboxed = /^\s*\[([^[\]]*)\]\s*$/.exec(ref)?.[1]?.trim() ?? ref;
  if (REFERENCE_POINTER.test(unboxed) || REFERENCE_POINTER.test(stripReferenceLead(unboxed).rest) || pointsToRow(unboxed, name)) ref = '';
  // A reference cell "0" for a count ("Metamielócitos   0   0   0   0" under "%   /mm3   %   /mm3"): none
  // of these cells is expected: up to zero, one number as printed. Only in the reference's place: one cell
  // per value read.
  // So is a zero led as the reference, in brackets or not ("(Ref.: 0,0)" after a haemoglobin variant's %),
  // and a zero in the value's own unit ("0 /100 leucócitos" beside a count of nucleated red cells).
  // One bracket may hold both, a bar or a gap between ("(ref. 0 % | 0 /mm³)" after a differential's two counts, a
  // chatbot's bullets, h1812): each cell read inside the bracket.
  const refCells = cells(/^\(([^()]*)\)$/.exec(ref.trim())?.[1] ?? ref);
  const zeroIn = (c: string, unit: string | null) => {
    const m = /^0(?:[.,]0+)?\s*/.exec(c);
    if (!m) return false;
    const after = c.slice(m[0].length);
    if (/^%?$/.test(after)) return true;
    const u = unitAtStart(after);
    return unit !== null && u !== undefined && after.slice(u.consumed).trim() === '' && sameUnit(u.unit, unit);
  };
  const zero = (c: string, i: number) => {
    const unit = entries[i]?.read.unit ?? null;
    const { lead, rest } = stripReferenceLead(c.replace(/^\((.*)\)$/, '$1'));
    return zeroIn(c, unit) || (lead && zeroIn(rest, unit));
  };
  if (refCells.length === entries.length && refCells.some(zero) && refCells.every((c, i) => zero(c, i) || isReferenceText(c)))
    ref = refCells.map((c, i) => (zero(c, i) ? 'até 0' : c)).join('   ');
  // Columns of words after the reference are a method or a comment ("70 a 99   Enzimático",
  // "3,5 - 5,1   VALOR CRÍTICO - comunicado às 23:10", "70 - 99   (acima do limite de medição)").
  if (ref !== '' && !isReferenceText(ref, { dotIsDecimal: dotIsDecimal(def) })) {
    const cs = matchesOf(/\s{3,}(?=[\p{L}(])/gu, ref).map((m) => m.index ?? 0);
    const cut = cs.find((at) => {
      const comment = ref.slice(at).trim();
      return (
        /^\(?\p{L}/u.test(comment) &&
        // "Ureia   48 mg/dL" in a second column is a result, never a comment.
        !valueWithUnit(comment) &&
        !isReferenceLabel(comment) &&
        !isReferenceText(comment) &&
        isReferenceText(ref.slice(0, at), { dotIsDecimal: dotIsDecimal(def) })
      );
    });
    if (cut !== undefined) ref = ref.slice(0, cut).trim();
  }
  // What the range means, after it and a colon ("Superior a 60%: ausência de macroprolactinemia
  // significativa"): a note on the one range, no label of another; a tier word there ("≥ 6,5 %:
  // diabetes") is a label, and stays.
  const meaning = /^([^:;|]*\d[^:;|]*?)\s*:\s*(\p{L}[^\d:;|]*)$/u.exec(ref);
  if (
    meaning &&
    !isReferenceText(ref, { dotIsDecimal: dotIsDecimal(def) }) &&
    isReferenceText(meaning[1]!, { dotIsDecimal: dotIsDecimal(def) }) &&
    !isReferenceLabel(meaning[2]!)
  )
    ref = meaning[1]!.trim();
  // What values past the range mean, in brackets after it ("inferior a 0,30 (valores iguais ou superiores a
  // 0,30 sugerem proteinúria significativa)"): a sentence on the one range, whose numbers are its bounds.
  const sentence = /^([^()]*\d[^()]*?)\s*\(([^()]*\p{L}{3,}(?:\s+\p{L}+){3,}[^()]*)\)\s*$/u.exec(ref);
  if (sentence && !isReferenceText(ref, { dotIsDecimal: dotIsDecimal(def) }) && isReferenceText(sentence[1]!, { dotIsDecimal: dotIsDecimal(def) })) {
    const bounds = numbersIn(sentence[1]!).map((n) => n.text);
    if (numbersIn(sentence[2]!).every((n) => bounds.includes(n.text))) ref = sentence[1]!.trim();
  }
  // How a calculated result was obtained, in the reference's place ("123 mg/dL   Calculada a partir da
  // HbA1c", "Estimada pela fórmula de Friedewald"): the result's method, no reference.
  if (read.value !== null && /^(?:calculad[oa]|estimad[oa]|obtid[oa])\s+(?:a\s+partir\s+d|pel[oa]s?\s|por\s|com\s+bas)/iu.test(ref)) ref = '';
  // Beside the value, either a reference or only the label of the ranges printed under it
  // ("198 mg/dL   Com jejum / Sem jejum", then "Desejável: < 190 mg/dL" on the next line).
  // A percentile in the label is no number ("Percentil 99 (limite superior):" over "Mulheres: 15,6 ng/L"),
  // nor a trimester's ordinal ("Gestantes 1º trimestre:" over "0,10 a 2,50").
  // Nor is the age band of a heading ("Ref.: População saudável (até 60 anos):" over "superior a 20 ng/mL").
  const labelOnly =
    (!/\d/.test(ref.replace(PERCENTILES, '').replace(ORDINAL_RE, '')) && !/\bresultados?\b/i.test(ref) && isReferenceLabel(ref.replace(/:$/, ''))) ||
    isReferenceHeading(ref);
  if (ref !== '' && !isReferenceText(ref, { dotIsDecimal: dotIsDecimal(def) }) && !labelOnly) return undefined;
  // A bare number with neither unit nor reference is a result only where the layout says so.
  if (read.value !== null && !read.unit && ref === '' && !def && !opts.separated && !ctx.table && !ctx.list) return undefined;
  // A time in minutes run into its name, with no reference, is a sentence's ("… volume de 24 h e tempo de
  // coleta de 1.440 min", a note under a table), not a bleeding or clotting time.
  if (read.unit === 'min' && ref === '' && !def && !opts.separated) return undefined;
  const labelled = ref !== '' && ctx.table?.rangeColumns.length ? labelByColumn(ref, ctx) : undefined;
  if (labelled) return { entries, refItems: [labelled] };
  const refBody = stripReferenceLead(ref.replace(/^\((.*)\)$/, '$1')).rest;
  return { entries, refItems: refBody ? [refBody] : [] };
}

/**
 * Range cells under a header that names each range column ("Desejável   Limítrofe   Alto") get the
 * label of the column they sit under: "< 190   190 - 239   >= 240" → "Desejável: < 190; Limítrofe: …".
 */
function labelByColumn(ref: string, ctx: Ctx): string | undefined {
  const base = ctx.line.text.lastIndexOf(ref);
  const cols = ctx.table!.rangeColumns;
  // The columns are where the header prints them: a dot leader before the value ("CREATININA.....:   1,02")
  // was shortened in the cleaned line, moving the ranges after it to the left.
  const shift = base > ctx.line.text.lastIndexOf(' : ') ? leaderShift(ctx.line) : 0;
  const cs = cellStarts(ref, ctx.line.offset + Math.max(base, 0) + shift);
  if (base < 0 || cs.length < 2) return undefined;
  // Cells set apart by bars (a markdown table, h1968) keep no positions: as many as the range columns take them in order.
  const inOrder = ctx.line.bars !== undefined && cs.length === cols.length;
  // A range may name the ages it holds for in brackets after it ("< 75 (0 a 9 anos)", a child's lipid table, h1968).
  const range = (cell: string) => {
    const band = /\s*\(([^()]*)\)\s*$/.exec(cell);
    return parseRangeExpression(band && isAgeBandCell(band[1]!) ? cell.slice(0, band.index) : cell);
  };
  const items = cs.flatMap(({ cell, at }, i) => {
    if (!range(cell)) return /^[-–—]+$/.test(cell) ? [] : [undefined];
    const col = inOrder ? cols[i]! : cols.reduce((best, k) => (Math.abs(k.at - at) < Math.abs(best.at - at) ? k : best));
    return [`${col.label}: ${cell}`];
  });
  return items.length > 0 && items.every(Boolean) ? items.join('; ') : undefined;
}

/** Whether a text holds a number followed by a unit ("Ureia 48 mg/dL"). */
export function valueWithUnit(s: string): boolean {
  return numbersIn(s).some((n) => unitAtStart(s.slice(n.index + n.text.length)) !== undefined);
}

/**
 * "Hemácias (milhões/mm³)", and as a small town lab prints it inside the name cell, "Hemácias em
 * milhões/mm3", "Plaquetas/mm3" → the name and the unit its values are in.
 */
function nameUnit(name: string): { name: string; unit: string } | undefined {
  const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(name) ?? /^(.*\p{L})\s+em\s+(\S+)$/u.exec(name) ?? /^(.*\p{L})(\/\S+)$/u.exec(name);
  if (!m) return undefined;
  // Authors' names joined by a slash ("LDL-colesterol (Martin/Hopkins)", h1999) take a unit's shape but name the
  // equation: the unit is the one printed with the value.
  if (normalizeUnit(m[2]!) === undefined && /^\p{Lu}\p{Ll}{2,}(?:\/\p{Lu}\p{Ll}{2,})+$/u.test(m[2]!.trim())) return undefined;
  const u = unitAtStart(m[2]!);
  return u && u.consumed >= m[2]!.trim().length ? { name: m[1]!, unit: u.unit } : undefined;
}

// A cell that is only a reference's lead, before its colon ("Ref.", "V.R.", "Valor de referência").
const REFERENCE_LEAD_CELL = new RegExp(String.raw`^${REFERENCE_LEAD_WORDS}$`, 'iu');

/** Name + value + (reference) from one piece of a line, or undefined when it does not read in full. */
export function readPiece(text: string, ctx: Ctx, depth = 0): Group | undefined {
  const build = (nameRaw: string, valueText: string, opts: { separated: boolean }) => readAfterName(nameRaw, valueText, ctx, opts);

  // (B) "Name: value …" — the colon ends the name when no value sits before it.
  const colon = text.indexOf(':');
  // The colon inside a clock time ("comunicado ao plantonista às 03:40", a notice beside a result) ends no name.
  const clock = colon > 0 && /(?:^|\s)(?:[01]?\d|2[0-3])$/.test(text.slice(0, colon)) && /^[0-5]\d(?![\d,.])/.test(text.slice(colon + 1));
  if (colon > 0 && !clock) {
    const before = text.slice(0, colon);
    const after = text.slice(colon + 1);
    // A dot leader marks the end of the name for sure, digits and all ("Proteínas de 24 horas ....");
    // so does a colon before a word result: a word is never a digit of the name ("HIV 1 e 2: Não reagente").
    // Not after a value cell: "77,1   mg/g   < 30: normal" is a value, its unit and a range with its tier.
    const valueCellBefore = cells(before).some((c, i) => i > 0 && /^[<>≤≥*]?\s*\d/.test(c));
    const wordAfter = qualitativeAtStart(after.trim()) !== undefined && !valueCellBefore;
    // A known name with digits ("CA 19-9: 12") ends at the colon; a value cell before it ("Glicose - jejum
    // 94   mg/dL   Gestante: < 92") makes the colon a reference label's, even when the catalogue reads the
    // name before the value with the rest as its qualifier.
    const knownName = !valueCellBefore && lookupName(cleanName(before)) !== undefined;
    // The colon of a reference's lead in a cell of its own ("UROCULTURA   Sem crescimento bacteriano
    // Ref.: Negativa") leads that cell: the name is the first cell's, read as columns (C).
    const beforeCells = cells(before);
    const referenceColon = beforeCells.length >= 2 && REFERENCE_LEAD_CELL.test(beforeCells[beforeCells.length - 1]!);
    if (letters(before) >= 2 && !referenceColon && (bareNumbers(before) === 0 || ctx.line.leader || wordAfter || knownName)) {
      const g = build(before, after, { separated: true });
      if (g) return g;
      // A group label: "Eletrólitos: Sódio 138 mEq/L (136-145)".
      if (depth === 0 && /^\s*\p{L}/u.test(after)) {
        const inner = readPiece(after.trim(), ctx, 1);
        if (inner && inner.entries.every((e) => e.def)) return inner;
      }
    }
  }
  // (C) Columns: the first cell is the name; digits in brackets are part of it ("eTFG (CKD-EPI 2021)"),
  // and so are those of a name the catalogue knows with them ("CA 19-9").
  const cs = cells(text);
  // A colon inside brackets names the assay ("FvW - antígeno (VWF:Ag)"): no label.
  if (cs.length >= 2 && (bareNumbers(cs[0]!) === 0 || lookupName(cleanName(cs[0]!)) !== undefined) && !cs[0]!.replace(/\([^()]*\)/g, '').includes(':')) {
    // A date alone in the cell after the name is the sample's, under a date column ("EXAME   DATA
    // RESULTADO"): neither the value nor part of the name. So are several, one a column, when a public
    // health record prints when the exam was ordered, done and released ("Solicitado em   Realizado em
    // Resultado em   Resultado").
    let dated = text.indexOf(cs[0]!) + cs[0]!.length;
    for (let i = 1; i < cs.length - 1 && FULL_DATE_CELL.test(cs[i]!); i++) dated = text.indexOf(cs[i]!, dated) + cs[i]!.length;
    const g = build(cs[0]!, text.slice(dated), { separated: true });
    if (g) return g;
    // An exam's row whose result cell, under the table's result column, says the exam showed nothing abnormal: a
    // word result, with no reference to flag it.
    const unremarkable = text.slice(dated).trim();
    if (ctx.table?.resultAt !== undefined && UNREMARKABLE_CELL.test(unremarkable) && bareNumbers(cs[0]!) === 0) {
      const name = cleanName(cs[0]!);
      return {
        entries: [
          {
            def: lookupName(name),
            name,
            read: { value: null, text: unremarkable.replace(/\.$/, ''), comparator: null, unit: null, marker: null, rest: '' },
            line: ctx.line.index,
          },
        ],
        refItems: [],
      };
    }
    // A label that takes words, in columns ("Cor   Palha   Amarelo citrino"): the next cell is the result.
    // Any other name takes words too when its row prints a reference in words beside them ("Bacterioscopia
    // (Gram)   Cocos Gram-positivos   Ausência de microrganismos"): the reference says the result is a word.
    // Its reference's lead ("Ref.: Negativa") is no part of the reference.
    // The lab's mark in a cell of its own after the words ("Uratos amorfos (+)   *   Ausentes") is no part of
    // the reference after it.
    // So is a dash for no unit under a unit column between them ("Eletroforese de hemoglobina   HbAA   ---   HbAA").
    const marked = cs.length >= 4 && (isMarkerCell(cs[2]!) || /^[-–—]{1,3}$/.test(cs[2]!)) ? 1 : 0;
    // The lab's reading in a column of its own after the reference ("Perfil de hemoglobinas   FA   FA   Normal", a
    // neonatal screening's "Interpretação" column) is no part of the reference.
    const verdict = cs.length === 4 + marked && ctx.table?.referenceAt !== undefined && VERDICT_WORD.test(cs[cs.length - 1]!) ? 1 : 0;
    const ref = stripReferenceLead(cs.slice(2 + marked, cs.length - verdict).join('   ')).rest;
    // Words under the reference column that are the result's own ("Biotinidase   Atividade presente   Atividade
    // presente", "Perfil de hemoglobinas   FA   FA") say the result is in words, whatever the words.
    const sameWords =
      ctx.table?.referenceAt !== undefined &&
      ctx.table.resultAt !== undefined &&
      !/\d/.test(ref) &&
      /\p{L}{2}/u.test(ref) &&
      foldSameLength(cs[1]!).trim() === foldSameLength(ref).trim();
    const wordReference = cs.length === 3 + marked + verdict && (qualitativeReference(ref) !== undefined || sameWords);
    // The cell may lead the words with its label, as a typed report's rows do ("GRUPO SANGUINEO (ABO)
    // RESULTADO: O"): the label is no part of the result.
    // A finding in words that says what was (not) found, in a table's result column over a dash for no reference
    // ("Bacterioscopia (Gram)   Não foram observados microrganismos   ---"): the words read as a reference would,
    // but stand where the result does; the row's result, with no reference to flag it.
    const findingOverDash =
      cs.length === 3 + marked + verdict &&
      /^[-–—]{1,3}$/.test(ref) &&
      ctx.table?.referenceAt !== undefined &&
      ctx.table.resultAt !== undefined &&
      qualitativeReference(cs[1]!) !== undefined;
    const words =
      isWordColumnName(cleanName(cs[0]!)) || wordReference || findingOverDash ? wordResultText(cs[1]!.replace(/^resultados?\s*:\s*/iu, '')) : undefined;
    if (words !== undefined && (ref === '' || qualitativeReference(ref) !== undefined || !/\d/.test(ref))) {
      const name = cleanName(cs[0]!);
      // Words of its own in the cell under the table's reference column ("Cor   Castanha   Castanha",
      // "Consistência   Pastosa   Pastosa ou formada", a stool exam's): the reference the words are read
      // against, whatever they are, as a word list would be. A dash there ("—") is no reference.
      const underReference =
        cs.length === 3 + marked + verdict &&
        /\p{L}{2}/u.test(ref) &&
        !/\d/.test(ref) &&
        ctx.table?.referenceAt !== undefined &&
        ctx.table.resultAt !== undefined;
      return {
        entries: [
          { def: lookupName(name), name, read: { value: null, text: words, comparator: null, unit: null, marker: null, rest: '' }, line: ctx.line.index },
        ],
        refItems: ref ? [ref] : [],
        ...(underReference ? { wordReference: ref } : {}),
      };
    }
  }
  // (A) The name runs up to the first value, past the digits of a name the catalogue knows with them
  // ("CA 19-9 — 12 U/mL", "HIV 1 e 2 — Não reagente": no 19 nor 1 is a value).
  const known = matchAnalyteName(text);
  const skip = known && /\d/.test(text.slice(0, known.consumed)) ? known.consumed : 0;
  const after = skip > 0 ? firstValueAt(text.slice(skip)) : -1;
  // A known name with digits alone on its line ("CA 125", one cell a line) holds no value: its digits are the name's.
  const nameAlone = skip > 0 && text.slice(skip).trim() === '';
  const first = after >= 0 ? skip + after : nameAlone ? -1 : firstValueAt(text);
  // A year closing a bracket its title opened ("… médico (Atualização da Diretriz Brasileira de" / "Dislipidemias,
  // 2017). Baixo risco: < 130 mg/dL; …", a note's wrapped citation, h1789): the year names the source cited, and
  // what runs up to it is the title, no name; a result's value never closes a bracket its name opened.
  const citedYear = first > 0 && CITED_YEAR_CLOSE.test(text.slice(first)) && /\([^()]*$|\p{L},\s*$/u.test(text.slice(0, first));
  const g = first > 0 && !citedYear ? build(text.slice(0, first), text.slice(first), { separated: false }) : undefined;
  if (g) return g;
  // A result typed as the last clause of a sentence ("a urina deu tudo negativo, só os leucócitos 12 por
  // campo (até 5)"): the name is the clause's, after its comma and the little words that open it, and
  // one the catalogue knows (a clause of a note, "processado até 2 h", is no result).
  const clause = first > 0 ? text.slice(0, first).lastIndexOf(', ') : -1;
  const clauseName = clause > 0 ? text.slice(clause + 2, first).replace(CLAUSE_OPENING, '') : '';
  const last = clauseName && lookupName(cleanName(clauseName)) ? build(clauseName, text.slice(first), { separated: false }) : undefined;
  if (last) return last;
  // (D) Columns whose name cell holds a number that qualifies it ("VITAMINA D - 25 HIDROXI   34 ng/mL",
  // "Anti-HIV 1 E 2   Não reagente"): every bare number there is followed by a word that is no unit,
  // the cell ends in a letter, and the next cell opens with the value.
  if (cs.length >= 2 && !cs[0]!.includes(':') && numberedName(cs[0]!) && /^(?:[<>≤≥]\s*)?[-−]?\d|^\p{L}/u.test(cs[1]!)) {
    return build(cs[0]!, text.slice(text.indexOf(cs[0]!) + cs[0]!.length), { separated: true });
  }
  // … and such a name set apart from its value by a dash ("HIV 1 e 2 (anticorpos + antígeno p24) — Não
  // reagente — VR: Não reagente", a transcribed photo's).
  // Words after the dash are the result only when they are a result's words: a name's detail after its dash
  // ("HIV 1 e 2 – anticorpos e antígeno p24 ....... Não reagente", h1791, cut at its "e") is no result, and the
  // line's result is read whole.
  const dashed = /^([^:]+?)\s+[-–—]\s+(?=(?:[<>≤≥]\s*)?\d|\p{L})/u.exec(text);
  const dashedValue = dashed ? text.slice(dashed[0].length) : '';
  const dashedResult = /^(?:[<>≤≥]\s*)?\d/u.test(dashedValue) || qualitativeAtStart(dashedValue) !== undefined;
  if (dashed && dashedResult && numberedName(dashed[1]!)) return build(dashed[1]!, dashedValue, { separated: true });
  return undefined;
}

// A year and the bracket it closes ("2017)"): a cited source's (readPiece).
const CITED_YEAR_CLOSE = /^(?:19|20)\d{2}\s*\)/u;

// The types a test covers, listed after its name ("HIV 1 e 2", "HTLV 1/2", "Anti-HIV 1+2", "HPV 16 e 18",
// "Dengue 1, 2, 3 e 4"): part of the name.
const TYPE_LIST = /(?<=\p{L}[\s-]?)\s?\d{1,2}(?:(?:\s*(?:e|\/)\s*|\+|,\s+)\d{1,2})+(?![\d.,\p{L}])/giu;

function numberedName(cell: string): boolean {
  if (numbersIn(cell).length === 0 || letters(cell) < 4) return false;
  // Digits in brackets ("(antígeno p24)") and a list of types are the name's: without them the cell ends
  // in a letter (or digits glued to one, "NS1"), and any other number is followed by a word that is no unit.
  const name = withoutBracketsAndYears(cell)
    .replace(TYPE_LIST, (m) => ' '.repeat(m.length))
    .trimEnd();
  if (!/\p{L}\d*\)?$/u.test(name)) return false;
  return numbersIn(name).every((n) => {
    const after = name.slice(n.index + n.text.length);
    // A time in minutes there is the point of a curve ("Glicose - 60 min   172 mg/dL"), no value.
    return /^\s*(?:[-–]\s*)?\p{L}{2,}/u.test(after) && (unitAtStart(after) === undefined || unitAtStart(after)!.unit === 'min');
  });
}

// Words that open a typed clause before the name ("só os leucócitos", "e a glicose", "mas o TSH").
const CLAUSE_OPENING = /^(?:(?:s[oó]|e|ah|mas|j[aá]|tamb[eé]m|a|o|as|os)\s+)+/iu;

// A minus glued to the digits after a space is the value's sign ("BE -6,8 mmol/L", a base excess typed
// without a colon), as numbersIn reads it.
const VALUE_START = /(?:(?:<=|≤|>=|≥|<|>)\s*|(?:inferior|superior)\s+a\s+|[-−](?=\d))?\d/giu;

const SEDIMENT_AMOUNT_LAST = new RegExp(String.raw`^([^:.]*?\S)\s((?:${SEDIMENT_AMOUNT})\.?\s*)$`, 'iu');

function firstValueAt(text: string): number {
  const tokens = numbersIn(text);
  // Digits in brackets or an equation's year name the analyte ("TFG estimada (CKD-EPI 2021) 62", its
  // name cell filling the column up to one space before the value): the value is the first number after.
  // So is a numbered kind ("URINA TIPO 1 (EAS)", "HSV tipo 2 IgG   0,4"): the kind's digit is the name's.
  // So is a tolerance test's load (LOAD_IN_NAME).
  const named = withoutBracketsAndYears(text)
    .replace(/(?<![\p{L}])tipo\s+\d(?!\d)/giu, (m) => ' '.repeat(m.length))
    .replace(LOAD_IN_NAME, (m) => ' '.repeat(m.length));
  for (const m of matchesOf(VALUE_START, named)) {
    const idx = m.index ?? 0;
    const digitAt = idx + m[0].length - 1;
    if (idx > 0 && !/[\s:=|]/.test(text[idx - 1]!)) continue;
    if (tokens.some((t) => t.index === digitAt)) return idx;
  }
  // A titre alone after the name ("VDRL 1/16"): the reactive result it quantifies.
  const titre = bareTitresIn(text)[0];
  if (titre && titre.at > 0) return titre.at;
  // Qualitative words after a name ("Anti-HCV Não reagente"). A reagent strip ("tira reagente", "fita
  // reagente", the dipstick a urine is tested with) names the method, no reactive result. A negative typed
  // short ("nitrito neg") only as the last word: elsewhere the letters may open another word.
  const q =
    /(?<!(?<![\p{L}])(?:tiras?|fitas?))\s(n[aã]o\s+reagente|reagente|negativ[oa]|positiv[oa]|ausentes?|presentes?|n[aã]o\s+detect[aá]vel|detect[aá]vel|indetect[aá]vel|neg(?=\.?\s*$))(?![\p{L}])/iu.exec(
      text,
    );
  if (q) return (q.index ?? 0) + 1;
  // So does a sediment's amount typed one space after its element ("leucocitos numerosos", "cilindros raros", a
  // grandson typing the urine exam into a family chat, h1927): as the line's last word, on a line of that name and
  // word alone (no colon, leader or column gap: "Bactérias ....: Numerosas   Ausentes ou raras" ends on its reference),
  // its name no word result ("Ausentes ou raras", a reference cell, names nothing).
  const amount = SEDIMENT_AMOUNT_LAST.exec(text.trim());
  if (!amount || /\s{2,}/.test(text.trim()) || /(?:^|\s)(?:ou|e|a|at[eé])$/iu.test(amount[1]!) || qualitativeAtStart(amount[1]!) !== undefined) return -1;
  return text.lastIndexOf(amount[2]!.trimEnd());
}

// A time's name ("Tempo de positividade") counts it in hours, a lower-case "h" after it (value.ts); the
// sample's own times (collection, fasting, transport: "Tempo de coleta .... 24 h", h444) are no result.
// Shared with the accounting pass, whose hour pattern has no `i` flag (its capital "H" is a flag): hence
// each letter in both cases.
const anyCase = (word: string) => word.replace(/\p{L}/gu, (c) => `[${c.toUpperCase()}${c}]`);
export const TIME_IN_HOURS_NAME = String.raw`${anyCase('tempo')}\b(?!\s+(?:${anyCase('de')}\s+)?(?:${['coleta', 'jejum', 'transporte', 'armazenamento'].map(anyCase).join('|')}))`;
const TIME_IN_HOURS = new RegExp(`^${TIME_IN_HOURS_NAME}`, 'u');

/** A smear's name: the Gram stain's ("Bacterioscopia (Gram)", "Bacterioscopia do frasco", "Coloração de Gram"). */
export const SMEAR_NAME = /^(?:bacterioscopia|colora[cç][aã]o\s+(?:de\s+)?gram)(?![\p{L}])/iu;

// A block's result label alone on its line, its value on the next ("Resultado" / "11,6 g/dL").
export const RESULT_LABEL_ALONE = /^\s*resultados?\s*:?\s*$/iu;

// A reference that says nothing should be found ("NEGATIVO", "Não reagente", "Ausentes").
export const NEGATIVE_REFERENCE = /^(?:n[aã]o\s+(?:reagente|reativo|detectad[oa]|detect[aá]vel)|negativ[oa]|ausentes?)[\s.]*$/iu;

/** Words alone on a line (no name the catalogue knows, no label) over a reference that says nothing should be found. */
export function findingOverNegativeReference(printed: string, next: string | undefined): boolean {
  // The app's warning mark after the finding, set apart by its gap ("Positivo (++)  ⚠", h1678), is no cell.
  const t = printed.replace(/(?:\s*\p{Extended_Pictographic}\uFE0F?)+\s*$/u, '');
  if (next === undefined || t.includes(':') || /\S\s{2,}\S/.test(t.trim()) || /^resultados?\b/iu.test(t.trim())) return false;
  if (bareNumbers(t) > 0 || wordResultText(t) === undefined || lookupName(cleanName(t))) return false;
  const { lead, rest } = stripReferenceLead(next);
  return lead && NEGATIVE_REFERENCE.test(rest.trim());
}
