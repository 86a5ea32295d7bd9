// The one abortable sleep: resolves after `ms`, rejects as soon as `signal` aborts, and leaves no
// timer or listener behind either way (a leaked timer keeps a test process alive).
import { CancelledError } from '../errors.ts';

/** Rejects with CancelledError('cancelled'), the signal's reason as its cause. */
export function sleep(ms: number, signal?: AbortSignal, detail = 'cancelled while waiting'): Promise<void> {
  const reason = (): CancelledError => new CancelledError('cancelled', detail, { cause: signal?.reason });
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(reason());
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    const onAbort = () => {
      clearTimeout(timer);
      reject(reason());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
