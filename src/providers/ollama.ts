// Ollama through the `ollama` package. The package sends no AbortSignal on non-streaming calls, so
// each call gets its own Ollama instance whose fetch carries the deadline-and-job signal.
import { Ollama } from 'ollama';
import { BadResponseError } from './classify.ts';
import type { AttemptResult } from './call.ts';
import { llmAttempt, type LlmAnswer, type LlmRequest } from './types.ts';

export interface OllamaClientOptions {
  host: string;
  model: string;
  visionModel: string;
  fetch?: typeof fetch;
}

export interface OllamaStatus {
  host: string;
  reachable: boolean | null;
  version: string | null;
  checkedAt: string | null;
  error: string | null;
  models: Array<{ name: string; role: 'text' | 'vision'; present: boolean | null }>;
}

export class OllamaClient {
  private readonly opts: OllamaClientOptions;
  private readonly baseFetch: typeof fetch;
  private last: OllamaStatus;

  constructor(opts: OllamaClientOptions) {
    this.opts = opts;
    this.baseFetch = opts.fetch ?? fetch;
    this.last = {
      host: opts.host,
      reachable: null,
      version: null,
      checkedAt: null,
      error: null,
      models: [
        { name: opts.model, role: 'text', present: null },
        { name: opts.visionModel, role: 'vision', present: null },
      ],
    };
  }

  get model(): string {
    return this.opts.model;
  }

  get visionModel(): string {
    return this.opts.visionModel;
  }

  /** An Ollama whose every request carries `signal` (the package would otherwise pass none). */
  private client(signal: AbortSignal): Ollama {
    const base = this.baseFetch;
    const boundFetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const signals = init?.signal ? [signal, init.signal] : [signal];
      return base(input, { ...init, signal: AbortSignal.any(signals) });
    }) as typeof fetch;
    return new Ollama({ host: this.opts.host, fetch: boundFetch });
  }

  /** One chat request (no retry here: the caller's resilientCall owns retries). */
  async chat(model: string, req: LlmRequest, signal: AbortSignal): Promise<AttemptResult<LlmAnswer>> {
    const messages = [
      ...(req.system ? [{ role: 'system', content: req.system }] : []),
      ...req.messages.map((m) => ({
        role: m.role,
        content: m.content,
        ...(m.images?.length ? { images: m.images.map((i) => Buffer.from(i.data).toString('base64')) } : {}),
      })),
    ];
    const res = await this.client(signal).chat({
      model,
      messages,
      stream: false,
      ...(req.jsonSchema ? { format: req.jsonSchema, options: { temperature: 0 } } : {}),
    });
    const text = typeof res?.message?.content === 'string' ? res.message.content : undefined;
    if (text === undefined) throw new BadResponseError('chat answer has no message.content');
    const answer: LlmAnswer = {
      text,
      model: res.model || model,
      inputTokens: numberOrUndefined(res.prompt_eval_count),
      outputTokens: numberOrUndefined(res.eval_count),
    };
    return llmAttempt(answer, req);
  }

  /** Check `/api/tags` (and the version) for the configured models; the daemon calls this periodically. */
  async refresh(timeoutMs = 5_000, signal?: AbortSignal): Promise<OllamaStatus> {
    const deadline = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([deadline, signal]) : deadline;
    const checkedAt = new Date().toISOString();
    try {
      const client = this.client(combined);
      const [tags, version] = await Promise.all([client.list(), client.version().catch(() => null)]);
      const present = new Set(tags.models.flatMap((m) => [normaliseTag(m.name), normaliseTag(m.model)]));
      this.last = {
        host: this.opts.host,
        reachable: true,
        version: version?.version ?? null,
        checkedAt,
        error: null,
        models: this.last.models.map((m) => ({ ...m, present: present.has(normaliseTag(m.name)) })),
      };
    } catch (err) {
      this.last = {
        ...this.last,
        reachable: false,
        checkedAt,
        error: combined.aborted ? `no answer within ${timeoutMs} ms` : shortError(err),
        models: this.last.models.map((m) => ({ ...m, present: null })),
      };
    }
    return this.status();
  }

  /** The last `/api/tags` check; `present: null` means unknown (never checked or unreachable). */
  status(): OllamaStatus {
    return { ...this.last, models: this.last.models.map((m) => ({ ...m })) };
  }
}

/** `llama3.1` and `llama3.1:latest` name the same model. */
export function normaliseTag(name: string): string {
  return name.includes(':') ? name : `${name}:latest`;
}

function numberOrUndefined(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function shortError(err: unknown): string {
  const e = err as { message?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.cause?.code === 'string' ? ` (${e.cause.code})` : '';
  return `${typeof e?.message === 'string' ? e.message : String(err)}${code}`.slice(0, 200);
}
