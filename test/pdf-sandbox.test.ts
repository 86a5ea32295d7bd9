// Documents that explode: a 1–2 KB PDF whose content stream is compressed twice decodes to 128 MiB.
// The parser runs in a worker thread with a heap limit and a deadline, so the daemon's event loop
// keeps turning (heartbeats renew every other job's lease) and the document fails with a permanent,
// clear code. Also: the cap on characters, and that ordinary reports still read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractPdfText } from '../src/pdf/extract-text.ts';
import { doubleCompressedPdf, pdfFromLines } from './support/pdf.ts';

const MiB = 1024 * 1024;

/** Keeps count of event-loop turns while `work` runs: the mechanism that keeps heartbeats alive. */
async function ticksDuring<T>(work: Promise<T>): Promise<{ ticks: number; outcome: PromiseSettledResult<T> }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 50);
  const [outcome] = await Promise.allSettled([work]);
  clearInterval(timer);
  return { ticks, outcome };
}

test('a double-compressed PDF bomb (128 MiB of operators) fails as pdf_too_complex while the event loop keeps turning', async () => {
  // 128 MiB of path operators: no text at all, so only the deadline and the heap limit can stop it.
  const unit = Buffer.from('0 0 m 1 1 l S\n');
  const content = Buffer.alloc(128 * MiB);
  for (let i = 0; i < content.length; i += unit.length) unit.copy(content, i);
  const bomb = doubleCompressedPdf(content);
  assert.ok(bomb.length < 4096, `the bomb is small: ${bomb.length} bytes`);
  const { ticks, outcome } = await ticksDuring(extractPdfText(bomb, { timeoutMs: 1_500, memoryMb: 64 }));
  assert.equal(outcome.status, 'rejected');
  const err = (outcome as PromiseRejectedResult).reason as { code: string; kind: string; userMessage: string };
  assert.equal(err.code, 'pdf_too_complex');
  assert.equal(err.kind, 'permanent');
  assert.match(err.userMessage, /complexo demais/);
  assert.ok(ticks > 0, 'the event loop was never blocked by the parse');
});

test('a bomb of text stops at PDF_MAX_TEXT_CHARS with pdf_text_too_long, long before the stream ends', async () => {
  const unit = Buffer.from('BT /F1 10 Tf 50 700 Td (GLICOSE 90 mg/dL) Tj ET\n');
  const content = Buffer.alloc(64 * MiB);
  for (let i = 0; i + unit.length <= content.length; i += unit.length) unit.copy(content, i);
  const bomb = doubleCompressedPdf(content);
  const { outcome } = await ticksDuring(extractPdfText(bomb, { maxChars: 10_000, timeoutMs: 60_000 }));
  assert.equal(outcome.status, 'rejected');
  assert.equal(((outcome as PromiseRejectedResult).reason as { code: string }).code, 'pdf_text_too_long');
});

test('an ordinary report still reads, and the caller keeps its bytes', async () => {
  const pdf = pdfFromLines(['HEMOGRAMA', 'Hemoglobina  14,2 g/dL  12,0 a 16,0']);
  const copy = Buffer.from(pdf);
  const { text, pages } = await extractPdfText(pdf);
  assert.equal(pages, 1);
  assert.match(text, /Hemoglobina\s+14,2 g\/dL\s+12,0 a 16,0/);
  assert.ok(pdf.equals(copy), 'the input buffer is not detached or changed');
});

test('an abort signal stops the sandbox at once', async () => {
  const unit = Buffer.from('0 0 m 1 1 l S\n');
  const content = Buffer.alloc(64 * MiB);
  for (let i = 0; i < content.length; i += unit.length) unit.copy(content, i);
  const controller = new AbortController();
  const work = extractPdfText(doubleCompressedPdf(content), { timeoutMs: 60_000, signal: controller.signal });
  setImmediate(() => controller.abort(new Error('cancelled by test')));
  await assert.rejects(work, /cancelled by test/);
});

test('a warm sandbox thread serves the next parses; after a refused bomb a fresh one does', async () => {
  const a = pdfFromLines(['GLICOSE  90 mg/dL  70 a 99']);
  const b = pdfFromLines(['UREIA  30 mg/dL  15 a 40']);
  assert.match((await extractPdfText(a)).text, /GLICOSE/);
  assert.match((await extractPdfText(b)).text, /UREIA/, 'the reused thread answers');
  await assert.rejects(extractPdfText(Buffer.from('%PDF-1.4\nnot really a pdf')), { code: 'invalid_pdf' });
  const unit = Buffer.from('0 0 m 1 1 l S\n');
  const content = Buffer.alloc(32 * MiB);
  for (let i = 0; i < content.length; i += unit.length) unit.copy(content, i);
  await assert.rejects(extractPdfText(doubleCompressedPdf(content), { timeoutMs: 300 }), { code: 'pdf_too_complex' });
  assert.match((await extractPdfText(a)).text, /GLICOSE/, 'parsing goes on after a terminated thread');
});
