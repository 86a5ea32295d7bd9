// Shared plumbing for the protocol emulators (dev/test tools; the product never imports them):
// a node:http server with request counting, deterministic latency/failure knobs, "down" modes,
// and helpers for deterministic content.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A fixed failure every matching request gets (subject to `failFirst`). */
export type FailureMode = 'none' | '400' | '401' | '403' | '404' | '429' | '500' | '503' | 'hang' | 'garbage' | 'reset';

export interface CommonKnobs {
  /** Fixed delay, or a [min,max] range picked deterministically from the request hash. */
  latencyMs?: number | [number, number];
  /** Fraction 0..1 of requests that fail with `errorStatus` (deterministic: hash of body and sequence). */
  errorRate?: number;
  errorStatus?: 500 | 503 | 429;
  failure?: FailureMode;
  /** Apply `failure` only to the next N matching requests, then answer normally. */
  failFirst?: number;
  /** Seconds a 429 asks the client to wait (RetryInfo / Retry-After). */
  retryAfterSec?: number;
  /** true: connection refused (port closed); 'reset': accept then destroy every socket. */
  down?: boolean | 'reset';
}

export interface EmulatorStats {
  /** Every request that reached a handler, by "METHOD /path-pattern". */
  byEndpoint: Record<string, number>;
  requests: number;
  /** Requests answered with an injected failure. */
  injectedFailures: number;
  /** Arrival times (Date.now) of inference requests, oldest first (capped at 10 000). */
  arrivals: number[];
}

export interface Emulator<K> {
  url: string;
  port: number;
  stats: EmulatorStats;
  knobs(): K;
  setKnobs(patch: Partial<K>): Promise<void>;
  /** Zero the counters (knobs unchanged). */
  resetStats(): void;
  close(): Promise<void>;
}

export interface RequestContext<K extends CommonKnobs = CommonKnobs> {
  /** The knobs in force for this request (setKnobs changes them between requests). */
  knobs: K;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  body: Buffer;
  /** Hex sha256 of method+path+body: the seed of every deterministic choice. */
  hash: string;
  /** Per-emulator sequence number of this request (1-based). */
  seq: number;
}

export type Route<K extends CommonKnobs = CommonKnobs> = (ctx: RequestContext<K>) => Promise<void> | void;

export interface EmulatorSpec<K extends CommonKnobs> {
  name: string;
  port?: number;
  host?: string;
  knobs: K;
  /** Resolve the endpoint key for stats and the handler; undefined → 404. */
  route(method: string, path: string): { endpoint: string; handler: Route<K>; inference: boolean } | undefined;
  /** How an injected failure looks on this protocol. */
  fail(ctx: RequestContext<K>, status: number, knobs: K): void;
}

/** The route of an API whose one inference endpoint is a POST to paths matching `pattern`. */
export function inferencePost<K extends CommonKnobs>(
  pattern: RegExp,
  to: (m: RegExpExecArray) => { endpoint: string; handler: Route<K> },
): EmulatorSpec<K>['route'] {
  return (method, path) => {
    const m = pattern.exec(path);
    return method === 'POST' && m ? { ...to(m), inference: true } : undefined;
  };
}

