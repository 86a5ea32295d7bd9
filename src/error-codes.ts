// The catalogue of error codes: the jobs' (JobError.code, analysis_jobs.error.code) and the gateway's
// HTTP answers ({error:{code}}). Both are typed unions, so a misspelt code does not compile where an
// error is built or compared (`hasCode`, the sets below). The Portuguese text a user reads is in
// src/errors.ts (USER_MESSAGES, a JobError's userMessage); the English operator detail is the error's
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
  'lab_parser_unavailable',
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
  'lab_report_too_complex',
  'image_download_failed',
  'image_download_timeout',
  'image_too_large',
  'image_dimensions_too_large',
  'unsupported_image',
  'url_not_allowed',
  'healthcheck_planned_failure',
] as const;
export type JobErrorCode = (typeof JOB_ERROR_CODES)[number];

/** Whether a value read from outside the type system (a bundled error, a stored row) is a catalogue code. */
export function isJobErrorCode(value: unknown): value is JobErrorCode {
  return typeof value === 'string' && (JOB_ERROR_CODES as readonly string[]).includes(value);
}

/** Problems with the file or link the user sent: their own (Portuguese) message explains what to change. */
export const MEDIA_PROBLEM_CODES: ReadonlySet<JobErrorCode> = new Set<JobErrorCode>([
  'pdf_no_text',
  'invalid_pdf',
  'pdf_too_complex',
  'pdf_text_too_long',
  'lab_report_too_complex',
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
  return codes.has(err.code);
}

/**
 * Every `error.code` a gateway function answers with outside a 422 (whose code is the analysis' own
 * JobErrorCode); docs/openapi.yaml's GatewayErrorCode lists the same (test/openapi.test.ts), and the
 * app maps each to its Portuguese text (src/client/errors.ts).
 */
export const GATEWAY_ERROR_CODES = [
  'bad_request',
  'invalid_json',
  'invalid_input',
  'missing_token',
  'invalid_token',
  'token_expired',
  'invalid_signature',
  'forbidden',
  'job_type_not_allowed',
  'not_found',
  'function_not_found',
  'method_not_allowed',
  'already_completed',
  'already_failed',
  'already_cancelled',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'too_many_active_jobs',
  'internal',
  'database_unavailable',
  'cancelled',
] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];
