// whatsapp-ai-assistant through the fastify host (so the raw body reaches the signature check
// untouched): Meta's verification handshake, X-Hub-Signature-256, the service identity, idempotent
// redelivery, the flag, and the body limit enforced over real HTTP on chunked uploads.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { createGateway, DEFAULT_WHATSAPP_SERVICE_USER_ID, envFromRecord, type Gateway, type RunInline } from '../src/gateway/index.ts';
import { registerFunctions } from '../src/http/functions.ts';
import { useFreshDatabase } from './support/database.ts';
import { gatewayTestEnv, userToken } from './support/jwt.ts';

const db = useFreshDatabase('gateway_whatsapp');
const APP_SECRET = 'whatsapp-app-secret';
const VERIFY_TOKEN = 'verify-me';
let app: FastifyInstance;
let gw: Gateway;
let base: string;
const inlineCalls: Array<{ type: string; input: unknown; userId: string | undefined }> = [];

before(async () => {
  await db.ready;
  const runInline: RunInline = async (type, input, _signal, ctx) => {
    inlineCalls.push({ type, input, userId: ctx?.userId });
    return { result: { replied: true } };
  };
  gw = createGateway({
    env: envFromRecord(gatewayTestEnv(db.url, { WHATSAPP_APP_SECRET: APP_SECRET, WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN, GATEWAY_MAX_BODY_BYTES: '4096' })),
    runInline,
    flagCacheTtlMs: 0,
  });
  app = Fastify();
  registerFunctions(app, gw);
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/functions/v1`;
});

after(async () => {
  await app?.close();
  await gw?.close();
});

function webhook(messages: Array<{ id: string; from: string; text?: string; type?: string }>): string {
  // Spacing as Meta sends it matters: the signature covers these exact bytes.
  return JSON.stringify(
    {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'WABA',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { phone_number_id: '1' },
                messages: messages.map((m) => ({
                  id: m.id,
                  from: m.from,
                  timestamp: '1700000000',
                  type: m.type ?? 'text',
                  ...(m.text !== undefined ? { text: { body: m.text } } : { image: { id: 'media-1', mime_type: 'image/jpeg' } }),
                })),
              },
            },
          ],
        },
      ],
    },
    null,
    1,
  );
}

function sign(body: string, secret = APP_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function deliver(body: string, signature: string | undefined): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature) headers['x-hub-signature-256'] = signature;
  return fetch(`${base}/whatsapp-ai-assistant`, { method: 'POST', headers, body });
}

test('GET verification handshake: the challenge echoes back only with the right token', async () => {
  const ok = await fetch(`${base}/whatsapp-ai-assistant?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
  assert.equal(ok.status, 200);
  assert.equal(await ok.text(), '1158201444');
  const wrong = await fetch(`${base}/whatsapp-ai-assistant?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
  assert.equal(wrong.status, 403);
  const mode = await fetch(`${base}/whatsapp-ai-assistant?hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`);
  assert.equal(mode.status, 403);
});

test('POST: a missing, wrong or tampered signature is 401 and nothing runs', async () => {
  const body = webhook([{ id: 'wamid.bad', from: '5511999990000', text: 'oi' }]);
  const before = inlineCalls.length;
  assert.equal((await deliver(body, undefined)).status, 401);
  assert.equal((await deliver(body, sign(body, 'other-secret'))).status, 401);
  assert.equal((await deliver(body.replace('oi', 'io'), sign(body))).status, 401);
  assert.equal((await deliver(body, 'sha256=zz')).status, 401);
  const r = await deliver(body, sign(body).toUpperCase());
  assert.equal(r.status, 401);
  assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'invalid_signature');
  assert.equal(inlineCalls.length, before);
});

test('POST signed: text runs inline (flag off) as the service identity; media without a caption is skipped', async () => {
  const body = webhook([
    { id: 'wamid.1', from: '5511999990001', text: 'Quantas calorias tem um pão francês?' },
    { id: 'wamid.2', from: '5511999990001', type: 'image' },
  ]);
  const res = await deliver(body, sign(body));
  assert.equal(res.status, 200);
  const out = (await res.json()) as { received: number; skipped: number; messages: Array<Record<string, unknown>> };
  assert.equal(out.received, 1);
  assert.equal(out.skipped, 1);
  assert.deepEqual(out.messages, [{ id: 'wamid.1', mode: 'sync', status: 'completed' }]);
  const call = inlineCalls.at(-1)!;
  assert.equal(call.type, 'whatsapp_message');
  assert.deepEqual(call.input, { from: '5511999990001', text: 'Quantas calorias tem um pão francês?' });
  assert.equal(call.userId, DEFAULT_WHATSAPP_SERVICE_USER_ID);
});

test('POST signed with WHATSAPP_USE_ASYNC on: one job per message, owned by the service identity; a redelivery makes no second job', async () => {
  await db.pool.query(`insert into ai_workers (id, host, pid, version, concurrency) values ('w-wa', 'h', 1, 't', 1)`);
  await db.pool.query(`insert into feature_flags (name, value) values ('WHATSAPP_USE_ASYNC', 'true')`);
  try {
    const id = `wamid.${randomUUID()}`;
    const body = webhook([{ id, from: '5511999990002', text: 'Meu exame de glicose deu 110' }]);
    const first = await deliver(body, sign(body));
    assert.equal(first.status, 200);
    const a = (await first.json()) as { messages: Array<{ mode: string; status: string; job_id: string }> };
    assert.equal(a.messages[0]!.mode, 'async');
    assert.equal(a.messages[0]!.status, 'pending');
    const again = await deliver(body, sign(body));
    const b = (await again.json()) as { messages: Array<{ job_id: string }> };
    assert.equal(b.messages[0]!.job_id, a.messages[0]!.job_id);
    const { rows } = await db.pool.query('select user_id, type, input, idempotency_key from analysis_jobs where idempotency_key = $1', [`wa:${id}`]);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].user_id, DEFAULT_WHATSAPP_SERVICE_USER_ID);
    assert.deepEqual(rows[0].input, { from: '5511999990002', text: 'Meu exame de glicose deu 110' });
  } finally {
    await db.pool.query('delete from ai_workers; delete from feature_flags');
  }
});

test('over real HTTP: 413 for a declared length and for a chunked body past the limit; the connection still gets its answer', async () => {
  const token = await userToken();
  const big = JSON.stringify({ type: 'unified_assistant', input: { messages: [{ role: 'user', content: 'oi' }] }, pad: 'x'.repeat(10_000) });
  const declared = await fetch(`${base}/enqueue-analysis`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: big,
  });
  assert.equal(declared.status, 413);
  assert.equal(((await declared.json()) as { error: { code: string } }).error.code, 'payload_too_large');

  const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      `${base}/enqueue-analysis`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    for (let i = 0; i < 10; i++) req.write(big.slice(i * 1000, (i + 1) * 1000));
    req.end(big.slice(10_000));
  });
  assert.equal(chunked.status, 413);
  assert.equal((JSON.parse(chunked.body) as { error: { code: string } }).error.code, 'payload_too_large');

  // A small request on the same host still works.
  const ok = await fetch(`${base}/enqueue-analysis`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{"type":"unified_assistant","input":{"messages":[{"role":"user","content":"oi"}]}}',
  });
  assert.equal(ok.status, 202);
  // Bodies without a content type are refused as 415, not parsed.
  const noType = await fetch(`${base}/enqueue-analysis`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array([123, 125]) });
  assert.equal(noType.status, 415);
});
