// Typed errors that tell the queue what to do next. Everything thrown by a handler, a provider or
// a statement is normalised into one of these before the worker decides to retry, wait or stop.
import type { JobErrorCode } from './error-codes.ts';

export type ErrorKind = 'permanent' | 'transient' | 'retry_after' | 'cancelled';

/** An error as data: operator detail in the job events (toJSON), the user's text on the job row (toUserError). */
export interface JobErrorJson {
  code: JobErrorCode;
  message: string;
  /** Field paths at fault, for invalid input. */
  fields?: string[];
}

export interface JobErrorOptions {
  cause?: unknown;
  fields?: string[];
  /**
   * pt-BR text written for the person who sent the input (what to change: a PDF without text, an
   * image too large), kept apart from `message`, the English detail for operators. Without it the
   * user reads the code's catalogue text (USER_MESSAGES).
   */
  userMessage?: string;
}

export abstract class JobError extends Error {
  abstract readonly kind: ErrorKind;
  readonly code: JobErrorCode;
  readonly fields: string[] | undefined;
  readonly userMessage: string | undefined;

  /** `message` is operator detail, in English; the user's text goes in `options.userMessage`. */
  constructor(code: JobErrorCode, message: string, options?: JobErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.fields = options?.fields;
    this.userMessage = options?.userMessage;
  }

  /** What the job events and logs carry: the code and the operator detail. */
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
  constructor(code: JobErrorCode, message: string, retryAfterMs: number, options?: JobErrorOptions) {
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

const UNAVAILABLE = 'os serviços de análise estão indisponíveis no momento; tente novamente em alguns minutos';
const BUSY = 'muitos pedidos de análise neste momento; tente novamente em alguns minutos';
const GENERIC = 'não foi possível concluir a análise; tente novamente mais tarde';
const IMAGE = 'não foi possível usar a imagem enviada; envie outra foto';
const PDF = 'não foi possível ler o PDF enviado; envie o laudo original ou uma foto dele';

/**
 * Portuguese text for every code (the type makes the list complete): what happened, never who or
 * where. An error raised with its own `userMessage` (the input's problems, written where they are
 * found) shows that instead.
 */
export const USER_MESSAGES: Readonly<Record<JobErrorCode, string>> = {
  invalid_input: 'os dados enviados não são válidos; confira os campos indicados',
  timeout: 'a análise demorou demais e foi interrompida; tente novamente',
  cancelled: 'a análise foi cancelada',
  lease_expired: 'o processamento foi interrompido antes de terminar; tente novamente',
  no_detector: UNAVAILABLE,
  no_vision: UNAVAILABLE,
  assistant_unavailable: UNAVAILABLE,
  providers_unavailable: UNAVAILABLE,
  providers_rate_limited: BUSY,
  rate_limited: BUSY,
  whatsapp_send_failed: 'a resposta não pôde ser enviada pelo WhatsApp',
  unsupported_type: 'este tipo de análise não é atendido',
  empty_answer: UNAVAILABLE,
  // Provider-layer codes: a chain relabels them before a job fails, so these are a safety net.
  circuit_open: UNAVAILABLE,
  overloaded: GENERIC,
  provider_error: GENERIC,
  bad_request: GENERIC,
  bad_response: GENERIC,
  network_error: GENERIC,
  model_not_found: GENERIC,
  unauthorized: GENERIC,
  forbidden: GENERIC,
  not_found: GENERIC,
  blocked: GENERIC,
  no_provider: GENERIC,
  providers_circuit_open: UNAVAILABLE,
  providers_rejected: GENERIC,
  whatsapp_disabled: GENERIC,
  pdf_sandbox_unavailable: GENERIC,
  lab_parser_unavailable: GENERIC,
  handler_error: GENERIC,
  lease_lost: GENERIC,
  shutdown: GENERIC,
  result_unstorable: GENERIC,
  // Raised with their own userMessage; these stand in only if one is ever raised without.
  infeasible: 'não foi possível montar um cardápio com essas metas e restrições; ajuste as preferências e tente de novo',
  forbidden_owner: 'esta mensagem não pode ser enviada',
  healthcheck_planned_failure: 'falha planejada da verificação de saúde',
  pdf_no_text: PDF,
  invalid_pdf: PDF,
  pdf_too_complex: PDF,
  pdf_text_too_long: PDF,
  lab_report_too_complex: 'não foi possível ler o texto do laudo enviado; envie só as páginas dos resultados',
  image_download_failed: IMAGE,
  image_download_timeout: IMAGE,
  image_too_large: IMAGE,
  image_dimensions_too_large: IMAGE,
  unsupported_image: IMAGE,
  url_not_allowed: 'o endereço do arquivo não é permitido; envie o arquivo em si ou um link do armazenamento do app',
};

/** The Portuguese text a user reads for `err`: its own userMessage, else its code's catalogue text. */
export function userMessageOf(err: JobError): string {
  return err.userMessage ?? USER_MESSAGES[err.code] ?? GENERIC;
}

/**
 * The error as stored on the job row, which its owner reads (get-analysis-status, Realtime): a code
 * and a Portuguese message, never a provider's answer, a host name or a worker id. The full error
 * (operator detail, in English) goes to the logs through the job events.
 */
export function toUserError(err: JobError): JobErrorJson {
  const message = userMessageOf(err);
  return err.fields ? { code: err.code, message, fields: err.fields } : { code: err.code, message };
}
