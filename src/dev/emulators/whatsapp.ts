// WhatsApp Cloud API emulator (dev/test only): POST /{version}/{phone_number_id}/messages with a
// Bearer token, Graph-style errors, and a record of every accepted message for tests to read.
import { inferencePost, sendJson, sha256, startEmulator, type CommonKnobs, type Emulator, type RequestContext } from './common.ts';

export interface WhatsAppKnobs extends CommonKnobs {
  /** The accepted bearer token. */
  token?: string;
  phoneNumberId?: string;
}

export interface SentMessage {
  phoneNumberId: string;
  to: string;
  type: string;
  body: string;
  id: string;
  at: string;
}

export interface WhatsAppEmulator extends Emulator<WhatsAppKnobs> {
  /** Accepted messages, oldest first. */
  sent: SentMessage[];
}

function graphError(message: string, type: string, code: number, extra: Record<string, unknown> = {}) {
  return { error: { message, type, code, ...extra, fbtrace_id: 'AbCdEfGhIjKlMnOp' } };
}

export function start(opts: { port?: number; host?: string } & WhatsAppKnobs = {}): Promise<WhatsAppEmulator> {
  const { port, host, ...knobs } = opts;
  const initial: WhatsAppKnobs = { token: 'test-whatsapp-token', phoneNumberId: '100000000000001', ...knobs };
  const sent: SentMessage[] = [];
  const ROUTE = /^\/(v\d+\.\d+)\/(\d+)\/messages$/;
  const emu = startEmulator<WhatsAppKnobs>({
    name: 'whatsapp',
    port,
    host,
    knobs: initial,
    route: inferencePost(ROUTE, (m) => ({ endpoint: 'POST /{version}/{phone_number_id}/messages', handler: (c) => send(c, m[2]!) })),
    fail(ctx, status, k) {
      // Graph sends no Retry-After; the knob adds one so tests need not wait the client's default.
      if (status === 429)
        return sendJson(
          ctx.res,
          429,
          graphError('(#130429) Rate limit hit', 'OAuthException', 130429),
          k.retryAfterSec === undefined ? {} : { 'retry-after': String(k.retryAfterSec) },
        );
      if (status === 401) return sendJson(ctx.res, 401, graphError('Invalid OAuth access token - Cannot parse access token', 'OAuthException', 190));
      if (status === 404) return sendJson(ctx.res, 404, graphError('Unknown path components', 'OAuthException', 2500));
      if (status >= 500)
        return sendJson(
          ctx.res,
          status,
          graphError('An unexpected error has occurred. Please retry your request later.', 'OAuthException', 2, { is_transient: true }),
        );
      return sendJson(ctx.res, status, graphError('(#100) Invalid parameter', 'OAuthException', 100));
    },
  });

  function send(ctx: RequestContext<WhatsAppKnobs>, phoneNumberId: string): void {
    if (ctx.req.headers.authorization !== `Bearer ${ctx.knobs.token}`) {
      return sendJson(ctx.res, 401, graphError('Invalid OAuth access token - Cannot parse access token', 'OAuthException', 190));
    }
    if (ctx.knobs.phoneNumberId !== undefined && phoneNumberId !== ctx.knobs.phoneNumberId) {
      return sendJson(
        ctx.res,
        400,
        graphError(
          `Unsupported post request. Object with ID '${phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
          'GraphMethodException',
          100,
          { error_subcode: 33 },
        ),
      );
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(ctx.body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return sendJson(ctx.res, 400, graphError('(#100) Invalid JSON', 'OAuthException', 100));
    }
    if (body.messaging_product !== 'whatsapp') {
      return sendJson(ctx.res, 400, graphError('(#100) The parameter messaging_product is required.', 'OAuthException', 100));
    }
    const to = typeof body.to === 'string' ? body.to.replace(/\D/g, '') : '';
    if (!to) return sendJson(ctx.res, 400, graphError('(#100) The parameter to is required.', 'OAuthException', 100));
    const text = (body.text as { body?: unknown } | undefined)?.body;
    if ((body.type ?? 'text') !== 'text' || typeof text !== 'string' || text === '') {
      return sendJson(ctx.res, 400, graphError("(#100) Param text['body'] is required for type text", 'OAuthException', 100));
    }
    if (text.length > 4096) return sendJson(ctx.res, 400, graphError("(#100) Param text['body'] must be at most 4096 characters long.", 'OAuthException', 100));
    const id = `wamid.${Buffer.from(sha256(`${ctx.hash}:${ctx.seq}`).slice(0, 36)).toString('base64')}`;
    sent.push({ phoneNumberId, to, type: 'text', body: text, id, at: new Date().toISOString() });
    sendJson(ctx.res, 200, { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: to }], messages: [{ id }] });
  }

  return emu.then((e) => Object.assign(e, { sent }));
}
