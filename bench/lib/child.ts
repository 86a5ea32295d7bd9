// The child-process side of bench:queue. Each worker entry (bench/workers/*.ts) starts one queue system
// in its own process and hands `runChild` a small adapter; everything that is timed is timed here, in
// the worker's own process, on its own monotonic clock (performance.now()):
// - pickup: t0 just before a single INSERT on a separate connection, t1 at handler start, one job at a
//   time (the next insert waits for the previous handler start);
// - turnaround (black-box, what a client sees): t0 just before a single INSERT, t1 when a read of the
//   job on the producer's connection first shows it completed (polled back to back), one job at a time;
// - drain: t0 when the bulk INSERT has committed (its call returned), t1 when the database shows no job
//   left to do. The database is only polled once the handlers have run every job, so polling does
//   not steal CPU from the system under test while it drains.
// The parent talks to us over the IPC channel (see bench/lib/protocol.ts).
import type { ChildRequest, ChildReply, DrainResult, PickupResult } from './protocol.ts';

export interface Hooks {
  /** Call first thing in the handler with the job's id (as a string). */
  started(jobId: string): void;
  /** Call when the handler returns. */
  finished(): void;
}

export interface SystemAdapter {
  /** The exact configuration used, for the results file. */
  config: Record<string, unknown>;
  /** Insert one job on a connection that is not the worker's; resolve with its id once committed. */
  insertOne(): Promise<string>;
  /** Insert n jobs in one statement / one API call; resolve once committed. */
  insertMany(n: number): Promise<void>;
  /** Jobs not yet settled in the database (pending, running, or completed but not yet written). */
  outstanding(): Promise<number>;
  /** Whether a read of job `id` shows it finished (completed, or deleted on completion). */
  isDone(id: string): Promise<boolean>;
  /** Optional: add n finished jobs to the table first (bench:queue --fill-finished). */
  fillFinished?(n: number): Promise<void>;
  stop(): Promise<void>;
}

const now = () => performance.now();
const send = (m: ChildReply) => process.send!(m);

export async function runChild(start: (hooks: Hooks) => Promise<SystemAdapter>): Promise<void> {
  if (!process.send) throw new Error('bench worker entries run as child processes of bench/queue.ts (IPC channel required)');
  const startedAt = new Map<string, number>();
  const startWaiters = new Map<string, (t: number) => void>();
  let finished = 0;
  const hooks: Hooks = {
    started(jobId) {
      const t = now();
      const w = startWaiters.get(jobId);
      if (w) {
        startWaiters.delete(jobId);
        w(t);
      } else startedAt.set(jobId, t);
    },
    finished() {
      finished++;
    },
  };

  let system: SystemAdapter;
  try {
    system = await start(hooks);
  } catch (err) {
    send({ type: 'error', error: String((err as Error)?.stack ?? err) });
    process.exit(1);
  }
  // The parent going away (crash, Ctrl-C) must not leave us running.
  process.on('disconnect', () => void system.stop().finally(() => process.exit(0)));

  function waitStart(jobId: string, timeoutMs: number): Promise<number | undefined> {
    const already = startedAt.get(jobId);
    if (already !== undefined) {
      startedAt.delete(jobId);
      return Promise.resolve(already);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        startWaiters.delete(jobId);
        resolve(undefined);
      }, timeoutMs);
      startWaiters.set(jobId, (t) => {
        clearTimeout(timer);
        resolve(t);
      });
    });
  }

  /**
   * Sequential samples: insert one job, wait for `reached` (its handler's start, or its row reading
   * completed), record the time from just before the insert. Warm-up samples are not recorded; three
   * timeouts or the time budget end the phase.
   */
  async function sequential(
    n: number,
    warmup: number,
    budgetMs: number,
    reached: (id: string, t0: number) => Promise<number | undefined>,
  ): Promise<PickupResult> {
    const samples: number[] = [];
    const deadline = now() + budgetMs;
    let timeouts = 0;
    for (let i = 0; i < warmup + n; i++) {
      if (i >= warmup && now() > deadline) break;
      const t0 = now();
      const id = await system.insertOne();
      const t1 = await reached(id, t0);
      if (t1 === undefined) {
        timeouts++;
        if (timeouts >= 3) break;
        continue;
      }
      if (i >= warmup) samples.push(t1 - t0);
    }
    return { samples, requested: n, warmup, timeouts, budgetExhausted: samples.length < n };
  }

  function pickup(n: number, warmup: number, budgetMs: number, sampleTimeoutMs: number): Promise<PickupResult> {
    return sequential(n, warmup, budgetMs, (id) => waitStart(id, sampleTimeoutMs));
  }

  function turnaround(n: number, warmup: number, budgetMs: number, sampleTimeoutMs: number): Promise<PickupResult> {
    // Reads back to back, as an impatient client would; each is one round trip on its own connection.
    return sequential(n, warmup, budgetMs, async (id, t0) => {
      while (now() - t0 < sampleTimeoutMs) if (await system.isDone(id)) return now();
      return undefined;
    });
  }

  async function drain(n: number, limitMs: number, projectAfterMs: number): Promise<DrainResult> {
    const base = finished;
    const t0Insert = now();
    await system.insertMany(n);
    const t0 = now();
    const insertMs = t0 - t0Insert;
    let lastProgress = 0;
    for (;;) {
      await new Promise((r) => setTimeout(r, finished - base >= n ? 2 : 50));
      const elapsed = now() - t0;
      const done = finished - base;
      if (elapsed - lastProgress >= 1000) {
        lastProgress = elapsed;
        send({ type: 'progress', done, elapsedMs: elapsed });
      }
      if (done >= n) {
        const left = await system.outstanding();
        if (left === 0) return { drained: true, jobs: n, insertMs, drainMs: now() - t0, handled: done };
      }
      const rate = done / (elapsed / 1000);
      if (elapsed >= limitMs || (elapsed >= projectAfterMs && (rate === 0 || n / rate > limitMs / 1000))) {
        return {
          drained: false,
          jobs: n,
          insertMs,
          drainMs: elapsed,
          handled: done,
          outstanding: await system.outstanding(),
          projectedSeconds: rate > 0 ? n / rate : null,
        };
      }
    }
  }

  send({ type: 'ready', config: system.config });
  process.on('message', async (raw) => {
    const m = raw as ChildRequest;
    try {
      if (m.type === 'pickup') send({ type: 'pickup', result: await pickup(m.n, m.warmup, m.budgetMs, m.sampleTimeoutMs) });
      else if (m.type === 'turnaround') send({ type: 'turnaround', result: await turnaround(m.n, m.warmup, m.budgetMs, m.sampleTimeoutMs) });
      else if (m.type === 'fill') {
        const t = now();
        if (system.fillFinished) await system.fillFinished(m.n);
        send({ type: 'fill', rows: system.fillFinished ? m.n : 0, ms: now() - t });
      } else if (m.type === 'drain') send({ type: 'drain', result: await drain(m.n, m.limitMs, m.projectAfterMs) });
      else if (m.type === 'stop') {
        await Promise.race([system.stop(), new Promise((r) => setTimeout(r, 15_000))]);
        send({ type: 'stopped' });
        process.disconnect();
        setTimeout(() => process.exit(0), 100).unref();
      }
    } catch (err) {
      send({ type: 'error', error: String((err as Error)?.stack ?? err) });
    }
  });
}
