// References printed apart from the results they belong to, after them:
//   a reference table   "Lipídeos   Com jejum (mg/dL)   Sem jejum (mg/dL)   Categoria referencial"
//                       "Colesterol total   < 190   < 190   Desejável"  (SBC 2017 lipid table);
//   a table of goals by category, one column per analyte
//                       "Categoria de risco   LDL-colesterol   Não-HDL-colesterol"
//                       "Intermediário        < 100 mg/dL      < 130 mg/dL"  (goals by cardiovascular risk);
//   a note that there is no fixed range
//                       "LDL-c e não-HDL-c: conforme a categoria de risco cardiovascular do paciente."
// A table row joins the result of the same analyte read earlier in the report; a row with a value
// that is not a range is a result, never a reference, so a results table is never taken for one.
import { foldSameLength, lookupName } from './analytes.ts';
import { cellStarts } from './columns.ts';
import type { CleanLine } from './lines.ts';
import { numbersIn } from './numbers.ts';
import { isReferenceLabel, isReferenceText, isRiskCategoryLabel, parseRangeExpression, qualitativeAtStart, stripReferenceLead } from './reference.ts';
import { matchesOf } from '../text/matches.ts';

export interface ReferenceTable {
  /** Label of each range column ("Com jejum (mg/dL)") and where its header cell starts. */
  columns: Array<{ label: string; at: number }>;
  /** The columns are analytes, the rows categories the patient's doctor places him in ("Categoria de risco"). */
  byCategory?: true;
  /** The head of the category column ("Categoria de risco"), which says what the rows' categories are of. */
  head?: string;
  /** Printed without its column gaps (flattenedGoalsHeader): the rows' goals are told apart by their comparators, in order. */
  flat?: true;
}

// The first cell of a goals table whose rows are categories: "Categoria de risco", "Risco cardiovascular",
// "Classificação", "Grupo"; or the goals themselves, the rows naming the categories ("Metas (SBC 2017)   LDL
// Não-HDL" over "Risco baixo   < 130   < 160", a two-column page's lipid block).
const CATEGORY_HEAD = /^(?:categorias?|classificacao|grupos?|estratos?|niveis|nivel|risco|metas?)\b/;

const LABEL_COLUMN = /\b(com jejum|sem jejum|categoria|desejavel|otimo|limitrofe|homens?|mulheres?|masculino|feminino|criancas|adultos)\b/;

// A goals column may name its analyte after the word "Meta"/"Alvo" and before its unit ("Meta LDL (mg/dL)").
const goalColumnName = (cell: string) =>
  cell
    .replace(/^(?:metas?|alvos?|objetivos?)\s+(?:d[eoa]s?\s+|para\s+(?:o\s+|a\s+)?)?/iu, '')
    .replace(/\s*\([^()]*\)\s*$/u, '')
    .trim() || cell;

/** A header of range columns with no result column ("Lipídeos   Com jejum (mg/dL)   Sem jejum (mg/dL)"). */
export function referenceTableHeader(line: CleanLine): ReferenceTable | undefined {
  const cs = cellStarts(line.text, line.offset);
  if (numbersIn(line.text.replace(/\([^)]*\)/g, ' ')).length > 0) return undefined;
  if (cs.length === 1) return flattenedGoalsHeader(line);
  if (cs.length < 3) return undefined;
  const f = cs.map((c) => foldSameLength(c.cell));
  // A category column, then one column per analyte: each row gives a category's goal for each of them.
  if (CATEGORY_HEAD.test(f[0]!) && cs.slice(1).every((c) => lookupName(goalColumnName(c.cell)) !== undefined))
    return { columns: cs.slice(1).map((c) => ({ label: goalColumnName(c.cell), at: c.at })), byCategory: true, head: cs[0]!.cell };
  if (f.some((c) => /^resultados?\b/.test(c)) || f.slice(1).filter((c) => LABEL_COLUMN.test(c)).length < 2) return undefined;
  return { columns: cs.slice(1).map((c) => ({ label: c.cell, at: c.at })) };
}

// A goals table pasted from a PDF into an e-mail keeps its words and loses its column gaps ("Categoria de risco LDL
// (mg/dL) Não-HDL (mg/dL)", h2016): the head is the longest run of words that still leaves two or more analyte
// columns after it, each column the fewest words that name an analyte. Without the gaps only a head that speaks of
// risk or goals says so ("Grupo sanguíneo ABO Fator Rh" is a title).
const MAX_FLAT_WORDS = 16;
const FLAT_GOALS_HEAD = /\b(?:risco|metas?|alvos?)\b/;

function flattenedGoalsHeader(line: CleanLine): ReferenceTable | undefined {
  const words = matchesOf(/\S+/g, line.text).map((m) => ({ word: m[0], at: line.offset + (m.index ?? 0) }));
  if (words.length < 3 || words.length > MAX_FLAT_WORDS) return undefined;
  const join = (from: number, to: number) =>
    words
      .slice(from, to)
      .map((w) => w.word)
      .join(' ');
  // The analyte columns from word `from` on, as few as name an analyte each (a longer name before a shorter one:
  // "Colesterol não-HDL" is one column, not "Colesterol" and "não-HDL").
  const memo = new Map<number, Array<{ label: string; at: number }> | undefined>();
  const columns = (from: number): Array<{ label: string; at: number }> | undefined => {
    if (from === words.length) return [];
    if (memo.has(from)) return memo.get(from);
    let found: Array<{ label: string; at: number }> | undefined;
    for (let to = words.length; to > from && !found; to--) {
      const cell = join(from, to);
      if (!/^\p{L}/u.test(cell) || lookupName(goalColumnName(cell)) === undefined) continue;
      const rest = columns(to);
      if (rest) found = [{ label: goalColumnName(cell), at: words[from]!.at }, ...rest];
    }
    memo.set(from, found);
    return found;
  };
  for (let headEnd = words.length - 2; headEnd >= 1; headEnd--) {
    const head = foldSameLength(join(0, headEnd));
    if (!CATEGORY_HEAD.test(head) || !FLAT_GOALS_HEAD.test(head)) continue;
    const cols = columns(headEnd);
    if (cols && cols.length >= 2) return { columns: cols, byCategory: true, head, flat: true };
  }
  return undefined;
}

