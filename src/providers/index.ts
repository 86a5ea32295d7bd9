// Composition of the provider layer: one client, breaker and (for Gemini) rate limiter per
// provider, shared by every job in the daemon, behind text / vision / detect / whatsapp.
import { CancelledError, PermanentError } from '../errors.ts';
import type { BreakerState, EventBus, ProviderName } from '../events.ts';
import { CircuitBreaker } from './breaker.ts';
import { resilientCall, type CallDeps, type CallRecord } from './call.ts';
import {
  DETECTION_PROMPT,
  DETECTION_SCHEMA,
  detectionsFromLlm,
  hasImages,
  runChain,
  toLlmRequest,
  type ChainStep,
  type DetectRequest,
  type DetectResult,
  type TextRequest,
  type TextResult,
} from './chain.ts';
import { enabledProviders, type ProviderConfig } from './config.ts';
import { GeminiClient } from './gemini.ts';
import { RollingWindowLimiter } from './limiter.ts';
import { OllamaClient, type OllamaStatus } from './ollama.ts';
import type { Detection, LlmAnswer, LlmRequest } from './types.ts';
import { WhatsAppClient } from './whatsapp.ts';
import { YoloClient } from './yolo.ts';

export type { CallRecord } from './call.ts';
export type { TextRequest, TextResult, DetectRequest, DetectResult } from './chain.ts';
export type { ChatMessage, Detection } from './types.ts';
export type { ProviderConfig } from './config.ts';

export interface WhatsAppSendRequest {
  to: string;
  body: string;
  signal?: AbortSignal;
  calls?: CallRecord[];
}

export interface ProvidersStatus {
  ollama: OllamaStatus & { enabled: true; breaker: BreakerState };
  gemini: { enabled: boolean; model: string; breaker: BreakerState; rateLimit: { rpm: number; inWindow: number; waiting: number } };
  yolo: { enabled: boolean; breaker: BreakerState };
  whatsapp: { enabled: boolean; breaker: BreakerState };
  chains: { text: ProviderName[]; vision: ProviderName[]; detect: ProviderName[] };
}

export interface Providers {
  /** Text (or, with `images`, vision) through PROVIDER_TEXT_CHAIN. */
  text(req: TextRequest): Promise<TextResult>;
  /** An image question through PROVIDER_VISION_CHAIN; `images` is required. */
  vision(req: TextRequest): Promise<TextResult>;
  /** Food detection through PROVIDER_DETECT_CHAIN, always in YOLO's summary() shape. */
  detect(req: DetectRequest): Promise<DetectResult>;
  whatsapp: {
    readonly enabled: boolean;
    sendText(req: WhatsAppSendRequest): Promise<{ messageId: string; calls: CallRecord[] }>;
  };
  /** Cheap snapshot for /health/detailed (no I/O). */
  status(): ProvidersStatus;
  /** Re-check Ollama's `/api/tags`; the daemon calls this periodically. */
  refreshStatus(signal?: AbortSignal): Promise<ProvidersStatus>;
  /** Abort in-flight calls (as cancelled), reject rate-limiter waiters, refuse new calls. */
  close(): Promise<void>;
}

export interface CreateProvidersOptions {
  /** Used by the YOLO, WhatsApp and Ollama clients (tests inject failures here). */
  fetch?: typeof fetch;
  /** Gemini limiter window; 60 s in production. */
  geminiWindowMs?: number;
  /** Inject the Gemini limiter (tests record its grants; several provider sets could share one). */
  geminiLimiter?: RollingWindowLimiter;
}

