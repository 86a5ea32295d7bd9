// A daemon whose `unified_assistant` handler is poison, for the chaos tests: input {mode:'throw'}
// always throws; {mode:'crash'} takes the whole process down from a timer callback, where no
// try/catch of the worker can reach it (an uncaught exception, as a native crash would).
import { healthcheckHandler } from '../../src/handlers/healthcheck.ts';
import type { JobHandler } from '../../src/handlers/types.ts';
import { loadConfig } from '../../src/config.ts';
import { startDaemon } from '../../src/start.ts';

const poison: JobHandler = {
  type: 'unified_assistant',
  version: 'poison',
  async run(input) {
    const mode = (input as { mode?: string }).mode;
    if (mode === 'crash') {
      setImmediate(() => {
        throw new Error('poison job crashed the process');
      });
      return new Promise(() => {});
    }
    throw new Error('poison job always throws');
  },
};

const daemon = await startDaemon(loadConfig(), { handlers: [healthcheckHandler, poison] });
daemon.log.info({ event: 'http_listening', port: daemon.port }, 'poison daemon listening');
process.on('SIGTERM', () => void daemon.stop().then(() => process.exit(0)));
