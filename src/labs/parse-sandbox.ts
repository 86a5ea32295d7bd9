// parseLabReport off the daemon's event loop. The parse is synchronous and regex-heavy: ~20 ms for a
// typical report, but the 100 kB a job may carry (MAX_EXAM_TEXT_BYTES) took 0.5–1 s (bench:labs), and
// no regex engine can be interrupted. On the event loop that stalled every other job of the daemon —
// claims, lease renewals, cancels — for as long; a pathological text would stall it until the leases
// lapsed. In a sandbox thread (src/sandbox/threads.ts, as the PDF text extraction) it stalls nothing,
// and a deadline, a heap limit and the job's abort signal end it.
import { PermanentError, TransientError } from '../errors.ts';
import { runInSandbox, SandboxFailure } from '../sandbox/threads.ts';
import { parseLabReport, type LabParseOptions } from './parse.ts';
import type { LabParseResult } from './result.ts';

const SCRIPT = new URL('./parse-sandbox-worker.mjs', import.meta.url);

/**
 * The defaults of LAB_PARSE_TIMEOUT_MS and LAB_PARSE_MEMORY_MB (src/config.ts). The deadline is there for a
 * text that sends a pattern into a long backtrack, not for a long report: it was 10 s, ten times the 100 kB
 * parse (MAX_EXAM_TEXT_BYTES) when it was set (0.99 s median), but the rules each corpus round added brought
 * that parse to a median 3.9 s, at most 4.7 s, on two idle cores (`npm run bench:labs`, 2026-12-04), and a
 * CI run sharing the cores took past 10 s on a 95 kB text: 30 s keeps a loaded daemon reading the longest
 * report a job may carry. 256 MB is the PDF sandbox's default heap, ~5× what a 100 kB parse uses.
 */
export const LAB_PARSE_LIMITS = { timeoutMs: 30_000, memoryMb: 256 };

type Answer = { kind: 'ok'; result: LabParseResult } | { kind: 'error'; name: string; message: string };

/**
 * The parse of `text` in a sandbox thread. Throws PermanentError `lab_report_too_complex` past the
 * deadline or the heap, TransientError `lab_parser_unavailable` when the thread could not run it, and
 * the signal's reason on abort.
 */
export async function parseLabReportInSandbox(
  text: string,
  options: LabParseOptions,
  limits: { timeoutMs?: number; memoryMb?: number; signal?: AbortSignal } = {},
): Promise<LabParseResult> {
  // An edge function's isolate (Deno: the gateway's synchronous path) serves the one request it runs:
  // no other job's lease waits on its event loop, and a worker thread there could not load the
  // parser's TypeScript through tsx. It parses inline, as it always did.
  if ('Deno' in globalThis) return parseLabReport(text, options);
  const timeoutMs = limits.timeoutMs ?? LAB_PARSE_LIMITS.timeoutMs;
  const memoryMb = limits.memoryMb ?? LAB_PARSE_LIMITS.memoryMb;
  let answer: Answer;
  try {
    answer = await runInSandbox<Answer>(SCRIPT, { text, patient: options }, [], { timeoutMs, memoryMb, signal: limits.signal });
  } catch (err) {
    if (!(err instanceof SandboxFailure)) throw err;
    if (err.kind === 'deadline' || err.kind === 'heap') {
      const why = err.kind === 'deadline' ? `passou de ${timeoutMs} ms` : `passou de ${memoryMb} MB de memória`;
      throw new PermanentError('lab_report_too_complex', `the lab report's parse ran ${err.message}`, {
        userMessage: `o texto do laudo é complexo demais para ser lido (${why}); envie só as páginas dos resultados`,
      });
    }
    throw unavailable(err.message, err);
  }
  // The parser threw: a defect of ours, not of the report; another attempt may run a fixed version.
  if (answer.kind === 'error') throw unavailable(`the parser threw ${answer.name}: ${answer.message}`);
  return answer.result;
}

function unavailable(detail: string, cause?: unknown): TransientError {
  return new TransientError('lab_parser_unavailable', `the lab parser's sandbox thread gave no result: ${detail}`, {
    cause,
    userMessage: 'o leitor de laudos não está disponível agora; tentaremos de novo',
  });
}
