// The inputs of the six job types, judged by the same code at the door (the gateway, under Deno) and
// at the worker (Node). Each type's shape is a TypeBox schema in its own module: TypeBox builds
// plain JSON Schema objects, so one object is the validation, the TypeScript type (`Static<>`) and
// the request-body schema in docs/openapi.yaml (`npm run openapi`). TypeBox rather than zod 4: its
// schemas are JSON Schema already, with no conversion that could drop a constraint (zod's
// toJSONSchema drops refinements); it is fastify's own choice; its checker interprets the schema
// (no eval) and runs unchanged under Deno. It costs more than zod/mini would (a one-schema probe:
// 130 kB against 87 kB unminified; zod's full API 760 kB): +0.12 MB per queue function, +0.24 MB
// per AI function, 11–34 µs per typical input (bench/README.md: edge bundles, job-input cost).
//
// Order of the checks: the untrusted-value scan (untrusted.ts) first and alone — a value it refuses
// is never given to the schema checker — then the schema and the type's own checks, every problem
// reported at once with its field path. Nothing but InvalidInputError is thrown for bad input.
import type { TSchema } from 'typebox/type';
import { InvalidInputError } from '../errors.ts';
import { isJobType, JOB_TYPES, type JobType } from './job-types.ts';
import { healthcheck, type HealthcheckInput } from './healthcheck.ts';
import { mealPlan, type MealPlanInput } from './meal-plan.ts';
import { medicalExam, type MedicalExamInput } from './medical-exam.ts';
import { limitsOf, type ValidateOptions } from './payloads.ts';
import { InputCheck, inFieldOrder, type Problem, schemaProblems } from './problems.ts';
import { sofiaImage, type SofiaImageInput } from './sofia-image.ts';
import type { JobInputSpec } from './spec.ts';
import { unifiedAssistant, type UnifiedAssistantInput } from './unified-assistant.ts';
import { isPlainObject, scanUntrusted } from './untrusted.ts';
import { whatsappMessage, type WhatsappMessageInput } from './whatsapp-message.ts';

export { EXAM_DOCUMENT_MIMES, type ExamDocumentMime, MAX_EXAM_TEXT_BYTES, type MedicalExamInput } from './medical-exam.ts';
export { MEAL_RESTRICTIONS, type MealPlanInput, type MealRestriction } from './meal-plan.ts';
export type { MealType, SofiaImageInput } from './sofia-image.ts';
export type { UnifiedAssistantInput } from './unified-assistant.ts';
export type { WhatsappMessageInput } from './whatsapp-message.ts';
export type { HealthcheckInput } from './healthcheck.ts';
export type { ValidateOptions } from './payloads.ts';
export { JOB_TYPES, type JobType } from './job-types.ts';

export interface JobInputs {
  sofia_image: SofiaImageInput;
  medical_exam: MedicalExamInput;
  unified_assistant: UnifiedAssistantInput;
  meal_plan: MealPlanInput;
  whatsapp_message: WhatsappMessageInput;
  healthcheck: HealthcheckInput;
}

const SPECS: { [K in JobType]: JobInputSpec<JobInputs[K]> } = {
  sofia_image: sofiaImage,
  medical_exam: medicalExam,
  unified_assistant: unifiedAssistant,
  meal_plan: mealPlan,
  whatsapp_message: whatsappMessage,
  healthcheck,
};

/** Each type's JSON Schema, for the API description (scripts/openapi.ts). */
export const JOB_INPUT_SCHEMAS: { readonly [K in JobType]: TSchema } = Object.fromEntries(JOB_TYPES.map((t) => [t, SPECS[t].schema])) as {
  [K in JobType]: TSchema;
};

/**
 * The parsed, typed input for a job type, or an InvalidInputError listing every field at fault.
 * `healthcheck` also accepts a missing input (null/undefined) as `{}`.
 */
export function validateInput<T extends JobType>(type: T, input: unknown, options?: ValidateOptions): JobInputs[T];
export function validateInput(type: string, input: unknown, options?: ValidateOptions): JobInputs[JobType];
export function validateInput(type: string, input: unknown, options: ValidateOptions = {}): JobInputs[JobType] {
  try {
    if (!isJobType(type)) throw new InvalidInputError(`unknown job type; expected one of ${JOB_TYPES.join(', ')}`, ['type']);
    if (type === 'healthcheck' && (input === undefined || input === null)) input = {};
    if (!isPlainObject(input)) throw new InvalidInputError('input must be a JSON object', ['input']);
    const spec: JobInputSpec<JobInputs[JobType]> = SPECS[type];
    let problems: Problem[] = scanUntrusted(input, 'input');
    let result: JobInputs[JobType] | undefined;
    if (problems.length === 0) {
      const check = new InputCheck(schemaProblems(spec.schema, input, 'input'));
      result = spec.refine(input, check, limitsOf(options));
      problems = inFieldOrder(spec.schema, 'input', check.problems);
    }
    if (problems.length > 0 || result === undefined) {
      const fields = [...new Set(problems.map((p) => p.path))];
      throw new InvalidInputError(`invalid ${type} input: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, fields);
    }
    return result;
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
    // A checker bug must still surface as bad input, never as a crash that would be retried.
    throw new InvalidInputError(`invalid ${String(type)} input`, ['input']);
  }
}
