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
// title nor read in full goes to `unparsed_lines` verbatim. Nothing is guessed: a value without a
// range the report states and without a built-in range in the same unit is 'indeterminado'.
import { conversionFactor, foldSameLength, isCatalogued, lookupName, type AnalyteDef, type KnownName } from './analytes.ts';
import { cells, cleanLine, isAdminLine, isBlockDetail, type CleanLine } from './lines.ts';
import { unitsByColumn, withoutPreviousColumn } from './columns.ts';
import { labelledLine, splitResults, tableHeader, type TableHeader } from './layouts.ts';
import { namesWithoutFixedRange, referenceRow, referenceTableHeader, type ReferenceTable } from './late-references.ts';
import { numbersIn } from './numbers.ts';
import { readPatient, type PatientInput } from './patient.ts';
import {
  flagFor,
  flagQualitative,
  isReferenceLabel,
  isReferenceText,
  labelledRanges,
  qualitativeAtStart,
  qualitativeReference,
  resolveNumeric,
  stripReferenceLead,
  type LabFlag,
  type LabelledRange,
  type Patient,
  type QualitativeFlag,
  type Range,
} from './reference.ts';
import { unitAtStart } from './units.ts';
import { markerOf, readValue, type ValueRead } from './value.ts';
import { isWordField, wordResultText } from './word-results.ts';

export { parseBrNumber } from './numbers.ts';
export { parseRangeExpression } from './reference.ts';
export type { LabFlag, QualitativeFlag } from './reference.ts';

export interface ParsedAnalyte {
  /** Catalogue key (e.g. "glicose"), or null for an analyte read from the report but not catalogued. */
  key: string | null;
  name: string;
  value: number;
  /** "<" for a result printed "< 0,5" / "inferior a 0,5"; the value is then the bound. */
  comparator: '<' | '>' | null;
  unit: string | null;
  reference_low: number | null;
  reference_high: number | null;
  reference_text: string | null;
  reference_source: 'report' | 'built_in' | null;
  flag: LabFlag;
  /** 'model' when the text model read it from an unparsed line and grounding accepted it. */
  source: 'parser' | 'model';
  /** 0-based line of the report the value was read from. */
  line: number;
}

export interface QualitativeAnalyte {
  key: string | null;
  name: string;
  /** As printed: "Negativo", "Não reagente", "Reagente 1/8". */
  value: string;
  reference_text: string | null;
  /** Against the printed qualitative reference; 'indeterminado' when none is printed. */
  flag: QualitativeFlag;
  source: 'parser' | 'model';
  line: number;
}

export interface LabParseResult {
  analytes: ParsedAnalyte[];
  qualitative: QualitativeAnalyte[];
  unparsed_lines: string[];
}

export type LabParseOptions = PatientInput;

interface Entry {
  def: AnalyteDef | KnownName | undefined;
  name: string;
  read: ValueRead;
  line: number;
}

interface Group {
  entries: Entry[];
  refItems: string[];
}

/** A result group already flagged, with the analytes it made. */
interface Closed {
  group: Group;
  made: Array<ParsedAnalyte | QualitativeAnalyte>;
}

const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
/** Number tokens outside brackets: "(CKD-EPI 2021)", "(URINA DE 24 HORAS)" are part of a name. */
// So are durations in a name ("URINA DE 24 HORAS", "Proteinúria de 24 horas").
const bareNumbers = (s: string) =>
  numbersIn(
    s
      .replace(/\([^)]*\)/g, (m) => ' '.repeat(m.length))
      .replace(/\d+\s*(?:horas?|h|dias?|meses|anos?|semanas?|minutos?)(?![\p{L}])/giu, (m) => ' '.repeat(m.length)),
  ).length;

function cleanName(s: string): string {
  const name = s
    .replace(/^[\s\-–—*•|:.]+/, '')
    .replace(/[\s:=.\-–—|→⇒>]+$/, '')
    // "GLICOSE      Resultado:  99 mg/dL": the label between the name and its value is no part of it.
    .replace(/\s+resultados?(?:\s+encontrados?)?$/i, '')
    .trim();
  // A hospital system's code column before the name ("GLI   Glicose", "HB   Hemoglobina").
  const code = /^([A-Z0-9]{2,5})\s{2,}(\p{L}.*)$/u.exec(name);
  if (code && (lookupName(code[2]!) || !lookupName(code[1]!))) return code[2]!;
  return name;
}

