// healthcheck: the operators' no-op job; its knobs make it slow or fail on purpose.
import { Integer, Object as Obj, Optional, type Static } from 'typebox/type';
import type { JobInputSpec } from './spec.ts';

export const HealthcheckInputSchema = Obj(
  {
    delay_ms: Optional(Integer({ minimum: 0, maximum: 60_000, description: 'how long the job waits' })),
    fail_times: Optional(Integer({ minimum: 0, maximum: 100, description: 'how many attempts fail before one succeeds' })),
  },
  { additionalProperties: false },
);

export type HealthcheckInput = Static<typeof HealthcheckInputSchema>;

export const healthcheck: JobInputSpec<HealthcheckInput> = {
  schema: HealthcheckInputSchema,
  refine: (o) => ({ ...o }) as HealthcheckInput,
};
