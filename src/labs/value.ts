// A result as printed after an analyte's name: a number (maybe "< 0,5" or "inferior a 0,5"), or a
// word ("Negativo", "Não reagente", "REAGENTE 1/8"); the lab's own marker before or after the unit
// ("*", "H", "L", "(H)", "↑", "↓", "alto"); the unit, glued or not ("310.000/mm3", "76fL").
import { SIGNED_NUMBER, parseBrNumber } from './numbers.ts';
import { bareTitreAt, qualitativeAtStart } from './reference.ts';
import { unitAtStart } from './units.ts';

export interface ValueRead {
  value: number | null;
  /** The result as printed ("< 0,5", "Não reagente"). */
  text: string;
  comparator: '<' | '>' | null;
  unit: string | null;
  /** The lab's own mark, when it printed one. */
  marker: 'alto' | 'baixo' | null;
  /** What follows the value, unit and markers (usually the reference). */
  rest: string;
}

// "mais de" as a person types a count over the assay's top ("contagem: mais de 100.000 UFC/mL").
const COMPARATOR_RE = /^(<=|≤|>=|≥|<|>|inferior\s+a|menor\s+(?:que|do\s+que)|abaixo\s+de|superior\s+a|maior\s+(?:que|do\s+que)|acima\s+de|mais\s+de)\s*/i;
const NUMBER_AT_START = new RegExp(`^(${SIGNED_NUMBER})`);
// Pictographs a photo transcription or a patient portal prints beside a value ("⬆️", "⚠️", "🔴")
// are markers too; only the arrows say which way. A critical-value mark ("!!", "(!)") says none either;
// a LIS doubles its flag letter for a critical value ("HH", "LL"). "A" / "B" (acima / abaixo) mark only
// alone in a column of their own ("148   A    mg/dL"): an "a" between numbers is a range's. A verdict
// word with words and a colon after one space opens a tier label ("Baixo risco: inferior a 1,0"), no mark;
// so does one before "risco" with no colon ("Baixo risco < 130 | Interm. < 100", goals by risk category).
// "ACIMA" / "ABAIXO" mark only as the last word of a cell ("26,3 ng/mL  ▼ ABAIXO"): followed by words
// they are a comparator ("abaixo de 5") or a verdict sentence. An arrow in brackets ("52,4  (↑)  mmHg",
// a LIS with the arrows' legend on top) marks as the bare arrow does, and so does a LIS's letter in angle
// brackets ("134  mmol/L  (136 A 145)  <L>", its legend "<H> ACIMA DA REFERENCIA" at the foot). A bare
// "<" / ">" alone in an alert column ("10,8   <   g/dL", legend "< abaixo do intervalo") marks too; one
// with a number after it is a comparator ("<   5,0"). A portal's dot badge after the value ("8,2 U/mL   ●", its
// legend "● Dentro da referência") is its mark of a value inside the range: a mark, no flag of its own.
// A word before a bound ("Baixo < 160 / Intermediário < 130", goals by risk category) labels that range, no mark;
// so does one before its translation and a colon ("Baixo / Bajo: < 160", a bilingual report's tier).
// A history report's trend marks after the current value say how it moved since the last sample ("108 ▲", "15,1 =",
// legend "▲ subiu … ▼ caiu = estável", h1641): the "=" set apart, a cell gap or the line's end after it, marks
// no way at all.
// A narrow thermal printer has no arrows: a blood-gas analyser's receipt marks in ASCII, a caret up and a
// lower-case "v" down, each alone in its cell after the value ("7.28    v      7.35 - 7.45", legend "v = abaixo
// da faixa   ^ = acima da faixa", h1861).
// An emergency lab's words between stars after a value ("486 mg/dL   *** VALOR CRÍTICO ***   VR: 70 a 99") mark
// it as critical, no way: with a colon or a dash after, they open the notice of who was told. So does a LIS's
// letter for a critical value phoned to the ward, in brackets after its way's ("4,6 (H)(C)", legend "(C) valor
// crítico comunicado ao setor", h1894). A portal's value cell says it with the word alone, maybe after a warning
// sign ("2,6 ⚠ crítico", h2004).
const MARKER_RE =
  /^\s*(●|\*{1,3}|!{1,3}(?![\p{L}\d])|\(\s*!{1,3}\s*\)|\(C\)|\(\s*\*{1,3}\s*\)|\(\s*(?:HH|LL|[HLAB+-]|[↑↓▲▼⬆⬇]\uFE0F?)\s*!{0,3}\s*\)|<\s*(?:HH|LL|[HL])\s*>|(?:HH|LL|[HL])(?![\p{L}\d])|(?<=\s\s)[AB](?=\s\s|\s*$)|(?<=\s\s)[<>](?=\s*$|\s{2,}(?![<>≤≥=]?\s*\d))|(?<=\s\s)[v^](?=\s{2,}|\s*$)|↑|↓|▲|▼|(?<=\s)=(?=\s{2,}|\s*$)|\p{Extended_Pictographic}\uFE0F?|\(?\s*(?:alto|alta|baixo|baixa|elevado|elevada)\s*\)?(?![\p{L}:]|\s\p{L}[\p{L} ]*:|\s*\/\s*\p{L}[\p{L} ]*:|\s+risco\b|\s*[<>≤≥]\s*\d)|(?:acima|abaixo)(?=\s{2,}|\s*$)|(?:valor\s+)?cr[ií]tic[oa](?![\p{L}:]|\s+[-–—]))/iu;

