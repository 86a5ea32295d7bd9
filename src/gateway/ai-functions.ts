// The five AI functions. Each keeps its old synchronous behaviour (run the handler inline) until its
// flag sends a user to the queue. The routing, in order:
//   cache hit                                  → 200 completed (cached)
//   flag says async, a worker was seen < 60 s  → enqueue → 202 (mode async)
//   flag says async, no worker seen            → sync      (fallback no_worker)
//   flag says async, the enqueue fails         → sync      (fallback enqueue_failed)
//   sync, no handler set here                  → enqueue   (fallback sync_unavailable)
//   sync, past SYNC_BUDGET_MS                  → enqueue   (fallback sync_timeout) → 202
//   sync, transient handler failure            → enqueue   (fallback sync_failed; the queue retries)
//   sync, permanent handler failure            → 422 with the handler's error code
import { storeCache } from '../cache/store.ts';
import { isJobErrorCode } from '../error-codes.ts';
import { JobError, PermanentError, toUserError } from '../errors.ts';
import type { JobType } from '../job-inputs/job-types.ts';
import { frame, noteRoute, rateLimit, type GatewayContext } from './context.ts';
import { isUnavailable, unavailable, withDeadline } from './db.ts';
import { isAsyncFor, type FlagName } from './flags.ts';
import { HttpError, json, methodNotAllowed, readJsonObject, type Handler } from './http.ts';
import { SyncUnavailableError, type RunInline } from './inline.ts';
import { enqueueBody, parseJobOptions, validateFor, type EnqueueOutcome, type EnqueueRequest } from './jobs.ts';

export interface AiSpec {
  type: JobType;
  flag: FlagName;
}

export const AI_FUNCTIONS = {
  'sofia-image-analysis': { type: 'sofia_image', flag: 'SOFIA_USE_ASYNC' },
  'analyze-medical-exam': { type: 'medical_exam', flag: 'EXAMS_USE_ASYNC' },
  'unified-ai-assistant': { type: 'unified_assistant', flag: 'UNIFIED_USE_ASYNC' },
  'whatsapp-ai-assistant': { type: 'whatsapp_message', flag: 'WHATSAPP_USE_ASYNC' },
  'generate-meal-plan-taco': { type: 'meal_plan', flag: 'MEAL_PLAN_USE_ASYNC' },
} as const satisfies Record<string, AiSpec>;

export type AiFunctionName = keyof typeof AI_FUNCTIONS;

export type Fallback = 'no_worker' | 'enqueue_failed' | 'sync_unavailable' | 'sync_timeout' | 'sync_failed' | 'sync_busy';

/**
 * Inline analyses running now, per gateway instance. The synchronous path runs handlers in this
 * process (edge isolate or daemon): past SYNC_MAX_CONCURRENCY further work goes to the queue
 * (fallback sync_busy) instead of piling up here.
 */
const syncInFlight = new WeakMap<GatewayContext, { n: number }>();

export type AiOutcome =
  | { mode: 'sync'; result: unknown; cached?: true; fallback?: Fallback }
  | { mode: 'async'; enqueued: EnqueueOutcome; fallback?: Fallback };

export interface Identity {
  /** Owner of any job row written. */
  userId: string;
  /** Key for the rollout bucket (the user; for WhatsApp, the sender). */
  bucketKey: string;
}

class BudgetExceeded extends Error {
  constructor(ms: number) {
    super(`the synchronous path passed its ${ms} ms budget`);
    this.name = 'TimeoutError';
  }
}

