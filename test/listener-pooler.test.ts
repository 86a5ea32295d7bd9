// A transaction-mode pooler on any port (PgBouncer here, on a free port: the URL check only knows
// Supabase's 6543) is refused at start: the listener requires a notification sent through another
// connection to arrive, and through such a pooler LISTEN succeeds but nothing is delivered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { useFreshDatabase } from './support/database.ts';
import { startPgBouncer, type Bouncer } from './support/pgbouncer.ts';
import { startTestDaemon } from './support/daemon.ts';

const db = useFreshDatabase('listener_pooler');
let bouncer: Bouncer | undefined;

before(async () => {
  // The daemon's start-up parameters (statement_timeout…) would make PgBouncer refuse the client
  // before the listener's check could run.
  bouncer = await startPgBouncer({
    poolSize: 20,
    ignoreStartupParameters: ['extra_float_digits', 'options', 'statement_timeout', 'lock_timeout', 'idle_in_transaction_session_timeout', 'query_timeout'],
  });
});

after(async () => {
  await bouncer?.stop();
});

test('a daemon whose DATABASE_URL goes through a transaction-mode pooler on another port refuses to start', async () => {
  await db.ready;
  const url = new URL(db.url);
  url.port = String(bouncer!.port);
  await assert.rejects(startTestDaemon(url.toString()), /transaction-mode pooler/);
});
