// A WhatsApp reply is sent at most once per job (issue 15): the delivery is recorded by a fenced
// statement right after the send, and a later attempt that finds it does not send again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { DEFAULT_WHATSAPP_SERVICE_USER_ID } from '../src/config.ts';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { TransientError } from '../src/errors.ts';
import { EventBus } from '../src/events.ts';
import { analysisDeps } from '../src/handlers/index.ts';
import type { JobHandler } from '../src/handlers/types.ts';
import { whatsappMessageHandler } from '../src/handlers/whatsapp-message.ts';
import { createProviders } from '../src/providers/index.ts';
import { useFreshDatabase } from './support/database.ts';
import { FAST_ENV, startTestDaemon } from './support/daemon.ts';
import { startEmulators, type TestEmulators } from './support/emulators.ts';

const db = useFreshDatabase('wa_once');
let emu: TestEmulators;

before(async () => {
  emu = await startEmulators();
});
after(async () => {
  await emu.close();
});

test('an attempt that fails after the send is re-run without sending the reply again', async () => {
  await db.ready;
  const config = loadConfig({ ...FAST_ENV, ...emu.env, DATABASE_URL: db.url, WORKER_RETRY_BASE_MS: '10', WORKER_RETRY_MAX_MS: '20' });
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const events = new EventBus();
  const providers = createProviders(config.providers, events);
  const real = whatsappMessageHandler(analysisDeps({ pool, providers, events, config }));
  // The first attempt dies right after its handler returns (as a crash or a lost lease after the send would).
  const crashing: JobHandler = {
    ...real,
    async run(input, ctx) {
      const out = await real.run(input, ctx);
      if (ctx.attempt === 1) throw new TransientError('handler_error', 'simulated crash after the send');
      return out;
    },
  };
  const d = await startTestDaemon(db.url, { ...emu.env, WORKER_RETRY_BASE_MS: '10', WORKER_RETRY_MAX_MS: '20' }, { handlers: [crashing] });
  try {
    const before = emu.whatsapp.sent.length;
    const id = randomUUID();
    const done = d.events.waitFor('job:completed', (e) => e.jobId === id, 20_000);
    await db.pool.query(`insert into analysis_jobs (id, user_id, type, input) values ($1, $2, 'whatsapp_message', $3)`, [
      id,
      // WhatsApp jobs belong to the webhook's service identity; the handler refuses any other owner.
      DEFAULT_WHATSAPP_SERVICE_USER_ID,
      { from: '5511999990000', text: 'oi, tudo bem?' },
    ]);
    await done;
    const { rows } = await db.pool.query('select * from analysis_jobs where id = $1', [id]);
    const row = rows[0];
    assert.equal(row.attempts, 2, 'the job ran twice');
    const sent = emu.whatsapp.sent.slice(before);
    assert.equal(sent.length, 1, 'the reply was sent once');
    assert.equal(row.result.delivery.message_id, sent[0]!.id);
    assert.equal(row.delivery.delivery.message_id, sent[0]!.id, 'the delivery was recorded on the row');
  } finally {
    await d.stop();
    await providers.close();
    await pool.end();
  }
});
