// An e-mail's raw source ("Mostrar original", "Show original", a .eml opened as text): the transport's
// headers (Received, DKIM-Signature, Message-ID…), the MIME parts between their boundary lines, each with
// headers of its own, a text part in quoted-printable ("Hem=C3=A1cias", "=3D", a line broken by a trailing
// "=" anywhere, inside a number too: "7=" / ".000"), an HTML part repeating the text, an attachment in
// base64 (a viewer may print a bracketed note for what it left out of it). Read as printed, every accented name is no name, the broken lines halves of rows, the headers'
// and base64's digits results. So the source is put back as the message it carries: the headers, the
// boundaries, a part's headers and base64 lines are empty (they are the mail's envelope, never a result);
// a text part is decoded, each line the soft breaks cut put back whole on its first printed line (the lines
// it was cut over left empty, joined to it: `mimeLineJoins`), a result read there given back on the printed
// line that shows its value; an HTML part is read only when the message has no plain-text part (it repeats
// that part: a result would be read twice). A mail viewer's summary printed above the source (Gmail's
// "Mensagem original": "ID da mensagem<TAB>…", "SPF:<TAB>PASS com o IP …") is that envelope too. On an
// envelope line, text after a column gap or a " ; " is no part of it (a note added, a value typed in) and is
// kept, to be read or listed. Unread lines are listed as printed: the first line of a decoded line, then
// the lines joined to it that print a number.
// Only a text whose header block names the message's MIME structure (MIME-Version, Content-Type or
// Content-Transfer-Encoding, with another transport header) is touched.

const HEADER = /^[A-Za-z][A-Za-z0-9-]*:(?:[ \t]|$)/;
const CONTINUED = /^[ \t]+\S/;
const TRANSPORT =
  /^(?:received|dkim-signature|message-id|delivered-to|return-path|x-received|authentication-results|mime-version|content-type|content-transfer-encoding|from|to|subject|date):/i;
const MIME = /^(?:mime-version|content-type|content-transfer-encoding):/i;
const BASE64_LINE = /^[A-Za-z0-9+/]{16,}={0,2}$/;
// A viewer's note in brackets standing for what it left out of an attachment ("[... conteúdo do anexo omitido ...]").
const ELISION = /^\[[^\]]*\]$/;
// Where a note added to an envelope line starts: after a column gap, or a " ; ".
const ADDED = /\s{3,}|\s;\s/;

/** What an envelope line prints after its envelope: text after a column gap or " ; ", or nothing. */
function addedTo(line: string): string {
  const m = ADDED.exec(line.trim());
  return m ? line.trim().slice(m.index + m[0].length) : '';
}

interface Entity {
  type: string;
  encoding: string;
  charset: string;
  boundary?: string;
}

/** The entity a header block declares (its lines joined with their continuations). */
function entityOf(headers: string[]): Entity {
  const all = headers.join(' ');
  const type = /content-type:\s*([\w.+-]+\/[\w.+-]+)/i.exec(all)?.[1]?.toLowerCase() ?? 'text/plain';
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(all)?.[1]?.toLowerCase() ?? '7bit';
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(all)?.[1]?.toLowerCase() ?? 'utf-8';
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(all);
  return { type, encoding, charset, boundary: boundary ? (boundary[1] ?? boundary[2]) : undefined };
}

/** The index of the message's header block, or undefined when the text is no e-mail's source. */
function headerStart(raws: readonly string[]): number | undefined {
  for (let h = 0; h < Math.min(raws.length, 40); h++) {
    if (!HEADER.test(raws[h]!)) continue;
    let transport = 0;
    let mime = 0;
    let k = h;
    for (; k < raws.length && raws[k]!.trim() !== ''; k++) {
      if (CONTINUED.test(raws[k]!)) continue;
      if (!HEADER.test(raws[k]!)) break;
      if (TRANSPORT.test(raws[k]!)) transport++;
      if (MIME.test(raws[k]!)) mime++;
    }
    if (k < raws.length && raws[k]!.trim() !== '') continue;
    if (mime >= 1 && transport >= 3) return h;
  }
  return undefined;
}

/** The bytes a quoted-printable text stands for: "=XX" its byte, any other character its UTF-8. */
function qpBytes(s: string): number[] {
  const out: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    const hex = s[i] === '=' ? s.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else out.push(...enc.encode(s[i]!));
  }
  return out;
}

