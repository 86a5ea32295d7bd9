// Rollout flags for the AI functions: false, true, or a percentage of users. The bucket is a pure
// function of (flag, user), so a user stays on one side while the percentage holds and raising it
// only ever moves users from sync to async. A `feature_flags` row overrides the environment, read at
// most every flagCacheTtlMs (≤ 30 s), so a rollback is one SQL UPDATE and no redeploy.
import type { SqlClient } from '../db/sql-client.ts';

export const FLAG_NAMES = ['SOFIA_USE_ASYNC', 'EXAMS_USE_ASYNC', 'UNIFIED_USE_ASYNC', 'WHATSAPP_USE_ASYNC', 'MEAL_PLAN_USE_ASYNC'] as const;
export type FlagName = (typeof FLAG_NAMES)[number];

export type FlagValue = { kind: 'off' } | { kind: 'on' } | { kind: 'percent'; percent: number };

/** The same forms the feature_flags CHECK constraint allows: true, false, 0%–100% with ≤ 2 decimals. */
const PERCENT_RE = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)%$/;

export function parseFlagValue(raw: string): FlagValue | undefined {
  const v = raw.trim().toLowerCase();
  if (v === 'false') return { kind: 'off' };
  if (v === 'true') return { kind: 'on' };
  if (PERCENT_RE.test(v)) return { kind: 'percent', percent: Number(v.slice(0, -1)) };
  return undefined;
}

/** 0..9999 from the first 4 bytes of sha256(flag + ':' + user id). Web Crypto, so Deno agrees with Node. */
export async function flagBucket(flag: string, userId: string): Promise<number> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${flag}:${userId}`)));
  const first = ((digest[0]! << 24) >>> 0) + (digest[1]! << 16) + (digest[2]! << 8) + digest[3]!;
  return first % 10_000;
}

export async function isAsyncFor(flag: string, value: FlagValue, userId: string): Promise<boolean> {
  if (value.kind === 'off') return false;
  if (value.kind === 'on') return true;
  // Integer threshold in hundredths of a percent: 12.5% → buckets 0..1249.
  return (await flagBucket(flag, userId)) < Math.round(value.percent * 100);
}

export interface FlagStoreOptions {
  envFlags: Record<FlagName, FlagValue>;
  /** Where the feature_flags table lives; may fail (the last known values, else the env, are used). */
  db: () => Promise<SqlClient>;
  ttlMs: number;
  now?: () => number;
}

/**
 * Per-instance cache of the feature_flags table. One refresh in flight at a time; a failed refresh
 * keeps the last good table (or the environment) and is retried on the next call after a short
 * pause, so a database outage neither blocks requests on flag reads nor flips anyone's side.
 */
export class FlagStore {
  private table = new Map<string, FlagValue>();
  private loadedAt = -Infinity;
  private inFlight: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(private readonly opts: FlagStoreOptions) {
    this.now = opts.now ?? (() => Date.now());
  }

  /** refresh false: answer from what is known now (the database just failed this request). */
  async value(name: FlagName, options: { refresh?: boolean } = {}): Promise<FlagValue> {
    if (options.refresh !== false && this.now() - this.loadedAt >= this.opts.ttlMs) {
      this.inFlight ??= this.refresh().finally(() => (this.inFlight = undefined));
      await this.inFlight;
    }
    return this.table.get(name) ?? this.opts.envFlags[name];
  }

  private async refresh(): Promise<void> {
    try {
      const db = await this.opts.db();
      const { rows } = await db.query<{ name: string; value: string }>('select name, value from public.feature_flags');
      const next = new Map<string, FlagValue>();
      for (const row of rows) {
        const parsed = parseFlagValue(row.value);
        if (parsed) next.set(row.name, parsed);
      }
      this.table = next;
      this.loadedAt = this.now();
    } catch {
      // Retry after a fraction of the TTL rather than on every request of an outage.
      this.loadedAt = this.now() - this.opts.ttlMs + Math.min(this.opts.ttlMs, 5_000);
    }
  }
}
