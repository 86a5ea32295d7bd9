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

// '  "valor": 5.82,' → key "valor", value "5.82"; '"exame": "TSH"' → key "exame", text "TSH".
const FIELD = /^\s*"([^"]{1,40})"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null))\s*,?\s*$/;

const NAME_KEY = /^(?:exames?|nome_?exame|nome|analitos?|an[aá]lises?|testes?|par[aâ]metros?|descri[cç][aã]o|test|name|analyte)$/i;
const VALUE_KEY = /^(?:valor(?:_?resultado)?|resultados?|value|result)$/i;
const UNIT_KEY = /^(?:unidade|unid|unit|units)$/i;
const REF_KEY = /^(?:refer[eê]ncias?|valor(?:es)?_?(?:de_?)?refer[eê]ncia|vr|ref|reference(?:_range)?|intervalo(?:_?refer[eê]ncia)?)$/i;

interface Field {
  line: number;
  key: string;
  text: string;
  number: boolean;
}

function fieldOf(raw: string, line: number): Field | undefined {
  const m = FIELD.exec(raw);
  if (!m) return undefined;
  const text = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!;
  return { line, key: m[1]!, text, number: m[2] === undefined };
}

/**
 * A field line with a text value as the cells it stands for, of the same length ('"valor": "Reagente",' →
 * ' valor :  Reagente  '): the accounting pass counts a word where a result stands, after a label's colon,
 * not after a quote. Any other line as it is.
 */
export function textFieldAsCells(line: string): string {
  const f = FIELD.exec(line);
  if (!f || f[2] === undefined) return line;
  return line.replace(/"/g, ' ').replace(/,(\s*)$/, ' $1');
}

/** The lines of a text copied as JSON with each result an object of its own, as the rows they stand for; any other text as it is. */
export function jsonRecordsAsRows(raws: string[]): string[] {
  const fields = raws.map(fieldOf);
  let out: string[] | undefined;
  // Runs of field lines: an object's fields, between its braces.
  for (let i = 0; i < raws.length; i++) {
    if (!fields[i]) continue;
    const run: Field[] = [];
    let j = i;
    for (; j < raws.length && fields[j]; j++) run.push(fields[j]!);
    i = j - 1;
    const name = run.find((f) => NAME_KEY.test(f.key) && !f.number && f.text.trim() !== '');
    const value = run.find((f) => VALUE_KEY.test(f.key) && f.text.trim() !== '' && f.text !== 'null');
    if (!name || !value) continue;
    out ??= [...raws];
    const unit = run.find((f) => UNIT_KEY.test(f.key) && !f.number);
    const ref = run.find((f) => REF_KEY.test(f.key));
    const shown = value.number ? value.text.replace('.', ',') : value.text;
    const row = [name.text.trim(), `${shown}${unit && unit.text.trim() !== '' ? ` ${unit.text.trim()}` : ''}`];
    if (ref && ref.text.trim() !== '') row.push(`Referência: ${ref.text.trim()}`);
    for (const f of run) {
      // A field of the object the row leaves out (a method, a date) is kept as its own labelled line.
      if (f === name || f === unit || f === ref) out[f.line] = '';
      else if (f === value) out[f.line] = row.join('   ');
      else out[f.line] = `${f.key.replace(/_/g, ' ')}: ${f.text}`;
    }
  }
  if (!out) return raws;
  // Every other field line of such a text is a labelled field; braces and brackets are no text.
  return out.map((l, i) => {
    if (l !== raws[i]) return l;
    const f = fields[i];
    if (f) return `${f.key.replace(/_/g, ' ')}: ${f.text}`;
    return /^[\s{}[\],]*$/.test(l) ? '' : l.replace(/^\s*"([^"]{1,40})"\s*:\s*[[{]\s*$/, '$1:');
  });
}
