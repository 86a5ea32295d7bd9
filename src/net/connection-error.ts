// The one "is this a connection error" check: the peer (a provider, the database) could not be
// reached or dropped the connection, as opposed to answering with an error. Node socket codes,
// undici's, and the messages pg and fetch use when no code is set; the cause chain is followed
// (fetch wraps the socket error in a TypeError). Runs on Node and Deno: no Node imports.

export const CONNECTION_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** Messages without a code: fetch's "fetch failed"/"terminated", pg's "Connection terminated…", pg-pool's connect timeout. */
const CONNECTION_MESSAGE =
  /fetch failed|terminated|other side closed|socket hang up|timeout expired|timeout exceeded when trying to connect|connection (?:refused|reset|closed)/i;

/** The code that shows `err` is a connection error ('connection_lost' when only the message says so), else undefined. */
export function connectionErrorCode(err: unknown): string | undefined {
  let cur: unknown = err;
  for (let depth = 0; depth < 4 && cur && typeof cur === 'object'; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  const message = (err as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && CONNECTION_MESSAGE.test(message)) return 'connection_lost';
  return undefined;
}

export function isConnectionError(err: unknown): boolean {
  return connectionErrorCode(err) !== undefined;
}
