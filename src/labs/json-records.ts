// An app's or portal's data copied as JSON (or JSON-like "key": value lines): each result is an object
// of its own, one field a line, the exam's name, its value, unit and reference under keys
// ('"exame": "TSH",' / '"valor": 5.82,' / '"unidade": "µUI/mL",' / '"referencia": "0,45 a 4,50"').
// Read line by line, the value's line has no name ("valor" would be taken for one) and the reference's
// line no result. So before anything is read, each such object is put back together as the row it
// stands for, on its value's line ("TSH   5,82 µUI/mL   Referência: 0,45 a 4,50"), the object's other
// field lines left empty for the reader; the accounting pass still sees every line as printed. Any other
// field line is read as the "Campo: valor" it stands for ('"data_coleta": "12/03/2025"'). A JSON number
// has a decimal point ("5.82"), so it is written with the report's decimal comma. Only a text with at
// least one such result object is touched.
//
// The same records come in two other shapes, read the same way:
// - YAML, a vision model's transcription of a photo: a list of mappings, one field a line, each item opened
//   by "- " ('      - nome: "Hemoglobina"' / '        resultado: 11,4' / '        unidade: "g/dL"' /
//   '        sinalizado: true   # valor em negrito'). Keys are bare, text values quoted or not, a number is
//   printed as the report prints it (decimal comma, thousands dot: "9.800", "1,020") and kept so; a "#"
//   comment is no text. Bare keys are read as record fields only in an item opened by "- ", so an ordinary
//   "Hemoglobina: 13,1" line is never one.
// - JavaScript-style object literals, an app's cards pasted whole: bare or single-quoted keys, single or
//   double quotes, trailing commas, often one object a line ('{ exame: "TSH", resultado: "2,2", unidade:
//   "µUI/mL", referencia: "0,27 a 4,20", status: "NORMAL", historico: [ {data: "08/05/2024", valor: "2,9"} ]
//   },'), or opened over several lines after a "{" line. A nested array or object inside a result's object
//   (its history of earlier results) is no row of this report and is left out of the row.

/** One "key: value" field: of a line, or of an object literal printed on one line. */
interface Field {
  line: number;
  key: string;
  text: string;
  /** A JSON number with a decimal point, written with the report's decimal comma. */
  number: boolean;
  /** The key was printed bare (YAML, JavaScript), not in double quotes (JSON). */
  bareKey: boolean;
  /** The value is a nested array or object ("historico: [ … ]"). */
  nested: boolean;
  /** A YAML list item's first field ("- nome: …"). */
  item: boolean;
  /** The value was printed in quotes. */
  quoted: boolean;
  /** What the line prints after the field, past a column gap or a " ; " (YAML, JavaScript): no part of it. */
  after?: string;
}

const NAME_KEY = /^(?:exames?|nome_?exame|nome|analitos?|an[aá]lises?|testes?|par[aâ]metros?|descri[cç][aã]o|test|name|analyte)$/i;
const VALUE_KEY = /^(?:valor(?:_?resultado)?|resultados?|value|result)$/i;
const UNIT_KEY = /^(?:unidade|unid|unit|units)$/i;
const REF_KEY = /^(?:refer[eê]ncias?|valor(?:es)?_?(?:de_?)?refer[eê]ncia|vr|ref|reference(?:_range)?|intervalo(?:_?refer[eê]ncia)?)$/i;
// The record's own verdict on its value ('status: "ACIMA"', 'sinalizado: true', 'interpretacao: "Reagente"'): the
// row's, read with it, no result of its own; the reference decides the flag, an app's side of it marks the value.
const VERDICT_KEY = /^(?:status|situa[cç][aã]o|sinalizad[oa]|destacad[oa]|alerta|flag|interpreta[cç][aã]o|classifica[cç][aã]o)$/i;
const VERDICT_HIGH = /^(?:acima|alt[oa]|elevad[oa]|aumentad[oa]|high|h)$/i;
const VERDICT_LOW = /^(?:abaixo|baix[oa]|diminu[ií]d[oa]|reduzid[oa]|low|l)$/i;
// A YAML group's title ('- grupo: "HEMOGRAMA"'), printed as the section title it stands for.
const TITLE_KEY = /^(?:grupos?|se[cç][aã]o|setor|categoria|painel|bloco|section|group)$/i;

// A key: in double quotes (JSON), single quotes, or bare (YAML, JavaScript: "nome", "data_coleta").
const KEY = String.raw`(?:"([^"]{1,40})"|'([^']{1,40})'|([\p{L}_][\p{L}\p{N}_-]{0,39}))`;
const FIELD_HEAD = new RegExp(String.raw`^(\s*)(-\s+)?${KEY}\s*:(?=\s|["'\[{]|$)\s*`, 'u');
const JSON_NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** The end of the quoted text opened at s[i] (the index past its closing quote), or -1. */
function quotedEnd(s: string, i: number): number {
  const q = s[i];
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === q) return j + 1;
  }
  return -1;
}

