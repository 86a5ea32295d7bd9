// What a file is, from its first bytes: the declared MIME type of an upload is never trusted alone.
// Used by the job-input checks (edge and daemon) and by the image fetcher.

export const IMAGE_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageMime = (typeof IMAGE_MIMES)[number];

/** The file type from its magic bytes: one of the images the analyses read, a PDF, or undefined. */
export function sniffMime(bytes: Uint8Array): ImageMime | 'application/pdf' | undefined {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b(i) === v)) return 'image/png';
  const ascii = (from: number, len: number) => String.fromCharCode(...bytes.subarray(from, from + len));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return 'image/webp';
  if (bytes.length >= 5 && ascii(0, 5) === '%PDF-') return 'application/pdf';
  return undefined;
}
