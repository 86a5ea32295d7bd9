// Checks of the values a JSON Schema can only describe: base64 payloads (valid text, decoded size
// against a limit the deployment sets, read before anything is decoded) and fetchable URLs (https
// unless the emulators' http is allowed, no credentials).
import { bareBase64, base64ToBytes, decodedBase64Length } from '../bytes/base64.ts';
import type { InputCheck } from './problems.ts';

export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
export const MAX_URL_CHARS = 2048;

export interface ValidateOptions {
  /** Decoded size limit for images (sofia_image, exam images, WhatsApp media). Default 8 MB. */
  maxImageBytes?: number;
  /** Decoded size limit for exam PDFs. Default 8 MB. */
  maxDocumentBytes?: number;
  /** Accept http:// URLs (local emulators only). Default false: https only. */
  allowHttp?: boolean;
}

export type Limits = Required<ValidateOptions>;

export function limitsOf(options: ValidateOptions): Limits {
  return {
    maxImageBytes: options.maxImageBytes ?? DEFAULT_MAX_BYTES,
    maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_BYTES,
    allowHttp: options.allowHttp ?? false,
  };
}

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** The decoded bytes of base64 text (a data: URL prefix allowed), or undefined after reporting why not. */
export function decodeBase64(v: string, path: string, maxBytes: number, check: InputCheck): Uint8Array | undefined {
  const b64 = bareBase64(v);
  if (b64.length === 0 || b64.length % 4 !== 0 || !BASE64_RE.test(b64)) {
    check.report(path, 'must be valid base64');
    return undefined;
  }
  const size = decodedBase64Length(b64);
  if (size > maxBytes) {
    check.report(path, `decoded size ${size} bytes exceeds the limit of ${maxBytes} bytes`);
    return undefined;
  }
  try {
    return base64ToBytes(b64);
  } catch {
    check.report(path, 'must be valid base64');
    return undefined;
  }
}

/** Reports what makes `v` an address the workers must not fetch; its length is the schema's. */
export function checkUrl(v: string, path: string, allowHttp: boolean, check: InputCheck): void {
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    check.report(path, 'must be an absolute URL');
    return;
  }
  if (!(url.protocol === 'https:' || (allowHttp && url.protocol === 'http:')))
    check.report(path, allowHttp ? 'must be an http(s) URL' : 'must be an https URL');
  else if (url.username || url.password) check.report(path, 'must not carry credentials');
}
