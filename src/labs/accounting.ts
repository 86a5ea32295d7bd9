// The final accounting pass: why silence is structurally impossible.
//
// The line reader (parse.ts) decides what each line means by layout rules, and any rule can be
// wrong on a layout it never met: a value taken for a range bound, a second result on a line cut
// off as a comment column, a value under a line taken for a title, a word result with a word
// reference. This pass does not know layouts. For every line it takes every result-like token
//   - a number (signed, with thousands or decimals, glued to a unit or not),
//   - a qualitative result word standing where a result stands (first word of a cell),
//   - the words after a "Resultado:" label,
// and requires each to be accounted for as
//   (a) the value of an analyte read from that line,
//   (b) part of the reference, unit or name text of an analyte of the line, or, for a line that
//       made no analyte, of the record it sits in (the analytes of the nearest read lines before
//       and after it, or an analyte the line names: a reference table printed after the results),
//   (c) part of an administrative span by a narrow, explicit rule: dates, times, registration and
//       protocol numbers after their label (CRM, CNES, pedido, página…), the patient's age.
// A line with any token left over is listed in `unparsed_lines` verbatim, even when it also made
// analytes, so a person can check it. The pass only lists lines: it never makes or changes an analyte.
import { spokenNumbers } from './spoken-numbers.ts';
import { rtfLineAsText } from './rtf-text.ts';
import { datedResultColumnsAsRows } from './dated-result-columns.ts';
import { sampleDateColumnsBlanked } from './sample-date-columns.ts';
import { xmlTagsAsCells } from './xml-records.ts';
import { saidFindings } from './dictation.ts';
import { foldSameLength, isCatalogued, lookupName } from './analytes.ts';
import { NUMBER, numbersIn } from './numbers.ts';
import {
  ANALYSER_SPAN,
  SERIAL_NUMBER,
  labValueAt,
  BAROMETRIC_SETTING,
  BODY_MEASURE,
  analyserAfterSpecimen,
  ASSAY_LIMIT,
  CHAT_STAMP,
  CPF_NUMBER,
  cleanLine,
  cutAdminLabel,
  DATED_EARLIER_CELL,
  EARLIER_ASIDE,
  FINDING_WORD,
  isAdminLine,
  EVERY_INTERVAL,
  isBlockDetail,
  isSampleStampLine,
  isIdentifierUnderLabel,
  isPrescriptionLine,
  isCardStatus,
  isPortalTabs,
  isMethodLine,
  KEYCAP,
  MEDICATION_LEAD,
  messageFindingEnd,
  methodCellAt,
  PICTURE_CAPTION,
  PREVIOUS_LABEL,
  RECORD_TALLY,
  STREET_ADDRESS,
} from './lines.ts';
import {
  CITRATE_STRENGTH,
  CONTROL_LEAD,
  EQUATION_YEAR,
  PER_BODY_SURFACE,
  SMEAR_NAME,
  TIME_IN_HOURS_NAME,
  cleanName,
  findingOverNegativeReference,
  RESULT_LABEL_ALONE,
} from './piece.ts';
import {
  CITED_YEAR,
  detectionLimitBound,
  GRADE_NOTE,
  TIMES_LIMIT_NOTE,
  isCutRange,
  isReferenceLabel,
  isWhomLabel,
  isRelativeGoal,
  labelledRanges,
  numberBeforeBoundIn,
  PERCENTILE_RE,
  qualitativeReference,
  rangeSpans,
  REFERENCE_LEAD_WORDS,
  stripReferenceLead,
  withoutColonTitres,
  TITRE_WORD,
  bareTitresIn,
  titreOf,
  ZYGOSITY,
} from './reference.ts';
import { TICKED_BOX } from './checkboxes.ts';
import { spokenField } from './screen-reader.ts';
import { textFieldAsCells } from './json-records.ts';
import { commaTableAsCells } from './delimited.ts';
import { GLUCOSE_LOAD, HEADER_WORD, isCitationLine, isGradeLegend, NO_GROWTH_NOTE, sideBySideHeadings, wordsAfterLabel } from './line-kinds.ts';
import {
  COLUMN_HEADING,
  FINDING_SENTENCE,
  findingAfterLabel,
  resultWordsAfterLabel,
  ISOLATE_WITH_COUNT,
  isWordColumnName,
  isWordField,
  labelledFinding,
  PENDING,
  SEDIMENT_AMOUNT,
  SPELLED_SUSCEPTIBILITY,
  SUSCEPTIBILITY_WORD,
  TYPE_LABEL,
  WORD_FIELD_LABEL,
  wordResultText,
} from './word-results.ts';
import type { ParsedAnalyte, QualitativeAnalyte } from './result.ts';
import { UNIT_PATTERN, unitAtStart } from './units.ts';
import { VERDICT_WORD } from './value.ts';
import { matchesOf } from '../text/matches.ts';
import { resultCodeCells } from './result-codes.ts';

type Read = ParsedAnalyte | QualitativeAnalyte;

/** A line as the reader saw it: `text` is what was left after cleaning (markdown, previous-result columns). */
export interface AccountLine {
  index: number;
  raw: string;
  text: string;
  /** A comma-separated table's row, its fields set apart (`commaTableAsCells`). */
  fieldsApart?: boolean;
}

// A piece of a typed list between commas: a name of a few words, then its result word ("Anti HCV não reagente").
// "Tudo negativo" names no result ("nitrito positivo, o resto tudo negativo"), as in a clause (CLAUSE_NAME).
const COMMA_WORD_PIECE = /(?:^|,)\s*[\p{L}\d-]+(?: [\p{L}\d-]+){0,2}?(?<!(?:^|[^\p{L}])(?:tudo|tod[oa]s?))\s+((?:n[aã]o\s+)?\p{L}+)\s*(?=,|$)/gu;
// Result words (folded), "detectada" as "detectado" (a resistance gene's "Resistência à Rifampicina: NÃO DETECTADA").
// A urine's aspect with its degree ("Ligeiramente turvo", h1678) is a result too: without the degree, the line of such a
// result, were it lost, went unlisted.
// "Normal" heads a tier too ("Normal: inferior a 5,7 %"): a word followed by a
// colon is a label, never counted. A genotype's zygosity is its result (h1936's `Heterozigoto (C/T)`, were it lost).
const RESULT_WORD = new RegExp(
  String.raw`^(?:n[aã]o\s+reagente|fracamente\s+reagente|reagente|n[aã]o\s+detect[aá](?:vel|d[oa])|indetect[aá]vel|detect[aá](?:vel|d[oa])|negativ[oa]s?|positiv[oa]s?|ausentes?|presentes?|tra[cç]os|rar[oa]s?|numeros[oa]s?|escass[oa]s?|aumentad[oa]s?|abundantes?|l[ií]mpid[oa]|(?:ligeiramente\s+|levemente\s+|discretamente\s+|muito\s+)?turv[oa]|amarel[oa](?:\s+\p{L}+)?|citrino|incolor|inconclusiv[oa]|indeterminad[oa]|normal|sens[ií]vel|resistente|intermedi[aá]ri[oa]|suscet[ií]vel(?:\s+\p{L}+)?|${ZYGOSITY})(?![\p{L}])`,
  'iu',
);

const NOT_SEEN_CELL =
  /(?<=\p{L}\)?)(?:\s{2,}|\s*\|\s*)(n[aã]o\s+foram\s+(?:observad|encontrad|visualizad|detectad)[oa]s|aus[eê]ncia\s+de\s+crescimento(?:\s+bacteriano)?)(?![\p{L}])/giu;

// A cell of the capitals that name what was sought, then its words ("MTB não detectado   "): case-sensitive, so
// the letters are an abbreviation.
const SOUGHT_THEN_FINDING = /(?:\s{2,}|\|\s*)(\p{Lu}[\p{Lu}\d-]{1,5}) (\p{L}(?:\p{L}| (?! ))*)(?=\s{2,}|\s*\||\s*$)/gu;

// A finding closing a line after its name, one space apart, with a footnote's mark or nothing after it. A
// reagent strip ("URINA - FITA REAGENTE") names the method, no finding. An antibiogram's word spelled out
// too: a long antimicrobial's name may fill its column ("Sulfametoxazol/Trimetoprima Resistente"). A finding's presence
// too, typed in a chat ("esquizocitos presentes", h1858), and a sediment's amount ("leucocitos numerosos", h1927, which
// the reader takes as the element's result: piece.ts).
// A phone's copy of a PDF may join the word reference after it with one space too ("Coombs direto (teste da
// antiglobulina direta) POSITIVO Negativo"): the finding is still the name's result.
const WORD_REFERENCE_AFTER = String.raw`(?:n[aã]o\s+)?(?:reagente|reativo|detect[aá](?:vel|do))|indetect[aá]vel|negativ[oa]|ausentes?`;
const NAME_THEN_FINDING = new RegExp(
  String.raw`^\s*(\S.*?) (?<!\b(?:fitas?|tiras?|tudo|tod[oa]s?)\s)(${FINDING_WORD}|${SUSCEPTIBILITY_WORD}|presentes?|ausentes?|${SEDIMENT_AMOUNT})(?: (?:${WORD_REFERENCE_AFTER}))?(?:\s{2,}(?:\(\p{L}{1,2}\)|\*{1,3}))?\s*$`,
  'iu',
);
// A finding closing a clause of a typed list of results, mid-line: after a short name that opens the line or
// follows a colon, a comma, a ';', an "e" or a "que" (what a message says of it: "o lab escreveu q nitrito
// negativo e …"), and before the next result, a name and its number after a comma or an "e" ("a urina deu
// nitrito positivo e leucocitos 35 por campo", "urina tipo 1: nitrito negativo, leucócitos 12.000/ml"); or the
// list's last piece, after its comma or "e" ("leucócitos 4 p/c (até 5), nitrito negativo"); or a line's only result, its name opening the line, a remark in brackets after it ("beta hcg negativo (pedi
// pq atrasou)"). The name's result, though no cell break sets it apart. Prose goes on otherwise ("Nitrito
// positivo e leucocitúria.", "IgG reagente e IgM não reagente - perfil …"), and a strip names a method ("Tira
// reagente (leitura automatizada)"), and "tudo negativo" names no result ("a urina deu tudo negativo, só os
// leucocitos 12"), closing the list either ("proteínas 1+ e glicose 2+, o resto tudo negativo", h1879).
const CLAUSE_NAME = String.raw`\p{L}[\p{L}-]*(?: [\p{L}\d-]+){0,3}(?<!(?:^|[^\p{L}])(?:n[aã]o|fracamente|tiras?|fitas?|tudo|tod[oa]s?))`;
// The next piece's own finding in words, as a patient types it after "deu", maybe in quotes ("urina: glicose
// negativo, proteina deu "traços"", h1674): the list goes on with a result, so the piece before is one too.
// Only said so (after "deu", or in quotes) or "traços": "IgG reagente e IgM não reagente - perfil …" and "mãe O Rh
// positivo, RN A Rh positivo" are prose.
const NEXT_WORD_FINDING = String.raw`(?:(?:deu\s+["“']?|["“'])(?:${FINDING_WORD}|tra[cç]os|ausentes?|presentes?)|tra[cç]os)(?![\p{L}])`;
const CLAUSE_FINDING = [
  new RegExp(
    String.raw`(?:^|[:,;]|\s(?:e|que|q)(?=\s))\s*${CLAUSE_NAME} (${FINDING_WORD})(?=(?:\s*\([^()\d]*\))?\s*(?:,|\se)\s+\p{L}[\p{L}-]*(?: [\p{L}-]+){0,2}\s+(?:[<>]?\d|${NEXT_WORD_FINDING}))`,
    'giu',
  ),
  new RegExp(String.raw`(?:,|\se)\s+\p{L}[\p{L}-]*(?: [\p{L}\d-]+){0,2}(?<!(?:^|[^\p{L}])(?:n[aã]o|fracamente|tudo|tod[oa]s?)) (${FINDING_WORD})\s*$`, 'giu'),
  new RegExp(String.raw`^\s*${CLAUSE_NAME} (${FINDING_WORD})(?=\s*\()`, 'giu'),
];

// Narrow administrative spans. Each is explicit; nothing else on a line is administrative.
const NOT_WORD = String.raw`(?![\p{L}\d])`;
/** A footnote's mark opening its line ("(1) ", "Nota (1) - "): it names the note. */
const NOTE_MARK = /^\s*(?:nota\s*)?\(\d{1,2}\)(?:\s*[-–—]\s*|\s+)/iu;

// A result's name before its value in a history line, up to four words ("neutrófilos", "TGP", "ácido úrico"),
// within one cell: after a column gap a number is a cell of its own ("Resultado anterior: 12/05/2026 - Não
// detectável   48,9"), no earlier sample's.
const NAMED = String.raw`\p{L}[\p{L}\d.-]*(?: \p{L}[\p{L}\d.-]*){0,3}\s{1,2}(?!\s)`;
// One date's earlier results in a history line: each after its name but the first maybe, between dots or bars.
const DATED_ITEMS = String.raw`(?:${NAMED})?(?:[<>]\s*)?(?:${NUMBER})\s*(?:${UNIT_PATTERN})?(?:\s*[·|]\s*${NAMED}(?:[<>]\s*)?(?:${NUMBER})\s*(?:${UNIT_PATTERN})?)*`;

/**
 * A span's pattern, scanned only on a line that holds `word`: a word every match holds, found in one quick scan
 * where the pattern itself would try each place of the line (a look back to the line's start from every digit, a
 * space run before a label). Set on the patterns that cost most per line; three others that look back first now test
 * the character they start with before looking back. Every pattern's scan timed over the corpus's 51,187 lines with a
 * digit, twice (2026-12-05): 12,0 s in all before, 3,6 s after, the spans found the same on every line.
 */
interface Guarded {
  word: RegExp;
  span: RegExp;
}
const guarded = (word: RegExp, span: RegExp): Guarded => ({ word, span });

