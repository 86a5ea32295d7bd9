// A lab's XML export, opened in a browser and copied with the browser's notice over the document tree (h1625:
// "Este arquivo XML não parece ter qualquer informação de estilo…" / "This XML file does not appear to have any
// style information…"), or pasted as its source: each exam an element naming it ('<exame codigo="TSH"
// nome="TSH - Hormônio tireoestimulante" material="Soro">'), its result and reference in attributes or the text
// of child elements ('<resultado valor="0,08" unidade="µUI/mL" sinalizador="L"/>', '<referencia texto="0,45 a
// 4,50 µUI/mL"/>', '<valor>0,08</valor>'), "&lt;" escaped in a value, comments between groups, an earlier
// result in an element of its own ('<resultadoAnterior data=… valor=…/>'). Read line by line, the name and the
// value are lines apart and every line is tags. So the XML is read as the tree it is, and each element that
// names an exam and holds its value is put back as the row it stands for ("TSH   0,08 µUI/mL   0,45 a 4,50
// µUI/mL   L"), on the line that prints its value; the patient's sex and birth date elements as the header's
// fields. Every other line of the tree (tags, comments, details, earlier results, remarks) is left empty;
// the lines keep their printed text for unparsed_lines. Text that is no part of the tree's records (before the
// root, beside an element's children, after the root's close: a note typed after a tag) is kept on its line. Only a text whose tree holds at least one such exam
// is touched; text around the tree (the browser's notice) is kept.
import { matchesOf } from '../text/matches.ts';

/** An attribute's or an element text's value with the line it is printed on. */
interface Printed {
  value: string;
  line: number;
}