/**
 * A goals table's header whose category column's head is left blank, the analytes' names alone over their columns
 * ("                        LDL-colesterol    Não-HDL" over "Risco baixo   < 130 mg/dL   < 160 mg/dL", h1993): a table
 * by category only when the line under it is one of its rows, its category's name left of the first column.
 */
export function headlessGoalsHeader(line: CleanLine, below: CleanLine | undefined): ReferenceTable | undefined {
  const cs = cellStarts(line.text, line.offset);
  if (!below || cs.length < 2 || numbersIn(line.text).length > 0 || !cs.every((c) => lookupName(goalColumnName(c.cell)) !== undefined)) return undefined;
  const table: ReferenceTable = { columns: cs.map((c) => ({ label: goalColumnName(c.cell), at: c.at })), byCategory: true };
  const row = categoryCells(below);
  return isCategoryRow(below, table) && row[0]!.at + row[0]!.cell.length <= cs[0]!.at ? table : undefined;
}

const UNIT_HEAD = /^unidades?$|^un\.?$/;

// A column for one sex ("Homens (adultos)", "Mulheres", "Feminino").
const SEX_COLUMN = /^\s*(?:homens?|mulheres?|masculino|feminino)\b/;
// The bracket after a range saying it is every patient's ("(ambos os sexos)", "(adultos)"), no column's alone.
const WHOLE_POPULATION = /\s*\((?:ambos\s+os\s+sexos|adult[oa]s|todas\s+as\s+idades|geral)\)\s*$/iu;

const NORMAL_CATEGORY = /^(desejavel|otimo|normal|ideal|adequado|referencia)$/;

/**
 * A row of a reference table: the analyte's name and its ranges, each labelled with its column
 * ("Com jejum (mg/dL): < 190"). Undefined when a cell is neither a range nor a category word.
 */
export function referenceRow(line: CleanLine, table: ReferenceTable): { name: string; items: string[]; whole: boolean } | undefined {
  const cs = cellStarts(line.text, line.offset);
  if (cs.length < 2 || numbersIn(cs[0]!.cell).length > 0) return undefined;
  const items: string[] = [];
  const words: string[] = [];
  let unit = '';
  // Cells set apart by bars or tabs keep no positions: a row of as many cells as the header's takes them in order.
  const inOrder = line.bars?.length === table.columns.length + 1;
  // A bar printed between two ranges of one row ("40 a 70 %   |   1.800 a 7.000 /mm³") parts them, no cell of its own.
  const rangeCells = cs.slice(1).filter((c) => !/^[|¦]$/.test(c.cell));
  // Under columns by sex, a range the lab printed once for the row holds for both: one cell alone, or one that
  // says so in brackets ("4.000 a 10.000 /mm³ (ambos os sexos)", "0,45 a 4,50 µUI/mL (adultos)", h1965). Two
  // ranges in different units are no two sexes' either, but one for each of the row's values ("40 a 70 %   |
  // 1.800 a 7.000 /mm³", a count printed relative and absolute): each read by its unit, with no column's label.
  const bySex = table.columns.length >= 2 && table.columns.every((k) => SEX_COLUMN.test(foldSameLength(k.label)));
  const bare = rangeCells.map((c) => c.cell.replace(WHOLE_POPULATION, '').trim());
  const unitOf = (cell: string) => /\d\s*([^\d\s][^\s]*)\s*$/u.exec(cell)?.[1];
  const forAll =
    bySex &&
    bare.every((c) => parseRangeExpression(c) !== undefined) &&
    (rangeCells.length === 1 ||
      rangeCells.some((c) => WHOLE_POPULATION.test(c.cell)) ||
      (bare.every((c) => unitOf(c) !== undefined) && new Set(bare.map(unitOf)).size === rangeCells.length));
  if (forAll) return { name: cs[0]!.cell, items: bare, whole: bare.every((c) => /\d/.test(c)) };
  for (const [i, c] of cs.slice(1).entries()) {
    const col =
      inOrder && cs.length === line.bars!.length
        ? table.columns[i]!
        : table.columns.reduce((best, k) => (Math.abs(k.at - c.at) < Math.abs(best.at - c.at) ? k : best));
    // An appendix of references prints each analyte's unit in a column of its own ("Analito   Unidade   Mulheres
    // Homens", h1454): the unit of every range on the row.
    if (UNIT_HEAD.test(foldSameLength(col.label).trim())) unit = ` ${c.cell}`;
    else if (parseRangeExpression(c.cell)) items.push(`${col.label}: ${c.cell}`);
    else if (!/\d/.test(c.cell)) {
      // "Desejável" says the ranges are the good ones; another category ("Limítrofe") labels them.
      if (!NORMAL_CATEGORY.test(foldSameLength(c.cell).trim())) words.push(c.cell);
    } else return undefined;
  }
  if (items.length === 0) return undefined;
  return {
    name: cs[0]!.cell,
    items: items.map((i) => `${words.length ? `${words.join(' ')} ` : ''}${i}${/[a-zµ%]\s*$/iu.test(i) ? '' : unit}`),
    // Every cell a numeric range, a unit or a normal category: nothing on the row is left for the accounting.
    whole: words.length === 0 && items.every((i) => /\d/.test(i)),
  };
}

