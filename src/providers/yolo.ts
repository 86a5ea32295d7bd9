// A YOLO detection service over HTTP (Ultralytics-style): multipart `file` plus `conf`/`iou`
// fields, answering `Results.summary()` rows, either bare or wrapped as {images:[{results}]}.
import type { AttemptResult } from './call.ts';
import { BadResponseError, HttpStatusError, parseRetryAfterHeader } from './classify.ts';
import type { Detection, ImageInput } from './types.ts';

export interface YoloClientOptions {
  url: string;
  apiKey?: string | undefined;
  /** Minimum confidence and NMS IoU sent with every request. */
  conf?: number;
  iou?: number;
  fetch?: typeof fetch;
}

export class YoloClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly opts: YoloClientOptions) {
    this.fetch = opts.fetch ?? fetch;
  }

  async detect(image: ImageInput, signal: AbortSignal): Promise<AttemptResult<Detection[]>> {
    const mime = image.mimeType ?? 'image/jpeg';
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(image.data)], { type: mime }), `image.${mime.split('/')[1] ?? 'jpg'}`);
    form.set('conf', String(this.opts.conf ?? 0.25));
    form.set('iou', String(this.opts.iou ?? 0.45));
    const res = await this.fetch(this.opts.url, {
      method: 'POST',
      body: form,
      headers: this.opts.apiKey ? { authorization: `Bearer ${this.opts.apiKey}` } : {},
      signal,
    });
    if (!res.ok) {
      const detail = await res.text().catch(() => '');
      throw new HttpStatusError(res.status, detail.slice(0, 200) || res.statusText, parseRetryAfterHeader(res.headers.get('retry-after')));
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new BadResponseError('detect answer is not JSON');
    }
    return { value: parseDetections(body), status: res.status };
  }
}

/** Accept the bare summary() list or the {images:[{results}]} wrapper; reject anything else. */
export function parseDetections(body: unknown): Detection[] {
  let rows: unknown = body;
  if (!Array.isArray(rows) && typeof rows === 'object' && rows !== null) {
    const images = (rows as { images?: unknown }).images;
    if (Array.isArray(images))
      rows = images.flatMap((i) => (Array.isArray((i as { results?: unknown })?.results) ? (i as { results: unknown[] }).results : []));
  }
  if (!Array.isArray(rows)) throw new BadResponseError('detect answer is neither a summary() list nor {images:[{results}]}');
  return rows.map((r, n) => {
    const row = r as Partial<Detection> | null;
    const box = row?.box;
    const ok =
      row &&
      typeof row.name === 'string' &&
      typeof row.confidence === 'number' &&
      box &&
      [box.x1, box.y1, box.x2, box.y2].every((v) => typeof v === 'number' && Number.isFinite(v));
    if (!ok) throw new BadResponseError(`detection ${n} lacks name, confidence or box`);
    return {
      name: row.name!,
      class: typeof row.class === 'number' ? row.class : -1,
      confidence: row.confidence!,
      box: { x1: box!.x1, y1: box!.y1, x2: box!.x2, y2: box!.y2 },
    };
  });
}
