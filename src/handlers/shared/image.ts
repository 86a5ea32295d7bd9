// Image bytes for the analyses: from base64 (already validated) or downloaded from a URL with a
// deadline, a size cap and the job's AbortSignal. The downloaded bytes are judged by their first
// bytes, never by the server's Content-Type. URLs are never put in messages or logs (signed URLs
// carry tokens).
import { PermanentError, TransientError, CancelledError } from '../../errors.ts';
import { sniffMime, type ImageMime } from '../../schemas.ts';

export function decodeBase64(b64: string): Uint8Array {
  const bare = b64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(bare, 'base64'));
}

export function bytesToBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Width and height from PNG, JPEG or WebP headers; undefined when the header does not say. */
export function imageDimensions(b: Uint8Array): { width: number; height: number } | undefined {
  const u16be = (i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
  const u32be = (i: number) => u16be(i) * 65536 + u16be(i + 2);
  const u16le = (i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
  const u24le = (i: number) => u16le(i) | ((b[i + 2] ?? 0) << 16);
  const mime = sniffMime(b);
  let size: { width: number; height: number } | undefined;
  if (mime === 'image/png' && b.length >= 24) size = { width: u32be(16), height: u32be(20) };
  else if (mime === 'image/jpeg') {
    let i = 2;
    while (i + 9 < b.length && b[i] === 0xff) {
      const marker = b[i + 1]!;
      // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        size = { height: u16be(i + 5), width: u16be(i + 7) };
        break;
      }
      i += 2 + u16be(i + 2);
    }
  } else if (mime === 'image/webp' && b.length >= 30) {
    const chunk = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!);
    if (chunk === 'VP8 ') size = { width: u16le(26) & 0x3fff, height: u16le(28) & 0x3fff };
    else if (chunk === 'VP8L') {
      const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
      size = { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    } else if (chunk === 'VP8X') size = { width: u24le(24) + 1, height: u24le(27) + 1 };
  }
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

export interface DownloadOptions {
  maxBytes: number;
  allowHttp: boolean;
  signal: AbortSignal;
  timeoutMs?: number;
  /** Which magic numbers are accepted; images by default. */
  accept?: ReadonlyArray<ImageMime | 'application/pdf'>;
  fetch?: typeof fetch;
}

const MAX_REDIRECTS = 3;
const IMAGE_MIMES: ReadonlyArray<ImageMime> = ['image/jpeg', 'image/png', 'image/webp'];

function checkProtocol(url: URL, allowHttp: boolean): void {
  const ok = url.protocol === 'https:' || (allowHttp && url.protocol === 'http:');
  if (!ok || url.username || url.password) {
    throw new PermanentError('image_download_failed', 'o endereço da imagem (ou um redirecionamento dele) não é uma URL https aceita');
  }
}

/** Downloads at most `maxBytes`; 4xx is permanent, timeouts, network errors, 408/429 and 5xx are transient. */
export async function downloadImage(rawUrl: string, opts: DownloadOptions): Promise<{ bytes: Uint8Array; mime: ImageMime | 'application/pdf' }> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([opts.signal, deadline]);
  const doFetch = opts.fetch ?? fetch;
  let url = new URL(rawUrl);
  try {
    let res: Response | undefined;
    // Redirects are followed by hand so that each hop is held to the same protocol rule.
    for (let hop = 0; ; hop++) {
      checkProtocol(url, opts.allowHttp);
      res = await doFetch(url, { redirect: 'manual', signal, headers: { accept: 'image/*, application/pdf' } });
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel().catch(() => {});
        if (hop >= MAX_REDIRECTS) throw new PermanentError('image_download_failed', `a imagem não pôde ser baixada: mais de ${MAX_REDIRECTS} redirecionamentos`);
        url = new URL(res.headers.get('location')!, url);
        continue;
      }
      break;
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      const msg = `a imagem não pôde ser baixada (HTTP ${res.status})`;
      if (res.status === 408 || res.status === 429 || res.status >= 500) throw new TransientError('image_download_failed', msg);
      throw new PermanentError('image_download_failed', msg);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      await res.body?.cancel().catch(() => {});
      throw new PermanentError('image_too_large', `a imagem tem ${declared} bytes; o limite é ${opts.maxBytes}`);
    }
    const bytes = await readCapped(res, opts.maxBytes);
    const mime = sniffMime(bytes);
    const accept = opts.accept ?? IMAGE_MIMES;
    if (!mime || !accept.includes(mime)) {
      throw new PermanentError('unsupported_image', 'o arquivo baixado não é uma imagem JPEG, PNG ou WebP');
    }
    return { bytes, mime };
  } catch (err) {
    if (opts.signal.aborted) throw new CancelledError('cancelled', 'download cancelled', { cause: err });
    if (deadline.aborted) throw new TransientError('image_download_timeout', `a imagem não foi baixada em ${timeoutMs} ms`, { cause: err });
    if (err instanceof PermanentError || err instanceof TransientError) throw err;
    // Connection refused, DNS, TLS, a reset mid-body: worth another attempt later.
    throw new TransientError('image_download_failed', `a imagem não pôde ser baixada: ${(err as Error).message}`, { cause: err });
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new PermanentError('image_too_large', `a imagem passa do limite de ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}
