// What a local client needs to talk to the gateway as Supabase would let it: a user access token
// signed like Supabase Auth signs one, and a WhatsApp webhook signed like Meta signs one.
import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';

/** HS256, aud authenticated, iss <SUPABASE_URL>/auth/v1 — the claims the gateway verifies. */
export async function signUserToken(opts: { secret: string; supabaseUrl: string; sub: string; ttlSeconds?: number }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: 'authenticated', aal: 'aal1' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(opts.sub)
    .setIssuer(`${opts.supabaseUrl}/auth/v1`)
    .setAudience('authenticated')
    .setIssuedAt(now)
    .setExpirationTime(now + (opts.ttlSeconds ?? 3600))
    .sign(new TextEncoder().encode(opts.secret));
}

/** X-Hub-Signature-256 over the exact bytes sent. */
export function whatsappSignature(appSecret: string, body: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** A Cloud API webhook delivery carrying one text message, as Meta sends it. */
export function whatsappWebhook(opts: { from: string; messageId: string; text: string; phoneNumberId: string; name?: string }): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '0',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550000000', phone_number_id: opts.phoneNumberId },
              contacts: [{ profile: { name: opts.name ?? 'Cliente' }, wa_id: opts.from }],
              messages: [{ from: opts.from, id: opts.messageId, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: opts.text } }],
            },
          },
        ],
      },
    ],
  });
}
