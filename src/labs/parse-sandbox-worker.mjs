// The lab parser's sandbox thread (src/labs/parse-sandbox.ts): parseLabReport on one report at a time,
// under the heap limit and deadline its parent sets. The parser is TypeScript, so the thread registers
// the tsx loader itself: it starts with no inherited flags, and the daemon's own loader (bin/ai-worker.js
// registers it in the main thread only) does not reach worker threads.
import v8 from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// Regular expressions compiled to machine code on their first run, not first run in V8's bytecode interpreter and
// compiled at their second ("tier-up", V8's default): the reader runs some two thousand patterns, most of them
// over every line, and with tier-up paid for a compilation to bytecode and one to machine code of nearly each.
// Measured through parseLabReportInSandbox on two idle cores (2026-12-05), the same thread code with and without
// this line, alternately: the 100 kB text 3,6–3,9 s → 1,7–2,0 s a parse (the process's first 5,9 s → 3,8 s); a 4 kB
// report's first parse in a process 1,46–1,64 s → 0,96 s, later ones about 40 ms either way. The flag is the
// process's, set before the parser's patterns exist; the daemon's other patterns lose nothing measurable. The tests
// and bench:labs, which parse in their own process, pass it on their command line (package.json).
v8.setFlagsFromString('--no-regexp-tier-up');
register();
const { parseLabReport } = await import('./parse.ts');

parentPort.on('message', ({ text, patient }) => {
  let answer;
  try {
    answer = { kind: 'ok', result: parseLabReport(text, patient) };
  } catch (err) {
    answer = { kind: 'error', name: err?.name ?? 'Error', message: String(err?.message ?? err) };
  }
  parentPort.postMessage(answer);
});
