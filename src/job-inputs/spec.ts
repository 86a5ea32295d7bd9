import type { TSchema } from 'typebox/type';
import type { Limits } from './payloads.ts';
import type { InputCheck } from './problems.ts';

/**
 * One job type's input: its JSON Schema (the validation, the TypeScript type through `Static`, and
 * docs/openapi.yaml) and the checks a schema cannot express. `refine` runs after the schema check,
 * also when it failed (every problem is reported at once), so it tests each value's type before
 * using it; what it returns is the job's input, used only when no problem was reported.
 */
export interface JobInputSpec<T> {
  schema: TSchema;
  refine(input: Record<string, unknown>, check: InputCheck, limits: Limits): T;
}
