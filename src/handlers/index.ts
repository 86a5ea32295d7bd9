// The daemon's handler set: one handler per job type, built over the shared services.
import type pg from 'pg';
import type { AppConfig } from '../config.ts';
import type { EventBus } from '../events.ts';
import type { Providers } from '../providers/index.ts';
import { healthcheckHandler } from './healthcheck.ts';
import type { JobHandler } from './types.ts';

export interface HandlerDeps {
  pool: pg.Pool;
  providers: Providers;
  events: EventBus;
  config: AppConfig;
}

export function defaultHandlers(_deps: HandlerDeps): JobHandler[] {
  return [healthcheckHandler];
}