// An arrow the lab printed beside the category row the patient is in ("Alto  << paciente", "Alto  <- este
// paciente"): a mark on the row, no cell of its own. Blanked to the same length, so cells keep their columns.
const PATIENT_MARKER = /(\S)(\s+(?:<<|<-+|←|◄|<=+)\s*(?:(?:est[ea]\s+|o\s+|a\s+)?paciente)?)(?=\s{2,}|\s*$)/giu;
const withoutPatientMarker = (text: string) => text.replace(PATIENT_MARKER, (_m, a: string, mark: string) => a + ' '.repeat(mark.length));

// A goal's comparator set apart from its number so the digits line up down the column ("Alto   <  70   < 100"
// under "Baixo   < 130   < 160"): one cell, joined by one space and the others moved after the number, so
// every cell keeps its start.
const COMPARATOR_APART = /(?<=^|\s)([<>≤≥])( {2,})(\d[\d.,]*)(?=\s|$)/gu;
// Where a goal starts in a row printed without column gaps ("Baixo inferior a 130 inferior a 160", h2016): at its
// comparator, sign or words, before its number.
const GOAL_START = /(?<=^|\s)(?=(?:[<>≤≥]=?|(?:inferior|superior|menor|maior|abaixo|acima)\s+(?:a|de|que|do\s+que)|at[eé])\s*\d)/giu;
// A long category's name pushing its first goal to one space after it ("Muito alto < 50        < 80" under "Alto
// < 70         < 100", h1998): the goal is a cell of its own, set apart by a space taken from the gap after it.
const GOAL_ONE_SPACE_IN = /(?<=\p{L}) ([<>≤≥] ?\d[\d.,]*) (?= {2,}\S)/gu;

const categoryCells = (line: CleanLine, table?: ReferenceTable) => {
  const text = withoutPatientMarker(line.text);
  // A flattened table's row: the category's words, then each goal from its comparator to the next one's.
  if (table?.flat) {
    const starts = [
      0,
      ...matchesOf(GOAL_START, text)
        .map((m) => m.index ?? 0)
        .filter((at) => at > 0),
    ];
    return starts.map((at, i) => ({ cell: text.slice(at, starts[i + 1] ?? text.length).trim(), at: line.offset + at })).filter((c) => c.cell !== '');
  }
  return cellStarts(
    text
      .replace(COMPARATOR_APART, (_m, op: string, gap: string, n: string) => `${op} ${n}${' '.repeat(gap.length - 1)}`)
      .replace(GOAL_ONE_SPACE_IN, (_m, goal: string) => `  ${goal}`),
    line.offset,
  );
};

/**
 * A row of a goals table by category ("Muito alto   < 50 mg/dL   < 80 mg/dL"): a category's name, then a
 * range under each analyte's column. Which category the patient is in is the doctor's call, which the
 * report leaves open: the row is a reference read, no result, and it picks no range for the results.
 */
export function isCategoryRow(line: CleanLine, table: ReferenceTable): boolean {
  const cs = categoryCells(line, table);
  return (
    table.byCategory === true &&
    cs.length === table.columns.length + 1 &&
    numbersIn(cs[0]!.cell).length === 0 &&
    cs.slice(1).every((c) => parseRangeExpression(c.cell) !== undefined)
  );
}

/**
 * The goals of a category row when the category is the one the report states for the patient ("Alto   < 70
 * mg/dL   < 100 mg/dL" with "Risco CV: ALTO"): each analyte column's name and its range. Empty for another row.
 */
export function categoryGoals(line: CleanLine, table: ReferenceTable, category: string): Array<{ name: string; range: string }> {
  const cs = categoryCells(line, table);
  if (foldSameLength(cs[0]!.cell).trim().replace(/\s+/g, ' ') !== category) return [];
  return rowGoals(cs, table).map((g) => ({ name: g.name, range: g.range }));
}

/**
 * Every goal of a category row with its category ("Intermediário", "< 100"), for each analyte column: for a
 * report that states no category, where each row's goal may be the patient's (goalsReference).
 */
export function categoryRowGoals(line: CleanLine, table: ReferenceTable): Array<{ name: string; category: string; range: string }> {
  const cs = categoryCells(line, table);
  return rowGoals(cs, table).map((g) => ({ ...g, category: cs[0]!.cell.trim() }));
}

/**
 * One result's goals from the rows of the table, as one reference under the table's head ("Categoria de
 * risco: Baixo: < 130; Intermediário: < 100; …"): each range labelled with its category, the head saying
 * what they are categories of, so the result is flagged against all of them together (reference.ts, riskGoals).
 */
export function goalsReference(table: ReferenceTable, goals: Array<{ category: string; range: string }>): string {
  const items = goals.map((g) => `${g.category}: ${g.range}`).join('; ');
  return table.head ? `${table.head}: ${items}` : items;
}

// A flattened table's goals keep no columns' places: they are its columns' in order.
const rowGoals = (cs: Array<{ cell: string; at: number }>, table: ReferenceTable) =>
  cs.slice(1).map((c, i) => ({
    name: table.flat ? table.columns[i]!.label : table.columns.reduce((best, k) => (Math.abs(k.at - c.at) < Math.abs(best.at - c.at) ? k : best)).label,
    range: c.cell,
  }));

/** One goal a note under the results gives: the analyte it is for, the risk category and its bound. */
export interface CategoryGoal {
  name: string;
  category: string;
  range: string;
}

// A goal is a bound below which the value should stay ("< 130", "< 130 mg/dL", "até 130").
const isGoal = (text: string) => {
  const r = parseRangeExpression(text);
  return r !== undefined && r.low === null && r.high !== null;
};

// A note's items: parted by semicolons, middle dots or bars, and by its sentences' ends.
const noteItems = (text: string) =>
  text
    .split(/\s*(?:;|\s[·|•]\s|\.\s+(?=\p{Lu})|\.\s*$)\s*/u)
    .map((i) => i.trim())
    .filter(Boolean);

