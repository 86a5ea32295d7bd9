// The PDF parser's sandbox: runs in a worker thread with a heap limit (resourceLimits) and is
// terminated by its parent at a deadline. Plain JavaScript on purpose: it starts without the tsx
// loader, so the thread costs only pdfjs's own start-up. It reads the text layer page by page as a
// stream and stops as soon as the text passes maxChars, so a page whose content stream decodes to
// hundreds of MB of text operators is never read to its end.
import { parentPort, workerData } from 'node:worker_threads';

const { data, maxPages, maxChars } = workerData;

async function run() {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data,
    // Untrusted input: no eval'd font programs, no system fonts or font loading, errors only.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
  });
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
      if (chars > maxChars) {
        await reader.cancel().catch(() => {});
        return { kind: 'too_long', chars };
      }
    }
    out.push(items);
    page.cleanup();
  }
  await task.destroy().catch(() => {});
  return { kind: 'ok', pages, items: out };
}

run().then(
  (msg) => parentPort.postMessage(msg),
  (err) => parentPort.postMessage({ kind: 'invalid', name: err?.name ?? 'Error' }),
);