/** A portal's verdict badge mark, a dot drawn before its word ("● Alterado", "🟢 Normal"), as a pattern source. */
export const BADGE_MARK = String.raw`(?:[●○◉]|[🟢🟡🟠🔴🔵⚪⚫])\uFE0F?`;
const VERDICT_BADGE = new RegExp(String.raw`^\s{2,}${BADGE_MARK}\s?(\p{L}+)(?=\s{2,}\S|\s*$)`, 'u');

/** A portal's verdict badge opening the text after a result, a cell apart ("   ● Alterado"): its word and the text after it. */
function verdictBadgeAt(rest: string): { word: string; rest: string } | undefined {
  const badge = VERDICT_BADGE.exec(rest);
  return badge && VERDICT_WORD.test(badge[1]!) ? { word: badge[1]!, rest: rest.slice(badge[0].length) } : undefined;
}

export function markerOf(m: string): 'alto' | 'baixo' | null {
  if (m.trim() === '>') return 'alto';
  if (m.trim() === '<') return 'baixo';
  // A letter with the critical mark inside its brackets ("412  (H!)  ng/L", an inpatient LIS): the letter's way.
  const t = m.replace(/[()<>\s]|\uFE0F|(?<=\p{L})!+/gu, '').toLowerCase();
  // An arrow doubled by hand for emphasis ("↓↓", a note copying results) is the same mark.
  if (/^(hh?|a|\+|\^|↑↑?|▲|⬆|🔺|alto|alta|elevado|elevada|acima)$/u.test(t)) return 'alto';
  if (/^(ll?|b|v|-|↓↓?|▼|⬇|🔻|baixo|baixa|abaixo)$/u.test(t)) return 'baixo';
  return null;
}

/** The lab's verdict on a value in a column of its own after the reference (a "Situação" column: "Normal", "Alterado", "Alto"). */
export const VERDICT_WORD = /^(?:normal|alterad[oa]|alt[oa]|baix[oa]|elevad[oa]|aumentad[oa]|diminu[ií]d[oa]|reduzid[oa])$/iu;

// "H 0,70-1,30 | M 0,50-1,00", "H até 40 / M até 32": the letter opens a range labelled by sex (Homem /
// Mulher), not the lab's high mark.
const SEX_LETTER_RANGES = /^\s*H\s*:?\s*(?:at[eé]\s*|[<>≤≥]\s*)?\d[^|;/]*?(?:[|;/]|\s{2,})\s*M\s*:?\s*(?:at[eé]\s*|[<>≤≥]\s*)?\d/iu;

/** A cell holding only the lab's marks ("↑", "H", "(!)"): the flag of the value before it. */
export function isMarkerCell(cell: string): boolean {
  return cell.trim() !== '' && readMarkers(cell).rest.trim() === '';
}

function readMarkers(s: string): { rest: string; marker: 'alto' | 'baixo' | null } {
  if (SEX_LETTER_RANGES.test(s)) return { rest: s, marker: null };
  let rest = s;
  let marker: 'alto' | 'baixo' | null = null;
  for (let i = 0; i < 3; i++) {
    const m = MARKER_RE.exec(rest);
    // A lower-case "a" or "b" in a cell of its own is a word ("95  a  99"), never the capital mark.
    if (!m || /^[ab]$/.test(m[1]!)) break;
    marker = markerOf(m[1]!) ?? marker;
    rest = rest.slice(m[0].length);
  }
  return { rest, marker };
}

