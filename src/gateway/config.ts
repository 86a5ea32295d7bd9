// The gateway's settings, read through a getter so the same code reads Deno.env.get on Supabase and
// process.env (or a test's record) under Node. Every variable is listed with its default in
// docs/gateway.md. A bad value stops the gateway at construction with every problem named, so a
// misdeployed function fails on its first request's cold start, not half-way through a user's job.
import { ConfigError } from '../errors.ts';
import { DEFAULT_DATABASE_URL, readCacheTtls } from '../config.ts';
import { EnvReader, type EnvGetter } from '../env/reader.ts';
import type { JobType } from '../job-inputs/job-types.ts';
import { FLAG_NAMES, parseFlagValue, type FlagName, type FlagValue } from './flags.ts';

export interface GatewayConfig {
  /** HS256 secret (the project's legacy JWT secret, GATEWAY_JWT_SECRET); undefined = HS256 tokens are refused. */
  jwtSecret: string | undefined;
  /** Expected `iss`: GATEWAY_JWT_ISSUER, else SUPABASE_URL + '/auth/v1'. */
  jwtIssuer: string;
  /** JWKS URL for RS256/ES256 tokens (https, or http on loopback). */
  jwksUrl: string | undefined;
  /** The JWKS the Edge Runtime injects (SUPABASE_JWKS), used before any fetch. */
  injectedJwks: { keys: Array<Record<string, unknown>> } | undefined;
  /** One line per deprecated variable name in use (the daemon logs them). */
  deprecated: string[];
  jwtAudience: string;
  /** Leeway for exp/nbf, for clocks that disagree by a little. */
  jwtClockSkewSeconds: number;
  maxTokenBytes: number;
  /** Base for status_url; SUPABASE_URL on Supabase, else the request's own origin. */
  publicUrl: string | undefined;
  databaseUrl: string;
  db: { poolMax: number; connectTimeoutMs: number; statementTimeoutMs: number; deadlineMs: number };
  maxBodyBytes: number;
  /** Work-creating calls (enqueue, AI functions, cancel) per user per minute. */
  rateLimitPerMinute: number;
  /** Status reads per user per minute; polling is cheap but not free. */
  statusRateLimitPerMinute: number;
  /** Environment values of the rollout flags; a feature_flags row overrides them. */
  flags: Record<FlagName, FlagValue>;
  flagCacheTtlMs: number;
  /** How long the synchronous path may run before the work is handed to the queue. */
  syncBudgetMs: number;
  /** A worker whose last heartbeat is older than this counts as absent (async → sync). */
  workerFreshSeconds: number;
  whatsapp: { appSecret: string | undefined; verifyToken: string | undefined; serviceUserId: string };
  cacheTtlSeconds: Record<JobType, number>;
  /** Accept http:// image URLs in inputs (local emulators only). */
  allowHttpImageUrls: boolean;
  maxImageBytes: number;
  /** Largest PDF accepted, decoded (PDF_MAX_BYTES; images have SOFIA_MAX_IMAGE_BYTES). */
  maxDocumentBytes: number;
  /** Active (pending + processing) jobs one user may have; the insert past it answers 429. */
  maxActiveJobsPerUser: number;
  /** Webhook bodies larger than this are refused before they are read (Meta sends a few KB). */
  whatsappMaxBodyBytes: number;
  /** Synchronous (inline) analyses running at once in this gateway instance; past it work goes to the queue. */
  syncMaxConcurrency: number;
}