// A category's name before its goals ("risco baixo", "Intermediário:", "Muito alto —").
const CATEGORY_LEAD = /^(\p{L}[\p{L} .]*?)\s*(?::|\s[-–—]|(?=\s*(?:[<≤]|at[eé]\s|inferior|menor|abaixo)))\s*(.*)$/iu;

/** One category's goals, one for each name in order ("intermediário < 100 / < 130"); undefined for anything else. */
function categoryItem(item: string, names: string[]): CategoryGoal[] | undefined {
  const m = CATEGORY_LEAD.exec(item);
  if (!m || !isRiskCategoryLabel(m[1]!)) return undefined;
  const ranges = m[2]!.split(/\s*\/\s*(?=[<≤]|at[eé]\s|inferior|menor|abaixo)|\s+e\s+(?=[<≤]|at[eé]\s|inferior|menor|abaixo)/iu);
  if (ranges.length !== names.length || !ranges.every(isGoal)) return undefined;
  // A short dot leader before the colon ("Intermediário..: …") is no part of the category's name.
  return ranges.map((range, i) => ({ name: names[i]!, category: m[1]!.replace(/[\s.]+$/, ''), range: range.trim() }));
}

/** Every category's goals in a note's items; undefined unless each item with a number is one. */
function categoryItems(items: string[], names: string[]): CategoryGoal[] | undefined {
  const goals: CategoryGoal[] = [];
  for (const item of items) {
    const read = categoryItem(item, names);
    // A sentence in words alone is the note's prose ("A categoria de risco é definida pelo médico"); a cell
    // after a column's gap is none.
    if (!read && (/\d/.test(item) || /\s{2,}/.test(item) || item.split(' ').length < 3)) return undefined;
    goals.push(...(read ?? []));
  }
  return goals.length > 0 ? goals : undefined;
}

// The analytes a goals note names before its colon ("Metas por risco - LDL / não-HDL (mg/dL)", "Alvos para LDL-c e
// não-HDL-c"): the last one to three words before the first separator name the first, each piece after it the next.
// A lead that names them only in brackets ("Metas por risco (LDL / não-HDL)") names them there.
// A reference lead that says its ranges go by the risk category ("Valor de referência (LDL / não-HDL), conforme a
// categoria de risco cardiovascular:") leads goals as well.
function goalNames(lead: string): string[] | undefined {
  if (!/\b(?:metas?|alvos?|objetivos?)\b/iu.test(lead) && !(stripReferenceLead(lead).lead && NO_FIXED_RANGE.test(foldSameLength(lead)))) return undefined;
  // The words after the names may say what the goals go by ("Metas de LDL-colesterol por categoria de risco"):
  // no part of a name.
  const listed = lead
    .replace(/\([^()]*\)/g, ' ')
    .replace(
      /\s+(?:por|conforme|segundo|de\s+acordo\s+com)\s+(?:[oa]\s+)?(?:categoria|classifica[cç][aã]o|estratifica[cç][aã]o|risco)(?:\s+\p{L}+){0,4}\s*$/iu,
      '',
    );
  return (
    namesListed(listed) ??
    matchesOf(/\(([^()]*)\)/g, lead)
      .map((m) => namesListed(m[1]!))
      .find(Boolean)
  );
}

/**
 * The analytes a list names ("… LDL / não-HDL", "LDL-c e não-HDL-c"), each a different one; undefined otherwise.
 * The lead's words may go on after the last name ("Metas de LDL / não-HDL conforme risco cardiovascular"): its
 * first one to three words name it.
 */
function namesListed(list: string): string[] | undefined {
  const pieces = list.trim().split(/\s*\/\s*|\s+e\s+|\s*,\s*/u);
  const words = pieces[0]!.split(/\s+/);
  const first = [3, 2, 1].map((k) => words.slice(-k).join(' ')).find((n) => /^\p{L}/u.test(n) && lookupName(n) !== undefined);
  const lastWords = pieces.length > 1 ? pieces[pieces.length - 1]!.trim().split(/\s+/) : [];
  const last = lookupName(lastWords.join(' ')) ? undefined : [3, 2, 1].map((k) => lastWords.slice(0, k).join(' ')).find((n) => lookupName(n) !== undefined);
  if (last) pieces[pieces.length - 1] = last;
  const names = [first, ...pieces.slice(1).map((p) => p.trim())];
  const defs = names.map((n) => (n ? lookupName(n) : undefined));
  if (defs.some((d) => d === undefined) || new Set(defs.map((d) => d!.key)).size !== defs.length) return undefined;
  return names as string[];
}

/**
 * A note of goals by cardiovascular risk category that names its analytes before its colon, then gives each
 * category's goals in the same order ("Metas LDL / não-HDL (mg/dL): baixo < 130 / < 160; intermediário < 100 /
 * < 130; …"): the names, for the lines it wraps onto, and the goals read. Undefined for anything else.
 */
export function goalsNote(text: string): { names: string[]; goals: CategoryGoal[] } | undefined {
  // The note may open with a label of its own ("Nota: metas de LDL / não-HDL (mg/dL): …"): the lead is the one
  // before the goals.
  for (const colon of matchesOf(/:/g, text)) {
    const names = goalNames(text.slice(0, colon.index));
    // A lead that ends its line leaves the goals to the lines under it.
    if (names && text.slice(colon.index + 1).trim() === '') return { names, goals: [] };
    const goals = names && categoryItems(noteItems(text.slice(colon.index + 1)), names);
    if (names && goals) return { names, goals };
    // Or one analyte's goals led by its name alone, under a lead of its own ("Metas conforme categoria de risco:" /
    // "LDL: Baixo < 130 | Intermediário < 100" / "Alto < 70 | Muito alto < 50 mg/dL", h1963): two categories or more.
    // The name alone before the line's first colon: a result's row before it (a value, a column gap) is no lead.
    const one = text.slice(0, colon.index).trim();
    const alone = colon.index === text.indexOf(':') && !/\d|\s{2,}/.test(one) && lookupName(one) !== undefined;
    const own = alone ? categoryItems(noteItems(text.slice(colon.index + 1)), [one]) : undefined;
    if (own && own.length >= 2) return { names: [one], goals: own };
  }
  return undefined;
}