/** Routes one validated request to the cache, the queue or the inline handler (see the table above). */
export async function routeAi(ctx: GatewayContext, spec: AiSpec, who: Identity, request: EnqueueRequest): Promise<AiOutcome> {
  const deadline = ctx.config.db.deadlineMs;
  let key: string | undefined;
  // Once the database has failed this request, no further step waits on it: the whole request
  // stays within one database deadline, and the sync path answers without it.
  let dbDown = false;
  try {
    const hit = await withDeadline(deadline, () => ctx.jobs.cached(spec.type, request.input, who.userId));
    if (hit.result !== undefined) return { mode: 'sync', result: hit.result, cached: true };
    key = hit.key;
  } catch {
    // The cache is an optimisation: its database being away must not stop the sync path.
    dbDown = true;
  }

  const wantAsync = await isAsyncFor(spec.flag, await ctx.flags.value(spec.flag, { refresh: !dbDown }), who.bucketKey);
  let fallback: Fallback | undefined;
  if (wantAsync && dbDown) fallback = 'enqueue_failed';
  else if (wantAsync) {
    try {
      const seen = await withDeadline(deadline, () => ctx.jobs.workerSeen());
      if (seen) {
        const enqueued = await withDeadline(deadline, () => ctx.jobs.enqueue(who.userId, request, { skipCache: true }));
        return { mode: 'async', enqueued };
      }
      fallback = 'no_worker';
    } catch (err) {
      // A user at the active-job cap is told so; running the work inline instead would bypass the cap.
      if (err instanceof HttpError && err.status === 429) throw err;
      fallback = 'enqueue_failed';
    }
  }
  return runSync({ ctx, spec, who, request, key, fallback, dbDown });
}

/** One request on its way to the sync path, and what routing learnt about it on the way. */
interface SyncRequest {
  ctx: GatewayContext;
  spec: AiSpec;
  who: Identity;
  request: EnqueueRequest;
  /** The cache key, when the cache lookup answered. */
  key: string | undefined;
  /** Why the async path was not taken, when it was wanted. */
  fallback: Fallback | undefined;
  /** The database failed earlier in this request: nothing further waits on it. */
  dbDown: boolean;
}

/** The sync slot a request holds, and how to hand the request to the queue instead. */
interface SyncSlot {
  run: RunInline;
  toQueue: (why: Fallback) => Promise<AiOutcome>;
  hold: (work: Promise<unknown>) => void;
}

async function runSync(sync: SyncRequest): Promise<AiOutcome> {
  const { ctx, who, request, dbDown } = sync;
  const toQueue = async (why: Fallback): Promise<AiOutcome> => {
    if (dbDown) throw unavailable();
    const enqueued = await withDeadline(ctx.config.db.deadlineMs, () => ctx.jobs.enqueue(who.userId, request, { skipCache: true }));
    return { mode: 'async', enqueued, fallback: why };
  };
  const run = await ctx.runInline();
  if (!run) return toQueue('sync_unavailable');
  let slots = syncInFlight.get(ctx);
  if (!slots) syncInFlight.set(ctx, (slots = { n: 0 }));
  if (slots.n >= ctx.config.syncMaxConcurrency) return toQueue('sync_busy');
  slots.n++;
  const held = slots;
  // The slot is held until the handler's work ends, not until we answer: a handler past its budget
  // keeps running (and using this process) after its request was handed to the queue.
  let hooked = false;
  const hold = (work: Promise<unknown>) => {
    hooked = true;
    work.then(
      () => held.n--,
      () => held.n--,
    );
  };
  try {
    return await runSyncSlot(sync, { run, toQueue, hold });
  } finally {
    if (!hooked) held.n--;
  }
}

