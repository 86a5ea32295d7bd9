// The canary job: completes at once with {ok:true}. Operators and synthetic checks use its knobs to
// exercise the retry and recovery paths safely: delay_ms (≤ 60 s, honours cancellation) and
// fail_times (fails its first N attempts with a transient error).
import { CancelledError, InvalidInputError, TransientError } from '../errors.ts';
import type { JobContext, JobHandler } from './types.ts';

interface HealthcheckInput {
  delay_ms?: number;
  fail_times?: number;
}

function parse(input: unknown): HealthcheckInput {
  const obj = (input ?? {}) as Record<string, unknown>;
  if (typeof obj !== 'object' || Array.isArray(obj)) throw new InvalidInputError('healthcheck input must be an object', ['input']);
  const bad: string[] = [];
  for (const key of Object.keys(obj)) if (key !== 'delay_ms' && key !== 'fail_times') bad.push(`input.${key}`);
  const int = (k: 'delay_ms' | 'fail_times', max: number) => {
    const v = obj[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) {
      bad.push(`input.${k}`);
      return undefined;
    }
    return v;
  };
  const out = { delay_ms: int('delay_ms', 60_000), fail_times: int('fail_times', 100) };
  if (bad.length) throw new InvalidInputError(`healthcheck accepts delay_ms (0..60000) and fail_times (0..100) only`, bad);
  return out;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason ?? new CancelledError('cancelled', 'cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export const healthcheckHandler: JobHandler = {
  type: 'healthcheck',
  version: '1',
  async run(input: unknown, ctx: JobContext) {
    const { delay_ms, fail_times } = parse(input);
    if (delay_ms) await wait(delay_ms, ctx.signal);
    if (fail_times && ctx.attempt <= fail_times) {
      throw new TransientError('healthcheck_planned_failure', `planned failure ${ctx.attempt} of ${fail_times} (fail_times)`);
    }
    return { result: { ok: true } };
  },
};
