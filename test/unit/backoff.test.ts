import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffCeilingMs, retryDelayMs } from '../../src/retry/backoff.ts';
import { RetryAfterError, TransientError } from '../../src/errors.ts';
import { prng } from '../support/random.ts';

const policy = { baseMs: 1000, maxMs: 30_000 };

test('the ceiling doubles per attempt and stops at the cap', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6, 7].map((a) => backoffCeilingMs(a, policy)),
    [1000, 2000, 4000, 8000, 16000, 30000, 30000],
  );
});

test('full jitter: the delay spans [0, ceiling)', () => {
  assert.equal(
    retryDelayMs(3, policy, new TransientError('handler_error', 'x'), () => 0),
    0,
  );
  assert.equal(
    retryDelayMs(3, policy, new TransientError('handler_error', 'x'), () => 0.999999),
    3999,
  );
  const random = prng(18);
  const delays = Array.from({ length: 2000 }, () => retryDelayMs(4, policy, new TransientError('handler_error', 'x'), random));
  assert.ok(delays.every((d) => d >= 0 && d < 8000));
  const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
  assert.ok(mean > 3000 && mean < 5000, `mean ${mean} near half the ceiling`);
});

test('a retry-after hint wins over the computed delay, within the cap', () => {
  assert.equal(
    retryDelayMs(1, policy, new RetryAfterError('rate_limited', 'slow down', 7000), () => 0),
    7000,
  );
  assert.equal(retryDelayMs(1, policy, new RetryAfterError('rate_limited', 'slow down', 3_600_000)), 30_000);
});
