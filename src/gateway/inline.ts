// The synchronous path: the same handler the worker runs, called inline within the edge budget.
// The gateway only sees `runInline`; the daemon builds it from its HandlerRegistry, and a Deno entry
// tries to load the whole handler set (see loadBundledRunInline) and otherwise runs without one, in
// which case every "sync" request is enqueued instead.
import type { Env } from '../config.ts';
import type { JobType } from '../schemas.ts';
import type { HandlerResult, JobHandler } from '../handlers/types.ts';

export interface InlineContext {
  /** The verified user (or the WhatsApp service identity) the work is for. */
  userId: string;
}

export type RunInline = (type: JobType, input: unknown, signal: AbortSignal, ctx?: InlineContext) => Promise<HandlerResult>;

/** Thrown by a RunInline that has no handler for the type: the gateway enqueues instead. */
export class SyncUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncUnavailableError';
  }
}

export interface HandlerLookup {
  get(type: string): JobHandler;
  types(): string[];
}

export function runInlineFromRegistry(registry: HandlerLookup): RunInline {
  return async (type, input, signal, ctx) => {
    if (!registry.types().includes(type)) throw new SyncUnavailableError(`no inline handler for ${type}`);
    const handler = registry.get(type);
    return handler.run(input, {
      jobId: `inline-${crypto.randomUUID()}`,
      userId: ctx?.userId ?? '',
      type,
      attempt: 1,
      maxAttempts: 1,
      signal,
      calls: [],
    });
  };
}

/**
 * Loads the daemon's handler set into this process (Deno entries). Needs every module the handlers
 * import to resolve through the import map (providers' npm packages included); anything missing
 * makes this return undefined, and the function then treats the sync path as unavailable.
 */
export async function loadBundledRunInline(env: Env, timeoutMs = 10_000): Promise<{ runInline: RunInline; close(): Promise<void> } | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const load = async () => {
    const [{ loadConfig }, { createPool }, { EventBus }, { createProviders }, { defaultHandlers }, { HandlerRegistry }] = await Promise.all([
      import('../config.ts'),
      import('../db/pool.ts'),
      import('../events.ts'),
      import('../providers/index.ts'),
      import('../handlers/index.ts'),
      import('../handlers/registry.ts'),
    ]);
    // On Supabase the database arrives as SUPABASE_DB_URL; the daemon's config reads DATABASE_URL.
    const config = loadConfig({ ...env, DATABASE_URL: env.SUPABASE_DB_URL ?? env.DATABASE_URL });
    const events = new EventBus();
    const pool = createPool({ ...config.database, poolMax: 2 }, 'ai-worker-gateway-inline', events);
    const providers = createProviders(config.providers, events);
    const registry = new HandlerRegistry(defaultHandlers({ pool, providers, events, config }));
    return {
      runInline: runInlineFromRegistry(registry),
      close: async () => {
        await providers.close().catch(() => {});
        await pool.end().catch(() => {});
      },
    };
  };
  try {
    return await Promise.race([
      load(),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), timeoutMs);
      }),
    ]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
