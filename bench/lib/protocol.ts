// Messages between bench/queue.ts (parent) and a bench worker child, over Node's IPC channel.
export type ChildRequest =
  | { type: 'pickup'; n: number; warmup: number; budgetMs: number; sampleTimeoutMs: number }
  | { type: 'turnaround'; n: number; warmup: number; budgetMs: number; sampleTimeoutMs: number }
  | { type: 'fill'; n: number }
  | { type: 'drain'; n: number; limitMs: number; projectAfterMs: number }
  | { type: 'stop' };

export interface PickupResult {
  /** Milliseconds from just before the INSERT to the handler's first line, one per job. */
  samples: number[];
  requested: number;
  warmup: number;
  timeouts: number;
  /** True when the time budget ended the run before `requested` samples. */
  budgetExhausted: boolean;
}

export interface DrainResult {
  drained: boolean;
  jobs: number;
  /** How long the bulk INSERT itself took (not part of drainMs). */
  insertMs: number;
  /** From the bulk insert's commit to the database showing every job settled (or to giving up). */
  drainMs: number;
  /** Handler runs counted in the worker. */
  handled: number;
  outstanding?: number;
  /** When given up: the drain time the observed rate projects, in seconds. */
  projectedSeconds?: number | null;
}

export type ChildReply =
  | { type: 'ready'; config: Record<string, unknown> }
  | { type: 'pickup'; result: PickupResult }
  | { type: 'turnaround'; result: PickupResult }
  | { type: 'fill'; rows: number; ms: number }
  | { type: 'drain'; result: DrainResult }
  | { type: 'progress'; done: number; elapsedMs: number }
  | { type: 'stopped' }
  | { type: 'error'; error: string };
