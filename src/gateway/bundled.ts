// The handler set for the sync path of the AI functions' Deno entries. This is the only gateway
// module that reaches src/handlers and the providers (through literal dynamic imports, which the
// Supabase bundler follows): the queue functions (enqueue, status, cancel) never import it, so their
// bundles stay small and need only pg, jose and typebox (the job-input schemas) (test/edge-bundles.test.ts walks the graphs).
import type { Env } from '../env/reader.ts';
import { edgeRunInline } from './edge-limits.ts';
import { runInlineFromRegistry, type RunInline } from './inline.ts';
import { raceTimeout } from '../time/deadline.ts';

/**
 * Loads the daemon's handler set into this process (Deno entries). Needs every module the handlers
 * import to resolve through the import map (providers' npm packages included); anything missing
 * makes this return undefined, and the function then treats the sync path as unavailable.
 */
export async function loadBundledRunInline(env: Env, timeoutMs = 10_000): Promise<{ runInline: RunInline; close(): Promise<void> } | undefined> {
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
      // The Edge Runtime's CPU limit: documents go to the queue (edge-limits.ts).
      runInline: edgeRunInline(runInlineFromRegistry(registry)),
      close: async () => {
        await providers.close().catch(() => {});
        await pool.end().catch(() => {});
      },
    };
  };
  try {
    return await raceTimeout(load(), timeoutMs, () => undefined);
  } catch {
    return undefined;
  }
}
