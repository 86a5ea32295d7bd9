// TACO 4th edition (NEPA/UNICAMP, 2011) parsed from its CSV transcription. Pure: takes the text, so the
// same code runs in the worker (Node) and in edge functions (Deno); reading the file lives in taco-file.ts.
//
// The table distinguishes "Tr" (trace: present below the quantification limit), "NA" (not applicable /
// not analysed), "*" (value under analysis when the table was published) and an empty field (not
// determined). Only a trace may count as 0 in a sum; the others are unknown, and a total built on
// them must say it is incomplete. So the parsed value keeps each case apart instead of collapsing to 0.

export type NutrientValue = { kind: 'value'; value: number } | { kind: 'trace' } | { kind: 'not_applicable' } | { kind: 'missing' };

/** Columns of the table after id/category/description, in file order, with their units in the key. */
export const TACO_NUTRIENT_KEYS = [
  'moisture_pct',
  'energy_kcal',
  'energy_kj',
  'protein_g',
  'lipids_g',
  'cholesterol_mg',
  'carbohydrate_g',
  'fiber_g',
  'ash_g',
  'calcium_mg',
  'magnesium_mg',
  'manganese_mg',
  'phosphorus_mg',
  'iron_mg',
  'sodium_mg',
  'potassium_mg',
  'copper_mg',
  'zinc_mg',
  'retinol_mcg',
  're_mcg',
  'rae_mcg',
  'thiamine_mg',
  'riboflavin_mg',
  'pyridoxine_mg',
  'niacin_mg',
  'vitamin_c_mg',
] as const;

export type TacoNutrientKey = (typeof TACO_NUTRIENT_KEYS)[number];

/** The table's own 15 groups. */
export const TACO_CATEGORIES = [
  'Cereais e derivados',
  'Verduras, hortaliças e derivados',
  'Frutas e derivados',
  'Gorduras e óleos',
  'Pescados e frutos do mar',
  'Carnes e derivados',
  'Leite e derivados',
  'Bebidas (alcoólicas e não alcoólicas)',
  'Ovos e derivados',
  'Produtos açucarados',
  'Miscelâneas',
  'Outros alimentos industrializados',
  'Alimentos preparados',
  'Leguminosas e derivados',
  'Nozes e sementes',
] as const;

export type TacoCategory = (typeof TACO_CATEGORIES)[number];

export interface TacoFood {
  id: number;
  category: TacoCategory;
  description: string;
  /** Per 100 g of edible part. */
  per100g: Readonly<Record<TacoNutrientKey, NutrientValue>>;
}

export interface TacoTable {
  foods: readonly TacoFood[];
  byId: ReadonlyMap<number, TacoFood>;
}

export class TacoParseError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`TACO CSV line ${line}: ${message}`);
    this.name = 'TacoParseError';
    this.line = line;
  }
}

const TRACE: NutrientValue = Object.freeze({ kind: 'trace' });
const NOT_APPLICABLE: NutrientValue = Object.freeze({ kind: 'not_applicable' });
const MISSING: NutrientValue = Object.freeze({ kind: 'missing' });

/**
 * One cell. The transcription carries a few typing slips of the source spreadsheet (" Tr" with a
 * leading space, ",0,02" with a stray leading comma); they are read as the obvious value rather than
 * rejected, and anything else that is not a number fails loudly with its line.
 */
export function parseNutrientCell(raw: string, line: number): NutrientValue {
  const cell = raw.trim();
  if (cell === '') return MISSING;
  if (cell === '*') return MISSING; // "em análise" in the printed table: not determined
  if (cell === 'Tr') return TRACE;
  if (cell === 'NA') return NOT_APPLICABLE;
  const normalised = cell.replace(/^,(?=\d+,\d+$)/, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) throw new TacoParseError(line, `unreadable value "${raw}"`);
  return { kind: 'value', value: Number(normalised) };
}

const CATEGORY_SET: ReadonlySet<string> = new Set(TACO_CATEGORIES);

export function parseTacoCsv(text: string): TacoTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0];
  const expectedFields = 3 + TACO_NUTRIENT_KEYS.length;
  if (header === undefined || header.split(';').length !== expectedFields) {
    throw new TacoParseError(1, `header must have ${expectedFields} fields`);
  }
  const foods: TacoFood[] = [];
  const byId = new Map<number, TacoFood>();
  for (let i = 1; i < lines.length; i++) {
    const lineText = lines[i] ?? '';
    if (lineText.trim() === '') continue;
    const lineNo = i + 1;
    const fields = lineText.split(';');
    if (fields.length !== expectedFields) {
      throw new TacoParseError(lineNo, `expected ${expectedFields} fields, got ${fields.length}`);
    }
    const id = Number(fields[0]);
    if (!Number.isInteger(id) || id <= 0) throw new TacoParseError(lineNo, `bad id "${fields[0]}"`);
    if (byId.has(id)) throw new TacoParseError(lineNo, `duplicate id ${id}`);
    const category = (fields[1] ?? '').trim();
    if (!CATEGORY_SET.has(category)) throw new TacoParseError(lineNo, `unknown category "${category}"`);
    const description = (fields[2] ?? '').trim().replace(/\s+/g, ' ');
    if (description === '') throw new TacoParseError(lineNo, 'empty description');
    const per100g = {} as Record<TacoNutrientKey, NutrientValue>;
    TACO_NUTRIENT_KEYS.forEach((key, k) => {
      per100g[key] = parseNutrientCell(fields[3 + k] ?? '', lineNo);
    });
    const food: TacoFood = { id, category: category as TacoCategory, description, per100g: Object.freeze(per100g) };
    foods.push(food);
    byId.set(id, food);
  }
  if (foods.length === 0) throw new TacoParseError(2, 'no foods');
  return { foods, byId };
}

/** A number when the table gives one (trace counts as 0), else null: the caller decides what unknown means. */
export function numericOrNull(v: NutrientValue): number | null {
  if (v.kind === 'value') return v.value;
  if (v.kind === 'trace') return 0;
  return null;
}
