// When to poll, and when a job counts as slow: pure functions of the job's estimate, the attempt and
// whether Realtime is live, so the pacing can be read and tested apart from any timer.
//
// With Realtime live, polling is only the safety net: the first check comes around the estimate
// (when the answer is due anyway), then backs off to a slow pace. With Realtime down, polling is the
// way the app learns anything: it starts fast and backs off to a short ceiling. Every delay gets
// ±20 % jitter so that many phones that enqueued together do not poll in step.

export interface ScheduleOptions {
  /** Realtime down: first delay and ceiling (ms). */
  downMinMs: number;
  downMaxMs: number;
  /** Realtime live: ceiling of the safety-net polling (ms). */
  liveMaxMs: number;
  /** Growth per attempt. */
  factor: number;
  /** Slow notice after max(estimate × slowFactor, slowMinMs), capped at slowCapMs. */
  slowFactor: number;
  slowMinMs: number;
  slowCapMs: number;
}

export const DEFAULT_SCHEDULE: ScheduleOptions = {
  downMinMs: 1_000,
  downMaxMs: 8_000,
  liveMaxMs: 30_000,
  factor: 1.6,
  slowFactor: 2.5,
  slowMinMs: 15_000,
  slowCapMs: 120_000,
};

/** Delay before poll number `attempt` (0-based). `random` in [0,1). */
export function pollDelayMs(
  attempt: number,
  estimatedSeconds: number,
  realtimeLive: boolean,
  random: () => number = Math.random,
  s: ScheduleOptions = DEFAULT_SCHEDULE,
): number {
  const estimateMs = Math.max(1, estimatedSeconds) * 1000;
  let base: number;
  if (realtimeLive) {
    base = Math.min(s.liveMaxMs, estimateMs * s.factor ** attempt);
  } else {
    // Paced by the estimate: a 2 s job is checked sooner than a 60 s one, never faster than downMinMs.
    const first = Math.max(s.downMinMs, Math.min(estimateMs / 4, s.downMaxMs));
    base = Math.min(s.downMaxMs, first * s.factor ** attempt);
  }
  return Math.round(base * (0.8 + 0.4 * random()));
}

export function slowAfterMs(estimatedSeconds: number, s: ScheduleOptions = DEFAULT_SCHEDULE): number {
  return Math.min(s.slowCapMs, Math.max(s.slowMinMs, Math.max(1, estimatedSeconds) * 1000 * s.slowFactor));
}
