// The one place that reads the shipped TACO copy from disk (Node only); the parser itself stays pure.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseTacoCsv, type TacoTable } from './taco.ts';

export const TACO_CSV_PATH = fileURLToPath(new URL('../../data/taco/taco-4ed-alimentos.csv', import.meta.url));

let cached: TacoTable | undefined;

/** Parses the bundled CSV once per process; a broken file fails start-up rather than a job. */
export function loadTacoFromFile(path: string = TACO_CSV_PATH): TacoTable {
  if (path === TACO_CSV_PATH && cached) return cached;
  const table = parseTacoCsv(readFileSync(path, 'utf8'));
  if (path === TACO_CSV_PATH) cached = table;
  return table;
}
