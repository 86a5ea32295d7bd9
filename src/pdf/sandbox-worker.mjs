// The PDF parser's sandbox: runs in a worker thread with a heap limit (resourceLimits) and is
// terminated by its parent at a deadline. Plain JavaScript on purpose: it starts without the tsx
// loader. A thread serves one parse at a time and is kept warm for the next (loading pdfjs into a
// fresh thread costs far more than a lab report's parse); a thread that passed its deadline, its heap
// or the character cap is terminated, never reused. The text layer is read page by page as a stream
// and the read stops as soon as the text passes maxChars, so a page whose content stream decodes to
// hundreds of MB of text operators is never read to its end.
import { parentPort } from 'node:worker_threads';

const pdfjs = import('pdfjs-dist/legacy/build/pdf.mjs');

async function read(task, maxPages, maxChars) {
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    return { kind: 'invalid', name: err?.name ?? 'Error' };
  }
  const pages = Math.min(doc.numPages, maxPages);
  const out = [];
  let chars = 0;
  for (let p = 1; p <= pages; p++) {
    const page = await doc.getPage(p);
    const reader = page.streamTextContent().getReader();
    const items = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const it of value.items) {
        if (typeof it.str !== 'string') continue;
        chars += it.str.length;
        items.push({ str: it.str, transform: it.transform, width: it.width, height: it.height, hasEOL: it.hasEOL });
      }
      // Answer at once: the parent terminates this thread, with whatever it was still decoding.
      if (chars > maxChars) return { kind: 'too_long', chars };
    }
    out.push(items);
    page.cleanup();
  }
  return { kind: 'ok', pages, items: out };
}

parentPort.on('message', async ({ data, maxPages, maxChars }) => {
  let task;
  let answer;
  try {
    const { getDocument } = await pdfjs;
    task = getDocument({
      data,
      // Untrusted input: no eval'd font programs, no system fonts or font loading, errors only.
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      stopAtErrors: false,
    });
    answer = await read(task, maxPages, maxChars);
  } catch (err) {
    answer = { kind: 'invalid', name: err?.name ?? 'Error' };
  }
  // The answer first: cleaning up may wait on work the answer no longer needs.
  parentPort.postMessage(answer);
  if (answer.kind !== 'too_long') await task?.destroy().catch(() => {});
});
