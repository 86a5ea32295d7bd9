// A report exported as delimited text (a hospital record's "formato texto delimitado"): one field per
// ";" ("EXAME;RESULTADO;UNIDADE;VALOR DE REFERÊNCIA;SIT" over "CA 125;41,6;U/mL;até 35;A"), the patient's
// data as "Campo;valor". Cut at ";", a row is no result ("CA 19-9" and "22" would be two pieces); so
// the lines of such a text are read as the layouts they stand for: each table row as columns, each
// field line as "Campo: valor". Only a text with such a header line is touched; the lines keep their
// printed text for unparsed_lines. A spreadsheet pasted as tab-separated text with one dated column per
// sample, or saved as comma-separated CSV, is read the same way (headerSeparator).
import { resultTokens } from './accounting.ts';
import { foldSameLength, isCatalogued, lookupName } from './analytes.ts';
import { fieldAfterSemicolon } from './lines.ts';
import { NUMBER } from './numbers.ts';
import { unitAtStart } from './units.ts';
import { matchesOf } from '../text/matches.ts';

// A portal's CSV export quotes every field ('"Anti-Ro (SS-A)";"86,4";"";"Negativo: inferior a 7,0; …"'):
// a ";" inside quotes is the field's own, the quotes and an empty '""' are no text of the result.
const quotedField = (sep: string) => new RegExp(String.raw`\s*(?:"((?:[^"]|"")*)"|([^${sep}]*))\s*(?:${sep}|$)`, 'gy');
const QUOTED_FIELD = { ';': quotedField(';'), ',': quotedField(',') };

function fieldsOf(line: string, sep: Separator = ';'): string[] {
  if (sep === '\t')
    return line
      .replace(/\s+$/, '')
      .split('\t')
      .map((f) => f.trim());
  const fields: string[] = [];
  const at = QUOTED_FIELD[sep];
  at.lastIndex = 0;
  for (let m = at.exec(line); m && at.lastIndex <= line.length; m = at.exec(line)) {
    fields.push((m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!).trim());
    if (at.lastIndex === line.length || m[0] === '') break;
  }
  return fields;
}

// Columns that say how a result was got or add a remark ("Observação", "Método"), whoever's remark it is ("Obs
// (minhas)", a patient's own spreadsheet, h1892): no result, range or unit.
const ASIDE_HEAD = /^(?:observa[cç](?:[aã]o|[oõ]es)|obs\.?|m[eé]todos?|metodologia|coment[aá]rios?|notas?)(?:\s*\([^()]*\))?$/i;

// A column of the group the exam belongs to ("Grupo", "Setor": "HEMOGRAMA;VCM;76,5;…") before the exam's
// column: the row's section, no part of its name. A column of when it was released ("Liberado em",
// "Data de liberação"): a date and time, no result of the row.
const GROUP_HEAD = /^(?:grupos?(?:\s+de\s+exames?)?|setor|se[cç][aã]o|pain[eé]l|bloco|categoria)$/i;
const EXAM_HEAD = /^(?:exames?|analitos?|par[aâ]metros?)$/i;
const RELEASE_HEAD = /^(?:liberad[oa]\s+em|(?:data|dt\.?)(?:\s+(?:(?:de|da)\s+)?(?:libera[cç][aã]o|coleta|resultado))?|libera[cç][aã]o|coletad[oa]\s+em)$/i;
// A hospital system's export ("Pedido;Dt_Coleta;Material;Exame;Analito;Resultado;Unidade;Valor_Referencia;Flag;
// Res_Anterior (dt);Liberado_por") adds columns no cell of which is part of a result: the specimen ("Urina de 24
// horas", "Soro"), the previous result with its date ("1980 (14/01/2025)", history, not this report's), and who
// released it ("Thaís … - CRBM-3 22815"). Left out of each row like a group's column.
const SPECIMEN_HEAD = /^(?:material(?:\s+biol[oó]gico)?|amostras?|esp[eé]cimes?|tipo\s+de\s+amostra)$/i;
const PREVIOUS_HEAD =
  /^(?:(?:res(?:ultado)?\.?|valor)\s+anterior(?:\s*\([^)]*\))?|anterior(?:\s*\([^)]*\))?|[uú]ltimo\s+resultado|resultado\s+pr[eé]vio|(?:data|dt\.?)\s+(?:d[oa]\s+)?(?:(?:res(?:ultado)?\.?|coleta)\s+)?anterior)$/i;
