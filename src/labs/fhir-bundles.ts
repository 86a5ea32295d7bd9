// A FHIR R4 resource printed as JSON (a Bundle sent to a national health record, "Visualizar recurso enviado"),
// pretty-printed over many lines: each result an Observation, its name under code (code.text, or a coding's
// display beside the LOINC code), its value under valueQuantity {value, unit}, valueCodeableConcept or
// valueString, its range under referenceRange [{low, high, text}], its verdict under interpretation (H/L/N).
// Read line by line, a line holds one key of an object ("value": 4.02), the name three lines above its value
// and the range below, and the LOINC codes, UUIDs and timestamps stand where values would. So the JSON is read
// as the data it is, and each Observation with a value is put back as the row it stands for ("Hemoglobina   11,4
// g/dL   12,0 a 16,0   L"), on the line that prints its value; a panel (hasMember, no value) as the title of its
// members; the Patient as the patient's sex and birth date (gender, birthDate). An Observation cancelled or
// entered in error, or with no value (dataAbsentReason), is no row. Every other line of the JSON is its
// structure (brackets, keys, codes, references, other resources) and is left empty. A number of the JSON has a
// decimal point, written with the report's decimal comma; a UCUM unit ("10*3/uL") as printed units read.
// Only a text holding JSON with an Observation that has a value is touched; text around the JSON is kept.
import { decimalComma, unitText } from './hl7-messages.ts';

/** A JSON value with the line its first character is printed on. */
type Node =
  | { kind: 'object'; line: number; fields: Map<string, Node> }
  | { kind: 'array'; line: number; items: Node[] }
  | { kind: 'string'; line: number; value: string }
  | { kind: 'number'; line: number; value: string }
  | { kind: 'literal'; line: number; value: string };

/** A JSON reader that keeps the line of each value: the text from `from`, or undefined when it is no JSON. */
class Reader {
  i: number;
  line: number;
  constructor(
    readonly s: string,
    from: number,
    line: number,
  ) {
    this.i = from;
    this.line = line;
  }
  space() {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) {
      if (this.s[this.i] === '\n') this.line++;
      this.i++;
    }
  }
  value(): Node | undefined {
    this.space();
    const c = this.s[this.i];
    const line = this.line;
    if (c === '{') {
      this.i++;
      const fields = new Map<string, Node>();
      this.space();
      if (this.s[this.i] === '}') {
        this.i++;
        return { kind: 'object', line, fields };
      }
      for (;;) {
        this.space();
        const k = this.value();
        if (k?.kind !== 'string') return undefined;
        this.space();
        if (this.s[this.i] !== ':') return undefined;
        this.i++;
        const v = this.value();
        if (!v) return undefined;
        fields.set(k.value, v);
        this.space();
        if (this.s[this.i] === ',') this.i++;
        else if (this.s[this.i] === '}') {
          this.i++;
          return { kind: 'object', line, fields };
        } else return undefined;
      }
    }
    if (c === '[') {
      this.i++;
      const items: Node[] = [];
      this.space();
      if (this.s[this.i] === ']') {
        this.i++;
        return { kind: 'array', line, items };
      }
      for (;;) {
        const v = this.value();
        if (!v) return undefined;
        items.push(v);
        this.space();
        if (this.s[this.i] === ',') this.i++;
        else if (this.s[this.i] === ']') {
          this.i++;
          return { kind: 'array', line, items };
        } else return undefined;
      }
    }
    if (c === '"') {
      let out = '';
      for (let j = this.i + 1; j < this.s.length; j++) {
        const ch = this.s[j]!;
        if (ch === '\n') return undefined;
        if (ch === '"') {
          this.i = j + 1;
          return { kind: 'string', line, value: out };
        }
        if (ch === '\\') {
          const e = this.s[++j]!;
          if (e === 'u') {
            out += String.fromCharCode(Number.parseInt(this.s.slice(j + 1, j + 5), 16));
            j += 4;
          } else out += e === 'n' ? ' ' : e === 't' ? ' ' : e;
        } else out += ch;
      }
      return undefined;
    }
    const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)/.exec(this.s.slice(this.i, this.i + 40));
    if (!m) return undefined;
    this.i += m[0].length;
    return /^[tfn]/.test(m[0]) ? { kind: 'literal', line, value: m[0] } : { kind: 'number', line, value: m[0] };
  }
}

const field = (n: Node | undefined, key: string): Node | undefined => (n?.kind === 'object' ? n.fields.get(key) : undefined);
const items = (n: Node | undefined): Node[] => (n?.kind === 'array' ? n.items : []);
const text = (n: Node | undefined): string => (n?.kind === 'string' || n?.kind === 'number' ? n.value.trim() : '');

/** A CodeableConcept's text: its own text, else its first coding's display, else that coding's code. */
function conceptText(c: Node | undefined): string {
  const own = text(field(c, 'text'));
  if (own) return own;
  const codings = items(field(c, 'coding'));
  for (const k of codings) if (text(field(k, 'display'))) return text(field(k, 'display'));
  return '';
}

/** A Quantity as printed: comparator, number with the decimal comma, unit. */
function quantity(q: Node | undefined): string {
  const v = field(q, 'value');
  if (v?.kind !== 'number') return '';
  const unit = unitText(text(field(q, 'unit')) || text(field(q, 'code')));
  const shown = `${text(field(q, 'comparator'))}${decimalComma(v.value)}`;
  return unit ? `${shown} ${unit}` : shown;
}

