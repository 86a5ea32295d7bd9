// The lab parser's sandbox thread (src/labs/parse-sandbox.ts): parseLabReport on one report at a time,
// under the heap limit and deadline its parent sets. The parser is TypeScript, so the thread registers
// the tsx loader itself: it starts with no inherited flags, and the daemon's own loader (bin/ai-worker.js
// registers it in the main thread only) does not reach worker threads.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

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
