// The canary job: completes at once with {ok:true}. Operators and synthetic checks use its knobs to
// exercise the retry and recovery paths safely: delay_ms (≤ 60 s, honours cancellation) and
// fail_times (fails its first N attempts with a transient error).
import { TransientError } from '../errors.ts';
import { validateInput } from '../job-inputs/index.ts';
import { sleep } from '../time/sleep.ts';
import type { JobContext, JobHandler } from './types.ts';

export const healthcheckHandler: JobHandler = {
  type: 'healthcheck',
  version: '1',
  async run(input: unknown, ctx: JobContext) {
    // The one validator for this input is the job-input schema; the type is derived from its schema (src/job-inputs/healthcheck.ts).
    const { delay_ms, fail_times } = validateInput('healthcheck', input);
    if (delay_ms) await sleep(delay_ms, ctx.signal);
    if (fail_times && ctx.attempt <= fail_times) {
      throw new TransientError('healthcheck_planned_failure', `planned failure ${ctx.attempt} of ${fail_times} (fail_times)`, {
        userMessage: `falha planejada ${ctx.attempt} de ${fail_times} (fail_times)`,
      });
    }
    return { result: { ok: true } };
  },
};
