// A raw HL7 v2 message printed by an interface viewer (an ORU^R01 "as received": "MSH|^~\&|LIS|…",
// "PID|1||…", "OBR|1|…|HMG^HEMOGRAMA COMPLETO^L|…", "OBX|2|NM|HGB^Hemoglobina^L||11.2|g/dL|13.0-17.0|L|||F").
// Read line by line, a segment is one run of "|" and "^" with no column gap: the set number, the code and the
// timestamp stand where a name and a value would, and nothing is read. So each segment is put back as the line
// it stands for, on its own line: an OBX as the row "Hemoglobina   11,2 g/dL   13,0-17,0   L" (the name the
// identifier's text, the value, unit, range and abnormal flag its fields 5 to 8), an OBR as its battery's title,
// the PID as the patient's sex and birth date; the message header, visit and order segments carry no result
// and are left empty. An HL7 number has a decimal point ("3.98", never a thousands one), written with the
// report's decimal comma; a UCUM unit ("10*3/uL") as printed units read ("10^3/µL"). A note segment (NTE) is
// left as printed: it is free text (an earlier result quoted in it is no row), read or listed as any line.
// Only a text with a segment line "OBX|" that has a value field is touched.
// A viewer prints a segment as one unbroken run of fields: text after a column gap or a " ; " on a segment
// line ("PID|…^90570041   48,9", "PV1|…|CLM ; HBsAg: Reagente") is no field the message explains, so it is
// kept after what the segment stands for (alone when the segment carries nothing), to be read or listed.

// A segment line: three upper-case letters or digits, the field separator, the fields.
const SEGMENT = /^\s*([A-Z][A-Z0-9]{2})\|/;
// Segments that carry no result and no patient field the parser reads: the message header, the event, the
// visit, the order, the specimen, the acknowledgement, insurance and next of kin.
const ADMIN_SEGMENT = /^(?:MSH|EVN|PV1|PV2|ORC|SPM|MSA|ERR|IN1|IN2|NK1|PD1|TQ1|SFT|AL1|DG1|FHS|BHS|BTS|FTS|TCD)$/;

interface Separators {
  field: string;
  component: string;
}

/** The separators the message declares in its MSH ("MSH|^~\&"), or HL7's defaults. */
function separatorsOf(raws: readonly string[]): Separators {
  for (const r of raws) {
    const m = /^\s*MSH(.)(.)/.exec(r);
    if (m) return { field: m[1]!, component: m[2]! };
  }
  return { field: '|', component: '^' };
}

/** A number of the message written with the report's decimal comma ("13.0-17.0" → "13,0-17,0"). */
export const decimalComma = (t: string) => t.replace(/(\d)\.(\d)/g, '$1,$2');

/** A UCUM unit as printed units read: "10*3/uL" as "10^3/µL", "ug/L" as "µg/L"; a "{…}" annotation left out. */
export function unitText(t: string): string {
  return t
    .replace(/\{[^}]*\}/g, '')
    .replace(/10\*(\d+)/g, '10^$1')
    .replace(/(^|[^\p{L}])u(?=(?:L|g|mol|IU|U)(?![\p{L}]))/gu, '$1µ')
    .trim();
}

/** The text of a coded field ("HGB^Hemoglobina^L" → "Hemoglobina"; "GLU" → "GLU"). */
function codedText(field: string, sep: Separators): string {
  const cs = field.split(sep.component).map((c) => c.trim());
  return cs[1] || cs[4] || cs[0] || '';
}

/** An OBX as the row it stands for; undefined when it has no value. */
function observationRow(fields: string[], sep: Separators): string | undefined {
  const type = (fields[2] ?? '').trim().toUpperCase();
  const name = codedText(fields[3] ?? '', sep);
  const printed = (fields[5] ?? '').trim();
  if (name === '' || printed === '') return undefined;
  let value: string;
  if (type === 'SN') {
    // A structured number: comparator, number, separator, number ("<^0.5", "^1^:^128").
    const [cmp = '', n1 = '', mid = '', n2 = ''] = printed.split(sep.component).map((c) => c.trim());
    value = decimalComma(`${cmp}${n1}${mid}${n2}`);
  } else if (type === 'CE' || type === 'CWE' || type === 'CNE') value = codedText(printed, sep);
  else if (type === 'NM') value = decimalComma(printed);
  else value = printed.split(sep.component).join(' ');
  const [unitCode = '', unitName = ''] = (fields[6] ?? '').split(sep.component).map((c) => c.trim());
  const unit = unitText(unitCode || unitName);
  const reference = decimalComma((fields[7] ?? '').split(sep.component)[0]!.trim());
  // The abnormal flag: H/HH above, L/LL below; "N" or none says no more than the range does.
  const flag = (fields[8] ?? '').trim().toUpperCase();
  const mark = /^(?:H|HH|>)$/.test(flag) ? 'H' : /^(?:L|LL|<)$/.test(flag) ? 'L' : '';
  return [name, unit ? `${value} ${unit}` : value, reference, mark].filter((c) => c !== '').join('   ');
}

/** An HL7 date ("19580312", "195803120000") as a printed one. */
export function hl7Date(t: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(t.trim());
  return m ? `${m[3]}/${m[2]}/${m[1]}` : undefined;
}

/**
 * A patient segment or record as the header fields the patient is read from: birth date (field 8, a YYYYMMDD stamp)
 * and sex (field 9, M or F) — where both HL7's PID and ASTM's P record put them (astm-records.ts).
 */
export function patientFields(fields: string[]): string {
  const birth = hl7Date(fields[7] ?? '');
  const sex = (fields[8] ?? '').trim().toUpperCase();
  const out: string[] = [];
  if (sex === 'M' || sex === 'F') out.push(`Sexo: ${sex === 'M' ? 'Masculino' : 'Feminino'}`);
  if (birth) out.push(`Data de nascimento: ${birth}`);
  return out.join('   ');
}

/** The lines of a printed HL7 v2 message as the rows, titles and fields its segments stand for; any other line as it is. */
export function hl7SegmentsAsRows(raws: string[]): string[] {
  const sep = separatorsOf(raws);
  const isObservation = (r: string) => SEGMENT.exec(r)?.[1] === 'OBX' && r.split(sep.field).length > 5;
  if (!raws.some(isObservation)) return raws;
  return raws.map((raw) => {
    const segment = SEGMENT.exec(raw)?.[1];
    if (segment === undefined) return raw;
    const cut = UNEXPLAINED.exec(raw.trim());
    const printed = cut ? raw.trim().slice(0, cut.index) : raw.trim();
    const tail = cut
      ? raw
          .trim()
          .slice(cut.index)
          .replace(/^\s*;?\s*/, '')
      : '';
    const as = segmentAs(segment, printed.split(sep.field), sep);
    if (as === undefined) return raw;
    return [as, tail].filter((c) => c !== '').join('   ');
  });
}

// Where a segment line stops being fields: a column gap, a tab, or a " ; " list separator.
const UNEXPLAINED = /\s{2,}|\t|\s;\s/;

/** What one segment stands for: a row, a title, header fields, '' for nothing; undefined to keep the line. */
function segmentAs(segment: string, fields: string[], sep: Separators): string | undefined {
  if (segment === 'OBX') return observationRow(fields, sep);
  if (segment === 'OBR') return codedText(fields[4] ?? '', sep) || '';
  if (segment === 'PID') return patientFields(fields);
  if (ADMIN_SEGMENT.test(segment)) return '';
  return undefined;
}
