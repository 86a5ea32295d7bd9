// bench:queue child: pg-boss 10.4.2. pg-boss 10 has no LISTEN/NOTIFY: every work() loop polls.
// Concurrency N = N work() workers on the queue (v10 dropped teamSize/teamConcurrency).
// BENCH_MODE=default: new PgBoss(url); boss.work(queue, handler) N times — batchSize 1,
//   pollingIntervalSeconds 2 (default).
// BENCH_MODE=fast: the same N workers with pollingIntervalSeconds 0.5 (the minimum it accepts) and
//   batchSize B; each worker runs its batch one job at a time, so at most N handlers run at once.
import pg from 'pg';
import PgBoss from 'pg-boss';
import { runChild } from '../lib/child.ts';

const QUEUE = 'bench';

await runChild(async (hooks) => {
  const connectionString = process.env.DATABASE_URL!;
  const concurrency = Number(process.env.BENCH_CONCURRENCY);
  const mode = process.env.BENCH_MODE ?? 'default';
  const batchSize = Number(process.env.BENCH_PGBOSS_BATCH ?? 100);
  const boss = new PgBoss(connectionString);
  boss.on('error', (err) => process.stderr.write(`pg-boss error: ${err.message}\n`));
  await boss.start();
  await boss.createQueue(QUEUE);
  const workOptions: PgBoss.WorkOptions = mode === 'fast' ? { pollingIntervalSeconds: 0.5, batchSize } : {};
  for (let i = 0; i < concurrency; i++) {
    await boss.work<object>(QUEUE, workOptions, async (jobs) => {
      for (const job of jobs) {
        hooks.started(job.id);
        hooks.finished();
      }
    });
  }
  const client = new pg.Client({ connectionString, application_name: 'bench producer' });
  // A connection the server ends (another process terminating backends) must not crash the child unseen.
  client.on('error', (err) => process.stderr.write(`bench producer connection: ${err.message}\n`));
  await client.connect();
  return {
    config: { mode, constructor: 'new PgBoss(connectionString)', workers: concurrency, workOptions, queue: QUEUE },
    async insertOne() {
      return (await boss.send(QUEUE, {}))!;
    },
    async insertMany(n) {
      await boss.insert(Array.from({ length: n }, () => ({ name: QUEUE, data: {} })));
    },
    async outstanding() {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from pgboss.job where name = $1 and state in ('created', 'retry', 'active')`,
        [QUEUE],
      );
      return rows[0]!.n;
    },
    async isDone(id) {
      const { rows } = await client.query<{ state: string }>({ name: 'done', text: 'select state from pgboss.job where id = $1', values: [id] });
      return rows[0]?.state === 'completed';
    },
    async stop() {
      await client.end().catch(() => {});
      await boss.stop({ graceful: true, timeout: 5_000, wait: true });
    },
  };
});
