// whatsapp-ai-assistant: the WhatsApp Cloud API webhook. GET is Meta's subscription handshake; POST
// carries messages, signed with X-Hub-Signature-256 = HMAC-SHA256(app secret, raw body), checked in
// constant time by Web Crypto before the body is even parsed.
//
// Identity: a WhatsApp sender is a phone number, not a Supabase user. Jobs are owned by one service
// identity (WHATSAPP_SERVICE_USER_ID, default the nil UUID) and carry the sender in input.from; the
// rollout bucket and the rate limit are keyed by the sender, and Meta's message id is the
// idempotency key, so Meta's redeliveries never create a second job.
import { validateInput, type WhatsappMessageInput } from '../job-inputs/index.ts';
import { frame, noteRoute, type GatewayContext } from './context.ts';
import { AI_FUNCTIONS, aiBody, routeAi, routingError, type AiOutcome } from './ai-functions.ts';
import { HttpError, json, methodNotAllowed, parseJson, readBody, type Handler } from './http.ts';

const SPEC = AI_FUNCTIONS['whatsapp-ai-assistant'];

function hexToBytes(hex: string): Uint8Array | undefined {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return undefined;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Whether `header` is `sha256=<hex>` of HMAC-SHA256(secret, body); crypto.subtle.verify compares in constant time. */
export async function verifyWhatsappSignature(secret: string, body: Uint8Array, header: string | null): Promise<boolean> {
  const m = /^sha256=(.+)$/.exec(header?.trim() ?? '');
  const sig = m ? hexToBytes(m[1]!) : undefined;
  if (!sig) return false;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  return crypto.subtle.verify('HMAC', key, sig as unknown as ArrayBuffer, body as unknown as ArrayBuffer);
}

/** Constant-time string equality for the verify token (lengths may leak; the content does not). */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const enc = new TextEncoder();
  const [da, db] = await Promise.all([crypto.subtle.digest('SHA-256', enc.encode(a)), crypto.subtle.digest('SHA-256', enc.encode(b))]);
  const x = new Uint8Array(da);
  const y = new Uint8Array(db);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

export interface InboundMessage {
  id: string;
  input: WhatsappMessageInput;
}

/**
 * The text messages of a webhook payload. Media messages arrive as Meta media ids, which our input
 * schema cannot carry yet (it takes base64 or a URL): their caption is used as text when present,
 * otherwise they are acknowledged and skipped (see docs/gateway.md).
 */
export function extractMessages(payload: unknown): { messages: InboundMessage[]; skipped: number } {
  const messages: InboundMessage[] = [];
  let skipped = 0;
  const obj = payload as { entry?: unknown };
  const entries = Array.isArray(obj?.entry) ? obj.entry : [];
  for (const entry of entries) {
    const changes = Array.isArray((entry as { changes?: unknown })?.changes) ? (entry as { changes: unknown[] }).changes : [];
    for (const change of changes) {
      const value = (change as { value?: { messages?: unknown } })?.value;
      const list = Array.isArray(value?.messages) ? value.messages : [];
      for (const raw of list) {
        const m = raw as { id?: unknown; from?: unknown; type?: unknown; text?: { body?: unknown }; [k: string]: unknown };
        if (typeof m?.id !== 'string' || typeof m.from !== 'string') {
          skipped++;
          continue;
        }
        let text: unknown;
        if (m.type === 'text') text = m.text?.body;
        else if (typeof m.type === 'string') text = (m[m.type] as { caption?: unknown } | undefined)?.caption;
        if (typeof text !== 'string' || text.trim() === '') {
          skipped++;
          continue;
        }
        messages.push({ id: m.id, input: { from: m.from, text } });
      }
    }
  }
  return { messages, skipped };
}

export function whatsappAssistant(ctx: GatewayContext): Handler {
  const { appSecret, verifyToken, serviceUserId } = ctx.config.whatsapp;
  return frame(ctx, 'whatsapp-ai-assistant', async (req) => {
    if (req.method === 'GET') {
      const q = new URL(req.url).searchParams;
      const challenge = q.get('hub.challenge') ?? '';
      const ok = verifyToken !== undefined && q.get('hub.mode') === 'subscribe' && (await sameSecret(q.get('hub.verify_token') ?? '', verifyToken));
      if (!ok) throw new HttpError(403, 'forbidden', 'verification failed');
      return new Response(challenge, { status: 200, headers: { 'Content-Type': 'text/plain' } });
    }
    if (req.method !== 'POST') throw methodNotAllowed('GET, POST');
    // Meta's deliveries are a few KB: a body past WHATSAPP_MAX_BODY_BYTES (256 KB) is refused on its
    // declared length before a byte is read, or as soon as the bytes read pass it; the HMAC is never
    // computed over megabytes from an unauthenticated sender.
    const raw = await readBody(req, ctx.config.whatsappMaxBodyBytes);
    if (!appSecret || !(await verifyWhatsappSignature(appSecret, raw, req.headers.get('x-hub-signature-256')))) {
      throw new HttpError(401, 'invalid_signature', 'X-Hub-Signature-256 does not match the body');
    }
    const { messages, skipped } = extractMessages(parseJson(raw));
    const results: Array<Record<string, unknown>> = [];
    let unavailable: unknown;
    for (const msg of messages) {
      const sender = `wa:${msg.input.from}`;
      if (!ctx.workLimiter.take(sender).allowed) {
        results.push({ id: msg.id, status: 'rate_limited' });
        continue;
      }
      try {
        validateInput('whatsapp_message', msg.input, { allowHttp: ctx.config.allowHttpImageUrls });
      } catch {
        results.push({ id: msg.id, status: 'invalid' });
        continue;
      }
      let outcome: AiOutcome;
      try {
        outcome = await routeAi(ctx, SPEC, { userId: serviceUserId, bucketKey: sender }, { type: SPEC.type, input: msg.input, idempotencyKey: `wa:${msg.id}` });
      } catch (err) {
        const e = routingError(err);
        if (e instanceof HttpError && e.status === 503) {
          unavailable = e;
          results.push({ id: msg.id, status: 'unavailable' });
          continue;
        }
        if (e instanceof HttpError) {
          results.push({ id: msg.id, status: 'failed', code: e.code });
          continue;
        }
        throw e;
      }
      noteRoute(req, { mode: outcome.mode === 'sync' && outcome.cached ? 'cache' : outcome.mode, fallback: outcome.fallback });
      const { body } = aiBody(ctx, req, outcome);
      results.push({
        id: msg.id,
        mode: body.mode,
        status: body.status,
        ...(body.job_id ? { job_id: body.job_id } : {}),
        ...(body.fallback ? { fallback: body.fallback } : {}),
      });
    }
    // Meta redelivers on any non-2xx: ask for that only when the work could not be kept anywhere
    // (the message ids make the redelivery idempotent).
    if (unavailable instanceof HttpError) throw unavailable;
    return json(200, { received: messages.length, skipped, messages: results });
  });
}