/** A line such a note wrapped onto, its first item a category's goals ("alto < 70 / < 100; muito alto …"). */
export function goalsNoteGoesOn(text: string, names: string[]): CategoryGoal[] | undefined {
  const items = noteItems(text);
  return items.length > 0 && categoryItem(items[0]!, names) ? categoryItems(items, names) : undefined;
}

/**
 * One category's goals on a line of their own, each after its analyte's name ("Baixo: LDL < 130 · não-HDL <
 * 160", "Risco alto — LDL-c < 70 mg/dL; não-HDL-c < 100 mg/dL"). Undefined for anything else.
 */
export function categoryGoalsLine(text: string): CategoryGoal[] | undefined {
  const m = CATEGORY_LEAD.exec(text.trim());
  if (!m || !isRiskCategoryLabel(m[1]!)) return undefined;
  const goals: CategoryGoal[] = [];
  // A bar between the goals ("LDL inferior a 130 mg/dL   |   não-HDL inferior a 160 mg/dL") is left a column's
  // gap by the cleaning: the gap parts them too.
  // So is a slash set apart by spaces ("LDL < 130 / não-HDL < 160"); a unit's or a ratio's slash has none.
  for (const item of noteItems(m[2]!).flatMap((i) => i.split(/\s*,\s*|\s{2,}|\s+\/\s+|\s+e\s+(?=\p{L})/u))) {
    const named = /^(\p{L}[\p{L}\d\- ]*?)\s*:?\s*((?:[<≤]|at[eé]\s|inferior|menor|abaixo).*)$/iu.exec(item);
    if (!named || !lookupName(named[1]!) || !isGoal(named[2]!)) return undefined;
    goals.push({ name: named[1]!, category: m[1]!.trim(), range: named[2]!.trim() });
  }
  return goals.length > 0 ? goals : undefined;
}

/**
 * Such a line printed as a row's last cell, after its result ("NÃO-HDL COLESTEROL   200 mg/dL   Baixo: LDL < 130 /
 * Não-HDL < 160", the first line of a goals block whose lead ends the row above, h1844): where the cell starts, the
 * cell and its goals. Undefined when no cell after a result is such a line.
 */
export function rowGoalsCell(text: string): { at: number; cell: string; goals: CategoryGoal[] } | undefined {
  for (const gap of text.matchAll(/\s{2,}(?=\S)/g)) {
    const head = text.slice(0, gap.index);
    if (!/\p{L}/u.test(head) || !/\d/.test(head)) continue;
    const cell = text.slice(gap.index + gap[0].length).trimEnd();
    const goals = categoryGoalsLine(cell);
    if (goals) return { at: gap.index, cell, goals };
  }
  return undefined;
}

/**
 * A goals table's header printed in a result row's reference cell, its rows under it in that column ("Colesterol
 * não-HDL   138 mg/dL   Risco   LDL-c   Não-HDL-c" over "Baixo   < 130   < 160", h1998): the row's text before the
 * header and the table its rows are read by, its columns where they are printed. Undefined for any other row.
 */
export function rowReferenceTableCell(line: CleanLine): { at: number; table: ReferenceTable } | undefined {
  for (const gap of line.text.matchAll(/\s{2,}(?=\S)/g)) {
    const head = line.text.slice(0, gap.index);
    if (!/\p{L}/u.test(head) || !/\d/.test(head)) continue;
    // The row's own cells blanked, so the header's cells keep the columns they are printed at.
    const table = referenceTableHeader({ ...line, text: ' '.repeat(gap.index) + line.text.slice(gap.index) });
    if (table?.byCategory) return { at: gap.index, table };
  }
  return undefined;
}

// The lead of a goals line that names neither analyte nor category ("Metas ->", "Alvos:"), its categories after it.
const BARE_GOALS_LEAD = /^(?:metas?|alvos?|objetivos?)\s*(?:->|→|:|[-–—])\s*/iu;

/**
 * Several categories' goals on one line, one category a cell, each cell as categoryGoalsLine reads it
 * ("Metas  ->  Baixo: LDL < 130 / não-HDL < 160   Intermediário: LDL < 100 / não-HDL < 130", a large
 * network's lipid panel, its next line "Alto: … Muito alto: …"). Undefined unless every cell is such goals.
 */
export function categoryGoalsCells(text: string): CategoryGoal[] | undefined {
  const cells = text
    .trim()
    .replace(BARE_GOALS_LEAD, '')
    .split(/\s{3,}/);
  const read = cells.map((c) => categoryGoalsLine(c));
  return read.every((g) => g !== undefined) ? (read.flat() as CategoryGoal[]) : undefined;
}

// An analyte's goal after its name, the name's colon optional ("LDL < 130", "não-HDL-c: < 160 mg/dL").
const NAMED_GOAL = /^(\p{L}[\p{L}\d\- ]*?)\s*:?\s*((?:[<≤]|at[eé]\s|inferior|menor|abaixo).*)$/iu;

/** One analyte's goal after its name, or undefined. */
function namedGoal(piece: string): { name: string; range: string } | undefined {
  const named = NAMED_GOAL.exec(piece);
  return named && lookupName(named[1]!) && isGoal(named[2]!) ? { name: named[1]!, range: named[2]!.trim() } : undefined;
}

