// Reads lab values out of the text of a Brazilian lab report. Layouts seen in the wild, all handled
// line by line with a little state:
//   columns      "GLICOSE            95 mg/dL        70 a 99 mg/dL"
//   key/value    "Glicose: 95 mg/dL (VR: 70 a 99)"   and dot leaders "Hemoglobina......: 14,2 g/dL"
//   blocks       "GLICOSE" / "Material: Soro" / "Resultado: 95 mg/dL" / "Valor de referência: 70 a 99 mg/dL"
//   categories   "Desejável: < 190 mg/dL" / "Limítrofe: 190 a 239" / "Alto: ≥ 240"   (lipids, HbA1c, vit. D)
// A reference may sit on the result line or on the lines after it.
//
// What is not a result: a line is ignored (neither analyte nor unparsed) when it is a header or
// footer — it starts with a known administrative label (laboratório, paciente, médico, data, coleta,
// material, método, convênio, página…), it has no digit at all (section titles such as
// "HEMOGRAMA"), or it is a date/time/ID line. A line that names something and carries a number but
// cannot be read completely (a result like "< 0,5", two values, no recognisable value) goes to
// unparsed_lines verbatim. Nothing is guessed: a value without a range the report states, and without
// a built-in range in the same unit, is flagged 'indeterminado'.
import { UNIT_PATTERN, conversionFactor, foldSameLength, matchAnalyteName, normalizeUnit, type AnalyteDef, type ReferenceRange } from './analytes.ts';

export type LabFlag = 'baixo' | 'normal' | 'alto' | 'indeterminado';

export interface ParsedAnalyte {
  /** Catalogue key (e.g. "glicose"), or null for an analyte read from the report but not catalogued. */
  key: string | null;
  name: string;
  value: number;
  unit: string | null;
  reference_low: number | null;
  reference_high: number | null;
  reference_text: string | null;
  reference_source: 'report' | 'built_in' | null;
  flag: LabFlag;
}

export interface LabParseResult {
  analytes: ParsedAnalyte[];
  unparsed_lines: string[];
}

const HEADER_RE =
  /^(laborat[oó]rio|lab\b|paciente|nome|sexo|idade|data|dt\.?|nascimento|d\.?\s?n\.?|m[eé]dico|dr\.?|dra\.?|crm|crf|crbm|solicitante|requisitante|conv[eê]nio|plano|material|amostra|m[eé]todo|metodologia|coleta|colhido|recebido|liberado|libera[cç][aã]o|emiss[aã]o|impresso|assinado|assinatura|respons[aá]vel|bioqu[ií]mic[oa] respons|p[aá]gina|p[aá]g\.?|protocolo|pedido|ordem|atendimento|requisi[cç][aã]o|os\b|unidade|endere[cç]o|rua|av\.?|avenida|tel\.?|telefone|fone|cnpj|cpf|rg\b|cnes|registro|prontu[aá]rio|c[oó]digo|cod\.?|exame|exames|resultado de exames|laudo|observa[cç][aã]o|obs\.?|nota|notas|interpreta[cç][aã]o|coment[aá]rio|jejum|hor[aá]rio|vers[aã]o|equipamento|aparelho|kit|www\.|http|e-mail|email|site)\b/i;

const REFERENCE_LEAD_RE = /^(valor(?:es)?\s+(?:de\s+)?refer[eê]ncia|v\.?\s?r\.?|ref\.?|refer[eê]ncia|intervalo\s+de\s+refer[eê]ncia|faixa\s+de\s+refer[eê]ncia)\b[^:]*:?\s*/i;

/** Category labels used in lipid/HbA1c/vitamin D reports; "normal" ones make up the reference range. */
const CATEGORY_RE =
  /(ótimo|otimo|desej[aá]vel|normal|ideal|adequado|suficiente|sufici[eê]ncia|popula[cç][aã]o saud[aá]vel|lim[ií]trofe|muito alto|alto|elevado|baixo|defici[eê]ncia|deficiente|insufici[eê]ncia|insuficiente|pr[eé]-?diabetes|diabetes|risco aumentado|alto risco|grupos? de risco|risco de toxicidade|toxicidade|homens?|mulheres?|masculino|feminino|adultos?|crian[cç]as?)\s*(?:\([^)]*\))?\s*:/gi;
