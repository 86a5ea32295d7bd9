// The one typed configuration object, built from the environment at start-up. Every variable has a
// documented default (docs/configuration.md lists them all) and the values are cross-checked, so a
// bad deployment stops at start with a message naming the variable, never half-way through a job.
import { ConfigError } from './errors.ts';
import { readProviderConfig, type ProviderConfig } from './providers/config.ts';
import { EnvReader, type Env } from './env/reader.ts';
import { JOB_TYPES, type JobType } from './job-inputs/job-types.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface WorkerConfig {
  /** Stable id of this daemon in ai_workers; default host:pid:random. */
  id: string | undefined;
  concurrency: number;
  leaseSeconds: number;
  heartbeatSeconds: number;
  sweepSeconds: number;
  stuckSeconds: number;
  shutdownGraceSeconds: number;
  /** Backoff for retries: delay = random(0, min(cap, base * 2^(attempt-1))) — full jitter. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long an outcome (completion, failure, snooze, cancel) waits for others of its kind to share one statement. 0 = flush on the next tick only. */
  completionBatchMs: number;
  /** WORKER_CONCURRENCY_<TYPE>: at most this many handlers of the type at once; unset types share WORKER_CONCURRENCY. */
  typeConcurrency: Partial<Record<JobType, number>>;
  /** Snoozes (provider chain open, attempt refunded) a job may take before an outage burns its attempts. */
  maxSnoozes: number;
}

/** The per-type caps' variable names, spelled out so docs and checks can find each one. */
export const TYPE_CONCURRENCY_VARS: Record<JobType, string> = {
  sofia_image: 'WORKER_CONCURRENCY_SOFIA_IMAGE',
  medical_exam: 'WORKER_CONCURRENCY_MEDICAL_EXAM',
  unified_assistant: 'WORKER_CONCURRENCY_UNIFIED_ASSISTANT',
  meal_plan: 'WORKER_CONCURRENCY_MEAL_PLAN',
  whatsapp_message: 'WORKER_CONCURRENCY_WHATSAPP_MESSAGE',
  healthcheck: 'WORKER_CONCURRENCY_HEALTHCHECK',
};

function readTypeConcurrency(r: EnvReader, concurrency: number): Partial<Record<JobType, number>> {
  const out: Partial<Record<JobType, number>> = {};
  for (const type of JOB_TYPES) {
    // 0 (the default) = no cap of its own; a cap above WORKER_CONCURRENCY changes nothing.
    const cap = r.int(TYPE_CONCURRENCY_VARS[type], 0, 0, 1000);
    if (cap > 0 && cap < concurrency) out[type] = cap;
  }
  return out;
}

export interface DatabaseConfig {
  url: string;
  poolMax: number;
  statementTimeoutMs: number;
  /** Bounds every query of the listening connection, so its liveness check cannot hang. */
  listenerQueryTimeoutMs: number;
  /** How often the listening connection is pinged; a dead or half-open one is replaced. */
  listenerPingMs: number;
}

export interface AppConfig {
  database: DatabaseConfig;
  worker: WorkerConfig;
  /** opsToken: OPS_TOKEN guards /health/detailed, /metrics and /dashboard (loopback only when unset). */
  http: { port: number; host: string; opsToken: string | undefined };
  logLevel: LogLevel;
  providers: ProviderConfig;
  /** Largest image or document accepted, decoded (SOFIA_MAX_IMAGE_BYTES). */
  maxImageBytes: number;
  /** Accept http:// image URLs (local tests and the demo only; production wants https). */
  allowHttpImageUrls: boolean;
  /** Serve the gateway's edge-function handlers at /functions/v1/<name> from the daemon. */
  serveFunctions: boolean;
  /** Apply sql/ migrations at start (WORKER_MIGRATE); false where the Supabase CLI owns them. */
  migrate: boolean;
  /** The daemon's own alerting for teams without Prometheus (src/ops/alerts.ts); off without a URL. */
  alerts: { webhookUrl: string | undefined; evaluationSeconds: number };
  /** Seconds a result stays in analysis_cache per type; 0 = never cached (chat turns). */
  cacheTtlSeconds: Record<JobType, number>;
  /** Deadline of the model's urgency second opinion in assistant turns; 0 = detector only (docs/urgency.md). */
  assistantTriageTimeoutMs: number;
  /** Who may ask for what, how much work one document may cost, how long health data is kept (docs/security.md). */
  safety: SafetyConfig;
}

