// Model-assisted reading of the lines the parser left unread, with grounding.
//
// When result-like lines remain in `unparsed_lines`, the text model may read them into the same
// analyte schema. The model is never trusted with a value: a row it returns is accepted only when
//   - it names a line it was given, and the analyte's name appears in that very line;
//   - its value is a number token of that line (read the Brazilian way, "1.018" and "6.420" alike)
//     that is not one of the numbers of the reference, or a qualitative word printed on the line;
//   - its unit, if any, is a unit and is printed on the line;
//   - its reference, if any, parses as ranges or a qualitative reference, and its numbers are on the line.
// An accepted row is flagged by the parser's own rules and says `source: 'model'`. A line leaves
// `unparsed_lines` only when every number on it is accounted for by accepted rows; otherwise the
// person is still told the line was not read in full.
import { foldSameLength } from './analytes.ts';
import { numbersIn, parseBrNumber } from './numbers.ts';
import { analyteFromParts, type LabParseResult, type ParsedAnalyte, type QualitativeAnalyte } from './parse.ts';
import { labelledRanges, qualitativeAtStart, qualitativeReference, rangeSpans, stripReferenceLead, type Patient } from './reference.ts';
import { unitAtStart } from './units.ts';
import type { ValueRead } from './value.ts';

export const EXTRACT_SYSTEM =
  'Você lê linhas de laudos de exames laboratoriais que um leitor automático não conseguiu ler. ' +
  'Para cada resultado presente numa linha, devolva: o número da linha, o nome do exame como impresso, ' +
  'o valor exatamente como impresso (com vírgula decimal), a unidade como impressa e a referência como impressa. ' +
  'Não invente, não calcule, não converta unidades e não corrija nada: se a linha não tiver um resultado, não devolva nada para ela.';

export const EXTRACT_SCHEMA = {
  type: 'object',
  properties: {
    analytes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          line: { type: 'integer', description: 'número da linha, como dado' },
          name: { type: 'string' },
          value: { type: 'string', description: 'valor como impresso, ex.: "1,3" ou "Negativo"' },
          unit: { type: ['string', 'null'] },
          reference: { type: ['string', 'null'] },
        },
        required: ['line', 'name', 'value'],
      },
    },
  },
  required: ['analytes'],
} as const;

export function extractionPrompt(lines: readonly string[]): string {
  return `Linhas não lidas do laudo:\n${lines.map((l, i) => `${i}: ${l}`).join('\n')}`;
}

export interface Rejection {
  line: number | null;
  reason: string;
}

export interface Grounded {
  analytes: ParsedAnalyte[];
  qualitative: QualitativeAnalyte[];
  rejected: Rejection[];
  /** The lines still not fully read. */
  unparsed_lines: string[];
}

const fold = (s: string) => foldSameLength(s).replace(/\s+/g, ' ').trim();
const squash = (s: string) => fold(s).replace(/\s+/g, '');

const numberValues = (s: string): number[] => numbersIn(s).flatMap((n) => n.values);

function parseModelNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v !== 'string') return undefined;
  const t = v.trim().replace(/^(<=|>=|<|>|≤|≥)\s*/, '');
  return parseBrNumber(t) ?? parseBrNumber(t, { dotIsDecimal: true });
}

