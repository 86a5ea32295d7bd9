// Command-line options shared by the load benches.
import { existsSync, readFileSync } from 'node:fs';

/** `--name=value` from the command line. */
export const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

/**
 * The concurrency under test: --concurrency, else what bench:worker recommended (so the benches
 * agree), else the daemon's default. Which one was used is recorded.
 */
export function chooseConcurrency(): { value: string | undefined; source: string } {
  const given = arg('concurrency');
  if (given) return { value: given, source: '--concurrency' };
  const file = new URL('../results/worker-concurrency.json', import.meta.url);
  if (existsSync(file)) {
    const rec = (JSON.parse(readFileSync(file, 'utf8')) as { recommended_concurrency?: number }).recommended_concurrency;
    if (rec) return { value: String(rec), source: 'bench/results/worker-concurrency.json recommended_concurrency' };
  }
  return { value: undefined, source: 'daemon default' };
}
