// The queue operations behind the functions: enqueue (idempotent, cache-aware), status and cancel.
// Inserts run as the database owner with the user id from the verified token; reads and cancels run
// as that user under RLS, so another user's job is indistinguishable from a missing one.
import type pg from 'pg';
import { cacheKeyFor, HANDLER_VERSIONS } from '../cache/key.ts';
import { lookupCache } from '../cache/store.ts';
import { validateInput, type JobType } from '../job-inputs/index.ts';
import { InvalidInputError } from '../errors.ts';
import type { GatewayConfig } from './config.ts';
import { asUser } from './db.ts';
import { HttpError } from './http.ts';

export interface EnqueueRequest {
  type: JobType;
  /** The input as the client sent it (already validated); stored verbatim for the worker. */
  input: unknown;
  idempotencyKey?: string;
  priority?: number;
}

export type EnqueueOutcome =
  | { kind: 'cached'; result: unknown }
  | { kind: 'job'; jobId: string; status: string; result: unknown; error: unknown; replay: boolean; estimatedSeconds: number };

/**
 * What a signed-in user may ask for through enqueue-analysis. whatsapp_message jobs come only from the
 * signed webhook (the business's number would otherwise message any phone with text a user steers)
 * and healthcheck jobs only from operators, through SQL or the CLI (its delay_ms × fail_times holds a
 * worker slot for minutes).
 */
export const USER_JOB_TYPES: readonly JobType[] = ['sofia_image', 'medical_exam', 'unified_assistant', 'meal_plan'];

export function isUserJobType(type: JobType): boolean {
  return USER_JOB_TYPES.includes(type);
}

/** Typical seconds per type when there is no history yet. */
export const DEFAULT_ESTIMATE_SECONDS: Record<JobType, number> = {
  sofia_image: 8,
  medical_exam: 15,
  unified_assistant: 6,
  meal_plan: 5,
  whatsapp_message: 8,
  healthcheck: 1,
};

/** Checks the request fields shared by enqueue-analysis and the AI functions; 400 with field paths. */
export function parseJobOptions(body: Record<string, unknown>): { idempotencyKey?: string; priority?: number } {
  const fields: string[] = [];
  const out: { idempotencyKey?: string; priority?: number } = {};
  const key = body.idempotency_key;
  if (key !== undefined && key !== null) {
    if (typeof key !== 'string' || key.length < 1 || key.length > 200 || key.includes('\u0000')) fields.push('idempotency_key');
    else out.idempotencyKey = key;
  }
  const priority = body.priority;
  if (priority !== undefined && priority !== null) {
    // Users may lower their own work's priority (higher numbers run later), never jump the queue.
    if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0 || priority > 100) fields.push('priority');
    else out.priority = priority;
  }
  if (fields.length) {
    throw new HttpError(400, 'invalid_input', `invalid ${fields.join(', ')}: idempotency_key is 1–200 characters, priority an integer from 0 to 100`, {
      fields,
    });
  }
  return out;
}

export function validateFor(config: GatewayConfig, type: JobType, input: unknown): void {
  try {
    validateInput(type, input, { maxImageBytes: config.maxImageBytes, maxDocumentBytes: config.maxDocumentBytes, allowHttp: config.allowHttpImageUrls });
  } catch (err) {
    if (err instanceof InvalidInputError) throw new HttpError(400, 'invalid_input', err.message, { fields: err.fields ?? ['input'] });
    throw err;
  }
}

const SELECT_BY_KEY = `
select id, status, result, error from public.analysis_jobs where user_id = $1 and idempotency_key = $2`;

// The insert with the per-user cap, atomically (sql/022_active_job_cap.sql).
const INSERT = `
select id, status, result, error, outcome
  from public.enqueue_analysis_job($1, $2, $3::jsonb, $4::smallint, $5, $6, $7, $8)`;

/** Seconds a capped user is asked to wait: about one typical analysis. */
export const ACTIVE_CAP_RETRY_AFTER_SECONDS = 15;

export function tooManyActiveJobs(max: number): HttpError {
  return new HttpError(429, 'too_many_active_jobs', `you already have ${max} analyses waiting or running; wait for one to finish`, {
    headers: { 'Retry-After': String(ACTIVE_CAP_RETRY_AFTER_SECONDS) },
  });
}

/** The last 50 completions of a type; exported for bench/queue-explain.ts. */
export const ESTIMATE_SQL = `
select avg(extract(epoch from completed_at - started_at))::float8 as seconds
  from (select started_at, completed_at from public.analysis_jobs
         where type = $1 and status = 'completed' and started_at is not null and completed_at is not null
         order by completed_at desc limit 50) recent`;

interface JobRow {
  id: string;
  status: string;
  result: unknown;
  error: unknown;
}

export class JobService {
  private readonly estimates = new Map<JobType, { seconds: number; at: number }>();

