// Image bytes for the analyses: from base64 (already validated) or downloaded from a URL with a
// deadline, a size cap and the job's AbortSignal, from public addresses only (src/net/public-address.ts). The downloaded bytes are judged by their first
// bytes, never by the server's Content-Type. URLs are never put in messages or logs (signed URLs
// carry tokens).
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { AppConfig } from '../../config.ts';
import { PermanentError, TransientError, CancelledError } from '../../errors.ts';
import { resolvePublicAddress, urlNotAllowed, type AddressPolicy } from '../../net/public-address.ts';
import { IMAGE_MIMES, sniffMime, type ImageMime } from '../../bytes/sniff.ts';

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

/** No side longer than this, whatever the pixel budget: a 1 × 50,000,000 "image" is not a photo. */
export const MAX_IMAGE_SIDE = 30_000;

/**
 * Refuses an image whose header declares absurd dimensions, before any model (YOLO, Ollama,
 * Gemini) decodes it: a few-KB PNG may declare 100,000 × 100,000 pixels, which a decoder would try
 * to allocate (40 GB of RGBA). An image whose header does not say is left to the model's decoder.
 */
export function assertImageDimensions(bytes: Uint8Array, maxPixels: number): void {
  const d = imageDimensions(bytes);
  if (!d) return;
  if (d.width * d.height > maxPixels || d.width > MAX_IMAGE_SIDE || d.height > MAX_IMAGE_SIDE) {
    const mp = Math.round(maxPixels / 100_000) / 10;
    throw new PermanentError(
      'image_dimensions_too_large',
      `the image is ${d.width}×${d.height} pixels; the limit is ${mp} MP and ${MAX_IMAGE_SIDE} px a side`,
      {
        userMessage: `a imagem tem ${d.width}×${d.height} pixels; o limite é ${mp} megapixels e ${MAX_IMAGE_SIDE} pixels por lado`,
      },
    );
  }
}

export interface DownloadOptions {
  maxBytes: number;
  allowHttp: boolean;
  signal: AbortSignal;
  /** Which hosts and addresses may be reached (src/net/public-address.ts). */
  policy: AddressPolicy;
  timeoutMs?: number;
  /** Which magic numbers are accepted; images by default. */
  accept?: ReadonlyArray<ImageMime | 'application/pdf'>;
}

/** The address policy of the daemon's configuration. */
export function mediaUrlPolicy(config: AppConfig): AddressPolicy {
  return { allowHosts: config.safety.mediaUrlAllowHosts, allowPrivate: config.safety.mediaUrlAllowPrivate };
}

const MAX_REDIRECTS = 3;

function checkProtocol(url: URL, allowHttp: boolean): void {
  const ok = url.protocol === 'https:' || (allowHttp && url.protocol === 'http:');
  if (!ok || url.username || url.password) throw urlNotAllowed(`protocol ${url.protocol} or credentials in the URL`);
}

/**
 * One GET over a connection pinned to `pin` (the address the policy judged): the host name is kept
 * for the Host header, SNI and certificate checks, but no second DNS lookup can pick another address.
 */
function getPinned(url: URL, pin: { address: string; family: 4 | 6 }, signal: AbortSignal): Promise<IncomingMessage> {
  const mod = url.protocol === 'https:' ? https : http;
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [pin]);
    else callback(null, pin.address, pin.family);
  };
  return new Promise((resolve, reject) => {
    const req = mod.request(url, { method: 'GET', signal, lookup: pinned, agent: false, headers: { accept: 'image/*, application/pdf' } }, resolve);
    req.once('error', reject);
    req.end();
  });
}

/** Downloads at most `maxBytes`; 4xx is permanent, timeouts, network errors, 408/429 and 5xx are transient. */
export async function downloadImage(rawUrl: string, opts: DownloadOptions): Promise<{ bytes: Uint8Array; mime: ImageMime | 'application/pdf' }> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([opts.signal, deadline]);
  let url = new URL(rawUrl);
  let res: IncomingMessage | undefined;
  try {
    // Redirects are followed by hand so that each hop is held to the same rules: protocol, host
    // allow-list, public address, pinned connection.
    for (let hop = 0; ; hop++) {
      checkProtocol(url, opts.allowHttp);
      const pin = await resolvePublicAddress(url, opts.policy);
      res = await getPinned(url, pin, signal);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.destroy();
        if (hop >= MAX_REDIRECTS)
          throw new PermanentError('image_download_failed', `more than ${MAX_REDIRECTS} redirects`, {
            userMessage: `a imagem não pôde ser baixada: mais de ${MAX_REDIRECTS} redirecionamentos`,
          });
        url = new URL(location, url);
        continue;
      }
      break;
    }
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      res.destroy();
      const retryable = status === 408 || status === 429 || status >= 500;
      const ErrorKind = retryable ? TransientError : PermanentError;
      throw new ErrorKind('image_download_failed', `the image host answered HTTP ${status}`, { userMessage: `a imagem não pôde ser baixada (HTTP ${status})` });
    }
    const declared = Number(res.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      res.destroy();
      throw new PermanentError('image_too_large', `Content-Length ${declared} exceeds ${opts.maxBytes} bytes`, {
        userMessage: `a imagem tem ${declared} bytes; o limite é ${opts.maxBytes}`,
      });
    }
    const bytes = await readCapped(res, opts.maxBytes);
    const mime = sniffMime(bytes);
    const accept = opts.accept ?? IMAGE_MIMES;
    if (!mime || !accept.includes(mime)) {
      throw new PermanentError('unsupported_image', `the downloaded file is not an accepted image (sniffed: ${mime ?? 'unknown'})`, {
        userMessage: 'o arquivo baixado não é uma imagem JPEG, PNG ou WebP',
      });
    }
    return { bytes, mime };
  } catch (err) {
    res?.destroy();
    if (opts.signal.aborted) throw new CancelledError('cancelled', 'download cancelled', { cause: err });
    if (deadline.aborted) {
      throw new TransientError('image_download_timeout', `the download did not finish within ${timeoutMs} ms`, {
        cause: err,
        userMessage: `a imagem não foi baixada em ${timeoutMs} ms`,
      });
    }
    if (err instanceof PermanentError || err instanceof TransientError) throw err;
    // Connection refused, TLS, a reset mid-body: worth another attempt later. What the network said
    // stays in the cause (for operators), never in the message a user reads.
    throw new TransientError('image_download_failed', `the download failed: ${(err as Error)?.message ?? String(err)}`, {
      cause: err,
      userMessage: 'a imagem não pôde ser baixada agora; tentaremos de novo',
    });
  }
}

async function readCapped(res: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      res.destroy();
      throw new PermanentError('image_too_large', `the body exceeds ${maxBytes} bytes`, { userMessage: `a imagem passa do limite de ${maxBytes} bytes` });
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}
