// Reads lab results out of the text of a Brazilian lab report, line by line with a little state.
// The pieces live next door: lines.ts (cleaning, administrative lines), value.ts (value, unit,
// marker), reference.ts (ranges, sex/age/tier choice, qualitative references), layouts.ts (table
// headers, labelled one-line results, lines holding several results), patient.ts (sex and age).
//
// Layouts (docs/labs.md lists them with examples): columns; "Name: value unit (VR: …)"; dot leaders;
// blocks (title, Material/Método, "Resultado: …", references under or beside it, even above it);
// "Exame: X - Resultado: Y - VR: Z"; several results on a line; markdown tables, bullets and bold
// from photo transcriptions; relative + absolute counts on one line; qualitative results.
//
// Never silent: a line that holds a number token and is neither administrative, a reference, a
// title nor read in full goes to `unparsed_lines` verbatim; then a final accounting pass that knows
// no layout (accounting.ts) lists every line with a result-like token no analyte accounts for. Nothing is guessed: a value without a
// range the report states and without a built-in range in the same unit is 'indeterminado'.
import { flagLoadsUnderDetection } from './loads-under-detection.ts';
import { withoutDiagonalWatermark } from './watermarks.ts';
import { afterColourLegend, greenBand, isColourLegendLine, isLegendLine } from './colour-legends.ts';
import { accountLines, resultTokens, type AccountLine } from './accounting.ts';
import { withoutEarlierReports } from './earlier-reports.ts';
import { withoutTranslatedCopy } from './translations.ts';
import { outsideLabSections } from './outside-lab.ts';
import { blockColumns, mapBack } from './block-columns.ts';
import { alertColumnAt, isDoseLine, withoutAlertColumn } from './alert-column.ts';
import { listedAsQuoted, withoutMailQuotes } from './mail-quotes.ts';
import { delimitedAsColumns } from './delimited.ts';
import { htmlTablesAsRows } from './html-tables.ts';
import { latexTablesAsRows } from './latex-tables.ts';
import { detachedReferencesJoined } from './detached-references.ts';
import { screenReaderAsText } from './screen-reader.ts';
import { subtitlesAsText } from './subtitles.ts';
import { jsonRecordsAsRows } from './json-records.ts';
import { spacedDigitCellsJoined } from './spaced-digit-cells.ts';
import { xmlRecordsAsRows } from './xml-records.ts';
import { datedResultColumnsAsRows } from './dated-result-columns.ts';
import { sampleDateColumnsBlanked } from './sample-date-columns.ts';
import { panelTitleCellsBlanked } from './panel-result-cells.ts';
import { hl7SegmentsAsRows } from './hl7-messages.ts';
import { astmRecordsAsRows } from './astm-records.ts';
import { fhirBundlesAsRows } from './fhir-bundles.ts';
import { resultCodesWritten, withPrintedCodes } from './result-codes.ts';
import { dictatedAsResults } from './dictation.ts';
import { spokenUnitsOnLines } from './spoken-numbers.ts';
import { curveTimePointsNamed, slashedTimePointsSpread } from './curve-time-points.ts';
import { sharedReferencesSplit } from './shared-references.ts';
import { citingCorrections, withTypedCorrections } from './corrections.ts';
import { nameRatiosOfForms } from './part-ratios.ts';
import { smsSegmentsInOrder } from './sms-segments.ts';
import { splitRunOnBlocks } from './run-on-blocks.ts';
import { withoutSecondUnits } from './second-units.ts';
import { withoutScoreColumn } from './score-columns.ts';
import { type NoticeColumns, noticeColumns, withoutNoticeColumns } from './notice-columns.ts';
import { type ReleaseColumns, releaseCriteriaColumns, withoutReleaseCriteria } from './release-criteria.ts';
import { type AntibiogramColumns, antibiogramColumns, antibiogramRow, isAntibiogramHeader } from './antibiogram-columns.ts';
import { type DosingColumns, dosingColumns, withoutDosingColumns } from './dosing-columns.ts';
import { spreadReferencesAsRanges } from './spread-references.ts';
import { withoutUncertaintyColumn } from './uncertainty-columns.ts';
import { withoutPenNotes } from './pen-notes.ts';
import { handwritingMarksBlanked } from './handwriting-marks.ts';
import { mergeFieldsBlanked } from './merge-fields.ts';
import { bandCutsAsReferences } from './band-cuts.ts';
import { pageBreakReferencesJoined } from './page-break-references.ts';
import { resultsUnderReferenceLines, resultsUnderReferencesJoined } from './results-under-references.ts';
import { abbreviatedBoundsRead } from './abbreviated-bounds.ts';
import { englishReferencesRead } from './english-references.ts';
import { columnCopyLines, joinColumnCopies } from './column-copies.ts';
import { withoutNoteMarks } from './note-marks.ts';
import { withoutSecondLanguage } from './bilingual.ts';
import { unitLettersFromLegend } from './unit-legends.ts';
import { curveColumnsAsRows, horizontalCurveAsRows } from './curve-columns.ts';
import { transposedTablesAsRows } from './transposed-tables.ts';
import { transposedSheetsAsRows } from './transposed-sheets.ts';
import { formExtractionAsLines } from './form-extraction.ts';
import { joinListedColumns, joinUnitLedRows, joinPairedCells, pairedCellLines, pairedRowCells } from './paired-cells.ts';
import { centredRowLines, centredRowValues } from './centred-cells.ts';
import { checkedOptions } from './checkboxes.ts';
import { requestBoxesRead } from './request-boxes.ts';
import { joinWrappedDifferential, wrappedDifferentialLines } from './wrapped-differential.ts';
import { moveNamedReferences } from './named-references.ts';
import { channelGridsAsRows } from './channel-grids.ts';
import { agentOfTitle, agentRowName, namesOnlyWhatDetected } from './agent-sections.ts';
import { withoutMethodCells } from './method-cells.ts';
import { moveListedReferences } from './listed-references.ts';
import { moveTitledReferences } from './titled-references.ts';
import { moveBarRowReferences } from './bar-row-references.ts';
import { type RangeTable, rangeTableHeader, rangeTableRow } from './range-tables.ts';
import { foldSameLength, lookupName, panelAbbreviationKey, type AnalyteDef, type KnownName } from './analytes.ts';
import {
  ageBandColumns,
  type BandColumn,
  cellStarts,
  DATE_CELL,
  datedColumnLabels,
  datesOverEarlierColumns,
  withoutNumberedPreviousCells,
  datesUnderHeader,
  withoutGradeColumn,
  withoutReleaseColumn,
  withoutCriticalColumn,
  withoutSectorColumn,
  withoutStatusColumn,
  withoutMethodColumn,
  withoutCutoffColumn,
  withoutLeadColumn,
  headerUnitsAndDate,
  labelByBandColumns,
  labelColumns,
  limitCellOf,
  remarkCellOf,
  earlierDateCellsOf,
  previousCellOf,
  previousCellShift,
  unitsUnderPreviousHeader,
  valueColumnsOf,
  withLimitInReference,
  withoutRemarkCell,
  notDoneInCurrent,
  withoutPreviousCells,
  withoutCellPastReference,
  withoutPreviousColumn,
  withoutDriftedEarlierCell,
} from './columns.ts';
import { finishGroup, numericFrom, qualitativeFrom } from './flagging.ts';
import {
  bracketedResultCells,
  labelledLine,
  mergeReferenceCells,
  methodUnderNameFrom,
  pairedRow,
  rangeLabelsUnder,
  sampleLegend,
  besideSampleLegend,
  splitAtNameCells,
  withoutSampleKeys,
  splitResults,
  tableHeader,
  type TableHeader,
} from './layouts.ts';
import {
  categoryGoals,
  categoryGoalsCells,
  categoryGoalsLine,
  categoryNamedGoals,
  categoryRowGoals,
  goalsNote,
  goalsNoteGoesOn,
  goalsReference,
  isCategoryRow,
  namedReferences,
  namesWithIllegibleReference,
  namesWithoutFixedRange,
  referenceByFootnoteMark,
  referenceLedByName,
  referenceRow,
  referenceTableHeader,
  rowGoalsCell,
  rowReferenceTableCell,
  headlessGoalsHeader,
  tiersLedByName,
  type CategoryGoal,
  type ReferenceTable,
} from './late-references.ts';
import {
  loadTitle,
  NO_GROWTH_NOTE,
  nextLine,
  QUALITATIVE_AFTER_COLON,
  isGradeLegend,
  startsGradeLegend,
  isLegend,
  isNote,
  isDatedCriterion,
  isInterpretationNote,
  isWrappedCitationTail,
  isCitationLine,
  isWrappedNoteTail,
  isQuotedWordsLine,
  isDividerLabel,
  isProseBound,
  isSentence,
  RESULT_LEAD,
  referenceLeadFor,
  referenceLedFor,
  referenceSubject,
  resultLineNext,
  sameAnalyte,
  labelLeadsRow,
  rangesLedByResults,
  referenceCellsLedByResults,
  sameTimePoint,
  labelEndsName,
  secondCountUnit,
  valueAloneNext,
  valueAloneUnderDetails,
  verdictLine,
  isGaugeLegendLine,
  gaugeBoundsLine,
  isGoalByRiskChip,
  isStatusLabelLine,
  verdictAfterReference,
  isAppLinkLine,
  verticalCell,
  wordResultRow,
  wordsAfterLabel,
} from './line-kinds.ts';
import {
  CHAT_STAMP,
  type CleanLine,
  cells,
  cleanLine,
  isAdminLine,
  isBlockDetail,
  REAGENT_LINE,
  isCardStatus,
  isScreenedList,
  isCollectionTime,
  isBodyMeasureLine,
  isPrescriptionLine,
  isMethodLine,
  joinBrokenBarRows,
  joinWrappedBarCells,
  splitBesideLabelledResults,
  joinBrokenSingleCells,
  splitRunOnLabelledResults,
  joinHyphenBrokenName,
  joinWrappedReferenceLead,
  ageBandBrokenBeforeUnit,
  joinOpenBrackets,
  joinOpenSquareBrackets,
  joinWrappedTabbedReference,
  joinWrappedNameAbove,
  joinWrappedTabbedName,
  joinWrappedReferenceCells,
  joinPreviousLabel,
  joinRangeBrokenAtMargin,
  joinTierLabelAlone,
  joinRangeUnderLabel,
  joinWrappedDetail,
  isNarrowCopy,
  joinSmsParts,
  smsPartLines,
  joinWrappedComparison,
  joinWrappedReferenceColumn,
  joinWrappedCellLines,
  numbersRows,
  numbersRowsTight,
  placeColumns,
  withoutPlaceCells,
  withoutAssayColon,
  COUNT_FORM,
  referenceAfterDetail,
  resultAfterDetail,
  titleWithoutMethod,
  withoutDetailCell,
  withoutItemNumber,
  RULED_TITLE,
  riskHeadingBesideTitle,
} from './lines.ts';
import type { PlaceColumn } from './lines.ts';
import { unfoldPageColumns } from './page-columns.ts';
import { hourlyColumnsAsRows } from './hourly-columns.ts';
import { prePostColumnsAsRows } from './pre-post-columns.ts';
import { specimenColumnsAsRows } from './specimen-columns.ts';
import { earlierRemarksSetApart, resultAsidesSetApart } from './result-asides.ts';
import { wrappedResultListsJoined } from './wrapped-result-lists.ts';
import { noteLabListsRead, piecesBetweenSlashes, planLines } from './note-lab-lists.ts';
import { valueFirstRows } from './value-first-cells.ts';
import { rowsInUsualOrder } from './column-order.ts';
import { moveLetteredNotes } from './lettered-notes.ts';
import { numbersIn } from './numbers.ts';
import { patientControlColumns, patientRow, type PatientControlColumns } from './patient-control.ts';
import { readPatient, RISK_CATEGORY_STATED, type PatientInput } from './patient.ts';
import {
  barReferenceToEnd,
  labelledResultFirst,
  leaderReferenceToEnd,
  referenceFirstBarCells,
  referenceFirstColumns,
  referenceToEnd,
  type ReferenceFirstBarCells,
  type ReferenceFirstColumns,
} from './reference-first.ts';
import { withoutRepeats } from './repeats.ts';
import { nameWithTechnique } from './technique-names.ts';
import { withRepeatSampleNames } from './repeat-sample-names.ts';
import { joinMinMax, minMaxColumns, type MinMaxColumns } from './min-max-columns.ts';
import {
  bareNumbers,
  findingOverNegativeReference,
  NEGATIVE_REFERENCE,
  RESULT_LABEL_ALONE,
  cleanName,
  CONTROL_RATIO,
  CONTROL_ROW,
  dotIsDecimal,
  isListPiece,
  letters,
  readAfterName,
  readPiece,
  typedList,
  type Ctx,
  URINE_EXAM_LABEL,
} from './piece.ts';
import {
  isReferenceAnnounced,
  isReferenceHeading,
  isReferenceLabel,
  isReferenceText,
  isRelativeGoal,
  isRangeThenLabel,
  isRiskGoalsReference,
  isScaleBar,
  labelledRanges,
  qualitativeAtStart,
  indexTierWord,
  qualitativeReference,
  scaleBarRange,
  spelledAgeBands,
  spelledReactivityTiers,
  isPanelReference,
  stripReferenceLead,
  titleReferenceForAll,
  RISK_LEAD,
  asRiskTier,
  TITRE_WORD,
  titreOf,
  type Patient,
} from './reference.ts';
import type { Entry, Group, LabParseResult, ParsedAnalyte, QualitativeAnalyte } from './result.ts';
import { unitAtStart } from './units.ts';
import { readValue, type ValueRead } from './value.ts';
import { rtfAsText } from './rtf-text.ts';
import { mimeLineJoins, mimeSourceAsText } from './mime-messages.ts';
import { mojibakeMended } from './mojibake.ts';
import { cidGlyphsRead } from './cid-glyphs.ts';
import { doubledGlyphsSingled } from './doubled-glyphs.ts';
import { foldedWordsJoined } from './folded-words.ts';
import {
  endingReference,
  findingThenReferenceCell,
  ISOLATE_WITH_COUNT,
  isWordField,
  joinWrappedFinding,
  joinWrappedResultCell,
  labelledFinding,
  PENDING,
  typeLine,
  WORD_THEN_COMMENT,
  wordBeforeComment,
  wordResultText,
  SPELLED_SUSCEPTIBILITY,
  resultWordsAfterLabel,
  SUSCEPTIBILITY_WORD,
} from './word-results.ts';
import { matchesOf } from '../text/matches.ts';

export { parseBrNumber } from './numbers.ts';
export { parseRangeExpression } from './reference.ts';
export type { LabFlag } from './reference.ts';

export type { LabParseResult, ParsedAnalyte, QualitativeAnalyte } from './result.ts';

export type LabParseOptions = PatientInput;

// A reactive word result, which a titre printed after it quantifies.
const REACTIVE = /^(?:fracamente\s+)?(?:reagente|reativo|positivo)$/iu;
// The label of what a positive word result found, alone on its line, its findings under it ("Parasitas encontrados:").
const FOUND_LIST_LABEL =
  /^(?:foram\s+|foi\s+)?(?:encontrad[oa]s?|observad[oa]s?|identificad[oa]s?|visualizad[oa]s?|esp[eé]cies?|parasitas?(?:\s+encontrad[oa]s?)?)\s*:$/iu;
// One finding of such a list, as a bullet ("  - Cistos de Giardia lamblia", "• Ovos de Ascaris lumbricoides").
const FOUND_ITEM = /^\s*[-–•*·]\s+\p{L}/u;
const TITRE_LINE = new RegExp(String.raw`^(?:${TITRE_WORD})\b`, 'iu');
const MARKDOWN_HEADING = /^\s*#{1,6}\s+\S/;
// A section title drawn between rules ("===== CARGA VIRAL =====", "----- BIOQUÍMICA -----") ends the table
// above as a markdown heading does: the next block's columns are its own (RULED_TITLE, lines.ts).
// So does a portal's expanded card, its title after the open disclosure triangle ("▾ TIPAGEM SANGUÍNEA   Liberado em
// 29/04/2025 11:50", h1776): its tab-separated rows ("Grupo sanguíneo ABO<TAB>O") are no cells of the columns the
// card above headed ("Exame<TAB>Resultado<TAB>Referência"), whose reference column the "O" fell under. Its release
// date is the card's (withoutDetailCell), no value.
const EXPANDED_CARD_TITLE = /^\s*[▼▾▽]\s+\p{L}/u;
// The header of a table of ranges by age: the age's unit, and the ranges' unit in a column of its own.
const AGE_TABLE_HEADER = /^(?:idade|faixa\s+et[aá]ria)\s*\(\s*(anos|meses)\s*\)(?:\s{2,}(\S+))?$/iu;
// One of its rows: a band ("31 a 35", "acima de 60", "até 15") and the range in its column.
const AGE_TABLE_ROW = /^((?:\d{1,3}\s*(?:a|-|–)\s*\d{1,3}|(?:acima\s+de|maior\s+que|>|≥)\s*\d{1,3}|(?:at[eé]|<|≤)\s*\d{1,3}))\s{2,}(\S.*\d.*)$/iu;

// The lead of a notice of critical values ("VALOR CRÍTICO:", "Valores críticos comunicados").
const CRITICAL_NOTICE = /(?<![\p{L}])valor(?:es)?\s+cr[ií]tic[oa]s?(?![\p{L}])/iu;
// A result's value restated on a log scale ("Log10", "Log", "Log 10 (UI/mL)").
const LOG_SCALE = /^log(?:\s*10|₁₀)?(?:\s*\([^()]*\))?$/iu;
// The lead of a result restated on a log scale ("Resultado em logaritmo (log10):", "Resultado em log10: 3,09"),
// the restated value after it if on its line.
const LOG_RESULT_LEAD = /^resultados?\s+(?:em\s+)?(?:logaritmo|log)(?:\s*(?:10|₁₀))?(?:\s*\(\s*log\s*(?:10|₁₀)?\s*\))?\s*:\s*(.*)$/iu;
// A reference cell that is only the label of an upper limit, its values on the lines under it.
const UPPER_LIMIT_LEAD =
  /^(?:(?:percentil\s*99|p99)(?:\s*\((?:limite\s+superior(?:\s+de\s+refer[eê]ncia)?|lsr)\))?|limite\s+superior(?:\s*\((?:percentil\s*99|p99)\))?)\s*:?$/iu;
// One labelled value on a line ("Homens: 34,2 ng/L"), the label words only.
const UPPER_LIMIT_LINE = /^(\p{L}[\p{L} ]*?)\s*:\s*(\d[\d.,]*(?:\s*[^\s\d]+)?)$/u;
// A catalogued name ending in a curve's time ("Insulina 30 min", "Glicose 2 horas", "Cortisol 60'").
const TIMED_SAMPLE_NAME = /^(\p{L}[\p{L}\s().-]*?)\s+\d{1,3}\s*(?:min(?:utos)?|h|horas?|')$/iu;

/** "Percentil 99: Homens: 34,2 ng/L   Mulheres: 15,6 ng/L" as "Homens: até 34,2 ng/L", …; undefined for any other line. */
function upperLimitsOnLine(t: string): string[] | undefined {
  const colon = t.indexOf(':');
  if (colon < 0 || !UPPER_LIMIT_LEAD.test(t.slice(0, colon + 1))) return undefined;
  const cellsAfter = t
    .slice(colon + 1)
    .trim()
    .split(/\s{2,}|\s*[;|]\s*/);
  const items = cellsAfter.map((c) => UPPER_LIMIT_LINE.exec(c));
  if (items.length === 0 || !items.every((m) => m && isReferenceLabel(m[1]!))) return undefined;
  return items.map((m) => `${m![1]}: até ${m![2]}`);
}
// A result's name and word read again in a sentence, a connective after the word ("… reagente com …").
const NOTE_ON_RESULT =
  /^(\p{L}[\p{L}\d\s./()-]{1,40}?)\s+(?:n[aã]o\s+reagente|reagente|n[aã]o\s+detectad[oa]|detectad[oa]|positiv[oa]|negativ[oa])\s+(?:com|e|sem|mas|por[eé]m|associad[oa]\s+a)\s+\p{L}.*:\s*\p{L}/iu;
// A cell a transcription marks as unreadable, the unit maybe after it ("[ilegível]", "[valor ilegível –
// borrado] U/L", "ilegível").
const ILLEGIBLE_CELL = /^\[?[^\]\d]{0,30}\bileg[ií]vel\b[^\]\d]{0,60}\]?(?:\s+\S+)?$/iu;
const SUSCEPTIBILITY = new RegExp(String.raw`^(?:${SUSCEPTIBILITY_WORD}|sensibilidade\s+aumentada|suscet[ií]vel(?:\s+dose[-\s]dependente)?|[SRI])$`, 'iu');
const SUSCEPTIBILITY_END = new RegExp(String.raw`(?:^|\s)(?:${SUSCEPTIBILITY_WORD})\s*$`, 'iu');
// A line that ends in an interpretation's word: the two antibiogram-row patterns below backtrack over the whole line
// (their \P{N}* runs), so they are tried only on such lines (a 100 kB report spent ~130 ms a parse in them).
const ENDS_IN_SUSCEPTIBILITY = new RegExp(String.raw`(?<![\p{L}])(?:${SUSCEPTIBILITY_WORD}|suscet[ií]vel)\s*$`, 'iu');

const REFERENCE_HEADER_CELL =
  /^(?:sexo|idade|idade\s*\/\s*fase|fase|faixa(?:\s+et[aá]ria)?|intervalo|valor(?:es)?(?:\s+de\s+refer[eê]ncia)?|refer[eê]ncia|unidade)$/i;
const REFERENCE_HEADER_SUBJECT = /^(?:sexo|idade|fase|faixa)/i;
/** Whether a line is only column heads of a range table, of whom the ranges are for among them. */
const REFERENCE_TABLE_HEADER = (t: string) => {
  const cs = cells(t);
  return cs.length >= 2 && cs.every((c) => REFERENCE_HEADER_CELL.test(c)) && cs.some((c) => REFERENCE_HEADER_SUBJECT.test(c));
};

/** A result group already flagged, with the analytes it made. */
interface Closed {
  group: Group;
  made: Array<ParsedAnalyte | QualitativeAnalyte>;
}

/** The patient's sex and age as the parser sees them (report header first, then the options). */
export function reportPatient(text: string, options: LabParseOptions = {}): Patient {
  return readPatient(
    delimitedAsColumns(
      screenReaderAsText(
        subtitlesAsText(htmlTablesAsRows(latexTablesAsRows(hl7SegmentsAsRows(xmlRecordsAsRows(fhirBundlesAsRows(astmRecordsAsRows(text.split(/\r?\n/)))))))),
      ),
    ).map((raw, i) => cleanLine(raw, i).text),
    options,
  );
}

/** Whether a line alone, indented, starts at the column where the line above prints a cell after a gap. */
function wrapsCellAbove(raw: string, above: string | undefined): boolean {
  const at = raw.length - raw.trimStart().length;
  if (above === undefined || at < 20 || /\S\s{2,}\S/.test(raw.trim())) return false;
  return matchesOf(/\s{2,}(?=\S)/g, above).some((g) => Math.abs(g.index! + g[0].length - at) <= 2);
}

// A point-of-care device under its label and the lot of its strips.
// The model may hold digits ("A1CNOW+"), then only with the lot after it.
const POINT_OF_CARE_DEVICE =
  /^\s*(?:equip(?:amento)?\.?|aparelho|analisador|glicos[ií]metro)\s*:\s*\p{L}(?:[^\d:;|]*|[^:;|]*?\s+lote\s*(?:n[ºo°]\.?\s*)?:?\s*[A-Z0-9][\w/-]*)\s*$/iu;

// A title saying its section goes on from the page before ("HEMOGRAMA COMPLETO (continuação)", "(cont.)").
const CONTINUED_TITLE = /\((?:continua[cç][aã]o|cont\.)\)\s*:?\s*$/iu;
// A table row's name cell saying only that the row goes on from the page before ("(continuação)", "(cont.)").
const CONTINUED_ROW = /^\s*\((?:continua[cç][aã]o|cont\.)\)\s*$/iu;

// A result that says whether something was found ("POSITIVO PARA PLASMODIUM VIVAX", "Não reagente", a grade in
// crosses "++"), and a reference that says nothing should be ("NEGATIVO", "Não reagente", "Ausentes").
const PRESENCE_RESULT =
  /^(?:(?:n[aã]o\s+)?(?:reagente|reativo|detectad[oa]|detect[aá]vel)|positiv[oa]|negativ[oa]|presen[cç]a|presentes?|ausen[cç]ia|ausentes?)(?![\p{L}])|^\(?\+{1,4}\)?$/iu;

// A numbered sample's finding ("Amostra 2: Negativa", "2ª amostra: Presença de ovos de …"), the day it was
// collected in brackets after its number ("Amostra 1 (12/05): Cistos de Giardia lamblia"). A portal's table
// sets the finding in the cell after the sample's instead of after a colon ("Amostra 2 (15/04/2025) → Presença
// de ovos de Ascaris lumbricoides", copied from the browser with a tab between, h1772).
const SAMPLE_FINDING = /^((?:amostra\s+\d{1,2}|\d{1,2}\s*[ªa°º]\s*amostra))(?:\s*\([^()]*\))?(?:\s*:\s*|\s{2,})(\p{L}.*)$/iu;

// A line wholly in brackets naming the equation an estimate is computed by ("(CKD-EPI 2021, sem correção para
// raça)", "(equação MDRD)", "(Friedewald)").
const ESTIMATE_EQUATION = String.raw`(?:ckd-?epi|mdrd|cockcroft|schwartz|friedewald|martin)\b`;
const EQUATION_LEAD = String.raw`(?:equa[cç][aã]o|f[oó]rmula)\s*:?\s*(?:de\s+|do\s+)?`;
// In brackets, or led by "Equação"/"Fórmula" with no colon after the equation's name ("Equação CKD-EPI 2021"):
// a value after a colon would be a result of its own.
const ESTIMATE_EQUATION_NOTE = new RegExp(
  String.raw`^(?:\(\s*(?:(?:equa[cç][aã]o|f[oó]rmula|m[eé]todo)\s*:?\s*(?:de\s+|do\s+)?)?${ESTIMATE_EQUATION}[^()]*\)|${EQUATION_LEAD}${ESTIMATE_EQUATION}[^:]*)\.?$`,
  'iu',
);
// The equation a title's estimate is computed by, on the line under the title ("Equação CKD-EPI 2021 (creatinina, …)").
const TITLE_EQUATION = new RegExp(String.raw`^${EQUATION_LEAD}${ESTIMATE_EQUATION}`, 'iu');

/** Whether every line between a block's title and this one is a detail of the block or its result label alone. */
function onlyDetailsBetween(lines: CleanLine[], titleAt: number, index: number): boolean {
  if (titleAt < 0 || index - titleAt > 6) return false;
  const between = lines.slice(titleAt + 1, index).filter((l) => l.text.trim() !== '');
  return between.length > 0 && between.every((l) => isBlockDetail(l.text) || RESULT_LABEL_ALONE.test(l.text));
}