const SIGNER_HEAD = /^(?:liberad[oa]\s+por|assinad[oa]\s+por|respons[aá]vel(?:\s+t[eé]cnico)?|analista|bioqu[ií]mic[oa])$/i;
// A patient's spreadsheet names the lab each result came from ("Laboratório": "Lab Vila Hortência", h1892): where
// it was done, no part of the result. Left in the row, a lab's name after an empty reference cell would stand as the
// reference.
const LAB_HEAD = /^(?:laborat[oó]rios?|lab\.?)$/i;
// An export's column heads are spelt as field names ("Valor_Referencia", "Dt_Nasc"): the underscore is a space.
const headText = (f: string) => f.replace(/_+/g, ' ').trim();
// Or run together with a capital for each word ("ValorReferencia", "ResultadoAnterior", "DtAnterior", a municipal
// portal's export, h1652): each capital after a small letter starts a word, for knowing the column; the head is
// printed as it is.
const headKey = (f: string) => headText(f).replace(/(\p{Ll})(?=\p{Lu})/gu, '$1 ');
// The patient's columns, repeated on every record of a portal's export ("Paciente";"Sexo";"Nascimento";"Pedido";…
// before "Exame"): whose the results are, no part of any. Read once, as the patient's fields of a report's
// header (patient.ts), on the header's line; left out of each record.
// The patient's national health card ("CNS", "Cartão SUS") or tax number is the patient's too.
const PATIENT_HEAD =
  /^(?:paciente|cns|cart[aã]o\s+(?:sus|nacional\s+de\s+sa[uú]de)|cpf|nome(?:\s+do\s+paciente)?|sexo|g[eê]nero|idade|(?:data\s+(?:de\s+)?)?nascimento|dt\.?\s*nasc\.?|pedido|protocolo|atendimento|requisi[cç][aã]o|prontu[aá]rio)$/i;
// The record's state in the portal ("Status": "Liberado", "Em análise"), or a yes/no column of it ("Liberado": "S",
// "Alterado": "S"/"N", the lab's out-of-range mark as a letter, h1652; the flag is the reference's): no result,
// range or unit.
const STATUS_HEAD = /^(?:status|estado|liberad[oa]|alterad[oa]|anormal)$/i;
// Before the exam's column, the health unit the sample came from ("Unidade": "CS NOVO HORIZONTE", a municipal
// network's export, h1652), no measuring unit (that column comes after the result): the row's place, left out.
const PLACE_HEAD = /^(?:unidade(?:\s+(?:de\s+sa[uú]de|solicitante|de\s+coleta|coletora))?|posto(?:\s+de\s+coleta)?|local(?:\s+de\s+coleta)?|estabelecimento)$/i;
// The exam's code in the lab's or the network's table ("Cód.": "0240", "Código SIGTAP"), before the exam's column: no
// part of its name.
const CODE_HEAD = /^(?:c[oó]d(?:igo)?\.?(?:\s+(?:do\s+)?(?:exame|procedimento|sigtap|tuss|sus))?)$/i;
const DATE_TIME = /^\d{1,2}\/\d{1,2}\/\d{2,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

// The unit's and the reference's columns, whoever's reference it is ("Referência do laudo", a patient's spreadsheet
// copying the lab's, h1892).
const UNIT_HEAD = /^(?:unid\.?|unidades?)$/i;
const REFERENCE_HEAD = /^(?:valor(?:es)?\s+(?:de\s+)?refer[eê]ncia|refer[eê]ncias?|v\.?\s?r\.?)(?:\s+d[oa]\s+laudo)?$/i;
const FIELD_HEAD = new RegExp(String.raw`^(?:exames?|analitos?|par[aâ]metros?|resultados?)$|${UNIT_HEAD.source}|${REFERENCE_HEAD.source}`, 'i');

// A cumulative export (relatório evolutivo) heads one column per collection with its date and time
// ("…;VALOR_REFERENCIA;10/06/2025 05:10;11/06/2025 05:15;12/06/2025 05:20;FLAG_ATUAL"). With no result column
// of its own, the newest date's column is the current result and the earlier dates' cells are previous
// results, no rows of the report; with a result column, every dated column is an earlier one.
const RESULT_HEAD = /^(?:resultados?|resultado\s+atual|valor\s+atual|atual)$/i;
const DATED_HEAD = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::\d{2})?)?$/;

function whenOf(head: string): number | undefined {
  const m = DATED_HEAD.exec(head);
  if (!m) return undefined;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return (((year * 13 + Number(m[2])) * 32 + Number(m[1])) * 24 + Number(m[4] ?? 0)) * 60 + Number(m[5] ?? 0);
}

/**
 * The order a header's columns are printed in for reading, the earlier collections' columns left out:
 * the current collection's column right after the exam's, where a result column stands (the unit and
 * reference columns an export prints before the dates then read as they do after a result). Undefined
 * when the header dates no column.
 */