// The lead of a goals note that names no analyte, only that the goals go by the risk category ("* META CONFORME
// RISCO CARDIOVASCULAR:", "Metas de acordo com o risco:"), a footnote's mark before it.
const RISK_GOALS_LEAD = /^\s*(?:\*+|\(\d{1,2}\))?\s*(?:metas?|alvos?|objetivos?)\b[^:\d]*\brisco\b[^:\d]*:/iu;

/**
 * A goals note whose lead names no analyte, each item a category and then each analyte's goal after its name
 * ("* META CONFORME RISCO CARDIOVASCULAR: BAIXO LDL < 130 / NAO-HDL < 160 ; INTERMEDIARIO LDL < 100 /"): the
 * goals read and the last category, whose item the line may have wrapped. On the line under it (`wrapped`, that
 * category), the first item may go on without its category ("NAO-HDL < 130 ; ALTO LDL < 70 / …"). Undefined
 * unless every item with a number is such goals.
 */
export function categoryNamedGoals(text: string, wrapped?: string): { goals: CategoryGoal[]; category: string } | undefined {
  const lead = RISK_GOALS_LEAD.exec(text);
  if (!lead && wrapped === undefined) return undefined;
  const goals: CategoryGoal[] = [];
  let category = lead ? undefined : wrapped;
  for (const [i, item] of noteItems(lead ? text.slice(lead[0].length) : text).entries()) {
    const words = item.split(/\s+/);
    // The category is the item's first words, as many as name one ("MUITO ALTO LDL < 50" → "MUITO ALTO").
    const k = [3, 2, 1].find((n) => n < words.length && isRiskCategoryLabel(words.slice(0, n).join(' ')));
    if (k === undefined && (lead || i > 0)) {
      // Prose the note goes on with is skipped; a cell after a column gap, a label's colon or a result word is
      // another column's or another result's, which the note must not swallow unread (set 133's corpus property).
      if (/\d/.test(item) || /\s{2,}|:/.test(item) || qualitativeAtStart(words.at(-1)!) !== undefined) return undefined;
      continue;
    }
    if (k !== undefined) category = words.slice(0, k).join(' ');
    const pieces = (k === undefined ? item : words.slice(k).join(' '))
      .split(/\s*[/·,]\s*|\s+e\s+(?=\p{L})/u)
      .map((p) => p.trim())
      .filter(Boolean);
    const read = pieces.map(namedGoal);
    if (read.length === 0 || read.some((g) => g === undefined)) return undefined;
    for (const g of read) goals.push({ ...g!, category: category! });
  }
  return goals.length > 0 && category !== undefined ? { goals, category } : undefined;
}

/**
 * A reference line that names each analyte before its range ("Referências: AP 70 a 100 %; RNI 0,9 a
 * 1,2 (para pacientes em anticoagulação oral: 2,0 a 3,0)"). Undefined unless every item is a name
 * followed by a reference.
 */
export function namedReferences(text: string): Array<{ name: string; reference: string }> | undefined {
  const { rest, lead } = stripReferenceLead(text);
  if (!lead || rest === '') return undefined;
  const items = rest
    .split(/;(?![^()]*\))/)
    .map((i) => i.trim())
    .filter(Boolean);
  const out: Array<{ name: string; reference: string }> = [];
  for (const item of items) {
    const m = /^(\p{L}[\p{L}\d .\-/]*?)\s*:?\s+(?=[<>≤≥\d]|at[eé]\s|inferior|superior|acima|abaixo)(.*)$/u.exec(item);
    if (!m || !isReferenceText(m[2]!)) return undefined;
    out.push({ name: m[1]!.trim(), reference: m[2]!.trim() });
  }
  return out.length > 0 ? out : undefined;
}

const NO_FIXED_RANGE =
  /(?:conforme|de acordo com|segundo|depende(?:nte)? d[aeo])\s+(?:a\s+|o\s+)?(?:categoria|classificacao|estratificacao|risco|avaliacao|criterio)/;

/** Names a note says have no fixed range ("LDL-c e não-HDL-c: conforme a categoria de risco …"). */
export function namesWithoutFixedRange(text: string): string[] {
  // A footnote under the table, opened by the mark the results' reference cells print ("(1) Metas de
  // LDL-colesterol e não-HDL conforme a categoria de risco …"): the goals it names have no fixed range.
  const noted = FOOTNOTE_GOALS.exec(text);
  if (noted && NO_FIXED_RANGE.test(foldSameLength(text.slice(noted[0].length)))) return namesIn(noted[1]!);
  const colon = text.indexOf(':');
  if (colon < 0 || !NO_FIXED_RANGE.test(foldSameLength(text.slice(colon + 1))) || isReferenceText(text)) return [];
  // Led by a reference lead ("V.R.: Alvo conforme categoria de risco cardiovascular:"), it is the reference
  // of the result above, whose targets by category may follow on the next lines: read as its reference.
  // Unless the lead names the results it speaks for before its own colon ("Referência LDL e não-HDL: metas
  // conforme a categoria de risco"): then it is the same note for each of them, however many lines up.
  const led = stripReferenceLead(text);
  if (led.lead) {
    const named = /^(\p{L}[^:]*?)\s*:\s*(\S.*)$/u.exec(led.rest);
    return named && !NO_FIXED_RANGE.test(foldSameLength(named[1]!)) ? namesWithoutFixedRange(led.rest) : [];
  }
  // A value right after the colon makes it a result line whose reference cell says so ("LDL-colesterol:
  // 154 mg/dL   Meta conforme o risco cardiovascular:"): the result is read, not dropped as a note.
  if (/^\s*(?:[<>≤≥]\s*)?\d/.test(text.slice(colon + 1))) return [];
  // Nor a result line whose reference cell, labelled, says so ("LDL-colesterol   ↑ 150 mg/dL   Referência: Meta
  // conforme risco cardiovascular: baixo < 130 | …", an app's export in Manaus): its value stands in a cell of
  // its own before the colon, which no note's list of names holds.
  if (/\s{2,}(?:[↑↓]\s*)?\d[\d.,]*(?:\s*\S+)?\s{2,}/u.test(text.slice(0, colon))) return [];
  return namesIn(text.slice(0, colon));
}