export function createProviders(config: ProviderConfig, events: EventBus, options: CreateProvidersOptions = {}): Providers {
  const enabled = enabledProviders(config);
  const breakerOpts = { failures: config.breaker.failures, cooldownMs: config.breaker.cooldownMs };
  const breakers: Record<ProviderName, CircuitBreaker> = {
    yolo: new CircuitBreaker('yolo', breakerOpts, events),
    ollama: new CircuitBreaker('ollama', breakerOpts, events),
    gemini: new CircuitBreaker('gemini', breakerOpts, events),
    whatsapp: new CircuitBreaker('whatsapp', breakerOpts, events),
  };
  const limiter = options.geminiLimiter ?? new RollingWindowLimiter({ limit: config.gemini.rpm, windowMs: options.geminiWindowMs ?? 60_000 });
  const deps = (p: ProviderName): CallDeps => ({ events, breaker: breakers[p], retry: config.retry, limiter: p === 'gemini' ? limiter : undefined });
  const fetchOpt = options.fetch ? { fetch: options.fetch } : {};

  const ollama = new OllamaClient({ host: config.ollama.host, model: config.ollama.model, visionModel: config.ollama.visionModel, ...fetchOpt });
  const gemini = config.gemini.apiKey ? new GeminiClient({ apiKey: config.gemini.apiKey, baseUrl: config.gemini.baseUrl }) : undefined;
  const yolo = config.yolo.url ? new YoloClient({ url: config.yolo.url, apiKey: config.yolo.apiKey, ...fetchOpt }) : undefined;
  const whatsapp = enabled.whatsapp
    ? new WhatsAppClient({ apiUrl: config.whatsapp.apiUrl, token: config.whatsapp.token!, phoneNumberId: config.whatsapp.phoneNumberId!, ...fetchOpt })
    : undefined;

  // Closing aborts every in-flight call through the same signal path a cancelled job uses.
  const closing = new AbortController();
  // A fresh signal per call: listeners then attach to it, not pile up on the shared `closing` signal.
  const jobSignal = (s: AbortSignal | undefined) => AbortSignal.any(s ? [s, closing.signal] : [closing.signal]);
  const refuseIfClosed = () => {
    if (closing.signal.aborted) throw new CancelledError('cancelled', 'providers are closed (daemon shutting down)');
  };

  const llmStep = (p: 'ollama' | 'gemini', kind: 'text' | 'vision', req: LlmRequest): ChainStep<LlmAnswer> | undefined => {
    if (p === 'ollama') {
      const model = kind === 'vision' ? config.ollama.visionModel : config.ollama.model;
      return {
        provider: 'ollama',
        model,
        run: (signal, calls) =>
          resilientCall(deps('ollama'), { provider: 'ollama', model, timeoutMs: config.ollama.timeoutMs, signal, calls }, (s) => ollama.chat(model, req, s)),
      };
    }
    if (!gemini) return undefined;
    const model = config.gemini.model;
    return {
      provider: 'gemini',
      model,
      run: (signal, calls) =>
        resilientCall(deps('gemini'), { provider: 'gemini', model, timeoutMs: config.gemini.timeoutMs, signal, calls }, (s) => gemini.generate(model, req, s)),
    };
  };

  const llmChain = async (kind: 'text' | 'vision', req: TextRequest): Promise<TextResult> => {
    refuseIfClosed();
    const llmReq = toLlmRequest(req);
    const chain = kind === 'vision' ? config.chains.vision : config.chains.text;
    const steps = chain.map((p) => llmStep(p, kind, llmReq)).filter((s): s is ChainStep<LlmAnswer> => s !== undefined);
    const calls = req.calls ?? [];
    const { value, provider, model } = await runChain(kind, steps, jobSignal(req.signal), calls);
    return {
      text: value.text,
      json: value.json,
      provider,
      model: value.model || model,
      inputTokens: value.inputTokens,
      outputTokens: value.outputTokens,
      calls,
    };
  };

  const detectStep = (p: 'yolo' | 'ollama' | 'gemini', image: DetectRequest['image']): ChainStep<Detection[]> | undefined => {
    if (p === 'yolo') {
      if (!yolo) return undefined;
      return {
        provider: 'yolo',
        model: 'yolo',
        run: (signal, calls) =>
          resilientCall(deps('yolo'), { provider: 'yolo', model: 'yolo', timeoutMs: config.yolo.timeoutMs, signal, calls }, (s) => yolo.detect(image, s)),
      };
    }
    const step = llmStep(p, 'vision', { messages: [{ role: 'user', content: DETECTION_PROMPT, images: [image] }], jsonSchema: DETECTION_SCHEMA });
    if (!step) return undefined;
    return { provider: step.provider, model: step.model, run: async (signal, calls) => detectionsFromLlm((await step.run(signal, calls)).json) };
  };

  return {
    text: (req) => llmChain(req.images?.length ? 'vision' : 'text', req),

    vision: async (req) => {
      if (!req.images?.length && !(req.messages && hasImages(toLlmRequest(req)))) {
        throw new PermanentError('invalid_input', 'vision needs at least one image');
      }
      return llmChain('vision', req);
    },

    detect: async (req) => {
      refuseIfClosed();
      if (!req.image?.data?.length) throw new PermanentError('invalid_input', 'detect needs a non-empty image');
      const steps = config.chains.detect.map((p) => detectStep(p, req.image)).filter((s): s is ChainStep<Detection[]> => s !== undefined);
      const calls = req.calls ?? [];
      const { value, provider, model } = await runChain('detect', steps, jobSignal(req.signal), calls);
      return { detections: value, provider, model, calls };
    },

    whatsapp: {
      enabled: whatsapp !== undefined,
      sendText: async (req) => {
        refuseIfClosed();
        if (!whatsapp) throw new PermanentError('whatsapp_disabled', 'WhatsApp sending is disabled: set WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID');
        const calls = req.calls ?? [];
        const { messageId } = await resilientCall(
          deps('whatsapp'),
          { provider: 'whatsapp', model: 'cloud-api', timeoutMs: config.whatsapp.timeoutMs, signal: jobSignal(req.signal), calls },
          (s) => whatsapp.sendText(req.to, req.body, s),
        );
        return { messageId, calls };
      },
    },

    status: () => providersStatus(),

    refreshStatus: async (signal) => {
      await ollama.refresh(5_000, signal);
      return providersStatus();
    },

    close: async () => {
      closing.abort();
      limiter.close();
    },
  };

  function providersStatus(): ProvidersStatus {
    return {
      ollama: { ...ollama.status(), enabled: true, breaker: breakers.ollama.state },
      gemini: {
        enabled: gemini !== undefined,
        model: config.gemini.model,
        breaker: breakers.gemini.state,
        rateLimit: { rpm: config.gemini.rpm, inWindow: limiter.inWindow, waiting: limiter.pending },
      },
      yolo: { enabled: yolo !== undefined, breaker: breakers.yolo.state },
      whatsapp: { enabled: whatsapp !== undefined, breaker: breakers.whatsapp.state },
      chains: {
        text: config.chains.text.filter((p) => enabled[p]),
        vision: config.chains.vision.filter((p) => enabled[p]),
        detect: config.chains.detect.filter((p) => enabled[p]),
      },
    };
  }
}
