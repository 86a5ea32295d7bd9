// The one base64 codec, for the validators (edge and daemon), the cache key and the handlers. Runs
// on Node and Deno: Buffer where the runtime has it (Node's atob is a slow legacy path for the
// multi-megabyte images and PDFs that pass here), atob/btoa elsewhere.

interface NodeBufferApi {
  from(text: string, encoding: 'base64'): Uint8Array;
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'base64'): string };
}
const NodeBuffer = (globalThis as { Buffer?: NodeBufferApi }).Buffer;

const DATA_URL_PREFIX = /^data:[a-z0-9.+-]+\/[a-z0-9.+-]+;base64,/i;

/** Strips an optional `data:<mime>;base64,` prefix and whitespace; returns the bare base64 text. */
export function bareBase64(s: string): string {
  const m = DATA_URL_PREFIX.exec(s);
  return (m ? s.slice(m[0].length) : s).replace(/\s+/g, '');
}

/** Decoded size from the text alone, so an oversized payload is refused before it is decoded. */
export function decodedBase64Length(bare: string): number {
  const pad = bare.endsWith('==') ? 2 : bare.endsWith('=') ? 1 : 0;
  return Math.floor((bare.length * 3) / 4) - pad;
}

/** Decodes base64 (a data: URL prefix and whitespace are allowed). Throws on invalid text under atob. */
export function base64ToBytes(b64: string): Uint8Array {
  const bare = bareBase64(b64);
  if (NodeBuffer) {
    const buf = NodeBuffer.from(bare, 'base64');
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  const bin = atob(bare);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let bin = '';
  // Chunked: String.fromCharCode(...bytes) overflows the stack on large inputs.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
