// WhatsApp Cloud API: send one text message and return its wamid. Retried (by resilientCall) on
// 5xx and 429; a Graph error's message is kept, its fbtrace and the token never are.
import type { AttemptResult } from './call.ts';
import { BadResponseError, HttpStatusError, parseRetryAfterHeader } from './classify.ts';

export interface WhatsAppClientOptions {
  apiUrl: string;
  token: string;
  phoneNumberId: string;
  fetch?: typeof fetch;
}

export class WhatsAppClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly opts: WhatsAppClientOptions) {
    this.fetch = opts.fetch ?? fetch;
  }

  async sendText(to: string, body: string, signal: AbortSignal): Promise<AttemptResult<{ messageId: string }>> {
    const res = await this.fetch(`${this.opts.apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(this.opts.phoneNumberId)}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.opts.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { preview_url: false, body } }),
      signal,
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const e = (json as { error?: { message?: string; code?: number } } | undefined)?.error;
      const msg = e?.message ? `${e.message}${e.code !== undefined ? ` (code ${e.code})` : ''}` : res.statusText;
      throw new HttpStatusError(res.status, msg, parseRetryAfterHeader(res.headers.get('retry-after')));
    }
    const id = (json as { messages?: Array<{ id?: unknown }> } | undefined)?.messages?.[0]?.id;
    if (typeof id !== 'string') throw new BadResponseError('send answer has no messages[0].id');
    return { value: { messageId: id }, status: res.status };
  }
}