/** Checks one model row against its line; returns the accepted analyte or why it was rejected. */
function groundRow(
  row: unknown,
  lines: readonly string[],
  patient: Patient,
): { analyte: ParsedAnalyte | QualitativeAnalyte; line: number; numbers: number[] } | Rejection {
  if (typeof row !== 'object' || row === null) return { line: null, reason: 'not an object' };
  const r = row as Record<string, unknown>;
  const idx = typeof r.line === 'number' ? r.line : typeof r.line === 'string' ? Number(r.line) : NaN;
  if (!Number.isInteger(idx) || idx < 0 || idx >= lines.length) return { line: null, reason: 'line out of range' };
  const line = lines[idx]!;
  const name = typeof r.name === 'string' ? r.name.trim() : '';
  if (name.length < 2 || name.length > 80) return { line: idx, reason: 'no name' };
  if (!fold(line).includes(fold(name).split(/[\s(]/)[0]!)) return { line: idx, reason: 'name not on the line' };

  const reference = typeof r.reference === 'string' ? stripReferenceLead(r.reference.trim()).rest : '';
  const refNumbers = reference ? numberValues(reference) : [];
  if (reference) {
    const parses = labelledRanges([reference]).length > 0 || qualitativeReference(reference) !== undefined;
    if (!parses) return { line: idx, reason: 'reference does not parse' };
    const lineNumbers = numberValues(line);
    if (!refNumbers.every((n) => lineNumbers.some((m) => Math.abs(m - n) < 1e-9))) return { line: idx, reason: 'reference not on the line' };
  }

  let unit: string | null = null;
  if (typeof r.unit === 'string' && r.unit.trim() !== '') {
    const u = unitAtStart(r.unit.trim());
    if (!u || u.consumed < r.unit.trim().length) return { line: idx, reason: 'unit does not parse' };
    if (!squash(line).includes(squash(r.unit))) return { line: idx, reason: 'unit not on the line' };
    unit = u.unit;
  }

  const raw = typeof r.value === 'number' ? String(r.value) : typeof r.value === 'string' ? r.value.trim() : '';
  const number = parseModelNumber(r.value);
  let value: ValueRead;
  if (number !== undefined) {
    // The value must be printed on the line, and not only as a number of the reference.
    const tokens = numbersIn(line).filter((t) => t.values.some((n) => Math.abs(n - number) < 1e-9));
    const inRef = refNumbers.filter((n) => Math.abs(n - number) < 1e-9).length;
    if (tokens.length === 0) return { line: idx, reason: 'value not on the line' };
    // Occurrences inside a printed range ("0,7 a 1,2") are reference bounds, not results.
    const spans = rangeSpans(line);
    const free = tokens.filter((t) => !spans.some(([a, b]) => t.index >= a && t.index < b)).length;
    if (free === 0 || tokens.length <= inRef) return { line: idx, reason: 'value is the reference' };
    const comparator = /^(<|≤|<=)/.test(raw) ? '<' : /^(>|≥|>=)/.test(raw) ? '>' : null;
    value = { value: number, text: raw, comparator, unit, marker: null, rest: '' };
  } else {
    const q = qualitativeAtStart(raw);
    if (!q || q.consumed < raw.length || !fold(line).includes(fold(raw))) return { line: idx, reason: 'value not on the line' };
    value = { value: null, text: q.text, comparator: null, unit: null, marker: null, rest: '' };
  }
  const analyte = analyteFromParts({ name, value, reference, line: idx }, patient, 'model');
  return { analyte, line: idx, numbers: [...(number !== undefined ? [number] : []), ...refNumbers] };
}

/** Grounds a model's answer against the unparsed lines it was shown. */
export function groundModelAnswer(lines: readonly string[], answer: unknown, patient: Patient = {}, reportLines?: readonly number[]): Grounded {
  const rows =
    typeof answer === 'object' && answer !== null && Array.isArray((answer as { analytes?: unknown }).analytes)
      ? (answer as { analytes: unknown[] }).analytes
      : [];
  const analytes: ParsedAnalyte[] = [];
  const qualitative: QualitativeAnalyte[] = [];
  const rejected: Rejection[] = [];
  const accounted = new Map<number, number[]>();
  const seen = new Set<string>();
  for (const row of rows) {
    const g = groundRow(row, lines, patient);
    if ('reason' in g) {
      rejected.push(g);
      continue;
    }
    const key = `${g.line}|${'comparator' in g.analyte ? g.analyte.value : g.analyte.value}|${g.analyte.name}`;
    if (seen.has(key)) {
      rejected.push({ line: g.line, reason: 'duplicate' });
      continue;
    }
    seen.add(key);
    // Rows name the position in the list they were shown; the analyte keeps the report's line.
    g.analyte.line = reportLines?.[g.line] ?? g.analyte.line;
    if (typeof g.analyte.value === 'number') analytes.push(g.analyte as ParsedAnalyte);
    else qualitative.push(g.analyte as QualitativeAnalyte);
    accounted.set(g.line, [...(accounted.get(g.line) ?? []), ...g.numbers]);
  }
  const remaining = lines.filter((l, i) => {
    const got = accounted.get(i);
    if (!got) return true;
    return !numbersIn(l).every((tok) => tok.values.some((n) => got.some((m) => Math.abs(m - n) < 1e-9)));
  });
  return { analytes, qualitative, rejected, unparsed_lines: remaining };
}

/**
 * Runs the model over the unparsed lines of `parsed` and merges what grounding accepts. `ask` is the
 * text model (null when every model failed: the parse stands as it is).
 */
export async function extractUnparsedWithModel(
  reportText: string,
  parsed: LabParseResult,
  ask: (req: { system: string; prompt: string; jsonSchema: Record<string, unknown> }) => Promise<{ json?: unknown; text: string } | null>,
  patient: Patient = {},
): Promise<LabParseResult & { rejected: Rejection[]; asked: boolean; answered: boolean }> {
  if (parsed.unparsed_lines.length === 0) return { ...parsed, rejected: [], asked: false, answered: false };
  const answer = await ask({
    system: EXTRACT_SYSTEM,
    prompt: extractionPrompt(parsed.unparsed_lines),
    jsonSchema: EXTRACT_SCHEMA as unknown as Record<string, unknown>,
  });
  if (!answer) return { ...parsed, rejected: [], asked: true, answered: false };
  let json = answer.json;
  if (json === undefined) {
    try {
      json = JSON.parse(answer.text);
    } catch {
      json = undefined;
    }
  }
  const raw = reportText.split(/\r?\n/).map((l) => l.trim());
  const g = groundModelAnswer(
    parsed.unparsed_lines,
    json,
    patient,
    parsed.unparsed_lines.map((l) => raw.indexOf(l)),
  );
  // A listed line may have made analytes too (the accounting pass lists it for a leftover value):
  // a model row that repeats a value the parser read from that line is a duplicate, not a new result.
  const already = (a: ParsedAnalyte | QualitativeAnalyte) =>
    [...parsed.analytes, ...parsed.qualitative].some(
      (p) =>
        p.line === a.line &&
        (typeof p.value === 'number' ? p.value === a.value : typeof a.value === 'string' && foldSameLength(p.value) === foldSameLength(a.value)),
    );
  const duplicates = [...g.analytes, ...g.qualitative]
    .filter(already)
    .map((a) => ({ line: parsed.unparsed_lines.indexOf(raw[a.line] ?? ''), reason: 'duplicate' as const }));
  return {
    analytes: [...parsed.analytes, ...g.analytes.filter((a) => !already(a))],
    qualitative: [...parsed.qualitative, ...g.qualitative.filter((a) => !already(a))],
    unparsed_lines: g.unparsed_lines,
    rejected: [...g.rejected, ...duplicates],
    asked: true,
    answered: true,
  };
}
