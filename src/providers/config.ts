// Provider settings from the environment. Every variable has a documented default; a bad value
// is reported (never silently replaced) so the daemon refuses to start with a clear list.
import type { ProviderName } from '../events.ts';
import { EnvReader, type Env } from '../env/reader.ts';

export type TextProvider = 'ollama' | 'gemini';
export type DetectProvider = 'yolo' | 'ollama' | 'gemini';

export interface ProviderConfig {
  yolo: { url: string | undefined; apiKey: string | undefined; timeoutMs: number };
  ollama: { host: string; model: string; visionModel: string; timeoutMs: number };
  gemini: { apiKey: string | undefined; model: string; baseUrl: string | undefined; rpm: number; timeoutMs: number };
  chains: { text: TextProvider[]; vision: TextProvider[]; detect: DetectProvider[] };
  breaker: { failures: number; cooldownMs: number };
  retry: {
    retries: number;
    /** Full-jitter backoff: first retry waits up to baseMs, never more than maxMs. */
    baseMs: number;
    maxMs: number;
    /** A 429 asking for a longer wait goes back to the queue instead of holding a worker slot. */
    maxWaitMs: number;
  };
  whatsapp: { token: string | undefined; phoneNumberId: string | undefined; apiUrl: string; timeoutMs: number };
}

export interface ProviderEnvDoc {
  name: string;
  default: string;
  description: string;
}

/** The documented environment, in the order an operator reads it. */
export const PROVIDER_ENV: readonly ProviderEnvDoc[] = [
  {
    name: 'YOLO_URL',
    default: '(unset: YOLO disabled)',
    description: 'Full URL of the YOLO detect endpoint (multipart `file`, `conf`, `iou`), e.g. http://yolo:8000/detect',
  },
  { name: 'YOLO_API_KEY', default: '(unset)', description: 'Sent as `Authorization: Bearer …` when set' },
  { name: 'YOLO_TIMEOUT_MS', default: '15000', description: 'Per-request timeout, 100–600000' },
  { name: 'OLLAMA_HOST', default: 'http://127.0.0.1:11434', description: "Ollama server, in Ollama's own convention (`host`, `host:port`, `:port` or a URL)" },
  { name: 'OLLAMA_MODEL', default: 'llama3.1:8b', description: 'Text model' },
  { name: 'OLLAMA_VISION_MODEL', default: 'llava:7b', description: 'Vision model (images in chat)' },
  { name: 'OLLAMA_TIMEOUT_MS', default: '60000', description: 'Per-request timeout, 100–600000' },
  { name: 'GEMINI_API_KEY', default: '(unset: Gemini disabled)', description: 'Gemini API key (sent as `x-goog-api-key`)' },
  { name: 'GEMINI_MODEL', default: 'gemini-2.5-flash', description: 'Model for text, vision and detection fallback' },
  { name: 'GEMINI_BASE_URL', default: '(unset: Google endpoint)', description: 'Base URL override, for the local emulator' },
  { name: 'GEMINI_RPM', default: '10', description: 'Requests per rolling 60 s across the whole daemon, 1–10000' },
  { name: 'GEMINI_TIMEOUT_MS', default: '60000', description: 'Per-request timeout, 100–600000' },
  { name: 'PROVIDER_TEXT_CHAIN', default: 'ollama,gemini', description: 'Fallback order for text; any of ollama, gemini' },
  { name: 'PROVIDER_VISION_CHAIN', default: 'ollama,gemini', description: 'Fallback order for image questions; any of ollama, gemini' },
  { name: 'PROVIDER_DETECT_CHAIN', default: 'yolo,gemini', description: 'Fallback order for food detection; any of yolo, gemini, ollama' },
  { name: 'BREAKER_FAILURES', default: '5', description: 'Consecutive failures that open a provider circuit, 1–1000' },
  { name: 'BREAKER_COOLDOWN_MS', default: '30000', description: 'Open-circuit time before a probe, 100–3600000' },
  { name: 'PROVIDER_RETRIES', default: '2', description: 'In-call retries per provider on transient errors, 0–10' },
  { name: 'WHATSAPP_TOKEN', default: '(unset: WhatsApp sending disabled)', description: 'Cloud API bearer token' },
  { name: 'WHATSAPP_PHONE_NUMBER_ID', default: '(unset: WhatsApp sending disabled)', description: 'Sender phone number id' },
  { name: 'WHATSAPP_API_URL', default: 'https://graph.facebook.com/v21.0', description: 'Graph API base including the version' },
];

/** A markdown table of PROVIDER_ENV for docs/providers.md and `--help`. */
export function providerEnvMarkdown(): string {
  const rows = PROVIDER_ENV.map((d) => `| \`${d.name}\` | ${d.default} | ${d.description} |`);
  return ['| Variable | Default | Meaning |', '|---|---|---|', ...rows].join('\n');
}