function currentColumnOrder(heads: string[], examAt: number): ColumnOrder | undefined {
  const dated = heads.flatMap((f, i) => (whenOf(f) === undefined ? [] : [i]));
  if (dated.length === 0 || examAt < 0) return undefined;
  const hasResult = heads.some((f) => RESULT_HEAD.test(foldSameLength(f)));
  const current = hasResult ? undefined : dated.reduce((a, b) => (whenOf(heads[b]!)! > whenOf(heads[a]!)! ? b : a));
  const rest = heads.flatMap((_, i) => (i === current || dated.includes(i) ? [] : [i]));
  if (current === undefined) return { order: rest, columns: heads.length, dated };
  const at = rest.indexOf(examAt) + 1;
  return { order: [...rest.slice(0, at), current, ...rest.slice(at)], columns: heads.length, dated, current };
}

/**
 * The order a header's columns are read in when it names them in another than the usual one ("Data,Exame,Unidade,
 * Resultado,Referência", h1892): the exam's, the result's, the unit's and the reference's first, as the column
 * layouts read a row, then the others as printed. Undefined when they stand in that order already.
 */
function usualColumnOrder(keys: string[], examAt: number): ColumnOrder | undefined {
  const at = (head: RegExp) => keys.findIndex((f, i) => i > examAt && (head.test(foldSameLength(f)) || head.test(f)));
  const result = at(RESULT_HEAD);
  if (examAt < 0 || result < 0) return undefined;
  const first = [examAt, result, at(UNIT_HEAD), at(REFERENCE_HEAD)].filter((i) => i >= 0);
  const order = [...first, ...keys.flatMap((_, i) => (first.includes(i) ? [] : [i]))];
  return order.every((i, k) => i === k) ? undefined : { order, columns: keys.length, dated: [] };
}

interface ColumnOrder {
  order: number[];
  columns: number;
  /** The dated columns, and of them the current collection's (none when a result column stands). */
  dated: number[];
  current?: number;
}

type Separator = ';' | '\t' | ',';

/** Whether a line is the header of a ";"-delimited table: three fields or more, two of them column heads. */
function delimitedHeader(line: string, sep: Separator = ';'): boolean {
  const fields = fieldsOf(line, sep);
  return fields.length >= 3 && fields.map(headKey).filter((f) => FIELD_HEAD.test(foldSameLength(f)) || FIELD_HEAD.test(f)).length >= 2;
}

/**
 * The separator of the table a line heads: ";" for an export's header; a tab for a spreadsheet pasted as
 * text whose header dates two sample columns or more ("Exame\tUnid.\tRef.\t10/01/2024\t22/07/2024\t14/01/2025\tobs",
 * a patient's own table of her results, oldest to newest). Such a table's cells stand by tab, not by
 * position: a cell left empty ("Insulina\tµUI/mL\t2,6-24,9\t14,2\t12,8\t\t…") shifts no column. Other
 * tabbed tables are read by the column layouts as they are.
 */
function headerSeparator(line: string): Separator | undefined {
  if (line.includes(';') && delimitedHeader(line)) return ';';
  // A comma-separated export's header ("Exame,Resultado,Unidade,Referência do laudo,Data coleta,Laboratório,Obs", a
  // patient's spreadsheet saved as CSV, h1892): its rows are cut at their commas, a quoted field's own kept whole.
  if (line.includes(',') && delimitedHeader(line, ',')) return ',';
  if (!line.includes('\t') || !delimitedHeader(line, '\t')) return undefined;
  const fields = fieldsOf(line, '\t');
  return fields.filter((f) => whenOf(f) !== undefined).length >= 2 || recordHeader(fields) ? '\t' : undefined;
}

/**
 * Whether tabbed heads are a record export's (a municipal portal's spreadsheet pasted as text: "Protocolo\tPaciente\t
 * CNS\tDt. Nasc.\tSexo\tDt. Coleta\tCód.\tExame\tParâmetro\tResultado\tUnidade\tValor de referência\t…"): the
 * patient's or the request's columns before the exam's, two or more, repeated on every row. A row of such a table,
 * read by position, starts with a protocol and a name; cut at its tabs it reads as a ";" export's record does.
 */
function recordHeader(fields: readonly string[]): boolean {
  const keys = fields.map(headKey);
  const examAt = keys.findIndex((f) => EXAM_HEAD.test(f));
  const administrative = keys.slice(0, Math.max(examAt, 0)).filter((f) => PATIENT_HEAD.test(f) || RELEASE_HEAD.test(f) || CODE_HEAD.test(f));
  return examAt > 0 && keys.some((f) => RESULT_HEAD.test(foldSameLength(f))) && administrative.length >= 2;
}

