// YOLO detection emulator (dev/test only): POST /detect with multipart `file` (+ `conf`, `iou`),
// answering Ultralytics `Results.summary()` rows of foods, bare or wrapped as {images:[{results}]}.
import { seeded, sendJson, sha256, startEmulator, type CommonKnobs, type Emulator, type RequestContext } from './common.ts';
import { FOODS, box, imageSize } from './content.ts';

export interface YoloKnobs extends CommonKnobs {
  /** 'bare': `[…]` (summary()); 'wrapped': `{images:[{results:[…]}]}` (Ultralytics HUB style). */
  shape?: 'bare' | 'wrapped';
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
}

export type YoloEmulator = Emulator<YoloKnobs>;

export function start(opts: { port?: number; host?: string } & YoloKnobs = {}): Promise<YoloEmulator> {
  const { port, host, ...knobs } = opts;
  const initial: YoloKnobs = { shape: 'bare', ...knobs };
  const emu = startEmulator<YoloKnobs>({
    name: 'yolo',
    port,
    host,
    knobs: initial,
    route(method, path) {
      if (method === 'POST' && (path === '/detect' || path === '/predict')) return { endpoint: `POST ${path}`, handler: detect, inference: true };
      if (method === 'GET' && path === '/health') return { endpoint: 'GET /health', handler: (c) => sendJson(c.res, 200, { status: 'ok' }), inference: false };
      return undefined;
    },
    fail(ctx, status, k) {
      const detail: Record<number, string> = {
        400: 'Invalid image',
        401: 'Not authenticated',
        403: 'Forbidden',
        404: 'Not Found',
        429: 'Too Many Requests',
        500: 'Internal Server Error',
        503: 'Model is loading',
      };
      sendJson(ctx.res, status, { detail: detail[status] ?? 'error' }, status === 429 ? { 'retry-after': String(k.retryAfterSec ?? 1) } : {});
    },
  });

  function detect(ctx: RequestContext<YoloKnobs>): void {
    if (ctx.knobs.apiKey !== undefined && ctx.req.headers.authorization !== `Bearer ${ctx.knobs.apiKey}`) {
      return sendJson(ctx.res, 401, { detail: 'Not authenticated' });
    }
    const type = ctx.req.headers['content-type'] ?? '';
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
    if (!type.startsWith('multipart/form-data') || !boundary)
      return sendJson(ctx.res, 422, { detail: [{ loc: ['body', 'file'], msg: 'field required', type: 'value_error.missing' }] });
    const fields = parseMultipart(ctx.body, boundary[1] ?? boundary[2]!);
    const file = fields.get('file');
    if (!file || file.length === 0) return sendJson(ctx.res, 422, { detail: [{ loc: ['body', 'file'], msg: 'field required', type: 'value_error.missing' }] });
    const conf = Number(fields.get('conf')?.toString() ?? '0.25');
    const size = imageSize(file) ?? { width: 640, height: 480 };
    const rnd = seeded(sha256(file));
    const n = 1 + Math.floor(rnd() * 4);
    const picked = new Set<number>();
    const results = [];
    for (let i = 0; i < n; i++) {
      const food = FOODS[Math.floor(rnd() * FOODS.length)]!;
      if (picked.has(food.class)) continue;
      picked.add(food.class);
      const confidence = Math.round((0.35 + rnd() * 0.64) * 1e5) / 1e5;
      results.push({ name: food.name, class: food.class, confidence, box: box(rnd, size) });
    }
    const kept = results.filter((r) => r.confidence >= (Number.isFinite(conf) ? conf : 0.25)).sort((a, b) => b.confidence - a.confidence);
    if (ctx.knobs.shape === 'wrapped') {
      return sendJson(ctx.res, 200, {
        images: [{ results: kept, shape: [size.height, size.width], speed: { preprocess: 1.2, inference: 23.4, postprocess: 0.8 } }],
      });
    }
    sendJson(ctx.res, 200, kept);
  }

  return emu;
}

/** Minimal multipart/form-data parser: field name → raw bytes. */
export function parseMultipart(body: Buffer, boundary: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const delim = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delim);
  while (pos >= 0) {
    const start = pos + delim.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd < 0) break;
    const headers = body.subarray(start, headerEnd).toString('utf8');
    const next = body.indexOf(delim, headerEnd + 4);
    if (next < 0) break;
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    // The part ends with CRLF before the next delimiter.
    if (name !== undefined) out.set(name, body.subarray(headerEnd + 4, next - 2));
    pos = next;
  }
  return out;
}
