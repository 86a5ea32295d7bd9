// Reference ranges as reports print them, and the choice of the one that applies to this patient.
//
// A reference text is cut into items (one per printed line or `;`), each item into range
// expressions; the words around a range are its label. A label may say:
//   - a sex:        "Homens:", "Mulheres", "M:", "HOMEM 65 a 175 / MULHER 50 a 170", or a table
//                   header "REFERÊNCIA HOMEM / MULHER" over unlabelled "13,5 a 17,5 / 12,0 a 15,5";
//   - an age band:  "1 a 9 anos:", "6 meses a 6 anos:", "Adultos:", "Crianças (1 a 12 anos):",
//                   "acima de 60 anos";
//   - a tier:       "Desejável", "Ótimo", "Normal", "População geral", "Baixo risco" (good ones, whose
//                   union is the range) against "Limítrofe", "Alto", "Diabetes", "Grupos de risco"…;
//   - a condition:  "Gestantes 1º trimestre", "Fase lútea": used only when nothing else is printed.
// The patient's sex and age (printed on the report or given with the job) pick the range. When they
// are unknown and the candidates disagree on the flag, the flag is `indeterminado`; when every
// candidate gives the same flag, that flag stands (a haemoglobin of 19 is high for anyone).
import { foldSameLength } from './analytes.ts';
import { NUMBER, numbersIn, parseBrNumber } from './numbers.ts';
import { UNIT_PATTERN, normalizeUnit, sameUnit } from './units.ts';
import { matchesOf } from '../text/matches.ts';

export type Sex = 'M' | 'F';

export interface Range {
  low: number | null;
  high: number | null;
  lowExclusive: boolean;
  highExclusive: boolean;
  unit: string | null;
}

export interface Patient {
  sex?: Sex | undefined;
  /** Hours of fasting printed on the report ("Jejum: 12 horas"), which picks "com/sem jejum" ranges. */
  fastingHours?: number | undefined;
  /** Hour of the day the sample was taken ("Coleta: 24/06/2025 08:05"), which picks ranges by collection time. */
  collectionHour?: number | undefined;
  /** The day the sample was taken (ISO), which tells a dated column of an earlier sample from the current one. */
  collectedOn?: string | undefined;
  /** Age in years (fractional) on the day the sample was taken. */
  ageYears?: number | undefined;
  /** Menstrual-cycle phase printed on the report ("Fase do ciclo informada: folicular"). */
  cyclePhase?: CyclePhase | undefined;
  /** The report says the patient is pregnant ("GESTANTE - DUM: …", "IG: 24 semanas"). */
  pregnant?: boolean | undefined;
  /**
   * The report states the patient smokes ("Tabagista: sim"), which picks a range printed for smokers, or
   * that he does not (false), which picks the non-smokers'; unknown, both are his.
   */
  smoker?: boolean | undefined;
  /**
   * The report says the patient takes an oral anticoagulant ("varfarina", "Marevan"), or has a mechanical
   * heart valve: an INR is then compared with the range printed for it, not the untreated one.
   */
  anticoagulation?: 'oral' | 'mechanical_valve' | undefined;
  /**
   * The report places the patient in a chronic kidney disease clinic or states the disease ("Setor: AMB.
   * NEFROLOGIA (DRC PRÉ-DIALÍTICA)"): one of the groups at risk a vitamin D range is printed for.
   */
  kidneyDisease?: boolean | undefined;
  /** Weeks of pregnancy printed on the report ("IG na coleta: 11 semanas e 5 dias"). */
  gestationWeeks?: number | undefined;
  /** A newborn's weight at birth in grams ("Peso ao nascer: 3.120 g"), which picks ranges by birth weight. */
  birthWeightGrams?: number | undefined;
  /**
   * The cardiovascular risk category the report states for the patient ("Risco CV: ALTO", "Categoria de
   * risco informada pelo médico: intermediário"), folded: 'baixo', 'intermediario', 'alto', 'muito alto'.
   * It picks the row of a table of lipid goals by category.
   */
  riskCategory?: string | undefined;
}

export type CyclePhase = 'folicular' | 'ovulatoria' | 'lutea' | 'menopausa';

/** The cycle phase a range label or a header names ("Fase folicular", "Pico ovulatório", "Pós-menopausa"). */
export function cyclePhaseOf(text: string): CyclePhase | undefined {
  const f = foldSameLength(text);
  // "Mulheres pré-menopausa" are the women still cycling, whatever their phase: no menopause range.
  if (/\bpre[-\s]?menopausa\b/.test(f)) return undefined;
  if (/\bmenopausa\b/.test(f)) return 'menopausa';
  if (/\bfolicular\b/.test(f)) return 'folicular';
  if (/\bovulat[oó]ri[oa]\b/.test(f)) return 'ovulatoria';
  if (/\blutea\b|\bluteinica\b/.test(f)) return 'lutea';
  return undefined;
}

const SEP = String.raw`(?:a|à|até|ate|-|–|—)`;
// A bilingual report of a border town prints its range in Spanish after the Portuguese one ("até 40 / hasta 40",
// "Superior a 40 / Mayor de 40", "Desejável: inferior a 190 / Deseable: menor de 190").
const LE = String.raw`<=|≤|=<|menor ou igual a|inferior ou igual a|igual ou inferior a|at[eé]|hasta`;
const LT = String.raw`<|menor que|menor do que|inferior a|abaixo de|menor de|menor a`;
// "A partir de 11,0" (a pregnancy's haemoglobin) includes its bound.
const GE = String.raw`>=|≥|=>|maior ou igual a|superior ou igual a|igual ou superior a|igual ou maior que|igual ou maior a|a partir de`;
// A Paraguayan lab's report prints "mayor a 45" as it prints "hasta 200" (h1730).
const GT = String.raw`>|maior que|maior do que|superior a|acima de|acima|mayor de|mayor que|mayor a`;

// One global pattern for every range expression, used to find them inside a longer text.
// "e" separates only after "entre" ("entre 70 e 99"): "1,4 e 1,5" is two values, not a range.
const RANGE_SRC =
  // A range never spans a column break (3+ spaces): "1,92 ng/mL   Até 4,00" is a value, then a reference;
  // nor does a bound after its comparator ("inferior a   48,7" is a lead left open, then a value).
  // A negative low bound is printed glued to its sign ("-2,0 a +2,0"); "70 - 99" is a dash between.
  // A band's high bound may be open ("Indeterminado: 0,8 a < 1,1", a serology's index bands, h1913): up to it, not it.
  String.raw`(?:de\s+)?(?<lo>(?:[-−](?=\d))?(?:${NUMBER}))\s{0,2}(?<u1>${UNIT_PATTERN})?\s{0,2}${SEP}\s{0,2}(?<hx><\s{0,2})?(?<hi>(?:[-−+](?=\d))?(?:${NUMBER}))(?:\s*(?<u2>${UNIT_PATTERN}))?` +
  String.raw`|entre\s+(?<lo2>${NUMBER})\s*(?<u4>${UNIT_PATTERN})?\s*e\s*(?<hi2>${NUMBER})(?:\s*(?<u5>${UNIT_PATTERN}))?` +
  // A low bound below the assay's limit ("< 0,1 a 0,8", "<0,5 - 3,0"): the range runs up to the high bound.
  String.raw`|(?:<|menor que|inferior a)\s{0,2}(?<lo3>${NUMBER})\s{0,2}${SEP}\s{0,2}(?<hi3>${NUMBER})(?:\s*(?<u7>${UNIT_PATTERN}))?` +
  String.raw`|(?<cmp>${GE}|${LE}|${GT}|${LT})\s{0,2}(?<n>${NUMBER})(?:\s*(?<u3>${UNIT_PATTERN}))?` +
  String.raw`|(?<n2>${NUMBER})\s*(?<u6>${UNIT_PATTERN})?\s*ou\s+(?<om>mais|menos|superior|inferior|acima|abaixo)` +
  // An occupational exposure limit named with its bare value ("IBMP: 1,6", "IBMP NR-7: 1,6" with the
  // regulation masked): the maximum permitted, an upper bound. Its range starts at the number, so
  // "IBMP" is its label (scanRanges). The NR-7 of 2020 names its indices "IBE/EE" (excessive exposure)
  // and "IBE/SC" (clinical significance), printed after the reference value ("VR: até 10 / IBE/SC: 35").
  // The regulation may stand in brackets between the index and its value ("IBE/EE (NR-7): 0,5 mg/L").
  String.raw`|(?<lim>ibmp|ibe(?:\/(?:ee|sc))?)(?![\p{L}])(?:\s*\(\s*\))?[\s:]{0,8}(?<n4>${NUMBER})(?:\s*(?<u8>${UNIT_PATTERN}))?`;
// One global instance, shared: matchesOf (src/text/matches.ts) starts and leaves it at lastIndex 0.
const RANGE_RE = new RegExp(`(?<![\\p{L}\\d.,/])(?:${RANGE_SRC})(?![\\p{L}\\d])`, 'giu');

const GE_RE = new RegExp(`^(?:${GE})$`, 'i');
const LE_RE = new RegExp(`^(?:${LE})$`, 'i');
const GT_RE = new RegExp(`^(?:${GT})$`, 'i');

function cmpKind(c: string): 'le' | 'lt' | 'ge' | 'gt' {
  const k = c.toLowerCase();
  if (GE_RE.test(k)) return 'ge';
  if (LE_RE.test(k)) return 'le';
  if (GT_RE.test(k)) return 'gt';
  return 'lt';
}

function rangeFromMatch(g: Record<string, string | undefined>, dotIsDecimal: boolean): Range | undefined {
  const num = (s: string) => parseBrNumber(s, { dotIsDecimal });
  const unit = (u: string | undefined) => (u ? (normalizeUnit(u) ?? u) : null);
  const lo = g.lo ?? g.lo2;
  const hi = g.hi ?? g.hi2;
  if (lo !== undefined && hi !== undefined) {
    const low = num(lo);
    const high = num(hi);
    if (low === undefined || high === undefined || low > high) return undefined;
    return { low, high, lowExclusive: false, highExclusive: g.hx !== undefined, unit: unit(g.u2 ?? g.u5) ?? unit(g.u1 ?? g.u4) };
  }
  if (g.lo3 !== undefined && g.hi3 !== undefined) {
    const low = num(g.lo3);
    const high = num(g.hi3);
    if (low === undefined || high === undefined || low > high) return undefined;
    return { low: null, high, lowExclusive: false, highExclusive: false, unit: unit(g.u7) };
  }
  if (g.n2 !== undefined && g.om !== undefined) {
    // "6,5 % ou mais", "126 mg/dL ou superior"
    const n = num(g.n2);
    if (n === undefined) return undefined;
    const up = /^(mais|superior|acima)$/i.test(g.om);
    return { low: up ? n : null, high: up ? null : n, lowExclusive: false, highExclusive: false, unit: unit(g.u6) };
  }
  if (g.lim !== undefined && g.n4 !== undefined) {
    const n = num(g.n4);
    return n === undefined ? undefined : { low: null, high: n, lowExclusive: false, highExclusive: false, unit: unit(g.u8) };
  }
  if (g.cmp !== undefined && g.n !== undefined) {
    const n = num(g.n);
    if (n === undefined) return undefined;
    const k = cmpKind(g.cmp.trim());
    const u = unit(g.u3);
    if (k === 'le') return { low: null, high: n, lowExclusive: false, highExclusive: false, unit: u };
    if (k === 'lt') return { low: null, high: n, lowExclusive: false, highExclusive: true, unit: u };
    if (k === 'ge') return { low: n, high: null, lowExclusive: false, highExclusive: false, unit: u };
    return { low: n, high: null, lowExclusive: true, highExclusive: false, unit: u };
  }
  return undefined;
}

const WHOLE_RANGE = new RegExp(`^(?:${RANGE_SRC})$`, 'iu');

/** One range expression filling the whole text: "70 a 99", "< 200 mg/dL", "inferior a 150", "até 40"… */
export function parseRangeExpression(text: string, opts: { dotIsDecimal?: boolean } = {}): Range | undefined {
  const t = text.trim().replace(/\s+/g, ' ').replace(/[.;]$/, '');
  const m = WHOLE_RANGE.exec(t);
  return m?.groups ? rangeFromMatch(m.groups, opts.dotIsDecimal ?? false) : undefined;
}

interface FoundRange {
  range: Range;
  start: number;
  end: number;
}

// Age expressions are labels, never ranges of the analyte ("1 a 9 anos", "6 meses a 6 anos"); a LIS
// without accents prints "ate 50 anos"; a LIS typed in ASCII writes "≥" as ">=" (">= 75 anos: < 450").
const AGE_UNIT = String.raw`(?:horas?|dias?|semanas?|meses|m[eê]s|anos?)`;
// A band's first age abbreviated to "m" before the second age with its unit ("6 m a 2 anos"): months.
const MONTHS_ABBREVIATED = String.raw`m(?=\s*(?:a|-|–)\s*\d+\s*${AGE_UNIT}(?![\p{L}]))`;
// A newborn's hours of life abbreviated after a bound ("RN < 24 h", "RN > 24 h"); never a fast's nor a
// collection's hours ("jejum > 8 h", "coleta após 2 h").
const HOURS_ABBREVIATED = String.raw`h(?<!(?:jejum|coleta|colhid[oa]|ap[oó]s|p[oó]s)[^|;:]{0,20})`;
const AGE_BAND_RE = new RegExp(
  // A narrow reference column abbreviates the years to an "a" before the band's colon ("40-49 a: até 2,5",
  // "70 a ou +: até 6,5"), the colon left out of the label read; an "a" anywhere else is a range's.
  // A column header abbreviates the first age of a band to "m" when the second has its unit in full ("6 m a
  // 2 anos"): months, as only an age unit can follow it there.
  // A band is one cell: a column gap after its first number makes that number another cell's ("Ureia (mg/dL)
  // 78     Até 65 anos: 15 a 40", a value beside a band led by "até"), no band from 78 to 65 years.
  // A paediatric table ends a band at the age it stops short of ("1 a <4 anos", "6 meses a <2 anos").
  String.raw`(?<a>\d+)(?!\s{2})\s*(?<ua>${AGE_UNIT}|${MONTHS_ABBREVIATED})?\s*(?:a|at[eé]|-|–)\s*(?<short><\s*)?(?<b>\d+)\s*(?<ub>${AGE_UNIT}|a(?=\s*(?::|$)))(?![\p{L}])` +
    // The bound in words as a LIS prints it ("Inferior a 75 anos", "Igual ou superior a 75 anos", "Menor de 1 ano").
    // A bound's years abbreviated as a band's are, before its colon or at the cell's end ("Masc. ≥ 18a", a header
    // of reference columns by sex and age).
    String.raw`|(?<gt>acima de|(?:igual\s+ou\s+)?(?:superior(?:es)?\s+a|maior(?:es)?\s+(?:de|que))|>=|=>|>|≥|a partir de)\s*(?<c>\d+)\s*(?<uc>${AGE_UNIT}|${HOURS_ABBREVIATED}|a(?=\s*(?::|$)))(?![\p{L}])` +
    String.raw`|(?<lt>at[eé]|(?:igual\s+ou\s+)?(?:inferior(?:es)?\s+a|menor(?:es)?\s+(?:de|que))|<=|=<|<|≤|abaixo de)\s*(?<d>\d+)\s*(?<ud>${AGE_UNIT}|${HOURS_ABBREVIATED}|a(?=\s*(?::|$)))(?![\p{L}])` +
    String.raw`|(?<e>\d+)\s*(?<ue>anos?|a)\s*ou\s*(?:mais|\+)` +
    // A newborn's hours of life as a lab abbreviates them ("RN 0 a 24 h", "24-48 h"); never a collection's
    // hours of the day ("coleta 16 a 20 h") nor a fast's ("jejum de 8 a 12 h").
    String.raw`|(?<!(?:coleta|colhid[oa]|jejum)\s+(?:entre\s+|d[aeo]s?\s+)?)(?<ha>\d+)\s*(?:a|-|–)\s*(?<hb>\d+)\s*h(?![\p{L}])` +
    // One age alone ("1 mês:", "2 semanas:") is the band up to the next unit: last, so a band or a
    // bound starting at the same place wins.
    // Not hours, and not after "de": "urina de 24 horas" names a collection. Years alone only right before
    // the label's colon, a paediatric range for the patient's age and sex ("Masculino 9 anos: 74 a 388"):
    // anywhere else, or after "há", a number of years is a duration ("há 2 anos").
    // So before the sex in brackets that the band is for, then the colon ("13 anos (F): 175 a 617", h1748).
    String.raw`|(?<!(?:de|h[aá])\s)(?<f>\d+)\s*(?<uf>dias?|semanas?|meses|m[eê]s|anos?(?=\s*(?:\((?:[FM]|fem\.?|masc\.?|feminino|masculino)\)\s*)?(?::|$)))(?![\p{L}])`,
  'iu',
);
const AGE_BAND_GLOBAL = new RegExp(AGE_BAND_RE.source, 'giu');
// An ordinal typed without its sign, the letter after the digit ("1o TRIMESTRE", "4a GERACAO" in a report
// printed in plain ASCII capitals): an ordinal only before the word it counts, as "71a" alone is an age.
// The first hour of a sedimentation rate's unit ("Até 20 mm na 1ª hora") is the unit's (units.ts), no label's ordinal.
export const ORDINAL_RE =
  /(?<!(?<![\p{L}])mm\s*(?:na\s*)?)\d+\s*[ºª°]|(?<![\d.,])\d{1,2}[oa](?=\s+(?:trimestre|trim\b|semestre|gera[cç][aã]o|dose|amostra))/giu;
// A percentile names the population a range comes from ("Percentil 99: homens até 34", "P99", "P97,5";
// not an antigen "p24"):
// its number is a label, never a bound.
export const PERCENTILE_RE = /(?<![\p{L}\d])(?:percentil\s*\d{1,2}|p9\d)(?:[.,]\d)?(?![\d.,]?\d|\p{L})(?!\s*(?:a|à|-|–)\s*\d)/giu;
/**
 * A guideline, an equation or criteria cited with the year in brackets ("(SBC, 2017)", "(critérios IADPSG
 * / OMS 2013)", "(SBPC/ML - SBEM 2017)", "(CKD-EPI 2021)"), or a document by its title, a comma and the year ("(Protocolo
 * de Triagem Neonatal, 2016)"): the year names the source, never a bound nor a result.
 * The closing bracket may be gone with a trimmed end.
 */