/**
 * The lines of a comma-separated table (a spreadsheet saved as CSV, one visit a row) with each field apart from
 * the next, of the same length: the separators and the quotes around a field ('134,"7,2",168') as spaces. Cut at
 * nothing, "168,39,96" is no number the accounting pass can count, and a value lost from such a row would go
 * unlisted. Only the rows from a header of three fields or more (a visit column or column heads) down; any other
 * line as it is.
 */
export function commaTableAsCells(texts: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let h = 0; h < texts.length; h++) {
    const heads = texts[h]!.includes(',') ? fieldsOf(texts[h]!, ',').map(headText) : [];
    if (heads.length < 4 || (!VISIT_HEAD.test(foldSameLength(heads[0]!)) && !delimitedHeader(texts[h]!, ','))) continue;
    out ??= [...texts];
    let to = h;
    while (to + 1 < texts.length && texts[to + 1]!.includes(',')) to++;
    for (let i = h + 1; i <= to; i++) out[i] = fieldsApart(texts[i]!);
    h = to;
  }
  return out ?? [...texts];
}

/** A comma-separated line with its separators and fields' quotes as spaces. */
function fieldsApart(line: string): string {
  let out = '';
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const c = line[k]!;
    if (c === '"') {
      quoted = !quoted;
      out += ' ';
    } else out += c === ',' && !quoted ? ' ' : c;
  }
  return out;
}

/**
 * The lines of a ";"-delimited export as columns and labelled fields; any other text as it is. The
 * export is the run of lines with ";" from its header down, and up from it the field lines (blank
 * lines between them allowed): a ";" in a report's prose elsewhere is left alone.
 */
export function delimitedAsColumns(printed: string[]): string[] {
  let out: string[] | undefined;
  const { raws, within, typed } = quotedRecordsJoined(printed);
  // A line joined into the record above it keeps only what was typed on it apart from the record.
  const joined = (i: number) => typed.get(i) ?? '';
  for (let h = 0; h < raws.length; h++) {
    const visits = visitRowsAsResults(raws, h);
    if (visits) {
      out ??= [...printed];
      for (const [i, text] of visits.lines) out[i] = text;
      h = visits.to;
      continue;
    }
    const sep = headerSeparator(raws[h]!);
    if (sep === undefined) {
      const bare = within.has(h) ? undefined : bareRecord(raws[h]!);
      if (bare !== undefined) (out ??= [...printed])[h] = bare;
      continue;
    }
    out ??= [...printed];
    let from = h;
    while (sep !== ',' && from > 0 && (raws[from - 1]!.trim() === '' || raws[from - 1]!.includes(sep))) from--;
    let to = h;
    while (to + 1 < raws.length && (rowOf(raws[to + 1]!, sep) || within.has(to + 1) || sectionBetweenRows(raws, to + 1, sep))) to++;
    const heads = fieldsOf(raws[h]!, sep).map(headText);
    const keys = heads.map(headKey);
    const aside = new Set(keys.flatMap((f, i) => (ASIDE_HEAD.test(f) || STATUS_HEAD.test(f) ? [i] : [])));
    // Two exam columns ("Exame;Analito": "CALCIO URINA 24H" over "Cálcio urinário 24 h", "Relação cálcio/
    // creatinina"): the later names the result, the earlier is the exam it belongs to, a group.
    const examAt = keys.findLastIndex((f) => EXAM_HEAD.test(f));
    const group = new Set(
      keys.flatMap((f, i) =>
        (i < examAt && (GROUP_HEAD.test(f) || EXAM_HEAD.test(f) || PLACE_HEAD.test(f) || CODE_HEAD.test(f))) ||
        SPECIMEN_HEAD.test(f) ||
        LAB_HEAD.test(f) ||
        PREVIOUS_HEAD.test(f) ||
        SIGNER_HEAD.test(f)
          ? [i]
          : [],
      ),
    );
    const release = new Set(keys.flatMap((f, i) => (RELEASE_HEAD.test(f) ? [i] : [])));
    const order = currentColumnOrder(heads, examAt) ?? usualColumnOrder(keys, examAt);
    for (let i = from; i <= to; i++)
      out[i] = within.has(i)
        ? joined(i)
        : i < h
          ? (patientFields(raws, i, sep) ?? asColumns(raws[i]!, sep, new Set()))
          : asColumns(raws[i]!, sep, aside, group, i > h ? release : new Set(), i === h ? release : new Set(), order, i === h);
    const patient = keys.flatMap((f, i) => (i < examAt && PATIENT_HEAD.test(f) ? [i] : []));
    if (patient.length > 0 && h < to) {
      const first = fieldsOf(raws[h + 1]!, sep);
      for (let i = h + 1; i <= to; i++)
        out[i] = within.has(i) ? joined(i) : asColumns(raws[i]!, sep, aside, new Set([...group, ...patient]), release, new Set(), order);
      const fields = patient.filter((i) => (first[i] ?? '') !== '').map((i) => `${heads[i]}: ${first[i]}`);
      // Any head with something result-like on it is no column's name ('"Status"   Anti-HCV   REAGENTE', a
      // field past the last column: "Sódio 131,3"): kept after the patient's fields, to be read or listed.
      const printed = heads.filter((f, i) => !patient.includes(i) && resultTokens(f).length > 0);
      out[h] = [...fields, ...printed].join('   ');
    }
    h = to;
  }
  return out ?? printed;
}