const NORMAL_CATEGORY = /^(ótimo|otimo|desej[aá]vel|normal|ideal|adequado|suficiente|sufici[eê]ncia|popula[cç][aã]o saud[aá]vel|adultos?)$/i;
const SEX_CATEGORY = /^(homens?|mulheres?|masculino|feminino)$/i;

const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;
const UNIT_AT_START = new RegExp(`^\\s*(${UNIT_PATTERN})(?![a-z0-9])`, 'i');

/**
 * Brazilian number: comma is the decimal separator; a dot followed by groups of exactly three digits
 * is a thousands separator ("250.000" = 250000, "7.200" = 7200); a lone dot with other digit counts is
 * read as a decimal point, as some laboratory systems print ("1.5").
 */
export function parseBrNumber(s: string): number | undefined {
  const t = s.trim();
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^\d+,\d+$/.test(t)) return Number(t.replace(',', '.'));
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  return undefined;
}

interface Range {
  low: number | null;
  high: number | null;
  lowExclusive: boolean;
  highExclusive: boolean;
  unit: string | null;
}

/** One range expression: "70 a 99", "70 - 99", "< 200", "inferior a 150", "≥ 40", "até 40"… */
export function parseRangeExpression(text: string): Range | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  const unitAfter = (rest: string): string | null => {
    const m = UNIT_AT_START.exec(rest);
    return m?.[1] ? (normalizeUnit(m[1]) ?? null) : null;
  };
  let m = new RegExp(`^(?:de |entre )?(${NUMBER})\\s*(${UNIT_PATTERN})?\\s*(?:a|até|ate|-|–|—|e)\\s*(${NUMBER})(.*)$`, 'i').exec(t);
  if (m) {
    const low = parseBrNumber(m[1]!);
    const high = parseBrNumber(m[3]!);
    if (low === undefined || high === undefined || low > high) return undefined;
    return { low, high, lowExclusive: false, highExclusive: false, unit: unitAfter(m[4] ?? '') ?? (m[2] ? (normalizeUnit(m[2]) ?? null) : null) };
  }
  m = new RegExp(`^(<=|≤|=<|menor ou igual a|inferior ou igual a|at[eé])\\s*(${NUMBER})(.*)$`, 'i').exec(t);
  if (m) return { low: null, high: parseBrNumber(m[2]!) ?? NaN, lowExclusive: false, highExclusive: false, unit: unitAfter(m[3] ?? '') };
  m = new RegExp(`^(<|menor que|menor do que|inferior a|abaixo de)\\s*(${NUMBER})(.*)$`, 'i').exec(t);
  if (m) return { low: null, high: parseBrNumber(m[2]!) ?? NaN, lowExclusive: false, highExclusive: true, unit: unitAfter(m[3] ?? '') };
  m = new RegExp(`^(>=|≥|=>|maior ou igual a|superior ou igual a|igual ou superior a|igual ou maior que)\\s*(${NUMBER})(.*)$`, 'i').exec(t);
  if (m) return { low: parseBrNumber(m[2]!) ?? NaN, high: null, lowExclusive: false, highExclusive: false, unit: unitAfter(m[3] ?? '') };
  m = new RegExp(`^(>|maior que|maior do que|superior a|acima de)\\s*(${NUMBER})(.*)$`, 'i').exec(t);
  if (m) return { low: parseBrNumber(m[2]!) ?? NaN, high: null, lowExclusive: true, highExclusive: false, unit: unitAfter(m[3] ?? '') };
  return undefined;
}

interface Pending {
  def: AnalyteDef | undefined;
  name: string;
  value: number;
  unit: string | null;
  refLines: string[];
}

function cleanLine(raw: string): string {
  return raw
    .replace(/\t/g, '   ')
    .replace(/\u00a0/g, ' ')
    .replace(/\.{3,}\s*:?/g, ' : ') // dot leaders
    .replace(/_{3,}/g, ' ')
    .trim();
}