const dotIsDecimal = (def: AnalyteDef | KnownName | undefined) => Boolean(def && 'dotIsDecimal' in def && def.dotIsDecimal);

interface Ctx {
  table: TableHeader | undefined;
  line: CleanLine;
}

/** The value (and reference) after a known name, or undefined when it does not read in full. */
function readAfterName(nameRaw: string, valueText: string, ctx: Ctx, opts: { separated: boolean }): Group | undefined {
  const name = cleanName(nameRaw);
  const def = lookupName(name);
  // One-letter names only from the catalogue ("K 3,1 mEq/L").
  if ((letters(name) < 2 && !def) || name.includes(':')) return undefined;
  if (
    isReferenceLabel(name, { asName: true }) ||
    stripReferenceLead(name).lead ||
    /^(resultados?|at[eé]|inferior|superior|acima|abaixo|maior|menor|de|entre)$/i.test(name)
  )
    return undefined;
  const read = readValue(valueText, { dotIsDecimal: dotIsDecimal(def), freeText: ctx.line.leader });
  if (!read) return undefined;
  const entries: Entry[] = [{ def, name, read, line: ctx.line.index }];
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
  if (read.value !== null && (read.unit || columns.length >= 2)) {
    const second = readValue(rest, { dotIsDecimal: dotIsDecimal(def) });
    if (second && second.value !== null && (second.unit || (columns.length >= 2 && !read.unit)) && second.comparator === null && !isReferenceText(rest)) {
      entries.push({ def, name, read: second, line: ctx.line.index });
      rest = second.rest;
    }
  }
  // Each count with its own reference: "Neutrófilos: 60% (40-70) / 3.120/µL (1.800-7.700)".
  const paired = entries.length === 1 && read.value !== null && read.unit ? /^\s*(\([^()]*\d[^()]*\))\s*[/|]\s*(?=\d)/.exec(rest) : null;
  if (paired && isReferenceText(paired[1]!)) {
    const second = readValue(rest.slice(paired[0].length), { dotIsDecimal: dotIsDecimal(def) });
    if (second && second.value !== null && second.unit && second.unit !== read.unit && /^\s*\([^()]*\)\s*$/.test(second.rest) && isReferenceText(second.rest)) {
      entries.push({ def, name, read: second, line: ctx.line.index });
      const refs = [paired[1]!, second.rest].map((r) => r.trim().replace(/^\((.*)\)$/, '$1'));
      return { entries, refItems: refs };
    }
  }
  if (columns.length >= 2 && entries.every((e) => e.read.unit === null && e.read.value !== null)) {
    const units = unitsByColumn(columns, entries.length, ctx.line, valueText);
    entries.forEach((e, i) => (e.read = { ...e.read, unit: units[i] ?? null }));
  }
  let ref = rest.replace(/^(?:[\s|,;]|[-–—](?!\d))+/, '').trim();
  // A note in brackets after the unit ("0,9 mg/dL (jejum)", "(calculado)") says how the value was
  // obtained; it is not the reference unless it reads as one ("(Negativo)", "(VR: …)").
  const note = /^\((?:[^()\d]*|[^()]*\d{1,2}\/\d{1,2}\/\d{2,4}[^()]*)\)\s*/.exec(ref);
  if (note && !isReferenceText(note[0]) && !isReferenceLabel(note[0].replace(/[()]/g, ''))) ref = ref.slice(note[0].length);
  // The lab's mark printed after the reference ("11,0 g/dL (12,0 - 16,0) L").
  const late = /\s+(\*{1,3}|\(?[HL]\)?|↑|↓|⬆\uFE0F?|⬇\uFE0F?)$/u.exec(ref);
  if (late && ref.length > late[0].length) {
    ref = ref.slice(0, late.index);
    const last = entries[entries.length - 1]!;
    last.read = { ...last.read, marker: last.read.marker ?? markerOf(late[1]!) };
  }
  // A last column of words after the reference is the method or a comment ("70 a 99   Enzimático").
  const lastCell = /^(.*\d.*?)\s{3,}([\p{L}][\p{L} .,/-]*)$/u.exec(ref);
  if (lastCell && !isReferenceText(ref, { dotIsDecimal: dotIsDecimal(def) }) && !isReferenceLabel(lastCell[2]!) && isReferenceText(lastCell[1]!, { dotIsDecimal: dotIsDecimal(def) }))
    ref = lastCell[1]!;
  // Beside the value, either a reference or only the label of the ranges printed under it
  // ("198 mg/dL   Com jejum / Sem jejum", then "Desejável: < 190 mg/dL" on the next line).
  if (ref !== '' && !isReferenceText(ref, { dotIsDecimal: dotIsDecimal(def) }) && !(!/\d/.test(ref) && isReferenceLabel(ref.replace(/:$/, ''))))
    return undefined;
  // A bare number with neither unit nor reference is a result only where the layout says so.
  if (read.value !== null && !read.unit && ref === '' && !def && !opts.separated && !ctx.table) return undefined;
  const refBody = stripReferenceLead(ref.replace(/^\((.*)\)$/, '$1')).rest;
  return { entries, refItems: refBody ? [refBody] : [] };
}

