// Text out of a PDF lab report with pdfjs-dist (legacy build: the one that runs on Node without a
// DOM), parsed in a sandbox thread (sandbox-worker.mjs, src/sandbox/threads.ts) with a heap limit, a deadline and a
// cap on characters. Text-layer only: a scanned report has no text and is refused with a message asking for a
// photo, which the vision path can read. Lines are rebuilt from the positioned text items so the
// lab parser sees the report's columns ("GLICOSE  112 mg/dL  70 a 99 mg/dL") as printed.
import { PermanentError, TransientError } from '../errors.ts';
import { runInSandbox, SandboxFailure } from '../sandbox/threads.ts';

export interface PdfTextOptions {
  /** Pages read at most; lab reports are a few pages, a 500-page upload is not a report. */
  maxPages?: number;
  /** Characters of text read at most; past it the document is refused (pdf_text_too_long). */
  maxChars?: number;
  /** Hard deadline of the parse: the sandbox thread is terminated at it. */
  timeoutMs?: number;
  /** Heap of the sandbox thread (V8 old generation), in MB. */
  memoryMb?: number;
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

/** Defaults for lab reports; the daemon passes PDF_MAX_TEXT_CHARS, PDF_PARSE_TIMEOUT_MS, PDF_PARSE_MEMORY_MB. */
export const PDF_DEFAULTS = { maxPages: 20, maxChars: 200_000, timeoutMs: 20_000, memoryMb: 256 };

type SandboxAnswer = { kind: 'ok'; pages: number; items: TextItemLike[][] } | { kind: 'invalid'; name: string } | { kind: 'too_long'; chars: number };

const SANDBOX = new URL('./sandbox-worker.mjs', import.meta.url);

function tooComplex(detail: string, why: string): PermanentError {
  return new PermanentError('pdf_too_complex', `the PDF is too large or complex to parse (${detail})`, {
    userMessage: `o PDF é grande ou complexo demais para ser lido (${why}); envie o laudo original do laboratório ou uma foto dele`,
  });
}

/**
 * Runs pdfjs in a sandbox thread (src/sandbox/threads.ts): a malicious document (a content stream
 * compressed twice that decodes to hundreds of MB) costs that thread its heap limit or its deadline,
 * never the daemon's event loop.
 */
async function parseInSandbox(bytes: Uint8Array, o: Required<Omit<PdfTextOptions, 'signal'>>, signal?: AbortSignal): Promise<SandboxAnswer> {
  // The copy is transferred, not cloned: the caller keeps its bytes.
  const data = new Uint8Array(bytes);
  try {
    return await runInSandbox<SandboxAnswer>(SANDBOX, { data, maxPages: o.maxPages, maxChars: o.maxChars }, [data.buffer], {
      memoryMb: o.memoryMb,
      timeoutMs: o.timeoutMs,
      signal,
      // A thread stopped mid-document (the character cap) is still busy with it: not reused.
      reusable: (answer) => answer.kind !== 'too_long',
    });
  } catch (err) {
    if (!(err instanceof SandboxFailure)) throw err;
    if (err.kind === 'deadline') throw tooComplex(`over ${o.timeoutMs} ms`, `passou de ${o.timeoutMs} ms`);
    if (err.kind === 'heap') throw tooComplex(`over ${o.memoryMb} MB of heap`, `passou de ${o.memoryMb} MB de memória`);
    if (err.kind === 'exited') throw tooComplex('the parser thread exited', 'o leitor parou');
    // A sandbox that could not start (an edge runtime without the .mjs file, say): another attempt
    // elsewhere — the daemon — can do it.
    throw new TransientError('pdf_sandbox_unavailable', `the PDF sandbox thread failed: ${(err.cause as Error | undefined)?.message ?? err.message}`, {
      cause: err,
      userMessage: 'o leitor de PDF não está disponível agora; tentaremos de novo',
    });
  }
}

/**
 * The report's text, page by page. Throws PermanentError `invalid_pdf` for a broken or encrypted
 * file, `pdf_no_text` for one without a text layer (a scan), `pdf_too_complex` past the sandbox's
 * memory or time, and `pdf_text_too_long` past maxChars characters (no lab report is that long).
 */
export async function extractPdfText(bytes: Uint8Array, options: PdfTextOptions = {}): Promise<PdfText> {
  const o = {
    maxPages: options.maxPages ?? PDF_DEFAULTS.maxPages,
    maxChars: options.maxChars ?? PDF_DEFAULTS.maxChars,
    timeoutMs: options.timeoutMs ?? PDF_DEFAULTS.timeoutMs,
    memoryMb: options.memoryMb ?? PDF_DEFAULTS.memoryMb,
  };
  const answer = await parseInSandbox(bytes, o, options.signal);
  if (answer.kind === 'invalid') {
    const locked = answer.name === 'PasswordException';
    const why = locked ? 'o PDF está protegido por senha' : 'o arquivo não é um PDF legível';
    throw new PermanentError('invalid_pdf', locked ? 'the PDF is password-protected' : `pdf.js could not read the file (${answer.name})`, {
      userMessage: `${why}; envie o laudo sem senha ou uma foto dele`,
    });
  }
  if (answer.kind === 'too_long') {
    throw new PermanentError('pdf_text_too_long', `the PDF's text exceeds ${o.maxChars} characters`, {
      userMessage: `o PDF tem texto demais para um laudo (mais de ${o.maxChars} caracteres); envie só as páginas dos resultados`,
    });
  }
  const lines = answer.items.flatMap((items) => linesFromItems(items));
  const text = lines.join('\n');
  if (text.trim() === '') {
    throw new PermanentError('pdf_no_text', 'the PDF has no selectable text (a scanned image)', {
      userMessage: 'o PDF não tem texto selecionável (parece uma imagem escaneada); envie uma foto do laudo',
    });
  }
  return { text, pages: answer.pages };
}
