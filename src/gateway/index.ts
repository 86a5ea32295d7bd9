// The gateway: eight web-standard `(req: Request) => Promise<Response>` handlers, written once and
// served by Deno.serve on Supabase (supabase/functions/<name>/index.ts) and by the daemon's fastify
// under /functions/v1/<name> (src/http/functions.ts). The queue functions' Deno entries import
// queue.ts instead (the same handlers, without the AI routing); the AI functions' entries add
// bundled.ts for their sync path.
import { aiFunction } from './ai-functions.ts';
import type { GatewayConfig } from './config.ts';
import { createCore, type GatewayOptions } from './core.ts';
import type { FlagStore } from './flags.ts';
import { HttpError, type Handler } from './http.ts';
import { cancelAnalysis, enqueueAnalysis, getAnalysisStatus } from './queue-functions.ts';
import { whatsappAssistant } from './whatsapp.ts';

export const FUNCTION_NAMES = [
  'enqueue-analysis',
  'get-analysis-status',
  'cancel-analysis',
  'sofia-image-analysis',
  'analyze-medical-exam',
  'unified-ai-assistant',
  'whatsapp-ai-assistant',
  'generate-meal-plan-taco',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export function isFunctionName(name: string): name is FunctionName {
  return (FUNCTION_NAMES as readonly string[]).includes(name);
}

export interface Gateway {
  config: GatewayConfig;
  handlers: Record<FunctionName, Handler>;
  /** Dispatch by function name; unknown names answer 404 in the documented error shape. */
  handle(name: string, req: Request): Promise<Response>;
  flags: FlagStore;
  /** Releases the module-level pool share (if used). Idempotent. */
  close(): Promise<void>;
}

export function createGateway(options: GatewayOptions): Gateway {
  const { config, ctx, close } = createCore(options);
  const handlers: Record<FunctionName, Handler> = {
    'enqueue-analysis': enqueueAnalysis(ctx),
    'get-analysis-status': getAnalysisStatus(ctx),
    'cancel-analysis': cancelAnalysis(ctx),
    'sofia-image-analysis': aiFunction(ctx, 'sofia-image-analysis'),
    'analyze-medical-exam': aiFunction(ctx, 'analyze-medical-exam'),
    'unified-ai-assistant': aiFunction(ctx, 'unified-ai-assistant'),
    'whatsapp-ai-assistant': whatsappAssistant(ctx),
    'generate-meal-plan-taco': aiFunction(ctx, 'generate-meal-plan-taco'),
  };
  return {
    config,
    handlers,
    flags: ctx.flags,
    handle: (name, req) =>
      isFunctionName(name) ? handlers[name](req) : Promise.resolve(new HttpError(404, 'function_not_found', `no function named ${name}`).toResponse()),
    close,
  };
}

export type { GatewayConfig } from './config.ts';
export { readGatewayConfig, MAX_FLAG_CACHE_TTL_MS, DEFAULT_WHATSAPP_SERVICE_USER_ID } from './config.ts';
export { envFromRecord } from '../env/reader.ts';
export type { GatewayRequestLog } from './context.ts';
export { flagBucket, isAsyncFor, parseFlagValue, FlagStore, type FlagValue } from './flags.ts';
export type { Handler } from './http.ts';
export { runInlineFromRegistry, SyncUnavailableError, type RunInline } from './inline.ts';
export type { GatewayOptions } from './core.ts';
