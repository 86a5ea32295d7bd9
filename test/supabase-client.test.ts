// The real @supabase/supabase-js client against a local daemon hosting the functions
// (SERVE_FUNCTIONS=true): enqueue a job, follow its status to completion, cancel a running
// one, and see another user's job as missing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createClient, FunctionsHttpError, type SupabaseClient } from '@supabase/supabase-js';
import { healthcheckHandler } from '../src/handlers/healthcheck.ts';
import type { JobHandler } from '../src/handlers/types.ts';
import type { Daemon } from '../src/start.ts';
import { useFreshDatabase, waitUntil } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';
import { gatewayTestEnv, userToken } from './support/jwt.ts';

const db = useFreshDatabase('supabase_client');
let daemon: Daemon;
let supabase: SupabaseClient;
const ANON_KEY = 'anon-key-not-a-user-token';

/**
 * App users may not enqueue healthchecks (operators only), so these tests send chat turns and the
 * daemon answers them with the canary's behaviour: a message "wait N" waits N ms (honouring cancel).
 */
const chatCanary: JobHandler = {
  type: 'unified_assistant',
  version: '1',
  run: (input, ctx) => {
    const text = (input as { messages: Array<{ content: string }> }).messages[0]!.content;
    const delay = Number(/^wait (\d+)$/.exec(text)?.[1] ?? 0);
    return healthcheckHandler.run({ delay_ms: delay }, ctx);
  },
};
const chat = (content: string) => ({ type: 'unified_assistant', input: { messages: [{ role: 'user', content }] } });

/** Node 20 has no global WebSocket; these tests never open Realtime, so its transport is a stub. */
class NoWebSocket {
  constructor() {
    throw new Error('Realtime is not used by these tests');
  }
}

before(async () => {
  await db.ready;
  const env = gatewayTestEnv(db.url, { SERVE_FUNCTIONS: 'true' });
  daemon = await startTestDaemon(db.url, env, { handlers: [chatCanary], gatewayEnv: env });
  supabase = createClient(`http://127.0.0.1:${daemon.port}`, ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: NoWebSocket as never },
  });
});

after(async () => {
  await daemon?.stop(0);
});

async function invoke<T>(
  name: string,
  token: string,
  options: { body?: Record<string, unknown>; method?: 'GET' | 'POST' } = {},
): Promise<{ data: T; status: number }> {
  const { data, error, response } = await supabase.functions.invoke(name, {
    headers: { Authorization: `Bearer ${token}` },
    method: options.method ?? 'POST',
    ...(options.body ? { body: options.body } : {}),
  });
  if (error) {
    if (error instanceof FunctionsHttpError) {
      const res = error.context as Response;
      return { data: (await res.json()) as T, status: res.status };
    }
    throw error;
  }
  return { data: data as T, status: response!.status };
}

test('enqueue a job through functions.invoke and follow get-analysis-status to completion', async () => {
  const token = await userToken();
  const { data, status } = await invoke<{ job_id: string; status: string; status_url: string }>('enqueue-analysis', token, { body: chat('oi') });
  assert.equal(status, 202);
  assert.equal(data.status, 'pending');
  const done = await waitUntil(
    async () => {
      const s = await invoke<{ status: string; result: unknown; attempts: number; completed_at: string }>(`get-analysis-status?job_id=${data.job_id}`, token, {
        method: 'GET',
      });
      assert.equal(s.status, 200);
      return s.data.status === 'completed' ? s.data : undefined;
    },
    { timeoutMs: 10_000, what: 'the job to complete' },
  );
  assert.deepEqual(done.result, { ok: true });
  assert.equal(done.attempts, 1);
  assert.ok(!Number.isNaN(Date.parse(done.completed_at)));
});

test('cancel a running job through functions.invoke: the worker stops it and it ends cancelled', async () => {
  const token = await userToken();
  const { data } = await invoke<{ job_id: string }>('enqueue-analysis', token, { body: chat('wait 30000') });
  await waitUntil(
    async () => (await invoke<{ status: string }>(`get-analysis-status?job_id=${data.job_id}`, token, { method: 'GET' })).data.status === 'processing',
    {
      timeoutMs: 10_000,
      what: 'the job to start',
    },
  );
  const cancel = await invoke<{ status: string }>('cancel-analysis', token, { body: { job_id: data.job_id } });
  assert.equal(cancel.status, 200);
  assert.equal(cancel.data.status, 'cancel_requested');
  const final = await waitUntil(
    async () => {
      const s = (await invoke<{ status: string }>(`get-analysis-status?job_id=${data.job_id}`, token, { method: 'GET' })).data;
      return s.status === 'processing' ? undefined : s;
    },
    { timeoutMs: 10_000, what: 'the running job to stop' },
  );
  assert.equal(final.status, 'cancelled');
  const again = await invoke<{ error: { code: string } }>('cancel-analysis', token, { body: { job_id: data.job_id } });
  assert.equal(again.status, 409);
  assert.equal(again.data.error.code, 'already_cancelled');
});

test("user B gets 404 for A's job through the API; the anon key alone is refused", async () => {
  const a = await userToken({ sub: randomUUID() });
  const b = await userToken({ sub: randomUUID() });
  const { data } = await invoke<{ job_id: string }>('enqueue-analysis', a, { body: chat('wait 5000') });
  const seen = await invoke<{ error: { code: string } }>(`get-analysis-status?job_id=${data.job_id}`, b, { method: 'GET' });
  assert.equal(seen.status, 404);
  assert.equal(seen.data.error.code, 'not_found');
  const cancel = await invoke<{ error: { code: string } }>('cancel-analysis', b, { body: { job_id: data.job_id } });
  assert.equal(cancel.status, 404);
  // No Authorization override: supabase-js sends the anon key as the bearer, which is not a user.
  const { error } = await supabase.functions.invoke('enqueue-analysis', { body: chat('oi') });
  assert.ok(error instanceof FunctionsHttpError);
  assert.equal((error.context as Response).status, 401);
  await invoke('cancel-analysis', a, { body: { job_id: data.job_id } });
});

test('CORS preflight through the daemon answers like Supabase', async () => {
  const res = await fetch(`http://127.0.0.1:${daemon.port}/functions/v1/enqueue-analysis`, {
    method: 'OPTIONS',
    headers: { origin: 'http://app.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'ok');
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  assert.equal(res.headers.get('access-control-allow-headers'), 'authorization, x-client-info, apikey, content-type');
});
