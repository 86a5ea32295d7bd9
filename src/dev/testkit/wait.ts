// Bounded waits for tests and benches: wait on a condition or a promise, never on a bare sleep, and
// fail with a message naming what never happened.

/**
 * `promise`, or a rejection naming `what` if it has not settled within `timeoutMs`: the bound that
 * turns a hang into a failing test. A timeout, not a measurement: keep it generous (a loaded CI
 * machine must never reach it) and assert the mechanism, not the time taken.
 */
export async function settleWithin<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still unsettled after ${timeoutMs} ms (a hang)`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, bound]);
  } finally {
    clearTimeout(timer);
  }
}

/** Poll a condition until it holds, with a bound; for waiting on the database, never a bare sleep. */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 10_000, intervalMs = 20, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
