// Web-standard HTTP helpers shared by every function: CORS as Supabase documents it, one JSON error
// shape, and a body reader that enforces the size limit on the bytes actually received (a client
// can send a small Content-Length and a large chunked body, or no length at all).
import type { GatewayErrorCode, JobErrorCode } from '../error-codes.ts';

export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'authorization, x-client-info, apikey, content-type',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};

export type Handler = (req: Request) => Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...CORS_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

export function preflight(): Response {
  return new Response('ok', { status: 200, headers: CORS_HEADERS });
}

interface HttpErrorExtra {
  fields?: string[];
  headers?: Record<string, string>;
  /** Top-level keys beside `error` (a 409 from cancel-analysis also says the job's state). */
  beside?: Record<string, unknown>;
}

/**
 * A failure that becomes `{error:{code, message[, user_message][, fields]}}` with its status. The
 * code is a GatewayErrorCode, except on a 422, where it is the analysis' own JobErrorCode; `message`
 * is English, for whoever builds the app; a 422 adds `user_message`, the Portuguese text its user
 * reads (the app maps every other code to its own text, src/client/errors.ts).
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: GatewayErrorCode | JobErrorCode;
  readonly userMessage: string | undefined;
  readonly extra: HttpErrorExtra;

  constructor(status: 422, code: JobErrorCode, message: string, extra: HttpErrorExtra & { userMessage: string });
  constructor(status: number, code: GatewayErrorCode, message: string, extra?: HttpErrorExtra);
  constructor(status: number, code: GatewayErrorCode | JobErrorCode, message: string, extra: HttpErrorExtra & { userMessage?: string } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.userMessage = extra.userMessage;
    const { userMessage: _, ...rest } = extra;
    this.extra = rest;
  }

  toResponse(): Response {
    const error: Record<string, unknown> = { code: this.code, message: this.message };
    if (this.userMessage !== undefined) error.user_message = this.userMessage;
    if (this.extra.fields) error.fields = this.extra.fields;
    return json(this.status, { error, ...this.extra.beside }, this.extra.headers);
  }
}

export function methodNotAllowed(allowed: string): HttpError {
  return new HttpError(405, 'method_not_allowed', `use ${allowed}`, { headers: { Allow: `${allowed}, OPTIONS` } });
}

/** The raw bytes of the body, at most maxBytes; 413 on a declared or an actual excess. */
export async function readBody(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = req.headers.get('content-length');
  if (declared !== null) {
    const n = Number(declared);
    if (!Number.isSafeInteger(n) || n < 0) throw new HttpError(400, 'bad_request', 'invalid Content-Length');
    if (n > maxBytes) throw tooLarge(maxBytes);
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      throw new HttpError(400, 'bad_request', 'the request body could not be read');
    }
    if (step.done) break;
    total += step.value.byteLength;
    if (total > maxBytes) {
      // Stop reading at once: the rest of an oversized upload is never buffered.
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(step.value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, 'payload_too_large', `the request body exceeds ${maxBytes} bytes`);
}

export function requireJsonContentType(req: Request): void {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
}

export function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid JSON');
  }
}

/** A JSON object body (415 / 413 / 400 as appropriate). */
export async function readJsonObject(req: Request, maxBytes: number): Promise<Record<string, unknown>> {
  requireJsonContentType(req);
  const value = parseJson(await readBody(req, maxBytes));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'invalid_input', 'the body must be a JSON object', { fields: ['body'] });
  }
  return value as Record<string, unknown>;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
