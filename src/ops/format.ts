// Command-line plumbing shared by the operator commands (jobs, cost-report): durations such as
// `1h` or `30d`, flags, and plain-text tables for people. Scripts use --json instead.

export class UsageError extends Error {}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 7 * 86_400 };

/** "90s", "15m", "1h", "30d", "2w" → seconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+)([smhdw])$/.exec(text.trim());
  if (!m) throw new UsageError(`"${text}" is not a duration: use a number and a unit, e.g. 90s, 15m, 1h, 30d, 2w`);
  const seconds = Number(m[1]) * UNIT_SECONDS[m[2]!]!;
  if (seconds <= 0 || seconds > 3650 * 86_400) throw new UsageError(`"${text}": expected a duration between 1s and 10 years`);
  return seconds;
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/**
 * `--name value`, `--name=value` and boolean `--name`. `known` maps each flag to whether it takes a
 * value; anything else is a usage error (a typo must not silently widen a retry).
 */
export function parseArgs(args: string[], known: Record<string, boolean>): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (!(name in known)) throw new UsageError(`unknown option --${name}`);
    if (known[name]) {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    }
  }
  return { positional, flags };
}

export function flag(p: ParsedArgs, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  align?: 'left' | 'right';
}

/** A fixed-width table: headers, a rule, one line per row. */
export function renderTable<T>(rows: T[], columns: Column<T>[]): string {
  const cells = rows.map((r) =>
    columns.map((c) => {
      const v = c.value(r);
      return v === null || v === undefined ? '-' : String(v);
    }),
  );
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i]!.align === 'right' ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

/** "2026-11-29 17:31:16" in UTC: sortable, unambiguous across the team's time zones. */
export function utc(d: Date | null | undefined): string | null {
  return d ? d.toISOString().replace('T', ' ').slice(0, 19) : null;
}