function isHeader(line: string): boolean {
  if (HEADER_RE.test(line)) return true;
  if (!/\d/.test(line)) return true; // section titles, analyte name lines are handled before this
  if (/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/.test(line)) return true; // dates: headers, footers, signatures
  if (/\b\d{1,2}:\d{2}\b/.test(line) && !new RegExp(UNIT_PATTERN, 'i').test(line)) return true;
  return false;
}

function stripReferenceLead(s: string): { rest: string; hadLead: boolean } {
  const m = REFERENCE_LEAD_RE.exec(s);
  return m ? { rest: s.slice(m[0].length), hadLead: true } : { rest: s, hadLead: false };
}

function looksLikeReference(line: string): boolean {
  if (REFERENCE_LEAD_RE.test(line)) return true;
  CATEGORY_RE.lastIndex = 0;
  const cat = /^(ótimo|otimo|desej[aá]vel|normal|ideal|adequado|suficiente|sufici[eê]ncia|popula[cç][aã]o saud[aá]vel|lim[ií]trofe|muito alto|alto|elevado|baixo|defici[eê]ncia|deficiente|insufici[eê]ncia|insuficiente|pr[eé]-?diabetes|diabetes|risco aumentado|alto risco|grupos? de risco|risco de toxicidade|toxicidade|homens?|mulheres?|masculino|feminino|adultos?|crian[cç]as?)\b/i;
  if (cat.test(line)) return true;
  return parseRangeExpression(line.replace(/^[(\s]+|[)\s]+$/g, '')) !== undefined;
}

