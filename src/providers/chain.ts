// Fallback chains: try each provider in order until one answers. An open breaker rejects in
// microseconds (no request), so a dead provider costs nothing. When all fail the error is transient
// (the job retries later) unless every failure was permanent (retrying cannot help).
import { CancelledError, JobError, PermanentError, RetryAfterError, TransientError } from '../errors.ts';
import type { ProviderName } from '../events.ts';
import type { CallRecord } from './call.ts';
import { classifyError } from './classify.ts';
import type { ChatMessage, Detection, ImageInput, JsonSchema, LlmRequest } from './types.ts';
import { hasCode } from '../error-codes.ts';

export interface TextRequest {
  system?: string;
  /** Either a single prompt or the chat turns. */
  prompt?: string;
  messages?: ChatMessage[];
  /** Attached to the last user turn; makes the request go to the vision models. */
  images?: ImageInput[];
  /** Ask for JSON following this schema; the parsed value comes back as `json`. */
  jsonSchema?: JsonSchema;
  signal?: AbortSignal;
  /** Pass an array to keep the call records even when the chain throws. */
  calls?: CallRecord[];
}

export interface ChainResult {
  provider: ProviderName;
  model: string;
  calls: CallRecord[];
}

export interface TextResult extends ChainResult {
  text: string;
  json?: unknown;
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
}

export interface DetectRequest {
  image: ImageInput;
  signal?: AbortSignal;
  calls?: CallRecord[];
}

export interface DetectResult extends ChainResult {
  detections: Detection[];
}

/** One link of a chain: a provider with its resilience already wrapped around `run`. */
export interface ChainStep<T> {
  provider: ProviderName;
  model: string;
  run: (signal: AbortSignal | undefined, calls: CallRecord[]) => Promise<T>;
}

export async function runChain<T>(
  what: string,
  steps: ChainStep<T>[],
  signal: AbortSignal | undefined,
  calls: CallRecord[],
): Promise<{ value: T; provider: ProviderName; model: string }> {
  if (steps.length === 0) throw new PermanentError('no_provider', `${what}: no provider is enabled (check the PROVIDER_*_CHAIN variables and API keys)`);
  const failures: Array<{ step: ChainStep<T>; error: JobError }> = [];
  for (const step of steps) {
    if (signal?.aborted) throw new CancelledError('cancelled', `${what}: cancelled`);
    try {
      return { value: await step.run(signal, calls), provider: step.provider, model: step.model };
    } catch (thrown) {
      const error = classifyError(thrown, { provider: step.provider, model: step.model });
      if (error.kind === 'cancelled') throw error;
      failures.push({ step, error });
    }
  }
  const summary = failures.map((f) => `${f.step.provider} (${f.step.model}): ${f.error.code}: ${f.error.message}`).join('; ');
  const message = `${what}: every provider failed: ${summary}`;
  if (failures.every((f) => f.error.kind === 'permanent')) throw new PermanentError('providers_rejected', message);
  // When any provider said "not before T", retrying sooner meets that refusal again (the others
  // are down or broken): wait for the shortest such hint instead of the usual backoff.
  const limited = failures.filter((f) => f.error instanceof RetryAfterError);
  // Every circuit open: an outage, not this job's fault. The worker snoozes the job until the next
  // probe (attempt refunded) and stops claiming its type meanwhile (issue 15).
  if (failures.every((f) => hasCode(f.error, 'circuit_open'))) {
    const wait = Math.min(...failures.map((f) => (f.error as RetryAfterError).retryAfterMs));
    throw new RetryAfterError('providers_circuit_open', message, wait);
  }
  if (limited.length > 0) {
    const wait = Math.min(...limited.map((f) => (f.error as RetryAfterError).retryAfterMs));
    throw new RetryAfterError('providers_rate_limited', message, wait);
  }
  throw new TransientError('providers_unavailable', message);
}

/** The normalised request a text/vision call sends to each LLM. */
export function toLlmRequest(req: TextRequest): LlmRequest {
  const messages: ChatMessage[] = req.messages?.length ? req.messages.map((m) => ({ ...m })) : [{ role: 'user', content: req.prompt ?? '' }];
  if (!messages.some((m) => m.content.trim() !== '' || m.images?.length)) {
    throw new PermanentError('invalid_input', 'a prompt or at least one non-empty message is required');
  }
  if (req.images?.length) {
    let last = -1;
    messages.forEach((m, i) => (m.role === 'user' ? (last = i) : undefined));
    if (last < 0) messages.push({ role: 'user', content: '', images: req.images });
    else messages[last] = { ...messages[last]!, images: [...(messages[last]!.images ?? []), ...req.images] };
  }
  return { system: req.system, messages, jsonSchema: req.jsonSchema };
}

export function hasImages(req: LlmRequest): boolean {
  return req.messages.some((m) => (m.images?.length ?? 0) > 0);
}

// ---- detection through a vision LLM (YOLO's fallback) ----------------------------------------

/** Labels YOLO is trained on; an LLM's names are matched against them for `class`. */
export const FOOD_LABELS = [
  'arroz',
  'feijão',
  'frango',
  'salada',
  'banana',
  'carne bovina',
  'ovo',
  'batata',
  'macarrão',
  'tomate',
  'alface',
  'cenoura',
  'pão',
  'queijo',
  'maçã',
  'farofa',
  'peixe',
  'mandioca',
  'brócolis',
  'laranja',
] as const;

export const DETECTION_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    detections: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', description: 'alimento em português, minúsculas' },
          confidence: { type: 'number', minimum: 0, maximum: 1 },
          box: {
            type: 'object',
            properties: { x1: { type: 'number' }, y1: { type: 'number' }, x2: { type: 'number' }, y2: { type: 'number' } },
            required: ['x1', 'y1', 'x2', 'y2'],
          },
        },
        required: ['name', 'confidence', 'box'],
      },
    },
  },
  required: ['detections'],
};

export const DETECTION_PROMPT =
  'Identifique cada alimento visível nesta foto de refeição. Para cada um, dê o nome em português ' +
  `(de preferência um destes: ${FOOD_LABELS.join(', ')}), a confiança de 0 a 1 e a caixa delimitadora ` +
  'em pixels (x1, y1, x2, y2). Responda somente com o JSON pedido.';

/** Turn a vision LLM's JSON into YOLO's summary() rows, dropping what is not a usable detection. */
export function detectionsFromLlm(json: unknown): Detection[] {
  const rows = (json as { detections?: unknown } | null)?.detections;
  if (!Array.isArray(rows)) return [];
  const out: Detection[] = [];
  for (const r of rows) {
    const row = r as { name?: unknown; confidence?: unknown; box?: Record<string, unknown> } | null;
    if (!row || typeof row.name !== 'string' || row.name.trim() === '') continue;
    const b = row.box ?? {};
    const [x1, y1, x2, y2] = [b.x1, b.y1, b.x2, b.y2].map((v) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(0, v) : 0)) as [
      number,
      number,
      number,
      number,
    ];
    const name = row.name.trim().toLowerCase();
    out.push({
      name,
      class: (FOOD_LABELS as readonly string[]).indexOf(name),
      confidence: typeof row.confidence === 'number' ? Math.min(1, Math.max(0, row.confidence)) : 0.5,
      box: { x1: Math.min(x1, x2), y1: Math.min(y1, y2), x2: Math.max(x1, x2), y2: Math.max(y1, y2) },
    });
  }
  return out;
}
