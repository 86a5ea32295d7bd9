// Work on untrusted input in a worker thread: a heap limit, a deadline and the caller's abort signal
// bound it, and the daemon's event loop keeps turning meanwhile (its heartbeats keep every other
// job's lease alive). Used by the PDF text extraction (src/pdf) and the lab-report parse (src/labs).
//
// A thread serves one task at a time and is kept warm for the next: loading a script's modules into
// a fresh thread costs far more than one task (pdfjs; the lab parser's TypeScript through tsx, ~1 s
// cold against ~20 ms a report warm). Warm threads are unreferenced while idle, so they never keep
// the process alive. A thread that passed its deadline or its heap, exited, or whose answer says it
// is still busy, is terminated, never reused.
import { Worker } from 'node:worker_threads';

export interface SandboxOptions {
  /** Heap of the thread (V8 old generation), in MB. */
  memoryMb: number;
  /** Hard deadline: the thread is terminated at it. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Why a sandboxed task gave no answer. `heap` and `deadline` are the input's fault; `failed` is ours. */
export type SandboxFailureKind = 'deadline' | 'heap' | 'exited' | 'failed';

export class SandboxFailure extends Error {
  constructor(
    readonly kind: SandboxFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SandboxFailure';
  }
}

/** Idle threads kept per script and heap size; more tasks at once start more threads, which end after theirs. */
const MAX_IDLE = 2;
const idle = new Map<string, Worker[]>();
const idleExit = new WeakMap<Worker, () => void>();

function thread(script: URL, memoryMb: number, key: string): Worker {
  const warm = idle.get(key)?.pop();
  if (warm) {
    const onExit = idleExit.get(warm);
    if (onExit) warm.off('exit', onExit);
    warm.ref();
    return warm;
  }
  return new Worker(script, {
    // No inherited flags: each sandbox script sets up what it needs (the tsx loader, or nothing).
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(32, Math.max(4, memoryMb / 8)), stackSizeMb: 4 },
    stdout: true,
    stderr: true,
  });
}

function release(worker: Worker, key: string): void {
  const list = idle.get(key) ?? [];
  if (list.length >= MAX_IDLE) {
    void worker.terminate();
    return;
  }
  // A warm thread that dies while idle (it should not) simply leaves the list.
  const onExit = () => {
    const at = list.indexOf(worker);
    if (at >= 0) list.splice(at, 1);
  };
  worker.once('exit', onExit);
  idleExit.set(worker, onExit);
  worker.unref();
  list.push(worker);
  idle.set(key, list);
}

/**
 * Posts `message` to a thread running `script` and resolves with its one answer. Rejects with the
 * signal's reason on abort, or with a SandboxFailure. `reusable(answer)` says whether the thread is
 * idle after that answer (a script that answers early while still working says no).
 */
export function runInSandbox<A>(
  script: URL,
  message: unknown,
  transfer: ArrayBuffer[],
  options: SandboxOptions & { reusable?: (answer: A) => boolean },
): Promise<A> {
  const { memoryMb, timeoutMs, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const key = `${script.href} ${memoryMb}`;
    const worker = thread(script, memoryMb, key);
    let settled = false;
    const finish = (reuse: boolean, fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // Only our own listeners: removeAllListeners() would also drop the Worker's internal ones,
      // and a reused thread would then never deliver its next answer.
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (reuse) release(worker, key);
      else void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => finish(false, () => reject(new SandboxFailure('deadline', `over ${timeoutMs} ms`))), timeoutMs);
    const onAbort = () => finish(false, () => reject(signal!.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    const onMessage = (answer: A) => finish(options.reusable?.(answer) ?? true, () => resolve(answer));
    // A script catches its own task's errors and answers with a message: an 'error' event is either
    // the heap limit (the input's fault) or a thread that could not start (ours: a missing file).
    const onError = (err: Error & { code?: string }) =>
      finish(false, () =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new SandboxFailure('heap', `over ${memoryMb} MB of heap`, { cause: err })
            : new SandboxFailure('failed', `the sandbox thread failed: ${err.message}`, { cause: err }),
        ),
      );
    const onExit = () => finish(false, () => reject(new SandboxFailure('exited', 'the sandbox thread exited')));
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage(message, transfer);
  });
}
