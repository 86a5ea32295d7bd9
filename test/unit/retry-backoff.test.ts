import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CancelledError, PermanentError, RetryAfterError, TransientError } from '../../src/errors.ts';
import { withRetry } from '../../src/providers/retry.ts';
import { fullJitterMs, retryDelayMs } from '../../src/retry/backoff.ts';
import { sleep } from '../../src/time/sleep.ts';

const fast = { baseMs: 10, maxMs: 40, maxWaitMs: 5_000 };

test('full jitter stays within [0, min(cap, base·2^(failed-1))]', () => {
  const opts = { baseMs: 100, maxMs: 1_000 };
  assert.equal(
    fullJitterMs(1, opts, () => 0),
    0,
  );
  assert.equal(
    fullJitterMs(1, opts, () => 0.999999),
    99,
  );
  assert.equal(
    fullJitterMs(4, opts, () => 0.5),
    400,
  );
  assert.equal(
    fullJitterMs(11, opts, () => 0.999999),
    999,
    'capped',
  );
  for (let a = 1; a < 9; a++) {
    const d = fullJitterMs(a, opts);
    assert.ok(d >= 0 && d <= Math.min(1_000, 100 * 2 ** (a - 1)));
  }
});

test("a RetryAfterError's delay wins over backoff", () => {
  assert.equal(retryDelayMs(1, { baseMs: 10, maxMs: 20_000 }, new RetryAfterError('rate_limited', 'slow down', 7_000)), 7_000);
});

test('transient errors are retried up to `retries`, then the last error is thrown', async () => {
  let calls = 0;
  const waits: number[] = [];
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        throw new TransientError('provider_error', 'boom');
      },
      { ...fast, retries: 2, onRetry: (i) => waits.push(i.delayMs) },
    ),
    (e: unknown) => e instanceof TransientError && e.code === 'provider_error',
  );
  assert.equal(calls, 3);
  assert.equal(waits.length, 2);
});

test('success after failures returns the value', async () => {
  let calls = 0;
  const v = await withRetry(
    async () => {
      if (++calls < 3) throw new TransientError('network_error', 'reset');
      return 'ok';
    },
    { ...fast, retries: 2 },
  );
  assert.equal(v, 'ok');
  assert.equal(calls, 3);
});

test('permanent errors and circuit_open are never retried', async () => {
  for (const err of [new PermanentError('bad_request', 'no'), new TransientError('circuit_open', 'open')]) {
    let calls = 0;
    await assert.rejects(
      withRetry(
        async () => {
          calls++;
          throw err;
        },
        { ...fast, retries: 5 },
      ),
      (e: unknown) => e === err,
    );
    assert.equal(calls, 1, err.code);
  }
});

test('a RetryAfter longer than maxWaitMs goes back to the caller without waiting', async () => {
  let calls = 0;
  const waits: number[] = [];
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        throw new RetryAfterError('rate_limited', 'later', 60_000);
      },
      { ...fast, retries: 3, maxWaitMs: 1_000, onRetry: (r) => waits.push(r.delayMs) },
    ),
    RetryAfterError,
  );
  assert.equal(calls, 1);
  assert.deepEqual(waits, [], 'no wait was scheduled');
});

test('the retry wait honours RetryAfter', async () => {
  let calls = 0;
  const waits: number[] = [];
  await withRetry(
    async () => {
      if (++calls === 1) throw new RetryAfterError('rate_limited', 'wait', 150);
      return 1;
    },
    { ...fast, retries: 1, onRetry: (r) => waits.push(r.delayMs) },
  );
  assert.equal(calls, 2);
  assert.deepEqual(waits, [150], "the one wait is the provider's RetryAfter, not the jittered backoff");
});

test('sleep is abortable and leaves no timer', async () => {
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const before = timers();
  const ctl = new AbortController();
  const p = sleep(60_000, ctl.signal);
  assert.equal(timers(), before + 1, 'the sleep holds one timer');
  queueMicrotask(() => ctl.abort());
  await assert.rejects(p, CancelledError);
  assert.equal(timers(), before, 'the abort cleared it: the 60 s timer is gone, not left to run out');
});

test('an abort during the backoff ends the retry loop as cancelled', async () => {
  const ctl = new AbortController();
  let calls = 0;
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        setImmediate(() => ctl.abort());
        throw new TransientError('provider_error', 'x');
      },
      { baseMs: 10_000, maxMs: 10_000, maxWaitMs: 60_000, retries: 5, signal: ctl.signal, random: () => 0.99 },
    ),
    CancelledError,
  );
  assert.equal(calls, 1);
});