const ADMIN_SPANS: Array<RegExp | Guarded> = [
  // A chat bot's numbered option, its number a keycap emoji ("3️⃣ Falar com um atendente"): what the user may
  // type back, no value.
  new RegExp(String.raw`(?<=^\s*)${KEYCAP}`, 'gu'),
  // The number of a serial collection in a banner with its date ("=== COLETA 2 - 10/09/2025 06:05 ==="): which
  // sample, no value.
  // So is its count in an inpatient LIS's banner (">>> COLETA 1 de 3 | 14/03/2025 05:40 | Amostra …", its bars
  // read as column gaps).
  /(?<=^[\s=*#>-]*)coleta\s+\d{1,2}(?:\s+de\s+\d{1,2})?(?=\s*[-–—:|]?\s*\d{1,2}\/\d{1,2})/giu,
  // The number of a sample in a field of its own, another field after it ("Amostra: 2   Material Biológico: Soro   Data
  // da Coleta: …", a public health lab's report of several samples): which sample, no value.
  /(?<![\p{L}])amostra\s*:\s*\d{1,3}(?![\d.,])(?=\s{3,}\p{L}[^:\d]{0,30}:)/giu,
  // … or before the colon that names the sample ("Amostra 1: Soro — coleta 24/09/2026", a public health lab's list).
  // Only before a specimen's name: after "Amostra 1:" a finding is that sample's result ("Amostra 1: Presença de
  // cistos de Giardia lamblia", a stool exam's samples, h405), its number the sample's place, still accounted.
  /(?<![\p{L}])amostra\s+\d{1,2}(?=\s*:\s*(?:soro|plasma|sangue|urina|fezes|lcr|l[ií]quor|swab|escarro|secre[cç][aã]o|aspirado|l[ií]quido|lavado)(?![\p{L}]))/giu,
  // A real-time PCR's cycle threshold in a note under its finding ("Resultado: Detectável" / "Observação: Ct 24,6 (alvo
  // E1)"): the cycle the target was detected at, the run's reading behind the finding, no result of its own. Printed
  // "Ct" or "Cq", case-sensitive: a typed "CT 198" is a total cholesterol.
  /(?<![\p{L}])(?:Ct|Cq)\s*[:=]?\s*\d{1,2}(?:[.,]\d{1,2})?(?![\d.,]|\s*(?:mg|g\/|%|mmol))/gu,
  // A patient's triage colour after its label ("Classificação de risco: amarelo", an emergency unit's header): the
  // urgency, no urine's colour.
  /(?<![\p{L}])classifica[cç][aã]o\s+de\s+risco\s*:?\s*\p{L}+/giu,
  // Where a test was done, a room's number in its name ("Local: Sala de aconselhamento 2", a testing service's
  // form): no value.
  /(?<![\p{L}])local(?:\s+d[aoe]\s+\p{L}+)?\s*:[^\d\n:]{0,40}?(?<![\d.,])\d{1,3}(?![\d.,])(?=\s*$|\s{3,})/giu,
  // A health unit's name in capitals before its CNES in the cell after it ("CSC 403 NORTE - DR. ANTÔNIO …   CNES:
  // 6512836", a primary care record's letterhead): a block's or street's number in the unit's name, no value.
  // The unit's name may be in any case, its CNES after a dash, its number a Rio planning area's ("UBS 5 Ceilândia -
  // CNES 0010871", "LABORATORIO CENTRAL MUNICIPAL - AP 3.3 - MADUREIRA   CNES 2270591", h1621, h1609); never a
  // number with a unit after it, a result's.
  new RegExp(
    String.raw`^\s*(?:[\p{L}\s.\-–/]|(?<![\d.,])\d{1,4}(?:\.\d)?(?![\d.,])(?!\s*(?:${UNIT_PATTERN})(?![\p{L}])))+(?=(?:\s{3,}|\s[-–]\s)(?:CNES|CNPJ)\b)`,
    'gu',
  ),
  // An app's count of the results it lists ("Exibindo 24 resultados · Coleta em 05/06/2024", h1657): how many, no value.
  /(?<![\p{L}])(?:exibindo|mostrando|listando)\s+\d{1,3}(?:\s+de\s+\d{1,3})?\s+(?:resultados?|exames?|itens|registros)(?![\p{L}])/giu,
  // A legal act by its number and year ("conforme MP 2.200-2/2001", "Lei nº 13.709/2018"): a law's, no value.
  /(?<![\p{L}])(?:mp|medida\s+provis[oó]ria|lei|decreto|portaria|resolu[cç][aã]o|rdc)\s*(?:n[º°o.]*\s*)?\d[\d.]*(?:-\d+)?\/\d{2,4}(?!\d)/giu,
  // How many samples an exam took, ending its title ("PARASITOLÓGICO DE FEZES - 3 AMOSTRAS", a release stamp
  // after it at most, or its methods in brackets: "(métodos de Hoffman, Faust e Rugai)"): no value. Not where the
  // title goes on ("(3 amostras - Hoffman/Faust)   Ovos de …"): that line is listed when its finding is not read,
  // and the count is what lists it. One sample too, with the methods after a dash ("PARASITOLÓGICO DE FEZES - 1
  // amostra - Métodos: Hoffman, …").
  /(?<![\p{L}\d.,])\d{1,2}\s+amostras(?=[\s)\]*_]*(?:$|liberad[oa]\s+em\b|\([^()\d]*\)\s*$))|(?<![\p{L}\d.,])\d{1,2}\s+amostras?(?=\s[-–—]\s+(?:m[eé]todos?|metodologia)\s*:)/giu,
  // A bed given with its ward and a slash ("Leito: UTI-2 / 07"): where the patient lies, no value.
  /(?<![\p{L}])leito\s*:?\s*\p{L}{2,5}-?\d{1,2}\s*\/\s*\d{1,3}(?![\d,])/giu,
  // An intensive care unit's number ("Unidade de Terapia Intensiva Adulto 2", "CTI 3"), or a ward's
  // ("Enfermaria Clínica 2"): which ward, no value.
  // So is an outpatient clinic's ("Retorno agendado: 23/06/2025, 07h30, Ambulatório 3"), where an appointment is.
  /(?<![\p{L}])(?:uti|cti|unidade\s+de\s+terapia\s+intensiva|enfermaria|ambulat[oó]rio|consult[oó]rio)(?:\s+(?:adult[oa]|pedi[aá]tric[oa]|neonatal|coronariana|cl[ií]nica|cir[uú]rgica|m[eé]dica|obst[eé]trica|feminina|masculina|geral))?\s+\d{1,2}(?![\d.,]|\s*(?:mg|g|mm|ml|%|u\/))/giu,
  // Which container of a 24-hour collection, in brackets after its preservative ("Conservante: HCl 6N (frasco 1) /
  // sem conservante (frasco 2)"): a bottle's number, no value.
  /\(\s*frascos?\s*(?:n[º°]\s*)?\d{1,2}\s*\)/giu,
  // A hospital record number after "HC", in dotted groups with its check digit ("HC: 1.774.038-2", beside the
  // patient's name or the hospital's): an identifier, its shape no value's.
  /(?<![\p{L}\d])HC\s*:?\s*\d{1,3}(?:\.\d{3})+-\d(?![\d.,])/gu,
  // A ward's size in beds, in brackets after its name in a letterhead ("UTI ADULTO II (10 leitos)"): the unit's
  // capacity, no value.
  /\(\s*\d{1,4}\s+leitos\s*\)/giu,
  // An acute kidney injury's stage in a diagnosis ("LRA KDIGO 2"): a classification, no value.
  /(?<![\p{L}])kdigo\s+[1-3](?![\d.,])/giu,
  // … and a chronic kidney disease's stage after its name ("LINHA DE CUIDADO DRC ESTÁGIO 4", "DRC estágio 3b").
  /(?<![\p{L}])(?:drc|doen[cç]a\s+renal\s+cr[oô]nica)\s+(?:est[aá]gio|est[aá]dio)\s*[1-5][ab]?(?![\p{L}\d]|[.,]\d)/giu,
  // A sum of money ("pagar coparticipação R$ 38,50", a patient's to-do list): a price, no value.
  /R\$\s*\d[\d.]*(?:,\d{1,2})?(?!\d)/gu,
  // The days of symptoms at collection a notification form asks for ("Dias de sintomas na coleta: 4", a LACEN's GAL
  // printout, h1794): the patient's history, no value.
  /(?<![\p{L}])dias\s+de\s+sintomas(?:\s+(?:na|at[eé]\s+a)\s+coleta)?\s*:?\s*\d{1,3}(?![\d,.])/giu,
  // Dates and times (a titre "1:16" after título/reagente is not a time: it is excluded below).
  /(?<!\d)\d{1,2}\/\d{1,2}\/\d{2,4}(?!\d)/g,
  // Days of one month listed before the date that prints it once, the last after "e" ("coletas de 17, 18 e
  // 19/11/2026", three samples of stool), or the first of a span ("05 a 07/05/2025 (fezes)", h1925): dates too. A
  // decimal comma has no space after it.
  /(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])(?:,\s+(?:0?[1-9]|[12]\d|3[01]))*\s+(?:e|a|at[eé])\s+(?=\d{1,2}\/\d{1,2}\/\d{2,4}(?!\d))/giu,
  /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g,
  // A day and month without the year before a time ("18/03 10:21"): when a hospital system released the result.
  /(?<![\d/.,])\d{1,2}\/\d{1,2}(?=\s+\d{1,2}:\d{2}(?!\d))/g,
  // A date with the month in words, as an e-mail header prints it ("23 de ago. de 2024", "5 de março de 2025").
  /(?<![\d.,])\d{1,2}\s+de\s+(?:jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|dez)\p{L}*\.?\s+(?:de\s+)?\d{4}(?!\d)/giu,
  /(?<![\d:/])\d{1,2}[:h]\d{2}(?::\d{2})?(?![\d/])/g,
  // Registrations and identifiers after their label: "CRM/SP 123456", "CNES: 2077485", "Pedido nº 88123",
  // a specialist's registration after the doctor's CRM ("CRM-PR 38.440 - RQE 27.105"), a digit a PDF's
  // text layer or a transcription could not decode ("CRF-MT 2.8�6", "CRF-SC 7.2[?]4"),
  // "Cartão SUS: 706 1234 5678 9012", "Leito 12", a dialysis shift and machine ("Turno: 2º", "Máquina: 07"), "Posto: 03", "Carteira 0092 8815", "(ESF equipe 03)", "(ESF 03)",
  // a regional council's "CRBM 5ª Região 7.412" or "CRBio 5 - 071.448/05-D", a digit a transcription could not read ("CRF-MT 3.1?8"),
  // a health plan's "Senha de autorização" (the guia's authorisation, longer than the 16 characters a label may run to);
  // a lab's call centre by its phone ("fale com a nossa Central: 4004-7700"), only before a phone's eight digits;
  // a protocol, an order or a patient record abbreviated "Prot. 118-2041", "Ped.: 31.004.872", "Pac.: 0452219" or after the full label ("Paciente....: 0004418827"), the report's "Versão do laudo: 1", the lab system's name and version ("SISTEMA LABHOS 5.2", "Sistema: LabHosp 5", "LIS LabPlus 3"). The label and its number never span a bracket or a
  // ";" (only an area code opens one: "Tel. (71) 3344-9810"; a fax transmission line's "FAX +55 67 3384-1150"),
  // save a bracket of letters that names the form ("Requisição SUS (BPA-I): 44019", a SUS billing form's);
  // a sample's number in thousands groups after the request's collection stamp ("Amostra 7.412.339"):
  // in "… carimbo do CNES   (repetido: 48,7)" the number is a value, not the registration of a label
  // printed without one. Nor a column break before a word: "… do CNES.*   Ureia 48,7" is a result cell;
  // nor a number with a decimal comma, which no identifier has ("… com o código   12,5" is a value);
  // nor a full stop or an empty field's dash before a column break: in "… do CNES.*   48,7" and "Leito   :
  // ---   48,7" the number is a cell of its own. Only a number printed in groups of up to four plain
  // digits goes on past a space ("706 1234 5678 9012", "(71) 3344-9810", "CRBM-5 08121", "CRM 77 410",
  // "Leito: UTI-2 08"), up to its first group with dots, a dash or five digits and more: after such a
  // whole identifier ("CRF-RJ 17.336 48", "Código: 33.418.207-2 48", "CNES 2077485 487", "Fone (51)
  // 3320-3000 48") a number is no part of it. A council's region may come with its state before the number
  // ("CRBM-1 MT 33.915").
  // An occupational certificate's company activity code (CNAE 15.31-9-01) and occupation code (CBO 7641-20), and
  // a hospital admission's authorisation number (AIH 3125100638417), too, even cut by the page's margin after a
  // space its print kept ("(AIH 3125102 87…)", h1671). A pharmacy's Anvisa operating permit (AFE 1.09.664-3, h1691) is
  // one of these. So is a ward's number before
  // the bed's ("ENF. 03 LEITO 12B"), and a dialysis room's ("Sala: 2 - máquina 11"). Identifiers a label
  // lists after slashes, each system's own ("Requisições: SISCEL 2507-0318 / LAB 772104", h1081), are one group.
  // A report's own number after its label ("Laudo: 5120-0093317", in a page's running footer) too.
  // A wide LIS header's sequence of the sample in the visit ("SEQ: 04") and the patient's registration abbreviated
  // ("MATR.: 11.508-2"); a pharmacy's sanitary licence after its CNPJ and CNES ("Autorização ANVISA/VISA
  // 2301.447.19", "Alvará 1187/2024").
  // Several samples' numbers after the plural ("Amostras 1605-0417 / 1605-0418", a ward's release line, h1403) too.
  // A state health department's registration of the patient ("SES: 0038.221.774", a public hospital's record) too,
  // and a cancer hospital's record number ("RH 26.004.918", h1589, or undotted, "RH: 0441927", h1646): never the Rh
  // factor, which is no number of five digits or more; and a day-clinic's chair ("Poltrona 11", h1648).
  // A regional council's number may follow its region's digit glued to it ("CRBM5 4471", h1637).
  // A Spanish-speaking lab's professional registration abbreviated ("Bioquímica - R.P. 2.847", h1730) too.
  // A ward's admission number after its label and colon ("Internação: 25004412", a hospital LIS's patient line, h1768).
  new RegExp(
    String.raw`(?<![\p{L}\d])(?:crm|creme[a-z]{1,3}|crfa|crf|crbm\d{0,2}|crbio\d{0,2}|coren|rqe|cnes|cns|cnpj|cnae|cbo|aih|cpf|rg|cep|apac|protocolo|prot\.(?=\s*:?\s*\d)|ped\.?(?=\s*:?\s*\d)|pac(?:\.(?=\s*:?\s*\d)|(?=\s*:\s*\d))|paciente(?=[.\s]*:?\s*\d)|pedido|req|requisi[cç](?:[aã]o|[oõ]es)|solicita[cç][aã]o(?=\s*:?\s*\d)|atend(?:imento)?\.?|interna[cç][aã]o(?=\s*:\s*\d)|o\.s\.?|os(?=\s*[:nº°#])|ordem(?:\s+de\s+servi[cç]o)?|pront|prontu[aá]rio|reg|registro|r\.\s?p\.(?=\s*(?:n[º°o]\.?\s*)?\d)|rh(?=\s*:?\s*(?:\d{1,3}(?:\.\d{3}){2,}|\d{5,})(?![\d,]))|c[oó]d(?:igo)?|ficha|laudo(?=\s*(?:n[º°]\s*)?:?\s*\d)|senha(?:\s+de\s+autoriza[cç][aã]o)?|cart[aã]o(?:\s+sus|\s+nacional\s+de\s+sa[uú]de)?|notifica[cç][aã]o|sinan|sis(?:prenatal|can|col|mam|reg|cel|loglab|pni)|boletim|lote|n[º°]|no\.|n[uú]mero|central(?=\s*:?\s*(?:\(\d{2}\)\s*)?\d{4}[-\s]?\d{4}(?!\d))|tel(?:efone)?|fone|fax|ramal|sac|ouvidoria|disque(?:\s+sa[uú]de)?|whatsapp|celular|leito|quarto|poltrona|enf(?:ermaria)?\.?(?=\s*:?\s*\d)|box|sala|turno|m[aá]quina|posto(?:\s+de\s+coleta)?|equipe|esf|ine|micro[aá]rea|cadastro|ses(?=\s*:\s*\d)|matr(?:[ií]cula|\.)|seq(?:u[eê]ncia)?\.?(?=\s*:?\s*\d{1,4}(?![\d.,]))|anvisa|visa|afe|alvar[aá]|id|guia|carteir(?:inha|a)|etiqueta|amostra\s+n[º°]|amostras?(?=\s*:?\s*(?:\d{5,}|\d+-\d+|\d{1,3}(?:\.\d{3}){2,}(?![\d,])))|vers[aã]o(?:\s+do\s+laudo)?(?=\s*:?\s*\d)|sistema(?=\s*:?\s+[\p{L}-]+\s+(?:v\.?\s*)?\d)|lis(?=\s+[\p{L}-]+\s+(?:v\.?\s*)?\d)|sist\.(?=\s*[\p{L}-]+\s+(?:v\.?\s*)?\d))${NOT_WORD}(?:(?!\s{2,}\p{L}|[.*_—–-]\s{2,})(?:[^\d\n(\[;]|\([\p{L}\s-]{1,12}\))){0,16}\(?(?:\d{1,2}\s*(?:[ªº]\s*(?:regi[aã]o\s*)?|[-–]\s*(?=\d))|\d{1,2}\s+\(?\p{L}{2}\)?\s+(?=\d))?(?:\d{1,4}\)?(?:\s\d{1,4}(?![\d./-]))*\s\d[\d./?\uFFFD-]*|\d(?:[\d./?\uFFFD-]|\[(?:ileg[ií]vel|\?)\](?=\d)|\((?:ileg[ií]vel|\?)\)(?=\d))*(?:\s\d{1,6}(?=…))?)(?!\d|,\d)(?:\s*\/\s*(?:\p{L}{2,10}\s+)?\d[\d./-]*(?!\d|,\d))*`,
    'giu',
  ),
  // What a blood-gas analyser is told about the sample, printed in the section's title or a note ("GASOMETRIA
  // ARTERIAL (FiO2 21% / T 37,2 °C)", "Temp. pac.: 38,1 °C"): the oxygen the patient breathed and the body
  // temperature, settings of the run and never a measured result; so is the temperature an enzyme is assayed
  // or a culture incubated at ("(U/L, 37 °C)", "incubação a 35 °C"). No lab result is in degrees Celsius.
  // A ratio to it is a result ("Relação pO2/FiO2: 178"): only the FiO2 that no ratio's slash precedes.
  /(?<![\p{L}\d])(?<!o2(?:\s*\([a-z]\))?\s*\/\s*)(?:fi\s?o2|f\s?o2\s*\(\s*i\s*\))\s*[:=]?\s*\d+(?:[.,]\d+)?\s*%?(?![\d.,])/giu,
  /(?<![\d.,])\d+(?:[.,]\d+)?\s*[°º]\s*c(?![\p{L}\d])/giu,
  // An analyser's serial number beside its model ("RAPIDPoint 500e      SN: 21873", h1861).
  new RegExp(SERIAL_NUMBER, 'giu'),
  // The barometric pressure an analyser is set to ("Pressao barom.    707       mmHg", h1861): the room's, no result.
  new RegExp(String.raw`(?<![\p{L}])${BAROMETRIC_SETTING}`, 'giu'),
  // The volume of the calibrated loop a urine culture was streaked with ("semeadura com alça calibrada (0,001 mL)",
  // "alça de 10 µL", h1736): how the sample was plated, as its incubation is; the colony count is the result.
  /(?<![\p{L}])al[çc]a\s+(?:calibrada\s+)?(?:de\s+)?\(?\s*\d+(?:[.,]\d+)?\s*(?:ml|[µμu]l)\s*\)?(?![\p{L}])/giu,
  // How many microscope fields were examined ("não foram visualizadas formas parasitárias em 100 campos",
  // "examinados 200 campos"): the extent of the search, no count found. A count per field is a result
  // ("3 por campo", "5 p/campo") and is not matched.
  // The count may come first, the participle after it ("Giemsa — 100 campos examinados").
  /(?<![\p{L}])(?:em|nos|de|examinad[oa]s|analisad[oa]s)\s+\d{2,3}\s+campos(?![\p{L}])|(?<![\p{L}\d.,])\d{2,3}\s+campos\s+(?:examinad|analisad)[oa]s(?![\p{L}])/giu,
  // A dot-matrix printer named in a LIS footer, its model and its width in columns ("IMPRESSORA: EPSON LX-350 (132
  // COL.)"), up to the next field after a dash or a column gap: the machine that printed, no value.
  /(?<![\p{L}])impressora\s*:[^:]*?(?=\s+[-–—|]\s+|\s{3,}|$)/giu,
  // A voice message's number in a transcript of several ("🎤 Áudio 1 – 29/05/2025 19:32 – 1:14", its date, time and
  // length after it): which message, no value.
  /(?<![\p{L}])(?:[aá]udio|mensagem\s+de\s+voz)\s*(?:n[º°]\s*)?\d{1,2}(?=\s*(?:[-–—|]\s*\d{1,2}\/\d{1,2}|\(\s*\d{1,2}:\d{2}\s*\)|:?\s*$))/giu,
  // A tally of the records, exams or procedures a report holds ("Total de registros: 33", "Total de exames: 12").
  new RegExp(RECORD_TALLY, 'giu'),
  // A program's version in three dotted parts or more ("PEP 4.2.7" in a health record's banner, h1523): a release of
  // the software. A number's dots group thousands by three ("1.234.567"), so a part of one or two digits after a dot
  // is no number's.
  /(?<![\p{L}\d.,])v?(?!\d{1,3}(?:\.\d{3})+(?![\d.,]))\d{1,3}(?:\.\d{1,3}){2,}(?![\d.,])/giu,
  // A CPF in its printed shape, with or without its label ("… por usuário 412.388.xxx-xx", an export's comment).
  new RegExp(CPF_NUMBER, 'giu'),
  // A phone's status bar atop a screen copied from an app ("9:41 ◀ WhatsApp   4G 62%", "11:42 🔋 62%"): the clock, the
  // network and the battery's charge, no value; a cell after them is counted.
  /^\s*\d{1,2}:\d{2}\b[^\d]*?(?:\b(?:[345]G|LTE|wi-?fi)\b|🔋)(?:[\s▮▯|]*\d{1,3}\s*%)?/giu,
  // How many of the order's exams are out ("Status: 9 de 10 exames liberados"): the order's progress.
  /(?<![\d.,])\d{1,3}\s+de\s+\d{1,3}\s+(?:exames?|resultados?)(?:\s+(?:liberad|pront|dispon[ií]ve|conclu[ií]d)\p{L}*)?/giu,
  // The International Sensitivity Index of a prothrombin time's reagent, on its method line ("ISI do
  // reagente: 1,02"): the thromboplastin's, no value of the patient.
  /(?<![\p{L}])ISI(?:\s+d[oa]\s+(?:reagente|tromboplastina|lote))?\s*[:=]?\s*\d(?:[.,]\d{1,3})?(?![\d,])/gu,
  // A file's name, an e-mail's attachment ("[Anexo: Laudo_26042-0981.pdf]"): its digits name the file.
  // Tried from a word's start only: from every letter it cost ~90 ms a parse of a 100 kB report.
  guarded(/\.(?:pdf|jpe?g|png|docx?|xlsx?|txt|zip)/i, /(?<![\p{L}\d_-])[\p{L}\d_-]*\d[\p{L}\d_-]*\.(?:pdf|jpe?g|png|docx?|xlsx?|txt|zip)(?![\p{L}\d])/giu),
  // A chemotherapy cycle and its day in a treatment's header ("Protocolo: FOLFOX - ciclo 5 D1", "C3D8", "ciclo
  // 2 dia 15"): which dose the sample precedes, no result. A menstrual cycle's day is printed after a colon
  // or before the word ("Dia do ciclo: 5", "5º dia do ciclo") and is not matched.
  // Which cycle of how many ("ciclo 3 de 4 - D1 previsto …", h1439) too.
  // Never a number after a column gap or with a decimal ("… 4º dia do ciclo   48,7"): that is a cell of its own.
  /(?<![\p{L}\d])(?:ciclo\s{1,2}\d{1,2}(?:\s+de\s+\d{1,2})?(?:\s*[,/-]?\s*(?:d|dia)\s*\d{1,2})?|c\d{1,2}\s*d\d{1,2})(?![\p{L}\d]|[.,]\d)/giu,
  // A newborn's birth weight in the patient's line ("RN a termo (39 semanas), PN 3.240 g", "Peso ao nascer: 2.950 g"):
  // who the patient is, what its ranges by birth weight are read from (patient.ts), no result.
  /(?<![\p{L}])(?:pn|peso\s+(?:ao\s+|de\s+)?nasc(?:er|imento))\s*:?\s*\d[\d.,]*\s*(?:g|kg|gramas)(?![\p{L}])/giu,
  // A dose with its daily schedule, morning, noon and night ("Carbonato de lítio 300 mg 1-1-1", "500 mg 1-0-1", a
  // prescription noted on a report): given, not measured; the name may be a catalogued level's.
  /(?<![\p{L}\d.,])\d[\d.,]*\s*(?:mg|mcg|µg|g|ui|ml|gotas?)\s+[0-4](?:\/[24])?-[0-4](?:\/[24])?-[0-4](?:\/[24])?(?:-[0-4])?(?![\d.,-])/giu,
  // A hospital floor beside the ward ("CLINICA MEDICA - 2 ANDAR", "3º andar"): where the patient lies.
  /(?<![\d.,])\d{1,2}\s*[ºo°]?\s*andar(?![\p{L}])/giu,
  // A character quoted as itself ('"0" no lugar de "O"', a transcriber's note on what it may have misread).
  /(?<=["“])\d(?=["”])/gu,
  // A dialysis session's dialyser by its membrane's area ("Dialisador: 1,8 m²", in a dialysis clinic's
  // header beside the patient's record and shift): the filter used, no value of the patient.
  /(?<![\p{L}])dialisador(?:\s+\p{L}+)?\s*:?\s*(?:[\p{L}-]+\s+)?\d{1,2}(?:[.,]\d{1,2})?\s*m(?:²|2)(?![\p{L}\d])/giu,
  // A toll-free number ("0800 281 4490", "0800-722-1010"), wherever a line prints it ("Central do
  // beneficiário 0800 …"): a telephone, with or without a label before it.
  /(?<![\d.,])0800[-\s]?\d{3}[-\s]?\d{4}(?![\d,])/gu,
  // A health plan's card number in single-spaced groups, its check digit last ("Carteira: 0 032
  // 000418775213 6"): one identifier up to a column break, however its groups are printed.
  /(?<![\p{L}])(?:carteir(?:inha|a)|cart[aã]o(?:\s+do\s+benefici[aá]rio)?)\s*(?:n[º°]\s*)?:?\s*\d+(?: \d+)+(?![\d.,])(?=\s{2,}|\s*$)/giu,
  // An address by sector, block and lot (Brasília's "SHLS 716, Bloco F", "SGAS 914, conj. C", "Quadra 12, Lote 4", "Sala
  // 302"): the number before such a part, or after it, places a building; a result is never followed by one.
  // Abbreviated too, and with the next part after a comma ("Qd. 12, Lt. 4", "Lj 03").
  /(?<![\p{L}\d])\d+[a-z]?\s*,\s*(?=(?:quadra|qd\.?|bloco|bl\.?|lote|lt\.?|conjunto|conj\.?|cj\.?|sala|loja|lj\.?|andar)(?![\p{L}]))|(?<![\p{L}\d])(?:quadra|qd\.?|bloco|conjunto|conj\.?|sala|loja|lj\.?|lote|lt\.?)\s?\d+[a-z]?(?!\d|[.,]\d)/giu,
  // A page mark, as a translated page prints it too with the count of pages ("Page 2 de 2", h1753).
  /(?<![\p{L}\d])(?:p[aá]g(?:ina)?\.?\s*:?\s*\d+(?:\s*(?:de|\/)\s*\d+)?|page\s*\d+\s*(?:de|of|\/)\s*\d+)/giu,
  /(?<![\p{L}\d])folha\s*:?\s*\d+(?:\s*(?:de|\/)\s*\d+)?/giu,
  // A web address with its path and query ("no portal <https://portal.labvale.com.br/?p=884-20931>", h1417): a
  // link's digits, no value.
  /(?:https?:\/\/|www\.)[^\s<>"]+/giu,
  // … and one printed without its scheme, the domain first ("Verificação: moinhoslab.com.br/v/7781-2210", h1809).
  guarded(/\.(?:com|org|net|gov|edu)\b/i, /(?<![\p{L}\d@.-])[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|org|net|gov|edu)(?:\.br)?(?:\/[^\s<>"]*)?/giu),
  // How a PDF's password is made, from the patient's documents ("os 4 primeiros dígitos do seu CPF", a lab's e-mail,
  // h1835): a count of digits, no value.
  /(?<![\p{L}\d])\d{1,2}\s+(?:primeiros|[uú]ltimos)\s+(?:d[ií]gitos|n[uú]meros|caracteres)(?![\p{L}])/giu,
  // How many columns a page is set in ("LAUDO COMPACTO (2 colunas)", h1801): the layout's, no value.
  /(?<![\p{L}\d])\d\s+colunas(?![\p{L}])/giu,
  // A lab system's name in mixed case and its version after the word "Sistema" ("Sistema LabWin Hospitalar 5.2 -
  // Exportação de resultados", a CSV export's first line, h1832): the software's release, no value.
  /(?<![\p{L}])(?:[Ss]istema|SISTEMA|[Ss]oftware|SOFTWARE)\s+(?:\p{Lu}[\p{L}-]*\s+){1,3}v?\.?\s*\d{1,2}\.\d{1,3}(?:\.\d{1,3})?(?![\d,])/gu,
  // A web service's answer, a status code with its reason phrase ("Status RNDS: 201 Created", a FHIR sending
  // log, h1585): the transport's, no value. Case-sensitive, as the protocol writes it.
  /(?<![\p{L}\d.,])[1-5]\d{2}\s+(?:OK|Created|Accepted|No Content|Bad Request|Unauthorized|Forbidden|Not Found|Conflict|Unprocessable (?:Entity|Content)|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)(?![\p{L}])/gu,
  // A quality control's level beside the run it approved ("CQ nível 2: 08/11/2024 22:15 - aprovado", a blood-gas
  // analyser's ticket, h1405): which control, no value of the patient.
  /(?<![\p{L}])(?:cq|controle\s+(?:de\s+)?qualidade)\s+(?:n[ií]vel\s*)?\d(?![\d.,])/giu,
  // A note's own number at the start of its line ("Nota 2 - A 25-hidroxivitamina D de … não foi solicitada", h1425):
  // which note, no value.
  /(?<=^[\s*>#-]*)nota\s+\d{1,2}(?=\s*[-–—:.)])/giu,
  // The last dose of a drug whose level is measured, in brackets after its time ("Última dose de tacrolimo:
  // 29/05/2025 20:00 (4 mg)", a transplant clinic's form, h1435): given, not measured.
  /(?<![\p{L}])(?:[uú]ltima\s+)?dose\b[^;|()]{0,60}\(\s*\d[\d.,]*\s*(?:mg|mcg|µg|g|ui|ml)\s*\)/giu,
  // … and a dose given before the sample, in brackets after what was given ("pós-protamina (dose 300 mg)", h1584).
  /\(\s*dose\s*:?\s*\d[\d.,]*\s*(?:mg|mcg|µg|g|ui|ml)\s*\)/giu,
  // Weeks of pregnancy in brackets after the trimester on the patient's line ("Gestante: Sim - 2º trimestre (19 sem)",
  // h1438): who the patient is (patient.ts reads the weeks), no result.
  /(?<![\p{L}])gestante\s*:[^;|]{0,40}?\(\s*\d{1,2}\s*(?:sem(?:anas)?|s)\s*\)/giu,
  // A hospital record ("RH: 1.203.557", registro hospitalar, beside the patient's name, h1439): an identifier. Only
  // before digits: the Rh factor is a word result ("Fator Rh: Positivo").
  // Its first group may run to four digits ("RH: 0419.227", h1502).
  /(?<![\p{L}])RH\s*:\s*\d{1,4}(?:\.\d{3})+(?![\d,])/gu,
  // A city's numbered zone naming a lab's unit or a district ("UNIDADE ZONA 7", Maringá's districts are numbered,
  // h1487): a place, no value. An inhibition zone is measured in mm and is not matched.
  /(?<![\p{L}])zona\s+\d{1,2}(?![\d.,]|\s*mm(?![\p{L}]))/giu,
  // A blood bag's label in a transfusion service's report ("Bolsa nº 25.0413.0098-2   CH   A POS   Vol. 282 mL",
  // h1494): the bag's number and the volume of the component it holds, no value of the patient.
  /(?<![\p{L}])bolsa\s*(?:n[º°o.]*\s*)?:?\s*\d[\d.\/-]*(?:[^\d\n]{0,40}?(?<![\p{L}])vol(?:ume)?\.?\s*:?\s*\d+(?:[.,]\d+)?\s*ml(?![\p{L}]))?/giu,
  // Blood units given in a transfusion, in a note on why the sample was taken ("controle após furosemida + transfusão
  // de 1 CH às 10:15", h1523): a treatment's dose, no value of the patient.
  /(?<![\p{L}])transfus[aã]o\s+de\s+\d{1,2}\s*(?:CH|CHAD|CP|PFC|crio(?:precipitado)?|concentrados?\s+de\s+(?:hem[aá]cias|plaquetas)|bolsas?|unidades?)(?![\p{L}])/giu,
  // The software a print stamp names with its version, after the moment of printing ("Impresso em 31/05/2025 09:52 -
  // SHTWeb 3.1 - …", h1494): the program, no value.
  /(?<=(?<![\p{L}])(?:impresso|emitido|gerado)\s+em\s+\d{1,2}\/\d{1,2}\/\d{2,4}(?:\s+(?:[àa]s\s+)?\d{1,2}:\d{2}(?::\d{2})?)?\s*[-–—|]\s*)\p{L}[\p{L}\d-]*\s+v?\.?\s*\d+(?:\.\d+)+(?![\d,])/giu,
  // The terminal a print stamp names after the moment of printing ("IMPRESSO EM 13/06/2025 09:12 - TERMINAL UBS ITAUM
  // 02", h1669): the workstation, no value.
  /(?<=(?<![\p{L}])(?:impresso|emitido|gerado)\s+em\s+\d{1,2}\/\d{1,2}\/\d{2,4}(?:\s+(?:[àa]s\s+)?\d{1,2}:\d{2}(?::\d{2})?)?\s*[-–—|]\s*)terminal(?:\s+[\p{L}\d-]+){0,4}?\s+\d{1,3}(?![\d,.])/giu,
  // A source cited after its label once a sentence has ended, up to the line's end, its only numbers years
  // ("… (ver IG acima). Fonte: Abbassi-Ghanavati et al., Obstet Gynecol 2009; Febrasgo 2019.", a wrapped note,
  // h1496). Never across a column gap: a cell after one is counted.
  /(?<=[.:;]\s+|^\s*)fontes?\s*:(?:[^\d:|\s]|\s(?!\s\s)|(?<![\d.,])(?:19|20)\d{2}(?![\d.,]\d))*$/giu,
  // A clock time said in words, as a screen reader speaks a stamp ("Coletado em 27 de maio de 2025 às 7 horas e 30
  // minutos", h1444): when, no value.
  /(?<=(?<![\p{L}])[àa]s\s+)\d{1,2}\s+horas?(?:\s+e\s+\d{1,2}\s+minutos?)?(?![\p{L}])/giu,
  // How many pages or blocks the report prints, in its footer ("Documento gerado em … - página única - 22 blocos", h1394):
  // the document's size, no result.
  /(?<![\p{L}\d.,])\d{1,3}\s+(?:blocos|p[aá]ginas|folhas)(?![\p{L}])/giu,
  // A transcription's picture by its number ("**Foto 2**", "--- print 2 ---", "Imagem 1 de 3"): which picture, no result.
  new RegExp(String.raw`(?<![\p{L}\d])${PICTURE_CAPTION}(?![\d.,])`, 'giu'),
  // A visit or order number of hyphen-joined digit groups ("2025-0616-88203"), after any words (a portal's
  // greeting): no range has three bounds.
  /(?<![\d.,-])\d{2,}(?:-\d{2,}){2,}(?![\d.,-])/g,
  // An order number opened by the unit's letters ("Pedido:   AR-25-0062317", after a column gap): a code, no
  // range of two bounds.
  /(?<![\p{L}\d-])\p{Lu}{1,4}-\d{2,}(?:-\d{2,})+(?![\d.,-])/gu,
  // A fax machine's page stamp on its transmission line ("P.001/002").
  /(?<![\p{L}\d])p\.\s*\d{1,3}\s*\/\s*\d{1,3}(?![\d.,\/])/giu,
  // The patient's age after its label: "Idade: 47", "IDADE | 47", in years and months ("Idade: 72a 3m"), a child's
  // with days too, at the collection ("Idade na coleta: 5 a 4 m 19 d", h1588; "Idade: 4 m 12 d").
  /(?<![\p{L}])idade(?:\s+(?:na|da)\s+coleta)?\s*:?\s*\d+(?:\s*(?:a(?:nos?)?|m(?:eses)?)(?:\s*\d+\s*m(?:eses)?)?(?:\s*\d+\s*d(?:ias?)?)?(?![\p{L}\d]))?/giu,
  // A hospital ward after its label ("Setor: CLINICA MEDICA 3", "Enfermaria: Ala B 2", the ward that
  // asked for the exam: "Unidade solicitante: CLÍNICA MÉDICA 2"): a place, the words before its number
  // within one cell (single spaces).
  /(?<![\p{L}])(?:setor|ala|enfermaria|unidade\s+de\s+interna[cç][aã]o|unidade\s+solicitante)\s*:\s*(?:[\p{L}.]+ ){0,4}\d+[a-z]?(?![\d.,])/giu,
  // An occupational report's homogeneous exposure group by its number ("GHE: 03 - Benzeno"): a group, no result.
  /(?<![\p{L}])ghe\s*:?\s*\d{1,3}(?![\d.,])/giu,
  // A health plan named with its tier's number after its label ("Convênio: AMIL 400", "Plano: Bradesco Top
  // 600"), within one cell: the plan, no result.
  /(?<![\p{L}])(?:conv[eê]nio|plano(?:\s+de\s+sa[uú]de)?)\s*:\s*(?:[\p{L}.]+ ){1,4}\d+[a-z]?(?![\d.,])/giu,
  // … and printed in brackets after the bed ("Leito: CM2-214B  (Clínica Médica 2)").
  /(?<![\p{L}])leito\s*:?\s*[\p{L}\d-]+\s+\((?:[\p{L}.]+ ){1,4}\d+[a-z]?\)/giu,
  // The hospital unit the patient lies in, its room's number last ("Unidade: Clínica Médica / Isolamento 3").
  /(?<![\p{L}])unidade\s*:\s*(?:\p{L}[\p{L}.]*\s*(?:\/\s*)?){1,5}\s\d{1,3}[a-z]?(?![\p{L}\d,.])/giu,
  // … and after its ward's name and number and a dash ("Leito: Clínica Médica 2 - 14B").
  /(?<![\p{L}])leito\s*:?\s*(?:\p{L}[\p{L}.]*\s+){1,4}\d{1,2}\s*[-–]\s*\d{1,3}[a-z]?(?![\p{L}\d])/giu,
  // … or with a dash between the ward's words, the bed's number last, all in one cell ("Leito: EMERG PED - OBS 06",
  // h1950): single spaces only, so a column's value after a gap is never the bed's.
  /(?<![\p{L}])leito\s*:?\s*(?:\p{L}[\p{L}.]* (?:[-–] )?){1,5}\d{1,3}[a-z]?(?![\p{L}\d.,])/giu,
  // A numbered kind in a title: "URINA TIPO 1", "EAS tipo I".
  /(?<![\p{L}])tipo\s+\d(?!\d)/giu,
  // A portal card's history of earlier samples, each dated ("Histórico: 12/03/2025 — 1,62 mg/dL | 08/10/2024 — 1,48
  // mg/dL", h1956; "Histórico ⓘ   14/04/2025: 1,6 %   09/10/2024: 1,2 %", h1976): earlier results, which the reader
  // leaves by design, no line unread.
  /(?<![\p{L}])hist[oó]rico(?:\s*[ⓘ?*])?\s*:?(?:\s*\|?\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s*(?:[—–-]|:)\s*[<>]?\s*\d[\d.,]*(?:\s?[^\s\d|]+)?)+/giu,
  // A standard a lab is accredited to, by its number ("Acreditação ISO/IEC 17025", h1978), and a report's own
  // number in a system's footer ("Sistema SOC - relatório 71", h1981).
  /(?<![\p{L}])(?:iso(?:\s*\/\s*iec)?|abnt\s+nbr|nbr)\s*\d{3,5}(?::\d{4})?(?![\d.,])/giu,
  /(?<![\p{L}])relat[oó]rio\s*(?:n[º°o]\.?\s*)?\d{1,6}(?![\d.,])/giu,
  // A care team's instruction to change a medicine's dose ("o doutor pediu para reduzir a ciclosporina da noite para 50",
  // a transplant clinic's chat message, h1992): the new dose, no result.
  /(?<![\p{L}])(?:reduzir|diminuir|baixar|aumentar|subir)\s+(?:[ao]s?\s+)?(?:dose\s+d[aeo]s?\s+)?\p{L}+(?:\s+d[aeo]s?\s+\p{L}+)?\s+para\s+\d[\d.,]*(?:\s*(?:mg|mcg|ml|comprimidos?|gotas))?(?![\d.,])/giu,
  // A regulatory standard cited in brackets with its annex and table ("(NR-7, Anexo II, Quadro 2)"): parts
  // of the rule a section's indices come from, no result.
  /\(\s*NR[-\s]?\d{1,2}\b[^()]*\)/giu,
  // Ages and durations are never results: the patient's age, age bands and gestational weeks in
  // references, fasting and collection times ("74 anos", "6 meses a 6 anos", "12 semanas", "urina de 24 horas").
  // A band's first age may be abbreviated to "m" when the second has its unit ("6 m a 2 anos"); its end may
  // be the age it stops short of ("1 a <4 anos").
  // Hours of the day are joined as a range's label prints them ("Manhã (7 às 10 h)").
  // A bilingual report of a border town prints them in Spanish too ("54 anos / 54 años", "3 días"), one for
  // foreigners in English ("40 anos / 40 years").
  /(?<![\d.,])\d+(?:[.,]\d+)?(?:\s*m?\s*(?:a|-|–|e|até|à|[àa]s)\s*(?:<\s*)?\d+(?:[.,]\d+)?)?\s*(?:anos?|años?|meses|m[eê]s|dias?|días?|semanas?|horas?|years?|months?|weeks?|days?)(?![\p{L}\d/])/giu,
  // An hour's "h" is glued to its number or one space away: "50  H" is a value and its flag (high). So is
  // a capital "H" one space away when another column's number follows ("Eosinófilos   12 H   1.176 H   1 a
  // 6", h977), which is case-sensitive, hence a pattern of its own; "JEJUM: 12 H" stays a duration.
  // So is one before a column gap and an empty cell's dashes, a unit or a bound (a cumulative report's dated
  // columns: "8,40 H      ---         2,15 H      ng/mL      < 0,50").
  // Not a time's result alone after its name and a colon ("Tempo de positividade: 14,3 h"), read in hours (value.ts);
  // the sample's own times still are one ("Tempo de coleta .... 24 h", h444): the name test is piece.ts's.
  new RegExp(
    String.raw`(?<![\d.,])(?!(?<=^\s*${TIME_IN_HOURS_NAME}[^:\d]*:\s*)\d+(?:[.,]\d+)?\s?h\s*$)\d+(?:[.,]\d+)?(?:\s*[mM]?\s*(?:[aAeE]|-|–|[aA][tT][éÉ]|[àÀ]|[àaÀA][sS])\s*\d+(?:[.,]\d+)?)?(?:\s?h|H|\sH(?!\s+\d|\s{2,}(?:[-–—]{1,3}(?!\S)|[^\s\d:]{0,8}\/|%|[<>≤≥])))(?![\p{L}\d/])`,
    'gu',
  ),
  // A moment told in minutes in a sentence ("apresentou náusea aos 40 min", "após 30 minutos de repouso"): when,
  // no value (a bleeding time's "2 min" after its name is still a result).
  /(?<![\p{L}])(?:aos|ap[oó]s)\s+\d{1,3}\s*min(?:utos?|\.)?(?![\p{L}\d\/])/giu,
  // Weeks abbreviated "sem" with the days after them, or after a gestational-age label ("Idade
  // gestacional: 38 sem 4 dias", "IG: 39 sem"): a duration too ("95 sem jejum" keeps its value). Weeks
  // abbreviated "s" glued to their number, the days' "d" after them ("IG na coleta: 31s 2d", a prenatal panel's
  // patient line, h1769), too: the "s" is set apart as a unit would be (GLUED) before these spans are sought.
  /(?<![\d.,])\d{1,2}(?:\s*sem\.?|\s?s)\s*(?:e\s*)?\d\s*(?:dias?|d)(?![\p{L}\d])/giu,
  /(?<![\p{L}])(?:ig|idade\s+gestacional)\s*:?\s*\d{1,2}\s*sem(?:anas?|\.)?(?![\p{L}\d])/giu,
  // Hours and minutes since a dose ("coleta 11 h 30 min após a dose"); minutes alone may be a result
  // (a bleeding time, "3 min").
  /(?<![\d.,])\d+\s?h\s*\d{1,2}\s*min(?:utos)?(?![\p{L}\d/])/giu,
  // Minutes or hours before or after a dose, the dose's clock time after them ("COLETA DO VALE 30 MIN ANTES DA DOSE
  // DAS 06:00", a drug level's trough note): when the sample was drawn, no result.
  /(?<![\d.,])\d{1,3}\s*(?:min(?:utos)?|h(?:oras?)?)\s+(?:antes|ap[oó]s|depois)\s+d[aeo]s?\s+(?:dose|infus[aã]o|administra[cç][aã]o|tomada)(?:\s+d[aeo]s?\s+\d{1,2}(?::\d{2}|\s?h\d{0,2}))?(?![\p{L}\d])/giu,
  // How long a call or a consultation took ("Início 14:02 · Duração 18 min 36 s", a video consultation's
  // transcript, h1595): the meeting's, no value.
  /(?<![\p{L}])dura[cç][aã]o\s*:?\s*(?:\d+\s*h\s*)?\d+\s*min(?:utos)?(?:\s*\d{1,2}\s*s(?:eg(?:undos)?)?)?(?![\p{L}\d])/giu,
  // A notice of exams still running, named with the digits of their names ("Exames em andamento: CA 27.29
  // (laboratório de apoio) — previsão 28/10/2026", h1589): no result yet, so nothing to account for, unless
  // a number with its unit is on the line; what is typed after a column gap or a ';' is another cell's.
  new RegExp(
    String.raw`^\s*(?:exames?|an[aá]lises?)\s+(?:em\s+andamento|pendentes?|a\s+liberar)\s*:(?![^\n]*\d\s*(?:${UNIT_PATTERN})(?![\p{L}]))(?:(?!\s{2,}|;)[^\n])*`,
    'giu',
  ),
  // An age with its years abbreviated, in brackets after a birth date: "Nascimento: 03/02/1991 (34 a)",
  // "(6 a 4 m)" for a child.
  /\(\s*\d{1,3}\s*a(?:\s*\d{1,2}\s*m)?\s*\)/giu,
  // So does a narrow reference column, in the label of a band before its colon ("40-49 a: até 2,5", "70 a
  // ou +: até 6,5").
  /(?<![\d.,])\d{1,3}(?:\s*(?:-|–)\s*\d{1,3})?\s*a(?:\s+ou\s*(?:mais|\+))?(?=\s*:)/giu,
  // An assay's limits ("Limite de detecção: 40 cópias/mL", "Faixa de quantificação: 12 a 100.000.000 UI/mL").
  new RegExp(String.raw`^\s*${ASSAY_LIMIT}\s*:?\s*(?:${NUMBER})(?:\s*(?:a|-|–|até)\s*(?:${NUMBER}))?\s*(?:${UNIT_PATTERN})?`, 'giu'),
  // The patient's weight and height after their label, in a header ("Peso: 24,5 kg", "Altura: 1,62 m"), and
  // the body surface a clearance is corrected by (lines.ts).
  BODY_MEASURE,
  // A birth weight band labelling a range ("Peso 2.001 a 2.500 g: inferior a 30", "Peso acima de 2.500 g").
  /(?<![\p{L}])peso\s+(?:(?:acima|abaixo)\s+de\s+|at[eé]\s+|(?:maior|menor)\s+que\s+|(?:superior|inferior)\s+a\s+)?\d+(?:\.\d{3})?(?:\s*(?:a|-|–|e)\s*\d+(?:\.\d{3})?)?\s*g(?![\p{L}\d/])/giu,
  // The citrate strength of a coagulation tube in a sample's name ("COAGULAÇÃO - plasma citratado 3,2%").
  CITRATE_STRENGTH,
  // … and the blood-to-citrate proportion after it ("citrato de sódio 3,2 % (1:9)") or the volume drawn
  // ("sangue total citratado 3,2% (2,7 mL)", h1584): how the tube was filled.
  new RegExp(String.raw`(?<=${CITRATE_STRENGTH.source}\s*)\(\s*(?:1\s*:\s*9|\d+(?:[.,]\d+)?\s*ml)\s*\)`, 'giu'),
  // The tubes or flasks a sample was drawn into, their count or which one ("(3 tubos; tubo 3 para citologia)",
  // "citrato 3,2% — 2 tubos"): the collection's, no value. Never with a decimal or a unit after it.
  /(?<![\p{L}\d.,])\d{1,2}\s+(?:tubos|frascos)(?![\p{L}])|(?<![\p{L}])(?:tubo|frasco)\s+(?:n[º°]\s*)?\d{1,2}(?![\d.,]|\s*m?l(?![\p{L}]))/giu,
  // A sample's volume in the bracket that describes how it was drawn, after its collection stamp ("coletado
  // 28/05/2025 10:15 (toracocentese diagnóstica, 60 mL"): the amount sent, no result (a volume measured is a
  // result: "Volume urinário: 1.850 mL" is not after a collection's date).
  /(?=\d)(?<=\b(?:colet|colhid)\p{L}*\s+(?:em\s+)?\d{1,2}\/\d{1,2}\/\d{2,4}(?:\s+\d{1,2}[:h]\d{2})?\s*\([^()\d]*)\d+(?:[.,]\d+)?\s*m?l(?![\p{L}\d\/])/giu,
  // So is the volume a serology tube holds, in a cell of its own on the line that dates the collection ("Amostra:
  // Soro   Data da coleta: 09/05/2025   Recebimento LACEN: 12/05/2025   Volume: 3,0 mL", h1614). Only a few
  // millilitres under a bare "Volume": a 24-hour urine's "Volume: 1.850 mL" is its result.
  /(?=volume)(?<=\b(?:colet|colhid)\p{L}*\b[^\n]*?\d{1,2}\/\d{1,2}\/\d{2,4}[^\n]*?\s{2,})volume\s*:\s*\d{1,2}(?:[.,]\d{1,2})?\s*ml(?![\p{L}\d\/])/giu,
  // A distance in a note on the patient ("48 h após treino de ciclismo de 180 km"): no lab result is in km.
  /(?<![\d.,])\d+(?:[.,]\d+)?\s*km(?![\p{L}\d/²])/giu,
  // … nor after it: a highway's kilometre in an address ("Rod. Marechal Rondon, km 251 - Botucatu/SP").
  /(?<![\p{L}])km\.?\s*\d+(?:[.,]\d+)?(?![\d.,\/])/giu,
  // The lead of a reference and what qualifies it ("Valores de referência (adultos acima de 20 anos):",
  // "Referência (SBD 2023):"): its numbers say whom the range is for, not a result.
  /^\s*(?:valor(?:es)?\s+(?:de\s+)?refer\p{L}*|refer[eê]ncias?|v\.?\s?r\.?)[^:\d]*(?:\([^)]*\)[^:]*)?:\s*$/giu,
  /^\s*(?:valor(?:es)?\s+(?:de\s+)?refer\p{L}*|refer[eê]ncias?|v\.?\s?r\.?)\s*\([^)]*\)/giu,
  // A power of ten in a unit ("x 10^6/µL", "10³/mm³").
  /(?:x\s*)?10\s*(?:\^\s*\d+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/giu,
  // The lab's control run beside a coagulation time ("TP: 18,9 s (controle: 12,4 s)").
  // A control's time on a row of its own ("Tempo do controle …… 12,4 seg", its leader one dot after a note in
  // brackets: "Tempo do controle (pool normal) .: 12,2 s") is one too: the reader skips it.
  // Not the denominator of a ratio ("Relação paciente/controle   1,12"): that row is the patient's result.
  guarded(
    /controle|pool|padr[aã]o/i,
    new RegExp(
      String.raw`(?<![\p{L}/])\(?\s*(?:tempo\s+(?:d[oa]\s+)?)?${CONTROL_LEAD}(?:\s*\([^()\d]*\))?\s*(?:\.+\s*)?:?\s*\d+(?:[.,]\d+)?\s*(?:s|seg(?:undos)?)?\s*\)?`,
      'giu',
    ),
  ),
  // One previous result, its unit and its date ("Resultado anterior: 119 mg/dL (10/01/2025)", after a dot
  // leader too, or with the date before the colon: "Seu resultado anterior (14/01/2025): 6,1 %"; without
  // the colon, "Anterior (18/12/2024)" heads a column and the number after it is a cell of its own): an
  // earlier sample's, cut off by the reader; anything else printed after it is still counted. A portal's
  // history may name which result of the block it follows ("Histórico (relação): 35,1 mg/g (10/05/2024)")
  // and list more earlier samples, each with its date ("Histórico: 158 mg/dL (10/05/2024) · 171 mg/dL
  // (18/01/2024)"): all of them earlier samples'.
  guarded(
    /anterior|hist[oó]rico|[uú]ltimo\s+resultado/i,
    new RegExp(
      String.raw`(?:^|\s)[(\[]?\s*${PREVIOUS_LABEL}(?:\s*\(\s*\p{L}[\p{L} /.-]{0,40}\))?(?:\s*\(\s*(?:em\s+|de\s+)?\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*\)\s*(?:\.{2,}\s*)?:|\s*(?:\.{2,}\s*)?:?)\s*(?:[<>]\s*)?(?:${NUMBER})\s*(?:${UNIT_PATTERN})?\s*(?:\(?\s*(?:em|de)?\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s*\)?)?[)\]]?(?:\s*[·|;,]\s*(?:[<>]\s*)?(?:${NUMBER})\s*(?:${UNIT_PATTERN})?\s*\(?\s*(?:em|de)?\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s*\)?)*`,
      'giu',
    ),
  ),
  // Earlier results quoted in brackets for comparison, dated by month or day ("(exames de 02/2025 p/ comparação:
  // Cr 1,21 | Na 137 | TSH 4,1)", a clinical note under the results it transcribes): an earlier sample's, as any
  // history line; a value after the bracket is still counted.
  /\(\s*(?:exames?|resultados?|valores?)\s+(?:de|em)\s+(?:\d{1,2}\/)?\d{1,2}\/\d{2,4}\s+(?:p\/|para)\s*(?:compara[cç][aã]o|comparar)\s*:[^()]*\)/giu,
  // An earlier sample's value after its day, in brackets last on the row ("17 a 49    (27/05: 96)"): cut off by the reader.
  new RegExp(DATED_EARLIER_CELL.source, 'giu'),
  // Another sample's value in brackets with its clock time, its day printed before the bracket ("Potássio crítico também
  // em 21/09/2026 (5,9 mmol/L às 14:20) — ver registro anterior"): a note on that sample, not this report's result.
  new RegExp(
    String.raw`(?=\()(?<=\d{1,2}\/\d{1,2}\/\d{2,4}\s*)\(\s*(?:[<>]\s*)?(?:${NUMBER})\s*(?:${UNIT_PATTERN})?\s+(?:[àa]s\s+)?\d{1,2}[:h]\d{2}\s*h?\s*\)`,
    'giu',
  ),
  // … or named and dated before its colon in a later sentence of a note ("amostra sem hemólise. Creatinina em
  // 19/09/2026: 1,64 mg/dL."): an earlier sample's, quoted for comparison.
  new RegExp(
    String.raw`(?<=[.;]\s+)\p{Lu}[\p{L}-]+(?:\s+\p{L}[\p{L}-]*){0,2}\s+em\s+\d{1,2}\/\d{1,2}\/\d{2,4}\s*:\s*(?:[<>]\s*)?(?:${NUMBER})\s*(?:${UNIT_PATTERN})?`,
    'gu',
  ),
  // … or an earlier test told by where and when in a later sentence of a note, its finding in words after the colon
  // ("… e tratamento prévio. Teste rápido realizado na UBS em 02/04/2025: reagente (informado).", h1676): quoted, no
  // result of this report; the date makes the line the note's, never listed.
  /(?<=[.;]\s+)\p{Lu}[^.:;\d]{0,60}?\s+em\s+\d{1,2}\/\d{1,2}\/\d{2,4}\s*:\s*(?:n[aã]o\s+)?(?:reagente|reativo|negativ[oa]|positiv[oa]|detectad[oa])(?![\p{L}])/giu,
  // A drug's dose per body surface ("doxorrubicina 60 mg/m²", a chemotherapy protocol's line, h1708): a dose, no result.
  /(?<![\d.,])\d+(?:[.,]\d+)?\s*(?:mg|g|mcg|µg|ui|u)\s*\/\s*m[²2](?![\p{L}\d])/giu,
  // A treatment's cycle among those planned ("Ciclo: 4 de 4 (AC)", h1708): where the treatment stands, no result.
  /(?<![\p{L}])ciclo\s*[:nº°]*\s*\d{1,2}\s*(?:de|\/)\s*\d{1,2}(?![\d.,])/giu,
  // A printed form's model code and edition ("Mod. SMS-LAB-02 (2023)", a SUS request form's header, h1711): the form's, no result.
  /(?<![\p{L}])mod(?:elo)?\.\s*[\p{L}\d]+(?:-[\p{L}\d]+)+(?:\s*\(\d{4}\))?/giu,
  // A receipt's copy ("1 VIA - PACIENTE", "2ª via - estabelecimento", a pharmacy's thermal print, h1731): which copy, no result.
  /(?<![\p{L}\d.,])[1-3]\s*[ªa]?\s*via(?![\p{L}])/giu,
  // An employer's economic-activity code and the NR-4 risk grade it sets, on an occupational-health report's company
  // line ("CNAE: 31.01-2-00      Grau de risco: 3", h1699): the company's registration, no result.
  /(?<![\p{L}])cnae\s*[:.]*\s*\d{2}\.?\d{2}-?\d(?:[-/]\d{2})?(?![\d])/giu,
  /(?<![\p{L}])grau\s+de\s+risco\s*[:.]*\s*[1-4](?![\d.,])/giu,
  // A numbered section of an expert's report naming the document it sums up ("4.1 Laudo do Laboratório do HEMOPI, coleta
  // de 14/04/2025:", "4.4 Relatório médico da Dra. …", a disability assessment's list of documents, h1752): the
  // section's number, no value.
  /^\s*\d{1,2}\.\d{1,2}\.?\s+(?=(?:laudo|relat[oó]rio|parecer|atestado|declara[cç][aã]o|receita|documento|prontu[aá]rio|resumo|anexo|hist[oó]ria|anamnese|exame\s+f[ií]sico|conclus[aã]o|quesitos?|identifica[cç][aã]o)(?![\p{L}]))/giu,
  // A form's numbered section, its title in capitals opening the box's row ("| 2. UNIDADE SOLICITANTE: Hospital
  // Regional …   CNES: …", "| 5. EXAMES COMPLEMENTARES (cópias em anexo)", a SUS out-of-town treatment request, h1770):
  // the section's number, no value.
  /^\s*(?:\|\s*)?\d{1,2}\.\s+(?=\p{Lu}{2,}(?:\s+\p{Lu}{2,})*\s*(?:[:(|]|$))/gu,
  // A note dated to earlier samples, their values named after the date ("Obs.: em 14/01/2025 (antes da transfusão)
  // leucócitos 3.100 e plaquetas 88.000.", h1770's referral form): quoted for comparison, no result of this report.
  // The values go on after a comma or an "e" only: after a ';' or a "hoje" the note may tell this sample's.
  new RegExp(
    String.raw`(?<=^\s*(?:\|\s*)?(?:obs(?:erva[cç][aã]o)?\.?|nota)\s*:\s*)em\s+\d{1,2}\/\d{1,2}\/\d{2,4}\s*(?:\([^()\d]*\)\s*)?,?\s*${NAMED}(?:${NUMBER})(?:\s*(?:${UNIT_PATTERN}))?(?:(?:\s*,\s*|\s+e\s+)(?!(?:hoje|agora|atual\p{L}*|nest[ae])(?![\p{L}]))${NAMED}(?:${NUMBER})(?:\s*(?:${UNIT_PATTERN}))?)*`,
    'giu',
  ),
  // A lab system's name and version in a page's header or footer ("SISLAB 4.2 - 27/05/2025 09:50", "LIS-HOSP 9.4  |
  // RELATÓRIO …", h1739, h1677): the software's release, no value.
  /(?<![\p{L}\d])\p{Lu}*(?:LAB|LIS|SIS|SYS|SOFT|WEB|NET|HOSP)\p{Lu}*(?:-\p{Lu}+)*\s+v?\.?\s*\d{1,2}\.\d{1,3}(?:\.\d{1,3})?(?![\d,])(?=\s+[-–|]|\s*$)/gu,
  // A council number a photo could not read whole, its unread glyphs marked ("CRBM-4 [?]12.0[?]8", h1742): the
  // signer's registration, no value.
  /(?<![\p{L}])(?:crm|crf|crbm|crbio|coren)\s*[-/]?\s*(?:\d{1,2}|\p{L}{2})\s+(?=[\d.]*\[(?:\?|ileg[ií]vel)\])(?:\[(?:\?|ileg[ií]vel)\]|\d|\.(?=[\d\[]))+/giu,
  // A portal card's verdict after its release stamp ("▾ GLICOSE DE JEJUM<TAB>Liberado em 29/04/2025 10:41<TAB>Normal",
  // h1776): the portal's summary of the result read under the title, no result of its own.
  /(?<=(?:^|\s)liberad[oa]\s+em\s+\d{1,2}\/\d{1,2}\/\d{2,4}(?:\s+\d{1,2}:\d{2})?\s+)(?:normal|alterad[oa]|anormal)\s*$/giu,
  // A Portuguese patient's national health service number and a doctor's licence ("N.º Utente SNS: 301 446 872",
  // "(Cédula Prof. 48112)", a lab in Portugal, h1779): identifiers, no values.
  /(?<![\p{L}])(?:n\.?\s*[º°]\s*)?(?:de\s+)?utente(?:\s+(?:do\s+)?sns)?\s*:?\s*\d{3}\s?\d{3}\s?\d{3}(?!\d)/giu,
  /(?<![\p{L}])c[eé]dula(?:\s+prof(?:issional|\.)?)?\s*(?:n\.?\s*[º°]\s*)?:?\s*\d{3,6}(?![\d.,])/giu,
  // A blood donation's volume after what was drawn ("Tipo: sangue total (450 mL)", a blood bank's letter to the donor,
  // h1702): the bag's, no result.
  /(?<![\p{L}])(?:sangue\s+total|bolsa|af[eé]rese)\s*\(?\s*\d{3}\s*ml\s*\)?/giu,
  // A sample's serum indices against their cut-off in a note ("amostra sem hemólise (índice H < 10)", the analyser's
  // haemolysis, icterus and lipaemia check): the sample's quality, no result.
  /(?<![\p{L}])[ií]ndices?\s+(?:de\s+)?(?:[HIL]|hem[oó]lise|icter[ií]cia|lipemia)\s*[<>≤≥=]\s*\d+(?:[.,]\d+)?(?![\d.,])/giu,
  // An HL7 segment's set number after the segment's name ("NTE|1|L|…", a message printed as it came): the segment's
  // place in the message, no value.
  /^\s*(?:NTE|OBX|OBR|ORC|PID|PV1|SPM|TQ1)(?:\s{2,}|\s*\|\s*)\d{1,4}(?=\s{2,}|\s*\|)/gu,
  // An earlier sample's value quoted in brackets in a note, that sample dated after it ("a primeira dosagem (6,4
  // mEq/L), em amostra de 18/08/2026 com hemólise, não foi liberada"): not this report's result.
  new RegExp(
    String.raw`\(\s*(?:[<>]\s*)?(?:${NUMBER})\s*(?:${UNIT_PATTERN})?\s*\)\s*,?\s*(?:em|na|da)\s+(?:amostra|coleta)\s+(?:(?:colhid|coletad)[oa]\s+)?(?:de|em|do\s+dia)\s+\d{1,2}\/\d{1,2}\/\d{2,4}(?!\d)`,
    'giu',
  ),
  // A value named and dated in brackets, a critical value's notice quoting the sample it was phoned about ("*** VALOR
  // CRÍTICO (K+ 6,3 em 19/05) comunicado a Enf. … em 19/05/2025 23:10 ***", h1677): the notice's, the result is its row.
  new RegExp(
    String.raw`\(\s*\p{L}[\p{L}\d+-]*(?:\s+\p{L}[\p{L}\d+-]*){0,2}\s+(?:[<>]\s*)?(?:${NUMBER})\s*(?:${UNIT_PATTERN})?\s+em\s+\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*\)`,
    'giu',
  ),
  // A typist's aside telling an earlier sample's value after a dash ("– em agosto tava 10,8"): cut off by the reader.
  new RegExp(EARLIER_ASIDE.source, 'giu'),
  // The change since that previous result, printed after it by a cumulative report ("Δ% -10,4",
  // "Variação: +5,2 %"): a difference between two samples, no result.
  new RegExp(String.raw`(?<![\p{L}])(?:Δ\s*%?|varia[cç][aã]o(?:\s*%)?|var\.\s*%)\s*:?\s*[+−-]?\s*(?:${NUMBER})\s*%?`, 'giu'),
  // Earlier results each after its date ("Resultados anteriores:  08/03/2024: 89 mg/dL    22/02/2023: 91 mg/dL",
  // "Histórico: 15/03/2024: 52 | 11/12/2023: 44", "Resultados anteriores:   04/02/2025 » 112 mg/dL"), or a
  // date's several results each after its name, between the dots or bars a history prints ("HISTÓRICO .......
  // 10/06/2025: leucócitos 4.580 · TGP 29"), the date in brackets before the colon too ("Anterior (02/12/2024):
  // colesterol total 198 · HDL 55"); a named value after a ';' may be another result of the line. A history of
  // one result may name it after a dash, each sample after its date and '=' ("Histórico - Colesterol total:
  // 18/10/2025 = 231 mg/dL | 22/04/2026 = 219 mg/dL"), or without the dash ("Histórico CA 15-3: 12/02/2025 = 61,7 |
  // 08/04/2025 = 53,0 U/mL", h1628). A marker's course is one too ("Evolução: 13/01/26 2,4 ·
  // 14/04/26 2,6", h1589). A portal's opened link points at the date with an arrow ("Ver histórico ▸ 11/04/2024: 4,92
  // ng/mL", h1905).
  // Without a colon or a leader after the label, a date and a column gap with no mark after it is a table's
  // header ("ERITROGRAMA   Resultado   Unidade   Referência   Anterior 06/05/25", the earlier sample's column):
  // what follows the gap is a cell of its own, counted.
  new RegExp(
    String.raw`(?:^|\s)(?:(?:resultados?\s+)?anterior(?:es)?|hist[oó]rico(?:\s*[▸▾►▶›»])?|evolu[cç][aã]o)(?:(?:(?:\s*[-–—]\s*|\s+)\p{L}[\p{L}\d ().-]{0,30}?(?=\s*:))?(?:(?:\s*\.{2,})?\s*:|\s*\.{2,})(?:\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s*[:\-»→=]?\s*${DATED_ITEMS}[\s;,|·]*)+|(?:\s*\d{1,2}\/\d{1,2}\/\d{2,4}(?:\s*[:\-»→=]\s*|\s?(?!\s))${DATED_ITEMS}[\s;,|·]*)+|\s*\(\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s*\)\s*:\s*${DATED_ITEMS})`,
    'giu',
  ),
  // A sample or request code of the lab's letters, the year and a sequence ("CTA-2025-004871",
  // "HCL/2026/00391"), whatever label it follows.
  guarded(/[-/]\d{4}[-/]\d/, /(?<![\p{L}\d])\p{Lu}{2,}[-/]\d{4}[-/]\d{3,}(?![\d,.])/gu),
  // A sample's number after its label, its tube's code in brackets between them ("Amostra [L] 2505280412"), or its
  // code of letters and digits ("Amostra: MB25-14402", a microbiology lab's): which sample, no value.
  /(?<![\p{L}])amostras?\s*(?:n[º°]\s*)?:?\s*(?:[[(]\p{L}{1,3}[\])]\s*\d{5,}|\p{Lu}{1,4}\d{0,4}[-/]\d{3,}(?:[-/]\d+)*)(?![\d.,])/giu,
  // A code of groups of capitals and digits joined by dashes, one group mixing both ("Código de verificação do laudo:
  // 7K2M-QX91-0318"): a key to check the report online, whatever its label; no value is printed so.
  guarded(/-[\p{Lu}\d]{2,6}-[\p{Lu}\d]/u, /(?<![\p{L}\d-])(?=[\p{Lu}\d-]*?(?:\p{Lu}\d|\d\p{Lu}))[\p{Lu}\d]{2,6}(?:-[\p{Lu}\d]{2,6}){2,}(?![\p{L}\d-])/gu),
  // A service order number printed as "OS 0791-2284513" (upper case: "os" is also an article).
  /(?<![\p{L}\d])OS\s+\d[\d./-]*/gu,
  // The year of an equation or guideline named by its acronym ("(CKD-EPI 2021)", "(SBD 2023)",
  // "(BrCAST 2025)", "(SBC, 2017)"): printed with a name that the catalogue may replace by its own.
  CITED_YEAR,
  // … and printed without brackets after the name ("TFG EST. CKD-EPI 2021").
  new RegExp(EQUATION_YEAR.source, 'giu'),
  // A street address inside a line ("Unidade Centro - Av. Dr. Altino Arantes, 1180"): the street number.
  guarded(/rua|r\.|av|alameda|travessa|tv\.|rodovia|estrada|pra[cç]a|km/i, new RegExp(STREET_ADDRESS.source, 'giu')),
  // The lab's accreditation level ("Laboratório certificado ONA Nível 2", "Acreditado ONA - Nível 1"): the
  // accrediting body's grade, no value; a sentence's full stop may end it ("… ONA nível 3.   Pág. 1/1").
  /(?<![\p{L}])ona\s*[-–—:]?\s*n[ií]vel\s*\d(?!\d|[.,]\d)/giu,
  // A postcode after its label, glued to it as a PDF's text layer may print it ("CEP45700-000"), which
  // the labelled identifiers above take only after a separator: eight digits, the dash before the last three.
  /(?<![\p{L}\d])cep\s*[:.]?\s*\d{2}\.?\d{3}-?\d{3}(?![\d,])/giu,
  // The glucose load of a tolerance test ("TOTG 75 g").
  new RegExp(GLUCOSE_LOAD.source, 'giu'),
  // A curve's count of samples and its load in brackets ("CURVA GLICÊMICA - 5 DOSAGENS (75 g de glicose anidra)",
  // h1687): how many times were drawn and the dose given, no value.
  /(?<=curva\s+\p{L}+(?:\s+e\s+\p{L}+)?\s*[-–—:]?\s*\(?)\d{1,2}\s+(?:dosagens|tempos|amostras|pontos|coletas)(?![\p{L}])/giu,
  /(?:(?<=(?:dosagens|tempos|amostras|pontos|coletas)\s*[-–—]?\s*)\(\s*\d{2,3}\s*g\s*\)|\(\s*\d{2,3}\s*g\s+de\s+(?:glicose|dextrosol)(?:\s+anidra)?\s*\))/giu,
  // A constant of the formula a calculated index states on its block's detail line ("Cálculo: glicose (mg/dL) x
  // insulina (µUI/mL) / 405", "Cálculo: 1 / (log insulina + log glicose)"): an operand beside an operator set
  // apart by a space, no result.
  // The digit ahead is tested first, so the look back to the line's start is taken only where a number starts.
  // A results app's info note states it with the results' own numbers ("ℹ️ Calculado a partir da glicose e da
  // insulina: (86 × 14,2) ÷ 405.", h1565), the first operand maybe in brackets: each is the formula's.
  guarded(
    /c[aá]lculo|f[oó]rmula|calculad/i,
    /(?=\d)(?<=^[\s│|]*(?:[ⓘℹ🛈]\uFE0F?\s*)?(?:c[aá]lculo|f[oó]rmula|calculad[oa]\s+(?:a\s+partir\s+d|com\s|pel)[^:\d]*)\s*:.*?)(?:(?<=\s[x×*/÷+=]\s+\(?|\(\d[\d.,]*\s+[-−]\s+)\d[\d.,]*(?![\d.,]*\s*\p{L})|(?<=:\s*\(?)\d[\d.,]*(?=\s+[x×*/÷+]\s))/giu,
  ),
  // A reference cell that points to a footnote by its mark ("Ver nota (1)", "vide nota 2"), and the mark
  // that opens the footnote with the locant of the name after it ("(1) 25-OH vitamina D: acima de 20 ng/mL
  // …", "Nota (1) - RNI: …"): they name the note, no result.
  /(?<![\p{L}])(?:ver|vide|veja|consulte?|conforme)\s+(?:(?:metas?|alvos?|objetivos?|refer[eê]ncias?|valores)\s+(?:n[ao]s?|em)\s+)?(?:(?:a|o|as|os)\s+)?(?:notas?|rodap[eé]|observa[cç](?:[aã]o|[oõ]es))\s*(?:\(\d{1,2}\)|\d{1,2})(?![\d.,])/giu,
  new RegExp(String.raw`${NOTE_MARK.source}(?:\d{1,2}-)?(?=\p{L})`, 'giu'),
  // So is the mark alone in a row's last cell, where its reference would be ("100   mg/dL   (1)").
  /(?<=\S\s{3,})\(\d{1,2}\)\s*$/gu,
  // The percentile a reference is drawn from ("Percentil 99: homens até 34", "P99").
  new RegExp(PERCENTILE_RE.source, 'giu'),
  // A copyright year in a page footer ("© 2024 Laboratório …", "Copyright 2019-2024").
  /(?:©|\(c\)|copyright)\s*(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?(?!\d)/giu,
  // A phone number with its area code in brackets, printed without its label in a header cell
  // ("Rua …, 1544 | CNES 3319085 | (54) 3221-6090"), and the lab's founding year ("desde 1987").
  /(?<![\d(])\(\d{2}\)\s*(?:9\s?)?\d{4}-\d{4}(?!\d)/gu,
  // … or in the international format, the country code first and the area code unbracketed ("(+55 31 9
  // 8804-2617)", a voice message's sender).
  /(?<![\d])\+55\s?\(?\d{2}\)?\s?(?:9\s?)?\d{4}[-\s]?\d{4}(?!\d)/gu,
  /(?<![\p{L}])desde\s+(?:19|20)\d\d(?!\d|[.,]\d)/giu,
  // A day of the month in a sentence ("na consulta do dia 25", "até o dia 3 de dezembro", "o retorno é dia
  // 27."): a date, a sentence's full stop after it or not; not with a decimal or a unit after it, a value's.
  guarded(
    /\sdia\s/i,
    new RegExp(String.raw`(?<![\p{L}])(?:(?:n|d)?o|[eé]|ser[aá]|foi)\s+dia\s+\d{1,2}(?![\d:/]|[.,]\d|\s*(?:h|horas?|min|${UNIT_PATTERN})(?![\p{L}]))`, 'giu'),
  ),
  // How often something is done ("fazem de 3 em 3 meses", a family chat, h1989).
  EVERY_INTERVAL,
];
// An address or contact line: its numbers are street numbers and postcodes. A city of numbered streets names them by
// their ordinal first ("1ª Avenida, 545 — Setor Leste Universitário", Goiânia's).
// A travessa is abbreviated "Trav." or "Tv." ("Tv. Quintino Bocaiuva 2301 - Umarizal").
// A dose after a medicine's name ("Vitamina D 7.000 UI/semana", "Ferro 40 mg"): a name the catalogue
// also holds, given, not measured.
const DOSE = /^[^\d;|]*\d[\d.,]*\s*(?:mg|mcg|µg|g|ui|u|ml|gotas?|comprimidos?|cps?|c[aá]psulas?|x)(?![\p{L}])/iu;
const MEDICATION_END = /\s{3,}|[;|]\s*(?=[\p{L}][\p{L}\d .()/-]{0,40}:)/u;
// Brasília's addresses open with the sector's block ("QNC 18, Área Especial", "SQS 308 Bloco C", "QR 204
// Conjunto 5"). The address may follow the unit's name after a separator on the same line ("Unidade Centro ·
// Av. Goiás, Qd. 12, Lt. 4 — Goiânia/GO"): a name has no number, and the address starts there.
// Only a street's or a block's full lead follows a name ("R." and "Tv." alone stand at the start).
const ADDRESS_LEAD = String.raw`(?:rua|av\.?|avenida|alameda|travessa|trav\.|rodovia|estrada|pra[cç]a)(?![\p{L}])|(?:q[nrs][a-z]?|sq[sn]w?|quadra|qd\.?)\s*\d`;
const ADDRESS_LINE = new RegExp(
  String.raw`^\s*(?:\d{1,2}\s?[ªº°]\s+(?:rua|avenida|av\.|alameda|travessa)(?![\p{L}])|rua|r\.|av\.?|avenida|alameda|travessa|trav\.|tv\.|rodovia|rod\.|estrada|pra[cç]a|endere[cç]o|www\.|https?:|(?:q[nrs][a-z]?|sq[sn]w?|quadra|qd\.?)\s*\d|[^\d:;|·—–]{1,60}?\s[·|—–-]\s+(?:${ADDRESS_LEAD}))`,
  'iu',
);
const ADDRESS_TAIL = /((?<![\d.])(?:\d{5,}|\d[\d.]*[-/]\d+))\s+\d+(?:,\d+)?\s*$|([^\s\d])(?<!\bkm)\s+\d+,\d+\s*$/iu;
const WEB_ADDRESS = /^(?:www\.|https?:\/\/)|\S@\S|\.(?:com|org|net|gov|br)$/i;
const TITRE_SLASH = new RegExp(String.raw`(?:${TITRE_WORD})\W{0,3}(?:de\s*)?\(?\s*(1\s*\/\s*\d+)(?![\d/])`, 'giu');

// A genotype's or subtype's code after its label ("Genótipo 1a", "Sorotipo: DENV-2"), in resultTokens.
const TYPE_CODE_CELL = new RegExp(
  String.raw`(?<![\p{L}])${TYPE_LABEL}\s*:?\s*((?:\d{1,2}[a-z]|\p{L}{2,6}-\d{1,2}[a-z]?)(?:\s*(?:e|,|\/)\s*(?:\p{L}{2,6}-)?\d{1,2}[a-z]?)*)(?![\p{L}\d])`,
  'giu',
);
// A value glued to its unit ("189mg/dL", "310.000/mm3") is set apart so its number is a token.
const GLUED = new RegExp(`(?=\\d)(?<![\\p{L}\\d.,])(\\d+(?:[.,]\\d+)*)(?=${UNIT_PATTERN}(?![\\p{L}\\d]))`, 'giu');

interface Token {
  kind: 'number' | 'word';
  text: string;
  values: number[];
  at: number;
  /** A word of a typed list between commas: one result's value accounts for one such word only. */
  listed?: true;
  /** What a code a legend explains means ("Não reagente" of "NR"): the code's result reads either. */
  meaning?: string;
}

function spans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // Every span holds a digit: a line without one is spared some forty expressions.
  if (!/\d/.test(text)) return out;
  const noTitre = withoutColonTitres(text);
  for (const s of ADMIN_SPANS) {
    if (!(s instanceof RegExp) && !s.word.test(noTitre)) continue;
    for (const m of matchesOf(s instanceof RegExp ? s : s.span, noTitre)) out.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  // The identifier after a label a photo cut at the left edge ("...ntuário: 0771[cortado]"), as after the whole label.
  const cut = cutAdminLabel(text);
  const id = cut === undefined ? null : /^\s*\d[\d./-]*(?![\d,])/.exec(text.slice(cut));
  if (id) out.push([cut!, cut! + id[0].length]);
  return out;
}

/** The result-like tokens of a line that no administrative span covers. */
// A range or a bound right after a word: "70 a 99", "< 5,7", "inferior a 30", "até 40".
const RANGE_AFTER_WORD =
  /^\s*(?:[<>≤≥]=?\s*\d|\d[\d.,]*\s*(?:a|-|–|at[eé])\s*\d|(?:inferior|superior|menor|maior)\s+(?:a|que|ou)|at[eé]\s+\d|acima\s+de|abaixo\s+de)/iu;

// A tier's label before its range ("intermediário < 100", "Muito alto: < 50").
const TIER_LABEL = /^\s*\p{L}[\p{L} .]*?\s*:?\s*(?=[<>≤≥\d]|(?:inferior|superior|menor|maior|at[eé]|acima|abaixo)(?![\p{L}]))/iu;

/** A line that is only tiers, each a label and its range, split by ';', '|' or '·'. */
function isTierList(t: string): boolean {
  const pieces = t.split(/[;|·]/).filter((p) => p.trim() !== '');
  return (
    pieces.length >= 2 &&
    pieces.every((p) => {
      const label = TIER_LABEL.exec(p);
      return label !== null && RANGE_AFTER_WORD.test(p.slice(label[0].length));
    })
  );
}

// A reference lead opening a bracket, right before a word; or opening a cell of its own with its colon
// ("7,4 %   V.R.: Normal até 5,6 %").
const BRACKET_LEAD_BEFORE = new RegExp(String.raw`(?:[(\[]\s*${REFERENCE_LEAD_WORDS}\s*:?|(?:^|\s{2,})${REFERENCE_LEAD_WORDS}\s*:)\s*$`, 'iu');
// A bracket opened right after the value and its unit, with no lead ("7,8% (normal até 5,6)", a typed message).
const BRACKET_AFTER_VALUE = /\d[^()\d]{0,16}\(\s*$/u;

const TICKED_OPTION = new RegExp(String.raw`${TICKED_BOX}\s*(\p{L}(?:\p{L}| (?! ))*)`, 'gu');

// A portal's CSV row with its fields in quotes ('"Anti-Sm";"Não reagente";"";…'), as printed: its fields are
// its cells (the reader takes them apart in delimited.ts; this pass counts what the row prints).
const QUOTED_ROW = /^\s*"[^"]*"(?:\s*;\s*"[^"]*")+/;

// Words after a label whose results are words, on a line or in a cell of its own ("Cor: Palha", "Grupo sanguíneo
// (ABO) do RN: A"): the label in the shapes the reader takes (word-results.ts WORD_FIELD_LABEL).
const WORD_FIELD = new RegExp(String.raw`^\s*(${WORD_FIELD_LABEL})\s*:\s*(\p{L}[^:\d]*)$`, 'iu');

/** `raw`, the line as printed, when known: a result word it sets apart in bold is the result (labelledFinding). */
export function resultTokens(text: string, raw?: string): Token[] {
  // A guideline cited with its year on a line of its own prints no result (line-kinds.ts).
  if (isGradeLegend(text) || isCitationLine(text) || isPortalTabs(text) || isSampleStampLine(text)) return [];
  const cellsOf = QUOTED_ROW.test(text) ? text.replace(/"\s*;\s*"/g, (m) => ' '.repeat(m.length)).replace(/"/g, ' ') : text;
  const t = cellsOf.replace(GLUED, '$1 ');
  const admin = spans(t);
  // An address line's numbers are street numbers, postcodes and phones, up to a column break or a ';'
  // (what a column beside it prints is counted); a result word on it still counts.
  // A number printed at the end, after a whole identifier or with a decimal comma no address has
  // ("… - CNES 7702154 48", "… Fone (51) 3320-3000 48,7"), is no part of the address.
  if (ADDRESS_LINE.test(t)) {
    // A value with a lab unit after the address ends it too ("Av. Getúlio Vargas, 3200 – Ferritina 120 ng/mL"): no
    // street number is printed so, and its number is counted.
    const end = Math.min(/\s{3,}|;/.exec(t)?.index ?? t.length, labValueAt(t) ?? t.length);
    const tail = ADDRESS_TAIL.exec(t.slice(0, end));
    admin.push([0, tail ? tail.index + (tail[1] ?? tail[2]!).length : end]);
  }
  // The medicines the patient reported: their doses, up to a column break or a labelled field after a
  // ';' or '|' ("…; HBsAg: Reagente"), are no results; a list of doses goes on past a ';' of its own,
  // unless a catalogued analyte's number with no dose unit follows it ("…; Sódio 131,3"). So are a
  // prescription's items, a dose and its route ("2. Metformina 850 mg VO 2x/dia; insulina NPH 10 UI").
  if (MEDICATION_LEAD.test(foldSameLength(t).trimStart()) || isPrescriptionLine(t)) {
    const lead = t.length - t.trimStart().length;
    const end = MEDICATION_END.exec(t.slice(lead));
    const result = matchesOf(/[;|]\s*/g, t).find((m) => {
      const after = t.slice((m.index ?? 0) + m[0].length);
      const name = lookupName(after.split(/\s*\d/)[0]!.replace(/[\s:=]+$/, ''));
      return name !== undefined && isCatalogued(name) && !DOSE.test(after);
    });
    admin.push([0, Math.min(end ? lead + end.index : t.length, result?.index ?? t.length)]);
  }
  // A title's unlabelled method in a column beside it ("Gel - 3 células") says how, never what, was found.
  const method = methodCellAt(t);
  if (method !== undefined) admin.push([method, t.length]);
  // How many samples an exam was run on, in brackets after its name ("PARASITOLÓGICO DE FEZES (3
  // amostras)"): a count of samples, never a result, whether or not a result takes the title's name.
  // So is how many collections a cumulative report compares ("RELATÓRIO COMPARATIVO (ÚLTIMAS 2 COLETAS)").
  // With the method after a dash, the bracket ending the line ("PARASITOLÓGICO DE FEZES (3 amostras - método de
  // Hoffman/Faust)", h1640): the same count.
  for (const m of matchesOf(
    /\(\s*(?:[uú]ltim[oa]s\s+)?\d{1,2}\s+(?:amostras|coletas)(?:\s*[-–—]\s*(?:m[eé]todos?|metodologia)(?![\p{L}])[^()\d]*(?=\)\s*$))?\s*\)/giu,
    t,
  ))
    admin.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  // How an exam was done, in brackets after its name ("Parasitológico de fezes (método de Hoffman - 1
  // amostra)", "(método CKD-EPI 2021)"): the method's numbers are no result, and the name read leaves the
  // bracket out (piece.ts cleanName), so its numbers are not the name's either.
  for (const m of matchesOf(/(?=\s*\((?:m[eé]todo|metodologia)\b)(?<=\p{L}[^()]*)\s*\((?:m[eé]todo|metodologia)\b[^()]*\)/giu, t))
    admin.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  for (const m of matchesOf(ANALYSER_SPAN, t)) admin.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const analyser = analyserAfterSpecimen(t);
  if (analyser !== undefined) admin.push([analyser, t.length]);
  for (const m of matchesOf(GRADE_NOTE, t)) admin.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  // A goal restated as multiples of the assay's upper limit ("(2 a 9x LSN)") is that goal, read with it.
  for (const m of matchesOf(TIMES_LIMIT_NOTE, t)) admin.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  // The analyser named in brackets on a method line ("Método: Fluoroenzimaimunoensaio (ImmunoCAP - Phadia
  // 250)"): a model's number, as after "Equipamento:". The method may follow the material on one line
  // ("Material: Plasma citratado - Método: Coagulométrico (ACL TOP 350)").
  // So is one closing a specimen's method line without labels ("Soro — Fluorimetria (ImmunoCAP, Phadia 250)").
  const methodLead =
    /^\s*(?:(?:material|amostra)\s*:[^:\d]*?(?:\s[-–—|;]\s*|;\s*))?(?:m[eé]todo|metodologia)\s*:/iu.exec(t) ?? (isMethodLine(t) ? /^/.exec(t) : null);
  if (methodLead)
    for (const m of matchesOf(/\([^()]*?\p{Lu}[\p{L}-]+\s+\d{2,5}\s*\)/gu, t.slice(methodLead[0].length))) {
      const at = methodLead[0].length + (m.index ?? 0);
      admin.push([at, at + m[0].length]);
    }
  const free = (at: number) => !admin.some(([a, b]) => at >= a && at < b);
  const out: Token[] = [];
  for (const n of numbersIn(t)) if (free(n.index)) out.push({ kind: 'number', text: n.text, values: n.values, at: n.index });
  // A number said in words, as a voice message's transcript prints it ("O HDL quarenta e cinco", "sete vírgula
  // oito"): a value as the digits are. Not one word under twenty ("sete", "dez"), as often a word of speech.
  for (const n of spokenNumbers(t)) if (!n.weak && free(n.index)) out.push({ kind: 'number', text: t.slice(n.index, n.end), values: [n.value], at: n.index });
  // A grade in crosses where a result stands, after a label's colon or a column break ("PARASITEMIA....: ++",
  // "Proteínas   +++"): a result, though it prints no digit and no letter. Alone in its cell: a legend explains
  // a mark ("(+) acima do valor de referência"). So is a bracketed "(+)" in the cell right after a number: the
  // value's mark above its range, as "(-)" below ("RDW-CV   16,8   (+)   C   11,5 - 14,5", a Goiânia lab's column).
  for (const m of matchesOf(/(?:^|:\s*|\s{2,}|\|\s*)(\(?\+{1,4}\)?)(?=\s{2,}|\s*$)/g, t)) {
    const at = (m.index ?? 0) + m[0].length - m[1]!.length;
    if (m[1] === '(+)' && /\d\s*$/u.test(t.slice(0, at))) continue;
    if (free(at)) out.push({ kind: 'word', text: m[1]!, values: [], at });
  }
  // A titre with a slash after its word ("Título: 1/2", "título 1/16"): no number token (a slash is
  // no number's), yet a result. Held as a word, so only a result whose value is that titre accounts for it.
  for (const m of matchesOf(TITRE_SLASH, t)) {
    const at = (m.index ?? 0) + m[0].length - m[1]!.length;
    if (free(at)) out.push({ kind: 'word', text: m[1]!.replace(/\s+/g, ''), values: [], at });
  }
  // A titre alone where a result stands ("VDRL   1/16", "FAN: 1/160", "VDRL 1:16" after its name): a result though no
  // number token holds it. Held as a word, so only a result whose value is that titre accounts for it.
  for (const titre of bareTitresIn(t)) if (free(titre.at)) out.push({ kind: 'word', text: titre.text, values: [], at: titre.at });
  // A genotype or subtype named by its code with a letter ("Resultado: Genótipo 1a", "Subtipo: 4d", "Sorotipo:
  // DENV-2"): no number token (a letter follows the digits, or the virus's letters are glued before them),
  // yet the result.
  for (const m of matchesOf(TYPE_CODE_CELL, t)) {
    const at = (m.index ?? 0) + m[0].length - m[1]!.length;
    if (free(at)) out.push({ kind: 'word', text: m[1]!, values: [], at });
  }
  // The option a form's ticked box picks ("Resultado:  (   ) Reagente     ( X ) Não reagente     (   ) Inválido"):
  // the result, the options whose boxes are empty only what the form offers.
  for (const m of matchesOf(TICKED_OPTION, t)) {
    const w = RESULT_WORD.exec(foldSameLength(m[1]!));
    const at = (m.index ?? 0) + m[0].length - m[1]!.length;
    if (w && free(at)) out.push({ kind: 'word', text: m[1]!.slice(0, w[0].length), values: [], at });
  }
  // A result word where a result stands: the first word of a cell (line start, after a colon, a dot
  // leader turned colon, or a column break), not a label ("Negativo:" heads a tier).
  // A header whose other cells name range columns ("Resultado   Desejável   Limítrofe   Aumentado"): its
  // tier words are the columns' labels, never a result.
  const heads = t
    .trim()
    .split(/\s{2,}|\s*\|\s*/)
    .filter(Boolean);
  const rangeHeader =
    heads.length >= 3 &&
    heads.some((c) => /^resultados?$/iu.test(c)) &&
    // A column's label is bare: a cell with a label and a colon, or after a ';' ("; Anti-HAV: Reagente"), is a
    // field with its result, whatever tier word it holds.
    heads.every((c) => /^\p{L}[^:;]*$/u.test(c) && (HEADER_WORD.test(foldSameLength(c)) || isReferenceLabel(c))) &&
    // A tier names a range by how high it is ("Aumentado"); a finding's word ("Reagente") is a result wherever it stands.
    !heads.some((c) => /^(?:n[aã]o\s+)?(?:reagente|reativo|positiv|negativ|detect|indetect|ausente|presente)/iu.test(c));
  const referenceLine = stripReferenceLead(t.trim()).lead;
  const tierList = isTierList(t);
  // An arrow sets a result apart from its name as a colon does ("Toxoplasmose IgG → Reagente", a chat bot's list).
  for (const m of rangeHeader ? [] : matchesOf(/(?:^|:\s*|\s{2,}|\|\s*|\(\s*|[→⇒➜]\s*)(\p{L}(?:\p{L}| (?! ))*)/gu, t)) {
    // Folded first: an accented capital ("SENSÍVEL") matches as its small letter.
    const w = RESULT_WORD.exec(foldSameLength(m[1]!));
    if (!w) continue;
    const at = (m.index ?? 0) + m[0].length - m[1]!.length;
    // A colon before a word reference is a dot leader's ("Não reagente ····· [Não reagente]"), no label's.
    const after = t.slice(at + w[0].length);
    if (/^\s*:/.test(after) && qualitativeReference(after.replace(/^\s*:\s*/, '')) === undefined) continue;
    // On a reference line, a tier word right before its range ("Referência: normal 70 a 99 mg/dL",
    // "normal < 5,7 %") labels the range: no result. So does one opening a bracketed reference after
    // the result ("6,8 % (ref.: normal abaixo de 5,7%; …)", with no lead too: "86 mg/g (normal menor que 30)"),
    // or a reference cell ("V.R.: Normal até 5,6 %").
    // So does each tier of a list of them, the reference's own line wrapped with no lead ("intermediário <
    // 100; alto < 70; muito alto < 50", goals by risk category under the LDL's first one).
    if ((referenceLine || tierList || BRACKET_LEAD_BEFORE.test(t.slice(0, at)) || BRACKET_AFTER_VALUE.test(t.slice(0, at))) && RANGE_AFTER_WORD.test(after))
      continue;
    // "Não detectável (limite: 40 cópias/mL)": the word before an assay's detection limit is its reference;
    // so is one before the bound itself ("Não detectado (inferior a 10 UI/mL)").
    if (/^\s*\(\s*(?:limite\b|inferior\s+a\s*\d)/iu.test(after)) continue;
    if (free(at)) out.push({ kind: 'word', text: m[1]!.slice(0, w[0].length), values: [], at });
  }
  // A finding said as what was not seen or did not grow, in the result cell after a name's ("Bacterioscopia (Gram)   Não
  // foram observados microrganismos", h1559; "UROCULTURA   Ausência de crescimento bacteriano", h1700): the result.
  // Not after a note's label or opening a line, where the same words are a remark ("Obs.: Não foram observados ovos,
  // …", "Obs.: ausência de crescimento bacteriano após 48 h", h777).
  for (const m of matchesOf(NOT_SEEN_CELL, t)) {
    const at = (m.index ?? 0) + m[0].length - m[1]!.length;
    if (free(at) && !out.some((o) => o.kind === 'word' && o.at <= at && at < o.at + o.text.length)) out.push({ kind: 'word', text: m[1]!, values: [], at });
  }
  // A finding after the letters of what was sought, in a cell of its own ("MTB não detectado", a molecular test's
  // result column): the finding is the result, though the cell opens with the agent's abbreviation.
  for (const m of matchesOf(SOUGHT_THEN_FINDING, t)) {
    const w = RESULT_WORD.exec(foldSameLength(m[2]!));
    const at = (m.index ?? 0) + m[0].length - m[2]!.length;
    if (w && w[0].length === m[2]!.length && free(at) && !out.some((o) => o.kind === 'word' && o.at <= at && at < o.at + o.text.length))
      out.push({ kind: 'word', text: m[2]!, values: [], at });
  }
  // A typed summary's piece between ';' that is a short name and a result word ("EAS normal; SOF
  // negativo"): the word is the piece's result, though no colon or column break sets it apart.
  // So is a patient's list of them between commas ("HIV não reagente, HBsAg não reagente, Anti HCV não
  // reagente"), two such pieces at least: one alone after a comma may be a sentence's words.
  const commaPieces = t.includes(',') ? matchesOf(COMMA_WORD_PIECE, t) : [];
  const typedPieces = t.includes(';') ? matchesOf(/(?:^|;)\s*[\p{L}\d-]+(?: [\p{L}\d-]+)?\s+(\p{L}+)\s*(?=;|$)/gu, t) : [];
  for (const m of [...typedPieces, ...(commaPieces.length >= 2 ? commaPieces : [])]) {
    const w = RESULT_WORD.exec(foldSameLength(m[1]!));
    const at = (m.index ?? 0) + m[0].trimEnd().length - m[1]!.length;
    const listed = commaPieces.includes(m) ? { listed: true as const } : {};
    if (w && w[0].length === m[1]!.length && free(at) && !out.some((o) => o.at === at)) out.push({ kind: 'word', text: m[1]!, values: [], at, ...listed });
  }
  // A name and a finding one space apart at the line's end ("Anti-HIV 1/2 (4ª geração) Não reagente   (g)", a
  // typed "HBsAg não reagente"), a footnote's mark after it or none: the finding is the name's result, though no
  // cell break sets it apart. Only a finding's words: "normal" or "ausente" closing a sentence is prose.
  const end = NAME_THEN_FINDING.exec(t);
  // Or the last piece of a typed sentence of results, after its "e" ("… 12.000/mL (ref até 10.000) e nitrito
  // negativo"), or after the words that say it is printed so ("no exame de urina ta escrito nitrito positivo", h1957):
  // a name of a few words before the finding, however long the sentence before it.
  const lastPiece = end !== null && /(?:^|\s)(?:e|escrito|deu)\s+\p{L}[\p{L}-]*(?: [\p{L}\d-]+){0,2}$/u.test(end[1]!);
  if (end && !/[:;|]/.test(end[1]!) && (end[1]!.trim().split(/\s+/).length <= 6 || lastPiece)) {
    const at = (end.index ?? 0) + end[1]!.length + 1;
    if (free(at) && !out.some((o) => o.kind === 'word' && o.at <= at && at < o.at + o.text.length)) out.push({ kind: 'word', text: end[2]!, values: [], at });
  }
  // A chat message opening with a name and its finding, the typist's words after it (messageFindingEnd).
  const stamp = CHAT_STAMP.exec(raw ?? t);
  // The reader's cleaning blanks the stamp where the raw line is given; otherwise it is still on the text.
  const message = !stamp ? undefined : raw === undefined || raw === t ? t.slice(stamp[0].length) : t;
  const opening = message === undefined ? undefined : messageFindingEnd(message);
  if (opening) {
    const at = t.length - message!.length + opening.at;
    if (free(at) && !out.some((o) => o.kind === 'word' && o.at < at + opening.word.length && at < o.at + o.text.length))
      out.push({ kind: 'word', text: opening.word, values: [], at });
  }
  for (const m of CLAUSE_FINDING.flatMap((re) => matchesOf(re, t))) {
    const at = (m.index ?? 0) + m[0].length - m[1]!.length;
    const overlaps = out.some((o) => o.kind === 'word' && o.at < at + m[1]!.length && at < o.at + o.text.length);
    if (free(at) && !overlaps) out.push({ kind: 'word', text: m[1]!, values: [], at });
  }
  // A name cell and a word cell, nothing else ("Ceftriaxona   SENSÍVEL", "Cor   Palha"): the words
  // are a result whatever they are, unless the line is a header ("Exame   Resultado"). A reference
  // cell left as a dash ("| Grupo sanguíneo (ABO) | O | — |") is no third cell.
  const cs = t.split(/\s{2,}|\s*\|\s*/).filter((c) => c !== '' && !/^[—–-]+$/.test(c));
  if (
    cs.length === 2 &&
    !/[:\d]/.test(t) &&
    /^\p{L}/u.test(cs[1]!) &&
    cs[1]!.split(' ').length <= 3 &&
    !cs.some((c) => HEADER_WORD.test(foldSameLength(c))) &&
    // Nor two section headings side by side ("EXAME FÍSICO   EXAME QUÍMICO", line-kinds.ts).
    !sideBySideHeadings(cs) &&
    // A unit cell is no result ("µUI/mL   µUI/mL": a table's wrapped unit cells).
    !(unitAtStart(cs[1]!)?.consumed === cs[1]!.length) &&
    // Nor is the lab's web site or e-mail beside its name ("LAB CERRADO   www.lab-cerrado.com.br"), nor
    // what a lab's or hospital's name has beside it ("LABORATÓRIO ARAUCÁRIA   LAUDO DE EXAMES").
    !WEB_ADDRESS.test(cs[1]!) &&
    !isAdminLine(cs[0]!) &&
    // Nor a record's title beside the system that prints it ("e-SUS APS - PEC | Prontuário do cidadão").
    !isAdminLine(cs[1]!) &&
    // Nor the order's status beside a section's title (a results app's "HEMOGRAMA COMPLETO   Liberado ✓").
    !isCardStatus(cs[1]!) &&
    // Nor a title's method beside it ("GLICOSE   Hexoquinase").
    method === undefined &&
    // Nor whom the reference column's ranges are for beside a section's title ("ERITROGRAMA   Mulheres adultas", h1723).
    !isWhomLabel(cs[1]!) &&
    !out.some((o) => o.kind === 'word')
  )
    out.push({ kind: 'word', text: cs[1]!, values: [], at: t.lastIndexOf(cs[1]!) });
  // A column of words, then a word result and its word reference ("hemoglobinopatias   FAS   FA", a
  // screening table's disease column wrapping beside the result under its test's name): the middle
  // words are a result whatever they are, when they read as the reference does or go on from it (a
  // haemoglobin profile's "FAS" beside "FA", "Atividade presente" beside itself), or when the last cell
  // is a reference in words ("Bacterioscopia   Cocos Gram-positivos raros   Ausência de microrganismos").
  // The lab's reading in a column of its own after them ("Perfil de hemoglobinas   FA   FA   Normal", a neonatal
  // screening's "Interpretação" column): the middle words are the row's result, the reading none of its own.
  // The column of words printed before the name instead ("Hemoglobinopatias   Padrão de hemoglobinas   FA   FA", a
  // screening table's disease column before its marker's, h1694): the last two cells are the result and its reference
  // when they read the same, the two before them the lead's words and the name.
  const verdictAt = cs.length === 4 && VERDICT_WORD.test(cs[3]!) ? t.lastIndexOf(cs[3]!) : -1;
  const leadWords = verdictAt < 0 && cs.length === 4 && /^\p{L}/u.test(cs[2]!) && fold(cs[2]!).startsWith(fold(cs[3]!));
  const row = verdictAt >= 0 ? cs.slice(0, 3) : leadWords ? cs.slice(1) : cs;
  const others = verdictAt >= 0 ? out.filter((o) => o.at !== verdictAt) : out;
  const wordReference = row.length === 3 && qualitativeReference(row[2]!) !== undefined;
  // Or the reference names the result among the words it allows ("Consistência   Pastosa   Pastosa ou formada").
  const namedInReference = row.length === 3 && ` ${fold(row[2]!)} `.includes(` ${fold(row[1]!)} `);
  if (
    row.length === 3 &&
    (fold(row[1]!).startsWith(fold(row[2]!)) || wordReference || namedInReference) &&
    !/[:\d]/.test(t) &&
    row
      .slice(1)
      .every(
        (c) =>
          /^\p{L}/u.test(c) &&
          c.split(' ').length <= (wordReference ? 6 : 3) &&
          !HEADER_WORD.test(foldSameLength(c)) &&
          !(unitAtStart(c)?.consumed === c.length),
      ) &&
    !row.some((c) => WEB_ADDRESS.test(c) || isAdminLine(c)) &&
    method === undefined &&
    !others.some((o) => o.kind === 'word')
  ) {
    if (others !== out) out.splice(0, out.length, ...others);
    out.push({ kind: 'word', text: row[1]!, values: [], at: t.indexOf(row[1]!, t.indexOf(row[0]!) + row[0]!.length) });
  }
  // "Cor: Palha", "Microrganismo isolado: Klebsiella pneumoniae": words after a label whose results
  // are words, with a bracketed qualifier too ("Grupo sanguíneo (ABO): O") and whose sample it is after it
  // ("Grupo sanguíneo (ABO) do RN ...... A", its dot leader read as a colon): the word, one letter though it is.
  const field = WORD_FIELD.exec(t);
  // An exam still running ("Urocultura: em andamento") has no result to account for.
  if (field && isWordField(field[1]!) && !PENDING.test(field[2]!.trim()) && !out.some((o) => o.kind === 'word'))
    out.push({ kind: 'word', text: field[2]!.trim().replace(/[.;]+$/, ''), values: [], at: t.lastIndexOf(field[2]!) });
  // The isolate before its colony count on the line ("Microrganismo isolado: Escherichia coli - contagem superior
  // a 100.000 UFC/mL"): the organism is a result in words, the count a number accounted as any other.
  const isolate = ISOLATE_WITH_COUNT.exec(t);
  if (isolate && !out.some((o) => o.kind === 'word'))
    out.push({ kind: 'word', text: isolate[2]!.trim(), values: [], at: t.indexOf(isolate[2]!.trim(), isolate[1]!.length) });
  // Word results side by side, each after its label in a cell of its own ("Grupo sanguíneo: O     Fator Rh:
  // NEGATIVO"): each cell is such a field, as a line of one would be. So is a labelled result whatever its
  // label when the only other cell is its reference, led as one and in words ("Perfil hemoglobínico: Hb AS
  // Referência: Hb AA", a haemoglobin profile): the reader takes those words for the result (parse.ts).
  if (cs.length >= 2) {
    const other = stripReferenceLead(cs[1]!);
    const ledWords = cs.length === 2 && other.lead && wordResultText(other.rest) !== undefined;
    let from = 0;
    for (const c of cs) {
      const at = t.indexOf(c, from);
      from = at + c.length;
      const f = WORD_FIELD.exec(c);
      if (!f || PENDING.test(f[2]!.trim()) || out.some((o) => o.kind === 'word' && o.at >= at && o.at < from)) continue;
      if (isWordField(f[1]!) || (ledWords && c === cs[0] && wordsAfterLabel(c)))
        out.push({ kind: 'word', text: f[2]!.trim().replace(/[.;]+$/, ''), values: [], at: at + c.lastIndexOf(f[2]!) });
    }
  }
  // A LIS row of a code, a name whose results are words and the word ("ABO   GRUPO SANGUINEO RN   A"):
  // the word is the result, one letter though it is.
  if (
    cs.length === 3 &&
    /^[\p{Lu}\d-]{1,10}$/u.test(cs[0]!) &&
    isWordField(cs[1]!) &&
    /^\p{L}[\p{L} +-]*$/u.test(cs[2]!) &&
    cs[2]!.split(' ').length <= 3 &&
    !out.some((o) => o.kind === 'word')
  )
    out.push({ kind: 'word', text: cs[2]!, values: [], at: t.lastIndexOf(cs[2]!) });
  // A word-result name's cell and its word led by the cell's label ("GRUPO SANGUINEO (ABO)   RESULTADO: O"):
  // the word is the result, one letter though it is.
  const ledWord = cs.length === 2 && isWordField(cs[0]!) ? /^resultados?\s*:\s*(\p{L}[\p{L} +-]*)$/iu.exec(cs[1]!.trim()) : null;
  if (ledWord && ledWord[1]!.trim().split(' ').length <= 3 && !out.some((o) => o.kind === 'word'))
    out.push({ kind: 'word', text: ledWord[1]!.trim(), values: [], at: t.lastIndexOf(ledWord[1]!.trim()) });
  // Any label's words before a word reference in brackets ("Bacteriúria: Intensa  (ref. Ausente)"): the
  // reader takes them for a result (word-results.ts labelledFinding), so they must be accounted as one.
  const labelled = labelledFinding(t.trim(), raw);
  if (labelled && !out.some((o) => o.kind === 'word')) out.push({ kind: 'word', text: labelled.text, values: [], at: t.indexOf(labelled.text) });
  // The words after "Resultado:" are the result, whatever they are ("Foram encontrados cistos…"); after
  // a column break with no colon, a finding sentence is ("Resultado      Foram encontrados ovos de …").
  const finding = /^\s*resultados?\s{2,}(\p{L}[^\d]*)$/iu.exec(t);
  // A note in brackets may close them, a digit in it ("… LUMBRICOIDES (2ª AMOSTRA)", which sample found it): the
  // words before it are the result still.
  const res =
    /^\s*resultados?\s*:\s*(\p{L}[^\d]*)$/iu.exec(t) ??
    /^\s*resultados?\s*:\s*(\p{L}[^\d()]*?)\s*\([^()]*\d[^()]*\)\s*$/iu.exec(t) ??
    (finding && FINDING_SENTENCE.test(finding[1]!) ? finding : null);
  // A word exam's finding said in a sentence after its label's colon ("Parasitológico de fezes: Presença de cistos
  // de Giardia lamblia"): the sentence is the result (word-results.ts findingAfterLabel).
  // So is an organism's binomial name after an identification's label ("Identificação: Staphylococcus aureus", a
  // catheter tip's culture, h1382): the isolate, as the reader takes it (word-results.ts identifiedOrganism).
  const sentence = /^\s*(\p{L}[^:\d]*?)\s*:\s*(\p{L}[^:\d]*)$/u.exec(t);
  if (sentence && resultWordsAfterLabel(sentence[1]!, sentence[2]!) && !out.some((o) => o.kind === 'word'))
    out.push({ kind: 'word', text: sentence[2]!.trim().replace(/[.;]+$/, ''), values: [], at: t.indexOf(sentence[2]!) });
  // Nor has an exam still running ("Resultado: Exame em andamento."), as after a word field's label above.
  if (res && !PENDING.test(res[1]!.trim()) && !out.some((o) => o.kind === 'word'))
    out.push({ kind: 'word', text: res[1]!.trim().replace(/[.;]+$/, ''), values: [], at: t.indexOf(res[1]!) });
  // Words alone after a name's dot leader ("Prova cruzada maior (fase AGH) ......... COMPATÍVEL", a transfusion
  // service's crossmatch; "Bacterioscopia (Gram) .... Não foram observados microrganismos.", its full stop no part
  // of it): the reader takes the leader's whole cell for the result, whatever its words (value.ts, free text after
  // a leader), so they are a result to account for. Not after a method's, an administrative or an exam's label.
  // So are a smear's words after its name and a colon ("Bacterioscopia (Gram): Cocos Gram-positivos em cachos"),
  // which the reader takes as free text too (piece.ts).
  const smear = /^\s*(\p{L}[^:\d]*?)\s*:\s*(\p{L}(?:[\p{L} ]|-(?=\p{L}))*\p{L})\.?\s*$/u.exec(t);
  const leaderWords =
    // The leader may be one dot before its colon, as a block's longest name leaves it (" .: ENCONTRADOS", h1798).
    raw && /[\p{L})]\s*(?:\.{3,}\s*:?|\s\.:)\s*\p{L}/u.test(raw)
      ? /^\s*(\p{L}[^:\d]*?)\s*:\s*(\p{L}[\p{L} ]*\p{L})\.?\s*$/u.exec(t)
      : smear && SMEAR_NAME.test(cleanName(smear[1]!))
        ? smear
        : null;
  if (
    leaderWords &&
    !out.some((o) => o.kind === 'word') &&
    // A smear's name is no tier's label, though it ends in a result word ("… do frasco positivo:", which bottle).
    (leaderWords === smear || !isReferenceLabel(leaderWords[1]!.trim())) &&
    // A record card's field naming the exam ("EXAME ........... GLICOSE") heads the results under it.
    !/^(?:exames?|analitos?|testes?|par[aâ]metros?)$/iu.test(leaderWords[1]!.trim()) &&
    !isAdminLine(t) &&
    !isMethodLine(t) &&
    !PENDING.test(leaderWords[2]!)
  )
    out.push({ kind: 'word', text: leaderWords[2]!, values: [], at: t.lastIndexOf(leaderWords[2]!) });
  // Labelled word results one after another between ';' ("Anti-HIV 1/2: NAO REAGENTE (ref nao reagente); VDRL: NAO
  // REAGENTE (ref …)", an SMS's part): each word is one result's, as in a typed list between commas.
  // A reference's piece ("; V.R.: Negativo") is no result's.
  const labelledPieces: Array<[number, number]> = [];
  for (let from = 0; from <= t.length; ) {
    const to = t.indexOf(';', from) < 0 ? t.length : t.indexOf(';', from);
    const label = /^\s*(\p{L}[^:]{0,40}):\s*\p{L}/u.exec(t.slice(from, to));
    if (label && !isReferenceLabel(label[1]!.trim()) && !stripReferenceLead(label[0]).lead) labelledPieces.push([from, to]);
    from = to + 1;
  }
  if (labelledPieces.length >= 2) for (const o of out) if (o.kind === 'word' && labelledPieces.some(([a, b]) => o.at >= a && o.at < b)) o.listed = true;
  // Labelled word results side by side, each in a cell of its own ("Anti-HBs ...... Não reagente (Não reagente)   VDRL
  // ...... Não reagente (Não reagente)", pairs of a maternity's admission panel, the leaders read as colons): the word
  // after each label is that cell's result, so one result lost leaves its word unaccounted, the same word beside it
  // though there is. Only the word the label leads: the bracketed reference after it is any of them's.
  const labelledCells: number[] = [];
  let cellFrom = 0;
  for (const c of cs) {
    const at = t.indexOf(c, cellFrom);
    cellFrom = at + c.length;
    const label = /^(\p{L}[^:]{0,40}?)\s*:\s*(?=\p{L})/u.exec(c);
    if (label && !isReferenceLabel(label[1]!.trim()) && !stripReferenceLead(label[0]).lead) labelledCells.push(at + label[0].length);
  }
  if (labelledCells.length >= 2) for (const o of out) if (o.kind === 'word' && labelledCells.includes(o.at)) o.listed = true;
  // The findings a voice message's transcript says as results, several a line with no punctuation ("o VDRL não
  // reagente e a referência é não reagente o HIV também não reagente", h1390): each word is one result's, as in a
  // typed list between commas, so one result lost leaves its word unaccounted (dictation.ts saidFindings).
  for (const said of saidFindings(t)) {
    if (!free(said.at)) continue;
    const same = out.filter((o) => o.kind === 'word' && o.at < said.at + said.text.length && said.at < o.at + o.text.length);
    for (const o of same) o.listed = true;
    if (same.length === 0) out.push({ kind: 'word', text: said.text, values: [], at: said.at, listed: true });
  }
  // Antibiogram lists side by side ("Ampicilina   Resistente   | Cefepima   Resistente"): each word is one
  // antimicrobial's, so one result lost leaves its word unaccounted, the same word beside it though there is.
  const susceptible = (c: string) => SPELLED_SUSCEPTIBILITY.test(c);
  if (cs.length >= 4 && cs.length % 2 === 0 && cs.every((c, i) => (i % 2 === 1 ? susceptible(c) : /^\p{L}/u.test(c) && !susceptible(c))))
    for (const o of out) if (o.kind === 'word' && susceptible(o.text.trim())) o.listed = true;
  return out;
}

const fold = (s: string) => foldSameLength(s).replace(/\s+/g, ' ');

/**
 * Whether `text` (folded) prints the word token as a whole: a result word only as the same result
 * phrase ("Reagente" is not inside "Não reagente"), other words (an organism, a colour) as whole words
 * anywhere in it: a blood group's "O" is not printed in "negativo", the result beside it.
 */
function holdsWord(text: string, word: string): boolean {
  const w = fold(word);
  if (!RESULT_WORD.test(w)) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1))
      if (!/[\p{L}\d]/u.test(text[at - 1] ?? ' ') && !/[\p{L}\d]/u.test(text[at + w.length] ?? ' ')) return true;
    return false;
  }
  // Phrases read left to right, each from the end of the one before ("não reagente" is one phrase).
  let from = 0;
  for (const m of matchesOf(/\p{L}+/gu, text)) {
    const at = m.index ?? 0;
    if (at < from) continue;
    const p = RESULT_WORD.exec(text.slice(at));
    if (!p) continue;
    if (fold(p[0]) === w) return true;
    from = at + p[0].length;
  }
  return false;
}

/** What an analyte can account for: its value, the numbers of its reference ranges, unit and name, and its word reference. */
// A result word printed as a tier's label, with the tier's colon: "…: não reagente;", "Reagente (imune): …".
// Tiers printed one a line are joined with spaces: a label then ends where the next tier's range begins.
// So are tiers parted by bars in one cell ("baixo risco < 130 | intermediário < 100 | alto < 70"): a label then
// sits between the last tier's bound and its own range.
function tierLabelled(ref: string, label: string): boolean {
  const l = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const note = String.raw`\s*(?:\([^()]*\))?\s*`;
  return new RegExp(
    String.raw`:\s*${l}${note}(?:[;|]|$|(?<=\s)(?=[<>≤≥]|\d|${BOUND_WORD}))|(?:^|[;|\s])\s*${l}${note}:|${TIER_BOUND_END}\s+${l}${note}(?=[<>≤≥])`,
    'iu',
  ).test(ref);
}

// The words that open a tier's bound ("Igual ou superior a 10", "Inferior a 10"): the next tier's range begins there
// when the bars between tiers were read as a cell gap and joined to a space.
const BOUND_WORD = String.raw`(?:igual\s+ou\s+)?(?:superior|inferior|acima|abaixo|maior|menor)\s`;

// A tier's upper bound ending the text before the next tier's label ("< 130", "até 99 mg/dL").
const TIER_BOUND_END = String.raw`(?:[<≤]|at[eé]\s|inferior\s+a\s|menor\s+que\s)\s*\d[\d.,]*(?:\s*[^\s\d;|:]{1,10})?`;
const BOUND_BEFORE_TIER = new RegExp(String.raw`${TIER_BOUND_END}\s*$`, 'iu');

class Bag {
  /** The analyte's own value: only its own line can print it. */
  private value: number[] | undefined;
  private valueWords = '';
  private wordTaken = false;
  private ownWordTakes = 0;
  private valueNumbers: number[][] = [];
  /** Numbers and words of its reference, unit and name: printed on its line or on the lines of its record. */
  private printed: number[][] = [];
  /** Its reference was read from other lines, not printed on its own. */
  private readonly refAway: boolean;
  private printedWords: string;
  /** Result words that label its tiers ('não reagente', 'reagente'), taken only where printed as a tier's label. */
  private tierWords: string;
  readonly foldedName: string;
  /** The name without its qualifier in brackets or after a dash ("HTLV 1/2" of "HTLV 1/2 - Anticorpos totais"): a reference line may be labelled so. */
  readonly foldedShortName: string;
  readonly foldedRef: string;
  constructor(
    readonly a: Read,
    private readonly line: string,
    private readonly fieldsApart = false,
  ) {
    // What can account for a number is narrower than the printed texts: a reference's numbers only inside
    // its ranges (a reference cell that ran on, "0,7 a 1,2 mg/dL   Ureia 48,7", does not hide 48,7);
    // a name's only small integers and years of its first cell ("HIV 1 e 2", "(3 amostras)", "(CKD-EPI
    // 2021)", not a value a title swallowed); a unit's all of them.
    // "Não detectável (limite: 40 cópias/mL)": the limit is the range's bound.
    // A bare number the reader left at the head of a reference, printed before a bound's lead ("644    até
    // 1.000 /mm³"), is a value beside the result, never a bound: it accounts for nothing.
    const joined = detectionLimitBound(a.reference_text ?? '');
    const head = numberBeforeBoundIn(joined, line);
    const ref = head === undefined ? joined : joined.replace(head, ' '.repeat(head.length));
    // A range the margin cut ("5,0 a 1[cortado]") has no span, but what is left of it is the reference's.
    const spans: Array<[number, number]> = isCutRange(ref) || isRelativeGoal(ref) ? [[0, ref.length]] : rangeSpans(ref);
    // A range the report does not print (the catalogue's, reference_source 'built_in') accounts for no number it prints.
    const builtIn = 'reference_source' in a && a.reference_source === 'built_in';
    const refNumbers = builtIn ? [] : spans.flatMap(([s, e]) => numbersIn(ref.slice(s, e).replace(GLUED, '$1 ')));
    // A reference read from another line ("VR: 0 a 2 %  -  0 a 200 /mm³" under "Basófilos ….: 0 %   0
    // /mm³"): on the result's own line its bounds account for no number printed in another unit (the
    // relative count's "0 %" is no bound of the absolute count's range).
    const folded = fold(line);
    this.refAway = spans.length > 0 && !spans.some(([s, e]) => folded.includes(fold(ref.slice(s, e))));
    // A number joined to a word by a dash counts too (the catalogue's "Vitamina D (25-OH)" for a printed
    // "VITAMINA D - 25 HIDROXI").
    const nameNumbers = numbersIn(a.name.split(/\s{2,}/)[0]!.replace(/(?<=\d)[-–](?=\p{L})/gu, ' ')).filter((n) => /^(?:\d{1,3}|(?:19|20)\d\d)$/.test(n.text));
    // … and the body surface a rate is normalised to ("Depuração corrigida p/ 1,73 m²").
    for (const m of matchesOf(PER_BODY_SURFACE, a.name)) nameNumbers.push(...numbersIn(m[0]));
    // … and a compound's locants glued to its name ("2,5-Hexanodiona").
    for (const m of matchesOf(/(?<![\p{L}\d.,])(\d{1,2}(?:,\d{1,2})+)-(?=\p{L}{3})/gu, a.name))
      nameNumbers.push(...m[1]!.split(',').flatMap((n) => numbersIn(n)));
    const unitNumbers = 'unit' in a && a.unit ? numbersIn(a.unit) : [];
    if (typeof a.value === 'number') {
      // "4,5 mil", "4,5 x10³": the printed number is a scaled value.
      const v = a.value;
      this.value = [v, -v, ...(/\bmil|milh|x\s*10|10\s*[³^e]/i.test(line) ? [v / 1e3, v / 1e6] : [])];
    } else {
      // A word result may print numbers of its own ("Reagente (título 1:16)"): they are its value too.
      // A titre read from "REAGENTE 1/8" ("1/8") says the sample reacted: the word printed with it is its too.
      this.valueWords = fold(/^1[/:]\d+$/.test(a.value) ? `${a.value} fracamente reagente reagente reativo positivo` : a.value);
      this.valueNumbers = numbersIn(a.value).map((n) => n.values);
    }
    for (const n of [...refNumbers, ...nameNumbers, ...unitNumbers]) this.printed.push(n.values);
    // Words likewise: a word reference only as the reference reads it ("Não reagente", "Ausentes ou
    // raras"), never a word that ran on after it; a numeric result's reference holds no result words.
    // A numeric result's tiers may be named by result words ("inferior a 10 mUI/mL: não reagente;
    // igual ou superior a 10: reagente (imune)"): with two tiers or more, each labelled, those labels
    // are its reference's too, where a line prints them as a tier's label (a word after one range,
    // "70 a 99   Reagente", or after a name, "; HBsAg: Reagente", ran on: never).
    // So is the one tier a reference opens with, its label before a dash ("Não detectável — inferior a 0,10
    // kUA/L", shared by an allergen table's rows): the label says what the range below the bound is.
    const tiers = typeof a.value !== 'string' && ref ? labelledRanges([ref]) : [];
    const first = tiers.length === 1 ? tiers[0]!.label.trim() : '';
    const opening = ref?.trimStart() ?? '';
    const labelFirst = first !== '' && fold(opening.slice(0, first.length)) === fold(first) && /^\s*[—–-]\s*\S/u.test(opening.slice(first.length));
    this.tierWords =
      (tiers.length >= 2 || labelFirst) && tiers.every((r) => r.label.trim() !== '')
        ? fold(
            tiers
              .map((r) => r.label.replace(/\([^()]*\)/g, ' ').trim())
              .filter((l) => RESULT_WORD.exec(foldSameLength(l))?.[0].length === l.length && (labelFirst || tierLabelled(ref, l)))
              .join(' '),
          )
        : '';
    const wordRef = typeof a.value === 'string' && ref ? (qualitativeReference(ref) ?? '') : '';
    // A name is not a result: a title that swallowed a word result ("DENGUE IgM ; HBsAg: Reagente")
    // does not account for it.
    this.printedWords = fold(wordRef);
    this.foldedName = fold(a.name);
    this.foldedShortName = fold(a.name.replace(/\s*(?:\(|\s[-–—]\s).*$/, ''));
    this.foldedRef = fold(a.reference_text ?? '');
  }
  /** A tier's result-word label, printed as one on its line: after a range and its colon, or before a colon. */
  private tierWord(tok: Token, line: string): boolean {
    const before = line.slice(0, tok.at);
    const after = line.slice(tok.at + tok.text.length);
    // A word in the bracket that qualifies a tier's label, before its colon ("G1 (normal ou alta): maior ou
    // igual a 90", a filtration rate's stages), as its reference reads it: the label's, no result.
    const open = before.lastIndexOf('(');
    const close = /^[^()]*\)(?=\s*:)/u.exec(after);
    if (
      typeof this.a.value === 'number' &&
      open >= 0 &&
      !before.slice(open).includes(')') &&
      close &&
      this.foldedRef.includes(fold(line.slice(open, tok.at + tok.text.length + close[0].length)))
    )
      return true;
    // A tier's label in brackets after its range ("< 5,7 (normal) | 5,7 a 6,4 (risco aumentado) | ≥ 6,5
    // (diabetes)", a glycated haemoglobin's tiers), as its reference reads it: the label's, no result.
    if (typeof this.a.value === 'number' && /\d\s*\($/u.test(before) && /^\)/u.test(after) && this.foldedRef.includes(fold(`(${tok.text})`))) return true;
    // A word opening a tier's label of a few words, before the colon ("Normal ou elevada (G1): >= 90", a
    // filtration rate's stages named in words, the stage in brackets), as its reference reads it: the label's.
    const label = /^[\p{L}\s]{0,40}(?:\([^()]*\))?\s*:/u.exec(after);
    if (typeof this.a.value === 'number' && /(?:^|[|;])\s*$/u.test(before) && label && this.foldedRef.includes(fold(tok.text + label[0]))) return true;
    if (this.tierWords === '' || !holdsWord(this.tierWords, tok.text)) return false;
    // … or the one tier's, first after the reference's lead and before its dash (Bag's labelFirst).
    const opening = stripReferenceLead(line).rest.trimStart();
    if (fold(opening).startsWith(fold(tok.text)) && /^\s*[—–-]\s*\S/u.test(after) && this.foldedRef.startsWith(fold(opening.slice(0, tok.text.length))))
      return true;
    return /\d[^;|:\d]*:\s*$/u.test(before) || /^\s*(?:\([^()]*\))?\s*:/u.test(after) || (BOUND_BEFORE_TIER.test(before) && /^\s*[<≤]\s*\d/u.test(after));
  }
  /**
   * The lab's verdict on this numeric result ("70 a 99   Normal"): a verdict word in the line's last cell,
   * after a cell with a number (its reference). A word after a name cell ("Urobilinogênio   Normal") is a result.
   */
  private verdict(tok: Token): boolean {
    if (
      !VERDICT_WORD.test(tok.text) ||
      this.line
        .slice(tok.at + tok.text.length)
        .replace(/\|/g, '')
        .trim() !== ''
    )
      return false;
    const before = this.line
      .slice(0, tok.at)
      .split(/\s{2,}|\|/)
      .filter((c) => c.trim() !== '');
    if (typeof this.a.value === 'number') return /\d/.test(before[before.length - 1] ?? '');
    // A word result's verdict stands after its value and its word reference ("Proteínas | Negativo |
    // Negativo | Normal"): name, value and reference cells before it.
    return before.length >= 3 && qualitativeReference(before[before.length - 1]!.trim()) !== undefined && holdsWord(this.valueWords, before[1]!.trim());
  }
  /**
   * A word of a list that is exactly this result's value: it takes it before any other of its line does (`take`
   * would let "O negativo" take the "Negativo" of the cell beside it, leaving its own word to no one).
   */
  takeOwnWord(tok: Token): boolean {
    if (tok.kind !== 'word' || !tok.listed || this.wordTaken || fold(tok.text).trim() !== this.valueWords.trim()) return false;
    this.wordTaken = true;
    return true;
  }
  /** On the analyte's own line: takes the value first, then a printed number (each accounts for one token). */
  take(tok: Token): boolean {
    if (tok.meaning !== undefined) return this.take({ ...tok, meaning: undefined }) || this.take({ ...tok, text: tok.meaning, meaning: undefined });
    // A word result's reference cell, whatever its words, is the reference the reader joined to it ("FAS   FA", a
    // haemoglobin profile against the normal one). So is a number's word reference ("1.860 cópias/mL   Não
    // detectado", a viral load detected against an undetectable one).
    // A word of a typed list between commas is one result's ("HIV não reagente, HBsAg não reagente"): a
    // value accounts for one such word, so one result lost leaves its word unaccounted.
    if (tok.kind === 'word' && tok.listed) {
      if (this.wordTaken || !holdsWord(this.valueWords, tok.text)) return false;
      this.wordTaken = true;
      return true;
    }
    // Its own word twice at most, as its value and as its word reference: a third is another result's ("Corpos cetônicos
    // Ausente   Ausente   | Muco   Ausente   Ausente", h1847, where the one left took every "Ausente" when the other was
    // lost, and the line went unlisted).
    if (tok.kind === 'word' && fold(tok.text).trim() === this.valueWords.trim()) {
      if (this.ownWordTakes >= 2) return false;
      this.ownWordTakes++;
      return true;
    }
    if (tok.kind === 'word')
      return (
        holdsWord(this.valueWords, tok.text) ||
        holdsWord(this.printedWords, tok.text) ||
        fold(tok.text) === this.foldedRef ||
        this.tierWord(tok, this.line) ||
        this.verdict(tok)
      );
    const hit = (vs: number[]) => vs.some((v) => tok.values.some((x) => Math.abs(x - v) < 1e-9));
    // Its value is printed in its own unit: "0 %" beside "0 /mm³" is the relative count's, not this one's.
    if (this.value && hit(this.value) && !this.inOtherUnit(tok, this.line)) {
      this.value = undefined;
      return true;
    }
    const w = this.valueNumbers.findIndex(hit);
    if (w >= 0) {
      this.valueNumbers.splice(w, 1);
      return true;
    }
    const i = this.printed.findIndex(hit);
    // Nor, on a spreadsheet's row, any number at all when the reference was printed on another line ('…,29,41,176,…'
    // under its reference row "até 41"): a bound is not printed twice; that 41 is another column's value. Elsewhere a
    // reference the reader put together (min and max columns "4,50   6,10" read as "4,50 a 6,10", a bound wrapped onto
    // the next line "80,0 a" / "100,0") is not found on the line as printed though its numbers are: applied to every
    // line, the rule listed the rows of 46 reports read right.
    if (i < 0 || (this.refAway && (this.fieldsApart || this.inOtherUnit(tok, this.line)))) return false;
    this.printed.splice(i, 1);
    return true;
  }
  /**
   * On another line of its record: only what it printed there (a reference line repeats its
   * numbers, so nothing is taken). Words only when the line is known to be this analyte's
   * (its reference joined, or its name printed): "Negativo" beside another name is a result.
   */
  has(tok: Token, words: boolean, line?: string, restatable = true): boolean {
    if (tok.meaning !== undefined)
      return (
        this.has({ ...tok, meaning: undefined }, words, line, restatable) ||
        this.has({ ...tok, text: tok.meaning, meaning: undefined }, words, line, restatable)
      );
    if (tok.kind === 'word') return words && (holdsWord(this.printedWords, tok.text) || (line !== undefined && this.tierWord(tok, line)));
    // On a neighbour's line, a number in a unit other than this result's is not its reference's
    // ("CHCM ....: 34,0 g/dL" under "HCM …… 30,3 pg" with "26,0 a 34,0 pg").
    if (!words && line !== undefined && this.inOtherUnit(tok, line)) return false;
    return (
      this.printed.some((vs) => vs.some((v) => tok.values.some((x) => Math.abs(x - v) < 1e-9))) ||
      (words && restatable && line !== undefined && this.restated(tok, line))
    );
  }
  private inOtherUnit(tok: Token, line: string): boolean {
    const own = 'unit' in this.a ? this.a.unit : null;
    if (!own) return false;
    const printed = unitAtStart(line.replace(GLUED, '$1 ').slice(tok.at + tok.text.length))?.unit;
    return printed !== undefined && printed !== own;
  }
  /**
   * Its value, with its unit or none, on a line that names it ("Valor crítico (POTÁSSIO 6,1 mmol/L) comunicado a
   * …"): the same result told again, no other. Another value there, or this one in another unit, still counts.
   */
  private restated(tok: Token, line: string): boolean {
    const a = this.a;
    if (typeof a.value !== 'number' || !('unit' in a) || !tok.values.some((x) => Math.abs(x - a.value) < 1e-9)) return false;
    // A critical value's notice may name it without its unit ("Valores críticos comunicados: POTÁSSIO 5,8 -
    // comunicado a …"): the same value under the same name, no other result.
    const printed = unitAtStart(line.replace(GLUED, '$1 ').slice(tok.at + tok.text.length))?.unit;
    // A result that has no unit ("pH 7,12" in the same notice) is told again only bare.
    if (!a.unit) return printed === undefined;
    return printed === undefined || printed === a.unit;
  }
}

const WINDOW = 300;

// A line ending in a range's separator: the range goes on on the next line.
const OPEN_RANGE_END = /(?:^|\s)(?:a|à|at[ée]|[-–])\s*$/iu;

/**
 * Whether folded `text` opens with `name` as its label ("hiv 1/2: nao reagente"): a reference line under the
 * results naming one by its name without the qualifier. A longer name after it ("hepatite b - hbsag: …") is another result's.
 */
function labelsLine(text: string, name: string): boolean {
  const t = text.trimStart();
  return t.startsWith(name) && /^\s*:/.test(t.slice(name.length));
}

/**
 * Whether folded `text` prints `name` as whole words: "hcm" is no name printed in "chcm : 34,0 g/dl", nor
 * "7" a number printed in "1.700 a 7.000" (a separator between digits is inside a number).
 */
function namesWhole(text: string, name: string): boolean {
  const digitAt = (i: number) => /\d/.test(text[i] ?? '');
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    const before = /[\p{L}\d]/u.test(text[at - 1] ?? ' ') || (/^\d/.test(name) && /[.,]/.test(text[at - 1] ?? '') && digitAt(at - 2));
    const after = /[\p{L}\d]/u.test(text[end] ?? ' ') || (/\d$/.test(name) && /[.,]/.test(text[end] ?? '') && digitAt(end + 1));
    if (!before && !after) return true;
  }
  return false;
}

// A two-letter name's pattern before its value, made once per name ("ph", "tp"): made again on every call, a pattern
// is compiled again whenever the engine's compilation cache has let it go (src/text/matches.ts).
const SHORT_NAME_LEADS = new Map<string, RegExp>();
function shortNameLead(name: string): RegExp {
  let re = SHORT_NAME_LEADS.get(name);
  if (re === undefined) {
    re = new RegExp(String.raw`(?<![\p{L}\d])${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\s*[:=]?\s*(?=[-−]?\d)`, 'gu');
    SHORT_NAME_LEADS.set(name, re);
  }
  return re;
}

/**
 * Whether folded `text` prints a two-letter name right before its result's value ("valor critico: ph 7,16
 * comunicado …"): too short a name to be looked for anywhere on a line, it names the value it leads.
 */
function namesBeforeValue(text: string, b: Bag): boolean {
  const v = b.a.value;
  if (b.foldedName.length !== 2 || typeof v !== 'number') return false;
  const lead = shortNameLead(b.foldedName);
  for (const m of matchesOf(lead, text)) {
    const n = numbersIn(text.slice((m.index ?? 0) + m[0].length))[0];
    if (n && n.index === 0 && n.values.some((x) => Math.abs(x - v) < 1e-9)) return true;
  }
  return false;
}

/** A reference's lead alone on its line ("Valores de referência:"): what it leads is printed under it. */
function isLeadOnly(text: string): boolean {
  const led = stripReferenceLead(text);
  return led.lead && led.rest === '';
}

/** First bag whose analyte's line is at or after `line` (bags sorted by line). */
function lowerBound(bags: readonly Bag[], line: number): number {
  let lo = 0;
  let hi = bags.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bags[mid]!.a.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// An antibiogram's title, and a row under it of an antimicrobial and its lone S / I / R after a colon (parse.ts reads it
// so) or in a column of its own ("Cefuroxima                     S", h1550).
const ANTIBIOGRAM_TITLE = /^\W*(?:antibiograma|teste\s+de\s+sensibilidade\b|tsa\b)/iu;
const LETTERED_ROW = /^(\s*\P{N}*\p{L}{3}[^\d:]*?)(?:\s*:|\s{2,})\s*([SIR])\s*$/u;

/** A report's lines as the accounting pass reads them, with the result-like tokens of each (`printedTokens`). */
export interface PrintedTokens {
  lines: readonly AccountLine[];
  tokens: ReadonlyMap<number, readonly Token[]>;
}

/**
 * The result-like tokens of every line of a report. They depend on the printed lines alone, not on what was read
 * or listed, so a caller that accounts for one report against several readings computes them once: the corpus
 * property that hides each result in turn (test/support/lab-lost-analytes.ts) spent about four fifths of each
 * accounting in tokenising the same lines again (`resultTokens`, 1,234 of 1,525 ms of the pass over 100 reports
 * under `--cpu-prof`, 2026-12-03).
 */

// An item of a list, opened by its dash or bullet ("- CISTOS DE GIARDIA LAMBLIA").
const LIST_ITEM = /^\s*[-–•*·]\s/u;

/** The text of the first line after the `k`th that prints anything. */
function textAfter(lines: readonly AccountLine[], k: number): string | undefined {
  for (let j = k + 1; j < lines.length; j++) if (lines[j]!.text.trim() !== '') return lines[j]!.text;
  return undefined;
}

export function printedTokens(printed: readonly AccountLine[]): PrintedTokens {
  // A table with a date and a result column per period, given as printed (the corpus property's raw lines): each
  // row as the name, result and reference the reader reads it as (dated-result-columns.ts), so that a one-letter
  // or repeated word result counts where a date stood beside it (h1616); so is one with a single sample-date column,
  // blanked (sample-date-columns.ts, h1680). A line given as read is left as it is.
  const dated = sampleDateColumnsBlanked(datedResultColumnsAsRows(printed.map((l) => l.raw)));
  const asRead = printed.map((l, k) => (dated[k] === l.raw || l.text !== cleanLine(l.raw, l.index).text ? l.text : cleanLine(dated[k]!, l.index).text));
  // A line of an RTF source read as a line of its own (the corpus property's raw lines) is the text it prints; a
  // line of XML tags, its attributes' values after their labels (xml-records.ts).
  const own = asRead.map((t) => xmlTagsAsCells(rtfLineAsText(t)));
  const csv = commaTableAsCells(own);
  const lines = printed.map((l, k) => {
    const cells = textFieldAsCells(csv[k]!);
    return cells === l.text ? l : { ...l, text: cells, fieldsApart: csv[k] !== own[k] };
  });
  const tokens = new Map<number, Token[]>();
  // Cells printed as a code a legend of the report explains as a result word ("VDRL   NR   NR", "NR = Não
  // reagente"): result words, as the reader reads them (result-codes.ts).
  const codeCells = new Map([...resultCodeCells(lines.map((l) => l.text))].map(([k, cells]) => [lines[k]!.index, cells]));
  let antibiogram = false;
  let labelAbove = false;
  let textAbove: string | undefined;
  let lastLine: AccountLine | undefined;
  for (const [k, l] of lines.entries()) {
    const alone = l.text.trim();
    const underLabel = labelAbove;
    const above = textAbove;
    // A stool exam's own name heads its finding as a word field's label does ("Parasitológico de fezes" / "Cistos de …").
    if (alone !== '') labelAbove = isWordColumnName(alone) && !alone.includes(':');
    if (alone !== '') textAbove = alone;
    const lineAbove = lastLine;
    if (alone !== '') lastLine = l;
    if (l.text === '') continue;
    if (isIdentifierUnderLabel(alone, above)) continue;
    const toks = resultTokens(l.text, l.raw);
    // A few words alone under a label whose results are words, alone on the line above ("Grupo sanguíneo" / "A",
    // "Cor" / "Palha", one cell a line): the result, one letter though it is.
    if (
      underLabel &&
      toks.length === 0 &&
      !isWordField(alone) &&
      !COLUMN_HEADING.test(alone) &&
      /^\p{L}(?:[\p{L}+-]| (?! ))*$/u.test(alone) &&
      alone.split(/\s+/).length <= 4
    )
      toks.push({ kind: 'word', text: alone, values: [], at: l.text.indexOf(alone) });
    // A finding said in a sentence alone under a word exam's title, its method in brackets allowed ("Parasitológico de
    // fezes (método de Hoffman)" / "Presença de ovos de Ascaris lumbricoides", an app's card): the result, however many
    // words it takes, as the reader takes it (line-kinds.ts).
    if (toks.length === 0 && above !== undefined && !above.includes(':') && !alone.includes(':') && findingAfterLabel(above, alone))
      toks.push({ kind: 'word', text: alone, values: [], at: l.text.indexOf(alone) });
    // So is a finding in words alone under its block's title, details or "Resultado" label, over a reference that
    // says nothing should be found ("Cistos de Giardia duodenalis (lamblia)" / "Valor de referência: Negativo",
    // h1746), as the reader takes it.
    // Only right under the title, its details or its "Resultado" label alone, none of which holds a result: under a
    // result ("Negativo" / "✔ Dentro da referência") or an item of a list under one ("RESULTADO: POSITIVO" / "- CISTOS
    // DE GIARDIA LAMBLIA" / "- OVOS DE …") the words are that result's.
    const titleAbove =
      lineAbove !== undefined &&
      !LIST_ITEM.test(lineAbove.raw) &&
      (isBlockDetail(lineAbove.text) || RESULT_LABEL_ALONE.test(lineAbove.text) || !tokens.has(lineAbove.index));
    if (toks.length === 0 && titleAbove && !LIST_ITEM.test(l.raw) && findingOverNegativeReference(alone, textAfter(lines, k)))
      toks.push({ kind: 'word', text: alone, values: [], at: l.text.indexOf(alone) });
    // A screen reader's field spoken over two lines ("Rótulo: Microrganismo isolado" / "Valor: Escherichia coli"):
    // the value line holds what its label's line would hold, were the two one "Label: value" line.
    const spoken = l.index > 0 && !toks.some((t) => t.kind === 'word') ? spokenField(lines[l.index - 1]!.text, l.text) : undefined;
    if (spoken !== undefined)
      for (const t of resultTokens(spoken)) if (t.kind === 'word' && l.text.includes(t.text)) toks.push({ ...t, at: l.text.indexOf(t.text) });
    // Under an antibiogram's title, a row's lone letter after a dot leader or a colon ("- Ampicilina ........ **R**",
    // h1541): the reader takes it for the antimicrobial's S / I / R (parse.ts), so it is a result here too.
    const lettered = antibiogram && !toks.some((t) => t.kind === 'word') ? LETTERED_ROW.exec(l.text) : null;
    if (lettered) toks.push({ kind: 'word', text: lettered[2]!, values: [], at: l.text.lastIndexOf(lettered[2]!) });
    if (ANTIBIOGRAM_TITLE.test(l.text)) antibiogram = true;
    for (const c of codeCells.get(l.index) ?? [])
      if (!toks.some((t) => t.at === c.at)) toks.push({ kind: 'word', text: c.code, values: [], at: c.at, meaning: c.meaning });
    if (toks.length) tokens.set(l.index, toks);
  }
  return { lines, tokens };
}

// A value alone, no range ("130 mg/dL", not "130 a 159"): a row's own result, opening its cell or after its leader's colon.
const VALUE_NOT_RANGE = String.raw`\d[\d.,]*(?!\s*(?:a|à|-|–|at[eé])\s*\d)(?![\d.,])`;
const CELL_VALUE = new RegExp(`^${VALUE_NOT_RANGE}`, 'u');
const LEADER_VALUE = new RegExp(`:\\s*${VALUE_NOT_RANGE}`, 'u');
// A label alone before its colon (no column gap in it), the value right after: "LDL (Friedewald): 100 mg/dL".
const LABEL_VALUE = new RegExp(`^\\s*[^:\\s](?:(?!\\s{2})[^:])*:\\s*${VALUE_NOT_RANGE}`, 'u');

/**
 * A line's reference: led from its start, or from a cell of its own after cells that hold no result (the wrapped
 * end of the lab's note in brackets, "parasitárias de Plasmodium sp.)      V.R.: Negativa", h1733), every token of
 * the line in that cell. The line is then that reference's as when the lead opens it.
 */
function referenceCellOf(text: string, toks: readonly Token[]): ReturnType<typeof stripReferenceLead> {
  const led = stripReferenceLead(text);
  if (led.lead) return led;
  for (const gap of matchesOf(/\s{2,}(?=\S)/g, text)) {
    const at = gap.index + gap[0].length;
    // A label's colon before the cell makes the line a result's row, its finding in words no token ("Protozoários:
    // Cistos de Giardia lamblia   Ref.: Ausentes", h1640): the line is that result's, not its reference's.
    if (!toks.every((t) => t.at >= at) || text.slice(0, at).includes(':')) break;
    const cell = stripReferenceLead(text.slice(at));
    if (cell.lead) return cell;
  }
  return led;
}

/**
 * The lines whose result-like tokens are not all accounted for, in report order, verbatim (trimmed
 * raw text). `listed` is what the reader already put in `unparsed_lines`; the result holds it too.
 */
export function accountLines(
  printed: readonly AccountLine[],
  read: readonly Read[],
  listed: readonly string[],
  { lines, tokens }: PrintedTokens = printedTokens(printed),
): string[] {
  const byLine = new Map<number, Bag[]>();
  for (const a of read) {
    const l = lines[a.line];
    if (!l) continue;
    byLine.set(a.line, [...(byLine.get(a.line) ?? []), new Bag(a, l.text, l.fieldsApart)]);
  }
  const readLines = [...byLine.keys()].sort((x, y) => x - y);
  const listedSet = new Set(listed);
  const unaccounted = new Set<number>();
  // A line the reader listed is accounted for as it stands.
  const tokensOf = new Map([...tokens].filter(([i]) => !listedSet.has(lines[i]!.raw.trim())));
  // First the lines that made analytes: their own analytes account for their tokens.
  for (const i of readLines) {
    const toks = tokensOf.get(i);
    if (!toks) continue;
    const bags = byLine.get(i)!;
    // A list's words go first to the results they print exactly (Bag.takeOwnWord), then as any token.
    const ownWords = new Set(toks.filter((t) => bags.some((b) => b.takeOwnWord(t))));
    if (!toks.every((t) => ownWords.has(t) || bags.some((b) => b.take(t)))) unaccounted.add(i);
  }
  // Then every other line, through its record: the read lines around it, or an analyte it names
  // (within WINDOW lines: a reference table after the results sits in the same report).
  const all = readLines.flatMap((r) => byLine.get(r)!);
  // The analytes of its record that accounted for a line without a result of its own.
  const accountedBy = new Map<number, Bag[]>();
  let next = 0;
  for (const l of lines) {
    const i = l.index;
    while (next < readLines.length && readLines[next]! <= i) next++;
    const toks = tokensOf.get(i);
    if (!toks || byLine.has(i)) continue;
    const before = next > 0 ? readLines[next - 1] : undefined;
    const after = readLines[next];
    const text = fold(l.text);
    // A footnote names its result after its mark ("(1) 25-OH vitamina D: …").
    const key = lookupName(cleanName(l.text.replace(NOTE_MARK, '').split(/\s{2,}|:/)[0]!))?.key;
    // A line the reader joined to a result as its reference text, a few lines from that result
    // (references printed under a later result of the block, "Valores de referência (bilirrubina total):").
    // A number alone on its line is no such text: it is a value in a layout of one cell per line, and
    // a bound it equals in a reference nearby ("1" in "1 a 6") does not account for it. Nor is a number
    // with its unit alone ("33 U/L" under a portal card's "Resultado"): "até 33 U/L" beside it is another's.
    const led = referenceCellOf(l.text, toks);
    const rest = fold(led.rest);
    const number = /^[<>≤≥]?\s*\d[\d.,]*/.exec(rest.trim());
    const unitOnly = number !== null && unitAtStart(rest.trim().slice(number[0].length))?.consumed === rest.trim().length - number[0].length;
    const bare = (number !== null && number[0].length === rest.trim().length) || unitOnly ? '' : rest;
    // A result word alone on its line, unled ("Não reagente" under "Toxoplasmose IgG", a portal's card or a
    // table printed one cell a line), is a result's cell, or the word reference printed under its result:
    // it is joined only to the result right above it, nothing between them but blank lines, a reference's
    // lead or that reference's other lines. A word reference of a result a few lines off that reads the same
    // ("Valor de referência: Não reagente" of the card above or below) is no account of it: were the word's
    // own result lost, the line would go unlisted. Under a lead alone on the line above ("Valores de
    // referência:" / "Negativo") it is a reference line as any other.
    const above = lines
      .slice(Math.max(0, i - 5), i)
      .reverse()
      .find((x) => x.text.trim() !== '');
    const leadAbove = above !== undefined && isLeadOnly(above.text);
    const loneWord = !led.lead && !leadAbove && toks.length === 1 && toks[0]!.kind === 'word' && fold(toks[0]!.text).trim() === fold(l.text).trim();
    const underIts = (b: Bag) =>
      b.a.line === before &&
      (lines.slice(before + 1, i).every((x) => x.text.trim() === '' || isLeadOnly(x.text) || accountedBy.get(x.index)?.includes(b) === true) ||
        // … or a culture's comment on its negative word, maybe wrapped ("Sem crescimento" / "bacteriano após 48
        // horas", h1672), between the word and its reference: no result of its own.
        NO_GROWTH_NOTE.test(
          lines
            .slice(before + 1, i)
            .map((x) => x.text.trim())
            .filter(Boolean)
            .join(' '),
        ));
    const own: Bag[] = [];
    for (let k = lowerBound(all, i - WINDOW); k < all.length && all[k]!.a.line <= i + WINDOW; k++) {
      const b = all[k]!;
      const named =
        (b.foldedName.length >= 3 && namesWhole(text, b.foldedName)) ||
        (b.foldedShortName.length >= 3 && labelsLine(text, b.foldedShortName)) ||
        (key !== undefined && b.a.key === key) ||
        namesBeforeValue(text, b);
      // … or further on, right under a line of that reference (a footnote of several ranges, one a line:
      // "Nota (1) - RNI: sem anticoagulação: 0,90 a 1,20" / "anticoagulação oral: 2,00 a 3,00" / …).
      const joined =
        ((b.a.line >= i - 15 && b.a.line <= i + 3) || accountedBy.get(i - 1)?.includes(b) === true) &&
        bare !== '' &&
        namesWhole(b.foldedRef, bare) &&
        (!loneWord || underIts(b));
      if (named || joined) own.push(b);
    }
    // A line labelled as a result ("RESULTADO:  130 mg/dL") holds a result: a neighbour's reference that
    // happens to print the same number ("Limítrofe: 130 a 159") does not account for it.
    // So does the value under a lead alone on the line above (a portal's card: "Resultado" / "33 U/L").
    const labelledResult =
      /^\s*resultados?\s*:|\sresultados?\s*:\s*[<>≤≥]?\s*\d/i.test(l.text) || (number !== null && /^\s*resultados?\s*:?\s*$/i.test(lines[i - 1]?.text ?? ''));
    // A titre alone on its line under its reactive result ("Resultado: Reagente" / "Título: 1/4") is
    // that result's value, read from the line above: the whole line is the titre (titreOf reads it all).
    const titre = titreOf(l.text);
    if (titre !== undefined && before !== undefined && i - before <= 3 && byLine.get(before)!.some((b) => b.a.value === titre)) continue;
    // A value alone on its line, with its unit or none ("0,9 mg/dL" between two results printed one cell a
    // line), is a result's cell: the bound a neighbour's reference shares with it ("até 0,9 mg/dL") is no
    // account of it. A reference printed alone is led ("até", "<") or a range; the bound that closes a range
    // the line above left open ("150.000 a" / "450.000 /mm³", a PDF cell wrapped) is the reference's.
    const loneValue = bare === '' && !led.lead && /^\d/.test(rest.trim()) && !OPEN_RANGE_END.test(lines[i - 1]?.text ?? '');
    // A row whose name cell names a result none read, a value (no range) opening the next cell ("LDL colesterol
    // 130 mg/dL   (1)", its reference a footnote's mark): that value is the row's own result, and a neighbour's
    // reference printing the same bound (the goals of the footnote both rows point to) is no account of it.
    const cells = key === undefined || own.some((b) => b.a.key === key) ? [] : l.text.trim().split(/\s{2,}/);
    // So does a row whose name reaches its value by a dot leader ("LDL COLESTEROL (Friedewald) ... 130 mg/dL", h1443,
    // cleaned to a colon): a leader joins a result to its name, never a note's bound to the analyte it is for.
    // And a row whose name is its label, the value right after the colon ("LDL (Friedewald): 100 mg/dL", a chat bot's
    // list item, h1642): the label names the result, as a leader does; a goal under it ("intermediário < 100") is led.
    const leaderRow =
      key !== undefined && !own.some((b) => b.a.key === key) && (/\S\s*\.{3,}\s*\d/.test(l.raw) || LABEL_VALUE.test(l.text)) && LEADER_VALUE.test(l.text);
    const unreadRow = leaderRow || (cells.length >= 2 && !cells[0]!.includes(':') && CELL_VALUE.test(cells[1]!));
    const near =
      labelledResult || loneValue || unreadRow
        ? []
        : [...(before !== undefined ? byLine.get(before)! : []), ...(after !== undefined ? byLine.get(after)! : [])];
    // A row of cells, a name then its value opening the next ("| LDL | 145 mg/dL | < 130 | Acima |", a chat bot's table
    // of the results quoted above it, h1534): a result's row, whatever result above it has that value, and no notice
    // telling one again. Lost, its line is listed.
    const rowCells = l.text
      .trim()
      .split(/\s{2,}|\s*\|\s*/u)
      .filter((c) => c !== '');
    const restatable = !(rowCells.length >= 3 && /^\p{L}[^:\d]*$/u.test(rowCells[0]!) && CELL_VALUE.test(rowCells[1]!));
    if (!toks.every((t) => own.some((b) => b.has(t, true, l.text, restatable)) || near.some((b) => b.has(t, false, l.text)))) unaccounted.add(i);
    else accountedBy.set(i, own);
  }
  const extra = [...unaccounted].sort((x, y) => x - y).map((i) => lines[i]!.raw.trim());
  if (extra.length === 0) return [...listed];
  // Report order: the reader's list and the new lines merged by their first line in the report.
  const at = new Map<string, number>();
  for (const l of lines) if (!at.has(l.raw.trim())) at.set(l.raw.trim(), l.index);
  const merged = [...listed, ...extra.filter((e) => !listedSet.has(e))];
  return merged
    .map((s, k) => ({ s, k, i: at.get(s) ?? Number.MAX_SAFE_INTEGER }))
    .sort((x, y) => x.i - y.i || x.k - y.k)
    .map((x) => x.s);
}