/** "Hemácias (milhões/mm³)" → the name and the unit its values are in. */
function nameUnit(name: string): { name: string; unit: string } | undefined {
  const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(name);
  if (!m) return undefined;
  const u = unitAtStart(m[2]!);
  return u && u.consumed >= m[2]!.trim().length ? { name: m[1]!, unit: u.unit } : undefined;
}

/** Name + value + (reference) from one piece of a line, or undefined when it does not read in full. */
function readPiece(text: string, ctx: Ctx, depth = 0): Group | undefined {
  const build = (nameRaw: string, valueText: string, opts: { separated: boolean }) => readAfterName(nameRaw, valueText, ctx, opts);

  // (B) "Name: value …" — the colon ends the name when no value sits before it.
  const colon = text.indexOf(':');
  if (colon > 0) {
    const before = text.slice(0, colon);
    const after = text.slice(colon + 1);
    // A dot leader marks the end of the name for sure, digits and all ("Proteínas de 24 horas ....").
    if (letters(before) >= 2 && (bareNumbers(before) === 0 || ctx.line.leader)) {
      const g = build(before, after, { separated: true });
      if (g) return g;
      // A group label: "Eletrólitos: Sódio 138 mEq/L (136-145)".
      if (depth === 0 && /^\s*\p{L}/u.test(after)) {
        const inner = readPiece(after.trim(), ctx, 1);
        if (inner && inner.entries.every((e) => e.def)) return inner;
      }
    }
  }
  // (C) Columns: the first cell is the name.
  const cs = cells(text);
  if (cs.length >= 2 && numbersIn(cs[0]!).length === 0 && !cs[0]!.includes(':')) {
    const g = build(cs[0]!, text.slice(text.indexOf(cs[0]!) + cs[0]!.length), { separated: true });
    if (g) return g;
  }
  // (A) The name runs up to the first value.
  const first = firstValueAt(text);
  if (first > 0) return build(text.slice(0, first), text.slice(first), { separated: false });
  return undefined;
}

const QUALITATIVE_AFTER_COLON =
  /:\s*(?:n[aã]o\s+)?(?:reagente|negativ[oa]|positiv[oa]|ausentes?|presentes?|detect[aá]vel|detectado|indetect[aá]vel)(?![\p{L}])/iu;

const VALUE_START = /(?:(?:<=|≤|>=|≥|<|>)\s*|(?:inferior|superior)\s+a\s+)?\d/giu;

function firstValueAt(text: string): number {
  const tokens = numbersIn(text);
  for (const m of text.matchAll(VALUE_START)) {
    const idx = m.index ?? 0;
    const digitAt = idx + m[0].length - 1;
    if (idx > 0 && !/[\s:=|]/.test(text[idx - 1]!)) continue;
    if (tokens.some((t) => t.index === digitAt)) return idx;
  }
  // Qualitative words after a name ("Anti-HCV Não reagente").
  const q =
    /\s(n[aã]o\s+reagente|reagente|negativ[oa]|positiv[oa]|ausentes?|presentes?|n[aã]o\s+detect[aá]vel|detect[aá]vel|indetect[aá]vel)(?![\p{L}])/iu.exec(text);
  return q ? (q.index ?? 0) + 1 : -1;
}

