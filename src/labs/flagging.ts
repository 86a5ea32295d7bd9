// A group read from the report becomes analytes: the reference ranges printed for it, chosen for
// this patient (sex, age, tier, condition), else the catalogue's built-in range in the same unit,
// else the lab's own marker; two values on a line (relative %, absolute count) share the ranges.
import { builtInRange, conversionFactor, isCatalogued, shownCatalogueName } from './analytes.ts';
import type { TableHeader } from './layouts.ts';
import { dotIsDecimal } from './piece.ts';
import { sameUnit, unitAtStart } from './units.ts';
import type { Entry, Group, ParsedAnalyte, QualitativeAnalyte } from './result.ts';
import {
  DOUBTFUL_DIGIT,
  flagFor,
  flagQualitative,
  flagTitre,
  titreOf,
  labelledRanges,
  indexTierWord,
  isPhotoCutOff,
  noRangeText,
  piecesWithCutRange,
  qualitativeReference,
  resolveNumeric,
  type LabFlag,
  type LabelledRange,
  type Patient,
  type Range,
} from './reference.ts';

const DOUBTFUL_DIGIT_ANYWHERE = new RegExp(DOUBTFUL_DIGIT.source, 'u');

export function finishGroup(g: Group, patient: Patient, table: TableHeader | undefined, analytes: ParsedAnalyte[], qualitative: QualitativeAnalyte[]): void {
  const refText = g.refItems.join(' ').replace(/\s+/g, ' ').trim() || null;
  const columnSexes = table?.sexes.length ? table.sexes : undefined;
  if (g.entries.length === 1) {
    const e = g.entries[0]!;
    if (e.read.value === null) {
      qualitative.push(qualitativeFrom(e, g.refItems, refText, g.wordReference));
      return;
    }
    const ranges = labelledRanges(g.refItems, { dotIsDecimal: dotIsDecimal(e.def, e.name), columnSexes });
    const a = numericFrom(e, ranges, refText, patient, table);
    // A digit the transcriber could not make out at a bound's end ("0,27 a 4,2[?]"): the bound is anywhere
    // from the digits read (4,2) to the same with a 9 after them (4,29); a flag that depends on which is
    // no flag the report gives.
    if (a.reference_source === 'report' && g.refItems.some((i) => DOUBTFUL_DIGIT_ANYWHERE.test(i))) {
      const widest = labelledRanges(
        g.refItems.map((i) => i.replace(DOUBTFUL_DIGIT, '9')),
        { dotIsDecimal: dotIsDecimal(e.def, e.name), columnSexes },
      );
      if (numericFrom(e, widest, refText, patient, table).flag !== a.flag) a.flag = 'indeterminado';
    }
    analytes.push(a);
    return;
  }
  // Two values (relative %, absolute count): as many ranges as values pair in order; one range goes
  // to the value in its unit, else to the absolute count (the column it is printed beside). Ranges
  // each for another age band ("1 a 2 anos: 1.500 - 8.500   2 a 6 anos: 1.500 - 8.000") are one
  // reference whose band the patient's age picks, never one range per value.
  // Under a row of a relative and an absolute count, a line of ranges for each value led by its unit
  // ("%:  25 a 60   30 a 60" / "/mm³:  1.500 a 8.500   1.800 a 8.000", under age-band columns): each
  // line's ranges are the value's in that unit, however many bands it holds.
  const led = g.refItems.map((item) => {
    const u = unitAtStart(item);
    const rest = u ? item.slice(u.consumed) : '';
    return u && /^\s*:/.test(rest) ? { at: g.entries.findIndex((e) => e.read.unit === u.unit), item: rest.replace(/^\s*:\s*/, '') } : undefined;
  });
  if (led.every((l) => l !== undefined && l.at >= 0) && new Set(led.map((l) => l!.at)).size === g.entries.length) {
    g.entries.forEach((e, i) => {
      const items = led.filter((l) => l!.at === i).map((l) => l!.item);
      const name = e.read.unit === '%' ? `${e.name} (%)` : e.name;
      analytes.push(numericFrom({ ...e, name }, labelledRanges(items, { columnSexes }), items.join(' ').replace(/\s+/g, ' ').trim(), patient, table));
    });
    return;
  }
  // One range for each value, side by side, one of them unreadable ("0 a [borrado] %   0 a 100 /mm³"): each
  // value takes the range in its place, and the one whose range could not be read none, nor a built-in one.
  const pieces = g.refItems.length === 1 ? piecesWithCutRange(g.refItems[0]!) : undefined;
  if (pieces?.length === g.entries.length) {
    g.entries.forEach((e, i) => {
      const name = e.read.unit === '%' ? `${e.name} (%)` : e.name;
      analytes.push(numericFrom({ ...e, name }, labelledRanges([pieces[i]!], { columnSexes }), pieces[i]!, patient, table));
    });
    return;
  }
  const ranges = labelledRanges(g.refItems, { columnSexes });
  const per: LabelledRange[][] = g.entries.map(() => []);
  // So are ranges each for one sex ("Homens: 1.000 a 2.000" / "Mulheres: 700 a 1.600" beside a
  // concentration and a 24-hour excretion): the patient's sex picks one, for the value it is printed beside.
  const bySex =
    ranges.length >= 2 && ranges.every((r) => r.sex !== undefined && r.age === undefined) && new Set(ranges.map((r) => r.sex)).size === ranges.length;
  const byBand = (ranges.length >= 2 && ranges.every((r) => r.age !== undefined) && new Set(ranges.map((r) => r.label)).size === ranges.length) || bySex;
  // More ranges than values, each with a unit of one of them ("2 a 5 anos: 25 a 60 %   6 a 11 anos: 30 a
  // 60 %" and the same in /mm³): each goes to the value in its unit, the patient's age picking among them.
  const unitAt = ranges.map((r) => (r.range.unit ? g.entries.findIndex((e) => e.read.unit !== null && sameUnit(e.read.unit, r.range.unit!)) : -1));
  // Each value's reference text is then the lines of ranges in its unit, when every line holds one unit's
  // ranges (a row's "20-45 %   25-60 %" and the line under it, "1.000-8.500   1.500-8.500 /µL"): the other
  // value's bounds are never its reference's.
  let texts: Array<string | null> | undefined;
  if (ranges.length > g.entries.length && unitAt.every((i) => i >= 0) && new Set(unitAt).size === g.entries.length) {
    ranges.forEach((r, i) => per[unitAt[i]!]!.push(r));
    const owners = g.refItems.map((item) => {
      const at = labelledRanges([item], { columnSexes }).map((r) =>
        g.entries.findIndex((e) => e.read.unit !== null && !!r.range.unit && sameUnit(e.read.unit, r.range.unit)),
      );
      return at.length > 0 && at.every((i) => i >= 0 && i === at[0]) ? at[0]! : -1;
    });
    if (owners.every((o) => o >= 0))
      texts = g.entries.map(
        (_, i) =>
          g.refItems
            .filter((_, k) => owners[k] === i)
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim() || null,
      );
  } else if (ranges.length === g.entries.length && !byBand) ranges.forEach((r, i) => per[i]!.push(r));
  else if (ranges.length === 1 || byBand) {
    const unit = ranges[0]!.range.unit;
    const byUnit = unit && ranges.every((r) => r.range.unit === unit) ? g.entries.findIndex((e) => e.read.unit === unit) : -1;
    // A range of counts (a bound above 100) is no percentage's: it goes to the absolute count wherever
    // that is printed ("3.348 /mm³   36 %   1.500 - 8.500", the absolute count first).
    const counts = ranges.some((r) => (r.range.high ?? r.range.low ?? 0) > 100) ? g.entries.findIndex((e) => e.read.unit !== '%') : -1;
    per[byUnit >= 0 ? byUnit : counts >= 0 && g.entries[g.entries.length - 1]!.read.unit === '%' ? counts : g.entries.length - 1]!.push(...ranges);
  }
  // A concentration printed beside a 24-hour excretion ("98 mEq/L   213,6 mEq/24 h") is the timed urine's:
  // no built-in range, which is blood's, compares with it.
  const timedUrine = g.entries.some((e) => /\/24h$/.test(e.read.unit ?? ''));
  g.entries.forEach((e, i) => {
    const name = e.read.unit === '%' ? `${e.name} (%)` : e.name;
    analytes.push(numericFrom({ ...e, name }, per[i]!, per[i]!.length ? (texts?.[i] ?? refText) : null, patient, table, timedUrine));
  });
}