interface Element {
  name: string;
  line: number;
  attrs: Map<string, Printed>;
  children: Element[];
  /** The text directly inside the element (no child's), when it holds any. */
  text?: Printed;
  /** Each run of text directly inside the element, with the lines it is printed on. */
  runs: Printed[];
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

/** XML text with its entities read ("&lt; 0,2" → "< 0,2"). */
function decoded(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** A tag's or attribute's name without its namespace prefix, lower case, accents off ("ns:dataNascimento" → "datanascimento"). */
function local(name: string): string {
  return name.replace(/^.*:/, '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const TAG = /<(\/?)([\p{L}_][\p{L}\p{N}_.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/uy;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The elements of the XML tree opened at `from` in `s` (the top ones), or undefined when it is no well-formed tree;
 * `loose` is the text before its root (after a declaration or a comment), `endAt` where its root closes.
 */
function treeOf(s: string, from: number, line0: number): { roots: Element[]; end: number; endAt: number; loose: Printed[] } | undefined {
  const roots: Element[] = [];
  const loose: Printed[] = [];
  const open: Element[] = [];
  let line = line0;
  const lineAt = (a: number, b: number) => {
    for (let k = a; k < b; k++) if (s[k] === '\n') line++;
  };
  let i = from;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt < 0) break;
    const between = s.slice(i, lt);
    if (open.length === 0 && roots.length > 0 && between.trim() !== '') break;
    if (between.trim() !== '') {
      const lead = between.length - between.trimStart().length;
      const startLine = line + (between.slice(0, lead).match(/\n/g)?.length ?? 0);
      const run = { value: between.trim(), line: startLine };
      const top = open[open.length - 1];
      if (top) {
        top.text = { value: decoded(run.value.replace(/\s+/g, ' ')), line: startLine };
        top.runs.push(run);
      } else loose.push(run);
    }
    lineAt(i, lt);
    i = lt;
    // Comments, processing instructions and a doctype are no element.
    const skip = s.startsWith('<!--', i) ? '-->' : s.startsWith('<?', i) ? '?>' : s.startsWith('<!', i) ? '>' : undefined;
    if (skip) {
      const e = s.indexOf(skip, i);
      if (e < 0) return undefined;
      lineAt(i, e + skip.length);
      i = e + skip.length;
      continue;
    }
    TAG.lastIndex = i;
    const m = TAG.exec(s);
    if (!m) {
      if (open.length === 0) break;
      return undefined;
    }
    const tagLine = line;
    if (m[1]) {
      const top = open.pop();
      if (!top || top.name !== local(m[2]!)) return undefined;
    } else {
      const el: Element = { name: local(m[2]!), line: tagLine, attrs: new Map(), children: [], runs: [] };
      const attrsAt = i + 1 + m[2]!.length;
      for (const a of matchesOf(ATTR, m[3]!)) {
        const at = attrsAt + a.index!;
        const attrLine = tagLine + (s.slice(i, at).match(/\n/g)?.length ?? 0);
        el.attrs.set(local(a[1]!), { value: decoded(a[2] ?? a[3] ?? '').trim(), line: attrLine });
      }
      (open.length > 0 ? open[open.length - 1]!.children : roots).push(el);
      if (!m[4]) open.push(el);
    }
    lineAt(i, i + m[0].length);
    i += m[0].length;
    if (open.length === 0) return { roots, end: line, endAt: i, loose };
  }
  return undefined;
}

// The keys, as an attribute or a child element (local name, lower case, no accents), an exam's fields go under.
const NAME_KEY = /^(?:nome|name|nomeexame|exame|descricao|analito|analyte|parametro|teste|test)$/;
const VALUE_KEY = /^(?:valor|value|resultado|result|valorresultado)$/;
const UNIT_KEY = /^(?:unidade|unid|unit|units)$/;
const REF_KEY = /^(?:referencia|valorreferencia|valoresreferencia|vr|ref|reference|referencerange|intervalo|intervaloreferencia|faixa)$/;
// An element's own text under these attributes: a result's value, a reference's text.
const TEXT_ATTR = /^(?:valor|value|texto|text|descricao)$/;
// The lab's mark of a value out of its range ('sinalizador="L"'): H above, L below; anything else says no more.
const FLAG_KEY = /^(?:sinalizador|sinal|flag|alerta|interpretacao|indicador)$/;
const LOW_KEY = /^(?:min|minimo|inferior|low|limiteinferior)$/;
const HIGH_KEY = /^(?:max|maximo|superior|high|limitesuperior)$/;
// The patient's sex and birth date, read as the header's fields.
const SEX_KEY = /^(?:sexo|sex|genero|gender)$/;
const BIRTH_KEY = /^(?:datanascimento|nascimento|dtnascimento|datadenascimento|birthdate|dob)$/;

/** A field of an element: its attribute, or the text (or value attribute) of a child element of that name. */
function fieldOf(el: Element, key: RegExp): Printed | undefined {
  for (const [k, v] of el.attrs) if (key.test(k) && v.value !== '') return v;
  for (const c of el.children) {
    if (!key.test(c.name)) continue;
    if (c.text && c.children.length === 0) return c.text;
    for (const [k, v] of c.attrs) if (TEXT_ATTR.test(k) && v.value !== '') return v;
  }
  return undefined;
}

/** The child element of a name, when there is one. */
function childOf(el: Element, key: RegExp): Element | undefined {
  return el.children.find((c) => key.test(c.name));
}

/** A value as the report prints it: a decimal point that is no thousands' dot written with the decimal comma. */
function printedValue(v: string): string {
  return /\d\.\d{3}(?!\d)/.test(v) ? v : v.replace(/(\d)\.(\d)/g, '$1,$2');
}

/** The reference of an exam element as printed: its text, or its bounds. */
function referenceOf(el: Element): string {
  const own = fieldOf(el, REF_KEY);
  if (own) return own.value;
  const ref = childOf(el, REF_KEY) ?? el;
  const low = [...ref.attrs].find(([k]) => LOW_KEY.test(k))?.[1].value;
  const high = [...ref.attrs].find(([k]) => HIGH_KEY.test(k))?.[1].value;
  if (low && high) return `${printedValue(low)} a ${printedValue(high)}`;
  if (high) return `< ${printedValue(high)}`;
  if (low) return `> ${printedValue(low)}`;
  return '';
}

/** The row an exam element stands for and the line of its value, or undefined when it names no exam with a value. */
function rowOf(el: Element): { row: string; line: number } | undefined {
  const name = fieldOf(el, NAME_KEY);
  const value = fieldOf(el, VALUE_KEY);
  if (!name || !value || name.value === value.value) return undefined;
  const result = childOf(el, VALUE_KEY) ?? el;
  const unit = fieldOf(result, UNIT_KEY) ?? fieldOf(el, UNIT_KEY);
  const flag = (fieldOf(result, FLAG_KEY) ?? fieldOf(el, FLAG_KEY))?.value ?? '';
  const side = /^(?:h|hh|a|alto|acima|elevado)$/i.test(flag) ? 'H' : /^(?:l|ll|b|baixo|abaixo|reduzido)$/i.test(flag) ? 'L' : '';
  const shown = unit && !value.value.endsWith(unit.value) ? `${printedValue(value.value)} ${unit.value}` : printedValue(value.value);
  return { row: [name.value, shown, referenceOf(el), side].filter((c) => c !== '').join('   '), line: value.line };
}

/** An ISO date ("1981-03-02") as a printed one. */
function printedDate(t: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : t;
}

/** The lines the tree holds exams and the patient on, by line; undefined when it holds no exam. */
function linesOf(roots: Element[]): Map<number, string[]> | undefined {
  const at = new Map<number, string[]>();
  const put = (line: number, t: string) => at.set(line, [...(at.get(line) ?? []), t]);
  let rows = 0;
  const walk = (el: Element) => {
    const row = rowOf(el);
    if (row) {
      put(row.line, row.row);
      rows++;
      return;
    }
    if (SEX_KEY.test(el.name) && el.text) {
      const sex = /^(?:f|feminino|female)$/i.test(el.text.value) ? 'Feminino' : /^(?:m|masculino|male)$/i.test(el.text.value) ? 'Masculino' : '';
      if (sex) put(el.text.line, `Sexo: ${sex}`);
    }
    if (BIRTH_KEY.test(el.name) && el.text) put(el.text.line, `Data de nascimento: ${printedDate(el.text.value)}`);
    for (const c of el.children) walk(c);
  };
  for (const r of roots) walk(r);
  return rows > 0 ? at : undefined;
}

/**
 * The text on the tree's lines that is no part of its structure, by line: before the root, and beside an element's
 * children (mixed content: "  <!-- Exportado … -->   48,7", "  <laboratorio …>   Reagente", a note typed after a
 * tag, h1625). A leaf's own text is its value; text beside children is none an exported record holds, so it is kept on
 * its line, as printed, to be read or listed.
 */
function keptText(roots: Element[], loose: Printed[]): Map<number, string[]> {
  const at = new Map<number, string[]>();
  const keep = (run: Printed) =>
    run.value.split('\n').forEach((piece, k) => {
      if (piece.trim() !== '') at.set(run.line + k, [...(at.get(run.line + k) ?? []), piece.trim()]);
    });
  loose.forEach(keep);
  const walk = (el: Element) => {
    if (el.children.length > 0) el.runs.forEach(keep);
    el.children.forEach(walk);
  };
  roots.forEach(walk);
  return at;
}

/** The lines of a text holding an XML tree as the rows its exam elements stand for; any other line as it is. */
export function xmlRecordsAsRows(raws: string[]): string[] {
  if (!raws.some((r) => /<\/[\p{L}_][\p{L}\p{N}_.:-]*>/u.test(r))) return raws;
  let out: string[] | undefined;
  const whole = raws.join('\n');
  const starts: number[] = [];
  for (let i = 0, at = 0; i < raws.length; at += raws[i]!.length + 1, i++) starts.push(at);
  for (let i = 0; i < raws.length; i++) {
    // A tree opens at a line's first tag (an XML declaration, a comment or the root element).
    const open = /^\s*<[?!\p{L}_]/u.exec(raws[i]!);
    if (!open) continue;
    const tree = treeOf(whole, starts[i]! + open[0].length - 2, i);
    if (!tree) continue;
    const by = linesOf(tree.roots);
    if (!by) continue;
    out ??= [...raws];
    const kept = keptText(tree.roots, tree.loose);
    // What the root's last line prints after its close.
    const after = whole.slice(tree.endAt, starts[tree.end]! + raws[tree.end]!.length).trim();
    if (after !== '') kept.set(tree.end, [...(kept.get(tree.end) ?? []), after]);
    for (let k = i; k <= tree.end; k++) out[k] = [...(by.get(k) ?? []), ...(kept.get(k) ?? [])].join('   ');
    i = tree.end;
  }
  return out ?? raws;
}

// A line of XML tags alone: an element's opening, closing or empty tag, a comment, a declaration, a leaf's text.
const TAGS_LINE = /^\s*<[?!/\p{L}_].*>\s*$/u;

/**
 * A line of XML tags as the cells it stands for, of the same length ('<resultado valor="8" unidade="UI/mL"/>' →
 * ' resultado valor: 8  unidade: UI/mL   '): the accounting pass, given the printed lines (the corpus property's),
 * counts a value after its attribute's label, as it counts a JSON field's (json-records.ts textFieldAsCells); in
 * quotes, a one-digit value reads as no result at all, so a result the reader lost would go unlisted (h1625).
 * A closing tag and a comment's marks are blank. Any other line as it is.
 */
export function xmlTagsAsCells(line: string): string {
  if (!TAGS_LINE.test(line)) return line;
  const blank = (s: string) => ' '.repeat(s.length);
  return line
    .replace(/<\/[^>]*>|<!--|-->|<\?[\p{L}_][^\s?>]*|\?>|\/>|[<>]/gu, blank)
    .replace(/\s*=\s*(["'])([^"']*)\1/g, (all, _q: string, v: string) => `: ${v}`.padEnd(all.length, ' '));
}
