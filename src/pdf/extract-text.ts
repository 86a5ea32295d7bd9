// Text out of a PDF lab report with pdfjs-dist (legacy build: the one that runs on Node without a
// DOM). Text-layer only: a scanned report has no text and is refused with a message asking for a
// photo, which the vision path can read. Lines are rebuilt from the positioned text items so the
// lab parser sees the report's columns ("GLICOSE  112 mg/dL  70 a 99 mg/dL") as printed.
import { PermanentError } from '../errors.ts';

export interface PdfTextOptions {
  /** Pages read at most; lab reports are a few pages, a 500-page upload is not a report. */
  maxPages?: number;
  signal?: AbortSignal;
}

export interface PdfText {
  text: string;
  pages: number;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

// Loaded on first use: the module is large and most jobs never see a PDF.
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** Groups items into lines by baseline, left to right, with a double space where a column gap is. */
export function linesFromItems(items: TextItemLike[]): string[] {
  const rows: Array<{ y: number; h: number; items: TextItemLike[] }> = [];
  for (const it of items) {
    if (it.str === '' && !it.hasEOL) continue;
    const y = it.transform[5] ?? 0;
    const h = Math.abs(it.height || it.transform[3] || 10);
    // Same line when baselines differ by less than half the text height (subscripts, kerning).
    const row = rows.find((r) => Math.abs(r.y - y) < Math.max(r.h, h) / 2);
    if (row) row.items.push(it);
    else rows.push({ y, h, items: [it] });
  }
  rows.sort((a, b) => b.y - a.y);
  const out: string[] = [];
  for (const row of rows) {
    row.items.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
    let line = '';
    let prevEnd: number | undefined;
    // A gap wider than about two characters is a column break, written as two spaces (the lab
    // parser reads "two or more spaces" as a column separator); a smaller one is a word space.
    const charW = row.h * 0.5;
    const space = (gap: number) => {
      if (gap > charW * 2) line = `${line.replace(/ +$/, '')}  `;
      else if (gap > charW * 0.2 && !line.endsWith(' ')) line += ' ';
    };
    for (const it of row.items) {
      const x = it.transform[4] ?? 0;
      if (it.str.trim() === '') {
        // pdfjs reports the jump between two positioned strings as a whitespace item as wide as the jump.
        if (line !== '') space(it.width);
        continue;
      }
      if (prevEnd !== undefined) space(x - prevEnd);
      line += it.str;
      prevEnd = x + (it.width || it.str.length * charW);
    }
    const trimmed = line.replace(/\s+$/, '');
    if (trimmed !== '') out.push(trimmed);
  }
  return out;
}

/**
 * The report's text, page by page. Throws PermanentError `invalid_pdf` for a broken or encrypted
 * file and `pdf_no_text` for one without a text layer (a scan).
 */
export async function extractPdfText(bytes: Uint8Array, options: PdfTextOptions = {}): Promise<PdfText> {
  const maxPages = options.maxPages ?? 20;
  const { getDocument } = await loadPdfJs();
  // pdfjs takes ownership of (and detaches) the buffer it is given: pass a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    // Untrusted input: no eval'd font programs, no system fonts or font loading, errors only.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
  });
  const onAbort = () => void task.destroy();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      if (options.signal?.aborted) throw err;
      const name = (err as Error)?.name ?? '';
      const why = name === 'PasswordException' ? 'o PDF está protegido por senha' : 'o arquivo não é um PDF legível';
      throw new PermanentError('invalid_pdf', `${why}; envie o laudo sem senha ou uma foto dele`, { cause: err });
    }
    const pages = Math.min(doc.numPages, maxPages);
    const lines: string[] = [];
    for (let p = 1; p <= pages; p++) {
      if (options.signal?.aborted) break;
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      lines.push(...linesFromItems(content.items.filter((i) => 'str' in i) as TextItemLike[]));
      page.cleanup();
    }
    const text = lines.join('\n');
    if (text.trim() === '') {
      throw new PermanentError('pdf_no_text', 'o PDF não tem texto selecionável (parece uma imagem escaneada); envie uma foto do laudo');
    }
    return { text, pages };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await task.destroy().catch(() => {});
  }
}
