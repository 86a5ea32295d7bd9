// The daemon under load, alone in its own process (forked by bench/load/stack.ts), so that its CPU
// figure is its own and not the load generator's or the emulators'. It answers samples over the
// IPC channel: CPU, event-loop utilisation, the pg pool, the Gemini limiter, a DB round trip.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import { pingDatabase } from '../../src/queue/stats.ts';
import { startDaemon } from '../../src/start.ts';

export interface DaemonSample {
  at: number;
  /** CPU seconds (user+system) since the previous sample, per wall second: 1 = one full core. */
  cpuCores: number;
  /** Share of wall time the event loop was busy since the previous sample. */
  eventLoopUtilization: number;
  eventLoopDelayP99Ms: number;
  pool: { total: number; idle: number; waiting: number };
  running: number;
  gemini: { rpm: number; inWindow: number; waiting: number } | null;
  dbRoundTripMs: number | null;
  rssMiB: number;
}

export type ChildMessage =
  | { type: 'ready'; port: number; concurrency: number; poolMax: number }
  | { type: 'sample'; sample: DaemonSample }
  | { type: 'stopped' }
  | { type: 'error'; error: string };

const send = (m: ChildMessage) => process.send?.(m);

if (!process.send) throw new Error('bench/load/daemon-child.ts is forked by bench/load/stack.ts');
const config = loadConfig(process.env);
const daemon = await startDaemon(config, { migrate: false, gatewayEnv: process.env, logger: pino({ level: 'error' }, pino.destination(2)) });
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
let lastCpu = process.cpuUsage();
let lastAt = performance.now();
let lastElu = performance.eventLoopUtilization();
send({ type: 'ready', port: daemon.port, concurrency: config.worker.concurrency, poolMax: config.database.poolMax });

process.on('message', async (m: { type: string }) => {
  if (m.type === 'sample') {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const elu = performance.eventLoopUtilization(lastElu);
    const wallS = (now - lastAt) / 1000;
    lastCpu = process.cpuUsage();
    lastElu = performance.eventLoopUtilization();
    lastAt = now;
    const status = daemon.providers.status() as { gemini?: { enabled?: boolean; rateLimit?: { rpm: number; inWindow: number; waiting: number } } };
    let rtt: number | null = null;
    try {
      rtt = await pingDatabase(daemon.pool, 2_000);
    } catch {
      rtt = null;
    }
    const p = daemon.pool;
    send({
      type: 'sample',
      sample: {
        at: Date.now(),
        cpuCores: (cpu.user + cpu.system) / 1e6 / wallS,
        eventLoopUtilization: elu.utilization,
        eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
        pool: { total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount },
        running: daemon.worker.runningCount,
        gemini: status.gemini?.enabled ? (status.gemini.rateLimit ?? null) : null,
        dbRoundTripMs: rtt,
        rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
      },
    });
    delay.reset();
  } else if (m.type === 'stop') {
    await daemon.stop(1_000).catch((err: Error) => send({ type: 'error', error: err.message }));
    send({ type: 'stopped' });
    process.disconnect?.();
  }
});