// Labels whose text after the colon is a heading, not a result ("Exame: Hemograma completo").
const HEADING_LABEL = /^(?:exames?|setor|se[cç][aã]o|grupo|perfil|painel|conclus[aã]o|nota|parecer|laudo|tipo de amostra|procedimento)$/i;

/** "Label: a few words" with no digits: a result written in words, when the label is not a heading. */
function wordsAfterLabel(t: string): boolean {
  const m = /^([\p{L}][\p{L} .()/-]{1,40}?)\s*:\s*([\p{L}][\p{L} ,()+-]*)$/u.exec(t);
  if (!m || /\d/.test(t)) return false;
  return !HEADING_LABEL.test(m[1]!.trim()) && m[2]!.trim().split(/\s+/).length <= 5 && !isReferenceLabel(m[1]!.trim());
}

/** The analyte a reference lead names in brackets: "Valores de referência (bilirrubina total):". */
function referenceSubject(t: string): string | undefined {
  const m = /^[^()]*?\(([^()]+)\)\s*:?/.exec(t);
  if (!m || !stripReferenceLead(t.slice(0, m[0].length)).lead || isReferenceLabel(m[1]!)) return undefined;
  return m[1]!.trim();
}

const foldName = (s: string) => foldSameLength(s).replace(/[^a-z0-9]+/g, '');

function sameAnalyte(e: Entry, name: string): boolean {
  const def = lookupName(name);
  return (def !== undefined && e.def !== undefined && def.key === e.def.key) || foldName(e.name) === foldName(name);
}

/** Whether the next non-empty line holds only a value: a number (unit, marker) or a word result. */
function valueAloneNext(lines: CleanLine[], index: number): boolean {
  const next = lines.slice(index + 1).find((l) => l.text !== '');
  if (!next) return false;
  const v = readValue(next.text);
  return v !== undefined && /^\s*[<>≤≥\d\p{L}]/u.test(next.text) && v.rest.trim() === '' && (v.value !== null || qualitativeReference(next.text) !== undefined);
}

/** What a line alone means in a one-cell-per-line layout, or undefined when it is not such a cell. */
function verticalCell(t: string, pending: Group | undefined, title: { name: string } | undefined, afterRefLabel: boolean): 'unit' | 'word-result' | undefined {
  const u = unitAtStart(t);
  if (u && u.consumed >= t.length && pending?.entries.length === 1 && pending.entries[0]!.read.value !== null && !pending.entries[0]!.read.unit)
    return 'unit';
  if (title && !pending && !afterRefLabel && qualitativeReference(t) !== undefined && qualitativeAtStart(t)) return 'word-result';
  return undefined;
}

/** The patient's sex and age as the parser sees them (report header first, then the options). */
export function reportPatient(text: string, options: LabParseOptions = {}): Patient {
  return readPatient(
    text.split(/\r?\n/).map((raw, i) => cleanLine(raw, i).text),
    options,
  );
}

