// A minimal valid PDF, written by hand: one page, Helvetica (a standard font, nothing embedded),
// each cell its own positioned text object as report generators do, and an exact xref table.
// Text is WinAnsi (latin1), so accented names survive. Used by tests and bench:analyses.

import { deflateSync } from 'node:zlib';

export type PdfRow = Array<[x: number, text: string]>;

export function pdfFromRows(rows: PdfRow[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  let content = '';
  rows.forEach((cells, i) => {
    const y = 780 - i * 16;
    for (const [x, text] of cells) content += `BT /F1 10 Tf ${x} ${y} Td (${esc(text)}) Tj ET\n`;
  });
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** One text line per entry, left-aligned. */
export function pdfFromLines(lines: string[]): Buffer {
  return pdfFromRows(lines.map((l) => [[50, l]]));
}

/**
 * A PDF bomb for the sandbox tests and bench: one page whose content stream is `content` compressed
 * twice (/Filter [/FlateDecode /FlateDecode]); 128 MiB of repeated operators fit in about 1.5 KB.
 */
export function doubleCompressedPdf(content: Buffer): Buffer {
  const once = deflateSync(content, { level: 9 });
  const twice = deflateSync(once, { level: 9 });
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    size += buf.length;
  };
  push('%PDF-1.4\n');
  const objects: Array<Array<Buffer | string>> = [
    ['<< /Type /Catalog /Pages 2 0 R >>'],
    ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>'],
    [`<< /Length ${twice.length} /Filter [/FlateDecode /FlateDecode] >>\nstream\n`, twice, '\nendstream'],
    ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
  ];
  objects.forEach((o, i) => {
    offsets.push(size);
    push(`${i + 1} 0 obj\n`);
    for (const p of o) push(p);
    push('\nendobj\n');
  });
  const xref = size;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}
