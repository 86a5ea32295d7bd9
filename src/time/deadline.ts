// The one deadline race. Racing a timer, rather than trusting the work to honour a signal, is what
// bounds a response time: a client that ignores its signal (or a body that never ends) still hands
// control back on time. Runs on Node and Deno.

/**
 * Settles with `work`, or after `ms` with what `onTimeout` returns (or throws). The timer is
 * always cleared, and a rejection of `work` after the deadline is swallowed (it would otherwise be
 * an unhandled rejection): stopping the work itself is the caller's business (abort its signal in
 * `onTimeout`).
 */
export async function raceTimeout<T, U = never>(work: Promise<T>, ms: number, onTimeout: () => U): Promise<T | U> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<U>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(onTimeout());
      } catch (err) {
        reject(err);
      }
    }, ms);
  });
  work.catch(() => {});
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