export function parseLabReport(text: string, options: LabParseOptions = {}): LabParseResult {
  const lines = text.split(/\r?\n/).map((raw, i) => cleanLine(raw, i));
  const patient: Patient = readPatient(
    lines.map((l) => l.text),
    options,
  );
  const analytes: ParsedAnalyte[] = [];
  const qualitative: QualitativeAnalyte[] = [];
  const unparsed: string[] = [];

  let table: TableHeader | undefined;
  let title: { name: string; def: AnalyteDef | KnownName | undefined } | undefined;
  let preRef: string[] = [];
  let pending: Group | undefined;
  // The line before was a bare reference label ("Valor de referência:"): a word alone is its text.
  let lastRefLead = false;

  // Results read since the last title, with what each produced: a reference printed after several
  // of them may name the one it belongs to ("Valores de referência (bilirrubina total):").
  let recent: Closed[] = [];
  // Every result read so far: a reference table or a note printed after the results names them.
  const closed: Closed[] = [];
  let refTable: ReferenceTable | undefined;
  const close = () => {
    if (pending) {
      const before = [analytes.length, qualitative.length] as const;
      finishGroup(pending, patient, table, analytes, qualitative);
      const c = { group: pending, made: [...analytes.slice(before[0]), ...qualitative.slice(before[1])] };
      recent.push(c);
      closed.push(c);
    }
    pending = undefined;
  };
  /** Flags an earlier result again with references found later, in place. */
  const refinish = (c: Closed, items: string[]) => {
    c.group.refItems = items;
    const before = [analytes.length, qualitative.length] as const;
    finishGroup(c.group, patient, table, analytes, qualitative);
    const made = [...analytes.splice(before[0]), ...qualitative.splice(before[1])];
    c.made.forEach((old, i) => made[i] && Object.assign(old, made[i]));
  };
  const earlier = (name: string) => closed.find((c) => c.group.entries.length === 1 && sameAnalyte(c.group.entries[0]!, name));
  /** Makes an earlier result of this block pending again, so the reference lines that follow join it. */
  const reopen = (name: string): boolean => {
    const i = recent.findIndex((r) => r.group !== pending && r.group.entries.some((e) => sameAnalyte(e, name)));
    if (i < 0) return false;
    close();
    const r = recent.splice(i, 1)[0]!;
    for (const a of r.made) {
      const list: Array<ParsedAnalyte | QualitativeAnalyte> = typeof a.value === 'number' ? analytes : qualitative;
      list.splice(list.indexOf(a), 1);
    }
    pending = r.group;
    return true;
  };
  const addRef = (g: Group, t: string) => {
    const { rest } = stripReferenceLead(t);
    if (rest !== '') g.refItems.push(rest);
  };

  for (const line of lines) {
    const t = table?.previousAt !== undefined ? withoutPreviousColumn(line, table.previousAt) : line.text;
    if (t === '') continue;
    const ctx: Ctx = { table, line };

    const header = tableHeader(t, line.offset);
    if (header) {
      close();
      table = header;
      refTable = undefined;
      // "RESULTADO   VALORES DE REFERÊNCIA" inside a block: the title above still names the value
      // printed under the header.
      preRef = [];
      continue;
    }

    // A table of ranges after the results (SBC lipid table): its rows join the results read before.
    const rh = referenceTableHeader({ ...line, text: t });
    if (rh) {
      close();
      refTable = rh;
      title = undefined;
      continue;
    }
    const row = refTable ? referenceRow({ ...line, text: t }, refTable) : undefined;
    if (row) {
      close();
      const c = earlier(row.name);
      if (c && c.made.every((a) => !('reference_source' in a) || a.reference_source !== 'report')) refinish(c, row.items);
      continue;
    }
    // "LDL-c e não-HDL-c: conforme a categoria de risco": no fixed range applies to these results.
    const unranged = namesWithoutFixedRange(t);
    if (unranged.length > 0) {
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

    if (isAdminLine(t)) {
      if (isBlockDetail(t)) continue;
      close();
      title = undefined;
      continue;
    }

    // PDF text with one cell per line ("Glicose" / "95" / "mg/dL" / "70 a 99"): a unit alone on its
    // line belongs to the value just read, and a word result alone under a title is the result
    // (the word after it is then its reference).
    const cell = verticalCell(t, pending, title, lastRefLead);
    lastRefLead = false;
    if (cell === 'unit') {
      const e = pending!.entries[0]!;
      e.read = { ...e.read, unit: unitAtStart(t)!.unit };
      continue;
    }
    if (cell === 'word-result') {
      pending = { entries: [{ def: title!.def, name: title!.name, read: readValue(t)!, line: line.index }], refItems: [...preRef.filter(Boolean)] };
      preRef = [];
      title = undefined;
      continue;
    }

    // A reference standing on its own line: under the result, or above it inside a block.
    const nameBefore = t.split(':')[0]!;
    if (!lookupName(cleanName(nameBefore)) && isReferenceText(t, { strictLabels: true, dotIsDecimal: dotIsDecimal(pending?.entries[0]?.def ?? title?.def) })) {
      const subject = referenceSubject(t);
      if (subject && reopen(subject)) addRef(pending!, t);
      else if (pending) addRef(pending, t);
      else if (title) preRef.push(stripReferenceLead(t).rest);
      // A word alone with nothing to be the reference of may be a result whose name was not read.
      else if (!stripReferenceLead(t).lead && qualitativeReference(t) !== undefined) unparsed.push(line.raw.trim());
      lastRefLead = stripReferenceLead(t).rest === '';
      continue;
    }

    // "Resultado: 95 mg/dL" under a block title; "RESULTADO      5,4 %".
    const res = /^resultados?\b(?:\s+(?:atual|encontrados?|obtidos?))?\s*[:.]?\s*/i.exec(t);
    if (res) {
      const rest = t.slice(res[0].length);
      let g = title ? readAfterName(title.name, rest, ctx, { separated: true }) : undefined;
      // A result in words under a title ("Resultado: Negativo para ovos e cistos.", "Resultado: Foram
      // encontrados cistos de Giardia lamblia."): the whole sentence is the result.
      const sentence = /:/.test(res[0]) ? wordResultText(rest) : undefined;
      if (!g && title && sentence !== undefined) {
        const text = sentence;
        g = {
          entries: [{ def: title.def, name: title.name, read: { value: null, text, comparator: null, unit: null, marker: null, rest: '' }, line: line.index }],
          refItems: [],
        };
      }
      if (g && title) {
        close();
        for (const e of g.entries) e.def = title.def;
        g.refItems.unshift(...preRef.filter(Boolean));
        pending = g;
        preRef = [];
        title = undefined;
      } else if (numbersIn(t).length > 0 || readValue(rest) || sentence !== undefined) {
        close();
        unparsed.push(line.raw.trim());
      }
      continue;
    }

    // One or more results on the line.
    // Results side by side in columns or between bars ("Hb 9,8 g/dL | Ht 30 % | …"): one per cell,
    // when every cell reads as a result on its own.
    const cs = cells(t);
    const sideBySide = cs.length >= 2 && cs.every((c) => !isReferenceText(c) && readPiece(c, ctx) !== undefined);
    const pieces = sideBySide ? cs : splitResults(t, (p) => readPiece(p, ctx) !== undefined);
    const groups = pieces.map((p) => readPiece(p, ctx));
    if (groups.some(Boolean)) {
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

    // A value alone under a title.
    if (title) {
      const g = readAfterName(title.name, t, ctx, { separated: true });
      if (g && numbersIn(t).length > 0 && /^\s*[<>≤≥\d]/.test(t)) {
        close();
        for (const e of g.entries) e.def = title.def;
        g.refItems.unshift(...preRef.filter(Boolean));
        pending = g;
        preRef = [];
        title = undefined;
        continue;
      }
    }

    // A title: no value on it (digits glued to letters, "B12", "25-OH", do not count), or it ends
    // with a colon ("ANTI-HIV 1 E 2 (4ª GERAÇÃO):").
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
    // "Cor: Palha", "Cristais: Oxalato de cálcio raros": a word result the parser does not know is
    // still a result-like value, reported rather than taken for a title.
    if (wordsAfterLabel(t)) {
      close();
      title = undefined;
      const [label, ...words] = t.split(':');
      const text = wordResultText(words.join(':'));
      if (isWordField(label!) && text !== undefined) {
        const name = cleanName(label!);
        pending = { entries: [{ def: lookupName(name), name, read: { value: null, text, comparator: null, unit: null, marker: null, rest: '' }, line: line.index }], refItems: [] };
      } else unparsed.push(line.raw.trim());
      continue;
    }
    // A name with digits in it ("HIV 1 e 2 - Anticorpos") is a title when its value stands alone on
    // the next line (one cell per line).
    if (bareNumbers(t) === 0 || /:\s*$/.test(t) || (letters(t) >= 3 && valueAloneNext(lines, line.index))) {
      close();
      const name = cleanName(t);
      title = { name, def: lookupName(name) };
      recent = [];
      preRef = [];
      continue;
    }

    close();
    title = undefined;
    unparsed.push(line.raw.trim());
  }
  close();
  return { analytes, qualitative, unparsed_lines: unparsed };
}

function finishGroup(g: Group, patient: Patient, table: TableHeader | undefined, analytes: ParsedAnalyte[], qualitative: QualitativeAnalyte[]): void {
  const refText = g.refItems.join(' ').replace(/\s+/g, ' ').trim() || null;
  const columnSexes = table?.sexes.length ? table.sexes : undefined;
  if (g.entries.length === 1) {
    const e = g.entries[0]!;
    if (e.read.value === null) {
      qualitative.push(qualitativeFrom(e, g.refItems, refText));
      return;
    }
    const ranges = labelledRanges(g.refItems, { dotIsDecimal: dotIsDecimal(e.def), columnSexes });
    analytes.push(numericFrom(e, ranges, refText, patient, table));
    return;
  }
  // Two values (relative %, absolute count): as many ranges as values pair in order; one range goes
  // to the value in its unit, else to the absolute count (the column it is printed beside).
  const ranges = labelledRanges(g.refItems, { columnSexes });
  const per: LabelledRange[][] = g.entries.map(() => []);
  if (ranges.length === g.entries.length) ranges.forEach((r, i) => per[i]!.push(r));
  else if (ranges.length === 1) {
    const r = ranges[0]!;
    const byUnit = r.range.unit ? g.entries.findIndex((e) => e.read.unit === r.range.unit) : -1;
    per[byUnit >= 0 ? byUnit : g.entries.length - 1]!.push(r);
  }
  g.entries.forEach((e, i) => {
    const name = e.read.unit === '%' ? `${e.name} (%)` : e.name;
    analytes.push(numericFrom({ ...e, name }, per[i]!, per[i]!.length ? refText : null, patient, table));
  });
}

function qualitativeFrom(e: Entry, items: string[], refText: string | null): QualitativeAnalyte {
  const ref = items.map((i) => qualitativeReference(i)).find(Boolean);
  return {
    key: e.def && isCatalogued(e.def) ? e.def.key : (e.def?.key ?? null),
    name: e.def?.name ?? e.name,
    value: e.read.text,
    reference_text: refText,
    flag: flagQualitative(e.read.text, ref),
    source: 'parser',
    line: e.line,
  };
}

function numericFrom(e: Entry, ranges: LabelledRange[], refText: string | null, patient: Patient, table: TableHeader | undefined): ParsedAnalyte {
  const value = e.read.value!;
  let unit = e.read.unit ?? table?.unit ?? null;
  const base = {
    key: e.def?.key ?? null,
    name: e.def ? (e.name.endsWith(' (%)') ? `${e.def.name} (%)` : e.def.name) : e.name,
    value,
    comparator: e.read.comparator,
    source: 'parser' as const,
    line: e.line,
  };
  const resolved = resolveNumeric(ranges, value, unit, patient, e.read.comparator);
  if (resolved.flag !== undefined) {
    const r = resolved.range;
    if (unit === null && r?.unit) unit = r.unit;
    return {
      ...base,
      unit,
      reference_low: r?.low ?? null,
      reference_high: r?.high ?? null,
      reference_text: refText,
      reference_source: 'report',
      flag: resolved.flag,
    };
  }
  // No usable range in the report: the built-in one, only if the unit is known and convertible.
  if (e.def && isCatalogued(e.def) && unit) {
    const factor = conversionFactor(e.def, unit);
    if (factor !== undefined) {
      const b = e.def.builtIn;
      const inUnit = (x: number | null) => (x === null ? null : Math.round((x / factor) * 1000) / 1000);
      const builtIn: Range = { low: b.low, high: b.high, lowExclusive: b.lowExclusive ?? false, highExclusive: b.highExclusive ?? false, unit: null };
      return {
        ...base,
        unit,
        reference_low: inUnit(b.low),
        reference_high: inUnit(b.high),
        reference_text: refText ?? b.text,
        reference_source: 'built_in',
        flag: flagFor(value * factor, builtIn, e.read.comparator),
      };
    }
  }
  // The lab's own mark ("↑", "(L)") when nothing else can be compared.
  const flag: LabFlag = e.read.marker ?? 'indeterminado';
  return { ...base, unit, reference_low: null, reference_high: null, reference_text: refText, reference_source: null, flag };
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
