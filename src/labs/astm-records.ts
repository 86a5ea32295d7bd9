// An analyser interface's log of raw ASTM E1394 / CLSI LIS2-A2 messages, printed by a middleware ("[03:12:07.734]
// <- <STX>4R|1|^^^GLU^Glicose|168|mg/dL|70 to 99|H||F||||20261014032455<CR><ETX>5C<CR><LF>", "-> <ACK>").
// Read line by line, a frame is one run of "|" and "^" glued to its frame number, control characters and
// checksum: the frame number sits on the record type ("4R"), the test code and the timestamp stand where a name
// and a value would, and nothing is read. So each record is put back as the line it stands for, on its frame's
// line: a result record (R) as the row "Glicose   168 mg/dL   70 a 99   H" (the name the test identifier's text,
// then value, unit, range and abnormal flag, fields 4 to 7); the patient record (P) as the patient's sex and
// birth date; the header, order, query, manufacturer's and terminator records, and the link's own control
// lines (<ENQ>, <ACK>, <NAK>, <EOT>), carry no result and are left empty. A result the analyser could not give
// (status X, or no value) is no row. A comment record (C) is left as its text, to be read or listed as any note.
// A record too long for one frame goes on in the next (<ETB> ends the first): read whole on its first line.
// Only a text with a header record ("H|\^&") and a result record is touched.
import { decimalComma, patientFields, unitText } from './hl7-messages.ts';

// What a log prints before a frame: a timestamp, the direction ("<-", "->", "RX:"), no field.
const LOG_LEAD = String.raw`\s*(?:\[[^\]|]*\]\s*)?(?:\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\s+)?(?:<-|->|<<|>>|(?:RX|TX|IN|OUT)\s*:?)?\s*`;
const STX = String.raw`(?:<STX>|\x02)`;
// A frame: <STX>, the frame number (0 to 7) glued to the record type, the record, then <CR>, <ETX> or <ETB>
// and the checksum's two hex digits; printed with the control characters spelled out or as they are.
const FRAME = new RegExp(
  String.raw`^${LOG_LEAD}${STX}([0-7])?(.*?)(?:<CR>|\r)?\s*(<ETX>|<ETB>|\x03|\x17)(?:[0-9A-Fa-f]{2})?\s*(?:<CR>|\r)?\s*(?:<LF>|\n)?\s*$`,
  'u',
);
// A record printed bare, with no frame around it ("R|1|^^^GLU^Glicose|…", "4R|1|…").
const BARE_RECORD = new RegExp(String.raw`^${LOG_LEAD}([0-7])?([HPOCRLQMS]\|.*)$`, 'u');
// A line of the link's own control characters alone: no text.
const CONTROL = new RegExp(String.raw`^${LOG_LEAD}(?:(?:<(?:ENQ|ACK|NAK|EOT|EOB)>|[\x04\x05\x06\x15])\s*)+$`, 'u');
// Records with no result and no patient field: header, order, query, manufacturer's, scientific, terminator.
const ADMIN_RECORD = /^[HOQMSL]$/;
// A result's status that says no result was given: X cannot be done, I pending.
const NO_RESULT_STATUS = /^[XI]$/;

interface Delimiters {
  field: string;
  repeat: string;
  component: string;
}

/** The delimiters the header record declares ("H|\^&": field, repeat, component, escape), or the standard's. */
function delimitersOf(records: readonly string[]): Delimiters {
  for (const r of records) {
    const m = /^H(.)(.)(.)/.exec(r);
    if (m) return { field: m[1]!, repeat: m[2]!, component: m[3]! };
  }
  return { field: '|', repeat: '\\', component: '^' };
}

/** A frame's or a bare record's text, and whether it goes on in the next frame; undefined for any other line. */
function recordOf(raw: string): { text: string; goesOn: boolean; framed: boolean } | undefined {
  const f = FRAME.exec(raw);
  if (f) return { text: f[2]!, goesOn: f[3] === '<ETB>' || f[3] === '\u0017', framed: true };
  const b = BARE_RECORD.exec(raw);
  if (b) return { text: b[2]!.trimEnd(), goesOn: false, framed: false };
  return undefined;
}