function decoderFor(charset: string): TextDecoder {
  try {
    return new TextDecoder(charset);
  } catch {
    return new TextDecoder('utf-8');
  }
}

interface Decoded {
  lines: string[];
  joins: Map<number, number[]>;
}

function decode(raws: readonly string[]): Decoded | undefined {
  const h = headerStart(raws);
  if (h === undefined) return undefined;
  const before = raws.slice(0, h).filter((r) => r.trim() !== '');
  // A viewer's summary of the envelope above the source: its fields parted by tabs, its title and buttons.
  const summary = before.every((r) => r.includes('\t') || /original/i.test(r));
  const lines = raws.map((r, i) => (i < h && !summary ? r : ''));
  const joins = new Map<number, number[]>();
  for (let i = 0; i < h; i++) if (summary) lines[i] = addedTo(raws[i]!);
  const envelope = (i: number) => {
    lines[i] = addedTo(raws[i]!);
  };
  // The message's and each part's header block, then its body up to the next boundary.
  const boundaries = new Set<string>();
  const parts: Array<{ entity: Entity; from: number; to: number }> = [];
  let i = h;
  const readHeaders = () => {
    const block: string[] = [];
    for (; i < raws.length && raws[i]!.trim() !== ''; i++) {
      block.push(raws[i]!);
      envelope(i);
    }
    return entityOf(block);
  };
  const isBoundary = (l: string) => {
    const t = l.trim().split(ADDED)[0]!;
    return t.startsWith('--') && [...boundaries].some((b) => t === `--${b}` || t === `--${b}--`);
  };
  let entity = readHeaders();
  if (entity.boundary) boundaries.add(entity.boundary);
  while (i < raws.length) {
    const from = i;
    while (i < raws.length && !isBoundary(raws[i]!)) i++;
    parts.push({ entity, from, to: i });
    if (i >= raws.length) break;
    envelope(i);
    const closing = raws[i]!.trim().split(ADDED)[0]!.endsWith('--');
    i++;
    if (closing) {
      entity = { type: 'multipart/epilogue', encoding: '7bit', charset: 'utf-8' };
      continue;
    }
    entity = readHeaders();
    if (entity.boundary) boundaries.add(entity.boundary);
  }
  const hasPlain = parts.some((p) => p.entity.type === 'text/plain');
  for (const { entity: e, from, to } of parts) {
    const text = e.type === 'text/plain' || (e.type === 'text/html' && !hasPlain);
    if (!text) {
      // A multipart's preamble, a repeated HTML part, an attachment: the envelope, what is added to it kept.
      for (let k = from; k < to; k++) {
        const l = raws[k]!;
        const head = l.trim().split(ADDED)[0]!;
        lines[k] = e.type.startsWith('multipart/') || e.type === 'text/html' || BASE64_LINE.test(head) || ELISION.test(head) ? addedTo(l) : l;
      }
      continue;
    }
    // A text part in base64 decodes to lines that do not fall on its printed ones: it is left as printed, its
    // lines listed unread rather than dropped.
    if (e.encoding !== 'quoted-printable') {
      for (let k = from; k < to; k++) lines[k] = raws[k]!;
      continue;
    }
    const decoder = decoderFor(e.charset);
    for (let k = from; k < to; ) {
      let logical = '';
      const start = k;
      while (k < to) {
        const l = raws[k]!.replace(/[ \t]+$/, '');
        k++;
        if (l.endsWith('=') && k < to) logical += l.slice(0, -1);
        else {
          logical += l;
          break;
        }
      }
      lines[start] = decoder.decode(Uint8Array.from(qpBytes(logical)));
      if (k - start > 1)
        joins.set(
          start,
          Array.from({ length: k - start - 1 }, (_, j) => start + 1 + j),
        );
    }
  }
  return { lines, joins };
}

/** The lines of an e-mail's raw source as the message it carries; the same lines for any other text. */
export function mimeSourceAsText(raws: string[]): string[] {
  return decode(raws)?.lines ?? raws;
}

/** Each decoded line the soft breaks had cut, with the printed lines joined to it. */
export function mimeLineJoins(raws: readonly string[]): Map<number, number[]> {
  return decode(raws)?.joins ?? new Map();
}