/** A value and the line it is printed on, or undefined when the Observation (or component) has none. */
function observedValue(o: Node): { shown: string; line: number } | undefined {
  const q = field(o, 'valueQuantity');
  if (q) {
    const shown = quantity(q);
    // The row goes on the line that prints the number ("value": 6.84), not on the line that opens the quantity: that
    // line holds the result, and it is the one listed if the result is ever lost (h1709).
    return shown ? { shown, line: field(q, 'value')?.line ?? q.line } : undefined;
  }
  const c = field(o, 'valueCodeableConcept');
  if (c) {
    const shown = conceptText(c);
    return shown ? { shown, line: c.line } : undefined;
  }
  for (const key of ['valueString', 'valueInteger', 'valueBoolean']) {
    const v = field(o, key);
    if (v && v.kind !== 'object' && v.kind !== 'array' && v.value.trim() !== '') {
      return { shown: v.kind === 'number' ? decimalComma(v.value) : v.value.trim(), line: v.line };
    }
  }
  return undefined;
}

/** The first reference range as printed: its text when the lab wrote one, else its bounds. */
function rangeOf(o: Node): string {
  const r = items(field(o, 'referenceRange'))[0];
  if (!r) return '';
  const own = text(field(r, 'text'));
  if (own) return own;
  const low = text(field(field(r, 'low'), 'value'));
  const high = text(field(field(r, 'high'), 'value'));
  if (low && high) return `${decimalComma(low)} a ${decimalComma(high)}`;
  if (high) return `< ${decimalComma(high)}`;
  if (low) return `> ${decimalComma(low)}`;
  return '';
}

/** The interpretation's side: H above (H, HH, HU), L below (L, LL, LU); anything else says no more than the range. */
function sideOf(o: Node): string {
  const codes = items(field(o, 'interpretation')).flatMap((c) => items(field(c, 'coding')).map((k) => text(field(k, 'code'))));
  if (codes.some((c) => /^(?:H|HH|HU)$/i.test(c))) return 'H';
  if (codes.some((c) => /^(?:L|LL|LU)$/i.test(c))) return 'L';
  return '';
}

// An Observation that says it holds no result.
const NO_RESULT_STATUS = /^(?:cancelled|entered-in-error|registered)$/i;

/** A FHIR date ("1991-06-22") as a printed one. */
function fhirDate(t: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : undefined;
}

/** Every resource (an object with a resourceType) under a JSON value. */
function resourcesIn(n: Node, out: Node[] = []): Node[] {
  if (n.kind === 'object') {
    if (text(n.fields.get('resourceType'))) out.push(n);
    for (const v of n.fields.values()) resourcesIn(v, out);
  } else if (n.kind === 'array') for (const v of n.items) resourcesIn(v, out);
  return out;
}

/** The lines a printed JSON value holds the results and patient of, by line; undefined when it holds no result. */
function linesOf(root: Node): Map<number, string[]> | undefined {
  const at = new Map<number, string[]>();
  const put = (line: number, t: string) => {
    if (t !== '') at.set(line, [...(at.get(line) ?? []), t]);
  };
  let rows = 0;
  for (const r of resourcesIn(root)) {
    const type = text(field(r, 'resourceType'));
    if (type === 'Patient') {
      const sex = text(field(r, 'gender')).toLowerCase();
      const birth = field(r, 'birthDate');
      const out: string[] = [];
      if (sex === 'male' || sex === 'female') out.push(`Sexo: ${sex === 'male' ? 'Masculino' : 'Feminino'}`);
      const printed = fhirDate(text(birth));
      if (printed) out.push(`Data de nascimento: ${printed}`);
      put(field(r, 'gender')?.line ?? birth?.line ?? r.line, out.join('   '));
      continue;
    }
    if (type !== 'Observation' || NO_RESULT_STATUS.test(text(field(r, 'status')))) continue;
    const name = conceptText(field(r, 'code'));
    if (!name) continue;
    const v = observedValue(r);
    if (!v) {
      // A panel: its members' title.
      if (items(field(r, 'hasMember')).length > 0) put(field(r, 'code')!.line, name);
      continue;
    }
    put(v.line, [name, v.shown, rangeOf(r), sideOf(r)].filter((c) => c !== '').join('   '));
    rows++;
  }
  return rows > 0 ? at : undefined;
}

/** The lines of a text holding printed FHIR JSON as the rows its Observations stand for; any other line as it is. */
export function fhirBundlesAsRows(raws: string[]): string[] {
  if (!raws.some((r) => /"resourceType"\s*:\s*"Observation"/.test(r))) return raws;
  let out: string[] | undefined;
  const whole = raws.join('\n');
  const starts: number[] = [];
  for (let i = 0, at = 0; i < raws.length; at += raws[i]!.length + 1, i++) starts.push(at);
  for (let i = 0; i < raws.length; i++) {
    // A JSON value opens at a line's first character ("{", "[") and closes at a line's end.
    const open = /^\s*[{[]/.exec(raws[i]!);
    if (!open) continue;
    const reader = new Reader(whole, starts[i]! + open[0].length - 1, i);
    const root = reader.value();
    if (!root) continue;
    const end = reader.line;
    if (!/^[\s,]*$/.test(raws[end]!.slice(reader.i - starts[end]!))) continue;
    const by = linesOf(root);
    if (!by) continue;
    out ??= [...raws];
    for (let k = i; k <= end; k++) out[k] = (by.get(k) ?? []).join('   ');
    i = end;
  }
  return out ?? raws;
}
