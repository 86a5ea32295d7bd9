// Summaries and table printing shared by the load benches.
import { percentile, round } from '../lib/stats.ts';

export interface Dist {
  n: number;
  p50_s: number | null;
  p95_s: number | null;
  p99_s: number | null;
  max_s: number | null;
  mean_s: number | null;
}

/** Seconds in, seconds out (2 decimals). */
export function dist(samplesS: number[]): Dist {
  const n = samplesS.length;
  return {
    n,
    p50_s: round(percentile(samplesS, 50)),
    p95_s: round(percentile(samplesS, 95)),
    p99_s: round(percentile(samplesS, 99)),
    max_s: round(n ? Math.max(...samplesS) : null),
    mean_s: round(n ? samplesS.reduce((a, b) => a + b, 0) / n : null),
  };
}

export function table(headers: string[], rows: Array<Array<string | number | null>>): string {
  const cells = rows.map((r) => r.map((c) => (c === null ? '—' : String(c))));
  const w = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join(' | ')} |`;
  return [line(headers), `|${w.map((x, i) => (i === 0 ? `${'-'.repeat(x + 2)}` : `${'-'.repeat(x + 1)}:`)).join('|')}|`, ...cells.map(line)].join('\n');
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
