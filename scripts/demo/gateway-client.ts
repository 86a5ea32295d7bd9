// A minimal HTTP client for the gateway's /functions/v1/<name> endpoints, as an app would call them.
// Every request is bounded: a hung daemon must end the demo with a message, not hang it.

export interface GatewayReply {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export class GatewayClient {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async call(
    name: string,
    init: { method?: string; token?: string; body?: string; headers?: Record<string, string>; query?: string } = {},
  ): Promise<GatewayReply> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${this.baseUrl}/functions/v1/${name}${init.query ?? ''}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    let body: Record<string, unknown>;
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = { raw: text.slice(0, 200) };
    }
    return { status: res.status, body, headers: res.headers };
  }

  post(name: string, payload: unknown, token: string): Promise<GatewayReply> {
    return this.call(name, { token, body: JSON.stringify(payload) });
  }

  status(jobId: string, token: string): Promise<GatewayReply> {
    return this.call('get-analysis-status', { token, query: `?job_id=${encodeURIComponent(jobId)}` });
  }
}

/** `{"error":{"code","message"}}` → "code: message", for one-line failure reports. */
export function describeError(reply: GatewayReply): string {
  const err = reply.body.error as { code?: string; message?: string } | undefined;
  return err ? `HTTP ${reply.status} ${err.code ?? ''}${err.message ? `: ${err.message}` : ''}` : `HTTP ${reply.status}`;
}