export function readValue(input: string, opts: { dotIsDecimal?: boolean; freeText?: boolean; hours?: boolean } = {}): ValueRead | undefined {
  // Separators before the value; a minus glued to digits is the value's sign ("BE : -2,8 mmol/L").
  const stripped = input.replace(/^(?:[\s:=]|[-–—](?!\d))+/, '');
  // A portal draws its verdict's arrow before the value ("▲ 27,9 ng/mL", "▼ 150 pg/mL"): the lab's mark, as after it.
  const arrow = /^([▲▼↑↓⬆⬇])\uFE0F?\s*(?=(?:[<>≤≥]\s*)?\d)/u.exec(stripped);
  if (arrow) {
    const read = readValue(stripped.slice(arrow[0].length), opts);
    return read && read.value !== null ? { ...read, marker: read.marker ?? markerOf(arrow[1]!) } : undefined;
  }
  const s = stripped;
  // Crosses written with a digit ("1+", "3+", a dipstick's grade): a graded word result, never the number.
  const crosses = /^([1-4])\+(?![\d+])/.exec(s);
  if (crosses) return { value: null, text: `${crosses[1]}+`, comparator: null, unit: null, ...readMarkers(s.slice(crosses[0].length)) };
  // … or as the crosses alone ("++", "+++" in a dipstick's result cell): the same grade.
  const bare = /^(\+{1,4})(?=\s|$)/.exec(s);
  if (bare) return { value: null, text: bare[1]!, comparator: null, unit: null, ...readMarkers(s.slice(bare[0].length)) };
  // A titre alone where the value stands ("VDRL   1/16"): the reactive result it quantifies, as "Reagente 1/16"
  // reads. Not when a word result or a number follows it one space on: then the fraction was the name's ("HIV 1/2
  // Não reagente", "Anti-HIV 1/2 0,12 S/CO"); a column break before them makes them its reference.
  const titre = bareTitreAt(s);
  if (titre) {
    const after = s.slice(titre.consumed);
    if (!/^\s?\S/.test(after) || (qualitativeAtStart(after.trim()) === undefined && !/^\s*[<>≤≥]?\s*\d(?!\s*[/:]\s*\d)/.test(after)))
      return { value: null, text: titre.text, comparator: null, unit: null, ...readMarkers(after) };
  }
  let comparator: '<' | '>' | null = null;
  let t = s;
  const c = COMPARATOR_RE.exec(t);
  if (c && NUMBER_AT_START.test(t.slice(c[0].length))) {
    comparator = /^(<|≤|inferior|menor|abaixo)/i.test(c[1]!) ? '<' : '>';
    t = t.slice(c[0].length);
  }
  const n = NUMBER_AT_START.exec(t);
  if (n) {
    const value = parseBrNumber(n[1]!, { dotIsDecimal: opts.dotIsDecimal ?? false });
    if (value === undefined) return undefined;
    let rest = t.slice(n[0].length);
    // Digits glued to a letter that is not a unit ("4ª", "1º", "25-OH") are not a value.
    if (/^[\d]/.test(rest)) return undefined;
    const glued = /^[\p{L}/]/u.test(rest);
    let unit: string | null = null;
    let marker: 'alto' | 'baixo' | null = null;
    // Under a time's name, a lower-case "h" closing the cell after the number is the hours it is counted in
    // ("Tempo de positividade: 14,3 h"), never the lab's high mark (a capital letter); elsewhere it is as
    // likely prose's ("nas 48 h anteriores à coleta"), read as before.
    const hours = glued || !opts.hours ? null : /^\s?h(?=\s{2,}|\s*$)/u.exec(rest);
    ({ rest, marker } = glued || hours ? { rest, marker } : readMarkers(rest));
    const u = hours ? { unit: 'h', consumed: hours[0].length } : unitAtStart(rest);
    if (u) {
      unit = u.unit;
      rest = rest.slice(u.consumed);
    } else if (glued) return undefined;
    // A portal's verdict badge after the value, its dot before its word ("68 U/L   ● Alterado"): the lab's word
    // on the value, no part of the reference after it.
    const badge = verdictBadgeAt(rest);
    if (badge) {
      rest = badge.rest;
      marker = markerOf(badge.word) ?? marker;
    }
    const after = readMarkers(rest);
    rest = after.rest;
    marker = after.marker ?? marker;
    const printed = s.slice(0, s.length - t.length) + n[1]!;
    return { value, text: printed.trim(), comparator, unit, marker, rest };
  }
  const q = qualitativeAtStart(s);
  // The lab's mark after a word result ("Positivo   *   Negativo") is no part of the reference after it.
  // After a dot leader, a full stop closing the line is the sentence's, as for the free text below ("Negativa.").
  // A portal's verdict badge after it, its dot before its word ("Não reagente   ● Normal", the reference on the line
  // under): the lab's word on the result, never a reference ("Normal" is a urine's) nor a mark.
  if (q) {
    const after = s.slice(q.consumed);
    const rest = verdictBadgeAt(after)?.rest ?? after;
    return { value: null, text: q.text, comparator: null, unit: null, ...readMarkers(rest.replace(opts.freeText ? /^\.\s*$/ : /$^/, '')) };
  }
  if (opts.freeText) {
    // After a dot leader the whole cell is the result ("AMARELO CITRINO"); a finding's sentence may close
    // with a full stop, no part of it ("Não foram observados microrganismos.", a smear's). Not a note's
    // ("Cultura em incubação."): only a sentence that says what was or was not found.
    const m =
      /^([\p{L}](?:[\p{L} ]|-(?=\p{L}))*?)(?=\s{2,}|\s*\(|$)/u.exec(s) ??
      (/^(?:n[aã]o\s+(?:foram|foi)|aus[eê]ncia\s+de)\s/iu.test(s) ? /^([\p{L}][\p{L} ]*?)\.(?=\s{2,}|\s*$)/u.exec(s) : null);
    // The lab's mark after it ("Levemente turvo  *   Límpido") is no part of the reference after it, as after a known word.
    if (m && m[1]!.trim().length >= 3) return { value: null, text: m[1]!.trim(), comparator: null, unit: null, ...readMarkers(s.slice(m[0].length)) };
  }
  return undefined;
}