const NEGATIVE_BELOW_TITRE =
  /^(n[aã]o\s+reagente|n[aã]o\s+reativo|negativ[oa])\s*\(\s*(?:t[ií]tulo\s*:?\s*)?(?:<|≤|inferior\s+a|menor\s+(?:que|do\s+que))\s*1\s*[/:]\s*\d+\s*\)$/iu;

// A name read from a letter's sentence keeps the words that join it to the sentence ("a insulina de jejum de", ", com
// índice HOMA-IR calculado de", "Do ponto de vista metabólico, a glicemia de jejum foi de", h1901): no lab prints a
// name ending in "de", so such a name is prose, shown without the clause before its last comma, its article or
// conjunction, and the verb and preposition before the value.
const PROSE_NAME_END = /\s+(?:(?:foi|era|é|estava|ficou|veio|deu|calculad[oa]|dosad[oa])\s+)?(?:de|em)$/iu;
const PROSE_NAME_LEAD = /^(?:.*,\s*)?(?:(?:e|com|a|o|as|os|do|da|dos|das|um|uma|sua|seu)\s+)*/iu;
const proseName = (name: string): string => {
  if (!PROSE_NAME_END.test(name)) return name;
  const bare = name.replace(PROSE_NAME_END, '').replace(PROSE_NAME_LEAD, '').trim();
  return /\p{L}/u.test(bare) ? bare : name;
};
// The row's name as shown, after the title of the block whose result it gives in another form (Entry.block).
const shownName = (e: Entry, name: string): string => (e.block ? `${e.block} - ${proseName(name)}` : proseName(name));