const FOOTNOTE_GOALS =
  /^\s*\(\d{1,2}\)\s*(?:metas?|alvos?|objetivos?)\s+(?:terap[eê]uticas?\s+)?(?:d[eoa]s?|para\s+(?:[oa]s?\s+)?)\s*([^:\d]+?)(?=\s+(?:conforme|de acordo com|segundo|depende))/iu;

/** The names a note lists ("LDL-c e não-HDL-c", "LDL, não-HDL"). */
const namesIn = (list: string): string[] =>
  list
    .split(/\s+e\s+|\s*[,/;]\s*/)
    .map((n) => n.trim())
    .filter((n) => n.length >= 2);

// A transcriber's note on what the photo did not show ("the reference for LDL and Gama-GT are not legible in
// the image", "a referência da Gama-GT não está legível"): the lab printed a range nobody can read, so no
// built-in one stands in for it, as for a cell marked "[ilegível]".
const ILLEGIBLE_REFERENCES =
  /\b(?:the\s+)?(?:references?(?:\s+(?:ranges?|values?))?|refer[eê]ncias?|valor(?:es)?\s+de\s+refer[eê]ncia)\s+(?:for|of|d[aeo]s?)\s+(?:the\s+)?([^.;:]+?)\s+(?:is|are|was|were|est[aá]o?|ficou|ficaram)\s+(?:not\s+(?:legible|readable|visible)|illegible|unreadable|cut\s+off|n[aã]o\s+(?:est[aá]o?\s+|ficou\s+|ficaram\s+)?(?:leg[ií]ve(?:l|is)|vis[ií]ve(?:l|is))|ileg[ií]ve(?:l|is)|cortad[ao]s?)/iu;

// A typist's note that the paper printed no reference for a result she copied, on a line (or a chat message) of its
// own ("No potássio a folha não tinha referência impressa, só o número", "Da ureia o laudo não trouxe referência"):
// the report has none for it, so no built-in range stands in. Only a note with no number, which no result line is.
const UNPRINTED_REFERENCES =
  /^(?:(?:e|mas)\s+)?(?:n[oa]s?|d[oa]s?|para\s+[oa]s?)\s+([^,.;:]+?),?\s+(?:(?:a|o)\s+(?:folha|papel|laudo|resultado)\s+)?n[aã]o\s+(?:tinha|tem|tinham|t[eê]m|veio\s+com|vieram\s+com|trouxe|havia|h[aá])\s+(?:nenhuma\s+)?(?:valor(?:es)?\s+de\s+)?refer[eê]ncias?(?![\p{L}])/iu;

// The typist's note that the reference printed for some results could not be read, said as a chat says it ("na ureia
// e no potassio a referencia tava apagada no papel, não dá pra ler", a grandson typing his grandfather's exams into
// the family group, h1927): the lab printed a range nobody can read, as a cell marked "[ilegível]".
const UNREADABLE_REFERENCES_SAID =
  /^(?:(?:e|mas)\s+)?(?:n[oa]s?|d[oa]s?|para\s+[oa]s?)\s+([^,.;:]+?),?\s+(?:a|as)\s+(?:(?:valor(?:es)?\s+de\s+)?refer[eê]ncias?|normal)\s+(?:(?:tava|estava|est[aá]|ficou|veio|saiu|t[aá])\s+(?:tod[oa]\s+|meio\s+|muito\s+)?(?:apagad[oa]s?|ileg[ií]ve(?:l|is)|borrad[oa]s?|cortad[oa]s?|manchad[oa]s?)|n[aã]o\s+(?:d[aá]|deu|consigo|consegui)\s+(?:pra|para|de)?\s*ler)(?![\p{L}])/iu;

// Or that the paper itself was spoilt where the reference stood ("no acido urico o papel tá rasgado bem na parte da
// referencia, so deu pra ler o numero", a husband typing his wife's exams for the transplant team, h1992).
const SPOILT_AT_REFERENCE_SAID =
  /^(?:(?:e|mas)\s+)?(?:n[oa]s?|d[oa]s?|para\s+[oa]s?)\s+([^,.;:]+?),?\s+(?:o|a)\s+(?:papel|folha|laudo|foto)\s+(?:tava|estava|est[aá]|ficou|veio|t[aá])\s+(?:tod[oa]\s+|meio\s+|muito\s+)?(?:rasgad|amassad|molhad|manchad|apagad|dobrad|borrad|cortad)[oa](?:\s+(?:bem|justo|logo|exatamente))?\s+(?:n|em\s+cima\s+d)[ao]\s+(?:parte\s+d[ao]\s+|lugar\s+d[ao]\s+)?(?:valor(?:es)?\s+de\s+)?refer[eê]ncias?(?![\p{L}])/iu;

// A name a note lists after its article ("no potássio", "da ureia"): the name alone.
const withoutArticle = (name: string) => name.replace(/^(?:n[oa]s?|d[oa]s?|[oa]s?)\s+/iu, '');