/**
 * Whether a line goes on with the table above it: any line with its separator; with commas, three fields or more (a
 * result's name, value and more). A sentence's commas are no table's, nor is a title over a CSV's header ("Meus
 * exames, 2025"): the lines above a comma-separated header are left as they are.
 */
const rowOf = (line: string, sep: Separator) => line.includes(sep) && (sep !== ',' || fieldsOf(line, sep).length >= 3);

// A section's title in capitals, alone on its line ("HEMATOLOGIA", "COAGULAÇÃO", "MARCADORES TUMORAIS"): no cell, no
// digit.
const SECTION_TITLE = /^\p{Lu}[\p{Lu}\s/&,()-]{2,60}$/u;

/**
 * Whether a line is a section's title between two rows of a table (a hospital portal's cumulative view copied from the
 * browser: "Exame\tUnidade\tReferência\t14/05/2025\t11/02/2025\t12/11/2024" over "HEMATOLOGIA" / "Hemoglobina\tg/dL\t…",
 * each group's title printed across the table, no tab in it, h1930): the table goes on under it. Only a tab- or
 * ';'-separated table, and only when a row of it follows the title (or a run of titles).
 */
function sectionBetweenRows(raws: readonly string[], at: number, sep: Separator): boolean {
  if (sep === ',') return false;
  let k = at;
  while (k < raws.length && k < at + 3 && SECTION_TITLE.test(raws[k]!.trim())) k++;
  return k > at && k < raws.length && rowOf(raws[k]!, sep);
}

/**
 * A result's record with no header over it, in the usual order ("Glicose;94;mg/dL;70 a 99", a ';'-separated CSV as
 * Excel in pt-BR writes it; "Cálcio,"10,9",mg/dL,"8,6 a 10,3"", a comma-separated one, h1892): an analyte's name, a
 * number, a unit, then the reference and what else the row holds. Cut at its separators it reads as columns; a date
 * cell (the collection's) is no part of it. Undefined for any other line.
 */
function bareRecord(line: string): string | undefined {
  for (const sep of [';', ','] as const) {
    if (!line.includes(sep)) continue;
    const fields = fieldsOf(line, sep);
    const unit = unitAtStart(fields[2] ?? '');
    if (
      fields.length >= 3 &&
      BARE_VALUE.test(fields[1]!) &&
      unit?.consumed === fields[2]!.length &&
      /^\p{L}/u.test(fields[0]!) &&
      lookupName(fields[0]!) !== undefined
    )
      return asColumns(line, sep, new Set(), new Set(), new Set(fields.keys()));
  }
  return undefined;
}
const BARE_VALUE = new RegExp(String.raw`^[<>≤≥]?\s*(?:${NUMBER})$`);

/**
 * A portal's CSV export quotes a field that spans lines as printed in it (a reference by tiers or by sex, "Feminino:
 * 0,51 a 0,95" / "Masculino: 0,67 a 1,17", h1652): the record is one row all the same. Each such record is put on
 * its first line, the lines inside the quotes joined by "; " (a tier after a lead ending in ":" by a space), and its
 * other lines are set in `within`: read with it, they hold nothing of their own. A line is joined only when it
 * opens with a quoted field, leaves a quote open, and the quote closes within a few lines on a line with a ";".
 * What is typed on such a line apart from the record (`typedApart`) is no part of it: it stays on its line, in
 * `typed`, to be read or listed there.
 */
