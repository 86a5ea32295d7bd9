// The entry of the three queue functions on Supabase (enqueue-analysis, get-analysis-status,
// cancel-analysis): the same handlers as the full gateway, built without the AI routing, the
// WhatsApp webhook or the handler tree, so their bundles hold only what they run (pg, jose, typebox for the
// job-input schemas, and a few small modules; test/edge-bundles.test.ts checks the import graph).
import { createCore, type GatewayOptions } from './core.ts';
import type { Handler } from './http.ts';
import { cancelAnalysis, enqueueAnalysis, getAnalysisStatus } from './queue-functions.ts';

export const QUEUE_FUNCTION_NAMES = ['enqueue-analysis', 'get-analysis-status', 'cancel-analysis'] as const;
export type QueueFunctionName = (typeof QUEUE_FUNCTION_NAMES)[number];

export interface QueueFunctions {
  handlers: Record<QueueFunctionName, Handler>;
  close(): Promise<void>;
}

export function createQueueFunctions(options: Omit<GatewayOptions, 'runInline' | 'loadRunInline'>): QueueFunctions {
  const { ctx, close } = createCore(options);
  return {
    handlers: {
      'enqueue-analysis': enqueueAnalysis(ctx),
      'get-analysis-status': getAnalysisStatus(ctx),
      'cancel-analysis': cancelAnalysis(ctx),
    },
    close,
  };
}
