// bench:queue child: graphile-worker 0.17.3 through its library API `run()`.
// BENCH_MODE=default: run({ connectionString, concurrency, taskList }) — default pollInterval (2 s),
//   LISTEN/NOTIFY on new jobs, one job fetched per free slot, one completion statement per job.
// BENCH_MODE=batched: the same plus the batching options of its performance guide
//   (preset.worker.localQueue.size, completeJobBatchDelay, failJobBatchDelay).
// Its logger is silenced (it logs a line per completed job by default), as ai-worker runs with LOG_LEVEL=silent.
import pg from 'pg';
import { Logger, run, type RunnerOptions } from 'graphile-worker';
import { runChild } from '../lib/child.ts';

await runChild(async (hooks) => {
  const connectionString = process.env.DATABASE_URL!;
  const concurrency = Number(process.env.BENCH_CONCURRENCY);
  const mode = process.env.BENCH_MODE ?? 'default';
  const localQueueSize = Number(process.env.BENCH_GRAPHILE_LOCAL_QUEUE ?? 100);
  const batchDelay = Number(process.env.BENCH_GRAPHILE_BATCH_DELAY ?? 0);
  const silent = new Logger(() => () => {});
  const options: RunnerOptions = {
    connectionString,
    concurrency,
    logger: silent,
    noHandleSignals: true,
    taskList: {
      noop: async (_payload, helpers) => {
        hooks.started(String(helpers.job.id));
        hooks.finished();
      },
    },
    ...(mode === 'batched'
      ? { preset: { worker: { localQueue: { size: localQueueSize }, completeJobBatchDelay: batchDelay, failJobBatchDelay: batchDelay } } }
      : {}),
  };
  const runner = await run(options);
  const client = new pg.Client({ connectionString, application_name: 'bench producer' });
  // A connection the server ends (another process terminating backends) must not crash the child unseen.
  client.on('error', (err) => process.stderr.write(`bench producer connection: ${err.message}\n`));
  await client.connect();
  const { logger: _l, taskList: _t, ...shown } = options;
  return {
    config: {
      mode,
      ...shown,
      connectionString: undefined,
      logger: 'silenced (no-op Logger)',
      pollInterval: 'default (2000 ms)',
      maxPoolSize: 'default (10)',
      taskList: ['noop'],
    },
    async insertOne() {
      const { rows } = await client.query<{ id: string }>(`select id::text from graphile_worker.add_job('noop', '{}'::json)`);
      return rows[0]!.id;
    },
    async insertMany(n) {
      // add_jobs with n specs: one statement, one call.
      await client.query(
        `select count(*) from graphile_worker.add_jobs(array(
           select json_populate_record(null::graphile_worker.job_spec, '{"identifier":"noop","payload":{}}'::json)
             from generate_series(1, $1::int)))`,
        [n],
      );
    },
    async outstanding() {
      // Completed jobs are deleted; anything left is still to do (a failed job would stay too).
      const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from graphile_worker._private_jobs`);
      return rows[0]!.n;
    },
    async isDone(id) {
      // graphile-worker deletes a job when it completes.
      const { rows } = await client.query({ name: 'done', text: 'select 1 from graphile_worker._private_jobs where id = $1', values: [id] });
      return rows.length === 0;
    },
    async stop() {
      await client.end().catch(() => {});
      await runner.stop();
    },
  };
});
