// Ollama emulator (dev/test only): /api/chat and /api/generate (NDJSON stream unless
// `stream:false`, as Ollama does), /api/tags, /api/version, /api/ps, with Ollama's error bodies.
import type { ServerResponse } from 'node:http';
import { approxTokens, sendJson, sha256, startEmulator, type CommonKnobs, type Emulator, type RequestContext } from './common.ts';
import { imageSize, portugueseText, valueForSchema } from './content.ts';

export interface OllamaKnobs extends CommonKnobs {
  /** Models the server "has pulled"; anything else is 404 model not found. */
  models?: string[];
  version?: string;
}

export type OllamaEmulator = Emulator<OllamaKnobs>;

const DEFAULT_MODELS = ['llama3.1:8b', 'llava:7b'];

export function start(opts: { port?: number; host?: string } & OllamaKnobs = {}): Promise<OllamaEmulator> {
  const { port, host, ...knobs } = opts;
  const initial: OllamaKnobs = { models: DEFAULT_MODELS, version: '0.12.6', ...knobs };
  const emu = startEmulator<OllamaKnobs>({
    name: 'ollama',
    port,
    host,
    knobs: initial,
    route(method, path) {
      if (method === 'POST' && path === '/api/chat') return { endpoint: 'POST /api/chat', handler: (c) => generate(c, 'chat'), inference: true };
      if (method === 'POST' && path === '/api/generate') return { endpoint: 'POST /api/generate', handler: (c) => generate(c, 'generate'), inference: true };
      if (method === 'GET' && path === '/api/tags') return { endpoint: 'GET /api/tags', handler: tags, inference: false };
      if (method === 'GET' && path === '/api/ps') return { endpoint: 'GET /api/ps', handler: (c) => sendJson(c.res, 200, { models: [] }), inference: false };
      if (method === 'GET' && path === '/api/version')
        return { endpoint: 'GET /api/version', handler: (c) => sendJson(c.res, 200, { version: c.knobs.version }), inference: false };
      if ((method === 'GET' || method === 'HEAD') && path === '/')
        return {
          endpoint: 'GET /',
          handler: (c) => {
            c.res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
            c.res.end('Ollama is running');
          },
          inference: false,
        };
      return undefined;
    },
    fail(ctx, status, k) {
      if (status === 404) return sendJson(ctx.res, 404, { error: ctx.url.pathname.startsWith('/api/') ? 'model not found' : '404 page not found' });
      if (status === 503) return sendJson(ctx.res, 503, { error: 'server busy, please try again.  maximum pending requests exceeded' });
      if (status === 429) return sendJson(ctx.res, 429, { error: 'too many requests' }, { 'retry-after': String(k.retryAfterSec ?? 1) });
      if (status === 400) return sendJson(ctx.res, 400, { error: 'invalid request' });
      if (status === 401 || status === 403) return sendJson(ctx.res, status, { error: 'unauthorized' });
      return sendJson(ctx.res, status, { error: 'llama runner process has terminated: exit status 2' });
    },
  });

  function tags(ctx: RequestContext<OllamaKnobs>): void {
    sendJson(ctx.res, 200, {
      models: (ctx.knobs.models ?? []).map((name) => ({
        name,
        model: name,
        modified_at: '2025-06-01T12:00:00.000000000Z',
        size: 4_661_224_676,
        digest: sha256(name),
        details: {
          parent_model: '',
          format: 'gguf',
          family: name.split(/[:.\d]/)[0],
          families: [name.split(/[:.\d]/)[0]],
          parameter_size: '8.0B',
          quantization_level: 'Q4_K_M',
        },
      })),
    });
  }

  function generate(ctx: RequestContext<OllamaKnobs>, kind: 'chat' | 'generate'): void {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(ctx.body.toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return sendJson(ctx.res, 400, { error: 'invalid character looking for beginning of value' });
    }
    const model = typeof body.model === 'string' ? body.model : '';
    if (!model) return sendJson(ctx.res, 400, { error: 'model is required' });
    const known = (ctx.knobs.models ?? []).some((m) => m === model || m === `${model}:latest`);
    if (!known) return sendJson(ctx.res, 404, { error: `model '${model}' not found` });
    if (kind === 'chat' && body.messages !== undefined && !Array.isArray(body.messages)) return sendJson(ctx.res, 400, { error: 'messages must be an array' });

    const promptText =
      kind === 'chat' ? ((body.messages as Array<{ content?: unknown }>) ?? []).map((m) => String(m.content ?? '')).join('\n') : String(body.prompt ?? '');
    const images =
      kind === 'chat'
        ? ((body.messages as Array<{ images?: unknown[] }>) ?? []).reduce((n, m) => n + (Array.isArray(m.images) ? m.images.length : 0), 0)
        : Array.isArray(body.images)
          ? body.images.length
          : 0;
    const format = body.format;
    // Streamed or not, the same question gets the same answer.
    const seed = sha256(JSON.stringify([model, body.messages ?? null, body.prompt ?? null, body.system ?? null, format ?? null]));
    const firstB64 =
      kind === 'chat'
        ? ((body.messages as Array<{ images?: unknown[] }>) ?? []).flatMap((m) => (Array.isArray(m.images) ? m.images : []))[0]
        : Array.isArray(body.images)
          ? body.images[0]
          : undefined;
    const size = typeof firstB64 === 'string' ? imageSize(Buffer.from(firstB64.slice(0, 4096), 'base64')) : undefined;
    const topic = `${String(body.system ?? '')}\n${promptText}`;
    const content =
      format === 'json'
        ? JSON.stringify({ resposta: portugueseText(seed, topic) })
        : format && typeof format === 'object'
          ? JSON.stringify(valueForSchema(format, seed, size ?? {}))
          : portugueseText(seed, topic);
    const stats = {
      total_duration: 1_234_567_890,
      load_duration: 12_345_678,
      prompt_eval_count: approxTokens(promptText) + images * 576,
      prompt_eval_duration: 123_456_789,
      eval_count: approxTokens(content),
      eval_duration: 987_654_321,
    };
    const created = new Date().toISOString();
    const piece = (text: string, done: boolean) =>
      kind === 'chat'
        ? { model, created_at: created, message: { role: 'assistant', content: text }, done }
        : { model, created_at: created, response: text, done };
    const final = { ...piece('', true), done_reason: 'stop', ...stats, ...(kind === 'generate' ? { context: [1, 2, 3] } : {}) };

    // Ollama streams unless told otherwise.
    if (body.stream === false) {
      return sendJson(ctx.res, 200, { ...final, ...(kind === 'chat' ? { message: { role: 'assistant', content } } : { response: content }) });
    }
    streamNdjson(ctx.res, [...chunks(content).map((c) => piece(c, false)), final]);
  }

  return emu;
}

function chunks(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [text];
}

function streamNdjson(res: ServerResponse, lines: unknown[]): void {
  res.writeHead(200, { 'content-type': 'application/x-ndjson', 'transfer-encoding': 'chunked' });
  for (const line of lines) res.write(`${JSON.stringify(line)}\n`);
  res.end();
}