/** The end of the array or object opened at s[i] (past its closing bracket), or -1 when it is not closed on the line. */
function nestedEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j]!;
    if (c === '"' || c === "'") {
      const e = quotedEnd(s, j);
      if (e < 0) return -1;
      j = e - 1;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

interface Scanned {
  text: string;
  end: number;
  quoted: boolean;
  nested: boolean;
}

/** The value starting at s[i]: quoted text, a nested array or object, or a bare token ending before any of `stops`. */
function scanValue(s: string, i: number, stops: RegExp): Scanned | undefined {
  const c = s[i];
  if (c === '"' || c === "'") {
    const end = quotedEnd(s, i);
    if (end < 0) return undefined;
    return { text: s.slice(i + 1, end - 1).replace(/\\(.)/g, '$1'), end, quoted: true, nested: false };
  }
  if (c === '[' || c === '{') {
    const end = nestedEnd(s, i);
    if (end < 0) return undefined;
    return { text: s.slice(i, end), end, quoted: false, nested: true };
  }
  stops.lastIndex = i;
  const m = stops.exec(s);
  const end = m ? m.index : s.length;
  const text = s.slice(i, end).trim();
  if (text === '' || /["']/.test(text[0]!)) return undefined;
  return { text, end, quoted: false, nested: false };
}

// A comment after a line's value: YAML's "# …", JavaScript's "// …".
const LINE_COMMENT = /\s+(?:#|\/\/)(?:\s.*)?$/;
// Where a bare value ends: a comment, a column gap or a " ; " (what the line prints after the field), the line's end.
const BARE_VALUE_END = /\s+(?:#|\/\/)(?:\s|$)|\s{2,}|\s+;(?=\s|$)|,?\s*$/g;
// A field's comment up to a column gap or a " ; ", where what the line prints after the field begins: a vision
// model's transcription writes a note on the paper as a comment, and no comment runs on into a result
// ('sinalizado: true   # valor em negrito no papel   Anti-HCV   REAGENTE').
const COMMENT_UP_TO_GAP = /^\s+(?:#|\/\/)(?:\s(?:(?!\s{2,}|\s;).)*)?/u;

function fieldOf(raw: string, line: number): Field | undefined {
  const head = FIELD_HEAD.exec(raw);
  if (!head) return undefined;
  const key = head[3] ?? head[4] ?? head[5]!;
  const rest = raw.slice(head[0].length);
  const jsonKey = head[3] !== undefined;
  const v = scanValue(rest, 0, jsonKey ? /\s+(?:#|\/\/)(?:\s|$)|,?\s*$/g : BARE_VALUE_END);
  if (!v) return undefined;
  // After the value only a trailing comma and a comment may stand; after a bare key's (YAML, JavaScript), also
  // what the line prints past a column gap or a " ; ", kept to be read or listed on its line.
  let after: string | undefined;
  const tail = rest.slice(v.end).replace(/^,/, '').replace(COMMENT_UP_TO_GAP, '');
  if (!jsonKey && /^(?:\s{2,}|\s+;)\s*\S/u.test(tail)) after = tail.replace(/^\s*;?\s*/u, '').trimEnd();
  else if (!/^\s*,?\s*$/.test(rest.slice(v.end).replace(LINE_COMMENT, ''))) return undefined;
  // A JSON field keeps the shape it always had: a quoted text, a number, true/false/null.
  if (jsonKey && !v.quoted && !v.nested && !JSON_NUMBER.test(v.text) && !/^(?:true|false|null)$/.test(v.text)) return undefined;
  return {
    line,
    key,
    text: v.text,
    number: jsonKey && !v.quoted && !v.nested && JSON_NUMBER.test(v.text),
    bareKey: !jsonKey,
    nested: v.nested,
    item: head[2] !== undefined,
    quoted: v.quoted,
    ...(after === undefined ? {} : { after }),
  };
}

// An object literal printed whole on one line, perhaps after an assignment or an array's bracket and before a
// comma or a closing bracket ('{ exame: "TSH", resultado: "2,2" },', 'paciente = { nome: "…", sexo: "M" }').
const ONE_LINE_OBJECT = /^\s*(?:[\p{L}_][\p{L}\p{N}_.]*\s*[:=]\s*)?\[?\s*(?=\{)/u;

/** The top-level fields of an object literal printed whole on the line, or undefined. */
function objectFieldsOf(raw: string, line: number): Field[] | undefined {
  const lead = ONE_LINE_OBJECT.exec(raw);
  if (!lead) return undefined;
  const open = lead[0].length;
  const close = nestedEnd(raw, open);
  if (close < 0 || !/^\s*[,\]]*\s*;?\s*$/.test(raw.slice(close))) return undefined;
  const body = raw.slice(open + 1, close - 1);
  const fields: Field[] = [];
  const key = new RegExp(String.raw`\s*${KEY}\s*:\s*`, 'uy');
  let i = 0;
  while (i < body.length) {
    if (/^\s*,?\s*$/.test(body.slice(i))) break;
    key.lastIndex = i;
    const k = key.exec(body);
    if (!k) return undefined;
    const v = scanValue(body, key.lastIndex, /\s*(?:,|$)/g);
    if (!v) return undefined;
    fields.push({
      line,
      key: k[1] ?? k[2] ?? k[3]!,
      text: v.text,
      number: false,
      bareKey: k[1] === undefined,
      nested: v.nested,
      item: false,
      quoted: v.quoted,
    });
    const after = /^\s*(?:,|$)/.exec(body.slice(v.end));
    if (!after) return undefined;
    i = v.end + after[0].length;
  }
  return fields.length >= 2 ? fields : undefined;
}

/**
 * A field line with a text value as the cells it stands for, of the same length ('"valor": "Reagente",' →
 * ' valor :  Reagente  ', '  - resultado: "Positivo"' → '    resultado:  Positivo '): the accounting pass counts a
 * word where a result stands, after a label's colon, not after a quote. Any other line as it is.
 */
export function textFieldAsCells(line: string): string {
  const f = fieldOf(line, 0);
  // So is a field whose value is an object of one text field, a FHIR concept's ('"valueCodeableConcept": { "text":
  // "Não reagente" },' → ' valueCodeableConcept :    text :  Não reagente    ', h1585): its text is the value.
  if (!f || !(f.quoted || (f.nested && ONE_TEXT_OBJECT.test(f.text)))) return line;
  const head = FIELD_HEAD.exec(line)!;
  const key = head[0].replace(/^(\s*)-(\s)/, '$1 $2').replace(/["']/g, ' ');
  return (
    key +
    line
      .slice(head[0].length)
      .replace(f.quoted ? /["']/g : /["'{}]/g, ' ')
      .replace(/,(\s*)$/, ' $1')
  );
}
const ONE_TEXT_OBJECT = /^\{\s*"[\p{L}_]+"\s*:\s*"[^"\\{}]*"\s*\}$/u;

// A reference given as an object of its bounds ('"referencia": {"min": 2.6, "max": 24.9}', an app's export): the
// range it stands for, in the report's decimal comma ("2,6 a 24,9").
const MIN_MAX = /^\{\s*["']?(?:min|minimo|mínimo)["']?\s*:\s*(-?\d+(?:\.\d+)?)\s*,\s*["']?(?:max|maximo|máximo)["']?\s*:\s*(-?\d+(?:\.\d+)?)\s*\}$/iu;
function minMaxOf(text: string): string | undefined {
  const m = MIN_MAX.exec(text.trim());
  return m ? `${m[1]!.replace('.', ',')} a ${m[2]!.replace('.', ',')}` : undefined;
}

/** A result's object among its fields: its name, value, unit and reference; undefined when it is no result. */
function resultOf(run: readonly Field[]) {
  const name = run.find((f) => NAME_KEY.test(f.key) && !f.number && !f.nested && f.text.trim() !== '');
  const value = run.find((f) => VALUE_KEY.test(f.key) && !f.nested && f.text.trim() !== '' && f.text !== 'null');
  if (!name || !value) return undefined;
  const unit = run.find((f) => UNIT_KEY.test(f.key) && !f.number && !f.nested);
  const ref = run.find((f) => REF_KEY.test(f.key) && (!f.nested || minMaxOf(f.text) !== undefined));
  const verdicts = run.filter((f) => VERDICT_KEY.test(f.key) && !f.nested);
  // An app's side of the value ('status: "ACIMA"') is the lab's mark before it, as a portal's arrow ("↑ 52").
  const side = verdicts.map((f) => f.text.trim()).find((t) => VERDICT_HIGH.test(t) || VERDICT_LOW.test(t));
  const mark = side && /^\s*\d/.test(value.text) ? (VERDICT_HIGH.test(side) ? '↑ ' : '↓ ') : '';
  const shown = mark + (value.number ? value.text.replace('.', ',') : value.text);
  const row = [name.text.trim(), `${shown}${unit && unit.text.trim() !== '' ? ` ${unit.text.trim()}` : ''}`];
  if (ref && ref.text.trim() !== '') row.push(`Referência: ${ref.nested ? minMaxOf(ref.text)! : ref.text.trim()}`);
  return { name, value, unit, ref, verdicts, row: row.join('   ') };
}

/** A field as the "Campo: valor" line it stands for; a group's title as the title it is. */
function labelled(f: Field): string {
  if (f.bareKey && TITLE_KEY.test(f.key) && f.quoted) return f.text;
  return `${f.key.replace(/_/g, ' ')}: ${f.text}`;
}

/** The lines of a text copied as JSON, YAML or object literals with each result an object of its own, as the rows they stand for; any other text as it is. */
export function jsonRecordsAsRows(raws: string[]): string[] {
  const fields = raws.map(fieldOf);
  const objects = raws.map((r, i) => (fields[i] ? undefined : objectFieldsOf(r, i)));
  // An app's export may wrap a long object over two or three lines, its history or a long reference on the
  // next ('{"nome": "Glicose", "valor": 108, …, "status": "alto",' / '"historico": [ … ]},', Manaus's health
  // app): read as the object it is, on its first line, the lines it runs on to left empty.
  const continued = new Set<number>();
  for (let i = 0; i < raws.length; i++) {
    if (fields[i] || objects[i] || continued.has(i) || !ONE_LINE_OBJECT.test(raws[i]!) || !/\{\s*\S/u.test(raws[i]!)) continue;
    let joined = raws[i]!;
    for (let k = i + 1; k < Math.min(raws.length, i + 4); k++) {
      joined += ` ${raws[k]!.trim()}`;
      const obj = objectFieldsOf(joined, i);
      if (!obj) continue;
      if (!resultOf(obj)) break;
      objects[i] = obj;
      for (let c = i + 1; c <= k; c++) {
        continued.add(c);
        fields[c] = undefined;
        objects[c] = undefined;
      }
      break;
    }
  }
  let out: string[] | undefined;
  // An object literal printed on one line: its fields are the line's, its nested history no row.
  for (let i = 0; i < raws.length; i++) {
    const obj = objects[i];
    if (!obj) continue;
    const result = resultOf(obj);
    if (!result) continue;
    out ??= [...raws];
    out[i] = result.row;
    for (let c = i + 1; continued.has(c); c++) out[c] = '';
  }
  // Any other object on one line of such a text is its labelled fields ('beneficiario = { nome: "…", sexo: "M" }'
  // → "nome: …   sexo: M"); one holding a nested array or object stays as printed.
  if (out) {
    for (let i = 0; i < raws.length; i++) {
      const obj = objects[i];
      if (!obj || out[i] !== raws[i] || obj.some((f) => f.nested)) continue;
      out[i] = obj.map(labelled).join('   ');
    }
  }
  // Runs of field lines: an object's fields, between its braces, or a YAML item's, from its "- ".
  for (let i = 0; i < raws.length; i++) {
    if (!fields[i]) continue;
    const run: Field[] = [];
    let j = i;
    for (; j < raws.length && fields[j] && (j === i || !fields[j]!.item); j++) run.push(fields[j]!);
    const start = i;
    i = j - 1;
    // Bare keys make a record only in a YAML item or after an object's opening brace: "Resultado: 5,2" alone is
    // an ordinary report's line.
    if (run.some((f) => f.bareKey) && !run[0]!.item && !/\{\s*$/.test(raws[start - 1] ?? '')) continue;
    const result = resultOf(run);
    if (!result) continue;
    out ??= [...raws];
    for (const f of run) {
      // A field of the object the row leaves out (a method, a date) is kept as its own labelled line; a
      // nested history of earlier results is none of this report's rows.
      if (f === result.name || f === result.unit || f === result.ref || result.verdicts.includes(f) || f.nested) out[f.line] = '';
      else if (f === result.value) out[f.line] = result.row;
      else out[f.line] = labelled(f);
    }
  }
  if (!out) return raws;
  // Every other field line of such a text is a labelled field; braces and brackets are no text. What a field's
  // line prints after it stays on the line, after a column gap.
  return out.map((l, i) => {
    const after = fields[i]?.after;
    if (after !== undefined && l !== raws[i]) return l.trim() === '' ? after : `${l}   ${after}`;
    if (l !== raws[i]) return l;
    const f = fields[i];
    if (f && !f.nested) return after === undefined ? labelled(f) : `${labelled(f)}   ${after}`;
    if (/^[\s{}[\],]*$/.test(l) || /^\s*```[\w-]*\s*$/.test(l)) return '';
    // An array or object opened under its name ('"resultados": [', 'cards = [', 'exames:') is its name only.
    return l.replace(/^\s*(?:"([^"]{1,40})"|([\p{L}_][\p{L}\p{N}_]{0,39}))\s*[:=]\s*[[{]\s*$/u, (_m, a, b) => `${a ?? b}:`);
  });
}
