// The daemon's handler set: one handler per job type, built over the shared services.
import type pg from 'pg';
import { ResultCache } from '../cache/cached.ts';
import type { AppConfig } from '../config.ts';
import type { EventBus } from '../events.ts';
import { loadTacoFromFile } from '../nutrition/taco-file.ts';
import type { Providers } from '../providers/index.ts';
import { healthcheckHandler } from './healthcheck.ts';
import { mealPlanHandler } from './meal-plan.ts';
import { medicalExamHandler } from './medical-exam.ts';
import type { AnalysisDeps } from './shared/analysis.ts';
import { sofiaImageHandler } from './sofia-image.ts';
import type { JobHandler } from './types.ts';
import { unifiedAssistantHandler } from './unified-assistant.ts';
import { whatsappMessageHandler } from './whatsapp-message.ts';

export interface HandlerDeps {
  pool: pg.Pool;
  providers: Providers;
  events: EventBus;
  config: AppConfig;
}

/** The services every analysis runs on: the shared deps plus the result cache and the TACO table. */
export function analysisDeps(deps: HandlerDeps): AnalysisDeps {
  const cache = new ResultCache({ db: deps.pool, events: deps.events, ttlSeconds: deps.config.cacheTtlSeconds });
  // Parsed now, not on the first job: a broken table should stop the daemon at start-up.
  const taco = loadTacoFromFile();
  return { ...deps, cache, taco: () => taco };
}

export function defaultHandlers(deps: HandlerDeps): JobHandler[] {
  const a = analysisDeps(deps);
  return [healthcheckHandler, sofiaImageHandler(a), medicalExamHandler(a), unifiedAssistantHandler(a), mealPlanHandler(a), whatsappMessageHandler(a)];
}
