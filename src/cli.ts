// Composition root for the command line: `ai-worker migrate | start`. Nothing imports this file.
import { loadConfig, readDatabaseConfig, EnvReader } from './config.ts';
import { ConfigError, toError } from './errors.ts';
import { migrate } from './db/migrate.ts';
import { connectionErrorMessage } from './db/connection.ts';

const USAGE = `usage: ai-worker <command>

commands:
  migrate   apply pending migrations from sql/ to DATABASE_URL
  start     run the worker daemon (migrates first)
`;

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    case 'migrate': {
      const r = new EnvReader(process.env);
      const db = readDatabaseConfig(r);
      if (r.problems.length > 0) throw new ConfigError(r.problems);
      const result = await migrate(db.url, { log: (line) => console.log(line) });
      console.log(result.applied.length === 0 ? `database is up to date (${result.alreadyApplied} migrations)` : `applied ${result.applied.length} migration(s)`);
      return 0;
    }
    case 'start': {
      const config = loadConfig();
      const { runDaemon } = await import('./start.ts');
      return runDaemon(config);
    }
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (thrown) => {
    const err = toError(thrown) as Error & { code?: string };
    if (err instanceof ConfigError) {
      process.stderr.write(`ai-worker: ${err.message}\n`);
    } else if (err.code === 'ECONNREFUSED' || err.code === 'ENOTFOUND' || err.code === 'ETIMEDOUT' || err.code === 'EAI_AGAIN' || err.code === '3D000' || err.code === '28P01' || /timeout expired|Connection terminated/i.test(err.message)) {
      process.stderr.write(`ai-worker: ${connectionErrorMessage(process.env.DATABASE_URL ?? '', err)}\n`);
    } else {
      process.stderr.write(`ai-worker: ${err.message}\n`);
    }
    process.exitCode = 1;
  },
);
