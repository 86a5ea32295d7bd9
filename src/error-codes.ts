// The catalogue of job error codes that code compares against. A comparison goes through `hasCode`
// or one of the sets below, so a misspelt code does not compile. The Portuguese text a user reads
// stays in src/errors.ts (USER_MESSAGES, toUserError); the English operator detail is the error's
// own message, which goes to logs only.
import type { JobError } from './errors.ts';

/** Codes the project raises and code elsewhere decides on. */
export const JOB_ERROR_CODES = [
  // Provider layer
  'circuit_open',
  'timeout',
  'rate_limited',
  'overloaded',
  'provider_error',
  'bad_request',
  'bad_response',
  'cancelled',
  'network_error',
  'model_not_found',
  'unauthorized',
  'forbidden',
  'not_found',
  'blocked',
  'no_provider',
  // Chains and handlers
  'providers_unavailable',
  'providers_rate_limited',
  'providers_circuit_open',
  'providers_rejected',
  'assistant_unavailable',
  'no_detector',
  'no_vision',
  'empty_answer',
  'invalid_input',
  'unsupported_type',
  'forbidden_owner',
  'infeasible',
  'whatsapp_send_failed',
  'whatsapp_disabled',
  'pdf_sandbox_unavailable',
  'handler_error',
  // Worker
  'lease_expired',
  'lease_lost',
  'shutdown',
  'result_unstorable',
  // Documents and media: written in Portuguese for the sender (see USER_WRITTEN_CODES in errors.ts)
  'pdf_no_text',
  'invalid_pdf',
  'pdf_too_complex',
  'pdf_text_too_long',
  'image_download_failed',
  'image_download_timeout',
  'image_too_large',
  'image_dimensions_too_large',
  'unsupported_image',
  'url_not_allowed',
  'healthcheck_planned_failure',
] as const;
export type JobErrorCode = (typeof JOB_ERROR_CODES)[number];

/** Problems with the file or link the user sent: their own (Portuguese) message explains what to change. */
export const MEDIA_PROBLEM_CODES: ReadonlySet<JobErrorCode> = new Set<JobErrorCode>([
  'pdf_no_text',
  'invalid_pdf',
  'pdf_too_complex',
  'pdf_text_too_long',
  'image_download_failed',
  'image_too_large',
  'image_dimensions_too_large',
  'unsupported_image',
  'url_not_allowed',
]);

/** Whether `err` carries `code`; the parameter's type makes a misspelt code a compile error. */
export function hasCode(err: Pick<JobError, 'code'>, code: JobErrorCode): boolean {
  return err.code === code;
}

/** Whether `err`'s code is in `codes`. */
export function hasCodeIn(err: Pick<JobError, 'code'>, codes: ReadonlySet<JobErrorCode>): boolean {
  return (codes as ReadonlySet<string>).has(err.code);
}
