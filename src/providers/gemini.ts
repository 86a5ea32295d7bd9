// Gemini through @google/genai 2.x (the line that still runs on Node 20), API version pinned to
// v1beta. The SDK's own retries stay off (its default): retries, the shared rate limiter and the
// breaker are ours, so a 429's RetryInfo and our limits are honoured in one place.
import { GoogleGenAI, type Content, type Part } from '@google/genai';
import { PermanentError, RetryAfterError } from '../errors.ts';
import type { AttemptResult } from './call.ts';
import { BadResponseError, DEFAULT_RATE_LIMIT_WAIT_MS, parseGoogleEnvelope, parseGoogleRetryDelay, statusOf } from './classify.ts';
import { llmAttempt, type JsonSchema, type LlmAnswer, type LlmRequest } from './types.ts';

export interface GeminiClientOptions {
  apiKey: string;
  baseUrl?: string | undefined;
}

export class GeminiClient {
  private readonly ai: GoogleGenAI;

  constructor(opts: GeminiClientOptions) {
    this.ai = new GoogleGenAI({
      apiKey: opts.apiKey,
      apiVersion: 'v1beta',
      ...(opts.baseUrl ? { httpOptions: { baseUrl: opts.baseUrl } } : {}),
    });
  }

  /** One generateContent request (retries belong to resilientCall). */
  async generate(model: string, req: LlmRequest, signal: AbortSignal): Promise<AttemptResult<LlmAnswer>> {
    const contents: Content[] = req.messages
      .filter((m) => m.role !== 'system')
      .map((m) => ({
        role: m.role === 'assistant' ? 'model' : 'user',
        parts: [
          ...(m.content ? [{ text: m.content } as Part] : []),
          ...(m.images ?? []).map((i): Part => ({ inlineData: { mimeType: i.mimeType ?? 'image/jpeg', data: Buffer.from(i.data).toString('base64') } })),
        ],
      }));
    const system = [req.system, ...req.messages.filter((m) => m.role === 'system').map((m) => m.content)].filter(Boolean).join('\n\n');
    let res;
    try {
      res = await this.ai.models.generateContent({
        model,
        contents,
        config: {
          abortSignal: signal,
          ...(system ? { systemInstruction: system } : {}),
          ...(req.jsonSchema ? { responseMimeType: 'application/json', responseSchema: toGeminiSchema(req.jsonSchema), temperature: 0 } : {}),
        },
      });
    } catch (err) {
      throw withRetryInfo(err);
    }
    const block = res.promptFeedback?.blockReason;
    if (block) throw new PermanentError('blocked', `gemini (${model}): prompt blocked (${block})`);
    const text = res.candidates?.[0]?.content?.parts?.map((p) => p.text ?? '').join('') ?? '';
    if (!res.candidates?.length) throw new BadResponseError('answer has no candidates');
    const usage = res.usageMetadata;
    const answer: LlmAnswer = {
      text,
      model: res.modelVersion ?? model,
      inputTokens: usage?.promptTokenCount,
      outputTokens: usage?.candidatesTokenCount,
    };
    return llmAttempt(answer, req);
  }
}

/** A 429 becomes a RetryAfterError carrying Google's RetryInfo.retryDelay, so the retry honours it. */
function withRetryInfo(err: unknown): unknown {
  if (statusOf(err) !== 429) return err;
  const envelope = parseGoogleEnvelope((err as Error).message);
  const delay = parseGoogleRetryDelay(envelope?.details) ?? DEFAULT_RATE_LIMIT_WAIT_MS;
  const msg = envelope?.message ?? 'resource exhausted';
  return new RetryAfterError('rate_limited', `gemini: HTTP 429: ${msg.slice(0, 200)}`, delay, { cause: err });
}

/** `$schema` would route the SDK to responseJsonSchema; drop it so one path (responseSchema) is used. */
function toGeminiSchema(schema: JsonSchema): JsonSchema {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}