  constructor(
    private readonly pool: () => pg.Pool,
    private readonly config: GatewayConfig,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Cache lookup only (no job); undefined when the input cannot be keyed or nothing is stored. */
  async cached(type: JobType, input: unknown, userId: string): Promise<{ key: string | undefined; result: unknown | undefined }> {
    const key = await cacheKeyFor(type, input, userId);
    if (!key) return { key, result: undefined };
    return { key, result: await lookupCache(this.pool(), key) };
  }

  async enqueue(userId: string, req: EnqueueRequest, options: { skipCache?: boolean } = {}): Promise<EnqueueOutcome> {
    const pool = this.pool();
    if (req.idempotencyKey) {
      const existing = (await pool.query<JobRow>(SELECT_BY_KEY, [userId, req.idempotencyKey])).rows[0];
      if (existing) return this.outcome(req.type, existing, true);
    }
    let key: string | undefined;
    if (!options.skipCache) {
      const hit = await this.cached(req.type, req.input, userId);
      if (hit.result !== undefined) return { kind: 'cached', result: hit.result };
      key = hit.key;
    } else {
      key = await cacheKeyFor(req.type, req.input, userId);
    }
    // The WhatsApp service identity owns every WhatsApp job: its volume is bounded per sender by the
    // webhook's rate limit, not by the per-user cap, which would silence the whole channel at 20.
    const cap = userId === this.config.whatsapp.serviceUserId ? null : this.config.maxActiveJobsPerUser;
    const values = [
      userId,
      req.type,
      JSON.stringify(req.input ?? {}),
      req.priority ?? 0,
      req.idempotencyKey ?? null,
      key ?? null,
      HANDLER_VERSIONS[req.type],
      cap,
    ];
    const inserted = (await pool.query<JobRow & { outcome: string }>(INSERT, values)).rows[0];
    if (inserted?.outcome === 'too_many_active') throw tooManyActiveJobs(cap!);
    if (inserted) return this.outcome(req.type, inserted, inserted.outcome === 'existing');
    // Lost the race to a concurrent request with the same key: its row is the answer.
    const winner = (await pool.query<JobRow>(SELECT_BY_KEY, [userId, req.idempotencyKey])).rows[0];
    if (!winner) throw new Error('idempotency conflict without a row');
    return this.outcome(req.type, winner, true);
  }

  private async outcome(type: JobType, row: JobRow, replay: boolean): Promise<EnqueueOutcome> {
    return { kind: 'job', jobId: row.id, status: row.status, result: row.result, error: row.error, replay, estimatedSeconds: await this.estimate(type) };
  }

  /** Mean run time of the last 50 completed jobs of the type, cached per instance for 30 s. */
  async estimate(type: JobType): Promise<number> {
    const cached = this.estimates.get(type);
    if (cached && this.now() - cached.at < 30_000) return cached.seconds;
    const { rows } = await this.pool().query<{ seconds: number | null }>(ESTIMATE_SQL, [type]);
    const avg = rows[0]?.seconds;
    const seconds = avg === null || avg === undefined ? DEFAULT_ESTIMATE_SECONDS[type] : Math.max(1, Math.round(avg));
    this.estimates.set(type, { seconds, at: this.now() });
    return seconds;
  }

  async status(claims: Record<string, unknown>, jobId: string): Promise<Record<string, unknown> | undefined> {
    return asUser(this.pool(), claims, async (c) => {
      const { rows } = await c.query(
        `select id as job_id, type, status, result, error, attempts, created_at, started_at, completed_at
           from public.analysis_jobs where id = $1`,
        [jobId],
      );
      return rows[0];
    });
  }

  async cancel(claims: Record<string, unknown>, jobId: string): Promise<string> {
    return asUser(this.pool(), claims, async (c) => {
      const { rows } = await c.query<{ r: string }>('select public.request_analysis_cancel($1) as r', [jobId]);
      return rows[0]!.r;
    });
  }

  /** Whether any daemon heartbeat is fresher than workerFreshSeconds (database clock). */
  async workerSeen(): Promise<boolean> {
    const { rows } = await this.pool().query<{ seen: boolean }>(
      `select exists(select 1 from public.ai_workers
                      where status = 'running' and last_seen_at > now() - make_interval(secs => $1)) as seen`,
      [this.config.workerFreshSeconds],
    );
    return rows[0]?.seen === true;
  }
}

export function statusUrl(config: GatewayConfig, req: Request, jobId: string): string {
  const base = config.publicUrl ?? new URL(req.url).origin;
  return `${base}/functions/v1/get-analysis-status?job_id=${jobId}`;
}

/** The 200/202 body of an enqueue outcome. */
export function enqueueBody(config: GatewayConfig, req: Request, outcome: EnqueueOutcome): { status: number; body: Record<string, unknown> } {
  if (outcome.kind === 'cached') return { status: 200, body: { status: 'completed', result: outcome.result, cached: true } };
  const terminal = outcome.status === 'completed' || outcome.status === 'failed' || outcome.status === 'cancelled';
  const body: Record<string, unknown> = {
    job_id: outcome.jobId,
    status: outcome.status,
    status_url: statusUrl(config, req, outcome.jobId),
    estimated_seconds: outcome.estimatedSeconds,
  };
  if (outcome.replay) body.idempotent_replay = true;
  if (terminal) {
    body.result = outcome.result ?? null;
    body.error = outcome.error ?? null;
  }
  return { status: terminal ? 200 : 202, body };
}
