// PDF parsing in the sandbox thread vs on the event loop (as before): what a double-compressed bomb
// costs each way — time to an answer, the longest event-loop stall (every other job's heartbeat waits
// on it) and the main process's memory — and what the sandbox adds to an ordinary report.
//   npm run bench:pdf   → bench/results/pdf-sandbox.json
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { extractPdfText } from '../src/pdf/extract-text.ts';
import { doubleCompressedPdf, pdfFromLines } from '../src/dev/testkit/pdf.ts';

const MiB = 1024 * 1024;

function bomb(): Buffer {
  const unit = Buffer.from('0 0 m 1 1 l S\n');
  const content = Buffer.alloc(128 * MiB);
  for (let i = 0; i < content.length; i += unit.length) unit.copy(content, i);
  return doubleCompressedPdf(content);
}

async function measure(label: string, work: () => Promise<unknown>): Promise<Record<string, unknown>> {
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = performance.now();
  let outcome: string;
  try {
    await work();
    outcome = 'ok';
  } catch (err) {
    outcome = (err as { code?: string }).code ?? (err as Error).message;
  }
  const ms = performance.now() - t0;
  loop.disable();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const out = { label, outcome, ms: Math.round(ms), maxEventLoopStallMs: Math.round(loop.max / 1e6), processRssGrowthMiB: Math.round((peak - rss0) / MiB) };
  console.log(JSON.stringify(out));
  return out;
}

/** pdfjs on the event loop, as extractPdfText did before the sandbox, stopped after `capMs`. */
async function inline(bytes: Uint8Array, capMs: number): Promise<void> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const timer = setTimeout(() => void task.destroy(), capMs);
  try {
    const doc = await task.promise;
    const page = await doc.getPage(1);
    await page.getTextContent();
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => {});
  }
}

const b = bomb();
const report = pdfFromLines(Array.from({ length: 40 }, (_, i) => `GLICOSE ${80 + i} mg/dL  70 a 99 mg/dL`));
const results = {
  machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version },
  bombBytes: b.length,
  decodedMiB: 128,
  runs: [
    await measure('bomb, sandbox (deadline 20 s, heap 256 MB: the defaults)', () => extractPdfText(b)),
    await measure('bomb, sandbox (deadline 2 s)', () => extractPdfText(b, { timeoutMs: 2_000 })),
    await measure('bomb, on the event loop as before (stopped at 60 s)', () => inline(b, 60_000)),
    await measure('40-line report, sandbox (cold thread)', () => extractPdfText(report)),
    await measure('40-line report, sandbox (warm thread, reused)', () => extractPdfText(report)),
    await measure('40-line report, on the event loop', () => inline(report, 60_000)),
  ],
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/pdf-sandbox.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench/results/pdf-sandbox.json');