/** Reads with the one EnvReader; pass the daemon's reader to collect its problems with the rest. */
export function readProviderConfig(source: Env | EnvReader): { config: ProviderConfig; problems: string[] } {
  const r = source instanceof EnvReader ? source : new EnvReader(source);
  const problems = r.problems;
  const chain = <P extends ProviderName>(name: string, def: P[], allowed: readonly P[]): P[] => r.list(name, allowed, def);

  const ollamaRaw = r.optionalString('OLLAMA_HOST');
  let ollamaHost = 'http://127.0.0.1:11434';
  if (ollamaRaw !== undefined) {
    const normalised = normaliseOllamaHost(ollamaRaw);
    if (normalised) ollamaHost = normalised;
    else problems.push(`OLLAMA_HOST=${JSON.stringify(ollamaRaw)}: must be host, host:port, :port or an http(s) URL`);
  }

  const config: ProviderConfig = {
    yolo: {
      url: r.httpUrl('YOLO_URL', undefined),
      apiKey: r.optionalString('YOLO_API_KEY'),
      timeoutMs: r.int('YOLO_TIMEOUT_MS', 15_000, 100, 600_000),
    },
    ollama: {
      host: ollamaHost,
      model: r.optionalString('OLLAMA_MODEL') ?? 'llama3.1:8b',
      visionModel: r.optionalString('OLLAMA_VISION_MODEL') ?? 'llava:7b',
      timeoutMs: r.int('OLLAMA_TIMEOUT_MS', 60_000, 100, 600_000),
    },
    gemini: {
      apiKey: r.optionalString('GEMINI_API_KEY'),
      model: r.optionalString('GEMINI_MODEL') ?? 'gemini-2.5-flash',
      baseUrl: r.httpUrl('GEMINI_BASE_URL', undefined),
      rpm: r.int('GEMINI_RPM', 10, 1, 10_000),
      timeoutMs: r.int('GEMINI_TIMEOUT_MS', 60_000, 100, 600_000),
    },
    chains: {
      text: chain<TextProvider>('PROVIDER_TEXT_CHAIN', ['ollama', 'gemini'], ['ollama', 'gemini']),
      vision: chain<TextProvider>('PROVIDER_VISION_CHAIN', ['ollama', 'gemini'], ['ollama', 'gemini']),
      detect: chain<DetectProvider>('PROVIDER_DETECT_CHAIN', ['yolo', 'gemini'], ['yolo', 'gemini', 'ollama']),
    },
    breaker: {
      failures: r.int('BREAKER_FAILURES', 5, 1, 1000),
      cooldownMs: r.int('BREAKER_COOLDOWN_MS', 30_000, 100, 3_600_000),
    },
    retry: { retries: r.int('PROVIDER_RETRIES', 2, 0, 10), baseMs: 500, maxMs: 10_000, maxWaitMs: 30_000 },
    whatsapp: {
      token: r.optionalString('WHATSAPP_TOKEN'),
      phoneNumberId: r.optionalString('WHATSAPP_PHONE_NUMBER_ID'),
      apiUrl: r.httpUrl('WHATSAPP_API_URL', 'https://graph.facebook.com/v21.0')!,
      timeoutMs: 15_000,
    },
  };
  for (const name of ['OLLAMA_MODEL', 'OLLAMA_VISION_MODEL', 'GEMINI_MODEL']) {
    const v = r.optionalString(name);
    if (v !== undefined && !/^[\w.:/-]+$/.test(v)) problems.push(`${name}=${JSON.stringify(v)}: must be a model name (letters, digits, . : / _ -)`);
  }
  if (config.whatsapp.phoneNumberId !== undefined && !/^\d+$/.test(config.whatsapp.phoneNumberId)) {
    problems.push('WHATSAPP_PHONE_NUMBER_ID: must be the numeric phone number id');
  }
  if ((config.whatsapp.token === undefined) !== (config.whatsapp.phoneNumberId === undefined)) {
    problems.push('WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID: set both to enable sending, or neither');
  }
  return { config, problems };
}

/** Ollama's own OLLAMA_HOST rules: no scheme means http and port 11434; ":port" means localhost. */
export function normaliseOllamaHost(raw: string): string | undefined {
  let host = raw.trim();
  let explicit = host.includes('://');
  if (host.startsWith(':')) {
    host = `http://127.0.0.1${host}`;
    explicit = true;
  }
  if (!explicit) host = `http://${host}`;
  try {
    const u = new URL(host);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    const port = u.port || (explicit ? (u.protocol === 'https:' ? '443' : '80') : '11434');
    return `${u.protocol}//${u.hostname}:${port}${u.pathname}`.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/** Whether each provider has what it needs to be called at all. */
export function enabledProviders(config: ProviderConfig): Record<ProviderName, boolean> {
  return {
    yolo: config.yolo.url !== undefined,
    ollama: true,
    gemini: config.gemini.apiKey !== undefined,
    whatsapp: config.whatsapp.token !== undefined && config.whatsapp.phoneNumberId !== undefined,
  };
}
