// Typed errors that tell the queue what to do next. Everything thrown by a handler, a provider or
// a statement is normalised into one of these before the worker decides to retry, wait or stop.

export type ErrorKind = 'permanent' | 'transient' | 'retry_after' | 'cancelled';

export interface JobErrorJson {
  code: string;
  message: string;
  /** Field paths at fault, for invalid input. */
  fields?: string[];
}

export abstract class JobError extends Error {
  abstract readonly kind: ErrorKind;
  readonly code: string;
  readonly fields: string[] | undefined;

  constructor(code: string, message: string, options?: { cause?: unknown; fields?: string[] }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.fields = options?.fields;
  }

  toJSON(): JobErrorJson {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

/** Retrying cannot help: bad input, unsupported type, a 4xx that is not 408/429. */
export class PermanentError extends JobError {
  readonly kind = 'permanent' as const;
}

/** Worth another attempt after the usual backoff: timeouts, network errors, 5xx, overload. */
export class TransientError extends JobError {
  readonly kind = 'transient' as const;
}

/** Worth another attempt, but not before `retryAfterMs` (a 429's Retry-After or Gemini's RetryInfo). */
export class RetryAfterError extends JobError {
  readonly kind = 'retry_after' as const;
  readonly retryAfterMs: number;
  constructor(code: string, message: string, retryAfterMs: number, options?: { cause?: unknown }) {
    super(code, message, options);
    this.retryAfterMs = Math.max(0, retryAfterMs);
  }
}

/** The job was cancelled (by the app, by shutdown or by a lost lease); never retried by the handler. */
export class CancelledError extends JobError {
  readonly kind = 'cancelled' as const;
}

/** Invalid input: fails the job at once with the field paths at fault. */
export class InvalidInputError extends PermanentError {
  constructor(message: string, fields: string[]) {
    super('invalid_input', message, { fields });
  }
}

/** A configuration problem found at start-up; the message names the variable and what is allowed. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Anything thrown (strings, objects, undefined) becomes an Error, so handling code has one shape. */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === 'string') return new Error(thrown);
  try {
    return new Error(`non-error thrown: ${JSON.stringify(thrown)}`);
  } catch {
    return new Error(`non-error thrown: ${String(thrown)}`);
  }
}

/**
 * Classify any error for the queue. An unknown error counts as transient: a bug that throws
 * will burn its attempts and then fail with its message, which is what an operator wants to see.
 */
export function toJobError(thrown: unknown): JobError {
  const err = toError(thrown);
  if (err instanceof JobError) return err;
  if (err.name === 'AbortError' || err.name === 'TimeoutError') {
    return new TransientError('timeout', err.message || 'the operation timed out', { cause: err });
  }
  return new TransientError('handler_error', err.message || err.name, { cause: err });
}

// --- what a user may read -------------------------------------------------------------------------

/**
 * Codes whose message this project wrote itself, in Portuguese, for the person who sent the input
 * (a PDF without text, an image too large, a URL refused, a plan that cannot be built), with nothing
 * from a provider, a host or a worker in it. Every other code gets its catalogue message below.
 */
const USER_WRITTEN_CODES = new Set([
  'pdf_no_text',
  'invalid_pdf',
  'pdf_too_complex',
  'pdf_text_too_long',
  'image_too_large',
  'image_dimensions_too_large',
  'unsupported_image',
  'url_not_allowed',
  'image_download_failed',
  'image_download_timeout',
  'infeasible',
  'forbidden_owner',
  // The operators' canary: its message is the test plan, nothing else.
  'healthcheck_planned_failure',
]);

const UNAVAILABLE = 'os serviços de análise estão indisponíveis no momento; tente novamente em alguns minutos';

/** Portuguese text per code for everything else: what happened, never who or where. */
export const USER_MESSAGES: Record<string, string> = {
  invalid_input: 'os dados enviados não são válidos; confira os campos indicados',
  timeout: 'a análise demorou demais e foi interrompida; tente novamente',
  cancelled: 'a análise foi cancelada',
  lease_expired: 'o processamento foi interrompido antes de terminar; tente novamente',
  no_detector: UNAVAILABLE,
  no_vision: UNAVAILABLE,
  assistant_unavailable: UNAVAILABLE,
  providers_unavailable: UNAVAILABLE,
  providers_rate_limited: 'muitos pedidos de análise neste momento; tente novamente em alguns minutos',
  rate_limited: 'muitos pedidos de análise neste momento; tente novamente em alguns minutos',
  whatsapp_send_failed: 'a resposta não pôde ser enviada pelo WhatsApp',
  unsupported_type: 'este tipo de análise não é atendido',
  empty_answer: UNAVAILABLE,
};

const GENERIC = 'não foi possível concluir a análise; tente novamente mais tarde';

/**
 * The error as stored on the job row, which its owner reads (get-analysis-status, Realtime): a code
 * and a Portuguese message, never a provider's answer, a host name or a worker id. The full error
 * (operator detail, in English) goes to the logs through the job events.
 */
export function toUserError(err: JobError): JobErrorJson {
  const message = USER_WRITTEN_CODES.has(err.code) ? err.message : (USER_MESSAGES[err.code] ?? GENERIC);
  return err.fields ? { code: err.code, message, fields: err.fields } : { code: err.code, message };
}
