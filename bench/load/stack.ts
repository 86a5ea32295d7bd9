// The system under load for the e2e, worker-concurrency and stress benches: a fresh database on the
// local PostgreSQL, the four protocol emulators (in this process, with provider-like latency) and
// the daemon in a child process (bench/load/daemon-child.ts) hosting the edge functions.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEFAULT_DATABASE_URL } from '../../src/config.ts';
import { migrate } from '../../src/db/migrate.ts';
import * as gemini from '../../src/dev/emulators/gemini.ts';
import * as ollama from '../../src/dev/emulators/ollama.ts';
import * as whatsapp from '../../src/dev/emulators/whatsapp.ts';
import * as yolo from '../../src/dev/emulators/yolo.ts';
import { signUserToken } from '../../scripts/demo/auth.ts';
import type { ChildMessage, DaemonSample } from './daemon-child.ts';
import { emulatorProviderEnv } from '../../src/dev/emulators/env.ts';

export const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? DEFAULT_DATABASE_URL;
export const SUPABASE_URL = 'http://127.0.0.1:54321';
export const JWT_SECRET = 'ai-worker-bench-jwt-secret-not-for-production-01';
const GEMINI_KEY = 'bench-gemini-key';
const WA_TOKEN = 'bench-whatsapp-token';
const WA_PHONE_ID = '100000000000001';

export function dbUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh, migrated database named bench_<prefix>_<random>. */
export async function freshDatabase(prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `bench_${prefix}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = dbUrl(name);
  await migrate(url);
  return { name, url, drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}) };
}

export interface Emulators {
  all: Array<yolo.YoloEmulator | ollama.OllamaEmulator | gemini.GeminiEmulator | whatsapp.WhatsAppEmulator>;
  env: Record<string, string>;
  requests(): Record<string, number>;
  close(): Promise<void>;
}

export async function startEmulators(latencyMs: [number, number]): Promise<Emulators> {
  const [y, o, g, w] = await Promise.all([
    yolo.start({ latencyMs }),
    ollama.start({ latencyMs }),
    gemini.start({ latencyMs, apiKey: GEMINI_KEY }),
    whatsapp.start({ latencyMs, token: WA_TOKEN, phoneNumberId: WA_PHONE_ID }),
  ]);
  // The WhatsApp emulator keeps every sent message for tests; a long run does not need them.
  const trim = setInterval(() => w.sent.splice(0, w.sent.length), 10_000);
  trim.unref();
  return {
    all: [y, o, g, w],
    env: {
      ...emulatorProviderEnv(
        { yolo: y.url, ollama: o.url, gemini: g.url, whatsapp: w.url },
        { geminiKey: GEMINI_KEY, whatsappToken: WA_TOKEN, whatsappPhoneNumberId: WA_PHONE_ID },
      ),
      // Gemini sits second in every chain and the emulated Ollama/YOLO never fail here, so Gemini
      // is not called at all; the high RPM only makes sure a fallback could not throttle the run.
      GEMINI_RPM: '10000',
    },
    requests: () => ({ yolo: y.stats.requests, ollama: o.stats.requests, gemini: g.stats.requests, whatsapp: w.stats.requests }),
    close: async () => {
      clearInterval(trim);
      await Promise.all([y.close(), o.close(), g.close(), w.close()]);
    },
  };
}

export interface DaemonProcess {
  pid: number;
  port: number;
  base: string;
  concurrency: number;
  poolMax: number;
  sample(): Promise<DaemonSample>;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./daemon-child.ts', import.meta.url));

/** Forks the daemon; resolves when it listens. Every wait is bounded. */
export async function startDaemonProcess(env: Record<string, string>): Promise<DaemonProcess> {
  const child: ChildProcess = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'error', PORT: '0', HOST: '127.0.0.1', SERVE_FUNCTIONS: 'true', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = <T extends ChildMessage['type']>(type: T, timeoutMs: number): Promise<Extract<ChildMessage, { type: T }>> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`daemon child: no '${type}' within ${timeoutMs} ms`)), timeoutMs);
      const onMsg = (m: ChildMessage) => {
        if (m.type === type) done(undefined, m as Extract<ChildMessage, { type: T }>);
        else if (m.type === 'error') done(new Error(`daemon child: ${m.error}`));
      };
      const onExit = () => done(new Error(`daemon child exited while waiting for '${type}'`));
      function done(err?: Error, m?: Extract<ChildMessage, { type: T }>) {
        clearTimeout(timer);
        child.off('message', onMsg);
        child.off('exit', onExit);
        if (err) reject(err);
        else resolve(m!);
      }
      child.on('message', onMsg);
      child.once('exit', onExit);
    });
  let ready: Extract<ChildMessage, { type: 'ready' }>;
  try {
    ready = await next('ready', 30_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  // Samples are answered in order, one at a time.
  let chain: Promise<unknown> = Promise.resolve();
  return {
    pid: child.pid!,
    port: ready.port,
    base: `http://127.0.0.1:${ready.port}`,
    concurrency: ready.concurrency,
    poolMax: ready.poolMax,
    sample: () => {
      const p = chain.then(() => {
        const reply = next('sample', 5_000);
        child.send({ type: 'sample' });
        return reply;
      });
      chain = p.catch(() => {});
      return p.then((m) => m.sample);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const stopped = next('stopped', 10_000).catch(() => undefined);
      child.send({ type: 'stop' });
      await stopped;
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The env every bench daemon gets besides the emulators': gateway on, all five flags async. */
export function gatewayEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    SUPABASE_URL,
    GATEWAY_JWT_SECRET: JWT_SECRET,
    SOFIA_USE_ASYNC: 'true',
    EXAMS_USE_ASYNC: 'true',
    UNIFIED_USE_ASYNC: 'true',
    WHATSAPP_USE_ASYNC: 'true',
    MEAL_PLAN_USE_ASYNC: 'true',
    ...extra,
  };
}

export function userToken(sub: string): Promise<string> {
  return signUserToken({ secret: JWT_SECRET, supabaseUrl: SUPABASE_URL, sub, ttlSeconds: 2 * 3600 });
}
