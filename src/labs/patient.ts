// The patient's sex and age, which pick sex- and age-specific reference ranges. Read from the
// report's own header ("Sexo: F", "Idade: 45 anos", "Data de Nascimento: 14/05/1987", "DN:") and,
// where the report does not print them, from the job's input (`sex`, `birth_date`). The report wins
// when both are given: it is the lab's record of whom the sample came from, and a user may send a
// relative's report from their own account.
//
// Age is counted on the collection date printed on the report when there is one, else on `today`.
import { cyclePhaseOf, type CyclePhase, type Patient, type Sex } from './reference.ts';

export interface PatientInput {
  sex?: Sex | undefined;
  /** ISO date (YYYY-MM-DD). */
  birthDate?: string | undefined;
  /** The day the age is counted on when the report prints no collection date (ISO). */
  today?: string | undefined;
}

const BR_DATE = /(\d{1,2})\/(\d{1,2})\/(\d{2,4})/;

function brDate(s: string): Date | undefined {
  const m = BR_DATE.exec(s);
  if (!m) return undefined;
  let y = Number(m[3]);
  if (y < 100) y += y > 50 ? 1900 : 2000;
  const d = new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[1])));
  return Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[1]) ? undefined : d;
}

function isoDate(s: string | undefined): Date | undefined {
  if (!s || !/^\d{4}-\d{2}-\d{2}/.test(s)) return undefined;
  const d = new Date(`${s.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * The cycle phase from the day of the cycle the sample was taken on ("4º dia do ciclo", "Dia do ciclo:
 * 4", or the last period's date "DUM 08/06/2025" and the collection date): days 1 to 12 are follicular,
 * 17 to 35 luteal. Days 13 to 16 are left open (ovulation moves from cycle to cycle), and so is a day
 * past 35 (no ordinary cycle).
 */
function phaseOfDay(day: number): CyclePhase | undefined {
  if (day >= 1 && day <= 12) return 'folicular';
  if (day >= 17 && day <= 35) return 'lutea';
  return undefined;
}

function yearsBetween(birth: Date, on: Date): number {
  let years = on.getUTCFullYear() - birth.getUTCFullYear();
  let months = on.getUTCMonth() - birth.getUTCMonth();
  if (on.getUTCDate() < birth.getUTCDate()) months -= 1;
  if (months < 0) {
    years -= 1;
    months += 12;
  }
  if (years !== 0) return years + months / 12;
  // In the first year ranges go by days of life ("1 a 3 dias", "4 a 14 dias"): the days since the last
  // month's anniversary count, in the 30-day months age bands are read in (reference.ts), short of the next month.
  const anniversary = Date.UTC(birth.getUTCFullYear(), birth.getUTCMonth() + months, birth.getUTCDate());
  const days = Math.min(Math.max((on.getTime() - anniversary) / 86_400_000, 0), 29.99);
  return (months + days / 30) / 12;
}

// A newborn's weight at birth ("Peso ao nascer: 3.120 g", "Peso de nascimento: 2.870 g").
const BIRTH_WEIGHT = /\bpeso\s+(?:ao\s+nascer|de\s+nascimento|ao\s+nascimento)\s*[:\-]?\s*(\d\.\d{3}|\d{3,4})\s*(?:g|gramas)(?![\p{L}])/iu;

// A newborn's age printed in hours or days of life ("(50 horas de vida)", "36 h de vida", "3 dias de
// vida"), in the 30-day months age bands are read in.
const LIFE_AGE = /(?<![\d,.])(\d{1,3})\s*(h|horas?|dias?)\s+de\s+vida\b/iu;

// The label of a birth date: "Data de nascimento", "Dt. Nasc.", "Nasc.:", "DN". A fixed-width header's
// leader ("NASC. .....: 03/06/1947") is cleaned to "NASC : …", its dot with it: the colon still marks the label.
const BIRTH_LABEL = String.raw`(?:data\s+de\s+nascimento|data\s+nasc\.?|dt\.?\s*nasc\.?|nascimento|\bnasc(?:\.|(?=\s*:))|\bd\.?\s?n\.?)`;

const BIRTH_DATE = new RegExp(String.raw`${BIRTH_LABEL}\s*[:\-]?\s*(\d{1,2}\/\d{1,2}\/\d{2,4})`, 'i');

const MENOPAUSE_STATED = new RegExp(
  [
    // "Dados clínicos informados na coleta: …": who gave them may be said before the colon.
    String.raw`(?:informa[cç](?:[aã]o|[oõ]es)|dados|indica[cç][aã]o|hist[oó]ria|observa[cç][aã]o)\s+cl[ií]nic(?:as?|os)(?:\s+(?:informad|declarad|referid)[oa]s?(?:\s+n[ao]\s+\p{L}+)?)?\s*:.*\bmenopaus`,
    String.raw`\b(?:status|situa[cç][aã]o|estado)\s+(?:hormonal|menstrual|reprodutivo|menopausal)\s*:\s*(?:p[oó]s[-\s]?)?menopaus`,
    String.raw`\bmenopausa(?:da)?\s*(?::\s*sim\b|h[aá]\s+\d|desde\b)`,
    // "Informações: pós-menopausa (…)", "Obs.: paciente na pós-menopausa": what the lab was told of her, first.
    String.raw`\b(?:informa[cç](?:[aã]o|[oõ]es)|observa[cç](?:[aã]o|[oõ]es)|obs\.?)\s*:\s*(?:paciente\s+(?:na\s+|em\s+)?)?p[oó]s[-\s]?menopaus`,
  ].join('|'),
  'iu',
);

// The label of the last period: "DUM", "Data da última menstruação", "Última menstruação".
const LAST_PERIOD_LABEL = String.raw`(?<!\p{L})(?:DUM|(?:data\s+da\s+)?[uú]ltima\s+menstrua[cç][aã]o)\s*[:\-]?\s*`;
const LAST_PERIOD_DAY = new RegExp(String.raw`${LAST_PERIOD_LABEL}(\d{1,2}\/\d{1,2}\/\d{2,4})`, 'iu');

// The months by their first three letters, as reports abbreviate them (columns.ts heads a monthly panel's columns with them).
export const MONTHS = ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'];

// A last period given by its month only ("DUM fevereiro/2024", "DUM: 02/2024", "Última menstruação: fev de 2024"):
// too coarse for a day of the cycle, enough to tell a year without periods.
const LAST_PERIOD_MONTH = new RegExp(String.raw`${LAST_PERIOD_LABEL}(?:(\d{1,2})|(${MONTHS.join('|')})\p{L}*\.?)\s*(?:\/|\s+de\s+|\s+)(\d{4})(?![\d/])`, 'iu');

/** The last day of the month a period given by month only fell in: the latest it can have been. */
function lastPeriodMonthEnd(m: RegExpExecArray): Date | undefined {
  const month = m[1] !== undefined ? Number(m[1]) : MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
  if (month < 1 || month > 12) return undefined;
  return new Date(Date.UTC(Number(m[3]), month, 0));
}

const PREGNANCY_STATED =
  /(?:informa[cç](?:[aã]o|[oõ]es)|dados|indica[cç][aã]o|hist[oó]ria|observa[cç][aã]o)\s+cl[ií]nic[oa]s?\s*:.*?(?<![\p{L}-])(?:gestante|gr[aá]vida)(?![\p{L}])(?:\s*(?:[-–,]\s*|de\s+|com\s+)(\d{1,2})\s*(?:semanas?|sem\b))?/iu;

// The last period given as a time ago ("DUM há 22 meses", "Última menstruação há 2 anos") says the same.
const AMENORRHOEA_STATED =
  /(?:\bamenorr[eé]ia\s+(?:h[aá]\s+|de\s+|desde\s+h[aá]\s+)?|(?<!\p{L})(?:DUM|(?:data\s+da\s+)?[uú]ltima\s+menstrua[cç][aã]o)\s*[:\-]?\s*(?:h[aá]|fazem?)\s+)(\d{1,2})\s*(meses|m[eê]s|anos?)(?![\p{L}])/iu;

// A line that states the patient smokes: "Tabagista: sim", "Fumante: sim", "Tabagismo: sim (20 cigarros/dia)",
// "Tabagismo: tabagista ativo",
// "Informação clínica: tabagista há 30 anos". A range label ("Fumantes: até 5,5"), a denial ("Tabagista:
// não", "não fumante", "ex-tabagista", "sem tabagismo") never does.
const SMOKER_STATED = new RegExp(
  [
    String.raw`\b(?:tabagista|fumante|tabagismo)(?:\s+atual)?\s*:\s*sim\b`,
    // A record's smoking field answered with the status ("Tabagismo: tabagista ativo (40 maços-ano)").
    String.raw`\btabagismo\s*:\s*(?:tabagista|fumante)(?![\p{L}])`,
    String.raw`(?:informa[cç](?:[aã]o|[oõ]es)|dados|indica[cç][aã]o|hist[oó]ria|observa[cç][aã]o)\s+cl[ií]nicas?\s*:.*(?<![\p{L}-])(?:tabagista|fumante)(?![\p{L}])(?!\s*:)`,
  ].join('|'),
  'iu',
);
const SMOKER_DENIED = /\b(?:n[aã]o|sem|ex)[-\s]+(?:\p{L}+\s+)?(?:tabagis|fumant)/iu;
// A line that states the patient does not smoke: "Dados clínicos: não fumante", "Tabagista: não", "Nega
// tabagismo", "ex-tabagista". A range label ("Não fumantes: até 3,8") is none: it has no clinical lead.
const NON_SMOKER_STATED = new RegExp(
  [
    // A field left unanswered ("Tabagismo: não informado", "não consta") says nothing either way.
    String.raw`\b(?:tabagista|fumante|tabagismo)\s*:\s*(?:n[aã]o(?![\s-]+(?:informad|declarad|relatad|referid|consta|sabe|preenchid|avaliad|questionad|registrad|se\s+aplica))|nega|ex[-\s])`,
    String.raw`\bnega\s+(?:tabagismo|fumar)\b`,
    String.raw`(?:informa[cç](?:[aã]o|[oõ]es)|dados|indica[cç][aã]o|hist[oó]ria|observa[cç][aã]o)\s+cl[ií]nic[oa]s?\s*:.*(?<![\p{L}])(?:n[aã]o|ex)[-\s]+(?:tabagista|fumante)(?![\p{L}])(?!\s*:)`,
  ].join('|'),
  'iu',
);

// A line that says the patient is anticoagulated: a coumarin named anywhere (clinical information, a
// relative's message: "Ele toma marevan (varfarina)"), or a mechanical valve ("válvula aórtica mecânica",
// "a válvula dele é mecânica", "portador de prótese valvar mecânica"). A range label ("Prótese valvar
// mecânica: 2,5 a 3,5") is none: a number after its colon makes it a reference.
const ANTICOAGULANT_NAMED = /\b(?:varfarina|warfarina?|marevan|coumadin|femprocumona|marcoumar|acenocumarol)\b/iu;
const MECHANICAL_VALVE_STATED = /\b(?:v[aá]lvulas?|pr[oó]teses?(?:\s+valvar(?:es)?)?)\b[^.:;\d]{0,40}?\bmec[aâ]nicas?\b(?!\s*(?:\([^)]*\))?\s*:\s*\d)/iu;

// A field of the request that places the patient in a chronic kidney disease clinic or states the disease
// ("Setor: AMB. NEFROLOGIA (DRC PRÉ-DIALÍTICA)", "Consulta: … LINHA DE CUIDADO DRC", "Informação clínica:
// doença renal crônica"). A note that lists who is at risk ("pacientes com doença renal crônica pertencem
// aos grupos de risco") or a range label ("DRC estágio 3a: 45 a 59") is no such field.
const KIDNEY_DISEASE_STATED =
  /(?:setor|cl[ií]nica|ambulat[oó]rio|origem|consulta|unidade|informa[cç](?:[aã]o|[oõ]es)\s+cl[ií]nicas?|dados\s+cl[ií]nicos|diagn[oó]stico|indica[cç][aã]o|hip[oó]tese\s+diagn[oó]stica)\s*\.*\s*:[^:]*?(?<![\p{L}])(?:drc|doen[cç]a\s+renal\s+cr[oô]nica|insufici[eê]ncia\s+renal\s+cr[oô]nica|nefropatia\s+cr[oô]nica)(?![\p{L}])/iu;

// A field that states the patient's cardiovascular risk category ("Risco CV: ALTO", "Risco cardiovascular:
// intermediário", "Categoria de risco informada pelo médico solicitante: ALTO"), the category alone after
// the colon, the word "risco" around it or not ("ALTO RISCO", "risco alto"). A goals table's header ("Categoria
// de risco   LDL-c") or a tier with its range ("Alto risco: < 70") never is: no colon, or a number after the category.
// Nor is the first of the goals spoken after their lead, a comma between each category and its bound ("Metas
// conforme o risco cardiovascular: risco baixo, menor que 130. Risco intermediário, menor que 100.", a screen
// reader's speech, h1721): a bound after the comma makes it a tier.
const SPOKEN_BOUND_AFTER = String.raw`(?!\s*(?:[<>≤≥\d]|(?:menor|maior|inferior|superior|abaixo|acima|at[eé])(?!\p{L})))`;
export const RISK_CATEGORY_STATED = new RegExp(
  String.raw`(?<!\p{L})(?:risco\s+(?:cv|cardiovascular)|categoria\s+de\s+risco(?:\s+(?:cv|cardiovascular))?)(?:\s+(?:informad|definid|estimad|atribu[ií]d)[ao](?:\s+pel[oa]\s+[\p{L}\s()]{1,40}?)?)?\s*:\s*(?:risco\s+)?(muito\s+alto|alto|intermedi[aá]rio|baixo)(?:\s+risco)?(?!\p{L})\s*(?:[.;)]|,${SPOKEN_BOUND_AFTER}|$)`,
  'iu',
);

// A header field's label alone on its line, the value on the next ("Sexo:" / "Feminino", "Idade:" /
// "49 anos": a PDF copied on a phone, one cell a line).
// Only the patient's own fields: a range's lead alone on its line ("Referência por idade:") heads ranges.
const LABEL_ALONE =
  /^\s*(?:sexo|g[eê]nero|idade|data\s+(?:de\s+)?nasc(?:imento|\.)?|nasc(?:imento|\.)?|d\.?\s?n\.?|data\s+d[ae]\s+coleta|coleta|paciente|nome)\s*:\s*$/iu;

// The same labels with no colon, as a PDF's header table copied one cell a line prints them ("Sexo" /
// "Feminino", "Idade" / "61 anos", "Data de nascimento" / "22/07/1963"): only over a value of the field's
// own shape, so a column header of a range table ("Sexo" / "Idade" / "Intervalo") is never read as one.
const BARE_LABEL_VALUE: Array<[RegExp, RegExp]> = [
  [/^\s*(?:sexo|g[eê]nero)\s*$/iu, /^\s*(?:masculino|feminino)\s*$/iu],
  [/^\s*idade\s*$/iu, /^\s*\d{1,3}\s*anos?(?:\s+e\s+\d{1,2}\s+m[eê]s(?:es)?)?\s*$/iu],
  [/^\s*(?:data\s+(?:de\s+)?nasc(?:imento|\.)?|nascimento|data\s+d[ae]\s+coleta)\s*$/iu, /^\s*\d{1,2}\/\d{1,2}\/\d{2,4}(?:\s+\d{1,2}[:h]\d{2})?\s*$/u],
  // The patient's cycle phase the same way ("Fase do ciclo informada" / "Folicular (3º dia)", h1717): only over a line
  // that opens on a phase's word, so a phase range's own line ("Fase folicular: 3,5 a 12,5") is never its value.
  [
    /^\s*fase\s+(?:do\s+)?(?:ciclo|menstrual)(?:\s+(?:informada|declarada|considerada))?\s*$/iu,
    /^\s*(?:fase\s+)?(?:folicular|ovulat[oó]ri[oa]|l[uú]tea|p[oó]s[-\s]?menopausa|menopausa)\b[^\d:]*(?:\(\s*\d{1,2}\s*[º°ª]?\s*dia\s*\))?\s*$/iu,
  ],
  // The hours fasted the same way ("Tempo de jejum informado" / "4 horas", a portal's visit data copied one cell a
  // line, h1999): only over a number of hours alone, which picks a "Com jejum" / "Sem jejum" range.
  [/^\s*(?:tempo\s+de\s+)?jejum(?:\s+(?:informado|referido|declarado|relatado))?\s*$/iu, /^\s*\d{1,2}\s*(?:h|horas?)\s*$/iu],
];

// A clinical-information field whose line ends on a list's ';' or ',' ("Informações clínicas: em uso de varfarina
// 5 mg/dia (fibrilação atrial);" / "não fumante; controle de PSA.", h1610): the field goes on on the next line.
const CLINICAL_FIELD_OPEN = /(?:informa[cç](?:[aã]o|[oõ]es)|dados|indica[cç][aã]o|hist[oó]ria|observa[cç][aã]o)\s+cl[ií]nic[oa]s?\s*:.*[;,]\s*$/iu;

/** The lines as read for the patient's data: a label alone on its line is read with the value under it. */
function withLabelValues(lines: string[]): string[] {
  return lines.map((l, i) => {
    const next = lines[i + 1];
    if (next === undefined || next.trim() === '') return l;
    // Not when the next line opens a field of its own ("Medicamentos: …").
    if (CLINICAL_FIELD_OPEN.test(l) && !/^\s*[\p{L}\s.]{1,40}:/u.test(next)) return `${l.trimEnd()} ${next.trim()}`;
    if (BARE_LABEL_VALUE.some(([label, value]) => label.test(l) && value.test(next))) return `${l.trim()}: ${next.trim()}`;
    return LABEL_ALONE.test(l) && !LABEL_ALONE.test(next) ? `${l.trim()} ${next.trim()}` : l;
  });
}

const BIRTH_DATES = new RegExp(BIRTH_DATE.source, 'gi');

export function readPatient(lines: string[], input: PatientInput = {}): Patient {
  let sex: Sex | undefined;
  let age: number | undefined;
  let birth: Date | undefined;
  let collected: Date | undefined;
  let fasting: number | undefined;
  let hour: number | undefined;
  let phase: CyclePhase | undefined;
  let cycleDay: number | undefined;
  let lastPeriod: Date | undefined;
  let lastPeriodMonth: Date | undefined;
  let pregnant = false;
  let weeks: number | undefined;
  let smoker = false;
  let nonSmoker = false;
  let anticoagulation: Patient['anticoagulation'];
  let kidneyDisease = false;
  let lifeMonths: number | undefined;
  let birthWeight: number | undefined;
  let riskCategory: string | undefined;
  // A header's label padded with dots to its colon ("Sexo..: Masculino", "Nascimento..: 21/07/1979") is the
  // same label: a leader too short for the line reader to take as one.
  for (const line of withLabelValues(lines).map((l) => l.replace(/(\p{L})\s*\.{2,}\s*:/gu, '$1:'))) {
    const risk = RISK_CATEGORY_STATED.exec(line);
    if (risk) riskCategory ??= risk[1]!.toLowerCase().replace(/\s+/g, ' ').replace('á', 'a');
    if (KIDNEY_DISEASE_STATED.test(line) && !/grupos?\s+de\s+risco/iu.test(line)) kidneyDisease = true;
    if (MECHANICAL_VALVE_STATED.test(line)) anticoagulation = 'mechanical_valve';
    else if (ANTICOAGULANT_NAMED.test(line)) anticoagulation ??= 'oral';
    if (SMOKER_STATED.test(line) && !SMOKER_DENIED.test(line)) smoker = true;
    else if (NON_SMOKER_STATED.test(line)) nonSmoker = true;
    // "GESTANTE - DUM: 20/03/2024 - IG na coleta: 11 semanas", "IG informada: 8 semanas", "Gestante: sim", "Idade gestacional: 24
    // semanas": the patient is pregnant. A reference line ("Gestantes: 0,1 a 2,5") is none of these.
    // The days after the weeks ("9 semanas e 2 dias", "IG: 24 sem 3 d") place a week's last days: a band of weeks ends there.
    // Printed compact too ("IG 11s2d"): the week's "s" glued to the days. The field may say both who gave it and
    // when ("IG informada na coleta: 22 semanas e 3 dias", a portal's patient card, h1776).
    const ig =
      /\b(?:IG|idade\s+gestacional)\b(?:\s+(?:na\s+coleta|informada|calculada|estimada)){0,2}\s*[:\-]?\s*(\d{1,2})\s*(?:semanas?|sem\b|s(?!\p{L}))(?:\s*(?:e\s*)?([0-6])\s*(?:dias?|d\b))?/iu.exec(
        line,
      );
    if (ig && weeks === undefined) {
      weeks = Number(ig[1]) + (ig[2] === undefined ? 0 : Number(ig[2]) / 7);
      pregnant = true;
    }
    // A clinical-information field that says so ("Dados clínicos: GESTANTE - 30 SEMANAS (DUM …)", "Informação
    // clínica: gestante de 12 semanas"), with the weeks after the word; a denial ("não gestante") never.
    const stated = PREGNANCY_STATED.exec(line);
    if (stated && !/\bn[aã]o[-\s]+gestante/iu.test(line)) {
      pregnant = true;
      if (stated[1] !== undefined && weeks === undefined) weeks = Number(stated[1]);
    }
    // A pregnancy field with the weeks after its yes ("Gestante: Sim - 26 semanas (DUM informada em …)"): the weeks
    // place the trimester. A reference label is plural, gives a band or a colon after the weeks ("Gestantes: …",
    // "Gestante: 9 a 12 semanas", "Gestante: 10 semanas: 25.700 a …").
    const fieldWeeks = /(?:^\s*|\s\s|\|\s*)(?:paciente\s+)?gestante\s*[:\-]\s*(?:sim\b\s*[-–,(]?\s*)?(\d{1,2})\s*(?:semanas?|sem\b)(?!\s*:)/iu.exec(line);
    if (fieldWeeks && weeks === undefined) {
      weeks = Number(fieldWeeks[1]);
      pregnant = true;
    }
    // The statement may be a cell of its own on a line of patient data ("SEXO: F    GESTANTE - DUM: …").
    if (
      /(?:^\s*|\s\s|\|\s*)(?:paciente\s+)?gestante(?:\s*[:\-]\s*sim\b|\s*[-–]\s|\s*$)/iu.test(line) &&
      (!/\d/.test(line) || /\b(?:DUM|IG)\b|semanas/i.test(line))
    )
      pregnant = true;
    // "Fase do ciclo informada: folicular (3º dia)", "Fase do ciclo: lútea": the patient's phase,
    // never a range label ("Fase folicular: 2,4 a 12,6" has no "ciclo").
    // The lab may say which phase it read the ranges by ("FASE DO CICLO CONSIDERADA PARA INTERPRETAÇÃO: LÚTEA").
    const p =
      /\bfase\s+(?:do\s+)?(?:ciclo|menstrual)(?:\s+(?:informada|declarada|considerada(?:\s+para\s+(?:a\s+)?interpreta[cç][aã]o)?))?\s*:\s*([\p{L}\s-]+)/iu.exec(
        line,
      );
    if (p && !phase) phase = cyclePhaseOf(p[1]!);
    // The day of the cycle's field may name its phase after the day ("Dia do ciclo na coleta: 3º dia - FASE
    // FOLICULAR"): the patient's phase as well.
    const dayPhase = /\bdia\s+(?:do\s+)?ciclo\b[^:]{0,30}:\s*(?:\d{1,2}\s*[º°ª]?\s*(?:dia\s*)?)?[-–,(]?\s*(fase\s+\p{L}+)/iu.exec(line);
    if (dayPhase && !phase) phase = cyclePhaseOf(dayPhase[1]!);
    // "Informação clínica: menopausa há 6 anos", "Status hormonal: pós-menopausa", "Menopausa: sim": the
    // patient is past menopause, which picks the post-menopause range as a printed phase does. Only a
    // line that states it of the patient counts (a clinical-information or status label, a time since
    // it, a yes): a range label ("Pós-menopausa: até 54,7", "Pós-menopausa (sem TRH):") never does,
    // nor a denial ("sem menopausa", "Menopausa: não") or the time before it ("pré-menopausa"); what
    // follows it ("menopausa há 6 anos, sem terapia hormonal") does not deny it.
    // Amenorrhoea for twelve months or more ("amenorreia há 14 meses", "amenorréia de 2 anos") is the
    // definition of menopause: the post-menopause range applies as when the report names it.
    const amenorrhoea = AMENORRHOEA_STATED.exec(line);
    if (!phase && amenorrhoea && Number(amenorrhoea[1]) * (/^m/i.test(amenorrhoea[2]!) ? 1 : 12) >= 12) phase = 'menopausa';
    if (!phase && MENOPAUSE_STATED.test(line) && !/\b(?:n[aã]o|sem|pr[eé])[-\s]+(?:\p{L}+\s+)?menopaus|menopausa\s*:\s*n[aã]o\b/iu.test(line))
      phase = 'menopausa';
    // The field may say who gave the day ("Dia do ciclo informado: 2º dia", as "Jejum informado" does), and
    // when, in either order ("Dia do ciclo informado na coleta: 3º dia", h1687).
    const day =
      /(\d{1,2})\s*[º°ª]?\s*(?:o\s+)?dia\s+(?:do\s+)?(?:ciclo|ciclo\s+menstrual)\b/iu.exec(line) ??
      /\bdia\s+(?:do\s+)?ciclo(?:\s+menstrual)?(?:\s+(?:(?:na|da)\s+coleta|(?:informad|declarad|referid|relatad)[oa])){0,2}\s*:?\s*(\d{1,2})(?!\d)/iu.exec(
        line,
      );
    if (day && cycleDay === undefined) cycleDay = Number(day[1]);
    const dum = LAST_PERIOD_DAY.exec(line);
    if (dum && !lastPeriod) lastPeriod = brDate(dum[1]!);
    const dumMonth = dum ? null : LAST_PERIOD_MONTH.exec(line);
    if (dumMonth && !lastPeriod && !lastPeriodMonth) lastPeriodMonth = lastPeriodMonthEnd(dumMonth);
    const s = /\bsexo\s*(?:\/\s*idade)?\s*[:\-]?\s*(masculino|feminino|masc\.?|fem\.?|m|f)(?![\p{L}])/iu.exec(line);
    if (s && !sex) sex = /^m/i.test(s[1]!) ? 'M' : 'F';
    // A report translated into English by the photo's reader says it in English ("Sex: Male", "**Sex:** Female").
    const en = /\bsex\s*:\s*(?:\*\*\s*)?(male|female)\b/iu.exec(line);
    if (en && !sex) sex = /^m/i.test(en[1]!) ? 'M' : 'F';
    const a = /\bidade\s*(?:\/\s*sexo)?\s*[:\-]?\s*(\d{1,3})\s*(?:a(?:nos?)?|anos?)\b(?:\s*(\d{1,2})\s*m(?:eses)?\b)?/i.exec(line);
    if (a && age === undefined) age = Number(a[1]) + (a[2] ? Number(a[2]) / 12 : 0);
    const weight = BIRTH_WEIGHT.exec(line);
    if (weight && birthWeight === undefined) birthWeight = Number(weight[1]!.replace('.', ''));
    const life = LIFE_AGE.exec(line);
    if (life && lifeMonths === undefined) lifeMonths = Number(life[1]) / (/^h/i.test(life[2]!) ? 720 : 30);
    const b = BIRTH_DATE.exec(line);
    if (b && !birth) birth = brDate(b[1]!);
    // The age the lab printed in brackets after the birth date ("Nascimento: 21/07/1979 (45 anos)") is the
    // age on the collection day, which the birth date alone only gives against the date the report is read.
    const printedAge = b ? /^\s*\(\s*(\d{1,3})\s*anos?\s*\)/iu.exec(line.slice(b.index + b[0].length)) : null;
    if (printedAge && age === undefined) age = Number(printedAge[1]);
    const c = /(?:coleta|colhido|colhida|data\/hora\s+coleta|recebimento|data)\b[^0-9\n]{0,25}(\d{1,2}\/\d{1,2}\/\d{2,4})/i.exec(
      line.replace(/\b(?:DUM|data\s+da\s+[uú]ltima\s+menstrua[cç][aã]o)\s*[:\-]?\s*\d{1,2}\/\d{1,2}\/\d{2,4}/giu, '').replace(BIRTH_DATES, ''),
    );
    if (c && !collected) collected = brDate(c[1]!);
    // The hour of the collection ("Coleta: 24/06/2025 08:05", "Coleta: 30/06/2025, 07h40", "coleta às 08:05",
    // "Horário da coleta: 08:10").
    const h =
      /\b(?:coleta|colhido|colhida|coletad[oa]|data\/hora\s+coleta)\b[^0-9\n]{0,25}\d{1,2}\/\d{1,2}\/\d{2,4}[,\s]*(?:(?:às|as|-)\s*)?(\d{1,2})[:h]\d{2}\b/iu.exec(
        line,
      ) ??
      /\b(?:coleta|colhido|colhida)\s+(?:às|as)\s+(\d{1,2})[:h]\d{2}\b/iu.exec(line) ??
      /\b(?:hor[aá]rio|hora)\s+d[ae]\s+coleta\s*:?\s*(\d{1,2})[:h]\d{2}\b/iu.exec(line);
    if (h && hour === undefined && Number(h[1]) < 24) hour = Number(h[1]);
    // "Jejum: 12 horas", "Jejum informado: 12 horas", "Tempo de jejum referido: 10 h".
    // The hours before the word, said of the sample ("Observação: Amostra colhida com 12 horas de jejum", a
    // LIS's vertical record; "coleta com 10 h de jejum"); never an instruction ("coletar após 12 horas de jejum").
    const j =
      /\bjejum(?:\s+(?:informado|referido|declarado|relatado))?\s*(?:de)?\s*[:\-]?\s*(\d{1,2})\s*(?:h\b|horas?)/i.exec(line) ??
      /\b(?:colhid[oa]|coletad[oa]|coleta|amostra|paciente)\s+(?:\p{L}+\s+)?(?:com|ap[oó]s)\s+(\d{1,2})\s*(?:h\b|horas?)\s+de\s+jejum\b/iu.exec(line);
    if (j && fasting === undefined) fasting = Number(j[1]);
    // "Feminino • 63 anos • Pedido …", "52 anos | Masculino": an app's line of the patient's data,
    // sex and age without labels, a bullet or bar between them.
    // A range table's row ("Feminino     60 anos ou mais   3,1 a 19,0") is none: the line goes on with a
    // word field or ends, or with the birth date in brackets. The pair may be a cell of its own after
    // the name ("Laudo de: NOME   Masculino · 38 anos (nasc. …)"), or follow the name after a bullet
    // ("Carla Duarte · Feminino · 41 anos").
    const pair =
      /(?:^|\S\s{2,}|\p{L}\s*[•·|]\s*)\s*(?:(masculino|feminino)(?:\s*[•·|,;–-]\s*|\s{2,})(\d{1,3})\s*anos|(\d{1,3})\s*anos(?:\s*[•·|,;–-]\s*|\s{2,})(masculino|feminino))(?:(?:\s*[•·|,;–-]\s*|\s{2,})\p{L}|\s*\((?:nasc|d\.?\s?n\b|data)|\s*$)/iu.exec(
        line,
      );
    if (pair) {
      age ??= Number(pair[2] ?? pair[3]);
      if (!sex) sex = /^m/i.test(pair[1] ?? pair[4]!) ? 'M' : 'F';
    }
    // "Paciente: Beatriz Nogueira, 31 anos, sexo feminino": age and sex written in the patient line.
    if (/^\s*(?:paciente|nome|cliente)\b/i.test(line)) {
      const bareAge = /(?<![\d/])(\d{1,3})\s*anos\b/i.exec(line);
      if (bareAge && age === undefined) age = Number(bareAge[1]);
      const bareSex = /\b(masculino|feminino)\b/i.exec(line);
      if (bareSex && !sex) sex = /^m/i.test(bareSex[1]!) ? 'M' : 'F';
    }
  }
  sex ??= input.sex;
  // Hours of life are finer than the birth date.
  if (age === undefined && lifeMonths !== undefined) age = lifeMonths / 12;
  birth ??= isoDate(input.birthDate);
  if (age === undefined && birth) {
    const on = collected ?? isoDate(input.today) ?? new Date();
    const y = yearsBetween(birth, on);
    if (y >= 0 && y < 130) age = y;
  }
  const out: Patient = { sex, ageYears: age };
  if (fasting !== undefined) out.fastingHours = fasting;
  if (hour !== undefined) out.collectionHour = hour;
  if (collected) out.collectedOn = collected.toISOString().slice(0, 10);
  // A phase printed wins; else the day of the cycle, printed or counted from the last period.
  if (cycleDay === undefined && lastPeriod && collected) {
    const days = Math.round((collected.getTime() - lastPeriod.getTime()) / 86_400_000) + 1;
    if (days >= 1) cycleDay = days;
  }
  // A year or more since the last period is the definition of menopause, as amenorrhoea stated in months is.
  const since = lastPeriod ?? lastPeriodMonth;
  if (!phase && since && collected && !pregnant && collected.getTime() - since.getTime() >= 365 * 86_400_000) phase = 'menopausa';
  phase ??= cycleDay !== undefined ? phaseOfDay(cycleDay) : undefined;
  if (phase) out.cyclePhase = phase;
  // A newborn's report prints the gestational age at birth ("Peso ao nascer: 3.120 g   IG: 39 semanas"):
  // the baby's, no pregnancy of the patient.
  const newborn = birthWeight !== undefined || lifeMonths !== undefined || (age !== undefined && age < 1);
  // Weeks of pregnancy not printed are counted from the last period printed for her ("Gestante: Sim · DUM:
  // 03/03/2025", collected 09/04/2025: 5 weeks and 2 days), as obstetrics dates a pregnancy: ranges by
  // weeks after the DUM (beta-hCG) and by trimester then place her. Only within a pregnancy's span.
  if (pregnant && weeks === undefined && lastPeriod && collected) {
    const days = Math.round((collected.getTime() - lastPeriod.getTime()) / 86_400_000);
    if (days >= 0 && days <= 44 * 7) weeks = days / 7;
  }
  if (pregnant && sex !== 'M' && !newborn) out.pregnant = true;
  if (pregnant && weeks !== undefined && !newborn) out.gestationWeeks = weeks;
  if (smoker) out.smoker = true;
  else if (nonSmoker) out.smoker = false;
  if (anticoagulation) out.anticoagulation = anticoagulation;
  if (kidneyDisease) out.kidneyDisease = true;
  if (birthWeight !== undefined) out.birthWeightGrams = birthWeight;
  if (riskCategory) out.riskCategory = riskCategory;
  return out;
}
