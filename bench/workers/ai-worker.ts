// bench:queue child: ai-worker in its default configuration (WORKER_CONCURRENCY from the parent,
// every other setting at its default), started through startDaemon like `ai-worker start` does, with
// the real healthcheck handler wrapped to report when it starts and ends.
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import { healthcheckHandler } from '../../src/handlers/healthcheck.ts';
import type { JobHandler } from '../../src/handlers/types.ts';
import { startDaemon } from '../../src/start.ts';
import { runChild } from '../lib/child.ts';
import { insertFinishedJobs } from '../lib/finished-jobs.ts';

await runChild(async (hooks) => {
  const env = {
    DATABASE_URL: process.env.DATABASE_URL,
    WORKER_CONCURRENCY: process.env.BENCH_CONCURRENCY,
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  const config = loadConfig(env);
  const handler: JobHandler = {
    ...healthcheckHandler,
    async run(input, ctx) {
      hooks.started(ctx.jobId);
      try {
        return await healthcheckHandler.run(input, ctx);
      } finally {
        hooks.finished();
      }
    },
  };
  const daemon = await startDaemon(config, { migrate: false, logger: pino({ level: 'silent' }), handlers: [handler] });
  // The producer's own connection, as an edge function's would be.
  const client = new pg.Client({ connectionString: config.database.url, application_name: 'bench producer' });
  // A connection the server ends (another process terminating backends) must not crash the child unseen.
  client.on('error', (err) => process.stderr.write(`bench producer connection: ${err.message}\n`));
  await client.connect();
  return {
    config: { env, worker: config.worker, databasePoolMax: config.database.poolMax },
    async insertOne() {
      const { rows } = await client.query<{ id: string }>(`insert into analysis_jobs (user_id, type) values (gen_random_uuid(), 'healthcheck') returning id`);
      return rows[0]!.id;
    },
    async insertMany(n) {
      await client.query(`insert into analysis_jobs (user_id, type) select gen_random_uuid(), 'healthcheck' from generate_series(1, $1::int)`, [n]);
    },
    async outstanding() {
      const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from analysis_jobs where status in ('pending', 'processing')`);
      return rows[0]!.n;
    },
    async isDone(id) {
      const { rows } = await client.query<{ status: string }>({ name: 'done', text: 'select status from analysis_jobs where id = $1', values: [id] });
      return rows[0]?.status === 'completed';
    },
    async fillFinished(n) {
      await insertFinishedJobs(client, n);
      // ANALYZE, as autovacuum would.
      await client.query('vacuum analyze analysis_jobs');
    },
    async stop() {
      await client.end().catch(() => {});
      await daemon.stop(5_000);
    },
  };
});