export async function startEmulator<K extends CommonKnobs>(spec: EmulatorSpec<K>): Promise<Emulator<K>> {
  let knobs: K = { ...spec.knobs };
  let failuresLeft = knobs.failFirst;
  const stats: EmulatorStats = { byEndpoint: {}, requests: 0, injectedFailures: 0, arrivals: [] };
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  let seq = 0;

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((err) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: `emulator bug: ${String(err)}` }));
      }
    });
  });
  server.keepAliveTimeout = 1_000;
  server.on('connection', (s) => {
    if (knobs.down === 'reset') {
      s.destroy();
      return;
    }
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = Date.now();
    const url = new URL(req.url ?? '/', 'http://emulator');
    const body = await readBody(req);
    const matched = spec.route(req.method ?? 'GET', url.pathname);
    const endpoint = matched?.endpoint ?? `${req.method} (unknown)`;
    stats.requests++;
    stats.byEndpoint[endpoint] = (stats.byEndpoint[endpoint] ?? 0) + 1;
    const n = ++seq;
    const hash = sha256(`${req.method} ${url.pathname}\n${body.toString('latin1')}`);
    const ctx: RequestContext<K> = { knobs: { ...knobs }, req, res, url, body, hash, seq: n };
    await delay(latencyFor(knobs.latencyMs, hash), res);
    if (!matched) {
      spec.fail(ctx, 404, knobs);
      return;
    }
    if (matched.inference) {
      if (stats.arrivals.length < 10_000) stats.arrivals.push(arrivedAt);
      const fixed = knobs.failure && knobs.failure !== 'none' && (failuresLeft === undefined || failuresLeft > 0);
      if (fixed) {
        if (failuresLeft !== undefined) failuresLeft--;
        stats.injectedFailures++;
        return inject(ctx, knobs.failure!);
      }
      if (knobs.errorRate && unit(sha256(`${hash}:${n}`)) < knobs.errorRate) {
        stats.injectedFailures++;
        return spec.fail(ctx, knobs.errorStatus ?? 503, knobs);
      }
    }
    await matched.handler(ctx);
  }

  function inject(ctx: RequestContext<K>, mode: FailureMode): void {
    if (mode === 'hang') {
      // Never answer; close() ends these sockets.
      hanging.add(ctx.res);
      ctx.res.on('close', () => hanging.delete(ctx.res));
      return;
    }
    if (mode === 'reset') {
      ctx.req.socket.destroy();
      return;
    }
    if (mode === 'garbage') {
      ctx.res.writeHead(200, { 'content-type': 'application/json' });
      ctx.res.end('{"this is": not json at all');
      return;
    }
    spec.fail(ctx, Number(mode), knobs);
  }

  const host = spec.host ?? '127.0.0.1';
  let port = spec.port ?? 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });

  if (knobs.down !== true) await listen();
  else {
    // Reserve a port number so setKnobs({down:false}) brings the emulator up where clients expect it.
    await listen();
    await stopListening();
  }

  return {
    url: `http://${host}:${port}`,
    get port() {
      return port;
    },
    stats,
    knobs: () => ({ ...knobs }),
    async setKnobs(patch) {
      const wasDown = knobs.down === true;
      knobs = { ...knobs, ...patch };
      if ('failFirst' in patch || 'failure' in patch) failuresLeft = knobs.failFirst;
      if (knobs.down === true && !wasDown) await stopListening();
      if (knobs.down !== true && wasDown) await listen();
      if (knobs.down === 'reset') for (const s of sockets) s.destroy();
    },
    resetStats() {
      stats.byEndpoint = {};
      stats.requests = 0;
      stats.injectedFailures = 0;
      stats.arrivals = [];
    },
    async close() {
      for (const r of hanging) r.destroy();
      await stopListening();
      server.closeAllConnections();
    },
  } satisfies Emulator<K> as Emulator<K>;
}

export function readBody(req: IncomingMessage, limit = 32 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sha256(s: string | Buffer): string {
  return createHash('sha256').update(s).digest('hex');
}

/** A number in [0,1) from a hex hash (first 13 hex digits: exact in a double). */
export function unit(hex: string): number {
  return parseInt(hex.slice(0, 13), 16) / 2 ** 52;
}

/** A deterministic pseudo-random stream seeded by a hash. */
export function seeded(hex: string): () => number {
  let state = hex;
  return () => {
    state = sha256(state);
    return unit(state);
  };
}

export function latencyFor(latency: number | [number, number] | undefined, hash: string): number {
  if (latency === undefined) return 0;
  if (typeof latency === 'number') return latency;
  const [min, max] = latency;
  return Math.round(min + unit(sha256(`latency:${hash}`)) * (max - min));
}

/** Ends early when the client goes away, so close() never waits on a pending latency timer. */
function delay(ms: number, res: ServerResponse): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    res.once('close', done);
    function done() {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
  });
}

/** Rough token count (≈4 chars per token), what the real services report within a small factor. */
export function approxTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