// The label of a block's result line, with its colon.
const LABELLED_RESULT = /^resultados?\s*:/i;
// The sample an exam's line names after its dash ("Exame: Zika, Biologia Molecular (RT-PCR) - Amostra: Urina", a
// LACEN GAL print).
const EXAM_SAMPLE = /\s[-–]\s*amostra\s*:\s*(\p{L}[\p{L} ]*?)\s*(?:[-–,;(]|$)/iu;

/** An exam line's name and sample as printed, before the line's reading cut the sample off; undefined for any other line. */
function examSample(text: string): { name: string; sample: string } | undefined {
  const exam = /^\s*(?:exame|analito|par[aâ]metro|teste)\s*:\s*(.*)$/iu.exec(text);
  const sample = exam ? EXAM_SAMPLE.exec(exam[1]!) : null;
  return sample ? { name: cleanName(exam![1]!.slice(0, sample.index)), sample: sample[1]!.toLowerCase() } : undefined;
}

/**
 * An exam run on two samples prints one block for each under the same name ("Exame: Zika, Biologia Molecular
 * (RT-PCR) - Amostra: Soro" and "… - Amostra: Urina"): two results, each named with its sample ("… (soro)",
 * "… (urina)"); a name printed with one sample only keeps its name. `samplesOf` gives the samples each exam's
 * name is printed with over the whole report, found once.
 */
function sampledExamName(name: string, raw: string, samplesOf: () => Map<string, Set<string>>): string {
  const own = examSample(raw);
  if (!own) return name;
  return (samplesOf().get(own.name)?.size ?? 0) >= 2 ? `${name} (${own.sample})` : name;
}

// A result labelled with its antibody class ("Resultado IgM: Não reagente"), and the classes a block's title lists
// ("Rubéola, IgM / IgG", "Toxoplasmose - IgG e IgM"): the line's class takes the list's place in the name.
// Results announced as out, a notice's words after the lead ("Resultado disponível", "Resultados liberados").
const RESULTS_NOTICE = /^\s*resultados?\s+(?:dispon[ií]ve(?:l|is)|liberad[oa]s?|pront[oa]s?)(?![\p{L}])/iu;
const CLASS_RESULT_LEAD = /^resultados?\s+(ig[agme])\s*:\s*/iu;
const CLASS_LIST = /[\s,;-]*\(?\bIg[AGME]\s*(?:(?:\/|,|\be\b)\s*Ig[AGME]\s*)+\)?(?=\s*$|\s*[-–]\s)/iu;

// The width of a phone's copy of a PDF, whose lines wrap a reference anywhere (30 characters or so).
const NARROW_WRAP = 40;

/**
 * Whether a reference line `next` continues the reference item `last` (wrapped-reference rule in addRef): `last`
 * ends open (a label's colon, a range's connector or comparator, a word no unit ends) and `next` opens on a
 * number, a comparator or a lower-case word; or `next` opens on the unit of `last`'s closing range, words after it.
 */
function wrappedReferenceGoesOn(last: string, next: string): boolean {
  const l = last.trimEnd();
  const n = next.trim();
  // Only a narrow column wraps so: a longer line is a line of its own (a typed note after a reference).
  if (n.length > NARROW_WRAP) return false;
  // A graded scale printed one tier a line, each range with its label after it ("< 5,7 normal" / "5,7 a 6,4
  // pré-DM"): the label closes its tier, the next line is the next tier, never the rest of this one.
  if (isRangeThenLabel(l) && isRangeThenLabel(n)) return false;
  // A range cut after its low bound ("Mulheres: 15" / "a 150 ng/mL").
  if (/\d$/.test(l) && /^(?:a|at[eé]|[-–])\s*\d/u.test(n)) return true;
  if (/\d$/.test(l) && /^[\p{L}µ/%]/u.test(n)) {
    const u = unitAtStart(n);
    return u !== undefined && u.consumed > 0 && /^\s+\p{L}/u.test(n.slice(u.consumed)) && /\s\d[\d.,]*\s*(?:a|-|–|at[eé])\s*\d[\d.,]*$/u.test(l);
  }
  const open = /(?:\p{L}\s*:|\s(?:a|at[eé]|de|e)|[<>≤≥-])$/u.test(l) || (/\p{Ll}{3,}$/u.test(l) && unitAtStart(l.split(/\s+/).pop()!) === undefined);
  return open && /^(?:[<>≤≥]|\d|\p{Ll})/u.test(n) && /\d/.test(`${l}${n}`);
}

/** `start` with the lines after line `at` that go on with it (wrappedReferenceGoesOn), at most three. */
function wrappedReferenceRun(start: string, lines: CleanLine[], at: number): string {
  let text = start;
  let next = nextLine(lines, at);
  for (let k = 0; k < 3 && next && wrappedReferenceGoesOn(text, next.text); k++) {
    text = `${text} ${next.text.trim()}`;
    next = nextLine(lines, next.index);
  }
  return text;
}

export function parseLabReport(text: string, options: LabParseOptions = {}): LabParseResult {
  // A chat's correction of a value typed earlier ("*8,1 a glicada, digitei errado") is read on the line it
  // corrects, and the result cites the correction's line (corrections.ts).
  const printed = text.split(/\r?\n/);
  // A report quoted in an e-mail thread (">> Hemácias   4,48 …") is read without its quote marks, and a line
  // left unread is listed as printed (mail-quotes.ts).
  const unquoted = withoutMailQuotes(printed);
  if (unquoted) return listedAsQuoted(parseLabReport(unquoted.join('\n'), options), unquoted, printed);
  // A diagonal watermark's letters, copied one a line at the lines' ends, are blanked (watermarks.ts).
  const unmarked = withoutDiagonalWatermark(printed);
  if (unmarked) return parseLabReport(unmarked.join('\n'), options);
  // Word results printed as the codes a legend explains ("NR = Não reagente") are read as the words, and shown
  // as the codes (result-codes.ts).
  const coded = resultCodesWritten(printed);
  if (coded) return withPrintedCodes(parseLabReport(coded.lines.join('\n'), options), coded, printed);
  const corrections = withTypedCorrections(printed);
  // A sample drawn again, named by its order and a word of the earlier result's name ("saiu a segunda troponina"),
  // is named as that result in its sample (repeat-sample-names.ts).
  return withRepeatSampleNames(citingCorrections(parseLines(corrections.lines, text, options), corrections, printed));
}

function parseLines(raws: string[], text: string, options: LabParseOptions): LabParseResult {
  // Two tables side by side with wrapped cells: each row is read whole on the line where it starts
  // (page-columns.ts); the line keeps its printed text for unparsed_lines.
  // Result blocks printed in two columns are read column by column (block-columns.ts).
  const byColumn = blockColumns(raws);
  if (byColumn) return mapBack(parseLabReport(byColumn.text, options), byColumn, raws);
  // A reference bracket, or a bar table row, broken over two lines is read whole on the first; each
  // line is still accounted as printed.
  // A ";"-delimited export is read as the columns and fields it stands for (delimited.ts); cells printed
  // one a line value first are put back in rows (value-first-cells.ts).
  // A screen reader's text is read as the report it speaks (screen-reader.ts), a subtitle file's as
  // what its cues say, their numbers and times set aside (subtitles.ts). A form-reading OCR service's key-value
  // pairs and bracketed table cells are read as the labelled lines and rows they stand for (form-extraction.ts).
  // A raw HL7 v2 message's OBX segments are read as the rows they stand for (hl7-messages.ts), and an ICU panel's
  // bracketed score column (SOFA points) is blanked, no result (score-columns.ts). So are an analyser's ASTM
  // E1394 records (astm-records.ts) and a FHIR Bundle's Observations (fhir-bundles.ts), each on the line that
  // prints its value, the frames, controls and JSON's structure left empty; so is a lab's XML export's tree, each
  // exam element naming its result and reference in attributes or child elements (xml-records.ts).
  // Raw HTML is read as the text it shows, a table row as its cells (html-tables.ts); so is a LaTeX tabular
  // (latex-tables.ts). A table with a date and a result column per period, the reference before them, is read
  // as each row's last filled result (dated-result-columns.ts); one with a single column for the day each exam was
  // done before its one result column, with that column blanked (sample-date-columns.ts); a bar row whose one result
  // cell names the panel's results typed by hand, with its title cell blanked (panel-result-cells.ts), and a curve's
  // time points typed between slashes, one after another with their references (curve-time-points.ts).
  // Data copied as JSON is read as the rows its result objects stand for (json-records.ts); a request form's box
  // before each exam as no part of its name, an exam left unticked with its field blank as no row (request-boxes.ts); a
  // form's ticked box as the option it ticks (checkboxes.ts); a
  // transcribed dictation as the results its sentences say (dictation.ts); results typed on one line before one
  // bracket holding a reference for each, as each with its own (shared-references.ts); a result's value and
  // reference in a second system of units are set aside (second-units.ts); a differential's cells one
  // a line are put back in rows (paired-cells.ts), and so are the header and rows of one a phone's viewer
  // wrapped anywhere (wrapped-differential.ts); a tolerance curve's table with one column per analyte is
  // read as one result per cell, and so is one printed across, a row per analyte (curve-columns.ts); a panel
  // printed transposed, one exam a column under rows "Resultado" / "Unidade" / "Referência", is read as the
  // results its result row holds (transposed-tables.ts); a flowsheet with the hours as columns, as each row's
  // last filled hour (hourly-columns.ts); a dialysis map's rows before and after the session, as the results
  // each time holds (pre-post-columns.ts), and a body fluid's table with a paired serum column, as each
  // specimen's result and their ratio (specimen-columns.ts); a viscoelastic test's grid of channels by parameters,
  // each row's ranges on a "ref." line under it, as one result per cell (channel-grids.ts); an earlier value or an order noted between a result and its
  // reference is set apart from both (result-asides.ts); a unit printed as a letter a legend explains is
  // read as that unit (unit-legends.ts); a photo reader's block of references printed after the
  // results they belong to, in the same order, is put back on their lines (detached-references.ts); a
  // measurement's uncertainty printed in a column of its own beside the result is set aside (uncertainty-columns.ts),
  // and so is a row's method printed after its unit under a block title naming a method column (method-cells.ts),
  // while a reference printed as a mean and its spread in a report that says so is read as the range it spans
  // (spread-references.ts),
  // and so is a footnote's superscript mark set after a result (note-marks.ts), and a transcription's handwritten
  // note in brackets after a row's print (pen-notes.ts), while the angle brackets it marks a form's handwritten
  // fields with are blanked, what they hold read (handwriting-marks.ts), and so are a mail merge's empty fields
  // ("«VR_FERRO»") and its error message where a field was missing (merge-fields.ts); a bilingual report's English
  // labels after a slash, or before it on a form that prints them first, are taken out (bilingual.ts), and a report
  // translated into English has its references'
  // words read as the Portuguese ones they translate (english-references.ts), and a bound's word a spool abbreviated
  // ("INF. A 160") as the whole word (abbreviated-bounds.ts); a portal card's labelled bands with
  // only their cut points under them are read as the good band's range (band-cuts.ts); a tolerance curve typed by
  // hand under its title, each time point with its value and no colon, is read as named results
  // (curve-time-points.ts), and a typed remark after a result recalling the last exam's value is cut off
  // (result-asides.ts); a progress note's shorthand lab list has its earlier values in brackets blanked and its
  // bracketed differential put in the list (note-lab-lists.ts); a range a page break cut is whole again on its row
  // (page-break-references.ts), and so is a result a PDF's drifting columns dropped under its row's name and reference
  // (results-under-references.ts), and a typed list of results wrapped mid-result on its line (wrapped-result-lists.ts).
  // Text that reaches the parser still encoded is first read as the text it encodes, each line keeping its
  // place and its printed text for unparsed_lines: an RTF source as the page it prints (rtf-text.ts), an
  // e-mail's raw source as the message it carries, quoted-printable decoded and its envelope empty
  // (mime-messages.ts), UTF-8 read as Windows-1252 as the UTF-8 it was (mojibake.ts), a PDF font's glyph codes
  // ("Triglicer(cid:141)deos") as the letters the report's words say they are (cid-glyphs.ts), letters a PDF drew
  // twice for bold once (doubled-glyphs.ts), a result column extracted letter-spaced ("1 5 , 8") as the numbers
  // it spells (spaced-digit-cells.ts), a finding's word an OCR broke at a paper's fold whole again (folded-words.ts), an
  // SMS's numbered parts that arrived out of order, twice or cut inside a word, whole and in order (sms-segments.ts).
  // The passes run in this order, each on the lines the one before wrote: decoding first, whole-text formats next (form
  // extraction, HL7, LaTeX, HTML), so that every later pass sees plain rows.
  const unitLines = [
    rtfAsText,
    mimeSourceAsText,
    mojibakeMended,
    cidGlyphsRead,
    doubledGlyphsSingled,
    spacedDigitCellsJoined,
    foldedWordsJoined,
    smsSegmentsInOrder,
    formExtractionAsLines,
    hl7SegmentsAsRows,
    astmRecordsAsRows,
    fhirBundlesAsRows,
    xmlRecordsAsRows,
    withoutScoreColumn,
    withoutUncertaintyColumn,
    withoutMethodCells,
    spreadReferencesAsRanges,
    withoutNoteMarks,
    withoutPenNotes,
    handwritingMarksBlanked,
    mergeFieldsBlanked,
    withoutSecondLanguage,
    englishReferencesRead,
    abbreviatedBoundsRead,
    latexTablesAsRows,
    htmlTablesAsRows,
    datedResultColumnsAsRows,
    sampleDateColumnsBlanked,
    panelTitleCellsBlanked,
    detachedReferencesJoined,
    subtitlesAsText,
    screenReaderAsText,
    jsonRecordsAsRows,
    requestBoxesRead,
    checkedOptions,
    sharedReferencesSplit,
    dictatedAsResults,
    spokenUnitsOnLines,
    slashedTimePointsSpread,
    curveTimePointsNamed,
    earlierRemarksSetApart,
    noteLabListsRead,
    unitLettersFromLegend,
    withoutSecondUnits,
    bandCutsAsReferences,
    pageBreakReferencesJoined,
    resultsUnderReferencesJoined,
    wrappedResultListsJoined,
  ].reduce((lines, pass) => pass(lines), raws);
  // A table copied column by column, units and a differential's columns too, is put back as rows (column-copies.ts).
  // The lines between these joins are kept: the rows read are given back on their printed lines through them.
  const columnCells = joinListedColumns(centredRowValues(unitLines));
  const cellLines = joinColumnCopies(columnCells);
  const pairedRows = joinPairedCells(joinUnitLedRows(cellLines));
  // Then the tables whose rows are not the printed lines (the passes named in the paragraph above), in this order.
  const rowPasses = [
    joinWrappedDifferential,
    delimitedAsColumns,
    resultAsidesSetApart,
    hourlyColumnsAsRows,
    specimenColumnsAsRows,
    prePostColumnsAsRows,
    transposedSheetsAsRows,
    transposedTablesAsRows,
    curveColumnsAsRows,
    horizontalCurveAsRows,
    channelGridsAsRows,
  ];
  const pageRows = unfoldPageColumns(rowPasses.reduce((lines, pass) => pass(lines), pairedRows));
  // A tabbed row whose name wrapped onto the line above is read and accounted as one row on its cells'
  // line: its previous-result cell is cut off by column, as on any row of the table.
  // A table whose header names the exam column after others is printed again in the usual order first
  // (column-order.ts), so its wrapped names are joined as on any table.
  const ordered = rowsInUsualOrder(pageRows.map((u) => u.read));
  const tabbedRows = joinWrappedNameAbove(joinWrappedTabbedName(ordered));
  const valueFirst = valueFirstRows(joinWrappedReferenceLead(joinHyphenBrokenName(tabbedRows)));
  // A PDF cell broken over two lines ("mL/min/" / "1,73m²") is accounted as the one cell it is, on its first line.
  // A copy wrapped at a phone's narrow width is known by its printed lines, before any join lengthens them.
  const narrow = isNarrowCopy(raws);
  const singleCells = joinBrokenSingleCells(valueFirst, narrow);
  // A Material/Método line wrapped mid-phrase is read whole on its first line; the rest is the detail's
  // words, accounted with it, not a line of its own.
  const details = joinWrappedDetail(singleCells, narrow);
  // So is an SMS part joined with the part before it, whose bracket it closes (joinSmsParts): its results
  // are read, and accounted, on the line the message's read text is on.
  const parts = joinSmsParts(details);
  // A labelled finding an e-mail's width wrapped over two lines is read, and accounted, whole on its first
  // line (word-results.ts joinWrappedFinding): the second holds nothing of its own.
  // So is a column row's finding whose cell wrapped under itself (joinWrappedResultCell).
  const findings = joinWrappedResultCell(joinWrappedFinding(parts));
  // A block's reference column whose cells name the result each is for is read on each result's line, and
  // accounted there (named-references.ts): the lines the cells left keep what is left of them.
  // So is a range printed under a block's title before its rows, named by the row it is for (titled-references.ts).
  // So is a reference column of letters alone, each the mark of a note at the page's foot (lettered-notes.ts).
  // So is each range of a bracketed line under a row of results between bars, named by the result it is for
  // (bar-row-references.ts).
  // So is each item of a reference line that lists one per result above it, led by the result's name (listed-references.ts).
  const named = [moveNamedReferences, moveTitledReferences, moveLetteredNotes, moveBarRowReferences, moveListedReferences].reduce(
    (lines, pass) => pass(lines),
    findings,
  );
  // Cells and references wrapped over lines are joined, then result blocks run together on one line are cut apart
  // (run-on-blocks.ts), in this order.
  // A tabbed row whose reference cell held line breaks is read whole on its first line (joinWrappedTabbedReference)
  // and accounted there, whole: the lines it took, the last printing the row's previous result after the cell
  // ("Diabetes: igual ou superior a 6,5 %\t5,6 %", h1924), hold nothing of their own.
  const wrappedCells = joinWrappedCellLines(named);
  const tabbedReferences = joinWrappedTabbedReference(wrappedCells);
  const barRows = [joinOpenSquareBrackets, joinOpenBrackets, joinBrokenBarRows].reduce((lines, pass) => pass(lines), tabbedReferences);
  // A bar row read with its cells wrapped under it is accounted whole on its first line, the lines under it as
  // holding nothing of their own: the value a cell wrapped ("superior a" / "100.000 UFC/mL") is the row's.
  const barCells = joinWrappedBarCells(barRows);
  const joined = [
    joinWrappedReferenceColumn,
    joinWrappedReferenceCells,
    joinRangeBrokenAtMargin,
    joinWrappedComparison,
    joinRangeUnderLabel,
    joinTierLabelAlone,
    splitBesideLabelledResults,
    splitRunOnBlocks,
    splitRunOnLabelledResults,
  ].reduce((lines, pass) => pass(lines), barCells);
  // A previous result under its own label line is read and accounted as one "Resultado anterior: …" line.
  const previous = joinPreviousLabel(joined);
  // A line a join cut short (a wrapped row's reference piece read with the row above, its name piece
  // left: joinWrappedReferenceCells) is accounted as what it still reads: the piece taken is the row's.
  // So is one a join cut at its start (a bracketed range list's end read with the row above, the next
  // result left: joinOpenBrackets).
  const cutShort = (read: string, u: { read: string }) =>
    read.trim() !== '' && read.length < u.read.trimEnd().length && (u.read.startsWith(read) || u.read.trimEnd().endsWith(read));
  // So is an age band broken before its unit and joined with the line under it ("(ref. crianças de 1 a 15" / "anos: 12
  // a 140 ng/mL)", h1906, joinOpenBrackets): accounted whole on its first line, the band's bounds counted as the band's.
  const tookNextWhole = (i: number, u: { read: string } | undefined) =>
    u !== undefined && joined[i + 1] === '' && pageRows[i + 1] !== undefined && ageBandBrokenBeforeUnit(u.read, pageRows[i + 1]!.read);
  const wholeRow = (i: number) => previous[i] !== joined[i] || (tabbedRows[i] !== pageRows[i]!.read && tabbedRows[i] !== '');
  // A line column-order.ts emptied, its unit's rest joined to the row above's ("mL/min/" over "1,73m²"), is accounted
  // with that row.
  const orderedAway = (i: number) => ordered[i] === '' && pageRows[i]!.read.trim() !== '';
  const unfolded = pageRows.map((u, i) =>
    (parts[i] === '' && singleCells[i] !== '') ||
    (barCells[i] === '' && barRows[i] !== '') ||
    (tabbedReferences[i] === '' && wrappedCells[i] !== '') ||
    orderedAway(i)
      ? { read: '', account: '' }
      : tabbedReferences[i] !== wrappedCells[i] && barRows[i] === tabbedReferences[i]
        ? { read: joined[i]!, account: joined[i]! }
        : barCells[i] !== barRows[i]
          ? { read: joined[i]!, account: joined[i]! }
          : named[i] !== parts[i]
            ? { read: joined[i]!, account: named[i]! }
            : // An SMS part read with the part after it is accounted with it: what the second part prints after the
              // results read is on no other line the pass sees.
              parts[i] !== details[i]
              ? { read: joined[i]!, account: joined[i]! }
              : wholeRow(i)
                ? { read: previous[i]!, account: previous[i]! }
                : singleCells[i] !== valueFirst[i] && joined[i] === singleCells[i]
                  ? { read: joined[i]!, account: joined[i]! }
                  : joined[i] === u.read
                    ? u
                    : tookNextWhole(i - 1, pageRows[i - 1])
                      ? { read: '', account: '' }
                      : { read: joined[i]!, account: cutShort(joined[i]!, u) || tookNextWhole(i, u) ? joined[i]! : u.account },
  );
  // The lines those joins took whole, by the line they were read on: listed with it when it is listed
  // (withJoinedLines), for what the pass could not account for may be printed on any of them (a corpus property's
  // value after h1906's band's closing bracket, after a line of h1924's wrapped goals cell, a line a cumulative
  // table's reordering took). Not the bar-cell join's wrapped lines: given here they moved the row's result onto the
  // wrapped line, away from its reference word (the corpus property on h1736), so they are still listed by the first.
  const takenWhole = new Map<number, number[]>();
  // Line i, emptied by a join, was taken by the last line before it that the join kept.
  const takenBy = (kept: readonly string[], i: number) => {
    const owner = kept.findLastIndex((t, k) => k < i && t !== '');
    if (owner >= 0) takenWhole.set(owner, [...(takenWhole.get(owner) ?? []), i]);
  };
  pageRows.forEach((u, i) => {
    if (tookNextWhole(i, u)) takenWhole.set(i, [i + 1]);
    if (orderedAway(i)) takenBy(ordered, i);
    if (tabbedReferences[i] === '' && wrappedCells[i] !== '') takenBy(tabbedReferences, i);
  });
  const lines = unfolded.map((u, i) => ({ ...cleanLine(u.read, i), raw: raws[i]! }));
  let examSamples: Map<string, Set<string>> | undefined;
  const samplesOf = () => {
    if (examSamples) return examSamples;
    examSamples = new Map();
    for (const l of lines) {
      const o = examSample(l.raw);
      if (o) examSamples.set(o.name, (examSamples.get(o.name) ?? new Set()).add(o.sample));
    }
    return examSamples;
  };
  // The samples' legends of a cumulative report ("COLETAS:  [A] 14/05/2024 06:00   [B] …"): the nearest
  // one above a header dates the columns it heads by key.
  const legends = lines.flatMap((l) => {
    const legend = sampleLegend(l.raw);
    return legend ? [{ index: l.index, legend }] : [];
  });
  const patient: Patient = readPatient(
    lines.map((l) => l.text),
    options,
  );
  const analytes: ParsedAnalyte[] = [];
  const qualitative: QualitativeAnalyte[] = [];
  const unparsed: string[] = [];
  const plan = planLines(raws);

  let table: TableHeader | undefined;
  // Whether a table of this report named a previous-result column (withoutEarlierCells).
  let earlierColumnSeen = false;
  // The value columns of the table the last header replaced: a page's break may print the header again.
  let valueColumnsBefore: TableHeader['valueColumns'] | undefined;
  // The report's header while a sub-table's own header heads the rows under it (outerTableOf).
  let outerTable: TableHeader | undefined;
  // The current table prints its reference column before the result column (reference-first.ts).
  let referenceFirst: ReferenceFirstColumns | undefined;
  // The same header drawn between bars: its cells by number (reference-first.ts).
  let referenceFirstBars: ReferenceFirstBarCells | undefined;
  // The current table prints the lower and the upper limit in two columns of their own (min-max-columns.ts).
  let minMax: MinMaxColumns | undefined;
  // The current table numbers its rows in a first column ("ITEM   EXAME   RESULTADO …").
  let itemRows = false;
  // Its number one space before the name, as the header's head is (lines.ts).
  let itemTight = false;
  // The last line of an antibiogram's MIC table: its header, then each row read under it.
  let micRowsTo = -2;
  // An antibiogram's table of measurements around the interpretation, until a blank line (antibiogram-columns.ts).
  let antibiogramCols: AntibiogramColumns | undefined;
  // Where the header with such leading columns starts: a row's first cell is its number or time only there.
  let itemAt = 0;
  let placeCols: PlaceColumn[] = [];
  // The current block's table puts the patient's and the control's values side by side (patient-control.ts).
  let patientControl: PatientControlColumns | undefined;
  // The current table has an alert / toxic threshold column after its reference (alert-column.ts).
  let alertAt: number | undefined;
  // The current table's columns recording a critical value's call (notice-columns.ts).
  let notice: NoticeColumns | undefined;
  // The current table's protocol limit and verdict after the lab's reference, a checklist's (release-criteria.ts).
  let protocolLimits: ReleaseColumns | undefined;
  // The current table's columns of a drug's dosing and timing (dosing-columns.ts).
  let dosing: DosingColumns | undefined;
  let bands: BandColumn[] | undefined;
  // The bands are labels over one row of ranges under a result (labelColumns), not a table's age bands.
  let labelBands = false;
  // The bands were printed between bars: joined cells keep no positions, so a row between bars takes them in order.
  let barBands = false;
  let title: { name: string; def: AnalyteDef | KnownName | undefined } | undefined;
  // The title of a block whose antibody classes are read one a line ("Resultado IgM: …" / "Resultado IgG: …"), and the
  // line of the last class read: the next class's line is under it still.
  let classTitle: { title: NonNullable<typeof title>; at: number } | undefined;
  // A block title whose own result comes after rows of what it is computed from, read under it ("RELAÇÃO
  // ALBUMINA/CREATININA" / "Albumina urinária: 1.012 mg/L ; Creatinina urinária: 148 mg/dL" / "Resultado:
  // 684 mg/g"): the title, and the last line of those rows. The "Resultado:" line right under them is the title's.
  let inputsOf: { title: NonNullable<typeof title>; at: number } | undefined;
  let preRef: string[] = [];
  let pending: Group | undefined;
  // The line before was a bare reference label ("Valor de referência:"): a word alone is its text.
  let lastRefLead = false;
  let secondCountAt = -1;

  // Results read since the last title, with what each produced: a reference printed after several
  // of them may name the one it belongs to ("Valores de referência (bilirrubina total):").
  let recent: Closed[] = [];
  // Every result read so far: a reference table or a note printed after the results names them.
  const closed: Closed[] = [];
  let refTable: ReferenceTable | undefined;
  // The goals each result has taken from the category rows of the goals table being read.
  let goalsTaken = new Map<Closed, Array<{ category: string; range: string }>>();
  // The goals note being read: the line it was last read on, the analytes its lead named, the goals each result has taken.
  // The category whose item the note's line wrapped, if its goals follow their names (categoryNamedGoals).
  let note:
    | { at: number; names: string[] | undefined; category?: string | undefined; taken: Map<Closed, Array<{ category: string; range: string }>> }
    | undefined;
  // One category's goals printed as the reference cell of a result's row, the first line of a goals block that the
  // row above opened ("LDL-COLESTEROL   158 mg/dL   Meta conforme o risco cardiovascular:" / "NÃO-HDL COLESTEROL
  // 200 mg/dL   Baixo: LDL < 130 / Não-HDL < 160" / "Intermediário: …", h1844): the line they were cut from.
  let rowGoals: { at: number; goals: CategoryGoal[] } | undefined;
  // A goals table whose header was cut from a row's reference cell (rowReferenceTableCell): it opens on the next line.
  let rowTable: { at: number; table: ReferenceTable } | undefined;
  // Numbered samples of one exam read so far, the last one pending: closed together, with its references.
  let heldSamples: Group[] = [];
  // The one reference a block prints above its table ("Valor de referência: inferior a 0,35 kUA/L" over
  // "Código   Alérgeno   Resultado (kUA/L)"): every row that prints none, up to the table's first blank line.
  // Or the one range a panel's title prints for all its rows, no table header under it (`underTitle`).
  let shared: { items: string[]; from: number; to: number; underTitle?: boolean } | undefined;
  const close = () => {
    if (pending && shared && pending.refItems.length === 0 && pending.entries.every((e) => e.line > shared!.from && e.line < shared!.to))
      pending.refItems = [...shared.items];
    const held = heldSamples;
    heldSamples = [];
    for (const g of held) {
      if (g === pending) continue;
      if (pending && held.includes(pending)) g.refItems = [...pending.refItems];
      const before = [analytes.length, qualitative.length] as const;
      finishGroup(g, patient, table, analytes, qualitative);
      const c = { group: g, made: [...analytes.slice(before[0]), ...qualitative.slice(before[1])] };
      recent.push(c);
      closed.push(c);
    }
    if (pending) {
      // A block's word result, then its index on a line of its own, then the reference of both, the words' tiers
      // of index bands ("Resultado: REAGENTE" / "Índice: 8,64 S/CO" / "Valor de Referência: Não Reagente: Índice
      // inferior a 1,00 | Reagente: …", h1728): the tiers name the word's reference too.
      const wordAbove = recent.at(-1);
      if (
        wordAbove &&
        wordAbove.group.refItems.length === 0 &&
        wordAbove.group.entries.every((e) => e.read.value === null) &&
        pending.entries.every((e) => e.read.value !== null) &&
        pending.refItems.some((i) => indexTierWord(i) !== undefined)
      )
        refinish(wordAbove, [...pending.refItems]);
      const before = [analytes.length, qualitative.length] as const;
      finishGroup(pending, patient, table, analytes, qualitative);
      const c = { group: pending, made: [...analytes.slice(before[0]), ...qualitative.slice(before[1])] };
      recent.push(c);
      closed.push(c);
    }
    const rowClosed = rowGoals !== undefined && pending?.entries.some((e) => e.line >= rowGoals!.at);
    pending = undefined;
    if (rowClosed) takeRowGoals();
  };
  /** The goals of a category line join the results read before that they name (a goals note's line, parse loop). */
  const takeNoteGoals = (goals: CategoryGoal[]) => {
    for (const goal of goals) {
      const c = earlier(goal.name);
      if (!c) continue;
      const taken = note!.taken.get(c);
      if (taken) taken.push(goal);
      else if (c.made.every((a) => !('reference_source' in a) || a.reference_source !== 'report')) note!.taken.set(c, [goal]);
      else continue;
      const reference = note!.taken
        .get(c)!
        .map((g) => `${g.category}: ${g.range}`)
        .join('; ');
      if (isRiskGoalsReference(reference)) refinish(c, [reference]);
    }
  };
  /** The goals cut from a row's reference cell (rowGoals), once that row's result is closed: a goals note opens there. */
  const takeRowGoals = () => {
    const cut = rowGoals!;
    rowGoals = undefined;
    note = { at: cut.at, names: undefined, taken: new Map() };
    takeNoteGoals(cut.goals);
  };
  /** A table of ranges after the results begins: its rows join the results read before (late-references.ts). */
  const openReferenceTable = (rt: ReferenceTable) => {
    close();
    refTable = rt;
    goalsTaken = new Map();
    title = undefined;
  };
  /** A result read under the block title: it takes the title's analyte and the references above it. */
  const adoptUnderTitle = (g: Group, under: NonNullable<typeof title>) => {
    close();
    for (const e of g.entries) e.def = under.def;
    g.refItems.unshift(...preRef.filter(Boolean));
    pending = g;
    preRef = [];
    title = undefined;
  };
  /** Flags an earlier result again with references found later, in place. */
  const refinish = (c: Closed, items: string[]) => {
    c.group.refItems = items;
    const before = [analytes.length, qualitative.length] as const;
    finishGroup(c.group, patient, table, analytes, qualitative);
    const made = [...analytes.splice(before[0]), ...qualitative.splice(before[1])];
    c.made.forEach((old, i) => made[i] && Object.assign(old, made[i]));
  };
  // A reference in words led as one joins the block's last result when that is in words with no reference;
  // whether it did. A remark's label taken for a title ("Sorovar de maior título: Icterohaemorrhagiae", its words
  // after the colon) on the line above stands between them; a title proper heads the results under it, the
  // reference too.
  const joinedToWordAbove = (t: string, lastTextAt: number): boolean => {
    const lead = stripReferenceLead(t);
    const remark = title !== undefined && titleAt === lastTextAt && /:\s*\p{L}/u.test(title.name);
    if (title && !remark) return false;
    const last = remark ? closed.at(-1) : recent.at(-1);
    if (!lead.lead || qualitativeReference(lead.rest) === undefined || last?.group.refItems.length !== 0) return false;
    if (!last.group.entries.every((e) => e.read.value === null)) return false;
    refinish(last, [lead.rest]);
    return true;
  };
  const earlier = (name: string) => closed.findLast((c) => c.group.entries.length === 1 && sameAnalyte(c.group.entries[0]!, name));
  // Or a count printed relative and absolute on one row ("Neutrófilos   38 %   3.724 /µL"): one result's
  // two values, which a table of ranges names once (h1617).
  const earlierOrCounts = (name: string) =>
    earlier(name) ?? closed.findLast((c) => c.group.entries.length === 2 && c.group.entries.every((e) => sameAnalyte(e, name)));
  /** Makes an earlier result of this block pending again, so the reference lines that follow join it. */
  const reopenAt = (i: number) => {
    close();
    const r = recent.splice(i, 1)[0]!;
    for (const a of r.made) {
      const list: Array<ParsedAnalyte | QualitativeAnalyte> = typeof a.value === 'number' ? analytes : qualitative;
      list.splice(list.indexOf(a), 1);
    }
    pending = r.group;
  };
  const reopen = (name: string): boolean => {
    const i = recent.findIndex((r) => r.group !== pending && r.group.entries.some((e) => sameAnalyte(e, name, { prefix: true })));
    if (i < 0) return false;
    reopenAt(i);
    return true;
  };
  // A reference led by the first words of the row a result of this block was printed on ("Tempo:" under
  // "Tempo do paciente   32,4 segundos"): that result's, the nearest such row above when rows repeat.
  const reopenRowLedBy = (label: string): boolean => {
    const groups = [...recent.map((r) => r.group), ...(pending ? [pending] : [])];
    const rows = groups.flatMap((g) => g.entries.filter((e) => labelLeadsRow(lines[e.line]?.text ?? '', label)).map((e) => ({ g, e })));
    const nearest = rows.sort((a, b) => b.e.line - a.e.line)[0];
    if (!nearest) return false;
    if (nearest.g !== pending) reopenAt(recent.findIndex((r) => r.group === nearest.g));
    return true;
  };
  // A reference led by the last words of one result's name ("CD4+:" under "Linfócitos T CD4+"): that
  // result's, when no other result of the block ends the same way.
  const reopenNameEndingIn = (label: string, numericOnly = false): boolean => {
    const groups = [...recent.map((r) => r.group), ...(pending ? [pending] : [])];
    const named = groups.filter((g) => g.entries.some((e) => labelEndsName(e.name, label) && (!numericOnly || e.read.value !== null)));
    if (named.length !== 1) return false;
    if (named[0] !== pending) reopenAt(recent.findIndex((r) => r.group === named[0]));
    return true;
  };
  /**
   * Holds every result a reference names together ("Ref. (Anti-Ro e Anti-La): …", printed under the last
   * of them) open with the pending one, so the reference lines that follow are each one's. Only when the
   * pending result is among them and the others were read in this block.
   */
  const shareReference = (names: string[]): boolean => {
    if (!pending) return false;
    const named = (g: Group, n: string) => g.entries.some((e) => sameAnalyte(e, n, { prefix: true }));
    const groups = names.map((n) => (named(pending!, n) ? pending : recent.find((r) => r.group !== pending && named(r.group, n))?.group));
    if (!groups.includes(pending) || groups.some((g) => !g) || new Set(groups).size !== groups.length) return false;
    for (const g of groups) {
      if (g === pending) continue;
      const r = recent.splice(
        recent.findIndex((c) => c.group === g),
        1,
      )[0]!;
      for (const a of r.made) {
        const list: Array<ParsedAnalyte | QualitativeAnalyte> = typeof a.value === 'number' ? analytes : qualitative;
        list.splice(list.indexOf(a), 1);
      }
      heldSamples.push(g!);
    }
    if (!heldSamples.includes(pending)) heldSamples.push(pending);
    return true;
  };
  const takeFinding = (finding: { label: string; text: string; reference: string }, at: number) => {
    close();
    title = undefined;
    const name = cleanName(finding.label);
    pending = {
      entries: [{ def: lookupName(name), name, read: { value: null, text: finding.text, comparator: null, unit: null, marker: null, rest: '' }, line: at }],
      refItems: [finding.reference],
    };
  };
  const addRef = (g: Group, t: string) => {
    const { rest } = stripReferenceLead(t);
    if (RISK_LEAD.test(t.slice(0, t.length - rest.length))) g.riskTiers = true;
    if (rest === '') return;
    // A reference hard-wrapped at a narrow width (a PDF copied on a phone: "Valor de referência: Homens:" /
    // "0,70 a 1,30 mg/dL Mulheres:" / "0,50 a 1,10 mg/dL"): a line left open, on a label, a range's "a" or
    // a word no unit ends, goes on on the next, and read apart the labels pair with the wrong ranges.
    const last = g.refItems.at(-1);
    if (last !== undefined && !g.riskTiers && wrappedReferenceGoesOn(last, rest)) {
      g.refItems[g.refItems.length - 1] = `${last} ${rest}`;
      return;
    }
    g.refItems.push(g.riskTiers ? asRiskTier(rest) : rest);
  };

  // The text of each line as read (a previous-result column cut off): the accounting pass counts its tokens.
  const seen: AccountLine[] = [];
  // The lines an earlier sample's cell was cut from, as accounted then and as printed: a line no result is read from
  // is accounted as printed after all (below).
  const earlierCut = new Map<number, { own: string; printed: string }>();
  // The line the last table header was read on, and the last line with text before this one.
  let headerAt = -1;
  let previousTextAt = -1;
  // The last line read as a typed list of results (piece.ts, typedList).
  let lastListAt = -1;
  // The coagulation block whose patient time was read on line `at` ("Tempo do paciente" under its
  // title): the control and ratio rows right under it are the block's.
  let block: { name: string; at: number } | undefined;
  // The block title whose count the rows right under it give in its forms ("Percentual", "Valor absoluto").
  let countForms: { name: string; at: number } | undefined;
  // A name's first line held with the reference printed beside it, its value on the next line with the rest of the name.
  let heldHead: { name: string; reference: string; at: number } | undefined;
  // The age a table of ranges under a result counts in, and the unit of its ranges, from its header ("Idade (anos)   ng/mL").
  let ageRows: { age: string; unit: string } | undefined;
  // A table of ranges under a labelled result, its rows told apart by sex, age or group ("Valores de
  // referência:   Sexo   mg/dL", range-tables.ts).
  let rangeRows: RangeTable | undefined;
  // Lines read as the continuation of the line above (a wrapped footnote reference).
  const continuedAt = new Set<number>();
  // The last line whose name-column piece went on with the name of the row above it.
  let wrapAt = -1;
  // The line the current title was read on: a name its cell wrapped goes on from there on the next line.
  let titleAt = -1;
  // The agent a serology section's title names ("SOROLOGIA - DENGUE"), and the last line of it read: the rows right
  // under it named only by what they detect are the agent's (agent-sections.ts).
  let agentSection: { agent: string; at: number } | undefined;
  // The title a tolerance curve's glucose load made (loadTitle): the times measured are named under it.
  let curveTitle: typeof title;
  // The line of a culture's comment on its negative result (NO_GROWTH_NOTE), whose wrapped tail goes on under it.
  let growthNoteAt = -1;
  // The line of a positive result's list of findings, its label or its last bullet ("Parasitas encontrados:").
  let findingListAt = -1;
  // Where a header printed one cell a line ends whose method column follows the exam's (layouts.ts).
  const methodUnderName = methodUnderNameFrom(lines.map((l) => l.text));
  // The method cells read so far under those names, each with the line it was printed on.
  const methodCells: Array<{ at: number; name: string; method: string }> = [];
  // The line of an antibiogram's title ("Antibiograma (disco-difusão)", "TSA"), or -1: a lone S / I / R under it
  // after a leader or a colon is an interpretation.
  const antibiogramAt = lines.findIndex((l) => /^\W*(?:antibiograma|teste\s+de\s+sensibilidade\b|tsa\b)/iu.test(l.text));
  for (const printed of lines) {
    // A row whose goals cell was cut and that read no result: its goals join the results above all the same.
    if (rowGoals && printed.index > rowGoals.at && !pending?.entries.some((e) => e.line >= rowGoals!.at)) takeRowGoals();
    if (rowTable && printed.index > rowTable.at) {
      const { table: rt } = rowTable;
      rowTable = undefined;
      openReferenceTable(rt);
    }
    const lineAbove = lines[printed.index - 1]?.text;
    // A column of words before the exam column (the disease a screening test is for) is cut off the row.
    const line = (table?.leadAt !== undefined ? withoutLeadColumn(printed, table.leadAt, table.leadIsCode, table.starts?.length) : undefined) ?? printed;
    // A block's labelled result ("Resultado:   7,4 ng/mL   Valor de referência: …") is no row of the table
    // above, whose previous-result column it may run into: its earlier sample is labelled when printed
    // ("Anterior: …"), and a number at its end is left for the accounting, never cut as an earlier one.
    // Unless the block's own title and Método lines head those columns, right above it ("GLICOSE - Soro   Resultados
    // anteriores" / "Método: …   10/01/2025   14/06/2024" / "Resultado: 148 mg/dL   162 mg/dL   155 mg/dL", h1819):
    // the cells under their dates are the earlier samples'.
    const blockHistory = table?.history?.earlier !== undefined && line.index - headerAt <= 2;
    const earlierCells = table && (!LABELLED_RESULT.test(line.text) || blockHistory) ? withoutEarlierCells(line, table, earlierColumnSeen) : undefined;
    let t = earlierCells?.text ?? line.text;
    // A number cut as an earlier sample's though no previous-result column stands over it (past the reference
    // column, or drifted left of the previous-result column: columns.ts, h1683) is left to the accounting pass: a
    // number a row prints there may be anything, and cut from the accounting too it was dropped in silence (the
    // corpus property's bare number after a range, h217, h884, h1439).
    const earlierCellCut = t !== line.text;
    const cutPastReference = earlierCellCut && !earlierCells!.columnOver;
    if (table?.gradeColumn) t = withoutGradeColumn(t, line.offset, table.gradeColumn);
    // A row may print both a method cell and a release cell (a LACEN's GAL table): both are cut.
    const uncut = t === line.text;
    if (table?.releaseAt !== undefined && uncut) t = withoutReleaseColumn(t, line.offset, table.releaseAt);
    if (table?.sectorAt !== undefined && uncut) t = withoutSectorColumn(t, line.offset, table.sectorAt);
    if (table?.criticalAt !== undefined && uncut) t = withoutCriticalColumn(t, line.offset, table.criticalAt);
    if (table?.statusAt !== undefined && uncut) t = withoutStatusColumn(t, line.offset, table.statusAt, line.raw.includes('\t'));
    if (table?.methodColumn && uncut) t = withoutMethodColumn(t, line.offset, table.methodColumn);
    if (table?.cutoffColumn && uncut) t = withoutCutoffColumn(t, line.offset, table.cutoffColumn);
    if (table?.limitCell && t === line.text) t = withLimitInReference(line, table.limitCell);
    if (table?.remarkCell && t === line.text) t = withoutRemarkCell(line, table.remarkCell);
    // A row whose earlier sample's cell was blanked (a landscape report's "RESULTADO ANTERIOR   MÉTODO") loses its
    // remark cell as well: both cut from the row's cells.
    else if (table?.remarkCell && table.previousCell && line.bars && !table.previousCells && !table.gradeColumn && t !== line.text)
      t = withoutRemarkCell(line, table.remarkCell, table.previousCell.indexes, previousCellShift(line.bars, table.previousCell));
    // A block's labelled reference before its labelled result ("Referência: …   Resultado: …") is read result first.
    if (t === line.text) t = labelledResultFirst(t);
    // An administrative line under such a table (a signature with its release time, long enough to reach
    // the previous-result column) has no current result: a number at its end is no earlier sample's,
    // and cutting it would drop it in silence.
    if (t !== line.text && isAdminLine(t)) t = line.text;
    // Nor has a block's title with its Material/Método cells at its right ("URINA TIPO 1 (EAS)   Material: …").
    if (
      t !== line.text &&
      cells(t).length >= 2 &&
      cells(t)
        .slice(1)
        .every((c) => isBlockDetail(c))
    )
      t = line.text;
    // An antibiogram row under another whose long name filled its column keeps one space before its word
    // ("Sulfametoxazol/Trimetoprima Resistente"): it is read as the rows in columns around it. Only the
    // word spelled out, under a row ending in one: a lone S/R/I may end a name. Not the legend of the letters
    // under the table ("S = sensível · I = sensível aumentando exposição · R = resistente", h1760): no row.
    const tight =
      SUSCEPTIBILITY_END.test(lineAbove ?? '') && ENDS_IN_SUSCEPTIBILITY.test(t) && !isLegend(t)
        ? /^(\s*\P{N}*\p{L}{3}\P{N}*?)\s(\p{L}{2,})\s*$/u.exec(t)
        : null;
    if (tight && SUSCEPTIBILITY.test(tight[2]!)) t = `${tight[1]}   ${tight[2]}`;
    // So is a row typed with a dash before its word ("Ampicilina - Resistente", a message's antibiogram), the
    // first one too: the word spelled out after the dash is the antimicrobial's interpretation. So is one
    // after a colon ("Ampicilina: Resistente", an app's list as its screen reader speaks it).
    // BrCAST's "I" spelled out takes words after a comma ("Ciprofloxacino ....... Sensível, aumentando exposição", h1909).
    const dashed = ENDS_IN_SUSCEPTIBILITY.test(t) ? /^(\s*\P{N}*\p{L}{3}\P{N}*?)(?:\s[-–—]|:)\s+(\p{L}{2,}(?:,?\s+\p{L}+){0,3})\s*$/u.exec(t) : null;
    if (dashed && SPELLED_SUSCEPTIBILITY.test(dashed[2]!)) t = `${dashed[1]}   ${dashed[2]}`;
    // Under an antibiogram's title, a row's lone letter after a dot leader or a colon ("- Ampicilina ........
    // **R**", a vision model's list of a culture, h1541) is the antimicrobial's interpretation too: there the
    // letter is the legend's S / I / R, not the end of a name, as it is in a column of its own.
    const lettered = antibiogramAt >= 0 && line.index > antibiogramAt ? /^(\s*\P{N}*\p{L}{3}[^\d:]*?)\s*:\s*([SIR])\s*$/u.exec(t) : null;
    if (lettered) t = `${lettered[1]}   ${lettered[2]}`;
    // So is a row with the antimicrobial's MIC in a column of its own, after the word or before it
    // ("Ampicilina   Resistente   >= 32", "Cefepima   <= 1   S"): the word is the result; the MIC,
    // which no field holds, stays on the line as printed and is listed for a person to read.
    // Under a header naming the MIC column ("Antimicrobiano   CIM (µg/mL)   Interpretação", an automated card's
    // antibiogram, h1532), every row prints an MIC, with a comparator or without one ("16   R", "8   S"): the
    // lone letter is the interpretation beside any MIC, for the rows that follow the header without a break.
    if (cells(t).some((c) => MIC_HEAD.test(c.trim()))) micRowsTo = line.index;
    const micTable = micRowsTo === line.index - 1;
    const drugColumns = antibiogramColumns(t, line.offset);
    if (drugColumns) antibiogramCols = drugColumns;
    else if (t.trim() === '') antibiogramCols = undefined;
    const measured = antibiogramCols && !drugColumns ? antibiogramRow(t, line.offset, antibiogramCols, (w) => SUSCEPTIBILITY.test(w)) : undefined;
    const mic = measured ?? micRow(t, micTable);
    if (mic) {
      t = mic;
      if (micTable) micRowsTo = line.index;
    }
    // A results app's card prints the reference on the line under the value and closes it with the lab's
    // verdict badge ("VR 4.000 - 11.000      ● Baixo", "VR Não reagente      Normal"): the badge marks the
    // value above, as a verdict on a line of its own does, and the reference is read without it.
    const badge = pending ? verdictAfterReference(t) : undefined;
    if (badge) {
      t = badge.reference;
      for (const e of pending!.entries) e.read = { ...e.read, marker: e.read.marker ?? badge.marker };
    }
    // A line of side-by-side tables (page-columns.ts) is read as rows but accounted as printed: a
    // wrapped cell is accounted on its own line, once.
    const u = unfolded[line.index]!;
    // A row read with the lines under it (a wrapped reference cell) is accounted as printed, less the earlier
    // samples' cells its read line lost: those are no result of this report.
    const account = u.read === line.raw || u.account === u.read ? undefined : cleanLine(u.account, line.index);
    const own = !account
      ? mic || cutPastReference
        ? line.text
        : t
      : table && t !== line.text && !LABELLED_RESULT.test(account.text)
        ? withoutEarlierCells({ ...account, raw: line.raw }, table, false).text
        : account.text;
    // The patient's cardiovascular risk category as a header states it (patient.ts): it picks a lipid's goal,
    // no result of its own, whatever word it takes. (Its "Intermediário" is no antibiogram's word, whatever
    // the row rewritten above took it for.) What the line prints after it ("…: INTERMEDIÁRIO ; HBsAg:
    // Reagente") is still accounted.
    if (RISK_CATEGORY_STATED.test(line.text.trim()) && !/\d/.test(line.text)) {
      const risk = RISK_CATEGORY_STATED.exec(own);
      const rest = risk ? `${own.slice(0, risk.index)}${' '.repeat(risk[0].length)}${own.slice(risk.index + risk[0].length)}` : '';
      seen.push({ index: line.index, raw: line.raw, text: rest.trim() === '' ? '' : rest });
      continue;
    }
    // A visual report's colour legend row ("■ Verde ........ inferior a 5,7 %") and the band a result fell in
    // ("Faixa do resultado: AMARELA") are neither results nor titles (colour-legends.ts): accounted as
    // holding none, and the result above stays open.
    // What the line prints after the legend in cells of its own is read as a line of its own would be.
    const legendRest = isColourLegendLine(t) ? afterColourLegend(t) : undefined;
    if (isColourLegendLine(t)) {
      // The one-line legend under a value gives it its green band as its reference.
      const band = pending && isLegendLine(t) ? greenBand(t) : undefined;
      if (band && pending!.refItems.length === 0) addRef(pending!, band);
      if (legendRest === undefined) {
        seen.push({ index: line.index, raw: line.raw, text: '' });
        continue;
      }
      t = legendRest;
    }
    seen.push({
      index: line.index,
      raw: line.raw,
      text: legendRest ?? (line.previous === undefined ? own : `${own}   ${line.previous}`),
    });
    if (!account && earlierCellCut && own !== line.text && own.trim() !== '' && line.previous === undefined && legendRest === undefined)
      earlierCut.set(line.index, { own, printed: line.text });
    // A blank line ends the patient / control table; a wrapped reference joined to the row above leaves its
    // line empty without ending it.
    if (t === '' && line.raw.trim() === '') patientControl = undefined;
    if (t === '') inputsOf = undefined;
    if (t === '' && shared && shared.to === Number.POSITIVE_INFINITY && line.index > shared.from + 1) shared.to = line.index;
    if (t === '' || continuedAt.has(line.index)) continue;
    // A grading scale's legend ("Classe 2: 0,70 a 3,49 kUA/L - moderado") is no result nor a result's range;
    // one with more printed after its band and name is listed for a person to read.
    if (isGradeLegend(t) || isCollectionTime(t)) continue;
    // A table of ranges by age under a result, its header naming what its columns count ("Idade (anos)   ng/mL"
    // over "31 a 35   113 a 297"): each row is the range of its age band, read as the labelled range it stands for.
    const ageHeader = pending ? AGE_TABLE_HEADER.exec(t.trim()) : null;
    if (ageHeader) {
      ageRows = { age: ageHeader[1]!.toLowerCase(), unit: ageHeader[2] ?? '' };
      continue;
    }
    const ageRow = ageRows ? AGE_TABLE_ROW.exec(t.trim()) : null;
    if (ageRow) {
      t = `${ageRow[1]} ${ageRows!.age}: ${ageRow[2]}${ageRows!.unit && !/\p{L}/u.test(ageRow[2]!) ? ` ${ageRows!.unit}` : ''}`;
      seen[seen.length - 1]!.text = t;
    } else ageRows = undefined;
    // Its rows told apart by sex, age band or group under a header naming which and the ranges' unit
    // ("Valores de referência:   Sexo   mg/dL" over "Feminino   0,50 a 0,90"): each row is its labelled range.
    const rangeRow = rangeRows ? rangeTableRow(line.text, line.offset, rangeRows) : undefined;
    if (rangeRow === '') {
      seen[seen.length - 1]!.text = '';
      continue;
    }
    if (rangeRow !== undefined) {
      t = rangeRow;
      seen[seen.length - 1]!.text = t;
    } else rangeRows = undefined;
    const rangeHeader = pending && !ageRow ? rangeTableHeader(line.text, line.offset) : undefined;
    if (rangeHeader) {
      rangeRows = rangeHeader;
      continue;
    }
    // A row whose result cell a transcription marks as unreadable ("TGP (ALT)   [ilegível – campo apagado]
    // U/L   até 33 U/L"): there is no value to read, and a number in the reference cell is none; the row
    // is listed for a person to read.
    const unreadCells = cells(t);
    // A name led to its value ("TSH ...... 6,9 µUI/mL   [ilegível]") holds the value in its cell: the mark is the reference's.
    if (unreadCells.length >= 2 && letters(unreadCells[0]!) >= 2 && bareNumbers(unreadCells[0]!) === 0 && ILLEGIBLE_CELL.test(unreadCells[1]!)) {
      close();
      title = undefined;
      unparsed.push(line.raw.trim());
      continue;
    }
    // A samples' legend ("AMOSTRAS:  (1) 02/02/2025 07:10   (2) …") keys and dates the columns of the table
    // under it: no result, its numbers the keys and the collection stamps. A cell printed after the last
    // key's date is none of the legend's: it is left for the accounting pass (besideSampleLegend).
    if (legends.some((l) => l.index === line.index)) {
      const beside = besideSampleLegend(line.raw);
      seen[seen.length - 1]!.text = beside.trim() === '' ? '' : beside;
      continue;
    }
    // A row of a dated history table with a dash under the current sample's column: not done in this sample,
    // no result to read (the reference's "< 0,50" is none); the row is listed for a person to read, as the
    // earlier samples' values are printed on it.
    if (table?.history && notDoneInCurrent(line, table.history)) {
      close();
      title = undefined;
      unparsed.push(line.raw.trim());
      continue;
    }
    if (startsGradeLegend(t)) {
      unparsed.push(line.raw.trim());
      continue;
    }
    const list = typedList(t, lastListAt >= 0 && lastListAt === previousTextAt);
    if (list) lastListAt = line.index;
    const ctx: Ctx = { table, line, list };
    const lastTextAt = previousTextAt;
    previousTextAt = line.index;
    // An app's card labels each field on a line of its own, its value on the next ("Resultado" / "88" /
    // "Unidade de medida" / "mg/dL" / "Valor de referência" / "70 a 99", h1621): the unit's label under the
    // value read alone is no title; the unit under it is the value's.
    if (
      pending?.entries.length === 1 &&
      pending.entries[0]!.read.value !== null &&
      !pending.entries[0]!.read.unit &&
      UNIT_FIELD_LABEL.test(t.trim()) &&
      isUnitAlone(nextLine(lines, line.index)?.text)
    )
      continue;
    // An app's card prints a finding in words alone under its title, the word reference under it ("Parasitológico
    // de fezes" / "Cistos de Giardia lamblia" / "Referência: Negativo"): the words are the title's result, as
    // after its "Resultado:", never a title of their own.
    // A portal's block prints its details and a "Resultado" label alone between the title and the finding
    // ("PARASITOLÓGICO DE FEZES" / "Material: Fezes   Método: …" / "Resultado" / "Cistos de Giardia …" /
    // "Valor de referência: Negativo", h1746): the finding is still the title's.
    if (
      title &&
      (titleAt === lastTextAt || onlyDetailsBetween(lines, titleAt, line.index)) &&
      !pending &&
      findingOverNegativeReference(t, nextLine(lines, line.index)?.text)
    )
      t = `Resultado: ${t.trim()}`;
    // So is a result word with its comment after a dash right under that label alone ("Resultado" / "Negativa –
    // ausência de crescimento bacteriano após 48 horas", h1746): read as on its "Resultado:" line, the word the result.
    else if (title && !pending && lastTextAt >= 0 && RESULT_LABEL_ALONE.test(lines[lastTextAt]!.text) && WORD_THEN_COMMENT.test(t.trim()))
      t = `Resultado: ${t.trim()}`;
    // The control's own time under the patient's ("Tempo do controle …. 12,4 s") is the lab's check of
    // its reagents, not a result of the patient; the block goes on under it.
    if (block?.at === lastTextAt && CONTROL_ROW.test(cleanName(t.split(/\s*(?:\.{2,}|:|\s\d)/, 1)[0]!))) {
      block.at = line.index;
      continue;
    }
    // The same row right under a time read on its own line ("Tempo de protrombina : 14,9 segundos" /
    // "Tempo do plasma controle : 12,1 segundos"), with no block title over them.
    if (pending?.entries.some((e) => e.line === lastTextAt) && CONTROL_ROW.test(cleanName(t.split(/\s*(?:\.{2,}|:|\s\d)/, 1)[0]!))) continue;

    // A header with a previous-result column whose dates are printed on the line under it ("ATUAL   MÊS
    // ANTERIOR" over "11/06/2025   14/05/2025"): the dates place the current and the earlier columns.
    const dated =
      table?.previousAt !== undefined && !table.history && headerAt === lastTextAt
        ? datesUnderHeader(line.text, line.offset, table.starts ?? [], { previousAt: table.previousAt, resultAt: table.resultAt })
        : undefined;
    if (dated) {
      table!.history = dated;
      table!.previousAt = Math.min(...(dated.earlier ?? []).map((e) => e.from));
      headerAt = line.index;
      continue;
    }
    // Words naming the dated columns on the line under their dates ("ADMISSÃO   ALTA" under "03/02/25
    // 08/02/25", a discharge summary's): the header's second line, no name and its result.
    // So are the dates of numbered earlier columns under them ("12/03/2025   09/09/2024" under "Anterior 1
    // Anterior 2"): the columns are placed by the header already.
    if (
      table?.history &&
      headerAt === lastTextAt &&
      (datedColumnLabels(line.text, line.offset, table.history) || datesOverEarlierColumns(line.text, line.offset, table.history))
    ) {
      headerAt = line.index;
      seen[seen.length - 1]!.text = '';
      continue;
    }
    // The reference column's ranges named on the header's second line ("HOMENS   MULHERES" under "RESULTADO
    // VALORES DE REFERÊNCIA"): the labels head the range columns under them, the line is the header's.
    const rangeLabels = table && headerAt === lastTextAt ? rangeLabelsUnder(line.text, line.offset, table) : undefined;
    if (rangeLabels) {
      Object.assign(table!, rangeLabels);
      headerAt = line.index;
      seen[seen.length - 1]!.text = '';
      continue;
    }
    // A history report repeats its dated header over each block: read whole, not cut at its dates.
    const headerContext = {
      above: lastTextAt >= 0 ? lines[lastTextAt] : undefined,
      collectedOn: patient.collectedOn,
      legend: legends.findLast((l) => l.index < line.index)?.legend,
    };
    // A patient / control header with a names' column ("TESTE   PACIENTE   POOL   UNIDADE   …") would be read as a
    // table of two value columns; its rows are read without the control's cell instead (patient-control.ts).
    const namedControlHeader = patientControlColumns(t, line.offset, undefined);
    if (namedControlHeader && /^\S/u.test(t) && !/^(?:paciente|resultado|amostra)\b/iu.test(t)) {
      close();
      table = undefined;
      patientControl = namedControlHeader;
      continue;
    }
    // A row read as an antibiogram's name and interpretation is no header, whatever its lone "S" looks like.
    const cutHeader = mic ? undefined : tableHeader(table?.history ? line.text : t, line.offset, headerContext);
    // The next table's header, its previous-result column further right than the table above's (the
    // chemistry's "Exame   Resultado   Valores de referência   12/03/2026" under "BIOQUÍMICA   Resultado
    // anterior", the hemogram's column two places left): the cut took its own date cell, read it whole.
    const wholeHeader = cutHeader && cutHeader.previousAt === undefined && t !== line.text ? tableHeader(line.text, line.offset, headerContext) : undefined;
    // Or, under no label of its own, its date cell under the column the table above has (the lipid
    // panel's "Exame   Resultado   Valores de referência   12/03/2026" in the same report): the column goes on.
    const cutDates =
      cutHeader && !wholeHeader?.previousAt && t !== line.text
        ? cellStarts(line.text, line.offset).filter((c) => c.at - line.offset >= t.trimEnd().length)
        : [];
    const header =
      wholeHeader?.previousAt !== undefined
        ? wholeHeader
        : cutDates.length > 0 && cutHeader!.previousAt === undefined && cutDates.every((c) => DATE_CELL.test(c.cell))
          ? { ...cutHeader!, previousAt: cutDates[0]!.at }
          : cutHeader;
    // A header printed on two lines: units (of the value columns, or of the reference columns when the
    // first line has the value columns' already) and the previous result's date under the first line
    // are no new header; the first line's columns stay, the previous column starting where its date is
    // printed if that is further left.
    const continued = header && table && headerAt === lastTextAt ? headerUnitsAndDate(t, line.offset) : undefined;
    if (continued) {
      if (table!.valueColumns.length === 0 && header!.valueColumns.length > 0) Object.assign(table!, { valueColumns: header!.valueColumns, unit: null });
      if (table!.previousAt !== undefined && continued.dateAt !== null) table!.previousAt = Math.min(table!.previousAt, continued.dateAt);
      headerAt = line.index;
      continue;
    }
    // An appendix of references after the results ("ANEXO I - VALORES DE REFERÊNCIA" / "Analito   Unidade   Mulheres
    // Homens", h1454): a header of range columns and no result column, under which no row prints a result. Its rows
    // join the results read before, as the SBC lipid table's do.
    const appendix =
      header && header.resultAt === undefined && header.valueColumns.length === 0 && header.rangeColumns.length >= 2 && analytes.length + qualitative.length > 0
        ? referenceTableHeader({ ...line, text: t })
        : undefined;
    if (appendix) {
      table = undefined;
      openReferenceTable(appendix);
      continue;
    }
    if (header) {
      headerAt = line.index;
      close();
      // Numbered earlier columns' ordinals ("Anterior 1   Anterior 2") are the header's words, no values.
      // So are the sample keys a legend dates ("(1)   (2)   (3)").
      const last = seen[seen.length - 1];
      if (last?.index === line.index) last.text = withoutSampleKeys(withoutNumberedPreviousCells(last.text), headerContext.legend);
      // A line of value columns' units alone ("%   /µL   %   /µL" over a differential) under a header with
      // a previous-result column names what the value cells hold, not where the earlier sample is: rows
      // after it (the platelets under the differential) still print their earlier value in that column.
      const unitsOnly =
        header.valueColumns.length > 0 &&
        header.resultAt === undefined &&
        header.referenceAt === undefined &&
        header.previousAt === undefined &&
        !header.history;
      if (unitsOnly && table?.previousAt !== undefined && !table.history && !table.previousCell && !line.bars) {
        header.previousAt = table.previousAt;
        // Unless the line groups its units under the header's cells, as many under the previous result as
        // under the result ("%   /mm³   %   /mm³   %   /mm³" under "Resultado   Anterior   Valores de
        // Referência"): the rows print the earlier sample's counts after the current ones, cut by order.
        const split = table.starts ? unitsUnderPreviousHeader(header.valueColumns, table.starts, table.previousAt) : undefined;
        if (split) Object.assign(header, { valueColumns: split.current, previousCells: split.previousCells, starts: table.starts });
      }
      valueColumnsBefore = table && table.valueColumns.length > 0 ? table.valueColumns : undefined;
      // The differential's own header inside the report's ("%   /mm³   Referência (/mm³)" under "EXAME
      // RESULTADO   UNIDADE   VALOR DE REFERÊNCIA   ANTERIOR", h1603): its columns are the counts' rows only.
      // The next section's title ("PLAQUETAS") gives the rows under it back to the report's header, whose
      // previous-result column they print again.
      outerTable = table && subTableOf(header, table) ? (outerTable ?? table) : undefined;
      table = header;
      if (line.bars) table.barCells = line.bars.length;
      if (header.previousAt !== undefined) earlierColumnSeen = true;
      // A line of value columns' units under it (`LEUCOGRAMA   %   /mm³`) keeps the reference before the result.
      referenceFirst =
        referenceFirstColumns(t, line.offset, header.history?.currentAt) ??
        (referenceFirst && header.valueColumns.length > 0 && !/resultado|refer/i.test(t) ? referenceFirst : undefined);
      referenceFirstBars = referenceFirst ? referenceFirstBarCells(line.bars) : undefined;
      minMax = minMaxColumns(t, line.offset, line.bars);
      itemRows = numbersRows(t);
      itemTight = numbersRowsTight(t);
      itemAt = line.offset;
      placeCols = placeColumns(t).some((c) => c !== 'item') ? placeColumns(t) : [];
      alertAt = alertColumnAt(t, line.offset);
      notice = noticeColumns(t, line.offset, line.bars);
      protocolLimits = releaseCriteriaColumns(t, line.offset, line.bars);
      dosing = dosingColumns(t, line.offset);
      // A line of value columns' units alone ("%   /mm³" over a differential) heads no new reference
      // columns: the age bands above still name the ranges under them.
      // Nor does a section's title over its result column alone ("LEUCOGRAMA   RESULTADO" under the hemogram's
      // "ERITROGRAMA   RESULTADO   6 m a 2 anos   2 a 6 anos   …"): the bands printed once name the whole table's.
      const sectionOfTable =
        header.resultAt !== undefined &&
        header.starts?.length === 2 &&
        header.referenceAt === undefined &&
        header.valueColumns.length === 0 &&
        header.previousAt === undefined &&
        header.rangeColumns.length === 0 &&
        header.sexes.length === 0;
      if (!sectionOfTable && (header.referenceAt !== undefined || header.resultAt !== undefined || header.valueColumns.length === 0)) bands = undefined;
      // Under a lead column ("Grupo   Exame   Resultado   …   Resultado anterior", a portal's export, h1966) each
      // row's first cell is cut before its earlier sample's is (withoutLeadColumn): the header's cells are counted without it.
      const headBars = line.bars && header.leadAt !== undefined ? line.bars.slice(1) : line.bars;
      const previousCell =
        header.previousAt !== undefined && headBars ? (previousCellOf(headBars) ?? (header.history ? earlierDateCellsOf(headBars) : undefined)) : undefined;
      if (previousCell) table.previousCell = previousCell;
      const limitCell = line.bars ? limitCellOf(line.bars) : undefined;
      if (limitCell) table.limitCell = limitCell;
      const remarkCell = line.bars ? remarkCellOf(line.bars) : undefined;
      if (remarkCell) table.remarkCell = remarkCell;
      refTable = undefined;
      shared =
        title && header.referenceAt === undefined && preRef.some(Boolean)
          ? { items: preRef.filter(Boolean), from: line.index, to: Number.POSITIVE_INFINITY }
          : undefined;
      // "RESULTADO   VALORES DE REFERÊNCIA" inside a block: the title above still names the value
      // printed under the header.
      preRef = [];
      if (header.title) {
        const name = cleanName(header.title);
        title = { name, def: lookupName(name) };
        recent = [];
      }
      continue;
    }
    // A bar row the page break cut, its reference cell's last band carried past the footer and the header printed
    // again onto a row named only "(continuação)": that band is the last row's before the break, read with it.
    // The band alone: a row that prints anything else (a cell more, text after its last bar) is read as any row.
    const carried =
      line.bars && CONTINUED_ROW.test(line.bars[0] ?? '') && line.bars.slice(1).filter((c) => c.trim() !== '').length === 1
        ? cells(t).slice(1).join(' ')
        : undefined;
    const before = carried ? closed.at(-1) : undefined;
    if (
      carried &&
      before &&
      !pending &&
      isReferenceText(carried, { strictLabels: true }) &&
      before.group.entries.every((e) => typeof e.read.value === 'number')
    ) {
      refinish(before, [...before.group.refItems, carried]);
      continue;
    }
    // A markdown heading with no value on it ("## Urina Tipo 1 (EAS)" after a transcribed table), or a
    // ruled title, ends the table above: it titles the next block, its digits no value of a row.
    // So does an antibiogram's own header ("Antimicrobiano   Interpretação" on page 2 under page 1's "RESULTADO
    // VALORES DE REFERÊNCIA", h1807): a drug's word under its interpretation column is its result, not a reference.
    if (
      table &&
      (((MARKDOWN_HEADING.test(line.raw) || RULED_TITLE.test(line.raw)) && bareNumbers(t) === 0) ||
        (EXPANDED_CARD_TITLE.test(line.raw) && bareNumbers(withoutDetailCell(t)) === 0) ||
        isAntibiogramHeader(t, line.offset))
    ) {
      close();
      table = undefined;
      ctx.table = undefined;
      referenceFirst = undefined;
      referenceFirstBars = undefined;
      minMax = undefined;
      alertAt = undefined;
      notice = undefined;
      protocolLimits = undefined;
      dosing = undefined;
    }
    const barRow = referenceFirstBars && line.bars ? barReferenceToEnd(line.bars, referenceFirstBars, table?.previousCell?.indexes) : undefined;
    if (barRow !== undefined) t = barRow;
    else if (referenceFirst)
      t = line.leader ? leaderReferenceToEnd(t, line.raw, referenceFirst, table?.valueColumns) : referenceToEnd(t, line.offset, referenceFirst);
    if (minMax) t = joinMinMax(t, line.offset, minMax, line.bars);
    // A drug's dose and the sample's timing are the prescription's; a critical limit, who was called when, and an
    // alert threshold are the lab's record: each cut once, and the row is accounted as read without them.
    let ownCells = t;
    if (dosing) ownCells = withoutDosingColumns(ownCells, line.offset, dosing);
    if (notice) ownCells = withoutNoticeColumns(ownCells, line.offset, notice, line.bars);
    if (protocolLimits) ownCells = withoutReleaseCriteria(ownCells, line.offset, protocolLimits, line.bars);
    if (alertAt !== undefined) ownCells = withoutAlertColumn(ownCells, line.offset, alertAt);
    if (ownCells !== t) {
      t = ownCells;
      seen[seen.length - 1]!.text = t;
    }
    // The patient's doses are what was taken, not measured: listed for a person to read, never a result.
    // So are a progress note's plan's orders and targets (note-lab-lists.ts).
    if (isDoseLine(t) || (plan.has(line.index) && numbersIn(t).length > 0 && !isPrescriptionLine(t))) {
      close();
      unparsed.push(line.raw.trim());
      continue;
    }
    const controlHeader = patientControlColumns(t, line.offset, title?.name);
    if (controlHeader) {
      patientControl = controlHeader;
      continue;
    }
    if (patientControl && patientRow(t, line.offset, patientControl) !== t) {
      // The control's cell is the lab's, accounted as such: the row is accounted as read.
      t = patientRow(t, line.offset, patientControl);
      seen[seen.length - 1]!.text = t;
    }
    // A value printed under its wrapped name ("16  REL. ALBUMINA/…" then "      64   mg/g …") starts far right of it.
    const underLeadCells = Math.abs(line.offset - itemAt) <= 3;
    if (underLeadCells && placeCols.length > 0 && withoutPlaceCells(t, placeCols) !== t) {
      // The row's release time and bench are where and when it was released, accounted as such.
      t = withoutPlaceCells(t, placeCols);
      seen[seen.length - 1]!.text = withoutPlaceCells(seen[seen.length - 1]!.text, placeCols);
    }
    if (underLeadCells && itemRows && withoutItemNumber(t, itemTight) !== t) {
      // The row's number is its place in the table, accounted as such.
      t = withoutItemNumber(t, itemTight);
      seen[seen.length - 1]!.text = withoutItemNumber(seen[seen.length - 1]!.text, itemTight);
    }
    // An age band abbreviated ("60-69a até 4,5", "70a+ até 6,5") is accounted as the band it is read as.
    const spelled = spelledAgeBands(t);
    if (spelled !== t && seen[seen.length - 1]?.index === line.index) seen[seen.length - 1]!.text = spelledAgeBands(seen[seen.length - 1]!.text);
    t = withoutAssayColon(spelledAgeBands(spelledReactivityTiers(t)));
    // "--- print 2 ---" between two screenshots: no title above it names what follows (the accounting
    // pass lists it if its number is no page's nor picture's).
    if (isDividerLabel(t)) {
      title = undefined;
      continue;
    }
    // A scale drawn under the result ("197 |--●-----| 771") pictures the value and the range just read:
    // nothing to read, and nothing left to account when its numbers are that range's bounds.
    if (isScaleBar(t) && pending) {
      // Under a result that printed no range (a lab app's card: name and value, then its gauge "0,38 ┣━━●━━┫
      // 5,33"), the scale is the only picture of the range: its bounds are the result's reference. One that
      // shows no bound (cut off) is a range unseen, so no built-in range stands in for it.
      const drawn = pending.refItems.length === 0 ? scaleBarRange(t) : undefined;
      if (drawn !== undefined) {
        pending.refItems.push(drawn || t.trim());
        seen[seen.length - 1]!.text = '';
        continue;
      }
      const bounds = new Set(pending.refItems.flatMap((r) => numbersIn(r).flatMap((n) => n.values)));
      if (numbersIn(t).every((n) => n.values.every((v) => bounds.has(v)))) seen[seen.length - 1]!.text = '';
      continue;
    }

    // Reference columns by age band ("2 a 5 anos   6 a 11 anos   12 a 17 anos"): each range under them
    // is read with its column's band as its label, so the patient's age picks the column.
    const bandHeader = ageBandColumns(t, line.offset);
    // Such columns heading a table of ranges alone, printed after the results whose cells only pointed to it
    // ("Hemoglobina   10,6 g/dL   ver quadro (A)" / … / "Quadro (A) …" / "6 m a 2 anos   2 a 6 anos" /
    // "Hemoglobina (g/dL)   10,5 a 13,5   11,5 a 13,5", h1617): a table of references whose rows join the
    // results read before by name, each range labelled by its band, so the patient's age picks it.
    const bandTable = bandHeader && { columns: bandHeader.map((b) => ({ label: b.band, at: b.at })) };
    const firstRow = bandTable ? nextLine(lines, line.index) : undefined;
    const rowOf = firstRow && bandTable ? referenceRow(firstRow, bandTable) : undefined;
    if (bandTable && rowOf && earlierOrCounts(rowOf.name)) {
      openReferenceTable(bandTable);
      bands = undefined;
      continue;
    }
    if (bandHeader) {
      bands = bandHeader;
      barBands = line.bars !== undefined;
      // The value columns' units printed before the bands on the same line ("%   /mm³   1 a 2 anos   2 a
      // 6 anos"): the header line above named the columns, this one says what each value column holds.
      const units = valueColumnsOf(t, line.offset);
      if (units.length > 0)
        table = Object.assign(table ?? { unit: null, sexes: [], previousAt: undefined, rangeColumns: [] }, { valueColumns: units, unit: null });
      continue;
    }
    // The same columns named by other labels under a result's reference lead (cycle phases): its ranges
    // alone on the row under them.
    // Only over such a row: a header of a table of its own (risk categories by target) is left to the table readers.
    const labelHeader = pending && !bands ? labelColumns(t, line.offset) : undefined;
    const rangesRow = labelHeader ? nextLine(lines, line.index) : undefined;
    // Cycle phases set apart by bars over ranges set apart by bars, the row led by its reference lead
    // ("Fase folicular | Pico ovulatório | …" over "Referência:   3,5 a 12,5   | 4,7 a 21,5   | …", a
    // climacteric clinic's hormone blocks): the bars keep the cells' order, not where they stand.
    const labelInOrder = line.bars !== undefined && rangesRow?.bars !== undefined;
    if (labelHeader && rangesRow && labelByBandColumns(rangesRow.text, rangesRow.offset, labelHeader, { alone: true, inOrder: labelInOrder }) !== undefined) {
      bands = labelHeader;
      barBands = labelInOrder;
      labelBands = true;
      continue;
    }
    if (bands) {
      const labelled = labelByBandColumns(t, line.offset, bands, { alone: labelBands, inOrder: barBands && line.bars !== undefined });
      t = labelled ?? t;
      // Such columns hold one row of ranges: the header is the result's, not the table's.
      if (labelBands) {
        bands = undefined;
        labelBands = false;
      }
    }
    t = withoutDetailCell(t);
    // A numbered sample with its finding in the cell after ("Amostra 1 (14/04/2025)   Negativo", h1772) is no
    // sample's detail beside a reference: the word is that sample's result (SAMPLE_FINDING, read below).
    if (!SAMPLE_FINDING.test(t)) t = referenceAfterDetail(t) ?? resultAfterDetail(t) ?? t;
    // The method printed last on a result row ("Haptoglobina 8 mg/dL 30 a 200 Método: Imunoturbidimetria",
    // a PDF's text one space apart): a detail of the row, no part of its reference.
    const methodLast = TRAILING_METHOD_CELL.exec(t);
    if (methodLast && /\p{L}.*\d/u.test(t.slice(0, methodLast.index))) t = t.slice(0, methodLast.index);
    // A long name its narrow column wrapped under the row ("Aspartato   24   U/L   Masculino: até 40" /
    // "Aminotransferase      Feminino: até 32" / "(TGO/AST)"): the piece in the name column goes on with
    // the name read on the row above, and what is left of the line (a reference cell) is read as usual.
    // A bar (or box-drawn) table's name cell wrapped onto a row of its own ("│ Capacidade total de
    // ligação │ 298 │ …" / "│ do ferro (TIBC) │   │   │"): only the name cell is filled, and it goes on in
    // lower case or with a bracket, right under the row read.
    // The relative count in brackets alone under its row's absolute count ("Neutrófilos   1.330   /µL   …"
    // / "(39 %)"), its cell wrapped: the row's second value, as when printed beside the first.
    const countUnder = countUnderRow(t, pending, lastTextAt);
    if (countUnder) {
      const e = pending!.entries[0]!;
      pending!.entries.push({ def: e.def, name: e.name, read: countUnder, line: line.index });
      continue;
    }
    const barWrap = line.bars ? barNameWrapOf(line.bars, pending, lastTextAt, line.index) : undefined;
    if (barWrap) {
      const e = pending!.entries[0]!;
      e.name = `${e.name} ${barWrap}`;
      e.def = lookupName(e.name) ?? e.def;
      continue;
    }
    // The assay's limit under a row ("HIV-1 RNA   NAO DETECTADO" / "Limite de detecção do método: 40 cópias/mL",
    // h1626) is a detail of the result, never a piece of its name its cell wrapped.
    const wrappedName =
      table?.starts && !line.bars && !isBlockDetail(line.text)
        ? nameWrapOf(t, line.offset, currentStarts(table.starts, table.previousAt), pending, lastTextAt, wrapAt, line.index, table.methodColumn, lines)
        : undefined;
    if (wrappedName) {
      const e = pending!.entries[0]!;
      e.name = `${e.name} ${wrappedName.piece}`;
      e.def = lookupName(e.name) ?? e.def;
      wrapAt = line.index;
      t = wrappedName.rest;
      if (t === '') continue;
    }
    const titre =
      table?.resultAt !== undefined
        ? titreUnderRow(t, wrappedName?.restAt ?? line.offset, table.resultAt, table.methodColumn, pending, lastTextAt, wrapAt, line.index)
        : undefined;
    if (titre) {
      const open = pending!.entries[0]!;
      open.read = { ...open.read, text: `${open.read.text} ${titre}` };
      // The line holds only the titre read and the method's words: nothing left to account.
      seen[seen.length - 1]!.text = '';
      continue;
    }

    // A table of ranges after the results (SBC lipid table): its rows join the results read before.
    // So is one whose category column's head is blank, the analytes' names alone over the goals (h1993): the names
    // head the columns, no name and its word result.
    const headless = headlessGoalsHeader({ ...line, text: t }, nextLine(lines, line.index));
    const rh = referenceTableHeader({ ...line, text: t }) ?? headless;
    if (rh) {
      if (rh === headless && seen.at(-1)?.index === line.index) seen.at(-1)!.text = '';
      openReferenceTable(rh);
      continue;
    }
    // A goals table by category ("Muito alto   < 50 mg/dL   < 80 mg/dL" under "Categoria de risco   LDL-colesterol
    // …"): every cell past the category's name is a range, accounted as such; which row applies is the doctor's call.
    if (refTable && isCategoryRow({ ...line, text: t }, refTable)) {
      close();
      seen[seen.length - 1]!.text = '';
      // Unless the report states the category ("Risco CV: ALTO"): that row's goals are the results' ranges.
      for (const goal of patient.riskCategory ? categoryGoals({ ...line, text: t }, refTable, patient.riskCategory) : []) {
        const c = earlier(goal.name);
        if (c && c.made.every((a) => !('reference_source' in a) || a.reference_source !== 'report')) refinish(c, [goal.range]);
      }
      // Stated nowhere, every row's goal may be the patient's: the results take the rows read so far together,
      // so a value between two goals is placed nowhere, as when the goals are printed beside it.
      if (!patient.riskCategory)
        for (const goal of categoryRowGoals({ ...line, text: t }, refTable)) {
          const c = earlier(goal.name);
          if (!c) continue;
          const taken = goalsTaken.get(c);
          if (taken) taken.push(goal);
          else if (c.made.every((a) => !('reference_source' in a) || a.reference_source !== 'report')) goalsTaken.set(c, [goal]);
          else continue;
          // Only goals by risk category, the first row's with the others: a category the reference cannot place
          // (a table of other groups) leaves the result's range as it was.
          const reference = goalsReference(refTable, goalsTaken.get(c)!);
          if (isRiskGoalsReference(reference)) refinish(c, [reference]);
        }
      continue;
    }
    // A note of goals by risk category under the results, its analytes named in its lead ("Metas LDL / não-HDL
    // (mg/dL): baixo < 130 / < 160; intermediário …", wrapped onto the lines under it) or one category a line
    // ("Baixo: LDL < 130 · não-HDL < 160"): every number a goal, accounted as such; the results it names take
    // its goals together, as from a goals table's rows (a value between goals is placed nowhere), unless the
    // report printed a range of their own.
    // Its categories may be set apart by bars ("METAS LDL (MG/DL): RISCO BAIXO <130 | INTERMEDIARIO <100 | …"), which
    // the line's reading turned into cells: the note is read with its bars.
    const barred = line.bars?.join(' | ');
    const opened = goalsNote(t) ?? (barred !== undefined ? goalsNote(barred) : undefined);
    // Or one whose lead names no analyte, each category's goals after their names ("* META CONFORME RISCO
    // CARDIOVASCULAR: BAIXO LDL < 130 / NAO-HDL < 160 ; INTERMEDIARIO LDL < 100 /"), an item wrapped onto the next line.
    const namedGoals = opened ? undefined : categoryNamedGoals(t, note && note.at === lastTextAt ? note.category : undefined);
    const noteGoals =
      opened?.goals ??
      (note && note.at === lastTextAt && note.names
        ? (goalsNoteGoesOn(t, note.names) ?? (barred !== undefined ? goalsNoteGoesOn(barred, note.names) : undefined))
        : undefined) ??
      categoryGoalsLine(t) ??
      categoryGoalsCells(t) ??
      namedGoals?.goals;
    if (noteGoals) {
      close();
      seen[seen.length - 1]!.text = '';
      if (!note || note.at !== lastTextAt || opened) note = { at: line.index, names: opened?.names, taken: new Map() };
      note.at = line.index;
      note.category = namedGoals?.category;
      takeNoteGoals(noteGoals);
      continue;
    }
    // Such a line printed as a row's reference cell (rowGoals): the goals are no result nor the row's own range
    // alone; the row is read without them, and they join it and the others named once it is closed.
    // So is a goals table's header printed as a row's reference cell: the row is read without it, and the table's
    // rows under it are read as the table's once the row is closed (h1998).
    const tableCell = refTable ? undefined : rowReferenceTableCell({ ...line, text: t });
    if (tableCell) {
      t = t.slice(0, tableCell.at);
      rowTable = { at: line.index, table: tableCell.table };
    }
    const goalsCell = rowGoalsCell(t);
    if (goalsCell) {
      t = t.slice(0, goalsCell.at);
      const own = seen[seen.length - 1]!;
      if (own.index === line.index) own.text = own.text.replace(goalsCell.cell, ' '.repeat(goalsCell.cell.length));
      rowGoals = { at: line.index, goals: goalsCell.goals };
    }
    const row = refTable && !refTable.byCategory ? referenceRow({ ...line, text: t }, refTable) : undefined;
    if (row) {
      close();
      const c = earlierOrCounts(row.name);
      if (c && c.made.every((a) => !('reference_source' in a) || a.reference_source !== 'report')) {
        refinish(c, row.items);
        // Every number of the row is a bound taken, however its name shortens the result's ("Índice de saturação
        // transferrina" for "… da transferrina", h1965), which the accounting looks for. A row with a cell that is
        // no range (a word after its ranges) keeps its text for the accounting, which lists it.
        if (row.whole) seen[seen.length - 1]!.text = '';
      }
      continue;
    }
    // A footnote led by an earlier result's name ("PSA total - valores de referência por faixa etária: 40
    // a 49 anos: até 2,5 ng/mL | …") for a result read without a range of the report's ("ver abaixo"). A
    // footnote wrapped onto the next line, which opens with the unit of its last range ("ng/mL | 60 a 69
    // anos: …"), is read with it; that line is still accounted as printed.
    // Read whole: a cell past a previous-result column's start is no earlier sample's value here.
    // A footnote whose lead ends its line ("PSA total - referência por faixa etária:") has its ranges on
    // the lines under it, as many as are reference text ("40 a 49 anos: até 2,5 ng/mL     50 a 59 anos: …").
    // A footnote opened by its mark ("(1) 25-OH vitamina D: acima de 20 ng/mL …") is one too, its wrapped
    // lines under it as long as they read as reference text and open no other note.
    const ledByName = referenceLedByName(line.text);
    const marked = ledByName ? undefined : referenceByFootnoteMark(line.text);
    const footnote = ledByName ?? marked;
    const under: number[] = [];
    if (marked)
      for (
        let next = lines[line.index + 1];
        next && /^\s*\p{Ll}/u.test(next.text) && isReferenceText(`${marked.reference} ${next.text}`);
        next = lines[next.index + 1]
      ) {
        marked.reference = `${marked.reference} ${next.text.trim()}`;
        under.push(next.index);
      }
    if (footnote?.reference === '')
      for (let next = lines[line.index + 1]; next && next.text !== '' && isReferenceText(next.text, { strictLabels: true }); next = lines[next.index + 1]) {
        footnote.reference = footnote.reference === '' ? next.text : `${footnote.reference}; ${next.text}`;
        under.push(next.index);
      }
    // The note may follow the last row straight away, its result still pending: it is read and closed first.
    // So may one led by the name, for a row that printed no range of its own ("IGF-1 | 142 | ng/mL | ver
    // faixas abaixo" / "IGF-1 por idade: …"); a row with its range keeps the line for its own reading below.
    if (footnote && pending?.entries.length === 1 && sameAnalyte(pending.entries[0]!, footnote.name) && (marked || pending.refItems.length === 0)) close();
    const ledTo = footnote && footnote.reference !== '' && earlier(footnote.name);
    if (footnote && ledTo && ledTo.made.every((a) => !('reference_source' in a) || a.reference_source !== 'report')) {
      close();
      for (const at of under) continuedAt.add(at);
      let reference = footnote.reference;
      // A footnote that ends its line on the separator between its ranges ("… 41-45 a: 101 a 267 ;" / "46-50
      // a: 94 a 252") goes on with the ranges of the next line, when that line is reference text whole.
      // The bars between ranges are cells' bounds to the line reader: the printed line says where one ended it
      // ("PSA total por faixa etária: 40-49 anos até 2,5 | 50-59 anos até 3,5 |" / "60-69 anos até 4,5 | …").
      let endedOnSeparator = /[;|]\s*$/.test(line.raw);
      for (let next = lines[line.index + 1]; next && (/[\d;|]$/.test(reference.trimEnd()) || endedOnSeparator); next = lines[next.index + 1]) {
        if (/[;|]$/.test(reference.trimEnd()) || endedOnSeparator) {
          endedOnSeparator = /[;|]\s*$/.test(next.raw);
          if (!isReferenceText(next.text, { strictLabels: true }) || !isReferenceText(`${reference} ${next.text}`)) break;
          reference = `${reference} ${next.text.trim()}`;
          continuedAt.add(next.index);
          continue;
        }
        // A line hanging under the note's first range, at the column where its ranges start ("REF. PSA TOTAL POR
        // FAIXA ETÁRIA:  40-49 ANOS: ATE 2,5 | 50-59 ANOS: ATE 3,5" / "                60-69 ANOS: ATE 4,5 | …", h1637),
        // goes on with more ranges when it is reference text whole.
        const rangesAt = line.raw.indexOf(footnote.reference.trim().slice(0, 8));
        const hanging = rangesAt > 0 && Math.abs(next.raw.length - next.raw.trimStart().length - rangesAt) <= 2;
        if (hanging && isReferenceText(next.text, { strictLabels: true }) && isReferenceText(`${reference} | ${next.text}`)) {
          reference = `${reference} | ${next.text.trim()}`;
          continuedAt.add(next.index);
          continue;
        }
        const unit = unitAtStart(next.text);
        if (!unit || !/^(?:\s*[|;]|\s{2,}|\s*$)/.test(next.text.slice(unit.consumed)) || !isReferenceText(`${reference} ${next.text}`)) break;
        reference = `${reference} ${next.text}`;
        continuedAt.add(next.index);
      }
      refinish(ledTo, [reference]);
      continue;
    }
    // A note reading an earlier result's value in tiers ("PCR: < 5 mg/L sem inflamação; >= 100 mg/L
    // infecção bacteriana provável"): the result keeps the range its row printed; the note is no result,
    // every number in it a bound, accounted as such.
    const tiers = tiersLedByName(t);
    const tiered = tiers && earlier(tiers.name);
    if (tiers && tiered) {
      close();
      seen[seen.length - 1]!.text = '';
      if (tiered.made.every((a) => !('reference_source' in a) || a.reference_source !== 'report')) refinish(tiered, tiers.tiers);
      continue;
    }
    // "Referências: AP 70 a 100 %; RNI 0,9 a 1,2": ranges for results read before, by name.
    const named = namedReferences(t);
    const pendingIs = (name: string) => pending?.entries.length === 1 && sameAnalyte(pending.entries[0]!, name);
    if (named?.every((n) => pendingIs(n.name) || earlier(n.name))) {
      close();
      for (const n of named) {
        const c = earlier(n.name)!;
        refinish(c, [...c.group.refItems, n.reference]);
      }
      continue;
    }
    // A note that reads a result given above together with another ("Toxoplasmose IgG reagente com IgM não
    // reagente: perfil de infecção pregressa"): the result's name and word again, then a connective and
    // the note's own words. No result of its own: the one read above stands. The note may name it by the
    // words that end its name, the exam's group before a dash left out ("Anti-HBc total reagente com HBsAg
    // não reagente: …" under "Hepatite B - Anti-HBc Total").
    const noteOn = NOTE_ON_RESULT.exec(t);
    const noted = (name: string) =>
      (earlier(name) !== undefined && lookupName(cleanName(name)) !== undefined) ||
      [...closed.map((c) => c.group), ...(pending ? [pending] : [])].some((g) =>
        g.entries.some((e) => e.read.value === null && /\s[-–—]\s/.test(e.name) && labelEndsName(e.name, name)),
      );
    if (noteOn && !pending?.entries.some((e) => sameAnalyte(e, noteOn[1]!)) && noted(noteOn[1]!)) {
      close();
      title = undefined;
      continue;
    }
    // "LDL-c e não-HDL-c: conforme a categoria de risco": no fixed range applies to these results.
    // Not on a labelled row that gives the result itself ("EXAME: LDL COLESTEROL   RESULTADO: 158 mg/dL   VR:
    // CONFORME CATEGORIA DE RISCO"): that row is read below, its reference saying no range applies.
    const unranged = [...namesWithoutFixedRange(t), ...namesWithIllegibleReference(t)];
    const givesResult = /\d/.test(labelledLine(t)?.result ?? '');
    if (unranged.length > 0 && !givesResult) {
      close();
      for (const n of unranged) {
        for (const a of earlier(n)?.made ?? []) {
          if ('reference_source' in a && a.reference_source === 'built_in')
            Object.assign(a, { reference_low: null, reference_high: null, reference_text: t, reference_source: null, flag: 'indeterminado' });
        }
      }
      continue;
    }

    const labelled = labelledLine(t);
    if (labelled) {
      close();
      title = undefined;
      const g = readPiece(`${labelled.name}: ${labelled.result}`, ctx);
      if (g) {
        if (labelled.reference.trim()) g.refItems.push(labelled.reference.trim());
        pending = g;
      } else unparsed.push(line.raw.trim());
      continue;
    }

    // Key-value exports, one field a line: "Exame: TSH" / "Resultado: 3,1" / "Unidade: µUI/mL" / "Referência: …".
    // A name may open with its digits ("Exame: 25-HIDROXIVITAMINA D").
    const exam = /^(?:exame|analito|par[aâ]metro|teste)\s*:\s*(\p{L}.*|\d{1,3}-\p{L}.*)$/iu.exec(t);
    // A rapid test's kit line ("Teste: <brand>   Lote: …   Validade: …") names the kit, a detail of the block
    // under the exam's title (lines.ts isBlockDetail), never the exam.
    if (exam && !/resultado\s*:/i.test(t) && !isBlockDetail(t)) {
      close();
      const name = sampledExamName(cleanName(exam[1]!), line.raw, samplesOf);
      title = { name, def: lookupName(name) };
      recent = [];
      preRef = [];
      continue;
    }
    // The field's unit may be in brackets ("Unidade: (µUI/mL)"), or say the value has none ("Unidade:
    // (adimensional)", a calculated index's record in a LIS's vertical export): nothing to add, and the
    // reference field under it is still the value's.
    const unitField = /^unidades?\s*:\s*\(?\s*(\S.*?)\s*\)?\s*$/i.exec(t);
    const fieldUnit = unitField ? unitAtStart(unitField[1]!) : undefined;
    const noUnit = unitField !== null && /^(?:adimensional|sem\s+unidade|n[aã]o\s+se\s+aplica|-{1,3})$/iu.test(unitField[1]!);
    if (
      (noUnit || (fieldUnit && fieldUnit.consumed >= unitField![1]!.trim().length)) &&
      pending?.entries.length === 1 &&
      pending.entries[0]!.read.value !== null &&
      !pending.entries[0]!.read.unit
    ) {
      if (fieldUnit && !noUnit) pending.entries[0]!.read = { ...pending.entries[0]!.read, unit: fieldUnit.unit };
      continue;
    }
    // "Interpretação do índice: Não reagente: inferior a 0,9 / …": ranges for the value just read.
    const interpretation = /^(?:interpreta[cç][aã]o|classifica[cç][aã]o)(?:\s+d[oa]\s+[\p{L}]+)?\s*:\s*(.*\d.*)$/iu.exec(t);
    // One that names another result read before ("Interpretação do laboratório: … Hb F abaixo da meta terapêutica
    // (acima de 20%)", under "Hb S: 88,6 % (VR: 0,0)", h1860) is the lab's remark on that result, no range of this one.
    if (interpretation && pending && namesOtherResult(interpretation[1]!, pending, [...analytes, ...qualitative])) continue;
    if (interpretation && pending && isReferenceText(interpretation[1]!)) {
      addRef(pending, interpretation[1]!);
      continue;
    }
    // "Interpretação: NÃO REAGENTE" under an index ("Resultado ...: 0,41 Índice (S/CO)"): the lab's reading
    // of the number in words, not another result; the reference printed after it is still the number's.
    const reading = /^interpreta[cç][aã]o\s*:\s*(\p{L}[\p{L}\s]*?)\s*$/iu.exec(t);
    const wordRead = reading ? qualitativeAtStart(reading[1]!) : undefined;
    if (wordRead && wordRead.consumed === reading![1]!.length && pending?.entries.some((e) => typeof e.read.value === 'number')) continue;

    // The strength of a positive agglutination under its word result ("Coombs direto   Positivo   …" /
    // "Intensidade da reação: 2+ (anti-IgG …)", a neonatal report's immunohaematology): how positive the
    // result is, no result of its own; its line is listed unread by the accounting pass.
    if (
      /^intensidade(?:\s+d[ae]\s+(?:rea[cç][aã]o|aglutina[cç][aã]o))?\s*:/iu.test(t.trim()) &&
      pending?.entries.some((e) => e.read.value === null && !!e.read.text)
    )
      continue;

    // The lab's verdict under the value ("Acima da referência"): a mark of it, not a title, so the
    // reference printed after it still joins the result. Printed above the value, it leaves the title
    // to name the value under it.
    // Under a word result, a portal's "Alterado" / "Normal" badge alone is no second word of the result:
    // it marks nothing a word reference will not (Nitrito / Positivo / Alterado / Referência / Negativo).
    const underWord = pending?.entries.some((e) => e.read.value === null && !!e.read.text) && /^(?:normal|alterad[oa])$/iu.test(t.trim());
    const verdict = pending || title ? verdictLine(t, pending?.entries.some((e) => typeof e.read.value === 'number') || underWord) : undefined;
    if (verdict !== undefined) {
      // A value printed in two units ("9,0 %  •  1.062 /mm³") under a reference in one of them ("50 a 500 /mm³"):
      // the verdict compares that one with its range, and says nothing of the other.
      const entries = pending?.entries ?? [];
      const refText = (pending?.refItems ?? []).join(' ').toLowerCase();
      const inRefUnit = entries.filter((e) => e.read.unit !== null && refText.includes(e.read.unit.toLowerCase()));
      const marked = entries.length >= 2 && inRefUnit.length > 0 && inRefUnit.length < entries.length ? inRefUnit : entries;
      for (const e of marked) e.read = { ...e.read, marker: e.read.marker ?? verdict };
      continue;
    }
    // So is an app's link under the value ("ⓘ Ver faixas por fase"): the reference after it joins the result.
    // So is the words under its gauge ("Baixo Normal Alto"), and a lipid's chip saying its goal depends on the
    // risk ("Meta conforme seu risco") when a led reference line follows it: else those words are its reference.
    if (pending && (isAppLinkLine(t) || isGaugeLegendLine(t))) continue;
    // So is the floor and ceiling at the ends of its gauge bar ("mín. 80 · máx. 200", h1997) when the card's led
    // reference follows and repeats them; with none after it, they are the only range the card prints.
    const bounds = pending?.entries.some((e) => typeof e.read.value === 'number') ? gaugeBoundsLine(t) : undefined;
    if (pending && bounds !== undefined) {
      const below = nextLine(lines, line.index);
      if (!below || !stripReferenceLead(below.text).lead) addRef(pending, bounds);
      continue;
    }
    if (pending && isGoalByRiskChip(t)) {
      const below = nextLine(lines, line.index);
      if (below && stripReferenceLead(below.text).lead) continue;
    }
    // And a card's status label alone (a portal copied one field a line: "Status" / "Normal"): the verdict
    // under it is read as a chip under the value.
    if (pending && isStatusLabelLine(t)) continue;

    // The header of a reference table under a result ("Sexo   Idade   Intervalo"): the rows after it
    // are that result's ranges, so the result stays open (a "Sexo" label is otherwise administrative).
    if (pending && REFERENCE_TABLE_HEADER(t)) continue;

    // Numbered samples of one exam under its title, each its finding in words ("Amostra 1: Presença de
    // cistos de Giardia lamblia", "Amostra 3: Negativa"): each a result named by its sample, held open
    // until the run ends so the reference printed after the last one is every sample's.
    const sample = SAMPLE_FINDING.exec(t);
    const sampleText = sample ? wordResultText(sample[2]!) : undefined;
    if (sample && sampleText !== undefined && (title || (pending && heldSamples.includes(pending)))) {
      if (!pending || !heldSamples.includes(pending)) close();
      const read = { value: null, text: sampleText, comparator: null, unit: null, marker: null, rest: '' };
      pending = { entries: [{ def: undefined, name: cleanName(sample[1]!), read, line: line.index }], refItems: [] };
      heldSamples.push(pending);
      title = undefined;
      continue;
    }
    // The block's method cell with the value in the result column at its right, under the title
    // ("PEPTÍDEO NATRIURÉTICO TIPO B (BNP)" / "Método: Quimioluminescência      486 pg/mL"): the value is
    // the title's result, read as on its "Resultado:" line; the method is no part of it.
    const methodThenValue = title && !pending ? /^(?:m[eé]todo|metodologia)\s*:\s*\p{L}[^\d:]*?\s{3,}(?=[<>≤≥]?\s*\d)/iu.exec(t) : null;
    if (methodThenValue) t = `Resultado: ${t.slice(methodThenValue[0].length)}`;
    // The assay's limits under a block title ("Limite de detecção: 40 cópias/mL") are no result of
    // their own: the block's "Resultado" line is. Nor under the result ("Carga viral   86 cópias/mL" /
    // "Limite inferior de quantificação: 20 cópias/mL."): the result read stays open for its reference.
    if (/^(?:limites?|faixa)\s/i.test(t) && isBlockDetail(t)) continue;
    // Nor is the device named under a point-of-care block's title with no colon ("GLICEMIA CAPILAR" /
    // "Glicosímetro <marca> <modelo>" / "Resultado: 131 mg/dL"): the title still names the result.
    if (title && !pending && !t.includes(':') && /^(?:glicos[ií]metro|equipamento|analisador|aparelho)\s/iu.test(t) && bareNumbers(t) === 0) continue;
    // Nor is the device with its label, abbreviated, and the strips' lot ("GLICEMIA CAPILAR" / "EQUIP.: <marca>  LOTE 5471"
    // / "RESULTADO: 186 mg/dL", a pharmacy's thermal receipt, h1731): the lot's digits identify the strips, no value.
    if (title && !pending && POINT_OF_CARE_DEVICE.test(t)) continue;
    // Nor is the sample's detail with a number in it ("Material: plasma citratado 3,2%   Método: … (ISI
    // 1,02)"): the title still names the rows under it (its numbers are accounted by the final pass).
    if (title && !pending && /^(?:material|amostra)\s*:/i.test(t) && isBlockDetail(t)) continue;
    // So is the patient's state at the sample a point-of-care test prints under its name ("GLICEMIA CAPILAR" /
    // "ESTADO: POS-PRANDIAL (1H40)" / "RESULTADO: 182 mg/dL", a pharmacy's receipt, h1751).
    if (title && !pending && /^(?:estado|condi[cç][aã]o)\s*:/iu.test(t.trim()) && isBlockDetail(t)) continue;
    // So is the reagent a coagulation block ran with, its sensitivity index and lot ("Tromboplastina: <marca> -
    // ISI 1,02 - lote 251093"): the title still names the patient's time under it.
    if (title && !pending && REAGENT_LINE.test(t) && /\b(?:isi|lote)\b/iu.test(t)) continue;
    // So is a method with what it was computed from in brackets ("Método: Cálculo de Vermeulen (testosterona
    // total, SHBG e albumina 4,3 g/dL)"): the bracket's numbers are the method's, no value beside it.
    // A molecular exam's method line names the technique its title leaves out ("Exame: Biologia Molecular - Dengue
    // (DENV 1-4)" / "Metodologia: RT-PCR em tempo real", h1706): the result is named with it (technique-names.ts).
    const methodField = title && !pending ? /^(?:m[eé]todo|metodologia)\s*:\s*(\S.*)$/iu.exec(t.trim()) : null;
    const withTechnique = methodField ? nameWithTechnique(title!.name, methodField[1]!) : undefined;
    if (withTechnique) title = { name: withTechnique, def: title!.def };
    if (title && !pending && /^(?:m[eé]todo|metodologia)\s*:/i.test(t) && isBlockDetail(t) && bareNumbers(t) === 0) continue;
    // Nor is the number of the slide or sample the block was read on ("PESQUISA DE PLASMODIUM (GOTA ESPESSA)" /
    // "LÂMINA Nº 0417/2025" / "RESULTADO: POSITIVO"): it identifies the sample, the title still names the result.
    if (title && !pending && /^(?:l[aâ]mina|amostra|tubo|frasco)\s+(?:n\.?\s*[º°o]\.?|n[uú]mero|#)\s*:?\s*\d[\d/.-]*$/iu.test(t.trim())) continue;
    // The method in brackets under a block title ("(Método: imunoturbidimetria)") is a detail like
    // the unbracketed one: the block's result still follows.
    // So is the sample and its method in brackets, unlabelled ("(soro · urease/GLDH cinético)", isBlockDetail).
    if (/^\(.*\)$/.test(t) && (isBlockDetail(t.slice(1, -1)) || isBlockDetail(t))) continue;
    // A portal card's status between its name and its value ("Ferritina" / "Liberada" / "9 ng/mL"): no
    // title of its own, the card's name still names the value.
    if (isCardStatus(t)) continue;
    // Nor does a drug screen's list of what it looked for end its result ("Substâncias pesquisadas:
    // maconha, cocaína, …" between "NEGATIVO" and its reference).
    if (pending && isScreenedList(t)) continue;
    // A culture's account of its negative result between the result word and its word reference, wrapped in a
    // narrow cell ("UROCULTURA" / "Negativa" / "Ausência de crescimento" / "bacteriano após 48 horas" / "Negativa",
    // a phone's PDF viewer, h1672): a comment on the result, its lower-case tail too; the reference under it is
    // still the result's.
    if (
      pending?.entries.length === 1 &&
      pending.entries[0]!.read.value === null &&
      (NO_GROWTH_NOTE.test(t.trim()) || (growthNoteAt === lastTextAt && /^\p{Ll}[\p{L}\d\s.,]*$/u.test(t.trim())))
    ) {
      growthNoteAt = line.index;
      continue;
    }
    // A title with an administrative field in a column at its right ("PAINEL PRÉ-OPERATÓRIO      Pedido:
    // 25-0311-08724"): the field's number identifies the order, it is never the title's value.
    const fields = cells(t);
    const adminFrom = fields.findIndex((c, i) => i > 0 && /^\p{L}[\p{L}.º° ]{0,24}:/u.test(c) && isAdminLine(fields.slice(i).join('   ')));
    const titleCells = fields.slice(0, Math.max(adminFrom, 0)).join('   ');
    if (adminFrom > 0 && !titleCells.includes(':') && bareNumbers(titleCells) === 0 && !isAdminLine(t)) t = titleCells;
    // Under a tolerance curve's title, the fasting sample named alone on its line with its value alone on the
    // next ("Jejum" / "86 mg/dL", a portal's card): the sample's name, as "1 hora" under it is, not a detail of
    // the block ("Jejum: 12 horas"), which would leave the title to name the value.
    const fastingSample =
      title !== undefined && title === curveTitle && /^jejum$/iu.test(t.trim()) && /^[<>≤≥]?\s*\d/u.test(nextLine(lines, line.index)?.text.trim() ?? '');
    // A method's name labelling its finding, closed by a word reference ("Método de Hoffman (sedimentação
    // espontânea): Positivo - ovos de … (ref.: Negativo)", a stool exam read by two methods): a result, no
    // detail of the block. A method line carries no reference, nor a result word after its colon.
    // The equation an estimate was computed by, in brackets on the line under it, before the estimate's tiers
    // ("Taxa de filtração glomerular estimada .... 74 mL/min/1,73m²" / "(CKD-EPI 2021, sem correção para raça)"
    // / "Normal ou elevada (G1): >= 90"): a detail of the result, whose reference is still under it. So is
    // the equation named unbracketed after its lead ("Equação CKD-EPI 2021").
    if (pending && ESTIMATE_EQUATION_NOTE.test(t)) continue;
    // So are the patient's measures it was computed from, under it ("Clearance de creatinina corrigido … 56,9
    // mL/min/1,73m²" / "Superfície corporal: 2,01 m² (DuBois)" / "Valores de referência: …"): no result, and
    // the reference under them is still the result's.
    if (pending && isBodyMeasureLine(t)) continue;
    const methodFinding = labelledFinding(t, line.raw);
    const namedByMethod = methodFinding !== undefined && qualitativeAtStart(methodFinding.text) !== undefined;
    if (isAdminLine(t) && !fastingSample && !namedByMethod) {
      // A method line with the time of collection ("Soro · … · coleta às 06:50") is the block's detail.
      if (isBlockDetail(t) || (title && isMethodLine(t))) continue;
      // A note on the result just read ("Obs.: não foram visualizadas formas parasitárias"), between it and
      // its reference: the reference printed under the note is still the result's.
      if (pending && isNote(t)) continue;
      close();
      title = undefined;
      continue;
    }
    // The method with its analyser under a title ("Quimioluminescência - Equipamento: Atellica IM") reads
    // as a label and its words: a detail of the block all the same, its title still the result's name.
    if (title && isMethodLine(t)) continue;
    // So is the equation an estimate was computed by ("TAXA DE FILTRAÇÃO GLOMERULAR ESTIMADA" / "Equação
    // CKD-EPI 2021 (creatinina, sem coeficiente de raça)"): the title still names the result under it.
    if (title && !pending && TITLE_EQUATION.test(t)) continue;

    // A tolerance test's title carries the glucose load given ("… TOLERÂNCIA À GLICOSE - 75 g"): a
    // dose, not a result; the line heads the times measured after it.
    const load = loadTitle(t);
    if (load) {
      close();
      title = { name: cleanName(load), def: lookupName(cleanName(load)) };
      curveTitle = title;
      recent = [];
      preRef = [];
      continue;
    }

    // A heading of the ranges under it, inside a result's references ("Gestantes (semanas após a DUM):"
    // under "Não gestantes: inferior a 5,0", over "3 a 4 semanas …… 9 a 750"): one of them, so the result
    // stays open for the ranges below. A title with such a word ("TESTE RÁPIDO - ADULTOS:") heads a result.
    // So is the heading printed after the reference's lead ("Valor de Referência:  Mulheres:" over
    // "Fase folicular …… 3,5 a 12,5 mUI/mL"): the lead opens the references, the heading the first of them.
    // So is the heading in the reference cell of a table printed one cell per line ("25-hidroxivitamina D" /
    // "27,4" / "ng/mL" / "População saudável até 60 anos:" / "superior a 20"): right under the value alone
    // and its unit alone, where only the reference cell can stand.
    const below = nextLine(lines, line.index)?.text;
    // A typist's sentence that the reference follows ("a referencia do psa é por idade, copiei igual:", h1947): the
    // result stays open for the ranges under it, the sentence no label of theirs.
    if (pending && isReferenceAnnounced(t) && below !== undefined && isReferenceText(below, { strictLabels: true })) continue;
    const afterLead = stripReferenceLead(t);
    const heading = afterLead.lead && afterLead.rest !== '' ? afterLead.rest : t;
    if (
      pending &&
      (pending.refItems.length > 0 || lastRefLead || heading !== t || underValueCell(lines, pending, line.index)) &&
      (isReferenceHeading(heading) || (afterLead.lead && below !== undefined && wrappedReferenceGoesOn(heading, below))) &&
      !lookupName(cleanName(heading)) &&
      below !== undefined &&
      (isReferenceText(below, { strictLabels: true }) || isReferenceText(wrappedReferenceRun(heading, lines, line.index), { strictLabels: true }))
    ) {
      addRef(pending, heading);
      continue;
    }

    // A word result under its name with its word reference in the reference column ("Biotinidase" /
    // "Atividade presente   Atividade presente"): the title's result, whatever the words.
    const wordRow = title && !pending && table?.referenceAt !== undefined ? wordResultRow(t, line.offset, table.referenceAt) : undefined;
    if (wordRow) {
      const read = { value: null, text: wordRow.result, comparator: null, unit: null, marker: null, rest: '' };
      pending = {
        entries: [{ def: title!.def, name: title!.name, read, line: line.index }],
        refItems: [...preRef.filter(Boolean), wordRow.reference],
        wordReference: wordRow.reference,
      };
      preRef = [];
      title = undefined;
      continue;
    }
    // The same table with a method column after the exam's (a LACEN's GAL printout: "Exame" /
    // "Metodologia" / "Resultado" / "Valor de Referência"): the line right under each exam's name is its
    // method, whatever its words ("Kato-Katz", "Imunocromatografia (rK39)"), no title of its own nor part
    // of the name; the result under it is the title's.
    if (
      methodUnderName !== undefined &&
      line.index > methodUnderName &&
      title &&
      !pending &&
      titleAt === lastTextAt &&
      bareNumbers(t) === 0 &&
      !t.includes(':') &&
      qualitativeAtStart(t) === undefined &&
      !PENDING.test(t)
    ) {
      methodCells.push({ at: line.index, name: title.name, method: /\(([^()]+)\)\s*$/.exec(t)?.[1]?.trim() ?? t });
      continue;
    }
    // PDF text with one cell per line ("Glicose" / "95" / "mg/dL" / "70 a 99"): a unit alone on its
    // line belongs to the value just read, and a word result alone under a title is the result
    // (the word after it is then its reference).
    // A count's other form one cell per line too ("Neutrófilos" / "61,2" / "%" / "4.480" / "/µL" /
    // "45,0 a 70,0 %" / "1.700 a 7.000 /µL"): a number alone right under the first count's unit alone,
    // with a unit of its own alone under it, is the same analyte's second count; the ranges under pair in order.
    const secondUnit = secondCountUnit(t, pending, lastTextAt, lines, line.index);
    if (secondUnit) {
      const first = pending!.entries[0]!;
      const read = readValue(t, { dotIsDecimal: dotIsDecimal(first.def) })!;
      pending!.entries.push({ def: first.def, name: first.name, read: { ...read, unit: secondUnit }, line: line.index });
      secondCountAt = line.index;
      continue;
    }
    if (secondCountAt === lastTextAt && pending?.entries.length === 2 && unitAtStart(t)?.consumed === t.length) continue;
    const cell = verticalCell(t, pending, title, lastRefLead, nextLine(lines, line.index)?.text);
    lastRefLead = false;
    if (cell === 'unit') {
      const e = pending!.entries[0]!;
      e.read = { ...e.read, unit: unitAtStart(t)!.unit };
      continue;
    }
    // A PDF's row whose unit and reference cells drifted onto the next line, under their columns ("Bicarbonato
    // (CO2 total)   21" / "   mEq/L   22 a 29", "Resultado   37" / "   mL/min/1,73m²   Superior a 60
    // mL/min/1,73m²", h1837): the unit and the reference of the bare value right above.
    const wrapped = /^\s/.test(line.raw) && pending?.entries.length === 1 ? unitAtStart(t.trim()) : undefined;
    const afterUnit = wrapped ? t.trim().slice(wrapped.consumed) : '';
    const wrappedRef = afterUnit.trim();
    if (
      wrapped &&
      /^\s{2,}\S/.test(afterUnit) &&
      pending!.entries[0]!.line === lastTextAt &&
      pending!.refItems.length === 0 &&
      typeof pending!.entries[0]!.read.value === 'number' &&
      pending!.entries[0]!.read.unit === null &&
      isReferenceText(wrappedRef)
    ) {
      const e = pending!.entries[0]!;
      e.read = { ...e.read, unit: wrapped.unit };
      pending!.refItems.push(wrappedRef);
      continue;
    }
    if (cell === 'finding-result') {
      const read = { value: null, text: wordResultText(t)!, comparator: null, unit: null, marker: null, rest: '' };
      pending = { entries: [{ def: title!.def, name: title!.name, read, line: line.index }], refItems: [...preRef.filter(Boolean)] };
      preRef = [];
      title = undefined;
      continue;
    }
    if (cell === 'word-result' || cell === 'bound-result') {
      const read = readValue(t, { dotIsDecimal: dotIsDecimal(title!.def) })!;
      pending = { entries: [{ def: title!.def, name: title!.name, read, line: line.index }], refItems: [...preRef.filter(Boolean)] };
      preRef = [];
      title = undefined;
      continue;
    }

    // A row with no name under a count read in % ("Neutrófilos   62,0  %   40 - 75" over
    // "            3.410   /mm3   1.800 - 7.700"): the same cell's absolute count, in a unit of its own,
    // with its own reference. Only right under the line read, and never in the unit just read.
    const above = pending?.entries.length === 1 ? pending.entries[0]! : undefined;
    if (above && above.line === lastTextAt && above.read.unit === '%' && /^\d/.test(t) && /^\s/.test(line.raw)) {
      const g = readAfterName(above.name, t, ctx, { separated: true });
      const u = g?.entries.length === 1 ? g.entries[0]!.read.unit : null;
      if (g && u !== null && u !== '%') {
        close();
        for (const e of g.entries) Object.assign(e, { def: above.def, line: line.index });
        pending = g;
        continue;
      }
    }

    // A reference sentence with prose after it on its line ("Valor de referência: superior a 25 %.
    // Relações inferiores a 10 % associam-se a …"): the first sentence is the range; the line is listed.
    const sentence =
      pending && stripReferenceLead(t).lead && !isReferenceText(t, { strictLabels: true }) ? /^(.*?\d[^.]*?)\.\s+(?=\p{Lu})/u.exec(t)?.[1] : undefined;
    if (sentence && isReferenceText(sentence, { strictLabels: true })) {
      addRef(pending!, sentence);
      if (resultTokens(t.slice(sentence.length)).length > 0) unparsed.push(line.raw.trim());
      continue;
    }
    // A note ("Nota: em idosos, valores entre 187 e 300 pg/mL podem não excluir deficiência …") is prose
    // about a result: its numbers are no range of it, and it is listed for a person to read when it holds any.
    // So is a sentence whose numbers are all bounds in prose ("Níveis acima de 2,0 ng/mL associam-se a …").
    // And so is a note's second line that closes the bracket the line above opened (line-kinds.ts).
    // A guideline's year is no result to list.
    if (isWrappedCitationTail(t, lineAbove) || isCitationLine(t)) continue;
    if (
      isNote(t) ||
      isLegend(t) ||
      isProseBound(t) ||
      isWrappedNoteTail(t, lineAbove) ||
      isDatedCriterion(t) ||
      isQuotedWordsLine(t) ||
      isInterpretationNote(t, lines[line.index + 1]?.text)
    ) {
      if (resultTokens(t).length > 0) unparsed.push(line.raw.trim());
      continue;
    }

    // The ranges of several results of the block on one line, each led by the result it is for ("VR na gestação:
    // jejum até 91 / 1h até 179 / 2h até 152" under a tolerance curve's times): each range is its result's, the
    // lead's words (whom the ranges are for) kept with it. Only when every piece names a different result.
    const ranged = rangesLedByResults(t);
    if (ranged) {
      const groups = [...recent.map((r) => r.group), ...(pending ? [pending] : [])];
      const owners = ranged.pieces.map((p) =>
        groups.filter((g) => g.entries.length === 1 && (sameAnalyte(g.entries[0]!, p.label, { prefix: true }) || sameTimePoint(g.entries[0]!.name, p.label))),
      );
      if (owners.every((o) => o.length === 1) && new Set(owners.map((o) => o[0])).size === owners.length) {
        ranged.pieces.forEach((p, i) => {
          const g = owners[i]![0]!;
          if (g !== pending) reopenAt(recent.findIndex((r) => r.group === g));
          addRef(pending!, `${ranged.lead} ${p.range}`);
        });
        // The labels name the results, not as the accounting looks for them: every number is a bound taken.
        seen[seen.length - 1]!.text = '';
        continue;
      }
    }

    // The block's references side by side on one line, each cell led by a word of its result's name
    // ("Total: até 1,2 mg/dL   Direta: até 0,3 mg/dL   Indireta: até 1,0 mg/dL" under three bilirubins,
    // "Tempo: 10,0 a 13,0 segundos   Atividade: 70 a 100 %   INR: 0,80 a 1,20"): each cell is read as
    // the line of its own below would be. Only when every cell names a different result of the block.
    const ledCells = referenceCellsLedByResults(t);
    if (ledCells) {
      const groups = [...recent.map((r) => r.group), ...(pending ? [pending] : [])];
      const single = groups.filter((g) => g.entries.length === 1);
      const ownerOf = (label: string) => {
        const byName = single.filter((g) => sameAnalyte(g.entries[0]!, label, { prefix: true }));
        if (byName.length === 1) return byName[0];
        const byRow = single.filter((g) => labelLeadsRow(lines[g.entries[0]!.line]?.text ?? '', label)).sort((a, b) => b.entries[0]!.line - a.entries[0]!.line);
        if (byRow.length > 0) return byRow[0];
        const byEnd = single.filter((g) => labelEndsName(g.entries[0]!.name, label));
        return byEnd.length === 1 ? byEnd[0] : undefined;
      };
      const owners = ledCells.map((c) => ownerOf(cleanName(c.label)));
      if (owners.every((o) => o !== undefined) && new Set(owners).size === owners.length) {
        ledCells.forEach((c, i) => {
          const g = owners[i]!;
          if (g !== pending) reopenAt(recent.findIndex((r) => r.group === g));
          addRef(pending!, c.reference);
        });
        // The labels name the results by a word of their names: every number is a bound taken.
        seen[seen.length - 1]!.text = '';
        continue;
      }
    }

    // Under a block's references, one line per result read in it, each led by that result's name
    // ("Creatinina - Homens: 0,70 a 1,30 mg/dL", "eTFG: igual ou superior a 60"): the range is that
    // result's, never a new result (no value of its own, only ranges). A name may open with the number
    // of a timed sample ("1 hora: inferior a 180 mg/dL" under a glucose tolerance curve).
    // A hyphen inside a word is the name's ("Carga viral HIV-1: Não detectado", h1970); one between spaces ends it.
    const led = /^((?:\d{1,3}\s*)?\p{L}(?:[^:\-–—]|(?<=[\p{L}\d])-(?=[\p{L}\d]))*?)\s*(?:(?<![\p{L}\d])[-–—]|[-–—](?![\p{L}\d])|:)\s*(\S.*)$/u.exec(t);
    const asValue = led ? readValue(led[2]!) : undefined;
    if (led && isReferenceText(led[2]!, { strictLabels: true }) && !(asValue?.unit && asValue.comparator === null)) {
      // "Percentual: 0,5 a 2,0 %" under the count's forms read as "RETICULÓCITOS - Percentual": that form's range.
      const led1 = cleanName(led[1]!);
      // Several results named apart by slashes, one reference for each ("VDRL / HBsAg / Anti-HCV : Não reagente",
      // a list of references after the results, h1970): each result read above takes it.
      const listed = led1.split(/\s+\/\s+/);
      const owners =
        listed.length >= 2 && /\S\s{2,}\S/.test(led[2]!) === false ? listed.map((n) => recent.find((r) => r.group.entries.some((e) => sameAnalyte(e, n)))) : [];
      if (owners.length >= 2 && owners.every((o) => o !== undefined) && new Set(owners).size === owners.length) {
        for (const n of listed) {
          reopen(n);
          addRef(pending!, led[2]!);
        }
        seen[seen.length - 1]!.text = '';
        continue;
      }
      const subject = countForms && COUNT_FORM.test(led1) ? `${countForms.name} - ${led1}` : led1;
      const ofPending = pending?.entries.some((e) => sameAnalyte(e, subject, { prefix: true }));
      const reopened = !ofPending && reopen(subject);
      // Only a range alone in its cell: a cell after it ("Tempo: 10,0 a 14,0 segundos   Reagente") is
      // something else, which the blanked line below would hide from the accounting.
      const byRow = !ofPending && !reopened && !/\S\s{2,}\S/.test(led[2]!) && reopenRowLedBy(subject);
      // Only a range with a bound: a pointer ("Antibiograma: ver laudo completo em PDF") is no reference of the culture.
      // A bound with its unit read as a value ("Contagem de colônias: superior a 100.000 UFC/mL" under "UROCULTURA
      // COM CONTAGEM DE COLÔNIAS" / "Resultado: Positiva", h1880) is a count of its own beside a result in words,
      // never that result's range: only a numeric result's name ending in the label takes it.
      const byEnd = !ofPending && !reopened && !byRow && /\d/.test(led[2]!) && reopenNameEndingIn(subject, asValue?.unit != null);
      if (ofPending || reopened || byRow || byEnd) {
        addRef(pending!, led[2]!);
        // The label names the form or the printed row, not the result's name the accounting looks for:
        // every number is a bound taken.
        // So is it when a name the catalogue does not know is shortened ("Relação proteína/creat. urinária" for
        // "… proteína/creatinina …", h1970) and the range stands alone in its cell.
        // A word after the name ("Toxoplasmose IgM ; HBsAg: Reagente") is no bound: only numbers are taken so.
        const shortened = reopened && lookupName(subject) === undefined && /\d/.test(led[2]!) && !/\S\s{2,}\S/.test(led[2]!);
        if (subject !== led1 || byRow || byEnd || shortened) seen[seen.length - 1]!.text = '';
        continue;
      }
    }

    // The same lead with each label's limit after it on its line ("Percentil 99 (limite superior de
    // referência): Homens: 34,2 ng/L   Mulheres: 15,6 ng/L"): up to each value for its label.
    const upperLine = pending ? upperLimitsOnLine(t) : undefined;
    if (upperLine) {
      for (const item of upperLine) addRef(pending!, item);
      continue;
    }
    // Under a reference cell that names only an upper limit ("Percentil 99 (limite superior):"), a line
    // "Mulheres: 15,6 ng/L" / "Homens: 34,2 ng/L" is that limit for the label: up to the value.
    const upperTo = pending && pending.refItems.length > 0 && UPPER_LIMIT_LEAD.test(pending.refItems[0]!) ? UPPER_LIMIT_LINE.exec(t) : null;
    if (upperTo && isReferenceLabel(upperTo[1]!) && isReferenceText(`${upperTo[1]}: até ${upperTo[2]}`)) {
      addRef(pending!, `${upperTo[1]}: até ${upperTo[2]}`);
      continue;
    }

    // "Valores de referência para a relação albumina/creatinina:" under several results: the ranges
    // under it are that result's.
    const leadFor = referenceLeadFor(t);
    if (leadFor !== undefined && (pending?.entries.some((e) => sameAnalyte(e, leadFor, { prefix: true })) || reopen(leadFor))) {
      lastRefLead = true;
      continue;
    }
    // Its range after the colon: the pending result's when the words name it, whole or by its first
    // words ("da relação" for "Relação PSA livre/PSA total").
    const ledFor = referenceLedFor(t);
    if (ledFor && pending?.entries.some((e) => sameAnalyte(e, ledFor.subject, { prefix: true }) || labelLeadsRow(e.name, ledFor.subject))) {
      addRef(pending, ledFor.range);
      continue;
    }
    // The rest of a reference wrapped at a narrow width, its last line left open ("39 a 308 U/L Mulheres: 26 a" /
    // "192 U/L"): read on with it, though alone it reads as no reference (wrappedReferenceGoesOn).
    const openRef = pending?.refItems.at(-1);
    if (
      pending &&
      openRef !== undefined &&
      !pending.riskTiers &&
      wrappedReferenceGoesOn(openRef, t) &&
      !lookupName(cleanName(t.split(':')[0]!)) &&
      isReferenceText(wrappedReferenceRun(`${openRef} ${t.trim()}`, lines, line.index), { strictLabels: true })
    ) {
      addRef(pending, t);
      continue;
    }
    // A reference in words the same as the word result above it, whatever the words ("Resultado: HbAA" / "Referência:
    // HbAA", a municipal app's blocks, h1657): the result is the one the lab expects, as under a table's reference
    // column (piece.ts, sameWords). Words a reference list knows ("Não detectável") are read as below, where a
    // reference under several results is each one's.
    const wordResult = pending?.entries.length === 1 && pending.refItems.length === 0 ? pending.entries[0]!.read : undefined;
    const ledWordRef = wordResult && wordResult.value === null ? stripReferenceLead(t) : undefined;
    if (
      ledWordRef?.lead &&
      !/\d/.test(ledWordRef.rest) &&
      /\p{L}{2}/u.test(ledWordRef.rest) &&
      qualitativeReference(ledWordRef.rest) === undefined &&
      foldSameLength(ledWordRef.rest).trim().toLowerCase() === foldSameLength(wordResult!.text).trim().toLowerCase()
    ) {
      addRef(pending!, ledWordRef.rest.trim());
      pending!.wordReference = ledWordRef.rest.trim();
      continue;
    }
    // A reference standing on its own line: under the result, or above it inside a block.
    const nameBefore = t.split(':')[0]!;
    // Nor is a row that prints a known name, a word result and a reference in columns ("PROTEINA C REATIVA
    // NEGATIVO   NEGATIVO (INFERIOR A 6 MG/L)"), however like a tier's label its words look.
    const rowOfWord = cells(t);
    // The name may be one the catalogue does not hold when the cells after the word are a word reference.
    const namedWordRow =
      rowOfWord.length >= 3 &&
      letters(rowOfWord[0]!) >= 3 &&
      qualitativeAtStart(rowOfWord[1]!.trim()) !== undefined &&
      (lookupName(cleanName(rowOfWord[0]!)) !== undefined || qualitativeReference(rowOfWord.slice(2).join('   ')) !== undefined);
    // A bound in the first cell of a table whose first column is the result ("Resultado   Unidade   Referência"
    // under a block's title, over "< 1,2   mUI/mL   inferior a 5,0"): the title's value as printed, however
    // like a range it reads alone; a reference's line under it starts in its own column.
    const boundCells = cellStarts(t, line.offset);
    const boundUnderResult =
      title !== undefined &&
      table?.resultAt !== undefined &&
      (table.referenceAt ?? Number.POSITIVE_INFINITY) > table.resultAt &&
      boundCells.length >= 2 &&
      /^[<>≤≥]\s*\d[\d.,]*$/.test(boundCells[0]!.cell) &&
      ((table.starts?.[0] === table.resultAt && (line.bars !== undefined || Math.abs(boundCells[0]!.at - table.resultAt) <= 3)) ||
        // So is the bound in the result column after the name's, right under the title a long name wrapped onto a line
        // of its own ("Proteína C reativa ultrassensível" / "      < 0,50   mg/L   Baixo risco CV: …", h1607).
        (titleAt === lastTextAt && Math.abs(boundCells[0]!.at - table.resultAt) <= 3 && boundCells[0]!.at > (table.starts?.[0] ?? Number.POSITIVE_INFINITY)));
    // A row led by a flag column before its name ("ALTO       Contagem de colônias   > 100.000 UFC/mL   …", a
    // column "SINAL" left of "EXAME"): its flag word is no risk tier's label, the line no goal's; it is read as a row.
    const flagLedRow = /^\s*(?:alto|baixo|alterado|cr[ií]tico)\s{2,}\p{L}[\p{L}\s().-]*?\p{L}\)?\s{2,}[<>≤≥]?\s*\d/iu.test(t);
    if (
      !namedWordRow &&
      !boundUnderResult &&
      !flagLedRow &&
      // A goal set from another's, led by the name of the result it is for ("Não-HDL: 30 mg/dL acima da meta
      // de LDL", the reference cell's last line), is no result of that name: its number is the offset.
      (!lookupName(cleanName(nameBefore)) || (pending !== undefined && isRelativeGoal(t))) &&
      isReferenceText(t, { strictLabels: true, dotIsDecimal: dotIsDecimal(pending?.entries[0]?.def ?? title?.def) })
    ) {
      const subject = referenceSubject(t);
      const subjects = subject?.split(/\s+e\s+|\s*[,;]\s*/u) ?? [];
      if (subjects.length >= 2 && shareReference(subjects)) addRef(pending!, t);
      else if (subject && reopen(subject)) addRef(pending!, t);
      else if (pending) {
        // One word reference printed under a table whose header has no reference column ("Alvo
        // Resultado" over a molecular panel's targets, then "Valor de referência: Não detectável"): every
        // word result of the table that prints none is read against it, not the last row alone.
        const lead = stripReferenceLead(t);
        // A reference in words alone under a number ("Resultado: Não Reagente" / "Índice: 0,42" / "Valor de
        // Referência: Não Reagente", a public lab's serology with its index between): no number is read against
        // words, so it is the reference of the block's result in words above, which printed none.
        const wordsOnly =
          lead.lead && !/\d/.test(lead.rest) && qualitativeReference(lead.rest) !== undefined && pending.entries.every((e) => typeof e.read.value === 'number');
        const wordAbove = wordsOnly
          ? recent.findLast((c) => c.group !== pending && c.group.refItems.length === 0 && c.group.entries.every((e) => e.read.value === null))
          : undefined;
        if (wordAbove) {
          refinish(wordAbove, [lead.rest]);
          lastRefLead = false;
          continue;
        }
        const rows =
          lead.lead && table && table.referenceAt === undefined && qualitativeReference(lead.rest) !== undefined
            ? recent.filter((c) => c.group !== pending && c.group.entries.every((e) => e.line > headerAt && e.read.value === null))
            : [];
        const wordRow = (g: Group) => g.refItems.length === 0 && g.entries.every((e) => e.line > headerAt && e.read.value === null);
        if (rows.length > 0 && wordRow(pending) && rows.every((c) => wordRow(c.group))) for (const c of rows) refinish(c, [lead.rest]);
        // So with no table: a typed block's result and its grade, then one negative word reference ("RESULTADO:
        // POSITIVO PARA PLASMODIUM VIVAX" / "PARASITEMIA: ++" / "VALOR DE REFERÊNCIA: NEGATIVO"): each result of
        // the block in words, none with a reference of its own, says whether something was found, and the
        // reference says nothing should be; a colour or an aspect is never read against it.
        const polar = (g: Group) => g.refItems.length === 0 && g.entries.every((e) => e.read.value === null && PRESENCE_RESULT.test(e.read.text.trim()));
        const blockRows = lead.lead && !table && NEGATIVE_REFERENCE.test(lead.rest.trim()) ? recent.filter((c) => c.group !== pending) : [];
        if (blockRows.length > 0 && polar(pending) && blockRows.every((c) => polar(c.group))) for (const c of blockRows) refinish(c, [lead.rest]);
        // A culture's reference printed under its colony count, the word with the count's bound in brackets
        // ("Resultado: Positivo para E. coli" / "Contagem de colônias: 150.000 UFC/mL" / "Valor de referência:
        // Negativo (contagem inferior a 100.000 UFC/mL)"): the word is the reference of the block's results in
        // words above the count, none with one of its own; the whole is the count's.
        const word = lead.lead && pending.entries.every((e) => e.read.value !== null) && /\(.*\d/.test(lead.rest) ? qualitativeReference(lead.rest) : undefined;
        const wordRows = word !== undefined && NEGATIVE_REFERENCE.test(word) ? recent.filter((c) => c.group !== pending) : [];
        if (wordRows.length > 0 && wordRows.every((c) => polar(c.group))) for (const c of wordRows) refinish(c, [lead.rest]);
        addRef(pending, t);
      } else if (joinedToWordAbove(t, lastTextAt)) {
        // The result closed by a remark on it before its reference ("Resultado: Reagente 1/800" / "Sorovar de
        // maior título: …" / "Valor de Referência: Não Reagente (título inferior a 1/100)"): the block's last
        // result, in words, with none of its own, took the reference.
        title = undefined;
      } else if (title) {
        preRef.push(stripReferenceLead(t).rest);
        // One range under a panel's title said to be every row's ("Valor de referência para todos: Negativo:
        // inferior a 20 U/mL | …" over "Anti-Sm ....... 42,5 U/mL"): each row under it that prints none takes it,
        // as under a table's header.
        if (isPanelReference(t)) shared = { items: [stripReferenceLead(t).rest], from: line.index, to: Number.POSITIVE_INFINITY, underTitle: true };
      }
      // A word alone with nothing to be the reference of may be a result whose name was not read.
      else if (!stripReferenceLead(t).lead && (qualitativeReference(t) !== undefined || readValue(t)?.comparator)) unparsed.push(line.raw.trim());
      lastRefLead = stripReferenceLead(t).rest === '';
      continue;
    }

    // The result just read again on a log scale, under a lead of its own ("Resultado em logaritmo (log10):"
    // / "3,09 log", "Resultado em log10: 3,09 log"), with a reference of its own: a row of its own, named
    // after the result it restates.
    const logLead = LOG_RESULT_LEAD.exec(t);
    const restated = pending?.entries.length === 1 ? pending.entries[0]! : undefined;
    if (logLead && restated && typeof restated.read.value === 'number' && restated.read.unit !== 'log') {
      close();
      const under = { name: `${restated.name} (log10)`, def: undefined };
      title = under;
      preRef = [];
      const g = logLead[1] ? readAfterName(under.name, logLead[1], ctx, { separated: true }) : undefined;
      if (g) adoptUnderTitle(g, under);
      else if (logLead[1]) unparsed.push(line.raw.trim());
      continue;
    }

    // Each antibody class's result on a line of its own under the one title that names both ("Exame: Rubéola,
    // IgM / IgG - Amostra: Soro" / "Resultado IgM: Não reagente      Valor de referência: Não reagente" /
    // "Resultado IgG: Reagente …", a LACEN GAL print): the title's analyte in that class, read as a labelled
    // result under its own title; the title still heads the next class's line.
    const classLead = CLASS_RESULT_LEAD.exec(t);
    const classOf = classLead ? (title ?? (classTitle?.at === lastTextAt ? classTitle.title : undefined)) : undefined;
    if (classLead && classOf) {
      const name = `${classOf.name.replace(CLASS_LIST, '').trim()} ${classLead[1]!.replace(/^ig/i, 'Ig')}`;
      classTitle = { title: classOf, at: line.index };
      title = { name, def: lookupName(name) };
      t = `Resultado: ${t.slice(classLead[0].length)}`;
    } else classTitle = undefined;

    // "Resultado: 95 mg/dL" under a block title; "RESULTADO      5,4 %".
    const res = RESULT_LEAD.exec(t);
    if (res && !title && inputsOf?.at === lastTextAt && /:\s*$/.test(res[0])) title = inputsOf.title;
    if (res) {
      const rest = t.slice(res[0].length);
      let g = title ? readAfterName(title.name, rest, ctx, { separated: true }) : undefined;
      // The value labelled again after the lead by the first words of the block's name ("Exame: Tempo de
      // protrombina (TP)" / "Resultado: Tempo: 12,8 segundos (VR: …)", its activity and ratio labelled on the
      // lines under it): the block's own result.
      const again = !g && title ? /^(\p{L}[\p{L} ]{1,30}?)\s*:\s*(?=[<>]?\s*\d)/u.exec(rest) : null;
      if (again && labelLeadsRow(title!.name, again[1]!)) g = readAfterName(title!.name, rest.slice(again[0].length), ctx, { separated: true });
      // A result in words under a title ("Resultado: Negativo para ovos e cistos.", "Resultado: Foram
      // encontrados cistos de Giardia lamblia."): the whole sentence is the result. So is the word in the
      // lead's column ("Resultado        NEGATIVO").
      // The reference in a labelled cell after the word ("Resultado: HETEROZIGOTA      Referência: Não
      // detectada"): the word alone is the result, read against that reference.
      // The lead may be cut short ("RESULTADO:  CISTOS DE GIARDIA LAMBLIA      REF.: NEGATIVO", a municipal
      // lab's print, h1669).
      const refCell = /\s{2,}(?:valor(?:es)?\s+de\s+)?(?:refer[eê]ncias?|ref\.|vr\.?|v\.\s?r\.)\s*:\s*(\S.*)$/iu.exec(rest);
      // Or the word reference in brackets after the finding ("Resultado: Cistos de Giardia lamblia (Ref.:
      // Negativo)", a transcription's bullet): the words before the bracket are the result.
      // Or in a cell of its own after the finding, under the table's reference column ("Resultado   Presença de cistos
      // de Giardia lamblia *   Negativo", h1981).
      const bracketed = refCell ? undefined : (endingReference(rest) ?? findingThenReferenceCell(rest));
      const refText = refCell?.[1] ?? bracketed?.reference;
      const wordCell =
        refText !== undefined && qualitativeReference(refText) !== undefined
          ? wordResultText(refCell ? rest.slice(0, refCell.index) : bracketed!.before)
          : undefined;
      // A result word with a comment after its dash ("Resultado: Negativo — Não foram visualizadas formas de
      // Plasmodium sp."): the word is the result, read against the reference under it.
      const sentence = /:|\s{2}$/.test(res[0]) ? (wordCell ?? wordResultText(wordBeforeComment(rest, line.raw) ?? rest)) : undefined;
      if (
        title &&
        wordCell !== undefined &&
        g?.entries.length === 1 &&
        g.entries[0]!.read.value === null &&
        (/refer[eê]ncia/iu.test(g.entries[0]!.read.text ?? '') ||
          // Or the word that opens the finding's sentence, read alone ("Positivo" of "Positivo para cistos de Giardia
          // lamblia   Negativo"): the finding whole is the result. Not a word before its comment's dash or its mark.
          (wordCell.startsWith(g.entries[0]!.read.text ?? '\u0000') && /^\s\p{Ll}/u.test(wordCell.slice(g.entries[0]!.read.text!.length))))
      )
        g = undefined;
      if (!g && title && sentence !== undefined) {
        const text = sentence;
        g = {
          entries: [{ def: title.def, name: title.name, read: { value: null, text, comparator: null, unit: null, marker: null, rest: '' }, line: line.index }],
          refItems: wordCell !== undefined ? [refText!.trim()] : [],
        };
      }
      // A notice that results are out opens as a result does ("Resultado disponível - Protocolo 771.204 - NOME", an
      // e-mail's subject): only what the accounting counts beyond its administrative spans (the protocol) lists it.
      const notice = RESULTS_NOTICE.test(t);
      if (g && title) adoptUnderTitle(g, title);
      else if ((notice ? resultTokens(t).length > 0 : numbersIn(t).length > 0 || readValue(rest)) || sentence !== undefined) {
        close();
        unparsed.push(line.raw.trim());
      }
      continue;
    }

    // The pattern of a reactive antinuclear test under its titre ("PADRÃO: NUCLEAR HOMOGÊNEO"): a finding
    // that describes the result above, no result of its own; listed for a person to read. So are the
    // other fields of the same reading ("Placa metafásica: cromatina corada", "Aparelho mitótico: …"), a portal's copy
    // setting the field's value a tab apart for the colon ("Padrão<TAB>Nuclear pontilhado fino", h1797).
    const word = pending?.entries.length === 1 && pending.entries[0]!.read.value === null ? pending.entries[0]!.read.text : undefined;
    const reactive = word !== undefined && REACTIVE.test(word.replace(/\s+1\s*[/:]\s*\d+$/, ''));
    if (reactive && /^(?:padr[aã]o(?:\s+de\s+fluoresc[eê]ncia)?|placa\s+metaf[aá]sica|aparelho\s+mit[oó]tico)(?:\s*:|\t|\s{2,})\s*\p{L}/iu.test(t)) {
      unparsed.push(line.raw.trim());
      // The description wraps onto lines that go on in lower case ("… Nucléolo, citoplasma e aparelho" /
      // "mitótico sem fluorescência; …"): the same finding, not the end of the block its reference closes.
      for (let next = lines[line.index + 1]; next && /^\p{Ll}/u.test(next.text.trim()); next = lines[next.index + 1]) {
        continuedAt.add(next.index);
        if (numbersIn(next.text).length > 0) unparsed.push(next.raw.trim());
      }
      continue;
    }

    // A PDF cell that wrapped the name prints the reference beside its first line and the value beside the
    // second ("Fosfatase                35 a 104 U/L" / "alcalina      118 U/L"): the name's first piece and
    // the reference wait for the row under it, whose name goes on in lower case.
    const head = cells(t);
    const nameRest = nextLine(lines, line.index)?.text.trim();
    if (
      head.length === 2 &&
      numbersIn(head[0]!).length === 0 &&
      letters(head[0]!) >= 3 &&
      isReferenceText(head[1]!, { strictLabels: true }) &&
      nameRest !== undefined &&
      /^\p{Ll}[\p{L}-]*(?:\s\p{Ll}[\p{L}-]*)?\s{2,}[<>≤≥]?\s*\d/u.test(nameRest)
    ) {
      heldHead = { name: head[0]!, reference: head[1]!, at: line.index };
      continue;
    }

    // A finding whose result word a comment follows after a dash, before its bracketed reference ("Pesquisa
    // de ovos e cistos: Positivo – ovos de Ascaris lumbricoides (VR: Negativo)"): one result, which the dash
    // would cut in two as between results on a line, the reference left with the comment. So is a finding
    // read whole with its dash ("Método de Hoffman: Positivo - ovos de Trichuris trichiura (ref.: Negativo)").
    const commented = labelledFinding(t, line.raw);
    if (commented && (commented.commented || WORD_THEN_COMMENT.test(commented.text))) {
      takeFinding(commented, line.index);
      continue;
    }

    // One or more results on the line.
    // A patient typing what the paper says in a sentence ("urina tipo 1 deu tudo negativo, so escreveu
    // leucocitos 3 p/ campo e ref ate 5 p/ campo"): after the verb that reports it, a catalogued name and its
    // value are a result, and the reference joined to it by "e ref" is that result's.
    const reported = readPiece(t, ctx) ? undefined : REPORTED_RESULT.exec(t);
    if (reported && lookupName(reported[1]!.split(/\s+\d/, 1)[0]!.trim()))
      t = reported[1]!.replace(/\s+e\s+(ref\.?|vr|valor\s+de\s+refer[eê]ncia)\s+(.+)$/iu, ' ($1 $2)');
    // The sample the typed results come from, said before them ("do sangue hemoglobina 11,8 leucocitos 7.200"):
    // it says which exam, no part of the first name, when a catalogued name and its value follow.
    const sampleLead = reported ? null : TYPED_SAMPLE_LEAD.exec(t);
    if (sampleLead && lookupName(sampleLead[1]!.split(/\s+[<>]?\d/, 1)[0]!.trim())) t = sampleLead[1]!;
    // A urine exam's label before the results typed after it ("EAS: leucócitos 4/campo, hemácias 2/campo, nitrito
    // neg", a record's transcription): each of them was measured in the urine, and keeps the label in its name,
    // so a urine count is never taken for the blood's of the same name.
    const urineLead = URINE_EXAM_LEAD.exec(t);
    // So is a table row's name cell that starts with the label ("Urina: leucócitos   42 p/campo   até 5 p/campo", h1472).
    // The first result typed after it may end at an "e" ("Urina: proteínas 1+ e glicose 2+", h1879).
    const afterUrineLead = urineLead ? t.slice(urineLead[0].length) : '';
    const urineLabel =
      urineLead && (readPiece(afterUrineLead.split(/[,;]\s+|\s+e\s+(?=\p{L})|\s{2,}/u, 1)[0]!, ctx) || cells(afterUrineLead).length >= 2)
        ? urineLead[1]!
        : undefined;
    if (urineLabel) t = t.slice(urineLead![0].length);
    // The control's time in a cell after the patient's ("Tempo do paciente …. 31,8 s   Tempo do pool
    // normal: 12,4 s"): the lab's check of the run, no result (the accounting pass counts it as such).
    const rowCells = cells(t);
    if (rowCells.length >= 2 && CONTROL_ROW.test(cleanName(rowCells[rowCells.length - 1]!.split(/\s*(?:\.{2,}|:|\s\d)/, 1)[0]!)))
      t = rowCells.slice(0, -1).join('   ');
    // Results side by side in columns or between bars ("Hb 9,8 g/dL | Ht 30 % | …"): one per cell,
    // when every cell reads as a result on its own.
    // A reference cell belongs to the result cell before it ("Relação: 0,99   (Ref.: 0,8 a 1,2)").
    // A piece that is only a result word ("Não reagente" in the reference cell) has no name: its first
    // word is never one ("Não" = "reagente"), so it starts no result of its own.
    // Nor does a titre ("REAGENTE - TÍTULO 1/16"): it quantifies the reactive word before it.
    const startsResult = (p: string) =>
      (qualitativeAtStart(p.trim())?.consumed ?? -1) < p.trim().length && !TITRE_LINE.test(p.trim()) && readPiece(p, ctx) !== undefined;
    // A hand-typed row of cells may give some only an abbreviation and a bare value ("Na 132 mEq/L | K 5,3 mEq/L |
    // Ca 9,1 | Albumina 3,4", a record's transcription): beside two cells the catalogue names, those are results as a
    // typed list's pieces are. Vital signs between bars ("FC 68 | Peso 71,4 kg") vouch for none.
    const listedBesideCatalogued = (cs: string[]) => {
      const catalogued = cs.filter((c) => startsResult(c) && readPiece(c, ctx)?.entries.every((e) => e.def) === true).length;
      return new Set(catalogued >= 2 ? cs.filter((c) => !startsResult(c) && isListPiece(c) && readPiece(c, { ...ctx, list: true }) !== undefined) : []);
    };
    const sideBySideOf = (cs: string[]) => {
      // A section's label in a cell of its own before them ("HEMATO:   Hb 8,4 g/dL (12,0-16,0) | Ht 25,6 %
      // …", an ICU bulletin's row per system) names no result: the cells after it are read as above.
      const results = cs.length >= 3 && GROUP_LABEL_CELL.test(cs[0]!) ? cs.slice(1) : cs;
      const listedCells = listedBesideCatalogued(results);
      const sideBySide = results.length >= 2 && !isReferenceText(results[0]!) && results.every((c) => listedCells.has(c) || startsResult(c));
      return { results, listedCells, sideBySide };
    };
    let { results, listedCells, sideBySide } = sideBySideOf(bracketedResultCells(mergeReferenceCells(cells(t))));
    // A compact grid between bars, each cell's name padded to line up its value ("VCM  90,7 fL [80,0-98,0]   | HCM
    // 30,7 pg [27,0-33,0]   | CHCM 33,9 g/dL …", an occupational clinic's attachment): the bars part the cells,
    // the spaces inside one do not, so the cells are read between the bars when the gaps cut one apart.
    const printedBars = !sideBySide && line.bars && t === line.text ? line.bars.map((c) => c.trim()).filter(Boolean) : [];
    const barCells = printedBars.map((c) => c.replace(/\s{2,}/g, ' '));
    if (barCells.length >= 2 && barCells.some((c, i) => c !== printedBars[i])) {
      const byBars = sideBySideOf(bracketedResultCells(mergeReferenceCells(barCells)));
      if (byBars.sideBySide) ({ results, listedCells, sideBySide } = byBars);
    }
    // A ward note's list between slashes is read as one between bars (note-lab-lists.ts, h1671): beside two pieces
    // the catalogue names, an abbreviation with its bare value ("pO2 82 / HCO3 16,5") is a result.
    const slashPieces = sideBySide ? [] : piecesBetweenSlashes(t);
    const slashListed = listedBesideCatalogued(slashPieces.length >= 3 ? slashPieces : []);
    const startsOrListed = slashListed.size > 0 ? (p: string) => slashListed.has(p.trim()) || startsResult(p) : startsResult;
    // Two analytes sharing the row, each part joined by a slash ("Sódio / Potássio : 140 / 4,8 mEq/L : VR …"): one piece each.
    // A timed sample's name alone on its line over its value alone ("Insulina 30 min" / "96,2 µUI/mL", a curve's
    // cards on a portal, h1687): the minutes name the sample, no value; the line is a title over the value.
    const timedName = TIMED_SAMPLE_NAME.exec(t.trim());
    const timedTitle = timedName !== null && lookupName(cleanName(timedName[1]!)) !== undefined && valueAloneNext(lines, line.index);
    const pieces = timedTitle ? [] : (pairedRow(t) ?? (sideBySide ? results : (splitAtNameCells(t, startsResult) ?? splitResults(t, startsOrListed))));
    const groups = pieces.map((p) => readPiece(p, (sideBySide && listedCells.has(p)) || slashListed.has(p) ? { ...ctx, list: true } : ctx));
    // A legend of the lab's critical values, its list wrapped onto the line under its lead ("Valores críticos do
    // setor: pH < 7,20 ou > 7,60;" / "pO2 < 50 mmHg; K+ < 2,8 ou > 6,2 mmol/L; lactato > 4,0 mmol/L - nenhum
    // valor crítico nesta amostra."): each name with a bound is a threshold, no result.
    const aboveText = lastTextAt >= 0 ? lines[lastTextAt]!.raw : '';
    const criticalLegend = CRITICAL_NOTICE.test(line.raw) || (CRITICAL_NOTICE.test(aboveText) && /[;,]\s*$/.test(aboveText));
    const made = groups.flatMap((g) => g?.entries ?? []);
    if (criticalLegend && made.length > 0 && made.every((e) => e.read.comparator !== null)) {
      unparsed.push(line.raw.trim());
      continue;
    }
    // A box's title in one cell spanning the columns of a bar table ("| INDICADORES BIOLÓGICOS DE EXPOSIÇÃO - NR-7,
    // ANEXO I, QUADRO 1 |", a box under the box before's header, h1699), read as a name and a bare number: the
    // next box's title, no row of the table; its number, with no unit nor reference, numbers the chart it cites.
    // Listed for a person to read.
    if (
      table?.barCells !== undefined &&
      table.barCells >= 3 &&
      line.bars?.length === 1 &&
      made.length > 0 &&
      groups.every((g) => g !== undefined && g.refItems.length === 0) &&
      made.every((e) => e.read.value !== null && e.read.unit === null && e.read.comparator === null)
    ) {
      unparsed.push(line.raw.trim());
      continue;
    }
    // As a section's name before a dash does ("EAS - LEUCÓCITOS"), the label hides the analyte from the
    // catalogue: a blood range is none of a urine result's.
    if (urineLabel) for (const e of groups.flatMap((g) => g?.entries ?? [])) Object.assign(e, { name: `${urineLabel} ${e.name}`, def: undefined });
    if (groups.some(Boolean)) {
      // "Tempo do paciente .... 24,6 segundos" under "TEMPO DE PROTROMBINA (TP)": a label that names
      // no analyte, only whose value it is, leaves the name to the block title; so does the hour an ESR
      // is read at ("1ª HORA ....: 24 MM" under "VHS …"), its first hour being the result.
      const first = groups.length === 1 ? groups[0]?.entries[0] : undefined;
      if (first && heldHead?.at === lastTextAt && /^\p{Ll}/u.test(first.name)) {
        const name = `${heldHead.name} ${first.name}`;
        for (const e of groups[0]!.entries) Object.assign(e, { name, def: lookupName(name) });
        if (groups[0]!.refItems.length === 0) groups[0]!.refItems.push(heldHead.reference);
      }
      heldHead = undefined;
      // A name broken at a hyphen at the end of the line above ("Gama-Glutamil-" / "transferase (GGT)
      // 88 U/L"): the row's name in lower case is the rest of that word.
      const broken = title && lastTextAt >= 0 ? lines[lastTextAt]!.text.trim() : '';
      if (first && /\p{L}-$/u.test(broken) && cleanName(broken) === title!.name && /^\p{Ll}/u.test(first.name)) {
        first.name = `${broken.slice(0, -1)}${first.name}`;
        first.def = lookupName(first.name) ?? first.def;
      } else if (first && title && titleAt === lastTextAt && !CHAT_STAMP.test(line.raw) && nameGoesOn(title.name, first.name)) {
        // A chat message's stamp opens a message of its own ("<Mídia oculta>" / "[19/05 02:31] Ana: saiu a segunda
        // troponina …: 96,5 ng/L", h1710): the line above ends another message, nothing of this one's name.
        const name = `${title.name} ${first.name}`;
        // After a preposition the piece is what the name measures something of ("Índice de saturação da" /
        // "transferrina"), another analyte than the piece alone unless the catalogue knows the whole name.
        const of = OPEN_NAME_END.test(title.name);
        for (const e of groups[0]!.entries) Object.assign(e, { name, def: lookupName(name) ?? bracketNamesOther(first.name) ?? (of ? undefined : e.def) });
      }
      if (agentSection?.at === lastTextAt) {
        for (const e of made) if (namesOnlyWhatDetected(e.name)) Object.assign(e, agentRowName(agentSection.agent, e.name));
        agentSection.at = line.index;
      } else agentSection = undefined;
      // "RETICULÓCITOS" / "Resultado:" / "Percentual: 0,6 %" / "Valor absoluto: 19.300 /mm³": a row named
      // only by the form its count is given in is the block's analyte in that form, the title's name with it.
      // A row named only by what the exam searches for ("PARASITOLÓGICO DE FEZES (3 amostras)" / "Pesquisa de
      // ovos, larvas e cistos: Negativo", h1617), a search the catalogue does not know, right under the exam's
      // title (its material and method lines between): the exam's result, named by both.
      // A field led by its colon, not a table's row under a header of its own ("Exame   Resultado" / "Pesquisa de
      // sangue oculto   Negativo", whose name column names it).
      const asField = (name: string) => t.trimStart().startsWith(name) && /^\s*:/.test(t.trimStart().slice(name.length));
      if (first && title && groups.length === 1 && recent.length === 0 && !pending && !first.def && SEARCH_FORM.test(first.name) && asField(first.name)) {
        const name = `${title.name} - ${first.name}`;
        for (const e of groups[0]!.entries) Object.assign(e, { name, def: lookupName(name) ?? title.def });
      }
      const formsOf = title?.name ?? (countForms?.at === lastTextAt ? countForms.name : undefined);
      if (formsOf && groups.length === 1 && first && !first.def && COUNT_FORM.test(first.name)) {
        const name = `${formsOf} - ${first.name}`;
        for (const e of groups[0]!.entries) Object.assign(e, { name, def: lookupName(name) });
        countForms = { name: formsOf, at: line.index };
      } else countForms = undefined;
      const inBlock = block !== undefined && block.at === lastTextAt;
      // A bare "Tempo" under each coagulation sub-title ("Tempo de tromboplastina parcial ativada (TTPA)")
      // is that test's time when the title names it with its short name in brackets: the row takes the
      // title's name. A title without one ("TEMPO DE PROTROMBINA") may be a section's, the row keeps its own.
      const short = title && first && /^tempo$/i.test(first.name) ? /\(([^()]{1,12})\)\s*$/.exec(title.name)?.[1] : undefined;
      // So does the method alone in the name cell under a title ("FSH" / "Quimioluminescência   78,4 mUI/mL
      // …", a PDF that prints each exam's method under its name, the value beside it), its short name in
      // brackets too ("Eletroquimioluminescência (ECLIA)").
      const rowName = groups[0]?.entries[0]?.name ?? '';
      const unnamed =
        /^(?:tempo\s+(?:d[oa]\s+)?paciente|paciente|amostra|(?:1\s*[ªa°º]\.?|primeira)\s*hora)$/i.test(rowName) ||
        // A ratio named only as one ("Relação ..... 2,41" under "RESISTÊNCIA À PROTEÍNA C ATIVADA", "Triagem -
        // relação normalizada .. 1,08" under a lupus anticoagulant's title): the form the block's result takes.
        (groups.length === 1 && RATIO_ONLY.test(rowName)) ||
        // The form an assay measures, first row under the title ("ANTITROMBINA (cromogênico)" / "Atividade ...
        // 94 %", "PROTEÍNA S LIVRE" / "Antígeno ... 48 %", a hemostasis unit's report): the titled protein's
        // result. Not under a clotting time's title, whose activity is a second result beside the time.
        (groups.length === 1 && titleAt === lastTextAt && ASSAY_FORM.test(rowName) && !/^tempo\b/i.test(title?.name ?? '')) ||
        (groups.length === 1 &&
          isMethodLine(rowName.replace(/\s*\([^()]*\)$/, '')) &&
          // Not a row named by its sample and its analyte ("URINA - DENSIDADE"): the analyte names it.
          !lookupName(cleanName(rowName.split(/\s[-–]\s/).pop()!)));
      if (title && groups[0] && unnamed) {
        for (const e of groups[0].entries) Object.assign(e, { name: title.name, def: title.def });
        block = { name: title.name, at: line.index };
      } else if (short !== undefined) {
        first!.name = title!.name;
        block = { name: title!.name, at: line.index };
      } else if (inBlock && first && BLOCK_RESULT_FORM(first.name)) {
        // The rows after the block's own under its title name only another form of the block's result: its
        // activity, its ratio to the control ("Relação paciente/controle", "Relação") or its normalised ratio
        // ("INR", "RNI"), under "TEMPO DE PROTROMBINA (TP)" / "Tempo   12,4 segundos". Each is the titled test's,
        // so the name shown carries the title ("TEMPO DE PROTROMBINA (TP) - INR"), as a LIS prints it ("TP -
        // RNI"); the row keeps its own name for what else names it ("Valores de referência do INR:" under it).
        // The block goes on to the next such row.
        for (const e of groups[0]!.entries) e.block = block!.name;
        block = { name: block!.name, at: line.index };
      } else block = undefined;
      // The viral load again on a log scale, on the line under it ("Resultado: 1.840 UI/mL" / "Log10: 3,26" /
      // "Valor de referência: Não detectado"): the same result in other units, with no range of its own,
      // so the reference printed after it is still the load's, which stays open for it.
      const logged = pending?.entries.length === 1 && pending.refItems.length === 0 ? pending.entries[0]! : undefined;
      if (first && logged?.read.value != null && logged.line === lastTextAt && !groups[0]!.refItems.length && LOG_SCALE.test(first.name)) {
        finishGroup(groups[0]!, patient, table, analytes, qualitative);
        continue;
      }
      // Rows labelled as results themselves ("GAMA-GT Resultado: 88 U/L") are blocks of their own, no inputs.
      const inputs = !/\bresultados?\s*:/iu.test(t);
      if (inputs && title && !made.some((e) => sameAnalyte(e, title!.name))) inputsOf = { title, at: line.index };
      else if (inputs && !title && inputsOf?.at === lastTextAt) inputsOf.at = line.index;
      else inputsOf = undefined;
      close();
      title = undefined;
      preRef = [];
      groups.forEach((g, i) => {
        if (!g) return;
        pending = g;
        if (i < groups.length - 1) close();
      });
      if (groups.some((g) => !g)) unparsed.push(line.raw.trim());
      continue;
    }

    // A value alone under a title, after the lab's out-of-range mark in a column of its own ("*    148,6   mg/L").
    if (title) {
      const g = readAfterName(title.name, t.replace(/^\s*\*{1,3}\s+(?=[<>≤≥]?\s*\d)/, ''), ctx, { separated: true });
      if (g && numbersIn(t).length > 0 && /^\s*(?:[▲▼↑↓⬆⬇]\uFE0F?\s*|\*{1,3}\s+)?[<>≤≥\d]/u.test(t)) {
        adoptUnderTitle(g, title);
        continue;
      }
    }

    // An antibiogram row in columns ("Ceftriaxona   SENSÍVEL"): a susceptibility word is a result
    // whatever the antimicrobial's name, never a title.
    // One cell a line (a portal's page copied: "Ampicilina" / "Resistente"), the word spelled out alone
    // under the antimicrobial's name, read as a title, is its interpretation.
    // Two antibiogram lists side by side (page-columns.ts) give a line of rows separated by ";", each read so.
    const row2 = title && !pending && titleAt === lastTextAt && SPELLED_SUSCEPTIBILITY.test(t.trim()) ? [title.name, t.trim()] : cells(t);
    const rows2 = /\s;\s/.test(t) ? t.split(/\s;\s/).map((p) => cells(p)) : [row2];
    if (rows2.every((r) => r.length === 2 && letters(r[0]!) >= 3 && SUSCEPTIBILITY.test(r[1]!))) {
      title = undefined;
      for (const r of rows2) {
        close();
        const name = cleanName(r[0]!);
        pending = {
          entries: [
            { def: lookupName(name), name, read: { value: null, text: r[1]!, comparator: null, unit: null, marker: null, rest: '' }, line: line.index },
          ],
          refItems: [],
        };
      }
      continue;
    }
    // "Cor: Palha", "Cristais: Oxalato de cálcio raros", after a dot leader too ("GRUPO SANGUÍNEO (ABO)
    // ......: O"): a word result the parser does not know is still a result-like value, read after a
    // label that takes words, else reported rather than taken for a title. Before the known result
    // words: "Muco: presente em pequena quantidade" is the whole phrase, not "presente" and a rest.
    // What a positive word result found ("RESULTADO: POSITIVO" / "FORAM ENCONTRADOS: CISTOS DE GIARDIA
    // LAMBLIA" / "VALOR DE REFERÊNCIA: NEGATIVO"): a detail of the result just read, listed as unread, and
    // the result stays open for the reference after it. A portal card prints the label in a cell of its own
    // ("Parasita encontrado   cistos de Giardia lamblia"), in the singular.
    // A reactive result's titre on a line of its own ("Resultado: Reagente" / "Título: 1/4"): the titre
    // is the result, as when printed beside the word.
    // Its reference may sit in a cell at its right ("TITULO ....: 1/640      VR: NAO REAGENTE (TITULO INFERIOR A 1/80)").
    // The pattern may follow the titre on its line ("Título: 1/640 - Padrão nuclear homogêneo (AC-1)"): it
    // describes the reactive result, as its own "PADRÃO:" line does, and is listed for a person to read.
    const titrePattern = TITRE_LINE.test(t) ? /^([^()]*?\d)\s*[-–—,;]\s*padr[aã]o\b.*$/iu.exec(t.trim()) : null;
    const titreCells = TITRE_LINE.test(t) ? cells(titrePattern ? titrePattern[1]! : t) : [];
    const titreRef = titreCells.slice(1).join('   ');
    // Only a cell led as a reference ("VR:", "Ref."): a word alone there ("Título: 1/16   Reagente") is no reference.
    const titreRefCell = titreRef !== '' && stripReferenceLead(titreRef).lead;
    const titreLine = titreCells.length === 0 ? undefined : titreRefCell ? titreOf(titreCells[0]!) : titreOf(titrePattern ? titrePattern[1]! : t);
    const open = pending?.entries.length === 1 ? pending.entries[0]! : undefined;
    if (titreLine && open && open.read.value === null && REACTIVE.test(open.read.text) && !titreOf(open.read.text)) {
      open.read = { ...open.read, text: `${open.read.text} ${titreLine}` };
      if (titrePattern) unparsed.push(line.raw.trim());
      if (titreRefCell) {
        addRef(pending!, titreRef);
        // The titre is the result's value, every titre after it a bound of its reference; any other number is listed.
        if (numbersIn(t.replace(/(?<![\d.,])1\s*[/:]\s*\d+(?![\d.,])/g, ' ')).length === 0) seen[seen.length - 1]!.text = '';
      }
      continue;
    }
    // A genotype or serotype on a line of its own ("Resultado: Detectável" / "Sorotipo: DENV-2" / "Valor de
    // Referência: Não detectável"): the type found, a result of its own, finished at once with no reference
    // (the block's reference is the detection's); the result above stays open for the reference under it.
    // A culture's isolate with its colony count after a dash ("Microrganismo isolado: Escherichia coli -
    // contagem superior a 100.000 UFC/mL"): two results, the organism in words and the count, read as a
    // "Contagem de colônias" on a line of its own is; the count stays open for a reference under it.
    const isolate = ISOLATE_WITH_COUNT.exec(t);
    const count = isolate ? readPiece(`Contagem de colônias: ${isolate[3]!}`, ctx) : undefined;
    if (isolate && count && count.entries.length === 1 && typeof count.entries[0]!.read.value === 'number') {
      close();
      title = undefined;
      const name = cleanName(isolate[1]!);
      const read = { value: null, text: isolate[2]!.trim(), comparator: null, unit: null, marker: null, rest: '' };
      const g: Group = { entries: [{ def: lookupName(name), name, read, line: line.index }], refItems: [] };
      const before = [analytes.length, qualitative.length] as const;
      finishGroup(g, patient, table, analytes, qualitative);
      closed.push({ group: g, made: [...analytes.slice(before[0]), ...qualitative.slice(before[1])] });
      for (const e of count.entries) e.line = line.index;
      pending = count;
      continue;
    }
    const type = typeLine(t);
    if (type) {
      const name = cleanName(type.label);
      const read = { value: null, text: type.text, comparator: null, unit: null, marker: null, rest: '' };
      const g: Group = { entries: [{ def: lookupName(name), name, read, line: line.index }], refItems: [] };
      const before = [analytes.length, qualitative.length] as const;
      finishGroup(g, patient, table, analytes, qualitative);
      closed.push({ group: g, made: [...analytes.slice(before[0]), ...qualitative.slice(before[1])] });
      continue;
    }
    if (
      pending?.entries.length === 1 &&
      pending.entries[0]!.read.value === null &&
      /^(?:foram\s+|foi\s+)?(?:encontrad[oa]s?|observad[oa]s?|identificad[oa]s?|visualizad[oa]s?|esp[eé]cies?|parasitas?(?:\s+encontrad[oa]s?)?)(?:\s*:|\s{3,})\s*\S/iu.test(
        t,
      )
    ) {
      unparsed.push(line.raw.trim());
      continue;
    }
    // The label alone, what was found bulleted under it ("Resultado: Positivo" / "Parasitas encontrados:" / "  -
    // Cistos de Giardia lamblia (amostras 1 e 3)" / "  - Ovos de Ascaris lumbricoides (amostra 2)" / "Valor de
    // referência: Negativo", a stool exam's, h1786): each item is a detail of the result, listed as unread, never a
    // name over its value; the result stays open for the reference under them.
    const foundItem = findingListAt === line.index - 1 && FOUND_ITEM.test(line.raw);
    if (pending?.entries.length === 1 && pending.entries[0]!.read.value === null && (foundItem || FOUND_LIST_LABEL.test(t))) {
      findingListAt = line.index;
      // The label alone says nothing a person must read; its findings do.
      if (foundItem) unparsed.push(line.raw.trim());
      continue;
    }
    // A finding in words after its exam's label, closed by its reference in brackets (word-results.ts).
    const finding = labelledFinding(t, line.raw);
    if (finding) {
      takeFinding(finding, line.index);
      continue;
    }
    // The reference in a cell of its own after the words ("Cristais: Urato amorfo (++)     (Ref.: Ausentes)").
    // Or led as a reference with words after the lead that no result word list holds ("Perfil hemoglobínico:
    // Hb AS     Referência: Hb AA", a haemoglobin profile): the printed reference in words says the result
    // is words, whatever the label.
    // A word field's label in a cell of its own, its colon then a column gap before the words ("Protozoários:   Cistos
    // de Giardia lamblia   Ref.: Ausentes", a stool exam's rows, h1640): the label and its words are one cell.
    const row3 =
      row2.length === 3 && /^[^:]+:$/.test(row2[0]!) && isWordField(row2[0]!.slice(0, -1)) && wordResultText(row2[1]!) !== undefined
        ? [`${row2[0]} ${row2[1]}`, row2[2]!]
        : row2;
    const ledRef = row3.length === 2 ? stripReferenceLead(row3[1]!) : undefined;
    const ledWords = ledRef?.lead && wordResultText(ledRef.rest) !== undefined && wordsAfterLabel(row3[0]!) ? row3[1]! : undefined;
    const wordRef = row3.length === 2 && isReferenceText(row3[1]!) && wordsAfterLabel(row3[0]!) ? row3[1]! : ledWords;
    if (wordsAfterLabel(wordRef === undefined ? t : row3[0]!)) {
      const [label, ...words] = (wordRef === undefined ? t : row3[0]!).split(':');
      // A block's note on an exam it left undone ("Pesquisa de macroprolactina: não solicitada" under the
      // prolactin's title, before its "Resultado:"): no result, and the title still heads the one under it.
      if (title && !pending && wordRef === undefined && isWordField(label!) && PENDING.test(words.join(':').trim())) continue;
      close();
      title = undefined;
      const text = wordResultText(words.join(':'));
      if ((isWordField(label!) || ledWords !== undefined || (wordRef === undefined && resultWordsAfterLabel(label!, words.join(':')))) && text !== undefined) {
        const name = cleanName(label!);
        pending = {
          entries: [{ def: lookupName(name), name, read: { value: null, text, comparator: null, unit: null, marker: null, rest: '' }, line: line.index }],
          refItems: [],
        };
        if (wordRef !== undefined) addRef(pending, wordRef.replace(/^\((.*)\)$/, '$1'));
        if (ledWords !== undefined) pending.wordReference = pending.refItems.at(-1);
        // An exam still running ("Urocultura: em andamento") has no result yet: nothing to read or list.
      } else if (!(isWordField(label!) && PENDING.test(words.join(':').trim()))) unparsed.push(line.raw.trim());
      continue;
    }
    // Word results side by side, each after its label in a cell of its own ("Grupo sanguíneo: O     Fator
    // Rh: NEGATIVO", a blood typing's line): one result per cell, as a line of one would be read.
    const labelledWords = row2.map((c) => {
      const [label, ...words] = c.split(':');
      const text = wordsAfterLabel(c) && isWordField(label!) ? wordResultText(words.join(':')) : undefined;
      return text === undefined ? undefined : { name: cleanName(label!), text };
    });
    if (row2.length >= 2 && labelledWords.every(Boolean)) {
      close();
      title = undefined;
      labelledWords.forEach((w, i) => {
        const read = { value: null, text: w!.text, comparator: null, unit: null, marker: null, rest: '' };
        pending = { entries: [{ def: lookupName(w!.name), name: w!.name, read, line: line.index }], refItems: [] };
        if (i < labelledWords.length - 1) close();
      });
      continue;
    }
    // A word result after a name that could not be read in full ("Parasitológico: Negativo para ovos
    // e cistos") is a result-like value too: reported, never taken for a title.
    if (/:\s*\S/.test(t) && QUALITATIVE_AFTER_COLON.test(t)) {
      close();
      title = undefined;
      unparsed.push(line.raw.trim());
      continue;
    }
    // A value after a dot leader that could not be read is a result-like value, never a title.
    if (line.leader && /:\s*\S/.test(t)) {
      close();
      title = undefined;
      unparsed.push(line.raw.trim());
      continue;
    }
    // "Soro - Enzimático" under the exam name (a portal's block): the name stays the title.
    if (title && isMethodLine(t)) continue;
    // A comment in a sentence with nothing result-like on it: the result above stays open for the
    // reference under it ("Resultado: Negativa" / "Não houve crescimento … após 48 horas." / "Valor de
    // referência: Negativa"), and a title for the result under it.
    if (isSentence(t) && resultTokens(t).length === 0) continue;
    // What a positive finding found, listed under it one dash a line ("RESULTADO: POSITIVO" / "  - OVOS DE
    // ASCARIS LUMBRICOIDES" / "  - CISTOS DE ENTAMOEBA COLI" / "VALOR DE REFERÊNCIA: NEGATIVO", a stool
    // exam's): the result's detail, no title; the result stays open for the reference under the list.
    const found = pending?.entries.length === 1 ? pending.entries[0]!.read : undefined;
    if (
      found?.value === null &&
      /^(?:positiv|presen[cç]a|reagente|detectad)/iu.test(found.text) &&
      /^\s*[-–•]\s+\p{L}/u.test(line.raw) &&
      bareNumbers(t) === 0 &&
      !t.includes(':')
    )
      continue;
    // The last words of a right-hand cell wrapped onto a line of their own, in lower case at that cell's column
    // ("Método: Quimioluminescência      isolado; interpretar pela relação" / "      livre/total."): the cell's
    // note goes on, no title; the block's title still names the result under it.
    if (
      title &&
      !pending &&
      bareNumbers(t) === 0 &&
      /^\p{Ll}/u.test(t.trim()) &&
      wrapsCellAbove(line.raw, lastTextAt >= 0 ? lines[lastTextAt]!.raw : undefined)
    )
      continue;
    // A title: no value on it (digits glued to letters, "B12", "25-OH", do not count), or it ends
    // with a colon ("ANTI-HIV 1 E 2 (4ª GERAÇÃO):").
    // A name with digits in it ("HIV 1 e 2 - Anticorpos") is a title when its value stands alone on
    // the next line (one cell per line); a tumour marker named by a number ("CA 125", two letters) is one
    // when the catalogue knows it whole.
    // So is one over its block's "Resultado" line, past the Material/Método lines.
    if (
      bareNumbers(t) === 0 ||
      /:\s*$/.test(t) ||
      ((letters(t) >= 3 || lookupName(cleanName(t)) !== undefined) &&
        (valueAloneNext(lines, line.index) || resultLineNext(lines, line.index) || valueAloneUnderDetails(lines, line.index)))
    ) {
      close();
      if (outerTable) {
        table = outerTable;
        outerTable = undefined;
      }
      // The next exam's title ends the rows a panel's one range is for (a table's goes on under its group titles).
      if (shared?.underTitle && shared.to === Number.POSITIVE_INFINITY && line.index > shared.from) shared.to = line.index;
      // A section's title that says in brackets one reference is every row's ("SOROLOGIAS (todas com ref. Não
      // reagente)"): each row under it that prints none takes it, up to the next title or blank line.
      const forAll = titleReferenceForAll(t);
      if (forAll !== undefined) shared = { items: [forAll], from: line.index, to: Number.POSITIVE_INFINITY, underTitle: true };
      // A section's title inside a table ("LEUCOGRAMA" under the hemogram's age bands) keeps its columns:
      // a row under them is labelled only when its last cells are one range per band, each under its own.
      // The block's material and method in columns at the title's right ("ANTI-TPO      Soro | Quimioluminescência")
      // are its detail, no part of the analyte's name.
      const titleCells = cells(t);
      const own = cleanName(titleWithoutMethod(titleCells.length >= 2 && isMethodLine(titleCells.slice(1).join(' - ')) ? titleCells[0]! : t));
      // A title a one-cell-a-line copy broke over lines before its block's details (h1717) is read whole too; a chat
      // message's stamp starts a new one (h1710).
      const joinable = title !== undefined && titleAt === lastTextAt && !CHAT_STAMP.test(line.raw);
      const wrapped = joinable ? titleWrapped(title!.name, lines[titleAt]!.text, own, nextLine(lines, line.index)?.text) : undefined;
      const name = wrapped ?? (joinable && nameGoesOn(title!.name, own) ? `${title!.name} ${own}` : own);
      title = { name, def: lookupName(name) };
      titleAt = line.index;
      const agent = agentOfTitle(own);
      agentSection = agent ? { agent, at: line.index } : undefined;
      recent = [];
      // A risk heading beside the title ("Risco cardiovascular:", h1639) leads the ranges printed under it.
      const riskHeading = riskHeadingBesideTitle(line.raw);
      preRef = riskHeading ? [riskHeading] : [];
      // A section the page broke, its title saying it goes on ("HEMOGRAMA COMPLETO (continuação)") under the
      // table's header printed again: the value columns' units read under its subtitle on the page before
      // ("%   /mm³" over the differential) still say what each bare value of its rows holds.
      if (CONTINUED_TITLE.test(t) && table && table.valueColumns.length === 0 && headerAt === lastTextAt && valueColumnsBefore)
        Object.assign(table, { valueColumns: valueColumnsBefore, unit: null });
      continue;
    }

    close();
    title = undefined;
    // A notice that critical values were phoned to the doctor, naming them again ("*** VALOR CRÍTICO:
    // Potássio 6,6 e pH 7,08 comunicados ao plantonista"): the results read above, told again. The
    // accounting pass lists the line unless each of its values is one of them under its name.
    if (CRITICAL_NOTICE.test(t)) continue;
    // A note whose only numbers are administrative by the pass's own narrow rules ("Sobrecarga de
    // 75 g às 08:10."): nothing on it is result-like, so nothing is left to read.
    if (resultTokens(t).length > 0) unparsed.push(line.raw.trim());
  }
  close();
  if (rowGoals) takeRowGoals();
  for (const run of tierRuns(closed)) for (const c of run.rows) refinish(c, run.tiers);
  withMethodsApart([...analytes, ...qualitative], methodCells);
  // An abbreviation the panel around it names ("CT" beside "HDL", "TG"): the analyte's key, the name
  // as printed, and only the report's own range, as for any name the catalogue does not hold itself.
  for (const a of [...analytes, ...qualitative]) if (a.key === null) a.key = panelAbbreviationKey(a.name, text) ?? null;
  // A ratio named only by two forms ("relação livre/total") after the analyte's two results in them (part-ratios.ts).
  nameRatiosOfForms(analytes);
  // A detection word with its load on a line under it: the load takes the word's reference (loads-under-detection.ts).
  flagLoadsUnderDetection(analytes, qualitative);
  // A summary page's bare copy of a result read with its range elsewhere, two screenshots' overlap (repeats.ts).
  const kept = withoutRepeats(analytes, seen, qualitative);
  // An earlier report pasted under the newest one: its results of the same analytes are previous results (earlier-reports.ts).
  const { listed: earlierRowsListed, ...current } = withoutEarlierReports(
    kept,
    qualitative,
    lines.map((l) => l.text),
  );
  for (const i of earlierRowsListed) if (!unparsed.includes(raws[i]!.trim())) unparsed.push(raws[i]!.trim());
  // A page that prints the report again in another language, under a heading that says so: its results are the
  // report's, read again (translations.ts).
  Object.assign(
    current,
    withoutTranslatedCopy(
      current.analytes,
      current.qualitative,
      lines.map((l) => l.text),
    ),
  );
  // A section the report says is not the lab's (measurements at home, a watch's readings: outside-lab.ts)
  // holds no results: a value read there is listed.
  const outside = outsideLabSections(raws);
  const inLab = (a: { line: number }) => !outside.has(a.line);
  for (const a of [...current.analytes, ...current.qualitative]) if (!inLab(a) && !unparsed.includes(raws[a.line]!.trim())) unparsed.push(raws[a.line]!.trim());
  current.analytes = current.analytes.filter(inLab);
  current.qualitative = current.qualitative.filter(inLab);
  // Accounted on the rows read, each result read from a row joined out of several printed lines is then
  // given back on the line its value is printed on: a differential's cells one a line (paired-cells.ts), a
  // differential's row a phone's viewer wrapped (wrapped-differential.ts), a table copied column by column (column-copies.ts), an SMS part read with the part
  // before it (smsPartLines), a value a centred table row prints under its name's line (centred-cells.ts).
  // A cell cut as an earlier sample's on a line no result is read from (a block's title with the sample's conditions,
  // "GASOMETRIA VENOSA … FiO2: 21%   49,7", h1677's corpus property) is no earlier sample of anything read: the line
  // is accounted as printed, and listed if nothing accounts for that number. A reference's own line is the result's
  // above it, whose earlier samples run beside its lines ("Pré-diabetes: 5,7 a 6,4 %   5,5 % em 20/03/2024", h1099).
  const readAt = new Set([...kept, ...qualitative].map((a) => a.line));
  for (const l of seen) {
    const cut = earlierCut.get(l.index);
    if (cut && l.text === cut.own && !readAt.has(l.index) && !isReferenceText(cut.own.trim())) l.text = cut.printed;
  }
  const result = { ...current, unparsed_lines: pairedRowsListed(accountLines(seen, [...kept, ...qualitative], unparsed), pairedRowCells(cellLines), raws) };
  return [
    pairedCellLines(cellLines),
    wrappedDifferentialLines(pairedRows),
    smsPartLines(details),
    centredRowLines(unitLines),
    resultsUnderReferenceLines(raws),
    columnCopyLines(columnCells),
    mimeLineJoins(raws),
    takenWhole,
  ].reduce((r, joins) => atPrintedLines(r, joins, raws), result);
}

/** Whether a remark names a result already read other than the pending row's own, as a word of its own. */
function namesOtherResult(text: string, pending: Group, read: ReadonlyArray<{ name: string }>): boolean {
  const own = new Set(pending.entries.map((e) => e.name.toLowerCase()));
  const words = text.toLowerCase();
  return read.some((a) => {
    const name = a.name.toLowerCase();
    if (own.has(name) || name.length < 2) return false;
    for (let at = words.indexOf(name); at >= 0; at = words.indexOf(name, at + 1)) {
      const before = words[at - 1];
      const after = words[at + name.length];
      if ((before === undefined || !/[\p{L}\d]/u.test(before)) && (after === undefined || !/[\p{L}\d]/u.test(after))) return true;
    }
    return false;
  });
}

/**
 * A differential's row put back from its cells one a line (paired-cells.ts) and left unread is listed as the
 * row its cells make ("Células X   12,0   345   10,0 a 20,0   100 a 500"), not as its name's line alone: the
 * cells' lines were read as empty, so their values would otherwise be listed nowhere.
 */
function pairedRowsListed(listed: string[], rows: ReadonlyMap<number, number[]>, raws: readonly string[]): string[] {
  if (rows.size === 0) return listed;
  const out = [...listed];
  const replaced = new Set<number>();
  for (const [name, cells] of rows) {
    const at = out.findIndex((l, k) => !replaced.has(k) && l === raws[name]!.trim());
    if (at < 0) continue;
    replaced.add(at);
    out[at] = [name, ...cells].map((k) => raws[k]!.trim()).join('   ');
  }
  return out;
}

/**
 * A result read on a line that other printed lines were joined to (`joins`: the line read, then the lines
 * joined to it), given back on the first of those lines that prints its value when its own line does not.
 * Two results of one value ("1 %" and "1 /mm³") take one line each.
 */
function atPrintedLines(r: LabParseResult, joins: ReadonlyMap<number, number[]>, raws: readonly string[]): LabParseResult {
  if (joins.size === 0) return r;
  const taken = new Set<number>();
  const prints = (k: number, v: number) => numbersIn(raws[k] ?? '').some((n) => n.values.includes(v));
  const analytes = r.analytes.map((a) => {
    const lines = joins.get(a.line);
    if (!lines || prints(a.line, a.value)) return a;
    const at = lines.find((k) => !taken.has(k) && prints(k, a.value)) ?? lines.find((k) => prints(k, a.value));
    if (at === undefined) return a;
    taken.add(at);
    return { ...a, line: at };
  });
  return { ...r, analytes, unparsed_lines: withJoinedLines(r.unparsed_lines, joins, raws) };
}

/**
 * The listed lines with, after a line read with others joined to it, those others: the accounting pass
 * saw the group as one line and lists the first, yet what it could not read may be printed on any of them
 * (an SMS part read with the part before it, "(6/7) 4,50); T4 livre 1,14 ng/dL …"; a phone viewer's broken row,
 * "500   49,3" under "Eosinófilos 7,8 682 50 a"). A joined line with no result-like token (an SMS's time) is not listed.
 */
function withJoinedLines(listed: readonly string[], joins: ReadonlyMap<number, number[]>, raws: readonly string[]): string[] {
  const out: string[] = [];
  for (const u of listed) {
    out.push(u);
    const at = [...joins.keys()].filter((k) => raws[k]?.trim() === u);
    for (const k of at)
      for (const j of joins.get(k)!) {
        const raw = raws[j]?.trim() ?? '';
        if (raw !== '' && !out.includes(raw) && !listed.includes(raw) && resultTokens(raw).length > 0) out.push(raw);
      }
  }
  return out;
}

// One tier of an antibody's scale, named by what it reads ("Não reagente: < 7,0", "Indeterminado: 7,0 a 10,0").
const TIER_CELL = /^(n[aã]o\s+reagente|n[aã]o\s+reativo|negativo|indeterminado|inconclusivo|duvidoso|reagente|reativo|positivo)\s*:\s*\S/iu;
const NEGATIVE_TIER = /^(?:n[aã]o\s+rea|negativo)/iu;

/**
 * A table whose reference column stacks one scale's tiers down its rows, one tier beside each row
 * ("Anti-Sm   18,4 U/mL   Não reagente: < 7,0" / "Anti-RNP   2,4 U/mL   Indeterminado: 7,0 a 10,0" /
 * "Anti-Ro   3,1 U/mL   Reagente: > 10,0" / "Anti-La   1,2 U/mL   (vale para os quatro)"): the scale is
 * every row's, no row's own tier its whole range. Rows on consecutive lines, each a number with one tier
 * or none (a note in brackets), two tiers or more of different readings, one of them the negative one.
 */
function tierRuns(closed: Closed[]): Array<{ rows: Closed[]; tiers: string[] }> {
  const out: Array<{ rows: Closed[]; tiers: string[] }> = [];
  const row = (c: Closed) => (c.group.entries.length === 1 && c.group.entries[0]!.read.value !== null ? c.group.entries[0]! : undefined);
  const tierOf = (c: Closed) => (c.group.refItems.length === 1 && TIER_CELL.test(c.group.refItems[0]!.trim()) ? c.group.refItems[0]!.trim() : undefined);
  const bare = (c: Closed) => c.group.refItems.every((r) => r.trim() === '' || /^\([^()]*\)$/.test(r.trim()));
  let run: Closed[] = [];
  const flush = () => {
    const tiers = run.map(tierOf).filter((t): t is string => t !== undefined);
    const readings = new Set(tiers.map((t) => TIER_CELL.exec(t)![1]!.toLowerCase().replace(/ã/g, 'a').replace(/\s+/g, ' ')));
    // Rows without a tier share the tiered rows' unit: the same kind of assay, not the next panel's.
    const units = new Set(run.map((c) => row(c)!.read.unit));
    if (tiers.length >= 2 && readings.size === tiers.length && tiers.some((t) => NEGATIVE_TIER.test(t)) && units.size === 1) out.push({ rows: run, tiers });
    run = [];
  };
  for (const c of closed) {
    const e = row(c);
    const last = run[run.length - 1];
    if (!e || !(tierOf(c) !== undefined || bare(c))) {
      flush();
      continue;
    }
    if (last && row(last)!.line !== e.line - 1) flush();
    run.push(c);
  }
  flush();
  // A run of rows with no tier before the first tier is no part of the scale's rows.
  return out.map((r) => ({ ...r, rows: r.rows.slice(r.rows.findIndex((c) => tierOf(c) !== undefined)) }));
}

/**
 * Results of one exam by two methods in a table with a method column ("Doença de Chagas - IgG" by ELISA and
 * by CMIA, each method on the line under the name): the same name twice says nothing of which is which, so
 * each takes its method in brackets, by its short name when the method gives one ("(ELISA)").
 */
function withMethodsApart(results: Array<ParsedAnalyte | QualitativeAnalyte>, methodCells: Array<{ at: number; name: string; method: string }>): void {
  // A result's method: the cell under its name, the result right under it.
  const methodOf = (a: ParsedAnalyte | QualitativeAnalyte) => methodCells.findLast((m) => m.at < a.line && a.line - m.at <= 2)?.method;
  const byName = new Map<string, Array<ParsedAnalyte | QualitativeAnalyte>>();
  for (const a of results) if (methodOf(a) !== undefined) byName.set(a.name, [...(byName.get(a.name) ?? []), a]);
  for (const same of byName.values()) {
    if (same.length < 2 || new Set(same.map(methodOf)).size < same.length) continue;
    for (const a of same) a.name = `${a.name} (${methodOf(a)})`;
  }
}

/**
 * Whether the line stands right under a result read one cell per line: its value alone on its line, then
 * at most its unit alone on the next, and nothing else between them and this line.
 */
function underValueCell(lines: CleanLine[], g: Group, index: number): boolean {
  const e = g.entries.length === 1 ? g.entries[0]! : undefined;
  if (!e || e.read.value === null || g.refItems.length > 0) return false;
  const read = readValue(lines[e.line]?.text ?? '');
  if (!read || read.value === null || read.rest.trim() !== '' || !/^\s*[<>≤≥]?\s*\d/.test(lines[e.line]!.text)) return false;
  const between = lines.slice(e.line + 1, index).filter((l) => l.text !== '');
  const unit = between.length === 1 ? unitAtStart(between[0]!.text) : undefined;
  return between.length === 0 || (unit !== undefined && unit.consumed >= between[0]!.text.length);
}

// The label of a card's unit field, alone on its line ("Unidade de medida", "Unidade:", h1621).
const UNIT_FIELD_LABEL = /^unidades?(?:\s+de\s+medida)?\s*:?$/iu;
const isUnitAlone = (t: string | undefined) => t !== undefined && unitAtStart(t.trim())?.consumed === t.trim().length;

// A section's label alone in its cell: words and abbreviation dots up to a colon ("RENAL:", "HEPÁT.:").
const GROUP_LABEL_CELL = /^\p{L}[\p{L}.\s/-]{1,24}:$/u;

/**
 * The piece of a name that a table's narrow name column wrapped onto this line, under the row read
 * on the line above (or under such a piece): the line starts in the name column with words that end
 * before the result column, a capital word going on with a name the catalogue does not know alone
 * ("Aspartato" / "Aminotransferase") or a piece in lower case or brackets ("(TGO/AST)"), and nothing
 * else on it but a reference cell. Never a heading in capitals, nor a name the catalogue knows.
 */
// A reporting verb in a typed message, then a name and its number ("… so escreveu leucocitos 3 p/ campo …").
// The results may run on after it, each after a comma and opening on its name ("e a urina deu leucocitos 15 por
// campo (ate 5), hemacias 2 por campo (ate 3), nitrito negativo"): the list the verb reports, cut as a typed run.
const REPORTED_RESULT =
  /(?:^|,\s*)(?:[\p{Ll}\d]+\s+){0,5}?(?:s[oó]\s+)?(?:escreveu|escrito|deu|veio|saiu|apareceu)\s+(\p{L}[\p{L}-]*(?:\s\p{L}[\p{L}-]*)?\s+\d[^,]*(?:,\s+\p{L}[^,]*)*)$/u;

// A urine exam's label and its colon before the names of the results typed after it ("EAS: leucócitos …").
const URINE_EXAM_LEAD = new RegExp(String.raw`^(${URINE_EXAM_LABEL})\s*:\s*(?=\p{L})`, 'iu');
// The sample a typed message's results come from, before them ("do sangue …", "na urina …", "e no sangue: …").
const TYPED_SAMPLE_LEAD = /^(?:e\s+)?(?:d[oa]|n[oa])\s+(?:sangue|urina|fezes|hemograma)\s*[:,]?\s+(\p{L}[\p{L}-]*(?:\s\p{L}[\p{L}-]*)?\s+[<>]?\d.*)$/iu;

// The header's cells up to the earlier samples' columns, which every row has cut off: the reference column is
// the last of them. A header with no cell over the names ("Resultado   Valores de referência   12/03/2025")
// leaves their column at the line's start.
const currentStarts = (starts: number[], previousAt: number | undefined) => {
  const current = previousAt === undefined ? starts : starts.filter((at) => at < previousAt - 1);
  return current.length > 0 && current[0]! > 3 ? [0, ...current] : current;
};

function nameWrapOf(
  t: string,
  offset: number,
  starts: number[],
  pending: Group | undefined,
  lastTextAt: number,
  wrapAt: number,
  index: number,
  method: { from: number; to: number } | undefined,
  lines: readonly CleanLine[],
): { piece: string; rest: string; restAt: number } | undefined {
  const e = pending?.entries.length === 1 ? pending.entries[0]! : undefined;
  // The piece starts at the name column, or a space or two in (a PDF's text drifts: " (Martin-Hopkins)" under
  // "COLESTEROL LDL   128 mg/dL   Meta conforme risco cardiovascular:").
  if (!e || offset > 2 || lastTextAt !== index - 1 || (e.line !== lastTextAt && wrapAt !== lastTextAt) || starts.length < 2) return undefined;
  // A line left of the row's indented name is a section's title, no piece of that name ("  Lactato   3,4
  // mmol/L   0,5 - 1,6" / "Índices calculados" / "  Ânion gap   12,2 …", a blood-gas printout's groups).
  if ((lines[e.line]?.offset ?? 0) > offset) return undefined;
  const m = /^(\S+(?: \S+)*)(?:\s{2,}(.*))?$/.exec(t);
  const piece = m?.[1];
  if (!piece || piece.length > starts[1]!) return undefined;
  // A name in capitals that only the piece under it completes ("TRANSAMINASE   36 U/L   …" / "OXALACÉTICA -
  // TGO (AST)", "GAMA GLUTAMIL" / "TRANSFERASE (GAMA-GT)"): the catalogue knows the whole name, not its first line.
  const completes =
    lookupName(cleanName(e.name)) === undefined &&
    /^\p{L}[\p{L}\d\s()/-]*$/u.test(piece) &&
    !piece.endsWith('-') &&
    lookupName(cleanName(`${e.name} ${piece}`)) !== undefined;
  if (!completes && !/^(?:\p{L}[\p{L}\d-]*(?: \p{L}[\p{L}\d-]*)*(?: \([^()]*\))?|\([^()]*\))$/u.test(piece)) return undefined;
  // A heading in capitals is no piece of a name, nor a word broken at a hyphen (it goes on in the row under it).
  // Its abbreviation in brackets keeps the case it is written in ("TEMPO DE TROMBOPLASTINA PARCIAL ATIVADA
  // (TTPa)", the next block's title under a row): only the words outside brackets say it is a heading.
  const unbracketed = piece.replace(/\([^()]*\)/g, '');
  const heading = unbracketed === unbracketed.toUpperCase() && /\p{L}{2}/u.test(unbracketed) && !/^\(/.test(piece);
  if (!completes && (heading || piece.endsWith('-'))) return undefined;
  // What else the line holds sits in the last (reference) column: a word in the result column is a
  // row's result ("Filamentos de muco   Raros"), not a wrapped name's reference. A header of a name and a
  // result only ("Exame   Resultado") has no reference column: its second column is the result's.
  let rest = (m[2] ?? '').trim();
  let restAt = rest === '' ? offset : t.indexOf(rest, piece.length) + offset;
  // Beside it, the method cell's own wrap within the method column ("Treponêmico   (CMIA)" under
  // "Sífilis, Teste   Quimioluminescência   Reagente"): the assay's words, no reference nor result. A
  // titre after it in the result column is the row's (titreUnderRow).
  const beside = cellStarts(t, offset).slice(1);
  const methodCell = beside[0];
  if (method && methodCell && methodCell.at >= method.from - 3 && methodCell.at + methodCell.cell.length <= method.to && /^[\p{L}(]/u.test(methodCell.cell)) {
    const after = beside[1];
    rest = after ? t.slice(after.at - offset).trim() : '';
    restAt = after?.at ?? offset;
  }
  if (method && titreOf(rest) !== undefined) return { piece, rest, restAt };
  if (rest !== '' && (starts.length < 3 || !isReferenceText(rest) || restAt < starts[starts.length - 1]! - 3)) return undefined;
  const known = lookupName(cleanName(e.name));
  // A name cut after its comma ("Hepatite B," / "Anti-HBc Total") goes on whatever the piece names alone.
  if (/,$/.test(e.name.trim())) return { piece, rest, restAt };
  if (/^\p{Lu}/u.test(piece) && (known !== undefined || lookupName(piece) !== undefined || isReferenceLabel(piece))) return undefined;
  return { piece, rest, restAt };
}

const TITRE_CELL = new RegExp(String.raw`^(?:${TITRE_WORD})\s*:?\s*1\s*[/:]\s*\d+$`, 'iu');

/**
 * A reactive word result's titre printed on the line under its row, in the result column ("Reagente" /
 * "Título: 1/32" in a LACEN's GAL table, the method cell's wrap beside it): the titre is the result a
 * reader follows, read with the word above. Any other cell on the line sits within the method column.
 */
function titreUnderRow(
  t: string,
  offset: number,
  resultAt: number,
  method: { from: number; to: number } | undefined,
  pending: Group | undefined,
  lastTextAt: number,
  wrapAt: number,
  index: number,
): string | undefined {
  const e = pending?.entries.length === 1 ? pending.entries[0]! : undefined;
  if (!e || e.read.value !== null || !REACTIVE.test(e.read.text) || lastTextAt !== index - 1 || (e.line !== lastTextAt && wrapAt !== lastTextAt))
    return undefined;
  const cs = cellStarts(t, offset);
  const last = cs[cs.length - 1];
  if (!last || Math.abs(last.at - resultAt) > 3 || !TITRE_CELL.test(last.cell)) return undefined;
  if (!cs.slice(0, -1).every((c) => method && c.at >= method.from - 3 && c.at + c.cell.length <= method.to)) return undefined;
  return titreOf(e.read.text) === undefined ? titreOf(last.cell) : undefined;
}

// A labelled method cell that ends a line, in words ("… 30 a 200 Método: Imunoturbidimetria").
const TRAILING_METHOD_CELL = /\s+m[eé]todo\s*:\s*\p{L}[^\d:;|]*$/iu;

// A row label that names only the form of a block's result, a ratio ("Relação", "Razão normalizada",
// "Triagem - relação normalizada", "Relação triagem normalizada"), no analyte.
/** A header of value columns' units and a reference of its own, no result nor previous column, under a header that has a previous-result column. */
const subTableOf = (header: TableHeader, outer: TableHeader) =>
  header.valueColumns.length > 0 &&
  header.resultAt === undefined &&
  header.previousAt === undefined &&
  header.history === undefined &&
  outer.previousAt !== undefined &&
  outer.resultAt !== undefined;

// A name that says only what an exam searches for ("Pesquisa de ovos, larvas e cistos").
const SEARCH_FORM = /^pesquisa\s+d[eoa]s?\s+\p{L}/iu;
const RATIO_ONLY = /^(?:triagem\s*[-–:]?\s*)?(?:rela[cç][aã]o|raz[aã]o)(?:\s+(?:d[ae]\s+)?triagem)?(?:\s+normalizad[ao])?$|^triagem$/iu;

// A title cut after a word that wants another ("Tempo de", "ÍNDICE DE SATURAÇÃO DA").
const OPEN_NAME_END = /\s(?:de|da|do|das|dos|ao|à|para|por|com|em)$/iu;

/**
 * Whether `piece`, on the line under a title, is the rest of the title's name that its cell wrapped: the
 * title stops on a word that wants another, or the piece goes on in lower case under a name in mixed
 * case ("Volume corpuscular" / "médio (VCM)") or is only a bracket ("LDL COLESTEROL" / "(calculado -
 * Friedewald)", "(CTLF)"), and the catalogue knows no analyte by the piece alone (a section's heading
 * over "glicose   95 mg/dL" is none of its name).
 */
// A minimum inhibitory concentration as an antibiogram prints it ("<= 0,25", ">= 32", "8", "4 µg/mL").
// The header cell of an antibiogram's MIC column: "CIM (µg/mL)", "MIC", "Concentração inibitória mínima".
const MIC_HEAD = /^(?:cim|mic|concentra[cç][aã]o\s+inibit[oó]ria(?:\s+m[ií]nima)?)(?:\s*\(.*\))?$/iu;
const MIC_CELL = /^(?:[<>≤≥]=?\s*)?\d+(?:[.,]\d+)?(?:\s*(?:µg|μg|mcg|mg)\/m[lL])?$/u;

// A row label that names only what an assay measures of the block's titled protein ("Atividade", "Antígeno livre").
const ASSAY_FORM = /^(?:atividade(?:\s+funcional)?|ant[ií]geno(?:\s+(?:livre|total))?)$/i;

// The normalised ratio of a prothrombin time, by its English or Portuguese initials ("INR", "RNI").
const NORMALISED_RATIO = /^(?:inr|rni)$/i;

/** A row label that names one form of a clotting test's result: the assay's form, a ratio, the INR. */
const BLOCK_RESULT_FORM = (name: string): boolean => ASSAY_FORM.test(name) || RATIO_ONLY.test(name) || CONTROL_RATIO.test(name) || NORMALISED_RATIO.test(name);

// A screen's verdict in an antibiogram's MIC column ("POS", "NEG").
const SCREEN_CELL = /^(?:pos(?:itivo)?|neg(?:ativo)?|\+|-)$/iu;

/**
 * A row under a header with a previous-result column, without the earlier sample's cells: by order where a line of
 * units counted them (`withoutPreviousCells`), else where that column stands (`withoutPreviousColumn`); and whether
 * the cell cut stood under that column (`columnOver`), rather than past the reference's or drifted left of it.
 */
function withoutEarlierCells(line: CleanLine, table: TableHeader, earlierColumnSeen: boolean): { text: string; columnOver: boolean } {
  const previousAt = table.previousAt;
  // No previous-result column: only a number past the last column, the reference's (columns.ts), and only in a
  // report whose table above named one (h1683). Elsewhere a number there may be anything, and is left to be read or
  // listed: cut in every table, it was dropped in silence (the corpus property's bare number after a range).
  if (previousAt === undefined)
    return {
      text: earlierColumnSeen && table.referenceAt !== undefined ? withoutCellPastReference(line, table.referenceAt, table.starts) : line.text,
      columnOver: false,
    };
  const counted = table.previousCells !== undefined ? withoutPreviousCells(line, table.previousCells) : undefined;
  if (counted !== undefined) return { text: counted, columnOver: true };
  const under = withoutPreviousColumn(line, previousAt, table.history, table.previousCell, table.starts);
  // A history's dated columns and a bar table's cells are placed by their header: nothing drifts there.
  if (under !== line.text || table.history !== undefined || (table.previousCell !== undefined && line.bars !== undefined))
    return { text: under, columnOver: true };
  return { text: withoutDriftedEarlierCell(line, previousAt) ?? line.text, columnOver: false };
}

/** An antibiogram row with an MIC cell, as the name and its interpretation alone; undefined for any other line. */
function micRow(t: string, micTable = false): string | undefined {
  let cs = cells(t);
  // A dot leader between the antimicrobial and its MIC ("Cefuroxima ........ 4       S", a lab's e-mail summary,
  // h1667) is cleaned to a colon: it is the gap before the MIC's column, as a run of spaces is.
  const led = cs.length === 2 ? /^(\P{N}*\p{L}{3}\P{N}*?)\s:\s(\S.*)$/u.exec(cs[0]!) : null;
  if (led && MIC_CELL.test(led[2]!)) cs = [led[1]!, led[2]!, cs[1]!];
  if (cs.length !== 3 || letters(cs[0]!) < 3 || /\d/.test(cs[0]!)) return undefined;
  const [name, a, b] = cs as [string, string, string];
  // A lone S/R/I only beside an MIC with its comparator, which no other column prints, or under a header
  // that names the MIC column.
  const word = (w: string, m: string) => SPELLED_SUSCEPTIBILITY.test(w) || (SUSCEPTIBILITY.test(w) && (micTable || /^[<>≤≥]/.test(m)));
  if (MIC_CELL.test(b) && word(a, b)) return `${name}   ${a}`;
  if (MIC_CELL.test(a) && word(b, a)) return `${name}   ${b}`;
  // A screen's verdict in the MIC column ("Cefoxitina (triagem)   POS   Resistente", the oxacillin screen of an
  // automated card): the interpretation spelled out is the row's result, as beside an MIC.
  if (SCREEN_CELL.test(a) && SPELLED_SUSCEPTIBILITY.test(b)) return `${name}   ${b}`;
  return undefined;
}

// A piece in lower case whose bracket names another analyte than its first words do ("Colesterol de alta" /
// "densidade (HDL-colesterol)   55 mg/dL", a pediatric lipid panel's long names): the words end the title's
// name, the bracket is that name's short form, and the urine's density the first word names is no part of it.
function bracketNamesOther(piece: string): AnalyteDef | KnownName | undefined {
  const m = /^\p{Ll}[^()]*?\s*\(([^()]+)\)$/u.exec(piece);
  if (!m) return undefined;
  const inner = lookupName(m[1]!);
  const lead = lookupName(piece);
  return inner && lead && inner.name !== lead.name ? inner : undefined;
}

function nameGoesOn(title: string, piece: string): boolean {
  if (OPEN_NAME_END.test(title)) return true;
  if (title !== title.toUpperCase() && bracketNamesOther(piece)) return true;
  if (lookupName(piece) !== undefined) return false;
  // A title wrapped after its analyte's name, the qualifier under it ("TAXA DE FILTRAÇÃO
  // GLOMERULAR" / "ESTIMADA (CKD-EPI)"): the piece names nothing alone, and the title with it is still
  // the same analyte.
  const head = lookupName(title);
  if (head !== undefined && lookupName(`${title} ${piece}`)?.name === head.name) return true;
  // A symbol whose small letter prefixes a capital ("cK+", "cGlu", "sO2", a blood-gas analyser's) starts a
  // name of its own, never the rest of a title's words.
  const symbol = /^\p{Ll}{1,2}\p{Lu}/u.test(piece);
  return /^\([^()]+\)$/.test(piece) || (/^\p{Ll}/u.test(piece) && !symbol && title !== title.toUpperCase()) || SAMPLE_PIECE.test(piece);
}

// A title of an abbreviation, a dash and the name it stands for ("FSH - HORMÔNIO FOLÍCULO", "SHBG - GLOBULINA
// LIGADORA"), in capitals: the spelled-out name may go on on the next line.
const ABBREVIATION_TITLE = /^[\p{Lu}\d]{2,8}\s+[-–]\s+\p{Lu}[\p{Lu}\s]*$/u;
// A prefix written with its hyphen ("ANTI-" / "TIREOPEROXIDASE"): the hyphen stays when the line breaks after it.
const HYPHENED_PREFIX = /(?:^|[\s(])(?:anti|pr[eéó]|p[oó]s|n[aã]o)$/iu;

/**
 * The whole name of a block's title a PDF copied one cell a line broke over two lines, `piece` on the line under
 * the title's (`titleText`), or undefined when the piece is no part of it (h1717):
 * - broken inside a word at a hyphen ("ANTICORPOS ANTI-TIREO-" / "GLOBULINA", "SULFATO DE DEHIDROEPI-" /
 *   "ANDROSTERONA (SDHEA)"): the word made whole, its hyphen kept after a prefix ("ANTI-") or when the catalogue
 *   knows the name so; the piece alone when the catalogue knows it and neither whole name;
 * - a spelled-out name after an abbreviation and a dash going on ("FSH - HORMÔNIO FOLÍCULO" / "ESTIMULANTE",
 *   "SHBG - GLOBULINA LIGADORA" / "DE HORMÔNIOS SEXUAIS"): the piece in capitals, a name the catalogue does not
 *   know alone, right over the block's details (`nextText`: "Material", "Método", "Resultado").
 */
function titleWrapped(titleName: string, titleText: string, piece: string, nextText: string | undefined): string | undefined {
  const above = titleText.trim();
  if (/\d/.test(piece) || !/^\p{L}/u.test(piece)) return undefined;
  if (/\p{L}{2}-$/u.test(above)) {
    const base = titleName.replace(/-$/, '');
    const whole = `${base}${piece}`;
    const hyphened = `${base}-${piece}`;
    if (lookupName(hyphened) !== undefined) return hyphened;
    if (lookupName(whole) !== undefined) return whole;
    if (lookupName(piece) !== undefined) return undefined;
    return HYPHENED_PREFIX.test(base) ? hyphened : whole;
  }
  const overDetails = nextText !== undefined && (isBlockDetail(nextText) || RESULT_LABEL_ALONE.test(nextText));
  if (ABBREVIATION_TITLE.test(above) && overDetails && piece === piece.toUpperCase() && lookupName(piece) === undefined && cells(piece).length === 1)
    return `${titleName} ${piece}`;
  return undefined;
}

// Only the sample a name's cell wrapped onto the next line ("RELAÇÃO ALBUMINA/CREATININA" / "URINÁRIA
// (amostra isolada)", "no soro"): it qualifies the name above and names nothing alone, whatever its case.
const SAMPLE_PIECE = /^(?:(?:urin[aá]ri|s[eé]ric|plasm[aá]tic|sangu[ií]ne)[oa]s?|(?:n[ao]|em|de)\s+(?:amostra|urina|soro|plasma|sangue)\b)/iu;

/**
 * The other count of the row above, alone in brackets on its line: a value with a unit other than the
 * row's ("(39 %)" under "1.330 /µL"), nothing else.
 */
function countUnderRow(t: string, pending: Group | undefined, lastTextAt: number): ValueRead | undefined {
  const e = pending?.entries.length === 1 ? pending.entries[0]! : undefined;
  const m = /^\(([^()]*\d[^()]*)\)$/.exec(t.trim());
  if (!e || !m || e.line !== lastTextAt || e.read.value === null || !e.read.unit) return undefined;
  const v = readValue(m[1]!, { dotIsDecimal: dotIsDecimal(e.def) });
  return v && v.value !== null && v.unit && v.unit !== e.read.unit && v.comparator === null && v.rest.trim() === '' ? v : undefined;
}

/** The piece of a name a bar table's row holds alone in its name cell, going on with the row above. */
function barNameWrapOf(bars: readonly string[], pending: Group | undefined, lastTextAt: number, index: number): string | undefined {
  const e = pending?.entries.length === 1 ? pending.entries[0]! : undefined;
  if (!e || lastTextAt !== index - 1 || e.line !== lastTextAt || bars.length < 2) return undefined;
  const piece = bars[0]!;
  if (!/^(?:\p{Ll}|\()[\p{L}\s()/-]*$/u.test(piece) || bars.slice(1).some((c) => c !== '')) return undefined;
  return piece;
}

/** What a reader outside the line parser (the grounded model extraction) found for one result. */
export interface ResultParts {
  name: string;
  value: ValueRead;
  /** The reference as printed, or '' when none. */
  reference: string;
  line: number;
}

/**
 * The analyte those parts make, flagged by the same rules as the parser's own results (catalogue
 * name, report range for this patient, else the built-in range).
 */
export function analyteFromParts(p: ResultParts, patient: Patient, source: 'parser' | 'model'): ParsedAnalyte | QualitativeAnalyte {
  const def = lookupName(cleanName(p.name));
  const e: Entry = { def, name: cleanName(p.name), read: p.value, line: p.line };
  const items = p.reference ? [stripReferenceLead(p.reference).rest] : [];
  const refText = items.join(' ').trim() || null;
  if (p.value.value === null) return { ...qualitativeFrom(e, items, refText), source };
  return { ...numericFrom(e, labelledRanges(items, { dotIsDecimal: dotIsDecimal(def) }), refText, patient, undefined), source };
}
