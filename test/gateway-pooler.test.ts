// The gateway through a transaction-mode pooler (PgBouncer pool_mode=transaction, one server
// connection), as edge isolates use Supabase's pooler on port 6543 via GATEWAY_DATABASE_URL: two
// gateways (two isolates) with the default pool of 2 enqueue, read and cancel for many users at once,
// RLS holds on a server session they all share, and nothing of one request's role or claims
// outlives its transaction.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createGateway, envFromRecord, type Gateway } from '../src/gateway/index.ts';
import { useFreshDatabase } from './support/database.ts';
import { gatewayTestEnv, userToken } from './support/jwt.ts';
import { startPgBouncer, type Bouncer } from './support/pgbouncer.ts';

const db = useFreshDatabase('gateway_pooler');
let bouncer: Bouncer;
const gateways: Gateway[] = [];
const BASE = 'http://functions.test/functions/v1';

before(async () => {
  await db.ready;
  bouncer = await startPgBouncer({ poolSize: 1 });
  for (let i = 0; i < 2; i++) {
    // SUPABASE_DB_URL is what Supabase injects; GATEWAY_DATABASE_URL must win over it.
    const env = gatewayTestEnv('postgres://nobody@127.0.0.1:1/none', {
      SUPABASE_DB_URL: 'postgres://nobody@127.0.0.1:1/none',
      GATEWAY_DATABASE_URL: `${bouncer.url(db.name)}?pgbouncer=true`,
      GATEWAY_RATE_LIMIT_PER_MINUTE: '1000',
      GATEWAY_STATUS_RATE_LIMIT_PER_MINUTE: '1000',
    });
    gateways.push(createGateway({ env: envFromRecord(env) }));
  }
});

after(async () => {
  for (const g of gateways) await g.close();
  await bouncer?.stop();
});

function call(gw: Gateway, name: string, token: string, init: { body?: unknown; query?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return gw.handle(
    name,
    new Request(`${BASE}/${name}${init.query ? `?${init.query}` : ''}`, {
      method: init.body !== undefined ? 'POST' : 'GET',
      headers,
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    }),
  );
}

test('enqueue, status and cancel through a transaction-mode pooler: RLS per request on a shared server session', async () => {
  assert.equal(gateways[0]!.config.db.poolMax, 2);
  const users = Array.from({ length: 12 }, () => randomUUID());
  const tokens = await Promise.all(users.map((sub) => userToken({ sub })));
  // All at once, alternating isolates: 24 requests over 4 client connections and 1 server connection.
  const enqueued = await Promise.all(
    users.flatMap((_, i) =>
      [0, 1].map(async (k) => {
        const res = await call(gateways[(i + k) % 2]!, 'enqueue-analysis', tokens[i]!, {
          body: { type: 'meal_plan', input: { kcal_target: 1800 + i * 10 + k, meals_per_day: 3, days: 1 } },
        });
        assert.equal(res.status, 202, await res.clone().text());
        return { user: i, id: ((await res.json()) as { job_id: string }).job_id };
      }),
    ),
  );
  const { rows } = await db.pool.query<{ id: string; user_id: string }>('select id, user_id from analysis_jobs');
  assert.equal(rows.length, users.length * 2);
  for (const e of enqueued) assert.equal(rows.find((r) => r.id === e.id)?.user_id, users[e.user]);

  // Each user reads their own jobs and gets 404 for a neighbour's, all concurrently.
  await Promise.all(
    enqueued.map(async (e, n) => {
      const own = await call(gateways[n % 2]!, 'get-analysis-status', tokens[e.user]!, { query: `job_id=${e.id}` });
      assert.equal(own.status, 200);
      const other = (e.user + 1) % users.length;
      const foreign = await call(gateways[(n + 1) % 2]!, 'get-analysis-status', tokens[other]!, { query: `job_id=${e.id}` });
      assert.equal(foreign.status, 404);
    }),
  );

  const first = enqueued[0]!;
  const cancelled = await call(gateways[1]!, 'cancel-analysis', tokens[first.user]!, { body: { job_id: first.id } });
  assert.equal(cancelled.status, 200);
  assert.equal(((await cancelled.json()) as { status: string }).status, 'cancelled');

  // The one server session behind the pooler is back to the owner, with no claims left behind.
  const probe = new pg.Client({ connectionString: bouncer.url(db.name) });
  await probe.connect();
  try {
    const r = await probe.query<{ who: string; claims: string | null }>(
      `select current_user as who, nullif(current_setting('request.jwt.claims', true), '') as claims`,
    );
    assert.deepEqual(r.rows[0], { who: 'postgres', claims: null });
  } finally {
    await probe.end();
  }
});