function quotedRecordsJoined(printed: string[]): { raws: string[]; within: Set<number>; typed: Map<number, string> } {
  const within = new Set<number>();
  const typed = new Map<number, string>();
  let raws: string[] | undefined;
  const open = (line: string) => (line.match(/"/g)?.length ?? 0) % 2 === 1;
  for (let i = 0; i < printed.length; i++) {
    const line = printed[i]!;
    if (!/^\s*"/.test(line) || !line.includes(';') || !open(line)) continue;
    // Where the quote closes: the record's quotes counted line by line (the joins below add none).
    let end = i;
    let unclosed = true;
    while (end + 1 < printed.length && end - i < 12 && unclosed) {
      end++;
      unclosed = unclosed !== open(printed[end]!);
    }
    if (unclosed || !printed[end]!.includes(';')) continue;
    // Each line joined, without what was typed on it apart from the record.
    const allQuoted = ALL_QUOTED_OPEN.test(line);
    let text = line;
    for (let k = i + 1; k <= end; k++) {
      const [own, apart] = typedApart(printed[k]!.trim(), k === end, allQuoted);
      text = `${text.trimEnd()}${/:\s*$/.test(text) ? ' ' : '; '}${own}`;
      if (apart !== '') typed.set(k, apart);
    }
    raws ??= [...printed];
    raws[i] = text;
    for (let k = i + 1; k <= end; k++) {
      raws[k] = '';
      within.add(k);
    }
    i = end;
  }
  return { raws: raws ?? printed, within, typed };
}

// A record's first line that quotes every field up to the one left open ('"7048…";"SUELI …";…;"Normal: inferior a
// 5,7'): an export that quotes each of its fields, whose record ends on the closing line's last quoted field.
const ALL_QUOTED_OPEN = /^\s*(?:"(?:[^"]|"")*"\s*;\s*)*"[^"]*$/;
const QUOTED_RUN = /^(?:\s*;\s*"(?:[^"]|"")*")*/;

/** A catalogued analyte's name and a number after a ";" ("… ; Sódio 131,3"): a result, no tier of a reference. */
function analyteAfterSemicolon(seg: string): boolean {
  const m = /^\s*(\p{L}[^\d;:]*?)\s*:?\s*[<>]?\s*\d/u.exec(seg);
  const def = m ? lookupName(m[1]!) : undefined;
  return def !== undefined && isCatalogued(def);
}

/**
 * A line inside a multi-line quoted field, split into the field's own text and what was typed on it apart: after a
 * column gap, something result-like ("Pré-diabetes: 5,7 a 6,4   Ureia 48,9 mg/dL"), or after a ";" a labelled field
 * whose label is no reference's ("… ; HBsAg: Reagente", fieldAfterSemicolon) or a catalogued analyte's number
 * ("… ; Sódio 131,3"). On the line that closes the quote, in
 * an export quoting every field, the text after the record's last quoted field too ('…";"S"   Ureia 48,9 mg/dL',
 * '…";"S" ; HBsAg: Reagente'): a field past the record, no column of it. Typed pieces are joined by a column gap.
 */
function typedApart(line: string, closing: boolean, allQuoted: boolean): [own: string, apart: string] {
  // The quote that closes the field: the first one not doubled ('""' is a quote of the field's text).
  const close = closing ? /^(?:[^"]|"")*/.exec(line)![0].length : -1;
  const inside = close >= 0 ? line.slice(0, close) : line;
  let after = close >= 0 ? line.slice(close) : '';
  const apart: string[] = [];
  let own = inside;
  const gap = matchesOf(/\s{3,}(?=\S)/g, inside).find((m) => resultTokens(inside.slice(m.index + m[0].length)).length > 0);
  const semi = matchesOf(/;/g, inside).find((m) => fieldAfterSemicolon(inside.slice(m.index)) || analyteAfterSemicolon(inside.slice(m.index + 1)));
  const cut = Math.min(gap?.index ?? inside.length, semi?.index ?? inside.length);
  if (cut < inside.length) {
    own = inside.slice(0, cut).trimEnd();
    apart.push(inside.slice(cut).replace(/^[\s;]+/, ''));
  }
  if (closing && allQuoted && after !== '') {
    const run = 1 + QUOTED_RUN.exec(after.slice(1))![0].length;
    const rest = after.slice(run).replace(/^[\s;]+/, '');
    if (rest !== '') apart.push(rest);
    after = after.slice(0, run);
  }
  return [`${own}${after}`, apart.join('   ')];
}

// Above the results, the patient's own table: a line of heads ("Prontuario;Paciente;Sexo;Dt_Nasc;Idade;Setor;…")
// over a line of values ("1182736;ROSANGELA …;F;11/04/1969;56;AMB NEFROLOGIA …"). Cut at ";", the age is a bare
// "56" beside a name; the values are read as the fields they are, "Idade: 56", as patient.ts reads a header.
function patientFields(raws: string[], at: number, sep: Separator): string | undefined {
  const heads = at > 0 ? fieldsOf(raws[at - 1]!, sep).map(headText) : [];
  const values = fieldsOf(raws[at]!, sep);
  if (heads.filter((f) => PATIENT_HEAD.test(f)).length < 2 || heads.some((f) => /\d/.test(f)) || values.length < 3) return undefined;
  return values.flatMap((v, i) => (v === '' ? [] : [heads[i] ? `${heads[i]}: ${v}` : v])).join('   ');
}

// A cell with nothing in it, or a dash for nothing.
const EMPTY_CELL = /^\s*(?:-{1,3}|—|–)?\s*$/;

/**
 * What is typed after a row's last cell, past a column gap or a spaced ';' ("…\t—\t0,45 a 4,50 ; Sódio 131,3",
 * "…\t> 20   Ureia 48,9 mg/dL"): no part of that cell. Of a row that holds no result of this report, it is all the
 * line keeps, to be read or listed; empty when nothing result-like is typed there.
 */
function typedAfterRow(printed: readonly string[]): string {
  const last = printed[printed.length - 1] ?? '';
  const gap = /\s{3,}|\s;\s/.exec(last);
  const after = gap ? last.slice(gap.index + gap[0].length).trim() : '';
  return resultTokens(after).length > 0 ? after : '';
}

function asColumns(
  raw: string,
  sep: Separator,
  aside: ReadonlySet<number>,
  group: ReadonlySet<number> = new Set(),
  release: ReadonlySet<number> = new Set(),
  releaseHead: ReadonlySet<number> = new Set(),
  order?: ColumnOrder,
  header = false,
): string {
  // A cumulative export's columns in reading order (currentColumnOrder): its header names the current
  // column a result's, its rows drop the earlier collections' cells.
  const printed = fieldsOf(raw, sep);
  const keep = (f: string, i: number) =>
    (!aside.has(i) || resultTokens(f).length > 0) && !group.has(i) && !releaseHead.has(i) && !(release.has(i) && DATE_TIME.test(f));
  // A cell left out of the row (the signer's "Ana Reis - CRF-SP 11223", a previous result "95 (02/11/2024)", an
  // earlier collection's) is one field; what a column gap sets after it in that cell ("… CRBM-3 22815   Ureia
  // 48,9 mg/dL", "…   Anti-HCV   REAGENTE") is no part of it: kept after the row's fields, to be read or listed. So is
  // what a ';' sets after it in a tab-separated row's cell ("… CRF-PR 18.337 ; Sódio 131,3"), where ';' is no separator.
  const shown = (i: number) => !order || i >= order.columns || order.order.includes(i);
  const beyond = printed.flatMap((f, i) => {
    if (header || (shown(i) && keep(f, i))) return [];
    const gap = (sep === ';' ? /\s{3,}/ : /\s{3,}|\s*;\s*/).exec(f);
    const tail = gap ? f.slice(gap.index + gap[0].length) : '';
    return tail !== '' && resultTokens(tail).length > 0 ? [tail] : [];
  });
  // A remark with anything result-like on it ("48,7", "Reagente") is kept, to be read or listed; so is a
  // release cell that holds more than a date.
  // A field past the header's last column is no earlier collection's: kept, to be read or listed.
  // A row whose current cell is empty, only earlier collections holding values ("Insulina\tµUI/mL\t2,6-24,9\t14,2
  // \t12,8\t\tnão pediram dessa vez", the exam not asked for this time): no result of this report, nor a line
  // left unread; its name, unit and range describe a column of earlier samples. Not when a remark holds
  // anything result-like, nor a field past the header's last column.
  if (
    order?.current !== undefined &&
    !header &&
    EMPTY_CELL.test(printed[order.current] ?? '') &&
    order.dated.some((i) => i !== order.current && !EMPTY_CELL.test(printed[i] ?? '')) &&
    [...aside].every((i) => resultTokens(printed[i] ?? '').length === 0) &&
    printed.slice(order.columns).every((f) => f === '') &&
    beyond.length === 0
  )
    return typedAfterRow(printed);
  const fields = order
    ? [
        ...order.order
          .filter((i) => keep(printed[i] ?? '', i))
          .map((i) => (header && whenOf(printed[i] ?? '') !== undefined ? 'RESULTADO' : (printed[i] ?? ''))),
        ...printed.slice(order.columns).filter((f, i) => keep(f, order.columns + i)),
      ]
    : printed.filter(keep);
  // A line of the block with nothing in its kept cells but something result-like in a left-out one (a note run on
  // into empty fields, "Documento exportado … portal do paciente.;;;;;;;;;;   Reagente"): no row of the table, read
  // as printed.
  if (!header && fields.every((f) => f === '') && printed.some((f) => resultTokens(f).length > 0)) return raw;
  fields.push(...beyond);
  if (fields.length < 2) return raw;
  // "Tabagismo;Tabagista ativo": a field and its value.
  if (fields.length === 2 && /^\p{L}[\p{L} ./()-]{0,40}$/u.test(fields[0]!) && fields[1] !== '') return `${fields[0]}: ${fields[1]}`;
  return fields.filter((f) => f !== '').join('   ');
}

// A patient's own spreadsheet pasted as delimited text the other way round: one collection a ROW, one exam a
// column, its unit in the head ("data,Glicose jejum (mg/dL),HbA1c (%),…,obs"), a reference row under the header
// ("referência (do laudo),70-99,"<5,7",…") and one row per date ("20/05/2025,134,"7,2",…"), often a row of
// averages after them ("média (4 exames),139,…"). Cut at its separators, no row names its values. The newest
// dated row is this report's results: it is put back as the results it holds, separated by ";" ("Glicose
// jejum   134 mg/dL   70-99; HbA1c   7,2 %   <5,7; …"), each named by its column's head with the column's
// unit and reference. The header, the reference row and the earlier dates' rows (previous results) are left
// empty; any other line (an average, a note) is read as printed. An empty current cell is an exam not
// asked for this time: no result.
const VISIT_HEAD = /^(?:datas?|dt\.?|dia|coleta|data\s+(?:da|de)\s+coleta)$/i;
const REFERENCE_ROW = /^(?:refer[eê]ncias?|ref\.?|v\.?\s?r\.?|valor(?:es)?\s+de\s+refer[eê]ncia)(?:\s*\(.*\))?:?$/i;
const VISIT_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;

function visitRowsAsResults(raws: string[], h: number): { lines: Array<[number, string]>; to: number } | undefined {
  const line = raws[h]!;
  const sep: Separator | undefined = line.includes('\t') ? '\t' : line.includes(';') ? ';' : line.includes(',') ? ',' : undefined;
  if (sep === undefined) return undefined;
  const heads = fieldsOf(line, sep).map(headText);
  // A header naming its columns ("Data,Exame,Unidade,Resultado,Referência", h1892) is a table of one result a row.
  if (
    heads.length < 4 ||
    !VISIT_HEAD.test(foldSameLength(heads[0]!)) ||
    heads.slice(1).filter((f) => /\p{L}{2}/u.test(f)).length < 3 ||
    delimitedHeader(line, sep)
  )
    return undefined;
  let to = h;
  while (to + 1 < raws.length && raws[to + 1]!.includes(sep)) to++;
  const rows = raws.slice(h + 1, to + 1).map((r, k) => ({ at: h + 1 + k, fields: fieldsOf(r, sep) }));
  const dated = rows.filter((r) => VISIT_DATE.test(r.fields[0] ?? '') && r.fields.slice(1).some((f) => /^[<>]?\s*\d/.test(f)));
  if (dated.length === 0) return undefined;
  const current = dated.reduce((a, b) => (whenOf(b.fields[0]!)! >= whenOf(a.fields[0]!)! ? b : a));
  const reference = rows.find((r) => REFERENCE_ROW.test(foldSameLength(r.fields[0] ?? '')) || REFERENCE_ROW.test(r.fields[0] ?? ''));
  const results = heads.flatMap((head, i) => {
    const value = current.fields[i] ?? '';
    if (i === 0 || ASIDE_HEAD.test(head) || EMPTY_CELL.test(value)) return [];
    // The unit in brackets after the exam's name ("Glicose jejum (mg/dL)", "Plaquetas (mil/mm3)").
    const m = /^(.*?)\s*\(([^()]*)\)$/.exec(head);
    const unit = m ? unitAtStart(m[2]!) : undefined;
    const name = m && unit ? m[1]! : head;
    const range = reference?.fields[i] ?? '';
    return [[name, `${value}${unit ? ` ${m![2]!.slice(0, unit.consumed)}` : ''}`, range].filter((c) => c !== '').join('   ')];
  });
  if (results.length === 0) return undefined;
  // The header and the reference row hold no result of their own; what their aside column, or a field past the
  // last column, holds that looks like a result is kept on its line, to be read or listed ("obs   Anti-HCV   REAGENTE").
  const asides = (fields: string[]) =>
    fields.filter((f, i) => (i >= heads.length || ASIDE_HEAD.test(heads[i]!.split(/\s{2,}/)[0]!)) && resultTokens(f).length > 0).join('   ');
  const lines: Array<[number, string]> = [[h, asides(fieldsOf(line, sep))]];
  if (reference) lines.push([reference.at, asides(reference.fields)]);
  // An earlier visit's row is a previous result, no reading of this one; what its remark holds that looks like a
  // result is kept all the same (a result of that day the cells have no column for).
  for (const r of dated) lines.push([r.at, r === current ? results.join('; ') : asides(r.fields)]);
  // Whatever the current row's remark holds that looks like a result is kept before its results, to be read or
  // listed (after them, it would run on from the last result).
  const remarks = heads.flatMap((f, i) => (i > 0 && ASIDE_HEAD.test(f) && resultTokens(current.fields[i] ?? '').length > 0 ? [current.fields[i]!] : []));
  if (remarks.length > 0) lines.push([current.at, [...remarks, ...results].join('; ')]);
  return { lines, to };
}