export const CITED_YEAR = /\((?:[^()\d]*?\p{Lu}{2,}[^()\d]*?[\s,]|[^()\d]*?\p{Lu}\p{Ll}+(?:\s+\p{L}+){2,}\s*,\s*)(?:19|20)\d\d(?:\)|$)/gu;
// A regulation named by its number ("NR-7", the occupational health norm an exposure limit comes from).
const REGULATION_RE = /(?<![\p{L}\d])NR[-\s]?\d{1,2}(?![\d,.]?\d)/gu;
// A kidney disease stage leading a filtration rate's range ("G3a (redução leve a moderada): 45 a 59"): a name.
// So is the stage after its disease's name, a dialysis target's ("Meta DRC 5D: 130 a 585", "CKD estágio 4:"),
// and the stage in brackets after the tier's words, before the colon ("Levemente diminuída (G2): 60 a 89",
// "Moderadamente diminuída (G3a/G3b): 30 a 59"), and so is an albuminuria's category ("Moderadamente aumentada
// (A2) .... 30 a 300 mg/24 h"), before a colon or a row of leader dots.
const KIDNEY_STAGE_RE =
  /(?<![\p{L}\d])(?:G[1-5][ab]?|(?<=\b(?:DRC|CKD|IRC)\s+(?:(?:[Ee]st[aá]gio|[Ss]tage)\s+)?)[1-5](?:[ab]|\s?D)?)(?=\s*[(:–-])|\((?:G[1-5][ab]?|A[1-3])(?:\s?[/,e]\s?(?:G[1-5][ab]?|A[1-3]))*\)(?=\s*(?::|\.{2,}))/gu;
// So is a puberty stage printed in digits ("Tanner 1: 0,3 a 2,0", "Tanner 3-5: 1,4 a 8,8", h1748): the stage
// labels the range, its digits are no bound.
const PUBERTY_STAGE_RE = /(?<=\btanner\s*)[1-5](?:\s?[-–/a]\s?[1-5])?(?=\s*[:(])/giu;
const maskLabels = (text: string): string =>
  text
    .replace(REGULATION_RE, (s) => ' '.repeat(s.length))
    .replace(KIDNEY_STAGE_RE, (s) => ' '.repeat(s.length))
    .replace(PUBERTY_STAGE_RE, (s) => ' '.repeat(s.length))
    .replace(CITED_YEAR, (s) => ' '.repeat(s.length))
    .replace(ORDINAL_RE, (s) => ' '.repeat(s.length))
    .replace(PERCENTILE_RE, (s) => ' '.repeat(s.length))
    .replace(WEEKS_RE, (s) => ' '.repeat(s.length))
    .replace(WEIGHT_BAND_RE, (s) => ' '.repeat(s.length))
    .replace(COLLECTION_TIME_RE, (s) => ' '.repeat(s.length))
    .replace(DAY_PERIOD_RE, (s) => ' '.repeat(s.length));
// The time of day a range is printed for ("Coleta entre 7 e 10 h", "coleta 16 a 20 h", "coleta até as
// 10 h", "Coleta entre 16 e 20 horas"): cortisol and ACTH follow the day's rhythm. Its hours label the
// range, never are one.
const COLLECTION_TIME_RE =
  /\b(?:coleta|colhid[oa])\s+(?:entre\s+|at[eé]\s+(?:[àa]s\s+)?|(?:ap[oó]s|depois\s+d[aeo]s?)\s+(?:[àa]s\s+)?|[àa]s\s+|d[aeo]s?\s+)?(\d{1,2})\s*h?(?:\s*(?:e|a|às|as|-|–)\s*(\d{1,2}))?\s*h(?:oras?)?(?![\p{L}])/giu;

// The part of the day a range is printed for, with its hours in brackets or not ("Manhã (7 às 10 h)", "Tarde
// (16 às 20 h)", "Matinal", "Vespertino"): cortisol's ranges as a lab labels them. Its hours label the range.
const DAY_PERIOD_RE =
  /(?<![\p{L}])(manh[aã]|tarde|noite|matutin[oa]|matinal|vespertin[oa]|noturn[oa])(?![\p{L}])(?:\s*\(\s*(?:d[aeo]s\s+|entre\s+)?(\d{1,2})\s*h?\s*(?:às|as|a|e|-|–)\s*(\d{1,2})\s*h(?:oras?)?\s*\))?/giu;
const DAY_PERIOD_FIRST = new RegExp(DAY_PERIOD_RE.source, 'iu');

// The time since a treatment began, not the patient's age ("Alvo após 12 meses de TX: 5,0 a 8,0", a tacrolimus
// trough's target after a kidney transplant; "3 a 12 meses pós-transplante"): its months are no age band.
const TIME_SINCE_TREATMENT =
  /\d{1,3}(?:\s*(?:a|-|–)\s*\d{1,3})?\s*(?:meses|m[eê]s|anos?|semanas|dias)\s+(?:de\s+|p[oó]s[\s-]*)(?:tx|transplante|tratamento|terapia)(?![\p{L}])/giu;

/** The hours a part of the day names, as [first, last] whole hours: its printed hours, else the usual ones. */
function dayPeriodWindow(label: string): [number, number] | undefined {
  const m = DAY_PERIOD_FIRST.exec(label);
  if (!m) return undefined;
  if (m[2] !== undefined && m[3] !== undefined) return [Number(m[2]), Number(m[3])];
  const word = foldSameLength(m[1]!).toLowerCase();
  return /^(?:manha|matutin|matinal)/.test(word) ? [6, 11] : /^(?:tarde|vespertin)/.test(word) ? [12, 17] : [18, 23];
}

// A band of hours alone as a range's label ("7 a 10 h: 6,2 a 19,4"), within a day: a newborn's hours of
// life, or the time of day a patient past infancy was drawn at (cortisol's morning range).
const BARE_HOURS_OF_DAY = /^(\d{1,2})\s*h?\s*(?:a|às|as|-|–)\s*(\d{1,2})\s*h$/iu;

const COLLECTION_TIME_FIRST = new RegExp(COLLECTION_TIME_RE.source, 'iu');
const COLLECTION_TIMES = new RegExp(COLLECTION_TIME_RE.source, 'giu');
const TIME_SINCE_TREATMENT_FIRST = new RegExp(TIME_SINCE_TREATMENT.source, 'iu');

/** The hours of the day a range label names for the collection ([7, 10] for "Coleta entre 7 e 10 h"), if any. */
function collectionWindow(label: string, bareHours = false): [number, number] | undefined {
  const m = COLLECTION_TIME_FIRST.exec(label) ?? (bareHours ? BARE_HOURS_OF_DAY.exec(label.trim()) : null);
  if (!m) return dayPeriodWindow(label);
  const a = Number(m[1]);
  if (m[2] !== undefined) return [a, Number(m[2])];
  if (/\bat[eé]\b/iu.test(m[0])) return [0, a];
  if (/\b(?:ap[oó]s|depois)\b/iu.test(m[0])) return [a, 24];
  return [a, a + 1];
}
// A birth weight band ("Peso 2.001 a 2.500 g", "Peso acima de 2.500 g", "peso até 2.000 g": a neonatal
// screening's 17-OH-progesterone) labels a range, never is one.
const WEIGHT_BAND_RE =
  /\bpeso\s+(?:(?<gt>acima\s+de|maior\s+que|superior\s+a|>=?|≥)|(?<lt>at[eé]|abaixo\s+de|menor\s+que|inferior\s+a|<=?|≤))?\s*(?<a>\d{1,2}(?:\.\d{3})?|\d{3,4})(?:\s*(?:a|-|–|e)\s*(?<b>\d{1,2}(?:\.\d{3})?|\d{3,4}))?\s*(?:g|gramas)(?![\p{L}])/giu;

const WEIGHT_BAND_FIRST = new RegExp(WEIGHT_BAND_RE.source, 'iu');

/** The birth weights, in grams, a range label names ("Peso 2.001 a 2.500 g" is [2001, 2500]). */
function weightBandOf(label: string): [number, number] | undefined {
  const m = WEIGHT_BAND_FIRST.exec(label);
  if (!m?.groups) return undefined;
  const grams = (s: string) => Number(s.replace('.', ''));
  const a = grams(m.groups.a!);
  if (m.groups.b !== undefined) return [a, grams(m.groups.b)];
  if (m.groups.gt !== undefined) return [/^(?:>=|≥)/.test(m.groups.gt) ? a : a + 1, Number.POSITIVE_INFINITY];
  if (m.groups.lt !== undefined) return [0, /^(?:<=|≤|at)/iu.test(m.groups.lt) ? a : a - 1];
  return undefined;
}
// Weeks of pregnancy ("3 a 4 semanas", "até 12 semanas") label a range, never are one.
const WEEKS_RE = /(?:(?:até|ate|>|<|acima de)\s*)?\d+\s*(?:(?:a|-|–)\s*\d+\s*)?semanas?(?![\p{L}])/giu;

// The line reader asks about the same pieces of text several times (is it a reference? where are its
// ranges?); a bounded memo keeps a 100 kB report from scanning them again. Results are never mutated.
const RANGES_MEMO = new Map<string, FoundRange[]>();

// The grade a range stands for on the lab's scale, in brackets after it ("inferior a 0,35 kUA/L (classe
// 0)"): a name for the band, its number no bound.
// How long the patient fasted for the range, in brackets ("70 a 99 (jejum de 8 h)", "(após jejum de 8 a 12
// horas)"): the range's condition, the hours no range of the value; read as the bare "(jejum)" it stands for.
const FASTING_HOURS_NOTE = /\(\s*(?:ap[oó]s\s+|em\s+)?jejum\s+(?:m[ií]nimo\s+)?(?:de\s+)?\d{1,2}(?:\s*(?:a|-|–)\s*\d{1,2})?\s*h(?:oras?|s)?\s*\)/giu;
const FASTING_HOURS = /jejum\s+(?:m[ií]nimo\s+)?(?:de\s+)?\d{1,2}(?:\s*(?:a|-|–)\s*\d{1,2})?\s*h(?:oras?|s)?(?!\p{L})/giu;
// The hours after a meal a post-prandial range is for ("< 140 mg/dL (até 2h após refeição)", a capillary
// glucose's, h1751): the range's condition, the hours no newborn's age.
const MEAL_HOURS =
  /(?:at[eé]\s+)?\d{1,2}(?:\s*(?:a|-|–)\s*\d{1,2})?\s*h(?:oras?|s)?\s+(?:ap[oó]s|p[oó]s)\s+(?:a\s+)?(?:refei[cç](?:[aã]o|[oõ]es)|alimenta[cç][aã]o)(?!\p{L})/giu;
// What values past another cut mean, in brackets after the range, the sentence going on after its number and
// maybe on the next line ("superior a 25 %  (valores inferiores a 10 % aumentam a" / "probabilidade de
// neoplasia …)", a free/total PSA ratio, h1620): the note's cut-off is no bound of the range.
const VALUES_MEANING_NOTE =
  /\s+\((?:valores|resultados|n[ií]veis)\s+(?:inferiores|superiores|menores|maiores|abaixo|acima)(?![\p{L}])[^()]*?\d[^()\d]*?\p{L}{3,}\s+\p{L}[^()\d]*\)?\s*$/iu;
const DOSE_TIMING_NOTE = /\s+\(\s*(?:coletar|colher|coleta|amostra)(?![\p{L}])[^()]*\b(?:dose|tomada)s?(?![\p{L}])[^()]*\)\s*$/iu;
// The grade the range stands for, in brackets after it ("inferior a 0,35 kUA/L (classe 0)"), with what
// that grade means at times ("(classe 0 = não detectável)").
// A limit's confidence interval in brackets after it ("≥ 16 milhões/mL (15 - 18)", "≥ 4 % (3,9 - 4,0)": WHO 2021
// semen limits, h1608): the bracket holds the bound itself, so it is that bound's uncertainty, no range.
const BOUND_INTERVAL = new RegExp(
  String.raw`([<>≤≥]=?\s*(${NUMBER})(?:\s*[^\s\d()][^\s()]*(?:\s+[^\s\d()][^\s()]*)?)?)\s*\(\s*(${NUMBER})\s*(?:-|–|a)\s*(${NUMBER})\s*\)`,
  'gu',
);

/** `text` without the confidence interval printed in brackets after a bound that it holds (BOUND_INTERVAL). */
export function withoutBoundInterval(text: string): string {
  return text.replace(BOUND_INTERVAL, (all, bound: string, at: string, lo: string, hi: string) => {
    const [b, l, h] = [at, lo, hi].map((n) => parseBrNumber(n));
    return b !== undefined && l !== undefined && h !== undefined && l <= b && b <= h && l < h ? bound : all;
  });
}

export const GRADE_NOTE = /\(\s*(?:classe|grau|escore|n[ií]vel)\s+\d{1,2}(?:\s*[=:]\s*[^()\d]*[^()\d\s])?\s*(?:\)|$)/giu;
// The same range restated as multiples of the assay's upper limit, in brackets after it ("Meta: 130 a 585 (2 a
// 9x LSN)", a dialysis patient's PTH goal, "(2 a 9 vezes o limite superior)"): no second range of the value.
export const TIMES_LIMIT_NOTE =
  /\(\s*\d+(?:[.,]\d+)?\s*(?:a|-|–|até)\s*\d+(?:[.,]\d+)?\s*(?:x|vezes)\s*(?:o\s+)?(?:lsn|lsr|uln|limite\s+superior(?:\s+(?:d[aoe]|normal|do\s+m[eé]todo|da\s+normalidade|de\s+refer[eê]ncia))*)\s*\)/giu;

// "Não detectável (limite: 40 cópias/mL)": a quantitative assay's reference is its detection limit, so a
// load at or above it was detected. Read as the bound it stands for. So is the limit of quantification
// ("(limite inferior de quantificação: 40 cópias/mL)") and the bound itself ("(inferior a 1,60 log)").
// The limit may follow as a sentence of its own ("Não detectado. Limite de quantificação: 15 UI/mL").
const DETECTION_LIMIT_LABEL = String.raw`limite(?:\s+inferior)?(?:\s+de\s+(?:detec[cç][aã]o|quantifica[cç][aã]o))?\s*:?`;
const BELOW_DETECTION = new RegExp(
  String.raw`^(\s*)(?:n[aã]o\s+detect[aá](?:vel|do)|indetect[aá]vel)(?:\s*\(\s*(?:${DETECTION_LIMIT_LABEL}|inferior\s+a)|\s*[.;]\s*${DETECTION_LIMIT_LABEL})\s*([^()]*?\d[^()]*?)\s*(?:\)|\.?\s*$)`,
  'iu',
);

// A minimum or maximum with what it is for before its colon ("Mínimo para doação (mulheres): 12,5 g/dL", a blood
// bank's haemoglobin; "Máximo permitido: 40 U/L"): a bound, whom it is for kept as its label.
const LABELLED_LIMIT =
  /^(\s*\(?\s*)(m[ií]nimo|m[aá]ximo)(?:\s+(?:para|de|do|da|recomendad[oa]|aceit[aá]vel|permitid[oa]|exigid[oa])(?![\p{L}])[^:\d()]*)?(?:\s*\(([^()\d]+)\))?\s*:\s*(?=\d)/iu;

// A minimum or maximum with what it is for, then each group's bound after its label ("Mínimo para doação - mulheres:
// 12,5 g/dL · homens: 13,0 g/dL", a blood bank's screening haemoglobin, h1977), in brackets too: every bound is one.
const LIMIT_FOR_EACH =
  /^(\s*\(?\s*)(m[ií]nimo|m[aá]ximo)(?:\s+(?:para|de|do|da|recomendad[oa]|aceit[aá]vel|permitid[oa]|exigid[oa])(?![\p{L}])[^:\d()–—-]*)?\s*[-–—:]\s*(?=\p{L}[\p{L} ]*:\s*\d)(.*)$/iu;
// A group's label and its colon before its bound's number, in LIMIT_FOR_EACH's rest.
const GROUP_BOUND = /(\p{L}[\p{L} ]*:\s*)(?=\d)/gu;

/** The detection limit a word reference names, as a bound ("inferior a 40 cópias/mL"); so is a labelled minimum or maximum; the text as it is otherwise. */
export function detectionLimitBound(text: string): string {
  return text
    .replace(BELOW_DETECTION, '$1inferior a $2')
    .replace(
      LIMIT_FOR_EACH,
      (_m, sp: string, kind: string, rest: string) => sp + rest.replace(GROUP_BOUND, `$1${/^m[ií]n/iu.test(kind) ? 'a partir de' : 'até'} `),
    )
    .replace(
      LABELLED_LIMIT,
      (_m, sp: string, kind: string, whom: string | undefined) => `${sp}${whom ? `${whom.trim()}: ` : ''}${/^m[ií]n/iu.test(kind) ? 'a partir de' : 'até'} `,
    );
}

/**
 * Whether a reference line is one range with its tier's label written after it ("< 5,7 normal", "20 a 29
 * insuficiência"), as a graded scale prints one tier a line: a whole item, nothing of it left open for the next
 * line to finish.
 */
export function isRangeThenLabel(text: string): boolean {
  const t = text.trim();
  const found = findRanges(t, false);
  if (found.length !== 1) return false;
  const before = t.slice(0, found[0]!.start);
  // The label may name an age band and abbreviate "para" ("30 a 60 p/ acima de 60 anos e grupos de risco", a
  // vitamin D's tiers typed from paper, h1912): the band is the label's words, no number of a range.
  const label = t.slice(found[0]!.end).replace(AGE_BAND_GLOBAL, (m) => 'x'.repeat(m.length));
  return !/[\d:]/.test(before) && before.length <= 12 && /^\s+(?:p\/|\p{L})(?:[\p{L}\s.()-]|(?<=\sp)\/)*$/u.test(label);
}

function findRanges(text: string, dotIsDecimal: boolean): FoundRange[] {
  const key = `${dotIsDecimal ? 1 : 0}${text}`;
  const known = RANGES_MEMO.get(key);
  if (known) return known;
  const found = scanRanges(text, dotIsDecimal);
  if (RANGES_MEMO.size > 4000) RANGES_MEMO.clear();
  RANGES_MEMO.set(key, found);
  return found;
}

function scanRanges(text: string, dotIsDecimal: boolean): FoundRange[] {
  // Blank out age bands and ordinals (same length) so their digits are not read as ranges.
  let masked = maskLabels(text);
  masked = masked.replace(AGE_BAND_GLOBAL, (s) => ' '.repeat(s.length)).replace(GRADE_NOTE, (s) => ' '.repeat(s.length));
  const out: FoundRange[] = [];
  for (const m of matchesOf(RANGE_RE, masked)) {
    const r = m.groups ? rangeFromMatch(m.groups, dotIsDecimal) : undefined;
    const start = (m.index ?? 0) + (m.groups?.lim !== undefined ? m[0].search(/\d/) : 0);
    if (r) out.push({ range: r, start, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

const months = (n: number, unit: string | undefined): number => {
  const u = (unit ?? 'anos').toLowerCase();
  if (u.startsWith('h')) return n / 720;
  if (u.startsWith('d')) return n / 30;
  if (u.startsWith('s')) return (n * 7) / 30;
  if (u.startsWith('m')) return n;
  return n * 12;
};
/** One step of the unit, in months: "1 a 9 anos" runs to the day before the 10th birthday. */
const step = (unit: string | undefined): number => months(1, unit);

interface AgeBand {
  minMonths: number;
  /** Exclusive upper bound in months. */
  maxMonths: number;
}

function ageBandOf(label: string): AgeBand | undefined {
  const f = foldSameLength(label);
  // The hours of a collection's time of day ("Coleta 16 a 20 horas") are no age, nor the hours fasted
  // ("70 a 99 mg/dL (jejum de 8 a 12 horas)", the range's condition).
  const m = AGE_BAND_RE.exec(
    label
      .replace(COLLECTION_TIMES, (x) => ' '.repeat(x.length))
      .replace(DAY_PERIOD_RE, (x) => ' '.repeat(x.length))
      .replace(TIME_SINCE_TREATMENT, (x) => ' '.repeat(x.length))
      .replace(FASTING_HOURS, (x) => ' '.repeat(x.length))
      .replace(MEAL_HOURS, (x) => ' '.repeat(x.length)),
  );
  if (m?.groups) {
    const g = m.groups;
    if (g.a !== undefined && g.b !== undefined) {
      const ub = g.ub;
      const ua = g.ua ?? ub;
      return { minMonths: months(Number(g.a), ua), maxMonths: months(Number(g.b), ub) + (g.short !== undefined ? 0 : step(ub)) };
    }
    // "Acima de 60 anos" starts at 61, "acima de 1 mês" after the first month; "até 24 horas" includes the 24th.
    // A lower bound inside a group the label names ("RN > 24 h", a newborn past the first day) ends where the
    // group does: no older child's band.
    if (g.c !== undefined) {
      const minMonths = months(Number(g.c), g.uc) + (/^(>|acima|maior|superior)/i.test(g.gt ?? '') ? step(g.uc) : 0);
      const group = namedAgeBand(f);
      return { minMonths, maxMonths: group && group.maxMonths > minMonths ? group.maxMonths : Infinity };
    }
    if (g.d !== undefined) return { minMonths: 0, maxMonths: months(Number(g.d), g.ud) + (/^(?:at[eé]|igual)/i.test(g.lt ?? '') ? step(g.ud) : 0) };
    if (g.e !== undefined) return { minMonths: months(Number(g.e), 'anos'), maxMonths: Infinity };
    if (g.ha !== undefined && g.hb !== undefined) return { minMonths: months(Number(g.ha), 'horas'), maxMonths: months(Number(g.hb), 'horas') + step('horas') };
    if (g.f !== undefined) return { minMonths: months(Number(g.f), g.uf), maxMonths: months(Number(g.f), g.uf) + step(g.uf) };
  }
  return namedAgeBand(f);
}

/** The band a group's name stands for ("Adultos", "RN", "Crianças"), in a folded label. */
function namedAgeBand(f: string): AgeBand | undefined {
  // "(todas as idades)", "(todas as faixas)": the one range for every age, beside bands of other rows.
  if (/\b(todas as (?:idades|faixas(?: etarias)?)|qualquer idade)\b/.test(f)) return { minMonths: 0, maxMonths: Infinity };
  if (/\b(adult[oa]s?|maiores de idade)\b/.test(f)) return { minMonths: 18 * 12, maxMonths: Infinity };
  if (/\bidos[oa]s?\b/.test(f)) return { minMonths: 60 * 12, maxMonths: Infinity };
  // Cord blood is the newborn's at birth: no band a baby of any hours is in, but whom the range is for.
  if (/\bcordao\b/.test(f)) return { minMonths: 0, maxMonths: 0 };
  if (/\b(rec[eé]m[- ]nascidos?|neonatos?|rn)\b/.test(f)) return { minMonths: 0, maxMonths: 1 };
  if (/\blactentes?\b/.test(f)) return { minMonths: 1, maxMonths: 24 };
  if (/\bpre[- ]?escolar(?:es)?\b/.test(f)) return { minMonths: 24, maxMonths: 7 * 12 };
  if (/\bescolar(?:es)?\b/.test(f)) return { minMonths: 7 * 12, maxMonths: 12 * 12 };
  if (/\badolescentes?\b/.test(f)) return { minMonths: 12 * 12, maxMonths: 18 * 12 };
  if (/\b(crian[cç]as?|infantil|pedi[aá]tric[oa])\b/.test(f)) return { minMonths: 0, maxMonths: 12 * 12 };
  // A child before puberty ("Pré-púbere: inferior a 0,30 UI/L", a gonadotropin's range): a child's band, up
  // to the latest age puberty normally starts at (14 years), as no stage is printed with the results.
  if (/\b(pre[- ]?puber(?:e|es|al|ais)|impuber(?:e|es))\b/.test(f)) return { minMonths: 0, maxMonths: 14 * 12 };
  return undefined;
}

const WHOLE_AGE_BAND = new RegExp(`^(?:${AGE_BAND_RE.source})$`, 'iu');

/**
 * A header cell that is only an age band ("2 a 5 anos", "acima de 12 anos", "Adultos"), as a table
 * prints one reference column per band.
 */
export function isAgeBandCell(cell: string): boolean {
  const c = bandOfCell(cell);
  if (ageBandOf(c) === undefined || /[:\d][.,]\d|:/.test(c) || c.split(/\s+/).length > 5) return false;
  // Nothing but the band: the matched age, or one named band word.
  return WHOLE_AGE_BAND.test(c) || /^\p{L}+$/u.test(c);
}

// A sex in brackets after a column's band ("12–18 anos (fem.)"): the band is that sex's.
// Or by its initial in capitals ("Adulto (F)" beside "1 a 5 anos   6 a 12 anos", a pediatric hemogram's
// columns): a capital in brackets after a band is no month nor a unit.
const SEX_AFTER_BAND = /\s*\(\s*(?:fem|masc|feminino|masculino|mulheres|homens)\.?\s*\)$/iu;
const SEX_INITIAL_AFTER_BAND = /\s*\([FM]\)$/u;

/**
 * An age band's header cell without a reference lead before it ("Ref. 2–5 anos", each column saying it
 * is a reference) nor a sex in brackets after it.
 */
function bandOfCell(cell: string): string {
  return stripReferenceLead(cell.trim())
    .rest.replace(SEX_AFTER_BAND, '')
    .replace(SEX_INITIAL_AFTER_BAND, '')
    .replace(SEX_BEFORE_BAND, '')
    .replace(TIER_AFTER_BAND, '')
    .trim();
}

// A sex before the band ("Masc. ≥ 18a   Fem. ≥ 18a   12 a 17 anos", columns by sex for adults and by age
// below): the band is that sex's, the label keeps it for the range's choice.
const SEX_BEFORE_BAND = /^(?:masc|fem|masculino|feminino|mulheres|homens)\.?\s+(?=\S)/iu;

// The tier the column's ranges are ("2 a 19 anos (desejável)   Adultos (desejável)", a lipid panel's
// paediatric and adult goals): words in brackets after the band say what the ranges are, not whom.
const TIER_AFTER_BAND = /(?<=\S)\s*\((?:desej[aá]vel|[oó]timo|ideal|recomendad[oa]|normal)\)$/iu;

// That "m" in a folded label, where no letter comes before it.
const AGE_BAND_MONTHS = new RegExp(String.raw`(?<![a-z])${MONTHS_ABBREVIATED}`, 'giu');

function sexOf(label: string): Sex | undefined {
  // A letter glued to digits is a code ("f1 - Clara de ovo", an allergen's), never the sex's initial;
  // glued to a power, a unit ("(1,73 m²)", the body surface a clearance is corrected to).
  // Nor is the "m" of an age band's first age abbreviated ("6 m a 2 anos"): months.
  const f = foldSameLength(label)
    .replace(AGE_BAND_MONTHS, ' ')
    .replace(/(?<![a-z0-9])[a-z](?:\d+|[²³])(?![a-z0-9])/gi, ' ')
    .replace(/[^a-z ]/g, ' ');
  // In Spanish too, a border town's lab across the line ("Hombres: hasta 15 mm", "Mujeres: 2,4 - 5,7", h1730).
  const male = /\b(homens?|homem|masculino|masc|m|hombres?)\b/.test(f);
  const female = /\b(mulheres?|mulher|feminino|fem|f|mujeres|mujer)\b/.test(f);
  if (male && !female) return 'M';
  if (female && !male) return 'F';
  return undefined;
}

// A range's label folded for the word tests below (no accents, lower case).
const labelOf = (c: LabelledRange) => foldSameLength(c.label).toLowerCase();

// The good tiers. The range of those without a condition ("Não gestantes", "não grávidas", "Não diabéticos",
// "Não fumantes") is the ordinary one: a target for the condition beside it is not the patient's. A drug
// level's maintenance range ("0,60 - 1,20 (manutenção)") is the one a level is compared with. A range
// said to be for the patient's own age ("até 6,5 pra idade dele", typed by a relative) is his. An
// occupational urine creatinine's valid-sample range labelled so after it ("0,3 a 3,0 (validade)", "(amostra
// válida)") is its reference, as under the lead "Amostra válida:". A fibrosis score's tiers name what the
// score makes likely ("< 0,5: fibrose significativa improvável", "< 1,30: baixa probabilidade de fibrose
// avançada" against "> 1,5: provável cirrose", "> 2,67: alta probabilidade"): the unlikely one is the good one.
// A urine culture's colony count is read against what each band suggests ("INFERIOR A 10.000 UFC/ML ....
// AUSÊNCIA DE INFECÇÃO URINÁRIA", "SUPERIOR A 100.000 UFC/ML .... SUGESTIVO DE INFECÇÃO URINÁRIA"): no infection
// is the good band, and so is a count of no clinical meaning ("inferior a 10.000 UFC/mL: sem significado clínico ·
// 10.000 a 100.000 UFC/mL: duvidoso, repetir · …", h1788), the doubtful band between them another tier.
// An SMS short of room cuts "desejável" to "desej" ("Col total 244 mg/dL (desej <190)", h1670).
// An albuminuria's categories by their KDIGO code in brackets ("Normal (A1)", "Moderadamente aumentada (A2)"),
// A1 the good one, as G1 is a filtration rate's; "normoalbuminúria" names A1 in words.
const NORMAL_TIER =
  /\b(g1|a1(?=\))|normoalbuminuria|validade|amostra valida|p(?:a)?ra\s+(?:a\s+)?(?:sua\s+)?idade(?:\s+(?:dele|dela|d[oa]\s+paciente))?|manutencao|otimo|desejavel|desej|normal|normais|ideal|adequado|suficiente|suficiencia|aceitave(?:l|is)|populacao (?:geral|saudavel)|pop\.? (?:geral|saudavel)|populacao|saudave(?:l|is)|baixo risco|referencia|nao gestantes?|nao gravidas?|nao diabeticos?|nao reagente|nao fumantes?|nao tabagistas?|negativo|nao detectavel|nao detectado|percentil|p9\d|improvave(?:l|is)|baixa probabilidade|ausencia de infeccao|sem significado clinico)\b/;
// A serology's verdict naming an index's band ("Não Reagente", "Indeterminado", "Reagente").
const VERDICT_LABEL = /^(?:nao\s+)?(?:reagente|reativo|detectavel|detectado|positivo|negativo|indeterminado|inconclusivo|duvidoso|zona\s+cinza)\.?$/i;
// A label after its range on a line of bands whose bars were joined to spaces: a serology's verdict, or a
// tier's word of three words at most (HbA1c "< 5,7 normal | 5,7 a 6,4 pré-diabetes | >= 6,5 diabetes", an
// app card's reference): read as labels before, "normal" would name the pre-diabetes band.
function isVerdictAfter(folded: string): boolean {
  return VERDICT_LABEL.test(folded) || (folded.split(/\s+/).length <= 3 && (NORMAL_TIER.test(folded) || OTHER_TIER.test(folded)));
}
// The stages of chronic kidney disease by filtration rate (KDIGO "G1" to "G5", "G3a", "G3b"), a rate's
// tiers ("G2 (redução leve): 60 a 89", "G5 (falência renal): menor que 15"): G1 is the good one. A narrow
// column abbreviates the intermediate tier ("Interm. < 100", "Intermed. < 100"), and diabetes by its initials
// (HbA1c "Normal: < 5,7 / Pré-DM: 5,7 a 6,4 / DM: >= 6,5").
const OTHER_TIER =
  /\b(g[2-5][ab]?|a[23](?=\))|limitrofe|muito alto|alto|alta|elevado|elevada|baixo|baixa|niveis baixos|deficiencia|deficiente|insuficiencia|insuficiente|pre-?diabetes|diabetes|pre-?dm|dm|anemia|risco|alterad[ao]|aumentad[ao]|aumento|acentuad[ao]|toxicidade|toxic[oa]s?|intermediari[oa]|interm[a-z]{0,5}(?=\.)|moderad[oa]|indeterminado|duvidos[oa]|diabetico|diabeticos|reagente|positivo|detectavel|detectado|nao imunes?|sem imunidade|nao protegid[oa]s?|nao imunizad[oa]s?|provave(?:l|is)|alta probabilidade|sugestiv[oa] de (?:infeccao|colonizacao|contaminacao))\b/;
// A tier of immunity ("reagente (imune)", "imunidade", "protegido"), never its denial ("não imune",
// a bad tier above: a label all the same, so "Não imune: inferior a 10" beside a value is a reference).
const IMMUNE_TIER = /(?<!\bnao |\bsem |\bnao e )\b(?:imune|imunes|imunidade|imunizad[oa]s?|protegid[oa]s?|protetor(?:es)?)\b/;
// A treatment target ("Meta para diabéticos: < 7,0 %", "meta < 130"): the range only when no good
// tier is printed beside it. "Meta-" joined to the word after it is a chemical prefix, no goal ("FMetHb
// (meta-hemoglobina)", a co-oximetry row).
const TARGET_TIER = /\b(meta|metas|alvo|objetivo terapeutico)\b(?!-[a-z])/;
// Chronic kidney disease names the patients a range is for ("DRC: igual ou superior a 30", "DRC 5D: 130 a 585"),
// as a pregnancy does. The posture at collection ("Ortostatismo: 2,5 a 39,2" / "Decúbito: 1,8 a 23,2", renin and
// aldosterone) and a stimulation test's sample ("Pico após estímulo: superior a 18,0", a cortisol after ACTH) name
// the sample a range is for, as a fast does.
// A urine analyte's range for a random sample ("Amostra isolada: 20 a 320 mg/dL", h1837) is one too.
const CONDITION =
  /\b(com jejum|sem jejum|ortostatismo|ortostase|ortostatic[oa]|decubito|supin[oa]|deitad[oa]|(?:pico\s+)?(?:apos|pos)[- ]?estimulo|gestantes?|gravidas?|gravidez|gestacao|trim(?:estre)?|semanas?|(?:fase )?(?:folicular|lutea|luteinica|ovulatoria)|pico ovulatorio|pos[- ]menopausa|menopausa|jejum de|(?:em )?jejum|pos[- ]prandial|ciclo|anticoagula\w*|anticoagulante|antagonistas? da vit(?:amina|\.)? ?k|avk|cumarinicos?|proteses?\s+valvar(?:es)?|valvulas?\s+mecanicas?|fumantes?|tabagistas?|ibmp|ibe|drc(?: \d[ab]?d?)?|doenca renal cronica|renais cronicos|dialiticos|tanner(?: (?:[ivx]+|[1-5])(?: ?[-/a] ?(?:[ivx]+|[1-5]))?)?|amostra isolada)\b/;

// A drug level's range for the sample point it was drawn at ("Vale: 10,0 a 20,0", "Pico: 20 a 35", an antibiotic's
// trough and peak) and for the infection treated ("Infecções graves (osteomielite, endocardite, meningite): 15,0 a
// 20,0", vancomycin's): the sample and the patients a target is for, as a fast or a pregnancy names them.
const DRUG_SAMPLE_POINT = /^(?:(?:nivel|concentracao|amostra|coleta)\s+(?:de|do|no|em)\s+)?(?:vale|pico|trough|peak|pre[- ]?dose)$/;
const INFECTION_TREATED = /\binfecc(?:ao|oes)\s+(?:graves?|nao\s+complicadas?|complicadas?|leves?|moderadas?)\b/;

// A range printed for patients who take no anticoagulant ("Sem anticoagulação", "Indivíduos não
// anticoagulados", "sem uso de anticoagulante"): the ordinary range beside the INR's treatment ranges, no
// condition, though still a range's label.
const UNTREATED = /\b(?:sem|nao) (?:uso de )?anticoagula\w*/;
const UNTREATED_ALL = new RegExp(UNTREATED.source, 'g');
// A range printed for patients with a mechanical heart valve ("Próteses valvares mecânicas (mitral): 2,5 a 3,5").
// An oral anticoagulant's range names the treatment ("Anticoagulação oral") or the drug's class ("Em uso de
// antagonista da vit. K", "AVK", "cumarínicos").
const ORAL_ANTICOAGULANT = /\b(?:anticoagula\w*|antagonistas? da vit(?:amina|\.)? ?k|avk|cumarinicos?)(?![\p{L}])/u;
const MECHANICAL_VALVE = /\b(?:proteses?\s+valvar(?:es)?|valvulas?|proteses?)\b.*\bmecanicas?\b/;
// A range printed for the groups at risk of a deficiency, listing them ("grupos de risco (idosos, gestantes, …)").
// Or the patients at risk, listed with the age that makes one ("30 a 60: acima de 60 anos, gestantes e pacientes de risco").
// Or listed without the words, pregnant or nursing women among them ("60 anos ou mais, gestantes, lactantes,
// osteoporose e doenças osteometabólicas: 30 a 60").
const RISK_GROUPS = /\b(?:grupos?|pacientes?)\s+de\s+risco\b|,\s*(?:gestantes|lactantes)\s*,/;
// A range printed for pregnancy ("Gestantes 2º trimestre", "em gestantes", "na gravidez").
const PREGNANCY = /\b(gestantes?|gravidez|gestacao|gestacional|gravidas?)\b/;
/** The trimester a pregnancy range names ("1º trimestre", "segundo trimestre", "2º trim." abbreviated). */
function trimesterOf(label: string): 1 | 2 | 3 | undefined {
  const m = /\b(1|2|3|primeiro|segundo|terceiro)\s*[ºo°]?\s*trim(?:estre)?\b/.exec(foldSameLength(label).replace(/º|°/g, 'o'));
  if (!m) return undefined;
  return /^(1|primeiro)$/.test(m[1]!) ? 1 : /^(2|segundo)$/.test(m[1]!) ? 2 : 3;
}

/**
 * The weeks of pregnancy a range label names ("7 a 12 semanas", "até 4 semanas", "acima de 16 semanas",
 * "5 semanas"), as weeks [from, to): a week printed alone runs to the next one.
 */
function weeksBandOf(label: string): { from: number; to: number } | undefined {
  const f = foldSameLength(label);
  const band = /(\d{1,2})\s*(?:a|-|–)\s*(\d{1,2})\s*semanas?\b/.exec(f);
  if (band) return { from: Number(band[1]), to: Number(band[2]) };
  const upTo = /(?:ate|<|abaixo de)\s*(\d{1,2})\s*semanas?\b/.exec(f);
  if (upTo) return { from: 0, to: Number(upTo[1]) + 1 };
  const from = /(?:acima de|>|a partir de)\s*(\d{1,2})\s*semanas?\b/.exec(f);
  if (from) return { from: Number(from[1]), to: Number.POSITIVE_INFINITY };
  const one = /(\d{1,2})\s*semanas?\b/.exec(f);
  return one ? { from: Number(one[1]), to: Number(one[1]) + 1 } : undefined;
}

/** The condition a range is printed for ("com jejum", "gestantes"), '' for the ordinary one. */
function conditionOf(r: LabelledRange): string {
  return r.condition ? (CONDITION.exec(foldSameLength(r.label).toLowerCase())?.[1] ?? '') : '';
}

export interface LabelledRange {
  range: Range;
  label: string;
  sex?: Sex | undefined;
  age?: AgeBand | undefined;
  tier?: 'normal' | 'other' | 'target' | undefined;
  condition: boolean;
}

// An antibody's tiers say whether the patient is protected, whatever reactivity word they also carry
// ("Inferior a 10: não reagente (ausência de imunidade); Igual ou superior a 10: reagente (imune)"):
// being immune is the good tier, not being so the other.
const IMMUNITY_ABSENT = /\b(?:nao imunes?|sem imunidade|ausencia de (?:imunidade|protecao)|nao protegid[oa]s?|nao imunizad[oa]s?|suscetive(?:l|is))\b/;
// A reactive tier glossed by the one word ("reagente (imunidade)") is the immune one too; its denials are caught above.
const IMMUNE = /\b(?:imunes?|imunizad[oa]s?|protegid[oa]s?|com imunidade|presenca de imunidade|imunidade)\b/;

function classify(range: Range, label: string, risk = false): LabelledRange {
  // Tiers of risk under a "Risco …" heading or label ("Risco cardiovascular:  baixo: inferior a 1,0"):
  // the low-risk tier is the good one.
  const folded = foldSameLength(label);
  const f = (risk || /\brisco\b/.test(folded)) && /(?:^|[^a-z])(?:baixo|minimo)$/.test(folded.trim()) ? `${folded} baixo risco` : folded;
  // A range for a time since the treatment began ("Após 12 meses de TX: 5,0 a 8,0") is a drug level's target.
  const tier =
    TARGET_TIER.test(f) || TIME_SINCE_TREATMENT_FIRST.test(f)
      ? 'target'
      : IMMUNITY_ABSENT.test(f)
        ? 'other'
        : IMMUNE.test(f)
          ? 'normal'
          : NORMAL_TIER.test(f)
            ? 'normal'
            : OTHER_TIER.test(f) || /^(?:risco\s+)?medi[oa](?:\s+risco)?$/.test(f.trim())
              ? 'other'
              : undefined;
  // "Mulheres não gestantes" is the ordinary range, not a pregnancy condition; so is "Sem anticoagulação".
  return {
    range,
    label,
    sex: sexOf(label),
    age: ageBandOf(label),
    tier,
    condition:
      CONDITION.test(f.replace(/\bnao (?:gestantes?|gravidas?|fumantes?|tabagistas?)\b/g, ' ').replace(UNTREATED_ALL, ' ')) ||
      collectionWindow(label) !== undefined ||
      DRUG_SAMPLE_POINT.test(f.trim()) ||
      INFECTION_TREATED.test(f),
  };
}

// A cardiovascular risk category naming a range, alone or after its lead's colon or dash ("Baixo risco",
// "Risco intermediário", "Interm.", "Meta por categoria de risco: baixo", "cardiovascular: Baixo", "meta
// conforme risco cardiovascular - Baixo", "Intermed."), never inside a phrase ("Meta p/ diabéticos de alto risco").
const RISK_CATEGORY_LABEL =
  /(?:^|[:\u2013\u2014-]\s*)(?:(?:categoria\s+(?:de\s+)?)?risco\s+)?(muito\s+alto|alto|baixo|intermediari[oa]|interm[a-z]{0,5}\.?|moderado|medio)(?:\s+risco(?:\s+(?:cv|cardiovascular))?)?[\s.]*$/;

/** The risk category a range's label names, folded: 'baixo', 'intermediario', 'alto', 'muito alto'. */
function riskCategoryOf(label: string): string | undefined {
  // Printed after its bound in brackets ("< 160 (baixo); < 130 (interm.)"): the same category.
  const m = RISK_CATEGORY_LABEL.exec(
    foldSameLength(label)
      .trim()
      .replace(/^\(\s*([^()]*?)\s*\)$/, '$1'),
  );
  return m ? riskCategoryKey(m[1]!) : undefined;
}

/** Whether a label names a cardiovascular risk category ("Risco baixo", "intermediário", "Muito alto"). */
export const isRiskCategoryLabel = (label: string): boolean => riskCategoryOf(label) !== undefined;

/** A stated or printed category in one spelling ("intermediário", "Interm.", "moderado" → 'intermediario'). */
function riskCategoryKey(category: string): string {
  const f = foldSameLength(category).trim().replace(/\s+/g, ' ');
  return /^(?:interm|moderad|medio)/.test(f) ? 'intermediario' : f;
}

/**
 * The ranges that are goals by cardiovascular risk category, else undefined: every tier printed names a
 * category and is an upper bound alone, each a different one, the low-risk category among them with the
 * loosest goal (goals tighten as the risk rises), and the risk named, in a label ("Meta por categoria de
 * risco: baixo", "Baixo risco") or by an intermediate category beside the low one ("Baixo: < 160 /
 * Intermediário: < 130 / …"). Not the tiers of a risk score, which climb the value's scale with lower bounds
 * ("baixo: < 1,0; médio: 1,0 a 3,0; alto: > 3,0"), nor tiers beside the good ones ("Ótimo: < 100; …").
 */
function riskGoals(cands: LabelledRange[]): LabelledRange[] | undefined {
  const tiered = cands.filter((c) => c.tier);
  const goals = tiered.filter((c) => riskCategoryOf(c.label) !== undefined && c.range.low === null && c.range.high !== null);
  if (goals.length < 2 || goals.length !== tiered.length) return undefined;
  const categories = goals.map((c) => riskCategoryOf(c.label)!);
  const highs = goals.map((c) => c.range.high!);
  if (new Set(categories).size !== goals.length || new Set(highs).size !== goals.length) return undefined;
  const low = categories.indexOf('baixo');
  if (low < 0 || highs[low] !== Math.max(...highs)) return undefined;
  const riskNamed = goals.some((c) => /\brisco\b/.test(labelOf(c))) || categories.includes('intermediario');
  return riskNamed ? goals : undefined;
}

/** Whether a reference's ranges are all goals by cardiovascular risk category (riskGoals). */
export function isRiskGoalsReference(text: string): boolean {
  return riskGoals(labelledRanges([text])) !== undefined;
}

// A fasting state in brackets, alone, after a range and its unit ("< 150 mg/dL (jejum)", "(sem jejum)").
const FASTING_AFTER = /^\s*(?:[^\s()\d]+\s*)?\(\s*((?:com|sem|em)\s+jejum|jejum)\s*\)\s*$/iu;

const cleanLabel = (s: string) =>
  s
    .replace(/^[\s,;/|·•:.)\]–—-]+/, '')
    .replace(/[\s,;/|·•:(\[–—-]+$/, '')
    .trim();

/**
 * A range's label that a narrow reference column wrapped ("Meta do solicitante" / "(risco intermediário):
 * < 100"): a line of words alone, no number nor colon in it, and the next line going on with the rest of
 * the label in a bracket before the range's colon, are one item, so the range is read with its whole label.
 */
const LABEL_GOES_ON = /^\s*(\p{Ll}[\p{L}\s,]*?)(?:\s+(?=\p{Lu})|\s*$)/u;
function withWrappedLabels(items: string[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /^\p{L}[\p{L}\s]*$/u.test(prev.trim()) && /^\s*\(\s*\p{L}[^()]*\)\s*:/u.test(item))
      out[out.length - 1] = `${prev.trim()} ${item.trim()}`;
    // A range's label listing whom it is for, wrapped after a comma ("30 a 60: acima de 60 anos, gestantes," /
    // "lactantes e pacientes de risco"): the list goes on, in lower-case words, up to the next range's label.
    else if (prev !== undefined && /\d/.test(prev) && /,\s*$/.test(prev) && LABEL_GOES_ON.test(item)) {
      const head = LABEL_GOES_ON.exec(item)!;
      out[out.length - 1] = `${prev.trim()} ${head[1]!.trim()}`;
      const rest = item.slice(head[0].length).trim();
      if (rest !== '') out.push(rest);
    } else out.push(item);
  }
  return out;
}

// The next tier in brackets after the reference, its range then its label after a colon ("inferior a 30 mg/g (30 a
// 300 mg/g: albuminúria moderadamente aumentada)", h1705): a piece of its own, the label its range's; left in the
// reference's piece, the label would be lost and the two ranges, unlabelled both, disagree.
const BRACKETED_TIER =
  /(?<=\S)\s*\(\s*((?:[<>≤≥]=?\s*|(?:inferior|superior|menor|maior|acima|abaixo)\s+(?:a|de|que|do\s+que)\s+|at[eé]\s+)?\d[^():]*:\s*\p{L}[^()]*)\)/giu;

/**
 * Every range in a reference text with its label. `items` are the printed lines (and `;` pieces);
 * `columnSexes` is the sex order of a table header ("REFERÊNCIA HOMEM / MULHER").
 */
export function labelledRanges(items: string[], opts: { dotIsDecimal?: boolean; columnSexes?: Sex[] } = {}): LabelledRange[] {
  const out: LabelledRange[] = [];
  let risk = false;
  // A label alone with its colon ("Gestantes (semanas após a DUM):", "Homens:") heads the bands under it.
  let heading: string | undefined;
  // A portal sets its ranges apart with a middle dot as others do with ";" ("Superior a 20 ng/mL
  // (população saudável) · 30 a 60 ng/mL (grupos de risco)"): each range keeps the label printed after it.
  // A note's sentences part its ranges too ("… (idosos, gestantes). Acima de 100 ng/mL: risco de
  // toxicidade."): a range labelled after it keeps its own label, not the next sentence's.
  // A unit the margin cut ("3,5 a 5,2 g/d[cortado]") is no unit of the range: left out, the range reads bare.
  // One range of several unreadable ("0 a [borrado] % | 0 a 100 /mm³") is no range, nor any other's label.
  // Nor is one alone whose last bound the margin cut ("1,6 a 2,[ilegível]"): what is left of it is no bound.
  const readable = (i: string) => {
    const t = withoutCutRanges(i.replace(CUT_UNIT, ''));
    return isCutRange(t) ? '' : t;
  };
  // The condition leading a printed item's first tier ("Com jejum - Desejável: < 90; Limítrofe: 90 a 129"),
  // carried to the tiers of the item's later pieces.
  let carried: { lead: string; from: number } | undefined;
  const pieces = withWrappedLabels(items.map(readable)).flatMap((i, from) =>
    detectionLimitBound(withoutBoundInterval(i).replace(GRADE_NOTE, '').replace(TIMES_LIMIT_NOTE, '').replace(BRACKETED_TIER, '; $1'))
      .split(/;|\s·\s|(?<=\p{Ll}{4}|\))\.\s+(?=\p{Lu})/u)
      .map((item) => ({ item, from })),
  );
  for (const { item, from } of pieces) {
    if (carried && carried.from !== from) carried = undefined;
    const found = findRanges(item, opts.dotIsDecimal ?? false);
    if (found.length === 0) {
      risk = /\brisco\b/.test(foldSameLength(item));
      heading = isReferenceHeading(item) ? cleanLabel(stripReferenceLead(item).rest) : undefined;
      continue;
    }
    let labelled: LabelledRange[] = [];
    // Tiers written range first, each with its colon ("< 0,90: não reagente 0,90 a 1,10: indeterminado >
    // 1,10: reagente", lines of tiers joined): the words after each range's colon are its label.
    const after = (i: number) => item.slice(found[i]!.end, found[i + 1]?.start ?? item.length);
    const rangeFirst = found.length >= 2 && found.every((_, i) => /^\s*:\s*\p{L}/u.test(after(i)));
    // Each range followed by whom it is for in brackets, nothing before the first ("Acima de 20 ng/mL
    // (população saudável até 60 anos) | 30 a 60 ng/mL (grupos de risco)"): the bracket after a range is its label.
    const nothingBefore = found.length >= 2 && !/[\p{L}\d]/u.test(stripReferenceLead(item.slice(0, found[0]!.start).replace(/^[\s·•]+/u, '')).rest);
    const bracketAfter = nothingBefore && found.every((_, i) => /^\s*\([^()]*\p{L}[^()]*\)\s*[|/;,]?\s*$/u.test(after(i)));
    // So without brackets, a slash, bar or ';' after each but the last ("acima de 20 pop. geral / 30 a 60 grupos
    // de risco", typed by a patient): read as labels before the range after them, the population's words would
    // label the risk group's range, and the first range none.
    const wordsAfter =
      found.length >= 2 &&
      !rangeFirst &&
      !bracketAfter &&
      nothingBefore &&
      found.every((_, i) => (i < found.length - 1 ? /^\s+\p{L}[^:|/;()\d]*[|/;]\s*$/u : /^\s+\p{L}[^:|/;()\d]*$/u).test(after(i)));
    // With no separator left (the bars of "< 0,9 Não Reagente | 0,9 a 1,1 Indeterminado | > 1,1 Reagente", an
    // index's bands on a serology's line, joined to spaces): nothing before the first range and words after the
    // last say the same, each verdict follows its range; read as labels before, the negative verdict would
    // name the grey zone's band.
    const verdictsAfter =
      found.length >= 2 &&
      !rangeFirst &&
      !bracketAfter &&
      !wordsAfter &&
      nothingBefore &&
      found.every((_, i) => /^\s+\p{L}[^:|/;()\d]*$/u.test(after(i)) && isVerdictAfter(foldSameLength(after(i)).trim()));
    found.forEach((fr, i) => {
      let label =
        rangeFirst || bracketAfter || wordsAfter || verdictsAfter ? cleanLabel(after(i)) : cleanLabel(item.slice(i === 0 ? 0 : found[i - 1]!.end, fr.start));
      // A label written after its range ("acima de 20 para a população geral").
      if (label === '' && found.length === 1) label = cleanLabel(item.slice(fr.end));
      // A fasting state in brackets after a labelled range ("Desejável: < 150 mg/dL (jejum)" over "Desejável:
      // < 175 mg/dL (sem jejum)"): the range's condition, which the printed fasting time picks.
      const fasting = found.length === 1 && label !== '' ? FASTING_AFTER.exec(item.slice(fr.end)) : null;
      if (fasting) label = `${label} ${/^sem/i.test(fasting[1]!) ? 'sem' : 'com'} jejum`;
      labelled.push(classify(fr.range, label, risk));
    });
    // Under a heading, ranges labelled by a band alone ("6 a 7 semanas: …", "20 a 49 anos: …") are the
    // heading's; a range with a label of its own kind ends its reach.
    if (heading !== undefined && labelled.every((l) => l.age !== undefined && l.sex === undefined && l.tier === undefined))
      labelled = labelled.map((l) => classify(l.range, `${heading} ${l.label}`, risk));
    // A heading over the one range its cell wrapped onto the next line ("Gestantes 1º trimestre:" / "0,10
    // a 2,50"): the range is the heading's, and the heading ends there.
    else if (heading !== undefined && labelled.length === 1 && labelled[0]!.label === '') {
      labelled = [classify(labelled[0]!.range, heading, risk)];
      heading = undefined;
    } else heading = undefined;
    // "Com jejum - Desejável: < 90 | Limítrofe: 90 a 129 | Alto: >= 130": the condition leading the first tier
    // is every tier's on the line.
    const lead = /^(.+?)\s+[-–—]\s+\S/u.exec(labelled[0]?.label ?? '');
    const leadCondition = lead ? classify(labelled[0]!.range, lead[1]!, risk) : undefined;
    // So is it of the tiers of the item's later pieces, when a bar or ';' parts them ("10 a 19 anos (jejum) -
    // Desejável: < 90 | Limítrofe: 90 a 129"): without it the later tiers alone would be unconditioned, and the
    // first, the good one, dropped as a condition's.
    const leads = lead !== null && leadCondition?.condition === true && leadCondition.tier === undefined && labelled[0]!.tier !== undefined;
    if (leads) carried = { lead: lead[1]!, from };
    const withLead = (l: LabelledRange, i: number) =>
      leads && i > 0 ? `${lead[1]} - ${l.label}` : !leads && carried ? `${carried.lead} - ${l.label}` : undefined;
    labelled = labelled.map((l, i) => {
      const label = !l.condition && l.tier !== undefined ? withLead(l, i) : undefined;
      return label === undefined ? l : classify(l.range, label, risk);
    });
    // "Adultos - Homens: 13,5 a 17,5  Mulheres: 12,0 a 15,5": the second range is for adults too.
    for (let i = 1; i < labelled.length; i++) {
      const cur = labelled[i]!;
      const prev = labelled[i - 1]!;
      if (!cur.age && prev.age && cur.sex && prev.sex) cur.age = prev.age;
    }
    const unlabelled = labelled.filter((l) => l.label === '');
    if (opts.columnSexes && opts.columnSexes.length > 1 && unlabelled.length === labelled.length && labelled.length === opts.columnSexes.length) {
      labelled.forEach((l, i) => (l.sex = opts.columnSexes![i]));
    }
    out.push(...labelled);
  }
  // "Homens 35 a 44 anos: 160 a 449; 45 a 54 anos: 88,9 a 427": a sex printed with the first age band
  // heads a list of that sex's bands, so the bands after it that name no sex are its too. Such a list goes
  // up in age: a band younger than the sexed one before it ("Masc. ≥ 18a   Fem. ≥ 18a   12 a 17 anos",
  // columns by sex for adults, then by age for teenagers of either sex) is no part of it.
  for (let i = 1; i < out.length; i++) {
    const cur = out[i]!;
    const prev = out[i - 1]!;
    if (!cur.sex && cur.age && prev.sex && prev.age && cur.age.minMonths >= prev.age.minMonths) cur.sex = prev.sex;
  }
  // Ranges labelled by the letters H and M ("H 0,70-1,30 | M 0,50-1,00"): Homem and Mulher, so M is
  // the woman's here, not "masculino".
  const letter = (l: LabelledRange) => foldSameLength(l.label).replace(/[^a-z]/g, '');
  if (out.some((l) => letter(l) === 'h') && out.some((l) => letter(l) === 'm') && !out.some((l) => letter(l) === 'f'))
    for (const l of out) {
      if (letter(l) === 'h') l.sex = 'M';
      if (letter(l) === 'm') l.sex = 'F';
    }
  return out;
}

export type LabFlag = 'baixo' | 'normal' | 'alto' | 'indeterminado';

export function flagFor(value: number, r: Pick<Range, 'low' | 'high' | 'lowExclusive' | 'highExclusive'>, comparator: '<' | '>' | null = null): LabFlag {
  if (comparator === '<') {
    // "< 0,5" against "inferior a 1,0": every value it can be is inside; against a lower bound, unknown.
    if (r.low !== null && r.low > 0) return value <= r.low ? 'baixo' : 'indeterminado';
    if (r.high !== null && value > r.high) return 'indeterminado';
    return 'normal';
  }
  if (comparator === '>') {
    if (r.high !== null) return value >= r.high ? 'alto' : 'indeterminado';
    if (r.low !== null && value < r.low) return 'indeterminado';
    return 'normal';
  }
  if (r.low !== null && (value < r.low || (r.lowExclusive && value === r.low))) return 'baixo';
  if (r.high !== null && (value > r.high || (r.highExclusive && value === r.high))) return 'alto';
  return 'normal';
}

export interface Resolved {
  /** The range the value was compared with, or the span of the candidates when they disagree. */
  range: Range | undefined;
  flag: LabFlag | undefined;
}

/** Union of the "good" tiers ("Ótimo < 100" + "Desejável 100 a 129" → up to 129). */
function union(rs: Range[]): Range {
  const lows = rs.map((r) => r.low);
  const highs = rs.map((r) => r.high);
  const lowIdx = lows.includes(null) ? -1 : lows.indexOf(Math.min(...(lows as number[])));
  const highIdx = highs.includes(null) ? -1 : highs.indexOf(Math.max(...(highs as number[])));
  return {
    low: lowIdx < 0 ? null : lows[lowIdx]!,
    high: highIdx < 0 ? null : highs[highIdx]!,
    lowExclusive: lowIdx < 0 ? false : rs[lowIdx]!.lowExclusive,
    highExclusive: highIdx < 0 ? false : rs[highIdx]!.highExclusive,
    unit: rs.find((r) => r.unit)?.unit ?? null,
  };
}

function ageMatches(band: AgeBand, ageYears: number): boolean {
  const m = ageYears * 12;
  return m >= band.minMonths && m < band.maxMonths;
}

/**
 * Picks the range for this patient and flags the value. `unit` is the value's unit; a range printed
 * in another unit is not compared. Returns flag undefined when the text holds no usable range.
 */
export function resolveNumeric(ranges: LabelledRange[], value: number, unit: string | null, patient: Patient, comparator: '<' | '>' | null = null): Resolved {
  let cands = ranges.filter((r) => r.range.low !== null || r.range.high !== null);
  if (cands.length === 0) return { range: undefined, flag: undefined };
  // Hours alone label a newborn's hours of life; for a patient a year old or more they can only be the
  // time of day the sample was drawn at: a collection window, a condition like "Coleta 7 a 10 h".
  const pastInfancy = patient.ageYears !== undefined && patient.ageYears >= 1;
  const windowOf = (label: string) => collectionWindow(label, pastInfancy);
  if (pastInfancy)
    cands = cands.map((c) =>
      BARE_HOURS_OF_DAY.test(c.label.trim()) && Number(BARE_HOURS_OF_DAY.exec(c.label.trim())![2]) <= 24 ? { ...c, age: undefined, condition: true } : c,
    );
  // The cycle phase the report prints for the patient picks the phase's range.
  if (patient.cyclePhase && patient.sex !== 'M') {
    const phase = cands.filter((c) => cyclePhaseOf(c.label) === patient.cyclePhase);
    if (phase.length > 0) cands = phase;
  }
  // A range for risk groups that names them ("30 a 60 ng/mL: grupos de risco (idosos, gestantes,
  // lactantes, …)", vitamin D) is the range of a patient the report places in one of them, by her age
  // (idosos) or her pregnancy: it alone is her good range. Anyone else keeps the population's range (the
  // groups' range is then a condition, dropped below): the report cannot say who has osteoporosis.
  const groups = cands.filter((c) => {
    const f = foldSameLength(c.label);
    if (!RISK_GROUPS.test(f)) return false;
    // Chronic kidney disease is one of the risk groups (SBPC/ML-SBEM 2017): a label that lists groups must name it.
    const kidney = patient.kidneyDisease === true && (!/grupos?\s+de\s+risco[\s*]*[(:]\s*\p{L}/u.test(f) || /\brena(?:l|is)\b|\bdrc\b/.test(f));
    return (
      (c.age !== undefined && patient.ageYears !== undefined && ageMatches(c.age, patient.ageYears)) ||
      (patient.pregnant === true && PREGNANCY.test(f)) ||
      kidney
    );
  });
  if (groups.length > 0) cands = groups.map((c) => ({ ...c, tier: 'normal' as const, condition: false, age: undefined }));
  // Ranges by birth weight: the band holding the newborn's weight at birth printed in the header; the
  // weight unknown, every band stays (they disagree, and the flag says so).
  const byWeight = cands.filter((c) => weightBandOf(c.label) !== undefined);
  const grams = patient.birthWeightGrams;
  const ofWeight = grams === undefined ? [] : byWeight.filter((c) => grams >= weightBandOf(c.label)![0] && grams <= weightBandOf(c.label)![1]);
  if (ofWeight.length > 0) cands = ofWeight;
  // A pregnant patient is compared with the pregnancy range printed for her, of her trimester when
  // the ranges name trimesters: the ordinary range, or a bad tier beside it ("92 a 125: diabetes
  // gestacional"), is not hers. Everyone else keeps the ordinary ranges (below).
  let pregnancyChosen = false;
  if (patient.pregnant) {
    // A range labelled by its trimester alone ("1º trim.: 0,1 – 2,5") is a pregnancy range too, and so,
    // for a pregnant patient, is one labelled by weeks ("7 a 12 semanas"): weeks of her pregnancy, never
    // the age of an infant.
    const pregnancy = cands.filter(
      (c) =>
        PREGNANCY.test(foldSameLength(c.label).replace(/\bnao (?:gestantes?|gravidas?)\b/g, ' ')) ||
        trimesterOf(c.label) !== undefined ||
        weeksBandOf(c.label) !== undefined,
    );
    const weeks = patient.gestationWeeks;
    const trimester = weeks === undefined ? undefined : weeks < 14 ? 1 : weeks < 28 ? 2 : 3;
    // A bad tier that names her trimester ("92 a 125 mg/dL no 1º trimestre: diagnóstico de diabetes mellitus
    // gestacional" under "Referência para gestantes: inferior a 92", h1700) is a step of the scale printed for
    // every pregnant patient, no range of her trimester's: the trimester picks among good ranges only.
    const ofTrimester = pregnancy.filter((c) => trimesterOf(c.label) === trimester && c.tier !== 'other');
    const anyTrimester = pregnancy.filter((c) => trimesterOf(c.label) === undefined);
    // Ranges by weeks of pregnancy (beta-hCG): the band holding the printed weeks; bands printed without
    // overlap ("5 a 6", "7 a 8 semanas") hold their last week too. Weeks unknown: every band, which disagree.
    const byWeeks = pregnancy.filter((c) => weeksBandOf(c.label) !== undefined);
    const holding = (slack: number) =>
      byWeeks.filter((c) => {
        const b = weeksBandOf(c.label)!;
        return weeks !== undefined && weeks >= b.from && weeks < b.to + slack;
      });
    // Bad tiers that name a disease of pregnancy ("Diabetes mellitus gestacional: 92 a 125", "Diabetes
    // diagnosticado na gestação: ≥ 126" under "Normal: inferior a 92"), no other range naming it: the steps of
    // the one scale printed for her, never a pregnancy range beside an ordinary one. The scale is kept whole.
    // Not beside a range printed for women who are not pregnant, which is no scale of hers.
    const diseaseOnly =
      byWeeks.length === 0 &&
      pregnancy.length > 0 &&
      pregnancy.every((c) => c.tier === 'other') &&
      !cands.some((c) => /\bnao (?:gestantes?|gravidas?)\b/.test(labelOf(c)));
    if (byWeeks.length > 0) {
      const held = holding(0).length > 0 ? holding(0) : holding(1);
      cands = (held.length > 0 ? held : byWeeks).map((c) => ({ ...c, age: undefined }));
    } else if (pregnancy.length > 0 && !diseaseOnly) cands = ofTrimester.length > 0 ? ofTrimester : anyTrimester.length > 0 ? anyTrimester : pregnancy;
    pregnancyChosen = pregnancy.length > 0 && !diseaseOnly;
  }
  // A patient the report says smokes is compared with the range printed for smokers ("Fumantes: até 5,5");
  // everyone else keeps the ordinary one ("Não fumantes: até 3,8"), conditions being dropped below.
  let smokerChosen = false;
  const nonSmokers = cands.filter((c) => /\bnao (?:fumantes?|tabagistas?)\b/.test(labelOf(c)));
  const smokers = cands.filter((c) => /\b(?:fumantes?|tabagistas?)\b/.test(labelOf(c)) && !nonSmokers.includes(c));
  if (patient.smoker) {
    if (smokers.length > 0) {
      cands = smokers;
      smokerChosen = true;
    }
  } else if (patient.smoker === undefined && nonSmokers.length > 0 && smokers.length > 0) {
    // A report that does not say whether the patient smokes leaves both ranges his: a value between
    // them ("3,9" against "Não fumantes: até 3,8   Fumantes: até 5,5") cannot be placed.
    cands = [...nonSmokers, ...smokers].map((c) => ({ ...c, tier: undefined, condition: false }));
    smokerChosen = true;
  }
  // Goals by cardiovascular risk category, each a bound below which the value should stay ("Baixo risco:
  // < 130 / Risco intermediário: < 100 / Alto risco: < 70"): which one is the patient's is the doctor's call.
  // With the category not stated, each goal may be his, so only a value under all of them (`normal`) or over
  // all (`alto`: above the loosest, the low-risk goal, it is above whichever the doctor assigns) can be
  // placed; a value between goals (LDL 108) is `indeterminado`. With the category stated ("Risco CV: ALTO"),
  // that category's goal is the range. See riskGoals for what makes the printed tiers such goals.
  const goals = riskGoals(cands);
  if (goals) {
    const stated = patient.riskCategory ? goals.filter((c) => riskCategoryOf(c.label) === riskCategoryKey(patient.riskCategory!)) : [];
    cands = [...cands.filter((c) => !c.tier), ...(stated.length === 1 ? stated : goals).map((c) => ({ ...c, tier: undefined }))];
  }
  // An anticoagulated patient's INR is compared with the range printed for his treatment: the mechanical
  // valve's when the report names one, else the usual oral anticoagulation's. The untreated range ("sem
  // anticoagulação") is not his; a report that says nothing keeps the ordinary ranges.
  let anticoagulationChosen = false;
  if (patient.anticoagulation) {
    const valve = cands.filter((c) => MECHANICAL_VALVE.test(labelOf(c)));
    const oral = cands.filter((c) => ORAL_ANTICOAGULANT.test(labelOf(c)) && !/\b(?:sem|nao|nenhuma)\b/.test(labelOf(c)) && !MECHANICAL_VALVE.test(labelOf(c)));
    const chosen = patient.anticoagulation === 'mechanical_valve' && valve.length > 0 ? valve : oral;
    if (chosen.length > 0) {
      cands = chosen.map((c) => ({ ...c, tier: 'normal' as const, condition: false }));
      anticoagulationChosen = true;
    }
    // Whatever else is printed ("Faixa terapêutica: 2,0 a 3,0"), the untreated range is not the patient's.
    const treated = cands.filter((c) => !UNTREATED.test(labelOf(c)));
    if (treated.length > 0) cands = treated;
  }
  // Ranges by collection time: the ones whose hours hold the printed collection time.
  if (patient.collectionHour !== undefined && cands.some((c) => windowOf(c.label))) {
    const hour = patient.collectionHour;
    const kept = cands.filter((c) => {
      const w = windowOf(c.label);
      return !w || (hour >= w[0] && hour < w[1] + 1);
    });
    if (kept.length > 0) cands = kept;
  }
  // Conditions (pregnancy, cycle phase, collection time) only when nothing else is printed.
  if (!pregnancyChosen && !smokerChosen && !anticoagulationChosen && cands.some((c) => !c.condition)) cands = cands.filter((c) => !c.condition);
  // "Com jejum" / "Sem jejum": the one the printed fasting time says (8 h or more is fasting).
  if (patient.fastingHours !== undefined && cands.some((c) => /\b(com|sem) jejum\b/.test(foldSameLength(c.label)))) {
    const want = patient.fastingHours >= 8 ? 'com jejum' : 'sem jejum';
    const kept = cands.filter((c) => !/\b(com|sem) jejum\b/.test(foldSameLength(c.label)) || foldSameLength(c.label).includes(want));
    if (kept.length > 0) cands = kept;
  }
  // A post-menopause range is not this patient's when she is young or he is a man.
  if ((patient.ageYears !== undefined && patient.ageYears < 45) || patient.sex === 'M') {
    const notMenopause = cands.filter((c) => !/menopausa/.test(foldSameLength(c.label)));
    if (notMenopause.length > 0) cands = notMenopause;
  }
  // Sex first: "Homens 20 a 49 anos … Mulheres: …" bands only the men's ranges by age.
  // Columns by age band where one band is printed for one sex ("12–18 anos (fem.)") leave the other
  // bands everyone's: only the other sex's are dropped, the age picks among the rest.
  if (cands.some((c) => c.sex) && patient.sex && cands.every((c) => c.age)) cands = cands.filter((c) => !c.sex || c.sex === patient.sex);
  else if (cands.some((c) => c.sex) && patient.sex) {
    const matching = cands.filter((c) => c.sex === patient.sex);
    cands = matching.length > 0 ? matching : cands.filter((c) => !c.sex);
  }
  if (cands.some((c) => c.age)) {
    if (patient.ageYears !== undefined) {
      const matching = cands.filter((c) => c.age && ageMatches(c.age, patient.ageYears!));
      // A band inside another that holds the patient ("Acima de 70 anos" within "Adultos") is the one
      // printed for her age; the wider one is everyone else's.
      const inside = (a: AgeBand, b: AgeBand) =>
        a.minMonths >= b.minMonths && a.maxMonths <= b.maxMonths && (a.minMonths > b.minMonths || a.maxMonths < b.maxMonths);
      // Bands that share a printed year ("6 meses a 2 anos" over "2 a 6 anos", the first running through
      // the second's first year): a child past that birthday is in the band that starts at it.
      const sharesYear = (a: AgeBand, b: AgeBand) =>
        b.minMonths > a.minMonths && b.minMonths < a.maxMonths && a.maxMonths - b.minMonths <= 12 && b.maxMonths > a.maxMonths;
      const narrowest = matching.filter((c) => !matching.some((o) => o !== c && (inside(o.age!, c.age!) || sharesYear(c.age!, o.age!))));
      cands = narrowest.length > 0 ? narrowest : cands.filter((c) => !c.age);
    }
  }
  // A tier that says the patient is immune ("igual ou superior a 10 mUI/mL: reagente (imune)", an
  // anti-HBs) is the state wanted for that analyte: it alone is the good range, whatever the other
  // tiers say ("inferior a 10: não reagente" is no immunity, below it).
  const immune = cands.filter((c) => IMMUNE_TIER.test(foldSameLength(c.label).toLowerCase()));
  if (immune.length > 0 && immune.length < cands.length) cands = immune.map((c) => ({ ...c, tier: 'normal' as const }));
  if (cands.some((c) => c.tier)) {
    // Beside bad tiers only, the range without a tier is the good one: unlabelled, or labelled only by
    // its condition ("para gestantes: inferior a 92" over "92 a 125: diabetes gestacional").
    let good = cands.filter(
      (c) => c.tier === 'normal' || (!c.tier && !c.sex && !c.age && (c.label === '' || c.condition) && cands.every((o) => o.tier !== 'normal')),
    );
    if (good.length === 0) good = cands.filter((c) => c.tier === 'target');
    if (good.length === 0) return { range: undefined, flag: 'indeterminado' };
    // The good tiers are one range as their union, per condition: "Desejável com jejum: < 150" and
    // "Desejável sem jejum: < 175" are two ranges for two samples, never one up to 175.
    const byCondition = new Map<string, LabelledRange[]>();
    for (const g of good) byCondition.set(conditionOf(g), [...(byCondition.get(conditionOf(g)) ?? []), g]);
    cands = [...byCondition.values()].map((gs) => ({ ...gs[0]!, range: union(gs.map((g) => g.range)) }));
  }
  if (cands.length === 0) return { range: undefined, flag: undefined };
  const ranges2 = cands.map((c) => c.range);
  const rUnit = ranges2.find((r) => r.unit)?.unit ?? null;
  // A 24-hour collection's whole amount ("Volume total (24 h) 1.640 mL   VR: 800 a 2.000 mL/24 h") is its
  // amount per 24 hours: the range's unit with "/24 h" is the value's own.
  const perDay = rUnit && unit && /\/24h$/.test(normalizeUnit(rUnit) ?? '') && sameUnit((normalizeUnit(rUnit) ?? '').replace(/\/24h$/, ''), unit);
  if (rUnit && unit && !sameUnit(rUnit, unit) && !perDay) return { range: { ...union(ranges2), unit: rUnit }, flag: 'indeterminado' };
  const flags = new Set(ranges2.map((r) => flagFor(value, r, comparator)));
  const span = ranges2.length === 1 ? ranges2[0]! : spanOf(ranges2);
  return { range: span, flag: flags.size === 1 ? [...flags][0]! : 'indeterminado' };
}

function spanOf(rs: Range[]): Range {
  const lows = rs.map((r) => r.low).filter((x): x is number => x !== null);
  const highs = rs.map((r) => r.high).filter((x): x is number => x !== null);
  return {
    low: lows.length === rs.length ? Math.min(...lows) : null,
    high: highs.length === rs.length ? Math.max(...highs) : null,
    lowExclusive: false,
    highExclusive: false,
    unit: rs.find((r) => r.unit)?.unit ?? null,
  };
}

// ---- qualitative ----

/** Results written as words, longest first so "não reagente" wins over "reagente". */
export const QUALITATIVE_WORDS = [
  'nao reagente',
  'não reagente',
  'reagente',
  'fracamente reagente',
  'nao detectavel',
  'não detectável',
  'indetectavel',
  'indetectável',
  'detectavel',
  'detectável',
  'nao detectado',
  'não detectado',
  'detectado',
  'nao detectada',
  'não detectada',
  'detectada',
  // A mutation's genotype by PCR ("Resultado: HETEROZIGOTA   Referência: Não detectada").
  'heterozigoto',
  'heterozigota',
  'homozigoto',
  'homozigota',
  'negativo',
  'negativa',
  // A result of several samples said together ("Hemoculturas (duas amostras): negativas", a discharge summary).
  'negativos',
  'negativas',
  // Typed short by hand or by a narrow column ("Urina - glicose   Negativo   neg", a patient's spreadsheet).
  // Not "pos": "pós" opens a sample's time ("Glicose pós 75 g").
  'neg',
  'positivo',
  'positiva',
  'positivos',
  'positivas',
  'ausentes',
  'ausente',
  'presentes',
  'presente',
  'tracos',
  'traços',
  'raros',
  'raras',
  'raro',
  'rara',
  'numerosos',
  'numerosas',
  // The amount of a urine sediment's flora or mucus ("Flora bacteriana   Aumentada   Escassa").
  'escassos',
  'escassas',
  'escasso',
  'escassa',
  'aumentados',
  'aumentadas',
  'aumentado',
  'aumentada',
  'abundantes',
  'abundante',
  'alguns',
  'algumas',
  'limpido',
  'límpido',
  'limpida',
  'límpida',
  'ligeiramente turvo',
  'turvo',
  'turva',
  'amarelo citrino',
  'amarelo claro',
  'amarelo escuro',
  'amarelo ouro',
  'amarelo',
  'amarela',
  'citrino',
  'incolor',
  'normal',
].sort((a, b) => b.length - a.length);
const COLOUR_WORD = /^(?:amarel[oa]|citrino|incolor)/iu;
const ASPECT_AFTER_COLOUR = /^ (?:ligeiramente\s+)?(?:turv[oa]|l[ií]mpid[oa])(?![\p{L}])/iu;
const QUAL_RE = new RegExp(`^(${QUALITATIVE_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'iu');

// A molecular test's target named in capitals before whether it was detected ("MTB não detectado", a rapid
// molecular test for tuberculosis, "MTB DETECTADO BAIXO"): the code is part of the word result.
const TARGET_BEFORE_DETECTION = /^(?!n[aã]o\s)\p{Lu}{2,5}\s+(?=(?:n[aã]o\s+)?detectad[oa](?![\p{L}]))/iu;

const detectionTargetAt = (s: string): number => {
  const target = TARGET_BEFORE_DETECTION.exec(s);
  return target && /^\p{Lu}+$/u.test(target[0].trim()) ? target[0].length : 0;
};
const withoutDetectionTarget = (s: string): string => s.slice(detectionTargetAt(s));

/** A qualitative word at the start of `s`, with what follows it on the same token (a titre "1/8"). */
export function qualitativeAtStart(s: string): { text: string; consumed: number } | undefined {
  const lead = detectionTargetAt(s);
  const m = QUAL_RE.exec(s.slice(lead));
  if (!m) return undefined;
  let consumed = lead + m[0].length;
  // A urine's colour with its aspect one space after it ("Amarelo turvo", one cell of a column row) is
  // one result as printed: the aspect is no reference of the colour.
  const aspect = COLOUR_WORD.test(m[0]) ? ASPECT_AFTER_COLOUR.exec(s.slice(consumed)) : null;
  if (aspect) consumed += aspect[0].length;
  const titre = TITRE_AFTER_WORD.exec(s.slice(consumed));
  if (titre) consumed += titre[0].length;
  // A molecular assay's semi-quantitative load after its detection ("DETECTADO BAIXO", "Detectado muito baixo",
  // GeneXpert's grades): the load is part of the result, no lab mark for a value below its range.
  const load = DETECTED_WORD.test(m[0]) ? LOAD_AFTER_DETECTED.exec(s.slice(consumed)) : null;
  if (load) consumed += load[0].length;
  // A genotype's zygosity with what it is for and its alleles ("Heterozigoto (C/T)", "Homozigoto mutante (T/T)",
  // "HETEROZIGOTO C/T", a thrombophilia panel's PCR), and a wild type's alleles after "Normal" ("Normal (G/G)"):
  // one result as printed, the alleles no note to leave behind.
  const genotype = ZYGOSITY_WORD.test(m[0])
    ? ZYGOSITY_AFTER_WORD.exec(s.slice(consumed))
    : NORMAL_WORD.test(m[0])
      ? ALLELES_AFTER_WORD.exec(s.slice(consumed))
      : null;
  if (genotype) consumed += genotype[0].length;
  // A viral load detected under what the assay can count ("DETECTÁVEL ABAIXO DO LIMITE DE QUANTIFICAÇÃO", an HIV
  // load in SISCEL's words, h1984; "Detectado, inferior ao limite de quantificação"): one result, still detected.
  const unquantified = DETECTION_WORD.test(m[0]) ? UNDER_QUANTIFICATION.exec(s.slice(consumed)) : null;
  if (unquantified) consumed += unquantified[0].length;
  return { text: s.slice(0, consumed).trim(), consumed };
}

// Two alleles of a genotype, a slash between, in brackets or not ("(C/T)", "G/A"): each a base; or both glued in
// brackets ("(CT)").
const ALLELE_PAIR = String.raw`(?:\(\s*[ACGT]\s*\/\s*[ACGT]\s*\)|(?<![\p{L}\d/])[ACGT]\s*\/\s*[ACGT](?![\p{L}\d/])|\(\s*[ACGT]{2}\s*\))`;
/** A genotype's zygosity said in a word, a result of its own (the accounting's result words take it too). */
export const ZYGOSITY = String.raw`(?:heterozigot|homozigot)[oa]`;
const ZYGOSITY_WORD = new RegExp(String.raw`^\s*${ZYGOSITY}\s*$`, 'iu');
const NORMAL_WORD = /^\s*normal\s*$/iu;
const ZYGOSITY_AFTER_WORD = new RegExp(String.raw`^(?:\s+(?:mutad[oa]|mutante|normal|selvagem)(?![\p{L}]))?(?:\s*${ALLELE_PAIR})?`, 'iu');
const ALLELES_AFTER_WORD = new RegExp(String.raw`^\s*${ALLELE_PAIR}`, 'iu');
const ALLELE_PAIR_RE = new RegExp(ALLELE_PAIR, 'iu');
const ALLELE_PAIRS = new RegExp(ALLELE_PAIR, 'giu');

const DETECTED_WORD = /^\s*detectad[oa]\s*$/iu;
const LOAD_AFTER_DETECTED = /^\s(?:muito\s+baix[oa]|baix[oa]|m[eé]di[oa]|alt[oa])(?![\p{L}])/iu;
const DETECTION_WORD = /^\s*detect(?:ad[oa]|[aá]vel)\s*$/iu;
const UNDER_QUANTIFICATION = /^\s*,?\s*(?:abaixo|inferior|menor)\s+(?:d[oa]|a[o]?|que\s+o)\s+limite\s+(?:inferior\s+)?de\s+quantifica[cç][aã]o(?![\p{L}])/iu;

const foldQ = (s: string) =>
  foldSameLength(s)
    .replace(/\s+/g, ' ')
    .replace(/[^a-z0-9/ +]/g, '')
    .trim();

const ABSENCE_OF = /^aus[eê]ncia\s+de\s+\p{L}+(?:\s+\p{L}+){0,5}$/iu;
// A finding sentence that found nothing, as a stool exam's reference prints it ("Não foram encontrados ovos,
// cistos ou larvas de parasitas"): what must not be found, named, as "Ausência de parasitas" is.
// The sentence may stop at its verb, what was sought being the exam's name ("Helmintos" / "Ovos de Ascaris
// lumbricoides" / "Referência: Não foram encontrados", an app's card, h1678).
const NOTHING_FOUND = /^n[aã]o\s+(?:foram|foi)\s+(?:encontrad|observad|visualizad|detectad|identificad)[oa]s?(?:\s+\p{L}+(?:,?\s+\p{L}+){0,8})?$/iu;

// The titre a word reference stands for, in brackets ("Não reagente (títulos inferiores a 1/80)", "(título
// < 1:40"): a titre is no range of a value, the word is the reference.
const TITRE_CUTOFF_NOTE =
  /\s*\(\s*(?:t[ií]tulos?\s+)?(?:inferior(?:es)?\s+(?:a|de)|menor(?:es)?\s+(?:que|a|do\s+que)|abaixo\s+(?:de|a)|<)\s*1\s*[/:]\s*\d{1,5}\s*\)?[\s.;]*$/iu;

// The index cut-off a word reference stands for, in brackets ("Não reagente (índice inferior a 1,00)",
// "(S/CO < 1,0)"): an immunoassay's word is read from its index, the word is the reference.
const INDEX_CUTOFF_NOTE =
  /\s*\(\s*(?:[ií]ndice|s\/co|raz[aã]o|coi)\s*:?\s*(?:inferior\s+a|menor\s+(?:que|do\s+que)|abaixo\s+de|<)\s*\d+(?:[.,]\d+)?\s*(?:s\/co|coi)?\s*\)[\s.;]*$/iu;

// An immunoassay's tiers, each result word before its index band after a colon ("Não Reagente: Índice inferior a
// 1,00 | Reagente: Índice igual ou superior a 1,00", a LACEN's GAL printout, h1728), side by side or after bars.
const INDEX_TIER = /^(\p{L}[\p{L} ]*?)\s*:\s*(?:[ií]ndice|s\/co|raz[aã]o|coi)\s*:?\s*(.*\d.*)$/iu;
const BELOW_CUTOFF = /^(?:inferior\s+a|menor\s+(?:que|do\s+que)|abaixo\s+de|<)\s*\d+(?:[.,]\d+)?\s*(?:s\/co|coi)?\s*[.;]?$/iu;

/**
 * The word result an immunoassay's tiers of index bands take as the reference: the word of the band below the
 * cut-off ("Não Reagente" of "Não Reagente: Índice inferior a 1,00   Reagente: Índice igual ou superior a 1,00"),
 * as the word before an index cut-off in brackets is (INDEX_CUTOFF_NOTE). Undefined unless every tier is a word and
 * its index band, two of them or more, and one word's band is below the cut-off.
 */
export function indexTierWord(text: string): string | undefined {
  const tiers = text
    .trim()
    .split(/\s{2,}|\s*[|;]\s*/)
    .filter(Boolean)
    .map((t) => INDEX_TIER.exec(t));
  if (tiers.length < 2 || tiers.some((t) => t === null)) return undefined;
  const below = tiers.filter((t) => BELOW_CUTOFF.test(t![2]!.trim()));
  if (below.length !== 1) return undefined;
  const word = below[0]![1]!.trim();
  return qualitativeAtStart(word)?.consumed === word.length ? word : undefined;
}

// The detection limit a word reference names, in brackets ("NÃO DETECTADO (limite de detecção 10 mg/dL)"):
// a word result is read against the word; the limit bounds a level only when one is printed.
const DETECTION_LIMIT_NOTE = /(?<=\p{L})\s*\(\s*limite(?:\s+de\s+detec[cç][aã]o)?\s*:?\s*[^()]*?\d[^()]*\)[\s.;]*$/iu;

// The level a word reference stands for, in brackets with its unit ("NEGATIVO (INFERIOR A 6 MG/L)", a
// C-reactive protein's latex test): a word result is read against the word. The unit tells it from an
// index's bands ("Negativo (inferior a 0,9)"), which are no gloss. The note may name what it bounds, a
// culture's colony count in thousands ("Negativo (contagem inferior a 100.000 UFC/mL)").
const LEVEL_CUTOFF_NOTE =
  /(?<=\p{L})\s*\(\s*(?:\p{L}{3,}\s+){0,2}(?:inferior\s+a|menor\s+(?:que|do\s+que)|abaixo\s+de|at[eé]|<|≤)\s*\d+(?:\.\d{3})*(?:[.,]\d+)?\s*\p{L}{1,4}\s*\/\s*\p{L}{1,3}\s*\)[\s.;]*$/iu;

// A small amount accepted beside an absence ("ou discreta", "ou leve", "ou mínima").
const GRADE_ALTERNATIVE = /^(?:discret[oa]s?|leves?|m[ií]nim[oa]s?)$/iu;

/** The qualitative reference in a text ("Negativo", "Não reagente", "Ausentes"), if that is all it says. */
export function qualitativeReference(text: string): string | undefined {
  // A gloss in brackets after the word says what it means ("Negativo (ausência de parasitas)", "Não
  // reagente (anticorpos não detectados)"): the word is the reference. Numbers there are an index's
  // bands ("Negativo (inferior a 0,9)"), crosses a grade: no gloss.
  // The lab's mark after a reference in brackets ("(VR Negativo) ⚠️") is no part of it either.
  const t = text
    .replace(/(?:\s*\p{Extended_Pictographic}\uFE0F?)+\s*$/u, '')
    .replace(TITRE_CUTOFF_NOTE, '')
    .replace(INDEX_CUTOFF_NOTE, '')
    .replace(DETECTION_LIMIT_NOTE, '')
    .replace(LEVEL_CUTOFF_NOTE, '')
    // A gloss that says what is absent may end on the count it is absent below ("Negativa (ausência de
    // crescimento ou contagem inferior a 10.000 UFC/mL)", a urine culture): a gloss all the same.
    .replace(/(?<=\p{L})\s*\(\s*(?:aus[eê]ncia\s+de|sem)\s+\p{L}[^()]*\)?[\s.;]*$/iu, '')
    .replace(/(?<=\p{L})\s*\((?=[^()]*\p{L})[^()\d+]*\)?[\s.;]*$/u, '')
    .replace(/^[\s([]+|[\s).;\]]+$/g, '');
  // "Ausência de parasitas", "Ausência de sangue": what must not be found, named, is a negative.
  if (ABSENCE_OF.test(t) || NOTHING_FOUND.test(t)) return t;
  // A titre bound alone ("inferior a 1/80", "< 1:40", "até 1/20"): the sample must not react at that dilution, the
  // non-reactive word it stands for; a titre result is flagged by the bound itself (flagTitre).
  if (TITRE_BOUND_ALONE.test(t)) return 'Não reagente';
  const q = qualitativeAtStart(t);
  if (!q) return undefined;
  const rest = t.slice(q.consumed).trim();
  if (rest === '') return q.text;
  // Several accepted words: "Ausentes ou raras", "Negativo ou traços", "Amarelo citrino a amarelo claro".
  const more = /^(?:ou|a|\/|,|e)\s*/i.exec(rest);
  if (more && qualitativeReference(rest.slice(more[0].length))) return t;
  // The last word may name what it grades ("Ausente ou raros filamentos", a urine's mucus): one noun after it.
  const alt = more ? rest.slice(more[0].length) : '';
  const graded = more ? qualitativeAtStart(alt) : undefined;
  if (graded && /^\p{L}{3,}$/u.test(alt.slice(graded.consumed).trim())) return t;
  // The other accepted word may be a grade no result list holds ("Ausente ou discreta", a urine's
  // bacteria): after a word that is one, it is part of the reference, not a result of its own.
  if (more && GRADE_ALTERNATIVE.test(alt)) return t;
  return undefined;
}

const TITRE_BOUND_ALONE = /^(?:t[ií]tulos?\s*:?\s*)?(?:<|≤|inferior(?:es)?\s+a|menor(?:es)?\s+(?:que|do\s+que)|at[eé]|abaixo\s+de)\s*1\s*[/:]\s*\d{1,5}$/iu;

export type QualitativeFlag = 'normal' | 'alterado' | 'indeterminado';

export function flagQualitative(value: string, reference: string | undefined): QualitativeFlag {
  if (!reference) return 'indeterminado';
  // A genotype's alleles ("Heterozigoto (G/A)" against "Normal (G/G)") are one token, their slash no list's; against
  // a reference that prints none ("Normal"), the result's word alone is read.
  const joined = (s: string) => s.replace(ALLELE_PAIRS, (p) => ` ${p.replace(/[^ACGT]/giu, '')}`);
  if (!ALLELE_PAIR_RE.test(reference)) value = value.replace(ALLELE_PAIRS, '');
  reference = joined(reference);
  // The target's code before the detection word ("MTB não detectado") names what was sought, as the test's
  // name does: the word alone is read against the reference ("Não detectado").
  const v = foldQ(withoutDetectionTarget(joined(value)));
  reference = withoutDetectionTarget(reference);
  // Number and gender do not change the word ("Ausente" against "Ausentes", "Raros" against "raras",
  // "Amarela" against "Amarelo", "Límpida" against "Límpido").
  const norm = (s: string) =>
    s
      // A finding sentence that found nothing ("Não foram encontrados ovos ou cistos de parasitos") is a
      // negative result, as "Negativo" is; so is a culture that grew nothing ("Sem crescimento bacteriano").
      .replace(
        /^(ausentes?|negativ[oa]|nao reagente|nao detectavel|nao detectad[oa]|indetectavel|ausencia de .*|nao (?:foram|foi) (?:encontrad|observad|visualizad|detectad|identificad)[oa]s?(?: .*)?|sem crescimento(?: .*)?|nao houve crescimento(?: .*)?)$/,
        'neg',
      )
      .replace(/^(rar|numeros|algun|alguma|present|ausent|escass|aumentad|abundant|amarel|limpid|turv)(?:[oa]s?|es?|s)$/, '$1')
      // A haemoglobin phenotype printed with the haemoglobin's symbol ("Hb AA", "HbAS") is the phenotype the
      // reference names without it ("VR: AA", h1704).
      .replace(/^hb\s*([acdefs]{2})$/, '$1');
  // A negative sentence as the reference ("Não foram encontrados ovos, cistos ou larvas") is one negative, not
  // its nouns each an accepted result.
  const accepted =
    norm(foldQ(reference)) === 'neg'
      ? ['neg']
      : foldQ(reference)
          .split(/\s+(?:ou|a|e)\s+|\s*[/,]\s*/)
          .map((w) => w.trim())
          .filter(Boolean);
  return accepted.some((r) => norm(v) === norm(r) || v === r) ? 'normal' : 'alterado';
}

/** The words that lead a titre ("título 1:16", "Titulação: 1/32", "diluição 1/320"), as a pattern source. */
export const TITRE_WORD = String.raw`t[ií]tulos?|titula[cç][aã]o|dilui[cç][aã]o`;

// What follows a qualitative word on its token (qualitativeAtStart): a titre ("1/8", "título 1:16", "- TÍTULO
// 1/16", after a comma when its word leads it: "reagente, título 1/640", a sentence's form, h1958, its full stop
// too), or crosses ("2+", "(++)").
const TITRE_AFTER_WORD = new RegExp(
  String.raw`^\s*(?:\(?\s*(?:(?:[-–—,]\s*)?(?:${TITRE_WORD})\s*(?:de\s*)?:?\s*)?(?:1\s*[/:]\s*\d+|\d+\s*\+)\s*\)?(?:\.(?![\d\p{L}]))?|\(\s*\++\s*\)|\++)`,
  'iu',
);

/**
 * A titre with a colon after its word or a reactive result ("título 1:16", "Reagente 1:32", "Titulação: 1:8"):
 * the one pattern that keeps it from being read as a time of day (lines.ts isAdminLine, accounting.ts spans).
 */
const TITRE_COLON = new RegExp(String.raw`(?:${TITRE_WORD}|reagente|positivo)\W{0,3}(?:de\s*)?\(?\s*1\s*:\s*\d+`, 'giu');

// A titre with a colon printed alone after its name ("VDRL 1:16", "FAN   1:160"), its denominator a dilution
// (bareTitreAt); not a clock time after "às" ("às 1:20").
// The "1" comes first and its place is looked behind: a pattern that starts at its look-behind is tried at every
// position of a wide PDF line and rescans the blank run before it each time. On 2,000 lines of 430 characters (a name,
// a value, a tiered reference and "VDRL 1/16", each padded to its column; node --no-regexp-tier-up, 2026-12-05, a
// loaded 2-core machine): 2,930 ms that way, 2 ms this way; the whole corpus reads the same.
const NAMED_TITRE_COLON = /1(?<=\p{L}{2}\s*[:.]?\s+1)(?<!(?<![\p{L}])(?:[aà]s|hora|horas|h)\s+1)\s*:\s*\d{1,5}(?![\d:])/giu;

/** The text with its titres printed with a colon blanked, the same length, so that none is read as a time of day. */
export function withoutColonTitres(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return text.replace(TITRE_COLON, blank).replace(NAMED_TITRE_COLON, (m) => (bareTitreAt(m) ? blank(m) : m));
}

/**
 * The titre of a reactive result ("REAGENTE 1/8", "Reagente (título 1:16)", "Positivo até a diluição
 * 1/320", a titre alone "1/160"): the quantitative result a reader follows, as printed ("1/8", "1:16").
 * Undefined for a non-reactive word or a text without a titre.
 */
const TITRE = new RegExp(
  String.raw`^(?:(?:fracamente\s+)?(?:reagente|reativo|positivo)\s*[,:]?\s*)?\(?\s*(?:(?:[-–—]\s*)?(?:${TITRE_WORD})\s*(?:de\s*)?:?\s*|at[eé]\s+(?:a\s+)?dilui[cç][aã]o\s*(?:de\s*)?)?(1\s*([/:])\s*(\d+))\s*\)?\.?$`,
  'iu',
);

/**
 * A titre printed alone where a result stands ("VDRL   1/16", "FAN: 1/160", "VDRL 1:16"): the dilution the sample
 * still reacted at, so a reactive result as "Reagente 1/16" is. Its denominator is a doubling series from 1, 5 or 25
 * (2, 4 … 1024; 10, 20 … 5120; 50, 100 … 6400), which keeps other fractions out ("1/3 da dose"); a "/" or a digit
 * after it makes it a date's day and month ("1/12/2024"), a decimal mark a number's, a word one space on a count's
 * unit ("1 /100 leucócitos", "1/100 campos"), spaces around its mark no titre's.
 */
export function bareTitreAt(s: string): { text: string; consumed: number } | undefined {
  const m = BARE_TITRE.exec(s);
  if (!m) return undefined;
  let d = Number(m[2]);
  // A zero ("1:00", a clock time) is no dilution, and would halve for ever.
  if (d < 2) return undefined;
  while (d % 2 === 0) d /= 2;
  return d === 1 || d === 5 || d === 25 ? { text: `1${m[1]}${m[2]}`, consumed: m[0].length } : undefined;
}
const BARE_TITRE = /^1([/:])(\d{1,5})(?![\d/:]|[.,]\d|\s?\p{L})/u;

// Where a titre printed alone stands as a result: the line's start, a colon, a column break, a bar, or one space after
// a name's letters ("VDRL 1/16"); not after a bound's or a sentence's little word ("inferior a 1/80", "até 1/40",
// "diluir 1/2"), nor among the types a name lists ("HIV 1/2", "VIH 1/2", "HTLV 1/2"); after a reactive word the titre
// is that word's (qualitativeAtStart).
// It matches the titre's "1" and looks behind for its place, as NAMED_TITRE_COLON does (227 ms → 5 ms on the lines above).
const TITRE_PLACE =
  /1(?=\s*[/:]\s*\d)(?:(?<=(?:^\s*|:\s*|\s{2}|\t|\|\s*)1)|(?<=\p{L}{2}\s1)(?<!(?<![\p{L}])(?:hiv|vih|htlv|tipos?|at[eé]|de|que|diluir|dilu[ií]d[oa]|reagente|reativo|positivo)\s1))/giu;

/**
 * The label before a fraction that is no analyte's titre: the titre's own label ("Título: 1/16", under its reactive
 * result, which takes it: parse.ts titreUnderRow) and a page's or a screen's count ("Folha 1/2", "Laudo 1/2", "TELA 1/2").
 */
export const NO_TITRE_NAME = new RegExp(String.raw`(?:^|[^\p{L}])(?:${TITRE_WORD}|folhas?|fls?|p[aá]g(?:ina)?s?|page|tela|laudo|parte)\.?\s*[:=]?\s*$`, 'iu');

/**
 * The titres printed alone where a result stands (bareTitreAt), each with where it starts. Not a page's count at the
 * line's end after a footer's text, a sentence's full stop or a number of its own ("Laudo liberado … protocolo.
 * 1/2", "CRM/GO 19.031   1/2"): a name's cell ends in a letter or a bracket, and holds no number outside brackets.
 */
export function bareTitresIn(text: string): Array<{ text: string; at: number }> {
  const out: Array<{ text: string; at: number }> = [];
  for (const m of text.matchAll(TITRE_PLACE)) {
    const at = m.index;
    const titre = bareTitreAt(text.slice(at));
    if (!titre || NO_TITRE_NAME.test(text.slice(0, at))) continue;
    const before = text
      .slice(0, at)
      .replace(/(?:\s|[:|])*$/, '')
      .replace(/\([^()]*\)/g, '');
    const after = text.slice(at + titre.consumed);
    if (after.trim() === '' && /\d|[.]\s*$/.test(before)) continue;
    // An earlier sample's titre quoted with its date ("VDRL anterior: 1/32 em 03/2026") is history, no result.
    if (/^\s+(?:em|de)\s+\d/u.test(after)) continue;
    out.push({ text: titre.text, at });
  }
  return out;
}

export function titreOf(text: string): string | undefined {
  const m = TITRE.exec(text.trim());
  return m ? `1${m[2]}${m[3]}` : undefined;
}

/**
 * A titre's flag: against a non-reactive word reference ("Não reagente", "Negativo") any titre is
 * `alterado`; against a titre bound ("inferior a 1/40", "até 1:80") by its dilution; else unknown.
 */
export function flagTitre(titre: string, wordReference: string | undefined, referenceText: string | null): QualitativeFlag {
  const dilution = Number(/\d+$/.exec(titre)![0]);
  const bound = /(<=|≤|<|at[eé]|inferior(?:es)?\s+a|menor(?:es)?\s+(?:que|do\s+que))\s*1\s*[/:]\s*(\d+)/iu.exec(referenceText ?? '');
  if (bound) {
    const limit = Number(bound[2]);
    const inclusive = !/^(<|inferior|menor)/iu.test(bound[1]!);
    return dilution < limit || (inclusive && dilution === limit) ? 'normal' : 'alterado';
  }
  if (wordReference && /^(n[aã]o\s+reagente|n[aã]o\s+reativo|negativ[oa]|n[aã]o\s+detect[aá]vel|ausentes?)$/iu.test(wordReference.trim())) return 'alterado';
  return 'indeterminado';
}

// ---- is this text a reference? ----

// "Valores de referência por idade:", "Referência para adultos:": the phrase says what the ranges
// below depend on; it is part of the lead, not a label. "IBMP:" (índice biológico máximo permitido,
// occupational health) leads the limit of an exposure index ("IBMP: até 1,6"); followed by a bare value
// it is that limit itself, a range (RANGE_SRC). A drug level's therapeutic range ("Faixa terapêutica:
// 0,5 a 0,9 ng/mL") is its reference: a level above it is high. So is an occupational urine
// creatinine's valid-sample range ("Amostra válida: 0,3 a 3,0 g/L"): outside it the sample is not valid.
// A small lab's typed report leads it "VALOR NORMAL: NEGATIVO", "Valores normais: 70 a 99".
// A results app that imports a lab's PDF leads each row's range with "Faixa:" alone ("5,8 %   Faixa: 4,0–5,6").
// What the ranges depend on, alone with its colon, leads them too ("Por faixa etária:", "Conforme a idade:"),
// after whom they are for too ("Valores de referência (mulheres) por idade:").
// A panel's one range for all its rows says so ("Referência para cada alérgeno:", "… para todos os analitos:",
// "Valor de referência para todos:").
// A visual report's colour band ("[verde: 4,50 a 5,90]", its graph's legend saying the green band is the
// reference interval) leads its range as "Referência:" does.
// "por idade:" leads its ranges, its unit in brackets before the colon too ("por idade (ng/mL):").
// A lab app's plain-language card leads it "Faixa esperada para você:" (h1565), the range already the patient's.
// A typed note leads a word reference "normal:" in its bracket ("nitrito positivo (normal: negativo)").
// A relative typing in a family chat says what it must be ("anti hbs 8 (tem que ser acima de 10 pra estar
// protegido)", h1989).
const LEAD_RE =
  /^[\s\-–—(|[]*(?:amostra\s+v[aá]lida(?=\s*:)|valor(?:es)?\s+(?:de\s+)?refer[eê]ncias?|valores\s+referenciais|valor(?:es)?\s+norma(?:l|is)(?=\s*:)|(?:o\s+)?normal\s+(?:é|eh)(?=\s)|(?:tem|precisa|deve|deveria)\s+(?:que\s+|de\s+)?(?:ser|estar|ficar)(?=\s+(?:acima|abaixo|maior|menor|superior|inferior|entre|at[eé]|[<>≤≥]))|normal(?=\s*:\s*(?:n[aã]o\s+)?(?:negativ[oa]|reagente|reativ[oa]|ausentes?|detectad[oa])\s*\)?\s*$)|intervalo\s+de\s+refer[eê]ncia|intervalo(?=\s*:|\s{2,}|\s+\d)|(?:valor(?:es)?\s+|resultados?\s+)?esperad[oa]s?(?=\s*:)|faixa\s+de\s+refer[eê]ncia|faixa(?:\s+normal)?(?=\s*:)|faixa\s+esperada(?:\s+para\s+(?:voc[eê]|(?:o\s+)?senhor|(?:a\s+)?senhora|sua\s+idade|seu\s+sexo))?(?=\s*:)|(?:faixa\s+|legenda\s+)?verde(?=\s*:)|(?:faixa|intervalo|n[ií]ve(?:l|is)|concentra[cç][aã]o)\s+terap[eê]utic[oa]s?|refer[eê]ncias?|v\.?\s?r\.?(?![\p{L}])|ref\.?(?![\p{L}])|ibmp(?![\p{L}])(?!\s*(?:NR[-\s]?\d{1,2}\s*)?:?\s*\d)|(?:por|conforme|de\s+acordo\s+com|segundo)\s+(?:a\s+)?(?:idade|sexo|faixa\s+et[aá]ria)(?=\s*(?:\([^)]*\)\s*)?:))(?:\s*\([^)]*\)(?=\s+(?:por|segundo|conforme|de\s+acordo\s+com)\s))?(?:\s+(?:por|para|segundo|conforme|de\s+acordo\s+com)\s+(?:a\s+|o\s+)?(?:idade|sexo|g[eê]nero|faixa\s+et[aá]ria|adultos|crian[cç]as|m[eé]todo)(?![\p{L}])|\s+para\s+(?:cada\s+\p{L}+|tod[oa]s(?:\s+[oa]s\s+\p{L}+)?)|\s+[-–—](?=\s))?(?:\s*\([^)]*\))?\s*[:.]?\s*/iu;

/**
 * The short reference leads a cell or a bracket opens with ("VR", "V.R.", "Ref.", "Referência", "Valores
 * de referência"), as a source for the patterns that look for a lead inside a line.
 */
export const REFERENCE_LEAD_WORDS = String.raw`(?:v\.?\s?r\.?|ref(?:er[eê]ncia)?\.?|valor(?:es)?\s+de\s+refer[eê]ncia)`;

/** A reference lead that says its ranges are risk categories ("VR (risco cardiovascular):"). */
export const RISK_LEAD = /\brisco\b/iu;
const BARE_RISK_LABEL = /^(baixo|m[eé]dio|moderado|intermedi[aá]rio|alto|elevado)(?=\s*:)/iu;

/** Under a risk lead, a bare "Baixo:" / "Médio:" / "Alto:" names the risk, not the value: "Baixo risco:". */
export function asRiskTier(item: string): string {
  return item.replace(BARE_RISK_LABEL, '$1 risco');
}

// A bound's lead word after a bare number ("644    até 1.000 /mm³", "38   inferior a 50"): a range cannot
// run from a number into a bound, so the number is no part of the reference but a value beside it (a
// differential's count after its percentage). "até" is also a range's separator ("10 até 20"): only past a
// column gap is it a bound's lead.
const NUMBER_BEFORE_BOUND = new RegExp(
  String.raw`^\s*(${NUMBER})(?:\s{2,}at[eé]|\s+(?:inferior\s+a|superior\s+a|acima\s+de|abaixo\s+de|menor\s+(?:que|do\s+que)|maior\s+(?:que|do\s+que)|<=|>=|[<>≤≥]))\s*\d`,
  'iu',
);

/** The bare number at the head of a text that a bound follows ("644    até 1.000"), if any. */
export function numberBeforeBound(text: string): string | undefined {
  return NUMBER_BEFORE_BOUND.exec(text)?.[1];
}

/**
 * The bare number a joined reference text ("644 até 1.000 /mm³", its gaps closed) opens with, when the
 * printed line shows it before a bound's lead ("644    até 1.000"): a value, never the reference's.
 */
export function numberBeforeBoundIn(reference: string, line: string): string | undefined {
  const head = /^\s*(\d[\d.,]*)\s+(?=\S)/u.exec(reference)?.[1];
  if (head === undefined) return undefined;
  const at = line.search(new RegExp(String.raw`(?<![\d.,])${head.replace(/[.]/g, '\\.')}(?![\d.,]?\d)`, 'u'));
  return at >= 0 && numberBeforeBound(line.slice(at)) === head ? head : undefined;
}

// A section title's bracket saying one reference is every row's under it ("SOROLOGIAS (todas com ref. Não reagente)",
// "(referência para todos: Negativo)", a chat's summary of a panel).
const TITLE_ALL_REFERENCE = new RegExp(
  String.raw`\(\s*(?:(?:tod[oa]s|cada\s+um[a]?)\s+(?:com\s+)?(?:a\s+|o\s+)?${REFERENCE_LEAD_WORDS}|${REFERENCE_LEAD_WORDS}\s+(?:para|de)\s+(?:tod[oa]s|cada\s+um[a]?))\s*:?\s*([^()]*\p{L}[^()]*)\)`,
  'iu',
);

/** The reference a section title's bracket gives every row under it ("(todas com ref. Não reagente)"), if any. */
export function titleReferenceForAll(title: string): string | undefined {
  const m = TITLE_ALL_REFERENCE.exec(title);
  const ref = m?.[1]?.trim();
  return ref !== undefined && (qualitativeReference(ref) !== undefined || isReferenceText(ref)) ? ref : undefined;
}

/** Whether a reference's lead says its range is every row's of a panel ("Valor de referência para todos:", "… para cada alérgeno:"). */
export function isPanelReference(text: string): boolean {
  const m = LEAD_RE.exec(text);
  return m !== null && /\spara\s+(?:cada|tod[oa]s)(?![\p{L}])/iu.test(m[0]);
}

/** Strips "VR:", "Valores de referência (adultos):", "ref." at the start; says whether there was one. */
export function stripReferenceLead(text: string): { rest: string; lead: boolean } {
  const m = LEAD_RE.exec(text);
  if (!m) return { rest: text.trim(), lead: false };
  // A reference the lab closes in square brackets ("[ Referência: Não reagente ]"): the closing one is no
  // part of it.
  const rest = (m[0].includes('[') ? text.slice(m[0].length).replace(/\s*\]\s*$/u, '') : text.slice(m[0].length)).trim();
  // A therapeutic range is the one a level is kept in; the indication in brackets after it ("0,5 a 0,9
  // ng/mL (insuficiência cardíaca)") names whom it is for, no tier of its own.
  return { rest: /terap/i.test(m[0]) ? rest.replace(/(?<=\S)\s*\([^()\d]*\)$/u, '') : rest, lead: true };
}

/** Whether a label says only whom a range is for, a sex or an age ("(homens > 45 anos)", "(crianças)"): no tier nor condition. */
export function isWhomLabel(label: string): boolean {
  const l = classify({ low: null, high: null, lowExclusive: false, highExclusive: false, unit: null }, label.replace(/^\s*\(\s*|\s*\)\s*$/g, ''));
  return (l.sex !== undefined || l.age !== undefined) && l.tier === undefined && !l.condition;
}

/**
 * A label that qualifies a range (sex, age, tier, condition), not an analyte's name. With
 * `asName`, conditions do not count: "Pós-prandial: 150 mg/dL" is a result.
 */
export function isReferenceLabel(label: string, opts: { asName?: boolean } = {}): boolean {
  // In a name, "normal" after a slash is the second term of a ratio to the normal pool ("Relação
  // paciente/normal", "R pac./normal", a coagulation time), never a tier; nor is it after the plasma a mixing
  // study adds ("TTPa após mistura 1:1 com pool de plasma normal", "plasma normal"): the normal pool.
  // Nor is "alta" before "sensibilidade" a tier: it names the assay ("Troponina T alta sensibilidade").
  // Nor is a capital letter after the name's word a sex ("Hb F", "Hemoglobina M"): it names the fraction,
  // in brackets too ("Componente monoclonal (pico M)").
  const text = opts.asName
    ? label
        .replace(/\/\s*normal\b/giu, ' ')
        .replace(/\b(?:pool|plasma)\s+(?:de\s+plasma\s+)?normal\b/giu, ' ')
        .replace(/\balta\s+sensibilidade\b/giu, ' ')
        // Nor are a sperm morphology's terms tiers: "Formas normais" counts the normal forms, "peça intermediária"
        // is the midpiece ("Defeitos de peça intermediária", h1608).
        .replace(/(?<![\p{L}])(?:formas\s+normais|pe[cç]a\s+intermedi[aá]ria)(?![\p{L}])/giu, ' ')
        // Nor is "reagente" after a strip a tier: the reagent strip a urine is tested with names the method
        // ("Proteínas (fita reagente)", h1949; "Proteinúria (fita reagente)", h1952), as piece.ts reads it.
        .replace(/(?<![\p{L}])(?:fitas?|tiras?)\s+reagentes?(?![\p{L}])/giu, ' ')
        .replace(/(?<=\p{L}{2,}\s+)[FMH](?=\)?$)/u, ' ')
    : label;
  const l = classify({ low: null, high: null, lowExclusive: false, highExclusive: false, unit: null }, text);
  // An immunity tier ("imune: ≥ 10 UI/mL", a rubella IgG alone under it) labels a range too.
  return (
    l.sex !== undefined ||
    l.age !== undefined ||
    l.tier !== undefined ||
    (l.condition && !opts.asName) ||
    (UNTREATED.test(foldSameLength(text)) && !opts.asName) ||
    IMMUNE_TIER.test(foldSameLength(text)) ||
    weightBandOf(text) !== undefined
  );
}

/**
 * Whether `text` is nothing but reference: ranges (with labels) or a qualitative reference. With
 * `strictLabels`, every label must be a sex/age/tier/condition label (for a line standing on its
 * own, where "Beta HCG: < 2,0" is a result, not a reference).
 */
const REFERENCE_MEMO = new Map<string, boolean>();

export function isReferenceText(text: string, opts: { strictLabels?: boolean; dotIsDecimal?: boolean } = {}): boolean {
  const key = `${opts.strictLabels ? 1 : 0}${opts.dotIsDecimal ? 1 : 0}${text}`;
  const known = REFERENCE_MEMO.get(key);
  if (known !== undefined) return known;
  const is = referenceTextCheck(text, opts);
  if (REFERENCE_MEMO.size > 4000) REFERENCE_MEMO.clear();
  REFERENCE_MEMO.set(key, is);
  return is;
}

/**
 * A transcriber's mark of a digit it could not make out, right after the digits it could ("4,2[?]"). The
 * photo's margin cutting a bound after its decimal comma ("0,70 a 1,2[cortado]") leaves it as open: what
 * was lost can only be more decimals (or the unit), so the bound lies between 1,2 and 1,29. So does a
 * smudge glued to a bound's decimals ("até 1,2[borrado]", a photo's transcription): the digits before it were read.
 */
export const DOUBTFUL_DIGIT = /(?<=\d)\s?\[\s*\?\s*\]|(?<=\d,\d{1,3})\[\s*cortad[oa][^\]]*\]\s*$|(?<=\d,\d{1,3})\[\s*(?:borrad[oa]|ileg[ií]vel)\s*\]/gu;

/**
 * The margin cutting a reference in its unit, after the last bound's number ended ("17 a 49 mg/[cortado]",
 * "3,5 a 5,2 g/d[cortado]", "Maior que 60 mL/[cortado]", "17 a 49 [cortado]"): the range is whole, only the
 * unit was lost. Never right after a digit ("1[cortado]" may have been 10 or 100).
 */
export const CUT_UNIT = /(?<=\d)(?:\s+[^\s\d[\]]{0,8}|[^\s\d[\],.]{1,8})\[\s*cortad[oa][^\]]*\]\s*$/u;

// A transcriber's words that the rest of the text was lost ("o restante está cortado na borda da foto").
const CUT_NOTE = /(?<!\p{L})(?:cortad[oa]|ileg[ií]vel|borrad[oa]|apagad[oa])(?!\p{L})/iu;
// A range's first bound and its connector, the last bound missing ("40,0 a").
const RANGE_TO_BOUND = /\d\s*(?:a|-|–|at[eé])$/iu;

function referenceTextCheck(text: string, opts: { strictLabels?: boolean; dotIsDecimal?: boolean }): boolean {
  const { rest, lead } = stripReferenceLead(text);
  const cut = detectionLimitBound(withoutBoundInterval(rest))
    .replace(GRADE_NOTE, '')
    .replace(TIMES_LIMIT_NOTE, '')
    .replace(FASTING_HOURS_NOTE, '(jejum)')
    .replace(MEAL_HOURS, 'pós-prandial')
    // After a reference's lead, a note in brackets that explains the range ("Ref.: acima de 25 % (valores
    // menores associam-se a maior probabilidade de câncer)"): words with no number, what the range means.
    // Not the transcriber's note that the rest was cut, after a range ending at its "a" ("40,0 a (o restante
    // está cortado na borda da foto)"): without it the range would wait for a bound on the next line.
    .replace(lead ? /\s+\((?:[^()\d\s]+\s+){3,}[^()\d\s]+\)\s*$/u : /$^/, (note, at: number, all: string) =>
      CUT_NOTE.test(note) && RANGE_TO_BOUND.test(all.slice(0, at)) ? note : '',
    )
    // When to draw a drug level ("coletar no mínimo 6 h após a dose", "colher antes da próxima dose"): its
    // hours time the sample, no range of the level.
    .replace(lead ? DOSE_TIMING_NOTE : /$^/, '')
    .replace(lead ? VALUES_MEANING_NOTE : /$^/, '')
    // The titre a word reference stands for, in brackets ("Não reagente (títulos inferiores a 1/80)"): the
    // cut-off of a reactive result's titre, no range of another value.
    .replace(TITRE_CUTOFF_NOTE, '')
    // A transcriber's mark of a digit it could not make out at a number's end ("0,27 a 4,2[?]", the photo's
    // edge): the range as far as it was read (flagging.ts judges with the digit left open).
    .replace(DOUBTFUL_DIGIT, '')
    .replace(CUT_UNIT, '');
  // One range of several unreadable ("0 a [borrado] % | 0 a 100 /mm³"): the others are read around it.
  const t = withoutCutRanges(cut).replace(/^[\s(]+|[\s).;]+$/g, '');
  if (t === '') return lead;
  if (noRangeText(t)) return true;
  if (qualitativeReference(t)) return true;
  const found = findRanges(t, opts.dotIsDecimal ?? false);
  if (found.length === 0) return false;
  let masked = maskLabels(t);
  masked = masked.replace(AGE_BAND_GLOBAL, (s) => ' '.repeat(s.length)).replace(GRADE_NOTE, (s) => ' '.repeat(s.length));
  for (const f of [...found].reverse()) masked = masked.slice(0, f.start) + ' '.repeat(f.end - f.start) + masked.slice(f.end);
  if (/\d/.test(masked)) return false;
  // Every word around the ranges must be a reference label ("Homens", "Desejável", "1 a 9 anos",
  // "VR"): "Creatinina, em 2 dosagens: 1,4 e 1,5" is not a reference. A line standing on its own
  // needs this even after a lead-less label; text after a value needs it too.
  if (opts.strictLabels || !lead) {
    const labels = labelledRanges([t], { dotIsDecimal: opts.dotIsDecimal ?? false });
    // A sex letter that labelledRanges read as one ("H 0,70-1,30   M 0,50-1,00") is a label too.
    const sexLetter = (l: LabelledRange) => l.sex !== undefined && /^[hmf]$/i.test(l.label.replace(/[^\p{L}]/gu, ''));
    if (!labels.every((l) => l.label === '' || sexLetter(l) || isReferenceLabel(l.label) || stripReferenceLead(l.label).lead)) return false;
    // A field's label, a result word after its colon, then a column gap ("Urobilinogênio : Normal   Normal (até
    // 1,0 mg/dL)", a urine strip's row, the result then its reference): a result's row, though the word is a tier's.
    // A bound before the colon makes it a tier written range first ("Inferior a 10 mUI/mL: não reagente   Igual ou
    // superior a 10 mUI/mL: reagente"), no field.
    const field = /^([^:\d]+?)\s*:\s*(\p{L}[\p{L} ]*?)\s{2,}\S/u.exec(t);
    if (field && !isReferenceLabel(field[1]!) && !stripReferenceLead(t).lead && qualitativeAtStart(field[2]!)?.consumed === field[2]!.length) return false;
  }
  return true;
}

/**
 * A label alone with its colon, no range ("Gestantes (semanas após a DUM):", "Homens:", "Crianças (1 a 12
 * anos):"): the heading of the ranges printed under it.
 */
export function isReferenceHeading(text: string): boolean {
  const t = stripReferenceLead(text).rest;
  // The ages a heading is for are no range of a value ("Valores de referência para 12 a 18 anos:"), nor
  // is the trimester's ordinal ("Gestantes 1º trimestre:"); the band may open it ("Valores de referência - 10
  // a 19 anos:", over "Com jejum: < 90").
  return (
    /^[\p{L}\d][^:]*:$/u.test(t) &&
    !/\d/.test(
      t
        .replace(/\([^()]*\)/g, '')
        .replace(AGE_BAND_GLOBAL, ' ')
        .replace(ORDINAL_RE, ' '),
    ) &&
    isReferenceLabel(cleanLabel(t))
  );
}

// A transcriber's mark where a number could not be read: cut by the margin, illegible, smudged, rubbed out.
// A photo's edge is marked as where the text left the picture too ("[fora do enquadramento]", "[fora da foto]").
const UNREADABLE_MARK = String.raw`\[\s*(?:cortad[oa]|ileg[ií]vel|n[aã]o\s+leg[ií]vel|borrad[oa]|apagad[oa]|manchad[oa]|fora\s+d[oa]\s+(?:enquadramento|foto|imagem|quadro))`;

// A bound's word before a transcriber's mark in the number's place ("até [ilegível – dobra do papel]").
const ILLEGIBLE_BOUND = new RegExp(
  String.raw`^(?:at[eé]|inferior\s+a|superior\s+a|menor\s+(?:que|ou\s+igual\s+a)|maior\s+(?:que|ou\s+igual\s+a)|acima\s+de|abaixo\s+de|[<>≤≥])\s*(?=${UNREADABLE_MARK})`,
  'iu',
);

// What a transcriber says of a number it could not read whole.
const CUT_WORDS = String.raw`(?:cortad[oa]|ileg[ií]vel|borrad[oa]|apagad[oa])`;

// A range the margin cut inside its numbers ("5,0 a 1[cortado]", "Homens: 1[cortado]", "0,5 a [ilegível]",
// "13,[ilegível]"): a population's label, a first bound, then the mark where the rest was. What is left of
// the last number ("1", "13,") is no bound, so nothing of it is a range. (Cut after a decimal digit,
// "7,2[cortado]", the bound is read as open: DOUBTFUL_DIGIT.) The unit may follow the mark ("0 a [borrado] %"), and
// the transcriber's aside on why, in brackets of words alone ("0,4 a 4,[ilegível] (dobra do papel)"). Or the
// number trails off in an ellipsis before the transcriber's words ("150.000 a 4… — cortado na foto"). Or the
// edge took the whole last bound, the range ending at its "a" before the transcriber's note in brackets ("40,0 a
// (o restante está cortado na borda da foto)", a vision model's bullet): the upper bound is lost, no range.
const CUT_RANGE = new RegExp(
  String.raw`^(?:\p{L}[\p{L} ]*:\s*)?(?:(?:at[eé]|inferior\s+a|superior\s+a|acima\s+de|abaixo\s+de|[<>≤≥])\s*)?(?:\d[\d.,]*\s*(?:a|-|–|até)\s*)?(?:(?:\d+[.,]?)?${UNREADABLE_MARK}[^\]]*\](?:\s*[^\s\d[\]]{1,10})?(?:\s*\(\s*\p{L}[\p{L} ,–—-]{0,40}\)?)?|\d+[.,]?\d*(?:…|\.{3})\s*(?:[-–—,]\s*)?${CUT_WORDS}(?:\s+\p{L}+){0,4}|\(\s*\p{L}[^()\d]*?(?<!\p{L})${CUT_WORDS}[^()\d]*\)?)$`,
  'iu',
);

// A range whose last bound is a whole number below its first, ending the text ("15,0 a 1", "10,0 a 5", a
// screenshot's right margin cutting the column with no mark of it): no range is printed upside down, so the
// last bound is what the edge left of a longer number, cut inside its integer as "1[cortado]" is. A
// transcriber's note in brackets may follow it ("197 a 7 *(o restante está cortado na margem)*"), its closing
// bracket gone where the text's end was trimmed ("197 a 7 (cortado na foto", h1896).
const INVERTED_RANGE = new RegExp(String.raw`^(?:\p{L}[\p{L} ]*:\s*)?(${NUMBER})\s+(?:a|-|–|at[eé])\s+(\d+)(?:\s*\*?\([^()]*\)?\*?)?$`, 'iu');
const invertedRange = (t: string): boolean => {
  const m = INVERTED_RANGE.exec(t);
  // An identifier's long run of digits ("Pedido: 884120 - 3") is no bound.
  if (!m || /^\d{5,}$/.test(m[1]!)) return false;
  const low = parseBrNumber(m[1]!);
  return low !== undefined && Number(m[2]) < low;
};

export const isCutRange = (text: string): boolean => CUT_RANGE.test(text.trim()) || invertedRange(text.trim());

// Ranges side by side, one for each value of a row, parted by a bar, a semicolon or a column break ("0 a
// [borrado] % | 0 a 100 /mm³", a relative and an absolute count's).
const SIDE_BY_SIDE = /\s*[|;]\s*|\s{3,}/;

// An unreadable range among others is one whose start was read ("0 a [borrado] %", "até [ilegível]"): a
// mark alone in a cell of its own ("[ilegível]   0 a 1   0 a 200") may be a value's, not a range's.
const partlyReadRange = (piece: string): boolean => isCutRange(piece) && /[\d<>≤≥\p{L}]/u.test(piece.slice(0, piece.indexOf('[')));
// A mark alone after a range read is one too: the values stand before the ranges, so the mark in a later range
// column is that column's range ("2 a 10   [ilegível]" under "V. R. (%)   V. R. (/mm³)", a photo's shadow over the
// count's reference, h1781).
const MARK_ALONE = new RegExp(String.raw`^${UNREADABLE_MARK}[^\]\d]*\]$`, 'iu');
const unreadPiece = (piece: string, k: number, pieces: string[]): boolean =>
  partlyReadRange(piece) || (k > 0 && MARK_ALONE.test(piece.trim()) && pieces.slice(0, k).some((p) => findRanges(p, false).length > 0));

/**
 * The ranges printed side by side one for each value, when one of them could not be read ("0 a [borrado] %
 * | 0 a 100 /mm³"): each piece in its place, the unreadable one too. Undefined when none is unreadable.
 */
export function piecesWithCutRange(text: string): string[] | undefined {
  const pieces = text.split(SIDE_BY_SIDE).map((p) => p.trim());
  return pieces.length >= 2 && pieces.some((p, k) => unreadPiece(p, k, pieces)) ? pieces : undefined;
}

/** The text with each piece between its separators put through `each`, told whether it is an unreadable range, and where it starts. */
function mapUnreadPieces(text: string, each: (piece: string, unread: boolean, at: number) => string): string {
  const parts = text.split(new RegExp(`(${SIDE_BY_SIDE.source})`));
  const pieces = parts.filter((_, i) => i % 2 === 0).map((p) => p.trim());
  let at = 0;
  return parts
    .map((p, i) => {
      const out = i % 2 === 0 ? each(p, unreadPiece(p.trim(), i / 2, pieces), at) : p;
      at += p.length;
      return out;
    })
    .join('');
}

/** The text with each unreadable range among several blanked: no range, and no number of one either. */
const withoutCutRanges = (text: string): string =>
  piecesWithCutRange(text) ? mapUnreadPieces(text, (p, unread) => (unread ? ' '.repeat(p.length) : p)) : text;

// A goal set as an offset from another result's goal ("Meta: 30 mg/dL acima da meta do LDL-colesterol", "meta
// do LDL + 30 mg/dL", the non-HDL cholesterol's): its number is the offset, no bound, and the goal it adds
// to is the patient's risk category's. The line may wrap before the other result's name. It may be led by the
// name of the result it is the goal of ("Não-HDL: 30 mg/dL acima da meta de LDL", under the LDL's goals).
const GOAL_WORD = String.raw`(?:metas?|alvos?|objetivos?)`;
const GOAL_OFFSET = String.raw`\d{1,3}\s?(?:mg\/dl)?`;
const RELATIVE_GOAL = new RegExp(
  String.raw`^(?:(?:${GOAL_WORD}|\p{L}[\p{L}-]*(?: \p{L}[\p{L}-]*){0,2})\s*:\s*)?${GOAL_OFFSET} (?:acima|abaixo) d[aoe]s? ${GOAL_WORD}(?: d[aoe]s?(?: \p{L}[\p{L}-]*){0,4})?\.?$|^(?:${GOAL_WORD}\s*:\s*|(?:${GOAL_WORD}\s*:\s*)?(?:a )?${GOAL_WORD} d[aoe]s? )\p{L}[\p{L}-]*(?: \p{L}[\p{L}-]*){0,2} ?\+ ?${GOAL_OFFSET}\.?$`,
  'iu',
);

/** Whether the reference is a goal set as an offset from another result's goal: its number is no bound. */
export const isRelativeGoal = (text: string): boolean => RELATIVE_GOAL.test(text.trim());

// A scale drawn in text: its rule (dashes, or an app's box-drawing line "━━━"), its end caps ("|", "┣ ┫") and
// the mark where the value falls ("●").
const SCALE_MARKS = /[●○◆◇•▲▼]/gu;
const SCALE_RULE = String.raw`[-_=–—─━]`;

/**
 * A scale drawn in text under a result ("197 |--●------------| 771", "●|3,9 ---------->", an app's gauge "0,38
 * ┣━━━━━━━━━━┫● 5,33", "< 34 ━━━━━━━━━┫ ●"): the range's bounds at its ends and a mark where the value falls.
 * A picture of the result and its range, never a result of its own (its numbers are the range's bounds).
 */
// The words a drawn scale's bound is for, in brackets after it ("├━━━●━━┤ < 190 (desejável)", "> 40 ├━━●━━
// (desejável)"): what the range is, no part of the drawing.
const SCALE_LABEL = /(?<=[\d━─┤┫|])\s+\((\p{L}[\p{L} ]*)\)\s*$/u;

export function isScaleBar(printed: string): boolean {
  const t = printed.replace(SCALE_LABEL, '');
  return /^[\s\d.,|●○◆◇•▲▼<>=_–—─━┣┫├┤-]+$/u.test(t) && new RegExp(`${SCALE_RULE}{4}`, 'u').test(t) && /[|●○◆◇•┣┫├┤]/u.test(t) && numbersIn(t).length <= 2;
}

// A scale's bounds: the lower one at its left and the upper one at its right, or one bound with its comparator
// at the left ("> 3,9  ┣━━━●━━━", "< 190 ━━━●━━━┫"), the caps and the mark set aside.
// Or at the right, after the scale's end ("├━━━●━━┤ < 190", the scale drawn from nought).
const SCALE_BOUNDS = new RegExp(String.raw`^\s*(?:([<>≤≥])\s*)?(${NUMBER})?\s*[|┣├]?${SCALE_RULE}{4,}[|┫┤]?\s*(?:([<>≤≥])\s*)?(${NUMBER})?\s*$`, 'u');

/**
 * The range a scale drawn under a result pictures, when the report prints no other ("12,0 ┣━━●━━┫ 15,5", a
 * lab app's result card): "12,0 a 15,5", "< 34", "> 3,9"; "" when the scale shows no bound (a screenshot cut
 * it before its numbers: the lab gave a range, unseen here); undefined when its numbers say no range alone
 * ("●|3,9 ---->", a bound and an arrow).
 */
export function scaleBarRange(printed: string): string | undefined {
  if (!isScaleBar(printed)) return undefined;
  const label = SCALE_LABEL.exec(printed)?.[1];
  const t = printed.replace(SCALE_LABEL, '');
  const m = SCALE_BOUNDS.exec(t.replace(SCALE_MARKS, ''));
  if (!m) return undefined;
  const [, comparator, low, highComparator, high] = m;
  const labelled = (range: string) => (label ? `${range} (${label})` : range);
  if (!comparator && !highComparator && low && high) return labelled(`${low} a ${high}`);
  if (comparator && !highComparator && low && !high) return labelled(`${comparator} ${low}`);
  if (!comparator && highComparator && !low && high) return labelled(`${highComparator} ${high}`);
  return !comparator && !highComparator && !low && !high ? '' : undefined;
}

/**
 * The report says there is no reference ("Referência: não se aplica", "Sem valor de referência"), or a
 * transcription says the one printed cannot be read ("VR: ilegível — coberto pelo reflexo", "Ref.: [cortado na
 * foto]", "VR: [fora do enquadramento]", the photo's edge), or that the target is the patient's own ("Meta
 * conforme risco cardiovascular", "meta cf risco CV" (an SMS, h1670), "Ver meta conforme risco", "Metas terapêuticas de acordo com a categoria de
 * risco", "meta conforme categoria de risco
 * cardiovascular definida pelo médico", "a critério médico": an LDL goal runs from < 130 to < 50 mg/dL by risk;
 * not when it leads the risk tiers printed under it, "Meta conforme o risco cardiovascular:", nor when it points
 * to them, "Conforme categoria de risco (abaixo)"): either way no built-in range stands in for the lab's.
 */
export function noRangeText(text: string): boolean {
  // A transcription's own note in square brackets, that the photo cut the reference off ("[cortado na foto]").
  // The bound's number may be what could not be read ("até [ilegível – dobra do papel]", "< [cortado] U/L"): a
  // bound with no number is no range either, the word and the unit after the mark no number of one.
  const t = text
    .trim()
    .replace(ILLEGIBLE_BOUND, '')
    .replace(/^\[\s*(.*?)\s*\](?:\s+[^\s\d]+)?$/, '$1')
    // The note may name what it cannot read ("[referência ilegível - dobra do papel]", "*texto cortado na margem*").
    .replace(
      /^(?:(?:valor(?:es)?\s+de\s+)?refer[eê]ncias?|texto|trecho|parte)\s+(?=ileg[ií]vel|cortad[oa]|n[aã]o\s+(?:est[aá]\s+)?(?:leg[ií]vel|vis[ií]vel))/iu,
      '',
    )
    // Or say first why it cannot be read ("[dobra do papel, ilegível]", "[mancha – ilegível]", "[parte dobrada do papel,
    // não aparece]", h1870).
    .replace(
      /^\p{L}[\p{L} ]{0,40}?\s*[,;–—-]\s*(?=ileg[ií]vel|cortad[oa]|n[aã]o\s+(?:est[aá]\s+)?(?:leg[ií]vel|vis[ií]vel)|n[aã]o\s+aparecem?(?!\p{L}))/iu,
      '',
    );
  if (
    isCutRange(t) ||
    RELATIVE_GOAL.test(t) ||
    REFERENCE_NOT_COPIED.test(t) ||
    REFERENCE_NOT_PRINTED.test(t) ||
    OTHER_ROW_REFERENCE.test(t) ||
    BY_CHART_REFERENCE.test(t)
  )
    return true;
  // A note by letter the reference column points to that the report does not print (lettered-notes.ts:
  // "(t)" with the notes going from "(s)" to "(u)"): the lab gave a range, unseen here.
  if (/^nota\s*\(\p{L}\)\s+n[aã]o\s+impressa$/iu.test(t)) return true;
  // A scale drawn with no bound at either end ("┣━━━━━━━━", a screenshot cut under the value): a range unseen.
  if (scaleBarRange(t) === '') return true;
  // A goal by category whose cell wrapped before "de risco …" ("Meta conforme categoria" / "de risco
  // cardiovascular (SBC)" in a narrow reference column): a goal is only ever by the risk category.
  if (
    /^(?:metas?|alvos?|objetivos?)\s+(?:terap[eê]uticas?\s+)?(?:conforme|de acordo com|segundo)\s+(?:[oa]\s+)?(?:categoria|classifica[cç][aã]o|estratifica[cç][aã]o|estrato)$/i.test(
      t,
    )
  )
    return true;
  // "Não aplicável em amostra capilar", "ver curva de fototerapia por IG/horas": none stated, the reader sent to a
  // chart the report does not print. "Escondida na dobra da folha" (a vision model's note on a folded page, h1910): the
  // reference is there, hidden, as an illegible one is.
  // The goal may come with its article, in a sentence ("a meta depende do risco, a médica avalia", a chat's
  // typed result, h1612).
  // Or to a risk table in the lab's report that the copy leaves out ("ver tabela de risco no laudo", a patient's
  // spreadsheet, h1892); a table printed below ("ver tabela de risco abaixo") is read there.
  return /^(?:n[aã]o se aplica|n[aã]o aplic[aá]vel|(?:ver|vide|consultar)\s+(?:a\s+|o\s+)?(?:curva|nomograma|gr[aá]fico)\s+d[eao]|n[aã]o h[aá](?: valores?)?(?: de refer[eê]ncia)?|sem valor(?:es)? de refer[eê]ncia|n[aã]o estabelecid[oa]s?|vide (?:laudo|observa[cç][aã]o)|ver (?:laudo|observa[cç][aã]o)|ileg[ií]vel|n[aã]o (?:est[aá] )?leg[ií]vel|cortad[oa]s?|(?:escondid|encobert|cobert|tampad|ocult)[oa]s?|n[aã]o vis[ií]vel|n[aã]o aparecem?(?: n[ao] (?:foto|imagem|papel|print))?|fora d[oa] (?:enquadramento|foto|imagem|quadro)|(?:(?:ver|vide|veja|consult(?:ar|e))\s+(?:a\s+|as\s+)?)?(?:(?:[ao]s?\s+)?(?:metas?|alvos?|objetivos?)\s+(?:terap[eê]uticas?\s+|individualizadas?\s+)?)?(?:conforme|cf\.?|de acordo com|segundo|depende(?:nte)? d|tabela(?:\s+de)?)[oa]?\s+(?:[oa]\s+)?(?:(?:categoria|classifica[cç][aã]o|estratifica[cç][aã]o|estrato|faixa)\s+d[eo]\s+)?risco(?![^\n]*:\s*$)(?![^\n]*\b(?:abaixo|a seguir|tabela)\b)|a crit[eé]rio m[eé]dico)(?![a-zà-ÿ])/i.test(
    t,
  );
}

// A reference that sends the reader to another result of the panel ("Vide relação livre/total" beside a free PSA,
// whose ratio to the total has the range, h1850): this result has none of its own.
const OTHER_ROW_REFERENCE = /^(?:ver|vide|veja|consult(?:ar|e))\s+(?:[ao]\s+)?(?:rela[cç][aã]o|raz[aã]o|[ií]ndice)(?![\p{L}])[^\d]*$/iu;

// A newborn's bilirubin judged on a chart by its hours of life, which the report does not print ("Interpretar
// conforme horas de vida (nomograma de Bhutani)", a teaching hospital's neonatal report, h1920): no range stated.
const BY_CHART_REFERENCE =
  /^(?:(?:interpretar|avaliar|analisar|classificar)\s+)?(?:conforme|de acordo com|segundo|pel[oa])\s+(?:as\s+|[oa]\s+)?(?:horas\s+de\s+vida|(?:nomograma|curva|gr[aá]fico)(?![\p{L}]))(?![^\d]*:\s*$)[^\d]*$/iu;

// A transcriber's sentence, no number in it, that the photo cut the reference off or could not be read ("a
// parte de baixo da foto está cortada, não dá para ler"): the lab printed one, so no built-in range stands in.
const PHOTO_CUT_OFF =
  /^(?=[^\d]*$)(?=.*\b(?:foto|imagem|papel|margem|borda)\b).*?(?:(?:est[aá]|estava|ficou|foi|saiu)\s+(?:\p{L}+\s+)?cortad[oa]|cortou|n[aã]o\s+(?:d[aá]|deu)\s+(?:para|pra)\s+ler|n[aã]o\s+consigo\s+ler|n[aã]o\s+(?:est[aá]\s+|ficou\s+)?(?:leg[ií]vel|vis[ií]vel))/iu;

/** Whether a reference's text is a transcriber's sentence that the photo cut it off ("a parte de baixo da foto está cortada"). */
export const isPhotoCutOff = (text: string): boolean => PHOTO_CUT_OFF.test(text.trim());

// A patient's word that the lab's reference did not come with what was copied ("a referência dessas ficou na
// outra página que não copiou", "as referências não saíram"): the lab printed one, unseen here, so no
// built-in range stands in for it, as for one the photo cut off.
// The typist may say what it was and that they left it out ("a referencia tem aquela tabela de risco, nao copiei", h1888).
// A sentence with no number: one ending in a lower-case word is never open for the next message's result to go on it.
const REFERENCE_NOT_COPIED =
  /^(?=\D*$)(?:(?:a|as)\s+)?(?:valor(?:es)?\s+de\s+)?refer[eê]ncias?\b(?:,?\s+\p{L}+){0,6}?,?\s+(?:(?:ficou|ficaram|est[aá]|estava|est[aã]o|estavam)\s+)?(?:n[ao]\s+outra\s+p[aá]gina|em\s+outra\s+p[aá]gina|n[aã]o\s+(?:copiou|copiaram|copiei|digitei|saiu|sa[ií]ram|veio|vieram|apareceu|apareceram|aparece|aparecem))/iu;

// A typist's word that the paper printed no reference for this result ("essa não tinha referência no papel, ficou
// em branco", "a folha não trouxe referência", "referência em branco"): the report says there is none, as
// "Referência: não se aplica" does, so no built-in range stands in for the lab's.
// A sentence with no number, as above: the next message's result ("nao tinha referencia desses do lado, a folha
// da bioquimica é diferente" over "lactato 2,8 mmol/L (normal ate 2,0)", a family chat, h1921) never goes on it.
// Said as a sentence of its own after the value's ("LDL: 90 mg/dL. Aqui não tem número de referência, …", a
// transcript once its units in words are printed, h1868), its full stop before it.
const REFERENCE_NOT_PRINTED =
  /^(?=\D*$)(?:[.;]\s*)?(?:(?:mas|e)\s+)?(?:(?:ess[ea]|est[ea]|aqui|ali|l[aá]|(?:a|o|n[ao])\s+(?:folha|papel|laudo))\s+)?n[aã]o\s+(?:tinha|tem|tinham|t[eê]m|veio\s+com|trouxe|havia|h[aá]|saiu\s+com)\s+(?:nenhuma\s+)?(?:(?:valor(?:es)?|n[uú]meros?)\s+de\s+)?refer[eê]ncias?(?![\p{L}])|^(?:a\s+)?refer[eê]ncia\s+(?:(?:ficou|veio|estava|est[aá])\s+)?em\s+branco/iu;

// A typist's sentence that the reference follows, on the line under the result ("a referencia do psa é por idade,
// copiei igual:" over "40 a 49 anos ate 2,5 / 50 a 59 ate 3,5 / …", a family chat, h1947): the reference's word as
// its subject, a verb, no number, a colon at its end. It says what the ranges under it are, none of them itself.
const REFERENCE_ANNOUNCED =
  /^(?=\D*$)(?:(?:a|as)\s+)?(?:valor(?:es)?\s+de\s+)?refer[eê]ncias?\b(?:\s+d[oa]s?\s+\p{L}[\p{L}\d -]{0,30}?)?\s+(?:[eé]|s[aã]o|era|vem|veio|fica|est[aá])\s+[^:]*:$/iu;

/** Whether a line is a typist's sentence announcing the reference printed under it ("a referência do PSA é por idade, copiei igual:"). */
export const isReferenceAnnounced = (text: string): boolean => REFERENCE_ANNOUNCED.test(text.trim());

/** Where range expressions sit in a text ([start, end) pairs): numbers there belong to a reference. */
export function rangeSpans(text: string): Array<[number, number]> {
  const spans = findRanges(text, false).map((f): [number, number] => [f.start, f.end]);
  // What is left of an unreadable range among several ("0 a [borrado] %   0 a 100 /mm³") is the reference's too.
  if (piecesWithCutRange(text)) {
    mapUnreadPieces(text, (p, unread, at) => {
      if (unread) spans.push([at, at + p.length]);
      return p;
    });
  }
  return spans;
}

// Reactivity tiers abbreviated as a serology table's footnote spells them ("NR < 1,6 | Indet. 1,6 a 2,9 |
// R >= 3,0", "NR = não reagente; Indet. = indeterminado; R = reagente"): only with both "NR" and "R"
// leading a bound, so an "R" of another meaning is never taken for a tier.
const NR_TIER = /(?<![\p{L}\d])NR(?=\s*:?\s*(?:[<>≤≥]|\d))/gu;
const R_TIER = /(?<![\p{L}\d/.])R(?=\s*:?\s*(?:[>≥]|\d))/gu;
const INDET_TIER = /(?<![\p{L}\d])Indet\.?(?=\s*:?\s*(?:[<>≤≥]|\d))/giu;

// The same tiers spelled out, each leading its bound ("Não reagente: < 0,50 · Indet.: 0,50 a 0,59 · Reagente: ≥
// 0,60", h1814): the middle one may still be cut short.
const SPELLED_TIERS = /(?<![\p{L}])n[aã]o\s+reagente\s*:?\s*(?:[<>≤≥]|\d).*(?<![\p{L}])reagente\s*:?\s*(?:[<>≤≥]|\d)/iu;

/** The same text with abbreviated reactivity tiers written out ("NR < 1,6" → "Não reagente < 1,6"). */
export function spelledReactivityTiers(text: string): string {
  if (SPELLED_TIERS.test(text)) return text.replace(INDET_TIER, 'Indeterminado');
  if (!/(?<![\p{L}\d])NR\s*:?\s*(?:[<>≤≥]|\d)/u.test(text) || !/(?<![\p{L}\d/.])R\s*:?\s*(?:[>≥]|\d)/u.test(text)) return text;
  return text.replace(NR_TIER, 'Não reagente').replace(INDET_TIER, 'Indeterminado').replace(R_TIER, 'Reagente');
}

// An age band with its years abbreviated to "a" ("40–49 a até 2,5"), as a narrow column or a photo's
// transcription prints it: only before an upper bound's lead ("até", "<"), where an "a" cannot open the
// upper bound of a range.
const ABBREVIATED_AGE_BAND = /(?<![\d,.])(\d{1,2})\s*[-–]\s*(\d{1,3})\s*a\.?(?=\s*(?:at[eé]\s|<|≤))/gu;

// A band with each age abbreviated to "a" or "m" and its end left out ("6m a <2a:", "2a a <6a:", a
// paediatric portal's reference cell): only before its colon, where no range can stand.
const CLIPPED_AGE_BAND = /(?<![\p{L}\d,.])(\d{1,2})\s*([am])\s*(?:a|-|–)\s*(<\s*)?(\d{1,2})\s*([am])(?=\s*:)/gu;

// The last, open band of such a list with a plus for "or more" ("40-59a até 4,0 | 60-69a até 4,5 | 70a+ até 6,5",
// a lab bot's monospace reference line): "70 anos ou mais", before an upper bound's lead or a colon as above.
const OPEN_AGE_BAND = /(?<![\p{L}\d,.])(\d{1,3})\s*a\.?\s*\+(?=\s*(?:at[eé]\s|<|≤|:))/gu;

// A list of such bands that names the years on its first band alone ("40 a 49 anos ate 2,5 / 50 a 59 ate 3,5 / 60 a
// 69 ate 4,5", a PSA's reference typed into a family chat, h1947): each later band after the list's separator, before
// an upper bound's lead, is in years too. Only when a band in years so led opens the list: elsewhere "50 a 59" may
// be a range.
const FIRST_BAND_IN_YEARS = /(?<![\d,.])\d{1,2}\s*(?:a|[-–])\s*\d{1,3}\s*anos\s*:?\s*(?:at[eé]\s|<|≤)/iu;
const YEARS_CARRIED_BAND = /(?<=[/|;·]\s*)(\d{1,2})\s*(?:a|[-–])\s*(\d{1,3})(?=\s*:?\s*(?:at[eé]\s|<|≤))/giu;

/** The same text with such bands in full ("40 a 49 anos até 2,5", "6 meses a 23 meses:", "70 anos ou mais até 6,5"). */
export function spelledAgeBands(text: string): string {
  const first = FIRST_BAND_IN_YEARS.exec(text);
  const carried = first ? text.slice(0, first.index) + text.slice(first.index).replace(YEARS_CARRIED_BAND, '$1 a $2 anos') : text;
  return carried
    .replace(ABBREVIATED_AGE_BAND, '$1 a $2 anos')
    .replace(OPEN_AGE_BAND, '$1 anos ou mais')
    .replace(CLIPPED_AGE_BAND, (_, a: string, ua: string, lt: string | undefined, b: string, ub: string) => {
      const from = `${a} ${ua === 'a' ? 'anos' : 'meses'}`;
      // The end left out is the step before it: "<6a" after years is "5 anos", after months "71 meses".
      if (!lt) return `${from} a ${b} ${ub === 'a' ? 'anos' : 'meses'}`;
      const toMonths = Number(b) * (ub === 'a' ? 12 : 1) - 1;
      return ua === 'a' && ub === 'a' ? `${from} a ${Number(b) - 1} anos` : `${from} a ${toMonths} meses`;
    });
}
