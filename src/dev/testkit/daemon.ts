// Daemons for tests: in-process (startDaemon) or as child processes (the real CLI), on a test database.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { loadConfig } from '../../config.ts';
import type { Env } from '../../env/reader.ts';
import { startDaemon, type Daemon, type DaemonOptions } from '../../start.ts';

export const FAST_ENV: Env = {
  LOG_LEVEL: 'silent',
  PORT: '0',
  HOST: '127.0.0.1',
  WORKER_LEASE_SECONDS: '5',
  WORKER_HEARTBEAT_SECONDS: '1',
  WORKER_SWEEP_SECONDS: '60',
  WORKER_RETRY_BASE_MS: '100',
  WORKER_RETRY_MAX_MS: '2000',
  LISTENER_PING_MS: '1000',
  LISTENER_QUERY_TIMEOUT_MS: '1000',
};

export async function startTestDaemon(url: string, env: Env = {}, options: DaemonOptions = {}): Promise<Daemon> {
  const config = loadConfig({ ...FAST_ENV, DATABASE_URL: url, ...env });
  return startDaemon(config, { migrate: false, logger: pino({ level: 'silent' }), ...options });
}

export interface ChildDaemon {
  proc: ChildProcess;
  /** Every JSON log line the daemon printed so far. */
  lines: Array<Record<string, unknown>>;
  /** Resolve on the first log line matching `pred` (already printed or future), bounded. */
  waitForLine(pred: (l: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  port(): Promise<number>;
}

/** The real `ai-worker start` in its own process; logs parsed from stdout. */
export function spawnDaemon(url: string, env: Env = {}, args: string[] = []): ChildDaemon {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start', ...args], {
    env: { ...process.env, ...FAST_ENV, LOG_LEVEL: 'info', DATABASE_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<{ pred: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }> = [];
  createInterface({ input: proc.stdout! }).on('line', (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text);
    } catch {
      line = { raw: text };
    }
    lines.push(line);
    for (const w of [...waiters])
      if (w.pred(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
  });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  // 'exit' can come before the last lines are read from the pipe (a test then missed the daemon's
  // final 'worker_stopped'): resolve once stdout has ended too. Bounded, because a grandchild that
  // inherited the pipe would hold it open after a SIGKILL.
  const outputEnded = new Promise<void>((resolve) => proc.stdout!.once('end', resolve));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<void>((r) => (timer = setTimeout(r, 5_000)));
      void Promise.race([outputEnded, bound]).then(() => {
        clearTimeout(timer);
        resolve({ code, signal });
      });
    }),
  );
  // A bound, not a speed claim: four daemons starting at once (each compiling its TypeScript) on a
  // machine running other test files took over 15 s once.
  const waitForLine = (pred: (l: Record<string, unknown>) => boolean, timeoutMs = 30_000) => {
    const found = lines.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`daemon did not log the expected line within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      waiters.push({
        pred,
        resolve: (l) => {
          clearTimeout(timer);
          resolve(l);
        },
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`daemon exited before the expected line; stderr: ${stderr}`));
      });
    });
  };
  return {
    proc,
    lines,
    waitForLine,
    exited,
    port: async () => Number((await waitForLine((l) => l.event === 'http_listening')).port),
  };
}
