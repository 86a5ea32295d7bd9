// What the Edge Runtime's 2 s of CPU per request cannot hold, measured (bench/edge-cpu.ts,
// docs/gateway.md "Edge Runtime limits"): the first PDF a cold isolate parses costs 2.3–3.0 s of CPU
// (pdfjs and its worker module compiled on first use), over the limit, so the platform would kill the
// request with 546. Warm, a PDF costs 0.06–0.09 s, but an isolate cannot know it is warm for the
// next one. Documents therefore go to the queue from the edge; everything else measured stays far below
// (7-day meal plan 0.17 s cold, text exam 16 ms, food photo 41 ms, assistant 16 ms).
//
// Except a long exam text: the lab parse is linear in the text (bench/edge-cpu.ts, CPU time on this
// shared 2-core machine at load 5–6, two runs: 8 kB 0.17–0.47 s, 16 kB 0.39–0.86 s, 100 kB — the
// input's own limit — 2.0–3.0 s, over the limit before a cold isolate's compilation is even added).
// The ceiling sits at 8 kB, where a cold isolate's first parse (modules ~0.2 s more) stays near a third
// of the limit; the longest report of the lab corpus (a three-page check-up) is 9 kB, most are 1–4 kB.
// A longer text costs its sender nothing but the wait for the worker (202, then the job).
import type { JobType } from '../job-inputs/job-types.ts';
import { SyncUnavailableError, type RunInline } from './inline.ts';

/** The longest exam text (UTF-8 bytes) the edge parses inline; longer ones go to the worker. */
export const EDGE_INLINE_EXAM_TEXT_BYTES = 8 * 1024;

/** Why this work must not run inline on the edge, or undefined when it fits. */
export function edgeCpuRisk(type: JobType, input: unknown): string | undefined {
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (type === 'medical_exam' && typeof o.document_base64 === 'string')
    return 'exam documents (PDF or image) are parsed by the worker: a cold parse exceeds the 2 s edge CPU limit';
  if (type === 'medical_exam' && typeof o.text === 'string' && new TextEncoder().encode(o.text).length > EDGE_INLINE_EXAM_TEXT_BYTES)
    return `exam texts over ${EDGE_INLINE_EXAM_TEXT_BYTES / 1024} kB are parsed by the worker: a long parse can exceed the 2 s edge CPU limit`;
  const media = o.media as Record<string, unknown> | undefined;
  if (type === 'whatsapp_message' && media && typeof media === 'object')
    return 'WhatsApp media are processed by the worker: a document parse exceeds the 2 s edge CPU limit';
  return undefined;
}

/** The edge's inline runner: work that could exceed the CPU limit is refused, so the gateway enqueues it. */
export function edgeRunInline(run: RunInline): RunInline {
  return (type, input, signal, ctx) => {
    const risk = edgeCpuRisk(type, input);
    if (risk) return Promise.reject(new SyncUnavailableError(risk));
    return run(type, input, signal, ctx);
  };
}