export function qualitativeFrom(e: Entry, items: string[], refText: string | null, wordReference?: string): QualitativeAnalyte {
  // An immunoassay's tiers of index bands name the word below the cut-off (reference.ts indexTierWord, h1728).
  const ref =
    items.map((i) => qualitativeReference(i)).find(Boolean) ??
    (wordReference && items.includes(wordReference) ? wordReference : undefined) ??
    items.map((i) => indexTierWord(i)).find(Boolean);
  // A reactive result with its titre ("REAGENTE 1/8"): the titre is the result ("1/8").
  const titre = titreOf(e.read.text);
  // A non-reactive word with the dilution it stayed below ("Não reagente (título inferior a 1/64)"): the
  // screening dilution is the assay's, the word the result.
  const text = NEGATIVE_BELOW_TITRE.exec(e.read.text.trim())?.[1] ?? e.read.text;
  return {
    key: e.def && isCatalogued(e.def) ? e.def.key : (e.def?.key ?? null),
    name: shownName(e, e.def ? shownCatalogueName(e.def, e.name) : e.name),
    value: titre ?? text,
    reference_text: refText,
    flag: titre ? flagTitre(titre, ref, refText) : flagQualitative(text, ref),
    source: 'parser',
    line: e.line,
  };
}

const URINE_SAMPLE = /\burin(?:a|[aá]ri[oa])\b/i;
// Nor one measured in a body fluid ("Glicose (líquido)", a pleural fluid beside its paired serum, h1524).
const FLUID_SAMPLE = /(?<![\p{L}])(?:l[ií]quid[oa]s?|l[ií]quor|lcr)(?![\p{L}])/iu;
export const NOT_DETECTED = /^(?:n[aã]o\s+detect[aá](?:d[oa]|vel)|indetect[aá]vel)\.?$/iu;

