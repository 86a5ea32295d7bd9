// Gemini API emulator (dev/test only): POST /{v1beta|v1}/models/{model}:generateContent and
// :streamGenerateContent?alt=sse, Google's error envelope, API key from x-goog-api-key or ?key=.
import { approxTokens, inferencePost, sendJson, sha256, startEmulator, type CommonKnobs, type Emulator, type RequestContext } from './common.ts';
import { imageSize, portugueseText, valueForSchema } from './content.ts';

export interface GeminiKnobs extends CommonKnobs {
  /** The key the emulator accepts; a different key gets 400 API_KEY_INVALID, none gets 403. */
  apiKey?: string;
  models?: string[];
}

export type GeminiEmulator = Emulator<GeminiKnobs>;

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

const MESSAGES: Record<number, string> = {
  400: 'Request contains an invalid argument.',
  401: 'Request had invalid authentication credentials.',
  403: "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  404: 'Requested entity was not found.',
  429: 'You exceeded your current quota, please check your plan and billing details.',
  500: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  503: 'The model is overloaded. Please try again later.',
};

export function googleError(status: number, message?: string, details?: unknown[]): { error: Record<string, unknown> } {
  return {
    error: { code: status, message: message ?? MESSAGES[status] ?? 'error', status: STATUS_NAMES[status] ?? 'UNKNOWN', ...(details ? { details } : {}) },
  };
}

export function start(opts: { port?: number; host?: string } & GeminiKnobs = {}): Promise<GeminiEmulator> {
  const { port, host, ...knobs } = opts;
  const initial: GeminiKnobs = { models: ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.0-flash'], ...knobs };
  const ROUTE = /^\/(v1beta|v1|v1alpha)\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;
  const fail = (ctx: RequestContext<GeminiKnobs>, status: number, k: GeminiKnobs) => {
    if (status === 429) {
      const delay = `${k.retryAfterSec ?? 2}s`;
      return sendJson(
        ctx.res,
        429,
        googleError(429, undefined, [
          {
            '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
            violations: [
              {
                quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
                quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
              },
            ],
          },
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: delay },
        ]),
      );
    }
    if (status === 404 && !ROUTE.test(ctx.url.pathname)) {
      ctx.res.writeHead(404, { 'content-type': 'text/html; charset=UTF-8' });
      ctx.res.end('<!DOCTYPE html><title>Error 404 (Not Found)!!1</title>');
      return;
    }
    return sendJson(ctx.res, status, googleError(status));
  };

  const emu = startEmulator<GeminiKnobs>({
    name: 'gemini',
    port,
    host,
    knobs: initial,
    route: inferencePost(ROUTE, (m) => ({
      endpoint: `POST /models/{model}:${m[3]}`,
      handler: (c) => generate(c, m[2]!, m[3] === 'streamGenerateContent'),
    })),
    fail,
  });

  function generate(ctx: RequestContext<GeminiKnobs>, model: string, stream: boolean): void {
    const key = (ctx.req.headers['x-goog-api-key'] as string | undefined) ?? ctx.url.searchParams.get('key') ?? undefined;
    if (!key) return fail(ctx, 403, ctx.knobs);
    if (ctx.knobs.apiKey !== undefined && key !== ctx.knobs.apiKey) {
      return sendJson(
        ctx.res,
        400,
        googleError(400, 'API key not valid. Please pass a valid API key.', [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'API_KEY_INVALID',
            domain: 'googleapis.com',
            metadata: { service: 'generativelanguage.googleapis.com' },
          },
        ]),
      );
    }
    if (!(ctx.knobs.models ?? []).includes(model)) {
      return sendJson(
        ctx.res,
        404,
        googleError(
          404,
          `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
        ),
      );
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(ctx.body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return sendJson(ctx.res, 400, googleError(400, 'Invalid JSON payload received. Unexpected token.'));
    }
    const contents = body.contents as Array<{ role?: string; parts?: Array<Record<string, unknown>> }> | undefined;
    if (!Array.isArray(contents) || contents.length === 0) {
      return sendJson(ctx.res, 400, googleError(400, '* GenerateContentRequest.contents: contents is not specified\n'));
    }
    let promptChars = '';
    let images = 0;
    let firstImage: { width: number; height: number } | undefined;
    for (const c of contents) {
      if (!Array.isArray(c.parts) || c.parts.length === 0) {
        return sendJson(ctx.res, 400, googleError(400, '* GenerateContentRequest.contents[0].parts: contents.parts must not be empty.\n'));
      }
      for (const p of c.parts) {
        if (typeof p.text === 'string') promptChars += p.text;
        const inline = p.inlineData as { mimeType?: string; data?: string } | undefined;
        if (inline) {
          if (!inline.mimeType || typeof inline.data !== 'string')
            return sendJson(ctx.res, 400, googleError(400, '* GenerateContentRequest.contents.parts.inline_data: mime_type and data are required\n'));
          images++;
          firstImage ??= imageSize(Buffer.from(inline.data.slice(0, 4096), 'base64'));
        }
      }
    }
    const sys = body.systemInstruction as { parts?: Array<{ text?: string }> } | undefined;
    promptChars += (sys?.parts ?? []).map((p) => p.text ?? '').join('');
    const gen = (body.generationConfig ?? {}) as Record<string, unknown>;
    const schema = gen.responseJsonSchema ?? gen.responseSchema;
    const json = gen.responseMimeType === 'application/json';
    const text = json
      ? JSON.stringify(schema ? valueForSchema(schema, ctx.hash, firstImage ?? {}) : { resposta: portugueseText(ctx.hash, promptChars) })
      : portugueseText(ctx.hash, promptChars);
    const promptTokens = approxTokens(promptChars) + images * 258;
    const outTokens = approxTokens(text);
    const answer = (t: string, last: boolean) => ({
      candidates: [{ content: { parts: [{ text: t }], role: 'model' }, ...(last ? { finishReason: 'STOP' } : {}), index: 0 }],
      usageMetadata: {
        promptTokenCount: promptTokens,
        ...(last ? { candidatesTokenCount: outTokens } : {}),
        totalTokenCount: promptTokens + (last ? outTokens : 0),
        promptTokensDetails: [
          { modality: 'TEXT', tokenCount: promptTokens - images * 258 },
          ...(images ? [{ modality: 'IMAGE', tokenCount: images * 258 }] : []),
        ],
      },
      modelVersion: model,
      responseId: sha256(ctx.hash).slice(0, 22),
    });
    if (!stream) return sendJson(ctx.res, 200, answer(text, true));
    ctx.res.writeHead(200, { 'content-type': 'text/event-stream' });
    const half = Math.ceil(text.length / 2);
    ctx.res.write(`data: ${JSON.stringify(answer(text.slice(0, half), false))}\r\n\r\n`);
    ctx.res.write(`data: ${JSON.stringify(answer(text.slice(half), true))}\r\n\r\n`);
    ctx.res.end();
  }

  return emu;
}
