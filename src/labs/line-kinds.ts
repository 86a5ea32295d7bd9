// What a line means by itself, beside the results it may hold: a word result after a label, a
// reference lead that names its analyte, a name over a value alone on the next line, a cell of a
// PDF whose text comes out one cell per line.
import { foldSameLength, lookupName } from './analytes.ts';
import { type CleanLine, isBlockDetail, isMethodLine } from './lines.ts';
import { NUMBER } from './numbers.ts';
import type { Entry, Group } from './result.ts';
import {
  isReferenceLabel,
  isReferenceText,
  isWhomLabel,
  qualitativeAtStart,
  qualitativeReference,
  REFERENCE_LEAD_WORDS,
  stripReferenceLead,
} from './reference.ts';
import { unitAtStart } from './units.ts';
import { markerOf, readValue, VERDICT_WORD } from './value.ts';
import { COLUMN_HEADING, FINDING_SENTENCE, findingAfterLabel, isWordColumnName, isWordField, WORD_THEN_COMMENT, wordResultText } from './word-results.ts';
import { matchesOf } from '../text/matches.ts';

// The glucose load of a tolerance test ("TOTG 75 g", "TESTE ORAL DE TOLERÂNCIA À GLICOSE - 75 g"):
// the dose given to the patient, in grams, never a result.
export const GLUCOSE_LOAD = /(?:totg|toler[aâ]ncia\s+(?:oral\s+)?(?:[aàá]\s+)?glicose|sobrecarga|dextrosol|abreviado)\D{0,12}\d+\s*g(?![\p{L}/])/iu;

// A curve's title that counts its samples, with the load in brackets or none ("CURVA GLICÊMICA - 5 DOSAGENS (75 g
// de glicose anidra)", "CURVA INSULINÊMICA - 5 DOSAGENS", a portal's card, h1687): the count and the load are no
// result; the title heads the timed samples under it, as a load title does.
const CURVE_COUNT_TITLE =
  /^(curva\s+(?:glic[eê]mica|insulin[eê]mica|de\s+(?:glicose|glicemia|insulina))(?:\s+e\s+insulin[eê]mica)?)\s*[-–—:]?\s*(?:\(?\s*\d{1,2}\s+(?:dosagens|tempos|amostras|pontos|coletas)\s*\)?)\s*(?:[-–—]?\s*\(?\s*\d{2,3}\s*g(?:\s+de\s+(?:glicose|dextrosol)(?:\s+anidra)?)?\s*\)?)?\s*$/iu;
const curveCountTitle = (t: string): string | undefined => CURVE_COUNT_TITLE.exec(t.trim())?.[1];

/**
 * A tolerance test's title with its load ("TESTE ORAL DE TOLERÂNCIA À GLICOSE - 75 g (GESTANTE)"): the
 * name the line gives the times below it, when nothing but the load is a number on it.
 */