export interface SafetyConfig {
  /** The only owner a whatsapp_message job may have (the signed webhook's service identity). */
  whatsappServiceUserId: string;
  /** Largest PDF accepted, decoded (PDF_MAX_BYTES); lab reports are a few hundred KB. */
  maxDocumentBytes: number;
  /** PDF text extraction: characters kept, wall-clock deadline and heap of the sandbox thread. */
  pdfMaxChars: number;
  pdfTimeoutMs: number;
  pdfMemoryMb: number;
  /** Lab report parse (src/labs/parse-sandbox.ts): wall-clock deadline and heap of the sandbox thread. */
  labParseTimeoutMs: number;
  labParseMemoryMb: number;
  /** Images wider × taller than this are refused before any model sees them. */
  maxImagePixels: number;
  /** When non-empty, media URLs may only point at these hosts (exact names, e.g. the Supabase Storage host). */
  mediaUrlAllowHosts: string[];
  /** Local development and tests only: media URLs may point at loopback and private addresses. */
  mediaUrlAllowPrivate: boolean;
  /** Finished jobs are deleted after this many days; media leaves their input after this many hours. */
  jobRetentionDays: number;
  jobInputRetentionHours: number;
}

/** Owner of WhatsApp jobs when no app user is known: the nil UUID, which no auth user ever has. */
export const DEFAULT_WHATSAPP_SERVICE_USER_ID = '00000000-0000-0000-0000-000000000000';
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readSafetyConfig(r: EnvReader): SafetyConfig {
  const whatsappServiceUserId = r.string('WHATSAPP_SERVICE_USER_ID', DEFAULT_WHATSAPP_SERVICE_USER_ID).toLowerCase();
  if (!UUID_PATTERN.test(whatsappServiceUserId)) r.problems.push('WHATSAPP_SERVICE_USER_ID must be a UUID');
  const hosts = (r.optionalString('MEDIA_URL_ALLOW_HOSTS') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return {
    whatsappServiceUserId,
    // A lab report PDF is 50 KB–2 MB; 5 MB leaves room for a scanned page or two.
    maxDocumentBytes: r.int('PDF_MAX_BYTES', 5 * 1024 * 1024, 1024, 50 * 1024 * 1024),
    pdfMaxChars: r.int('PDF_MAX_TEXT_CHARS', 200_000, 1_000, 10_000_000),
    pdfTimeoutMs: r.int('PDF_PARSE_TIMEOUT_MS', 20_000, 100, 600_000),
    pdfMemoryMb: r.int('PDF_PARSE_MEMORY_MB', 256, 32, 4096),
    // The defaults of LAB_PARSE_LIMITS (src/labs/parse-sandbox.ts), where the measurement behind them is.
    labParseTimeoutMs: r.int('LAB_PARSE_TIMEOUT_MS', 30_000, 100, 600_000),
    labParseMemoryMb: r.int('LAB_PARSE_MEMORY_MB', 256, 32, 4096),
    // 50 megapixels: above every phone camera in use (a 200 MP sensor bins to 12.5 MP by default).
    maxImagePixels: r.int('IMAGE_MAX_PIXELS', 50_000_000, 10_000, 1_000_000_000),
    mediaUrlAllowHosts: hosts,
    mediaUrlAllowPrivate: r.bool('MEDIA_URL_ALLOW_PRIVATE', false),
    jobRetentionDays: r.int('JOB_RETENTION_DAYS', 30, 1, 3650),
    jobInputRetentionHours: r.int('JOB_INPUT_RETENTION_HOURS', 24, 1, 87_600),
  };
}

/** Results that depend only on their input are cached; conversation turns are not. */
export const DEFAULT_CACHE_TTL_SECONDS: Record<JobType, number> = {
  sofia_image: 7 * 86_400,
  medical_exam: 30 * 86_400,
  meal_plan: 30 * 86_400,
  unified_assistant: 0,
  whatsapp_message: 0,
  healthcheck: 0,
};

export function readCacheTtls(r: EnvReader): Record<JobType, number> {
  const out = {} as Record<JobType, number>;
  for (const type of JOB_TYPES) {
    out[type] = r.int(`CACHE_TTL_${type.toUpperCase()}_SECONDS`, DEFAULT_CACHE_TTL_SECONDS[type], 0, 365 * 86_400);
  }
  return out;
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function readDatabaseConfig(r: EnvReader): DatabaseConfig {
  return {
    url: r.url('DATABASE_URL', DEFAULT_DATABASE_URL, ['postgres:', 'postgresql:']),
    poolMax: r.int('DATABASE_POOL_MAX', 10, 2, 200),
    statementTimeoutMs: r.int('DATABASE_STATEMENT_TIMEOUT_MS', 15_000, 100, 600_000),
    listenerQueryTimeoutMs: r.int('LISTENER_QUERY_TIMEOUT_MS', 3_000, 100, 60_000),
    listenerPingMs: r.int('LISTENER_PING_MS', 5_000, 200, 300_000),
  };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const r = new EnvReader(env);
  const database = readDatabaseConfig(r);
  const worker: WorkerConfig = {
    id: r.optionalString('WORKER_ID'),
    // AI jobs wait on providers (2–8 s each) and use almost no CPU: by Little's law 5 jobs/s needs
    // ~25 in flight; 50 leaves room for the slow tail. bench:worker measured 0.71 jobs/s at 5 and
    // 6.8 jobs/s (p95 13.4 s, 0.09 cores) at 50. Lower it to what the providers serve in parallel.
    concurrency: r.int('WORKER_CONCURRENCY', 50, 1, 1000),
    leaseSeconds: r.int('WORKER_LEASE_SECONDS', 30, 1, 3600),
    heartbeatSeconds: r.int('WORKER_HEARTBEAT_SECONDS', 10, 1, 3600),
    sweepSeconds: r.int('WORKER_SWEEP_SECONDS', 30, 1, 3600),
    stuckSeconds: r.int('WORKER_STUCK_SECONDS', 300, 1, 86_400),
    shutdownGraceSeconds: r.int('WORKER_SHUTDOWN_GRACE_SECONDS', 25, 0, 3600),
    retryBaseMs: r.int('WORKER_RETRY_BASE_MS', 2_000, 1, 3_600_000),
    retryMaxMs: r.int('WORKER_RETRY_MAX_MS', 300_000, 1, 86_400_000),
    completionBatchMs: r.int('WORKER_COMPLETION_BATCH_MS', 2, 0, 1000),
    typeConcurrency: {},
    // 30 snoozes at the default 30 s breaker cool-down: a quarter of an hour of outage costs no attempt.
    maxSnoozes: r.int('WORKER_MAX_SNOOZES', 30, 0, 1000),
  };
  worker.typeConcurrency = readTypeConcurrency(r, worker.concurrency);
  const http = { port: r.int('PORT', 8080, 0, 65535), host: r.string('HOST', '0.0.0.0'), opsToken: r.optionalString('OPS_TOKEN') };
  if (http.opsToken !== undefined && http.opsToken.length < 16) r.problems.push('OPS_TOKEN: expected at least 16 characters (e.g. openssl rand -hex 24)');
  const logLevel = r.oneOf('LOG_LEVEL', LOG_LEVELS, 'info');

  // Cross-checks: values that are each valid but wrong together.
  if (worker.heartbeatSeconds >= worker.leaseSeconds) {
    r.problems.push(
      `WORKER_HEARTBEAT_SECONDS (${worker.heartbeatSeconds}) must be shorter than WORKER_LEASE_SECONDS (${worker.leaseSeconds}), ` +
        'or leases lapse between renewals',
    );
  }
  if (worker.retryBaseMs > worker.retryMaxMs) {
    r.problems.push(`WORKER_RETRY_BASE_MS (${worker.retryBaseMs}) must not exceed WORKER_RETRY_MAX_MS (${worker.retryMaxMs})`);
  }
  if (worker.stuckSeconds <= worker.heartbeatSeconds) {
    r.problems.push(`WORKER_STUCK_SECONDS (${worker.stuckSeconds}) must be longer than WORKER_HEARTBEAT_SECONDS (${worker.heartbeatSeconds})`);
  }
  if (database.poolMax < 2) {
    r.problems.push('DATABASE_POOL_MAX must be at least 2');
  }

  const cacheTtlSeconds = readCacheTtls(r);
  const maxImageBytes = r.int('SOFIA_MAX_IMAGE_BYTES', 8 * 1024 * 1024, 1024, 50 * 1024 * 1024);
  const allowHttpImageUrls = r.bool('IMAGE_URL_ALLOW_HTTP', false);
  const serveFunctions = r.bool('SERVE_FUNCTIONS', false);
  const assistantTriageTimeoutMs = r.int('ASSISTANT_TRIAGE_TIMEOUT_MS', 2_500, 0, 60_000);
  const migrate = r.bool('WORKER_MIGRATE', true);
  const alertWebhook = r.optionalString('ALERT_WEBHOOK_URL');
  const alerts = {
    webhookUrl: alertWebhook === undefined ? undefined : r.url('ALERT_WEBHOOK_URL', alertWebhook, ['https:', 'http:']),
    evaluationSeconds: r.int('ALERT_EVALUATION_SECONDS', 60, 1, 3600),
  };
  const safety = readSafetyConfig(r);
  // The same reader: its problems are collected with the rest.
  const providers = readProviderConfig(r);

  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return {
    database,
    worker,
    http,
    logLevel,
    providers: providers.config,
    cacheTtlSeconds,
    maxImageBytes,
    allowHttpImageUrls,
    serveFunctions,
    assistantTriageTimeoutMs,
    migrate,
    alerts,
    safety,
  };
}