/** Reads the value, unit and any inline reference from the text after an analyte's name. */
function readResult(rest: string): { value: number; unit: string | null; refText: string } | undefined {
  let s = rest.replace(/^[\s:=\-–]+/, '');
  s = s.replace(/^resultado\s*:?\s*/i, '');
  const m = new RegExp(`^(${NUMBER})(?![\\d/])`).exec(s);
  if (!m) return undefined;
  const value = parseBrNumber(m[1]!);
  if (value === undefined) return undefined;
  s = s.slice(m[0].length);
  let unit: string | null = null;
  const u = UNIT_AT_START.exec(s);
  if (u?.[1]) {
    unit = normalizeUnit(u[1]) ?? null;
    s = s.slice(u[0].length);
  }
  // A second value with its own unit ("68 %  8.364 /mm³"): relative and absolute counts; which one
  // the range belongs to is not stated, so the line is left for a human.
  if (new RegExp(`^\\s*(${NUMBER})\\s*${UNIT_PATTERN}`, 'i').test(s) && !parseRangeExpression(s)) return undefined;
  // "(VR: 70 a 99)" / "(Referência: …)": the brackets only wrap the reference.
  const refText = s.trim().replace(/^\((.*)\)$/, '$1').trim();
  // A word right after the number that is neither a known unit nor a reference ("80 pmol/L",
  // "12 ver laudo"): reading the number alone would drop its meaning.
  if (unit === null && /^[^\d(<>≤≥=]/.test(refText) && !looksLikeReference(refText)) return undefined;
  return { value, unit, refText };
}

interface Category {
  label: string;
  range: Range;
}

/** Turns the collected reference text into a range the value is compared with. */
function resolveReference(refText: string): { range: Range | undefined; sexSpecific: Range[]; text: string } {
  const text = refText.replace(/\s+/g, ' ').trim();
  const categories: Category[] = [];
  const labelled = [...text.matchAll(CATEGORY_RE)];
  if (labelled.length > 0) {
    labelled.forEach((match, i) => {
      const start = (match.index ?? 0) + match[0].length;
      const end = labelled[i + 1]?.index ?? text.length;
      const body = text.slice(start, end).replace(/[;,.]\s*$/, '').trim();
      const range = parseRangeExpression(body);
      if (range) categories.push({ label: match[1]!.toLowerCase(), range });
    });
    const sex = categories.filter((c) => SEX_CATEGORY.test(c.label)).map((c) => c.range);
    if (sex.length > 0) return { range: undefined, sexSpecific: sex, text };
    const normal = categories.filter((c) => NORMAL_CATEGORY.test(c.label)).map((c) => c.range);
    if (normal.length > 0) {
      // The union of the "desirable/optimal" categories ("Ótimo: < 100", "Desejável: 100 a 129").
      const lows = normal.map((r) => r.low);
      const highs = normal.map((r) => r.high);
      const lowIdx = lows.includes(null) ? -1 : lows.indexOf(Math.min(...(lows as number[])));
      const highIdx = highs.includes(null) ? -1 : highs.indexOf(Math.max(...(highs as number[])));
      return {
        range: {
          low: lowIdx < 0 ? null : lows[lowIdx]!,
          high: highIdx < 0 ? null : highs[highIdx]!,
          lowExclusive: lowIdx < 0 ? false : normal[lowIdx]!.lowExclusive,
          highExclusive: highIdx < 0 ? false : normal[highIdx]!.highExclusive,
          unit: normal.find((r) => r.unit)?.unit ?? null,
        },
        sexSpecific: [],
        text,
      };
    }
    return { range: undefined, sexSpecific: [], text };
  }
  const bare = text.replace(/^[(\s]+|[)\s.;]+$/g, '');
  return { range: parseRangeExpression(bare), sexSpecific: [], text };
}

function flagFor(value: number, r: Pick<Range, 'low' | 'high' | 'lowExclusive' | 'highExclusive'>): LabFlag {
  if (r.low !== null && (value < r.low || (r.lowExclusive && value === r.low))) return 'baixo';
  if (r.high !== null && (value > r.high || (r.highExclusive && value === r.high))) return 'alto';
  return 'normal';
}

function finish(p: Pending): ParsedAnalyte {
  const refText = p.refLines.join(' ').trim();
  const resolved = refText ? resolveReference(refText) : undefined;
  const base = { key: p.def?.key ?? null, name: p.def?.name ?? p.name, value: p.value };
  let unit = p.unit;
  if (resolved?.range && resolved.range.low === null && resolved.range.high === null) resolved.range = undefined;
  if (resolved?.range && !(Number.isNaN(resolved.range.low) || Number.isNaN(resolved.range.high))) {
    const r = resolved.range;
    // A unit printed only next to the range is the result's unit too (column layouts).
    if (unit === null && r.unit) unit = r.unit;
    if (r.unit && unit && r.unit !== unit) {
      return { ...base, unit, reference_low: null, reference_high: null, reference_text: resolved.text, reference_source: 'report', flag: 'indeterminado' };
    }
    return { ...base, unit, reference_low: r.low, reference_high: r.high, reference_text: resolved.text, reference_source: 'report', flag: flagFor(p.value, r) };
  }
  if (resolved && resolved.sexSpecific.length > 0) {
    // Sex is unknown: a flag only when every sex-specific range agrees.
    const flags = new Set(resolved.sexSpecific.map((r) => flagFor(p.value, r)));
    const lows = resolved.sexSpecific.map((r) => r.low).filter((x): x is number => x !== null);
    const highs = resolved.sexSpecific.map((r) => r.high).filter((x): x is number => x !== null);
    if (unit === null) unit = resolved.sexSpecific.find((r) => r.unit)?.unit ?? null;
    return {
      ...base,
      unit,
      reference_low: lows.length ? Math.min(...lows) : null,
      reference_high: highs.length ? Math.max(...highs) : null,
      reference_text: resolved.text,
      reference_source: 'report',
      flag: flags.size === 1 ? [...flags][0]! : 'indeterminado',
    };
  }
  // No usable range in the report: the built-in one, only if the unit is known and convertible.
  if (p.def && unit) {
    const factor = conversionFactor(p.def, unit);
    if (factor !== undefined) {
      const b: ReferenceRange = p.def.builtIn;
      const inUnit = (x: number | null) => (x === null ? null : Math.round((x / factor) * 1000) / 1000);
      return {
        ...base,
        unit,
        reference_low: inUnit(b.low),
        reference_high: inUnit(b.high),
        reference_text: resolved?.text ? resolved.text : b.text,
        reference_source: 'built_in',
        flag: flagFor(p.value * factor, { low: b.low, high: b.high, lowExclusive: b.lowExclusive ?? false, highExclusive: b.highExclusive ?? false }),
      };
    }
  }
  return { ...base, unit, reference_low: null, reference_high: null, reference_text: resolved?.text || null, reference_source: null, flag: 'indeterminado' };
}

/** An uncatalogued "Name: value unit …" line: read only when the unit is recognisable. */
function readUnknownAnalyte(line: string): { name: string; rest: string } | undefined {
  const m = new RegExp(`^([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9 ()/.\\-]{1,40}?)\\s*(?::|\\s{2,})\\s*(?=${NUMBER}\\s*${UNIT_PATTERN})`, 'i').exec(foldSameLength(line));
  if (!m) return undefined;
  const name = line.slice(0, m[1]!.length).trim();
  return { name, rest: line.slice(m[0].length) };
}

export function parseLabReport(text: string): LabParseResult {
  const analytes: ParsedAnalyte[] = [];
  const unparsed: string[] = [];
  let pending: Pending | undefined;
  let nameOnly: { def: AnalyteDef } | undefined;
  const close = () => {
    if (pending) analytes.push(finish(pending));
    pending = undefined;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = cleanLine(raw);
    if (line === '') continue;

    // 1. A reference continuing the previous result.
    if (pending && looksLikeReference(line) && !matchAnalyteName(line)) {
      const { rest } = stripReferenceLead(line);
      if (rest.trim() !== '') pending.refLines.push(rest.trim());
      continue;
    }

    // 2. "Resultado: 95 mg/dL" under an analyte named on its own line.
    if (nameOnly && /^resultado\b/i.test(line)) {
      const res = readResult(line.replace(/^resultado\s*:?\s*/i, ''));
      close();
      if (res) {
        pending = { def: nameOnly.def, name: nameOnly.def.name, value: res.value, unit: res.unit, refLines: [] };
        const ref = stripReferenceLead(res.refText).rest.trim();
        if (ref) pending.refLines.push(ref);
      } else unparsed.push(raw.trim());
      nameOnly = undefined;
      continue;
    }

    // 3. A catalogued analyte at the start of the line.
    const named = matchAnalyteName(line);
    if (named && !HEADER_RE.test(line)) {
      close();
      const rest = line.slice(named.consumed);
      if (!/\d/.test(rest)) {
        nameOnly = { def: named.def };
        continue;
      }
      const res = readResult(rest);
      if (!res) {
        unparsed.push(raw.trim());
        nameOnly = undefined;
        continue;
      }
      pending = { def: named.def, name: named.def.name, value: res.value, unit: res.unit, refLines: [] };
      const ref = stripReferenceLead(res.refText).rest.trim();
      if (ref) pending.refLines.push(ref);
      nameOnly = undefined;
      continue;
    }

    // 4. Administrative lines and titles: neither analytes nor unparsed. They do not end a block
    //    ("Material: soro" and "Método: …" sit between an analyte's name and its result).
    if (isHeader(line)) {
      if (!/^(material|amostra|m[eé]todo|metodologia)\b/i.test(line) && !nameOnly) close();
      continue;
    }

    // 5. An uncatalogued analyte with a readable value and unit.
    close();
    nameOnly = undefined;
    const unknown = readUnknownAnalyte(line);
    if (unknown) {
      const res = readResult(unknown.rest);
      if (res) {
        pending = { def: undefined, name: unknown.name, value: res.value, unit: res.unit, refLines: [] };
        const ref = stripReferenceLead(res.refText).rest.trim();
        if (ref) pending.refLines.push(ref);
        continue;
      }
    }
    // 6. Has a name and a number but could not be read: keep it for a human.
    if (/[A-Za-zÀ-ÿ]{2,}/.test(line)) unparsed.push(raw.trim());
  }
  close();
  return { analytes, unparsed_lines: unparsed };
}