async function runSyncSlot(sync: SyncRequest, { run, toQueue, hold }: SyncSlot): Promise<AiOutcome> {
  const { ctx, spec, who, request, key, fallback, dbDown } = sync;
  const budgetMs = ctx.config.syncBudgetMs;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const overBudget = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = new BudgetExceeded(budgetMs);
      controller.abort(reason);
      reject(reason);
    }, budgetMs);
  });
  const work = run(spec.type, request.input, controller.signal, { userId: who.userId });
  hold(work);
  // A handler that ignores its signal keeps running after we answer; its late failure is expected.
  work.catch(() => {});
  try {
    // Racing the timer, not trusting the handler to honour the signal, bounds the response time.
    const out = await Promise.race([work, overBudget]);
    const ttl = ctx.config.cacheTtlSeconds[spec.type];
    const cacheKey = out.cacheKey ?? key;
    if (cacheKey && ttl > 0 && !dbDown) {
      await withDeadline(ctx.config.db.deadlineMs, () => storeCache(ctx.pool(), cacheKey, spec.type, out.result, ttl)).catch(() => {});
    }
    return fallback ? { mode: 'sync', result: out.result, fallback } : { mode: 'sync', result: out.result };
  } catch (err) {
    if (err instanceof BudgetExceeded) return toQueue('sync_timeout');
    if (err instanceof SyncUnavailableError) return toQueue('sync_unavailable');
    const e = err as { kind?: string; code?: unknown; message?: string; fields?: string[]; userMessage?: unknown };
    if (e.kind === 'permanent') {
      // A permanent error from another copy of errors.ts (a bundle) fails instanceof but has the same fields.
      const job =
        err instanceof JobError
          ? err
          : new PermanentError(isJobErrorCode(e.code) ? e.code : 'handler_error', e.message ?? 'permanent failure', {
              ...(e.fields ? { fields: e.fields } : {}),
              ...(typeof e.userMessage === 'string' ? { userMessage: e.userMessage } : {}),
            });
      // The user reads a code and a Portuguese message, never what a provider said (toUserError).
      const user = toUserError(job);
      throw new HttpError(422, user.code, `the analysis cannot be done with this input (${user.code}); error.user_message says why, in Portuguese`, {
        userMessage: user.message,
        ...(user.fields ? { fields: user.fields } : {}),
      });
    }
    if (e.kind === 'cancelled') throw new HttpError(503, 'cancelled', 'the analysis was interrupted; retry', { headers: { 'Retry-After': '1' } });
    return toQueue('sync_failed');
  } finally {
    clearTimeout(timer);
  }
}

export function aiBody(ctx: GatewayContext, req: Request, outcome: AiOutcome): { status: number; body: Record<string, unknown> } {
  if (outcome.mode === 'sync') {
    const body: Record<string, unknown> = { status: 'completed', result: outcome.result, mode: 'sync' };
    if (outcome.cached) body.cached = true;
    if (outcome.fallback) body.fallback = outcome.fallback;
    return { status: 200, body };
  }
  const { status, body } = enqueueBody(ctx.config, req, outcome.enqueued);
  body.mode = outcome.enqueued.kind === 'cached' ? 'sync' : 'async';
  if (outcome.fallback) body.fallback = outcome.fallback;
  return { status, body };
}

/** Routing errors worth a 503: both the queue and the inline path are out of reach. */
function asHttp(err: unknown): unknown {
  if (err instanceof HttpError) return err;
  return isUnavailable(err) ? unavailable() : err;
}

/** The fields of the app's request that are not part of the job input. */
const REQUEST_FIELDS = new Set(['input', 'idempotency_key', 'priority']);

/** `{input, idempotency_key?, priority?}`, or, for clients of the old functions, the input itself at the top level. */
export function splitAiBody(body: Record<string, unknown>): { input: unknown; idempotencyKey?: string; priority?: number } {
  const options = parseJobOptions(body);
  if (Object.prototype.hasOwnProperty.call(body, 'input')) return { input: body.input, ...options };
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (!REQUEST_FIELDS.has(k)) input[k] = v;
  return { input, ...options };
}

export function aiFunction(ctx: GatewayContext, name: Exclude<AiFunctionName, 'whatsapp-ai-assistant'>): Handler {
  const spec = AI_FUNCTIONS[name];
  return frame(ctx, name, async (req) => {
    if (req.method !== 'POST') throw methodNotAllowed('POST');
    const user = await ctx.verifier.verify(req.headers.get('authorization'));
    rateLimit(ctx.workLimiter, user.id);
    const { input, ...options } = splitAiBody(await readJsonObject(req, ctx.config.maxBodyBytes));
    validateFor(ctx.config, spec.type, input);
    let outcome: AiOutcome;
    try {
      outcome = await routeAi(ctx, spec, { userId: user.id, bucketKey: user.id }, { type: spec.type, input, ...options });
    } catch (err) {
      throw asHttp(err);
    }
    ctx.emit({ fn: name, event: 'route', mode: outcome.mode, ...(outcome.fallback ? { fallback: outcome.fallback } : {}) });
    noteRoute(req, { mode: outcome.mode === 'sync' && outcome.cached ? 'cache' : outcome.mode, fallback: outcome.fallback });
    const { status, body } = aiBody(ctx, req, outcome);
    return json(status, body);
  });
}

export { asHttp as routingError };
