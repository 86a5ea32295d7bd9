// The job types, apart from their schemas: configuration, the CLI and the queue functions' type
// check need the list without loading the schema checker (TypeBox is ~700 modules under tsx).

export const JOB_TYPES = ['sofia_image', 'medical_exam', 'unified_assistant', 'meal_plan', 'whatsapp_message', 'healthcheck'] as const;
export type JobType = (typeof JOB_TYPES)[number];

export function isJobType(v: unknown): v is JobType {
  return typeof v === 'string' && (JOB_TYPES as readonly string[]).includes(v);
}