/** The cap asked of the flag cache: a rollback by SQL UPDATE is live everywhere within this. */
export const MAX_FLAG_CACHE_TTL_MS = 30_000;
/** Owner of WhatsApp jobs when no app user is known: the nil UUID, which no auth user ever has. */
export const DEFAULT_WHATSAPP_SERVICE_USER_ID = '00000000-0000-0000-0000-000000000000';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The gateway's own names, and the old ones they replace. `supabase secrets set` skips every name
 * that starts with SUPABASE_, so a deployed function can only receive the GATEWAY_* names; the old
 * names still work (the daemon's functions host, local runs) and are reported as deprecated.
 */
export const DEPRECATED_ALIASES: Record<string, string> = {
  GATEWAY_JWT_SECRET: 'SUPABASE_JWT_SECRET',
  GATEWAY_JWT_ISSUER: 'SUPABASE_JWT_ISSUER',
  GATEWAY_JWKS_URL: 'SUPABASE_JWKS_URL',
};

/** Loopback hosts, where a JWKS over plain http is accepted (tests, `supabase start` on a laptop). */
function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** A JWKS document (`{"keys":[…]}`, or a bare array of keys) as the Edge Runtime injects it in SUPABASE_JWKS. */
function parseInjectedJwks(raw: string | undefined, problems: string[]): { keys: Array<Record<string, unknown>> } | undefined {
  if (raw === undefined) return undefined;
  try {
    const value = JSON.parse(raw) as unknown;
    const keys = Array.isArray(value) ? value : (value as { keys?: unknown })?.keys;
    if (Array.isArray(keys) && keys.every((k) => typeof k === 'object' && k !== null)) {
      return keys.length ? { keys: keys as Array<Record<string, unknown>> } : undefined;
    }
  } catch {
    // reported below
  }
  problems.push('SUPABASE_JWKS is not a JSON Web Key Set ({"keys":[…]})');
  return undefined;
}

export function readGatewayConfig(get: EnvGetter): GatewayConfig {
  // Read through the getter: Deno.env has no spread, and a hand-kept list of names would let a
  // forgotten one silently fall back to its default.
  const r = new EnvReader(get);
  const deprecated: string[] = [];
  /** GATEWAY_X, else its deprecated SUPABASE_X alias (noted). */
  const named = (name: keyof typeof DEPRECATED_ALIASES): { value: string | undefined; from: string } => {
    const value = r.optionalString(name);
    if (value !== undefined) return { value, from: name };
    const alias = DEPRECATED_ALIASES[name]!;
    const old = r.optionalString(alias);
    if (old !== undefined) deprecated.push(`${alias} is deprecated: set ${name} instead (supabase secrets set skips SUPABASE_* names)`);
    return { value: old, from: alias };
  };
  const supabaseUrl = r.optionalString('SUPABASE_URL')?.replace(/\/+$/, '');
  const issuer = named('GATEWAY_JWT_ISSUER').value ?? (supabaseUrl ? `${supabaseUrl}/auth/v1` : undefined);
  const secret = named('GATEWAY_JWT_SECRET');
  const jwtSecret = secret.value;
  const jwks = named('GATEWAY_JWKS_URL');
  const injectedJwks = parseInjectedJwks(r.optionalString('SUPABASE_JWKS'), r.problems);
  // Keys fetched over plain http could be swapped by anyone on the path, and with them every token:
  // https only, plain http on a loopback address (tests, a laptop). A URL derived from an internal
  // http SUPABASE_URL (`supabase functions serve`: http://kong:8000) is not used; set
  // GATEWAY_JWKS_URL or rely on the injected SUPABASE_JWKS there.
  const fetchable = (url: string): boolean | undefined => {
    try {
      const u = new URL(url);
      return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHost(u.hostname));
    } catch {
      return undefined;
    }
  };
  let jwksUrl: string | undefined;
  if (jwks.value !== undefined) {
    const ok = fetchable(jwks.value);
    if (ok === undefined) r.problems.push(`${jwks.from} is not a valid URL`);
    else if (!ok) r.problems.push(`${jwks.from} must be an https URL (plain http only on a loopback address)`);
    else jwksUrl = jwks.value;
  } else if (supabaseUrl && fetchable(`${supabaseUrl}/auth/v1/.well-known/jwks.json`)) {
    jwksUrl = `${supabaseUrl}/auth/v1/.well-known/jwks.json`;
  }
  if (!issuer) r.problems.push('GATEWAY_JWT_ISSUER or SUPABASE_URL must be set: tokens are checked against their issuer');
  if (!jwtSecret && !jwksUrl && !injectedJwks)
    r.problems.push('GATEWAY_JWT_SECRET (HS256) or GATEWAY_JWKS_URL/SUPABASE_URL/SUPABASE_JWKS (RS256/ES256) must be set');
  if (jwtSecret && new TextEncoder().encode(jwtSecret).length < 32) r.problems.push(`${secret.from} must be at least 32 bytes`);
  // GATEWAY_DATABASE_URL (e.g. the transaction pooler, port 6543: the gateway uses no LISTEN and no
  // named prepared statements) wins over SUPABASE_DB_URL, which Supabase injects into functions;
  // the daemon and local runs use DATABASE_URL.
  const dbName = ['GATEWAY_DATABASE_URL', 'SUPABASE_DB_URL'].find((n) => r.optionalString(n) !== undefined) ?? 'DATABASE_URL';
  const databaseUrl = r.url(dbName, DEFAULT_DATABASE_URL, ['postgres:', 'postgresql:']);

  const flags = {} as Record<FlagName, FlagValue>;
  for (const name of FLAG_NAMES) {
    const raw = r.optionalString(name);
    const parsed = raw === undefined ? { kind: 'off' as const } : parseFlagValue(raw);
    if (parsed === undefined) r.problems.push(`${name}=${JSON.stringify(raw)}: expected false, true or a percentage like 10%`);
    flags[name] = parsed ?? { kind: 'off' };
  }
  const flagCacheTtlMs = r.int('GATEWAY_FLAG_CACHE_TTL_MS', MAX_FLAG_CACHE_TTL_MS, 0, MAX_FLAG_CACHE_TTL_MS);

  const serviceUserId = r.string('WHATSAPP_SERVICE_USER_ID', DEFAULT_WHATSAPP_SERVICE_USER_ID);
  if (!UUID_RE.test(serviceUserId)) r.problems.push('WHATSAPP_SERVICE_USER_ID must be a UUID');

  const config: GatewayConfig = {
    jwtSecret,
    jwtIssuer: issuer ?? '',
    jwksUrl,
    injectedJwks,
    deprecated,
    jwtAudience: 'authenticated',
    jwtClockSkewSeconds: r.int('GATEWAY_JWT_CLOCK_SKEW_SECONDS', 5, 0, 300),
    maxTokenBytes: r.int('GATEWAY_MAX_TOKEN_BYTES', 8192, 256, 65_536),
    publicUrl: (r.optionalString('GATEWAY_PUBLIC_URL') ?? supabaseUrl)?.replace(/\/+$/, ''),
    databaseUrl,
    db: {
      // Many isolates each hold a pool: 2 keeps a burst of cold starts under the pooler's limit.
      poolMax: r.int('GATEWAY_DB_POOL_MAX', 2, 1, 100),
      connectTimeoutMs: r.int('GATEWAY_DB_CONNECT_TIMEOUT_MS', 1_000, 100, 30_000),
      statementTimeoutMs: r.int('GATEWAY_DB_STATEMENT_TIMEOUT_MS', 1_500, 100, 60_000),
      deadlineMs: r.int('GATEWAY_DB_DEADLINE_MS', 1_800, 100, 60_000),
    },
    maxBodyBytes: r.int('GATEWAY_MAX_BODY_BYTES', 12 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    rateLimitPerMinute: r.int('GATEWAY_RATE_LIMIT_PER_MINUTE', 60, 1, 1_000_000),
    statusRateLimitPerMinute: r.int('GATEWAY_STATUS_RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    flags,
    flagCacheTtlMs,
    syncBudgetMs: r.int('SYNC_BUDGET_MS', 20_000, 100, 400_000),
    workerFreshSeconds: r.int('GATEWAY_WORKER_FRESH_SECONDS', 60, 1, 3600),
    whatsapp: {
      appSecret: r.optionalString('WHATSAPP_APP_SECRET'),
      verifyToken: r.optionalString('WHATSAPP_VERIFY_TOKEN'),
      serviceUserId: serviceUserId.toLowerCase(),
    },
    cacheTtlSeconds: readCacheTtls(r),
    allowHttpImageUrls: r.bool('IMAGE_URL_ALLOW_HTTP', false),
    maxImageBytes: r.int('SOFIA_MAX_IMAGE_BYTES', 8 * 1024 * 1024, 1024, 50 * 1024 * 1024),
    maxDocumentBytes: r.int('PDF_MAX_BYTES', 5 * 1024 * 1024, 1024, 50 * 1024 * 1024),
    maxActiveJobsPerUser: r.int('MAX_ACTIVE_JOBS_PER_USER', 20, 1, 100_000),
    whatsappMaxBodyBytes: r.int('WHATSAPP_MAX_BODY_BYTES', 256 * 1024, 1024, 16 * 1024 * 1024),
    syncMaxConcurrency: r.int('SYNC_MAX_CONCURRENCY', 8, 1, 1000),
  };
  if (config.db.deadlineMs < config.db.connectTimeoutMs) {
    r.problems.push(`GATEWAY_DB_DEADLINE_MS (${config.db.deadlineMs}) must not be shorter than GATEWAY_DB_CONNECT_TIMEOUT_MS (${config.db.connectTimeoutMs})`);
  }
  if (r.problems.length) throw new ConfigError(r.problems);
  return config;
}
