// The synchronous path: the same handler the worker runs, called inline within the edge budget.
// The gateway only sees `runInline`; the daemon builds it from its HandlerRegistry, and a Deno entry
// of an AI function tries to load the whole handler set (loadBundledRunInline in bundled.ts, the one
// module that reaches into src/handlers) and otherwise runs without one, in which case every "sync"
// request is enqueued instead.
import type { JobType } from '../job-inputs/job-types.ts';
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