const SAMPLE_CLOCK = /\(\s*(?:coleta|colhid[oa])\s+(?:(?:às|as)\s+)?(\d{1,2})[:h]\d{2}\s*h?\s*\)/iu;

export function numericFrom(
  e: Entry,
  ranges: LabelledRange[],
  refText: string | null,
  patient: Patient,
  table: TableHeader | undefined,
  urine = false,
): ParsedAnalyte {
  const value = e.read.value!;
  // A name that ends on the percent sign, bare or in brackets ("Linfocitos %   34   25 - 35"): the row's value
  // is the relative count, in per cent though no unit follows it, and keeps saying so beside the catalogue's name.
  const percentName = /\s\(?%\)?$/.test(e.name);
  let unit = e.read.unit ?? table?.unit ?? (percentName && e.def ? '%' : null);
  const base = {
    key: e.def?.key ?? null,
    name: shownName(e, e.def ? (percentName ? `${e.def.name} (%)` : shownCatalogueName(e.def, e.name)) : e.name),
    value,
    comparator: e.read.comparator,
    source: 'parser' as const,
    line: e.line,
  };
  // A whole count printed without a unit against a range in thousands ("leuco 6.300 (4 mil a 10 mil)",
  // typed by a patient): "mil" says the range's bounds are thousands, so the count is compared with
  // them multiplied out; a count of 1.000 or more in thousands would be a thousand times too high.
  // A count printed per mm³ ("7.240 /mm3    ref 4 mil a 11 mil") is the same count in its own unit.
  const wholeCount = unit === '/mm³' || (unit === null && Number.isInteger(value) && value >= 1000);
  if (wholeCount && ranges.length > 0 && ranges.every((r) => r.range.unit === 'mil/mm³')) {
    const times = (x: number | null) => (x === null ? null : x * 1000);
    ranges = ranges.map((r) => ({ ...r, range: { ...r.range, low: times(r.range.low), high: times(r.range.high), unit: '/mm³' } }));
  }
  // The clock time a sample was drawn at, in brackets after its name ("CORTISOL - 2ª AMOSTRA (coleta às
  // 16:05)", "Cortisol (coleta 07:30)"): that sample's, before the report's, to pick a range by time of day.
  const drawn = SAMPLE_CLOCK.exec(e.name);
  if (drawn && Number(drawn[1]) < 24) patient = { ...patient, collectionHour: Number(drawn[1]) };
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
      // A range the report gives for a group the patient may not be in ("< 100 (ALTO RISCO)", an LDL
      // target for one risk category) says nothing alone: the lab's own mark beside the value ("H") does.
      flag: resolved.flag === 'indeterminado' && e.read.marker ? e.read.marker : resolved.flag,
    };
  }
  // No usable range in the report: the built-in one, only if the unit is known and convertible.
  // No built-in range when the report says there is none ("Referência: não se aplica").
  // The built-in ranges are blood's: the same analyte measured in urine ("Creatinina, urina") has none.
  if (
    e.def &&
    isCatalogued(e.def) &&
    unit &&
    !(refText && (noRangeText(refText) || isPhotoCutOff(refText))) &&
    !URINE_SAMPLE.test(e.name) &&
    !FLUID_SAMPLE.test(e.name) &&
    !urine
  ) {
    const factor = conversionFactor(e.def, unit);
    if (factor !== undefined) {
      const b = builtInRange(e.def, patient.sex);
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
  // A quantity where the lab expects none detected (a viral load "86 cópias/mL" against "Não detectado"):
  // any amount read is above the reference. Not "< 20" (below what the assay quantifies), nor a
  // serology's index against "Não reagente", which has a cut-off of its own.
  const detectedOverNone = refText !== null && NOT_DETECTED.test(refText.trim()) && value > 0 && e.read.comparator === null;
  // The lab's own mark ("↑", "(L)") when nothing else can be compared.
  const flag: LabFlag = e.read.marker ?? (detectedOverNone ? 'alto' : 'indeterminado');
  return { ...base, unit, reference_low: null, reference_high: null, reference_text: refText, reference_source: null, flag };
}
