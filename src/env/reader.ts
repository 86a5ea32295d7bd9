// The one environment reader, for the daemon (src/config.ts, src/providers/config.ts, the CLI) and
// the edge gateway (src/gateway/config.ts). It reads through a getter, so the same code runs over
// process.env, a test's record, or Deno.env.get on Supabase (which cannot be spread into a record):
// no list of names to copy by hand, so no forgotten name can silently fall back to its default.
// Runs on Node and Deno: no Node imports.

export type Env = Record<string, string | undefined>;
/** Deno.env.get, or a getter over process.env / a test's record. */
export type EnvGetter = (name: string) => string | undefined;

/** An EnvGetter over a record (process.env, a test's env). */
export function envFromRecord(record: Env): EnvGetter {
  return (name) => record[name];
}

/**
 * Reads integers strictly: "5" is 5, "5x", "", "1e3" and "-0" outside the range are problems.
 * Every problem is collected (never silently replaced by the default) so a bad deployment fails
 * at start with the whole list; every name asked for is recorded in `names`.
 */
export class EnvReader {
  readonly problems: string[] = [];
  /** Every variable this reader was asked for, in order: the settings it knows. */
  readonly names = new Set<string>();
  private readonly get: EnvGetter;

  constructor(source: Env | EnvGetter) {
    this.get = typeof source === 'function' ? source : (name) => source[name];
  }

  /** The raw value; every read goes through here, so `names` is complete. */
  raw(name: string): string | undefined {
    this.names.add(name);
    return this.get(name);
  }

  string(name: string, fallback: string): string {
    const raw = this.raw(name);
    return raw === undefined || raw.trim() === '' ? fallback : raw.trim();
  }

  optionalString(name: string): string | undefined {
    const raw = this.raw(name);
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.raw(name);
    if (raw === undefined || raw.trim() === '') return fallback;
    const text = raw.trim();
    const value = Number(text);
    if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
      this.problems.push(`${name}=${JSON.stringify(raw)}: expected a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.raw(name)?.trim().toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    this.problems.push(`${name}=${JSON.stringify(this.raw(name))}: expected true or false`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.raw(name)?.trim();
    if (raw === undefined || raw === '') return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name}=${JSON.stringify(raw)}: expected one of ${allowed.join(', ')}`);
    return fallback;
  }

  url(name: string, fallback: string, protocols: readonly string[]): string {
    const value = this.string(name, fallback);
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name}: expected a ${protocols.join(' or ')} URL, got ${parsed.protocol}`);
      }
    } catch {
      // Never echo a database URL: it may hold a password.
      this.problems.push(`${name}: not a valid URL`);
    }
    return value;
  }

  /** An http(s) URL without trailing slashes, or `fallback` when unset. */
  httpUrl(name: string, fallback: string | undefined): string | undefined {
    const raw = this.optionalString(name);
    if (raw === undefined) return fallback;
    let ok = false;
    try {
      const u = new URL(raw);
      ok = (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      // reported below
    }
    if (!ok) {
      this.problems.push(`${name}=${JSON.stringify(raw)}: expected an http:// or https:// URL`);
      return fallback;
    }
    return raw.replace(/\/+$/, '');
  }

  /** A comma-separated list of distinct `allowed` values (case-insensitive), or `fallback` when unset. */
  list<T extends string>(name: string, allowed: readonly T[], fallback: T[]): T[] {
    const raw = this.optionalString(name);
    if (raw === undefined) return fallback;
    const items = raw
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
    const dup = items.filter((i, n) => items.indexOf(i) !== n);
    if (items.length === 0 || bad.length > 0 || dup.length > 0) {
      this.problems.push(`${name}=${JSON.stringify(raw)}: expected a comma-separated list without repeats of ${allowed.join(', ')}`);
      return fallback;
    }
    return items as T[];
  }
}