/** The text of a universal test identifier ("^^^GLU^Glicose" → "Glicose"; "^^^GLU" → "GLU"). */
function testName(field: string, d: Delimiters): string {
  const cs = field.split(d.component).map((c) => c.trim());
  return cs[4] || cs[3] || cs.find((c) => c !== '') || '';
}

/** A result record as the row it stands for; undefined when it gives no result. */
function resultRow(fields: string[], d: Delimiters): string | undefined {
  const name = testName(fields[2] ?? '', d);
  const value = (fields[3] ?? '')
    .split(d.component)
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .join(' ');
  const status = (fields[8] ?? '').trim().toUpperCase();
  if (name === '' || value === '' || NO_RESULT_STATUS.test(status)) return undefined;
  const unit = unitText((fields[4] ?? '').split(d.component)[0]!);
  // The range as "x to y" (the standard's), "x-y" or "<y": in the report's words and decimal comma.
  const reference = decimalComma(
    (fields[5] ?? '')
      .split(d.repeat)[0]!
      .trim()
      .replace(/^(\S+)\s+to\s+(\S+)$/i, '$1 a $2'),
  );
  // The abnormal flag: H/HH above, L/LL below; "N" or none says no more than the range does.
  const flag = (fields[6] ?? '').trim().toUpperCase();
  const mark = /^(?:H|HH|>)$/.test(flag) ? 'H' : /^(?:L|LL|<)$/.test(flag) ? 'L' : '';
  const shown = /^[<>]?-?\d+(?:\.\d+)?$/.test(value) ? decimalComma(value) : value;
  return [name, unit ? `${shown} ${unit}` : shown, reference, mark].filter((c) => c !== '').join('   ');
}

/** What one record stands for: a row, header fields, a note's text, '' for nothing. */
function recordAs(record: string, d: Delimiters): string {
  const fields = record.split(d.field);
  const type = fields[0]!.trim();
  if (type === 'R') return resultRow(fields, d) ?? '';
  if (type === 'P') return patientFields(fields);
  if (type === 'C')
    return (fields[3] ?? '')
      .split(d.component)
      .map((c) => c.trim())
      .filter((c) => c !== '')
      .join(' — ');
  if (ADMIN_RECORD.test(type)) return '';
  return record;
}

/** The lines of a printed ASTM E1394 log as the rows and fields its records stand for; any other line as it is. */
export function astmRecordsAsRows(raws: string[]): string[] {
  const records = raws.map(recordOf);
  const texts = records.map((r) => r?.text ?? '');
  // The header declares its four delimiters ("H|\^&"): no other line of a report opens so.
  if (!texts.some((t) => /^H([^\w\s])[^\w\s]{2}&(?:\1|$)/.test(t)) || !texts.some((t) => /^R[^\w\s]/.test(t))) return raws;
  const d = delimitersOf(texts);
  const out = [...raws];
  for (let i = 0; i < raws.length; i++) {
    if (CONTROL.test(raws[i]!)) {
      out[i] = '';
      continue;
    }
    const r = records[i];
    if (!r) continue;
    // A record too long for its frame: the next frames' texts are its continuation, read on this line.
    let text = r.text;
    let goesOn = r.goesOn;
    for (let k = i + 1; goesOn && k < raws.length; k++) {
      const next = records[k];
      if (!next?.framed) {
        if (CONTROL.test(raws[k]!)) continue;
        break;
      }
      text += next.text;
      goesOn = next.goesOn;
      records[k] = undefined;
      out[k] = '';
    }
    if (!/^[A-Z][^\w\s]/.test(text)) continue;
    out[i] = recordAs(text, d);
  }
  return out;
}