export function loadTitle(t: string): string | undefined {
  const counted = curveCountTitle(t);
  if (counted) return counted;
  const m = GLUCOSE_LOAD.exec(t);
  if (!m || /\d/.test(t.slice(0, m.index) + t.slice(m.index + m[0].length))) return undefined;
  const name = t
    .slice(0, m.index + m[0].length)
    .replace(/[\s\-–—(:]*\d+\s*g$/, '')
    .trim();
  return name === '' ? undefined : name;
}

// A culture's comment that nothing grew, between its result word and its word reference ("Ausência de
// crescimento bacteriano após 48 horas", "Sem crescimento", h1672): no result, no name.
export const NO_GROWTH_NOTE = /^(?:aus[eê]ncia\s+de|sem|n[aã]o\s+houve)\s+crescimento(?![\p{L}])[\p{L}\d\s.,]*$/iu;

export const QUALITATIVE_AFTER_COLON =
  /:\s*(?:n[aã]o\s+)?(?:reagente|negativ[oa]s?|positiv[oa]s?|ausentes?|presentes?|detect[aá]vel|detectado|indetect[aá]vel)(?![\p{L}])/iu;

// Labels whose text after the colon is a heading, not a result ("Exame: Hemograma completo").
const HEADING_LABEL = /^(?:exames?|setor|se[cç][aã]o|grupo|perfil|painel|conclus[aã]o|nota|parecer|laudo|tipo de amostra|procedimento)$/i;

/**
 * "Label: a few words" with no digits: a result written in words, when the label is not a heading. A word
 * exam's finding sentence may run longer and end in a full stop (word-results.ts findingAfterLabel); any other
 * line closed by one is a sentence ("Série branca: sem alterações morfológicas."), no result.
 */
export function wordsAfterLabel(t: string): boolean {
  const m = /^([\p{L}][\p{L} .()/-]{1,40}?)\s*:\s*([\p{L}][\p{L} ,()+-]*)(\.?)$/u.exec(t);
  if (!m || /\d/.test(t)) return false;
  const finding = findingAfterLabel(m[1]!, m[2]!);
  if (m[3] && !finding) return false;
  // A word exam's label that says whose sample it is ("Grupo sanguíneo (ABO) do RN") names no newborn's band.
  const label = m[1]!.trim();
  return !HEADING_LABEL.test(label) && (m[2]!.trim().split(/\s+/).length <= 5 || finding) && (!isReferenceLabel(label) || isWordField(label));
}

// The lab's verdict on the value above it, on a line of its own (a web portal's card: "Acima da
// referência", "Dentro do valor de referência", "Abaixo da normalidade"), perhaps after the coloured dot or
// the arrow the portal draws before it ("● Dentro da referência", "▲ Acima da referência"), as beside a value.
// An app may say it of what it expects ("Dentro do esperado", "Acima do esperado": a lab's app whose screenshots
// were copied with the phone's Live Text, h1537). Another app draws a check mark or a heavy arrow ("✓ Dentro da
// referência", "⬇ Abaixo da referência", cards copied from a phone, h1841). A portal may name only the band ("Acima
// da faixa", "Dentro da faixa", h1997).
const VERDICT_LINE =
  /^(?:(?:[●○◉•■□◆◇▲▼△▽↑↓⬆⬇✓✔]|[🟢🟡🟠🔴🔵⚪⚫])\uFE0F?\s*)?(acima|abaixo|dentro|fora)\s+d[aoe]s?\s+(?:(?:(?:valor(?:es)?|intervalo|faixa|limites?)\s+(?:de\s+)?)?(?:refer[eê]ncias?|normalidade|esperado)|faixa)\.?$/iu;

// A card's verdict chip on a line of its own: a word, perhaps after the dot or arrow the app draws before it,
// or after the field's label when a portal's card is copied one field a line ("Status: Normal", "Situação:
// Acima").
const STATUS_LABEL = String.raw`(?:status|situa[cç][aã]o)`;
const VERDICT_CHIP = new RegExp(String.raw`^(?:${STATUS_LABEL}\s*:?\s*)?(?:(?:[●○◉•■□◆◇▲▼△▽↑↓⬆⬇]|[🟢🟡🟠🔴🔵⚪⚫])\uFE0F?\s*)?(\p{L}+)$`, 'iu');

// That label alone on its line, its verdict on the next ("Status" / "Normal"): the card's field name, no
// title of a result.
const STATUS_LABEL_LINE = new RegExp(String.raw`^${STATUS_LABEL}\s*:?$`, 'iu');

/** Whether the line is a portal card's status label alone, its verdict on the line under it. */
export const isStatusLabelLine = (t: string): boolean => STATUS_LABEL_LINE.test(t.trim());

// A results app's link under a card's value ("ⓘ Ver faixas por fase", "Ver histórico ›"): a button's
// label, no title of a result; the reference printed under it is still the value's.
const APP_LINK_LINE =
  /^(?:[ⓘℹ🛈]\uFE0F?\s*)?(?:ver|visualizar|exibir|abrir|mostrar)\s+(?:o\s+|a\s+|as\s+|os\s+)?(?:faixas?|hist[oó]rico|gr[aá]fico|evolu[cç][aã]o|detalhes|refer[eê]ncias?)(?:\s+[\p{L}]+){0,3}\s*[›>»]?$/iu;

// The labels under a results app's gauge, copied from a screenshot as a line of their own ("Baixo Normal Alto",
// the phone's Live Text of a lab's app, h1537): the scale's words, no result and no title; the reference printed
// under them is still the value's.
const GAUGE_WORD = String.raw`(?:baixo|normal|alto|elevado|lim[ií]trofe|[oó]timo|desej[aá]vel)`;
const GAUGE_LEGEND_LINE = new RegExp(String.raw`^${GAUGE_WORD}(?:\s+${GAUGE_WORD}){2,4}$`, 'iu');

// The floor and ceiling a portal's card prints at the ends of its gauge bar, copied as a line of their own under
// the value ("mín. 0,27 · máx. 4,20", h1997): the range the bar draws, no result; the card's "Valor de referência"
// under it repeats it.
const GAUGE_BOUNDS_LINE = /^m[ií]n(?:imo)?\.?\s*:?\s*(\d+(?:[.,]\d+)*)\s*[·•|/–—-]\s*m[aá]x(?:imo)?\.?\s*:?\s*(\d+(?:[.,]\d+)*)$/iu;

/** The range a card's gauge-bounds line draws ("mín. 80 · máx. 200" → "80 a 200"), or undefined for any other line. */
export function gaugeBoundsLine(t: string): string | undefined {
  const m = GAUGE_BOUNDS_LINE.exec(t.trim());
  return m ? `${m[1]} a ${m[2]}` : undefined;
}

/** Whether the line is the words under a results app's gauge, three or more of them alone. */
export const isGaugeLegendLine = (t: string): boolean => GAUGE_LEGEND_LINE.test(t.trim());

/** Whether the line is a results app's link label under a card's value. */
export const isAppLinkLine = (t: string): boolean => APP_LINK_LINE.test(t.trim());

// A lipid's chip that judges nothing ("Meta conforme seu risco", an app's card, h1537): the goals printed under
// it, by risk category, judge the value. Without a reference line of its own under it, the same words are the
// reference ("Meta conforme risco cardiovascular", a PDF's cell), which the caller tells apart.
const GOAL_BY_RISK_CHIP =
  /^(?:(?:[●○◉•■□◆◇▲▼△▽]|[🟢🟡🟠🔴🔵⚪⚫])\uFE0F?\s*)?(?:metas?|alvos?|objetivos?)\s+(?:conforme|de\s+acordo\s+com|segundo|pelo|depende\s+d[oe])\s+(?:o\s+)?(?:seu\s+)?risco(?:\s+cardiovascular)?\.?$/iu;

/** Whether the line is a lipid card's chip saying its goal depends on the patient's risk. */
export const isGoalByRiskChip = (t: string): boolean => GOAL_BY_RISK_CHIP.test(t.trim());

/** The mark a verdict line gives the value above it (null when it says none: "Dentro da referência"), or undefined for any other line. */
export function verdictLine(t: string, underValue = false): 'alto' | 'baixo' | null | undefined {
  const m = VERDICT_LINE.exec(t.trim());
  // Right under a number, a card's verdict may be one word ("Alterado", "Alto"): above a value or under
  // a title alone the same word could be a word result, and is left to be read as one.
  // An app's chip prints it after its coloured dot or arrow, and may say only where the value lies ("● Normal",
  // "● Abaixo", "▲ Acima"): under a number no word result reads so.
  if (!m) {
    const chip = underValue ? VERDICT_CHIP.exec(t.trim()) : null;
    if (!chip) return undefined;
    // A tier's name as the chip ("Limítrofe", a lipid's middle tier): it says the value sits in a tier of the
    // reference printed under it, which judges it; read as a line of its own it would end the card.
    if (/^lim[ií]trofe$/iu.test(chip[1]!)) return null;
    return VERDICT_WORD.test(chip[1]!) || /^(?:acima|abaixo)$/iu.test(chip[1]!) ? markerOf(chip[1]!) : undefined;
  }
  return /^acima$/i.test(m[1]!) ? 'alto' : /^abaixo$/i.test(m[1]!) ? 'baixo' : null;
}

// The lab's verdict badge in a last cell of its own, after a column gap, perhaps after the dot or arrow
// an app draws before it ("   ● Baixo", "   Normal", "   ▲ Acima").
const VERDICT_BADGE = /\s{3,}(?:(?:[●○◉•■□◆◇▲▼△▽↑↓⬆⬇]|[🟢🟡🟠🔴🔵⚪⚫])\uFE0F?\s?)?(\p{L}+)\s*$/u;

/**
 * A led reference line under a value that ends in the lab's verdict badge (a results app's card: "VR 4.000 -
 * 11.000      ● Baixo", "VR Não reagente      Normal"): the reference without the badge, and the mark
 * the badge gives (null for "Normal" / "Alterado"). Left on the line, the word would be read as the
 * range's label (a "Baixo" tier) or make a word reference no reference. Undefined for any other line.
 */
export function verdictAfterReference(t: string): { reference: string; marker: 'alto' | 'baixo' | null } | undefined {
  const m = VERDICT_BADGE.exec(t);
  if (!m) return undefined;
  const word = m[1]!;
  if (!VERDICT_WORD.test(word) && !(/^(?:acima|abaixo)$/iu.test(word) && /[▲▼△▽↑↓⬆⬇]/u.test(m[0]))) return undefined;
  const reference = t.slice(0, m.index).trimEnd();
  const { lead, rest } = stripReferenceLead(reference);
  if (!lead || rest === '' || (!isReferenceText(rest) && qualitativeReference(rest) === undefined)) return undefined;
  return { reference, marker: markerOf(word) };
}

/** The analyte a reference lead names in brackets: "Valores de referência (bilirrubina total):". */
export function referenceSubject(t: string): string | undefined {
  const m = /^[^()]*?\(([^()]+)\)\s*:?/.exec(t);
  if (!m || !stripReferenceLead(t.slice(0, m[0].length)).lead || isReferenceLabel(m[1]!)) return undefined;
  return m[1]!.trim();
}

/**
 * The analyte a reference lead names after "para" or "do" on a line of its own ("Valores de referência
 * para a relação albumina/creatinina:", "Valores de referência do INR:"); not a group of people ("para
 * mulheres:", a range's label).
 */
export function referenceLeadFor(t: string): string | undefined {
  const { rest, lead } = stripReferenceLead(t);
  const m = lead ? /^(?:para\s+(?:[ao]s?\s+)?|d[oa]s?\s+)(\p{L}[^:]*?)\s*:$/iu.exec(rest) : null;
  return m && !isReferenceLabel(m[1]!) ? m[1]! : undefined;
}

/**
 * The same lead with its range after the colon on its line ("Valor de referência da relação: superior a
 * 25 %", under a ratio printed after the block's result): the words naming the result, and the range.
 */
export function referenceLedFor(t: string): { subject: string; range: string } | undefined {
  const { rest, lead } = stripReferenceLead(t);
  const m = lead ? /^(?:para\s+(?:[ao]s?\s+)?|d[oa]s?\s+)(\p{L}[^:\d]*?)\s*:\s*(\S.*)$/iu.exec(rest) : null;
  return m && !isReferenceLabel(m[1]!) && isReferenceText(m[2]!) ? { subject: m[1]!, range: m[2]! } : undefined;
}

// A percent sign stays: "Linfócitos T CD4+ (%)" is another result than "Linfócitos T CD4+" (h1970).
const foldName = (s: string) =>
  foldSameLength(s)
    .replace(/%/g, 'pct')
    .replace(/[^a-z0-9]+/g, '');

// The words of a name that say what it measured, a word shortened with its full stop kept ("creat."): the
// connectives between them left out, which a narrow column drops ("Índice de saturação transferrina").
const CONNECTIVE = /^(?:de|da|do|das|dos|e)$/;
const nameWords = (s: string) =>
  foldSameLength(s)
    .replace(/%/g, ' pct ')
    .split(/[^a-z0-9.]+|\.(?=[a-z0-9])/)
    .map((w) => w.replace(/^\.+/, ''))
    .filter((w) => w !== '' && !CONNECTIVE.test(w));

/**
 * Whether a name the catalogue does not know says the same words as the printed one, connectives aside and a
 * word shortened with a full stop standing for a word it starts ("Relação proteína/creat. urinária" for "Relação
 * proteína/creatinina urinária", a list of references printed after the results, h1970).
 */
function sameWords(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  const alike = (x: string, y: string) =>
    x.replace(/\.$/, '') === y.replace(/\.$/, '') ||
    (x.endsWith('.') && x.length >= 4 && y.startsWith(x.slice(0, -1))) ||
    (y.endsWith('.') && y.length >= 4 && x.startsWith(y.slice(0, -1)));
  return wa.length >= 2 && wa.length === wb.length && wa.every((w, i) => alike(w, wb[i]!));
}

/**
 * Whether `name` names the result of `e`. With `prefix`, a name printed without the bracketed
 * qualifier the result line carried counts too ("eTFG" for "eTFG (CKD-EPI 2021)").
 */
export function sameAnalyte(e: Entry, name: string, opts: { prefix?: boolean } = {}): boolean {
  const def = lookupName(name);
  if ((def !== undefined && e.def !== undefined && def.key === e.def.key) || foldName(e.name) === foldName(name)) return true;
  if (def === undefined && sameWords(e.name, name)) return true;
  // The reference may name the result without its qualifier in brackets or after a dash ("HTLV 1/2" for
  // "HTLV 1/2 - Anticorpos totais").
  return opts.prefix === true && foldName(name).length >= 3 && foldName(e.name.replace(/\s*(?:\(|\s[-–—]\s).*$/, '')) === foldName(name);
}

// A timed sample's time in minutes, as a tolerance curve names it ("Jejum", "Basal", "1 hora", "1h", "60 min",
// "120 minutos"), whole or at the end of the name ("Glicose 2 horas", "Jejum (0 min)").
function minutesOf(name: string): number | undefined {
  const f = foldSameLength(name).trim();
  const whole = (s: string) => {
    if (/^(?:jejum|basal)$/.test(s)) return 0;
    const t = /^(\d{1,3})\s*(h|horas?|min(?:utos)?|')$/.exec(s);
    return t ? Number(t[1]) * (/^h/.test(t[2]!) ? 60 : 1) : undefined;
  };
  const bracket = /^(.*?)\s*\(([^()]*)\)$/.exec(f);
  const end = /(?:^|\s)(jejum|basal|\d{1,3}\s*(?:h|horas?|min(?:utos)?|'))$/.exec(bracket ? bracket[1]! : f);
  return whole(bracket ? bracket[1]! : f) ?? (bracket ? whole(bracket[2]!.trim()) : undefined) ?? (end ? whole(end[1]!) : undefined);
}

/** Whether a label names the timed sample a result is ("1h" for "1 hora", "jejum" for "Jejum (0 min)"). */
export function sameTimePoint(name: string, label: string): boolean {
  const a = minutesOf(name);
  return a !== undefined && a === minutesOf(label);
}

// A range's start after its label: a bound's word or sign, or a number.
const RANGE_AFTER_LABEL = String.raw`(?:at[eé]|inferior|superior|menor|maior|abaixo|acima|[<>≤≥]|\d)`;
const LABELLED_RANGE = new RegExp(
  String.raw`^(\d{1,3}\s*(?:h|horas?|min(?:utos)?|')(?![\p{L}])|\p{L}[\p{L}\d .()/-]*?)\s*:?\s+(${RANGE_AFTER_LABEL}.*)$`,
  'iu',
);
const LEAD_OF_RANGES = new RegExp(String.raw`^\s*(${REFERENCE_LEAD_WORDS}(?![\p{L}])[^:]{0,40}:)\s*(\S.*)$`, 'iu');

/**
 * Ranges of several results on one line after a reference lead, each led by the result it is for ("VR na
 * gestação: jejum até 91 / 1h até 179 / 2h até 152", a tolerance curve's limits under its times): the lead,
 * and each piece's label and range. Undefined unless there are two pieces or more, every one a label and a range.
 */
export function rangesLedByResults(t: string): { lead: string; pieces: Array<{ label: string; range: string }> } | undefined {
  const m = LEAD_OF_RANGES.exec(t);
  if (!m) return undefined;
  const parts = m[2]!
    .split(/\s+\/\s+|\s*;\s*/)
    .map((p) => p.trim().replace(/\.$/, ''))
    .filter(Boolean);
  if (parts.length < 2) return undefined;
  const pieces: Array<{ label: string; range: string }> = [];
  for (const p of parts) {
    const x = LABELLED_RANGE.exec(p);
    if (!x || !isReferenceText(x[2]!)) return undefined;
    pieces.push({ label: x[1]!.trim(), range: x[2]!.trim() });
  }
  return { lead: m[1]!, pieces };
}

/**
 * A line of reference cells side by side, each its label, a colon and a range ("Total: até 1,2 mg/dL
 * Direta: até 0,3 mg/dL   Indireta: até 1,0 mg/dL", under a block's results). Undefined unless there are two
 * cells or more set apart by column gaps, every one a label, a colon and a reference with a bound, and no
 * label a range's own (sex, age, tier: those are one result's ranges).
 */
export function referenceCellsLedByResults(t: string): Array<{ label: string; reference: string }> | undefined {
  const parts = t.trim().split(/\s{3,}/);
  if (parts.length < 2) return undefined;
  const out: Array<{ label: string; reference: string }> = [];
  for (const p of parts) {
    const m = /^(\p{L}[\p{L}\d .()/-]*?)\s*:\s*(\S.*)$/u.exec(p);
    if (!m || !/\d/.test(m[2]!) || !isReferenceText(m[2]!, { strictLabels: true }) || isReferenceLabel(m[1]!)) return undefined;
    const v = readValue(m[2]!);
    // A value with its unit and no bound word is a result ("Glicose: 92 mg/dL"), never a range.
    if (v?.unit && v.comparator === null && v.rest.trim() === '') return undefined;
    out.push({ label: m[1]!.trim(), reference: m[2]!.trim() });
  }
  return out;
}

/**
 * Whether a reference's label is the first word or words of the row label a result was printed on
 * ("Tempo:" for "Tempo do paciente   32,4 segundos", "Atividade:" for "Atividade de protrombina   24 %"): a
 * coagulation block prints its ranges under its rows led by a short label, the name the catalogue gave the
 * row (its block's title) no longer in sight.
 */
export function labelLeadsRow(row: string, label: string): boolean {
  const words = (s: string) =>
    foldSameLength(s)
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== '');
  const lead = words(label);
  const cell = words(row.trim().split(/\s{3,}/)[0]!);
  return lead.join('').length >= 4 && lead.length < cell.length && lead.every((w, i) => cell[i] === w);
}

/**
 * Whether a reference's label is the last word or words of a result's name, the part that tells it from
 * the rows beside it ("CD4+:" for "Linfócitos T CD4+", under a cytometry panel's "Linfócitos T CD3+ / CD4+
 * / CD8+"). A qualifier in brackets after the name ("(%)") is no part of it.
 */
export function labelEndsName(name: string, label: string): boolean {
  // Words as printed between spaces: "CD8+" does not end "Razão CD4+/CD8+", a ratio of two of them.
  const words = (s: string) =>
    foldSameLength(s)
      .split(/\s+/)
      .map((w) => w.replace(/[^a-z0-9]+/g, ''))
      .filter((w) => w !== '');
  const tail = words(label);
  const all = words(name.replace(/\s*\([^()]*\)\s*$/, ''));
  return tail.join('').length >= 3 && tail.length < all.length && tail.every((w, i) => all[all.length - tail.length + i] === w);
}

/** Whether the next non-empty line holds only a value: a number (unit, marker) or a word result. */
export function valueAloneNext(lines: CleanLine[], index: number): boolean {
  const next = nextLine(lines, index);
  if (!next) return false;
  const v = readValue(next.text);
  return v !== undefined && /^\s*[<>≤≥\d\p{L}]/u.test(next.text) && v.rest.trim() === '' && (v.value !== null || qualitativeReference(next.text) !== undefined);
}

/**
 * Whether the value stands alone under the block's detail lines (a portal's card: "Vitamina D - 25
 * Hidroxi" / "Soro · Quimioluminescência · Liberado em …" / "34,5 ng/mL"): the line above them is the
 * card's title even with digits in its name. So it is over a row that opens with the value, its unit and
 * its reference in columns after it ("34,0   ng/mL   Acima de 20"): a row with no name is the title's, right
 * under it too (a PDF's sub-item whose long name, a mixing ratio in it, "TTPa após mistura 1:1", pushed its
 * cells onto the next line: "33,0 s   25,0 a 36,0 s").
 */
export function valueAloneUnderDetails(lines: CleanLine[], index: number): boolean {
  let at = index;
  let details = 0;
  for (let next = nextLine(lines, at); next && (isBlockDetail(next.text) || isMethodLine(next.text)); next = nextLine(lines, at)) {
    at = next.index;
    details++;
  }
  const row = nextLine(lines, at)?.text;
  const v = row !== undefined && /^\s*[<>≤≥]?\s*\d/.test(row) ? readValue(row) : undefined;
  return (details > 0 && valueAloneNext(lines, at)) || (v?.value != null && v.unit !== null && isReferenceText(v.rest.trim(), { strictLabels: true }));
}

/**
 * The lead of a block's result line ("Resultado: 95 mg/dL", "RESULTADO      5,4 %", "Resultado atual:"),
 * or a cumulative report's "Atual: 118 mg/dL   Anterior: 109 mg/dL" (the earlier sample cut off as any
 * previous result is): "Atual" names the sample, the block's title the analyte.
 */
// The first hour's reading of an erythrocyte sedimentation rate ("Resultado 1ª hora ....: 48 mm") is the result.
// A form's labelled field for the value a point-of-care test gave ("1) Glicemia capilar (casual)" / "Valor obtido:
// ___187___ mg/dL", a pharmacy's declaration, h1691) leads the result as "Resultado obtido:" does; only with its colon.
// So does "Resultado do exame:" ("do teste", "da análise"): the exam is the block's. What else the label names after
// "do"/"da" is a field of its own, named as printed ("Resultado da cultura .......: POSITIVA" among a culture's
// "Microrganismo isolado" and "Contagem de colônias", h1817), no lead; so is "Resultado do pedido 7.304.882", an
// order's number the accounting knows as administrative.
export const RESULT_LEAD =
  /^(?:(?:seu\s+)?resultados?\b(?:\s+(?:atual|encontrados?|obtidos?|(?:n?a\s+)?1[ªa]\s+hora|d[oa]\s+(?:exame|teste|ensaio|an[aá]lise|dosagem)(?=\s*:)))?(?!\s+d[oa]s?\s+\p{L})\s*[:.]?|atual\s*:|valor\s+(?:obtido|encontrado)\s*:)\s*/iu;

/**
 * Whether the block's "Resultado …" line follows, past its Material/Método lines (labelled, or a
 * portal's unlabelled "Soro - Enzimático"): the line above them is the block's title even with digits
 * in its name ("HIV 1 E 2 - ANTICORPOS (4ª geração)", "ANTI-HIV 1 E 2 (4ª GERAÇÃO …)"). The result
 * line holds its value ("RESULTADO      5,4 %"), ends its lead with a colon ("Resultado:") or stands alone
 * over the value alone (an app's card).
 */
export function resultLineNext(lines: CleanLine[], index: number): boolean {
  let next = nextLine(lines, index);
  // So is the reference column's header printed alone over the result line ("VALORES DE REFERÊNCIA" at the
  // right, then "RESULTADO   31,4 ng/mL   População saudável: …"): the block's own header.
  const referenceHeader = (t: string) => {
    const lead = stripReferenceLead(t);
    return lead.lead && lead.rest === '' && !/:\s*$/.test(t);
  };
  while (next && (isBlockDetail(next.text) || isMethodLine(next.text) || referenceHeader(next.text))) next = nextLine(lines, next.index);
  const lead = next && RESULT_LEAD.exec(next.text);
  if (!lead) return false;
  if (next!.text.slice(lead[0].length).trim() !== '' || lead[0].includes(':')) return true;
  // An app's card prints the lead alone and the value alone under it ("Resultado" / "26 ng/mL").
  return lead[0].trim() === next!.text.trim() && valueAloneNext(lines, next!.index);
}

/**
 * The unit of a count's second form printed one cell per line ("61,2" / "%" / "4.480" / "/µL"): this line
 * a number alone, right under the unit alone of the one result open, itself read from a number alone, and
 * a unit alone other than that one on the next line. A PDF's differential prints the relative and the
 * absolute count of a cell so, its two ranges after them.
 */
export function secondCountUnit(t: string, pending: Group | undefined, lastTextAt: number, lines: CleanLine[], index: number): string | undefined {
  const first = pending?.entries.length === 1 ? pending.entries[0]! : undefined;
  if (!first || first.read.value === null || !first.read.unit || first.read.comparator !== null) return undefined;
  if (!/^\d[\d.,]*$/.test(t.trim())) return undefined;
  const unitLine = lines[lastTextAt];
  const valueLine = lines[first.line];
  if (!unitLine || !valueLine || nextLine(lines, first.line)?.index !== lastTextAt) return undefined;
  const firstUnit = unitAtStart(unitLine.text.trim());
  if (firstUnit?.consumed !== unitLine.text.trim().length || !/^\d[\d.,]*$/.test(valueLine.text.trim())) return undefined;
  const next = nextLine(lines, index)?.text.trim() ?? '';
  const u = unitAtStart(next);
  return u && u.consumed === next.length && u.unit !== first.read.unit ? u.unit : undefined;
}

/** What a line alone means in a one-cell-per-line layout, or undefined when it is not such a cell. */
export function verticalCell(
  t: string,
  pending: Group | undefined,
  title: { name: string } | undefined,
  afterRefLabel: boolean,
  next: string | undefined,
): 'unit' | 'word-result' | 'finding-result' | 'bound-result' | undefined {
  const u = unitAtStart(t);
  if (u && u.consumed >= t.length && pending?.entries.length === 1 && pending.entries[0]!.read.value !== null && !pending.entries[0]!.read.unit) return 'unit';
  if (title && !pending && !afterRefLabel && qualitativeReference(t) !== undefined && qualitativeAtStart(t)) return 'word-result';
  // A result word with what was found after a dash ("Positivo - ovos de Schistosoma mansoni" / "Negativo"):
  // the whole finding is the result, as after a "Resultado:" lead, when its word reference is the next cell.
  if (
    title &&
    !pending &&
    !afterRefLabel &&
    WORD_THEN_COMMENT.test(t) &&
    wordResultText(t) !== undefined &&
    next !== undefined &&
    qualitativeReference(next) !== undefined &&
    qualitativeAtStart(next.trim())?.consumed === next.trim().length
  )
    return 'finding-result';
  // A few words alone under a label whose results are words, itself alone on the line above ("Grupo sanguíneo"
  // / "A", "Cor" / "Palha", a portal's card one cell a line): the words are the result, one letter though it
  // is. Not another such label ("Grupo sanguíneo" / "Fator Rh"), nor a label with its colon.
  if (
    title &&
    !pending &&
    !afterRefLabel &&
    isWordField(title.name) &&
    !isWordField(t) &&
    !COLUMN_HEADING.test(t.trim()) &&
    !t.includes(':') &&
    wordResultText(t) !== undefined &&
    /^\p{L}(?:[\p{L}+-]| (?! ))*$/u.test(t.trim()) &&
    t.trim().split(/\s+/).length <= 4
  )
    return 'finding-result';
  // A finding said in a sentence alone under a stool or word exam's title ("Parasitológico de fezes (método de
  // Hoffman)" / "Presença de ovos de Ascaris lumbricoides", an app's card): what was found, the result, however
  // many words it takes.
  if (
    title &&
    !pending &&
    !afterRefLabel &&
    isWordColumnName(title.name.replace(/(?:\s*\([^()]*\))+\s*$/, '')) &&
    FINDING_SENTENCE.test(t.trim()) &&
    !t.includes(':') &&
    wordResultText(t) !== undefined
  )
    return 'finding-result';
  // "PCR" / "< 0,5" / "mg/L" / "Inferior a 5,0": a bound alone under a title is the result, unless a
  // "Resultado:" line follows (then it is the reference printed above the result).
  const v = title && !pending && !afterRefLabel ? readValue(t) : undefined;
  if (v && v.value !== null && v.comparator !== null && v.rest.trim() === '' && !/^\s*resultados?\b/i.test(next ?? '')) return 'bound-result';
  return undefined;
}

/**
 * A word result on the line under its name, with its word reference in the table's reference column
 * ("Biotinidase" / "Atividade presente   Atividade presente", "Perfil de hemoglobinas" / "FAS   FA"):
 * two cells of a few words, no digits, the second where the reference column starts. A screening
 * report prints each exam's name on one line and its result, in words or not, on the next.
 */
export function wordResultRow(t: string, offset: number, referenceAt: number): { result: string; reference: string } | undefined {
  const cs = matchesOf(/\S+(?:\s\S+)*/g, t).map((m) => ({ cell: m[0], at: offset + (m.index ?? 0) }));
  if (cs.length !== 2 || /\d/.test(t) || Math.abs(cs[1]!.at - referenceAt) > 3) return undefined;
  if (!cs.every((c) => /^\p{L}[\p{L} -]*$/u.test(c.cell) && c.cell.split(/\s+/).length <= 4)) return undefined;
  // A reference cell naming whom the column's ranges are for ("ERITROGRAMA   Mulheres adultas" under
  // "HEMOGRAMA COMPLETO", h1723) heads the rows under it beside a section's title: no word result and its reference.
  if (isWhomLabel(cs[1]!.cell)) return undefined;
  // Nor two sections' headings side by side under a block's title ("URINA TIPO 1 (EAS)" / "EXAME FÍSICO   EXAME
  // QUÍMICO", the second under a table's reference column, h1998).
  if (sideBySideHeadings(cs.map((c) => c.cell))) return undefined;
  return { result: cs[0]!.cell, reference: cs[1]!.cell };
}

// Words of a table header or a section: a cell made of them is not a result.
// A report's own title beside the lab's name ("Laudo de exames", "Resultado de exames") heads it too.
export const HEADER_WORD =
  /^(?:laudo\s+(?:de\s+exames?|laboratorial)|resultados?\s+de\s+exames?|exames?|analitos?|par[aâ]metros?|resultados?|refer[eê]ncias?|valores?(?: de refer\p{L}*)?|unidades?|interpreta[cç][aã]o|m[eé]todos?|antimicrobianos?|antibi[oó]ticos?|material|amostra|observa[cç][aã]o|data|paciente|nome|laudo|sexo|idade|fase|intervalo|faixa(?: et[aá]ria)?|atua(?:l|is)|(?:resultados?\s+)?anterior(?:es)?|hist[oó]rico)$/iu;

/**
 * Two section headings side by side, each a header word and what it heads ("EXAME FÍSICO   EXAME QUÍMICO", a urine
 * exam in two columns): no result and its reference, though a word result beside its reference may share a first
 * word ("Não reagente   Não reagente"). Each cell's first word the same header word, and more after it.
 */
export function sideBySideHeadings(cells: readonly string[]): boolean {
  const first = (c: string) => foldSameLength(c).toLowerCase().split(/\s+/)[0]!;
  return (
    cells.length === 2 &&
    first(cells[0]!) === first(cells[1]!) &&
    cells.every((c) => HEADER_WORD.test(foldSameLength(c.split(' ')[0]!)) && c.trim().includes(' '))
  );
}

/**
 * A sentence of the lab's, one cell of five words or more in lower case after its capital, ending with a
 * full stop, no label ("Não houve crescimento bacteriano após 48 horas de incubação."): a comment on the
 * result above it or the exam, never the title of what follows.
 */
export function isSentence(t: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(t) && /\p{L}\.$/u.test(t) && !/:|\s{3,}/.test(t) && t.split(/\s+/).length >= 5;
}

// A bound in prose: a comparator word and the number it bounds ("acima de 2,0", "entre 0,5 e 0,9").
const PROSE_BOUND = new RegExp(
  String.raw`(?:acima\s+de|abaixo\s+de|superior(?:es)?\s+a|inferior(?:es)?\s+a|maior(?:es)?\s+(?:do\s+)?que|menor(?:es)?\s+(?:do\s+)?que|entre\s+(?:${NUMBER})\s+e)\s+(?:${NUMBER})`,
  'giu',
);

/**
 * A sentence of the lab's whose every number is a bound in prose ("Níveis acima de 2,0 ng/mL associam-se
 * a toxicidade."): a comment on the result, its words no analyte's name and its number no value.
 */
export function isProseBound(t: string): boolean {
  return isSentence(t) && /\d/.test(t) && !/\d/.test(t.replace(PROSE_BOUND, ' '));
}

/**
 * The second line of a note whose bracket the line above opened and left open ("… risco cardiovascular
 * (Posicionamento oficial da" / "Sociedade Brasileira de Cardiologia, SBC 2019); os valores acima são …"): the line
 * closes a bracket it never opened, every number of it inside that bracket (a guideline's year, an
 * edition), and goes on in words. A result row's value is never inside a bracket opened on another line.
 * Under a line led as a note ("Observação: Perfil sorológico (HBsAg não reagente, …" / "e anti-HBs reagente)
 * compatível com …"), the bracket's words are the note's account of results read elsewhere, none of them a result,
 * with or without a number.
 */
export function isWrappedNoteTail(t: string, above: string | undefined): boolean {
  if (above === undefined || (above.match(/\(/g) ?? []).length <= (above.match(/\)/g) ?? []).length) return false;
  const close = t.indexOf(')');
  if (close < 0 || t.slice(0, close).includes('(') || /\d/.test(t.slice(close))) return false;
  if (!/\d/.test(t.slice(0, close)) && !isNote(above)) return false;
  return /^\p{L}/u.test(t) && /^\)\s*[;,.]?\s*\p{L}/u.test(t.slice(close)) && !/\s{3,}/.test(t);
}

/**
 * The second line of a note that cites a guideline and its year ("Nota: … Diretriz Brasileira de" /
 * "Dislipidemias e Prevenção da Aterosclerose - 2017. A meta de LDL-c deve ser …"): the year closes the
 * citation's sentence and another sentence follows in words. A result's value is never followed by a
 * sentence on its row; the line above is the note the citation wraps from.
 */
export function isWrappedCitationTail(t: string, above: string | undefined): boolean {
  if (above === undefined || !isNote(above) || /[.:;]\s*$/.test(above) || /\s{3,}/.test(t)) return false;
  const years = matchesOf(/\d+/g, t);
  return years.length > 0 && years.every((y) => /^(?:19|20)\d{2}$/.test(y[0]) && /^\.\s+\p{Lu}\p{Ll}*(?:\s+\p{L}[\p{L}-]*){2,}/u.test(t.slice(y.index! + 4)));
}

/**
 * A guideline cited on a line of its own, its source's acronym and year closing the sentence and the lab's
 * advice after it ("Diretriz Brasileira de Dislipidemias - SBC 2017. A meta deve ser definida pelo médico.",
 * under a lipid profile): the year names the source. A result's value is never a year printed after an
 * acronym with a sentence after it, so the line is no result and nothing of it is left to list.
 */
export function isCitationLine(line: string): boolean {
  const t = line.trim();
  if (/\s{3,}/.test(t) || !/^\p{L}/u.test(t)) return false;
  const numbers = matchesOf(/\d+(?:[.,]\d+)*/g, t);
  // The source named under its label ("Fonte: Atualização da Diretriz Brasileira de Dislipidemias - 2017."):
  // its only numbers are the years it was published in.
  // Nothing after the year but its full stop: another field after it is read or listed.
  if (/^fontes?\s*:[^:;|]*(?:19|20)\d{2}\)?\.?$/iu.test(t) && numbers.length > 0 && numbers.every((n) => /^(?:19|20)\d{2}$/.test(n[0]))) return true;
  return (
    numbers.length > 0 &&
    numbers.every(
      (n) =>
        /^(?:19|20)\d{2}$/.test(n[0]) &&
        /(?<![\p{L}\d])\p{Lu}{2,}[\p{Lu}/-]*,?\s+$/u.test(t.slice(0, n.index)) &&
        /^\.(?:\s*$|\s+\p{Lu}\p{Ll}*(?:\s+\p{L}[\p{L}-]*){2,})/u.test(t.slice(n.index! + 4)),
    )
  );
}

/**
 * A criterion named with its year and explained in a sentence ("Critério IADPSG/OMS 2013: um valor igual ou
 * acima do limite caracteriza diabetes gestacional."): the year dates the criterion; a value is never
 * followed by a colon and a sentence in words.
 */
export function isDatedCriterion(t: string): boolean {
  const m = /^\p{L}[^\d:]*\s(?:19|20)\d{2}\s*:\s*(\p{Ll}[\p{L}\s,;.()-]*)$/u.exec(t);
  return m !== null && m[1]!.trim().split(/\s+/).length >= 4;
}

// A value or a result word after the name, in the condition ("… inferior a 10 mUI/mL", "VDRL reagente …").
const CONDITION = /\s(?:[<>≤≥]|\d|(?:n[aã]o\s+)?(?:reagente|reativo|negativ[oa]|positiv[oa]|detectad[oa])(?![\p{L}]))/iu;

/**
 * A note's reading of a result, the condition before a colon and what it means after it in a sentence ("VDRL
 * reagente com teste treponêmico reagente: sugere sífilis atual ou pregressa.", "Anti-HBs inferior a 10 mUI/mL:
 * ausência de imunidade vacinal."): the condition names a result and a value or a word, as a result line does,
 * but a result is never followed by a colon and a sentence in lower case. No column gap: a table's cells are read.
 * The sentence may wrap onto the line right under it, which ends it ("Dengue IgM reagente com NS1 negativo: sugere
 * infecção na fase" / "tardia.", a note's paragraph): `below` is that line.
 */
export function isInterpretationNote(t: string, below?: string): boolean {
  const m = /^(\p{L}[^:]*?)\s*:\s*(\p{Ll}[\p{L}\s,;()/-]*\.?)$/u.exec(t.trim());
  if (m === null || !CONDITION.test(m[1]!) || /\s{3,}/.test(t.trim())) return false;
  const wrapped = below !== undefined && /^\p{Ll}[\p{L}\s,;()/-]*\.$/u.test(below.trim()) && !/\s{3,}/.test(below.trim());
  const sentence = m[2]!.endsWith('.') ? m[2]! : wrapped ? `${m[2]!} ${below!.trim()}` : undefined;
  return sentence !== undefined && sentence.trim().split(/\s+/).length >= 4;
}

/**
 * Result words quoted in a note's sentence, two or more joined by "ou" or "e", the sentence wrapped there ("…
 * Resultados abaixo do limite inferior são liberados como" / "\"Não detectável\" ou \"Detectável abaixo do limite de
 * quantificação\".", a viral load's interpretation, h1983): the words a result may be released as, cited, none of them
 * a result. A result is never printed in quotes joined to another.
 */
export function isQuotedWordsLine(t: string): boolean {
  const quoted = t.match(/["“][^"“”]+["”]/gu) ?? [];
  const between = t.replace(/["“][^"“”]+["”]/gu, ' ').split(/[\s,;.]+/u);
  return quoted.length >= 2 && /^["“]/u.test(t.trim()) && between.every((w) => w === '' || /^(?:ou|e)$/iu.test(w));
}

/** A note of the lab's ("Nota: …", "Obs.: …", "Observação: …", "Comentário: …"): prose about the results. */
export function isNote(t: string): boolean {
  // The note may say whose it is ("Comentário do laboratório:", "Nota do patologista:").
  // A criterion a decision is taken by ("Critério institucional p/ liberação de QT: neutrófilos ≥ 1.500/mm³ e
  // plaquetas ≥ 100.000/mm³", a chemotherapy day's release rule) states thresholds in the results' own
  // names and units: the bounds the results are judged by, none of them a result.
  // Numbered ("Nota 1: Metas de LDL-colesterol …", under a row whose reference says "ver nota 1"): the
  // number is the note's, no value of a result named "Nota".
  return /^(?:(?:notas?|obs\.?|observa[cç](?:[aã]o|[oõ]es)|coment[aá]rios?)(?:\s+d[oa]s?\s+\p{L}+|\s*\d{1,2}(?![\d.,]))?|crit[eé]rios?(?:\s[^:\d]{0,60})?)\s*:/iu.test(
    t,
  );
}

/**
 * A legend of the abbreviations a table used, two or more "ABBR = meaning" entries on the line
 * ("S/CO = razão sinal/cut-off. NR = não reagente; R = reagente", set apart by middle dots under an antibiogram:
 * "S = sensível · I = sensível aumentando exposição · R = resistente", h1760): the words after "=" are what an
 * abbreviation means, never a result.
 */
export function isLegend(t: string): boolean {
  if ((t.match(/(?:^|[.;,·|]\s+)[\p{L}\d/.-]{1,8}\s*=\s*\p{L}/gu) ?? []).length >= 2 && /^[\p{L}\d/.-]{1,8}\s*=/u.test(t)) return true;
  return isClassLegend(t);
}

// A grade's key: a number, a word or crosses ("0", "(+)", "++", "+++").
const CLASS_KEY = String.raw`(?:\d{1,2}|\(?\+{1,4}\)?)`;
const CLASS_KEY_LEAD = new RegExp(String.raw`^\s*${CLASS_KEY}\s*=`, 'u');
const CLASS_ENTRY = new RegExp(String.raw`(?:^|[.;,|]|\s{2,}|:)\s*${CLASS_KEY}\s*=\s*\p{L}`, 'gu');

/**
 * The same legend for the classes a table grades its rows in, the entries set apart by bars and keyed by
 * numbers or crosses ("Classes: 0 = negativo | (+) = limítrofe |" / "+ = fraco positivo | ++ = positivo |
 * +++ = fortemente positivo.", an immunoblot's, h1531): the classes' meanings, no result. Opened by an
 * entry, or by the word that names the classes.
 */
function isClassLegend(t: string): boolean {
  const s = t.replace(/^.*?\b(?:classes?|graus?|escala)\s*:\s*/iu, '');
  if (!CLASS_KEY_LEAD.test(s)) return false;
  return (s.match(CLASS_ENTRY) ?? []).length >= 2;
}

// A row of a grading scale's legend ("Classe 2: 0,70 a 3,49 kUA/L - moderado", "Grau 1: até 10 %"): the
// lab's bands for its grade column, no result and no range of one.
// The whole line is the band and the words that name it: anything else printed on it is read or listed.
const GRADE_LEGEND = /^\s*(?:classe|grau|n[ií]vel|escore)\s+\d{1,2}\s*[:=]\s*(\S(?:[^\s;|:]| (?! ))*?)(?:\s+[-–—]\s+\p{L}+(?: \p{L}+)*)?\s*$/iu;

/** A line that starts as a grading scale's legend row ("Classe 2: …"), whatever follows. */
export function startsGradeLegend(t: string): boolean {
  return /^\s*(?:classe|grau|n[ií]vel|escore)\s+\d{1,2}\s*[:=]\s*(?:inferior|superior|abaixo|acima|at[eé]|igual|menor|maior|de\s+\d|[<>≤≥]|\d)/iu.test(t);
}

export function isGradeLegend(t: string): boolean {
  const band = GRADE_LEGEND.exec(t)?.[1];
  return (band !== undefined && isGradeBand(band)) || isNumberedGradeLegend(t);
}

function isGradeBand(band: string): boolean {
  return /^(?:inferior|superior|abaixo|acima|at[eé]|igual|menor|maior|de\s+\d|[<>≤≥]|\d)/iu.test(band) && isReferenceText(band, { strictLabels: true });
}

/**
 * The same legend with the grades as bare numbers, several on a line under a heading that names them
 * ("0: < 0,35 | 1: 0,35 – 0,69 | 2: 0,70 – 3,49" under "Interpretação das classes (kUA/L):"): each grade
 * the one after the last, each band a range; no result.
 */
function isNumberedGradeLegend(t: string): boolean {
  const items = t
    .split(/\s*[|;]\s*|\s{3,}/)
    .map((c) => c.trim())
    .filter(Boolean);
  if (items.length < 2) return false;
  const grades = items.map((c) => /^(\d{1,2})\s*:\s*(\S.*)$/.exec(c));
  return grades.every((m, i) => m !== null && isGradeBand(m[2]!) && (i === 0 || Number(m[1]) === Number(grades[i - 1]![1]) + 1));
}

/** The next line with text. */
export function nextLine(lines: CleanLine[], index: number): CleanLine | undefined {
  let i = index + 1;
  while (i < lines.length && lines[i]!.text === '') i++;
  return lines[i];
}

/**
 * A divider a transcription puts between the pictures or pages it joins ("--- print 2 ---", "=== Página
 * 3 ===", "*** foto 2 de 3 ***"): a word and the picture's number, framed by the same rule on both sides.
 * Its number counts the pictures, no result; and the line above it names nothing after it. A section's
 * title framed so ("--- HEMOGRAMA ---") has no number, and stays a title.
 */
export function isDividerLabel(t: string): boolean {
  return /^\s*([-=*_~#—–])\1{2,}\s*\p{L}[\p{L}.]*\s+\d{1,3}(?:\s*(?:de|\/)\s*\d{1,3})?\s*\1{3,}\s*$/u.test(t);
}