/** Names whose printed reference a transcription's note says could not be read, or that the paper printed none. */
export function namesWithIllegibleReference(text: string): string[] {
  const said = text.trim();
  const unprinted = /\d/.test(text) ? null : (UNPRINTED_REFERENCES.exec(said) ?? UNREADABLE_REFERENCES_SAID.exec(said) ?? SPOILT_AT_REFERENCE_SAID.exec(said));
  if (unprinted) return namesIn(unprinted[1]!).map(withoutArticle);
  const m = ILLEGIBLE_REFERENCES.exec(text);
  if (!m) return [];
  return m[1]!
    .split(/\s+(?:and|e)\s+|\s*,\s*/iu)
    .map((n) => n.trim())
    .filter((n) => n.length >= 2);
}

/**
 * A note under the table that reads one result's value in tiers, led by its name ("Troponina I: < 0,04
 * ng/mL sem lesão miocárdica; >= 0,40 ng/mL sugestivo de infarto agudo"): two or more items, each a bound with
 * its words and nothing else, no value of its own. Undefined unless every item is such a reference.
 */
export function tiersLedByName(text: string): { name: string; tiers: string[] } | undefined {
  const m = /^(\p{L}[\p{L}\d .\-/]*?)\s*:\s*(?=[<>≤≥])(.*)$/u.exec(text.trim());
  if (!m) return undefined;
  const tiers = m[2]!
    .replace(/\.$/, '')
    .split(/;(?![^()]*\))/)
    .map((i) => i.trim())
    .filter(Boolean);
  // Each item a bound (with its unit) and then the tier's words, with no other number: what the bound means.
  const tier = (i: string) =>
    /^(?:[<>≤≥]=?)\s*\d[\d.,]*(?:\s*[^\s\d]+)?\s+\p{L}{3,}[^\d]*$/u.test(i) || (/^(?:[<>≤≥]=?)\s*\d/.test(i) && /\p{L}{3,}/u.test(i) && isReferenceText(i));
  if (tiers.length < 2 || !tiers.every(tier)) return undefined;
  return { name: m[1]!.trim(), tiers };
}

// What a note's ranges go by, after the result's name ("por faixa etária", "por idade", "conforme o sexo").
const RANGES_GO_BY = /\s+(?:por|conforme|segundo|de\s+acordo\s+com)\s+(?:[ao]\s+)?(?:faixa\s+et[aá]ria|idade|sexo|g[eê]nero)$/iu;

/**
 * A reference printed under the table for one result, led by its name and a reference lead ("PSA total
 * - valores de referência por faixa etária: 40 a 49 anos: até 2,5 ng/mL | 50 a 59 anos: …"), as a
 * footnote for a result whose reference cell pointed to it ("ver abaixo"). Undefined unless what follows
 * the lead is all reference; the reference is '' when the lead ends the line.
 */
export function referenceLedByName(text: string): { name: string; reference: string } | undefined {
  // A hyphen inside a word is the name's ("DHEA-S por idade: 20-24 a: …"); one between spaces ends it.
  const m = /^(\p{L}(?:[\p{L}\d .\/]|(?<=[\p{L}\d])-(?=[\p{L}\d]))*?)\s*(?:\s[-–—]\s*|:\s*)(?=\p{L})(.*)$/u.exec(text.trim());
  // The lead first, then the name, and the population the table is for after a dash ("Referência
  // bilirrubina total - RN a termo:" over ranges by hours of life).
  const led = stripReferenceLead(text.trim());
  const named = led.lead ? /^(?:(?:d[aeo]s?|para)\s+)?(\p{L}[\p{L}\d .\/]*?)\s*(?:\s[-–—]\s*[^:\d]*)?:\s*(.*)$/u.exec(led.rest) : null;
  // The name may say what its ranges go by before the colon ("REF. PSA TOTAL POR FAIXA ETÁRIA: 40-49 ANOS: ATE 2,5 |
  // …", under a row whose reference cell says "VER ABAIXO", h1637): the result is the name before it.
  if (named && !isReferenceLabel(named[1]!) && (named[2] === '' || isReferenceText(named[2]!)))
    return { name: named[1]!.replace(RANGES_GO_BY, '').trim(), reference: named[2]! };
  // The lead after the name and a space ("DHEA-S por idade: 20-24 a: 148 - 407 | 25-34 a: …"); the
  // name is the result's only if one was read by it (parse.ts).
  for (const sp of matchesOf(/ (?=\p{L})/gu, text.trim())) {
    const name = text.trim().slice(0, sp.index);
    if (!/^\p{L}(?:[\p{L}\d .\/]|(?<=[\p{L}\d])-(?=[\p{L}\d]))*$/u.test(name) || name.split(' ').length > 4) continue;
    const after = stripReferenceLead(text.trim().slice((sp.index ?? 0) + 1));
    if (after.lead && after.rest !== '' && isReferenceText(after.rest)) return { name, reference: after.rest };
  }
  if (!m) return undefined;
  const { rest, lead } = stripReferenceLead(m[2]!);
  // A lead that ends the line ("… - referência por faixa etária:") leaves its ranges to the lines under it.
  if (!lead || (rest !== '' && !isReferenceText(rest))) return undefined;
  return { name: m[1]!.trim(), reference: rest };
}

/**
 * A footnote opened by its mark, then a result's name and a colon ("(1) 25-OH vitamina D: acima de 20
 * ng/mL …", under a table whose reference cell says "Ver nota (1)"): that result's ranges, however the
 * note names it. Without a lead word the mark is what says the line is a note, not a result. The mark may
 * be written out as a note's, a dash before the name ("Nota (1) - RNI: …", under "vide nota (1)").
 */
export function referenceByFootnoteMark(text: string): { name: string; reference: string } | undefined {
  const m = /^\s*(?:nota\s*)?\(\d{1,2}\)\s*(?:[-–—]\s*)?([\p{L}\d][^:]*?\p{L}[^:]*?)\s*:\s*(\S.*)$/iu.exec(text);
  if (!m || !isReferenceText(m[2]!)) return undefined;
  return { name: m[1]!.trim(), reference: m[2]!.trim() };
}
