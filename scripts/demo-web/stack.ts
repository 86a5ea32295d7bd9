// The whole product behind one local origin, as the app sees Supabase: the four model emulators,
// the daemon (worker + edge functions under /functions/v1), the Realtime emulator at
// /realtime/v1/websocket, and optionally a directory of static files (the built demo app) at /.
// Used by `npm run demo:web` and by the client tests, which drive it with the real supabase-js.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import { migrate } from '../../src/db/migrate.ts';
import * as gemini from '../../src/dev/emulators/gemini.ts';
import * as ollama from '../../src/dev/emulators/ollama.ts';
import * as realtime from '../../src/dev/emulators/realtime.ts';
import * as whatsapp from '../../src/dev/emulators/whatsapp.ts';
import * as yolo from '../../src/dev/emulators/yolo.ts';
import { startDaemon, type Daemon } from '../../src/start.ts';
import { signUserToken } from '../demo/auth.ts';
import { emulatorProviderEnv } from '../../src/dev/emulators/env.ts';

// Local-only secrets: they protect nothing but this machine's loopback ports.
export const STACK_JWT_SECRET = 'ai-worker-demo-jwt-secret-not-for-production-0001';
/** Tokens say iss = <this>/auth/v1, as Supabase Auth's do. */
export const STACK_AUTH_URL = 'http://127.0.0.1:54321';
export const STACK_ANON_KEY = 'ai-worker-demo-anon-key';
const GEMINI_KEY = 'ai-worker-demo-gemini-key';
const WA_TOKEN = 'ai-worker-demo-whatsapp-token';
const WA_PHONE_ID = '100000000000001';

export interface StackOptions {
  databaseUrl: string;
  /** Create the Supabase `realtime` schema, then migrate (a fresh database). Default true. */
  bootstrap?: boolean;
  /** *_USE_ASYNC flags; default all true (the queue path). */
  flags?: Record<string, string>;
  /** Emulator latency (ms): a fixed value or a range. */
  latencyMs?: number | [number, number];
  /** Serve these files at / (index.html for unknown paths). */
  staticDir?: string;
  /** Extra daemon environment (tests: fast leases, rate limits). */
  env?: Record<string, string>;
  host?: string;
  port?: number;
  /** Extra routes on the front (the demo's session endpoint); return true when handled. */
  route?: (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean;
}

export interface Stack {
  /** The one origin: functions, Realtime and (if staticDir) the app. */
  url: string;
  daemon: Daemon;
  realtime: realtime.RealtimeEmulator;
  yolo: yolo.YoloEmulator;
  ollama: ollama.OllamaEmulator;
  gemini: gemini.GeminiEmulator;
  whatsapp: whatsapp.WhatsAppEmulator;
  tokenFor(userId: string, ttlSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  if (options.bootstrap !== false) {
    await realtime.bootstrapRealtimeSchema(options.databaseUrl);
    await migrate(options.databaseUrl);
  }
  const latencyMs = options.latencyMs ?? 0;
  const [y, o, g, w] = await Promise.all([
    yolo.start({ latencyMs }),
    ollama.start({ latencyMs }),
    gemini.start({ latencyMs, apiKey: GEMINI_KEY }),
    whatsapp.start({ latencyMs, token: WA_TOKEN, phoneNumberId: WA_PHONE_ID }),
  ]);
  const closers: Array<() => Promise<unknown>> = [() => Promise.all([y, o, g, w].map((e) => e.close()))];
  try {
    const flags = options.flags ?? {
      SOFIA_USE_ASYNC: 'true',
      EXAMS_USE_ASYNC: 'true',
      UNIFIED_USE_ASYNC: 'true',
      MEAL_PLAN_USE_ASYNC: 'true',
    };
    const env: Record<string, string> = {
      DATABASE_URL: options.databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SERVE_FUNCTIONS: 'true',
      SUPABASE_URL: STACK_AUTH_URL,
      SUPABASE_JWT_SECRET: STACK_JWT_SECRET,
      ...emulatorProviderEnv(
        { yolo: y.url, ollama: o.url, gemini: g.url, whatsapp: w.url },
        { geminiKey: GEMINI_KEY, whatsappToken: WA_TOKEN, whatsappPhoneNumberId: WA_PHONE_ID },
      ),
      GEMINI_RPM: '10000',
      ...flags,
      ...options.env,
    };
    const daemon = await startDaemon(loadConfig(env), { migrate: false, gatewayEnv: env, logger: pino({ level: 'silent' }) });
    closers.unshift(() => daemon.stop(2_000));
    const daemonUrl = `http://127.0.0.1:${daemon.port}`;
    const rt = await realtime.start({ databaseUrl: options.databaseUrl, jwtSecret: STACK_JWT_SECRET, proxy: daemonUrl });
    closers.unshift(() => rt.close());

    // The front: what Supabase's API gateway is to an app, plus the app's own files.
    const sockets = new Set<Socket>();
    const front: Server = createServer((req, res) => {
      const pathname = new URL(req.url ?? '/', 'http://front').pathname;
      if (pathname.startsWith('/functions/v1/')) return realtime.proxyHttp(daemonUrl, req, res);
      if (options.route?.(req, res, pathname)) return;
      if (options.staticDir) return void serveStatic(options.staticDir, pathname, req, res);
      res.writeHead(404).end();
    });
    front.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    front.on('upgrade', (req, socket, head) => {
      if (!rt.handleUpgrade(req, socket, head)) socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      front.once('error', reject);
      front.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    closers.unshift(
      () =>
        new Promise<void>((resolve) => {
          front.close(() => resolve());
          for (const s of sockets) s.destroy();
        }),
    );
    const port = (front.address() as AddressInfo).port;
    return {
      url: `http://${options.host ?? '127.0.0.1'}:${port}`,
      daemon,
      realtime: rt,
      yolo: y,
      ollama: o,
      gemini: g,
      whatsapp: w,
      tokenFor: (sub, ttlSeconds) => signUserToken({ secret: STACK_JWT_SECRET, supabaseUrl: STACK_AUTH_URL, sub, ttlSeconds }),
      close: async () => {
        // Front first (no new requests), then Realtime, the daemon, the emulators.
        for (const c of closers) await c().catch(() => {});
      },
    };
  } catch (err) {
    for (const c of closers) await c().catch(() => {});
    throw err;
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

async function serveStatic(root: string, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
  const base = path.resolve(root);
  let file = path.resolve(base, `.${decodeURIComponent(pathname)}`);
  // Never outside the app's directory.
  if (file !== base && !file.startsWith(base + path.sep)) return void res.writeHead(403).end();
  const isFile = await stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) file = path.join(base, 'index.html');
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404).end();
  }
}
